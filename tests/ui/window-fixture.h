/* window-fixture.h: a window on its own copy of the reference project, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <locale.h>

#include "cost-format.h"
#include "cost-category-page.h"
#include "cost-item-row.h"
#include "cost-window.h"

typedef struct
{
  char       *dir;
  GFile      *file;
  CostWindow *window;
} Fixture;

static G_GNUC_UNUSED char *
money (double amount)
{
  return cost_format_money (amount, "CNY", COST_FORMAT_WHOLE);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  int *opened = data;

  *opened = cost_window_open_file_finish (COST_WINDOW (source), result, NULL);
}

/* Opens @file as the window's actions do, in a worker, and waits for it.
 *
 * Returns: whether the file was read */
static G_GNUC_UNUSED gboolean
window_open_file (CostWindow *window,
                  GFile      *file)
{
  int opened = -1;

  cost_window_open_file_async (window, file, on_opened_cb, &opened);
  while (opened < 0)
    g_main_context_iteration (NULL, TRUE);

  return opened;
}

typedef struct
{
  int     saved;
  GError *error;
} SaveWait;

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SaveWait *wait = data;

  wait->saved = cost_window_save_to_finish (COST_WINDOW (source), result, &wait->error);
}

/* Saves the window's project to @file and waits for the worker to write it. */
static G_GNUC_UNUSED gboolean
window_save_to (CostWindow  *window,
                GFile       *file,
                GError     **error)
{
  SaveWait wait = { -1, NULL };

  cost_window_save_to_async (window, file, on_saved_cb, &wait);
  while (wait.saved < 0)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);

  return wait.saved;
}

/* Waits until the window has no file being opened or written. */
static G_GNUC_UNUSED void
window_wait_files (CostWindow *window)
{
  while (cost_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
}

/* Copies the reference project into a temporary folder and opens it. */
static G_GNUC_UNUSED void
window_fixture_open (Fixture *f)
{
  g_autofree char *source = g_build_filename (g_getenv ("MODELCOST_EXAMPLES"), "reference.modelcost", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  f->dir = g_dir_make_tmp ("modelcost-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "reference.modelcost", NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  f->file = g_file_new_for_path (path);

  f->window = cost_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (window_open_file (f->window, f->file));
}

static G_GNUC_UNUSED void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* The fixture of the tests that need nothing more than the window. */
static G_GNUC_UNUSED void
window_fixture_set_up (Fixture       *f,
                       gconstpointer  data)
{
  window_fixture_open (f);
}

static G_GNUC_UNUSED void
window_fixture_tear_down (Fixture       *f,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  g_object_unref (f->file);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* The message dialog @parent shows, if any. */
static G_GNUC_UNUSED AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static G_GNUC_UNUSED gpointer
window_child (Fixture    *f,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->window), COST_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static G_GNUC_UNUSED gpointer
page_child (gpointer    page,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), name);

  g_assert_nonnull (child);
  return child;
}

/* Starts a test program of windows: recent files and recovery copies go
 * to a throwaway directory of its own, not the user's nor another test
 * program's; numbers have grouping and a decimal mark when the system has
 * en_US.UTF-8.
 *
 * Returns: (transfer full): the throwaway directory */
static G_GNUC_UNUSED char *
window_test_init (int    *argc,
                  char ***argv)
{
  char *home = g_dir_make_tmp ("modelcost-home-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_test_init (argc, argv, NULL);
  g_set_application_name ("ModelCost");
  adw_init ();

  /* After GTK set the locale of the environment. */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");

  return home;
}

/* The form of the item @item_id, opened on its category's page. */
static G_GNUC_UNUSED CostItemRow *
window_item_row (Fixture    *f,
                 const char *item_id)
{
  CostProject *project = cost_window_get_project (f->window);
  CostCategory *category = NULL;
  CostItem *item = cost_project_find_item (project, item_id, &category);
  CostItemRow *row;

  g_assert_nonnull (item);
  cost_window_select_category (f->window, category);
  row = cost_category_page_get_row (cost_window_get_category_page (f->window), item);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}
