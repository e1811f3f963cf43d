/* test-cli.c: the headless command line — outputs and exit statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cost-test-run.h"
#include "cost-test-util.h"
#include "cost-types.h"
#include "bad-files.h"

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_summary_json (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray *categories, *scenarios;
  double share_sum = 0;

  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  o = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "currency"), ==, "CNY");
  g_assert_true (json_object_get_null_member (o, "scenario"));
  g_assert_cmpfloat (json_object_get_double_member (o, "monthly_run_rate"), ==, 375000);
  g_assert_cmpfloat (json_object_get_double_member (o, "first_year_total"), ==, 4500000);
  g_assert_cmpint (json_object_get_int_member (o, "horizon_months"), ==, 12);
  g_assert_cmpfloat (json_object_get_double_member (o, "horizon_total"), ==, 4500000);
  g_assert_cmpfloat (json_object_get_double_member (o, "one_time_total"), ==, 0);

  /* Numbers are JSON numbers, not strings. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "monthly_run_rate")), ==, G_TYPE_INT64);

  categories = json_object_get_array_member (o, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *c = json_array_get_object_element (categories, i);
      const char *ids[] = { "compute", "data", "labor", "operations" };
      const double monthly[] = { 107000, 3000, 175000, 90000 };

      g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, ids[i]);
      g_assert_nonnull (json_object_get_string_member (c, "name"));
      g_assert_cmpfloat (json_object_get_double_member (c, "monthly"), ==, monthly[i]);
      share_sum += json_object_get_double_member (c, "share");
    }
  g_assert_cmpfloat_with_epsilon (share_sum, 1.0, 1e-9);

  scenarios = json_object_get_array_member (o, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0), "id"), ==, "int8");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (scenarios, 0),
                                                    "monthly_run_rate"), ==, 325000);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (scenarios, 1),
                                                    "monthly_run_rate"), ==, 335000);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (scenarios, 1),
                                                    "first_year_total"), ==, 335000 * 12);
}

static JsonObject *
uncertainty_of (JsonParser *parser,
                Run        *run)
{
  JsonObject *o;

  g_assert_cmpint (run->status, ==, 0);
  o = parse_object (parser, run->out);
  g_assert_true (json_object_has_member (o, "uncertainty"));

  return json_object_get_null_member (o, "uncertainty") ? NULL : json_object_get_object_member (o, "uncertainty");
}

/* The reference case's ranges are simulated with its own samples and
 * seed, or those of the command line; the same seed, the same figures. */
static void
test_summary_uncertainty (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) other = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *u, *rr, *u2;
  JsonArray *contributions;
  double share_sum = 0;

  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  u = uncertainty_of (parser, &run);
  g_assert_nonnull (u);
  g_assert_cmpint (json_object_get_int_member (u, "samples"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (u, "seed"), ==, 20261207);

  rr = json_object_get_object_member (u, "run_rate");
  g_assert_cmpfloat (json_object_get_double_member (rr, "point"), ==, 375000);
  g_assert_cmpfloat (json_object_get_double_member (rr, "p10"), <, json_object_get_double_member (rr, "p50"));
  g_assert_cmpfloat (json_object_get_double_member (rr, "p50"), <, json_object_get_double_member (rr, "p90"));
  /* Traffic −10% / +40%: the middle of the plan lies above its point. */
  g_assert_cmpfloat (json_object_get_double_member (rr, "p50"), >, 375000);
  g_assert_cmpfloat (json_object_get_double_member (rr, "prob_over_budget"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (rr, "prob_over_budget"), <, 0.5);
  g_assert_cmpfloat (fabs (json_object_get_double_member (rr, "contingency") -
                           (json_object_get_double_member (rr, "p80") - 375000)), <, 0.006);
  g_assert_true (json_object_has_member (u, "first_year"));
  g_assert_true (json_object_has_member (u, "horizon_total"));
  /* No annual budget. */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (u, "first_year"),
                                              "prob_over_budget"));

  contributions = json_object_get_array_member (rr, "contributions");
  g_assert_cmpuint (json_array_get_length (contributions), ==, 7);
  for (guint i = 0; i < json_array_get_length (contributions); i++)
    {
      JsonObject *c = json_array_get_object_element (contributions, i);

      share_sum += json_object_get_double_member (c, "share");
      if (i > 0)
        g_assert_cmpfloat (json_object_get_double_member (c, "share"), <=,
                           json_object_get_double_member (json_array_get_object_element (contributions, i - 1),
                                                          "share"));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "input"), "items/"));
    }
  g_assert_cmpfloat (fabs (share_sum - 1), <, 1e-5);

  run_modelcost (&again, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpstr (run.out, ==, again.out);

  run_modelcost (&other, NULL, "--summary", "--json", "--samples", "2000", "--seed", "5", path, NULL);
  u2 = uncertainty_of (parser2, &other);
  g_assert_cmpint (json_object_get_int_member (u2, "samples"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (u2, "seed"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (u2, "run_rate"), "p50"), !=,
                     json_object_get_double_member (rr, "p50"));

  run_modelcost (&text, NULL, "--summary", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "How sure is this plan?"));
  g_assert_nonnull (strstr (text.out, "Chance of going over the monthly budget"));
  g_assert_nonnull (strstr (text.out, "10000 samples, seed 20261207"));

  run_modelcost (&bad, NULL, "--summary", "--samples", "10", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--samples must be 1000 to 100000"));
}

/* A project without ranges has no simulation. */
static void
test_summary_no_uncertainty (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "modelcost-no-ranges.modelcost", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (g_file_set_contents (path, "{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", "
                                      "\"categories\": [{\"id\": \"c\", \"name\": \"C\", \"items\": [{\"id\": \"a\", "
                                      "\"name\": \"A\", \"quantity\": 1, \"unit_price\": 5, \"period\": \"month\"}]}]}",
                                      -1, NULL));
  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_null (uncertainty_of (parser, &run));
  g_unlink (path);
}

static void
test_summary_scenario (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  run_modelcost (&run, NULL, "--summary", "--json", "--scenario", "int8", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "scenario"), ==, "int8");
  g_assert_cmpfloat (json_object_get_double_member (o, "monthly_run_rate"), ==, 325000);
  g_assert_cmpfloat (json_object_get_double_member (
    json_array_get_object_element (json_object_get_array_member (o, "categories"), 0), "monthly"), ==, 57000);
  run_clear (&run);

  run_modelcost (&run, NULL, "--summary", "--scenario", "nope", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no scenario has the id “nope”"));
  g_assert_true (g_str_has_prefix (run.err, path));
}

static void
test_summary_text (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Monthly run-rate"));
  g_assert_nonnull (strstr (run.out, "375000.00"));
  g_assert_nonnull (strstr (run.out, "4500000.00"));
  g_assert_nonnull (strstr (run.out, "INT8 quantization"));
  run_clear (&run);

  /* In a locale with grouping the figures are grouped. */
  run_modelcost (&run, "en_US.UTF-8", "--summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.out, "375,000.00") == NULL)
    {
      if (strstr (run.out, "375000.00") != NULL)
        g_test_skip ("en_US.UTF-8 is not installed");
      else
        g_error ("no grouped run-rate in: %s", run.out);
    }
  else
    g_assert_nonnull (strstr (run.out, "¥4,500,000.00"));
}

static void
test_summary_chinese (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };

  run_modelcost (&run, "zh_CN.UTF-8", "--summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.out, "375,000.00") == NULL)
    {
      g_test_skip ("zh_CN.UTF-8 is not installed");
      return;
    }

  /* Chinese labels and category names, amounts also in 万 */
  g_assert_nonnull (strstr (run.out, "月度运行成本"));
  g_assert_nonnull (strstr (run.out, "首年总成本"));
  g_assert_nonnull (strstr (run.out, "月度金额"));
  g_assert_nonnull (strstr (run.out, "计算资源"));
  g_assert_nonnull (strstr (run.out, "运维"));
  g_assert_nonnull (strstr (run.out, "¥375,000.00 (37.5万元)"));
  g_assert_nonnull (strstr (run.out, "¥4,500,000.00 (450万元)"));
  g_assert_nonnull (strstr (run.out, "情景：基准"));
  run_clear (&run);

  /* The JSON stays locale-neutral. */
  run_modelcost (&run, "zh_CN.UTF-8", "--summary", "--json", path, NULL);
  g_assert_nonnull (strstr (run.out, "\"monthly_run_rate\": 375000"));
  g_assert_nonnull (strstr (run.out, "\"name\": \"Compute\""));
}

static void
test_usage (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  const char *cases[][4] = {
    { "--summary", NULL },
    { "--summary", path, path, NULL },
    { "--summary", "--export", "x.csv", path },
    { "--bogus", "--summary", path, NULL },
    { "--json", "--export", "x.csv", path },
    { "--summary", "--width", "-5", path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_modelcost (&run, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      if (run.status != 2)
        g_error ("case %u: expected exit status 2, got %d (%s)", i, run.status, run.err);
      g_assert_nonnull (strstr (run.err, "modelcost: "));
    }
}

/* --help lists every option of the command line; --version says which
 * ModelCost this is. Both exit at once, with status 0. */
static void
test_help_version (void)
{
  static const char *options[] = {
    "--summary", "--json", "--export=OUT", "--scenario=ID", "--chart=KIND", "--width=PIXELS",
    "--height=PIXELS", "--scale=FACTOR", "--paper=SIZE", "--redact-labor", "--samples=N",
    "--seed=SEED", "--version", "--help",
  };
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_autofree char *expected = g_strdup_printf ("modelcost %s\n", PACKAGE_VERSION);

  run_modelcost (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      if (strstr (help.out, options[i]) == NULL)
        g_error ("--help does not list %s:\n%s", options[i], help.out);
    }
  g_assert_nonnull (strstr (help.out, "tornado"));
  g_assert_nonnull (strstr (help.out, "Exit status"));

  run_modelcost (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, expected);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("modelcost-cli-XXXXXX", &error);
  guint n = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strconcat (bad_files[i].name, ".modelcost", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gsize length = g_str_equal (bad_files[i].name, "nul-byte") ? 23 : strlen (bad_files[i].data);
      g_auto(Run) run = { 0 };

      g_assert_true (g_file_set_contents (path, bad_files[i].data, length, NULL));
      run_modelcost (&run, NULL, "--summary", "--json", path, NULL);

      /* Exit status 1, nothing on stdout, one line on stderr naming the file and the reason. */
      if (run.status != 1 || run.out[0] != '\0' || !g_str_has_prefix (run.err, path) ||
          strchr (run.err, '\n') != run.err + strlen (run.err) - 1 ||
          strstr (run.err, bad_files[i].message) == NULL)
        g_error ("%s: status %d, stderr “%s”", bad_files[i].name, run.status, run.err);

      g_unlink (path);
      n++;
    }

  /* A folder and a missing file */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *missing = g_build_filename (dir, "missing.modelcost", NULL);

    run_modelcost (&run, NULL, "--summary", dir, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is a folder"));
    run_clear (&run);

    run_modelcost (&run, NULL, "--summary", missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no such file"));
  }

  g_rmdir (dir);
  g_assert_cmpuint (n, >=, 40);
}

static void
test_export_csv (void)
{
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("modelcost-cli-XXXXXX", &error);
  g_autofree char *out = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "plan.doc", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--export", out, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFscenario,category,item,quantity,unit,unit_price,period,monthly_amount"));
  g_assert_nonnull (strstr (csv, ",GPUs,100,GPU,1000,month,100000,1200000,CNY\r\n"));
  run_clear (&run);

  run_modelcost (&run, NULL, "--export", bad, path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, ".doc"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_unit_economics (void)
{
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autofree char *reference = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *u;
  const char *keys[] = { "monthly_requests", "cost_per_1k_requests", "cost_per_dau_month",
                         "peak_qps", "gpus_required", "cost_per_1m_tokens" };

  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  u = json_object_get_object_member (o, "unit_economics");
  g_assert_nonnull (u);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (u, keys[i]));
  g_assert_cmpfloat (json_object_get_double_member (u, "gpus_required"), ==, 398);
  g_assert_cmpfloat (round (json_object_get_double_member (u, "cost_per_1k_requests") * 100), ==, 453);
  g_assert_cmpfloat (round (json_object_get_double_member (u, "peak_qps")), ==, 5556);
  run_clear (&run);

  run_modelcost (&run, NULL, "--summary", "--json", "--scenario", "traffic-3x", path, NULL);
  o = parse_object (parser, run.out);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (o, "unit_economics"),
                                                    "gpus_required"), ==, 1176);
  run_clear (&run);

  /* Without a workload there is nothing to divide by: no unit economics. */
  run_modelcost (&run, NULL, "--summary", "--json", reference, NULL);
  o = parse_object (parser, run.out);
  g_assert_false (json_object_has_member (o, "unit_economics"));
}

/* The cost per order and as a share of GMV: null until the orders and the
 * GMV are entered, then the run-rate divided by them. */
static void
test_business_ratios (void)
{
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("modelcost-cli-XXXXXX", &error);
  g_autofree char *entered = g_build_filename (dir, "orders.modelcost", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *u;

  g_assert_no_error (error);
  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  u = json_object_get_object_member (parse_object (parser, run.out), "unit_economics");
  g_assert_true (json_object_has_member (u, "cost_per_order"));
  g_assert_true (json_object_has_member (u, "gmv_share"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (u, "cost_per_order")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (u, "gmv_share")));
  run_clear (&run);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"peak_hours\": 4,",
                                      "\"peak_hours\": 4, \"orders_per_month\": 3000000, "
                                      "\"gmv_per_month\": 1500000000,", 0), ==, 1);
  g_assert_true (g_file_set_contents (entered, edited->str, -1, NULL));

  run_modelcost (&run, NULL, "--summary", "--json", entered, NULL);
  g_assert_cmpint (run.status, ==, 0);
  u = json_object_get_object_member (parse_object (parser, run.out), "unit_economics");
  /* 22,054,370.42 a month ÷ 3,000,000 orders = 7.351457 (six decimals) */
  g_assert_cmpfloat (json_object_get_double_member (u, "cost_per_order"), ==, 7.351457);
  /* ÷ 1,500,000,000 GMV = 0.014703 */
  g_assert_cmpfloat (json_object_get_double_member (u, "gmv_share"), ==, 0.014703);
  run_clear (&run);

  run_modelcost (&run, NULL, "--summary", entered, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Cost per order"));
  g_assert_nonnull (strstr (run.out, "¥7.35"));
  g_assert_nonnull (strstr (run.out, "Cost as share of GMV"));
  g_assert_nonnull (strstr (run.out, "1.47%"));
  run_clear (&run);

  /* Not entered: the text summary does not mention them */
  run_modelcost (&run, NULL, "--summary", path, NULL);
  g_assert_null (strstr (run.out, "Cost per order"));

  g_unlink (entered);
  g_rmdir (dir);
}

/* A large project of varied prices: hourly, daily and yearly prices with
 * cents, growth, amortisation and a discount factor, so that its totals are
 * far past the point where a double shows binary noise when printed to 17
 * digits. */
static char *
write_large_project (void)
{
  static const char * const periods[] = { "hour", "day", "month", "year", "once" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GString) s = g_string_new ("{\"format\":\"modelcost\",\"version\":1,\"title\":\"Large\","
                                       "\"currency\":\"CNY\",\"horizon_months\":36,\"categories\":[");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "modelcost-large-XXXXXX.modelcost", NULL);
  int fd;

  for (guint c = 0; c < 10; c++)
    {
      g_string_append_printf (s, "%s{\"id\":\"c%u\",\"name\":\"C%u\",\"factor\":0.93,\"items\":[",
                              c ? "," : "", c, c);
      for (guint i = 0; i < 1000; i++)
        {
          const char *period = periods[g_rand_int_range (rand, 0, G_N_ELEMENTS (periods))];

          g_string_append_printf (s, "%s{\"id\":\"c%ui%u\",\"name\":\"I\",\"quantity\":%d,"
                                     "\"unit_price\":%d.%02d,\"period\":\"%s\"",
                                  i ? "," : "", c, i, g_rand_int_range (rand, 1, 50),
                                  g_rand_int_range (rand, 0, 500), g_rand_int_range (rand, 0, 100), period);
          if (g_str_equal (period, "once"))
            g_string_append_printf (s, ",\"amortize_months\":%d", g_rand_int_range (rand, 1, 37));
          else if (i % 7 == 0)
            g_string_append (s, ",\"monthly_growth\":0.013");
          g_string_append (s, "}");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"factors\":{\"c3\":1.07}}]}");

  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);

  return path;
}

/* At most two decimals, no exponent: a whole number of cents as written. */
static void
assert_cents (const char *number,
              const char *where)
{
  const char *dot = strchr (number, '.');

  if (strpbrk (number, "eE") != NULL || (dot != NULL && strlen (dot + 1) > 2))
    g_error ("%s: “%s” is not a whole number of cents", where, number);
}

static gint64
cents_of (JsonNode *node)
{
  return (gint64) llround (json_node_get_double (node) * 100.0);
}

static void
test_amounts_exact (void)
{
  g_autofree char *path = write_large_project ();
  g_autofree char *csv_path = g_strconcat (path, ".csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) rows = NULL;
  JsonObject *root;
  JsonArray *monthly;
  gint64 sum = 0;
  guint amounts = 0, with_cents = 0;

  {
    g_auto(Run) run = { 0 };

    run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
    g_assert_cmpint (run.status, ==, 0);

    /* Every number in the document but the shares is an amount. */
    lines = g_strsplit (run.out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        const char *colon = strstr (lines[i], "\": ");
        const char *number = colon ? colon + 3 : g_strstrip (lines[i]);
        g_autofree char *token = g_strndup (number, strcspn (number, ","));

        if (token[0] != '-' && !g_ascii_isdigit (token[0]))
          continue;
        if (strstr (lines[i], "\"share\"") != NULL || strstr (lines[i], "\"horizon_months\"") != NULL)
          continue;
        assert_cents (token, lines[i]);
        amounts++;
        if (strchr (token, '.') != NULL)
          with_cents++;
      }

    root = parse_object (parser, run.out);
  }

  /* 36 months, 10 categories × 2, 4 totals, 4 per scenario. */
  g_assert_cmpuint (amounts, ==, 36 + 20 + 4 + 4);
  g_assert_cmpuint (with_cents, >, amounts / 2);
  g_assert_cmpfloat (json_object_get_double_member (root, "horizon_total"), >, 1e10);

  /* The months add up to the horizon total, to the cent. */
  monthly = json_object_get_array_member (root, "monthly");
  for (guint m = 0; m < json_array_get_length (monthly); m++)
    sum += cents_of (json_array_get_element (monthly, m));
  g_assert_cmpint (sum, ==, cents_of (json_object_get_member (root, "horizon_total")));

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GError) error = NULL;

    run_modelcost (&run, NULL, "--export", csv_path, path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_file_get_contents (csv_path, &csv, NULL, &error);
    g_assert_no_error (error);
  }

  /* monthly_amount and first_year_amount, the 8th and 9th columns. */
  rows = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 10000 + 2);
  for (guint i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      assert_cents (fields[7], rows[i]);
      assert_cents (fields[8], rows[i]);
    }

  g_unlink (csv_path);
  g_unlink (path);
}

static JsonObject *
find_model (JsonObject *summary,
            const char *id)
{
  JsonArray *models = json_object_get_array_member (summary, "models");

  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);

      if (g_strcmp0 (json_object_get_string_member (m, "id"), id) == 0)
        return m;
    }

  g_assert_not_reached ();
}

/* Each served model as its scenario sizes it; what only an LLM sized by
 * tokens has is null for the others. */
static void
test_models (void)
{
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autofree char *reference = cost_test_example_path ("reference.modelcost");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *keys[] = { "id", "kind", "instances", "gpus", "concurrency", "ttft_ms", "tpot_ms",
                         "tokens_per_s_per_gpu", "cost_per_million_input_tokens",
                         "cost_per_million_output_tokens" };
  JsonObject *o, *m;

  run_modelcost (&run, NULL, "--summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  o = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "models")), ==, 2);

  /* Qwen2.5-7B in BF16 on H100: 51 sequences a GPU meet 20 ms a token;
   * 146 GPUs serve the peak, × 2 regions + 2 spare */
  m = find_model (o, "rewriter");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (m, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (m, "kind"), ==, "llm-tokens");
  g_assert_cmpfloat (json_object_get_double_member (m, "instances"), ==, 146);
  g_assert_cmpfloat (json_object_get_double_member (m, "gpus"), ==, 294);
  g_assert_cmpfloat (json_object_get_double_member (m, "concurrency"), ==, 51);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "ttft_ms"), 23.475291, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "tpot_ms"), 19.996098, 1e-6);
  g_assert_cmpfloat (json_object_get_double_member (m, "tpot_ms"), <=, 20);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "tokens_per_s_per_gpu"), 2550.497645, 1e-6);
  /* At 87.259 a GPU-hour and 60% utilisation */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "cost_per_million_input_tokens"), 1.383352, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "cost_per_million_output_tokens"), 5.464, 1e-6);

  m = find_model (o, "ranker");
  g_assert_cmpstr (json_object_get_string_member (m, "kind"), ==, "ranking");
  g_assert_cmpfloat (json_object_get_double_member (m, "instances"), ==, 50);
  g_assert_cmpfloat (json_object_get_double_member (m, "gpus"), ==, 104);
  g_assert_true (json_object_get_null_member (m, "concurrency"));
  g_assert_true (json_object_get_null_member (m, "cost_per_million_output_tokens"));
  run_clear (&run);

  /* INT8 weights and KV cache: 126 sequences, 59 GPUs; the reserved price
   * lowers the cost of a token, not the GPUs */
  run_modelcost (&run, NULL, "--summary", "--json", "--scenario", "int8", path, NULL);
  o = parse_object (parser, run.out);
  m = find_model (o, "rewriter");
  g_assert_cmpfloat (json_object_get_double_member (m, "gpus"), ==, 120);
  g_assert_cmpfloat (json_object_get_double_member (m, "concurrency"), ==, 126);
  run_clear (&run);
  run_modelcost (&run, NULL, "--summary", "--json", "--scenario", "reserved", path, NULL);
  o = parse_object (parser, run.out);
  m = find_model (o, "rewriter");
  g_assert_cmpfloat (json_object_get_double_member (m, "gpus"), ==, 294);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (m, "cost_per_million_output_tokens"),
                                  5.464 * 34.9036 / 87.259, 1e-5);
  run_clear (&run);

  /* No served models: no list */
  run_modelcost (&run, NULL, "--summary", "--json", reference, NULL);
  o = parse_object (parser, run.out);
  g_assert_false (json_object_has_member (o, "models"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/summary/json", test_summary_json);
  g_test_add_func ("/cli/summary/scenario", test_summary_scenario);
  g_test_add_func ("/cli/summary/uncertainty", test_summary_uncertainty);
  g_test_add_func ("/cli/summary/no-uncertainty", test_summary_no_uncertainty);
  g_test_add_func ("/cli/summary/text", test_summary_text);
  g_test_add_func ("/cli/summary/chinese", test_summary_chinese);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/amounts-exact", test_amounts_exact);
  g_test_add_func ("/cli/summary/unit-economics", test_unit_economics);
  g_test_add_func ("/cli/summary/business-ratios", test_business_ratios);
  g_test_add_func ("/cli/summary/models", test_models);

  return g_test_run ();
}
