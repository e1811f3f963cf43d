/* cost-chart.h
 *
 * Chart renderers: pure cairo and Pango, from plain data, into a rectangle
 * of the caller's cairo context. The widgets, the image and PDF exports and
 * printing all draw through cost_chart_draw().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cost-chart-dataset.h"
#include "cost-chart-layout.h"
#include "cost-chart-style.h"

G_BEGIN_DECLS

#define COST_TYPE_CHART_KIND (cost_chart_kind_get_type ())

/**
 * CostChartKind:
 * @COST_CHART_DONUT: a ring of the first group's values, the total inside
 * @COST_CHART_PIE: the same as a full disc
 * @COST_CHART_STACKED: one vertical bar per group, one segment per series
 * @COST_CHART_STACKED_HORIZONTAL: the same with horizontal bars
 * @COST_CHART_RANKED: horizontal bars of the first group's values, largest first
 * @COST_CHART_WATERFALL: a start bar, signed steps and an end bar (series
 *   flagged %COST_CHART_SERIES_TOTAL are absolute bars)
 * @COST_CHART_TORNADO: one row per series from the base value to its values
 *   in group 0 (low) and group 1 (high), widest first
 */
typedef enum
{
  COST_CHART_DONUT,
  COST_CHART_PIE,
  COST_CHART_STACKED,
  COST_CHART_STACKED_HORIZONTAL,
  COST_CHART_RANKED,
  COST_CHART_WATERFALL,
  COST_CHART_TORNADO,
} CostChartKind;

GType  cost_chart_kind_get_type        (void) G_GNUC_CONST;

void   cost_chart_draw                 (cairo_t               *cr,
                                        const CostChartRect   *area,
                                        CostChartKind          kind,
                                        CostChartDataset      *dataset,
                                        const CostChartStyle  *style,
                                        CostChartLayout       *layout);
char  *cost_chart_describe             (CostChartKind          kind,
                                        CostChartDataset      *dataset);
char  *cost_chart_describe_hit         (CostChartKind          kind,
                                        CostChartDataset      *dataset,
                                        CostChartLayout       *layout,
                                        const CostChartHit    *hit);

G_END_DECLS
