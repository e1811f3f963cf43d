/* cost-palette-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-category.h"

G_BEGIN_DECLS

#define COST_TYPE_PALETTE_BUTTON (cost_palette_button_get_type ())

G_DECLARE_FINAL_TYPE (CostPaletteButton, cost_palette_button, COST, PALETTE_BUTTON, GtkWidget)

GtkWidget    *cost_palette_button_new          (void);
CostCategory *cost_palette_button_get_category (CostPaletteButton *self);
void          cost_palette_button_set_category (CostPaletteButton *self,
                                                CostCategory      *category);

G_END_DECLS
