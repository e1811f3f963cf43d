/* cost-summary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-page.h"

G_BEGIN_DECLS

#define COST_TYPE_SUMMARY_PAGE (cost_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (CostSummaryPage, cost_summary_page, COST, SUMMARY_PAGE, CostPage)

GtkWidget    *cost_summary_page_new          (void);
CostDocument *cost_summary_page_get_document (CostSummaryPage *self);
void          cost_summary_page_set_document (CostSummaryPage *self,
                                              CostDocument    *document);
CostProject  *cost_summary_page_get_project  (CostSummaryPage *self);
void          cost_summary_page_set_project  (CostSummaryPage *self,
                                              CostProject     *project);
CostScenario *cost_summary_page_get_scenario (CostSummaryPage *self);
void          cost_summary_page_set_scenario (CostSummaryPage *self,
                                              CostScenario    *scenario);

char         *cost_summary_format_change     (double           value,
                                              double           baseline,
                                              const char      *currency);

G_END_DECLS
