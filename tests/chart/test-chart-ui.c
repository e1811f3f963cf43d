/* test-chart-ui.c: the chart widgets on a display (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-presentation.h"
#include "cost-summary-page.h"
#include "cost-test-util.h"

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Lets the frame clock paint what has been queued (if anything was: a
 * widget that forgets to queue a redraw keeps showing its old image). */
static void
wait_for_paint (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  /* Blocking iterations: the frame clock's own timer wakes the loop. A
   * widget that never paints leaves the test to meson's time-out. */
  while (!gtk_widget_get_realized (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* What @widget showed in the last frame, in an image of its size. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (width, ==, gtk_widget_get_width (widget));
  g_assert_cmpint (height, ==, gtk_widget_get_height (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (row + (int) x * 4) & 0xffffff;
}

/* The ring's centre and radius, from its slices' boxes. */
static void
ring_geometry (CostChartLayout *layout,
               double          *cx,
               double          *cy,
               double          *radius)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), >, 0);
  for (guint i = 0; i < cost_chart_layout_get_n_targets (layout); i++)
    {
      CostChartRect r;

      cost_chart_layout_get_target (layout, i, NULL, &r);
      x0 = MIN (x0, r.x);
      y0 = MIN (y0, r.y);
      x1 = MAX (x1, r.x + r.width);
    }

  *radius = (x1 - x0) / 2;
  *cx = x0 + *radius;
  *cy = y0 + *radius;
}

static double
value_of (CostChartDataset *dataset,
          guint             group,
          const char       *series_id)
{
  for (guint s = 0; s < cost_chart_dataset_get_n_series (dataset); s++)
    {
      if (g_strcmp0 (cost_chart_dataset_get_series_id (dataset, s), series_id) == 0)
        return cost_chart_dataset_get_value (dataset, group, s);
    }

  g_assert_not_reached ();
}

static void
on_category_activated_cb (CostSummaryPage  *page,
                          const char       *category_id,
                          char            **out)
{
  g_free (*out);
  *out = g_strdup (category_id);
}

/* The summary follows an edit of the model: data, figures and pixels. */
static void
test_summary_follows_edits (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cost_summary_page_new ();
  CostChartView *donut, *stacked;
  GtkLabel *run_rate;
  cairo_surface_t *before, *after;
  double cx, cy, radius;
  g_autofree char *expected = NULL;
  g_autofree char *activated = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  cost_summary_page_set_project (COST_SUMMARY_PAGE (page), project);
  gtk_window_present (GTK_WINDOW (window));

  donut = COST_CHART_VIEW (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "donut_view"));
  stacked = COST_CHART_VIEW (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "stacked_view"));
  run_rate = GTK_LABEL (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "run_rate_label"));
  wait_for_paint (GTK_WIDGET (donut));

  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (donut), 0, "compute"), ==, 107000);
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (cost_chart_view_get_dataset (stacked)), ==, 3);
  expected = cost_format_money (375000, "CNY", COST_FORMAT_WHOLE);
  g_assert_cmpstr (gtk_label_get_label (run_rate), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Straight down the ring is Labor (green). */
  before = render_widget (GTK_WIDGET (donut));
  ring_geometry (cost_chart_view_get_layout (donut), &cx, &cy, &radius);
  g_assert_cmphex (pixel_at (before, cx, cy + radius * 0.8), ==, 0x009e73);

  /* Ten times the GPUs: compute takes four fifths, straight down turns blue. */
  g_assert_true (cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 1000, NULL));

  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (donut), 0, "compute"), ==, 1007000);
  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (stacked), 0, "compute"), ==, 1007000);
  wait_for_paint (GTK_WIDGET (donut));
  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (stacked), 1, "compute"), ==, 57000);
  expected = cost_format_money (1275000, "CNY", COST_FORMAT_WHOLE);
  g_assert_cmpstr (gtk_label_get_label (run_rate), ==, expected);

  after = render_widget (GTK_WIDGET (donut));
  ring_geometry (cost_chart_view_get_layout (donut), &cx, &cy, &radius);
  g_assert_cmphex (pixel_at (after, cx, cy + radius * 0.8), ==, 0x0072b2);

  /* A slice chosen names its category. */
  g_signal_connect (page, "category-activated", G_CALLBACK (on_category_activated_cb), &activated);
  g_signal_emit_by_name (donut, "activated", 2, 0);
  g_assert_cmpstr (activated, ==, "labor");
  g_signal_emit_by_name (donut, "activated", COST_CHART_OTHER, 0);
  g_assert_cmpstr (activated, ==, "labor");

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A scenario: its figures, its change from the baseline; it goes when deleted. */
static void
test_summary_scenario (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cost_summary_page_new ();
  CostChartView *donut;
  GtkLabel *detail;
  g_autofree char *money = cost_format_money (50000, "CNY", COST_FORMAT_WHOLE);
  g_autofree char *percent = cost_format_percent (50000.0 / 375000.0);
  g_autofree char *expected = g_strdup_printf ("−%s (−%s) vs the baseline", money, percent);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_object_set (page, "project", project, "scenario", cost_project_get_scenario (project, 0), NULL);
  gtk_window_present (GTK_WINDOW (window));

  donut = COST_CHART_VIEW (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "donut_view"));
  detail = GTK_LABEL (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "run_rate_detail"));
  wait_for_paint (GTK_WIDGET (donut));

  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (donut), 0, "compute"), ==, 57000);
  g_assert_cmpstr (gtk_label_get_label (detail), ==, expected);

  cost_project_remove_scenario (project, 0);
  g_assert_null (cost_summary_page_get_scenario (COST_SUMMARY_PAGE (page)));
  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (donut), 0, "compute"), ==, 107000);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dark style: the chart follows it. */
static void
test_chart_view_dark (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = cost_summary_page_new ();
  CostChartView *donut;
  cairo_surface_t *light, *dark;
  double cx, cy, radius;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  cost_summary_page_set_project (COST_SUMMARY_PAGE (page), project);
  gtk_window_present (GTK_WINDOW (window));
  donut = COST_CHART_VIEW (gtk_widget_get_template_child (page, COST_TYPE_SUMMARY_PAGE, "donut_view"));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_paint (GTK_WIDGET (donut));
  light = render_widget (GTK_WIDGET (donut));
  ring_geometry (cost_chart_view_get_layout (donut), &cx, &cy, &radius);
  g_assert_cmphex (pixel_at (light, 3, 3), ==, 0xffffff);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_paint (GTK_WIDGET (donut));
  dark = render_widget (GTK_WIDGET (donut));
  g_assert_cmphex (pixel_at (dark, 3, 3), ==, 0x1e1e1e);
  /* The category's colour stays. */
  g_assert_cmphex (pixel_at (dark, cx, cy + radius * 0.8), ==, 0x009e73);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The presentation steps through the charts and the scenarios. */
static void
test_presentation (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  GtkWidget *window = cost_presentation_new (project);
  CostPresentation *presentation = COST_PRESENTATION (window);
  CostChartView *view;
  GtkLabel *position;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = COST_CHART_VIEW (gtk_widget_get_template_child (window, COST_TYPE_PRESENTATION, "chart_view"));
  position = GTK_LABEL (gtk_widget_get_template_child (window, COST_TYPE_PRESENTATION, "position_label"));
  wait_for_paint (GTK_WIDGET (view));

  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_DONUT);
  g_assert_cmpstr (gtk_label_get_label (position), ==, "1 / 5");

  cost_presentation_step (presentation, 1, 0);
  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_STACKED);
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (cost_chart_view_get_dataset (view)), ==, 3);

  cost_presentation_step (presentation, 2, 0);
  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_RANKED);

  /* The baseline compares with the first scenario, as the Comparison page does. */
  cost_presentation_step (presentation, 1, 0);
  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_WATERFALL);
  g_assert_cmpstr (gtk_label_get_label (position), ==, "5 / 5");
  g_assert_cmpfloat (cost_chart_dataset_get_value (cost_chart_view_get_dataset (view), 0, 1), ==, -50000);

  /* A scenario keeps the slide and the count: the comparison is its own. */
  cost_presentation_step (presentation, 0, 2);
  g_assert_cmpstr (gtk_label_get_label (position), ==, "5 / 5");
  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_WATERFALL);
  cost_presentation_step (presentation, 0, -1);
  g_assert_cmpfloat (cost_chart_dataset_get_value (cost_chart_view_get_dataset (view), 0, 1), ==, -50000);

  /* Back to the baseline and the first chart. */
  cost_presentation_step (presentation, -5, -5);
  g_assert_cmpint (cost_chart_view_get_kind (view), ==, COST_CHART_DONUT);

  /* Live: an edit shows at once. */
  g_assert_true (cost_item_set_quantity (cost_project_find_item (project, "gpu", NULL), 1000, NULL));
  g_assert_cmpfloat (value_of (cost_chart_view_get_dataset (view), 0, "compute"), ==, 1007000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* No accessibility bus under Xvfb. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/chart-ui/summary/follows-edits", test_summary_follows_edits);
  g_test_add_func ("/chart-ui/summary/scenario", test_summary_scenario);
  g_test_add_func ("/chart-ui/chart-view/dark", test_chart_view_dark);
  g_test_add_func ("/chart-ui/presentation/steps", test_presentation);

  return g_test_run ();
}
