/* cost-chart-llm.c
 *
 * The memory bar of one GPU (weights, KV cache, what the runtime keeps,
 * free) and the curve of throughput against the time per output token, the
 * target and the operating point marked on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-llm.h"
#include "cost-chart-private.h"
#include "cost-format.h"

/* Palette entries: weights, KV cache, the target and what does not fit */
#define COLOR_WEIGHTS 0
#define COLOR_KV      2
#define COLOR_ALERT   5

enum
{
  MEMORY_WEIGHTS,
  MEMORY_KV_CACHE,
  MEMORY_OVERHEAD,
  MEMORY_FREE,
  N_MEMORY_PARTS
};

/* 15.2 GB */
static char *
format_gb (double bytes)
{
  g_autofree char *number = cost_format_number (bytes / 1e9, fabs (bytes) < 10e9 ? 2 : 1);

  /* Translators: gigabytes */
  return g_strdup_printf (_("%s GB"), number);
}

static char *
format_ms (double ms)
{
  g_autofree char *number = cost_format_number (ms, ms < 10 ? 2 : 1);

  return g_strdup_printf (_("%s ms"), number);
}

/* Starts drawing: clips to @area, fills the background if asked, draws
 * the title and leaves the rest in ctx->area. */
static gboolean
begin (CostChartContext     *ctx,
       cairo_t              *cr,
       const CostChartRect  *area,
       const char           *title,
       CostChartDataset     *dataset,
       const CostChartStyle *style,
       CostChartLayout      *layout)
{
  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  _cost_chart_context_init (ctx, cr, area, dataset, style, layout);
  if (style->fill_background)
    {
      cairo_set_source_rgb (cr, ctx->bg.red, ctx->bg.green, ctx->bg.blue);
      cairo_paint (cr);
    }

  ctx->area.x += ctx->pad;
  ctx->area.y += ctx->pad;
  ctx->area.width -= 2 * ctx->pad;
  ctx->area.height -= 2 * ctx->pad;

  if (style->show_title && title != NULL && title[0] != '\0')
    {
      g_autoptr(PangoLayout) text = _cost_chart_text_new (ctx, title, ctx->body * 1.3, COST_CHART_TEXT_BOLD);
      double h;

      _cost_chart_text_limit (text, ctx->area.width, 1);
      _cost_chart_text_get_size (text, NULL, &h);
      _cost_chart_text_show (ctx, text, ctx->area.x, ctx->area.y, 0.0, 0.0, &ctx->fg);
      ctx->area.y += h + ctx->pad * 0.8;
      ctx->area.height -= h + ctx->pad * 0.8;
    }

  return ctx->area.width >= ctx->body * 2 && ctx->area.height >= ctx->body * 2;
}

static void
end (CostChartContext *ctx)
{
  cairo_restore (ctx->cr);
  _cost_chart_context_clear (ctx);
}

static void
memory_parts (const CostChartMemory *memory,
              double                 parts[N_MEMORY_PARTS])
{
  parts[MEMORY_WEIGHTS] = MAX (memory->weights, 0);
  parts[MEMORY_KV_CACHE] = MAX (memory->kv_cache, 0);
  parts[MEMORY_OVERHEAD] = MAX (memory->overhead, 0);
  parts[MEMORY_FREE] = memory->total - parts[MEMORY_WEIGHTS] - parts[MEMORY_KV_CACHE] - parts[MEMORY_OVERHEAD];
}

static const char *
memory_part_label (guint part)
{
  switch (part)
    {
    case MEMORY_WEIGHTS:
      return _("Weights");
    case MEMORY_KV_CACHE:
      return _("KV cache");
    case MEMORY_OVERHEAD:
      return _("Runtime");
    case MEMORY_FREE:
    default:
      return _("Free");
    }
}

static void
memory_part_color (CostChartContext *ctx,
                   guint             part,
                   CostChartColor   *color)
{
  switch (part)
    {
    case MEMORY_WEIGHTS:
      cost_chart_palette_get_color (COLOR_WEIGHTS, color);
      break;
    case MEMORY_KV_CACHE:
      cost_chart_palette_get_color (COLOR_KV, color);
      break;
    case MEMORY_OVERHEAD:
      cost_chart_palette_get_other (ctx->style->dark, color);
      break;
    case MEMORY_FREE:
    default:
      *color = ctx->grid;
      break;
    }
}

/**
 * cost_chart_llm_draw_memory:
 * @title: (nullable): drawn when the style shows titles
 * @layout: (nullable): filled with the parts of the bar (series: weights 0,
 *   KV cache 1, runtime 2, free 3) and the text drawn
 *
 * Draws the memory of one GPU as a bar: weights, KV cache, what the
 * runtime keeps and what is free, each named with its size above it. When
 * the weights and the runtime exceed the memory the bar says by how much.
 */
void
cost_chart_llm_draw_memory (cairo_t               *cr,
                            const CostChartRect   *area,
                            const char            *title,
                            const CostChartMemory *memory,
                            const CostChartStyle  *style,
                            CostChartLayout       *layout)
{
  g_autoptr(CostChartLayout) own_layout = NULL;
  g_autoptr(CostChartDataset) dataset = NULL;
  CostChartStyle default_style;
  CostChartContext ctx = { 0 };
  CostChartLegendEntry entries[N_MEMORY_PARTS];
  char *labels[N_MEMORY_PARTS] = { NULL, };
  double parts[N_MEMORY_PARTS];
  double x, y, width, height, scale, used;
  guint n_entries = 0;

  g_return_if_fail (cr != NULL && area != NULL && memory != NULL);

  if (!_cost_chart_prepare (area, &style, &default_style, &layout, &own_layout))
    return;

  dataset = cost_chart_dataset_new (title, NULL);
  if (!begin (&ctx, cr, area, title, dataset, style, layout) || !(memory->total > 0))
    {
      end (&ctx);
      return;
    }

  memory_parts (memory, parts);
  for (guint i = 0; i < N_MEMORY_PARTS; i++)
    {
      g_autofree char *size = format_gb (MAX (parts[i], 0));

      if (i == MEMORY_FREE && parts[i] < 0)
        {
          g_autofree char *over = format_gb (-parts[i]);

          /* Translators: the memory bar when the model does not fit: "Short by 61.2 GB" */
          labels[i] = g_strdup_printf (_("Short by %s"), over);
        }
      else
        /* Translators: a part of a GPU's memory and its size: "Weights 15.2 GB" */
        labels[i] = g_strdup_printf (_("%s %s"), memory_part_label (i), size);
      entries[n_entries].label = labels[i];
      if (i == MEMORY_FREE && parts[i] < 0)
        cost_chart_palette_get_color (COLOR_ALERT, &entries[n_entries].color);
      else
        memory_part_color (&ctx, i, &entries[n_entries].color);
      n_entries++;
    }
  _cost_chart_draw_legend (&ctx, entries, n_entries);
  for (guint i = 0; i < N_MEMORY_PARTS; i++)
    g_free (labels[i]);

  /* The bar: the whole memory, or more when it is short */
  used = parts[MEMORY_WEIGHTS] + parts[MEMORY_KV_CACHE] + parts[MEMORY_OVERHEAD];
  scale = ctx.area.width / MAX (memory->total, used);
  height = MIN (ctx.area.height, ctx.body * 2.2);
  x = ctx.area.x;
  y = ctx.area.y;
  width = ctx.area.width;

  for (guint i = 0; i < N_MEMORY_PARTS; i++)
    {
      CostChartHit hit = { (int) i, 0, parts[i] };
      CostChartColor color;
      CostChartRect rect;
      double w = MAX (parts[i], 0) * scale;

      if (w <= 0)
        continue;

      rect = (CostChartRect) { _cost_chart_snap_x (&ctx, x), y, MAX (_cost_chart_snap_x (&ctx, x + w) -
                                                                     _cost_chart_snap_x (&ctx, x), 1.0), height };
      memory_part_color (&ctx, i, &color);
      cairo_set_source_rgb (cr, color.red, color.green, color.blue);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
      cost_chart_layout_add_rect (layout, &hit, &rect);
      x += w;
    }

  /* The memory's end, and beyond it what does not fit */
  if (used > memory->total)
    {
      CostChartColor alert;
      double edge = ctx.area.x + memory->total * scale;

      cost_chart_palette_get_color (COLOR_ALERT, &alert);
      cairo_set_source_rgb (cr, alert.red, alert.green, alert.blue);
      cairo_rectangle (cr, _cost_chart_snap_x (&ctx, edge) - ctx.hairline, y - ctx.small * 0.4,
                       ctx.hairline * 3, height + ctx.small * 0.8);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, ctx.muted.red, ctx.muted.green, ctx.muted.blue);
  cairo_set_line_width (cr, ctx.hairline);
  cairo_rectangle (cr, ctx.area.x + ctx.hairline / 2, y + ctx.hairline / 2,
                   width - ctx.hairline, height - ctx.hairline);
  cairo_stroke (cr);

  /* 0 and the memory under the bar */
  if (ctx.area.height > height + ctx.small * 1.5)
    {
      g_autofree char *total = format_gb (memory->total);
      g_autoptr(PangoLayout) zero = _cost_chart_text_new (&ctx, "0", ctx.small, COST_CHART_TEXT_REGULAR);
      g_autoptr(PangoLayout) end_label = _cost_chart_text_new (&ctx, total, ctx.small, COST_CHART_TEXT_REGULAR);

      _cost_chart_text_show (&ctx, zero, ctx.area.x, y + height + ctx.small * 0.3, 0.0, 0.0, &ctx.muted);
      _cost_chart_text_show (&ctx, end_label, ctx.area.x + memory->total * scale, y + height + ctx.small * 0.3,
                             1.0, 0.0, &ctx.muted);
    }

  end (&ctx);
}

/**
 * cost_chart_llm_describe_memory:
 *
 * Returns: (transfer full): the memory bar in words, for assistive
 *   technologies
 */
char *
cost_chart_llm_describe_memory (const CostChartMemory *memory)
{
  double parts[N_MEMORY_PARTS];
  g_autofree char *total = format_gb (memory->total);
  g_autofree char *weights = NULL;
  g_autofree char *kv = NULL;
  g_autofree char *overhead = NULL;
  g_autofree char *free_text = NULL;

  memory_parts (memory, parts);
  weights = format_gb (parts[MEMORY_WEIGHTS]);
  kv = format_gb (parts[MEMORY_KV_CACHE]);
  overhead = format_gb (parts[MEMORY_OVERHEAD]);
  free_text = format_gb (fabs (parts[MEMORY_FREE]));

  if (parts[MEMORY_FREE] < 0)
    /* Translators: the memory bar in words when the model does not fit */
    return g_strdup_printf (_("Memory of one GPU, %s: weights %s, runtime %s; short by %s"),
                            total, weights, overhead, free_text);

  /* Translators: the memory bar in words */
  return g_strdup_printf (_("Memory of one GPU, %s: weights %s, KV cache %s, runtime %s, free %s"),
                          total, weights, kv, overhead, free_text);
}

/* The points drawn: up to a time per output token a few times the target
 * or the operating point's, where the trade-off shows. */
static double
curve_x_limit (const CostChartCurve *curve)
{
  double limit = 0.0, last = 0.0;

  if (curve->target_tpot_ms > 0)
    limit = curve->target_tpot_ms;
  if (curve->chosen >= 0 && (guint) curve->chosen < curve->n_points)
    limit = MAX (limit, curve->points[curve->chosen].tpot_ms);
  if (curve->n_points > 0)
    {
      limit = MAX (limit, curve->points[0].tpot_ms);
      last = curve->points[curve->n_points - 1].tpot_ms;
    }

  return MIN (limit * 2.5, last);
}

/**
 * cost_chart_llm_draw_curve:
 * @title: (nullable): drawn when the style shows titles
 * @layout: (nullable): filled with the operating point (series 0) and the
 *   text drawn
 *
 * Draws the output tokens a second a GPU gives (up) against the time per
 * output token (across) as the concurrency grows: solid while the targets
 * hold, faint beyond; the target as a dashed line, the operating point as
 * a dot with its concurrency.
 */
void
cost_chart_llm_draw_curve (cairo_t              *cr,
                           const CostChartRect  *area,
                           const char           *title,
                           const CostChartCurve *curve,
                           const CostChartStyle *style,
                           CostChartLayout      *layout)
{
  g_autoptr(CostChartLayout) own_layout = NULL;
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autoptr(PangoLayout) x_title = NULL;
  g_autoptr(PangoLayout) y_title = NULL;
  CostChartStyle default_style;
  CostChartContext ctx = { 0 };
  CostChartAxis x_axis, y_axis;
  CostChartRect plot;
  CostChartColor line, alert;
  double x_limit, y_max = 0.0, title_h, label_w, x_label_h;
  guint n = 0;

  g_return_if_fail (cr != NULL && area != NULL && curve != NULL);

  if (!_cost_chart_prepare (area, &style, &default_style, &layout, &own_layout))
    return;

  dataset = cost_chart_dataset_new (title, NULL);
  if (!begin (&ctx, cr, area, title, dataset, style, layout))
    {
      end (&ctx);
      return;
    }

  if (curve->n_points == 0)
    {
      g_autoptr(PangoLayout) text = _cost_chart_text_new (&ctx, _("No operating point: the model cannot be served as asked"),
                                                          ctx.body, COST_CHART_TEXT_REGULAR);

      _cost_chart_text_limit (text, ctx.area.width, 3);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      _cost_chart_text_show (&ctx, text, ctx.area.x + ctx.area.width / 2, ctx.area.y + ctx.area.height / 2,
                             0.5, 0.5, &ctx.muted);
      end (&ctx);
      return;
    }

  x_limit = curve_x_limit (curve);
  for (guint i = 0; i < curve->n_points; i++)
    {
      if (curve->points[i].tpot_ms > x_limit * (1 + 1e-9))
        break;
      y_max = MAX (y_max, curve->points[i].tokens_per_s);
      n = i + 1;
    }
  n = MAX (n, 1);
  y_max = MAX (y_max, curve->points[0].tokens_per_s);

  /* Axis titles: up the page above the plot, across it underneath */
  y_title = _cost_chart_text_new (&ctx, _("Output tokens/s per GPU"), ctx.small, COST_CHART_TEXT_BOLD);
  x_title = _cost_chart_text_new (&ctx, _("Time per output token (ms)"), ctx.small, COST_CHART_TEXT_BOLD);
  _cost_chart_text_limit (y_title, ctx.area.width, 1);
  _cost_chart_text_limit (x_title, ctx.area.width, 1);
  _cost_chart_text_get_size (y_title, NULL, &title_h);
  _cost_chart_text_show (&ctx, y_title, ctx.area.x, ctx.area.y, 0.0, 0.0, &ctx.fg);
  _cost_chart_text_get_size (x_title, NULL, &x_label_h);

  plot.y = ctx.area.y + title_h + ctx.small * 1.2;
  plot.height = ctx.area.height - (plot.y - ctx.area.y) - x_label_h - ctx.small * 2.4;
  if (plot.height < ctx.body * 2)
    {
      end (&ctx);
      return;
    }

  _cost_chart_axis_init (&y_axis, 0.0, y_max * 1.08, plot.height, ctx.body * 2.2);
  label_w = _cost_chart_axis_label_width (&ctx, &y_axis);
  plot.x = ctx.area.x + label_w + ctx.small * 0.8;
  plot.width = ctx.area.width - (plot.x - ctx.area.x);
  y_axis.from = plot.y + plot.height;
  y_axis.to = plot.y;
  _cost_chart_axis_fit_across (&ctx, &x_axis, 0.0, x_limit, &plot);

  _cost_chart_axis_draw (&ctx, &y_axis, &plot, TRUE);
  _cost_chart_axis_draw (&ctx, &x_axis, &plot, FALSE);
  _cost_chart_text_show (&ctx, x_title, plot.x + plot.width / 2, ctx.area.y + ctx.area.height, 0.5, 1.0, &ctx.fg);

  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y - ctx.small, plot.width + ctx.small, plot.height + ctx.small);
  cairo_clip (cr);

  /* The target */
  cost_chart_palette_get_color (COLOR_ALERT, &alert);
  if (curve->target_tpot_ms > 0 && curve->target_tpot_ms <= x_axis.hi)
    {
      double tx = _cost_chart_snap_x (&ctx, _cost_chart_axis_map (&x_axis, curve->target_tpot_ms));
      double dash = ctx.small * 0.5;

      cairo_set_source_rgb (cr, alert.red, alert.green, alert.blue);
      cairo_set_line_width (cr, round (ctx.hairline * 2));
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, tx, plot.y + plot.height);
      cairo_line_to (cr, tx, plot.y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The curve: strong where the targets hold */
  cost_chart_palette_get_color (COLOR_WEIGHTS, &line);
  for (guint i = 1; i < n; i++)
    {
      const CostChartCurvePoint *a = &curve->points[i - 1], *b = &curve->points[i];
      gboolean held = a->meets_targets && b->meets_targets;

      if (held)
        {
          cairo_set_source_rgb (cr, line.red, line.green, line.blue);
          cairo_set_line_width (cr, ctx.hairline * 2.5);
        }
      else
        {
          cairo_set_source_rgb (cr, ctx.muted.red, ctx.muted.green, ctx.muted.blue);
          cairo_set_line_width (cr, ctx.hairline * 1.5);
        }
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, _cost_chart_axis_map (&x_axis, a->tpot_ms), _cost_chart_axis_map (&y_axis, a->tokens_per_s));
      cairo_line_to (cr, _cost_chart_axis_map (&x_axis, b->tpot_ms), _cost_chart_axis_map (&y_axis, b->tokens_per_s));
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* The labels of the target and of the operating point, over the lines */
  if (curve->target_tpot_ms > 0 && curve->target_tpot_ms <= x_axis.hi)
    {
      g_autofree char *ms = format_ms (curve->target_tpot_ms);
      /* Translators: the time per output token target on the chart: "Target 20 ms" */
      g_autofree char *text = g_strdup_printf (_("Target %s"), ms);
      g_autoptr(PangoLayout) label = _cost_chart_text_new (&ctx, text, ctx.small, COST_CHART_TEXT_REGULAR);
      double tx = _cost_chart_axis_map (&x_axis, curve->target_tpot_ms), w;

      _cost_chart_text_get_size (label, &w, NULL);
      if (tx + ctx.small * 0.4 + w <= plot.x + plot.width)
        _cost_chart_text_show (&ctx, label, tx + ctx.small * 0.4, plot.y, 0.0, 0.0, &alert);
      else
        _cost_chart_text_show (&ctx, label, tx - ctx.small * 0.4, plot.y, 1.0, 0.0, &alert);
    }

  if (curve->chosen >= 0 && (guint) curve->chosen < curve->n_points)
    {
      const CostChartCurvePoint *p = &curve->points[curve->chosen];
      double px = _cost_chart_axis_map (&x_axis, p->tpot_ms);
      double py = _cost_chart_axis_map (&y_axis, p->tokens_per_s);
      double r = ctx.body * 0.42;
      g_autofree char *concurrency = cost_format_number (p->concurrency, 0);
      /* Translators: the operating point on the chart: "51 at a time" */
      g_autofree char *text = g_strdup_printf (_("%s at a time"), concurrency);
      g_autoptr(PangoLayout) label = _cost_chart_text_new (&ctx, text, ctx.small, COST_CHART_TEXT_BOLD);
      CostChartHit hit = { 0, 0, p->tokens_per_s };
      CostChartRect dot = { px - r, py - r, 2 * r, 2 * r };
      double w;

      cairo_arc (cr, px, py, r + ctx.hairline * 1.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, ctx.bg.red, ctx.bg.green, ctx.bg.blue);
      cairo_fill (cr);
      cairo_arc (cr, px, py, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, line.red, line.green, line.blue);
      cairo_fill (cr);
      cost_chart_layout_add_rect (layout, &hit, &dot);

      /* Under the curve to its right, where the curve does not go */
      _cost_chart_text_get_size (label, &w, NULL);
      if (px + r + ctx.small * 0.4 + w <= plot.x + plot.width)
        _cost_chart_text_show (&ctx, label, px + r + ctx.small * 0.4, py + r * 0.5, 0.0, 0.0, &ctx.fg);
      else
        _cost_chart_text_show (&ctx, label, px - r - ctx.small * 0.4, py + r, 1.0, 0.0, &ctx.fg);
    }

  end (&ctx);
}

/**
 * cost_chart_llm_describe_curve:
 *
 * Returns: (transfer full): the curve in words, for assistive technologies
 */
char *
cost_chart_llm_describe_curve (const CostChartCurve *curve)
{
  g_autofree char *target = NULL;
  g_autofree char *concurrency = NULL;
  g_autofree char *tokens = NULL;
  g_autofree char *tpot = NULL;
  const CostChartCurvePoint *p;

  if (curve->chosen < 0 || (guint) curve->chosen >= curve->n_points)
    return g_strdup (_("No operating point: the model cannot be served as asked"));

  p = &curve->points[curve->chosen];
  concurrency = cost_format_number (p->concurrency, 0);
  tokens = cost_format_number (p->tokens_per_s, 0);
  tpot = format_ms (p->tpot_ms);
  target = curve->target_tpot_ms > 0 ? format_ms (curve->target_tpot_ms) : g_strdup (_("none"));

  /* Translators: the throughput curve in words */
  return g_strdup_printf (_("Throughput against time per output token: more requests at a time give more tokens a second but slower tokens. "
                            "Operating point: %s at a time, %s output tokens/s per GPU at %s per token; target %s"),
                          concurrency, tokens, tpot, target);
}
