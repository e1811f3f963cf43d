/* cost-csv.c
 *
 * CSV read as a stream by libcsv (RFC 4180, strict): the bytes are fed a
 * line at a time, so that each row knows the line of the file it starts
 * on, and a piece at a time from the file, never whole in memory. A UTF-8
 * byte-order mark is left out, UTF-16 refused; a field longer than
 * COST_CSV_MAX_FIELD_BYTES is refused, so that memory stays bounded.
 * Messages name the file and the line: "bill.csv: line 7: reason".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-csv-private.h"
#include "cost-types.h"

#define CHUNK_BYTES (256 * 1024)
#define MAX_COLUMNS 10000

/* How much of a value a message quotes. */
#define SHOWN_CHARS 40

gboolean
cost_csv_fail (CostCsv     *csv,
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
  CostCsv *csv = data;
  GString *field;

  if (csv->error != NULL || csv->stop)
    return;

  if (csv->n_fields == 0)
    csv->row_line = csv->line;

  if (csv->n_fields >= MAX_COLUMNS)
    {
      cost_csv_fail (csv, csv->row_line, &csv->error, _("more than %d columns"), MAX_COLUMNS);
      return;
    }

  /* As csv_feed_lines() checks after each piece, before the row ends. */
  if (csv_get_buffer_size (&csv->parser) > COST_CSV_MAX_FIELD_BYTES)
    {
      cost_csv_fail (csv, csv->line, &csv->error, _("a field is longer than %d MB"),
                COST_CSV_MAX_FIELD_BYTES / (1024 * 1024));
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
  CostCsv *csv = data;

  csv->next_line = csv->line + 1;
  if (csv->error != NULL || csv->stop || csv->n_fields == 0)
    return;

  csv->row (csv, csv->data, &csv->error);
  csv->n_fields = 0;
}

void
cost_csv_init (CostCsv        *csv,
               const char     *name,
               CostCsvRowFunc  row,
               gpointer        data)
{
  memset (csv, 0, sizeof *csv);
  csv_init (&csv->parser, CSV_STRICT | CSV_STRICT_FINI);
  /* The parser grows a field's buffer by this much at a time: by its
   * default of 128 bytes, a field near the limit costs thousands of
   * reallocations, each copying all of it. */
  csv_set_blk_size (&csv->parser, 64 * 1024);
  csv->name = g_strdup (name);
  csv->line = 1;
  csv->next_line = 1;
  csv->fields = g_ptr_array_new ();
  csv->row = row;
  csv->data = data;
}

void
cost_csv_clear (CostCsv *csv)
{
  csv_free (&csv->parser);
  for (guint i = 0; i < csv->fields->len; i++)
    g_string_free (g_ptr_array_index (csv->fields, i), TRUE);
  g_ptr_array_unref (csv->fields);
  g_clear_error (&csv->error);
  g_free (csv->name);
}

const char *
cost_csv_field_text (CostCsv *csv,
                     guint    index)
{
  return ((GString *) g_ptr_array_index (csv->fields, index))->str;
}

gsize
cost_csv_field_len (CostCsv *csv,
                    guint    index)
{
  return ((GString *) g_ptr_array_index (csv->fields, index))->len;
}

/* Feeds @data to the parser a line at a time, so that a row's callbacks
 * know the line they are on. */
static gboolean
csv_feed_lines (CostCsv     *csv,
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
            return cost_csv_fail (csv, csv->line, error,
                             _("the CSV is malformed: a quote in a field that does not start with one, "
                               "or text after a closing quote (quotes inside a quoted field are doubled)"));
          return cost_csv_fail (csv, csv->line, error, _("out of memory"));
        }

      if (csv_get_buffer_size (&csv->parser) > COST_CSV_MAX_FIELD_BYTES)
        return cost_csv_fail (csv, csv->line, error, _("a field is longer than %d MB"),
                         COST_CSV_MAX_FIELD_BYTES / (1024 * 1024));

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
csv_start (CostCsv  *csv,
           GError  **error)
{
  static const char bom[] = "\xef\xbb\xbf";
  const guchar *head = (const guchar *) csv->head;

  csv->started = TRUE;
  if (csv->head_len >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
    return cost_csv_fail (csv, 1, error, _("the bill is UTF-16 text: save it as CSV in UTF-8"));

  if (csv->head_len == 3 && memcmp (csv->head, bom, 3) == 0)
    return TRUE;

  return csv_feed_lines (csv, csv->head, csv->head_len, error);
}

gboolean
cost_csv_feed (CostCsv     *csv,
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

gboolean
cost_csv_finish (CostCsv  *csv,
                 GError  **error)
{
  if (!csv->started && !csv_start (csv, error))
    return FALSE;

  if (csv->stop)
    return TRUE;

  if (csv_fini (&csv->parser, on_field, on_row, csv) != 0)
    return cost_csv_fail (csv, csv->next_line, error, _("a quoted field is not closed before the end of the bill"));

  if (csv->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&csv->error));
      return FALSE;
    }

  return TRUE;
}

/* Reads @file through @csv, a chunk at a time. */
gboolean
cost_csv_read_file (CostCsv              *csv,
                    GFile                *file,
                    CostCsvProgressFunc   progress,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
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

      if (!cost_csv_feed (csv, buffer, n, error))
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

  return cost_csv_finish (csv, error);
}

/* A value as a message quotes it: valid UTF-8, not too long. */
char *
cost_csv_shown (const char *text,
                gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= SHOWN_CHARS)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, SHOWN_CHARS);

  return g_strconcat (start, "…", NULL);
}

gboolean
cost_csv_check_text (CostCsv     *csv,
                     guint        index,
                     const char  *header,
                     GError     **error)
{
  if (!g_utf8_validate_len (cost_csv_field_text (csv, index), cost_csv_field_len (csv, index), NULL))
    return cost_csv_fail (csv, csv->row_line, error,
                     _("%s: the text is not UTF-8: save the bill as CSV in UTF-8"), header);

  if (cost_csv_field_len (csv, index) > COST_MAX_STRING_BYTES)
    return cost_csv_fail (csv, csv->row_line, error, _("%s: longer than %d bytes"), header,
                     COST_MAX_STRING_BYTES);

  return TRUE;
}

/* The header row, checked: UTF-8, each header a string. */
char **
cost_csv_read_headers (CostCsv  *csv,
                       GError  **error)
{
  g_auto(GStrv) headers = g_new0 (char *, csv->n_fields + 1);

  for (guint i = 0; i < csv->n_fields; i++)
    {
      if (!g_utf8_validate_len (cost_csv_field_text (csv, i), cost_csv_field_len (csv, i), NULL))
        {
          cost_csv_fail (csv, csv->row_line, error,
                    _("the header row is not UTF-8 text: save the bill as CSV in UTF-8"));
          return NULL;
        }
      headers[i] = g_strndup (cost_csv_field_text (csv, i), cost_csv_field_len (csv, i));
    }

  return g_steal_pointer (&headers);
}
