/* cost-unit-economics.c
 *
 * What the plan costs per request, per daily active user and per million
 * tokens, from a scenario's figures and its traffic (cost-model.md, "Unit
 * economics").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-unit-economics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-project-sizing.h"
#include "cost-unit-economics.h"

/**
 * cost_unit_economics:
 *
 * What the plan costs per request, per user and per token, under the
 * scenario of @result.
 */
void
cost_unit_economics (CostProject       *project,
                     const CostResult  *result,
                     CostUnitEconomics *economics)
{
  CostWorkloadValues workload;
  guint n_models;

  g_return_if_fail (COST_IS_PROJECT (project));
  g_return_if_fail (result != NULL && economics != NULL);

  memset (economics, 0, sizeof *economics);
  economics->cost_per_1k_requests = NAN;
  economics->cost_per_dau_month = NAN;
  economics->cost_per_1m_tokens = NAN;

  for (guint c = 0; c < result->n_categories; c++)
    {
      if (g_strcmp0 (cost_category_get_id (result->categories[c].category), "compute") == 0 &&
          result->run_rate > 0)
        economics->compute_share = result->categories[c].run_rate / result->run_rate;
    }

  economics->has_workload = cost_sizing_effective_workload (project, result->scenario, &workload);
  if (!economics->has_workload)
    return;

  economics->average_qps = cost_workload_values_average_qps (&workload);
  economics->peak_qps = cost_workload_values_peak_qps (&workload);
  economics->monthly_requests = cost_workload_values_monthly_requests (&workload);

  n_models = cost_project_get_n_models (project);
  for (guint i = 0; i < n_models; i++)
    {
      CostServedModel *model = cost_project_get_model (project, i);
      CostModelValues values;

      cost_sizing_effective_model (model, result->scenario, &values);
      if (values.kind == COST_MODEL_LLM)
        economics->monthly_tokens += economics->monthly_requests * values.work_per_request;
    }

  for (guint i = 0; i < result->n_items; i++)
    {
      const char *driver = cost_item_get_driver (result->items[i].item);

      if (driver != NULL && !cost_driver_is_power (driver) && !result->items[i].excluded)
        economics->gpus_required += result->items[i].params.quantity;
    }

  if (economics->monthly_requests > 0)
    economics->cost_per_1k_requests = result->run_rate / economics->monthly_requests * 1000.0;
  if (workload.daily_active_users > 0)
    economics->cost_per_dau_month = result->run_rate / workload.daily_active_users;
  if (economics->monthly_tokens > 0)
    economics->cost_per_1m_tokens = result->run_rate / economics->monthly_tokens * 1e6;
}
