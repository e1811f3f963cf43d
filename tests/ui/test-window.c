/* test-window.c
 *
 * The main window on the reference project, driven through its widgets.
 * Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-project-io.h"
#include "cost-recovery.h"
#include "cost-sidebar-row.h"
#include "cost-window.h"
#include "window-fixture.h"

/* Each test works on its own copy of the reference project. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  window_fixture_open (f);
  g_assert_cmpfloat (cost_project_get_n_items (cost_window_get_project (f->window)), ==, 12);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Discard whatever the test left unsaved. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  g_object_unref (f->file);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* Types @text into the field and presses Enter, as a user would. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

  g_assert_true (GTK_IS_TEXT (delegate));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  /* What Enter does in the text. */
  g_signal_emit_by_name (delegate, "activate");
}

static const char *
sidebar_amount (Fixture    *f,
                const char *category_id)
{
  CostCategory *category = NULL;
  GtkWidget *row;

  if (category_id != NULL)
    category = cost_project_find_category (cost_window_get_project (f->window), category_id, NULL);
  row = cost_window_get_sidebar_row (f->window, category);
  g_assert_true (COST_IS_SIDEBAR_ROW (row));

  return cost_sidebar_row_get_amount (COST_SIDEBAR_ROW (row));
}

static void
assert_figures (Fixture *f,
                double   quantity,
                double   compute,
                double   total)
{
  CostItem *gpu = cost_project_find_item (cost_window_get_project (f->window), "gpu", NULL);
  CostCategoryPage *page = cost_window_get_category_page (f->window);
  g_autofree char *compute_text = money (compute);
  g_autofree char *total_text = money (total);

  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, quantity);
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, compute_text);
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, compute_text);
  g_assert_cmpstr (sidebar_amount (f, NULL), ==, total_text);
}

/* An edit in the form shows at once in the row, the subtotal, the sidebar
 * and the total; undo brings all of them back. */
static void
test_edit_quantity (Fixture       *f,
                    gconstpointer  data)
{
  CostItemRow *row = window_item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");
  g_autofree char *row_amount = money (120000);

  assert_figures (f, 100, 107000, 375000);

  type_into (quantity, "120");
  /* No main-loop iteration in between: the figures are there in the same frame. */
  assert_figures (f, 120, 127000, 395000);
  g_assert_cmpstr (cost_item_row_get_amount (row), ==, row_amount);
  g_assert_null (cost_field_row_get_error (COST_FIELD_ROW (quantity)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  assert_figures (f, 100, 107000, 375000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "100");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_figures (f, 120, 127000, 395000);
}

/* The user's locale: grouping and decimal mark as they type them. */
static void
test_locale_input (Fixture       *f,
                   gconstpointer  data)
{
  CostItemRow *row = window_item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");
  g_autofree char *typed = cost_format_number (1234.5, 2);
  g_autofree char *shown = NULL;

  type_into (quantity, typed);
  g_assert_cmpfloat (cost_item_get_quantity (cost_item_row_get_item (row)), ==, 1234.5);
  shown = cost_format_number (1234.5, 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, shown);
}

static void
assert_refused (GtkWidget  *field,
                const char *text,
                const char *why)
{
  const char *error;
  g_autofree char *tooltip = NULL;

  type_into (field, text);
  error = cost_field_row_get_error (COST_FIELD_ROW (field));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, why));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  tooltip = gtk_widget_get_tooltip_text (field) ? g_strdup (gtk_widget_get_tooltip_text (field)) : NULL;
  g_assert_cmpstr (tooltip, ==, error);
}

/* Text, negative and too large numbers are refused with a reason; the
 * model keeps its last valid value. */
static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  CostItemRow *row = window_item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");
  GtkWidget *price = cost_item_row_get_field (row, "unit-price");
  GtkWidget *date = cost_item_row_get_field (row, "price-as-of");

  assert_refused (quantity, "a hundred", "not a number");
  assert_figures (f, 100, 107000, 375000);
  assert_refused (quantity, "-5", "negative");
  assert_refused (price, "2000000000000000", "too large");
  assert_refused (date, "next week", "YYYY-MM-DD");
  assert_figures (f, 100, 107000, 375000);
  g_assert_false (cost_document_get_modified (cost_window_get_document (f->window)));

  type_into (quantity, "90");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (quantity));
  assert_figures (f, 90, 97000, 365000);
}

/* The factor applies to every item of the category. */
static void
test_factor (Fixture       *f,
             gconstpointer  data)
{
  CostCategory *compute = cost_project_find_category (cost_window_get_project (f->window), "compute", NULL);
  CostCategoryPage *page = cost_window_get_category_page (f->window);
  g_autofree char *discounted = money (96300);
  g_autofree char *factor_text = cost_format_number (0.9, 2);
  GtkWidget *factor;

  cost_window_select_category (f->window, compute);
  factor = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), COST_TYPE_CATEGORY_PAGE,
                                                     "factor_row"));
  g_assert_true (COST_IS_FIELD_ROW (factor));

  type_into (factor, factor_text);
  g_assert_cmpfloat (cost_category_get_factor (compute), ==, 0.9);
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, discounted);
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, discounted);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpfloat (cost_category_get_factor (compute), ==, 1.0);
}

/* The unsaved mark appears with an edit and goes with a save. */
static void
test_unsaved_mark (Fixture       *f,
                   gconstpointer  data)
{
  CostItemRow *row = window_item_row (f, "gpu");
  g_autofree char *saved_as = g_build_filename (f->dir, "saved.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (saved_as);
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));

  type_into (cost_item_row_get_field (row, "quantity"), "120");
  g_assert_true (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));

  /* Save: to the file the project came from. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  window_wait_files (f->window);
  g_assert_false (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));
  reloaded = cost_project_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (reloaded, "gpu", NULL)), ==, 120);

  /* Save As: the window then lives in the new file. */
  type_into (cost_item_row_get_field (row, "quantity"), "130");
  g_assert_true (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));
  g_assert_true (window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (cost_window_get_display_title (f->window), "•"));
  g_assert_true (g_file_equal (cost_document_get_file (cost_window_get_document (f->window)), file));
  g_clear_object (&reloaded);
  reloaded = cost_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (reloaded, "gpu", NULL)), ==, 130);
}

static char *
item_order (Fixture *f)
{
  CostCategory *compute = cost_project_find_category (cost_window_get_project (f->window), "compute", NULL);
  CostCategoryPage *page = cost_window_get_category_page (f->window);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < cost_category_get_n_items (compute); i++)
    {
      CostItem *item = cost_category_get_item (compute, i);

      /* The rows follow the model's order. */
      g_assert_true (cost_category_page_get_row (page, item) != NULL);
      g_assert_true (cost_item_row_get_item (cost_category_page_get_row (page, item)) == item);
      g_string_append_printf (out, "%s%s", i ? " " : "", cost_item_get_id (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Moving and deleting an item undo like any edit. */
static void
test_reorder_delete (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *without_gpu = money (7000);

  window_item_row (f, "gpu");
  before = item_order (f);
  g_assert_cmpstr (before, ==, "gpu compute-storage bandwidth");

  gtk_widget_activate_action (window, "win.move-item-down", "s", "gpu");
  moved = item_order (f);
  g_assert_cmpstr (moved, ==, "compute-storage gpu bandwidth");

  gtk_widget_activate_action (window, "win.undo", NULL);
  undone = item_order (f);
  g_assert_cmpstr (undone, ==, before);

  gtk_widget_activate_action (window, "win.delete-item", "s", "gpu");
  after_delete = item_order (f);
  g_assert_cmpstr (after_delete, ==, "compute-storage bandwidth");
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, without_gpu);

  gtk_widget_activate_action (window, "win.undo", NULL);
  restored = item_order (f);
  g_assert_cmpstr (restored, ==, before);
  assert_figures (f, 100, 107000, 375000);
}

/* Duplicating and adding items; deleting a category, undone. */
static void
test_add_duplicate (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  CostCategory *labor = cost_project_find_category (project, "labor", NULL);
  CostItem *copy;

  window_item_row (f, "gpu");
  gtk_widget_activate_action (window, "win.duplicate-item", "s", "gpu");
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, 4);
  copy = cost_category_get_item (compute, 1);
  g_assert_cmpstr (cost_item_get_name (copy), ==, "GPUs");
  g_assert_cmpstr (cost_item_get_id (copy), !=, "gpu");
  assert_figures (f, 100, 207000, 475000);

  gtk_widget_activate_action (window, "win.add-item", NULL);
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, 5);

  cost_window_select_category (f->window, labor);
  gtk_widget_activate_action (window, "win.delete-category", NULL);
  g_assert_null (cost_project_find_category (project, "labor", NULL));
  g_assert_cmpuint (cost_project_get_n_categories (project), ==, 3);

  gtk_widget_activate_action (window, "win.undo", NULL);
  gtk_widget_activate_action (window, "win.undo", NULL);
  gtk_widget_activate_action (window, "win.undo", NULL);
  g_assert_true (cost_project_find_category (project, "labor", NULL) == labor);
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, 3);
  window_item_row (f, "gpu");
  assert_figures (f, 100, 107000, 375000);
}

/* Clicks the dialog's button labelled @label, as the user would. */
static gboolean
click_response (GtkWidget  *widget,
                const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        {
          g_signal_emit_by_name (child, "clicked");
          return TRUE;
        }
      if (click_response (child, label))
        return TRUE;
    }

  return FALSE;
}

static guint
count_recovery_copies (void)
{
  g_autoptr(GPtrArray) entries = cost_recovery_list (NULL);

  return entries->len;
}

/* Unsaved work left behind by a crash is offered at the next start, and
 * restored into its file with its changes still to be saved. */
static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostWindow *next;
  AdwMessageDialog *dialog;
  CostProject *restored;

  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  /* An edit; the copy is written a few seconds later (here: now). */
  type_into (cost_item_row_get_field (window_item_row (f, "gpu"), "quantity"), "120");
  cost_recovery_flush (cost_document_get_recovery (document));
  while (count_recovery_copies () == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cost_recovery_has_copy (cost_document_get_recovery (document)));

  /* The run "crashes": its window is never closed. The next start's first
   * window offers the copy. */
  next = cost_window_new (NULL);
  g_object_ref_sink (next);
  gtk_window_present (GTK_WINDOW (next));
  g_assert_cmpuint (cost_window_offer_recovery (next), ==, 1);
  dialog = find_dialog (GTK_WINDOW (next));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Reference case"));
  g_assert_true (click_response (GTK_WIDGET (dialog), "_Restore"));

  restored = cost_window_get_project (next);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (restored, "gpu", NULL)), ==, 120);
  g_assert_true (cost_document_get_modified (cost_window_get_document (next)));
  g_assert_true (g_file_equal (cost_document_get_file (cost_window_get_document (next)), f->file));

  /* Saving the restored work removes its copy. */
  g_assert_true (cost_document_save (cost_window_get_document (next), NULL, NULL));
  g_assert_cmpuint (count_recovery_copies (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (next));
  g_object_unref (next);

  /* A copy the user declines is removed. */
  type_into (cost_item_row_get_field (window_item_row (f, "gpu"), "quantity"), "130");
  cost_recovery_flush (cost_document_get_recovery (document));
  while (count_recovery_copies () == 0)
    g_main_context_iteration (NULL, TRUE);
  next = cost_window_new (NULL);
  g_object_ref_sink (next);
  gtk_window_present (GTK_WINDOW (next));
  g_assert_cmpuint (cost_window_offer_recovery (next), ==, 1);
  g_assert_true (click_response (GTK_WIDGET (find_dialog (GTK_WINDOW (next))), "_Discard"));
  g_assert_cmpuint (count_recovery_copies (), ==, 0);
  gtk_window_destroy (GTK_WINDOW (next));
  g_object_unref (next);
}

/* A file that does not load says why, and the project shown stays. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.modelcost", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GString *bad;
  AdwMessageDialog *dialog;
  char *price;

  g_file_get_contents (g_file_peek_path (f->file), &contents, NULL, &error);
  g_assert_no_error (error);
  bad = g_string_new (contents);
  price = strstr (bad->str, "\"unit_price\": 50");
  g_assert_nonnull (price);
  g_string_insert (bad, price - bad->str + strlen ("\"unit_price\": "), "-");
  g_file_set_contents (path, bad->str, -1, &error);
  g_string_free (bad, TRUE);
  g_assert_no_error (error);

  g_assert_null (find_dialog (GTK_WINDOW (f->window)));
  g_assert_false (window_open_file (f->window, broken));

  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "categories[0].items[1].unit_price"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.modelcost"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_equal (cost_document_get_file (cost_window_get_document (f->window)), f->file));
  window_item_row (f, "gpu");
  assert_figures (f, 100, 107000, 375000);
}

/* Dropping an item on another category moves it there, undoably. */
static void
test_move_across (Fixture       *f,
                  gconstpointer  data)
{
  CostProject *project = cost_window_get_project (f->window);
  CostCategory *data_category = cost_project_find_category (project, "data", NULL);
  CostCategory *owner = NULL;
  g_autofree char *compute = money (7000);
  g_autofree char *with_gpu = money (103000);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-item", "(ssu)", "gpu", "data", 0);
  g_assert_nonnull (cost_project_find_item (project, "gpu", &owner));
  g_assert_true (owner == data_category);
  g_assert_cmpstr (cost_item_get_id (cost_category_get_item (data_category, 0)), ==, "gpu");
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, compute);
  g_assert_cmpstr (sidebar_amount (f, "data"), ==, with_gpu);
  /* The window follows the item to its new category. */
  g_assert_true (cost_category_page_get_category (cost_window_get_category_page (f->window)) == data_category);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_nonnull (cost_project_find_item (project, "gpu", &owner));
  g_assert_cmpstr (cost_category_get_id (owner), ==, "compute");
  window_item_row (f, "gpu");
  assert_figures (f, 100, 107000, 375000);
}

/* Closing with unsaved changes asks first: cancel keeps the window, save
 * writes the file and closes. */
static void
test_close_unsaved (Fixture       *f,
                    gconstpointer  data)
{
  CostWindow *window = cost_window_new (NULL);
  AdwMessageDialog *dialog;
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (window_open_file (window, f->file));
  cost_item_set_quantity (cost_project_find_item (cost_window_get_project (window), "gpu", NULL), 7, NULL);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (click_response (GTK_WIDGET (dialog), "_Cancel"));
  while (find_dialog (GTK_WINDOW (window)) != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (click_response (GTK_WIDGET (dialog), "_Save"));
  /* The file is written in a worker: wait for it, and for the window to go. */
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window);

  reloaded = cost_project_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (reloaded, "gpu", NULL)), ==, 7);
}

static guint
count_pages (const char *pdf,
             gsize       length)
{
  const char page[] = "/Type /Page ";
  guint n = 0;

  for (gsize i = 0; i + sizeof page - 1 <= length; i++)
    {
      if (memcmp (pdf + i, page, sizeof page - 1) == 0)
        n++;
    }

  return n;
}

/* Printing lays out the report's pages; to a file, it asks nothing. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (cost_window_print (f->window, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_pages (contents, length), >=, 1);
}

/* The window opens at the size it was closed at, when the schema is installed. */
static void
test_remembers_size (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  CostWindow *window;
  int width, height;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The settings schema is not installed");
      return;
    }

  window = cost_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));

  settings = g_settings_new (APPLICATION_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = cost_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new project has no items: the window says what to do, and does it. */
static void
test_empty_state (void)
{
  CostWindow *window = cost_window_new (NULL);
  GtkStack *stack;
  CostProject *project;

  g_object_ref_sink (window);
  project = cost_window_get_project (window);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), COST_TYPE_WINDOW, "stack"));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (cost_document_is_pristine (cost_window_get_document (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-item", NULL);
  g_assert_cmpuint (cost_project_get_n_items (project), ==, 1);
  g_assert_cmpuint (cost_category_get_n_items (cost_project_get_category (project, 0)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "category");
  g_assert_true (cost_category_page_get_category (cost_window_get_category_page (window)) ==
                 cost_project_get_category (project, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* A window on @file, opened at @width × @height. */
static CostWindow *
window_at_size (GFile *file,
                int    width,
                int    height)
{
  CostWindow *window = cost_window_new (NULL);

  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (window_open_file (window, file));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return window;
}

static void
window_close (CostWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static GtkWidget *
template_child (CostWindow *window,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), COST_TYPE_WINDOW, name));
}

static void
run_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Wide windows, down to an ordinary laptop's, show the sidebar beside the
 * page, with no Back button and the main menu in the sidebar's bar. */
static void
test_adaptive_wide (Fixture       *f,
                    gconstpointer  data)
{
  static const int widths[] = { 1920, 800 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      CostWindow *window = window_at_size (f->file, widths[i], 600);
      AdwLeaflet *leaflet = ADW_LEAFLET (template_child (window, "leaflet"));

      g_assert_false (adw_leaflet_get_folded (leaflet));
      g_assert_true (gtk_widget_get_mapped (template_child (window, "sidebar_box")));
      g_assert_true (gtk_widget_get_mapped (template_child (window, "content_box")));
      g_assert_false (gtk_widget_get_visible (template_child (window, "back_button")));
      g_assert_false (gtk_widget_get_visible (template_child (window, "content_menu_button")));
      window_close (window);
    }
}

/* At a phone's width the sidebar and the page take turns: choosing a page
 * shows it, its Back button returns to the sidebar, and the main menu is
 * within reach from the page. */
static void
test_adaptive_narrow (Fixture       *f,
                      gconstpointer  data)
{
  static const char *pages[] = { "summary", "workload", "comparison", "sensitivity", "uncertainty", "projection",
                                 "actuals" };
  CostWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar, *content, *back, *menu, *row;
  GtkStack *stack;
  CostCategory *compute;
  int minimum;

  /* GNOME's and the phones' layout of the title buttons: Close only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  window = window_at_size (f->file, 360, 720);
  leaflet = ADW_LEAFLET (template_child (window, "leaflet"));
  sidebar = template_child (window, "sidebar_box");
  content = template_child (window, "content_box");
  back = template_child (window, "back_button");
  menu = template_child (window, "content_menu_button");
  stack = GTK_STACK (template_child (window, "stack"));
  compute = cost_project_find_category (cost_window_get_project (window), "compute", NULL);
  row = cost_window_get_sidebar_row (window, compute);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (leaflet)), ==, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_true (gtk_widget_get_mapped (row));

  /* Choosing a category, as a click does, shows its page. */
  gtk_widget_activate (row);
  run_pending ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "category");
  g_assert_true (cost_category_page_get_category (cost_window_get_category_page (window)) == compute);
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_visible (menu));
  /* The page fits the window: nothing is pushed off its right edge. */
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);

  /* Every page fits the phone's width. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      run_pending ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, pages[i]);
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
    }
  cost_window_select_category (window, compute);
  run_pending ();

  /* Back returns to the sidebar. */
  g_signal_emit_by_name (back, "clicked");
  run_pending ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

  /* So does it from a planning page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "workload");
  run_pending ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "workload");
  g_signal_emit_by_name (back, "clicked");
  run_pending ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

  window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/window/edit-quantity", Fixture, NULL, fixture_set_up, test_edit_quantity, fixture_tear_down);
  g_test_add ("/ui/window/locale-input", Fixture, NULL, fixture_set_up, test_locale_input, fixture_tear_down);
  g_test_add ("/ui/window/invalid-input", Fixture, NULL, fixture_set_up, test_invalid_input, fixture_tear_down);
  g_test_add ("/ui/window/factor", Fixture, NULL, fixture_set_up, test_factor, fixture_tear_down);
  g_test_add ("/ui/window/unsaved-mark", Fixture, NULL, fixture_set_up, test_unsaved_mark, fixture_tear_down);
  g_test_add ("/ui/window/reorder-delete", Fixture, NULL, fixture_set_up, test_reorder_delete, fixture_tear_down);
  g_test_add ("/ui/window/add-duplicate", Fixture, NULL, fixture_set_up, test_add_duplicate, fixture_tear_down);
  g_test_add ("/ui/window/malformed", Fixture, NULL, fixture_set_up, test_malformed, fixture_tear_down);
  g_test_add ("/ui/window/recovery", Fixture, NULL, fixture_set_up, test_recovery, fixture_tear_down);
  g_test_add ("/ui/window/move-across", Fixture, NULL, fixture_set_up, test_move_across, fixture_tear_down);
  g_test_add ("/ui/window/close-unsaved", Fixture, NULL, fixture_set_up, test_close_unsaved, fixture_tear_down);
  g_test_add ("/ui/window/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/ui/window/adaptive-wide", Fixture, NULL, fixture_set_up, test_adaptive_wide, fixture_tear_down);
  g_test_add ("/ui/window/adaptive-narrow", Fixture, NULL, fixture_set_up, test_adaptive_narrow, fixture_tear_down);
  g_test_add_func ("/ui/window/empty-state", test_empty_state);
  g_test_add_func ("/ui/window/remembers-size", test_remembers_size);

  status = g_test_run ();

  /* The recent-files list is written from an idle callback, if at all. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
