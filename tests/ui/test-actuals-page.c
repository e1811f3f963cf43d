/* test-actuals-page.c
 *
 * The Actuals page: a bill imported through it, the figures it shows
 * against cost_plan_actual_compute(), unassigned spending assigned, an
 * amount typed in, the start month set, and bad bills that leave the
 * project as it was. Needs a display (the suite runs under Xvfb).
 *
 * The project is the plan of the bill tests (tests/model/bills/
 * plan.modelcost: CNY, starts Jan 2027, ¥55,000 a month: Compute ¥15,000,
 * Labor ¥40,000; USD at 7) and its FOCUS bill focus.csv, whose lines give
 * (worked out by hand):
 *   Jan 2027  Compute › GPUs     6,000.50 + 4,000 − 500.50      =  9,500
 *             Compute › Storage  USD 700 × 7                    =  4,900
 *             Labor (tag team=platform, "Data Transfer")        =    300
 *             unassigned "Data Transfer" (env=prod)             =    120.25
 *             unassigned "Support Plan" EUR 50: no rate, left out
 *   Feb 2027  Compute › GPUs                                    =  9,000
 *   Dec 2026  800, before the plan: kept, not compared
 * so Jan's actual is 14,820.25 and the actual to date 23,820.25.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-actuals-page.h"
#include "cost-bill-mapping-dialog.h"
#include "cost-bill-mappings.h"
#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-month.h"
#include "cost-project-io.h"
#include "cost-window-private.h"
#include "window-fixture.h"

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
bill_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "model", "bills", name, NULL);
}

/* The window on a copy of the bill tests' plan, on the Actuals page. */
static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *source = bill_path ("plan.modelcost");
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  f->dir = g_dir_make_tmp ("modelcost-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "plan.modelcost", NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  f->file = g_file_new_for_path (path);

  f->window = cost_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (window_open_file (f->window, f->file));
  cost_window_show_page (f->window, "actuals");
  settle ();
}

static CostActualsPage *
actuals_page (Fixture *f)
{
  return COST_ACTUALS_PAGE (window_child (f, "actuals_page"));
}

static CostProject *
project_of (Fixture *f)
{
  return cost_window_get_project (f->window);
}

static CostUndoStack *
undo_stack_of (Fixture *f)
{
  return cost_document_get_undo_stack (cost_window_get_document (f->window));
}

static void
import (Fixture    *f,
        const char *name)
{
  CostActualsPage *page = actuals_page (f);
  g_autofree char *path = bill_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cost_actuals_page_import_file (page, file);
  while (cost_actuals_page_is_importing (page))
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

/* The figures of the plan shown, as the model computes them. */
static CostPlanActual *
expected (Fixture *f)
{
  CostDocument *document = cost_window_get_document (f->window);

  return cost_plan_actual_compute (project_of (f), (CostResult *) cost_document_get_result (document),
                                   COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
}

static void
assert_figure (CostActualsPage   *page,
               CostActualsFigure  figure,
               double             amount)
{
  g_autofree char *text = money (amount);

  g_assert_cmpstr (cost_actuals_page_get_figure (page, figure), ==, text);
}

static void
assert_cell (CostActualsPage   *page,
             int                month,
             int                category,
             CostActualsColumn  column,
             double             amount)
{
  g_autofree char *text = money (amount);

  g_assert_cmpstr (cost_actuals_page_get_cell (page, month, category, column), ==, text);
}

static guint
find_unassigned (CostActualsPage *page,
                 const char      *service)
{
  for (guint i = 0; i < cost_actuals_page_get_n_unassigned (page); i++)
    {
      if (strstr (cost_actuals_page_get_unassigned_name (page, i), service) != NULL)
        return i;
    }
  g_assert_not_reached ();
}

/* Categories in the order of the plan's result. */
enum { COMPUTE, LABOR };

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  g_autoptr(CostPlanActual) pa = NULL;
  guint n_undo = cost_undo_stack_get_n_undo (undo_stack_of (f));
  const char *message;

  /* No actual spending yet: no figures, and no crash. */
  g_assert_null (cost_actuals_page_get_plan_actual (page));
  g_assert_null (cost_actuals_page_get_figure (page, COST_ACTUALS_FIGURE_ACTUAL_TO_DATE));

  import (f, "focus.csv");
  message = cost_actuals_page_get_message (page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Imported focus.csv (FOCUS): 9 lines"));
  g_assert_nonnull (strstr (message, "EUR"));
  /* One import, one step. */
  g_assert_cmpuint (cost_undo_stack_get_n_undo (undo_stack_of (f)), ==, n_undo + 1);

  pa = expected (f);
  g_assert_nonnull (pa);
  g_assert_cmpfloat_with_epsilon (pa->to_date.actual, 23820.25, 1e-6);
  g_assert_cmpfloat_with_epsilon (pa->to_date.plan, 110000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pa->unassigned_to_date, 120.25, 1e-6);

  /* The key figures are the model's, formatted. */
  assert_figure (page, COST_ACTUALS_FIGURE_PLAN_TO_DATE, pa->to_date.plan);
  assert_figure (page, COST_ACTUALS_FIGURE_ACTUAL_TO_DATE, pa->to_date.actual);
  assert_figure (page, COST_ACTUALS_FIGURE_UNASSIGNED_TO_DATE, pa->unassigned_to_date);
  assert_figure (page, COST_ACTUALS_FIGURE_PLAN_AT_COMPLETION, pa->plan_at_completion);
  assert_figure (page, COST_ACTUALS_FIGURE_FORECAST_REMAINING_PLAN, pa->forecast_remaining_plan);
  assert_figure (page, COST_ACTUALS_FIGURE_FORECAST_RUN_RATE, pa->forecast_run_rate);
  /* ¥56,000 a month for 6 months. */
  assert_figure (page, COST_ACTUALS_FIGURE_BUDGET_AT_COMPLETION, 336000);
  g_assert_cmpuint (cost_actuals_page_get_n_warnings (page), ==, pa->warnings->len);
  g_assert_cmpuint (cost_actuals_page_get_n_warnings (page), >, 0);

  /* The burn-up chart: the cumulative actual of Jan and Feb (14,820.25,
   * then 9,000 more), none after Feb, and the plan over the horizon. */
  {
    CostChartView *view = page_child (page, "burn_up_view");
    CostChartDataset *burn_up = cost_chart_view_get_dataset (view);

    g_assert_nonnull (burn_up);
    g_assert_true (cost_window_get_chart (f->window, NULL) == view);
    g_assert_cmpuint (cost_chart_dataset_get_n_groups (burn_up), ==, pa->horizon);
    g_assert_cmpfloat_with_epsilon (cost_chart_dataset_get_value (burn_up, 0, COST_CHART_BURN_UP_ACTUAL),
                                    14820.25, 0.005);
    g_assert_cmpfloat_with_epsilon (cost_chart_dataset_get_value (burn_up, 1, COST_CHART_BURN_UP_ACTUAL),
                                    14820.25 + 9000, 0.005);
    g_assert_true (isnan (cost_chart_dataset_get_value (burn_up, 2, COST_CHART_BURN_UP_ACTUAL)));
    g_assert_cmpfloat_with_epsilon (cost_chart_dataset_get_value (burn_up, pa->horizon - 1, COST_CHART_BURN_UP_PLAN),
                                    pa->plan_at_completion, 0.005);
  }

  /* The table: Jan and Feb, the months to date. */
  assert_cell (page, 0, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL, 14820.25);
  assert_cell (page, 0, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_PLAN, 55000);
  assert_cell (page, 0, COMPUTE, COST_ACTUALS_COLUMN_ACTUAL, 9500 + 4900);
  assert_cell (page, 0, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 300);
  assert_cell (page, 0, COST_ACTUALS_ROW_UNASSIGNED, COST_ACTUALS_COLUMN_ACTUAL, 120.25);
  assert_cell (page, 1, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL, 9000);
  g_assert_null (cost_actuals_page_get_cell (page, 1, COST_ACTUALS_ROW_UNASSIGNED, COST_ACTUALS_COLUMN_ACTUAL));
  g_assert_null (cost_actuals_page_get_cell (page, 2, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL));
  /* Compute in Jan: 14,400 against 15,000 is −4%: under plan. */
  g_assert_cmpstr (cost_actuals_page_get_cell (page, 0, COMPUTE, COST_ACTUALS_COLUMN_RATIO), ==, "-4%");
  g_assert_false (cost_actuals_page_cell_is_over (page, 0, COMPUTE));

  /* The two services no rule matched. */
  g_assert_cmpuint (cost_actuals_page_get_n_unassigned (page), ==, 2);
  find_unassigned (page, "Data Transfer");
  find_unassigned (page, "Support Plan");
}

static void
test_assign (Fixture       *f,
             gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  CostUndoStack *stack = undo_stack_of (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_undo;

  import (f, "focus.csv");
  before = cost_project_to_data (project_of (f), NULL);
  n_undo = cost_undo_stack_get_n_undo (stack);

  /* "Data Transfer" goes to Labor: its ¥120.25 leaves Unassigned. */
  g_assert_true (cost_actuals_page_assign (page, find_unassigned (page, "Data Transfer"), "labor", NULL, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  g_assert_cmpuint (cost_bill_rules_get_n (cost_project_get_bill_rules (project_of (f))), ==, 4);

  assert_cell (page, 0, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 300 + 120.25);
  /* 420.25 − 40,000 */
  assert_cell (page, 0, LABOR, COST_ACTUALS_COLUMN_VARIANCE, -39579.75);
  g_assert_null (cost_actuals_page_get_cell (page, 0, COST_ACTUALS_ROW_UNASSIGNED, COST_ACTUALS_COLUMN_ACTUAL));
  g_assert_null (cost_actuals_page_get_figure (page, COST_ACTUALS_FIGURE_UNASSIGNED_TO_DATE));
  /* The month's total holds the same spending. */
  assert_cell (page, 0, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL, 14820.25);
  g_assert_cmpuint (cost_actuals_page_get_n_unassigned (page), ==, 1);

  /* One undo brings the rule and the unassigned spending back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle ();
  after = cost_project_to_data (project_of (f), NULL);
  g_assert_cmpstr (after, ==, before);
  assert_cell (page, 0, COST_ACTUALS_ROW_UNASSIGNED, COST_ACTUALS_COLUMN_ACTUAL, 120.25);
  assert_cell (page, 0, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 300);
  g_assert_cmpuint (cost_actuals_page_get_n_unassigned (page), ==, 2);
}

static void
type_amount (CostActualsPage *page,
             guint            month,
             guint            target,
             const char      *text)
{
  gtk_drop_down_set_selected (page_child (page, "entry_month"), month);
  gtk_drop_down_set_selected (page_child (page, "entry_target"), target);
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "entry_amount")), text);
  g_signal_emit_by_name (page_child (page, "entry_button"), "clicked");
  settle ();
}

/* The requests a month actually served: what 1,000 requests actually cost
 * shows, beside the plan's figure; undone, it goes again. */
static void
test_requests (Fixture       *f,
               gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  CostUndoStack *stack = undo_stack_of (f);
  GtkEntry *entry = page_child (page, "requests_entry");
  GtkWidget *error_label = page_child (page, "entry_error");
  g_autofree char *typed = cost_format_number (1000000, 0);
  g_autofree char *expected_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double requests;
  guint n_undo;

  import (f, "focus.csv");
  before = cost_project_to_data (project_of (f), NULL);
  n_undo = cost_undo_stack_get_n_undo (stack);
  g_assert_null (cost_actuals_page_get_figure (page, COST_ACTUALS_FIGURE_COST_PER_1000_REQUESTS));

  /* Not a number: said under the entry, nothing changes. */
  gtk_drop_down_set_selected (page_child (page, "entry_month"), 0);
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "12x");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo);

  /* 1,000,000 requests served in Jan 2027, whose actual is 14,820.25:
   * 14,820.25 ÷ 1,000,000 × 1,000 = ¥14.82 per 1,000 requests. */
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  g_assert_true (cost_project_get_actual_requests (project_of (f), 2027 * 12, &requests));
  g_assert_cmpfloat (requests, ==, 1000000);
  expected_text = cost_format_money_small (14.82025, "CNY");
  g_assert_cmpstr (cost_actuals_page_get_figure (page, COST_ACTUALS_FIGURE_COST_PER_1000_REQUESTS), ==,
                   expected_text);

  /* One undo forgets them. */
  g_assert_true (cost_undo_stack_undo (stack));
  settle ();
  g_assert_null (cost_actuals_page_get_figure (page, COST_ACTUALS_FIGURE_COST_PER_1000_REQUESTS));
  after = cost_project_to_data (project_of (f), NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_type (Fixture       *f,
           gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  CostUndoStack *stack = undo_stack_of (f);
  GtkWidget *error_label = page_child (page, "entry_error");
  g_autofree char *typed = cost_format_number (5000, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_undo;

  import (f, "focus.csv");
  before = cost_project_to_data (project_of (f), NULL);
  n_undo = cost_undo_stack_get_n_undo (stack);

  /* Labor in Feb 2027: the targets list each category, then its items:
   * Compute, GPUs, Storage, Labor, Engineers. */
  type_amount (page, 1, 3, typed);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  assert_cell (page, 1, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 5000);
  /* 5,000 − 40,000 */
  assert_cell (page, 1, LABOR, COST_ACTUALS_COLUMN_VARIANCE, -35000);
  /* Feb: GPUs 9,000 + 5,000 */
  assert_cell (page, 1, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL, 14000);

  /* Typed again, it replaces the amount rather than adding to it. */
  type_amount (page, 1, 3, "41000");
  assert_cell (page, 1, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 41000);
  /* 1,000 over 40,000 is 2.5%: within the 10% threshold. */
  g_assert_false (cost_actuals_page_cell_is_over (page, 1, LABOR));
  type_amount (page, 1, 3, "50000");
  /* 10,000 over 40,000 is 25%: marked. */
  g_assert_true (cost_actuals_page_cell_is_over (page, 1, LABOR));

  /* Not a number: said under the entry, nothing changes. */
  n_undo = cost_undo_stack_get_n_undo (stack);
  type_amount (page, 1, 3, "12x");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "12x"));
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo);
  assert_cell (page, 1, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 50000);

  /* Each typing undoes on its own; all of them bring the import back. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle ();
  after = cost_project_to_data (project_of (f), NULL);
  g_assert_cmpstr (after, ==, before);
  assert_cell (page, 1, LABOR, COST_ACTUALS_COLUMN_ACTUAL, 0);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  static const char *bills[] = { "bad-amount.csv", "bad-date.csv", "unterminated.csv" };
  CostActualsPage *page = actuals_page (f);
  CostUndoStack *stack = undo_stack_of (f);

  import (f, "focus.csv");

  for (guint i = 0; i < G_N_ELEMENTS (bills); i++)
    {
      g_autofree char *before = cost_project_to_data (project_of (f), NULL);
      g_autofree char *after = NULL;
      guint n_undo = cost_undo_stack_get_n_undo (stack);
      const char *message;

      import (f, bills[i]);
      message = cost_actuals_page_get_message (page);
      g_test_message ("%s: %s", bills[i], message);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "could not be imported"));
      /* Where: the bill's name and line. */
      g_assert_nonnull (strstr (message, bills[i]));
      g_assert_nonnull (strstr (message, "The project is unchanged"));
      after = cost_project_to_data (project_of (f), NULL);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo);
    }

  /* bad-amount.csv: "12,50" on its 5th line (the header, a row of two
   * lines, a row, then it). */
  import (f, "bad-amount.csv");
  g_assert_nonnull (strstr (cost_actuals_page_get_message (page), "bad-amount.csv: line 5"));
}

/* The column-mapping dialog the page opened, if any. */
static CostBillMappingDialog *
find_mapping_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (COST_IS_BILL_MAPPING_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return COST_BILL_MAPPING_DIALOG (window);
    }

  return NULL;
}

/* A bill of columns of its own: the page asks which column gives what,
 * imports by the answer and remembers it in the same undoable step, and
 * the next bill with those columns imports with no question. */
static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  CostProject *project = project_of (f);
  CostUndoStack *stack = undo_stack_of (f);
  g_autofree char *before = cost_project_to_data (project, NULL);
  g_autofree char *after = NULL;
  CostBillMappingDialog *dialog;
  GVariant *mappings;
  guint n_undo = cost_undo_stack_get_n_undo (stack);
  guint n_records = cost_actuals_get_n (cost_project_get_actuals (project));

  /* Cancelled: nothing changes. */
  import (f, "unknown.csv");
  dialog = find_mapping_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  settle ();
  g_assert_null (find_mapping_dialog ());
  after = cost_project_to_data (project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Mapped: "When" is the month, "How much" the amount (12, in the
   * project's currency, the dialog's default). */
  import (f, "unknown.csv");
  dialog = find_mapping_dialog ();
  g_assert_nonnull (dialog);
  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_MONTH, "When");
  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_AMOUNT, "How much");
  g_assert_true (cost_bill_mapping_dialog_can_import (dialog));
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (dialog), COST_TYPE_BILL_MAPPING_DIALOG,
                                                        "import_button"), "clicked");
  settle ();
  while (cost_actuals_page_is_importing (actuals_page (f)))
    g_main_context_iteration (NULL, TRUE);
  settle ();

  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, n_records + 1);
  mappings = cost_project_get_bill_mappings (project);
  g_assert_nonnull (mappings);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 1);

  /* One undo takes back both the records and the mapping. */
  g_assert_true (cost_undo_stack_undo (stack));
  settle ();
  after = cost_project_to_data (project, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Redone, the next import of these columns asks nothing. */
  g_assert_true (cost_undo_stack_redo (stack));
  settle ();
  import (f, "unknown.csv");
  g_assert_null (find_mapping_dialog ());
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, n_records + 1);
  /* The same bill again: its record replaced, not counted twice. */
  g_assert_nonnull (strstr (cost_actuals_page_get_message (actuals_page (f)), "It replaces 1 record"));
}

static void
test_start (Fixture       *f,
            gconstpointer  data)
{
  CostActualsPage *page;
  CostProject *project;
  CostUndoStack *stack;
  guint n_undo;

  /* A new project: no start month, no actual spending. */
  f->dir = g_dir_make_tmp ("modelcost-ui-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->file = g_file_new_build_filename (f->dir, "new.modelcost", NULL);
  f->window = cost_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  cost_window_show_page (f->window, "actuals");
  settle ();

  page = actuals_page (f);
  project = project_of (f);
  stack = undo_stack_of (f);
  g_assert_false (cost_project_get_start_month (project, NULL));
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (page, "start_label")), "no start month"));
  g_assert_false (gtk_widget_get_visible (page_child (page, "entry_box")));
  g_assert_null (cost_actuals_page_get_plan_actual (page));

  n_undo = cost_undo_stack_get_n_undo (stack);
  gtk_drop_down_set_selected (page_child (page, "start_month"), 2);
  gtk_spin_button_set_value (page_child (page, "start_year"), 2028);
  g_signal_emit_by_name (page_child (page, "start_button"), "clicked");
  settle ();
  g_assert_cmpstr (cost_project_get_start (project), ==, "2028-03");
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  g_assert_true (gtk_widget_get_visible (page_child (page, "entry_box")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "empty_label")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle ();
  g_assert_false (cost_project_get_start_month (project, NULL));
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (page, "start_label")), "no start month"));
}

/* Cancelled while the bill is read: the progress goes away, the project
 * stays as it was, and the page says so. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  g_autofree char *path = bill_path ("focus.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = cost_project_to_data (project_of (f), NULL);
  g_autofree char *after = NULL;
  guint n_undo = cost_undo_stack_get_n_undo (undo_stack_of (f));

  cost_actuals_page_import_file (page, file);
  g_assert_true (cost_actuals_page_is_importing (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "progress_box")));
  g_assert_false (gtk_widget_get_sensitive (page_child (page, "import_button")));
  /* A second import waits for the first. */
  cost_actuals_page_import_file (page, file);

  g_signal_emit_by_name (page_child (page, "cancel_button"), "clicked");
  while (cost_actuals_page_is_importing (page))
    g_main_context_iteration (NULL, TRUE);
  settle ();

  g_assert_false (gtk_widget_get_visible (page_child (page, "progress_box")));
  g_assert_true (gtk_widget_get_sensitive (page_child (page, "import_button")));
  g_assert_nonnull (strstr (cost_actuals_page_get_message (page), "cancelled"));
  after = cost_project_to_data (project_of (f), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (cost_undo_stack_get_n_undo (undo_stack_of (f)), ==, n_undo);

  /* And it imports afterwards. */
  import (f, "focus.csv");
  g_assert_nonnull (cost_actuals_page_get_plan_actual (page));
}

/* Thousands of records, most of them after the plan's six months and each
 * of its own resource: the page shows the plan's months only and lists the
 * largest unassigned amounts, not a row per resource. */
static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  CostActualsPage *page = actuals_page (f);
  GtkGrid *unassigned = page_child (page, "unassigned_table");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GVariant) actuals = NULL;
  g_autoptr(GError) error = NULL;
  const CostPlanActual *pa;
  int rows = 0;

  for (guint i = 0; i < 3000; i++)
    {
      char month[COST_MONTH_TEXT_SIZE];
      g_autofree char *resource = g_strdup_printf ("r-%u", i);
      CostActual actual = {
        .month = month, .category = "", .item = "", .amount = 10 + i, .currency = "CNY",
        .source = "big.csv", .note = "", .service_category = "", .service = "",
        .resource_id = resource, .extras = "",
      };

      /* Jan 2027 + 0 … 59 */
      cost_month_format (2027 * 12 + (int) (i % 60), month);
      g_ptr_array_add (records, g_variant_ref_sink (cost_actual_to_variant (&actual)));
    }
  actuals = g_variant_ref_sink (cost_actuals_sort (records, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cost_project_set_actuals (project_of (f), actuals, &error));
  g_assert_no_error (error);
  settle ();

  pa = cost_actuals_page_get_plan_actual (page);
  g_assert_nonnull (pa);
  g_assert_cmpint (pa->n_reported, ==, 6);
  g_assert_nonnull (cost_actuals_page_get_cell (page, 5, COST_ACTUALS_ROW_UNASSIGNED, COST_ACTUALS_COLUMN_ACTUAL));
  g_assert_null (cost_actuals_page_get_cell (page, 6, COST_ACTUALS_ROW_TOTAL, COST_ACTUALS_COLUMN_ACTUAL));
  g_assert_cmpuint (cost_actuals_page_get_n_unassigned (page), ==, 3000);
  /* The largest first: r-2999, ¥3,009. */
  g_assert_nonnull (strstr (cost_actuals_page_get_unassigned_name (page, 0), "r-2999"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (unassigned)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int row;

      gtk_grid_query_child (unassigned, child, NULL, &row, NULL, NULL);
      rows = MAX (rows, row + 1);
    }
  /* A heading, 50 rows, and "and 2,950 smaller ones". */
  g_assert_cmpint (rows, ==, 52);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/actuals/import", Fixture, NULL, set_up, test_import, window_fixture_tear_down);
  g_test_add ("/ui/actuals/assign", Fixture, NULL, set_up, test_assign, window_fixture_tear_down);
  g_test_add ("/ui/actuals/type", Fixture, NULL, set_up, test_type, window_fixture_tear_down);
  g_test_add ("/ui/actuals/requests", Fixture, NULL, set_up, test_requests, window_fixture_tear_down);
  g_test_add ("/ui/actuals/malformed", Fixture, NULL, set_up, test_malformed, window_fixture_tear_down);
  g_test_add ("/ui/actuals/unknown", Fixture, NULL, set_up, test_unknown, window_fixture_tear_down);
  g_test_add ("/ui/actuals/cancel", Fixture, NULL, set_up, test_cancel, window_fixture_tear_down);
  g_test_add ("/ui/actuals/many", Fixture, NULL, set_up, test_many, window_fixture_tear_down);
  g_test_add ("/ui/actuals/start", Fixture, NULL, NULL, test_start, window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
