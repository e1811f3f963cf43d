/* cost-window.c
 *
 * The main window: a sidebar with the Summary, the what-if pages and the
 * categories, and the page of what is selected. Every edit goes through the
 * model; the figures, the sidebar and the pages follow from the document's
 * "result", which is the figures of the scenario the header bar's menu
 * shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-color-swatch.h"
#include "cost-field-row.h"
#include "cost-names.h"
#include "cost-sidebar-row.h"
#include "cost-window-private.h"

G_DEFINE_FINAL_TYPE (CostWindow, cost_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SCENARIO_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The planning pages, listed in the sidebar between the Summary and the
 * categories. */
static const struct {
  const char *name;
  const char *title;
  const char *icon;
} pages[] = {
  { "workload", N_("Traffic & Models"), "network-transmit-receive-symbolic" },
  { "comparison", N_("Comparison"), "view-dual-symbolic" },
  { "sensitivity", N_("Sensitivity"), "view-sort-descending-symbolic" },
  { "uncertainty", N_("Uncertainty"), "weather-few-clouds-symbolic" },
  { "projection", N_("Projection"), "x-office-calendar-symbolic" },
  { "actuals", N_("Actuals"), "emblem-ok-symbolic" },
};

#define N_PAGES G_N_ELEMENTS (pages)

static int
page_index (const char *name)
{
  for (guint i = 0; i < N_PAGES; i++)
    {
      if (g_strcmp0 (pages[i].name, name) == 0)
        return (int) i;
    }

  return -1;
}

static void
update_title (CostWindow *self)
{
  g_autofree char *title = cost_document_dup_title (self->document);
  g_autofree char *file_name = cost_document_dup_file_name (self->document);
  g_autofree char *shown = NULL;

  if (cost_document_get_modified (self->document))
    /* Translators: the window title of a project with unsaved changes */
    shown = g_strdup_printf (_("• %s"), title);
  else
    shown = g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, file_name ? file_name : _("Not Saved"));
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
on_document_title_cb (CostDocument *document,
                      GParamSpec   *pspec,
                      CostWindow   *self)
{
  update_title (self);
}

/* The Summary, or the empty state while the project has no items. */
static void
show_summary (CostWindow *self)
{
  CostProject *project = cost_document_get_project (self->document);

  cost_window_show_stack_page (self, cost_project_get_n_items (project) > 0 ? "summary" : "empty");
}

static void
show_current (CostWindow *self)
{
  if (self->current != NULL)
    {
      cost_category_page_set_category (self->category_page, self->document, self->current);
      cost_window_show_stack_page (self, "category");
    }
  else if (page_index (self->page) >= 0)
    {
      cost_category_page_set_category (self->category_page, NULL, NULL);
      cost_window_show_stack_page (self, self->page);
    }
  else
    {
      cost_category_page_set_category (self->category_page, NULL, NULL);
      show_summary (self);
    }
}

static void
on_result_notify_cb (CostDocument *document,
                     GParamSpec   *pspec,
                     CostWindow   *self)
{
  if (g_strcmp0 (self->page, "summary") == 0)
    show_summary (self);
  cost_window_update_scenarios (self);
}

static void
on_scenario_notify_cb (CostDocument *document,
                       GParamSpec   *pspec,
                       CostWindow   *self)
{
  cost_window_update_scenarios (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO_ID]);
}

static void
on_can_undo_cb (CostUndoStack *stack,
                GParamSpec    *pspec,
                CostWindow    *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cost_undo_stack_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cost_undo_stack_can_redo (stack));
}

static void
update_category_actions (CostWindow *self)
{
  CostProject *project = cost_document_get_project (self->document);
  guint position = 0;
  guint n = cost_project_get_n_categories (project);

  if (self->current != NULL)
    cost_project_find_category (project, cost_category_get_id (self->current), &position);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-category", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-category", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-category-up",
                                 self->current != NULL && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-category-down",
                                 self->current != NULL && position + 1 < n);
}

/**
 * cost_window_get_sidebar_row:
 * @category: (nullable): a category, %NULL for the Summary
 *
 * Returns: (transfer none) (nullable): the sidebar row of @category
 */
GtkWidget *
cost_window_get_sidebar_row (CostWindow   *self,
                             CostCategory *category)
{
  guint position = 0;

  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  if (category != NULL)
    {
      if (!cost_project_find_category (cost_document_get_project (self->document),
                                       cost_category_get_id (category), &position))
        return NULL;
      position += 1 + N_PAGES;
    }

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar, position));
}

/**
 * cost_window_show_page:
 * @page: "summary", "workload", "comparison", "sensitivity", "uncertainty",
 *   "projection" or "actuals"
 *
 * Selects @page in the sidebar and shows it.
 */
void
cost_window_show_page (CostWindow *self,
                       const char *page)
{
  int index = page_index (page);

  g_return_if_fail (COST_IS_WINDOW (self));
  g_return_if_fail (index >= 0 || g_strcmp0 (page, "summary") == 0);

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index + 1));
}

/**
 * cost_window_get_page:
 *
 * Returns: the page shown: "summary", "category" or a what-if page
 */
const char *
cost_window_get_page (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return self->page;
}

/**
 * cost_window_select_category:
 * @category: (nullable): the category to show, %NULL for the Summary
 */
void
cost_window_select_category (CostWindow   *self,
                             CostCategory *category)
{
  GtkWidget *row;

  g_return_if_fail (COST_IS_WINDOW (self));

  row = cost_window_get_sidebar_row (self, category);
  if (row == NULL)
    row = cost_window_get_sidebar_row (self, NULL);

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

static void
on_sidebar_row_selected_cb (GtkListBox    *box,
                            GtkListBoxRow *row,
                            CostWindow    *self)
{
  if (row == NULL)
    return;

  if (COST_IS_SIDEBAR_ROW (row))
    {
      g_set_object (&self->current, cost_sidebar_row_get_category (COST_SIDEBAR_ROW (row)));
      self->page = self->current ? "category" : "summary";
    }
  else
    {
      g_clear_object (&self->current);
      self->page = g_object_get_data (G_OBJECT (row), "page");
    }
  show_current (self);
  update_category_actions (self);
}

static void
on_sidebar_row_activated_cb (GtkListBox    *box,
                             GtkListBoxRow *row,
                             CostWindow    *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (GtkButton  *button,
                    CostWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The sidebar rebuilt rows: keep the same category selected, or the Summary
 * when it went away. */
static void
on_sidebar_items_changed_cb (GListModel *model,
                             guint       position,
                             guint       removed,
                             guint       added,
                             CostWindow *self)
{
  CostProject *project = cost_document_get_project (self->document);

  if (self->current != NULL &&
      cost_project_find_category (project, cost_category_get_id (self->current), NULL) != self->current)
    g_clear_object (&self->current);

  if (self->current == NULL && page_index (self->page) >= 0)
    cost_window_show_page (self, self->page);
  else
    cost_window_select_category (self, self->current);
  update_category_actions (self);
}

static GtkWidget *
create_page_row (const char *name)
{
  int index = page_index (name);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(pages[index].title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (pages[index].icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "page", (gpointer) pages[index].name);

  return row;
}

static GtkWidget *
create_sidebar_row_cb (gpointer item,
                       gpointer data)
{
  CostWindow *self = data;

  if (GTK_IS_STRING_OBJECT (item))
    return create_page_row (gtk_string_object_get_string (item));

  return cost_sidebar_row_new (self->document, COST_IS_CATEGORY (item) ? item : NULL);
}

/* A heading above the what-if pages and above the categories. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *title = index == 1 ? _("Planning") : index == 1 + (int) N_PAGES ? _("Categories") : NULL;
  GtkWidget *header;

  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "sidebar-heading");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_label (GTK_LABEL (header), title);
}

/* A slice or bar of the summary's charts opens its category. */
static void
on_category_activated_cb (CostSummaryPage *page,
                          const char      *category_id,
                          CostWindow      *self)
{
  CostProject *project = cost_document_get_project (self->document);
  CostCategory *category = cost_project_find_category (project, category_id, NULL);

  if (category != NULL)
    {
      cost_window_select_category (self, category);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

/**
 * cost_window_set_document:
 *
 * Shows @document, with the Summary selected.
 */
void
cost_window_set_document (CostWindow   *self,
                          CostDocument *document)
{
  g_autoptr(GListStore) sections = NULL;
  g_autoptr(GListStore) summary = NULL;
  g_autoptr(GtkStringList) what_if = gtk_string_list_new (NULL);
  CostUndoStack *stack;

  g_return_if_fail (COST_IS_WINDOW (self));
  g_return_if_fail (COST_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (cost_document_get_undo_stack (self->document), self);
    }
  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar_model, self);

  g_clear_object (&self->current);
  cost_category_page_set_category (self->category_page, NULL, NULL);
  g_set_object (&self->document, document);

  /* The sidebar lists the Summary (the document itself), the what-if
   * pages, then the categories. */
  summary = g_list_store_new (COST_TYPE_DOCUMENT);
  g_list_store_append (summary, document);
  for (guint i = 0; i < N_PAGES; i++)
    gtk_string_list_append (what_if, pages[i].name);
  sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (sections, summary);
  g_list_store_append (sections, what_if);
  g_list_store_append (sections, cost_project_get_categories (cost_document_get_project (document)));
  g_clear_object (&self->sidebar_model);
  self->sidebar_model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections))));
  gtk_list_box_bind_model (self->sidebar, self->sidebar_model, create_sidebar_row_cb, self, NULL);
  g_signal_connect (self->sidebar_model, "items-changed",
                    G_CALLBACK (on_sidebar_items_changed_cb), self);

  g_signal_connect (document, "notify::title", G_CALLBACK (on_document_title_cb), self);
  g_signal_connect (document, "notify::modified", G_CALLBACK (on_document_title_cb), self);
  g_signal_connect (document, "notify::file", G_CALLBACK (on_document_title_cb), self);
  g_signal_connect (document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  g_signal_connect (document, "notify::scenario", G_CALLBACK (on_scenario_notify_cb), self);

  stack = cost_document_get_undo_stack (document);
  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (on_can_undo_cb), self);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (on_can_undo_cb), self);
  on_can_undo_cb (stack, NULL, self);

  cost_summary_page_set_document (self->summary_page, document);
  cost_workload_page_set_document (self->workload_page, document);
  cost_comparison_page_set_document (self->comparison_page, document);
  cost_sensitivity_page_set_document (self->sensitivity_page, document);
  cost_uncertainty_page_set_document (self->uncertainty_page, document);
  cost_projection_page_set_document (self->projection_page, document);
  cost_actuals_page_set_document (self->actuals_page, document);
  g_clear_pointer (&self->scenario_list, g_free);
  cost_window_update_scenarios (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO_ID]);
  update_title (self);
  cost_window_select_category (self, NULL);
}

/**
 * cost_window_commit_edits:
 *
 * Applies what is typed in the field that has the focus, so that saving,
 * exporting or undoing sees it.
 */
void
cost_window_commit_edits (CostWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (COST_IS_FIELD_ROW (focus))
        {
          cost_field_row_commit (COST_FIELD_ROW (focus));
          return;
        }
    }
}

/**
 * cost_window_show_undo_toast:
 *
 * Shows a toast whose button undoes the step just done, if it is still the
 * last one.
 */
void
cost_window_show_undo_toast (CostWindow *self,
                             const char *title)
{
  AdwToast *toast = adw_toast_new (title);
  guint64 step = cost_undo_stack_get_undo_id (cost_document_get_undo_stack (self->document));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (step));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After the list changed, the row of @item is a new widget: show and focus it. */
static void
focus_item (CostWindow *self,
            CostItem   *item,
            const char *field)
{
  CostCategory *category = cost_item_get_category (item);
  CostItemRow *row;

  if (category == NULL)
    cost_document_find_item (self->document, cost_item_get_id (item),
                             cost_document_get_scenario (self->document), &category);
  cost_window_select_category (self, category);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  row = cost_category_page_get_row (self->category_page, item);
  if (row == NULL)
    return;

  if (field != NULL)
    {
      GtkWidget *entry = cost_item_row_get_field (row, field);

      cost_item_row_focus_field (row, field);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
  else
    {
      /* The row's header: the expander row itself takes no focus. */
      gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }
}

static void
move_item (CostWindow *self,
           GVariant   *param,
           int         delta)
{
  const char *id = g_variant_get_string (param, NULL);

  if (cost_document_move_item (self->document, id, delta))
    focus_item (self, cost_document_find_item (self->document, id, NULL, NULL), NULL);
}

static void
move_item_up_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  move_item (COST_WINDOW (widget), param, -1);
}

static void
move_item_down_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  move_item (COST_WINDOW (widget), param, +1);
}

/* Moves an item to @position of a category, its own or another (a drop). */
static void
move_item_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  const char *item_id, *category_id;
  guint position;

  g_variant_get (param, "(&s&su)", &item_id, &category_id, &position);
  if (cost_document_move_item_to (self->document, item_id, category_id, position))
    focus_item (self, cost_document_find_item (self->document, item_id, NULL, NULL), NULL);
}

static void
duplicate_item_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostItem *copy;

  /* With a scenario shown, the copy is the scenario's own. */
  copy = cost_document_duplicate_item (self->document, g_variant_get_string (param, NULL),
                                       cost_document_get_scenario (self->document));
  if (copy != NULL)
    focus_item (self, copy, "name");
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostScenario *scenario = cost_document_get_scenario (self->document);
  const char *id = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(CostCategory) category = NULL;
  CostCategory *found = NULL;
  CostItem *item;
  guint position = 0;
  guint n;

  item = cost_document_find_item (self->document, id, scenario, &found);
  if (item == NULL)
    return;
  name = g_strdup (cost_names_translate (cost_item_get_name (item)));
  if (found != NULL && cost_item_get_category (item) == found)
    {
      category = g_object_ref (found);
      cost_category_find_item (category, id, &position);
    }

  switch (cost_document_delete_item (self->document, id, scenario))
    {
    case COST_DELETION_NONE:
      return;
    case COST_DELETION_EXCLUDED:
      /* Translators: a toast after leaving an item out of a scenario, with an Undo button */
      title = g_strdup_printf (_("“%s” left out of the scenario"), name);
      cost_window_show_undo_toast (self, title);
      return;
    case COST_DELETION_DELETED:
    default:
      /* Translators: a toast after deleting an item, with an Undo button */
      title = g_strdup_printf (_("“%s” deleted"), name);
      cost_window_show_undo_toast (self, title);
      break;
    }

  /* From the baseline, the next item takes the focus. */
  if (scenario != NULL || category == NULL)
    return;
  n = cost_category_get_n_items (category);
  if (n > 0)
    focus_item (self, cost_category_get_item (category, MIN (position, n - 1)), NULL);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  g_autoptr(CostItem) item = NULL;

  /* With a scenario shown, the new item is the scenario's own. */
  item = g_object_ref (cost_document_add_item (self->document, self->current,
                                               cost_category_page_get_focus_item (self->category_page),
                                               cost_document_get_scenario (self->document)));
  focus_item (self, item, "name");
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);

  cost_window_select_category (self, cost_document_add_category (self->document));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cost_category_page_focus_name (self->category_page);
}

static void
delete_category_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostProject *project = cost_document_get_project (self->document);
  g_autofree char *title = NULL;
  guint position;

  if (self->current == NULL)
    return;

  /* Translators: a toast after deleting a category, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"),
                           cost_names_translate (cost_category_get_name (self->current)));
  if (!cost_document_delete_category (self->document, self->current, &position))
    return;
  cost_window_show_undo_toast (self, title);

  cost_window_select_category (self, position > 0 ? cost_project_get_category (project, position - 1) : NULL);
}

static void
move_category (CostWindow *self,
               int         delta)
{
  if (self->current != NULL)
    cost_document_move_category (self->document, self->current, delta);
}

static void
move_category_up_action (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  move_category (COST_WINDOW (widget), -1);
}

static void
move_category_down_action (GtkWidget  *widget,
                           const char *action,
                           GVariant   *param)
{
  move_category (COST_WINDOW (widget), +1);
}

static void
rename_category_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);

  if (self->current != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      cost_category_page_focus_name (self->category_page);
    }
}

/* What is typed in the field with the focus is an edit like any other:
 * it is applied first, so that undo takes it back (or, when it was
 * applied already, the edit before). */
static void
undo_or_redo (CostWindow *self,
              gboolean    redo)
{
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);

  cost_window_commit_edits (self);
  if (redo)
    cost_undo_stack_redo (stack);
  else
    cost_undo_stack_undo (stack);
}

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  undo_or_redo (COST_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  undo_or_redo (COST_WINDOW (widget), TRUE);
}

/* Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the project's edits
 * wherever the focus is: a text field's own undo would otherwise take the
 * keys, and undo the text only (or nothing), not the edit. */
static gboolean
on_undo_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   data)
{
  undo_or_redo (COST_WINDOW (widget), GPOINTER_TO_INT (data));

  return TRUE;
}

static void
add_undo_shortcuts (CostWindow *self)
{
  static const struct {
    const char *trigger;
    gboolean    redo;
  } keys[] = {
    { "<Control>z", FALSE },
    { "<Control><Shift>z", TRUE },
    { "<Control>y", TRUE },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_callback_action_new (on_undo_shortcut_cb,
                                                                                     GINT_TO_POINTER (keys[i].redo),
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
undo_step_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);

  if (cost_undo_stack_get_undo_id (stack) == g_variant_get_uint64 (param))
    cost_undo_stack_undo (stack);
}

static void
show_summary_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);

  cost_window_select_category (self, NULL);
  gtk_widget_grab_focus (cost_window_get_sidebar_row (self, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  const char *page = g_variant_get_string (param, NULL);

  if (page_index (page) < 0 && g_strcmp0 (page, "summary") != 0)
    return;

  cost_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Shows the Actuals page and asks for a bill to import there. */
static void
import_bill_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);

  cost_window_show_page (self, "actuals");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cost_actuals_page_choose_bill (self->actuals_page);
}

static void
cost_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CostWindow *self = COST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      g_value_set_string (value, cost_window_get_scenario_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CostWindow *self = COST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      cost_window_set_scenario_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
save_window_state (CostWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
restore_window_state (CostWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema (an uninstalled build), the window simply forgets. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
close_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked is gone: it is transient for the window. */
static void
on_close_confirmed (CostWindow *self,
                    gpointer    data)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

static gboolean
cost_window_close_request (GtkWindow *window)
{
  CostWindow *self = COST_WINDOW (window);

  if (cost_window_close_files (self))
    return TRUE;

  if (!self->close_confirmed && cost_document_get_modified (self->document))
    {
      cost_window_confirm_discard (self, on_close_confirmed, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (cost_window_parent_class)->close_request (window);
}

static void
cost_window_dispose (GObject *object)
{
  CostWindow *self = (CostWindow *) object;

  cost_window_dispose_files (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (cost_document_get_undo_stack (self->document), self);
    }
  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar_model, self);
  g_clear_object (&self->current);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_WINDOW);

  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scenario_list, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (cost_window_parent_class)->dispose (object);
}

static void
cost_window_class_init (CostWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cost_window_dispose;
  object_class->get_property = cost_window_get_property;
  object_class->set_property = cost_window_set_property;
  window_class->close_request = cost_window_close_request;

  /* The scenario shown: its id, "" for the baseline. */
  properties[PROP_SCENARIO_ID] =
    g_param_spec_string ("scenario-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COST_TYPE_PAGE);
  g_type_ensure (COST_TYPE_CATEGORY_PAGE);
  g_type_ensure (COST_TYPE_SUMMARY_PAGE);
  g_type_ensure (COST_TYPE_WORKLOAD_PAGE);
  g_type_ensure (COST_TYPE_COMPARISON_PAGE);
  g_type_ensure (COST_TYPE_SENSITIVITY_PAGE);
  g_type_ensure (COST_TYPE_UNCERTAINTY_PAGE);
  g_type_ensure (COST_TYPE_PROJECTION_PAGE);
  g_type_ensure (COST_TYPE_ACTUALS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CostWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, content_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, category_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, workload_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, comparison_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, sensitivity_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, uncertainty_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, projection_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, actuals_page);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, scenario_button);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, scenario_section);
  gtk_widget_class_bind_template_child (widget_class, CostWindow, preset_section);
  /* Reached by name only (the tests). */
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "win.move-item-up", "s", move_item_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-item-down", "s", move_item_down_action);
  gtk_widget_class_install_action (widget_class, "win.move-item", "(ssu)", move_item_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-item", "s", duplicate_item_action);
  gtk_widget_class_install_action (widget_class, "win.delete-item", "s", delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "win.delete-category", NULL, delete_category_action);
  gtk_widget_class_install_action (widget_class, "win.rename-category", NULL, rename_category_action);
  gtk_widget_class_install_action (widget_class, "win.move-category-up", NULL, move_category_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-category-down", NULL, move_category_down_action);
  gtk_widget_class_install_action (widget_class, "win.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.import-bill", NULL, import_bill_action);

  cost_window_init_file_actions (klass);
  cost_window_init_scenario_actions (klass);
}

static void
cost_window_init (CostWindow *self)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  g_autoptr(CostDocument) document = cost_document_new (project, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = "summary";
  self->stack_page = "summary";
  gtk_list_box_set_header_func (self->sidebar, update_header_cb, NULL, NULL);
  add_undo_shortcuts (self);
  cost_window_init_scenarios (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  restore_window_state (self);
  cost_window_init_files (self);
  cost_window_set_document (self, document);
}

/**
 * cost_window_new:
 * @application: (nullable): the application
 *
 * Returns: a window with a new project of the four standard categories
 */
CostWindow *
cost_window_new (CostApplication *application)
{
  return g_object_new (COST_TYPE_WINDOW, "application", application, NULL);
}

/**
 * cost_window_get_document:
 *
 * Returns: (transfer none): the document shown
 */
CostDocument *
cost_window_get_document (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * cost_window_get_project:
 *
 * Returns: (transfer none): the project shown
 */
CostProject *
cost_window_get_project (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return cost_document_get_project (self->document);
}

/**
 * cost_window_get_category_page:
 *
 * Returns: (transfer none): the page that shows the selected category
 */
CostCategoryPage *
cost_window_get_category_page (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return self->category_page;
}

/**
 * cost_window_get_display_title:
 *
 * Returns: the title the header bar shows, with its unsaved-changes mark
 */
const char *
cost_window_get_display_title (CostWindow *self)
{
  g_return_val_if_fail (COST_IS_WINDOW (self), NULL);

  return adw_window_title_get_title (self->window_title);
}
