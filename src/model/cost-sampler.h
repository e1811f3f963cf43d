/* cost-sampler.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cost-range.h"

G_BEGIN_DECLS

#define COST_SAMPLER_MIN_SAMPLES      1000
#define COST_SAMPLER_MAX_SAMPLES      100000
#define COST_SAMPLER_DEFAULT_SAMPLES  10000

/* The rank correlation of a group whose correlation was not set. */
#define COST_SAMPLER_DEFAULT_CORRELATION 1.0

typedef struct _CostSampler CostSampler;

/**
 * CostSampleFunc:
 * @inputs: the figure of each input in this sample, by input index
 * @outputs: where to store the figure of each output in this sample
 *
 * Computes the outputs of one sample. It is called from several threads
 * at once when the run has more than one, so it must be re-entrant: it
 * may read @user_data but not change it without its own locking.
 */
typedef void (*CostSampleFunc)     (const double *inputs,
                                    double       *outputs,
                                    gpointer      user_data);

/* Called in the thread that called cost_sampler_run(), with a fraction
 * that only grows and ends at 1.0 when the run completes. */
typedef void (*CostProgressFunc)   (double        fraction,
                                    gpointer      user_data);

CostSampler  *cost_sampler_new                   (guint             n_samples,
                                                  guint64           seed);
void          cost_sampler_free                  (CostSampler      *sampler);

guint         cost_sampler_add_input             (CostSampler      *sampler,
                                                  const CostRange  *range);
void          cost_sampler_set_group_correlation (CostSampler      *sampler,
                                                  GQuark            group,
                                                  double            rho);

guint         cost_sampler_get_n_samples         (CostSampler      *sampler);
guint         cost_sampler_get_n_inputs          (CostSampler      *sampler);
guint         cost_sampler_get_n_outputs         (CostSampler      *sampler);
guint64       cost_sampler_get_seed              (CostSampler      *sampler);
const CostRange *cost_sampler_get_input_range    (CostSampler      *sampler,
                                                  guint             input);

gboolean      cost_sampler_run                   (CostSampler      *sampler,
                                                  guint             n_outputs,
                                                  guint             n_threads,
                                                  CostSampleFunc    func,
                                                  gpointer          user_data,
                                                  GCancellable     *cancellable,
                                                  CostProgressFunc  progress,
                                                  gpointer          progress_data,
                                                  GError          **error);

const double *cost_sampler_get_input_samples     (CostSampler      *sampler,
                                                  guint             input);
const double *cost_sampler_get_output_samples    (CostSampler      *sampler,
                                                  guint             output);

/* Statistics over a vector of samples. */
double        cost_stats_mean                    (const double     *x,
                                                  guint             n);
double        cost_stats_variance                (const double     *x,
                                                  guint             n);
double       *cost_stats_sorted_copy             (const double     *x,
                                                  guint             n);
double        cost_stats_percentile              (const double     *sorted,
                                                  guint             n,
                                                  double            p);
double        cost_stats_percentile_stderr       (const double     *sorted,
                                                  guint             n,
                                                  double            p);
void          cost_stats_histogram               (const double     *x,
                                                  guint             n,
                                                  guint             n_bins,
                                                  double           *edges,
                                                  guint            *counts);
double        cost_stats_fraction_at_or_below    (const double     *sorted,
                                                  guint             n,
                                                  double            value);
double        cost_stats_fraction_above          (const double     *sorted,
                                                  guint             n,
                                                  double            budget);
double        cost_stats_spearman                (const double     *x,
                                                  const double     *y,
                                                  guint             n);
void          cost_stats_contributions           (CostSampler      *sampler,
                                                  guint             output,
                                                  double           *shares);
void          cost_stats_contributions_of        (CostSampler      *sampler,
                                                  const guint      *outputs,
                                                  guint             n_outputs,
                                                  double           *shares);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostSampler, cost_sampler_free)

G_END_DECLS
