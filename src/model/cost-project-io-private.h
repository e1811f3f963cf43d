/* cost-project-io-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project-io.h"

G_BEGIN_DECLS

/* From this size on, a project's items are read in pieces of about
 * COST_LOAD_PIECE_BYTES, in several threads. */
#define COST_LOAD_PIECES_MIN_BYTES (256 * 1024)
#define COST_LOAD_PIECE_BYTES      (64 * 1024)

typedef enum
{
  COST_LOAD_AUTO,
  COST_LOAD_WHOLE,
  COST_LOAD_PIECES,
} CostLoadMode;

CostProject *_cost_project_load_from_data_with (const char    *data,
                                                gssize         length,
                                                CostLoadMode   mode,
                                                gsize          piece_bytes,
                                                GError       **error);

G_END_DECLS
