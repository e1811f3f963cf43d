/* cost-chart-tornado.c
 *
 * A tornado ranks what moves the total most: one row per input, a bar from
 * the base value to the total with the input low (group 0) and another to
 * the total with it high (group 1), the widest rows on top. Each bar says
 * how far it moves the total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-private.h"

typedef struct
{
  guint  series;
  double spread;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;

  if (ra->spread != rb->spread)
    return ra->spread < rb->spread ? 1 : -1;

  return (int) ra->series - (int) rb->series;
}

/* Draws one bar from the base to @value, labelled at its end unless @label
 * is %NULL. */
static void
draw_bar (CostChartContext    *ctx,
          const CostChartAxis *axis,
          guint                series,
          guint                group,
          double               base,
          double               value,
          double               y0,
          double               y1,
          PangoLayout         *label,
          double               gap)
{
  CostChartColor color;
  CostChartHit hit = { (int) series, (int) group, value };
  double xa = _cost_chart_snap_x (ctx, _cost_chart_axis_map (axis, base));
  double xb = _cost_chart_snap_x (ctx, _cost_chart_axis_map (axis, value));
  CostChartRect rect = { MIN (xa, xb), y0, MAX (fabs (xb - xa), 1.0), y1 - y0 };

  cost_chart_palette_get_color (group, &color);
  _cost_chart_set_source (ctx, &color, _cost_chart_is_dimmed (ctx, (int) series, (int) group));
  cairo_rectangle (ctx->cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (ctx->cr);
  cost_chart_layout_add_rect (ctx->layout, &hit, &rect);

  if (label == NULL)
    return;
  if (value < base)
    _cost_chart_text_show (ctx, label, rect.x - gap, (y0 + y1) / 2, 1.0, 0.5, &ctx->fg);
  else
    _cost_chart_text_show (ctx, label, rect.x + rect.width + gap, (y0 + y1) / 2, 0.0, 0.5, &ctx->fg);
}

void
_cost_chart_draw_tornado (CostChartContext *ctx)
{
  guint n_series = cost_chart_dataset_get_n_series (ctx->data);
  double base = cost_chart_dataset_get_base (ctx->data);
  const char *base_label = cost_chart_dataset_get_base_label (ctx->data);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *caption_text = NULL;
  CostChartLegendEntry legend[2];
  CostChartAxis axis;
  CostChartRect plot;
  double min = base, max = base, name_w = 0.0, value_w = 0.0, line_h = 0.0, caption_h;
  double gap = ctx->small * 0.6, slot, thickness, xb;

  if (cost_chart_dataset_get_n_groups (ctx->data) < 2)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint s = 0; s < n_series; s++)
    {
      double low = cost_chart_dataset_get_value (ctx->data, 0, s);
      double high = cost_chart_dataset_get_value (ctx->data, 1, s);
      Row row = { s, fabs (high - low) };

      min = MIN (min, MIN (low, high));
      max = MAX (max, MAX (low, high));
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);

  for (guint g = 0; g < 2; g++)
    {
      legend[g].label = cost_chart_dataset_get_group_label (ctx->data, g);
      cost_chart_palette_get_color (g, &legend[g].color);
    }
  _cost_chart_draw_legend (ctx, legend, 2);

  for (guint i = 0; i < rows->len; i++)
    {
      guint s = g_array_index (rows, Row, i).series;
      PangoLayout *name = _cost_chart_text_new (ctx, cost_chart_dataset_get_series_label (ctx->data, s),
                                                ctx->small, COST_CHART_TEXT_REGULAR);
      double w, h;

      _cost_chart_text_limit (name, ctx->area.width * 0.28, 1);
      _cost_chart_text_get_size (name, &w, &h);
      name_w = MAX (name_w, w);
      line_h = MAX (line_h, h);
      g_ptr_array_add (names, name);

      for (guint g = 0; g < 2; g++)
        {
          g_autofree char *text = _cost_chart_format_signed (ctx, cost_chart_dataset_get_value (ctx->data, g, s) - base);
          PangoLayout *value = _cost_chart_text_new (ctx, text, ctx->small * 0.92, COST_CHART_TEXT_REGULAR);

          _cost_chart_text_get_size (value, &w, NULL);
          value_w = MAX (value_w, w);
          g_ptr_array_add (values, value);
        }
    }

  base_text = _cost_chart_format_compact (ctx, base);
  /* Translators: the caption of a tornado chart's base line: name, value */
  caption_text = g_strdup_printf (_("%s: %s"), base_label ? base_label : _("Base"), base_text);
  caption = _cost_chart_text_new (ctx, caption_text, ctx->small, COST_CHART_TEXT_BOLD);
  _cost_chart_text_get_size (caption, NULL, &caption_h);

  plot.x = ctx->area.x + name_w + gap * 3 + value_w + gap;
  plot.width = ctx->area.width - name_w - 2 * (value_w + gap) - gap * 3;
  plot.y = ctx->area.y + caption_h + gap;
  plot.height = ctx->area.height - caption_h - gap - line_h - gap;
  if (plot.width < ctx->body * 3 || plot.height < ctx->body)
    return;

  _cost_chart_axis_fit_across (ctx, &axis, min, max, &plot);
  _cost_chart_axis_draw (ctx, &axis, &plot, FALSE);

  slot = plot.height / MAX (rows->len, 1);
  thickness = MIN (slot * 0.64, ctx->body * 2.2);

  for (guint i = 0; i < rows->len; i++)
    {
      guint s = g_array_index (rows, Row, i).series;
      double yc = plot.y + slot * (i + 0.5);
      double y0 = _cost_chart_snap_y (ctx, yc - thickness / 2);
      double y1 = _cost_chart_snap_y (ctx, yc + thickness / 2);
      double low = cost_chart_dataset_get_value (ctx->data, 0, s);
      double high = cost_chart_dataset_get_value (ctx->data, 1, s);
      gboolean same_side = (low - base) * (high - base) >= 0;

      if (y1 - y0 < 1.0)
        y1 = y0 + 1.0;

      /* When both ends fall on one side, the longer bar goes underneath
       * and only its end is labelled. */
      if (fabs (low - base) >= fabs (high - base))
        {
          draw_bar (ctx, &axis, s, 0, base, low, y0, y1, g_ptr_array_index (values, 2 * i), gap);
          draw_bar (ctx, &axis, s, 1, base, high, y0, y1,
                    same_side ? NULL : g_ptr_array_index (values, 2 * i + 1), gap);
        }
      else
        {
          draw_bar (ctx, &axis, s, 1, base, high, y0, y1, g_ptr_array_index (values, 2 * i + 1), gap);
          draw_bar (ctx, &axis, s, 0, base, low, y0, y1,
                    same_side ? NULL : g_ptr_array_index (values, 2 * i), gap);
        }

      _cost_chart_text_show (ctx, g_ptr_array_index (names, i), ctx->area.x + name_w, yc, 1.0, 0.5, &ctx->fg);
    }

  /* The base line over the bars, its caption above. */
  xb = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&axis, base));
  cairo_set_source_rgb (ctx->cr, ctx->fg.red, ctx->fg.green, ctx->fg.blue);
  cairo_rectangle (ctx->cr, xb - round (ctx->hairline) / 2, plot.y - gap * 0.5,
                   MAX (round (ctx->hairline), 1.0), plot.height + gap * 0.5);
  cairo_fill (ctx->cr);
  _cost_chart_text_limit (caption, ctx->area.width, 1);
  {
    double cw;

    _cost_chart_text_get_size (caption, &cw, NULL);
    _cost_chart_text_show (ctx, caption,
                           CLAMP (xb, ctx->area.x + cw / 2, ctx->area.x + ctx->area.width - cw / 2),
                           ctx->area.y, 0.5, 0.0, &ctx->fg);
  }
}
