/* cost-range-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-document.h"
#include "cost-field.h"

G_BEGIN_DECLS

#define COST_TYPE_RANGE_BUTTON (cost_range_button_get_type ())

G_DECLARE_FINAL_TYPE (CostRangeButton, cost_range_button, COST, RANGE_BUTTON, GtkWidget)

GtkWidget    *cost_range_button_new          (void);
void          cost_range_button_set_subject  (CostRangeButton *self,
                                              GObject         *subject,
                                              const char      *key,
                                              CostFieldKind    kind,
                                              CostScenario    *scenario);
GObject      *cost_range_button_get_subject  (CostRangeButton *self);
const char   *cost_range_button_get_key      (CostRangeButton *self);
CostDocument *cost_range_button_get_document (CostRangeButton *self);
void          cost_range_button_set_document (CostRangeButton *self,
                                              CostDocument    *document);
gboolean      cost_range_button_get_ranged   (CostRangeButton *self);
GtkPopover   *cost_range_button_get_popover  (CostRangeButton *self);

G_END_DECLS
