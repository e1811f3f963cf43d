/* bench-model.c: load, save and recompute a 10,000-item project
 *
 * Budgets (README.md, Benchmarks): recompute of 10,000 items × 10 scenarios × 36 months
 * under 5 ms; load and save under 100 ms each. Loading is timed as a file is
 * opened (its items read in pieces, in as many threads as there are
 * processors), and, for comparison, with the whole document parsed first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "cost-calc.h"
#include "cost-project-io-private.h"
#include "cost-test-util.h"

#define N_RUNS       15

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CostProject) project = cost_test_make_large_project ("Synthetic benchmark project");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("modelcost-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.modelcost", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double t_save[N_RUNS], t_load[N_RUNS], t_whole[N_RUNS], t_calc[N_RUNS];
  g_autofree char *contents = NULL;
  gsize length;
  double run_rate = 0;
  g_autoptr(CostProject) loaded = NULL;
  int ok = 0;

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (!cost_project_save (project, file, NULL, &error))
        g_error ("%s", error->message);
      t_save[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0;

      g_clear_object (&loaded);
      t0 = g_get_monotonic_time ();
      loaded = cost_project_load (file, NULL, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      t_load[run] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (cost_project_get_n_items (loaded), ==, COST_TEST_N_ITEMS);
      g_usleep (50000); /* let the parse tree be freed before the next run */
    }

  /* The same, read the way small files are. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr(CostProject) whole = NULL;
      gint64 t0 = g_get_monotonic_time ();

      whole = _cost_project_load_from_data_with (contents, length, COST_LOAD_WHOLE, 0, &error);
      if (whole == NULL)
        g_error ("%s", error->message);
      t_whole[run] = (g_get_monotonic_time () - t0) / 1000.0;
      g_clear_object (&whole);
      g_usleep (50000);
    }

  /* What an edit costs: every figure of the baseline and each scenario. */
  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) results = cost_calc_compute_all (loaded);

      t_calc[run] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (results->len, ==, COST_TEST_N_SCENARIOS + 1);
      run_rate = ((CostResult *) g_ptr_array_index (results, 0))->run_rate;
    }

  printf ("project: %d items in %d categories, %d scenarios, 36 months (run-rate %.2f)\n",
          COST_TEST_N_ITEMS, COST_TEST_N_CATEGORIES, COST_TEST_N_SCENARIOS, run_rate);
  printf ("save:      median %7.2f ms (budget 100 ms)\n", bench_median (t_save, N_RUNS));
  printf ("load:      median %7.2f ms (budget 100 ms, %u threads)\n", bench_median (t_load, N_RUNS),
          g_get_num_processors ());
  printf ("  (parsed whole first: %.2f ms, from memory)\n", bench_median (t_whole, N_RUNS));
  printf ("recompute: median %7.2f ms (budget 5 ms, baseline + %d scenarios)\n",
          bench_median (t_calc, N_RUNS), COST_TEST_N_SCENARIOS);

  ok = bench_median (t_save, N_RUNS) < 100 && bench_median (t_load, N_RUNS) < 100 && bench_median (t_calc, N_RUNS) < 5;
  printf ("%s\n", ok ? "within budget" : "OVER BUDGET");

  if (g_getenv ("BENCH_KEEP") == NULL)
    {
      g_unlink (path);
      g_unlink (backup);
      g_rmdir (dir);
    }
  else
    printf ("kept %s\n", path);

  return ok ? 0 : 1;
}
