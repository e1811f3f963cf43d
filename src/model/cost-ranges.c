/* cost-ranges.c
 *
 * The ranges a project gives its figures. Items, categories, the workload
 * and served models each hold theirs in one "ranges" property, a GVariant
 * dictionary from the figure's key to its range, so that the undo history,
 * copies and comparisons treat ranges like any other property. The table
 * below lists the figures that may carry a range; the file reader and
 * writer, the forms and the simulation all walk it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-ranges"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-category.h"
#include "cost-item.h"
#include "cost-json-writer.h"
#include "cost-ranges.h"
#include "cost-scenario.h"
#include "cost-served-model.h"
#include "cost-types.h"
#include "cost-values.h"
#include "cost-workload.h"

#define ITEM(member) G_STRUCT_OFFSET (CostItemParams, member)
#define TRAFFIC(member) G_STRUCT_OFFSET (CostWorkloadValues, member)
#define MODEL(member) G_STRUCT_OFFSET (CostModelValues, member)

static const CostRangeField fields[] = {
  { COST_RANGE_SUBJECT_ITEM, "quantity", "quantity", N_("Quantity"), FALSE, ITEM (quantity) },
  { COST_RANGE_SUBJECT_ITEM, "unit_price", "unit-price", N_("Unit price"), FALSE, ITEM (unit_price) },
  { COST_RANGE_SUBJECT_ITEM, "monthly_growth", "monthly-growth", N_("Monthly growth"), TRUE,
    ITEM (monthly_growth) },
  { COST_RANGE_SUBJECT_CATEGORY, "factor", "factor", N_("Factor"), FALSE, ITEM (factor) },
  { COST_RANGE_SUBJECT_WORKLOAD, "daily_active_users", "daily-active-users", N_("Daily active users"), FALSE,
    TRAFFIC (daily_active_users) },
  { COST_RANGE_SUBJECT_WORKLOAD, "requests_per_user_per_day", "requests-per-user",
    N_("Requests per user a day"), FALSE, TRAFFIC (requests_per_user) },
  { COST_RANGE_SUBJECT_WORKLOAD, "peak_to_average", "peak-to-average", N_("Peak-to-average ratio"), FALSE,
    TRAFFIC (peak_to_average) },
  { COST_RANGE_SUBJECT_MODEL, "throughput", "throughput", N_("Throughput per accelerator"), FALSE,
    MODEL (throughput) },
  { COST_RANGE_SUBJECT_MODEL, "work_per_request", "work-per-request", N_("Work per request"), FALSE,
    MODEL (work_per_request) },
  { COST_RANGE_SUBJECT_MODEL, "utilisation", "utilisation", N_("Target utilisation"), FALSE,
    MODEL (utilisation) },
};

/**
 * cost_range_fields:
 *
 * Returns: (array length=n_fields): every figure that may carry a range
 */
const CostRangeField *
cost_range_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);

  return fields;
}

const CostRangeField *
cost_range_field_find (CostRangeSubject  subject,
                       const char       *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].subject == subject && g_strcmp0 (fields[i].key, key) == 0)
        return &fields[i];
    }

  return NULL;
}

const char *
cost_range_field_get_label (const CostRangeField *field)
{
  return _(field->label);
}

/**
 * cost_ranges_param_spec:
 *
 * Returns: the "ranges" property every subject of a range installs
 */
GParamSpec *
cost_ranges_param_spec (void)
{
  return g_param_spec_variant ("ranges", NULL, NULL, COST_RANGES_TYPE, NULL,
                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

/**
 * cost_ranges_assign:
 * @field: where a subject keeps its ranges
 * @ranges: (nullable): the new ranges; a floating reference is sunk
 *
 * Returns: whether @field changed: the setters notify only then
 */
gboolean
cost_ranges_assign (GVariant **field,
                    GVariant  *ranges)
{
  if (ranges != NULL)
    {
      g_return_val_if_fail (g_variant_is_of_type (ranges, COST_RANGES_TYPE), FALSE);
      g_variant_ref_sink (ranges);
      if (g_variant_n_children (ranges) == 0)
        g_clear_pointer (&ranges, g_variant_unref);
    }

  if ((*field == NULL && ranges == NULL) ||
      (*field != NULL && ranges != NULL && g_variant_equal (*field, ranges)))
    {
      g_clear_pointer (&ranges, g_variant_unref);
      return FALSE;
    }

  g_clear_pointer (field, g_variant_unref);
  *field = ranges;

  return TRUE;
}

/**
 * cost_ranges_lookup:
 * @ranges: (nullable): a dictionary of ranges
 * @range: (out): the range of @key
 * @group: (out) (optional) (transfer none): its group, "" for none, valid
 *   as long as @ranges
 *
 * Returns: whether @ranges gives @key a range
 */
gboolean
cost_ranges_lookup (GVariant    *ranges,
                    const char  *key,
                    CostRange   *range,
                    const char **group)
{
  g_autoptr(GVariant) entry = NULL;
  const char *shape, *group_name;

  memset (range, 0, sizeof *range);
  if (ranges == NULL ||
      (entry = g_variant_lookup_value (ranges, key, G_VARIANT_TYPE ("(sddds)"))) == NULL)
    return FALSE;

  g_variant_get (entry, "(&sddd&s)", &shape, &range->low, &range->mode, &range->high, &group_name);
  if (!cost_range_shape_from_string (shape, &range->shape))
    range->shape = COST_RANGE_NONE;
  range->group = 0;

  /* The entry's strings lie in the memory of @ranges (a child shares its
   * parent's data, or its parent holds it): they live as long. */
  if (group != NULL)
    *group = group_name;

  return range->shape != COST_RANGE_NONE;
}

/**
 * cost_ranges_replace:
 * @ranges: (nullable): a dictionary of ranges
 * @range: (nullable): the new range of @key, %NULL or of no shape to
 *   remove it
 * @group: (nullable): its group
 *
 * Returns: (transfer floating) (nullable): @ranges with @key's range
 *   replaced, %NULL when no range is left
 */
GVariant *
cost_ranges_replace (GVariant        *ranges,
                     const char      *key,
                     const CostRange *range,
                     const char      *group)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k;
  gboolean added = FALSE;
  guint n = 0;

  g_variant_builder_init (&builder, COST_RANGES_TYPE);

  if (ranges != NULL)
    {
      GVariant *v;

      /* Kept in key order, so that equal sets are equal variants. */
      g_variant_iter_init (&iter, ranges);
      while (g_variant_iter_next (&iter, "{&s@(sddds)}", &k, &v))
        {
          int cmp = strcmp (k, key);

          if (!added && cmp >= 0 && range != NULL && range->shape != COST_RANGE_NONE)
            {
              g_variant_builder_add (&builder, "{s(sddds)}", key,
                                     cost_range_shape_to_string (range->shape),
                                     range->low, range->mode, range->high, group ? group : "");
              added = TRUE;
              n++;
            }
          if (cmp != 0)
            {
              g_variant_builder_add (&builder, "{s@(sddds)}", k, v);
              n++;
            }
          g_variant_unref (v);
        }
    }

  if (!added && range != NULL && range->shape != COST_RANGE_NONE)
    {
      g_variant_builder_add (&builder, "{s(sddds)}", key, cost_range_shape_to_string (range->shape),
                             range->low, range->mode, range->high, group ? group : "");
      n++;
    }

  if (n == 0)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_builder_end (&builder);
}

guint
cost_ranges_count (GVariant *ranges)
{
  return ranges != NULL ? (guint) g_variant_n_children (ranges) : 0;
}

/**
 * cost_ranges_get:
 * @subject: an item, category, workload or served model
 * @group: (out) (optional) (transfer full): its group, "" for none
 *
 * Returns: whether @subject gives its figure @key a range
 */
gboolean
cost_ranges_get (GObject    *subject,
                 const char *key,
                 CostRange  *range,
                 char      **group)
{
  g_autoptr(GVariant) ranges = NULL;
  const char *g = NULL;
  gboolean found;

  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);

  g_object_get (subject, "ranges", &ranges, NULL);
  found = cost_ranges_lookup (ranges, key, range, group ? &g : NULL);
  if (group != NULL)
    *group = g_strdup (found ? g : "");

  return found;
}

/**
 * cost_ranges_set:
 * @range: (nullable): %NULL to remove the range of @key
 *
 * Gives @subject's figure @key a range; the range must have been checked.
 */
void
cost_ranges_set (GObject         *subject,
                 const char      *key,
                 const CostRange *range,
                 const char      *group)
{
  g_autoptr(GVariant) ranges = NULL;
  g_autoptr(GVariant) replaced = NULL;

  g_return_if_fail (G_IS_OBJECT (subject));

  g_object_get (subject, "ranges", &ranges, NULL);
  replaced = cost_ranges_replace (ranges, key, range, group);
  if (replaced != NULL)
    g_variant_ref_sink (replaced);
  g_object_set (subject, "ranges", replaced, NULL);
}

static gboolean
check_bound (CostRangeSubject   subject,
             const char        *key,
             double             value,
             GError           **error)
{
  double v = value;

  switch (subject)
    {
    case COST_RANGE_SUBJECT_ITEM:
      if (g_str_equal (key, "quantity"))
        return cost_value_check (COST_VALUE_QUANTITY, &v, error);
      if (g_str_equal (key, "unit_price"))
        return cost_value_check (COST_VALUE_UNIT_PRICE, &v, error);
      return cost_value_check (COST_VALUE_GROWTH, &v, error);
    case COST_RANGE_SUBJECT_CATEGORY:
      return cost_value_check (COST_VALUE_FACTOR, &v, error);
    case COST_RANGE_SUBJECT_WORKLOAD:
      return cost_workload_check_value (key, value, error);
    case COST_RANGE_SUBJECT_MODEL:
      return cost_served_model_check_value (key, value, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * cost_ranges_check:
 *
 * Returns: %FALSE with @error, in a user's words, when @range cannot be
 *   the range of @subject's figure @key: a figure the figure itself could
 *   not take, a low above the high, a lognormal that reaches 0
 */
gboolean
cost_ranges_check (CostRangeSubject   subject,
                   const char        *key,
                   const CostRange   *range,
                   const char        *group,
                   GError           **error)
{
  gboolean has_mode = range->shape == COST_RANGE_PERT || range->shape == COST_RANGE_TRIANGULAR;

  if (cost_range_field_find (subject, key) == NULL)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("“%s” is not a figure that can have a range"), key);
      return FALSE;
    }

  if (!cost_range_check (range, error))
    return FALSE;

  if (range->shape != COST_RANGE_NONE &&
      (!check_bound (subject, key, range->low, error) ||
       !check_bound (subject, key, range->high, error) ||
       (has_mode && !check_bound (subject, key, range->mode, error))))
    return FALSE;

  if (group != NULL &&
      (!g_utf8_validate (group, -1, NULL) || g_utf8_strlen (group, -1) > COST_RANGE_GROUP_MAX_CHARS))
    {
      g_set_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                   _("A group name must be text of at most %d characters"), COST_RANGE_GROUP_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

/**
 * cost_ranges_clamp:
 * @type: the type of the subject
 *
 * Keeps a drawn figure within what @field's figure can be: a lognormal
 * has no bounds of its own.
 */
void
cost_ranges_clamp (const CostRangeField *field,
                   GType                 type,
                   double               *value)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), field->property);

  g_return_if_fail (G_IS_PARAM_SPEC_DOUBLE (pspec));

  *value = CLAMP (*value, G_PARAM_SPEC_DOUBLE (pspec)->minimum, G_PARAM_SPEC_DOUBLE (pspec)->maximum);
}

/**
 * cost_range_follow:
 * @from: the point value the range was given for
 * @to: the point value it applies to now (a scenario changed it)
 *
 * Moves @range with its point value: by the difference for a rate, by the
 * ratio for any other figure, so that "±10%" stays ±10%.
 */
void
cost_range_follow (const CostRangeField *field,
                   CostRange            *range,
                   double                from,
                   double                to)
{
  if (from == to)
    return;

  if (field->additive || from == 0.0)
    {
      double d = to - from;

      range->low += d;
      range->mode += d;
      range->high += d;
    }
  else
    {
      double k = to / from;

      range->low *= k;
      range->mode *= k;
      range->high *= k;
    }
}

/**
 * cost_ranges_read:
 * @object: the JSON object of the subject
 * @out: (out) (transfer full) (nullable): its ranges, %NULL for none
 *
 * Reads the "ranges" member of @object, if it has one: an object from
 * figure keys to ranges such as
 * `{"shape": "pert", "low": 70, "mode": 87.26, "high": 110, "group": "GPU prices"}`.
 *
 * Returns: %FALSE with @error naming the place of the first problem
 */
gboolean
cost_ranges_read (CostJsonReader    *r,
                  JsonObject        *object,
                  CostRangeSubject   subject,
                  GVariant         **out,
                  GError           **error)
{
  JsonNode *node = json_object_get_member (object, "ranges");

  *out = NULL;
  if (node == NULL)
    return TRUE;

  r->found++;

  return cost_ranges_read_node (r, node, "ranges", subject, out, error);
}

/**
 * cost_ranges_read_node:
 * @node: an object from figure keys to ranges
 * @key: its member name, for messages
 * @out: (out) (transfer full) (nullable): the ranges, %NULL for none
 *
 * Returns: %FALSE with @error naming the place of the first problem
 */
gboolean
cost_ranges_read_node (CostJsonReader    *r,
                       JsonNode          *node,
                       const char        *key,
                       CostRangeSubject   subject,
                       GVariant         **out,
                       GError           **error)
{
  static const char * const range_keys[] = { "shape", "low", "mode", "high", "group", NULL };
  g_autoptr(GVariant) ranges = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *map;
  gsize saved;

  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return cost_json_reader_fail (r, key, error, _("must be an object of figures and their ranges"));

  map = json_node_get_object (node);
  saved = cost_json_reader_push_key (r, key);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *figure = l->data;
      JsonNode *entry = json_object_get_member (map, figure);
      JsonObject *eo;
      CostRange range = { 0, };
      const char *shape, *group;
      g_autoptr(GError) reason = NULL;
      gboolean has_mode;
      gsize at;

      if (cost_range_field_find (subject, figure) == NULL)
        return cost_json_reader_fail (r, figure, error, _("is not a figure that can have a range"));

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        return cost_json_reader_fail (r, figure, error, _("must be an object with a shape, low and high"));
      eo = json_node_get_object (entry);

      at = cost_json_reader_push_key (r, figure);
      if (!cost_json_reader_string (r, eo, "shape", TRUE, &shape, error))
        return FALSE;
      if (!cost_range_shape_from_string (shape, &range.shape) || range.shape == COST_RANGE_NONE)
        return cost_json_reader_fail (r, "shape", error,
                                      _("must be one of pert, triangular, uniform, lognormal"));

      has_mode = range.shape == COST_RANGE_PERT || range.shape == COST_RANGE_TRIANGULAR;
      if (!cost_json_reader_number (r, eo, "low", TRUE, 0, -G_MAXDOUBLE, G_MAXDOUBLE, &range.low, error) ||
          !cost_json_reader_number (r, eo, "high", TRUE, 0, -G_MAXDOUBLE, G_MAXDOUBLE, &range.high, error) ||
          !cost_json_reader_number (r, eo, "mode", has_mode, 0, -G_MAXDOUBLE, G_MAXDOUBLE, &range.mode,
                                    error) ||
          !cost_json_reader_string (r, eo, "group", FALSE, &group, error))
        return FALSE;

      if (!has_mode && json_object_has_member (eo, "mode"))
        return cost_json_reader_fail (r, "mode", error, _("a %s range has no most likely figure"), shape);

      {
        g_autoptr(GList) keys = json_object_get_members (eo);

        for (GList *k = keys; k != NULL; k = k->next)
          if (!g_strv_contains (range_keys, k->data))
            return cost_json_reader_fail (r, k->data, error, _("is not a value ModelCost knows"));
      }

      if (!cost_ranges_check (subject, figure, &range, group, &reason))
        return cost_json_reader_fail (r, NULL, error, "%s", reason->message);

      if (ranges != NULL && cost_ranges_lookup (ranges, figure, &(CostRange) { 0, }, NULL))
        return cost_json_reader_fail (r, NULL, error, _("is given twice"));

      {
        GVariant *replaced = cost_ranges_replace (ranges, figure, &range, group);

        g_clear_pointer (&ranges, g_variant_unref);
        ranges = g_variant_ref_sink (replaced);
      }
      cost_json_reader_pop (r, at);
    }
  cost_json_reader_pop (r, saved);

  *out = g_steal_pointer (&ranges);

  return TRUE;
}

/**
 * cost_ranges_write:
 *
 * Writes @ranges as the JSON object cost_ranges_read() reads, on one line.
 */
void
cost_ranges_write (GString  *out,
                   GVariant *ranges)
{
  GVariantIter iter;
  const char *key, *shape, *group;
  double low, mode, high;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (ranges != NULL)
    {
      g_variant_iter_init (&iter, ranges);
      while (g_variant_iter_next (&iter, "{&s(&sddd&s)}", &key, &shape, &low, &mode, &high, &group))
        {
          CostRangeShape s = COST_RANGE_NONE;

          cost_range_shape_from_string (shape, &s);
          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          cost_json_append_string (out, key);
          g_string_append (out, ": {\"shape\": ");
          cost_json_append_string (out, shape);
          g_string_append (out, ", \"low\": ");
          cost_json_append_number (out, low);
          if (s == COST_RANGE_PERT || s == COST_RANGE_TRIANGULAR)
            {
              g_string_append (out, ", \"mode\": ");
              cost_json_append_number (out, mode);
            }
          g_string_append (out, ", \"high\": ");
          cost_json_append_number (out, high);
          if (group[0] != '\0')
            {
              g_string_append (out, ", \"group\": ");
              cost_json_append_string (out, group);
            }
          g_string_append_c (out, '}');
        }
    }
  g_string_append_c (out, '}');
}

/**
 * cost_ranges_subject_path:
 * @subject: an item, a category, the workload or a served model
 *
 * Returns: (transfer full): where @subject's ranges are named in a
 *   scenario and in a simulation's inputs: "items/ID", "categories/ID",
 *   "workload" or "models/ID"
 */
char *
cost_ranges_subject_path (GObject *subject)
{
  g_return_val_if_fail (G_IS_OBJECT (subject), NULL);

  if (COST_IS_ITEM (subject))
    return g_strconcat ("items/", cost_item_get_id (COST_ITEM (subject)), NULL);
  if (COST_IS_CATEGORY (subject))
    return g_strconcat ("categories/", cost_category_get_id (COST_CATEGORY (subject)), NULL);
  if (COST_IS_SERVED_MODEL (subject))
    return g_strconcat ("models/", cost_served_model_get_id (COST_SERVED_MODEL (subject)), NULL);
  if (COST_IS_WORKLOAD (subject))
    return g_strdup ("workload");

  g_return_val_if_reached (NULL);
}

/**
 * cost_ranges_in_scenario:
 * @scenario: (nullable): the scenario shown, %NULL for the baseline
 * @own: (out) (optional): whether the ranges are the scenario's own
 *
 * Returns: (transfer none) (nullable): the ranges of @subject's figures
 *   under @scenario: the scenario's own if it gives them, else the
 *   subject's (which a simulation moves with the scenario's figures)
 */
GVariant *
cost_ranges_in_scenario (CostScenario *scenario,
                         GObject      *subject,
                         gboolean     *own)
{
  g_autofree char *path = NULL;
  g_autoptr(GVariant) baseline = NULL;
  GVariant *ranges = NULL;

  g_return_val_if_fail (G_IS_OBJECT (subject), NULL);

  if (own != NULL)
    *own = FALSE;

  if (scenario != NULL)
    {
      path = cost_ranges_subject_path (subject);
      if (cost_scenario_get_ranges (scenario, path, &ranges))
        {
          if (own != NULL)
            *own = TRUE;
          return ranges;
        }
    }

  g_object_get (subject, "ranges", &baseline, NULL);

  /* The subject holds a reference as long as it keeps these ranges. */
  return baseline;
}

/**
 * cost_ranges_set_in_scenario:
 * @scenario: (nullable): %NULL to set the baseline's range
 * @range: (nullable): %NULL to remove the range of @key
 *
 * Gives @subject's figure @key a range: the baseline's, or, under
 * @scenario, the scenario's own (starting from the ranges the scenario
 * shows, so that its other figures keep theirs).
 */
void
cost_ranges_set_in_scenario (CostScenario    *scenario,
                             GObject         *subject,
                             const char      *key,
                             const CostRange *range,
                             const char      *group)
{
  g_autofree char *path = NULL;
  GVariant *shown;
  g_autoptr(GVariant) replaced = NULL;

  g_return_if_fail (G_IS_OBJECT (subject));

  if (scenario == NULL)
    {
      cost_ranges_set (subject, key, range, group);
      return;
    }

  path = cost_ranges_subject_path (subject);
  shown = cost_ranges_in_scenario (scenario, subject, NULL);
  replaced = cost_ranges_replace (shown, key, range, group);
  if (replaced != NULL)
    g_variant_ref_sink (replaced);
  cost_scenario_set_ranges (scenario, path, replaced);
}

static const CostRangePreset presets[] = {
  { N_("±10%"), COST_RANGE_PERT, 0.9, 1.1 },
  { N_("±25%"), COST_RANGE_PERT, 0.75, 1.25 },
  { N_("−10% / +50%"), COST_RANGE_PERT, 0.9, 1.5 },
};

/**
 * cost_range_presets:
 *
 * Returns: (array length=n_presets): the quick ranges of the forms
 */
const CostRangePreset *
cost_range_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

/**
 * cost_range_preset_apply:
 *
 * Fills @range with @preset around @point: a PERT whose most likely
 * figure is @point.
 */
void
cost_range_preset_apply (const CostRangePreset *preset,
                         double                 point,
                         CostRange             *range)
{
  memset (range, 0, sizeof *range);
  range->shape = preset->shape;
  range->low = point * preset->low;
  range->mode = point;
  range->high = point * preset->high;
  if (range->low > range->high)
    {
      double t = range->low;

      range->low = range->high;
      range->high = t;
    }
}
