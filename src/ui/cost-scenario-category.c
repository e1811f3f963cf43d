/* cost-scenario-category.c
 *
 * A category's factor as a scenario sees it, as a property a form binds
 * to: setting it with a scenario writes the scenario's factor (the
 * baseline's value removes it); without a scenario it edits the category.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-scenario-category"

#include "config.h"

#include "cost-scenario-category.h"

struct _CostScenarioCategory
{
  GObject       parent_instance;

  CostCategory *category;
  CostScenario *scenario;
  double        factor;       /* as last notified */
  gboolean      overridden;
};

G_DEFINE_FINAL_TYPE (CostScenarioCategory, cost_scenario_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_SCENARIO,
  PROP_FACTOR,
  PROP_OVERRIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_factor (CostScenarioCategory *self)
{
  double factor = cost_category_get_factor (self->category);
  gboolean overridden = self->scenario != NULL &&
                        cost_scenario_get_factor (self->scenario, cost_category_get_id (self->category), &factor);

  if (factor != self->factor)
    {
      self->factor = factor;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACTOR]);
    }
  if (overridden != self->overridden)
    {
      self->overridden = overridden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDDEN]);
    }
}

static void
on_changed_cb (GObject              *object,
               CostScenarioCategory *self)
{
  sync_factor (self);
}

static void
on_factor_notify_cb (GObject              *object,
                     GParamSpec           *pspec,
                     CostScenarioCategory *self)
{
  sync_factor (self);
}

static void
cost_scenario_category_constructed (GObject *object)
{
  CostScenarioCategory *self = (CostScenarioCategory *) object;

  G_OBJECT_CLASS (cost_scenario_category_parent_class)->constructed (object);

  g_assert (COST_IS_CATEGORY (self->category));

  self->factor = cost_category_get_factor (self->category);
  sync_factor (self);
  g_signal_connect_object (self->category, "notify::factor", G_CALLBACK (on_factor_notify_cb), self, 0);
  if (self->scenario != NULL)
    g_signal_connect_object (self->scenario, "changed", G_CALLBACK (on_changed_cb), self, 0);
}

static void
cost_scenario_category_dispose (GObject *object)
{
  CostScenarioCategory *self = (CostScenarioCategory *) object;

  g_clear_object (&self->category);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cost_scenario_category_parent_class)->dispose (object);
}

static void
cost_scenario_category_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CostScenarioCategory *self = COST_SCENARIO_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FACTOR:
      g_value_set_double (value, self->factor);
      break;
    case PROP_OVERRIDDEN:
      g_value_set_boolean (value, self->overridden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_scenario_category_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CostScenarioCategory *self = COST_SCENARIO_CATEGORY (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_CATEGORY:
      self->category = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    case PROP_FACTOR:
      if (!cost_scenario_category_set_factor (self, g_value_get_double (value), &error))
        g_warning ("Refused the factor: %s", error->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_scenario_category_class_init (CostScenarioCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cost_scenario_category_constructed;
  object_class->dispose = cost_scenario_category_dispose;
  object_class->get_property = cost_scenario_category_get_property;
  object_class->set_property = cost_scenario_category_set_property;

  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, COST_TYPE_CATEGORY, construct);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, COST_TYPE_SCENARIO, construct);
  properties[PROP_FACTOR] =
    g_param_spec_double ("factor", NULL, NULL, 0, COST_MAX_AMOUNT, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OVERRIDDEN] =
    g_param_spec_boolean ("overridden", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_scenario_category_init (CostScenarioCategory *self)
{
}

/**
 * cost_scenario_category_new:
 * @scenario: (nullable): the scenario, %NULL for the baseline
 *
 * Returns: (transfer full): @category's factor in @scenario
 */
CostScenarioCategory *
cost_scenario_category_new (CostCategory *category,
                            CostScenario *scenario)
{
  g_return_val_if_fail (COST_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  return g_object_new (COST_TYPE_SCENARIO_CATEGORY, "category", category, "scenario", scenario, NULL);
}

CostCategory *
cost_scenario_category_get_category (CostScenarioCategory *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_CATEGORY (self), NULL);

  return self->category;
}

/**
 * cost_scenario_category_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario whose factor it edits,
 *   %NULL for the baseline's
 */
CostScenario *
cost_scenario_category_get_scenario (CostScenarioCategory *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_CATEGORY (self), NULL);

  return self->scenario;
}

double
cost_scenario_category_get_factor (CostScenarioCategory *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_CATEGORY (self), 1.0);

  return self->factor;
}

gboolean
cost_scenario_category_set_factor (CostScenarioCategory  *self,
                                   double                 factor,
                                   GError               **error)
{
  const char *id;

  g_return_val_if_fail (COST_IS_SCENARIO_CATEGORY (self), FALSE);

  if (self->scenario == NULL)
    return cost_category_set_factor (self->category, factor, error);

  id = cost_category_get_id (self->category);
  if (factor == cost_category_get_factor (self->category))
    {
      cost_scenario_reset_factor (self->scenario, id);
      return TRUE;
    }

  return cost_scenario_set_factor (self->scenario, id, factor, error);
}

/**
 * cost_scenario_category_get_overridden:
 *
 * Returns: whether the scenario has a factor of its own for the category
 */
gboolean
cost_scenario_category_get_overridden (CostScenarioCategory *self)
{
  g_return_val_if_fail (COST_IS_SCENARIO_CATEGORY (self), FALSE);

  return self->overridden;
}

/**
 * cost_scenario_category_reset:
 *
 * Gives the category its baseline factor back in the scenario.
 */
void
cost_scenario_category_reset (CostScenarioCategory *self)
{
  g_return_if_fail (COST_IS_SCENARIO_CATEGORY (self));

  if (self->scenario != NULL)
    cost_scenario_reset_factor (self->scenario, cost_category_get_id (self->category));
}
