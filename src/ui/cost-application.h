/* cost-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COST_TYPE_APPLICATION (cost_application_get_type ())

G_DECLARE_FINAL_TYPE (CostApplication, cost_application, COST, APPLICATION, AdwApplication)

CostApplication *cost_application_new (void);

G_END_DECLS
