/* cost-scenario-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-analysis.h"

G_BEGIN_DECLS

char *cost_scenario_text_name        (const CostResult *result);
char *cost_scenario_text_unique      (CostProject      *project,
                                      const char       *name);
char *cost_scenario_text_delta       (double            value,
                                      double            baseline,
                                      const char       *currency);
char *cost_scenario_text_budget      (CostProject      *project,
                                      const CostResult *result);
char *cost_scenario_text_budget_cell (CostProject      *project,
                                      const CostResult *result);

G_END_DECLS
