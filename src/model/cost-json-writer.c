/* cost-json-writer.c
 *
 * Numbers and strings as JSON writes them, for every file and every output
 * for machines: project files, `--summary --json`, CSV.
 *
 * - A number is written in the shortest form that reads back bit-identical
 *   (0.8048, not 0.80479999999999996), integral values as integers.
 * - An amount of money is a whole number of cents (see cost-model.md), so it
 *   is written as the shortest decimal of its cents: 31865536573.42, never
 *   31865536573.419998, whatever the binary value it is held in.
 *
 * CostJsonWriter lays such values out as pretty-printed JSON, one member
 * per line, for the figures a script reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-json-writer"

#include "config.h"

#include <math.h>

#include "cost-json-writer.h"

/* 2⁵³: up to here every integer is a double, exactly. */
#define EXACT_INTEGERS 9007199254740992.0

/**
 * cost_json_append_number:
 *
 * Appends @value in the shortest form that reads back bit-identical, in C
 * notation whatever the locale; a value that is not finite (which JSON
 * cannot hold) as null.
 */
void
cost_json_append_number (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  if (value == floor (value) && fabs (value) < EXACT_INTEGERS)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  /* Fifteen significant digits always read back as written, and %g drops
   * trailing zeros: the first precision that reads back is the shortest. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/**
 * cost_json_append_money:
 *
 * Appends @amount as its whole cents in decimal: at most two decimals, no
 * trailing zero (1234.5, 1234.05, 1234), no binary noise, no -0. Beyond
 * 2⁵³ cents, where cents are no longer exact, the number as it is.
 */
void
cost_json_append_money (GString *out,
                        double   amount)
{
  double cents = round (amount * 100.0);
  guint64 magnitude;
  guint whole_cents;

  if (!isfinite (amount) || fabs (cents) >= EXACT_INTEGERS)
    {
      cost_json_append_number (out, amount);
      return;
    }

  if (cents < 0)
    g_string_append_c (out, '-');
  magnitude = (guint64) fabs (cents);
  whole_cents = magnitude % 100;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / 100);
  if (whole_cents % 10 != 0)
    g_string_append_printf (out, ".%02u", whole_cents);
  else if (whole_cents != 0)
    g_string_append_printf (out, ".%u", whole_cents / 10);
}

/**
 * cost_json_append_string:
 *
 * Appends @str as a JSON string: quotes, backslashes and control characters
 * escaped, the rest as UTF-8.
 */
void
cost_json_append_string (GString    *out,
                         const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      unsigned char c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * cost_json_append_members:
 * @object: (nullable): members kept from a file
 *
 * Appends the members of @object as one line writes them, without the
 * braces: `"a": 1, "b": {"c":2}`; nothing for %NULL.
 */
void
cost_json_append_members (GString    *out,
                          JsonObject *object)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append (out, ", ");
      cost_json_append_string (out, l->data);
      g_string_append (out, ": ");
      cost_json_append_node (out, json_object_get_member (object, l->data));
    }
}

/**
 * cost_json_append_node:
 *
 * Appends @node (a value kept from a file) compactly, with the numbers of
 * cost_json_append_number(): json-glib's writer gives 1e+40 as "1e+40.0",
 * which is not JSON.
 */
void
cost_json_append_node (GString  *out,
                       JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append_c (out, ',');
            cost_json_append_string (out, l->data);
            g_string_append_c (out, ':');
            cost_json_append_node (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            cost_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          cost_json_append_number (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          cost_json_append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Pretty-printed documents --------------------------------------------- */

struct _CostJsonWriter
{
  GString *out;
  GArray  *empty;  /* gboolean per open object or list: nothing in it yet */
};

/**
 * cost_json_writer_new:
 *
 * Returns: (transfer full): a writer of one JSON document; its first call
 *   opens the root (cost_json_writer_begin_object() with no key)
 */
CostJsonWriter *
cost_json_writer_new (void)
{
  CostJsonWriter *writer = g_new0 (CostJsonWriter, 1);

  writer->out = g_string_new (NULL);
  writer->empty = g_array_new (FALSE, FALSE, sizeof (gboolean));

  return writer;
}

/**
 * cost_json_writer_free_to_data:
 *
 * Returns: (transfer full): the document
 */
char *
cost_json_writer_free_to_data (CostJsonWriter *writer)
{
  char *data;

  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (writer->empty->len == 0, NULL);

  data = g_string_free (writer->out, FALSE);
  g_array_unref (writer->empty);
  g_free (writer);

  return data;
}

static void
new_line (CostJsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->empty->len; i++)
    g_string_append (writer->out, "  ");
}

/* Starts a member (@key) of the open object, or an entry of the open list
 * (@key NULL). */
static void
start_value (CostJsonWriter *writer,
             const char     *key)
{
  gboolean *empty;

  if (writer->empty->len == 0)
    return;

  empty = &g_array_index (writer->empty, gboolean, writer->empty->len - 1);
  if (!*empty)
    g_string_append_c (writer->out, ',');
  *empty = FALSE;
  new_line (writer);
  if (key != NULL)
    {
      cost_json_append_string (writer->out, key);
      g_string_append (writer->out, ": ");
    }
}

static void
open_container (CostJsonWriter *writer,
                const char     *key,
                char            bracket)
{
  gboolean empty = TRUE;

  start_value (writer, key);
  g_string_append_c (writer->out, bracket);
  g_array_append_val (writer->empty, empty);
}

static void
close_container (CostJsonWriter *writer,
                 char            bracket)
{
  gboolean empty;

  g_return_if_fail (writer->empty->len > 0);

  empty = g_array_index (writer->empty, gboolean, writer->empty->len - 1);
  g_array_set_size (writer->empty, writer->empty->len - 1);
  if (!empty)
    new_line (writer);
  g_string_append_c (writer->out, bracket);
}

void
cost_json_writer_begin_object (CostJsonWriter *writer,
                               const char     *key)
{
  open_container (writer, key, '{');
}

void
cost_json_writer_end_object (CostJsonWriter *writer)
{
  close_container (writer, '}');
}

void
cost_json_writer_begin_array (CostJsonWriter *writer,
                              const char     *key)
{
  open_container (writer, key, '[');
}

void
cost_json_writer_end_array (CostJsonWriter *writer)
{
  close_container (writer, ']');
}

/* A %NULL @value is written as null. */
void
cost_json_writer_string (CostJsonWriter *writer,
                         const char     *key,
                         const char     *value)
{
  start_value (writer, key);
  if (value != NULL)
    cost_json_append_string (writer->out, value);
  else
    g_string_append (writer->out, "null");
}

void
cost_json_writer_int (CostJsonWriter *writer,
                      const char     *key,
                      gint64          value)
{
  start_value (writer, key);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

/* A figure that could not be computed (not finite) is written as null. */
void
cost_json_writer_number (CostJsonWriter *writer,
                         const char     *key,
                         double          value)
{
  start_value (writer, key);
  cost_json_append_number (writer->out, value);
}

void
cost_json_writer_money (CostJsonWriter *writer,
                        const char     *key,
                        double          amount)
{
  start_value (writer, key);
  cost_json_append_money (writer->out, amount);
}

void
cost_json_writer_null (CostJsonWriter *writer,
                       const char     *key)
{
  start_value (writer, key);
  g_string_append (writer->out, "null");
}
