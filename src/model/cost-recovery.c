/* cost-recovery.c
 *
 * A recovery copy is a project file, ID.modelcost, beside ID.json that says
 * what it is a copy of and when it was written. While the project has unsaved
 * changes, a copy is written a short delay after the first edit (at most one
 * write per delay however fast the edits come); the project is serialised on
 * the main thread and written in a worker thread. A save or a deliberate
 * discard removes the copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-recovery"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cost-project-io.h"
#include "cost-recovery.h"

struct _CostRecovery
{
  GObject      parent_instance;

  char        *directory;
  char        *id;
  char        *original;
  CostProject *project;
  guint        delay_ms;
  guint        timeout_id;
  guint64      saved_serial;
  guint64      written_serial;
  gboolean     has_copy;
  guint        generation;   /* writes started before a discard must not restore the copy */
};

G_DEFINE_FINAL_TYPE (CostRecovery, cost_recovery, G_TYPE_OBJECT)

static GMutex write_lock;

static char *
copy_path (CostRecovery *self,
           const char   *suffix)
{
  g_autofree char *name = g_strconcat (self->id, suffix, NULL);

  return g_build_filename (self->directory, name, NULL);
}

typedef struct
{
  char   *directory;
  char   *data_path;
  char   *meta_path;
  char   *data;
  gsize   length;
  char   *meta;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->directory);
  g_free (job->data_path);
  g_free (job->meta_path);
  g_free (job->data);
  g_free (job->meta);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&write_lock);
  if (g_mkdir_with_parents (job->directory, 0700) != 0 ||
      !g_file_set_contents (job->data_path, job->data, job->length, &error) ||
      !g_file_set_contents (job->meta_path, job->meta, -1, &error))
    {
      g_mutex_unlock (&write_lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "%s", error ? error->message : g_strerror (errno));
      return;
    }
  g_mutex_unlock (&write_lock);

  g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CostRecovery *self = COST_RECOVERY (source);
  g_autoptr(GError) error = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not write the recovery copy: %s", error->message);
      return;
    }

  /* Discarded or saved while the copy was being written: remove it again,
   * unless a later edit is being copied to the same files since. */
  if (generation != self->generation && !self->has_copy)
    {
      g_autofree char *data_path = copy_path (self, ".modelcost");
      g_autofree char *meta_path = copy_path (self, ".json");

      g_mutex_lock (&write_lock);
      g_unlink (data_path);
      g_unlink (meta_path);
      g_mutex_unlock (&write_lock);
    }
}

static char *
make_meta (CostRecovery *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "original");
  if (self->original != NULL)
    json_builder_add_string_value (builder, self->original);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, cost_project_get_title (self->project));
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, when);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, TRUE);
}

static void
write_now (CostRecovery *self)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  if (cost_project_get_serial (self->project) == self->saved_serial ||
      cost_project_get_serial (self->project) == self->written_serial)
    return;

  job = g_new0 (WriteJob, 1);
  job->directory = g_strdup (self->directory);
  job->data_path = copy_path (self, ".modelcost");
  job->meta_path = copy_path (self, ".json");
  job->data = cost_project_to_data (self->project, &job->length);
  job->meta = make_meta (self);

  self->written_serial = cost_project_get_serial (self->project);
  self->has_copy = TRUE;

  task = g_task_new (self, NULL, write_done_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
on_timeout_cb (gpointer data)
{
  CostRecovery *self = data;

  self->timeout_id = 0;
  write_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_project_changed_cb (CostProject  *project,
                       CostRecovery *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, on_timeout_cb, self);
}

static void
remove_files (CostRecovery *self)
{
  g_autofree char *data_path = copy_path (self, ".modelcost");
  g_autofree char *meta_path = copy_path (self, ".json");

  self->generation++;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  g_mutex_lock (&write_lock);
  g_unlink (data_path);
  g_unlink (meta_path);
  g_mutex_unlock (&write_lock);

  self->has_copy = FALSE;
  self->written_serial = 0;
}

static void
cost_recovery_dispose (GObject *object)
{
  CostRecovery *self = (CostRecovery *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (cost_recovery_parent_class)->dispose (object);
}

static void
cost_recovery_finalize (GObject *object)
{
  CostRecovery *self = (CostRecovery *) object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->original, g_free);

  G_OBJECT_CLASS (cost_recovery_parent_class)->finalize (object);
}

static void
cost_recovery_class_init (CostRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cost_recovery_dispose;
  object_class->finalize = cost_recovery_finalize;
}

static void
cost_recovery_init (CostRecovery *self)
{
  self->id = g_uuid_string_random ();
}

/**
 * cost_recovery_default_directory:
 *
 * Returns: (transfer full): $XDG_STATE_HOME/modelcost/recovery
 */
char *
cost_recovery_default_directory (void)
{
  return g_build_filename (g_get_user_state_dir (), "modelcost", "recovery", NULL);
}

/**
 * cost_recovery_new:
 * @directory: (nullable): where copies go; %NULL for the default
 * @delay_ms: how long after an edit the copy is written
 *
 * Returns: (transfer full): a recovery that watches @project
 */
CostRecovery *
cost_recovery_new (const char  *directory,
                   CostProject *project,
                   guint        delay_ms)
{
  CostRecovery *self;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self = g_object_new (COST_TYPE_RECOVERY, NULL);
  self->directory = directory ? g_strdup (directory) : cost_recovery_default_directory ();
  self->project = g_object_ref (project);
  self->delay_ms = delay_ms;
  self->saved_serial = cost_project_get_serial (project);
  g_signal_connect (project, "changed", G_CALLBACK (on_project_changed_cb), self);

  return self;
}

const char *
cost_recovery_get_directory (CostRecovery *self)
{
  g_return_val_if_fail (COST_IS_RECOVERY (self), NULL);

  return self->directory;
}

/**
 * cost_recovery_set_original:
 * @original: (nullable): the file the project was opened from or saved to
 */
void
cost_recovery_set_original (CostRecovery *self,
                            GFile        *original)
{
  g_return_if_fail (COST_IS_RECOVERY (self));

  g_free (self->original);
  self->original = original ? g_file_get_path (original) : NULL;
}

/**
 * cost_recovery_mark_saved:
 *
 * The project was saved: its copy is no longer needed.
 */
void
cost_recovery_mark_saved (CostRecovery *self)
{
  g_return_if_fail (COST_IS_RECOVERY (self));

  self->saved_serial = cost_project_get_serial (self->project);
  remove_files (self);
}

/**
 * cost_recovery_discard:
 *
 * The user chose to lose the unsaved changes (or closed cleanly): remove the copy.
 */
void
cost_recovery_discard (CostRecovery *self)
{
  g_return_if_fail (COST_IS_RECOVERY (self));

  remove_files (self);
  g_signal_handlers_disconnect_by_data (self->project, self);
}

/**
 * cost_recovery_flush:
 *
 * Writes a pending copy now rather than after the delay.
 */
void
cost_recovery_flush (CostRecovery *self)
{
  g_return_if_fail (COST_IS_RECOVERY (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  write_now (self);
}

/**
 * cost_recovery_adopt:
 *
 * Takes over the copy of @entry, restored into this recovery's project: the
 * next copy replaces it, and a save or a discard removes it.
 */
void
cost_recovery_adopt (CostRecovery            *self,
                     const CostRecoveryEntry *entry)
{
  g_return_if_fail (COST_IS_RECOVERY (self));
  g_return_if_fail (entry != NULL);

  g_free (self->id);
  self->id = g_strdup (entry->id);
  self->has_copy = TRUE;
  self->saved_serial = G_MAXUINT64;
  self->written_serial = cost_project_get_serial (self->project);
}

gboolean
cost_recovery_has_copy (CostRecovery *self)
{
  g_return_val_if_fail (COST_IS_RECOVERY (self), FALSE);

  return self->has_copy;
}

void
cost_recovery_entry_free (CostRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->original);
  g_free (entry->title);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CostRecoveryEntry *x = *(CostRecoveryEntry **) a, *y = *(CostRecoveryEntry **) b;

  return g_date_time_compare (y->saved, x->saved);
}

/**
 * cost_recovery_list:
 * @directory: (nullable): %NULL for the default
 *
 * Returns: (transfer full) (element-type CostRecoveryEntry): the recovery
 *   copies left by earlier runs, newest first
 */
GPtrArray *
cost_recovery_list (const char *directory)
{
  g_autofree char *dir_path = directory ? g_strdup (directory) : cost_recovery_default_directory ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cost_recovery_entry_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *meta_path = NULL;
      g_autofree char *data_path = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *id = NULL;
      CostRecoveryEntry *entry;
      JsonObject *o;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".json"));
      meta_path = g_build_filename (dir_path, name, NULL);
      data_path = g_strconcat (dir_path, G_DIR_SEPARATOR_S, id, ".modelcost", NULL);
      if (!g_file_test (data_path, G_FILE_TEST_IS_REGULAR) ||
          !json_parser_load_from_file (parser, meta_path, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;

      o = json_node_get_object (json_parser_get_root (parser));
      entry = g_new0 (CostRecoveryEntry, 1);
      entry->id = g_steal_pointer (&id);
      entry->path = g_steal_pointer (&data_path);
      if (json_object_has_member (o, "original") && !json_object_get_null_member (o, "original"))
        entry->original = g_strdup (json_object_get_string_member_with_default (o, "original", NULL));
      entry->title = g_strdup (json_object_get_string_member_with_default (o, "title", ""));
      entry->saved = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (o, "saved", ""), NULL);
      if (entry->saved == NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (entry->path);
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);

          entry->saved = info ? g_file_info_get_modification_date_time (info) :
                                g_date_time_new_now_utc ();
        }
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);

  return entries;
}

/**
 * cost_recovery_entry_load:
 *
 * Returns: (transfer full) (nullable): the unsaved project of a recovery copy
 */
CostProject *
cost_recovery_entry_load (const CostRecoveryEntry  *entry,
                          GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (entry->path);

  return cost_project_load (file, NULL, error);
}

/**
 * cost_recovery_entry_remove:
 *
 * Removes a recovery copy once it was restored or declined.
 */
void
cost_recovery_entry_remove (const CostRecoveryEntry *entry)
{
  g_autofree char *meta = g_strndup (entry->path, strlen (entry->path) - strlen (".modelcost"));
  g_autofree char *meta_path = g_strconcat (meta, ".json", NULL);

  g_unlink (entry->path);
  g_unlink (meta_path);
}
