/* cost-workload.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-workload"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-ranges.h"
#include "cost-workload.h"

struct _CostWorkload
{
  GObject            parent_instance;
  CostWorkloadValues values;
  GVariant          *ranges;   /* cost-ranges.h */
};

G_DEFINE_FINAL_TYPE (CostWorkload, cost_workload, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAILY_ACTIVE_USERS,
  PROP_REQUESTS_PER_USER,
  PROP_PEAK_TO_AVERAGE,
  PROP_PEAK_HOURS,
  PROP_ORDERS_PER_MONTH,
  PROP_GMV_PER_MONTH,
  N_VALUE_PROPS,
  PROP_RANGES = N_VALUE_PROPS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The keys are those of the project file. */
static const struct {
  const char *key;
  double      min;
  double      max;
  gboolean    min_exclusive;
} limits[N_VALUE_PROPS] = {
  [PROP_DAILY_ACTIVE_USERS] = { "daily_active_users", 0, 1e12, FALSE },
  [PROP_REQUESTS_PER_USER] = { "requests_per_user_per_day", 0, 1e6, FALSE },
  [PROP_PEAK_TO_AVERAGE] = { "peak_to_average", 1, 1000, FALSE },
  [PROP_PEAK_HOURS] = { "peak_hours", 0, 24, TRUE },
  [PROP_ORDERS_PER_MONTH] = { "orders_per_month", 0, 1e12, FALSE },
  [PROP_GMV_PER_MONTH] = { "gmv_per_month", 0, COST_MAX_AMOUNT, FALSE },
};

static guint
prop_for_key (const char *key)
{
  for (guint i = 1; i < N_VALUE_PROPS; i++)
    {
      if (g_strcmp0 (limits[i].key, key) == 0)
        return i;
    }

  return 0;
}

/**
 * cost_workload_check_value:
 * @key: "daily_active_users", "requests_per_user_per_day", "peak_to_average",
 *   "peak_hours", "orders_per_month" or "gmv_per_month"
 *
 * Returns: whether @value is acceptable for @key, with @error saying why not
 */
gboolean
cost_workload_check_value (const char  *key,
                           double       value,
                           GError     **error)
{
  guint prop = prop_for_key (key);

  if (prop == 0)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("Unknown workload value “%s”"), key);
      return FALSE;
    }

  if (!isfinite (value) || value < limits[prop].min || value > limits[prop].max ||
      (limits[prop].min_exclusive && value == limits[prop].min))
    {
      switch (prop)
        {
        case PROP_DAILY_ACTIVE_USERS:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("Daily active users must be a number from 0 to 10¹²"));
          break;
        case PROP_REQUESTS_PER_USER:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("Requests per user a day must be a number from 0 to 1,000,000"));
          break;
        case PROP_PEAK_TO_AVERAGE:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("The peak-to-average ratio must be between 1 and 1,000"));
          break;
        case PROP_PEAK_HOURS:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("Peak hours must be more than 0 and at most 24"));
          break;
        case PROP_ORDERS_PER_MONTH:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("Orders per month must be a number from 0 to 10¹²"));
          break;
        case PROP_GMV_PER_MONTH:
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("GMV per month must be an amount from 0 to 10¹⁵"));
          break;
        default:
          g_assert_not_reached ();
        }
      return FALSE;
    }

  return TRUE;
}

static double *
field_for_prop (CostWorkload *self,
                guint         prop)
{
  switch (prop)
    {
    case PROP_DAILY_ACTIVE_USERS:
      return &self->values.daily_active_users;
    case PROP_REQUESTS_PER_USER:
      return &self->values.requests_per_user;
    case PROP_PEAK_TO_AVERAGE:
      return &self->values.peak_to_average;
    case PROP_PEAK_HOURS:
      return &self->values.peak_hours;
    case PROP_ORDERS_PER_MONTH:
      return &self->values.orders_per_month;
    case PROP_GMV_PER_MONTH:
      return &self->values.gmv_per_month;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_value (CostWorkload  *self,
           guint          prop,
           double         value,
           GError       **error)
{
  double *field = field_for_prop (self, prop);

  if (!cost_workload_check_value (limits[prop].key, value, error))
    return FALSE;

  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      g_signal_emit (self, signals[CHANGED], 0);
    }

  return TRUE;
}

static void
cost_workload_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CostWorkload *self = COST_WORKLOAD (object);

  if (prop_id == PROP_RANGES)
    g_value_set_variant (value, self->ranges);
  else if (prop_id > 0 && prop_id < N_VALUE_PROPS)
    g_value_set_double (value, *field_for_prop (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cost_workload_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CostWorkload *self = COST_WORKLOAD (object);
  g_autoptr(GError) error = NULL;

  if (prop_id == PROP_RANGES)
    {
      cost_workload_set_ranges (self, g_value_get_variant (value));
      return;
    }

  if (prop_id == 0 || prop_id >= N_VALUE_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (!set_value (self, prop_id, g_value_get_double (value), &error))
    g_warning ("Refused %s: %s", pspec->name, error->message);
}

static void
cost_workload_finalize (GObject *object)
{
  CostWorkload *self = (CostWorkload *) object;

  g_clear_pointer (&self->ranges, g_variant_unref);

  G_OBJECT_CLASS (cost_workload_parent_class)->finalize (object);
}

static void
cost_workload_class_init (CostWorkloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cost_workload_finalize;
  object_class->get_property = cost_workload_get_property;
  object_class->set_property = cost_workload_set_property;

  properties[PROP_DAILY_ACTIVE_USERS] =
    g_param_spec_double ("daily-active-users", NULL, NULL, 0, 1e12, 0, flags);
  properties[PROP_REQUESTS_PER_USER] =
    g_param_spec_double ("requests-per-user", NULL, NULL, 0, 1e6, 0, flags);
  properties[PROP_PEAK_TO_AVERAGE] =
    g_param_spec_double ("peak-to-average", NULL, NULL, 1, 1000, 1, flags);
  properties[PROP_PEAK_HOURS] =
    g_param_spec_double ("peak-hours", NULL, NULL, 0, 24, 4, flags);
  /* 0: not entered. */
  properties[PROP_ORDERS_PER_MONTH] =
    g_param_spec_double ("orders-per-month", NULL, NULL, 0, 1e12, 0, flags);
  properties[PROP_GMV_PER_MONTH] =
    g_param_spec_double ("gmv-per-month", NULL, NULL, 0, COST_MAX_AMOUNT, 0, flags);
  properties[PROP_RANGES] = cost_ranges_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_workload_init (CostWorkload *self)
{
  self->values.peak_to_average = 1;
  self->values.peak_hours = 4;
}

CostWorkload *
cost_workload_new (void)
{
  return g_object_new (COST_TYPE_WORKLOAD, NULL);
}

double
cost_workload_get_daily_active_users (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 0);

  return self->values.daily_active_users;
}

gboolean
cost_workload_set_daily_active_users (CostWorkload  *self,
                                      double         users,
                                      GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_DAILY_ACTIVE_USERS, users, error);
}

double
cost_workload_get_requests_per_user (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 0);

  return self->values.requests_per_user;
}

gboolean
cost_workload_set_requests_per_user (CostWorkload  *self,
                                     double         requests,
                                     GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_REQUESTS_PER_USER, requests, error);
}

double
cost_workload_get_peak_to_average (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 1);

  return self->values.peak_to_average;
}

gboolean
cost_workload_set_peak_to_average (CostWorkload  *self,
                                   double         ratio,
                                   GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_PEAK_TO_AVERAGE, ratio, error);
}

double
cost_workload_get_peak_hours (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 4);

  return self->values.peak_hours;
}

gboolean
cost_workload_set_peak_hours (CostWorkload  *self,
                              double         hours,
                              GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_PEAK_HOURS, hours, error);
}

/**
 * cost_workload_get_orders_per_month:
 *
 * Returns: the orders the traffic brings a month; 0 when not entered
 */
double
cost_workload_get_orders_per_month (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 0);

  return self->values.orders_per_month;
}

/**
 * cost_workload_set_orders_per_month:
 * @orders: 0 for not entered
 */
gboolean
cost_workload_set_orders_per_month (CostWorkload  *self,
                                    double         orders,
                                    GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_ORDERS_PER_MONTH, orders, error);
}

/**
 * cost_workload_get_gmv_per_month:
 *
 * Returns: the gross merchandise value of those orders a month, in the
 *   project's currency; 0 when not entered
 */
double
cost_workload_get_gmv_per_month (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), 0);

  return self->values.gmv_per_month;
}

/**
 * cost_workload_set_gmv_per_month:
 * @gmv: 0 for not entered
 */
gboolean
cost_workload_set_gmv_per_month (CostWorkload  *self,
                                 double         gmv,
                                 GError       **error)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), FALSE);

  return set_value (self, PROP_GMV_PER_MONTH, gmv, error);
}

void
cost_workload_get_values (CostWorkload       *self,
                          CostWorkloadValues *values)
{
  g_return_if_fail (COST_IS_WORKLOAD (self));

  *values = self->values;
}

/**
 * cost_workload_values_average_qps:
 *
 * Returns: DAU × requests per user ÷ 86,400 s
 */
double
cost_workload_values_average_qps (const CostWorkloadValues *values)
{
  return values->daily_active_users * values->requests_per_user / 86400.0;
}

/**
 * cost_workload_values_peak_qps:
 *
 * Returns: the average requests a second × the peak-to-average ratio
 */
double
cost_workload_values_peak_qps (const CostWorkloadValues *values)
{
  return cost_workload_values_average_qps (values) * values->peak_to_average;
}

/**
 * cost_workload_values_monthly_requests:
 *
 * Returns: DAU × requests per user × 365/12 days
 */
double
cost_workload_values_monthly_requests (const CostWorkloadValues *values)
{
  return values->daily_active_users * values->requests_per_user * 365.0 / 12.0;
}

/**
 * cost_workload_get_ranges:
 *
 * Returns: (transfer none) (nullable): the ranges of the traffic figures
 *   (cost-ranges.h), %NULL for none
 */
GVariant *
cost_workload_get_ranges (CostWorkload *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD (self), NULL);

  return self->ranges;
}

void
cost_workload_set_ranges (CostWorkload *self,
                          GVariant     *ranges)
{
  g_return_if_fail (COST_IS_WORKLOAD (self));

  if (cost_ranges_assign (&self->ranges, ranges))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGES]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}
