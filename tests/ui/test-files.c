/* test-files.c
 *
 * Opening and saving projects: the file is read and written in a worker
 * while the window goes on painting; errors read as they always did.
 * Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-project-io.h"
#include "cost-sidebar-row.h"
#include "cost-test-util.h"
#include "cost-window.h"
#include "window-fixture.h"

/* A ceiling far above a healthy run, which takes well under a second: only
 * a hung open or save trips it. */
#define CEILING_SECONDS 90

/* The large project every test opens, written once. */
static char *large_path;

static gboolean
on_ceiling_cb (gpointer data)
{
  g_error ("Nothing came of the file after %d seconds", CEILING_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *frames)
{
  (*frames)++;
}

typedef struct
{
  int          done;
  const guint *painted;  /* (nullable): frames painted so far */
  guint        frames;   /* of them, when the open finished */
  GError      *error;
} OpenWait;

static void
on_open_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  OpenWait *wait = data;

  if (wait->painted != NULL)
    wait->frames = *wait->painted;
  wait->done = cost_window_open_file_finish (COST_WINDOW (source), result, &wait->error);
}

static void
wait_for_open (OpenWait *wait)
{
  guint ceiling = g_timeout_add_seconds (CEILING_SECONDS, on_ceiling_cb, NULL);

  while (wait->done < 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ceiling);
}

/* A window on the screen, painted once and with nothing left to do. */
static CostWindow *
new_window (void)
{
  CostWindow *window = cost_window_new (NULL);
  guint frames = 0;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &frames);
  while (frames == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        on_after_paint_cb, &frames);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return window;
}

static const char *
visible_page (CostWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), COST_TYPE_WINDOW,
                                                               "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
spinner_shown (CostWindow *window)
{
  GtkWidget *spinner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), COST_TYPE_WINDOW,
                                                                  "spinner"));

  g_assert_true (GTK_IS_SPINNER (spinner));

  return gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
}

static const char *
summary_amount (CostWindow *window)
{
  GtkWidget *row = cost_window_get_sidebar_row (window, NULL);

  g_assert_true (COST_IS_SIDEBAR_ROW (row));

  return cost_sidebar_row_get_amount (COST_SIDEBAR_ROW (row));
}

/* Opening 10,000 items: the call returns at once, the window shows that it
 * is opening the file and paints while a worker reads it, then shows the
 * project and its figures. */
static void
test_open_large (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  g_autoptr(CostProject) expected = cost_project_load (file, NULL, NULL);
  g_autoptr(CostResult) result = NULL;
  g_autofree char *total = NULL;
  CostWindow *window = new_window ();
  /* Held, so that the next project cannot take its address. */
  g_autoptr(CostProject) before = g_object_ref (cost_window_get_project (window));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  OpenWait wait = { -1, NULL, 0, NULL };
  guint frames = 0;

  g_assert_nonnull (expected);
  result = cost_calc_compute (expected, NULL);
  total = money (result->run_rate);

  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  wait.painted = &frames;
  g_assert_false (spinner_shown (window));

  /* The worker waits until the window has painted a frame, so that what is
   * checked does not depend on how fast the machine reads the file. */
  _cost_document_hold_loads (TRUE);
  cost_window_open_file_async (window, file, on_open_done_cb, &wait);

  /* Nothing is read on this thread: the call is back before the file is. */
  g_assert_cmpint (wait.done, <, 0);
  g_assert_true (cost_window_is_busy (window));
  g_assert_true (cost_window_get_project (window) == before);
  g_assert_cmpstr (visible_page (window), ==, "loading");
  g_assert_true (spinner_shown (window));

  {
    guint ceiling = g_timeout_add_seconds (CEILING_SECONDS, on_ceiling_cb, NULL);

    gtk_widget_queue_draw (GTK_WIDGET (window));
    while (frames == 0)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (ceiling);
  }
  g_assert_cmpint (wait.done, <, 0);
  _cost_document_hold_loads (FALSE);

  wait_for_open (&wait);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, &frames);
  g_assert_no_error (wait.error);
  g_assert_cmpint (wait.done, ==, TRUE);

  /* The window painted while the worker read the file. */
  g_test_message ("%u frames painted while the file was read", wait.frames);
  g_assert_cmpuint (wait.frames, >=, 1);

  /* The project, and its figures. */
  g_assert_false (cost_window_is_busy (window));
  g_assert_false (spinner_shown (window));
  g_assert_true (cost_window_get_project (window) != before);
  g_assert_cmpuint (cost_project_get_n_items (cost_window_get_project (window)), ==, COST_TEST_N_ITEMS);
  g_assert_true (g_file_equal (cost_document_get_file (cost_window_get_document (window)), file));
  g_assert_false (cost_document_get_modified (cost_window_get_document (window)));
  g_assert_cmpstr (cost_window_get_display_title (window), ==, "Synthetic large project");
  g_assert_cmpstr (visible_page (window), ==, "summary");
  g_assert_cmpstr (summary_amount (window), ==, total);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* One file at a time: a second open while the first is read is refused,
 * and the first goes on. */
static void
test_open_busy (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  CostWindow *window = new_window ();
  OpenWait wait = { -1, NULL, 0, NULL };
  OpenWait second = { -1, NULL, 0, NULL };

  cost_window_open_file_async (window, file, on_open_done_cb, &wait);
  g_assert_true (cost_window_is_busy (window));

  cost_window_open_file_async (window, file, on_open_done_cb, &second);
  wait_for_open (&second);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&second.error);

  wait_for_open (&wait);
  g_assert_no_error (wait.error);
  g_assert_cmpint (wait.done, ==, TRUE);
  g_assert_cmpuint (cost_project_get_n_items (cost_window_get_project (window)), ==, COST_TEST_N_ITEMS);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Closing the window while its file is read cancels the read; nothing is
 * shown of it. */
static void
test_close_while_opening (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  CostWindow *window = cost_window_new (NULL);
  OpenWait wait = { -1, NULL, 0, NULL };

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  cost_window_open_file_async (window, file, on_open_done_cb, &wait);
  g_assert_true (cost_window_is_busy (window));

  /* Nothing to save: the window closes at once. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (cost_window_is_busy (window));

  wait_for_open (&wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Each test works on its own copy of the reference project. */
/* A file that does not load shows the loader's own message under the same
 * heading as ever; the project shown, its file and its figures stay. */
static void
test_open_malformed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.modelcost", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GError) expected = NULL;
  g_autoptr(CostProject) none = NULL;
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  g_autofree char *total = g_strdup (summary_amount (f->window));
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* Cut short in the middle of the items. */
  g_file_set_contents (path, "{\n  \"format\": \"modelcost\",\n  \"version\": 1,\n  \"categories\": [\n    {\"id\": \"compute\", \"items\": [",
                       -1, &error);
  g_assert_no_error (error);
  none = cost_project_load (broken, NULL, &expected);
  g_assert_null (none);
  g_assert_nonnull (expected);

  g_assert_false (window_open_file (f->window, broken));
  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Project");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (cost_window_is_busy (f->window));
  g_assert_true (cost_window_get_document (f->window) == document);
  g_assert_true (cost_window_get_project (f->window) == project);
  g_assert_true (g_file_equal (cost_document_get_file (document), f->file));
  g_assert_false (cost_document_get_modified (document));
  g_assert_cmpuint (cost_project_get_n_items (project), ==, 12);
  g_assert_cmpstr (visible_page (f->window), ==, "summary");
  g_assert_cmpstr (summary_amount (f->window), ==, total);

  /* The window takes the next file as before. */
  g_assert_true (window_open_file (f->window, f->file));
  g_assert_null (find_dialog (GTK_WINDOW (f->window)));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Save writes what the window shows, keeps the previous file as a backup,
 * and the file opens again as the same project. */
static void
test_save_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *original = read_file (g_file_peek_path (f->file));
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (f->file), "~", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.modelcost", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *uri = g_file_get_uri (copy);
  g_autofree char *saved_text = NULL;
  g_autofree char *reopened_text = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_window_get_project (f->window);
  CostWindow *reopened;
  guint ceiling;

  cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 120, NULL);
  g_assert_true (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));

  /* Save: the file is written in a worker; the window says so meanwhile. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_true (cost_window_is_busy (f->window));
  window_wait_files (f->window);
  g_assert_false (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, original);

  /* Save to another file: the window lives in it, and it is a recent file. */
  cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 130, NULL);
  g_assert_true (window_save_to (f->window, copy, &error));
  g_assert_no_error (error);
  g_assert_false (cost_document_get_modified (cost_window_get_document (f->window)));
  g_assert_true (g_file_equal (cost_document_get_file (cost_window_get_document (f->window)), copy));
  /* The recent-files list learns of it once it asked the file's type. */
  ceiling = g_timeout_add_seconds (CEILING_SECONDS, on_ceiling_cb, NULL);
  while (!gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ceiling);

  /* Opened again, in a window of its own: the same project. */
  reopened = new_window ();
  g_assert_true (window_open_file (reopened, copy));
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (cost_window_get_project (reopened), "gpu", NULL)),
                     ==, 130);
  saved_text = cost_project_to_data (project, NULL);
  reopened_text = cost_project_to_data (cost_window_get_project (reopened), NULL);
  g_assert_cmpstr (reopened_text, ==, saved_text);
  g_assert_cmpstr (summary_amount (reopened), ==, summary_amount (f->window));

  gtk_window_destroy (GTK_WINDOW (reopened));
  g_object_unref (reopened);
}

/* A save that fails says why, with the writer's own message under the same
 * heading as ever, and the changes stay unsaved. */
static void
test_save_fails (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = g_file_peek_path (f->file);
  g_autoptr(GError) expected = NULL;
  CostProject *project = cost_window_get_project (f->window);
  AdwMessageDialog *dialog;

  /* The file became a folder since it was opened. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (cost_file_replace_contents (f->file, "{}", 2, TRUE, NULL, &expected));

  cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 120, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_true (cost_window_is_busy (f->window));
  window_wait_files (f->window);

  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Project");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (cost_document_get_modified (cost_window_get_document (f->window)));
  g_assert_true (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* Closing while the file is written waits for it, then closes: nothing is
 * lost. */
static void
test_close_while_saving (Fixture       *f,
                         gconstpointer  data)
{
  CostWindow *window = cost_window_new (NULL);
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (window_open_file (window, f->file));
  cost_item_set_quantity (cost_project_find_item (cost_window_get_project (window), "gpu", NULL), 7, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (cost_window_is_busy (window));
  gtk_window_close (GTK_WINDOW (window));

  /* Still there, and asking nothing: it closes once the file is written. */
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);

  reloaded = cost_project_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (reloaded, "gpu", NULL)), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  g_autofree char *dir = NULL;
  g_autoptr(CostProject) large = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  dir = g_dir_make_tmp ("modelcost-files-XXXXXX", &error);
  g_assert_no_error (error);
  large_path = g_build_filename (dir, "large.modelcost", NULL);
  file = g_file_new_for_path (large_path);
  large = cost_test_make_large_project ("Synthetic large project");
  cost_project_save (large, file, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/files/open-large", test_open_large);
  g_test_add_func ("/ui/files/open-busy", test_open_busy);
  g_test_add_func ("/ui/files/close-while-opening", test_close_while_opening);
  g_test_add ("/ui/files/open-malformed", Fixture, NULL, window_fixture_set_up, test_open_malformed, window_fixture_tear_down);
  g_test_add ("/ui/files/save-reopen", Fixture, NULL, window_fixture_set_up, test_save_reopen, window_fixture_tear_down);
  g_test_add ("/ui/files/save-fails", Fixture, NULL, window_fixture_set_up, test_save_fails, window_fixture_tear_down);
  g_test_add ("/ui/files/close-while-saving", Fixture, NULL, window_fixture_set_up, test_close_while_saving,
              window_fixture_tear_down);

  status = g_test_run ();

  /* The recent-files list is written from an idle callback, if at all. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (dir);
  remove_dir (home);
  g_free (large_path);

  return status;
}
