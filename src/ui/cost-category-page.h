/* cost-category-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"
#include "cost-item-row.h"

G_BEGIN_DECLS

#define COST_TYPE_CATEGORY_PAGE (cost_category_page_get_type ())

G_DECLARE_FINAL_TYPE (CostCategoryPage, cost_category_page, COST, CATEGORY_PAGE, GtkWidget)

GtkWidget    *cost_category_page_new          (void);
void          cost_category_page_set_category (CostCategoryPage *self,
                                               CostDocument     *document,
                                               CostCategory     *category);
CostCategory *cost_category_page_get_category (CostCategoryPage *self);
CostItemRow  *cost_category_page_get_row      (CostCategoryPage *self,
                                               CostItem         *item);
CostItem     *cost_category_page_get_focus_item (CostCategoryPage *self);
const char   *cost_category_page_get_subtotal (CostCategoryPage *self);
const char   *cost_category_page_get_period   (CostCategoryPage *self);
void          cost_category_page_focus_name   (CostCategoryPage *self);

G_END_DECLS
