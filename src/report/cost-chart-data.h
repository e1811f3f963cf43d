/* cost-chart-data.h
 *
 * The project's figures as plain chart data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-chart-dataset.h"
#include "cost-export.h"

G_BEGIN_DECLS

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

G_END_DECLS
