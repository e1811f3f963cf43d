/* cost-export-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-export.h"

G_BEGIN_DECLS

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

G_END_DECLS
