/* test-llm-project.c: an LLM sized by tokens in a project: files, scenarios,
 * driven items, the figures of each model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-project-io.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"

/* Query rewriting with Qwen2.5-7B in FP8 on H100 for 20 M users searching
 * 8 times a day, at peak 3 × the average: 5,555.6 requests/s. */
#define PROJECT \
  "{\n" \
  "  \"format\": \"modelcost\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Rewriting\",\n" \
  "  \"currency\": \"CNY\",\n" \
  "  \"horizon_months\": 12,\n" \
  "  \"workload\": {\"daily_active_users\": 20000000, \"requests_per_user_per_day\": 8, \"peak_to_average\": 3, \"peak_hours\": 4},\n" \
  "  \"models\": [\n" \
  "    {\"id\": \"rewriter\", \"name\": \"Rewriter\", \"kind\": \"llm-tokens\", \"accelerator\": \"H100 SXM\", \"preset\": \"Qwen2.5-7B\", " \
  "\"weight_precision\": \"fp8\", \"kv_precision\": \"fp8\", \"input_tokens\": 300, \"output_tokens\": 40, \"ttft_ms\": 500, " \
  "\"tpot_ms\": 30, \"utilisation\": 0.6, \"spare\": 2, \"replicas\": 2, \"power_watts\": 700}\n" \
  "  ],\n" \
  "  \"categories\": [\n" \
  "    {\"id\": \"compute\", \"name\": \"Compute\", \"items\": [\n" \
  "      {\"id\": \"gpus\", \"name\": \"GPUs\", \"quantity\": 1, \"unit\": \"GPU\", \"unit_price\": 87.259, \"period\": \"hour\", \"driver\": \"rewriter\"}\n" \
  "    ]}\n" \
  "  ],\n" \
  "  \"scenarios\": [\n" \
  "    {\"id\": \"int4\", \"name\": \"INT4\", \"models\": {\"rewriter\": {\"weight_precision\": \"int4\"}}},\n" \
  "    {\"id\": \"long\", \"name\": \"Long answers\", \"models\": {\"rewriter\": {\"output_tokens\": 400, \"tpot_ms\": 50}}},\n" \
  "    {\"id\": \"h200\", \"name\": \"H200\", \"models\": {\"rewriter\": {\"gpu_memory_gb\": 141, \"gpu_bandwidth_tbs\": 4.8}}}\n" \
  "  ]\n" \
  "}\n"

static CostProject *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static double
quantity_in (GPtrArray  *results,
             guint       index,
             const char *item)
{
  return cost_result_find_item (g_ptr_array_index (results, index), item)->params.quantity;
}

static void
test_load (void)
{
  g_autoptr(CostProject) project = load (PROJECT);
  CostServedModel *model = cost_project_find_model (project, "rewriter", NULL);
  CostModelValues v;

  g_assert_nonnull (model);
  cost_served_model_get_values (model, &v);
  g_assert_cmpint (v.kind, ==, COST_MODEL_LLM_TOKENS);
  g_assert_cmpstr (cost_served_model_get_preset (model), ==, "Qwen2.5-7B");
  /* The figures the file leaves out come from the preset and the accelerator */
  g_assert_cmpfloat (v.llm.params_b, ==, 7.62);
  g_assert_cmpfloat (v.llm.active_params_b, ==, 7.62);
  g_assert_cmpfloat (v.llm.layers, ==, 28);
  g_assert_cmpfloat (v.llm.kv_heads, ==, 4);
  g_assert_cmpfloat (v.llm.head_dim, ==, 128);
  g_assert_cmpfloat (v.llm.kv_elements, ==, 0);
  g_assert_cmpfloat (v.llm.gpu.memory_gb, ==, 80);
  g_assert_cmpfloat (v.llm.gpu.bandwidth_tbs, ==, 3.35);
  g_assert_cmpfloat (v.llm.gpu.bf16_tflops, ==, 989);
  g_assert_cmpfloat (v.llm.gpu.int8_tops, ==, 1979);
  g_assert_cmpint (v.llm.weight_precision, ==, COST_PRECISION_FP8);
  g_assert_cmpint (v.llm.kv_precision, ==, COST_PRECISION_FP8);
  g_assert_cmpfloat (v.llm.tensor_parallel, ==, 1);
  g_assert_cmpfloat (v.calls_per_request, ==, 1);
  g_assert_cmpfloat (v.llm.memory_efficiency, ==, COST_LLM_MEMORY_EFFICIENCY);
  g_assert_cmpfloat (v.llm.compute_efficiency, ==, COST_LLM_COMPUTE_EFFICIENCY);

  /* The driven item takes its GPUs: 168.52 requests/s a replica at 202
   * sequences; ⌈5,555.6 ÷ (168.52 × 60%)⌉ = 55 replicas × 1 × 2 + 2 */
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (project, "gpus", NULL)), ==, 112);
}

static void
test_scenarios (void)
{
  g_autoptr(CostProject) project = load (PROJECT);
  g_autoptr(GPtrArray) all = cost_calc_compute_all (project);

  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpfloat (quantity_in (all, 0, "gpus"), ==, 112);
  /* INT4 weights are widened to BF16 for the products: the prefill takes
   * twice as long, 85.89 requests/s, 108 replicas */
  g_assert_cmpfloat (quantity_in (all, 1, "gpus"), ==, 218);
  /* Answers ten times as long, 50 ms a token: 1,669 sequences serve 83.48
   * requests/s, 111 replicas */
  g_assert_cmpfloat (quantity_in (all, 2, "gpus"), ==, 224);
  /* H200 memory and bandwidth: 171.87 requests/s, 54 replicas */
  g_assert_cmpfloat (quantity_in (all, 3, "gpus"), ==, 110);
}

static void
test_economics (void)
{
  g_autoptr(CostProject) project = load (PROJECT);
  g_autoptr(GPtrArray) all = cost_calc_compute_all (project);
  CostModelEconomics m;
  CostUnitEconomics e;
  CostServedModel *model = cost_project_find_model (project, "rewriter", NULL);

  cost_model_economics (project, g_ptr_array_index (all, 0), model, &m);
  g_assert_cmpint (m.llm.llm.status, ==, COST_LLM_OK);
  g_assert_cmpfloat (m.instances, ==, 55);
  g_assert_cmpfloat (m.accelerators, ==, 112);
  g_assert_cmpfloat (m.concurrency, ==, 202);
  g_assert_cmpfloat_with_epsilon (m.tpot_ms, 29.966037, 1e-5);
  g_assert_cmpfloat_with_epsilon (m.ttft_ms, 23.627700, 1e-5);
  g_assert_cmpfloat_with_epsilon (m.tokens_per_s_per_gpu, 6740.9648, 1e-3);
  g_assert_cmpfloat_with_epsilon (m.gpu_hour_price, 87.259, 1e-9);
  /* 87.259 an hour ÷ 3,600 ÷ 60%, × the prefill's 1.0269 ms ÷ 300 tokens;
   * × the step's 10.42 ms ÷ 202 sequences */
  g_assert_cmpfloat_with_epsilon (m.cost_per_million_input_tokens, 0.691326, 1e-6);
  g_assert_cmpfloat_with_epsilon (m.cost_per_million_output_tokens, 0.807916, 1e-6);
  g_assert_cmpfloat_with_epsilon (m.llm.peak_calls, 20e6 * 8 / 86400.0 * 3, 1e-6);

  /* Under the INT4 scenario */
  cost_model_economics (project, g_ptr_array_index (all, 1), model, &m);
  g_assert_cmpfloat (m.accelerators, ==, 218);
  g_assert_cmpint (m.values.llm.weight_precision, ==, COST_PRECISION_INT4);

  /* Tokens for the unit economics: 340 a request */
  cost_unit_economics (project, g_ptr_array_index (all, 0), &e);
  g_assert_cmpfloat_with_epsilon (e.monthly_tokens, e.monthly_requests * 340, 1e-3);
}

static void
test_explain (void)
{
  g_autoptr(CostProject) project = load (PROJECT);
  CostWorkloadValues workload;
  CostModelValues values;
  g_autofree char *text = NULL;

  cost_sizing_effective_workload (project, NULL, &workload);
  cost_served_model_get_values (cost_project_find_model (project, "rewriter", NULL), &values);
  text = cost_sizing_explain (&workload, &values);
  g_assert_nonnull (strstr (text, "Weights: 7.62 B parameters × 1 byte (FP8) = 7.62 GB\n"));
  g_assert_nonnull (strstr (text, "Requests that fit"));
  g_assert_nonnull (strstr (text, "Replicas: ⌈5555.6 requests/s × 1 call ÷ (168.52 requests/s × 60%)⌉ = 55"));
  g_assert_nonnull (strstr (text, "55 × 1 per replica × 2 replicas + 2 spare = 112"));
  g_assert_cmpuint (cost_sizing_accelerators (&workload, &values), ==, 112);
}

static void
test_round_trip (void)
{
  g_autoptr(CostProject) project = load (PROJECT);
  g_autoptr(CostProject) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;

  saved = cost_project_to_data (project, NULL);
  /* Every figure is written out, precisions by name, the KV cache by
   * heads and head dimension */
  g_assert_nonnull (strstr (saved, "\"kind\": \"llm-tokens\", \"accelerator\": \"H100 SXM\", \"preset\": \"Qwen2.5-7B\", "
                                   "\"params_b\": 7.62, \"active_params_b\": 7.62, \"layers\": 28, \"kv_heads\": 4, "
                                   "\"head_dim\": 128, \"weight_precision\": \"fp8\", \"kv_precision\": \"fp8\", "
                                   "\"input_tokens\": 300, \"output_tokens\": 40, \"calls_per_request\": 1, "
                                   "\"ttft_ms\": 500, \"tpot_ms\": 30, \"tensor_parallel\": 1, \"utilisation\": 0.6, "
                                   "\"spare\": 2, \"replicas\": 2, \"power_watts\": 700, \"gpu_memory_gb\": 80, "
                                   "\"gpu_bandwidth_tbs\": 3.35, \"gpu_bf16_tflops\": 989, \"gpu_int8_tops\": 1979, "
                                   "\"memory_efficiency\": 0.7, \"compute_efficiency\": 0.45, \"memory_overhead\": 0.1}"));
  g_assert_null (strstr (saved, "kv_elements_per_token_per_layer"));
  g_assert_null (strstr (saved, "\"throughput\""));
  g_assert_nonnull (strstr (saved, "\"rewriter\": {\"weight_precision\": \"int4\"}"));
  g_assert_nonnull (strstr (saved, "\"rewriter\": {\"output_tokens\": 400, \"tpot_ms\": 50}"));

  again = load (saved);
  resaved = cost_project_to_data (again, NULL);
  g_assert_cmpstr (resaved, ==, saved);
}

/* DeepSeek-V3: a latent cache, no KV heads */
static void
test_latent_preset (void)
{
  const char *data =
    "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[],"
    "\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm-tokens\",\"accelerator\":\"H200 SXM\","
    "\"preset\":\"DeepSeek-V3\",\"weight_precision\":\"fp8\",\"input_tokens\":1000,\"output_tokens\":300,"
    "\"tensor_parallel\":8}]}";
  g_autoptr(CostProject) project = load (data);
  g_autoptr(CostProject) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  CostModelValues v;

  cost_served_model_get_values (cost_project_find_model (project, "m", NULL), &v);
  g_assert_cmpfloat (v.llm.params_b, ==, 671);
  g_assert_cmpfloat (v.llm.active_params_b, ==, 37);
  g_assert_cmpfloat (v.llm.kv_heads, ==, 0);
  g_assert_cmpfloat (v.llm.kv_elements, ==, 576);
  g_assert_cmpfloat (v.llm.gpu.memory_gb, ==, 141);

  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"layers\": 61, \"kv_elements_per_token_per_layer\": 576, \"weight_precision\""));
  g_assert_null (strstr (saved, "kv_heads"));
  again = load (saved);
  resaved = cost_project_to_data (again, NULL);
  g_assert_cmpstr (resaved, ==, saved);
}

/* Figures given in the file win over the preset's; an accelerator outside
 * the catalogue has no figures until the file gives them. */
static void
test_own_figures (void)
{
  const char *data =
    "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[],"
    "\"workload\": {\"daily_active_users\": 1000000, \"requests_per_user_per_day\": 10, \"peak_to_average\": 2, \"peak_hours\": 4},"
    "\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm-tokens\",\"accelerator\":\"Ascend 910B\","
    "\"params_b\":14,\"layers\":40,\"kv_heads\":8,\"head_dim\":128,\"input_tokens\":500,\"output_tokens\":100,"
    "\"spare\":1}]}";
  g_autoptr(CostProject) project = load (data);
  g_autoptr(GPtrArray) all = cost_calc_compute_all (project);
  CostServedModel *model = cost_project_find_model (project, "m", NULL);
  CostModelEconomics m;
  CostModelValues v;

  cost_served_model_get_values (model, &v);
  /* A dense model: active parameters as many as the parameters */
  g_assert_cmpfloat (v.llm.active_params_b, ==, 14);
  g_assert_cmpfloat (v.llm.gpu.memory_gb, ==, 0);

  /* No GPU figures: only the spare, and the planner says why */
  cost_model_economics (project, g_ptr_array_index (all, 0), model, &m);
  g_assert_cmpint (m.llm.llm.status, ==, COST_LLM_NO_GPU);
  g_assert_cmpfloat (m.accelerators, ==, 1);
  g_assert_true (isnan (m.concurrency) && isnan (m.cost_per_million_output_tokens));
  /* No driven item: no price */
  g_assert_true (isnan (m.gpu_hour_price));

  g_assert_true (cost_served_model_set_value (model, "gpu_memory_gb", 64, NULL));
  g_assert_true (cost_served_model_set_value (model, "gpu_bandwidth_tbs", 1.6, NULL));
  g_assert_true (cost_served_model_set_value (model, "gpu_bf16_tflops", 320, NULL));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = cost_calc_compute_all (project);
  cost_model_economics (project, g_ptr_array_index (all, 0), model, &m);
  g_assert_cmpint (m.llm.llm.status, ==, COST_LLM_OK);
  g_assert_cmpfloat (m.accelerators, >, 1);
}

static void
test_refused_values (void)
{
  g_autoptr(CostServedModel) model = cost_served_model_new ("m", "M");
  g_autoptr(GError) error = NULL;

  cost_served_model_set_kind (model, COST_MODEL_LLM_TOKENS);
  g_assert_false (cost_served_model_set_value (model, "weight_precision", 7, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The precision must be BF16, FP16, FP8, INT8 or INT4");
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "layers", 1.5, &error));
  g_assert_cmpstr (error->message, ==, "Layers must be a whole number from 1 to 10,000");
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "output_tokens", 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "tensor_parallel", 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "compute_efficiency", 0, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "tpot_ms", -1, &error));
  g_clear_error (&error);
  g_assert_false (cost_served_model_set_value (model, "params_b", INFINITY, &error));
  g_clear_error (&error);
  g_assert_true (cost_served_model_set_value (model, "ttft_ms", 0, &error));
  g_assert_true (cost_served_model_set_value (model, "weight_precision", COST_PRECISION_INT4, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_served_model_get_value (model, "weight_precision"), ==, COST_PRECISION_INT4);

  /* Each value has a property, "tensor-parallel" for "tensor_parallel" */
  g_object_set (model, "tensor-parallel", 4.0, NULL);
  g_assert_cmpfloat (cost_served_model_get_value (model, "tensor_parallel"), ==, 4);

  g_assert_true (cost_served_model_key_applies ("params_b", COST_MODEL_LLM_TOKENS));
  g_assert_false (cost_served_model_key_applies ("params_b", COST_MODEL_LLM));
  g_assert_false (cost_served_model_key_applies ("throughput", COST_MODEL_LLM_TOKENS));
  g_assert_true (cost_served_model_key_applies ("replicas", COST_MODEL_RANKING));
}

static void
test_bad_files (void)
{
#define HEAD "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[],\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm-tokens\","
#define DENSE "\"params_b\":8,\"layers\":32,\"kv_heads\":8,\"head_dim\":128,\"input_tokens\":100,\"output_tokens\":50"
  const struct {
    const char *data;
    const char *message;
  } cases[] = {
    { HEAD DENSE ",\"weight_precision\":\"fp4\"}]}",
      "models[0].weight_precision: must be “bf16”, “fp16”, “fp8”, “int8” or “int4”" },
    { HEAD DENSE ",\"kv_precision\":8}]}",
      "models[0].kv_precision: must be a string" },
    { HEAD DENSE ",\"active_params_b\":9}]}",
      "models[0].active_params_b: must be at most params_b" },
    { HEAD "\"params_b\":8,\"layers\":32,\"input_tokens\":100,\"output_tokens\":50}]}",
      "models[0].kv_heads: give kv_heads and head_dim, or kv_elements_per_token_per_layer" },
    { HEAD "\"layers\":32,\"kv_heads\":8,\"head_dim\":128,\"input_tokens\":100,\"output_tokens\":50}]}",
      "models[0].params_b: is missing" },
    { HEAD "\"preset\":\"Qwen2.5-7B\",\"input_tokens\":100}]}",
      "models[0].output_tokens: is missing" },
    { HEAD "\"preset\":\"Not-A-Model\",\"input_tokens\":100,\"output_tokens\":50}]}",
      "models[0].params_b: is missing" },
    { HEAD DENSE ",\"throughput\":1000}]}",
      "models[0].throughput: is not a value of a model of kind “llm-tokens”" },
    { HEAD DENSE ",\"tensor_parallel\":3.5}]}",
      "models[0].tensor_parallel: GPUs per replica must be a whole number from 1 to 1,024" },
    { HEAD DENSE ",\"input_tokens\":0}]}",
      "models[0].input_tokens: Prompt tokens must be a whole number from 1 to 10,000,000" },
    { HEAD DENSE ",\"memory_overhead\":0.95}]}",
      "models[0].memory_overhead: The memory kept for the runtime must be from 0% to 90%" },
    { HEAD DENSE ",\"gpu_memory_gb\":-80}]}",
      "models[0].gpu_memory_gb: The GPU memory must be from 0 to 1,000,000 GB" },
    { "{\"format\":\"modelcost\",\"version\":1,\"currency\":\"CNY\",\"categories\":[],\"models\":[{\"id\":\"m\",\"name\":\"M\",\"kind\":\"llm\",\"throughput\":10,\"work_per_request\":1,\"params_b\":8}]}",
      "models[0].params_b: is not a value of a model of kind “llm”" },
    { HEAD DENSE "}],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"m\":{\"weight_precision\":\"int3\"}}}]}",
      "scenarios[0].models.m.weight_precision: must be “bf16”, “fp16”, “fp8”, “int8” or “int4”" },
    { HEAD DENSE "}],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"m\":{\"throughput\":5}}}]}",
      "scenarios[0].models.m.throughput: is not a value of a model of kind “llm-tokens”" },
    { HEAD DENSE "}],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"m\":{\"output_tokens\":-5}}}]}",
      "scenarios[0].models.m.output_tokens: Answer tokens must be a whole number from 1 to 10,000,000" },
    { HEAD DENSE "}],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"m\":{\"answer_tokens\":5}}}]}",
      "scenarios[0].models.m.answer_tokens: is not a value ModelCost knows" },
    { HEAD DENSE "}],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"models\":{\"m\":7}}]}",
      "scenarios[0].models.m: must be an object" },
  };
#undef HEAD
#undef DENSE

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (cases[i].data, -1, &error);

      if (project != NULL || strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message,
                 error ? error->message : "(loaded)");
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Numbers without grouping, whatever the user's locale */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/llm-project/load", test_load);
  g_test_add_func ("/model/llm-project/scenarios", test_scenarios);
  g_test_add_func ("/model/llm-project/economics", test_economics);
  g_test_add_func ("/model/llm-project/explain", test_explain);
  g_test_add_func ("/model/llm-project/round-trip", test_round_trip);
  g_test_add_func ("/model/llm-project/latent-preset", test_latent_preset);
  g_test_add_func ("/model/llm-project/own-figures", test_own_figures);
  g_test_add_func ("/model/llm-project/refused-values", test_refused_values);
  g_test_add_func ("/model/llm-project/bad-files", test_bad_files);

  return g_test_run ();
}
