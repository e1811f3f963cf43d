/* test-chart-data.c: the model's figures as chart data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "cost-actuals-charts.h"
#include "cost-chart-choice.h"
#include "cost-chart-data.h"
#include "cost-format.h"
#include "cost-test-util.h"
#include "cost-uncertainty-charts.h"

static int
series_by_id (CostChartDataset *dataset,
              const char       *id)
{
  for (guint s = 0; s < cost_chart_dataset_get_n_series (dataset); s++)
    {
      if (g_strcmp0 (cost_chart_dataset_get_series_id (dataset, s), id) == 0)
        return (int) s;
    }

  return -1;
}

static void
test_by_category (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostChartDataset) dataset = cost_chart_data_by_category (project, result);
  static const struct {
    const char *id;
    const char *name;
    const char *color;
    double      value;
  } expected[] = {
    { "compute", "Compute", "#0072b2", 107000 },
    { "data", "Data", "#e69f00", 3000 },
    { "labor", "Labor", "#009e73", 175000 },
    { "operations", "Operations", "#cc79a7", 90000 },
  };

  g_assert_cmpstr (cost_chart_dataset_get_currency (dataset), ==, "CNY");
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (dataset), ==, 1);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (dataset), ==, G_N_ELEMENTS (expected));
  g_assert_cmpfloat (cost_chart_dataset_get_group_total (dataset, 0), ==, 375000);

  for (guint s = 0; s < G_N_ELEMENTS (expected); s++)
    {
      double rgb[3];
      g_autofree char *hex = NULL;

      g_assert_cmpstr (cost_chart_dataset_get_series_id (dataset, s), ==, expected[s].id);
      g_assert_cmpstr (cost_chart_dataset_get_series_label (dataset, s), ==, expected[s].name);
      g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, s), ==, expected[s].value);
      g_assert_true (cost_chart_dataset_get_series_color (dataset, s, rgb));
      hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgb[0] * 255 + 0.5), (int) (rgb[1] * 255 + 0.5),
                             (int) (rgb[2] * 255 + 0.5));
      g_assert_cmpstr (hex, ==, expected[s].color);
    }
}

/* An edit in the model shows in the next dataset built. */
static void
test_follows_edits (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) before = cost_calc_compute (project, NULL);
  g_autoptr(CostResult) after = NULL;
  g_autoptr(CostChartDataset) a = cost_chart_data_by_category (project, before);
  g_autoptr(CostChartDataset) b = NULL;
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  g_assert_true (cost_item_set_quantity (gpu, 150, NULL));
  after = cost_calc_compute (project, NULL);
  b = cost_chart_data_by_category (project, after);

  g_assert_false (cost_chart_dataset_equal (a, b));
  g_assert_cmpfloat (cost_chart_dataset_get_value (b, 0, series_by_id (b, "compute")), ==, 157000);
}

static void
test_by_scenario (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autoptr(CostChartDataset) dataset = cost_chart_data_by_scenario (project, results);
  int compute = series_by_id (dataset, "compute");

  g_assert_cmpuint (cost_chart_dataset_get_n_groups (dataset), ==, 3);
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 0), ==, "Baseline");
  g_assert_null (cost_chart_dataset_get_group_id (dataset, 0));
  g_assert_cmpstr (cost_chart_dataset_get_group_id (dataset, 1), ==, "int8");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 1), ==, "INT8 quantization");
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, compute), ==, 107000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 1, compute), ==, 57000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 2, compute), ==, 67000);
  g_assert_cmpfloat (cost_chart_dataset_get_group_total (dataset, 1), ==, 325000);
}

static void
test_by_month (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostChartDataset) dataset = NULL;
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  int compute;

  /* The GPUs arrive in the fourth month, and the horizon is two years. */
  g_assert_true (cost_item_set_active_months (gpu, 3, -1, NULL));
  g_assert_true (cost_project_set_horizon (project, 24, NULL));
  result = cost_calc_compute (project, NULL);
  dataset = cost_chart_data_by_month (project, result);
  compute = series_by_id (dataset, "compute");

  g_assert_cmpuint (cost_chart_dataset_get_n_groups (dataset), ==, 24);
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 0), ==, "M1");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 23), ==, "M24");
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 2, compute), ==, 7000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 3, compute), ==, 107000);
  g_assert_cmpfloat (cost_chart_dataset_get_group_total (dataset, 3), ==, 375000);
}

/* How many times @text is drawn. */
static guint
count_text (CostChartLayout *layout,
            const char      *text)
{
  guint n = 0;

  for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
    n += g_strcmp0 (cost_chart_layout_get_text (layout, i, NULL), text) == 0;

  return n;
}

/* The projection's bars at the page's size (its chart in a 1,100 × 760
 * window is about 790 × 330): every month labels its segments by the same
 * rule, so twelve equal months show twelve equal sets of labels, and the
 * largest segment, Labor, is labelled whenever any smaller one is. */
static void
test_by_month_labels (void)
{
  static const int sizes[][2] = { { 790, 330 }, { 700, 300 }, { 1000, 360 }, { 1400, 420 } };
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostChartDataset) dataset = cost_chart_data_by_month (project, result);

  setlocale (LC_ALL, "C.UTF-8");
  cost_chart_data_add_budget (dataset, project);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
      cairo_surface_t *surface = chart_test_render (COST_CHART_STACKED, dataset, sizes[k][0], sizes[k][1],
                                                    FALSE, layout);
      /* Compute 107,000, Data 3,000, Labor 175,000, Operations 90,000 */
      g_autofree char *compute = cost_format_money_compact (107000, "CNY");
      g_autofree char *labor = cost_format_money_compact (175000, "CNY");
      g_autofree char *operations = cost_format_money_compact (90000, "CNY");
      guint n_compute = count_text (layout, compute);
      guint n_labor = count_text (layout, labor);
      guint n_operations = count_text (layout, operations);

      g_test_message ("%d × %d: Compute %u, Labor %u, Operations %u", sizes[k][0], sizes[k][1],
                      n_compute, n_labor, n_operations);
      g_assert_true (n_compute == 0 || n_compute == 12);
      g_assert_true (n_labor == 0 || n_labor == 12);
      g_assert_true (n_operations == 0 || n_operations == 12);
      g_assert_cmpuint (n_labor, >=, n_compute);
      g_assert_cmpuint (n_labor, >=, n_operations);
      /* Data's 3,000 is a sliver: never labelled. */
      g_assert_cmpuint (count_text (layout, "¥3K"), ==, 0);
      cairo_surface_destroy (surface);
    }

  /* At the page's size the bars are wide enough for every label that fits. */
  {
    g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
    cairo_surface_t *surface = chart_test_render (COST_CHART_STACKED, dataset, 790, 330, FALSE, layout);
    g_autofree char *labor = cost_format_money_compact (175000, "CNY");

    g_assert_cmpuint (count_text (layout, labor), ==, 12);
    cairo_surface_destroy (surface);
  }
}

static void
test_top_items (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostChartDataset) dataset = cost_chart_data_top_items (project, result, 5, NULL);
  g_autoptr(CostChartDataset) redacted = NULL;
  CostExportOptions options = { .redact_labor = TRUE };
  double rgb[3];
  int labor;

  g_assert_cmpuint (cost_chart_dataset_get_n_series (dataset), ==, 5);
  g_assert_cmpstr (cost_chart_dataset_get_series_id (dataset, 0), ==, "gpu");
  g_assert_cmpstr (cost_chart_dataset_get_series_label (dataset, 0), ==, "GPUs");
  g_assert_cmpstr (cost_chart_dataset_get_series_detail (dataset, 0), ==, "Compute");
  g_assert_true (cost_chart_dataset_get_series_color (dataset, 0, rgb));
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 0), ==, 100000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 1), ==, 80000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 4), ==, 45000);
  /* Shares are of the whole project, not of the five shown. */
  g_assert_cmpfloat (cost_chart_dataset_get_whole (dataset, 0), ==, 375000);

  /* Redacted, the labor items are one bar for the category. */
  redacted = cost_chart_data_top_items (project, result, 20, &options);
  labor = series_by_id (redacted, "labor");
  g_assert_cmpint (labor, ==, 0);
  g_assert_cmpstr (cost_chart_dataset_get_series_label (redacted, labor), ==, "Labor (all items)");
  g_assert_cmpfloat (cost_chart_dataset_get_value (redacted, 0, labor), ==, 175000);
  g_assert_cmpint (series_by_id (redacted, "data-engineers"), ==, -1);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (redacted), ==, 10);
}

static void
test_category_items (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostChartDataset) dataset = cost_chart_data_category_items (project, result, "labor");

  g_assert_cmpuint (cost_chart_dataset_get_n_series (dataset), ==, 3);
  g_assert_cmpfloat (cost_chart_dataset_get_group_total (dataset, 0), ==, 175000);
  g_assert_cmpstr (cost_chart_dataset_get_series_label (dataset, 0), ==, "Data engineers");
  g_assert_null (cost_chart_data_category_items (project, result, "no-such-category"));
}

/* The waterfall from the baseline to a scenario adds up, item by item. */
static void
test_comparison (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autoptr(CostChartDataset) dataset = NULL;
  CostScenario *scenario = cost_project_get_scenario (project, 0);
  guint n;
  double level = 0;

  /* Half the GPUs, no data cleaning, a new item. */
  {
    g_autoptr(CostItem) added = cost_item_new ("tokens", "Tokenizer licence");

    g_assert_true (cost_item_set_quantity (added, 1, NULL));
    g_assert_true (cost_item_set_unit_price (added, 2500, NULL));
    cost_scenario_set_excluded (scenario, "data-cleaning", TRUE);
    cost_scenario_add_item (scenario, "compute", added);
  }
  g_clear_pointer (&results, g_ptr_array_unref);
  results = cost_calc_compute_all (project);

  dataset = cost_chart_data_comparison (project, g_ptr_array_index (results, 0), g_ptr_array_index (results, 1));
  n = cost_chart_dataset_get_n_series (dataset);

  g_assert_cmpuint (n, ==, 5);
  g_assert_true (cost_chart_dataset_get_series_flags (dataset, 0) & COST_CHART_SERIES_TOTAL);
  g_assert_true (cost_chart_dataset_get_series_flags (dataset, n - 1) & COST_CHART_SERIES_TOTAL);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 0), ==, 375000);
  g_assert_cmpstr (cost_chart_dataset_get_series_id (dataset, 1), ==, "gpu");
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 1), ==, -50000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 2), ==, 2500);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, 3), ==, -1000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, 0, n - 1), ==, 326500);

  for (guint s = 0; s + 1 < n; s++)
    level += cost_chart_dataset_get_value (dataset, 0, s);
  g_assert_cmpfloat (level, ==, cost_chart_dataset_get_value (dataset, 0, n - 1));
}

static CostProject *
load_ranged (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "report", "ranged.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);

  return project;
}

/* The charts of a simulation hold its samples, percentiles and shares. */
static void
test_uncertainty (void)
{
  g_autoptr(CostProject) project = load_ranged ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CostUncertainty) u = cost_uncertainty_compute (project, NULL, 4000, 7, 2, &error);
  g_autoptr(CostChartDataset) histogram = NULL;
  g_autoptr(CostChartDataset) curve = NULL;
  g_autoptr(CostChartDataset) fan = NULL;
  g_autoptr(CostChartDataset) shares = NULL;
  const CostMeasureStats *run_rate;
  double total = 0, previous;

  g_assert_no_error (error);
  run_rate = &u->measures[COST_MEASURE_RUN_RATE];

  /* Bins follow on from the smallest sample to the largest and hold them all. */
  histogram = cost_uncertainty_chart_dataset (u, COST_MEASURE_RUN_RATE, COST_CHART_HISTOGRAM, "CNY");
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (histogram), ==, COST_UNCERTAINTY_HISTOGRAM_BINS);
  g_assert_cmpfloat (cost_chart_dataset_get_value (histogram, 0, COST_CHART_BIN_FROM), ==, run_rate->sorted[0]);
  g_assert_cmpfloat (cost_chart_dataset_get_value (histogram, COST_UNCERTAINTY_HISTOGRAM_BINS - 1, COST_CHART_BIN_TO),
                     ==, run_rate->sorted[u->n_samples - 1]);
  for (guint b = 0; b < COST_UNCERTAINTY_HISTOGRAM_BINS; b++)
    {
      if (b > 0)
        g_assert_cmpfloat (cost_chart_dataset_get_value (histogram, b, COST_CHART_BIN_FROM), ==,
                           cost_chart_dataset_get_value (histogram, b - 1, COST_CHART_BIN_TO));
      total += cost_chart_dataset_get_value (histogram, b, COST_CHART_BIN_COUNT);
    }
  g_assert_cmpfloat (total, ==, 4000);
  g_assert_cmpfloat (cost_chart_dataset_get_whole (histogram, 0), ==, 4000);
  g_assert_cmpuint (cost_chart_dataset_get_n_markers (histogram), ==, 2);
  g_assert_cmpstr (cost_chart_dataset_get_marker_id (histogram, 0), ==, "point");
  g_assert_cmpfloat (cost_chart_dataset_get_marker_value (histogram, 0), ==, 375000);
  g_assert_cmpstr (cost_chart_dataset_get_marker_id (histogram, 1), ==, "budget");
  g_assert_cmpfloat (cost_chart_dataset_get_marker_value (histogram, 1), ==, 400000);

  /* The S-curve rises through the percentiles; the note says the chance
   * of going over the budget. */
  curve = cost_uncertainty_chart_s_curve (u, COST_MEASURE_RUN_RATE, "CNY");
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (curve), ==, 101);
  g_assert_cmpfloat (cost_chart_dataset_get_value (curve, 10, COST_CHART_CURVE_AMOUNT), ==, run_rate->p10);
  g_assert_cmpfloat (cost_chart_dataset_get_value (curve, 50, COST_CHART_CURVE_AMOUNT), ==, run_rate->p50);
  g_assert_cmpfloat (cost_chart_dataset_get_value (curve, 90, COST_CHART_CURVE_AMOUNT), ==, run_rate->p90);
  g_assert_cmpfloat (cost_chart_dataset_get_value (curve, 90, COST_CHART_CURVE_FRACTION), ==, 0.9);
  previous = -INFINITY;
  for (guint g = 0; g < 101; g++)
    {
      double amount = cost_chart_dataset_get_value (curve, g, COST_CHART_CURVE_AMOUNT);

      g_assert_cmpfloat (amount, >=, previous);
      previous = amount;
    }
  g_assert_true (run_rate->prob_over_budget > 0 && run_rate->prob_over_budget < 0.5);
  {
    g_autofree char *percent = cost_format_percent (run_rate->prob_over_budget);
    g_autofree char *note = g_strdup_printf ("P(over budget) = %s", percent);

    g_assert_cmpstr (cost_chart_dataset_get_note (curve), ==, note);
  }

  /* The fan: the percentiles of each month and the plan's figure. */
  fan = cost_uncertainty_chart_fan (u, "CNY");
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (fan), ==, 12);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (fan), ==, COST_CHART_FAN_N_SERIES);
  for (guint m = 0; m < 12; m++)
    {
      for (guint f = 0; f < COST_N_FAN; f++)
        g_assert_cmpfloat (cost_chart_dataset_get_value (fan, m, f), ==, u->fan[f][m]);
      g_assert_cmpfloat (cost_chart_dataset_get_value (fan, m, COST_CHART_FAN_PLAN), ==, 375000);
      g_assert_cmpfloat (cost_chart_dataset_get_value (fan, m, COST_CHART_FAN_P10), <=,
                         cost_chart_dataset_get_value (fan, m, COST_CHART_FAN_P90));
    }
  g_assert_cmpstr (cost_chart_dataset_get_group_label (fan, 0), ==, "M1");

  /* Shares of the variance, which add up to the whole. */
  shares = cost_uncertainty_chart_dataset (u, COST_MEASURE_FIRST_YEAR, COST_CHART_RANKED, NULL);
  g_assert_cmpint (cost_chart_dataset_get_unit (shares), ==, COST_CHART_UNIT_FRACTION);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (shares), ==, u->n_inputs);
  g_assert_cmpuint (u->n_inputs, ==, 7);
  g_assert_cmpfloat (fabs (cost_chart_dataset_get_group_total (shares, 0) - 1.0), <, 1e-9);
  g_assert_cmpstr (cost_chart_dataset_get_series_id (shares, 0), ==, u->inputs[0].path);
}

/* The charts by name: from the caller's simulation when it has one, and a
 * clear error for a project without ranges. */
static void
test_uncertainty_choices (void)
{
  static const char *ids[] = { "histogram", "s-curve", "fan", "contributions" };
  g_autofree char *plain_path = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain_path);
  g_autoptr(CostProject) ranged = load_ranged ();
  g_autoptr(CostProject) plain = cost_project_load (plain_file, NULL, NULL);
  g_autoptr(GPtrArray) results = cost_calc_compute_all (ranged);
  g_autoptr(GPtrArray) plain_results = cost_calc_compute_all (plain);
  g_autoptr(CostUncertainty) own = cost_uncertainty_compute (ranged, NULL, 1000, 3, 1, NULL);
  CostExportOptions options = { .uncertainty = own };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const CostChartChoice *choice = cost_chart_choice_find (ids[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostChartDataset) computed = NULL;
      g_autoptr(CostChartDataset) given = NULL;
      g_autoptr(CostChartDataset) none = NULL;

      g_assert_nonnull (choice);
      computed = choice->build (ranged, results, g_ptr_array_index (results, 1), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (computed);

      given = choice->build (ranged, results, g_ptr_array_index (results, 0), &options, &error);
      g_assert_no_error (error);
      if (choice->kind == COST_CHART_HISTOGRAM)
        g_assert_cmpfloat (cost_chart_dataset_get_whole (given, 0), ==, 1000);
      g_assert_false (cost_chart_dataset_equal (given, computed));

      none = choice->build (plain, plain_results, g_ptr_array_index (plain_results, 0), NULL, &error);
      g_assert_null (none);
      g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
      g_assert_cmpstr (error->message, ==, "Uncertainty charts need ranges on some of the project’s figures, "
                                           "and the project has none");
    }
}

/* An export that hides labor gathers the salaries' shares under the
 * category's name. */
static void
test_uncertainty_redacted (void)
{
  g_autoptr(CostProject) project = load_ranged ();
  g_autoptr(CostUncertainty) u = cost_uncertainty_compute (project, NULL, 1000, 3, 1, NULL);
  CostExportOptions options = { .redact_labor = TRUE };
  g_autoptr(CostChartDataset) plain = cost_uncertainty_chart_contributions_for_export (u, COST_MEASURE_RUN_RATE,
                                                                                       project, NULL);
  g_autoptr(CostChartDataset) hidden = cost_uncertainty_chart_contributions_for_export (u, COST_MEASURE_RUN_RATE,
                                                                                        project, &options);
  double salaries = 0;
  gboolean gathered = FALSE;

  g_assert_cmpuint (cost_chart_dataset_get_n_series (plain), ==, 7);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (hidden), ==, 5);
  for (guint k = 0; k < u->n_inputs; k++)
    if (g_str_has_suffix (u->inputs[k].label, "engineers — Unit price"))
      salaries += u->inputs[k].share[COST_MEASURE_RUN_RATE];
  for (guint s = 0; s < 5; s++)
    {
      const char *label = cost_chart_dataset_get_series_label (hidden, s);

      g_assert_null (strstr (label, "engineers"));
      if (g_str_equal (label, "Labor (all items)"))
        {
          gathered = TRUE;
          g_assert_cmpfloat_with_epsilon (cost_chart_dataset_get_value (hidden, 0, s), salaries, 1e-12);
        }
    }
  g_assert_true (gathered);
  g_assert_cmpfloat (fabs (cost_chart_dataset_get_group_total (hidden, 0) - 1.0), <, 1e-9);
}

/* The burn-up chart of tests/report/actuals.modelcost (worked out by hand
 * in test-report.c): ¥50,000 a month planned, ¥49,500, ¥53,500 and
 * ¥57,000 spent, a budget of ¥52,000 a month. The forecast starts at the
 * last month reported and goes on with the plan: ¥160,000 + ¥50,000 a
 * month, ¥310,000 at completion. */
static void
test_burn_up (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "report", "actuals.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CostProject) project = cost_project_load (file, NULL, NULL);
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  g_autoptr(CostChartDataset) dataset = cost_actuals_chart_burn_up (project, pa);
  g_autoptr(CostChartDataset) chosen = NULL;
  g_autoptr(CostProject) plain = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) plain_results = cost_calc_compute_all (plain);
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autoptr(GError) error = NULL;
  const CostChartChoice *choice = cost_chart_choice_find ("burn-up", NULL);
  static const double plan[] = { 50000, 100000, 150000, 200000, 250000, 300000 };
  static const double actual[] = { 49500, 103000, 160000 };
  static const double forecast[] = { 160000, 210000, 260000, 310000 };

  g_assert_cmpuint (cost_chart_dataset_get_n_groups (dataset), ==, 6);
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 0), ==, "Jan 2027");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 5), ==, "Jun 2027");
  for (guint m = 0; m < 6; m++)
    {
      g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_PLAN), ==, plan[m]);
      g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_BUDGET), ==, 52000.0 * (m + 1));
      if (m < 3)
        g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_ACTUAL), ==, actual[m]);
      else
        g_assert_true (isnan (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_ACTUAL)));
      if (m >= 2)
        g_assert_cmpfloat (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_FORECAST), ==, forecast[m - 2]);
      else
        g_assert_true (isnan (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_FORECAST)));
    }
  g_assert_cmpfloat (pa->forecast_remaining_plan, ==, forecast[3]);

  /* By name, the same; a project without actual spending says so. */
  g_assert_nonnull (choice);
  g_assert_cmpint (choice->kind, ==, COST_CHART_BURN_UP);
  chosen = choice->build (project, results, g_ptr_array_index (results, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cost_chart_dataset_equal (chosen, dataset));
  g_assert_null (choice->build (plain, plain_results, g_ptr_array_index (plain_results, 0), NULL, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The burn-up chart needs actual spending, and the project has none");

  /* Without a budget, no budget line. */
  cost_project_set_monthly_budget (project, 0, NULL);
  g_clear_pointer (&pa, cost_plan_actual_unref);
  g_clear_pointer (&dataset, cost_chart_dataset_unref);
  pa = cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  dataset = cost_actuals_chart_burn_up (project, pa);
  for (guint m = 0; m < 6; m++)
    g_assert_true (isnan (cost_chart_dataset_get_value (dataset, m, COST_CHART_BURN_UP_BUDGET)));
}

/* The fan's months by the calendar from the project's start. */
static void
test_fan_calendar (void)
{
  g_autoptr(CostProject) ranged = load_ranged ();
  g_autoptr(CostUncertainty) numbered = cost_uncertainty_compute (ranged, NULL, 1000, 3, 1, NULL);
  g_autoptr(CostUncertainty) calendar = NULL;
  g_autoptr(CostChartDataset) before = cost_uncertainty_chart_fan (numbered, "CNY");
  g_autoptr(CostChartDataset) after = NULL;

  g_assert_cmpstr (cost_chart_dataset_get_group_label (before, 0), ==, "M1");
  g_assert_true (cost_project_set_start (ranged, "2027-11", NULL));
  calendar = cost_uncertainty_compute (ranged, NULL, 1000, 3, 1, NULL);
  after = cost_uncertainty_chart_fan (calendar, "CNY");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (after, 0), ==, "Nov 2027");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (after, 2), ==, "Jan 2028");
}

/* The monthly chart's months by the calendar from the project's start. */
static void
test_by_month_calendar (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostChartDataset) dataset = NULL;

  g_assert_true (cost_project_set_horizon (project, 24, NULL));
  g_assert_true (cost_project_set_start (project, "2026-12", NULL));
  result = cost_calc_compute (project, NULL);
  dataset = cost_chart_data_by_month (project, result);
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 0), ==, "Dec 2026");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 1), ==, "Jan 2027");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (dataset, 23), ==, "Nov 2028");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/data/by-category", test_by_category);
  g_test_add_func ("/chart/data/follows-edits", test_follows_edits);
  g_test_add_func ("/chart/data/by-scenario", test_by_scenario);
  g_test_add_func ("/chart/data/by-month", test_by_month);
  g_test_add_func ("/chart/data/by-month-labels", test_by_month_labels);
  g_test_add_func ("/chart/data/by-month-calendar", test_by_month_calendar);
  g_test_add_func ("/chart/data/burn-up", test_burn_up);
  g_test_add_func ("/chart/data/fan-calendar", test_fan_calendar);
  g_test_add_func ("/chart/data/top-items", test_top_items);
  g_test_add_func ("/chart/data/category-items", test_category_items);
  g_test_add_func ("/chart/data/comparison", test_comparison);
  g_test_add_func ("/chart/data/uncertainty", test_uncertainty);
  g_test_add_func ("/chart/data/uncertainty-choices", test_uncertainty_choices);
  g_test_add_func ("/chart/data/uncertainty-redacted", test_uncertainty_redacted);

  return g_test_run ();
}
