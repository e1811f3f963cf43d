/* show-bill-mapping.c: opens the column-mapping dialog on a bill, in the
 * user's language, to look at it (screenshots); not a test
 *
 *   [SHOW_HEIGHT=PIXELS] show-bill-mapping PROJECT BILL [COLUMN-TO-UNMAP]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "cost-bill-mapping-dialog.h"
#include "cost-project-io.h"

static void
on_chosen_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CostBillMapping) mapping = NULL;

  mapping = cost_bill_mapping_dialog_choose_finish (COST_BILL_MAPPING_DIALOG (source), result, NULL, NULL, NULL);
  *(gboolean *) data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("MODELCOST_LOCALEDIR");
  g_autoptr(GFile) project_file = NULL;
  g_autoptr(GFile) bill_file = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostBillPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  CostBillMappingDialog *dialog;
  gboolean done = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  if (argc < 3)
    {
      g_printerr ("usage: %s PROJECT BILL [COLUMN-TO-UNMAP]\n", argv[0]);
      return 2;
    }

  project_file = g_file_new_for_commandline_arg (argv[1]);
  bill_file = g_file_new_for_commandline_arg (argv[2]);
  project = cost_project_load (project_file, NULL, &error);
  if (project != NULL)
    preview = cost_bill_preview_read (bill_file, 5, NULL, &error);
  if (preview == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  dialog = cost_bill_mapping_dialog_new (NULL, project, preview);
  /* Tall enough to show it all at once, for a screenshot. */
  if (g_getenv ("SHOW_HEIGHT") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (dialog), 760, atoi (g_getenv ("SHOW_HEIGHT")));
  if (argc > 3)
    {
      CostBillColumn column;

      if (cost_bill_column_from_string (argv[3], &column))
        cost_bill_mapping_dialog_set_column (dialog, column, NULL);
    }
  cost_bill_mapping_dialog_choose (dialog, NULL, on_chosen_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
