/* test-bill-mapping.c: the column-mapping dialog of a bill of no known
 * format — its first guess, checking as the drop-downs change, Enter and
 * Escape, and the mapping it gives reading the bill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-mapping-dialog.h"
#include "cost-bill-mappings.h"
#include "cost-project-io.h"
#include "window-fixture.h"

static GFile *
bill_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "model", "bills", name, NULL);

  return g_file_new_for_path (path);
}

static CostProject *
load_plan (void)
{
  g_autoptr(GFile) file = bill_file ("plan.modelcost");
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

typedef struct
{
  gboolean          done;
  CostBillMapping  *mapping;
  gboolean          remember;
  char             *name;
  GError           *error;
} Choice;

static void
on_chosen_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Choice *choice = data;

  choice->mapping = cost_bill_mapping_dialog_choose_finish (COST_BILL_MAPPING_DIALOG (source), result,
                                                            &choice->remember, &choice->name, &choice->error);
  choice->done = TRUE;
}

static void
wait_for (Choice *choice)
{
  while (!choice->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
choice_clear (Choice *choice)
{
  g_clear_pointer (&choice->mapping, cost_bill_mapping_free);
  g_clear_pointer (&choice->name, g_free);
  g_clear_error (&choice->error);
}

/* The sum of the project's records of @month in @currency. */
static double
total (CostProject *project,
       const char  *month,
       const char  *currency)
{
  GVariant *actuals = cost_project_get_actuals (project);
  double sum = 0;

  for (guint i = 0; i < cost_actuals_get_n (actuals); i++)
    {
      g_auto(CostActual) a = { 0, };

      cost_actuals_get (actuals, i, &a);
      if (strcmp (a.month, month) == 0 && strcmp (a.currency, currency) == 0)
        sum += a.amount;
    }

  return sum;
}

static void
test_map_and_import (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(GFile) file = bill_file ("chargeback-zh.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBillPreview) preview = cost_bill_preview_read (file, 5, NULL, &error);
  g_auto(CostBillReport) report = { 0, };
  g_autoptr(CostBillMapping) saved = NULL;
  g_autofree char *rows = NULL;
  CostBillMappingDialog *dialog;
  const CostBillMapping *mapping;
  AdwEntryRow *name_row;
  Choice choice = { 0, };

  g_assert_no_error (error);
  dialog = cost_bill_mapping_dialog_new (NULL, project, preview);
  g_object_ref (dialog);
  cost_bill_mapping_dialog_choose (dialog, NULL, on_chosen_cb, &choice);

  /* The guess from the headers' names: all but the resource column. */
  mapping = cost_bill_mapping_dialog_get_mapping (dialog);
  g_assert_cmpstr (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_MONTH), ==, "月份");
  g_assert_cmpstr (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_AMOUNT), ==, "金额");
  g_assert_cmpstr (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_CURRENCY), ==, "币种");
  g_assert_cmpstr (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_SERVICE), ==, "服务");
  g_assert_null (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_RESOURCE_ID));
  g_assert_null (cost_bill_mapping_dialog_get_error (dialog));
  g_assert_true (cost_bill_mapping_dialog_can_import (dialog));

  /* The first rows as they read, money in the user's locale (en_US). */
  rows = cost_bill_mapping_dialog_describe_rows (dialog);
  g_assert_cmpstr (rows, ==,
                   "Jan 2027 | ¥42,000.00 | GPU 训练集群\n"
                   "Jan 2027 | ¥1,800.50 | 对象存储\n"
                   "Jan 2027 | ¥15,000.00 | GPU 推理\n"
                   "Feb 2027 | ¥43,500.00 | GPU 训练集群\n"
                   "Feb 2027 | −¥300.25 | 对象存储\n");  /* a minus sign, not a hyphen */
  g_clear_pointer (&rows, g_free);

  /* The resource column, chosen by hand. */
  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_RESOURCE_ID, "资源");
  g_assert_cmpstr (cost_bill_mapping_get_column (cost_bill_mapping_dialog_get_mapping (dialog),
                                                 COST_BILL_COLUMN_RESOURCE_ID), ==, "资源");

  /* No amount: said inline, no import. */
  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_AMOUNT, NULL);
  g_assert_cmpstr (cost_bill_mapping_dialog_get_error (dialog), ==,
                   "Choose the column that gives the amount of each line");
  g_assert_false (cost_bill_mapping_dialog_can_import (dialog));
  rows = cost_bill_mapping_dialog_describe_rows (dialog);
  g_assert_true (g_str_has_prefix (rows, "— | — | —\n"));
  g_clear_pointer (&rows, g_free);
  /* Enter does nothing meanwhile. */
  g_signal_emit_by_name (dialog, "activate-default");
  g_assert_false (choice.done);

  /* The wrong column: the row an import would refuse, and why. */
  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_AMOUNT, "备注");
  g_assert_cmpstr (cost_bill_mapping_dialog_get_error (dialog), ==,
                   "Row 1: 备注: “一月” is not an amount such as 1234.56 or -12.5 (no grouping, no currency sign)");
  g_assert_false (cost_bill_mapping_dialog_can_import (dialog));

  cost_bill_mapping_dialog_set_column (dialog, COST_BILL_COLUMN_AMOUNT, "金额");
  g_assert_null (cost_bill_mapping_dialog_get_error (dialog));
  g_assert_true (cost_bill_mapping_dialog_can_import (dialog));

  /* Remembered under a name, which it needs. */
  name_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), COST_TYPE_BILL_MAPPING_DIALOG,
                                                           "name_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Bill mapping 1");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  g_assert_cmpstr (cost_bill_mapping_dialog_get_error (dialog), ==, "Give the column mapping a name");
  g_assert_false (cost_bill_mapping_dialog_can_import (dialog));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "内部结算");
  g_assert_true (cost_bill_mapping_dialog_can_import (dialog));

  /* Enter imports. */
  g_signal_emit_by_name (dialog, "activate-default");
  wait_for (&choice);
  g_assert_no_error (choice.error);
  g_assert_nonnull (choice.mapping);
  g_assert_true (choice.remember);
  g_assert_cmpstr (choice.name, ==, "内部结算");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* The mapping reads the whole bill: January 42000 + 1800.5 + 15000 =
   * 58800.5 CNY; February 43500 − 300.25 = 43199.75 CNY, and 1200 USD. */
  g_assert_true (cost_bill_import (project, file, COST_BILL_FORMAT_CUSTOM, choice.mapping, NULL, NULL, NULL,
                                   &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.rows, ==, 6);
  g_assert_cmpfloat_with_epsilon (total (project, "2027-01", "CNY"), 58800.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (total (project, "2027-02", "CNY"), 43199.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (total (project, "2027-02", "USD"), 1200, 1e-9);

  /* Remembered, the next bill of these columns needs no question. */
  g_assert_true (cost_bill_mappings_remember (project, choice.name, choice.mapping, &error));
  saved = cost_bill_find_saved_mapping (project, (const char * const *) preview->headers);
  g_assert_nonnull (saved);
  g_assert_cmpstr (cost_bill_mapping_get_column (saved, COST_BILL_COLUMN_RESOURCE_ID), ==, "资源");

  choice_clear (&choice);
}

/* Escape cancels; a dialog opened again starts from the saved mapping
 * and its name. */
static void
test_cancel (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(GFile) file = bill_file ("chargeback-zh.csv");
  g_autoptr(CostBillPreview) preview = cost_bill_preview_read (file, 3, NULL, NULL);
  g_autoptr(CostBillMapping) mapping = cost_bill_mapping_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CostBillMappingDialog *dialog;
  AdwEntryRow *name_row;
  Choice choice = { 0, };

  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_MONTH, "月份");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "金额");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_SERVICE, "成本中心");
  cost_bill_mapping_set_currency (mapping, "CNY");
  g_assert_true (cost_bill_mappings_remember (project, "By cost centre", mapping, NULL));

  dialog = cost_bill_mapping_dialog_new (NULL, project, preview);
  cost_bill_mapping_dialog_choose (dialog, NULL, on_chosen_cb, &choice);
  g_assert_cmpstr (cost_bill_mapping_get_column (cost_bill_mapping_dialog_get_mapping (dialog),
                                                 COST_BILL_COLUMN_SERVICE), ==, "成本中心");
  g_assert_null (cost_bill_mapping_get_column (cost_bill_mapping_dialog_get_mapping (dialog),
                                               COST_BILL_COLUMN_CURRENCY));
  name_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), COST_TYPE_BILL_MAPPING_DIALOG,
                                                           "name_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "By cost centre");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_for (&choice);
  g_assert_null (choice.mapping);
  g_assert_error (choice.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (choice.remember);
  choice_clear (&choice);
  memset (&choice, 0, sizeof choice);

  /* Cancelled from outside, as when the page goes away. */
  dialog = cost_bill_mapping_dialog_new (NULL, project, preview);
  cost_bill_mapping_dialog_choose (dialog, cancellable, on_chosen_cb, &choice);
  g_cancellable_cancel (cancellable);
  wait_for (&choice);
  g_assert_error (choice.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  choice_clear (&choice);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add_func ("/ui/bill-mapping/map-and-import", test_map_and_import);
  g_test_add_func ("/ui/bill-mapping/cancel", test_cancel);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
