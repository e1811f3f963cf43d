/* cost-chart-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-dataset"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-chart-dataset.h"

typedef struct
{
  char                 *id;
  char                 *label;
  char                 *detail;
  double                rgb[3];
  gboolean              has_color;
  CostChartSeriesFlags  flags;
} Series;

typedef struct
{
  char   *id;
  char   *label;
  GArray *values;      /* double, one per series */
} Group;

typedef struct
{
  char   *id;
  char   *label;
  double  value;
} Marker;

struct _CostChartDataset
{
  gatomicrefcount  ref;
  char            *title;
  char            *currency;
  char            *total_label;
  char            *base_label;
  double           base;
  double           whole;     /* NAN: the sum of a group */
  CostChartUnit    unit;
  char            *note;
  GArray          *series;   /* Series */
  GArray          *groups;   /* Group */
  GArray          *markers;  /* Marker */
};

G_DEFINE_BOXED_TYPE (CostChartDataset, cost_chart_dataset,
                     cost_chart_dataset_ref, cost_chart_dataset_unref)

static void
series_clear (gpointer data)
{
  Series *s = data;

  g_free (s->id);
  g_free (s->label);
  g_free (s->detail);
}

static void
group_clear (gpointer data)
{
  Group *g = data;

  g_free (g->id);
  g_free (g->label);
  g_array_unref (g->values);
}

static void
marker_clear (gpointer data)
{
  Marker *m = data;

  g_free (m->id);
  g_free (m->label);
}

/**
 * cost_chart_dataset_new:
 * @title: (nullable): what the chart shows, "Monthly cost by category"
 * @currency: (nullable): the ISO 4217 code of the values, %NULL for plain numbers
 *
 * Returns: (transfer full): an empty dataset
 */
CostChartDataset *
cost_chart_dataset_new (const char *title,
                        const char *currency)
{
  CostChartDataset *self = g_new0 (CostChartDataset, 1);

  g_atomic_ref_count_init (&self->ref);
  self->title = g_strdup (title);
  self->currency = g_strdup (currency);
  self->whole = NAN;
  self->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (self->series, series_clear);
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, group_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);

  return self;
}

CostChartDataset *
cost_chart_dataset_ref (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);

  return self;
}

void
cost_chart_dataset_unref (CostChartDataset *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  g_free (self->title);
  g_free (self->currency);
  g_free (self->total_label);
  g_free (self->base_label);
  g_free (self->note);
  g_array_unref (self->series);
  g_array_unref (self->groups);
  g_array_unref (self->markers);
  g_free (self);
}

const char *
cost_chart_dataset_get_title (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
cost_chart_dataset_get_currency (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

/**
 * cost_chart_dataset_get_total_label:
 *
 * Returns: (nullable): the caption of the total, shown in a donut's centre
 */
const char *
cost_chart_dataset_get_total_label (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->total_label;
}

void
cost_chart_dataset_set_total_label (CostChartDataset *self,
                                    const char       *label)
{
  g_return_if_fail (self != NULL);

  g_free (self->total_label);
  self->total_label = g_strdup (label);
}

/**
 * cost_chart_dataset_get_whole:
 *
 * Returns: what the shares of @group's values are of: the whole set with
 *   cost_chart_dataset_set_whole(), or else the sum of the group
 */
double
cost_chart_dataset_get_whole (CostChartDataset *self,
                              guint             group)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (!isnan (self->whole))
    return self->whole;

  return cost_chart_dataset_get_group_total (self, group);
}

/**
 * cost_chart_dataset_set_whole:
 *
 * Sets what shares are of, when the dataset holds only part of it: the
 * project's total for a ranking of its largest items.
 */
void
cost_chart_dataset_set_whole (CostChartDataset *self,
                              double            whole)
{
  g_return_if_fail (self != NULL);

  self->whole = isfinite (whole) ? whole : NAN;
}

double
cost_chart_dataset_get_base (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->base;
}

const char *
cost_chart_dataset_get_base_label (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_label;
}

/**
 * cost_chart_dataset_set_base:
 * @value: the value a tornado chart's bars start from
 * @label: (nullable): its caption, "Baseline"
 */
void
cost_chart_dataset_set_base (CostChartDataset *self,
                             double            value,
                             const char       *label)
{
  g_return_if_fail (self != NULL);

  self->base = isfinite (value) ? value : 0.0;
  g_free (self->base_label);
  self->base_label = g_strdup (label);
}

/**
 * cost_chart_dataset_get_unit:
 *
 * Returns: what the values are: amounts (the default) or fractions
 */
CostChartUnit
cost_chart_dataset_get_unit (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, COST_CHART_UNIT_AMOUNT);

  return self->unit;
}

void
cost_chart_dataset_set_unit (CostChartDataset *self,
                             CostChartUnit     unit)
{
  g_return_if_fail (self != NULL);

  self->unit = unit;
}

/**
 * cost_chart_dataset_get_note:
 *
 * Returns: (nullable): a line the chart shows beside its markers, such as
 *   "P(over budget) = 23%"
 */
const char *
cost_chart_dataset_get_note (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->note;
}

void
cost_chart_dataset_set_note (CostChartDataset *self,
                             const char       *note)
{
  g_return_if_fail (self != NULL);

  g_free (self->note);
  self->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
}

/**
 * cost_chart_dataset_add_marker:
 * @id: (nullable): a stable id, "budget" or "point"
 * @label: the caption drawn with the line, "Budget"
 * @value: where the line is on the chart's value axis
 *
 * Adds a reference line across the plot: the budget or the plan's point
 * estimate on a histogram, an S-curve or a fan chart. Values that are not
 * finite are ignored.
 *
 * Returns: the index of the new marker
 */
guint
cost_chart_dataset_add_marker (CostChartDataset *self,
                               const char       *id,
                               const char       *label,
                               double            value)
{
  Marker m;

  g_return_val_if_fail (self != NULL, 0);

  m.id = g_strdup (id);
  m.label = g_strdup (label ? label : "");
  m.value = isfinite (value) ? value : 0.0;
  g_array_append_val (self->markers, m);

  return self->markers->len - 1;
}

guint
cost_chart_dataset_get_n_markers (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->markers->len;
}

#define MARKER(self, i) (&g_array_index ((self)->markers, Marker, (i)))

const char *
cost_chart_dataset_get_marker_id (CostChartDataset *self,
                                  guint             marker)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (marker < self->markers->len, NULL);

  return MARKER (self, marker)->id;
}

const char *
cost_chart_dataset_get_marker_label (CostChartDataset *self,
                                     guint             marker)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (marker < self->markers->len, NULL);

  return MARKER (self, marker)->label;
}

double
cost_chart_dataset_get_marker_value (CostChartDataset *self,
                                     guint             marker)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (marker < self->markers->len, 0.0);

  return MARKER (self, marker)->value;
}

static gboolean
parse_color (const char *color,
             double     *rgb)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (color[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (color[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      rgb[i] = (hi * 16 + lo) / 255.0;
    }

  return TRUE;
}

/**
 * cost_chart_dataset_add_series:
 * @id: (nullable): a stable id handed back by hit testing
 * @label: the name shown
 * @color: (nullable): "#rrggbb"; %NULL or anything else takes a palette colour
 *
 * Returns: the index of the new series; its value is 0 in every group
 */
guint
cost_chart_dataset_add_series (CostChartDataset *self,
                               const char       *id,
                               const char       *label,
                               const char       *color)
{
  Series s = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  s.id = g_strdup (id);
  s.label = g_strdup (label ? label : "");
  s.has_color = parse_color (color, s.rgb);
  g_array_append_val (self->series, s);

  for (guint g = 0; g < self->groups->len; g++)
    g_array_set_size (g_array_index (self->groups, Group, g).values, self->series->len);

  return self->series->len - 1;
}

guint
cost_chart_dataset_get_n_series (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

#define SERIES(self, i) (&g_array_index ((self)->series, Series, (i)))
#define GROUP(self, i) (&g_array_index ((self)->groups, Group, (i)))

const char *
cost_chart_dataset_get_series_id (CostChartDataset *self,
                                  guint             series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return SERIES (self, series)->id;
}

const char *
cost_chart_dataset_get_series_label (CostChartDataset *self,
                                     guint             series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return SERIES (self, series)->label;
}

/**
 * cost_chart_dataset_get_series_color:
 * @rgb: (out) (array fixed-size=3): red, green and blue, 0..1
 *
 * Returns: whether the series has a colour of its own
 */
gboolean
cost_chart_dataset_get_series_color (CostChartDataset *self,
                                     guint             series,
                                     double           *rgb)
{
  Series *s;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  s = SERIES (self, series);
  if (s->has_color && rgb != NULL)
    memcpy (rgb, s->rgb, sizeof s->rgb);

  return s->has_color;
}

/**
 * cost_chart_dataset_get_series_detail:
 *
 * Returns: (nullable): a secondary label, such as an item's category;
 *   series that share a detail and a colour share a legend entry
 */
const char *
cost_chart_dataset_get_series_detail (CostChartDataset *self,
                                      guint             series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return SERIES (self, series)->detail;
}

void
cost_chart_dataset_set_series_detail (CostChartDataset *self,
                                      guint             series,
                                      const char       *detail)
{
  Series *s;

  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  s = SERIES (self, series);
  g_free (s->detail);
  s->detail = g_strdup (detail);
}

CostChartSeriesFlags
cost_chart_dataset_get_series_flags (CostChartDataset *self,
                                     guint             series)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (series < self->series->len, 0);

  return SERIES (self, series)->flags;
}

void
cost_chart_dataset_set_series_flags (CostChartDataset     *self,
                                     guint                 series,
                                     CostChartSeriesFlags  flags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  SERIES (self, series)->flags = flags;
}

/**
 * cost_chart_dataset_add_group:
 * @id: (nullable): a stable id handed back by hit testing
 * @label: (nullable): the name shown under a bar
 *
 * Returns: the index of the new group
 */
guint
cost_chart_dataset_add_group (CostChartDataset *self,
                              const char       *id,
                              const char       *label)
{
  Group g;

  g_return_val_if_fail (self != NULL, 0);

  g.id = g_strdup (id);
  g.label = g_strdup (label ? label : "");
  g.values = g_array_sized_new (FALSE, TRUE, sizeof (double), self->series->len);
  g_array_set_size (g.values, self->series->len);
  g_array_append_val (self->groups, g);

  return self->groups->len - 1;
}

guint
cost_chart_dataset_get_n_groups (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

const char *
cost_chart_dataset_get_group_id (CostChartDataset *self,
                                 guint             group)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return GROUP (self, group)->id;
}

const char *
cost_chart_dataset_get_group_label (CostChartDataset *self,
                                    guint             group)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return GROUP (self, group)->label;
}

/**
 * cost_chart_dataset_set_value:
 *
 * Sets one cell; values that are not finite are stored as 0.
 */
void
cost_chart_dataset_set_value (CostChartDataset *self,
                              guint             group,
                              guint             series,
                              double            value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (group < self->groups->len);
  g_return_if_fail (series < self->series->len);

  g_array_index (GROUP (self, group)->values, double, series) = isfinite (value) ? value : 0.0;
}

/**
 * cost_chart_dataset_clear_value:
 *
 * Leaves one cell without a value: cost_chart_dataset_get_value() gives
 * NAN, and a line drawn through the groups has a gap there (a burn-up
 * chart's actual after the last month reported).
 */
void
cost_chart_dataset_clear_value (CostChartDataset *self,
                                guint             group,
                                guint             series)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (group < self->groups->len);
  g_return_if_fail (series < self->series->len);

  g_array_index (GROUP (self, group)->values, double, series) = NAN;
}

double
cost_chart_dataset_get_value (CostChartDataset *self,
                              guint             group,
                              guint             series)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (group < self->groups->len, 0.0);
  g_return_val_if_fail (series < self->series->len, 0.0);

  return g_array_index (GROUP (self, group)->values, double, series);
}

/**
 * cost_chart_dataset_append:
 *
 * Adds a series with @value in the first group, which is created (without a
 * label) if there is none yet: the short way to fill a donut or a ranking.
 *
 * Returns: the index of the new series
 */
guint
cost_chart_dataset_append (CostChartDataset *self,
                           const char       *id,
                           const char       *label,
                           const char       *color,
                           double            value)
{
  guint series;

  g_return_val_if_fail (self != NULL, 0);

  if (self->groups->len == 0)
    cost_chart_dataset_add_group (self, NULL, NULL);

  series = cost_chart_dataset_add_series (self, id, label, color);
  cost_chart_dataset_set_value (self, 0, series, value);

  return series;
}

double
cost_chart_dataset_get_group_total (CostChartDataset *self,
                                    guint             group)
{
  GArray *values;
  double total = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (group < self->groups->len, 0.0);

  values = GROUP (self, group)->values;
  for (guint s = 0; s < values->len; s++)
    total += g_array_index (values, double, s);

  return total;
}

/**
 * cost_chart_dataset_is_empty:
 *
 * Returns: whether there is nothing to draw: no cell holds a value other than 0
 */
gboolean
cost_chart_dataset_is_empty (CostChartDataset *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint g = 0; g < self->groups->len; g++)
    {
      GArray *values = GROUP (self, g)->values;

      for (guint s = 0; s < values->len; s++)
        {
          if (g_array_index (values, double, s) != 0.0)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * cost_chart_dataset_equal:
 *
 * Returns: whether @a and @b would draw the same chart
 */
gboolean
cost_chart_dataset_equal (CostChartDataset *a,
                          CostChartDataset *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->currency, b->currency) != 0 ||
      g_strcmp0 (a->total_label, b->total_label) != 0 ||
      g_strcmp0 (a->base_label, b->base_label) != 0 ||
      a->base != b->base ||
      !(a->whole == b->whole || (isnan (a->whole) && isnan (b->whole))) ||
      a->unit != b->unit ||
      g_strcmp0 (a->note, b->note) != 0 ||
      a->series->len != b->series->len ||
      a->groups->len != b->groups->len ||
      a->markers->len != b->markers->len)
    return FALSE;

  for (guint m = 0; m < a->markers->len; m++)
    {
      Marker *ma = MARKER (a, m), *mb = MARKER (b, m);

      if (g_strcmp0 (ma->id, mb->id) != 0 ||
          g_strcmp0 (ma->label, mb->label) != 0 ||
          ma->value != mb->value)
        return FALSE;
    }

  for (guint s = 0; s < a->series->len; s++)
    {
      Series *sa = SERIES (a, s), *sb = SERIES (b, s);

      if (g_strcmp0 (sa->id, sb->id) != 0 ||
          g_strcmp0 (sa->label, sb->label) != 0 ||
          g_strcmp0 (sa->detail, sb->detail) != 0 ||
          sa->has_color != sb->has_color ||
          (sa->has_color && memcmp (sa->rgb, sb->rgb, sizeof sa->rgb) != 0) ||
          sa->flags != sb->flags)
        return FALSE;
    }

  for (guint g = 0; g < a->groups->len; g++)
    {
      Group *ga = GROUP (a, g), *gb = GROUP (b, g);

      if (g_strcmp0 (ga->id, gb->id) != 0 ||
          g_strcmp0 (ga->label, gb->label) != 0 ||
          memcmp (ga->values->data, gb->values->data, sizeof (double) * ga->values->len) != 0)
        return FALSE;
    }

  return TRUE;
}
