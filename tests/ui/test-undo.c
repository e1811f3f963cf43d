/* test-undo.c
 *
 * Undo and redo in the window: from the header bar, and with Ctrl+Z
 * wherever the focus is, with what is typed applied first; undoing back
 * to the file as saved leaves nothing unsaved. Needs a display (the suite
 * runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cost-field-row.h"
#include "cost-project-dialog.h"

#include <string.h>

#include "cost-recovery.h"
#include "window-fixture.h"

static CostItemRow *
item_row (Fixture    *f,
          const char *item_id)
{
  CostItemRow *row = window_item_row (f, item_id);

  /* The form is laid out in the next frames: focus goes only to what shows. */
  while (!gtk_widget_get_mapped (cost_item_row_get_field (row, "quantity")))
    g_main_context_iteration (NULL, TRUE);

  return row;
}

static double
gpu_quantity (Fixture *f)
{
  return cost_item_get_quantity (cost_project_find_item (cost_window_get_project (f->window), "gpu", NULL));
}

static gboolean
unsaved (Fixture *f)
{
  return g_str_has_prefix (cost_window_get_display_title (f->window), "•");
}

/* The window's shortcut for @accel that runs before the widget with the
 * focus sees the key, or NULL. */
static GtkShortcut *
capture_shortcut (Fixture    *f,
                  const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }

  return NULL;
}

/* What pressing @accel does, whichever widget has the focus: the window
 * takes the key first. */
static void
press (Fixture    *f,
       const char *accel)
{
  GtkShortcut *shortcut = capture_shortcut (f, accel);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (f->window), gtk_shortcut_get_arguments (shortcut)));
}

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Types into a field as a user does: the field has the focus, the text is
 * not applied until Enter, Tab or a click elsewhere. */
static void
type_in (GtkWidget  *field,
         const char *text)
{
  g_assert_true (gtk_widget_grab_focus (field));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (field)), field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* Typed, then Tab to the next field: Ctrl+Z takes the edit back at once,
 * and leaves the field the focus moved to alone. */
static void
test_tab_then_undo (Fixture       *f,
                    gconstpointer  data)
{
  CostItemRow *row = item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");
  GtkWidget *unit = cost_item_row_get_field (row, "unit");

  type_in (quantity, "120");
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  /* The focus left the text, for the next stop: the field's range button. */
  g_assert_nonnull (focus_widget (f));
  g_assert_true (focus_widget (f) == cost_field_row_get_range_button (COST_FIELD_ROW (quantity)) ||
                 gtk_widget_is_ancestor (focus_widget (f),
                                         cost_field_row_get_range_button (COST_FIELD_ROW (quantity))));
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
  g_assert_true (unsaved (f));

  press (f, "<Control>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit)), ==, "GPU");
  g_assert_false (unsaved (f));

  /* A second Ctrl+Z has nothing left to undo, and changes nothing. */
  press (f, "<Control>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit)), ==, "GPU");

  press (f, "<Control><Shift>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "120");
  press (f, "<Control>z");
  press (f, "<Control>y");
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
}

/* Typed but not applied yet: Ctrl+Z takes the typing back. */
static void
test_typed_then_undo (Fixture       *f,
                      gconstpointer  data)
{
  CostItemRow *row = item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");

  type_in (quantity, "130");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);

  press (f, "<Control>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "100");
  g_assert_false (unsaved (f));

  press (f, "<Control><Shift>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 130);
}

/* The description holds the plan's assumptions over several lines: typed
 * in the project dialog, it becomes the project's on closing, as one
 * undoable edit, and the dialog follows an undo. */
static void
test_description_lines (Fixture       *f,
                        gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  g_autofree char *before = g_strdup (cost_project_get_description (project));
  const char *typed = "Assumptions:\n- 40 GPUs at the catalogue's price\n- traffic as in November";
  GtkWidget *dialog = cost_project_dialog_new (GTK_WINDOW (f->window), document);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (dialog, COST_TYPE_PROJECT_DIALOG,
                                                                    "description_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, before);
  g_clear_pointer (&shown, g_free);

  /* Typed, not applied until the dialog closes. */
  gtk_text_buffer_set_text (buffer, typed, -1);
  g_assert_cmpstr (cost_project_get_description (project), ==, before);
  cost_project_dialog_commit (COST_PROJECT_DIALOG (dialog));
  g_assert_cmpstr (cost_project_get_description (project), ==, typed);
  g_assert_true (unsaved (f));

  /* Undone, the dialog shows the description as it was. */
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (document)));
  g_assert_cmpstr (cost_project_get_description (project), ==, before);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The header bar's buttons: enabled when there is something to undo or
 * redo, and they do it. */
static void
test_buttons (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *undo = window_child (f, "undo_button");
  GtkWidget *redo = window_child (f, "redo_button");
  CostItemRow *row = item_row (f, "gpu");

  g_assert_true (gtk_widget_get_visible (undo) && gtk_widget_get_visible (redo));
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));

  type_in (cost_item_row_get_field (row, "quantity"), "120");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (cost_item_row_get_field (row, "quantity"))),
                         "activate");
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
  g_assert_true (gtk_widget_get_sensitive (undo));

  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));

  g_signal_emit_by_name (redo, "clicked");
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
  g_assert_false (gtk_widget_get_sensitive (redo));
}

/* Undoing back to the file as saved clears the unsaved mark; undoing past
 * it, or redoing away from it, sets it again. */
static void
test_undo_to_saved (Fixture       *f,
                    gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostItemRow *row = item_row (f, "gpu");
  GtkWidget *quantity = cost_item_row_get_field (row, "quantity");

  type_in (quantity, "120");
  press (f, "<Control>z");
  g_assert_false (unsaved (f));

  type_in (quantity, "120");
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (unsaved (f));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  window_wait_files (f->window);
  g_assert_false (unsaved (f));

  type_in (quantity, "140");
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (unsaved (f));
  g_assert_true (cost_document_get_modified (document));

  /* Back to 120, as saved. */
  press (f, "<Control>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 120);
  g_assert_false (unsaved (f));
  g_assert_false (cost_document_get_modified (document));

  /* Past it: 100, which the file does not hold. */
  press (f, "<Control>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 100);
  g_assert_true (unsaved (f));

  press (f, "<Control><Shift>z");
  g_assert_false (unsaved (f));
  press (f, "<Control><Shift>z");
  g_assert_cmpfloat (gpu_quantity (f), ==, 140);
  g_assert_true (unsaved (f));

  /* A new edit after undoing to the saved state is unsaved again. */
  press (f, "<Control>z");
  g_assert_false (unsaved (f));
  type_in (quantity, "150");
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (unsaved (f));
}

static guint
count_recovery_copies (void)
{
  g_autoptr(GPtrArray) entries = cost_recovery_list (NULL);

  return entries->len;
}

/* Undone back to the file: the copy of the unsaved work goes, and the next
 * start offers nothing to restore. */
static void
test_undo_removes_copy (Fixture       *f,
                        gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostItemRow *row = item_row (f, "gpu");
  CostWindow *next;

  g_assert_cmpuint (count_recovery_copies (), ==, 0);
  type_in (cost_item_row_get_field (row, "quantity"), "120");
  gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  cost_recovery_flush (cost_document_get_recovery (document));
  while (count_recovery_copies () == 0)
    g_main_context_iteration (NULL, TRUE);

  press (f, "<Control>z");
  g_assert_false (cost_document_get_modified (document));
  g_assert_false (cost_recovery_has_copy (cost_document_get_recovery (document)));
  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  next = cost_window_new (NULL);
  g_object_ref_sink (next);
  g_assert_cmpuint (cost_window_offer_recovery (next), ==, 0);
  gtk_window_destroy (GTK_WINDOW (next));
  g_object_unref (next);

  /* Redone, it is unsaved work again, and copied again. */
  press (f, "<Control><Shift>z");
  g_assert_true (cost_document_get_modified (document));
  cost_recovery_flush (cost_document_get_recovery (document));
  while (count_recovery_copies () == 0)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/undo/tab-then-undo", Fixture, NULL, window_fixture_set_up, test_tab_then_undo,
              window_fixture_tear_down);
  g_test_add ("/ui/undo/typed-then-undo", Fixture, NULL, window_fixture_set_up, test_typed_then_undo,
              window_fixture_tear_down);
  g_test_add ("/ui/undo/description-lines", Fixture, NULL, window_fixture_set_up, test_description_lines,
              window_fixture_tear_down);
  g_test_add ("/ui/undo/buttons", Fixture, NULL, window_fixture_set_up, test_buttons,
              window_fixture_tear_down);
  g_test_add ("/ui/undo/undo-to-saved", Fixture, NULL, window_fixture_set_up, test_undo_to_saved,
              window_fixture_tear_down);
  g_test_add ("/ui/undo/undo-removes-copy", Fixture, NULL, window_fixture_set_up, test_undo_removes_copy,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
