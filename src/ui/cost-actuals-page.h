/* cost-actuals-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"
#include "cost-plan-actual.h"

G_BEGIN_DECLS

/**
 * CostActualsFigure:
 *
 * The key figures above the page's table.
 */
typedef enum
{
  COST_ACTUALS_FIGURE_PLAN_TO_DATE,
  COST_ACTUALS_FIGURE_ACTUAL_TO_DATE,
  COST_ACTUALS_FIGURE_VARIANCE_TO_DATE,
  COST_ACTUALS_FIGURE_UNASSIGNED_TO_DATE,
  COST_ACTUALS_FIGURE_PLAN_AT_COMPLETION,
  COST_ACTUALS_FIGURE_FORECAST_REMAINING_PLAN,
  COST_ACTUALS_FIGURE_FORECAST_RUN_RATE,
  COST_ACTUALS_FIGURE_BUDGET_AT_COMPLETION,
  COST_ACTUALS_FIGURE_COST_PER_1000_REQUESTS,
} CostActualsFigure;

#define COST_ACTUALS_N_FIGURES 9

/**
 * CostActualsColumn:
 *
 * The columns of the page's table of months.
 */
typedef enum
{
  COST_ACTUALS_COLUMN_NAME,
  COST_ACTUALS_COLUMN_PLAN,
  COST_ACTUALS_COLUMN_ACTUAL,
  COST_ACTUALS_COLUMN_VARIANCE,
  COST_ACTUALS_COLUMN_RATIO,
} CostActualsColumn;

/* The table row of a month's total and of its unassigned amount. */
#define COST_ACTUALS_ROW_TOTAL      (-1)
#define COST_ACTUALS_ROW_UNASSIGNED (-2)

#define COST_TYPE_ACTUALS_PAGE (cost_actuals_page_get_type ())

G_DECLARE_FINAL_TYPE (CostActualsPage, cost_actuals_page, COST, ACTUALS_PAGE, CostPage)

GtkWidget            *cost_actuals_page_new             (void);
void                  cost_actuals_page_set_document    (CostActualsPage   *self,
                                                         CostDocument      *document);
const CostPlanActual *cost_actuals_page_get_plan_actual (CostActualsPage   *self);
const char           *cost_actuals_page_get_figure      (CostActualsPage   *self,
                                                         CostActualsFigure  figure);
const char           *cost_actuals_page_get_cell        (CostActualsPage   *self,
                                                         int                month,
                                                         int                category,
                                                         CostActualsColumn  column);
gboolean              cost_actuals_page_cell_is_over    (CostActualsPage   *self,
                                                         int                month,
                                                         int                category);
guint                 cost_actuals_page_get_n_warnings  (CostActualsPage   *self);
const char           *cost_actuals_page_get_message     (CostActualsPage   *self);

void                  cost_actuals_page_choose_bill     (CostActualsPage   *self);
void                  cost_actuals_page_import_file     (CostActualsPage   *self,
                                                         GFile             *file);
gboolean              cost_actuals_page_is_importing    (CostActualsPage   *self);

guint                 cost_actuals_page_get_n_unassigned (CostActualsPage  *self);
const char           *cost_actuals_page_get_unassigned_name (CostActualsPage *self,
                                                             guint            position);
gboolean              cost_actuals_page_assign          (CostActualsPage   *self,
                                                         guint              position,
                                                         const char        *category_id,
                                                         const char        *item_id,
                                                         GError           **error);

G_END_DECLS
