/* cost-presentation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-project.h"

G_BEGIN_DECLS

#define COST_TYPE_PRESENTATION (cost_presentation_get_type ())

G_DECLARE_FINAL_TYPE (CostPresentation, cost_presentation, COST, PRESENTATION, AdwWindow)

GtkWidget *cost_presentation_new  (CostProject *project);
GtkWidget *cost_presentation_show (GtkWindow   *parent,
                                   CostProject *project);
void       cost_presentation_step (CostPresentation *self,
                                   int               charts,
                                   int               scenarios);
void       cost_presentation_set_scenario (CostPresentation *self,
                                           CostScenario     *scenario);
const char *cost_presentation_get_position (CostPresentation *self);

G_END_DECLS
