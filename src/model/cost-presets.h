/* cost-presets.h
 *
 * Ready scenarios for the common levers of AI serving cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project.h"

G_BEGIN_DECLS

typedef enum
{
  COST_PRESET_QUANTIZATION,   /* INT8/FP8: GPU count × 0.5 */
  COST_PRESET_DISTILLATION,   /* a smaller model: GPU count × 0.3 */
  COST_PRESET_RESERVED,       /* reserved or committed GPUs: unit price × 0.6 */
  COST_PRESET_BUY,            /* buy the GPUs: a purchase amortised over 36 months */
  COST_PRESET_TRAFFIC_GROWTH, /* compute grows 5% a month */
} CostPreset;

#define COST_N_PRESETS 5

const char   *cost_preset_get_name        (CostPreset    preset);
const char   *cost_preset_get_description (CostPreset    preset);
gboolean      cost_item_is_gpu            (CostItem     *item);
CostScenario *cost_preset_create          (CostPreset    preset,
                                           CostProject  *project,
                                           double        purchase_price,
                                           GError      **error);

G_END_DECLS
