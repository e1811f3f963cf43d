/* cost-bill.c
 *
 * Reading bills: a CSV (FOCUS, AWS CUR, an Alibaba Cloud export, or any
 * CSV through a column mapping) is read as a stream (cost-csv.c) and its
 * lines summed by month, currency and what a mapping rule can match on,
 * without a project, so that it can run in a thread. A bad line refuses
 * the whole bill, naming the line. cost-bill-import.c applies the sums to
 * a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cost-bill-private.h"
#include "cost-month.h"
#include "cost-types.h"

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Previews */

typedef struct
{
  guint            max_rows;
  CostBillPreview *preview;
} PreviewReader;

static gboolean
preview_row (CostCsv   *csv,
             gpointer   data,
             GError   **error)
{
  PreviewReader *p = data;
  char **row;

  if (p->preview->headers == NULL)
    {
      p->preview->headers = cost_csv_read_headers (csv, error);
      if (p->preview->headers == NULL)
        return FALSE;
    }
  else
    {
      row = g_new0 (char *, csv->n_fields + 1);
      for (guint i = 0; i < csv->n_fields; i++)
        row[i] = g_utf8_make_valid (cost_csv_field_text (csv, i), cost_csv_field_len (csv, i));
      g_ptr_array_add (p->preview->rows, row);
    }

  if (p->preview->rows->len >= p->max_rows)
    csv->stop = TRUE;

  return TRUE;
}

/**
 * cost_bill_preview_read:
 * @max_rows: how many rows after the header row to read at most
 *
 * Reads the header row and the first rows of a bill, for a dialog that
 * maps its columns, with the format the headers tell and a first mapping.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error
 */
CostBillPreview *
cost_bill_preview_read (GFile         *file,
                        guint          max_rows,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(CostBillPreview) preview = NULL;
  PreviewReader p;
  CostCsv csv;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  preview = g_new0 (CostBillPreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  p.max_rows = MAX (max_rows, 1);
  p.preview = preview;

  name = display_name (file);
  cost_csv_init (&csv, name, preview_row, &p);
  ok = cost_csv_read_file (&csv, file, NULL, NULL, cancellable, error);
  if (ok && preview->headers == NULL)
    ok = cost_csv_fail (&csv, 1, error, _("the bill is empty"));
  cost_csv_clear (&csv);
  if (!ok)
    return NULL;

  preview->format = cost_bill_detect ((const char * const *) preview->headers, NULL);
  preview->mapping = cost_bill_mapping_guess ((const char * const *) preview->headers);

  return g_steal_pointer (&preview);
}

void
cost_bill_preview_free (CostBillPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->headers);
  g_ptr_array_unref (preview->rows);
  g_clear_pointer (&preview->mapping, cost_bill_mapping_free);
  g_free (preview);
}

/* Bills */

typedef struct
{
  int   index;
  char *key;
} TagColumn;

typedef enum
{
  TAGS_JSON,    /* FOCUS, AWS CUR 2.0: {"team": "search"} */
  TAGS_PAIRS,   /* Alibaba Cloud: team:search;env:prod */
  TAGS_EITHER,  /* any other CSV: JSON when it starts with { */
} TagSyntax;

typedef struct
{
  CostBill        *bill;
  CostBillFormat   format;       /* asked for */
  CostBillMapping *mapping;      /* given, or from the headers */
  char           **headers;
  guint            n_headers;
  int              columns[COST_BILL_N_COLUMNS];
  GArray          *tag_columns;  /* TagColumn, sorted by key */
  TagSyntax        tag_syntax;
  gboolean        *wanted;
  GHashTable      *groups;       /* key text → Group */
  GHashTable      *tag_cache;    /* tags as a bill writes them → pairs */
  GString         *key;
  GString         *pairs;
  JsonParser      *parser;
} BillReader;

static void
tag_column_clear (TagColumn *t)
{
  g_free (t->key);
}

static int
compare_tag_columns (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const TagColumn *) a)->key, ((const TagColumn *) b)->key);
}

static const char *
header_of (BillReader     *b,
           CostBillColumn  column)
{
  return b->headers[b->columns[column]];
}

static gboolean
read_header_row (CostCsv     *csv,
                 BillReader  *b,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char * const *headers;

  b->headers = cost_csv_read_headers (csv, error);
  if (b->headers == NULL)
    return FALSE;
  b->n_headers = csv->n_fields;
  headers = (const char * const *) b->headers;

  if (b->mapping == NULL)
    {
      if (b->format == COST_BILL_FORMAT_AUTO || b->format == COST_BILL_FORMAT_CUSTOM)
        {
          b->bill->format = cost_bill_detect (headers, &b->mapping);
          if (b->mapping == NULL)
            return cost_csv_fail (csv, 1, error,
                             _("the columns are not those of a FOCUS, AWS Cost and Usage Report or "
                               "Alibaba Cloud bill: choose the format, or map the columns"));
        }
      else
        {
          b->mapping = cost_bill_mapping_for_format (b->format, headers, &local_error);
          if (b->mapping == NULL)
            return cost_csv_fail (csv, 1, error, "%s", local_error->message);
          b->bill->format = b->format;
        }
    }
  else
    {
      if (!cost_bill_mapping_check (b->mapping, headers, &local_error))
        return cost_csv_fail (csv, 1, error, "%s", local_error->message);
      b->bill->format = cost_bill_mapping_get_format (b->mapping);
    }

  b->wanted = g_new0 (gboolean, b->n_headers);
  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      const char *name = cost_bill_mapping_get_column (b->mapping, c);

      b->columns[c] = name != NULL ? _cost_bill_find_header (headers, name) : -1;
      if (b->columns[c] >= 0)
        b->wanted[b->columns[c]] = TRUE;
    }

  switch (b->bill->format)
    {
    case COST_BILL_FORMAT_FOCUS:
    case COST_BILL_FORMAT_AWS_CUR:
      b->tag_syntax = TAGS_JSON;
      break;
    case COST_BILL_FORMAT_ALIYUN:
      b->tag_syntax = TAGS_PAIRS;
      break;
    case COST_BILL_FORMAT_AUTO:
    case COST_BILL_FORMAT_CUSTOM:
    default:
      b->tag_syntax = TAGS_EITHER;
    }

  b->tag_columns = g_array_new (FALSE, TRUE, sizeof (TagColumn));
  g_array_set_clear_func (b->tag_columns, (GDestroyNotify) tag_column_clear);
  if (cost_bill_mapping_get_tag_prefix (b->mapping) != NULL)
    {
      const char *prefix = cost_bill_mapping_get_tag_prefix (b->mapping);

      for (guint i = 0; i < b->n_headers; i++)
        {
          TagColumn t;

          if (!g_str_has_prefix (headers[i], prefix) || headers[i][strlen (prefix)] == '\0')
            continue;
          t.index = i;
          t.key = g_strdup (headers[i] + strlen (prefix));
          g_array_append_val (b->tag_columns, t);
          b->wanted[i] = TRUE;
        }
      g_array_sort (b->tag_columns, compare_tag_columns);
    }

  csv->wanted = b->wanted;
  csv->n_wanted = b->n_headers;

  return TRUE;
}

/* Strictly a decimal number: a sign, digits with a point, an exponent; no
 * grouping, no currency sign, nothing else. */
static gboolean
parse_amount (const char *text,
              gsize       len,
              double     *amount)
{
  gsize i = 0;
  gboolean digits = FALSE;
  double value;

  if (i < len && (text[i] == '-' || text[i] == '+'))
    i++;
  for (; i < len && g_ascii_isdigit (text[i]); i++)
    digits = TRUE;
  if (i < len && text[i] == '.')
    for (i++; i < len && g_ascii_isdigit (text[i]); i++)
      digits = TRUE;
  if (!digits)
    return FALSE;

  if (i < len && (text[i] == 'e' || text[i] == 'E'))
    {
      i++;
      if (i < len && (text[i] == '-' || text[i] == '+'))
        i++;
      if (i >= len || !g_ascii_isdigit (text[i]))
        return FALSE;
      while (i < len && g_ascii_isdigit (text[i]))
        i++;
    }

  if (i != len)
    return FALSE;

  value = g_ascii_strtod (text, NULL);
  if (!isfinite (value) || fabs (value) > COST_MAX_AMOUNT)
    return FALSE;

  *amount = value == 0 ? 0 : value;
  return TRUE;
}

/* The month, amount and currency of a line, as bills and previews read
 * them; @header names the column in the message. */
static gboolean
read_month_field (const char  *header,
                  const char  *text,
                  gsize        len,
                  int         *month,
                  GError     **error)
{
  g_autofree char *value = NULL;

  if (cost_month_parse_date (text, len, month))
    return TRUE;

  value = cost_csv_shown (text, len);
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE,
               _("%s: “%s” is not a date such as 2027-01-31 or a month such as 2027-01"), header, value);
  return FALSE;
}

static gboolean
read_amount_field (const char  *header,
                   const char  *text,
                   gsize        len,
                   double      *amount,
                   GError     **error)
{
  g_autofree char *value = NULL;

  if (parse_amount (text, len, amount))
    return TRUE;

  value = cost_csv_shown (text, len);
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE,
               _("%s: “%s” is not an amount such as 1234.56 or -12.5 (no grouping, no currency sign)"),
               header, value);
  return FALSE;
}

/* @upper: the code in capitals */
static gboolean
read_currency_field (const char  *header,
                     const char  *text,
                     gsize        len,
                     char         upper[4],
                     GError     **error)
{
  g_autofree char *value = NULL;

  if (len == 3 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]) && g_ascii_isalpha (text[2]))
    {
      for (guint i = 0; i < 3; i++)
        upper[i] = g_ascii_toupper (text[i]);
      upper[3] = '\0';
      return TRUE;
    }

  value = cost_csv_shown (text, len);
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("%s: “%s” is not a three-letter currency code such as CNY"),
               header, value);
  return FALSE;
}

static void
append_text (GString    *out,
             const char *text,
             gsize       len)
{
  g_string_append_printf (out, "%" G_GSIZE_FORMAT ":", len);
  g_string_append_len (out, text, len);
}

typedef struct
{
  const char *key;
  gsize       key_len;
  const char *value;
  gsize       value_len;
} Pair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a, *pb = b;
  int cmp = memcmp (pa->key, pb->key, MIN (pa->key_len, pb->key_len));

  return cmp != 0 ? cmp : (pa->key_len > pb->key_len) - (pa->key_len < pb->key_len);
}

/* @pairs, sorted by key, the last of a key kept, as the text of a group's
 * key. */
static void
encode_pairs (GString *out,
              GArray  *pairs)
{
  g_array_sort (pairs, compare_pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);

      if (i + 1 < pairs->len && compare_pairs (p, &g_array_index (pairs, Pair, i + 1)) == 0)
        continue;
      append_text (out, p->key, p->key_len);
      append_text (out, p->value, p->value_len);
    }
}

/* Tags as FOCUS and AWS CUR 2.0 write them: a JSON object. The error
 * says why not. */
static gboolean
parse_json_tags (BillReader  *b,
                 const char  *text,
                 gsize        len,
                 GString     *out,
                 GError     **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (b->parser, text, -1, NULL) ||
      (root = json_parser_get_root (b->parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *value = cost_csv_shown (text, len);

      g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("“%s” is not a JSON object of tags"), value);
      return FALSE;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      Pair p = { l->data, strlen (l->data), "", 0 };

      if (JSON_NODE_HOLDS_VALUE (node))
        {
          char *value;

          if (json_node_get_value_type (node) == G_TYPE_STRING)
            value = g_strdup (json_node_get_string (node));
          else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            value = g_strdup (json_node_get_boolean (node) ? "true" : "false");
          else if (json_node_get_value_type (node) == G_TYPE_INT64)
            value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          else
            {
              value = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
              g_ascii_dtostr (value, G_ASCII_DTOSTR_BUF_SIZE, json_node_get_double (node));
            }
          g_ptr_array_add (values, value);
          p.value = value;
          p.value_len = strlen (value);
        }
      else if (!JSON_NODE_HOLDS_NULL (node))
        {
          g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("the tag “%s” is not text"), (char *) l->data);
          return FALSE;
        }

      g_array_append_val (pairs, p);
    }

  encode_pairs (out, pairs);
  return TRUE;
}

/* Tags as Alibaba Cloud writes them: `key1:value1;key2:value2` (or with
 * `=`). */
static void
parse_pair_tags (const char *text,
                 GString    *out)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p + strcspn (p, ";");
      const char *sep = p + strcspn (p, ":=");
      Pair pair;

      if (sep > end)
        sep = end;
      while (p < sep && g_ascii_isspace (*p))
        p++;
      pair.key = p;
      pair.key_len = sep - p;
      while (pair.key_len > 0 && g_ascii_isspace (p[pair.key_len - 1]))
        pair.key_len--;
      pair.value = sep < end ? sep + 1 : end;
      while (pair.value < end && g_ascii_isspace (*pair.value))
        pair.value++;
      pair.value_len = end - pair.value;
      while (pair.value_len > 0 && g_ascii_isspace (pair.value[pair.value_len - 1]))
        pair.value_len--;
      if (pair.key_len > 0)
        g_array_append_val (pairs, pair);
      p = *end != '\0' ? end + 1 : end;
    }

  encode_pairs (out, pairs);
}

/* The tags of the current row as the text of a group's key. */
static const char *
row_tags (CostCsv     *csv,
          BillReader  *b,
          GError     **error)
{
  const char *cached;

  if (b->columns[COST_BILL_COLUMN_TAGS] >= 0)
    {
      int index = b->columns[COST_BILL_COLUMN_TAGS];
      const char *text = cost_csv_field_text (csv, index);
      g_autoptr(GError) local_error = NULL;

      if (cost_csv_field_len (csv, index) == 0)
        return "";

      if (!cost_csv_check_text (csv, index, header_of (b, COST_BILL_COLUMN_TAGS), error))
        return NULL;

      cached = g_hash_table_lookup (b->tag_cache, text);
      if (cached != NULL)
        return cached;

      g_string_truncate (b->pairs, 0);
      if (b->tag_syntax == TAGS_JSON || (b->tag_syntax == TAGS_EITHER && text[0] == '{'))
        {
          if (!parse_json_tags (b, text, cost_csv_field_len (csv, index), b->pairs, &local_error))
            {
              cost_csv_fail (csv, csv->row_line, error, "%s: %s", header_of (b, COST_BILL_COLUMN_TAGS),
                        local_error->message);
              return NULL;
            }
        }
      else
        parse_pair_tags (text, b->pairs);

      cached = g_string_chunk_insert_const (b->bill->strings, b->pairs->str);
      g_hash_table_insert (b->tag_cache, g_strdup (text), (gpointer) cached);
      return cached;
    }

  if (b->tag_columns->len > 0)
    {
      g_string_truncate (b->pairs, 0);
      for (guint i = 0; i < b->tag_columns->len; i++)
        {
          TagColumn *t = &g_array_index (b->tag_columns, TagColumn, i);

          if (cost_csv_field_len (csv, t->index) == 0)
            continue;
          if (!cost_csv_check_text (csv, t->index, b->headers[t->index], error))
            return NULL;
          append_text (b->pairs, t->key, strlen (t->key));
          append_text (b->pairs, cost_csv_field_text (csv, t->index), cost_csv_field_len (csv, t->index));
        }
      return g_string_chunk_insert_const (b->bill->strings, b->pairs->str);
    }

  return "";
}

static const char *
row_text (CostCsv         *csv,
          BillReader      *b,
          CostBillColumn   column,
          GError         **error)
{
  int index = b->columns[column];

  if (index < 0 || cost_csv_field_len (csv, index) == 0)
    return "";

  if (!cost_csv_check_text (csv, index, header_of (b, column), error))
    return NULL;

  return cost_csv_field_text (csv, index);
}

static gboolean
read_bill_row (CostCsv   *csv,
               gpointer   data,
               GError   **error)
{
  BillReader *b = data;
  g_autoptr(GError) local_error = NULL;
  int month, index;
  double amount;
  const char *currency = "", *service_category, *service, *resource_id, *tags;
  char upper[4];
  Group *group;

  if (b->headers == NULL)
    return read_header_row (csv, b, error);

  if (csv->n_fields != b->n_headers)
    {
      gboolean empty_after = csv->n_fields > b->n_headers;

      /* Empty fields after the last column (a comma at the end of the
       * line) say nothing. */
      for (guint i = b->n_headers; i < csv->n_fields && empty_after; i++)
        empty_after = cost_csv_field_len (csv, i) == 0;
      if (!empty_after)
        return cost_csv_fail (csv, csv->row_line, error,
                         g_dngettext (GETTEXT_PACKAGE, "%u field where the header row has %u",
                                      "%u fields where the header row has %u", csv->n_fields),
                         csv->n_fields, b->n_headers);
    }

  index = b->columns[COST_BILL_COLUMN_MONTH];
  if (!read_month_field (header_of (b, COST_BILL_COLUMN_MONTH), cost_csv_field_text (csv, index),
                         cost_csv_field_len (csv, index), &month, &local_error))
    return cost_csv_fail (csv, csv->row_line, error, "%s", local_error->message);

  index = b->columns[COST_BILL_COLUMN_AMOUNT];
  if (!read_amount_field (header_of (b, COST_BILL_COLUMN_AMOUNT), cost_csv_field_text (csv, index),
                          cost_csv_field_len (csv, index), &amount, &local_error))
    return cost_csv_fail (csv, csv->row_line, error, "%s", local_error->message);

  index = b->columns[COST_BILL_COLUMN_CURRENCY];
  if (index >= 0)
    {
      if (!read_currency_field (header_of (b, COST_BILL_COLUMN_CURRENCY), cost_csv_field_text (csv, index),
                                cost_csv_field_len (csv, index), upper, &local_error))
        return cost_csv_fail (csv, csv->row_line, error, "%s", local_error->message);
      currency = upper;
    }
  else if (cost_bill_mapping_get_currency (b->mapping) != NULL)
    currency = cost_bill_mapping_get_currency (b->mapping);

  if ((service_category = row_text (csv, b, COST_BILL_COLUMN_SERVICE_CATEGORY, error)) == NULL ||
      (service = row_text (csv, b, COST_BILL_COLUMN_SERVICE, error)) == NULL ||
      (resource_id = row_text (csv, b, COST_BILL_COLUMN_RESOURCE_ID, error)) == NULL ||
      (tags = row_tags (csv, b, error)) == NULL)
    return FALSE;

  g_string_truncate (b->key, 0);
  g_string_append_printf (b->key, "%d:", month);
  append_text (b->key, currency, strlen (currency));
  append_text (b->key, service_category, strlen (service_category));
  append_text (b->key, service, strlen (service));
  append_text (b->key, resource_id, strlen (resource_id));
  g_string_append (b->key, tags);

  group = g_hash_table_lookup (b->groups, b->key->str);
  if (group == NULL)
    {
      GStringChunk *strings = b->bill->strings;

      group = g_new0 (Group, 1);
      group->month = month;
      group->currency = g_string_chunk_insert_const (strings, currency);
      group->service_category = g_string_chunk_insert_const (strings, service_category);
      group->service = g_string_chunk_insert_const (strings, service);
      group->resource_id = g_string_chunk_insert_const (strings, resource_id);
      group->tags = tags;
      g_hash_table_insert (b->groups, g_strdup (b->key->str), group);
      g_ptr_array_add (b->bill->groups, group);
    }

  /* Neumaier's sum: a million small amounts add up to the cent. */
  {
    double t = group->sum + amount;

    if (fabs (group->sum) >= fabs (amount))
      group->compensation += (group->sum - t) + amount;
    else
      group->compensation += (amount - t) + group->sum;
    group->sum = t;
  }
  group->rows++;

  if (b->bill->rows++ == 0)
    b->bill->first_month = b->bill->last_month = month;
  b->bill->first_month = MIN (b->bill->first_month, month);
  b->bill->last_month = MAX (b->bill->last_month, month);

  return TRUE;
}

CostBill *
_cost_bill_new (const char *basename)
{
  CostBill *bill = g_new0 (CostBill, 1);

  bill->name = g_utf8_make_valid (basename != NULL ? basename : "", -1);
  bill->groups = g_ptr_array_new_with_free_func (g_free);
  bill->strings = g_string_chunk_new (64 * 1024);

  return bill;
}

static void
bill_reader_init (BillReader            *b,
                  CostBill              *bill,
                  CostBillFormat         format,
                  const CostBillMapping *mapping)
{
  memset (b, 0, sizeof *b);
  b->bill = bill;
  b->format = format;
  b->mapping = mapping != NULL ? cost_bill_mapping_copy (mapping) : NULL;
  b->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->tag_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->key = g_string_new (NULL);
  b->pairs = g_string_new (NULL);
  b->parser = json_parser_new_immutable ();
}

/* After the last row: whether the bill had any. */
static gboolean
bill_reader_finish (BillReader  *b,
                    CostCsv     *csv,
                    gboolean     ok,
                    GError     **error)
{
  if (ok && b->headers == NULL)
    ok = cost_csv_fail (csv, 1, error, _("the bill is empty"));
  else if (ok && b->bill->rows == 0)
    ok = cost_csv_fail (csv, 2, error, _("the bill has no lines after its header row"));

  g_clear_pointer (&b->mapping, cost_bill_mapping_free);
  g_strfreev (b->headers);
  g_clear_pointer (&b->tag_columns, g_array_unref);
  g_free (b->wanted);
  g_hash_table_unref (b->groups);
  g_hash_table_unref (b->tag_cache);
  g_string_free (b->key, TRUE);
  g_string_free (b->pairs, TRUE);
  g_object_unref (b->parser);

  return ok;
}

/**
 * cost_bill_read:
 * @format: the bill's format, or %COST_BILL_FORMAT_AUTO to tell it from
 *   the header row
 * @mapping: (nullable): the columns of a %COST_BILL_FORMAT_CUSTOM bill;
 *   %NULL for those of @format
 * @progress: (nullable) (scope call): called as the bill is read
 *
 * Reads a bill as a stream, summing its lines. Does not touch a project:
 * it may run in a thread.
 *
 * Returns: (transfer full) (nullable): the bill's sums, or %NULL with
 *   @error: "FILE: line N: reason" for a bad line, %G_IO_ERROR_CANCELLED
 *   when @cancellable was cancelled
 */
CostBill *
cost_bill_read (GFile                  *file,
                CostBillFormat          format,
                const CostBillMapping  *mapping,
                CostBillProgressFunc    progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(CostBill) bill = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  BillReader b;
  CostCsv csv;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (format != COST_BILL_FORMAT_CUSTOM || mapping != NULL, NULL);

  basename = g_file_get_basename (file);
  bill = _cost_bill_new (basename);
  bill_reader_init (&b, bill, format, mapping);

  name = display_name (file);
  cost_csv_init (&csv, name, read_bill_row, &b);
  ok = cost_csv_read_file (&csv, file, progress, user_data, cancellable, error);
  ok = bill_reader_finish (&b, &csv, ok, error);
  cost_csv_clear (&csv);

  if (!ok)
    return NULL;

  return g_steal_pointer (&bill);
}

/**
 * _cost_bill_read_data:
 * @name: the bill's file name
 * @piece_bytes: the size of the pieces @data is fed in
 *
 * What cost_bill_read() does, on bytes in memory: for tests.
 */
CostBill *
_cost_bill_read_data (const char             *name,
                      const char             *data,
                      gsize                   length,
                      gsize                   piece_bytes,
                      CostBillFormat          format,
                      const CostBillMapping  *mapping,
                      GError                **error)
{
  g_autoptr(CostBill) bill = _cost_bill_new (name);
  BillReader b;
  CostCsv csv;
  gboolean ok = TRUE;

  g_return_val_if_fail (format != COST_BILL_FORMAT_CUSTOM || mapping != NULL, NULL);

  bill_reader_init (&b, bill, format, mapping);
  cost_csv_init (&csv, name, read_bill_row, &b);
  for (gsize at = 0; ok && at < length && !csv.stop; at += piece_bytes)
    ok = cost_csv_feed (&csv, data + at, MIN (piece_bytes, length - at), error);
  ok = ok && cost_csv_finish (&csv, error);
  ok = bill_reader_finish (&b, &csv, ok, error);
  cost_csv_clear (&csv);

  if (!ok)
    return NULL;

  return g_steal_pointer (&bill);
}

void
cost_bill_free (CostBill *bill)
{
  if (bill == NULL)
    return;

  g_free (bill->name);
  g_ptr_array_unref (bill->groups);
  g_string_chunk_free (bill->strings);
  g_free (bill);
}

/**
 * cost_bill_get_format:
 *
 * Returns: the format the bill was read as
 */
CostBillFormat
cost_bill_get_format (const CostBill *bill)
{
  return bill->format;
}

/**
 * cost_bill_get_name:
 *
 * Returns: the bill's file name, the source its records carry
 */
const char *
cost_bill_get_name (const CostBill *bill)
{
  return bill->name;
}

guint64
cost_bill_get_n_rows (const CostBill *bill)
{
  return bill->rows;
}

/**
 * cost_bill_get_n_groups:
 *
 * Returns: the sums the lines became: one per month, currency and set of
 *   what rules match on
 */
guint
cost_bill_get_n_groups (const CostBill *bill)
{
  return bill->groups->len;
}

/* Previews read through a mapping */

/* The field of @row that @column of @mapping names, or "" when the mapping
 * names none or the row is short. */
static const char *
preview_field (const CostBillPreview *preview,
               const CostBillMapping *mapping,
               char                 **row,
               CostBillColumn         column)
{
  const char *header = cost_bill_mapping_get_column (mapping, column);
  int index = header != NULL ? _cost_bill_find_header ((const char * const *) preview->headers, header) : -1;

  if (index < 0 || (guint) index >= g_strv_length (row))
    return "";

  return row[index];
}

/**
 * cost_bill_preview_read_line:
 * @row: the position of a row of @preview->rows
 * @line: (out caller-allocates): how the row reads, its strings borrowed
 *   from @preview
 *
 * Reads a row of a preview as an import through @mapping would, so that a
 * person sees the mapping is right before importing.
 *
 * Returns: %FALSE with @error saying which row and why, when an import
 *   would refuse the row or @mapping does not fit the preview's columns
 */
gboolean
cost_bill_preview_read_line (const CostBillPreview  *preview,
                             const CostBillMapping  *mapping,
                             guint                   row,
                             CostBillPreviewLine    *line,
                             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  char **fields;
  const char *text;

  g_return_val_if_fail (preview != NULL && mapping != NULL, FALSE);
  g_return_val_if_fail (row < preview->rows->len, FALSE);

  memset (line, 0, sizeof *line);
  if (!cost_bill_mapping_check (mapping, (const char * const *) preview->headers, error))
    return FALSE;

  fields = g_ptr_array_index (preview->rows, row);
  text = preview_field (preview, mapping, fields, COST_BILL_COLUMN_MONTH);
  if (!read_month_field (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_MONTH), text, strlen (text),
                         &line->month, &local_error))
    goto fail;

  text = preview_field (preview, mapping, fields, COST_BILL_COLUMN_AMOUNT);
  if (!read_amount_field (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_AMOUNT), text, strlen (text),
                          &line->amount, &local_error))
    goto fail;

  if (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_CURRENCY) != NULL)
    {
      text = preview_field (preview, mapping, fields, COST_BILL_COLUMN_CURRENCY);
      if (!read_currency_field (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_CURRENCY), text,
                                strlen (text), line->currency, &local_error))
        goto fail;
    }
  else if (cost_bill_mapping_get_currency (mapping) != NULL)
    g_strlcpy (line->currency, cost_bill_mapping_get_currency (mapping), sizeof line->currency);

  line->service = preview_field (preview, mapping, fields, COST_BILL_COLUMN_SERVICE);

  return TRUE;

fail:
  /* Translators: a row of a bill's preview and what is wrong with it: "Row 2: 金额: “abc” is not an amount…" */
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("Row %u: %s"), row + 1, local_error->message);
  return FALSE;
}
