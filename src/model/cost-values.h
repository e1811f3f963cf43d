/* cost-values.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CostValue:
 *
 * The kinds of value a user enters, each with one range that the setters,
 * the file reader, scenario overrides and entry fields all check against.
 */
typedef enum
{
  COST_VALUE_QUANTITY,
  COST_VALUE_UNIT_PRICE,
  COST_VALUE_FACTOR,
  COST_VALUE_BUDGET,
  COST_VALUE_GROWTH,
  COST_VALUE_AMORTIZE_MONTHS,
  COST_VALUE_MONTH,
  COST_VALUE_HORIZON,
  COST_N_VALUES
} CostValue;

typedef struct
{
  double      min;      /* inclusive */
  double      max;      /* inclusive */
  gboolean    whole;    /* whole numbers only */
} CostValueRange;

const CostValueRange *cost_value_range  (CostValue  value);
gboolean              cost_value_check  (CostValue  value,
                                         double    *inout,
                                         GError   **error);

G_END_DECLS
