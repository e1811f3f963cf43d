/* test-whatif.c
 *
 * What-if planning in the window, on the reference project: the scenario
 * menu, editing a scenario through the forms, the quick what-if, and the
 * comparison, sensitivity and projection pages. Needs a display (the suite
 * runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cost-calc.h"
#include "cost-chart-view.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-override-mark.h"
#include "cost-presets.h"
#include "cost-projection-page.h"
#include "cost-sensitivity-page.h"
#include "cost-sidebar-row.h"
#include "cost-table.h"
#include "cost-whatif-panel.h"
#include "cost-window.h"
#include "window-fixture.h"

/* Each test works on its own copy of the reference project. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  window_fixture_open (f);
  g_assert_cmpuint (cost_project_get_n_scenarios (cost_window_get_project (f->window)), ==, 2);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
}

static void
show_scenario (Fixture    *f,
               const char *id)
{
  activate (f, "win.scenario", g_variant_new_string (id));
}

static CostProject *
project_of (Fixture *f)
{
  return cost_window_get_project (f->window);
}

static CostScenario *
shown_scenario (Fixture *f)
{
  return cost_document_get_scenario (cost_window_get_document (f->window));
}

static const char *
summary_text (Fixture    *f,
              const char *label)
{
  return gtk_label_get_label (page_child (window_child (f, "summary_page"), label));
}

static const char *
sidebar_amount (Fixture    *f,
                const char *category_id)
{
  CostCategory *category = NULL;
  GtkWidget *row;

  if (category_id != NULL)
    category = cost_project_find_category (project_of (f), category_id, NULL);
  row = cost_window_get_sidebar_row (f->window, category);
  g_assert_true (COST_IS_SIDEBAR_ROW (row));

  return cost_sidebar_row_get_amount (COST_SIDEBAR_ROW (row));
}

/* The run-rate the summary and the sidebar show. */
static void
assert_run_rate (Fixture *f,
                 double   amount)
{
  g_autofree char *text = money (amount);

  g_assert_cmpstr (summary_text (f, "run_rate_label"), ==, text);
  g_assert_cmpstr (sidebar_amount (f, NULL), ==, text);
}

static double
scenario_run_rate (Fixture      *f,
                   CostScenario *scenario)
{
  g_autoptr(CostResult) result = cost_calc_compute (project_of (f), scenario);

  return result->run_rate;
}

static CostItemRow *
item_row (Fixture  *f,
          CostItem *item)
{
  CostCategory *category = cost_item_get_category (item);
  CostItemRow *row;

  if (category != NULL)
    cost_window_select_category (f->window, category);
  row = cost_category_page_get_row (cost_window_get_category_page (f->window), item);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

/* Lets the main loop run, as it does between two things a user does: the
 * undo history makes one step of what happens in one iteration. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Types @text into the field and presses Enter, as a user would. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

  g_assert_true (GTK_IS_TEXT (delegate));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  g_signal_emit_by_name (delegate, "activate");
}

static CostOverrideMark *
find_mark (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CostOverrideMark *mark = COST_IS_OVERRIDE_MARK (child) ? COST_OVERRIDE_MARK (child) : find_mark (child);

      if (mark != NULL)
        return mark;
    }

  return NULL;
}

/* Whether the form shows @field as changed by the scenario, and with which
 * baseline value. */
static const char *
field_mark (GtkWidget *field)
{
  CostOverrideMark *mark = find_mark (field);
  const char *baseline;

  if (mark == NULL)
    return NULL;

  baseline = cost_override_mark_get_baseline (mark);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mark)) == (baseline != NULL));
  g_assert_true (gtk_widget_has_css_class (field, "overridden") == (baseline != NULL));

  return baseline;
}

/* Clicks the mark's button, as the user would. */
static void
reset_field (GtkWidget *field)
{
  CostOverrideMark *mark = find_mark (field);
  GtkWidget *button = NULL;

  g_assert_nonnull (mark);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (mark));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        button = child;
    }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The entry rows of a dialog, in order. */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        g_ptr_array_add (entries, child);
      else
        collect_entries (child, entries);
    }
}

/* Answers the dialog as its button would, and closes it. */
static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The scenario menu switches every page to a scenario: 325,000 for INT8,
 * its change from the baseline, the sidebar and the category pages. */
static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  GMenuModel *menu = window_child (f, "scenario_section");
  GtkLabel *label = window_child (f, "scenario_label");
  CostCategory *compute = cost_project_find_category (project_of (f), "compute", NULL);
  g_autofree char *change = NULL;
  g_autofree char *delta = money (50000);
  g_autofree char *percent = cost_format_percent (50000.0 / 375000.0);
  g_autofree char *compute_text = money (57000);
  g_autofree char *item = NULL;

  /* The menu lists the baseline and both scenarios. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Baseline");
  assert_run_rate (f, 375000);

  show_scenario (f, "int8");
  g_assert_true (shown_scenario (f) == cost_project_find_scenario (project_of (f), "int8", NULL));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "INT8 quantization");
  assert_run_rate (f, 325000);
  change = g_strdup_printf ("−%s (−%s) vs the baseline", delta, percent);
  g_assert_cmpstr (summary_text (f, "run_rate_detail"), ==, change);
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, compute_text);

  cost_window_select_category (f->window, compute);
  g_assert_cmpstr (cost_category_page_get_subtotal (cost_window_get_category_page (f->window)), ==, compute_text);
  item = money (50000);
  g_assert_cmpstr (cost_item_row_get_amount (item_row (f, cost_project_find_item (project_of (f), "gpu", NULL))), ==, item);

  show_scenario (f, "");
  g_assert_null (shown_scenario (f));
  assert_run_rate (f, 375000);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Baseline");
  /* Switching is no edit. */
  g_assert_false (cost_document_get_modified (cost_window_get_document (f->window)));
}

/* With a scenario shown, typing a quantity writes an override, marked with
 * the baseline's value; the reset button gives the baseline back. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostScenario *reserved = cost_project_find_scenario (project, "reserved", NULL);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  CostItemRow *row;
  GtkWidget *quantity, *price;
  CostOverride o;
  g_autofree char *changed_amount = money (48000);

  show_scenario (f, "reserved");
  row = item_row (f, gpu);
  quantity = cost_item_row_get_field (row, "quantity");
  price = cost_item_row_get_field (row, "unit-price");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, "600");
  g_assert_null (field_mark (quantity));
  g_assert_cmpstr (field_mark (price), ==, "¥1,000");

  type_into (quantity, "80");
  g_assert_null (cost_field_row_get_error (COST_FIELD_ROW (quantity)));
  g_assert_true (cost_scenario_get_override (reserved, "gpu", &o));
  g_assert_true (o.fields & COST_OVERRIDE_QUANTITY);
  g_assert_cmpfloat (o.quantity, ==, 80);
  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, 100);
  g_assert_cmpstr (field_mark (quantity), ==, "100");
  g_assert_cmpstr (cost_item_row_get_amount (row), ==, changed_amount);
  assert_run_rate (f, 323000);

  settle ();
  reset_field (quantity);
  cost_scenario_get_override (reserved, "gpu", &o);
  g_assert_false (o.fields & COST_OVERRIDE_QUANTITY);
  g_assert_null (field_mark (quantity));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quantity)), ==, "100");
  assert_run_rate (f, 335000);

  /* Both edits undo, one step each. */
  settle ();
  activate (f, "win.undo", NULL);
  assert_run_rate (f, 323000);
  g_assert_cmpstr (field_mark (quantity), ==, "100");
  activate (f, "win.undo", NULL);
  assert_run_rate (f, 335000);
  g_assert_null (field_mark (quantity));

  /* The price period is a value of the scenario too. */
  settle ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (cost_item_row_get_field (row, "period")), COST_PERIOD_YEAR);
  cost_scenario_get_override (reserved, "gpu", &o);
  g_assert_true (o.fields & COST_OVERRIDE_PERIOD);
  g_assert_cmpint (o.period, ==, COST_PERIOD_YEAR);
  g_assert_cmpint (cost_item_get_period (gpu), ==, COST_PERIOD_MONTH);
  g_assert_cmpstr (field_mark (cost_item_row_get_field (row, "period")), ==, "Monthly");
  assert_run_rate (f, 280000);
  reset_field (cost_item_row_get_field (row, "period"));
  g_assert_null (field_mark (cost_item_row_get_field (row, "period")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (cost_item_row_get_field (row, "period"))), ==,
                    COST_PERIOD_MONTH);
  assert_run_rate (f, 335000);

  /* Typing the baseline's value is no override either. */
  type_into (price, "1000");
  g_assert_false (cost_scenario_get_override (reserved, "gpu", NULL));
  g_assert_null (field_mark (price));
  assert_run_rate (f, 375000);
}

/* An edit of the baseline flows into the scenarios that do not override
 * the value, and not into those that do. */
static void
test_baseline_flows (Fixture       *f,
                     gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  CostScenario *reserved = cost_project_find_scenario (project, "reserved", NULL);
  CostItemRow *row = item_row (f, cost_project_find_item (project, "gpu", NULL));

  g_assert_null (shown_scenario (f));
  type_into (cost_item_row_get_field (row, "unit-price"), "1200");

  /* INT8 keeps its 50 GPUs at the new price; Reserved keeps its price. */
  g_assert_cmpfloat (scenario_run_rate (f, int8), ==, 335000);
  g_assert_cmpfloat (scenario_run_rate (f, reserved), ==, 335000);
  assert_run_rate (f, 395000);

  show_scenario (f, "int8");
  assert_run_rate (f, 335000);
}

/* The category factor of a scenario: written, marked, reset. */
static void
test_factor (Fixture       *f,
             gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  CostCategoryPage *page = cost_window_get_category_page (f->window);
  g_autofree char *factor_text = cost_format_number (0.9, 2);
  g_autofree char *subtotal = money (51300);
  GtkWidget *factor;
  double value = 0;

  show_scenario (f, "int8");
  cost_window_select_category (f->window, compute);
  factor = page_child (page, "factor_row");

  g_assert_null (field_mark (factor));
  type_into (factor, factor_text);
  settle ();
  g_assert_true (cost_scenario_get_factor (int8, "compute", &value));
  g_assert_cmpfloat (value, ==, 0.9);
  g_assert_cmpfloat (cost_category_get_factor (compute), ==, 1.0);
  g_assert_cmpstr (field_mark (factor), ==, "1");
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, subtotal);

  reset_field (factor);
  g_assert_false (cost_scenario_get_factor (int8, "compute", NULL));
  g_assert_null (field_mark (factor));
  assert_run_rate (f, 325000);
}

/* Leaving an item out of a scenario, adding one only the scenario has,
 * and removing it again. */
static void
test_exclude_add (Fixture       *f,
                  gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostScenario *reserved = cost_project_find_scenario (project, "reserved", NULL);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  CostItem *servers = cost_project_find_item (project, "servers", NULL);
  CostItemRow *row;
  GtkSwitch *included;
  CostItem *added;
  g_autofree char *left_out = NULL;

  show_scenario (f, "reserved");
  row = item_row (f, servers);
  included = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (cost_item_row_get_field (row, "included"))));
  g_assert_true (gtk_switch_get_active (included));

  gtk_switch_set_active (included, FALSE);
  settle ();
  g_assert_true (cost_scenario_is_excluded (reserved, "servers"));
  left_out = g_strdup (cost_item_row_get_amount (row));
  g_assert_cmpstr (left_out, ==, "Excluded");
  assert_run_rate (f, 285000);

  /* Delete on a baseline item leaves it out as well; on the baseline it goes. */
  activate (f, "win.delete-item", g_variant_new_string ("network-devices"));
  g_assert_true (cost_scenario_is_excluded (reserved, "network-devices"));
  g_assert_nonnull (cost_project_find_item (project, "network-devices", NULL));
  assert_run_rate (f, 255000);
  activate (f, "win.undo", NULL);
  activate (f, "win.undo", NULL);
  g_assert_false (cost_scenario_is_excluded (reserved, "servers"));
  assert_run_rate (f, 335000);

  /* Add Item with a scenario shown: the item is the scenario's only. */
  cost_window_select_category (f->window, compute);
  activate (f, "win.add-item", NULL);
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, 3);
  g_assert_cmpuint (cost_scenario_get_n_added_items (reserved), ==, 1);
  added = cost_scenario_get_added_item (reserved, 0, NULL);
  row = item_row (f, added);
  type_into (cost_item_row_get_field (row, "unit-price"), "7000");
  type_into (cost_item_row_get_field (row, "quantity"), "2");
  settle ();
  g_assert_cmpfloat (cost_item_get_quantity (added), ==, 2);
  assert_run_rate (f, 349000);
  g_assert_null (find_mark (cost_item_row_get_field (row, "quantity")));

  show_scenario (f, "");
  assert_run_rate (f, 375000);
  g_assert_null (cost_category_page_get_row (cost_window_get_category_page (f->window), added));

  show_scenario (f, "reserved");
  activate (f, "win.delete-item", g_variant_new_string (cost_item_get_id (added)));
  g_assert_cmpuint (cost_scenario_get_n_added_items (reserved), ==, 0);
  assert_run_rate (f, 335000);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (cost_scenario_get_n_added_items (reserved), ==, 1);
  assert_run_rate (f, 349000);
}

/* Creating, duplicating, renaming and deleting scenarios, each undone. */
static void
test_manage (Fixture       *f,
             gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  CostScenario *copy;

  /* New: an empty scenario, shown, and asked for a name. */
  activate (f, "win.new-scenario", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 3);
  g_assert_cmpstr (cost_scenario_get_name (shown_scenario (f)), ==, "New Scenario");
  assert_run_rate (f, 375000);
  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  close_dialog (dialog, "cancel");
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 2);
  g_assert_null (shown_scenario (f));

  /* Duplicate: the same figures, under a name of its own, after the original. */
  show_scenario (f, "int8");
  activate (f, "win.duplicate-scenario", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 3);
  copy = cost_project_get_scenario (project, 1);
  g_assert_true (shown_scenario (f) == copy);
  g_assert_cmpstr (cost_scenario_get_name (copy), ==, "INT8 quantization (copy)");
  assert_run_rate (f, 325000);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 2);

  /* Rename and describe, as one step. */
  show_scenario (f, "int8");
  activate (f, "win.edit-scenario", NULL);
  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "Eight bits");
  gtk_editable_set_text (g_ptr_array_index (entries, 1), "Half the GPUs");
  close_dialog (dialog, "save");
  g_assert_cmpstr (cost_scenario_get_name (int8), ==, "Eight bits");
  g_assert_cmpstr (cost_scenario_get_description (int8), ==, "Half the GPUs");
  g_assert_cmpstr (gtk_label_get_label (window_child (f, "scenario_label")), ==, "Eight bits");
  activate (f, "win.undo", NULL);
  g_assert_cmpstr (cost_scenario_get_name (int8), ==, "INT8 quantization");
  g_assert_cmpstr (cost_scenario_get_description (int8), !=, "Half the GPUs");

  /* Delete: the window goes back to the baseline; undo brings it all back. */
  show_scenario (f, "int8");
  activate (f, "win.delete-scenario", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 1);
  g_assert_null (cost_project_find_scenario (project, "int8", NULL));
  g_assert_null (shown_scenario (f));
  assert_run_rate (f, 375000);
  activate (f, "win.undo", NULL);
  g_assert_true (cost_project_find_scenario (project, "int8", NULL) == int8);
  g_assert_cmpfloat (scenario_run_rate (f, int8), ==, 325000);
  g_assert_cmpint (g_menu_model_get_n_items (window_child (f, "scenario_section")), ==, 3);
}

/* The presets of the New Scenario menu, buying asking for the price. */
static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  CostProject *project = project_of (f);
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(CostResult) growth = NULL;

  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_RESERVED));
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 3);
  /* The reference already has a "Reserved GPUs". */
  g_assert_cmpstr (cost_scenario_get_name (shown_scenario (f)), ==, "Reserved GPUs 2");
  assert_run_rate (f, 335000);

  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_QUANTIZATION));
  assert_run_rate (f, 325000);

  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_DISTILLATION));
  assert_run_rate (f, 305000);

  /* Growth leaves the run-rate and raises the months after the first. */
  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_TRAFFIC_GROWTH));
  assert_run_rate (f, 375000);
  growth = cost_calc_compute (project, shown_scenario (f));
  g_assert_cmpfloat_with_epsilon (growth->monthly[1], 375000 + 107000 * 0.05, 0.005);

  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_BUY));
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 6);
  dialog = find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "thirty thousand");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "27000");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  close_dialog (dialog, "create");

  /* 100 GPUs bought at 27,000, over 36 months, replace 100,000 of rent. */
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 7);
  assert_run_rate (f, 350000);

  /* Every preset is one undoable step. */
  for (guint i = 0; i < 5; i++)
    activate (f, "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 2);
  g_assert_null (shown_scenario (f));
}

/* The quick what-if: a slider on the baseline creates a "What-if"
 * scenario and shows its change as it moves; a drag is one undo step. */
static void
test_quick (Fixture       *f,
            gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostWhatifPanel *panel = page_child (window_child (f, "summary_page"), "whatif_panel");
  CostUndoStack *stack = cost_document_get_undo_stack (cost_window_get_document (f->window));
  GtkRange *gpus = cost_whatif_panel_get_lever (panel, "gpu", "quantity");
  GtkRange *labor = cost_whatif_panel_get_lever (panel, "labor", "factor");
  g_autofree char *delta = money (50000);
  g_autofree char *percent = cost_format_percent (50000.0 / 375000.0);
  g_autofree char *expected = NULL;
  CostScenario *scenario;
  CostOverride o;
  double factor = 0;

  g_assert_nonnull (gpus);
  g_assert_nonnull (labor);
  g_assert_nonnull (cost_whatif_panel_get_lever (panel, "data-engineers", "unit-price"));
  /* Only the five largest items have sliders. */
  g_assert_null (cost_whatif_panel_get_lever (panel, "bandwidth", "quantity"));
  g_assert_cmpfloat (gtk_range_get_value (gpus), ==, 1.0);

  /* A drag: many values over many frames, each shown as it comes. */
  cost_undo_stack_begin_live (stack);
  for (double position = 0.9; position > 0.45; position -= 0.1)
    {
      gtk_range_set_value (gpus, position);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  gtk_range_set_value (gpus, 0.5);
  cost_undo_stack_end_live (stack);
  settle ();

  scenario = shown_scenario (f);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (cost_scenario_get_name (scenario), ==, "What-if");
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 3);
  g_assert_true (cost_scenario_get_override (scenario, "gpu", &o));
  g_assert_cmpfloat (o.quantity, ==, 50);
  g_assert_cmpfloat (cost_item_get_quantity (cost_project_find_item (project, "gpu", NULL)), ==, 100);
  assert_run_rate (f, 325000);
  expected = g_strdup_printf ("−%s (−%s)", delta, percent);
  g_assert_nonnull (strstr (cost_whatif_panel_get_change (panel), expected));

  /* The scenario shown takes the next changes. */
  settle ();
  gtk_range_set_value (labor, 0.8);
  settle ();
  g_assert_true (cost_scenario_get_factor (scenario, "labor", &factor));
  g_assert_cmpfloat (factor, ==, 0.8);
  assert_run_rate (f, 325000 - 35000);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 3);

  activate (f, "win.undo", NULL);
  assert_run_rate (f, 325000);
  g_assert_cmpfloat (gtk_range_get_value (labor), ==, 1.0);

  /* The whole drag, scenario included, is one step. */
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_n_scenarios (project), ==, 2);
  g_assert_null (shown_scenario (f));
  assert_run_rate (f, 375000);
  g_assert_cmpfloat (gtk_range_get_value (gpus), ==, 1.0);
  g_assert_nonnull (strstr (cost_whatif_panel_get_change (panel), "the baseline"));
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget's window lay out and draw @n frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  settle ();
}

/* Where @widget's top is in the visible part of @scroller. */
static double
top_in_view (GtkWidget *widget,
             GtkWidget *scroller)
{
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, scroller, 0, 0, &x, &y));
  return y;
}

/* Moving a slider keeps the panel where it is on the screen: the slider
 * stays under the pointer, whatever the page shows or hides above it. */
static void
test_quick_stays (Fixture       *f,
                  gconstpointer  data)
{
  CostWhatifPanel *panel = page_child (window_child (f, "summary_page"), "whatif_panel");
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (panel), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkRange *gpus = cost_whatif_panel_get_lever (panel, "gpu", "quantity");
  double before, after, value_before, height_before;

  g_assert_nonnull (scroller);
  wait_frames (GTK_WIDGET (panel), 3);
  /* Scrolled to the panel, as a user is to reach its sliders. */
  gtk_adjustment_set_value (vadjustment, top_in_view (GTK_WIDGET (panel), scroller) +
                                         gtk_adjustment_get_value (vadjustment) - 40);
  wait_frames (GTK_WIDGET (panel), 3);
  before = top_in_view (GTK_WIDGET (panel), scroller);
  value_before = gtk_adjustment_get_value (vadjustment);
  height_before = gtk_widget_get_height (GTK_WIDGET (panel));

  /* The first move creates the What-if scenario and shows it. */
  gtk_range_set_value (gpus, 0.9);
  wait_frames (GTK_WIDGET (panel), 15);
  after = top_in_view (GTK_WIDGET (panel), scroller);
  g_test_message ("panel at %.1f, then %.1f; scrolled %.1f, then %.1f; height %.1f, then %d",
                  before, after, value_before, gtk_adjustment_get_value (vadjustment),
                  height_before, gtk_widget_get_height (GTK_WIDGET (panel)));
  g_assert_nonnull (shown_scenario (f));
  g_assert_cmpfloat (fabs (after - before), <=, 1.0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (panel)), ==, (int) height_before);

  /* And the next ones. */
  gtk_range_set_value (gpus, 0.6);
  wait_frames (GTK_WIDGET (panel), 15);
  g_assert_cmpfloat (fabs (top_in_view (GTK_WIDGET (panel), scroller) - before), <=, 1.0);
}

static GtkGrid *
page_table (Fixture    *f,
            const char *page)
{
  g_autofree char *name = g_strconcat (page, "_page", NULL);

  activate (f, "win.show-page", g_variant_new_string (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "stack")), ==, page);
  g_assert_cmpstr (cost_window_get_page (f->window), ==, page);

  /* A page brings its figures up to date when it shows. */
  while (!gtk_widget_get_mapped (window_child (f, name)))
    g_main_context_iteration (NULL, TRUE);

  return page_child (window_child (f, name), "table");
}

/* Each scenario's figures and change from the baseline, against the
 * budget, and the waterfall of the gap. */
static void
test_comparison (Fixture       *f,
                 gconstpointer  data)
{
  CostProject *project = project_of (f);
  GtkGrid *table = page_table (f, "comparison");
  CostChartView *waterfall = page_child (window_child (f, "comparison_page"), "waterfall_view");
  CostChartDataset *steps;
  g_autofree char *int8 = money (325000);
  g_autofree char *reserved = money (335000);
  g_autofree char *first_year = money (3900000);
  g_autofree char *delta = money (50000);
  g_autofree char *percent = cost_format_percent (50000.0 / 375000.0);
  g_autofree char *change = g_strdup_printf ("−%s (−%s)", delta, percent);
  g_autofree char *over = NULL;

  /* The reference case holds a budget: first without it. */
  g_assert_true (cost_project_set_monthly_budget (project, 0, NULL));
  table = page_table (f, "comparison");

  /* Rows: headings, then two per result (figures, then changes). */
  g_assert_cmpstr (cost_table_get_text (table, 0, 1), ==, "Baseline");
  g_assert_cmpstr (cost_table_get_text (table, 0, 3), ==, "INT8 quantization");
  g_assert_cmpstr (cost_table_get_text (table, 1, 3), ==, int8);
  g_assert_cmpstr (cost_table_get_text (table, 1, 4), ==, change);
  g_assert_cmpstr (cost_table_get_text (table, 2, 3), ==, first_year);
  g_assert_cmpstr (cost_table_get_text (table, 1, 5), ==, reserved);
  g_assert_null (cost_table_get_text (table, 5, 0));

  /* The waterfall explains the gap to the scenario shown, item by item. */
  show_scenario (f, "int8");
  steps = cost_chart_view_get_dataset (waterfall);
  g_assert_nonnull (steps);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (steps), ==, 3);
  g_assert_cmpstr (cost_chart_dataset_get_series_id (steps, 1), ==, "gpu");
  g_assert_cmpfloat (cost_chart_dataset_get_value (steps, 0, 1), ==, -50000);
  g_assert_cmpfloat (cost_chart_dataset_get_value (steps, 0, 2), ==, 325000);

  /* A budget adds a column: which plans cross it, by how much, when. */
  g_assert_true (cost_project_set_monthly_budget (project, 330000, NULL));
  table = page_table (f, "comparison");
  g_assert_cmpstr (cost_table_get_text (table, 5, 0), ==, "Budget");
  over = money (45000);
  g_assert_true (g_str_has_prefix (cost_table_get_text (table, 5, 1), over));
  g_assert_nonnull (strstr (cost_table_get_text (table, 5, 1), "M1"));
  g_assert_nonnull (strstr (cost_table_get_text (table, 5, 3), "to spare"));
}

/* The tornado and its table for the scenario shown, ranked by swing. */
static void
test_sensitivity (Fixture       *f,
                  gconstpointer  data)
{
  GtkGrid *table = page_table (f, "sensitivity");
  CostSensitivityPage *page = window_child (f, "sensitivity_page");
  CostChartView *tornado = page_child (page, "chart_view");
  g_autofree char *low = money (355000);
  g_autofree char *high = money (395000);
  g_autofree char *int8_low = money (315000);
  g_autofree char *int8_high = money (335000);
  g_autofree char *engineers_low = money (309000);
  g_autofree char *narrow_low = money (365000);

  g_assert_cmpfloat (cost_sensitivity_page_get_range (page), ==, 0.2);
  g_assert_cmpstr (cost_table_get_text (table, 2, 0), ==, "−20%");
  g_assert_cmpstr (cost_table_get_text (table, 0, 1), ==, "GPUs");
  g_assert_cmpstr (cost_table_get_text (table, 2, 1), ==, low);
  g_assert_cmpstr (cost_table_get_text (table, 3, 1), ==, high);
  g_assert_cmpstr (cost_table_get_text (table, 0, 2), ==, "Data engineers");
  g_assert_cmpstr (cost_chart_dataset_get_series_id (cost_chart_view_get_dataset (tornado), 0), ==, "gpu");
  g_assert_cmpfloat (cost_chart_dataset_get_base (cost_chart_view_get_dataset (tornado)), ==, 375000);

  /* Half the GPUs swing half as much: the data engineers lead. */
  show_scenario (f, "int8");
  g_assert_cmpstr (cost_table_get_text (table, 0, 1), ==, "Data engineers");
  g_assert_cmpstr (cost_table_get_text (table, 2, 1), ==, engineers_low);
  g_assert_cmpstr (cost_table_get_text (table, 0, 2), ==, "GPUs");
  g_assert_cmpstr (cost_table_get_text (table, 2, 2), ==, int8_low);
  g_assert_cmpstr (cost_table_get_text (table, 3, 2), ==, int8_high);

  show_scenario (f, "");
  cost_sensitivity_page_set_range (page, 0.1);
  g_assert_cmpstr (cost_table_get_text (table, 2, 0), ==, "−10%");
  g_assert_cmpstr (cost_table_get_text (table, 2, 1), ==, narrow_low);
}

/* Month by month: growth shows, the cumulative total ends at the horizon
 * total, and the budget is a line and a column. */
static void
test_projection (Fixture       *f,
                 gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostChartView *chart = page_child (window_child (f, "projection_page"), "chart_view");
  const CostResult *result;
  GtkGrid *table;
  g_autofree char *total = NULL;
  g_autofree char *second = NULL;
  g_autofree char *budget_text = NULL;

  /* The reference case holds a budget: first without it. */
  g_assert_true (cost_project_set_monthly_budget (project, 0, NULL));
  activate (f, "win.new-scenario-preset", g_variant_new_uint32 (COST_PRESET_TRAFFIC_GROWTH));
  table = page_table (f, "projection");
  result = cost_document_get_result (cost_window_get_document (f->window));
  g_assert_true (result->scenario == shown_scenario (f));

  /* A table keeps the fen: the months add up to the total to the fen. */
  total = cost_format_money_styled (result->horizon_total, "CNY", COST_MONEY_EXACT);
  g_assert_cmpfloat (result->horizon_total, >, 4500000);
  g_assert_cmpstr (cost_table_get_text (table, 0, 13), ==, "Total");
  g_assert_cmpstr (cost_table_get_text (table, 2, 13), ==, total);
  second = money (380350);
  g_assert_cmpstr (cost_table_get_text (table, 0, 2), ==, "Month 2");
  g_assert_cmpstr (cost_table_get_text (table, 1, 2), ==, second);
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (cost_chart_view_get_dataset (chart)), ==, 12);
  g_assert_null (cost_chart_dataset_get_base_label (cost_chart_view_get_dataset (chart)));
  g_assert_false (gtk_widget_get_visible (page_child (window_child (f, "projection_page"), "budget_label")));

  /* A monthly budget of 400,000: growth crosses it in month 6. */
  g_assert_true (cost_project_set_monthly_budget (project, 400000, NULL));
  g_assert_cmpfloat (cost_chart_dataset_get_base (cost_chart_view_get_dataset (chart)), ==, 400000);
  g_assert_cmpstr (cost_chart_dataset_get_base_label (cost_chart_view_get_dataset (chart)), ==, "Monthly budget");
  g_assert_nonnull (strstr (cost_table_get_text (table, 3, 1), "to spare"));
  g_assert_nonnull (strstr (cost_table_get_text (table, 3, 6), "over"));
  budget_text = g_strdup (gtk_label_get_label (page_child (window_child (f, "projection_page"), "budget_label")));
  g_assert_nonnull (strstr (budget_text, "from month 6"));
}

/* The summary says how the scenario shown stands against the budgets. */
static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  CostProject *project = project_of (f);
  g_autofree char *within = NULL;
  g_autofree char *budget = money (350000);
  g_autofree char *spare = money (25000);

  /* The reference case holds a budget: first without it. */
  g_assert_true (cost_project_set_monthly_budget (project, 0, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_visible (page_child (window_child (f, "summary_page"), "budget_label")));
  g_assert_true (cost_project_set_monthly_budget (project, 350000, NULL));
  g_assert_true (gtk_widget_get_visible (page_child (window_child (f, "summary_page"), "budget_label")));
  g_assert_nonnull (strstr (summary_text (f, "budget_label"), "Over the monthly budget"));

  show_scenario (f, "int8");
  within = g_strdup_printf ("Within the monthly budget of %s: %s to spare.", budget, spare);
  g_assert_cmpstr (summary_text (f, "budget_label"), ==, within);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/whatif/switch", Fixture, NULL, fixture_set_up, test_switch, window_fixture_tear_down);
  g_test_add ("/ui/whatif/override", Fixture, NULL, fixture_set_up, test_override, window_fixture_tear_down);
  g_test_add ("/ui/whatif/baseline-flows", Fixture, NULL, fixture_set_up, test_baseline_flows, window_fixture_tear_down);
  g_test_add ("/ui/whatif/factor", Fixture, NULL, fixture_set_up, test_factor, window_fixture_tear_down);
  g_test_add ("/ui/whatif/exclude-add", Fixture, NULL, fixture_set_up, test_exclude_add, window_fixture_tear_down);
  g_test_add ("/ui/whatif/manage", Fixture, NULL, fixture_set_up, test_manage, window_fixture_tear_down);
  g_test_add ("/ui/whatif/presets", Fixture, NULL, fixture_set_up, test_presets, window_fixture_tear_down);
  g_test_add ("/ui/whatif/quick-stays", Fixture, NULL, fixture_set_up, test_quick_stays, window_fixture_tear_down);
  g_test_add ("/ui/whatif/quick", Fixture, NULL, fixture_set_up, test_quick, window_fixture_tear_down);
  g_test_add ("/ui/whatif/comparison", Fixture, NULL, fixture_set_up, test_comparison, window_fixture_tear_down);
  g_test_add ("/ui/whatif/sensitivity", Fixture, NULL, fixture_set_up, test_sensitivity, window_fixture_tear_down);
  g_test_add ("/ui/whatif/projection", Fixture, NULL, fixture_set_up, test_projection, window_fixture_tear_down);
  g_test_add ("/ui/whatif/budget", Fixture, NULL, fixture_set_up, test_budget, window_fixture_tear_down);

  status = g_test_run ();

  g_rmdir (home);
  return status;
}
