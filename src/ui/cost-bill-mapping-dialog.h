/* cost-bill-mapping-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-bill.h"
#include "cost-project.h"

G_BEGIN_DECLS

#define COST_TYPE_BILL_MAPPING_DIALOG (cost_bill_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CostBillMappingDialog, cost_bill_mapping_dialog, COST, BILL_MAPPING_DIALOG, AdwWindow)

CostBillMappingDialog *cost_bill_mapping_dialog_new           (GtkWindow              *parent,
                                                               CostProject            *project,
                                                               const CostBillPreview  *preview);
void                   cost_bill_mapping_dialog_choose        (CostBillMappingDialog  *self,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
CostBillMapping       *cost_bill_mapping_dialog_choose_finish (CostBillMappingDialog  *self,
                                                               GAsyncResult           *result,
                                                               gboolean               *remember,
                                                               char                  **name,
                                                               GError                **error);

const CostBillMapping *cost_bill_mapping_dialog_get_mapping   (CostBillMappingDialog  *self);
void                   cost_bill_mapping_dialog_set_column    (CostBillMappingDialog  *self,
                                                               CostBillColumn          column,
                                                               const char             *header);
const char            *cost_bill_mapping_dialog_get_error     (CostBillMappingDialog  *self);
gboolean               cost_bill_mapping_dialog_can_import    (CostBillMappingDialog  *self);
char                  *cost_bill_mapping_dialog_describe_rows (CostBillMappingDialog  *self);

G_END_DECLS
