/* cost-driven-badge.c
 *
 * Says, on an item's row, that the workload sizes the item: "Driven by
 * Ranking model". Its popover shows the formula with the values filled in
 * and unlinks the item, which then keeps its quantity and is edited by hand.
 * The badge hides itself while the item is not driven.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-driven-badge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-driven-badge.h"
#include "cost-project-sizing.h"

struct _CostDrivenBadge
{
  AdwBin         parent_instance;

  CostItem      *item;
  CostProject   *project;
  CostUndoStack *undo_stack;

  GtkWidget     *button;
  GtkLabel      *button_label;
  GtkLabel      *formula_label;
};

G_DEFINE_FINAL_TYPE (CostDrivenBadge, cost_driven_badge, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_PROJECT,
  PROP_UNDO_STACK,
  N_PROPS
};

enum {
  UNLINKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_formula (CostDrivenBadge *self,
             const char      *driver)
{
  CostServedModel *model;
  CostWorkloadValues workload;
  CostModelValues values;

  if (cost_driver_is_power (driver))
    return cost_sizing_power_explain (self->project);

  model = cost_project_find_model (self->project, driver, NULL);
  if (model == NULL)
    return g_strdup (_("The model that sized this item is no longer in the project: the quantity stays as it is."));

  cost_sizing_effective_workload (self->project, NULL, &workload);
  cost_served_model_get_values (model, &values);

  return cost_sizing_explain (&workload, &values);
}

static void
update (CostDrivenBadge *self)
{
  const char *driver = self->item != NULL ? cost_item_get_driver (self->item) : NULL;
  CostServedModel *model;
  g_autofree char *label = NULL;
  g_autofree char *formula = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), driver != NULL && self->project != NULL);
  if (driver == NULL || self->project == NULL)
    return;

  model = cost_project_find_model (self->project, driver, NULL);
  if (cost_driver_is_power (driver))
    label = g_strdup (_("Driven by accelerator power"));
  else if (model != NULL && cost_served_model_get_name (model)[0] != '\0')
    /* Translators: on an item whose quantity a served model sizes: "Driven by Ranking model" */
    label = g_strdup_printf (_("Driven by %s"), cost_served_model_get_name (model));
  else
    label = g_strdup (_("Driven by a served model"));

  formula = dup_formula (self, driver);

  gtk_label_set_label (self->button_label, label);
  gtk_label_set_label (self->formula_label, formula);
  gtk_widget_set_tooltip_text (self->button, formula);
}

static void
on_changed_cb (GObject         *object,
               CostDrivenBadge *self)
{
  update (self);
}

static void
on_driver_notify_cb (GObject         *object,
                     GParamSpec      *pspec,
                     CostDrivenBadge *self)
{
  update (self);
}

/**
 * cost_driven_badge_unlink:
 *
 * Makes the item an ordinary one, keeping its quantity, as one undoable step.
 */
void
cost_driven_badge_unlink (CostDrivenBadge *self)
{
  g_return_if_fail (COST_IS_DRIVEN_BADGE (self));

  if (self->item == NULL || cost_item_get_driver (self->item) == NULL)
    return;

  if (self->undo_stack != NULL)
    cost_undo_stack_begin (self->undo_stack);
  cost_item_set_driver (self->item, NULL);
  if (self->undo_stack != NULL)
    cost_undo_stack_end (self->undo_stack);

  g_signal_emit (self, signals[UNLINKED], 0);
}

static void
on_unlink_clicked_cb (GtkButton       *button,
                      CostDrivenBadge *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  cost_driven_badge_unlink (self);
}

static void
set_item (CostDrivenBadge *self,
          CostItem        *item)
{
  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect (item, "notify::driver", G_CALLBACK (on_driver_notify_cb), self);
}

static void
set_project (CostDrivenBadge *self,
             CostProject     *project)
{
  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    g_signal_connect (project, "changed", G_CALLBACK (on_changed_cb), self);
}

static void
cost_driven_badge_dispose (GObject *object)
{
  CostDrivenBadge *self = (CostDrivenBadge *) object;

  set_item (self, NULL);
  set_project (self, NULL);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (cost_driven_badge_parent_class)->dispose (object);
}

static void
cost_driven_badge_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostDrivenBadge *self = COST_DRIVEN_BADGE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_driven_badge_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostDrivenBadge *self = COST_DRIVEN_BADGE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      set_item (self, g_value_get_object (value));
      update (self);
      break;
    case PROP_PROJECT:
      set_project (self, g_value_get_object (value));
      update (self);
      break;
    case PROP_UNDO_STACK:
      cost_driven_badge_set_undo_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_driven_badge_class_init (CostDrivenBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cost_driven_badge_dispose;
  object_class->get_property = cost_driven_badge_get_property;
  object_class->set_property = cost_driven_badge_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, COST_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COST_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, COST_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostDrivenBadge::unlinked:
   *
   * Emitted after the user unlinked the item from what drove it; the window
   * offers to undo it.
   */
  signals[UNLINKED] =
    g_signal_new ("unlinked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cost_driven_badge_init (CostDrivenBadge *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Sized From the Traffic"));
  GtkWidget *note = gtk_label_new (_("The quantity follows the workload and cannot be edited. "
                                     "Unlink the item to keep the current quantity and edit it by hand."));
  GtkWidget *unlink = gtk_button_new_with_mnemonic (_("_Unlink"));

  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 28);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), GTK_WIDGET (self->button_label));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "caption");
  gtk_widget_add_css_class (self->button, "accent");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");

  self->formula_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->formula_label, TRUE);
  gtk_label_set_width_chars (self->formula_label, 40);
  gtk_label_set_max_width_chars (self->formula_label, 40);
  gtk_label_set_xalign (self->formula_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->formula_label), "numeric");

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (note), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");

  gtk_widget_set_halign (unlink, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (unlink, _("Keep the current quantity and edit it by hand"));
  g_signal_connect (unlink, "clicked", G_CALLBACK (on_unlink_clicked_cb), self);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->formula_label));
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), unlink);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);

  adw_bin_set_child (ADW_BIN (self), self->button);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * cost_driven_badge_new:
 *
 * Returns: (transfer floating): a badge for @item of @project, hidden while
 *   the item is not driven
 */
GtkWidget *
cost_driven_badge_new (CostItem    *item,
                       CostProject *project)
{
  g_return_val_if_fail (COST_IS_ITEM (item), NULL);
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  return g_object_new (COST_TYPE_DRIVEN_BADGE, "item", item, "project", project, NULL);
}

/**
 * cost_driven_badge_set_undo_stack:
 * @stack: (nullable): the stack that makes unlinking one step
 */
void
cost_driven_badge_set_undo_stack (CostDrivenBadge *self,
                                  CostUndoStack   *stack)
{
  g_return_if_fail (COST_IS_DRIVEN_BADGE (self));
  g_return_if_fail (!stack || COST_IS_UNDO_STACK (stack));

  if (g_set_object (&self->undo_stack, stack))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_STACK]);
}

/**
 * cost_driven_badge_get_label:
 *
 * Returns: what the badge says: "Driven by Ranking model"
 */
const char *
cost_driven_badge_get_label (CostDrivenBadge *self)
{
  g_return_val_if_fail (COST_IS_DRIVEN_BADGE (self), NULL);

  return gtk_label_get_label (self->button_label);
}

/**
 * cost_driven_badge_get_formula:
 *
 * Returns: the formula its popover shows
 */
const char *
cost_driven_badge_get_formula (CostDrivenBadge *self)
{
  g_return_val_if_fail (COST_IS_DRIVEN_BADGE (self), NULL);

  return gtk_label_get_label (self->formula_label);
}
