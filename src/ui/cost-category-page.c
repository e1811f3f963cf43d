/* cost-category-page.c
 *
 * A category: its subtotal, its items in the user's order, and its name,
 * colour, position and factor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-category-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-category-page.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-palette-button.h"

struct _CostCategoryPage
{
  GtkWidget          parent_instance;

  CostDocument      *document;
  CostCategory      *category;
  GBinding          *name_binding;
  GHashTable        *expanded;     /* ids of the items whose form is open */

  GtkWidget         *scroller;
  CostPaletteButton *color_button;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  GtkLabel          *subtotal_label;
  GtkListBox        *item_list;
  CostFieldRow      *name_row;
  CostFieldRow      *factor_row;
};

G_DEFINE_FINAL_TYPE (CostCategoryPage, cost_category_page, GTK_TYPE_WIDGET)

static void
update_figures (CostCategoryPage *self)
{
  const CostResult *result;
  const CostCategoryFigures *cf;
  const char *currency;
  g_autofree char *subtotal = NULL;
  g_autofree char *share = NULL;
  g_autofree char *summary = NULL;
  guint n_items;

  if (self->category == NULL)
    return;

  result = cost_document_get_result (self->document);
  cf = cost_result_find_category (result, cost_category_get_id (self->category));
  if (cf == NULL)
    return;

  currency = cost_project_get_currency (cost_document_get_project (self->document));
  subtotal = cost_format_money (cf->run_rate, currency, COST_FORMAT_WHOLE);
  share = cost_format_percent (cf->share);
  n_items = cost_category_get_n_items (self->category);

  /* Translators: under a category's name: "3 items · 28.5% of the monthly total" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u item · %s of the monthly total",
                                          "%u items · %s of the monthly total", n_items),
                             n_items, share);

  gtk_label_set_label (self->subtotal_label, subtotal);
  gtk_label_set_label (self->summary_label, summary);
}

static void
on_result_notify_cb (CostDocument     *document,
                     GParamSpec       *pspec,
                     CostCategoryPage *self)
{
  update_figures (self);
}

static void
on_row_expanded_cb (CostItemRow      *row,
                    GParamSpec       *pspec,
                    CostCategoryPage *self)
{
  const char *id = cost_item_get_id (cost_item_row_get_item (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_strdup (id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  CostCategoryPage *self = data;
  GtkWidget *row = cost_item_row_new (self->document, item);

  if (g_hash_table_contains (self->expanded, cost_item_get_id (item)))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self);

  return row;
}

static gboolean
name_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  const char *name = cost_names_translate (g_value_get_string (from));

  g_value_set_string (to, name[0] != '\0' ? name : _("Unnamed Category"));
  return TRUE;
}

static void
cost_category_page_dispose (GObject *object)
{
  CostCategoryPage *self = (CostCategoryPage *) object;

  cost_category_page_set_category (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_CATEGORY_PAGE);

  G_OBJECT_CLASS (cost_category_page_parent_class)->dispose (object);
}

static void
cost_category_page_finalize (GObject *object)
{
  CostCategoryPage *self = (CostCategoryPage *) object;

  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (cost_category_page_parent_class)->finalize (object);
}

static void
cost_category_page_class_init (CostCategoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_category_page_dispose;
  object_class->finalize = cost_category_page_finalize;

  g_type_ensure (COST_TYPE_FIELD_ROW);
  g_type_ensure (COST_TYPE_PALETTE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-category-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, color_button);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, subtotal_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, factor_row);
}

static void
cost_category_page_init (CostCategoryPage *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cost_category_page_new (void)
{
  return g_object_new (COST_TYPE_CATEGORY_PAGE, NULL);
}

/**
 * cost_category_page_set_category:
 * @document: (nullable): the document holding @category
 * @category: (nullable): the category to show, %NULL for none
 */
void
cost_category_page_set_category (CostCategoryPage *self,
                                 CostDocument     *document,
                                 CostCategory     *category)
{
  g_return_if_fail (COST_IS_CATEGORY_PAGE (self));
  g_return_if_fail (!category || COST_IS_DOCUMENT (document));

  if (self->category == category && self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->name_binding, g_binding_unbind);

  if (self->document != document)
    g_hash_table_remove_all (self->expanded);

  if (category == NULL)
    document = NULL;
  g_set_object (&self->document, document);
  g_set_object (&self->category, category);

  cost_palette_button_set_category (self->color_button, category);
  cost_field_row_bind (self->name_row, category, "name");
  cost_field_row_bind (self->factor_row, category, "factor");

  if (category == NULL)
    {
      gtk_list_box_bind_model (self->item_list, NULL, NULL, NULL, NULL);
      return;
    }

  self->name_binding = g_object_bind_property_full (category, "name", self->name_label, "label",
                                                    G_BINDING_SYNC_CREATE, name_to_label,
                                                    NULL, NULL, NULL);
  gtk_list_box_bind_model (self->item_list, cost_category_get_items (category),
                           create_row_cb, self, NULL);
  g_signal_connect (document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  update_figures (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/**
 * cost_category_page_get_category:
 *
 * Returns: (transfer none) (nullable): the category shown
 */
CostCategory *
cost_category_page_get_category (CostCategoryPage *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  return self->category;
}

/**
 * cost_category_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @item
 */
CostItemRow *
cost_category_page_get_row (CostCategoryPage *self,
                            CostItem         *item)
{
  guint position;

  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  if (self->category == NULL ||
      cost_category_find_item (self->category, cost_item_get_id (item), &position) == NULL)
    return NULL;

  return COST_ITEM_ROW (gtk_list_box_get_row_at_index (self->item_list, position));
}

/**
 * cost_category_page_get_focus_item:
 *
 * Returns: (transfer none) (nullable): the item whose row holds the keyboard focus
 */
CostItem *
cost_category_page_get_focus_item (CostCategoryPage *self)
{
  GtkWidget *focus;
  GtkRoot *root;

  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (COST_IS_ITEM_ROW (focus))
        return cost_item_row_get_item (COST_ITEM_ROW (focus));
    }

  return NULL;
}

/**
 * cost_category_page_get_subtotal:
 *
 * Returns: the monthly subtotal the page shows
 */
const char *
cost_category_page_get_subtotal (CostCategoryPage *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  return gtk_label_get_label (self->subtotal_label);
}

/**
 * cost_category_page_focus_name:
 *
 * Puts the keyboard focus in the category's name, to rename it.
 */
void
cost_category_page_focus_name (CostCategoryPage *self)
{
  g_return_if_fail (COST_IS_CATEGORY_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
