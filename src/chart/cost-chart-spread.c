/* cost-chart-spread.c
 *
 * How sure a plan is, from a simulation's outcomes: a histogram of them,
 * their cumulative probability (an S-curve), and a fan of percentiles over
 * the months. The budget and the plan's own figure are reference lines
 * (the dataset's markers); what lies beyond the budget is drawn in the
 * colour of an increase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-chart-private.h"
#include "cost-format.h"

/* Okabe–Ito blue for the outcomes, vermillion for what is over budget (as
 * a waterfall's increases). */
static const CostChartColor outcome_color = { 0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0 };
static const CostChartColor over_color = { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };

#define MAX_MARKER_ROWS 2

static gboolean
is_budget (CostChartDataset *data,
           guint             marker)
{
  return g_strcmp0 (cost_chart_dataset_get_marker_id (data, marker), "budget") == 0;
}

/* The marker whose id is "budget", or -1. */
static int
find_budget (CostChartDataset *data)
{
  for (guint m = 0; m < cost_chart_dataset_get_n_markers (data); m++)
    {
      if (is_budget (data, m))
        return (int) m;
    }

  return -1;
}

static void
marker_color (CostChartContext *ctx,
              guint             marker,
              CostChartColor   *color)
{
  *color = is_budget (ctx->data, marker) ? over_color : ctx->fg;
}

/* The caption of a reference line: "Budget ¥400K". */
static PangoLayout *
marker_label_new (CostChartContext *ctx,
                  guint             marker)
{
  g_autofree char *amount = _cost_chart_format_compact (ctx, cost_chart_dataset_get_marker_value (ctx->data, marker));
  /* Translators: a reference line's caption on a chart: its name and amount, "Budget ¥400K" */
  g_autofree char *text = g_strdup_printf (_("%s %s"), cost_chart_dataset_get_marker_label (ctx->data, marker),
                                           amount);

  return _cost_chart_text_new (ctx, text, ctx->small, COST_CHART_TEXT_BOLD);
}

static void
set_marker_line (CostChartContext *ctx,
                 guint             marker)
{
  CostChartColor color;

  marker_color (ctx, marker, &color);
  cairo_set_source_rgb (ctx->cr, color.red, color.green, color.blue);
  if (is_budget (ctx->data, marker))
    {
      cairo_set_line_width (ctx->cr, MAX (round (ctx->hairline * 2.0), 1.0));
      cairo_set_dash (ctx->cr, NULL, 0, 0);
    }
  else
    {
      double dashes[2] = { ctx->small * 0.5, ctx->small * 0.3 };

      cairo_set_line_width (ctx->cr, MAX (round (ctx->hairline * 1.5), 1.0));
      cairo_set_dash (ctx->cr, dashes, 2, 0);
    }
}

/* The height of one row of marker captions. */
static double
marker_row_height (CostChartContext *ctx)
{
  g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->small, COST_CHART_TEXT_BOLD);
  double h;

  _cost_chart_text_get_size (probe, NULL, &h);

  return h * 1.15;
}

static guint
marker_rows (CostChartDataset *data)
{
  return MIN (cost_chart_dataset_get_n_markers (data), MAX_MARKER_ROWS);
}

/* Vertical lines at the markers' amounts across @plot, their captions in
 * the rows above it; a caption that fits in no row is left out (the
 * description and the tooltips say it). */
static void
draw_vertical_markers (CostChartContext    *ctx,
                       const CostChartAxis *axis,
                       const CostChartRect *plot,
                       double               row_h)
{
  guint n = cost_chart_dataset_get_n_markers (ctx->data);
  guint n_rows = marker_rows (ctx->data);
  guint n_taken[MAX_MARKER_ROWS] = { 0 };
  double gap = ctx->small * 0.8;
  g_autofree double *boxes = g_new0 (double, 2 * MAX (n, 1) * MAX_MARKER_ROWS);  /* left, right */

  for (guint m = 0; m < n; m++)
    {
      double value = cost_chart_dataset_get_marker_value (ctx->data, m);
      double x = _cost_chart_snap_x (ctx, _cost_chart_axis_map (axis, value));
      g_autoptr(PangoLayout) label = marker_label_new (ctx, m);
      CostChartColor color;
      double w, left, top = plot->y;
      int row = -1;

      if (x < plot->x - 0.5 || x > plot->x + plot->width + 0.5)
        continue;

      _cost_chart_text_get_size (label, &w, NULL);
      left = CLAMP (x - w / 2, ctx->area.x, ctx->area.x + ctx->area.width - w);

      /* The lowest row where the caption clears the others. */
      for (int r = (int) n_rows - 1; r >= 0 && row < 0; r--)
        {
          gboolean clear = w <= ctx->area.width;

          for (guint k = 0; k < n_taken[r] && clear; k++)
            clear = left + w + gap <= boxes[2 * (r * n + k)] || left >= boxes[2 * (r * n + k) + 1] + gap;
          if (clear)
            row = r;
        }

      if (row >= 0)
        {
          boxes[2 * (row * n + n_taken[row])] = left;
          boxes[2 * (row * n + n_taken[row]) + 1] = left + w;
          n_taken[row]++;
          top = plot->y - (n_rows - row) * row_h;
          marker_color (ctx, m, &color);
          _cost_chart_text_show (ctx, label, left, top, 0.0, 0.0, is_budget (ctx->data, m) ? &color : &ctx->fg);
          top += row_h;
        }

      cairo_save (ctx->cr);
      set_marker_line (ctx, m);
      cairo_move_to (ctx->cr, x, top);
      cairo_line_to (ctx->cr, x, plot->y + plot->height);
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);
    }
}

/* The amount range the markers and @lo..@hi cover. */
static void
extend_by_markers (CostChartDataset *data,
                   double           *lo,
                   double           *hi)
{
  for (guint m = 0; m < cost_chart_dataset_get_n_markers (data); m++)
    {
      double v = cost_chart_dataset_get_marker_value (data, m);

      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
}

/* Places the plot of a chart with amounts across and fractions up: room
 * for the marker captions above, the amount labels below, the fraction
 * labels on the left. */
static gboolean
place_plot (CostChartContext *ctx,
            double            x_lo,
            double            x_hi,
            double            y_max,
            CostChartAxis    *x_axis,
            CostChartAxis    *y_axis,
            CostChartRect    *plot,
            double           *row_h)
{
  g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->small, COST_CHART_TEXT_REGULAR);
  double tick_h, y_label_w, gap = ctx->small * 0.6;

  _cost_chart_text_get_size (probe, NULL, &tick_h);
  *row_h = marker_row_height (ctx);

  plot->y = ctx->area.y + marker_rows (ctx->data) * *row_h + tick_h * 0.5;
  plot->height = ctx->area.height - (plot->y - ctx->area.y) - tick_h * 1.5 - gap;
  if (plot->height < ctx->body * 2)
    return FALSE;

  _cost_chart_axis_init (y_axis, 0.0, y_max, plot->height, ctx->body * 2.6);
  y_axis->fraction = TRUE;
  y_label_w = _cost_chart_axis_label_width (ctx, y_axis);
  plot->x = ctx->area.x + y_label_w + gap;
  plot->width = ctx->area.width - y_label_w - gap;
  if (plot->width < ctx->body * 4)
    return FALSE;

  _cost_chart_axis_fit_across (ctx, x_axis, x_lo, x_hi, plot);
  y_axis->from = plot->y + plot->height;
  y_axis->to = plot->y;

  return TRUE;
}

/* The amounts under the plot, their grid lines reaching below it as ticks
 * so that the first clears the lowest fraction's label. */
static void
draw_amount_axis (CostChartContext    *ctx,
                  const CostChartAxis *axis,
                  const CostChartRect *plot)
{
  g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->small, COST_CHART_TEXT_REGULAR);
  CostChartRect ticks = *plot;
  double tick_h;

  _cost_chart_text_get_size (probe, NULL, &tick_h);
  ticks.height += tick_h * 0.5;
  _cost_chart_axis_draw (ctx, axis, &ticks, FALSE);
}

/* Fraction → fraction of the axis' top. */
static double
bin_fraction (CostChartContext *ctx,
              guint             bin)
{
  double whole = cost_chart_dataset_get_whole (ctx->data, 0);
  double count = cost_chart_dataset_get_value (ctx->data, bin, COST_CHART_BIN_COUNT);

  if (isnan (whole) || !(whole > 0))
    return 0.0;

  return count / whole;
}

void
_cost_chart_draw_histogram (CostChartContext *ctx)
{
  guint n = cost_chart_dataset_get_n_groups (ctx->data);
  int budget = find_budget (ctx->data);
  double lo = INFINITY, hi = -INFINITY, top = 0.0, row_h, budget_x = INFINITY;
  CostChartLegendEntry legend[2];
  CostChartAxis x_axis, y_axis;
  CostChartRect plot;
  cairo_t *cr = ctx->cr;

  if (n == 0 || cost_chart_dataset_get_n_series (ctx->data) <= COST_CHART_BIN_COUNT)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint b = 0; b < n; b++)
    {
      lo = MIN (lo, cost_chart_dataset_get_value (ctx->data, b, COST_CHART_BIN_FROM));
      hi = MAX (hi, cost_chart_dataset_get_value (ctx->data, b, COST_CHART_BIN_TO));
      top = MAX (top, bin_fraction (ctx, b));
    }
  extend_by_markers (ctx->data, &lo, &hi);

  if (budget >= 0)
    {
      legend[0] = (CostChartLegendEntry) { _("Within budget"), outcome_color };
      legend[1] = (CostChartLegendEntry) { _("Over budget"), over_color };
      _cost_chart_draw_legend (ctx, legend, 2);
    }

  if (!place_plot (ctx, lo, hi, top, &x_axis, &y_axis, &plot, &row_h))
    return;

  _cost_chart_axis_draw (ctx, &y_axis, &plot, TRUE);
  draw_amount_axis (ctx, &x_axis, &plot);

  if (budget >= 0)
    budget_x = _cost_chart_axis_map (&x_axis, cost_chart_dataset_get_marker_value (ctx->data, budget));

  for (guint b = 0; b < n; b++)
    {
      double from = cost_chart_dataset_get_value (ctx->data, b, COST_CHART_BIN_FROM);
      double to = cost_chart_dataset_get_value (ctx->data, b, COST_CHART_BIN_TO);
      double count = cost_chart_dataset_get_value (ctx->data, b, COST_CHART_BIN_COUNT);
      double x0 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&x_axis, from));
      double x1 = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&x_axis, to));
      double y0 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&y_axis, bin_fraction (ctx, b)));
      double y1 = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&y_axis, 0.0));
      double space = 1.0 / ctx->device_scale[0];
      CostChartHit hit = { COST_CHART_BIN_COUNT, (int) b, count };
      CostChartRect rect;
      gboolean dimmed = _cost_chart_is_dimmed (ctx, COST_CHART_BIN_COUNT, (int) b);

      /* A hairline between bars that are wide enough to spare it. */
      if (x1 - x0 > 4 * space)
        x1 -= space;
      if (x1 - x0 < space)
        x1 = x0 + space;
      rect = (CostChartRect) { x0, MIN (y0, y1), x1 - x0, fabs (y1 - y0) };
      cost_chart_layout_add_rect (ctx->layout, &hit, &(CostChartRect) { x0, plot.y, x1 - x0, plot.height });

      if (count <= 0 || rect.height <= 0)
        continue;

      /* What lies beyond the budget in the colour of an increase. */
      if (budget_x < x1)
        {
          double split = _cost_chart_snap_x (ctx, CLAMP (budget_x, x0, x1));

          if (split > x0)
            {
              _cost_chart_set_source (ctx, &outcome_color, dimmed);
              cairo_rectangle (cr, x0, rect.y, split - x0, rect.height);
              cairo_fill (cr);
            }
          _cost_chart_set_source (ctx, &over_color, dimmed);
          cairo_rectangle (cr, split, rect.y, x1 - split, rect.height);
          cairo_fill (cr);
        }
      else
        {
          _cost_chart_set_source (ctx, &outcome_color, dimmed);
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
          cairo_fill (cr);
        }
    }

  draw_vertical_markers (ctx, &x_axis, &plot, row_h);
}

/* The fraction of the outcomes at or below @amount, read off the curve. */
static double
curve_fraction_at (CostChartDataset *data,
                   double            amount)
{
  guint n = cost_chart_dataset_get_n_groups (data);
  double px = 0.0, py = 0.0;

  for (guint g = 0; g < n; g++)
    {
      double x = cost_chart_dataset_get_value (data, g, COST_CHART_CURVE_AMOUNT);
      double y = cost_chart_dataset_get_value (data, g, COST_CHART_CURVE_FRACTION);

      if (x > amount)
        {
          if (g == 0)
            return 0.0;
          return x > px ? py + (y - py) * (amount - px) / (x - px) : y;
        }
      px = x;
      py = y;
    }

  return n > 0 ? 1.0 : 0.0;
}

void
_cost_chart_draw_s_curve (CostChartContext *ctx)
{
  guint n = cost_chart_dataset_get_n_groups (ctx->data);
  int budget = find_budget (ctx->data);
  const char *note = cost_chart_dataset_get_note (ctx->data);
  double lo = INFINITY, hi = -INFINITY, row_h, target;
  CostChartAxis x_axis, y_axis;
  CostChartRect plot;
  cairo_t *cr = ctx->cr;
  int highlight = ctx->style->highlight_group;

  if (n == 0 || cost_chart_dataset_get_n_series (ctx->data) <= COST_CHART_CURVE_FRACTION)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint g = 0; g < n; g++)
    {
      double x = cost_chart_dataset_get_value (ctx->data, g, COST_CHART_CURVE_AMOUNT);

      lo = MIN (lo, x);
      hi = MAX (hi, x);
    }
  extend_by_markers (ctx->data, &lo, &hi);

  /* The chance of going over the budget, keyed to its line's colour. */
  if (note != NULL)
    {
      CostChartLegendEntry entry = { note, budget >= 0 ? over_color : ctx->fg };

      _cost_chart_draw_legend (ctx, &entry, 1);
    }

  if (!place_plot (ctx, lo, hi, 1.0, &x_axis, &y_axis, &plot, &row_h))
    return;

  _cost_chart_axis_draw (ctx, &y_axis, &plot, TRUE);
  draw_amount_axis (ctx, &x_axis, &plot);

  /* The curve. */
  cairo_save (cr);
  cairo_rectangle (cr, plot.x - ctx->body, plot.y - ctx->body, plot.width + 2 * ctx->body, plot.height + 2 * ctx->body);
  cairo_clip (cr);
  for (guint g = 0; g < n; g++)
    {
      double x = _cost_chart_axis_map (&x_axis, cost_chart_dataset_get_value (ctx->data, g, COST_CHART_CURVE_AMOUNT));
      double y = _cost_chart_axis_map (&y_axis, cost_chart_dataset_get_value (ctx->data, g, COST_CHART_CURVE_FRACTION));

      if (g == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  _cost_chart_set_source (ctx, &outcome_color, FALSE);
  cairo_set_line_width (cr, MAX (ctx->hairline * 2.5, 1.5));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The points a pointer or the keyboard reaches. */
  target = ctx->body * 0.9;
  for (guint g = 0; g < n; g++)
    {
      double amount = cost_chart_dataset_get_value (ctx->data, g, COST_CHART_CURVE_AMOUNT);
      double x = _cost_chart_axis_map (&x_axis, amount);
      double y = _cost_chart_axis_map (&y_axis, cost_chart_dataset_get_value (ctx->data, g, COST_CHART_CURVE_FRACTION));
      CostChartHit hit = { COST_CHART_CURVE_FRACTION, (int) g, amount };

      cost_chart_layout_add_rect (ctx->layout, &hit, &(CostChartRect) { x - target / 2, y - target / 2, target, target });
      if (highlight == (int) g)
        {
          _cost_chart_set_source (ctx, &outcome_color, FALSE);
          cairo_arc (cr, x, y, ctx->body * 0.4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  draw_vertical_markers (ctx, &x_axis, &plot, row_h);

  /* Where the budget meets the curve. */
  if (budget >= 0)
    {
      double amount = cost_chart_dataset_get_marker_value (ctx->data, budget);
      double f = curve_fraction_at (ctx->data, amount);
      double x = _cost_chart_snap_x (ctx, _cost_chart_axis_map (&x_axis, amount));
      double y = _cost_chart_axis_map (&y_axis, f);

      if (x >= plot.x - 0.5 && x <= plot.x + plot.width + 0.5)
        {
          cairo_set_source_rgb (cr, ctx->bg.red, ctx->bg.green, ctx->bg.blue);
          cairo_arc (cr, x, y, ctx->body * 0.42, 0, 2 * G_PI);
          cairo_fill (cr);
          _cost_chart_set_source (ctx, &over_color, FALSE);
          cairo_arc (cr, x, y, ctx->body * 0.3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

/* The colours of a fan: its bands paler towards the background, and the
 * median's line, lifted towards the foreground on a dark background so
 * that it stands out of the bands. */
void
_cost_chart_fan_colors (CostChartContext *ctx,
                        CostChartColor   *line,
                        CostChartColor   *inner,
                        CostChartColor   *outer)
{
  CostChartColor base;
  double rgb[3];

  if (cost_chart_dataset_get_series_color (ctx->data, COST_CHART_FAN_P50, rgb))
    base = (CostChartColor) { rgb[0], rgb[1], rgb[2] };
  else
    base = outcome_color;

  _cost_chart_mix (&base, &ctx->bg, ctx->style->dark ? 0.45 : 0.55, inner);
  _cost_chart_mix (&base, &ctx->bg, ctx->style->dark ? 0.72 : 0.80, outer);
  if (ctx->style->dark)
    _cost_chart_mix (&base, &ctx->fg, 0.4, line);
  else
    *line = base;
}

/* The value of @series at the @i-th point: a single month has two. */
static double
fan_value (CostChartContext *ctx,
           guint             i,
           guint             series)
{
  guint n = cost_chart_dataset_get_n_groups (ctx->data);

  return cost_chart_dataset_get_value (ctx->data, MIN (i, n - 1), series);
}

/* A band from series @low to series @high over the @n points. */
static void
fan_band (CostChartContext    *ctx,
          const CostChartAxis *axis,
          const double        *xs,
          guint                n,
          guint                low,
          guint                high)
{
  cairo_t *cr = ctx->cr;

  for (guint i = 0; i < n; i++)
    {
      double y = _cost_chart_axis_map (axis, fan_value (ctx, i, high));

      if (i == 0)
        cairo_move_to (cr, xs[i], y);
      else
        cairo_line_to (cr, xs[i], y);
    }
  for (guint i = n; i-- > 0;)
    cairo_line_to (cr, xs[i], _cost_chart_axis_map (axis, fan_value (ctx, i, low)));
  cairo_close_path (cr);
}

static void
fan_line (CostChartContext    *ctx,
          const CostChartAxis *axis,
          const double        *xs,
          guint                n,
          guint                series)
{
  for (guint i = 0; i < n; i++)
    {
      double y = _cost_chart_axis_map (axis, fan_value (ctx, i, series));

      if (i == 0)
        cairo_move_to (ctx->cr, xs[i], y);
      else
        cairo_line_to (ctx->cr, xs[i], y);
    }
}

void
_cost_chart_draw_fan (CostChartContext *ctx)
{
  guint n = cost_chart_dataset_get_n_groups (ctx->data);
  guint n_markers = cost_chart_dataset_get_n_markers (ctx->data);
  g_autofree const char **texts = NULL;
  g_autofree double *xs = NULL;
  g_autofree char *outer_label = NULL;
  g_autofree char *inner_label = NULL;
  g_autoptr(GPtrArray) marker_labels = g_ptr_array_new_with_free_func (g_object_unref);
  CostChartLegendEntry legend[4];
  CostChartColor line, inner, outer;
  CostChartBandLabels bl = { 0 };
  CostChartAxis axis;
  CostChartRect plot;
  double lo = INFINITY, hi = -INFINITY, axis_w, slot, marker_w = 0.0, tick_h;
  cairo_t *cr = ctx->cr;
  int highlight = ctx->style->highlight_group;
  guint n_points = n == 1 ? 2 : n;

  if (n == 0 || cost_chart_dataset_get_n_series (ctx->data) < COST_CHART_FAN_N_SERIES)
    {
      _cost_chart_draw_empty (ctx);
      return;
    }

  for (guint g = 0; g < n; g++)
    for (guint s = 0; s < COST_CHART_FAN_N_SERIES; s++)
      {
        double v = cost_chart_dataset_get_value (ctx->data, g, s);

        lo = MIN (lo, v);
        hi = MAX (hi, v);
      }
  extend_by_markers (ctx->data, &lo, &hi);
  /* From zero unless the figures keep well away from it. */
  if (lo > 0 && lo < hi * 0.5)
    lo = 0.0;

  _cost_chart_fan_colors (ctx, &line, &inner, &outer);
  /* Translators: a band of a fan chart, from one percentile to another: "P10–P90" */
  outer_label = g_strdup_printf (_("%s–%s"), cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_P10),
                                 cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_P90));
  inner_label = g_strdup_printf (_("%s–%s"), cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_P25),
                                 cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_P75));
  legend[0] = (CostChartLegendEntry) { outer_label, outer };
  legend[1] = (CostChartLegendEntry) { inner_label, inner };
  legend[2] = (CostChartLegendEntry) { cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_P50), line };
  legend[3] = (CostChartLegendEntry) { cost_chart_dataset_get_series_label (ctx->data, COST_CHART_FAN_PLAN), ctx->fg };
  _cost_chart_draw_legend (ctx, legend, 4);

  /* The markers' captions at the right end of their lines. */
  for (guint m = 0; m < n_markers; m++)
    {
      PangoLayout *label = marker_label_new (ctx, m);
      double w;

      _cost_chart_text_limit (label, ctx->small * 9, 1);
      _cost_chart_text_get_size (label, &w, NULL);
      marker_w = MAX (marker_w, w + ctx->small * 0.6);
      g_ptr_array_add (marker_labels, label);
    }

  {
    g_autoptr(PangoLayout) probe = _cost_chart_text_new (ctx, "0", ctx->small, COST_CHART_TEXT_REGULAR);

    _cost_chart_text_get_size (probe, NULL, &tick_h);
  }

  _cost_chart_axis_init (&axis, lo, hi, ctx->area.height - tick_h * 3, ctx->body * 3.2);
  axis_w = _cost_chart_axis_label_width (ctx, &axis) + ctx->small * 0.6;
  slot = (ctx->area.width - axis_w - marker_w) / n;
  texts = g_new0 (const char *, n + 1);
  for (guint g = 0; g < n; g++)
    texts[g] = cost_chart_dataset_get_group_label (ctx->data, g);
  _cost_chart_band_labels_init_short (ctx, &bl, texts, n, ctx->area.x + axis_w,
                                      ctx->area.x + ctx->area.width - marker_w);

  plot.x = ctx->area.x + axis_w;
  plot.width = ctx->area.width - axis_w - marker_w;
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

  /* One point per month at the middle of its slot; a single month spans it. */
  xs = g_new0 (double, MAX (n, 2));
  if (n == 1)
    {
      xs[0] = plot.x + slot * 0.2;
      xs[1] = plot.x + slot * 0.8;
    }
  else
    {
      for (guint g = 0; g < n; g++)
        xs[g] = plot.x + slot * (g + 0.5);
    }

  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y - ctx->body, plot.width, plot.height + 2 * ctx->body);
  cairo_clip (cr);

  fan_band (ctx, &axis, xs, n_points, COST_CHART_FAN_P10, COST_CHART_FAN_P90);
  cairo_set_source_rgb (cr, outer.red, outer.green, outer.blue);
  cairo_fill (cr);
  fan_band (ctx, &axis, xs, n_points, COST_CHART_FAN_P25, COST_CHART_FAN_P75);
  cairo_set_source_rgb (cr, inner.red, inner.green, inner.blue);
  cairo_fill (cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  fan_line (ctx, &axis, xs, n_points, COST_CHART_FAN_P50);
  cairo_set_source_rgb (cr, line.red, line.green, line.blue);
  cairo_set_line_width (cr, MAX (ctx->hairline * 2.5, 1.5));
  cairo_stroke (cr);

  {
    double dashes[2] = { ctx->small * 0.5, ctx->small * 0.3 };

    fan_line (ctx, &axis, xs, n_points, COST_CHART_FAN_PLAN);
    cairo_set_source_rgb (cr, ctx->fg.red, ctx->fg.green, ctx->fg.blue);
    cairo_set_line_width (cr, MAX (round (ctx->hairline * 1.5), 1.0));
    cairo_set_dash (cr, dashes, 2, 0);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }

  if (highlight >= 0 && (guint) highlight < n)
    {
      double x = _cost_chart_snap_x (ctx, n == 1 ? plot.x + slot / 2 : xs[highlight]);

      cairo_set_source_rgb (cr, ctx->muted.red, ctx->muted.green, ctx->muted.blue);
      cairo_rectangle (cr, x - 0.5 / ctx->device_scale[0], plot.y, 1.0 / ctx->device_scale[0], plot.height);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  for (guint g = 0; g < n; g++)
    {
      CostChartHit hit = { COST_CHART_FAN_P50, (int) g,
                           cost_chart_dataset_get_value (ctx->data, g, COST_CHART_FAN_P50) };

      cost_chart_layout_add_rect (ctx->layout, &hit, &(CostChartRect) { plot.x + slot * g, plot.y, slot, plot.height });
      _cost_chart_band_labels_show (ctx, &bl, g, plot.x + slot * (g + 0.5), plot.y + plot.height + ctx->small * 0.5);
    }

  /* Reference lines across, captioned at their right end. */
  for (guint m = 0; m < n_markers; m++)
    {
      PangoLayout *label = g_ptr_array_index (marker_labels, m);
      double y = _cost_chart_snap_y (ctx, _cost_chart_axis_map (&axis, cost_chart_dataset_get_marker_value (ctx->data, m)));
      CostChartColor color;
      double h;

      cairo_save (cr);
      set_marker_line (ctx, m);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width + ctx->small * 0.3, y);
      cairo_stroke (cr);
      cairo_restore (cr);

      marker_color (ctx, m, &color);
      _cost_chart_text_get_size (label, NULL, &h);
      y = CLAMP (y, ctx->area.y + h / 2, ctx->area.y + ctx->area.height - h / 2);
      _cost_chart_text_show (ctx, label, plot.x + plot.width + ctx->small * 0.6, y, 0.0, 0.5, &color);
    }

  _cost_chart_band_labels_clear (&bl);
}
