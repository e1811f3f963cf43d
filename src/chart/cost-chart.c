/* cost-chart.c
 *
 * The entry points: drawing, and the text that describes a chart or one of
 * its slices to someone who cannot see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-private.h"
#include "cost-format.h"

G_DEFINE_ENUM_TYPE (CostChartKind, cost_chart_kind,
  G_DEFINE_ENUM_VALUE (COST_CHART_DONUT, "donut"),
  G_DEFINE_ENUM_VALUE (COST_CHART_PIE, "pie"),
  G_DEFINE_ENUM_VALUE (COST_CHART_STACKED, "stacked"),
  G_DEFINE_ENUM_VALUE (COST_CHART_STACKED_HORIZONTAL, "stacked-horizontal"),
  G_DEFINE_ENUM_VALUE (COST_CHART_RANKED, "ranked"),
  G_DEFINE_ENUM_VALUE (COST_CHART_WATERFALL, "waterfall"),
  G_DEFINE_ENUM_VALUE (COST_CHART_TORNADO, "tornado"),
  G_DEFINE_ENUM_VALUE (COST_CHART_HISTOGRAM, "histogram"),
  G_DEFINE_ENUM_VALUE (COST_CHART_S_CURVE, "s-curve"),
  G_DEFINE_ENUM_VALUE (COST_CHART_FAN, "fan"),
  G_DEFINE_ENUM_VALUE (COST_CHART_BURN_UP, "burn-up"))

/* @a moved a fraction @k of the way to @b. */
void
_cost_chart_mix (const CostChartColor *a,
                 const CostChartColor *b,
                 double                k,
                 CostChartColor       *out)
{
  out->red = a->red + (b->red - a->red) * k;
  out->green = a->green + (b->green - a->green) * k;
  out->blue = a->blue + (b->blue - a->blue) * k;
}

/* What every renderer does first: the default style and a layout of its
 * own when the caller gives none, the layout emptied. Returns: whether
 * @area has room to draw in. */
gboolean
_cost_chart_prepare (const CostChartRect    *area,
                     const CostChartStyle  **style,
                     CostChartStyle         *default_style,
                     CostChartLayout       **layout,
                     CostChartLayout       **own_layout)
{
  if (*style == NULL)
    {
      cost_chart_style_init (default_style, FALSE);
      *style = default_style;
    }
  if (*layout == NULL)
    *layout = *own_layout = cost_chart_layout_new ();
  cost_chart_layout_clear (*layout);

  return area->width >= 1.0 && area->height >= 1.0;
}

/* The drawing context of a chart in @area; every renderer starts here. */
void
_cost_chart_context_init (CostChartContext      *ctx,
              cairo_t               *cr,
              const CostChartRect   *area,
              CostChartDataset      *dataset,
              const CostChartStyle  *style,
              CostChartLayout       *layout)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_font_options_t *options;
  cairo_matrix_t matrix;
  double sx = 1.0, sy = 1.0, ox = 0.0, oy = 0.0;
  double scale = style->scale > 0 ? style->scale : 1.0;

  ctx->cr = cr;
  ctx->data = dataset;
  ctx->style = style;
  ctx->layout = layout;
  ctx->area = *area;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  ctx->device_scale[0] = matrix.xx != 0 ? matrix.xx * sx : 1.0;
  ctx->device_scale[1] = matrix.yy != 0 ? matrix.yy * sy : 1.0;
  ctx->device_offset[0] = matrix.x0 * sx + ox;
  ctx->device_offset[1] = matrix.y0 * sy + oy;

  /* Type follows the rectangle, so that a chart reads the same on a
   * projector, a page and a window, unless the caller fixes it. */
  ctx->body = style->font_size > 0 ? style->font_size :
              CLAMP (sqrt (area->width * area->height) / 58.0, 11.0, 40.0);
  ctx->body *= scale;
  ctx->small = ctx->body * 0.86;
  ctx->pad = ctx->body * 1.1;
  ctx->hairline = MAX (1.0, ctx->body / 16.0);

  cost_chart_style_get_background (style, &ctx->bg);
  cost_chart_style_get_foreground (style, &ctx->fg);
  _cost_chart_mix (&ctx->fg, &ctx->bg, 0.38, &ctx->muted);
  _cost_chart_mix (&ctx->fg, &ctx->bg, 0.86, &ctx->grid);

  /* Unhinted metrics: the same layout on screen, in PNG, SVG and PDF. */
  ctx->pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (ctx->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (ctx->pango, FALSE);

  ctx->font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  ctx->attrs = pango_attr_list_new ();
  pango_attr_list_insert (ctx->attrs, pango_attr_font_features_new ("tnum=1"));
}

void
_cost_chart_context_clear (CostChartContext *ctx)
{
  g_clear_object (&ctx->pango);
  g_clear_pointer (&ctx->font, pango_font_description_free);
  g_clear_pointer (&ctx->attrs, pango_attr_list_unref);
}

static void
draw_title (CostChartContext *ctx)
{
  const char *title = cost_chart_dataset_get_title (ctx->data);
  g_autoptr(PangoLayout) text = NULL;
  double h;

  if (title == NULL || title[0] == '\0')
    return;

  text = _cost_chart_text_new (ctx, title, ctx->body * 1.3, COST_CHART_TEXT_BOLD);
  _cost_chart_text_limit (text, ctx->area.width, 1);
  _cost_chart_text_get_size (text, NULL, &h);
  _cost_chart_text_show (ctx, text, ctx->area.x, ctx->area.y, 0.0, 0.0, &ctx->fg);

  ctx->area.y += h + ctx->pad * 0.8;
  ctx->area.height -= h + ctx->pad * 0.8;
}

/* The caption on one line at the bottom, in the muted colour. */
static void
draw_caption (CostChartContext *ctx)
{
  const char *caption = ctx->style->caption;
  g_autoptr(PangoLayout) text = NULL;
  double h;

  if (caption == NULL || caption[0] == '\0')
    return;

  text = _cost_chart_text_new (ctx, caption, ctx->small, COST_CHART_TEXT_REGULAR);
  _cost_chart_text_limit (text, ctx->area.width, 1);
  _cost_chart_text_get_size (text, NULL, &h);
  _cost_chart_text_show (ctx, text, ctx->area.x, ctx->area.y + ctx->area.height, 0.0, 1.0, &ctx->muted);

  ctx->area.height -= h + ctx->pad * 0.8;
}

/**
 * cost_chart_draw:
 * @area: the rectangle to draw in, in @cr's user units; nothing is drawn
 *   outside it
 * @style: (nullable): how to draw; %NULL for the light defaults
 * @layout: (nullable): filled with what was drawn where, for hit testing
 *
 * Draws a chart of @dataset.
 */
void
cost_chart_draw (cairo_t              *cr,
                 const CostChartRect  *area,
                 CostChartKind         kind,
                 CostChartDataset     *dataset,
                 const CostChartStyle *style,
                 CostChartLayout      *layout)
{
  g_autoptr(CostChartLayout) own_layout = NULL;
  CostChartStyle default_style;
  CostChartContext ctx = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (dataset != NULL);

  if (!_cost_chart_prepare (area, &style, &default_style, &layout, &own_layout))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  _cost_chart_context_init (&ctx, cr, area, dataset, style, layout);

  if (style->fill_background)
    {
      cairo_set_source_rgb (cr, ctx.bg.red, ctx.bg.green, ctx.bg.blue);
      cairo_paint (cr);
    }

  ctx.area.x += ctx.pad;
  ctx.area.y += ctx.pad;
  ctx.area.width -= 2 * ctx.pad;
  ctx.area.height -= 2 * ctx.pad;

  if (style->show_title)
    draw_title (&ctx);
  draw_caption (&ctx);

  if (ctx.area.width < ctx.body * 2 || ctx.area.height < ctx.body * 2)
    ; /* too small to say anything */
  else if (cost_chart_dataset_is_empty (dataset))
    _cost_chart_draw_empty (&ctx);
  else
    switch (kind)
      {
      case COST_CHART_DONUT:
        _cost_chart_draw_pie (&ctx, TRUE);
        break;
      case COST_CHART_PIE:
        _cost_chart_draw_pie (&ctx, FALSE);
        break;
      case COST_CHART_STACKED:
        _cost_chart_draw_stacked (&ctx, FALSE);
        break;
      case COST_CHART_STACKED_HORIZONTAL:
        _cost_chart_draw_stacked (&ctx, TRUE);
        break;
      case COST_CHART_RANKED:
        _cost_chart_draw_ranked (&ctx);
        break;
      case COST_CHART_WATERFALL:
        _cost_chart_draw_waterfall (&ctx);
        break;
      case COST_CHART_TORNADO:
        _cost_chart_draw_tornado (&ctx);
        break;
      case COST_CHART_HISTOGRAM:
        _cost_chart_draw_histogram (&ctx);
        break;
      case COST_CHART_S_CURVE:
        _cost_chart_draw_s_curve (&ctx);
        break;
      case COST_CHART_FAN:
        _cost_chart_draw_fan (&ctx);
        break;
      case COST_CHART_BURN_UP:
        _cost_chart_draw_burn_up (&ctx);
        break;
      default:
        g_warn_if_reached ();
      }

  _cost_chart_context_clear (&ctx);
  cairo_restore (cr);
}

static const char *
kind_name (CostChartKind kind)
{
  switch (kind)
    {
    case COST_CHART_DONUT:
      return _("Donut chart");
    case COST_CHART_PIE:
      return _("Pie chart");
    case COST_CHART_STACKED:
    case COST_CHART_STACKED_HORIZONTAL:
      return _("Stacked bar chart");
    case COST_CHART_RANKED:
      return _("Bar chart");
    case COST_CHART_WATERFALL:
      return _("Waterfall chart");
    case COST_CHART_TORNADO:
      return _("Tornado chart");
    case COST_CHART_HISTOGRAM:
      return _("Histogram");
    case COST_CHART_S_CURVE:
      /* Translators: a chart of cumulative probability */
      return _("S-curve");
    case COST_CHART_FAN:
      /* Translators: a chart of percentile bands over time */
      return _("Fan chart");
    case COST_CHART_BURN_UP:
      /* Translators: a chart of cumulative spending against the plan over time */
      return _("Burn-up chart");
    default:
      g_return_val_if_reached ("");
    }
}

static char *
format_money (CostChartDataset *dataset,
              double            value,
              gboolean          exact)
{
  const char *currency = cost_chart_dataset_get_currency (dataset);

  if (cost_chart_dataset_get_unit (dataset) == COST_CHART_UNIT_FRACTION)
    return cost_format_percent (value);
  if (currency == NULL)
    return cost_format_number (value, 2);

  return cost_format_money (value, currency, exact ? COST_FORMAT_DEFAULT : COST_FORMAT_WHOLE);
}

static char *
format_signed (CostChartDataset *dataset,
               double            value,
               gboolean          exact)
{
  g_autofree char *text = format_money (dataset, value, exact);

  return value > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

typedef struct
{
  guint  series;
  double value;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->value != rb->value)
    return ra->value < rb->value ? 1 : -1;

  return (int) ra->series - (int) rb->series;
}

/* The series of @group by value, largest first, without the zeros. */
static GArray *
ranked_series (CostChartDataset *dataset,
               guint             group)
{
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint s = 0; s < cost_chart_dataset_get_n_series (dataset); s++)
    {
      Ranked r = { s, cost_chart_dataset_get_value (dataset, group, s) };

      if (r.value != 0.0)
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  return ranked;
}

static void
describe_shares (GString          *out,
                 CostChartDataset *dataset,
                 guint             group)
{
  g_autoptr(GArray) ranked = ranked_series (dataset, group);
  double total = cost_chart_dataset_get_whole (dataset, group);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      g_autofree char *money = format_money (dataset, r->value, FALSE);
      g_autofree char *share = cost_format_share (total != 0 ? r->value / total : 0.0);

      if (i > 0)
        g_string_append (out, _(", "));
      /* Translators: a slice in a chart description: name, amount, share */
      g_string_append_printf (out, _("%s %s (%s)"),
                              cost_chart_dataset_get_series_label (dataset, r->series),
                              money, share);
    }
}

static void
describe_groups (GString          *out,
                 CostChartDataset *dataset)
{
  guint n_groups = cost_chart_dataset_get_n_groups (dataset);

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(GArray) ranked = ranked_series (dataset, g);
      g_autofree char *total = format_money (dataset, cost_chart_dataset_get_group_total (dataset, g), FALSE);
      g_autoptr(GString) parts = g_string_new (NULL);

      for (guint i = 0; i < ranked->len; i++)
        {
          const Ranked *r = &g_array_index (ranked, Ranked, i);
          g_autofree char *money = format_money (dataset, r->value, FALSE);

          if (i > 0)
            g_string_append (parts, _(", "));
          /* Translators: a value in a chart description: name and amount */
          g_string_append_printf (parts, _("%s %s"),
                                  cost_chart_dataset_get_series_label (dataset, r->series), money);
        }

      if (g > 0)
        g_string_append (out, _("; "));
      /* Translators: a bar in a chart description: name, total, its parts */
      g_string_append_printf (out, _("%s %s (%s)"),
                              cost_chart_dataset_get_group_label (dataset, g), total, parts->str);
    }
}

static void
describe_waterfall (GString          *out,
                    CostChartDataset *dataset)
{
  for (guint s = 0; s < cost_chart_dataset_get_n_series (dataset); s++)
    {
      double value = cost_chart_dataset_get_value (dataset, 0, s);
      gboolean total = cost_chart_dataset_get_series_flags (dataset, s) & COST_CHART_SERIES_TOTAL;
      g_autofree char *money = total ? format_money (dataset, value, FALSE) :
                                       format_signed (dataset, value, FALSE);

      if (s > 0)
        g_string_append (out, _(", "));
      g_string_append_printf (out, _("%s %s"), cost_chart_dataset_get_series_label (dataset, s), money);
    }
}

typedef struct
{
  guint  series;
  double spread;
} Spread;

static int
compare_spread (gconstpointer a,
                gconstpointer b)
{
  const Spread *sa = a, *sb = b;

  if (sa->spread != sb->spread)
    return sa->spread < sb->spread ? 1 : -1;

  return (int) sa->series - (int) sb->series;
}

static void
describe_tornado (GString          *out,
                  CostChartDataset *dataset)
{
  guint n_series = cost_chart_dataset_get_n_series (dataset);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Spread));
  g_autofree char *base = format_money (dataset, cost_chart_dataset_get_base (dataset), FALSE);
  const char *base_label = cost_chart_dataset_get_base_label (dataset);

  if (cost_chart_dataset_get_n_groups (dataset) < 2)
    return;

  for (guint s = 0; s < n_series; s++)
    {
      Spread r = { s, fabs (cost_chart_dataset_get_value (dataset, 1, s) -
                            cost_chart_dataset_get_value (dataset, 0, s)) };

      g_array_append_val (rows, r);
    }
  g_array_sort (rows, compare_spread);

  g_string_append_printf (out, _("%s %s"), base_label ? base_label : _("Base"), base);
  for (guint i = 0; i < rows->len; i++)
    {
      guint s = g_array_index (rows, Spread, i).series;
      g_autofree char *low = format_money (dataset, cost_chart_dataset_get_value (dataset, 0, s), FALSE);
      g_autofree char *high = format_money (dataset, cost_chart_dataset_get_value (dataset, 1, s), FALSE);

      g_string_append (out, _("; "));
      /* Translators: a row of a tornado chart: name, low value, high value */
      g_string_append_printf (out, _("%s from %s to %s"),
                              cost_chart_dataset_get_series_label (dataset, s), low, high);
    }
}

static void
describe_markers (GString          *out,
                  CostChartDataset *dataset)
{
  const char *note = cost_chart_dataset_get_note (dataset);

  for (guint m = 0; m < cost_chart_dataset_get_n_markers (dataset); m++)
    {
      g_autofree char *money = format_money (dataset, cost_chart_dataset_get_marker_value (dataset, m), FALSE);

      g_string_append (out, _("; "));
      g_string_append_printf (out, _("%s %s"), cost_chart_dataset_get_marker_label (dataset, m), money);
    }

  if (note != NULL)
    {
      g_string_append (out, _("; "));
      g_string_append (out, note);
    }
}

static void
describe_histogram (GString          *out,
                    CostChartDataset *dataset)
{
  guint n = cost_chart_dataset_get_n_groups (dataset);
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *mode_lo = NULL;
  g_autofree char *mode_hi = NULL;
  guint mode = 0;

  if (n == 0 || cost_chart_dataset_get_n_series (dataset) <= COST_CHART_BIN_COUNT)
    return;

  for (guint b = 1; b < n; b++)
    {
      if (cost_chart_dataset_get_value (dataset, b, COST_CHART_BIN_COUNT) >
          cost_chart_dataset_get_value (dataset, mode, COST_CHART_BIN_COUNT))
        mode = b;
    }

  lo = format_money (dataset, cost_chart_dataset_get_value (dataset, 0, COST_CHART_BIN_FROM), FALSE);
  hi = format_money (dataset, cost_chart_dataset_get_value (dataset, n - 1, COST_CHART_BIN_TO), FALSE);
  mode_lo = format_money (dataset, cost_chart_dataset_get_value (dataset, mode, COST_CHART_BIN_FROM), FALSE);
  mode_hi = format_money (dataset, cost_chart_dataset_get_value (dataset, mode, COST_CHART_BIN_TO), FALSE);
  /* Translators: a histogram's description: the range of the outcomes, then its tallest bar */
  g_string_append_printf (out, _("outcomes from %s to %s, most often between %s and %s"),
                          lo, hi, mode_lo, mode_hi);
  describe_markers (out, dataset);
}

/* The amount at the fraction @p of an S-curve's outcomes. */
static double
curve_amount_at (CostChartDataset *dataset,
                 double            p)
{
  guint n = cost_chart_dataset_get_n_groups (dataset);
  double px = 0.0, py = 0.0;

  for (guint g = 0; g < n; g++)
    {
      double x = cost_chart_dataset_get_value (dataset, g, COST_CHART_CURVE_AMOUNT);
      double y = cost_chart_dataset_get_value (dataset, g, COST_CHART_CURVE_FRACTION);

      if (y >= p)
        return g == 0 || y <= py ? x : px + (x - px) * (p - py) / (y - py);
      px = x;
      py = y;
    }

  return px;
}

static void
describe_s_curve (GString          *out,
                  CostChartDataset *dataset)
{
  static const struct {
    const char *name;
    double      p;
  } points[] = { { "P10", 0.10 }, { "P50", 0.50 }, { "P90", 0.90 } };

  if (cost_chart_dataset_get_n_groups (dataset) == 0 ||
      cost_chart_dataset_get_n_series (dataset) <= COST_CHART_CURVE_FRACTION)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *money = format_money (dataset, curve_amount_at (dataset, points[i].p), FALSE);

      if (i > 0)
        g_string_append (out, _("; "));
      g_string_append_printf (out, _("%s %s"), points[i].name, money);
    }
  describe_markers (out, dataset);
}

static void
describe_fan_month (GString          *out,
                    CostChartDataset *dataset,
                    guint             group)
{
  g_autofree char *p10 = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_FAN_P10), FALSE);
  g_autofree char *p50 = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_FAN_P50), FALSE);
  g_autofree char *p90 = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_FAN_P90), FALSE);
  g_autofree char *plan = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_FAN_PLAN), FALSE);

  /* Translators: a month of a fan chart: the month, its P10 and P90, median and plan */
  g_string_append_printf (out, _("%s from %s to %s, median %s, plan %s"),
                          cost_chart_dataset_get_group_label (dataset, group), p10, p90, p50, plan);
}

/* The first and the last month: how the range opens. */
static void
describe_fan (GString          *out,
              CostChartDataset *dataset)
{
  guint n = cost_chart_dataset_get_n_groups (dataset);

  if (n == 0 || cost_chart_dataset_get_n_series (dataset) < COST_CHART_FAN_N_SERIES)
    return;

  describe_fan_month (out, dataset, 0);
  if (n > 1)
    {
      g_string_append (out, _("; "));
      describe_fan_month (out, dataset, n - 1);
    }
  describe_markers (out, dataset);
}

/* The last month reported, or -1. */
static int
burn_up_last_reported (CostChartDataset *dataset)
{
  for (guint g = cost_chart_dataset_get_n_groups (dataset); g-- > 0;)
    {
      if (!isnan (cost_chart_dataset_get_value (dataset, g, COST_CHART_BURN_UP_ACTUAL)))
        return (int) g;
    }

  return -1;
}

/* Spent to date against the plan, then how the whole plan ends. */
static void
describe_burn_up (GString          *out,
                  CostChartDataset *dataset)
{
  guint n = cost_chart_dataset_get_n_groups (dataset);
  int last = burn_up_last_reported (dataset);
  double forecast, budget;
  g_autofree char *plan_end = NULL;

  if (n == 0 || cost_chart_dataset_get_n_series (dataset) < COST_CHART_BURN_UP_N_SERIES)
    return;

  if (last >= 0)
    {
      g_autofree char *actual = format_money (dataset, cost_chart_dataset_get_value (dataset, last, COST_CHART_BURN_UP_ACTUAL), FALSE);
      g_autofree char *plan = format_money (dataset, cost_chart_dataset_get_value (dataset, last, COST_CHART_BURN_UP_PLAN), FALSE);

      /* Translators: a burn-up chart: the last month reported, what was spent to then, the plan to then */
      g_string_append_printf (out, _("to %s, %s spent against a plan of %s"),
                              cost_chart_dataset_get_group_label (dataset, last), actual, plan);
      g_string_append (out, _("; "));
    }

  plan_end = format_money (dataset, cost_chart_dataset_get_value (dataset, n - 1, COST_CHART_BURN_UP_PLAN), FALSE);
  /* Translators: a burn-up chart: the plan's total at the end of its last month */
  g_string_append_printf (out, _("plan at completion %s"), plan_end);

  forecast = cost_chart_dataset_get_value (dataset, n - 1, COST_CHART_BURN_UP_FORECAST);
  if (!isnan (forecast))
    {
      g_autofree char *money = format_money (dataset, forecast, FALSE);

      g_string_append (out, _("; "));
      /* Translators: a burn-up chart: where spending is heading by the end of the plan */
      g_string_append_printf (out, _("forecast at completion %s"), money);
    }

  budget = cost_chart_dataset_get_value (dataset, n - 1, COST_CHART_BURN_UP_BUDGET);
  if (!isnan (budget))
    {
      g_autofree char *money = format_money (dataset, budget, FALSE);

      g_string_append (out, _("; "));
      /* Translators: a burn-up chart: the budget of the whole plan */
      g_string_append_printf (out, _("budget at completion %s"), money);
    }
}

static void
describe_fractions (GString          *out,
                    CostChartDataset *dataset)
{
  g_autoptr(GArray) ranked = ranked_series (dataset, 0);

  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      g_autofree char *share = cost_format_percent (r->value);

      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append_printf (out, _("%s %s"), cost_chart_dataset_get_series_label (dataset, r->series), share);
    }
}

/**
 * cost_chart_describe:
 *
 * Returns: (transfer full): a plain-text account of the chart for screen
 *   readers: "Donut chart. Monthly cost by category: Labor ¥175,000
 *   (46.7%), Compute ¥107,000 (28.5%), …. Total ¥375,000."
 */
char *
cost_chart_describe (CostChartKind     kind,
                     CostChartDataset *dataset)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *title;

  g_return_val_if_fail (dataset != NULL, NULL);

  if (cost_chart_dataset_is_empty (dataset))
    g_string_append (body, _("No costs yet"));
  else
    switch (kind)
      {
      case COST_CHART_RANKED:
        if (cost_chart_dataset_get_unit (dataset) == COST_CHART_UNIT_FRACTION)
          {
            describe_fractions (body, dataset);
            break;
          }
        G_GNUC_FALLTHROUGH;
      case COST_CHART_DONUT:
      case COST_CHART_PIE:
        {
          g_autofree char *total = format_money (dataset, cost_chart_dataset_get_whole (dataset, 0), FALSE);

          describe_shares (body, dataset, 0);
          g_string_append (body, _("; "));
          g_string_append_printf (body, _("%s %s"), _("Total"), total);
        }
        break;
      case COST_CHART_STACKED:
      case COST_CHART_STACKED_HORIZONTAL:
        describe_groups (body, dataset);
        break;
      case COST_CHART_WATERFALL:
        describe_waterfall (body, dataset);
        break;
      case COST_CHART_TORNADO:
        describe_tornado (body, dataset);
        break;
      case COST_CHART_HISTOGRAM:
        describe_histogram (body, dataset);
        break;
      case COST_CHART_S_CURVE:
        describe_s_curve (body, dataset);
        break;
      case COST_CHART_FAN:
        describe_fan (body, dataset);
        break;
      case COST_CHART_BURN_UP:
        describe_burn_up (body, dataset);
        break;
      default:
        g_return_val_if_reached (NULL);
      }

  title = cost_chart_dataset_get_title (dataset);
  if (title != NULL && title[0] != '\0')
    /* Translators: a chart description: the kind of chart, its title, what it shows */
    return g_strdup_printf (_("%s. %s: %s."), kind_name (kind), title, body->str);

  /* Translators: a chart description: the kind of chart, what it shows */
  return g_strdup_printf (_("%s: %s."), kind_name (kind), body->str);
}

static double
running_level (CostChartDataset *dataset,
               int               series)
{
  double level = 0.0;

  for (int s = 0; s < series; s++)
    {
      double v = cost_chart_dataset_get_value (dataset, 0, s);

      if (cost_chart_dataset_get_series_flags (dataset, s) & COST_CHART_SERIES_TOTAL)
        level = v;
      else
        level += v;
    }

  return level;
}

/* A histogram's bar: its amounts, how many samples, their share. */
static char *
describe_bin (CostChartDataset *dataset,
              guint             group)
{
  double count = cost_chart_dataset_get_value (dataset, group, COST_CHART_BIN_COUNT);
  double whole = cost_chart_dataset_get_whole (dataset, 0);
  g_autofree char *from = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_BIN_FROM), TRUE);
  g_autofree char *to = format_money (dataset, cost_chart_dataset_get_value (dataset, group, COST_CHART_BIN_TO), TRUE);
  g_autofree char *number = cost_format_number (count, 0);
  g_autofree char *share = cost_format_percent (whole > 0 ? count / whole : 0.0);
  gulong n = count >= 0 && count < 1e9 ? (gulong) count : 0;

  /* Translators: a histogram's bar: from, to, how many samples fell in it, their share */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s\n%s sample · %s of the outcomes",
                                       "%s – %s\n%s samples · %s of the outcomes", n),
                          from, to, number, share);
}

/* A month of a fan chart: its percentiles and the plan. */
static char *
describe_fan_hit (CostChartDataset *dataset,
                  guint             group)
{
  g_autoptr(GString) out = g_string_new (cost_chart_dataset_get_group_label (dataset, group));

  for (guint s = 0; s < MIN (cost_chart_dataset_get_n_series (dataset), COST_CHART_FAN_N_SERIES); s++)
    {
      g_autofree char *money = format_money (dataset, cost_chart_dataset_get_value (dataset, group, s), TRUE);

      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("%s %s"), cost_chart_dataset_get_series_label (dataset, s), money);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A month of a burn-up chart: each line's amount by then. */
static char *
describe_burn_up_hit (CostChartDataset *dataset,
                      guint             group)
{
  g_autoptr(GString) out = g_string_new (cost_chart_dataset_get_group_label (dataset, group));
  static const guint order[] = {
    COST_CHART_BURN_UP_ACTUAL, COST_CHART_BURN_UP_PLAN, COST_CHART_BURN_UP_FORECAST, COST_CHART_BURN_UP_BUDGET,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double value;
      g_autofree char *money = NULL;

      if (order[i] >= cost_chart_dataset_get_n_series (dataset))
        continue;
      value = cost_chart_dataset_get_value (dataset, group, order[i]);
      /* The forecast from the month after the last one reported. */
      if (isnan (value) ||
          (order[i] == COST_CHART_BURN_UP_FORECAST &&
           !isnan (cost_chart_dataset_get_value (dataset, group, COST_CHART_BURN_UP_ACTUAL))))
        continue;
      money = format_money (dataset, value, TRUE);
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("%s %s"), cost_chart_dataset_get_series_label (dataset, order[i]), money);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cost_chart_describe_hit:
 * @layout: the layout of the last drawing, which knows what "Other" holds
 *
 * Returns: (transfer full): the exact figures of what @hit points at, for
 *   a tooltip: its name on the first line, amount and share on the second
 */
char *
cost_chart_describe_hit (CostChartKind       kind,
                         CostChartDataset   *dataset,
                         CostChartLayout    *layout,
                         const CostChartHit *hit)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *money = NULL;
  g_autofree char *share = NULL;
  double total;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (hit->group >= 0 && (guint) hit->group < cost_chart_dataset_get_n_groups (dataset), NULL);

  if (hit->series >= 0)
    {
      g_return_val_if_fail ((guint) hit->series < cost_chart_dataset_get_n_series (dataset), NULL);
      g_string_append (name, cost_chart_dataset_get_series_label (dataset, hit->series));
    }
  else
    {
      guint n_other;
      const guint *other = cost_chart_layout_get_other (layout, &n_other);

      g_string_append (name, C_("chart", "Other"));
      g_string_append (name, _(": "));
      for (guint i = 0; i < n_other; i++)
        {
          if (i > 0)
            g_string_append (name, _(", "));
          g_string_append (name, cost_chart_dataset_get_series_label (dataset, other[i]));
        }
    }

  switch (kind)
    {
    case COST_CHART_HISTOGRAM:
      return describe_bin (dataset, hit->group);

    case COST_CHART_S_CURVE:
      {
        double fraction = cost_chart_dataset_get_value (dataset, hit->group, COST_CHART_CURVE_FRACTION);

        money = format_money (dataset, cost_chart_dataset_get_value (dataset, hit->group, COST_CHART_CURVE_AMOUNT), TRUE);
        share = cost_format_percent (fraction);
        /* Translators: a point of an S-curve: the percentile, the amount, the share of outcomes at or below it */
        return g_strdup_printf (_("%s\n%s or less in %s of the outcomes"),
                                cost_chart_dataset_get_group_label (dataset, hit->group), money, share);
      }

    case COST_CHART_FAN:
      return describe_fan_hit (dataset, hit->group);

    case COST_CHART_BURN_UP:
      return describe_burn_up_hit (dataset, hit->group);

    case COST_CHART_RANKED:
      if (cost_chart_dataset_get_unit (dataset) == COST_CHART_UNIT_FRACTION)
        {
          share = cost_format_percent (hit->value);
          return g_strdup_printf ("%s\n%s", name->str, share);
        }
      G_GNUC_FALLTHROUGH;
    case COST_CHART_DONUT:
    case COST_CHART_PIE:
    case COST_CHART_STACKED:
    case COST_CHART_STACKED_HORIZONTAL:
      total = cost_chart_dataset_get_whole (dataset, hit->group);
      money = format_money (dataset, hit->value, TRUE);
      share = cost_format_share (total != 0 ? hit->value / total : 0.0);
      if (kind == COST_CHART_STACKED || kind == COST_CHART_STACKED_HORIZONTAL)
        {
          const char *group = cost_chart_dataset_get_group_label (dataset, hit->group);

          if (group != NULL && group[0] != '\0')
            {
              /* Translators: a tooltip title: the bar, then the segment */
              g_autofree char *both = g_strdup_printf (_("%s — %s"), group, name->str);

              g_string_assign (name, both);
            }
          /* Translators: a tooltip line: amount and share of the bar */
          return g_strdup_printf (_("%s\n%s · %s of the bar"), name->str, money, share);
        }
      /* Translators: a tooltip line: amount and share of the total */
      return g_strdup_printf (_("%s\n%s · %s of the total"), name->str, money, share);

    case COST_CHART_WATERFALL:
      if (hit->series >= 0 &&
          !(cost_chart_dataset_get_series_flags (dataset, hit->series) & COST_CHART_SERIES_TOTAL))
        {
          g_autofree char *level = format_money (dataset, running_level (dataset, hit->series + 1), TRUE);

          money = format_signed (dataset, hit->value, TRUE);
          /* Translators: a waterfall step: name, signed amount, level reached */
          return g_strdup_printf (_("%s\n%s, to %s"), name->str, money, level);
        }
      money = format_money (dataset, hit->value, TRUE);
      return g_strdup_printf ("%s\n%s", name->str, money);

    case COST_CHART_TORNADO:
      {
        g_autofree char *delta = format_signed (dataset, hit->value - cost_chart_dataset_get_base (dataset), TRUE);
        const char *group = cost_chart_dataset_get_group_label (dataset, hit->group);

        money = format_money (dataset, hit->value, TRUE);
        if (group != NULL && group[0] != '\0')
          g_string_append_printf (name, _(", %s"), group);
        /* Translators: a tornado bar: name, value, difference from the base */
        return g_strdup_printf (_("%s\n%s (%s)"), name->str, money, delta);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}
