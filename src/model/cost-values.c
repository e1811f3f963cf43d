/* cost-values.c
 *
 * The one table of value ranges. A quantity, a price, a growth rate, a
 * number of months: each kind of value has its range here, and every layer
 * asks this table: the setters of the model objects, the project file
 * reader (which names the range in its message), scenario overrides and
 * the entry fields. A value at a bound give or take rounding (−99% typed
 * as a percentage is −0.9900000000000001) is taken as the bound, so that
 * what a setter accepts, the writer writes and the reader reads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-values"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-types.h"
#include "cost-values.h"

typedef struct
{
  CostValueRange  range;
  const char     *label;  /* for amounts: "The quantity must not be negative" */
} ValueInfo;

static const ValueInfo values[COST_N_VALUES] = {
  [COST_VALUE_QUANTITY]        = { { 0, COST_MAX_AMOUNT, FALSE }, N_("The quantity") },
  [COST_VALUE_UNIT_PRICE]      = { { 0, COST_MAX_AMOUNT, FALSE }, N_("The unit price") },
  [COST_VALUE_FACTOR]          = { { 0, COST_MAX_AMOUNT, FALSE }, N_("The factor") },
  [COST_VALUE_BUDGET]          = { { 0, COST_MAX_AMOUNT, FALSE }, N_("The budget") },
  [COST_VALUE_GROWTH]          = { { -0.99, COST_MAX_GROWTH, FALSE }, NULL },
  [COST_VALUE_AMORTIZE_MONTHS] = { { 1, COST_MAX_HORIZON, TRUE }, NULL },
  [COST_VALUE_MONTH]           = { { 0, COST_MAX_HORIZON - 1, TRUE }, NULL },
  [COST_VALUE_HORIZON]         = { { 1, COST_MAX_HORIZON, TRUE }, NULL },
};

/* How far from a bound a value is still taken as the bound. */
#define SLACK 1e-12

const CostValueRange *
cost_value_range (CostValue value)
{
  g_return_val_if_fail (value < COST_N_VALUES, &values[0].range);

  return &values[value].range;
}

/**
 * cost_value_check:
 * @inout: the value; set to the bound when it is at one give or take rounding
 *
 * Returns: %FALSE with @error, in words a user understands, when *@inout
 *   is outside the range of @value
 */
gboolean
cost_value_check (CostValue   value,
                  double     *inout,
                  GError    **error)
{
  const ValueInfo *info;
  double v = *inout;

  g_return_val_if_fail (value < COST_N_VALUES, FALSE);

  info = &values[value];
  if (isfinite (v) && fabs (v - info->range.min) <= SLACK * MAX (1.0, fabs (info->range.min)))
    v = info->range.min;

  if (info->label != NULL)
    {
      if (!cost_check_amount (v, _(info->label), error))
        return FALSE;
    }
  else if (!isfinite (v) || v < info->range.min || v > info->range.max ||
           (info->range.whole && v != floor (v)))
    {
      switch (value)
        {
        case COST_VALUE_GROWTH:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("The monthly growth must be between −99% and +1,000%"));
          break;
        case COST_VALUE_AMORTIZE_MONTHS:
          g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                       _("Amortisation must be between 1 and %d months"), COST_MAX_HORIZON);
          break;
        case COST_VALUE_HORIZON:
          g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                       _("The horizon must be between 1 and %d months"), COST_MAX_HORIZON);
          break;
        case COST_VALUE_MONTH:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("The active months are not a valid range"));
          break;
        case COST_VALUE_BUDGET:
        case COST_VALUE_QUANTITY:
        case COST_VALUE_UNIT_PRICE:
        case COST_VALUE_FACTOR:
        case COST_N_VALUES:
        default:
          g_assert_not_reached ();
        }
      return FALSE;
    }

  *inout = v;
  return TRUE;
}
