/* cost-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-window.h"

G_BEGIN_DECLS

#define COST_TYPE_EXPORT_DIALOG (cost_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CostExportDialog, cost_export_dialog, COST, EXPORT_DIALOG, AdwWindow)

CostExportDialog *cost_export_dialog_new          (CostWindow        *window,
                                                   const char        *format,
                                                   const char        *chart);
const char       *cost_export_dialog_get_format   (CostExportDialog  *self);
void              cost_export_dialog_set_format   (CostExportDialog  *self,
                                                   const char        *format);
void              cost_export_dialog_set_scenario (CostExportDialog  *self,
                                                   CostScenario      *scenario,
                                                   gboolean           all_scenarios);
void              cost_export_dialog_set_chart    (CostExportDialog  *self,
                                                   const char        *chart);
void              cost_export_dialog_set_size     (CostExportDialog  *self,
                                                   int                width,
                                                   int                height);
void              cost_export_dialog_set_paper    (CostExportDialog  *self,
                                                   const char        *paper);
char             *cost_export_dialog_dup_file_name (CostExportDialog *self);
gboolean          cost_export_dialog_export       (CostExportDialog  *self,
                                                   GFile             *file,
                                                   GError           **error);

G_END_DECLS
