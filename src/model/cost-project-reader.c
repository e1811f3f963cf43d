/* cost-project-reader.c
 *
 * Reading project files: one JSON document, checked strictly (cost-json.c
 * looks at its bytes first, cost-json-reader.c checks each value), so that
 * a file either loads whole or is refused with the place and the reason of
 * its first problem. Members the program does not know are kept for the
 * writer. A large project has its items read in pieces, in several
 * threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-mappings.h"
#include "cost-bill-rules.h"
#include "cost-category-private.h"
#include "cost-item-private.h"
#include "cost-json-reader.h"
#include "cost-json.h"
#include "cost-month.h"
#include "cost-override.h"
#include "cost-project-io-private.h"
#include "cost-project-reader-private.h"
#include "cost-ranges.h"
#include "cost-project-private.h"
#include "cost-sampler.h"
#include "cost-scenario-private.h"
#include "cost-values.h"

static const char * const item_keys[] = {
  "id", "name", "quantity", "unit", "unit_price", "period", "amortize_months",
  "start_month", "end_month", "monthly_growth", "price_source", "price_as_of", "notes",
  "driver", "category", "ranges", NULL
};

gboolean
_cost_reader_check_date (Reader      *r,
            const char  *key,
            const char  *value,
            GError     **error)
{
  if (!cost_check_date (value, NULL))
    return cost_json_reader_fail (&r->json, key, error, _("must be a date of the form YYYY-MM-DD"));

  return TRUE;
}

/* A number in the range the table of values gives its kind; the override
 * fields read theirs through the same table. */
gboolean
_cost_reader_value (Reader      *r,
            JsonObject  *object,
            const char  *key,
            gboolean     required,
            CostValue    value,
            double       fallback,
            double      *out,
            GError     **error)
{
  const CostValueRange *range = cost_value_range (value);

  return cost_json_reader_number (&r->json, object, key, required, fallback, range->min, range->max,
                                  out, error);
}

gboolean
_cost_reader_period (Reader      *r,
             JsonObject  *object,
             gboolean     required,
             CostPeriod  *period,
             GError     **error)
{
  const char *str;

  if (!cost_json_reader_string (&r->json, object, "period", required, &str, error))
    return FALSE;

  if (!required && str[0] == '\0')
    return TRUE;

  if (!cost_period_from_string (str, period))
    return cost_json_reader_fail (&r->json, "period", error, _("must be one of hour, day, month, year, once"));

  return TRUE;
}

gboolean
_cost_reader_months (Reader      *r,
             JsonObject  *object,
             int          horizon,
             int         *start,
             int         *end,
             GError     **error)
{
  if (!cost_json_reader_int (&r->json, object, "start_month", FALSE, 0, 0, horizon - 1, start, error))
    return FALSE;

  if (json_object_has_member (object, "end_month") &&
      json_node_is_null (json_object_get_member (object, "end_month")))
    {
      *end = -1;
      return TRUE;
    }

  if (!cost_json_reader_int (&r->json, object, "end_month", FALSE, -1, -1, horizon - 1, end, error))
    return FALSE;

  if (*end != -1 && *end < *start)
    return cost_json_reader_fail (&r->json, "end_month", error, _("must not be before start_month"));

  return TRUE;
}

CostItem *
_cost_reader_item (Reader      *r,
           JsonObject  *object,
           int          horizon,
           GError     **error)
{
  const char *id, *name, *unit, *source, *as_of, *notes, *driver;
  double quantity, price, growth;
  CostPeriod period = COST_PERIOD_MONTH;
  int amortize, start, end;
  g_autoptr(CostItem) item = NULL;
  g_autoptr(JsonObject) extras = NULL;
  g_autoptr(GVariant) ranges = NULL;

  r->json.found = 0;
  if (!cost_json_reader_id (&r->json, object, &id, error) ||
      !cost_json_reader_string (&r->json, object, "name", TRUE, &name, error) ||
      !_cost_reader_value (r, object, "quantity", TRUE, COST_VALUE_QUANTITY, 0, &quantity, error) ||
      !cost_json_reader_string (&r->json, object, "unit", FALSE, &unit, error) ||
      !_cost_reader_value (r, object, "unit_price", TRUE, COST_VALUE_UNIT_PRICE, 0, &price, error) ||
      !_cost_reader_period (r, object, TRUE, &period, error) ||
      !cost_json_reader_int (&r->json, object, "amortize_months", FALSE, 1,
                                 cost_value_range (COST_VALUE_AMORTIZE_MONTHS)->min,
                                 cost_value_range (COST_VALUE_AMORTIZE_MONTHS)->max, &amortize, error) ||
      !_cost_reader_months (r, object, horizon, &start, &end, error) ||
      !_cost_reader_value (r, object, "monthly_growth", FALSE, COST_VALUE_GROWTH, 0, &growth, error) ||
      !cost_json_reader_string (&r->json, object, "price_source", FALSE, &source, error) ||
      !cost_json_reader_string (&r->json, object, "price_as_of", FALSE, &as_of, error) ||
      !_cost_reader_check_date (r, "price_as_of", as_of, error) ||
      !cost_json_reader_string (&r->json, object, "notes", FALSE, &notes, error) ||
      !cost_json_reader_string (&r->json, object, "driver", FALSE, &driver, error))
    return NULL;

  if (!cost_ranges_read (&r->json, object, COST_RANGE_SUBJECT_ITEM, &ranges, error))
    return NULL;

  /* A driven item's quantity follows its model: its range is that of the
   * traffic or the model. */
  if (driver[0] != '\0' && cost_ranges_lookup (ranges, "quantity", &(CostRange) { 0, }, NULL))
    {
      cost_json_reader_fail (&r->json, "ranges", error,
                             _("the quantity of an item sized from traffic cannot have a range of its own: "
                               "give the range to the traffic or to the model"));
      return NULL;
    }

  if (driver[0] != '\0' && !cost_driver_is_power (driver) &&
      !g_hash_table_contains (r->models, driver))
    {
      cost_json_reader_fail (&r->json, "driver", error, _("no served model has the id “%s”"), driver);
      return NULL;
    }

  if (g_hash_table_contains (r->ids, id))
    {
      cost_json_reader_fail (&r->json, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (r->ids, (gpointer) id);

  if (++r->n_items > COST_MAX_ITEMS)
    {
      cost_json_reader_fail (&r->json, NULL, error, _("the project has more than %d items"), COST_MAX_ITEMS);
      return NULL;
    }

  /* Every value was checked above. */
  item = _cost_item_new_checked (id, name, unit, &(CostItemParams) {
                                   .quantity = quantity,
                                   .unit_price = price,
                                   .monthly_growth = growth,
                                   .period = period,
                                   .amortize_months = amortize,
                                   .start_month = start,
                                   .end_month = end,
                                 }, source, as_of, notes, driver);
  cost_item_set_ranges (item, ranges);

  /* Every member was one the reader knows: nothing else to keep. */
  if (r->json.found != json_object_get_size (object))
    {
      if (!cost_json_reader_extras (&r->json, object, item_keys, &extras, error))
        return NULL;
      _cost_item_set_extras (item, extras);
    }

  return g_steal_pointer (&item);
}

/* Reads the objects of @elements into @list. */
static gboolean
read_item_list (Reader      *r,
                JsonArray   *elements,
                int          horizon,
                GPtrArray   *list,
                GError     **error)
{
  guint n = json_array_get_length (elements);

  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = cost_json_reader_push_index (&r->json, i);
      JsonObject *item_object = cost_json_reader_element (&r->json, elements, i, error);
      CostItem *item;

      if (item_object == NULL || (item = _cost_reader_item (r, item_object, horizon, error)) == NULL)
        return FALSE;

      g_ptr_array_add (list, item);
      cost_json_reader_pop (&r->json, saved_index);
    }

  return TRUE;
}

/* Reads items in another thread: @elements are the items @first… of the
 * category @category. A problem is only noted: the document is then read
 * whole, for a message that names its place. */
static gpointer
read_piece (JsonArray *elements,
            guint      category,
            guint      first,
            gpointer   user_data)
{
  const PieceContext *context = user_data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (json_array_get_length (elements),
                                                     g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Reader r = { { NULL, 0 }, ids, context->models, 0, NULL, category, FALSE, { NULL, 0 } };
  gboolean read;

  cost_json_reader_init (&r.json);
  read = read_item_list (&r, elements, context->horizon, items, NULL);
  cost_json_reader_clear (&r.json);
  if (!read)
    return NULL;

  return g_steal_pointer (&items);
}

/* The items of the category being read, from the pieces. Any doubt, and the
 * document is read again whole, for the message of a reader that meets the
 * problem in its place. Other problems are met in the same order either way:
 * the items of the categories before have been read by then. */
static gboolean
take_items (Reader     *r,
            JsonArray  *placeholder,
            GPtrArray  *list,
            GError    **error)
{
  g_autoptr(GPtrArray) pieces = NULL;

  if (placeholder == NULL)
    return TRUE;

  pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (json_array_get_length (placeholder) != 0 ||
      !cost_json_split_take_list (r->split, r->category, pieces))
    goto again;

  for (guint p = 0; p < pieces->len; p++)
    {
      GPtrArray *items = g_ptr_array_index (pieces, p);

      for (guint i = 0; i < items->len; i++)
        {
          CostItem *item = g_ptr_array_index (items, i);
          const char *id = cost_item_get_id (item);

          if (g_hash_table_contains (r->ids, id) || ++r->n_items > COST_MAX_ITEMS)
            goto again;

          g_hash_table_add (r->ids, (gpointer) id);
          g_ptr_array_add (list, g_object_ref (item));
        }
    }

  return TRUE;

again:
  r->again = TRUE;
  g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE, "read the document whole");
  return FALSE;
}

static const char * const category_keys[] = {
  "id", "name", "color", "factor", "items", "ranges", NULL
};

static CostCategory *
read_category (Reader      *r,
               JsonObject  *object,
               int          horizon,
               GError     **error)
{
  const char *id, *name, *color;
  double factor;
  JsonArray *items;
  g_autoptr(CostCategory) category = NULL;
  g_autoptr(JsonObject) extras = NULL;
  GError *local_error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!cost_json_reader_id (&r->json, object, &id, error) ||
      !cost_json_reader_string (&r->json, object, "name", TRUE, &name, error) ||
      !cost_json_reader_string (&r->json, object, "color", FALSE, &color, error) ||
      !_cost_reader_value (r, object, "factor", FALSE, COST_VALUE_FACTOR, 1.0, &factor, error))
    return NULL;

  if (!cost_check_color (color, NULL))
    {
      cost_json_reader_fail (&r->json, "color", error, _("must be a colour of the form #rrggbb"));
      return NULL;
    }

  if (g_hash_table_contains (r->ids, id))
    {
      cost_json_reader_fail (&r->json, "id", error, _("“%s” is used twice"), id);
      return NULL;
    }
  g_hash_table_add (r->ids, (gpointer) id);

  category = cost_category_new (id, name);
  cost_category_set_color (category, color, NULL);
  cost_category_set_factor (category, factor, NULL);

  {
    g_autoptr(GVariant) ranges = NULL;

    if (!cost_ranges_read (&r->json, object, COST_RANGE_SUBJECT_CATEGORY, &ranges, error))
      return NULL;
    cost_category_set_ranges (category, ranges);
  }

  items = cost_json_reader_array (&r->json, object, "items", COST_MAX_ITEMS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  list = g_ptr_array_new_with_free_func (g_object_unref);
  if (r->split != NULL)
    {
      if (!take_items (r, items, list, error))
        return NULL;
    }
  else if (items != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "items");

      if (!read_item_list (r, items, horizon, list, error))
        return NULL;
      cost_json_reader_pop (&r->json, saved);
    }

  /* One splice: one change of the list, whatever its length. */
  _cost_category_append_items (category, (CostItem **) list->pdata, list->len);

  if (!cost_json_reader_extras (&r->json, object, category_keys, &extras, error))
    return NULL;
  _cost_category_set_extras (category, extras);

  return g_steal_pointer (&category);
}

static const char * const project_keys[] = {
  "format", "version", "title", "description", "currency", "horizon_months",
  "monthly_budget", "annual_budget", "start", "pue", "exchange_rates", "uncertainty", "workload", "models",
  "categories", "scenarios", "bill_rules", "bill_mappings", "actuals", "actual_traffic", NULL
};

/* The settings of a simulation: `"uncertainty": {"samples": 10000,
 * "seed": 42, "groups": {"GPU prices": 0.8}}`. */
static gboolean
read_uncertainty (Reader       *r,
                  JsonObject   *object,
                  CostProject  *project,
                  GError      **error)
{
  static const char * const keys[] = { "samples", "seed", "groups", NULL };
  JsonNode *node = json_object_get_member (object, "uncertainty");
  JsonObject *u;
  JsonNode *groups;
  double samples, seed;
  gsize saved;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (&r->json, "uncertainty", error, _("must be an object"));
  u = json_node_get_object (node);
  saved = cost_json_reader_push_key (&r->json, "uncertainty");

  if (!cost_json_reader_number (&r->json, u, "samples", FALSE, COST_SAMPLER_DEFAULT_SAMPLES,
                                COST_SAMPLER_MIN_SAMPLES, COST_SAMPLER_MAX_SAMPLES, &samples, error) ||
      !cost_json_reader_number (&r->json, u, "seed", FALSE, 1, 0, (double) COST_PROJECT_MAX_SEED,
                                &seed, error))
    return FALSE;

  if (samples != floor (samples))
    return cost_json_reader_fail (&r->json, "samples", error, _("must be a whole number"));
  if (seed != floor (seed))
    return cost_json_reader_fail (&r->json, "seed", error, _("must be a whole number"));

  cost_project_set_samples (project, (guint) samples, NULL);
  cost_project_set_seed (project, (guint64) seed, NULL);

  groups = json_object_get_member (u, "groups");
  if (groups != NULL)
    {
      g_autoptr(GList) members = NULL;
      GVariantBuilder builder;
      gsize at;

      if (!JSON_NODE_HOLDS_OBJECT (groups))
        return cost_json_reader_fail (&r->json, "groups", error,
                                      _("must be an object of group names and correlations"));

      at = cost_json_reader_push_key (&r->json, "groups");
      members = json_object_get_members (json_node_get_object (groups));
      members = g_list_sort (members, (GCompareFunc) strcmp);
      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
      for (GList *l = members; l != NULL; l = l->next)
        {
          double rho;

          if (g_utf8_strlen (l->data, -1) > COST_RANGE_GROUP_MAX_CHARS)
            {
              g_variant_builder_clear (&builder);
              return cost_json_reader_fail (&r->json, l->data, error,
                                            _("a group name must be at most %d characters"),
                                            COST_RANGE_GROUP_MAX_CHARS);
            }
          if (!cost_json_reader_number (&r->json, json_node_get_object (groups), l->data, TRUE, 0,
                                        0.0, 1.0, &rho, error))
            {
              g_variant_builder_clear (&builder);
              return FALSE;
            }
          g_variant_builder_add (&builder, "{sd}", (const char *) l->data, rho);
        }
      cost_project_set_correlations (project, g_variant_builder_end (&builder), NULL);
      cost_json_reader_pop (&r->json, at);
    }

  {
    g_autoptr(GList) members = json_object_get_members (u);

    for (GList *l = members; l != NULL; l = l->next)
      if (!g_strv_contains (keys, l->data))
        return cost_json_reader_fail (&r->json, l->data, error, _("is not a value ModelCost knows"));
  }
  cost_json_reader_pop (&r->json, saved);

  return TRUE;
}

/* `"actual_traffic": [{"month": "2027-01", "requests": 120000000}]`: the
 * requests served each month, in order, each month once. */
static gboolean
read_traffic (Reader       *r,
              JsonArray    *array,
              CostProject  *project,
              GError      **error)
{
  static const char * const keys[] = { "month", "requests", NULL };
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (COST_ACTUAL_TRAFFIC_TYPE);
  gsize saved = cost_json_reader_push_key (&r->json, "actual_traffic");
  int previous = G_MININT;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved_index = cost_json_reader_push_index (&r->json, i);
      JsonObject *object = cost_json_reader_element (&r->json, array, i, error);
      g_autoptr(JsonObject) extras = NULL;
      const char *month;
      double requests;
      int number;

      if (object == NULL ||
          !cost_json_reader_string (&r->json, object, "month", TRUE, &month, error))
        return FALSE;
      if (!cost_month_parse (month, &number, NULL))
        return cost_json_reader_fail (&r->json, "month", error, _("must be a month of the form YYYY-MM"));
      if (number <= previous)
        return cost_json_reader_fail (&r->json, "month", error,
                                      _("comes twice or out of order: give each month once, in order"));
      if (!cost_json_reader_number (&r->json, object, "requests", TRUE, 0, 0, COST_MAX_AMOUNT, &requests, error) ||
          !cost_json_reader_extras (&r->json, object, keys, &extras, error))
        return FALSE;
      if (extras != NULL)
        return cost_json_reader_fail (&r->json, NULL, error,
                                      _("holds members other than “month” and “requests”"));

      g_variant_builder_add (&builder, "(sd)", month, requests);
      previous = number;
      cost_json_reader_pop (&r->json, saved_index);
    }
  cost_json_reader_pop (&r->json, saved);

  /* Checked as the project checks it: setting cannot fail. */
  return cost_project_set_actual_traffic (project, g_variant_builder_end (&builder), error);
}

/* The mapping rules and saved column mappings of bills, the records of
 * actual spending and the traffic actually served. */
static gboolean
read_actuals (Reader       *r,
              JsonObject   *object,
              CostProject  *project,
              GError      **error)
{
  GError *local_error = NULL;
  JsonArray *array;

  array = cost_json_reader_array (&r->json, object, "bill_rules", COST_MAX_BILL_RULES, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array != NULL)
    {
      g_autoptr(GVariant) rules = NULL;

      if (!cost_bill_rules_read (&r->json, array, &rules, error))
        return FALSE;
      cost_project_set_bill_rules (project, rules, NULL);
    }

  array = cost_json_reader_array (&r->json, object, "bill_mappings", COST_MAX_BILL_MAPPINGS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array != NULL)
    {
      g_autoptr(GVariant) mappings = NULL;

      if (!cost_bill_mappings_read (&r->json, array, &mappings, error))
        return FALSE;
      cost_project_set_bill_mappings (project, mappings, NULL);
    }

  array = cost_json_reader_array (&r->json, object, "actuals", COST_MAX_ACTUALS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array != NULL)
    {
      g_autoptr(GVariant) actuals = NULL;

      if (!cost_actuals_read (&r->json, array, &actuals, error))
        return FALSE;
      if (actuals != NULL && !cost_project_get_start_month (project, NULL))
        return cost_json_reader_fail (&r->json, "start", error,
                                      _("is missing: a project with actual spending needs its start month"));
      cost_project_set_actuals (project, actuals, NULL);
    }

  array = cost_json_reader_array (&r->json, object, "actual_traffic", COST_MAX_TRAFFIC_MONTHS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (array != NULL && !read_traffic (r, array, project, error))
    return FALSE;

  return TRUE;
}

static CostProject *
read_project (Reader      *r,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object;
  const char *format, *title, *description, *currency;
  int version, horizon;
  double monthly_budget, annual_budget;
  JsonArray *array;
  GError *local_error = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(JsonObject) extras = NULL;
  g_autoptr(GHashTable) scenario_ids = NULL;

  if (root == NULL)
    {
      cost_json_reader_fail (&r->json, NULL, error, _("the file is empty"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      cost_json_reader_fail (&r->json, NULL, error, _("not a ModelCost project (the document is not a JSON object)"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!json_object_has_member (object, "format") ||
      !cost_json_reader_string (&r->json, object, "format", TRUE, &format, NULL) ||
      strcmp (format, COST_PROJECT_FORMAT) != 0)
    {
      cost_json_reader_fail (&r->json, "format", error, _("must be “modelcost”: this is not a ModelCost project"));
      return NULL;
    }

  if (!cost_json_reader_int (&r->json, object, "version", TRUE, 0, 1, G_MAXINT, &version, error))
    return NULL;

  if (version > COST_PROJECT_VERSION)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_VERSION,
                   _("version: the file was written by a newer ModelCost (format version %d; "
                     "this version reads up to %d); update ModelCost to open it"),
                   version, COST_PROJECT_VERSION);
      return NULL;
    }

  if (!cost_json_reader_string (&r->json, object, "title", FALSE, &title, error) ||
      !cost_json_reader_string (&r->json, object, "description", FALSE, &description, error) ||
      !cost_json_reader_string (&r->json, object, "currency", TRUE, &currency, error) ||
      !cost_json_reader_int (&r->json, object, "horizon_months", FALSE, 12,
                                 cost_value_range (COST_VALUE_HORIZON)->min,
                                 cost_value_range (COST_VALUE_HORIZON)->max, &horizon, error) ||
      !_cost_reader_value (r, object, "monthly_budget", FALSE, COST_VALUE_BUDGET, 0, &monthly_budget, error) ||
      !_cost_reader_value (r, object, "annual_budget", FALSE, COST_VALUE_BUDGET, 0, &annual_budget, error))
    return NULL;

  if (!cost_check_currency (currency, NULL))
    {
      cost_json_reader_fail (&r->json, "currency", error, _("must be a three-letter ISO 4217 code such as CNY"));
      return NULL;
    }

  {
    const char *start;

    if (!cost_json_reader_string (&r->json, object, "start", FALSE, &start, error))
      return NULL;
    if (start[0] != '\0' && !cost_month_parse (start, &(int) { 0 }, NULL))
      {
        cost_json_reader_fail (&r->json, "start", error, _("must be a month of the form YYYY-MM"));
        return NULL;
      }

    project = cost_project_new ();
    cost_project_set_start (project, start, NULL);
  }
  cost_project_set_title (project, title, NULL);
  cost_project_set_description (project, description, NULL);
  cost_project_set_currency (project, currency, NULL);
  cost_project_set_horizon (project, horizon, NULL);
  cost_project_set_monthly_budget (project, monthly_budget, NULL);
  cost_project_set_annual_budget (project, annual_budget, NULL);

  {
    double pue;

    if (!cost_json_reader_number (&r->json, object, "pue", FALSE, 1.3, 1.0, 3.0, &pue, error) ||
        !_cost_reader_exchange_rates (r, object, project, error))
      return NULL;
    cost_project_set_pue (project, pue, NULL);
  }

  if (!read_uncertainty (r, object, project, error))
    return NULL;

  if (json_object_has_member (object, "workload"))
    {
      g_autoptr(CostWorkload) workload = cost_workload_new ();
      g_autoptr(GVariant) ranges = NULL;

      if (!_cost_reader_values (r, object, "workload", _cost_reader_workload_keys, cost_workload_check_value,
                        _cost_reader_set_workload_value, workload, &ranges, error))
        return NULL;
      cost_workload_set_ranges (workload, ranges);
      cost_project_set_workload (project, workload);
    }

  array = cost_json_reader_array (&r->json, object, "models", 1000, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "models");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = cost_json_reader_push_index (&r->json, i);
          JsonObject *m = cost_json_reader_element (&r->json, array, i, error);
          g_autoptr(CostServedModel) model = NULL;

          if (m == NULL || (model = _cost_reader_model (r, m, error)) == NULL)
            return NULL;

          cost_project_add_model (project, model);
          cost_json_reader_pop (&r->json, saved_index);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  array = cost_json_reader_array (&r->json, object, "categories", COST_MAX_CATEGORIES, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (array == NULL)
    {
      cost_json_reader_fail (&r->json, "categories", error, _("is missing"));
      return NULL;
    }

  if (r->split != NULL)
    {
      r->context.models = r->models;
      r->context.horizon = horizon;
      cost_json_split_start (r->split, read_piece, (GDestroyNotify) g_ptr_array_unref, &r->context);
    }

  {
    gsize saved = cost_json_reader_push_key (&r->json, "categories");

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        gsize saved_index = cost_json_reader_push_index (&r->json, i);
        JsonObject *c = cost_json_reader_element (&r->json, array, i, error);
        g_autoptr(CostCategory) category = NULL;

        r->category = i;
        if (c == NULL || (category = read_category (r, c, horizon, error)) == NULL)
          return NULL;

        cost_project_add_category (project, category);
        cost_json_reader_pop (&r->json, saved_index);
      }
    cost_json_reader_pop (&r->json, saved);
  }

  array = cost_json_reader_array (&r->json, object, "scenarios", COST_MAX_SCENARIOS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Every scenario may recompute every item: the work is bounded. */
  if (array != NULL &&
      (guint64) json_array_get_length (array) * r->n_items > COST_MAX_SCENARIO_ITEMS)
    {
      cost_json_reader_fail (&r->json, "scenarios", error,
            _("%u scenarios of %u items are too many to compute (scenarios × items must not exceed %d)"),
            json_array_get_length (array), r->n_items, COST_MAX_SCENARIO_ITEMS);
      return NULL;
    }

  scenario_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (array != NULL)
    {
      gsize saved = cost_json_reader_push_key (&r->json, "scenarios");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize saved_index = cost_json_reader_push_index (&r->json, i);
          JsonObject *s = cost_json_reader_element (&r->json, array, i, error);
          g_autoptr(CostScenario) scenario = NULL;

          if (s == NULL || (scenario = _cost_reader_scenario (r, s, horizon, scenario_ids, error)) == NULL)
            return NULL;

          cost_project_add_scenario (project, scenario);
          cost_json_reader_pop (&r->json, saved_index);
        }
      cost_json_reader_pop (&r->json, saved);
    }

  if (!read_actuals (r, object, project, error))
    return NULL;

  if (!cost_json_reader_extras (&r->json, object, project_keys, &extras, error))
    return NULL;
  _cost_project_set_extras (project, extras);

  return g_steal_pointer (&project);
}

static void
unref_func (gpointer data,
            gpointer user_data)
{
  json_node_unref (data);
}

/* Freeing the parse tree of a large file takes a good part of the time of
 * loading it; it is done in a worker thread instead of the caller's. */
static void
release_in_background (JsonNode *root)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (unref_func, NULL, 1, FALSE, NULL));

  g_thread_pool_push (pool, root, NULL);
}

/* Reads @root; with @split, takes it over and reads the items from it, and
 * sets @again when the document must be read whole to tell what is wrong. */
static CostProject *
read_tree (JsonNode       *root,
           CostJsonSplit  *split,
           gboolean       *again,
           GError        **error)
{
  CostProject *project;
  Reader r = { { NULL, 0 }, };

  cost_json_reader_init (&r.json);
  r.ids = g_hash_table_new (g_str_hash, g_str_equal); /* keys belong to the tree or the items */
  r.models = g_hash_table_new (g_str_hash, g_str_equal);
  r.split = split;
  project = read_project (&r, root, error);

  if (split != NULL)
    {
      if (project != NULL && !cost_json_split_all_taken (split))
        {
          g_clear_object (&project);
          r.again = TRUE;
        }

      /* A problem met before the pieces is the first one only when they
       * are JSON: a reader of the whole would have stopped at a piece
       * that is not. */
      if (project == NULL && !r.again && !cost_json_split_is_valid (split))
        r.again = TRUE;

      *again = r.again;
      /* Before the models the pieces may still look at go. */
      cost_json_split_free (split);
    }

  cost_json_reader_clear (&r.json);
  g_hash_table_unref (r.ids);
  g_hash_table_unref (r.models);
  if (root != NULL)
    release_in_background (root);

  return project;
}

/**
 * _cost_project_load_from_data_with:
 * @mode: whether the items are read in pieces
 * @piece_bytes: the size of the pieces, with %COST_LOAD_PIECES
 *
 * What cost_project_load_from_data() does, with the choice of the way.
 */
CostProject *
_cost_project_load_from_data_with (const char    *data,
                                   gssize         length,
                                   CostLoadMode   mode,
                                   gsize          piece_bytes,
                                   GError       **error)
{
  g_autoptr(GError) parse_error = NULL;
  CostProject *project;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if ((gsize) length > COST_MAX_FILE_BYTES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("the file is larger than %d MB"), COST_MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  /* A nul byte is not valid here either. */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_PARSE,
                           _("the file is not UTF-8 text"));
      return NULL;
    }

  if (mode == COST_LOAD_AUTO && length >= COST_LOAD_PIECES_MIN_BYTES)
    {
      mode = COST_LOAD_PIECES;
      piece_bytes = COST_LOAD_PIECE_BYTES;
    }

  if (mode == COST_LOAD_PIECES)
    {
      /* The same checks as cost_json_parse(): if they pass, the document is
       * not looked at again, in pieces or whole. */
      CostJsonSplit *split = cost_json_split_new (data, length, COST_MAX_DEPTH, piece_bytes, &parse_error);

      if (split == NULL && parse_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse_error));
          return NULL;
        }

      /* Too many items: the reader of the whole says so, in its place. */
      if (split != NULL && cost_json_split_get_n_elements (split) > COST_MAX_ITEMS)
        g_clear_pointer (&split, cost_json_split_free);

      if (split != NULL && (root = cost_json_split_parse_skeleton (split)) != NULL)
        {
          gboolean again = FALSE;

          project = read_tree (root, split, &again, &parse_error);
          if (!again)
            {
              if (parse_error != NULL)
                g_propagate_error (error, g_steal_pointer (&parse_error));
              return project;
            }
          g_clear_error (&parse_error);
        }
      else if (split != NULL)
        cost_json_split_free (split);
    }

  /* A document of white space parses to nothing, without an error. */
  root = mode == COST_LOAD_PIECES ? cost_json_parse_checked (data, length, &parse_error) :
                                    cost_json_parse (data, length, COST_MAX_DEPTH, &parse_error);
  if (root == NULL && parse_error != NULL && parse_error->domain == COST_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return NULL;
    }

  if (root == NULL && parse_error != NULL)
    {
      const char *message = parse_error->message;
      g_autofree char *valid = NULL;

      /* json-glib prefixes "<data>:" to its line:column position, and may
       * quote the bytes it could not read */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      valid = g_utf8_make_valid (message, -1);
      g_set_error (error, COST_ERROR, COST_ERROR_PARSE, _("not valid JSON: %s"), valid);
      return NULL;
    }

  return read_tree (root, NULL, NULL, error);
}

/**
 * cost_project_load_from_data:
 * @length: the length of @data, or -1 if it is nul-terminated
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error
 *   naming the JSON path and the reason
 */
CostProject *
cost_project_load_from_data (const char  *data,
                             gssize       length,
                             GError     **error)
{
  return _cost_project_load_from_data_with (data, length, COST_LOAD_AUTO, 0, error);
}

/**
 * cost_project_load:
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with an @error
 *   of the form "FILE: JSON path: reason"
 */
CostProject *
cost_project_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  CostProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ?
                   _("no such file") : local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: %s", name,
                   _("is a folder, not a project file"));
      return NULL;
    }

  /* A device or a pipe could be read without end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: %s", name,
                   _("is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > COST_MAX_FILE_BYTES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT, "%s: %s", name,
                   _("the file is too large to be a project (the limit is 16 MB)"));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  project = cost_project_load_from_data (contents, length, &local_error);
  if (project == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return project;
}
