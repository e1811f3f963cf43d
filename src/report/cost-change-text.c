/* cost-change-text.c
 *
 * The change of a figure from the baseline's, as the summary, the what-if
 * and comparison pages, the presentation and the report write it: one
 * sign convention ("+" for more, "−" for less) and one rounding, so that
 * every view of a scenario says the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-change-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-change-text.h"

/**
 * cost_change_text_percent:
 * @fraction: 0.032 for 3.2%
 *
 * Returns: (transfer full): "+3.2%" and "−13.3%", with the same minus sign
 *   as amounts; no sign on a change too small to show
 */
char *
cost_change_text_percent (double fraction)
{
  g_autofree char *percent = cost_format_percent (fabs (fraction));

  if (fraction > 0)
    return g_strconcat ("+", percent, NULL);
  if (fraction < 0 && strcmp (percent, "0%") != 0)
    return g_strconcat ("−", percent, NULL);

  return g_steal_pointer (&percent);
}

/**
 * cost_change_text:
 * @value: the figure
 * @baseline: the baseline's figure
 * @currency: the project's currency
 * @flags: how amounts are written
 * @style: words or a table cell, and which
 *
 * The change is counted in whole cents, as the figures are.
 *
 * Returns: (transfer full): how @value compares with @baseline
 */
char *
cost_change_text (double           value,
                  double           baseline,
                  const char      *currency,
                  CostFormatFlags  flags,
                  CostChangeStyle  style)
{
  double delta = cost_round_money (value - baseline);
  const char *sign = delta > 0 ? "+" : "−";
  g_autofree char *money = NULL;
  g_autofree char *percent = NULL;

  switch (style)
    {
    case COST_CHANGE_AMOUNT:
      /* A figure in a column: no change is a zero like the others. */
      money = cost_format_money (delta, currency, flags);
      return delta > 0 ? g_strconcat ("+", money, NULL) : g_steal_pointer (&money);

    case COST_CHANGE_PERCENT:
      return baseline > 0 ? cost_change_text_percent (delta / baseline) : g_strdup ("—");

    case COST_CHANGE_TEXT:
      if (delta == 0.0)
        return g_strdup (_("No change"));

      money = cost_format_money (fabs (delta), currency, flags);
      if (baseline == 0.0)
        /* Translators: a change: sign and amount, "+¥5,000" */
        return g_strdup_printf (_("%s%s"), sign, money);

      percent = cost_format_percent (fabs (delta / baseline));
      /* Translators: a change: "−¥50,000 (−13.3%)" */
      return g_strdup_printf (_("%s%s (%s%s)"), sign, money, sign, percent);

    case COST_CHANGE_VS_BASELINE:
      if (delta == 0.0)
        return g_strdup (_("Same as the baseline"));

      money = cost_format_money (fabs (delta), currency, flags);
      if (baseline == 0.0)
        /* Translators: a change against the baseline: sign, amount */
        return g_strdup_printf (_("%s%s vs the baseline"), sign, money);

      percent = cost_format_percent (fabs (delta / baseline));
      /* Translators: a change against the baseline: "−¥50,000 (−13.3%) vs the baseline" */
      return g_strdup_printf (_("%s%s (%s%s) vs the baseline"), sign, money, sign, percent);

    default:
      g_return_val_if_reached (NULL);
    }
}
