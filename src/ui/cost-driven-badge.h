/* cost-driven-badge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-project.h"
#include "cost-undo-stack.h"

G_BEGIN_DECLS

#define COST_TYPE_DRIVEN_BADGE (cost_driven_badge_get_type ())

G_DECLARE_FINAL_TYPE (CostDrivenBadge, cost_driven_badge, COST, DRIVEN_BADGE, AdwBin)

GtkWidget  *cost_driven_badge_new            (CostItem        *item,
                                              CostProject     *project);
void        cost_driven_badge_set_undo_stack (CostDrivenBadge *self,
                                              CostUndoStack   *stack);
const char *cost_driven_badge_get_label      (CostDrivenBadge *self);
const char *cost_driven_badge_get_formula    (CostDrivenBadge *self);
void        cost_driven_badge_unlink         (CostDrivenBadge *self);

G_END_DECLS
