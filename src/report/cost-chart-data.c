/* cost-chart-data.c
 *
 * Builders from the model's figures (CostResult) to the charts' plain data:
 * translated names, the categories' own colours, ids for hit testing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-analysis.h"
#include "cost-chart-data.h"
#include "cost-format.h"
#include "cost-names.h"

/* Steps of a comparison beyond this many are gathered in one. */
#define MAX_COMPARISON_STEPS 8

static const char *
scenario_name (const CostResult *result)
{
  return result->scenario ? cost_names_translate (cost_scenario_get_name (result->scenario)) : _("Baseline");
}

static const char *
category_name (const CostCategoryFigures *cf)
{
  return cost_names_translate (cost_category_get_name (cf->category));
}

/* A title naming the scenario, unless it is the baseline. */
static char *
title_for (const char       *title,
           const CostResult *result)
{
  if (result->scenario == NULL)
    return g_strdup (title);

  /* Translators: a chart title and the scenario it shows */
  return g_strdup_printf (_("%s — %s"), title, cost_names_translate (cost_scenario_get_name (result->scenario)));
}

static guint
add_categories (CostChartDataset *dataset,
                const CostResult *result)
{
  for (guint c = 0; c < result->n_categories; c++)
    {
      const CostCategoryFigures *cf = &result->categories[c];

      cost_chart_dataset_add_series (dataset, cost_category_get_id (cf->category),
                                     category_name (cf), cost_category_get_color (cf->category));
    }

  return result->n_categories;
}

/**
 * cost_chart_data_by_category:
 *
 * Returns: (transfer full): the monthly run-rate of each category, for a donut
 */
CostChartDataset *
cost_chart_data_by_category (CostProject      *project,
                             const CostResult *result)
{
  g_autofree char *title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  title = title_for (_("Monthly cost by category"), result);
  dataset = cost_chart_dataset_new (title, cost_project_get_currency (project));
  cost_chart_dataset_set_total_label (dataset, _("per month"));
  cost_chart_dataset_add_group (dataset, NULL, scenario_name (result));
  add_categories (dataset, result);

  for (guint c = 0; c < result->n_categories; c++)
    cost_chart_dataset_set_value (dataset, 0, c, result->categories[c].run_rate);

  return dataset;
}

/**
 * cost_chart_data_category_items:
 *
 * Returns: (transfer full) (nullable): the monthly run-rate of each item of
 *   one category, or %NULL if there is no such category
 */
CostChartDataset *
cost_chart_data_category_items (CostProject      *project,
                                const CostResult *result,
                                const char       *category_id)
{
  const CostCategoryFigures *cf;
  g_autofree char *title = NULL;
  g_autofree char *full_title = NULL;
  CostChartDataset *dataset;
  guint c;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  cf = cost_result_find_category (result, category_id);
  if (cf == NULL)
    return NULL;
  c = (guint) (cf - result->categories);

  /* Translators: a chart title: a category's items */
  title = g_strdup_printf (_("%s: monthly cost by item"), category_name (cf));
  full_title = title_for (title, result);
  dataset = cost_chart_dataset_new (full_title, cost_project_get_currency (project));
  cost_chart_dataset_set_total_label (dataset, _("per month"));
  cost_chart_dataset_add_group (dataset, category_id, category_name (cf));

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (f->category_index != c || f->excluded)
        continue;
      cost_chart_dataset_append (dataset, cost_item_get_id (f->item),
                                 cost_names_translate (cost_item_get_name (f->item)), NULL, f->run_rate);
    }

  return dataset;
}

/**
 * cost_chart_data_by_scenario:
 * @results: (element-type CostResult): from cost_calc_compute_all()
 *
 * Returns: (transfer full): one group per scenario (the baseline first), one
 *   series per category, the monthly run-rates
 */
CostChartDataset *
cost_chart_data_by_scenario (CostProject *project,
                             GPtrArray   *results)
{
  CostChartDataset *dataset;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (results != NULL && results->len > 0, NULL);

  dataset = cost_chart_dataset_new (_("Monthly run-rate by scenario"), cost_project_get_currency (project));
  add_categories (dataset, g_ptr_array_index (results, 0));

  for (guint i = 0; i < results->len; i++)
    {
      const CostResult *result = g_ptr_array_index (results, i);
      guint g = cost_chart_dataset_add_group (dataset,
                                              result->scenario ? cost_scenario_get_id (result->scenario) : NULL,
                                              scenario_name (result));

      for (guint c = 0; c < result->n_categories; c++)
        cost_chart_dataset_set_value (dataset, g, c, result->categories[c].run_rate);
    }

  return dataset;
}

/**
 * cost_chart_data_by_month:
 *
 * Returns: (transfer full): one group per month of the horizon, one series
 *   per category
 */
CostChartDataset *
cost_chart_data_by_month (CostProject      *project,
                          const CostResult *result)
{
  g_autofree char *title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  title = title_for (_("Cost by month"), result);
  dataset = cost_chart_dataset_new (title, cost_project_get_currency (project));
  add_categories (dataset, result);

  for (int m = 0; m < result->horizon; m++)
    {
      g_autofree char *id = g_strdup_printf ("%d", m);
      g_autofree char *label = cost_project_get_month_label (project, m, TRUE);
      guint g = cost_chart_dataset_add_group (dataset, id, label);

      for (guint c = 0; c < result->n_categories; c++)
        cost_chart_dataset_set_value (dataset, g, c, result->categories[c].monthly[m]);
    }

  return dataset;
}

typedef struct
{
  const char *id;
  char       *label;
  guint       category;
  double      value;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  if (ea->value != eb->value)
    return ea->value < eb->value ? 1 : -1;

  return g_strcmp0 (ea->label, eb->label);
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->label);
}

/**
 * cost_chart_data_top_items:
 * @limit: at most this many items
 * @options: (nullable): items it redacts are shown as one entry per category
 *
 * Returns: (transfer full): the items with the largest monthly run-rate,
 *   largest first, each in its category's colour with the category as detail
 */
CostChartDataset *
cost_chart_data_top_items (CostProject             *project,
                           const CostResult        *result,
                           guint                    limit,
                           const CostExportOptions *options)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GPtrArray) ranked = NULL;
  g_autofree double *redacted = NULL;
  g_autofree char *title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  g_array_set_clear_func (entries, entry_clear);
  redacted = g_new0 (double, result->n_categories);

  /* Every item: a category whose items are redacted may still rank. */
  ranked = cost_analysis_top_items (result, G_MAXUINT, COST_TOP_ITEMS_DEFAULT);
  for (guint i = 0; i < ranked->len; i++)
    {
      const CostItemFigures *f = g_ptr_array_index (ranked, i);
      Entry e = { cost_item_get_id (f->item), NULL, f->category_index, f->run_rate };

      if (cost_export_redacts_category (options, result->categories[f->category_index].category))
        {
          redacted[f->category_index] += f->run_rate;
          continue;
        }
      e.label = g_strdup (cost_names_translate (cost_item_get_name (f->item)));
      g_array_append_val (entries, e);
    }

  for (guint c = 0; c < result->n_categories; c++)
    {
      Entry e = { cost_category_get_id (result->categories[c].category), NULL, c, redacted[c] };

      if (redacted[c] <= 0)
        continue;
      /* Translators: the one bar standing for a category's hidden items */
      e.label = g_strdup_printf (_("%s (all items)"), category_name (&result->categories[c]));
      g_array_append_val (entries, e);
    }

  g_array_sort (entries, compare_entries);

  title = title_for (_("Largest monthly costs"), result);
  dataset = cost_chart_dataset_new (title, cost_project_get_currency (project));
  cost_chart_dataset_set_total_label (dataset, _("per month"));
  cost_chart_dataset_set_whole (dataset, result->run_rate);
  cost_chart_dataset_add_group (dataset, NULL, scenario_name (result));

  for (guint i = 0; i < entries->len && i < limit; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      const CostCategoryFigures *cf = &result->categories[e->category];
      guint s = cost_chart_dataset_append (dataset, e->id, e->label,
                                           cost_category_get_color (cf->category), e->value);

      cost_chart_dataset_set_series_detail (dataset, s, category_name (cf));
    }

  return dataset;
}

typedef struct
{
  CostItem *item;
  double    delta;
} Change;

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *ca = a, *cb = b;
  double da = fabs (ca->delta), db = fabs (cb->delta);

  if (da != db)
    return da < db ? 1 : -1;

  return g_strcmp0 (cost_item_get_id (ca->item), cost_item_get_id (cb->item));
}

/**
 * cost_chart_data_comparison:
 *
 * Explains the gap between the monthly run-rates of @from and @to item by
 * item: a start bar, one step per item whose amount changed (the largest
 * first, the smallest gathered in one step), and an end bar.
 *
 * Returns: (transfer full): the data of a waterfall chart
 */
CostChartDataset *
cost_chart_data_comparison (CostProject      *project,
                            const CostResult *from,
                            const CostResult *to)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *title = NULL;
  CostChartDataset *dataset;
  double rest = 0.0;
  guint s;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  for (guint i = 0; i < to->n_items; i++)
    {
      const CostItemFigures *f = &to->items[i];
      const CostItemFigures *before = cost_result_find_item (from, cost_item_get_id (f->item));
      Change change = { f->item, cost_round_money (f->run_rate - (before ? before->run_rate : 0.0)) };

      if (change.delta != 0.0)
        g_array_append_val (changes, change);
    }
  for (guint i = 0; i < from->n_items; i++)
    {
      const CostItemFigures *f = &from->items[i];
      Change change = { f->item, -f->run_rate };

      if (cost_result_find_item (to, cost_item_get_id (f->item)) == NULL && f->run_rate != 0.0)
        g_array_append_val (changes, change);
    }
  g_array_sort (changes, compare_changes);

  /* Translators: a chart title: from one scenario to another */
  title = g_strdup_printf (_("Monthly run-rate from %s to %s"), scenario_name (from), scenario_name (to));
  dataset = cost_chart_dataset_new (title, cost_project_get_currency (project));
  cost_chart_dataset_add_group (dataset, NULL, NULL);

  s = cost_chart_dataset_append (dataset, from->scenario ? cost_scenario_get_id (from->scenario) : NULL,
                                 scenario_name (from), NULL, from->run_rate);
  cost_chart_dataset_set_series_flags (dataset, s, COST_CHART_SERIES_TOTAL);

  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      if (i + 1 >= MAX_COMPARISON_STEPS && changes->len > MAX_COMPARISON_STEPS)
        {
          rest += change->delta;
          continue;
        }
      cost_chart_dataset_append (dataset, cost_item_get_id (change->item),
                                 cost_names_translate (cost_item_get_name (change->item)), NULL,
                                 change->delta);
    }
  if (rest != 0.0)
    cost_chart_dataset_append (dataset, NULL, _("Other changes"), NULL, cost_round_money (rest));

  s = cost_chart_dataset_append (dataset, to->scenario ? cost_scenario_get_id (to->scenario) : NULL,
                                 scenario_name (to), NULL, to->run_rate);
  cost_chart_dataset_set_series_flags (dataset, s, COST_CHART_SERIES_TOTAL);

  return dataset;
}

/**
 * cost_chart_data_sensitivity:
 * @rows: (nullable) (element-type CostSensitivity): cost_analysis_sensitivity()
 *   of @result and @fraction, when the caller has them; else computed here
 * @fraction: how far each quantity or price moves, 0.2 for ±20%
 * @limit: how many of the widest swings to chart
 *
 * Returns: (transfer full): a tornado of the run-rate with each item's
 *   quantity or unit price @fraction lower (group 0) and higher (group 1)
 */
CostChartDataset *
cost_chart_data_sensitivity (CostProject      *project,
                             const CostResult *result,
                             GArray           *rows,
                             double            fraction,
                             guint             limit)
{
  g_autoptr(GArray) own_rows = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *minus = NULL;
  g_autofree char *plus = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full_title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  if (rows == NULL)
    rows = own_rows = cost_analysis_sensitivity (result, fraction);

  percent = cost_format_percent (fraction);
  /* Translators: the two ends of a sensitivity range: "−20%", "+20%" */
  minus = g_strdup_printf (_("−%s"), percent);
  plus = g_strdup_printf (_("+%s"), percent);
  /* Translators: a chart title: "Monthly run-rate with each quantity or price ±20%" */
  title = g_strdup_printf (_("Monthly run-rate with each quantity or price ±%s"), percent);
  full_title = title_for (title, result);

  dataset = cost_chart_dataset_new (full_title, cost_project_get_currency (project));
  cost_chart_dataset_set_base (dataset, result->run_rate, _("Run-rate"));
  cost_chart_dataset_add_group (dataset, "low", minus);
  cost_chart_dataset_add_group (dataset, "high", plus);

  for (guint i = 0; i < rows->len && i < limit; i++)
    {
      const CostSensitivity *row = &g_array_index (rows, CostSensitivity, i);
      const char *item = cost_names_translate (cost_item_get_name (row->item));
      const char *category = category_name (&result->categories[row->category_index]);
      guint s = cost_chart_dataset_add_series (dataset, cost_item_get_id (row->item),
                                               item[0] != '\0' ? item : _("Unnamed Item"), NULL);

      cost_chart_dataset_set_series_detail (dataset, s, category[0] != '\0' ? category : _("Unnamed Category"));
      cost_chart_dataset_set_value (dataset, 0, s, row->low);
      cost_chart_dataset_set_value (dataset, 1, s, row->high);
    }

  return dataset;
}

/**
 * cost_chart_data_add_budget:
 * @dataset: bars of monthly amounts (by scenario or by month)
 *
 * Draws the project's monthly budget across the bars, when it has one, as
 * every page, export and slide of them does.
 */
void
cost_chart_data_add_budget (CostChartDataset *dataset,
                            CostProject      *project)
{
  double budget;

  g_return_if_fail (dataset != NULL);
  g_return_if_fail (COST_IS_PROJECT (project));

  budget = cost_project_get_monthly_budget (project);
  if (budget > 0)
    cost_chart_dataset_set_base (dataset, budget, _("Monthly budget"));
}

/**
 * cost_chart_data_llm_memory:
 *
 * The memory of one GPU of an LLM's replica, at its chosen concurrency.
 */
void
cost_chart_data_llm_memory (const CostLlmResult *result,
                            CostChartMemory     *memory)
{
  memory->total = result->memory;
  memory->weights = result->weights_per_gpu;
  memory->kv_cache = result->kv_per_gpu;
  memory->overhead = result->overhead_per_gpu;
}

/**
 * cost_chart_data_llm_curve:
 * @points: (out caller-allocates) (array fixed-size=COST_CHART_LLM_POINTS):
 *   where the curve's points go
 *
 * The throughput of a GPU against the time per output token as the
 * concurrency grows from one to the most that fit, the chosen one marked.
 */
void
cost_chart_data_llm_curve (const CostLlmInputs *inputs,
                           const CostLlmResult *result,
                           CostChartCurvePoint *points,
                           CostChartCurve      *curve)
{
  CostLlmPoint llm[COST_CHART_LLM_POINTS];
  double tp = MAX (floor (inputs->tensor_parallel), 1);
  guint n = cost_llm_curve (inputs, result, llm, G_N_ELEMENTS (llm));

  curve->points = points;
  curve->n_points = n;
  curve->chosen = -1;
  curve->target_tpot_ms = inputs->tpot_ms;

  for (guint i = 0; i < n; i++)
    {
      points[i].concurrency = llm[i].concurrency;
      points[i].tpot_ms = llm[i].tpot * 1000.0;
      points[i].tokens_per_s = llm[i].output_tokens_per_s / tp;
      points[i].meets_targets = llm[i].meets_tpot && llm[i].meets_ttft;
      if (llm[i].concurrency == result->point.concurrency)
        curve->chosen = (int) i;
    }
}
