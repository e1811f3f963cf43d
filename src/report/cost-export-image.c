/* cost-export-image.c — PNG and SVG export of one chart (to be written) */

#define G_LOG_DOMAIN "cost-export-image"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-export-private.h"

gboolean
_cost_export_image (CostProject              *project,
                    GFile                    *file,
                    const CostExportOptions  *options,
                    const char               *format,
                    GError                  **error)
{
  g_set_error (error, COST_ERROR, COST_ERROR_USAGE, "%s export is not available yet", format);
  return FALSE;
}
