/* cost-chart-bars.c
 *
 * Stacked bars (vertical or horizontal) and the ranking of the largest
 * values as horizontal bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-private.h"
#include "cost-format.h"

#define STACK_MIN_SHARE  0.005
#define STACK_MAX_SERIES 9

typedef struct
{
  GArray *entries;
  double *pos;           /* per group: sum of positive values */
  double *neg;
  double  max;
  double  min;
} Stacks;

static void
stacks_init (CostChartContext *ctx,
             Stacks           *st)
{
  guint n_groups = cost_chart_dataset_get_n_groups (ctx->data);

  st->entries = _cost_chart_group_entries (ctx, -1, STACK_MIN_SHARE, STACK_MAX_SERIES);
  st->pos = g_new0 (double, n_groups);
  st->neg = g_new0 (double, n_groups);
  st->max = st->min = 0.0;

  for (guint g = 0; g < n_groups; g++)
    {
      for (guint i = 0; i < st->entries->len; i++)
        {
          double v = _cost_chart_entry_value (ctx, &g_array_index (st->entries, CostChartEntry, i), g);

          if (v > 0)
            st->pos[g] += v;
          else
            st->neg[g] += v;
        }
      st->max = MAX (st->max, st->pos[g]);
      st->min = MIN (st->min, st->neg[g]);
    }
}

static void
stacks_clear (Stacks *st)
{
  g_clear_pointer (&st->entries, g_array_unref);
  g_clear_pointer (&st->pos, g_free);
  g_clear_pointer (&st->neg, g_free);
}

static void
draw_stack_legend (CostChartContext *ctx,
                   GArray           *entries)
{
  g_autofree CostChartLegendEntry *legend = g_new0 (CostChartLegendEntry, entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      const CostChartEntry *e = &g_array_index (entries, CostChartEntry, i);

      legend[i].label = _cost_chart_entry_label (ctx, e);
      _cost_chart_series_color (ctx, e->series, &legend[i].color);
    }

  _cost_chart_draw_legend (ctx, legend, entries->len);
}

static PangoLayout *
segment_label_new (CostChartContext *ctx,
                   double            value)
{
  g_autofree char *text = _cost_chart_format_compact (ctx, value);

  return _cost_chart_text_new (ctx, text, ctx->small * 0.92, COST_CHART_TEXT_REGULAR);
}

/* Whether the value fits inside its segment with room to spare. It is
 * decided on @fit, the segment before its edges are snapped to pixels, so
 * that equal segments of different bars get the same answer. */
static gboolean
segment_label_fits (CostChartContext    *ctx,
                    double               value,
                    const CostChartRect *fit)
{
  g_autoptr(PangoLayout) label = NULL;
  double w, h;

  /* Not even a short number fits. */
  if (fit->height < ctx->small * 1.2 || fit->width < ctx->small * 2.5)
    return FALSE;

  label = segment_label_new (ctx, value);
  _cost_chart_text_get_size (label, &w, &h);

  return w <= fit->width - ctx->small * 0.4 && h <= fit->height - ctx->small * 0.3;
}

/* The labels of one bar, biggest segment first: each is labelled when its
 * value fits in it (@fits, from segment_label_fits()), and a smaller one
 * only when every bigger one is, so that a reader never sees the small
 * blocks labelled and the big one bare. */
static void
choose_labels (const double   *values,
               const gboolean *fits,
               gboolean       *chosen,
               guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      chosen[i] = fits[i];
      for (guint k = 0; k < n && chosen[i]; k++)
        {
          if (values[k] != 0 && fabs (values[k]) > fabs (values[i]) && !fits[k])
            chosen[i] = FALSE;
        }
    }
}

/* The value inside its segment. */
static void
draw_segment_label (CostChartContext     *ctx,
                    const CostChartColor *fill,
                    double                value,
                    const CostChartRect  *seg)
{
  g_autoptr(PangoLayout) label = segment_label_new (ctx, value);
  CostChartColor color;

  _cost_chart_text_color_on (fill, &color);
  _cost_chart_text_show (ctx, label, seg->x + seg->width / 2, seg->y + seg->height / 2, 0.5, 0.5, &color);
}

/* A vertical segment from @from to @to on @axis, @width wide around @xc,
 * before snapping. */
static CostChartRect
unsnapped_v (const CostChartAxis *axis,
             double               xc,
             double               width,
             double               from,
             double               to)
{
  double a = _cost_chart_axis_map (axis, from);
  double b = _cost_chart_axis_map (axis, to);

  return (CostChartRect) { xc - width / 2, MIN (a, b), width, fabs (a - b) };
}

/* A horizontal segment from @from to @to on @axis, @height high around
 * @yc, before snapping. */
static CostChartRect
unsnapped_h (const CostChartAxis *axis,
             double               yc,
             double               height,
             double               from,
             double               to)
{
  double a = _cost_chart_axis_map (axis, from);
  double b = _cost_chart_axis_map (axis, to);

  return (CostChartRect) { MIN (a, b), yc - height / 2, fabs (a - b), height };
}

/* Draws one segment, with a separator in the background colour where the
 * previous segment of the stack ends (@separator), and a rounded outer end
 * when it is the last of the stack (@last). */
static void
draw_segment (CostChartContext     *ctx,
              const CostChartEntry *entry,
              guint                 group,
              double                value,
              const CostChartRect  *seg,
              gboolean              labelled,
              gboolean              separator,
              gboolean              horizontal,
              gboolean              last)
{
  cairo_t *cr = ctx->cr;
  CostChartColor color;
  CostChartHit hit = { entry->series, (int) group, value };
  double sep = MAX (1.0 / ctx->device_scale[horizontal ? 0 : 1], round (ctx->hairline));
  double thickness = horizontal ? seg->height : seg->width;
  double length = horizontal ? seg->width : seg->height;
  double radius = last && value > 0 ? MIN (ctx->body * 0.22, thickness * 0.08) : 0.0;

  _cost_chart_series_color (ctx, entry->series, &color);
  _cost_chart_effective_color (ctx, &color, _cost_chart_is_dimmed (ctx, entry->series, (int) group), &color);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);

  if (radius > 0 && length > radius * 2)
    {
      /* Round the outer end only: a rounded box, squared on the inner half. */
      _cost_chart_rounded_rect (cr, seg->x, seg->y, seg->width, seg->height, radius);
      if (horizontal)
        cairo_rectangle (cr, seg->x, seg->y, seg->width / 2, seg->height);
      else
        cairo_rectangle (cr, seg->x, seg->y + seg->height / 2, seg->width, seg->height / 2);
    }
  else
    {
      cairo_rectangle (cr, seg->x, seg->y, seg->width, seg->height);
    }
  cairo_fill (cr);

  if (separator)
    {
      sep = MIN (sep, length);
      cairo_set_source_rgb (cr, ctx->bg.red, ctx->bg.green, ctx->bg.blue);
      if (horizontal && value > 0)
        cairo_rectangle (cr, seg->x, seg->y, sep, seg->height);
      else if (horizontal)
        cairo_rectangle (cr, seg->x + seg->width - sep, seg->y, sep, seg->height);
      else if (value > 0)
        cairo_rectangle (cr, seg->x, seg->y + seg->height - sep, seg->width, sep);
      else
        cairo_rectangle (cr, seg->x, seg->y, seg->width, sep);
      cairo_fill (cr);
    }

  cost_chart_layout_add_rect (ctx->layout, &hit, seg);
  if (labelled)
    draw_segment_label (ctx, &color, value, seg);
}

/* The label of a reference line: its name over its value, at the end of
 * the line, right of the plot. */
static PangoLayout *
reference_label_new (CostChartContext *ctx,
                     double            value,
                     const char       *label)
{
  g_autofree char *amount = _cost_chart_format_compact (ctx, value);
  g_autofree char *text = g_strdup_printf ("%s\n%s", label, amount);
  PangoLayout *layout = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_BOLD);

  _cost_chart_text_limit (layout, ctx->small * 8, 3);

  return layout;
}

/* A dashed line across the plot at the dataset's base value (a budget),
 * labelled where it ends. */
static void
draw_reference (CostChartContext    *ctx,
                const CostChartAxis *axis,
                const CostChartRect *plot,
                double               value,
                PangoLayout         *label)
{
  cairo_t *cr = ctx->cr;
  double width = MAX (round (ctx->hairline * 1.5), 1.0);
  double dashes[2] = { ctx->small * 0.5, ctx->small * 0.3 };
  double y = _cost_chart_snap_y (ctx, _cost_chart_axis_map (axis, value));
  double h;

  cairo_save (cr);
  cairo_set_source_rgb (cr, ctx->fg.red, ctx->fg.green, ctx->fg.blue);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, plot->x, y);
  cairo_line_to (cr, plot->x + plot->width + ctx->small * 0.3, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  _cost_chart_text_get_size (label, NULL, &h);
  y = CLAMP (y, ctx->area.y + h / 2, ctx->area.y + ctx->area.height - h / 2);
  _cost_chart_text_show (ctx, label, plot->x + plot->width + ctx->small * 0.6, y, 0.0, 0.5, &ctx->fg);
}

static void
draw_columns (CostChartContext *ctx,
              Stacks           *st)
{
  guint n_groups = cost_chart_dataset_get_n_groups (ctx->data);
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **texts = g_new0 (const char *, n_groups + 1);
  guint n_entries = st->entries->len;
  g_autofree double *values = g_new0 (double, MAX (n_entries, 1));
  g_autofree gboolean *fits = g_new0 (gboolean, MAX (n_entries, 1));
  g_autofree gboolean *chosen = g_new0 (gboolean, MAX (n_entries, 1));
  CostChartBandLabels bl = { 0 };
  CostChartAxis axis;
  CostChartRect plot;
  double axis_w, slot, bar_w, total_h = 0.0, totals_w = 0.0;
  gboolean show_totals;
  /* A base value with a label is a reference line, such as a budget. */
  const char *reference_name = cost_chart_dataset_get_base_label (ctx->data);
  double reference = cost_chart_dataset_get_base (ctx->data);
  double max = reference_name != NULL ? MAX (st->max, reference) : st->max;
  g_autoptr(PangoLayout) reference_label = NULL;
  double reference_w = 0.0;

  /* Totals above the bars. */
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *text = _cost_chart_format_compact (ctx, st->pos[g] + st->neg[g]);
      PangoLayout *layout = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_BOLD);
      double w, h;

      _cost_chart_text_get_size (layout, &w, &h);
      totals_w = MAX (totals_w, w);
      total_h = MAX (total_h, h);
      g_ptr_array_add (totals, layout);
    }

  /* First guess of the plot's height for the ticks, whose labels decide
   * the width left for the bars, which decides the labels underneath. */
  _cost_chart_axis_init (&axis, st->min, max, ctx->area.height - total_h * 3, ctx->body * 3.2);
  axis_w = _cost_chart_axis_label_width (ctx, &axis) + ctx->small * 0.6;
  if (reference_name != NULL)
    {
      reference_label = reference_label_new (ctx, reference, reference_name);
      _cost_chart_text_get_size (reference_label, &reference_w, NULL);
      reference_w += ctx->small * 0.6;
    }
  slot = (ctx->area.width - axis_w - reference_w) / n_groups;
  for (guint g = 0; g < n_groups; g++)
    texts[g] = cost_chart_dataset_get_group_label (ctx->data, g);
  _cost_chart_band_labels_init (ctx, &bl, texts, n_groups, ctx->area.x + axis_w,
                                ctx->area.x + ctx->area.width - reference_w);

  plot.x = ctx->area.x + axis_w;
  plot.width = ctx->area.width - axis_w - reference_w;
  plot.y = ctx->area.y + total_h * 1.2;
  plot.height = ctx->area.height - total_h * 1.2 - bl.height - ctx->small * 0.5;
  if (plot.height < ctx->body * 2)
    {
      _cost_chart_band_labels_clear (&bl);
      return;
    }

  _cost_chart_axis_init (&axis, st->min, max, plot.height, ctx->body * 3.2);
  axis.from = plot.y + plot.height;
  axis.to = plot.y;
  _cost_chart_axis_draw (ctx, &axis, &plot, TRUE);

  bar_w = MIN (slot * 0.62, ctx->body * 7);
  show_totals = totals_w <= slot * 0.98;

  for (guint g = 0; g < n_groups; g++)
    {
      double xc = plot.x + slot * (g + 0.5);
      double x0 = _cost_chart_snap_x (ctx, xc - bar_w / 2);
      double x1 = _cost_chart_snap_x (ctx, xc + bar_w / 2);
      double up = 0.0, down = 0.0, fup = 0.0, fdown = 0.0;
      int top = -1;
      gboolean first_up = TRUE, first_down = TRUE;

      if (x1 - x0 < 1.0)
        x1 = x0 + 1.0;

      /* The outermost segments get the rounded ends. */
      for (guint i = 0; i < st->entries->len; i++)
        {
          double v = _cost_chart_entry_value (ctx, &g_array_index (st->entries, CostChartEntry, i), g);

          if (v > 0)
            top = (int) i;
        }

      /* Which segments are labelled, on the bar before snapping. */
      for (guint i = 0; i < n_entries; i++)
        {
          double v = _cost_chart_entry_value (ctx, &g_array_index (st->entries, CostChartEntry, i), g);
          CostChartRect fit;

          values[i] = v;
          if (v >= 0)
            {
              fit = unsnapped_v (&axis, xc, bar_w, fup, fup + v);
              fup += v;
            }
          else
            {
              fit = unsnapped_v (&axis, xc, bar_w, fdown, fdown + v);
              fdown += v;
            }
          fits[i] = v != 0 && segment_label_fits (ctx, v, &fit);
        }
      choose_labels (values, fits, chosen, n_entries);

      for (guint i = 0; i < st->entries->len; i++)
        {
          const CostChartEntry *e = &g_array_index (st->entries, CostChartEntry, i);
          double v = _cost_chart_entry_value (ctx, e, g);
          double y0, y1;
          CostChartRect seg;

          if (v == 0)
            continue;

          if (v > 0)
            {
              y0 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, up));
              up += v;
              y1 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, up));
              seg = (CostChartRect) { x0, y1, x1 - x0, y0 - y1 };
              draw_segment (ctx, e, g, v, &seg, chosen[i], !first_up, FALSE, (int) i == top);
              first_up = FALSE;
            }
          else
            {
              y0 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, down));
              down += v;
              y1 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, down));
              seg = (CostChartRect) { x0, y0, x1 - x0, y1 - y0 };
              draw_segment (ctx, e, g, v, &seg, chosen[i], !first_down, FALSE, FALSE);
              first_down = FALSE;
            }
        }

      if (show_totals)
        _cost_chart_text_show (ctx, g_ptr_array_index (totals, g), xc,
                               _cost_chart_axis_map (&axis, up) - total_h * 0.15, 0.5, 1.0, &ctx->fg);

      _cost_chart_band_labels_show (ctx, &bl, g, xc, plot.y + plot.height + ctx->small * 0.5);
    }

  if (reference_label != NULL)
    draw_reference (ctx, &axis, &plot, reference, reference_label);

  _cost_chart_band_labels_clear (&bl);
}

static void
draw_rows (CostChartContext *ctx,
           Stacks           *st)
{
  guint n_groups = cost_chart_dataset_get_n_groups (ctx->data);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_entries = st->entries->len;
  g_autofree double *values = g_new0 (double, MAX (n_entries, 1));
  g_autofree gboolean *fits = g_new0 (gboolean, MAX (n_entries, 1));
  g_autofree gboolean *chosen = g_new0 (gboolean, MAX (n_entries, 1));
  CostChartAxis axis;
  CostChartRect plot;
  double label_w = 0.0, label_h = 0.0, totals_w = 0.0, tick_h, slot, thickness, gap = ctx->small * 0.7;
  guint stride;

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *text = _cost_chart_format_compact (ctx, st->pos[g] + st->neg[g]);
      PangoLayout *total = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_BOLD);
      PangoLayout *label = _cost_chart_text_new (ctx, cost_chart_dataset_get_group_label (ctx->data, g),
                                                 ctx->small, COST_CHART_TEXT_REGULAR);
      double w, h;

      _cost_chart_text_limit (label, ctx->area.width * 0.3, 1);
      _cost_chart_text_get_size (label, &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
      _cost_chart_text_get_size (total, &w, NULL);
      totals_w = MAX (totals_w, w);
      g_ptr_array_add (labels, label);
      g_ptr_array_add (totals, total);
    }

  tick_h = label_h;
  plot.x = ctx->area.x + label_w + gap;
  plot.width = ctx->area.width - label_w - gap - totals_w - gap;
  plot.y = ctx->area.y;
  plot.height = ctx->area.height - tick_h - ctx->small * 0.4;
  if (plot.width < ctx->body * 3 || plot.height < ctx->body)
    return;

  _cost_chart_axis_fit_across (ctx, &axis, st->min, st->max, &plot);
  _cost_chart_axis_draw (ctx, &axis, &plot, FALSE);

  slot = plot.height / n_groups;
  thickness = MIN (slot * 0.62, ctx->body * 2.6);
  stride = slot >= label_h * 1.05 ? 1 : (guint) ceil (label_h * 1.05 / slot);

  for (guint g = 0; g < n_groups; g++)
    {
      double yc = plot.y + slot * (g + 0.5);
      double y0 = _cost_chart_snap_y (ctx, yc - thickness / 2);
      double y1 = _cost_chart_snap_y (ctx, yc + thickness / 2);
      double right = 0.0, left = 0.0, fright = 0.0, fleft = 0.0;
      int last = -1;
      gboolean first_right = TRUE, first_left = TRUE;

      if (y1 - y0 < 1.0)
        y1 = y0 + 1.0;

      for (guint i = 0; i < st->entries->len; i++)
        {
          if (_cost_chart_entry_value (ctx, &g_array_index (st->entries, CostChartEntry, i), g) > 0)
            last = (int) i;
        }

      for (guint i = 0; i < n_entries; i++)
        {
          double v = _cost_chart_entry_value (ctx, &g_array_index (st->entries, CostChartEntry, i), g);
          CostChartRect fit;

          values[i] = v;
          if (v >= 0)
            {
              fit = unsnapped_h (&axis, yc, thickness, fright, fright + v);
              fright += v;
            }
          else
            {
              fit = unsnapped_h (&axis, yc, thickness, fleft, fleft + v);
              fleft += v;
            }
          fits[i] = v != 0 && segment_label_fits (ctx, v, &fit);
        }
      choose_labels (values, fits, chosen, n_entries);

      for (guint i = 0; i < st->entries->len; i++)
        {
          const CostChartEntry *e = &g_array_index (st->entries, CostChartEntry, i);
          double v = _cost_chart_entry_value (ctx, e, g);
          double x0, x1;
          CostChartRect seg;

          if (v == 0)
            continue;

          if (v > 0)
            {
              x0 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&axis, right));
              right += v;
              x1 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&axis, right));
              seg = (CostChartRect) { x0, y0, x1 - x0, y1 - y0 };
              draw_segment (ctx, e, g, v, &seg, chosen[i], !first_right, TRUE, (int) i == last);
              first_right = FALSE;
            }
          else
            {
              x0 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&axis, left));
              left += v;
              x1 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&axis, left));
              seg = (CostChartRect) { x1, y0, x0 - x1, y1 - y0 };
              draw_segment (ctx, e, g, v, &seg, chosen[i], !first_left, TRUE, FALSE);
              first_left = FALSE;
            }
        }

      _cost_chart_text_show (ctx, g_ptr_array_index (totals, g),
                             _cost_chart_axis_map (&axis, right) + gap * 0.6, yc, 0.0, 0.5, &ctx->fg);
      if (g % stride == 0)
        _cost_chart_text_show (ctx, g_ptr_array_index (labels, g), plot.x - gap, yc, 1.0, 0.5, &ctx->fg);
    }
}

void
_cost_chart_draw_stacked (CostChartContext *ctx,
                          gboolean          horizontal)
{
  Stacks st = { 0 };

  stacks_init (ctx, &st);
  if (st.entries->len == 0 || cost_chart_dataset_get_n_groups (ctx->data) == 0)
    {
      _cost_chart_draw_empty (ctx);
      stacks_clear (&st);
      return;
    }

  draw_stack_legend (ctx, st.entries);
  if (horizontal)
    draw_rows (ctx, &st);
  else
    draw_columns (ctx, &st);

  stacks_clear (&st);
}

typedef struct
{
  guint  series;
  double value;
} Bar;

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *ba = a, *bb = b;

  if (ba->value != bb->value)
    return ba->value < bb->value ? 1 : -1;

  return (int) ba->series - (int) bb->series;
}

/* A ranking is one colour, unless its series bring their own (an item's
 * category's): then colour tells the categories apart. */
static void
ranked_color (CostChartContext *ctx,
              guint             series,
              CostChartColor   *color)
{
  double rgb[3];

  if (cost_chart_dataset_get_series_color (ctx->data, series, rgb))
    *color = (CostChartColor) { rgb[0], rgb[1], rgb[2] };
  else
    cost_chart_palette_get_color (0, color);
}

/* One legend entry per distinct detail (an item's category) and colour. */
static void
draw_detail_legend (CostChartContext *ctx,
                    GArray           *bars)
{
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (CostChartLegendEntry));

  for (guint i = 0; i < bars->len; i++)
    {
      guint s = g_array_index (bars, Bar, i).series;
      CostChartLegendEntry entry = { cost_chart_dataset_get_series_detail (ctx->data, s) };
      gboolean seen = FALSE;

      if (entry.label == NULL)
        continue;
      ranked_color (ctx, s, &entry.color);

      for (guint k = 0; k < legend->len && !seen; k++)
        {
          const CostChartLegendEntry *other = &g_array_index (legend, CostChartLegendEntry, k);

          seen = g_strcmp0 (other->label, entry.label) == 0 &&
                 other->color.red == entry.color.red &&
                 other->color.green == entry.color.green &&
                 other->color.blue == entry.color.blue;
        }
      if (!seen)
        g_array_append_val (legend, entry);
    }

  _cost_chart_draw_legend (ctx, (CostChartLegendEntry *) legend->data, legend->len);
}

void
_cost_chart_draw_ranked (CostChartContext *ctx)
{
  guint n_series = cost_chart_dataset_get_n_series (ctx->data);
  g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  double total = cost_chart_dataset_get_whole (ctx->data, 0);
  double name_w = 0.0, figure_w = 0.0, line_h = 0.0, gap = ctx->small * 0.7;
  double row, thickness, length, x, max;
  guint shown, fit;
  gboolean fractions = cost_chart_dataset_get_unit (ctx->data) == COST_CHART_UNIT_FRACTION;

  for (guint s = 0; s < n_series; s++)
    {
      Bar bar = { s, cost_chart_dataset_get_value (ctx->data, 0, s) };

      if (bar.value > 0)
        g_array_append_val (bars, bar);
    }
  if (bars->len == 0)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }
  g_array_sort (bars, compare_bars);
  max = g_array_index (bars, Bar, 0).value;

  draw_detail_legend (ctx, bars);

  /* As many rows as fit; a last line says how many more there are. */
  {
    g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->body, COST_CHART_TEXT_REGULAR);

    _cost_chart_text_get_size (probe, NULL, &line_h);
  }
  fit = (guint) MAX (1.0, floor (ctx->area.height / (line_h * 1.45)));
  shown = bars->len <= fit ? bars->len : MAX (fit - 1, 1);
  row = MIN (ctx->area.height / (shown + (shown < bars->len ? 1 : 0)), line_h * 2.6);
  thickness = MAX (1.0, MIN (row * 0.68, line_h * 1.5));

  for (guint i = 0; i < shown; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      g_autofree char *amount = _cost_chart_format_compact (ctx, bar->value);
      g_autofree char *share = cost_format_share (total > 0 ? bar->value / total : 0.0);
      PangoLayout *name = _cost_chart_text_new (ctx, cost_chart_dataset_get_series_label (ctx->data, bar->series),
                                                ctx->body, COST_CHART_TEXT_REGULAR);
      /* Fractions are their own share. */
      PangoLayout *fig = fractions ? _cost_chart_text_new (ctx, amount, ctx->small, COST_CHART_TEXT_REGULAR) :
                                     _cost_chart_text_new_pair (ctx, amount, share, ctx->small);
      double w;

      _cost_chart_text_limit (name, ctx->area.width * 0.32, 1);
      _cost_chart_text_get_size (name, &w, NULL);
      name_w = MAX (name_w, w);
      _cost_chart_text_get_size (fig, &w, NULL);
      figure_w = MAX (figure_w, w);
      g_ptr_array_add (names, name);
      g_ptr_array_add (figures, fig);
    }

  x = ctx->area.x + name_w + gap;
  length = ctx->area.width - name_w - gap * 2 - figure_w;
  if (length < ctx->body)
    return;

  for (guint i = 0; i < shown; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      double yc = ctx->area.y + row * (i + 0.5);
      double y0 = _cost_chart_snap_y (ctx, yc - thickness / 2);
      double y1 = _cost_chart_snap_y (ctx, yc + thickness / 2);
      double x1 = _cost_chart_snap_x (ctx, x + length * bar->value / max);
      double x0 = _cost_chart_snap_x (ctx, x);
      CostChartHit hit = { (int) bar->series, 0, bar->value };
      CostChartRect rect = { x0, y0, MAX (x1 - x0, 1.0), MAX (y1 - y0, 1.0) };
      CostChartColor color;

      ranked_color (ctx, bar->series, &color);
      _cost_chart_set_source (ctx, &color, _cost_chart_is_dimmed (ctx, (int) bar->series, 0));
      if (rect.width > thickness * 0.2)
        {
          _cost_chart_rounded_rect (ctx->cr, rect.x, rect.y, rect.width, rect.height,
                                    MIN (ctx->body * 0.22, rect.height * 0.2));
          cairo_rectangle (ctx->cr, rect.x, rect.y, rect.width / 2, rect.height);
        }
      else
        {
          cairo_rectangle (ctx->cr, rect.x, rect.y, rect.width, rect.height);
        }
      cairo_fill (ctx->cr);
      cost_chart_layout_add_rect (ctx->layout, &hit, &rect);

      _cost_chart_text_show (ctx, g_ptr_array_index (names, i), x - gap, yc, 1.0, 0.5, &ctx->fg);
      _cost_chart_text_show (ctx, g_ptr_array_index (figures, i), rect.x + rect.width + gap * 0.7, yc,
                             0.0, 0.5, &ctx->fg);
    }

  if (shown < bars->len)
    {
      guint more = bars->len - shown;
      g_autofree char *text = fractions ?
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more) :
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more item", "and %u more items", more), more);
      g_autoptr(PangoLayout) layout = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_REGULAR);

      _cost_chart_text_limit (layout, ctx->area.width - name_w - gap, 1);
      _cost_chart_text_show (ctx, layout, x, ctx->area.y + row * (shown + 0.5), 0.0, 0.5, &ctx->muted);
    }
}
