/* cost-bill.c
 *
 * Importing bills: a CSV (FOCUS, AWS CUR, an Alibaba Cloud export, or any
 * CSV through a column mapping) is read as a stream by libcsv, a piece at
 * a time, never whole in memory; its lines are summed by month, currency
 * and what a mapping rule can match on. Applying the sums to a project
 * assigns them with the project's rules and replaces what an earlier
 * import of the same bill brought, in one change; a bill with a bad line is
 * refused whole, naming the line, and leaves the project as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-private.h"
#include "cost-bill-rules.h"
#include "cost-month.h"
#include "cost-types.h"

#define CHUNK_BYTES (256 * 1024)
#define MAX_COLUMNS 10000

/* How much of a value a message quotes. */
#define SHOWN_CHARS 40

/* Reading CSV */

typedef struct _Csv Csv;

/* Called with each row; returns FALSE with an error to stop. */
typedef gboolean (*CsvRowFunc) (Csv      *csv,
                                gpointer  data,
                                GError  **error);

struct _Csv
{
  struct csv_parser  parser;
  char              *name;        /* of the file, for messages */
  guint64            line;        /* the line being fed, from 1 */
  guint64            row_line;    /* the line the current row starts on */
  guint64            next_line;   /* the line after the last row */
  guint              n_fields;    /* fields of the current row so far */
  GPtrArray         *fields;      /* GString, kept from row to row */
  const gboolean    *wanted;      /* the fields to keep, or NULL for all */
  guint              n_wanted;
  CsvRowFunc         row;
  gpointer           data;
  GError            *error;
  gboolean           stop;        /* the row function has all it wants */
  gboolean           started;     /* past the byte-order mark */
  char               head[3];     /* the first bytes, until they tell */
  gsize              head_len;
};

static gboolean G_GNUC_PRINTF (4, 5)
csv_fail (Csv         *csv,
          guint64      line,
          GError     **error,
          const char  *format,
          ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line);
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: FILE: line NUMBER: REASON, as in "bill.csv: line 7:
   * BilledCost: “12,5” is not an amount…" */
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("%s: line %s: %s"), csv->name, number, reason);

  return FALSE;
}

static void
on_field (void   *s,
          size_t  len,
          void   *data)
{
  Csv *csv = data;
  GString *field;

  if (csv->error != NULL || csv->stop)
    return;

  if (csv->n_fields == 0)
    csv->row_line = csv->line;

  if (csv->n_fields >= MAX_COLUMNS)
    {
      csv_fail (csv, csv->row_line, &csv->error, _("more than %d columns"), MAX_COLUMNS);
      return;
    }

  /* As csv_feed_lines() checks after each piece, before the row ends. */
  if (csv_get_buffer_size (&csv->parser) > COST_BILL_MAX_FIELD_BYTES)
    {
      csv_fail (csv, csv->line, &csv->error, _("a field is longer than %d MB"),
                COST_BILL_MAX_FIELD_BYTES / (1024 * 1024));
      return;
    }

  if (csv->n_fields >= csv->fields->len)
    g_ptr_array_add (csv->fields, g_string_new (NULL));
  field = g_ptr_array_index (csv->fields, csv->n_fields);
  g_string_truncate (field, 0);
  if (csv->wanted == NULL || csv->n_fields >= csv->n_wanted || csv->wanted[csv->n_fields])
    g_string_append_len (field, s, len);
  csv->n_fields++;
}

static void
on_row (int   c,
        void *data)
{
  Csv *csv = data;

  csv->next_line = csv->line + 1;
  if (csv->error != NULL || csv->stop || csv->n_fields == 0)
    return;

  csv->row (csv, csv->data, &csv->error);
  csv->n_fields = 0;
}

static void
csv_init_reader (Csv        *csv,
                 const char *name,
                 CsvRowFunc  row,
                 gpointer    data)
{
  memset (csv, 0, sizeof *csv);
  csv_init (&csv->parser, CSV_STRICT | CSV_STRICT_FINI);
  csv->name = g_strdup (name);
  csv->line = 1;
  csv->next_line = 1;
  csv->fields = g_ptr_array_new ();
  csv->row = row;
  csv->data = data;
}

static void
csv_clear (Csv *csv)
{
  csv_free (&csv->parser);
  for (guint i = 0; i < csv->fields->len; i++)
    g_string_free (g_ptr_array_index (csv->fields, i), TRUE);
  g_ptr_array_unref (csv->fields);
  g_clear_error (&csv->error);
  g_free (csv->name);
}

static const char *
field_text (Csv   *csv,
            guint  index)
{
  return ((GString *) g_ptr_array_index (csv->fields, index))->str;
}

static gsize
field_len (Csv   *csv,
           guint  index)
{
  return ((GString *) g_ptr_array_index (csv->fields, index))->len;
}

/* Feeds @data to the parser a line at a time, so that a row's callbacks
 * know the line they are on. */
static gboolean
csv_feed_lines (Csv         *csv,
                const char  *data,
                gsize        len,
                GError     **error)
{
  while (len > 0 && !csv->stop)
    {
      const char *nl = memchr (data, '\n', len);
      gsize n = nl != NULL ? (gsize) (nl - data) + 1 : len;
      gsize parsed = csv_parse (&csv->parser, data, n, on_field, on_row, csv);

      if (csv->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&csv->error));
          return FALSE;
        }

      if (parsed != n)
        {
          if (csv_error (&csv->parser) == CSV_EPARSE)
            return csv_fail (csv, csv->line, error,
                             _("the CSV is malformed: a quote in a field that does not start with one, "
                               "or text after a closing quote (quotes inside a quoted field are doubled)"));
          return csv_fail (csv, csv->line, error, _("out of memory"));
        }

      if (csv_get_buffer_size (&csv->parser) > COST_BILL_MAX_FIELD_BYTES)
        return csv_fail (csv, csv->line, error, _("a field is longer than %d MB"),
                         COST_BILL_MAX_FIELD_BYTES / (1024 * 1024));

      if (nl != NULL)
        csv->line++;
      data += n;
      len -= n;
    }

  return TRUE;
}

/* The first bytes tell a byte-order mark: UTF-8's is left out, UTF-16's
 * refused. */
static gboolean
csv_start (Csv     *csv,
           GError **error)
{
  static const char bom[] = "\xef\xbb\xbf";
  const guchar *head = (const guchar *) csv->head;

  csv->started = TRUE;
  if (csv->head_len >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
    return csv_fail (csv, 1, error, _("the bill is UTF-16 text: save it as CSV in UTF-8"));

  if (csv->head_len == 3 && memcmp (csv->head, bom, 3) == 0)
    return TRUE;

  return csv_feed_lines (csv, csv->head, csv->head_len, error);
}

static gboolean
csv_feed (Csv         *csv,
          const char  *data,
          gsize        len,
          GError     **error)
{
  while (!csv->started && len > 0)
    {
      csv->head[csv->head_len++] = *data++;
      len--;
      if (csv->head_len == sizeof csv->head && !csv_start (csv, error))
        return FALSE;
    }

  return csv_feed_lines (csv, data, len, error);
}

static gboolean
csv_finish (Csv     *csv,
            GError **error)
{
  if (!csv->started && !csv_start (csv, error))
    return FALSE;

  if (csv->stop)
    return TRUE;

  if (csv_fini (&csv->parser, on_field, on_row, csv) != 0)
    return csv_fail (csv, csv->next_line, error, _("a quoted field is not closed before the end of the bill"));

  if (csv->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&csv->error));
      return FALSE;
    }

  return TRUE;
}

/* Reads @file through @csv, a chunk at a time. */
static gboolean
csv_read_file (Csv                   *csv,
               GFile                 *file,
               CostBillProgressFunc   progress,
               gpointer               user_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  guint64 total, done = 0;
  int reported = -1;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", csv->name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ?
                   _("no such file") : local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: %s", csv->name,
                   _("is a folder, not a bill"));
      return FALSE;
    }

  total = g_file_info_get_size (info);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", csv->name, local_error->message);
      return FALSE;
    }

  buffer = g_malloc (CHUNK_BYTES);
  while (!csv->stop)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_BYTES, cancellable, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, local_error->domain, local_error->code, "%s: %s", csv->name,
                         local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;

      if (!csv_feed (csv, buffer, n, error))
        return FALSE;

      done += n;
      if (progress != NULL && total > 0 && (int) (MIN (done, total) * 100 / total) != reported)
        {
          reported = (int) (MIN (done, total) * 100 / total);
          progress (done, total, user_data);
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return csv_finish (csv, error);
}

/* A value as a message quotes it: valid UTF-8, not too long. */
static char *
shown (const char *text,
       gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= SHOWN_CHARS)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, SHOWN_CHARS);

  return g_strconcat (start, "…", NULL);
}

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static gboolean
check_utf8 (Csv         *csv,
            guint        index,
            const char  *header,
            GError     **error)
{
  if (!g_utf8_validate_len (field_text (csv, index), field_len (csv, index), NULL))
    return csv_fail (csv, csv->row_line, error,
                     _("%s: the text is not UTF-8: save the bill as CSV in UTF-8"), header);

  if (field_len (csv, index) > COST_MAX_STRING_BYTES)
    return csv_fail (csv, csv->row_line, error, _("%s: longer than %d bytes"), header,
                     COST_MAX_STRING_BYTES);

  return TRUE;
}

/* The header row, checked: UTF-8, each header a string. */
static char **
read_headers (Csv     *csv,
              GError **error)
{
  g_auto(GStrv) headers = g_new0 (char *, csv->n_fields + 1);

  for (guint i = 0; i < csv->n_fields; i++)
    {
      if (!g_utf8_validate_len (field_text (csv, i), field_len (csv, i), NULL))
        {
          csv_fail (csv, csv->row_line, error,
                    _("the header row is not UTF-8 text: save the bill as CSV in UTF-8"));
          return NULL;
        }
      headers[i] = g_strndup (field_text (csv, i), field_len (csv, i));
    }

  return g_steal_pointer (&headers);
}

/* Previews */

typedef struct
{
  guint            max_rows;
  CostBillPreview *preview;
} PreviewReader;

static gboolean
preview_row (Csv      *csv,
             gpointer  data,
             GError  **error)
{
  PreviewReader *p = data;
  char **row;

  if (p->preview->headers == NULL)
    {
      p->preview->headers = read_headers (csv, error);
      if (p->preview->headers == NULL)
        return FALSE;
    }
  else
    {
      row = g_new0 (char *, csv->n_fields + 1);
      for (guint i = 0; i < csv->n_fields; i++)
        row[i] = g_utf8_make_valid (field_text (csv, i), field_len (csv, i));
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
  Csv csv;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  preview = g_new0 (CostBillPreview, 1);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  p.max_rows = MAX (max_rows, 1);
  p.preview = preview;

  name = display_name (file);
  csv_init_reader (&csv, name, preview_row, &p);
  ok = csv_read_file (&csv, file, NULL, NULL, cancellable, error);
  if (ok && preview->headers == NULL)
    ok = csv_fail (&csv, 1, error, _("the bill is empty"));
  csv_clear (&csv);
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

/* The lines of one month, currency and set of things rules match on. */
typedef struct
{
  int         month;
  const char *currency;          /* "" for the project's */
  const char *service_category;
  const char *service;
  const char *resource_id;
  const char *tags;              /* pairs, each text with its length before it */
  double      sum;
  double      compensation;      /* of the sum, Neumaier's */
  guint64     rows;
} Group;

struct _CostBill
{
  char           *name;
  CostBillFormat  format;
  GPtrArray      *groups;        /* Group, in the order first met */
  GStringChunk   *strings;
  guint64         rows;
  int             first_month;
  int             last_month;
};

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
read_header_row (Csv         *csv,
                 BillReader  *b,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char * const *headers;

  b->headers = read_headers (csv, error);
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
            return csv_fail (csv, 1, error,
                             _("the columns are not those of a FOCUS, AWS Cost and Usage Report or "
                               "Alibaba Cloud bill: choose the format, or map the columns"));
        }
      else
        {
          b->mapping = cost_bill_mapping_for_format (b->format, headers, &local_error);
          if (b->mapping == NULL)
            return csv_fail (csv, 1, error, "%s", local_error->message);
          b->bill->format = b->format;
        }
    }
  else
    {
      if (!cost_bill_mapping_check (b->mapping, headers, &local_error))
        return csv_fail (csv, 1, error, "%s", local_error->message);
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
      g_autofree char *value = shown (text, len);

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
row_tags (Csv         *csv,
          BillReader  *b,
          GError     **error)
{
  const char *cached;

  if (b->columns[COST_BILL_COLUMN_TAGS] >= 0)
    {
      int index = b->columns[COST_BILL_COLUMN_TAGS];
      const char *text = field_text (csv, index);
      g_autoptr(GError) local_error = NULL;

      if (field_len (csv, index) == 0)
        return "";

      if (!check_utf8 (csv, index, header_of (b, COST_BILL_COLUMN_TAGS), error))
        return NULL;

      cached = g_hash_table_lookup (b->tag_cache, text);
      if (cached != NULL)
        return cached;

      g_string_truncate (b->pairs, 0);
      if (b->tag_syntax == TAGS_JSON || (b->tag_syntax == TAGS_EITHER && text[0] == '{'))
        {
          if (!parse_json_tags (b, text, field_len (csv, index), b->pairs, &local_error))
            {
              csv_fail (csv, csv->row_line, error, "%s: %s", header_of (b, COST_BILL_COLUMN_TAGS),
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

          if (field_len (csv, t->index) == 0)
            continue;
          if (!check_utf8 (csv, t->index, b->headers[t->index], error))
            return NULL;
          append_text (b->pairs, t->key, strlen (t->key));
          append_text (b->pairs, field_text (csv, t->index), field_len (csv, t->index));
        }
      return g_string_chunk_insert_const (b->bill->strings, b->pairs->str);
    }

  return "";
}

static const char *
row_text (Csv            *csv,
          BillReader     *b,
          CostBillColumn  column,
          GError        **error)
{
  int index = b->columns[column];

  if (index < 0 || field_len (csv, index) == 0)
    return "";

  if (!check_utf8 (csv, index, header_of (b, column), error))
    return NULL;

  return field_text (csv, index);
}

static gboolean
read_bill_row (Csv      *csv,
               gpointer  data,
               GError  **error)
{
  BillReader *b = data;
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
        empty_after = field_len (csv, i) == 0;
      if (!empty_after)
        return csv_fail (csv, csv->row_line, error,
                         g_dngettext (GETTEXT_PACKAGE, "%u field where the header row has %u",
                                      "%u fields where the header row has %u", csv->n_fields),
                         csv->n_fields, b->n_headers);
    }

  index = b->columns[COST_BILL_COLUMN_MONTH];
  if (!cost_month_parse_date (field_text (csv, index), field_len (csv, index), &month))
    {
      g_autofree char *value = shown (field_text (csv, index), field_len (csv, index));

      return csv_fail (csv, csv->row_line, error,
                       _("%s: “%s” is not a date such as 2027-01-31 or a month such as 2027-01"),
                       header_of (b, COST_BILL_COLUMN_MONTH), value);
    }

  index = b->columns[COST_BILL_COLUMN_AMOUNT];
  if (!parse_amount (field_text (csv, index), field_len (csv, index), &amount))
    {
      g_autofree char *value = shown (field_text (csv, index), field_len (csv, index));

      return csv_fail (csv, csv->row_line, error,
                       _("%s: “%s” is not an amount such as 1234.56 or -12.5 (no grouping, no currency sign)"),
                       header_of (b, COST_BILL_COLUMN_AMOUNT), value);
    }

  index = b->columns[COST_BILL_COLUMN_CURRENCY];
  if (index >= 0)
    {
      const char *text = field_text (csv, index);

      if (field_len (csv, index) != 3 || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]) ||
          !g_ascii_isalpha (text[2]))
        {
          g_autofree char *value = shown (text, field_len (csv, index));

          return csv_fail (csv, csv->row_line, error,
                           _("%s: “%s” is not a three-letter currency code such as CNY"),
                           header_of (b, COST_BILL_COLUMN_CURRENCY), value);
        }
      for (guint i = 0; i < 3; i++)
        upper[i] = g_ascii_toupper (text[i]);
      upper[3] = '\0';
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

static CostBill *
bill_new (const char *basename)
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
                    Csv         *csv,
                    gboolean     ok,
                    GError     **error)
{
  if (ok && b->headers == NULL)
    ok = csv_fail (csv, 1, error, _("the bill is empty"));
  else if (ok && b->bill->rows == 0)
    ok = csv_fail (csv, 2, error, _("the bill has no lines after its header row"));

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
  Csv csv;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (format != COST_BILL_FORMAT_CUSTOM || mapping != NULL, NULL);

  basename = g_file_get_basename (file);
  bill = bill_new (basename);
  bill_reader_init (&b, bill, format, mapping);

  name = display_name (file);
  csv_init_reader (&csv, name, read_bill_row, &b);
  ok = csv_read_file (&csv, file, progress, user_data, cancellable, error);
  ok = bill_reader_finish (&b, &csv, ok, error);
  csv_clear (&csv);

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
  g_autoptr(CostBill) bill = bill_new (name);
  BillReader b;
  Csv csv;
  gboolean ok = TRUE;

  g_return_val_if_fail (format != COST_BILL_FORMAT_CUSTOM || mapping != NULL, NULL);

  bill_reader_init (&b, bill, format, mapping);
  csv_init_reader (&csv, name, read_bill_row, &b);
  for (gsize at = 0; ok && at < length && !csv.stop; at += piece_bytes)
    ok = csv_feed (&csv, data + at, MIN (piece_bytes, length - at), error);
  ok = ok && csv_finish (&csv, error);
  ok = bill_reader_finish (&b, &csv, ok, error);
  csv_clear (&csv);

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

/* Reading in a thread */

typedef struct
{
  CostBillProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
  GMainContext         *context;
} Progress;

typedef struct
{
  Progress *progress;
  guint64   done;
  guint64   total;
} ProgressStep;

typedef struct
{
  GDestroyNotify destroy;
  gpointer       data;
} ProgressDestroy;

static gboolean
progress_destroy_cb (gpointer user_data)
{
  ProgressDestroy *d = user_data;

  d->destroy (d->data);
  g_free (d);

  return G_SOURCE_REMOVE;
}

/* The caller's data is let go in the caller's context, after the last
 * step. */
static void
progress_clear (Progress *p)
{
  if (p->destroy != NULL)
    {
      ProgressDestroy *d = g_new0 (ProgressDestroy, 1);

      d->destroy = p->destroy;
      d->data = p->data;
      g_main_context_invoke (p->context, progress_destroy_cb, d);
    }
  g_main_context_unref (p->context);
}

static void
progress_unref (Progress *p)
{
  g_atomic_rc_box_release_full (p, (GDestroyNotify) progress_clear);
}

static gboolean
progress_step_cb (gpointer data)
{
  ProgressStep *step = data;

  step->progress->func (step->done, step->total, step->progress->data);

  return G_SOURCE_REMOVE;
}

static void
progress_step_free (gpointer data)
{
  ProgressStep *step = data;

  progress_unref (step->progress);
  g_free (step);
}

/* In the thread: each step is passed to the caller's main context. */
static void
progress_in_thread (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  Progress *p = user_data;
  ProgressStep *step = g_new0 (ProgressStep, 1);

  step->progress = g_atomic_rc_box_acquire (p);
  step->done = done;
  step->total = total;
  g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_step_cb, step, progress_step_free);
}

typedef struct
{
  GFile           *file;
  CostBillFormat   format;
  CostBillMapping *mapping;
  Progress        *progress;
} ReadData;

static void
read_data_free (ReadData *d)
{
  g_object_unref (d->file);
  g_clear_pointer (&d->mapping, cost_bill_mapping_free);
  if (d->progress != NULL)
    progress_unref (d->progress);
  g_free (d);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *d = task_data;
  GError *error = NULL;
  CostBill *bill;

  bill = cost_bill_read (d->file, d->format, d->mapping, d->progress ? progress_in_thread : NULL,
                         d->progress, cancellable, &error);
  if (bill == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bill, (GDestroyNotify) cost_bill_free);
}

/**
 * cost_bill_read_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the bill is read
 * @progress_destroy: (nullable): frees @progress_data once no call is left
 *
 * Reads a bill in a thread, as cost_bill_read() does.
 */
void
cost_bill_read_async (GFile                  *file,
                      CostBillFormat          format,
                      const CostBillMapping  *mapping,
                      CostBillProgressFunc    progress,
                      gpointer                progress_data,
                      GDestroyNotify          progress_destroy,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ReadData, 1);
  d->file = g_object_ref (file);
  d->format = format;
  d->mapping = mapping != NULL ? cost_bill_mapping_copy (mapping) : NULL;
  if (progress != NULL)
    {
      d->progress = g_atomic_rc_box_new0 (Progress);
      d->progress->func = progress;
      d->progress->data = progress_data;
      d->progress->destroy = progress_destroy;
      d->progress->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cost_bill_read_async);
  g_task_set_task_data (task, d, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * cost_bill_read_finish:
 *
 * Returns: (transfer full) (nullable): the bill, or %NULL with @error
 */
CostBill *
cost_bill_read_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Applying a bill to a project */

/* The tags of a group's key as a dictionary, or %NULL for none. */
static GVariant *
decode_tags (const char *text)
{
  GVariantBuilder builder;
  const char *p = text;
  gboolean any = FALSE;

  if (*p == '\0')
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  while (*p != '\0')
    {
      char *end;
      guint64 key_len = g_ascii_strtoull (p, &end, 10);
      const char *key = end + 1;
      g_autofree char *k = g_strndup (key, key_len);
      g_autofree char *v = NULL;
      guint64 value_len;

      p = key + key_len;
      value_len = g_ascii_strtoull (p, &end, 10);
      v = g_strndup (end + 1, value_len);
      p = end + 1 + value_len;
      g_variant_builder_add (&builder, "{ss}", k, v);
      any = TRUE;
    }

  if (!any)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static double
round_micro (double amount)
{
  double r = round (amount * 1e6) / 1e6;

  return r == 0 ? 0 : r;
}

void
cost_bill_report_clear (CostBillReport *report)
{
  g_clear_pointer (&report->source, g_free);
  g_clear_pointer (&report->currency_assumed, g_free);
  g_clear_pointer (&report->missing_rates, g_strfreev);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cost_bill_apply:
 * @bill: a bill read with cost_bill_read()
 * @source: (nullable): the source its records carry; %NULL for the
 *   bill's file name
 * @report: (out caller-allocates) (optional): what the import did; clear
 *   it with cost_bill_report_clear()
 *
 * Brings @bill into the project's actual spending, in one change: its sums
 * are assigned by the project's mapping rules (those no rule matches are
 * kept as unassigned), and replace the records of the same source in the
 * bill's months, so that importing a bill again counts it once. A project
 * without a start month starts with the bill's first month.
 *
 * Returns: whether the project took the bill; on %FALSE, with @error, the
 *   project is as it was
 */
gboolean
cost_bill_apply (CostProject     *project,
                 const CostBill  *bill,
                 const char      *source,
                 CostBillReport  *report,
                 GError         **error)
{
  const char *currency;
  GVariant *actuals;
  g_autoptr(CostBillMatcher) matcher = NULL;
  g_autoptr(GHashTable) months = NULL;
  g_autoptr(GHashTable) missing = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GVariant) sorted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(CostBillReport) r = { 0, };
  char start_text[COST_MONTH_TEXT_SIZE];
  int start, horizon;
  guint n;
  gboolean ok;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (bill != NULL, FALSE);

  if (source == NULL || source[0] == '\0')
    source = bill->name;
  if (!cost_check_text (source, error))
    return FALSE;

  currency = cost_project_get_currency (project);
  horizon = cost_project_get_horizon (project);
  actuals = cost_project_get_actuals (project);
  if (!cost_project_get_start_month (project, &start))
    {
      start = bill->first_month;
      r.start_set = TRUE;
    }
  cost_month_format (start, start_text);

  r.source = g_strdup (source);
  r.format = bill->format;
  r.rows = bill->rows;
  r.first_month = bill->first_month;
  r.last_month = bill->last_month;

  months = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < bill->groups->len; i++)
    g_hash_table_add (months, GINT_TO_POINTER (((Group *) g_ptr_array_index (bill->groups, i))->month));

  /* What an earlier import of this bill brought in its months goes. */
  n = cost_actuals_get_n (actuals);
  records = g_ptr_array_new_full (n + bill->groups->len, (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      int month = 0;

      cost_actuals_get (actuals, i, &actual);
      cost_month_parse (actual.month, &month, NULL);
      if (strcmp (actual.source, source) == 0 && g_hash_table_contains (months, GINT_TO_POINTER (month)))
        {
          r.replaced++;
          continue;
        }
      g_ptr_array_add (records, g_variant_get_child_value (actuals, i));
    }

  matcher = cost_bill_matcher_new (project, cost_project_get_bill_rules (project));
  missing = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < bill->groups->len; i++)
    {
      Group *g = g_ptr_array_index (bill->groups, i);
      g_autoptr(GVariant) tags = decode_tags (g->tags);
      char month[COST_MONTH_TEXT_SIZE];
      const char *category, *item;
      CostActual actual = {
        month, "", "", round_micro (g->sum + g->compensation), g->currency, source, "",
        g->service_category, g->service, g->resource_id, tags, "",
      };

      cost_month_format (g->month, month);
      if (g->currency[0] == '\0')
        {
          actual.currency = currency;
          g_free (r.currency_assumed);
          r.currency_assumed = g_strdup (currency);
        }

      if (cost_bill_matcher_assign (matcher, &actual, &category, &item, NULL))
        {
          actual.category = category;
          actual.item = item;
          actual.service_category = actual.service = actual.resource_id = "";
          actual.tags = NULL;
          r.rows_assigned += g->rows;
        }
      else
        r.rows_unassigned += g->rows;

      if (g->month < start || g->month >= start + horizon)
        r.rows_outside += g->rows;

      if (strcmp (actual.currency, currency) != 0 &&
          !cost_project_get_exchange_rate (project, actual.currency, NULL, NULL))
        g_hash_table_add (missing, (gpointer) actual.currency);

      g_ptr_array_add (records, g_variant_ref_sink (cost_actual_to_variant (&actual)));
    }

  sorted = cost_actuals_sort (records, TRUE, &local_error);
  if (sorted == NULL || !cost_actuals_check (g_variant_ref_sink (sorted), &local_error))
    {
      g_set_error (error, COST_ERROR, local_error ? local_error->code : COST_ERROR_INVALID_VALUE,
                   "%s: %s", bill->name, local_error ? local_error->message : "");
      return FALSE;
    }

  n = cost_actuals_get_n (sorted);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      int month = 0;

      cost_actuals_get (sorted, i, &actual);
      cost_month_parse (actual.month, &month, NULL);
      if (strcmp (actual.source, source) == 0 && g_hash_table_contains (months, GINT_TO_POINTER (month)))
        r.records++;
    }

  if (g_hash_table_size (missing) > 0)
    {
      r.missing_rates = (GStrv) g_hash_table_get_keys_as_array (missing, NULL);
      for (guint i = 0; r.missing_rates[i] != NULL; i++)
        r.missing_rates[i] = g_strdup (r.missing_rates[i]);
      qsort (r.missing_rates, g_strv_length (r.missing_rates), sizeof (char *), compare_strings);
    }

  cost_project_begin_change (project);
  ok = (!r.start_set || cost_project_set_start (project, start_text, error)) &&
       cost_project_set_actuals (project, sorted, error);
  if (!ok && r.start_set)
    cost_project_set_start (project, "", NULL);
  cost_project_end_change (project);

  if (ok && report != NULL)
    {
      *report = r;
      memset (&r, 0, sizeof r);
    }

  return ok;
}

/**
 * cost_bill_import:
 *
 * Reads a bill (cost_bill_read()) and applies it to the project
 * (cost_bill_apply()), its records carrying the file's name as their
 * source. A bad bill leaves the project as it was.
 */
gboolean
cost_bill_import (CostProject            *project,
                  GFile                  *file,
                  CostBillFormat          format,
                  const CostBillMapping  *mapping,
                  CostBillProgressFunc    progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  CostBillReport         *report,
                  GError                **error)
{
  g_autoptr(CostBill) bill = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  bill = cost_bill_read (file, format, mapping, progress, user_data, cancellable, error);
  if (bill == NULL)
    return FALSE;

  return cost_bill_apply (project, bill, NULL, report, error);
}
