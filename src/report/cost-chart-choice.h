/* cost-chart-choice.h
 *
 * The charts asked for by name: `modelcost --export chart.png --chart
 * NAME` and the report's cost structure. Each name has a label, a builder
 * of its data from the project's figures and the renderer that draws it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-chart.h"
#include "cost-export.h"

G_BEGIN_DECLS

/* The chart exported when none is named. */
#define COST_CHART_CHOICE_DEFAULT "donut"

/**
 * CostChartBuildFunc:
 * @results: (element-type CostResult): the baseline's, then each scenario's
 * @result: the one shown, one of @results
 * @options: (nullable): what to redact
 *
 * Returns: (transfer full) (nullable): the chart's data, or %NULL with
 *   @error set when the project cannot give it
 */
typedef CostChartDataset *(*CostChartBuildFunc) (CostProject              *project,
                                                 GPtrArray                *results,
                                                 const CostResult         *result,
                                                 const CostExportOptions  *options,
                                                 GError                  **error);

typedef struct
{
  const char         *id;      /* the name --chart takes: "donut" */
  const char         *label;   /* what the chart shows, marked for translation */
  CostChartKind       kind;    /* the renderer that draws it */
  CostChartBuildFunc  build;
  gboolean            all_scenarios; /* not of the scenario shown only: its title says which */
} CostChartChoice;

const CostChartChoice *cost_chart_choice_get_all  (guint       *n_choices);
const CostChartChoice *cost_chart_choice_find     (const char  *id,
                                                   GError     **error);
char                  *cost_chart_choice_list_ids (void);

G_END_DECLS
