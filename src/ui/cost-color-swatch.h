/* cost-color-swatch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COST_TYPE_COLOR_SWATCH (cost_color_swatch_get_type ())

G_DECLARE_FINAL_TYPE (CostColorSwatch, cost_color_swatch, COST, COLOR_SWATCH, GtkWidget)

GtkWidget  *cost_color_swatch_new       (void);
const char *cost_color_swatch_get_color (CostColorSwatch *self);
void        cost_color_swatch_set_color (CostColorSwatch *self,
                                         const char      *color);
int         cost_color_swatch_get_size  (CostColorSwatch *self);
void        cost_color_swatch_set_size  (CostColorSwatch *self,
                                         int              size);

guint       cost_palette_get_n_colors   (void);
char       *cost_palette_dup_color      (guint            index);
char       *cost_palette_resolve        (const char      *color,
                                         guint            index);

G_END_DECLS
