/* test-present.c
 *
 * Which scenario is shown, said where a manager looks: the header bar's
 * scenario button never cuts its name, and presentation slides name their
 * scenario, count the same slides whichever it is, and show the change
 * under each key figure whole. Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cost-presentation.h"
#include "window-fixture.h"

/* Waits until @window is laid out at the size it opened at: @width ×
 * @height, less the frame kept for resizing when there is no compositor. */
static void
wait_for_size (GtkWindow *window,
               int        width,
               int        height)
{
  while (gtk_widget_get_width (GTK_WIDGET (window)) == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, width - 20);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, height - 20);
}

/* The window opens at the width of the test's data, as a user's window
 * opens at the size it was closed at. */
static void
sized_set_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_int (settings, "window-width", GPOINTER_TO_INT (data));
  g_settings_set_int (settings, "window-height", 600);
  window_fixture_open (f);
  wait_for_size (GTK_WINDOW (f->window), GPOINTER_TO_INT (data), 600);
}

/* Runs the main loop until the frames due now are drawn: the layout
 * follows a change of text in the next frame. */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  gtk_widget_queue_allocate (widget);
  while (gdk_frame_clock_get_frame_counter (clock) < frame + 2)
    g_main_context_iteration (NULL, TRUE);
}

/* @label shows all its text, inside the window. */
static void
assert_whole (GtkWidget *label)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (label));
  graphene_rect_t bounds;
  int natural;

  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
}

/* The scenario button shows the whole name of each scenario at the
 * window's default width and at 800 pixels, where the sidebar folds. */
static void
test_scenario_button (Fixture       *f,
                      gconstpointer  data)
{
  static const char *ids[] = { "", "int8", "reserved" };
  GtkWidget *label = window_child (f, "scenario_label");

  /* The content, as a click in the folded sidebar shows it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "summary");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_test_message ("scenario “%s”", ids[i]);
      g_object_set (f->window, "scenario-id", ids[i], NULL);
      settle (label);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       i == 0 ? "Baseline" : i == 1 ? "INT8 quantization" : "Reserved GPUs");
      assert_whole (label);
    }
}

static void
find_labels (GtkWidget  *widget,
             const char *text,
             GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels (child, text, found);
}

static GtkWidget *
presentation_child (GtkWidget  *presentation,
                    const char *name)
{
  GObject *child = gtk_widget_get_template_child (presentation, COST_TYPE_PRESENTATION, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Every slide names its scenario; the counter counts the same slides for
 * each scenario; the change under each key figure is shown whole at
 * 1280 × 800. */
static void
test_slides (Fixture       *f,
             gconstpointer  data)
{
  CostProject *project = cost_window_get_project (f->window);
  GtkWidget *presentation = cost_presentation_new (project);
  CostPresentation *self = COST_PRESENTATION (presentation);
  GtkWidget *scenario = presentation_child (presentation, "scenario_label");
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (presentation), 1280, 800);
  gtk_window_present (GTK_WINDOW (presentation));
  wait_for_size (GTK_WINDOW (presentation), 1280, 800);

  cost_presentation_set_scenario (self, cost_project_find_scenario (project, "int8", NULL));
  settle (presentation);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scenario)), ==, "Scenario: INT8 quantization");
  assert_whole (scenario);
  g_assert_cmpstr (cost_presentation_get_position (self), ==, "1 / 5");

  /* The key figures' changes from the baseline: whole, on two lines at most. */
  find_labels (presentation, "vs the baseline", changes);
  g_assert_cmpuint (changes->len, ==, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (g_ptr_array_index (changes, i));

      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
    }

  /* Up to the baseline: the same slide of the same count. */
  cost_presentation_step (self, 0, -1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scenario)), ==, "Scenario: Baseline");
  g_assert_cmpstr (cost_presentation_get_position (self), ==, "1 / 5");

  /* The last slide, the comparison, is there for the baseline too; moving
   * through the scenarios keeps it. */
  cost_presentation_step (self, 10, 0);
  g_assert_cmpstr (cost_presentation_get_position (self), ==, "5 / 5");
  for (guint i = 0; i < 3; i++)
    {
      cost_presentation_step (self, 0, 1);
      g_assert_cmpstr (cost_presentation_get_position (self), ==, "5 / 5");
    }
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (scenario)), ==, "Scenario: Reserved GPUs");

  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* A presentation started from the window opens on the scenario it shows. */
static void
test_present_from_window (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  CostPresentation *presentation = NULL;

  g_object_set (f->window, "scenario-id", "reserved", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (COST_IS_PRESENTATION (window))
        presentation = COST_PRESENTATION (window);
    }
  g_assert_nonnull (presentation);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (presentation_child (GTK_WIDGET (presentation), "scenario_label"))),
                   ==, "Scenario: Reserved GPUs");
  gtk_window_destroy (GTK_WINDOW (presentation));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/present/scenario-button/default-width", Fixture, GINT_TO_POINTER (1100), sized_set_up,
              test_scenario_button, window_fixture_tear_down);
  g_test_add ("/ui/present/scenario-button/800", Fixture, GINT_TO_POINTER (800), sized_set_up,
              test_scenario_button, window_fixture_tear_down);
  g_test_add ("/ui/present/slides", Fixture, NULL, window_fixture_set_up, test_slides,
              window_fixture_tear_down);
  g_test_add ("/ui/present/from-window", Fixture, NULL, window_fixture_set_up, test_present_from_window,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
