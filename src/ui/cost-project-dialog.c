/* cost-project-dialog.c
 *
 * The project's own properties: title, description, currency, horizon and
 * budgets. Edits apply as they are made, and undo like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-project-dialog"

#include "config.h"

#include "cost-field-row.h"
#include "cost-project-dialog.h"
#include "cost-values.h"

struct _CostProjectDialog
{
  AdwPreferencesWindow  parent_instance;

  CostProject          *project;

  CostFieldRow         *title_row;
  GtkTextView          *description_view;
  GtkLabel             *description_error;
  CostFieldRow         *currency_row;
  GtkSpinButton        *horizon_spin;
  CostFieldRow         *monthly_budget_row;
  CostFieldRow         *annual_budget_row;

  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (CostProjectDialog, cost_project_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void
sync_horizon (CostProjectDialog *self)
{
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->horizon_spin, cost_project_get_horizon (self->project));
  gtk_widget_remove_css_class (GTK_WIDGET (self->horizon_spin), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->horizon_spin), NULL);
  self->syncing = FALSE;
}

static void
on_horizon_notify_cb (CostProject       *project,
                      GParamSpec        *pspec,
                      CostProjectDialog *self)
{
  sync_horizon (self);
}

/* A shorter horizon is refused while an item runs past it; say which. */
static void
on_horizon_changed_cb (GtkSpinButton     *spin,
                       CostProjectDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* Setting the range while the dialog is built moves the value too. */
  if (self->syncing || self->project == NULL)
    return;

  if (cost_project_set_horizon (self->project, gtk_spin_button_get_value_as_int (spin), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), error->message);
    }
}

/* The description as the project has it, unless the text typed differs
 * only by not being committed yet. */
static void
sync_description (CostProjectDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *description = cost_project_get_description (self->project);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, description != NULL ? description : "") == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, description != NULL ? description : "", -1);
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->description_error), FALSE);
}

static void
on_description_notify_cb (CostProject       *project,
                          GParamSpec        *pspec,
                          CostProjectDialog *self)
{
  sync_description (self);
}

/* The text typed becomes the project's description (one undoable edit)
 * when the view loses focus or the dialog closes; a text the project
 * cannot take is said under the view and kept there to correct. */
static void
commit_description (CostProjectDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *description = cost_project_get_description (self->project);
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, description != NULL ? description : "") == 0)
    return;

  if (!cost_project_set_description (self->project, text, &error))
    {
      gtk_label_set_label (self->description_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->description_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->description_error), FALSE);
}

static void
on_description_leave_cb (GtkEventControllerFocus *controller,
                         CostProjectDialog       *self)
{
  commit_description (self);
}

/**
 * cost_project_dialog_commit:
 *
 * Keeps what was typed in the field being edited, as closing does.
 */
void
cost_project_dialog_commit (CostProjectDialog *self)
{
  CostFieldRow *rows[] = {
    self->title_row, self->currency_row, self->monthly_budget_row, self->annual_budget_row,
  };

  g_return_if_fail (COST_IS_PROJECT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    cost_field_row_commit (rows[i]);
  commit_description (self);
}

/* Closing keeps what was typed in the field being edited. */
static gboolean
cost_project_dialog_close_request (GtkWindow *window)
{
  cost_project_dialog_commit (COST_PROJECT_DIALOG (window));

  return GTK_WINDOW_CLASS (cost_project_dialog_parent_class)->close_request (window);
}

static void
cost_project_dialog_dispose (GObject *object)
{
  CostProjectDialog *self = (CostProjectDialog *) object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_PROJECT_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (cost_project_dialog_parent_class)->dispose (object);
}

static void
cost_project_dialog_class_init (CostProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_project_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cost_project_dialog_close_request;

  g_type_ensure (COST_TYPE_FIELD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, description_error);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, monthly_budget_row);
  gtk_widget_class_bind_template_child (widget_class, CostProjectDialog, annual_budget_row);
  gtk_widget_class_bind_template_callback (widget_class, on_horizon_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cost_project_dialog_init (CostProjectDialog *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (focus, "leave", G_CALLBACK (on_description_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
  /* The same range as the model's setter and the file reader. */
  gtk_spin_button_set_range (self->horizon_spin, cost_value_range (COST_VALUE_HORIZON)->min,
                             cost_value_range (COST_VALUE_HORIZON)->max);
}

/**
 * cost_project_dialog_new:
 *
 * Returns: a dialog editing the project of @document
 */
GtkWidget *
cost_project_dialog_new (GtkWindow    *parent,
                         CostDocument *document)
{
  CostProjectDialog *self;

  g_return_val_if_fail (COST_IS_DOCUMENT (document), NULL);

  self = g_object_new (COST_TYPE_PROJECT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (cost_document_get_project (document));

  cost_field_row_bind (self->title_row, self->project, "title");
  sync_description (self);
  g_signal_connect (self->project, "notify::description", G_CALLBACK (on_description_notify_cb), self);
  cost_field_row_bind (self->currency_row, self->project, "currency");
  cost_field_row_bind (self->monthly_budget_row, self->project, "monthly-budget");
  cost_field_row_bind (self->annual_budget_row, self->project, "annual-budget");
  sync_horizon (self);
  g_signal_connect (self->project, "notify::horizon", G_CALLBACK (on_horizon_notify_cb), self);

  return GTK_WIDGET (self);
}
