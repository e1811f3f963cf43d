/* cost-json-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void            cost_json_append_number   (GString        *out,
                                           double          value);
void            cost_json_append_money    (GString        *out,
                                           double          amount);
void            cost_json_append_string   (GString        *out,
                                           const char     *str);
void            cost_json_append_node     (GString        *out,
                                           JsonNode       *node);
void            cost_json_append_members  (GString        *out,
                                           JsonObject     *object);

typedef struct _CostJsonWriter CostJsonWriter;

CostJsonWriter *cost_json_writer_new          (void);
char           *cost_json_writer_free_to_data (CostJsonWriter *writer);
void            cost_json_writer_begin_object (CostJsonWriter *writer,
                                               const char     *key);
void            cost_json_writer_end_object   (CostJsonWriter *writer);
void            cost_json_writer_begin_array  (CostJsonWriter *writer,
                                               const char     *key);
void            cost_json_writer_end_array    (CostJsonWriter *writer);
void            cost_json_writer_string       (CostJsonWriter *writer,
                                               const char     *key,
                                               const char     *value);
void            cost_json_writer_int          (CostJsonWriter *writer,
                                               const char     *key,
                                               gint64          value);
void            cost_json_writer_number       (CostJsonWriter *writer,
                                               const char     *key,
                                               double          value);
void            cost_json_writer_money        (CostJsonWriter *writer,
                                               const char     *key,
                                               double          amount);
void            cost_json_writer_null         (CostJsonWriter *writer,
                                               const char     *key);

G_END_DECLS
