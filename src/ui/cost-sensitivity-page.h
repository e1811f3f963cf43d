/* cost-sensitivity-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"

G_BEGIN_DECLS

#define COST_TYPE_SENSITIVITY_PAGE (cost_sensitivity_page_get_type ())

G_DECLARE_FINAL_TYPE (CostSensitivityPage, cost_sensitivity_page, COST, SENSITIVITY_PAGE, CostPage)

GtkWidget    *cost_sensitivity_page_new          (void);
CostDocument *cost_sensitivity_page_get_document (CostSensitivityPage *self);
void          cost_sensitivity_page_set_document (CostSensitivityPage *self,
                                                  CostDocument        *document);
double        cost_sensitivity_page_get_range    (CostSensitivityPage *self);
void          cost_sensitivity_page_set_range    (CostSensitivityPage *self,
                                                  double               fraction);

G_END_DECLS
