/* cost-export.c
 *
 * Export dispatch by file extension, and CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-export-private.h"
#include "cost-json-writer.h"
#include "cost-names.h"
#include "cost-project-io.h"

/**
 * cost_export_redacts_category:
 *
 * Returns: whether the items of @category are hidden behind its total: with
 *   redact_labor, the labor category (salaries are confidential outside HR).
 *   Items a scenario adds belong to their category too, so callers decide by
 *   the figures' category rather than the item's.
 */
gboolean
cost_export_redacts_category (const CostExportOptions *options,
                              CostCategory            *category)
{
  return options != NULL && options->redact_labor && category != NULL &&
         g_strcmp0 (cost_category_get_id (category), "labor") == 0;
}

static const char *
scenario_label (CostScenario *scenario)
{
  const char *name;

  if (scenario == NULL)
    return _("Baseline");

  name = cost_names_translate (cost_scenario_get_name (scenario));

  return name[0] != '\0' ? name : _("Unnamed Scenario");
}

static const char *
project_title (CostProject *project)
{
  const char *title = cost_project_get_title (project);

  return title != NULL && title[0] != '\0' ? title : _("Untitled Project");
}

/**
 * cost_export_dup_caption:
 * @scenario: (nullable): the scenario shown, %NULL for the baseline
 * @all_scenarios: the chart shows every scenario, not one
 *
 * Returns: (transfer full): the line under an exported chart: which
 *   scenario it shows, when the project has any, and the project's title
 */
char *
cost_export_dup_caption (CostProject  *project,
                         CostScenario *scenario,
                         gboolean      all_scenarios)
{
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  if (all_scenarios || (cost_project_get_n_scenarios (project) == 0 && scenario == NULL))
    return g_strdup (project_title (project));

  /* Translators: the caption under an exported chart: the scenario it
   * shows, then the project's title */
  return g_strdup_printf (_("Scenario: %s · %s"), scenario_label (scenario), project_title (project));
}

/* @text as a file name: what file systems refuse goes, a colon between
 * words becomes a dash, and spaces do not pile up. */
static void
append_file_name_part (GString    *out,
                       const char *text)
{
  gsize start = out->len;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':' && (p[1] == ' ' || p[1] == '\0'))
        g_string_append (out, " —");
      else if (c == '/' || c == '\\' || c == ':' || c == '|')
        g_string_append_c (out, '-');
      else if (c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || g_unichar_iscntrl (c))
        continue;
      else if (g_unichar_isspace (c))
        {
          if (out->len > start && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }

  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  /* Not a hidden file. */
  while (out->len > start && out->str[start] == '.')
    g_string_erase (out, start, 1);
}

/**
 * cost_export_make_file_name:
 * @suffix: ".modelcost", ".pdf", …
 *
 * Returns: (transfer full): @text made into a file name that every system
 *   takes: "Reference case — e-commerce search.modelcost" for "Reference
 *   case: e-commerce search"
 */
char *
cost_export_make_file_name (const char *text,
                            const char *suffix)
{
  g_autoptr(GString) name = g_string_new (NULL);

  append_file_name_part (name, text != NULL ? text : "");
  if (name->len == 0)
    g_string_append (name, _("Untitled Project"));
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * cost_export_suggest_name:
 * @scenario: (nullable): the scenario exported, %NULL for the baseline
 * @suffix: ".pdf", ".png", …
 *
 * Returns: (transfer full): the file name an export suggests: the
 *   project's title and, when the project has scenarios, the one exported:
 *   "Reference case — e-commerce search — INT8 quantization.pdf"
 */
char *
cost_export_suggest_name (CostProject  *project,
                          CostScenario *scenario,
                          const char   *suffix)
{
  return cost_export_suggest_name_full (project, scenario, FALSE, NULL, suffix);
}

/**
 * cost_export_suggest_name_full:
 * @scenario: (nullable): the scenario exported, %NULL for the baseline
 * @all_scenarios: the export is of every scenario, not of @scenario
 * @what: (nullable): what the file holds when the suffix does not say,
 *   such as "Slides"
 * @suffix: ".pdf", ".png", …
 *
 * Returns: (transfer full): the file name an export suggests, as
 *   cost_export_suggest_name() does, with "All scenarios" in place of the
 *   scenario for @all_scenarios and @what at the end:
 *   "Reference case — e-commerce search — INT8 quantization — Slides.pdf"
 */
char *
cost_export_suggest_name_full (CostProject  *project,
                               CostScenario *scenario,
                               gboolean      all_scenarios,
                               const char   *what,
                               const char   *suffix)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *parts[2] = { NULL, what };

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  append_file_name_part (name, project_title (project));
  if (name->len == 0)
    g_string_append (name, _("Untitled Project"));
  if (all_scenarios)
    parts[0] = _("All scenarios");
  else if (cost_project_get_n_scenarios (project) > 0 || scenario != NULL)
    parts[0] = scenario_label (scenario);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize before = name->len;

      if (parts[i] == NULL)
        continue;
      g_string_append (name, " — ");
      append_file_name_part (name, parts[i]);
      if (name->len == before + strlen (" — "))
        g_string_truncate (name, before);
    }
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      g_string_append (out, text);
    }
}

/**
 * _cost_export_dup_results:
 *
 * Returns: (transfer container) (element-type CostResult): the figures of
 *   the baseline and of every scenario, in the project's order: those the
 *   caller has in @options (the window's, already computed), or computed now
 */
GPtrArray *
_cost_export_dup_results (CostProject             *project,
                          const CostExportOptions *options)
{
  GPtrArray *results;

  if (options == NULL || options->results == NULL ||
      options->results->len != cost_project_get_n_scenarios (project) + 1)
    return cost_calc_compute_all (project);

  /* References, not the caller's array: it may fill again after an edit. */
  results = g_ptr_array_new_full (options->results->len, (GDestroyNotify) cost_result_unref);
  for (guint i = 0; i < options->results->len; i++)
    g_ptr_array_add (results, cost_result_ref (g_ptr_array_index (options->results, i)));

  return results;
}

/**
 * cost_export_csv_data:
 *
 * RFC 4180, UTF-8 (with a byte-order mark, so that spreadsheets read the
 * Chinese text right), CRLF line ends, one row per item. Numbers are
 * written as JSON writes them (C notation, whatever the locale):
 * quantities and prices in the shortest form that parses back to the same
 * values, amounts as their whole cents (cost-json-writer.c).
 *
 * Returns: (transfer full): the CSV text
 */
char *
cost_export_csv_data (CostProject             *project,
                      const CostExportOptions *options,
                      gsize                   *length)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CostResult) other = NULL;
  const CostResult *result;
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint position;
  const char *scenario_name;
  gboolean labor_done = FALSE;

  results = _cost_export_dup_results (project, options);
  result = g_ptr_array_index (results, 0);
  if (options != NULL && options->scenario != NULL)
    {
      if (cost_project_find_scenario (project, cost_scenario_get_id (options->scenario), &position) ==
          options->scenario)
        result = g_ptr_array_index (results, position + 1);
      else
        result = other = cost_calc_compute (project, options->scenario);
    }
  scenario_name = result->scenario ? cost_scenario_get_name (result->scenario) : _("Baseline");

  g_string_append (out, "scenario,category,item,quantity,unit,unit_price,period,"
                        "monthly_amount,first_year_amount,currency\r\n");

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];
      const CostCategoryFigures *cf = &result->categories[f->category_index];
      gboolean redacted = cost_export_redacts_category (options, cf->category);

      if (f->excluded)
        continue;

      if (redacted && labor_done)
        continue;

      csv_field (out, scenario_name);
      g_string_append_c (out, ',');
      csv_field (out, cost_names_translate (cost_category_get_name (cf->category)));
      g_string_append_c (out, ',');

      if (redacted)
        {
          /* One row for the whole category, without individual amounts. */
          labor_done = TRUE;
          csv_field (out, _("(all items, redacted)"));
          g_string_append (out, ",,,,month,");
          cost_json_append_money (out, cf->run_rate);
          g_string_append_c (out, ',');
          cost_json_append_money (out, cf->first_year);
          g_string_append_c (out, ',');
          csv_field (out, cost_project_get_currency (project));
          g_string_append (out, "\r\n");
          continue;
        }

      csv_field (out, cost_names_translate (cost_item_get_name (f->item)));
      g_string_append_c (out, ',');
      cost_json_append_number (out, f->params.quantity);
      g_string_append_c (out, ',');
      csv_field (out, cost_names_translate (cost_item_get_unit (f->item)));
      g_string_append_c (out, ',');
      cost_json_append_number (out, f->params.unit_price);
      g_string_append_c (out, ',');
      csv_field (out, cost_period_to_string (f->params.period));
      g_string_append_c (out, ',');
      cost_json_append_money (out, f->run_rate);
      g_string_append_c (out, ',');
      cost_json_append_money (out, f->first_year);
      g_string_append_c (out, ',');
      csv_field (out, cost_project_get_currency (project));
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

static const char *
extension_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = basename ? strrchr (basename, '.') : NULL;

  if (dot == NULL)
    return "";

  return g_intern_string (dot + 1);
}

/**
 * cost_export_file:
 *
 * Writes @project to @file in the format its extension names. The file is
 * written to a temporary file and renamed into place.
 */
gboolean
cost_export_file (CostProject              *project,
                  GFile                    *file,
                  const CostExportOptions  *options,
                  GError                  **error)
{
  const char *ext = extension_of (file);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_ascii_strcasecmp (ext, "csv") == 0)
    {
      data = cost_export_csv_data (project, options, &length);
      return cost_file_replace_contents (file, data, length, FALSE, NULL, error);
    }

  if (g_ascii_strcasecmp (ext, "pdf") == 0)
    return _cost_export_pdf (project, file, options, error);

  if (g_ascii_strcasecmp (ext, "xlsx") == 0)
    return _cost_export_xlsx (project, file, options, error);

  if (g_ascii_strcasecmp (ext, "png") == 0 || g_ascii_strcasecmp (ext, "svg") == 0)
    return _cost_export_image (project, file, options, g_ascii_tolower (ext[0]) == 'p' ? "png" : "svg", error);

  g_set_error (error, COST_ERROR, COST_ERROR_USAGE,
               _("Cannot export to “.%s”: use .pdf, .png, .svg, .csv or .xlsx"), ext);
  return FALSE;
}
