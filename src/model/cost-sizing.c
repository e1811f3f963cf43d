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
 * cost_sizing_llm:
 *
 * Sizes an LLM by its tokens (cost-llm.c) for the peak of @workload:
 * replicas = ⌈peak requests/s × calls per request ÷ (r × utilisation)⌉;
 * accelerators = replicas × TP × regional replicas + spare.
 */
void
cost_sizing_llm (const CostWorkloadValues *workload,
                 const CostModelValues    *model,
                 CostLlmSizing            *sizing)
{
  double needed;

  memset (sizing, 0, sizeof *sizing);
  cost_llm_size (&model->llm, &sizing->llm);

  sizing->peak_calls = cost_workload_values_peak_qps (workload) * model->calls_per_request;
  sizing->instances = cost_llm_instances (&sizing->llm, sizing->peak_calls, model->utilisation);

  needed = sizing->instances * MAX (floor (model->llm.tensor_parallel), 1) * MAX (model->replicas, 1) +
           MAX (model->spare, 0);
  sizing->accelerators = MIN (needed, (double) G_MAXUINT32);
}

/**
 * cost_sizing_instances:
 *
 * Returns: the accelerators (or, for an LLM sized by tokens, the replicas
 *   of TP accelerators) that serve the peak, before regional replicas and
 *   spares: ⌈peak requests/s × work per request ÷ (throughput ×
 *   utilisation)⌉. No traffic needs none.
 */
double
cost_sizing_instances (const CostWorkloadValues *workload,
                       const CostModelValues    *model)
{
  double peak = cost_workload_values_peak_qps (workload);
  double capacity = model->throughput * model->utilisation;

  if (model->kind == COST_MODEL_LLM_TOKENS)
    {
      CostLlmSizing sizing;

      cost_sizing_llm (workload, model, &sizing);
      return sizing.instances;
    }

  if (peak <= 0 || capacity <= 0 || !isfinite (peak))
    return 0;

  return ceil (peak * model->work_per_request / capacity - 1e-9);
}

/**
 * cost_sizing_accelerators:
 *
 * ⌈peak requests/s × work per request ÷ (throughput × utilisation)⌉ ×
 * replicas + spare; for an LLM sized by tokens, its replicas × TP ×
 * replicas + spare (cost_sizing_llm()). No traffic needs no accelerators
 * but the spare ones.
 *
 * Returns: the accelerators the model needs
 */
guint
cost_sizing_accelerators (const CostWorkloadValues *workload,
                          const CostModelValues    *model)
{
  double needed;

  if (model->kind == COST_MODEL_LLM_TOKENS)
    {
      CostLlmSizing sizing;

      cost_sizing_llm (workload, model, &sizing);
      return (guint) sizing.accelerators;
    }

  needed = cost_sizing_instances (workload, model) * MAX (model->replicas, 1) + MAX (model->spare, 0);

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

/* The chain of an LLM sized by tokens, ending with its accelerators. */
static char *
explain_llm (const CostWorkloadValues *workload,
             const CostModelValues    *model)
{
  CostLlmSizing sizing;
  g_autofree char *chain = NULL;
  g_autofree char *status = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *calls_text = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *utilisation = NULL;
  g_autofree char *instances = NULL;
  g_autofree char *tp = NULL;
  g_autofree char *replicas = NULL;
  g_autofree char *spare = NULL;
  g_autofree char *result = NULL;
  GString *out;

  cost_sizing_llm (workload, model, &sizing);
  chain = cost_llm_explain (&model->llm, &sizing.llm);
  status = cost_llm_describe_status (&model->llm, &sizing.llm);
  peak = cost_format_number (cost_workload_values_peak_qps (workload), 1);
  calls = cost_format_number (model->calls_per_request, 2);
  /* Translators: model calls per request: "1 call", "2 calls" */
  calls_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s call", "%s calls",
                                             model->calls_per_request == 1 ? 1 : 2), calls);
  rate = cost_format_number (sizing.llm.point.requests_per_s, 2);
  utilisation = cost_format_percent (model->utilisation);
  instances = cost_format_number (sizing.instances, 0);
  tp = cost_format_number (MAX (floor (model->llm.tensor_parallel), 1), 0);
  replicas = cost_format_number (model->replicas, 0);
  spare = cost_format_number (model->spare, 0);
  result = cost_format_number (sizing.accelerators, 0);

  out = g_string_new (chain);
  g_string_append_c (out, '\n');
  if (sizing.llm.status == COST_LLM_OK || sizing.llm.status == COST_LLM_TARGET_UNMET)
    /* Translators: "Replicas: ⌈5,555.6 requests/s × 1 call ÷ (7.87 requests/s × 60%)⌉ = 1,177; accelerators: 1,177 × 2 per replica × 2 replicas + 2 spare = 4,710" */
    g_string_append_printf (out, _("Replicas: ⌈%s requests/s × %s ÷ (%s requests/s × %s)⌉ = %s; "
                                   "accelerators: %s × %s per replica × %s replicas + %s spare = %s"),
                            peak, calls_text, rate, utilisation, instances, instances, tp, replicas, spare, result);
  else
    /* Translators: when the model cannot be served: "Accelerators: only the 2 spare" */
    g_string_append_printf (out, _("Accelerators: only the %s spare"), spare);
  if (status != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, status);
    }

  return g_string_free (out, FALSE);
}

/**
 * cost_sizing_explain:
 *
 * Returns: (transfer full): the sizing formula with the values filled in;
 *   for an LLM sized by tokens, its chain, one step a line, and in plain
 *   words why it cannot be served as asked
 */
char *
cost_sizing_explain (const CostWorkloadValues *workload,
                     const CostModelValues    *model)
{
  g_autofree char *peak = NULL;
  g_autofree char *work = NULL;
  g_autofree char *throughput = NULL;
  g_autofree char *utilisation = NULL;
  g_autofree char *replicas = NULL;
  g_autofree char *spare = NULL;
  g_autofree char *result = NULL;

  if (model->kind == COST_MODEL_LLM_TOKENS)
    return explain_llm (workload, model);

  peak = cost_format_number (cost_workload_values_peak_qps (workload), 1);
  work = cost_format_number (model->work_per_request, 2);
  throughput = cost_format_number (model->throughput, 2);
  utilisation = cost_format_percent (model->utilisation);
  replicas = cost_format_number (model->replicas, 0);
  spare = cost_format_number (model->spare, 0);
  result = cost_format_number (cost_sizing_accelerators (workload, model), 0);

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

  const char * const *keys;

  cost_served_model_get_values (model, values);
  if (scenario == NULL || !cost_scenario_has_sizing (scenario))
    return;

  keys = cost_served_model_list_kind_keys (values->kind);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;

      if (cost_scenario_get_sizing_value (scenario, id, keys[i], &value))
        cost_model_values_set (values, keys[i], value);
    }
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


/**
 * cost_sizing_resolve:
 * @workload: the traffic the accelerators serve
 * @scenario: (nullable): the scenario whose model values apply
 * @pue: the power usage effectiveness of the data centre
 * @resize: size the items a model drives again; otherwise their quantities
 *   stand as they are
 * @items: (array length=n): the driven items
 *
 * The one place where driven quantities are worked out, for the project's
 * own items (cost-project.c) and for each scenario's figures (cost-calc.c)
 * alike: each item a model drives gets the accelerators its traffic needs
 * (unless its quantity is fixed), then each power item the energy of the
 * driven accelerators that are not left out (unless its quantity is fixed).
 *
 * Returns: the energy a month of the driven accelerators, in kWh
 */
double
cost_sizing_resolve (const CostWorkloadValues *workload,
                     CostScenario             *scenario,
                     double                    pue,
                     gboolean                  resize,
                     CostDriven               *items,
                     guint                     n)
{
  g_autoptr(GArray) accelerators = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_autoptr(GArray) watts = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  double kwh;

  for (guint i = 0; i < n; i++)
    {
      CostDriven *d = &items[i];
      CostModelValues values;

      d->watts = 0;
      if (d->model == NULL)
        continue;

      if (d->values != NULL)
        values = *d->values;
      else
        cost_sizing_effective_model (d->model, scenario, &values);
      d->watts = values.power_watts;
      if (resize && !d->fixed)
        d->quantity = cost_sizing_accelerators (workload, &values);
      if (!d->excluded)
        {
          g_array_append_val (accelerators, d->quantity);
          g_array_append_val (watts, d->watts);
        }
    }

  kwh = cost_sizing_power_kwh (pue, accelerators->len, (double *) accelerators->data,
                               (double *) watts->data);

  for (guint i = 0; i < n; i++)
    {
      if (items[i].model == NULL && !items[i].fixed)
        items[i].quantity = kwh;
    }

  return kwh;
}
