/* cost-chart-burn-up.c
 *
 * Whether the plan is holding: what has been spent so far, month by month
 * and added up, beside what the plan and the budget allow by then, and
 * where spending is heading from the last month reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <math.h>

#include "cost-chart-private.h"

/* Okabe–Ito blue for what was spent, vermillion for the budget (as the
 * spread charts draw it). */
static const CostChartColor actual_color = { 0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0 };
static const CostChartColor budget_color = { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };

/**
 * _cost_chart_burn_up_colors:
 *
 * The colours of a burn-up chart's lines: the actual's blue, lifted
 * towards the foreground on a dark background so that it stands out, and
 * nearer the background for the forecast that goes on from it (less so on
 * a dark one, where it would fade); the plan in the
 * foreground's colour; the budget in vermillion.
 */
void
_cost_chart_burn_up_colors (CostChartContext *ctx,
                            CostChartColor   *actual,
                            CostChartColor   *forecast,
                            CostChartColor   *plan,
                            CostChartColor   *budget)
{
  if (ctx->style->dark)
    _cost_chart_mix (&actual_color, &ctx->fg, 0.35, actual);
  else
    *actual = actual_color;
  _cost_chart_mix (actual, &ctx->bg, ctx->style->dark ? 0.2 : 0.4, forecast);
  _cost_chart_mix (&ctx->fg, &ctx->bg, 0.15, plan);
  *budget = budget_color;
}

static gboolean
series_has_values (CostChartDataset *data,
                   guint             series)
{
  for (guint g = 0; g < cost_chart_dataset_get_n_groups (data); g++)
    {
      if (!isnan (cost_chart_dataset_get_value (data, g, series)))
        return TRUE;
    }

  return FALSE;
}

/* The line of @series through the months that have a value; a gap where
 * one has none. */
static void
burn_up_line (CostChartContext    *ctx,
              const CostChartAxis *axis,
              const double        *xs,
              guint                series)
{
  gboolean open = FALSE;

  for (guint g = 0; g < cost_chart_dataset_get_n_groups (ctx->data); g++)
    {
      double v = cost_chart_dataset_get_value (ctx->data, g, series);

      if (isnan (v))
        {
          open = FALSE;
          continue;
        }
      if (open)
        cairo_line_to (ctx->cr, xs[g], _cost_chart_axis_map (axis, v));
      else
        cairo_move_to (ctx->cr, xs[g], _cost_chart_axis_map (axis, v));
      open = TRUE;
    }
}

static void
stroke_line (CostChartContext     *ctx,
             const CostChartColor *color,
             double                width,
             gboolean              dashed)
{
  cairo_t *cr = ctx->cr;

  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_set_line_width (cr, width);
  if (dashed)
    {
      double dashes[2] = { ctx->small * 0.5, ctx->small * 0.3 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
_cost_chart_draw_burn_up (CostChartContext *ctx)
{
  guint n = cost_chart_dataset_get_n_groups (ctx->data);
  gboolean has_budget, has_forecast;
  g_autofree const char **texts = NULL;
  g_autofree double *xs = NULL;
  CostChartLegendEntry legend[COST_CHART_BURN_UP_N_SERIES];
  guint n_legend = 0;
  CostChartColor actual, forecast, plan, budget;
  CostChartBandLabels bl = { 0 };
  CostChartAxis axis;
  CostChartRect plot;
  double lo = 0.0, hi = 0.0, axis_w, slot, tick_h, thick, thin;
  cairo_t *cr = ctx->cr;
  int highlight = ctx->style->highlight_group;

  if (n == 0 || cost_chart_dataset_get_n_series (ctx->data) < COST_CHART_BURN_UP_N_SERIES)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint g = 0; g < n; g++)
    for (guint s = 0; s < COST_CHART_BURN_UP_N_SERIES; s++)
      {
        double v = cost_chart_dataset_get_value (ctx->data, g, s);

        if (isfinite (v))
          {
            lo = MIN (lo, v);
            hi = MAX (hi, v);
          }
      }
  if (!(hi > lo))
    hi = lo + 1.0;

  has_budget = series_has_values (ctx->data, COST_CHART_BURN_UP_BUDGET);
  has_forecast = series_has_values (ctx->data, COST_CHART_BURN_UP_FORECAST);
  _cost_chart_burn_up_colors (ctx, &actual, &forecast, &plan, &budget);
  legend[n_legend++] = (CostChartLegendEntry) {
    cost_chart_dataset_get_series_label (ctx->data, COST_CHART_BURN_UP_ACTUAL), actual };
  legend[n_legend++] = (CostChartLegendEntry) {
    cost_chart_dataset_get_series_label (ctx->data, COST_CHART_BURN_UP_PLAN), plan };
  if (has_forecast)
    legend[n_legend++] = (CostChartLegendEntry) {
      cost_chart_dataset_get_series_label (ctx->data, COST_CHART_BURN_UP_FORECAST), forecast };
  if (has_budget)
    legend[n_legend++] = (CostChartLegendEntry) {
      cost_chart_dataset_get_series_label (ctx->data, COST_CHART_BURN_UP_BUDGET), budget };
  _cost_chart_draw_legend (ctx, legend, n_legend);

  {
    g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->small, COST_CHART_TEXT_REGULAR);

    _cost_chart_text_get_size (probe, NULL, &tick_h);
  }

  _cost_chart_axis_init (&axis, lo, hi, ctx->area.height - tick_h * 3, ctx->body * 3.2);
  axis_w = _cost_chart_axis_label_width (ctx, &axis) + ctx->small * 0.6;
  slot = (ctx->area.width - axis_w) / n;
  texts = g_new0 (const char *, n + 1);
  for (guint g = 0; g < n; g++)
    texts[g] = cost_chart_dataset_get_group_label (ctx->data, g);
  _cost_chart_band_labels_init_short (ctx, &bl, texts, n, ctx->area.x + axis_w, ctx->area.x + ctx->area.width);

  plot.x = ctx->area.x + axis_w;
  plot.width = ctx->area.width - axis_w;
  plot.y = ctx->area.y + tick_h * 0.5;
  plot.height = ctx->area.height - tick_h * 0.5 - bl.height - ctx->small * 0.5;
  if (plot.height < ctx->body * 2 || slot <= 0)
    {
      _cost_chart_band_labels_clear (&bl);
      return;
    }

  _cost_chart_axis_init (&axis, lo, hi, plot.height, ctx->body * 3.2);
  axis.from = plot.y + plot.height;
  axis.to = plot.y;
  _cost_chart_axis_draw (ctx, &axis, &plot, TRUE);

  /* One point per month at the middle of its slot. */
  xs = g_new0 (double, n);
  for (guint g = 0; g < n; g++)
    xs[g] = plot.x + slot * (g + 0.5);

  thick = MAX (ctx->hairline * 2.5, 1.5);
  thin = MAX (round (ctx->hairline * 1.5), 1.0);

  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y - ctx->body, plot.width, plot.height + 2 * ctx->body);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (highlight >= 0 && (guint) highlight < n)
    {
      double x = _cost_chart_snap_x (ctx, xs[highlight]);

      cairo_set_source_rgb (cr, ctx->muted.red, ctx->muted.green, ctx->muted.blue);
      cairo_rectangle (cr, x - 0.5 / ctx->device_scale[0], plot.y, 1.0 / ctx->device_scale[0], plot.height);
      cairo_fill (cr);
    }

  if (has_budget)
    {
      burn_up_line (ctx, &axis, xs, COST_CHART_BURN_UP_BUDGET);
      stroke_line (ctx, &budget, thin, TRUE);
    }
  burn_up_line (ctx, &axis, xs, COST_CHART_BURN_UP_PLAN);
  stroke_line (ctx, &plan, thin, FALSE);
  if (has_forecast)
    {
      burn_up_line (ctx, &axis, xs, COST_CHART_BURN_UP_FORECAST);
      stroke_line (ctx, &forecast, thick, TRUE);
    }
  burn_up_line (ctx, &axis, xs, COST_CHART_BURN_UP_ACTUAL);
  stroke_line (ctx, &actual, thick, FALSE);

  /* A dot on each month reported, so that a single month shows too. */
  for (guint g = 0; g < n; g++)
    {
      double v = cost_chart_dataset_get_value (ctx->data, g, COST_CHART_BURN_UP_ACTUAL);

      if (isnan (v))
        continue;
      cairo_set_source_rgb (cr, actual.red, actual.green, actual.blue);
      cairo_arc (cr, xs[g], _cost_chart_axis_map (&axis, v), (int) g == highlight ? thick * 1.6 : thick * 1.1,
                 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  for (guint g = 0; g < n; g++)
    {
      double v = cost_chart_dataset_get_value (ctx->data, g, COST_CHART_BURN_UP_ACTUAL);
      CostChartHit hit = { isnan (v) ? COST_CHART_BURN_UP_PLAN : COST_CHART_BURN_UP_ACTUAL, (int) g,
                           isnan (v) ? cost_chart_dataset_get_value (ctx->data, g, COST_CHART_BURN_UP_PLAN) : v };

      cost_chart_layout_add_rect (ctx->layout, &hit, &(CostChartRect) { plot.x + slot * g, plot.y, slot, plot.height });
      _cost_chart_band_labels_show (ctx, &bl, g, xs[g], plot.y + plot.height + ctx->small * 0.5);
    }

  _cost_chart_band_labels_clear (&bl);
}
