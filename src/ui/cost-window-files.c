/* cost-window-files.c
 *
 * The window's file side: new, open (chooser, recent, drop, command line),
 * save, save as, export, print, and asking before unsaved work is lost.
 * Project files are read and written in worker threads, one at a time per
 * window, while the window goes on painting and shows that it is busy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-chart-view.h"
#include "cost-export-dialog.h"
#include "cost-export.h"
#include "cost-presentation.h"
#include "cost-project-dialog.h"
#include "cost-report.h"
#include "cost-slides.h"
#include "cost-window-private.h"

#define PROJECT_SUFFIX ".modelcost"
#define MAX_RECENT     8

/* What to do once a Save As dialog saved the project. */
typedef struct
{
  CostWindowProceed proceed;
  gpointer          data;
  GDestroyNotify    destroy;
} Continuation;

static Continuation *
continuation_new (CostWindowProceed proceed,
                  gpointer          data,
                  GDestroyNotify    destroy)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->proceed = proceed;
  c->data = data;
  c->destroy = destroy;

  return c;
}

static void
continuation_free (Continuation *c)
{
  if (c->destroy != NULL)
    c->destroy (c->data);
  g_free (c);
}

static void
continuation_run (Continuation *c,
                  CostWindow   *self)
{
  if (c->proceed != NULL)
    c->proceed (self, c->data);
}

void
cost_window_show_error (CostWindow *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Most recently used first. */
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

static void
update_recent_menu (CostWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, PROJECT_SUFFIX) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (shown == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Projects"), "win.none");

      g_menu_append_item (self->recent_menu, item);
    }
}

static void
on_recent_changed_cb (GtkRecentManager *manager,
                      CostWindow       *self)
{
  update_recent_menu (self);
}

/* Busy with a file */

/**
 * cost_window_is_busy:
 *
 * Returns: whether a file is being opened or saved in the window
 */
gboolean
cost_window_is_busy (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);

  return self->loading != NULL || self->saving;
}

static void
update_busy (CostWindow *self)
{
  static const char * const file_actions[] = {
    "win.new", "win.open", "win.open-recent", "win.save", "win.save-as",
  };
  gboolean busy = cost_window_is_busy (self);

  /* One file at a time: a second open or save would race the first for
   * the document and the file. */
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), file_actions[i], !busy);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner),
                               self->loading != NULL ? _("Opening the project…") :
                               busy ? _("Saving the project…") : NULL);
}

/**
 * cost_window_show_stack_page:
 *
 * Shows the page @name of the content, or once the file being opened is
 * read: until then the window shows that it is opening one.
 */
void
cost_window_show_stack_page (CostWindow *self,
                             const char *name)
{
  self->stack_page = name;
  if (self->loading == NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_basename (file);
}

static void
begin_loading (CostWindow *self,
               GFile      *file)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *title = NULL;

  self->loading = g_cancellable_new ();

  /* Translators: shown while a project file is read, %s is its name */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
  update_busy (self);
}

static void
end_loading (CostWindow *self)
{
  g_clear_object (&self->loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), TRUE);
  gtk_stack_set_visible_child_name (self->stack, self->stack_page);
  update_busy (self);
}

static gboolean
close_when_saved_cb (gpointer data)
{
  CostWindow *self = data;

  /* Unless the window went away meanwhile. */
  if (self->document != NULL)
    gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
begin_saving (CostWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->saving = TRUE;
  /* The last window going away must not end the program while its file
   * is half written. */
  if (app != NULL)
    {
      self->held = g_object_ref (G_APPLICATION (app));
      g_application_hold (self->held);
    }
  update_busy (self);
}

static void
end_saving (CostWindow *self,
            gboolean    saved)
{
  self->saving = FALSE;
  if (self->held != NULL)
    {
      g_application_release (self->held);
      g_clear_object (&self->held);
    }

  /* The window was destroyed while the file was written. */
  if (self->document == NULL)
    return;

  update_busy (self);
  if (self->close_pending)
    {
      self->close_pending = FALSE;
      /* Closed during the save: close now, which asks again if there were
       * changes since. A failed save keeps the window, with its error. */
      if (saved)
        g_idle_add_full (G_PRIORITY_DEFAULT, close_when_saved_cb, g_object_ref (self), g_object_unref);
    }
}

/**
 * cost_window_close_files:
 *
 * Called as the window is asked to close.
 *
 * Returns: %TRUE if closing has to wait for a save to finish
 */
gboolean
cost_window_close_files (CostWindow *self)
{
  if (self->saving)
    {
      self->close_pending = TRUE;
      return TRUE;
    }

  /* The file being opened is not wanted in a window that goes away. */
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      end_loading (self);
    }

  return FALSE;
}

/**
 * cost_window_dispose_files:
 *
 * Cancels the file being opened. A file being saved is still written: its
 * worker holds what it needs.
 */
void
cost_window_dispose_files (CostWindow *self)
{
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
}

/* Saving */

static void
on_save_to_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  CostWindow *self = COST_WINDOW (source);
  Continuation *continuation = data;
  g_autoptr(GError) error = NULL;
  gboolean saved = cost_window_save_to_finish (self, result, &error);

  /* Nothing more to do in a window destroyed meanwhile. */
  if (self->document != NULL)
    {
      if (saved)
        continuation_run (continuation, self);
      else
        cost_window_show_error (self, _("Could Not Save the Project"), error->message);
    }
  continuation_free (continuation);
}

/* Saves to @file in a worker; runs @continuation once it is written. */
static void
save_to (CostWindow   *self,
         GFile        *file,
         Continuation *continuation)
{
  cost_window_save_to_async (self, file, on_save_to_done_cb, continuation);
}

static char *
suggested_name (CostWindow *self,
                const char *suffix)
{
  g_autofree char *title = cost_document_dup_title (self->document);

  return cost_export_make_file_name (title, suffix);
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        gpointer         data)
{
  CostWindow *self = g_object_get_data (G_OBJECT (dialog), "window");
  Continuation *continuation = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      if (g_str_has_suffix (name, PROJECT_SUFFIX))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *full = g_strconcat (name, PROJECT_SUFFIX, NULL);

          file = g_file_get_child (parent, full);
        }

      save_to (self, file, continuation);
    }
  else
    continuation_free (continuation);

  g_object_unref (dialog);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ModelCost Projects"));
  gtk_file_filter_add_suffix (filter, "modelcost");
  gtk_file_filter_add_mime_type (filter, "application/x-modelcost");

  return filter;
}

static void
save_as (CostWindow   *self,
         Continuation *continuation)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  g_autofree char *name = suggested_name (self, PROJECT_SUFFIX);
  GFile *file = cost_document_get_file (self->document);

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "window", self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response_cb), continuation);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Saves to the document's file, or asks where first; then runs @continuation. */
static void
save (CostWindow   *self,
      Continuation *continuation)
{
  GFile *file = cost_document_get_file (self->document);

  if (file == NULL)
    {
      save_as (self, continuation);
      return;
    }

  save_to (self, file, continuation);
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  cost_window_commit_edits (COST_WINDOW (widget));
  save (COST_WINDOW (widget), continuation_new (NULL, NULL, NULL));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  cost_window_commit_edits (COST_WINDOW (widget));
  save_as (COST_WINDOW (widget), continuation_new (NULL, NULL, NULL));
}

/* Asking before unsaved changes are lost */

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          data)
{
  CostWindow *self = COST_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  Continuation *continuation = data;

  /* Closing the window closes the dialog, which responds once more. */
  g_signal_handlers_disconnect_by_func (dialog, on_discard_response_cb, data);

  if (g_str_equal (response, "save"))
    {
      save (self, continuation);
      return;
    }

  if (g_str_equal (response, "discard"))
    continuation_run (continuation, self);
  continuation_free (continuation);
}

/**
 * cost_window_confirm_discard:
 *
 * Runs @proceed at once when the project has no unsaved changes; otherwise
 * asks whether to save them, discard them or cancel, and runs @proceed after
 * a successful save or a discard.
 */
void
cost_window_confirm_discard (CostWindow        *self,
                             CostWindowProceed  proceed,
                             gpointer           data,
                             GDestroyNotify     destroy)
{
  Continuation *continuation = continuation_new (proceed, data, destroy);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  cost_window_commit_edits (self);
  if (!cost_document_get_modified (self->document))
    {
      continuation_run (continuation, self);
      continuation_free (continuation);
      return;
    }

  title = cost_document_dup_title (self->document);
  body = g_strdup_printf (_("“%s” has changes that are not saved. Changes you do not save are lost."),
                          title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), continuation);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New and open */

static void
replace_document (CostWindow *self,
                  gpointer    data)
{
  cost_window_set_document (self, data);
}

static void
new_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  g_autoptr(CostProject) project = cost_project_new_default ();

  cost_window_confirm_discard (self, replace_document, cost_document_new (project, NULL),
                               g_object_unref);
}

static void
on_document_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(GTask) task = data;
  CostWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  CostDocument *document = cost_document_load_finish (result, &error);

  /* Cancelled as the window closed: whoever cancelled put the window back. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (document == NULL)
    {
      end_loading (self);
      cost_window_show_error (self, _("Could Not Open the Project"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  add_to_recent (file);
  /* Replaced while the loading page is still up, the window goes straight
   * to the new project's page, not through the old one's. */
  cost_window_confirm_discard (self, replace_document, document, g_object_unref);
  end_loading (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * cost_window_open_file_async:
 * @callback: (nullable): called once @file is read, or could not be
 *
 * Reads @file in a worker thread while the window shows that it is opening
 * it, then shows it once the user saved or discarded the changes of the
 * project shown. A file that does not load shows the loader's message, and
 * the project shown stays. Closing the window cancels the opening.
 */
void
cost_window_open_file_async (CostWindow          *self,
                             GFile               *file,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (COST_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cost_window_open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (cost_window_is_busy (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Another project is being opened or saved in this window"));
      return;
    }

  begin_loading (self, file);
  cost_document_load_async (file, self->loading, on_document_loaded_cb, g_steal_pointer (&task));
}

/**
 * cost_window_open_file_finish:
 *
 * Returns: %TRUE if the file was read (and is shown, or the user was asked
 *   about the changes of the project shown), else %FALSE with the loader's
 *   message, or a %G_IO_ERROR_CANCELLED error when the window closed first
 */
gboolean
cost_window_open_file_finish (CostWindow    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CostWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      cost_window_open_file_async (self, file, NULL, NULL);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = project_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  cost_window_open_file_async (COST_WINDOW (widget), file, NULL, NULL);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CostWindow    *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || cost_window_is_busy (self))
    return FALSE;

  /* The first file opens here; any others in windows of their own. */
  for (GSList *l = files->next; l != NULL; l = l->next)
    {
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      GFile *file = l->data;

      if (app != NULL)
        g_application_open (app, &file, 1, "");
    }

  cost_window_open_file_async (self, files->data, NULL, NULL);

  return TRUE;
}

/* Export and print */

/**
 * cost_window_fill_export_options:
 *
 * Gives an export the figures the window has computed already: every
 * scenario's, and the Uncertainty page's simulation when it is of the
 * document as it is now and of the scenario exported.
 */
void
cost_window_fill_export_options (CostWindow        *self,
                                 CostExportOptions *options)
{
  CostSimulation *simulation = cost_document_get_simulation (self->document);

  options->results = cost_document_get_results (self->document);
  options->uncertainty = cost_simulation_get_result_for (simulation, options->scenario);
}

/* What every export from the window shares: the scenario shown, the
 * figures the window has, and a sharp image. */
static void
export_options_init (CostWindow        *self,
                     CostExportOptions *options)
{
  *options = (CostExportOptions) {
    .scenario = cost_document_get_scenario (self->document),
    .scale = 2,
  };
  cost_window_fill_export_options (self, options);
}

/* The chart called @name on the page shown, or with no name its first
 * chart that shows something. */
static CostChartView *
find_chart (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CostChartView *found;

      if (!gtk_widget_get_mapped (child))
        continue;

      if (COST_IS_CHART_VIEW (child) && cost_chart_view_get_dataset (COST_CHART_VIEW (child)) != NULL &&
          (name == NULL || name[0] == '\0' || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return COST_CHART_VIEW (child);

      found = find_chart (child, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * cost_window_get_chart:
 * @name: (nullable): a chart's widget name ("donut", "tornado", …), or
 *   %NULL for the page's first chart
 *
 * Returns: (transfer none) (nullable): the chart of the page shown that an
 *   image export writes, %NULL when the page shows none
 */
CostChartView *
cost_window_get_chart (CostWindow *self,
                       const char *name)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return find_chart (gtk_stack_get_visible_child (self->stack), name);
}

/**
 * cost_window_export:
 * @file: a .pdf, .png, .svg, .csv or .xlsx file
 * @chart: (nullable): for an image, the name of the chart of the page shown;
 *   %NULL for its first chart
 *
 * Exports what the window shows: the report or the figures of the scenario
 * shown, or the chart on the page shown as it is drawn there (the donut by
 * category from a page without a chart), as the Export menu does once a
 * file is chosen.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
cost_window_export (CostWindow  *self,
                    GFile       *file,
                    const char  *chart,
                    GError     **error)
{
  g_autofree char *name = NULL;
  CostExportOptions options;
  CostChartView *view = NULL;

  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cost_window_commit_edits (self);
  export_options_init (self, &options);

  name = g_file_get_basename (file);
  if (name != NULL && (g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".svg")))
    view = cost_window_get_chart (self, chart);
  if (view != NULL)
    return cost_chart_view_export (view, file, &options, error);

  return cost_export_file (cost_document_get_project (self->document), file, &options, error);
}

/**
 * cost_window_export_slides:
 * @file: a .pdf file
 *
 * Exports the slides that presentation mode shows, of the scenario shown,
 * as a 16:9 PDF.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
cost_window_export_slides (CostWindow  *self,
                           GFile       *file,
                           GError     **error)
{
  CostExportOptions options;

  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cost_window_commit_edits (self);
  export_options_init (self, &options);

  return cost_export_slides (cost_document_get_project (self->document), file, &options, error);
}

/**
 * cost_window_show_exported:
 *
 * Says that @file is written, with a button that opens it.
 */
void
cost_window_show_exported (CostWindow *self,
                           GFile      *file)
{
  g_autofree char *done = NULL;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  /* Translators: a toast once an export is written */
  done = g_strdup_printf (_("Exported “%s”"), base);
  toast = adw_toast_new (done);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Opens an exported file in the application that shows its kind. */
static void
show_file_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

/* Asks what to export, then where: @format first, @chart for an image. */
static void
choose_export_file (CostWindow *self,
                    const char *format,
                    const char *chart)
{
  cost_window_commit_edits (self);
  gtk_window_present (GTK_WINDOW (cost_export_dialog_new (self, format, chart)));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  choose_export_file (COST_WINDOW (widget), g_variant_get_string (param, NULL), NULL);
}

/* A chart's context menu: that chart, as "png" or "svg". */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  const char *format, *chart;

  g_variant_get (param, "(&s&s)", &format, &chart);
  if (g_str_equal (format, "png") || g_str_equal (format, "svg"))
    choose_export_file (COST_WINDOW (widget), format, chart);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   CostReport        *report)
{
  cost_report_paginate (report,
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, cost_report_get_n_pages (report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 CostReport        *report)
{
  cost_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

/**
 * cost_window_print:
 * @export_to: (nullable): a PDF file to print to without asking, %NULL to
 *   show the print dialog
 *
 * Prints the report, the same pages as the PDF export.
 *
 * Returns: %FALSE if printing failed
 */
gboolean
cost_window_print (CostWindow  *self,
                   GFile       *export_to,
                   GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(CostReport) report = NULL;
  g_autofree char *job = NULL;
  CostExportOptions options;
  GtkPrintOperationResult result;

  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);

  cost_window_commit_edits (self);
  export_options_init (self, &options);
  report = cost_report_new (cost_document_get_project (self->document), &options);
  job = cost_export_suggest_name (cost_document_get_project (self->document),
                                  cost_document_get_scenario (self->document), "");

  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (export_to != NULL)
    {
      g_autofree char *path = g_file_get_path (export_to);

      gtk_print_operation_set_export_filename (operation, path);
    }
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);

  result = gtk_print_operation_run (operation,
                                    export_to ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && export_to == NULL)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cost_window_print (self, NULL, &error))
    cost_window_show_error (self, _("Could Not Print"), error->message);
}

static void
present_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  GtkWidget *presentation;

  cost_window_commit_edits (self);
  presentation = cost_presentation_show (GTK_WINDOW (self), cost_document_get_project (self->document));
  /* It opens on the scenario the window shows. */
  cost_presentation_set_scenario (COST_PRESENTATION (presentation), cost_document_get_scenario (self->document));
}

static void
properties_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  GtkWidget *dialog = cost_project_dialog_new (GTK_WINDOW (self), self->document);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_document_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(GTask) task = data;
  CostWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean saved = cost_document_save_finish (COST_DOCUMENT (source), result, &error);

  end_saving (self, saved);
  if (!saved)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  add_to_recent (file);
  g_task_return_boolean (task, TRUE);
}

/**
 * cost_window_save_to_async:
 * @callback: (nullable): called once the file is written, or could not be
 *
 * Saves the project to @file, which it then lives in. The project is
 * written out at once, as it is now; the file is written in a worker
 * thread. Closing the window waits for it.
 */
void
cost_window_save_to_async (CostWindow          *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (COST_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cost_window_save_to_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Another project is being opened or saved in this window"));
      return;
    }

  begin_saving (self);
  cost_document_save_async (self->document, file, NULL, on_document_saved_cb, g_steal_pointer (&task));
}

/**
 * cost_window_save_to_finish:
 *
 * Returns: %TRUE if the file was written, else %FALSE with the writer's message
 */
gboolean
cost_window_save_to_finish (CostWindow    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cost_window_init_file_actions (CostWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "(ss)", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
}

void
cost_window_init_files (CostWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed_cb), self, 0);
  update_recent_menu (self);
}

/* Restoring unsaved work after a crash */

static void offer_next_recovery (CostWindow *self,
                                 GPtrArray  *entries);

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GPtrArray        *entries)
{
  CostWindow *self = COST_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  CostRecoveryEntry *entry = g_ptr_array_index (entries, 0);

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CostDocument) document = cost_document_new_recovered (entry, &error);

      if (document == NULL)
        {
          cost_window_show_error (self, _("Could Not Restore the Unsaved Work"), error->message);
          cost_recovery_entry_remove (entry);
        }
      /* Not into a window opening a file: the file would replace it. */
      else if (cost_document_is_pristine (self->document) && !cost_window_is_busy (self))
        cost_window_set_document (self, document);
      else
        {
          CostWindow *window = cost_window_new (COST_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

          cost_window_set_document (window, document);
          gtk_window_present (GTK_WINDOW (window));
        }
    }
  else if (g_str_equal (response, "discard"))
    cost_recovery_entry_remove (entry);

  g_ptr_array_remove_index (entries, 0);
  offer_next_recovery (self, entries);
}

static void
offer_next_recovery (CostWindow *self,
                     GPtrArray  *entries)
{
  CostRecoveryEntry *entry;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (entries->len == 0)
    {
      g_ptr_array_unref (entries);
      return;
    }

  entry = g_ptr_array_index (entries, 0);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (entry->saved);

    /* Translators: a date and time, as in "November 26 at 21:42" */
    when = g_date_time_format (local, _("%B %-d at %H:%M"));
  }
  body = g_strdup_printf (_("ModelCost closed before the changes to “%s” were saved. "
                            "A copy from %s can be restored."),
                          entry->title[0] != '\0' ? entry->title : _("Untitled Project"), when);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response_cb), entries);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cost_window_offer_recovery:
 *
 * Offers to restore the unsaved work that an earlier run left behind when it
 * crashed or was killed, one project at a time. "Not Now" keeps the copy for
 * the next start.
 *
 * Returns: how many copies are offered
 */
guint
cost_window_offer_recovery (CostWindow *self)
{
  GPtrArray *entries;
  guint n;

  g_return_val_if_fail (COST_IS_WINDOW (self), 0);

  entries = cost_recovery_list (NULL);
  n = entries->len;
  offer_next_recovery (self, entries);

  return n;
}
