/* cost-undo-stack.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project.h"

G_BEGIN_DECLS

#define COST_TYPE_UNDO_STACK (cost_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (CostUndoStack, cost_undo_stack, COST, UNDO_STACK, GObject)

CostUndoStack *cost_undo_stack_new         (CostProject   *project);
CostProject   *cost_undo_stack_get_project (CostUndoStack *self);
void           cost_undo_stack_begin       (CostUndoStack *self);
void           cost_undo_stack_end         (CostUndoStack *self);
void           cost_undo_stack_begin_live  (CostUndoStack *self);
void           cost_undo_stack_end_live    (CostUndoStack *self);
gboolean       cost_undo_stack_can_undo    (CostUndoStack *self);
gboolean       cost_undo_stack_can_redo    (CostUndoStack *self);
guint          cost_undo_stack_get_n_undo  (CostUndoStack *self);
guint64        cost_undo_stack_get_undo_id (CostUndoStack *self);
guint64        cost_undo_stack_get_state   (CostUndoStack *self);
gboolean       cost_undo_stack_undo        (CostUndoStack *self);
gboolean       cost_undo_stack_redo        (CostUndoStack *self);

G_END_DECLS
