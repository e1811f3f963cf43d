/* fuzz-catalogue.c: fuzz target for the accelerator catalogue loader
 *
 * Whatever the bytes, loading a catalogue either fails with a readable
 * message and adds nothing, or adds accelerators with ids, names and finite,
 * non-negative figures; loading the same document again as the user's
 * catalogue replaces them by id and adds none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-catalogue"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "fuzz-target.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_abort_on_warnings ();

  return 0;
}

static void
check_amount (double value)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat (value, >=, 0);
}

static void
check_accelerator (CostCatalogue         *catalogue,
                   const CostAccelerator *a)
{
  g_assert_nonnull (a->id);
  g_assert_true (a->id[0] != '\0');
  g_assert_true (a->name[0] != '\0');
  g_assert_true (g_utf8_validate (a->name, -1, NULL));
  g_assert_nonnull (cost_catalogue_find (catalogue, a->id));

  check_amount (a->memory_gb);
  check_amount (a->memory_bw_tbs);
  check_amount (a->bf16_tflops);
  check_amount (a->int8_tops);
  check_amount (a->tdp_w);

  for (guint i = 0; i < a->throughputs->len; i++)
    {
      const CostThroughput *t = g_ptr_array_index (a->throughputs, i);

      check_amount (t->value);
      g_assert_cmpfloat (t->value, >, 0);
    }
  for (guint i = 0; i < a->prices->len; i++)
    {
      const CostPrice *p = g_ptr_array_index (a->prices, i);

      check_amount (p->per_gpu_hour);
      g_assert_cmpint (p->gpus, >=, 0);
      g_assert_cmpuint (strlen (p->currency), ==, 3);
    }

  cost_accelerator_get_throughput (a, COST_MODEL_RANKING);
  cost_accelerator_get_throughput (a, COST_MODEL_LLM);
  cost_accelerator_get_price (a);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CostCatalogue) catalogue = cost_catalogue_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cost_catalogue_load_data (catalogue, (const char *) data, size, FALSE, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->message[0] != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, 0);
      return 0;
    }
  g_assert_no_error (error);

  n = cost_catalogue_get_n_accelerators (catalogue);
  for (guint i = 0; i < n; i++)
    check_accelerator (catalogue, cost_catalogue_get_accelerator (catalogue, i));

  /* As the user's catalogue, the same entries replace themselves. */
  g_assert_true (cost_catalogue_load_data (catalogue, (const char *) data, size, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cost_catalogue_get_n_accelerators (catalogue), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (cost_catalogue_get_accelerator (catalogue, i)->from_user);

  return 0;
}
