/* cost-chart-private.h
 *
 * What the renderers share: the drawing context, text, colours, legends,
 * axes and the grouping of small values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "cost-chart.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *font;
  PangoAttrList        *attrs;
  CostChartDataset     *data;
  const CostChartStyle *style;
  CostChartLayout      *layout;
  CostChartRect         area;        /* what is left to draw in */
  double                device_scale[2];
  double                device_offset[2];
  double                body;        /* type sizes in pixels */
  double                small;
  double                pad;         /* margin */
  double                hairline;
  CostChartColor        bg;
  CostChartColor        fg;
  CostChartColor        muted;
  CostChartColor        grid;
} CostChartContext;

/* One slice or segment: a series, or the small ones grouped. */
typedef struct
{
  int    series;         /* or COST_CHART_OTHER */
  double total;          /* over the groups considered */
} CostChartEntry;

typedef struct
{
  const char     *label;
  CostChartColor  color;
} CostChartLegendEntry;

/* A value axis: nice ticks from lo to hi, mapped to pixels from..to. */
typedef struct
{
  double lo;
  double hi;
  double step;
  guint  n;              /* intervals between lo and hi */
  double from;
  double to;
  gboolean fraction;     /* labels in percent rather than in the dataset's unit */
} CostChartAxis;

/* Labels along a band of bars: wrapped when there are few, one in stride
 * shown when there are many. */
typedef struct
{
  GPtrArray *labels;     /* PangoLayout */
  double     height;
  guint      stride;
  double     left;       /* the band's extent across the page */
  double     right;
} CostChartBandLabels;

typedef enum
{
  COST_CHART_TEXT_REGULAR,
  COST_CHART_TEXT_BOLD,
} CostChartTextWeight;

/* The drawing context */
gboolean     _cost_chart_prepare         (const CostChartRect     *area,
                                          const CostChartStyle   **style,
                                          CostChartStyle          *default_style,
                                          CostChartLayout        **layout,
                                          CostChartLayout        **own_layout);
void         _cost_chart_mix             (const CostChartColor    *a,
                                          const CostChartColor    *b,
                                          double                   k,
                                          CostChartColor          *out);
void         _cost_chart_context_init    (CostChartContext        *ctx,
                                          cairo_t                 *cr,
                                          const CostChartRect     *area,
                                          CostChartDataset        *dataset,
                                          const CostChartStyle    *style,
                                          CostChartLayout         *layout);
void         _cost_chart_context_clear   (CostChartContext        *ctx);

/* Text */
PangoLayout *_cost_chart_text_new        (CostChartContext        *ctx,
                                          const char              *text,
                                          double                   size,
                                          CostChartTextWeight      weight);
PangoLayout *_cost_chart_text_new_pair   (CostChartContext        *ctx,
                                          const char              *first,
                                          const char              *second,
                                          double                   size);
void         _cost_chart_text_get_size   (PangoLayout             *layout,
                                          double                  *width,
                                          double                  *height);
void         _cost_chart_text_show       (CostChartContext        *ctx,
                                          PangoLayout             *layout,
                                          double                   x,
                                          double                   y,
                                          double                   xalign,
                                          double                   yalign,
                                          const CostChartColor    *color);
void         _cost_chart_text_limit      (PangoLayout             *layout,
                                          double                   width,
                                          int                      max_lines);

/* Numbers */
char        *_cost_chart_format_compact  (CostChartContext        *ctx,
                                          double                   value);
char        *_cost_chart_format_signed   (CostChartContext        *ctx,
                                          double                   value);
guint        _cost_chart_nice_ticks      (double                   min,
                                          double                   max,
                                          guint                    target,
                                          double                  *lo,
                                          double                  *hi,
                                          double                  *step);

/* Colours and geometry */
void         _cost_chart_series_color    (CostChartContext        *ctx,
                                          int                      series,
                                          CostChartColor          *color);
void         _cost_chart_effective_color (CostChartContext      *ctx,
                                          const CostChartColor    *color,
                                          gboolean                 dimmed,
                                          CostChartColor          *out);
void         _cost_chart_set_source      (CostChartContext        *ctx,
                                          const CostChartColor    *color,
                                          gboolean                 dimmed);
gboolean     _cost_chart_is_dimmed       (CostChartContext        *ctx,
                                          int                      series,
                                          int                      group);
void         _cost_chart_text_color_on   (const CostChartColor    *fill,
                                          CostChartColor          *text);
double       _cost_chart_snap_x          (CostChartContext        *ctx,
                                          double                   x);
double       _cost_chart_snap_y          (CostChartContext        *ctx,
                                          double                   y);
void         _cost_chart_rounded_rect    (cairo_t                 *cr,
                                          double                   x,
                                          double                   y,
                                          double                   width,
                                          double                   height,
                                          double                   radius);

/* Axes */
void         _cost_chart_axis_init       (CostChartAxis           *axis,
                                          double                   min,
                                          double                   max,
                                          double                   length,
                                          double                   spacing);
void         _cost_chart_axis_fit_across (CostChartContext      *ctx,
                                          CostChartAxis           *axis,
                                          double                   min,
                                          double                   max,
                                          CostChartRect           *plot);
double       _cost_chart_axis_map        (const CostChartAxis     *axis,
                                          double                   value);
double       _cost_chart_axis_label_width (CostChartContext       *ctx,
                                          const CostChartAxis     *axis);
void         _cost_chart_axis_draw       (CostChartContext        *ctx,
                                          const CostChartAxis     *axis,
                                          const CostChartRect     *plot,
                                          gboolean                 vertical);
void         _cost_chart_band_labels_init (CostChartContext     *ctx,
                                          CostChartBandLabels     *labels,
                                          const char * const      *texts,
                                          guint                    n_texts,
                                          double                   left,
                                          double                   right);
void         _cost_chart_band_labels_init_short (CostChartContext *ctx,
                                          CostChartBandLabels     *labels,
                                          const char * const      *texts,
                                          guint                    n_texts,
                                          double                   left,
                                          double                   right);
void         _cost_chart_band_labels_show (CostChartContext     *ctx,
                                          CostChartBandLabels     *labels,
                                          guint                    index,
                                          double                   x,
                                          double                   y);
void         _cost_chart_band_labels_clear (CostChartBandLabels   *labels);

/* Layout pieces */
GArray      *_cost_chart_group_entries   (CostChartContext        *ctx,
                                          int                      group,
                                          double                   min_share,
                                          guint                    max_entries);
double       _cost_chart_entry_value     (CostChartContext        *ctx,
                                          const CostChartEntry    *entry,
                                          guint                    group);
const char  *_cost_chart_entry_label     (CostChartContext        *ctx,
                                          const CostChartEntry    *entry);
void         _cost_chart_draw_legend     (CostChartContext        *ctx,
                                          const CostChartLegendEntry *entries,
                                          guint                    n_entries);
void         _cost_chart_draw_empty      (CostChartContext        *ctx);

/* Renderers */
void         _cost_chart_draw_pie        (CostChartContext        *ctx,
                                          gboolean                 donut);
void         _cost_chart_draw_stacked    (CostChartContext        *ctx,
                                          gboolean                 horizontal);
void         _cost_chart_draw_ranked     (CostChartContext        *ctx);
void         _cost_chart_draw_waterfall  (CostChartContext        *ctx);
void         _cost_chart_draw_tornado    (CostChartContext        *ctx);
void         _cost_chart_draw_histogram  (CostChartContext        *ctx);
void         _cost_chart_draw_s_curve    (CostChartContext        *ctx);
void         _cost_chart_draw_fan        (CostChartContext        *ctx);
void         _cost_chart_fan_colors      (CostChartContext        *ctx,
                                          CostChartColor          *line,
                                          CostChartColor          *inner,
                                          CostChartColor          *outer);
void         _cost_chart_draw_burn_up    (CostChartContext        *ctx);
void         _cost_chart_burn_up_colors  (CostChartContext        *ctx,
                                          CostChartColor          *actual,
                                          CostChartColor          *forecast,
                                          CostChartColor          *plan,
                                          CostChartColor          *budget);

G_END_DECLS
