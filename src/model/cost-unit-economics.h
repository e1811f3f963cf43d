/* cost-unit-economics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"

G_BEGIN_DECLS

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

void cost_unit_economics (CostProject       *project,
                          const CostResult  *result,
                          CostUnitEconomics *economics);

G_END_DECLS
