/* cost-actuals.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cost-json-reader.h"
#include "cost-project.h"

G_BEGIN_DECLS

/* The type of the project's "actuals" property: an array of records
 * (month, category, item, amount, currency, source, note, service
 * category, service, resource id, tags, unknown members), in the order
 * of cost_actual_compare(). */
#define COST_ACTUAL_TYPE_STRING  "(sssdssssssa{ss}s)"
#define COST_ACTUAL_TYPE         ((const GVariantType *) COST_ACTUAL_TYPE_STRING)
#define COST_ACTUALS_TYPE_STRING "a" COST_ACTUAL_TYPE_STRING
#define COST_ACTUALS_TYPE        ((const GVariantType *) COST_ACTUALS_TYPE_STRING)

/* The most records a project keeps: its file stays within the size a
 * project file may have. */
#define COST_MAX_ACTUALS 50000

/**
 * CostActual:
 * @month: the calendar month, "YYYY-MM"
 * @category: the category the amount counts in; "" when no rule assigned
 *   it (unassigned)
 * @item: the item within @category, or ""
 * @amount: the amount in @currency; negative for refunds and credits
 * @currency: ISO 4217 code
 * @source: the bill it came from (its file name), "" when typed in
 * @note: free text
 * @service_category: for an unassigned amount, what rules can match on:
 *   the bill's service category,
 * @service: its service or product name,
 * @resource_id: its resource or instance id,
 * @tags: (nullable): and its tags, an `a{ss}` dictionary sorted by key
 * @extras: members of the record the program does not know, as JSON
 *   members text, written back as they were
 *
 * One record of actual spending. Strings are borrowed from the array the
 * record was read from, @tags is a reference: cost_actual_clear() drops it.
 */
typedef struct
{
  const char *month;
  const char *category;
  const char *item;
  double      amount;
  const char *currency;
  const char *source;
  const char *note;
  const char *service_category;
  const char *service;
  const char *resource_id;
  GVariant   *tags;
  const char *extras;
} CostActual;

void      cost_actual_clear         (CostActual        *actual);
GVariant *cost_actual_to_variant    (const CostActual  *actual);
void      cost_actual_from_variant  (GVariant          *record,
                                     CostActual        *actual);
gboolean  cost_actual_is_assigned   (const CostActual  *actual);
gboolean  cost_actual_check         (const CostActual  *actual,
                                     GError           **error);
int       cost_actual_compare       (const CostActual  *a,
                                     const CostActual  *b);
const char *cost_actual_get_tag     (const CostActual  *actual,
                                     const char        *key);
char     *cost_actual_format_tags   (const CostActual  *actual);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CostActual, cost_actual_clear)

guint     cost_actuals_get_n        (GVariant          *actuals);
void      cost_actuals_get          (GVariant          *actuals,
                                     guint              position,
                                     CostActual        *actual);
gboolean  cost_actuals_check        (GVariant          *actuals,
                                     GError           **error);
GVariant *cost_actuals_sort         (GPtrArray         *records,
                                     gboolean           merge,
                                     GError           **error);
GVariant *cost_actuals_put          (GVariant          *actuals,
                                     const CostActual  *actual);
GVariant *cost_actuals_remove       (GVariant          *actuals,
                                     const CostActual  *key);
gboolean  cost_actuals_find         (GVariant          *actuals,
                                     const CostActual  *key,
                                     guint             *position);

gboolean  cost_actuals_set_record   (CostProject       *project,
                                     const CostActual  *actual,
                                     GError           **error);
void      cost_actuals_remove_record (CostProject      *project,
                                     const CostActual  *key);

gboolean  cost_actuals_read         (CostJsonReader    *r,
                                     JsonArray         *array,
                                     GVariant         **out,
                                     GError           **error);
void      cost_actual_write         (GString           *out,
                                     const CostActual  *actual);

G_END_DECLS
