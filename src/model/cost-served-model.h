/* cost-served-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cost-llm.h"
#include "cost-types.h"

G_BEGIN_DECLS

typedef enum
{
  COST_MODEL_RANKING,     /* scores candidates: samples per second */
  COST_MODEL_LLM,         /* generates text: tokens per second */
  COST_MODEL_LLM_TOKENS,  /* generates text, sized by its tokens (cost-llm.h) */
} CostModelKind;

#define COST_N_MODEL_KINDS 3

/* What sizing needs of a model, as plain values (a scenario may change them). */
typedef struct
{
  CostModelKind kind;
  double        throughput;        /* per accelerator at the latency target */
  double        work_per_request;  /* candidates scored, or tokens */
  double        utilisation;       /* target, in (0, 1] */
  double        spare;             /* N+k: accelerators kept spare */
  double        replicas;          /* regions or replicas of the whole fleet */
  double        power_watts;       /* per accelerator, for the power line */
  /* An LLM sized by tokens */
  double        calls_per_request; /* model calls per request of the workload */
  CostLlmInputs llm;
} CostModelValues;

#define COST_TYPE_SERVED_MODEL (cost_served_model_get_type ())

G_DECLARE_FINAL_TYPE (CostServedModel, cost_served_model, COST, SERVED_MODEL, GObject)

CostServedModel *cost_served_model_new              (const char       *id,
                                                     const char       *name);
const char      *cost_served_model_get_id           (CostServedModel  *self);
const char      *cost_served_model_get_name         (CostServedModel  *self);
gboolean         cost_served_model_set_name         (CostServedModel  *self,
                                                     const char       *name,
                                                     GError          **error);
const char      *cost_served_model_get_preset       (CostServedModel  *self);
gboolean         cost_served_model_set_preset       (CostServedModel  *self,
                                                     const char       *preset,
                                                     GError          **error);
const char      *cost_served_model_get_accelerator  (CostServedModel  *self);
gboolean         cost_served_model_set_accelerator  (CostServedModel  *self,
                                                     const char       *accelerator,
                                                     GError          **error);
CostModelKind    cost_served_model_get_kind         (CostServedModel  *self);
void             cost_served_model_set_kind         (CostServedModel  *self,
                                                     CostModelKind     kind);
double           cost_served_model_get_value        (CostServedModel  *self,
                                                     const char       *key);
gboolean         cost_served_model_set_value        (CostServedModel  *self,
                                                     const char       *key,
                                                     double            value,
                                                     GError          **error);
void             cost_served_model_get_values       (CostServedModel  *self,
                                                     CostModelValues  *values);
gboolean         cost_served_model_check_value      (const char       *key,
                                                     double            value,
                                                     GError          **error);
const char      *cost_model_kind_to_string          (CostModelKind     kind);
gboolean         cost_model_kind_from_string        (const char       *str,
                                                     CostModelKind    *kind);
const char * const *cost_served_model_list_keys     (void);
const char * const *cost_served_model_list_kind_keys (CostModelKind    kind);
gboolean         cost_served_model_key_applies      (const char       *key,
                                                     CostModelKind     kind);
gboolean         cost_served_model_key_is_precision (const char       *key);
gboolean         cost_served_model_key_is_gpu       (const char       *key);
const char      *cost_model_kind_get_label          (CostModelKind     kind);
double           cost_model_values_get              (const CostModelValues *values,
                                                     const char       *key);
void             cost_model_values_set              (CostModelValues  *values,
                                                     const char       *key,
                                                     double            value);
double           cost_model_values_tokens_per_request (const CostModelValues *values);

GVariant        *cost_served_model_get_ranges       (CostServedModel  *self);
void             cost_served_model_set_ranges       (CostServedModel  *self,
                                                     GVariant         *ranges);

G_END_DECLS
