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

  g_assert_true (cost_window_export (f->window, file, &error));
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
  g_test_add ("/ui/export/suggested-name", Fixture, NULL, window_fixture_set_up, test_suggested_name,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
