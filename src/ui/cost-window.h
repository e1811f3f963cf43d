/* cost-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-application.h"
#include "cost-project.h"

G_BEGIN_DECLS

#define COST_TYPE_WINDOW (cost_window_get_type ())

G_DECLARE_FINAL_TYPE (CostWindow, cost_window, COST, WINDOW, AdwApplicationWindow)

CostWindow  *cost_window_new         (CostApplication *application);
gboolean     cost_window_open_file   (CostWindow      *self,
                                      GFile           *file);
CostProject *cost_window_get_project (CostWindow      *self);

G_END_DECLS
