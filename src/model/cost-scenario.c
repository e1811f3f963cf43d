/* cost-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-scenario"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-override.h"
#include "cost-ranges.h"
#include "cost-scenario-private.h"
#include "cost-served-model.h"
#include "cost-workload.h"

typedef struct
{
  char     *category_id;
  CostItem *item;
  gpointer  owner;
} AddedItem;

struct _CostScenario
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *description;

  GHashTable *overrides;  /* item id → CostOverride */
  GHashTable *factors;    /* category id → double* */
  GHashTable *excluded;   /* set of item ids */
  GPtrArray  *added;      /* AddedItem */
  GHashTable *sizing;     /* "target\x1fkey" → double*: workload or served model values */
  GHashTable *ranges;     /* subject path → GVariant: the ranges of that subject in this scenario */

  JsonObject *extras;
};

G_DEFINE_FINAL_TYPE (CostScenario, cost_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
added_item_free (gpointer data)
{
  AddedItem *added = data;

  g_signal_handlers_disconnect_by_data (added->item, added->owner);
  g_free (added->category_id);
  g_object_unref (added->item);
  g_free (added);
}

static void
emit_changed (CostScenario *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cost_scenario_finalize (GObject *object)
{
  CostScenario *self = (CostScenario *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->factors, g_hash_table_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->sizing, g_hash_table_unref);
  g_clear_pointer (&self->ranges, g_hash_table_unref);
  g_clear_pointer (&self->extras, json_object_unref);

  G_OBJECT_CLASS (cost_scenario_parent_class)->finalize (object);
}

static void
cost_scenario_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CostScenario *self = COST_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_scenario_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CostScenario *self = COST_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      cost_scenario_set_name (self, g_value_get_string (value), NULL);
      break;
    case PROP_DESCRIPTION:
      cost_scenario_set_description (self, g_value_get_string (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_scenario_class_init (CostScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cost_scenario_finalize;
  object_class->get_property = cost_scenario_get_property;
  object_class->set_property = cost_scenario_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_scenario_init (CostScenario *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->factors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->added = g_ptr_array_new_with_free_func (added_item_free);
  self->sizing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_variant_unref);
}

CostScenario *
cost_scenario_new (const char *id,
                   const char *name)
{
  g_autofree char *made_id = NULL;

  if (id == NULL)
    id = made_id = g_uuid_string_random ();

  return g_object_new (COST_TYPE_SCENARIO, "id", id, "name", name ? name : "", NULL);
}

/**
 * cost_scenario_copy:
 *
 * Returns: (transfer full): a scenario with the same differences from the baseline
 */
CostScenario *
cost_scenario_copy (CostScenario *self,
                    const char   *new_id,
                    const char   *new_name)
{
  CostScenario *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  copy = cost_scenario_new (new_id, new_name ? new_name : self->name);
  g_free (copy->description);
  copy->description = g_strdup (self->description);

  g_hash_table_iter_init (&iter, self->overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->overrides, g_strdup (key), g_memdup2 (value, sizeof (CostOverride)));

  g_hash_table_iter_init (&iter, self->factors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->factors, g_strdup (key), g_memdup2 (value, sizeof (double)));

  g_hash_table_iter_init (&iter, self->excluded);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->excluded, g_strdup (key));

  g_hash_table_iter_init (&iter, self->sizing);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->sizing, g_strdup (key), g_memdup2 (value, sizeof (double)));

  g_hash_table_iter_init (&iter, self->ranges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->ranges, g_strdup (key), g_variant_ref (value));

  for (guint i = 0; i < self->added->len; i++)
    {
      AddedItem *added = g_ptr_array_index (self->added, i);
      g_autoptr(CostItem) item = cost_item_copy (added->item, NULL);

      cost_scenario_add_item (copy, added->category_id, item);
    }

  return copy;
}

const char *
cost_scenario_get_id (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return self->id;
}

const char *
cost_scenario_get_name (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return self->name;
}

gboolean
cost_scenario_set_name (CostScenario  *self,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  if (name == NULL)
    name = "";
  if (!cost_check_text (name, error))
    return FALSE;

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      emit_changed (self);
    }

  return TRUE;
}

const char *
cost_scenario_get_description (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return self->description;
}

gboolean
cost_scenario_set_description (CostScenario  *self,
                               const char    *description,
                               GError       **error)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  if (description == NULL)
    description = "";
  if (!cost_check_text (description, error))
    return FALSE;

  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * cost_scenario_get_override:
 * @out: (out) (optional): the override; fields not overridden are unset in @out->fields
 *
 * Returns: %TRUE if the scenario overrides anything of @item_id
 */
gboolean
cost_scenario_get_override (CostScenario *self,
                            const char   *item_id,
                            CostOverride *out)
{
  CostOverride *o;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  o = g_hash_table_lookup (self->overrides, item_id);
  if (out != NULL)
    {
      if (o != NULL)
        *out = *o;
      else
        memset (out, 0, sizeof *out);
    }

  return o != NULL && o->fields != 0;
}

/**
 * cost_scenario_set_override:
 *
 * Sets the fields named in @override->fields; other overrides of the item stay.
 */
gboolean
cost_scenario_set_override (CostScenario        *self,
                            const char          *item_id,
                            const CostOverride  *override,
                            GError             **error)
{
  CostOverride *o;
  CostOverride before;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (override != NULL, FALSE);

  if (!cost_override_check (override, error))
    return FALSE;

  o = g_hash_table_lookup (self->overrides, item_id);
  if (o == NULL)
    {
      o = g_new0 (CostOverride, 1);
      g_hash_table_insert (self->overrides, g_strdup (item_id), o);
    }
  before = *o;

  cost_override_merge (o, override);

  if (memcmp (&before, o, sizeof before) != 0)
    emit_changed (self);

  return TRUE;
}

void
cost_scenario_reset_override (CostScenario       *self,
                              const char         *item_id,
                              CostOverrideFields  fields)
{
  CostOverride *o;

  g_return_if_fail (COST_IS_SCENARIO (self));

  o = g_hash_table_lookup (self->overrides, item_id);
  if (o == NULL || (o->fields & fields) == 0)
    return;

  o->fields &= ~fields;
  if (o->fields == 0)
    g_hash_table_remove (self->overrides, item_id);

  emit_changed (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted_keys (GHashTable *table)
{
  guint n = 0;
  char **keys = (char **) g_hash_table_get_keys_as_array (table, &n);
  GStrv copy = g_new0 (char *, n + 1);

  qsort (keys, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  g_free (keys);

  return copy;
}

/**
 * cost_scenario_list_overridden:
 *
 * Returns: (transfer full): the ids of the items with overrides, sorted
 */
GStrv
cost_scenario_list_overridden (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return sorted_keys (self->overrides);
}

gboolean
cost_scenario_get_factor (CostScenario *self,
                          const char   *category_id,
                          double       *factor)
{
  double *value;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  value = g_hash_table_lookup (self->factors, category_id);
  if (value != NULL && factor != NULL)
    *factor = *value;

  return value != NULL;
}

gboolean
cost_scenario_set_factor (CostScenario  *self,
                          const char    *category_id,
                          double         factor,
                          GError       **error)
{
  double *value;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (category_id != NULL, FALSE);

  if (!cost_value_check (COST_VALUE_FACTOR, &factor, error))
    return FALSE;

  value = g_hash_table_lookup (self->factors, category_id);
  if (value != NULL && *value == factor)
    return TRUE;

  g_hash_table_insert (self->factors, g_strdup (category_id), g_memdup2 (&factor, sizeof factor));
  emit_changed (self);

  return TRUE;
}

void
cost_scenario_reset_factor (CostScenario *self,
                            const char   *category_id)
{
  g_return_if_fail (COST_IS_SCENARIO (self));

  if (g_hash_table_remove (self->factors, category_id))
    emit_changed (self);
}

GStrv
cost_scenario_list_factors (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return sorted_keys (self->factors);
}

gboolean
cost_scenario_is_excluded (CostScenario *self,
                           const char   *item_id)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  return g_hash_table_contains (self->excluded, item_id);
}

void
cost_scenario_set_excluded (CostScenario *self,
                            const char   *item_id,
                            gboolean      excluded)
{
  gboolean changed;

  g_return_if_fail (COST_IS_SCENARIO (self));
  g_return_if_fail (item_id != NULL);

  if (excluded)
    changed = g_hash_table_add (self->excluded, g_strdup (item_id));
  else
    changed = g_hash_table_remove (self->excluded, item_id);

  if (changed)
    emit_changed (self);
}

GStrv
cost_scenario_list_excluded (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return sorted_keys (self->excluded);
}

static void
on_added_item_changed_cb (CostItem     *item,
                          CostScenario *self)
{
  emit_changed (self);
}

/**
 * cost_scenario_add_item:
 *
 * Adds an item that exists only in this scenario, in the category @category_id.
 */
void
cost_scenario_add_item (CostScenario *self,
                        const char   *category_id,
                        CostItem     *item)
{
  AddedItem *added;

  g_return_if_fail (COST_IS_SCENARIO (self));
  g_return_if_fail (category_id != NULL);
  g_return_if_fail (COST_IS_ITEM (item));

  added = g_new0 (AddedItem, 1);
  added->category_id = g_strdup (category_id);
  added->item = g_object_ref (item);
  added->owner = self;
  g_signal_connect (item, "changed", G_CALLBACK (on_added_item_changed_cb), self);
  g_ptr_array_add (self->added, added);
  emit_changed (self);
}

gboolean
cost_scenario_remove_added_item (CostScenario *self,
                                 const char   *item_id)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  for (guint i = 0; i < self->added->len; i++)
    {
      AddedItem *added = g_ptr_array_index (self->added, i);

      if (g_strcmp0 (cost_item_get_id (added->item), item_id) == 0)
        {
          g_ptr_array_remove_index (self->added, i);
          emit_changed (self);
          return TRUE;
        }
    }

  return FALSE;
}

guint
cost_scenario_get_n_added_items (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), 0);

  return self->added->len;
}

/**
 * cost_scenario_get_added_item:
 * @category_id: (out) (optional) (transfer none): the category the item belongs to
 *
 * Returns: (transfer none): the added item at @position
 */
CostItem *
cost_scenario_get_added_item (CostScenario  *self,
                              guint          position,
                              const char   **category_id)
{
  AddedItem *added;

  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (position < self->added->len, NULL);

  added = g_ptr_array_index (self->added, position);
  if (category_id != NULL)
    *category_id = added->category_id;

  return added->item;
}

static char *
sizing_key (const char *target,
            const char *key)
{
  return g_strconcat (target, "\x1f", key, NULL);
}

/**
 * cost_scenario_get_sizing_value:
 * @target: "workload", or the id of a served model
 * @key: a workload value ("daily_active_users") or a model value ("throughput")
 *
 * Returns: whether the scenario overrides that value, and the value in @value
 */
gboolean
cost_scenario_get_sizing_value (CostScenario *self,
                                const char   *target,
                                const char   *key,
                                double       *value)
{
  g_autofree char *k = NULL;
  double *v;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  if (g_hash_table_size (self->sizing) == 0)
    return FALSE;

  k = sizing_key (target, key);
  v = g_hash_table_lookup (self->sizing, k);
  if (v != NULL && value != NULL)
    *value = *v;

  return v != NULL;
}

/**
 * cost_scenario_set_sizing_value:
 *
 * Overrides a value of the workload (@target "workload") or of a served
 * model (@target its id): traffic × 3, a faster accelerator.
 */
gboolean
cost_scenario_set_sizing_value (CostScenario  *self,
                                const char    *target,
                                const char    *key,
                                double         value,
                                GError       **error)
{
  double *old;
  char *k;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (target != NULL && key != NULL, FALSE);

  if (g_strcmp0 (target, "workload") == 0 ?
      !cost_workload_check_value (key, value, error) :
      !cost_served_model_check_value (key, value, error))
    return FALSE;

  k = sizing_key (target, key);
  old = g_hash_table_lookup (self->sizing, k);
  if (old != NULL && *old == value)
    {
      g_free (k);
      return TRUE;
    }

  g_hash_table_insert (self->sizing, k, g_memdup2 (&value, sizeof value));
  emit_changed (self);

  return TRUE;
}

void
cost_scenario_reset_sizing_value (CostScenario *self,
                                  const char   *target,
                                  const char   *key)
{
  g_autofree char *k = NULL;

  g_return_if_fail (COST_IS_SCENARIO (self));

  k = sizing_key (target, key);
  if (g_hash_table_remove (self->sizing, k))
    emit_changed (self);
}

/**
 * cost_scenario_list_sizing_targets:
 *
 * Returns: (transfer full): "workload" and the model ids with overridden values, sorted
 */
GStrv
cost_scenario_list_sizing_targets (CostScenario *self)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  g_hash_table_iter_init (&iter, self->sizing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (targets, g_strndup (key, strchr (key, '\x1f') - (char *) key));

  return sorted_keys (targets);
}

/**
 * cost_scenario_list_sizing_keys:
 *
 * Returns: (transfer full): the overridden keys of @target, sorted
 */
GStrv
cost_scenario_list_sizing_keys (CostScenario *self,
                                const char   *target)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = sizing_key (target, "");
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  g_hash_table_iter_init (&iter, self->sizing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_str_has_prefix (key, prefix))
        g_hash_table_add (keys, g_strdup ((char *) key + strlen (prefix)));
    }

  return sorted_keys (keys);
}

gboolean
cost_scenario_has_sizing (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  return g_hash_table_size (self->sizing) > 0;
}

gboolean
cost_scenario_is_empty (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), TRUE);

  return g_hash_table_size (self->sizing) == 0 &&
         g_hash_table_size (self->ranges) == 0 &&
         g_hash_table_size (self->overrides) == 0 &&
         g_hash_table_size (self->factors) == 0 &&
         g_hash_table_size (self->excluded) == 0 &&
         self->added->len == 0;
}

/**
 * cost_scenario_get_ranges:
 * @subject: the path of an item ("items/ID"), a category ("categories/ID"),
 *   the traffic ("workload") or a served model ("models/ID")
 * @ranges: (out) (optional) (transfer none) (nullable): the ranges the
 *   scenario gives @subject, %NULL for none
 *
 * Returns: whether the scenario gives @subject ranges of its own, in place
 *   of the baseline's (which may be none at all)
 */
gboolean
cost_scenario_get_ranges (CostScenario  *self,
                          const char    *subject,
                          GVariant     **ranges)
{
  GVariant *v;

  g_return_val_if_fail (COST_IS_SCENARIO (self), FALSE);

  v = g_hash_table_lookup (self->ranges, subject);
  if (ranges != NULL)
    *ranges = v != NULL && g_variant_n_children (v) > 0 ? v : NULL;

  return v != NULL;
}

/**
 * cost_scenario_set_ranges:
 * @ranges: (nullable): checked ranges (cost_ranges_check()); %NULL for no
 *   ranges at all in this scenario
 *
 * Gives @subject ranges of its own in this scenario.
 */
void
cost_scenario_set_ranges (CostScenario *self,
                          const char   *subject,
                          GVariant     *ranges)
{
  g_autoptr(GVariant) sunk = NULL;
  GVariant *old;

  g_return_if_fail (COST_IS_SCENARIO (self));
  g_return_if_fail (subject != NULL);

  if (ranges == NULL)
    ranges = g_variant_new_array (G_VARIANT_TYPE ("{s(sddds)}"), NULL, 0);
  g_return_if_fail (g_variant_is_of_type (ranges, COST_RANGES_TYPE));
  sunk = g_variant_ref_sink (ranges);

  old = g_hash_table_lookup (self->ranges, subject);
  if (old != NULL && g_variant_equal (old, sunk))
    return;

  g_hash_table_insert (self->ranges, g_strdup (subject), g_steal_pointer (&sunk));
  emit_changed (self);
}

void
cost_scenario_reset_ranges (CostScenario *self,
                            const char   *subject)
{
  g_return_if_fail (COST_IS_SCENARIO (self));

  if (g_hash_table_remove (self->ranges, subject))
    emit_changed (self);
}

/**
 * cost_scenario_list_ranges:
 *
 * Returns: (transfer full): the subjects the scenario gives ranges of
 *   their own, sorted
 */
GStrv
cost_scenario_list_ranges (CostScenario *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO (self), NULL);

  return sorted_keys (self->ranges);
}

JsonObject *
_cost_scenario_get_extras (CostScenario *self)
{
  return self->extras;
}

void
_cost_scenario_set_extras (CostScenario *self,
                           JsonObject   *extras)
{
  g_clear_pointer (&self->extras, json_object_unref);
  if (extras != NULL)
    self->extras = json_object_ref (extras);
}

/* Direct access for the calculation: no copies in the hot path. */
GHashTable *
_cost_scenario_get_overrides (CostScenario *self)
{
  return self->overrides;
}
