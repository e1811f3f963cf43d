/* cost-unit-economics.c
 *
 * What the plan costs per request, per daily active user, per million
 * tokens, per order and as a share of the GMV, from a scenario's figures and its traffic (cost-model.md, "Unit
 * economics").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-unit-economics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"

/**
 * cost_unit_economics:
 *
 * What the plan costs per request, per user, per token and per order, and
 * as a share of the GMV, under the scenario of @result.
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
  economics->cost_per_order = NAN;
  economics->gmv_share = NAN;

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
      economics->monthly_tokens += economics->monthly_requests * cost_model_values_tokens_per_request (&values);
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
  if (workload.orders_per_month > 0)
    economics->cost_per_order = result->run_rate / workload.orders_per_month;
  if (workload.gmv_per_month > 0)
    economics->gmv_share = result->run_rate / workload.gmv_per_month;
}

/* What one accelerator of the first item @model drives costs an hour,
 * under the scenario of @result: its monthly cost per unit ÷ 730 h. */
static double
gpu_hour_price (const CostResult *result,
                CostServedModel  *model)
{
  const char *id = cost_served_model_get_id (model);

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];
      CostItemParams one;

      if (f->excluded || g_strcmp0 (cost_item_get_driver (f->item), id) != 0)
        continue;

      one = f->params;
      one.quantity = 1;
      one.start_month = 0;
      one.end_month = -1;
      return cost_calc_item_run_rate (&one, result->horizon) / COST_HOURS_PER_MONTH;
    }

  return NAN;
}

/**
 * cost_model_economics:
 *
 * What @model takes under the scenario of @result: its accelerators for
 * the peak, and for an LLM sized by tokens its operating point and its
 * cost per million input and output tokens (cost-model.md, "LLM serving
 * sized by tokens").
 */
void
cost_model_economics (CostProject        *project,
                      const CostResult   *result,
                      CostServedModel    *model,
                      CostModelEconomics *economics)
{
  CostWorkloadValues workload;

  g_return_if_fail (COST_IS_PROJECT (project));
  g_return_if_fail (result != NULL && economics != NULL);
  g_return_if_fail (COST_IS_SERVED_MODEL (model));

  memset (economics, 0, sizeof *economics);
  economics->concurrency = NAN;
  economics->ttft_ms = NAN;
  economics->tpot_ms = NAN;
  economics->tokens_per_s_per_gpu = NAN;
  economics->cost_per_million_input_tokens = NAN;
  economics->cost_per_million_output_tokens = NAN;

  cost_sizing_effective_workload (project, result->scenario, &workload);
  cost_sizing_effective_model (model, result->scenario, &economics->values);
  economics->gpu_hour_price = gpu_hour_price (result, model);

  if (economics->values.kind != COST_MODEL_LLM_TOKENS)
    {
      economics->instances = cost_sizing_instances (&workload, &economics->values);
      economics->accelerators = cost_sizing_accelerators (&workload, &economics->values);
      if (economics->values.kind == COST_MODEL_LLM)
        economics->tokens_per_s_per_gpu = economics->values.throughput;
      return;
    }

  cost_sizing_llm (&workload, &economics->values, &economics->llm);
  economics->instances = economics->llm.instances;
  economics->accelerators = economics->llm.accelerators;
  if (economics->llm.llm.status != COST_LLM_OK && economics->llm.llm.status != COST_LLM_TARGET_UNMET)
    return;

  economics->concurrency = economics->llm.llm.point.concurrency;
  economics->ttft_ms = economics->llm.llm.point.ttft * 1000.0;
  economics->tpot_ms = economics->llm.llm.point.tpot * 1000.0;
  economics->tokens_per_s_per_gpu = economics->llm.llm.point.output_tokens_per_s /
                                    MAX (floor (economics->values.llm.tensor_parallel), 1);
  if (isfinite (economics->gpu_hour_price))
    cost_llm_token_prices (&economics->values.llm, &economics->llm.llm, economics->gpu_hour_price,
                           economics->values.utilisation, &economics->cost_per_million_input_tokens,
                           &economics->cost_per_million_output_tokens);
}

/**
 * cost_model_economics_describe:
 *
 * Returns: (transfer full) (nullable): the operating point of an LLM sized
 *   by tokens and what its tokens cost, in one sentence; %NULL for other
 *   models and when it cannot be served
 */
char *
cost_model_economics_describe (const CostModelEconomics *economics,
                               const char               *currency)
{
  g_autofree char *concurrency = NULL;
  g_autofree char *ttft = NULL;
  g_autofree char *tpot = NULL;
  g_autofree char *tokens = NULL;
  GString *out;

  g_return_val_if_fail (economics != NULL, NULL);

  if (economics->values.kind != COST_MODEL_LLM_TOKENS || !isfinite (economics->concurrency))
    return NULL;

  concurrency = cost_format_number (economics->concurrency, 0);
  ttft = cost_format_number (economics->ttft_ms, 1);
  tpot = cost_format_number (economics->tpot_ms, 1);
  tokens = cost_format_number (economics->tokens_per_s_per_gpu, 0);

  out = g_string_new (NULL);
  /* Translators: "At 202 requests at a time: 23.6 ms to the first token, 30 ms per output token, 6,741 output tokens/s per GPU" */
  g_string_append_printf (out, _("At %s requests at a time: %s ms to the first token, %s ms per output token, %s output tokens/s per GPU"),
                          concurrency, ttft, tpot, tokens);
  if (isfinite (economics->cost_per_million_input_tokens) && isfinite (economics->cost_per_million_output_tokens))
    {
      g_autofree char *input = cost_format_money_small (economics->cost_per_million_input_tokens, currency);
      g_autofree char *output = cost_format_money_small (economics->cost_per_million_output_tokens, currency);
      g_autofree char *price = cost_format_money_small (economics->gpu_hour_price, currency);

      /* Translators: appended: "; a million tokens cost ¥0.69 in and ¥0.81 out, at ¥87.26 per GPU-hour" */
      g_string_append_printf (out, _("; a million tokens cost %s in and %s out, at %s per GPU-hour"),
                              input, output, price);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_type (GPtrArray  *types,
          const char *type)
{
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (g_ptr_array_index (types, i), type) == 0)
      return TRUE;

  return FALSE;
}

/**
 * cost_peak_accelerators_explain:
 *
 * Sums the accelerators each served model needs at the peak, with the
 * numbers cost_model_economics() gives, one line per accelerator type:
 * "GPUs for the peak: 40 + 104 = 144 H100".
 *
 * Returns: (transfer full) (nullable): the lines; %NULL when the project
 *   describes no workload or serves no model
 */
char *
cost_peak_accelerators_explain (CostProject      *project,
                                const CostResult *result)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  CostWorkloadValues workload;
  guint n;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  n = cost_project_get_n_models (project);
  if (n == 0 || !cost_sizing_effective_workload (project, result->scenario, &workload))
    return NULL;

  /* The accelerator types, in the order the models first use them. */
  for (guint i = 0; i < n; i++)
    {
      const char *type = cost_served_model_get_accelerator (cost_project_get_model (project, i));

      if (!has_type (types, type))
        g_ptr_array_add (types, (gpointer) type);
    }

  for (guint t = 0; t < types->len; t++)
    {
      const char *type = g_ptr_array_index (types, t);
      g_autoptr(GString) terms = g_string_new (NULL);
      g_autofree char *total = NULL;
      double sum = 0;
      guint count = 0;

      for (guint i = 0; i < n; i++)
        {
          CostServedModel *model = cost_project_get_model (project, i);
          CostModelEconomics economics;
          g_autofree char *term = NULL;

          if (g_strcmp0 (cost_served_model_get_accelerator (model), type) != 0)
            continue;
          cost_model_economics (project, result, model, &economics);
          term = cost_format_number (economics.accelerators, 0);
          if (count++ > 0)
            g_string_append (terms, " + ");
          g_string_append (terms, term);
          sum += economics.accelerators;
        }

      total = cost_format_number (sum, 0);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (count == 1)
        /* Translators: the accelerators a single model needs at the peak: "GPUs for the peak: 144 H100" */
        g_string_append_printf (out, _("GPUs for the peak: %s %s"), total,
                                type != NULL ? type : _("accelerators"));
      else
        /* Translators: the accelerators the models need at the peak, summed: "GPUs for the peak: 40 + 104 = 144 H100" */
        g_string_append_printf (out, _("GPUs for the peak: %s = %s %s"), terms->str, total,
                                type != NULL ? type : _("accelerators"));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cost_catalogue_check_model:
 *
 * Compares the throughput entered for @model, and what a GPU-hour of the
 * item it drives costs under the scenario of @result, with the default
 * catalogue's figures for its accelerator, by cost_catalogue_is_far().
 */
void
cost_catalogue_check_model (CostProject        *project,
                            const CostResult   *result,
                            CostServedModel    *model,
                            CostCatalogueCheck *check)
{
  const char *name;
  const CostAccelerator *accelerator = NULL;
  CostModelValues values;

  g_return_if_fail (COST_IS_PROJECT (project));
  g_return_if_fail (result != NULL && check != NULL);
  g_return_if_fail (COST_IS_SERVED_MODEL (model));

  memset (check, 0, sizeof *check);
  check->price_reference = NAN;
  check->price_entered = NAN;

  name = cost_served_model_get_accelerator (model);
  if (name != NULL)
    accelerator = cost_catalogue_find (cost_catalogue_get_default (), name);
  if (accelerator == NULL)
    return;

  cost_sizing_effective_model (model, result->scenario, &values);
  /* An LLM sized by tokens works its throughput out: nothing was entered. */
  if (values.kind != COST_MODEL_LLM_TOKENS)
    {
      check->throughput = cost_accelerator_get_throughput (accelerator, values.kind);
      if (check->throughput != NULL)
        check->throughput_far = cost_catalogue_is_far (values.throughput, check->throughput->value);
    }

  check->price = cost_accelerator_get_price (accelerator);
  check->price_entered = gpu_hour_price (result, model);
  if (check->price != NULL &&
      !cost_price_convert (project, check->price->per_gpu_hour, check->price->currency,
                           &check->price_reference, NULL))
    check->price_reference = NAN;
  check->price_far = cost_catalogue_is_far (check->price_entered, check->price_reference);
}
