/* cost-whatif-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_WHATIF_PANEL (cost_whatif_panel_get_type ())

G_DECLARE_FINAL_TYPE (CostWhatifPanel, cost_whatif_panel, COST, WHATIF_PANEL, GtkWidget)

GtkWidget    *cost_whatif_panel_new          (void);
CostDocument *cost_whatif_panel_get_document (CostWhatifPanel *self);
void          cost_whatif_panel_set_document (CostWhatifPanel *self,
                                              CostDocument    *document);
GtkRange     *cost_whatif_panel_get_lever    (CostWhatifPanel *self,
                                              const char      *id,
                                              const char      *property);
const char   *cost_whatif_panel_get_change   (CostWhatifPanel *self);

G_END_DECLS
