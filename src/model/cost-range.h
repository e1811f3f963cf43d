/* cost-range.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CostRangeShape:
 * @COST_RANGE_NONE: no range: the figure is @mode, always
 * @COST_RANGE_TRIANGULAR: triangular on low / mode / high
 * @COST_RANGE_PERT: PERT (a scaled Beta) on low / mode / high
 * @COST_RANGE_UNIFORM: uniform between low and high (no mode)
 * @COST_RANGE_LOGNORMAL: lognormal whose 5th and 95th percentiles are
 *   low and high, for a figure that is always positive (no mode)
 */
typedef enum
{
  COST_RANGE_NONE,
  COST_RANGE_TRIANGULAR,
  COST_RANGE_PERT,
  COST_RANGE_UNIFORM,
  COST_RANGE_LOGNORMAL,
} CostRangeShape;

/**
 * CostRange:
 * @group: inputs of one group move together (see
 *   cost_sampler_set_group_correlation()); 0 for an independent input
 *
 * The uncertainty of one cost input. @mode is the most likely figure of
 * a three-point range and the figure of a range of no shape; uniform and
 * lognormal ranges ignore it.
 */
typedef struct
{
  CostRangeShape shape;
  double         low;
  double         mode;
  double         high;
  GQuark         group;
} CostRange;

/* The lognormal's low and high are its 5th and 95th percentiles. */
#define COST_RANGE_LOGNORMAL_Z 1.6448536269514722   /* Φ⁻¹(0.95) */

gboolean    cost_range_check             (const CostRange *range,
                                          GError         **error);
double      cost_range_quantile          (const CostRange *range,
                                          double           u);
double      cost_range_cdf               (const CostRange *range,
                                          double           x);
double      cost_range_mean              (const CostRange *range);
double      cost_range_variance          (const CostRange *range);

const char *cost_range_shape_to_string   (CostRangeShape   shape);
gboolean    cost_range_shape_from_string (const char      *str,
                                          CostRangeShape  *shape);

/* The distribution functions the ranges are built on, thread-safe. */
double      cost_normal_cdf              (double x);
double      cost_normal_quantile         (double p);
double      cost_beta_cdf                (double x,
                                          double a,
                                          double b);
double      cost_beta_quantile           (double p,
                                          double a,
                                          double b);

G_END_DECLS
