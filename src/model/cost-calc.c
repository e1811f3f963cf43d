/* cost-calc.c
 *
 * The cost maths of DESIGN.md, as pure functions over the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-calc"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-scenario-private.h"

typedef struct
{
  gatomicrefcount  ref;
  CostResult       result;
} CostResultReal;

G_DEFINE_BOXED_TYPE (CostResult, cost_result, cost_result_ref, cost_result_unref)

/* The baseline, flattened once and shared by every scenario. */
typedef struct
{
  guint            n_categories;
  CostCategory   **categories;
  double          *factors;
  guint            n_items;
  CostItemFigures *items;
  GHashTable      *index;       /* item id → position + 1 */
  GHashTable      *cat_index;   /* category id → position + 1 */
  int              horizon;
} Baseline;

/**
 * cost_round_money:
 *
 * Rounds to whole cents, so that totals a user would call equal are equal.
 */
double
cost_round_money (double amount)
{
  double r = round (amount * 100.0) / 100.0;

  return r == 0.0 ? 0.0 : r; /* no -0 */
}

void
cost_calc_item_params (CostItem       *item,
                       double          factor,
                       CostItemParams *params)
{
  params->quantity = cost_item_get_quantity (item);
  params->unit_price = cost_item_get_unit_price (item);
  params->monthly_growth = cost_item_get_monthly_growth (item);
  params->factor = factor;
  params->period = cost_item_get_period (item);
  params->amortize_months = cost_item_get_amortize_months (item);
  params->start_month = cost_item_get_start_month (item);
  params->end_month = cost_item_get_end_month (item);
}

static inline int
last_month (const CostItemParams *p,
            int                   horizon)
{
  if (p->end_month < 0 || p->end_month >= horizon)
    return horizon - 1;

  return p->end_month;
}

/**
 * cost_calc_item_monthly:
 *
 * Returns: what the item costs in @month (0-based), unrounded
 */
double
cost_calc_item_monthly (const CostItemParams *p,
                        int                   month,
                        int                   horizon)
{
  if (month < p->start_month || month >= horizon)
    return 0.0;

  if (p->period == COST_PERIOD_ONCE)
    {
      double amount = p->quantity * p->unit_price * p->factor;

      if (p->amortize_months <= 1)
        return month == p->start_month ? amount : 0.0;

      if (month < p->start_month + (int) p->amortize_months)
        return amount / p->amortize_months;

      return 0.0;
    }

  if (month > last_month (p, horizon))
    return 0.0;

  return p->quantity * p->unit_price * cost_period_months_factor (p->period) * p->factor *
         pow (1.0 + p->monthly_growth, month - p->start_month);
}

/* Sum of base·r^k for k in [a, b]. */
static inline double
geometric_sum (double base,
               double g,
               int    a,
               int    b)
{
  double r = 1.0 + g;

  if (b < a)
    return 0.0;
  if (g == 0.0)
    return base * (b - a + 1);

  return base * (pow (r, b + 1) - pow (r, a)) / (r - 1.0);
}

/* Fills an item's figures and adds its months to @diff (constant parts, as
 * differences) and @monthly (growing parts, month by month). */
static void
compute_item (CostItemFigures *f,
              int              horizon,
              double          *diff,
              double          *monthly)
{
  const CostItemParams *p = &f->params;
  int year_end = MIN (12, horizon) - 1;
  int start = p->start_month;

  f->run_rate = f->first_year = f->horizon_total = f->one_time = 0.0;

  if (f->excluded || start >= horizon)
    return;

  if (p->period == COST_PERIOD_ONCE)
    {
      double amount = p->quantity * p->unit_price * p->factor;
      guint months = MAX (p->amortize_months, 1);
      double per_month = amount / months;
      int end = MIN (start + (int) months - 1, horizon - 1);

      f->one_time = amount;
      if (months > 1)
        f->run_rate = per_month;

      f->horizon_total = per_month * (end - start + 1);
      f->first_year = start <= year_end ? per_month * (MIN (end, year_end) - start + 1) : 0.0;

      diff[start] += per_month;
      diff[end + 1] -= per_month;
    }
  else
    {
      double base = p->quantity * p->unit_price * cost_period_months_factor (p->period) * p->factor;
      int end = last_month (p, horizon);

      f->run_rate = base;
      if (end < start)
        return;

      f->horizon_total = geometric_sum (base, p->monthly_growth, 0, end - start);
      f->first_year = start <= year_end ?
        geometric_sum (base, p->monthly_growth, 0, MIN (end, year_end) - start) : 0.0;

      if (p->monthly_growth == 0.0)
        {
          diff[start] += base;
          diff[end + 1] -= base;
        }
      else
        {
          double r = 1.0 + p->monthly_growth;
          double v = base;

          for (int m = start; m <= end; m++)
            {
              monthly[m] += v;
              v *= r;
            }
        }
    }
}

static void
baseline_clear (Baseline *b)
{
  g_free (b->categories);
  g_free (b->factors);
  g_free (b->items);
  g_clear_pointer (&b->index, g_hash_table_unref);
  g_clear_pointer (&b->cat_index, g_hash_table_unref);
}

static void
baseline_init (Baseline    *b,
               CostProject *project)
{
  guint k = 0;

  memset (b, 0, sizeof *b);
  b->horizon = cost_project_get_horizon (project);
  b->n_categories = cost_project_get_n_categories (project);
  b->categories = g_new0 (CostCategory *, b->n_categories);
  b->factors = g_new0 (double, b->n_categories);
  b->n_items = cost_project_get_n_items (project);
  b->items = g_new0 (CostItemFigures, b->n_items);
  b->index = g_hash_table_new (g_str_hash, g_str_equal);
  b->cat_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < b->n_categories; c++)
    {
      CostCategory *category = cost_project_get_category (project, c);
      GListModel *items = cost_category_get_items (category);
      guint n = g_list_model_get_n_items (items);

      b->categories[c] = category;
      b->factors[c] = cost_category_get_factor (category);
      g_hash_table_insert (b->cat_index, (gpointer) cost_category_get_id (category),
                           GUINT_TO_POINTER (c + 1));

      for (guint i = 0; i < n; i++)
        {
          CostItem *item = cost_category_get_item (category, i);
          CostItemFigures *f = &b->items[k];

          f->item = item;
          f->category_index = c;
          cost_calc_item_params (item, b->factors[c], &f->params);
          g_hash_table_insert (b->index, (gpointer) cost_item_get_id (item),
                               GUINT_TO_POINTER (k + 1));
          k++;
        }
    }

  g_assert (k == b->n_items);
}

static void
apply_override (CostItemFigures    *f,
                const CostOverride *o)
{
  if (o->fields & COST_OVERRIDE_QUANTITY)
    f->params.quantity = o->quantity;
  if (o->fields & COST_OVERRIDE_UNIT_PRICE)
    f->params.unit_price = o->unit_price;
  if (o->fields & COST_OVERRIDE_PERIOD)
    f->params.period = o->period;
  if (o->fields & COST_OVERRIDE_ACTIVE_MONTHS)
    {
      f->params.start_month = o->start_month;
      f->params.end_month = o->end_month;
    }
  if (o->fields & COST_OVERRIDE_GROWTH)
    f->params.monthly_growth = o->monthly_growth;
  if (o->fields & COST_OVERRIDE_AMORTIZE)
    f->params.amortize_months = o->amortize_months;
  f->overridden = o->fields;
}

static CostResult *
compute_with_baseline (const Baseline *b,
                       CostScenario   *scenario)
{
  CostResultReal *real = g_new0 (CostResultReal, 1);
  CostResult *r = &real->result;
  int h = b->horizon;
  guint n_added = scenario ? cost_scenario_get_n_added_items (scenario) : 0;
  double *diff, *grow;
  gboolean *factor_overridden;

  g_atomic_ref_count_init (&real->ref);
  r->scenario = scenario ? g_object_ref (scenario) : NULL;
  r->horizon = h;
  r->n_categories = b->n_categories;
  r->categories = g_new0 (CostCategoryFigures, b->n_categories);
  r->items = g_new (CostItemFigures, b->n_items + n_added);
  memcpy (r->items, b->items, sizeof (CostItemFigures) * b->n_items);
  r->n_items = b->n_items;
  r->monthly = g_new0 (double, h);

  factor_overridden = g_newa (gboolean, b->n_categories + 1);
  for (guint c = 0; c < b->n_categories; c++)
    {
      r->categories[c].category = b->categories[c];
      r->categories[c].factor = b->factors[c];
      r->categories[c].monthly = g_new0 (double, h);
      factor_overridden[c] = FALSE;
      if (scenario != NULL &&
          cost_scenario_get_factor (scenario, cost_category_get_id (b->categories[c]),
                                    &r->categories[c].factor))
        factor_overridden[c] = r->categories[c].factor_overridden = TRUE;
    }

  if (scenario != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;
      g_auto(GStrv) excluded = NULL;

      g_hash_table_iter_init (&iter, _cost_scenario_get_overrides (scenario));
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (b->index, key));

          if (pos != 0)
            apply_override (&r->items[pos - 1], value);
        }

      excluded = cost_scenario_list_excluded (scenario);
      for (guint i = 0; excluded[i] != NULL; i++)
        {
          guint pos = GPOINTER_TO_UINT (g_hash_table_lookup (b->index, excluded[i]));

          if (pos != 0)
            r->items[pos - 1].excluded = TRUE;
        }

      for (guint i = 0; i < n_added; i++)
        {
          const char *category_id = NULL;
          CostItem *item = cost_scenario_get_added_item (scenario, i, &category_id);
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (b->cat_index, category_id));
          CostItemFigures *f;

          if (c == 0)
            continue; /* its category was deleted: it has nowhere to go */

          f = &r->items[r->n_items++];
          memset (f, 0, sizeof *f);
          f->item = item;
          f->category_index = c - 1;
          f->added = TRUE;
          cost_calc_item_params (item, 1.0, &f->params);
        }

      for (guint i = 0; i < r->n_items; i++)
        {
          CostItemFigures *f = &r->items[i];

          if (factor_overridden[f->category_index] || f->added)
            f->params.factor = r->categories[f->category_index].factor;
        }
    }

  diff = g_new0 (double, (gsize) b->n_categories * (h + 1));
  grow = g_new0 (double, (gsize) b->n_categories * h);

  for (guint i = 0; i < r->n_items; i++)
    {
      CostItemFigures *f = &r->items[i];
      CostCategoryFigures *cf = &r->categories[f->category_index];

      compute_item (f, h, diff + (gsize) f->category_index * (h + 1),
                    grow + (gsize) f->category_index * h);
      cf->run_rate += f->run_rate;
      cf->one_time += f->one_time;
    }

  for (guint c = 0; c < r->n_categories; c++)
    {
      CostCategoryFigures *cf = &r->categories[c];
      const double *d = diff + (gsize) c * (h + 1);
      const double *g = grow + (gsize) c * h;
      double level = 0.0;
      double first_year = 0.0, total = 0.0;

      for (int m = 0; m < h; m++)
        {
          double v;

          level += d[m];
          v = cost_round_money (level + g[m]);
          cf->monthly[m] = v;
          r->monthly[m] += v;
          if (m < 12)
            first_year += v;
          total += v;
        }

      cf->run_rate = cost_round_money (cf->run_rate);
      cf->one_time = cost_round_money (cf->one_time);
      cf->first_year = cost_round_money (first_year);
      cf->horizon_total = cost_round_money (total);
      r->run_rate += cf->run_rate;
      r->one_time += cf->one_time;
      r->first_year += cf->first_year;
      r->horizon_total += cf->horizon_total;
    }

  r->run_rate = cost_round_money (r->run_rate);
  r->one_time = cost_round_money (r->one_time);
  r->first_year = cost_round_money (r->first_year);
  r->horizon_total = cost_round_money (r->horizon_total);
  for (int m = 0; m < h; m++)
    r->monthly[m] = cost_round_money (r->monthly[m]);

  for (guint c = 0; c < r->n_categories; c++)
    r->categories[c].share = r->run_rate > 0 ? r->categories[c].run_rate / r->run_rate : 0.0;

  for (guint i = 0; i < r->n_items; i++)
    {
      CostItemFigures *f = &r->items[i];

      f->run_rate = cost_round_money (f->run_rate);
      f->first_year = cost_round_money (f->first_year);
      f->horizon_total = cost_round_money (f->horizon_total);
      f->one_time = cost_round_money (f->one_time);
      f->share = r->run_rate > 0 ? f->run_rate / r->run_rate : 0.0;
    }

  g_free (diff);
  g_free (grow);

  /* The figures outlive edits of the project: keep what they point at. */
  for (guint i = 0; i < r->n_items; i++)
    g_object_ref (r->items[i].item);
  for (guint c = 0; c < r->n_categories; c++)
    g_object_ref (r->categories[c].category);

  return r;
}

/**
 * cost_calc_compute:
 * @scenario: (nullable): the scenario to apply, %NULL for the baseline
 *
 * Returns: (transfer full): every figure of the project
 */
CostResult *
cost_calc_compute (CostProject  *project,
                   CostScenario *scenario)
{
  Baseline b;
  CostResult *result;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  baseline_init (&b, project);
  result = compute_with_baseline (&b, scenario);
  baseline_clear (&b);

  return result;
}

/**
 * cost_calc_compute_all:
 *
 * Returns: (transfer container) (element-type CostResult): the baseline's
 *   figures first, then each scenario's in order
 */
GPtrArray *
cost_calc_compute_all (CostProject *project)
{
  GPtrArray *results;
  Baseline b;
  guint n;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  n = cost_project_get_n_scenarios (project);
  results = g_ptr_array_new_full (n + 1, (GDestroyNotify) cost_result_unref);

  baseline_init (&b, project);
  g_ptr_array_add (results, compute_with_baseline (&b, NULL));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results, compute_with_baseline (&b, cost_project_get_scenario (project, i)));
  baseline_clear (&b);

  return results;
}

CostResult *
cost_result_ref (CostResult *result)
{
  CostResultReal *real = (CostResultReal *) ((char *) result - G_STRUCT_OFFSET (CostResultReal, result));

  g_atomic_ref_count_inc (&real->ref);

  return result;
}

void
cost_result_unref (CostResult *result)
{
  CostResultReal *real = (CostResultReal *) ((char *) result - G_STRUCT_OFFSET (CostResultReal, result));

  if (!g_atomic_ref_count_dec (&real->ref))
    return;

  for (guint i = 0; i < result->n_items; i++)
    g_object_unref (result->items[i].item);
  for (guint c = 0; c < result->n_categories; c++)
    {
      g_free (result->categories[c].monthly);
      g_object_unref (result->categories[c].category);
    }
  g_free (result->categories);
  g_free (result->items);
  g_free (result->monthly);
  g_clear_object (&result->scenario);
  g_free (real);
}

const CostItemFigures *
cost_result_find_item (const CostResult *result,
                       const char       *item_id)
{
  for (guint i = 0; i < result->n_items; i++)
    {
      if (g_strcmp0 (cost_item_get_id (result->items[i].item), item_id) == 0)
        return &result->items[i];
    }

  return NULL;
}

const CostCategoryFigures *
cost_result_find_category (const CostResult *result,
                           const char       *category_id)
{
  for (guint c = 0; c < result->n_categories; c++)
    {
      if (g_strcmp0 (cost_category_get_id (result->categories[c].category), category_id) == 0)
        return &result->categories[c];
    }

  return NULL;
}
