/* fuzz-project.c: fuzz target for the project loader
 *
 * Whatever the bytes, loading either fails with a readable message or gives
 * a project that saves, reloads to the same document and computes the same
 * finite, non-negative figures, and compares its actual spending with its
 * plan in finite figures. Reading the items in pieces, as large files
 * are read, gives the same project or the same message as reading whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-project"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-plan-actual.h"
#include "cost-project-io-private.h"
#include "cost-sampler.h"
#include "cost-uncertainty.h"
#include "fuzz-target.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_abort_on_warnings ();

  return 0;
}

/* Every amount of a project is at least zero, so is every figure. */
static void
check_figure (double a,
              double b)
{
  g_assert_true (isfinite (a));
  g_assert_cmpfloat (a, >=, 0);
  g_assert_cmpfloat (a, ==, b);
}

static void
check_same_result (const CostResult *a,
                   const CostResult *b)
{
  g_assert_cmpint (a->horizon, ==, b->horizon);
  g_assert_cmpuint (a->n_categories, ==, b->n_categories);
  g_assert_cmpuint (a->n_items, ==, b->n_items);

  check_figure (a->run_rate, b->run_rate);
  check_figure (a->first_year, b->first_year);
  check_figure (a->horizon_total, b->horizon_total);
  check_figure (a->one_time, b->one_time);
  for (int m = 0; m < a->horizon; m++)
    check_figure (a->monthly[m], b->monthly[m]);

  for (guint i = 0; i < a->n_categories; i++)
    {
      const CostCategoryFigures *ca = &a->categories[i];
      const CostCategoryFigures *cb = &b->categories[i];

      g_assert_cmpstr (cost_category_get_id (ca->category), ==, cost_category_get_id (cb->category));
      check_figure (ca->factor, cb->factor);
      check_figure (ca->run_rate, cb->run_rate);
      check_figure (ca->first_year, cb->first_year);
      check_figure (ca->horizon_total, cb->horizon_total);
      check_figure (ca->one_time, cb->one_time);
      check_figure (ca->share, cb->share);
      for (int m = 0; m < a->horizon; m++)
        check_figure (ca->monthly[m], cb->monthly[m]);
    }

  for (guint i = 0; i < a->n_items; i++)
    {
      const CostItemFigures *ia = &a->items[i];
      const CostItemFigures *ib = &b->items[i];

      g_assert_cmpstr (cost_item_get_id (ia->item), ==, cost_item_get_id (ib->item));
      g_assert_cmpuint (ia->category_index, ==, ib->category_index);
      g_assert_cmpint (ia->excluded, ==, ib->excluded);
      g_assert_cmpint (ia->added, ==, ib->added);
      check_figure (ia->run_rate, ib->run_rate);
      check_figure (ia->first_year, ib->first_year);
      check_figure (ia->horizon_total, ib->horizon_total);
      check_figure (ia->one_time, ib->one_time);
      check_figure (ia->share, ib->share);
    }
}

/* The same project, or the same message, whatever the way of reading. */
static void
check_same_load (const uint8_t *data,
                 size_t         size,
                 CostProject   *project,
                 GError        *error,
                 gsize          piece_bytes)
{
  g_autoptr(GError) pieces_error = NULL;
  g_autoptr(CostProject) pieces = NULL;

  pieces = _cost_project_load_from_data_with ((const char *) data, size, COST_LOAD_PIECES,
                                              piece_bytes, &pieces_error);
  if (project == NULL)
    {
      g_assert_null (pieces);
      g_assert_cmpstr (pieces_error->message, ==, error->message);
    }
  else
    {
      g_autofree char *a = NULL, *b = NULL;

      g_assert_no_error (pieces_error);
      g_assert_nonnull (pieces);
      a = cost_project_to_data (project, NULL);
      b = cost_project_to_data (pieces, NULL);
      g_assert_cmpstr (a, ==, b);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) reloaded_results = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autofree char *resaved = NULL;
  gsize saved_length, saved_again_length, resaved_length;

  project = _cost_project_load_from_data_with ((const char *) data, size, COST_LOAD_WHOLE, 0, &error);
  check_same_load (data, size, project, error, 1);
  check_same_load (data, size, project, error, 200);
  if (project == NULL)
    {
      /* The message is shown to the user as it is. */
      g_assert_nonnull (error);
      g_assert_true (error->message[0] != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  saved = cost_project_to_data (project, &saved_length);
  g_assert_cmpuint (strlen (saved), ==, saved_length);
  saved_again = cost_project_to_data (project, &saved_again_length);
  g_assert_cmpstr (saved, ==, saved_again);

  /* What was saved opens again, and saves to the same bytes. */
  reloaded = cost_project_load_from_data (saved, saved_length, &error);
  if (reloaded == NULL)
    {
      /* abort(), not g_error(): libFuzzer keeps the input of an abort. */
      g_printerr ("a loaded project saved to a file that does not load: %s\n%s\n",
                  error->message, saved);
      abort ();
    }
  resaved = cost_project_to_data (reloaded, &resaved_length);
  g_assert_cmpstr (saved, ==, resaved);

  results = cost_calc_compute_all (project);
  reloaded_results = cost_calc_compute_all (reloaded);
  g_assert_cmpuint (results->len, ==, cost_project_get_n_scenarios (project) + 1);
  g_assert_cmpuint (results->len, ==, reloaded_results->len);
  for (guint i = 0; i < results->len; i++)
    check_same_result (g_ptr_array_index (results, i), g_ptr_array_index (reloaded_results, i));

  /* A project with ranges simulates to figures as sound as its plan's:
   * finite and never below zero, in every sample of every scenario. */
  for (guint i = 0; i < results->len; i++)
    {
      CostScenario *scenario = i == 0 ? NULL : cost_project_get_scenario (project, i - 1);
      g_autoptr(CostUncertaintyPlan) plan = cost_uncertainty_plan_new (project, scenario,
                                                                       COST_SAMPLER_MIN_SAMPLES, 1);
      g_autoptr(CostUncertainty) u = NULL;

      if (cost_uncertainty_plan_get_n_inputs (plan) == 0)
        continue;
      u = cost_uncertainty_plan_run (plan, 1, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      for (guint m = 0; m < COST_N_MEASURES; m++)
        {
          g_assert_true (isfinite (u->measures[m].sorted[0]) && u->measures[m].sorted[0] >= 0);
          g_assert_true (isfinite (u->measures[m].sorted[u->n_samples - 1]));
        }
      for (guint k = 0; k < u->n_inputs; k++)
        g_assert_true (isfinite (u->inputs[k].share[COST_MEASURE_RUN_RATE]));
    }

  /* Actual spending compares with the plan in finite figures. */
  {
    g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, g_ptr_array_index (results, 0),
                                                             COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);

    g_assert_true ((pa == NULL) == (cost_project_get_actuals (project) == NULL));
    if (pa != NULL)
      {
        for (int m = 0; m < pa->n_reported; m++)
          g_assert_true (isfinite (pa->months[m].total.actual) && isfinite (pa->months[m].total.variance));
        g_assert_true (isfinite (pa->to_date.actual) && isfinite (pa->forecast_remaining_plan));
      }
  }

  return 0;
}
