/* cost-catalogue-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-catalogue.h"

G_BEGIN_DECLS

#define COST_TYPE_CATALOGUE_DIALOG (cost_catalogue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CostCatalogueDialog, cost_catalogue_dialog, COST, CATALOGUE_DIALOG, AdwWindow)

GtkWidget  *cost_catalogue_dialog_new             (GtkWindow           *parent,
                                                   CostCatalogue       *catalogue);
const char *cost_catalogue_dialog_get_error       (CostCatalogueDialog *self);
guint       cost_catalogue_dialog_get_n_rows      (CostCatalogueDialog *self);

G_END_DECLS
