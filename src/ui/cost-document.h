/* cost-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-actuals.h"
#include "cost-bill.h"
#include "cost-bill-rules.h"
#include "cost-calc.h"
#include "cost-catalogue.h"
#include "cost-project.h"
#include "cost-ranges.h"
#include "cost-recovery.h"
#include "cost-simulation.h"
#include "cost-undo-stack.h"

G_BEGIN_DECLS

/**
 * CostDeletion:
 * @COST_DELETION_NONE: there was no such item
 * @COST_DELETION_DELETED: the item is gone, from the project or the scenario
 * @COST_DELETION_EXCLUDED: the scenario leaves the baseline's item out
 */
typedef enum
{
  COST_DELETION_NONE,
  COST_DELETION_DELETED,
  COST_DELETION_EXCLUDED,
} CostDeletion;

#define COST_TYPE_DOCUMENT (cost_document_get_type ())

G_DECLARE_FINAL_TYPE (CostDocument, cost_document, COST, DOCUMENT, GObject)

CostDocument     *cost_document_new            (CostProject   *project,
                                                GFile         *file);
CostDocument     *cost_document_new_view       (CostProject   *project);
CostDocument     *cost_document_load           (GFile         *file,
                                                GError       **error);
void              cost_document_load_async     (GFile         *file,
                                                GCancellable  *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer       user_data);
CostDocument     *cost_document_load_finish    (GAsyncResult  *result,
                                                GError       **error);
gboolean          cost_document_save           (CostDocument  *self,
                                                GFile         *file,
                                                GError       **error);
void              cost_document_save_async     (CostDocument  *self,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer       user_data);
gboolean          cost_document_save_finish    (CostDocument  *self,
                                                GAsyncResult  *result,
                                                GError       **error);
CostDocument     *cost_document_new_recovered  (const CostRecoveryEntry *entry,
                                                GError       **error);
CostRecovery     *cost_document_get_recovery   (CostDocument  *self);
CostProject      *cost_document_get_project    (CostDocument  *self);
CostUndoStack    *cost_document_get_undo_stack (CostDocument  *self);
CostSimulation   *cost_document_get_simulation (CostDocument  *self);
GFile            *cost_document_get_file       (CostDocument  *self);
CostScenario     *cost_document_get_scenario   (CostDocument  *self);
void              cost_document_set_scenario   (CostDocument  *self,
                                                CostScenario  *scenario);
const CostResult *cost_document_get_result     (CostDocument  *self);
const CostResult *cost_document_get_baseline_result (CostDocument *self);
const CostResult *cost_document_get_scenario_result (CostDocument *self,
                                                     CostScenario *scenario);
GPtrArray        *cost_document_get_results    (CostDocument  *self);
gboolean          cost_document_get_modified   (CostDocument  *self);
gboolean          cost_document_is_pristine    (CostDocument  *self);
char             *cost_document_dup_title      (CostDocument  *self);
char             *cost_document_dup_file_name  (CostDocument  *self);

/* Commands: each edit is one undoable step (cost-document-edit.c). */
CostItem         *cost_document_find_item      (CostDocument  *self,
                                                const char    *item_id,
                                                CostScenario  *scenario,
                                                CostCategory **category);
CostCategory     *cost_document_add_category   (CostDocument  *self);
gboolean          cost_document_delete_category (CostDocument *self,
                                                 CostCategory *category,
                                                 guint        *position);
gboolean          cost_document_move_category  (CostDocument  *self,
                                                CostCategory  *category,
                                                int            delta);
CostItem         *cost_document_add_item       (CostDocument  *self,
                                                CostCategory  *category,
                                                CostItem      *after,
                                                CostScenario  *scenario);
CostItem         *cost_document_duplicate_item (CostDocument  *self,
                                                const char    *item_id,
                                                CostScenario  *scenario);
CostDeletion      cost_document_delete_item    (CostDocument  *self,
                                                const char    *item_id,
                                                CostScenario  *scenario);
gboolean          cost_document_move_item      (CostDocument  *self,
                                                const char    *item_id,
                                                int            delta);
gboolean          cost_document_move_item_to   (CostDocument  *self,
                                                const char    *item_id,
                                                const char    *category_id,
                                                guint          position);
CostWorkload     *cost_document_describe_traffic (CostDocument *self);
void              cost_document_remove_workload (CostDocument *self);
CostServedModel  *cost_document_add_model      (CostDocument  *self);
gboolean          cost_document_remove_model   (CostDocument  *self,
                                                CostServedModel *model);
const CostPrice  *cost_document_get_catalogue_price (CostDocument    *self,
                                                     CostServedModel *model);
CostItem         *cost_document_add_driven_gpu_item (CostDocument    *self,
                                                     CostServedModel *model);
CostItem         *cost_document_find_power_line (CostDocument *self);
CostItem         *cost_document_add_power_line (CostDocument  *self,
                                                double         price);
gboolean          cost_document_range_subject  (GObject          *object,
                                                CostRangeSubject *subject);
gboolean          cost_document_set_range      (CostDocument     *self,
                                                CostScenario     *scenario,
                                                GObject          *object,
                                                const char       *key,
                                                const CostRange  *range,
                                                const char       *group,
                                                GError          **error);
void              cost_document_reset_ranges   (CostDocument     *self,
                                                CostScenario     *scenario,
                                                GObject          *object);
gboolean          cost_document_set_samples    (CostDocument  *self,
                                                guint          samples,
                                                GError       **error);
gboolean          cost_document_set_seed       (CostDocument  *self,
                                                guint64        seed,
                                                GError       **error);
guint64           cost_document_new_seed       (CostDocument  *self);
GStrv             cost_document_list_range_groups (CostDocument *self);
gboolean          cost_document_set_correlation (CostDocument *self,
                                                 const char   *group,
                                                 double        correlation,
                                                 GError      **error);

/* Commands on actual spending (cost-document-actuals.c). */
gboolean          cost_document_set_start      (CostDocument        *self,
                                                const char          *start,
                                                GError             **error);
gboolean          cost_document_set_actual     (CostDocument        *self,
                                                const CostActual    *actual,
                                                GError             **error);
void              cost_document_remove_actual  (CostDocument        *self,
                                                const CostActual    *key);
gboolean          cost_document_add_bill_rule  (CostDocument        *self,
                                                const CostBillRule  *rule,
                                                guint               *n_assigned,
                                                GError             **error);
gboolean          cost_document_set_actual_requests (CostDocument   *self,
                                                const char          *month,
                                                double               requests,
                                                GError             **error);
gboolean          cost_document_apply_bill     (CostDocument        *self,
                                                const CostBill      *bill,
                                                const char          *source,
                                                const char          *mapping_name,
                                                const CostBillMapping *mapping,
                                                CostBillReport      *report,
                                                GError             **error);

void           _cost_document_hold_loads     (gboolean              hold);
void           _cost_document_begin_step     (CostDocument         *self);
void           _cost_document_end_step       (CostDocument         *self);

G_END_DECLS
