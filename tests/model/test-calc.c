/* test-calc.c: the cost maths of src/model/cost-model.md, checked against hand-computed figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cost-calc.h"
#include "cost-project-io.h"
#include "cost-test-util.h"

static CostProject *
load_reference (void)
{
  return cost_test_load_example ("reference.modelcost");
}

static void
test_reference_case (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostResult) r = cost_calc_compute (project, NULL);
  const struct { const char *id; double monthly; } expected[] = {
    { "compute", 107000 }, { "data", 3000 }, { "labor", 175000 }, { "operations", 90000 },
  };

  g_assert_cmpuint (r->n_categories, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CostCategoryFigures *cf = cost_result_find_category (r, expected[i].id);

      g_assert_nonnull (cf);
      g_assert_cmpfloat (cf->run_rate, ==, expected[i].monthly);
      g_assert_cmpfloat (cf->first_year, ==, expected[i].monthly * 12);
      g_assert_cmpfloat_with_epsilon (cf->share, expected[i].monthly / 375000.0, 1e-12);
    }

  g_assert_cmpfloat (r->run_rate, ==, 375000);
  g_assert_cmpfloat (r->first_year, ==, 4500000);
  g_assert_cmpfloat (r->horizon_total, ==, 4500000);
  g_assert_cmpfloat (r->one_time, ==, 0);
  g_assert_cmpint (r->horizon, ==, 12);
  for (int m = 0; m < 12; m++)
    g_assert_cmpfloat (r->monthly[m], ==, 375000);

  g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 100000);
  g_assert_cmpfloat (cost_result_find_item (r, "data-engineers")->run_rate, ==, 80000);
  g_assert_cmpfloat_with_epsilon (cost_result_find_item (r, "gpu")->share, 100000 / 375000.0, 1e-12);
}

static void
test_reference_scenarios (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(GPtrArray) all = cost_calc_compute_all (project);
  CostResult *int8, *reserved;

  g_assert_cmpuint (all->len, ==, 3);
  int8 = g_ptr_array_index (all, 1);
  reserved = g_ptr_array_index (all, 2);
  g_assert_cmpstr (cost_scenario_get_id (int8->scenario), ==, "int8");
  g_assert_cmpfloat (int8->run_rate, ==, 325000);
  g_assert_cmpfloat (reserved->run_rate, ==, 335000);
  g_assert_cmpfloat (int8->first_year, ==, 325000 * 12);
  g_assert_true (cost_result_find_item (int8, "gpu")->overridden & COST_OVERRIDE_QUANTITY);
  g_assert_cmpfloat (cost_result_find_item (int8, "gpu")->params.quantity, ==, 50);
}

/* One item in a fresh project with the given horizon. */
static CostItem *
single_item (CostProject **out_project,
             int           horizon,
             double        quantity,
             double        price,
             CostPeriod    period)
{
  CostProject *project = cost_project_new ();
  g_autoptr(CostCategory) category = cost_category_new ("c", "C");
  g_autoptr(CostItem) item = cost_item_new ("i", "I");

  g_assert_true (cost_project_set_horizon (project, horizon, NULL));
  cost_project_add_category (project, category);
  cost_category_add_item (category, item);
  g_assert_true (cost_item_set_quantity (item, quantity, NULL));
  g_assert_true (cost_item_set_unit_price (item, price, NULL));
  g_assert_true (cost_item_set_period (item, period, NULL));
  *out_project = project;

  return item;
}

static void
test_periods (void)
{
  const struct {
    CostPeriod period;
    double     quantity;
    double     price;
    double     monthly;
  } cases[] = {
    /* 8760 h / 12 = 730 h a month */
    { COST_PERIOD_HOUR, 8, 12.29, 8 * 12.29 * 730 },        /* 71,773.60 */
    { COST_PERIOD_HOUR, 1, 1.37, 1000.10 },
    /* 365/12 days a month */
    { COST_PERIOD_DAY, 3, 100, 9125 },
    { COST_PERIOD_MONTH, 100, 1000, 100000 },
    { COST_PERIOD_YEAR, 2, 1200, 200 },
    { COST_PERIOD_YEAR, 1, 1000, 83.33 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CostProject) project = NULL;
      g_autoptr(CostResult) r = NULL;

      single_item (&project, 12, cases[i].quantity, cases[i].price, cases[i].period);
      r = cost_calc_compute (project, NULL);
      g_assert_cmpfloat (r->run_rate, ==, cost_round_money (cases[i].monthly));
      g_assert_cmpfloat (r->monthly[0], ==, cost_round_money (cases[i].monthly));
      g_assert_cmpfloat (r->first_year, ==, cost_round_money (r->monthly[0] * 12));
    }
}

static void
test_hourly_exact (void)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostResult) r = NULL;

  /* 8 H100 at 12.29/h: 8 × 12.29 × 730 = 71,773.60 exactly, not 71,773.599999 */
  single_item (&project, 12, 8, 12.29, COST_PERIOD_HOUR);
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 71773.6);
  g_assert_cmpfloat (r->first_year, ==, 861283.2);
}

static void
test_once (void)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostResult) r = NULL;
  CostItem *item = single_item (&project, 12, 10, 25000, COST_PERIOD_ONCE);

  /* Not amortised: the whole amount in its start month, outside the run-rate. */
  g_assert_true (cost_item_set_active_months (item, 2, -1, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 0);
  g_assert_cmpfloat (r->one_time, ==, 250000);
  g_assert_cmpfloat (r->monthly[1], ==, 0);
  g_assert_cmpfloat (r->monthly[2], ==, 250000);
  g_assert_cmpfloat (r->monthly[3], ==, 0);
  g_assert_cmpfloat (r->first_year, ==, 250000);
  g_assert_cmpfloat (r->horizon_total, ==, 250000);
}

static void
test_amortisation (void)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostResult) r = NULL;
  CostItem *item = single_item (&project, 36, 100, 36000, COST_PERIOD_ONCE);

  /* 100 GPUs bought at 36,000 each, depreciated over 36 months from month 0:
   * 100,000 a month, in the run-rate. */
  g_assert_true (cost_item_set_amortize_months (item, 36, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 100000);
  g_assert_cmpfloat (r->one_time, ==, 3600000);
  g_assert_cmpfloat (r->first_year, ==, 1200000);
  g_assert_cmpfloat (r->horizon_total, ==, 3600000);
  g_clear_pointer (&r, cost_result_unref);

  /* Starting in month 30 the last 30 months fall outside the horizon. */
  g_assert_true (cost_item_set_active_months (item, 30, -1, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->monthly[29], ==, 0);
  g_assert_cmpfloat (r->monthly[30], ==, 100000);
  g_assert_cmpfloat (r->monthly[35], ==, 100000);
  g_assert_cmpfloat (r->horizon_total, ==, 600000);
  g_assert_cmpfloat (r->first_year, ==, 0);
  g_clear_pointer (&r, cost_result_unref);

  /* Amortisation 3 over 7,000: 2,333.33 a month; 3 × 2,333.33… totals 7,000. */
  g_assert_true (cost_item_set_active_months (item, 0, -1, NULL));
  g_assert_true (cost_item_set_amortize_months (item, 3, NULL));
  g_assert_true (cost_item_set_quantity (item, 1, NULL));
  g_assert_true (cost_item_set_unit_price (item, 7000, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 2333.33);
  g_assert_cmpfloat (r->horizon_total, ==, 7000);
}

static void
test_active_months (void)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostResult) r = NULL;
  CostItem *item = single_item (&project, 12, 5, 10000, COST_PERIOD_MONTH);

  /* Months 3..5 (the 4th to the 6th month): three months of 50,000. */
  g_assert_true (cost_item_set_active_months (item, 3, 5, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 50000);
  g_assert_cmpfloat (r->monthly[2], ==, 0);
  g_assert_cmpfloat (r->monthly[3], ==, 50000);
  g_assert_cmpfloat (r->monthly[5], ==, 50000);
  g_assert_cmpfloat (r->monthly[6], ==, 0);
  g_assert_cmpfloat (r->first_year, ==, 150000);
  g_assert_cmpfloat (r->horizon_total, ==, 150000);
}

static void
test_growth (void)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostResult) r = NULL;
  CostItem *item = single_item (&project, 24, 1, 1000, COST_PERIOD_MONTH);
  double expected_year = 0, expected_total = 0;

  /* 10% a month from month 2: 1000, 1100, 1210, ... */
  g_assert_true (cost_item_set_monthly_growth (item, 0.10, NULL));
  g_assert_true (cost_item_set_active_months (item, 2, -1, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 1000);
  g_assert_cmpfloat (r->monthly[1], ==, 0);
  g_assert_cmpfloat (r->monthly[2], ==, 1000);
  g_assert_cmpfloat (r->monthly[3], ==, 1100);
  g_assert_cmpfloat (r->monthly[4], ==, 1210);
  g_assert_cmpfloat (r->monthly[5], ==, 1331);

  /* Each month is billed in whole cents, and the totals are the sum of the
   * bills: months 2..11 are 1,000, 1,100, 1,210, 1,331, 1,464.10, 1,610.51,
   * 1,771.56, 1,948.72, 2,143.59, 2,357.95 = 15,937.43 */
  for (int k = 0; k < 10; k++)
    expected_year += cost_round_money (1000 * pow (1.1, k));
  for (int k = 0; k < 22; k++)
    expected_total += cost_round_money (1000 * pow (1.1, k));
  g_assert_cmpfloat (r->first_year, ==, 15937.43);
  g_assert_cmpfloat (r->first_year, ==, cost_round_money (expected_year));
  g_assert_cmpfloat (r->horizon_total, ==, cost_round_money (expected_total));
  for (int m = 0; m < 24; m++)
    expected_total -= r->monthly[m];
  g_assert_cmpfloat (fabs (expected_total), <, 1e-6);
}

/* An item's months, from cost_calc_item_months(), are hand-computed
 * figures, and the very amounts cost_calc_compute() adds into the project's
 * totals: one formula serves both. */
static void
test_item_months (void)
{
  const struct {
    const char *what;
    CostItemParams params;
    double      run_rate;
    double      months[6];     /* the first six */
  } cases[] = {
    { "hourly", { 8, 12.29, 0, 1, COST_PERIOD_HOUR, 1, 0, -1 }, 71773.6,
      { 71773.6, 71773.6, 71773.6, 71773.6, 71773.6, 71773.6 } },
    { "daily, factor 0.9", { 3, 100, 0, 0.9, COST_PERIOD_DAY, 1, 0, -1 }, 8212.5,
      { 8212.5, 8212.5, 8212.5, 8212.5, 8212.5, 8212.5 } },
    { "yearly", { 1, 1000, 0, 1, COST_PERIOD_YEAR, 1, 0, -1 }, 83.33,
      { 83.33, 83.33, 83.33, 83.33, 83.33, 83.33 } },
    { "months 3 to 4", { 5, 10000, 0, 1, COST_PERIOD_MONTH, 1, 3, 4 }, 50000,
      { 0, 0, 0, 50000, 50000, 0 } },
    { "growth 10% from month 2", { 1, 1000, 0.10, 1, COST_PERIOD_MONTH, 1, 2, -1 }, 1000,
      { 0, 0, 1000, 1100, 1210, 1331 } },
    { "once, in month 1", { 10, 25000, 0, 1, COST_PERIOD_ONCE, 1, 1, -1 }, 0,
      { 0, 250000, 0, 0, 0, 0 } },
    { "7,000 amortised over 3 months", { 1, 7000, 0, 1, COST_PERIOD_ONCE, 3, 0, -1 }, 2333.33,
      { 2333.33, 2333.34, 2333.33, 0, 0, 0 } },
    { "starts after the horizon", { 1, 1000, 0, 1, COST_PERIOD_MONTH, 1, 40, -1 }, 0,
      { 0, 0, 0, 0, 0, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CostItemParams *p = &cases[i].params;
      g_autoptr(CostProject) project = NULL;
      g_autoptr(CostResult) r = NULL;
      CostItem *item;
      double months[24];
      double sum = 0;

      g_test_message ("%s", cases[i].what);
      cost_calc_item_months (p, 24, months);
      for (int m = 0; m < 6; m++)
        g_assert_cmpfloat (months[m], ==, cases[i].months[m]);
      g_assert_cmpfloat (cost_calc_item_run_rate (p, 24), ==, p->start_month < 24 ? cases[i].run_rate : 0);

      /* The same item in a project: its months are the project's. */
      item = single_item (&project, 24, p->quantity, p->unit_price, p->period);
      g_assert_true (cost_item_set_amortize_months (item, p->amortize_months, NULL));
      g_assert_true (cost_item_set_monthly_growth (item, p->monthly_growth, NULL));
      if (p->start_month < 24)
        g_assert_true (cost_item_set_active_months (item, p->start_month, p->end_month, NULL));
      g_assert_true (cost_category_set_factor (cost_project_get_category (project, 0), p->factor, NULL));
      r = cost_calc_compute (project, NULL);
      if (p->start_month < 24)
        {
          for (int m = 0; m < 24; m++)
            {
              g_assert_cmpfloat (r->monthly[m], ==, months[m]);
              sum = cost_round_money (sum + months[m]);
            }
          g_assert_cmpfloat (r->horizon_total, ==, sum);
          g_assert_cmpfloat (r->run_rate, ==, cases[i].run_rate);
        }
    }
}

static void
test_factor (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostResult) r = NULL;
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);

  /* A 10% negotiated discount on compute: 107,000 → 96,300 */
  g_assert_true (cost_category_set_factor (compute, 0.9, NULL));
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (cost_result_find_category (r, "compute")->run_rate, ==, 96300);
  g_assert_cmpfloat (r->run_rate, ==, 364300);
  g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 90000);
}

static void
test_equal_totals (void)
{
  g_autoptr(CostProject) project = cost_project_new ();
  g_autoptr(CostCategory) category = cost_category_new ("c", "C");
  g_autoptr(CostResult) r = NULL;

  /* 0.1 + 0.2 + ... in floating point drifts; the totals must not. */
  cost_project_add_category (project, category);
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(CostItem) item = cost_item_new (NULL, "x");

      cost_item_set_quantity (item, 3, NULL);
      cost_item_set_unit_price (item, 0.1, NULL);
      cost_category_add_item (category, item);
    }
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (r->run_rate, ==, 300);
  g_assert_cmpfloat (r->first_year, ==, 3600);
}

static void
test_refused_values (void)
{
  g_autoptr(CostProject) project = NULL;
  CostItem *item = single_item (&project, 12, 1, 1, COST_PERIOD_MONTH);
  GError *error = NULL;

  g_assert_false (cost_item_set_quantity (item, -1, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (cost_item_set_quantity (item, NAN, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_unit_price (item, INFINITY, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_unit_price (item, 2e15, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_amortize_months (item, 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_active_months (item, 12, -1, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_active_months (item, 3, 2, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_active_months (item, 0, 12, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_monthly_growth (item, -1.5, &error));
  g_clear_error (&error);
  g_assert_false (cost_item_set_price_as_of (item, "2026-02-30", &error));
  g_clear_error (&error);
  g_assert_false (cost_category_set_factor (cost_item_get_category (item), -0.5, &error));
  g_clear_error (&error);
  g_assert_false (cost_project_set_currency (project, "yuan", &error));
  g_clear_error (&error);
  g_assert_false (cost_project_set_horizon (project, 0, &error));
  g_clear_error (&error);

  /* The last good values survive. */
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 1);
  g_assert_cmpfloat (cost_item_get_unit_price (item), ==, 1);
  g_assert_cmpuint (cost_item_get_amortize_months (item), ==, 1);
  g_assert_cmpint (cost_item_get_start_month (item), ==, 0);
  g_assert_cmpint (cost_item_get_end_month (item), ==, -1);
  g_assert_cmpstr (cost_item_get_price_as_of (item), ==, "");
  g_assert_cmpstr (cost_project_get_currency (project), ==, "CNY");

  /* A horizon that would cut an active item short is refused. */
  g_assert_true (cost_project_set_horizon (project, 24, NULL));
  g_assert_true (cost_item_set_active_months (item, 20, -1, NULL));
  g_assert_false (cost_project_set_horizon (project, 12, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (cost_project_get_horizon (project), ==, 24);
}

static void
count_changed_cb (CostProject *project,
                  guint       *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(CostProject) project = load_reference ();
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  g_autoptr(CostItem) extra = cost_item_new (NULL, "Extra");
  guint count = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_changed_cb), &count);

  cost_item_set_quantity (gpu, 120, NULL);
  g_assert_cmpuint (count, ==, 1);
  cost_item_set_quantity (gpu, 120, NULL); /* no change, no signal */
  g_assert_cmpuint (count, ==, 1);
  cost_item_set_active_months (gpu, 1, 5, NULL); /* two properties, one edit */
  g_assert_cmpuint (count, ==, 2);
  cost_category_add_item (compute, extra);
  g_assert_cmpuint (count, ==, 3);
  cost_category_move_item (compute, 0, 2);
  g_assert_cmpuint (count, ==, 4);
  g_assert_true (cost_category_get_item (compute, 2) == gpu);
  cost_project_move_category (project, 3, 0);
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpstr (cost_category_get_id (cost_project_get_category (project, 0)), ==, "operations");

  cost_project_begin_change (project);
  cost_item_set_quantity (gpu, 1, NULL);
  cost_item_set_unit_price (gpu, 1, NULL);
  cost_category_set_name (compute, "GPU cloud", NULL);
  g_assert_cmpuint (count, ==, 5);
  cost_project_end_change (project);
  g_assert_cmpuint (count, ==, 6);

  cost_scenario_set_factor (cost_project_get_scenario (project, 0), "labor", 1.1, NULL);
  g_assert_cmpuint (count, ==, 7);
}

static void
test_scenario_semantics (void)
{
  g_autoptr(CostProject) project = load_reference ();
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  g_autoptr(CostItem) added = cost_item_new ("distill-run", "Distillation run");
  g_autoptr(CostResult) r = NULL;
  CostOverride o = { .fields = COST_OVERRIDE_UNIT_PRICE, .unit_price = 900 };

  /* A baseline edit of a value the scenario does not override flows through:
   * price 1,000 → 1,200 gives 50 × 1,200 = 60,000 for the GPUs. */
  cost_item_set_unit_price (gpu, 1200, NULL);
  r = cost_calc_compute (project, int8);
  g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 60000);
  g_assert_cmpfloat (r->run_rate, ==, 375000 - 100000 + 60000);
  g_clear_pointer (&r, cost_result_unref);

  /* Overriding the price too; the baseline quantity edit does not flow into it. */
  g_assert_true (cost_scenario_set_override (int8, "gpu", &o, NULL));
  cost_item_set_quantity (gpu, 200, NULL);
  r = cost_calc_compute (project, int8);
  g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 45000);
  g_clear_pointer (&r, cost_result_unref);

  /* Reset the quantity: the baseline's 200 applies again. */
  cost_scenario_reset_override (int8, "gpu", COST_OVERRIDE_QUANTITY);
  r = cost_calc_compute (project, int8);
  g_assert_cmpfloat (cost_result_find_item (r, "gpu")->run_rate, ==, 180000);
  g_clear_pointer (&r, cost_result_unref);

  /* Excluded and added items; a factor override. */
  cost_scenario_set_excluded (int8, "security-devices", TRUE);
  cost_item_set_quantity (added, 1, NULL);
  cost_item_set_unit_price (added, 12000, NULL);
  cost_scenario_add_item (int8, "compute", added);
  g_assert_true (cost_scenario_set_factor (int8, "data", 2.0, NULL));
  r = cost_calc_compute (project, int8);
  g_assert_true (cost_result_find_item (r, "security-devices")->excluded);
  g_assert_cmpfloat (cost_result_find_item (r, "security-devices")->run_rate, ==, 0);
  g_assert_cmpfloat (cost_result_find_category (r, "operations")->run_rate, ==, 80000);
  g_assert_cmpfloat (cost_result_find_item (r, "distill-run")->run_rate, ==, 12000);
  g_assert_true (cost_result_find_item (r, "distill-run")->added);
  g_assert_cmpfloat (cost_result_find_category (r, "data")->run_rate, ==, 6000);
  g_assert_cmpfloat (cost_result_find_category (r, "compute")->run_rate, ==, 180000 + 5000 + 2000 + 12000);
  g_clear_pointer (&r, cost_result_unref);

  /* The baseline is untouched by any of it. */
  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (cost_result_find_category (r, "operations")->run_rate, ==, 90000);
  g_assert_null (cost_result_find_item (r, "distill-run"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/calc/reference-case", test_reference_case);
  g_test_add_func ("/model/calc/reference-scenarios", test_reference_scenarios);
  g_test_add_func ("/model/calc/periods", test_periods);
  g_test_add_func ("/model/calc/hourly-exact", test_hourly_exact);
  g_test_add_func ("/model/calc/once", test_once);
  g_test_add_func ("/model/calc/amortisation", test_amortisation);
  g_test_add_func ("/model/calc/active-months", test_active_months);
  g_test_add_func ("/model/calc/growth", test_growth);
  g_test_add_func ("/model/calc/factor", test_factor);
  g_test_add_func ("/model/calc/item-months", test_item_months);
  g_test_add_func ("/model/calc/equal-totals", test_equal_totals);
  g_test_add_func ("/model/calc/refused-values", test_refused_values);
  g_test_add_func ("/model/project/changed-signal", test_changed_signal);
  g_test_add_func ("/model/scenario/semantics", test_scenario_semantics);

  return g_test_run ();
}
