/* cost-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COST_ERROR (cost_error_quark ())

typedef enum
{
  COST_ERROR_INVALID_VALUE,
  COST_ERROR_PARSE,
  COST_ERROR_VERSION,
  COST_ERROR_LIMIT,
  COST_ERROR_NOT_FOUND,
  COST_ERROR_USAGE,
  COST_ERROR_IO,
} CostError;

/**
 * CostPeriod:
 * @COST_PERIOD_HOUR: price per hour (730 hours a month)
 * @COST_PERIOD_DAY: price per day (365/12 days a month)
 * @COST_PERIOD_MONTH: price per month
 * @COST_PERIOD_YEAR: price per year
 * @COST_PERIOD_ONCE: a one-time amount
 */
typedef enum
{
  COST_PERIOD_HOUR,
  COST_PERIOD_DAY,
  COST_PERIOD_MONTH,
  COST_PERIOD_YEAR,
  COST_PERIOD_ONCE,
} CostPeriod;

#define COST_N_PERIODS 5

/* The values an item is computed with, once a scenario is applied. */
typedef struct
{
  double     quantity;
  double     unit_price;
  double     monthly_growth;
  double     factor;
  CostPeriod period;
  guint      amortize_months;
  int        start_month;
  int        end_month;
} CostItemParams;

/* Hard limits: anything outside is refused with a clear message. */
#define COST_MAX_HORIZON      120
#define COST_MAX_AMOUNT       1e15
#define COST_MAX_GROWTH       10.0
#define COST_MAX_STRING_BYTES (64 * 1024)

GQuark       cost_error_quark        (void);

const char  *cost_period_to_string   (CostPeriod   period);
gboolean     cost_period_from_string (const char  *str,
                                      CostPeriod  *period);
const char  *cost_period_get_label   (CostPeriod   period);
double       cost_period_months_factor (CostPeriod period);

gboolean     cost_check_amount       (double       value,
                                      const char  *what,
                                      GError     **error);
gboolean     cost_check_date         (const char  *date,
                                      GError     **error);
gboolean     cost_check_currency     (const char  *currency,
                                      GError     **error);
gboolean     cost_check_color        (const char  *color,
                                      GError     **error);
gboolean     cost_check_text         (const char  *text,
                                      GError     **error);

void         cost_list_store_move    (GListStore  *store,
                                      guint        from,
                                      guint        to);

G_END_DECLS
