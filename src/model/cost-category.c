/* cost-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-category"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-category-private.h"
#include "cost-item-private.h"
#include "cost-ranges.h"
#include "cost-values.h"

struct _CostCategory
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *color;
  double      factor;
  GListStore *items;
  GPtrArray  *mirror;  /* the same items, for direct access by the calculation */

  GVariant   *ranges;  /* cost-ranges.h */
  JsonObject *extras;
  gpointer    project; /* weak, owned by the project */
};

G_DEFINE_FINAL_TYPE (CostCategory, cost_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_FACTOR,
  PROP_ITEMS,
  PROP_RANGES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (CostCategory *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Called by an item of the category when it changes: an item knows its
 * category, so the thousands of items of a large project need no signal
 * connection each. */
void
_cost_category_item_changed (CostCategory *self,
                             CostItem     *item)
{
  emit_changed (self);
}

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     CostCategory *self)
{
  emit_changed (self);
}

static void
cost_category_dispose (GObject *object)
{
  CostCategory *self = (CostCategory *) object;

  if (self->items != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CostItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          _cost_item_set_category (item, NULL);
        }
      g_signal_handlers_disconnect_by_data (self->items, self);
    }
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cost_category_parent_class)->dispose (object);
}

static void
cost_category_finalize (GObject *object)
{
  CostCategory *self = (CostCategory *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  g_clear_pointer (&self->extras, json_object_unref);
  g_clear_pointer (&self->ranges, g_variant_unref);

  G_OBJECT_CLASS (cost_category_parent_class)->finalize (object);
}

static void
cost_category_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CostCategory *self = COST_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_FACTOR:
      g_value_set_double (value, self->factor);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_RANGES:
      g_value_set_variant (value, self->ranges);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_category_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CostCategory *self = COST_CATEGORY (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      ok = cost_category_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_COLOR:
      ok = cost_category_set_color (self, g_value_get_string (value), &error);
      break;
    case PROP_FACTOR:
      ok = cost_category_set_factor (self, g_value_get_double (value), &error);
      break;
    case PROP_RANGES:
      cost_category_set_ranges (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (!ok)
    g_warning ("Refused %s: %s", pspec->name, error->message);
}

static void
cost_category_class_init (CostCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_category_dispose;
  object_class->finalize = cost_category_finalize;
  object_class->get_property = cost_category_get_property;
  object_class->set_property = cost_category_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "", flags);
  properties[PROP_FACTOR] =
    g_param_spec_double ("factor", NULL, NULL, cost_value_range (COST_VALUE_FACTOR)->min,
                         cost_value_range (COST_VALUE_FACTOR)->max, 1.0, flags);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGES] = cost_ranges_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostCategory::changed:
   *
   * Emitted when the category, its item list or one of its items changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_category_init (CostCategory *self)
{
  self->name = g_strdup ("");
  self->color = g_strdup ("");
  self->factor = 1.0;
  self->items = g_list_store_new (COST_TYPE_ITEM);
  self->mirror = g_ptr_array_new ();
  g_signal_connect (self->items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
}

CostCategory *
cost_category_new (const char *id,
                   const char *name)
{
  g_autofree char *made_id = NULL;

  if (id == NULL)
    id = made_id = g_uuid_string_random ();

  return g_object_new (COST_TYPE_CATEGORY, "id", id, "name", name ? name : "", NULL);
}

const char *
cost_category_get_id (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return self->id;
}

const char *
cost_category_get_name (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return self->name;
}

gboolean
cost_category_set_name (CostCategory  *self,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), FALSE);

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
cost_category_get_color (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return self->color;
}

gboolean
cost_category_set_color (CostCategory  *self,
                         const char    *color,
                         GError       **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (COST_IS_CATEGORY (self), FALSE);

  if (color == NULL)
    color = "";

  if (!cost_check_color (color, error))
    return FALSE;

  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->color, lower) != 0)
    {
      g_free (self->color);
      self->color = g_steal_pointer (&lower);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
      emit_changed (self);
    }

  return TRUE;
}

double
cost_category_get_factor (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), 1.0);

  return self->factor;
}

/**
 * cost_category_set_factor:
 * @factor: the category's cost coefficient: a discount, an overhead rate, a currency adjustment
 */
gboolean
cost_category_set_factor (CostCategory  *self,
                          double         factor,
                          GError       **error)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), FALSE);

  if (!cost_value_check (COST_VALUE_FACTOR, &factor, error))
    return FALSE;

  if (self->factor != factor)
    {
      self->factor = factor;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTOR]);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * cost_category_get_ranges:
 *
 * Returns: (transfer none) (nullable): the range of the factor
 *   (cost-ranges.h), %NULL for none
 */
GVariant *
cost_category_get_ranges (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return self->ranges;
}

void
cost_category_set_ranges (CostCategory *self,
                          GVariant     *ranges)
{
  g_return_if_fail (COST_IS_CATEGORY (self));

  if (cost_ranges_assign (&self->ranges, ranges))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGES]);
      emit_changed (self);
    }
}

/**
 * cost_category_get_items:
 *
 * Returns: (transfer none): the items, a #GListModel of #CostItem
 */
GListModel *
cost_category_get_items (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
cost_category_get_n_items (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * cost_category_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @position
 */
CostItem *
cost_category_get_item (CostCategory *self,
                        guint         position)
{
  g_autoptr(CostItem) item = NULL;

  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  /* The store keeps its own reference. */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return item;
}

/**
 * cost_category_find_item:
 * @position: (out) (optional): where the item is
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
CostItem *
cost_category_find_item (CostCategory *self,
                         const char   *id,
                         guint        *position)
{
  guint n;

  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  n = cost_category_get_n_items (self);
  for (guint i = 0; i < n; i++)
    {
      CostItem *item = cost_category_get_item (self, i);

      if (g_strcmp0 (cost_item_get_id (item), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

void
cost_category_insert_item (CostCategory *self,
                           guint         position,
                           CostItem     *item)
{
  g_return_if_fail (COST_IS_CATEGORY (self));
  g_return_if_fail (COST_IS_ITEM (item));
  g_return_if_fail (cost_item_get_category (item) == NULL);

  position = MIN (position, cost_category_get_n_items (self));
  _cost_item_set_category (item, self);
  g_ptr_array_insert (self->mirror, position, item);
  g_list_store_insert (self->items, position, item);
}

void
cost_category_add_item (CostCategory *self,
                        CostItem     *item)
{
  cost_category_insert_item (self, G_MAXUINT, item);
}

void
cost_category_remove_item (CostCategory *self,
                           guint         position)
{
  g_autoptr(CostItem) item = NULL;

  g_return_if_fail (COST_IS_CATEGORY (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  g_return_if_fail (item != NULL);

  _cost_item_set_category (item, NULL);
  g_ptr_array_remove_index (self->mirror, position);
  g_list_store_remove (self->items, position);
}

/**
 * cost_category_move_item:
 *
 * Moves the item at @from to @to, as one change of the list.
 */
void
cost_category_move_item (CostCategory *self,
                         guint         from,
                         guint         to)
{
  g_return_if_fail (COST_IS_CATEGORY (self));
  g_return_if_fail (from < self->mirror->len && to < self->mirror->len);

  if (from == to)
    return;

  g_ptr_array_insert (self->mirror, to, g_ptr_array_steal_index (self->mirror, from));
  cost_list_store_move (self->items, from, to);
}

gpointer
cost_category_get_project (CostCategory *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY (self), NULL);

  return self->project;
}

gpointer
_cost_category_get_project (CostCategory *self)
{
  return self->project;
}

void
_cost_category_set_project (CostCategory *self,
                            gpointer      project)
{
  self->project = project;
}

/* Appends detached items as one change of the list (for loading files). */
void
_cost_category_append_items (CostCategory  *self,
                             CostItem     **items,
                             guint          n_items)
{
  guint position = cost_category_get_n_items (self);

  for (guint i = 0; i < n_items; i++)
    {
      g_return_if_fail (cost_item_get_category (items[i]) == NULL);
      _cost_item_set_category (items[i], self);
      g_ptr_array_add (self->mirror, items[i]);
    }

  g_list_store_splice (self->items, position, 0, (gpointer *) items, n_items);
}

/* The items in order, without references: valid until the next change. */
CostItem **
_cost_category_peek_items (CostCategory *self,
                           guint        *n_items)
{
  *n_items = self->mirror->len;

  return (CostItem **) self->mirror->pdata;
}

JsonObject *
_cost_category_get_extras (CostCategory *self)
{
  return self->extras;
}

void
_cost_category_set_extras (CostCategory *self,
                           JsonObject   *extras)
{
  g_clear_pointer (&self->extras, json_object_unref);
  if (extras != NULL)
    self->extras = json_object_ref (extras);
}
