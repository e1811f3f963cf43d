/* test-actuals.c: actual spending in a project — months, records, mapping
 * rules, project files, the undo history, plan against actual
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-rules.h"
#include "cost-calc.h"
#include "cost-month.h"
#include "cost-plan-actual.h"
#include "cost-project-io.h"
#include "cost-types.h"
#include "cost-undo-stack.h"

static void
test_month (void)
{
  g_autoptr(GError) error = NULL;
  int month = 0, other = 0;
  char text[COST_MONTH_TEXT_SIZE];
  g_autofree char *label = NULL;

  g_assert_true (cost_month_parse ("2027-01", &month, NULL));
  g_assert_true (cost_month_parse ("2027-03", &other, NULL));
  g_assert_cmpint (other - month, ==, 2);
  g_assert_true (cost_month_parse ("2026-12", &other, NULL));
  g_assert_cmpint (month - other, ==, 1);
  cost_month_format (month + 13, text);
  g_assert_cmpstr (text, ==, "2028-02");
  g_assert_cmpint (cost_month_get_year (month), ==, 2027);
  g_assert_cmpint (cost_month_get_number (month), ==, 1);

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "2027-13", "2027-00", "2027-1", "27-01", "2027/01", "2027-01-01" };

      g_assert_false (cost_month_parse (bad[i], &month, &error));
      g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "YYYY-MM"));
      g_clear_error (&error);
    }

  /* Dates as bills write them: the month of the date as written. */
  {
    const char *dates[] = {
      "2027-01", "2027-01-31", "2027-01-31T23:59:59Z", "2027-01-31T23:00:00-05:00", "2027/1/5",
      "2027/01/05 08:00", "2027-1",
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_assert_true (cost_month_parse_date (dates[i], strlen (dates[i]), &month));
        cost_month_format (month, text);
        g_assert_cmpstr (text, ==, "2027-01");
      }
  }
  {
    const char *bad[] = { "", "Jan 2027", "2027", "2027-13-01", "2027-001", "2027-01/05", "20270105", "2027-01x" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      g_assert_false (cost_month_parse_date (bad[i], strlen (bad[i]), &month));
  }

  cost_month_parse ("2027-03", &month, NULL);
  label = cost_month_get_label (month);
  g_assert_cmpstr (label, ==, "Mar 2027");
}

/* A project file with everything actual spending adds, in the writer's
 * layout: it reads and writes back byte for byte. */
static const char round_trip[] =
  "{\n"
  "  \"format\": \"modelcost\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Pilot\",\n"
  "  \"currency\": \"CNY\",\n"
  "  \"horizon_months\": 6,\n"
  "  \"start\": \"2027-01\",\n"
  "  \"categories\": [\n"
  "    {\n"
  "      \"id\": \"compute\",\n"
  "      \"name\": \"Compute\",\n"
  "      \"factor\": 1,\n"
  "      \"items\": [\n"
  "        {\"id\": \"gpu\", \"name\": \"GPUs\", \"quantity\": 10, \"unit_price\": 1000, \"period\": \"month\"}\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"scenarios\": [],\n"
  "  \"bill_rules\": [\n"
  "    {\"match\": \"service\", \"value\": \"GPU*\", \"category\": \"compute\", \"item\": \"gpu\"},\n"
  "    {\"match\": \"tag\", \"tag\": \"team\", \"value\": \"search\", \"category\": \"compute\", \"reviewed\": true}\n"
  "  ],\n"
  "  \"actuals\": [\n"
  "    {\"month\": \"2027-01\", \"category\": \"compute\", \"amount\": -12.5, \"currency\": \"USD\", \"source\": \"\", "
  "\"note\": \"refund, \\\"typed\\\" by hand\", \"ticket\": [1,2]},\n"
  "    {\"month\": \"2027-01\", \"category\": \"compute\", \"item\": \"gpu\", \"amount\": 9500.25, \"currency\": \"CNY\", "
  "\"source\": \"bill.csv\", \"note\": \"\"},\n"
  "    {\"month\": \"2027-01\", \"amount\": 0.000123, \"currency\": \"CNY\", \"source\": \"bill.csv\", \"note\": \"\", "
  "\"match\": {\"service_category\": \"Networking\", \"service\": \"数据传输\", \"resource_id\": \"nat-1\", "
  "\"tags\": {\"env\": \"prod\", \"team\": \"ops\"}}},\n"
  "    {\"month\": \"2027-02\", \"amount\": 7, \"currency\": \"CNY\", \"source\": \"bill.csv\", \"note\": \"\", "
  "\"match\": {\"service\": \"Support\"}}\n"
  "  ]\n"
  "}\n";

static CostProject *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static void
test_file_round_trip (void)
{
  g_autoptr(CostProject) project = load (round_trip);
  g_autofree char *data = cost_project_to_data (project, NULL);
  g_auto(CostActual) actual = { 0, };
  CostBillRule rule;

  g_assert_cmpstr (data, ==, round_trip);

  g_assert_cmpstr (cost_project_get_start (project), ==, "2027-01");
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, 4);
  cost_actuals_get (cost_project_get_actuals (project), 2, &actual);
  g_assert_false (cost_actual_is_assigned (&actual));
  g_assert_cmpstr (actual.service, ==, "数据传输");
  g_assert_cmpstr (cost_actual_get_tag (&actual, "team"), ==, "ops");
  g_assert_null (cost_actual_get_tag (&actual, "owner"));
  {
    g_autofree char *tags = cost_actual_format_tags (&actual);

    g_assert_cmpstr (tags, ==, "env=prod, team=ops");
  }

  g_assert_cmpuint (cost_bill_rules_get_n (cost_project_get_bill_rules (project)), ==, 2);
  cost_bill_rules_get (cost_project_get_bill_rules (project), 1, &rule);
  g_assert_cmpint (rule.match, ==, COST_BILL_MATCH_TAG);
  g_assert_cmpstr (rule.tag, ==, "team");
  g_assert_cmpstr (rule.extras, ==, "\"reviewed\": true");
}

/* Records in any order read back in the project's order. */
static void
test_file_order (void)
{
  g_autoptr(CostProject) project = load (
    "{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", \"start\": \"2027-01\", "
    "\"categories\": [{\"id\": \"c\", \"name\": \"C\", \"items\": []}], \"actuals\": ["
    "{\"month\": \"2027-03\", \"category\": \"c\", \"amount\": 3, \"currency\": \"CNY\"},"
    "{\"month\": \"2027-01\", \"amount\": 1, \"currency\": \"CNY\", \"match\": {\"service\": \"S\"}},"
    "{\"month\": \"2027-01\", \"category\": \"c\", \"amount\": 2, \"currency\": \"CNY\"}]}");
  GVariant *actuals = cost_project_get_actuals (project);
  const double expected[] = { 2, 1, 3 };

  for (guint i = 0; i < 3; i++)
    {
      g_auto(CostActual) actual = { 0, };

      cost_actuals_get (actuals, i, &actual);
      g_assert_cmpfloat (actual.amount, ==, expected[i]);
    }
}

static void
test_file_errors (void)
{
  static const struct
  {
    const char *members;
    const char *message;
  } cases[] = {
    { "\"start\": \"2027-1\"", "start: must be a month of the form YYYY-MM" },
    { "\"actuals\": [{\"month\": \"2027-01\", \"category\": \"c\", \"amount\": 1, \"currency\": \"CNY\"}]",
      "start: is missing: a project with actual spending needs its start month" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-1\", \"amount\": 1, \"currency\": \"CNY\"}]",
      "actuals[0].month: must be a month of the form YYYY-MM" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"amount\": \"1\", \"currency\": \"CNY\"}]",
      "actuals[0].amount: must be a number between −10¹⁵ and 10¹⁵" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"amount\": 2e15, \"currency\": \"CNY\"}]",
      "actuals[0].amount: must be a number between −10¹⁵ and 10¹⁵" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"currency\": \"CNY\"}]",
      "actuals[0].amount: is missing" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"amount\": 1, \"currency\": \"yuan\"}]",
      "actuals[0].currency: must be a three-letter ISO 4217 code" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"item\": \"gpu\", \"amount\": 1, "
      "\"currency\": \"CNY\"}]",
      "actuals[0].item: needs the category it belongs to" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"amount\": 1, \"currency\": \"CNY\", "
      "\"match\": {\"tags\": {\"team\": 3}}}]",
      "actuals[0].match.tags.team: must be a string" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"amount\": 1, \"currency\": \"CNY\", "
      "\"match\": {\"account\": \"x\"}}]",
      "actuals[0].match.account: is not something a rule matches on" },
    { "\"start\": \"2027-01\", \"actuals\": [{\"month\": \"2027-01\", \"category\": \"c\", \"amount\": 1, "
      "\"currency\": \"CNY\"}, {\"month\": \"2027-02\", \"category\": \"c\", \"amount\": 1, \"currency\": \"CNY\"}, "
      "{\"month\": \"2027-01\", \"category\": \"c\", \"amount\": 5, \"currency\": \"CNY\", \"note\": \"again\"}]",
      "actuals[2]: has the same month, category, item, source, currency and match as actuals[0]" },
    { "\"bill_rules\": [{\"match\": \"account\", \"value\": \"x\", \"category\": \"c\"}]",
      "bill_rules[0].match: must be one of service_category, service, tag, resource_id" },
    { "\"bill_rules\": [{\"match\": \"tag\", \"value\": \"x\", \"category\": \"c\"}]",
      "bill_rules[0].tag: is missing" },
    { "\"bill_rules\": [{\"match\": \"service\", \"tag\": \"team\", \"value\": \"x\", \"category\": \"c\"}]",
      "bill_rules[0].tag: only goes with \"match\": \"tag\"" },
    { "\"bill_rules\": [{\"match\": \"service\", \"value\": \"\", \"category\": \"c\"}]",
      "bill_rules[0].value: must not be empty" },
    { "\"bill_rules\": [{\"match\": \"service\", \"value\": \"x\"}]",
      "bill_rules[0].category: is missing" },
    { "\"bill_rules\": {}", "bill_rules: must be a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", "
                                               "\"categories\": [{\"id\": \"c\", \"name\": \"C\", \"items\": []}], %s}",
                                               cases[i].members);
      g_autoptr(GError) error = NULL;
      g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static GVariant *
records (const CostActual *list,
         guint             n)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, cost_actual_to_variant (&list[i]));

  return cost_actuals_sort (array, TRUE, NULL);
}

#define RECORD(month, category, item, amount, currency) \
  { month, category, item, amount, currency, "", "", "", "", "", NULL, "" }

static void
test_project_start (void)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  g_autoptr(GError) error = NULL;
  CostActual one[] = { RECORD ("2027-01", "compute", "", 10, "CNY") };
  int month;

  g_assert_false (cost_project_get_start_month (project, &month));
  g_assert_false (cost_project_set_start (project, "January", &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Actual spending needs the calendar. */
  g_assert_false (cost_project_set_actuals (project, records (one, 1), &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (cost_project_set_start (project, "2027-01", &error));
  g_assert_no_error (error);
  g_assert_true (cost_project_get_start_month (project, &month));
  g_assert_cmpint (cost_month_get_year (month), ==, 2027);
  g_assert_true (cost_project_set_actuals (project, records (one, 1), &error));
  g_assert_no_error (error);

  /* … and keeps it. */
  g_assert_false (cost_project_set_start (project, "", &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (cost_project_set_start (project, "2026-07", &error));
  g_assert_no_error (error);
  g_assert_true (cost_project_set_actuals (project, NULL, &error));
  g_assert_true (cost_project_set_start (project, NULL, &error));
  g_assert_cmpstr (cost_project_get_start (project), ==, "");
}

/* Puts @value (a full reference, or %NULL) in place of *@field. */
static void
take (GVariant **field,
      GVariant  *value)
{
  g_clear_pointer (field, g_variant_unref);
  *field = value;
}

static void
test_put_remove (void)
{
  g_autoptr(GVariant) actuals = NULL;
  CostActual a = RECORD ("2027-02", "compute", "gpu", 100, "CNY");
  CostActual b = RECORD ("2027-01", "labor", "", 50, "CNY");
  CostActual c = RECORD ("2027-02", "compute", "gpu", 120, "CNY");
  guint position;

  take (&actuals, cost_actuals_put (NULL, &a));
  take (&actuals, cost_actuals_put (actuals, &b));
  g_assert_cmpuint (cost_actuals_get_n (actuals), ==, 2);
  g_assert_true (cost_actuals_check (actuals, NULL));

  /* The same key: the amount changes, nothing is added. */
  take (&actuals, cost_actuals_put (actuals, &c));
  g_assert_cmpuint (cost_actuals_get_n (actuals), ==, 2);
  g_assert_true (cost_actuals_find (actuals, &a, &position));
  g_assert_cmpuint (position, ==, 1);
  {
    g_auto(CostActual) got = { 0, };

    cost_actuals_get (actuals, position, &got);
    g_assert_cmpfloat (got.amount, ==, 120);
  }

  take (&actuals, cost_actuals_remove (actuals, &b));
  g_assert_cmpuint (cost_actuals_get_n (actuals), ==, 1);
  g_assert_false (cost_actuals_find (actuals, &b, &position));
  take (&actuals, cost_actuals_remove (actuals, &a));
  g_assert_null (actuals);
}

/* What a form does: amounts typed in, one undoable step each. */
static void
test_set_record (void)
{
  g_autoptr(CostProject) project = cost_project_new_default ();
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autoptr(GError) error = NULL;
  CostActual typed = RECORD ("2027-03", "compute", "", 120, "CNY");
  CostActual bad = RECORD ("2027-3", "compute", "", 120, "CNY");

  g_assert_false (cost_actuals_set_record (project, &bad, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* The first amount of a project without a start month sets it. */
  g_assert_true (cost_actuals_set_record (project, &typed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cost_project_get_start (project), ==, "2027-03");
  /* The history makes a step of each main-loop iteration's edits. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  typed.amount = 150;
  typed.note = "corrected";
  g_assert_true (cost_actuals_set_record (project, &typed, &error));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, 1);
  {
    g_auto(CostActual) got = { 0, };

    cost_actuals_get (cost_project_get_actuals (project), 0, &got);
    g_assert_cmpfloat (got.amount, ==, 150);
    g_assert_cmpstr (got.note, ==, "corrected");
  }

  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_null (cost_project_get_actuals (project));
  g_assert_cmpstr (cost_project_get_start (project), ==, "");
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, 1);

  cost_actuals_remove_record (project, &typed);
  g_assert_null (cost_project_get_actuals (project));
}

static CostBillRule
rule (CostBillMatch match,
      const char   *tag,
      const char   *value,
      const char   *category,
      const char   *item)
{
  return (CostBillRule) { match, tag, value, category, item, "" };
}

static void
test_rules_match (void)
{
  g_autoptr(CostProject) project = load (round_trip);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GVariant) rules = NULL;
  g_autoptr(CostBillMatcher) matcher = NULL;
  g_autoptr(GVariant) tags = g_variant_ref_sink (g_variant_new_parsed ("{'Team': 'Search', 'env': 'prod'}"));
  const CostBillRule all[] = {
    rule (COST_BILL_MATCH_SERVICE, "", "Amazon Elastic*", "compute", "gpu"),
    rule (COST_BILL_MATCH_RESOURCE_ID, "", "i-0??", "compute", ""),
    rule (COST_BILL_MATCH_TAG, "team", "search", "compute", "gpu"),
    rule (COST_BILL_MATCH_SERVICE_CATEGORY, "", "storage", "gone", ""),
    rule (COST_BILL_MATCH_SERVICE_CATEGORY, "", "storage", "compute", "nope"),
  };
  CostActual line = { "2027-01", "", "", 1, "USD", "b", "", "", "", "", NULL, "" };
  const char *category, *item;
  int position;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (cost_bill_rule_check (&all[i], NULL));
      g_ptr_array_add (list, cost_bill_rule_to_variant (&all[i]));
    }
  rules = g_variant_ref_sink (g_variant_new_array (COST_BILL_RULE_TYPE, (GVariant **) list->pdata, list->len));
  matcher = cost_bill_matcher_new (project, rules);

  /* Case is ignored, * is any run of characters. */
  line.service = "amazon elastic compute cloud";
  g_assert_true (cost_bill_matcher_assign (matcher, &line, &category, &item, &position));
  g_assert_cmpstr (category, ==, "compute");
  g_assert_cmpstr (item, ==, "gpu");
  g_assert_cmpint (position, ==, 0);

  /* ? is one character. */
  line.service = "S3";
  line.resource_id = "i-0ab";
  g_assert_true (cost_bill_matcher_assign (matcher, &line, &category, &item, &position));
  g_assert_cmpint (position, ==, 1);
  g_assert_cmpstr (item, ==, "");
  line.resource_id = "i-0abc";
  g_assert_false (cost_bill_matcher_assign (matcher, &line, &category, &item, &position));

  /* Tag names and values ignore case too. */
  line.tags = tags;
  g_assert_true (cost_bill_matcher_assign (matcher, &line, &category, &item, &position));
  g_assert_cmpint (position, ==, 2);
  line.tags = NULL;

  /* A rule whose category or item the project does not have matches nothing. */
  line.service_category = "Storage";
  g_assert_false (cost_bill_matcher_assign (matcher, &line, &category, &item, &position));

  {
    CostBillRule bad = rule (COST_BILL_MATCH_TAG, "", "x", "compute", "");
    g_autoptr(GError) error = NULL;

    g_assert_false (cost_bill_rule_check (&bad, &error));
    g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  }
}

/* A rule added later assigns what no rule matched, without the bill. */
static void
test_rules_reassign (void)
{
  g_autoptr(CostProject) project = load (round_trip);
  CostBillRule networking = rule (COST_BILL_MATCH_SERVICE_CATEGORY, "", "networking", "compute", "gpu");
  g_autoptr(GError) error = NULL;
  g_auto(CostActual) first = { 0, };
  GVariant *actuals;
  guint n = 99;


  g_assert_true (cost_bill_rules_add (project, &networking, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (cost_bill_rules_get_n (cost_project_get_bill_rules (project)), ==, 3);

  /* It joined the record of the same month, item and source. */
  actuals = cost_project_get_actuals (project);
  g_assert_cmpuint (cost_actuals_get_n (actuals), ==, 3);
  cost_actuals_get (actuals, 0, &first);
  g_assert_cmpfloat (first.amount, ==, -12.5);
  cost_actual_clear (&first);
  cost_actuals_get (actuals, 1, &first);
  g_assert_cmpstr (first.item, ==, "gpu");
  g_assert_cmpfloat (first.amount, ==, 9500.250123);
  g_assert_null (first.tags);

  /* A rule that matches nothing more assigns nothing. */
  g_assert_true (cost_bill_rules_add (project, &networking, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* Removing a rule leaves what it assigned. */
  g_assert_true (cost_bill_rules_remove (project, 2, &error));
  g_assert_true (cost_bill_rules_remove (project, 2, &error));
  g_assert_cmpuint (cost_actuals_get_n (cost_project_get_actuals (project)), ==, 3);
}

static void
test_undo (void)
{
  g_autoptr(CostProject) project = load (round_trip);
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autofree char *before = cost_project_to_data (project, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CostBillRule networking = rule (COST_BILL_MATCH_SERVICE_CATEGORY, "", "networking", "compute", "gpu");

  cost_undo_stack_begin (stack);
  g_assert_true (cost_bill_rules_add (project, &networking, NULL, NULL));
  g_assert_true (cost_project_set_start (project, "2026-12", NULL));
  cost_undo_stack_end (stack);
  after = cost_project_to_data (project, NULL);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (cost_undo_stack_undo (stack));
  undone = cost_project_to_data (project, NULL);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (cost_undo_stack_redo (stack));
  redone = cost_project_to_data (project, NULL);
  g_assert_cmpstr (redone, ==, after);
}

/* The one rule for naming plan months: calendar months from the start,
 * numbers without one. */
static void
test_month_label (void)
{
  g_autoptr(CostProject) project = cost_project_new ();
  g_autofree char *first = NULL;
  g_autofree char *short_first = NULL;
  g_autofree char *fourteenth = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *calendar_short = NULL;
  g_autofree char *next_year = NULL;

  first = cost_project_get_month_label (project, 0, FALSE);
  short_first = cost_project_get_month_label (project, 0, TRUE);
  fourteenth = cost_project_get_month_label (project, 13, FALSE);
  g_assert_cmpstr (first, ==, "Month 1");
  g_assert_cmpstr (short_first, ==, "M1");
  g_assert_cmpstr (fourteenth, ==, "Month 14");

  /* From November 2026: month 0 is Nov 2026, month 13 thirteen months
   * on, Dec 2027; the short form is the same calendar month. */
  g_assert_true (cost_project_set_start (project, "2026-11", NULL));
  calendar = cost_project_get_month_label (project, 0, FALSE);
  calendar_short = cost_project_get_month_label (project, 0, TRUE);
  next_year = cost_project_get_month_label (project, 13, TRUE);
  g_assert_cmpstr (calendar, ==, "Nov 2026");
  g_assert_cmpstr (calendar_short, ==, "Nov 2026");
  g_assert_cmpstr (next_year, ==, "Dec 2027");
}

/* Requests actually served, a month at a time: in order, each once,
 * checked, read and written back byte for byte, undone as one edit. */
static const char traffic_file[] =
  "{\n"
  "  \"format\": \"modelcost\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Pilot\",\n"
  "  \"currency\": \"CNY\",\n"
  "  \"horizon_months\": 6,\n"
  "  \"start\": \"2027-01\",\n"
  "  \"categories\": [],\n"
  "  \"scenarios\": [],\n"
  "  \"actual_traffic\": [\n"
  "    {\"month\": \"2027-01\", \"requests\": 2500000},\n"
  "    {\"month\": \"2027-04\", \"requests\": 5000000.5}\n"
  "  ]\n"
  "}\n";

static void
test_traffic (void)
{
  g_autoptr(CostProject) project = load (traffic_file);
  g_autofree char *data = cost_project_to_data (project, NULL);
  g_autoptr(CostUndoStack) stack = cost_undo_stack_new (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  int january, march;
  double requests = 0;

  g_assert_cmpstr (data, ==, traffic_file);
  cost_month_parse ("2027-01", &january, NULL);
  cost_month_parse ("2027-03", &march, NULL);
  g_assert_true (cost_project_get_actual_requests (project, january, &requests));
  g_assert_cmpfloat (requests, ==, 2500000);
  g_assert_false (cost_project_get_actual_requests (project, march, NULL));

  /* March goes between January and April; January is replaced. */
  cost_undo_stack_begin (stack);
  g_assert_true (cost_project_set_actual_requests (project, "2027-03", 4000000, NULL));
  g_assert_true (cost_project_set_actual_requests (project, "2027-01", 2600000, NULL));
  cost_undo_stack_end (stack);
  g_assert_cmpuint (g_variant_n_children (cost_project_get_actual_traffic (project)), ==, 3);
  edited = cost_project_to_data (project, NULL);
  g_assert_nonnull (strstr (edited, "    {\"month\": \"2027-01\", \"requests\": 2600000},\n"
                                    "    {\"month\": \"2027-03\", \"requests\": 4000000},\n"
                                    "    {\"month\": \"2027-04\", \"requests\": 5000000.5}\n"));
  g_assert_true (cost_undo_stack_undo (stack));
  undone = cost_project_to_data (project, NULL);
  g_assert_cmpstr (undone, ==, traffic_file);

  /* NAN forgets a month; the last one forgotten leaves none. */
  g_assert_true (cost_project_set_actual_requests (project, "2027-01", NAN, NULL));
  g_assert_true (cost_project_set_actual_requests (project, "2027-04", NAN, NULL));
  g_assert_null (cost_project_get_actual_traffic (project));

  g_assert_false (cost_project_set_actual_requests (project, "2027-13", 1, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (cost_project_set_actual_requests (project, "2027-02", -1, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "2027-02"));
  g_assert_null (cost_project_get_actual_traffic (project));
}

static void
test_traffic_errors (void)
{
  static const struct
  {
    const char *entries;
    const char *message;
  } cases[] = {
    { "{\"month\": \"2027-1\", \"requests\": 1}",
      "actual_traffic[0].month: must be a month of the form YYYY-MM" },
    { "{\"month\": \"2027-02\", \"requests\": 1}, {\"month\": \"2027-01\", \"requests\": 1}",
      "actual_traffic[1].month: comes twice or out of order: give each month once, in order" },
    { "{\"month\": \"2027-02\", \"requests\": 1}, {\"month\": \"2027-02\", \"requests\": 2}",
      "actual_traffic[1].month: comes twice or out of order: give each month once, in order" },
    { "{\"month\": \"2027-02\", \"requests\": -5}", "actual_traffic[0].requests" },
    { "{\"month\": \"2027-02\"}", "actual_traffic[0].requests" },
    { "{\"month\": \"2027-02\", \"requests\": 5, \"note\": \"\"}",
      "actual_traffic[0]: holds members other than “month” and “requests”" },
    { "3", "actual_traffic[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data =
        g_strdup_printf ("{\"format\": \"modelcost\", \"version\": 1, \"title\": \"T\", \"currency\": \"CNY\", "
                         "\"horizon_months\": 6, \"categories\": [], \"actual_traffic\": [%s]}", cases[i].entries);
      g_autoptr(CostProject) project = cost_project_load_from_data (data, -1, &error);

      g_assert_null (project);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

/* The hand-computed case of cost-model.md: a plan of 3,000 a month
 * (compute 1,000, labor 2,000) from January 2027 for six months, a
 * monthly budget of 2,600. */
static CostProject *
hand_project (void)
{
  g_autoptr(CostProject) project = cost_project_new ();
  g_autoptr(CostCategory) compute = cost_category_new ("compute", "Compute");
  g_autoptr(CostCategory) labor = cost_category_new ("labor", "Labor");
  g_autoptr(CostItem) gpu = cost_item_new ("gpu", "GPUs");
  g_autoptr(CostItem) people = cost_item_new ("people", "People");
  CostActual list[] = {
    RECORD ("2027-01", "compute", "gpu", 1000, "CNY"),
    RECORD ("2027-01", "labor", "", 2000, "CNY"),
    RECORD ("2027-02", "compute", "gpu", 1500, "CNY"),
    RECORD ("2027-02", "labor", "", 2000, "CNY"),
    RECORD ("2027-04", "compute", "", 1200, "CNY"),
    RECORD ("2027-04", "labor", "", 1400, "CNY"),
    RECORD ("2027-04", "labor", "people", 100, "USD"),
    RECORD ("2027-04", "", "", 50, "CNY"),
    RECORD ("2026-11", "labor", "", 999, "CNY"),
    RECORD ("2027-02", "compute", "", 5, "EUR"),
  };

  cost_project_set_horizon (project, 6, NULL);
  cost_project_set_monthly_budget (project, 2600, NULL);
  cost_project_set_exchange_rate (project, "USD", 7, "2027-03-31", NULL);
  cost_item_set_quantity (gpu, 1, NULL);
  cost_item_set_unit_price (gpu, 1000, NULL);
  cost_category_add_item (compute, gpu);
  cost_item_set_quantity (people, 1, NULL);
  cost_item_set_unit_price (people, 2000, NULL);
  cost_category_add_item (labor, people);
  cost_project_add_category (project, compute);
  cost_project_add_category (project, labor);
  g_assert_true (cost_project_set_start (project, "2027-01", NULL));
  list[7].service = "Support";
  g_assert_true (cost_project_set_actuals (project, records (list, G_N_ELEMENTS (list)), NULL));

  return g_steal_pointer (&project);
}

static void
test_plan_actual (void)
{
  g_autoptr(CostProject) project = hand_project ();
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, 0.10);
  const CostPlanActualMonth *m;
  const CostPlanActualItem *item;
  const CostPlanActualRate *rate;
  static const struct
  {
    CostPlanActualWarningKind kind;
    int                       month;
    int                       category;
  } warnings[] = {
    { COST_PLAN_ACTUAL_WARNING_MONTH_OVER, 1, -1 },
    { COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER, 1, 0 },
    { COST_PLAN_ACTUAL_WARNING_MISSING_MONTH, 2, -1 },
    { COST_PLAN_ACTUAL_WARNING_MONTH_OVER, 3, -1 },
    { COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER, 3, 0 },
    { COST_PLAN_ACTUAL_WARNING_UNASSIGNED, -1, -1 },
    { COST_PLAN_ACTUAL_WARNING_OUTSIDE, -1, -1 },
    { COST_PLAN_ACTUAL_WARNING_NO_RATE, -1, -1 },
    { COST_PLAN_ACTUAL_WARNING_FORECAST_OVER_BUDGET, -1, -1 },
  };

  g_assert_nonnull (pa);
  g_assert_cmpint (pa->horizon, ==, 6);
  g_assert_cmpint (pa->n_reported, ==, 4);

  /* January: on plan. */
  m = &pa->months[0];
  g_assert_true (m->reported);
  g_assert_cmpfloat (m->total.plan, ==, 3000);
  g_assert_cmpfloat (m->total.actual, ==, 3000);
  g_assert_cmpfloat (m->total.variance, ==, 0);
  g_assert_cmpfloat (m->total.ratio, ==, 0);

  /* February: compute 1,500 against 1,000 (+50%), the month 3,500 (+16.67%);
   * 5 EUR without a rate are left out. */
  m = &pa->months[1];
  g_assert_cmpfloat (m->categories[0].actual, ==, 1500);
  g_assert_cmpfloat (m->categories[0].variance, ==, 500);
  g_assert_cmpfloat (m->categories[0].ratio, ==, 0.5);
  g_assert_cmpfloat (m->total.actual, ==, 3500);
  g_assert_cmpfloat_with_epsilon (m->total.ratio, 500.0 / 3000.0, 1e-12);

  /* March: nothing recorded, to date: counts as nothing. */
  m = &pa->months[2];
  g_assert_true (m->reported);
  g_assert_false (m->has_actuals);
  g_assert_cmpfloat (m->total.actual, ==, 0);
  g_assert_cmpfloat (m->total.variance, ==, -3000);

  /* April: compute 1,200 (+20%); labor 1,400 + 100 USD × 7 = 2,100 (+5%);
   * 50 unassigned; the month 3,350 (+11.67%). */
  m = &pa->months[3];
  g_assert_cmpfloat (m->categories[0].actual, ==, 1200);
  g_assert_cmpfloat (m->categories[1].actual, ==, 2100);
  g_assert_cmpfloat (m->unassigned, ==, 50);
  g_assert_cmpfloat (m->total.actual, ==, 3350);
  g_assert_cmpfloat (m->cumulative_plan, ==, 12000);
  g_assert_cmpfloat (m->cumulative_actual, ==, 9850);
  g_assert_cmpfloat (m->cumulative_budget, ==, 10400);

  /* May: after the last month with spending. */
  m = &pa->months[4];
  g_assert_false (m->reported);
  g_assert_cmpfloat (m->total.plan, ==, 3000);
  g_assert_true (isnan (m->total.actual));
  g_assert_true (isnan (m->cumulative_actual));
  g_assert_cmpfloat (pa->months[5].cumulative_plan, ==, 18000);

  g_assert_cmpfloat (pa->to_date.plan, ==, 12000);
  g_assert_cmpfloat (pa->to_date.actual, ==, 9850);
  g_assert_cmpfloat (pa->to_date.variance, ==, -2150);
  g_assert_cmpfloat_with_epsilon (pa->to_date.ratio, -2150.0 / 12000.0, 1e-12);
  g_assert_cmpfloat (pa->unassigned_to_date, ==, 50);
  /* By category: compute 1,000 + 1,500 + 0 + 1,200 = 3,700 against 4,000;
   * labor 2,000 + 2,000 + 0 + 2,100 = 6,100 against 8,000. */
  g_assert_cmpfloat (pa->categories_to_date[0].plan, ==, 4000);
  g_assert_cmpfloat (pa->categories_to_date[0].actual, ==, 3700);
  g_assert_cmpfloat (pa->categories_to_date[0].variance, ==, -300);
  g_assert_cmpfloat (pa->categories_to_date[1].actual, ==, 6100);
  g_assert_cmpfloat (pa->categories_to_date[1].ratio, ==, -0.2375);
  g_assert_cmpfloat (pa->plan_at_completion, ==, 18000);

  /* Forecasts: 9,850 + 2 × 3,000; 9,850 + (3,500 + 0 + 3,350) ÷ 3 × 2. */
  g_assert_cmpfloat (pa->forecast_remaining_plan, ==, 15850);
  g_assert_cmpfloat (pa->run_rate, ==, 2283.33);
  g_assert_cmpfloat (pa->forecast_run_rate, ==, 14416.67);
  g_assert_cmpfloat (pa->budget_at_completion, ==, 15600);

  /* The record of November 2026 lies before the plan. */
  g_assert_cmpuint (pa->n_outside, ==, 1);
  g_assert_cmpfloat (pa->outside, ==, 999);

  /* Items the records name, with their own plan. */
  item = cost_plan_actual_find_item (pa, "gpu");
  g_assert_nonnull (item);
  g_assert_cmpfloat (item->months[1].plan, ==, 1000);
  g_assert_cmpfloat (item->months[1].actual, ==, 1500);
  g_assert_cmpfloat (item->months[3].actual, ==, 0);
  item = cost_plan_actual_find_item (pa, "people");
  g_assert_cmpfloat (item->months[3].actual, ==, 700);
  g_assert_cmpfloat (item->months[3].plan, ==, 2000);

  /* The rates used. */
  g_assert_cmpuint (pa->rates->len, ==, 2);
  rate = &g_array_index (pa->rates, CostPlanActualRate, 0);
  g_assert_cmpstr (rate->currency, ==, "EUR");
  g_assert_cmpfloat (rate->rate, ==, 0);
  g_assert_cmpfloat (rate->amount, ==, 5);
  rate = &g_array_index (pa->rates, CostPlanActualRate, 1);
  g_assert_cmpstr (rate->currency, ==, "USD");
  g_assert_cmpfloat (rate->rate, ==, 7);
  g_assert_cmpstr (rate->as_of, ==, "2027-03-31");
  g_assert_cmpfloat (rate->converted, ==, 700);

  g_assert_cmpuint (pa->warnings->len, ==, G_N_ELEMENTS (warnings));
  for (guint i = 0; i < G_N_ELEMENTS (warnings); i++)
    {
      const CostPlanActualWarning *w = &g_array_index (pa->warnings, CostPlanActualWarning, i);

      g_assert_cmpint (w->kind, ==, warnings[i].kind);
      g_assert_cmpint (w->month, ==, warnings[i].month);
      g_assert_cmpint (w->category, ==, warnings[i].category);
      g_assert_nonnull (w->message);
    }
  g_assert_cmpstr (g_array_index (pa->warnings, CostPlanActualWarning, 0).message, ==,
                   "Feb 2027 ran 16.7% over plan: ¥3500.00 against ¥3000.00");
  g_assert_cmpstr (g_array_index (pa->warnings, CostPlanActualWarning, 8).message, ==,
                   "The forecast at completion, up to ¥15850.00, is over the budget of ¥15600.00");
}

/* What 1,000 requests cost, actually and in the plan. The workload serves
 * 12,000 users 10 requests a day: 12,000 × 10 × 365/12 = 3,650,000
 * requests a month, so the plan's 3,000 a month is 3,000 ÷ 3,650 =
 * 0.821918 per 1,000. January served 2,500,000 for 3,000: 1.20 per 1,000;
 * April 5,000,000 for 3,350: 0.67; February none entered. */
static void
test_plan_actual_requests (void)
{
  g_autoptr(CostProject) project = hand_project ();
  g_autoptr(CostWorkload) workload = cost_workload_new ();
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostPlanActual) pa = NULL;
  g_autoptr(CostPlanActual) none = NULL;

  result = cost_calc_compute (project, NULL);
  none = cost_plan_actual_compute (project, result, 0.1);
  g_assert_false (none->has_traffic);
  g_assert_true (isnan (none->months[0].plan_cost_per_1000_requests));
  g_assert_true (isnan (none->months[0].cost_per_1000_requests));
  g_clear_pointer (&result, cost_result_unref);

  cost_workload_set_daily_active_users (workload, 12000, NULL);
  cost_workload_set_requests_per_user (workload, 10, NULL);
  cost_project_set_workload (project, workload);
  g_assert_true (cost_project_set_actual_requests (project, "2027-01", 2500000, NULL));
  g_assert_true (cost_project_set_actual_requests (project, "2027-04", 5000000, NULL));
  /* After the last month reported: kept, not compared. */
  g_assert_true (cost_project_set_actual_requests (project, "2027-05", 1000000, NULL));
  result = cost_calc_compute (project, NULL);
  pa = cost_plan_actual_compute (project, result, 0.1);

  g_assert_true (pa->has_traffic);
  g_assert_cmpfloat (pa->months[0].requests, ==, 2500000);
  g_assert_cmpfloat_with_epsilon (pa->months[0].cost_per_1000_requests, 1.20, 1e-12);
  g_assert_cmpfloat_with_epsilon (pa->months[0].plan_cost_per_1000_requests, 3000.0 / 3650.0, 1e-12);
  g_assert_true (isnan (pa->months[1].requests));
  g_assert_true (isnan (pa->months[1].cost_per_1000_requests));
  g_assert_cmpfloat_with_epsilon (pa->months[1].plan_cost_per_1000_requests, 0.821918, 1e-6);
  g_assert_cmpfloat_with_epsilon (pa->months[3].cost_per_1000_requests, 0.67, 1e-12);
  g_assert_cmpfloat (pa->months[4].requests, ==, 1000000);
  g_assert_true (isnan (pa->months[4].cost_per_1000_requests));
}

/* A looser threshold, a scenario's plan, no budget. */
static void
test_plan_actual_threshold (void)
{
  g_autoptr(CostProject) project = hand_project ();
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostPlanActual) pa = NULL;

  cost_project_set_monthly_budget (project, 0, NULL);
  result = cost_calc_compute (project, NULL);
  pa = cost_plan_actual_compute (project, result, 0.6);
  g_assert_cmpfloat (pa->budget_at_completion, ==, 0);
  for (guint i = 0; i < pa->warnings->len; i++)
    {
      CostPlanActualWarningKind kind = g_array_index (pa->warnings, CostPlanActualWarning, i).kind;

      g_assert_cmpint (kind, !=, COST_PLAN_ACTUAL_WARNING_MONTH_OVER);
      g_assert_cmpint (kind, !=, COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER);
      g_assert_cmpint (kind, !=, COST_PLAN_ACTUAL_WARNING_FORECAST_OVER_BUDGET);
    }

  /* An annual budget is spread over the months. */
  cost_project_set_annual_budget (project, 24000, NULL);
  g_clear_pointer (&pa, cost_plan_actual_unref);
  pa = cost_plan_actual_compute (project, result, 0.1);
  g_assert_cmpfloat (pa->budget_at_completion, ==, 12000);
  g_assert_cmpfloat (pa->months[0].cumulative_budget, ==, 2000);
}

static void
test_plan_actual_none (void)
{
  g_autoptr(CostProject) project = load (round_trip);
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostPlanActual) pa = NULL;

  cost_project_set_actuals (project, NULL, NULL);
  result = cost_calc_compute (project, NULL);
  pa = cost_plan_actual_compute (project, result, 0.1);
  g_assert_null (pa);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/actuals/month", test_month);
  g_test_add_func ("/actuals/month-label", test_month_label);
  g_test_add_func ("/actuals/traffic", test_traffic);
  g_test_add_func ("/actuals/traffic/errors", test_traffic_errors);
  g_test_add_func ("/actuals/file/round-trip", test_file_round_trip);
  g_test_add_func ("/actuals/file/order", test_file_order);
  g_test_add_func ("/actuals/file/errors", test_file_errors);
  g_test_add_func ("/actuals/project/start", test_project_start);
  g_test_add_func ("/actuals/put-remove", test_put_remove);
  g_test_add_func ("/actuals/set-record", test_set_record);
  g_test_add_func ("/actuals/rules/match", test_rules_match);
  g_test_add_func ("/actuals/rules/reassign", test_rules_reassign);
  g_test_add_func ("/actuals/undo", test_undo);
  g_test_add_func ("/actuals/plan-actual/hand", test_plan_actual);
  g_test_add_func ("/actuals/plan-actual/threshold", test_plan_actual_threshold);
  g_test_add_func ("/actuals/plan-actual/requests", test_plan_actual_requests);
  g_test_add_func ("/actuals/plan-actual/none", test_plan_actual_none);

  return g_test_run ();
}
