/* test-bill.c: importing bills — FOCUS, AWS CUR, Alibaba Cloud (Chinese
 * and English), any CSV through a mapping; bad lines, re-imports, rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-private.h"
#include "cost-bill-rules.h"
#include "cost-calc.h"
#include "cost-plan-actual.h"
#include "cost-project-io.h"
#include "cost-types.h"

static char *
bill_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "model", "bills", name, NULL);
}

static GFile *
bill_file (const char *name)
{
  g_autofree char *path = bill_path (name);

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

/* The project's records, one line each:
 * "month category/item amount currency source [match]". */
static char *
describe (CostProject *project)
{
  GVariant *actuals = cost_project_get_actuals (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cost_actuals_get_n (actuals); i++)
    {
      g_auto(CostActual) a = { 0, };
      g_autofree char *tags = NULL;
      char amount[G_ASCII_DTOSTR_BUF_SIZE];

      cost_actuals_get (actuals, i, &a);
      tags = cost_actual_format_tags (&a);
      g_ascii_formatd (amount, sizeof amount, "%.6g", a.amount);
      g_string_append_printf (out, "%s %s/%s %s %s %s", a.month, a.category, a.item, amount, a.currency, a.source);
      if (!cost_actual_is_assigned (&a))
        g_string_append_printf (out, " [%s|%s|%s|%s]", a.service_category, a.service, a.resource_id, tags);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
import_ok (CostProject    *project,
           const char     *name,
           CostBillFormat  format,
           CostBillReport *report)
{
  g_autoptr(GFile) file = bill_file (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (cost_bill_import (project, file, format, NULL, NULL, NULL, NULL, report, &error));
  g_assert_no_error (error);
}

static void
test_detect (void)
{
  static const struct
  {
    const char    *headers;
    CostBillFormat format;
    const char    *amount;
  } cases[] = {
    { "BilledCost,BillingCurrency,ChargePeriodStart,ServiceName", COST_BILL_FORMAT_FOCUS, "BilledCost" },
    { "EffectiveCost,BillingCurrency,ChargePeriodStart", COST_BILL_FORMAT_FOCUS, "EffectiveCost" },
    { "lineItem/UsageStartDate,lineItem/UnblendedCost,lineItem/CurrencyCode", COST_BILL_FORMAT_AWS_CUR,
      "lineItem/UnblendedCost" },
    { "line_item_usage_start_date,line_item_unblended_cost,line_item_currency_code,resource_tags",
      COST_BILL_FORMAT_AWS_CUR, "line_item_unblended_cost" },
    { "账期,产品,实例ID,应付金额,币种", COST_BILL_FORMAT_ALIYUN, "应付金额" },
    { " billing cycle ,Product Name,Pretax Amount", COST_BILL_FORMAT_ALIYUN, "Pretax Amount" },
    { "Date,Cost,Vendor", COST_BILL_FORMAT_CUSTOM, NULL },
    /* FOCUS without its currency column is not FOCUS. */
    { "BilledCost,ChargePeriodStart", COST_BILL_FORMAT_CUSTOM, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) headers = g_strsplit (cases[i].headers, ",", -1);
      g_autoptr(CostBillMapping) mapping = NULL;
      CostBillFormat format = cost_bill_detect ((const char * const *) headers, &mapping);

      g_assert_cmpint (format, ==, cases[i].format);
      if (cases[i].amount != NULL)
        g_assert_cmpstr (cost_bill_mapping_get_column (mapping, COST_BILL_COLUMN_AMOUNT), ==, cases[i].amount);
      else
        g_assert_null (mapping);
    }

  /* The guess for any other CSV: what the names say. */
  {
    g_auto(GStrv) headers = g_strsplit ("Date,Vendor,Project,Cost,Currency", ",", -1);
    g_autoptr(CostBillMapping) guess = cost_bill_mapping_guess ((const char * const *) headers);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (cost_bill_mapping_get_format (guess), ==, COST_BILL_FORMAT_CUSTOM);
    g_assert_cmpstr (cost_bill_mapping_get_column (guess, COST_BILL_COLUMN_MONTH), ==, "Date");
    g_assert_cmpstr (cost_bill_mapping_get_column (guess, COST_BILL_COLUMN_AMOUNT), ==, "Cost");
    g_assert_cmpstr (cost_bill_mapping_get_column (guess, COST_BILL_COLUMN_CURRENCY), ==, "Currency");
    g_assert_null (cost_bill_mapping_get_column (guess, COST_BILL_COLUMN_SERVICE));
    g_assert_true (cost_bill_mapping_check (guess, (const char * const *) headers, &error));
    g_assert_no_error (error);

    cost_bill_mapping_set_column (guess, COST_BILL_COLUMN_AMOUNT, NULL);
    g_assert_false (cost_bill_mapping_check (guess, (const char * const *) headers, &error));
    g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
    g_clear_error (&error);

    cost_bill_mapping_set_column (guess, COST_BILL_COLUMN_AMOUNT, "Total");
    g_assert_false (cost_bill_mapping_check (guess, (const char * const *) headers, &error));
    g_assert_nonnull (strstr (error->message, "no column “Total”"));
  }

  {
    CostBillFormat format;

    g_assert_true (cost_bill_format_from_string ("aws-cur", &format));
    g_assert_cmpint (format, ==, COST_BILL_FORMAT_AWS_CUR);
    g_assert_cmpstr (cost_bill_format_to_string (COST_BILL_FORMAT_ALIYUN), ==, "aliyun");
    g_assert_false (cost_bill_format_from_string ("csv", &format));
  }
}

/* FOCUS with a byte-order mark, quoted commas and newlines, a credit, two
 * currencies and one without a rate, a line before the plan. */
static void
test_focus (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *records = NULL;

  import_ok (project, "focus.csv", COST_BILL_FORMAT_AUTO, &report);
  records = describe (project);
  g_assert_cmpstr (records, ==,
                   "2026-12 compute/gpu 800 CNY focus.csv\n"
                   "2027-01 compute/gpu 9500 CNY focus.csv\n"
                   "2027-01 compute/storage 700 USD focus.csv\n"
                   "2027-01 labor/ 300 CNY focus.csv\n"
                   "2027-01 / 120.25 CNY focus.csv [Networking|Data Transfer|nat-1|env=prod]\n"
                   "2027-02 compute/gpu 9000 CNY focus.csv\n"
                   "2027-02 / 50 EUR focus.csv [Support|Support Plan||]\n");

  g_assert_cmpstr (report.source, ==, "focus.csv");
  g_assert_cmpint (report.format, ==, COST_BILL_FORMAT_FOCUS);
  g_assert_cmpuint (report.rows, ==, 9);
  g_assert_cmpuint (report.records, ==, 7);
  g_assert_cmpuint (report.rows_assigned, ==, 7);
  g_assert_cmpuint (report.rows_unassigned, ==, 2);
  g_assert_cmpuint (report.rows_outside, ==, 1);
  g_assert_cmpuint (report.replaced, ==, 0);
  g_assert_false (report.start_set);
  g_assert_null (report.currency_assumed);
  g_assert_cmpstrv (report.missing_rates, ((const char * const[]) { "EUR", NULL }));

  /* Plan against actual: January 9,500 + 700 USD × 7 + 300 + 120.25. */
  {
    g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
    g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, 0.1);

    g_assert_cmpint (pa->n_reported, ==, 2);
    g_assert_cmpfloat (pa->months[0].total.actual, ==, 14820.25);
    g_assert_cmpfloat (pa->months[0].categories[0].actual, ==, 14400);
    g_assert_cmpfloat (pa->months[0].unassigned, ==, 120.25);
    g_assert_cmpfloat (pa->months[1].total.actual, ==, 9000);
    g_assert_cmpfloat (pa->to_date.actual, ==, 23820.25);
    g_assert_cmpfloat (pa->forecast_remaining_plan, ==, 243820.25);
    g_assert_cmpfloat (pa->forecast_run_rate, ==, 71460.75);
  }
}

/* AWS CUR with a column per tag and CRLF line ends; a rule added after
 * the import assigns what no rule matched. */
static void
test_aws_cur (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *records = NULL;
  g_autofree char *after = NULL;
  CostBillRule search = { COST_BILL_MATCH_TAG, "user:team", "search", "compute", "gpu", "" };
  guint n = 0;

  import_ok (project, "aws-cur.csv", COST_BILL_FORMAT_AWS_CUR, &report);
  records = describe (project);
  g_assert_cmpstr (records, ==,
                   "2027-01 compute/storage 20.25 USD aws-cur.csv\n"
                   "2027-01 / 115.5 USD aws-cur.csv [Compute Instance|Amazon Elastic Compute Cloud|i-0abc|"
                   "user:env=prod, user:team=search]\n"
                   "2027-01 / 3.5 USD aws-cur.csv [Data Transfer|AWS Data Transfer||]\n"
                   "2027-02 / 200 USD aws-cur.csv [Compute Instance|Amazon Elastic Compute Cloud|i-0abc|"
                   "user:env=prod, user:team=platform]\n");
  g_assert_cmpuint (report.rows_unassigned, ==, 4);

  g_assert_true (cost_bill_rules_add (project, &search, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  after = describe (project);
  g_assert_cmpstr (after, ==,
                   "2027-01 compute/gpu 115.5 USD aws-cur.csv\n"
                   "2027-01 compute/storage 20.25 USD aws-cur.csv\n"
                   "2027-01 / 3.5 USD aws-cur.csv [Data Transfer|AWS Data Transfer||]\n"
                   "2027-02 / 200 USD aws-cur.csv [Compute Instance|Amazon Elastic Compute Cloud|i-0abc|"
                   "user:env=prod, user:team=platform]\n");

  /* The variance follows: January's compute now holds 115.5 USD more. */
  {
    g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
    g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, 0.1);

    g_assert_cmpfloat (pa->months[0].categories[0].actual, ==, (115.5 + 20.25) * 7);
    g_assert_cmpfloat (pa->months[0].unassigned, ==, 3.5 * 7);
  }
}

/* Alibaba Cloud in Chinese with a byte-order mark, tags as pairs. */
static void
test_aliyun (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_auto(CostBillReport) report = { 0, };
  g_auto(CostBillReport) report_en = { 0, };
  g_autofree char *records = NULL;
  CostBillRule oss = { COST_BILL_MATCH_SERVICE, "", "对象存储*", "compute", "storage", "" };

  g_assert_true (cost_bill_rules_add (project, &oss, NULL, NULL));
  import_ok (project, "aliyun-zh.csv", COST_BILL_FORMAT_AUTO, &report);
  g_assert_cmpint (report.format, ==, COST_BILL_FORMAT_ALIYUN);
  import_ok (project, "aliyun-en.csv", COST_BILL_FORMAT_ALIYUN, &report_en);
  records = describe (project);
  g_assert_cmpstr (records, ==,
                   "2027-01 compute/storage 230.1 CNY aliyun-zh.csv\n"
                   "2027-01 labor/ 900 CNY aliyun-zh.csv\n"
                   "2027-02 / 880.5 CNY aliyun-zh.csv [|云服务器 ECS|i-bp2|env=test, team=search]\n"
                   "2027-03 compute/storage 12.5 USD aliyun-en.csv\n"
                   "2027-03 labor/ 500 USD aliyun-en.csv\n");
}

/* Any CSV, through a column mapping and a currency; its preview. */
static void
test_custom (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(GFile) file = bill_file ("custom.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBillPreview) preview = cost_bill_preview_read (file, 2, NULL, &error);
  g_autoptr(CostBillMapping) mapping = NULL;
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *records = NULL;
  CostBillRule idc = { COST_BILL_MATCH_SERVICE, "", "idc *", "compute", "", "" };

  g_assert_no_error (error);
  g_assert_cmpstrv (preview->headers, ((const char * const[]) { "Date", "Vendor", "Project", "Cost (CNY)", NULL }));
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstrv (g_ptr_array_index (preview->rows, 1),
                    ((const char * const[]) { "2027/2/15", "IDC rack rental", "search", "11500.5", NULL }));
  g_assert_cmpint (preview->format, ==, COST_BILL_FORMAT_CUSTOM);
  g_assert_cmpstr (cost_bill_mapping_get_column (preview->mapping, COST_BILL_COLUMN_MONTH), ==, "Date");

  mapping = cost_bill_mapping_copy (preview->mapping);
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "Cost (CNY)");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_SERVICE, "Vendor");
  cost_bill_mapping_set_currency (mapping, "CNY");

  g_assert_true (cost_bill_rules_add (project, &idc, NULL, NULL));
  g_assert_true (cost_bill_import (project, file, COST_BILL_FORMAT_CUSTOM, mapping, NULL, NULL, NULL, &report,
                                   &error));
  g_assert_no_error (error);
  records = describe (project);
  g_assert_cmpstr (records, ==,
                   "2027-01 compute/ 12000 CNY custom.csv\n"
                   "2027-02 compute/ 11500.5 CNY custom.csv\n"
                   "2027-02 / -250 CNY custom.csv [|Consulting||]\n");

  /* Without a currency, the project's, said in the report. */
  cost_bill_mapping_set_currency (mapping, NULL);
  cost_bill_report_clear (&report);
  g_assert_true (cost_bill_import (project, file, COST_BILL_FORMAT_CUSTOM, mapping, NULL, NULL, NULL, &report,
                                   &error));
  g_assert_cmpstr (report.currency_assumed, ==, "CNY");
  g_assert_cmpuint (report.replaced, ==, 3);
}

/* Importing the same bill again counts it once; a bill of the same name
 * for other months keeps the earlier months. */
static void
test_reimport (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *data_once = NULL;
  g_autofree char *data_twice = NULL;
  static const char february[] =
    "BilledCost,BillingCurrency,ChargePeriodStart,ServiceCategory,ServiceName\n"
    "9100,CNY,2027-02-05,AI and Machine Learning,GPU\n";
  g_autoptr(CostBill) bill = NULL;
  g_autofree char *third = NULL;

  import_ok (project, "focus.csv", COST_BILL_FORMAT_AUTO, NULL);
  once = describe (project);
  data_once = cost_project_to_data (project, NULL);
  import_ok (project, "focus.csv", COST_BILL_FORMAT_AUTO, &report);
  twice = describe (project);
  data_twice = cost_project_to_data (project, NULL);
  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpstr (data_twice, ==, data_once);
  g_assert_cmpuint (report.replaced, ==, 7);
  g_assert_cmpuint (report.records, ==, 7);

  /* "focus.csv" again, for February only. */
  bill = _cost_bill_read_data ("focus.csv", february, sizeof february - 1, 64, COST_BILL_FORMAT_AUTO, NULL, NULL);
  g_assert_nonnull (bill);
  cost_bill_report_clear (&report);
  g_assert_true (cost_bill_apply (project, bill, NULL, &report, NULL));
  g_assert_cmpuint (report.replaced, ==, 2);
  third = describe (project);
  g_assert_cmpstr (third, ==,
                   "2026-12 compute/gpu 800 CNY focus.csv\n"
                   "2027-01 compute/gpu 9500 CNY focus.csv\n"
                   "2027-01 compute/storage 700 USD focus.csv\n"
                   "2027-01 labor/ 300 CNY focus.csv\n"
                   "2027-01 / 120.25 CNY focus.csv [Networking|Data Transfer|nat-1|env=prod]\n"
                   "2027-02 compute/gpu 9100 CNY focus.csv\n");
}

/* A bad bill is refused whole, naming its line; the project is as it was. */
static void
test_bad_bills (void)
{
  static const struct
  {
    const char *name;
    const char *message;
  } cases[] = {
    { "bad-amount.csv", "bad-amount.csv: line 5: BilledCost: “12,50” is not an amount" },
    { "bad-quote.csv", "bad-quote.csv: line 3: the CSV is malformed" },
    { "unterminated.csv", "unterminated.csv: line 3: a quoted field is not closed" },
    { "bad-fields.csv", "bad-fields.csv: line 3: 7 fields where the header row has 14" },
    { "bad-date.csv", "bad-date.csv: line 2: ChargePeriodStart: “Jan 5 2027” is not a date" },
    { "unknown.csv", "unknown.csv: line 1: the columns are not those of a FOCUS" },
    { "missing.csv", "missing.csv: no such file" },
  };
  g_autoptr(CostProject) project = load_plan ();
  g_autofree char *before = NULL;

  import_ok (project, "aliyun-en.csv", COST_BILL_FORMAT_AUTO, NULL);
  before = cost_project_to_data (project, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = bill_file (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      guint64 serial = cost_project_get_serial (project);

      g_assert_false (cost_bill_import (project, file, COST_BILL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].name, error->message, cases[i].message);
      after = cost_project_to_data (project, NULL);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (cost_project_get_serial (project), ==, serial);
    }

  /* A format that is not the bill's. */
  {
    g_autoptr(GFile) file = bill_file ("focus.csv");
    g_autoptr(GError) error = NULL;

    g_assert_false (cost_bill_import (project, file, COST_BILL_FORMAT_AWS_CUR, NULL, NULL, NULL, NULL, NULL,
                                      &error));
    g_assert_nonnull (strstr (error->message, "not a bill of the format AWS Cost and Usage Report"));
    g_assert_nonnull (strstr (error->message, "lineItem/UsageStartDate"));
  }
}

static void
expect_read_error (const char     *data,
                   CostBillFormat  format,
                   const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBill) bill = NULL;

  /* The same in any pieces. */
  for (gsize piece = 1; piece <= 4096; piece *= 8)
    {
      bill = _cost_bill_read_data ("b.csv", data, strlen (data), piece, format, NULL, &error);
      g_assert_null (bill);
      g_assert_nonnull (error);
      if (strstr (error->message, message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, message);
      g_clear_error (&error);
    }
}

static void
test_read_errors (void)
{
  const char *head = "BilledCost,BillingCurrency,ChargePeriodStart,Tags\n";
  g_autofree char *amounts = NULL;

  expect_read_error ("", COST_BILL_FORMAT_AUTO, "b.csv: line 1: the bill is empty");
  expect_read_error (head, COST_BILL_FORMAT_AUTO, "line 2: the bill has no lines after its header row");
  expect_read_error ("\xff\xfe" "B\0i\0", COST_BILL_FORMAT_AUTO, "line 1: the bill is UTF-16 text");
  expect_read_error ("BilledCost,BillingCurrency,ChargePeriodStart,\xb7\xd1\xd3\xc3\n1,CNY,2027-01\n",
                     COST_BILL_FORMAT_AUTO, "line 1: the header row is not UTF-8 text");

  amounts = g_strconcat (head, "1,CNY,2027-01,\n", "$5,CNY,2027-01,\n", NULL);
  expect_read_error (amounts, COST_BILL_FORMAT_AUTO, "line 3: BilledCost: “$5” is not an amount");
  {
    const char *bad[] = { "1 000", "1,000", "1e", ".", "-", "++1", "0x10", "1e999", "2e15", "nan", "" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *data = g_strdup_printf ("%s\"%s\",CNY,2027-01,\n", head, bad[i]);

        expect_read_error (data, COST_BILL_FORMAT_AUTO, "line 2: BilledCost:");
      }
  }
  {
    g_autofree char *data = g_strconcat (head, "1,yuan,2027-01,\n", NULL);

    expect_read_error (data, COST_BILL_FORMAT_AUTO, "line 2: BillingCurrency: “yuan” is not a three-letter");
  }
  {
    g_autofree char *data = g_strconcat (head, "1,CNY,2027-01,\"[1, 2]\"\n", NULL);

    expect_read_error (data, COST_BILL_FORMAT_AUTO, "line 2: Tags: “[1, 2]” is not a JSON object of tags");
  }
  {
    g_autofree char *data = g_strconcat (head, "1,CNY,2027-01,\"{\"\"a\"\": {}}\"\n", NULL);

    expect_read_error (data, COST_BILL_FORMAT_AUTO, "line 2: Tags: the tag “a” is not text");
  }
  {
    g_autofree char *data = g_strconcat (head, "1,CNY,2027-01,\"{\"\"a\"\": \"\"\xc3\x28\"\"}\"\n", NULL);

    expect_read_error (data, COST_BILL_FORMAT_AUTO, "line 2: Tags: the text is not UTF-8");
  }
  {
    /* A field of more than a megabyte. */
    GString *data = g_string_new (head);

    g_string_append (data, "1,CNY,2027-01,\"");
    for (guint i = 0; i < 1100 * 1024; i++)
      g_string_append_c (data, 'x');
    g_string_append (data, "\"\n");
    expect_read_error (data->str, COST_BILL_FORMAT_AUTO, "line 2: a field is longer than 1 MB");
    g_string_free (data, TRUE);
  }
}

/* Amounts and sums as they are written: many decimals, exponents, signs;
 * a million small amounts add up to the cent. */
static void
test_read_amounts (void)
{
  static const char data[] =
    "BilledCost,BillingCurrency,ChargePeriodStart\n"
    "+1.5,CNY,2027-01\n"
    "-0.25,cny,2027-01-31T23:59:59Z\n"
    "1e2,CNY,2027-01\n"
    "0.000001,CNY,2027-01\n"
    "2.5E-1,CNY,2027-01\n"
    "3.,CNY,2027-01\n"
    ".5,CNY,2027-01\n"
    "-0,CNY,2027-01\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBill) bill = _cost_bill_read_data ("a.csv", data, sizeof data - 1, 7, COST_BILL_FORMAT_AUTO,
                                                   NULL, &error);
  g_autoptr(CostProject) project = load_plan ();
  g_auto(CostActual) actual = { 0, };
  GString *many;

  g_assert_no_error (error);
  g_assert_cmpuint (cost_bill_get_n_rows (bill), ==, 8);
  g_assert_cmpuint (cost_bill_get_n_groups (bill), ==, 1);
  g_assert_true (cost_bill_apply (project, bill, "a.csv", NULL, &error));
  cost_actuals_get (cost_project_get_actuals (project), 0, &actual);
  g_assert_cmpfloat (actual.amount, ==, 105.000001);

  /* 0.01 two hundred thousand times: 2,000 to the cent, whatever the
   * rounding of the binary values. */
  many = g_string_new ("BilledCost,BillingCurrency,ChargePeriodStart\n");
  for (guint i = 0; i < 200000; i++)
    g_string_append (many, "0.01,CNY,2027-02\n");
  g_clear_pointer (&bill, cost_bill_free);
  bill = _cost_bill_read_data ("many.csv", many->str, many->len, 65536, COST_BILL_FORMAT_AUTO, NULL, &error);
  g_string_free (many, TRUE);
  g_assert_no_error (error);
  g_assert_true (cost_bill_apply (project, bill, NULL, NULL, &error));
  cost_actual_clear (&actual);
  cost_actuals_get (cost_project_get_actuals (project), 1, &actual);
  g_assert_cmpstr (actual.source, ==, "many.csv");
  g_assert_cmpfloat (actual.amount, ==, 2000);
}

/* A project without a start month starts with its first bill. */
static void
test_start_set (void)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  g_auto(CostBillReport) report = { 0, };

  import_ok (project, "aliyun-zh.csv", COST_BILL_FORMAT_AUTO, &report);
  g_assert_true (report.start_set);
  g_assert_cmpstr (cost_project_get_start (project), ==, "2027-01");
  g_assert_cmpuint (report.rows_unassigned, ==, 4);
  g_assert_cmpuint (report.rows_outside, ==, 0);
}

static void
count_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >, last[0]);
  last[0] = done;
  last[1] = total;
  last[2]++;
}

static void
test_progress_cancel (void)
{
  g_autoptr(CostProject) project = load_plan ();
  g_autoptr(GFile) file = bill_file ("focus.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cost_project_to_data (project, NULL);
  g_autofree char *after = NULL;
  guint64 progress[3] = { 0, 0, 0 };

  g_assert_true (cost_bill_import (project, file, COST_BILL_FORMAT_AUTO, NULL, count_progress, progress, NULL,
                                   NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress[2], >=, 1);
  g_assert_cmpuint (progress[0], ==, progress[1]);

  /* Cancelled: nothing changes. */
  cost_project_set_actuals (project, NULL, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (cost_bill_import (project, file, COST_BILL_FORMAT_AUTO, NULL, NULL, NULL, cancellable, NULL,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = cost_project_to_data (project, NULL);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  GMainLoop *loop;
  CostBill  *bill;
  GError    *error;
  guint      steps;
  gboolean   freed;
} AsyncData;

static void
async_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  AsyncData *d = user_data;

  /* In the caller's main context. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  d->steps++;
}

static void
async_progress_free (gpointer user_data)
{
  AsyncData *d = user_data;

  d->freed = TRUE;
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncData *d = user_data;

  d->bill = cost_bill_read_finish (result, &d->error);
  g_main_loop_quit (d->loop);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = bill_file ("aws-cur.csv");
  AsyncData d = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, FALSE };

  cost_bill_read_async (file, COST_BILL_FORMAT_AUTO, NULL, async_progress, &d, async_progress_free, NULL,
                        on_read_cb, &d);
  g_main_loop_run (d.loop);
  g_assert_no_error (d.error);
  g_assert_nonnull (d.bill);
  g_assert_cmpint (cost_bill_get_format (d.bill), ==, COST_BILL_FORMAT_AWS_CUR);
  g_assert_cmpuint (cost_bill_get_n_rows (d.bill), ==, 5);
  g_assert_cmpstr (cost_bill_get_name (d.bill), ==, "aws-cur.csv");

  /* Every step that was queued runs, then the data is let go. */
  while (!d.freed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (d.steps, >=, 1);

  cost_bill_free (d.bill);
  g_main_loop_unref (d.loop);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bill/detect", test_detect);
  g_test_add_func ("/bill/focus", test_focus);
  g_test_add_func ("/bill/aws-cur", test_aws_cur);
  g_test_add_func ("/bill/aliyun", test_aliyun);
  g_test_add_func ("/bill/custom", test_custom);
  g_test_add_func ("/bill/reimport", test_reimport);
  g_test_add_func ("/bill/bad-bills", test_bad_bills);
  g_test_add_func ("/bill/read-errors", test_read_errors);
  g_test_add_func ("/bill/read-amounts", test_read_amounts);
  g_test_add_func ("/bill/start-set", test_start_set);
  g_test_add_func ("/bill/progress-cancel", test_progress_cancel);
  g_test_add_func ("/bill/async", test_async);

  return g_test_run ();
}
