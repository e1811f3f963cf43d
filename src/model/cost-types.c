/* cost-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost-types.h"

G_DEFINE_QUARK (cost-error-quark, cost_error)

static const char *period_names[COST_N_PERIODS] = {
  "hour", "day", "month", "year", "once",
};

const char *
cost_period_to_string (CostPeriod period)
{
  g_return_val_if_fail (period < COST_N_PERIODS, "month");

  return period_names[period];
}

gboolean
cost_period_from_string (const char *str,
                         CostPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < COST_N_PERIODS; i++)
    {
      if (strcmp (str, period_names[i]) == 0)
        {
          *period = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_period_get_label:
 *
 * Returns: the translated label shown after a unit price ("per month").
 */
const char *
cost_period_get_label (CostPeriod period)
{
  switch (period)
    {
    case COST_PERIOD_HOUR:
      return _("per hour");
    case COST_PERIOD_DAY:
      return _("per day");
    case COST_PERIOD_MONTH:
      return _("per month");
    case COST_PERIOD_YEAR:
      return _("per year");
    case COST_PERIOD_ONCE:
      return _("one-time");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cost_period_months_factor:
 *
 * Returns: how many price periods a month holds (730 hours, 365/12 days, 1/12 year).
 *   One-time prices return 0: they are not a rate.
 */
double
cost_period_months_factor (CostPeriod period)
{
  switch (period)
    {
    case COST_PERIOD_HOUR:
      return 730.0;
    case COST_PERIOD_DAY:
      return 365.0 / 12.0;
    case COST_PERIOD_MONTH:
      return 1.0;
    case COST_PERIOD_YEAR:
      return 1.0 / 12.0;
    case COST_PERIOD_ONCE:
      return 0.0;
    default:
      g_return_val_if_reached (0.0);
    }
}

gboolean
cost_check_amount (double       value,
                   const char  *what,
                   GError     **error)
{
  if (!isfinite (value))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   /* Translators: %s is a field such as "quantity" */
                   _("%s must be a finite number"), what);
      return FALSE;
    }

  if (value < 0)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("%s must not be negative"), what);
      return FALSE;
    }

  if (value > COST_MAX_AMOUNT)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("%s is too large (the limit is 10¹⁵)"), what);
      return FALSE;
    }

  return TRUE;
}

/* An as-of date is ISO 8601 YYYY-MM-DD, or empty. */
gboolean
cost_check_date (const char  *date,
                 GError     **error)
{
  guint y = 0, m = 0, d = 0;

  if (date == NULL || date[0] == '\0')
    return TRUE;

  if (strlen (date) == 10 && date[4] == '-' && date[7] == '-')
    {
      for (guint i = 0; i < 10; i++)
        {
          if (i == 4 || i == 7)
            continue;
          if (!g_ascii_isdigit (date[i]))
            goto invalid;
        }
      y = atoi (date);
      m = atoi (date + 5);
      d = atoi (date + 8);
      if (y >= 1 && g_date_valid_dmy (d, m, y))
        return TRUE;
    }

invalid:
  g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
               _("“%s” is not a date of the form YYYY-MM-DD"), date);
  return FALSE;
}

gboolean
cost_check_currency (const char  *currency,
                     GError     **error)
{
  if (currency == NULL || strlen (currency) != 3 ||
      !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) ||
      !g_ascii_isupper (currency[2]))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("the currency must be a three-letter ISO 4217 code such as CNY"));
      return FALSE;
    }

  return TRUE;
}

/* A colour is empty (use the palette) or #rrggbb. */
gboolean
cost_check_color (const char  *color,
                  GError     **error)
{
  if (color == NULL || color[0] == '\0')
    return TRUE;

  if (strlen (color) == 7 && color[0] == '#')
    {
      gboolean ok = TRUE;

      for (guint i = 1; i < 7; i++)
        ok = ok && g_ascii_isxdigit (color[i]);

      if (ok)
        return TRUE;
    }

  g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
               _("“%s” is not a colour of the form #rrggbb"), color);
  return FALSE;
}

gboolean
cost_check_text (const char  *text,
                 GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (strlen (text) > COST_MAX_STRING_BYTES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("text is longer than %d bytes"), COST_MAX_STRING_BYTES);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("text is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cost_list_store_move:
 *
 * Moves the item at @from to @to as one change of the list.
 */
void
cost_list_store_move (GListStore *store,
                      guint       from,
                      guint       to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint lo = MIN (from, to), len = MAX (from, to) - lo + 1;
  g_autoptr(GPtrArray) order = NULL;

  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = lo; i < lo + len; i++)
    g_ptr_array_add (order, g_list_model_get_item (G_LIST_MODEL (store), i));

  if (from < to)
    g_ptr_array_add (order, g_ptr_array_steal_index (order, 0));
  else
    g_ptr_array_insert (order, 0, g_ptr_array_steal_index (order, len - 1));

  g_list_store_splice (store, lo, len, order->pdata, len);
}
