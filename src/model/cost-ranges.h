/* cost-ranges.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cost-json-reader.h"
#include "cost-range.h"
#include "cost-scenario.h"

G_BEGIN_DECLS

/**
 * CostRangeSubject:
 *
 * The kinds of object whose figures may carry a range.
 */
typedef enum
{
  COST_RANGE_SUBJECT_ITEM,
  COST_RANGE_SUBJECT_CATEGORY,
  COST_RANGE_SUBJECT_WORKLOAD,
  COST_RANGE_SUBJECT_MODEL,
} CostRangeSubject;

/**
 * CostRangeField:
 * @subject: the kind of object the figure belongs to
 * @key: its name in project files (the member of "ranges")
 * @property: the object's property holding its point value
 * @label: (translatable): its name for people
 * @additive: a scenario that changes the point value shifts the range by
 *   the difference (a rate) rather than scaling it by the ratio
 * @offset: where the figure lies in the values a computation uses: a
 *   #CostItemParams for items and categories (the factor), a
 *   #CostWorkloadValues or a #CostModelValues
 *
 * One figure that may carry a range: the one table the file reader and
 * writer, the forms and the simulation walk.
 */
typedef struct
{
  CostRangeSubject  subject;
  const char       *key;
  const char       *property;
  const char       *label;
  gboolean          additive;
  gsize             offset;
} CostRangeField;

/* The type of the "ranges" property of items, categories, the workload and
 * served models: field key → (shape, low, mode, high, group). */
#define COST_RANGES_TYPE_STRING "a{s(sddds)}"
#define COST_RANGES_TYPE        ((const GVariantType *) COST_RANGES_TYPE_STRING)

/* The longest group name a file may give. */
#define COST_RANGE_GROUP_MAX_CHARS 64

const CostRangeField *cost_range_fields        (guint            *n_fields);
const CostRangeField *cost_range_field_find    (CostRangeSubject  subject,
                                                const char       *key);
const char           *cost_range_field_get_label (const CostRangeField *field);

GParamSpec           *cost_ranges_param_spec   (void);
gboolean              cost_ranges_assign       (GVariant        **field,
                                                GVariant         *ranges);

gboolean              cost_ranges_lookup       (GVariant         *ranges,
                                                const char       *key,
                                                CostRange        *range,
                                                const char      **group);
GVariant             *cost_ranges_replace      (GVariant         *ranges,
                                                const char       *key,
                                                const CostRange  *range,
                                                const char       *group);
guint                 cost_ranges_count        (GVariant         *ranges);

gboolean              cost_ranges_get          (GObject          *subject,
                                                const char       *key,
                                                CostRange        *range,
                                                char            **group);
void                  cost_ranges_set          (GObject          *subject,
                                                const char       *key,
                                                const CostRange  *range,
                                                const char       *group);

char                 *cost_ranges_subject_path (GObject          *subject);
GVariant             *cost_ranges_in_scenario  (CostScenario     *scenario,
                                                GObject          *subject,
                                                gboolean         *own);
void                  cost_ranges_set_in_scenario (CostScenario     *scenario,
                                                GObject          *subject,
                                                const char       *key,
                                                const CostRange  *range,
                                                const char       *group);

gboolean              cost_ranges_check        (CostRangeSubject  subject,
                                                const char       *key,
                                                const CostRange  *range,
                                                const char       *group,
                                                GError          **error);
void                  cost_ranges_clamp        (const CostRangeField *field,
                                                GType             type,
                                                double           *value);
void                  cost_range_follow        (const CostRangeField *field,
                                                CostRange        *range,
                                                double            from,
                                                double            to);

gboolean              cost_ranges_read         (CostJsonReader   *r,
                                                JsonObject       *object,
                                                CostRangeSubject  subject,
                                                GVariant        **out,
                                                GError          **error);
gboolean              cost_ranges_read_node    (CostJsonReader   *r,
                                                JsonNode         *node,
                                                const char       *key,
                                                CostRangeSubject  subject,
                                                GVariant        **out,
                                                GError          **error);
void                  cost_ranges_write        (GString          *out,
                                                GVariant         *ranges);

/**
 * CostRangePreset:
 *
 * The quick ranges a form offers, relative to the point value.
 */
typedef struct
{
  const char     *label;     /* translatable, "±10%" */
  CostRangeShape  shape;
  double          low;       /* a multiple of the point value */
  double          high;
} CostRangePreset;

const CostRangePreset *cost_range_presets      (guint            *n_presets);
void                   cost_range_preset_apply (const CostRangePreset *preset,
                                                double            point,
                                                CostRange        *range);

G_END_DECLS
