/* test-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "cost-calc.h"
#include "cost-project-io.h"
#include "cost-undo-stack.h"

static CostProject *
load_reference (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MODELCOST_EXAMPLES"), "reference.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static double
run_rate (CostProject *project)
{
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);

  return result->run_rate;
}

static char *
snapshot (CostProject *project)
{
  return cost_project_to_data (project, NULL);
}

static int changed_count;

static void
on_changed_cb (CostProject *project,
               gpointer     data)
{
  changed_count++;
}

/* One typed number is one step; undo and redo restore the figure. */
static void
test_property (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  g_assert_cmpfloat (run_rate (project), ==, 375000);
  g_assert_false (cost_undo_stack_can_undo (stack));

  g_signal_connect (project, "changed", G_CALLBACK (on_changed_cb), NULL);
  changed_count = 0;

  cost_undo_stack_begin (stack);
  g_assert_true (cost_item_set_quantity (gpu, 120, NULL));
  cost_undo_stack_end (stack);

  g_assert_cmpint (changed_count, ==, 1);
  g_assert_cmpfloat (run_rate (project), ==, 395000);
  g_assert_true (cost_undo_stack_can_undo (stack));
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpint (changed_count, ==, 2);
  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, 100);
  g_assert_cmpfloat (run_rate (project), ==, 375000);
  g_assert_false (cost_undo_stack_can_undo (stack));
  g_assert_true (cost_undo_stack_can_redo (stack));

  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpfloat (run_rate (project), ==, 395000);
  g_assert_false (cost_undo_stack_can_redo (stack));
  g_assert_false (cost_undo_stack_redo (stack));
}

/* A refused value records nothing: the model kept its value. */
static void
test_refused (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  g_autoptr(GError) error = NULL;

  cost_undo_stack_begin (stack);
  g_assert_false (cost_item_set_quantity (gpu, -5, &error));
  cost_undo_stack_end (stack);

  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_false (cost_undo_stack_can_undo (stack));
  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, 100);
}

/* Several edits in one group are one step. */
static void
test_group (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CostCategory *labor = cost_project_find_category (project, "labor", NULL);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  cost_undo_stack_begin (stack);
  cost_category_set_factor (labor, 1.15, NULL);
  cost_item_set_unit_price (gpu, 800, NULL);
  cost_item_set_name (gpu, "A100", NULL);
  cost_project_set_title (project, "Renamed", NULL);
  cost_undo_stack_end (stack);
  after = snapshot (project);

  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_true (cost_undo_stack_undo (stack));
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (cost_undo_stack_redo (stack));
  redone = snapshot (project);
  g_assert_cmpstr (redone, ==, after);
}

/* Start and end month change together; undo must not trip over the order. */
static void
test_active_months (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  cost_undo_stack_begin (stack);
  g_assert_true (cost_item_set_active_months (gpu, 2, 3, NULL));
  cost_undo_stack_end (stack);
  cost_undo_stack_begin (stack);
  g_assert_true (cost_item_set_active_months (gpu, 5, 8, NULL));
  cost_undo_stack_end (stack);

  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpint (cost_item_get_start_month (gpu), ==, 2);
  g_assert_cmpint (cost_item_get_end_month (gpu), ==, 3);
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpint (cost_item_get_start_month (gpu), ==, 5);
  g_assert_cmpint (cost_item_get_end_month (gpu), ==, 8);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpint (cost_item_get_start_month (gpu), ==, 0);
  g_assert_cmpint (cost_item_get_end_month (gpu), ==, -1);
}

static char *
item_order (CostCategory *category)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < cost_category_get_n_items (category); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, cost_item_get_id (cost_category_get_item (category, i)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_reorder (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  g_autofree char *before = item_order (compute);
  g_autofree char *moved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *cats = NULL;

  g_assert_cmpstr (before, ==, "gpu compute-storage bandwidth");

  cost_undo_stack_begin (stack);
  cost_category_move_item (compute, 2, 0);
  cost_undo_stack_end (stack);
  moved = item_order (compute);
  g_assert_cmpstr (moved, ==, "bandwidth gpu compute-storage");

  g_assert_true (cost_undo_stack_undo (stack));
  undone = item_order (compute);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (cost_undo_stack_redo (stack));
  redone = item_order (compute);
  g_assert_cmpstr (redone, ==, moved);

  /* The items stay attached to their category through it all. */
  for (guint i = 0; i < cost_category_get_n_items (compute); i++)
    g_assert_true (cost_item_get_category (cost_category_get_item (compute, i)) == compute);

  cost_undo_stack_begin (stack);
  cost_project_move_category (project, 3, 0);
  cost_undo_stack_end (stack);
  g_assert_cmpstr (cost_category_get_id (cost_project_get_category (project, 0)), ==, "operations");
  g_assert_true (cost_undo_stack_undo (stack));
  cats = g_strdup (cost_category_get_id (cost_project_get_category (project, 0)));
  g_assert_cmpstr (cats, ==, "compute");
}

/* Deleting an item, and a whole category, comes back with every value. */
static void
test_delete (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autofree char *before = snapshot (project);
  g_autofree char *undone = NULL;
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  guint position;

  cost_undo_stack_begin (stack);
  cost_category_remove_item (compute, 0);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (run_rate (project), ==, 275000);

  g_assert_nonnull (cost_project_find_category (project, "labor", &position));
  cost_undo_stack_begin (stack);
  cost_project_remove_category (project, position);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (run_rate (project), ==, 100000);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (run_rate (project), ==, 275000);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (run_rate (project), ==, 375000);
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);

  /* An edit of the restored item is recorded again. */
  cost_undo_stack_begin (stack);
  cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 1, NULL);
  cost_undo_stack_end (stack);
  g_assert_false (cost_undo_stack_can_redo (stack));
  g_assert_cmpfloat (run_rate (project), ==, 276000);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (run_rate (project), ==, 375000);
}

/* Adding an item and editing it in the same group undoes in one go. */
static void
test_add (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostCategory *data = cost_project_find_category (project, "data", NULL);
  g_autoptr(CostItem) item = cost_item_new (NULL, "Labelling");

  cost_undo_stack_begin (stack);
  cost_category_add_item (data, item);
  cost_item_set_quantity (item, 3, NULL);
  cost_item_set_unit_price (item, 1000, NULL);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (run_rate (project), ==, 378000);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_category_get_n_items (data), ==, 3);
  g_assert_cmpfloat (run_rate (project), ==, 375000);

  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpuint (cost_category_get_n_items (data), ==, 4);
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 3);
  g_assert_cmpfloat (run_rate (project), ==, 378000);
}

/* Changes outside a group become one step per main-loop iteration. */
static void
test_implicit (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  cost_item_set_quantity (gpu, 1, NULL);
  cost_item_set_unit_price (gpu, 1, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cost_item_set_quantity (gpu, 2, NULL);

  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, 1);
  g_assert_cmpfloat (cost_item_get_unit_price (gpu), ==, 1);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (cost_item_get_quantity (gpu), ==, 100);
  g_assert_cmpfloat (cost_item_get_unit_price (gpu), ==, 1000);
}

/* A new edit after an undo drops the redo branch; ids tell steps apart. */
static void
test_branch (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  guint64 first;

  g_assert_cmpuint (cost_undo_stack_get_undo_id (stack), ==, 0);
  cost_undo_stack_begin (stack);
  cost_item_set_quantity (gpu, 1, NULL);
  cost_undo_stack_end (stack);
  first = cost_undo_stack_get_undo_id (stack);
  g_assert_cmpuint (first, !=, 0);

  cost_undo_stack_undo (stack);
  g_assert_true (cost_undo_stack_can_redo (stack));
  cost_undo_stack_begin (stack);
  cost_item_set_quantity (gpu, 7, NULL);
  cost_undo_stack_end (stack);
  g_assert_false (cost_undo_stack_can_redo (stack));
  g_assert_cmpuint (cost_undo_stack_get_undo_id (stack), !=, first);
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);
}

static double
scenario_run_rate (CostProject  *project,
                   CostScenario *scenario)
{
  g_autoptr(CostResult) result = cost_calc_compute (project, scenario);

  return result->run_rate;
}

/* A scenario's overrides, factors and exclusions live outside properties;
 * their edits undo and redo all the same, one step each. */
static void
test_scenario_content (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  CostOverride o = { .fields = COST_OVERRIDE_QUANTITY, .quantity = 20 };
  CostOverride got;
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 325000);

  cost_undo_stack_begin (stack);
  g_assert_true (cost_scenario_set_override (int8, "gpu", &o, NULL));
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 295000);

  cost_undo_stack_begin (stack);
  g_assert_true (cost_scenario_set_factor (int8, "labor", 0.8, NULL));
  cost_scenario_set_excluded (int8, "servers", TRUE);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 295000 - 35000 - 50000);
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 2);
  after = snapshot (project);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_false (cost_scenario_get_factor (int8, "labor", NULL));
  g_assert_false (cost_scenario_is_excluded (int8, "servers"));
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 295000);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_scenario_get_override (int8, "gpu", &got));
  g_assert_cmpfloat (got.quantity, ==, 50);
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 325000);
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_true (cost_undo_stack_redo (stack));
  g_clear_pointer (&undone, g_free);
  undone = snapshot (project);
  g_assert_cmpstr (undone, ==, after);

  /* Resetting an override is an edit like any other. */
  cost_undo_stack_begin (stack);
  cost_scenario_reset_override (int8, "gpu", COST_OVERRIDE_QUANTITY);
  cost_undo_stack_end (stack);
  g_assert_false (cost_scenario_get_override (int8, "gpu", NULL));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_scenario_get_override (int8, "gpu", &got));
  g_assert_cmpfloat (got.quantity, ==, 20);
}

/* A renamed scenario is one step, not two: its content did not change. */
static void
test_scenario_rename (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);

  cost_undo_stack_begin (stack);
  cost_scenario_set_name (int8, "Eight bits", NULL);
  cost_undo_stack_end (stack);
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpstr (cost_scenario_get_name (int8), ==, "INT8 quantization");
  g_assert_false (cost_undo_stack_can_undo (stack));
}

/* Items only a scenario has: adding, editing and removing them undo, and
 * an undone edit keeps the item the same object. */
static void
test_scenario_added_item (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostScenario *reserved = cost_project_find_scenario (project, "reserved", NULL);
  g_autoptr(CostItem) item = cost_item_new ("cache", "Feature cache");

  cost_item_set_quantity (item, 4, NULL);
  cost_item_set_unit_price (item, 2500, NULL);

  cost_undo_stack_begin (stack);
  cost_scenario_add_item (reserved, "compute", item);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (scenario_run_rate (project, reserved), ==, 345000);

  cost_undo_stack_begin (stack);
  cost_item_set_quantity (item, 2, NULL);
  cost_undo_stack_end (stack);
  g_assert_cmpfloat (scenario_run_rate (project, reserved), ==, 340000);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_scenario_get_added_item (reserved, 0, NULL) == item);
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 4);
  g_assert_cmpfloat (scenario_run_rate (project, reserved), ==, 345000);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_scenario_get_n_added_items (reserved), ==, 0);
  g_assert_cmpfloat (scenario_run_rate (project, reserved), ==, 335000);

  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpuint (cost_scenario_get_n_added_items (reserved), ==, 1);
  g_assert_cmpstr (cost_item_get_id (cost_scenario_get_added_item (reserved, 0, NULL)), ==, "cache");
  g_assert_cmpfloat (scenario_run_rate (project, reserved), ==, 345000);
}

/* A live edit (a slider dragged over many frames) shows every change and
 * undoes as one step. */
static void
test_live (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);

  g_signal_connect (project, "changed", G_CALLBACK (on_changed_cb), NULL);
  changed_count = 0;

  cost_undo_stack_begin_live (stack);
  for (int q = 45; q >= 30; q -= 5)
    {
      CostOverride o = { .fields = COST_OVERRIDE_QUANTITY, .quantity = q };

      cost_scenario_set_override (int8, "gpu", &o, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  /* A group inside the live edit stays part of it. */
  cost_undo_stack_begin (stack);
  cost_item_set_quantity (cost_project_find_item (project, "servers", NULL), 12, NULL);
  cost_undo_stack_end (stack);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cost_undo_stack_end_live (stack);

  g_assert_cmpint (changed_count, ==, 5);
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 375000 - 70000 + 10000);
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (scenario_run_rate (project, int8), ==, 325000);
  g_assert_cmpfloat (run_rate (project), ==, 375000);
  g_assert_false (cost_undo_stack_can_undo (stack));
}

/* The state names the project's content as the stack saw it: each change
 * moves it on, undo and redo bring it back, and a live edit that goes on
 * moves it on at each value. */
static void
test_state (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  guint64 start, first, second, during;

  start = cost_undo_stack_get_state (stack);
  cost_item_set_quantity (gpu, 120, NULL);
  first = cost_undo_stack_get_state (stack);
  g_assert_cmpuint (first, !=, start);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cost_item_set_quantity (gpu, 130, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  second = cost_undo_stack_get_state (stack);
  g_assert_cmpuint (second, !=, first);

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_undo_stack_get_state (stack), !=, second);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_undo_stack_get_state (stack), ==, start);
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpuint (cost_undo_stack_get_state (stack), ==, second);

  cost_undo_stack_begin_live (stack);
  cost_item_set_quantity (gpu, 140, NULL);
  during = cost_undo_stack_get_state (stack);
  cost_item_set_quantity (gpu, 150, NULL);
  g_assert_cmpuint (cost_undo_stack_get_state (stack), !=, during);
  g_assert_cmpuint (cost_undo_stack_get_state (stack), !=, second);
  cost_undo_stack_end_live (stack);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_undo_stack_get_state (stack), ==, second);
}

/* Past the longest history, undoing every step kept does not lead back to
 * the start: the steps dropped are not undone. */
static void
test_state_dropped (void)
{
  g_autoptr(CostProject) project = load_reference ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);
  guint64 start = cost_undo_stack_get_state (stack);
  guint n;

  for (int q = 1; q <= 1005; q++)
    {
      cost_item_set_quantity (gpu, q, NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  n = cost_undo_stack_get_n_undo (stack);
  g_assert_cmpuint (n, <, 1005);
  for (guint i = 0; i < n; i++)
    g_assert_true (cost_undo_stack_undo (stack));
  g_assert_false (cost_undo_stack_can_undo (stack));
  g_assert_cmpfloat (cost_item_get_quantity (gpu), !=, 100);
  g_assert_cmpuint (cost_undo_stack_get_state (stack), !=, start);
}

/* Undoing must not leak: every object is released with the project. */
static void
test_release (void)
{
  CostProject *project = load_reference ();
  CostUndoStack *stack = cost_undo_stack_new (project);
  CostItem *gpu = cost_project_find_item (project, "gpu", NULL);

  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  g_object_add_weak_pointer (G_OBJECT (gpu), (gpointer *) &gpu);

  cost_undo_stack_begin (stack);
  cost_category_remove_item (cost_project_get_category (project, 0), 0);
  cost_undo_stack_end (stack);
  cost_undo_stack_undo (stack);

  g_object_unref (stack);
  g_object_unref (project);
  g_assert_null (project);
  g_assert_null (gpu);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/property", test_property);
  g_test_add_func ("/undo-stack/refused", test_refused);
  g_test_add_func ("/undo-stack/group", test_group);
  g_test_add_func ("/undo-stack/active-months", test_active_months);
  g_test_add_func ("/undo-stack/reorder", test_reorder);
  g_test_add_func ("/undo-stack/delete", test_delete);
  g_test_add_func ("/undo-stack/add", test_add);
  g_test_add_func ("/undo-stack/implicit", test_implicit);
  g_test_add_func ("/undo-stack/branch", test_branch);
  g_test_add_func ("/undo-stack/release", test_release);
  g_test_add_func ("/undo-stack/scenario-content", test_scenario_content);
  g_test_add_func ("/undo-stack/scenario-rename", test_scenario_rename);
  g_test_add_func ("/undo-stack/scenario-added-item", test_scenario_added_item);
  g_test_add_func ("/undo-stack/live", test_live);
  g_test_add_func ("/undo-stack/state", test_state);
  g_test_add_func ("/undo-stack/state-dropped", test_state_dropped);

  return g_test_run ();
}
