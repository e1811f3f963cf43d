/* cost-month.c
 *
 * Calendar months: the project's start month, the months of actual
 * spending, and the months a bill's dates fall in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-month"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-month.h"
#include "cost-types.h"

static gboolean
make_month (int  year,
            int  number,
            int *month)
{
  if (year < COST_MONTH_MIN_YEAR || year > COST_MONTH_MAX_YEAR || number < 1 || number > 12)
    return FALSE;

  *month = year * 12 + (number - 1);
  return TRUE;
}

/**
 * cost_month_parse:
 * @text: a month of the form YYYY-MM, as files write it
 * @month: (out): the month
 *
 * Returns: whether @text is such a month; %FALSE with @error otherwise
 */
gboolean
cost_month_parse (const char  *text,
                  int         *month,
                  GError     **error)
{
  if (text != NULL && strlen (text) == 7 && text[4] == '-' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
      make_month (g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
                  g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]),
                  g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]), month))
    return TRUE;

  g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
               _("“%s” is not a month of the form YYYY-MM"), text ? text : "");
  return FALSE;
}

/**
 * cost_month_parse_date:
 * @text: a date as bills write them: `2027-01`, `2027-01-15`,
 *   `2027-01-15T08:00:00Z`, `2027/1/15 08:00`
 * @length: the length of @text
 * @month: (out): the calendar month of the date as written (no time zone
 *   is applied)
 *
 * Returns: whether @text starts with a year and a month, followed by
 *   nothing or by a day
 */
gboolean
cost_month_parse_date (const char *text,
                       gsize       length,
                       int        *month)
{
  int year = 0, number = 0;
  gsize i = 0, digits;
  char separator;

  for (; i < 4; i++)
    {
      if (i >= length || !g_ascii_isdigit (text[i]))
        return FALSE;
      year = year * 10 + g_ascii_digit_value (text[i]);
    }

  if (i >= length || (text[i] != '-' && text[i] != '/'))
    return FALSE;
  separator = text[i++];

  for (digits = 0; i < length && digits < 3 && g_ascii_isdigit (text[i]); i++, digits++)
    number = number * 10 + g_ascii_digit_value (text[i]);
  if (digits == 0 || digits > 2)
    return FALSE;

  /* Nothing more, or the same separator and a day. */
  if (i < length)
    {
      if (text[i] != separator || i + 1 >= length || !g_ascii_isdigit (text[i + 1]))
        return FALSE;
    }

  return make_month (year, number, month);
}

/**
 * cost_month_format:
 * @text: (out caller-allocates): room for "YYYY-MM"
 */
void
cost_month_format (int  month,
                   char text[COST_MONTH_TEXT_SIZE])
{
  g_snprintf (text, COST_MONTH_TEXT_SIZE, "%04d-%02d", month / 12, month % 12 + 1);
}

/**
 * cost_month_to_string:
 *
 * Returns: (transfer full): the month as files write it, "2027-01"
 */
char *
cost_month_to_string (int month)
{
  char text[COST_MONTH_TEXT_SIZE];

  cost_month_format (month, text);

  return g_strdup (text);
}

/**
 * cost_month_get_label:
 *
 * Returns: (transfer full): the month for people, in their language:
 *   "Jan 2027", "2027年1月"
 */
char *
cost_month_get_label (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / 12, month % 12 + 1, 1, 0, 0, 0);

  if (date == NULL)
    return cost_month_to_string (month);

  /* Translators: a calendar month, in the format of g_date_time_format():
   * %b is the month's abbreviated name, %Y the year; "%Y年%-m月" in Chinese.
   * xgettext:no-c-format */
  return g_date_time_format (date, C_("calendar month", "%b %Y"));
}

/**
 * cost_month_get_plan_label:
 * @start: the calendar month of the plan's month 0, or -1 when the plan
 *   has none
 * @month: a month of the plan, counted from 0
 * @short_form: whether the label is for a chart's axis rather than a table
 *
 * The one rule for naming plan month @month wherever months are shown
 * (cost_project_get_month_label() gives it the project's start): its
 * calendar month when there is a start ("Jan 2027", "2027年1月"), else its
 * number ("Month 1", or "M1" in short form).
 *
 * Returns: (transfer full): the month for people
 */
char *
cost_month_get_plan_label (int      start,
                           int      month,
                           gboolean short_form)
{
  if (start >= 0)
    return cost_month_get_label (start + month);

  if (short_form)
    /* Translators: a month of the plan, counted from 1: "M1", "M2", … */
    return g_strdup_printf (_("M%d"), month + 1);

  /* Translators: a month of the plan, counted from 1, when the project has no start month */
  return g_strdup_printf (_("Month %d"), month + 1);
}

int
cost_month_get_year (int month)
{
  return month / 12;
}

/* 1 to 12 */
int
cost_month_get_number (int month)
{
  return month % 12 + 1;
}
