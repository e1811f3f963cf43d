/* cost-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-style"

#include "config.h"

#include <math.h>

#include "cost-chart-style.h"

#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Okabe and Ito's colour-blind safe set, without black (unreadable on dark
 * backgrounds), followed by deeper and paler companions of the same hues for
 * charts with many series. Every colour keeps a contrast of at least 1.5:1
 * against both backgrounds, so that slices never vanish into them. */
static const CostChartColor palette[] = {
  RGB (0x0072b2),  /* blue */
  RGB (0xe69f00),  /* orange */
  RGB (0x009e73),  /* bluish green */
  RGB (0xcc79a7),  /* reddish purple */
  RGB (0x56b4e9),  /* sky blue */
  RGB (0xd55e00),  /* vermillion */
  RGB (0xe4d633),  /* yellow, a little deeper than Okabe–Ito's for white paper */
  RGB (0x00507d),
  RGB (0xa66f00),
  RGB (0x006e50),
  RGB (0x9e4f7e),
  RGB (0x2f86b8),
  RGB (0x9c4400),
  RGB (0x8f861d),
};

static const CostChartColor light_background = RGB (0xffffff);
static const CostChartColor dark_background = RGB (0x1e1e1e);
static const CostChartColor light_foreground = RGB (0x1f1f23);
static const CostChartColor dark_foreground = RGB (0xf2f2f2);
static const CostChartColor light_other = RGB (0x9a9996);
static const CostChartColor dark_other = RGB (0x77767b);

/**
 * cost_chart_style_init:
 *
 * Fills @style with the defaults: type sized from the rectangle, scale 1,
 * no title or caption, a filled background, nothing highlighted.
 */
void
cost_chart_style_init (CostChartStyle *style,
                       gboolean        dark)
{
  g_return_if_fail (style != NULL);

  *style = (CostChartStyle) {
    .dark = dark,
    .font_family = NULL,
    .font_size = 0.0,
    .scale = 1.0,
    .show_title = FALSE,
    .caption = NULL,
    .fill_background = TRUE,
    .highlight_series = COST_CHART_NONE,
    .highlight_group = COST_CHART_NONE,
  };
}

void
cost_chart_style_get_background (const CostChartStyle *style,
                                 CostChartColor       *color)
{
  *color = style->dark ? dark_background : light_background;
}

void
cost_chart_style_get_foreground (const CostChartStyle *style,
                                 CostChartColor       *color)
{
  *color = style->dark ? dark_foreground : light_foreground;
}

/**
 * cost_chart_palette_get_color:
 *
 * The colour of the @index-th series that has none of its own. Colours
 * repeat after the palette's length.
 */
void
cost_chart_palette_get_color (guint           index,
                              CostChartColor *color)
{
  *color = palette[index % G_N_ELEMENTS (palette)];
}

/**
 * cost_chart_palette_get_other:
 *
 * The neutral grey of the "Other" slice.
 */
void
cost_chart_palette_get_other (gboolean        dark,
                              CostChartColor *color)
{
  *color = dark ? dark_other : light_other;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * cost_chart_color_get_luminance:
 *
 * Returns: the relative luminance of WCAG 2, 0 (black) to 1 (white)
 */
double
cost_chart_color_get_luminance (const CostChartColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) +
         0.0722 * linear (color->blue);
}

/**
 * cost_chart_color_get_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of @a and @b, 1 to 21
 */
double
cost_chart_color_get_contrast (const CostChartColor *a,
                               const CostChartColor *b)
{
  double la = cost_chart_color_get_luminance (a);
  double lb = cost_chart_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
