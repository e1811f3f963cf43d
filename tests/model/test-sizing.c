/* test-sizing.c: workload, served models, driven items, catalogue, unit economics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"
#include "cost-test-util.h"

static void
test_sizing_cases (void)
{
  const struct {
    CostWorkloadValues workload;
    CostModelValues    model;
    guint              expected;
  } cases[] = {
    /* 20 M users × 8 ÷ 86,400 × 3 = 5,555.56/s; × 40 tokens ÷ (20,000 × 0.6) = 18.52 → 19; × 2 + 2 */
    { { 20e6, 8, 3, 4 }, { COST_MODEL_LLM, 20000, 40, 0.6, 2, 2, 700 }, 40 },
    /* × 100 candidates ÷ (18,709.1 × 0.6) = 49.49 → 50; × 2 + 4 */
    { { 20e6, 8, 3, 4 }, { COST_MODEL_RANKING, 18709.1, 100, 0.6, 4, 2, 400 }, 104 },
    /* exactly 10 accelerators' worth: no eleventh from rounding */
    { { 86400, 10, 1, 4 }, { COST_MODEL_RANKING, 10, 6, 0.6, 0, 1, 0 }, 10 },
    /* a hair over: 11 */
    { { 86401, 10, 1, 4 }, { COST_MODEL_RANKING, 10, 6, 0.6, 0, 1, 0 }, 11 },
    /* no traffic: only the spares */
    { { 0, 8, 3, 4 }, { COST_MODEL_RANKING, 1000, 100, 0.6, 3, 2, 0 }, 3 },
    { { 1e6, 0, 3, 4 }, { COST_MODEL_LLM, 1000, 100, 0.6, 0, 1, 0 }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *explained = cost_sizing_explain (&cases[i].workload, &cases[i].model);

      g_assert_cmpuint (cost_sizing_accelerators (&cases[i].workload, &cases[i].model), ==, cases[i].expected);
      g_assert_nonnull (strstr (explained, "="));
    }
}

static void
test_workload_formulas (void)
{
  CostWorkloadValues w = { 20e6, 8, 3, 4 };
  g_autofree char *text = NULL;

  g_assert_cmpfloat_with_epsilon (cost_workload_values_average_qps (&w), 1851.851852, 1e-6);
  g_assert_cmpfloat_with_epsilon (cost_workload_values_peak_qps (&w), 5555.555556, 1e-6);
  g_assert_cmpfloat_with_epsilon (cost_workload_values_monthly_requests (&w), 4866666666.67, 0.01);

  text = cost_workload_explain (&w);
  g_assert_nonnull (strstr (text, "86,400"));
  g_assert_nonnull (strstr (text, "365/12"));
}

static void
test_example_llm (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  g_autoptr(GPtrArray) all = cost_calc_compute_all (project);
  CostResult *base = g_ptr_array_index (all, 0);
  CostUnitEconomics e;
  double requests = 20e6 * 8 * 365.0 / 12.0;

  /* The rewriter is sized by its tokens (Qwen2.5-7B in BF16, 300 + 40
   * tokens, 20 ms a token: 63.76 requests/s an H100 at 51 sequences):
   * ⌈5,555.6 ÷ (63.76 × 60%)⌉ = 146 × 2 + 2 = 294 H100 at 87.259/h, and
   * 104 A100 at 36.352/h, 730 h a month */
  g_assert_cmpfloat (cost_project_find_item (project, "rewriter-gpus", NULL) ?
                     cost_item_get_quantity (cost_project_find_item (project, "rewriter-gpus", NULL)) : -1, ==, 294);
  g_assert_cmpfloat (cost_result_find_item (base, "rewriter-gpus")->run_rate, ==, 18727526.58);
  g_assert_cmpfloat (cost_result_find_item (base, "ranker-gpus")->run_rate, ==, 2759843.84);
  g_assert_cmpfloat (base->run_rate, ==, 22054370.42);

  cost_unit_economics (project, base, &e);
  g_assert_true (e.has_workload);
  g_assert_cmpfloat (e.gpus_required, ==, 398);
  g_assert_cmpfloat_with_epsilon (e.monthly_requests, requests, 1e-3);
  /* 22,054,370.42 ÷ 4,866,666,666.67 × 1,000 = 4.5317 a thousand requests */
  g_assert_cmpfloat_with_epsilon (e.cost_per_1k_requests, 22054370.42 / requests * 1000, 1e-9);
  g_assert_cmpfloat (round (e.cost_per_1k_requests * 100) / 100, ==, 4.53);
  g_assert_cmpfloat_with_epsilon (e.cost_per_dau_month, 22054370.42 / 20e6, 1e-9);
  /* 300 prompt and 40 answer tokens a request */
  g_assert_cmpfloat_with_epsilon (e.cost_per_1m_tokens, 22054370.42 / (requests * 340) * 1e6, 1e-9);
  g_assert_cmpfloat_with_epsilon (e.compute_share, 21507370.42 / 22054370.42, 1e-12);

  /* The sum the planner shows, one line per accelerator type */
  {
    g_autofree char *peak = cost_peak_accelerators_explain (project, base);
    g_autofree char *summed = NULL;
    g_autofree char *none = NULL;
    g_autoptr(CostProject) empty = cost_project_new ();

    g_assert_cmpstr (peak, ==, "GPUs for the peak: 294 H100 SXM\n"
                               "GPUs for the peak: 104 A100 SXM 80GB");
    /* The ranker on H100 too: the same 104, and 294 + 104 = 398 */
    g_assert_true (cost_served_model_set_accelerator (cost_project_find_model (project, "ranker", NULL),
                                                      "H100 SXM", NULL));
    summed = cost_peak_accelerators_explain (project, base);
    g_assert_cmpstr (summed, ==, "GPUs for the peak: 294 + 104 = 398 H100 SXM");
    g_assert_true (cost_served_model_set_accelerator (cost_project_find_model (project, "ranker", NULL),
                                                      "A100 SXM 80GB", NULL));
    /* No models, no line */
    {
      g_autoptr(CostResult) r = cost_calc_compute (empty, NULL);

      none = cost_peak_accelerators_explain (empty, r);
      g_assert_null (none);
    }
  }

  /* Traffic × 3: 436 × 2 + 2 = 874 H100 and 149 × 2 + 4 = 302 A100 */
  {
    CostResult *traffic = g_ptr_array_index (all, 1);

    g_assert_cmpstr (cost_scenario_get_id (traffic->scenario), ==, "traffic-3x");
    g_assert_cmpfloat (cost_result_find_item (traffic, "rewriter-gpus")->params.quantity, ==, 874);
    g_assert_cmpfloat (cost_result_find_item (traffic, "ranker-gpus")->params.quantity, ==, 302);
    cost_unit_economics (project, traffic, &e);
    g_assert_cmpfloat (e.gpus_required, ==, 1176);
    g_assert_cmpfloat_with_epsilon (e.monthly_requests, requests * 3, 1e-3);
  }

  /* INT8: the ranker twice the throughput, 25 × 2 + 4 = 54 A100; the
   * rewriter's weights and KV cache in 8 bits, 158.18 requests/s at 126
   * sequences: 59 × 2 + 2 = 120 H100 */
  {
    CostResult *int8 = g_ptr_array_index (all, 2);

    g_assert_cmpfloat (cost_result_find_item (int8, "rewriter-gpus")->params.quantity, ==, 120);
    g_assert_cmpfloat (cost_result_find_item (int8, "ranker-gpus")->params.quantity, ==, 54);
  }
}

static void
count_cb (CostProject *project,
          guint       *count)
{
  (*count)++;
}

static void
test_driven_items_follow (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  CostWorkload *workload = cost_project_get_workload (project);
  CostItem *rewriter = cost_project_find_item (project, "rewriter-gpus", NULL);
  CostItem *ranker = cost_project_find_item (project, "ranker-gpus", NULL);
  CostServedModel *model = cost_project_find_model (project, "ranker", NULL);
  guint count = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_cb), &count);

  /* Half the users: ⌈2,777.8 ÷ (63.76 × 60%)⌉ = ⌈72.6⌉ = 73 × 2 + 2 = 148,
   * and ⌈24.74⌉ = 25 × 2 + 4 = 54; one change */
  g_assert_true (cost_workload_set_daily_active_users (workload, 10e6, NULL));
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpfloat (cost_item_get_quantity (rewriter), ==, 148);
  g_assert_cmpfloat (cost_item_get_quantity (ranker), ==, 54);

  /* A model edit: one more spare */
  g_assert_true (cost_served_model_set_value (model, "spare", 5, NULL));
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpfloat (cost_item_get_quantity (ranker), ==, 55);

  /* Unlinked, the quantity stays what it was and no longer follows. */
  cost_item_set_driver (ranker, NULL);
  g_assert_true (cost_workload_set_daily_active_users (workload, 20e6, NULL));
  g_assert_cmpfloat (cost_item_get_quantity (ranker), ==, 55);
  g_assert_cmpfloat (cost_item_get_quantity (rewriter), ==, 294);

  /* Removing a model unlinks its items. */
  cost_project_remove_model (project, 0);
  g_assert_null (cost_item_get_driver (rewriter));
  g_assert_cmpfloat (cost_item_get_quantity (rewriter), ==, 294);
}

static void
test_zero_traffic (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  g_autoptr(CostResult) r = NULL;
  CostUnitEconomics e;

  g_assert_true (cost_workload_set_daily_active_users (cost_project_get_workload (project), 0, NULL));
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (project, "rewriter-gpus", NULL)), ==, 2);
  r = cost_calc_compute (project, NULL);
  cost_unit_economics (project, r, &e);
  g_assert_true (isnan (e.cost_per_1k_requests));
  g_assert_true (isnan (e.cost_per_dau_month));
  g_assert_true (isnan (e.cost_per_1m_tokens));
  /* No orders or GMV entered: no business ratios */
  g_assert_true (isnan (e.cost_per_order));
  g_assert_true (isnan (e.gmv_share));
  g_assert_cmpfloat (e.gpus_required, ==, 2 + 4);
  g_assert_true (isfinite (r->run_rate));
}

static void
test_business_ratios (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  CostWorkload *workload = cost_project_get_workload (project);
  g_autoptr(CostResult) base = NULL;
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  CostUnitEconomics e;

  g_assert_true (cost_workload_set_orders_per_month (workload, 3e6, NULL));
  g_assert_true (cost_workload_set_gmv_per_month (workload, 1.5e9, NULL));
  base = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (base->run_rate, ==, 22054370.42);
  cost_unit_economics (project, base, &e);
  /* 22,054,370.42 ÷ 3,000,000 orders = 7.3515 an order */
  g_assert_cmpfloat_with_epsilon (e.cost_per_order, 7.35145680667, 1e-9);
  /* 22,054,370.42 ÷ 1,500,000,000 = 1.4703% of the GMV */
  g_assert_cmpfloat_with_epsilon (e.gmv_share, 0.01470291361333, 1e-12);

  /* Saved and read back */
  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"orders_per_month\": 3000000"));
  g_assert_nonnull (strstr (saved, "\"gmv_per_month\": 1500000000"));
  reloaded = cost_project_load_from_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_workload_get_orders_per_month (cost_project_get_workload (reloaded)), ==, 3e6);
  g_assert_cmpfloat (cost_workload_get_gmv_per_month (cost_project_get_workload (reloaded)), ==, 1.5e9);

  /* Cleared: 0 is "not entered", and nothing is written */
  g_assert_true (cost_workload_set_orders_per_month (workload, 0, NULL));
  g_assert_true (cost_workload_set_gmv_per_month (workload, 0, NULL));
  g_clear_pointer (&saved, g_free);
  saved = cost_project_to_data (project, NULL);
  g_assert_null (strstr (saved, "orders_per_month"));
  g_assert_null (strstr (saved, "gmv_per_month"));
  g_clear_pointer (&base, cost_result_unref);
  base = cost_calc_compute (project, NULL);
  cost_unit_economics (project, base, &e);
  g_assert_true (isnan (e.cost_per_order));
  g_assert_true (isnan (e.gmv_share));
}

/* A scenario overrides the orders and GMV like the other traffic figures. */
static void
test_business_ratios_scenario (void)
{
  const char *data =
    "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\","
    "\"workload\":{\"daily_active_users\":1000,\"requests_per_user_per_day\":10,"
    "\"peak_to_average\":1,\"peak_hours\":4,\"orders_per_month\":500,\"gmv_per_month\":100000},"
    "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[{\"id\":\"i\",\"name\":\"I\","
    "\"quantity\":1,\"unit_price\":2000,\"period\":\"month\"}]}],"
    "\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"workload\":{\"orders_per_month\":1000,"
    "\"gmv_per_month\":400000}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *saved = NULL;
  CostUnitEconomics e;

  g_assert_no_error (error);
  all = cost_calc_compute_all (project);
  /* 2,000 a month ÷ 500 orders = 4; ÷ 100,000 GMV = 2% */
  cost_unit_economics (project, g_ptr_array_index (all, 0), &e);
  g_assert_cmpfloat_with_epsilon (e.cost_per_order, 4, 1e-12);
  g_assert_cmpfloat_with_epsilon (e.gmv_share, 0.02, 1e-12);
  /* The scenario: ÷ 1,000 orders = 2; ÷ 400,000 = 0.5% */
  cost_unit_economics (project, g_ptr_array_index (all, 1), &e);
  g_assert_cmpfloat_with_epsilon (e.cost_per_order, 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (e.gmv_share, 0.005, 1e-12);

  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"orders_per_month\": 1000"));
  g_assert_nonnull (strstr (saved, "\"gmv_per_month\": 400000"));
}

static void
test_refused_values (void)
{
  g_autoptr(CostServedModel) model = cost_served_model_new ("m", "M");
  g_autoptr(CostWorkload) workload = cost_workload_new ();
  GError *error = NULL;

  g_assert_false (cost_served_model_set_value (model, "throughput", 0, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "throughput", -5, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "utilisation", 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "utilisation", 1.2, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "replicas", 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "spare", 1.5, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "throughput", NAN, &error));
  g_clear_error (&error);
  g_assert_false (cost_workload_set_peak_to_average (workload, 0.5, &error));
  g_clear_error (&error);
  g_assert_false (cost_workload_set_daily_active_users (workload, -1, &error));
  g_clear_error (&error);
  g_assert_false (cost_workload_set_peak_hours (workload, 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_workload_set_orders_per_month (workload, -1, &error));
  g_clear_error (&error);
  g_assert_false (cost_workload_set_gmv_per_month (workload, NAN, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (cost_workload_get_orders_per_month (workload), ==, 0);

  g_assert_cmpfloat (cost_served_model_get_value (model, "throughput"), ==, 1000);
  g_assert_cmpfloat (cost_served_model_get_value (model, "utilisation"), ==, 0.6);
}

static void
test_bad_files (void)
{
  const struct {
    const char *data;
    const char *message;
  } cases[] = {
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm\",\"throughput\":0,\"work_per_request\":1}],\"categories\":[]}",
      "models[0].throughput: The throughput per accelerator must be more than 0" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm\",\"throughput\":10,\"work_per_request\":1,\"utilisation\":1.5}],\"categories\":[]}",
      "models[0].utilisation: The target utilisation must be more than 0% and at most 100%" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"vision\",\"throughput\":10,\"work_per_request\":1}],\"categories\":[]}",
      "models[0].kind: must be “ranking”, “llm” or “llm-tokens”" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[{\"id\":\"i\",\"name\":\"I\",\"quantity\":1,\"unit_price\":1,\"period\":\"month\",\"driver\":\"ghost\"}]}]}",
      "categories[0].items[0].driver: no served model has the id “ghost”" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"workload\":{\"daily_active_users\":-3},\"categories\":[]}",
      "workload.daily_active_users: Daily active users must be a number from 0" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"workload\":{\"dau\":3},\"categories\":[]}",
      "workload.dau: is not a value ModelCost knows" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"workload\":{\"orders_per_month\":-1},\"categories\":[]}",
      "workload.orders_per_month: Orders per month must be a number from 0" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"workload\":{\"gmv_per_month\":\"lots\"},\"categories\":[]}",
      "workload.gmv_per_month:" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"workload\":{\"gmv_per_month\":1e16},\"categories\":[]}",
      "workload.gmv_per_month: GMV per month must be an amount from 0" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"ghost\":{\"throughput\":5}}}]}",
      "scenarios[0].models.ghost: no served model has this id" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"exchange_rates\":[{\"currency\":\"USD\",\"rate\":0}],\"categories\":[]}",
      "exchange_rates[0].rate: must be a number between" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"pue\":0.5,\"categories\":[]}",
      "pue: must be a number between 1 and 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (cases[i].data, -1, &error);

      if (project != NULL || strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message,
                 error ? error->message : "(loaded)");
    }
}

static void
test_round_trip (void)
{
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  project = cost_project_load_from_data (original, length, &error);
  g_assert_no_error (error);
  saved = cost_project_to_data (project, NULL);
  g_assert_cmpstr (saved, ==, original);
}

static void
test_power (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  g_autoptr(CostItem) power = cost_item_new ("power", "Power");
  g_autoptr(CostResult) r = NULL;
  g_autoptr(CostResult) traffic = NULL;
  CostCategory *operations = cost_project_find_category (project, "operations", NULL);

  /* (294 × 700 W + 104 × 400 W) = 247.4 kW × PUE 1.3 × 730 h = 234,782.6 kWh at 0.8 a kWh */
  cost_item_set_unit (power, "kWh", NULL);
  cost_item_set_unit_price (power, 0.8, NULL);
  cost_item_set_driver (power, "power");
  cost_category_add_item (operations, power);
  g_assert_cmpfloat (cost_item_get_quantity (power), ==, 234782.6);

  r = cost_calc_compute (project, NULL);
  g_assert_cmpfloat (cost_result_find_item (r, "power")->run_rate, ==, 187826.08);

  /* Under traffic × 3 the power follows the accelerators: (874 × 700 + 302 × 400) W */
  traffic = cost_calc_compute (project, cost_project_find_scenario (project, "traffic-3x", NULL));
  g_assert_cmpfloat (cost_result_find_item (traffic, "power")->params.quantity, ==,
                     round ((874 * 0.7 + 302 * 0.4) * 1.3 * 730 * 1000) / 1000);

  g_assert_true (cost_project_set_pue (project, 1.0, NULL));
  g_assert_cmpfloat (cost_item_get_quantity (power), ==, 180602);
}

static void
test_catalogue (void)
{
  g_autoptr(CostCatalogue) catalogue = cost_catalogue_new ();
  g_autoptr(GError) error = NULL;
  const CostAccelerator *h100;
  const CostThroughput *t;
  const CostPrice *price;
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  double converted = 0;

  g_assert_true (cost_catalogue_load_builtin (catalogue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, 10);

  h100 = cost_catalogue_find (catalogue, "H100 SXM");
  g_assert_nonnull (h100);
  g_assert_cmpfloat (h100->memory_gb, ==, 80);
  g_assert_cmpfloat (h100->bf16_tflops, ==, 989);
  g_assert_cmpfloat (h100->tdp_w, ==, 700);
  g_assert_nonnull (strstr (h100->source, "datasheet"));

  t = cost_accelerator_get_throughput (h100, COST_MODEL_RANKING);
  g_assert_cmpstr (t->benchmark, ==, "dlrm-v2-99");
  g_assert_cmpstr (t->scenario, ==, "Server");
  g_assert_cmpfloat (t->value, ==, 63769.39);
  g_assert_nonnull (strstr (t->source, "MLPerf Inference v4.1"));
  t = cost_accelerator_get_throughput (h100, COST_MODEL_LLM);
  g_assert_cmpfloat (t->value, ==, 2700.72);
  g_assert_cmpstr (t->unit, ==, "tokens/s");

  price = cost_accelerator_get_price (h100);
  g_assert_cmpstr (price->provider, ==, "AWS");
  g_assert_cmpfloat (price->per_gpu_hour, ==, 12.29);
  g_assert_true (price->example);

  /* 12.29 USD at the project's 7.10: 87.259 CNY */
  g_assert_true (cost_price_convert (project, price->per_gpu_hour, price->currency, &converted, &error));
  g_assert_cmpfloat (converted, ==, 87.259);
  g_assert_true (cost_project_set_exchange_rate (project, "USD", 0, NULL, NULL));
  g_assert_false (cost_price_convert (project, price->per_gpu_hour, price->currency, &converted, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "USD"));
}

/* A figure more than twice, or less than half, the catalogue's is flagged:
 * one rule for throughputs and prices. */
static void
test_catalogue_far (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  CostServedModel *ranker = cost_project_find_model (project, "ranker", NULL);
  CostServedModel *rewriter = cost_project_find_model (project, "rewriter", NULL);
  CostItem *rewriter_gpus = cost_project_find_item (project, "rewriter-gpus", NULL);
  CostCatalogueCheck check;
  double reference;

  g_assert_false (cost_catalogue_is_far (2, 1));
  g_assert_true (cost_catalogue_is_far (2.01, 1));
  g_assert_false (cost_catalogue_is_far (0.5, 1));
  g_assert_true (cost_catalogue_is_far (0.49, 1));
  g_assert_false (cost_catalogue_is_far (0, 1));
  g_assert_false (cost_catalogue_is_far (NAN, 1));
  g_assert_false (cost_catalogue_is_far (5, NAN));

  /* The example's ranker takes the catalogue's A100 result and price:
   * 5.12 USD × 7.10 = 36.352 CNY a GPU-hour, as its item is priced. */
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, ranker, &check);
    g_assert_nonnull (check.throughput);
    g_assert_cmpfloat (check.throughput->value, ==, 18709.1);
    g_assert_false (check.throughput_far);
    g_assert_nonnull (check.price);
    g_assert_cmpfloat_with_epsilon (check.price_reference, 36.352, 1e-9);
    g_assert_cmpfloat_with_epsilon (check.price_entered, 36.352, 1e-9);
    g_assert_false (check.price_far);
  }
  reference = check.throughput->value;

  /* Three times the throughput is far; half of it is not; less is. */
  g_assert_true (cost_served_model_set_value (ranker, "throughput", 3 * reference, NULL));
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, ranker, &check);
    g_assert_true (check.throughput_far);
  }
  g_assert_true (cost_served_model_set_value (ranker, "throughput", reference / 2, NULL));
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, ranker, &check);
    g_assert_false (check.throughput_far);
  }

  /* The H100 at 12.29 USD × 7.10 = 87.259: 200 a GPU-hour is more than
   * twice (174.518), 43 less than half (43.6295), 44 is not. */
  cost_item_set_unit_price (rewriter_gpus, 200, NULL);
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, rewriter, &check);
    g_assert_cmpfloat_with_epsilon (check.price_reference, 87.259, 1e-9);
    g_assert_true (check.price_far);
    /* An LLM sized by tokens has no entered throughput to compare. */
    g_assert_null (check.throughput);
    g_assert_false (check.throughput_far);
  }
  cost_item_set_unit_price (rewriter_gpus, 43, NULL);
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, rewriter, &check);
    g_assert_true (check.price_far);
  }
  cost_item_set_unit_price (rewriter_gpus, 44, NULL);
  {
    g_autoptr(CostResult) r = cost_calc_compute (project, NULL);

    cost_catalogue_check_model (project, r, rewriter, &check);
    g_assert_false (check.price_far);
  }
}

static void
test_user_catalogue (void)
{
  g_autoptr(CostCatalogue) catalogue = cost_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("modelcost-catalogue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gpu-catalogue.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *good =
    "{\"format\":\"modelcost-catalogue\",\"version\":1,\"accelerators\":["
    "{\"id\":\"ascend-910b\",\"name\":\"Ascend 910B\",\"vendor\":\"Huawei\",\"tdp_w\":400,\"source\":\"our own measurements\","
    " \"throughput\":[{\"benchmark\":\"in-house ranking\",\"kind\":\"ranking\",\"value\":15000,\"unit\":\"samples/s\",\"source\":\"load test 2026-10\"}]},"
    "{\"id\":\"h100-sxm\",\"name\":\"H100 SXM\",\"tdp_w\":700,\"source\":\"our contract\","
    " \"prices\":[{\"provider\":\"Our cloud\",\"per_gpu_hour\":60,\"currency\":\"CNY\",\"as_of\":\"2026-09-01\"}]}]}";

  g_assert_true (cost_catalogue_load_builtin (catalogue, NULL));

  /* A missing user file is fine. */
  g_assert_true (cost_catalogue_load_user (catalogue, file, &error));
  g_assert_null (cost_catalogue_get_user_error (catalogue));

  /* A malformed one is reported, with where and why; the built-in entries stay. */
  g_assert_true (g_file_set_contents (path, "{\"format\":\"modelcost-catalogue\",\"accelerators\":[{\"id\":\"x\",\"name\":\"X\",\"prices\":[{\"provider\":\"p\",\"per_gpu_hour\":-1,\"currency\":\"USD\"}]}]}", -1, NULL));
  g_assert_false (cost_catalogue_load_user (catalogue, file, &error));
  g_assert_nonnull (strstr (error->message, "accelerators[0].prices[0].per_gpu_hour: must be a number greater than 0"));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (cost_catalogue_get_user_error (catalogue));
  g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, 10);
  g_assert_null (cost_catalogue_find (catalogue, "x"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "not json", -1, NULL));
  g_assert_false (cost_catalogue_load_user (catalogue, file, &error));
  g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, 10);
  g_clear_error (&error);

  /* A good one adds an accelerator and replaces another by id. */
  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  g_assert_true (cost_catalogue_load_user (catalogue, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, 11);
  g_assert_true (cost_catalogue_find (catalogue, "Ascend 910B")->from_user);
  g_assert_cmpfloat (cost_accelerator_get_price (cost_catalogue_find (catalogue, "h100-sxm"))->per_gpu_hour, ==, 60);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/sizing/cases", test_sizing_cases);
  g_test_add_func ("/model/sizing/workload-formulas", test_workload_formulas);
  g_test_add_func ("/model/sizing/example-llm", test_example_llm);
  g_test_add_func ("/model/sizing/driven-items", test_driven_items_follow);
  g_test_add_func ("/model/sizing/zero-traffic", test_zero_traffic);
  g_test_add_func ("/model/sizing/business-ratios", test_business_ratios);
  g_test_add_func ("/model/sizing/business-ratios-scenario", test_business_ratios_scenario);
  g_test_add_func ("/model/sizing/refused-values", test_refused_values);
  g_test_add_func ("/model/sizing/bad-files", test_bad_files);
  g_test_add_func ("/model/sizing/round-trip", test_round_trip);
  g_test_add_func ("/model/sizing/power", test_power);
  g_test_add_func ("/model/catalogue/builtin", test_catalogue);
  g_test_add_func ("/model/catalogue/user", test_user_catalogue);
  g_test_add_func ("/model/catalogue/far", test_catalogue_far);

  return g_test_run ();
}
