/* cost-project.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-category.h"
#include "cost-scenario.h"
#include "cost-served-model.h"
#include "cost-workload.h"

G_BEGIN_DECLS

/* The largest seed: every seed a project file can write exactly. */
#define COST_PROJECT_MAX_SEED G_GUINT64_CONSTANT (9007199254740991)

#define COST_TYPE_PROJECT (cost_project_get_type ())

#define COST_PROJECT_FORMAT  "modelcost"
#define COST_PROJECT_VERSION 1

/* The requests served each month: ("YYYY-MM", requests), in order of months. */
#define COST_ACTUAL_TRAFFIC_TYPE G_VARIANT_TYPE ("a(sd)")
/* At most this many months of it in a file: a century. */
#define COST_MAX_TRAFFIC_MONTHS  1200

G_DECLARE_FINAL_TYPE (CostProject, cost_project, COST, PROJECT, GObject)

CostProject  *cost_project_new                 (void);
CostProject  *cost_project_new_default         (void);
const char   *cost_project_get_title           (CostProject   *self);
gboolean      cost_project_set_title           (CostProject   *self,
                                                const char    *title,
                                                GError       **error);
const char   *cost_project_get_description     (CostProject   *self);
gboolean      cost_project_set_description     (CostProject   *self,
                                                const char    *description,
                                                GError       **error);
const char   *cost_project_get_currency        (CostProject   *self);
gboolean      cost_project_set_currency        (CostProject   *self,
                                                const char    *currency,
                                                GError       **error);
int           cost_project_get_horizon         (CostProject   *self);
gboolean      cost_project_set_horizon         (CostProject   *self,
                                                int            months,
                                                GError       **error);
double        cost_project_get_monthly_budget  (CostProject   *self);
gboolean      cost_project_set_monthly_budget  (CostProject   *self,
                                                double         budget,
                                                GError       **error);
double        cost_project_get_annual_budget   (CostProject   *self);
gboolean      cost_project_set_annual_budget   (CostProject   *self,
                                                double         budget,
                                                GError       **error);

GListModel   *cost_project_get_categories      (CostProject   *self);
guint         cost_project_get_n_categories    (CostProject   *self);
CostCategory *cost_project_get_category        (CostProject   *self,
                                                guint          position);
CostCategory *cost_project_find_category       (CostProject   *self,
                                                const char    *id,
                                                guint         *position);
CostItem     *cost_project_find_item           (CostProject   *self,
                                                const char    *item_id,
                                                CostCategory **category);
void          cost_project_insert_category     (CostProject   *self,
                                                guint          position,
                                                CostCategory  *category);
void          cost_project_add_category        (CostProject   *self,
                                                CostCategory  *category);
void          cost_project_remove_category     (CostProject   *self,
                                                guint          position);
void          cost_project_move_category       (CostProject   *self,
                                                guint          from,
                                                guint          to);
guint         cost_project_get_n_items         (CostProject   *self);

GListModel   *cost_project_get_scenarios       (CostProject   *self);
guint         cost_project_get_n_scenarios     (CostProject   *self);
CostScenario *cost_project_get_scenario        (CostProject   *self,
                                                guint          position);
CostScenario *cost_project_find_scenario       (CostProject   *self,
                                                const char    *id,
                                                guint         *position);
void          cost_project_insert_scenario     (CostProject   *self,
                                                guint          position,
                                                CostScenario  *scenario);
void          cost_project_add_scenario        (CostProject   *self,
                                                CostScenario  *scenario);
void          cost_project_remove_scenario     (CostProject   *self,
                                                guint          position);

CostWorkload *cost_project_get_workload        (CostProject   *self);
void          cost_project_set_workload        (CostProject   *self,
                                                CostWorkload  *workload);
GListModel   *cost_project_get_models          (CostProject   *self);
guint         cost_project_get_n_models        (CostProject   *self);
CostServedModel *cost_project_get_model        (CostProject   *self,
                                                guint          position);
CostServedModel *cost_project_find_model       (CostProject   *self,
                                                const char    *id,
                                                guint         *position);
void          cost_project_insert_model        (CostProject   *self,
                                                guint          position,
                                                CostServedModel *model);
void          cost_project_add_model           (CostProject   *self,
                                                CostServedModel *model);
void          cost_project_remove_model        (CostProject   *self,
                                                guint          position);
guint         cost_project_get_samples         (CostProject   *self);
gboolean      cost_project_set_samples         (CostProject   *self,
                                                guint          samples,
                                                GError       **error);
guint64       cost_project_get_seed            (CostProject   *self);
gboolean      cost_project_set_seed            (CostProject   *self,
                                                guint64        seed,
                                                GError       **error);
GVariant     *cost_project_get_correlations    (CostProject   *self);
gboolean      cost_project_set_correlations    (CostProject   *self,
                                                GVariant      *correlations,
                                                GError       **error);
double        cost_project_get_correlation     (CostProject   *self,
                                                const char    *group);
double        cost_project_get_pue             (CostProject   *self);
gboolean      cost_project_set_pue             (CostProject   *self,
                                                double         pue,
                                                GError       **error);
gboolean      cost_project_get_exchange_rate   (CostProject   *self,
                                                const char    *currency,
                                                double        *rate,
                                                const char   **as_of);
gboolean      cost_project_set_exchange_rate   (CostProject   *self,
                                                const char    *currency,
                                                double         rate,
                                                const char    *as_of,
                                                GError       **error);
GStrv         cost_project_list_exchange_rates (CostProject   *self);
const char   *cost_project_get_start           (CostProject   *self);
gboolean      cost_project_get_start_month     (CostProject   *self,
                                                int           *month);
char         *cost_project_get_month_label     (CostProject   *self,
                                                int            month,
                                                gboolean       short_form);
gboolean      cost_project_set_start           (CostProject   *self,
                                                const char    *start,
                                                GError       **error);
GVariant     *cost_project_get_actuals         (CostProject   *self);
gboolean      cost_project_set_actuals         (CostProject   *self,
                                                GVariant      *actuals,
                                                GError       **error);
GVariant     *cost_project_get_actual_traffic  (CostProject   *self);
gboolean      cost_project_set_actual_traffic  (CostProject   *self,
                                                GVariant      *traffic,
                                                GError       **error);
gboolean      cost_project_get_actual_requests (CostProject   *self,
                                                int            month,
                                                double        *requests);
gboolean      cost_project_set_actual_requests (CostProject   *self,
                                                const char    *month,
                                                double         requests,
                                                GError       **error);
GVariant     *cost_project_get_bill_rules      (CostProject   *self);
gboolean      cost_project_set_bill_rules      (CostProject   *self,
                                                GVariant      *rules,
                                                GError       **error);
GVariant     *cost_project_get_bill_mappings   (CostProject   *self);
gboolean      cost_project_set_bill_mappings   (CostProject   *self,
                                                GVariant      *mappings,
                                                GError       **error);

void          cost_project_begin_change        (CostProject   *self);
void          cost_project_end_change          (CostProject   *self);
guint64       cost_project_get_serial          (CostProject   *self);

G_END_DECLS
