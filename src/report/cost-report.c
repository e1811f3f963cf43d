/* cost-report.c
 *
 * The report for management, laid out once for a page size and drawn page by
 * page with cairo and Pango: the same code writes the PDF and prints. The
 * sections are in cost-report-sections.c, the layout engine they place
 * their text on in cost-report-layout.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cost-export-private.h"
#include "cost-project-io.h"
#include "cost-report-private.h"

#define FOOTER_OFFSET   30.0   /* from the bottom edge to the footer text */

#define A4_WIDTH        (210.0 / 25.4 * 72.0)
#define A4_HEIGHT       (297.0 / 25.4 * 72.0)
#define LETTER_WIDTH    612.0
#define LETTER_HEIGHT   792.0

G_DEFINE_FINAL_TYPE (CostReport, cost_report, G_TYPE_OBJECT)

static void
cost_report_finalize (GObject *object)
{
  CostReport *self = (CostReport *) object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->uncertainty, cost_uncertainty_unref);
  g_clear_pointer (&self->layout, cost_layout_free);

  G_OBJECT_CLASS (cost_report_parent_class)->finalize (object);
}

static void
cost_report_class_init (CostReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cost_report_finalize;
}

static void
cost_report_init (CostReport *self)
{
}

/* The report's date: now, or SOURCE_DATE_EPOCH for reproducible output. */
static GDateTime *
report_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_local ();
}

static gboolean
is_whole (double amount)
{
  return fabs (amount - round (amount)) < 0.005;
}

static gboolean
result_is_whole (const CostResult *result)
{
  if (!is_whole (result->run_rate) || !is_whole (result->first_year) ||
      !is_whole (result->horizon_total) || !is_whole (result->one_time))
    return FALSE;

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (!is_whole (f->params.unit_price) || !is_whole (f->run_rate) || !is_whole (f->one_time))
        return FALSE;
    }

  return TRUE;
}

/**
 * cost_report_new:
 * @options: (nullable): the scenario to report and whether labor is redacted
 *
 * Takes a snapshot of @project's figures; later edits do not change the report.
 * When the project has ranges, the report says how sure the plan is, from
 * @options' simulation or, without one, from a simulation with the
 * project's samples and seed.
 *
 * Returns: (transfer full): a report, to be paginated before it is drawn
 */
CostReport *
cost_report_new (CostProject             *project,
                 const CostExportOptions *options)
{
  CostReport *self;
  guint position = 0;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self = g_object_new (COST_TYPE_REPORT, NULL);
  self->project = g_object_ref (project);
  self->results = _cost_export_dup_results (project, options);
  self->redact_labor = options != NULL && options->redact_labor;
  self->all_scenarios = options != NULL && options->all_scenarios && self->results->len > 1;
  self->date = report_date ();

  if (options != NULL && options->scenario != NULL &&
      cost_project_find_scenario (project, cost_scenario_get_id (options->scenario), &position))
    position++;
  self->result = g_ptr_array_index (self->results, position);

  if (options != NULL && options->uncertainty != NULL)
    self->uncertainty = cost_uncertainty_ref (options->uncertainty);
  else if (cost_uncertainty_count_ranges (project) > 0)
    self->uncertainty = cost_uncertainty_compute (project, self->result->scenario, cost_project_get_samples (project),
                                                  cost_project_get_seed (project), 0, NULL);

  self->whole = TRUE;
  for (guint i = 0; i < self->results->len; i++)
    self->whole = self->whole && result_is_whole (g_ptr_array_index (self->results, i));

  return self;
}

/**
 * cost_report_get_paper_size:
 * @paper: (nullable): "a4" (the default) or "letter"
 *
 * The portrait page size in points.
 */
void
cost_report_get_paper_size (const char *paper,
                            double     *width,
                            double     *height)
{
  gboolean letter = paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0;

  if (width != NULL)
    *width = letter ? LETTER_WIDTH : A4_WIDTH;
  if (height != NULL)
    *height = letter ? LETTER_HEIGHT : A4_HEIGHT;
}


/**
 * cost_report_paginate:
 * @page_width: the page width in points (the whole sheet: the report keeps its own margins)
 * @page_height: the page height in points
 *
 * Lays the report out on pages of the given size. Print with
 * `gtk_print_operation_set_unit (op, GTK_UNIT_POINTS)` and
 * `gtk_print_operation_set_use_full_page (op, TRUE)` so that a point on the
 * page is a unit of the print context's cairo_t.
 */
void
cost_report_paginate (CostReport *self,
                      double      page_width,
                      double      page_height)
{
  g_return_if_fail (COST_IS_REPORT (self));
  g_return_if_fail (page_width > 2 * MARGIN_X && page_height > MARGIN_TOP + MARGIN_BOTTOM);

  g_clear_pointer (&self->layout, cost_layout_free);
  self->layout = cost_layout_new (page_width, page_height);

  _cost_report_place_sections (self);

  cost_layout_finish (self->layout);
}

guint
cost_report_get_n_pages (CostReport *self)
{
  g_return_val_if_fail (COST_IS_REPORT (self), 0);

  return self->layout != NULL ? cost_layout_get_n_pages (self->layout) : 0;
}

static void
draw_footer (CostReport *self,
             cairo_t    *cr,
             guint       page)
{
  CostLayout *layout = self->layout;
  double width = cost_layout_content_width (layout);
  double y = cost_layout_get_page_height (layout) - FOOTER_OFFSET;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, cost_layout_get_n_pages (layout));
  g_autoptr(PangoLayout) title = cost_layout_text (layout, cost_project_get_title (self->project),
                                                   SIZE_SMALL, FALSE, width * 0.7, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) numbers = cost_layout_text (layout, number, SIZE_SMALL, FALSE, width * 0.3,
                                                     PANGO_ALIGN_RIGHT);

  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -1);

  cost_layout_set_color (cr, rule_light);
  cairo_rectangle (cr, MARGIN_X, y - 6.0, width, 0.5);
  cairo_fill (cr);

  cost_layout_set_color (cr, ink_secondary);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, MARGIN_X + width * 0.7, y);
  pango_cairo_show_layout (cr, numbers);
}

/**
 * cost_report_draw_page:
 * @cr: a cairo context whose unit is the point, origin at the sheet's top left
 * @page: 0-based, less than cost_report_get_n_pages()
 *
 * Draws one page on a white sheet (the caller's surface provides the white).
 */
void
cost_report_draw_page (CostReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  g_return_if_fail (COST_IS_REPORT (self));
  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page < cost_layout_get_n_pages (self->layout));

  cairo_save (cr);

  cost_layout_draw_page (self->layout, cr, page);
  draw_footer (self, cr, page);

  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* PDF                                                                    */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * _cost_export_write_pdf:
 * @draw_page: draws a page on a cairo_t whose unit is the point
 *
 * Writes @n_pages pages of @width × @height points, with @project's title
 * and the date (SOURCE_DATE_EPOCH's when set) in the file's metadata.
 */
gboolean
_cost_export_write_pdf (CostProject             *project,
                        GFile                   *file,
                        double                   width,
                        double                   height,
                        guint                    n_pages,
                        CostExportDrawPageFunc   draw_page,
                        gpointer                 data,
                        GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GDateTime) date = report_date ();
  g_autofree char *created = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *creator = g_strdup_printf ("ModelCost %s", PACKAGE_VERSION);
  const char *author = g_get_real_name ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cost_project_get_title (project));
  if (author != NULL && strcmp (author, "Unknown") != 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (data, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, COST_ERROR, COST_ERROR_IO, _("Could not export “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  return cost_file_replace_contents (file, (const char *) bytes->data, bytes->len, FALSE, NULL, error);
}

static void
draw_report_page (gpointer  data,
                  cairo_t  *cr,
                  guint     page)
{
  cost_report_draw_page (data, cr, page);
}

gboolean
_cost_export_pdf (CostProject              *project,
                  GFile                    *file,
                  const CostExportOptions  *options,
                  GError                  **error)
{
  g_autoptr(CostReport) report = cost_report_new (project, options);
  double width, height;

  cost_report_get_paper_size (options ? options->paper : NULL, &width, &height);
  cost_report_paginate (report, width, height);

  return _cost_export_write_pdf (project, file, width, height, cost_report_get_n_pages (report),
                                 draw_report_page, report, error);
}
