/* cost-chart-llm.h
 *
 * The charts of an LLM sized by tokens: the memory of one GPU, and the
 * throughput a GPU gives against the time per output token as the
 * concurrency grows. Pure cairo and Pango, from plain values, like every
 * renderer: the page's widgets and the report draw them the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cost-chart-layout.h"
#include "cost-chart-style.h"

G_BEGIN_DECLS

/* The memory of one GPU, in bytes. */
typedef struct
{
  double total;
  double weights;
  double kv_cache;
  double overhead;     /* kept for activations and the runtime */
} CostChartMemory;

typedef struct
{
  double   concurrency;
  double   tpot_ms;
  double   tokens_per_s;   /* output tokens a second, per GPU */
  gboolean meets_targets;
} CostChartCurvePoint;

typedef struct
{
  const CostChartCurvePoint *points;   /* by increasing concurrency */
  guint                      n_points;
  int                        chosen;   /* the operating point's index, or -1 */
  double                     target_tpot_ms;  /* 0 for none */
} CostChartCurve;

void   cost_chart_llm_draw_memory      (cairo_t               *cr,
                                        const CostChartRect   *area,
                                        const char            *title,
                                        const CostChartMemory *memory,
                                        const CostChartStyle  *style,
                                        CostChartLayout       *layout);
char  *cost_chart_llm_describe_memory  (const CostChartMemory *memory);
void   cost_chart_llm_draw_curve       (cairo_t               *cr,
                                        const CostChartRect   *area,
                                        const char            *title,
                                        const CostChartCurve  *curve,
                                        const CostChartStyle  *style,
                                        CostChartLayout       *layout);
char  *cost_chart_llm_describe_curve   (const CostChartCurve  *curve);

G_END_DECLS
