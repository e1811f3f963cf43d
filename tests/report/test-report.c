/* test-report.c: the report and the file exports, read back as a user would
 * read them (pdftotext, pdfinfo, pdffonts, unzip) and drawn page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cost-analysis.h"
#include "cost-calc.h"
#include "cost-change-text.h"
#include "cost-chart-choice.h"
#include "cost-chart-data.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-report-layout.h"
#include "cost-report.h"
#include "cost-slides.h"
#include "cost-project-sizing.h"
#include "cost-uncertainty.h"
#include "cost-unit-economics.h"
#include "cost-test-run.h"
#include "cost-test-util.h"

/* Runs a tool that must succeed; returns its output. */
static char *
tool_output (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (&run, NULL, (const char **) argv->pdata);
  if (run.status != 0)
    g_error ("%s failed (%d): %s", first, run.status, run.err);

  return g_steal_pointer (&run.out);
}

/* Logs @text line by line, as TAP comments, to show what a failed check read. */
static void
show_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("| %s", lines[i]);
}

/* Whether `locale -a` lists @lang ("zh_CN.UTF-8" is listed as "zh_CN.utf8"). */
static gboolean
locale_available (const char *lang)
{
  g_autofree char *list = tool_output ("locale", "-a", NULL);
  g_autofree char *name = g_strndup (lang, strcspn (lang, "."));
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (lines[i], -1);
      g_autofree char *want = g_strconcat (name, ".utf8", NULL);
      g_autofree char *want_lower = g_ascii_strdown (want, -1);

      if (strcmp (lower, want_lower) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @value as the report prints it in @lang (no decimals). */
static char *
number_in_locale (const char *lang,
                  double      value)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  char *text;

  g_assert_nonnull (setlocale (LC_ALL, lang));
  text = cost_format_number (value, 0);
  setlocale (LC_ALL, saved);

  return text;
}

static gboolean
has_token (const char *text,
           const char *token)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n\f", -1);

  return g_strv_contains ((const char * const *) tokens, token);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = tool_output ("pdfinfo", pdf, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);

  return atoi (line + strlen ("\nPages:"));
}

static char *
pdf_page_text (const char *pdf,
               int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);

  return tool_output ("pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL);
}

/* A scratch directory, emptied and removed by tmp_dir_remove(). */
static char *
tmp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("modelcost-report-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static guint
dir_n_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
tmp_dir_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0755);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        tmp_dir_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
export (const char *lang,
        const char *dir,
        const char *name,
        const char *project,
        const char *extra)
{
  char *out = g_build_filename (dir, name, NULL);
  g_auto(Run) run = { 0 };

  if (extra != NULL)
    run_modelcost (&run, lang, "--export", out, extra, project, NULL);
  else
    run_modelcost (&run, lang, "--export", out, project, NULL);
  if (run.status != 0)
    g_error ("export to %s failed (%d): %s", name, run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");

  return out;
}

/* Every page says "Page i of n", and n is the PDF's page count. */
static void
assert_page_numbers (const char *pdf)
{
  int n = pdf_pages (pdf);

  for (int i = 1; i <= n; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i, n);

      if (strstr (text, footer) == NULL)
        {
          show_text (text);
          g_error ("page %d has no “%s”", i, footer);
        }
    }
}

static void
test_pdf_reference (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *run_rate = NULL;
  g_autofree char *year = NULL;
  const char *categories[] = { "Compute", "Data", "Labor", "Operations" };

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "report.pdf", project, NULL);
  text = tool_output ("pdftotext", pdf, "-", NULL);
  info = tool_output ("pdfinfo", pdf, NULL);

  g_assert_nonnull (strstr (text, "Reference case: e-commerce search"));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_assert_true (has_token (text, categories[i]));

  run_rate = number_in_locale (lang, 375000);
  year = number_in_locale (lang, 4500000);
  g_assert_cmpstr (run_rate, ==, "375,000");
  g_assert_nonnull (strstr (text, run_rate));
  g_assert_nonnull (strstr (text, year));

  /* The scenarios are compared, with their change against the baseline. */
  g_assert_nonnull (strstr (text, "INT8 quantization"));
  g_assert_true (has_token (text, "−50,000"));
  g_assert_true (has_token (text, "−13.3%"));
  g_assert_nonnull (strstr (text, "Prices as of"));
  g_assert_nonnull (strstr (text, "November 1, 2026"));

  g_assert_nonnull (strstr (info, "Title:           Reference case: e-commerce search and recommendation"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  g_assert_cmpint (pdf_pages (pdf), >=, 2);
  assert_page_numbers (pdf);

  tmp_dir_remove (dir);
}

static void
test_pdf_letter (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *out = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *info = NULL;
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--export", out, "--paper", "letter", project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  info = tool_output ("pdfinfo", out, NULL);
  g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
  assert_page_numbers (out);

  tmp_dir_remove (dir);
}

static void
test_pdf_chinese (void)
{
  const char *lang = "zh_CN.UTF-8";
  const char *categories[] = { "计算资源", "数据", "人力", "运维", "月度金额" };
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *run_rate = NULL;

  if (!locale_available (lang))
    {
      g_test_skip ("zh_CN.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "report.pdf", project, NULL);
  text = tool_output ("pdftotext", pdf, "-", NULL);

  run_rate = number_in_locale (lang, 375000);
  g_assert_nonnull (strstr (text, run_rate));

  /* The names come from the translations: fail without stopping the other tests. */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (strstr (text, categories[i]) == NULL)
      {
        show_text (text);
        g_test_fail_printf ("no “%s” in the Chinese report", categories[i]);
        break;
      }

  tmp_dir_remove (dir);
}

/* pdffonts prints one font a line, with "yes" or "no" in the "emb" column. */
static void
assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = tool_output ("pdffonts", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *emb;
  gsize column;
  guint n_fonts = 0;

  g_assert_nonnull (lines[0]);
  emb = strstr (lines[0], " emb ");
  g_assert_nonnull (emb);
  column = emb - lines[0] + 1;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, column + 3);
      if (strncmp (lines[i] + column, "yes", 3) != 0)
        {
          show_text (fonts);
          g_error ("a font is not embedded in %s", pdf);
        }
      n_fonts++;
    }

  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_pdf_fonts (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *pdf = export (NULL, dir, "report.pdf", project, NULL);

  assert_fonts_embedded (pdf);

  if (locale_available ("zh_CN.UTF-8"))
    {
      g_autofree char *zh = export ("zh_CN.UTF-8", dir, "report-zh.pdf", project, NULL);

      assert_fonts_embedded (zh);
    }

  tmp_dir_remove (dir);
}

/* A project with @n items spread over the four categories. */
static CostProject *
generated_project (guint n)
{
  CostProject *project = cost_project_new_default ();

  cost_project_set_title (project, "Generated project", NULL);
  for (guint i = 0; i < n; i++)
    {
      CostCategory *category = cost_project_get_category (project, i % 4);
      g_autofree char *id = g_strdup_printf ("line-%04u", i + 1);
      g_autofree char *name = g_strdup_printf ("Line %04u", i + 1);
      g_autoptr(CostItem) item = cost_item_new (id, name);

      cost_item_set_quantity (item, 1 + i % 7, NULL);
      cost_item_set_unit_price (item, 100 + i, NULL);
      cost_category_add_item (category, item);
    }

  return project;
}

static char *
save_generated_project (const char *dir,
                        guint       n)
{
  g_autoptr(CostProject) project = generated_project (n);
  g_autofree char *path = g_build_filename (dir, "generated.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_pdf_long_tables (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = save_generated_project (dir, 500);
  g_autofree char *pdf = export (NULL, dir, "long.pdf", project, NULL);
  g_autofree char *all = tool_output ("pdftotext", "-layout", pdf, "-", NULL);
  int n_pages = pdf_pages (pdf);
  int table_pages = 0;
  guint n_continued;
  char *projection;

  g_assert_cmpint (n_pages, >=, 10);

  /* The line items end where the Projection begins: the Sensitivity
   * section after it names the items that move the run-rate most again. */
  projection = strstr (all, "\nProjection\n");
  g_assert_nonnull (projection);
  *projection = '\0';

  /* Every page with rows of a table repeats the caption and the column headers. */
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);

      if (strstr (text, "\nProjection\n") != NULL)
        break;
      if (strstr (text, "Line 0") == NULL)
        continue;

      table_pages++;
      if (strstr (text, "Unit price") == NULL || strstr (text, "Quantity") == NULL)
        {
          show_text (text);
          g_error ("page %d has table rows but no column headers", i);
        }
      if (!has_token (text, "Compute") && !has_token (text, "Data") &&
          !has_token (text, "Labor") && !has_token (text, "Operations"))
        {
          show_text (text);
          g_error ("page %d has table rows but no table caption", i);
        }
    }
  g_assert_cmpint (table_pages, >=, 8);

  /* Tables that go on over a page break say so in their caption. */
  n_continued = count_occurrences (all, "(continued)");
  g_assert_cmpuint (n_continued, >=, (guint) table_pages - 4);

  /* No row is lost or repeated at a page break. */
  for (guint i = 1; i <= 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Line %04u ", i);

      if (count_occurrences (all, name) != 1)
        g_error ("“%s” appears %u times", name, count_occurrences (all, name));
    }

  assert_page_numbers (pdf);
  tmp_dir_remove (dir);
}

/* The lines of the labor rows (pdftotext -layout keeps a table row on one line). */
static GPtrArray *
labor_lines (const char *text)
{
  const char *names[] = { "Data engineers", "Algorithm engineers", "Ops engineers" };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      if (strstr (lines[i], names[n]) != NULL)
        g_ptr_array_add (found, g_strdup (lines[i]));

  return found;
}

static void
test_pdf_redacted (void)
{
  const char *lang = "en_US.UTF-8";
  /* Salaries and labor item amounts; 50,000 and 10,000 are also what servers
   * and security devices cost, so those two are looked for in labor rows only. */
  const char *salaries[] = { "80,000", "45,000", "8,000", "9,000" };
  const char *row_amounts[] = { "80,000", "50,000", "45,000", "8,000", "10,000", "9,000" };
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *plain = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  plain = export (lang, dir, "plain.pdf", project, NULL);
  redacted = export (lang, dir, "redacted.pdf", project, "--redact-labor");
  plain_text = tool_output ("pdftotext", "-layout", plain, "-", NULL);
  text = tool_output ("pdftotext", "-layout", redacted, "-", NULL);

  /* The same check finds the amounts in the ordinary report. */
  for (guint i = 0; i < G_N_ELEMENTS (salaries); i++)
    g_assert_true (has_token (plain_text, salaries[i]));

  for (guint i = 0; i < G_N_ELEMENTS (salaries); i++)
    if (has_token (text, salaries[i]))
      {
        show_text (text);
        g_error ("the redacted report shows %s", salaries[i]);
      }

  /* The line items' three rows, and the salaries among the inputs that
   * drive the uncertainty ("Data engineers — Unit price"), whose ranges
   * are hidden as well. */
  rows = labor_lines (text);
  {
    guint items = 0, inputs = 0;

    for (guint r = 0; r < rows->len; r++)
      {
        const char *line = g_ptr_array_index (rows, r);

        if (strstr (line, "— Unit price") != NULL)
          {
            inputs++;
            g_assert_nonnull (strstr (line, "Salaries"));
            g_assert_true (has_token (line, "—"));
          }
        else
          items++;
      }
    g_assert_cmpuint (items, ==, 3);
    g_assert_cmpuint (inputs, >=, 1);
  }
  for (guint r = 0; r < rows->len; r++)
    for (guint i = 0; i < G_N_ELEMENTS (row_amounts); i++)
      if (has_token (g_ptr_array_index (rows, r), row_amounts[i]))
        g_error ("a redacted labor row shows %s: %s", row_amounts[i],
                 (char *) g_ptr_array_index (rows, r));

  g_assert_true (has_token (text, "175,000"));
  g_assert_true (has_token (text, "375,000"));

  tmp_dir_remove (dir);
}

static char *
ranged_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "report", "ranged.modelcost", NULL);
}

static CostProject *
load_ranged (void)
{
  g_autofree char *path = ranged_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_project_load (file, NULL, &error);

  g_assert_no_error (error);

  return project;
}

/* @amount as the uncertainty page prints it in @lang: "¥367,180". */
static char *
money_in_locale (const char *lang,
                 double      amount)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  char *text;

  g_assert_nonnull (setlocale (LC_ALL, lang));
  text = cost_format_money (amount, "CNY", COST_FORMAT_WHOLE);
  setlocale (LC_ALL, saved);

  return text;
}

static char *
percent_in_locale (const char *lang,
                   double      fraction)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  char *text;

  g_assert_nonnull (setlocale (LC_ALL, lang));
  text = cost_format_percent (fraction);
  setlocale (LC_ALL, saved);

  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    {
      show_text (text);
      g_error ("no “%s” in the report", part);
    }
}

/* The page "How sure is this plan?": the percentiles of the run-rate, the
 * first year and the horizon as the project's own simulation gives them,
 * the chance of going over budget, the sample count and seed, and the
 * inputs that matter most, in English and in Chinese. */
static void
check_pdf_uncertainty (const char *lang,
                       const char *title,
                       const char *over_budget,
                       const char *samples_note)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project_path = ranged_path ();
  g_autoptr(CostProject) project = load_ranged ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CostUncertainty) u = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *note = NULL;
  g_autofree char *percent = NULL;
  int n, at = 0;

  if (!locale_available (lang))
    {
      g_test_skip_printf ("%s is not installed", lang);
      tmp_dir_remove (dir);
      return;
    }

  /* The simulation the report runs: the project's samples and seed. */
  g_assert_cmpuint (cost_project_get_samples (project), ==, 10000);
  g_assert_cmpuint (cost_project_get_seed (project), ==, 1);
  u = cost_uncertainty_compute (project, NULL, 10000, 1, 1, &error);
  g_assert_no_error (error);

  pdf = export (lang, dir, "report.pdf", project_path, NULL);
  text = tool_output ("pdftotext", "-layout", pdf, "-", NULL);
  assert_contains (text, title);

  /* All of it on one page. */
  n = pdf_pages (pdf);
  for (int i = 1; i <= n && at == 0; i++)
    {
      g_autofree char *candidate = pdf_page_text (pdf, i);

      if (strstr (candidate, title) != NULL)
        {
          at = i;
          page = g_steal_pointer (&candidate);
        }
    }
  g_assert_cmpint (at, >, 0);

  for (guint m = 0; m < COST_N_MEASURES; m++)
    {
      const CostMeasureStats *stats = &u->measures[m];
      const double amounts[] = { stats->p10, stats->p50, stats->p90, stats->mean, stats->point, stats->budget };

      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          g_autofree char *money = money_in_locale (lang, amounts[i]);

          assert_contains (page, money);
        }
      {
        g_autofree char *money = money_in_locale (lang, stats->p80 - stats->point);
        g_autofree char *signed_money = g_strconcat ("+", money, NULL);

        assert_contains (page, signed_money);
      }
      {
        g_autofree char *chance = percent_in_locale (lang, stats->prob_over_budget);

        assert_contains (page, chance);
      }
      {
        g_autofree char *error_money = money_in_locale (lang, stats->p90_stderr);

        assert_contains (page, error_money);
      }
    }

  /* The S-curve's caption, and the note of the samples and seed. */
  percent = percent_in_locale (lang, u->measures[COST_MEASURE_RUN_RATE].prob_over_budget);
  note = g_strconcat (over_budget, percent, NULL);
  assert_contains (page, note);
  assert_contains (page, samples_note);

  /* The input that moves the run-rate most, with its range. */
  assert_contains (page, "800 – 1,000 – 1,200");
  assert_contains (page, "GPU prices");

  tmp_dir_remove (dir);
}

/* --samples and --seed choose the report's simulation. */
static void
test_pdf_uncertainty_options (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = ranged_path ();
  g_autofree char *pdf = export (NULL, dir, "report.pdf", project, NULL);
  g_autofree char *out = g_build_filename (dir, "chosen.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *samples = cost_format_number (2000, 0);
  g_autofree char *expected = g_strdup_printf ("From %s samples with seed 5.", samples);
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--export", out, "--samples", "2000", "--seed", "5", project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = tool_output ("pdftotext", out, "-", NULL);
  assert_contains (text, expected);

  g_clear_pointer (&text, g_free);
  text = tool_output ("pdftotext", pdf, "-", NULL);
  g_assert_null (strstr (text, expected));

  tmp_dir_remove (dir);
}

static void
test_pdf_uncertainty (void)
{
  check_pdf_uncertainty ("en_US.UTF-8", "How sure is this plan?", "P(over budget) = ",
                         "From 10,000 samples with seed 1.");
  check_pdf_uncertainty ("zh_CN.UTF-8", "这份规划有多可靠？", "超预算概率 = ", "基于 10,000 个样本，随机种子 1。");
}

/* Without ranges there is no such page; with the caller's simulation the
 * report shows that one rather than its own; labor ranges are hidden
 * with labor amounts. */
static void
test_pdf_uncertainty_source (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *plain_path = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autofree char *plain_pdf = NULL;
  g_autofree char *plain_text = NULL;
  g_autoptr(CostProject) project = load_ranged ();
  g_autoptr(CostUncertainty) given = cost_uncertainty_compute (project, NULL, 2000, 5, 2, NULL);
  g_autofree char *out = g_build_filename (dir, "given.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  CostExportOptions options = { .uncertainty = given, .redact_labor = TRUE };
  g_autofree char *text = NULL;
  g_autofree char *samples = cost_format_number (2000, 0);
  g_autofree char *expected = g_strdup_printf ("From %s samples with seed 5.", samples);
  g_autofree char *p10 = cost_format_money (given->measures[COST_MEASURE_RUN_RATE].p10, "CNY", COST_FORMAT_WHOLE);

  plain_pdf = export (NULL, dir, "plain.pdf", plain_path, NULL);
  plain_text = tool_output ("pdftotext", plain_pdf, "-", NULL);
  g_assert_null (strstr (plain_text, "How sure is this plan?"));

  g_assert_true (cost_export_file (project, file, &options, &error));
  g_assert_no_error (error);
  text = tool_output ("pdftotext", "-layout", out, "-", NULL);
  assert_contains (text, "How sure is this plan?");
  assert_contains (text, expected);
  assert_contains (text, p10);

  /* The engineers' pay ranges are labor amounts: not in this copy. */
  g_assert_null (strstr (text, "7600 – 8000 – 8400"));
  g_assert_null (strstr (text, "9500 – 10000 – 10500"));
  assert_contains (text, "800 – 1000 – 1200");

  tmp_dir_remove (dir);
}

/* A scenario's report: its changes are marked, what it leaves out is gone,
 * and an item it adds to labor is redacted like the others. */
static void
test_pdf_scenario (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autofree char *out = g_build_filename (dir, "scenario.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_auto(Run) run = { 0 };

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  run_modelcost (&run, lang, "--export", out, "--scenario", "own-cluster", "--redact-labor",
                 project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = tool_output ("pdftotext", "-layout", out, "-", NULL);
  info = tool_output ("pdfinfo", out, NULL);

  g_assert_nonnull (strstr (info, "Title:           商品搜索排序模型 — varied items"));
  g_assert_nonnull (strstr (text, "商品搜索排序模型"));
  g_assert_nonnull (strstr (text, "Own cluster, one more"));
  g_assert_nonnull (strstr (text, "factor 0.8"));
  g_assert_nonnull (strstr (text, "changed in"));
  g_assert_nonnull (strstr (text, "added in this"));
  g_assert_nonnull (strstr (text, "ML engineer (new hire)"));

  /* The excluded item is not in the tables. */
  g_assert_null (strstr (text, "Vector database"));

  /* Neither the new hire's pay nor the yearly salaries show; the labor total does. */
  g_assert_false (has_token (text, "15,000.00"));
  g_assert_false (has_token (text, "180,000.00"));
  g_assert_false (has_token (text, "45,000.00"));
  g_assert_true (has_token (text, "60,000.00"));
  g_assert_true (has_token (text, "80,553.28"));

  tmp_dir_remove (dir);
}

/* The line of a `pdftotext -layout` text that starts (after spaces) with
 * @start, or NULL. */
static char *
layout_line (const char *text,
             const char *start)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (g_strchug (lines[i]), start))
        return g_strdup (lines[i]);
    }

  return NULL;
}

/* Whether the line of @text that starts with @start holds each of @cells
 * as a token of its own. */
static void
assert_row (const char *text,
            const char *start,
            const char *cells[],
            guint       n_cells)
{
  g_autofree char *line = layout_line (text, start);

  if (line == NULL)
    {
      show_text (text);
      g_error ("no line starts with “%s”", start);
    }
  for (guint i = 0; i < n_cells; i++)
    {
      if (!has_token (line, cells[i]))
        g_error ("the line “%s” has no “%s”", line, cells[i]);
    }
}

/* The report of a scenario names it, above its title and in its facts,
 * and gives its run-rate. */
static void
test_pdf_scenario_named (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = cost_test_example_path ("reference.modelcost");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *run_rate = NULL;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "int8.pdf", project, "--scenario=int8");
  text = tool_output ("pdftotext", pdf, "-", NULL);

  g_assert_nonnull (strstr (text, "Cost report · Scenario: INT8 quantization"));
  /* The baseline's 375,000 a month less the 50 GPUs that INT8 saves at 1,000 each. */
  run_rate = number_in_locale (lang, 375000 - 50 * 1000);
  g_assert_cmpstr (run_rate, ==, "325,000");
  g_assert_nonnull (strstr (text, "¥325,000"));

  tmp_dir_remove (dir);
}

/* The report of every scenario: each one's name, run-rate and description,
 * and the comparison. */
static void
test_pdf_all_scenarios (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "all.pdf", path, "--all-scenarios");
  text = tool_output ("pdftotext", pdf, "-", NULL);

  g_assert_nonnull (strstr (text, "Cost report · All scenarios"));
  g_assert_nonnull (strstr (text, "Scenario comparison"));
  /* 375,000, 325,000 and 335,000 a month: each result's own figure. */
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    {
      const CostResult *r = g_ptr_array_index (results, i);
      const char *name = r->scenario ? cost_scenario_get_name (r->scenario) : "Baseline";
      g_autofree char *run_rate = number_in_locale (lang, r->run_rate);
      g_autofree char *tile = g_strconcat ("¥", run_rate, NULL);

      g_assert_nonnull (strstr (text, name));
      g_assert_nonnull (strstr (text, tile));
    }
  g_assert_nonnull (strstr (text, "Reserved GPUs"));
  g_assert_nonnull (strstr (text, "at 60% of the on-demand price"));
  /* Under its run-rate: 335,000 − 375,000 = −40,000, 40,000 / 375,000 = 10.7% less. */
  g_assert_nonnull (strstr (text, "−¥40,000 (−10.7%)"));
  g_assert_nonnull (strstr (text, "Monthly run-rate by scenario"));
  assert_page_numbers (pdf);

  /* Not with another report than the PDF, nor with one scenario. */
  run_modelcost (&run, lang, "--export", "out.csv", "--all-scenarios", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_modelcost (&run, lang, "--export", "out.pdf", "--all-scenarios", "--scenario=int8", path, NULL);
  g_assert_cmpint (run.status, ==, 2);

  tmp_dir_remove (dir);
}

/* The Projection: each month by category with the running total, and the
 * horizon's totals; the Sensitivity: the items that move the run-rate most
 * with the run-rate 20% lower and higher. Every figure from the model. */
static void
test_pdf_projection_sensitivity (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(GArray) rows = cost_analysis_sensitivity (result, 0.2);
  g_autofree double *cumulative = cost_analysis_cumulative (result);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *projection = NULL;
  g_autofree char *sensitivity = NULL;
  const CostSensitivity *gpus;
  char *end;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "report.pdf", path, NULL);
  text = tool_output ("pdftotext", "-layout", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, "Projection\n"));
  projection = g_strdup (strstr (text, "Projection\n"));
  end = strstr (projection, "Sensitivity\n");
  g_assert_nonnull (end);
  /* The table, after the tornado's labels. */
  g_assert_nonnull (strstr (end, "Swing"));
  sensitivity = g_strdup (strstr (end, "Swing"));
  *end = '\0';

  /* Month 12 costs 375,000, and 12 × 375,000 = 4,500,000 in all. */
  g_assert_cmpint (result->horizon, ==, 12);
  for (int m = 0; m < result->horizon; m++)
    {
      g_autofree char *month = g_strdup_printf ("Month %d ", m + 1);
      g_autofree char *cost = number_in_locale (lang, result->monthly[m]);
      g_autofree char *sum = number_in_locale (lang, cumulative[m]);
      const char *cells[] = { cost, sum };

      assert_row (projection, month, cells, G_N_ELEMENTS (cells));
    }
  {
    /* Compute 107,000 a month × 12 = 1,284,000; labor 175,000 × 12 = 2,100,000. */
    g_autofree char *compute = number_in_locale (lang, result->categories[0].horizon_total);
    g_autofree char *labor = number_in_locale (lang, result->categories[2].horizon_total);
    g_autofree char *total = number_in_locale (lang, result->horizon_total);
    const char *cells[] = { compute, labor, total };

    g_assert_cmpstr (compute, ==, "1,284,000");
    assert_row (projection, "Total", cells, G_N_ELEMENTS (cells));
  }

  /* The GPUs swing most: 100 GPUs at 1,000 a month, 20% fewer or dearer
   * is 375,000 ∓ 20,000. */
  gpus = &g_array_index (rows, CostSensitivity, 0);
  g_assert_cmpstr (cost_item_get_name (gpus->item), ==, "GPUs");
  g_assert_cmpfloat (gpus->low, ==, 355000);
  for (guint i = 0; i < MIN (rows->len, 10); i++)
    {
      const CostSensitivity *row = &g_array_index (rows, CostSensitivity, i);
      g_autofree char *low = number_in_locale (lang, row->low);
      g_autofree char *high = number_in_locale (lang, row->high);
      g_autofree char *swing = number_in_locale (lang, row->high - row->low);
      const char *cells[] = { low, high, swing };
      g_autofree char *start = g_strconcat (cost_item_get_name (row->item), " ", NULL);

      assert_row (sensitivity, start, cells, G_N_ELEMENTS (cells));
    }

  tmp_dir_remove (dir);
}

/* A long scenario description is read whole in the comparison table:
 * every word of it is in the text, none cut. */
static void
test_pdf_long_description (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "long.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *words[] = { "Serve", "quantized", "throughput", "recommendation", "reservation", "accelerators" };

  /* Sixty words of eight to fifteen letters: lines of the narrow
   * scenario column break many times. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (description, "%s%s%02u", i > 0 ? " " : "", words[i % G_N_ELEMENTS (words)], i);
  g_assert_true (cost_scenario_set_description (cost_project_get_scenario (project, 0), description->str, &error));
  g_assert_no_error (error);
  g_assert_true (cost_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  pdf = export (NULL, dir, "long.pdf", path, NULL);
  text = tool_output ("pdftotext", pdf, "-", NULL);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *word = g_strdup_printf ("%s%02u", words[i % G_N_ELEMENTS (words)], i);

      if (!has_token (text, word))
        {
          show_text (text);
          g_error ("“%s” of the description is not whole in the report", word);
        }
    }

  tmp_dir_remove (dir);
}

/* The slides: one page per slide of presentation mode, 16:9, each under
 * its chart's title and naming the project and the scenario. */
static void
test_slides (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autofree char *out = g_build_filename (dir, "slides.pdf", NULL);
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autofree char *info = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) spaces = g_regex_new ("[ \n]+", 0, 0, NULL);
  int page = 0;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  run_modelcost (&run, lang, "--slides", out, "--scenario=int8", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  info = tool_output ("pdfinfo", out, NULL);

  /* By category, by scenario, by month, the largest costs and the
   * comparison: five, as the presentation counts them. */
  g_assert_cmpuint (cost_slide_get_n_available (project), ==, 5);
  g_assert_cmpint (pdf_pages (out), ==, 5);
  g_assert_nonnull (strstr (info, "Page size:       960 x 540 pts"));

  for (CostSlide s = 0; s < COST_N_SLIDES; s++)
    {
      g_autoptr(CostChartDataset) dataset = NULL;
      g_autofree char *text = NULL;
      g_autofree char *number = NULL;
      g_autofree char *squeezed = NULL;
      CostChartKind kind;

      if (!cost_slide_is_available (s, project))
        continue;
      page++;
      /* The scenario shown is INT8, the first after the baseline. */
      dataset = cost_slide_build (s, project, results, 1, NULL, &kind);
      text = pdf_page_text (out, page);
      /* "2 / 5" in the footer, which pdftotext may space its own way. */
      number = g_strdup_printf ("%d/5\f", page);
      squeezed = g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
      if (strstr (text, cost_chart_dataset_get_title (dataset)) == NULL ||
          strstr (text, "Scenario: INT8 quantization · Reference case: e-commerce search") == NULL ||
          strstr (text, "¥325,000") == NULL || strstr (squeezed, number) == NULL ||
          /* As the presentation says it: 325,000 − 375,000, of 375,000. */
          strstr (text, "−¥50,000 (−13.3%) vs the baseline") == NULL)
        {
          show_text (text);
          g_error ("slide %d does not say “%s”, its scenario, its run-rate and its number", page,
                   cost_chart_dataset_get_title (dataset));
        }
    }

  /* --slides goes alone. */
  run_clear (&run);
  run_modelcost (&run, lang, "--slides", out, "--export", "x.pdf", path, NULL);
  g_assert_cmpint (run.status, ==, 2);

  tmp_dir_remove (dir);
}

/* --size WxH sets both sides of an exported chart; anything else is refused. */
static void
test_cli_size (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  const char *bad[] = { "1920", "1920x", "x1080", "0x10", "1920x1080x2", "20000x10" };
  cairo_surface_t *image;
  g_auto(Run) run = { 0 };

  run_modelcost (&run, NULL, "--export", out, "--size", "1920x1080", "--scale", "1", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      run_clear (&run);
      run_modelcost (&run, NULL, "--export", out, "--size", bad[i], path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--size"));
    }

  tmp_dir_remove (dir);
}

/* @amount as a per-unit cost prints in @lang: "¥1.21" */
static char *
unit_cost_in_locale (const char *lang,
                     double      amount)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  char *text;

  g_assert_nonnull (setlocale (LC_ALL, lang));
  text = cost_format_money_small (amount, "CNY");
  setlocale (LC_ALL, saved);

  return text;
}

/* The report of a project with a workload has a unit economics section after
 * the key figures: the figures, the traffic and each model's sizing, with the
 * formulas filled in; one without a workload has none. */
static void
test_pdf_unit_economics (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autofree char *reference = cost_test_example_path ("reference.modelcost");
  g_autoptr(CostProject) project = cost_test_load_example ("llm-search.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *page = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *per_1k = NULL;
  g_autofree char *per_user = NULL;
  g_autofree char *gpus = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *requests_formula = NULL;
  g_autofree char *reference_pdf = NULL;
  g_autofree char *reference_text = NULL;
  g_autofree char *scenario_pdf = NULL;
  g_autofree char *scenario_text = NULL;
  const char *figures, *charts, *traffic;
  CostUnitEconomics e;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  cost_unit_economics (project, result, &e);
  g_assert_cmpfloat_with_epsilon (e.cost_per_1k_requests, 4.531720, 1e-6);
  per_1k = unit_cost_in_locale (lang, e.cost_per_1k_requests);
  per_user = unit_cost_in_locale (lang, e.cost_per_dau_month);
  gpus = number_in_locale (lang, e.gpus_required);
  requests = number_in_locale (lang, e.monthly_requests);
  g_assert_cmpstr (per_1k, ==, "¥4.53");
  g_assert_cmpstr (gpus, ==, "398");
  g_assert_cmpstr (requests, ==, "4,866,666,667");

  pdf = export (lang, dir, "llm.pdf", path, NULL);
  page = pdf_page_text (pdf, 1);
  flat = tool_output ("pdftotext", pdf, "-", NULL);

  /* After the key figures, before the charts. */
  figures = strstr (flat, "Monthly run-rate");
  g_assert_nonnull (figures);
  g_assert_nonnull (strstr (page, "Unit economics"));
  g_assert_true (strstr (flat, "Unit economics") > figures);
  charts = strstr (flat, "Cost structure");
  g_assert_nonnull (charts);
  g_assert_true (strstr (flat, "Unit economics") < charts);

  g_assert_true (has_token (page, per_1k));
  g_assert_true (has_token (page, per_user));
  g_assert_true (has_token (page, gpus));
  g_assert_true (has_token (page, "¥13.33"));
  requests_formula = g_strdup_printf ("÷ %s requests × 1,000 = %s", requests, per_1k);
  g_assert_nonnull (strstr (page, requests_formula));
  g_assert_nonnull (strstr (page, "Compute is 97.5% of the monthly run-rate."));
  /* No orders or GMV entered: no ratios to them */
  g_assert_null (strstr (flat, "Cost per order"));
  g_assert_null (strstr (flat, "share of GMV"));

  traffic = strstr (page, "Traffic");
  g_assert_nonnull (traffic);
  g_assert_nonnull (strstr (traffic, "Average: 20,000,000 users × 8 requests ÷ 86,400 s = 1,851.9 requests/s"));
  g_assert_nonnull (strstr (traffic, "Peak: 1,851.9 requests/s × 3 = 5,555.6 requests/s"));
  /* The rewriter, sized by its tokens: its chain, its operating point and
   * what its tokens cost */
  g_assert_nonnull (strstr (page, "Query rewriting LLM (H100 SXM)\nWeights: 7.62 B parameters × 2 bytes (BF16) = 15.2 GB"));
  g_assert_nonnull (strstr (page, "Requests that fit: ⌊(1 × 80 GB × (1 − 10%) − 15.2 GB) ÷ 19.5 MB⌋ = 2,911"));
  g_assert_nonnull (strstr (page, "Replicas: ⌈5,555.6 requests/s × 1 call ÷ (63.76 requests/s × 60%)⌉ = 146"));
  g_assert_nonnull (strstr (flat, "+ 2 spare = 294"));
  g_assert_nonnull (strstr (page, "At 51 requests at a time: 23.5 ms to the first token, 20 ms per output token"));
  g_assert_true (strstr (flat, "a million\ntokens cost ¥1.38 in and ¥5.46 out") != NULL ||
                 strstr (flat, "a million tokens cost ¥1.38 in and ¥5.46 out") != NULL);
  g_assert_nonnull (strstr (flat, "= 104 accelerators"));
  /* Its memory bar and curve, drawn by the renderers of the page */
  g_assert_nonnull (strstr (flat, "Memory of one GPU"));
  g_assert_nonnull (strstr (flat, "Weights 15.2 GB"));
  g_assert_nonnull (strstr (flat, "Throughput and latency"));
  g_assert_nonnull (strstr (flat, "Target 20 ms"));
  g_assert_nonnull (strstr (flat, "51 at a time"));
  g_assert_true (strstr (flat, "Throughput and latency") < strstr (flat, "Deep ranking model"));

  /* The scenario's traffic sizes the scenario's report. */
  scenario_pdf = export (lang, dir, "traffic.pdf", path, "--scenario=traffic-3x");
  scenario_text = tool_output ("pdftotext", scenario_pdf, "-", NULL);
  g_assert_nonnull (strstr (scenario_text, "Peak: 5,555.6 requests/s × 3 = 16,666.7 requests/s"));
  g_assert_nonnull (strstr (scenario_text, "⌈16,666.7 requests/s × 1 call ÷ (63.76 requests/s × 60%)⌉ = 436"));
  g_assert_nonnull (strstr (scenario_text, "+ 2 spare = 874"));
  g_assert_nonnull (strstr (scenario_text, "= 302 accelerators"));
  g_assert_true (has_token (scenario_text, "1,176"));

  reference_pdf = export (lang, dir, "reference.pdf", reference, NULL);
  reference_text = tool_output ("pdftotext", reference_pdf, "-", NULL);
  g_assert_null (strstr (reference_text, "Unit economics"));

  tmp_dir_remove (dir);
}

/* Nothing is drawn between the body and the footer: rows that do not fit
 * go to the next page instead of running into the footer. */
/* With the orders and GMV entered, the unit economics give the cost per
 * order and as a share of GMV, with their formulas. */
static void
test_pdf_business_ratios (void)
{
  const char *lang = "en_US.UTF-8";
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("llm-search.modelcost");
  g_autofree char *entered = g_build_filename (dir, "orders.modelcost", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GString) edited = NULL;

  if (!locale_available (lang))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      tmp_dir_remove (dir);
      return;
    }

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"peak_hours\": 4,",
                                      "\"peak_hours\": 4, \"orders_per_month\": 3000000, "
                                      "\"gmv_per_month\": 1500000000,", 0), ==, 1);
  g_assert_true (g_file_set_contents (entered, edited->str, -1, NULL));

  pdf = export (lang, dir, "orders.pdf", entered, NULL);
  page = pdf_page_text (pdf, 1);
  /* 22,054,370.42 a month ÷ 3,000,000 orders = 7.3515 */
  g_assert_nonnull (strstr (page, "Cost per order: ¥22,054,370.42 a month ÷ 3,000,000 orders = ¥7.35"));
  /* ÷ 1,500,000,000 = 1.4703% */
  g_assert_nonnull (strstr (page, "Cost as share of GMV: ¥22,054,370.42 a month ÷ ¥1,500,000,000.00 GMV = 1.47%"));

  tmp_dir_remove (dir);
}

static void
test_layout_footer_band (void)
{
  g_autoptr(CostProject) project = generated_project (200);
  const char *papers[] = { "a4", "letter" };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(CostReport) report = cost_report_new (project, NULL);
      double width, height;
      guint n_pages;

      cost_report_get_paper_size (papers[p], &width, &height);
      cost_report_paginate (report, width, height);
      n_pages = cost_report_get_n_pages (report);
      g_assert_cmpuint (n_pages, >, 3);

      for (guint page = 0; page < n_pages; page++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width,
                                                                 (int) height);
          cairo_t *cr = cairo_create (surface);
          const guint8 *data;
          int stride;
          guint inked_body = 0;

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cost_report_draw_page (report, cr, page);
          cairo_destroy (cr);
          cairo_surface_flush (surface);

          data = cairo_image_surface_get_data (surface);
          stride = cairo_image_surface_get_stride (surface);

          /* The band from 62 to 40 points above the bottom edge is empty. */
          for (int y = (int) height - 62; y < (int) height - 40; y++)
            for (int x = 0; x < (int) width; x++)
              {
                guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

                if ((pixel & 0xffffff) != 0xffffff)
                  g_error ("%s page %u: ink at (%d, %d) between the body and the footer",
                           papers[p], page + 1, x, y);
              }

          /* While the body above it has rows on it. */
          for (int y = 60; y < (int) height - 80; y++)
            for (int x = 0; x < (int) width; x++)
              inked_body += (*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
          g_assert_cmpuint (inked_body, >, 1000);

          cairo_surface_destroy (surface);
        }
    }
}

/* Lines of @height the page holds above the cursor, from the room left. */
static guint
lines_on_page (double full,
               double room,
               double height)
{
  return (guint) round ((full - room) / height);
}

/* A paragraph split by a page break leaves at least two lines on each
 * page (no orphan, no widow); a heading and a short paragraph under it
 * go with what follows them. */
static void
test_layout_orphans (void)
{
  double width, height;
  const char *six = "One\nTwo\nThree\nFour\nFive\nSix";

  cost_report_get_paper_size ("a4", &width, &height);

  /* Room for five lines and a half: four stay, two go over (not five and one). */
  {
    g_autoptr(CostLayout) layout = cost_layout_new (width, height);
    PangoLayout *text = cost_layout_text (layout, six, SIZE_BODY, FALSE, 200, PANGO_ALIGN_LEFT);
    int text_height;
    double line, full = cost_layout_get_room (layout);

    pango_layout_get_size (text, NULL, &text_height);
    line = (double) text_height / PANGO_SCALE / 6;
    cost_layout_skip (layout, full - 5.5 * line);
    cost_layout_place_paragraph (layout, text, 0, ink);
    cost_layout_finish (layout);
    g_assert_cmpuint (cost_layout_get_n_pages (layout), ==, 2);
    g_assert_cmpuint (lines_on_page (full, cost_layout_get_room (layout), line), ==, 2);
  }

  /* Room for one line and a half: the paragraph starts on the next page. */
  {
    g_autoptr(CostLayout) layout = cost_layout_new (width, height);
    PangoLayout *text = cost_layout_text (layout, six, SIZE_BODY, FALSE, 200, PANGO_ALIGN_LEFT);
    int text_height;
    double line, full = cost_layout_get_room (layout);

    pango_layout_get_size (text, NULL, &text_height);
    line = (double) text_height / PANGO_SCALE / 6;
    cost_layout_skip (layout, full - 1.5 * line);
    cost_layout_place_paragraph (layout, text, 0, ink);
    cost_layout_finish (layout);
    g_assert_cmpuint (cost_layout_get_n_pages (layout), ==, 2);
    g_assert_cmpuint (lines_on_page (full, cost_layout_get_room (layout), line), ==, 6);
  }

  /* A heading and its one-line introduction with room to spare, but not
   * for the chart-high block after them: all three on the next page. */
  {
    g_autoptr(CostLayout) layout = cost_layout_new (width, height);
    g_auto(CostLayoutBlock) block = { NULL, };
    double full = cost_layout_get_room (layout);

    cost_layout_skip (layout, full - 80);
    cost_layout_place_heading (layout, "Projection");
    cost_layout_place_paragraph (layout, cost_layout_text (layout, "What the plan costs.", SIZE_BODY, FALSE, 200,
                                                           PANGO_ALIGN_LEFT), 0, ink);
    cost_layout_block_init (&block);
    cost_layout_block_add_fill (&block, 0, 0, 100, 200, 0, ink);
    block.height = 200;
    cost_layout_place (layout, &block);
    cost_layout_finish (layout);
    g_assert_cmpuint (cost_layout_get_n_pages (layout), ==, 2);
    /* The heading (13 points) and the line (9) above the block's 200 points on page 2. */
    g_assert_cmpfloat (full - cost_layout_get_room (layout), >, 200 + 13 + 9);
  }
}

/* RFC 4180: fields separated by commas, quoted with "" when they hold
 * commas, quotes or line breaks; records end with CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
            g_string_append_c (field, *p++);
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_true (g_str_has_prefix (p, "\r\n"));
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_strdupv ((char **) fields->pdata));
      g_ptr_array_set_size (fields, 0);
    }

  return records;
}

static double
csv_double (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');

  return value;
}

static void
test_csv_round_trip (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  double sum = 0.0;

  /* In a locale with its own separators the numbers stay machine-readable. */
  csv = export (locale_available ("zh_CN.UTF-8") ? "zh_CN.UTF-8" : NULL, dir, "items.csv", path, NULL);
  g_assert_true (g_file_get_contents (csv, &data, NULL, &error));
  g_assert_no_error (error);

  records = parse_csv (data);
  g_assert_cmpuint (records->len, ==, result->n_items + 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 0))[7], ==, "monthly_amount");

  for (guint i = 0; i < result->n_items; i++)
    {
      char **record = g_ptr_array_index (records, i + 1);
      const CostItemFigures *f = &result->items[i];

      g_assert_cmpuint (g_strv_length (record), ==, 10);
      g_assert_cmpfloat (csv_double (record[3]), ==, f->params.quantity);
      g_assert_cmpfloat (csv_double (record[5]), ==, f->params.unit_price);
      g_assert_cmpfloat (csv_double (record[7]), ==, f->run_rate);
      g_assert_cmpfloat (csv_double (record[8]), ==, f->first_year);
      g_assert_cmpstr (record[9], ==, "CNY");
      sum += csv_double (record[7]);
    }
  g_assert_cmpfloat (sum, ==, 375000);

  tmp_dir_remove (dir);
}

/* Redacted, the labor category is one row, items a scenario adds included. */
static void
test_csv_redacted (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autofree char *out = g_build_filename (dir, "items.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_auto(Run) run = { 0 };
  guint labor_rows = 0;

  run_modelcost (&run, NULL, "--export", out, "--scenario", "own-cluster", "--redact-labor",
                 project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &data, NULL, NULL));
  records = parse_csv (data);

  for (guint i = 1; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);

      if (strcmp (record[1], "Labor") != 0)
        continue;
      labor_rows++;
      g_assert_cmpstr (record[2], ==, "(all items, redacted)");
      g_assert_cmpstr (record[5], ==, "");
      g_assert_cmpfloat (csv_double (record[7]), ==, 60000);
    }
  g_assert_cmpuint (labor_rows, ==, 1);

  tmp_dir_remove (dir);
}

/* The cells of a worksheet: reference → value, and reference → formula. */
typedef struct
{
  GHashTable *values;
  GHashTable *formulas;
  GHashTable *strings;   /* cells that hold text (t="s"), rather than a number */
  char       *cell;
  GString    *text;
  gboolean    in_value;
  gboolean    in_formula;
} Sheet;

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  Sheet *sheet = data;

  if (strcmp (element, "c") == 0)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (names[i], "r") == 0)
          {
            g_free (sheet->cell);
            sheet->cell = g_strdup (values[i]);
          }
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (names[i], "t") == 0 && strcmp (values[i], "s") == 0)
          g_hash_table_add (sheet->strings, g_strdup (sheet->cell));
    }
  sheet->in_value = strcmp (element, "v") == 0;
  sheet->in_formula = strcmp (element, "f") == 0;
  g_string_truncate (sheet->text, 0);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  Sheet *sheet = data;

  if (sheet->in_value)
    g_hash_table_insert (sheet->values, g_strdup (sheet->cell), g_strdup (sheet->text->str));
  if (sheet->in_formula)
    g_hash_table_insert (sheet->formulas, g_strdup (sheet->cell), g_strdup (sheet->text->str));
  sheet->in_value = sheet->in_formula = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              data,
            GError              **error)
{
  Sheet *sheet = data;

  if (sheet->in_value || sheet->in_formula)
    g_string_append_len (sheet->text, text, length);
}

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->values, g_hash_table_unref);
  g_clear_pointer (&sheet->formulas, g_hash_table_unref);
  g_clear_pointer (&sheet->strings, g_hash_table_unref);
  g_clear_pointer (&sheet->cell, g_free);
  if (sheet->text != NULL)
    g_string_free (g_steal_pointer (&sheet->text), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

/* Reads xl/worksheets/sheetN.xml of @xlsx; fails the test if it is not well-formed XML. */
static void
read_sheet (Sheet      *sheet,
            const char *xlsx,
            guint       n)
{
  const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", n);
  g_autofree char *xml = tool_output ("unzip", "-p", xlsx, member, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  sheet->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, 0, sheet, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static double
sheet_number (Sheet      *sheet,
              const char *cell)
{
  const char *value = g_hash_table_lookup (sheet->values, cell);

  if (value == NULL)
    g_error ("no value in %s", cell);

  return g_ascii_strtod (value, NULL);
}

static void
test_xlsx_formulas (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autofree char *xlsx = export (NULL, dir, "costs.xlsx", path, NULL);
  g_autofree char *listing = tool_output ("unzip", "-l", xlsx, NULL);
  g_autofree char *workbook = tool_output ("unzip", "-p", xlsx, "xl/workbook.xml", NULL);
  g_auto(Sheet) summary = { 0 };
  g_auto(Sheet) baseline = { 0 };
  g_auto(Sheet) int8 = { 0 };
  double sum = 0.0;
  guint n_items = 0;

  /* A summary, the baseline and one sheet per scenario. */
  g_assert_nonnull (strstr (listing, "xl/worksheets/sheet4.xml"));
  g_assert_nonnull (strstr (workbook, "name=\"Summary\""));
  g_assert_nonnull (strstr (workbook, "name=\"Baseline\""));
  g_assert_nonnull (strstr (workbook, "name=\"INT8 quantization\""));
  g_assert_nonnull (strstr (workbook, "name=\"Reserved GPUs\""));

  read_sheet (&summary, xlsx, 1);
  read_sheet (&baseline, xlsx, 2);
  read_sheet (&int8, xlsx, 3);

  /* Item rows start under the header on row 5: each monthly amount (J) is
   * the product of quantity, price, periods a month and factor, and its
   * cached value is that product. */
  for (guint row = 5; row < 100; row++)
    {
      g_autofree char *monthly = g_strdup_printf ("J%u", row);
      g_autofree char *expected = g_strdup_printf ("C%u*E%u*G%u*H%u", row, row, row, row);
      const char *formula = g_hash_table_lookup (baseline.formulas, monthly);
      double product = 1.0;
      const char *factors[] = { "C", "E", "G", "H" };

      if (formula == NULL || g_str_has_prefix (formula, "SUBTOTAL"))
        continue;

      g_assert_cmpstr (formula, ==, expected);
      for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
        {
          g_autofree char *ref = g_strdup_printf ("%s%u", factors[i], row);

          product *= sheet_number (&baseline, ref);
        }
      g_assert_cmpfloat (sheet_number (&baseline, monthly), ==, product);
      sum += product;
      n_items++;
    }
  g_assert_cmpuint (n_items, ==, 12);
  g_assert_cmpfloat (sum, ==, 375000);

  /* Subtotals (row 8: compute) and the total (row 21) are formulas too. */
  g_assert_cmpstr (g_hash_table_lookup (baseline.formulas, "J8"), ==, "SUBTOTAL(9,J5:J7)");
  g_assert_cmpfloat (sheet_number (&baseline, "J8"), ==, 107000);
  g_assert_cmpstr (g_hash_table_lookup (baseline.formulas, "J21"), ==, "SUBTOTAL(9,J5:J20)");
  g_assert_cmpfloat (sheet_number (&baseline, "J21"), ==, 375000);
  g_assert_cmpfloat (sheet_number (&baseline, "L21"), ==, 4500000);
  g_assert_cmpfloat (sheet_number (&int8, "J21"), ==, 325000);
  g_assert_cmpfloat (sheet_number (&int8, "C5"), ==, 50);

  /* The summary refers to the scenario sheets. */
  g_assert_cmpstr (g_hash_table_lookup (summary.formulas, "B7"), ==, "'Baseline'!J21");
  g_assert_cmpfloat (sheet_number (&summary, "B7"), ==, 375000);
  g_assert_cmpstr (g_hash_table_lookup (summary.formulas, "B8"), ==, "'INT8 quantization'!J21");
  g_assert_cmpfloat (sheet_number (&summary, "E8"), ==, -50000);

  /* Nothing is left beside it. */
  g_assert_cmpuint (dir_n_entries (dir), ==, 1);
  tmp_dir_remove (dir);
}

static guint
sheet_count_value (Sheet  *sheet,
                   double  value)
{
  GHashTableIter iter;
  gpointer text;
  guint n = 0;

  g_hash_table_iter_init (&iter, sheet->values);
  while (g_hash_table_iter_next (&iter, NULL, &text))
    n += g_ascii_strtod (text, NULL) == value;

  return n;
}

/* With ranges, a sheet of how sure the plan is: the percentiles of each
 * figure as the simulation gives them, and the histogram bins, which hold
 * every sample. */
static void
test_xlsx_uncertainty (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = ranged_path ();
  g_autofree char *plain_path = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autoptr(CostProject) project = load_ranged ();
  g_autoptr(CostUncertainty) u = cost_uncertainty_compute (project, NULL, 10000, 1, 1, NULL);
  g_autofree char *xlsx = export (NULL, dir, "costs.xlsx", path, NULL);
  g_autofree char *plain = export (NULL, dir, "plain.xlsx", plain_path, NULL);
  g_autofree char *workbook = tool_output ("unzip", "-p", xlsx, "xl/workbook.xml", NULL);
  g_autofree char *plain_workbook = tool_output ("unzip", "-p", plain, "xl/workbook.xml", NULL);
  g_auto(Sheet) sheet = { 0 };
  const char *columns[] = { "B", "C", "D" };
  const char *bin_columns[][3] = { { "A", "B", "C" }, { "F", "G", "H" }, { "K", "L", "M" } };

  g_assert_nonnull (strstr (workbook, "name=\"Uncertainty\""));
  g_assert_null (strstr (plain_workbook, "name=\"Uncertainty\""));
  read_sheet (&sheet, xlsx, 5);

  g_assert_cmpfloat (sheet_number (&sheet, "B3"), ==, 10000);
  g_assert_cmpfloat (sheet_number (&sheet, "B4"), ==, 1);

  /* Rows 7 to 16: P10, P50, P80, P90, mean, plan, contingency, budget,
   * chance of going over it, standard error of P90. */
  for (guint m = 0; m < COST_N_MEASURES; m++)
    {
      const CostMeasureStats *stats = &u->measures[m];
      const double expected[] = { stats->p10, stats->p50, stats->p80, stats->p90, stats->mean, stats->point,
                                  stats->p80 - stats->point, stats->budget, stats->prob_over_budget,
                                  stats->p90_stderr };
      g_autofree char *contingency = g_strdup_printf ("%s13", columns[m]);
      g_autofree char *formula = g_strdup_printf ("%s9-%s12", columns[m], columns[m]);
      double counted = 0, previous_to = NAN;
      guint row;

      for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
        {
          g_autofree char *ref = g_strdup_printf ("%s%u", columns[m], 7 + r);

          g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, ref), expected[r], fabs (expected[r]) * 1e-12);
        }
      g_assert_cmpstr (g_hash_table_lookup (sheet.formulas, contingency), ==, formula);

      /* The bins follow on from the smallest sample to the largest. */
      for (row = 29;; row++)
        {
          g_autofree char *from = g_strdup_printf ("%s%u", bin_columns[m][0], row);
          g_autofree char *to = g_strdup_printf ("%s%u", bin_columns[m][1], row);
          g_autofree char *count = g_strdup_printf ("%s%u", bin_columns[m][2], row);

          if (g_hash_table_lookup (sheet.formulas, count) != NULL)
            break;
          if (row == 29)
            g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, from), stats->sorted[0], 1e-6);
          else
            g_assert_cmpfloat (sheet_number (&sheet, from), ==, previous_to);
          previous_to = sheet_number (&sheet, to);
          counted += sheet_number (&sheet, count);
        }
      g_assert_cmpuint (row - 29, ==, 40);
      g_assert_cmpfloat_with_epsilon (previous_to, stats->sorted[u->n_samples - 1], 1e-6);
      g_assert_cmpfloat (counted, ==, 10000);
    }

  tmp_dir_remove (dir);
}

static void
test_xlsx_redacted (void)
{
  /* Salaries and labor amounts found nowhere else in the reference case. */
  const double salaries[] = { 8000, 9000, 80000, 45000 };
  /* The algorithm engineers' salary and amount, which servers and security
   * devices happen to cost as well: they must be fewer, not gone. */
  const double shared[] = { 10000, 50000 };
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  g_autofree char *plain = export (NULL, dir, "plain.xlsx", path, NULL);
  g_autofree char *redacted = export (NULL, dir, "redacted.xlsx", path, "--redact-labor");
  g_autofree char *plain_strings = tool_output ("unzip", "-p", plain, "xl/sharedStrings.xml", NULL);
  g_autofree char *strings = tool_output ("unzip", "-p", redacted, "xl/sharedStrings.xml", NULL);

  g_assert_nonnull (strstr (plain_strings, "Algorithm engineers"));
  g_assert_null (strstr (strings, "Algorithm engineers"));
  g_assert_null (strstr (strings, "Data engineers"));
  g_assert_null (strstr (strings, "Ops engineers"));
  /* The salaries' share of the uncertainty, under the category's name. */
  g_assert_nonnull (strstr (strings, "Labor (all items)"));

  for (guint n = 2; n <= 4; n++)
    {
      g_auto(Sheet) before = { 0 };
      g_auto(Sheet) after = { 0 };

      read_sheet (&before, plain, n);
      read_sheet (&after, redacted, n);

      for (guint i = 0; i < G_N_ELEMENTS (salaries); i++)
        {
          g_assert_cmpuint (sheet_count_value (&before, salaries[i]), >, 0);
          if (sheet_count_value (&after, salaries[i]) > 0)
            g_error ("sheet %u of the redacted workbook holds %g", n, salaries[i]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
        g_assert_cmpuint (sheet_count_value (&after, shared[i]), <,
                          sheet_count_value (&before, shared[i]));

      /* The labor total is there, and the sheet still adds up to the run-rate. */
      g_assert_cmpuint (sheet_count_value (&after, 175000), >, 0);
      g_assert_cmpfloat (sheet_number (&after, "J19"), ==, sheet_number (&before, "J21"));
    }

  tmp_dir_remove (dir);
}

/* Export into a directory nobody may write to: exit status 1, one clear
 * line naming the file, and no file left. */
static void
test_export_read_only (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  const char *names[] = { "report.pdf", "items.csv", "costs.xlsx" };

  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* root writes anywhere it has permission bits or not: use /proc instead. */
      g_autofree char *out = g_build_filename (geteuid () == 0 ? "/proc" : locked, names[i], NULL);
      g_auto(Run) run = { 0 };

      run_modelcost (&run, NULL, "--export", out, path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, out));
      g_assert_nonnull (strstr (run.err, "Could not"));
      g_assert_cmpuint (count_occurrences (run.err, "\n"), ==, 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpuint (dir_n_entries (locked), ==, 0);
  tmp_dir_remove (dir);
}

/* Export onto a path that is a directory: it fails and the directory stays as it was. */
static void
test_export_onto_directory (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *path = cost_test_example_path ("reference.modelcost");
  const char *names[] = { "report.pdf", "items.csv", "costs.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (dir, names[i], NULL);
      g_auto(Run) run = { 0 };

      g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
      run_modelcost (&run, NULL, "--export", out, path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, out));
      g_assert_cmpuint (count_occurrences (run.err, "\n"), ==, 1);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (dir_n_entries (out), ==, 0);
      g_assert_cmpuint (dir_n_entries (dir), ==, i + 1);
    }

  tmp_dir_remove (dir);
}

/* Each chart name builds its data for the baseline and for a scenario; an
 * unknown name is a usage error that lists the names there are. */
static void
test_chart_choices (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(GPtrArray) results = cost_calc_compute_all (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = cost_chart_choice_list_ids ();
  const CostChartChoice *choices;
  guint n;

  g_assert_cmpstr (ids, ==, "donut, stacked, ranked, monthly, comparison, tornado, histogram, s-curve, fan, contributions, "
                             "burn-up");

  choices = cost_chart_choice_get_all (&n);
  g_assert_cmpuint (n, ==, 11);
  g_assert_true (cost_chart_choice_find (COST_CHART_CHOICE_DEFAULT, NULL) == &choices[0]);

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (cost_chart_choice_find (choices[i].id, NULL) == &choices[i]);
      g_assert_cmpstr (choices[i].label, !=, "");

      /* The uncertainty charts need ranges (test-chart-data.c). */
      if (i >= 5)
        continue;

      for (guint r = 0; r < 2; r++)
        {
          g_autoptr(CostChartDataset) dataset =
            choices[i].build (project, results, g_ptr_array_index (results, r), NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (dataset);
        }
    }

  g_assert_null (cost_chart_choice_find ("piechart", &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==,
                   "Unknown chart “piechart”: use one of donut, stacked, ranked, monthly, comparison, tornado, "
                   "histogram, s-curve, fan, contributions, burn-up");
}

/* A scenario's change from the baseline, in words and in table cells, with
 * the same signs and the same rounding everywhere. */
static void
test_change_text (void)
{
  const struct {
    double           value;
    double           baseline;
    CostFormatFlags  flags;
    CostChangeStyle  style;
    const char      *expected;
  } cases[] = {
    { 325000, 375000, COST_FORMAT_WHOLE, COST_CHANGE_TEXT, "−¥50000 (−13.3%)" },
    { 325000, 375000, COST_FORMAT_WHOLE, COST_CHANGE_VS_BASELINE, "−¥50000 (−13.3%) vs the baseline" },
    { 375000, 375000, COST_FORMAT_WHOLE, COST_CHANGE_TEXT, "No change" },
    { 375000, 375000.001, COST_FORMAT_WHOLE, COST_CHANGE_VS_BASELINE, "Same as the baseline" },
    { 5000, 0, COST_FORMAT_WHOLE, COST_CHANGE_TEXT, "+¥5000" },
    { 5000, 0, COST_FORMAT_WHOLE, COST_CHANGE_VS_BASELINE, "+¥5000 vs the baseline" },
    { 387000.5, 375000, COST_FORMAT_NO_SYMBOL, COST_CHANGE_AMOUNT, "+12000.50" },
    { 325000, 375000, COST_FORMAT_NO_SYMBOL, COST_CHANGE_AMOUNT, "−50000.00" },
    { 375000, 375000, COST_FORMAT_NO_SYMBOL | COST_FORMAT_WHOLE, COST_CHANGE_AMOUNT, "0" },
    { 387000.5, 375000, COST_FORMAT_NO_SYMBOL, COST_CHANGE_PERCENT, "+3.2%" },
    { 325000, 375000, COST_FORMAT_NO_SYMBOL, COST_CHANGE_PERCENT, "−13.3%" },
    { 375000, 375000, COST_FORMAT_NO_SYMBOL, COST_CHANGE_PERCENT, "0%" },
    { 5000, 0, COST_FORMAT_NO_SYMBOL, COST_CHANGE_PERCENT, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cost_change_text (cases[i].value, cases[i].baseline, "CNY",
                                                cases[i].flags, cases[i].style);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *up = cost_change_text_percent (0.02);
    g_autofree char *down = cost_change_text_percent (-0.5);
    g_autofree char *none = cost_change_text_percent (0.0);

    g_assert_cmpstr (up, ==, "+2%");
    g_assert_cmpstr (down, ==, "−50%");
    g_assert_cmpstr (none, ==, "0%");
  }
}

/* The project of the "Plan vs actual" page, computed by hand: a plan of
 * ¥50,000 a month (compute ¥10,000, labor ¥40,000) for six months from
 * January 2027 against a budget of ¥52,000 a month; actual ¥49,500,
 * ¥53,500 (¥500 of it unassigned) and ¥57,000. To date: plan ¥150,000,
 * actual ¥160,000, +¥10,000 (+6.67%); compute ¥30,000 against ¥36,500,
 * +¥6,500 (+21.7%); labor ¥120,000 against ¥123,000, +¥3,000 (+2.5%).
 * At completion: plan ¥300,000; ¥160,000 + 3 × ¥50,000 = ¥310,000 with
 * the plan; ¥160,000 + 3 × ¥160,000 ÷ 3 = ¥320,000 at the recent pace;
 * budget 6 × ¥52,000 = ¥312,000. Requests served 33, 35 and 38 million:
 * ¥49,500 ÷ 33,000 = ¥1.50, ¥53,500 ÷ 35,000 = ¥1.53, ¥57,000 ÷ 38,000 =
 * ¥1.50 per 1,000; the plan's 120,000 users × 10 a day × 365/12 =
 * 36,500,000 requests make ¥50,000 ÷ 36,500 = ¥1.37. */
static char *
actuals_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "report", "actuals.modelcost", NULL);
}

static void
check_pdf_actuals (const char *lang,
                   const char *heading,
                   const char *january,
                   const char *march)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = actuals_path ();
  g_autofree char *pdf = NULL;
  g_autofree char *page = NULL;
  g_autofree char *next = NULL;
  const double amounts[] = { 160000, 150000, 49500, 53500, 57000, 36500, 123000, 310000, 320000, 312000, 300000 };
  const char *cells[] = { "+¥10,000", "+¥6,500", "+¥3,000", "−¥500", "+¥7,000", "¥1.50", "¥1.53", "¥1.37", "+21.7%",
                          "+2.5%", "+14%" };
  int n, at = 0;

  if (!locale_available (lang))
    {
      g_test_skip_printf ("%s is not installed", lang);
      tmp_dir_remove (dir);
      return;
    }

  pdf = export (lang, dir, "report.pdf", project, NULL);
  n = pdf_pages (pdf);
  for (int i = 1; i <= n && at == 0; i++)
    {
      g_autofree char *candidate = pdf_page_text (pdf, i);

      if (strstr (candidate, heading) != NULL)
        {
          at = i;
          page = g_steal_pointer (&candidate);
        }
    }
  g_assert_cmpint (at, >, 0);
  /* The forecasts and warnings may run onto the next page. */
  if (at < n)
    {
      g_autofree char *following = pdf_page_text (pdf, at + 1);

      next = g_strconcat (page, following, NULL);
    }
  else
    next = g_strdup (page);

  assert_contains (page, january);
  assert_contains (page, march);
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *money = money_in_locale (lang, amounts[i]);

      assert_contains (next, money);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    assert_contains (next, cells[i]);

  tmp_dir_remove (dir);
}

static void
test_pdf_actuals (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *plain_path = g_test_build_filename (G_TEST_DIST, "report", "varied.modelcost", NULL);
  g_autofree char *plain = export ("en_US.UTF-8", dir, "plain.pdf", plain_path, NULL);
  g_autofree char *text = tool_output ("pdftotext", plain, "-", NULL);

  /* Without actual spending, no such page. */
  g_assert_null (strstr (text, "Plan vs actual"));
  tmp_dir_remove (dir);

  check_pdf_actuals ("en_US.UTF-8", "Plan vs actual", "Jan 2027", "Mar 2027");
  check_pdf_actuals ("zh_CN.UTF-8", "计划与实际", "2027年1月", "2027年3月");
}

static void
test_pdf_actuals_words (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = actuals_path ();
  g_autofree char *pdf = export ("en_US.UTF-8", dir, "report.pdf", project, NULL);
  g_autofree char *text = tool_output ("pdftotext", pdf, "-", NULL);

  /* The forecasts in plain words, the unassigned amount, the warnings. */
  assert_contains (text, "Forecast: spent so far, then the plan");
  assert_contains (text, "if the 3 months left cost what the plan says");
  assert_contains (text, "Forecast: spent so far, then the recent pace");
  assert_contains (text, "Budget at completion");
  assert_contains (text, "Unassigned");
  assert_contains (text, "Mar 2027 ran 14% over plan");
  assert_contains (text, "Compute ran 50% over plan in Mar 2027");
  assert_contains (text, "is over the budget of");
  assert_contains (text, "Cumulative cost: plan against actual");

  tmp_dir_remove (dir);
}

/* The "Plan vs actual" sheet: numbers as numbers, each month's plan,
 * actual, variance and its share for the project and each category, what
 * 1,000 requests cost, the months to date, then the forecasts. */
static void
test_xlsx_actuals (void)
{
  g_autofree char *dir = tmp_dir_new ();
  g_autofree char *project = actuals_path ();
  g_autofree char *xlsx = export (NULL, dir, "costs.xlsx", project, NULL);
  g_autofree char *workbook = tool_output ("unzip", "-p", xlsx, "xl/workbook.xml", NULL);
  g_autofree char *strings = tool_output ("unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL);
  g_autofree char *styles = tool_output ("unzip", "-p", xlsx, "xl/styles.xml", NULL);
  g_auto(Sheet) sheet = { 0 };
  static const struct
  {
    const char *cell;
    double      value;
  } cells[] = {
    /* January: the project, compute, labor, nothing unassigned. */
    { "B5", 50000 }, { "C5", 49500 }, { "D5", -500 }, { "E5", -0.01 },
    { "F5", 10000 }, { "G5", 9500 }, { "H5", -500 }, { "I5", -0.05 },
    { "J5", 40000 }, { "K5", 40000 }, { "L5", 0 }, { "N5", 0 },
    /* February: compute 12,000 (+20%), ¥500 unassigned. */
    { "C6", 53500 }, { "G6", 12000 }, { "I6", 0.2 }, { "N6", 500 },
    /* Requests and what 1,000 of them cost. */
    { "O5", 33000000 }, { "P5", 1.5 }, { "O7", 38000000 }, { "P7", 1.5 },
    /* April, after the last month reported: the plan only. */
    { "B8", 50000 },
    /* To date (row 11). */
    { "B11", 150000 }, { "C11", 160000 }, { "D11", 10000 }, { "F11", 30000 }, { "G11", 36500 }, { "H11", 6500 },
    { "K11", 123000 }, { "N11", 500 },
    /* At completion (rows 13 to 17). */
    { "F13", 300000 }, { "F14", 310000 }, { "F15", 320000 }, { "F17", 312000 },
  };

  g_assert_nonnull (strstr (workbook, "name=\"Plan vs actual\""));
  read_sheet (&sheet, xlsx, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_assert_false (g_hash_table_contains (sheet.strings, cells[i].cell));
      if (fabs (sheet_number (&sheet, cells[i].cell) - cells[i].value) > 1e-9)
        g_error ("%s holds %g, not %g", cells[i].cell, sheet_number (&sheet, cells[i].cell), cells[i].value);
    }
  g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, "Q5"), 50000.0 / 36500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, "P6"), 53500.0 / 35000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, "E11"), 10000.0 / 150000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sheet_number (&sheet, "F16"), 160000.0 / 3, 0.005);

  /* A later month has no actual, and the labels are text. */
  g_assert_false (g_hash_table_contains (sheet.values, "C8"));
  g_assert_true (g_hash_table_contains (sheet.strings, "A5"));
  g_assert_nonnull (strstr (strings, "Jan 2027"));
  g_assert_nonnull (strstr (strings, "Compute: Variance (%)"));
  g_assert_nonnull (strstr (strings, "Mar 2027 ran 14% over plan"));

  /* Amounts and shares in number formats. */
  g_assert_nonnull (strstr (styles, "formatCode=\"#,##0.00\""));
  g_assert_nonnull (strstr (styles, "formatCode=\"0.0%\""));

  tmp_dir_remove (dir);
}

/* Months by the calendar when the project starts on one, else by number. */
static void
test_month_labels (void)
{
  g_autoptr(CostProject) project = cost_test_load_example ("reference.modelcost");
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autoptr(CostChartDataset) numbered = cost_chart_data_by_month (project, result);
  g_autoptr(CostChartDataset) calendar = NULL;

  g_assert_cmpstr (cost_chart_dataset_get_group_label (numbered, 0), ==, "M1");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (numbered, 11), ==, "M12");

  g_assert_true (cost_project_set_start (project, "2027-03", NULL));
  calendar = cost_chart_data_by_month (project, result);
  g_assert_cmpstr (cost_chart_dataset_get_group_label (calendar, 0), ==, "Mar 2027");
  g_assert_cmpstr (cost_chart_dataset_get_group_label (calendar, 11), ==, "Feb 2028");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pdf/reference", test_pdf_reference);
  g_test_add_func ("/report/pdf/letter", test_pdf_letter);
  g_test_add_func ("/report/pdf/fonts", test_pdf_fonts);
  g_test_add_func ("/report/pdf/long-tables", test_pdf_long_tables);
  g_test_add_func ("/report/pdf/redacted", test_pdf_redacted);
  g_test_add_func ("/report/pdf/scenario", test_pdf_scenario);
  g_test_add_func ("/report/pdf/scenario-named", test_pdf_scenario_named);
  g_test_add_func ("/report/pdf/all-scenarios", test_pdf_all_scenarios);
  g_test_add_func ("/report/pdf/projection-sensitivity", test_pdf_projection_sensitivity);
  g_test_add_func ("/report/pdf/long-description", test_pdf_long_description);
  g_test_add_func ("/report/slides", test_slides);
  g_test_add_func ("/report/cli/size", test_cli_size);
  g_test_add_func ("/report/pdf/unit-economics", test_pdf_unit_economics);
  g_test_add_func ("/report/pdf/business-ratios", test_pdf_business_ratios);
  g_test_add_func ("/report/pdf/uncertainty", test_pdf_uncertainty);
  g_test_add_func ("/report/pdf/uncertainty-source", test_pdf_uncertainty_source);
  g_test_add_func ("/report/pdf/uncertainty-options", test_pdf_uncertainty_options);
  g_test_add_func ("/report/layout/footer-band", test_layout_footer_band);
  g_test_add_func ("/report/layout/orphans", test_layout_orphans);
  g_test_add_func ("/report/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/report/csv/redacted", test_csv_redacted);
  g_test_add_func ("/report/xlsx/formulas", test_xlsx_formulas);
  g_test_add_func ("/report/xlsx/redacted", test_xlsx_redacted);
  g_test_add_func ("/report/xlsx/uncertainty", test_xlsx_uncertainty);
  g_test_add_func ("/report/export/read-only", test_export_read_only);
  g_test_add_func ("/report/export/onto-directory", test_export_onto_directory);
  g_test_add_func ("/report/pdf/chinese", test_pdf_chinese);
  g_test_add_func ("/report/charts/choices", test_chart_choices);
  g_test_add_func ("/report/pdf/actuals", test_pdf_actuals);
  g_test_add_func ("/report/pdf/actuals-words", test_pdf_actuals_words);
  g_test_add_func ("/report/xlsx/actuals", test_xlsx_actuals);
  g_test_add_func ("/report/month-labels", test_month_labels);
  g_test_add_func ("/report/change/text", test_change_text);

  return g_test_run ();
}
