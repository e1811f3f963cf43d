/* test-document.c: the document's commands and the figures it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "cost-document.h"
#include "cost-project-sizing.h"
#include "cost-test-util.h"

static CostDocument *
load_document (const char *name)
{
  g_autoptr(CostProject) project = cost_test_load_example (name);

  return cost_document_new (project, NULL);
}

static double
run_rate (CostDocument *document,
          CostScenario *scenario)
{
  return cost_document_get_scenario_result (document, scenario)->run_rate;
}

/* Deleting from the baseline removes the item; undo brings it back. */
static void
test_delete_item (void)
{
  g_autoptr(CostDocument) document = load_document ("reference.modelcost");
  CostProject *project = cost_document_get_project (document);
  CostUndoStack *stack = cost_document_get_undo_stack (document);
  double before = run_rate (document, NULL);

  g_assert_cmpfloat (cost_result_find_item (cost_document_get_result (document), "gpu")->run_rate, ==, 100000);
  g_assert_cmpint (cost_document_delete_item (document, "gpu", NULL), ==, COST_DELETION_DELETED);
  g_assert_null (cost_project_find_item (project, "gpu", NULL));
  g_assert_cmpfloat (run_rate (document, NULL), ==, before - 100000);
  g_assert_cmpfloat (cost_document_get_result (document)->run_rate, ==, before - 100000);

  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, 1);
  cost_undo_stack_undo (stack);
  g_assert_nonnull (cost_project_find_item (project, "gpu", NULL));
  g_assert_cmpfloat (run_rate (document, NULL), ==, before);

  g_assert_cmpint (cost_document_delete_item (document, "no-such-item", NULL), ==, COST_DELETION_NONE);
}

/* With a scenario shown, a baseline item is left out of the scenario only. */
static void
test_delete_item_in_scenario (void)
{
  g_autoptr(CostDocument) document = load_document ("reference.modelcost");
  CostProject *project = cost_document_get_project (document);
  CostUndoStack *stack = cost_document_get_undo_stack (document);
  CostScenario *scenario = cost_project_get_scenario (project, 0);
  double baseline = run_rate (document, NULL);
  double before = run_rate (document, scenario);
  double gpu = cost_result_find_item (cost_document_get_scenario_result (document, scenario), "gpu")->run_rate;
  CostItem *added;

  cost_document_set_scenario (document, scenario);
  g_assert_cmpint (cost_document_delete_item (document, "gpu", scenario), ==, COST_DELETION_EXCLUDED);
  g_assert_nonnull (cost_project_find_item (project, "gpu", NULL));
  g_assert_true (cost_result_find_item (cost_document_get_result (document), "gpu")->excluded);
  g_assert_cmpfloat (cost_document_get_result (document)->run_rate, ==, before - gpu);
  g_assert_cmpfloat (run_rate (document, NULL), ==, baseline);

  cost_undo_stack_undo (stack);
  g_assert_false (cost_result_find_item (cost_document_get_result (document), "gpu")->excluded);
  g_assert_cmpfloat (cost_document_get_result (document)->run_rate, ==, before);

  /* The scenario's own items go. */
  added = cost_document_add_item (document, NULL, NULL, scenario);
  g_assert_nonnull (cost_document_find_item (document, cost_item_get_id (added), scenario, NULL));
  g_assert_cmpint (cost_document_delete_item (document, cost_item_get_id (added), scenario), ==,
                   COST_DELETION_DELETED);
  g_assert_cmpuint (cost_scenario_get_n_added_items (scenario), ==, 0);
}

/* An item added to a project with no category brings one, in the same step. */
static void
test_add_item_and_category (void)
{
  g_autoptr(CostProject) project = cost_project_new ();
  g_autoptr(CostDocument) document = cost_document_new (project, NULL);
  CostUndoStack *stack = cost_document_get_undo_stack (document);
  CostItem *item;
  CostItem *copy;

  item = cost_document_add_item (document, NULL, NULL, NULL);
  g_assert_cmpuint (cost_project_get_n_categories (project), ==, 1);
  g_assert_cmpfloat (cost_item_get_quantity (item), ==, 1);
  g_assert_true (cost_item_get_category (item) == cost_project_get_category (project, 0));

  copy = cost_document_duplicate_item (document, cost_item_get_id (item), NULL);
  g_assert_nonnull (copy);
  g_assert_cmpuint (cost_project_get_n_items (project), ==, 2);

  cost_undo_stack_undo (stack);
  g_assert_cmpuint (cost_project_get_n_items (project), ==, 1);
  cost_undo_stack_undo (stack);
  g_assert_cmpuint (cost_project_get_n_categories (project), ==, 0);
}

/* A GPU item for a model: priced from the catalogue in the project's currency. */
static void
test_add_driven_gpu_item (void)
{
  g_autoptr(CostDocument) document = load_document ("llm-search.modelcost");
  CostProject *project = cost_document_get_project (document);
  CostUndoStack *stack = cost_document_get_undo_stack (document);
  CostServedModel *model = cost_project_get_model (project, 0);
  const CostPrice *price = cost_document_get_catalogue_price (document, model);
  guint n = cost_project_get_n_items (project);
  double before = run_rate (document, NULL);
  double expected;
  CostItem *item;

  g_assert_nonnull (price);
  g_assert_true (cost_price_convert (project, price->per_gpu_hour, price->currency, &expected, NULL));

  item = cost_document_add_driven_gpu_item (document, model);
  g_assert_cmpstr (cost_item_get_driver (item), ==, cost_served_model_get_id (model));
  g_assert_cmpstr (cost_category_get_id (cost_item_get_category (item)), ==, "compute");
  g_assert_cmpfloat (cost_item_get_unit_price (item), ==, expected);
  g_assert_nonnull (cost_item_get_price_source (item));
  g_assert_cmpuint (cost_project_get_n_items (project), ==, n + 1);
  g_assert_cmpfloat (run_rate (document, NULL), >, before);

  cost_undo_stack_undo (stack);
  g_assert_cmpuint (cost_project_get_n_items (project), ==, n);
  g_assert_cmpfloat (run_rate (document, NULL), ==, before);
}

/* The figures kept are those of the project as it is now. */
static void
test_results (void)
{
  g_autoptr(CostDocument) document = load_document ("reference.modelcost");
  CostProject *project = cost_document_get_project (document);
  g_autoptr(GPtrArray) expected = cost_calc_compute_all (project);
  GPtrArray *results = cost_document_get_results (document);

  g_assert_cmpuint (results->len, ==, expected->len);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpfloat (((CostResult *) results->pdata[i])->run_rate, ==,
                       ((CostResult *) expected->pdata[i])->run_rate);

  cost_document_delete_item (document, "gpu", NULL);
  results = cost_document_get_results (document);
  g_assert_cmpfloat (((CostResult *) results->pdata[0])->run_rate, ==,
                     ((CostResult *) expected->pdata[0])->run_rate - 100000);
}

/* A property set with g_object_set() tells of itself after the project
 * changed: the document counts as modified from the change on, and undoing
 * it leads back to the file as saved. */
static void
test_modified (void)
{
  g_autoptr(CostDocument) document = load_document ("llm-search.modelcost");
  CostProject *project = cost_document_get_project (document);
  CostUndoStack *stack = cost_document_get_undo_stack (document);
  CostWorkload *workload = cost_project_get_workload (project);

  g_assert_nonnull (workload);
  g_assert_false (cost_document_get_modified (document));

  g_object_set (workload, "peak-hours", 5.0, NULL);
  g_assert_true (cost_document_get_modified (document));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (cost_document_get_modified (document));

  g_assert_true (cost_undo_stack_undo (stack));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (cost_document_get_modified (document));

  g_object_set (project, "title", "Another title", NULL);
  g_assert_true (cost_document_get_modified (document));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_false (cost_document_get_modified (document));
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_true (cost_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/document/delete-item", test_delete_item);
  g_test_add_func ("/ui/document/delete-item-in-scenario", test_delete_item_in_scenario);
  g_test_add_func ("/ui/document/add-item-and-category", test_add_item_and_category);
  g_test_add_func ("/ui/document/add-driven-gpu-item", test_add_driven_gpu_item);
  g_test_add_func ("/ui/document/results", test_results);
  g_test_add_func ("/ui/document/modified", test_modified);

  return g_test_run ();
}
