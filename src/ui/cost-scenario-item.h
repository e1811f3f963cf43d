/* cost-scenario-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-scenario.h"

G_BEGIN_DECLS

#define COST_TYPE_SCENARIO_ITEM (cost_scenario_item_get_type ())

G_DECLARE_FINAL_TYPE (CostScenarioItem, cost_scenario_item, COST, SCENARIO_ITEM, GObject)

CostScenarioItem  *cost_scenario_item_new                (CostItem            *item,
                                                          CostScenario        *scenario);
CostItem          *cost_scenario_item_get_item           (CostScenarioItem    *self);
CostScenario      *cost_scenario_item_get_scenario       (CostScenarioItem    *self);
CostOverrideFields cost_scenario_item_get_overridden     (CostScenarioItem    *self);
void               cost_scenario_item_reset              (CostScenarioItem    *self,
                                                          CostOverrideFields   fields);
gboolean           cost_scenario_item_get_excluded       (CostScenarioItem    *self);
void               cost_scenario_item_set_excluded       (CostScenarioItem    *self,
                                                          gboolean             excluded);

double             cost_scenario_item_get_quantity       (CostScenarioItem    *self);
gboolean           cost_scenario_item_set_quantity       (CostScenarioItem    *self,
                                                          double               quantity,
                                                          GError             **error);
double             cost_scenario_item_get_unit_price     (CostScenarioItem    *self);
gboolean           cost_scenario_item_set_unit_price     (CostScenarioItem    *self,
                                                          double               unit_price,
                                                          GError             **error);
CostPeriod         cost_scenario_item_get_period         (CostScenarioItem    *self);
gboolean           cost_scenario_item_set_period         (CostScenarioItem    *self,
                                                          CostPeriod           period,
                                                          GError             **error);
guint              cost_scenario_item_get_amortize_months (CostScenarioItem   *self);
gboolean           cost_scenario_item_set_amortize_months (CostScenarioItem   *self,
                                                          guint                months,
                                                          GError             **error);
int                cost_scenario_item_get_start_month    (CostScenarioItem    *self);
int                cost_scenario_item_get_end_month      (CostScenarioItem    *self);
gboolean           cost_scenario_item_set_active_months  (CostScenarioItem    *self,
                                                          int                  start_month,
                                                          int                  end_month,
                                                          GError             **error);
double             cost_scenario_item_get_monthly_growth (CostScenarioItem    *self);
gboolean           cost_scenario_item_set_monthly_growth (CostScenarioItem    *self,
                                                          double               growth,
                                                          GError             **error);

G_END_DECLS
