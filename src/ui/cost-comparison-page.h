/* cost-comparison-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"

G_BEGIN_DECLS

#define COST_TYPE_COMPARISON_PAGE (cost_comparison_page_get_type ())

G_DECLARE_FINAL_TYPE (CostComparisonPage, cost_comparison_page, COST, COMPARISON_PAGE, CostPage)

GtkWidget    *cost_comparison_page_new           (void);
CostDocument *cost_comparison_page_get_document  (CostComparisonPage *self);
void          cost_comparison_page_set_document  (CostComparisonPage *self,
                                                  CostDocument       *document);

G_END_DECLS
