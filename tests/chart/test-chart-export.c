/* test-chart-export.c: modelcost --export chart.png|chart.svg, as a script runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

static const char *locales[] = { "en_US.UTF-8", "zh_CN.UTF-8" };

static gboolean
locale_available (const char *locale)
{
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *copy = g_strdup (saved);
  gboolean ok = setlocale (LC_ALL, locale) != NULL;

  setlocale (LC_ALL, copy);

  return ok;
}

static char *
reference_path (void)
{
  return g_build_filename (g_getenv ("MODELCOST_EXAMPLES"), "reference.modelcost", NULL);
}

/* Runs modelcost with @args (NULL-terminated) in @locale; returns the exit status. */
static int
run_modelcost (const char  *locale,
               char       **err,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MODELCOST"));
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  envp = g_environ_setenv (envp, "LANG", locale, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, err, &status, &error);
  g_assert_no_error (error);

  if (!g_spawn_check_wait_status (status, NULL))
    return WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return 0;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A PNG of the size asked for, with the categories' colours in it. */
static void
check_png (const char *path,
           int         width,
           int         height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  gsize length;
  guint colored = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 16), ==, (guint32) width);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 20), ==, (guint32) height);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
        guint32 px = *(const guint32 *) (row + x * 4) & 0xffffff;

        colored += px == 0x009e73 || px == 0x0072b2;
      }
  g_assert_cmpuint (colored, >, (guint) (width * height / 4 / 50));
  cairo_surface_destroy (surface);
}

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  guint *elements = user_data;

  (*elements)++;
}

/* An SVG that parses as XML, with an svg root of the size asked for. */
static void
check_svg (const char *path,
           int         width,
           int         height)
{
  static const GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *data = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  guint elements = 0;
  const char *root;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);

  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &elements, NULL);
  g_markup_parse_context_parse (context, data, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elements, >, 20);

  root = strstr (data, "<svg");
  g_assert_nonnull (root);
  size = g_strdup_printf ("width=\"%dpt\" height=\"%dpt\"", width, height);
  g_assert_nonnull (strstr (root, size));
}

static void
test_png (void)
{
  g_autofree char *project = reference_path ();
  g_autofree char *dir = g_dir_make_tmp ("chart-export-XXXXXX", NULL);
  static const char *charts[] = { "donut", "stacked", "ranked", "monthly", "comparison", "tornado" };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (!locale_available (locales[l]))
        {
          g_test_message ("%s is not installed", locales[l]);
          continue;
        }

      for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
        {
          g_autofree char *out = g_strdup_printf ("%s/%s-%u.png", dir, charts[c], l);
          g_autofree char *err = NULL;

          g_assert_cmpint (run_modelcost (locales[l], &err, "--export", out, "--chart", charts[c],
                                          "--width", "800", "--height", "500", project, NULL), ==, 0);
          g_assert_cmpstr (err, ==, "");
          /* A comparison shows the saving in green and the totals in slate. */
          if (g_strcmp0 (charts[c], "comparison") != 0)
            check_png (out, 800, 500);
          g_assert_no_errno (g_remove (out));
        }
    }

  /* The default chart, default size, twice the pixels at scale 2. */
  {
    g_autofree char *out = g_strdup_printf ("%s/default.png", dir);
    g_autofree char *err = NULL;

    g_assert_cmpint (run_modelcost ("C.UTF-8", &err, "--export", out, "--width", "600",
                                    "--scale", "2", project, NULL), ==, 0);
    check_png (out, 1200, 750);
    g_assert_no_errno (g_remove (out));
  }

  g_assert_no_errno (g_rmdir (dir));
}

static void
test_svg (void)
{
  g_autofree char *project = reference_path ();
  g_autofree char *dir = g_dir_make_tmp ("chart-export-XXXXXX", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      g_autofree char *out = g_strdup_printf ("%s/stacked-%u.svg", dir, l);
      g_autofree char *err = NULL;

      if (!locale_available (locales[l]))
        continue;

      g_assert_cmpint (run_modelcost (locales[l], &err, "--export", out, "--chart", "stacked",
                                      "--width", "1000", "--height", "600", project, NULL), ==, 0);
      check_svg (out, 1000, 600);
      g_assert_no_errno (g_remove (out));
    }

  g_assert_no_errno (g_rmdir (dir));
}

static void
test_unknown_chart (void)
{
  g_autofree char *project = reference_path ();
  g_autofree char *dir = g_dir_make_tmp ("chart-export-XXXXXX", NULL);
  g_autofree char *out = g_strdup_printf ("%s/pie.png", dir);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_modelcost ("C.UTF-8", &err, "--export", out, "--chart", "piechart", project, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "piechart"));
  for (const char *const *name = (const char *[]) { "donut", "stacked", "ranked", "monthly", NULL }; *name; name++)
    g_assert_nonnull (strstr (err, *name));
  /* Nothing half-written is left behind. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_no_errno (g_rmdir (dir));
}

/* A project without scenarios has nothing to compare: bad input, not usage. */
static void
test_comparison_without_scenarios (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chart-export-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "plain.modelcost", NULL);
  g_autofree char *out = g_strdup_printf ("%s/comparison.png", dir);
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  g_autofree char *reference = reference_path ();
  g_autoptr(GError) error = NULL;
  char *scenarios;

  g_file_get_contents (reference, &data, NULL, &error);
  g_assert_no_error (error);
  scenarios = strstr (data, ",\n  \"scenarios\"");
  g_assert_nonnull (scenarios);
  strcpy (scenarios, "\n}\n");
  g_file_set_contents (project, data, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_modelcost ("C.UTF-8", &err, "--export", out, "--chart", "comparison", project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "scenario"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_modelcost ("C.UTF-8", &err, "--export", out, "--chart", "stacked", project, NULL), ==, 0);
  check_png (out, 1280, 800);

  g_assert_no_errno (g_remove (out));
  g_assert_no_errno (g_remove (project));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/png", test_png);
  g_test_add_func ("/chart/export/svg", test_svg);
  g_test_add_func ("/chart/export/unknown-chart", test_unknown_chart);
  g_test_add_func ("/chart/export/comparison-without-scenarios", test_comparison_without_scenarios);

  return g_test_run ();
}
