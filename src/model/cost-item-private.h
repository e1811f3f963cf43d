/* cost-item-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-item.h"

G_BEGIN_DECLS

void        _cost_item_set_category (CostItem   *self,
                                     gpointer    category);
JsonObject *_cost_item_get_extras   (CostItem   *self);
void        _cost_item_set_extras   (CostItem   *self,
                                     JsonObject *extras);

G_END_DECLS
