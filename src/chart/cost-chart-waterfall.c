/* cost-chart-waterfall.c
 *
 * A waterfall explains a gap: a start bar, one signed step per cause, and
 * the end bar, with dashed connectors carrying the running level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-private.h"

/* Okabe–Ito vermillion for what costs more, bluish green for savings. */
static const CostChartColor increase_color = { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };
static const CostChartColor decrease_color = { 0x00 / 255.0, 0x9e / 255.0, 0x73 / 255.0 };
static const CostChartColor light_total_color = { 0x4a / 255.0, 0x5a / 255.0, 0x70 / 255.0 };
static const CostChartColor dark_total_color = { 0x8f / 255.0, 0x9b / 255.0, 0xb3 / 255.0 };

typedef struct
{
  double         from;
  double         to;
  double         value;
  gboolean       total;
  CostChartColor color;
} Step;

void
_cost_chart_draw_waterfall (CostChartContext *ctx)
{
  guint n = cost_chart_dataset_get_n_series (ctx->data);
  g_autofree Step *steps = g_new0 (Step, n);
  g_autofree const char **texts = g_new0 (const char *, n + 1);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  CostChartLegendEntry legend[2];
  guint n_legend = 0;
  gboolean any_increase = FALSE, any_decrease = FALSE;
  CostChartBandLabels bl = { 0 };
  CostChartAxis axis;
  CostChartRect plot;
  double level = 0.0, min = 0.0, max = 0.0, value_h = 0.0, value_w = 0.0, axis_w, slot, bar_w;
  cairo_t *cr = ctx->cr;

  for (guint s = 0; s < n; s++)
    {
      Step *step = &steps[s];
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double rgb[3], w;

      step->value = cost_chart_dataset_get_value (ctx->data, 0, s);
      step->total = cost_chart_dataset_get_series_flags (ctx->data, s) & COST_CHART_SERIES_TOTAL;
      step->from = step->total ? 0.0 : level;
      step->to = step->total ? step->value : level + step->value;
      level = step->to;
      min = MIN (min, MIN (step->from, step->to));
      max = MAX (max, MAX (step->from, step->to));

      if (step->total)
        {
          if (cost_chart_dataset_get_series_color (ctx->data, s, rgb))
            step->color = (CostChartColor) { rgb[0], rgb[1], rgb[2] };
          else
            step->color = ctx->style->dark ? dark_total_color : light_total_color;
        }
      else if (step->value >= 0)
        {
          step->color = increase_color;
          any_increase = TRUE;
        }
      else
        {
          step->color = decrease_color;
          any_decrease = TRUE;
        }

      text = step->total ? _cost_chart_format_compact (ctx, step->value) :
                           _cost_chart_format_signed (ctx, step->value);
      layout = _cost_chart_text_new (ctx, text, ctx->small, step->total ? COST_CHART_TEXT_BOLD :
                                                                         COST_CHART_TEXT_REGULAR);
      _cost_chart_text_get_size (layout, &w, &value_h);
      value_w = MAX (value_w, w);
      g_ptr_array_add (values, layout);
      texts[s] = cost_chart_dataset_get_series_label (ctx->data, s);
    }

  if (any_increase)
    legend[n_legend++] = (CostChartLegendEntry) { _("Increase"), increase_color };
  if (any_decrease)
    legend[n_legend++] = (CostChartLegendEntry) { _("Decrease"), decrease_color };
  _cost_chart_draw_legend (ctx, legend, n_legend);

  _cost_chart_axis_init (&axis, min, max, ctx->area.height - value_h * 3, ctx->body * 3.2);
  axis_w = _cost_chart_axis_label_width (ctx, &axis) + ctx->small * 0.6;
  slot = (ctx->area.width - axis_w) / n;
  _cost_chart_band_labels_init (ctx, &bl, texts, n, ctx->area.x + axis_w, ctx->area.x + ctx->area.width);

  plot.x = ctx->area.x + axis_w;
  plot.width = ctx->area.width - axis_w;
  plot.y = ctx->area.y + value_h * 1.2;
  plot.height = ctx->area.height - value_h * 1.2 - bl.height - ctx->small * 0.5;
  if (plot.height < ctx->body * 2)
    {
      _cost_chart_band_labels_clear (&bl);
      return;
    }

  _cost_chart_axis_init (&axis, min, max, plot.height, ctx->body * 3.2);
  axis.from = plot.y + plot.height;
  axis.to = plot.y;
  _cost_chart_axis_draw (ctx, &axis, &plot, TRUE);

  bar_w = MIN (slot * 0.62, ctx->body * 7);

  for (guint s = 0; s < n; s++)
    {
      const Step *step = &steps[s];
      double xc = plot.x + slot * (s + 0.5);
      double x0 = _cost_chart_snap_x (ctx, xc - bar_w / 2);
      double x1 = _cost_chart_snap_x (ctx, xc + bar_w / 2);
      double ya = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, step->from));
      double yb = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, step->to));
      CostChartRect rect = { x0, MIN (ya, yb), MAX (x1 - x0, 1.0), MAX (fabs (ya - yb), 1.0) };
      CostChartHit hit = { (int) s, 0, step->value };

      _cost_chart_set_source (ctx, &step->color, _cost_chart_is_dimmed (ctx, (int) s, 0));
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
      cost_chart_layout_add_rect (ctx->layout, &hit, &rect);

      /* The level carried on to the next bar. */
      if (s + 1 < n)
        {
          double y = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, step->to)) + 0.5 / ctx->device_scale[1];
          double dash = ctx->hairline * 3;

          cairo_move_to (cr, x1, y);
          cairo_line_to (cr, plot.x + slot * (s + 1.5) - bar_w / 2, y);
          cairo_set_source_rgb (cr, ctx->muted.red, ctx->muted.green, ctx->muted.blue);
          cairo_set_line_width (cr, 1.0 / ctx->device_scale[1]);
          cairo_set_dash (cr, &dash, 1, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      /* Values above the bars when they fit; the tooltips have them all. */
      if (value_w <= slot * 0.98)
        _cost_chart_text_show (ctx, g_ptr_array_index (values, s), xc, rect.y - value_h * 0.15,
                               0.5, 1.0, &ctx->fg);
      _cost_chart_band_labels_show (ctx, &bl, s, xc, plot.y + plot.height + ctx->small * 0.5);
    }

  _cost_chart_band_labels_clear (&bl);
}
