/* cost-plan-actual.c
 *
 * Is the plan holding? The plan's monthly figures (from cost_calc_compute())
 * beside the project's records of actual spending, month by month and
 * category by category, with the forecast at completion and the warnings a
 * finance partner acts on. The rules are written out in cost-model.md,
 * "Actual spending".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-plan-actual"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-format.h"
#include "cost-month.h"
#include "cost-names.h"
#include "cost-plan-actual.h"
#include "cost-unit-economics.h"

G_DEFINE_BOXED_TYPE (CostPlanActual, cost_plan_actual, cost_plan_actual_ref, cost_plan_actual_unref)

static void
plan_actual_clear (CostPlanActual *self)
{
  if (self->months != NULL)
    for (int m = 0; m < self->horizon; m++)
      g_free (self->months[m].categories);
  g_free (self->months);
  g_free (self->categories_to_date);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->rates, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  g_clear_pointer (&self->result, cost_result_unref);
}

CostPlanActual *
cost_plan_actual_ref (CostPlanActual *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
cost_plan_actual_unref (CostPlanActual *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) plan_actual_clear);
}

static void
item_clear (CostPlanActualItem *item)
{
  g_free (item->months);
}

static void
rate_clear (CostPlanActualRate *rate)
{
  g_free (rate->currency);
  g_free (rate->as_of);
}

static void
warning_clear (CostPlanActualWarning *warning)
{
  g_free (warning->message);
}

static void
rate_free (gpointer data)
{
  rate_clear (data);
  g_free (data);
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const CostPlanActualRate *) a)->currency, ((const CostPlanActualRate *) b)->currency);
}

static void
set_variance (CostVariance *v,
              double        plan,
              double        actual)
{
  v->plan = plan;
  v->actual = actual;
  v->variance = cost_round_money (actual - plan);
  v->ratio = plan != 0 ? v->variance / plan : NAN;
}

static void
set_unreported (CostVariance *v,
                double        plan)
{
  v->plan = plan;
  v->actual = NAN;
  v->variance = NAN;
  v->ratio = NAN;
}

/* Whether @v runs over its plan by more than @threshold. */
static gboolean
is_over (const CostVariance *v,
         double              threshold)
{
  if (v->plan > 0)
    return v->variance > v->plan * threshold;

  return v->actual > 0;
}

static void
add_warning (CostPlanActual            *self,
             CostPlanActualWarningKind  kind,
             int                        month,
             int                        category,
             char                      *message)
{
  CostPlanActualWarning w = { kind, month, category, message };

  g_array_append_val (self->warnings, w);
}

static const char *
category_label (CostPlanActual *self,
                guint           c)
{
  return cost_names_translate (cost_category_get_name (self->result->categories[c].category));
}

static void
add_month_warnings (CostPlanActual *self,
                    const char     *currency,
                    int             m)
{
  CostPlanActualMonth *month = &self->months[m];
  g_autofree char *label = cost_month_get_label (month->month);

  if (!month->has_actuals)
    {
      add_warning (self, COST_PLAN_ACTUAL_WARNING_MISSING_MONTH, m, -1,
                   g_strdup_printf (_("No actual spending is recorded for %s: it counts as nothing spent"),
                                    label));
      return;
    }

  if (is_over (&month->total, self->threshold))
    {
      g_autofree char *actual = cost_format_money (month->total.actual, currency, 0);
      g_autofree char *plan = cost_format_money (month->total.plan, currency, 0);
      g_autofree char *over = cost_format_percent (month->total.ratio);

      add_warning (self, COST_PLAN_ACTUAL_WARNING_MONTH_OVER, m, -1,
                   isfinite (month->total.ratio) ?
                     /* Translators: "Mar 2027 ran 12.5% over plan: ¥112,500.00 against ¥100,000.00" */
                     g_strdup_printf (_("%s ran %s over plan: %s against %s"), label, over, actual, plan) :
                     g_strdup_printf (_("%s spent %s where the plan has nothing"), label, actual));
    }

  for (guint c = 0; c < self->n_categories; c++)
    {
      const CostVariance *v = &month->categories[c];
      g_autofree char *actual = NULL;
      g_autofree char *plan = NULL;
      g_autofree char *over = NULL;

      if (!is_over (v, self->threshold))
        continue;

      actual = cost_format_money (v->actual, currency, 0);
      plan = cost_format_money (v->plan, currency, 0);
      over = cost_format_percent (v->ratio);
      add_warning (self, COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER, m, c,
                   isfinite (v->ratio) ?
                     /* Translators: "Compute ran 20% over plan in Mar 2027: ¥120,000.00 against ¥100,000.00" */
                     g_strdup_printf (_("%s ran %s over plan in %s: %s against %s"), category_label (self, c),
                                      over, label, actual, plan) :
                     g_strdup_printf (_("%s spent %s in %s where the plan has nothing"),
                                      category_label (self, c), actual, label));
    }
}

static void
add_warnings (CostPlanActual *self,
              CostProject    *project)
{
  const char *currency = cost_project_get_currency (project);

  for (int m = 0; m < self->n_reported; m++)
    add_month_warnings (self, currency, m);

  if (self->unassigned_to_date != 0)
    {
      g_autofree char *amount = cost_format_money (self->unassigned_to_date, currency, 0);

      add_warning (self, COST_PLAN_ACTUAL_WARNING_UNASSIGNED, -1, -1,
                   g_strdup_printf (_("%s of the spending to date is in no category: "
                                      "add mapping rules to assign it"), amount));
    }

  if (self->n_outside > 0)
    {
      g_autofree char *amount = cost_format_money (self->outside, currency, 0);

      add_warning (self, COST_PLAN_ACTUAL_WARNING_OUTSIDE, -1, -1,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u record (%s) falls outside the plan’s months: "
                                                 "it is kept but not compared",
                                                 "%u records (%s) fall outside the plan’s months: "
                                                 "they are kept but not compared",
                                                 self->n_outside),
                                    self->n_outside, amount));
    }

  for (guint i = 0; i < self->rates->len; i++)
    {
      const CostPlanActualRate *rate = &g_array_index (self->rates, CostPlanActualRate, i);
      g_autofree char *amount = NULL;

      if (rate->rate > 0)
        continue;

      amount = cost_format_money (rate->amount, rate->currency, 0);
      add_warning (self, COST_PLAN_ACTUAL_WARNING_NO_RATE, -1, -1,
                   g_strdup_printf (_("The project has no exchange rate from %s to %s: "
                                      "%s are left out of the figures"),
                                    rate->currency, currency, amount));
    }

  if (self->budget_at_completion > 0 &&
      (self->forecast_remaining_plan > self->budget_at_completion ||
       (self->n_reported > 0 && self->forecast_run_rate > self->budget_at_completion)))
    {
      g_autofree char *budget = cost_format_money (self->budget_at_completion, currency, 0);
      g_autofree char *forecast = cost_format_money (MAX (self->forecast_remaining_plan,
                                                          self->n_reported > 0 ? self->forecast_run_rate : 0),
                                                     currency, 0);

      add_warning (self, COST_PLAN_ACTUAL_WARNING_FORECAST_OVER_BUDGET, -1, -1,
                   g_strdup_printf (_("The forecast at completion, up to %s, is over the budget of %s"),
                                    forecast, budget));
    }
}

/* The rate of @currency into the project's, found once per currency. */
static CostPlanActualRate *
lookup_rate (GHashTable  *rates,
             CostProject *project,
             const char  *currency)
{
  CostPlanActualRate *rate = g_hash_table_lookup (rates, currency);
  const char *as_of = "";

  if (rate != NULL)
    return rate;

  rate = g_new0 (CostPlanActualRate, 1);
  rate->currency = g_strdup (currency);
  if (!cost_project_get_exchange_rate (project, currency, &rate->rate, &as_of))
    rate->rate = 0;
  rate->as_of = g_strdup (as_of);
  g_hash_table_insert (rates, rate->currency, rate);

  return rate;
}

/**
 * cost_plan_actual_compute:
 * @result: the plan: the figures of the baseline or of a scenario
 * @threshold: the share a month or a category may run over its plan
 *   before a warning (%COST_PLAN_ACTUAL_DEFAULT_THRESHOLD)
 *
 * Compares @result with the project's actual spending. Amounts in other
 * currencies are converted at the project's exchange rates; an amount
 * whose currency has no rate is left out, with a warning.
 *
 * Returns: (transfer full) (nullable): the comparison, %NULL when the
 *   project has no actual spending
 */
CostPlanActual *
cost_plan_actual_compute (CostProject *project,
                          CostResult  *result,
                          double       threshold)
{
  GVariant *actuals;
  CostPlanActual *self;
  const char *currency;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GHashTable) rates = NULL;
  g_autofree double *actual = NULL;       /* [month × (n_categories + 1)], the last unassigned */
  g_autofree gboolean *has = NULL;
  guint n_records, width;
  double monthly_budget, outside = 0;
  int start, horizon, last = -1;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  actuals = cost_project_get_actuals (project);
  if (actuals == NULL || !cost_project_get_start_month (project, &start))
    return NULL;

  currency = cost_project_get_currency (project);
  horizon = result->horizon;

  self = g_atomic_rc_box_new0 (CostPlanActual);
  self->result = cost_result_ref (result);
  self->start = start;
  self->horizon = horizon;
  self->n_categories = result->n_categories;
  self->threshold = threshold;
  self->months = g_new0 (CostPlanActualMonth, horizon);
  self->items = g_array_new (FALSE, TRUE, sizeof (CostPlanActualItem));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
  self->rates = g_array_new (FALSE, TRUE, sizeof (CostPlanActualRate));
  g_array_set_clear_func (self->rates, (GDestroyNotify) rate_clear);
  self->warnings = g_array_new (FALSE, TRUE, sizeof (CostPlanActualWarning));
  g_array_set_clear_func (self->warnings, (GDestroyNotify) warning_clear);

  width = result->n_categories + 1;
  actual = g_new0 (double, (gsize) horizon * width);
  has = g_new0 (gboolean, horizon);

  categories = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint c = 0; c < result->n_categories; c++)
    g_hash_table_insert (categories, (gpointer) cost_category_get_id (result->categories[c].category),
                         GUINT_TO_POINTER (c + 1));

  /* item id → its position in the result + 1, then, once a record names
   * it, in self->items + 1 + result->n_items */
  items = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < result->n_items; i++)
    g_hash_table_insert (items, (gpointer) cost_item_get_id (result->items[i].item), GUINT_TO_POINTER (i + 1));
  /* Keys are the entries' own currencies. */
  rates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, rate_free);

  n_records = cost_actuals_get_n (actuals);
  for (guint i = 0; i < n_records; i++)
    {
      g_auto(CostActual) record = { 0, };
      double rate = 1.0, amount;
      int month = 0, m;
      guint c;

      cost_actuals_get (actuals, i, &record);
      if (strcmp (record.currency, currency) != 0)
        {
          CostPlanActualRate *r = lookup_rate (rates, project, record.currency);

          r->amount += record.amount;
          rate = r->rate;
          r->converted += record.amount * rate;
        }
      if (rate == 0)
        continue;

      amount = record.amount * rate;
      cost_month_parse (record.month, &month, NULL);
      m = month - start;
      if (m < 0 || m >= horizon)
        {
          outside += amount;
          self->n_outside++;
          continue;
        }

      has[m] = TRUE;
      last = MAX (last, m);

      /* A category the plan does not have (deleted since) counts as
       * unassigned. */
      c = GPOINTER_TO_UINT (g_hash_table_lookup (categories, record.category));
      if (c == 0)
        {
          actual[m * width + result->n_categories] += amount;
          continue;
        }
      actual[m * width + c - 1] += amount;

      if (record.item[0] != '\0')
        {
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (items, record.item));
          const CostItemFigures *figures;
          CostPlanActualItem *pa;

          if (position == 0)
            continue;

          if (position <= result->n_items)
            {
              CostPlanActualItem new_item = { 0, };
              g_autofree double *plan = g_new0 (double, horizon);

              figures = &result->items[position - 1];
              if (!figures->excluded)
                cost_calc_item_months (&figures->params, horizon, plan);
              new_item.item = figures->item;
              new_item.category_index = figures->category_index;
              new_item.months = g_new0 (CostVariance, horizon);
              for (int k = 0; k < horizon; k++)
                new_item.months[k].plan = plan[k];
              g_array_append_val (self->items, new_item);
              position = result->n_items + self->items->len;
              g_hash_table_insert (items, (gpointer) cost_item_get_id (figures->item), GUINT_TO_POINTER (position));
            }

          /* An item of another category than the record's is not its own. */
          pa = &g_array_index (self->items, CostPlanActualItem, position - 1 - result->n_items);
          if (pa->category_index == c - 1)
            pa->months[m].actual += amount;
        }
    }

  self->n_reported = last + 1;
  self->outside = cost_round_money (outside);

  /* The budget of a month: the annual budget's twelfth, else the monthly. */
  monthly_budget = cost_project_get_annual_budget (project) > 0 ?
                   cost_project_get_annual_budget (project) / 12.0 : cost_project_get_monthly_budget (project);
  self->budget_at_completion = cost_round_money (monthly_budget * horizon);

  {
    double cumulative_plan = 0, cumulative_actual = 0, plan_to_date = 0, actual_to_date = 0;
    double unassigned_to_date = 0, plan_left = 0;
    CostUnitEconomics economics;

    cost_unit_economics (project, result, &economics);

    for (int m = 0; m < horizon; m++)
      {
        CostPlanActualMonth *month = &self->months[m];
        gboolean reported = m < self->n_reported;
        double total = 0;

        month->month = start + m;
        month->reported = reported;
        month->has_actuals = has[m];
        month->categories = g_new0 (CostVariance, result->n_categories);

        for (guint c = 0; c < result->n_categories; c++)
          {
            double plan = result->categories[c].monthly[m];

            if (reported)
              {
                double a = cost_round_money (actual[m * width + c]);

                set_variance (&month->categories[c], plan, a);
                total += a;
              }
            else
              set_unreported (&month->categories[c], plan);
          }

        /* The plan's requests are the workload's, the same every month. */
        month->plan_cost_per_1000_requests = economics.monthly_requests > 0 ?
          result->monthly[m] / economics.monthly_requests * 1000.0 : NAN;
        if (!cost_project_get_actual_requests (project, start + m, &month->requests))
          month->requests = NAN;
        month->cost_per_1000_requests = NAN;

        cumulative_plan += result->monthly[m];
        month->cumulative_plan = cost_round_money (cumulative_plan);
        month->cumulative_budget = cost_round_money (monthly_budget * (m + 1));

        if (reported)
          {
            month->unassigned = cost_round_money (actual[m * width + result->n_categories]);
            total += month->unassigned;
            set_variance (&month->total, result->monthly[m], cost_round_money (total));
            cumulative_actual += month->total.actual;
            month->cumulative_actual = cost_round_money (cumulative_actual);
            plan_to_date += result->monthly[m];
            actual_to_date += month->total.actual;
            unassigned_to_date += month->unassigned;
            if (month->requests > 0)
              {
                month->cost_per_1000_requests = month->total.actual / month->requests * 1000.0;
                self->has_traffic = TRUE;
              }
          }
        else
          {
            month->unassigned = NAN;
            set_unreported (&month->total, result->monthly[m]);
            month->cumulative_actual = NAN;
            plan_left += result->monthly[m];
          }
      }

    set_variance (&self->to_date, cost_round_money (plan_to_date), cost_round_money (actual_to_date));
    self->categories_to_date = g_new0 (CostVariance, MAX (result->n_categories, 1));
    for (guint c = 0; c < result->n_categories; c++)
      {
        double plan = 0, spent = 0;

        for (int m = 0; m < self->n_reported; m++)
          {
            plan += self->months[m].categories[c].plan;
            spent += self->months[m].categories[c].actual;
          }
        set_variance (&self->categories_to_date[c], cost_round_money (plan), cost_round_money (spent));
      }
    self->unassigned_to_date = cost_round_money (unassigned_to_date);
    self->plan_at_completion = result->horizon_total;
    self->forecast_remaining_plan = cost_round_money (actual_to_date + plan_left);

    if (self->n_reported > 0)
      {
        int first = MAX (0, self->n_reported - COST_PLAN_ACTUAL_RUN_RATE_MONTHS);
        double sum = 0, mean;

        for (int m = first; m < self->n_reported; m++)
          sum += self->months[m].total.actual;
        mean = sum / (self->n_reported - first);

        self->run_rate = cost_round_money (mean);
        self->forecast_run_rate = cost_round_money (actual_to_date + mean * (horizon - self->n_reported));
      }
    else
      {
        self->run_rate = NAN;
        self->forecast_run_rate = NAN;
      }
  }

  for (guint i = 0; i < self->items->len; i++)
    {
      CostPlanActualItem *pa = &g_array_index (self->items, CostPlanActualItem, i);

      for (int m = 0; m < horizon; m++)
        {
          if (m < self->n_reported)
            set_variance (&pa->months[m], pa->months[m].plan, cost_round_money (pa->months[m].actual));
          else
            set_unreported (&pa->months[m], pa->months[m].plan);
        }
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, rates);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        CostPlanActualRate *r = value;
        CostPlanActualRate copy = {
          g_strdup (r->currency), r->rate, g_strdup (r->as_of),
          round (r->amount * 1e6) / 1e6, cost_round_money (r->converted),
        };

        g_array_append_val (self->rates, copy);
      }
    g_array_sort (self->rates, compare_rates);
  }

  add_warnings (self, project);

  return self;
}

/**
 * cost_plan_actual_find_item:
 *
 * Returns: (nullable): the figures of @item_id, when records name it
 */
const CostPlanActualItem *
cost_plan_actual_find_item (const CostPlanActual *self,
                            const char           *item_id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const CostPlanActualItem *pa = &g_array_index (self->items, CostPlanActualItem, i);

      if (g_strcmp0 (cost_item_get_id (pa->item), item_id) == 0)
        return pa;
    }

  return NULL;
}

/**
 * cost_plan_actual_warning_kind_to_string:
 *
 * Returns: the name of @kind for machines: "month-over-plan",
 *   "category-over-plan", "forecast-over-budget", "no-exchange-rate",
 *   "unassigned", "outside-plan", "missing-month"
 */
const char *
cost_plan_actual_warning_kind_to_string (CostPlanActualWarningKind kind)
{
  switch (kind)
    {
    case COST_PLAN_ACTUAL_WARNING_MONTH_OVER:
      return "month-over-plan";
    case COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER:
      return "category-over-plan";
    case COST_PLAN_ACTUAL_WARNING_FORECAST_OVER_BUDGET:
      return "forecast-over-budget";
    case COST_PLAN_ACTUAL_WARNING_NO_RATE:
      return "no-exchange-rate";
    case COST_PLAN_ACTUAL_WARNING_UNASSIGNED:
      return "unassigned";
    case COST_PLAN_ACTUAL_WARNING_OUTSIDE:
      return "outside-plan";
    case COST_PLAN_ACTUAL_WARNING_MISSING_MONTH:
      return "missing-month";
    default:
      g_return_val_if_reached (NULL);
    }
}
