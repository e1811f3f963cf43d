/* cost-actuals-file.c
 *
 * Records of actual spending in project files: the project's "actuals"
 * member, each record on one line, read back in the project's order with
 * the place and the reason of the first problem. Members a record does not
 * know are kept and written back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-actuals-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-json-writer.h"
#include "cost-month.h"
#include "cost-types.h"


static const char * const actual_keys[] = {
  "month", "category", "item", "amount", "currency", "source", "note", "match", NULL
};

static const char * const match_keys[] = {
  "service_category", "service", "resource_id", "tags", NULL
};

/* Members the reader does not know, as the text the writer puts back. */
static gboolean
read_extras (CostJsonReader  *r,
             JsonObject      *object,
             char           **out,
             GError         **error)
{
  g_autoptr(JsonObject) extras = NULL;
  GString *text;

  if (!cost_json_reader_extras (r, object, actual_keys, &extras, error))
    return FALSE;

  *out = NULL;
  if (extras == NULL)
    return TRUE;

  text = g_string_new (NULL);
  cost_json_append_members (text, extras);
  *out = g_string_free (text, FALSE);

  return TRUE;
}

static int
compare_key_pointers (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_tags (CostJsonReader  *r,
           JsonObject      *match,
           GVariant       **out,
           GError         **error)
{
  JsonNode *node = json_object_get_member (match, "tags");
  g_autoptr(GList) members = NULL;
  g_autofree const char **keys = NULL;
  GVariantBuilder builder;
  JsonObject *tags;
  guint n = 0;
  gsize saved;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (r, "tags", error, _("must be an object of names and text values"));

  tags = json_node_get_object (node);
  members = json_object_get_members (tags);
  keys = g_new0 (const char *, g_list_length (members) + 1);
  for (GList *l = members; l != NULL; l = l->next)
    keys[n++] = l->data;
  qsort (keys, n, sizeof (char *), compare_key_pointers);

  saved = cost_json_reader_push_key (r, "tags");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < n; i++)
    {
      const char *value;

      if (!cost_check_text (keys[i], NULL))
        {
          g_variant_builder_clear (&builder);
          return cost_json_reader_fail (r, NULL, error, _("a tag name is not valid text"));
        }
      if (!cost_json_reader_string (r, tags, keys[i], TRUE, &value, error))
        {
          g_variant_builder_clear (&builder);
          return FALSE;
        }
      g_variant_builder_add (&builder, "{ss}", keys[i], value);
    }
  cost_json_reader_pop (r, saved);

  *out = n > 0 ? g_variant_ref_sink (g_variant_builder_end (&builder)) : NULL;
  if (n == 0)
    g_variant_builder_clear (&builder);

  return TRUE;
}

/* One record, `{"month": "2027-01", "category": "compute", "item": "gpu",
 * "amount": 98000, "currency": "CNY", "source": "bill.csv", "note": ""}`,
 * or an unassigned one with what it can be matched on, `"match":
 * {"service": "Amazon EC2", "tags": {"team": "search"}}`. */
static GVariant *
read_actual (CostJsonReader  *r,
             JsonObject      *object,
             GError         **error)
{
  CostActual actual = { 0, };
  g_autoptr(GVariant) tags = NULL;
  g_autofree char *extras = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *amount, *match;

  if (!cost_json_reader_string (r, object, "month", TRUE, &actual.month, error) ||
      !cost_json_reader_string (r, object, "category", FALSE, &actual.category, error) ||
      !cost_json_reader_string (r, object, "item", FALSE, &actual.item, error))
    return NULL;

  if (!cost_month_parse (actual.month, &(int) { 0 }, NULL))
    {
      cost_json_reader_fail (r, "month", error, _("must be a month of the form YYYY-MM"));
      return NULL;
    }

  if (actual.category[0] == '\0' && actual.item[0] != '\0')
    {
      cost_json_reader_fail (r, "item", error, _("needs the category it belongs to"));
      return NULL;
    }

  amount = json_object_get_member (object, "amount");
  if (amount == NULL)
    {
      cost_json_reader_fail (r, "amount", error, _("is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (amount) ||
      (json_node_get_value_type (amount) != G_TYPE_INT64 && json_node_get_value_type (amount) != G_TYPE_DOUBLE) ||
      !isfinite (json_node_get_double (amount)) || fabs (json_node_get_double (amount)) > COST_MAX_AMOUNT)
    {
      cost_json_reader_fail (r, "amount", error, _("must be a number between −10¹⁵ and 10¹⁵"));
      return NULL;
    }
  actual.amount = json_node_get_double (amount);

  if (!cost_json_reader_string (r, object, "currency", TRUE, &actual.currency, error) ||
      !cost_json_reader_string (r, object, "source", FALSE, &actual.source, error) ||
      !cost_json_reader_string (r, object, "note", FALSE, &actual.note, error))
    return NULL;

  if (!cost_check_currency (actual.currency, NULL))
    {
      cost_json_reader_fail (r, "currency", error, _("must be a three-letter ISO 4217 code such as CNY"));
      return NULL;
    }

  actual.service_category = actual.service = actual.resource_id = "";
  match = json_object_get_member (object, "match");
  if (match != NULL)
    {
      gsize saved;
      JsonObject *m;
      g_autoptr(JsonObject) unknown = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (match))
        {
          cost_json_reader_fail (r, "match", error, _("must be an object"));
          return NULL;
        }
      m = json_node_get_object (match);
      saved = cost_json_reader_push_key (r, "match");
      if (!cost_json_reader_string (r, m, "service_category", FALSE, &actual.service_category, error) ||
          !cost_json_reader_string (r, m, "service", FALSE, &actual.service, error) ||
          !cost_json_reader_string (r, m, "resource_id", FALSE, &actual.resource_id, error) ||
          !read_tags (r, m, &tags, error) ||
          !cost_json_reader_extras (r, m, match_keys, &unknown, error))
        return NULL;
      if (unknown != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (unknown);

          cost_json_reader_fail (r, members->data, error,
                                 _("is not something a rule matches on (service_category, service, "
                                   "resource_id, tags)"));
          return NULL;
        }
      cost_json_reader_pop (r, saved);
    }

  if (!read_extras (r, object, &extras, error))
    return NULL;

  actual.tags = tags;
  actual.extras = extras;

  /* What the reader checked above, and the rest. */
  if (!cost_actual_check (&actual, &local_error))
    {
      cost_json_reader_fail (r, NULL, error, "%s", local_error->message);
      return NULL;
    }

  return g_variant_ref_sink (cost_actual_to_variant (&actual));
}

/* The key of a record as text: each member with its length before it. */
static void
append_key (GString          *key,
            const CostActual *actual)
{
  const char *fields[] = {
    actual->month, actual->category, actual->item, actual->source, actual->currency,
    actual->service_category, actual->service, actual->resource_id,
  };

  g_string_truncate (key, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_string_append_printf (key, "%zu:%s", strlen (fields[i]), fields[i]);

  if (actual->tags != NULL)
    {
      GVariantIter iter;
      const char *k, *v;

      g_variant_iter_init (&iter, actual->tags);
      while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
        g_string_append_printf (key, "%zu:%s%zu:%s", strlen (k), k, strlen (v), v);
    }
}

/**
 * cost_actuals_read:
 * @array: the project's "actuals" member, of at most %COST_MAX_ACTUALS
 *   elements
 * @out: (out) (transfer full) (nullable): the records, sorted; %NULL when
 *   there are none
 *
 * Returns: whether every record reads, no two with the same key; the
 *   error names the place of the first problem
 */
gboolean
cost_actuals_read (CostJsonReader  *r,
                   JsonArray       *array,
                   GVariant       **out,
                   GError         **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  gsize saved = cost_json_reader_push_key (r, "actuals");
  GVariant *sorted;

  g_assert (n <= COST_MAX_ACTUALS);

  *out = NULL;
  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = cost_json_reader_push_index (r, i);
      JsonObject *object = cost_json_reader_element (r, array, i, error);
      g_autoptr(GVariant) record = NULL;
      CostActual actual;
      gpointer before;

      if (object == NULL || (record = read_actual (r, object, error)) == NULL)
        return FALSE;

      cost_actual_from_variant (record, &actual);
      append_key (key, &actual);
      cost_actual_clear (&actual);
      if (g_hash_table_lookup_extended (seen, key->str, NULL, &before))
        return cost_json_reader_fail (r, NULL, error,
                                      _("has the same month, category, item, source, currency and match "
                                        "as actuals[%u]"), GPOINTER_TO_UINT (before));
      g_hash_table_insert (seen, g_strdup (key->str), GUINT_TO_POINTER (i));

      g_ptr_array_add (records, g_steal_pointer (&record));
      cost_json_reader_pop (r, saved_index);
    }

  /* No key twice, not too many: sorting cannot fail. */
  sorted = cost_actuals_sort (records, FALSE, NULL);
  *out = sorted != NULL ? g_variant_ref_sink (sorted) : NULL;
  cost_json_reader_pop (r, saved);

  return TRUE;
}

/**
 * cost_actual_write:
 *
 * Appends @actual as a project file writes it, on one line.
 */
void
cost_actual_write (GString          *out,
                   const CostActual *actual)
{
  g_string_append (out, "{\"month\": ");
  cost_json_append_string (out, actual->month);
  if (cost_actual_is_assigned (actual))
    {
      g_string_append (out, ", \"category\": ");
      cost_json_append_string (out, actual->category);
    }
  if (actual->item[0] != '\0')
    {
      g_string_append (out, ", \"item\": ");
      cost_json_append_string (out, actual->item);
    }
  g_string_append (out, ", \"amount\": ");
  cost_json_append_number (out, actual->amount);
  g_string_append (out, ", \"currency\": ");
  cost_json_append_string (out, actual->currency);
  g_string_append (out, ", \"source\": ");
  cost_json_append_string (out, actual->source);
  g_string_append (out, ", \"note\": ");
  cost_json_append_string (out, actual->note);

  if (actual->service_category[0] != '\0' || actual->service[0] != '\0' ||
      actual->resource_id[0] != '\0' || actual->tags != NULL)
    {
      const char *sep = "";

      g_string_append (out, ", \"match\": {");
      if (actual->service_category[0] != '\0')
        {
          g_string_append (out, "\"service_category\": ");
          cost_json_append_string (out, actual->service_category);
          sep = ", ";
        }
      if (actual->service[0] != '\0')
        {
          g_string_append_printf (out, "%s\"service\": ", sep);
          cost_json_append_string (out, actual->service);
          sep = ", ";
        }
      if (actual->resource_id[0] != '\0')
        {
          g_string_append_printf (out, "%s\"resource_id\": ", sep);
          cost_json_append_string (out, actual->resource_id);
          sep = ", ";
        }
      if (actual->tags != NULL)
        {
          GVariantIter iter;
          const char *key, *value;
          const char *tag_sep = "";

          g_string_append_printf (out, "%s\"tags\": {", sep);
          g_variant_iter_init (&iter, actual->tags);
          while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
            {
              g_string_append (out, tag_sep);
              cost_json_append_string (out, key);
              g_string_append (out, ": ");
              cost_json_append_string (out, value);
              tag_sep = ", ";
            }
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, '}');
    }

  if (actual->extras[0] != '\0')
    {
      g_string_append (out, ", ");
      g_string_append (out, actual->extras);
    }
  g_string_append_c (out, '}');
}
