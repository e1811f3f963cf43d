/* cost-chart-data.h
 *
 * The project's figures as plain chart data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-chart-dataset.h"
#include "cost-chart-llm.h"
#include "cost-export.h"

G_BEGIN_DECLS

/* The tornado's rows, and the range it is drawn for unless the user picks
 * another (the Sensitivity page opens at it). */
#define COST_CHART_DATA_TORNADO_ROWS  10
#define COST_CHART_DATA_DEFAULT_RANGE 0.2

CostChartDataset *cost_chart_data_by_category    (CostProject              *project,
                                                  const CostResult         *result);
CostChartDataset *cost_chart_data_category_items (CostProject              *project,
                                                  const CostResult         *result,
                                                  const char               *category_id);
CostChartDataset *cost_chart_data_by_scenario    (CostProject              *project,
                                                  GPtrArray                *results);
CostChartDataset *cost_chart_data_by_month       (CostProject              *project,
                                                  const CostResult         *result);
CostChartDataset *cost_chart_data_top_items      (CostProject              *project,
                                                  const CostResult         *result,
                                                  guint                     limit,
                                                  const CostExportOptions  *options);
CostChartDataset *cost_chart_data_comparison     (CostProject              *project,
                                                  const CostResult         *from,
                                                  const CostResult         *to);
void              cost_chart_data_add_budget     (CostChartDataset         *dataset,
                                                  CostProject              *project);
CostChartDataset *cost_chart_data_sensitivity    (CostProject              *project,
                                                  const CostResult         *result,
                                                  GArray                   *rows,
                                                  double                    fraction,
                                                  guint                     limit);

/* The points of an LLM's curve: as many as cost_chart_data_llm_curve() draws */
#define COST_CHART_LLM_POINTS 48

void              cost_chart_data_llm_memory     (const CostLlmResult      *result,
                                                  CostChartMemory          *memory);
void              cost_chart_data_llm_curve      (const CostLlmInputs      *inputs,
                                                  const CostLlmResult      *result,
                                                  CostChartCurvePoint      *points,
                                                  CostChartCurve           *curve);

G_END_DECLS
