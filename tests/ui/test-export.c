/* test-export.c
 *
 * Exports from the window: they are of the scenario the window shows, and
 * say so. The PDFs are read back with pdftotext (poppler-utils).
 * Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cost-export-dialog.h"
#include "cost-export.h"
#include "window-fixture.h"

/* The text of @pdf, as pdftotext reads it (one line per line of text). */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* Logs @text line by line, to show what a failed check read. */
static void
show_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("| %s", lines[i]);
}

/* The line of @text that holds @label, or NULL. */
static char *
line_with (const char *text,
           const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], label) != NULL)
        return g_strdup (lines[i]);
    }

  return NULL;
}

static char *
export_to (Fixture    *f,
           const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cost_window_export (f->window, file, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* With a scenario selected, the PDF from the window is that scenario's:
 * its name above the title and in the facts, its run-rate in the figures. */
static void
test_pdf_scenario (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kicker = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *int8_rate = money (325000);
  g_autofree char *baseline_rate = money (375000);
  g_autofree char *baseline_text = NULL;

  g_object_set (f->window, "scenario-id", "int8", NULL);
  path = export_to (f, "int8.pdf");
  text = pdf_text (path);
  show_text (text);

  kicker = line_with (text, "Cost report");
  g_assert_nonnull (kicker);
  g_assert_nonnull (strstr (kicker, "Scenario: INT8 quantization"));
  /* The key figures: the run-rate tile is the first on its line. */
  figures = line_with (text, int8_rate);
  g_assert_nonnull (figures);
  g_assert_true (strstr (figures, int8_rate) < (strstr (figures, baseline_rate) ?
                                               strstr (figures, baseline_rate) : figures + strlen (figures)));
  g_assert_null (strstr (text, "Scenario: Baseline"));

  /* Back on the baseline, the same export is the baseline's. */
  g_object_set (f->window, "scenario-id", "", NULL);
  g_remove (path);
  g_free (path);
  path = export_to (f, "baseline.pdf");
  baseline_text = pdf_text (path);
  g_assert_nonnull (strstr (baseline_text, "Scenario: Baseline"));
  g_free (figures);
  figures = line_with (baseline_text, "Monthly run-rate");
  g_assert_nonnull (figures);
  g_free (figures);
  figures = line_with (baseline_text, baseline_rate);
  g_assert_nonnull (figures);
}

/* Printing prints the scenario shown, too. */
static void
test_print_scenario (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rate = money (325000);

  g_object_set (f->window, "scenario-id", "int8", NULL);
  g_assert_true (cost_window_print (f->window, file, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Scenario: INT8 quantization"));
  g_assert_nonnull (strstr (text, rate));
}

/* The CSV from the window has the rows of the scenario shown. */
static void
test_csv_scenario (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_object_set (f->window, "scenario-id", "int8", NULL);
  path = export_to (f, "int8.csv");
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "INT8 quantization,"));
}

/* The names an export suggests say the project and the scenario, without
 * what file systems refuse. */
static void
test_suggested_name (Fixture       *f,
                     gconstpointer  data)
{
  CostProject *project = cost_window_get_project (f->window);
  CostScenario *int8 = cost_project_find_scenario (project, "int8", NULL);
  g_autofree char *name = cost_export_suggest_name (project, int8, ".pdf");
  g_autofree char *baseline = cost_export_suggest_name (project, NULL, ".png");
  g_autofree char *odd = cost_export_make_file_name ("  GPU/CPU: plan *2027* ", ".modelcost");

  g_assert_cmpstr (name, ==, "Reference case — e-commerce search and recommendation — INT8 quantization.pdf");
  g_assert_cmpstr (baseline, ==, "Reference case — e-commerce search and recommendation — Baseline.png");
  g_assert_cmpstr (odd, ==, "GPU-CPU — plan 2027.modelcost");
}

/* The export dialog opens on the scenario the window shows; with another
 * chosen, the PDF it writes and the name it proposes are that scenario's;
 * with every scenario, the report names them all. */
static void
test_dialog_scenario (Fixture       *f,
                      gconstpointer  data)
{
  CostProject *project = cost_window_get_project (f->window);
  CostScenario *reserved = cost_project_find_scenario (project, "reserved", NULL);
  CostExportDialog *dialog;
  g_autofree char *path = g_build_filename (f->dir, "dialog.pdf", NULL);
  g_autofree char *all_path = g_build_filename (f->dir, "all.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) all_file = g_file_new_for_path (all_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *kicker = NULL;
  g_autofree char *reserved_rate = money (335000);
  g_autofree char *int8_rate = money (325000);

  g_object_set (f->window, "scenario-id", "int8", NULL);
  dialog = cost_export_dialog_new (f->window, "pdf", NULL);
  g_object_ref_sink (dialog);

  name = cost_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Reference case — e-commerce search and recommendation — INT8 quantization.pdf");
  g_free (name);

  /* Reserved GPUs: 335,000 a month, the GPUs at 60% of their price. */
  cost_export_dialog_set_scenario (dialog, reserved, FALSE);
  cost_export_dialog_set_paper (dialog, "letter");
  name = cost_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Reference case — e-commerce search and recommendation — Reserved GPUs.pdf");
  g_assert_true (cost_export_dialog_export (dialog, file, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  kicker = line_with (text, "Cost report");
  g_assert_nonnull (kicker);
  g_assert_nonnull (strstr (kicker, "Scenario: Reserved GPUs"));
  g_assert_nonnull (line_with (text, reserved_rate));
  /* The window still shows INT8: only the export changed scenario. */
  {
    g_autofree char *shown = NULL;

    g_object_get (f->window, "scenario-id", &shown, NULL);
    g_assert_cmpstr (shown, ==, "int8");
  }

  cost_export_dialog_set_scenario (dialog, NULL, TRUE);
  g_free (name);
  name = cost_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Reference case — e-commerce search and recommendation — All scenarios.pdf");
  g_assert_true (cost_export_dialog_export (dialog, all_file, &error));
  g_assert_no_error (error);
  all_text = pdf_text (all_path);
  g_assert_nonnull (strstr (all_text, "All scenarios"));
  g_assert_nonnull (line_with (all_text, reserved_rate));
  g_assert_nonnull (line_with (all_text, int8_rate));

  /* Every scenario is for the report only: slides are of one. */
  cost_export_dialog_set_format (dialog, "slides");
  g_free (name);
  name = cost_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, "Reference case — e-commerce search and recommendation — INT8 quantization — Slides.pdf");

  /* A chart at a size offered, twice as sharp by default. */
  cost_export_dialog_set_format (dialog, "png");
  cost_export_dialog_set_size (dialog, 1280, 720);
  {
    g_autofree char *png_path = g_build_filename (f->dir, "chart.png", NULL);
    g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
    cairo_surface_t *image;

    g_assert_true (cost_export_dialog_export (dialog, png_file, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png_path);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * 1280);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2 * 720);
    cairo_surface_destroy (image);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Waits until the page shown is on screen: the window lays its pages out
 * in a frame after it is presented. */
static void
wait_for_page (Fixture *f)
{
  GtkStack *stack = window_child (f, "stack");

  while (!gtk_widget_get_mapped (gtk_stack_get_visible_child (stack)))
    g_main_context_iteration (NULL, TRUE);
}

static void
show_page (Fixture    *f,
           const char *page)
{
  cost_window_show_page (f->window, page);
  wait_for_page (f);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* What `modelcost --export --chart ID --scale 2` writes for the scenario shown. */
static GBytes *
cli_chart (Fixture    *f,
           const char *chart,
           const char *name)
{
  CostProject *project = cost_window_get_project (f->window);
  CostDocument *document = cost_window_get_document (f->window);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostExportOptions options = {
    .scenario = cost_document_get_scenario (document),
    .chart = chart,
    .scale = 2,
  };

  g_assert_true (cost_export_file (project, file, &options, &error));
  g_assert_no_error (error);

  return file_bytes (path);
}

static void
assert_png_size (GBytes *png,
                 int     width,
                 int     height)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

/* "Chart as PNG…" writes the chart of the page shown: the one the page
 * draws, the same as the command line's chart of that name, at twice the
 * default size. */
static void
test_chart_of_page (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *page;
    const char *view;    /* NULL: the page's first chart */
    const char *chart;   /* the command line's name for it */
    CostChartKind kind;
  } pages[] = {
    { "summary", NULL, "donut", COST_CHART_DONUT },
    { "summary", "stacked", "stacked", COST_CHART_STACKED },
    { "comparison", NULL, "comparison", COST_CHART_WATERFALL },
    { "sensitivity", NULL, "tornado", COST_CHART_TORNADO },
    { "projection", NULL, "monthly", COST_CHART_STACKED },
  };
  g_autoptr(GPtrArray) exported = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  g_object_set (f->window, "scenario-id", "int8", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.png", pages[i].page, i);
      g_autofree char *cli_name = g_strdup_printf ("cli-%s.png", pages[i].chart);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) cli = NULL;
      GBytes *png;
      CostChartView *view;

      g_test_message ("%s: %s", pages[i].page, pages[i].chart);
      show_page (f, pages[i].page);
      view = cost_window_get_chart (f->window, pages[i].view);
      g_assert_nonnull (view);
      g_assert_cmpint (cost_chart_view_get_kind (view), ==, pages[i].kind);

      g_assert_true (cost_window_export (f->window, file, pages[i].view, &error));
      g_assert_no_error (error);
      png = file_bytes (path);
      g_ptr_array_add (exported, png);
      assert_png_size (png, 2560, 1600);

      cli = cli_chart (f, pages[i].chart, cli_name);
      g_assert_true (g_bytes_equal (png, cli));

      for (guint j = 0; j < i; j++)
        g_assert_false (g_bytes_equal (png, g_ptr_array_index (exported, j)));
    }

  /* A page without a chart exports the donut. */
  cost_window_select_category (f->window, cost_project_find_category (cost_window_get_project (f->window),
                                                                      "compute", NULL));
  wait_for_page (f);
  g_assert_null (cost_window_get_chart (f->window, NULL));
  {
    g_autofree char *path = export_to (f, "category.png");
    g_autoptr(GBytes) png = file_bytes (path);

    g_assert_true (g_bytes_equal (png, g_ptr_array_index (exported, 0)));
  }
}

/* A chart's context menu copies it to the clipboard as an image, the size
 * of an export. */
static void
test_copy_chart (Fixture       *f,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkContentProvider *content;
  GdkTexture *texture;
  CostChartView *view;

  show_page (f, "sensitivity");
  view = cost_window_get_chart (f->window, NULL);
  g_assert_nonnull (view);
  g_assert_null (gdk_clipboard_get_content (clipboard));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.copy", NULL));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2560);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1600);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/export/pdf-scenario", Fixture, NULL, window_fixture_set_up, test_pdf_scenario,
              window_fixture_tear_down);
  g_test_add ("/ui/export/print-scenario", Fixture, NULL, window_fixture_set_up, test_print_scenario,
              window_fixture_tear_down);
  g_test_add ("/ui/export/csv-scenario", Fixture, NULL, window_fixture_set_up, test_csv_scenario,
              window_fixture_tear_down);
  g_test_add ("/ui/export/dialog-scenario", Fixture, NULL, window_fixture_set_up, test_dialog_scenario,
              window_fixture_tear_down);
  g_test_add ("/ui/export/suggested-name", Fixture, NULL, window_fixture_set_up, test_suggested_name,
              window_fixture_tear_down);

  g_test_add ("/ui/export/chart-of-page", Fixture, NULL, window_fixture_set_up, test_chart_of_page,
              window_fixture_tear_down);
  g_test_add ("/ui/export/copy-chart", Fixture, NULL, window_fixture_set_up, test_copy_chart,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
