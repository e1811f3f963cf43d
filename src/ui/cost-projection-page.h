/* cost-projection-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"

G_BEGIN_DECLS

#define COST_TYPE_PROJECTION_PAGE (cost_projection_page_get_type ())

G_DECLARE_FINAL_TYPE (CostProjectionPage, cost_projection_page, COST, PROJECTION_PAGE, CostPage)

GtkWidget    *cost_projection_page_new          (void);
CostDocument *cost_projection_page_get_document (CostProjectionPage *self);
void          cost_projection_page_set_document (CostProjectionPage *self,
                                                 CostDocument       *document);

G_END_DECLS
