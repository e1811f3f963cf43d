/* cost-actuals-charts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-actuals-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-actuals-charts.h"

/**
 * cost_actuals_chart_burn_up:
 * @project: the project compared, whose start names the months
 * @plan_actual: its plan beside its actual spending
 *
 * One group per month of the plan, labelled with its calendar month; the
 * series of %COST_CHART_BURN_UP: the cumulative plan over the whole
 * horizon, the cumulative actual to the last month reported, the
 * cumulative budget when the project has one, and the forecast that goes
 * on from the last month reported with the plan of the months left, to
 * the forecast at completion (actual to date + remaining plan).
 *
 * Returns: (transfer full): the burn-up chart's data
 */
CostChartDataset *
cost_actuals_chart_burn_up (CostProject          *project,
                            const CostPlanActual *plan_actual)
{
  CostChartDataset *dataset;
  int last;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (plan_actual != NULL, NULL);

  dataset = cost_chart_dataset_new (_("Cumulative cost: plan against actual"), cost_project_get_currency (project));
  cost_chart_dataset_add_series (dataset, "plan", C_("actuals", "Plan"), NULL);
  cost_chart_dataset_add_series (dataset, "actual", C_("actuals", "Actual"), NULL);
  cost_chart_dataset_add_series (dataset, "budget", _("Budget"), NULL);
  cost_chart_dataset_add_series (dataset, "forecast", _("Forecast"), NULL);

  /* The forecast only when months are left after the last one reported. */
  last = plan_actual->n_reported - 1;
  if (plan_actual->n_reported >= plan_actual->horizon)
    last = -1;

  for (int m = 0; m < plan_actual->horizon; m++)
    {
      const CostPlanActualMonth *month = &plan_actual->months[m];
      g_autofree char *id = g_strdup_printf ("%d", m);
      g_autofree char *label = cost_project_get_month_label (project, m, TRUE);
      guint g = cost_chart_dataset_add_group (dataset, id, label);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_PLAN, month->cumulative_plan);
      if (month->reported)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_ACTUAL, month->cumulative_actual);
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_ACTUAL);
      if (plan_actual->budget_at_completion > 0)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_BUDGET, month->cumulative_budget);
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_BUDGET);
      if (last >= 0 && m >= last)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_FORECAST,
                                      plan_actual->months[last].cumulative_actual +
                                      (month->cumulative_plan - plan_actual->months[last].cumulative_plan));
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_FORECAST);
    }

  return dataset;
}
