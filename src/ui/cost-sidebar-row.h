/* cost-sidebar-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_SIDEBAR_ROW (cost_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (CostSidebarRow, cost_sidebar_row, COST, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget    *cost_sidebar_row_new          (CostDocument   *document,
                                             CostCategory   *category);
CostCategory *cost_sidebar_row_get_category (CostSidebarRow *self);
const char   *cost_sidebar_row_get_amount   (CostSidebarRow *self);

G_END_DECLS
