/* cost-model-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_MODEL_GROUP (cost_model_group_get_type ())

G_DECLARE_FINAL_TYPE (CostModelGroup, cost_model_group, COST, MODEL_GROUP, AdwPreferencesGroup)

GtkWidget       *cost_model_group_new             (CostDocument    *document,
                                                   CostServedModel *model);
CostServedModel *cost_model_group_get_model       (CostModelGroup  *self);
GtkWidget       *cost_model_group_get_field       (CostModelGroup  *self,
                                                   const char      *name);
const char      *cost_model_group_get_needed      (CostModelGroup  *self);
const char      *cost_model_group_get_explanation (CostModelGroup  *self);
const char      *cost_model_group_get_reference   (CostModelGroup  *self);
const char      *cost_model_group_get_token_cost  (CostModelGroup  *self);
const char      *cost_model_group_get_warning     (CostModelGroup  *self);
GtkWidget       *cost_model_group_get_chart       (CostModelGroup  *self,
                                                   gboolean         curve);

G_END_DECLS
