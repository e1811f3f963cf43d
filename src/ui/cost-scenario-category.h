/* cost-scenario-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-category.h"
#include "cost-scenario.h"

G_BEGIN_DECLS

#define COST_TYPE_SCENARIO_CATEGORY (cost_scenario_category_get_type ())

G_DECLARE_FINAL_TYPE (CostScenarioCategory, cost_scenario_category, COST, SCENARIO_CATEGORY, GObject)

CostScenarioCategory *cost_scenario_category_new           (CostCategory          *category,
                                                            CostScenario          *scenario);
CostCategory         *cost_scenario_category_get_category  (CostScenarioCategory  *self);
CostScenario         *cost_scenario_category_get_scenario  (CostScenarioCategory  *self);
double                cost_scenario_category_get_factor    (CostScenarioCategory  *self);
gboolean              cost_scenario_category_set_factor    (CostScenarioCategory  *self,
                                                            double                 factor,
                                                            GError               **error);
gboolean              cost_scenario_category_get_overridden (CostScenarioCategory *self);
void                  cost_scenario_category_reset         (CostScenarioCategory  *self);

G_END_DECLS
