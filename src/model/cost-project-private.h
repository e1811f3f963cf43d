/* cost-project-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-project.h"

G_BEGIN_DECLS

JsonObject *_cost_project_get_extras (CostProject *self);
void        _cost_project_set_extras (CostProject *self,
                                      JsonObject  *extras);

G_END_DECLS
