/* test-format.c: numbers and money as the user reads and types them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cost-calc.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-io.h"
#include "cost-test-util.h"
#include "cost-types.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static void
check_format (char       *formatted,
              const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_english (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  check_format (cost_format_money (375000, "CNY", 0), "¥375,000.00");
  check_format (cost_format_money (4500000, "CNY", COST_FORMAT_WHOLE), "¥4,500,000");
  check_format (cost_format_money (-1234.5, "USD", 0), "−$1,234.50");
  check_format (cost_format_money (1500, "JPY", 0), "JP¥1,500");
  check_format (cost_format_money (99.5, "CHF", 0), "99.50 CHF");
  check_format (cost_format_compact (375000), "375K");
  check_format (cost_format_compact (4500000), "4.5M");
  check_format (cost_format_compact (1250), "1.3K");
  check_format (cost_format_compact (2.5e9), "2.5B");
  check_format (cost_format_compact (999), "999");
  check_format (cost_format_money_compact (375000, "CNY"), "¥375K");
  check_format (cost_format_number (1234567.891, 2), "1,234,567.89");
  check_format (cost_format_number (12.5, 2), "12.5");
  check_format (cost_format_number (100, 2), "100");
  check_format (cost_format_percent (0.285333), "28.5%");
  check_format (cost_format_percent (0.008), "0.8%");
  check_format (cost_format_percent (0.00049), "0.05%");
  check_format (cost_format_percent (0.00001), "<0.01%");
  check_format (cost_format_percent (0), "0%");
  /* Shares side by side: one decimal, always. */
  check_format (cost_format_share (0.24), "24.0%");
  check_format (cost_format_share (0.285333), "28.5%");
  check_format (cost_format_share (0.0076), "0.8%");
  check_format (cost_format_share (0.00049), "<0.1%");
  check_format (cost_format_share (0), "0.0%");
  check_format (cost_format_share (-0.00001), "0.0%");
  check_format (cost_format_share (1), "100.0%");
  check_format (cost_format_money (NAN, "CNY", 0), "—");
  /* A price shows the digits the amounts use. */
  check_format (cost_format_price (87.259, "CNY", COST_FORMAT_WHOLE), "¥87.259");
  check_format (cost_format_price (1000, "CNY", COST_FORMAT_WHOLE), "¥1,000");
  check_format (cost_format_price (1000, "CNY", 0), "¥1,000.00");
  check_format (cost_format_price (2.5, "USD", COST_FORMAT_WHOLE), "$2.50");
  check_format (cost_format_price (0.0042, "USD", COST_FORMAT_NO_SYMBOL), "0.0042");
  check_format (cost_format_price (1.23456789, "USD", 0), "$1.234568");
  check_format (cost_format_price (1500, "JPY", 0), "JP¥1,500");

  /* A card keeps the whole amount in English; a table every cent */
  check_format (cost_format_money_styled (375000, "CNY", COST_MONEY_COMPACT), "¥375,000");
  check_format (cost_format_money_styled (4500000, "CNY", COST_MONEY_COMPACT), "¥4,500,000");
  check_format (cost_format_money_styled (4500000, "CNY", COST_MONEY_EXACT), "¥4,500,000");
  check_format (cost_format_money_styled (22054370.42, "CNY", COST_MONEY_EXACT), "¥22,054,370.42");
  check_format (cost_format_money_styled (-50000.5, "USD", COST_MONEY_EXACT), "−$50,000.50");
}

static void
test_chinese (void)
{
  if (!use_locale ("zh_CN.UTF-8"))
    return;

  g_assert_true (cost_format_is_chinese ());
  check_format (cost_format_compact (375000), "37.5万");
  check_format (cost_format_compact (4500000), "450万");
  check_format (cost_format_compact (123456789), "1.23亿");
  check_format (cost_format_compact (8000), "8,000");
  check_format (cost_format_money_compact (375000, "CNY"), "37.5万元");
  check_format (cost_format_money_compact (375000, "USD"), "$37.5万");
  check_format (cost_format_money (375000, "CNY", 0), "¥375,000.00");

  /* Cards and charts in 万 and 亿; tables every yuan, the fen when there are any */
  check_format (cost_format_money_styled (375000, "CNY", COST_MONEY_COMPACT), "37.5万元");
  check_format (cost_format_money_styled (4500000, "CNY", COST_MONEY_COMPACT), "450万元");
  /* 22,054,370.42 ÷ 10,000 = 2,205.4 万, whole above a million */
  check_format (cost_format_money_styled (22054370.42, "CNY", COST_MONEY_COMPACT), "2,205万元");
  check_format (cost_format_money_styled (3000, "CNY", COST_MONEY_COMPACT), "3,000元");
  check_format (cost_format_money_styled (4500000, "CNY", COST_MONEY_EXACT), "¥4,500,000");
  check_format (cost_format_money_styled (22054370.42, "CNY", COST_MONEY_EXACT), "¥22,054,370.42");
}

static void
parse_ok (const char *text,
          double      expected)
{
  g_autoptr(GError) error = NULL;
  double value = -1;

  if (!cost_parse_number (text, &value, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  g_assert_cmpfloat (value, ==, expected);
}

static void
parse_fails (const char *text,
             const char *message)
{
  g_autoptr(GError) error = NULL;
  double value = 42;

  g_assert_false (cost_parse_number (text, &value, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_cmpfloat (value, ==, 42);
}

static void
test_parse (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  parse_ok ("1,234.5", 1234.5);
  parse_ok ("  375000 ", 375000);
  parse_ok ("¥1,000", 1000);
  parse_ok ("$12.29", 12.29);
  parse_ok ("3万", 30000);
  parse_ok ("1.5亿", 150000000);
  parse_ok ("−20", -20);
  parse_ok ("0.8048", 0.8048);
  parse_fails ("", "Enter a number");
  parse_fails ("twelve", "is not a number");
  parse_fails ("12abc", "is not a number");
  parse_fails ("1.2.3", "is not a number");
  parse_fails ("1e999", "is not a number");
  parse_fails ("9999999999999999", "too large");
  parse_fails ("\xff\xfe", "is not a number");
}

static void
test_parse_german (void)
{
  /* A locale whose decimal mark is a comma: 1.234,5 */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }

  parse_ok ("1.234,5", 1234.5);
  check_format (cost_format_number (1234.5, 2), "1.234,5");
}

/* Counted units take the plural form their number asks for: English has
 * two, Chinese one. A unit the user named stays as written. */
static void
test_quantity (void)
{
  const char *localedir = g_getenv ("MODELCOST_LOCALEDIR");

  if (!use_locale ("en_US.UTF-8"))
    return;

  check_format (cost_names_format_quantity (1, "1", "person"), "1 person");
  check_format (cost_names_format_quantity (10, "10", "person"), "10 people");
  check_format (cost_names_format_quantity (1, "1", "people"), "1 person");
  check_format (cost_names_format_quantity (3, "3", "node"), "3 nodes");
  check_format (cost_names_format_quantity (100, "100", "GPU"), "100 GPUs");
  check_format (cost_names_format_quantity (2.5, "2.5", "engineer"), "2.5 engineers");
  check_format (cost_names_format_quantity (100, "100", "TB"), "100 TB");
  check_format (cost_names_format_quantity (5, "5", "widget"), "5 widget");
  check_format (cost_names_format_quantity (5, "5", ""), "5");

  if (localedir == NULL || !use_locale ("zh_CN.UTF-8"))
    return;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "zh_CN.UTF-8");

  check_format (cost_names_format_quantity (1, "1", "person"), "1 人");
  check_format (cost_names_format_quantity (10, "10", "people"), "10 人");
  check_format (cost_names_format_quantity (3, "3", "node"), "3 个节点");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The bundled reference example opened in a Chinese session: its title and
 * scenario names read in Chinese, its figures are the same. */
static void
test_example_in_chinese (void)
{
  const char *localedir = g_getenv ("MODELCOST_LOCALEDIR");
  g_autoptr(CostProject) english = NULL;
  g_autoptr(CostProject) chinese = NULL;
  g_autoptr(GPtrArray) english_results = NULL;
  g_autoptr(GPtrArray) chinese_results = NULL;

  if (!use_locale ("en_US.UTF-8"))
    return;
  if (localedir == NULL)
    {
      g_test_skip ("The translations are not built");
      return;
    }

  english = cost_test_load_example ("reference.modelcost");
  g_assert_cmpstr (cost_names_translate (cost_project_get_title (english)), ==,
                   "Reference case: e-commerce search and recommendation");
  english_results = cost_calc_compute_all (english);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (!use_locale ("zh_CN.UTF-8"))
    return;

  chinese = cost_test_load_example ("reference.modelcost");
  g_assert_cmpstr (cost_names_translate (cost_project_get_title (chinese)), ==, "参考案例：电商搜索与推荐");
  g_assert_cmpstr (cost_names_translate (cost_scenario_get_name (cost_project_get_scenario (chinese, 0))), ==,
                   "INT8 量化");
  g_assert_cmpstr (cost_names_translate (cost_scenario_get_name (cost_project_get_scenario (chinese, 1))), ==,
                   "预留 GPU");
  g_assert_cmpstr (cost_names_translate (cost_category_get_name (cost_project_get_category (chinese, 0))), ==,
                   "计算资源");
  /* The description is translated whole; the file keeps English. */
  g_assert_nonnull (strstr (cost_names_translate (cost_project_get_description (chinese)), "375,000 元"));
  g_assert_cmpstr (cost_project_get_title (chinese), ==, "Reference case: e-commerce search and recommendation");

  /* The same figures: 375,000 a month, 4,500,000 a year, in every scenario */
  chinese_results = cost_calc_compute_all (chinese);
  g_assert_cmpuint (chinese_results->len, ==, english_results->len);
  for (guint i = 0; i < chinese_results->len; i++)
    {
      const CostResult *e = g_ptr_array_index (english_results, i);
      const CostResult *c = g_ptr_array_index (chinese_results, i);

      g_assert_cmpfloat (c->run_rate, ==, e->run_rate);
      g_assert_cmpfloat (c->horizon_total, ==, e->horizon_total);
    }
  g_assert_cmpfloat (((const CostResult *) g_ptr_array_index (chinese_results, 0))->run_rate, ==, 375000);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/format/english", test_english);
  g_test_add_func ("/model/format/chinese", test_chinese);
  g_test_add_func ("/model/format/parse", test_parse);
  g_test_add_func ("/model/format/parse-comma-locale", test_parse_german);
  g_test_add_func ("/model/format/quantity", test_quantity);
  g_test_add_func ("/model/format/example-in-chinese", test_example_in_chinese);

  return g_test_run ();
}
