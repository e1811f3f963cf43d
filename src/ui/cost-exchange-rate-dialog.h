/* cost-exchange-rate-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-project.h"

G_BEGIN_DECLS

#define COST_TYPE_EXCHANGE_RATE_DIALOG (cost_exchange_rate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CostExchangeRateDialog, cost_exchange_rate_dialog, COST, EXCHANGE_RATE_DIALOG,
                      AdwMessageDialog)

GtkWidget *cost_exchange_rate_dialog_new        (GtkWindow              *parent,
                                                 CostProject            *project,
                                                 const char             *currency);
gboolean   cost_exchange_rate_dialog_set_values (CostExchangeRateDialog *self,
                                                 const char             *currency,
                                                 const char             *rate,
                                                 const char             *as_of);
gboolean   cost_exchange_rate_dialog_apply      (CostExchangeRateDialog *self);

G_END_DECLS
