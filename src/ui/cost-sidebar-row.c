/* cost-sidebar-row.c
 *
 * A sidebar entry: the Summary, or a category with its colour and its
 * monthly subtotal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-sidebar-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-color-swatch.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-sidebar-row.h"

struct _CostSidebarRow
{
  GtkListBoxRow  parent_instance;

  CostDocument  *document;
  CostCategory  *category;   /* NULL for the Summary */

  GtkWidget     *swatch;
  GtkLabel      *name_label;
  GtkLabel      *amount_label;
};

G_DEFINE_FINAL_TYPE (CostSidebarRow, cost_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (CostSidebarRow *self)
{
  const CostResult *result = cost_document_get_result (self->document);
  const char *currency = cost_project_get_currency (cost_document_get_project (self->document));
  const char *name;
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;
  double value = result->run_rate;
  double once = 0;

  if (self->category != NULL)
    {
      const CostCategoryFigures *cf =
        cost_result_find_category (result, cost_category_get_id (self->category));
      guint position = 0;
      g_autofree char *color = NULL;

      value = cf != NULL ? cf->run_rate : 0;
      /* A category of money paid once shows it, rather than nothing a month. */
      if (cf != NULL && value == 0)
        once = cost_result_get_paid_once (result, cf);
      for (guint i = 0; i < result->n_categories; i++)
        if (result->categories[i].category == self->category)
          position = i;
      color = cost_palette_resolve (cost_category_get_color (self->category), position);
      cost_color_swatch_set_color (COST_COLOR_SWATCH (self->swatch), color);
      name = cost_names_translate (cost_category_get_name (self->category));
      if (name[0] == '\0')
        name = _("Unnamed Category");
    }
  else
    {
      name = _("Summary");
    }

  if (once > 0)
    {
      g_autofree char *money = cost_format_money (once, currency, COST_FORMAT_WHOLE);

      /* Translators: a category's amount in the sidebar, when all of it is paid once */
      amount = g_strdup_printf (_("%s once"), money);
      /* Translators: a sidebar entry read out: "Training, ¥7,000 once" */
      label = g_strdup_printf (_("%s, %s once"), name, money);
    }
  else
    {
      amount = cost_format_money (value, currency, COST_FORMAT_WHOLE);
      /* Translators: a sidebar entry read out: "Compute, ¥107,000 a month" */
      label = g_strdup_printf (_("%s, %s a month"), name, amount);
    }
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->amount_label, amount);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_result_notify_cb (CostDocument   *document,
                     GParamSpec     *pspec,
                     CostSidebarRow *self)
{
  update (self);
}

/* An item dropped on a category moves to its end. */
static gboolean
on_drop_cb (GtkDropTarget  *target,
            const GValue   *value,
            double          x,
            double          y,
            CostSidebarRow *self)
{
  CostItem *item = g_value_get_object (value);

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.move-item", "(ssu)",
                                     cost_item_get_id (item),
                                     cost_category_get_id (self->category), G_MAXUINT);
}

static void
cost_sidebar_row_dispose (GObject *object)
{
  CostSidebarRow *self = (CostSidebarRow *) object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->category);

  G_OBJECT_CLASS (cost_sidebar_row_parent_class)->dispose (object);
}

static void
cost_sidebar_row_class_init (CostSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cost_sidebar_row_dispose;
}

static void
cost_sidebar_row_init (CostSidebarRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);

  self->amount_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->amount_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "dim-label");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

/**
 * cost_sidebar_row_new:
 * @category: (nullable): the category, %NULL for the Summary entry
 */
GtkWidget *
cost_sidebar_row_new (CostDocument *document,
                      CostCategory *category)
{
  CostSidebarRow *self = g_object_new (COST_TYPE_SIDEBAR_ROW, NULL);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

  self->document = g_object_ref (document);
  self->category = category ? g_object_ref (category) : NULL;

  if (category != NULL)
    {
      GtkDropTarget *target = gtk_drop_target_new (COST_TYPE_ITEM, GDK_ACTION_MOVE);

      g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

      self->swatch = cost_color_swatch_new ();
      gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), self->swatch);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-grid-symbolic");

      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->amount_label));

  g_signal_connect (document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * cost_sidebar_row_get_category:
 *
 * Returns: (transfer none) (nullable): the category, %NULL for the Summary
 */
CostCategory *
cost_sidebar_row_get_category (CostSidebarRow *self)
{
  g_return_val_if_fail (COST_IS_SIDEBAR_ROW (self), NULL);

  return self->category;
}

/**
 * cost_sidebar_row_get_amount:
 *
 * Returns: the monthly amount the row shows
 */
const char *
cost_sidebar_row_get_amount (CostSidebarRow *self)
{
  g_return_val_if_fail (COST_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->amount_label);
}
