/* cost-override.c
 *
 * The one table of the values a scenario may override on an item. Checking
 * an override, merging one into another, applying one to an item's values,
 * comparing two (for the undo history), reading and writing them in project
 * files all walk this table: a new overridable value is one more row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-override"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-override.h"

#define FIELD(flag, key, kind, value, member) \
  { flag, key, kind, value, G_STRUCT_OFFSET (CostOverride, member), G_STRUCT_OFFSET (CostItemParams, member) }

const CostOverrideField cost_override_fields[COST_N_OVERRIDE_FIELDS] = {
  FIELD (COST_OVERRIDE_QUANTITY, "quantity", COST_OVERRIDE_KIND_NUMBER, COST_VALUE_QUANTITY, quantity),
  FIELD (COST_OVERRIDE_UNIT_PRICE, "unit_price", COST_OVERRIDE_KIND_NUMBER, COST_VALUE_UNIT_PRICE, unit_price),
  FIELD (COST_OVERRIDE_PERIOD, "period", COST_OVERRIDE_KIND_PERIOD, COST_VALUE_MONTH, period),
  FIELD (COST_OVERRIDE_ACTIVE_MONTHS, "start_month", COST_OVERRIDE_KIND_MONTHS, COST_VALUE_MONTH, start_month),
  FIELD (COST_OVERRIDE_GROWTH, "monthly_growth", COST_OVERRIDE_KIND_NUMBER, COST_VALUE_GROWTH, monthly_growth),
  FIELD (COST_OVERRIDE_AMORTIZE, "amortize_months", COST_OVERRIDE_KIND_WHOLE, COST_VALUE_AMORTIZE_MONTHS,
         amortize_months),
};

/* The end month lies right after the start month, in both structures. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (CostOverride, end_month) ==
                 G_STRUCT_OFFSET (CostOverride, start_month) + sizeof (int));
G_STATIC_ASSERT (G_STRUCT_OFFSET (CostItemParams, end_month) ==
                 G_STRUCT_OFFSET (CostItemParams, start_month) + sizeof (int));

static gsize
field_size (const CostOverrideField *field)
{
  switch (field->kind)
    {
    case COST_OVERRIDE_KIND_NUMBER:
      return sizeof (double);
    case COST_OVERRIDE_KIND_WHOLE:
      return sizeof (guint);
    case COST_OVERRIDE_KIND_PERIOD:
      return sizeof (CostPeriod);
    case COST_OVERRIDE_KIND_MONTHS:
      return 2 * sizeof (int);
    default:
      g_return_val_if_reached (0);
    }
}

#define AT(base, offset, type) (*(type *) ((char *) (base) + (offset)))

/**
 * cost_override_check:
 *
 * Returns: %FALSE with @error when a value @override sets is out of range
 */
gboolean
cost_override_check (const CostOverride  *override,
                     GError             **error)
{
  for (guint i = 0; i < COST_N_OVERRIDE_FIELDS; i++)
    {
      const CostOverrideField *field = &cost_override_fields[i];
      gsize at = field->override_offset;
      double v;

      if (!(override->fields & field->flag))
        continue;

      switch (field->kind)
        {
        case COST_OVERRIDE_KIND_NUMBER:
          v = AT (override, at, double);
          if (!cost_value_check (field->value, &v, error))
            return FALSE;
          break;

        case COST_OVERRIDE_KIND_WHOLE:
          v = AT (override, at, guint);
          if (!cost_value_check (field->value, &v, error))
            return FALSE;
          break;

        case COST_OVERRIDE_KIND_PERIOD:
          if ((guint) AT (override, at, CostPeriod) >= COST_N_PERIODS)
            {
              g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                                   _("The price period must be hour, day, month, year or once"));
              return FALSE;
            }
          break;

        case COST_OVERRIDE_KIND_MONTHS:
          {
            int start = AT (override, at, int);
            int end = AT (override, at + sizeof (int), int);
            double s = start, e = end;

            if (!cost_value_check (COST_VALUE_MONTH, &s, error) ||
                (end != -1 && (end < start || !cost_value_check (COST_VALUE_MONTH, &e, error))))
              {
                g_clear_error (error);
                g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                                     _("The active months are not a valid range"));
                return FALSE;
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/* Checked values that sit at a bound give or take rounding are stored as the bound. */
static void
copy_field (const CostOverrideField *field,
            void                    *to,
            gsize                    to_offset,
            const void              *from,
            gsize                    from_offset)
{
  memcpy ((char *) to + to_offset, (const char *) from + from_offset, field_size (field));
  if (field->kind == COST_OVERRIDE_KIND_NUMBER)
    cost_value_check (field->value, &AT (to, to_offset, double), NULL);
}

/**
 * cost_override_merge:
 *
 * Sets in @into the values @from sets; the others stay.
 */
void
cost_override_merge (CostOverride       *into,
                     const CostOverride *from)
{
  for (guint i = 0; i < COST_N_OVERRIDE_FIELDS; i++)
    {
      const CostOverrideField *field = &cost_override_fields[i];

      if (from->fields & field->flag)
        copy_field (field, into, field->override_offset, from, field->override_offset);
    }
  into->fields |= from->fields;
}

/**
 * cost_override_apply:
 *
 * Sets in @params, an item's values, the values @override sets.
 */
void
cost_override_apply (const CostOverride *override,
                     CostItemParams     *params)
{
  for (guint i = 0; i < COST_N_OVERRIDE_FIELDS; i++)
    {
      const CostOverrideField *field = &cost_override_fields[i];

      if (override->fields & field->flag)
        copy_field (field, params, field->params_offset, override, field->override_offset);
    }
}

/**
 * cost_override_equal:
 *
 * Returns: whether @a and @b set the same values to the same numbers
 */
gboolean
cost_override_equal (const CostOverride *a,
                     const CostOverride *b)
{
  if (a->fields != b->fields)
    return FALSE;

  for (guint i = 0; i < COST_N_OVERRIDE_FIELDS; i++)
    {
      const CostOverrideField *field = &cost_override_fields[i];
      gsize at = field->override_offset;

      if (!(a->fields & field->flag))
        continue;

      if (field->kind == COST_OVERRIDE_KIND_NUMBER ? AT (a, at, double) != AT (b, at, double) :
                                             memcmp ((const char *) a + at, (const char *) b + at,
                                                     field_size (field)) != 0)
        return FALSE;
    }

  return TRUE;
}
