/* cost-llm-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-llm.h"

G_BEGIN_DECLS

typedef enum
{
  COST_LLM_CHART_MEMORY,  /* the memory of one GPU */
  COST_LLM_CHART_CURVE,   /* throughput against the time per output token */
} CostLlmChartKind;

#define COST_TYPE_LLM_CHART_KIND (cost_llm_chart_kind_get_type ())
GType cost_llm_chart_kind_get_type (void) G_GNUC_CONST;

#define COST_TYPE_LLM_CHART (cost_llm_chart_get_type ())

G_DECLARE_FINAL_TYPE (CostLlmChart, cost_llm_chart, COST, LLM_CHART, GtkWidget)

GtkWidget  *cost_llm_chart_new             (CostLlmChartKind      kind);
void        cost_llm_chart_set_sizing      (CostLlmChart         *self,
                                            const CostLlmInputs  *inputs,
                                            const CostLlmResult  *result);
const char *cost_llm_chart_get_description (CostLlmChart         *self);

G_END_DECLS
