/* cost-calc.c
 *
 * The cost maths, as pure functions over the model. The rules (periods,
 * amortisation, growth, factors, rounding to cents, run-rate against
 * first-year and horizon totals) are written out in cost-model.md beside
 * this file; item_cents() is the one place an item's amounts are computed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-calc"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-category-private.h"
#include "cost-item-private.h"
#include "cost-override.h"
#include "cost-scenario-private.h"
#include "cost-project-sizing.h"

typedef struct
{
  gatomicrefcount  ref;
  GPtrArray       *keep;   /* the items and categories the figures point at */
  CostResult       result;
} CostResultReal;

G_DEFINE_BOXED_TYPE (CostResult, cost_result, cost_result_ref, cost_result_unref)

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

/* Money is computed in whole cents: every monthly amount of every item is a
 * whole number of cents and every total is their exact sum, so the months of
 * a projection add up to its totals to the cent. The cents are held in
 * doubles, exact up to 2⁵³ cents (90 trillion), and beyond that only rounded:
 * no amount a file can hold overflows. */
typedef double Cents;

static inline Cents
to_cents (double amount)
{
  return floor (amount * 100.0 + 0.5);
}

static inline double
from_cents (Cents cents)
{
  return cents / 100.0;
}

/* Per-category accumulators of a computation. */
typedef struct
{
  int    horizon;
  guint  n_categories;
  Cents *diff;       /* n_categories × (horizon + 1): constant amounts, as differences */
  Cents *grow;       /* n_categories × horizon: amounts that vary month to month */
  Cents *run_rate;   /* n_categories */
  Cents *one_time;   /* n_categories */
} Sums;

static void
sums_init (Sums *s,
           guint n_categories,
           int   horizon)
{
  s->horizon = horizon;
  s->n_categories = n_categories;
  s->diff = g_new0 (Cents, (gsize) n_categories * (horizon + 1));
  s->grow = g_new0 (Cents, (gsize) n_categories * horizon);
  s->run_rate = g_new0 (Cents, n_categories);
  s->one_time = g_new0 (Cents, n_categories);
}

/* Copies @src into @dst, both of the same shape. */
static void
sums_assign (Sums       *dst,
             const Sums *src)
{
  g_assert (dst->n_categories == src->n_categories && dst->horizon == src->horizon);

  if (src->n_categories == 0)
    return;
  memcpy (dst->diff, src->diff, sizeof (Cents) * src->n_categories * (src->horizon + 1));
  memcpy (dst->grow, src->grow, sizeof (Cents) * src->n_categories * src->horizon);
  memcpy (dst->run_rate, src->run_rate, sizeof (Cents) * src->n_categories);
  memcpy (dst->one_time, src->one_time, sizeof (Cents) * src->n_categories);
}

static void
sums_clear (Sums *s)
{
  g_clear_pointer (&s->diff, g_free);
  g_clear_pointer (&s->grow, g_free);
  g_clear_pointer (&s->run_rate, g_free);
  g_clear_pointer (&s->one_time, g_free);
}

/* An item's amounts, in cents. */
typedef struct
{
  Cents run_rate;
  Cents one_time;
  Cents first_year;
  Cents total;
} ItemCents;

/* The one place where an item's cost is computed (cost-model.md, "An
 * item's cost"): its run-rate, its one-time amount and its first-year and
 * horizon totals, in @out. With @diff and @grow (one category's rows of a
 * Sums), it also adds (@sign = 1) or takes back (@sign = -1) the amount of
 * each month: constant amounts as differences in @diff (from the start
 * month on, taken back after the end month), the others month by month in
 * @grow.
 *
 * - A recurring item costs quantity × unit price × months factor × category
 *   factor, rounded to the cent, in each month of [start, end]; with a
 *   monthly growth, the unrounded amount grows by (1 + growth) each month
 *   and each month is rounded on its own.
 * - A one-time amount (rounded to the cent) falls in its start month, or is
 *   spread over its amortisation months so that they add up to the amount to
 *   the cent (7,000 over 3 months: 2,333.33, 2,333.34, 2,333.33); its
 *   run-rate is its monthly share, 0 when it is not amortised. */
static void
item_cents (const CostItemParams *p,
            int                   horizon,
            Cents                *diff,
            Cents                *grow,
            int                   sign,
            ItemCents            *out)
{
  int year_end = MIN (12, horizon) - 1;
  int start = p->start_month;

  memset (out, 0, sizeof *out);

  if (start >= horizon)
    return;

  if (p->period == COST_PERIOD_ONCE)
    {
      Cents amount = to_cents (p->quantity * p->unit_price * p->factor);
      guint months = MAX (p->amortize_months, 1);
      int end = MIN (start + (int) months - 1, horizon - 1);
      Cents before = 0;

      out->one_time = amount;
      if (months > 1)
        out->run_rate = (Cents) floor ((double) amount / months + 0.5);

      for (int m = start; m <= end; m++)
        {
          Cents upto = (Cents) floor ((double) amount * (m - start + 1) / months + 0.5);
          Cents v = upto - before;

          before = upto;
          if (grow != NULL)
            grow[m] += sign * v;
          out->total += v;
          if (m <= year_end)
            out->first_year += v;
        }
    }
  else
    {
      double exact = p->quantity * p->unit_price * cost_period_months_factor (p->period) * p->factor;
      Cents base = to_cents (exact);
      int end = last_month (p, horizon);

      out->run_rate = base;
      if (end < start)
        return;

      if (p->monthly_growth == 0.0)
        {
          int year_months = start <= year_end ? MIN (end, year_end) - start + 1 : 0;

          out->total = base * (end - start + 1);
          out->first_year = base * year_months;
          if (diff != NULL)
            {
              diff[start] += sign * base;
              diff[end + 1] -= sign * base;
            }
        }
      else
        {
          double r = 1.0 + p->monthly_growth;

          for (int m = start; m <= end; m++)
            {
              Cents v = to_cents (exact);

              if (grow != NULL)
                grow[m] += sign * v;
              out->total += v;
              if (m <= year_end)
                out->first_year += v;
              exact *= r;
            }
        }
    }
}

/* Computes an item's figures and adds (@sign = 1) or takes back (@sign = -1)
 * its amounts in @sums. */
static void
apply_item (CostItemFigures *f,
            Sums            *sums,
            int              sign)
{
  int horizon = sums->horizon;
  guint c = f->category_index;
  ItemCents cents = { 0, };

  if (!f->excluded)
    item_cents (&f->params, horizon, sums->diff + (gsize) c * (horizon + 1),
                sums->grow + (gsize) c * horizon, sign, &cents);

  sums->run_rate[c] += sign * cents.run_rate;
  sums->one_time[c] += sign * cents.one_time;
  f->run_rate = from_cents (cents.run_rate);
  f->one_time = from_cents (cents.one_time);
  f->first_year = from_cents (cents.first_year);
  f->horizon_total = from_cents (cents.total);
}

/**
 * cost_calc_item_run_rate:
 *
 * Returns: the run-rate of an item computed with @params over a plan of
 *   @horizon months, as cost_calc_compute() gives it (sensitivity moves one
 *   parameter and asks again)
 */
double
cost_calc_item_run_rate (const CostItemParams *params,
                         int                   horizon)
{
  ItemCents cents;

  g_return_val_if_fail (params != NULL, 0.0);

  item_cents (params, horizon, NULL, NULL, 0, &cents);

  return from_cents (cents.run_rate);
}

/**
 * cost_calc_item_cents:
 * @diff: (array) (nullable): horizon + 1 monthly differences, in cents
 * @grow: (array) (nullable): horizon monthly amounts, in cents
 * @totals: (out): the item's totals, in cents
 *
 * Adds what an item computed with @params costs to one row of month
 * amounts: a constant amount as differences in @diff (the amount of month
 * m is the sum of diff[0..m] plus grow[m]), any other in @grow. Amounts are
 * whole cents held in doubles, the same amounts cost_calc_compute() adds
 * into its totals, from the same code: a simulation sums them per sample.
 */
void
cost_calc_item_cents (const CostItemParams *params,
                      int                   horizon,
                      double               *diff,
                      double               *grow,
                      CostItemCents        *totals)
{
  ItemCents cents;

  item_cents (params, horizon, diff, grow, 1, &cents);
  totals->run_rate = cents.run_rate;
  totals->one_time = cents.one_time;
  totals->first_year = cents.first_year;
  totals->total = cents.total;
}

/**
 * cost_calc_item_months:
 * @monthly: (out caller-allocates) (array length=horizon): the amounts
 *
 * Fills @monthly with what an item computed with @params costs in each
 * month of a plan of @horizon months: the amounts cost_calc_compute() adds
 * into the totals, from the same code.
 */
void
cost_calc_item_months (const CostItemParams *params,
                       int                   horizon,
                       double               *monthly)
{
  g_autofree Cents *diff = NULL;
  g_autofree Cents *grow = NULL;
  ItemCents cents;
  Cents constant = 0;

  g_return_if_fail (params != NULL);
  g_return_if_fail (horizon > 0 && monthly != NULL);

  diff = g_new0 (Cents, horizon + 1);
  grow = g_new0 (Cents, horizon);
  item_cents (params, horizon, diff, grow, 1, &cents);
  for (int m = 0; m < horizon; m++)
    {
      constant += diff[m];
      monthly[m] = from_cents (constant + grow[m]);
    }
}

/* Item arrays are recycled: a recompute after every edit would otherwise
 * hand megabytes back to the system and fault them in again each time. */
typedef struct
{
  gsize           capacity;
  CostItemFigures items[];
} ItemBlock;

#define POOL_SIZE 32

G_LOCK_DEFINE_STATIC (pool);
static ItemBlock *pool[POOL_SIZE];

static CostItemFigures *
items_alloc (gsize n)
{
  ItemBlock *block = NULL;

  n = MAX (n, 1);

  G_LOCK (pool);
  for (guint i = 0; i < POOL_SIZE; i++)
    {
      if (pool[i] != NULL && pool[i]->capacity >= n && pool[i]->capacity <= 2 * n)
        {
          block = g_steal_pointer (&pool[i]);
          break;
        }
    }
  G_UNLOCK (pool);

  if (block == NULL)
    {
      block = g_malloc (sizeof (ItemBlock) + n * sizeof (CostItemFigures));
      block->capacity = n;
    }

  return block->items;
}

static void
items_free (CostItemFigures *items)
{
  ItemBlock *block = (ItemBlock *) ((char *) items - G_STRUCT_OFFSET (ItemBlock, items));

  G_LOCK (pool);
  for (guint i = 0; i < POOL_SIZE; i++)
    {
      if (pool[i] == NULL)
        {
          pool[i] = g_steal_pointer (&block);
          break;
        }
    }
  G_UNLOCK (pool);

  g_free (block);
}

/* The baseline items a scenario changes: a flag for each, and their list. */
typedef struct
{
  guint8 *flags;
  GArray *list;
} Changed;

/* The baseline, computed once and shared by every scenario: a scenario only
 * recomputes the items it changes. */
typedef struct
{
  CostProject     *project;
  guint            n_categories;
  CostCategory   **categories;
  double          *factors;
  guint            n_items;
  CostItemFigures *items;
  GHashTable      *index;       /* item id → position + 1, made when first needed */
  GHashTable      *cat_index;   /* category id → position + 1 */
  GPtrArray       *keep;        /* references shared by every result */
  guint           *first;       /* where each category's items start; n_categories + 1 */
  GArray          *driven;      /* positions of the items a served model drives */
  GArray          *powered;     /* positions of the power items */
  Sums             sums;

  /* Reused by each scenario: no allocation in the loop. */
  Sums             work;
  Changed          changed;
  Cents           *monthly;
} Baseline;

static void
baseline_clear (Baseline *b)
{
  g_free (b->categories);
  g_free (b->factors);
  g_free (b->items);
  g_clear_pointer (&b->index, g_hash_table_unref);
  g_clear_pointer (&b->cat_index, g_hash_table_unref);
  g_clear_pointer (&b->keep, g_ptr_array_unref);
  g_clear_pointer (&b->first, g_free);
  g_clear_pointer (&b->driven, g_array_unref);
  g_clear_pointer (&b->powered, g_array_unref);
  sums_clear (&b->sums);
  sums_clear (&b->work);
  g_clear_pointer (&b->changed.flags, g_free);
  g_clear_pointer (&b->changed.list, g_array_unref);
  g_clear_pointer (&b->monthly, g_free);
}

static void
baseline_init (Baseline    *b,
               CostProject *project)
{
  guint k = 0;

  memset (b, 0, sizeof *b);
  b->project = project;
  b->n_categories = cost_project_get_n_categories (project);
  b->categories = g_new0 (CostCategory *, b->n_categories);
  b->factors = g_new0 (double, b->n_categories);
  b->n_items = cost_project_get_n_items (project);
  b->items = g_new0 (CostItemFigures, b->n_items);
  b->cat_index = g_hash_table_new (g_str_hash, g_str_equal);
  b->keep = g_ptr_array_new_full (b->n_items + b->n_categories, g_object_unref);
  b->first = g_new0 (guint, b->n_categories + 1);
  b->driven = g_array_new (FALSE, FALSE, sizeof (guint));
  b->powered = g_array_new (FALSE, FALSE, sizeof (guint));
  sums_init (&b->sums, b->n_categories, cost_project_get_horizon (project));
  sums_init (&b->work, b->n_categories, cost_project_get_horizon (project));
  b->changed.flags = g_new0 (guint8, MAX (b->n_items, 1));
  b->changed.list = g_array_new (FALSE, FALSE, sizeof (guint));
  b->monthly = g_new0 (Cents, b->sums.horizon);

  for (guint c = 0; c < b->n_categories; c++)
    {
      CostCategory *category = cost_project_get_category (project, c);
      guint n;
      CostItem **items = _cost_category_peek_items (category, &n);

      b->categories[c] = category;
      b->first[c] = k;
      b->factors[c] = cost_category_get_factor (category);
      g_ptr_array_add (b->keep, g_object_ref (category));
      g_hash_table_insert (b->cat_index, (gpointer) cost_category_get_id (category),
                           GUINT_TO_POINTER (c + 1));

      for (guint i = 0; i < n; i++)
        {
          CostItemFigures *f = &b->items[k++];

          f->item = items[i];
          f->category_index = c;
          _cost_item_peek_params (items[i], &f->params);
          f->params.factor = b->factors[c];
          apply_item (f, &b->sums, 1);
          g_ptr_array_add (b->keep, g_object_ref (items[i]));
          if (cost_item_get_driver (items[i]) != NULL)
            {
              guint position = k - 1;

              g_array_append_val (cost_driver_is_power (cost_item_get_driver (items[i])) ?
                                  b->powered : b->driven, position);
            }
        }
    }

  b->first[b->n_categories] = k;
  g_assert (k == b->n_items);
}

static guint
baseline_lookup (Baseline   *b,
                 const char *item_id)
{
  if (b->index == NULL)
    {
      b->index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; k < b->n_items; k++)
        g_hash_table_insert (b->index, (gpointer) cost_item_get_id (b->items[k].item),
                             GUINT_TO_POINTER (k + 1));
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (b->index, item_id));
}

static void
apply_override (CostItemFigures    *f,
                const CostOverride *o)
{
  cost_override_apply (o, &f->params);
  f->overridden = o->fields;
}

/* Takes back an item's baseline amounts before the scenario changes it. */
static CostItemFigures *
begin_change (CostResult *r,
              Sums       *sums,
              guint       position,
              Changed    *changed)
{
  CostItemFigures *f = &r->items[position];

  if (!changed->flags[position])
    {
      apply_item (f, sums, -1);
      changed->flags[position] = TRUE;
      g_array_append_val (changed->list, position);
    }

  return f;
}

/* Under a scenario that changes the traffic, a model, or the count of
 * driven accelerators, the driven items are sized again, and the power
 * items follow the accelerators. */
static void
resize_driven (Baseline     *b,
               CostResult   *r,
               Sums         *sums,
               CostScenario *scenario,
               Changed      *changed)
{
  CostWorkloadValues workload;
  g_autofree CostDriven *driven = NULL;
  g_autofree guint *positions = NULL;
  guint n = 0;

  if (b->driven->len == 0)
    return;

  cost_sizing_effective_workload (b->project, scenario, &workload);
  driven = g_new0 (CostDriven, b->driven->len + b->powered->len);
  positions = g_new (guint, b->driven->len + b->powered->len);

  for (guint i = 0; i < b->driven->len + b->powered->len; i++)
    {
      gboolean power = i >= b->driven->len;
      guint k = power ? g_array_index (b->powered, guint, i - b->driven->len) :
                        g_array_index (b->driven, guint, i);
      CostItemFigures *f = &r->items[k];
      CostDriven *d = &driven[n];

      if (!power &&
          (d->model = cost_project_find_model (b->project, cost_item_get_driver (f->item), NULL)) == NULL)
        continue;

      d->quantity = f->params.quantity;
      d->fixed = (f->overridden & COST_OVERRIDE_QUANTITY) != 0;
      d->excluded = f->excluded;
      positions[n++] = k;
    }

  /* Driven items are sized again only when the scenario changes what they
   * are sized from; otherwise the baseline's quantities stand. */
  cost_sizing_resolve (&workload, scenario, cost_project_get_pue (b->project),
                       cost_scenario_has_sizing (scenario), driven, n);

  for (guint i = 0; i < n; i++)
    {
      if (driven[i].quantity != r->items[positions[i]].params.quantity)
        begin_change (r, sums, positions[i], changed)->params.quantity = driven[i].quantity;
    }
}

static CostResult *
compute_scenario (Baseline       *b,
                  CostScenario   *scenario)
{
  CostResultReal *real = g_new0 (CostResultReal, 1);
  CostResult *r = &real->result;
  int h = b->sums.horizon;
  guint n_added = scenario ? cost_scenario_get_n_added_items (scenario) : 0;
  Cents first_year = 0, total = 0, run_rate = 0, one_time = 0;
  Cents *monthly = b->monthly;
  Sums *sums = &b->work;

  g_atomic_ref_count_init (&real->ref);
  real->keep = g_ptr_array_ref (b->keep);
  r->scenario = scenario ? g_object_ref (scenario) : NULL;
  r->horizon = h;
  r->n_categories = b->n_categories;
  r->categories = g_new0 (CostCategoryFigures, b->n_categories);
  r->items = items_alloc (b->n_items + n_added);
  if (b->n_items > 0)
    memcpy (r->items, b->items, sizeof (CostItemFigures) * b->n_items);
  r->n_items = b->n_items;
  r->monthly = g_new0 (double, h);
  sums_assign (sums, &b->sums);

  for (guint c = 0; c < b->n_categories; c++)
    {
      r->categories[c].category = b->categories[c];
      r->categories[c].factor = b->factors[c];
      r->categories[c].monthly = g_new0 (double, h);
    }

  if (scenario != NULL && !cost_scenario_is_empty (scenario))
    {
      Changed *changed = &b->changed;
      g_auto(GStrv) factors = cost_scenario_list_factors (scenario);
      g_auto(GStrv) excluded = cost_scenario_list_excluded (scenario);
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; factors[i] != NULL; i++)
        {
          guint c = GPOINTER_TO_UINT (g_hash_table_lookup (b->cat_index, factors[i]));
          double factor;

          if (c-- == 0)
            continue;

          cost_scenario_get_factor (scenario, factors[i], &factor);
          r->categories[c].factor = factor;
          r->categories[c].factor_overridden = TRUE;
          for (guint k = b->first[c]; k < b->first[c + 1]; k++)
            begin_change (r, sums, k, changed)->params.factor = factor;
        }

      g_hash_table_iter_init (&iter, _cost_scenario_get_overrides (scenario));
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint pos = baseline_lookup (b, key);

          if (pos != 0)
            apply_override (begin_change (r, sums, pos - 1, changed), value);
        }

      for (guint i = 0; excluded[i] != NULL; i++)
        {
          guint pos = baseline_lookup (b, excluded[i]);

          if (pos != 0)
            begin_change (r, sums, pos - 1, changed)->excluded = TRUE;
        }

      resize_driven (b, r, sums, scenario, changed);

      for (guint i = 0; i < changed->list->len; i++)
        apply_item (&r->items[g_array_index (changed->list, guint, i)], sums, 1);
      for (guint i = 0; i < changed->list->len; i++)
        changed->flags[g_array_index (changed->list, guint, i)] = FALSE;
      g_array_set_size (changed->list, 0);

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
          cost_calc_item_params (item, r->categories[c - 1].factor, &f->params);
          apply_item (f, sums, 1);
        }
    }

  memset (monthly, 0, sizeof (Cents) * h);
  for (guint c = 0; c < r->n_categories; c++)
    {
      CostCategoryFigures *cf = &r->categories[c];
      const Cents *d = sums->diff + (gsize) c * (h + 1);
      const Cents *g = sums->grow + (gsize) c * h;
      Cents level = 0, cat_year = 0, cat_total = 0;

      for (int m = 0; m < h; m++)
        {
          Cents v;

          level += d[m];
          v = level + g[m];
          cf->monthly[m] = from_cents (v);
          monthly[m] += v;
          if (m < 12)
            cat_year += v;
          cat_total += v;
        }

      cf->run_rate = from_cents (sums->run_rate[c]);
      cf->one_time = from_cents (sums->one_time[c]);
      cf->first_year = from_cents (cat_year);
      cf->horizon_total = from_cents (cat_total);
      run_rate += sums->run_rate[c];
      one_time += sums->one_time[c];
      first_year += cat_year;
      total += cat_total;
    }

  for (int m = 0; m < h; m++)
    r->monthly[m] = from_cents (monthly[m]);


  r->run_rate = from_cents (run_rate);
  r->one_time = from_cents (one_time);
  r->first_year = from_cents (first_year);
  r->horizon_total = from_cents (total);

  for (guint c = 0; c < r->n_categories; c++)
    r->categories[c].share = run_rate > 0 ? r->categories[c].run_rate / r->run_rate : 0.0;

  {
    double inverse = run_rate > 0 ? 1.0 / r->run_rate : 0.0;

    for (guint i = 0; i < r->n_items; i++)
      r->items[i].share = r->items[i].run_rate * inverse;
  }

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
  result = compute_scenario (&b, scenario);
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
  g_ptr_array_add (results, compute_scenario (&b, NULL));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results, compute_scenario (&b, cost_project_get_scenario (project, i)));
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

  for (guint c = 0; c < result->n_categories; c++)
    g_free (result->categories[c].monthly);
  g_clear_pointer (&real->keep, g_ptr_array_unref);
  g_free (result->categories);
  items_free (result->items);
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

/**
 * cost_result_get_paid_once:
 * @category: (nullable): the figures of one of @result's categories, or
 *   %NULL for the whole project
 *
 * The one-time amounts that the run-rate leaves out, because they are not
 * spread over months: money a page must show beside the run-rate, not
 * instead of it.
 *
 * Returns: the sum of the one-time amounts that are not amortised
 */
double
cost_result_get_paid_once (const CostResult          *result,
                           const CostCategoryFigures *category)
{
  double sum = 0.0;

  g_return_val_if_fail (result != NULL, 0.0);

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (f->excluded || f->params.period != COST_PERIOD_ONCE || f->params.amortize_months > 1)
        continue;
      if (category != NULL && &result->categories[f->category_index] != category)
        continue;
      sum += f->one_time;
    }

  return cost_round_money (sum);
}
