/* cost-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-item"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-category-private.h"
#include "cost-item-private.h"
#include "cost-project.h"
#include "cost-ranges.h"
#include "cost-values.h"

struct _CostItem
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *unit;
  char       *price_source;
  char       *price_as_of;
  char       *notes;
  char       *driver;
  double      quantity;
  double      unit_price;
  double      monthly_growth;
  CostPeriod  period;
  guint       amortize_months;
  int         start_month;
  int         end_month;

  GVariant   *ranges;   /* cost-ranges.h */
  JsonObject *extras;
  gpointer    category; /* weak, owned by the category */
};

G_DEFINE_FINAL_TYPE (CostItem, cost_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_UNIT_PRICE,
  PROP_PERIOD,
  PROP_AMORTIZE_MONTHS,
  PROP_START_MONTH,
  PROP_END_MONTH,
  PROP_MONTHLY_GROWTH,
  PROP_PRICE_SOURCE,
  PROP_PRICE_AS_OF,
  PROP_NOTES,
  PROP_DRIVER,
  PROP_RANGES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One emission per edit, however many properties it changed. */
static void
changed (CostItem *self,
         guint     prop)
{
  if (prop != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->category != NULL)
    _cost_category_item_changed (self->category, self);
}

static void
cost_item_finalize (GObject *object)
{
  CostItem *self = (CostItem *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->price_source, g_free);
  g_clear_pointer (&self->price_as_of, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->driver, g_free);
  g_clear_pointer (&self->extras, json_object_unref);
  g_clear_pointer (&self->ranges, g_variant_unref);

  G_OBJECT_CLASS (cost_item_parent_class)->finalize (object);
}

static void
cost_item_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CostItem *self = COST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, cost_item_get_name (self));
      break;
    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;
    case PROP_UNIT:
      g_value_set_string (value, cost_item_get_unit (self));
      break;
    case PROP_UNIT_PRICE:
      g_value_set_double (value, self->unit_price);
      break;
    case PROP_PERIOD:
      g_value_set_uint (value, self->period);
      break;
    case PROP_AMORTIZE_MONTHS:
      g_value_set_uint (value, self->amortize_months);
      break;
    case PROP_START_MONTH:
      g_value_set_int (value, self->start_month);
      break;
    case PROP_END_MONTH:
      g_value_set_int (value, self->end_month);
      break;
    case PROP_MONTHLY_GROWTH:
      g_value_set_double (value, self->monthly_growth);
      break;
    case PROP_PRICE_SOURCE:
      g_value_set_string (value, cost_item_get_price_source (self));
      break;
    case PROP_PRICE_AS_OF:
      g_value_set_string (value, cost_item_get_price_as_of (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, cost_item_get_notes (self));
      break;
    case PROP_DRIVER:
      g_value_set_string (value, self->driver);
      break;
    case PROP_RANGES:
      g_value_set_variant (value, self->ranges);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_item_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CostItem *self = COST_ITEM (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      ok = cost_item_set_name (self, g_value_get_string (value), &error);
      break;
    case PROP_QUANTITY:
      ok = cost_item_set_quantity (self, g_value_get_double (value), &error);
      break;
    case PROP_UNIT:
      ok = cost_item_set_unit (self, g_value_get_string (value), &error);
      break;
    case PROP_UNIT_PRICE:
      ok = cost_item_set_unit_price (self, g_value_get_double (value), &error);
      break;
    case PROP_PERIOD:
      ok = cost_item_set_period (self, g_value_get_uint (value), &error);
      break;
    case PROP_AMORTIZE_MONTHS:
      ok = cost_item_set_amortize_months (self, g_value_get_uint (value), &error);
      break;
    case PROP_START_MONTH:
      ok = cost_item_set_active_months (self, g_value_get_int (value), self->end_month, &error);
      break;
    case PROP_END_MONTH:
      ok = cost_item_set_active_months (self, self->start_month, g_value_get_int (value), &error);
      break;
    case PROP_MONTHLY_GROWTH:
      ok = cost_item_set_monthly_growth (self, g_value_get_double (value), &error);
      break;
    case PROP_PRICE_SOURCE:
      ok = cost_item_set_price_source (self, g_value_get_string (value), &error);
      break;
    case PROP_PRICE_AS_OF:
      ok = cost_item_set_price_as_of (self, g_value_get_string (value), &error);
      break;
    case PROP_NOTES:
      ok = cost_item_set_notes (self, g_value_get_string (value), &error);
      break;
    case PROP_DRIVER:
      cost_item_set_driver (self, g_value_get_string (value));
      break;
    case PROP_RANGES:
      cost_item_set_ranges (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (!ok)
    g_warning ("Refused %s: %s", pspec->name, error->message);
}

static void
cost_item_class_init (CostItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cost_item_finalize;
  object_class->get_property = cost_item_get_property;
  object_class->set_property = cost_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, cost_value_range (COST_VALUE_QUANTITY)->min,
                         cost_value_range (COST_VALUE_QUANTITY)->max, 0, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", flags);
  properties[PROP_UNIT_PRICE] =
    g_param_spec_double ("unit-price", NULL, NULL, cost_value_range (COST_VALUE_UNIT_PRICE)->min,
                         cost_value_range (COST_VALUE_UNIT_PRICE)->max, 0, flags);
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL, 0, COST_N_PERIODS - 1, COST_PERIOD_MONTH, flags);
  properties[PROP_AMORTIZE_MONTHS] =
    g_param_spec_uint ("amortize-months", NULL, NULL, 1, COST_MAX_HORIZON, 1, flags);
  properties[PROP_START_MONTH] =
    g_param_spec_int ("start-month", NULL, NULL, 0, COST_MAX_HORIZON - 1, 0, flags);
  properties[PROP_END_MONTH] =
    g_param_spec_int ("end-month", NULL, NULL, -1, COST_MAX_HORIZON - 1, -1, flags);
  properties[PROP_MONTHLY_GROWTH] =
    g_param_spec_double ("monthly-growth", NULL, NULL, cost_value_range (COST_VALUE_GROWTH)->min,
                         cost_value_range (COST_VALUE_GROWTH)->max, 0, flags);
  properties[PROP_PRICE_SOURCE] = g_param_spec_string ("price-source", NULL, NULL, "", flags);
  properties[PROP_PRICE_AS_OF] = g_param_spec_string ("price-as-of", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_DRIVER] = g_param_spec_string ("driver", NULL, NULL, NULL, flags);
  properties[PROP_RANGES] = cost_ranges_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostItem::changed:
   *
   * Emitted once for each edit of the item.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_item_init (CostItem *self)
{
  /* Text fields start NULL and read as "". */
  self->period = COST_PERIOD_MONTH;
  self->amortize_months = 1;
  self->start_month = 0;
  self->end_month = -1;
}

/**
 * cost_item_new:
 * @id: (nullable): a stable id, or %NULL to make a new one
 * @name: the item name
 */
CostItem *
cost_item_new (const char *id,
               const char *name)
{
  g_autofree char *made_id = NULL;

  if (id == NULL)
    id = made_id = g_uuid_string_random ();

  return g_object_new (COST_TYPE_ITEM, "id", id, "name", name ? name : "", NULL);
}

/**
 * cost_item_copy:
 * @new_id: (nullable): the copy's id, %NULL for a fresh one
 *
 * Returns: (transfer full): a detached copy with every value of @self.
 */
CostItem *
cost_item_copy (CostItem   *self,
                const char *new_id)
{
  CostItem *copy;

  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  copy = cost_item_new (new_id, self->name);
  copy->unit = g_strdup (self->unit);
  copy->price_source = g_strdup (self->price_source);
  copy->price_as_of = g_strdup (self->price_as_of);
  copy->notes = g_strdup (self->notes);
  copy->driver = g_strdup (self->driver);
  copy->quantity = self->quantity;
  copy->unit_price = self->unit_price;
  copy->monthly_growth = self->monthly_growth;
  copy->period = self->period;
  copy->amortize_months = self->amortize_months;
  copy->start_month = self->start_month;
  copy->end_month = self->end_month;
  copy->ranges = self->ranges ? g_variant_ref (self->ranges) : NULL;
  if (self->extras != NULL)
    {
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) dup = NULL;

      json_node_set_object (node, self->extras);
      dup = json_node_copy (node);
      copy->extras = json_object_ref (json_node_get_object (dup));
      json_node_unref (node);
    }

  return copy;
}

static gboolean
set_string (CostItem    *self,
            char       **field,
            const char  *value,
            guint        prop,
            GError     **error)
{
  if (value == NULL)
    value = "";

  if (!cost_check_text (value, error))
    return FALSE;

  if (g_strcmp0 (*field ? *field : "", value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      changed (self, prop);
    }

  return TRUE;
}

static gboolean
set_double (CostItem  *self,
            double    *field,
            double     value,
            guint      prop)
{
  if (*field != value)
    {
      *field = value;
      changed (self, prop);
    }

  return TRUE;
}

const char *
cost_item_get_id (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->id;
}

const char *
cost_item_get_name (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->name ? self->name : "";
}

gboolean
cost_item_set_name (CostItem    *self,
                    const char  *name,
                    GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  return set_string (self, &self->name, name, PROP_NAME, error);
}

double
cost_item_get_quantity (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), 0);

  return self->quantity;
}

gboolean
cost_item_set_quantity (CostItem  *self,
                        double     quantity,
                        GError   **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (!cost_value_check (COST_VALUE_QUANTITY, &quantity, error))
    return FALSE;

  return set_double (self, &self->quantity, quantity, PROP_QUANTITY);
}

const char *
cost_item_get_unit (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->unit ? self->unit : "";
}

gboolean
cost_item_set_unit (CostItem    *self,
                    const char  *unit,
                    GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  return set_string (self, &self->unit, unit, PROP_UNIT, error);
}

double
cost_item_get_unit_price (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), 0);

  return self->unit_price;
}

gboolean
cost_item_set_unit_price (CostItem  *self,
                          double     unit_price,
                          GError   **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (!cost_value_check (COST_VALUE_UNIT_PRICE, &unit_price, error))
    return FALSE;

  return set_double (self, &self->unit_price, unit_price, PROP_UNIT_PRICE);
}

CostPeriod
cost_item_get_period (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), COST_PERIOD_MONTH);

  return self->period;
}

gboolean
cost_item_set_period (CostItem    *self,
                      CostPeriod   period,
                      GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if ((guint) period >= COST_N_PERIODS)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The price period must be hour, day, month, year or once"));
      return FALSE;
    }

  if (self->period != period)
    {
      self->period = period;
      changed (self, PROP_PERIOD);
    }

  return TRUE;
}

guint
cost_item_get_amortize_months (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), 1);

  return self->amortize_months;
}

/**
 * cost_item_set_amortize_months:
 * @months: 1 charges a one-time amount wholly in its start month; more spreads it evenly
 */
gboolean
cost_item_set_amortize_months (CostItem  *self,
                               guint      months,
                               GError   **error)
{
  double value = months;

  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (!cost_value_check (COST_VALUE_AMORTIZE_MONTHS, &value, error))
    return FALSE;

  if (self->amortize_months != months)
    {
      self->amortize_months = months;
      changed (self, PROP_AMORTIZE_MONTHS);
    }

  return TRUE;
}

int
cost_item_get_start_month (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), 0);

  return self->start_month;
}

int
cost_item_get_end_month (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), -1);

  return self->end_month;
}

/**
 * cost_item_set_active_months:
 * @start_month: first month the item costs money (0 is the first month)
 * @end_month: last month, or -1 for "until the end of the horizon"
 */
gboolean
cost_item_set_active_months (CostItem  *self,
                             int        start_month,
                             int        end_month,
                             GError   **error)
{
  int horizon = COST_MAX_HORIZON;
  gpointer project;

  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (self->category != NULL &&
      (project = _cost_category_get_project (self->category)) != NULL)
    horizon = cost_project_get_horizon (project);

  if (start_month < 0 || start_month >= horizon)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("The start month must be between 1 and %d"), horizon);
      return FALSE;
    }

  if (end_month != -1 && (end_month < start_month || end_month >= horizon))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("The end month must be between the start month and %d"), horizon);
      return FALSE;
    }

  if (self->start_month == start_month && self->end_month == end_month)
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start_month != start_month)
    {
      self->start_month = start_month;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MONTH]);
    }
  if (self->end_month != end_month)
    {
      self->end_month = end_month;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_MONTH]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  changed (self, 0);

  return TRUE;
}

double
cost_item_get_monthly_growth (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), 0);

  return self->monthly_growth;
}

gboolean
cost_item_set_monthly_growth (CostItem  *self,
                              double     growth,
                              GError   **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (!cost_value_check (COST_VALUE_GROWTH, &growth, error))
    return FALSE;

  return set_double (self, &self->monthly_growth, growth, PROP_MONTHLY_GROWTH);
}

const char *
cost_item_get_price_source (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->price_source ? self->price_source : "";
}

gboolean
cost_item_set_price_source (CostItem    *self,
                            const char  *source,
                            GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  return set_string (self, &self->price_source, source, PROP_PRICE_SOURCE, error);
}

const char *
cost_item_get_price_as_of (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->price_as_of ? self->price_as_of : "";
}

gboolean
cost_item_set_price_as_of (CostItem    *self,
                           const char  *date,
                           GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  if (!cost_check_date (date, error))
    return FALSE;

  return set_string (self, &self->price_as_of, date, PROP_PRICE_AS_OF, error);
}

const char *
cost_item_get_notes (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->notes ? self->notes : "";
}

gboolean
cost_item_set_notes (CostItem    *self,
                     const char  *notes,
                     GError     **error)
{
  g_return_val_if_fail (COST_IS_ITEM (self), FALSE);

  return set_string (self, &self->notes, notes, PROP_NOTES, error);
}

/**
 * cost_driver_is_power:
 * @driver: (nullable): an item's driver
 *
 * Returns: whether @driver makes an item's quantity the energy of the
 *   driven accelerators
 */
gboolean
cost_driver_is_power (const char *driver)
{
  return g_strcmp0 (driver, COST_DRIVER_POWER) == 0;
}

/**
 * cost_item_get_driver:
 *
 * Returns: (nullable): what sets the item's quantity: the id of a served
 *   model (its accelerators), %COST_DRIVER_POWER (the energy of the driven
 *   accelerators), or %NULL when the user sets it
 */
const char *
cost_item_get_driver (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->driver;
}

/**
 * cost_item_set_driver:
 * @driver: (nullable): a served model id, %COST_DRIVER_POWER, or %NULL to unlink the
 *   quantity and keep its current value
 */
void
cost_item_set_driver (CostItem   *self,
                      const char *driver)
{
  g_return_if_fail (COST_IS_ITEM (self));

  if (driver != NULL && driver[0] == '\0')
    driver = NULL;

  if (g_strcmp0 (self->driver, driver) != 0)
    {
      g_free (self->driver);
      self->driver = g_strdup (driver);
      changed (self, PROP_DRIVER);
    }
}

/**
 * cost_item_get_ranges:
 *
 * Returns: (transfer none) (nullable): the ranges of the item's quantity,
 *   unit price and growth (cost-ranges.h), %NULL for none
 */
GVariant *
cost_item_get_ranges (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->ranges;
}

/**
 * cost_item_set_ranges:
 * @ranges: (nullable): checked ranges (cost_ranges_check())
 */
void
cost_item_set_ranges (CostItem *self,
                      GVariant *ranges)
{
  g_return_if_fail (COST_IS_ITEM (self));

  if (cost_ranges_assign (&self->ranges, ranges))
    changed (self, PROP_RANGES);
}

/**
 * cost_item_get_category:
 *
 * Returns: (transfer none) (nullable) (type CostCategory): the category holding the item
 */
gpointer
cost_item_get_category (CostItem *self)
{
  g_return_val_if_fail (COST_IS_ITEM (self), NULL);

  return self->category;
}

void
_cost_item_set_category (CostItem *self,
                         gpointer  category)
{
  self->category = category;
}

/* A new item from values the caller has already checked, without a
 * notification per value: for loading files. */
CostItem *
_cost_item_new_checked (const char           *id,
                        const char           *name,
                        const char           *unit,
                        const CostItemParams *params,
                        const char           *price_source,
                        const char           *price_as_of,
                        const char           *notes,
                        const char           *driver)
{
  CostItem *self = g_object_new (COST_TYPE_ITEM, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->unit = g_strdup (unit);
  self->price_source = g_strdup (price_source);
  self->price_as_of = g_strdup (price_as_of);
  self->notes = g_strdup (notes);
  self->driver = driver != NULL && driver[0] != '\0' ? g_strdup (driver) : NULL;
  self->quantity = params->quantity;
  self->unit_price = params->unit_price;
  self->monthly_growth = params->monthly_growth;
  self->period = params->period;
  self->amortize_months = params->amortize_months;
  self->start_month = params->start_month;
  self->end_month = params->end_month;

  return self;
}

void
_cost_item_peek_params (CostItem       *self,
                        CostItemParams *params)
{
  params->quantity = self->quantity;
  params->unit_price = self->unit_price;
  params->monthly_growth = self->monthly_growth;
  params->period = self->period;
  params->amortize_months = self->amortize_months;
  params->start_month = self->start_month;
  params->end_month = self->end_month;
}

JsonObject *
_cost_item_get_extras (CostItem *self)
{
  return self->extras;
}

void
_cost_item_set_extras (CostItem   *self,
                       JsonObject *extras)
{
  g_clear_pointer (&self->extras, json_object_unref);
  if (extras != NULL)
    self->extras = json_object_ref (extras);
}
