/* cost-bill-mappings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cost-bill.h"
#include "cost-json-reader.h"
#include "cost-project.h"

G_BEGIN_DECLS

/* The type of the project's "bill-mappings" property: an array of saved
 * mappings (name, the header of each CostBillColumn or "", currency, tag
 * prefix, unknown members of "columns", unknown members), in the order
 * they were first saved. */
#define COST_BILL_SAVED_MAPPING_TYPE_STRING  "(sasssss)"
#define COST_BILL_SAVED_MAPPING_TYPE         ((const GVariantType *) COST_BILL_SAVED_MAPPING_TYPE_STRING)
#define COST_BILL_SAVED_MAPPINGS_TYPE_STRING "a" COST_BILL_SAVED_MAPPING_TYPE_STRING
#define COST_BILL_SAVED_MAPPINGS_TYPE        ((const GVariantType *) COST_BILL_SAVED_MAPPINGS_TYPE_STRING)

#define COST_MAX_BILL_MAPPINGS 100

guint             cost_bill_mappings_get_n         (GVariant               *mappings);
const char       *cost_bill_mappings_get_name      (GVariant               *mappings,
                                                    guint                   position);
CostBillMapping  *cost_bill_mappings_get           (GVariant               *mappings,
                                                    guint                   position);
int               cost_bill_mappings_find          (GVariant               *mappings,
                                                    const char             *name);
int               cost_bill_mappings_match         (GVariant               *mappings,
                                                    const char * const     *headers);
gboolean          cost_bill_mappings_check         (GVariant               *mappings,
                                                    GError                **error);
gboolean          cost_bill_mappings_check_name    (const char             *name,
                                                    GError                **error);

gboolean          cost_bill_mappings_remember      (CostProject            *project,
                                                    const char             *name,
                                                    const CostBillMapping  *mapping,
                                                    GError                **error);
gboolean          cost_bill_mappings_remove        (CostProject            *project,
                                                    guint                   position,
                                                    GError                **error);
CostBillMapping  *cost_bill_find_saved_mapping     (CostProject            *project,
                                                    const char * const     *headers);

gboolean          cost_bill_mappings_read          (CostJsonReader         *r,
                                                    JsonArray              *array,
                                                    GVariant              **out,
                                                    GError                **error);
void              cost_bill_mappings_write         (GString                *out,
                                                    GVariant               *mappings,
                                                    guint                   position);

G_END_DECLS
