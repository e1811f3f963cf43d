/* cost-catalogue.c
 *
 * The built-in catalogue ships as a resource; a user catalogue in
 * $XDG_CONFIG_HOME/modelcost/gpu-catalogue.json adds to it or replaces its
 * entries by id. A malformed user catalogue is reported and the built-in one
 * still loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-catalogue-resources.h"
#include "cost-json-reader.h"
#include "cost-project-io.h"

#define MAX_CATALOGUE_BYTES (4 * 1024 * 1024)
#define MAX_ACCELERATORS    1000
#define MAX_FIGURE          1e12
#define MAX_ENTRIES         10000
#define MAX_LLM_MODELS      1000

struct _CostCatalogue
{
  GObject    parent_instance;

  GPtrArray *accelerators;  /* CostAccelerator */
  GPtrArray *llm_models;    /* CostLlmPreset */
  char      *user_error;
};

G_DEFINE_FINAL_TYPE (CostCatalogue, cost_catalogue, G_TYPE_OBJECT)

static void
throughput_free (gpointer data)
{
  CostThroughput *t = data;

  g_free (t->benchmark);
  g_free (t->round);
  g_free (t->scenario);
  g_free (t->unit);
  g_free (t->source);
  g_free (t);
}

static void
price_free (gpointer data)
{
  CostPrice *p = data;

  g_free (p->provider);
  g_free (p->instance);
  g_free (p->currency);
  g_free (p->region);
  g_free (p->note);
  g_free (p->as_of);
  g_free (p);
}

static void
accelerator_free (gpointer data)
{
  CostAccelerator *a = data;

  g_free (a->id);
  g_free (a->name);
  g_free (a->vendor);
  g_free (a->source);
  g_ptr_array_unref (a->throughputs);
  g_ptr_array_unref (a->prices);
  g_free (a);
}

static void
llm_preset_free (gpointer data)
{
  CostLlmPreset *p = data;

  g_free (p->id);
  g_free (p->name);
  g_free (p->source);
  g_free (p);
}

static void
cost_catalogue_finalize (GObject *object)
{
  CostCatalogue *self = (CostCatalogue *) object;

  g_clear_pointer (&self->accelerators, g_ptr_array_unref);
  g_clear_pointer (&self->llm_models, g_ptr_array_unref);
  g_clear_pointer (&self->user_error, g_free);

  G_OBJECT_CLASS (cost_catalogue_parent_class)->finalize (object);
}

static void
cost_catalogue_class_init (CostCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cost_catalogue_finalize;
}

static void
cost_catalogue_init (CostCatalogue *self)
{
  self->accelerators = g_ptr_array_new_with_free_func (accelerator_free);
  self->llm_models = g_ptr_array_new_with_free_func (llm_preset_free);
}

CostCatalogue *
cost_catalogue_new (void)
{
  return g_object_new (COST_TYPE_CATALOGUE, NULL);
}

/* Reading ----------------------------------------------------------------- */

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *reason)
{
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE, "%s: %s", path, reason);
  return FALSE;
}

/* The checked getters of cost-json-reader.c, with the limits every
 * document has; what the catalogue adds is its copies of the strings and
 * figures that must be greater than 0. */
static gboolean
get_string (CostJsonReader  *r,
            JsonObject      *o,
            const char      *key,
            gboolean         required,
            char           **out,
            GError         **error)
{
  const char *value;

  if (!cost_json_reader_string (r, o, key, required, &value, error))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

/* A figure the catalogue does not know is null or left out. */
static gboolean
get_number (CostJsonReader  *r,
            JsonObject      *o,
            const char      *key,
            gboolean         required,
            gboolean         positive,
            double          *out,
            GError         **error)
{
  JsonNode *node = json_object_get_member (o, key);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node) && !required)
    {
      *out = 0;
      return TRUE;
    }

  if (!cost_json_reader_number (r, o, key, required, 0, positive ? -MAX_FIGURE : 0, MAX_FIGURE, out, error))
    return FALSE;

  if (positive && *out <= 0)
    return cost_json_reader_fail (r, key, error, _("must be a number greater than 0"));

  return TRUE;
}

static CostAccelerator *
read_accelerator (CostJsonReader  *r,
                  JsonObject      *o,
                  gboolean         from_user,
                  GError         **error)
{
  CostAccelerator *a = g_new0 (CostAccelerator, 1);
  JsonArray *list;
  GError *local_error = NULL;
  gsize at;

  a->throughputs = g_ptr_array_new_with_free_func (throughput_free);
  a->prices = g_ptr_array_new_with_free_func (price_free);
  a->from_user = from_user;

  if (!get_string (r, o, "id", TRUE, &a->id, error) ||
      !get_string (r, o, "name", TRUE, &a->name, error) ||
      !get_string (r, o, "vendor", FALSE, &a->vendor, error) ||
      !get_number (r, o, "memory_gb", FALSE, FALSE, &a->memory_gb, error) ||
      !get_number (r, o, "memory_bw_tbs", FALSE, FALSE, &a->memory_bw_tbs, error) ||
      !get_number (r, o, "bf16_tflops", FALSE, FALSE, &a->bf16_tflops, error) ||
      !get_number (r, o, "int8_tops", FALSE, FALSE, &a->int8_tops, error) ||
      !get_number (r, o, "tdp_w", FALSE, FALSE, &a->tdp_w, error) ||
      !get_string (r, o, "source", FALSE, &a->source, error))
    goto failed;

  if (a->id[0] == '\0' || a->name[0] == '\0')
    {
      cost_json_reader_fail (r, a->id[0] ? "name" : "id", error, _("must not be empty"));
      goto failed;
    }

  list = cost_json_reader_array (r, o, "throughput", MAX_ENTRIES, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      CostThroughput *throughput;
      g_autofree char *kind = NULL;
      JsonObject *t;

      at = cost_json_reader_push_key (r, "throughput");
      cost_json_reader_push_index (r, i);
      if ((t = cost_json_reader_element (r, list, i, error)) == NULL)
        goto failed;

      throughput = g_new0 (CostThroughput, 1);
      g_ptr_array_add (a->throughputs, throughput);
      if (!get_string (r, t, "benchmark", TRUE, &throughput->benchmark, error) ||
          !get_string (r, t, "kind", TRUE, &kind, error) ||
          !get_string (r, t, "round", FALSE, &throughput->round, error) ||
          !get_string (r, t, "scenario", FALSE, &throughput->scenario, error) ||
          !get_number (r, t, "value", TRUE, TRUE, &throughput->value, error) ||
          !get_string (r, t, "unit", TRUE, &throughput->unit, error) ||
          !get_string (r, t, "source", TRUE, &throughput->source, error))
        goto failed;
      if (!cost_model_kind_from_string (kind, &throughput->kind) || throughput->kind == COST_MODEL_LLM_TOKENS)
        {
          cost_json_reader_fail (r, "kind", error, _("must be “ranking” or “llm”"));
          goto failed;
        }
      cost_json_reader_pop (r, at);
    }

  list = cost_json_reader_array (r, o, "prices", MAX_ENTRIES, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      CostPrice *price;
      JsonObject *p;
      double gpus;

      at = cost_json_reader_push_key (r, "prices");
      cost_json_reader_push_index (r, i);
      if ((p = cost_json_reader_element (r, list, i, error)) == NULL)
        goto failed;

      price = g_new0 (CostPrice, 1);
      g_ptr_array_add (a->prices, price);
      if (!get_string (r, p, "provider", TRUE, &price->provider, error) ||
          !get_string (r, p, "instance", FALSE, &price->instance, error) ||
          !get_number (r, p, "gpus", FALSE, FALSE, &gpus, error) ||
          !get_number (r, p, "per_gpu_hour", TRUE, TRUE, &price->per_gpu_hour, error) ||
          !get_string (r, p, "currency", TRUE, &price->currency, error) ||
          !get_string (r, p, "region", FALSE, &price->region, error) ||
          !get_string (r, p, "note", FALSE, &price->note, error) ||
          !get_string (r, p, "as_of", FALSE, &price->as_of, error))
        goto failed;
      if (!cost_check_currency (price->currency, NULL))
        {
          cost_json_reader_fail (r, "currency", error, _("must be a three-letter ISO 4217 code such as USD"));
          goto failed;
        }
      if (!cost_check_date (price->as_of, NULL))
        {
          cost_json_reader_fail (r, "as_of", error, _("must be a date of the form YYYY-MM-DD"));
          goto failed;
        }
      if (gpus != floor (gpus) || gpus > 100000)
        {
          cost_json_reader_fail (r, "gpus", error, _("must be a whole number of GPUs"));
          goto failed;
        }
      price->gpus = (int) gpus;
      price->example = json_object_has_member (p, "example") &&
                       JSON_NODE_HOLDS_VALUE (json_object_get_member (p, "example")) &&
                       json_object_get_boolean_member (p, "example");
      cost_json_reader_pop (r, at);
    }

  return a;

failed:
  accelerator_free (a);
  return NULL;
}

static CostLlmPreset *
read_llm_model (CostJsonReader  *r,
                JsonObject      *o,
                gboolean         from_user,
                GError         **error)
{
  CostLlmPreset *p = g_new0 (CostLlmPreset, 1);
  gboolean heads;

  p->from_user = from_user;
  if (!get_string (r, o, "id", TRUE, &p->id, error) ||
      !get_string (r, o, "name", TRUE, &p->name, error) ||
      !get_number (r, o, "params_b", TRUE, TRUE, &p->params_b, error) ||
      !get_number (r, o, "active_params_b", TRUE, TRUE, &p->active_params_b, error) ||
      !get_number (r, o, "layers", TRUE, TRUE, &p->layers, error) ||
      !get_number (r, o, "attention_heads", FALSE, FALSE, &p->attention_heads, error) ||
      !get_number (r, o, "kv_heads", FALSE, FALSE, &p->kv_heads, error) ||
      !get_number (r, o, "head_dim", FALSE, FALSE, &p->head_dim, error) ||
      !get_number (r, o, "kv_elements_per_token_per_layer", FALSE, FALSE, &p->kv_elements, error) ||
      !get_number (r, o, "max_context", FALSE, FALSE, &p->max_context, error) ||
      !get_string (r, o, "source", FALSE, &p->source, error))
    goto failed;

  if (p->id[0] == '\0' || p->name[0] == '\0')
    {
      cost_json_reader_fail (r, p->id[0] ? "name" : "id", error, _("must not be empty"));
      goto failed;
    }
  if (p->active_params_b > p->params_b)
    {
      cost_json_reader_fail (r, "active_params_b", error, _("must be at most the parameters"));
      goto failed;
    }
  heads = p->kv_heads > 0 && p->head_dim > 0;
  if (!heads && p->kv_elements <= 0)
    {
      cost_json_reader_fail (r, "kv_elements_per_token_per_layer", error,
                             _("is needed when the KV heads and head dimension are not given"));
      goto failed;
    }
  if (p->kv_elements <= 0)
    p->kv_elements = 2 * p->kv_heads * p->head_dim;

  return p;

failed:
  llm_preset_free (p);
  return NULL;
}

/* Entries of @loaded replace those of the same id in @entries, in their
 * place; the others are added at the end. @entries takes them over. The
 * id is an entry's first member. */
static void
merge_by_id (GPtrArray *entries,
             GPtrArray *loaded)
{
  for (guint i = 0; i < loaded->len; i++)
    {
      const char *id = *(char **) g_ptr_array_index (loaded, i);
      guint existing;

      for (existing = 0; existing < entries->len; existing++)
        {
          if (g_strcmp0 (id, *(char **) g_ptr_array_index (entries, existing)) == 0)
            break;
        }

      if (existing < entries->len)
        g_ptr_array_remove_index (entries, existing);
      g_ptr_array_insert (entries, existing, g_ptr_array_index (loaded, i));
    }
  g_ptr_array_set_free_func (loaded, NULL);
}

/**
 * cost_catalogue_load_data:
 * @from_user: the data comes from the user's catalogue: its entries replace
 *   those of the same id
 *
 * Adds the accelerators of a catalogue document. On error nothing is added.
 */
gboolean
cost_catalogue_load_data (CostCatalogue  *self,
                          const char     *data,
                          gssize          length,
                          gboolean        from_user,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (accelerator_free);
  g_autoptr(GPtrArray) llm_models = g_ptr_array_new_with_free_func (llm_preset_free);
  g_autoptr(GError) parse_error = NULL;
  CostJsonReader r;
  JsonNode *root;
  JsonObject *o;
  JsonArray *list;
  JsonNode *format;
  GError *local_error = NULL;

  g_return_val_if_fail (COST_IS_CATALOGUE (self), FALSE);

  if (length < 0)
    length = strlen (data);

  if (length > MAX_CATALOGUE_BYTES)
    return fail (error, _("catalogue"), _("the file is larger than 4 MB"));

  if (!g_utf8_validate (data, length, NULL))
    return fail (error, _("catalogue"), _("the file is not UTF-8 text"));

  /* The catalogue is nested at most five levels deep. */
  if (!cost_json_check_depth (data, length, 16, &local_error))
    {
      fail (error, _("catalogue"), local_error->message);
      g_clear_error (&local_error);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib may quote the bytes it could not read */
      g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);

      return fail (error, _("catalogue"), message);
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, _("catalogue"), _("not a ModelCost catalogue"));

  o = json_node_get_object (root);
  format = json_object_get_member (o, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), "modelcost-catalogue") != 0)
    return fail (error, "format", _("must be “modelcost-catalogue”"));

  cost_json_reader_init (&r);
  /* A catalogue has accelerators, LLM architectures, or both. */
  list = cost_json_reader_array (&r, o, "accelerators", MAX_ACCELERATORS, error);
  if (list == NULL && (json_object_has_member (o, "accelerators") || !json_object_has_member (o, "llm_models")))
    {
      if (!json_object_has_member (o, "accelerators"))
        cost_json_reader_fail (&r, "accelerators", error, _("is missing"));
      cost_json_reader_clear (&r);
      return FALSE;
    }

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry;
      CostAccelerator *a;

      cost_json_reader_push_key (&r, "accelerators");
      cost_json_reader_push_index (&r, i);
      if ((entry = cost_json_reader_element (&r, list, i, error)) == NULL ||
          (a = read_accelerator (&r, entry, from_user, error)) == NULL)
        {
          cost_json_reader_clear (&r);
          return FALSE;
        }
      cost_json_reader_pop (&r, 0);

      g_ptr_array_add (loaded, a);
    }

  list = cost_json_reader_array (&r, o, "llm_models", MAX_LLM_MODELS, error);
  if (list == NULL && json_object_has_member (o, "llm_models"))
    {
      cost_json_reader_clear (&r);
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry;
      CostLlmPreset *p;

      cost_json_reader_push_key (&r, "llm_models");
      cost_json_reader_push_index (&r, i);
      if ((entry = cost_json_reader_element (&r, list, i, error)) == NULL ||
          (p = read_llm_model (&r, entry, from_user, error)) == NULL)
        {
          cost_json_reader_clear (&r);
          return FALSE;
        }
      cost_json_reader_pop (&r, 0);

      g_ptr_array_add (llm_models, p);
    }
  cost_json_reader_clear (&r);

  merge_by_id (self->accelerators, loaded);
  merge_by_id (self->llm_models, llm_models);

  return TRUE;
}

gboolean
cost_catalogue_load_builtin (CostCatalogue  *self,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (COST_IS_CATALOGUE (self), FALSE);

  /* Looked up in the library's own resource, which also keeps it linked in. */
  bytes = g_resource_lookup_data (cost_catalogue_get_resource (),
                                  "/io/github/modelcost/ModelCost/gpu-catalogue.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  return cost_catalogue_load_data (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   FALSE, error);
}

/**
 * cost_catalogue_load_user:
 *
 * Adds the user's catalogue. A missing file is not an error; a malformed one
 * is, and its message stays available from cost_catalogue_get_user_error().
 */
gboolean
cost_catalogue_load_user (CostCatalogue  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (COST_IS_CATALOGUE (self), FALSE);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
    }
  else if (cost_catalogue_load_data (self, contents, length, TRUE, &local_error))
    return TRUE;

  g_free (self->user_error);
  self->user_error = g_strdup_printf ("%s: %s", name, local_error->message);
  g_set_error_literal (error, local_error->domain, local_error->code, self->user_error);

  return FALSE;
}

/**
 * cost_catalogue_get_user_error:
 *
 * Returns: (nullable): why the user's catalogue could not be read
 */
const char *
cost_catalogue_get_user_error (CostCatalogue *self)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), NULL);

  return self->user_error;
}

/**
 * cost_catalogue_get_default:
 *
 * Returns: (transfer none): the built-in catalogue with the user's additions
 */
CostCatalogue *
cost_catalogue_get_default (void)
{
  static CostCatalogue *catalogue;

  if (g_once_init_enter (&catalogue))
    {
      CostCatalogue *c = cost_catalogue_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (g_get_user_config_dir (), "modelcost",
                                                "gpu-catalogue.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!cost_catalogue_load_builtin (c, &error))
        g_critical ("The built-in GPU catalogue does not load: %s", error->message);
      g_clear_error (&error);
      if (!cost_catalogue_load_user (c, file, &error))
        g_warning ("%s", error->message);

      g_once_init_leave (&catalogue, c);
    }

  return catalogue;
}

guint
cost_catalogue_get_n_accelerators (CostCatalogue *self)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), 0);

  return self->accelerators->len;
}

const CostAccelerator *
cost_catalogue_get_accelerator (CostCatalogue *self,
                                guint          position)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (position < self->accelerators->len, NULL);

  return g_ptr_array_index (self->accelerators, position);
}

/**
 * cost_catalogue_find:
 *
 * Returns: (nullable): the accelerator with this id or name
 */
const CostAccelerator *
cost_catalogue_find (CostCatalogue *self,
                     const char    *name_or_id)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), NULL);

  for (guint i = 0; i < self->accelerators->len; i++)
    {
      CostAccelerator *a = g_ptr_array_index (self->accelerators, i);

      if (g_strcmp0 (a->id, name_or_id) == 0 || g_strcmp0 (a->name, name_or_id) == 0)
        return a;
    }

  return NULL;
}

/**
 * cost_accelerator_get_throughput:
 *
 * Returns: (nullable): the reference throughput for a kind of model: MLPerf
 *   DLRM-v2 (99%) for ranking, Llama-2-70B for LLMs; the Server scenario
 *   (latency-bound) when there is one
 */
const CostThroughput *
cost_accelerator_get_throughput (const CostAccelerator *accelerator,
                                 CostModelKind          kind)
{
  const char *benchmark = kind == COST_MODEL_LLM ? "llama2-70b-99" : "dlrm-v2-99";
  const CostThroughput *best = NULL;

  for (guint i = 0; i < accelerator->throughputs->len; i++)
    {
      const CostThroughput *t = g_ptr_array_index (accelerator->throughputs, i);

      if (g_strcmp0 (t->benchmark, benchmark) != 0)
        continue;
      if (best == NULL || g_strcmp0 (t->scenario, "Server") == 0)
        best = t;
    }

  return best;
}

/**
 * cost_accelerator_get_price:
 *
 * Returns: (nullable): the first example price
 */
const CostPrice *
cost_accelerator_get_price (const CostAccelerator *accelerator)
{
  return accelerator->prices->len > 0 ? g_ptr_array_index (accelerator->prices, 0) : NULL;
}

/**
 * cost_accelerator_get_llm_gpu:
 *
 * The accelerator's figures for token-based sizing.
 */
void
cost_accelerator_get_llm_gpu (const CostAccelerator *accelerator,
                              CostLlmGpu            *gpu)
{
  gpu->memory_gb = accelerator->memory_gb;
  gpu->bandwidth_tbs = accelerator->memory_bw_tbs;
  gpu->bf16_tflops = accelerator->bf16_tflops;
  gpu->int8_tops = accelerator->int8_tops;
}

guint
cost_catalogue_get_n_llm_models (CostCatalogue *self)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), 0);

  return self->llm_models->len;
}

const CostLlmPreset *
cost_catalogue_get_llm_model (CostCatalogue *self,
                              guint          position)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (position < self->llm_models->len, NULL);

  return g_ptr_array_index (self->llm_models, position);
}

/**
 * cost_catalogue_find_llm_model:
 *
 * Returns: (nullable): the LLM architecture with this id or name
 */
const CostLlmPreset *
cost_catalogue_find_llm_model (CostCatalogue *self,
                               const char    *name_or_id)
{
  g_return_val_if_fail (COST_IS_CATALOGUE (self), NULL);

  for (guint i = 0; i < self->llm_models->len; i++)
    {
      CostLlmPreset *p = g_ptr_array_index (self->llm_models, i);

      if (g_strcmp0 (p->id, name_or_id) == 0 || g_strcmp0 (p->name, name_or_id) == 0)
        return p;
    }

  return NULL;
}

/**
 * cost_llm_preset_apply:
 *
 * Sets the model figures of @inputs to the preset's: its parameters, its
 * layers, and its KV heads and head dimension, or the elements it caches
 * per token and layer when it has no heads (latent attention).
 */
void
cost_llm_preset_apply (const CostLlmPreset *preset,
                       CostLlmInputs       *inputs)
{
  inputs->params_b = preset->params_b;
  inputs->active_params_b = preset->active_params_b;
  inputs->layers = preset->layers;
  if (preset->kv_heads > 0 && preset->head_dim > 0)
    {
      inputs->kv_heads = preset->kv_heads;
      inputs->head_dim = preset->head_dim;
      inputs->kv_elements = 0;
    }
  else
    {
      inputs->kv_heads = 0;
      inputs->head_dim = 0;
      inputs->kv_elements = preset->kv_elements;
    }
}

/**
 * cost_catalogue_is_far:
 * @entered: a figure the user entered: a throughput, a price
 * @reference: the catalogue's figure for the same accelerator
 *
 * The one rule for when a figure is worth a second look: more than twice
 * the catalogue's, or less than half of it. A figure or a reference that is
 * not a positive number is never far.
 *
 * Returns: whether @entered is more than a factor of two from @reference
 */
gboolean
cost_catalogue_is_far (double entered,
                       double reference)
{
  if (!isfinite (entered) || !isfinite (reference) || entered <= 0 || reference <= 0)
    return FALSE;

  return entered > 2 * reference || entered < reference / 2;
}
