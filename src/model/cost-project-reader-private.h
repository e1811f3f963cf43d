/* cost-project-reader-private.h
 *
 * What the two halves of the project reader share: cost-project-reader.c
 * reads the document, its categories and items; cost-scenario-reader.c its
 * scenarios, served models, workload and exchange rates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cost-json-reader.h"
#include "cost-json.h"
#include "cost-project.h"
#include "cost-values.h"

G_BEGIN_DECLS

/* What the reading of items in pieces shares with the reader. */
typedef struct
{
  GHashTable *models;
  int         horizon;
} PieceContext;

typedef struct
{
  CostJsonReader json;
  GHashTable    *ids;      /* every category and item id seen */
  GHashTable    *models;   /* the served model ids */
  guint          n_items;
  CostJsonSplit *split;    /* when the items are read in pieces */
  guint          category; /* index of the category being read */
  gboolean       again;    /* the pieces leave a doubt: read the whole */
  PieceContext   context;
} Reader;

extern const char * const _cost_reader_workload_keys[];

gboolean _cost_reader_check_date (Reader      *r,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);
gboolean _cost_reader_value (Reader      *r,
                             JsonObject  *object,
                             const char  *key,
                             gboolean     required,
                             CostValue    value,
                             double       fallback,
                             double      *out,
                             GError     **error);
gboolean _cost_reader_period (Reader      *r,
                              JsonObject  *object,
                              gboolean     required,
                              CostPeriod  *period,
                              GError     **error);
gboolean _cost_reader_months (Reader      *r,
                              JsonObject  *object,
                              int          horizon,
                              int         *start,
                              int         *end,
                              GError     **error);
CostItem *_cost_reader_item (Reader      *r,
                             JsonObject  *object,
                             int          horizon,
                             GError     **error);
gboolean _cost_reader_values (Reader              *r,
                              JsonObject          *object,
                              const char          *key,
                              const char * const  *keys,
                              gboolean (*check) (const char *, double, GError **),
                              gboolean (*func) (gpointer, const char *, double),
                              gpointer             data,
                              GVariant           **ranges,
                              GError             **error);
gboolean _cost_reader_set_workload_value (gpointer    data,
                                          const char *key,
                                          double      value);
CostServedModel *_cost_reader_model (Reader      *r,
                                     JsonObject  *object,
                                     GError     **error);
gboolean _cost_reader_exchange_rates (Reader       *r,
                                      JsonObject   *object,
                                      CostProject  *project,
                                      GError      **error);
CostScenario *_cost_reader_scenario (Reader      *r,
                                     JsonObject  *object,
                                     int          horizon,
                                     GHashTable  *scenario_ids,
                                     GError     **error);

G_END_DECLS
