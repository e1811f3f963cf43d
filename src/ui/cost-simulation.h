/* cost-simulation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-uncertainty.h"

G_BEGIN_DECLS

typedef struct _CostDocument CostDocument;

#define COST_TYPE_SIMULATION (cost_simulation_get_type ())

G_DECLARE_FINAL_TYPE (CostSimulation, cost_simulation, COST, SIMULATION, GObject)

/* How long the figures stay still after an edit before a run starts. */
#define COST_SIMULATION_DELAY_MS 250

CostSimulation  *cost_simulation_new            (CostDocument   *document);
CostDocument    *cost_simulation_get_document   (CostSimulation *self);
void             cost_simulation_hold           (CostSimulation *self);
void             cost_simulation_release        (CostSimulation *self);
CostUncertainty *cost_simulation_get_result     (CostSimulation *self);
CostUncertainty *cost_simulation_get_result_for (CostSimulation *self,
                                                 CostScenario   *scenario);
gboolean         cost_simulation_get_current    (CostSimulation *self);
gboolean         cost_simulation_get_running    (CostSimulation *self);
gboolean         cost_simulation_get_in_flight  (CostSimulation *self);
double           cost_simulation_get_fraction   (CostSimulation *self);
guint            cost_simulation_get_n_ranges   (CostSimulation *self);
const char      *cost_simulation_get_error      (CostSimulation *self);

/**
 * CostSimulationUse:
 *
 * A widget's use of the document's simulation: it follows the simulation's
 * changes and holds it while the widget is mapped, so that a simulation
 * runs only while somebody shows its figures.
 */
typedef struct
{
  CostSimulation *simulation;
  gboolean        held;
  gulong          notify_id;
} CostSimulationUse;

void             cost_simulation_use_set        (CostSimulationUse *use,
                                                 CostSimulation    *simulation,
                                                 gboolean           mapped,
                                                 GCallback          notify,
                                                 gpointer           data);
void             cost_simulation_use_hold       (CostSimulationUse *use,
                                                 gboolean           held);

G_END_DECLS
