/* cost-project-writer.c
 *
 * Writing project files. The writer lays the document out for people and
 * for git: one key per line at the project, category and scenario level, and
 * one item per line, so that a change to an item is a one-line diff. Numbers
 * are written in the shortest form that reads back bit-identical (0.8048,
 * not 0.80479999999999996).
 * Members the reader kept because it did not know them are written back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-writer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-mappings.h"
#include "cost-bill-rules.h"
#include "cost-category-private.h"
#include "cost-file.h"
#include "cost-item-private.h"
#include "cost-json-writer.h"
#include "cost-override.h"
#include "cost-project-io.h"
#include "cost-project-private.h"
#include "cost-ranges.h"
#include "cost-sampler.h"
#include "cost-scenario-private.h"

/* A JSON object being written: members separated by commas, either one per
 * line at @indent or all on one line. */
typedef struct
{
  GString  *out;
  int       indent;   /* -1: on one line */
  gboolean  first;
} Obj;

static void
obj_begin (Obj     *o,
           GString *out,
           int      indent)
{
  o->out = out;
  o->indent = indent;
  o->first = TRUE;
  g_string_append_c (out, '{');
}

static void
obj_key (Obj        *o,
         const char *key)
{
  if (!o->first)
    g_string_append_c (o->out, ',');
  o->first = FALSE;

  if (o->indent >= 0)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent + 2; i++)
        g_string_append_c (o->out, ' ');
    }
  else if (o->out->str[o->out->len - 1] != '{')
    g_string_append_c (o->out, ' ');

  cost_json_append_string (o->out, key);
  g_string_append (o->out, ": ");
}

static void
obj_end (Obj *o)
{
  if (o->indent >= 0 && !o->first)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent; i++)
        g_string_append_c (o->out, ' ');
    }
  g_string_append_c (o->out, '}');
}

static void
obj_string (Obj        *o,
            const char *key,
            const char *value)
{
  obj_key (o, key);
  cost_json_append_string (o->out, value);
}

static void
obj_string_if (Obj        *o,
               const char *key,
               const char *value)
{
  if (value != NULL && value[0] != '\0')
    obj_string (o, key, value);
}

static void
obj_number (Obj        *o,
            const char *key,
            double      value)
{
  obj_key (o, key);
  cost_json_append_number (o->out, value);
}

static void
obj_ranges (Obj      *o,
            GVariant *ranges)
{
  if (ranges == NULL)
    return;

  obj_key (o, "ranges");
  cost_ranges_write (o->out, ranges);
}

static void
obj_extras (Obj        *o,
            JsonObject *extras)
{
  g_autoptr(GList) members = NULL;

  if (extras == NULL)
    return;

  members = json_object_get_members (extras);
  for (GList *l = members; l != NULL; l = l->next)
    {
      obj_key (o, l->data);
      cost_json_append_node (o->out, json_object_get_member (extras, l->data));
    }
}

/* Opens a list member whose entries each take a line of their own. */
static void
list_begin (Obj        *o,
            const char *key)
{
  obj_key (o, key);
  g_string_append_c (o->out, '[');
}

static void
list_entry (Obj      *o,
            gboolean  first,
            int       indent)
{
  if (!first)
    g_string_append_c (o->out, ',');
  g_string_append_c (o->out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (o->out, ' ');
}

static void
list_end (Obj      *o,
          gboolean  empty)
{
  if (!empty)
    {
      g_string_append_c (o->out, '\n');
      for (int i = 0; i < o->indent + 2; i++)
        g_string_append_c (o->out, ' ');
    }
  g_string_append_c (o->out, ']');
}

static void
write_item (GString    *out,
            CostItem   *item,
            const char *category_id)
{
  Obj o;

  obj_begin (&o, out, -1);
  obj_string (&o, "id", cost_item_get_id (item));
  if (category_id != NULL)
    obj_string (&o, "category", category_id);
  obj_string (&o, "name", cost_item_get_name (item));
  obj_number (&o, "quantity", cost_item_get_quantity (item));
  obj_string_if (&o, "unit", cost_item_get_unit (item));
  obj_number (&o, "unit_price", cost_item_get_unit_price (item));
  obj_string (&o, "period", cost_period_to_string (cost_item_get_period (item)));
  if (cost_item_get_amortize_months (item) != 1)
    obj_number (&o, "amortize_months", cost_item_get_amortize_months (item));
  if (cost_item_get_start_month (item) != 0)
    obj_number (&o, "start_month", cost_item_get_start_month (item));
  if (cost_item_get_end_month (item) != -1)
    obj_number (&o, "end_month", cost_item_get_end_month (item));
  if (cost_item_get_monthly_growth (item) != 0)
    obj_number (&o, "monthly_growth", cost_item_get_monthly_growth (item));
  obj_string_if (&o, "price_source", cost_item_get_price_source (item));
  obj_string_if (&o, "price_as_of", cost_item_get_price_as_of (item));
  obj_string_if (&o, "notes", cost_item_get_notes (item));
  obj_string_if (&o, "driver", cost_item_get_driver (item));
  obj_ranges (&o, cost_item_get_ranges (item));
  obj_extras (&o, _cost_item_get_extras (item));
  obj_end (&o);
}

static void
write_category (GString      *out,
                CostCategory *category,
                int           indent)
{
  guint n = cost_category_get_n_items (category);
  Obj o;

  obj_begin (&o, out, indent);
  obj_string (&o, "id", cost_category_get_id (category));
  obj_string (&o, "name", cost_category_get_name (category));
  obj_string_if (&o, "color", cost_category_get_color (category));
  obj_number (&o, "factor", cost_category_get_factor (category));
  obj_ranges (&o, cost_category_get_ranges (category));
  list_begin (&o, "items");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, indent + 4);
      write_item (out, cost_category_get_item (category, i), NULL);
    }
  list_end (&o, n == 0);
  obj_extras (&o, _cost_category_get_extras (category));
  obj_end (&o);
}

/* A served model's value: a number, or the name of a precision. */
static void
write_model_value (Obj        *o,
                   const char *key,
                   double      value)
{
  if (cost_served_model_key_is_precision (key))
    obj_string (o, key, cost_precision_to_string ((CostPrecision) value));
  else
    obj_number (o, key, value);
}

static void
write_scenario (GString      *out,
                CostScenario *scenario,
                int           indent)
{
  g_auto(GStrv) factors = cost_scenario_list_factors (scenario);
  g_auto(GStrv) overridden = cost_scenario_list_overridden (scenario);
  g_auto(GStrv) excluded = cost_scenario_list_excluded (scenario);
  guint n_added = cost_scenario_get_n_added_items (scenario);
  Obj o;

  obj_begin (&o, out, indent);
  obj_string (&o, "id", cost_scenario_get_id (scenario));
  obj_string (&o, "name", cost_scenario_get_name (scenario));
  obj_string_if (&o, "description", cost_scenario_get_description (scenario));

  if (factors[0] != NULL)
    {
      Obj f;

      obj_key (&o, "factors");
      obj_begin (&f, out, -1);
      for (guint i = 0; factors[i] != NULL; i++)
        {
          double factor = 1.0;

          cost_scenario_get_factor (scenario, factors[i], &factor);
          obj_number (&f, factors[i], factor);
        }
      obj_end (&f);
    }

  if (overridden[0] != NULL)
    {
      list_begin (&o, "overrides");
      for (guint i = 0; overridden[i] != NULL; i++)
        {
          CostOverride v;
          Obj ov;

          cost_scenario_get_override (scenario, overridden[i], &v);
          list_entry (&o, i == 0, indent + 4);
          obj_begin (&ov, out, -1);
          obj_string (&ov, "item", overridden[i]);
          for (guint k = 0; k < COST_N_OVERRIDE_FIELDS; k++)
            {
              const CostOverrideField *field = &cost_override_fields[k];
              const char *at = (const char *) &v + field->override_offset;
              int end;

              if (!(v.fields & field->flag))
                continue;

              switch (field->kind)
                {
                case COST_OVERRIDE_KIND_NUMBER:
                  obj_number (&ov, field->key, *(const double *) at);
                  break;
                case COST_OVERRIDE_KIND_WHOLE:
                  obj_number (&ov, field->key, *(const guint *) at);
                  break;
                case COST_OVERRIDE_KIND_PERIOD:
                  obj_string (&ov, field->key, cost_period_to_string (*(const CostPeriod *) at));
                  break;
                case COST_OVERRIDE_KIND_MONTHS:
                  obj_number (&ov, field->key, *(const int *) at);
                  end = *((const int *) at + 1);
                  obj_key (&ov, "end_month");
                  if (end >= 0)
                    cost_json_append_number (out, end);
                  else
                    g_string_append (out, "null");
                  break;
                default:
                  g_assert_not_reached ();
                }
            }
          obj_end (&ov);
        }
      list_end (&o, FALSE);
    }

  if (excluded[0] != NULL)
    {
      obj_key (&o, "excluded");
      g_string_append_c (out, '[');
      for (guint i = 0; excluded[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          cost_json_append_string (out, excluded[i]);
        }
      g_string_append_c (out, ']');
    }

  if (n_added > 0)
    {
      list_begin (&o, "added");
      for (guint i = 0; i < n_added; i++)
        {
          const char *category_id;
          CostItem *item = cost_scenario_get_added_item (scenario, i, &category_id);

          list_entry (&o, i == 0, indent + 4);
          write_item (out, item, category_id);
        }
      list_end (&o, FALSE);
    }

  if (cost_scenario_has_sizing (scenario))
    {
      g_auto(GStrv) targets = cost_scenario_list_sizing_targets (scenario);
      gboolean has_models = FALSE;
      Obj models;

      for (guint i = 0; targets[i] != NULL; i++)
        {
          g_auto(GStrv) keys = cost_scenario_list_sizing_keys (scenario, targets[i]);
          gboolean is_workload = g_str_equal (targets[i], "workload");
          Obj values;

          if (!is_workload && !has_models)
            {
              obj_key (&o, "models");
              obj_begin (&models, out, -1);
              has_models = TRUE;
            }
          obj_key (is_workload ? &o : &models, targets[i]);
          obj_begin (&values, out, -1);
          for (guint k = 0; keys[k] != NULL; k++)
            {
              double value = 0;

              cost_scenario_get_sizing_value (scenario, targets[i], keys[k], &value);
              if (is_workload)
                obj_number (&values, keys[k], value);
              else
                write_model_value (&values, keys[k], value);
            }
          obj_end (&values);
        }
      if (has_models)
        obj_end (&models);
    }

  {
    g_auto(GStrv) ranged = cost_scenario_list_ranges (scenario);

    if (ranged[0] != NULL)
      {
        Obj rs;

        obj_key (&o, "ranges");
        obj_begin (&rs, out, -1);
        for (guint i = 0; ranged[i] != NULL; i++)
          {
            GVariant *ranges = NULL;

            cost_scenario_get_ranges (scenario, ranged[i], &ranges);
            obj_key (&rs, ranged[i]);
            cost_ranges_write (out, ranges);
          }
        obj_end (&rs);
      }
  }
  obj_extras (&o, _cost_scenario_get_extras (scenario));
  obj_end (&o);
}

/**
 * cost_project_to_data:
 *
 * Returns: (transfer full): the project as a JSON document, keys in a fixed order
 */
char *
cost_project_to_data (CostProject *project,
                      gsize       *length)
{
  GString *out;
  GVariant *traffic;
  guint n;
  Obj o;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  out = g_string_sized_new (4096 + 256 * cost_project_get_n_items (project) +
                            200 * cost_actuals_get_n (cost_project_get_actuals (project)));
  obj_begin (&o, out, 0);
  obj_string (&o, "format", COST_PROJECT_FORMAT);
  obj_number (&o, "version", COST_PROJECT_VERSION);
  obj_string (&o, "title", cost_project_get_title (project));
  obj_string_if (&o, "description", cost_project_get_description (project));
  obj_string (&o, "currency", cost_project_get_currency (project));
  obj_number (&o, "horizon_months", cost_project_get_horizon (project));
  if (cost_project_get_monthly_budget (project) > 0)
    obj_number (&o, "monthly_budget", cost_project_get_monthly_budget (project));
  if (cost_project_get_annual_budget (project) > 0)
    obj_number (&o, "annual_budget", cost_project_get_annual_budget (project));
  obj_string_if (&o, "start", cost_project_get_start (project));

  if (cost_project_get_pue (project) != 1.3)
    obj_number (&o, "pue", cost_project_get_pue (project));

  if (cost_project_get_samples (project) != COST_SAMPLER_DEFAULT_SAMPLES ||
      cost_project_get_seed (project) != 1 || cost_project_get_correlations (project) != NULL)
    {
      GVariant *groups = cost_project_get_correlations (project);
      Obj u;

      obj_key (&o, "uncertainty");
      obj_begin (&u, out, -1);
      obj_number (&u, "samples", cost_project_get_samples (project));
      obj_number (&u, "seed", (double) cost_project_get_seed (project));
      if (groups != NULL)
        {
          GVariantIter iter;
          const char *group;
          double rho;
          Obj g;

          obj_key (&u, "groups");
          obj_begin (&g, out, -1);
          g_variant_iter_init (&iter, groups);
          while (g_variant_iter_next (&iter, "{&sd}", &group, &rho))
            obj_number (&g, group, rho);
          obj_end (&g);
        }
      obj_end (&u);
    }

  {
    g_auto(GStrv) currencies = cost_project_list_exchange_rates (project);

    if (currencies[0] != NULL)
      {
        list_begin (&o, "exchange_rates");
        for (guint i = 0; currencies[i] != NULL; i++)
          {
            double rate;
            const char *as_of;
            Obj e;

            cost_project_get_exchange_rate (project, currencies[i], &rate, &as_of);
            list_entry (&o, i == 0, 4);
            obj_begin (&e, out, -1);
            obj_string (&e, "currency", currencies[i]);
            obj_number (&e, "rate", rate);
            obj_string_if (&e, "as_of", as_of);
            obj_end (&e);
          }
        list_end (&o, FALSE);
      }
  }

  if (cost_project_get_workload (project) != NULL)
    {
      CostWorkload *workload = cost_project_get_workload (project);
      Obj w;

      obj_key (&o, "workload");
      obj_begin (&w, out, -1);
      obj_number (&w, "daily_active_users", cost_workload_get_daily_active_users (workload));
      obj_number (&w, "requests_per_user_per_day", cost_workload_get_requests_per_user (workload));
      obj_number (&w, "peak_to_average", cost_workload_get_peak_to_average (workload));
      obj_number (&w, "peak_hours", cost_workload_get_peak_hours (workload));
      /* Written only when entered, so that older files stay as they were. */
      if (cost_workload_get_orders_per_month (workload) > 0)
        obj_number (&w, "orders_per_month", cost_workload_get_orders_per_month (workload));
      if (cost_workload_get_gmv_per_month (workload) > 0)
        obj_number (&w, "gmv_per_month", cost_workload_get_gmv_per_month (workload));
      obj_ranges (&w, cost_workload_get_ranges (workload));
      obj_end (&w);
    }

  n = cost_project_get_n_models (project);
  if (n > 0)
    {
      list_begin (&o, "models");
      for (guint i = 0; i < n; i++)
        {
          CostServedModel *model = cost_project_get_model (project, i);
          CostModelKind kind = cost_served_model_get_kind (model);
          const char * const *keys = cost_served_model_list_kind_keys (kind);
          Obj m;

          list_entry (&o, i == 0, 4);
          obj_begin (&m, out, -1);
          obj_string (&m, "id", cost_served_model_get_id (model));
          obj_string (&m, "name", cost_served_model_get_name (model));
          obj_string (&m, "kind", cost_model_kind_to_string (kind));
          obj_string_if (&m, "accelerator", cost_served_model_get_accelerator (model));
          obj_string_if (&m, "preset", cost_served_model_get_preset (model));
          for (guint k = 0; keys[k] != NULL; k++)
            {
              double value = cost_served_model_get_value (model, keys[k]);

              /* KV heads and head dimension, or the elements of a latent cache */
              if (value == 0 && (g_str_equal (keys[k], "kv_heads") || g_str_equal (keys[k], "head_dim") ||
                                 g_str_equal (keys[k], "kv_elements_per_token_per_layer")))
                continue;
              write_model_value (&m, keys[k], value);
            }
          obj_ranges (&m, cost_served_model_get_ranges (model));
          obj_end (&m);
        }
      list_end (&o, FALSE);
    }

  n = cost_project_get_n_categories (project);
  list_begin (&o, "categories");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, 4);
      write_category (out, cost_project_get_category (project, i), 4);
    }
  list_end (&o, n == 0);

  n = cost_project_get_n_scenarios (project);
  list_begin (&o, "scenarios");
  for (guint i = 0; i < n; i++)
    {
      list_entry (&o, i == 0, 4);
      write_scenario (out, cost_project_get_scenario (project, i), 4);
    }
  list_end (&o, n == 0);

  n = cost_bill_rules_get_n (cost_project_get_bill_rules (project));
  if (n > 0)
    {
      list_begin (&o, "bill_rules");
      for (guint i = 0; i < n; i++)
        {
          CostBillRule rule;

          cost_bill_rules_get (cost_project_get_bill_rules (project), i, &rule);
          list_entry (&o, i == 0, 4);
          cost_bill_rule_write (out, &rule);
        }
      list_end (&o, FALSE);
    }

  n = cost_bill_mappings_get_n (cost_project_get_bill_mappings (project));
  if (n > 0)
    {
      list_begin (&o, "bill_mappings");
      for (guint i = 0; i < n; i++)
        {
          list_entry (&o, i == 0, 4);
          cost_bill_mappings_write (out, cost_project_get_bill_mappings (project), i);
        }
      list_end (&o, FALSE);
    }

  n = cost_actuals_get_n (cost_project_get_actuals (project));
  if (n > 0)
    {
      list_begin (&o, "actuals");
      for (guint i = 0; i < n; i++)
        {
          g_auto(CostActual) actual = { 0, };

          cost_actuals_get (cost_project_get_actuals (project), i, &actual);
          list_entry (&o, i == 0, 4);
          cost_actual_write (out, &actual);
        }
      list_end (&o, FALSE);
    }

  traffic = cost_project_get_actual_traffic (project);
  if (traffic != NULL)
    {
      list_begin (&o, "actual_traffic");
      for (gsize i = 0; i < g_variant_n_children (traffic); i++)
        {
          const char *month;
          double requests;

          g_variant_get_child (traffic, i, "(&sd)", &month, &requests);
          list_entry (&o, i == 0, 4);
          g_string_append (out, "{\"month\": ");
          cost_json_append_string (out, month);
          g_string_append (out, ", \"requests\": ");
          cost_json_append_number (out, requests);
          g_string_append_c (out, '}');
        }
      list_end (&o, FALSE);
    }

  obj_extras (&o, _cost_project_get_extras (project));
  obj_end (&o);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * cost_project_save:
 *
 * Saves atomically and keeps the previous version as a backup ("FILE~").
 */
gboolean
cost_project_save (CostProject   *project,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = cost_project_to_data (project, &length);

  return cost_file_replace_contents (file, data, length, TRUE, cancellable, error);
}
