/* cost-override.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-scenario.h"
#include "cost-values.h"

G_BEGIN_DECLS

typedef enum
{
  COST_FIELD_NUMBER,   /* a double, in the range of its CostValue */
  COST_FIELD_WHOLE,    /* a guint, in the range of its CostValue */
  COST_FIELD_PERIOD,   /* a CostPeriod */
  COST_FIELD_MONTHS,   /* start and end month: two ints, the end -1 when open */
} CostFieldKind;

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
  CostFieldKind       kind;
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
