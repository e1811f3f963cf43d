/* cost-report.h
 *
 * The report for management: cover, key figures, unit economics (when the
 * project describes its traffic), charts, line items, scenario comparison,
 * assumptions. Lay it out for a page size with cost_report_paginate(), then
 * draw each page on any cairo_t whose unit is the point: a PDF surface (the
 * export), a GtkPrintContext's (printing, with
 * gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and
 * gtk_print_operation_set_use_full_page (op, TRUE)) or an image (preview).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cost-export.h"

G_BEGIN_DECLS

#define COST_TYPE_REPORT (cost_report_get_type ())

G_DECLARE_FINAL_TYPE (CostReport, cost_report, COST, REPORT, GObject)

CostReport *cost_report_new            (CostProject             *project,
                                        const CostExportOptions *options);
void        cost_report_get_paper_size (const char              *paper,
                                        double                  *width,
                                        double                  *height);
void        cost_report_paginate       (CostReport              *self,
                                        double                   page_width,
                                        double                   page_height);
guint       cost_report_get_n_pages    (CostReport              *self);
void        cost_report_draw_page      (CostReport              *self,
                                        cairo_t                 *cr,
                                        guint                    page);

G_END_DECLS
