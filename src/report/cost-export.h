/* cost-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-chart.h"
#include "cost-project.h"
#include "cost-uncertainty.h"

G_BEGIN_DECLS

typedef struct
{
  CostScenario *scenario;      /* NULL for the baseline */
  const char   *chart;         /* NULL: the whole report (PDF) or the default chart */
  int           width;         /* 0: the default */
  int           height;
  double        scale;         /* 1 to 4 */
  const char   *paper;         /* "a4" (default) or "letter" */
  gboolean      all_scenarios; /* the PDF report: every scenario, one after the other */
  gboolean      redact_labor;
  GPtrArray    *results;       /* (nullable) (element-type CostResult): every scenario's
                                * figures, as cost_calc_compute_all() gives them, when the
                                * caller has them already */
  CostUncertainty *uncertainty; /* (nullable): the simulation of the scenario exported, as
                                * the window shows it; NULL: simulated with the project's
                                * samples and seed when the project has ranges */
} CostExportOptions;

gboolean cost_export_file       (CostProject              *project,
                                 GFile                    *file,
                                 const CostExportOptions  *options,
                                 GError                  **error);
char    *cost_export_csv_data   (CostProject              *project,
                                 const CostExportOptions  *options,
                                 gsize                    *length);
gboolean cost_export_redacts_category  (const CostExportOptions *options,
                                        CostCategory            *category);
char    *cost_export_dup_caption       (CostProject              *project,
                                        CostScenario             *scenario,
                                        gboolean                  all_scenarios);
char    *cost_export_make_file_name    (const char               *text,
                                        const char               *suffix);
char    *cost_export_suggest_name      (CostProject              *project,
                                        CostScenario             *scenario,
                                        const char               *suffix);
char    *cost_export_suggest_name_full (CostProject              *project,
                                        CostScenario             *scenario,
                                        gboolean                  all_scenarios,
                                        const char               *what,
                                        const char               *suffix);
gboolean cost_export_chart_file        (GFile                    *file,
                                        CostChartKind             kind,
                                        CostChartDataset         *dataset,
                                        const char               *caption,
                                        const CostExportOptions  *options,
                                        GError                  **error);
GBytes  *cost_export_chart_png         (CostChartKind             kind,
                                        CostChartDataset         *dataset,
                                        const char               *caption,
                                        const CostExportOptions  *options,
                                        GError                  **error);

G_END_DECLS
