/* cost-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost-format.h"
#include "cost-types.h"

static const struct {
  const char *code;
  const char *symbol;
  int         decimals;
} currencies[] = {
  { "CNY", "¥", 2 },
  { "USD", "$", 2 },
  { "EUR", "€", 2 },
  { "GBP", "£", 2 },
  { "JPY", "JP¥", 0 },
  { "HKD", "HK$", 2 },
  { "TWD", "NT$", 2 },
  { "SGD", "S$", 2 },
  { "KRW", "₩", 0 },
  { "INR", "₹", 2 },
};

const char *
cost_currency_get_symbol (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_strcmp0 (currency, currencies[i].code) == 0)
        return currencies[i].symbol;
    }

  return NULL;
}

int
cost_currency_get_decimals (const char *currency)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_strcmp0 (currency, currencies[i].code) == 0)
        return currencies[i].decimals;
    }

  return 2;
}

gboolean
cost_format_is_chinese (void)
{
  const char *lang = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && language[0] != '\0' && lang != NULL && strcmp (lang, "C") != 0)
    return g_str_has_prefix (language, "zh");

  return lang != NULL && g_str_has_prefix (lang, "zh");
}

/**
 * cost_format_number:
 * @max_decimals: decimals to show at most; trailing zeros are dropped
 *
 * Returns: (transfer full): @value with the locale's grouping and decimal mark
 */
char *
cost_format_number (double value,
                    int    max_decimals)
{
  char buf[128];
  char *dot;
  const char *point;

  if (!isfinite (value))
    return g_strdup ("—");

  max_decimals = CLAMP (max_decimals, 0, 6);
  /* Halves round away from zero, as people do: 1.25 → 1.3 */
  if (fabs (value) < 1e15)
    value = round (value * pow (10, max_decimals)) / pow (10, max_decimals);
  g_snprintf (buf, sizeof buf, "%'.*f", max_decimals, value);

  point = nl_langinfo (RADIXCHAR);
  if (max_decimals > 0 && point != NULL && point[0] != '\0' && (dot = strstr (buf, point)) != NULL)
    {
      char *end = buf + strlen (buf) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot + strlen (point) - 1)
        *dot = '\0';
    }

  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");

  return g_strdup (buf);
}

/**
 * cost_format_money:
 *
 * Returns: (transfer full): "¥375,000.00", "-$1,234.50"
 */
char *
cost_format_money (double           amount,
                   const char      *currency,
                   CostFormatFlags  flags)
{
  const char *symbol = cost_currency_get_symbol (currency);
  int decimals = (flags & COST_FORMAT_WHOLE) ? 0 : cost_currency_get_decimals (currency);
  char buf[128];

  if (!isfinite (amount))
    return g_strdup ("—");

  amount = round (amount * pow (10, decimals)) / pow (10, decimals);
  g_snprintf (buf, sizeof buf, "%'.*f", decimals, fabs (amount));

  if (flags & COST_FORMAT_NO_SYMBOL)
    return g_strdup_printf ("%s%s", amount < 0 ? "−" : "", buf);

  if (symbol != NULL)
    return g_strdup_printf ("%s%s%s", amount < 0 ? "−" : "", symbol, buf);

  return g_strdup_printf ("%s%s %s", amount < 0 ? "−" : "", buf, currency);
}

/**
 * cost_format_price:
 * @flags: %COST_FORMAT_WHOLE to leave out the minor units of a whole
 *   price, %COST_FORMAT_NO_SYMBOL
 *
 * A unit price as the amounts are computed from it: with the currency's
 * minor units (none for a whole price with %COST_FORMAT_WHOLE), and every
 * further digit it has up to six: "¥87.259", not "¥87.26", so that
 * quantity × price gives the amount shown.
 *
 * Returns: (transfer full): "¥1,000", "¥2.50", "¥87.259"
 */
char *
cost_format_price (double           price,
                   const char      *currency,
                   CostFormatFlags  flags)
{
  const char *symbol = cost_currency_get_symbol (currency);
  int decimals = cost_currency_get_decimals (currency);
  char buf[128];

  if (!isfinite (price))
    return g_strdup ("—");

  if ((flags & COST_FORMAT_WHOLE) && round (price) == price)
    decimals = 0;
  /* The fewest more decimals that give the price back. */
  for (; decimals < 6 && fabs (price) < 1e9; decimals++)
    {
      double scaled = price * pow (10, decimals);

      if (fabs (scaled - round (scaled)) <= 1e-9 * MAX (1.0, fabs (scaled)))
        break;
    }

  g_snprintf (buf, sizeof buf, "%'.*f", decimals, fabs (price));

  if (flags & COST_FORMAT_NO_SYMBOL)
    return g_strdup_printf ("%s%s", price < 0 ? "−" : "", buf);

  if (symbol != NULL)
    return g_strdup_printf ("%s%s%s", price < 0 ? "−" : "", symbol, buf);

  return g_strdup_printf ("%s%s %s", price < 0 ? "−" : "", buf, currency);
}

/**
 * cost_format_money_small:
 *
 * Money that may be a small fraction of the currency unit, such as the cost
 * of one request: in minor units, and with up to two significant digits more
 * when it is smaller than a tenth: "¥1.21", "¥0.0042".
 *
 * Returns: (transfer full): the amount with its currency
 */
char *
cost_format_money_small (double      amount,
                         const char *currency)
{
  const char *symbol = cost_currency_get_symbol (currency);
  g_autofree char *number = NULL;
  int decimals;

  if (!isfinite (amount) || amount == 0 || fabs (amount) >= 0.1)
    return cost_format_money (amount, currency, COST_FORMAT_DEFAULT);

  decimals = MIN (1 - (int) floor (log10 (fabs (amount))), 6);
  number = cost_format_number (fabs (amount), decimals);
  if (symbol != NULL)
    return g_strdup_printf ("%s%s%s", amount < 0 ? "−" : "", symbol, number);

  return g_strdup_printf ("%s%s %s", amount < 0 ? "−" : "", number, currency);
}

/**
 * cost_format_compact:
 *
 * Returns: (transfer full): a short form for axes and labels: "37.5万" and
 *   "4.5亿" in Chinese, "375K" and "4.5M" otherwise
 */
char *
cost_format_compact (double value)
{
  double a = fabs (value);
  const char *sign = value < 0 ? "−" : "";
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  if (cost_format_is_chinese ())
    {
      if (a >= 1e8)
        {
          number = cost_format_number (a / 1e8, a >= 1e10 ? 0 : 2);
          return g_strdup_printf ("%s%s亿", sign, number);
        }
      if (a >= 1e4)
        {
          number = cost_format_number (a / 1e4, a >= 1e6 ? 0 : 2);
          return g_strdup_printf ("%s%s万", sign, number);
        }
      number = cost_format_number (a, 0);
      return g_strdup_printf ("%s%s", sign, number);
    }

  if (a >= 1e9)
    {
      number = cost_format_number (a / 1e9, a >= 1e11 ? 0 : 2);
      return g_strdup_printf ("%s%sB", sign, number);
    }
  if (a >= 1e6)
    {
      number = cost_format_number (a / 1e6, a >= 1e8 ? 0 : 2);
      return g_strdup_printf ("%s%sM", sign, number);
    }
  if (a >= 1e3)
    {
      number = cost_format_number (a / 1e3, a >= 1e5 ? 0 : 1);
      return g_strdup_printf ("%s%sK", sign, number);
    }

  number = cost_format_number (a, 0);
  return g_strdup_printf ("%s%s", sign, number);
}

/**
 * cost_format_money_compact:
 *
 * Returns: (transfer full): "37.5万元" for CNY in Chinese, "¥375K" otherwise
 */
char *
cost_format_money_compact (double      amount,
                           const char *currency)
{
  g_autofree char *compact = cost_format_compact (amount);
  const char *symbol;

  if (cost_format_is_chinese () && g_strcmp0 (currency, "CNY") == 0)
    return g_strdup_printf ("%s元", compact);

  symbol = cost_currency_get_symbol (currency);
  if (symbol != NULL)
    {
      if (compact[0] != '\0' && g_str_has_prefix (compact, "−"))
        return g_strdup_printf ("−%s%s", symbol, compact + strlen ("−"));
      return g_strdup_printf ("%s%s", symbol, compact);
    }

  return g_strdup_printf ("%s %s", compact, currency);
}

/**
 * cost_format_money_styled:
 * @style: where the amount is shown
 *
 * The one rule for how money reads in each place. %COST_MONEY_EXACT keeps
 * every unit, and the minor units when the amount has any, so that the rows
 * of a table add up to its total. %COST_MONEY_COMPACT is for the figures a
 * reader takes in at a glance, key-figure cards and charts: in Chinese in
 * 万 and 亿 as the charts write them ("37.5万元"); in other languages a
 * card keeps the whole amount ("¥375,000"), as "¥375K" would hide digits a
 * finance reader expects on a key figure.
 *
 * Returns: (transfer full): the amount, formatted for @style
 */
char *
cost_format_money_styled (double          amount,
                          const char     *currency,
                          CostMoneyStyle  style)
{
  int decimals = cost_currency_get_decimals (currency);
  double scaled;

  switch (style)
    {
    case COST_MONEY_COMPACT:
      if (cost_format_is_chinese () && isfinite (amount))
        return cost_format_money_compact (amount, currency);
      return cost_format_money (amount, currency, COST_FORMAT_WHOLE);

    case COST_MONEY_EXACT:
    default:
      scaled = round (amount * pow (10, decimals));
      return cost_format_money (amount, currency,
                                fmod (scaled, pow (10, decimals)) == 0 ? COST_FORMAT_WHOLE
                                                                       : COST_FORMAT_DEFAULT);
    }
}

/**
 * cost_format_percent:
 * @fraction: 0.285 for 28.5%
 */
char *
cost_format_percent (double fraction)
{
  g_autofree char *number = NULL;

  if (!isfinite (fraction))
    return g_strdup ("—");

  /* A cost, however small, is not "0%". */
  if (fraction > 0 && fraction < 0.00005)
    {
      number = cost_format_number (0.01, 2);
      return g_strdup_printf ("<%s%%", number);
    }

  number = cost_format_number (fraction * 100.0, fabs (fraction) < 0.1 ? 2 : 1);

  return g_strdup_printf ("%s%%", number);
}

/**
 * cost_format_share:
 * @fraction: a part of a whole, 0.285 for 28.5%
 *
 * The one rule for shares, wherever they are shown: one decimal, kept
 * when it is 0 so that shares side by side read alike ("24.0%", "28.5%",
 * "0.8%"), and a share too small to show one decimal is not "0.0%".
 *
 * Returns: (transfer full): "28.5%"
 */
char *
cost_format_share (double fraction)
{
  char buf[64];
  g_autofree char *number = NULL;
  double percent;

  if (!isfinite (fraction))
    return g_strdup ("—");

  if (fraction > 0 && fraction < 0.0005)
    {
      number = cost_format_number (0.1, 1);
      return g_strdup_printf ("<%s%%", number);
    }

  /* Halves away from zero, as cost_format_number() rounds. */
  percent = round (fraction * 1000.0) / 10.0;
  if (percent == 0)
    percent = 0.0;   /* not "-0.0" */
  g_snprintf (buf, sizeof buf, "%'.1f", percent);

  return g_strdup_printf ("%s%%", buf);
}

/**
 * cost_parse_number:
 *
 * Reads a number as the user typed it: the locale's decimal mark and grouping,
 * an optional currency symbol, spaces, and a 万 or 亿 multiplier. Refuses
 * anything else with a message saying why.
 */
gboolean
cost_parse_number (const char  *text,
                   double      *value,
                   GError     **error)
{
  const char *point = nl_langinfo (RADIXCHAR);
  const char *thousands = nl_langinfo (THOUSEP);
  g_autoptr(GString) clean = g_string_new (NULL);
  double multiplier = 1.0;
  const char *p;
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL) || strlen (text) > 256)
    goto invalid;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      if (c == '-' || c == 0x2212)
        {
          g_string_append_c (clean, '-');
          continue;
        }
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (clean, (char) c);
          continue;
        }
      if (c == 0x4E07 /* 万 */ && multiplier == 1.0)
        {
          multiplier = 1e4;
          continue;
        }
      if (c == 0x4EBF /* 亿 */ && multiplier == 1.0)
        {
          multiplier = 1e8;
          continue;
        }
      if (c == 0x5143 /* 元 */ || c == '$' || c == 0x00A5 || c == 0x20AC || c == 0x00A3 ||
          c == 0xFFE5)
        continue;
      if (point != NULL && point[0] != '\0' && g_str_has_prefix (p, point))
        {
          g_string_append_c (clean, '.');
          p += strlen (point) - 1;
          continue;
        }
      if (thousands != NULL && thousands[0] != '\0' && g_str_has_prefix (p, thousands))
        {
          p += strlen (thousands) - 1;
          continue;
        }
      if (c == '.' && (point == NULL || strcmp (point, ".") == 0))
        {
          g_string_append_c (clean, '.');
          continue;
        }
      if (c == ',' && (thousands == NULL || thousands[0] == '\0'))
        continue;

      goto invalid;
    }

  if (clean->len == 0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("Enter a number"));
      return FALSE;
    }

  v = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0')
    goto invalid;

  v *= multiplier;
  if (!isfinite (v) || fabs (v) > COST_MAX_AMOUNT)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The number is too large (the limit is 10¹⁵)"));
      return FALSE;
    }

  *value = v;
  return TRUE;

invalid:
  {
    g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 64));

    g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("“%s” is not a number"), shown);
  }
  return FALSE;
}
