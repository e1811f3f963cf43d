/* cost-undo-snapshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-scenario.h"

G_BEGIN_DECLS

gboolean      _cost_scenario_content_equal (CostScenario *a,
                                            CostScenario *b);
void          _cost_scenario_assign        (CostScenario *self,
                                            CostScenario *from);
CostScenario *_cost_scenario_snapshot      (CostScenario *scenario);

G_END_DECLS
