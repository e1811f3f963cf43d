/* cost-sizing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-sizing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
#include "cost-sizing.h"

/**
 * cost_sizing_accelerators:
 *
 * ⌈peak requests/s × work per request ÷ (throughput × utilisation)⌉ ×
 * replicas + spare. No traffic needs no accelerators but the spare ones.
 *
 * Returns: the accelerators the model needs
 */
guint
cost_sizing_accelerators (const CostWorkloadValues *workload,
                          const CostModelValues    *model)
{
  double peak = cost_workload_values_peak_qps (workload);
  double capacity = model->throughput * model->utilisation;
  double needed;

  if (peak <= 0 || capacity <= 0 || !isfinite (peak))
    needed = 0;
  else
    needed = ceil (peak * model->work_per_request / capacity - 1e-9);

  needed = needed * MAX (model->replicas, 1) + MAX (model->spare, 0);

  return (guint) MIN (needed, (double) G_MAXUINT32);
}

static const char *
work_unit (const CostModelValues *model)
{
  return model->kind == COST_MODEL_LLM ? _("tokens per request") : _("candidates per request");
}

static const char *
throughput_unit (const CostModelValues *model)
{
  return model->kind == COST_MODEL_LLM ? _("tokens/s") : _("samples/s");
}

/**
 * cost_sizing_explain:
 *
 * Returns: (transfer full): the sizing formula with the values filled in
 */
char *
cost_sizing_explain (const CostWorkloadValues *workload,
                     const CostModelValues    *model)
{
  g_autofree char *peak = cost_format_number (cost_workload_values_peak_qps (workload), 1);
  g_autofree char *work = cost_format_number (model->work_per_request, 2);
  g_autofree char *throughput = cost_format_number (model->throughput, 2);
  g_autofree char *utilisation = cost_format_percent (model->utilisation);
  g_autofree char *replicas = cost_format_number (model->replicas, 0);
  g_autofree char *spare = cost_format_number (model->spare, 0);
  g_autofree char *result = cost_format_number (cost_sizing_accelerators (workload, model), 0);

  /* Translators: the sizing formula: ⌈peak × work ÷ (throughput × utilisation)⌉ × replicas + spare */
  return g_strdup_printf (_("⌈%s requests/s × %s %s ÷ (%s %s × %s)⌉ × %s replicas + %s spare = %s accelerators"),
                          peak, work, work_unit (model), throughput, throughput_unit (model),
                          utilisation, replicas, spare, result);
}

/**
 * cost_workload_explain:
 *
 * Returns: (transfer full): how the average and peak traffic and the monthly
 *   requests follow from the workload, one formula a line
 */
char *
cost_workload_explain (const CostWorkloadValues *workload)
{
  g_autofree char *dau = cost_format_number (workload->daily_active_users, 0);
  g_autofree char *rpu = cost_format_number (workload->requests_per_user, 2);
  g_autofree char *average = cost_format_number (cost_workload_values_average_qps (workload), 1);
  g_autofree char *ratio = cost_format_number (workload->peak_to_average, 2);
  g_autofree char *peak = cost_format_number (cost_workload_values_peak_qps (workload), 1);
  g_autofree char *monthly = cost_format_number (cost_workload_values_monthly_requests (workload), 0);
  g_autofree char *hours = cost_format_number (workload->peak_hours, 1);

  return g_strdup_printf (_("Average: %s users × %s requests ÷ 86,400 s = %s requests/s\n"
                            "Peak: %s requests/s × %s = %s requests/s, for about %s h a day\n"
                            "Monthly: %s users × %s requests × 365/12 days = %s requests"),
                          dau, rpu, average, average, ratio, peak, hours, dau, rpu, monthly);
}

/**
 * cost_sizing_effective_workload:
 * @scenario: (nullable):
 *
 * Returns: %FALSE if the project describes no workload; otherwise its
 *   values in @values, with @scenario's overrides applied
 */
gboolean
cost_sizing_effective_workload (CostProject        *project,
                                CostScenario       *scenario,
                                CostWorkloadValues *values)
{
  CostWorkload *workload = cost_project_get_workload (project);

  if (workload == NULL)
    {
      memset (values, 0, sizeof *values);
      values->peak_to_average = 1;
      values->peak_hours = 4;
      return FALSE;
    }

  cost_workload_get_values (workload, values);
  if (scenario != NULL)
    {
      cost_scenario_get_sizing_value (scenario, "workload", "daily_active_users",
                                      &values->daily_active_users);
      cost_scenario_get_sizing_value (scenario, "workload", "requests_per_user_per_day",
                                      &values->requests_per_user);
      cost_scenario_get_sizing_value (scenario, "workload", "peak_to_average",
                                      &values->peak_to_average);
      cost_scenario_get_sizing_value (scenario, "workload", "peak_hours", &values->peak_hours);
    }

  return TRUE;
}

/**
 * cost_sizing_effective_model:
 * @scenario: (nullable):
 *
 * The model's values with @scenario's overrides applied.
 */
void
cost_sizing_effective_model (CostServedModel *model,
                             CostScenario    *scenario,
                             CostModelValues *values)
{
  const char *id = cost_served_model_get_id (model);

  cost_served_model_get_values (model, values);
  if (scenario == NULL || !cost_scenario_has_sizing (scenario))
    return;

  cost_scenario_get_sizing_value (scenario, id, "throughput", &values->throughput);
  cost_scenario_get_sizing_value (scenario, id, "work_per_request", &values->work_per_request);
  cost_scenario_get_sizing_value (scenario, id, "utilisation", &values->utilisation);
  cost_scenario_get_sizing_value (scenario, id, "spare", &values->spare);
  cost_scenario_get_sizing_value (scenario, id, "replicas", &values->replicas);
  cost_scenario_get_sizing_value (scenario, id, "power_watts", &values->power_watts);
}

/**
 * cost_sizing_power_kwh:
 * @accelerators: (array length=n): accelerator counts
 * @watts: (array length=n): the power of one accelerator of each count
 *
 * Returns: the energy a month: Σ accelerators × W ÷ 1,000 × PUE × 730 h
 */
double
cost_sizing_power_kwh (double        pue,
                       guint         n,
                       const double *accelerators,
                       const double *watts)
{
  double kw = 0;

  for (guint i = 0; i < n; i++)
    kw += accelerators[i] * watts[i] / 1000.0;

  return round (kw * pue * COST_HOURS_PER_MONTH * 1000.0) / 1000.0;
}

/* The accelerators of the items a served model drives, with their power,
 * as the power items are synced from them. */
static void
collect_driven (CostProject *project,
                GArray      *accelerators,
                GArray      *watts)
{
  guint n = cost_project_get_n_categories (project);

  for (guint c = 0; c < n; c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        {
          CostItem *item = cost_category_get_item (category, i);
          CostServedModel *model = cost_project_find_model (project, cost_item_get_driver (item), NULL);
          double quantity, power;

          if (model == NULL)
            continue;

          quantity = cost_item_get_quantity (item);
          power = cost_served_model_get_value (model, "power_watts");
          g_array_append_val (accelerators, quantity);
          g_array_append_val (watts, power);
        }
    }
}

/**
 * cost_sizing_driven_power_kwh:
 *
 * Returns: the energy a month of the accelerators the served models drive,
 *   what a power item's quantity is
 */
double
cost_sizing_driven_power_kwh (CostProject *project)
{
  g_autoptr(GArray) accelerators = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) watts = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (COST_IS_PROJECT (project), 0);

  collect_driven (project, accelerators, watts);

  return cost_sizing_power_kwh (cost_project_get_pue (project), accelerators->len,
                                (double *) accelerators->data, (double *) watts->data);
}

/**
 * cost_sizing_power_explain:
 *
 * Returns: (transfer full): how cost_sizing_driven_power_kwh() follows from
 *   the accelerators of the driven items, with the values filled in
 */
char *
cost_sizing_power_explain (CostProject *project)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(GArray) accelerators = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) watts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *pue = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *kwh = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  collect_driven (project, accelerators, watts);
  for (guint i = 0; i < accelerators->len; i++)
    {
      g_autofree char *q = cost_format_number (g_array_index (accelerators, double, i), 0);
      g_autofree char *w = cost_format_number (g_array_index (watts, double, i), 1);

      if (i > 0)
        g_string_append (terms, " + ");
      /* Translators: accelerators × their power: "40 × 700 W" */
      g_string_append_printf (terms, _("%s × %s W"), q, w);
    }

  pue = cost_format_number (cost_project_get_pue (project), 2);
  hours = cost_format_number (COST_HOURS_PER_MONTH, 0);
  kwh = cost_format_number (cost_sizing_power_kwh (cost_project_get_pue (project), accelerators->len,
                                                   (double *) accelerators->data,
                                                   (double *) watts->data), 1);

  if (accelerators->len == 0)
    /* Translators: the energy formula when no item is driven by a model */
    return g_strdup_printf (_("No items are driven by a served model: %s kWh a month"), kwh);

  /* Translators: the energy formula: (accelerators × watts + …) ÷ 1,000 × PUE × hours a month */
  return g_strdup_printf (_("(%s) ÷ 1,000 × %s PUE × %s h = %s kWh a month"),
                          terms->str, pue, hours, kwh);
}

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

      if (driver != NULL && g_strcmp0 (driver, "power") != 0 && !result->items[i].excluded)
        economics->gpus_required += result->items[i].params.quantity;
    }

  if (economics->monthly_requests > 0)
    economics->cost_per_1k_requests = result->run_rate / economics->monthly_requests * 1000.0;
  if (workload.daily_active_users > 0)
    economics->cost_per_dau_month = result->run_rate / workload.daily_active_users;
  if (economics->monthly_tokens > 0)
    economics->cost_per_1m_tokens = result->run_rate / economics->monthly_tokens * 1e6;
}

/**
 * cost_price_convert:
 *
 * Converts an amount in @currency into the project's currency at the rate
 * the project stores.
 *
 * Returns: %FALSE with @error when the project has no rate for @currency
 */
gboolean
cost_price_convert (CostProject  *project,
                    double        amount,
                    const char   *currency,
                    double       *converted,
                    GError      **error)
{
  double rate;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (!cost_project_get_exchange_rate (project, currency, &rate, NULL))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_NOT_FOUND,
                   _("The project has no exchange rate from %s to %s; add one in the project properties"),
                   currency, cost_project_get_currency (project));
      return FALSE;
    }

  *converted = round (amount * rate * 1e6) / 1e6;
  return TRUE;
}
