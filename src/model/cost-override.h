/* cost-override.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-types.h"
#include "cost-values.h"

G_BEGIN_DECLS

/**
 * CostOverrideFields:
 *
 * Which values of a baseline item a scenario overrides.
 */
typedef enum
{
  COST_OVERRIDE_NONE          = 0,
  COST_OVERRIDE_QUANTITY      = 1 << 0,
  COST_OVERRIDE_UNIT_PRICE    = 1 << 1,
  COST_OVERRIDE_PERIOD        = 1 << 2,
  COST_OVERRIDE_ACTIVE_MONTHS = 1 << 3,
  COST_OVERRIDE_GROWTH        = 1 << 4,
  COST_OVERRIDE_AMORTIZE      = 1 << 5,
  COST_OVERRIDE_ALL           = (1 << 6) - 1,
} CostOverrideFields;

typedef struct
{
  CostOverrideFields fields;
  double             quantity;
  double             unit_price;
  CostPeriod         period;
  int                start_month;
  int                end_month;
  double             monthly_growth;
  guint              amortize_months;
} CostOverride;

typedef enum
{
  COST_OVERRIDE_KIND_NUMBER,   /* a double, in the range of its CostValue */
  COST_OVERRIDE_KIND_WHOLE,    /* a guint, in the range of its CostValue */
  COST_OVERRIDE_KIND_PERIOD,   /* a CostPeriod */
  COST_OVERRIDE_KIND_MONTHS,   /* start and end month: two ints, the end -1 when open */
} CostOverrideKind;

/**
 * CostOverrideField:
 *
 * One value of an item that a scenario may override: its flag, the file's
 * member name, its kind and range, and where it lies in a #CostOverride and
 * in a #CostItemParams.
 */
typedef struct
{
  CostOverrideFields  flag;
  const char         *key;
  CostOverrideKind       kind;
  CostValue           value;
  gsize               override_offset;
  gsize               params_offset;
} CostOverrideField;

#define COST_N_OVERRIDE_FIELDS 6

extern const CostOverrideField cost_override_fields[COST_N_OVERRIDE_FIELDS];

gboolean cost_override_check (const CostOverride  *override,
                              GError             **error);
void     cost_override_merge (CostOverride        *into,
                              const CostOverride  *from);
void     cost_override_apply (const CostOverride  *override,
                              CostItemParams      *params);
gboolean cost_override_equal (const CostOverride  *a,
                              const CostOverride  *b);

G_END_DECLS
