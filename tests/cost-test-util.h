/* cost-test-util.h: shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-project-io.h"

static inline char *
cost_test_example_path (const char *name)
{
  const char *dir = g_getenv ("MODELCOST_EXAMPLES");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static inline CostProject *
cost_test_load_example (const char *name)
{
  g_autofree char *path = cost_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

#define COST_TEST_N_CATEGORIES 20
#define COST_TEST_N_ITEMS      10000
#define COST_TEST_N_SCENARIOS  10

/* The synthetic project of the benchmarks and of the large-file tests:
 * COST_TEST_N_ITEMS items in COST_TEST_N_CATEGORIES categories, with every
 * kind of price, and COST_TEST_N_SCENARIOS scenarios of 200 overrides. */
static inline CostProject *
cost_test_make_large_project (const char *title)
{
  CostProject *project = cost_project_new ();
  GRand *rand = g_rand_new_with_seed (42);

  cost_project_set_title (project, title, NULL);
  cost_project_set_horizon (project, 36, NULL);

  for (int c = 0; c < COST_TEST_N_CATEGORIES; c++)
    {
      g_autofree char *cid = g_strdup_printf ("category-%d", c);
      g_autofree char *cname = g_strdup_printf ("Category %d", c);
      g_autoptr(CostCategory) category = cost_category_new (cid, cname);

      cost_category_set_factor (category, 0.8 + 0.02 * c, NULL);
      for (int i = 0; i < COST_TEST_N_ITEMS / COST_TEST_N_CATEGORIES; i++)
        {
          g_autofree char *iid = g_strdup_printf ("item-%d-%d", c, i);
          g_autofree char *iname = g_strdup_printf ("Line item %d of category %d", i, c);
          g_autoptr(CostItem) item = cost_item_new (iid, iname);
          guint32 kind = g_rand_int_range (rand, 0, 10);

          cost_item_set_quantity (item, g_rand_int_range (rand, 1, 500), NULL);
          cost_item_set_unit (item, "unit", NULL);
          cost_item_set_unit_price (item, g_rand_double_range (rand, 0.5, 20000), NULL);
          cost_item_set_period (item, kind < 5 ? COST_PERIOD_MONTH : kind < 7 ? COST_PERIOD_HOUR :
                                kind < 8 ? COST_PERIOD_YEAR : COST_PERIOD_ONCE, NULL);
          if (kind == 9)
            cost_item_set_amortize_months (item, 36, NULL);
          if (kind % 3 == 0)
            cost_item_set_monthly_growth (item, g_rand_double_range (rand, 0, 0.05), NULL);
          cost_item_set_active_months (item, g_rand_int_range (rand, 0, 12),
                                       kind == 4 ? 30 : -1, NULL);
          cost_item_set_price_source (item, "Synthetic price list", NULL);
          cost_item_set_price_as_of (item, "2026-10-01", NULL);
          cost_category_add_item (category, item);
        }
      cost_project_add_category (project, category);
    }

  for (int s = 0; s < COST_TEST_N_SCENARIOS; s++)
    {
      g_autofree char *sid = g_strdup_printf ("scenario-%d", s);
      g_autofree char *sname = g_strdup_printf ("Scenario %d", s);
      g_autoptr(CostScenario) scenario = cost_scenario_new (sid, sname);

      for (int k = 0; k < 200; k++)
        {
          g_autofree char *iid = g_strdup_printf ("item-%d-%d", g_rand_int_range (rand, 0, COST_TEST_N_CATEGORIES),
                                                  g_rand_int_range (rand, 0, COST_TEST_N_ITEMS / COST_TEST_N_CATEGORIES));
          CostOverride o = { .fields = COST_OVERRIDE_QUANTITY, .quantity = g_rand_int_range (rand, 1, 100) };

          cost_scenario_set_override (scenario, iid, &o, NULL);
        }
      cost_scenario_set_factor (scenario, "category-3", 0.7, NULL);
      cost_scenario_set_excluded (scenario, "item-5-5", TRUE);
      cost_project_add_scenario (project, scenario);
    }

  g_rand_free (rand);

  return project;
}
