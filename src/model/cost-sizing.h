/* cost-sizing.h
 *
 * From traffic to accelerators, and from accelerators to energy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-scenario.h"
#include "cost-served-model.h"
#include "cost-workload.h"

G_BEGIN_DECLS

/* Hours in an average month: 8,760 / 12. */
#define COST_HOURS_PER_MONTH 730.0

/* An item whose quantity sizing sets: cost_sizing_resolve() works out
 * @quantity (and @watts) from the workload. */
typedef struct
{
  CostServedModel *model;     /* the model that drives it; %NULL for a power item */
  double           quantity;  /* as it stands; set by sizing */
  double           watts;     /* set: the power of one of its accelerators */
  gboolean         fixed;     /* keep the quantity: a scenario sets it */
  gboolean         excluded;  /* left out: it draws no power */
  const CostModelValues *values; /* the model's figures; %NULL: its own, with the scenario's overrides */
} CostDriven;

/* An LLM sized by tokens, for the peak of a workload. */
typedef struct
{
  CostLlmResult llm;          /* one replica */
  double        peak_calls;   /* model calls a second at the peak */
  double        instances;    /* replicas that serve the peak */
  double        accelerators; /* instances × TP × regional replicas + spare */
} CostLlmSizing;

guint    cost_sizing_accelerators      (const CostWorkloadValues *workload,
                                        const CostModelValues    *model);
double   cost_sizing_instances         (const CostWorkloadValues *workload,
                                        const CostModelValues    *model);
void     cost_sizing_llm               (const CostWorkloadValues *workload,
                                        const CostModelValues    *model,
                                        CostLlmSizing            *sizing);
char    *cost_sizing_explain           (const CostWorkloadValues *workload,
                                        const CostModelValues    *model);
char    *cost_workload_explain         (const CostWorkloadValues *workload);
void     cost_sizing_effective_model   (CostServedModel          *model,
                                        CostScenario             *scenario,
                                        CostModelValues          *values);
double   cost_sizing_power_kwh         (double                    pue,
                                        guint                     n,
                                        const double             *accelerators,
                                        const double             *watts);
double   cost_sizing_resolve           (const CostWorkloadValues *workload,
                                        CostScenario             *scenario,
                                        double                    pue,
                                        gboolean                  resize,
                                        CostDriven               *items,
                                        guint                     n);

G_END_DECLS
