/* cost-scenario.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-item.h"
#include "cost-override.h"

G_BEGIN_DECLS

#define COST_TYPE_SCENARIO (cost_scenario_get_type ())

G_DECLARE_FINAL_TYPE (CostScenario, cost_scenario, COST, SCENARIO, GObject)

CostScenario *cost_scenario_new                (const char          *id,
                                                const char          *name);
CostScenario *cost_scenario_copy               (CostScenario        *self,
                                                const char          *new_id,
                                                const char          *new_name);
const char   *cost_scenario_get_id             (CostScenario        *self);
const char   *cost_scenario_get_name           (CostScenario        *self);
gboolean      cost_scenario_set_name           (CostScenario        *self,
                                                const char          *name,
                                                GError             **error);
const char   *cost_scenario_get_description    (CostScenario        *self);
gboolean      cost_scenario_set_description    (CostScenario        *self,
                                                const char          *description,
                                                GError             **error);

gboolean      cost_scenario_get_override       (CostScenario        *self,
                                                const char          *item_id,
                                                CostOverride        *out);
gboolean      cost_scenario_set_override       (CostScenario        *self,
                                                const char          *item_id,
                                                const CostOverride  *override,
                                                GError             **error);
void          cost_scenario_reset_override     (CostScenario        *self,
                                                const char          *item_id,
                                                CostOverrideFields   fields);
GStrv         cost_scenario_list_overridden    (CostScenario        *self);

gboolean      cost_scenario_get_factor         (CostScenario        *self,
                                                const char          *category_id,
                                                double              *factor);
gboolean      cost_scenario_set_factor         (CostScenario        *self,
                                                const char          *category_id,
                                                double               factor,
                                                GError             **error);
void          cost_scenario_reset_factor       (CostScenario        *self,
                                                const char          *category_id);
GStrv         cost_scenario_list_factors       (CostScenario        *self);

gboolean      cost_scenario_is_excluded        (CostScenario        *self,
                                                const char          *item_id);
void          cost_scenario_set_excluded       (CostScenario        *self,
                                                const char          *item_id,
                                                gboolean             excluded);
GStrv         cost_scenario_list_excluded      (CostScenario        *self);

void          cost_scenario_add_item           (CostScenario        *self,
                                                const char          *category_id,
                                                CostItem            *item);
gboolean      cost_scenario_remove_added_item  (CostScenario        *self,
                                                const char          *item_id);
guint         cost_scenario_get_n_added_items  (CostScenario        *self);
CostItem     *cost_scenario_get_added_item     (CostScenario        *self,
                                                guint                position,
                                                const char         **category_id);

gboolean      cost_scenario_get_sizing_value   (CostScenario        *self,
                                                const char          *target,
                                                const char          *key,
                                                double              *value);
gboolean      cost_scenario_set_sizing_value   (CostScenario        *self,
                                                const char          *target,
                                                const char          *key,
                                                double               value,
                                                GError             **error);
void          cost_scenario_reset_sizing_value (CostScenario        *self,
                                                const char          *target,
                                                const char          *key);
GStrv         cost_scenario_list_sizing_targets (CostScenario       *self);
GStrv         cost_scenario_list_sizing_keys   (CostScenario        *self,
                                                const char          *target);
gboolean      cost_scenario_has_sizing         (CostScenario        *self);

gboolean      cost_scenario_get_ranges         (CostScenario        *self,
                                                const char          *subject,
                                                GVariant           **ranges);
void          cost_scenario_set_ranges         (CostScenario        *self,
                                                const char          *subject,
                                                GVariant            *ranges);
void          cost_scenario_reset_ranges       (CostScenario        *self,
                                                const char          *subject);
GStrv         cost_scenario_list_ranges        (CostScenario        *self);
gboolean      cost_scenario_is_empty           (CostScenario        *self);

G_END_DECLS
