/* cost-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-field"

#include "config.h"

#include <string.h>

#include "cost-field.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project.h"
#include "cost-scenario-category.h"
#include "cost-scenario-item.h"

G_DEFINE_ENUM_TYPE (CostFieldKind, cost_field_kind,
                    G_DEFINE_ENUM_VALUE (COST_FIELD_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_NAME, "name"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_CURRENCY, "currency"),
                    G_DEFINE_ENUM_VALUE (COST_FIELD_OPTIONAL_NUMBER, "optional-number"))

/* Decimals a number field shows at most; trailing zeros are dropped. */
#define FIELD_DECIMALS 6

/**
 * cost_field_format:
 * @value: a string or a number, as the model holds it
 *
 * Returns: (transfer full): the text a field of @kind shows for @value
 */
char *
cost_field_format (CostFieldKind  kind,
                   const GValue  *value)
{
  switch (kind)
    {
    case COST_FIELD_NAME:
      return g_strdup (cost_names_translate (g_value_get_string (value)));

    case COST_FIELD_TEXT:
    case COST_FIELD_DATE:
    case COST_FIELD_CURRENCY:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

    case COST_FIELD_NUMBER:
      return cost_format_number (g_value_get_double (value), FIELD_DECIMALS);

    case COST_FIELD_OPTIONAL_NUMBER:
      if (g_value_get_double (value) == 0)
        return g_strdup ("");
      return cost_format_number (g_value_get_double (value), FIELD_DECIMALS);

    case COST_FIELD_PERCENT:
      return cost_format_number (g_value_get_double (value) * 100.0, FIELD_DECIMALS - 2);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * cost_field_parse:
 * @value: initialised to %G_TYPE_STRING for text kinds, %G_TYPE_DOUBLE for numbers
 *
 * Reads what the user typed. Range checks are the model's: the setter called
 * by cost_field_apply() refuses a negative quantity with its own message.
 *
 * Returns: %FALSE, with @error saying why, when @text is not a value of @kind
 */
gboolean
cost_field_parse (CostFieldKind   kind,
                  const char     *text,
                  GValue         *value,
                  GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  double number;

  switch (kind)
    {
    case COST_FIELD_TEXT:
      g_value_set_string (value, text ? text : "");
      return TRUE;

    case COST_FIELD_NAME:
    case COST_FIELD_DATE:
      g_value_set_string (value, stripped);
      return TRUE;

    case COST_FIELD_CURRENCY:
      g_value_take_string (value, g_ascii_strup (stripped, -1));
      return TRUE;

    case COST_FIELD_NUMBER:
      if (!cost_parse_number (stripped, &number, error))
        return FALSE;
      g_value_set_double (value, number);
      return TRUE;

    case COST_FIELD_OPTIONAL_NUMBER:
      if (*stripped == '\0')
        number = 0;
      else if (!cost_parse_number (stripped, &number, error))
        return FALSE;
      g_value_set_double (value, number);
      return TRUE;

    case COST_FIELD_PERCENT:
      if (g_str_has_suffix (stripped, "%"))
        stripped[strlen (stripped) - 1] = '\0';
      if (!cost_parse_number (stripped, &number, error))
        return FALSE;
      g_value_set_double (value, number / 100.0);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

typedef gboolean (*StringSetter) (gpointer     object,
                                  const char  *value,
                                  GError     **error);
typedef gboolean (*DoubleSetter) (gpointer     object,
                                  double       value,
                                  GError     **error);
typedef gboolean (*IntSetter)    (gpointer     object,
                                  int          value,
                                  GError     **error);
typedef gboolean (*UintSetter)   (gpointer     object,
                                  guint        value,
                                  GError     **error);

static const struct {
  GType     (*get_type) (void);
  const char *property;
  GCallback   setter;
} setters[] = {
  { cost_project_get_type, "title", G_CALLBACK (cost_project_set_title) },
  { cost_project_get_type, "description", G_CALLBACK (cost_project_set_description) },
  { cost_project_get_type, "currency", G_CALLBACK (cost_project_set_currency) },
  { cost_project_get_type, "horizon", G_CALLBACK (cost_project_set_horizon) },
  { cost_project_get_type, "monthly-budget", G_CALLBACK (cost_project_set_monthly_budget) },
  { cost_project_get_type, "annual-budget", G_CALLBACK (cost_project_set_annual_budget) },
  { cost_project_get_type, "pue", G_CALLBACK (cost_project_set_pue) },
  { cost_category_get_type, "name", G_CALLBACK (cost_category_set_name) },
  { cost_category_get_type, "color", G_CALLBACK (cost_category_set_color) },
  { cost_category_get_type, "factor", G_CALLBACK (cost_category_set_factor) },
  { cost_item_get_type, "name", G_CALLBACK (cost_item_set_name) },
  { cost_item_get_type, "quantity", G_CALLBACK (cost_item_set_quantity) },
  { cost_item_get_type, "unit", G_CALLBACK (cost_item_set_unit) },
  { cost_item_get_type, "unit-price", G_CALLBACK (cost_item_set_unit_price) },
  { cost_item_get_type, "amortize-months", G_CALLBACK (cost_item_set_amortize_months) },
  { cost_item_get_type, "monthly-growth", G_CALLBACK (cost_item_set_monthly_growth) },
  { cost_item_get_type, "price-source", G_CALLBACK (cost_item_set_price_source) },
  { cost_item_get_type, "price-as-of", G_CALLBACK (cost_item_set_price_as_of) },
  { cost_item_get_type, "notes", G_CALLBACK (cost_item_set_notes) },
  { cost_workload_get_type, "daily-active-users", G_CALLBACK (cost_workload_set_daily_active_users) },
  { cost_workload_get_type, "requests-per-user", G_CALLBACK (cost_workload_set_requests_per_user) },
  { cost_workload_get_type, "peak-to-average", G_CALLBACK (cost_workload_set_peak_to_average) },
  { cost_workload_get_type, "peak-hours", G_CALLBACK (cost_workload_set_peak_hours) },
  { cost_workload_get_type, "orders-per-month", G_CALLBACK (cost_workload_set_orders_per_month) },
  { cost_workload_get_type, "gmv-per-month", G_CALLBACK (cost_workload_set_gmv_per_month) },
  { cost_served_model_get_type, "name", G_CALLBACK (cost_served_model_set_name) },
  { cost_served_model_get_type, "accelerator", G_CALLBACK (cost_served_model_set_accelerator) },
  { cost_scenario_item_get_type, "quantity", G_CALLBACK (cost_scenario_item_set_quantity) },
  { cost_scenario_item_get_type, "unit-price", G_CALLBACK (cost_scenario_item_set_unit_price) },
  { cost_scenario_item_get_type, "monthly-growth", G_CALLBACK (cost_scenario_item_set_monthly_growth) },
  { cost_scenario_category_get_type, "factor", G_CALLBACK (cost_scenario_category_set_factor) },
};

/**
 * cost_field_apply:
 *
 * Sets @property of a project, category, item, workload or served model
 * through its checked setter, so that a refused value leaves the model as it
 * was and says why.
 */
gboolean
cost_field_apply (GObject       *object,
                  const char    *property,
                  const GValue  *value,
                  GError       **error)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    {
      if (G_OBJECT_TYPE (object) != setters[i].get_type () ||
          strcmp (property, setters[i].property) != 0)
        continue;

      switch (G_VALUE_TYPE (value))
        {
        case G_TYPE_STRING:
          return ((StringSetter) setters[i].setter) (object, g_value_get_string (value), error);
        case G_TYPE_DOUBLE:
          return ((DoubleSetter) setters[i].setter) (object, g_value_get_double (value), error);
        case G_TYPE_INT:
          return ((IntSetter) setters[i].setter) (object, g_value_get_int (value), error);
        case G_TYPE_UINT:
          return ((UintSetter) setters[i].setter) (object, g_value_get_uint (value), error);
        default:
          g_return_val_if_reached (FALSE);
        }
    }

  /* A served model's sizing values share one setter, by key: "work-per-request"
   * is "work_per_request". */
  if (COST_IS_SERVED_MODEL (object) && G_VALUE_HOLDS_DOUBLE (value))
    {
      g_autofree char *key = g_strdelimit (g_strdup (property), "-", '_');

      if (g_strv_contains (cost_served_model_list_keys (), key))
        return cost_served_model_set_value (COST_SERVED_MODEL (object), key,
                                            g_value_get_double (value), error);
    }

  g_critical ("%s has no checked setter for “%s”", G_OBJECT_TYPE_NAME (object), property);
  return FALSE;
}
