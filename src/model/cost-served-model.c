/* cost-served-model.c
 *
 * A model the deployment serves, with what it takes to size its accelerators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-served-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-ranges.h"
#include "cost-served-model.h"

struct _CostServedModel
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char            *accelerator;
  char            *preset;
  CostModelValues  values;
  GVariant        *ranges;   /* cost-ranges.h */
};

G_DEFINE_FINAL_TYPE (CostServedModel, cost_served_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACCELERATOR,
  PROP_KIND,
  PROP_PRESET,
  PROP_RANGES,
  /* The sizing values, in the order of model_keys */
  PROP_FIRST_VALUE,
};

enum {
  CHANGED,
  N_SIGNALS
};

#define N_PROPS (PROP_FIRST_VALUE + G_N_ELEMENTS (model_keys))

typedef enum
{
  VALUE_NUMBER,
  VALUE_WHOLE,
  VALUE_PRECISION,  /* a CostPrecision; its name in files */
} ValueType;

#define THROUGHPUT_KINDS ((1u << COST_MODEL_RANKING) | (1u << COST_MODEL_LLM))
#define TOKEN_KINDS      (1u << COST_MODEL_LLM_TOKENS)
#define ALL_KINDS        (THROUGHPUT_KINDS | TOKEN_KINDS)

#define OFFSET(field) G_STRUCT_OFFSET (CostModelValues, field)

/* The sizing values of a served model, by their key in project files, in
 * the order files list them: the one home of their kinds, ranges and
 * messages. A value lies in [min, max], or (min, max] when min_excluded. */
static const struct {
  const char *key;
  ValueType   type;
  guint       kinds;
  gsize       offset;
  double      min;
  double      max;
  gboolean    min_excluded;
  const char *message;
} model_keys[] = {
  { "throughput", VALUE_NUMBER, THROUGHPUT_KINDS, OFFSET (throughput), 0, 1e12, TRUE,
    N_("The throughput per accelerator must be more than 0") },
  { "work_per_request", VALUE_NUMBER, THROUGHPUT_KINDS, OFFSET (work_per_request), 0, 1e9, TRUE,
    N_("The work per request (candidates or tokens) must be more than 0") },
  { "params_b", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.params_b), 0, 1e5, TRUE,
    N_("The parameters must be more than 0 and at most 100,000 billion") },
  { "active_params_b", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.active_params_b), 0, 1e5, TRUE,
    N_("The active parameters must be more than 0 and at most 100,000 billion") },
  { "layers", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.layers), 1, 10000, FALSE,
    N_("Layers must be a whole number from 1 to 10,000") },
  { "kv_heads", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.kv_heads), 0, 10000, FALSE,
    N_("KV heads must be a whole number from 0 to 10,000") },
  { "head_dim", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.head_dim), 0, 100000, FALSE,
    N_("The head dimension must be a whole number from 0 to 100,000") },
  { "kv_elements_per_token_per_layer", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.kv_elements), 0, 1e7, FALSE,
    N_("The KV elements per token and layer must be from 0 to 10,000,000") },
  { "weight_precision", VALUE_PRECISION, TOKEN_KINDS, OFFSET (llm.weight_precision), 0, 0, FALSE,
    N_("The precision must be BF16, FP16, FP8, INT8 or INT4") },
  { "kv_precision", VALUE_PRECISION, TOKEN_KINDS, OFFSET (llm.kv_precision), 0, 0, FALSE,
    N_("The precision must be BF16, FP16, FP8, INT8 or INT4") },
  { "input_tokens", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.input_tokens), 1, 1e7, FALSE,
    N_("Prompt tokens must be a whole number from 1 to 10,000,000") },
  { "output_tokens", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.output_tokens), 1, 1e7, FALSE,
    N_("Answer tokens must be a whole number from 1 to 10,000,000") },
  { "calls_per_request", VALUE_NUMBER, TOKEN_KINDS, OFFSET (calls_per_request), 0, 1000, TRUE,
    N_("Model calls per request must be more than 0 and at most 1,000") },
  { "ttft_ms", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.ttft_ms), 0, 1e7, FALSE,
    N_("The time to first token must be from 0 (no target) to 10,000,000 ms") },
  { "tpot_ms", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.tpot_ms), 0, 1e6, FALSE,
    N_("The time per output token must be from 0 (no target) to 1,000,000 ms") },
  { "tensor_parallel", VALUE_WHOLE, TOKEN_KINDS, OFFSET (llm.tensor_parallel), 1, 1024, FALSE,
    N_("GPUs per replica must be a whole number from 1 to 1,024") },
  { "utilisation", VALUE_NUMBER, ALL_KINDS, OFFSET (utilisation), 0, 1, TRUE,
    N_("The target utilisation must be more than 0% and at most 100%") },
  { "spare", VALUE_WHOLE, ALL_KINDS, OFFSET (spare), 0, 100000, FALSE,
    N_("Spare accelerators must be a whole number from 0 to 100,000") },
  { "replicas", VALUE_WHOLE, ALL_KINDS, OFFSET (replicas), 1, 1000, FALSE,
    N_("Replicas must be a whole number from 1 to 1,000") },
  { "power_watts", VALUE_NUMBER, ALL_KINDS, OFFSET (power_watts), 0, 100000, FALSE,
    N_("The power per accelerator must be from 0 to 100,000 W") },
  { "gpu_memory_gb", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.gpu.memory_gb), 0, 1e6, FALSE,
    N_("The GPU memory must be from 0 to 1,000,000 GB") },
  { "gpu_bandwidth_tbs", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.gpu.bandwidth_tbs), 0, 1e4, FALSE,
    N_("The GPU memory bandwidth must be from 0 to 10,000 TB/s") },
  { "gpu_bf16_tflops", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.gpu.bf16_tflops), 0, 1e7, FALSE,
    N_("The GPU FLOPS must be from 0 to 10,000,000 TFLOPS") },
  { "gpu_int8_tops", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.gpu.int8_tops), 0, 1e7, FALSE,
    N_("The GPU FLOPS must be from 0 to 10,000,000 TFLOPS") },
  { "memory_efficiency", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.memory_efficiency), 0, 1, TRUE,
    N_("An efficiency must be more than 0% and at most 100%") },
  { "compute_efficiency", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.compute_efficiency), 0, 1, TRUE,
    N_("An efficiency must be more than 0% and at most 100%") },
  { "memory_overhead", VALUE_NUMBER, TOKEN_KINDS, OFFSET (llm.memory_overhead), 0, 0.9, FALSE,
    N_("The memory kept for the runtime must be from 0% to 90%") },
};

static GParamSpec *properties[PROP_FIRST_VALUE + G_N_ELEMENTS (model_keys)];
static guint signals[N_SIGNALS];

static int
find_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_keys); i++)
    {
      if (g_strcmp0 (model_keys[i].key, key) == 0)
        return i;
    }

  return -1;
}

/**
 * cost_served_model_list_keys:
 *
 * Returns: (transfer none): the keys of every sizing value, of every kind
 */
const char * const *
cost_served_model_list_keys (void)
{
  static const char *keys[G_N_ELEMENTS (model_keys) + 1];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (model_keys); i++)
        keys[i] = model_keys[i].key;
      g_once_init_leave (&done, 1);
    }

  return keys;
}

/**
 * cost_served_model_list_kind_keys:
 *
 * Returns: (transfer none): the keys of the sizing values of a kind of
 *   model, in the order project files list them
 */
const char * const *
cost_served_model_list_kind_keys (CostModelKind kind)
{
  static const char *keys[COST_N_MODEL_KINDS][G_N_ELEMENTS (model_keys) + 1];
  static gsize done;

  g_return_val_if_fail ((guint) kind < COST_N_MODEL_KINDS, NULL);

  if (g_once_init_enter (&done))
    {
      for (guint k = 0; k < COST_N_MODEL_KINDS; k++)
        {
          guint n = 0;

          for (guint i = 0; i < G_N_ELEMENTS (model_keys); i++)
            {
              if (model_keys[i].kinds & (1u << k))
                keys[k][n++] = model_keys[i].key;
            }
        }
      g_once_init_leave (&done, 1);
    }

  return keys[kind];
}

/**
 * cost_served_model_key_applies:
 *
 * Returns: whether a model of @kind has the value @key
 */
gboolean
cost_served_model_key_applies (const char    *key,
                               CostModelKind  kind)
{
  int i = find_key (key);

  return i >= 0 && (guint) kind < COST_N_MODEL_KINDS && (model_keys[i].kinds & (1u << kind)) != 0;
}

/**
 * cost_served_model_key_is_precision:
 *
 * Returns: whether the value of @key is a #CostPrecision, named in files
 */
gboolean
cost_served_model_key_is_precision (const char *key)
{
  int i = find_key (key);

  return i >= 0 && model_keys[i].type == VALUE_PRECISION;
}

/**
 * cost_served_model_key_is_gpu:
 *
 * Returns: whether @key is one of the GPU's own figures, which choosing an
 *   accelerator of the catalogue sets
 */
gboolean
cost_served_model_key_is_gpu (const char *key)
{
  return g_str_has_prefix (key, "gpu_") && find_key (key) >= 0;
}

/**
 * cost_model_values_get:
 * @key: one of cost_served_model_list_keys()
 *
 * Returns: the value of @key; a precision as its #CostPrecision
 */
double
cost_model_values_get (const CostModelValues *values,
                       const char            *key)
{
  int i = find_key (key);
  gconstpointer at;

  g_return_val_if_fail (i >= 0, 0);

  at = G_STRUCT_MEMBER_P (values, model_keys[i].offset);
  if (model_keys[i].type == VALUE_PRECISION)
    return *(const CostPrecision *) at;

  return *(const double *) at;
}

void
cost_model_values_set (CostModelValues *values,
                       const char      *key,
                       double           value)
{
  int i = find_key (key);
  gpointer at;

  g_return_if_fail (i >= 0);

  at = G_STRUCT_MEMBER_P (values, model_keys[i].offset);
  if (model_keys[i].type == VALUE_PRECISION)
    *(CostPrecision *) at = (CostPrecision) value;
  else
    *(double *) at = value;
}

/**
 * cost_model_values_tokens_per_request:
 *
 * Returns: the LLM tokens, prompt and answer, one request of the workload
 *   takes; 0 for a model that is no LLM
 */
double
cost_model_values_tokens_per_request (const CostModelValues *values)
{
  switch (values->kind)
    {
    case COST_MODEL_LLM:
      return values->work_per_request;
    case COST_MODEL_LLM_TOKENS:
      return values->calls_per_request * (values->llm.input_tokens + values->llm.output_tokens);
    case COST_MODEL_RANKING:
    default:
      return 0;
    }
}

/**
 * cost_served_model_check_value:
 *
 * Returns: whether @value is acceptable for @key, with @error saying why not
 */
gboolean
cost_served_model_check_value (const char  *key,
                               double       value,
                               GError     **error)
{
  int i = find_key (key);
  gboolean ok;

  if (i < 0)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("Unknown model value “%s”"), key);
      return FALSE;
    }

  if (!isfinite (value))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("The value must be a finite number"));
      return FALSE;
    }

  switch (model_keys[i].type)
    {
    case VALUE_PRECISION:
      ok = value >= 0 && value < COST_N_PRECISIONS && value == floor (value);
      break;
    case VALUE_WHOLE:
      ok = value >= model_keys[i].min && value <= model_keys[i].max && value == floor (value);
      break;
    case VALUE_NUMBER:
    default:
      ok = (model_keys[i].min_excluded ? value > model_keys[i].min : value >= model_keys[i].min) &&
           value <= model_keys[i].max;
      break;
    }

  if (!ok)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _(model_keys[i].message));
      return FALSE;
    }

  return TRUE;
}

static const char * const kind_ids[COST_N_MODEL_KINDS] = { "ranking", "llm", "llm-tokens" };

const char *
cost_model_kind_to_string (CostModelKind kind)
{
  g_return_val_if_fail ((guint) kind < COST_N_MODEL_KINDS, "ranking");

  return kind_ids[kind];
}

gboolean
cost_model_kind_from_string (const char    *str,
                             CostModelKind *kind)
{
  for (guint i = 0; i < COST_N_MODEL_KINDS; i++)
    {
      if (g_strcmp0 (str, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_model_kind_get_label:
 *
 * Returns: the kind as people call it: "Ranking", "LLM (sized by tokens)"
 */
const char *
cost_model_kind_get_label (CostModelKind kind)
{
  switch (kind)
    {
    case COST_MODEL_RANKING:
      return _("Ranking");
    case COST_MODEL_LLM:
      return _("LLM (throughput per accelerator)");
    case COST_MODEL_LLM_TOKENS:
      return _("LLM (sized by tokens)");
    default:
      g_return_val_if_reached ("");
    }
}

static void
emit_changed (CostServedModel *self,
              guint            prop)
{
  if (prop != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cost_served_model_finalize (GObject *object)
{
  CostServedModel *self = (CostServedModel *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->accelerator, g_free);
  g_clear_pointer (&self->preset, g_free);
  g_clear_pointer (&self->ranges, g_variant_unref);

  G_OBJECT_CLASS (cost_served_model_parent_class)->finalize (object);
}

static void
cost_served_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostServedModel *self = COST_SERVED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ACCELERATOR:
      g_value_set_string (value, self->accelerator);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->values.kind);
      break;
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    case PROP_RANGES:
      g_value_set_variant (value, self->ranges);
      break;
    default:
      if (prop_id >= PROP_FIRST_VALUE && prop_id < N_PROPS)
        g_value_set_double (value, cost_model_values_get (&self->values, model_keys[prop_id - PROP_FIRST_VALUE].key));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_served_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostServedModel *self = COST_SERVED_MODEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      cost_served_model_set_name (self, g_value_get_string (value), NULL);
      break;
    case PROP_ACCELERATOR:
      cost_served_model_set_accelerator (self, g_value_get_string (value), NULL);
      break;
    case PROP_KIND:
      cost_served_model_set_kind (self, g_value_get_uint (value));
      break;
    case PROP_PRESET:
      cost_served_model_set_preset (self, g_value_get_string (value), NULL);
      break;
    case PROP_RANGES:
      cost_served_model_set_ranges (self, g_value_get_variant (value));
      break;
    default:
      if (prop_id >= PROP_FIRST_VALUE && prop_id < N_PROPS)
        cost_served_model_set_value (self, model_keys[prop_id - PROP_FIRST_VALUE].key,
                                     g_value_get_double (value), NULL);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_served_model_class_init (CostServedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cost_served_model_finalize;
  object_class->get_property = cost_served_model_get_property;
  object_class->set_property = cost_served_model_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ACCELERATOR] = g_param_spec_string ("accelerator", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, COST_N_MODEL_KINDS - 1, 0, flags);
  properties[PROP_PRESET] = g_param_spec_string ("preset", NULL, NULL, "", flags);
  properties[PROP_RANGES] = cost_ranges_param_spec ();
  /* One property a value, "work-per-request" for "work_per_request"; the
   * ranges are wide: cost_served_model_check_value() has the rules. */
  for (guint i = 0; i < G_N_ELEMENTS (model_keys); i++)
    {
      char *name = g_strdelimit (g_strdup (model_keys[i].key), "_", '-');

      properties[PROP_FIRST_VALUE + i] =
        g_param_spec_double (g_intern_string (name), NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
      g_free (name);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_served_model_init (CostServedModel *self)
{
  self->name = g_strdup ("");
  self->accelerator = g_strdup ("");
  self->values.kind = COST_MODEL_RANKING;
  self->values.throughput = 1000;
  self->values.work_per_request = 1;
  self->values.utilisation = 0.6;
  self->values.spare = 0;
  self->values.replicas = 1;
  self->values.power_watts = 0;
  self->values.calls_per_request = 1;
  cost_llm_inputs_init (&self->values.llm);
  self->preset = g_strdup ("");
}

CostServedModel *
cost_served_model_new (const char *id,
                       const char *name)
{
  g_autofree char *made_id = NULL;

  if (id == NULL)
    id = made_id = g_uuid_string_random ();

  return g_object_new (COST_TYPE_SERVED_MODEL, "id", id, "name", name ? name : "", NULL);
}

const char *
cost_served_model_get_id (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), NULL);

  return self->id;
}

const char *
cost_served_model_get_name (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), NULL);

  return self->name;
}

gboolean
cost_served_model_set_name (CostServedModel  *self,
                            const char       *name,
                            GError          **error)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), FALSE);

  if (name == NULL)
    name = "";
  if (!cost_check_text (name, error))
    return FALSE;

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      emit_changed (self, PROP_NAME);
    }

  return TRUE;
}

/**
 * cost_served_model_get_preset:
 *
 * Returns: the LLM of the catalogue whose figures the model took ("" for
 *   none): a label, the figures are the model's own
 */
const char *
cost_served_model_get_preset (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), NULL);

  return self->preset;
}

gboolean
cost_served_model_set_preset (CostServedModel  *self,
                              const char       *preset,
                              GError          **error)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), FALSE);

  if (preset == NULL)
    preset = "";
  if (!cost_check_text (preset, error))
    return FALSE;

  if (g_strcmp0 (self->preset, preset) != 0)
    {
      g_free (self->preset);
      self->preset = g_strdup (preset);
      emit_changed (self, PROP_PRESET);
    }

  return TRUE;
}

const char *
cost_served_model_get_accelerator (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), NULL);

  return self->accelerator;
}

/**
 * cost_served_model_set_accelerator:
 * @accelerator: a GPU of the catalogue ("H100 SXM") or any name
 */
gboolean
cost_served_model_set_accelerator (CostServedModel  *self,
                                   const char       *accelerator,
                                   GError          **error)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), FALSE);

  if (accelerator == NULL)
    accelerator = "";
  if (!cost_check_text (accelerator, error))
    return FALSE;

  if (g_strcmp0 (self->accelerator, accelerator) != 0)
    {
      g_free (self->accelerator);
      self->accelerator = g_strdup (accelerator);
      emit_changed (self, PROP_ACCELERATOR);
    }

  return TRUE;
}

CostModelKind
cost_served_model_get_kind (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), COST_MODEL_RANKING);

  return self->values.kind;
}

void
cost_served_model_set_kind (CostServedModel *self,
                            CostModelKind    kind)
{
  g_return_if_fail (COST_IS_SERVED_MODEL (self));
  g_return_if_fail ((guint) kind < COST_N_MODEL_KINDS);

  if (self->values.kind != kind)
    {
      self->values.kind = kind;
      emit_changed (self, PROP_KIND);
    }
}

/**
 * cost_served_model_get_value:
 * @key: one of cost_served_model_list_keys()
 *
 * Returns: the value; a precision as its #CostPrecision
 */
double
cost_served_model_get_value (CostServedModel *self,
                             const char      *key)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), 0);
  g_return_val_if_fail (find_key (key) >= 0, 0);

  return cost_model_values_get (&self->values, key);
}

gboolean
cost_served_model_set_value (CostServedModel  *self,
                             const char       *key,
                             double            value,
                             GError          **error)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), FALSE);

  if (!cost_served_model_check_value (key, value, error))
    return FALSE;

  if (cost_model_values_get (&self->values, key) != value)
    {
      cost_model_values_set (&self->values, key, value);
      emit_changed (self, PROP_FIRST_VALUE + find_key (key));
    }

  return TRUE;
}

void
cost_served_model_get_values (CostServedModel *self,
                              CostModelValues *values)
{
  g_return_if_fail (COST_IS_SERVED_MODEL (self));

  *values = self->values;
}

/**
 * cost_served_model_get_ranges:
 *
 * Returns: (transfer none) (nullable): the ranges of the model's figures
 *   (cost-ranges.h), %NULL for none
 */
GVariant *
cost_served_model_get_ranges (CostServedModel *self)
{
  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), NULL);

  return self->ranges;
}

void
cost_served_model_set_ranges (CostServedModel *self,
                              GVariant        *ranges)
{
  g_return_if_fail (COST_IS_SERVED_MODEL (self));

  if (cost_ranges_assign (&self->ranges, ranges))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGES]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}
