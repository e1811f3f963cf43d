/* test-chart-data.c: the model's figures as chart data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "cost-chart-data.h"
#include "cost-test-util.h"

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
  g_test_add_func ("/chart/data/top-items", test_top_items);
  g_test_add_func ("/chart/data/category-items", test_category_items);
  g_test_add_func ("/chart/data/comparison", test_comparison);

  return g_test_run ();
}
