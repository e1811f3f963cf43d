/* cost-export-xlsx.c — XLSX export (to be written) */

#define G_LOG_DOMAIN "cost-export-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-export-private.h"

gboolean
_cost_export_xlsx (CostProject              *project,
                   GFile                    *file,
                   const CostExportOptions  *options,
                   GError                  **error)
{
  g_set_error (error, COST_ERROR, COST_ERROR_USAGE, "XLSX export is not available yet");
  return FALSE;
}
