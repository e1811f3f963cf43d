/* test-io.c: project files — round trips, unknown keys, versions, hostile input, safe saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cost-calc.h"
#include "cost-project-io-private.h"
#include "cost-test-util.h"
#include "cost-values.h"

#include "bad-files.h"

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      gsize length = strlen (bad->data);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = NULL;

      if (g_str_equal (bad->name, "nul-byte"))
        length = 23;

      project = cost_project_load_from_data (bad->data, length, &error);
      if (project != NULL || error == NULL || strstr (error->message, bad->message) == NULL)
        g_error ("%s: expected an error saying “%s”, got “%s”", bad->name, bad->message,
                 error ? error->message : "(loaded)");
    }

  g_assert_cmpuint (G_N_ELEMENTS (bad_files), >=, 60);
}

/* RFC 8259's number and string grammar: what json-glib would read although
 * JSON has no such form is refused with its line and column, in a known
 * field (where it would change the figures) and in a kept unknown member
 * alike; the forms JSON does have still load, to the same values. */
static const char * const not_json_numbers[] = {
  "0x10", "012", "1.", ".5", "-01", "2.e3", "- 1", "+1", "1e", "1e+", "01.5",
  "1.5.2", "0.e1", "1_000", "NaN", "Infinity", "-Infinity", "tru", "nulll", "True",
};

static const char * const not_json_strings[] = {
  "\"a\tb\"", "\"a\nb\"", "\"a\rb\"", "\"a\001b\"", "\"\\uqqqq\"", "\"\\u12\"", "\"\\x41\"",
};

static void
assert_refused_at (const char *data,
                   const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autofree char *expected = NULL;
  const char *at = strstr (data, "@");
  const char *value = at + 1;
  g_autofree char *text = NULL;

  /* The value stands after the '@' marker, which is taken out. */
  g_assert_nonnull (at);
  text = g_strdup_printf ("%.*s%s", (int) (at - data), data, value);

  project = cost_project_load_from_data (text, -1, &error);
  if (project != NULL)
    g_error ("%s: loaded, instead of being refused", token);
  g_assert_error (error, COST_ERROR, COST_ERROR_PARSE);

  /* One line (a raw line break is refused where it stands): the column is
   * the place of the value, counted from 1. */
  expected = g_strdup_printf ("not valid JSON: 1:%d: ", (int) (at - data) + 1);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("%s: expected a message starting “%s”, got “%s”", token, expected, error->message);
}

static void
test_strict_json (void)
{
  static const struct {
    const char *text;
    double      quantity;
  } numbers[] = {
    { "-0", 0.0 }, { "0", 0.0 }, { "1E+2", 100.0 }, { "1e2", 100.0 }, { "0.5e-3", 0.0005 },
    { "10.25", 10.25 }, { "2E-0", 2.0 }, { "123456789", 123456789.0 },
  };
  static const struct {
    const char *text;
    const char *value;
  } strings[] = {
    { "\"\\u00e9\"", "é" }, { "\"\\ud83d\\ude00\"", "😀" }, { "\"\\/\\\\\\\"\"", "/\\\"" },
    { "\"a\\tb\\nc\"", "a\tb\nc" }, { "\"\\u4e2d\\u6587\"", "中文" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_json_numbers); i++)
    {
      const char *n = not_json_numbers[i];
      g_autofree char *known = g_strdup_printf (WITH_ITEM ("\"quantity\":@%s,\"unit_price\":2,\"period\":\"month\""), n);
      g_autofree char *unknown = g_strdup_printf (WITH_CATEGORY ("\"kept\":{\"x\":[1,@%s]},\"items\":[]"), n);
      g_autofree char *top = g_strdup_printf (HEAD "\"categories\":[],\"kept\":@%s}", n);

      assert_refused_at (known, n);
      assert_refused_at (unknown, n);
      assert_refused_at (top, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_json_strings); i++)
    {
      const char *s = not_json_strings[i];
      g_autofree char *marked_known = NULL;
      g_autofree char *marked_unknown = NULL;
      const char *bad = s + 1;

      /* The error is at the bad character or escape, inside the string. */
      while (*bad != '\\' && (guchar) *bad >= 0x20)
        bad++;
      marked_known = g_strdup_printf (WITH_ITEM ("\"unit\":%.*s@%s," GOOD_ITEM), (int) (bad - s), s, bad);
      marked_unknown = g_strdup_printf (HEAD "\"categories\":[],\"kept\":[%.*s@%s]}", (int) (bad - s), s, bad);
      assert_refused_at (marked_known, s);
      assert_refused_at (marked_unknown, s);
    }

  /* The forms JSON has load, to their values, and kept members come back. */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf (WITH_ITEM ("\"quantity\":%s,\"unit_price\":2,\"period\":\"month\",\"kept\":[%s]"),
                                               numbers[i].text, numbers[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (text, -1, &error);
      g_autofree char *saved = NULL;

      g_assert_no_error (error);
      g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (project, "i", NULL)), ==,
                         numbers[i].quantity);
      saved = cost_project_to_data (project, NULL);
      g_assert_nonnull (strstr (saved, "\"kept\""));
    }

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *text = g_strdup_printf (WITH_ITEM ("\"unit\":%s," GOOD_ITEM), strings[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cost_item_get_unit (cost_project_find_item (project, "i", NULL)), ==, strings[i].value);
    }
}

/* Each kind of value has one range: what a setter takes, the file keeps
 * and the reader takes back, and what one refuses, the other does too. */
static void
test_value_ranges (void)
{
  const struct {
    const char *key;
    CostValue   value;
    double      inside[3];
    double      outside[2];
  } cases[] = {
    { "quantity", COST_VALUE_QUANTITY, { 0, 1e15, 12.5 }, { -1, 1.0000000000000002e15 } },
    { "unit_price", COST_VALUE_UNIT_PRICE, { 0, 1e15, 0.01 }, { -0.01, 2e15 } },
    /* −99% typed as a percentage lands a rounding away from −0.99. */
    { "monthly_growth", COST_VALUE_GROWTH, { -0.99, 10, -0.9900000000000001 }, { -0.991, 10.5 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CostValueRange *range = cost_value_range (cases[i].value);

      g_assert_cmpfloat (range->min, ==, cases[i].inside[0]);
      g_assert_cmpfloat (range->max, ==, cases[i].inside[1]);

      for (guint k = 0; k < 3 + 2; k++)
        {
          gboolean inside = k < 3;
          double v = inside ? cases[i].inside[k] : cases[i].outside[k - 3];
          g_autoptr(CostProject) project = NULL;
          g_autoptr(CostProject) back = NULL;
          g_autoptr(CostItem) item = cost_item_new ("i", "I");
          g_autoptr(CostCategory) category = cost_category_new ("c", "C");
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *doc = NULL;
          gboolean set;

          if (g_str_equal (cases[i].key, "quantity"))
            set = cost_item_set_quantity (item, v, &error);
          else if (g_str_equal (cases[i].key, "unit_price"))
            set = cost_item_set_unit_price (item, v, &error);
          else
            set = cost_item_set_monthly_growth (item, v, &error);
          g_assert_true (set == inside);
          if (!inside)
            {
              g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
              /* The reader refuses it too. */
              g_ascii_dtostr (number, sizeof number, v);
              doc = g_strdup_printf (WITH_ITEM ("\"quantity\":%s,\"unit_price\":%s,\"period\":\"month\","
                                                "\"monthly_growth\":%s"),
                                     cases[i].value == COST_VALUE_QUANTITY ? number : "1",
                                     cases[i].value == COST_VALUE_UNIT_PRICE ? number : "1",
                                     cases[i].value == COST_VALUE_GROWTH ? number : "0");
              back = cost_project_load_from_data (doc, -1, NULL);
              g_assert_null (back);
              continue;
            }

          /* What the setter took is saved and read back as it is. */
          project = cost_project_new ();
          cost_project_add_category (project, category);
          cost_category_add_item (category, item);
          text = cost_project_to_data (project, NULL);
          back = cost_project_load_from_data (text, -1, &error);
          g_assert_no_error (error);
          g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (back, "i", NULL)), ==,
                             cost_item_get_quantity (item));
          g_assert_cmpfloat (cost_item_get_unit_price (cost_project_find_item (back, "i", NULL)), ==,
                             cost_item_get_unit_price (item));
          g_assert_cmpfloat (cost_item_get_monthly_growth (cost_project_find_item (back, "i", NULL)), ==,
                             cost_item_get_monthly_growth (item));
        }
    }
}

static void
test_invalid_utf8 (void)
{
  const char data[] = "{\"format\":\"modelcost\",\"version\":1,\"title\":\"\xff\xfe\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = cost_project_load_from_data (data, sizeof data - 1, &error);

  g_assert_null (project);
  g_assert_error (error, COST_ERROR, COST_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
}

static void
test_deep_nesting (void)
{
  GString *deep = g_string_new ("{\"format\":\"modelcost\",\"version\":1,\"x\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  project = cost_project_load_from_data (deep->str, deep->len, &error);
  g_assert_null (project);
  g_assert_error (error, COST_ERROR, COST_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "nested more than"));
  g_string_free (deep, TRUE);
}

static void
test_huge_string (void)
{
  GString *doc = g_string_new (WITH_PROJECT ("\"currency\":\"CNY\",\"categories\":[],\"title\":\""));
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  for (int i = 0; i < 70000; i++)
    g_string_append_c (doc, 'x');
  g_string_append (doc, "\"}");

  project = cost_project_load_from_data (doc->str, doc->len, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "title: is longer than 65536 bytes"));
  g_string_free (doc, TRUE);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("modelcost-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
test_file_errors (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *big = g_build_filename (dir, "big.modelcost", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.modelcost", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  FILE *f;

  /* A directory */
  file = g_file_new_for_path (dir);
  project = cost_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_clear_error (&error);
  g_clear_object (&file);

  /* A file that is not there */
  file = g_file_new_for_path (missing);
  project = cost_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "no such file"));
  g_clear_error (&error);
  g_clear_object (&file);

  /* A 50 MB file is refused before it is read */
  f = fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 50 * 1024 * 1024), ==, 0);
  fclose (f);
  file = g_file_new_for_path (big);
  project = cost_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, COST_ERROR, COST_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_unlink (big);
  g_rmdir (dir);
}

static void
test_round_trip (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autofree char *original = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostProject) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  project = cost_project_load_from_data (original, length, &error);
  g_assert_no_error (error);

  first = cost_project_to_data (project, &length);
  again = cost_project_load_from_data (first, length, &error);
  g_assert_no_error (error);
  second = cost_project_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);

  /* The shipped example is itself in the saved form. */
  g_assert_cmpstr (first, ==, original);
}

static void
test_numbers_bit_identical (void)
{
  const double values[] = { 0.1, 1.0 / 3.0, 12.29, 0.8048, 98.32, 4.916, 1e-7, 123456789.123456789,
                            2.5e14, 0.30000000000000004 };
  g_autoptr(CostProject) project = cost_project_new ();
  g_autoptr(CostCategory) category = cost_category_new ("c", "C");
  g_autoptr(CostProject) again = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  cost_project_add_category (project, category);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(CostItem) item = cost_item_new (NULL, "x");

      g_assert_true (cost_item_set_quantity (item, values[i], NULL));
      g_assert_true (cost_item_set_unit_price (item, values[G_N_ELEMENTS (values) - 1 - i], NULL));
      g_assert_true (cost_item_set_monthly_growth (item, values[i] / 1e15, NULL));
      cost_category_add_item (category, item);
    }

  data = cost_project_to_data (project, NULL);
  again = cost_project_load_from_data (data, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      CostItem *a = cost_category_get_item (category, i);
      CostItem *b = cost_category_get_item (cost_project_get_category (again, 0), i);

      g_assert_true (memcmp (&(double) { cost_item_get_quantity (a) },
                             &(double) { cost_item_get_quantity (b) }, sizeof (double)) == 0);
      g_assert_true (cost_item_get_unit_price (a) == cost_item_get_unit_price (b));
      g_assert_true (cost_item_get_monthly_growth (a) == cost_item_get_monthly_growth (b));
      g_assert_cmpstr (cost_item_get_id (a), ==, cost_item_get_id (b));
    }
}

static void
test_unknown_keys (void)
{
  const char *data =
    "{\"format\":\"modelcost\",\"version\":1,\"title\":\"T\",\"currency\":\"CNY\","
    "\"x-team\":{\"owner\":\"search\",\"tags\":[1,2]},"
    "\"x-numbers\":[2,-1e40,1e-7,2.5,0.1,1.0e2,9007199254740993,\"\\u4e2d\\n\"],"
    "\"categories\":[{\"id\":\"c\",\"name\":\"C\",\"x-budget-code\":\"BC-7\",\"items\":["
    "{\"id\":\"i\",\"name\":\"I\",\"quantity\":1,\"unit_price\":2,\"period\":\"month\",\"x-po\":\"PO-1\"}]}],"
    "\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"x-approved\":true}],"
    "\"z-last\":null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autoptr(CostProject) again = NULL;

  g_assert_no_error (error);
  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "\"x-team\""));
  g_assert_nonnull (strstr (saved, "\"owner\":\"search\""));
  g_assert_nonnull (strstr (saved, "\"x-budget-code\": \"BC-7\""));
  g_assert_nonnull (strstr (saved, "\"x-po\": \"PO-1\""));
  g_assert_nonnull (strstr (saved, "\"x-approved\": true"));
  g_assert_nonnull (strstr (saved, "\"z-last\": null"));
  /* Numbers of every form are written as JSON (not "-1e+40.0"), whole
   * numbers past 2^53 to the digit. */
  g_assert_nonnull (strstr (saved, "\"x-numbers\": [2,-1e+40,1e-07,2.5,0.1,100,9007199254740993,\"中\\n\"]"));

  /* Unknown keys follow the known ones, in their own order. */
  g_assert_true (strstr (saved, "\"x-team\"") < strstr (saved, "\"z-last\""));
  g_assert_true (strstr (saved, "\"scenarios\"") < strstr (saved, "\"x-team\""));

  again = cost_project_load_from_data (saved, -1, &error);
  g_assert_no_error (error);
  saved_again = cost_project_to_data (again, NULL);
  g_assert_cmpstr (saved, ==, saved_again);
}

static void
test_newer_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project =
    cost_project_load_from_data ("{\"format\":\"modelcost\",\"version\":7,\"currency\":\"CNY\","
                                 "\"categories\":[]}", -1, &error);

  g_assert_null (project);
  g_assert_error (error, COST_ERROR, COST_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "format version 7"));
  g_assert_nonnull (strstr (error->message, "update ModelCost"));
}

static void
test_save_backup (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.modelcost", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *backed_up = NULL;

  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  cost_project_set_title (project, "Changed", NULL);
  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_true (g_file_get_contents (backup, &backed_up, NULL, NULL));
  g_assert_cmpstr (first, ==, backed_up);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_failed_save_keeps_file (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (sub, "plan.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* A read-only folder: the save fails and the old file is intact. Root
   * ignores permissions, so the check is only meaningful for other users. */
  cost_project_set_title (project, "Changed", NULL);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  if (access (sub, W_OK) != 0)
    {
      g_assert_false (cost_project_save (project, file, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "Could not save"));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
    }
  g_chmod (sub, 0755);

  /* The path is a folder: refused, the folder untouched. */
  {
    g_autoptr(GFile) as_dir = g_file_new_for_path (sub);

    g_assert_false (cost_project_save (project, as_dir, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "Could not save"));
    g_clear_error (&error);
    g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_unlink (path);
  g_rmdir (sub);
  g_rmdir (dir);
  (void) dir_file;
}


/* Reading in pieces ------------------------------------------------------ */

#define ADDED_PER_CATEGORY 900

/* The LLM search example with 900 more items in each category, some with
 * members ModelCost does not know: about a megabyte. */
static char *
large_project_text (gsize *length)
{
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  GListModel *categories = cost_project_get_categories (project);
  g_autoptr(GString) text = NULL;
  char *data;

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(CostCategory) category = g_list_model_get_item (categories, c);

      for (guint i = 0; i < ADDED_PER_CATEGORY; i++)
        {
          g_autofree char *id = g_strdup_printf ("added-%u-%u", c, i);
          g_autofree char *name = g_strdup_printf ("Added line %u, “%s” 第%u项", i,
                                                   cost_category_get_name (category), i);
          g_autoptr(CostItem) item = cost_item_new (id, name);

          cost_item_set_quantity (item, 1 + i % 17, NULL);
          cost_item_set_unit_price (item, 0.25 * i + c, NULL);
          cost_item_set_period (item, i % 3 == 0 ? COST_PERIOD_HOUR : COST_PERIOD_MONTH, NULL);
          cost_item_set_active_months (item, i % 6, -1, NULL);
          cost_category_add_item (category, item);
        }
    }

  data = cost_project_to_data (project, length);
  text = g_string_new_len (data, *length);
  g_free (data);

  /* Unknown members, with lists, objects and commas of their own. */
  for (guint i = 0; i < ADDED_PER_CATEGORY; i += 97)
    {
      g_autofree char *find = g_strdup_printf ("{\"id\": \"added-1-%u\", ", i);
      g_autofree char *with = g_strdup_printf ("{\"id\": \"added-1-%u\", \"x-tags\": [\"a,b\", {\"k\": [1, 2]}], ", i);

      g_assert_cmpuint (g_string_replace (text, find, with, 1), ==, 1);
    }

  *length = text->len;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Reading in pieces and reading whole give the same project, or the same
 * message; @split says whether the text can be read in pieces at all. */
static void
assert_same_load (const char *text,
                  gsize       length,
                  gboolean    split)
{
  static const gsize piece_bytes[] = { 1, 100, 4096, COST_LOAD_PIECE_BYTES };
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(CostProject) whole = NULL;
  g_autofree char *whole_data = NULL;
  CostJsonSplit *layout;

  whole = _cost_project_load_from_data_with (text, length, COST_LOAD_WHOLE, 0, &whole_error);
  if (whole != NULL)
    whole_data = cost_project_to_data (whole, NULL);

  for (guint k = 0; k <= G_N_ELEMENTS (piece_bytes); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = NULL;

      /* The last round is the way a file is opened. */
      if (k < G_N_ELEMENTS (piece_bytes))
        project = _cost_project_load_from_data_with (text, length, COST_LOAD_PIECES,
                                                     piece_bytes[k], &error);
      else
        project = cost_project_load_from_data (text, length, &error);

      if (whole == NULL)
        {
          g_assert_null (project);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, whole_error->message);
        }
      else
        {
          g_autofree char *data = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (project);
          data = cost_project_to_data (project, NULL);
          g_assert_cmpstr (data, ==, whole_data);
        }
    }

  layout = cost_json_split_new (text, length, COST_MAX_DEPTH, COST_LOAD_PIECE_BYTES, NULL);
  g_assert_true ((layout != NULL) == split);
  g_clear_pointer (&layout, cost_json_split_free);
}

static void
test_pieces_large (void)
{
  gsize length;
  g_autofree char *text = large_project_text (&length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autofree char *saved = NULL;
  CostJsonSplit *split;

  g_assert_cmpuint (length, >=, COST_LOAD_PIECES_MIN_BYTES);

  assert_same_load (text, length, TRUE);

  split = cost_json_split_new (text, length, COST_MAX_DEPTH, COST_LOAD_PIECE_BYTES, &error);
  g_assert_no_error (error);
  g_assert_nonnull (split);
  g_assert_cmpuint (cost_json_split_get_n_elements (split), ==, 10 + 4 * ADDED_PER_CATEGORY);
  cost_json_split_free (split);

  /* What a user sees: every item, in its place, unknown members kept. */
  project = cost_project_load_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cost_project_get_n_items (project), ==, 10 + 4 * ADDED_PER_CATEGORY);
  g_assert_nonnull (cost_project_find_item (project, "added-3-899", NULL));
  saved = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (saved, "{\"id\": \"added-0-0\", \"name\": \"Added line 0, “Compute” 第0项\""));
  g_assert_nonnull (strstr (saved, "\"x-tags\": [\"a,b\",{\"k\":[1,2]}]"));
  g_assert_true (strstr (saved, "\"added-2-17\"") < strstr (saved, "\"added-2-18\""));
}

/* @find, once, replaced in a copy of @text. */
static char *
replace_once (const char *text,
              const char *find,
              const char *with,
              gsize      *length)
{
  GString *copy = g_string_new (text);

  g_assert_cmpuint (g_string_replace (copy, find, with, 1), ==, 1);
  *length = copy->len;

  return g_string_free (copy, FALSE);
}

static void
test_pieces_errors (void)
{
  static const struct {
    const char *find;
    const char *with;
    const char *message;
  } cases[] = {
    /* a bad value deep in a list, in a piece of its own */
    { "{\"id\": \"added-2-500\", \"name\": \"Added line 500, “Labor” 第500项\", \"quantity\": 8, \"unit_price\": 127",
      "{\"id\": \"added-2-500\", \"name\": \"Added line 500, “Labor” 第500项\", \"quantity\": 8, \"unit_price\": -127",
      "categories[2].items[503].unit_price: must be a non-negative number" },
    /* an id used twice, in two categories far apart */
    { "\"id\": \"added-3-800\"", "\"id\": \"added-0-5\"", "categories[3].items[801].id: “added-0-5” is used twice" },
    /* a driver that names no model */
    { "\"id\": \"added-1-300\", \"name\"", "\"id\": \"added-1-300\", \"driver\": \"nobody\", \"name\"",
      "categories[1].items[302].driver: no served model has the id “nobody”" },
    /* not JSON: the message gives the place in the whole file */
    { "\"id\": \"added-3-10\", ", "\"id\": \"added-3-10\",, ", "not valid JSON: " },
    { "{\"id\": \"added-1-6\", ", ", {\"id\": \"added-1-6\", ", "not valid JSON: " },
    { "\"start_month\": 5}\n      ]", "\"start_month\": 5},\n      ]", "not valid JSON: " },
    /* a list of items that is not one */
    { "{\"id\": \"added-1-5\", ", "7, {\"id\": \"added-1-5\", ", "categories[1].items[7]: must be an object" },
  };
  gsize length;
  g_autofree char *text = large_project_text (&length);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize bad_length;
      g_autofree char *bad = replace_once (text, cases[i].find, cases[i].with, &bad_length);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (bad, bad_length, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("expected “%s”, got “%s”", cases[i].message, error->message);

      assert_same_load (bad, bad_length, TRUE);
    }
}

/* What the pass over the bytes cannot follow is read whole, the same. */
static void
test_pieces_layouts (void)
{
  static const struct {
    const char *find;
    const char *with;
  } cases[] = {
    /* a key spelt with an escape, two lists of items, two lists of categories */
    { "\"items\": [", "\"item\\u0073\": [" },
    { "\"items\": [", "\"items\": [{\"id\": \"lost\", \"name\": \"L\", \"quantity\": 1, \"unit_price\": 1, \"period\": \"month\"}], \"items\": [" },
    { "\"categories\": [", "\"categories\": [], \"categories\": [" },
  };
  gsize length;
  g_autofree char *text = large_project_text (&length);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize variant_length;
      g_autofree char *variant = replace_once (text, cases[i].find, cases[i].with, &variant_length);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = NULL;

      /* json-glib takes the last of two members of one name: each of these
       * is a project. */
      project = cost_project_load_from_data (variant, variant_length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (project);
      assert_same_load (variant, variant_length, FALSE);
    }
}

/* What json-glib reads although JSON has no such thing is refused, the same
 * either way: a second document (json-glib drops it), comments and
 * 'strings' (brackets in them would hide nesting from the checks). */
static void
test_pieces_not_json (void)
{
  static const struct {
    const char *find;
    const char *with;
    const char *message;
  } cases[] = {
    { "\"id\": \"added-1-4\"", "\"id\": /* \" ] */ \"added-1-4\"", "comments and single quotes are not allowed" },
    { "\"id\": \"added-1-4\"", "\"id\": // ]\n \"added-1-4\"", "comments and single quotes are not allowed" },
    { "\"id\": \"added-1-4\"", "\"id\": 'added-1-4'", "comments and single quotes are not allowed" },
    { "\"id\": \"added-1-4\"", "\"id\": \"added-1-4\", \"kept\": 0x10", "“0x10” is not a number as JSON writes one" },
    { "\"id\": \"added-1-4\"", "\"id\": \"added-1-4\", \"kept\": [.5]", "“.5” is not a number as JSON writes one" },
    { "\"id\": \"added-1-4\"", "\"id\": \"added\t1-4\"", "must be written as an escape" },
    { "\"id\": \"added-1-4\"", "\"id\": \"added\\uqqqq\"", "a \\u escape needs four hexadecimal digits" },
  };
  gsize length;
  g_autofree char *text = large_project_text (&length);
  g_autofree char *twice = g_strconcat (text, "\n", text, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  project = cost_project_load_from_data (twice, 2 * length + 1, &error);
  g_assert_null (project);
  g_assert_error (error, COST_ERROR, COST_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "not valid JSON: "));
  g_assert_nonnull (g_strrstr (error->message, ": something follows the end of the document"));
  assert_same_load (twice, 2 * length + 1, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize variant_length;
      g_autofree char *variant = replace_once (text, cases[i].find, cases[i].with, &variant_length);

      g_clear_error (&error);
      g_clear_object (&project);
      project = cost_project_load_from_data (variant, variant_length, &error);
      g_assert_null (project);
      g_assert_error (error, COST_ERROR, COST_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      assert_same_load (variant, variant_length, FALSE);
    }
}

static void
test_pieces_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      gsize length = g_str_equal (bad->name, "nul-byte") ? 23 : strlen (bad->data);
      g_autoptr(GError) whole_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) whole = NULL;
      g_autoptr(CostProject) project = NULL;

      whole = _cost_project_load_from_data_with (bad->data, length, COST_LOAD_WHOLE, 0, &whole_error);
      project = _cost_project_load_from_data_with (bad->data, length, COST_LOAD_PIECES, 1, &error);
      g_assert_null (whole);
      g_assert_null (project);
      g_assert_cmpstr (error->message, ==, whole_error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/io/bad-files", test_bad_files);
  g_test_add_func ("/model/io/strict-json", test_strict_json);
  g_test_add_func ("/model/io/value-ranges", test_value_ranges);
  g_test_add_func ("/model/io/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/model/io/deep-nesting", test_deep_nesting);
  g_test_add_func ("/model/io/huge-string", test_huge_string);
  g_test_add_func ("/model/io/file-errors", test_file_errors);
  g_test_add_func ("/model/io/round-trip", test_round_trip);
  g_test_add_func ("/model/io/numbers-bit-identical", test_numbers_bit_identical);
  g_test_add_func ("/model/io/unknown-keys", test_unknown_keys);
  g_test_add_func ("/model/io/newer-version", test_newer_version);
  g_test_add_func ("/model/io/save-backup", test_save_backup);
  g_test_add_func ("/model/io/failed-save-keeps-file", test_failed_save_keeps_file);
  g_test_add_func ("/model/io/pieces/large", test_pieces_large);
  g_test_add_func ("/model/io/pieces/errors", test_pieces_errors);
  g_test_add_func ("/model/io/pieces/layouts", test_pieces_layouts);
  g_test_add_func ("/model/io/pieces/not-json", test_pieces_not_json);
  g_test_add_func ("/model/io/pieces/bad-files", test_pieces_bad_files);

  return g_test_run ();
}
