/* cost-category-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-category.h"

G_BEGIN_DECLS

gpointer    _cost_category_get_project (CostCategory *self);
void        _cost_category_item_changed (CostCategory *self,
                                         CostItem     *item);
void        _cost_category_set_project (CostCategory *self,
                                        gpointer      project);
void        _cost_category_append_items (CostCategory  *self,
                                         CostItem     **items,
                                         guint          n_items);
CostItem  **_cost_category_peek_items (CostCategory *self,
                                        guint        *n_items);
JsonObject *_cost_category_get_extras  (CostCategory *self);
void        _cost_category_set_extras  (CostCategory *self,
                                        JsonObject   *extras);

G_END_DECLS
