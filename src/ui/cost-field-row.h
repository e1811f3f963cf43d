/* cost-field-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-field.h"

G_BEGIN_DECLS

#define COST_TYPE_FIELD_ROW (cost_field_row_get_type ())

G_DECLARE_FINAL_TYPE (CostFieldRow, cost_field_row, COST, FIELD_ROW, AdwEntryRow)

void        cost_field_row_bind      (CostFieldRow *self,
                                      gpointer      object,
                                      const char   *property);
gboolean    cost_field_row_commit    (CostFieldRow *self);
const char *cost_field_row_get_error (CostFieldRow *self);
GtkWidget  *cost_field_row_get_range_button (CostFieldRow *self);

G_END_DECLS
