/* test-ranges.c: ranges in projects and files, and the simulation of a plan
 *
 * The statistical checks use fixed seeds and allow a few standard errors;
 * Latin hypercube samples are closer than independent ones, so a failure
 * means a wrong rule, not bad luck.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-project-io.h"
#include "cost-ranges.h"
#include "cost-sampler.h"
#include "cost-uncertainty.h"
#include "cost-undo-stack.h"
#include "cost-test-util.h"

#define SEED 20261207

static CostProject *
load_text (const char  *text,
           GError     **error)
{
  return cost_project_load_from_data (text, -1, error);
}

/* A project of one category, whose items are given as JSON. */
static char *
one_category (const char *items,
              const char *category_extra,
              const char *project_extra)
{
  return g_strdup_printf ("{\"format\": \"modelcost\", \"version\": 1, \"title\": \"T\", \"currency\": \"CNY\", "
                          "\"horizon_months\": 12%s, \"categories\": [{\"id\": \"c\", \"name\": \"C\"%s, "
                          "\"items\": [%s]}]}",
                          project_extra ? project_extra : "", category_extra ? category_extra : "", items);
}

static const char *ranged_project =
  "{\"format\": \"modelcost\", \"version\": 1, \"title\": \"Ranged\", \"currency\": \"CNY\",\n"
  " \"horizon_months\": 12, \"monthly_budget\": 85000,\n"
  " \"uncertainty\": {\"samples\": 4000, \"seed\": 77, \"groups\": {\"GPU prices\": 0.8, \"Salaries\": 0.5}},\n"
  " \"workload\": {\"daily_active_users\": 1000000, \"requests_per_user_per_day\": 20, \"peak_to_average\": 3,"
  "   \"peak_hours\": 4, \"ranges\": {\"daily_active_users\": {\"shape\": \"pert\", \"low\": 900000,"
  "   \"mode\": 1000000, \"high\": 1400000, \"group\": \"Traffic\"}}},\n"
  " \"models\": [{\"id\": \"ranker\", \"name\": \"Ranker\", \"kind\": \"ranking\", \"throughput\": 50,"
  "   \"work_per_request\": 1, \"utilisation\": 0.5, \"ranges\": {\"throughput\": {\"shape\": \"uniform\","
  "   \"low\": 40, \"high\": 60}}}],\n"
  " \"categories\": [\n"
  "  {\"id\": \"compute\", \"name\": \"Compute\", \"items\": [\n"
  "    {\"id\": \"gpu\", \"name\": \"GPUs\", \"quantity\": 100, \"unit\": \"GPU\", \"unit_price\": 1000,"
  "     \"period\": \"month\", \"driver\": \"ranker\", \"ranges\": {\"unit_price\": {\"shape\": \"pert\","
  "     \"low\": 800, \"mode\": 1000, \"high\": 1200, \"group\": \"GPU prices\"}}},\n"
  "    {\"id\": \"disk\", \"name\": \"Disks\", \"quantity\": 10, \"unit_price\": 50, \"period\": \"month\"}]},\n"
  "  {\"id\": \"labor\", \"name\": \"Labor\", \"ranges\": {\"factor\": {\"shape\": \"triangular\", \"low\": 0.9,"
  "   \"mode\": 1, \"high\": 1.2}}, \"items\": [\n"
  "    {\"id\": \"eng\", \"name\": \"Engineers\", \"quantity\": 5, \"unit_price\": 10000, \"period\": \"month\","
  "     \"ranges\": {\"unit_price\": {\"shape\": \"lognormal\", \"low\": 9500, \"high\": 10500,"
  "     \"group\": \"Salaries\"}, \"quantity\": {\"shape\": \"pert\", \"low\": 4, \"mode\": 5, \"high\": 7}}}]}\n"
  " ],\n"
  " \"scenarios\": [{\"id\": \"double\", \"name\": \"Double traffic\", \"workload\": {\"daily_active_users\": 2000000}},\n"
  "   {\"id\": \"cheap\", \"name\": \"Cheap engineers\", \"overrides\": [{\"item\": \"eng\", \"unit_price\": 5000}]}]\n"
  "}\n";

static void
test_file_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  g_autoptr(CostProject) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *group = NULL;
  CostItem *gpu, *eng;
  CostRange range;

  g_assert_no_error (error);
  g_assert_cmpuint (cost_project_get_samples (project), ==, 4000);
  g_assert_cmpuint (cost_project_get_seed (project), ==, 77);
  g_assert_cmpfloat (cost_project_get_correlation (project, "GPU prices"), ==, 0.8);
  g_assert_cmpfloat (cost_project_get_correlation (project, "Salaries"), ==, 0.5);
  g_assert_cmpfloat (cost_project_get_correlation (project, "Traffic"), ==, COST_SAMPLER_DEFAULT_CORRELATION);
  g_assert_cmpuint (cost_uncertainty_count_ranges (project), ==, 6);

  gpu = cost_project_find_item (project, "gpu", NULL);
  g_assert_true (cost_ranges_get (G_OBJECT (gpu), "unit_price", &range, &group));
  g_assert_cmpint (range.shape, ==, COST_RANGE_PERT);
  g_assert_cmpfloat (range.low, ==, 800);
  g_assert_cmpfloat (range.mode, ==, 1000);
  g_assert_cmpfloat (range.high, ==, 1200);
  g_assert_cmpstr (group, ==, "GPU prices");
  g_assert_false (cost_ranges_get (G_OBJECT (gpu), "quantity", &range, NULL));

  eng = cost_project_find_item (project, "eng", NULL);
  g_assert_true (cost_ranges_get (G_OBJECT (eng), "unit_price", &range, NULL));
  g_assert_cmpint (range.shape, ==, COST_RANGE_LOGNORMAL);
  g_assert_true (cost_ranges_get (G_OBJECT (cost_project_get_category (project, 1)), "factor", &range, NULL));
  g_assert_cmpint (range.shape, ==, COST_RANGE_TRIANGULAR);
  g_assert_true (cost_ranges_get (G_OBJECT (cost_project_get_workload (project)), "daily_active_users",
                                  &range, NULL));
  g_assert_cmpfloat (range.high, ==, 1400000);
  g_assert_true (cost_ranges_get (G_OBJECT (cost_project_get_model (project, 0)), "throughput", &range, NULL));
  g_assert_cmpint (range.shape, ==, COST_RANGE_UNIFORM);

  /* Written and read again, the project is the same, to the byte. */
  text = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (text, "\"ranges\": {\"unit_price\": {\"shape\": \"pert\", \"low\": 800, "
                                  "\"mode\": 1000, \"high\": 1200, \"group\": \"GPU prices\"}}"));
  g_assert_nonnull (strstr (text, "\"uncertainty\": {\"samples\": 4000, \"seed\": 77, "
                                  "\"groups\": {\"GPU prices\": 0.8, \"Salaries\": 0.5}}"));
  /* A uniform or lognormal range has no most likely figure to write. */
  g_assert_nonnull (strstr (text, "{\"shape\": \"uniform\", \"low\": 40, \"high\": 60}"));
  again = load_text (text, &error);
  g_assert_no_error (error);
  text2 = cost_project_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text2);
}

typedef struct
{
  const char *what;
  const char *items;
  const char *category;
  const char *project;
  const char *message;
} BadCase;

static void
test_bad_ranges (void)
{
  static const BadCase cases[] = {
    { "unknown shape", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"unit_price\": {\"shape\": \"bell\", \"low\": 1, \"high\": 2}}}", NULL, NULL,
      "categories[0].items[0].ranges.unit_price.shape: must be one of pert, triangular, uniform, lognormal" },
    { "low above high", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"unit_price\": {\"shape\": \"uniform\", \"low\": 3, \"high\": 2}}}", NULL, NULL,
      "categories[0].items[0].ranges.unit_price: The low figure of a range must not be above its high figure" },
    { "mode outside", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"quantity\": {\"shape\": \"pert\", \"low\": 1, \"mode\": 5, \"high\": 2}}}", NULL, NULL,
      "The most likely figure must be between the low and the high figures" },
    { "missing mode", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"quantity\": {\"shape\": \"triangular\", \"low\": 1, \"high\": 2}}}", NULL, NULL,
      "categories[0].items[0].ranges.quantity.mode: is missing" },
    { "mode of a uniform", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"mode\": 1.5, \"high\": 2}}}", NULL, NULL,
      "ranges.quantity.mode: a uniform range has no most likely figure" },
    { "negative price", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"unit_price\": {\"shape\": \"uniform\", \"low\": -1, \"high\": 2}}}", NULL, NULL,
      "ranges.unit_price: The unit price" },
    { "lognormal through zero", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"unit_price\": {\"shape\": \"lognormal\", \"low\": 0, \"high\": 2}}}", NULL, NULL,
      "A lognormal range needs a low figure above zero" },
    { "figure without ranges", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"unit\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2}}}", NULL, NULL,
      "categories[0].items[0].ranges.unit: is not a figure that can have a range" },
    { "not an object", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": [1, 2]}", NULL, NULL,
      "categories[0].items[0].ranges: must be an object of figures and their ranges" },
    { "unknown member", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2, \"p\": 3}}}", NULL, NULL,
      "ranges.quantity.p: is not a value ModelCost knows" },
    { "group too long", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"ranges\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2, \"group\": "
      "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}}}", NULL, NULL,
      "A group name must be text of at most 64 characters" },
    { "category factor below zero", "", ", \"ranges\": {\"factor\": {\"shape\": \"uniform\", \"low\": -0.5, \"high\": 2}}",
      NULL, "categories[0].ranges.factor: The factor must not be negative" },
    { "category figure", "", ", \"ranges\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2}}", NULL,
      "categories[0].ranges.quantity: is not a figure that can have a range" },
    { "samples", "", NULL, ", \"uncertainty\": {\"samples\": 10}", "uncertainty.samples:" },
    { "fractional seed", "", NULL, ", \"uncertainty\": {\"seed\": 1.5}", "uncertainty.seed: must be a whole number" },
    { "correlation", "", NULL, ", \"uncertainty\": {\"groups\": {\"GPU\": 1.5}}", "uncertainty.groups.GPU:" },
    { "unknown setting", "", NULL, ", \"uncertainty\": {\"runs\": 3}", "uncertainty.runs: is not a value ModelCost knows" },
    { "traffic peak ratio", "", NULL,
      ", \"workload\": {\"daily_active_users\": 10, \"ranges\": {\"peak_to_average\": {\"shape\": \"uniform\", "
      "\"low\": 0.5, \"high\": 2}}}", "workload.ranges.peak_to_average: The peak-to-average ratio must be between 1 and 1,000" },
    { "driven quantity", "{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\", "
      "\"driver\": \"power\", \"ranges\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2}}}", NULL, NULL,
      "categories[0].items[0].ranges: the quantity of an item sized from traffic cannot have a range of its own" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = one_category (cases[i].items, cases[i].category, cases[i].project);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = load_text (text, &error);

      g_test_message ("%s: %s", cases[i].what, error ? error->message : "(loaded)");
      g_assert_null (project);
      g_assert_error (error, COST_ERROR, COST_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* One item whose unit price is a PERT: the run-rate is quantity × price,
 * so its distribution is the PERT scaled by the quantity. */
static void
test_one_item (void)
{
  g_autofree char *text = one_category ("{\"id\": \"a\", \"name\": \"A\", \"quantity\": 3, \"unit_price\": 100, "
                                        "\"period\": \"month\", \"ranges\": {\"unit_price\": {\"shape\": \"pert\", "
                                        "\"low\": 80, \"mode\": 100, \"high\": 160}}}", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (text, &error);
  g_autoptr(CostUncertainty) u = NULL;
  CostRange pert = { COST_RANGE_PERT, 80, 100, 160, 0 };
  const CostMeasureStats *rr;
  double sd, median, se;

  g_assert_no_error (error);
  u = cost_uncertainty_compute (project, NULL, 10000, SEED, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (u->n_inputs, ==, 1);
  g_assert_cmpstr (u->inputs[0].path, ==, "items/a/unit_price");
  g_assert_cmpstr (u->inputs[0].label, ==, "A — Unit price");

  rr = &u->measures[COST_MEASURE_RUN_RATE];
  g_assert_cmpfloat (rr->point, ==, 300);
  sd = 3 * sqrt (cost_range_variance (&pert));
  median = 3 * cost_range_quantile (&pert, 0.5);
  /* The standard error of a median: √(p(1−p)/n) / f(median). */
  se = sqrt (0.25 / 10000) / ((cost_range_cdf (&pert, median / 3 + 0.01) -
                               cost_range_cdf (&pert, median / 3 - 0.01)) / 0.02) * 3;
  g_test_message ("P50 %.4f, median %.4f, stderr %.4f", rr->p50, median, se);
  g_assert_cmpfloat (fabs (rr->p50 - median), <=, 3 * se);
  g_assert_cmpfloat (fabs (rr->mean - 3 * cost_range_mean (&pert)), <=, 3 * sd / 100);
  g_assert_cmpfloat (rr->p10, <, rr->p50);
  g_assert_cmpfloat (rr->p50, <, rr->p90);
  g_assert_cmpfloat (rr->sorted[0], >=, 240);
  g_assert_cmpfloat (rr->sorted[u->n_samples - 1], <=, 480);
  /* The first year is twelve months of the same draw. */
  g_assert_cmpfloat (fabs (u->measures[COST_MEASURE_FIRST_YEAR].p50 - 12 * rr->p50), <=, 0.06);
  g_assert_cmpfloat (u->inputs[0].share[COST_MEASURE_RUN_RATE], ==, 1.0);
  /* No budget: no chance of going over it. */
  g_assert_true (isnan (rr->prob_over_budget));
  /* Contingency: what P80 asks beyond the plan. */
  g_assert_cmpfloat (cost_uncertainty_contingency (u, COST_MEASURE_RUN_RATE), ==, rr->p80 - 300);
  g_assert_cmpfloat (rr->p80, >, 300);
  /* The fan's months are draws of the same figure. */
  g_assert_cmpfloat (fabs (u->fan[COST_FAN_P50][5] - rr->p50), <=, 0.01);
}

/* Independent items: the variance of the sum is the sum of the variances. */
static void
test_sum_variance (void)
{
  GString *items = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostUncertainty) u = NULL;
  double expected = 0, mean = 0, variance = 0;
  const CostMeasureStats *rr;

  for (int i = 0; i < 5; i++)
    {
      CostRange r = { COST_RANGE_TRIANGULAR, 50 + i, 100 + 10 * i, 200 + 20 * i, 0 };

      g_string_append_printf (items, "%s{\"id\": \"i%d\", \"name\": \"I%d\", \"quantity\": 2, \"unit_price\": %g, "
                              "\"period\": \"month\", \"ranges\": {\"unit_price\": {\"shape\": \"triangular\", "
                              "\"low\": %g, \"mode\": %g, \"high\": %g}}}",
                              i ? ", " : "", i, i, r.mode, r.low, r.mode, r.high);
      expected += 4 * cost_range_variance (&r);
    }
  text = one_category (items->str, NULL, NULL);
  g_string_free (items, TRUE);
  project = load_text (text, &error);
  g_assert_no_error (error);
  u = cost_uncertainty_compute (project, NULL, 20000, SEED, 0, &error);
  g_assert_no_error (error);

  rr = &u->measures[COST_MEASURE_RUN_RATE];
  for (guint i = 0; i < u->n_samples; i++)
    mean += rr->sorted[i];
  mean /= u->n_samples;
  for (guint i = 0; i < u->n_samples; i++)
    variance += (rr->sorted[i] - mean) * (rr->sorted[i] - mean);
  variance /= u->n_samples - 1;
  g_test_message ("variance %.1f, expected %.1f", variance, expected);
  /* The standard error of a sample variance is about σ²·√(2/(n−1)). */
  g_assert_cmpfloat (fabs (variance - expected), <=, 4 * expected * sqrt (2.0 / (u->n_samples - 1)));
}

static double
spread (const char *groups)
{
  g_autofree char *text = one_category ("{\"id\": \"a\", \"name\": \"A\", \"quantity\": 1, \"unit_price\": 100, "
                                        "\"period\": \"month\", \"ranges\": {\"unit_price\": {\"shape\": \"pert\", "
                                        "\"low\": 50, \"mode\": 100, \"high\": 150, \"group\": \"g\"}}}, "
                                        "{\"id\": \"b\", \"name\": \"B\", \"quantity\": 1, \"unit_price\": 100, "
                                        "\"period\": \"month\", \"ranges\": {\"unit_price\": {\"shape\": \"pert\", "
                                        "\"low\": 50, \"mode\": 100, \"high\": 150, \"group\": \"g\"}}}", NULL, groups);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (text, &error);
  g_autoptr(CostUncertainty) u = NULL;

  g_assert_no_error (error);
  u = cost_uncertainty_compute (project, NULL, 10000, SEED, 0, &error);
  g_assert_no_error (error);

  return u->measures[COST_MEASURE_RUN_RATE].p90 - u->measures[COST_MEASURE_RUN_RATE].p10;
}

/* Figures that move together are not averaged away. */
static void
test_correlation (void)
{
  double together = spread (", \"uncertainty\": {\"groups\": {\"g\": 1}}");
  double apart = spread (", \"uncertainty\": {\"groups\": {\"g\": 0}}");
  double unset = spread (NULL);

  g_test_message ("P10–P90: ρ = 1 %.2f, ρ = 0 %.2f", together, apart);
  /* ρ = 1 is one figure counted twice: √2 times the spread of ρ = 0. */
  g_assert_cmpfloat (together, >, 1.3 * apart);
  g_assert_cmpfloat (together, <, 1.5 * apart);
  /* A group whose correlation is not set moves together. */
  g_assert_cmpfloat (unset, ==, together);
}

/* The same seed gives the same figures on any number of threads. */
static void
test_threads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  g_autoptr(CostUncertainty) one = NULL;
  guint threads[] = { 2, 8 };

  g_assert_no_error (error);
  one = cost_uncertainty_compute (project, NULL, 4000, SEED, 1, &error);
  g_assert_no_error (error);

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr(CostUncertainty) other = cost_uncertainty_compute (project, NULL, 4000, SEED, threads[t], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < COST_N_MEASURES; i++)
        g_assert_cmpmem (one->measures[i].sorted, sizeof (double) * one->n_samples,
                         other->measures[i].sorted, sizeof (double) * other->n_samples);
      for (guint k = 0; k < one->n_inputs; k++)
        g_assert_cmpfloat (one->inputs[k].share[0], ==, other->inputs[k].share[0]);
    }

  /* Another seed, other figures. */
  {
    g_autoptr(CostUncertainty) other = cost_uncertainty_compute (project, NULL, 4000, SEED + 1, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (one->measures[0].p50, !=, other->measures[0].p50);
  }
}

/* Sampled traffic sizes the GPUs again, in whole GPUs, in every sample. */
static void
test_driven (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  g_autoptr(CostUncertainty) u = NULL;
  g_autoptr(CostResult) point = NULL;
  const CostMeasureStats *rr;
  guint distinct = 0;

  g_assert_no_error (error);

  /* Only the GPUs: no labour, no price range. */
  cost_project_remove_category (project, 1);
  cost_ranges_set (G_OBJECT (cost_project_find_item (project, "gpu", NULL)), "unit_price", NULL, NULL);
  point = cost_calc_compute (project, NULL);

  u = cost_uncertainty_compute (project, NULL, 2000, SEED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (u->n_inputs, ==, 2);
  rr = &u->measures[COST_MEASURE_RUN_RATE];
  g_assert_cmpfloat (rr->point, ==, point->run_rate);
  for (guint i = 0; i < u->n_samples; i++)
    {
      /* 1,000 a GPU plus 500 of disks: whole GPUs only. */
      double gpus = (rr->sorted[i] - 500) / 1000;

      g_assert_cmpfloat (gpus, ==, floor (gpus));
      /* Peak 1,000,000 × 20 × 3 / 86,400 ≈ 694 requests/s over 40–60 × 0.5 a GPU, from
       * 0.9 to 1.4 million users. */
      g_assert_cmpfloat (gpus, >=, 21);
      g_assert_cmpfloat (gpus, <=, 49);
      if (i > 0 && rr->sorted[i] != rr->sorted[i - 1])
        distinct++;
    }
  g_assert_cmpuint (distinct, >, 10);
  /* More traffic than the point in most samples (−10% / +40%), and a
   * slower model in half of them. */
  g_assert_cmpfloat (rr->p50, >, rr->point);
}

/* A scenario that changes a figure moves its range with it. */
static void
test_scenario_follows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  CostScenario *cheap, *twice;
  g_autoptr(CostUncertainty) base = NULL;
  g_autoptr(CostUncertainty) u = NULL;
  g_autoptr(CostUncertainty) v = NULL;

  g_assert_no_error (error);
  cheap = cost_project_get_scenario (project, 1);
  base = cost_uncertainty_compute (project, NULL, 2000, SEED, 0, &error);
  u = cost_uncertainty_compute (project, cheap, 2000, SEED, 0, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < u->n_inputs; k++)
    {
      if (g_str_equal (u->inputs[k].path, "items/eng/unit_price"))
        {
          g_assert_cmpfloat (u->inputs[k].point, ==, 5000);
          g_assert_cmpfloat (u->inputs[k].range.low, ==, 4750);
          g_assert_cmpfloat (u->inputs[k].range.high, ==, 5250);
          g_assert_cmpfloat (base->inputs[k].range.low, ==, 9500);
        }
      if (g_str_equal (u->inputs[k].path, "workload/daily_active_users"))
        g_assert_cmpfloat (u->inputs[k].range.low, ==, 900000);
    }

  /* Twice the traffic, and its range twice as wide. */
  twice = cost_project_get_scenario (project, 0);
  v = cost_uncertainty_compute (project, twice, 2000, SEED, 0, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < v->n_inputs; k++)
    if (g_str_equal (v->inputs[k].path, "workload/daily_active_users"))
      {
        g_assert_cmpfloat (v->inputs[k].range.low, ==, 1800000);
        g_assert_cmpfloat (v->inputs[k].range.high, ==, 2800000);
      }
  g_assert_cmpfloat (v->measures[0].p50, >, base->measures[0].p50);
  g_assert_cmpfloat (u->measures[0].p50, <, base->measures[0].p50);
}

/* A scenario may give a figure a range of its own, or none at all. */
static void
test_scenario_ranges (void)
{
  g_autoptr(GString) text = g_string_new (ranged_project);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostProject) again = NULL;
  g_autoptr(CostUncertainty) u = NULL;
  g_autoptr(CostUndoStack) stack = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved2 = NULL;
  CostScenario *cheap;
  GVariant *own = NULL;
  gboolean has_traffic = FALSE;

  g_string_replace (text, "\"overrides\": [{\"item\": \"eng\", \"unit_price\": 5000}]",
                    "\"overrides\": [{\"item\": \"eng\", \"unit_price\": 5000}], \"ranges\": "
                    "{\"items/eng\": {\"unit_price\": {\"shape\": \"uniform\", \"low\": 4000, \"high\": 6000}}, "
                    "\"workload\": {}}", 1);
  project = load_text (text->str, &error);
  g_assert_no_error (error);
  cheap = cost_project_get_scenario (project, 1);
  g_assert_true (cost_scenario_get_ranges (cheap, "items/eng", &own));
  g_assert_nonnull (own);
  g_assert_true (cost_scenario_get_ranges (cheap, "workload", &own));
  g_assert_null (own);
  g_assert_false (cost_scenario_get_ranges (cheap, "items/gpu", NULL));

  u = cost_uncertainty_compute (project, cheap, 2000, SEED, 0, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < u->n_inputs; k++)
    {
      has_traffic |= g_str_equal (u->inputs[k].path, "workload/daily_active_users");
      if (g_str_equal (u->inputs[k].path, "items/eng/unit_price"))
        {
          /* Its own, given for the scenario's figure: it does not follow. */
          g_assert_cmpint (u->inputs[k].range.shape, ==, COST_RANGE_UNIFORM);
          g_assert_cmpfloat (u->inputs[k].range.low, ==, 4000);
          g_assert_cmpfloat (u->inputs[k].range.high, ==, 6000);
        }
    }
  g_assert_false (has_traffic);

  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"ranges\": {\"items/eng\": {\"unit_price\": {\"shape\": \"uniform\", "
                                   "\"low\": 4000, \"high\": 6000}}, \"workload\": {}}"));
  again = load_text (saved, &error);
  g_assert_no_error (error);
  saved2 = cost_project_to_data (again, NULL);
  g_assert_cmpstr (saved, ==, saved2);

  /* Undone like any change of a scenario. */
  stack = cost_undo_stack_new (project);
  cost_undo_stack_begin (stack);
  cost_scenario_reset_ranges (cheap, "items/eng");
  cost_undo_stack_end (stack);
  g_assert_false (cost_scenario_get_ranges (cheap, "items/eng", NULL));
  cost_undo_stack_undo (stack);
  g_assert_true (cost_scenario_get_ranges (cheap, "items/eng", &own));
  g_assert_nonnull (own);

  /* Set through the scenario shown: the scenario's own, from what it shows. */
  {
    CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
    CostRange wide = { COST_RANGE_UNIFORM, 500, 0, 1500, 0 };
    CostRange got;
    gboolean is_own = TRUE;
    g_autofree char *path = cost_ranges_subject_path (G_OBJECT (gpu));
    GVariant *shown;

    g_assert_cmpstr (path, ==, "items/gpu");
    shown = cost_ranges_in_scenario (cheap, G_OBJECT (gpu), &is_own);
    g_assert_false (is_own);
    g_assert_true (cost_ranges_lookup (shown, "unit_price", &got, NULL));
    g_assert_cmpint (got.shape, ==, COST_RANGE_PERT);

    cost_ranges_set_in_scenario (cheap, G_OBJECT (gpu), "quantity", &wide, NULL);
    shown = cost_ranges_in_scenario (cheap, G_OBJECT (gpu), &is_own);
    g_assert_true (is_own);
    g_assert_true (cost_ranges_lookup (shown, "quantity", &got, NULL));
    g_assert_cmpfloat (got.high, ==, 1500);
    /* It kept the price's range the baseline gave. */
    g_assert_true (cost_ranges_lookup (shown, "unit_price", &got, NULL));
    /* The baseline is untouched. */
    g_assert_false (cost_ranges_get (G_OBJECT (gpu), "quantity", &got, NULL));

    cost_ranges_set_in_scenario (NULL, G_OBJECT (cost_project_get_workload (project)), "daily_active_users",
                                 NULL, NULL);
    g_assert_false (cost_ranges_get (G_OBJECT (cost_project_get_workload (project)), "daily_active_users",
                                     &got, NULL));
  }

  /* Bad subjects are refused with their place. */
  {
    const char *bad[][2] = {
      { "\"items/nope\": {}", "scenarios[1].ranges.items/nope: no item, category or model has the id “nope”" },
      { "\"traffic\": {}", "scenarios[1].ranges.traffic: must be “workload”, or" },
      { "\"models/ranker\": {\"quantity\": {\"shape\": \"uniform\", \"low\": 1, \"high\": 2}}",
        "scenarios[1].ranges.models/ranker.quantity: is not a figure that can have a range" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GString) t = g_string_new (ranged_project);
        g_autofree char *with = g_strdup_printf ("\"overrides\": [{\"item\": \"eng\", \"unit_price\": 5000}], "
                                                 "\"ranges\": {%s}", bad[i][0]);
        g_autoptr(GError) e = NULL;
        g_autoptr(CostProject) p = NULL;

        g_string_replace (t, "\"overrides\": [{\"item\": \"eng\", \"unit_price\": 5000}]", with, 1);
        p = load_text (t->str, &e);
        g_assert_null (p);
        g_test_message ("%s", e->message);
        g_assert_nonnull (strstr (e->message, bad[i][1]));
      }
  }
}

static void
test_budget (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  g_autoptr(CostUncertainty) u = NULL;
  const CostMeasureStats *rr;
  guint above = 0;

  g_assert_no_error (error);
  u = cost_uncertainty_compute (project, NULL, 4000, SEED, 0, &error);
  g_assert_no_error (error);
  rr = &u->measures[COST_MEASURE_RUN_RATE];
  g_assert_cmpfloat (rr->budget, ==, 85000);
  for (guint i = 0; i < u->n_samples; i++)
    above += rr->sorted[i] > 85000;
  g_assert_cmpfloat (fabs (rr->prob_over_budget - (double) above / u->n_samples), <, 1e-12);
  g_assert_cmpfloat (rr->prob_over_budget, >, 0.0);
  g_assert_cmpfloat (rr->prob_over_budget, <, 1.0);
  /* No annual budget. */
  g_assert_true (isnan (u->measures[COST_MEASURE_FIRST_YEAR].prob_over_budget));

  /* Each input's share of the variance; they add up to one. */
  {
    double total = 0;

    for (guint k = 0; k < u->n_inputs; k++)
      total += u->inputs[k].share[COST_MEASURE_RUN_RATE];
    g_assert_cmpfloat (fabs (total - 1), <, 1e-9);
  }
}

/* No ranges: every sample is the plan. */
static void
test_no_ranges (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  g_autoptr(CostResult) point = cost_calc_compute (project, NULL);
  g_autoptr(CostUncertainty) u = NULL;
  g_autoptr(GError) error = NULL;

  /* Strip the example's ranges. */
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      GListModel *items = cost_category_get_items (cost_project_get_category (project, c));

      cost_category_set_ranges (cost_project_get_category (project, c), NULL);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CostItem) item = g_list_model_get_item (items, i);

          cost_item_set_ranges (item, NULL);
        }
    }
  if (cost_project_get_workload (project))
    cost_workload_set_ranges (cost_project_get_workload (project), NULL);
  for (guint m = 0; m < cost_project_get_n_models (project); m++)
    cost_served_model_set_ranges (cost_project_get_model (project, m), NULL);
  g_assert_cmpuint (cost_uncertainty_count_ranges (project), ==, 0);

  u = cost_uncertainty_compute (project, NULL, 1000, SEED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (u->n_inputs, ==, 0);
  g_assert_cmpfloat (u->measures[0].p10, ==, point->run_rate);
  g_assert_cmpfloat (u->measures[0].p90, ==, point->run_rate);
  g_assert_cmpfloat (u->measures[2].p50, ==, point->horizon_total);
  for (int m = 0; m < u->horizon; m++)
    g_assert_cmpfloat (u->fan[COST_FAN_P90][m], ==, point->monthly[m]);
}

/* Ranges are edits like any other: undone and redone. */
static void
test_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = load_text (ranged_project, &error);
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *disk = cost_project_find_item (project, "disk", NULL);
  CostRange range = { COST_RANGE_UNIFORM, 40, 0, 70, 0 };
  CostRange got;

  g_assert_no_error (error);
  cost_undo_stack_begin (stack);
  cost_ranges_set (G_OBJECT (disk), "unit_price", &range, "Disks");
  cost_undo_stack_end (stack);
  g_assert_true (cost_ranges_get (G_OBJECT (disk), "unit_price", &got, NULL));

  cost_undo_stack_begin (stack);
  cost_project_set_seed (project, 99, NULL);
  cost_undo_stack_end (stack);

  cost_undo_stack_undo (stack);
  g_assert_cmpuint (cost_project_get_seed (project), ==, 77);
  cost_undo_stack_undo (stack);
  g_assert_false (cost_ranges_get (G_OBJECT (disk), "unit_price", &got, NULL));
  cost_undo_stack_redo (stack);
  g_assert_true (cost_ranges_get (G_OBJECT (disk), "unit_price", &got, NULL));
  g_assert_cmpfloat (got.high, ==, 70);
}

/* A copied item keeps its ranges; presets are relative to the figure. */
static void
test_presets (void)
{
  guint n;
  const CostRangePreset *presets = cost_range_presets (&n);
  CostRange r;

  g_assert_cmpuint (n, ==, 3);
  cost_range_preset_apply (&presets[0], 200, &r);
  g_assert_cmpint (r.shape, ==, COST_RANGE_PERT);
  g_assert_cmpfloat (r.low, ==, 180);
  g_assert_cmpfloat (r.mode, ==, 200);
  g_assert_cmpfloat (fabs (r.high - 220), <, 1e-9);
  cost_range_preset_apply (&presets[2], 100, &r);
  g_assert_cmpfloat (r.low, ==, 90);
  g_assert_cmpfloat (r.high, ==, 150);

  {
    g_autoptr(CostItem) item = cost_item_new ("x", "X");
    g_autoptr(CostItem) copy = NULL;

    cost_ranges_set (G_OBJECT (item), "quantity", &r, NULL);
    copy = cost_item_copy (item, NULL);
    g_assert_true (g_variant_equal (cost_item_get_ranges (item), cost_item_get_ranges (copy)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/ranges/file-round-trip", test_file_round_trip);
  g_test_add_func ("/model/ranges/bad-ranges", test_bad_ranges);
  g_test_add_func ("/model/ranges/presets", test_presets);
  g_test_add_func ("/model/ranges/undo", test_undo);
  g_test_add_func ("/model/simulation/one-item", test_one_item);
  g_test_add_func ("/model/simulation/sum-variance", test_sum_variance);
  g_test_add_func ("/model/simulation/correlation", test_correlation);
  g_test_add_func ("/model/simulation/threads", test_threads);
  g_test_add_func ("/model/simulation/driven", test_driven);
  g_test_add_func ("/model/simulation/scenario-follows", test_scenario_follows);
  g_test_add_func ("/model/simulation/budget", test_budget);
  g_test_add_func ("/model/simulation/scenario-ranges", test_scenario_ranges);
  g_test_add_func ("/model/simulation/no-ranges", test_no_ranges);

  return g_test_run ();
}
