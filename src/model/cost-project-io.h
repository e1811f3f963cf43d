/* cost-project-io.h
 *
 * Project files: cost-project-reader.c reads, cost-project-writer.c writes,
 * cost-file.c replaces a file safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-file.h"
#include "cost-json.h"
#include "cost-project.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are parsed. */
#define COST_MAX_FILE_BYTES   (16 * 1024 * 1024)
#define COST_MAX_DEPTH        32
#define COST_MAX_CATEGORIES   1000
#define COST_MAX_ITEMS        100000
#define COST_MAX_SCENARIOS    1000
/* Scenarios × items: what one recompute may have to go through. */
#define COST_MAX_SCENARIO_ITEMS 2000000
#define COST_MAX_CONTAINERS   500000
/* No object of a project has more members than this, by far. */
#define COST_MAX_MEMBERS      100000

CostProject *cost_project_load_from_data (const char   *data,
                                          gssize        length,
                                          GError      **error);
CostProject *cost_project_load           (GFile        *file,
                                          GCancellable *cancellable,
                                          GError      **error);
char        *cost_project_to_data        (CostProject  *project,
                                          gsize        *length);
gboolean     cost_project_save           (CostProject  *project,
                                          GFile        *file,
                                          GCancellable *cancellable,
                                          GError      **error);

G_END_DECLS
