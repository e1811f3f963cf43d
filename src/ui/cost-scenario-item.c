/* cost-scenario-item.c
 *
 * An item as a scenario sees it: the values it is computed with (the
 * scenario's overrides, else the baseline's), as properties a form binds
 * to. Setting a value with a scenario writes an override, and setting the
 * baseline's value again removes it; without a scenario it edits the item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-scenario-item"

#include "config.h"

#include "cost-override.h"
#include "cost-scenario-item.h"

typedef struct
{
  double             quantity;
  double             unit_price;
  CostPeriod         period;
  guint              amortize_months;
  int                start_month;
  int                end_month;
  double             monthly_growth;
  CostOverrideFields overridden;
  gboolean           excluded;
} Values;

struct _CostScenarioItem
{
  GObject       parent_instance;

  CostItem     *item;
  CostScenario *scenario;
  Values        shown;    /* the values last notified */
};

G_DEFINE_FINAL_TYPE (CostScenarioItem, cost_scenario_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SCENARIO,
  PROP_QUANTITY,
  PROP_UNIT_PRICE,
  PROP_PERIOD,
  PROP_AMORTIZE_MONTHS,
  PROP_START_MONTH,
  PROP_END_MONTH,
  PROP_MONTHLY_GROWTH,
  PROP_OVERRIDDEN,
  PROP_EXCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
read_values (CostScenarioItem *self,
             Values           *v)
{
  CostOverride o = { 0 };
  CostItemParams p = {
    .quantity = cost_item_get_quantity (self->item),
    .unit_price = cost_item_get_unit_price (self->item),
    .period = cost_item_get_period (self->item),
    .amortize_months = cost_item_get_amortize_months (self->item),
    .start_month = cost_item_get_start_month (self->item),
    .end_month = cost_item_get_end_month (self->item),
    .monthly_growth = cost_item_get_monthly_growth (self->item),
  };

  /* The values the scenario overrides, from the one table of them. */
  if (self->scenario != NULL)
    cost_scenario_get_override (self->scenario, cost_item_get_id (self->item), &o);
  cost_override_apply (&o, &p);

  v->quantity = p.quantity;
  v->unit_price = p.unit_price;
  v->period = p.period;
  v->amortize_months = p.amortize_months;
  v->start_month = p.start_month;
  v->end_month = p.end_month;
  v->monthly_growth = p.monthly_growth;
  v->overridden = o.fields;
  v->excluded = self->scenario != NULL &&
                cost_scenario_is_excluded (self->scenario, cost_item_get_id (self->item));
}

/* Notifies the values that changed since they were last shown. */
static void
sync_values (CostScenarioItem *self)
{
  Values now, was = self->shown;

  read_values (self, &now);
  self->shown = now;

  g_object_freeze_notify (G_OBJECT (self));
#define NOTIFY_IF(field, prop) \
  if (now.field != was.field) g_object_notify_by_pspec (G_OBJECT (self), properties[prop])
  NOTIFY_IF (quantity, PROP_QUANTITY);
  NOTIFY_IF (unit_price, PROP_UNIT_PRICE);
  NOTIFY_IF (period, PROP_PERIOD);
  NOTIFY_IF (amortize_months, PROP_AMORTIZE_MONTHS);
  NOTIFY_IF (start_month, PROP_START_MONTH);
  NOTIFY_IF (end_month, PROP_END_MONTH);
  NOTIFY_IF (monthly_growth, PROP_MONTHLY_GROWTH);
  NOTIFY_IF (overridden, PROP_OVERRIDDEN);
  NOTIFY_IF (excluded, PROP_EXCLUDED);
#undef NOTIFY_IF
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_changed_cb (GObject          *object,
               CostScenarioItem *self)
{
  sync_values (self);
}

static void
on_item_notify_cb (GObject          *object,
                   GParamSpec       *pspec,
                   CostScenarioItem *self)
{
  sync_values (self);
}

/* Writes @o into the scenario, or removes the fields of @o that are what
 * the baseline has (@same). */
static gboolean
apply_override (CostScenarioItem    *self,
                CostOverride        *o,
                gboolean             same,
                GError             **error)
{
  const char *id = cost_item_get_id (self->item);

  if (same)
    {
      cost_scenario_reset_override (self->scenario, id, o->fields);
      return TRUE;
    }

  return cost_scenario_set_override (self->scenario, id, o, error);
}

static void
cost_scenario_item_constructed (GObject *object)
{
  CostScenarioItem *self = (CostScenarioItem *) object;

  G_OBJECT_CLASS (cost_scenario_item_parent_class)->constructed (object);

  g_assert (COST_IS_ITEM (self->item));

  read_values (self, &self->shown);
  g_signal_connect_object (self->item, "notify", G_CALLBACK (on_item_notify_cb), self, 0);
  if (self->scenario != NULL)
    g_signal_connect_object (self->scenario, "changed", G_CALLBACK (on_changed_cb), self, 0);
}

static void
cost_scenario_item_dispose (GObject *object)
{
  CostScenarioItem *self = (CostScenarioItem *) object;

  g_clear_object (&self->item);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cost_scenario_item_parent_class)->dispose (object);
}

static void
cost_scenario_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CostScenarioItem *self = COST_SCENARIO_ITEM (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_QUANTITY:
      g_value_set_double (value, self->shown.quantity);
      break;
    case PROP_UNIT_PRICE:
      g_value_set_double (value, self->shown.unit_price);
      break;
    case PROP_PERIOD:
      g_value_set_uint (value, self->shown.period);
      break;
    case PROP_AMORTIZE_MONTHS:
      g_value_set_uint (value, self->shown.amortize_months);
      break;
    case PROP_START_MONTH:
      g_value_set_int (value, self->shown.start_month);
      break;
    case PROP_END_MONTH:
      g_value_set_int (value, self->shown.end_month);
      break;
    case PROP_MONTHLY_GROWTH:
      g_value_set_double (value, self->shown.monthly_growth);
      break;
    case PROP_OVERRIDDEN:
      g_value_set_uint (value, self->shown.overridden);
      break;
    case PROP_EXCLUDED:
      g_value_set_boolean (value, self->shown.excluded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_scenario_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CostScenarioItem *self = COST_SCENARIO_ITEM (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_QUANTITY:
      ok = cost_scenario_item_set_quantity (self, g_value_get_double (value), &error);
      break;
    case PROP_UNIT_PRICE:
      ok = cost_scenario_item_set_unit_price (self, g_value_get_double (value), &error);
      break;
    case PROP_PERIOD:
      ok = cost_scenario_item_set_period (self, g_value_get_uint (value), &error);
      break;
    case PROP_AMORTIZE_MONTHS:
      ok = cost_scenario_item_set_amortize_months (self, g_value_get_uint (value), &error);
      break;
    case PROP_START_MONTH:
      ok = cost_scenario_item_set_active_months (self, g_value_get_int (value), self->shown.end_month, &error);
      break;
    case PROP_END_MONTH:
      ok = cost_scenario_item_set_active_months (self, self->shown.start_month, g_value_get_int (value), &error);
      break;
    case PROP_MONTHLY_GROWTH:
      ok = cost_scenario_item_set_monthly_growth (self, g_value_get_double (value), &error);
      break;
    case PROP_EXCLUDED:
      cost_scenario_item_set_excluded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (!ok)
    g_warning ("Refused %s: %s", pspec->name, error->message);
}

static void
cost_scenario_item_class_init (CostScenarioItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cost_scenario_item_constructed;
  object_class->dispose = cost_scenario_item_dispose;
  object_class->get_property = cost_scenario_item_get_property;
  object_class->set_property = cost_scenario_item_set_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, COST_TYPE_ITEM, construct);
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, COST_TYPE_SCENARIO, construct);
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, 0, COST_MAX_AMOUNT, 0, flags);
  properties[PROP_UNIT_PRICE] =
    g_param_spec_double ("unit-price", NULL, NULL, 0, COST_MAX_AMOUNT, 0, flags);
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL, 0, COST_N_PERIODS - 1, COST_PERIOD_MONTH, flags);
  properties[PROP_AMORTIZE_MONTHS] =
    g_param_spec_uint ("amortize-months", NULL, NULL, 1, COST_MAX_HORIZON, 1, flags);
  properties[PROP_START_MONTH] =
    g_param_spec_int ("start-month", NULL, NULL, 0, COST_MAX_HORIZON - 1, 0, flags);
  properties[PROP_END_MONTH] =
    g_param_spec_int ("end-month", NULL, NULL, -1, COST_MAX_HORIZON - 1, -1, flags);
  properties[PROP_MONTHLY_GROWTH] =
    g_param_spec_double ("monthly-growth", NULL, NULL, -0.99, COST_MAX_GROWTH, 0, flags);
  properties[PROP_OVERRIDDEN] =
    g_param_spec_uint ("overridden", NULL, NULL, 0, COST_OVERRIDE_ALL, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EXCLUDED] = g_param_spec_boolean ("excluded", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_scenario_item_init (CostScenarioItem *self)
{
}

/**
 * cost_scenario_item_new:
 * @scenario: (nullable): the scenario, %NULL for the baseline
 *
 * Returns: (transfer full): @item's values in @scenario
 */
CostScenarioItem *
cost_scenario_item_new (CostItem     *item,
                        CostScenario *scenario)
{
  g_return_val_if_fail (COST_IS_ITEM (item), NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  return g_object_new (COST_TYPE_SCENARIO_ITEM, "item", item, "scenario", scenario, NULL);
}

CostItem *
cost_scenario_item_get_item (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), NULL);

  return self->item;
}

/**
 * cost_scenario_item_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario, %NULL for the baseline
 */
CostScenario *
cost_scenario_item_get_scenario (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), NULL);

  return self->scenario;
}

/**
 * cost_scenario_item_get_overridden:
 *
 * Returns: the values the scenario changes
 */
CostOverrideFields
cost_scenario_item_get_overridden (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), COST_OVERRIDE_NONE);

  return self->shown.overridden;
}

/**
 * cost_scenario_item_reset:
 *
 * Gives @fields their baseline values back in the scenario.
 */
void
cost_scenario_item_reset (CostScenarioItem   *self,
                          CostOverrideFields  fields)
{
  g_return_if_fail (COST_IS_SCENARIO_ITEM (self));

  if (self->scenario != NULL)
    cost_scenario_reset_override (self->scenario, cost_item_get_id (self->item), fields);
}

gboolean
cost_scenario_item_get_excluded (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  return self->shown.excluded;
}

/**
 * cost_scenario_item_set_excluded:
 *
 * Leaves the item out of the scenario, or takes it back in. Without a
 * scenario, does nothing.
 */
void
cost_scenario_item_set_excluded (CostScenarioItem *self,
                                 gboolean          excluded)
{
  g_return_if_fail (COST_IS_SCENARIO_ITEM (self));

  if (self->scenario != NULL)
    cost_scenario_set_excluded (self->scenario, cost_item_get_id (self->item), excluded);
}

double
cost_scenario_item_get_quantity (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), 0);

  return self->shown.quantity;
}

gboolean
cost_scenario_item_set_quantity (CostScenarioItem  *self,
                                 double             quantity,
                                 GError           **error)
{
  CostOverride o = { .fields = COST_OVERRIDE_QUANTITY, .quantity = quantity };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_quantity (self->item, quantity, error);

  return apply_override (self, &o, quantity == cost_item_get_quantity (self->item), error);
}

double
cost_scenario_item_get_unit_price (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), 0);

  return self->shown.unit_price;
}

gboolean
cost_scenario_item_set_unit_price (CostScenarioItem  *self,
                                   double             unit_price,
                                   GError           **error)
{
  CostOverride o = { .fields = COST_OVERRIDE_UNIT_PRICE, .unit_price = unit_price };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_unit_price (self->item, unit_price, error);

  return apply_override (self, &o, unit_price == cost_item_get_unit_price (self->item), error);
}

CostPeriod
cost_scenario_item_get_period (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), COST_PERIOD_MONTH);

  return self->shown.period;
}

gboolean
cost_scenario_item_set_period (CostScenarioItem  *self,
                               CostPeriod         period,
                               GError           **error)
{
  CostOverride o = { .fields = COST_OVERRIDE_PERIOD, .period = period };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_period (self->item, period, error);

  return apply_override (self, &o, period == cost_item_get_period (self->item), error);
}

guint
cost_scenario_item_get_amortize_months (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), 1);

  return self->shown.amortize_months;
}

gboolean
cost_scenario_item_set_amortize_months (CostScenarioItem  *self,
                                        guint              months,
                                        GError           **error)
{
  CostOverride o = { .fields = COST_OVERRIDE_AMORTIZE, .amortize_months = months };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_amortize_months (self->item, months, error);

  return apply_override (self, &o, months == cost_item_get_amortize_months (self->item), error);
}

int
cost_scenario_item_get_start_month (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), 0);

  return self->shown.start_month;
}

int
cost_scenario_item_get_end_month (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), -1);

  return self->shown.end_month;
}

gboolean
cost_scenario_item_set_active_months (CostScenarioItem  *self,
                                      int                start_month,
                                      int                end_month,
                                      GError           **error)
{
  CostOverride o = {
    .fields = COST_OVERRIDE_ACTIVE_MONTHS,
    .start_month = start_month,
    .end_month = end_month,
  };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_active_months (self->item, start_month, end_month, error);

  return apply_override (self, &o,
                         start_month == cost_item_get_start_month (self->item) &&
                         end_month == cost_item_get_end_month (self->item), error);
}

double
cost_scenario_item_get_monthly_growth (CostScenarioItem *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), 0);

  return self->shown.monthly_growth;
}

gboolean
cost_scenario_item_set_monthly_growth (CostScenarioItem  *self,
                                       double             growth,
                                       GError           **error)
{
  CostOverride o = { .fields = COST_OVERRIDE_GROWTH, .monthly_growth = growth };

  g_return_val_if_fail (COST_IS_SCENARIO_ITEM (self), FALSE);

  if (self->scenario == NULL)
    return cost_item_set_monthly_growth (self->item, growth, error);

  return apply_override (self, &o, growth == cost_item_get_monthly_growth (self->item), error);
}
