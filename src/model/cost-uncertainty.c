/* cost-uncertainty.c
 *
 * How sure a plan is: the simulation of a scenario whose figures carry
 * ranges.
 *
 * A plan is taken in two steps. cost_uncertainty_plan_new() reads the
 * project once, in the thread that owns it: the scenario's figures as
 * cost_calc_compute() gives them, the ranges (moved with any figure the
 * scenario changes, cost_range_follow()), and the items the ranges reach.
 * The items no range reaches are summed once, as a constant. The plan then
 * holds plain values only, so cost_uncertainty_plan_run() may run in a
 * worker, on several threads: each sample copies the values it changes,
 * sizes the driven accelerators again from its own traffic and model
 * figures (cost_sizing_resolve(), with its rounding up), and adds the
 * reached items' amounts with cost_calc_item_cents(), the code that
 * computes every other figure of the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-uncertainty"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-names.h"
#include "cost-override.h"
#include "cost-project-sizing.h"
#include "cost-ranges.h"
#include "cost-sampler.h"
#include "cost-sizing.h"
#include "cost-uncertainty.h"

/* Where an input's figure goes in a sample. */
typedef enum
{
  TARGET_ITEM,       /* a field of one reached item's CostItemParams */
  TARGET_CATEGORY,   /* the factor of every item of a category */
  TARGET_WORKLOAD,   /* a field of the CostWorkloadValues */
  TARGET_MODEL,      /* a field of one model's CostModelValues */
} TargetKind;

typedef struct
{
  TargetKind kind;
  guint      index;   /* reached item, category or model */
  gsize      offset;
  double     min;     /* what the figure can be: a lognormal has no bounds */
  double     max;
} Target;

/* An item a range reaches. */
typedef struct
{
  CostItemParams params;     /* as the scenario computes it */
  guint          category;
  int            driven;     /* position in the plan's driven items, or -1 */
} Reached;

struct _CostUncertaintyPlan
{
  CostSampler        *sampler;
  int                 horizon;
  int                 start;      /* the project's start month, -1 without one */
  double              budgets[COST_N_MEASURES];
  double              points[COST_N_MEASURES];
  double             *monthly_point;

  GArray             *inputs;     /* CostUncertaintyInput */
  GArray             *targets;    /* Target, one per input */

  /* The items no range reaches, summed once, in cents. */
  double             *diff;       /* horizon + 1 */
  double             *grow;       /* horizon */
  CostItemCents       constant;

  GArray             *reached;    /* Reached */
  guint               n_categories;
  gboolean           *category_ranged;

  /* Sizing, when a traffic or model figure has a range. */
  gboolean            sizing;
  CostWorkloadValues  workload;
  double              pue;
  guint               n_models;
  CostModelValues    *models;
  GArray             *driven;     /* CostDriven, values pointing at nothing */
  GArray             *driven_model; /* guint: the model of each driven item */
};

static void
input_clear (gpointer data)
{
  CostUncertaintyInput *input = data;

  g_free (input->path);
  g_free (input->label);
  g_free (input->group);
}

static const char * const measure_names[COST_N_MEASURES] = {
  "run_rate", "first_year", "horizon_total",
};

const char *
cost_measure_to_string (CostMeasure measure)
{
  g_return_val_if_fail (measure < COST_N_MEASURES, NULL);

  return measure_names[measure];
}

const char *
cost_measure_get_label (CostMeasure measure)
{
  switch (measure)
    {
    case COST_MEASURE_RUN_RATE:
      return _("Monthly run-rate");
    case COST_MEASURE_FIRST_YEAR:
      return _("First-year total");
    case COST_MEASURE_HORIZON_TOTAL:
      return _("Horizon total");
    case COST_N_MEASURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
field_bounds (const CostRangeField *field,
              GType                 type,
              Target               *target)
{
  target->min = -G_MAXDOUBLE;
  target->max = G_MAXDOUBLE;
  cost_ranges_clamp (field, type, &target->min);
  cost_ranges_clamp (field, type, &target->max);
}

/* Adds the ranges of @ranges (of a @subject of @type) as inputs. */
static void
add_inputs (CostUncertaintyPlan *plan,
            CostProject         *project,
            GVariant            *ranges,
            CostRangeSubject     subject,
            GType                type,
            const char          *path,
            const char          *name,
            TargetKind           kind,
            guint                index,
            const void          *baseline,
            const void          *effective,
            gboolean             follow,
            gboolean             skip_quantity)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (ranges == NULL)
    return;

  g_variant_iter_init (&iter, ranges);
  while (g_variant_iter_next (&iter, "{&s@(sddds)}", &key, &value))
    {
      const CostRangeField *field = cost_range_field_find (subject, key);
      CostUncertaintyInput input = { 0, };
      Target target = { kind, index, 0, 0, 0 };
      const char *group = NULL;

      g_variant_unref (value);
      if (field == NULL || (skip_quantity && g_str_equal (key, "quantity")) ||
          !cost_ranges_lookup (ranges, key, &input.range, &group))
        continue;

      target.offset = field->offset;
      field_bounds (field, type, &target);
      input.point = G_STRUCT_MEMBER (double, effective, field->offset);
      if (follow)
        cost_range_follow (field, &input.range, G_STRUCT_MEMBER (double, baseline, field->offset),
                           input.point);
      input.path = g_strdup_printf ("%s/%s", path, key);
      input.label = g_strdup_printf (C_("range input", "%s — %s"), cost_names_translate (name),
                                     cost_range_field_get_label (field));
      input.group = g_strdup (group);
      if (group[0] != '\0')
        {
          input.range.group = g_quark_from_string (group);
          cost_sampler_set_group_correlation (plan->sampler, input.range.group,
                                              cost_project_get_correlation (project, group));
        }
      cost_sampler_add_input (plan->sampler, &input.range);
      g_array_append_val (plan->inputs, input);
      g_array_append_val (plan->targets, target);
    }
}

/* The ranges of the subject at @path under @scenario: the scenario's own,
 * given for its figures, or the baseline's, which follow them. */
static GVariant *
subject_ranges (CostScenario *scenario,
                const char   *path,
                GVariant     *baseline,
                gboolean     *follow)
{
  GVariant *own = NULL;

  if (scenario != NULL && cost_scenario_get_ranges (scenario, path, &own))
    {
      *follow = FALSE;
      return own;
    }

  *follow = TRUE;

  return baseline;
}

/**
 * cost_uncertainty_count_ranges:
 *
 * Returns: how many figures of @project's baseline carry a range
 */
guint
cost_uncertainty_count_ranges (CostProject *project)
{
  guint n = 0;

  g_return_val_if_fail (COST_IS_PROJECT (project), 0);

  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);
      GListModel *items = cost_category_get_items (category);

      n += cost_ranges_count (cost_category_get_ranges (category));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CostItem) item = g_list_model_get_item (items, i);

          n += cost_ranges_count (cost_item_get_ranges (item));
        }
    }

  if (cost_project_get_workload (project) != NULL)
    n += cost_ranges_count (cost_workload_get_ranges (cost_project_get_workload (project)));

  for (guint m = 0; m < cost_project_get_n_models (project); m++)
    n += cost_ranges_count (cost_served_model_get_ranges (cost_project_get_model (project, m)));

  return n;
}

/**
 * cost_uncertainty_plan_new:
 * @scenario: (nullable): the scenario to simulate, %NULL for the baseline
 *
 * Reads what a simulation of @scenario needs from @project: call it in the
 * thread that owns @project. The plan holds no reference to the project.
 *
 * Returns: (transfer full): the plan, whose run draws @n_samples samples
 *   from the stream of @seed
 */
CostUncertaintyPlan *
cost_uncertainty_plan_new (CostProject  *project,
                           CostScenario *scenario,
                           guint         n_samples,
                           guint64       seed)
{
  g_autoptr(CostResult) result = NULL;
  CostUncertaintyPlan *plan;
  g_autofree int *reached_of = NULL;
  g_autoptr(GHashTable) model_index = g_hash_table_new (g_str_hash, g_str_equal);
  CostWorkloadValues baseline_workload;
  guint n_items;
  int h;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (scenario == NULL || COST_IS_SCENARIO (scenario), NULL);

  result = cost_calc_compute (project, scenario);
  h = result->horizon;
  n_items = result->n_items;

  plan = g_new0 (CostUncertaintyPlan, 1);
  plan->sampler = cost_sampler_new (CLAMP (n_samples, COST_SAMPLER_MIN_SAMPLES, COST_SAMPLER_MAX_SAMPLES),
                                    seed);
  plan->horizon = h;
  if (!cost_project_get_start_month (project, &plan->start))
    plan->start = -1;
  plan->inputs = g_array_new (FALSE, TRUE, sizeof (CostUncertaintyInput));
  g_array_set_clear_func (plan->inputs, input_clear);
  plan->targets = g_array_new (FALSE, TRUE, sizeof (Target));
  plan->reached = g_array_new (FALSE, TRUE, sizeof (Reached));
  plan->driven = g_array_new (FALSE, TRUE, sizeof (CostDriven));
  plan->driven_model = g_array_new (FALSE, TRUE, sizeof (guint));
  plan->diff = g_new0 (double, h + 1);
  plan->grow = g_new0 (double, h);
  plan->monthly_point = g_memdup2 (result->monthly, sizeof (double) * h);
  plan->points[COST_MEASURE_RUN_RATE] = result->run_rate;
  plan->points[COST_MEASURE_FIRST_YEAR] = result->first_year;
  plan->points[COST_MEASURE_HORIZON_TOTAL] = result->horizon_total;
  plan->budgets[COST_MEASURE_RUN_RATE] = cost_project_get_monthly_budget (project);
  plan->budgets[COST_MEASURE_FIRST_YEAR] = cost_project_get_annual_budget (project);
  plan->budgets[COST_MEASURE_HORIZON_TOTAL] = cost_project_get_annual_budget (project) * h / 12.0;
  plan->n_categories = result->n_categories;
  plan->category_ranged = g_new0 (gboolean, MAX (1, result->n_categories));
  plan->pue = cost_project_get_pue (project);

  /* Traffic and models first: they decide whether driven items are reached. */
  plan->n_models = cost_project_get_n_models (project);
  plan->models = g_new0 (CostModelValues, MAX (1, plan->n_models));
  cost_sizing_effective_workload (project, scenario, &plan->workload);
  if (cost_project_get_workload (project) != NULL)
    {
      CostWorkload *workload = cost_project_get_workload (project);

      GVariant *ranges;
      gboolean follow;

      cost_workload_get_values (workload, &baseline_workload);
      ranges = subject_ranges (scenario, "workload", cost_workload_get_ranges (workload), &follow);
      add_inputs (plan, project, ranges, COST_RANGE_SUBJECT_WORKLOAD,
                  COST_TYPE_WORKLOAD, "workload", _("Traffic"), TARGET_WORKLOAD, 0,
                  &baseline_workload, &plan->workload, follow, FALSE);
    }
  for (guint m = 0; m < plan->n_models; m++)
    {
      CostServedModel *model = cost_project_get_model (project, m);
      g_autofree char *path = g_strdup_printf ("models/%s", cost_served_model_get_id (model));
      CostModelValues baseline;
      gboolean follow;
      GVariant *ranges = subject_ranges (scenario, path, cost_served_model_get_ranges (model), &follow);

      g_hash_table_insert (model_index, (gpointer) cost_served_model_get_id (model), GUINT_TO_POINTER (m + 1));
      cost_served_model_get_values (model, &baseline);
      cost_sizing_effective_model (model, scenario, &plan->models[m]);
      add_inputs (plan, project, ranges, COST_RANGE_SUBJECT_MODEL,
                  COST_TYPE_SERVED_MODEL, path, cost_served_model_get_name (model), TARGET_MODEL, m,
                  &baseline, &plan->models[m], follow, FALSE);
    }
  plan->sizing = plan->inputs->len > 0;

  for (guint c = 0; c < result->n_categories; c++)
    {
      CostCategory *category = result->categories[c].category;
      g_autofree char *path = g_strdup_printf ("categories/%s", cost_category_get_id (category));
      guint before = plan->inputs->len;
      CostItemParams baseline = { .factor = cost_category_get_factor (category) };
      CostItemParams effective = { .factor = result->categories[c].factor };
      gboolean follow;
      GVariant *ranges = subject_ranges (scenario, path, cost_category_get_ranges (category), &follow);

      add_inputs (plan, project, ranges, COST_RANGE_SUBJECT_CATEGORY,
                  COST_TYPE_CATEGORY, path, cost_category_get_name (category), TARGET_CATEGORY, c,
                  &baseline, &effective, follow, FALSE);
      plan->category_ranged[c] = plan->inputs->len > before;
    }

  /* Each item is either reached by a range, and computed in every sample,
   * or summed once. */
  reached_of = g_new (int, MAX (1, n_items));
  for (guint i = 0; i < n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];
      const char *driver = cost_item_get_driver (f->item);
      gboolean driven = driver != NULL && plan->sizing;
      g_autofree char *path = g_strdup_printf ("items/%s", cost_item_get_id (f->item));
      gboolean follow;
      GVariant *ranges = subject_ranges (f->added ? NULL : scenario, path, cost_item_get_ranges (f->item),
                                         &follow);
      gboolean reach;

      reached_of[i] = -1;
      if (f->excluded)
        continue;

      reach = driven || plan->category_ranged[f->category_index] || cost_ranges_count (ranges) > 0;
      if (reach)
        {
          Reached r = { f->params, f->category_index, -1 };
          CostItemParams baseline;

          if (driven)
            {
              CostDriven d = { 0, };
              guint model = 0;

              d.model = cost_driver_is_power (driver) ? NULL :
                        cost_project_find_model (project, driver, NULL);
              if (d.model != NULL)
                model = GPOINTER_TO_UINT (g_hash_table_lookup (model_index, driver)) - 1;
              if (d.model != NULL || cost_driver_is_power (driver))
                {
                  d.quantity = f->params.quantity;
                  d.fixed = (f->overridden & COST_OVERRIDE_QUANTITY) != 0;
                  r.driven = plan->driven->len;
                  g_array_append_val (plan->driven, d);
                  g_array_append_val (plan->driven_model, model);
                }
            }

          reached_of[i] = plan->reached->len;
          g_array_append_val (plan->reached, r);

          /* Added items have no baseline of their own: their figures are theirs. */
          if (f->added)
            baseline = f->params;
          else
            cost_calc_item_params (f->item, f->params.factor, &baseline);
          add_inputs (plan, project, ranges, COST_RANGE_SUBJECT_ITEM,
                      COST_TYPE_ITEM, path, cost_item_get_name (f->item), TARGET_ITEM,
                      reached_of[i], &baseline, &f->params, follow, driver != NULL);
        }
      else
        {
          CostItemCents cents;

          cost_calc_item_cents (&f->params, h, plan->diff, plan->grow, &cents);
          plan->constant.run_rate += cents.run_rate;
          plan->constant.first_year += cents.first_year;
          plan->constant.total += cents.total;
        }
    }

  return plan;
}

void
cost_uncertainty_plan_free (CostUncertaintyPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->sampler, cost_sampler_free);
  g_array_unref (plan->inputs);
  g_array_unref (plan->targets);
  g_array_unref (plan->reached);
  g_array_unref (plan->driven);
  g_array_unref (plan->driven_model);
  g_free (plan->diff);
  g_free (plan->grow);
  g_free (plan->monthly_point);
  g_free (plan->category_ranged);
  g_free (plan->models);
  g_free (plan);
}

guint
cost_uncertainty_plan_get_n_inputs (CostUncertaintyPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->inputs->len;
}

/* Outputs of a sample: the three measures, then each month. */
#define OUT_MONTH(m) (COST_N_MEASURES + (m))

/* One sample: re-entrant, it changes copies only. */
static void
evaluate (const double *inputs,
          double       *outputs,
          gpointer      user_data)
{
  const CostUncertaintyPlan *plan = user_data;
  int h = plan->horizon;
  guint n_reached = plan->reached->len;
  guint n_driven = plan->driven->len;
  g_autofree double *diff = g_memdup2 (plan->diff, sizeof (double) * (h + 1));
  g_autofree double *grow = g_memdup2 (plan->grow, sizeof (double) * h);
  g_autofree Reached *items = g_memdup2 (plan->reached->data, sizeof (Reached) * MAX (1, n_reached));
  g_autofree CostModelValues *models = g_memdup2 (plan->models, sizeof (CostModelValues) * MAX (1, plan->n_models));
  g_autofree CostDriven *driven = NULL;
  g_autofree double *factors = g_new (double, MAX (1, plan->n_categories));
  CostWorkloadValues workload = plan->workload;
  CostItemCents sum = plan->constant;
  double level = 0;

  for (guint c = 0; c < plan->n_categories; c++)
    factors[c] = NAN;

  /* Categories and sizing figures first; items' own figures last, so that
   * they win over a category's factor only where they set it. */
  for (guint k = 0; k < plan->targets->len; k++)
    {
      const Target *t = &g_array_index (plan->targets, Target, k);
      double x = CLAMP (inputs[k], t->min, t->max);

      switch (t->kind)
        {
        case TARGET_CATEGORY:
          factors[t->index] = x;
          break;
        case TARGET_WORKLOAD:
          G_STRUCT_MEMBER (double, &workload, t->offset) = x;
          break;
        case TARGET_MODEL:
          G_STRUCT_MEMBER (double, &models[t->index], t->offset) = x;
          break;
        case TARGET_ITEM:
          G_STRUCT_MEMBER (double, &items[t->index].params, t->offset) = x;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (n_driven > 0)
    {
      driven = g_memdup2 (plan->driven->data, sizeof (CostDriven) * n_driven);
      for (guint i = 0; i < n_driven; i++)
        if (driven[i].model != NULL)
          driven[i].values = &models[g_array_index (plan->driven_model, guint, i)];
      cost_sizing_resolve (&workload, NULL, plan->pue, TRUE, driven, n_driven);
    }

  for (guint i = 0; i < n_reached; i++)
    {
      Reached *r = &items[i];
      CostItemCents cents;

      if (!isnan (factors[r->category]))
        r->params.factor = factors[r->category];
      if (r->driven >= 0)
        r->params.quantity = driven[r->driven].quantity;
      cost_calc_item_cents (&r->params, h, diff, grow, &cents);
      sum.run_rate += cents.run_rate;
      sum.first_year += cents.first_year;
      sum.total += cents.total;
    }

  outputs[COST_MEASURE_RUN_RATE] = sum.run_rate / 100.0;
  outputs[COST_MEASURE_FIRST_YEAR] = sum.first_year / 100.0;
  outputs[COST_MEASURE_HORIZON_TOTAL] = sum.total / 100.0;
  for (int m = 0; m < h; m++)
    {
      level += diff[m];
      outputs[OUT_MONTH (m)] = (level + grow[m]) / 100.0;
    }
}

G_DEFINE_BOXED_TYPE (CostUncertainty, cost_uncertainty, cost_uncertainty_ref, cost_uncertainty_unref)

static void
uncertainty_clear (CostUncertainty *self)
{
  for (guint k = 0; k < self->n_inputs; k++)
    input_clear (&self->inputs[k]);
  g_free (self->inputs);
  for (guint i = 0; i < COST_N_MEASURES; i++)
    g_free (self->measures[i].sorted);
  for (guint i = 0; i < COST_N_FAN; i++)
    g_free (self->fan[i]);
  g_free (self->monthly_point);
}

CostUncertainty *
cost_uncertainty_ref (CostUncertainty *self)
{
  return g_rc_box_acquire (self);
}

void
cost_uncertainty_unref (CostUncertainty *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) uncertainty_clear);
}

/**
 * cost_uncertainty_percentile:
 * @p: a fraction, 0.1 for P10
 */
double
cost_uncertainty_percentile (const CostUncertainty *self,
                             CostMeasure            measure,
                             double                 p)
{
  g_return_val_if_fail (self != NULL && measure < COST_N_MEASURES, NAN);

  return cost_stats_percentile (self->measures[measure].sorted, self->n_samples, p);
}

/**
 * cost_uncertainty_contingency:
 *
 * Returns: P80 − the deterministic figure: what to hold back so that the
 *   plan is met four times in five
 */
double
cost_uncertainty_contingency (const CostUncertainty *self,
                              CostMeasure            measure)
{
  g_return_val_if_fail (self != NULL && measure < COST_N_MEASURES, NAN);

  return self->measures[measure].p80 - self->measures[measure].point;
}

/**
 * cost_uncertainty_plan_run:
 * @n_threads: 0 for as many as the machine has processors
 * @progress: (nullable): told how far the run is, in the calling thread
 *
 * Draws the samples and reads the statistics: may run in any thread. The
 * same plan gives the same figures on any number of threads.
 *
 * Returns: (transfer full) (nullable): the figures, %NULL with @error when
 *   cancelled or out of memory
 */
CostUncertainty *
cost_uncertainty_plan_run (CostUncertaintyPlan  *plan,
                           guint                 n_threads,
                           GCancellable         *cancellable,
                           void                (*progress) (double, gpointer),
                           gpointer              progress_data,
                           GError              **error)
{
  CostUncertainty *self;
  guint n, n_inputs;
  int h;
  g_autofree double *shares = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  h = plan->horizon;
  if (!cost_sampler_run (plan->sampler, COST_N_MEASURES + h, n_threads, evaluate, plan, cancellable,
                         progress, progress_data, error))
    return NULL;

  n = cost_sampler_get_n_samples (plan->sampler);
  n_inputs = plan->inputs->len;

  self = g_rc_box_new0 (CostUncertainty);
  self->n_samples = n;
  self->seed = cost_sampler_get_seed (plan->sampler);
  self->horizon = h;
  self->start = plan->start;
  self->n_inputs = n_inputs;
  self->inputs = g_new0 (CostUncertaintyInput, MAX (1, n_inputs));
  for (guint k = 0; k < n_inputs; k++)
    {
      const CostUncertaintyInput *from = &g_array_index (plan->inputs, CostUncertaintyInput, k);
      CostUncertaintyInput *to = &self->inputs[k];

      *to = *from;
      to->path = g_strdup (from->path);
      to->label = g_strdup (from->label);
      to->group = g_strdup (from->group);
    }
  self->monthly_point = g_memdup2 (plan->monthly_point, sizeof (double) * h);

  shares = g_new0 (double, MAX (1, n_inputs) * COST_N_MEASURES);
  for (guint i = 0; i < COST_N_MEASURES; i++)
    {
      CostMeasureStats *s = &self->measures[i];
      const double *x = cost_sampler_get_output_samples (plan->sampler, i);

      s->point = plan->points[i];
      s->mean = cost_stats_mean (x, n);
      s->sorted = cost_stats_sorted_copy (x, n);
      s->p10 = cost_stats_percentile (s->sorted, n, 0.10);
      s->p50 = cost_stats_percentile (s->sorted, n, 0.50);
      s->p80 = cost_stats_percentile (s->sorted, n, 0.80);
      s->p90 = cost_stats_percentile (s->sorted, n, 0.90);
      s->p90_stderr = cost_stats_percentile_stderr (s->sorted, n, 0.90);
      s->budget = plan->budgets[i];
      s->prob_over_budget = s->budget > 0 ? cost_stats_fraction_above (s->sorted, n, s->budget) : NAN;

    }

  if (n_inputs > 0)
    {
      static const guint measures[COST_N_MEASURES] = {
        COST_MEASURE_RUN_RATE, COST_MEASURE_FIRST_YEAR, COST_MEASURE_HORIZON_TOTAL,
      };

      cost_stats_contributions_of (plan->sampler, measures, COST_N_MEASURES, shares);
      for (guint i = 0; i < COST_N_MEASURES; i++)
        for (guint k = 0; k < n_inputs; k++)
          self->inputs[k].share[i] = shares[i * n_inputs + k];
    }

  {
    static const double fan_p[COST_N_FAN] = { 0.10, 0.25, 0.50, 0.75, 0.90 };
    g_autofree double *sorted = NULL;

    for (guint f = 0; f < COST_N_FAN; f++)
      self->fan[f] = g_new0 (double, MAX (1, h));
    for (int m = 0; m < h; m++)
      {
        g_free (sorted);
        sorted = cost_stats_sorted_copy (cost_sampler_get_output_samples (plan->sampler, OUT_MONTH (m)), n);
        for (guint f = 0; f < COST_N_FAN; f++)
          self->fan[f][m] = cost_stats_percentile (sorted, n, fan_p[f]);
      }
  }

  return self;
}

/**
 * cost_uncertainty_compute:
 *
 * Simulates @scenario of @project in the calling thread (with
 * @n_threads helpers): for the command line and tests.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 */
CostUncertainty *
cost_uncertainty_compute (CostProject   *project,
                          CostScenario  *scenario,
                          guint          n_samples,
                          guint64        seed,
                          guint          n_threads,
                          GError       **error)
{
  g_autoptr(CostUncertaintyPlan) plan = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  plan = cost_uncertainty_plan_new (project, scenario, n_samples, seed);

  return cost_uncertainty_plan_run (plan, n_threads, NULL, NULL, NULL, error);
}
