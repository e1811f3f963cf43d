/* fuzz-bill.c: fuzz target for the bill reader
 *
 * Whatever the bytes, reading them as a bill (its format told from its
 * header row, or through a column mapping) either fails with a readable
 * message, or gives sums that a project takes or refuses with a message;
 * fed in small pieces or large, the outcome is the same. A project that
 * took a bill saves, reloads to the same document, and compares its plan
 * with finite figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-bill"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost-bill-private.h"
#include "cost-bill-rules.h"
#include "cost-calc.h"
#include "cost-plan-actual.h"
#include "cost-project-io.h"
#include "fuzz-target.h"

static const char plan[] =
  "{\"format\": \"modelcost\", \"version\": 1, \"currency\": \"CNY\", \"horizon_months\": 6, "
  "\"start\": \"2027-01\", \"exchange_rates\": [{\"currency\": \"USD\", \"rate\": 7}], "
  "\"categories\": [{\"id\": \"compute\", \"name\": \"Compute\", \"items\": ["
  "{\"id\": \"gpu\", \"name\": \"GPUs\", \"quantity\": 10, \"unit_price\": 1000, \"period\": \"month\"}]}], "
  "\"bill_rules\": [{\"match\": \"service\", \"value\": \"*gpu*\", \"category\": \"compute\", \"item\": \"gpu\"}, "
  "{\"match\": \"tag\", \"tag\": \"team\", \"value\": \"s?arch\", \"category\": \"compute\"}]}";

static CostBillMapping *mapping;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_abort_on_warnings ();

  /* Any other CSV, with these columns. */
  mapping = cost_bill_mapping_new ();
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_MONTH, "month");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_AMOUNT, "amount");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_SERVICE, "service");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_RESOURCE_ID, "resource");
  cost_bill_mapping_set_column (mapping, COST_BILL_COLUMN_TAGS, "tags");
  cost_bill_mapping_set_currency (mapping, "USD");

  return 0;
}

static void
check_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->message[0] != '\0');
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
check_variance (const CostVariance *v,
                gboolean            reported)
{
  g_assert_true (isfinite (v->plan));
  if (reported)
    {
      g_assert_true (isfinite (v->actual));
      g_assert_true (isfinite (v->variance));
    }
}

static void
try_format (const char     *data,
            gsize           size,
            CostBillFormat  format)
{
  const CostBillMapping *m = format == COST_BILL_FORMAT_CUSTOM ? mapping : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) small_error = NULL;
  g_autoptr(CostBill) bill = _cost_bill_read_data ("bill.csv", data, size, 64 * 1024, format, m, &error);
  g_autoptr(CostBill) small = _cost_bill_read_data ("bill.csv", data, size, 3, format, m, &small_error);
  g_autoptr(CostProject) project = NULL;
  g_autoptr(CostProject) reloaded = NULL;
  g_autoptr(CostResult) result = NULL;
  g_autoptr(CostPlanActual) pa = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;

  /* In any pieces, the same outcome. */
  if (bill == NULL)
    {
      check_message (error);
      g_assert_null (small);
      g_assert_cmpstr (error->message, ==, small_error->message);
      return;
    }
  g_assert_nonnull (small);
  g_assert_cmpuint (cost_bill_get_n_rows (bill), ==, cost_bill_get_n_rows (small));
  g_assert_cmpuint (cost_bill_get_n_groups (bill), ==, cost_bill_get_n_groups (small));
  g_assert_cmpuint (cost_bill_get_n_rows (bill), >, 0);

  project = cost_project_load_from_data (plan, -1, &error);
  g_assert_no_error (error);
  if (!cost_bill_apply (project, bill, NULL, NULL, &error))
    {
      check_message (error);
      return;
    }

  /* What the project took saves and opens again. */
  saved = cost_project_to_data (project, NULL);
  reloaded = cost_project_load_from_data (saved, -1, &error);
  if (reloaded == NULL)
    {
      g_printerr ("a bill made a project that does not load: %s\n%s\n", error->message, saved);
      abort ();
    }
  resaved = cost_project_to_data (reloaded, NULL);
  g_assert_cmpstr (saved, ==, resaved);

  result = cost_calc_compute (project, NULL);
  pa = cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  g_assert_nonnull (pa);
  for (int m2 = 0; m2 < pa->horizon; m2++)
    {
      check_variance (&pa->months[m2].total, pa->months[m2].reported);
      for (guint c = 0; c < pa->n_categories; c++)
        check_variance (&pa->months[m2].categories[c], pa->months[m2].reported);
    }
  g_assert_true (isfinite (pa->to_date.actual));
  g_assert_true (isfinite (pa->forecast_remaining_plan));
  for (guint i = 0; i < pa->warnings->len; i++)
    g_assert_true (g_utf8_validate (g_array_index (pa->warnings, CostPlanActualWarning, i).message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  try_format ((const char *) data, size, COST_BILL_FORMAT_AUTO);
  try_format ((const char *) data, size, COST_BILL_FORMAT_CUSTOM);

  return 0;
}
