/* cost-json-reader.c
 *
 * Checked getters over a json-glib tree, for every document ModelCost
 * reads (projects, the accelerator catalogue): each one checks the type and
 * the range of the value, and a failure names its place in the document
 * ("categories[2].items[0].unit_price: must be a non-negative number no
 * larger than 10¹⁵"). One set of limits serves every document: strings of
 * at most COST_MAX_STRING_BYTES of UTF-8, lists of a given length at most,
 * numbers finite and in range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-json-reader.h"
#include "cost-types.h"

/**
 * cost_json_reader_init:
 *
 * Starts @r at the root of a document.
 */
void
cost_json_reader_init (CostJsonReader *r)
{
  r->path = g_string_new (NULL);
  r->found = 0;
}

void
cost_json_reader_clear (CostJsonReader *r)
{
  if (r->path != NULL)
    g_string_free (g_steal_pointer (&r->path), TRUE);
}

/**
 * cost_json_reader_fail:
 * @key: (nullable): the member at fault, or %NULL for the value at the path
 *
 * Sets @error to "PATH.KEY: REASON", in the %COST_ERROR_PARSE code.
 *
 * Returns: %FALSE
 */
gboolean
cost_json_reader_fail (CostJsonReader  *r,
                       const char      *key,
                       GError         **error,
                       const char      *format,
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

/* Paths ("categories[2].items[0]"): push a step, read, pop back to the
 * length the push returned. */
gsize
cost_json_reader_push_key (CostJsonReader *r,
                           const char     *key)
{
  gsize len = r->path->len;

  if (len > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, key);

  return len;
}

gsize
cost_json_reader_push_index (CostJsonReader *r,
                             guint           index)
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

void
cost_json_reader_pop (CostJsonReader *r,
                      gsize           len)
{
  g_string_truncate (r->path, len);
}

gboolean
cost_json_reader_string (CostJsonReader  *r,
                         JsonObject      *object,
                         const char      *key,
                         gboolean         required,
                         const char     **out,
                         GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *value;

  if (node == NULL)
    {
      if (required)
        return cost_json_reader_fail (r, key, error, _("is missing"));
      *out = "";
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return cost_json_reader_fail (r, key, error, _("must be a string"));

  r->found++;
  value = json_node_get_string (node);
  if (strlen (value) > COST_MAX_STRING_BYTES)
    return cost_json_reader_fail (r, key, error, _("is longer than %d bytes"), COST_MAX_STRING_BYTES);

  /* An escape such as \ud800 can decode to bytes that are not UTF-8. */
  if (!g_utf8_validate (value, -1, NULL))
    return cost_json_reader_fail (r, key, error, _("is not valid UTF-8 text"));

  *out = value;
  return TRUE;
}

gboolean
cost_json_reader_number (CostJsonReader  *r,
                         JsonObject      *object,
                         const char      *key,
                         gboolean         required,
                         double           fallback,
                         double           min,
                         double           max,
                         double          *out,
                         GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);
  GType type;
  double value;

  if (node == NULL)
    {
      if (required)
        return cost_json_reader_fail (r, key, error, _("is missing"));
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
    return cost_json_reader_fail (r, key, error, _("must be a non-negative number no larger than 10¹⁵"));

  return cost_json_reader_fail (r, key, error, _("must be a number between %g and %g"), min, max);
}

gboolean
cost_json_reader_int (CostJsonReader  *r,
                      JsonObject      *object,
                      const char      *key,
                      gboolean         required,
                      int              fallback,
                      int              min,
                      int              max,
                      int             *out,
                      GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    {
      if (required)
        return cost_json_reader_fail (r, key, error, _("is missing"));
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return cost_json_reader_fail (r, key, error, _("must be a whole number between %d and %d"), min, max);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return cost_json_reader_fail (r, key, error, _("must be a whole number between %d and %d"), min, max);

  r->found++;
  *out = (int) value;
  return TRUE;
}

gboolean
cost_json_reader_id (CostJsonReader  *r,
                     JsonObject      *object,
                     const char     **out,
                     GError         **error)
{
  if (!cost_json_reader_string (r, object, "id", TRUE, out, error))
    return FALSE;

  if ((*out)[0] == '\0' || strlen (*out) > 128)
    return cost_json_reader_fail (r, "id", error, _("must be a non-empty string of at most 128 bytes"));

  return TRUE;
}

JsonArray *
cost_json_reader_array (CostJsonReader  *r,
                        JsonObject      *object,
                        const char      *key,
                        guint            max,
                        GError         **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      cost_json_reader_fail (r, key, error, _("must be a list"));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max)
    {
      cost_json_reader_fail (r, key, error, _("has more than %u entries"), max);
      return NULL;
    }

  return array;
}

JsonObject *
cost_json_reader_element (CostJsonReader  *r,
                          JsonArray       *array,
                          guint            index,
                          GError         **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      cost_json_reader_fail (r, NULL, error, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* A copy of @node that shares nothing with it. json_node_copy() shares
 * objects, arrays and values, whose reference counts json-glib does not
 * update atomically, while the parse tree is freed in another thread. */
JsonNode *
cost_json_node_deep_copy (JsonNode *node)
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
          json_object_set_member (to, l->data, cost_json_node_deep_copy (json_object_get_member (from, l->data)));
        json_node_init_object (copy, to);
        json_object_unref (to);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *from = json_node_get_array (node);
        JsonArray *to = json_array_sized_new (json_array_get_length (from));

        for (guint i = 0; i < json_array_get_length (from); i++)
          json_array_add_element (to, cost_json_node_deep_copy (json_array_get_element (from, i)));
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
gboolean
cost_json_reader_extras (CostJsonReader      *r,
                         JsonObject          *object,
                         const char * const  *known,
                         JsonObject         **out,
                         GError             **error)
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
        return cost_json_reader_fail (r, name, error, _("holds a number too large to be written back"));

      if (extras == NULL)
        extras = json_object_new ();
      json_object_set_member (extras, name, cost_json_node_deep_copy (json_object_get_member (object, name)));
    }

  *out = g_steal_pointer (&extras);
  return TRUE;
}
