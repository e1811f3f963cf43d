/* cost-scenario-reader.c
 *
 * Reading what a project plans with beyond its items: scenarios and their
 * overrides, served models, the workload and exchange rates. Part of the
 * project reader (cost-project-reader.c), with the same checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-item-private.h"
#include "cost-override.h"
#include "cost-project-io.h"
#include "cost-project-private.h"
#include "cost-project-reader-private.h"
#include "cost-ranges.h"
#include "cost-scenario-private.h"

static gboolean
read_override (Reader        *r,
               JsonObject    *object,
               int            horizon,
               CostScenario  *scenario,
               GError       **error)
{
  CostOverride o = { 0 };
  const char *item_id;

  if (!cost_json_reader_string (&r->json, object, "item", TRUE, &item_id, error))
    return FALSE;

  for (guint i = 0; i < COST_N_OVERRIDE_FIELDS; i++)
    {
      const CostOverrideField *field = &cost_override_fields[i];
      const CostValueRange *range = cost_value_range (field->value);
      void *at = (char *) &o + field->override_offset;
      int whole;

      if (!json_object_has_member (object, field->key) &&
          !(field->kind == COST_OVERRIDE_KIND_MONTHS && json_object_has_member (object, "end_month")))
        continue;

      switch (field->kind)
        {
        case COST_OVERRIDE_KIND_NUMBER:
          if (!_cost_reader_value (r, object, field->key, TRUE, field->value, 0, at, error))
            return FALSE;
          break;
        case COST_OVERRIDE_KIND_WHOLE:
          if (!cost_json_reader_int (&r->json, object, field->key, TRUE, 0, range->min, range->max,
                                     &whole, error))
            return FALSE;
          *(guint *) at = whole;
          break;
        case COST_OVERRIDE_KIND_PERIOD:
          if (!_cost_reader_period (r, object, TRUE, at, error))
            return FALSE;
          break;
        case COST_OVERRIDE_KIND_MONTHS:
          if (!_cost_reader_months (r, object, horizon, at, (int *) at + 1, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
      o.fields |= field->flag;
    }

  if (o.fields == 0)
    return cost_json_reader_fail (&r->json, NULL, error, _("overrides nothing"));

  if (cost_scenario_get_override (scenario, item_id, NULL))
    return cost_json_reader_fail (&r->json, "item", error, _("“%s” is overridden twice"), item_id);

  return cost_scenario_set_override (scenario, item_id, &o, error);
}

const char * const _cost_reader_workload_keys[] = {
  "daily_active_users", "requests_per_user_per_day", "peak_to_average", "peak_hours",
  "orders_per_month", "gmv_per_month", NULL
};

/* Reads an object of workload or model values into @func, each checked. */
gboolean
_cost_reader_values (Reader              *r,
             JsonObject          *object,
             const char          *key,
             const char * const  *keys,
             gboolean           (*check) (const char *, double, GError **),
             gboolean           (*func) (gpointer, const char *, double),
             gpointer             data,
             GVariant           **ranges,
             GError             **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonObject *values;
  gsize saved;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (&r->json, key, error, _("must be an object"));

  values = json_node_get_object (node);
  saved = cost_json_reader_push_key (&r->json, key);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;
      g_autoptr(GError) reason = NULL;

      if (!json_object_has_member (values, keys[i]))
        continue;
      if (!cost_json_reader_number (&r->json, values, keys[i], TRUE, 0, -G_MAXDOUBLE, G_MAXDOUBLE, &value, error))
        return FALSE;
      if (!check (keys[i], value, &reason))
        return cost_json_reader_fail (&r->json, keys[i], error, "%s", reason->message);
      func (data, keys[i], value);
    }

  {
    g_autoptr(GList) members = json_object_get_members (values);

    /* The project's traffic figures may carry ranges; a scenario's may not. */
    if (ranges != NULL &&
        !cost_ranges_read (&r->json, values, COST_RANGE_SUBJECT_WORKLOAD, ranges, error))
      return FALSE;

    for (GList *l = members; l != NULL; l = l->next)
      {
        if (ranges != NULL && g_str_equal (l->data, "ranges"))
          continue;
        if (!g_strv_contains (keys, l->data))
          return cost_json_reader_fail (&r->json, l->data, error, _("is not a value ModelCost knows"));
      }
  }
  cost_json_reader_pop (&r->json, saved);

  return TRUE;
}

gboolean
_cost_reader_set_workload_value (gpointer    data,
                    const char *key,
                    double      value)
{
  CostWorkload *workload = data;

  if (g_str_equal (key, "daily_active_users"))
    return cost_workload_set_daily_active_users (workload, value, NULL);
  if (g_str_equal (key, "requests_per_user_per_day"))
    return cost_workload_set_requests_per_user (workload, value, NULL);
  if (g_str_equal (key, "peak_to_average"))
    return cost_workload_set_peak_to_average (workload, value, NULL);
  if (g_str_equal (key, "orders_per_month"))
    return cost_workload_set_orders_per_month (workload, value, NULL);
  if (g_str_equal (key, "gmv_per_month"))
    return cost_workload_set_gmv_per_month (workload, value, NULL);
  return cost_workload_set_peak_hours (workload, value, NULL);
}

typedef struct
{
  CostScenario *scenario;
  const char   *target;
} SizingTarget;

static gboolean
set_scenario_value (gpointer    data,
                    const char *key,
                    double      value)
{
  SizingTarget *t = data;

  return cost_scenario_set_sizing_value (t->scenario, t->target, key, value, NULL);
}

/* Reads @key of a model of @kind into @value: a number, or the name of a
 * precision. A value of another kind of model is refused. */
static gboolean
read_model_value (Reader         *r,
                  JsonObject     *object,
                  const char     *key,
                  CostModelKind   kind,
                  double         *value,
                  GError        **error)
{
  g_autoptr(GError) reason = NULL;

  if (!cost_served_model_key_applies (key, kind))
    return cost_json_reader_fail (&r->json, key, error, _("is not a value of a model of kind “%s”"),
                                  cost_model_kind_to_string (kind));

  if (cost_served_model_key_is_precision (key))
    {
      const char *name;
      CostPrecision precision;

      if (!cost_json_reader_string (&r->json, object, key, TRUE, &name, error))
        return FALSE;
      if (!cost_precision_from_string (name, &precision))
        return cost_json_reader_fail (&r->json, key, error,
                                      _("must be “bf16”, “fp16”, “fp8”, “int8” or “int4”"));
      *value = precision;
      return TRUE;
    }

  if (!cost_json_reader_number (&r->json, object, key, TRUE, 0, -G_MAXDOUBLE, G_MAXDOUBLE, value, error))
    return FALSE;
  if (!cost_served_model_check_value (key, *value, &reason))
    return cost_json_reader_fail (&r->json, key, error, "%s", reason->message);

  return TRUE;
}

/* The ranges a scenario gives in place of the baseline's:
 * `"ranges": {"items/gpu": {"unit_price": {…}}, "workload": {}}`, an empty
 * object for none at all. */
static gboolean
read_scenario_ranges (Reader        *r,
                      JsonObject    *object,
                      CostScenario  *scenario,
                      GError       **error)
{
  JsonNode *node = json_object_get_member (object, "ranges");
  g_autoptr(GList) members = NULL;
  JsonObject *map;
  gsize saved;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (&r->json, "ranges", error,
                                  _("must be an object of items, categories, the workload or models "
                                    "and their ranges"));

  map = json_node_get_object (node);
  members = json_object_get_members (map);
  saved = cost_json_reader_push_key (&r->json, "ranges");
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *subject = l->data;
      g_autoptr(GVariant) ranges = NULL;
      CostRangeSubject kind;
      const char *id = NULL;
      gboolean known;

      if (g_str_equal (subject, "workload"))
        {
          kind = COST_RANGE_SUBJECT_WORKLOAD;
          known = TRUE;
        }
      else if (g_str_has_prefix (subject, "items/"))
        {
          kind = COST_RANGE_SUBJECT_ITEM;
          id = subject + strlen ("items/");
          known = g_hash_table_contains (r->ids, id);
        }
      else if (g_str_has_prefix (subject, "categories/"))
        {
          kind = COST_RANGE_SUBJECT_CATEGORY;
          id = subject + strlen ("categories/");
          known = g_hash_table_contains (r->ids, id);
        }
      else if (g_str_has_prefix (subject, "models/"))
        {
          kind = COST_RANGE_SUBJECT_MODEL;
          id = subject + strlen ("models/");
          known = g_hash_table_contains (r->models, id);
        }
      else
        return cost_json_reader_fail (&r->json, subject, error,
                                      _("must be “workload”, or “items/”, “categories/” or “models/” "
                                        "followed by an id"));

      if (!known)
        return cost_json_reader_fail (&r->json, subject, error, _("no item, category or model has the id “%s”"),
                                      id);

      if (!cost_ranges_read_node (&r->json, json_object_get_member (map, subject), subject, kind, &ranges, error))
        return FALSE;
      cost_scenario_set_ranges (scenario, subject, ranges);
    }
  cost_json_reader_pop (&r->json, saved);

  return TRUE;
}

/* What an LLM sized by tokens takes from the catalogue when the file does
 * not say: the figures of its preset and of its accelerator. Returns
 * whether the preset is in the catalogue. */
static gboolean
llm_defaults (CostServedModel *model)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  const CostLlmPreset *preset = NULL;
  const CostAccelerator *accelerator = NULL;
  const char *name;
  CostModelValues values;

  cost_served_model_get_values (model, &values);

  name = cost_served_model_get_preset (model);
  if (name[0] != '\0' && (preset = cost_catalogue_find_llm_model (catalogue, name)) != NULL)
    cost_llm_preset_apply (preset, &values.llm);
  else
    {
      /* No figures but the file's */
      CostLlmPreset none = { NULL, };

      cost_llm_preset_apply (&none, &values.llm);
    }

  name = cost_served_model_get_accelerator (model);
  if (name[0] != '\0' && (accelerator = cost_catalogue_find (catalogue, name)) != NULL)
    cost_accelerator_get_llm_gpu (accelerator, &values.llm.gpu);
  else
    memset (&values.llm.gpu, 0, sizeof values.llm.gpu);

  for (const char * const *k = cost_served_model_list_kind_keys (COST_MODEL_LLM_TOKENS); *k != NULL; k++)
    cost_served_model_set_value (model, *k, cost_model_values_get (&values, *k), NULL);

  return preset != NULL;
}

CostServedModel *
_cost_reader_model (Reader      *r,
                    JsonObject  *object,
                    GError     **error)
{
  const char *id, *name, *kind_str, *accelerator, *preset;
  const char * const *keys = cost_served_model_list_keys ();
  g_autoptr(CostServedModel) model = NULL;
  gboolean from_preset = FALSE;
  CostModelKind kind;

  if (!cost_json_reader_id (&r->json, object, &id, error) ||
      !cost_json_reader_string (&r->json, object, "name", TRUE, &name, error) ||
      !cost_json_reader_string (&r->json, object, "kind", TRUE, &kind_str, error) ||
      !cost_json_reader_string (&r->json, object, "accelerator", FALSE, &accelerator, error) ||
      !cost_json_reader_string (&r->json, object, "preset", FALSE, &preset, error))
    return NULL;

  if (!cost_model_kind_from_string (kind_str, &kind))
    {
      cost_json_reader_fail (&r->json, "kind", error, _("must be “ranking”, “llm” or “llm-tokens”"));
      return NULL;
    }

  if (g_hash_table_contains (r->models, id) || cost_driver_is_power (id))
    {
      cost_json_reader_fail (&r->json, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_insert (r->models, (gpointer) id, GUINT_TO_POINTER (kind + 1));

  model = cost_served_model_new (id, name);
  cost_served_model_set_kind (model, kind);
  cost_served_model_set_accelerator (model, accelerator, NULL);
  cost_served_model_set_preset (model, preset, NULL);
  if (kind == COST_MODEL_LLM_TOKENS)
    from_preset = llm_defaults (model);

  {
    g_autoptr(GVariant) ranges = NULL;

    if (!cost_ranges_read (&r->json, object, COST_RANGE_SUBJECT_MODEL, &ranges, error))
      return NULL;
    cost_served_model_set_ranges (model, ranges);
  }

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gboolean required = FALSE;
      double value;

      if (kind == COST_MODEL_LLM_TOKENS)
        required = g_str_equal (keys[i], "input_tokens") || g_str_equal (keys[i], "output_tokens") ||
                   (!from_preset && (g_str_equal (keys[i], "params_b") || g_str_equal (keys[i], "layers")));
      else
        required = g_str_equal (keys[i], "throughput") || g_str_equal (keys[i], "work_per_request");

      /* A missing value that is needed is reported as missing */
      if (!json_object_has_member (object, keys[i]) && !required)
        continue;
      if (!read_model_value (r, object, keys[i], kind, &value, error))
        return NULL;
      cost_served_model_set_value (model, keys[i], value, NULL);
    }

  if (kind == COST_MODEL_LLM_TOKENS)
    {
      CostModelValues v;

      /* A dense model unless it says otherwise */
      if (json_object_has_member (object, "params_b") && !json_object_has_member (object, "active_params_b"))
        cost_served_model_set_value (model, "active_params_b", cost_served_model_get_value (model, "params_b"), NULL);

      cost_served_model_get_values (model, &v);
      if (v.llm.active_params_b > v.llm.params_b)
        {
          cost_json_reader_fail (&r->json, "active_params_b", error, _("must be at most params_b"));
          return NULL;
        }
      if (v.llm.kv_elements <= 0 && (v.llm.kv_heads < 1 || v.llm.head_dim < 1))
        {
          cost_json_reader_fail (&r->json, "kv_heads", error,
                                 _("give kv_heads and head_dim, or kv_elements_per_token_per_layer"));
          return NULL;
        }
    }

  return g_steal_pointer (&model);
}

/* Reads the values a scenario overrides of a served model. */
static gboolean
read_scenario_model (Reader        *r,
                     JsonObject    *models,
                     const char    *id,
                     CostScenario  *scenario,
                     GError       **error)
{
  CostModelKind kind = GPOINTER_TO_UINT (g_hash_table_lookup (r->models, id)) - 1;
  JsonNode *node = json_object_get_member (models, id);
  g_autoptr(GList) members = NULL;
  JsonObject *values;
  gsize saved;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (&r->json, id, error, _("must be an object"));

  values = json_node_get_object (node);
  saved = cost_json_reader_push_key (&r->json, id);
  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      double value;

      if (!g_strv_contains (cost_served_model_list_keys (), l->data))
        return cost_json_reader_fail (&r->json, l->data, error, _("is not a value ModelCost knows"));
      if (!read_model_value (r, values, l->data, kind, &value, error))
        return FALSE;
      cost_scenario_set_sizing_value (scenario, id, l->data, value, NULL);
    }
  cost_json_reader_pop (&r->json, saved);

  return TRUE;
}

gboolean
_cost_reader_exchange_rates (Reader       *r,
                     JsonObject   *object,
                     CostProject  *project,
                     GError      **error)
{
  GError *local_error = NULL;
  JsonArray *array = cost_json_reader_array (&r->json, object, "exchange_rates", 1000, &local_error);
  gsize saved;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array == NULL)
    return TRUE;

  saved = cost_json_reader_push_key (&r->json, "exchange_rates");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved_index = cost_json_reader_push_index (&r->json, i);
      JsonObject *o = cost_json_reader_element (&r->json, array, i, error);
      const char *currency, *as_of;
      double rate;

      if (o == NULL ||
          !cost_json_reader_string (&r->json, o, "currency", TRUE, &currency, error) ||
          !cost_json_reader_number (&r->json, o, "rate", TRUE, 0, 1e-9, 1e9, &rate, error) ||
          !cost_json_reader_string (&r->json, o, "as_of", FALSE, &as_of, error))
        return FALSE;
      if (!cost_check_currency (currency, NULL))
        return cost_json_reader_fail (&r->json, "currency", error, _("must be a three-letter ISO 4217 code such as USD"));
      if (!_cost_reader_check_date (r, "as_of", as_of, error))
        return FALSE;
      cost_project_set_exchange_rate (project, currency, rate, as_of, NULL);
      cost_json_reader_pop (&r->json, saved_index);
    }
  cost_json_reader_pop (&r->json, saved);

  return TRUE;
}

static const char * const scenario_keys[] = {
  "id", "name", "description", "factors", "overrides", "excluded", "added", "workload",
  "models", "ranges", NULL
};

CostScenario *
_cost_reader_scenario (Reader      *r,
               JsonObject  *object,
               int          horizon,
               GHashTable  *scenario_ids,
               GError     **error)
{
  const char *id, *name, *description;
  g_autoptr(CostScenario) scenario = NULL;
  g_autoptr(JsonObject) extras = NULL;
  JsonNode *factors;
  JsonArray *array;
  GError *local_error = NULL;

  if (!cost_json_reader_id (&r->json, object, &id, error) ||
      !cost_json_reader_string (&r->json, object, "name", TRUE, &name, error) ||
      !cost_json_reader_string (&r->json, object, "description", FALSE, &description, error))
    return NULL;

  if (g_hash_table_contains (scenario_ids, id))
    {
      cost_json_reader_fail (&r->json, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (scenario_ids, g_strdup (id));

  scenario = cost_scenario_new (id, name);
  cost_scenario_set_description (scenario, description, NULL);

  factors = json_object_get_member (object, "factors");
  if (factors != NULL)
    {
      JsonObject *fobject;
      g_autoptr(GList) members = NULL;
      gsize saved;

      if (!JSON_NODE_HOLDS_OBJECT (factors))
        {
          cost_json_reader_fail (&r->json, "factors", error, _("must be an object of category ids and factors"));
          return NULL;
        }

      fobject = json_node_get_object (factors);
      if (json_object_get_size (fobject) > COST_MAX_CATEGORIES)
        {
          cost_json_reader_fail (&r->json, "factors", error, _("has more than %u entries"), COST_MAX_CATEGORIES);
          return NULL;
        }
      members = json_object_get_members (fobject);
      saved = cost_json_reader_push_key (&r->json, "factors");
      for (GList *l = members; l != NULL; l = l->next)
        {
          double factor;

          if (!_cost_reader_value (r, fobject, l->data, TRUE, COST_VALUE_FACTOR, 1.0, &factor, error))
            return NULL;
          cost_scenario_set_factor (scenario, l->data, factor, NULL);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  array = cost_json_reader_array (&r->json, object, "overrides", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "overrides");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = cost_json_reader_push_index (&r->json, i);
          JsonObject *o = cost_json_reader_element (&r->json, array, i, error);

          if (o == NULL || !read_override (r, o, horizon, scenario, error))
            return NULL;
          cost_json_reader_pop (&r->json, saved_index);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  array = cost_json_reader_array (&r->json, object, "excluded", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "excluded");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = cost_json_reader_push_index (&r->json, i);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              cost_json_reader_fail (&r->json, NULL, error, _("must be an item id"));
              return NULL;
            }
          cost_scenario_set_excluded (scenario, json_node_get_string (node), TRUE);
          cost_json_reader_pop (&r->json, saved_index);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  array = cost_json_reader_array (&r->json, object, "added", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "added");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = cost_json_reader_push_index (&r->json, i);
          JsonObject *o = cost_json_reader_element (&r->json, array, i, error);
          const char *category_id;
          g_autoptr(CostItem) item = NULL;

          if (o == NULL || !cost_json_reader_string (&r->json, o, "category", TRUE, &category_id, error) ||
              (item = _cost_reader_item (r, o, horizon, error)) == NULL)
            return NULL;

          cost_scenario_add_item (scenario, category_id, item);
          cost_json_reader_pop (&r->json, saved_index);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  {
    SizingTarget t = { scenario, "workload" };
    JsonNode *models;

    if (!_cost_reader_values (r, object, "workload", _cost_reader_workload_keys, cost_workload_check_value,
                      set_scenario_value, &t, NULL, error))
      return NULL;

    models = json_object_get_member (object, "models");
    if (models != NULL)
      {
        JsonObject *mobject;
        g_autoptr(GList) members = NULL;
        gsize saved;

        if (!JSON_NODE_HOLDS_OBJECT (models))
          {
            cost_json_reader_fail (&r->json, "models", error, _("must be an object of model ids and values"));
            return NULL;
          }
        mobject = json_node_get_object (models);
        members = json_object_get_members (mobject);
        saved = cost_json_reader_push_key (&r->json, "models");
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!g_hash_table_contains (r->models, l->data))
              {
                cost_json_reader_fail (&r->json, l->data, error, _("no served model has this id"));
                return NULL;
              }
            if (!read_scenario_model (r, mobject, l->data, scenario, error))
              return NULL;
          }
        cost_json_reader_pop (&r->json, saved);
      }
  }

  if (!read_scenario_ranges (r, object, scenario, error))
    return NULL;

  if (!cost_json_reader_extras (&r->json, object, scenario_keys, &extras, error))
    return NULL;
  _cost_scenario_set_extras (scenario, extras);

  return g_steal_pointer (&scenario);
}
