/* cost-unit-economics-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"

G_BEGIN_DECLS

/**
 * CostUnitFigure:
 * @COST_UNIT_FIGURE_PER_1K_REQUESTS: cost per 1,000 requests
 * @COST_UNIT_FIGURE_PER_USER: cost per daily active user a month
 * @COST_UNIT_FIGURE_PER_1M_TOKENS: cost per million LLM tokens
 * @COST_UNIT_FIGURE_PEAK_QPS: peak requests a second
 * @COST_UNIT_FIGURE_ACCELERATORS: accelerators of the driven items
 * @COST_UNIT_FIGURE_COMPUTE_SHARE: the compute category's share of the run-rate
 * @COST_UNIT_FIGURE_PER_ORDER: cost per order, shown when the orders are entered
 * @COST_UNIT_FIGURE_GMV_SHARE: cost as a share of the GMV, shown when it is entered
 */
typedef enum
{
  COST_UNIT_FIGURE_PER_1K_REQUESTS,
  COST_UNIT_FIGURE_PER_USER,
  COST_UNIT_FIGURE_PER_1M_TOKENS,
  COST_UNIT_FIGURE_PEAK_QPS,
  COST_UNIT_FIGURE_ACCELERATORS,
  COST_UNIT_FIGURE_COMPUTE_SHARE,
  COST_UNIT_FIGURE_PER_ORDER,
  COST_UNIT_FIGURE_GMV_SHARE,
} CostUnitFigure;

#define COST_N_UNIT_FIGURES 8

#define COST_TYPE_UNIT_ECONOMICS_PANEL (cost_unit_economics_panel_get_type ())

G_DECLARE_FINAL_TYPE (CostUnitEconomicsPanel, cost_unit_economics_panel, COST, UNIT_ECONOMICS_PANEL,
                      AdwBin)

GtkWidget    *cost_unit_economics_panel_new          (void);
CostProject  *cost_unit_economics_panel_get_project  (CostUnitEconomicsPanel *self);
void          cost_unit_economics_panel_set_project  (CostUnitEconomicsPanel *self,
                                                      CostProject            *project);
void          cost_unit_economics_panel_set_document (CostUnitEconomicsPanel *self,
                                                      CostDocument           *document);
CostScenario *cost_unit_economics_panel_get_scenario (CostUnitEconomicsPanel *self);
void          cost_unit_economics_panel_set_scenario (CostUnitEconomicsPanel *self,
                                                      CostScenario           *scenario);
const char   *cost_unit_economics_panel_get_value    (CostUnitEconomicsPanel *self,
                                                      CostUnitFigure          figure);
const char   *cost_unit_economics_panel_get_detail   (CostUnitEconomicsPanel *self,
                                                      CostUnitFigure          figure);
gboolean      cost_unit_economics_panel_is_shown     (CostUnitEconomicsPanel *self,
                                                      CostUnitFigure          figure);

G_END_DECLS
