/* cost-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-item.h"

G_BEGIN_DECLS

#define COST_TYPE_CATEGORY (cost_category_get_type ())

G_DECLARE_FINAL_TYPE (CostCategory, cost_category, COST, CATEGORY, GObject)

CostCategory *cost_category_new           (const char    *id,
                                           const char    *name);
const char   *cost_category_get_id        (CostCategory  *self);
const char   *cost_category_get_name      (CostCategory  *self);
gboolean      cost_category_set_name      (CostCategory  *self,
                                           const char    *name,
                                           GError       **error);
const char   *cost_category_get_color     (CostCategory  *self);
gboolean      cost_category_set_color     (CostCategory  *self,
                                           const char    *color,
                                           GError       **error);
double        cost_category_get_factor    (CostCategory  *self);
gboolean      cost_category_set_factor    (CostCategory  *self,
                                           double         factor,
                                           GError       **error);
GListModel   *cost_category_get_items     (CostCategory  *self);
guint         cost_category_get_n_items   (CostCategory  *self);
CostItem     *cost_category_get_item      (CostCategory  *self,
                                           guint          position);
CostItem     *cost_category_find_item     (CostCategory  *self,
                                           const char    *id,
                                           guint         *position);
void          cost_category_insert_item   (CostCategory  *self,
                                           guint          position,
                                           CostItem      *item);
void          cost_category_add_item      (CostCategory  *self,
                                           CostItem      *item);
void          cost_category_remove_item   (CostCategory  *self,
                                           guint          position);
void          cost_category_move_item     (CostCategory  *self,
                                           guint          from,
                                           guint          to);
gpointer      cost_category_get_project   (CostCategory  *self);

GVariant     *cost_category_get_ranges (CostCategory *self);
void          cost_category_set_ranges (CostCategory *self,
                                        GVariant     *ranges);

G_END_DECLS
