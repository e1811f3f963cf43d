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
CostItem   *_cost_item_new_checked  (const char           *id,
                                     const char           *name,
                                     const char           *unit,
                                     const CostItemParams *params,
                                     const char           *price_source,
                                     const char           *price_as_of,
                                     const char           *notes,
                                     const char           *driver);
void        _cost_item_peek_params  (CostItem       *self,
                                     CostItemParams *params);
JsonObject *_cost_item_get_extras   (CostItem   *self);
void        _cost_item_set_extras   (CostItem   *self,
                                     JsonObject *extras);

G_END_DECLS
