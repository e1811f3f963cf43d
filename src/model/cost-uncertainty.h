/* cost-uncertainty.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-project.h"
#include "cost-range.h"

G_BEGIN_DECLS

/**
 * CostMeasure:
 *
 * The figures of a plan a simulation draws.
 */
typedef enum
{
  COST_MEASURE_RUN_RATE,
  COST_MEASURE_FIRST_YEAR,
  COST_MEASURE_HORIZON_TOTAL,
  COST_N_MEASURES
} CostMeasure;

/* The percentiles of the fan chart, of each month. */
typedef enum
{
  COST_FAN_P10,
  COST_FAN_P25,
  COST_FAN_P50,
  COST_FAN_P75,
  COST_FAN_P90,
  COST_N_FAN
} CostFanLine;

/**
 * CostUncertaintyInput:
 * @path: where the range is, as `items/ID/unit_price`, `categories/ID/factor`,
 *   `workload/daily_active_users` or `models/ID/throughput`
 * @label: the figure in a user's words, "H100 rental — Unit price"
 * @group: the correlation group, "" for none
 * @range: the range as the plan draws it (moved with a scenario's figure)
 * @point: the figure the deterministic plan uses
 * @share: of the variance of each measure, 0..1 (squared rank correlation,
 *   normalised)
 */
typedef struct
{
  char      *path;
  char      *label;
  char      *group;
  CostRange  range;
  double     point;
  double     share[COST_N_MEASURES];
} CostUncertaintyInput;

/**
 * CostMeasureStats:
 * @point: the deterministic figure
 * @budget: the budget it is held against, 0 for none
 * @prob_over_budget: the fraction of samples above @budget, NaN for none
 * @sorted: (array length=n_samples): every sample, in increasing order
 */
typedef struct
{
  double  point;
  double  mean;
  double  p10;
  double  p50;
  double  p80;
  double  p90;
  double  p90_stderr;
  double  budget;
  double  prob_over_budget;
  double *sorted;
} CostMeasureStats;

typedef struct
{
  guint                  n_samples;
  guint64                seed;
  int                    horizon;
  guint                  n_inputs;
  CostUncertaintyInput  *inputs;
  CostMeasureStats       measures[COST_N_MEASURES];
  double                *fan[COST_N_FAN];   /* horizon entries each */
  double                *monthly_point;     /* horizon entries */
  int                    start;             /* the calendar month of month 0, -1 without one */
} CostUncertainty;

typedef struct _CostUncertaintyPlan CostUncertaintyPlan;

#define COST_TYPE_UNCERTAINTY (cost_uncertainty_get_type ())

GType                cost_uncertainty_get_type      (void) G_GNUC_CONST;
CostUncertainty     *cost_uncertainty_ref           (CostUncertainty       *self);
void                 cost_uncertainty_unref         (CostUncertainty       *self);
double               cost_uncertainty_percentile    (const CostUncertainty *self,
                                                     CostMeasure            measure,
                                                     double                 p);
double               cost_uncertainty_contingency   (const CostUncertainty *self,
                                                     CostMeasure            measure);
const char          *cost_measure_get_label         (CostMeasure            measure);
const char          *cost_measure_to_string         (CostMeasure            measure);

guint                cost_uncertainty_count_ranges  (CostProject           *project);

CostUncertaintyPlan *cost_uncertainty_plan_new      (CostProject           *project,
                                                     CostScenario          *scenario,
                                                     guint                  n_samples,
                                                     guint64                seed);
void                 cost_uncertainty_plan_free     (CostUncertaintyPlan   *plan);
guint                cost_uncertainty_plan_get_n_inputs (CostUncertaintyPlan *plan);
CostUncertainty     *cost_uncertainty_plan_run      (CostUncertaintyPlan   *plan,
                                                     guint                  n_threads,
                                                     GCancellable          *cancellable,
                                                     void                 (*progress) (double, gpointer),
                                                     gpointer               progress_data,
                                                     GError               **error);

CostUncertainty     *cost_uncertainty_compute       (CostProject           *project,
                                                     CostScenario          *scenario,
                                                     guint                  n_samples,
                                                     guint64                seed,
                                                     guint                  n_threads,
                                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostUncertainty, cost_uncertainty_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostUncertaintyPlan, cost_uncertainty_plan_free)

G_END_DECLS
