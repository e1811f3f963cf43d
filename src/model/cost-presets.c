/* cost-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-presets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-presets.h"

const char *
cost_preset_get_name (CostPreset preset)
{
  switch (preset)
    {
    case COST_PRESET_QUANTIZATION:
      return _("INT8/FP8 quantization");
    case COST_PRESET_DISTILLATION:
      return _("Distillation to a smaller model");
    case COST_PRESET_RESERVED:
      return _("Reserved GPUs");
    case COST_PRESET_BUY:
      return _("Buy GPUs instead of renting");
    case COST_PRESET_TRAFFIC_GROWTH:
      return _("Traffic growth");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
cost_preset_get_description (CostPreset preset)
{
  switch (preset)
    {
    case COST_PRESET_QUANTIZATION:
      return _("Serve the model quantized to 8 bits: about half the GPUs for the same traffic.");
    case COST_PRESET_DISTILLATION:
      /* xgettext:no-c-format */
      return _("Distill the model into a smaller one: about 30% of the GPUs.");
    case COST_PRESET_RESERVED:
      /* xgettext:no-c-format */
      return _("Commit to reserved capacity: GPUs at 60% of the on-demand price.");
    case COST_PRESET_BUY:
      return _("Buy the GPUs: a one-time purchase depreciated over 36 months.");
    case COST_PRESET_TRAFFIC_GROWTH:
      /* xgettext:no-c-format */
      return _("Traffic grows: compute costs rise 5% a month.");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cost_item_is_gpu:
 *
 * Returns: whether the item counts accelerators: its unit or its name says GPU
 */
gboolean
cost_item_is_gpu (CostItem *item)
{
  g_autofree char *unit = g_utf8_strdown (cost_item_get_unit (item), -1);
  g_autofree char *name = g_utf8_strdown (cost_item_get_name (item), -1);

  return g_str_has_prefix (unit, "gpu") || strstr (name, "gpu") != NULL ||
         strstr (name, "accelerator") != NULL || strstr (name, "显卡") != NULL;
}

static void
for_each_item (CostProject *project,
               gboolean     compute_only,
               void       (*func) (CostScenario *, CostItem *, gpointer),
               CostScenario *scenario,
               gpointer     data)
{
  guint n = cost_project_get_n_categories (project);

  for (guint c = 0; c < n; c++)
    {
      CostCategory *category = cost_project_get_category (project, c);
      guint n_items = cost_category_get_n_items (category);

      for (guint i = 0; i < n_items; i++)
        {
          CostItem *item = cost_category_get_item (category, i);

          if (compute_only ? g_strcmp0 (cost_category_get_id (category), "compute") == 0
                           : cost_item_is_gpu (item))
            func (scenario, item, data);
        }
    }
}

static void
scale_quantity (CostScenario *scenario,
                CostItem     *item,
                gpointer      data)
{
  /* Whole accelerators: 100 × 0.3 = 30, 7 × 0.5 = 4 */
  CostOverride o = {
    .fields = COST_OVERRIDE_QUANTITY,
    .quantity = ceil (cost_item_get_quantity (item) * *(double *) data - 1e-9),
  };

  cost_scenario_set_override (scenario, cost_item_get_id (item), &o, NULL);
}

static void
scale_price (CostScenario *scenario,
             CostItem     *item,
             gpointer      data)
{
  CostOverride o = {
    .fields = COST_OVERRIDE_UNIT_PRICE,
    .unit_price = round (cost_item_get_unit_price (item) * *(double *) data * 1e6) / 1e6,
  };

  cost_scenario_set_override (scenario, cost_item_get_id (item), &o, NULL);
}

static void
buy (CostScenario *scenario,
     CostItem     *item,
     gpointer      data)
{
  CostOverride o = {
    .fields = COST_OVERRIDE_UNIT_PRICE | COST_OVERRIDE_PERIOD | COST_OVERRIDE_AMORTIZE,
    .unit_price = *(double *) data,
    .period = COST_PERIOD_ONCE,
    .amortize_months = 36,
  };

  cost_scenario_set_override (scenario, cost_item_get_id (item), &o, NULL);
}

static void
grow (CostScenario *scenario,
      CostItem     *item,
      gpointer      data)
{
  CostOverride o = { .fields = COST_OVERRIDE_GROWTH, .monthly_growth = *(double *) data };

  cost_scenario_set_override (scenario, cost_item_get_id (item), &o, NULL);
}

/**
 * cost_preset_create:
 * @purchase_price: for %COST_PRESET_BUY, the price of one GPU
 *
 * Returns: (transfer full) (nullable): a new scenario (not yet added to the
 *   project) with the preset's overrides, or %NULL with @error when the
 *   project has nothing the preset applies to
 */
CostScenario *
cost_preset_create (CostPreset    preset,
                    CostProject  *project,
                    double        purchase_price,
                    GError      **error)
{
  g_autoptr(CostScenario) scenario = NULL;
  double value;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (preset < COST_N_PRESETS, NULL);

  scenario = cost_scenario_new (NULL, cost_preset_get_name (preset));
  cost_scenario_set_description (scenario, cost_preset_get_description (preset), NULL);

  switch (preset)
    {
    case COST_PRESET_QUANTIZATION:
      value = 0.5;
      for_each_item (project, FALSE, scale_quantity, scenario, &value);
      break;
    case COST_PRESET_DISTILLATION:
      value = 0.3;
      for_each_item (project, FALSE, scale_quantity, scenario, &value);
      break;
    case COST_PRESET_RESERVED:
      value = 0.6;
      for_each_item (project, FALSE, scale_price, scenario, &value);
      break;
    case COST_PRESET_BUY:
      if (!cost_check_amount (purchase_price, _("The purchase price"), error))
        return NULL;
      for_each_item (project, FALSE, buy, scenario, &purchase_price);
      break;
    case COST_PRESET_TRAFFIC_GROWTH:
      value = 0.05;
      for_each_item (project, TRUE, grow, scenario, &value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (cost_scenario_is_empty (scenario))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_NOT_FOUND,
                           preset == COST_PRESET_TRAFFIC_GROWTH ?
                           _("The project has no compute items to grow") :
                           _("The project has no GPU items (an item whose unit or name says GPU)"));
      return NULL;
    }

  return g_steal_pointer (&scenario);
}
