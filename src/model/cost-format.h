/* cost-format.h
 *
 * Locale-aware numbers and money. Files stay locale-neutral; only what the
 * user reads and types goes through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  COST_FORMAT_DEFAULT = 0,
  COST_FORMAT_WHOLE   = 1 << 0,  /* no minor units */
  COST_FORMAT_NO_SYMBOL = 1 << 1,
} CostFormatFlags;

/* Where an amount of money is shown decides how: one rule for each place. */
typedef enum
{
  COST_MONEY_EXACT,    /* tables and lists, what a reader adds up: "¥4,500,000", "¥87.26" */
  COST_MONEY_COMPACT,  /* key-figure cards and charts: "450万元" in Chinese */
} CostMoneyStyle;

const char *cost_currency_get_symbol   (const char       *currency);
int         cost_currency_get_decimals (const char       *currency);
char       *cost_format_number         (double            value,
                                        int               max_decimals);
char       *cost_format_money          (double            amount,
                                        const char       *currency,
                                        CostFormatFlags   flags);
char       *cost_format_money_small    (double            amount,
                                        const char       *currency);
char       *cost_format_price          (double            price,
                                        const char       *currency,
                                        CostFormatFlags   flags);
char       *cost_format_money_compact  (double            amount,
                                        const char       *currency);
char       *cost_format_money_styled   (double            amount,
                                        const char       *currency,
                                        CostMoneyStyle    style);
char       *cost_format_compact        (double            value);
char       *cost_format_percent        (double            fraction);
char       *cost_format_share          (double            fraction);
gboolean    cost_format_is_chinese     (void);
gboolean    cost_parse_number          (const char       *text,
                                        double           *value,
                                        GError          **error);

G_END_DECLS
