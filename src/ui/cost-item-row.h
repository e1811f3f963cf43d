/* cost-item-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_ITEM_ROW (cost_item_row_get_type ())

G_DECLARE_FINAL_TYPE (CostItemRow, cost_item_row, COST, ITEM_ROW, AdwExpanderRow)

GtkWidget  *cost_item_row_new         (CostDocument *document,
                                       CostItem     *item);
CostItem   *cost_item_row_get_item    (CostItemRow  *self);
const char *cost_item_row_get_amount  (CostItemRow  *self);
GtkWidget  *cost_item_row_get_field   (CostItemRow  *self,
                                       const char   *property);
void        cost_item_row_focus_field (CostItemRow  *self,
                                       const char   *property);

G_END_DECLS
