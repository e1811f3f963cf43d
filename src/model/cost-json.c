/* cost-json.c
 *
 * Parsing a JSON document with json-glib, after a look at its bytes.
 *
 * Before json-glib builds a tree, one pass over the bytes refuses what could
 * exhaust the parser (nesting too deep, too many objects and lists), what it
 * would decode wrongly (lone UTF-16 surrogates) and what it reads although
 * JSON has no such thing (comments, 'strings', a second document).
 *
 * The same pass can note where the item lists of a project's categories lie.
 * A large project is then read in pieces: json-glib parses the document with
 * its item lists left empty, and each piece of a list (a few dozen kilobytes
 * of items) is parsed, handed to the reader and freed at once, in several
 * threads, while its tree is still in the processor's cache. The pieces are
 * checked to hold what a parser of the whole document would find; when the
 * document is not laid out plainly enough to be sure of that, or does not
 * parse, the caller parses it whole instead, and reports the error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-json.h"
#include "cost-project-io.h"
#include "cost-types.h"

#define MAX_THREADS 8

typedef struct
{
  gsize open;        /* offset of the '[' */
  gsize close;       /* offset of the ']' */
  guint category;    /* index of the category in "categories" */
  guint first_comma; /* index of its first comma in Layout.commas */
  guint n_commas;
  gboolean empty;    /* only white space between the brackets */
} ItemList;

typedef struct
{
  GArray  *lists;   /* ItemList, in document order */
  GArray  *commas;  /* gsize: offsets of the commas between items */
  gboolean usable;  /* FALSE when the layout is not the plain one */
} Layout;

typedef enum
{
  KEY_OTHER,
  KEY_CATEGORIES,
  KEY_ITEMS,
} KeyKind;

/* The UTF-16 code unit of the escape "\uXXXX" at @p, or -1. */
static int
escape_unit (const char *p,
             gsize       left)
{
  int unit = 0;

  if (left < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (int k = 2; k < 6; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }

  return unit;
}

/* "not valid JSON: LINE:COLUMN: @reason", the place of byte @offset counted
 * as json-glib counts it in its own messages. */
static gboolean
fail_at (const char  *data,
         gsize        offset,
         const char  *reason,
         GError     **error)
{
  const char *line_start = data;
  g_autofree char *place = NULL;
  int line = 1;

  for (const char *p = data; p < data + offset; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  place = g_strdup_printf ("%d:%ld: %s", line,
                           g_utf8_pointer_to_offset (line_start, data + offset) + 1, reason);
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("not valid JSON: %s"), place);

  return FALSE;
}

/* The end of the number that starts at @p, by RFC 8259's grammar
 * (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), or NULL when the bytes
 * there are not one. What follows the number must not continue it: "0x10",
 * "012" and "1.5.2" are not numbers followed by something else, they are no
 * numbers at all. */
static const char *
number_end (const char *p,
            const char *end)
{
  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-' || *p == '_'))
    return NULL;

  return p;
}

/* The end of the literal true, false or null at @p, or NULL. */
static const char *
literal_end (const char *p,
             const char *end)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint k = 0; k < G_N_ELEMENTS (literals); k++)
    {
      gsize len = strlen (literals[k]);

      if ((gsize) (end - p) >= len && memcmp (p, literals[k], len) == 0 &&
          (p + len == end || !(g_ascii_isalnum (p[len]) || p[len] == '_')))
        return p + len;
    }

  return NULL;
}

/* Fails at @offset, naming the token there (a few characters of it), as
 * a malformed number or as something that is no JSON value at all. */
static gboolean
fail_token (const char  *data,
            gsize        length,
            gsize        offset,
            gboolean     number,
            GError     **error)
{
  const char *start = data + offset;
  const char *p = start;
  g_autofree char *token = NULL;
  g_autofree char *reason = NULL;

  /* Up to the next delimiter, at most 24 bytes, whole characters only. */
  while (p < data + length && p - start < 24 && strchr (" \t\r\n,:[]{}\"", *p) == NULL)
    {
      p++;
      while (p < data + length && (*p & 0xC0) == 0x80)
        p++;
    }
  token = g_utf8_make_valid (start, p - start);
  if (number)
    reason = g_strdup_printf (_("“%s” is not a number as JSON writes one"), token);
  else
    reason = g_strdup_printf (_("“%s” is not a JSON value"), token);

  return fail_at (data, offset, reason, error);
}

static gboolean
key_is (const char *data,
        gsize       quote,
        gsize       end_quote,
        const char *key)
{
  gsize len = strlen (key);

  return end_quote - quote - 1 == len && memcmp (data + quote + 1, key, len) == 0;
}

/* The pass over the bytes. With @layout, it also notes where the item lists
 * of "categories" lie; it does not need the document to be valid JSON, as
 * json-glib has the last word on that. */
static gboolean
scan (const char  *data,
      gsize        length,
      int          max_depth,
      Layout      *layout,
      GError     **error)
{
  int depth = 0;
  guint containers = 0;
  gboolean in_string = FALSE, ended = FALSE;
  guint members[COST_MAX_DEPTH + 2] = { 0, }; /* of the object open at each depth */
  /* what the layout needs */
  gsize quote = 0, end_quote = 0;
  gboolean escaped = FALSE;
  KeyKind pending = KEY_OTHER;
  guint n_categories_keys = 0;
  gboolean in_categories = FALSE, in_list = FALSE;
  guint category = 0, last_category = G_MAXUINT;
  ItemList list = { 0, };

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          int unit;

          if (c == '"')
            {
              in_string = FALSE;
              end_quote = i;
            }
          /* json-glib takes a tab or a line break in a string as it is. */
          if ((guchar) c < 0x20)
            return fail_at (data, i, _("a control character (a tab or a line break) in a string "
                                       "must be written as an escape"), error);
          if (c != '\\')
            continue;

          escaped = TRUE;

          /* json-glib also reads escapes JSON does not have, such as the
           * octal "\600", into bytes that are not UTF-8. */
          if (i + 1 < length && strchr ("\"\\/bfnrtu", data[i + 1]) == NULL)
            return fail_at (data, i, _("a backslash escape that JSON does not have"), error);

          unit = escape_unit (data + i, length - i);
          if (unit < 0 && i + 1 < length && data[i + 1] == 'u')
            return fail_at (data, i, _("a \\u escape needs four hexadecimal digits"), error);
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = escape_unit (data + i + 6, length - i - 6);

              if (low < 0xDC00 || low > 0xDFFF)
                goto lone_surrogate;
              i += 11;
            }
          else if (unit >= 0xDC00 && unit <= 0xDFFF)
            goto lone_surrogate;
          else
            i++;
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      /* json-glib would read the first document and drop the rest. */
      if (ended)
        return fail_at (data, i, _("something follows the end of the document"), error);

      switch (c)
        {
        case '/':
        case '\'':
          /* json-glib also reads comments and 'strings', which JSON does not
           * have: brackets and quotes in them would escape this pass. */
          return fail_at (data, i, _("comments and single quotes are not allowed"), error);

        case '"':
          in_string = TRUE;
          quote = i;
          escaped = FALSE;
          break;

        case ':':
          /* Refused before json-glib builds an object of them all. */
          if (depth > 0 && depth < (int) G_N_ELEMENTS (members) &&
              ++members[depth] > COST_MAX_MEMBERS)
            {
              g_autofree char *reason = g_strdup_printf (_("an object has more than %d members"),
                                                         COST_MAX_MEMBERS);

              return fail_at (data, i, reason, error);
            }
          if (layout == NULL)
            break;
          if (depth != 1 && !(depth == 3 && in_categories))
            break;
          /* A key spelt with escapes could be one of the two below. */
          if (escaped)
            layout->usable = FALSE;
          else if (depth == 1 && key_is (data, quote, end_quote, "categories"))
            {
              if (++n_categories_keys > 1)
                layout->usable = FALSE;
              pending = KEY_CATEGORIES;
              continue;
            }
          else if (depth == 3 && key_is (data, quote, end_quote, "items"))
            {
              pending = KEY_ITEMS;
              continue;
            }
          break;

        case '{':
        case '[':
          if (++depth > max_depth)
            {
              g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                           _("the document is nested more than %d levels deep"), max_depth);
              return FALSE;
            }
          /* Refused before the parser builds a tree of them all. */
          if (++containers > COST_MAX_CONTAINERS)
            {
              g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                           _("the document holds more than %d objects and lists"), COST_MAX_CONTAINERS);
              return FALSE;
            }
          /* Brackets that close nothing can bring the depth below 0. */
          if (depth >= 0 && depth < (int) G_N_ELEMENTS (members))
            members[depth] = 0;
          if (layout == NULL)
            break;
          if (c == '[' && depth == 2 && pending == KEY_CATEGORIES)
            {
              in_categories = TRUE;
              category = 0;
            }
          else if (c == '[' && depth == 4 && pending == KEY_ITEMS)
            {
              /* Two lists of items in one category: json-glib keeps the last. */
              if (category == last_category)
                layout->usable = FALSE;
              last_category = category;
              in_list = TRUE;
              list.open = i;
              list.category = category;
              list.first_comma = layout->commas->len;
              list.empty = TRUE;
              pending = KEY_OTHER;
              continue;
            }
          break;

        case '}':
        case ']':
          if (layout != NULL && in_list && depth == 4)
            {
              if (c != ']')
                layout->usable = FALSE;
              list.close = i;
              list.n_commas = layout->commas->len - list.first_comma;
              g_array_append_val (layout->lists, list);
              in_list = FALSE;
            }
          else if (layout != NULL && in_categories && depth == 2)
            in_categories = FALSE;
          if (--depth == 0)
            ended = TRUE;
          break;

        case ',':
          if (layout == NULL)
            break;
          if (in_list && depth == 4)
            g_array_append_val (layout->commas, i);
          else if (in_categories && depth == 2)
            category++;
          break;

        default:
          {
            /* Anything else outside strings is a number or true, false or
             * null: json-glib would also read 0x10, 012, .5, 1., +1 and
             * - 1 as numbers, and changed figures would load silently. */
            const char *end;

            if (c == '-' || g_ascii_isdigit (c))
              end = number_end (data + i, data + length);
            else
              end = literal_end (data + i, data + length);
            if (end == NULL)
              return fail_token (data, length, i, c != '\0' && strchr ("-+.0123456789", c) != NULL, error);
            i = end - data - 1;
          }
          break;
        }

      pending = KEY_OTHER;
      if (in_list)
        list.empty = FALSE;
    }

  if (layout != NULL && in_list)
    layout->usable = FALSE;

  return TRUE;

lone_surrogate:
  g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE,
                       _("not valid JSON: a \\u escape is half of a UTF-16 surrogate pair"));
  return FALSE;
}

/**
 * cost_json_check_depth:
 *
 * Before parsing: nesting deeper than @max_depth is refused, so that a
 * hostile file cannot exhaust the stack of the parser; so are more than
 * %COST_MAX_CONTAINERS objects and lists, and lone UTF-16 surrogates
 * (\ud800 not followed by \udc00-\udfff), which json-glib decodes into bytes
 * that are not UTF-8, in any string, known or not.
 */
gboolean
cost_json_check_depth (const char  *data,
                       gsize        length,
                       int          max_depth,
                       GError     **error)
{
  return scan (data, length, max_depth, NULL, error);
}


/* Parsing whole ---------------------------------------------------------- */

/**
 * cost_json_parse_checked:
 *
 * Parses @data with json-glib, for a document the checks of
 * cost_json_check_depth() or cost_json_split_new() already passed.
 */
JsonNode *
cost_json_parse_checked (const char *data,
                         gsize       length,
                         GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  return json_parser_steal_root (parser);
}

/**
 * cost_json_parse:
 *
 * Parses @data with json-glib after the checks of cost_json_check_depth().
 *
 * Returns: (transfer full) (nullable): the root, or %NULL with @error, in
 *   the %COST_ERROR domain for what the checks refuse and in the
 *   %JSON_PARSER_ERROR domain for what json-glib does
 */
JsonNode *
cost_json_parse (const char  *data,
                 gsize        length,
                 int          max_depth,
                 GError     **error)
{
  if (!scan (data, length, max_depth, NULL, error))
    return NULL;

  return cost_json_parse_checked (data, length, error);
}

/* Parsing in pieces ------------------------------------------------------ */

typedef enum
{
  PIECE_WAITING,
  PIECE_RUNNING,
  PIECE_DONE,    /* parsed and read */
  PIECE_UNREAD,  /* parsed, but the reader refused it */
  PIECE_INVALID, /* not the JSON its place in the document says */
} PieceState;

typedef struct
{
  guint      list;    /* index in Layout.lists */
  gsize      from;    /* the items between @from and @to */
  gsize      to;
  guint      first;   /* index of the first of them in their list */
  guint      n_items; /* how many json-glib must find there */
  PieceState state;
  gpointer   result;
} Piece;

struct _CostJsonSplit
{
  const char       *data;
  gsize             length;
  Layout            layout;
  GArray           *pieces;   /* Piece, in document order */
  gsize             piece_bytes;
  guint            *list_end; /* per list: the index after its last piece */

  CostJsonPieceFunc func;
  GDestroyNotify    free_result;
  gpointer          user_data;

  GMutex            lock;
  GCond             cond;
  guint             next;     /* the first piece nobody has taken */
  guint             n_workers;
  gboolean          cancelled;
  guint             taken;    /* lists handed to cost_json_split_take_list() */
};

static void
add_piece (CostJsonSplit *split,
           guint          list,
           gsize          from,
           gsize          to,
           guint          first,
           guint          n_items)
{
  Piece piece = { list, from, to, first, n_items, PIECE_WAITING, NULL };

  g_array_append_val (split->pieces, piece);
}

/* Cuts the item lists into pieces at the commas between items. */
static void
cut_pieces (CostJsonSplit *split)
{
  Layout *layout = &split->layout;

  split->list_end = g_new0 (guint, layout->lists->len);

  for (guint l = 0; l < layout->lists->len; l++)
    {
      ItemList *list = &g_array_index (layout->lists, ItemList, l);
      gsize from = list->open + 1;
      guint first = 0, n_items = 0;

      for (guint k = 0; k < list->n_commas; k++)
        {
          gsize comma = g_array_index (layout->commas, gsize, list->first_comma + k);

          n_items++;
          if (comma - from >= split->piece_bytes)
            {
              add_piece (split, l, from, comma, first, n_items);
              from = comma + 1;
              first += n_items;
              n_items = 0;
            }
        }
      add_piece (split, l, from, list->close, first, list->empty ? 0 : n_items + 1);
      split->list_end[l] = split->pieces->len;
    }
}

/**
 * cost_json_split_new:
 * @piece_bytes: the size of the pieces the lists are cut into
 *
 * Checks @data as cost_json_check_depth() does, and notes where the item
 * lists of its categories lie. @data must outlive the split.
 *
 * Returns: (transfer full) (nullable): the split, or %NULL when the checks
 *   refuse @data (with @error) or when it is better parsed whole (without)
 */
CostJsonSplit *
cost_json_split_new (const char  *data,
                     gsize        length,
                     int          max_depth,
                     gsize        piece_bytes,
                     GError     **error)
{
  CostJsonSplit *split = g_new0 (CostJsonSplit, 1);

  split->data = data;
  split->piece_bytes = MAX (piece_bytes, 1);
  split->length = length;
  split->layout.lists = g_array_new (FALSE, FALSE, sizeof (ItemList));
  split->layout.commas = g_array_new (FALSE, FALSE, sizeof (gsize));
  split->layout.usable = TRUE;
  split->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_mutex_init (&split->lock);
  g_cond_init (&split->cond);

  if (!scan (data, length, max_depth, &split->layout, error) ||
      !split->layout.usable || split->layout.lists->len == 0)
    {
      cost_json_split_free (split);
      return NULL;
    }

  cut_pieces (split);

  return split;
}

/**
 * cost_json_split_parse_skeleton:
 *
 * Returns: (transfer full) (nullable): the tree of the document with every
 *   list of items empty, or %NULL when it does not parse
 */
JsonNode *
cost_json_split_parse_skeleton (CostJsonSplit *split)
{
  Layout *layout = &split->layout;
  g_autoptr(GString) skeleton = g_string_sized_new (split->length / 16);
  gsize from = 0;

  for (guint l = 0; l < layout->lists->len; l++)
    {
      ItemList *list = &g_array_index (layout->lists, ItemList, l);

      g_string_append_len (skeleton, split->data + from, list->open + 1 - from);
      from = list->close;
    }
  g_string_append_len (skeleton, split->data + from, split->length - from);

  return cost_json_parse_checked (skeleton->str, skeleton->len, NULL);
}

/* Parses and reads one piece; called without the lock. */
static void
run_piece (CostJsonSplit *split,
           Piece         *piece,
           GString       *text)
{
  ItemList *list = &g_array_index (split->layout.lists, ItemList, piece->list);
  JsonNode *node;
  gpointer result = NULL;
  PieceState state = PIECE_INVALID;

  g_string_truncate (text, 0);
  g_string_append_c (text, '[');
  g_string_append_len (text, split->data + piece->from, piece->to - piece->from);
  g_string_append_c (text, ']');

  node = cost_json_parse_checked (text->str, text->len, NULL);

  /* "[a,,b]" and "[a,]" must not pass for lists because a piece of them
   * reads as one: each piece holds as many items as commas say. */
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) == piece->n_items)
    {
      result = split->func (json_node_get_array (node), list->category, piece->first, split->user_data);
      state = result != NULL ? PIECE_DONE : PIECE_UNREAD;
    }

  g_clear_pointer (&node, json_node_unref);

  g_mutex_lock (&split->lock);
  piece->result = result;
  piece->state = state;
  g_cond_broadcast (&split->cond);
}

/* Takes and runs pieces until none is left before @end; with the lock. */
static void
run_pieces (CostJsonSplit *split,
            guint          end,
            GString       *text)
{
  while (!split->cancelled && split->next < end)
    {
      Piece *piece = &g_array_index (split->pieces, Piece, split->next++);

      piece->state = PIECE_RUNNING;
      g_mutex_unlock (&split->lock);
      run_piece (split, piece, text); /* takes the lock again */
    }
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  CostJsonSplit *split = data;
  g_autoptr(GString) text = g_string_sized_new (split->piece_bytes + 4096);

  g_mutex_lock (&split->lock);
  run_pieces (split, split->pieces->len, text);
  if (--split->n_workers == 0)
    g_cond_broadcast (&split->cond);
  g_mutex_unlock (&split->lock);
}

/* One thread per processor but the caller's, started once: they stay, and
 * so do the caches of their memory allocator. %NULL on a single processor. */
static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;
  static gsize started;

  if (g_once_init_enter (&started))
    {
      guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS) - 1;

      /* All of them now, or none: a job never waits for a thread that
       * could not be made. */
      if (n_threads > 0)
        pool = g_thread_pool_new (worker_func, NULL, n_threads, TRUE, NULL);
      g_once_init_leave (&started, 1);
    }

  return pool;
}

/**
 * cost_json_split_start:
 * @func: reads the items of a piece (elements @first… of the list of
 *   category @category); returns %NULL when they cannot be read
 *
 * Starts parsing and reading the pieces in other threads. @func is called
 * from any thread, the caller's included, and must only read what it shares.
 */
void
cost_json_split_start (CostJsonSplit     *split,
                       CostJsonPieceFunc  func,
                       GDestroyNotify     free_result,
                       gpointer           user_data)
{
  GThreadPool *pool;
  guint n_workers;

  g_return_if_fail (split->func == NULL);

  split->func = func;
  split->free_result = free_result;
  split->user_data = user_data;

  pool = get_pool ();
  if (pool == NULL)
    return;

  /* The threads the pool could start, which may be fewer than asked. */
  n_workers = MIN (g_thread_pool_get_num_threads (pool), split->pieces->len - 1);
  g_mutex_lock (&split->lock);
  split->n_workers = n_workers;
  g_mutex_unlock (&split->lock);
  for (guint w = 0; w < n_workers; w++)
    g_thread_pool_push (pool, split, NULL);
}

/* Waits, with the lock, until the pieces before @end have run. */
static void
wait_for_pieces (CostJsonSplit *split,
                 guint          first,
                 guint          end)
{
  for (guint p = first; p < end; p++)
    {
      Piece *piece = &g_array_index (split->pieces, Piece, p);

      while (piece->state == PIECE_RUNNING || piece->state == PIECE_WAITING)
        g_cond_wait (&split->cond, &split->lock);
    }
}

/**
 * cost_json_split_take_list:
 * @results: (element-type gpointer): the results of the pieces of the list,
 *   in order, are added to it; it takes them over
 *
 * Waits until the list of @category is read, helping with the pieces.
 *
 * Returns: %FALSE when @category has no list or a piece of it failed
 */
gboolean
cost_json_split_take_list (CostJsonSplit *split,
                           guint          category,
                           GPtrArray     *results)
{
  g_autoptr(GString) text = NULL;
  guint l, first;
  gboolean ok = TRUE;

  g_return_val_if_fail (split->func != NULL, FALSE);

  /* The lists come in the order of their categories. */
  for (l = 0; l < split->layout.lists->len; l++)
    if (g_array_index (split->layout.lists, ItemList, l).category >= category)
      break;
  if (l == split->layout.lists->len ||
      g_array_index (split->layout.lists, ItemList, l).category != category)
    return FALSE;

  first = l > 0 ? split->list_end[l - 1] : 0;
  text = g_string_sized_new (split->piece_bytes + 4096);

  g_mutex_lock (&split->lock);
  run_pieces (split, split->list_end[l], text);
  wait_for_pieces (split, first, split->list_end[l]);
  for (guint p = first; p < split->list_end[l]; p++)
    {
      Piece *piece = &g_array_index (split->pieces, Piece, p);

      if (piece->state != PIECE_DONE)
        ok = FALSE;
      else
        g_ptr_array_add (results, g_steal_pointer (&piece->result));
    }
  split->taken++;
  g_mutex_unlock (&split->lock);

  return ok;
}

/**
 * cost_json_split_get_n_elements:
 *
 * Returns: how many items the lists hold, all together
 */
gsize
cost_json_split_get_n_elements (CostJsonSplit *split)
{
  gsize n = 0;

  for (guint p = 0; p < split->pieces->len; p++)
    n += g_array_index (split->pieces, Piece, p).n_items;

  return n;
}

/**
 * cost_json_split_all_taken:
 *
 * Returns: whether every list was taken once: the reader met all of them
 */
gboolean
cost_json_split_all_taken (CostJsonSplit *split)
{
  return split->taken == split->layout.lists->len;
}

static gpointer
parse_only (JsonArray *elements,
            guint      category,
            guint      first,
            gpointer   user_data)
{
  return GINT_TO_POINTER (TRUE);
}

/**
 * cost_json_split_is_valid:
 *
 * Runs what pieces are left, and tells whether the document is valid JSON,
 * given that its skeleton parsed: whether every piece parsed as a list of
 * as many items as its commas say. The pieces are read if the reading has
 * started, and only parsed if not.
 */
gboolean
cost_json_split_is_valid (CostJsonSplit *split)
{
  g_autoptr(GString) text = g_string_sized_new (split->piece_bytes + 4096);
  gboolean valid = TRUE;

  g_mutex_lock (&split->lock);
  if (split->func == NULL)
    split->func = parse_only;
  run_pieces (split, split->pieces->len, text);
  wait_for_pieces (split, 0, split->pieces->len);
  for (guint p = 0; p < split->pieces->len; p++)
    if (g_array_index (split->pieces, Piece, p).state == PIECE_INVALID)
      valid = FALSE;
  g_mutex_unlock (&split->lock);

  return valid;
}

/**
 * cost_json_split_free:
 *
 * Stops the pieces not yet taken, waits for those running, and frees what
 * was not taken.
 */
void
cost_json_split_free (CostJsonSplit *split)
{
  g_mutex_lock (&split->lock);
  split->cancelled = TRUE;
  while (split->n_workers > 0)
    g_cond_wait (&split->cond, &split->lock);
  g_mutex_unlock (&split->lock);

  for (guint p = 0; p < split->pieces->len; p++)
    {
      Piece *piece = &g_array_index (split->pieces, Piece, p);

      if (piece->result != NULL && split->free_result != NULL)
        split->free_result (piece->result);
    }

  g_array_unref (split->pieces);
  g_array_unref (split->layout.lists);
  g_array_unref (split->layout.commas);
  g_free (split->list_end);
  g_mutex_clear (&split->lock);
  g_cond_clear (&split->cond);
  g_free (split);
}
