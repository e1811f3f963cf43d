/* window-fixture.h: a window on its own copy of the reference project, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "cost-format.h"
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
  g_assert_true (cost_window_open_file (f->window, f->file));
}

static G_GNUC_UNUSED void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}
