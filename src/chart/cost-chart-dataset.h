/* cost-chart-dataset.h
 *
 * The plain data a chart draws: a table of values, one row per group (a bar,
 * a scenario, a month) and one column per series (a category, an item).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COST_TYPE_CHART_DATASET (cost_chart_dataset_get_type ())

typedef struct _CostChartDataset CostChartDataset;

/**
 * CostChartSeriesFlags:
 * @COST_CHART_SERIES_DEFAULT: an ordinary series
 * @COST_CHART_SERIES_TOTAL: in a waterfall, an absolute bar from zero (the
 *   start, the end or a subtotal) rather than a step
 */
typedef enum
{
  COST_CHART_SERIES_DEFAULT = 0,
  COST_CHART_SERIES_TOTAL   = 1 << 0,
} CostChartSeriesFlags;

/**
 * CostChartUnit:
 * @COST_CHART_UNIT_AMOUNT: amounts in the dataset's currency, or plain
 *   numbers when it has none
 * @COST_CHART_UNIT_FRACTION: fractions of one, shown as percentages: the
 *   shares of a contribution to variance
 */
typedef enum
{
  COST_CHART_UNIT_AMOUNT,
  COST_CHART_UNIT_FRACTION,
} CostChartUnit;

GType             cost_chart_dataset_get_type          (void) G_GNUC_CONST;
CostChartDataset *cost_chart_dataset_new               (const char            *title,
                                                        const char            *currency);
CostChartDataset *cost_chart_dataset_ref               (CostChartDataset      *self);
void              cost_chart_dataset_unref             (CostChartDataset      *self);

const char       *cost_chart_dataset_get_title         (CostChartDataset      *self);
const char       *cost_chart_dataset_get_currency      (CostChartDataset      *self);
const char       *cost_chart_dataset_get_total_label   (CostChartDataset      *self);
void              cost_chart_dataset_set_total_label   (CostChartDataset      *self,
                                                        const char            *label);
double            cost_chart_dataset_get_whole         (CostChartDataset      *self,
                                                        guint                  group);
void              cost_chart_dataset_set_whole         (CostChartDataset      *self,
                                                        double                 whole);
double            cost_chart_dataset_get_base          (CostChartDataset      *self);
const char       *cost_chart_dataset_get_base_label    (CostChartDataset      *self);
void              cost_chart_dataset_set_base          (CostChartDataset      *self,
                                                        double                 value,
                                                        const char            *label);
CostChartUnit     cost_chart_dataset_get_unit          (CostChartDataset      *self);
void              cost_chart_dataset_set_unit          (CostChartDataset      *self,
                                                        CostChartUnit          unit);
const char       *cost_chart_dataset_get_note          (CostChartDataset      *self);
void              cost_chart_dataset_set_note          (CostChartDataset      *self,
                                                        const char            *note);

guint             cost_chart_dataset_add_marker        (CostChartDataset      *self,
                                                        const char            *id,
                                                        const char            *label,
                                                        double                 value);
guint             cost_chart_dataset_get_n_markers     (CostChartDataset      *self);
const char       *cost_chart_dataset_get_marker_id     (CostChartDataset      *self,
                                                        guint                  marker);
const char       *cost_chart_dataset_get_marker_label  (CostChartDataset      *self,
                                                        guint                  marker);
double            cost_chart_dataset_get_marker_value  (CostChartDataset      *self,
                                                        guint                  marker);

guint             cost_chart_dataset_add_series        (CostChartDataset      *self,
                                                        const char            *id,
                                                        const char            *label,
                                                        const char            *color);
guint             cost_chart_dataset_get_n_series      (CostChartDataset      *self);
const char       *cost_chart_dataset_get_series_id     (CostChartDataset      *self,
                                                        guint                  series);
const char       *cost_chart_dataset_get_series_label  (CostChartDataset      *self,
                                                        guint                  series);
gboolean          cost_chart_dataset_get_series_color  (CostChartDataset      *self,
                                                        guint                  series,
                                                        double                *rgb);
const char       *cost_chart_dataset_get_series_detail (CostChartDataset      *self,
                                                        guint                  series);
void              cost_chart_dataset_set_series_detail (CostChartDataset      *self,
                                                        guint                  series,
                                                        const char            *detail);
CostChartSeriesFlags
                  cost_chart_dataset_get_series_flags  (CostChartDataset      *self,
                                                        guint                  series);
void              cost_chart_dataset_set_series_flags  (CostChartDataset      *self,
                                                        guint                  series,
                                                        CostChartSeriesFlags   flags);

guint             cost_chart_dataset_add_group         (CostChartDataset      *self,
                                                        const char            *id,
                                                        const char            *label);
guint             cost_chart_dataset_get_n_groups      (CostChartDataset      *self);
const char       *cost_chart_dataset_get_group_id      (CostChartDataset      *self,
                                                        guint                  group);
const char       *cost_chart_dataset_get_group_label   (CostChartDataset      *self,
                                                        guint                  group);

void              cost_chart_dataset_set_value         (CostChartDataset      *self,
                                                        guint                  group,
                                                        guint                  series,
                                                        double                 value);
void              cost_chart_dataset_clear_value       (CostChartDataset      *self,
                                                        guint                  group,
                                                        guint                  series);
double            cost_chart_dataset_get_value         (CostChartDataset      *self,
                                                        guint                  group,
                                                        guint                  series);
guint             cost_chart_dataset_append            (CostChartDataset      *self,
                                                        const char            *id,
                                                        const char            *label,
                                                        const char            *color,
                                                        double                 value);
double            cost_chart_dataset_get_group_total   (CostChartDataset      *self,
                                                        guint                  group);
gboolean          cost_chart_dataset_is_empty          (CostChartDataset      *self);
gboolean          cost_chart_dataset_equal             (CostChartDataset      *a,
                                                        CostChartDataset      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostChartDataset, cost_chart_dataset_unref)

G_END_DECLS
