/* cost-undo-snapshot.c
 *
 * Copies of what a scenario changes, for the undo history: scenarios keep
 * their differences from the baseline in tables rather than properties, so
 * the history records the content of a scenario before and after an edit,
 * compares contents and puts one back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-undo-snapshot"

#include "config.h"

#include "cost-override.h"
#include "cost-undo-snapshot.h"

/* Sets every value of @self that an edit can change to that of @from. */
static void
item_assign (CostItem *self,
             CostItem *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  cost_item_set_active_months (self, cost_item_get_start_month (from),
                               cost_item_get_end_month (from), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) want = G_VALUE_INIT;
      g_auto(GValue) have = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_value_init (&want, pspecs[i]->value_type);
      g_value_init (&have, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &want);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &have);
      if (g_param_values_cmp (pspecs[i], &want, &have) != 0)
        g_object_set_property (G_OBJECT (self), pspecs[i]->name, &want);
    }
}

static gboolean
item_equal (CostItem *a,
            CostItem *b)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Whether both scenarios add items of the same ids to the same categories,
 * in the same order. */
static gboolean
same_added_items (CostScenario *a,
                  CostScenario *b)
{
  guint n = cost_scenario_get_n_added_items (a);

  if (n != cost_scenario_get_n_added_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *category_a, *category_b;
      CostItem *item_a = cost_scenario_get_added_item (a, i, &category_a);
      CostItem *item_b = cost_scenario_get_added_item (b, i, &category_b);

      if (g_strcmp0 (category_a, category_b) != 0 ||
          g_strcmp0 (cost_item_get_id (item_a), cost_item_get_id (item_b)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Whether two scenarios change the baseline in the same way; their names
 * and descriptions are properties, recorded as such. */
gboolean
_cost_scenario_content_equal (CostScenario *a,
                              CostScenario *b)
{
  g_auto(GStrv) overrides = cost_scenario_list_overridden (a);
  g_auto(GStrv) other_overrides = cost_scenario_list_overridden (b);
  g_auto(GStrv) factors = cost_scenario_list_factors (a);
  g_auto(GStrv) other_factors = cost_scenario_list_factors (b);
  g_auto(GStrv) excluded = cost_scenario_list_excluded (a);
  g_auto(GStrv) other_excluded = cost_scenario_list_excluded (b);
  g_auto(GStrv) targets = cost_scenario_list_sizing_targets (a);
  g_auto(GStrv) other_targets = cost_scenario_list_sizing_targets (b);
  g_auto(GStrv) ranged = cost_scenario_list_ranges (a);
  g_auto(GStrv) other_ranged = cost_scenario_list_ranges (b);

  if (!g_strv_equal ((const char * const *) ranged, (const char * const *) other_ranged))
    return FALSE;
  for (guint i = 0; ranged[i] != NULL; i++)
    {
      GVariant *ra = NULL, *rb = NULL;

      cost_scenario_get_ranges (a, ranged[i], &ra);
      cost_scenario_get_ranges (b, ranged[i], &rb);
      if ((ra == NULL) != (rb == NULL) || (ra != NULL && !g_variant_equal (ra, rb)))
        return FALSE;
    }

  if (!g_strv_equal ((const char * const *) overrides, (const char * const *) other_overrides) ||
      !g_strv_equal ((const char * const *) factors, (const char * const *) other_factors) ||
      !g_strv_equal ((const char * const *) excluded, (const char * const *) other_excluded) ||
      !g_strv_equal ((const char * const *) targets, (const char * const *) other_targets) ||
      !same_added_items (a, b))
    return FALSE;

  for (guint i = 0; overrides[i] != NULL; i++)
    {
      CostOverride oa, ob;

      cost_scenario_get_override (a, overrides[i], &oa);
      cost_scenario_get_override (b, overrides[i], &ob);
      if (!cost_override_equal (&oa, &ob))
        return FALSE;
    }

  for (guint i = 0; factors[i] != NULL; i++)
    {
      double fa = 0, fb = 0;

      cost_scenario_get_factor (a, factors[i], &fa);
      cost_scenario_get_factor (b, factors[i], &fb);
      if (fa != fb)
        return FALSE;
    }

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_auto(GStrv) keys = cost_scenario_list_sizing_keys (a, targets[i]);
      g_auto(GStrv) other_keys = cost_scenario_list_sizing_keys (b, targets[i]);

      if (!g_strv_equal ((const char * const *) keys, (const char * const *) other_keys))
        return FALSE;

      for (guint k = 0; keys[k] != NULL; k++)
        {
          double va = 0, vb = 0;

          cost_scenario_get_sizing_value (a, targets[i], keys[k], &va);
          cost_scenario_get_sizing_value (b, targets[i], keys[k], &vb);
          if (va != vb)
            return FALSE;
        }
    }

  for (guint i = 0; i < cost_scenario_get_n_added_items (a); i++)
    {
      if (!item_equal (cost_scenario_get_added_item (a, i, NULL),
                       cost_scenario_get_added_item (b, i, NULL)))
        return FALSE;
    }

  return TRUE;
}

/* Makes @self change the baseline as @from does, through the scenario's
 * own setters: each emits CostScenario::changed only when it changes
 * something. Added items keep their objects when @from adds the same. */
void
_cost_scenario_assign (CostScenario *self,
                       CostScenario *from)
{
  g_auto(GStrv) overrides = cost_scenario_list_overridden (self);
  g_auto(GStrv) wanted_overrides = cost_scenario_list_overridden (from);
  g_auto(GStrv) factors = cost_scenario_list_factors (self);
  g_auto(GStrv) wanted_factors = cost_scenario_list_factors (from);
  g_auto(GStrv) excluded = cost_scenario_list_excluded (self);
  g_auto(GStrv) wanted_excluded = cost_scenario_list_excluded (from);
  g_auto(GStrv) targets = cost_scenario_list_sizing_targets (self);
  g_auto(GStrv) wanted_targets = cost_scenario_list_sizing_targets (from);
  g_auto(GStrv) ranged = cost_scenario_list_ranges (self);
  g_auto(GStrv) wanted_ranged = cost_scenario_list_ranges (from);

  for (guint i = 0; ranged[i] != NULL; i++)
    {
      if (!cost_scenario_get_ranges (from, ranged[i], NULL))
        cost_scenario_reset_ranges (self, ranged[i]);
    }
  for (guint i = 0; wanted_ranged[i] != NULL; i++)
    {
      GVariant *ranges = NULL;

      cost_scenario_get_ranges (from, wanted_ranged[i], &ranges);
      cost_scenario_set_ranges (self, wanted_ranged[i], ranges);
    }

  for (guint i = 0; overrides[i] != NULL; i++)
    {
      CostOverride o;

      cost_scenario_get_override (from, overrides[i], &o);
      cost_scenario_reset_override (self, overrides[i], COST_OVERRIDE_ALL & ~o.fields);
    }
  for (guint i = 0; wanted_overrides[i] != NULL; i++)
    {
      CostOverride o;

      cost_scenario_get_override (from, wanted_overrides[i], &o);
      cost_scenario_set_override (self, wanted_overrides[i], &o, NULL);
    }

  for (guint i = 0; factors[i] != NULL; i++)
    {
      if (!cost_scenario_get_factor (from, factors[i], NULL))
        cost_scenario_reset_factor (self, factors[i]);
    }
  for (guint i = 0; wanted_factors[i] != NULL; i++)
    {
      double factor = 1.0;

      cost_scenario_get_factor (from, wanted_factors[i], &factor);
      cost_scenario_set_factor (self, wanted_factors[i], factor, NULL);
    }

  for (guint i = 0; excluded[i] != NULL; i++)
    cost_scenario_set_excluded (self, excluded[i], cost_scenario_is_excluded (from, excluded[i]));
  for (guint i = 0; wanted_excluded[i] != NULL; i++)
    cost_scenario_set_excluded (self, wanted_excluded[i], TRUE);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      g_auto(GStrv) keys = cost_scenario_list_sizing_keys (self, targets[i]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          if (!cost_scenario_get_sizing_value (from, targets[i], keys[k], NULL))
            cost_scenario_reset_sizing_value (self, targets[i], keys[k]);
        }
    }
  for (guint i = 0; wanted_targets[i] != NULL; i++)
    {
      g_auto(GStrv) keys = cost_scenario_list_sizing_keys (from, wanted_targets[i]);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          double value = 0;

          cost_scenario_get_sizing_value (from, wanted_targets[i], keys[k], &value);
          cost_scenario_set_sizing_value (self, wanted_targets[i], keys[k], value, NULL);
        }
    }

  if (same_added_items (self, from))
    {
      for (guint i = 0; i < cost_scenario_get_n_added_items (from); i++)
        item_assign (cost_scenario_get_added_item (self, i, NULL),
                     cost_scenario_get_added_item (from, i, NULL));
      return;
    }

  while (cost_scenario_get_n_added_items (self) > 0)
    cost_scenario_remove_added_item (self, cost_item_get_id (cost_scenario_get_added_item (self, 0, NULL)));
  for (guint i = 0; i < cost_scenario_get_n_added_items (from); i++)
    {
      const char *category_id;
      CostItem *item = cost_scenario_get_added_item (from, i, &category_id);
      g_autoptr(CostItem) copy = cost_item_copy (item, cost_item_get_id (item));

      cost_scenario_add_item (self, category_id, copy);
    }
}

/* A detached copy of what @scenario changes, added items included. */
CostScenario *
_cost_scenario_snapshot (CostScenario *scenario)
{
  CostScenario *copy = cost_scenario_new (cost_scenario_get_id (scenario), NULL);

  _cost_scenario_assign (copy, scenario);

  return copy;
}
