/* cost-chart-layout.h
 *
 * What a chart drew where: the slices, segments and bars a pointer or the
 * keyboard can reach, and every piece of text with its box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COST_TYPE_CHART_LAYOUT (cost_chart_layout_get_type ())

typedef struct _CostChartLayout CostChartLayout;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CostChartRect;

/**
 * CostChartHit:
 * @series: the series index, or %COST_CHART_OTHER for the small ones grouped
 * @group: the group index
 * @value: the value drawn (the sum of the grouped ones for "Other")
 */
typedef struct
{
  int    series;
  int    group;
  double value;
} CostChartHit;

GType            cost_chart_layout_get_type         (void) G_GNUC_CONST;
CostChartLayout *cost_chart_layout_new              (void);
CostChartLayout *cost_chart_layout_ref              (CostChartLayout     *self);
void             cost_chart_layout_unref            (CostChartLayout     *self);
void             cost_chart_layout_clear            (CostChartLayout     *self);

void             cost_chart_layout_add_rect         (CostChartLayout     *self,
                                                     const CostChartHit  *hit,
                                                     const CostChartRect *rect);
void             cost_chart_layout_add_sector       (CostChartLayout     *self,
                                                     const CostChartHit  *hit,
                                                     double               cx,
                                                     double               cy,
                                                     double               inner_radius,
                                                     double               outer_radius,
                                                     double               start_angle,
                                                     double               end_angle);
void             cost_chart_layout_add_text         (CostChartLayout     *self,
                                                     const char          *text,
                                                     const CostChartRect *rect);
void             cost_chart_layout_set_other        (CostChartLayout     *self,
                                                     const guint         *series,
                                                     guint                n_series);

guint            cost_chart_layout_get_n_targets    (CostChartLayout     *self);
void             cost_chart_layout_get_target       (CostChartLayout     *self,
                                                     guint                index,
                                                     CostChartHit        *hit,
                                                     CostChartRect       *bounds);
gboolean         cost_chart_layout_lookup           (CostChartLayout     *self,
                                                     double               x,
                                                     double               y,
                                                     guint               *index);
int              cost_chart_layout_find_target      (CostChartLayout     *self,
                                                     int                  series,
                                                     int                  group);
const guint     *cost_chart_layout_get_other        (CostChartLayout     *self,
                                                     guint               *n_series);

guint            cost_chart_layout_get_n_texts      (CostChartLayout     *self);
const char      *cost_chart_layout_get_text         (CostChartLayout     *self,
                                                     guint                index,
                                                     CostChartRect       *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostChartLayout, cost_chart_layout_unref)

G_END_DECLS
