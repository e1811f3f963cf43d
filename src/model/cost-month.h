/* cost-month.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar month as one number, year × 12 + (month − 1), so that months
 * subtract: 2027-03 − 2027-01 = 2. Years run from COST_MONTH_MIN_YEAR to
 * COST_MONTH_MAX_YEAR. */
#define COST_MONTH_MIN_YEAR 1900
#define COST_MONTH_MAX_YEAR 9999

/* "YYYY-MM" and its nul. */
#define COST_MONTH_TEXT_SIZE 8

gboolean cost_month_parse       (const char *text,
                                 int        *month,
                                 GError    **error);
gboolean cost_month_parse_date  (const char *text,
                                 gsize       length,
                                 int        *month);
void     cost_month_format      (int         month,
                                 char        text[COST_MONTH_TEXT_SIZE]);
char    *cost_month_to_string   (int         month);
char    *cost_month_get_label   (int         month);
char    *cost_month_get_plan_label (int      start,
                                 int         month,
                                 gboolean    short_form);
int      cost_month_get_year    (int         month);
int      cost_month_get_number  (int         month);

G_END_DECLS
