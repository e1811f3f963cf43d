/* cost-sizing.h
 *
 * From traffic to accelerators, and what one request costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-served-model.h"
#include "cost-workload.h"

G_BEGIN_DECLS

/* Hours in an average month: 8,760 / 12. */
#define COST_HOURS_PER_MONTH 730.0

typedef struct
{
  gboolean has_workload;
  double   average_qps;
  double   peak_qps;
  double   monthly_requests;
  double   monthly_tokens;          /* of the LLMs; 0 when there are none */
  double   gpus_required;           /* accelerators of the driven items */
  double   cost_per_1k_requests;    /* NAN when there are no requests */
  double   cost_per_dau_month;      /* NAN when there are no users */
  double   cost_per_1m_tokens;      /* NAN without LLM tokens */
  double   compute_share;           /* of the run-rate, 0..1 */
} CostUnitEconomics;

guint    cost_sizing_accelerators      (const CostWorkloadValues *workload,
                                        const CostModelValues    *model);
char    *cost_sizing_explain           (const CostWorkloadValues *workload,
                                        const CostModelValues    *model);
char    *cost_workload_explain         (const CostWorkloadValues *workload);
gboolean cost_sizing_effective_workload (CostProject             *project,
                                         CostScenario            *scenario,
                                         CostWorkloadValues      *values);
void     cost_sizing_effective_model   (CostServedModel          *model,
                                        CostScenario             *scenario,
                                        CostModelValues          *values);
double   cost_sizing_power_kwh         (double                    pue,
                                        guint                     n,
                                        const double             *accelerators,
                                        const double             *watts);
double   cost_sizing_driven_power_kwh  (CostProject              *project);
char    *cost_sizing_power_explain     (CostProject              *project);
void     cost_unit_economics           (CostProject              *project,
                                        const CostResult         *result,
                                        CostUnitEconomics        *economics);

gboolean cost_price_convert            (CostProject              *project,
                                        double                    amount,
                                        const char               *currency,
                                        double                   *converted,
                                        GError                  **error);

G_END_DECLS
