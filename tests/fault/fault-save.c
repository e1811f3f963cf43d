/* fault-save.c: saves a project the way the application does
 *
 * Usage: fault-save IN OUT
 *
 * Loads IN and saves it to OUT with cost_project_save(), keeping the
 * previous OUT as "OUT~". Exits 1 with the error on standard error when
 * either fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fault-save"

#include "config.h"

#include <gio/gio.h>
#include <locale.h>

#include "cost-project-io.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("usage: %s IN OUT\n", argv[0]);
      return 2;
    }

  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);

  project = cost_project_load (in, NULL, &error);
  if (project == NULL || !cost_project_save (project, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
