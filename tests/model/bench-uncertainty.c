/* bench-uncertainty.c: Monte Carlo runs of a small and a large plan
 *
 * Budgets: 10,000 samples of 12 ranged inputs with their sum as the one
 * output under 100 ms; 10,000 samples of 100 ranged inputs feeding 1,000
 * outputs (999 items and their total) under 2 s. Each is timed on 1 and
 * 2 threads, the median of a few runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "cost-sampler.h"

#define N_RUNS    5
#define N_SAMPLES 10000

typedef struct
{
  guint n_inputs;
  guint n_outputs;
} Model;

/* The small plan: the total of its inputs. */
static void
sum_func (const double *inputs,
          double       *outputs,
          gpointer      data)
{
  const Model *model = data;
  double sum = 0;

  for (guint k = 0; k < model->n_inputs; k++)
    sum += inputs[k];
  outputs[0] = sum;
}

/* The large plan: item j costs a quantity times the price of input
 * j mod n_inputs; the last output is the total of the items. */
static void
items_func (const double *inputs,
            double       *outputs,
            gpointer      data)
{
  const Model *model = data;
  double total = 0;

  for (guint j = 0; j + 1 < model->n_outputs; j++)
    {
      outputs[j] = (1 + j % 7) * inputs[j % model->n_inputs];
      total += outputs[j];
    }
  outputs[model->n_outputs - 1] = total;
}

static CostSampler *
make_sampler (guint n_inputs)
{
  CostSampler *sampler = cost_sampler_new (N_SAMPLES, 42);
  GQuark gpu = g_quark_from_static_string ("gpu");

  for (guint k = 0; k < n_inputs; k++)
    {
      double base = 100 + 10 * k;
      CostRange range = { 0, };

      switch (k % 4)
        {
        case 0:
          range = (CostRange) { COST_RANGE_PERT, 0.8 * base, base, 1.5 * base, 0 };
          break;
        case 1:
          range = (CostRange) { COST_RANGE_TRIANGULAR, 0.9 * base, base, 1.3 * base, 0 };
          break;
        case 2:
          range = (CostRange) { COST_RANGE_LOGNORMAL, 0.5 * base, 0, 2 * base, 0 };
          break;
        default:
          range = (CostRange) { COST_RANGE_UNIFORM, 0.9 * base, 0, 1.1 * base, 0 };
          break;
        }
      /* A tenth of the inputs move together. */
      if (k % 10 == 3)
        range.group = gpu;
      cost_sampler_add_input (sampler, &range);
    }
  cost_sampler_set_group_correlation (sampler, gpu, 0.7);

  return sampler;
}

static double
time_runs (const Model    *model,
           CostSampleFunc  func,
           guint           n_threads)
{
  double t[N_RUNS];

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr(CostSampler) sampler = make_sampler (model->n_inputs);
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (!cost_sampler_run (sampler, model->n_outputs, n_threads, func, (gpointer) model,
                             NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  return bench_median (t, N_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  const Model small = { 12, 1 }, large = { 100, 1000 };
  gboolean ok = TRUE;

  printf ("uncertainty: %d samples, median of %d runs\n", N_SAMPLES, N_RUNS);

  for (guint threads = 1; threads <= 2; threads++)
    {
      double t_small = time_runs (&small, sum_func, threads);
      double t_large = time_runs (&large, items_func, threads);

      printf ("%u thread%s:\n", threads, threads > 1 ? "s" : "");
      printf ("  12 inputs, 1 output:       %8.2f ms (budget 100 ms)%s\n", t_small,
              t_small < 100 ? "" : "  OVER BUDGET");
      printf ("  100 inputs, 1,000 outputs: %8.2f ms (budget 2000 ms)%s\n", t_large,
              t_large < 2000 ? "" : "  OVER BUDGET");
      ok = ok && t_small < 100 && t_large < 2000;
    }

  printf ("%s\n", ok ? "within budget" : "OVER BUDGET");

  return ok ? 0 : 1;
}
