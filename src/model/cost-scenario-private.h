/* cost-scenario-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-scenario.h"

G_BEGIN_DECLS

JsonObject *_cost_scenario_get_extras    (CostScenario *self);
void        _cost_scenario_set_extras    (CostScenario *self,
                                          JsonObject   *extras);
GHashTable *_cost_scenario_get_overrides (CostScenario *self);

G_END_DECLS
