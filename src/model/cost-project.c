/* cost-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-actuals.h"
#include "cost-bill-mappings.h"
#include "cost-bill-rules.h"
#include "cost-category-private.h"
#include "cost-month.h"
#include "cost-names.h"
#include "cost-project-private.h"
#include "cost-sampler.h"
#include "cost-sizing.h"
#include "cost-values.h"

#include <math.h>
#include <string.h>

struct _CostProject
{
  GObject     parent_instance;

  char       *title;
  char       *description;
  char       *currency;
  int         horizon;
  double      monthly_budget;
  double      annual_budget;
  GListStore *categories;
  GListStore *scenarios;
  GListStore *models;
  CostWorkload *workload;
  double      pue;
  GHashTable *rates;      /* currency → ExchangeRate */
  guint       samples;    /* of a simulation */
  guint64     seed;
  GVariant   *correlations;  /* a{sd}: group → rank correlation */
  char       *start;      /* "YYYY-MM", "" for none */
  GVariant   *actuals;    /* COST_ACTUALS_TYPE, sorted */
  GVariant   *bill_rules; /* COST_BILL_RULES_TYPE */
  GVariant   *bill_mappings; /* COST_BILL_SAVED_MAPPINGS_TYPE */
  GVariant   *traffic;    /* COST_ACTUAL_TRAFFIC_TYPE, sorted */

  JsonObject *extras;

  guint64     serial;
  guint       change_depth;
  guint       change_pending : 1;
  guint       syncing : 1;
};

typedef struct
{
  double  rate;
  char   *as_of;
} ExchangeRate;

static void
exchange_rate_free (gpointer data)
{
  ExchangeRate *rate = data;

  g_free (rate->as_of);
  g_free (rate);
}

static void sync_driven_items (CostProject *self);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

G_DEFINE_FINAL_TYPE (CostProject, cost_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CURRENCY,
  PROP_HORIZON,
  PROP_MONTHLY_BUDGET,
  PROP_ANNUAL_BUDGET,
  PROP_CATEGORIES,
  PROP_SCENARIOS,
  PROP_WORKLOAD,
  PROP_PUE,
  PROP_SAMPLES,
  PROP_SEED,
  PROP_CORRELATIONS,
  PROP_START,
  PROP_ACTUALS,
  PROP_BILL_RULES,
  PROP_BILL_MAPPINGS,
  PROP_ACTUAL_TRAFFIC,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (CostProject *self)
{
  self->serial++;

  /* Driven quantities follow the workload and the models they depend on:
   * updated here, within the same change. */
  if (!self->syncing)
    {
      self->syncing = TRUE;
      self->change_depth++;
      sync_driven_items (self);
      self->change_depth--;
      self->syncing = FALSE;
      self->change_pending = FALSE;
    }
  else
    return;

  if (self->change_depth > 0)
    {
      self->change_pending = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_child_changed_cb (GObject     *child,
                     CostProject *self)
{
  emit_changed (self);
}

static void
on_list_changed_cb (GListModel  *model,
                    guint        position,
                    guint        removed,
                    guint        added,
                    CostProject *self)
{
  emit_changed (self);
}

static void
detach_all (CostProject *self,
            GListStore  *store)
{
  guint n;

  if (store == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_signal_handlers_disconnect_by_data (child, self);
      if (COST_IS_CATEGORY (child))
        _cost_category_set_project (COST_CATEGORY (child), NULL);
    }
  g_signal_handlers_disconnect_by_data (store, self);
}

static void
cost_project_dispose (GObject *object)
{
  CostProject *self = (CostProject *) object;

  detach_all (self, self->categories);
  detach_all (self, self->scenarios);
  detach_all (self, self->models);
  if (self->workload != NULL)
    g_signal_handlers_disconnect_by_data (self->workload, self);
  g_clear_object (&self->categories);
  g_clear_object (&self->scenarios);
  g_clear_object (&self->models);
  g_clear_object (&self->workload);

  G_OBJECT_CLASS (cost_project_parent_class)->dispose (object);
}

static void
cost_project_finalize (GObject *object)
{
  CostProject *self = (CostProject *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->rates, g_hash_table_unref);
  g_clear_pointer (&self->correlations, g_variant_unref);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->actuals, g_variant_unref);
  g_clear_pointer (&self->bill_rules, g_variant_unref);
  g_clear_pointer (&self->bill_mappings, g_variant_unref);
  g_clear_pointer (&self->traffic, g_variant_unref);
  g_clear_pointer (&self->extras, json_object_unref);

  G_OBJECT_CLASS (cost_project_parent_class)->finalize (object);
}

static void
cost_project_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CostProject *self = COST_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_HORIZON:
      g_value_set_int (value, self->horizon);
      break;
    case PROP_MONTHLY_BUDGET:
      g_value_set_double (value, self->monthly_budget);
      break;
    case PROP_ANNUAL_BUDGET:
      g_value_set_double (value, self->annual_budget);
      break;
    case PROP_CATEGORIES:
      g_value_set_object (value, self->categories);
      break;
    case PROP_SCENARIOS:
      g_value_set_object (value, self->scenarios);
      break;
    case PROP_WORKLOAD:
      g_value_set_object (value, self->workload);
      break;
    case PROP_PUE:
      g_value_set_double (value, self->pue);
      break;
    case PROP_SAMPLES:
      g_value_set_uint (value, self->samples);
      break;
    case PROP_SEED:
      g_value_set_uint64 (value, self->seed);
      break;
    case PROP_CORRELATIONS:
      g_value_set_variant (value, self->correlations);
      break;
    case PROP_START:
      g_value_set_string (value, self->start);
      break;
    case PROP_ACTUALS:
      g_value_set_variant (value, self->actuals);
      break;
    case PROP_BILL_RULES:
      g_value_set_variant (value, self->bill_rules);
      break;
    case PROP_BILL_MAPPINGS:
      g_value_set_variant (value, self->bill_mappings);
      break;
    case PROP_ACTUAL_TRAFFIC:
      g_value_set_variant (value, self->traffic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_project_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CostProject *self = COST_PROJECT (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (prop_id)
    {
    case PROP_TITLE:
      ok = cost_project_set_title (self, g_value_get_string (value), &error);
      break;
    case PROP_DESCRIPTION:
      ok = cost_project_set_description (self, g_value_get_string (value), &error);
      break;
    case PROP_CURRENCY:
      ok = cost_project_set_currency (self, g_value_get_string (value), &error);
      break;
    case PROP_HORIZON:
      ok = cost_project_set_horizon (self, g_value_get_int (value), &error);
      break;
    case PROP_MONTHLY_BUDGET:
      ok = cost_project_set_monthly_budget (self, g_value_get_double (value), &error);
      break;
    case PROP_ANNUAL_BUDGET:
      ok = cost_project_set_annual_budget (self, g_value_get_double (value), &error);
      break;
    case PROP_WORKLOAD:
      cost_project_set_workload (self, g_value_get_object (value));
      break;
    case PROP_PUE:
      ok = cost_project_set_pue (self, g_value_get_double (value), &error);
      break;
    case PROP_SAMPLES:
      ok = cost_project_set_samples (self, g_value_get_uint (value), &error);
      break;
    case PROP_SEED:
      ok = cost_project_set_seed (self, g_value_get_uint64 (value), &error);
      break;
    case PROP_CORRELATIONS:
      ok = cost_project_set_correlations (self, g_value_get_variant (value), &error);
      break;
    case PROP_START:
      ok = cost_project_set_start (self, g_value_get_string (value), &error);
      break;
    case PROP_ACTUALS:
      ok = cost_project_set_actuals (self, g_value_get_variant (value), &error);
      break;
    case PROP_BILL_RULES:
      ok = cost_project_set_bill_rules (self, g_value_get_variant (value), &error);
      break;
    case PROP_BILL_MAPPINGS:
      ok = cost_project_set_bill_mappings (self, g_value_get_variant (value), &error);
      break;
    case PROP_ACTUAL_TRAFFIC:
      ok = cost_project_set_actual_traffic (self, g_value_get_variant (value), &error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (!ok)
    g_warning ("Refused %s: %s", pspec->name, error->message);
}

static void
cost_project_class_init (CostProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_project_dispose;
  object_class->finalize = cost_project_finalize;
  object_class->get_property = cost_project_get_property;
  object_class->set_property = cost_project_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "CNY", flags);
  properties[PROP_HORIZON] = g_param_spec_int ("horizon", NULL, NULL, 1, COST_MAX_HORIZON, 12, flags);
  properties[PROP_MONTHLY_BUDGET] =
    g_param_spec_double ("monthly-budget", NULL, NULL, 0, COST_MAX_AMOUNT, 0, flags);
  properties[PROP_ANNUAL_BUDGET] =
    g_param_spec_double ("annual-budget", NULL, NULL, 0, COST_MAX_AMOUNT, 0, flags);
  properties[PROP_CATEGORIES] =
    g_param_spec_object ("categories", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIOS] =
    g_param_spec_object ("scenarios", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKLOAD] =
    g_param_spec_object ("workload", NULL, NULL, COST_TYPE_WORKLOAD, flags);
  properties[PROP_PUE] = g_param_spec_double ("pue", NULL, NULL, 1.0, 3.0, 1.3, flags);
  properties[PROP_SAMPLES] =
    g_param_spec_uint ("samples", NULL, NULL, COST_SAMPLER_MIN_SAMPLES, COST_SAMPLER_MAX_SAMPLES,
                       COST_SAMPLER_DEFAULT_SAMPLES, flags);
  properties[PROP_SEED] = g_param_spec_uint64 ("seed", NULL, NULL, 0, COST_PROJECT_MAX_SEED, 1, flags);
  properties[PROP_CORRELATIONS] =
    g_param_spec_variant ("correlations", NULL, NULL, G_VARIANT_TYPE ("a{sd}"), NULL, flags);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, "", flags);
  properties[PROP_ACTUALS] =
    g_param_spec_variant ("actuals", NULL, NULL, COST_ACTUALS_TYPE, NULL, flags);
  properties[PROP_BILL_RULES] =
    g_param_spec_variant ("bill-rules", NULL, NULL, COST_BILL_RULES_TYPE, NULL, flags);
  properties[PROP_BILL_MAPPINGS] =
    g_param_spec_variant ("bill-mappings", NULL, NULL, COST_BILL_SAVED_MAPPINGS_TYPE, NULL, flags);
  properties[PROP_ACTUAL_TRAFFIC] =
    g_param_spec_variant ("actual-traffic", NULL, NULL, COST_ACTUAL_TRAFFIC_TYPE, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostProject::changed:
   *
   * Emitted once per logical edit of the project or anything in it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_project_init (CostProject *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->currency = g_strdup ("CNY");
  self->horizon = 12;
  self->categories = g_list_store_new (COST_TYPE_CATEGORY);
  self->scenarios = g_list_store_new (COST_TYPE_SCENARIO);
  self->models = g_list_store_new (COST_TYPE_SERVED_MODEL);
  self->pue = 1.3;
  self->samples = COST_SAMPLER_DEFAULT_SAMPLES;
  self->seed = 1;
  self->start = g_strdup ("");
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, exchange_rate_free);
  g_signal_connect (self->categories, "items-changed", G_CALLBACK (on_list_changed_cb), self);
  g_signal_connect (self->scenarios, "items-changed", G_CALLBACK (on_list_changed_cb), self);
  g_signal_connect (self->models, "items-changed", G_CALLBACK (on_list_changed_cb), self);
}

/* The item at @position of a list the project owns, without a new reference. */
static gpointer
peek_item (GListStore *store,
           guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return item;
}

/* The first item of @store whose id is @id. */
static gpointer
find_by_id (GListStore   *store,
            const char *(*get_id) (gpointer),
            const char   *id,
            guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      gpointer item = peek_item (store, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

/**
 * cost_project_new:
 *
 * Returns: (transfer full): an empty project
 */
CostProject *
cost_project_new (void)
{
  return g_object_new (COST_TYPE_PROJECT, NULL);
}

/**
 * cost_project_new_default:
 *
 * Returns: (transfer full): a new project with the four standard categories
 */
CostProject *
cost_project_new_default (void)
{
  CostProject *self = cost_project_new ();

  cost_project_set_title (self, _("Untitled Project"), NULL);
  for (guint i = 0; i < cost_names_get_n_default_categories (); i++)
    {
      const char *id, *name, *color;
      g_autoptr(CostCategory) category = NULL;

      cost_names_get_default_category (i, &id, &name, &color);
      category = cost_category_new (id, name);
      cost_category_set_color (category, color, NULL);
      cost_project_add_category (self, category);
    }
  self->serial = 0;

  return self;
}

static gboolean
set_text (CostProject  *self,
          char        **field,
          const char   *value,
          guint         prop,
          GError      **error)
{
  if (value == NULL)
    value = "";

  if (!cost_check_text (value, error))
    return FALSE;

  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      emit_changed (self);
    }

  return TRUE;
}

const char *
cost_project_get_title (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->title;
}

gboolean
cost_project_set_title (CostProject  *self,
                        const char   *title,
                        GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  return set_text (self, &self->title, title, PROP_TITLE, error);
}

const char *
cost_project_get_description (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->description;
}

gboolean
cost_project_set_description (CostProject  *self,
                              const char   *description,
                              GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  return set_text (self, &self->description, description, PROP_DESCRIPTION, error);
}

const char *
cost_project_get_currency (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->currency;
}

gboolean
cost_project_set_currency (CostProject  *self,
                           const char   *currency,
                           GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!cost_check_currency (currency, error))
    return FALSE;

  return set_text (self, &self->currency, currency, PROP_CURRENCY, error);
}

int
cost_project_get_horizon (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 12);

  return self->horizon;
}

/**
 * cost_project_set_horizon:
 *
 * Refuses a horizon that would leave an item starting or ending after it.
 */
gboolean
cost_project_set_horizon (CostProject  *self,
                          int           months,
                          GError      **error)
{
  double value = months;
  guint n;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!cost_value_check (COST_VALUE_HORIZON, &value, error))
    return FALSE;

  n = cost_project_get_n_categories (self);
  for (guint i = 0; i < n; i++)
    {
      CostCategory *category = cost_project_get_category (self, i);
      guint n_items = cost_category_get_n_items (category);

      for (guint j = 0; j < n_items; j++)
        {
          CostItem *item = cost_category_get_item (category, j);

          if (cost_item_get_start_month (item) >= months || cost_item_get_end_month (item) >= months)
            {
              g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("“%s” is active after month %d; change its months first"),
                           cost_item_get_name (item), months);
              return FALSE;
            }
        }
    }

  if (self->horizon != months)
    {
      self->horizon = months;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZON]);
      emit_changed (self);
    }

  return TRUE;
}

double
cost_project_get_monthly_budget (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return self->monthly_budget;
}

/**
 * cost_project_set_monthly_budget:
 * @budget: the monthly budget, 0 for none
 */
gboolean
cost_project_set_monthly_budget (CostProject  *self,
                                 double        budget,
                                 GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!cost_check_amount (budget, _("The monthly budget"), error))
    return FALSE;

  if (self->monthly_budget != budget)
    {
      self->monthly_budget = budget;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTHLY_BUDGET]);
      emit_changed (self);
    }

  return TRUE;
}

double
cost_project_get_annual_budget (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return self->annual_budget;
}

gboolean
cost_project_set_annual_budget (CostProject  *self,
                                double        budget,
                                GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!cost_check_amount (budget, _("The annual budget"), error))
    return FALSE;

  if (self->annual_budget != budget)
    {
      self->annual_budget = budget;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_BUDGET]);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * cost_project_get_categories:
 *
 * Returns: (transfer none): a #GListModel of #CostCategory
 */
GListModel *
cost_project_get_categories (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->categories);
}

guint
cost_project_get_n_categories (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->categories));
}

/**
 * cost_project_get_category:
 *
 * Returns: (transfer none) (nullable): the category at @position
 */
CostCategory *
cost_project_get_category (CostProject *self,
                           guint        position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return peek_item (self->categories, position);
}

/**
 * cost_project_find_category:
 * @position: (out) (optional):
 *
 * Returns: (transfer none) (nullable): the category with @id
 */
CostCategory *
cost_project_find_category (CostProject *self,
                            const char  *id,
                            guint       *position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return find_by_id (self->categories, (const char *(*) (gpointer)) cost_category_get_id, id, position);
}

/**
 * cost_project_find_item:
 * @category: (out) (optional) (transfer none):
 *
 * Returns: (transfer none) (nullable): the baseline item with @item_id
 */
CostItem *
cost_project_find_item (CostProject   *self,
                        const char    *item_id,
                        CostCategory **category)
{
  guint n;

  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  n = cost_project_get_n_categories (self);
  for (guint i = 0; i < n; i++)
    {
      CostCategory *c = cost_project_get_category (self, i);
      CostItem *item = cost_category_find_item (c, item_id, NULL);

      if (item != NULL)
        {
          if (category != NULL)
            *category = c;
          return item;
        }
    }

  return NULL;
}

void
cost_project_insert_category (CostProject  *self,
                              guint         position,
                              CostCategory *category)
{
  g_return_if_fail (COST_IS_PROJECT (self));
  g_return_if_fail (COST_IS_CATEGORY (category));
  g_return_if_fail (cost_category_get_project (category) == NULL);

  position = MIN (position, cost_project_get_n_categories (self));
  _cost_category_set_project (category, self);
  g_signal_connect (category, "changed", G_CALLBACK (on_child_changed_cb), self);
  g_list_store_insert (self->categories, position, category);
}

void
cost_project_add_category (CostProject  *self,
                           CostCategory *category)
{
  cost_project_insert_category (self, G_MAXUINT, category);
}

void
cost_project_remove_category (CostProject *self,
                              guint        position)
{
  g_autoptr(CostCategory) category = NULL;

  g_return_if_fail (COST_IS_PROJECT (self));

  category = g_list_model_get_item (G_LIST_MODEL (self->categories), position);
  g_return_if_fail (category != NULL);

  g_signal_handlers_disconnect_by_data (category, self);
  _cost_category_set_project (category, NULL);
  g_list_store_remove (self->categories, position);
}

void
cost_project_move_category (CostProject *self,
                            guint        from,
                            guint        to)
{
  guint n;

  g_return_if_fail (COST_IS_PROJECT (self));

  n = cost_project_get_n_categories (self);
  g_return_if_fail (from < n && to < n);

  cost_list_store_move (self->categories, from, to);
}

guint
cost_project_get_n_items (CostProject *self)
{
  guint n, total = 0;

  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  n = cost_project_get_n_categories (self);
  for (guint i = 0; i < n; i++)
    total += cost_category_get_n_items (cost_project_get_category (self, i));

  return total;
}

/**
 * cost_project_get_scenarios:
 *
 * Returns: (transfer none): a #GListModel of #CostScenario
 */
GListModel *
cost_project_get_scenarios (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->scenarios);
}

guint
cost_project_get_n_scenarios (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->scenarios));
}

/**
 * cost_project_get_scenario:
 *
 * Returns: (transfer none) (nullable):
 */
CostScenario *
cost_project_get_scenario (CostProject *self,
                           guint        position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return peek_item (self->scenarios, position);
}

/**
 * cost_project_find_scenario:
 * @position: (out) (optional):
 *
 * Returns: (transfer none) (nullable):
 */
CostScenario *
cost_project_find_scenario (CostProject *self,
                            const char  *id,
                            guint       *position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return find_by_id (self->scenarios, (const char *(*) (gpointer)) cost_scenario_get_id, id, position);
}

void
cost_project_insert_scenario (CostProject  *self,
                              guint         position,
                              CostScenario *scenario)
{
  g_return_if_fail (COST_IS_PROJECT (self));
  g_return_if_fail (COST_IS_SCENARIO (scenario));

  position = MIN (position, cost_project_get_n_scenarios (self));
  g_signal_connect (scenario, "changed", G_CALLBACK (on_child_changed_cb), self);
  g_list_store_insert (self->scenarios, position, scenario);
}

void
cost_project_add_scenario (CostProject  *self,
                           CostScenario *scenario)
{
  cost_project_insert_scenario (self, G_MAXUINT, scenario);
}

void
cost_project_remove_scenario (CostProject *self,
                              guint        position)
{
  g_autoptr(CostScenario) scenario = NULL;

  g_return_if_fail (COST_IS_PROJECT (self));

  scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), position);
  g_return_if_fail (scenario != NULL);

  g_signal_handlers_disconnect_by_data (scenario, self);
  g_list_store_remove (self->scenarios, position);
}

/**
 * cost_project_get_workload:
 *
 * Returns: (transfer none) (nullable): the serving traffic, if the project describes it
 */
CostWorkload *
cost_project_get_workload (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->workload;
}

void
cost_project_set_workload (CostProject  *self,
                           CostWorkload *workload)
{
  g_return_if_fail (COST_IS_PROJECT (self));
  g_return_if_fail (!workload || COST_IS_WORKLOAD (workload));

  if (self->workload == workload)
    return;

  if (self->workload != NULL)
    g_signal_handlers_disconnect_by_data (self->workload, self);
  g_set_object (&self->workload, workload);
  if (workload != NULL)
    g_signal_connect (workload, "changed", G_CALLBACK (on_child_changed_cb), self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKLOAD]);
  emit_changed (self);
}

/**
 * cost_project_get_models:
 *
 * Returns: (transfer none): a #GListModel of #CostServedModel
 */
GListModel *
cost_project_get_models (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->models);
}

guint
cost_project_get_n_models (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->models));
}

/**
 * cost_project_get_model:
 *
 * Returns: (transfer none) (nullable):
 */
CostServedModel *
cost_project_get_model (CostProject *self,
                        guint        position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return peek_item (self->models, position);
}

/**
 * cost_project_find_model:
 * @position: (out) (optional):
 *
 * Returns: (transfer none) (nullable):
 */
CostServedModel *
cost_project_find_model (CostProject *self,
                         const char  *id,
                         guint       *position)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return find_by_id (self->models, (const char *(*) (gpointer)) cost_served_model_get_id, id, position);
}

void
cost_project_insert_model (CostProject     *self,
                           guint            position,
                           CostServedModel *model)
{
  g_return_if_fail (COST_IS_PROJECT (self));
  g_return_if_fail (COST_IS_SERVED_MODEL (model));
  g_return_if_fail (position <= cost_project_get_n_models (self));

  g_signal_connect (model, "changed", G_CALLBACK (on_child_changed_cb), self);
  g_list_store_insert (self->models, position, model);
}

void
cost_project_add_model (CostProject     *self,
                        CostServedModel *model)
{
  g_return_if_fail (COST_IS_PROJECT (self));

  cost_project_insert_model (self, cost_project_get_n_models (self), model);
}

/**
 * cost_project_remove_model:
 *
 * Removes a served model; the items it drove keep their last quantity.
 */
void
cost_project_remove_model (CostProject *self,
                           guint        position)
{
  g_autoptr(CostServedModel) model = NULL;
  guint n;

  g_return_if_fail (COST_IS_PROJECT (self));

  model = g_list_model_get_item (G_LIST_MODEL (self->models), position);
  g_return_if_fail (model != NULL);

  cost_project_begin_change (self);
  n = cost_project_get_n_categories (self);
  for (guint c = 0; c < n; c++)
    {
      CostCategory *category = cost_project_get_category (self, c);
      guint n_items = cost_category_get_n_items (category);

      for (guint i = 0; i < n_items; i++)
        {
          CostItem *item = cost_category_get_item (category, i);

          if (g_strcmp0 (cost_item_get_driver (item), cost_served_model_get_id (model)) == 0)
            cost_item_set_driver (item, NULL);
        }
    }
  g_signal_handlers_disconnect_by_data (model, self);
  g_list_store_remove (self->models, position);
  cost_project_end_change (self);
}

double
cost_project_get_pue (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 1.3);

  return self->pue;
}

/**
 * cost_project_set_pue:
 * @pue: power usage effectiveness of the data centre (1.0 to 3.0)
 */
gboolean
cost_project_set_pue (CostProject  *self,
                      double        pue,
                      GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!isfinite (pue) || pue < 1.0 || pue > 3.0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The PUE must be between 1.0 and 3.0"));
      return FALSE;
    }

  if (self->pue != pue)
    {
      self->pue = pue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUE]);
      emit_changed (self);
    }

  return TRUE;
}

guint
cost_project_get_samples (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return self->samples;
}

/**
 * cost_project_set_samples:
 * @samples: how many samples a simulation of the plan draws
 */
gboolean
cost_project_set_samples (CostProject  *self,
                          guint         samples,
                          GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (samples < COST_SAMPLER_MIN_SAMPLES || samples > COST_SAMPLER_MAX_SAMPLES)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("The number of samples must be between %d and %d"),
                   COST_SAMPLER_MIN_SAMPLES, COST_SAMPLER_MAX_SAMPLES);
      return FALSE;
    }

  if (self->samples != samples)
    {
      self->samples = samples;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLES]);
      emit_changed (self);
    }

  return TRUE;
}

guint64
cost_project_get_seed (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return self->seed;
}

/**
 * cost_project_set_seed:
 * @seed: the seed of a simulation: the same seed draws the same samples
 */
gboolean
cost_project_set_seed (CostProject  *self,
                       guint64       seed,
                       GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (seed > COST_PROJECT_MAX_SEED)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The seed must be a whole number from 0 to 2⁵³ − 1"));
      return FALSE;
    }

  if (self->seed != seed)
    {
      self->seed = seed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
      emit_changed (self);
    }

  return TRUE;
}

/**
 * cost_project_get_correlations:
 *
 * Returns: (transfer none) (nullable): an `a{sd}` dictionary from group
 *   names to the rank correlation of the figures of each group
 */
GVariant *
cost_project_get_correlations (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->correlations;
}

/**
 * cost_project_set_correlations:
 * @correlations: (nullable): an `a{sd}` dictionary, each correlation from 0 to 1
 */
gboolean
cost_project_set_correlations (CostProject  *self,
                               GVariant     *correlations,
                               GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (correlations == NULL ||
                        g_variant_is_of_type (correlations, G_VARIANT_TYPE ("a{sd}")), FALSE);

  if (correlations != NULL)
    {
      GVariantIter iter;
      const char *group;
      double rho;

      sunk = g_variant_ref_sink (correlations);
      g_variant_iter_init (&iter, sunk);
      while (g_variant_iter_next (&iter, "{&sd}", &group, &rho))
        {
          if (!isfinite (rho) || rho < 0.0 || rho > 1.0)
            {
              g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The correlation of “%s” must be between 0 and 1"), group);
              return FALSE;
            }
        }
      if (g_variant_n_children (sunk) == 0)
        g_clear_pointer (&sunk, g_variant_unref);
    }

  if ((self->correlations == NULL && sunk == NULL) ||
      (self->correlations != NULL && sunk != NULL && g_variant_equal (self->correlations, sunk)))
    return TRUE;

  g_clear_pointer (&self->correlations, g_variant_unref);
  self->correlations = g_steal_pointer (&sunk);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRELATIONS]);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_get_correlation:
 *
 * Returns: the rank correlation of the figures of @group: the one the
 *   project sets, or %COST_SAMPLER_DEFAULT_CORRELATION
 */
double
cost_project_get_correlation (CostProject *self,
                              const char  *group)
{
  double rho;

  g_return_val_if_fail (COST_IS_PROJECT (self), 0.0);

  if (self->correlations != NULL && g_variant_lookup (self->correlations, group, "d", &rho))
    return rho;

  return COST_SAMPLER_DEFAULT_CORRELATION;
}

/**
 * cost_project_get_exchange_rate:
 * @rate: (out) (optional): how much of the project currency one unit of @currency buys
 * @as_of: (out) (optional) (transfer none): the date of the rate
 *
 * Returns: whether the project has a rate for @currency (or @currency is its own)
 */
gboolean
cost_project_get_exchange_rate (CostProject  *self,
                                const char   *currency,
                                double       *rate,
                                const char  **as_of)
{
  ExchangeRate *r;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (g_strcmp0 (currency, self->currency) == 0)
    {
      if (rate != NULL)
        *rate = 1.0;
      if (as_of != NULL)
        *as_of = "";
      return TRUE;
    }

  r = g_hash_table_lookup (self->rates, currency);
  if (r == NULL)
    return FALSE;

  if (rate != NULL)
    *rate = r->rate;
  if (as_of != NULL)
    *as_of = r->as_of;

  return TRUE;
}

/**
 * cost_project_set_exchange_rate:
 * @rate: project currency per unit of @currency (7.1 CNY per USD); 0 removes it
 */
gboolean
cost_project_set_exchange_rate (CostProject  *self,
                                const char   *currency,
                                double        rate,
                                const char   *as_of,
                                GError      **error)
{
  ExchangeRate *r;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (!cost_check_currency (currency, error) || !cost_check_date (as_of, error))
    return FALSE;

  if (!isfinite (rate) || rate < 0 || rate > 1e9)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The exchange rate must be a positive number"));
      return FALSE;
    }

  if (rate == 0)
    {
      if (g_hash_table_remove (self->rates, currency))
        emit_changed (self);
      return TRUE;
    }

  r = g_new0 (ExchangeRate, 1);
  r->rate = rate;
  r->as_of = g_strdup (as_of ? as_of : "");
  g_hash_table_insert (self->rates, g_strdup (currency), r);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_list_exchange_rates:
 *
 * Returns: (transfer full): the currencies with a rate, sorted
 */
GStrv
cost_project_list_exchange_rates (CostProject *self)
{
  guint n = 0;
  const char **keys;
  GStrv sorted;

  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->rates, &n);
  sorted = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    sorted[i] = g_strdup (keys[i]);
  g_free (keys);
  qsort (sorted, n, sizeof (char *), compare_strings);

  return sorted;
}

/**
 * cost_project_get_start:
 *
 * Returns: the calendar month of the plan's month 0, "YYYY-MM", or "" when
 *   the plan is not tied to the calendar
 */
const char *
cost_project_get_start (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), "");

  return self->start;
}

/**
 * cost_project_get_start_month:
 * @month: (out) (optional): the start as a month number (cost-month.h)
 *
 * Returns: whether the project has a start month
 */
gboolean
cost_project_get_start_month (CostProject *self,
                              int         *month)
{
  int m = 0;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (self->start[0] == '\0' || !cost_month_parse (self->start, &m, NULL))
    return FALSE;

  if (month != NULL)
    *month = m;

  return TRUE;
}

/**
 * cost_project_get_month_label:
 * @month: a month of the plan, counted from 0
 * @short_form: whether the label is for a chart's axis rather than a table
 *
 * Names plan month @month as every view shows it: see
 * cost_month_get_plan_label().
 *
 * Returns: (transfer full): the month for people: "Jan 2027" from a start
 *   month, else "Month 1" ("M1" in short form)
 */
char *
cost_project_get_month_label (CostProject *self,
                              int          month,
                              gboolean     short_form)
{
  int start;

  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  if (!cost_project_get_start_month (self, &start))
    start = -1;

  return cost_month_get_plan_label (start, month, short_form);
}

/**
 * cost_project_set_start:
 * @start: (nullable): the calendar month of the plan's month 0, "YYYY-MM";
 *   %NULL or "" for none, which a project with actual spending cannot have
 */
gboolean
cost_project_set_start (CostProject  *self,
                        const char   *start,
                        GError      **error)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (start == NULL)
    start = "";

  if (start[0] != '\0' && !cost_month_parse (start, &(int) { 0 }, error))
    return FALSE;

  if (start[0] == '\0' && self->actuals != NULL)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("A project with actual spending needs its start month"));
      return FALSE;
    }

  if (g_strcmp0 (self->start, start) == 0)
    return TRUE;

  g_free (self->start);
  self->start = g_strdup (start);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_get_actuals:
 *
 * Returns: (transfer none) (nullable): the records of actual spending, of
 *   the type %COST_ACTUALS_TYPE (cost-actuals.h), %NULL when there are none
 */
GVariant *
cost_project_get_actuals (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->actuals;
}

/* Takes @value (a floating reference is sunk) into @field when it differs;
 * an empty array is none. Returns whether @field changed. */
static gboolean
assign_variant (GVariant **field,
                GVariant  *value)
{
  if (value != NULL && g_variant_n_children (value) == 0)
    {
      g_variant_unref (value);
      value = NULL;
    }

  if ((*field == NULL && value == NULL) ||
      (*field != NULL && value != NULL && g_variant_equal (*field, value)))
    {
      g_clear_pointer (&value, g_variant_unref);
      return FALSE;
    }

  g_clear_pointer (field, g_variant_unref);
  *field = value;

  return TRUE;
}

/**
 * cost_project_set_actuals:
 * @actuals: (nullable): records of the type %COST_ACTUALS_TYPE, sorted as
 *   cost_actuals_check() wants them (cost_actuals_sort() and
 *   cost_actuals_put() make such arrays)
 *
 * Returns: %FALSE with @error when a record is not valid, the records are
 *   out of order, or the project has no start month
 */
gboolean
cost_project_set_actuals (CostProject  *self,
                          GVariant     *actuals,
                          GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (actuals == NULL || g_variant_is_of_type (actuals, COST_ACTUALS_TYPE), FALSE);

  if (actuals != NULL)
    {
      sunk = g_variant_ref_sink (actuals);
      if (!cost_actuals_check (sunk, error))
        return FALSE;
      if (g_variant_n_children (sunk) > 0 && self->start[0] == '\0')
        {
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("Set the project’s start month before its actual spending"));
          return FALSE;
        }
    }

  if (!assign_variant (&self->actuals, g_steal_pointer (&sunk)))
    return TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUALS]);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_get_actual_traffic:
 *
 * Returns: (transfer none) (nullable): the requests served each month, of
 *   the type %COST_ACTUAL_TRAFFIC_TYPE: ("YYYY-MM", requests) in order of
 *   months; %NULL when none are entered
 */
GVariant *
cost_project_get_actual_traffic (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->traffic;
}

/* Months "YYYY-MM" in order, each once; requests a number from 0 to
 * COST_MAX_AMOUNT. */
static gboolean
check_traffic (GVariant  *traffic,
               GError   **error)
{
  int previous = G_MININT;

  for (gsize i = 0; i < g_variant_n_children (traffic); i++)
    {
      const char *text;
      double requests;
      int month;

      g_variant_get_child (traffic, i, "(&sd)", &text, &requests);
      if (!cost_month_parse (text, &month, error))
        return FALSE;
      if (month <= previous)
        {
          g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                       _("The requests served in %s are given twice or out of order"), text);
          return FALSE;
        }
      if (!isfinite (requests) || requests < 0 || requests > COST_MAX_AMOUNT)
        {
          g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                       _("The requests served in %s must be a number from 0 to 10¹⁵"), text);
          return FALSE;
        }
      previous = month;
    }

  return TRUE;
}

/**
 * cost_project_set_actual_traffic:
 * @traffic: (nullable): of the type %COST_ACTUAL_TRAFFIC_TYPE, in order of
 *   months, each once
 *
 * Sets the requests actually served each month, beside the actual
 * spending, for what 1,000 requests actually cost.
 */
gboolean
cost_project_set_actual_traffic (CostProject  *self,
                                 GVariant     *traffic,
                                 GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (traffic == NULL || g_variant_is_of_type (traffic, COST_ACTUAL_TRAFFIC_TYPE), FALSE);

  if (traffic != NULL)
    {
      sunk = g_variant_ref_sink (traffic);
      if (!check_traffic (sunk, error))
        return FALSE;
    }

  if (!assign_variant (&self->traffic, g_steal_pointer (&sunk)))
    return TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL_TRAFFIC]);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_get_actual_requests:
 * @month: a calendar month (cost-month.h)
 * @requests: (out) (optional): the requests served in it
 *
 * Returns: whether the requests served in @month are entered
 */
gboolean
cost_project_get_actual_requests (CostProject *self,
                                  int          month,
                                  double      *requests)
{
  char text[COST_MONTH_TEXT_SIZE];

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);

  if (self->traffic == NULL)
    return FALSE;

  cost_month_format (month, text);
  for (gsize i = 0; i < g_variant_n_children (self->traffic); i++)
    {
      const char *m;
      double r;

      g_variant_get_child (self->traffic, i, "(&sd)", &m, &r);
      if (strcmp (m, text) == 0)
        {
          if (requests != NULL)
            *requests = r;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_project_set_actual_requests:
 * @month: "YYYY-MM"
 * @requests: the requests served in @month; NAN to forget them
 *
 * Sets the requests served in one month, keeping the others: one edit,
 * which the undo history takes back as one.
 */
gboolean
cost_project_set_actual_requests (CostProject  *self,
                                  const char   *month,
                                  double        requests,
                                  GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  int number;
  gboolean placed = FALSE;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  if (!cost_month_parse (month, &number, error))
    return FALSE;

  for (gsize i = 0; self->traffic != NULL && i < g_variant_n_children (self->traffic); i++)
    {
      GVariant *entry = g_variant_get_child_value (self->traffic, i);
      const char *m;
      int cmp;

      g_variant_get (entry, "(&sd)", &m, NULL);
      cmp = strcmp (m, month);
      if (cmp >= 0 && !placed)
        {
          if (!isnan (requests))
            g_ptr_array_add (entries, g_variant_ref_sink (g_variant_new ("(sd)", month, requests)));
          placed = TRUE;
        }
      if (cmp == 0)
        g_variant_unref (entry);
      else
        g_ptr_array_add (entries, entry);
    }
  if (!placed && !isnan (requests))
    g_ptr_array_add (entries, g_variant_ref_sink (g_variant_new ("(sd)", month, requests)));

  {
    GVariant *traffic = g_variant_new_array (G_VARIANT_TYPE ("(sd)"), (GVariant **) entries->pdata, entries->len);
    gboolean ok;

    g_ptr_array_foreach (entries, (GFunc) g_variant_unref, NULL);
    g_variant_ref_sink (traffic);
    ok = cost_project_set_actual_traffic (self, traffic, error);
    g_variant_unref (traffic);

    return ok;
  }
}

/**
 * cost_project_get_bill_rules:
 *
 * Returns: (transfer none) (nullable): the mapping rules of bills, of the
 *   type %COST_BILL_RULES_TYPE (cost-bill-rules.h), %NULL when there are
 *   none
 */
GVariant *
cost_project_get_bill_rules (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->bill_rules;
}

/**
 * cost_project_set_bill_rules:
 * @rules: (nullable): rules of the type %COST_BILL_RULES_TYPE, in the
 *   order they are tried
 *
 * Sets the rules alone: cost_bill_rules_add() also assigns the amounts a
 * new rule matches.
 */
gboolean
cost_project_set_bill_rules (CostProject  *self,
                             GVariant     *rules,
                             GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (rules == NULL || g_variant_is_of_type (rules, COST_BILL_RULES_TYPE), FALSE);

  if (rules != NULL)
    {
      sunk = g_variant_ref_sink (rules);
      if (!cost_bill_rules_check (sunk, error))
        return FALSE;
    }

  if (!assign_variant (&self->bill_rules, g_steal_pointer (&sunk)))
    return TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILL_RULES]);
  emit_changed (self);

  return TRUE;
}

/**
 * cost_project_get_bill_mappings:
 *
 * Returns: (transfer none) (nullable): the column mappings of bills the
 *   project keeps, of the type %COST_BILL_SAVED_MAPPINGS_TYPE
 *   (cost-bill-mappings.h), %NULL when there are none
 */
GVariant *
cost_project_get_bill_mappings (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), NULL);

  return self->bill_mappings;
}

/**
 * cost_project_set_bill_mappings:
 * @mappings: (nullable): mappings of the type
 *   %COST_BILL_SAVED_MAPPINGS_TYPE; cost_bill_mappings_remember() saves
 *   one
 */
gboolean
cost_project_set_bill_mappings (CostProject  *self,
                                GVariant     *mappings,
                                GError      **error)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (mappings == NULL || g_variant_is_of_type (mappings, COST_BILL_SAVED_MAPPINGS_TYPE), FALSE);

  if (mappings != NULL)
    {
      sunk = g_variant_ref_sink (mappings);
      if (!cost_bill_mappings_check (sunk, error))
        return FALSE;
    }

  if (!assign_variant (&self->bill_mappings, g_steal_pointer (&sunk)))
    return TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILL_MAPPINGS]);
  emit_changed (self);

  return TRUE;
}

/* Sets the quantity of every driven item from the workload and its model,
 * then the energy of the power items from the driven accelerators, by the
 * rules of cost_sizing_resolve(). */
static void
sync_driven_items (CostProject *self)
{
  CostWorkloadValues workload = { 0 };
  g_autoptr(GArray) driven = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (cost_project_get_n_models (self) == 0)
    return;

  if (self->workload != NULL)
    cost_workload_get_values (self->workload, &workload);

  driven = g_array_new (FALSE, TRUE, sizeof (CostDriven));
  items = g_ptr_array_new ();

  n = cost_project_get_n_categories (self);
  for (guint c = 0; c < n; c++)
    {
      CostCategory *category = cost_project_get_category (self, c);
      guint n_items = cost_category_get_n_items (category);

      for (guint i = 0; i < n_items; i++)
        {
          CostItem *item = cost_category_get_item (category, i);
          const char *driver = cost_item_get_driver (item);
          CostDriven d = { NULL, cost_item_get_quantity (item), 0, FALSE, FALSE };

          if (driver == NULL)
            continue;
          if (!cost_driver_is_power (driver) &&
              (d.model = cost_project_find_model (self, driver, NULL)) == NULL)
            continue;

          g_array_append_val (driven, d);
          g_ptr_array_add (items, item);
        }
    }

  cost_sizing_resolve (&workload, NULL, self->pue, TRUE, (CostDriven *) driven->data, driven->len);
  for (guint i = 0; i < items->len; i++)
    cost_item_set_quantity (g_ptr_array_index (items, i), g_array_index (driven, CostDriven, i).quantity,
                            NULL);
}

/**
 * cost_project_begin_change:
 *
 * Groups the edits until the matching cost_project_end_change() into one
 * #CostProject::changed emission.
 */
void
cost_project_begin_change (CostProject *self)
{
  g_return_if_fail (COST_IS_PROJECT (self));

  self->change_depth++;
}

void
cost_project_end_change (CostProject *self)
{
  g_return_if_fail (COST_IS_PROJECT (self));
  g_return_if_fail (self->change_depth > 0);

  if (--self->change_depth == 0 && self->change_pending)
    {
      self->change_pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/**
 * cost_project_get_serial:
 *
 * Returns: a number that grows with every change; compare it to tell whether
 *   the project changed since a save.
 */
guint64
cost_project_get_serial (CostProject *self)
{
  g_return_val_if_fail (COST_IS_PROJECT (self), 0);

  return self->serial;
}

JsonObject *
_cost_project_get_extras (CostProject *self)
{
  return self->extras;
}

void
_cost_project_set_extras (CostProject *self,
                          JsonObject  *extras)
{
  g_clear_pointer (&self->extras, json_object_unref);
  if (extras != NULL)
    self->extras = json_object_ref (extras);
}
