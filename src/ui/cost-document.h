/* cost-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-calc.h"
#include "cost-project.h"
#include "cost-recovery.h"
#include "cost-undo-stack.h"

G_BEGIN_DECLS

#define COST_TYPE_DOCUMENT (cost_document_get_type ())

G_DECLARE_FINAL_TYPE (CostDocument, cost_document, COST, DOCUMENT, GObject)

CostDocument     *cost_document_new            (CostProject   *project,
                                                GFile         *file);
CostDocument     *cost_document_load           (GFile         *file,
                                                GError       **error);
void              cost_document_load_async     (GFile         *file,
                                                GCancellable  *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer       user_data);
CostDocument     *cost_document_load_finish    (GAsyncResult  *result,
                                                GError       **error);
gboolean          cost_document_save           (CostDocument  *self,
                                                GFile         *file,
                                                GError       **error);
void              cost_document_save_async     (CostDocument  *self,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer       user_data);
gboolean          cost_document_save_finish    (CostDocument  *self,
                                                GAsyncResult  *result,
                                                GError       **error);
CostDocument     *cost_document_new_recovered  (const CostRecoveryEntry *entry,
                                                GError       **error);
CostRecovery     *cost_document_get_recovery   (CostDocument  *self);
CostProject      *cost_document_get_project    (CostDocument  *self);
CostUndoStack    *cost_document_get_undo_stack (CostDocument  *self);
GFile            *cost_document_get_file       (CostDocument  *self);
CostScenario     *cost_document_get_scenario   (CostDocument  *self);
void              cost_document_set_scenario   (CostDocument  *self,
                                                CostScenario  *scenario);
const CostResult *cost_document_get_result     (CostDocument  *self);
const CostResult *cost_document_get_baseline_result (CostDocument *self);
gboolean          cost_document_get_modified   (CostDocument  *self);
gboolean          cost_document_is_pristine    (CostDocument  *self);
char             *cost_document_dup_title      (CostDocument  *self);
char             *cost_document_dup_file_name  (CostDocument  *self);

void           _cost_document_hold_loads     (gboolean              hold);

G_END_DECLS
