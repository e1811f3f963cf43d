/* cost-palette-button.c
 *
 * A category's colour as a button; it opens the chart palette, whose colours
 * stay apart in light and dark and for colour-blind readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-palette-button"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-color-swatch.h"
#include "cost-palette-button.h"
#include "cost-project.h"

struct _CostPaletteButton
{
  GtkWidget     parent_instance;

  GtkWidget    *menu_button;
  GtkWidget    *swatch;
  GtkWidget    *popover;
  GtkFlowBox   *flow;

  CostCategory *category;
};

G_DEFINE_FINAL_TYPE (CostPaletteButton, cost_palette_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
category_position (CostCategory *category)
{
  CostProject *project = cost_category_get_project (category);
  guint position = 0;

  if (project != NULL)
    cost_project_find_category (project, cost_category_get_id (category), &position);

  return position;
}

static void
update_swatch (CostPaletteButton *self)
{
  g_autofree char *color = NULL;

  if (self->category == NULL)
    return;

  color = cost_palette_resolve (cost_category_get_color (self->category),
                                category_position (self->category));
  cost_color_swatch_set_color (COST_COLOR_SWATCH (self->swatch), color);
}

static void
on_color_notify_cb (CostCategory      *category,
                    GParamSpec        *pspec,
                    CostPaletteButton *self)
{
  update_swatch (self);
}

static void
on_child_activated_cb (GtkFlowBox        *flow,
                       GtkFlowBoxChild   *child,
                       CostPaletteButton *self)
{
  GtkWidget *swatch = gtk_flow_box_child_get_child (child);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->category != NULL)
    cost_category_set_color (self->category,
                             cost_color_swatch_get_color (COST_COLOR_SWATCH (swatch)), NULL);
}

static void
cost_palette_button_dispose (GObject *object)
{
  CostPaletteButton *self = (CostPaletteButton *) object;

  cost_palette_button_set_category (self, NULL);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (cost_palette_button_parent_class)->dispose (object);
}

static void
cost_palette_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CostPaletteButton *self = COST_PALETTE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_palette_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CostPaletteButton *self = COST_PALETTE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      cost_palette_button_set_category (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_palette_button_class_init (CostPaletteButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_palette_button_dispose;
  object_class->get_property = cost_palette_button_get_property;
  object_class->set_property = cost_palette_button_set_property;

  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, COST_TYPE_CATEGORY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cost_palette_button_init (CostPaletteButton *self)
{
  guint n = cost_palette_get_n_colors ();

  self->swatch = cost_color_swatch_new ();
  cost_color_swatch_set_size (COST_COLOR_SWATCH (self->swatch), 32);

  self->flow = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (self->flow, (n + 1) / 2);
  gtk_flow_box_set_max_children_per_line (self->flow, (n + 1) / 2);
  gtk_flow_box_set_homogeneous (self->flow, TRUE);
  gtk_flow_box_set_activate_on_single_click (self->flow, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *color = cost_palette_dup_color (i);
      GtkWidget *swatch = cost_color_swatch_new ();
      g_autofree char *label = g_strdup_printf (_("Colour %u"), i + 1);

      cost_color_swatch_set_size (COST_COLOR_SWATCH (swatch), 24);
      cost_color_swatch_set_color (COST_COLOR_SWATCH (swatch), color);
      gtk_widget_set_tooltip_text (swatch, color);
      gtk_flow_box_append (self->flow, swatch);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (swatch)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  g_signal_connect (self->flow, "child-activated", G_CALLBACK (on_child_activated_cb), self);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->flow));

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), self->swatch);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_add_css_class (self->menu_button, "palette-button");
  gtk_widget_set_tooltip_text (self->menu_button, _("Change Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category colour"), -1);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
}

GtkWidget *
cost_palette_button_new (void)
{
  return g_object_new (COST_TYPE_PALETTE_BUTTON, NULL);
}

/**
 * cost_palette_button_get_category:
 *
 * Returns: (transfer none) (nullable): the category whose colour the button changes
 */
CostCategory *
cost_palette_button_get_category (CostPaletteButton *self)
{
  g_return_val_if_fail (COST_IS_PALETTE_BUTTON (self), NULL);

  return self->category;
}

void
cost_palette_button_set_category (CostPaletteButton *self,
                                  CostCategory      *category)
{
  g_return_if_fail (COST_IS_PALETTE_BUTTON (self));
  g_return_if_fail (!category || COST_IS_CATEGORY (category));

  if (self->category == category)
    return;

  if (self->category != NULL)
    g_signal_handlers_disconnect_by_data (self->category, self);
  g_set_object (&self->category, category);
  if (category != NULL)
    g_signal_connect (category, "notify::color", G_CALLBACK (on_color_notify_cb), self);
  update_swatch (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}
