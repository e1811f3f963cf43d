/* cost-document.c
 *
 * A project as the window edits it: the project, the file it lives in, its
 * undo history, whether it has unsaved changes, the scenario the window
 * shows, and its figures: one result per scenario, computed when first
 * asked for after a change and kept until the next, so that the pages
 * showing the same figures compute them once.
 *
 * The edits the window offers are commands here (cost-document-edit.c):
 * each is one undoable step, and the widgets only call them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-document.h"
#include "cost-names.h"
#include "cost-project-io.h"

struct _CostDocument
{
  GObject        parent_instance;

  CostProject   *project;
  GFile         *file;
  CostUndoStack *undo_stack;
  CostScenario  *scenario;      /* the active scenario, NULL for the baseline */
  CostResult    *result;
  CostResult    *baseline;
  GPtrArray     *results;       /* CostResult or NULL: the baseline's, then each scenario's */
  guint64        results_serial; /* the project revision they are of */
  gboolean       editable;
  guint64        saved_serial;
  guint64        saved_state;   /* the undo stack's state at the save */
  guint64        seen_state;    /* its state at the last change */
  gboolean       unrecorded;    /* a change since the save that undo cannot take back */
  guint          check_source;  /* a change the history has not recorded yet */
  CostRecovery  *recovery;
  gboolean       modified;
  CostSimulation *simulation;   /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (CostDocument, cost_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_UNDO_STACK,
  PROP_SCENARIO,
  PROP_RESULT,
  PROP_MODIFIED,
  PROP_TITLE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the undo history is: it tells when undoing or redoing led back to
 * the project as saved. */
static guint64
undo_state (CostDocument *self)
{
  return self->undo_stack != NULL ? cost_undo_stack_get_state (self->undo_stack) : 0;
}

/* The state a save records: the edits until now are one step at least,
 * so that undoing the next edit leads back to it. */
static guint64
saved_undo_state (CostDocument *self)
{
  if (self->undo_stack != NULL)
    cost_undo_stack_get_undo_id (self->undo_stack);

  return undo_state (self);
}

/* Modified since the save, unless undo and redo led back to it. */
static void
update_modified (CostDocument *self)
{
  gboolean modified = cost_project_get_serial (self->project) != self->saved_serial &&
                      (self->undo_stack == NULL || self->unrecorded || self->check_source != 0 ||
                       undo_state (self) != self->saved_state);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* The slots of the results not computed yet are empty. */
static void
result_free (gpointer data)
{
  if (data != NULL)
    cost_result_unref (data);
}

/* The cached results hold only while the project is as they saw it: a
 * handler of CostProject::changed may ask before the document heard of it. */
static void
check_results (CostDocument *self)
{
  guint64 serial = cost_project_get_serial (self->project);
  guint n = cost_project_get_n_scenarios (self->project) + 1;

  if (self->results_serial == serial && self->results->len == n)
    return;

  g_ptr_array_set_size (self->results, 0);
  g_ptr_array_set_size (self->results, n);
  self->results_serial = serial;
}

static void
compute (CostDocument *self)
{
  g_clear_pointer (&self->result, cost_result_unref);
  g_clear_pointer (&self->baseline, cost_result_unref);
  self->baseline = cost_result_ref ((CostResult *) cost_document_get_scenario_result (self, NULL));
  self->result = cost_result_ref ((CostResult *) cost_document_get_scenario_result (self, self->scenario));
}

/* Undone back to the file: no recovery copy of unsaved work is needed. */
static void
forget_recovery_if_saved (CostDocument *self)
{
  if (!self->modified && self->recovery != NULL &&
      cost_project_get_serial (self->project) != self->saved_serial)
    cost_recovery_mark_saved (self->recovery);
}

/* A change that the undo history has still not recorded is one no undo
 * takes back (the history records every edit): the project stays
 * modified until it is saved. */
static gboolean
check_recorded_cb (gpointer data)
{
  CostDocument *self = data;
  guint64 state = undo_state (self);

  self->check_source = 0;
  if (state == self->seen_state)
    self->unrecorded = TRUE;
  self->seen_state = state;
  update_modified (self);
  forget_recovery_if_saved (self);

  return G_SOURCE_REMOVE;
}

static void
on_project_changed_cb (CostProject  *project,
                       CostDocument *self)
{
  /* A scenario deleted (or its creation undone) leaves the baseline shown. */
  if (self->scenario != NULL &&
      cost_project_find_scenario (project, cost_scenario_get_id (self->scenario), NULL) != self->scenario)
    {
      g_clear_object (&self->scenario);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }

  /* A change the undo history has not seen yet: g_object_set() tells of a
   * property after the project's change. Until the history records it,
   * the project counts as modified. */
  if (self->undo_stack != NULL && undo_state (self) == self->seen_state && self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, check_recorded_cb, self, NULL);
  if (self->undo_stack != NULL)
    self->seen_state = undo_state (self);

  compute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  update_modified (self);
  forget_recovery_if_saved (self);
}

static void
on_project_title_cb (CostProject  *project,
                     GParamSpec   *pspec,
                     CostDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
cost_document_constructed (GObject *object)
{
  CostDocument *self = (CostDocument *) object;

  G_OBJECT_CLASS (cost_document_parent_class)->constructed (object);

  g_assert (COST_IS_PROJECT (self->project));

  self->saved_serial = cost_project_get_serial (self->project);
  if (self->editable)
    {
      self->undo_stack = cost_undo_stack_new (self->project);
      /* Unsaved work is copied a few seconds after each edit: a crash loses
       * at most those seconds. */
      self->recovery = cost_recovery_new (NULL, self->project, 3000);
      cost_recovery_set_original (self->recovery, self->file);
    }
  self->results = g_ptr_array_new_with_free_func (result_free);
  self->results_serial = G_MAXUINT64;
  compute (self);
  g_signal_connect (self->project, "changed", G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect (self->project, "notify::title", G_CALLBACK (on_project_title_cb), self);
}

static void
cost_document_dispose (GObject *object)
{
  CostDocument *self = (CostDocument *) object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  /* A run in flight finishes on its own, and is dropped. */
  if (self->simulation != NULL)
    g_object_run_dispose (G_OBJECT (self->simulation));
  g_clear_object (&self->simulation);
  g_clear_handle_id (&self->check_source, g_source_remove);
  /* Closed deliberately (saved, or its changes discarded): no copy is kept. */
  if (self->recovery != NULL)
    cost_recovery_discard (self->recovery);
  g_clear_object (&self->recovery);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->result, cost_result_unref);
  g_clear_pointer (&self->baseline, cost_result_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (cost_document_parent_class)->dispose (object);
}

static void
cost_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CostDocument *self = COST_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_TITLE:
      g_value_take_string (value, cost_document_dup_title (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CostDocument *self = COST_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_SCENARIO:
      cost_document_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_document_class_init (CostDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = cost_document_constructed;
  object_class->dispose = cost_document_dispose;
  object_class->get_property = cost_document_get_property;
  object_class->set_property = cost_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COST_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, COST_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, COST_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESULT] = g_param_spec_boxed ("result", NULL, NULL, COST_TYPE_RESULT, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* A document only shown (a presentation, a chart of a project) keeps no
   * undo history and no recovery copies. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cost_document_init (CostDocument *self)
{
}

/**
 * cost_document_new:
 * @file: (nullable): where @project was loaded from
 */
CostDocument *
cost_document_new (CostProject *project,
                   GFile       *file)
{
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (COST_TYPE_DOCUMENT, "project", project, "file", file, NULL);
}

/**
 * cost_document_new_view:
 *
 * Returns: (transfer full): a document that only shows @project and its
 *   figures: it has no undo stack and keeps no recovery copies
 */
CostDocument *
cost_document_new_view (CostProject *project)
{
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  return g_object_new (COST_TYPE_DOCUMENT, "project", project, "editable", FALSE, NULL);
}

/**
 * cost_document_load:
 *
 * Returns: (transfer full) (nullable): the document of @file, or %NULL with
 *   the loader's message ("FILE: categories[1].items[3].unit_price: ...")
 */
CostDocument *
cost_document_load (GFile   *file,
                    GError **error)
{
  g_autoptr(CostProject) project = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  project = cost_project_load (file, NULL, error);
  if (project == NULL)
    return NULL;

  return cost_document_new (project, file);
}

/* While held (by a test), workers wait before they read: what the window
 * does meanwhile can then be checked whatever the speed of the machine. */
static GMutex load_gate_lock;
static GCond load_gate_cond;
static gboolean load_gate_held;

/**
 * _cost_document_hold_loads:
 * @hold: %TRUE to make the loads that start wait, %FALSE to let them go
 *
 * For tests.
 */
void
_cost_document_hold_loads (gboolean hold)
{
  g_mutex_lock (&load_gate_lock);
  load_gate_held = hold;
  g_cond_broadcast (&load_gate_cond);
  g_mutex_unlock (&load_gate_lock);
}

/* The project a worker reads is its own until the load finishes: nothing
 * else sees it before cost_document_load_finish() hands it over. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  CostProject *project;

  g_mutex_lock (&load_gate_lock);
  while (load_gate_held)
    g_cond_wait (&load_gate_cond, &load_gate_lock);
  g_mutex_unlock (&load_gate_lock);

  project = cost_project_load (file, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * cost_document_load_async:
 *
 * Reads and checks @file in a worker thread, so that a large project does
 * not hold up the main loop; cost_document_load_finish() gives the document.
 */
void
cost_document_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cost_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cost_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with the
 *   loader's message, as cost_document_load() gives it, or a
 *   %G_IO_ERROR_CANCELLED error
 */
CostDocument *
cost_document_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(CostProject) project = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cost_document_load_async, NULL);

  project = g_task_propagate_pointer (G_TASK (result), error);
  if (project == NULL)
    return NULL;

  return cost_document_new (project, g_task_get_task_data (G_TASK (result)));
}

/* The document now lives in @file, saved as the project was at @serial,
 * when the undo history was at @state. */
static void
mark_saved (CostDocument *self,
            GFile        *file,
            guint64       serial,
            guint64       state)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  self->saved_serial = serial;
  self->saved_state = state;
  if (cost_project_get_serial (self->project) == serial)
    self->unrecorded = FALSE;
  update_modified (self);
  if (self->recovery == NULL)
    return;
  cost_recovery_set_original (self->recovery, file);
  /* Edits made while the file was being written are not in it: their
   * recovery copy stays until they are saved too. */
  if (cost_project_get_serial (self->project) == serial)
    cost_recovery_mark_saved (self->recovery);
}

/**
 * cost_document_save:
 * @file: (nullable): where to save, %NULL for the document's file
 *
 * Saves atomically, keeping the previous version as a backup. The document
 * then lives in @file and has no unsaved changes.
 */
gboolean
cost_document_save (CostDocument  *self,
                    GFile         *file,
                    GError       **error)
{
  g_autofree char *data = NULL;
  guint64 serial, state;
  gsize length;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;

  serial = cost_project_get_serial (self->project);
  state = saved_undo_state (self);
  data = cost_project_to_data (self->project, &length);
  if (!cost_file_replace_contents (file, data, length, TRUE, NULL, error))
    return FALSE;

  mark_saved (self, file, serial, state);

  return TRUE;
}

typedef struct
{
  GFile   *file;
  char    *data;
  gsize    length;
  guint64  serial;
  guint64  state;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_object_unref (save->file);
  g_free (save->data);
  g_free (save);
}

/* Only bytes reach the worker: the project stays on the main thread, where
 * the window goes on editing it while the file is written. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (cost_file_replace_contents (save->file, save->data, save->length, TRUE, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_save_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  CostDocument *self = COST_DOCUMENT (source);
  g_autoptr(GTask) task = data;
  SaveData *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Before the caller hears of it, so that it finds the document saved. */
  mark_saved (self, save->file, save->serial, save->state);
  g_task_return_boolean (task, TRUE);
}

/**
 * cost_document_save_async:
 * @file: (nullable): where to save, %NULL for the document's file
 *
 * Saves as cost_document_save() does, with the project written out here and
 * the file written in a worker thread. The changes made until this call
 * are the ones saved; later ones stay unsaved.
 */
void
cost_document_save_async (CostDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) writer = NULL;
  GTask *task;
  SaveData *save;

  g_return_if_fail (COST_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file != NULL ? file : self->file);
  save->serial = cost_project_get_serial (self->project);
  save->state = saved_undo_state (self);
  save->data = cost_project_to_data (self->project, &save->length);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cost_document_save_async);
  /* Once written, the file is saved: a late cancel does not say otherwise. */
  g_task_set_check_cancellable (task, FALSE);

  writer = g_task_new (self, cancellable, on_save_written_cb, task);
  g_task_set_task_data (writer, save, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (writer, save_thread);
}

/**
 * cost_document_save_finish:
 *
 * Returns: whether the file was written, else %FALSE with the writer's
 *   message ("Could not save “FILE”: reason")
 */
gboolean
cost_document_save_finish (CostDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cost_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cost_document_new_recovered:
 *
 * Returns: (transfer full) (nullable): the unsaved work of a recovery copy,
 *   in the file it was a copy of, with its changes still to be saved
 */
CostDocument *
cost_document_new_recovered (const CostRecoveryEntry  *entry,
                             GError                  **error)
{
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GFile) original = NULL;
  CostDocument *self;

  g_return_val_if_fail (entry != NULL, NULL);

  project = cost_recovery_entry_load (entry, error);
  if (project == NULL)
    return NULL;

  if (entry->original != NULL)
    original = g_file_new_for_path (entry->original);

  self = cost_document_new (project, original);
  /* Not what the file holds, whatever is undone. */
  self->saved_serial = G_MAXUINT64;
  self->unrecorded = TRUE;
  update_modified (self);
  cost_recovery_adopt (self->recovery, entry);

  return self;
}

/**
 * cost_document_get_recovery:
 *
 * Returns: (transfer none) (nullable): the recovery copies of the
 *   document's unsaved work, %NULL for a view
 */
CostRecovery *
cost_document_get_recovery (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->recovery;
}

CostProject *
cost_document_get_project (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * cost_document_get_simulation:
 *
 * Returns: (transfer none): the simulation of the document's plan, with
 *   the scenario it shows
 */
CostSimulation *
cost_document_get_simulation (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  if (self->simulation == NULL)
    self->simulation = cost_simulation_new (self);

  return self->simulation;
}

/**
 * cost_document_get_undo_stack:
 *
 * Returns: (transfer none) (nullable): the undo history, %NULL for a view
 */
CostUndoStack *
cost_document_get_undo_stack (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->undo_stack;
}

/**
 * cost_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file, %NULL until first saved
 */
GFile *
cost_document_get_file (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * cost_document_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario the window shows and
 *   edits, %NULL for the baseline
 */
CostScenario *
cost_document_get_scenario (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->scenario;
}

/**
 * cost_document_set_scenario:
 * @scenario: (nullable): a scenario of the project, %NULL for the baseline
 *
 * Makes @scenario the one every page shows and every edit of a value goes to.
 */
void
cost_document_set_scenario (CostDocument *self,
                            CostScenario *scenario)
{
  g_return_if_fail (COST_IS_DOCUMENT (self));
  g_return_if_fail (!scenario || COST_IS_SCENARIO (scenario));
  g_return_if_fail (!scenario ||
                    cost_project_find_scenario (self->project, cost_scenario_get_id (scenario), NULL) == scenario);

  if (!g_set_object (&self->scenario, scenario))
    return;

  compute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/**
 * cost_document_get_result:
 *
 * Returns: (transfer none): the figures of the active scenario (or of the
 *   baseline) as the project is now
 */
const CostResult *
cost_document_get_result (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->result;
}

/**
 * cost_document_get_baseline_result:
 *
 * Returns: (transfer none): the figures of the baseline, whatever scenario
 *   is active
 */
const CostResult *
cost_document_get_baseline_result (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  return self->baseline;
}

/**
 * cost_document_get_scenario_result:
 * @scenario: (nullable): a scenario of the project, %NULL for the baseline
 *
 * Returns: (transfer none): the figures of @scenario as the project is now,
 *   computed once for each revision of the project
 */
const CostResult *
cost_document_get_scenario_result (CostDocument *self,
                                   CostScenario *scenario)
{
  guint position = 0;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  if (scenario != NULL)
    {
      if (cost_project_find_scenario (self->project, cost_scenario_get_id (scenario), &position) != scenario)
        g_return_val_if_reached (NULL);
      position++;
    }

  check_results (self);
  if (g_ptr_array_index (self->results, position) == NULL)
    g_ptr_array_index (self->results, position) = cost_calc_compute (self->project, scenario);

  return g_ptr_array_index (self->results, position);
}

/**
 * cost_document_get_results:
 *
 * Returns: (transfer none) (element-type CostResult): the figures of the
 *   baseline first, then of each scenario in order, as the project is now
 */
GPtrArray *
cost_document_get_results (CostDocument *self)
{
  gboolean complete = TRUE;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  check_results (self);
  for (guint i = 0; i < self->results->len && complete; i++)
    complete = g_ptr_array_index (self->results, i) != NULL;

  if (!complete)
    {
      /* All at once: the scenarios share the work of the baseline. */
      g_autoptr(GPtrArray) all = cost_calc_compute_all (self->project);

      for (guint i = 0; i < all->len; i++)
        {
          if (g_ptr_array_index (self->results, i) == NULL)
            g_ptr_array_index (self->results, i) = cost_result_ref (g_ptr_array_index (all, i));
        }
    }

  return self->results;
}

gboolean
cost_document_get_modified (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * cost_document_is_pristine:
 *
 * Returns: whether the document is a new project nobody touched, which a file
 *   being opened can replace without asking
 */
gboolean
cost_document_is_pristine (CostDocument *self)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);

  return self->file == NULL && cost_project_get_serial (self->project) == self->saved_serial;
}

/**
 * cost_document_dup_title:
 *
 * Returns: (transfer full): the project title, or a stand-in when it has none
 */
char *
cost_document_dup_title (CostDocument *self)
{
  const char *title;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  title = cost_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    return g_strdup (_("Untitled Project"));

  /* The bundled examples' titles are shown in the user's language. */
  return g_strdup (cost_names_translate (title));
}

/**
 * cost_document_dup_file_name:
 *
 * Returns: (transfer full) (nullable): the name of the file to show, %NULL
 *   when the document was never saved
 */
char *
cost_document_dup_file_name (CostDocument *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;

  path = g_file_get_path (self->file);
  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_basename (self->file);
}
