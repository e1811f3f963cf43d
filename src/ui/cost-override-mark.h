/* cost-override-mark.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COST_TYPE_OVERRIDE_MARK (cost_override_mark_get_type ())

G_DECLARE_FINAL_TYPE (CostOverrideMark, cost_override_mark, COST, OVERRIDE_MARK, GtkWidget)

GtkWidget  *cost_override_mark_new          (void);
const char *cost_override_mark_get_baseline (CostOverrideMark *self);
void        cost_override_mark_set_baseline (CostOverrideMark *self,
                                             const char       *baseline);

G_END_DECLS
