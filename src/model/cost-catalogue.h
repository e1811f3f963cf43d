/* cost-catalogue.h
 *
 * The accelerator catalogue: reference figures for sizing, with sources.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-llm.h"
#include "cost-served-model.h"

G_BEGIN_DECLS

typedef struct
{
  char          *benchmark;    /* "dlrm-v2-99", "llama2-70b-99" */
  CostModelKind  kind;
  char          *round;
  char          *scenario;     /* MLPerf scenario: "Server", "Offline" */
  double         value;
  char          *unit;         /* "samples/s", "tokens/s" */
  char          *source;
} CostThroughput;

typedef struct
{
  char    *provider;
  char    *instance;
  int      gpus;
  double   per_gpu_hour;
  char    *currency;
  char    *region;
  char    *note;
  char    *as_of;              /* "" when unknown */
  gboolean example;
} CostPrice;

typedef struct
{
  char      *id;
  char      *name;
  char      *vendor;
  double     memory_gb;
  double     memory_bw_tbs;
  double     bf16_tflops;
  double     int8_tops;        /* 0 when unknown */
  double     tdp_w;
  char      *source;
  GPtrArray *throughputs;      /* CostThroughput */
  GPtrArray *prices;           /* CostPrice */
  gboolean   from_user;        /* from the user's catalogue file */
} CostAccelerator;

/* The architecture of an open LLM, for token-based sizing. */
typedef struct
{
  char     *id;
  char     *name;
  double    params_b;
  double    active_params_b;
  double    layers;
  double    attention_heads;   /* 0 when unknown */
  double    kv_heads;          /* 0 with latent attention */
  double    head_dim;          /* 0 with latent attention */
  double    kv_elements;       /* per token and layer */
  double    max_context;       /* tokens; 0 when unknown */
  char     *source;
  gboolean  from_user;
} CostLlmPreset;

#define COST_TYPE_CATALOGUE (cost_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (CostCatalogue, cost_catalogue, COST, CATALOGUE, GObject)

CostCatalogue         *cost_catalogue_new              (void);
CostCatalogue         *cost_catalogue_get_default      (void);
gboolean               cost_catalogue_load_data        (CostCatalogue   *self,
                                                        const char      *data,
                                                        gssize           length,
                                                        gboolean         from_user,
                                                        GError         **error);
gboolean               cost_catalogue_load_builtin     (CostCatalogue   *self,
                                                        GError         **error);
gboolean               cost_catalogue_load_user        (CostCatalogue   *self,
                                                        GFile           *file,
                                                        GError         **error);
const char            *cost_catalogue_get_user_error   (CostCatalogue   *self);
guint                  cost_catalogue_get_n_accelerators (CostCatalogue *self);
const CostAccelerator *cost_catalogue_get_accelerator  (CostCatalogue   *self,
                                                        guint            position);
const CostAccelerator *cost_catalogue_find             (CostCatalogue   *self,
                                                        const char      *name_or_id);
const CostThroughput  *cost_accelerator_get_throughput (const CostAccelerator *accelerator,
                                                        CostModelKind          kind);
const CostPrice       *cost_accelerator_get_price      (const CostAccelerator *accelerator);
gboolean               cost_catalogue_is_far           (double                 entered,
                                                        double                 reference);
void                   cost_accelerator_get_llm_gpu    (const CostAccelerator *accelerator,
                                                        CostLlmGpu            *gpu);
guint                  cost_catalogue_get_n_llm_models (CostCatalogue   *self);
const CostLlmPreset   *cost_catalogue_get_llm_model    (CostCatalogue   *self,
                                                        guint            position);
const CostLlmPreset   *cost_catalogue_find_llm_model   (CostCatalogue   *self,
                                                        const char      *name_or_id);
void                   cost_llm_preset_apply           (const CostLlmPreset   *preset,
                                                        CostLlmInputs         *inputs);

G_END_DECLS
