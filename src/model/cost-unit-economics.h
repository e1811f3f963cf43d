/* cost-unit-economics.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-catalogue.h"
#include "cost-sizing.h"

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
  double   cost_per_order;          /* run-rate ÷ orders a month; NAN when not entered */
  double   gmv_share;               /* run-rate ÷ GMV a month, 0..; NAN when not entered */
  double   compute_share;           /* of the run-rate, 0..1 */
} CostUnitEconomics;

/* One served model under a scenario. */
typedef struct
{
  CostModelValues values;                  /* with the scenario's overrides */
  CostLlmSizing   llm;                     /* an LLM sized by tokens only */
  double          instances;               /* serving the peak, before regional replicas and spares */
  double          accelerators;
  double          gpu_hour_price;          /* of its first driven item; NAN when it drives none */
  double          concurrency;             /* NAN unless sized by tokens */
  double          ttft_ms;                 /* NAN unless sized by tokens */
  double          tpot_ms;                 /* NAN unless sized by tokens */
  double          tokens_per_s_per_gpu;    /* output tokens; NAN unless an LLM */
  double          cost_per_million_input_tokens;   /* NAN unless sized by tokens and priced */
  double          cost_per_million_output_tokens;  /* NAN unless sized by tokens and priced */
} CostModelEconomics;

/* A served model's figures against the catalogue's for its accelerator. */
typedef struct
{
  const CostThroughput *throughput;      /* the reference; %NULL when none */
  gboolean              throughput_far;  /* cost_catalogue_is_far() */
  const CostPrice      *price;           /* the reference; %NULL when none */
  double                price_reference; /* a GPU-hour in the project's currency; NAN without a rate */
  double                price_entered;   /* a GPU-hour of its first driven item; NAN when none */
  gboolean              price_far;       /* cost_catalogue_is_far() */
} CostCatalogueCheck;

void cost_unit_economics  (CostProject        *project,
                           const CostResult   *result,
                           CostUnitEconomics  *economics);
void cost_model_economics (CostProject        *project,
                           const CostResult   *result,
                           CostServedModel    *model,
                           CostModelEconomics *economics);
char *cost_model_economics_describe (const CostModelEconomics *economics,
                                     const char               *currency);
void  cost_catalogue_check_model (CostProject            *project,
                                  const CostResult       *result,
                                  CostServedModel        *model,
                                  CostCatalogueCheck     *check);
char *cost_peak_accelerators_explain (CostProject            *project,
                                      const CostResult       *result);

G_END_DECLS
