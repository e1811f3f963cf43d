/* cost-chart-style.h
 *
 * How a chart is drawn: light or dark, type, size, and what is highlighted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The series index of the slice or segment that gathers the small ones. */
#define COST_CHART_OTHER (-2)
/* No series or group. */
#define COST_CHART_NONE  (-1)

typedef struct
{
  double red;
  double green;
  double blue;
} CostChartColor;

typedef struct
{
  gboolean    dark;
  const char *font_family;       /* NULL: "Sans" */
  double      font_size;         /* body text in pixels; 0: from the rectangle */
  double      scale;             /* multiplies type, lines and margins */
  gboolean    show_title;        /* draw the dataset's title at the top */
  const char *caption;           /* NULL, or a line under the chart: what it is of
                                  * (exports say the project and the scenario) */
  gboolean    fill_background;
  int         highlight_series;  /* a series index, COST_CHART_OTHER or COST_CHART_NONE */
  int         highlight_group;   /* a group index or COST_CHART_NONE for all groups */
} CostChartStyle;

void     cost_chart_style_init             (CostChartStyle        *style,
                                            gboolean               dark);
void     cost_chart_style_get_background   (const CostChartStyle  *style,
                                            CostChartColor        *color);
void     cost_chart_style_get_foreground   (const CostChartStyle  *style,
                                            CostChartColor        *color);
void     cost_chart_palette_get_color      (guint                  index,
                                            CostChartColor        *color);
void     cost_chart_palette_get_other      (gboolean               dark,
                                            CostChartColor        *color);
double   cost_chart_color_get_luminance    (const CostChartColor  *color);
double   cost_chart_color_get_contrast     (const CostChartColor  *a,
                                            const CostChartColor  *b);

G_END_DECLS
