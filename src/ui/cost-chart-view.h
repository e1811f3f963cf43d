/* cost-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-chart.h"

G_BEGIN_DECLS

#define COST_TYPE_CHART_VIEW (cost_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CostChartView, cost_chart_view, COST, CHART_VIEW, GtkWidget)

GtkWidget        *cost_chart_view_new            (void);
CostChartKind     cost_chart_view_get_kind       (CostChartView    *self);
void              cost_chart_view_set_kind       (CostChartView    *self,
                                                  CostChartKind     kind);
CostChartDataset *cost_chart_view_get_dataset    (CostChartView    *self);
void              cost_chart_view_set_dataset    (CostChartView    *self,
                                                  CostChartDataset *dataset);
gboolean          cost_chart_view_get_show_title (CostChartView    *self);
void              cost_chart_view_set_show_title (CostChartView    *self,
                                                  gboolean          show_title);
double            cost_chart_view_get_text_scale (CostChartView    *self);
void              cost_chart_view_set_text_scale (CostChartView    *self,
                                                  double            text_scale);
CostChartLayout  *cost_chart_view_get_layout     (CostChartView    *self);

G_END_DECLS
