/* cost-workload-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"
#include "cost-model-group.h"

G_BEGIN_DECLS

#define COST_TYPE_WORKLOAD_PAGE (cost_workload_page_get_type ())

G_DECLARE_FINAL_TYPE (CostWorkloadPage, cost_workload_page, COST, WORKLOAD_PAGE, AdwBin)

GtkWidget      *cost_workload_page_new             (CostDocument     *document);
CostDocument   *cost_workload_page_get_document    (CostWorkloadPage *self);
void            cost_workload_page_set_document    (CostWorkloadPage *self,
                                                    CostDocument     *document);
GtkWidget      *cost_workload_page_get_field       (CostWorkloadPage *self,
                                                    const char       *name);
const char     *cost_workload_page_get_explanation (CostWorkloadPage *self);
CostModelGroup *cost_workload_page_get_model_group (CostWorkloadPage *self,
                                                    CostServedModel  *model);

G_END_DECLS
