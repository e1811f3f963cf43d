/* test-one-time.c
 *
 * Items paid once: their money shows where their category's does, and
 * their form offers only what applies to them. Needs a display (the suite
 * runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cost-sidebar-row.h"
#include "window-fixture.h"

/* Chooses @period in the item's form, as a user does. */
static CostItemRow *
choose_period (Fixture    *f,
               const char *item_id,
               CostPeriod  period)
{
  CostItemRow *row = window_item_row (f, item_id);

  adw_combo_row_set_selected (ADW_COMBO_ROW (cost_item_row_get_field (row, "period")), period);
  g_assert_cmpint (cost_item_get_period (cost_item_row_get_item (row)), ==, period);

  return row;
}

static const char *
sidebar_amount (Fixture    *f,
                const char *category_id)
{
  CostCategory *category = cost_project_find_category (cost_window_get_project (f->window), category_id, NULL);

  return cost_sidebar_row_get_amount (COST_SIDEBAR_ROW (cost_window_get_sidebar_row (f->window, category)));
}

/* A category whose items are all paid once shows what they cost, once;
 * one with monthly items too shows both. */
static void
test_category_amount (Fixture       *f,
                      gconstpointer  data)
{
  CostCategoryPage *page = cost_window_get_category_page (f->window);
  GtkWidget *summary = page_child (page, "summary_label");
  g_autofree char *data_once = money (3000);
  g_autofree char *data_sidebar = g_strdup_printf ("%s once", data_once);
  g_autofree char *compute_monthly = money (7000);
  g_autofree char *gpu_once = money (100000);
  g_autofree char *compute_period = g_strdup_printf ("per month + %s once", gpu_once);
  g_autofree char *compute_total = money (107000);

  /* Data: 10 TB × ¥100, 5 TB × ¥200 and 20 TB × ¥50, each once. */
  choose_period (f, "data-collection", COST_PERIOD_ONCE);
  choose_period (f, "data-cleaning", COST_PERIOD_ONCE);
  choose_period (f, "data-storage", COST_PERIOD_ONCE);
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, data_once);
  g_assert_cmpstr (cost_category_page_get_period (page), ==, "once");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (summary)), "paid once"));
  g_assert_cmpstr (sidebar_amount (f, "data"), ==, data_sidebar);

  /* Compute: the GPUs bought once, storage and bandwidth still monthly. */
  choose_period (f, "gpu", COST_PERIOD_ONCE);
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, compute_monthly);
  g_assert_cmpstr (cost_category_page_get_period (page), ==, compute_period);
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, compute_monthly);

  /* Spread over months, the amount is in the run-rate instead. */
  cost_item_set_amortize_months (cost_project_find_item (cost_window_get_project (f->window), "gpu", NULL), 10, NULL);
  g_assert_cmpstr (cost_category_page_get_period (page), ==, "per month");

  /* Back to monthly: as it was. */
  choose_period (f, "gpu", COST_PERIOD_MONTH);
  g_assert_cmpstr (cost_category_page_get_subtotal (page), ==, compute_total);
  g_assert_cmpstr (cost_category_page_get_period (page), ==, "per month");
  g_assert_cmpstr (sidebar_amount (f, "compute"), ==, compute_total);
}

/* A one-time amount has no end month and does not grow: the form does not
 * ask; it asks how many months to spread it over instead. */
static void
test_form_rows (Fixture       *f,
                gconstpointer  data)
{
  CostItemRow *row = window_item_row (f, "gpu");
  GtkWidget *open_end = cost_item_row_get_field (row, "open-end");
  GtkWidget *growth = cost_item_row_get_field (row, "monthly-growth");
  GtkWidget *amortize = cost_item_row_get_field (row, "amortize-months");

  g_assert_true (gtk_widget_get_visible (open_end));
  g_assert_true (gtk_widget_get_visible (growth));
  g_assert_false (gtk_widget_get_visible (amortize));

  choose_period (f, "gpu", COST_PERIOD_ONCE);
  g_assert_false (gtk_widget_get_visible (open_end));
  g_assert_false (gtk_widget_get_visible (cost_item_row_get_field (row, "end-month")));
  g_assert_false (gtk_widget_get_visible (growth));
  g_assert_true (gtk_widget_get_visible (amortize));

  choose_period (f, "gpu", COST_PERIOD_YEAR);
  g_assert_true (gtk_widget_get_visible (open_end));
  g_assert_true (gtk_widget_get_visible (growth));
  g_assert_false (gtk_widget_get_visible (amortize));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/one-time/category-amount", Fixture, NULL, window_fixture_set_up, test_category_amount,
              window_fixture_tear_down);
  g_test_add ("/ui/one-time/form-rows", Fixture, NULL, window_fixture_set_up, test_form_rows,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
