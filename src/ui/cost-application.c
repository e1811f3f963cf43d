/* cost-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-application.h"
#include "cost-preferences-window.h"
#include "cost-window.h"

struct _CostApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (CostApplication, cost_application, ADW_TYPE_APPLICATION)

/* The first window of a run offers the work an earlier run did not save. */
static void
offer_recovery (CostApplication *self,
                CostWindow      *window)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  cost_window_offer_recovery (window);
}

static void
cost_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (cost_window_new (COST_APPLICATION (app)));

  gtk_window_present (window);
  offer_recovery (COST_APPLICATION (app), COST_WINDOW (window));
}

/* A window whose untouched new project a file may replace, or a new one. */
static CostWindow *
window_for_file (CostApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Not one already opening a file: each file gets a window. */
  if (COST_IS_WINDOW (active) && !cost_window_is_busy (COST_WINDOW (active)) &&
      cost_document_is_pristine (cost_window_get_document (COST_WINDOW (active))))
    return COST_WINDOW (active);

  return cost_window_new (self);
}

static void
cost_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CostWindow *window = window_for_file (COST_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      cost_window_open_file_async (window, files[i], NULL, NULL);
      offer_recovery (COST_APPLICATION (app), window);
    }
}

/* Each window asks about its own unsaved changes as it closes. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));

  gtk_window_present (GTK_WINDOW (cost_preferences_window_new (parent)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  const char *developers[] = { _("The ModelCost developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("ModelCost"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The ModelCost developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan and explain what it costs to deploy and run large AI "
                                       "models in e-commerce search and recommendation."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export('pdf')", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.import-bill", { "<Control>i", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.properties", { "<Alt>Return", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.add-item", { "<Control>Insert", NULL } },
  { "win.add-category", { "<Control><Shift>n", NULL } },
  { "win.rename-category", { "F2", NULL } },
  { "win.move-category-up", { "<Alt><Shift>Up", NULL } },
  { "win.move-category-down", { "<Alt><Shift>Down", NULL } },
  { "win.show-summary", { "<Alt>Home", NULL } },
};

static void
cost_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (cost_application_parent_class)->startup (app);

  cost_preferences_window_restore_style ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
cost_application_class_init (CostApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cost_application_startup;
  app_class->activate = cost_application_activate;
  app_class->open = cost_application_open;
}

static void
cost_application_init (CostApplication *self)
{
  g_set_application_name (_("ModelCost"));
  gtk_window_set_default_icon_name (APPLICATION_ID);
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
