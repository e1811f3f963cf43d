/* cost-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where a reader is in a document, for its messages. */
typedef struct
{
  GString *path;   /* JSON path of the value being read */
  guint    found;  /* members read since it was last reset */
} CostJsonReader;

void        cost_json_reader_init       (CostJsonReader      *r);
void        cost_json_reader_clear      (CostJsonReader      *r);
gboolean    cost_json_reader_fail       (CostJsonReader      *r,
                                         const char          *key,
                                         GError             **error,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (4, 5);
gsize       cost_json_reader_push_key   (CostJsonReader      *r,
                                         const char          *key);
gsize       cost_json_reader_push_index (CostJsonReader      *r,
                                         guint                index);
void        cost_json_reader_pop        (CostJsonReader      *r,
                                         gsize                len);
gboolean    cost_json_reader_string     (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char          *key,
                                         gboolean             required,
                                         const char         **out,
                                         GError             **error);
gboolean    cost_json_reader_number     (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char          *key,
                                         gboolean             required,
                                         double               fallback,
                                         double               min,
                                         double               max,
                                         double              *out,
                                         GError             **error);
gboolean    cost_json_reader_int        (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char          *key,
                                         gboolean             required,
                                         int                  fallback,
                                         int                  min,
                                         int                  max,
                                         int                 *out,
                                         GError             **error);
gboolean    cost_json_reader_id         (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char         **out,
                                         GError             **error);
JsonArray  *cost_json_reader_array      (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char          *key,
                                         guint                max,
                                         GError             **error);
JsonObject *cost_json_reader_element    (CostJsonReader      *r,
                                         JsonArray           *array,
                                         guint                index,
                                         GError             **error);
gboolean    cost_json_reader_extras     (CostJsonReader      *r,
                                         JsonObject          *object,
                                         const char * const  *known,
                                         JsonObject         **out,
                                         GError             **error);
JsonNode   *cost_json_node_deep_copy    (JsonNode            *node);

G_END_DECLS
