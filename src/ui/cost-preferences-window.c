/* cost-preferences-window.c
 *
 * The application's preferences: for now, whether the window follows the
 * system's light or dark style or keeps one of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-preferences-window.h"

/* Kept across runs when the installed schema has this key. */
#define STYLE_KEY "color-scheme"

struct _CostPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (CostPreferencesWindow, cost_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct {
  AdwColorScheme  scheme;
  const char     *nick;
} styles[] = {
  { ADW_COLOR_SCHEME_DEFAULT, "default" },
  { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
  { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
};

/* The settings holding the style, or %NULL when the schema has no such key. */
static GSettings *
style_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, STYLE_KEY))
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

/**
 * cost_preferences_window_restore_style:
 *
 * Applies the style chosen in an earlier run; the system's by default.
 */
void
cost_preferences_window_restore_style (void)
{
  g_autoptr(GSettings) settings = style_settings ();
  g_autofree char *nick = NULL;

  if (settings == NULL)
    return;

  nick = g_settings_get_string (settings, STYLE_KEY);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_str_equal (nick, styles[i].nick))
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), styles[i].scheme);
    }
}

static void
on_style_selected_cb (AdwComboRow           *row,
                      GParamSpec            *pspec,
                      CostPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GSettings) settings = NULL;

  if (selected >= G_N_ELEMENTS (styles))
    return;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), styles[selected].scheme);
  settings = style_settings ();
  if (settings != NULL)
    g_settings_set_string (settings, STYLE_KEY, styles[selected].nick);
}

static void
cost_preferences_window_class_init (CostPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cost_preferences_window_init (CostPreferencesWindow *self)
{
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (adw_style_manager_get_default ());
  const char *labels[] = { _("Follow System"), _("Light"), _("Dark"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 320);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  self->style_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->style_row), _("Style"));
  adw_combo_row_set_model (self->style_row, G_LIST_MODEL (model));
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (styles[i].scheme == scheme)
        adw_combo_row_set_selected (self->style_row, i);
    }
  g_signal_connect (self->style_row, "notify::selected", G_CALLBACK (on_style_selected_cb), self);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appearance"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->style_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/**
 * cost_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 */
GtkWidget *
cost_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (COST_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
