/* cost-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-analysis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-analysis.h"

static int
compare_run_rate (gconstpointer a,
                  gconstpointer b)
{
  const CostItemFigures *x = *(const CostItemFigures **) a;
  const CostItemFigures *y = *(const CostItemFigures **) b;

  return x->run_rate < y->run_rate ? 1 : x->run_rate > y->run_rate ? -1 : 0;
}

/**
 * cost_analysis_top_items:
 * @limit: at most this many items, %G_MAXUINT for all
 * @flags: %COST_TOP_ITEMS_PRICED for only the items with a quantity and a
 *   unit price, which a slider can scale
 *
 * The one ranking of the largest items: the what-if sliders and the chart
 * of the largest costs both show it.
 *
 * Returns: (transfer container) (element-type CostItemFigures): the figures
 *   (borrowed from @result) of the items with a monthly run-rate, largest
 *   first; equal run-rates keep the order of the project
 */
GPtrArray *
cost_analysis_top_items (const CostResult  *result,
                         guint              limit,
                         CostTopItemsFlags  flags)
{
  GPtrArray *top = g_ptr_array_new ();

  g_return_val_if_fail (result != NULL, top);

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (f->excluded || f->run_rate <= 0)
        continue;
      if ((flags & COST_TOP_ITEMS_PRICED) != 0 && (f->params.quantity <= 0 || f->params.unit_price <= 0))
        continue;
      g_ptr_array_add (top, (gpointer) f);
    }

  /* A stable sort: ties stay in the project's order. */
  g_ptr_array_sort (top, compare_run_rate);
  if (top->len > limit)
    g_ptr_array_set_size (top, limit);

  return top;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const CostSensitivity *x = a, *y = b;
  double sx = x->high - x->low, sy = y->high - y->low;

  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

/**
 * cost_analysis_sensitivity:
 * @fraction: how far quantities and prices move (0.2 for ±20%)
 *
 * Returns: (transfer full) (element-type CostSensitivity): for each item
 *   that costs money in the run-rate, the run-rate when its quantity or its
 *   unit price moves by ±@fraction, ranked by the width of the swing
 */
GArray *
cost_analysis_sensitivity (const CostResult *result,
                           double            fraction)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (CostSensitivity));

  g_return_val_if_fail (result != NULL, rows);

  if (!isfinite (fraction) || fraction < 0)
    fraction = 0;

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];
      CostSensitivity row = { f->item, f->category_index, result->run_rate, result->run_rate };
      double factors[2] = { 1.0 - fraction, 1.0 + fraction };

      if (f->excluded || f->run_rate == 0)
        continue;

      for (guint k = 0; k < 2; k++)
        {
          CostItemParams q = f->params, p = f->params;
          double by_quantity, by_price;

          q.quantity *= factors[k];
          p.unit_price *= factors[k];
          by_quantity = cost_round_money (result->run_rate - f->run_rate + cost_calc_item_run_rate (&q, result->horizon));
          by_price = cost_round_money (result->run_rate - f->run_rate + cost_calc_item_run_rate (&p, result->horizon));
          row.low = MIN (row.low, MIN (by_quantity, by_price));
          row.high = MAX (row.high, MAX (by_quantity, by_price));
        }

      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_swing);

  return rows;
}

static const CostItemFigures *
find_same_item (const CostResult      *result,
                const CostItemFigures *f,
                guint                  hint)
{
  /* Results of one project list the baseline items in the same order. */
  if (hint < result->n_items && result->items[hint].item == f->item)
    return &result->items[hint];

  for (guint i = 0; i < result->n_items; i++)
    {
      if (result->items[i].item == f->item)
        return &result->items[i];
    }

  return NULL;
}

static int
compare_delta (gconstpointer a,
               gconstpointer b)
{
  const CostWaterfallStep *x = a, *y = b;
  double dx = fabs (x->delta), dy = fabs (y->delta);

  return dx < dy ? 1 : dx > dy ? -1 : 0;
}

/**
 * cost_analysis_waterfall:
 * @from: the figures the gap starts from (often the baseline)
 * @to: the figures it ends at
 * @max_steps: the most steps to show; smaller changes are grouped in a last
 *   step (0: no limit)
 *
 * Explains the run-rate gap between two results item by item. The steps add
 * up to @to's run-rate minus @from's, to the cent.
 *
 * Returns: (transfer full) (element-type CostWaterfallStep): the changes,
 *   largest first
 */
GArray *
cost_analysis_waterfall (const CostResult *from,
                         const CostResult *to,
                         guint             max_steps)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (CostWaterfallStep));
  double explained = 0;
  double gap;

  g_return_val_if_fail (from != NULL && to != NULL, steps);

  for (guint i = 0; i < to->n_items; i++)
    {
      const CostItemFigures *f = &to->items[i];
      const CostItemFigures *before = find_same_item (from, f, i);
      double delta = cost_round_money (f->run_rate - (before ? before->run_rate : 0));

      if (delta != 0)
        {
          CostWaterfallStep step = { f->item, f->category_index, delta, 0 };

          g_array_append_val (steps, step);
        }
    }

  /* Items that only the starting figures have. */
  for (guint i = 0; i < from->n_items; i++)
    {
      const CostItemFigures *f = &from->items[i];

      if (f->run_rate != 0 && find_same_item (to, f, i) == NULL)
        {
          CostWaterfallStep step = { f->item, f->category_index, -f->run_rate, 0 };

          g_array_append_val (steps, step);
        }
    }

  g_array_sort (steps, compare_delta);

  if (max_steps > 0 && steps->len > max_steps)
    {
      CostWaterfallStep other = { NULL, 0, 0, 0 };

      for (guint i = max_steps - 1; i < steps->len; i++)
        {
          other.delta += g_array_index (steps, CostWaterfallStep, i).delta;
          other.n_grouped++;
        }
      g_array_set_size (steps, max_steps - 1);
      other.delta = cost_round_money (other.delta);
      g_array_append_val (steps, other);
    }

  /* Category factors can move the gap without any item changing. */
  gap = cost_round_money (to->run_rate - from->run_rate);
  for (guint i = 0; i < steps->len; i++)
    explained += g_array_index (steps, CostWaterfallStep, i).delta;
  explained = cost_round_money (explained);
  g_assert (fabs (gap - explained) < 0.005);

  return steps;
}

/**
 * cost_analysis_cumulative:
 *
 * Returns: (transfer full) (array): the cumulative spend at the end of each
 *   month of the horizon
 */
double *
cost_analysis_cumulative (const CostResult *result)
{
  double *cumulative = g_new0 (double, MAX (result->horizon, 1));
  double sum = 0;

  for (int m = 0; m < result->horizon; m++)
    {
      sum = cost_round_money (sum + result->monthly[m]);
      cumulative[m] = sum;
    }

  return cumulative;
}

/**
 * cost_analysis_budget:
 *
 * Compares the figures with the project's monthly and annual budgets: the
 * headroom (negative when over), and the first month the plan crosses each.
 */
void
cost_analysis_budget (CostProject      *project,
                      const CostResult *result,
                      CostBudgetStatus *status)
{
  double sum = 0;

  g_return_if_fail (COST_IS_PROJECT (project));
  g_return_if_fail (result != NULL && status != NULL);

  memset (status, 0, sizeof *status);
  status->monthly_budget = cost_project_get_monthly_budget (project);
  status->annual_budget = cost_project_get_annual_budget (project);
  status->first_month_over = -1;
  status->annual_crossing_month = -1;

  if (status->monthly_budget > 0)
    {
      status->monthly_headroom = cost_round_money (status->monthly_budget - result->run_rate);
      for (int m = 0; m < result->horizon; m++)
        {
          double over = cost_round_money (result->monthly[m] - status->monthly_budget);

          if (over > 0 && status->first_month_over < 0)
            {
              status->first_month_over = m;
              status->first_month_overspend = over;
            }
          status->largest_overspend = MAX (status->largest_overspend, over);
        }
    }

  if (status->annual_budget > 0)
    {
      status->annual_headroom = cost_round_money (status->annual_budget - result->first_year);
      for (int m = 0; m < MIN (12, result->horizon); m++)
        {
          sum = cost_round_money (sum + result->monthly[m]);
          if (sum > status->annual_budget)
            {
              status->annual_crossing_month = m;
              break;
            }
        }
    }
}
