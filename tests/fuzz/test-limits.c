/* test-limits.c: hostile project files are refused clearly, with bounded work
 *
 * Every limit of the format (file size, nesting, counts, string lengths,
 * amounts) is checked at and just past its edge, and the worst files that
 * fit within the limits load, compute and save. The limits bound the work a
 * file can ask for, and no case reads a clock: only a case still running
 * far past any healthy run (a hang, a blow-up) is stopped and fails, so a
 * slow or busy machine never does. The speed figures are the benchmarks'
 * (bench-model), which print them against the budgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-limits"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <sys/resource.h>

#include "cost-calc.h"
#include "cost-project-io.h"

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

/* Far above any healthy run (a case takes a second or two on two cores,
 * several times that under a sanitizer): a case still running then is
 * stopped and fails, as its work is not bounded. */
#define CHILD_SECONDS (SANITIZED ? 600.0 : 150.0)

#define HEAD "{\"format\":\"modelcost\",\"version\":1,\"title\":\"T\",\"currency\":\"CNY\","

/* Each case runs in a child process (see run_in_child()), whose standard
 * error is kept in the test log: what it says goes there. */
static void say (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("# %s\n", text);
}

static void complain (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
complain (const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("# FAILED: %s\n", text);
  g_test_fail ();
}

/* @error must say @text; with a @domain, it must also be of @domain and @code. */
static void
assert_message (const GError *error,
                GQuark        domain,
                int           code,
                const char   *text)
{
  if (error == NULL)
    {
      complain ("no error, where one saying “%s” was expected", text);
      return;
    }
  if (domain != 0)
    g_assert_error (error, domain, code);
  if (strstr (error->message, text) == NULL)
    complain ("the message “%s” does not say “%s”", error->message, text);
}

/* Loads @data, which must be refused with @code and a message containing
 * @message. */
static void
assert_refused (const GString *data,
                int            code,
                const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  project = cost_project_load_from_data (data->str, data->len, &error);

  if (project != NULL)
    {
      complain ("loaded, instead of being refused with “%s”", message);
      return;
    }
  assert_message (error, COST_ERROR, code, message);
}

/* Loads, computes and saves @data. */
static CostProject *
assert_loads_quickly (const GString *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *saved = NULL;

  project = cost_project_load_from_data (data->str, data->len, &error);
  if (project == NULL)
    {
      complain ("refused: %s", error->message);
      return NULL;
    }

  results = cost_calc_compute_all (project);
  g_assert_cmpuint (results->len, ==, cost_project_get_n_scenarios (project) + 1);

  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (saved);

  return g_steal_pointer (&project);
}

/* A project of one category holding @n items with ids i0, i1, ...;
 * @extra is added to each item. The document is left open after the
 * categories list so that the caller can add scenarios. */
static GString *
items_document (guint       n,
                const char *extra)
{
  GString *s = g_string_new (HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\":\"i%u\",\"name\":\"\",\"quantity\":1,"
                               "\"unit_price\":1,\"period\":\"month\"%s}",
                            i ? "," : "", i, extra);
  g_string_append (s, "]}]");

  return s;
}

static void
test_file_size (void)
{
  g_autoptr(GString) data = g_string_new (HEAD "\"categories\":[],\"notes\":\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CostProject) project = NULL;

  /* One byte over the limit, otherwise a valid document. */
  while (data->len < COST_MAX_FILE_BYTES - 1)
    g_string_append_c (data, 'x');
  g_string_append (data, "\"}");
  g_assert_cmpuint (data->len, ==, COST_MAX_FILE_BYTES + 1);

  assert_refused (data, COST_ERROR_LIMIT, "16 MB");

  /* From a file: refused from its size, before it is read. */
  dir = g_dir_make_tmp ("modelcost-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.modelcost", NULL);
  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  project = cost_project_load (file, NULL, &error);
  g_assert_null (project);
  assert_message (error, COST_ERROR, COST_ERROR_LIMIT, "huge.modelcost");
  assert_message (error, COST_ERROR, COST_ERROR_LIMIT, "16 MB");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GString) in_string = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  /* 100,000 levels: refused before parsing, in no time. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (data, '[');
  assert_refused (data, COST_ERROR_LIMIT, "nested more than");

  /* Nesting hidden in an unknown member of a valid project. */
  g_string_assign (data, HEAD "\"categories\":[],\"extra\":");
  for (guint i = 0; i < 100; i++)
    g_string_append (data, "{\"a\":");
  g_string_append (data, "1");
  for (guint i = 0; i < 100; i++)
    g_string_append_c (data, '}');
  g_string_append_c (data, '}');
  assert_refused (data, COST_ERROR_LIMIT, "nested more than");

  /* Closing brackets in a comment must not hide the nesting that follows:
   * json-glib reads comments, so the document is refused for having one. */
  g_string_assign (data, "/*");
  for (guint i = 0; i < 400000; i++)
    g_string_append_c (data, ']');
  g_string_append (data, "*/");
  for (guint i = 0; i < 400000; i++)
    g_string_append_c (data, '[');
  assert_refused (data, COST_ERROR_PARSE, "comments and single quotes are not allowed");

  /* Brackets inside strings, after escaped quotes and backslashes, are
   * text, not nesting. */
  g_string_append (in_string, HEAD "\"categories\":[],\"description\":\"\\\\\\\"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (in_string, "[{");
  g_string_append (in_string, "\\\\\"}");
  project = cost_project_load_from_data (in_string->str, in_string->len, &error);
  g_assert_no_error (error);
  if (project != NULL)
    g_assert_true (g_str_has_prefix (cost_project_get_description (project), "\\\"[{[{"));
}

static void
test_item_count (void)
{
  g_autoptr(GString) at_limit = items_document (COST_MAX_ITEMS, "");
  g_autoptr(GString) over = NULL;
  g_autoptr(CostProject) project = NULL;

  g_string_append_c (at_limit, '}');
  project = assert_loads_quickly (at_limit);
  if (project != NULL)
    g_assert_cmpuint (cost_project_get_n_items (project), ==, COST_MAX_ITEMS);

  over = items_document (COST_MAX_ITEMS + 1, "");
  g_string_append_c (over, '}');
  assert_refused (over, COST_ERROR_PARSE, "more than 100000");
}

static void
test_items_spread_over_categories (void)
{
  g_autoptr(GString) data = g_string_new (HEAD "\"categories\":[");
  guint per_category = COST_MAX_ITEMS / COST_MAX_CATEGORIES + 1;

  /* Each category within its own limit, the project over its total. */
  for (guint c = 0; c < COST_MAX_CATEGORIES; c++)
    {
      g_string_append_printf (data, "%s{\"id\":\"c%u\",\"name\":\"C\",\"items\":[", c ? "," : "", c);
      for (guint i = 0; i < per_category; i++)
        g_string_append_printf (data, "%s{\"id\":\"c%ui%u\",\"name\":\"\",\"quantity\":1,"
                                      "\"unit_price\":1,\"period\":\"month\"}",
                                i ? "," : "", c, i);
      g_string_append (data, "]}");
    }
  g_string_append (data, "]}");

  assert_refused (data, COST_ERROR_PARSE, "the project has more than 100000 items");
}

static void
test_category_and_scenario_count (void)
{
  g_autoptr(GString) categories = g_string_new (HEAD "\"categories\":[");
  g_autoptr(GString) scenarios = g_string_new (HEAD "\"categories\":[],\"scenarios\":[");

  for (guint i = 0; i <= COST_MAX_CATEGORIES; i++)
    g_string_append_printf (categories, "%s{\"id\":\"c%u\",\"name\":\"C\"}", i ? "," : "", i);
  g_string_append (categories, "]}");
  assert_refused (categories, COST_ERROR_PARSE, "categories: has more than 1000 entries");

  for (guint i = 0; i <= COST_MAX_SCENARIOS; i++)
    g_string_append_printf (scenarios, "%s{\"id\":\"s%u\",\"name\":\"S\"}", i ? "," : "", i);
  g_string_append (scenarios, "]}");
  assert_refused (scenarios, COST_ERROR_PARSE, "scenarios: has more than 1000 entries");
}

static void
test_many_small_items_16mb (void)
{
  g_autoptr(GString) data = g_string_new (HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"items\":[");
  guint n = 0;

  /* A file just under 16 MB of tiny items: refused for their count. */
  while (data->len < COST_MAX_FILE_BYTES - 100)
    {
      g_string_append_printf (data, "%s{\"id\":\"%x\"}", n ? "," : "", n);
      n++;
    }
  g_string_append (data, "]}]}");
  g_assert_cmpuint (data->len, <=, COST_MAX_FILE_BYTES);
  say ("%u items", n);

  assert_refused (data, COST_ERROR_LIMIT, "holds more than 500000 objects and lists");
}

static void
test_million_overrides (void)
{
  g_autoptr(GString) overrides = g_string_new (HEAD "\"categories\":[],\"scenarios\":["
                                               "{\"id\":\"s\",\"name\":\"S\",\"overrides\":[");
  g_autoptr(GString) excluded = g_string_new (HEAD "\"categories\":[],\"scenarios\":["
                                              "{\"id\":\"s\",\"name\":\"S\",\"excluded\":[");
  g_autoptr(GString) factors = g_string_new (HEAD "\"categories\":[],\"scenarios\":["
                                             "{\"id\":\"s\",\"name\":\"S\",\"factors\":{");

  for (guint i = 0; i < 1000000; i++)
    {
      g_string_append_printf (overrides, "%s{\"item\":\"i\"}", i ? "," : "");
      g_string_append_printf (excluded, "%s\"i\"", i ? "," : "");
      g_string_append_printf (factors, "%s\"%x\":1", i ? "," : "", i);
    }
  g_string_append (overrides, "]}]}");
  g_string_append (excluded, "]}]}");
  g_string_append (factors, "}}]}");

  assert_refused (overrides, COST_ERROR_LIMIT, "holds more than 500000 objects and lists");
  assert_refused (excluded, COST_ERROR_PARSE, "excluded: has more than 100000 entries");
  /* Refused before json-glib builds an object of a million members. */
  assert_refused (factors, COST_ERROR_PARSE, "an object has more than 100000 members");
}

static void
test_scenarios_times_items (void)
{
  guint n = COST_MAX_SCENARIO_ITEMS / COST_MAX_ITEMS;
  g_autoptr(GString) data = items_document (COST_MAX_ITEMS, "");
  g_autoptr(CostProject) project = NULL;
  gsize end;

  /* The most work the limits allow: every scenario changes every item. */
  g_string_append (data, ",\"scenarios\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (data, "%s{\"id\":\"s%u\",\"name\":\"\",\"factors\":{\"c\":2}}",
                            i ? "," : "", i);
  end = data->len;
  g_string_append (data, "]}");
  say ("%" G_GSIZE_FORMAT " bytes", data->len);

  project = assert_loads_quickly (data);
  if (project != NULL)
    g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, n);

  /* One scenario more is refused, with the reason. */
  g_string_truncate (data, end);
  g_string_append (data, ",{\"id\":\"extra\",\"name\":\"\"}]}");
  assert_refused (data, COST_ERROR_PARSE, "scenarios × items must not exceed");
}

static void
test_string_length (void)
{
  g_autoptr(GString) data = g_string_new (HEAD "\"categories\":[],\"title\":\"");
  g_autoptr(GString) id = g_string_new (HEAD "\"categories\":[{\"id\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  gsize start = data->len;

  for (guint i = 0; i < COST_MAX_STRING_BYTES; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\"}");
  project = cost_project_load_from_data (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (cost_project_get_title (project)), ==, COST_MAX_STRING_BYTES);
  g_clear_object (&project);

  g_string_insert_c (data, start, 'x');
  assert_refused (data, COST_ERROR_PARSE, "title: is longer than 65536 bytes");

  for (guint i = 0; i < 129; i++)
    g_string_append_c (id, 'a');
  g_string_append (id, "\",\"name\":\"C\"}]}");
  assert_refused (id, COST_ERROR_PARSE, "categories[0].id: must be a non-empty string of at most 128 bytes");
}

static void
test_amounts (void)
{
  static const struct {
    const char *value;
    gboolean    accepted;
  } amounts[] = {
    { "1e15", TRUE },
    { "1000000000000000", TRUE },
    { "1000000000000000.2", FALSE },
    { "1000000000000001", FALSE },
    { "1.0000000000000002e15", FALSE },
    { "9223372036854775807", FALSE },
    { "9223372036854775808", FALSE },
    { "1e308", FALSE },
    { "1e400", FALSE },
    { "-1e400", FALSE },
    { "-1", FALSE },
    { "-0", TRUE },
    { "5e-324", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "\"categories\":[{\"id\":\"c\",\"name\":\"C\","
                                               "\"items\":[{\"id\":\"i\",\"name\":\"I\","
                                               "\"quantity\":%s,\"unit_price\":1,\"period\":\"month\"}]}]}",
                                               amounts[i].value);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (text, -1, &error);

      say ("quantity %s", amounts[i].value);
      if (amounts[i].accepted)
        {
          g_autoptr(CostResult) result = NULL;

          g_assert_no_error (error);
          if (project == NULL)
            continue;
          result = cost_calc_compute (project, NULL);
          g_assert_cmpfloat (result->run_rate, <=, 1e15);
        }
      else
        {
          g_assert_null (project);
          assert_message (error, COST_ERROR, COST_ERROR_PARSE,
                          "categories[0].items[0].quantity: must be a non-negative number no larger than 10¹⁵");
        }
    }
}

/* Special files: what is not a regular file is refused, and nothing is
 * read without end. */
static void
test_special_files (void)
{
  static const char * const paths[] = { "/dev/zero", "/dev/urandom" };

  /* A loader reading without end fails at 1 GiB rather than filling memory
   * (under a sanitizer, run_in_child() sets its allocator's limit instead). */
  if (!SANITIZED)
    {
      struct rlimit limit = { 1024 * 1024 * 1024, 1024 * 1024 * 1024 };

      setrlimit (RLIMIT_AS, &limit);
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        continue;

      project = cost_project_load (file, NULL, &error);
      g_assert_null (project);
      assert_message (error, 0, 0, paths[i]);
    }
}

/* Each case runs in a child process, so that an operation that never ends
 * fails the case (after CHILD_SECONDS) instead of stalling the run. */

static void
run_in_child (gconstpointer data)
{
  GTestFunc test = (GTestFunc) data;

  if (g_test_subprocess ())
    {
      test ();
      return;
    }

  if (SANITIZED)
    {
      /* A loader reading without end fails at 1 GiB rather than filling memory. */
      const char *options = g_getenv ("ASAN_OPTIONS");
      g_autofree char *limited = g_strconcat (options ? options : "", options ? ":" : "",
                                              "max_allocation_size_mb=1024", NULL);

      g_setenv ("ASAN_OPTIONS", limited, TRUE);
    }

  g_test_trap_subprocess (NULL, (guint64) (CHILD_SECONDS * G_USEC_PER_SEC),
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("the case failed or did not end within %.0f s", CHILD_SECONDS);
}

static void
add_case (const char *path,
          GTestFunc   test)
{
  g_test_add_data_func (path, (gconstpointer) test, run_in_child);
}

int
main (int    argc,
      char **argv)
{
  /* English messages, as the checks expect, in UTF-8. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  add_case ("/limits/file-size", test_file_size);
  add_case ("/limits/deep-nesting", test_deep_nesting);
  add_case ("/limits/item-count", test_item_count);
  add_case ("/limits/items-spread-over-categories", test_items_spread_over_categories);
  add_case ("/limits/category-and-scenario-count", test_category_and_scenario_count);
  add_case ("/limits/many-small-items-16mb", test_many_small_items_16mb);
  add_case ("/limits/million-overrides", test_million_overrides);
  add_case ("/limits/scenarios-times-items", test_scenarios_times_items);
  add_case ("/limits/string-length", test_string_length);
  add_case ("/limits/amounts", test_amounts);
  add_case ("/limits/special-files", test_special_files);

  return g_test_run ();
}
