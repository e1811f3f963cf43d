/* cost-slides.c
 *
 * The slides of a presentation, and their export: a 16:9 PDF of one page
 * per slide, each naming the project and the scenario above the key
 * figures and the slide's chart, laid out with the report's engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-slides"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cost-change-text.h"
#include "cost-chart-data.h"
#include "cost-export-private.h"
#include "cost-format.h"
#include "cost-report-layout.h"
#include "cost-slides.h"

/* Bars of the largest costs. */
#define TOP_ITEMS 10

#define FOOTER_OFFSET 30.0
#define SIZE_CHART_SLIDE 11.0

/**
 * cost_slide_is_available:
 *
 * Returns: whether @project has @slide, whichever scenario is shown: the
 *   slides stay the same when the scenario changes
 */
gboolean
cost_slide_is_available (CostSlide    slide,
                         CostProject *project)
{
  switch (slide)
    {
    case COST_SLIDE_SCENARIOS:
    case COST_SLIDE_COMPARISON:
      return cost_project_get_n_scenarios (project) > 0;
    case COST_SLIDE_CATEGORIES:
    case COST_SLIDE_MONTHS:
    case COST_SLIDE_TOP_ITEMS:
      return TRUE;
    case COST_N_SLIDES:
    default:
      return FALSE;
    }
}

/**
 * cost_slide_shows_all_scenarios:
 *
 * Returns: whether @slide's chart is of every scenario, not only the one
 *   shown
 */
gboolean
cost_slide_shows_all_scenarios (CostSlide slide)
{
  return slide == COST_SLIDE_SCENARIOS || slide == COST_SLIDE_COMPARISON;
}

/**
 * cost_slide_get_n_available:
 *
 * Returns: how many slides @project has
 */
guint
cost_slide_get_n_available (CostProject *project)
{
  guint count = 0;

  for (CostSlide s = 0; s < COST_N_SLIDES; s++)
    count += cost_slide_is_available (s, project) ? 1 : 0;

  return count;
}

/**
 * cost_slide_get_index:
 *
 * Returns: the 0-based place of @slide among @project's slides
 */
guint
cost_slide_get_index (CostSlide    slide,
                      CostProject *project)
{
  guint index = 0;

  for (CostSlide s = 0; s < slide && s < COST_N_SLIDES; s++)
    index += cost_slide_is_available (s, project) ? 1 : 0;

  return index;
}

/**
 * cost_slide_build:
 * @results: (element-type CostResult): the baseline's, then each scenario's
 * @scenario: the index in @results of the scenario shown
 * @options: (nullable): what to redact
 * @kind: (out): the renderer that draws the data
 *
 * Returns: (transfer full): the data of @slide's chart, whose title is the
 *   slide's
 */
CostChartDataset *
cost_slide_build (CostSlide                 slide,
                  CostProject              *project,
                  GPtrArray                *results,
                  guint                     scenario,
                  const CostExportOptions  *options,
                  CostChartKind            *kind)
{
  const CostResult *baseline = g_ptr_array_index (results, 0);
  const CostResult *result = g_ptr_array_index (results, MIN (scenario, results->len - 1));
  CostChartDataset *dataset = NULL;

  g_return_val_if_fail (cost_slide_is_available (slide, project), NULL);

  switch (slide)
    {
    case COST_SLIDE_CATEGORIES:
      dataset = cost_chart_data_by_category (project, result);
      *kind = COST_CHART_DONUT;
      break;
    case COST_SLIDE_SCENARIOS:
      dataset = cost_chart_data_by_scenario (project, results);
      cost_chart_data_add_budget (dataset, project);
      *kind = COST_CHART_STACKED;
      break;
    case COST_SLIDE_MONTHS:
      dataset = cost_chart_data_by_month (project, result);
      cost_chart_data_add_budget (dataset, project);
      *kind = COST_CHART_STACKED;
      break;
    case COST_SLIDE_TOP_ITEMS:
      dataset = cost_chart_data_top_items (project, result, TOP_ITEMS, options);
      *kind = COST_CHART_RANKED;
      break;
    case COST_SLIDE_COMPARISON:
      /* From the baseline itself: to the first scenario, as the Comparison page does. */
      dataset = cost_chart_data_comparison (project, baseline, result != baseline ? result :
                                                                 g_ptr_array_index (results, 1));
      *kind = COST_CHART_WATERFALL;
      break;
    case COST_N_SLIDES:
    default:
      g_assert_not_reached ();
    }

  return dataset;
}

/* ---------------------------------------------------------------------- */
/* Export                                                                 */

typedef struct
{
  CostProject *project;
  CostLayout  *layout;
  char        *caption;  /* the footer's: the project and the scenario */
} Slides;

/* The key figures of the scenario shown, in the presentation's order,
 * each with its change from the baseline when a scenario is shown. */
static void
place_figures (Slides           *slides,
               const CostResult *baseline,
               const CostResult *result)
{
  const char *currency = cost_project_get_currency (slides->project);
  g_autofree char *horizon_label =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month", "Total over %d months",
                                  result->horizon), result->horizon);
  const char *labels[4] = { _("Monthly run-rate"), _("First-year total"), _("One-time total"), horizon_label };
  const double figures[4][2] = {
    { result->run_rate, baseline->run_rate },
    { result->first_year, baseline->first_year },
    { result->one_time, baseline->one_time },
    { result->horizon_total, baseline->horizon_total },
  };
  char *values[4], *notes[4] = { NULL, };

  for (guint i = 0; i < 4; i++)
    {
      values[i] = cost_format_money (figures[i][0], currency, COST_FORMAT_WHOLE);
      if (result != baseline)
        notes[i] = cost_change_text (figures[i][0], figures[i][1], currency, COST_FORMAT_WHOLE,
                                     COST_CHANGE_VS_BASELINE);
    }

  cost_layout_place_tiles_full (slides->layout, labels, (const char **) values,
                                result != baseline ? (const char **) notes : NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_free (values[i]);
      g_free (notes[i]);
    }
}

/* One slide on a page of its own: the project and the scenario, the
 * chart's title, the key figures and the chart below them. */
static void
place_slide (Slides                  *slides,
             CostSlide                slide,
             GPtrArray               *results,
             guint                    scenario,
             const CostExportOptions *options)
{
  CostLayout *layout = slides->layout;
  double width = cost_layout_content_width (layout);
  g_autoptr(CostChartDataset) dataset = NULL;
  g_auto(CostLayoutBlock) head = { NULL, };
  g_auto(CostLayoutBlock) chart = { NULL, };
  CostChartKind kind;
  PangoLayout *title;
  double y;

  dataset = cost_slide_build (slide, slides->project, results, scenario, options, &kind);

  cost_layout_break_page (layout);
  cost_layout_block_init (&head);
  cost_layout_block_add_fill (&head, 0, 0, width, 3.0, 0, accent);
  y = 10.0;
  y += cost_layout_block_add_text (&head, cost_layout_text (layout, slides->caption, SIZE_CAPTION, TRUE, width,
                                                            PANGO_ALIGN_LEFT), 0, y, accent);
  y += 4.0;
  title = cost_layout_text (layout, cost_chart_dataset_get_title (dataset), SIZE_TITLE, TRUE, width,
                            PANGO_ALIGN_LEFT);
  pango_layout_set_height (title, -1);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  y += cost_layout_block_add_text (&head, title, 0, y, ink);
  head.height = y + 10.0;
  cost_layout_place (layout, &head);

  place_figures (slides, g_ptr_array_index (results, 0), g_ptr_array_index (results, scenario));
  cost_layout_skip (layout, 14.0);

  cost_layout_block_init (&chart);
  chart.height = cost_layout_get_room (layout);
  cost_layout_block_add_chart (&chart, kind, g_steal_pointer (&dataset), 0, 0, width, chart.height);
  cost_layout_place (layout, &chart);
}

static void
draw_slide (gpointer  data,
            cairo_t  *cr,
            guint     page)
{
  Slides *slides = data;
  CostLayout *layout = slides->layout;
  double width = cost_layout_content_width (layout);
  double y = cost_layout_get_page_height (layout) - FOOTER_OFFSET;
  /* Translators: which chart of how many: "2 / 5" */
  g_autofree char *number = g_strdup_printf (_("%u / %u"), page + 1, cost_layout_get_n_pages (layout));
  g_autoptr(PangoLayout) caption = cost_layout_text (layout, slides->caption, SIZE_SMALL, FALSE, width * 0.8,
                                                     PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) numbers = cost_layout_text (layout, number, SIZE_SMALL, FALSE, width * 0.2,
                                                     PANGO_ALIGN_RIGHT);

  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (caption, -1);

  cairo_save (cr);
  cost_layout_draw_page (layout, cr, page);

  cost_layout_set_color (cr, rule_light);
  cairo_rectangle (cr, MARGIN_X, y - 6.0, width, 0.5);
  cairo_fill (cr);
  cost_layout_set_color (cr, ink_secondary);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, caption);
  cairo_move_to (cr, MARGIN_X + width * 0.8, y);
  pango_cairo_show_layout (cr, numbers);
  cairo_restore (cr);
}

/**
 * cost_export_slides:
 * @file: a .pdf file
 * @options: (nullable): the scenario shown and what to redact
 *
 * Writes the slides that presentation mode shows, of the scenario of
 * @options, one a page of COST_SLIDE_WIDTH × COST_SLIDE_HEIGHT points.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
cost_export_slides (CostProject              *project,
                    GFile                    *file,
                    const CostExportOptions  *options,
                    GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CostLayout) layout = NULL;
  g_autofree char *caption = NULL;
  CostScenario *scenario = options != NULL ? options->scenario : NULL;
  Slides slides;
  guint position = 0;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (scenario != NULL)
    {
      if (cost_project_find_scenario (project, cost_scenario_get_id (scenario), &position) != scenario)
        {
          g_set_error (error, COST_ERROR, COST_ERROR_NOT_FOUND,
                       _("The scenario “%s” is not part of the project"), cost_scenario_get_id (scenario));
          return FALSE;
        }
      position++;
    }

  results = _cost_export_dup_results (project, options);
  layout = cost_layout_new (COST_SLIDE_WIDTH, COST_SLIDE_HEIGHT);
  /* Read across a room: larger than on paper. */
  cost_layout_set_chart_size (layout, SIZE_CHART_SLIDE);
  caption = cost_export_dup_caption (project, scenario, FALSE);
  slides = (Slides) { project, layout, caption };

  for (CostSlide s = 0; s < COST_N_SLIDES; s++)
    if (cost_slide_is_available (s, project))
      place_slide (&slides, s, results, position, options);
  cost_layout_finish (layout);

  return _cost_export_write_pdf (project, file, COST_SLIDE_WIDTH, COST_SLIDE_HEIGHT,
                                 cost_layout_get_n_pages (layout), draw_slide, &slides, error);
}
