/* cost-project-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_PROJECT_DIALOG (cost_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CostProjectDialog, cost_project_dialog, COST, PROJECT_DIALOG, AdwPreferencesWindow)

GtkWidget *cost_project_dialog_new    (GtkWindow         *parent,
                                       CostDocument      *document);
void       cost_project_dialog_commit (CostProjectDialog *self);

G_END_DECLS
