/* cost-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cost-types.h"

G_BEGIN_DECLS

#define COST_TYPE_ITEM (cost_item_get_type ())

/* The driver of an item whose quantity is the energy of the driven
 * accelerators (other drivers are the ids of served models). */
#define COST_DRIVER_POWER "power"

G_DECLARE_FINAL_TYPE (CostItem, cost_item, COST, ITEM, GObject)

gboolean    cost_driver_is_power         (const char  *driver);

CostItem   *cost_item_new                (const char  *id,
                                          const char  *name);
CostItem   *cost_item_copy               (CostItem    *self,
                                          const char  *new_id);
const char *cost_item_get_id             (CostItem    *self);
const char *cost_item_get_name           (CostItem    *self);
gboolean    cost_item_set_name           (CostItem    *self,
                                          const char  *name,
                                          GError     **error);
double      cost_item_get_quantity       (CostItem    *self);
gboolean    cost_item_set_quantity       (CostItem    *self,
                                          double       quantity,
                                          GError     **error);
const char *cost_item_get_unit           (CostItem    *self);
gboolean    cost_item_set_unit           (CostItem    *self,
                                          const char  *unit,
                                          GError     **error);
double      cost_item_get_unit_price     (CostItem    *self);
gboolean    cost_item_set_unit_price     (CostItem    *self,
                                          double       unit_price,
                                          GError     **error);
CostPeriod  cost_item_get_period         (CostItem    *self);
gboolean    cost_item_set_period         (CostItem    *self,
                                          CostPeriod   period,
                                          GError     **error);
guint       cost_item_get_amortize_months (CostItem   *self);
gboolean    cost_item_set_amortize_months (CostItem   *self,
                                           guint       months,
                                           GError    **error);
int         cost_item_get_start_month    (CostItem    *self);
int         cost_item_get_end_month      (CostItem    *self);
gboolean    cost_item_set_active_months  (CostItem    *self,
                                          int          start_month,
                                          int          end_month,
                                          GError     **error);
double      cost_item_get_monthly_growth (CostItem    *self);
gboolean    cost_item_set_monthly_growth (CostItem    *self,
                                          double       growth,
                                          GError     **error);
const char *cost_item_get_price_source   (CostItem    *self);
gboolean    cost_item_set_price_source   (CostItem    *self,
                                          const char  *source,
                                          GError     **error);
const char *cost_item_get_price_as_of    (CostItem    *self);
gboolean    cost_item_set_price_as_of    (CostItem    *self,
                                          const char  *date,
                                          GError     **error);
const char *cost_item_get_notes          (CostItem    *self);
gboolean    cost_item_set_notes          (CostItem    *self,
                                          const char  *notes,
                                          GError     **error);
const char *cost_item_get_driver         (CostItem    *self);
void        cost_item_set_driver         (CostItem    *self,
                                          const char  *driver);
GVariant   *cost_item_get_ranges         (CostItem    *self);
void        cost_item_set_ranges         (CostItem    *self,
                                          GVariant    *ranges);
gpointer    cost_item_get_category       (CostItem    *self);

G_END_DECLS
