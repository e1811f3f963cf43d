/* test-field.c
 *
 * What form fields show and read, in several locales, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "cost-field.h"
#include "cost-format.h"
#include "cost-project.h"

static const char * const locales[] = {
  "C.UTF-8", "en_US.UTF-8", "zh_CN.UTF-8", "de_DE.UTF-8",
};

static char *
format_double (CostFieldKind kind,
               double        number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);

  return cost_field_format (kind, &value);
}

static double
parse_double (CostFieldKind   kind,
              const char     *text,
              GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  if (!cost_field_parse (kind, text, &value, error))
    return -1;

  return g_value_get_double (&value);
}

/* What a field shows reads back as the same value, in every locale. */
static void
test_round_trip (void)
{
  const double numbers[] = {
    0, 1, 2.5, 1234.5, 375000, 4500000, 0.001, 1e15, 123456789.123456, 0.9, 1.15,
  };
  const double percents[] = { 0, 0.05, 0.125, -0.02, 10 };
  guint tested = 0;

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        continue;
      tested++;

      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        {
          g_autofree char *text = format_double (COST_FIELD_NUMBER, numbers[i]);
          g_autoptr(GError) error = NULL;
          double back = parse_double (COST_FIELD_NUMBER, text, &error);

          g_assert_no_error (error);
          if (back != numbers[i])
            g_error ("%s: %.17g shows as “%s”, which reads as %.17g",
                     locales[l], numbers[i], text, back);
        }

      for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
        {
          g_autofree char *text = format_double (COST_FIELD_PERCENT, percents[i]);
          g_autoptr(GError) error = NULL;
          double back = parse_double (COST_FIELD_PERCENT, text, &error);

          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (back, percents[i], 1e-12);
        }
    }

  g_assert_cmpuint (tested, >=, 1);
  setlocale (LC_ALL, "C.UTF-8");
}

/* Grouping and decimal marks as the locale writes them. */
static void
test_locale_notation (void)
{
  const struct {
    const char *locale;
    const char *shown;
    const char *typed;
  } cases[] = {
    { "en_US.UTF-8", "1,234.5", "1,234.5" },
    { "zh_CN.UTF-8", "1,234.5", "1234.5" },
    { "de_DE.UTF-8", "1.234,5", "1234,5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = NULL;
      g_autoptr(GError) error = NULL;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("%s is not installed", cases[i].locale);
          continue;
        }

      shown = format_double (COST_FIELD_NUMBER, 1234.5);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpfloat (parse_double (COST_FIELD_NUMBER, cases[i].typed, &error), ==, 1234.5);
      g_assert_no_error (error);
    }

  setlocale (LC_ALL, "C.UTF-8");
}

/* What users type besides plain numbers. */
static void
test_parse (void)
{
  const struct {
    CostFieldKind  kind;
    const char    *text;
    double         value;
  } good[] = {
    { COST_FIELD_NUMBER, " 120 ", 120 },
    { COST_FIELD_NUMBER, "¥1000", 1000 },
    { COST_FIELD_NUMBER, "12万", 120000 },
    { COST_FIELD_NUMBER, "1.5亿", 150000000 },
    { COST_FIELD_PERCENT, "5%", 0.05 },
    { COST_FIELD_PERCENT, "-2.5", -0.025 },
  };
  const char *bad[] = { "", "abc", "1.2.3", "5 GPUs" };
  g_auto(GValue) text = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C.UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = parse_double (good[i].kind, good[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, good[i].value, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      parse_double (COST_FIELD_NUMBER, bad[i], &error);
      g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
      g_clear_error (&error);
    }

  g_value_init (&text, G_TYPE_STRING);
  g_assert_true (cost_field_parse (COST_FIELD_CURRENCY, " usd ", &text, NULL));
  g_assert_cmpstr (g_value_get_string (&text), ==, "USD");
  g_assert_true (cost_field_parse (COST_FIELD_NAME, "  GPUs ", &text, NULL));
  g_assert_cmpstr (g_value_get_string (&text), ==, "GPUs");
  g_assert_true (cost_field_parse (COST_FIELD_TEXT, "  kept as typed ", &text, NULL));
  g_assert_cmpstr (g_value_get_string (&text), ==, "  kept as typed ");
}

/* Values go through the model's checked setters: a refused one says why
 * and changes nothing. */
static void
test_apply (void)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  CostCategory *compute = cost_project_get_category (project, 0);
  g_autoptr(CostItem) item = cost_item_new ("gpu", "GPUs");
  g_auto(GValue) number = G_VALUE_INIT;
  g_auto(GValue) months = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  cost_category_add_item (compute, item);
  g_value_init (&number, G_TYPE_DOUBLE);
  g_value_init (&months, G_TYPE_INT);
  g_value_init (&text, G_TYPE_STRING);

  g_value_set_double (&number, 8);
  g_assert_true (cost_field_apply (G_OBJECT (item), "quantity", &number, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 8);

  g_value_set_double (&number, -1);
  g_assert_false (cost_field_apply (G_OBJECT (item), "quantity", &number, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 8);
  g_clear_error (&error);

  g_value_set_double (&number, 0.9);
  g_assert_true (cost_field_apply (G_OBJECT (compute), "factor", &number, NULL));
  g_assert_cmpfloat (cost_category_get_factor (compute), ==, 0.9);

  g_value_set_double (&number, 20);
  g_assert_false (cost_field_apply (G_OBJECT (item), "monthly-growth", &number, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_value_set_string (&text, "2025-13-40");
  g_assert_false (cost_field_apply (G_OBJECT (item), "price-as-of", &text, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_value_set_string (&text, "usd");
  g_assert_false (cost_field_apply (G_OBJECT (project), "currency", &text, &error));
  g_clear_error (&error);
  g_value_set_string (&text, "USD");
  g_assert_true (cost_field_apply (G_OBJECT (project), "currency", &text, NULL));
  g_assert_cmpstr (cost_project_get_currency (project), ==, "USD");

  g_value_set_int (&months, 24);
  g_assert_true (cost_field_apply (G_OBJECT (project), "horizon", &months, NULL));
  g_assert_cmpint (cost_project_get_horizon (project), ==, 24);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field/round-trip", test_round_trip);
  g_test_add_func ("/field/locale-notation", test_locale_notation);
  g_test_add_func ("/field/parse", test_parse);
  g_test_add_func ("/field/apply", test_apply);

  return g_test_run ();
}
