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
  PROP_RANGES,
  /* The sizing values, in the order of value_keys */
  PROP_THROUGHPUT,
  PROP_WORK_PER_REQUEST,
  PROP_UTILISATION,
  PROP_SPARE,
  PROP_REPLICAS,
  PROP_POWER_WATTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The sizing values, by their key in project files. */
static const char * const value_keys[] = {
  "throughput", "work_per_request", "utilisation", "spare", "replicas", "power_watts", NULL
};

const char * const *
cost_served_model_list_keys (void)
{
  return value_keys;
}

static double *
field_for_key (CostModelValues *values,
               const char      *key)
{
  if (g_strcmp0 (key, "throughput") == 0)
    return &values->throughput;
  if (g_strcmp0 (key, "work_per_request") == 0)
    return &values->work_per_request;
  if (g_strcmp0 (key, "utilisation") == 0)
    return &values->utilisation;
  if (g_strcmp0 (key, "spare") == 0)
    return &values->spare;
  if (g_strcmp0 (key, "replicas") == 0)
    return &values->replicas;
  if (g_strcmp0 (key, "power_watts") == 0)
    return &values->power_watts;

  return NULL;
}

static guint
prop_for_key (const char *key)
{
  for (guint i = 0; value_keys[i] != NULL; i++)
    {
      if (g_str_equal (value_keys[i], key))
        return PROP_THROUGHPUT + i;
    }

  g_return_val_if_reached (0);
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
  const char *message = NULL;

  if (!isfinite (value))
    message = _("The value must be a finite number");
  else if (g_strcmp0 (key, "throughput") == 0)
    {
      if (value <= 0 || value > 1e12)
        message = _("The throughput per accelerator must be more than 0");
    }
  else if (g_strcmp0 (key, "work_per_request") == 0)
    {
      if (value <= 0 || value > 1e9)
        message = _("The work per request (candidates or tokens) must be more than 0");
    }
  else if (g_strcmp0 (key, "utilisation") == 0)
    {
      if (value <= 0 || value > 1)
        message = _("The target utilisation must be more than 0% and at most 100%");
    }
  else if (g_strcmp0 (key, "spare") == 0)
    {
      if (value < 0 || value > 100000 || value != floor (value))
        message = _("Spare accelerators must be a whole number from 0 to 100,000");
    }
  else if (g_strcmp0 (key, "replicas") == 0)
    {
      if (value < 1 || value > 1000 || value != floor (value))
        message = _("Replicas must be a whole number from 1 to 1,000");
    }
  else if (g_strcmp0 (key, "power_watts") == 0)
    {
      if (value < 0 || value > 100000)
        message = _("The power per accelerator must be from 0 to 100,000 W");
    }
  else
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("Unknown model value “%s”"), key);
      return FALSE;
    }

  if (message != NULL)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, message);
      return FALSE;
    }

  return TRUE;
}

const char *
cost_model_kind_to_string (CostModelKind kind)
{
  return kind == COST_MODEL_LLM ? "llm" : "ranking";
}

gboolean
cost_model_kind_from_string (const char    *str,
                             CostModelKind *kind)
{
  if (g_strcmp0 (str, "ranking") == 0)
    *kind = COST_MODEL_RANKING;
  else if (g_strcmp0 (str, "llm") == 0)
    *kind = COST_MODEL_LLM;
  else
    return FALSE;

  return TRUE;
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
    case PROP_RANGES:
      g_value_set_variant (value, self->ranges);
      break;
    default:
      if (prop_id >= PROP_THROUGHPUT && prop_id < N_PROPS)
        g_value_set_double (value, *field_for_key (&self->values, value_keys[prop_id - PROP_THROUGHPUT]));
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
    case PROP_RANGES:
      cost_served_model_set_ranges (self, g_value_get_variant (value));
      break;
    default:
      if (prop_id >= PROP_THROUGHPUT && prop_id < N_PROPS)
        cost_served_model_set_value (self, value_keys[prop_id - PROP_THROUGHPUT],
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
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_RANGES] = cost_ranges_param_spec ();
  /* The ranges are wide: cost_served_model_check_value() has the rules. */
  properties[PROP_THROUGHPUT] =
    g_param_spec_double ("throughput", NULL, NULL, 0, G_MAXDOUBLE, 1000, flags);
  properties[PROP_WORK_PER_REQUEST] =
    g_param_spec_double ("work-per-request", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  properties[PROP_UTILISATION] =
    g_param_spec_double ("utilisation", NULL, NULL, 0, 1, 0.6, flags);
  properties[PROP_SPARE] = g_param_spec_double ("spare", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_REPLICAS] =
    g_param_spec_double ("replicas", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  properties[PROP_POWER_WATTS] =
    g_param_spec_double ("power-watts", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);

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
  g_return_if_fail (kind == COST_MODEL_RANKING || kind == COST_MODEL_LLM);

  if (self->values.kind != kind)
    {
      self->values.kind = kind;
      emit_changed (self, PROP_KIND);
    }
}

/**
 * cost_served_model_get_value:
 * @key: one of cost_served_model_list_keys()
 */
double
cost_served_model_get_value (CostServedModel *self,
                             const char      *key)
{
  double *field;

  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), 0);

  field = field_for_key (&self->values, key);
  g_return_val_if_fail (field != NULL, 0);

  return *field;
}

gboolean
cost_served_model_set_value (CostServedModel  *self,
                             const char       *key,
                             double            value,
                             GError          **error)
{
  double *field;

  g_return_val_if_fail (COST_IS_SERVED_MODEL (self), FALSE);

  if (!cost_served_model_check_value (key, value, error))
    return FALSE;

  field = field_for_key (&self->values, key);
  if (*field != value)
    {
      *field = value;
      emit_changed (self, prop_for_key (key));
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
