/* cost-field.h
 *
 * What a form field shows for a model value, and what it makes of the text a
 * user typed, in the user's locale. No widgets here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CostFieldKind:
 * @COST_FIELD_TEXT: free text
 * @COST_FIELD_NAME: a name, shown translated when it is one of the standard names
 * @COST_FIELD_NUMBER: a non-negative number in the locale's notation
 * @COST_FIELD_PERCENT: a fraction shown and typed in percent: 0.05 is "5"
 * @COST_FIELD_DATE: an ISO 8601 date, YYYY-MM-DD
 * @COST_FIELD_CURRENCY: a three-letter ISO 4217 code, typed in any case
 * @COST_FIELD_OPTIONAL_NUMBER: a number that may be left out: 0 shows as an
 *   empty field, and an empty field is 0
 */
typedef enum
{
  COST_FIELD_TEXT,
  COST_FIELD_NAME,
  COST_FIELD_NUMBER,
  COST_FIELD_PERCENT,
  COST_FIELD_DATE,
  COST_FIELD_CURRENCY,
  COST_FIELD_OPTIONAL_NUMBER,
} CostFieldKind;

#define COST_TYPE_FIELD_KIND (cost_field_kind_get_type ())

GType     cost_field_kind_get_type (void) G_GNUC_CONST;

char     *cost_field_format        (CostFieldKind   kind,
                                    const GValue   *value);
gboolean  cost_field_parse         (CostFieldKind   kind,
                                    const char     *text,
                                    GValue         *value,
                                    GError        **error);
gboolean  cost_field_apply         (GObject        *object,
                                    const char     *property,
                                    const GValue   *value,
                                    GError        **error);

G_END_DECLS
