/* test-cli-actuals.c: `--import-actuals` and the plan against actual of
 * `--summary` — statuses, outputs, the project file on success and failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "cost-bill-mappings.h"
#include "cost-project-io.h"
#include "cost-test-run.h"
#include "cost-test-util.h"

static char *
bill_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "model", "bills", name, NULL);
}

/* A copy of the sample plan in a new folder. */
static char *
copy_plan (char **dir)
{
  g_autofree char *source = bill_path ("plan.modelcost");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path;
  gsize length;

  *dir = g_dir_make_tmp ("modelcost-actuals-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "plan.modelcost", NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_import (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *plan = copy_plan (&dir);
  g_autofree char *bill = bill_path ("focus.csv");
  g_autofree char *before = read_file (plan);
  g_autofree char *after = NULL;
  g_autofree char *backup_path = g_strconcat (plan, "~", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *again = NULL;
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--import-actuals", bill, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Imported focus.csv (FOCUS): 9 lines, Dec 2026 to Feb 2027, into 7 records."));
  g_assert_nonnull (strstr (run.out, "2 lines are unassigned."));
  g_assert_nonnull (strstr (run.out, "1 line falls outside the plan’s months"));
  g_assert_nonnull (strstr (run.out, "no exchange rate for EUR"));

  /* Saved as the application saves: the previous file kept as FILE~. */
  after = read_file (plan);
  g_assert_nonnull (strstr (after, "\"actuals\": [\n"));
  g_assert_nonnull (strstr (after, "{\"month\": \"2027-01\", \"category\": \"compute\", \"item\": \"gpu\", "
                                   "\"amount\": 9500, \"currency\": \"CNY\", \"source\": \"focus.csv\", \"note\": \"\"}"));
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, before);

  /* The same bill again: the same file. */
  run_clear (&run);
  run_modelcost (&run, NULL, "--import-actuals", bill, "--bill-format", "focus", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "It replaces 7 records of an earlier import of focus.csv."));
  again = read_file (plan);
  g_assert_cmpstr (again, ==, after);

  remove_dir (dir);
}

/* A bad bill: status 1, one line naming the bill, its line and the
 * reason; the project file untouched, no backup made. */
static void
test_import_bad (void)
{
  static const struct
  {
    const char *bill;
    const char *format;
    const char *message;
  } cases[] = {
    { "bad-amount.csv", NULL, "bad-amount.csv: line 5: BilledCost: “12,50” is not an amount" },
    { "unterminated.csv", NULL, "unterminated.csv: line 3: a quoted field is not closed" },
    { "unknown.csv", NULL, "unknown.csv: line 1: the columns are not those of a FOCUS" },
    { "focus.csv", "aliyun", "focus.csv: line 1: not a bill of the format Alibaba Cloud bill" },
    { "nothing-here.csv", NULL, "nothing-here.csv: no such file" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *plan = copy_plan (&dir);
  g_autofree char *before = read_file (plan);
  g_autofree char *backup_path = g_strconcat (plan, "~", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bill = bill_path (cases[i].bill);
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };

      if (cases[i].format != NULL)
        run_modelcost (&run, NULL, "--import-actuals", bill, "--bill-format", cases[i].format, plan, NULL);
      else
        run_modelcost (&run, NULL, "--import-actuals", bill, plan, NULL);

      if (run.status != 1 || run.out[0] != '\0' || strstr (run.err, cases[i].message) == NULL ||
          strchr (run.err, '\n') != run.err + strlen (run.err) - 1)
        g_error ("%s: status %d, stderr “%s”", cases[i].bill, run.status, run.err);

      after = read_file (plan);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
    }

  /* A project that does not load. */
  {
    g_autofree char *bill = bill_path ("focus.csv");
    g_autofree char *broken = g_build_filename (dir, "broken.modelcost", NULL);
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (broken, "{\"format\": \"modelcost\"", -1, NULL));
    run_modelcost (&run, NULL, "--import-actuals", bill, broken, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, broken));
  }

  remove_dir (dir);
}

/* A CSV of no known format: refused until the project keeps a column
 * mapping for its columns, then imported with no question, the mapping
 * named. */
static void
test_import_saved_mapping (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *plan = copy_plan (&dir);
  g_autofree char *bill = bill_path ("chargeback-zh.csv");
  g_autofree char *before = read_file (plan);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (plan);
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostBillMapping) mapping = cost_bill_mapping_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--import-actuals", bill, plan, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "chargeback-zh.csv: line 1: the columns are not those of"));
  run_clear (&run);
  run_modelcost (&run, NULL, "--import-actuals", bill, "--bill-format", "custom", plan, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "chargeback-zh.csv: line 1: no column mapping the project keeps fits"));
  after = read_file (plan);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* The mapping the application saves when it first imports such a bill. */
  project = cost_project_load (file, NULL, &error);
  g_assert_no_error (error);
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_MONTH, "月份");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "金额");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_CURRENCY, "币种");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_SERVICE, "服务");
  g_assert_true (cost_bill_mappings_remember (project, "内部结算", mapping, &error));
  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      run_clear (&run);
      if (i == 0)
        run_modelcost (&run, NULL, "--import-actuals", bill, plan, NULL);
      else
        run_modelcost (&run, NULL, "--import-actuals", bill, "--bill-format", "custom", plan, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      /* Six lines of three services in two months and two currencies, no
       * rule matching their Chinese names: six unassigned records. */
      g_assert_nonnull (strstr (run.out, "Imported chargeback-zh.csv (column mapping “内部结算”): 6 lines, "
                                         "Jan 2027 to Feb 2027, into 6 records."));
      g_assert_nonnull (strstr (run.out, "6 lines are unassigned."));
    }
  g_assert_nonnull (strstr (run.out, "It replaces 6 records of an earlier import of chargeback-zh.csv."));

  after = read_file (plan);
  g_assert_nonnull (strstr (after, "\"bill_mappings\": [\n    {\"name\": \"内部结算\", \"columns\": {\"month\": \"月份\", "
                                   "\"amount\": \"金额\", \"currency\": \"币种\", \"service\": \"服务\"}}\n  ]"));
  g_assert_nonnull (strstr (after, "{\"month\": \"2027-02\", \"amount\": -300.25, \"currency\": \"CNY\", "
                                   "\"source\": \"chargeback-zh.csv\", \"note\": \"\", \"match\": {\"service\": \"对象存储\"}}"));
  g_assert_nonnull (strstr (after, "{\"month\": \"2027-02\", \"amount\": 1200, \"currency\": \"USD\", "
                                   "\"source\": \"chargeback-zh.csv\", \"note\": \"\", \"match\": {\"service\": \"GPU 推理\"}}"));

  remove_dir (dir);
}

static void
test_usage (void)
{
  g_autofree char *plan = bill_path ("plan.modelcost");
  g_autofree char *bill = bill_path ("focus.csv");
  const char *cases[][5] = {
    { "--bill-format", "focus", plan, NULL },
    { "--import-actuals", bill, "--bill-format", "csv", plan },
    { "--import-actuals", bill, "--bill-format", "auto", plan },
    { "--import-actuals", bill, "--summary", plan, NULL },
    { "--import-actuals", bill, "--export", "x.pdf", plan },
    { "--import-actuals", bill, NULL },
    { "--import-actuals", bill, plan, plan, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_modelcost (&run, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      if (run.status != 2 || strstr (run.err, "modelcost: ") == NULL)
        g_error ("case %u: expected exit status 2, got %d (%s)", i, run.status, run.err);
    }
}

static JsonObject *
summary_json (JsonParser *parser,
              const char *path)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_summary (void)
{
  g_autofree char *reference = cost_test_example_path ("reference.modelcost");
  g_autofree char *dir = NULL;
  g_autofree char *plan = copy_plan (&dir);
  g_autofree char *bill = bill_path ("focus.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *o, *actuals, *month, *forecast;
  JsonArray *months, *warnings;
  g_auto(Run) run = { 0 };

  /* No actual spending: null. */
  o = summary_json (parser, reference);
  g_assert_true (json_object_has_member (o, "actuals"));
  g_assert_true (json_object_get_null_member (o, "actuals"));

  run_modelcost (&run, NULL, "--import-actuals", bill, plan, NULL);
  g_assert_cmpint (run.status, ==, 0);

  o = summary_json (parser2, plan);
  actuals = json_object_get_object_member (o, "actuals");
  g_assert_cmpstr (json_object_get_string_member (actuals, "start"), ==, "2027-01");
  months = json_object_get_array_member (actuals, "months");
  g_assert_cmpuint (json_array_get_length (months), ==, 6);

  month = json_array_get_object_element (months, 0);
  g_assert_cmpstr (json_object_get_string_member (month, "month"), ==, "2027-01");
  g_assert_cmpfloat (json_object_get_double_member (month, "plan"), ==, 55000);
  g_assert_cmpfloat (json_object_get_double_member (month, "actual"), ==, 14820.25);
  g_assert_cmpfloat (json_object_get_double_member (month, "variance"), ==, -40179.75);
  g_assert_cmpfloat (json_object_get_double_member (month, "unassigned"), ==, 120.25);

  /* After the last month with spending: no actual figures. */
  month = json_array_get_object_element (months, 2);
  g_assert_cmpfloat (json_object_get_double_member (month, "plan"), ==, 55000);
  g_assert_true (json_object_get_null_member (month, "actual"));
  g_assert_true (json_object_get_null_member (month, "variance"));

  g_assert_cmpfloat (json_object_get_double_member (actuals, "plan_to_date"), ==, 110000);
  g_assert_cmpfloat (json_object_get_double_member (actuals, "actual_to_date"), ==, 23820.25);
  forecast = json_object_get_object_member (actuals, "forecast_at_completion");
  g_assert_cmpfloat (json_object_get_double_member (forecast, "remaining_plan"), ==, 243820.25);
  g_assert_cmpfloat (json_object_get_double_member (forecast, "run_rate"), ==, 71460.75);
  g_assert_cmpfloat (json_object_get_double_member (actuals, "budget_at_completion"), ==, 336000);
  g_assert_cmpfloat (json_object_get_double_member (actuals, "outside_plan"), ==, 800);

  warnings = json_object_get_array_member (actuals, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (warnings, 2), "kind"), ==,
                   "no-exchange-rate");

  /* The text: a short plan against actual. */
  run_clear (&run);
  run_modelcost (&run, NULL, "--summary", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Plan vs actual"));
  g_assert_nonnull (strstr (run.out, "Jan 2027"));
  g_assert_nonnull (strstr (run.out, "¥14820.25"));
  g_assert_nonnull (strstr (run.out, "Forecast (run-rate)"));
  g_assert_nonnull (strstr (run.out, "¥71460.75"));
  g_assert_nonnull (strstr (run.out, "Rate USD → CNY"));
  g_assert_nonnull (strstr (run.out, "7 as of 2027-01-02"));
  g_assert_nonnull (strstr (run.out, "! The project has no exchange rate from EUR to CNY"));

  /* In Chinese. */
  run_clear (&run);
  run_modelcost (&run, "zh_CN.UTF-8", "--summary", plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.out, "¥14,820.25") == NULL)
    g_test_skip ("zh_CN.UTF-8 is not installed");
  else
    {
      g_assert_nonnull (strstr (run.out, "计划与实际"));
      g_assert_nonnull (strstr (run.out, "2027年1月"));
    }

  remove_dir (dir);
}

/* What 1,000 requests cost, per month: tests/report/actuals.modelcost,
 * worked out by hand in test-report.c: ¥49,500 for 33,000,000 requests is
 * ¥1.50; the plan ¥50,000 ÷ 36,500 thousand. A month without requests has
 * null. */
static void
test_summary_requests (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "report", "actuals.modelcost", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o = summary_json (parser, path);
  JsonObject *actuals = json_object_get_object_member (o, "actuals");
  JsonArray *months = json_object_get_array_member (actuals, "months");
  JsonObject *month = json_array_get_object_element (months, 0);

  g_assert_cmpfloat (json_object_get_double_member (month, "requests"), ==, 33000000);
  g_assert_cmpfloat (json_object_get_double_member (month, "cost_per_1000_requests"), ==, 1.5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (month, "plan_cost_per_1000_requests"),
                                  50000.0 / 36500.0, 1e-12);
  month = json_array_get_object_element (months, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (month, "cost_per_1000_requests"),
                                  53500.0 / 35000.0, 1e-12);
  month = json_array_get_object_element (months, 3);
  g_assert_true (json_object_get_null_member (month, "requests"));
  g_assert_true (json_object_get_null_member (month, "cost_per_1000_requests"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/actuals/import", test_import);
  g_test_add_func ("/cli/actuals/import-bad", test_import_bad);
  g_test_add_func ("/cli/actuals/import-saved-mapping", test_import_saved_mapping);
  g_test_add_func ("/cli/actuals/usage", test_usage);
  g_test_add_func ("/cli/actuals/summary", test_summary);
  g_test_add_func ("/cli/actuals/summary-requests", test_summary_requests);

  return g_test_run ();
}
