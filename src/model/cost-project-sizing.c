/* cost-project-sizing.c
 *
 * The sizing rules of cost-sizing.c applied to a project: its workload with
 * a scenario's overrides, the energy of its driven accelerators, prices in
 * other currencies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-sizing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-format.h"
#include "cost-project-sizing.h"

/**
 * cost_sizing_effective_workload:
 * @scenario: (nullable):
 *
 * Returns: %FALSE if the project describes no workload; otherwise its
 *   values in @values, with @scenario's overrides applied
 */
gboolean
cost_sizing_effective_workload (CostProject        *project,
                                CostScenario       *scenario,
                                CostWorkloadValues *values)
{
  CostWorkload *workload = cost_project_get_workload (project);

  if (workload == NULL)
    {
      memset (values, 0, sizeof *values);
      values->peak_to_average = 1;
      values->peak_hours = 4;
      return FALSE;
    }

  cost_workload_get_values (workload, values);
  if (scenario != NULL)
    {
      cost_scenario_get_sizing_value (scenario, "workload", "daily_active_users",
                                      &values->daily_active_users);
      cost_scenario_get_sizing_value (scenario, "workload", "requests_per_user_per_day",
                                      &values->requests_per_user);
      cost_scenario_get_sizing_value (scenario, "workload", "peak_to_average",
                                      &values->peak_to_average);
      cost_scenario_get_sizing_value (scenario, "workload", "peak_hours", &values->peak_hours);
      cost_scenario_get_sizing_value (scenario, "workload", "orders_per_month",
                                      &values->orders_per_month);
      cost_scenario_get_sizing_value (scenario, "workload", "gmv_per_month", &values->gmv_per_month);
    }

  return TRUE;
}

/* The project's driven items as they stand, for cost_sizing_resolve(). */
static GArray *
collect_driven (CostProject *project)
{
  GArray *driven = g_array_new (FALSE, TRUE, sizeof (CostDriven));
  guint n = cost_project_get_n_categories (project);

  for (guint c = 0; c < n; c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        {
          CostItem *item = cost_category_get_item (category, i);
          const char *driver = cost_item_get_driver (item);
          CostDriven d = { NULL, cost_item_get_quantity (item), 0, FALSE, FALSE };

          if (driver == NULL || cost_driver_is_power (driver))
            continue;
          if ((d.model = cost_project_find_model (project, driver, NULL)) == NULL)
            continue;
          g_array_append_val (driven, d);
        }
    }

  return driven;
}

/**
 * cost_sizing_driven_power_kwh:
 *
 * Returns: the energy a month of the accelerators the served models drive,
 *   what a power item's quantity is
 */
double
cost_sizing_driven_power_kwh (CostProject *project)
{
  g_autoptr(GArray) driven = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), 0);

  driven = collect_driven (project);

  return cost_sizing_resolve (NULL, NULL, cost_project_get_pue (project), FALSE,
                              (CostDriven *) driven->data, driven->len);
}

/**
 * cost_sizing_power_explain:
 *
 * Returns: (transfer full): how cost_sizing_driven_power_kwh() follows from
 *   the accelerators of the driven items, with the values filled in
 */
char *
cost_sizing_power_explain (CostProject *project)
{
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(GArray) driven = NULL;
  g_autofree char *pue = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *kwh = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  driven = collect_driven (project);
  kwh = cost_format_number (cost_sizing_resolve (NULL, NULL, cost_project_get_pue (project), FALSE,
                                                 (CostDriven *) driven->data, driven->len), 1);
  for (guint i = 0; i < driven->len; i++)
    {
      const CostDriven *d = &g_array_index (driven, CostDriven, i);
      g_autofree char *q = cost_format_number (d->quantity, 0);
      g_autofree char *w = cost_format_number (d->watts, 1);

      if (i > 0)
        g_string_append (terms, " + ");
      /* Translators: accelerators × their power: "40 × 700 W" */
      g_string_append_printf (terms, _("%s × %s W"), q, w);
    }

  pue = cost_format_number (cost_project_get_pue (project), 2);
  hours = cost_format_number (COST_HOURS_PER_MONTH, 0);

  if (driven->len == 0)
    /* Translators: the energy formula when no item is driven by a model */
    return g_strdup_printf (_("No items are driven by a served model: %s kWh a month"), kwh);

  /* Translators: the energy formula: (accelerators × watts + …) ÷ 1,000 × PUE × hours a month */
  return g_strdup_printf (_("(%s) ÷ 1,000 × %s PUE × %s h = %s kWh a month"),
                          terms->str, pue, hours, kwh);
}

/**
 * cost_price_convert:
 *
 * Converts an amount in @currency into the project's currency at the rate
 * the project stores.
 *
 * Returns: %FALSE with @error when the project has no rate for @currency
 */
gboolean
cost_price_convert (CostProject  *project,
                    double        amount,
                    const char   *currency,
                    double       *converted,
                    GError      **error)
{
  double rate;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (!cost_project_get_exchange_rate (project, currency, &rate, NULL))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_NOT_FOUND,
                   _("The project has no exchange rate from %s to %s; add one in the project properties"),
                   currency, cost_project_get_currency (project));
      return FALSE;
    }

  *converted = round (amount * rate * 1e6) / 1e6;
  return TRUE;
}
