/* cost-chart-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-layout"

#include "config.h"

#include <math.h>

#include "cost-chart-layout.h"

typedef struct
{
  CostChartHit  hit;
  CostChartRect bounds;
  gboolean      sector;
  double        cx, cy, r0, r1, a0, a1;
} Target;

typedef struct
{
  char          *text;
  CostChartRect  rect;
} Text;

struct _CostChartLayout
{
  gatomicrefcount  ref;
  GArray          *targets;   /* Target, in drawing order */
  GArray          *texts;     /* Text */
  GArray          *other;     /* guint: the series grouped as "Other" */
};

G_DEFINE_BOXED_TYPE (CostChartLayout, cost_chart_layout,
                     cost_chart_layout_ref, cost_chart_layout_unref)

static void
text_clear (gpointer data)
{
  g_free (((Text *) data)->text);
}

CostChartLayout *
cost_chart_layout_new (void)
{
  CostChartLayout *self = g_new0 (CostChartLayout, 1);

  g_atomic_ref_count_init (&self->ref);
  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  self->texts = g_array_new (FALSE, FALSE, sizeof (Text));
  g_array_set_clear_func (self->texts, text_clear);
  self->other = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

CostChartLayout *
cost_chart_layout_ref (CostChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref);

  return self;
}

void
cost_chart_layout_unref (CostChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  g_array_unref (self->targets);
  g_array_unref (self->texts);
  g_array_unref (self->other);
  g_free (self);
}

/**
 * cost_chart_layout_clear:
 *
 * Forgets everything, before the chart is drawn again.
 */
void
cost_chart_layout_clear (CostChartLayout *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->targets, 0);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->other, 0);
}

void
cost_chart_layout_add_rect (CostChartLayout     *self,
                            const CostChartHit  *hit,
                            const CostChartRect *rect)
{
  Target t = { .hit = *hit, .bounds = *rect };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->targets, t);
}

/**
 * cost_chart_layout_add_sector:
 * @start_angle: in radians, clockwise from the positive x axis (cairo's sense)
 * @end_angle: greater than @start_angle, at most a full turn after it
 *
 * Records a ring sector (a pie slice when @inner_radius is 0).
 */
void
cost_chart_layout_add_sector (CostChartLayout    *self,
                              const CostChartHit *hit,
                              double              cx,
                              double              cy,
                              double              inner_radius,
                              double              outer_radius,
                              double              start_angle,
                              double              end_angle)
{
  Target t = {
    .hit = *hit,
    .sector = TRUE,
    .cx = cx, .cy = cy,
    .r0 = inner_radius, .r1 = outer_radius,
    .a0 = start_angle, .a1 = end_angle,
  };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  int steps = 32;

  g_return_if_fail (self != NULL);

  /* The bounding box of the outline, sampled finely enough for a tooltip. */
  for (int i = 0; i <= steps; i++)
    {
      double a = start_angle + (end_angle - start_angle) * i / steps;

      for (int k = 0; k < 2; k++)
        {
          double r = k == 0 ? inner_radius : outer_radius;
          double x = cx + r * cos (a), y = cy + r * sin (a);

          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }
    }
  t.bounds = (CostChartRect) { x0, y0, x1 - x0, y1 - y0 };

  g_array_append_val (self->targets, t);
}

/**
 * cost_chart_layout_add_text:
 * @rect: the logical box of the text
 */
void
cost_chart_layout_add_text (CostChartLayout     *self,
                            const char          *text,
                            const CostChartRect *rect)
{
  Text t = { g_strdup (text), *rect };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->texts, t);
}

/**
 * cost_chart_layout_set_other:
 *
 * Records which series the chart gathered into its "Other" slice or segment.
 */
void
cost_chart_layout_set_other (CostChartLayout *self,
                             const guint     *series,
                             guint            n_series)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->other, 0);
  g_array_append_vals (self->other, series, n_series);
}

/**
 * cost_chart_layout_get_n_targets:
 *
 * Returns: how many slices, segments or bars can be pointed at; keyboard
 *   navigation goes through them in this order
 */
guint
cost_chart_layout_get_n_targets (CostChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->targets->len;
}

/**
 * cost_chart_layout_get_target:
 * @hit: (out) (optional): what is there
 * @bounds: (out) (optional): its bounding box
 */
void
cost_chart_layout_get_target (CostChartLayout *self,
                              guint            index,
                              CostChartHit    *hit,
                              CostChartRect   *bounds)
{
  const Target *t;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->targets->len);

  t = &g_array_index (self->targets, Target, index);
  if (hit != NULL)
    *hit = t->hit;
  if (bounds != NULL)
    *bounds = t->bounds;
}

static gboolean
target_contains (const Target *t,
                 double        x,
                 double        y)
{
  double dx, dy, r, a;

  if (x < t->bounds.x || y < t->bounds.y ||
      x > t->bounds.x + t->bounds.width || y > t->bounds.y + t->bounds.height)
    return FALSE;

  if (!t->sector)
    return TRUE;

  dx = x - t->cx;
  dy = y - t->cy;
  r = hypot (dx, dy);
  if (r < t->r0 || r > t->r1)
    return FALSE;

  a = atan2 (dy, dx);
  while (a < t->a0)
    a += 2 * G_PI;
  while (a >= t->a0 + 2 * G_PI)
    a -= 2 * G_PI;

  return a <= t->a1;
}

/**
 * cost_chart_layout_lookup:
 * @index: (out) (optional): the target under the point
 *
 * Returns: whether a slice, segment or bar is under (@x, @y)
 */
gboolean
cost_chart_layout_lookup (CostChartLayout *self,
                          double           x,
                          double           y,
                          guint           *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* Last drawn is on top. */
  for (guint i = self->targets->len; i > 0; i--)
    {
      if (target_contains (&g_array_index (self->targets, Target, i - 1), x, y))
        {
          if (index != NULL)
            *index = i - 1;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cost_chart_layout_find_target:
 *
 * Returns: the index of the target showing @series in @group, or -1
 */
int
cost_chart_layout_find_target (CostChartLayout *self,
                               int              series,
                               int              group)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const Target *t = &g_array_index (self->targets, Target, i);

      if (t->hit.series == series && t->hit.group == group)
        return (int) i;
    }

  return -1;
}

/**
 * cost_chart_layout_get_other:
 * @n_series: (out): how many series were grouped
 *
 * Returns: (array length=n_series): the series gathered as "Other"
 */
const guint *
cost_chart_layout_get_other (CostChartLayout *self,
                             guint           *n_series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_series != NULL, NULL);

  *n_series = self->other->len;

  return (const guint *) self->other->data;
}

guint
cost_chart_layout_get_n_texts (CostChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->texts->len;
}

/**
 * cost_chart_layout_get_text:
 * @rect: (out) (optional): the logical box the text was drawn in
 *
 * Returns: the @index-th piece of text drawn
 */
const char *
cost_chart_layout_get_text (CostChartLayout *self,
                            guint            index,
                            CostChartRect   *rect)
{
  const Text *t;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);

  t = &g_array_index (self->texts, Text, index);
  if (rect != NULL)
    *rect = t->rect;

  return t->text;
}
