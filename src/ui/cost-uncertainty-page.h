/* cost-uncertainty-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"
#include "cost-uncertainty.h"

G_BEGIN_DECLS

/**
 * CostUncertaintyRow:
 *
 * The rows of the page's table of figures, one column per #CostMeasure.
 */
typedef enum
{
  COST_UNCERTAINTY_ROW_POINT = 1,
  COST_UNCERTAINTY_ROW_MEAN,
  COST_UNCERTAINTY_ROW_P10,
  COST_UNCERTAINTY_ROW_P50,
  COST_UNCERTAINTY_ROW_P90,
  COST_UNCERTAINTY_ROW_P90_ERROR,
  COST_UNCERTAINTY_ROW_CONTINGENCY,
  COST_UNCERTAINTY_ROW_OVER_BUDGET,
} CostUncertaintyRow;

#define COST_TYPE_UNCERTAINTY_PAGE (cost_uncertainty_page_get_type ())

G_DECLARE_FINAL_TYPE (CostUncertaintyPage, cost_uncertainty_page, COST, UNCERTAINTY_PAGE, CostPage)

GtkWidget       *cost_uncertainty_page_new          (void);
void             cost_uncertainty_page_set_document (CostUncertaintyPage *self,
                                                     CostDocument        *document);
CostUncertainty *cost_uncertainty_page_get_result   (CostUncertaintyPage *self);
const char      *cost_uncertainty_page_get_text     (CostUncertaintyPage *self,
                                                     CostUncertaintyRow   row,
                                                     CostMeasure          measure);

char            *cost_uncertainty_describe_run_rate (const CostUncertainty *uncertainty,
                                                     const char            *currency);

G_END_DECLS
