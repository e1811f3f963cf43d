/* cost-chart-common.c
 *
 * Text, numbers, colours, legends and axes shared by the renderers.
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

/**
 * _cost_chart_text_new:
 * @size: in pixels
 *
 * Returns: (transfer full): a one-line layout of @text in the chart's font,
 *   with tabular figures so that amounts line up
 */
PangoLayout *
_cost_chart_text_new (CostChartContext    *ctx,
                      const char          *text,
                      double               size,
                      CostChartTextWeight  weight)
{
  PangoLayout *layout = pango_layout_new (ctx->pango);
  PangoFontDescription *desc = pango_font_description_copy_static (ctx->font);

  pango_font_description_set_absolute_size (desc, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight == COST_CHART_TEXT_BOLD ?
                                             PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, ctx->attrs);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (desc);

  return layout;
}

/**
 * _cost_chart_text_new_pair:
 *
 * Returns: (transfer full): "@first @second" on one line, @second in the
 *   muted colour: an amount and its share
 */
PangoLayout *
_cost_chart_text_new_pair (CostChartContext *ctx,
                           const char       *first,
                           const char       *second,
                           double            size)
{
  g_autofree char *text = g_strconcat (first, "\u2002", second, NULL);
  PangoLayout *layout = _cost_chart_text_new (ctx, text, size, COST_CHART_TEXT_REGULAR);
  PangoAttrList *attrs = pango_attr_list_copy (ctx->attrs);
  PangoAttribute *color = pango_attr_foreground_new ((guint16) (ctx->muted.red * 65535),
                                                     (guint16) (ctx->muted.green * 65535),
                                                     (guint16) (ctx->muted.blue * 65535));

  color->start_index = (guint) (strlen (text) - strlen (second));
  pango_attr_list_insert (attrs, color);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/**
 * _cost_chart_text_limit:
 * @max_lines: 1 to ellipsize on one line, more to wrap first
 *
 * Keeps @layout within @width, wrapping at words (or between CJK characters)
 * and ellipsizing what still does not fit.
 */
void
_cost_chart_text_limit (PangoLayout *layout,
                        double       width,
                        int          max_lines)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
}

/* The logical box of what is set, wherever alignment put it. */
static void
text_box (PangoLayout    *layout,
          PangoRectangle *box)
{
  pango_layout_get_extents (layout, NULL, box);
}

void
_cost_chart_text_get_size (PangoLayout *layout,
                           double      *width,
                           double      *height)
{
  PangoRectangle box;

  text_box (layout, &box);
  if (width != NULL)
    *width = (double) box.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) box.height / PANGO_SCALE;
}

/**
 * _cost_chart_text_show:
 * @xalign: where (@x, @y) is on the text's box: 0 left, 0.5 centre, 1 right
 * @yalign: 0 top, 0.5 middle, 1 bottom
 *
 * Draws @layout and records it in the chart's layout.
 */
void
_cost_chart_text_show (CostChartContext     *ctx,
                       PangoLayout          *layout,
                       double                x,
                       double                y,
                       double                xalign,
                       double                yalign,
                       const CostChartColor *color)
{
  PangoRectangle box;
  CostChartRect rect;

  text_box (layout, &box);
  rect.width = (double) box.width / PANGO_SCALE;
  rect.height = (double) box.height / PANGO_SCALE;
  rect.x = x - rect.width * xalign;
  rect.y = y - rect.height * yalign;

  cairo_set_source_rgb (ctx->cr, color->red, color->green, color->blue);
  cairo_move_to (ctx->cr, rect.x - (double) box.x / PANGO_SCALE, rect.y - (double) box.y / PANGO_SCALE);
  pango_cairo_show_layout (ctx->cr, layout);

  cost_chart_layout_add_text (ctx->layout, pango_layout_get_text (layout), &rect);
}

/**
 * _cost_chart_format_compact:
 *
 * Returns: (transfer full): @value for an axis or a label: "¥375K", "37.5万元",
 *   or "23.5%" when the dataset holds fractions
 */
char *
_cost_chart_format_compact (CostChartContext *ctx,
                            double            value)
{
  const char *currency = cost_chart_dataset_get_currency (ctx->data);

  if (cost_chart_dataset_get_unit (ctx->data) == COST_CHART_UNIT_FRACTION)
    return cost_format_percent (value);
  if (currency != NULL)
    return cost_format_money_compact (value, currency);

  return cost_format_compact (value);
}

/**
 * _cost_chart_format_signed:
 *
 * Returns: (transfer full): a step of a waterfall: "+¥12K", "−¥50K"
 */
char *
_cost_chart_format_signed (CostChartContext *ctx,
                           double            value)
{
  g_autofree char *text = _cost_chart_format_compact (ctx, value);

  if (value > 0)
    return g_strconcat ("+", text, NULL);

  return g_steal_pointer (&text);
}

/**
 * _cost_chart_nice_ticks:
 * @target: about how many intervals fit
 * @lo: (out): the first tick, at or below @min
 * @hi: (out): the last tick, at or above @max
 * @step: (out): 1, 2, 2.5 or 5 times a power of ten
 *
 * Returns: the number of intervals between @lo and @hi
 */
guint
_cost_chart_nice_ticks (double  min,
                        double  max,
                        guint   target,
                        double *lo,
                        double *hi,
                        double *step)
{
  static const double multiples[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double raw, magnitude, s = 1.0;

  if (!(max > min))
    max = min + 1.0;
  target = MAX (target, 1);

  raw = (max - min) / target;
  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      s = multiples[i] * magnitude;
      if (s >= raw * (1.0 - 1e-9))
        break;
    }

  *step = s;
  *lo = floor (min / s + 1e-9) * s;
  *hi = ceil (max / s - 1e-9) * s;
  if (*hi <= *lo)
    *hi = *lo + s;

  return (guint) llround ((*hi - *lo) / s);
}

/**
 * _cost_chart_series_color:
 *
 * The series' own colour, or the palette's; the neutral grey for "Other".
 */
void
_cost_chart_series_color (CostChartContext *ctx,
                          int               series,
                          CostChartColor   *color)
{
  double rgb[3];

  if (series < 0)
    {
      cost_chart_palette_get_other (ctx->style->dark, color);
      return;
    }

  if (cost_chart_dataset_get_series_color (ctx->data, series, rgb))
    *color = (CostChartColor) { rgb[0], rgb[1], rgb[2] };
  else
    cost_chart_palette_get_color (series, color);
}

/**
 * _cost_chart_is_dimmed:
 *
 * Returns: whether something else is highlighted, so that @series in @group
 *   recedes
 */
gboolean
_cost_chart_is_dimmed (CostChartContext *ctx,
                       int               series,
                       int               group)
{
  const CostChartStyle *style = ctx->style;

  if (style->highlight_series == COST_CHART_NONE)
    return FALSE;

  if (style->highlight_series != series)
    return TRUE;

  return style->highlight_group != COST_CHART_NONE && style->highlight_group != group;
}

/**
 * _cost_chart_effective_color:
 *
 * The colour a fill is drawn in: receding towards the background when
 * something else is highlighted.
 */
void
_cost_chart_effective_color (CostChartContext     *ctx,
                             const CostChartColor *color,
                             gboolean              dimmed,
                             CostChartColor       *out)
{
  double k = dimmed ? 0.4 : 1.0;

  out->red = ctx->bg.red + (color->red - ctx->bg.red) * k;
  out->green = ctx->bg.green + (color->green - ctx->bg.green) * k;
  out->blue = ctx->bg.blue + (color->blue - ctx->bg.blue) * k;
}

void
_cost_chart_set_source (CostChartContext     *ctx,
                        const CostChartColor *color,
                        gboolean              dimmed)
{
  CostChartColor c;

  _cost_chart_effective_color (ctx, color, dimmed, &c);
  cairo_set_source_rgb (ctx->cr, c.red, c.green, c.blue);
}

/**
 * _cost_chart_text_color_on:
 *
 * The text colour that reads best on @fill: near-black or white.
 */
void
_cost_chart_text_color_on (const CostChartColor *fill,
                           CostChartColor       *text)
{
  static const CostChartColor dark = { 0.09, 0.09, 0.11 };
  static const CostChartColor light = { 1.0, 1.0, 1.0 };

  *text = cost_chart_color_get_contrast (fill, &dark) >= cost_chart_color_get_contrast (fill, &light) ?
          dark : light;
}

/* Device pixels are where edges look sharp. */
double
_cost_chart_snap_x (CostChartContext *ctx,
                    double            x)
{
  double s = ctx->device_scale[0], o = ctx->device_offset[0];

  return (round (x * s + o) - o) / s;
}

double
_cost_chart_snap_y (CostChartContext *ctx,
                    double            y)
{
  double s = ctx->device_scale[1], o = ctx->device_offset[1];

  return (round (y * s + o) - o) / s;
}

void
_cost_chart_rounded_rect (cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  if (radius <= 0.0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static int
compare_by_total (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CostChartEntry *ea = a, *eb = b;

  if (ea->total != eb->total)
    return ea->total < eb->total ? 1 : -1;

  return ea->series - eb->series;
}

static int
compare_by_series (gconstpointer a,
                   gconstpointer b)
{
  const CostChartEntry *ea = a, *eb = b;

  /* "Other" (negative) goes last. */
  if ((ea->series < 0) != (eb->series < 0))
    return ea->series < 0 ? 1 : -1;

  return ea->series - eb->series;
}

/**
 * _cost_chart_group_entries:
 * @group: the group whose values count, or -1 for all groups
 * @min_share: series below this share of the whole are grouped
 * @max_entries: at most this many entries, "Other" included
 *
 * Decides which series are shown on their own and which are gathered into
 * "Other" (only when at least two would be: one small slice stays itself).
 * Series without a value are left out. The grouped series are recorded in
 * the layout.
 *
 * Returns: (transfer full) (element-type CostChartEntry): the entries, in
 *   the dataset's order, "Other" last
 */
GArray *
_cost_chart_group_entries (CostChartContext *ctx,
                           int               group,
                           double            min_share,
                           guint             max_entries)
{
  guint n_series = cost_chart_dataset_get_n_series (ctx->data);
  guint n_groups = cost_chart_dataset_get_n_groups (ctx->data);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (CostChartEntry));
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (guint));
  double sum = 0.0, other_total = 0.0;
  guint kept = 0;

  for (guint s = 0; s < n_series; s++)
    {
      CostChartEntry e = { (int) s, 0.0 };

      for (guint g = 0; g < n_groups; g++)
        {
          if (group < 0 || (guint) group == g)
            e.total += fabs (cost_chart_dataset_get_value (ctx->data, g, s));
        }
      if (e.total > 0.0)
        {
          g_array_append_val (entries, e);
          sum += e.total;
        }
    }

  g_array_sort_with_data (entries, compare_by_total, NULL);

  /* Keep the large ones; the rest go to "Other" unless it would hold one. */
  max_entries = MAX (max_entries, 2);
  for (kept = 0; kept < entries->len; kept++)
    {
      const CostChartEntry *e = &g_array_index (entries, CostChartEntry, kept);

      if (kept + 1 >= max_entries || e->total < sum * min_share)
        break;
    }
  if (entries->len - kept <= 1 && entries->len <= max_entries)
    kept = entries->len;

  for (guint i = kept; i < entries->len; i++)
    {
      guint s = g_array_index (entries, CostChartEntry, i).series;

      g_array_append_val (other, s);
      other_total += g_array_index (entries, CostChartEntry, i).total;
    }

  if (other->len > 0)
    {
      CostChartEntry e = { COST_CHART_OTHER, other_total };

      g_array_set_size (entries, kept);
      g_array_append_val (entries, e);
    }

  g_array_sort (entries, compare_by_series);
  cost_chart_layout_set_other (ctx->layout, (const guint *) other->data, other->len);

  return entries;
}

/**
 * _cost_chart_entry_value:
 *
 * Returns: the value of @entry in @group, the sum of its series for "Other"
 */
double
_cost_chart_entry_value (CostChartContext     *ctx,
                         const CostChartEntry *entry,
                         guint                 group)
{
  const guint *other;
  guint n_other;
  double value = 0.0;

  if (entry->series >= 0)
    return cost_chart_dataset_get_value (ctx->data, group, entry->series);

  other = cost_chart_layout_get_other (ctx->layout, &n_other);
  for (guint i = 0; i < n_other; i++)
    value += cost_chart_dataset_get_value (ctx->data, group, other[i]);

  return value;
}

const char *
_cost_chart_entry_label (CostChartContext     *ctx,
                         const CostChartEntry *entry)
{
  if (entry->series >= 0)
    return cost_chart_dataset_get_series_label (ctx->data, entry->series);

  /* Translators: the slice or segment that gathers the small costs */
  return C_("chart", "Other");
}

/**
 * _cost_chart_draw_legend:
 *
 * Lays the entries out in rows at the top of the area, each a colour swatch
 * and a label, and takes the space from the area. Three rows at most: what
 * does not fit is counted at the end.
 */
void
_cost_chart_draw_legend (CostChartContext           *ctx,
                         const CostChartLegendEntry *entries,
                         guint                       n_entries)
{
  const guint max_rows = 3;
  double size = ctx->small;
  double swatch = round (size * 0.8);
  double gap = size * 0.45;
  double spacing = size * 1.4;
  double max_label = MAX (ctx->area.width * 0.45 - swatch - gap, size * 3);
  double x = ctx->area.x, y = ctx->area.y, row_height = 0.0;
  guint row = 1;

  if (n_entries == 0)
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(PangoLayout) text = _cost_chart_text_new (ctx, entries[i].label, size,
                                                          COST_CHART_TEXT_REGULAR);
      double w, h, entry_width;

      _cost_chart_text_limit (text, max_label, 1);
      _cost_chart_text_get_size (text, &w, &h);
      entry_width = swatch + gap + w;
      row_height = MAX (row_height, h);

      if (x > ctx->area.x && x + entry_width > ctx->area.x + ctx->area.width)
        {
          if (row == max_rows)
            {
              guint more = n_entries - i;
              g_autofree char *rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                                    "and %u more", more), more);
              g_autoptr(PangoLayout) label = _cost_chart_text_new (ctx, rest, size, COST_CHART_TEXT_REGULAR);

              _cost_chart_text_get_size (label, &w, NULL);
              if (x + w <= ctx->area.x + ctx->area.width)
                _cost_chart_text_show (ctx, label, x, y, 0.0, 0.0, &ctx->muted);
              break;
            }
          x = ctx->area.x;
          y += row_height * 1.25;
          row++;
        }

      _cost_chart_rounded_rect (ctx->cr, x, y + (h - swatch) / 2, swatch, swatch, swatch * 0.25);
      cairo_set_source_rgb (ctx->cr, entries[i].color.red, entries[i].color.green,
                            entries[i].color.blue);
      cairo_fill (ctx->cr);
      _cost_chart_text_show (ctx, text, x + swatch + gap, y, 0.0, 0.0, &ctx->fg);

      x += entry_width + spacing;
    }

  y += row_height + ctx->pad * 0.8;
  ctx->area.height -= y - ctx->area.y;
  ctx->area.y = y;
}

/**
 * _cost_chart_draw_empty:
 *
 * Says that there is nothing to show, in the middle of the area.
 */
void
_cost_chart_draw_empty (CostChartContext *ctx)
{
  g_autoptr(PangoLayout) text = _cost_chart_text_new (ctx, _("No costs yet"), ctx->body * 1.2,
                                                      COST_CHART_TEXT_REGULAR);

  _cost_chart_text_limit (text, ctx->area.width, 2);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  _cost_chart_text_show (ctx, text, ctx->area.x + ctx->area.width / 2,
                         ctx->area.y + ctx->area.height / 2, 0.5, 0.5, &ctx->muted);
}
