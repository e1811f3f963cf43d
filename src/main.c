/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cost-application.h"
#include "cost-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CostApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* MODELCOST_LOCALEDIR runs an uninstalled build in the user's language. */
  localedir = g_getenv ("MODELCOST_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (cost_cli_is_headless (argc, argv))
    return cost_cli_run (argc, argv);

  app = cost_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
