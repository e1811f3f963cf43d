/* cost-uncertainty-charts.c
 *
 * Builders from a simulation's figures to the charts' plain data, so that
 * the window's Uncertainty page, the report and the image export draw the
 * same bins, percentiles and shares the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-uncertainty-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
#include "cost-month.h"
#include "cost-names.h"
#include "cost-sampler.h"
#include "cost-uncertainty-charts.h"

static void
add_markers (CostChartDataset      *dataset,
             const CostMeasureStats *stats)
{
  /* Translators: on an uncertainty chart, the figure the plan itself gives */
  cost_chart_dataset_add_marker (dataset, "point", C_("uncertainty", "Plan"), stats->point);
  if (stats->budget > 0)
    cost_chart_dataset_add_marker (dataset, "budget", _("Budget"), stats->budget);
}

/**
 * cost_uncertainty_format_range:
 *
 * Returns: (transfer full): @range as a user reads it: "800 – 1,000 –
 *   1,200 (PERT)", "9,500 – 10,500 (lognormal, 90%)"
 */
char *
cost_uncertainty_format_range (const CostRange *range)
{
  g_autofree char *low = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (range != NULL, NULL);

  low = cost_format_number (range->low, 4);
  mode = cost_format_number (range->mode, 4);
  high = cost_format_number (range->high, 4);

  switch (range->shape)
    {
    case COST_RANGE_TRIANGULAR:
      /* Translators: a three-point range: low, most likely, high */
      return g_strdup_printf (_("%s – %s – %s (triangular)"), low, mode, high);
    case COST_RANGE_PERT:
      /* Translators: a three-point range: low, most likely, high */
      return g_strdup_printf (_("%s – %s – %s (PERT)"), low, mode, high);
    case COST_RANGE_UNIFORM:
      /* Translators: a range: low, high */
      return g_strdup_printf (_("%s – %s (uniform)"), low, high);
    case COST_RANGE_LOGNORMAL:
      /* Translators: a range whose low and high are its 5th and 95th percentiles */
      return g_strdup_printf (_("%s – %s (lognormal, 90%%)"), low, high);
    case COST_RANGE_NONE:
    default:
      return g_steal_pointer (&mode);
    }
}

/**
 * cost_uncertainty_format_over_budget:
 *
 * Returns: (transfer full) (nullable): "P(over budget) = 23.4%", or %NULL
 *   when @measure has no budget
 */
char *
cost_uncertainty_format_over_budget (const CostUncertainty *uncertainty,
                                     CostMeasure            measure)
{
  const CostMeasureStats *stats;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  stats = &uncertainty->measures[measure];
  if (isnan (stats->prob_over_budget))
    return NULL;

  percent = cost_format_percent (stats->prob_over_budget);
  /* Translators: the probability of spending more than the budget */
  return g_strdup_printf (_("P(over budget) = %s"), percent);
}

/**
 * cost_uncertainty_chart_histogram:
 * @currency: (nullable): the project's currency
 *
 * Returns: (transfer full): the samples of @measure in
 *   %COST_UNCERTAINTY_HISTOGRAM_BINS equal bins from the smallest to the
 *   largest, for %COST_CHART_HISTOGRAM; the plan's figure and the budget
 *   as markers
 */
CostChartDataset *
cost_uncertainty_chart_histogram (CostUncertainty *uncertainty,
                                  CostMeasure      measure,
                                  const char      *currency)
{
  const guint n_bins = COST_UNCERTAINTY_HISTOGRAM_BINS;
  const CostMeasureStats *stats;
  g_autofree char *title = NULL;
  double edges[COST_UNCERTAINTY_HISTOGRAM_BINS + 1];
  guint counts[COST_UNCERTAINTY_HISTOGRAM_BINS];
  CostChartDataset *dataset;

  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  stats = &uncertainty->measures[measure];
  /* Translators: a chart title: a figure of the plan, "Monthly run-rate: spread of outcomes" */
  title = g_strdup_printf (_("%s: spread of outcomes"), cost_measure_get_label (measure));
  dataset = cost_chart_dataset_new (title, currency);
  cost_chart_dataset_add_series (dataset, "from", _("From"), NULL);
  cost_chart_dataset_add_series (dataset, "to", _("To"), NULL);
  cost_chart_dataset_add_series (dataset, "count", _("Samples"), NULL);
  cost_chart_dataset_set_whole (dataset, uncertainty->n_samples);

  cost_stats_histogram (stats->sorted, uncertainty->n_samples, n_bins, edges, counts);
  for (guint b = 0; b < n_bins; b++)
    {
      g_autofree char *id = g_strdup_printf ("%u", b);
      guint g = cost_chart_dataset_add_group (dataset, id, NULL);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_FROM, edges[b]);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_TO, edges[b + 1]);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_COUNT, counts[b]);
    }

  add_markers (dataset, stats);

  return dataset;
}

/**
 * cost_uncertainty_chart_s_curve:
 * @currency: (nullable): the project's currency
 *
 * Returns: (transfer full): every percentile of @measure, P0 (the smallest
 *   sample) to P100 (the largest), for %COST_CHART_S_CURVE; the plan's
 *   figure and the budget as markers, the chance of going over budget as
 *   the note
 */
CostChartDataset *
cost_uncertainty_chart_s_curve (CostUncertainty *uncertainty,
                                CostMeasure      measure,
                                const char      *currency)
{
  const CostMeasureStats *stats;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  stats = &uncertainty->measures[measure];
  /* Translators: a chart title: a figure of the plan, "Monthly run-rate: cumulative probability" */
  title = g_strdup_printf (_("%s: cumulative probability"), cost_measure_get_label (measure));
  dataset = cost_chart_dataset_new (title, currency);
  cost_chart_dataset_add_series (dataset, "amount", _("Amount"), NULL);
  cost_chart_dataset_add_series (dataset, "fraction", _("Probability"), NULL);

  for (guint i = 0; i < COST_UNCERTAINTY_CURVE_POINTS; i++)
    {
      double p = (double) i / (COST_UNCERTAINTY_CURVE_POINTS - 1);
      g_autofree char *label = g_strdup_printf ("P%u", i);
      guint g = cost_chart_dataset_add_group (dataset, label, label);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_AMOUNT,
                                    cost_stats_percentile (stats->sorted, uncertainty->n_samples, p));
      cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_FRACTION, p);
    }

  add_markers (dataset, stats);
  note = cost_uncertainty_format_over_budget (uncertainty, measure);
  cost_chart_dataset_set_note (dataset, note);

  return dataset;
}

/**
 * cost_uncertainty_chart_fan:
 * @currency: (nullable): the project's currency
 *
 * Returns: (transfer full): the P10, P25, P50, P75 and P90 of each month's
 *   cost and the plan's, for %COST_CHART_FAN; the monthly budget as a
 *   marker
 */
CostChartDataset *
cost_uncertainty_chart_fan (CostUncertainty *uncertainty,
                            const char      *currency)
{
  const CostMeasureStats *run_rate;
  CostChartDataset *dataset;

  g_return_val_if_fail (uncertainty != NULL, NULL);

  run_rate = &uncertainty->measures[COST_MEASURE_RUN_RATE];
  dataset = cost_chart_dataset_new (_("Monthly cost: range of outcomes by month"), currency);
  cost_chart_dataset_add_series (dataset, "p10", "P10", NULL);
  cost_chart_dataset_add_series (dataset, "p25", "P25", NULL);
  cost_chart_dataset_add_series (dataset, "p50", _("Median (P50)"), NULL);
  cost_chart_dataset_add_series (dataset, "p75", "P75", NULL);
  cost_chart_dataset_add_series (dataset, "p90", "P90", NULL);
  cost_chart_dataset_add_series (dataset, "plan", C_("uncertainty", "Plan"), NULL);

  for (int m = 0; m < uncertainty->horizon; m++)
    {
      g_autofree char *id = g_strdup_printf ("%d", m);
      g_autofree char *label = cost_month_get_plan_label (uncertainty->start, m, TRUE);
      guint g = cost_chart_dataset_add_group (dataset, id, label);

      for (guint f = 0; f < COST_N_FAN; f++)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_FAN_P10 + f, uncertainty->fan[f][m]);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_FAN_PLAN, uncertainty->monthly_point[m]);
    }

  if (run_rate->budget > 0)
    cost_chart_dataset_add_marker (dataset, "budget", _("Budget"), run_rate->budget);

  return dataset;
}

/**
 * cost_uncertainty_chart_contributions:
 *
 * Returns: (transfer full): each input's share of the variance of
 *   @measure, for %COST_CHART_RANKED (the dataset holds fractions)
 */
CostChartDataset *
cost_uncertainty_chart_contributions (CostUncertainty *uncertainty,
                                      CostMeasure      measure)
{
  g_autofree char *title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  /* Translators: a chart title: a figure of the plan, "Monthly run-rate: what drives the uncertainty" */
  title = g_strdup_printf (_("%s: what drives the uncertainty"), cost_measure_get_label (measure));
  dataset = cost_chart_dataset_new (title, NULL);
  cost_chart_dataset_set_unit (dataset, COST_CHART_UNIT_FRACTION);
  cost_chart_dataset_add_group (dataset, NULL, cost_measure_get_label (measure));
  for (guint k = 0; k < uncertainty->n_inputs; k++)
    {
      const CostUncertaintyInput *input = &uncertainty->inputs[k];
      guint s = cost_chart_dataset_add_series (dataset, input->path, input->label, NULL);

      cost_chart_dataset_set_value (dataset, 0, s, input->share[measure]);
    }
  cost_chart_dataset_set_whole (dataset, 1.0);

  return dataset;
}

/* The category an input's figure belongs to: an item's or a category's
 * own, %NULL for traffic and models. */
static CostCategory *
input_category (const CostUncertaintyInput *input,
                CostProject                *project)
{
  g_auto(GStrv) parts = g_strsplit (input->path, "/", 3);
  CostCategory *category = NULL;

  if (g_strv_length (parts) < 3)
    return NULL;

  if (g_str_equal (parts[0], "items"))
    cost_project_find_item (project, parts[1], &category);
  else if (g_str_equal (parts[0], "categories"))
    category = cost_project_find_category (project, parts[1], NULL);

  return category;
}

/**
 * cost_uncertainty_input_redacted:
 * @options: (nullable): what an export hides
 *
 * Returns: whether @input is a figure of a category whose amounts the
 *   export hides (labor, when it redacts labor)
 */
gboolean
cost_uncertainty_input_redacted (const CostUncertaintyInput *input,
                                 CostProject                *project,
                                 const CostExportOptions    *options)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (options == NULL || !options->redact_labor)
    return FALSE;

  return cost_export_redacts_category (options, input_category (input, project));
}

static void
contribution_clear (gpointer data)
{
  CostContribution *c = data;

  g_free (c->label);
  g_free (c->group);
}

static int
compare_contributions (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const CostContribution *ca = a, *cb = b;
  CostMeasure m = GPOINTER_TO_UINT (user_data);

  if (ca->share[m] != cb->share[m])
    return ca->share[m] < cb->share[m] ? 1 : -1;

  return g_strcmp0 (ca->label, cb->label);
}

/**
 * cost_uncertainty_contributions:
 * @sort_by: the measure whose shares order them
 * @options: (nullable): what an export hides: the inputs of a redacted
 *   category are gathered in one entry named after it
 *
 * Returns: (transfer full) (element-type CostContribution): the inputs and
 *   their shares of the variance, largest first
 */
GArray *
cost_uncertainty_contributions (CostUncertainty         *uncertainty,
                                CostMeasure              sort_by,
                                CostProject             *project,
                                const CostExportOptions *options)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (CostContribution));
  g_autoptr(GHashTable) gathered = g_hash_table_new (NULL, NULL);  /* CostCategory → index + 1 */

  g_return_val_if_fail (uncertainty != NULL && sort_by < COST_N_MEASURES, out);
  g_return_val_if_fail (COST_IS_PROJECT (project), out);

  g_array_set_clear_func (out, contribution_clear);
  for (guint k = 0; k < uncertainty->n_inputs; k++)
    {
      const CostUncertaintyInput *input = &uncertainty->inputs[k];
      CostContribution c = { NULL, };

      if (cost_uncertainty_input_redacted (input, project, options))
        {
          CostCategory *category = input_category (input, project);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (gathered, category));

          if (at == 0)
            {
              /* Translators: the one bar standing for a category's hidden items */
              c.label = g_strdup_printf (_("%s (all items)"), cost_names_translate (cost_category_get_name (category)));
              g_array_append_val (out, c);
              at = out->len;
              g_hash_table_insert (gathered, category, GUINT_TO_POINTER (at));
            }
          for (guint m = 0; m < COST_N_MEASURES; m++)
            g_array_index (out, CostContribution, at - 1).share[m] += input->share[m];
          continue;
        }

      c.label = g_strdup (input->label);
      c.group = input->group != NULL && input->group[0] != '\0' ? g_strdup (input->group) : NULL;
      c.input = input;
      memcpy (c.share, input->share, sizeof c.share);
      g_array_append_val (out, c);
    }

  g_array_sort_with_data (out, compare_contributions, GUINT_TO_POINTER (sort_by));

  return out;
}

/**
 * cost_uncertainty_chart_contributions_for_export:
 * @options: (nullable): what the export hides
 *
 * Returns: (transfer full): as cost_uncertainty_chart_contributions(), the
 *   inputs of a category the export hides gathered in one bar
 */
CostChartDataset *
cost_uncertainty_chart_contributions_for_export (CostUncertainty         *uncertainty,
                                                 CostMeasure              measure,
                                                 CostProject             *project,
                                                 const CostExportOptions *options)
{
  g_autoptr(GArray) contributions = NULL;
  g_autofree char *title = NULL;
  CostChartDataset *dataset;

  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  contributions = cost_uncertainty_contributions (uncertainty, measure, project, options);
  title = g_strdup_printf (_("%s: what drives the uncertainty"), cost_measure_get_label (measure));
  dataset = cost_chart_dataset_new (title, NULL);
  cost_chart_dataset_set_unit (dataset, COST_CHART_UNIT_FRACTION);
  cost_chart_dataset_add_group (dataset, NULL, cost_measure_get_label (measure));
  for (guint i = 0; i < contributions->len; i++)
    {
      const CostContribution *c = &g_array_index (contributions, CostContribution, i);
      guint s = cost_chart_dataset_add_series (dataset, c->input != NULL ? c->input->path : NULL, c->label, NULL);

      cost_chart_dataset_set_value (dataset, 0, s, c->share[measure]);
    }
  cost_chart_dataset_set_whole (dataset, 1.0);

  return dataset;
}

/**
 * cost_uncertainty_chart_dataset:
 * @kind: %COST_CHART_HISTOGRAM, %COST_CHART_S_CURVE, %COST_CHART_FAN
 *   (which shows the monthly cost whatever @measure) or
 *   %COST_CHART_RANKED (the contributions to the variance)
 * @currency: (nullable): the project's currency
 *
 * Returns: (transfer full) (nullable): the data of that chart, %NULL for
 *   another kind
 */
CostChartDataset *
cost_uncertainty_chart_dataset (CostUncertainty *uncertainty,
                                CostMeasure      measure,
                                CostChartKind    kind,
                                const char      *currency)
{
  g_return_val_if_fail (uncertainty != NULL && measure < COST_N_MEASURES, NULL);

  switch (kind)
    {
    case COST_CHART_HISTOGRAM:
      return cost_uncertainty_chart_histogram (uncertainty, measure, currency);
    case COST_CHART_S_CURVE:
      return cost_uncertainty_chart_s_curve (uncertainty, measure, currency);
    case COST_CHART_FAN:
      return cost_uncertainty_chart_fan (uncertainty, currency);
    case COST_CHART_RANKED:
      return cost_uncertainty_chart_contributions (uncertainty, measure);
    case COST_CHART_DONUT:
    case COST_CHART_PIE:
    case COST_CHART_STACKED:
    case COST_CHART_STACKED_HORIZONTAL:
    case COST_CHART_WATERFALL:
    case COST_CHART_TORNADO:
    case COST_CHART_BURN_UP:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cost_uncertainty_for_export:
 * @scenario: (nullable): the scenario exported, %NULL for the baseline
 * @options: (nullable): the export's options, whose simulation is used
 *   when it has one
 *
 * The simulation an export shows: the caller's (the window's), or one run
 * now with the project's samples and seed.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 *   when the project has no ranges
 */
CostUncertainty *
cost_uncertainty_for_export (CostProject              *project,
                             CostScenario             *scenario,
                             const CostExportOptions  *options,
                             GError                  **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  if (options != NULL && options->uncertainty != NULL)
    return cost_uncertainty_ref (options->uncertainty);

  if (cost_uncertainty_count_ranges (project) == 0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("Uncertainty charts need ranges on some of the project’s figures, "
                             "and the project has none"));
      return NULL;
    }

  return cost_uncertainty_compute (project, scenario, cost_project_get_samples (project),
                                   cost_project_get_seed (project), 0, error);
}
