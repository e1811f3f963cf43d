/* cost-project-io.c
 *
 * Project files: one JSON document, validated strictly on load, written with
 * keys in a fixed order, saved atomically with a backup of the previous file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cost-category-private.h"
#include "cost-item-private.h"
#include "cost-json.h"
#include "cost-json-writer.h"
#include "cost-project-io-private.h"
#include "cost-project-private.h"
#include "cost-scenario-private.h"

/* Reading ---------------------------------------------------------------- */

/* What the reading of items in pieces shares with the reader. */
typedef struct
{
  GHashTable *models;
  int         horizon;
} PieceContext;

typedef struct
{
  GString       *path;     /* JSON path of the value being read */
  GHashTable    *ids;      /* every category and item id seen */
  GHashTable    *models;   /* the served model ids */
  guint          found;    /* members read since it was last reset */
  guint          n_items;
  CostJsonSplit *split;    /* when the items are read in pieces */
  guint          category; /* index of the category being read */
  gboolean       again;    /* the pieces leave a doubt: read the whole */
  PieceContext   context;
} Reader;

static gboolean
fail (Reader      *r,
      const char  *key,
      GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader      *r,
      const char  *key,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_set_error (error, COST_ERROR, COST_ERROR_PARSE, "%s%s%s: %s",
                 r->path->str, r->path->len ? "." : "", key, reason);
  else
    g_set_error (error, COST_ERROR, COST_ERROR_PARSE, "%s: %s",
                 r->path->len ? r->path->str : _("document"), reason);

  return FALSE;
}

static gsize
path_push_key (Reader     *r,
               const char *key)
{
  gsize len = r->path->len;

  if (len > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return len;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize len = r->path->len;
  char digits[16];
  int n = 0;

  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);

  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');

  return len;
}

static void
path_pop (Reader *r,
          gsize   len)
{
  g_string_truncate (r->path, len);
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *key,
             gboolean     required,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *value;

  if (node == NULL)
    {
      if (required)
        return fail (r, key, error, _("is missing"));
      *out = "";
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, key, error, _("must be a string"));

  r->found++;
  value = json_node_get_string (node);
  if (strlen (value) > COST_MAX_STRING_BYTES)
    return fail (r, key, error, _("is longer than %d bytes"), COST_MAX_STRING_BYTES);

  /* An escape such as \ud800 can decode to bytes that are not UTF-8. */
  if (!g_utf8_validate (value, -1, NULL))
    return fail (r, key, error, _("is not valid UTF-8 text"));

  *out = value;
  return TRUE;
}

static gboolean
read_number (Reader      *r,
             JsonObject  *object,
             const char  *key,
             gboolean     required,
             double       fallback,
             double       min,
             double       max,
             double      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  GType type;
  double value;

  if (node == NULL)
    {
      if (required)
        return fail (r, key, error, _("is missing"));
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    goto not_a_number;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    goto not_a_number;

  if (!isfinite (value) || value < min || value > max)
    goto not_a_number;

  r->found++;
  *out = value;
  return TRUE;

not_a_number:
  if (min == 0 && max >= COST_MAX_AMOUNT)
    return fail (r, key, error, _("must be a non-negative number no larger than 10¹⁵"));

  return fail (r, key, error, _("must be a number between %g and %g"), min, max);
}

static gboolean
read_int (Reader      *r,
          JsonObject  *object,
          const char  *key,
          gboolean     required,
          int          fallback,
          int          min,
          int          max,
          int         *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    {
      if (required)
        return fail (r, key, error, _("is missing"));
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, key, error, _("must be a whole number between %d and %d"), min, max);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (r, key, error, _("must be a whole number between %d and %d"), min, max);

  r->found++;
  *out = (int) value;
  return TRUE;
}

static gboolean
read_id (Reader      *r,
         JsonObject  *object,
         const char **out,
         GError     **error)
{
  if (!read_string (r, object, "id", TRUE, out, error))
    return FALSE;

  if ((*out)[0] == '\0' || strlen (*out) > 128)
    return fail (r, "id", error, _("must be a non-empty string of at most 128 bytes"));

  return TRUE;
}

static JsonArray *
get_array (Reader      *r,
           JsonObject  *object,
           const char  *key,
           guint        max,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, key, error, _("must be a list"));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    {
      fail (r, key, error, _("has more than %u entries"), max);
      return NULL;
    }

  return array;
}

static JsonObject *
get_element_object (Reader     *r,
                    JsonArray  *array,
                    guint       index,
                    GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, NULL, error, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A copy of @node that shares nothing with it. json_node_copy() shares
 * objects, arrays and values, whose reference counts json-glib does not
 * update atomically, while the parse tree is freed in another thread. */
static JsonNode *
node_deep_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *from = json_node_get_object (node);
        JsonObject *to = json_object_new ();
        g_autoptr(GList) members = json_object_get_members (from);

        for (GList *l = members; l != NULL; l = l->next)
          json_object_set_member (to, l->data, node_deep_copy (json_object_get_member (from, l->data)));
        json_node_init_object (copy, to);
        json_object_unref (to);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *from = json_node_get_array (node);
        JsonArray *to = json_array_sized_new (json_array_get_length (from));

        for (guint i = 0; i < json_array_get_length (from); i++)
          json_array_add_element (to, node_deep_copy (json_array_get_element (from, i)));
        json_node_init_array (copy, to);
        json_array_unref (to);
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          json_node_init_int (copy, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          json_node_init_double (copy, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          json_node_init_boolean (copy, json_node_get_boolean (node));
        else
          json_node_init_string (copy, json_node_get_string (node));
      }
      break;

    case JSON_NODE_NULL:
    default:
      json_node_init_null (copy);
      break;
    }

  return copy;
}

/* Whether every number in @node is finite: json-glib reads 1e400 as
 * infinity, which JSON cannot hold and so cannot be written back. */
static gboolean
node_is_finite (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!node_is_finite (json_object_get_member (object, l->data)))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (!node_is_finite (json_array_get_element (array, i)))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_DOUBLE ||
             isfinite (json_node_get_double (node));

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* Members the program does not know are kept, in order, and written back:
 * @out is set to them, or to %NULL when there are none. */
static gboolean
collect_extras (Reader             *r,
                JsonObject         *object,
                const char * const *known,
                JsonObject        **out,
                GError            **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonObject) extras = NULL;
  guint n_known = 0;

  *out = NULL;

  /* Most objects hold only known members: count before listing them. */
  for (guint i = 0; known[i] != NULL; i++)
    n_known += json_object_has_member (object, known[i]);
  if (n_known == json_object_get_size (object))
    return TRUE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;

      if (!node_is_finite (json_object_get_member (object, name)))
        return fail (r, name, error, _("holds a number too large to be written back"));

      if (extras == NULL)
        extras = json_object_new ();
      json_object_set_member (extras, name, node_deep_copy (json_object_get_member (object, name)));
    }

  *out = g_steal_pointer (&extras);
  return TRUE;
}

static const char * const item_keys[] = {
  "id", "name", "quantity", "unit", "unit_price", "period", "amortize_months",
  "start_month", "end_month", "monthly_growth", "price_source", "price_as_of", "notes",
  "driver", "category", NULL
};

static gboolean
check_date (Reader      *r,
            const char  *key,
            const char  *value,
            GError     **error)
{
  if (!cost_check_date (value, NULL))
    return fail (r, key, error, _("must be a date of the form YYYY-MM-DD"));

  return TRUE;
}

static gboolean
read_period (Reader      *r,
             JsonObject  *object,
             gboolean     required,
             CostPeriod  *period,
             GError     **error)
{
  const char *str;

  if (!read_string (r, object, "period", required, &str, error))
    return FALSE;

  if (!required && str[0] == '\0')
    return TRUE;

  if (!cost_period_from_string (str, period))
    return fail (r, "period", error, _("must be one of hour, day, month, year, once"));

  return TRUE;
}

static gboolean
read_months (Reader      *r,
             JsonObject  *object,
             int          horizon,
             int         *start,
             int         *end,
             GError     **error)
{
  if (!read_int (r, object, "start_month", FALSE, 0, 0, horizon - 1, start, error))
    return FALSE;

  if (json_object_has_member (object, "end_month") &&
      json_node_is_null (json_object_get_member (object, "end_month")))
    {
      *end = -1;
      return TRUE;
    }

  if (!read_int (r, object, "end_month", FALSE, -1, -1, horizon - 1, end, error))
    return FALSE;

  if (*end != -1 && *end < *start)
    return fail (r, "end_month", error, _("must not be before start_month"));

  return TRUE;
}

static CostItem *
read_item (Reader      *r,
           JsonObject  *object,
           int          horizon,
           GError     **error)
{
  const char *id, *name, *unit, *source, *as_of, *notes, *driver;
  double quantity, price, growth;
  CostPeriod period = COST_PERIOD_MONTH;
  int amortize, start, end;
  g_autoptr(CostItem) item = NULL;
  g_autoptr(JsonObject) extras = NULL;

  r->found = 0;
  if (!read_id (r, object, &id, error) ||
      !read_string (r, object, "name", TRUE, &name, error) ||
      !read_number (r, object, "quantity", TRUE, 0, 0, COST_MAX_AMOUNT, &quantity, error) ||
      !read_string (r, object, "unit", FALSE, &unit, error) ||
      !read_number (r, object, "unit_price", TRUE, 0, 0, COST_MAX_AMOUNT, &price, error) ||
      !read_period (r, object, TRUE, &period, error) ||
      !read_int (r, object, "amortize_months", FALSE, 1, 1, COST_MAX_HORIZON, &amortize, error) ||
      !read_months (r, object, horizon, &start, &end, error) ||
      !read_number (r, object, "monthly_growth", FALSE, 0, -0.99, COST_MAX_GROWTH, &growth, error) ||
      !read_string (r, object, "price_source", FALSE, &source, error) ||
      !read_string (r, object, "price_as_of", FALSE, &as_of, error) ||
      !check_date (r, "price_as_of", as_of, error) ||
      !read_string (r, object, "notes", FALSE, &notes, error) ||
      !read_string (r, object, "driver", FALSE, &driver, error))
    return NULL;

  if (driver[0] != '\0' && g_strcmp0 (driver, "power") != 0 &&
      !g_hash_table_contains (r->models, driver))
    {
      fail (r, "driver", error, _("no served model has the id “%s”"), driver);
      return NULL;
    }

  if (g_hash_table_contains (r->ids, id))
    {
      fail (r, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (r->ids, (gpointer) id);

  if (++r->n_items > COST_MAX_ITEMS)
    {
      fail (r, NULL, error, _("the project has more than %d items"), COST_MAX_ITEMS);
      return NULL;
    }

  /* Every value was checked above. */
  item = _cost_item_new_checked (id, name, unit, &(CostItemParams) {
                                   .quantity = quantity,
                                   .unit_price = price,
                                   .monthly_growth = growth,
                                   .period = period,
                                   .amortize_months = amortize,
                                   .start_month = start,
                                   .end_month = end,
                                 }, source, as_of, notes, driver);

  /* Every member was one the reader knows: nothing else to keep. */
  if (r->found != json_object_get_size (object))
    {
      if (!collect_extras (r, object, item_keys, &extras, error))
        return NULL;
      _cost_item_set_extras (item, extras);
    }

  return g_steal_pointer (&item);
}

/* Reads the objects of @elements into @list. */
static gboolean
read_item_list (Reader      *r,
                JsonArray   *elements,
                int          horizon,
                GPtrArray   *list,
                GError     **error)
{
  guint n = json_array_get_length (elements);

  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = path_push_index (r, i);
      JsonObject *item_object = get_element_object (r, elements, i, error);
      CostItem *item;

      if (item_object == NULL || (item = read_item (r, item_object, horizon, error)) == NULL)
        return FALSE;

      g_ptr_array_add (list, item);
      path_pop (r, saved_index);
    }

  return TRUE;
}

/* Reads items in another thread: @elements are the items @first… of the
 * category @category. A problem is only noted: the document is then read
 * whole, for a message that names its place. */
static gpointer
read_piece (JsonArray *elements,
            guint      category,
            guint      first,
            gpointer   user_data)
{
  const PieceContext *context = user_data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (json_array_get_length (elements),
                                                     g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) path = g_string_new (NULL);
  Reader r = { path, ids, context->models, 0, 0, NULL, category, FALSE, { NULL, 0 } };

  if (!read_item_list (&r, elements, context->horizon, items, NULL))
    return NULL;

  return g_steal_pointer (&items);
}

/* The items of the category being read, from the pieces. Any doubt, and the
 * document is read again whole, for the message of a reader that meets the
 * problem in its place. Other problems are met in the same order either way:
 * the items of the categories before have been read by then. */
static gboolean
take_items (Reader     *r,
            JsonArray  *placeholder,
            GPtrArray  *list,
            GError    **error)
{
  g_autoptr(GPtrArray) pieces = NULL;

  if (placeholder == NULL)
    return TRUE;

  pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (json_array_get_length (placeholder) != 0 ||
      !cost_json_split_take_list (r->split, r->category, pieces))
    goto again;

  for (guint p = 0; p < pieces->len; p++)
    {
      GPtrArray *items = g_ptr_array_index (pieces, p);

      for (guint i = 0; i < items->len; i++)
        {
          CostItem *item = g_ptr_array_index (items, i);
          const char *id = cost_item_get_id (item);

          if (g_hash_table_contains (r->ids, id) || ++r->n_items > COST_MAX_ITEMS)
            goto again;

          g_hash_table_add (r->ids, (gpointer) id);
          g_ptr_array_add (list, g_object_ref (item));
        }
    }

  return TRUE;

again:
  r->again = TRUE;
  g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE, "read the document whole");
  return FALSE;
}

static const char * const category_keys[] = {
  "id", "name", "color", "factor", "items", NULL
};

static CostCategory *
read_category (Reader      *r,
               JsonObject  *object,
               int          horizon,
               GError     **error)
{
  const char *id, *name, *color;
  double factor;
  JsonArray *items;
  g_autoptr(CostCategory) category = NULL;
  g_autoptr(JsonObject) extras = NULL;
  GError *local_error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!read_id (r, object, &id, error) ||
      !read_string (r, object, "name", TRUE, &name, error) ||
      !read_string (r, object, "color", FALSE, &color, error) ||
      !read_number (r, object, "factor", FALSE, 1.0, 0, COST_MAX_AMOUNT, &factor, error))
    return NULL;

  if (!cost_check_color (color, NULL))
    {
      fail (r, "color", error, _("must be a colour of the form #rrggbb"));
      return NULL;
    }

  if (g_hash_table_contains (r->ids, id))
    {
      fail (r, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (r->ids, (gpointer) id);

  category = cost_category_new (id, name);
  cost_category_set_color (category, color, NULL);
  cost_category_set_factor (category, factor, NULL);

  items = get_array (r, object, "items", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  list = g_ptr_array_new_with_free_func (g_object_unref);
  if (r->split != NULL)
    {
      if (!take_items (r, items, list, error))
        return NULL;
    }
  else if (items != NULL)
    {
      gsize saved = path_push_key (r, "items");

      if (!read_item_list (r, items, horizon, list, error))
        return NULL;
      path_pop (r, saved);
    }

  /* One splice: one change of the list, whatever its length. */
  _cost_category_append_items (category, (CostItem **) list->pdata, list->len);

  if (!collect_extras (r, object, category_keys, &extras, error))
    return NULL;
  _cost_category_set_extras (category, extras);

  return g_steal_pointer (&category);
}


static gboolean
read_override (Reader        *r,
               JsonObject    *object,
               int            horizon,
               CostScenario  *scenario,
               GError       **error)
{
  CostOverride o = { 0 };
  const char *item_id;

  if (!read_string (r, object, "item", TRUE, &item_id, error))
    return FALSE;

  if (json_object_has_member (object, "quantity"))
    {
      if (!read_number (r, object, "quantity", TRUE, 0, 0, COST_MAX_AMOUNT, &o.quantity, error))
        return FALSE;
      o.fields |= COST_OVERRIDE_QUANTITY;
    }
  if (json_object_has_member (object, "unit_price"))
    {
      if (!read_number (r, object, "unit_price", TRUE, 0, 0, COST_MAX_AMOUNT, &o.unit_price, error))
        return FALSE;
      o.fields |= COST_OVERRIDE_UNIT_PRICE;
    }
  if (json_object_has_member (object, "period"))
    {
      if (!read_period (r, object, TRUE, &o.period, error))
        return FALSE;
      o.fields |= COST_OVERRIDE_PERIOD;
    }
  if (json_object_has_member (object, "start_month") || json_object_has_member (object, "end_month"))
    {
      if (!read_months (r, object, horizon, &o.start_month, &o.end_month, error))
        return FALSE;
      o.fields |= COST_OVERRIDE_ACTIVE_MONTHS;
    }
  if (json_object_has_member (object, "monthly_growth"))
    {
      if (!read_number (r, object, "monthly_growth", TRUE, 0, -0.99, COST_MAX_GROWTH,
                        &o.monthly_growth, error))
        return FALSE;
      o.fields |= COST_OVERRIDE_GROWTH;
    }
  if (json_object_has_member (object, "amortize_months"))
    {
      int months;

      if (!read_int (r, object, "amortize_months", TRUE, 1, 1, COST_MAX_HORIZON, &months, error))
        return FALSE;
      o.amortize_months = months;
      o.fields |= COST_OVERRIDE_AMORTIZE;
    }

  if (o.fields == 0)
    return fail (r, NULL, error, _("overrides nothing"));

  if (cost_scenario_get_override (scenario, item_id, NULL))
    return fail (r, "item", error, _("“%s” is overridden twice"), item_id);

  return cost_scenario_set_override (scenario, item_id, &o, error);
}

static const char * const workload_keys[] = {
  "daily_active_users", "requests_per_user_per_day", "peak_to_average", "peak_hours", NULL
};

/* Reads an object of workload or model values into @func, each checked. */
static gboolean
read_values (Reader              *r,
             JsonObject          *object,
             const char          *key,
             const char * const  *keys,
             gboolean           (*check) (const char *, double, GError **),
             gboolean           (*func) (gpointer, const char *, double),
             gpointer             data,
             GError             **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonObject *values;
  gsize saved;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, key, error, _("must be an object"));

  values = json_node_get_object (node);
  saved = path_push_key (r, key);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      double value;
      g_autoptr(GError) reason = NULL;

      if (!json_object_has_member (values, keys[i]))
        continue;
      if (!read_number (r, values, keys[i], TRUE, 0, -G_MAXDOUBLE, G_MAXDOUBLE, &value, error))
        return FALSE;
      if (!check (keys[i], value, &reason))
        return fail (r, keys[i], error, "%s", reason->message);
      func (data, keys[i], value);
    }

  {
    g_autoptr(GList) members = json_object_get_members (values);

    for (GList *l = members; l != NULL; l = l->next)
      {
        if (!g_strv_contains (keys, l->data))
          return fail (r, l->data, error, _("is not a value ModelCost knows"));
      }
  }
  path_pop (r, saved);

  return TRUE;
}

static gboolean
set_workload_value (gpointer    data,
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

static CostServedModel *
read_model (Reader      *r,
            JsonObject  *object,
            GError     **error)
{
  const char *id, *name, *kind_str, *accelerator;
  const char * const *keys = cost_served_model_list_keys ();
  g_autoptr(CostServedModel) model = NULL;
  CostModelKind kind;

  if (!read_id (r, object, &id, error) ||
      !read_string (r, object, "name", TRUE, &name, error) ||
      !read_string (r, object, "kind", TRUE, &kind_str, error) ||
      !read_string (r, object, "accelerator", FALSE, &accelerator, error))
    return NULL;

  if (!cost_model_kind_from_string (kind_str, &kind))
    {
      fail (r, "kind", error, _("must be “ranking” or “llm”"));
      return NULL;
    }

  if (g_hash_table_contains (r->models, id) || g_str_equal (id, "power"))
    {
      fail (r, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (r->models, (gpointer) id);

  model = cost_served_model_new (id, name);
  cost_served_model_set_kind (model, kind);
  cost_served_model_set_accelerator (model, accelerator, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) reason = NULL;
      double value;

      if (!read_number (r, object, keys[i], g_str_equal (keys[i], "throughput") ||
                        g_str_equal (keys[i], "work_per_request"), cost_served_model_get_value (model, keys[i]),
                        -G_MAXDOUBLE, G_MAXDOUBLE, &value, error))
        return NULL;
      if (!cost_served_model_set_value (model, keys[i], value, &reason))
        {
          fail (r, keys[i], error, "%s", reason->message);
          return NULL;
        }
    }

  return g_steal_pointer (&model);
}

static gboolean
read_exchange_rates (Reader       *r,
                     JsonObject   *object,
                     CostProject  *project,
                     GError      **error)
{
  GError *local_error = NULL;
  JsonArray *array = get_array (r, object, "exchange_rates", 1000, &local_error);
  gsize saved;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array == NULL)
    return TRUE;

  saved = path_push_key (r, "exchange_rates");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved_index = path_push_index (r, i);
      JsonObject *o = get_element_object (r, array, i, error);
      const char *currency, *as_of;
      double rate;

      if (o == NULL ||
          !read_string (r, o, "currency", TRUE, &currency, error) ||
          !read_number (r, o, "rate", TRUE, 0, 1e-9, 1e9, &rate, error) ||
          !read_string (r, o, "as_of", FALSE, &as_of, error))
        return FALSE;
      if (!cost_check_currency (currency, NULL))
        return fail (r, "currency", error, _("must be a three-letter ISO 4217 code such as USD"));
      if (!check_date (r, "as_of", as_of, error))
        return FALSE;
      cost_project_set_exchange_rate (project, currency, rate, as_of, NULL);
      path_pop (r, saved_index);
    }
  path_pop (r, saved);

  return TRUE;
}

static const char * const scenario_keys[] = {
  "id", "name", "description", "factors", "overrides", "excluded", "added", "workload",
  "models", NULL
};

static CostScenario *
read_scenario (Reader      *r,
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

  if (!read_id (r, object, &id, error) ||
      !read_string (r, object, "name", TRUE, &name, error) ||
      !read_string (r, object, "description", FALSE, &description, error))
    return NULL;

  if (g_hash_table_contains (scenario_ids, id))
    {
      fail (r, "id", error, _("“%s” is used twice"), id);
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
          fail (r, "factors", error, _("must be an object of category ids and factors"));
          return NULL;
        }

      fobject = json_node_get_object (factors);
      if (json_object_get_size (fobject) > COST_MAX_CATEGORIES)
        {
          fail (r, "factors", error, _("has more than %u entries"), COST_MAX_CATEGORIES);
          return NULL;
        }
      members = json_object_get_members (fobject);
      saved = path_push_key (r, "factors");
      for (GList *l = members; l != NULL; l = l->next)
        {
          double factor;

          if (!read_number (r, fobject, l->data, TRUE, 1, 0, COST_MAX_AMOUNT, &factor, error))
            return NULL;
          cost_scenario_set_factor (scenario, l->data, factor, NULL);
        }
      path_pop (r, saved);
    }

  array = get_array (r, object, "overrides", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = path_push_key (r, "overrides");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = path_push_index (r, i);
          JsonObject *o = get_element_object (r, array, i, error);

          if (o == NULL || !read_override (r, o, horizon, scenario, error))
            return NULL;
          path_pop (r, saved_index);
        }
      path_pop (r, saved);
    }

  array = get_array (r, object, "excluded", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = path_push_key (r, "excluded");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = path_push_index (r, i);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              fail (r, NULL, error, _("must be an item id"));
              return NULL;
            }
          cost_scenario_set_excluded (scenario, json_node_get_string (node), TRUE);
          path_pop (r, saved_index);
        }
      path_pop (r, saved);
    }

  array = get_array (r, object, "added", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = path_push_key (r, "added");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = path_push_index (r, i);
          JsonObject *o = get_element_object (r, array, i, error);
          const char *category_id;
          g_autoptr(CostItem) item = NULL;

          if (o == NULL || !read_string (r, o, "category", TRUE, &category_id, error) ||
              (item = read_item (r, o, horizon, error)) == NULL)
            return NULL;

          cost_scenario_add_item (scenario, category_id, item);
          path_pop (r, saved_index);
        }
      path_pop (r, saved);
    }

  {
    SizingTarget t = { scenario, "workload" };
    JsonNode *models;

    if (!read_values (r, object, "workload", workload_keys, cost_workload_check_value,
                      set_scenario_value, &t, error))
      return NULL;

    models = json_object_get_member (object, "models");
    if (models != NULL)
      {
        JsonObject *mobject;
        g_autoptr(GList) members = NULL;
        gsize saved;

        if (!JSON_NODE_HOLDS_OBJECT (models))
          {
            fail (r, "models", error, _("must be an object of model ids and values"));
            return NULL;
          }
        mobject = json_node_get_object (models);
        members = json_object_get_members (mobject);
        saved = path_push_key (r, "models");
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!g_hash_table_contains (r->models, l->data))
              {
                fail (r, l->data, error, _("no served model has this id"));
                return NULL;
              }
            t.target = l->data;
            if (!read_values (r, mobject, l->data, cost_served_model_list_keys (),
                              cost_served_model_check_value, set_scenario_value, &t, error))
              return NULL;
          }
        path_pop (r, saved);
      }
  }

  if (!collect_extras (r, object, scenario_keys, &extras, error))
    return NULL;
  _cost_scenario_set_extras (scenario, extras);

  return g_steal_pointer (&scenario);
}

static const char * const project_keys[] = {
  "format", "version", "title", "description", "currency", "horizon_months",
  "monthly_budget", "annual_budget", "pue", "exchange_rates", "workload", "models",
  "categories", "scenarios", NULL
};

static CostProject *
read_project (Reader      *r,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object;
  const char *format, *title, *description, *currency;
  int version, horizon;
  double monthly_budget, annual_budget;
  JsonArray *array;
  GError *local_error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(JsonObject) extras = NULL;
  g_autoptr(GHashTable) scenario_ids = NULL;

  if (root == NULL)
    {
      fail (r, NULL, error, _("the file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (r, NULL, error, _("not a ModelCost project (the document is not a JSON object)"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!json_object_has_member (object, "format") ||
      !read_string (r, object, "format", TRUE, &format, NULL) ||
      strcmp (format, COST_PROJECT_FORMAT) != 0)
    {
      fail (r, "format", error, _("must be “modelcost”: this is not a ModelCost project"));
      return NULL;
    }

  if (!read_int (r, object, "version", TRUE, 0, 1, G_MAXINT, &version, error))
    return NULL;

  if (version > COST_PROJECT_VERSION)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_VERSION,
                   _("version: the file was written by a newer ModelCost (format version %d; "
                     "this version reads up to %d); update ModelCost to open it"),
                   version, COST_PROJECT_VERSION);
      return NULL;
    }

  if (!read_string (r, object, "title", FALSE, &title, error) ||
      !read_string (r, object, "description", FALSE, &description, error) ||
      !read_string (r, object, "currency", TRUE, &currency, error) ||
      !read_int (r, object, "horizon_months", FALSE, 12, 1, COST_MAX_HORIZON, &horizon, error) ||
      !read_number (r, object, "monthly_budget", FALSE, 0, 0, COST_MAX_AMOUNT, &monthly_budget, error) ||
      !read_number (r, object, "annual_budget", FALSE, 0, 0, COST_MAX_AMOUNT, &annual_budget, error))
    return NULL;

  if (!cost_check_currency (currency, NULL))
    {
      fail (r, "currency", error, _("must be a three-letter ISO 4217 code such as CNY"));
      return NULL;
    }

  project = cost_project_new ();
  cost_project_set_title (project, title, NULL);
  cost_project_set_description (project, description, NULL);
  cost_project_set_currency (project, currency, NULL);
  cost_project_set_horizon (project, horizon, NULL);
  cost_project_set_monthly_budget (project, monthly_budget, NULL);
  cost_project_set_annual_budget (project, annual_budget, NULL);

  {
    double pue;

    if (!read_number (r, object, "pue", FALSE, 1.3, 1.0, 3.0, &pue, error) ||
        !read_exchange_rates (r, object, project, error))
      return NULL;
    cost_project_set_pue (project, pue, NULL);
  }

  if (json_object_has_member (object, "workload"))
    {
      g_autoptr(CostWorkload) workload = cost_workload_new ();

      if (!read_values (r, object, "workload", workload_keys, cost_workload_check_value,
                        set_workload_value, workload, error))
        return NULL;
      cost_project_set_workload (project, workload);
    }

  array = get_array (r, object, "models", 1000, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = path_push_key (r, "models");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = path_push_index (r, i);
          JsonObject *m = get_element_object (r, array, i, error);
          g_autoptr(CostServedModel) model = NULL;

          if (m == NULL || (model = read_model (r, m, error)) == NULL)
            return NULL;

          cost_project_add_model (project, model);
          path_pop (r, saved_index);
        }
      path_pop (r, saved);
    }

  array = get_array (r, object, "categories", COST_MAX_CATEGORIES, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array == NULL)
    {
      fail (r, "categories", error, _("is missing"));
      return NULL;
    }

  if (r->split != NULL)
    {
      r->context.models = r->models;
      r->context.horizon = horizon;
      cost_json_split_start (r->split, read_piece, (GDestroyNotify) g_ptr_array_unref, &r->context);
    }

  {
    gsize saved = path_push_key (r, "categories");

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        gsize saved_index = path_push_index (r, i);
        JsonObject *c = get_element_object (r, array, i, error);
        g_autoptr(CostCategory) category = NULL;

        r->category = i;
        if (c == NULL || (category = read_category (r, c, horizon, error)) == NULL)
          return NULL;

        cost_project_add_category (project, category);
        path_pop (r, saved_index);
      }
    path_pop (r, saved);
  }

  array = get_array (r, object, "scenarios", COST_MAX_SCENARIOS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Every scenario may recompute every item: the work is bounded. */
  if (array != NULL &&
      (guint64) json_array_get_length (array) * r->n_items > COST_MAX_SCENARIO_ITEMS)
    {
      fail (r, "scenarios", error,
            _("%u scenarios of %u items are too many to compute (scenarios × items must not exceed %d)"),
            json_array_get_length (array), r->n_items, COST_MAX_SCENARIO_ITEMS);
      return NULL;
    }

  scenario_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (array != NULL)
    {
      gsize saved = path_push_key (r, "scenarios");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = path_push_index (r, i);
          JsonObject *s = get_element_object (r, array, i, error);
          g_autoptr(CostScenario) scenario = NULL;

          if (s == NULL || (scenario = read_scenario (r, s, horizon, scenario_ids, error)) == NULL)
            return NULL;

          cost_project_add_scenario (project, scenario);
          path_pop (r, saved_index);
        }
      path_pop (r, saved);
    }

  if (!collect_extras (r, object, project_keys, &extras, error))
    return NULL;
  _cost_project_set_extras (project, extras);

  return g_steal_pointer (&project);
}

static void
unref_func (gpointer data,
            gpointer user_data)
{
  json_node_unref (data);
}

/* Freeing the parse tree of a large file takes a good part of the time of
 * loading it; it is done in a worker thread instead of the caller's. */
static void
release_in_background (JsonNode *root)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (unref_func, NULL, 1, FALSE, NULL));

  g_thread_pool_push (pool, root, NULL);
}

/* Reads @root; with @split, takes it over and reads the items from it, and
 * sets @again when the document must be read whole to tell what is wrong. */
static CostProject *
read_tree (JsonNode       *root,
           CostJsonSplit  *split,
           gboolean       *again,
           GError        **error)
{
  CostProject *project;
  Reader r = { NULL, };

  r.path = g_string_new (NULL);
  r.ids = g_hash_table_new (g_str_hash, g_str_equal); /* keys belong to the tree or the items */
  r.models = g_hash_table_new (g_str_hash, g_str_equal);
  r.split = split;
  project = read_project (&r, root, error);

  if (split != NULL)
    {
      if (project != NULL && !cost_json_split_all_taken (split))
        {
          g_clear_object (&project);
          r.again = TRUE;
        }

      /* A problem met before the pieces is the first one only when they
       * are JSON: a reader of the whole would have stopped at a piece
       * that is not. */
      if (project == NULL && !r.again && !cost_json_split_is_valid (split))
        r.again = TRUE;

      *again = r.again;
      /* Before the models the pieces may still look at go. */
      cost_json_split_free (split);
    }

  g_string_free (r.path, TRUE);
  g_hash_table_unref (r.ids);
  g_hash_table_unref (r.models);
  if (root != NULL)
    release_in_background (root);

  return project;
}

/**
 * _cost_project_load_from_data_with:
 * @mode: whether the items are read in pieces
 * @piece_bytes: the size of the pieces, with %COST_LOAD_PIECES
 *
 * What cost_project_load_from_data() does, with the choice of the way.
 */
CostProject *
_cost_project_load_from_data_with (const char    *data,
                                   gssize         length,
                                   CostLoadMode   mode,
                                   gsize          piece_bytes,
                                   GError       **error)
{
  g_autoptr(GError) parse_error = NULL;
  CostProject *project;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if ((gsize) length > COST_MAX_FILE_BYTES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("the file is larger than %d MB"), COST_MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  /* A nul byte is not valid here either. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE,
                           _("the file is not UTF-8 text"));
      return NULL;
    }

  if (mode == COST_LOAD_AUTO && length >= COST_LOAD_PIECES_MIN_BYTES)
    {
      mode = COST_LOAD_PIECES;
      piece_bytes = COST_LOAD_PIECE_BYTES;
    }

  if (mode == COST_LOAD_PIECES)
    {
      /* The same checks as cost_json_parse(): if they pass, the document is
       * not looked at again, in pieces or whole. */
      CostJsonSplit *split = cost_json_split_new (data, length, COST_MAX_DEPTH, piece_bytes, &parse_error);

      if (split == NULL && parse_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse_error));
          return NULL;
        }

      /* Too many items: the reader of the whole says so, in its place. */
      if (split != NULL && cost_json_split_get_n_elements (split) > COST_MAX_ITEMS)
        g_clear_pointer (&split, cost_json_split_free);

      if (split != NULL && (root = cost_json_split_parse_skeleton (split)) != NULL)
        {
          gboolean again = FALSE;

          project = read_tree (root, split, &again, &parse_error);
          if (!again)
            {
              if (parse_error != NULL)
                g_propagate_error (error, g_steal_pointer (&parse_error));
              return project;
            }
          g_clear_error (&parse_error);
        }
      else if (split != NULL)
        cost_json_split_free (split);
    }

  /* A document of white space parses to nothing, without an error. */
  root = mode == COST_LOAD_PIECES ? cost_json_parse_checked (data, length, &parse_error) :
                                    cost_json_parse (data, length, COST_MAX_DEPTH, &parse_error);
  if (root == NULL && parse_error != NULL && parse_error->domain == COST_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return NULL;
    }

  if (root == NULL && parse_error != NULL)
    {
      const char *message = parse_error->message;
      g_autofree char *valid = NULL;

      /* json-glib prefixes "<data>:" to its line:column position, and may
       * quote the bytes it could not read */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      valid = g_utf8_make_valid (message, -1);
      g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("not valid JSON: %s"), valid);
      return NULL;
    }

  return read_tree (root, NULL, NULL, error);
}

/**
 * cost_project_load_from_data:
 * @length: the length of @data, or -1 if it is nul-terminated
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error
 *   naming the JSON path and the reason
 */
CostProject *
cost_project_load_from_data (const char  *data,
                             gssize       length,
                             GError     **error)
{
  return _cost_project_load_from_data_with (data, length, COST_LOAD_AUTO, 0, error);
}

/**
 * cost_project_load:
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with an @error
 *   of the form "FILE: JSON path: reason"
 */
CostProject *
cost_project_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  CostProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ?
                   _("no such file") : local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: %s", name,
                   _("is a folder, not a project file"));
      return NULL;
    }

  /* A device or a pipe could be read without end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: %s", name,
                   _("is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > COST_MAX_FILE_BYTES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, "%s: %s", name,
                   _("the file is too large to be a project (the limit is 16 MB)"));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  project = cost_project_load_from_data (contents, length, &local_error);
  if (project == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return project;
}

/* Writing ----------------------------------------------------------------
 *
 * The writer lays the document out for people and for git: one key per line
 * at the project, category and scenario level, and one item per line, so that
 * a change to an item is a one-line diff. Numbers are written in the shortest
 * form that reads back bit-identical (0.8048, not 0.80479999999999996). */

/* A JSON object being written: members separated by commas, either one per
 * line at @indent or all on one line. */
typedef struct
{
  GString  *out;
  int       indent;   /* -1: on one line */
  gboolean  first;
} Obj;

static void
obj_begin (Obj     *o,
           GString *out,
           int      indent)
{
  o->out = out;
  o->indent = indent;
  o->first = TRUE;
  g_string_append_c (out, '{');
}

static void
obj_key (Obj        *o,
         const char *key)
{
  if (!o->first)
    g_string_append_c (o->out, ',');
  o->first = FALSE;

  if (o->indent >= 0)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent + 2; i++)
        g_string_append_c (o->out, ' ');
    }
  else if (o->out->str[o->out->len - 1] != '{')
    g_string_append_c (o->out, ' ');

  cost_json_append_string (o->out, key);
  g_string_append (o->out, ": ");
}

static void
obj_end (Obj *o)
{
  if (o->indent >= 0 && !o->first)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent; i++)
        g_string_append_c (o->out, ' ');
    }
  g_string_append_c (o->out, '}');
}

static void
obj_string (Obj        *o,
            const char *key,
            const char *value)
{
  obj_key (o, key);
  cost_json_append_string (o->out, value);
}

static void
obj_string_if (Obj        *o,
               const char *key,
               const char *value)
{
  if (value != NULL && value[0] != '\0')
    obj_string (o, key, value);
}

static void
obj_number (Obj        *o,
            const char *key,
            double      value)
{
  obj_key (o, key);
  cost_json_append_number (o->out, value);
}

static void
obj_extras (Obj        *o,
            JsonObject *extras)
{
  g_autoptr(GList) members = NULL;

  if (extras == NULL)
    return;

  members = json_object_get_members (extras);
  for (GList *l = members; l != NULL; l = l->next)
    {
      obj_key (o, l->data);
      cost_json_append_node (o->out, json_object_get_member (extras, l->data));
    }
}

/* Opens a list member whose entries each take a line of their own. */
static void
list_begin (Obj        *o,
            const char *key)
{
  obj_key (o, key);
  g_string_append_c (o->out, '[');
}

static void
list_entry (Obj      *o,
            gboolean  first,
            int       indent)
{
  if (!first)
    g_string_append_c (o->out, ',');
  g_string_append_c (o->out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (o->out, ' ');
}

static void
list_end (Obj      *o,
          gboolean  empty)
{
  if (!empty)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent + 2; i++)
        g_string_append_c (o->out, ' ');
    }
  g_string_append_c (o->out, ']');
}

static void
write_item (GString    *out,
            CostItem   *item,
            const char *category_id)
{
  Obj o;

  obj_begin (&o, out, -1);
  obj_string (&o, "id", cost_item_get_id (item));
  if (category_id != NULL)
    obj_string (&o, "category", category_id);
  obj_string (&o, "name", cost_item_get_name (item));
  obj_number (&o, "quantity", cost_item_get_quantity (item));
  obj_string_if (&o, "unit", cost_item_get_unit (item));
  obj_number (&o, "unit_price", cost_item_get_unit_price (item));
  obj_string (&o, "period", cost_period_to_string (cost_item_get_period (item)));
  if (cost_item_get_amortize_months (item) != 1)
    obj_number (&o, "amortize_months", cost_item_get_amortize_months (item));
  if (cost_item_get_start_month (item) != 0)
    obj_number (&o, "start_month", cost_item_get_start_month (item));
  if (cost_item_get_end_month (item) != -1)
    obj_number (&o, "end_month", cost_item_get_end_month (item));
  if (cost_item_get_monthly_growth (item) != 0)
    obj_number (&o, "monthly_growth", cost_item_get_monthly_growth (item));
  obj_string_if (&o, "price_source", cost_item_get_price_source (item));
  obj_string_if (&o, "price_as_of", cost_item_get_price_as_of (item));
  obj_string_if (&o, "notes", cost_item_get_notes (item));
  obj_string_if (&o, "driver", cost_item_get_driver (item));
  obj_extras (&o, _cost_item_get_extras (item));
  obj_end (&o);
}

static void
write_category (GString      *out,
                CostCategory *category,
                int           indent)
{
  guint n = cost_category_get_n_items (category);
  Obj o;

  obj_begin (&o, out, indent);
  obj_string (&o, "id", cost_category_get_id (category));
  obj_string (&o, "name", cost_category_get_name (category));
  obj_string_if (&o, "color", cost_category_get_color (category));
  obj_number (&o, "factor", cost_category_get_factor (category));
  list_begin (&o, "items");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, indent + 4);
      write_item (out, cost_category_get_item (category, i), NULL);
    }
  list_end (&o, n == 0);
  obj_extras (&o, _cost_category_get_extras (category));
  obj_end (&o);
}

static void
write_scenario (GString      *out,
                CostScenario *scenario,
                int           indent)
{
  g_auto(GStrv) factors = cost_scenario_list_factors (scenario);
  g_auto(GStrv) overridden = cost_scenario_list_overridden (scenario);
  g_auto(GStrv) excluded = cost_scenario_list_excluded (scenario);
  guint n_added = cost_scenario_get_n_added_items (scenario);
  Obj o;

  obj_begin (&o, out, indent);
  obj_string (&o, "id", cost_scenario_get_id (scenario));
  obj_string (&o, "name", cost_scenario_get_name (scenario));
  obj_string_if (&o, "description", cost_scenario_get_description (scenario));

  if (factors[0] != NULL)
    {
      Obj f;

      obj_key (&o, "factors");
      obj_begin (&f, out, -1);
      for (guint i = 0; factors[i] != NULL; i++)
        {
          double factor = 1.0;

          cost_scenario_get_factor (scenario, factors[i], &factor);
          obj_number (&f, factors[i], factor);
        }
      obj_end (&f);
    }

  if (overridden[0] != NULL)
    {
      list_begin (&o, "overrides");
      for (guint i = 0; overridden[i] != NULL; i++)
        {
          CostOverride v;
          Obj ov;

          cost_scenario_get_override (scenario, overridden[i], &v);
          list_entry (&o, i == 0, indent + 4);
          obj_begin (&ov, out, -1);
          obj_string (&ov, "item", overridden[i]);
          if (v.fields & COST_OVERRIDE_QUANTITY)
            obj_number (&ov, "quantity", v.quantity);
          if (v.fields & COST_OVERRIDE_UNIT_PRICE)
            obj_number (&ov, "unit_price", v.unit_price);
          if (v.fields & COST_OVERRIDE_PERIOD)
            obj_string (&ov, "period", cost_period_to_string (v.period));
          if (v.fields & COST_OVERRIDE_ACTIVE_MONTHS)
            {
              obj_number (&ov, "start_month", v.start_month);
              obj_key (&ov, "end_month");
              if (v.end_month >= 0)
                cost_json_append_number (out, v.end_month);
              else
                g_string_append (out, "null");
            }
          if (v.fields & COST_OVERRIDE_GROWTH)
            obj_number (&ov, "monthly_growth", v.monthly_growth);
          if (v.fields & COST_OVERRIDE_AMORTIZE)
            obj_number (&ov, "amortize_months", v.amortize_months);
          obj_end (&ov);
        }
      list_end (&o, FALSE);
    }

  if (excluded[0] != NULL)
    {
      obj_key (&o, "excluded");
      g_string_append_c (out, '[');
      for (guint i = 0; excluded[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          cost_json_append_string (out, excluded[i]);
        }
      g_string_append_c (out, ']');
    }

  if (n_added > 0)
    {
      list_begin (&o, "added");
      for (guint i = 0; i < n_added; i++)
        {
          const char *category_id;
          CostItem *item = cost_scenario_get_added_item (scenario, i, &category_id);

          list_entry (&o, i == 0, indent + 4);
          write_item (out, item, category_id);
        }
      list_end (&o, FALSE);
    }

  if (cost_scenario_has_sizing (scenario))
    {
      g_auto(GStrv) targets = cost_scenario_list_sizing_targets (scenario);
      gboolean has_models = FALSE;
      Obj models;

      for (guint i = 0; targets[i] != NULL; i++)
        {
          g_auto(GStrv) keys = cost_scenario_list_sizing_keys (scenario, targets[i]);
          gboolean is_workload = g_str_equal (targets[i], "workload");
          Obj values;

          if (!is_workload && !has_models)
            {
              obj_key (&o, "models");
              obj_begin (&models, out, -1);
              has_models = TRUE;
            }
          obj_key (is_workload ? &o : &models, targets[i]);
          obj_begin (&values, out, -1);
          for (guint k = 0; keys[k] != NULL; k++)
            {
              double value = 0;

              cost_scenario_get_sizing_value (scenario, targets[i], keys[k], &value);
              obj_number (&values, keys[k], value);
            }
          obj_end (&values);
        }
      if (has_models)
        obj_end (&models);
    }

  obj_extras (&o, _cost_scenario_get_extras (scenario));
  obj_end (&o);
}

/**
 * cost_project_to_data:
 *
 * Returns: (transfer full): the project as a JSON document, keys in a fixed order
 */
char *
cost_project_to_data (CostProject *project,
                      gsize       *length)
{
  GString *out;
  guint n;
  Obj o;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  out = g_string_sized_new (4096 + 256 * cost_project_get_n_items (project));
  obj_begin (&o, out, 0);
  obj_string (&o, "format", COST_PROJECT_FORMAT);
  obj_number (&o, "version", COST_PROJECT_VERSION);
  obj_string (&o, "title", cost_project_get_title (project));
  obj_string_if (&o, "description", cost_project_get_description (project));
  obj_string (&o, "currency", cost_project_get_currency (project));
  obj_number (&o, "horizon_months", cost_project_get_horizon (project));
  if (cost_project_get_monthly_budget (project) > 0)
    obj_number (&o, "monthly_budget", cost_project_get_monthly_budget (project));
  if (cost_project_get_annual_budget (project) > 0)
    obj_number (&o, "annual_budget", cost_project_get_annual_budget (project));

  if (cost_project_get_pue (project) != 1.3)
    obj_number (&o, "pue", cost_project_get_pue (project));

  {
    g_auto(GStrv) currencies = cost_project_list_exchange_rates (project);

    if (currencies[0] != NULL)
      {
        list_begin (&o, "exchange_rates");
        for (guint i = 0; currencies[i] != NULL; i++)
          {
            double rate;
            const char *as_of;
            Obj e;

            cost_project_get_exchange_rate (project, currencies[i], &rate, &as_of);
            list_entry (&o, i == 0, 4);
            obj_begin (&e, out, -1);
            obj_string (&e, "currency", currencies[i]);
            obj_number (&e, "rate", rate);
            obj_string_if (&e, "as_of", as_of);
            obj_end (&e);
          }
        list_end (&o, FALSE);
      }
  }

  if (cost_project_get_workload (project) != NULL)
    {
      CostWorkload *workload = cost_project_get_workload (project);
      Obj w;

      obj_key (&o, "workload");
      obj_begin (&w, out, -1);
      obj_number (&w, "daily_active_users", cost_workload_get_daily_active_users (workload));
      obj_number (&w, "requests_per_user_per_day", cost_workload_get_requests_per_user (workload));
      obj_number (&w, "peak_to_average", cost_workload_get_peak_to_average (workload));
      obj_number (&w, "peak_hours", cost_workload_get_peak_hours (workload));
      obj_end (&w);
    }

  n = cost_project_get_n_models (project);
  if (n > 0)
    {
      const char * const *keys = cost_served_model_list_keys ();

      list_begin (&o, "models");
      for (guint i = 0; i < n; i++)
        {
          CostServedModel *model = cost_project_get_model (project, i);
          Obj m;

          list_entry (&o, i == 0, 4);
          obj_begin (&m, out, -1);
          obj_string (&m, "id", cost_served_model_get_id (model));
          obj_string (&m, "name", cost_served_model_get_name (model));
          obj_string (&m, "kind", cost_model_kind_to_string (cost_served_model_get_kind (model)));
          obj_string_if (&m, "accelerator", cost_served_model_get_accelerator (model));
          for (guint k = 0; keys[k] != NULL; k++)
            obj_number (&m, keys[k], cost_served_model_get_value (model, keys[k]));
          obj_end (&m);
        }
      list_end (&o, FALSE);
    }

  n = cost_project_get_n_categories (project);
  list_begin (&o, "categories");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, 4);
      write_category (out, cost_project_get_category (project, i), 4);
    }
  list_end (&o, n == 0);

  n = cost_project_get_n_scenarios (project);
  list_begin (&o, "scenarios");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, 4);
      write_scenario (out, cost_project_get_scenario (project, i), 4);
    }
  list_end (&o, n == 0);

  obj_extras (&o, _cost_project_get_extras (project));
  obj_end (&o);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Writes all of @data to @fd; on failure returns FALSE with errno set. */
static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Makes "FILE~" the previous version of @path: a hard link when the file
 * system has them, a copy otherwise. */
static gboolean
make_backup (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (backup);

  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                      cancellable, NULL, NULL, error);
}

/* Writes to a temporary file beside @path, flushes it to disk and renames
 * it into place: until the rename, the previous file is untouched, and on
 * any failure the temporary file is removed. */
static gboolean
replace_local_file (const char    *path,
                    const char    *data,
                    gsize          length,
                    gboolean       backup,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const char *target = real != NULL ? real : path;  /* through symbolic links */
  gboolean exists;
  GStatBuf st;
  int fd, dir_fd;

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return FALSE;
    }
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    goto failed;

  /* Keep the permissions of the file being replaced. */
  if ((exists && fchmod (fd, st.st_mode & 07777) != 0) ||
      !write_all (fd, data, length) ||
      fsync (fd) != 0)
    {
      int errsv = errno;

      close (fd);
      errno = errsv;
      goto failed_unlink;
    }

  /* close() can report a failed write on network file systems. */
  if (close (fd) != 0)
    goto failed_unlink;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (backup && exists && !make_backup (target, cancellable, error)))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    goto failed_unlink;

  /* The rename itself reaches the disk when the folder is flushed. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;

failed_unlink:
  {
    int errsv = errno;

    g_unlink (tmp);
    errno = errsv;
  }
failed:
  {
    int errsv = errno;

    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
  }
  return FALSE;
}

/**
 * cost_file_replace_contents:
 * @backup: keep the previous file as "FILE~"
 *
 * Writes @data to a temporary file beside @file and renames it into place,
 * so that a failure never leaves a half-written file.
 */
gboolean
cost_file_replace_contents (GFile         *file,
                            const char    *data,
                            gsize          length,
                            gboolean       backup,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gboolean done;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    done = replace_local_file (path, data, length, backup, cancellable, &local_error);
  else
    done = g_file_replace_contents (file, data, length, NULL, backup, G_FILE_CREATE_NONE, NULL,
                                    cancellable, &local_error);
  if (done)
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file, the second the reason */
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}

/**
 * cost_project_save:
 *
 * Saves atomically and keeps the previous version as a backup ("FILE~").
 */
gboolean
cost_project_save (CostProject   *project,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cost_project_to_data (project, &length);

  return cost_file_replace_contents (file, data, length, TRUE, cancellable, error);
}
