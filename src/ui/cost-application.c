/* cost-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-application.h"
#include "cost-window.h"

struct _CostApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CostApplication, cost_application, ADW_TYPE_APPLICATION)

static void
cost_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cost_window_new (COST_APPLICATION (app)));

  gtk_window_present (window);
}

static void
cost_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CostWindow *window = cost_window_new (COST_APPLICATION (app));

      cost_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
cost_application_class_init (CostApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cost_application_activate;
  app_class->open = cost_application_open;
}

static void
cost_application_init (CostApplication *self)
{
}

CostApplication *
cost_application_new (void)
{
  return g_object_new (COST_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
