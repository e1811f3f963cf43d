/* bench-bill.c: importing a bill of a million lines
 *
 * Budget: a 1,000,000-line FOCUS bill (CSV) imports in under 10 s,
 * streaming, with a peak memory under 300 MB. The bill is generated in a
 * temporary file (12 months, 2,000 resources of 12 services, tags as
 * FOCUS writes them, a credit now and then, two currencies), then
 * imported into a plan whose rules assign all but the data transfer;
 * the time of reading (with its progress) and of applying is printed,
 * and the peak resident memory of the whole process (getrusage()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "cost-actuals.h"
#include "cost-bill.h"
#include "cost-bill-rules.h"
#include "cost-calc.h"
#include "cost-plan-actual.h"
#include "cost-project-io.h"

#define N_ROWS      1000000
#define N_RESOURCES 2000
#define BUDGET_S    10.0
#define BUDGET_MB   300.0

static const struct
{
  const char *category;
  const char *service;
} services[] = {
  { "AI and Machine Learning", "GPU Compute" },
  { "AI and Machine Learning", "Model Serving" },
  { "Compute", "Virtual Machines" },
  { "Compute", "Kubernetes" },
  { "Storage", "Object Storage" },
  { "Storage", "Block Storage" },
  { "Databases", "Managed PostgreSQL" },
  { "Databases", "Cache" },
  { "Networking", "Data Transfer" },
  { "Networking", "Load Balancing" },
  { "Analytics", "Data Pipeline" },
  { "Security", "Key Management" },
};

static const char * const teams[] = { "search", "ranking", "platform", "data" };

static void
write_bill (FILE *out)
{
  GRand *rand = g_rand_new_with_seed (7);

  fputs ("BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,ChargeCategory,ChargeDescription,"
         "ChargePeriodStart,ChargePeriodEnd,EffectiveCost,ProviderName,ResourceId,ServiceCategory,ServiceName,"
         "Tags\n", out);

  for (guint i = 0; i < N_ROWS; i++)
    {
      guint resource = g_rand_int_range (rand, 0, N_RESOURCES);
      guint s = resource % G_N_ELEMENTS (services);
      guint month = i * 12 / N_ROWS + 1;
      guint day = g_rand_int_range (rand, 1, 29);
      gboolean credit = g_rand_int_range (rand, 0, 50) == 0;
      double cost = (credit ? -1 : 1) * g_rand_double_range (rand, 0.001, 40.0);
      char amount[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (amount, sizeof amount, "%.6f", cost);
      fprintf (out,
               "%s,acct-0042,%s,2027-%02u-01T00:00:00Z,%s,\"%s, hourly\",2027-%02u-%02uT00:00:00Z,"
               "2027-%02u-%02uT01:00:00Z,%s,Example Cloud,res-%05u,%s,%s,"
               "\"{\"\"team\"\": \"\"%s\"\", \"\"env\"\": \"\"prod\"\"}\"\n",
               amount, resource % 10 == 0 ? "USD" : "CNY", month, credit ? "Credit" : "Usage",
               services[s].service, month, day, month, day, amount, resource, services[s].category,
               services[s].service, teams[resource % G_N_ELEMENTS (teams)]);
    }

  g_rand_free (rand);
}

static CostProject *
make_project (void)
{
  CostProject *project = cost_project_new_default ();
  static const struct
  {
    CostBillMatch match;
    const char   *tag;
    const char   *value;
    const char   *category;
  } rules[] = {
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "AI and Machine Learning", "compute" },
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "Compute", "compute" },
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "Storage", "data" },
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "Databases", "data" },
    { COST_BILL_MATCH_SERVICE, "", "Load*", "operations" },
    { COST_BILL_MATCH_TAG, "team", "data", "data" },
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "Analytics", "data" },
    { COST_BILL_MATCH_SERVICE_CATEGORY, "", "Security", "operations" },
  };

  cost_project_set_start (project, "2027-01", NULL);
  cost_project_set_exchange_rate (project, "USD", 7.1, "2027-01-01", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      CostBillRule rule = { rules[i].match, rules[i].tag, rules[i].value, rules[i].category, "", "" };

      cost_bill_rules_add (project, &rule, NULL, NULL);
    }

  return project;
}

/* Processor time of the process, in seconds: on a busy machine the wall
 * time of a step is longer than the work it does. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CostProject) project = make_project ();
  g_autoptr(CostBill) bill = NULL;
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *path = NULL;
  struct rusage usage;
  GStatBuf st;
  double t0, c0, t_read, t_apply, c_read, c_apply, peak_mb, total_s;
  guint calls = 0;
  gboolean ok;
  FILE *out;
  int fd;

  fd = g_file_open_tmp ("modelcost-bench-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  out = fdopen (fd, "w");
  write_bill (out);
  fclose (out);
  g_stat (path, &st);
  file = g_file_new_for_path (path);

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  bill = cost_bill_read (file, COST_BILL_FORMAT_AUTO, NULL, on_progress, &calls, NULL, &error);
  t_read = (g_get_monotonic_time () - t0) / 1e6;
  c_read = cpu_seconds () - c0;
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  ok = cost_bill_apply (project, bill, NULL, &report, &error);
  t_apply = (g_get_monotonic_time () - t0) / 1e6;
  c_apply = cpu_seconds () - c0;
  g_assert_no_error (error);
  g_assert_true (ok);

  getrusage (RUSAGE_SELF, &usage);
  peak_mb = usage.ru_maxrss / 1024.0;
  total_s = t_read + t_apply;

  printf ("bill: %u lines, %.0f MB of FOCUS CSV, %u sums (month × currency × what rules match on)\n",
          N_ROWS, st.st_size / 1e6, cost_bill_get_n_groups (bill));
  printf ("read:   %6.2f s, processor %.2f s (%.0f lines/s, %u progress calls)\n", t_read, c_read,
          N_ROWS / t_read, calls);
  printf ("apply:  %6.2f s, processor %.2f s (%u records, %" G_GUINT64_FORMAT " lines unassigned)\n", t_apply,
          c_apply, report.records, report.rows_unassigned);
  printf ("import: %6.2f s (budget %.0f s)\n", total_s, BUDGET_S);
  printf ("peak memory: %.0f MB resident (budget %.0f MB)\n", peak_mb, BUDGET_MB);
  printf ("%s\n", total_s < BUDGET_S && peak_mb < BUDGET_MB ? "within budget" : "OVER BUDGET");

  g_unlink (path);

  return 0;
}
