/* cost-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-calc.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-io.h"
#include "cost-window.h"

struct _CostWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  GtkListBox           *list;
  GtkLabel             *total_label;

  CostProject          *project;
  GFile                *file;
};

G_DEFINE_FINAL_TYPE (CostWindow, cost_window, ADW_TYPE_APPLICATION_WINDOW)

static void
rebuild (CostWindow *self)
{
  g_autoptr(CostResult) result = cost_calc_compute (self->project, NULL);
  const char *currency = cost_project_get_currency (self->project);
  g_autofree char *total = cost_format_money (result->run_rate, currency, 0);
  g_autofree char *total_text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint c = 0; c < result->n_categories; c++)
    {
      const CostCategoryFigures *cf = &result->categories[c];
      g_autofree char *subtotal = cost_format_money (cf->run_rate, currency, 0);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     cost_names_translate (cost_category_get_name (cf->category)));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtotal);

      for (guint i = 0; i < result->n_items; i++)
        {
          const CostItemFigures *f = &result->items[i];
          g_autofree char *amount = NULL;
          GtkWidget *row;
          GtkWidget *label;

          if (f->category_index != c)
            continue;

          amount = cost_format_money (f->run_rate, currency, 0);
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         cost_names_translate (cost_item_get_name (f->item)));
          label = gtk_label_new (amount);
          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      gtk_list_box_append (self->list, expander);
    }

  total_text = g_strdup_printf (_("Monthly run-rate: %s"), total);
  gtk_label_set_label (self->total_label, total_text);
  adw_window_title_set_title (self->window_title, cost_project_get_title (self->project));
}

static void
on_project_changed_cb (CostProject *project,
                       CostWindow  *self)
{
  rebuild (self);
}

static void
set_project (CostWindow  *self,
             CostProject *project)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_signal_connect (project, "changed", G_CALLBACK (on_project_changed_cb), self);
  rebuild (self);
}

static void
cost_window_dispose (GObject *object)
{
  CostWindow *self = (CostWindow *) object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cost_window_parent_class)->dispose (object);
}

static void
cost_window_class_init (CostWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CostWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, list);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, total_label);
}

static void
cost_window_init (CostWindow *self)
{
  g_autoptr(CostProject) project = cost_project_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_project (self, project);
}

CostWindow *
cost_window_new (CostApplication *application)
{
  return g_object_new (COST_TYPE_WINDOW, "application", application, NULL);
}

gboolean
cost_window_open_file (CostWindow *self,
                       GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = NULL;

  g_return_val_if_fail (COST_IS_WINDOW (self), FALSE);

  project = cost_project_load (file, NULL, &error);
  if (project == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open Project"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  g_set_object (&self->file, file);
  set_project (self, project);

  return TRUE;
}

CostProject *
cost_window_get_project (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return self->project;
}
