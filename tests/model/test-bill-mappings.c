/* test-bill-mappings.c: column mappings a project keeps for bills of no
 * known format — in project files, as undoable edits, and finding the one
 * a bill fits so that it imports without questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-mappings.h"
#include "cost-bill-rules.h"
#include "cost-month.h"
#include "cost-project-io.h"
#include "cost-types.h"
#include "cost-undo-stack.h"

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

/* The mapping of the internal chargeback bill (bills/chargeback-zh.csv). */
static CostBillMapping *
chargeback_mapping (void)
{
  CostBillMapping *mapping = cost_bill_mapping_new ();

  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_MONTH, "月份");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "金额");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_CURRENCY, "币种");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_SERVICE, "服务");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_RESOURCE_ID, "资源");

  return mapping;
}

/* The project's records, one line each: "month category/item amount
 * currency source [service|resource id]". */
static char *
describe (CostProject *project)
{
  GVariant *actuals = cost_project_get_actuals (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cost_actuals_get_n (actuals); i++)
    {
      g_auto(CostActual) a = { 0, };
      char amount[G_ASCII_DTOSTR_BUF_SIZE];

      cost_actuals_get (actuals, i, &a);
      g_ascii_formatd (amount, sizeof amount, "%.6g", a.amount);
      g_string_append_printf (out, "%s %s/%s %s %s %s", a.month, a.category, a.item, amount, a.currency, a.source);
      if (!cost_actual_is_assigned (&a))
        g_string_append_printf (out, " [%s|%s]", a.service, a.resource_id);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

#define PROJECT_HEAD \
  "{\n" \
  "  \"format\": \"modelcost\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Chargeback\",\n" \
  "  \"currency\": \"CNY\",\n" \
  "  \"horizon_months\": 12,\n" \
  "  \"categories\": [],\n" \
  "  \"scenarios\": [],\n"

/* Read, kept with what this version does not know, written back as read. */
static void
test_read_write (void)
{
  static const char data[] =
    PROJECT_HEAD
    "  \"bill_mappings\": [\n"
    "    {\"name\": \"内部结算\", \"columns\": {\"month\": \"月份\", \"amount\": \"金额\", \"currency\": \"币种\", "
    "\"service\": \"服务\", \"account\": \"账户\"}},\n"
    "    {\"name\": \"IDC \\\"rack\\\" invoice\", \"columns\": {\"month\": \"Date\", \"amount\": \"Cost (CNY)\", "
    "\"service_category\": \"Kind\", \"resource_id\": \"Rack\", \"tags\": \"Labels\"}, \"currency\": \"CNY\", "
    "\"tag_prefix\": \"tag:\", \"owner\": {\"team\":\"finance\",\"since\":2026}}\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);
  g_autoptr(CostBillMapping) first = NULL;
  g_autoptr(CostBillMapping) second = NULL;
  g_autofree char *written = NULL;
  GVariant *mappings;

  g_assert_no_error (error);
  mappings = cost_project_get_bill_mappings (project);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 2);
  g_assert_cmpstr (cost_bill_mappings_get_name (mappings, 0), ==, "内部结算");
  g_assert_cmpstr (cost_bill_mappings_get_name (mappings, 1), ==, "IDC \"rack\" invoice");
  g_assert_cmpint (cost_bill_mappings_find (mappings, "IDC \"rack\" invoice"), ==, 1);
  g_assert_cmpint (cost_bill_mappings_find (mappings, "Other"), ==, -1);

  first = cost_bill_mappings_get (mappings, 0);
  g_assert_cmpint (cost_bill_mapping_get_format (first), ==, COST_BILL_FORMAT_CUSTOM);
  g_assert_cmpstr (cost_bill_mapping_get_column (first, COST_BILL_COLUMN_MONTH), ==, "月份");
  g_assert_cmpstr (cost_bill_mapping_get_column (first, COST_BILL_COLUMN_AMOUNT), ==, "金额");
  g_assert_cmpstr (cost_bill_mapping_get_column (first, COST_BILL_COLUMN_CURRENCY), ==, "币种");
  g_assert_cmpstr (cost_bill_mapping_get_column (first, COST_BILL_COLUMN_SERVICE), ==, "服务");
  g_assert_null (cost_bill_mapping_get_column (first, COST_BILL_COLUMN_RESOURCE_ID));
  g_assert_null (cost_bill_mapping_get_currency (first));

  second = cost_bill_mappings_get (mappings, 1);
  g_assert_cmpstr (cost_bill_mapping_get_column (second, COST_BILL_COLUMN_SERVICE_CATEGORY), ==, "Kind");
  g_assert_cmpstr (cost_bill_mapping_get_column (second, COST_BILL_COLUMN_TAGS), ==, "Labels");
  g_assert_cmpstr (cost_bill_mapping_get_currency (second), ==, "CNY");
  g_assert_cmpstr (cost_bill_mapping_get_tag_prefix (second), ==, "tag:");

  /* Byte for byte, the unknown members where they were (a nested value
   * compact, as the writer keeps every value it does not know). */
  written = cost_project_to_data (project, NULL);
  g_assert_cmpstr (written, ==, data);
}

/* Each bad entry refused with its place and the reason. */
static void
test_bad (void)
{
  static const struct
  {
    const char *members;
    const char *message;
  } cases[] = {
    { "\"bill_mappings\": {}", "bill_mappings: must be a list" },
    { "\"bill_mappings\": [3]", "bill_mappings[0]: must be an object" },
    { "\"bill_mappings\": [{\"columns\": {\"month\": \"m\", \"amount\": \"a\"}}]",
      "bill_mappings[0].name: is missing" },
    { "\"bill_mappings\": [{\"name\": \"\", \"columns\": {\"month\": \"m\", \"amount\": \"a\"}}]",
      "bill_mappings[0].name: must not be empty" },
    { "\"bill_mappings\": [{\"name\": 7, \"columns\": {\"month\": \"m\", \"amount\": \"a\"}}]",
      "bill_mappings[0].name: must be a string" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\", \"amount\": \"a\"}}, "
      "{\"name\": \"A\", \"columns\": {\"month\": \"d\", \"amount\": \"c\"}}]",
      "bill_mappings[1].name: is the name of another column mapping too" },
    { "\"bill_mappings\": [{\"name\": \"A\"}]", "bill_mappings[0].columns: is missing" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": [\"m\", \"a\"]}]",
      "bill_mappings[0].columns: must be an object" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"amount\": \"a\"}}]",
      "bill_mappings[0].columns.month: is missing" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\"}}]",
      "bill_mappings[0].columns.amount: is missing" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\", \"amount\": \"a\", \"service\": \"\"}}]",
      "bill_mappings[0].columns.service: must not be empty" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\", \"amount\": 4}}]",
      "bill_mappings[0].columns.amount: must be a string" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\", \"amount\": \"a\"}, "
      "\"currency\": \"rmb\"}]",
      "bill_mappings[0].currency: must be a three-letter ISO 4217 code such as CNY" },
    { "\"bill_mappings\": [{\"name\": \"A\", \"columns\": {\"month\": \"m\", \"amount\": \"a\"}, "
      "\"tag_prefix\": true}]",
      "bill_mappings[0].tag_prefix: must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", "
                                               "\"categories\": [], %s}", cases[i].members);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }

  /* More than a project keeps. */
  {
    GString *data = g_string_new ("{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", "
                                  "\"categories\": [], \"bill_mappings\": [");
    g_autoptr(GError) error = NULL;
    g_autoptr(CostProject) project = NULL;
    g_autofree char *text = NULL;

    for (guint i = 0; i <= COST_MAX_BILL_MAPPINGS; i++)
      g_string_append_printf (data, "%s{\"name\": \"M%u\", \"columns\": {\"month\": \"m\", \"amount\": \"a\"}}",
                              i > 0 ? ", " : "", i);
    g_string_append (data, "]}");
    text = g_string_free (data, FALSE);
    project = cost_project_load_from_data (text, -1, &error);
    g_assert_null (project);
    g_assert_nonnull (strstr (error->message, "bill_mappings: has more than 100 entries"));
  }
}

/* Remembers @mapping as one step of the undo history, as the window does. */
static gboolean
remember (CostUndoStack          *stack,
          CostProject            *project,
          const char             *name,
          const CostBillMapping  *mapping,
          GError                **error)
{
  gboolean ok;

  cost_undo_stack_begin (stack);
  ok = cost_bill_mappings_remember (project, name, mapping, error);
  cost_undo_stack_end (stack);

  return ok;
}

/* Remembering a mapping is one undoable step; one of the same name, or of
 * the same columns, is replaced; the count is bounded. */
static void
test_remember (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autoptr(CostBillMapping) mapping = chargeback_mapping ();
  g_autoptr(CostBillMapping) other = cost_bill_mapping_new ();
  g_autoptr(CostBillMapping) read_back = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *mappings;

  g_assert_null (cost_project_get_bill_mappings (project));

  g_assert_true (remember (stack, project, "内部结算", mapping, &error));
  g_assert_no_error (error);
  mappings = cost_project_get_bill_mappings (project);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 1);
  read_back = cost_bill_mappings_get (mappings, 0);
  g_assert_cmpstr (cost_bill_mapping_get_column (read_back, COST_BILL_COLUMN_RESOURCE_ID), ==, "资源");

  /* The same columns under another name: renamed, not repeated. */
  g_assert_true (remember (stack, project, "Chargeback", mapping, &error));
  mappings = cost_project_get_bill_mappings (project);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 1);
  g_assert_cmpstr (cost_bill_mappings_get_name (mappings, 0), ==, "Chargeback");

  /* Another mapping, then the same name with other columns: replaced. */
  cost_bill_mapping_set_column (other, COST_BILL_COLUMN_MONTH, "Date");
  cost_bill_mapping_set_column (other, COST_BILL_COLUMN_AMOUNT, "Cost (CNY)");
  cost_bill_mapping_set_currency (other, "CNY");
  g_assert_true (remember (stack, project, "IDC", other, &error));
  cost_bill_mapping_set_column (other, COST_BILL_COLUMN_SERVICE, "Vendor");
  g_assert_true (remember (stack, project, "IDC", other, &error));
  mappings = cost_project_get_bill_mappings (project);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 2);
  g_clear_pointer (&read_back, cost_bill_mapping_free);
  read_back = cost_bill_mappings_get (mappings, 1);
  g_assert_cmpstr (cost_bill_mapping_get_column (read_back, COST_BILL_COLUMN_SERVICE), ==, "Vendor");

  /* Refused: no name, no amount column, a currency that is not one. */
  g_assert_false (remember (stack, project, "", other, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  cost_bill_mapping_set_column (other, COST_BILL_COLUMN_AMOUNT, NULL);
  g_assert_false (remember (stack, project, "IDC", other, &error));
  g_assert_nonnull (strstr (error->message, "amount"));
  g_clear_error (&error);
  cost_bill_mapping_set_column (other, COST_BILL_COLUMN_AMOUNT, "Cost (CNY)");
  cost_bill_mapping_set_currency (other, "yuan");
  g_assert_false (remember (stack, project, "IDC", other, &error));
  g_assert_nonnull (strstr (error->message, "ISO 4217"));
  g_clear_error (&error);
  g_assert_cmpuint (cost_bill_mappings_get_n (cost_project_get_bill_mappings (project)), ==, 2);

  /* Each was one step: undo goes back through them. */
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_undo_stack_undo (stack));
  mappings = cost_project_get_bill_mappings (project);
  g_assert_cmpuint (cost_bill_mappings_get_n (mappings), ==, 1);
  g_assert_cmpstr (cost_bill_mappings_get_name (mappings, 0), ==, "Chargeback");
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_null (cost_project_get_bill_mappings (project));
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpstr (cost_bill_mappings_get_name (cost_project_get_bill_mappings (project), 0), ==, "内部结算");

  /* Removed; then up to the limit. */
  g_assert_true (cost_bill_mappings_remove (project, 0, &error));
  g_assert_null (cost_project_get_bill_mappings (project));
  for (guint i = 0; i < COST_MAX_BILL_MAPPINGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("M%u", i);
      g_autofree char *header = g_strdup_printf ("Cost %u", i);

      cost_bill_mapping_set_column (other, COST_BILL_COLUMN_AMOUNT, header);
      cost_bill_mapping_set_currency (other, NULL);
      g_assert_true (cost_bill_mappings_remember (project, name, other, &error));
    }
  g_assert_false (cost_bill_mappings_remember (project, "One more", mapping, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_LIMIT);
  g_clear_error (&error);
  /* Replacing one still works at the limit. */
  g_assert_true (cost_bill_mappings_remember (project, "M0", mapping, &error));
  g_assert_cmpuint (cost_bill_mappings_get_n (cost_project_get_bill_mappings (project)), ==, COST_MAX_BILL_MAPPINGS);
}

/* A bill of no known format whose columns a saved mapping names uses it;
 * the most specific of those that fit; none for other columns. */
static void
test_find (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(CostBillMapping) mapping = chargeback_mapping ();
  g_autoptr(CostBillMapping) fewer = cost_bill_mapping_new ();
  g_autoptr(CostBillMapping) found = NULL;
  const char * const chargeback[] = { "月份", "成本中心", "服务", "资源", "金额", "币种", "备注", NULL };
  const char * const no_resource[] = { "月份", "服务", "金额", "币种", NULL };
  const char * const other[] = { "Date", "Vendor", "Cost", NULL };

  g_assert_null (cost_bill_find_saved_mapping (project, chargeback));

  cost_bill_mapping_set_column (fewer, COST_BILL_COLUMN_MONTH, "月份");
  cost_bill_mapping_set_column (fewer, COST_BILL_COLUMN_AMOUNT, "金额");
  cost_bill_mapping_set_currency (fewer, "CNY");
  g_assert_true (cost_bill_mappings_remember (project, "Month and amount", fewer, NULL));
  g_assert_true (cost_bill_mappings_remember (project, "Chargeback", mapping, NULL));

  /* Both fit the chargeback bill: the one of more columns reads it. */
  found = cost_bill_find_saved_mapping (project, chargeback);
  g_assert_nonnull (found);
  g_assert_cmpstr (cost_bill_mapping_get_column (found, COST_BILL_COLUMN_RESOURCE_ID), ==, "资源");
  g_clear_pointer (&found, cost_bill_mapping_free);

  /* Without its resource column only the other fits. */
  found = cost_bill_find_saved_mapping (project, no_resource);
  g_assert_nonnull (found);
  g_assert_null (cost_bill_mapping_get_column (found, COST_BILL_COLUMN_SERVICE));
  g_assert_cmpstr (cost_bill_mapping_get_currency (found), ==, "CNY");

  g_assert_null (cost_bill_find_saved_mapping (project, other));
}

/* The chargeback bill imports with no mapping given once the project keeps
 * one; not before. Known formats still come first. */
static void
test_import (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(GFile) file = bill_file ("chargeback-zh.csv");
  g_autoptr(GFile) focus = bill_file ("focus.csv");
  g_autoptr(CostBillMapping) mapping = chargeback_mapping ();
  g_autoptr(CostBillMapping) over_focus = cost_bill_mapping_new ();
  g_autoptr(GError) error = NULL;
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *records = NULL;
  CostBillRule gpu = { COST_BILL_MATCH_SERVICE, "", "GPU *", "compute", "gpu", "" };

  g_assert_false (cost_bill_import (project, file, COST_BILL_FORMAT_AUTO, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_nonnull (strstr (error->message, "chargeback-zh.csv: line 1: the columns are not those of"));
  g_clear_error (&error);
  g_assert_false (cost_bill_import (project, file, COST_BILL_FORMAT_CUSTOM, NULL, NULL, NULL, NULL, &report,
                                    &error));
  g_assert_nonnull (strstr (error->message, "chargeback-zh.csv: line 1: no column mapping the project keeps fits"));
  g_clear_error (&error);
  g_assert_null (cost_project_get_actuals (project));

  g_assert_true (cost_bill_rules_add (project, &gpu, NULL, NULL));
  g_assert_true (cost_bill_mappings_remember (project, "内部结算", mapping, NULL));
  g_assert_true (cost_bill_import (project, file, COST_BILL_FORMAT_AUTO, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.mapping_name, ==, "内部结算");
  g_assert_cmpint (report.format, ==, COST_BILL_FORMAT_CUSTOM);
  g_assert_cmpuint (report.rows, ==, 6);
  /* GPU lines: Jan 42000 + 15000 = 57000 CNY; Feb 43500 CNY and 1200 USD.
   * Storage, which no rule matches: Jan 1800.5, Feb −300.25 (a refund). */
  g_assert_cmpuint (report.rows_assigned, ==, 4);
  g_assert_cmpuint (report.rows_unassigned, ==, 2);
  records = describe (project);
  g_assert_cmpstr (records, ==,
                   "2027-01 compute/gpu 57000 CNY chargeback-zh.csv\n"
                   "2027-01 / 1800.5 CNY chargeback-zh.csv [对象存储|oss-search]\n"
                   "2027-02 compute/gpu 43500 CNY chargeback-zh.csv\n"
                   "2027-02 compute/gpu 1200 USD chargeback-zh.csv\n"
                   "2027-02 / -300.25 CNY chargeback-zh.csv [对象存储|oss-search]\n");

  /* A FOCUS bill is read as FOCUS even when a saved mapping would fit it. */
  cost_bill_mapping_set_column (over_focus, COST_BILL_COLUMN_MONTH, "ChargePeriodStart");
  cost_bill_mapping_set_column (over_focus, COST_BILL_COLUMN_AMOUNT, "EffectiveCost");
  g_assert_true (cost_bill_mappings_remember (project, "Effective cost", over_focus, NULL));
  cost_bill_report_clear (&report);
  g_assert_true (cost_bill_import (project, focus, COST_BILL_FORMAT_AUTO, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_cmpint (report.format, ==, COST_BILL_FORMAT_FOCUS);
  g_assert_null (report.mapping_name);
}

/* The preview's rows as an import through the mapping would read them,
 * and the row an import would refuse, with the reason. */
static void
test_preview_lines (void)
{
  g_autoptr(GFile) file = bill_file ("chargeback-zh.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBillPreview) preview = cost_bill_preview_read (file, 5, NULL, &error);
  g_autoptr(CostBillMapping) mapping = NULL;
  CostBillPreviewLine line;

  g_assert_no_error (error);
  g_assert_cmpint (preview->format, ==, COST_BILL_FORMAT_CUSTOM);
  g_assert_cmpuint (preview->rows->len, ==, 5);
  /* The guess from the names: all but the resource column. */
  g_assert_cmpstr (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_MONTH), ==, "月份");
  g_assert_cmpstr (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_AMOUNT), ==, "金额");
  g_assert_cmpstr (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_CURRENCY), ==, "币种");
  g_assert_cmpstr (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_SERVICE), ==, "服务");
  g_assert_null (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_RESOURCE_ID));

  mapping = cost_bill_mapping_copy (preview->mapping);
  g_assert_true (cost_bill_preview_read_line (preview, mapping, 4, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cost_month_get_year (line.month), ==, 2027);
  g_assert_cmpint (cost_month_get_number (line.month), ==, 2);
  g_assert_cmpfloat (line.amount, ==, -300.25);
  g_assert_cmpstr (line.currency, ==, "CNY");
  g_assert_cmpstr (line.service, ==, "对象存储");

  /* Without a currency column: the mapping's, or none for the project's. */
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_CURRENCY, NULL);
  g_assert_true (cost_bill_preview_read_line (preview, mapping, 0, &line, NULL));
  g_assert_cmpstr (line.currency, ==, "");
  cost_bill_mapping_set_currency (mapping, "USD");
  g_assert_true (cost_bill_preview_read_line (preview, mapping, 0, &line, NULL));
  g_assert_cmpstr (line.currency, ==, "USD");
  g_assert_cmpfloat (line.amount, ==, 42000);

  /* The wrong column for the amount. */
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "备注");
  g_assert_false (cost_bill_preview_read_line (preview, mapping, 0, &line, &error));
  g_assert_cmpstr (error->message, ==,
                   "Row 1: 备注: “一月” is not an amount such as 1234.56 or -12.5 (no grouping, no currency sign)");
  g_clear_error (&error);
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, NULL);
  g_assert_false (cost_bill_preview_read_line (preview, mapping, 0, &line, &error));
  g_assert_cmpstr (error->message, ==, "Choose the column that gives the amount of each line");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bill-mappings/read-write", test_read_write);
  g_test_add_func ("/bill-mappings/bad", test_bad);
  g_test_add_func ("/bill-mappings/remember", test_remember);
  g_test_add_func ("/bill-mappings/find", test_find);
  g_test_add_func ("/bill-mappings/import", test_import);
  g_test_add_func ("/bill-mappings/preview-lines", test_preview_lines);

  return g_test_run ();
}
