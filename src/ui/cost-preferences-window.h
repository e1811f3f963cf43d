/* cost-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COST_TYPE_PREFERENCES_WINDOW (cost_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CostPreferencesWindow, cost_preferences_window, COST, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *cost_preferences_window_new           (GtkWindow *parent);
void       cost_preferences_window_restore_style (void);

G_END_DECLS
