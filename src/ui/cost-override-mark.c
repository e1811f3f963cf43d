/* cost-override-mark.c
 *
 * Marks a form row whose value the active scenario changes: the row gets an
 * accent bar, and the mark shows the baseline's value ("Baseline: 100") and
 * a button that gives the value back to the baseline. Hidden while the
 * value is the baseline's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-override-mark"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-override-mark.h"

struct _CostOverrideMark
{
  GtkWidget  parent_instance;

  char      *baseline;
  GtkWidget *label;
  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (CostOverrideMark, cost_override_mark, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BASELINE,
  N_PROPS
};

enum {
  RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_clicked_cb (GtkButton        *button,
               CostOverrideMark *self)
{
  g_signal_emit (self, signals[RESET], 0);
}

static void
cost_override_mark_dispose (GObject *object)
{
  CostOverrideMark *self = (CostOverrideMark *) object;

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (cost_override_mark_parent_class)->dispose (object);
}

static void
cost_override_mark_finalize (GObject *object)
{
  CostOverrideMark *self = (CostOverrideMark *) object;

  g_clear_pointer (&self->baseline, g_free);

  G_OBJECT_CLASS (cost_override_mark_parent_class)->finalize (object);
}

static void
cost_override_mark_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CostOverrideMark *self = COST_OVERRIDE_MARK (object);

  switch (prop_id)
    {
    case PROP_BASELINE:
      g_value_set_string (value, self->baseline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_override_mark_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CostOverrideMark *self = COST_OVERRIDE_MARK (object);

  switch (prop_id)
    {
    case PROP_BASELINE:
      cost_override_mark_set_baseline (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_override_mark_class_init (CostOverrideMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_override_mark_dispose;
  object_class->finalize = cost_override_mark_finalize;
  object_class->get_property = cost_override_mark_get_property;
  object_class->set_property = cost_override_mark_set_property;

  properties[PROP_BASELINE] =
    g_param_spec_string ("baseline", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostOverrideMark::reset:
   *
   * The user asked for the baseline's value back.
   */
  signals[RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "override-mark");
}

static void
cost_override_mark_init (CostOverrideMark *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "accent");
  gtk_widget_add_css_class (self->label, "caption");
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->button, _("Reset to the Baseline"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reset to the Baseline"), -1);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "circular");
  g_signal_connect (self->button, "clicked", G_CALLBACK (on_clicked_cb), self);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
cost_override_mark_new (void)
{
  return g_object_new (COST_TYPE_OVERRIDE_MARK, NULL);
}

/**
 * cost_override_mark_get_baseline:
 *
 * Returns: (nullable): the baseline's value shown, %NULL while not overridden
 */
const char *
cost_override_mark_get_baseline (CostOverrideMark *self)
{
  g_return_val_if_fail (COST_IS_OVERRIDE_MARK (self), NULL);

  return self->baseline;
}

/**
 * cost_override_mark_set_baseline:
 * @baseline: (nullable): the baseline's value as the row shows values, %NULL
 *   when the scenario does not change it
 *
 * Shows the mark, and marks the list row it is in, while @baseline is set.
 */
void
cost_override_mark_set_baseline (CostOverrideMark *self,
                                 const char       *baseline)
{
  g_autofree char *text = NULL;
  GtkWidget *row;

  g_return_if_fail (COST_IS_OVERRIDE_MARK (self));

  if (g_strcmp0 (self->baseline, baseline) == 0)
    return;

  g_free (self->baseline);
  self->baseline = g_strdup (baseline);

  if (baseline != NULL)
    {
      /* Translators: marks a value a scenario changes: "Baseline: 100" */
      text = g_strdup_printf (_("Baseline: %s"), baseline);
      gtk_label_set_label (GTK_LABEL (self->label), text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), baseline != NULL);

  row = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_BOX_ROW);
  if (row != NULL && baseline != NULL)
    gtk_widget_add_css_class (row, "overridden");
  else if (row != NULL)
    gtk_widget_remove_css_class (row, "overridden");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}
