/* test-format.c: numbers and money as the user reads and types them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
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
  check_format (cost_format_money (NAN, "CNY", 0), "—");
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/format/english", test_english);
  g_test_add_func ("/model/format/chinese", test_chinese);
  g_test_add_func ("/model/format/parse", test_parse);
  g_test_add_func ("/model/format/parse-comma-locale", test_parse_german);

  return g_test_run ();
}
