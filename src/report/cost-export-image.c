/* cost-export-image.c
 *
 * One chart as a PNG or SVG file, drawn by the same renderer as the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-export-image"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-choice.h"
#include "cost-export-private.h"
#include "cost-project-io.h"

#define DEFAULT_WIDTH  1280
#define DEFAULT_HEIGHT 800

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* The dataset and kind that --chart names, for the scenario of @options. */
static CostChartDataset *
build_chart (CostProject              *project,
             const CostExportOptions  *options,
             const CostChartChoice   **chosen,
             GError                  **error)
{
  const char *name = options && options->chart ? options->chart : COST_CHART_CHOICE_DEFAULT;
  CostScenario *scenario = options ? options->scenario : NULL;
  g_autoptr(GPtrArray) results = _cost_export_dup_results (project, options);
  CostResult *result = g_ptr_array_index (results, 0);
  const CostChartChoice *choice;

  if (scenario != NULL)
    {
      guint position;

      if (cost_project_find_scenario (project, cost_scenario_get_id (scenario), &position) != scenario)
        {
          g_set_error (error, COST_ERROR, COST_ERROR_NOT_FOUND,
                       _("The scenario “%s” is not part of the project"), cost_scenario_get_id (scenario));
          return NULL;
        }
      result = g_ptr_array_index (results, position + 1);
    }

  choice = cost_chart_choice_find (name, error);
  if (choice == NULL)
    return NULL;

  *chosen = choice;
  return choice->build (project, results, result, options, error);
}

/* Draws @dataset in the light style with its title and @caption, @options'
 * width × height pixels (SVG points), times @options' scale for PNG. */
static GBytes *
draw_chart (CostChartKind             kind,
            CostChartDataset         *dataset,
            const char               *caption,
            const CostExportOptions  *options,
            gboolean                  png,
            GError                  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  CostChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale = options && options->scale >= 1.0 ? options->scale : 1.0;
  int width = options ? options->width : 0;
  int height = options ? options->height : 0;

  /* Either side alone keeps the default proportions. */
  if (width <= 0 && height <= 0)
    {
      width = DEFAULT_WIDTH;
      height = DEFAULT_HEIGHT;
    }
  else if (width <= 0)
    width = (int) round (height * (double) DEFAULT_WIDTH / DEFAULT_HEIGHT);
  else if (height <= 0)
    height = (int) round (width * (double) DEFAULT_HEIGHT / DEFAULT_WIDTH);

  if (png)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
    }

  cost_chart_style_init (&style, FALSE);
  style.show_title = TRUE;
  style.caption = caption;

  cr = cairo_create (surface);
  cost_chart_draw (cr, &(CostChartRect) { 0, 0, width, height }, kind, dataset, &style, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (png)
        status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_IO, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
write_bytes (GFile   *file,
             GBytes  *bytes,
             GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return cost_file_replace_contents (file, data, length, FALSE, NULL, error);
}

/**
 * cost_export_chart_png:
 * @caption: (nullable): the line under the chart, as cost_export_dup_caption() gives it
 * @options: (nullable): the size and scale
 *
 * Draws a chart as the image exports do, for the clipboard.
 *
 * Returns: (transfer full) (nullable): the PNG data, or %NULL with @error set
 */
GBytes *
cost_export_chart_png (CostChartKind             kind,
                       CostChartDataset         *dataset,
                       const char               *caption,
                       const CostExportOptions  *options,
                       GError                  **error)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  return draw_chart (kind, dataset, caption, options, TRUE, error);
}

/**
 * cost_export_chart_file:
 * @file: a .png or .svg file
 * @caption: (nullable): the line under the chart, as cost_export_dup_caption() gives it
 * @options: (nullable): the size and scale
 *
 * Writes a chart the caller has, such as the one a page shows, as the
 * image exports draw theirs.
 */
gboolean
cost_export_chart_file (GFile                    *file,
                        CostChartKind             kind,
                        CostChartDataset         *dataset,
                        const char               *caption,
                        const CostExportOptions  *options,
                        GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gboolean png;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  name = g_file_get_basename (file);
  png = name != NULL && g_str_has_suffix (name, ".png");
  if (!png && (name == NULL || !g_str_has_suffix (name, ".svg")))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_USAGE,
                           _("A chart is exported to a .png or .svg file"));
      return FALSE;
    }

  bytes = draw_chart (kind, dataset, caption, options, png, error);

  return bytes != NULL && write_bytes (file, bytes, error);
}

/**
 * _cost_export_image:
 * @format: "png" or "svg"
 *
 * Draws the chart that @options names (the donut by category when none)
 * with its title and a caption naming the scenario, and writes it in one go.
 */
gboolean
_cost_export_image (CostProject              *project,
                    GFile                    *file,
                    const CostExportOptions  *options,
                    const char               *format,
                    GError                  **error)
{
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *caption = NULL;
  const CostChartChoice *choice = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  dataset = build_chart (project, options, &choice, error);
  if (dataset == NULL)
    return FALSE;

  caption = cost_export_dup_caption (project, options ? options->scenario : NULL, choice->all_scenarios);
  bytes = draw_chart (choice->kind, dataset, caption, options, g_strcmp0 (format, "png") == 0, error);

  return bytes != NULL && write_bytes (file, bytes, error);
}
