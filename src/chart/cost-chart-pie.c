/* cost-chart-pie.c
 *
 * Donut and pie: slices clockwise from twelve o'clock, labels beside the
 * ring with leader lines when they fit, a legend table otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-private.h"
#include "cost-format.h"

/* Slices smaller than this share of the whole are gathered into "Other". */
#define MIN_SHARE    0.015
#define MAX_SLICES   8
#define HOLE         0.6    /* inner radius / outer radius */

typedef struct
{
  CostChartEntry  entry;
  double          value;
  double          a0, a1;       /* cairo angles */
  CostChartColor  color;
  PangoLayout    *name;
  PangoLayout    *figure;
  double          width;        /* of the label block */
  double          height;
  double          top;          /* of the label block, once placed */
  gboolean        right;
} Slice;

static void
slice_clear (gpointer data)
{
  Slice *slice = data;

  g_clear_object (&slice->name);
  g_clear_object (&slice->figure);
}

static double
mid_angle (const Slice *slice)
{
  /* A whole ring is labelled at three o'clock. */
  if (slice->a1 - slice->a0 >= 2 * G_PI - 1e-9)
    return 0.0;

  return (slice->a0 + slice->a1) / 2;
}

/* Places the labels of one side from top to bottom without overlaps, as
 * close as possible to where their slices point. */
static gboolean
place_side (CostChartContext *ctx,
            GPtrArray        *side,
            double            cy,
            double            radius,
            double            gap)
{
  double top = ctx->area.y, bottom = ctx->area.y + ctx->area.height;
  double limit;

  for (guint i = 0; i < side->len; i++)
    {
      Slice *slice = g_ptr_array_index (side, i);
      double target = cy + radius * sin (mid_angle (slice)) - slice->height / 2;

      slice->top = MAX (target, top);
      top = slice->top + slice->height + gap;
    }

  limit = bottom;
  for (guint i = side->len; i > 0; i--)
    {
      Slice *slice = g_ptr_array_index (side, i - 1);

      if (slice->top + slice->height > limit)
        slice->top = limit - slice->height;
      limit = slice->top - gap;
    }

  return side->len == 0 || ((Slice *) g_ptr_array_index (side, 0))->top >= ctx->area.y - 0.5;
}

static int
compare_label_y (gconstpointer a,
                 gconstpointer b)
{
  const Slice *sa = *(Slice **) a, *sb = *(Slice **) b;
  double ya = sin (mid_angle (sa)), yb = sin (mid_angle (sb));

  return ya < yb ? -1 : ya > yb;
}

static void
sector_path (cairo_t *cr,
             double   cx,
             double   cy,
             double   r0,
             double   r1,
             double   a0,
             double   a1)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r1, a0, a1);
  if (r0 > 0)
    cairo_arc_negative (cr, cx, cy, r0, a1, a0);
  else
    cairo_line_to (cr, cx, cy);
  cairo_close_path (cr);
}

static void
draw_ring (CostChartContext *ctx,
           GArray           *slices,
           double            cx,
           double            cy,
           double            radius,
           gboolean          donut)
{
  cairo_t *cr = ctx->cr;
  double hole = donut ? radius * HOLE : 0.0;
  double pop = ctx->pad * 0.35;
  const Slice *raised = NULL;

  for (guint i = 0; i < slices->len; i++)
    {
      const Slice *slice = &g_array_index (slices, Slice, i);
      CostChartHit hit = { slice->entry.series, 0, slice->value };
      gboolean dimmed = _cost_chart_is_dimmed (ctx, slice->entry.series, 0);

      if (ctx->style->highlight_series == slice->entry.series)
        raised = slice;

      sector_path (cr, cx, cy, hole, radius, slice->a0, slice->a1);
      _cost_chart_set_source (ctx, &slice->color, dimmed);
      cairo_fill (cr);

      cost_chart_layout_add_sector (ctx->layout, &hit, cx, cy, hole, radius, slice->a0, slice->a1);
    }

  /* Thin separators in the background colour. */
  if (slices->len > 1)
    {
      cairo_set_source_rgb (cr, ctx->bg.red, ctx->bg.green, ctx->bg.blue);
      cairo_set_line_width (cr, ctx->hairline * 1.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      for (guint i = 0; i < slices->len; i++)
        {
          double a = g_array_index (slices, Slice, i).a0;

          cairo_move_to (cr, cx + (hole > 0 ? hole - 1 : 0) * cos (a), cy + (hole > 0 ? hole - 1 : 0) * sin (a));
          cairo_line_to (cr, cx + (radius + 1) * cos (a), cy + (radius + 1) * sin (a));
        }
      cairo_stroke (cr);
    }

  /* The highlighted slice stands out of the ring. */
  if (raised != NULL)
    {
      sector_path (cr, cx, cy, hole > 0 ? hole - pop * 0.5 : 0, radius + pop, raised->a0, raised->a1);
      _cost_chart_set_source (ctx, &raised->color, FALSE);
      cairo_fill_preserve (cr);
      if (slices->len > 1)
        {
          cairo_set_source_rgb (cr, ctx->bg.red, ctx->bg.green, ctx->bg.blue);
          cairo_set_line_width (cr, ctx->hairline * 1.5);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }
}

static void
draw_center (CostChartContext *ctx,
             double            total,
             double            cx,
             double            cy,
             double            hole)
{
  const char *caption = cost_chart_dataset_get_total_label (ctx->data);
  g_autofree char *amount = _cost_chart_format_compact (ctx, total);
  g_autoptr(PangoLayout) big = NULL;
  g_autoptr(PangoLayout) small = NULL;
  double size = MIN (ctx->body * 2.4, hole * 0.42);
  double w, h, ch = 0.0;

  big = _cost_chart_text_new (ctx, amount, size, COST_CHART_TEXT_BOLD);
  _cost_chart_text_get_size (big, &w, &h);
  if (w > hole * 1.6)
    {
      g_object_unref (big);
      size *= hole * 1.6 / w;
      big = _cost_chart_text_new (ctx, amount, size, COST_CHART_TEXT_BOLD);
      _cost_chart_text_get_size (big, &w, &h);
    }

  if (caption == NULL)
    caption = _("Total");
  small = _cost_chart_text_new (ctx, caption, MIN (ctx->small, size * 0.55), COST_CHART_TEXT_REGULAR);
  _cost_chart_text_limit (small, hole * 1.5, 1);
  _cost_chart_text_get_size (small, NULL, &ch);

  _cost_chart_text_show (ctx, big, cx, cy - (h + ch) / 2, 0.5, 0.0, &ctx->fg);
  _cost_chart_text_show (ctx, small, cx, cy - (h + ch) / 2 + h, 0.5, 0.0, &ctx->muted);
}

static void
draw_leaders (CostChartContext *ctx,
              GArray           *slices,
              double            cx,
              double            cy,
              double            radius,
              double            reach,
              double            run)
{
  cairo_t *cr = ctx->cr;

  cairo_set_line_width (cr, ctx->hairline);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < slices->len; i++)
    {
      const Slice *slice = &g_array_index (slices, Slice, i);
      double a = mid_angle (slice);
      double label_y = slice->top + slice->height / 2;
      double elbow_x = cx + reach * cos (a);
      double column = slice->right ? cx + reach + run : cx - reach - run;
      double name_h;

      cairo_move_to (cr, cx + (radius + ctx->hairline * 3) * cos (a),
                     cy + (radius + ctx->hairline * 3) * sin (a));
      cairo_line_to (cr, elbow_x, label_y);
      cairo_line_to (cr, column + (slice->right ? -ctx->hairline * 4 : ctx->hairline * 4), label_y);
      _cost_chart_set_source (ctx, &ctx->muted, FALSE);
      cairo_stroke (cr);

      _cost_chart_text_get_size (slice->name, NULL, &name_h);
      _cost_chart_text_show (ctx, slice->name, column, slice->top, slice->right ? 0.0 : 1.0, 0.0, &ctx->fg);
      _cost_chart_text_show (ctx, slice->figure, column, slice->top + name_h,
                             slice->right ? 0.0 : 1.0, 0.0, &ctx->fg);
    }
}

/* Tries labels beside the ring; returns FALSE when they do not fit well. */
static gboolean
layout_leaders (CostChartContext *ctx,
                GArray           *slices,
                double           *cx,
                double           *cy,
                double           *radius,
                double           *reach,
                double           *run)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GPtrArray) right = g_ptr_array_new ();
  double left_w = 0.0, right_w = 0.0, left_h = 0.0, right_h = 0.0, max_h = 0.0;
  double gap = ctx->small * 0.3;
  double r;

  *reach = ctx->pad * 0.9;   /* from the ring's edge to the elbow */
  *run = ctx->pad * 0.9;     /* from the elbow to the text */

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);

      slice->right = cos (mid_angle (slice)) >= 0;
      max_h = MAX (max_h, slice->height);
      if (slice->right)
        {
          g_ptr_array_add (right, slice);
          right_w = MAX (right_w, slice->width);
          right_h += slice->height + gap;
        }
      else
        {
          g_ptr_array_add (left, slice);
          left_w = MAX (left_w, slice->width);
          left_h += slice->height + gap;
        }
    }

  if (left_h > ctx->area.height || right_h > ctx->area.height)
    return FALSE;

  /* The ring is centred; the wider side decides how large it can be, and
   * the labels of slices at the top and bottom need room above and below. */
  r = ctx->area.width / 2 - *reach - *run - MAX (left_w, right_w);
  r = MIN (r, ctx->area.height / 2 - *reach - max_h / 2);
  if (r < MIN (ctx->area.width, ctx->area.height) * 0.25)
    return FALSE;

  *cx = ctx->area.x + ctx->area.width / 2;
  *cy = ctx->area.y + ctx->area.height / 2;
  *radius = r;
  *reach += r;

  g_ptr_array_sort (left, compare_label_y);
  g_ptr_array_sort (right, compare_label_y);

  return place_side (ctx, left, *cy, *reach, gap) && place_side (ctx, right, *cy, *reach, gap);
}

/* The fallback: the ring beside (or above) a table of the slices. */
static void
draw_with_legend (CostChartContext *ctx,
                  GArray           *slices,
                  double            total,
                  gboolean          donut)
{
  double size = ctx->small;
  double swatch = round (size * 0.8);
  double row = size * 1.75;
  double col_gap = size * 1.1;
  double name_w = 0.0, amount_w = 0.0, share_w = 0.0, legend_w, legend_h;
  double cx, cy, radius, x, y;
  gboolean beside = ctx->area.width >= ctx->area.height * 1.15;
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func (g_object_unref);
  double max_name = beside ? ctx->area.width * 0.3 : ctx->area.width * 0.5;

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);
      g_autofree char *amount = _cost_chart_format_compact (ctx, slice->value);
      g_autofree char *share = cost_format_share (slice->value / total);
      PangoLayout *a = _cost_chart_text_new (ctx, amount, size, COST_CHART_TEXT_REGULAR);
      PangoLayout *s = _cost_chart_text_new (ctx, share, size, COST_CHART_TEXT_REGULAR);
      double w;

      g_clear_object (&slice->name);
      slice->name = _cost_chart_text_new (ctx, _cost_chart_entry_label (ctx, &slice->entry), size,
                                          COST_CHART_TEXT_REGULAR);
      _cost_chart_text_limit (slice->name, max_name, 1);
      _cost_chart_text_get_size (slice->name, &w, NULL);
      name_w = MAX (name_w, w);
      _cost_chart_text_get_size (a, &w, NULL);
      amount_w = MAX (amount_w, w);
      _cost_chart_text_get_size (s, &w, NULL);
      share_w = MAX (share_w, w);
      g_ptr_array_add (amounts, a);
      g_ptr_array_add (shares, s);
    }

  legend_w = swatch + size * 0.6 + name_w + col_gap + amount_w + col_gap + share_w;
  legend_h = row * slices->len;

  if (beside)
    {
      radius = MIN ((ctx->area.width - legend_w - ctx->pad * 2) / 2, ctx->area.height / 2);
      radius = MAX (radius, ctx->body);
      cx = ctx->area.x + radius + (ctx->area.width - legend_w - radius * 2 - ctx->pad * 2) / 2;
      cy = ctx->area.y + ctx->area.height / 2;
      x = cx + radius + ctx->pad * 2;
      y = cy - legend_h / 2;
    }
  else
    {
      radius = MIN (ctx->area.width / 2, (ctx->area.height - legend_h - ctx->pad) / 2);
      radius = MAX (radius, ctx->body);
      cx = ctx->area.x + ctx->area.width / 2;
      cy = ctx->area.y + radius;
      x = cx - legend_w / 2;
      y = cy + radius + ctx->pad;
    }
  x = MAX (x, ctx->area.x);
  y = MAX (y, ctx->area.y);

  draw_ring (ctx, slices, cx, cy, radius, donut);
  if (donut)
    draw_center (ctx, total, cx, cy, radius * HOLE);

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);
      double ry = y + row * i + row / 2;
      gboolean dimmed = _cost_chart_is_dimmed (ctx, slice->entry.series, 0);

      _cost_chart_rounded_rect (ctx->cr, x, ry - swatch / 2, swatch, swatch, swatch * 0.25);
      _cost_chart_set_source (ctx, &slice->color, dimmed);
      cairo_fill (ctx->cr);

      _cost_chart_text_show (ctx, slice->name, x + swatch + size * 0.6, ry, 0.0, 0.5, &ctx->fg);
      _cost_chart_text_show (ctx, g_ptr_array_index (amounts, i),
                             x + legend_w - share_w - col_gap, ry, 1.0, 0.5, &ctx->fg);
      _cost_chart_text_show (ctx, g_ptr_array_index (shares, i), x + legend_w, ry, 1.0, 0.5, &ctx->muted);
    }
}

void
_cost_chart_draw_pie (CostChartContext *ctx,
                      gboolean          donut)
{
  g_autoptr(GArray) entries = _cost_chart_group_entries (ctx, 0, MIN_SHARE, MAX_SLICES);
  g_autoptr(GArray) slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  double total = 0.0, angle = -G_PI / 2;
  double cx, cy, radius, reach, run;

  g_array_set_clear_func (slices, slice_clear);

  /* A share of a whole: what is negative has no slice. */
  for (guint i = 0; i < entries->len; i++)
    {
      const CostChartEntry *e = &g_array_index (entries, CostChartEntry, i);
      Slice slice = { .entry = *e, .value = _cost_chart_entry_value (ctx, e, 0) };

      if (slice.value <= 0)
        continue;
      _cost_chart_series_color (ctx, e->series, &slice.color);
      g_array_append_val (slices, slice);
      total += slice.value;
    }

  if (total <= 0)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = &g_array_index (slices, Slice, i);
      g_autofree char *amount = _cost_chart_format_compact (ctx, slice->value);
      g_autofree char *share = cost_format_share (slice->value / total);
      double w1, h1, w2, h2;

      slice->a0 = angle;
      angle += 2 * G_PI * slice->value / total;
      slice->a1 = i + 1 == slices->len ? 3 * G_PI / 2 : angle;

      slice->name = _cost_chart_text_new (ctx, _cost_chart_entry_label (ctx, &slice->entry),
                                          ctx->body, COST_CHART_TEXT_BOLD);
      _cost_chart_text_limit (slice->name, ctx->area.width * 0.26, 1);
      slice->figure = _cost_chart_text_new_pair (ctx, amount, share, ctx->small);
      _cost_chart_text_get_size (slice->name, &w1, &h1);
      _cost_chart_text_get_size (slice->figure, &w2, &h2);
      slice->width = MAX (w1, w2);
      slice->height = h1 + h2;
    }

  if (layout_leaders (ctx, slices, &cx, &cy, &radius, &reach, &run))
    {
      draw_ring (ctx, slices, cx, cy, radius, donut);
      if (donut)
        draw_center (ctx, total, cx, cy, radius * HOLE);
      draw_leaders (ctx, slices, cx, cy, radius, reach, run);
    }
  else
    {
      draw_with_legend (ctx, slices, total, donut);
    }
}
