/* cost-project-sizing.h
 *
 * Sizing applied to a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project.h"
#include "cost-sizing.h"

G_BEGIN_DECLS

gboolean cost_sizing_effective_workload (CostProject        *project,
                                         CostScenario       *scenario,
                                         CostWorkloadValues *values);
double   cost_sizing_driven_power_kwh   (CostProject        *project);
char    *cost_sizing_power_explain      (CostProject        *project);
gboolean cost_price_convert             (CostProject        *project,
                                         double              amount,
                                         const char         *currency,
                                         double             *converted,
                                         GError            **error);

G_END_DECLS
