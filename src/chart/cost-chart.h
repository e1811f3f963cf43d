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
 * @COST_CHART_HISTOGRAM: how simulated outcomes spread: one group per bin,
 *   series 0 its lower edge, series 1 its upper edge, series 2 how many
 *   samples fell in it (the whole: how many there are); the markers are
 *   vertical lines at their amounts, and what lies beyond the one whose id
 *   is "budget" is drawn as over budget
 * @COST_CHART_S_CURVE: the cumulative probability of the outcomes: one
 *   group per point, series 0 the amount, series 1 the fraction of the
 *   outcomes at or below it (rising); markers as for the histogram, the
 *   note (the chance of going over budget) over the plot
 * @COST_CHART_FAN: percentiles over the months: one group per month,
 *   series 0 to 4 its P10, P25, P50, P75 and P90, series 5 the plan's
 *   figure; a P10–P90 and a P25–P75 band, the P50 line and the plan
 *   dashed; markers are horizontal lines (a monthly budget)
 * @COST_CHART_BURN_UP: plan against actual spending over the months: one
 *   group per month, series 0 the cumulative plan, 1 the cumulative actual
 *   (NAN after the last month reported), 2 the cumulative budget (NAN in
 *   every month without one), 3 the forecast (NAN before the last month
 *   reported, there the cumulative actual, then on to the forecast at
 *   completion); the actual solid, the budget and the forecast dashed
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
  COST_CHART_HISTOGRAM,
  COST_CHART_S_CURVE,
  COST_CHART_FAN,
  COST_CHART_BURN_UP,
} CostChartKind;

/* The series of a histogram's groups, an S-curve's and a fan chart's. */
enum
{
  COST_CHART_BIN_FROM,
  COST_CHART_BIN_TO,
  COST_CHART_BIN_COUNT,
};

enum
{
  COST_CHART_CURVE_AMOUNT,
  COST_CHART_CURVE_FRACTION,
};

enum
{
  COST_CHART_FAN_P10,
  COST_CHART_FAN_P25,
  COST_CHART_FAN_P50,
  COST_CHART_FAN_P75,
  COST_CHART_FAN_P90,
  COST_CHART_FAN_PLAN,
  COST_CHART_FAN_N_SERIES
};

enum
{
  COST_CHART_BURN_UP_PLAN,
  COST_CHART_BURN_UP_ACTUAL,
  COST_CHART_BURN_UP_BUDGET,
  COST_CHART_BURN_UP_FORECAST,
  COST_CHART_BURN_UP_N_SERIES
};

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
