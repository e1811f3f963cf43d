/* test-chart-llm.c: the memory bar and the throughput curve of an LLM sized
 * by tokens, judged by their pixels and their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "cost-chart-data.h"
#include "cost-chart-llm.h"

#define BLUE    "#0072b2"
#define GREEN   "#009e73"
#define VERMILLION "#d55e00"

/* The query rewriter of the LLM search example: Qwen2.5-7B in BF16 on an
 * H100, 300 + 40 tokens, 200 ms and 20 ms */
static void
rewriter (CostLlmInputs *in,
          CostLlmResult *r)
{
  cost_llm_inputs_init (in);
  in->input_tokens = 300;
  in->output_tokens = 40;
  in->ttft_ms = 200;
  in->tpot_ms = 20;
  cost_llm_size (in, r);
  g_assert_cmpint (r->status, ==, COST_LLM_OK);
}

typedef enum { MEMORY, CURVE } Kind;

static cairo_surface_t *
render (Kind                   kind,
        const CostChartMemory *memory,
        const CostChartCurve  *curve,
        gboolean               dark,
        CostChartLayout       *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, kind == MEMORY ? 180 : 480);
  cairo_t *cr = cairo_create (surface);
  CostChartRect area = { 0, 0, 900, kind == MEMORY ? 180 : 480 };
  CostChartStyle style;

  cost_chart_style_init (&style, dark);
  style.show_title = TRUE;
  style.fill_background = TRUE;
  if (kind == MEMORY)
    cost_chart_llm_draw_memory (cr, &area, "Memory of one GPU", memory, &style, layout);
  else
    cost_chart_llm_draw_curve (cr, &area, "Throughput", curve, &style, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
has_text (CostChartLayout *layout,
          const char      *text,
          CostChartRect   *rect)
{
  for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
    {
      if (strstr (cost_chart_layout_get_text (layout, i, rect), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Weights, KV cache, runtime and free, each as wide as its bytes. */
static void
test_memory (void)
{
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  CostLlmInputs in;
  CostLlmResult r;
  CostChartMemory memory;
  CostChartRect weights, kv, overhead, free_part;
  cairo_surface_t *surface;

  rewriter (&in, &r);
  cost_chart_data_llm_memory (&r, &memory);
  g_assert_cmpfloat (memory.total, ==, 80e9);
  g_assert_cmpfloat (memory.weights, ==, 7.62e9 * 2);
  g_assert_cmpfloat (memory.overhead, ==, 8e9);
  g_assert_cmpfloat (memory.kv_cache, ==, r.kv_per_gpu);

  surface = render (MEMORY, &memory, NULL, FALSE, layout);
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 4);
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 0, 0), NULL, &weights);
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 1, 0), NULL, &kv);
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 2, 0), NULL, &overhead);
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 3, 0), NULL, &free_part);

  /* Side by side, in proportion, filling the bar */
  g_assert_cmpfloat (fabs (weights.x + weights.width - kv.x), <, 1.0);
  g_assert_cmpfloat (fabs (kv.x + kv.width - overhead.x), <, 1.0);
  g_assert_cmpfloat (fabs (weights.width / overhead.width - 15.24 / 8.0), <, 0.05);
  g_assert_cmpfloat (fabs ((free_part.x + free_part.width - weights.x) / weights.width - 80 / 15.24), <, 0.05);

  g_assert_true (has_text (layout, "Weights 15.2 GB", NULL));
  g_assert_true (has_text (layout, "Runtime 8 GB", NULL));
  g_assert_true (has_text (layout, "80 GB", NULL));
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (BLUE), 1), >, 1000);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (GREEN), 1), >, 50);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (VERMILLION), 1), ==, 0);
  cairo_surface_destroy (surface);

  {
    g_autofree char *text = cost_chart_llm_describe_memory (&memory);

    g_assert_nonnull (strstr (text, "weights 15.2 GB"));
    g_assert_nonnull (strstr (text, "runtime 8 GB"));
  }
}

/* Llama-3.1-70B in BF16 on one H100: the bar runs past the memory, marked,
 * and says by how much. */
static void
test_memory_short (void)
{
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  CostChartMemory memory = { 80e9, 141.2e9, 0, 8e9 };
  g_autofree char *text = cost_chart_llm_describe_memory (&memory);
  cairo_surface_t *surface = render (MEMORY, &memory, NULL, TRUE, layout);

  g_assert_true (has_text (layout, "Short by 69.2 GB", NULL));
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (VERMILLION), 1), >, 30);
  g_assert_nonnull (strstr (text, "short by 69.2 GB"));
  cairo_surface_destroy (surface);
}

/* Throughput up, time per token across: the target a dashed line at 20 ms,
 * the operating point on it. */
static void
test_curve (void)
{
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  CostChartCurvePoint points[COST_CHART_LLM_POINTS];
  CostChartCurve curve;
  CostLlmInputs in;
  CostLlmResult r;
  CostChartRect dot, target, origin;
  cairo_surface_t *surface;

  rewriter (&in, &r);
  cost_chart_data_llm_curve (&in, &r, points, &curve);
  g_assert_cmpuint (curve.n_points, >, 20);
  g_assert_cmpint (curve.chosen, >=, 0);
  g_assert_cmpfloat (points[curve.chosen].concurrency, ==, 51);
  g_assert_cmpfloat (curve.target_tpot_ms, ==, 20);
  for (guint i = 0; i < curve.n_points; i++)
    g_assert_true (points[i].meets_targets == (points[i].concurrency <= 51));

  surface = render (CURVE, NULL, &curve, FALSE, layout);
  g_assert_true (has_text (layout, "51 at a time", NULL));
  g_assert_true (has_text (layout, "Target 20 ms", &target));
  g_assert_true (has_text (layout, "Time per output token (ms)", NULL));
  g_assert_true (has_text (layout, "Output tokens/s per GPU", NULL));
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 1);
  cost_chart_layout_get_target (layout, 0, NULL, &dot);

  /* The dot sits on the target line (19.996 ms), left of its label */
  g_assert_cmpfloat (fabs (dot.x + dot.width / 2 - target.x), <, dot.width);
  /* and up the page from 0 */
  g_assert_true (has_text (layout, "0", &origin));
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (BLUE), 1), >, 200);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb (VERMILLION), 40), >, 50);
  cairo_surface_destroy (surface);

  {
    g_autofree char *text = cost_chart_llm_describe_curve (&curve);

    g_assert_nonnull (strstr (text, "51 at a time"));
    g_assert_nonnull (strstr (text, "2550 output tokens/s per GPU"));
  }
}

static void
test_curve_empty (void)
{
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  CostChartCurve curve = { NULL, 0, -1, 20 };
  cairo_surface_t *surface = render (CURVE, NULL, &curve, FALSE, layout);
  g_autofree char *text = cost_chart_llm_describe_curve (&curve);

  g_assert_true (has_text (layout, "No operating point", NULL));
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 0);
  g_assert_nonnull (strstr (text, "No operating point"));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/llm/memory", test_memory);
  g_test_add_func ("/chart/llm/memory-short", test_memory_short);
  g_test_add_func ("/chart/llm/curve", test_curve);
  g_test_add_func ("/chart/llm/curve-empty", test_curve_empty);

  return g_test_run ();
}
