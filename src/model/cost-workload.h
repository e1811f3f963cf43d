/* cost-workload.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cost-types.h"

G_BEGIN_DECLS

/* The serving traffic, as plain values (a scenario may change them). */
typedef struct
{
  double daily_active_users;
  double requests_per_user;   /* a day */
  double peak_to_average;     /* ≥ 1 */
  double peak_hours;          /* hours a day the traffic is near its peak */
  double orders_per_month;    /* the orders the traffic brings; 0 when not entered */
  double gmv_per_month;       /* their value in the project's currency; 0 when not entered */
} CostWorkloadValues;

#define COST_TYPE_WORKLOAD (cost_workload_get_type ())

G_DECLARE_FINAL_TYPE (CostWorkload, cost_workload, COST, WORKLOAD, GObject)

CostWorkload *cost_workload_new                   (void);
double        cost_workload_get_daily_active_users (CostWorkload        *self);
gboolean      cost_workload_set_daily_active_users (CostWorkload        *self,
                                                    double               users,
                                                    GError             **error);
double        cost_workload_get_requests_per_user  (CostWorkload        *self);
gboolean      cost_workload_set_requests_per_user  (CostWorkload        *self,
                                                    double               requests,
                                                    GError             **error);
double        cost_workload_get_peak_to_average    (CostWorkload        *self);
gboolean      cost_workload_set_peak_to_average    (CostWorkload        *self,
                                                    double               ratio,
                                                    GError             **error);
double        cost_workload_get_peak_hours         (CostWorkload        *self);
gboolean      cost_workload_set_peak_hours         (CostWorkload        *self,
                                                    double               hours,
                                                    GError             **error);
double        cost_workload_get_orders_per_month   (CostWorkload        *self);
gboolean      cost_workload_set_orders_per_month   (CostWorkload        *self,
                                                    double               orders,
                                                    GError             **error);
double        cost_workload_get_gmv_per_month      (CostWorkload        *self);
gboolean      cost_workload_set_gmv_per_month      (CostWorkload        *self,
                                                    double               gmv,
                                                    GError             **error);
void          cost_workload_get_values             (CostWorkload        *self,
                                                    CostWorkloadValues  *values);
gboolean      cost_workload_check_value            (const char          *key,
                                                    double               value,
                                                    GError             **error);

double        cost_workload_values_average_qps     (const CostWorkloadValues *values);
double        cost_workload_values_peak_qps        (const CostWorkloadValues *values);
double        cost_workload_values_monthly_requests (const CostWorkloadValues *values);

GVariant     *cost_workload_get_ranges             (CostWorkload        *self);
void          cost_workload_set_ranges             (CostWorkload        *self,
                                                    GVariant            *ranges);

G_END_DECLS
