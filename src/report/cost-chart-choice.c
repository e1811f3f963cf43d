/* cost-chart-choice.c
 *
 * The one table of the charts asked for by name. The CLI's --chart, the
 * image export and the report all look their charts up here, so that a
 * name always means the same data drawn the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-choice"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-actuals-charts.h"
#include "cost-chart-choice.h"
#include "cost-chart-data.h"
#include "cost-uncertainty-charts.h"

/* Bars of the ranked chart. */
#define TOP_ITEMS 10

static CostChartDataset *
build_donut (CostProject              *project,
             GPtrArray                *results,
             const CostResult         *result,
             const CostExportOptions  *options,
             GError                  **error)
{
  return cost_chart_data_by_category (project, result);
}

static CostChartDataset *
build_stacked (CostProject              *project,
               GPtrArray                *results,
               const CostResult         *result,
               const CostExportOptions  *options,
               GError                  **error)
{
  CostChartDataset *dataset = cost_chart_data_by_scenario (project, results);

  cost_chart_data_add_budget (dataset, project);

  return dataset;
}

static CostChartDataset *
build_ranked (CostProject              *project,
              GPtrArray                *results,
              const CostResult         *result,
              const CostExportOptions  *options,
              GError                  **error)
{
  return cost_chart_data_top_items (project, result, TOP_ITEMS, options);
}

static CostChartDataset *
build_monthly (CostProject              *project,
               GPtrArray                *results,
               const CostResult         *result,
               const CostExportOptions  *options,
               GError                  **error)
{
  CostChartDataset *dataset = cost_chart_data_by_month (project, result);

  cost_chart_data_add_budget (dataset, project);

  return dataset;
}

/* The baseline against the scenario shown, or the first one when the
 * baseline is shown. */
static CostChartDataset *
build_comparison (CostProject              *project,
                  GPtrArray                *results,
                  const CostResult         *result,
                  const CostExportOptions  *options,
                  GError                  **error)
{
  const CostResult *baseline = g_ptr_array_index (results, 0);

  if (results->len < 2)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The comparison chart needs a scenario, and the project has none"));
      return NULL;
    }

  return cost_chart_data_comparison (project, baseline,
                                     result != baseline ? result : g_ptr_array_index (results, 1));
}

/* Each quantity and price 20% lower and higher, as the Sensitivity page
 * opens. */
static CostChartDataset *
build_tornado (CostProject              *project,
               GPtrArray                *results,
               const CostResult         *result,
               const CostExportOptions  *options,
               GError                  **error)
{
  return cost_chart_data_sensitivity (project, result, NULL, COST_CHART_DATA_DEFAULT_RANGE,
                                      COST_CHART_DATA_TORNADO_ROWS);
}

/* The simulation of the scenario shown: the caller's, or run now. */
static CostChartDataset *
build_uncertainty (CostProject              *project,
                   const CostResult         *result,
                   const CostExportOptions  *options,
                   CostChartKind             kind,
                   GError                  **error)
{
  g_autoptr(CostUncertainty) uncertainty = cost_uncertainty_for_export (project, result->scenario, options, error);

  if (uncertainty == NULL)
    return NULL;

  if (kind == COST_CHART_RANKED)
    return cost_uncertainty_chart_contributions_for_export (uncertainty, COST_MEASURE_RUN_RATE, project, options);

  return cost_uncertainty_chart_dataset (uncertainty, COST_MEASURE_RUN_RATE, kind,
                                         cost_project_get_currency (project));
}

static CostChartDataset *
build_histogram (CostProject              *project,
                 GPtrArray                *results,
                 const CostResult         *result,
                 const CostExportOptions  *options,
                 GError                  **error)
{
  return build_uncertainty (project, result, options, COST_CHART_HISTOGRAM, error);
}

static CostChartDataset *
build_s_curve (CostProject              *project,
               GPtrArray                *results,
               const CostResult         *result,
               const CostExportOptions  *options,
               GError                  **error)
{
  return build_uncertainty (project, result, options, COST_CHART_S_CURVE, error);
}

static CostChartDataset *
build_fan (CostProject              *project,
           GPtrArray                *results,
           const CostResult         *result,
           const CostExportOptions  *options,
           GError                  **error)
{
  return build_uncertainty (project, result, options, COST_CHART_FAN, error);
}

static CostChartDataset *
build_contributions (CostProject              *project,
                     GPtrArray                *results,
                     const CostResult         *result,
                     const CostExportOptions  *options,
                     GError                  **error)
{
  return build_uncertainty (project, result, options, COST_CHART_RANKED, error);
}

/* Cumulative actual spending against the plan shown. */
static CostChartDataset *
build_burn_up (CostProject              *project,
               GPtrArray                *results,
               const CostResult         *result,
               const CostExportOptions  *options,
               GError                  **error)
{
  g_autoptr(CostPlanActual) plan_actual =
    cost_plan_actual_compute (project, (CostResult *) result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);

  if (plan_actual == NULL)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The burn-up chart needs actual spending, and the project has none"));
      return NULL;
    }

  return cost_actuals_chart_burn_up (project, plan_actual);
}

/* In the order the usage message lists them. A label names the chart for
 * people; most are the title the chart has for the baseline. */
static const CostChartChoice choices[] = {
  { "donut", N_("Monthly cost by category"), COST_CHART_DONUT, build_donut },
  { "stacked", N_("Monthly run-rate by scenario"), COST_CHART_STACKED, build_stacked, TRUE },
  { "ranked", N_("Largest monthly costs"), COST_CHART_RANKED, build_ranked },
  { "monthly", N_("Cost by month"), COST_CHART_STACKED, build_monthly },
  { "comparison", N_("Comparison"), COST_CHART_WATERFALL, build_comparison, TRUE },
  { "tornado", N_("Sensitivity"), COST_CHART_TORNADO, build_tornado },
  /* The uncertainty of the monthly run-rate, when the project has ranges. */
  { "histogram", N_("Spread of the monthly run-rate"), COST_CHART_HISTOGRAM, build_histogram },
  { "s-curve", N_("Chance of staying within budget"), COST_CHART_S_CURVE, build_s_curve },
  { "fan", N_("Range of the monthly cost by month"), COST_CHART_FAN, build_fan },
  { "contributions", N_("What drives the uncertainty"), COST_CHART_RANKED, build_contributions },
  /* Plan against actual spending, when the project has any. */
  { "burn-up", N_("Cumulative cost: plan against actual"), COST_CHART_BURN_UP, build_burn_up },
};

/**
 * cost_chart_choice_get_all:
 * @n_choices: (out): how many there are
 *
 * Returns: (array length=n_choices): every chart that has a name
 */
const CostChartChoice *
cost_chart_choice_get_all (guint *n_choices)
{
  *n_choices = G_N_ELEMENTS (choices);

  return choices;
}

/**
 * cost_chart_choice_list_ids:
 *
 * Returns: (transfer full): the names, "donut, stacked, …"
 */
char *
cost_chart_choice_list_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, choices[i].id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/**
 * cost_chart_choice_find:
 *
 * Returns: (nullable): the chart named @id, or %NULL with a usage error
 *   that lists the names there are
 */
const CostChartChoice *
cost_chart_choice_find (const char  *id,
                        GError     **error)
{
  g_autofree char *valid = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (g_strcmp0 (id, choices[i].id) == 0)
        return &choices[i];
    }

  valid = cost_chart_choice_list_ids ();
  g_set_error (error, COST_ERROR, COST_ERROR_USAGE,
               _("Unknown chart “%s”: use one of %s"), id, valid);

  return NULL;
}
