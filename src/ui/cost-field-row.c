/* cost-field-row.c
 *
 * An entry row bound to one property of a project, category or item. The
 * model's value shows in the user's locale; what the user types is applied
 * when they press Enter or leave the row. Text that is not a valid value
 * marks the row with the error style and a tooltip saying why, and the model
 * keeps its last valid value. A figure that may carry a range gets the
 * "±" button that edits it (the baseline's, for a scenario's value).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-field-row"

#include "config.h"

#include "cost-field-row.h"
#include "cost-range-button.h"
#include "cost-scenario-category.h"
#include "cost-scenario-item.h"

struct _CostFieldRow
{
  AdwEntryRow    parent_instance;

  CostFieldKind  kind;
  GObject       *object;
  GParamSpec    *pspec;
  GBinding      *binding;
  char          *shown;   /* the text the model's value was shown as */
  char          *error;
  GtkWidget     *error_icon;
  GtkWidget     *range_button;   /* made for the first figure that takes a range */
};

G_DEFINE_FINAL_TYPE (CostFieldRow, cost_field_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_error (CostFieldRow *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);

  gtk_widget_set_visible (self->error_icon, message != NULL);
  gtk_widget_set_tooltip_text (self->error_icon, message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static gboolean
transform_to_text (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  CostFieldRow *self = data;

  g_free (self->shown);
  self->shown = cost_field_format (self->kind, from);
  g_value_set_string (to, self->shown);
  set_error (self, NULL);

  return TRUE;
}

/* The figure @property of @object may carry a range: of the item or
 * category the form edits the scenario's values of, under that scenario. */
static void
bind_range (CostFieldRow *self,
            GObject      *object,
            const char   *property)
{
  const CostRangeField *fields, *field = NULL;
  GObject *subject = object;
  CostScenario *scenario = NULL;
  CostRangeSubject kind;
  guint n_fields;

  if (COST_IS_SCENARIO_ITEM (object))
    {
      subject = G_OBJECT (cost_scenario_item_get_item (COST_SCENARIO_ITEM (object)));
      scenario = cost_scenario_item_get_scenario (COST_SCENARIO_ITEM (object));
    }
  else if (COST_IS_SCENARIO_CATEGORY (object))
    {
      subject = G_OBJECT (cost_scenario_category_get_category (COST_SCENARIO_CATEGORY (object)));
      scenario = cost_scenario_category_get_scenario (COST_SCENARIO_CATEGORY (object));
    }

  fields = cost_range_fields (&n_fields);
  if (subject != NULL && cost_document_range_subject (subject, &kind))
    {
      for (guint i = 0; i < n_fields && field == NULL; i++)
        {
          if (fields[i].subject == kind && g_strcmp0 (fields[i].property, property) == 0)
            field = &fields[i];
        }
    }

  if (field == NULL)
    {
      if (self->range_button != NULL)
        cost_range_button_set_subject (COST_RANGE_BUTTON (self->range_button), NULL, NULL, self->kind, NULL);
      return;
    }

  if (self->range_button == NULL)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      self->range_button = cost_range_button_new ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->range_button);

      /* The button lies inside the row: moving to it leaves the text, and
       * applies what was typed, so that a range is given around the figure
       * the user sees. */
      g_signal_connect_swapped (focus, "enter", G_CALLBACK (cost_field_row_commit), self);
      gtk_widget_add_controller (self->range_button, focus);
    }
  cost_range_button_set_subject (COST_RANGE_BUTTON (self->range_button), subject, field->key,
                                 self->kind, scenario);
}

/**
 * cost_field_row_bind:
 * @object: (type GObject) (nullable): a project, category or item; %NULL unbinds
 *
 * Shows @property of @object, and writes it back when the user commits an edit.
 */
void
cost_field_row_bind (CostFieldRow *self,
                     gpointer      object,
                     const char   *property)
{
  g_return_if_fail (COST_IS_FIELD_ROW (self));
  g_return_if_fail (!object || G_IS_OBJECT (object));

  g_clear_pointer (&self->binding, g_binding_unbind);
  g_clear_object (&self->object);
  self->pspec = NULL;
  set_error (self, NULL);

  bind_range (self, object, property);
  if (object == NULL)
    return;

  self->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (self->pspec != NULL);

  self->object = g_object_ref (object);
  self->binding = g_object_bind_property_full (object, property, self, "text",
                                               G_BINDING_SYNC_CREATE,
                                               transform_to_text, NULL, self, NULL);
}

/**
 * cost_field_row_commit:
 *
 * Applies the text to the model, unless it is still what the model's value
 * was shown as (so that a rounded display never rounds the value).
 *
 * Returns: %FALSE if the text was refused; the row then shows why
 */
gboolean
cost_field_row_commit (CostFieldRow *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_return_val_if_fail (COST_IS_FIELD_ROW (self), FALSE);

  if (self->object == NULL)
    return TRUE;

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  if (g_strcmp0 (text, self->shown) == 0)
    {
      set_error (self, NULL);
      return TRUE;
    }

  g_value_init (&value, self->pspec->value_type);
  if (!cost_field_parse (self->kind, text, &value, &error) ||
      !cost_field_apply (self->object, self->pspec->name, &value, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }

  /* The binding showed the new value; show it again in case the model
   * normalised it to what it already held ("1000" for "1,000"). */
  g_free (self->shown);
  g_object_get_property (self->object, self->pspec->name, &value);
  self->shown = cost_field_format (self->kind, &value);
  gtk_editable_set_text (GTK_EDITABLE (self), self->shown);
  set_error (self, NULL);

  return TRUE;
}

/**
 * cost_field_row_get_error:
 *
 * Returns: (nullable): why the text was refused, %NULL when it was not
 */
const char *
cost_field_row_get_error (CostFieldRow *self)
{
  g_return_val_if_fail (COST_IS_FIELD_ROW (self), NULL);

  return self->error;
}

/**
 * cost_field_row_get_range_button:
 *
 * Returns: (transfer none) (nullable): the button editing the range of the
 *   figure shown, if it may carry one
 */
GtkWidget *
cost_field_row_get_range_button (CostFieldRow *self)
{
  g_return_val_if_fail (COST_IS_FIELD_ROW (self), NULL);

  if (self->range_button == NULL ||
      cost_range_button_get_subject (COST_RANGE_BUTTON (self->range_button)) == NULL)
    return NULL;

  return self->range_button;
}

static void
on_entry_activated_cb (CostFieldRow *self)
{
  cost_field_row_commit (self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CostFieldRow            *self)
{
  cost_field_row_commit (self);
}

static gboolean
revert_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CostFieldRow *self = COST_FIELD_ROW (widget);

  if (self->shown == NULL || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) == 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self), self->shown);
  set_error (self, NULL);

  return TRUE;
}

static void
cost_field_row_dispose (GObject *object)
{
  CostFieldRow *self = (CostFieldRow *) object;

  g_clear_pointer (&self->binding, g_binding_unbind);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (cost_field_row_parent_class)->dispose (object);
}

static void
cost_field_row_finalize (GObject *object)
{
  CostFieldRow *self = (CostFieldRow *) object;

  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cost_field_row_parent_class)->finalize (object);
}

static void
cost_field_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CostFieldRow *self = COST_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_field_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CostFieldRow *self = COST_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      if (self->kind == COST_FIELD_NUMBER || self->kind == COST_FIELD_PERCENT ||
          self->kind == COST_FIELD_OPTIONAL_NUMBER)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_NUMBER);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_field_row_class_init (CostFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_field_row_dispose;
  object_class->finalize = cost_field_row_finalize;
  object_class->get_property = cost_field_row_get_property;
  object_class->set_property = cost_field_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COST_TYPE_FIELD_KIND, COST_FIELD_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, revert_cb, NULL);
}

static void
cost_field_row_init (CostFieldRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Where the reason shows when the pointer rests on it. */
  self->error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_visible (self->error_icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->error_icon);

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "entry-activated", G_CALLBACK (on_entry_activated_cb), NULL);
}
