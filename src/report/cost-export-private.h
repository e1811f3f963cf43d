/* cost-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cost-export.h"

G_BEGIN_DECLS

typedef void (*CostExportDrawPageFunc) (gpointer  data,
                                        cairo_t  *cr,
                                        guint     page);

GPtrArray *_cost_export_dup_results (CostProject              *project,
                                     const CostExportOptions  *options);

gboolean _cost_export_image (CostProject              *project,
                             GFile                    *file,
                             const CostExportOptions  *options,
                             const char               *format,
                             GError                  **error);
gboolean _cost_export_pdf   (CostProject              *project,
                             GFile                    *file,
                             const CostExportOptions  *options,
                             GError                  **error);
gboolean _cost_export_xlsx  (CostProject              *project,
                             GFile                    *file,
                             const CostExportOptions  *options,
                             GError                  **error);
gboolean _cost_export_write_pdf (CostProject             *project,
                                 GFile                   *file,
                                 double                   width,
                                 double                   height,
                                 guint                    n_pages,
                                 CostExportDrawPageFunc   draw_page,
                                 gpointer                 data,
                                 GError                 **error);

G_END_DECLS
