/* cost-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cost-chart.h"
#include "cost-export.h"

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
const char       *cost_chart_view_get_caption    (CostChartView    *self);
void              cost_chart_view_set_caption    (CostChartView    *self,
                                                  const char       *caption);
gboolean          cost_chart_view_export         (CostChartView    *self,
                                                  GFile            *file,
                                                  const CostExportOptions *options,
                                                  GError          **error);
gboolean          cost_chart_view_copy           (CostChartView    *self,
                                                  GError          **error);

G_END_DECLS
