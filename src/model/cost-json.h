/* cost-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  cost_json_check_depth (const char  *data,
                                 gsize        length,
                                 int          max_depth,
                                 GError     **error);
JsonNode *cost_json_parse       (const char  *data,
                                 gsize        length,
                                 int          max_depth,
                                 GError     **error);
JsonNode *cost_json_parse_checked (const char  *data,
                                   gsize        length,
                                   GError     **error);

typedef struct _CostJsonSplit CostJsonSplit;

typedef gpointer (*CostJsonPieceFunc) (JsonArray *elements,
                                       guint      category,
                                       guint      first,
                                       gpointer   user_data);

CostJsonSplit *cost_json_split_new            (const char         *data,
                                               gsize               length,
                                               int                 max_depth,
                                               gsize               piece_bytes,
                                               GError            **error);
JsonNode      *cost_json_split_parse_skeleton (CostJsonSplit      *split);
void           cost_json_split_start          (CostJsonSplit      *split,
                                               CostJsonPieceFunc   func,
                                               GDestroyNotify      free_result,
                                               gpointer            user_data);
gboolean       cost_json_split_take_list      (CostJsonSplit      *split,
                                               guint               category,
                                               GPtrArray          *results);
gsize          cost_json_split_get_n_elements (CostJsonSplit      *split);
gboolean       cost_json_split_is_valid       (CostJsonSplit      *split);
gboolean       cost_json_split_all_taken      (CostJsonSplit      *split);
void           cost_json_split_free           (CostJsonSplit      *split);

G_END_DECLS
