/* bench-llm.c: one LLM's sizing by tokens, every concurrency searched
 *
 * Budget: under 1 ms for the sizing of one model: its memory, the search
 * of every concurrency up to the most that fit, and the 64 points of its
 * throughput-against-latency curve, as the Traffic & Models page does on
 * each edit. Three models: the worst case, where the search goes through
 * all 65,536 concurrencies the memory allows (a 7 B model in INT4 on an
 * MI300X, with short requests and no target that stops it); a 70 B model
 * on two H100, stopped by its latency target; and a model that does not
 * fit, which tries each larger tensor parallelism and narrower precision
 * to suggest one. The median of 51 runs of 20 sizings each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "bench-util.h"
#include "cost-llm.h"

#define N_RUNS  51
#define N_REPS  20     /* sizings a run: the clock counts microseconds */
#define BUDGET  1.0    /* ms */

typedef struct
{
  const char    *name;
  CostLlmInputs  inputs;
} Case;

static double
time_sizing (const CostLlmInputs *in,
             CostLlmResult       *r)
{
  double t[N_RUNS];
  CostLlmPoint curve[64];

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();

      for (int rep = 0; rep < N_REPS; rep++)
        {
          cost_llm_size (in, r);
          cost_llm_curve (in, r, curve, G_N_ELEMENTS (curve));
        }
      t[run] = (g_get_monotonic_time () - t0) / 1000.0 / N_REPS;
    }

  return bench_median (t, N_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  Case cases[3];
  gboolean ok = TRUE;

  /* Qwen2.5-7B in INT4 on an MI300X, 50 + 20 tokens, 1 s per output token */
  cost_llm_inputs_init (&cases[0].inputs);
  cases[0].name = "7 B, INT4, 1 × MI300X, every concurrency";
  cases[0].inputs.weight_precision = COST_PRECISION_INT4;
  cases[0].inputs.kv_precision = COST_PRECISION_FP8;
  cases[0].inputs.input_tokens = 50;
  cases[0].inputs.output_tokens = 20;
  cases[0].inputs.ttft_ms = 0;
  cases[0].inputs.tpot_ms = 1000;
  cases[0].inputs.gpu = (CostLlmGpu) { 192, 5.3, 1307, 2615 };

  /* Llama-3.1-70B in FP8 on two H100, 1,000 + 300 tokens, 50 ms */
  cost_llm_inputs_init (&cases[1].inputs);
  cases[1].name = "70 B, FP8, 2 × H100, stopped by 50 ms a token";
  cases[1].inputs.params_b = 70.6;
  cases[1].inputs.active_params_b = 70.6;
  cases[1].inputs.layers = 80;
  cases[1].inputs.kv_heads = 8;
  cases[1].inputs.weight_precision = COST_PRECISION_FP8;
  cases[1].inputs.kv_precision = COST_PRECISION_FP8;
  cases[1].inputs.input_tokens = 1000;
  cases[1].inputs.output_tokens = 300;
  cases[1].inputs.ttft_ms = 2000;
  cases[1].inputs.tpot_ms = 50;
  cases[1].inputs.tensor_parallel = 2;

  /* The same in BF16 on one H100: it does not fit, and the suggestions
   * size it again with 2, 4, … GPUs and in FP8 and INT4 */
  cases[2] = cases[1];
  cases[2].name = "70 B, BF16, 1 × H100, does not fit: suggestions";
  cases[2].inputs.weight_precision = COST_PRECISION_BF16;
  cases[2].inputs.kv_precision = COST_PRECISION_BF16;
  cases[2].inputs.tensor_parallel = 1;

  printf ("LLM sizing by tokens, with the 64-point curve: median of %d runs of %d\n", N_RUNS, N_REPS);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CostLlmResult r;
      double ms = time_sizing (&cases[i].inputs, &r);

      printf ("  %-48s %8.4f ms (budget %.0f ms)%s  [%u concurrencies fit, %.0f chosen]\n",
              cases[i].name, ms, BUDGET, ms < BUDGET ? "" : "  OVER BUDGET",
              r.max_concurrency, r.point.concurrency);
      ok = ok && ms < BUDGET;
    }

  printf ("%s\n", ok ? "within budget" : "OVER BUDGET");

  return ok ? 0 : 1;
}
