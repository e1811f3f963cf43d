/* bench-uncertainty.c: Monte Carlo runs of a small and a large plan
 *
 * Budgets: 10,000 samples of 12 ranged inputs with their sum as the one
 * output under 100 ms; 10,000 samples of 100 ranged inputs feeding 1,000
 * outputs (999 items and their total) under 2 s. Each is timed on 1 and
 * 2 threads, the median of a few runs.
 *
 * Then whole simulations of projects, from the project to the statistics
 * (cost_uncertainty_plan_new() and cost_uncertainty_plan_run()): the
 * reference case with its ranges, 10,000 samples, under 100 ms; a project
 * of 1,000 items of which 100 have ranges, 10,000 samples, under 2 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "cost-ranges.h"
#include "cost-sampler.h"
#include "cost-test-util.h"
#include "cost-uncertainty.h"

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

/* 1,000 items over 10 categories, a year; every tenth item's unit price
 * is a PERT, a third of them in one group. */
static CostProject *
make_project (void)
{
  CostProject *project = cost_project_new ();

  cost_project_set_horizon (project, 12, NULL);
  for (int c = 0; c < 10; c++)
    {
      g_autofree char *cid = g_strdup_printf ("c%d", c);
      g_autoptr(CostCategory) category = cost_category_new (cid, cid);

      for (int i = 0; i < 100; i++)
        {
          g_autofree char *id = g_strdup_printf ("i%d-%d", c, i);
          g_autoptr(CostItem) item = cost_item_new (id, id);
          double price = 100 + 7 * i + c;

          cost_item_set_quantity (item, 1 + i % 5, NULL);
          cost_item_set_unit_price (item, price, NULL);
          if (i % 10 == 0)
            {
              CostRange range = { COST_RANGE_PERT, 0.8 * price, price, 1.4 * price, 0 };

              cost_ranges_set (G_OBJECT (item), "unit_price", &range, i % 30 == 0 ? "group" : NULL);
            }
          cost_category_add_item (category, item);
        }
      cost_project_add_category (project, category);
    }

  return project;
}

static double
time_plan (CostProject *project,
           guint        n_threads,
           guint       *n_inputs)
{
  double t[N_RUNS];

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CostUncertaintyPlan) plan = cost_uncertainty_plan_new (project, NULL, N_SAMPLES, 42);
      g_autoptr(CostUncertainty) u = NULL;
      g_autoptr(GError) error = NULL;

      u = cost_uncertainty_plan_run (plan, n_threads, NULL, NULL, NULL, &error);
      if (u == NULL)
        g_error ("%s", error->message);
      t[run] = (g_get_monotonic_time () - t0) / 1000.0;
      *n_inputs = u->n_inputs;
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

  {
    g_autoptr(CostProject) reference = cost_test_load_example ("reference.modelcost");
    g_autoptr(CostProject) large_project = make_project ();

    printf ("whole simulations, %d samples, median of %d runs:\n", N_SAMPLES, N_RUNS);
    for (guint threads = 1; threads <= 2; threads++)
      {
        guint n_ref, n_large;
        double t_ref = time_plan (reference, threads, &n_ref);
        double t_big = time_plan (large_project, threads, &n_large);

        printf ("%u thread%s:\n", threads, threads > 1 ? "s" : "");
        printf ("  reference case (%u ranges):  %8.2f ms (budget 100 ms)%s\n", n_ref, t_ref,
                t_ref < 100 ? "" : "  OVER BUDGET");
        printf ("  1,000 items, %u ranges:     %8.2f ms (budget 2000 ms)%s\n", n_large, t_big,
                t_big < 2000 ? "" : "  OVER BUDGET");
        ok = ok && t_ref < 100 && t_big < 2000;
      }
  }

  printf ("%s\n", ok ? "within budget" : "OVER BUDGET");

  return ok ? 0 : 1;
}
