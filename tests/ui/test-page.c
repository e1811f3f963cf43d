/* test-page.c
 *
 * What the pages share (CostPage): a page that is not on screen lets its
 * figures go stale and catches up when it shows again, and a page given
 * another document no longer follows the previous one. Needs a display
 * (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-projection-page.h"
#include "cost-scenario-text.h"
#include "cost-sensitivity-page.h"
#include "cost-table.h"
#include "cost-window.h"
#include "cost-test-util.h"

#include "window-fixture.h"

/* Every refresh builds the table anew: a cell still in it shows that the
 * page was not refreshed since. */
static GtkWidget *
first_cell (GtkGrid *table)
{
  GtkWidget *cell = gtk_grid_get_child_at (table, 0, 1);

  g_assert_nonnull (cell);
  return g_object_ref (cell);
}

static void
wait_for_mapped (gpointer widget,
                 gboolean mapped)
{
  while (gtk_widget_get_mapped (widget) != mapped)
    g_main_context_iteration (NULL, TRUE);
}

/* The subtitle the projection page shows for the baseline of the
 * reference project: "Baseline · 12 months · ¥4,500,000 in all". */
static char *
projection_subtitle (double total)
{
  g_autofree char *text = money (total);

  return g_strdup_printf ("Baseline · 12 months · %s in all", text);
}

/* A page hidden behind another keeps what it showed while the figures
 * change, and shows the new ones as soon as it is shown again. */
static void
test_hidden_page_catches_up (Fixture       *f,
                             gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_document_get_project (document);
  CostProjectionPage *page = window_child (f, "projection_page");
  GtkLabel *subtitle = page_child (page, "subtitle_label");
  GtkGrid *table = page_child (page, "table");
  CostChartView *chart = page_child (page, "chart_view");
  g_autoptr(CostChartDataset) drawn = NULL;
  g_autoptr(GtkWidget) cell = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *total_before = NULL;
  g_autofree char *total_after = NULL;
  double horizon_total;

  /* Shown: the page has the document's figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "projection"));
  wait_for_mapped (page, TRUE);
  horizon_total = cost_document_get_result (document)->horizon_total;
  before = projection_subtitle (horizon_total);
  total_before = money (horizon_total);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, before);
  g_assert_cmpstr (cost_table_get_text (table, 2, 13), ==, total_before);
  g_assert_false (cost_page_get_stale (COST_PAGE (page)));

  /* Hidden behind the summary, the page does not follow an edit: it
   * shows the figures of before, and the chart is not drawn again. */
  cost_window_select_category (f->window, NULL);
  wait_for_mapped (page, FALSE);
  drawn = cost_chart_dataset_ref (cost_chart_view_get_dataset (chart));
  cell = first_cell (table);
  g_assert_true (cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 1000, NULL));
  g_assert_cmpfloat (cost_document_get_result (document)->horizon_total, >, horizon_total);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, before);
  g_assert_cmpstr (cost_table_get_text (table, 2, 13), ==, total_before);
  g_assert_true (cost_chart_view_get_dataset (chart) == drawn);
  g_assert_true (gtk_widget_get_parent (cell) == GTK_WIDGET (table));
  g_assert_true (cost_page_get_stale (COST_PAGE (page)));

  /* Shown again: the new figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "projection"));
  wait_for_mapped (page, TRUE);
  horizon_total = cost_document_get_result (document)->horizon_total;
  after = projection_subtitle (horizon_total);
  total_after = money (horizon_total);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, after);
  g_assert_cmpstr (cost_table_get_text (table, 2, 13), ==, total_after);
  g_assert_cmpstr (after, !=, before);
  g_assert_false (cost_page_get_stale (COST_PAGE (page)));
  g_assert_true (cost_chart_view_get_dataset (chart) != drawn);
  g_assert_null (gtk_widget_get_parent (cell));
}

/* The projection's months: numbered without a start month, calendar
 * months from it (the reference project runs 12 months: from March 2027
 * its last is February 2028). */
static void
test_projection_months (Fixture       *f,
                        gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_document_get_project (document);
  CostProjectionPage *page = window_child (f, "projection_page");
  GtkGrid *table = page_child (page, "table");
  CostChartView *chart = page_child (page, "chart_view");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "projection"));
  wait_for_mapped (page, TRUE);
  g_assert_cmpstr (cost_table_get_text (table, 0, 1), ==, "Month 1");
  g_assert_cmpstr (cost_table_get_text (table, 0, 12), ==, "Month 12");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (cost_chart_view_get_dataset (chart), 0), ==, "M1");

  g_assert_true (cost_project_set_start (project, "2027-03", NULL));
  while (g_strcmp0 (cost_table_get_text (table, 0, 1), "Mar 2027") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (cost_table_get_text (table, 0, 12), ==, "Feb 2028");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (cost_chart_view_get_dataset (chart), 11), ==, "Feb 2028");
}

/* The Comparison page's budget cell names months as the projection does.
 * The reference project costs ¥375,000 every month: against a monthly
 * budget of ¥300,000 it is ¥75,000 over from the first month; against an
 * annual budget of ¥4,000,000 its first year of ¥4,500,000 is ¥500,000
 * over, and 11 × ¥375,000 = ¥4,125,000 crosses it in the eleventh month:
 * from March 2027, January 2028. */
static void
test_budget_cell_months (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autofree char *monthly = NULL;
  g_autofree char *monthly_calendar = NULL;
  g_autofree char *annual = NULL;
  g_autofree char *annual_calendar = NULL;
  g_autofree char *over = money (75000);
  g_autofree char *over_year = money (500000);
  g_autofree char *expected = NULL;

  g_assert_true (cost_project_set_monthly_budget (project, 300000, NULL));
  monthly = cost_scenario_text_budget_cell (project, result);
  expected = g_strdup_printf ("%s over from M1", over);
  g_assert_cmpstr (monthly, ==, expected);
  g_clear_pointer (&expected, g_free);

  g_assert_true (cost_project_set_start (project, "2027-03", NULL));
  monthly_calendar = cost_scenario_text_budget_cell (project, result);
  expected = g_strdup_printf ("%s over from Mar 2027", over);
  g_assert_cmpstr (monthly_calendar, ==, expected);
  g_clear_pointer (&expected, g_free);

  g_assert_true (cost_project_set_monthly_budget (project, 0, NULL));
  g_assert_true (cost_project_set_annual_budget (project, 4000000, NULL));
  annual_calendar = cost_scenario_text_budget_cell (project, result);
  expected = g_strdup_printf ("%s over, used up in Jan 2028", over_year);
  g_assert_cmpstr (annual_calendar, ==, expected);
  g_clear_pointer (&expected, g_free);

  g_assert_true (cost_project_set_start (project, NULL, NULL));
  annual = cost_scenario_text_budget_cell (project, result);
  expected = g_strdup_printf ("%s over, used up in M11", over_year);
  g_assert_cmpstr (annual, ==, expected);
}

/* "Baseline · run-rate ¥375,000 a month", as the sensitivity page says. */
static char *
sensitivity_subtitle (double run_rate)
{
  g_autofree char *text = money (run_rate);

  return g_strdup_printf ("Baseline · run-rate %s a month", text);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A page given another document follows that one only: an edit of the
 * previous document changes nothing on the page. */
static void
test_document_change (void)
{
  g_autoptr(CostProject) first = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostProject) second = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostDocument) one = cost_document_new_view (first);
  g_autoptr(CostDocument) other = cost_document_new_view (second);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cost_sensitivity_page_new ();
  GtkLabel *subtitle = page_child (page, "subtitle_label");
  CostChartView *chart = page_child (page, "chart_view");
  GtkGrid *table = page_child (page, "table");
  g_autoptr(GtkWidget) cell = NULL;
  g_autofree char *at_100 = sensitivity_subtitle (375000);
  g_autofree char *at_1000 = sensitivity_subtitle (1275000);
  guint notified = 0;

  g_signal_connect (page, "notify::document", G_CALLBACK (on_notify_cb), &notified);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (page, TRUE);

  g_assert_true (cost_item_set_quantity (cost_project_find_item (second, "gpu", NULL), 1000, NULL));

  g_object_set (page, "document", one, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (cost_sensitivity_page_get_document (COST_SENSITIVITY_PAGE (page)) == one);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, at_100);

  cost_sensitivity_page_set_document (COST_SENSITIVITY_PAGE (page), other);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (cost_page_get_document (COST_PAGE (page)) == other);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, at_1000);
  g_assert_cmpstr (cost_table_get_text (table, 0, 1), ==, "GPUs");

  /* The previous document is edited: the page neither refreshes nor changes. */
  cell = first_cell (table);
  g_assert_true (cost_item_set_quantity (cost_project_find_item (first, "gpu", NULL), 10, NULL));
  g_assert_true (gtk_widget_get_parent (cell) == GTK_WIDGET (table));
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, at_1000);

  /* Its own document is edited: the page follows. */
  g_assert_true (cost_item_set_quantity (cost_project_find_item (second, "gpu", NULL), 100, NULL));
  g_assert_null (gtk_widget_get_parent (cell));
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, at_100);

  /* Without a document, the page is empty and follows neither. */
  cost_sensitivity_page_set_document (COST_SENSITIVITY_PAGE (page), NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_null (cost_chart_view_get_dataset (chart));
  g_assert_null (cost_table_get_text (table, 0, 0));
  g_assert_true (cost_item_set_quantity (cost_project_find_item (second, "gpu", NULL), 1000, NULL));
  g_assert_null (cost_chart_view_get_dataset (chart));

  /* The same document again is no change. */
  cost_sensitivity_page_set_document (COST_SENSITIVITY_PAGE (page), NULL);
  g_assert_cmpuint (notified, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/page/hidden-catches-up", Fixture, NULL,
              window_fixture_set_up, test_hidden_page_catches_up, window_fixture_tear_down);
  g_test_add_func ("/ui/page/budget-cell-months", test_budget_cell_months);
  g_test_add ("/ui/page/projection-months", Fixture, NULL,
              window_fixture_set_up, test_projection_months, window_fixture_tear_down);
  g_test_add_func ("/ui/page/document-change", test_document_change);

  status = g_test_run ();

  g_rmdir (home);
  return status;
}
