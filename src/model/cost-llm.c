/* cost-llm.c
 *
 * A roofline of LLM serving, as llm-analysis and LLM-Viewer compute it:
 * the weights and the KV cache set how many sequences fit in memory; a
 * decode step reads the weights and every sequence's cache once (memory
 * bound) or does 2 × P_act FLOPs per sequence (compute bound), whichever is
 * slower; a prefill does 2 × P_act FLOPs per prompt token. The replica runs
 * at the largest concurrency that fits in memory and meets the latency
 * targets.
 *
 * Time per output token and time to first token both grow with the
 * concurrency c, and the requests served a second grow with it too (the
 * decode step grows no faster than c), so the search goes up from one
 * sequence and stops at the first concurrency that misses a target or no
 * longer fits: every concurrency beyond it would miss too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-llm"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
#include "cost-llm.h"

static const struct {
  const char *id;
  const char *label;
  double      bytes;
} precisions[COST_N_PRECISIONS] = {
  [COST_PRECISION_BF16] = { "bf16", "BF16", 2.0 },
  [COST_PRECISION_FP16] = { "fp16", "FP16", 2.0 },
  [COST_PRECISION_FP8]  = { "fp8", "FP8", 1.0 },
  [COST_PRECISION_INT8] = { "int8", "INT8", 1.0 },
  [COST_PRECISION_INT4] = { "int4", "INT4", 0.5 },
};

static gboolean
precision_is_valid (CostPrecision precision)
{
  return (guint) precision < COST_N_PRECISIONS;
}

/**
 * cost_precision_bytes:
 *
 * Returns: the bytes of one element: BF16 and FP16 2, FP8 and INT8 1, INT4 ½
 */
double
cost_precision_bytes (CostPrecision precision)
{
  g_return_val_if_fail (precision_is_valid (precision), 2.0);

  return precisions[precision].bytes;
}

/**
 * cost_precision_to_string:
 *
 * Returns: its name in project files: "bf16", "fp16", "fp8", "int8", "int4"
 */
const char *
cost_precision_to_string (CostPrecision precision)
{
  g_return_val_if_fail (precision_is_valid (precision), "bf16");

  return precisions[precision].id;
}

gboolean
cost_precision_from_string (const char    *str,
                            CostPrecision *precision)
{
  for (guint i = 0; i < COST_N_PRECISIONS; i++)
    {
      if (g_strcmp0 (str, precisions[i].id) == 0)
        {
          *precision = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_precision_get_label:
 *
 * Returns: the name people write: "BF16", "FP8", "INT4"
 */
const char *
cost_precision_get_label (CostPrecision precision)
{
  g_return_val_if_fail (precision_is_valid (precision), "BF16");

  return precisions[precision].label;
}

/**
 * cost_llm_inputs_init:
 *
 * The defaults: Qwen2.5-7B in BF16 on one H100 SXM, a 500-token prompt and
 * a 100-token answer, 1 s to the first token and 50 ms per output token,
 * and the efficiencies calibrated against MLPerf (cost-model.md).
 */
void
cost_llm_inputs_init (CostLlmInputs *inputs)
{
  memset (inputs, 0, sizeof *inputs);
  inputs->params_b = 7.62;
  inputs->active_params_b = 7.62;
  inputs->layers = 28;
  inputs->kv_heads = 4;
  inputs->head_dim = 128;
  inputs->kv_elements = 0;
  inputs->weight_precision = COST_PRECISION_BF16;
  inputs->kv_precision = COST_PRECISION_BF16;
  inputs->input_tokens = 500;
  inputs->output_tokens = 100;
  inputs->ttft_ms = 1000;
  inputs->tpot_ms = 50;
  inputs->tensor_parallel = 1;
  inputs->gpu = (CostLlmGpu) { 80, 3.35, 989, 1979 };
  inputs->memory_efficiency = COST_LLM_MEMORY_EFFICIENCY;
  inputs->compute_efficiency = COST_LLM_COMPUTE_EFFICIENCY;
  inputs->memory_overhead = COST_LLM_MEMORY_OVERHEAD;
}

static double
tensor_parallel (const CostLlmInputs *in)
{
  return MAX (1.0, floor (in->tensor_parallel));
}

/* Everything that does not depend on the concurrency. */
static void
prepare (const CostLlmInputs *in,
         CostLlmResult       *out)
{
  double tp = tensor_parallel (in);
  double weights, usable;

  memset (out, 0, sizeof *out);

  out->weight_bytes = cost_precision_bytes (in->weight_precision);
  out->kv_bytes = cost_precision_bytes (in->kv_precision);

  /* 8-bit weights compute in 8 bits where the GPU can; INT4 weights are
   * widened to 16 bits for the matrix products (weight-only quantisation). */
  out->flops_8bit = (in->weight_precision == COST_PRECISION_FP8 ||
                     in->weight_precision == COST_PRECISION_INT8) && in->gpu.int8_tops > 0;
  out->flops = (out->flops_8bit ? in->gpu.int8_tops : in->gpu.bf16_tflops) * 1e12;

  out->kv_elements = in->kv_elements > 0 ? in->kv_elements : 2.0 * in->kv_heads * in->head_dim;

  /* Tensor parallelism splits the KV heads among the GPUs; each GPU holds
   * at least one head, so with more GPUs than heads the heads are copied.
   * A latent cache (no heads) is held whole by every GPU. */
  if (in->kv_heads > 0)
    out->kv_replication = tp * ceil (in->kv_heads / tp) / in->kv_heads;
  else
    out->kv_replication = tp;

  out->kv_per_token = in->layers * out->kv_elements * out->kv_bytes * out->kv_replication;
  out->kv_per_sequence = out->kv_per_token * (in->input_tokens + in->output_tokens);

  out->memory = in->gpu.memory_gb * 1e9;
  weights = in->params_b * 1e9 * out->weight_bytes;
  out->weights_per_gpu = weights / tp;
  out->overhead_per_gpu = out->memory * in->memory_overhead;

  usable = tp * (out->memory - out->overhead_per_gpu) - weights;
  if (usable > 0 && out->kv_per_sequence > 0)
    out->max_concurrency = (guint) MIN (floor (usable / out->kv_per_sequence),
                                        (double) COST_LLM_MAX_CONCURRENCY);
}

/* A relative gain in throughput below this is no gain. */
#define GAIN 1e-9

static gboolean
has_gpu (const CostLlmInputs *in)
{
  return in->gpu.memory_gb > 0 && in->gpu.bandwidth_tbs > 0 && in->gpu.bf16_tflops > 0;
}

/* The replica at concurrency @c, where (1 − P_act/P)^c is @unused: the
 * share of the expert weights no sequence of the batch routes to. */
static void
evaluate (const CostLlmInputs *in,
          const CostLlmResult *r,
          double               c,
          double               unused,
          CostLlmPoint        *p)
{
  double tp = tensor_parallel (in);
  double bandwidth = tp * in->gpu.bandwidth_tbs * 1e12 * in->memory_efficiency;
  double compute = tp * r->flops * in->compute_efficiency;
  double active = in->active_params_b * 1e9;
  double per_request;

  p->concurrency = c;

  /* A batch reads the active weights of one token, and more of the experts
   * the more tokens it holds: all of P once every expert is routed to. */
  p->weights_read = in->params_b * 1e9 * r->weight_bytes * (1.0 - unused);
  p->decode_memory = (p->weights_read + c * r->kv_per_token * (in->input_tokens + in->output_tokens / 2.0)) /
                     bandwidth;
  p->decode_compute = 2.0 * active * c / compute;
  p->decode_step = MAX (p->decode_memory, p->decode_compute);
  p->prefill = 2.0 * active * in->input_tokens / compute;

  per_request = p->prefill + in->output_tokens * p->decode_step / c;
  p->requests_per_s = 1.0 / per_request;
  p->prefill_share = p->requests_per_s * p->prefill;
  p->output_tokens_per_s = p->requests_per_s * in->output_tokens;
  p->input_tokens_per_s = p->requests_per_s * in->input_tokens;

  /* Prefills pause the decoding a share ρ of the time; a new request waits
   * for the step under way (half of one on average) and for the prefills
   * queued ahead of it (M/D/1). */
  p->tpot = p->decode_step / (1.0 - p->prefill_share);
  p->ttft = p->prefill + p->decode_step / 2.0 +
            p->prefill_share * p->prefill / (2.0 * (1.0 - p->prefill_share));

  p->meets_ttft = in->ttft_ms <= 0 || p->ttft * 1000.0 <= in->ttft_ms * (1 + 1e-9);
  p->meets_tpot = in->tpot_ms <= 0 || p->tpot * 1000.0 <= in->tpot_ms * (1 + 1e-9);
}

static double
unused_share (const CostLlmInputs *in,
              double               c)
{
  double f = in->params_b > 0 ? MIN (in->active_params_b / in->params_b, 1.0) : 1.0;

  return pow (1.0 - f, c);
}

/* Sizes without looking for what would work instead. */
static void
size_once (const CostLlmInputs *in,
           CostLlmResult       *out)
{
  double f, unused = 1.0;
  gboolean found = FALSE;

  prepare (in, out);

  if (!has_gpu (in) || in->params_b <= 0 || in->active_params_b <= 0 || in->output_tokens <= 0)
    {
      out->status = COST_LLM_NO_GPU;
      out->free_per_gpu = out->memory - out->weights_per_gpu - out->overhead_per_gpu;
      return;
    }

  if (out->max_concurrency < 1)
    {
      out->status = COST_LLM_DOES_NOT_FIT;
      out->free_per_gpu = out->memory - out->weights_per_gpu - out->overhead_per_gpu;
      return;
    }

  /* Up from one sequence, while the targets hold. Once the steps are
   * compute bound, more sequences serve no more requests, only slower:
   * the smallest concurrency with the most requests a second wins. */
  f = MIN (in->active_params_b / in->params_b, 1.0);
  for (guint c = 1; c <= out->max_concurrency; c++)
    {
      CostLlmPoint p;

      unused *= 1.0 - f;
      evaluate (in, out, c, unused, &p);
      if (!p.meets_ttft || !p.meets_tpot)
        {
          if (!found)
            out->point = p;
          break;
        }
      if (!found || p.requests_per_s > out->point.requests_per_s * (1 + GAIN))
        out->point = p;
      found = TRUE;
    }

  out->status = found ? COST_LLM_OK : COST_LLM_TARGET_UNMET;
  out->kv_per_gpu = out->point.concurrency * out->kv_per_sequence / tensor_parallel (in);
  out->free_per_gpu = out->memory - out->weights_per_gpu - out->overhead_per_gpu - out->kv_per_gpu;
}

static void
suggest (const CostLlmInputs *in,
         CostLlmResult       *out)
{
  CostPrecision weights[] = { COST_PRECISION_FP8, COST_PRECISION_INT4 };
  double tp = tensor_parallel (in);
  CostLlmInputs other;
  CostLlmResult r;

  /* The smallest tensor parallelism, a power of two, that works */
  for (guint next = 2; next <= 64; next *= 2)
    {
      if (next <= tp)
        continue;
      other = *in;
      other.tensor_parallel = next;
      size_once (&other, &r);
      if (r.status == COST_LLM_OK)
        {
          out->suggested_tp = next;
          break;
        }
    }

  /* The widest precision with fewer bytes that works: narrower weights,
   * then an 8-bit KV cache too */
  for (guint i = 0; i < G_N_ELEMENTS (weights) && !out->has_suggested_precision; i++)
    {
      for (guint k = 0; k < 2; k++)
        {
          CostPrecision kv = in->kv_precision;

          if (k == 1)
            {
              if (cost_precision_bytes (kv) <= 1.0)
                continue;
              kv = COST_PRECISION_FP8;
            }
          if (cost_precision_bytes (weights[i]) >= cost_precision_bytes (in->weight_precision))
            continue;

          other = *in;
          other.weight_precision = weights[i];
          other.kv_precision = kv;
          size_once (&other, &r);
          if (r.status == COST_LLM_OK)
            {
              out->has_suggested_precision = TRUE;
              out->suggested_weight_precision = weights[i];
              out->suggested_kv_precision = kv;
              break;
            }
        }
    }
}

/**
 * cost_llm_size:
 *
 * Sizes one replica: the memory of each GPU, the most sequences that fit,
 * and the largest concurrency that meets the targets, with its latencies
 * and throughput. When the model does not fit or a target cannot be met,
 * @result says so, and what would work: more GPUs per replica, or a
 * narrower precision. With a target unmet the replica is sized at one
 * sequence at a time, the best latency it has.
 */
void
cost_llm_size (const CostLlmInputs *inputs,
               CostLlmResult       *result)
{
  g_return_if_fail (inputs != NULL && result != NULL);

  size_once (inputs, result);
  if (result->status == COST_LLM_DOES_NOT_FIT || result->status == COST_LLM_TARGET_UNMET)
    suggest (inputs, result);
}

/**
 * cost_llm_evaluate:
 * @result: from cost_llm_size() on the same @inputs
 *
 * The replica at any concurrency, in memory or not.
 */
void
cost_llm_evaluate (const CostLlmInputs *inputs,
                   const CostLlmResult *result,
                   double               concurrency,
                   CostLlmPoint        *point)
{
  g_return_if_fail (inputs != NULL && result != NULL && point != NULL);
  g_return_if_fail (concurrency >= 1);

  memset (point, 0, sizeof *point);
  if (result->status == COST_LLM_NO_GPU)
    return;

  evaluate (inputs, result, concurrency, unused_share (inputs, concurrency), point);
}

/**
 * cost_llm_curve:
 * @points: (out caller-allocates) (array length=n_points):
 *
 * Throughput against latency as the concurrency grows, for a chart: up to
 * @n_points concurrencies from 1 to the most that fit, spaced evenly on a
 * logarithmic scale, the chosen one among them.
 *
 * Returns: the points written, by increasing concurrency
 */
guint
cost_llm_curve (const CostLlmInputs *inputs,
                const CostLlmResult *result,
                CostLlmPoint        *points,
                guint                n_points)
{
  double top, chosen;
  guint n = 0;

  g_return_val_if_fail (inputs != NULL && result != NULL, 0);

  if (result->status == COST_LLM_NO_GPU || result->status == COST_LLM_DOES_NOT_FIT || n_points < 3)
    return 0;

  top = result->max_concurrency;
  chosen = result->point.concurrency;
  for (guint i = 0; i < n_points - 1; i++)
    {
      double c = round (pow (top, (double) i / (n_points - 2)));

      if (n > 0 && c <= points[n - 1].concurrency)
        continue;
      /* The chosen concurrency in its place */
      if (chosen > (n > 0 ? points[n - 1].concurrency : 0) && chosen < c)
        cost_llm_evaluate (inputs, result, chosen, &points[n++]);
      cost_llm_evaluate (inputs, result, c, &points[n++]);
      if (n == n_points)
        break;
    }

  return n;
}

/**
 * cost_llm_instances:
 *
 * Returns: the replicas that serve @peak_requests_per_s at @utilisation of
 *   their throughput: ⌈peak ÷ (r × utilisation)⌉; 0 without traffic or when
 *   the model cannot be served
 */
double
cost_llm_instances (const CostLlmResult *result,
                    double               peak_requests_per_s,
                    double               utilisation)
{
  double capacity;

  g_return_val_if_fail (result != NULL, 0);

  if (result->status != COST_LLM_OK && result->status != COST_LLM_TARGET_UNMET)
    return 0;

  capacity = result->point.requests_per_s * utilisation;
  if (!(peak_requests_per_s > 0) || !(capacity > 0) || !isfinite (peak_requests_per_s))
    return 0;

  return MIN (ceil (peak_requests_per_s / capacity - 1e-9), 1e12);
}

/**
 * cost_llm_token_prices:
 * @gpu_hour_price: what one GPU costs an hour
 *
 * What a million tokens cost at the chosen concurrency and @utilisation,
 * each kind of token paying for the GPU time it takes: a prompt token its
 * share of the prefill, an answer token a decode step shared by the
 * batch. NAN when the model cannot be served.
 */
void
cost_llm_token_prices (const CostLlmInputs *inputs,
                       const CostLlmResult *result,
                       double               gpu_hour_price,
                       double               utilisation,
                       double              *per_million_input,
                       double              *per_million_output)
{
  const CostLlmPoint *p = &result->point;
  double per_gpu_second, tp;

  *per_million_input = NAN;
  *per_million_output = NAN;

  if ((result->status != COST_LLM_OK && result->status != COST_LLM_TARGET_UNMET) ||
      !(utilisation > 0) || !(gpu_hour_price >= 0))
    return;

  tp = tensor_parallel (inputs);
  per_gpu_second = gpu_hour_price / 3600.0 / utilisation;
  if (inputs->input_tokens > 0)
    *per_million_input = per_gpu_second * tp * p->prefill / inputs->input_tokens * 1e6;
  *per_million_output = per_gpu_second * tp * p->decode_step / p->concurrency * 1e6;
}

/* 163.8 kB, 213 MB, 70.6 GB */
static char *
format_bytes (double bytes)
{
  static const char * const units[] = { "B", "kB", "MB", "GB", "TB" };
  g_autofree char *number = NULL;
  guint u = 0;

  while (fabs (bytes) >= 1000.0 && u + 1 < G_N_ELEMENTS (units))
    {
      bytes /= 1000.0;
      u++;
    }
  number = cost_format_number (bytes, fabs (bytes) < 10 ? 2 : 1);

  return g_strdup_printf ("%s %s", number, units[u]);
}

static char *
format_ms (double seconds)
{
  g_autofree char *number = cost_format_number (seconds * 1000.0, seconds < 0.01 ? 2 : 1);

  /* Translators: milliseconds */
  return g_strdup_printf (_("%s ms"), number);
}

/* "2 bytes", "1 byte", "0.5 bytes" */
static char *
format_element_bytes (double bytes)
{
  g_autofree char *number = cost_format_number (bytes, 1);

  /* Translators: the bytes of one number: "2 bytes", "1 byte" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s byte", "%s bytes", bytes == 1 ? 1 : 2), number);
}

static char *
format_percent (double fraction)
{
  return cost_format_percent (fraction);
}

/**
 * cost_llm_explain:
 *
 * Returns: (transfer full): how the replica is sized, one step a line, the
 *   formula with the values filled in
 */
char *
cost_llm_explain (const CostLlmInputs *in,
                  const CostLlmResult *r)
{
  GString *out = g_string_new (NULL);
  double tp = tensor_parallel (in);
  const CostLlmPoint *p = &r->point;
  g_autofree char *params = cost_format_number (in->params_b, 2);
  g_autofree char *active = cost_format_number (in->active_params_b, 2);
  g_autofree char *wbytes = format_element_bytes (r->weight_bytes);
  g_autofree char *weights = format_bytes (in->params_b * 1e9 * r->weight_bytes);
  g_autofree char *weights_gpu = format_bytes (r->weights_per_gpu);
  g_autofree char *tp_text = cost_format_number (tp, 0);
  g_autofree char *layers = cost_format_number (in->layers, 0);
  g_autofree char *elements = cost_format_number (r->kv_elements, 0);
  g_autofree char *kvbytes = format_element_bytes (r->kv_bytes);
  g_autofree char *kv_token = format_bytes (r->kv_per_token);
  g_autofree char *kv_sequence = format_bytes (r->kv_per_sequence);
  g_autofree char *n_in = cost_format_number (in->input_tokens, 0);
  g_autofree char *n_out = cost_format_number (in->output_tokens, 0);
  g_autofree char *memory = format_bytes (r->memory);
  g_autofree char *overhead = format_percent (in->memory_overhead);
  g_autofree char *c_mem = cost_format_number (r->max_concurrency, 0);

  /* Translators: "Weights: 70.6 B parameters × 1 byte (FP8) = 70.6 GB" */
  g_string_append_printf (out, _("Weights: %s B parameters × %s (%s) = %s"),
                          params, wbytes, cost_precision_get_label (in->weight_precision), weights);
  if (tp > 1)
    /* Translators: appended to the weights: ", 35.3 GB on each of 2 GPUs" */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %s on each of %s GPU", ", %s on each of %s GPUs",
                                              (gulong) MIN (tp, 1000000)),
                            weights_gpu, tp_text);
  g_string_append_c (out, '\n');

  if (in->kv_elements > 0)
    {
      /* Translators: the KV cache of latent attention: "KV cache per token: 61 layers × 576 elements × 1 byte (FP8) = 35.1 kB" */
      g_string_append_printf (out, _("KV cache per token: %s layers × %s elements × %s (%s) = %s"),
                              layers, elements, kvbytes, cost_precision_get_label (in->kv_precision),
                              kv_token);
    }
  else
    {
      g_autofree char *heads = cost_format_number (in->kv_heads, 0);
      g_autofree char *dim = cost_format_number (in->head_dim, 0);

      /* Translators: "KV cache per token: 2 × 80 layers × 8 KV heads × 128 × 1 byte (FP8) = 163.84 kB" */
      g_string_append_printf (out, _("KV cache per token: 2 × %s layers × %s KV heads × %s × %s (%s) = %s"),
                              layers, heads, dim, kvbytes, cost_precision_get_label (in->kv_precision),
                              kv_token);
    }
  if (r->kv_replication > 1)
    {
      g_autofree char *copies = cost_format_number (r->kv_replication, 2);

      /* Translators: appended to the KV cache line when tensor parallelism copies it */
      g_string_append_printf (out, _(", held %s times across the GPUs"), copies);
    }
  g_string_append_c (out, '\n');

  /* Translators: "Per request: 163.84 kB × (1,000 + 300 tokens) = 213 MB" */
  g_string_append_printf (out, _("Per request: %s × (%s + %s tokens) = %s"), kv_token, n_in, n_out, kv_sequence);
  g_string_append_c (out, '\n');

  /* Translators: "Requests that fit: ⌊(2 × 80 GB × (1 − 10%) − 70.6 GB) ÷ 213 MB⌋ = 344" */
  g_string_append_printf (out, _("Requests that fit: ⌊(%s × %s × (1 − %s) − %s) ÷ %s⌋ = %s"),
                          tp_text, memory, overhead, weights, kv_sequence, c_mem);

  if (r->status == COST_LLM_OK || r->status == COST_LLM_TARGET_UNMET)
    {
      g_autofree char *c = cost_format_number (p->concurrency, 0);
      g_autofree char *read = format_bytes (p->weights_read);
      g_autofree char *bw = cost_format_number (in->gpu.bandwidth_tbs, 3);
      g_autofree char *eta_mem = format_percent (in->memory_efficiency);
      g_autofree char *flops = cost_format_number (r->flops / 1e12, 0);
      g_autofree char *eta_flop = format_percent (in->compute_efficiency);
      g_autofree char *t_mem = format_ms (p->decode_memory);
      g_autofree char *t_cmp = format_ms (p->decode_compute);
      g_autofree char *t_dec = format_ms (p->decode_step);
      g_autofree char *t_pre = format_ms (p->prefill);
      g_autofree char *rate = cost_format_number (p->requests_per_s, 2);
      g_autofree char *tpot = format_ms (p->tpot);
      g_autofree char *ttft = format_ms (p->ttft);
      g_autofree char *share = format_percent (p->prefill_share);
      g_autofree char *tokens = cost_format_number (p->output_tokens_per_s / tp, 0);
      g_autofree char *half = cost_format_number (in->output_tokens / 2.0, 1);

      g_string_append_c (out, '\n');
      /* Translators: the memory-bound decode step: "Decode step at 120 requests, memory: (70.6 GB + 120 × 163.84 kB × (1,000 + 150)) ÷ (2 × 3.35 TB/s × 70%) = 22.5 ms" */
      g_string_append_printf (out, _("Decode step at %s requests, memory: (%s + %s × %s × (%s + %s)) ÷ (%s × %s TB/s × %s) = %s"),
                              c, read, c, kv_token, n_in, half, tp_text, bw, eta_mem, t_mem);
      g_string_append_c (out, '\n');
      /* Translators: the compute-bound decode step: "compute: 2 × 70.6 B × 120 ÷ (2 × 1,979 TFLOPS × 50%) = 8.6 ms; the step takes the longer, 22.5 ms" */
      g_string_append_printf (out, _("compute: 2 × %s B × %s ÷ (%s × %s TFLOPS × %s) = %s; the step takes the longer, %s"),
                              active, c, tp_text, flops, eta_flop, t_cmp, t_dec);
      g_string_append_c (out, '\n');
      /* Translators: "Prefill per request: 2 × 70.6 B × 1,000 tokens ÷ (2 × 1,979 TFLOPS × 50%) = 71.3 ms" */
      g_string_append_printf (out, _("Prefill per request: 2 × %s B × %s tokens ÷ (%s × %s TFLOPS × %s) = %s"),
                              active, n_in, tp_text, flops, eta_flop, t_pre);
      g_string_append_c (out, '\n');
      /* Translators: "Requests a second per replica: 1 ÷ (71.3 ms + 300 × 22.5 ms ÷ 120) = 7.87, 1,181 tokens/s per GPU" */
      g_string_append_printf (out, _("Requests a second per replica: 1 ÷ (%s + %s × %s ÷ %s) = %s, %s output tokens/s per GPU"),
                              t_pre, n_out, t_dec, c, rate, tokens);
      g_string_append_c (out, '\n');
      /* Translators: "Time per output token: 22.5 ms ÷ (1 − 56.1%) = 51.3 ms; time to first token ≈ 200 ms" */
      g_string_append_printf (out, _("Time per output token: %s ÷ (1 − %s prefill) = %s; time to first token ≈ %s"),
                              t_dec, share, tpot, ttft);
    }

  return g_string_free (out, FALSE);
}

/**
 * cost_llm_describe_status:
 *
 * Returns: (transfer full) (nullable): in plain words, why the model cannot
 *   be served as asked and what would work; %NULL when it can
 */
char *
cost_llm_describe_status (const CostLlmInputs *in,
                          const CostLlmResult *r)
{
  GString *out;
  g_autofree char *tp_text = cost_format_number (tensor_parallel (in), 0);

  switch (r->status)
    {
    case COST_LLM_OK:
      return NULL;

    case COST_LLM_NO_GPU:
      return g_strdup (_("The GPU’s memory, bandwidth and FLOPS are needed: choose an accelerator of the catalogue or enter its figures."));

    case COST_LLM_DOES_NOT_FIT:
      {
        g_autofree char *weights = format_bytes (r->weights_per_gpu);
        g_autofree char *memory = format_bytes (r->memory);
        g_autofree char *sequence = format_bytes (r->kv_per_sequence / tensor_parallel (in));

        out = g_string_new (NULL);
        /* Translators: "The model does not fit: on each of 1 GPUs of 80 GB, the weights take 141.2 GB and one request 0.4 GB." */
        g_string_append_printf (out, _("The model does not fit: on each of %s GPUs of %s, the weights take %s and one request %s."),
                                tp_text, memory, weights, sequence);
      }
      break;

    case COST_LLM_TARGET_UNMET:
      {
        const CostLlmPoint *p = &r->point;

        out = g_string_new (NULL);
        if (!p->meets_tpot)
          {
            g_autofree char *tpot = format_ms (p->tpot);
            g_autofree char *target = format_ms (in->tpot_ms / 1000.0);

            /* Translators: "The time per output token target cannot be met: even one request at a time takes 60.3 ms, against 50 ms." */
            g_string_append_printf (out, _("The time per output token target cannot be met: even one request at a time takes %s, against %s."),
                                    tpot, target);
          }
        if (!p->meets_ttft)
          {
            g_autofree char *ttft = format_ms (p->ttft);
            g_autofree char *target = format_ms (in->ttft_ms / 1000.0);

            if (out->len > 0)
              g_string_append_c (out, ' ');
            /* Translators: "The time to first token target cannot be met: even one request at a time takes 1,520 ms, against 1,000 ms." */
            g_string_append_printf (out, _("The time to first token target cannot be met: even one request at a time takes %s, against %s."),
                                    ttft, target);
          }
        g_string_append_c (out, ' ');
        g_string_append (out, _("The GPUs are sized for one request at a time."));
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (r->suggested_tp > 0)
    {
      g_autofree char *suggested = cost_format_number (r->suggested_tp, 0);

      g_string_append_c (out, ' ');
      /* Translators: "It works with 2 GPUs per replica." */
      g_string_append_printf (out, _("It works with %s GPUs per replica."), suggested);
    }
  if (r->has_suggested_precision)
    {
      g_string_append_c (out, ' ');
      if (r->suggested_kv_precision != in->kv_precision)
        /* Translators: "It works with FP8 weights and an FP8 KV cache." */
        g_string_append_printf (out, _("It works with %s weights and a %s KV cache."),
                                cost_precision_get_label (r->suggested_weight_precision),
                                cost_precision_get_label (r->suggested_kv_precision));
      else
        /* Translators: "It works with INT4 weights." */
        g_string_append_printf (out, _("It works with %s weights."),
                                cost_precision_get_label (r->suggested_weight_precision));
    }
  if (r->suggested_tp == 0 && !r->has_suggested_precision)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Neither more GPUs per replica (up to 64) nor a narrower precision makes it work."));
    }

  return g_string_free (out, FALSE);
}
