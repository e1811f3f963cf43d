/* test-analysis.c: sensitivity, waterfall, projection, budgets and presets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cost-analysis.h"
#include "cost-presets.h"
#include "cost-test-util.h"

static CostProject *
load_reference (void)
{
  return cost_test_load_example ("reference.modelcost");
}

/* The largest items, ranked once for the what-if sliders and the chart. */
static void
test_top_items (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostResult) r = cost_calc_compute (project, NULL);
  g_autoptr(GPtrArray) top = cost_analysis_top_items (r, 2, COST_TOP_ITEMS_PRICED);
  g_autoptr(GPtrArray) all = cost_analysis_top_items (r, G_MAXUINT, COST_TOP_ITEMS_DEFAULT);

  g_assert_cmpuint (top->len, ==, 2);
  g_assert_cmpstr (cost_item_get_id (((CostItemFigures *) top->pdata[0])->item), ==, "gpu");
  g_assert_cmpfloat (((CostItemFigures *) top->pdata[0])->run_rate, ==, 100000);
  g_assert_cmpstr (cost_item_get_id (((CostItemFigures *) top->pdata[1])->item), ==, "data-engineers");

  /* All twelve items cost money, the largest first. */
  g_assert_cmpuint (all->len, ==, 12);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpfloat (((CostItemFigures *) all->pdata[i - 1])->run_rate, >=,
                       ((CostItemFigures *) all->pdata[i])->run_rate);
}

static void
test_sensitivity (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostResult) r = cost_calc_compute (project, NULL);
  g_autoptr(GArray) rows = cost_analysis_sensitivity (r, 0.2);
  CostSensitivity *first, *second;

  /* All twelve items cost money; the GPUs swing most: ±20% of 100,000. */
  g_assert_cmpuint (rows->len, ==, 12);
  first = &g_array_index (rows, CostSensitivity, 0);
  second = &g_array_index (rows, CostSensitivity, 1);
  g_assert_cmpstr (cost_item_get_id (first->item), ==, "gpu");
  g_assert_cmpfloat (first->low, ==, 355000);
  g_assert_cmpfloat (first->high, ==, 395000);
  g_assert_cmpstr (cost_item_get_id (second->item), ==, "data-engineers");
  g_assert_cmpfloat (second->low, ==, 359000);
  g_assert_cmpfloat (second->high, ==, 391000);

  /* Ranked by the width of the swing, the smallest last (5 TB cleaning at
   * 200, 1,000 a month, as collection and storage: ±200). */
  for (guint i = 1; i < rows->len; i++)
    {
      CostSensitivity *a = &g_array_index (rows, CostSensitivity, i - 1);
      CostSensitivity *b = &g_array_index (rows, CostSensitivity, i);

      g_assert_cmpfloat (a->high - a->low, >=, b->high - b->low);
    }
  g_assert_cmpfloat (g_array_index (rows, CostSensitivity, 11).high, ==, 375200);
}

static void
test_sensitivity_driven_by_amortisation (void)
{
  g_autoptr(CostProject) project = cost_project_new ();
  g_autoptr(CostCategory) category = cost_category_new ("c", "C");
  g_autoptr(CostItem) item = cost_item_new ("buy", "Bought GPUs");
  g_autoptr(CostResult) r = NULL;
  g_autoptr(GArray) rows = NULL;

  /* 10 × 36,000 over 36 months: 10,000 a month; ±10%: 9,000 .. 11,000 */
  cost_project_set_horizon (project, 36, NULL);
  cost_project_add_category (project, category);
  cost_category_add_item (category, item);
  cost_item_set_quantity (item, 10, NULL);
  cost_item_set_unit_price (item, 36000, NULL);
  cost_item_set_period (item, COST_PERIOD_ONCE, NULL);
  cost_item_set_amortize_months (item, 36, NULL);
  r = cost_calc_compute (project, NULL);
  rows = cost_analysis_sensitivity (r, 0.1);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpfloat (g_array_index (rows, CostSensitivity, 0).low, ==, 9000);
  g_assert_cmpfloat (g_array_index (rows, CostSensitivity, 0).high, ==, 11000);
}

static void
test_waterfall (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostScenario) plan = cost_scenario_new ("plan", "Plan");
  g_autoptr(CostItem) added = cost_item_new ("vector-db", "Vector database");
  CostOverride fewer_gpus = { .fields = COST_OVERRIDE_QUANTITY, .quantity = 60 };
  CostOverride cheaper_storage = { .fields = COST_OVERRIDE_UNIT_PRICE, .unit_price = 40 };
  g_autoptr(CostResult) base = NULL;
  g_autoptr(CostResult) to = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) grouped = NULL;
  double sum = 0;

  /* −40,000 GPUs, −1,000 storage, −10,000 security devices, +6,000 vector
   * database, data ×1.5: +1,500 (three items of +500) */
  cost_scenario_set_override (plan, "gpu", &fewer_gpus, NULL);
  cost_scenario_set_override (plan, "compute-storage", &cheaper_storage, NULL);
  cost_scenario_set_excluded (plan, "security-devices", TRUE);
  cost_item_set_quantity (added, 2, NULL);
  cost_item_set_unit_price (added, 3000, NULL);
  cost_scenario_add_item (plan, "compute", added);
  cost_scenario_set_factor (plan, "data", 1.5, NULL);
  cost_project_add_scenario (project, plan);

  base = cost_calc_compute (project, NULL);
  to = cost_calc_compute (project, plan);
  g_assert_cmpfloat (to->run_rate, ==, 375000 - 40000 - 1000 - 10000 + 6000 + 1500);

  steps = cost_analysis_waterfall (base, to, 0);
  g_assert_cmpuint (steps->len, ==, 7);
  g_assert_cmpstr (cost_item_get_id (g_array_index (steps, CostWaterfallStep, 0).item), ==, "gpu");
  g_assert_cmpfloat (g_array_index (steps, CostWaterfallStep, 0).delta, ==, -40000);
  g_assert_cmpstr (cost_item_get_id (g_array_index (steps, CostWaterfallStep, 1).item), ==, "security-devices");
  g_assert_cmpfloat (g_array_index (steps, CostWaterfallStep, 1).delta, ==, -10000);
  g_assert_cmpstr (cost_item_get_id (g_array_index (steps, CostWaterfallStep, 2).item), ==, "vector-db");
  g_assert_cmpfloat (g_array_index (steps, CostWaterfallStep, 2).delta, ==, 6000);
  g_assert_cmpfloat (g_array_index (steps, CostWaterfallStep, 3).delta, ==, -1000);
  for (guint i = 0; i < steps->len; i++)
    sum += g_array_index (steps, CostWaterfallStep, i).delta;
  g_assert_cmpfloat (sum, ==, to->run_rate - base->run_rate);

  /* Four steps at most: the last groups the four smallest changes. */
  grouped = cost_analysis_waterfall (base, to, 4);
  g_assert_cmpuint (grouped->len, ==, 4);
  g_assert_null (g_array_index (grouped, CostWaterfallStep, 3).item);
  g_assert_cmpuint (g_array_index (grouped, CostWaterfallStep, 3).n_grouped, ==, 4);
  g_assert_cmpfloat (g_array_index (grouped, CostWaterfallStep, 3).delta, ==, -1000 + 1500);

  /* And back again: the same steps with the opposite sign. */
  g_clear_pointer (&steps, g_array_unref);
  steps = cost_analysis_waterfall (to, base, 0);
  g_assert_cmpuint (steps->len, ==, 7);
  g_assert_cmpfloat (g_array_index (steps, CostWaterfallStep, 0).delta, ==, 40000);
}

static void
test_projection (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostScenario) growth = cost_preset_create (COST_PRESET_TRAFFIC_GROWTH, project, 0, NULL);
  g_autoptr(CostResult) r = NULL;
  g_autofree double *cumulative = NULL;
  double by_category = 0;

  cost_project_set_horizon (project, 36, NULL);
  cost_project_add_scenario (project, growth);
  r = cost_calc_compute (project, growth);
  cumulative = cost_analysis_cumulative (r);

  /* Compute 107,000 grows 5% a month: 112,350 in the second month. */
  g_assert_cmpfloat (r->run_rate, ==, 375000);
  g_assert_cmpfloat (r->monthly[0], ==, 375000);
  g_assert_cmpfloat (r->monthly[1], ==, 375000 + 5350);
  g_assert_cmpfloat (cost_result_find_category (r, "compute")->monthly[1], ==, 112350);

  /* The months add up to the totals, to the cent. */
  g_assert_cmpfloat (cumulative[35], ==, r->horizon_total);
  g_assert_cmpfloat (cumulative[11], ==, r->first_year);
  for (guint c = 0; c < r->n_categories; c++)
    by_category += r->categories[c].horizon_total;
  g_assert_cmpfloat (cost_round_money (by_category), ==, r->horizon_total);
}

static void
test_budget (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostResult) r = cost_calc_compute (project, NULL);
  g_autoptr(CostResult) reserved = cost_calc_compute (project, cost_project_find_scenario (project, "reserved", NULL));
  CostBudgetStatus status;

  cost_project_set_monthly_budget (project, 350000, NULL);
  cost_project_set_annual_budget (project, 4000000, NULL);

  cost_analysis_budget (project, r, &status);
  g_assert_cmpfloat (status.monthly_headroom, ==, -25000);
  g_assert_cmpint (status.first_month_over, ==, 0);
  g_assert_cmpfloat (status.first_month_overspend, ==, 25000);
  g_assert_cmpfloat (status.annual_headroom, ==, -500000);
  /* 10 × 375,000 = 3,750,000 ≤ 4,000,000 < 4,125,000 = 11 × 375,000 */
  g_assert_cmpint (status.annual_crossing_month, ==, 10);

  /* Reserved GPUs: 335,000 a month fits; 4,020,000 a year does not. */
  cost_analysis_budget (project, reserved, &status);
  g_assert_cmpfloat (status.monthly_headroom, ==, 15000);
  g_assert_cmpint (status.first_month_over, ==, -1);
  g_assert_cmpfloat (status.annual_headroom, ==, -20000);
  g_assert_cmpint (status.annual_crossing_month, ==, 11);
}

static void
test_budget_growth_crossing (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostScenario) growth = cost_preset_create (COST_PRESET_TRAFFIC_GROWTH, project, 0, NULL);
  g_autoptr(CostResult) r = NULL;
  CostBudgetStatus status;

  /* 400,000 a month: compute must grow by 25,000 (107,000 → 132,000), which
   * 5% a month passes in the fifth month (107,000 × 1.05⁵ = 136,563.03). */
  cost_project_set_monthly_budget (project, 400000, NULL);
  r = cost_calc_compute (project, growth);
  cost_analysis_budget (project, r, &status);
  g_assert_cmpfloat (status.monthly_headroom, ==, 25000);
  g_assert_cmpint (status.first_month_over, ==, 5);
  g_assert_cmpfloat (status.first_month_overspend, ==, cost_round_money (r->monthly[5] - 400000));
  g_assert_cmpfloat (r->monthly[4], <=, 400000);
}

static void
test_presets (void)
{
  g_autoptr(CostProject) project = load_reference ();
  const struct {
    CostPreset preset;
    double     run_rate;
  } cases[] = {
    { COST_PRESET_QUANTIZATION, 325000 },
    { COST_PRESET_DISTILLATION, 305000 },
    { COST_PRESET_RESERVED, 335000 },
    { COST_PRESET_BUY, 375000 },        /* 100 × 36,000 / 36 = 100,000 a month */
    { COST_PRESET_TRAFFIC_GROWTH, 375000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostScenario) scenario = cost_preset_create (cases[i].preset, project, 36000, &error);
      g_autoptr(CostResult) r = NULL;

      g_assert_no_error (error);
      r = cost_calc_compute (project, scenario);
      g_assert_cmpfloat (r->run_rate, ==, cases[i].run_rate);
      g_assert_cmpstr (cost_scenario_get_name (scenario), ==, cost_preset_get_name (cases[i].preset));

      if (cases[i].preset == COST_PRESET_BUY)
        {
          g_assert_cmpfloat (r->one_time, ==, 3600000);
          g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 100000);
          g_assert_true (cost_result_find_item (r, "gpu")->params.period == COST_PERIOD_ONCE);
        }
      if (cases[i].preset == COST_PRESET_TRAFFIC_GROWTH)
        g_assert_cmpfloat (r->first_year, >, 4500000);
    }
}

static void
test_presets_without_gpus (void)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CostScenario) scenario = cost_preset_create (COST_PRESET_QUANTIZATION, project, 0, &error);

  g_assert_null (scenario);
  g_assert_error (error, COST_ERROR, COST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Buying needs a price. */
  g_clear_object (&project);
  project = load_reference ();
  scenario = cost_preset_create (COST_PRESET_BUY, project, -1, &error);
  g_assert_null (scenario);
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/analysis/top-items", test_top_items);
  g_test_add_func ("/model/analysis/sensitivity", test_sensitivity);
  g_test_add_func ("/model/analysis/sensitivity-amortised", test_sensitivity_driven_by_amortisation);
  g_test_add_func ("/model/analysis/waterfall", test_waterfall);
  g_test_add_func ("/model/analysis/projection", test_projection);
  g_test_add_func ("/model/analysis/budget", test_budget);
  g_test_add_func ("/model/analysis/budget-growth", test_budget_growth_crossing);
  g_test_add_func ("/model/presets/apply", test_presets);
  g_test_add_func ("/model/presets/refused", test_presets_without_gpus);

  return g_test_run ();
}
