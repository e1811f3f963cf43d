/* cost-chart-axis.c
 *
 * Value axes: nice ticks, grid lines and compact labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <math.h>

#include "cost-chart-private.h"
#include "cost-format.h"

/**
 * _cost_chart_axis_init:
 * @length: the axis' length in pixels
 * @spacing: the least distance between two ticks in pixels
 *
 * Chooses ticks that cover @min to @max. The caller places the axis by
 * setting its from and to pixels.
 */
void
_cost_chart_axis_init (CostChartAxis *axis,
                       double         min,
                       double         max,
                       double         length,
                       double         spacing)
{
  guint target = (guint) CLAMP (floor (length / MAX (spacing, 1.0)), 1, 10);

  axis->n = _cost_chart_nice_ticks (min, max, target, &axis->lo, &axis->hi, &axis->step);
  axis->from = 0.0;
  axis->to = length;
  axis->fraction = FALSE;
}

/**
 * _cost_chart_axis_fit_across:
 * @plot: (inout): the plotting area, narrowed where the first or last tick
 *   label would stick out of the chart
 *
 * Chooses ticks for an axis across the page under @plot, spaced by about
 * twice the width of their labels, and places it.
 */
void
_cost_chart_axis_fit_across (CostChartContext *ctx,
                             CostChartAxis    *axis,
                             double            min,
                             double            max,
                             CostChartRect    *plot)
{
  CostChartAxis guess;
  double label_w, left, right;

  _cost_chart_axis_init (&guess, min, max, plot->width, ctx->body * 4);
  label_w = _cost_chart_axis_label_width (ctx, &guess);

  left = MAX (plot->x, ctx->area.x + label_w / 2);
  right = MIN (plot->x + plot->width, ctx->area.x + ctx->area.width - label_w / 2);
  plot->x = left;
  plot->width = MAX (right - left, 1.0);

  _cost_chart_axis_init (axis, min, max, plot->width, label_w * 1.8);
  axis->from = plot->x;
  axis->to = plot->x + plot->width;
}

double
_cost_chart_axis_map (const CostChartAxis *axis,
                      double               value)
{
  return axis->from + (value - axis->lo) / (axis->hi - axis->lo) * (axis->to - axis->from);
}

static double
tick_value (const CostChartAxis *axis,
            guint                i)
{
  double v = axis->lo + axis->step * i;

  return fabs (v) < axis->step * 1e-9 ? 0.0 : v;
}

static char *
tick_text (CostChartContext    *ctx,
           const CostChartAxis *axis,
           double               value)
{
  if (axis->fraction)
    return cost_format_percent (value);

  return _cost_chart_format_compact (ctx, value);
}

/**
 * _cost_chart_axis_label_width:
 *
 * Returns: the width of the widest tick label
 */
double
_cost_chart_axis_label_width (CostChartContext    *ctx,
                              const CostChartAxis *axis)
{
  double widest = 0.0;

  for (guint i = 0; i <= axis->n; i++)
    {
      g_autofree char *text = tick_text (ctx, axis, tick_value (axis, i));
      g_autoptr(PangoLayout) layout = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_REGULAR);
      double w;

      _cost_chart_text_get_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

/**
 * _cost_chart_axis_draw:
 * @plot: the plotting area the grid lines cross
 * @vertical: whether values go up the page (labels on the left) rather
 *   than across it (labels underneath)
 *
 * Draws the grid lines and the tick labels; zero gets a stronger line.
 */
void
_cost_chart_axis_draw (CostChartContext    *ctx,
                       const CostChartAxis *axis,
                       const CostChartRect *plot,
                       gboolean             vertical)
{
  cairo_t *cr = ctx->cr;
  double gap = ctx->small * 0.6;
  double line = MAX (1.0 / ctx->device_scale[vertical ? 1 : 0], round (ctx->hairline));
  int zero = -1;

  for (guint i = 0; i <= axis->n; i++)
    {
      double v = tick_value (axis, i);
      double p = _cost_chart_axis_map (axis, v);
      g_autofree char *text = tick_text (ctx, axis, v);
      g_autoptr(PangoLayout) label = _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_REGULAR);

      if (v == 0.0)
        zero = (int) i;
      else
        {
          cairo_set_source_rgb (cr, ctx->grid.red, ctx->grid.green, ctx->grid.blue);
          if (vertical)
            cairo_rectangle (cr, plot->x, _cost_chart_snap_y (ctx, p - line / 2), plot->width, line);
          else
            cairo_rectangle (cr, _cost_chart_snap_x (ctx, p - line / 2), plot->y, line, plot->height);
          cairo_fill (cr);
        }

      if (vertical)
        _cost_chart_text_show (ctx, label, plot->x - gap, p, 1.0, 0.5, &ctx->muted);
      else
        _cost_chart_text_show (ctx, label, p, plot->y + plot->height + gap * 0.6, 0.5, 0.0, &ctx->muted);
    }

  if (zero >= 0)
    {
      double p = _cost_chart_axis_map (axis, 0.0);

      cairo_set_source_rgb (cr, ctx->muted.red, ctx->muted.green, ctx->muted.blue);
      if (vertical)
        cairo_rectangle (cr, plot->x, _cost_chart_snap_y (ctx, p - line / 2), plot->width, line);
      else
        cairo_rectangle (cr, _cost_chart_snap_x (ctx, p - line / 2), plot->y, line, plot->height);
      cairo_fill (cr);
    }
}

static void
band_labels_init (CostChartContext    *ctx,
                  CostChartBandLabels *bl,
                  const char * const  *texts,
                  guint                n_texts,
                  double               left,
                  double               right,
                  gboolean             wrap)
{
  double room = (right - left) / MAX (n_texts, 1) * 0.92, widest = 0.0;

  bl->labels = g_ptr_array_new_with_free_func (g_object_unref);
  bl->height = 0.0;
  bl->stride = 1;
  bl->left = left;
  bl->right = right;

  for (guint i = 0; i < n_texts; i++)
    {
      PangoLayout *label = _cost_chart_text_new (ctx, texts[i], ctx->small, COST_CHART_TEXT_REGULAR);
      double w;

      _cost_chart_text_get_size (label, &w, NULL);
      widest = MAX (widest, w);
      g_ptr_array_add (bl->labels, label);
    }

  if (widest > room && !wrap)
    bl->stride = (guint) ceil (widest / room);

  for (guint i = 0; i < n_texts; i += bl->stride)
    {
      PangoLayout *label = g_ptr_array_index (bl->labels, i);
      double h;

      if (wrap)
        {
          _cost_chart_text_limit (label, room, 3);
          pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
        }
      else
        {
          _cost_chart_text_limit (label, room * bl->stride, 1);
        }
      _cost_chart_text_get_size (label, NULL, &h);
      bl->height = MAX (bl->height, h);
    }
}

/**
 * _cost_chart_band_labels_init:
 * @left: where the band of bars starts across the page
 * @right: where it ends
 *
 * Prepares the labels under vertical bars: up to twelve are wrapped over
 * up to three lines (and ellipsized beyond); with more, as for the months
 * of a long horizon, one in every few is shown on a single line.
 */
void
_cost_chart_band_labels_init (CostChartContext    *ctx,
                              CostChartBandLabels *bl,
                              const char * const  *texts,
                              guint                n_texts,
                              double               left,
                              double               right)
{
  band_labels_init (ctx, bl, texts, n_texts, left, right, n_texts <= 12);
}

/**
 * _cost_chart_band_labels_init_short:
 *
 * The same for short labels that read badly broken, such as "M12": one
 * line each, one in every few when they do not all fit.
 */
void
_cost_chart_band_labels_init_short (CostChartContext    *ctx,
                                    CostChartBandLabels *bl,
                                    const char * const  *texts,
                                    guint                n_texts,
                                    double               left,
                                    double               right)
{
  band_labels_init (ctx, bl, texts, n_texts, left, right, FALSE);
}

/**
 * _cost_chart_band_labels_show:
 * @x: the centre of the bar
 * @y: the top of the labels
 *
 * Draws the @index-th label unless the stride skips it or it would stick
 * out of the band.
 */
void
_cost_chart_band_labels_show (CostChartContext    *ctx,
                              CostChartBandLabels *bl,
                              guint                index,
                              double               x,
                              double               y)
{
  PangoLayout *label;
  double w;

  if (index % bl->stride != 0)
    return;

  label = g_ptr_array_index (bl->labels, index);
  _cost_chart_text_get_size (label, &w, NULL);
  if (x - w / 2 < bl->left - 0.5 || x + w / 2 > bl->right + 0.5)
    return;
  _cost_chart_text_show (ctx, label, x, y, 0.5, 0.0, &ctx->fg);
}

void
_cost_chart_band_labels_clear (CostChartBandLabels *bl)
{
  g_clear_pointer (&bl->labels, g_ptr_array_unref);
}
