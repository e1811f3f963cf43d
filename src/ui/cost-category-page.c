/* cost-category-page.c
 *
 * A category: its subtotal, its items in the user's order, and its name,
 * colour, position and factor. With a scenario active, the figures and
 * values are the scenario's, the items it adds follow the baseline's, and
 * a changed factor is marked.
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
#include "cost-override-mark.h"
#include "cost-palette-button.h"
#include "cost-scenario-category.h"

struct _CostCategoryPage
{
  GtkWidget          parent_instance;

  CostDocument      *document;
  CostCategory      *category;
  GBinding          *name_binding;
  GHashTable        *expanded;     /* ids of the items whose form is open */
  CostScenario      *scenario;     /* the scenario the rows were made for */
  CostScenarioCategory *factor;
  GListStore        *added;        /* the items the scenario adds to the category */
  GListModel        *items;        /* the baseline's items, then the added ones */

  GtkWidget         *scroller;
  GtkWidget         *scenario_banner;
  GtkLabel          *scenario_label;
  GtkWidget         *factor_mark;
  CostPaletteButton *color_button;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  GtkLabel          *subtotal_label;
  GtkLabel          *period_label;
  GtkListBox        *item_list;
  CostFieldRow      *name_row;
  CostFieldRow      *factor_row;
};

G_DEFINE_FINAL_TYPE (CostCategoryPage, cost_category_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_figures (CostCategoryPage *self)
{
  const CostResult *result;
  const CostCategoryFigures *cf;
  const char *currency;
  g_autofree char *subtotal = NULL;
  g_autofree char *share = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *period = NULL;
  double once;
  guint n_items;

  if (self->category == NULL)
    return;

  result = cost_document_get_result (self->document);
  cf = cost_result_find_category (result, cost_category_get_id (self->category));
  if (cf == NULL)
    return;

  currency = cost_project_get_currency (cost_document_get_project (self->document));
  once = cost_result_get_paid_once (result, cf);
  share = cost_format_share (cf->share);
  n_items = g_list_model_get_n_items (self->items);

  /* Money paid once is not part of the run-rate: it shows beside it, or
   * instead of it when the category has nothing else. */
  if (once > 0 && cf->run_rate == 0)
    {
      subtotal = cost_format_money (once, currency, COST_FORMAT_WHOLE);
      /* Translators: under a category's amount, when all of it is paid once */
      period = g_strdup (_("once"));
      /* Translators: under a category's name, when all of it is paid once */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u item · paid once, outside the monthly total",
                                              "%u items · paid once, outside the monthly total", n_items),
                                 n_items);
    }
  else
    {
      subtotal = cost_format_money (cf->run_rate, currency, COST_FORMAT_WHOLE);
      if (once > 0)
        {
          g_autofree char *once_text = cost_format_money (once, currency, COST_FORMAT_WHOLE);

          /* Translators: under a category's monthly amount: "per month + ¥7,000 once" */
          period = g_strdup_printf (_("per month + %s once"), once_text);
        }
      else
        period = g_strdup (_("per month"));
      /* Translators: under a category's name: "3 items · 28.5% of the monthly total" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u item · %s of the monthly total",
                                              "%u items · %s of the monthly total", n_items),
                                 n_items, share);
    }

  gtk_label_set_label (self->period_label, period);
  gtk_label_set_label (self->subtotal_label, subtotal);
  gtk_label_set_label (self->summary_label, summary);
}

/* Follows the items the scenario adds to the category, without touching
 * the rows when they are the same. */
static void
update_added (CostCategoryPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const char *id = cost_category_get_id (self->category);
  gboolean same;

  for (guint i = 0; self->scenario != NULL && i < cost_scenario_get_n_added_items (self->scenario); i++)
    {
      const char *category_id;
      CostItem *item = cost_scenario_get_added_item (self->scenario, i, &category_id);

      if (g_strcmp0 (category_id, id) == 0)
        g_ptr_array_add (items, item);
    }

  same = items->len == g_list_model_get_n_items (G_LIST_MODEL (self->added));
  for (guint i = 0; same && i < items->len; i++)
    {
      g_autoptr(CostItem) shown = g_list_model_get_item (G_LIST_MODEL (self->added), i);

      same = shown == g_ptr_array_index (items, i);
    }

  if (!same)
    g_list_store_splice (self->added, 0, g_list_model_get_n_items (G_LIST_MODEL (self->added)),
                         items->pdata, items->len);
}

static void
update_factor_mark (CostCategoryPage *self)
{
  g_autofree char *baseline = NULL;

  if (self->factor != NULL && cost_scenario_category_get_overridden (self->factor))
    baseline = cost_format_number (cost_category_get_factor (self->category), 6);
  cost_override_mark_set_baseline (COST_OVERRIDE_MARK (self->factor_mark), baseline);
}

static void
on_factor_overridden_cb (CostScenarioCategory *factor,
                         GParamSpec           *pspec,
                         CostCategoryPage     *self)
{
  update_factor_mark (self);
}

static void
on_factor_reset_cb (CostOverrideMark *mark,
                    CostCategoryPage *self)
{
  if (self->factor != NULL)
    cost_scenario_category_reset (self->factor);
}

static void
on_result_notify_cb (CostDocument     *document,
                     GParamSpec       *pspec,
                     CostCategoryPage *self)
{
  if (self->category == NULL)
    return;

  update_added (self);
  update_figures (self);
  update_factor_mark (self);
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

/* Shows the category as the document's scenario (or the baseline) has it:
 * new rows, since each row edits the values of one scenario. */
static void
bind_scenario (CostCategoryPage *self)
{
  CostScenario *scenario = self->document ? cost_document_get_scenario (self->document) : NULL;

  if (self->factor != NULL)
    g_signal_handlers_disconnect_by_data (self->factor, self);
  g_clear_object (&self->factor);
  g_set_object (&self->scenario, scenario);
  g_list_store_remove_all (self->added);

  if (self->category == NULL)
    {
      cost_field_row_bind (self->factor_row, NULL, NULL);
      gtk_list_box_bind_model (self->item_list, NULL, NULL, NULL, NULL);
      gtk_widget_set_visible (self->scenario_banner, FALSE);
      cost_override_mark_set_baseline (COST_OVERRIDE_MARK (self->factor_mark), NULL);
      return;
    }

  self->factor = cost_scenario_category_new (self->category, scenario);
  cost_field_row_bind (self->factor_row, self->factor, "factor");
  g_signal_connect (self->factor, "notify::overridden", G_CALLBACK (on_factor_overridden_cb), self);
  update_factor_mark (self);

  update_added (self);
  gtk_list_box_bind_model (self->item_list, self->items, create_row_cb, self, NULL);

  gtk_widget_set_visible (self->scenario_banner, scenario != NULL);
  if (scenario != NULL)
    {
      /* Translators: a note above a category while a scenario is shown */
      g_autofree char *text = g_strdup_printf (_("Showing the scenario “%s”. Values you change here, "
                                                 "and items you add, apply to it only; the baseline "
                                                 "stays as it is."),
                                               cost_names_translate (cost_scenario_get_name (scenario)));

      gtk_label_set_label (self->scenario_label, text);
    }
}

static void
on_scenario_notify_cb (CostDocument     *document,
                       GParamSpec       *pspec,
                       CostCategoryPage *self)
{
  bind_scenario (self);
  update_figures (self);
}

static void
cost_category_page_dispose (GObject *object)
{
  CostCategoryPage *self = (CostCategoryPage *) object;

  cost_category_page_set_category (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_CATEGORY_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->added);

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
cost_category_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CostCategoryPage *self = COST_CATEGORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_category_page_class_init (CostCategoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_category_page_dispose;
  object_class->finalize = cost_category_page_finalize;
  object_class->get_property = cost_category_page_get_property;

  /**
   * CostCategoryPage:document: (nullable)
   *
   * The document of the category shown, which its forms edit.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COST_TYPE_FIELD_ROW);
  g_type_ensure (COST_TYPE_PALETTE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-category-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, scenario_banner);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, color_button);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, subtotal_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CostCategoryPage, factor_row);
}

static void
cost_category_page_init (CostCategoryPage *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->added = g_list_store_new (COST_TYPE_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->factor_mark = cost_override_mark_new ();
  g_signal_connect (self->factor_mark, "reset", G_CALLBACK (on_factor_reset_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->factor_row), self->factor_mark);
}

/* One list of @first's items, then @second's. */
static GListModel *
flatten (GListModel *first,
         GListModel *second)
{
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (models, first);
  g_list_store_append (models, second);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
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
  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_set_object (&self->category, category);
  g_clear_object (&self->items);

  cost_palette_button_set_category (self->color_button, category);
  cost_field_row_bind (self->name_row, category, "name");

  if (category == NULL)
    {
      bind_scenario (self);
      return;
    }

  self->items = flatten (cost_category_get_items (category), G_LIST_MODEL (self->added));
  self->name_binding = g_object_bind_property_full (category, "name", self->name_label, "label",
                                                    G_BINDING_SYNC_CREATE, name_to_label,
                                                    NULL, NULL, NULL);
  bind_scenario (self);
  g_signal_connect (document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  g_signal_connect (document, "notify::scenario", G_CALLBACK (on_scenario_notify_cb), self);
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
 * @item: an item of the category, or one the scenario shown adds to it
 *
 * Returns: (transfer none) (nullable): the row of @item
 */
CostItemRow *
cost_category_page_get_row (CostCategoryPage *self,
                            CostItem         *item)
{
  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(CostItem) shown = g_list_model_get_item (self->items, i);

      if (shown == item)
        return COST_ITEM_ROW (gtk_list_box_get_row_at_index (self->item_list, i));
    }

  return NULL;
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
 * Returns: the monthly subtotal the page shows, or the amount paid once
 *   when the category has nothing else
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

/**
 * cost_category_page_get_period:
 *
 * Returns: what the subtotal is: "per month", "once", or "per month + ¥7,000 once"
 */
const char *
cost_category_page_get_period (CostCategoryPage *self)
{
  g_return_val_if_fail (COST_IS_CATEGORY_PAGE (self), NULL);

  return gtk_label_get_label (self->period_label);
}
