/* cost-uncertainty-charts.h
 *
 * A simulation's figures (CostUncertainty) as plain chart data: the
 * histogram and the S-curve of a measure, the fan of the monthly cost and
 * the inputs' contributions to the variance. The window, the report and
 * the image export all draw these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-chart.h"
#include "cost-export.h"
#include "cost-uncertainty.h"

G_BEGIN_DECLS

/* Bars of a histogram. */
#define COST_UNCERTAINTY_HISTOGRAM_BINS 40
/* Points of an S-curve: every percentile, P0 to P100. */
#define COST_UNCERTAINTY_CURVE_POINTS   101

/**
 * CostContribution:
 * @label: the input's name, or a category's whose inputs an export hides
 * @group: (nullable): its correlation group
 * @input: (nullable): the input, %NULL for hidden inputs gathered
 * @share: of the variance of each measure
 */
typedef struct
{
  char                       *label;
  char                       *group;
  const CostUncertaintyInput *input;
  double                      share[COST_N_MEASURES];
} CostContribution;

GArray           *cost_uncertainty_contributions       (CostUncertainty          *uncertainty,
                                                        CostMeasure               sort_by,
                                                        CostProject              *project,
                                                        const CostExportOptions  *options);
gboolean          cost_uncertainty_input_redacted      (const CostUncertaintyInput *input,
                                                        CostProject              *project,
                                                        const CostExportOptions  *options);

CostChartDataset *cost_uncertainty_chart_histogram     (CostUncertainty          *uncertainty,
                                                        CostMeasure               measure,
                                                        const char               *currency);
CostChartDataset *cost_uncertainty_chart_s_curve       (CostUncertainty          *uncertainty,
                                                        CostMeasure               measure,
                                                        const char               *currency);
CostChartDataset *cost_uncertainty_chart_fan           (CostUncertainty          *uncertainty,
                                                        const char               *currency);
CostChartDataset *cost_uncertainty_chart_contributions (CostUncertainty          *uncertainty,
                                                        CostMeasure               measure);
CostChartDataset *cost_uncertainty_chart_contributions_for_export (CostUncertainty         *uncertainty,
                                                        CostMeasure               measure,
                                                        CostProject              *project,
                                                        const CostExportOptions  *options);
CostChartDataset *cost_uncertainty_chart_dataset       (CostUncertainty          *uncertainty,
                                                        CostMeasure               measure,
                                                        CostChartKind             kind,
                                                        const char               *currency);

char             *cost_uncertainty_format_range        (const CostRange          *range);
char             *cost_uncertainty_format_over_budget  (const CostUncertainty    *uncertainty,
                                                        CostMeasure               measure);

CostUncertainty  *cost_uncertainty_for_export          (CostProject              *project,
                                                        CostScenario             *scenario,
                                                        const CostExportOptions  *options,
                                                        GError                  **error);

G_END_DECLS
