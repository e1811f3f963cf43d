/* cost-bill-mappings.c
 *
 * Column mappings a project keeps, so that next month's bill of the same
 * shape imports without questions. A project keeps them in one GVariant
 * array, its "bill-mappings" property (undoable like any other): each has
 * a name, the header of each column an import needs, the currency of a
 * bill without a currency column and the prefix of tag columns. A bill
 * whose columns are not those of a known format uses the saved mapping
 * whose columns it all has (cost_bill_find_saved_mapping()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill-mappings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-bill-mappings.h"
#include "cost-json-writer.h"
#include "cost-types.h"

guint
cost_bill_mappings_get_n (GVariant *mappings)
{
  return mappings != NULL ? g_variant_n_children (mappings) : 0;
}

/**
 * cost_bill_mappings_get_name:
 *
 * Returns: (transfer none): the name of the mapping at @position, valid as
 *   long as @mappings
 */
const char *
cost_bill_mappings_get_name (GVariant *mappings,
                             guint     position)
{
  const char *name = NULL;

  g_return_val_if_fail (position < cost_bill_mappings_get_n (mappings), NULL);

  /* The child's strings lie in the memory of @mappings. */
  g_variant_get_child (mappings, position, "(&s@asssss)", &name, NULL, NULL, NULL, NULL, NULL);

  return name;
}

/* The mapping of @entry, and its unknown members. */
static CostBillMapping *
mapping_of (GVariant    *entry,
            const char **column_extras,
            const char **extras)
{
  g_autoptr(GVariant) columns = NULL;
  CostBillMapping *mapping = cost_bill_mapping_new ();
  const char *currency, *tag_prefix;
  g_autofree const char **headers = NULL;
  gsize n;

  g_variant_get (entry, "(&s@as&s&s&s&s)", NULL, &columns, &currency, &tag_prefix, column_extras, extras);
  headers = g_variant_get_strv (columns, &n);
  for (guint c = 0; c < MIN (n, COST_BILL_N_COLUMNS); c++)
    cost_bill_mapping_set_column (mapping, c, headers[c]);
  cost_bill_mapping_set_currency (mapping, currency);
  cost_bill_mapping_set_tag_prefix (mapping, tag_prefix);

  return mapping;
}

/**
 * cost_bill_mappings_get:
 *
 * Returns: (transfer full): the mapping at @position, for a CSV of
 *   %COST_BILL_FORMAT_CUSTOM
 */
CostBillMapping *
cost_bill_mappings_get (GVariant *mappings,
                        guint     position)
{
  g_autoptr(GVariant) entry = NULL;
  const char *column_extras, *extras;

  g_return_val_if_fail (position < cost_bill_mappings_get_n (mappings), NULL);

  entry = g_variant_get_child_value (mappings, position);

  return mapping_of (entry, &column_extras, &extras);
}

/**
 * cost_bill_mappings_find:
 *
 * Returns: the position of the mapping named @name, or -1
 */
int
cost_bill_mappings_find (GVariant   *mappings,
                         const char *name)
{
  guint n = cost_bill_mappings_get_n (mappings);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (cost_bill_mappings_get_name (mappings, i), name) == 0)
        return i;
    }

  return -1;
}

static guint
count_columns (const CostBillMapping *mapping)
{
  guint n = 0;

  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    n += cost_bill_mapping_get_column (mapping, c) != NULL;

  return n;
}

/**
 * cost_bill_mappings_match:
 * @headers: a bill's header row
 *
 * Returns: the position of the mapping all of whose columns @headers has,
 *   the one of the most columns when several do (the first saved of
 *   those), or -1
 */
int
cost_bill_mappings_match (GVariant           *mappings,
                          const char * const *headers)
{
  guint n = cost_bill_mappings_get_n (mappings);
  guint best_columns = 0;
  int best = -1;

  g_return_val_if_fail (headers != NULL, -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CostBillMapping) mapping = cost_bill_mappings_get (mappings, i);
      guint columns = count_columns (mapping);

      if (columns > best_columns && cost_bill_mapping_check (mapping, headers, NULL))
        {
          best = i;
          best_columns = columns;
        }
    }

  return best;
}

/**
 * cost_bill_find_saved_mapping:
 * @headers: the header row of a bill
 *
 * Finds the mapping the project saved for bills of the columns of
 * @headers (cost_bill_mappings_match()). Known formats come first: ask
 * only for a bill cost_bill_detect() does not know.
 *
 * Returns: (transfer full) (nullable): a copy of the mapping, or %NULL
 *   when no saved mapping fits
 */
CostBillMapping *
cost_bill_find_saved_mapping (CostProject        *project,
                              const char * const *headers)
{
  GVariant *mappings;
  int at;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  mappings = cost_project_get_bill_mappings (project);
  at = cost_bill_mappings_match (mappings, headers);

  return at >= 0 ? cost_bill_mappings_get (mappings, at) : NULL;
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* @mapping as one element of %COST_BILL_SAVED_MAPPINGS_TYPE, floating. */
static GVariant *
entry_new (const char            *name,
           const CostBillMapping *mapping,
           const char            *column_extras,
           const char            *extras)
{
  const char *headers[COST_BILL_N_COLUMNS];

  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    headers[c] = or_empty (cost_bill_mapping_get_column (mapping, c));

  return g_variant_new ("(s@asssss)", name, g_variant_new_strv (headers, COST_BILL_N_COLUMNS),
                        or_empty (cost_bill_mapping_get_currency (mapping)),
                        or_empty (cost_bill_mapping_get_tag_prefix (mapping)), or_empty (column_extras),
                        or_empty (extras));
}

/**
 * cost_bill_mappings_check_name:
 *
 * Returns: whether a saved mapping can have the name @name
 */
gboolean
cost_bill_mappings_check_name (const char  *name,
                               GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("Give the column mapping a name"));
      return FALSE;
    }

  return cost_check_text (name, error);
}

/**
 * cost_bill_mappings_check:
 * @mappings: (nullable): saved mappings of the type
 *   %COST_BILL_SAVED_MAPPINGS_TYPE
 *
 * Returns: whether a project can keep @mappings: at most
 *   %COST_MAX_BILL_MAPPINGS, each named, of a name no other has, with a
 *   month and an amount column and a currency that is one
 */
gboolean
cost_bill_mappings_check (GVariant  *mappings,
                          GError   **error)
{
  g_autoptr(GHashTable) names = NULL;
  guint n;

  if (mappings == NULL)
    return TRUE;

  if (!g_variant_is_of_type (mappings, COST_BILL_SAVED_MAPPINGS_TYPE))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("not a list of column mappings"));
      return FALSE;
    }

  n = g_variant_n_children (mappings);
  if (n > COST_MAX_BILL_MAPPINGS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, _("a project keeps at most %d column mappings"),
                   COST_MAX_BILL_MAPPINGS);
      return FALSE;
    }

  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (mappings, i);
      g_autoptr(GVariant) columns = g_variant_get_child_value (entry, 1);
      g_autoptr(CostBillMapping) mapping = NULL;
      const char *name = cost_bill_mappings_get_name (mappings, i);
      const char *column_extras, *extras;

      if (!cost_bill_mappings_check_name (name, error))
        return FALSE;
      if (!g_hash_table_add (names, (gpointer) name))
        {
          g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                       _("two column mappings are named “%s”"), name);
          return FALSE;
        }
      if (g_variant_n_children (columns) != COST_BILL_N_COLUMNS)
        {
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("not a list of column mappings"));
          return FALSE;
        }

      mapping = mapping_of (entry, &column_extras, &extras);
      if (!cost_bill_mapping_check (mapping, NULL, error) ||
          !cost_check_text (cost_bill_mapping_get_tag_prefix (mapping), error) ||
          !cost_check_text (column_extras, error) || !cost_check_text (extras, error))
        return FALSE;
      for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
        {
          if (!cost_check_text (cost_bill_mapping_get_column (mapping, c), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
same_mapping (const CostBillMapping *a,
              const CostBillMapping *b)
{
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      if (g_strcmp0 (cost_bill_mapping_get_column (a, c), cost_bill_mapping_get_column (b, c)) != 0)
        return FALSE;
    }

  return g_strcmp0 (cost_bill_mapping_get_currency (a), cost_bill_mapping_get_currency (b)) == 0 &&
         g_strcmp0 (cost_bill_mapping_get_tag_prefix (a), cost_bill_mapping_get_tag_prefix (b)) == 0;
}

static GVariant *
array_new (GPtrArray *children)
{
  if (children->len == 0)
    return NULL;

  return g_variant_new_array (COST_BILL_SAVED_MAPPING_TYPE, (GVariant **) children->pdata, children->len);
}

/**
 * cost_bill_mappings_remember:
 * @name: what the mapping is called, such as the bill's issuer
 * @mapping: a mapping cost_bill_mapping_check() accepts
 *
 * Saves @mapping in the project, in one change: it replaces the mapping
 * of the same name, or else one of the same columns, which it renames;
 * otherwise it comes after the others.
 *
 * Returns: %FALSE with @error when @name is empty, @mapping is not valid
 *   or the project already keeps %COST_MAX_BILL_MAPPINGS mappings
 */
gboolean
cost_bill_mappings_remember (CostProject            *project,
                             const char             *name,
                             const CostBillMapping  *mapping,
                             GError                **error)
{
  GVariant *mappings;
  g_autoptr(GPtrArray) children = NULL;
  guint n;
  int at;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  if (!cost_bill_mappings_check_name (name, error) || !cost_bill_mapping_check (mapping, NULL, error))
    return FALSE;

  mappings = cost_project_get_bill_mappings (project);
  n = cost_bill_mappings_get_n (mappings);
  at = cost_bill_mappings_find (mappings, name);
  for (guint i = 0; i < n && at < 0; i++)
    {
      g_autoptr(CostBillMapping) saved = cost_bill_mappings_get (mappings, i);

      if (same_mapping (saved, mapping))
        at = i;
    }

  if (at < 0 && n >= COST_MAX_BILL_MAPPINGS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, _("a project keeps at most %d column mappings"),
                   COST_MAX_BILL_MAPPINGS);
      return FALSE;
    }

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (mappings, i);

      if ((int) i == at)
        {
          const char *column_extras, *extras;

          /* What a newer version of ModelCost saved with it stays. */
          g_variant_get (entry, "(&s@as&s&s&s&s)", NULL, NULL, NULL, NULL, &column_extras, &extras);
          g_ptr_array_add (children, g_variant_ref_sink (entry_new (name, mapping, column_extras, extras)));
        }
      else
        g_ptr_array_add (children, g_steal_pointer (&entry));
    }
  if (at < 0)
    g_ptr_array_add (children, g_variant_ref_sink (entry_new (name, mapping, "", "")));

  return cost_project_set_bill_mappings (project, array_new (children), error);
}

/**
 * cost_bill_mappings_remove:
 *
 * Removes the saved mapping at @position: the records of bills it read
 * stay.
 */
gboolean
cost_bill_mappings_remove (CostProject  *project,
                           guint         position,
                           GError      **error)
{
  GVariant *mappings = cost_project_get_bill_mappings (project);
  g_autoptr(GPtrArray) children = NULL;
  guint n = cost_bill_mappings_get_n (mappings);

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (position < n, FALSE);

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      if (i != position)
        g_ptr_array_add (children, g_variant_get_child_value (mappings, i));
    }

  return cost_project_set_bill_mappings (project, array_new (children), error);
}

/* Reading and writing project files */

static const char * const mapping_keys[] = {
  "name", "columns", "currency", "tag_prefix", NULL
};

/* The "columns" of a saved mapping: `{"month": "月份", "amount": "金额"}`. */
static gboolean
read_columns (CostJsonReader   *r,
              JsonObject       *object,
              CostBillMapping  *mapping,
              GString          *extras_text,
              GError          **error)
{
  const char *keys[COST_BILL_N_COLUMNS + 1];
  g_autoptr(JsonObject) extras = NULL;
  JsonNode *node = json_object_get_member (object, "columns");
  JsonObject *columns;
  gsize saved;

  if (node == NULL)
    return cost_json_reader_fail (r, "columns", error, _("is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (r, "columns", error, _("must be an object"));
  columns = json_node_get_object (node);

  saved = cost_json_reader_push_key (r, "columns");
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      gboolean required = c == COST_BILL_COLUMN_MONTH || c == COST_BILL_COLUMN_AMOUNT;
      const char *key = cost_bill_column_to_string (c);
      const char *header;

      keys[c] = key;
      if (!cost_json_reader_string (r, columns, key, required, &header, error))
        return FALSE;
      if (json_object_has_member (columns, key) && header[0] == '\0')
        return cost_json_reader_fail (r, key, error, _("must not be empty"));
      cost_bill_mapping_set_column (mapping, c, header);
    }
  keys[COST_BILL_N_COLUMNS] = NULL;

  if (!cost_json_reader_extras (r, columns, keys, &extras, error))
    return FALSE;
  cost_json_append_members (extras_text, extras);
  cost_json_reader_pop (r, saved);

  return TRUE;
}

/* `{"name": "Chargeback", "columns": {"month": "月份", "amount": "金额",
 * "service": "服务"}, "currency": "CNY"}` */
static GVariant *
read_mapping (CostJsonReader  *r,
              JsonObject      *object,
              GHashTable      *names,
              GError         **error)
{
  g_autoptr(CostBillMapping) mapping = cost_bill_mapping_new ();
  g_autoptr(JsonObject) extras = NULL;
  g_autoptr(GString) column_extras = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *name, *currency, *tag_prefix;

  if (!cost_json_reader_string (r, object, "name", TRUE, &name, error))
    return NULL;
  if (name[0] == '\0')
    {
      cost_json_reader_fail (r, "name", error, _("must not be empty"));
      return NULL;
    }
  if (g_hash_table_contains (names, name))
    {
      cost_json_reader_fail (r, "name", error, _("is the name of another column mapping too"));
      return NULL;
    }
  g_hash_table_add (names, (gpointer) name);

  if (!read_columns (r, object, mapping, column_extras, error) ||
      !cost_json_reader_string (r, object, "currency", FALSE, &currency, error) ||
      !cost_json_reader_string (r, object, "tag_prefix", FALSE, &tag_prefix, error) ||
      !cost_json_reader_extras (r, object, mapping_keys, &extras, error))
    return NULL;

  if (currency[0] != '\0' && !cost_check_currency (currency, NULL))
    {
      cost_json_reader_fail (r, "currency", error, _("must be a three-letter ISO 4217 code such as CNY"));
      return NULL;
    }
  cost_bill_mapping_set_currency (mapping, currency);
  cost_bill_mapping_set_tag_prefix (mapping, tag_prefix);

  cost_json_append_members (text, extras);

  return g_variant_ref_sink (entry_new (name, mapping, column_extras->str, text->str));
}

/**
 * cost_bill_mappings_read:
 * @array: the project's "bill_mappings" member, of at most
 *   %COST_MAX_BILL_MAPPINGS elements
 * @out: (out) (transfer full) (nullable): the mappings, %NULL for none
 */
gboolean
cost_bill_mappings_read (CostJsonReader  *r,
                         JsonArray       *array,
                         GVariant       **out,
                         GError         **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  gsize saved = cost_json_reader_push_key (r, "bill_mappings");

  *out = NULL;
  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = cost_json_reader_push_index (r, i);
      JsonObject *object = cost_json_reader_element (r, array, i, error);
      GVariant *mapping;

      if (object == NULL || (mapping = read_mapping (r, object, names, error)) == NULL)
        return FALSE;

      g_ptr_array_add (mappings, mapping);
      cost_json_reader_pop (r, saved_index);
    }
  cost_json_reader_pop (r, saved);

  if (n > 0)
    *out = g_variant_ref_sink (array_new (mappings));

  return TRUE;
}

/**
 * cost_bill_mappings_write:
 *
 * Appends the mapping at @position as a project file writes it, on one
 * line.
 */
void
cost_bill_mappings_write (GString  *out,
                          GVariant *mappings,
                          guint     position)
{
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(CostBillMapping) mapping = NULL;
  const char *column_extras, *extras;
  gboolean first = TRUE;

  g_return_if_fail (position < cost_bill_mappings_get_n (mappings));

  entry = g_variant_get_child_value (mappings, position);
  mapping = mapping_of (entry, &column_extras, &extras);

  g_string_append (out, "{\"name\": ");
  cost_json_append_string (out, cost_bill_mappings_get_name (mappings, position));
  g_string_append (out, ", \"columns\": {");
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      const char *header = cost_bill_mapping_get_column (mapping, c);

      if (header == NULL)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      cost_json_append_string (out, cost_bill_column_to_string (c));
      g_string_append (out, ": ");
      cost_json_append_string (out, header);
    }
  if (column_extras[0] != '\0')
    {
      g_string_append (out, ", ");
      g_string_append (out, column_extras);
    }
  g_string_append_c (out, '}');
  if (cost_bill_mapping_get_currency (mapping) != NULL)
    {
      g_string_append (out, ", \"currency\": ");
      cost_json_append_string (out, cost_bill_mapping_get_currency (mapping));
    }
  if (cost_bill_mapping_get_tag_prefix (mapping) != NULL)
    {
      g_string_append (out, ", \"tag_prefix\": ");
      cost_json_append_string (out, cost_bill_mapping_get_tag_prefix (mapping));
    }
  if (extras[0] != '\0')
    {
      g_string_append (out, ", ");
      g_string_append (out, extras);
    }
  g_string_append_c (out, '}');
}
