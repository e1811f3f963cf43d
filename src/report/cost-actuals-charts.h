/* cost-actuals-charts.h
 *
 * The plan beside actual spending (CostPlanActual) as plain chart data:
 * the burn-up chart of cumulative actual against plan and budget. The
 * window shows it with
 *
 *   cost_chart_view_set_kind (view, COST_CHART_BURN_UP);
 *   cost_chart_view_set_dataset (view, cost_actuals_chart_burn_up (project, pa));
 *
 * and the report, the image export and `--chart burn-up` draw the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-chart.h"
#include "cost-plan-actual.h"

G_BEGIN_DECLS

CostChartDataset *cost_actuals_chart_burn_up (CostProject          *project,
                                              const CostPlanActual *plan_actual);

G_END_DECLS
