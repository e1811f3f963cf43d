/* test-uncertainty.c: ranges, the sampler and its statistics
 *
 * The statistical tests use fixed seeds and compare with closed forms
 * within a few standard errors of independent sampling; Latin hypercube
 * samples are closer than that, so a failure means a wrong formula, not
 * bad luck.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-range.h"
#include "cost-sampler.h"
#include "cost-types.h"

#define SEED 20261126

static CostRange
make_range (CostRangeShape shape,
            double         low,
            double         mode,
            double         high)
{
  return (CostRange) { shape, low, mode, high, 0 };
}

/* outputs[0] = the sum of the first GPOINTER_TO_UINT (data) inputs. */
static void
sum_func (const double *inputs,
          double       *outputs,
          gpointer      data)
{
  guint n = GPOINTER_TO_UINT (data);
  double sum = 0;

  for (guint k = 0; k < n; k++)
    sum += inputs[k];
  outputs[0] = sum;
}

/* A one-input project: 100 units at the price of input 0. */
static void
hundred_func (const double *inputs,
              double       *outputs,
              gpointer      data)
{
  outputs[0] = 100 * inputs[0];
}

static CostSampler *
run_sum (guint            n_samples,
         guint64          seed,
         const CostRange *ranges,
         guint            n_ranges,
         guint            n_threads)
{
  g_autoptr(GError) error = NULL;
  CostSampler *sampler = cost_sampler_new (n_samples, seed);

  for (guint k = 0; k < n_ranges; k++)
    g_assert_cmpuint (cost_sampler_add_input (sampler, &ranges[k]), ==, k);
  g_assert_true (cost_sampler_run (sampler, 1, n_threads, sum_func, GUINT_TO_POINTER (n_ranges),
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return sampler;
}

static void
test_normal (void)
{
  /* Φ⁻¹ to full precision, from tables of the normal distribution. */
  struct { double p, z; } known[] = {
    { 0.5, 0 },
    { 0.8413447460685429, 1 },
    { 0.95, 1.6448536269514722 },
    { 0.975, 1.959963984540054 },
    { 0.999, 3.090232306167813 },
    { 0.01, -2.326347874040841 },
    { 1e-10, -6.361340902404056 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_assert_cmpfloat_with_epsilon (cost_normal_quantile (known[i].p), known[i].z, 1e-12);
      g_assert_cmpfloat_with_epsilon (cost_normal_cdf (known[i].z), known[i].p, 1e-15);
    }

  /* Above the median Φ(z) itself loses digits near 1: up to z = 4 only. */
  for (double z = -8; z <= 4; z += 0.25)
    g_assert_cmpfloat_with_epsilon (cost_normal_quantile (cost_normal_cdf (z)), z,
                                    z <= 3 ? 1e-12 : 1e-10);
}

/* The CDF of Beta(2, 3), 12·x·(1 − x)² integrated. */
static double
beta23_cdf (double x)
{
  return x * x * (6 - 8 * x + 3 * x * x);
}

/* The inverse of a monotonic function by bisection, independent of the
 * Newton iteration under test. */
static double
bisect (double (*cdf) (double, gpointer),
        gpointer data,
        double   p)
{
  double lo = 0, hi = 1;

  for (int i = 0; i < 200 && hi - lo > 1e-16; i++)
    {
      double mid = (lo + hi) / 2;

      if (cdf (mid, data) < p)
        lo = mid;
      else
        hi = mid;
    }

  return (lo + hi) / 2;
}

static double
beta23_cdf_cb (double   x,
               gpointer data)
{
  return beta23_cdf (x);
}

/* The CDF of Beta(2.6, 3.4) (a PERT with its mode at 40% of the range)
 * by Simpson's rule over a fine grid, normalised by the same integral
 * over [0, 1]. */
#define SIMPSON_STEPS 20000

static double
pert_density (double x)
{
  return pow (x, 1.6) * pow (1 - x, 2.4);
}

static double
simpson (double x)
{
  double h = x / SIMPSON_STEPS, sum = pert_density (0) + pert_density (x);

  for (int i = 1; i < SIMPSON_STEPS; i++)
    sum += (i % 2 ? 4 : 2) * pert_density (i * h);

  return sum * h / 3;
}

static void
test_beta (void)
{
  double total = simpson (1);

  for (double p = 0.01; p < 1; p += 0.07)
    {
      double x = bisect (beta23_cdf_cb, NULL, p);

      g_assert_cmpfloat_with_epsilon (cost_beta_quantile (p, 2, 3), x, 1e-12);
      g_assert_cmpfloat_with_epsilon (cost_beta_cdf (x, 2, 3), p, 1e-13);
    }
  /* Known values: the median of Beta(2, 3) and the quartile of Beta(1, 5). */
  g_assert_cmpfloat_with_epsilon (cost_beta_quantile (0.5, 2, 3), 0.3857275681323895, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_beta_quantile (0.25, 1, 5), 1 - pow (0.75, 0.2), 1e-14);

  for (double x = 0.05; x < 1; x += 0.1)
    {
      double p = simpson (x) / total;

      /* Simpson's error on x^1.6 near 0 is about 1e-10. */
      g_assert_cmpfloat_with_epsilon (cost_beta_cdf (x, 2.6, 3.4), p, 1e-9);
      g_assert_cmpfloat_with_epsilon (cost_beta_quantile (p, 2.6, 3.4), x, 1e-8);
    }

  /* Tails and shapes below 1 still converge. */
  for (double p = 1e-9; p < 1; p *= 10)
    {
      g_assert_cmpfloat_with_epsilon (cost_beta_cdf (cost_beta_quantile (p, 0.5, 0.7), 0.5, 0.7), p, 1e-12);
      g_assert_cmpfloat_with_epsilon (cost_beta_cdf (cost_beta_quantile (p, 5, 1.5), 5, 1.5), p, 1e-12);
    }
}

static void
test_quantile (void)
{
  CostRange uniform = make_range (COST_RANGE_UNIFORM, 10, 0, 30);
  CostRange tri = make_range (COST_RANGE_TRIANGULAR, 0, 2, 10);
  CostRange pert_sym = make_range (COST_RANGE_PERT, 100, 150, 200);
  CostRange pert = make_range (COST_RANGE_PERT, 100, 140, 200);
  CostRange logn = make_range (COST_RANGE_LOGNORMAL, 50, 0, 200);
  CostRange fixed = make_range (COST_RANGE_NONE, 0, 42, 0);
  const CostRange *all[] = { &uniform, &tri, &pert_sym, &pert, &logn };

  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&uniform, 0.25), 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&uniform, 0.9), 28, 1e-12);

  /* Triangular (0, 2, 10): F(2) = 0.2; below it x = √(u·10·2), above
   * x = 10 − √((1 − u)·10·8). */
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&tri, 0.2), 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&tri, 0.05), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&tri, 0.5), 10 - sqrt (40), 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&tri, 0.95), 10 - sqrt (4), 1e-12);

  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&pert_sym, 0.5), 150, 1e-9);
  /* PERT (100, 140, 200) is 100 + 100·Beta(2.6, 3.4). */
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&pert, 0.3),
                                  100 + 100 * cost_beta_quantile (0.3, 2.6, 3.4), 1e-9);
  g_assert_cmpfloat_with_epsilon (cost_range_mean (&pert), (100 + 4 * 140 + 200) / 6.0, 1e-9);

  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&logn, 0.05), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&logn, 0.95), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (cost_range_quantile (&logn, 0.5), 100, 1e-9);

  g_assert_cmpfloat (cost_range_quantile (&fixed, 0.3), ==, 42);
  g_assert_cmpfloat (cost_range_mean (&fixed), ==, 42);
  g_assert_cmpfloat (cost_range_variance (&fixed), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (double u = 0.001; u < 1; u += 0.0497)
      g_assert_cmpfloat_with_epsilon (cost_range_cdf (all[i], cost_range_quantile (all[i], u)), u, 1e-10);
}

/* Sample mean and variance of 100,000 samples against the closed forms.
 * For independent samples the standard error of the mean is σ/√N, and
 * that of the variance σ²·√((κ − 1)/N) with a kurtosis κ ≤ 3 for these
 * shapes: both are held to 4 standard errors. */
static void
check_moments (const CostRange *range)
{
  const guint n = 100000;
  g_autoptr(CostSampler) sampler = run_sum (n, SEED, range, 1, 2);
  const double *x = cost_sampler_get_input_samples (sampler, 0);
  double mean = cost_range_mean (range), var = cost_range_variance (range);

  g_assert_cmpfloat_with_epsilon (cost_stats_mean (x, n), mean, 4 * sqrt (var / n));
  g_assert_cmpfloat_with_epsilon (cost_stats_variance (x, n), var, 4 * var * sqrt (2.0 / n));
}

static void
test_moments (void)
{
  CostRange tri = make_range (COST_RANGE_TRIANGULAR, 1000, 1500, 4000);
  CostRange pert = make_range (COST_RANGE_PERT, 1000, 1500, 4000);
  CostRange pert_low = make_range (COST_RANGE_PERT, 0, 0, 10);

  /* The closed forms themselves: (a + m + b)/3, (a + 4m + b)/6, and the
   * PERT variance of Beta(α, β) scaled: α = 5/3, β = 13/3 here. */
  g_assert_cmpfloat_with_epsilon (cost_range_mean (&tri), 6500 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cost_range_variance (&tri),
                                  (1000.0 * 1000 + 4000.0 * 4000 + 1500.0 * 1500 -
                                   1000.0 * 4000 - 1000.0 * 1500 - 4000.0 * 1500) / 18, 1e-6);
  g_assert_cmpfloat_with_epsilon (cost_range_mean (&pert), 11000 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cost_range_variance (&pert),
                                  3000.0 * 3000 * (5.0 / 3) * (13.0 / 3) / (36 * 7), 1e-6);

  check_moments (&tri);
  check_moments (&pert);
  check_moments (&pert_low);
}

static void
test_lognormal (void)
{
  const guint n = 20000;
  CostRange logn = make_range (COST_RANGE_LOGNORMAL, 80, 0, 500);
  g_autoptr(CostSampler) sampler = run_sum (n, SEED, &logn, 1, 2);
  g_autofree double *sorted = cost_stats_sorted_copy (cost_sampler_get_input_samples (sampler, 0), n);
  double p5 = cost_stats_percentile (sorted, n, 0.05);
  double p95 = cost_stats_percentile (sorted, n, 0.95);

  g_assert_cmpfloat (fabs (p5 - 80), <=, 3 * cost_stats_percentile_stderr (sorted, n, 0.05));
  g_assert_cmpfloat (fabs (p95 - 500), <=, 3 * cost_stats_percentile_stderr (sorted, n, 0.95));
  g_assert_cmpfloat (sorted[0], >, 0);

  g_assert_cmpfloat_with_epsilon (cost_stats_mean (sorted, n), cost_range_mean (&logn),
                                  4 * sqrt (cost_range_variance (&logn) / n));
}

/* A one-input project whose cost is 100 × the price. */
static void
test_single_input (void)
{
  const guint n = 10000;
  CostRange price = make_range (COST_RANGE_PERT, 2, 3, 7);
  g_autoptr(CostSampler) sampler = cost_sampler_new (n, SEED);
  g_autoptr(GError) error = NULL;
  g_autofree double *sorted = NULL;
  double edges[21];
  guint counts[20], total = 0;
  const double *out;
  double budget = 100 * cost_range_quantile (&price, 0.8);

  cost_sampler_add_input (sampler, &price);
  g_assert_true (cost_sampler_run (sampler, 1, 1, hundred_func, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = cost_sampler_get_output_samples (sampler, 0);
  sorted = cost_stats_sorted_copy (out, n);

  for (double p = 0.1; p < 0.95; p += 0.1)
    {
      double expected = 100 * cost_range_quantile (&price, p);
      double se = cost_stats_percentile_stderr (sorted, n, p);

      g_assert_cmpfloat (se, >, 0);
      g_assert_cmpfloat (fabs (cost_stats_percentile (sorted, n, p) - expected), <=, 3 * se);
    }

  /* The S-curve: P(cost ≤ P80 of the price × 100) is 0.8, give or take
   * a binomial standard error, and P(over budget) the rest. */
  g_assert_cmpfloat_with_epsilon (cost_stats_fraction_at_or_below (sorted, n, budget), 0.8,
                                  3 * sqrt (0.8 * 0.2 / n));
  g_assert_cmpfloat_with_epsilon (cost_stats_fraction_above (sorted, n, budget), 0.2,
                                  3 * sqrt (0.8 * 0.2 / n));
  g_assert_cmpfloat (cost_stats_fraction_at_or_below (sorted, n, 199), ==, 0);
  g_assert_cmpfloat (cost_stats_fraction_above (sorted, n, 701), ==, 0);

  cost_stats_histogram (out, n, 20, edges, counts);
  g_assert_cmpfloat (edges[0], ==, sorted[0]);
  g_assert_cmpfloat (edges[20], ==, sorted[n - 1]);
  for (guint b = 0; b < 20; b++)
    {
      double expected = n * (cost_range_cdf (&price, edges[b + 1] / 100) -
                             cost_range_cdf (&price, edges[b] / 100));

      total += counts[b];
      g_assert_cmpfloat (edges[b], <, edges[b + 1]);
      /* A bin holds Binomial(n, q) samples: 4 standard errors, and 2 for
       * the edges at the extreme samples. */
      g_assert_cmpfloat (fabs (counts[b] - expected), <=, 4 * sqrt (expected) + 2);
    }
  g_assert_cmpuint (total, ==, n);
}

/* Statistics of small vectors against numpy's figures. */
static void
test_stats (void)
{
  const double four[] = { 1, 2, 3, 4 };
  const double five[] = { 4, 0, 3, 1, 2 };
  const double tied[] = { 1, 2, 2, 3 }, other[] = { 10, 20, 30, 40 };
  double edges[3];
  guint counts[2];

  g_assert_cmpfloat_with_epsilon (cost_stats_percentile (four, 4, 0.5), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_stats_percentile (four, 4, 0.9), 3.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (cost_stats_percentile (four, 4, 0.1), 1.3, 1e-12);
  g_assert_cmpfloat (cost_stats_percentile (four, 4, 0), ==, 1);
  g_assert_cmpfloat (cost_stats_percentile (four, 4, 1), ==, 4);
  g_assert_cmpfloat_with_epsilon (cost_stats_mean (four, 4), 2.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (cost_stats_variance (four, 4), 5.0 / 3, 1e-15);

  /* numpy.histogram ([4, 0, 3, 1, 2], 2): edges 0, 2, 4, counts 2, 3. */
  cost_stats_histogram (five, 5, 2, edges, counts);
  g_assert_cmpfloat (edges[0], ==, 0);
  g_assert_cmpfloat (edges[1], ==, 2);
  g_assert_cmpfloat (edges[2], ==, 4);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 3);

  g_assert_cmpfloat (cost_stats_fraction_at_or_below (four, 4, 2), ==, 0.5);
  g_assert_cmpfloat (cost_stats_fraction_at_or_below (four, 4, 0.5), ==, 0);
  g_assert_cmpfloat (cost_stats_fraction_above (four, 4, 3.5), ==, 0.25);

  /* scipy.stats.spearmanr ([1, 2, 2, 3], [10, 20, 30, 40]) = 0.9486833 */
  g_assert_cmpfloat_with_epsilon (cost_stats_spearman (tied, other, 4), 0.9486832980505138, 1e-12);
}

/* The order-statistic standard error of a percentile against the
 * asymptotic √(p(1 − p)/N)/f(x_p) with the exact density; within 5%. */
static void
test_percentile_stderr (void)
{
  const guint n = 100000;
  CostRange uniform = make_range (COST_RANGE_UNIFORM, 0, 0, 1);
  CostRange logn = make_range (COST_RANGE_LOGNORMAL, 10, 0, 1000);
  g_autoptr(CostSampler) su = run_sum (n, SEED, &uniform, 1, 2);
  g_autoptr(CostSampler) sl = run_sum (n, SEED, &logn, 1, 2);
  g_autofree double *u = cost_stats_sorted_copy (cost_sampler_get_input_samples (su, 0), n);
  g_autofree double *l = cost_stats_sorted_copy (cost_sampler_get_input_samples (sl, 0), n);
  double sigma = log (1000.0 / 10) / (2 * COST_RANGE_LOGNORMAL_Z);

  for (double p = 0.1; p < 0.95; p += 0.2)
    {
      double expected = sqrt (p * (1 - p) / n);
      double z = cost_normal_quantile (p);
      double x = 100 * exp (sigma * z);
      double density = exp (-z * z / 2) / sqrt (2 * G_PI) / (sigma * x);

      g_assert_cmpfloat_with_epsilon (cost_stats_percentile_stderr (u, n, p), expected, 0.05 * expected);
      expected /= density;
      g_assert_cmpfloat_with_epsilon (cost_stats_percentile_stderr (l, n, p), expected, 0.05 * expected);
    }
}

static void
test_sum_variance (void)
{
  const guint n = 20000;
  CostRange ranges[] = {
    make_range (COST_RANGE_UNIFORM, 100, 0, 300),
    make_range (COST_RANGE_TRIANGULAR, 50, 60, 200),
    make_range (COST_RANGE_PERT, 500, 800, 900),
    make_range (COST_RANGE_LOGNORMAL, 20, 0, 80),
  };
  g_autoptr(CostSampler) sampler = run_sum (n, SEED, ranges, G_N_ELEMENTS (ranges), 2);
  const double *sum = cost_sampler_get_output_samples (sampler, 0);
  double var = 0, mean = 0;

  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    {
      var += cost_range_variance (&ranges[k]);
      mean += cost_range_mean (&ranges[k]);
    }

  /* The variance of a variance estimate is about 2σ⁴/N (a sum is close
   * to normal): 5% is 3.5 standard errors at N = 20,000. */
  g_assert_cmpfloat_with_epsilon (cost_stats_variance (sum, n), var, 0.05 * var);
  g_assert_cmpfloat_with_epsilon (cost_stats_mean (sum, n), mean, 4 * sqrt (var / n));
}

static double
p10_p90_width (CostSampler *sampler,
               guint        n)
{
  g_autofree double *sorted = cost_stats_sorted_copy (cost_sampler_get_output_samples (sampler, 0), n);

  return cost_stats_percentile (sorted, n, 0.9) - cost_stats_percentile (sorted, n, 0.1);
}

static void
test_correlation (void)
{
  const guint n = 20000;
  GQuark gpu = g_quark_from_static_string ("gpu-prices");
  CostRange ranges[3];
  g_autoptr(CostSampler) together = cost_sampler_new (n, SEED);
  g_autoptr(CostSampler) apart = cost_sampler_new (n, SEED);
  g_autoptr(CostSampler) some = cost_sampler_new (n, SEED);
  g_autoptr(CostSampler) free_ = NULL;
  double width_together, width_apart, rho;

  for (guint k = 0; k < 3; k++)
    {
      ranges[k] = make_range (COST_RANGE_PERT, 100, 120, 200);
      ranges[k].group = gpu;
      cost_sampler_add_input (together, &ranges[k]);
      cost_sampler_add_input (apart, &ranges[k]);
      cost_sampler_add_input (some, &ranges[k]);
    }
  cost_sampler_set_group_correlation (together, gpu, 1);
  cost_sampler_set_group_correlation (apart, gpu, 0);
  cost_sampler_set_group_correlation (some, gpu, 0.8);
  g_assert_true (cost_sampler_run (together, 1, 2, sum_func, GUINT_TO_POINTER (3), NULL, NULL, NULL, NULL));
  g_assert_true (cost_sampler_run (apart, 1, 2, sum_func, GUINT_TO_POINTER (3), NULL, NULL, NULL, NULL));
  g_assert_true (cost_sampler_run (some, 1, 2, sum_func, GUINT_TO_POINTER (3), NULL, NULL, NULL, NULL));

  /* Three equal inputs: the spread of the sum is 3σ together against
   * √3·σ apart; ask for a clear margin of it. */
  width_together = p10_p90_width (together, n);
  width_apart = p10_p90_width (apart, n);
  g_assert_cmpfloat (width_together, >, 1.5 * width_apart);
  g_assert_cmpfloat (cost_stats_spearman (cost_sampler_get_input_samples (together, 0),
                                          cost_sampler_get_input_samples (together, 1), n), >, 0.9999);

  /* The standard error of Spearman's ρ is about (1 − ρ²)/√N = 0.0025
   * here: 0.015 is 6 of them, and a copula with r = ρ instead of
   * 2·sin(πρ/6) would give 0.786. */
  rho = cost_stats_spearman (cost_sampler_get_input_samples (some, 0),
                             cost_sampler_get_input_samples (some, 2), n);
  g_assert_cmpfloat_with_epsilon (rho, 0.8, 0.01);
  rho = cost_stats_spearman (cost_sampler_get_input_samples (apart, 0),
                             cost_sampler_get_input_samples (apart, 1), n);
  g_assert_cmpfloat_with_epsilon (rho, 0, 4 / sqrt (n));

  /* The same inputs in no group are independent. */
  for (guint k = 0; k < 3; k++)
    ranges[k].group = 0;
  free_ = run_sum (n, SEED, ranges, 3, 2);
  rho = cost_stats_spearman (cost_sampler_get_input_samples (free_, 0),
                             cost_sampler_get_input_samples (free_, 1), n);
  g_assert_cmpfloat_with_epsilon (rho, 0, 4 / sqrt (n));
}

/* Several figures per sample, from inputs of every shape and a group. */
static void
many_func (const double *inputs,
           double       *outputs,
           gpointer      data)
{
  outputs[0] = inputs[0] + inputs[1];
  outputs[1] = inputs[2] * inputs[3];
  outputs[2] = inputs[4] - inputs[0];
}

static CostSampler *
run_many (guint64 seed,
          guint   n_threads)
{
  GQuark group = g_quark_from_static_string ("staff");
  CostRange ranges[] = {
    make_range (COST_RANGE_PERT, 1, 2, 5),
    make_range (COST_RANGE_TRIANGULAR, 10, 11, 20),
    make_range (COST_RANGE_UNIFORM, 0, 0, 1),
    make_range (COST_RANGE_LOGNORMAL, 3, 0, 30),
    make_range (COST_RANGE_PERT, 7, 9, 10),
  };
  CostSampler *sampler = cost_sampler_new (5000, seed);

  ranges[0].group = ranges[4].group = ranges[3].group = group;
  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    cost_sampler_add_input (sampler, &ranges[k]);
  cost_sampler_set_group_correlation (sampler, group, 0.6);
  g_assert_true (cost_sampler_run (sampler, 3, n_threads, many_func, NULL, NULL, NULL, NULL, NULL));

  return sampler;
}

static void
test_threads (void)
{
  g_autoptr(CostSampler) one = run_many (SEED, 1);
  g_autoptr(CostSampler) two = run_many (SEED, 2);
  g_autoptr(CostSampler) eight = run_many (SEED, 8);
  g_autoptr(CostSampler) other = run_many (SEED + 1, 2);
  gsize size = sizeof (double) * 5000;
  guint same = 0;

  for (guint k = 0; k < 5; k++)
    {
      g_assert_cmpmem (cost_sampler_get_input_samples (one, k), size,
                       cost_sampler_get_input_samples (two, k), size);
      g_assert_cmpmem (cost_sampler_get_input_samples (one, k), size,
                       cost_sampler_get_input_samples (eight, k), size);
    }
  for (guint j = 0; j < 3; j++)
    {
      const double *a = cost_sampler_get_output_samples (one, j);
      const double *b = cost_sampler_get_output_samples (other, j);

      g_assert_cmpmem (a, size, cost_sampler_get_output_samples (two, j), size);
      g_assert_cmpmem (a, size, cost_sampler_get_output_samples (eight, j), size);
      for (guint i = 0; i < 5000; i++)
        same += a[i] == b[i];
    }
  g_assert_cmpuint (same, ==, 0);
}

/* Each input has exactly one sample in each of the N strata [i/N, (i+1)/N)
 * of its distribution, found by F(x). */
static void
test_strata (void)
{
  const guint n = 4000;
  CostRange ranges[] = {
    make_range (COST_RANGE_UNIFORM, -5, 0, 5),
    make_range (COST_RANGE_TRIANGULAR, 1, 1, 9),
    make_range (COST_RANGE_PERT, 10, 17, 20),
    make_range (COST_RANGE_LOGNORMAL, 1, 0, 1e6),
  };
  g_autoptr(CostSampler) sampler = run_sum (n, SEED, ranges, G_N_ELEMENTS (ranges), 2);
  g_autofree guint *hits = g_new (guint, n);

  for (guint k = 0; k < G_N_ELEMENTS (ranges); k++)
    {
      const double *x = cost_sampler_get_input_samples (sampler, k);

      memset (hits, 0, sizeof (guint) * n);
      for (guint i = 0; i < n; i++)
        {
          double stratum = floor (cost_range_cdf (&ranges[k], x[i]) * n);

          g_assert_cmpfloat (stratum, >=, 0);
          g_assert_cmpfloat (stratum, <, n);
          hits[(guint) stratum]++;
        }
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (hits[i], ==, 1);
    }
}

typedef struct
{
  GCancellable *cancellable;
  gint          calls;        /* atomic */
} CancelData;

static void
cancel_func (const double *inputs,
             double       *outputs,
             gpointer      data)
{
  CancelData *cd = data;

  outputs[0] = inputs[0];
  if (g_atomic_int_add (&cd->calls, 1) == 1500)
    g_cancellable_cancel (cd->cancellable);
}

static void
record_progress (double   fraction,
                 gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, fraction);
}

static void
test_cancel (void)
{
  const guint n = 50000;
  CostRange range = make_range (COST_RANGE_PERT, 1, 2, 4);
  g_autoptr(CostSampler) sampler = cost_sampler_new (n, SEED);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  CancelData cd = { cancellable, 0 };

  cost_sampler_add_input (sampler, &range);
  g_assert_false (cost_sampler_run (sampler, 1, 2, cancel_func, &cd, cancellable,
                                    record_progress, seen, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Stopped within a chunk of samples per thread of the cancel. */
  g_assert_cmpint (g_atomic_int_get (&cd.calls), <, 1500 + 4 * 256);
  g_assert_null (cost_sampler_get_output_samples (sampler, 0));
  g_assert_null (cost_sampler_get_input_samples (sampler, 0));
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), <, 1);
  g_clear_error (&error);

  /* Already cancelled: nothing is evaluated. */
  cd.calls = 0;
  g_assert_false (cost_sampler_run (sampler, 1, 1, cancel_func, &cd, cancellable,
                                    NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (cd.calls, ==, 0);
  g_clear_error (&error);

  /* Once reset, the run completes, the progress growing up to 1.0. On one
   * thread, so that the calling thread (which reports the progress) takes
   * every item, however the threads are scheduled. */
  g_cancellable_reset (cancellable);
  g_array_set_size (seen, 0);
  cd.calls = -1000000;
  g_assert_true (cost_sampler_run (sampler, 1, 1, cancel_func, &cd, cancellable,
                                   record_progress, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 2);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_assert_cmpint (cd.calls, ==, -1000000 + (int) n);
}

static void
test_contributions (void)
{
  const guint n = 10000;
  CostRange ranges[] = {
    make_range (COST_RANGE_UNIFORM, 0, 0, 10),
    make_range (COST_RANGE_UNIFORM, 0, 0, 100),
    make_range (COST_RANGE_NONE, 0, 5, 0),
  };
  g_autoptr(CostSampler) sampler = run_sum (n, SEED, ranges, G_N_ELEMENTS (ranges), 2);
  double shares[3];

  cost_stats_contributions (sampler, 0, shares);
  /* Variances of 100:1 give squared rank correlations of about 0.99 and
   * 0.01; the fixed input none. */
  g_assert_cmpfloat (shares[1], >, 0.9);
  g_assert_cmpfloat (shares[0], <, 0.05);
  g_assert_cmpfloat (shares[2], ==, 0);
  g_assert_cmpfloat_with_epsilon (shares[0] + shares[1] + shares[2], 1, 1e-12);
}

static void
check_refused (const CostRange *range,
               const char      *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cost_range_check (range, &error));
  g_assert_error (error, COST_ERROR, COST_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_check (void)
{
  CostRange good[] = {
    make_range (COST_RANGE_TRIANGULAR, 1, 1, 1),
    make_range (COST_RANGE_PERT, -5, 0, 5),
    make_range (COST_RANGE_UNIFORM, 0, NAN, 1),
    make_range (COST_RANGE_LOGNORMAL, 0.5, 0, 2),
    make_range (COST_RANGE_NONE, NAN, 3, NAN),
  };
  CostRangeShape shape;
  CostRange bad;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (cost_range_check (&good[i], NULL));

  bad = make_range (COST_RANGE_PERT, 10, 12, 5);
  check_refused (&bad, "The low figure of a range must not be above its high figure");
  bad = make_range (COST_RANGE_UNIFORM, 10, 0, 5);
  check_refused (&bad, "The low figure of a range must not be above its high figure");
  bad = make_range (COST_RANGE_TRIANGULAR, 1, 7, 5);
  check_refused (&bad, "The most likely figure must be between the low and the high figures");
  bad = make_range (COST_RANGE_LOGNORMAL, 0, 0, 5);
  check_refused (&bad, "A lognormal range needs a low figure above zero");
  bad = make_range (COST_RANGE_LOGNORMAL, -1, 0, 5);
  check_refused (&bad, "A lognormal range needs a low figure above zero");
  bad = make_range (COST_RANGE_PERT, 1, NAN, 5);
  check_refused (&bad, "The figures of a range must be numbers");
  bad = make_range (COST_RANGE_UNIFORM, 1, 0, INFINITY);
  check_refused (&bad, "The figures of a range must be numbers");
  bad = make_range (COST_RANGE_NONE, 0, NAN, 0);
  check_refused (&bad, "The figures of a range must be numbers");
  bad = make_range ((CostRangeShape) 17, 0, 1, 2);
  check_refused (&bad, "The kind of range is not known");

  for (CostRangeShape s = COST_RANGE_NONE; s <= COST_RANGE_LOGNORMAL; s++)
    {
      g_assert_true (cost_range_shape_from_string (cost_range_shape_to_string (s), &shape));
      g_assert_cmpint (shape, ==, s);
    }
  g_assert_cmpstr (cost_range_shape_to_string (COST_RANGE_PERT), ==, "pert");
  g_assert_false (cost_range_shape_from_string ("gaussian", &shape));
  g_assert_false (cost_range_shape_from_string (NULL, &shape));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/uncertainty/normal", test_normal);
  g_test_add_func ("/model/uncertainty/beta", test_beta);
  g_test_add_func ("/model/uncertainty/quantile", test_quantile);
  g_test_add_func ("/model/uncertainty/moments", test_moments);
  g_test_add_func ("/model/uncertainty/lognormal", test_lognormal);
  g_test_add_func ("/model/uncertainty/single-input", test_single_input);
  g_test_add_func ("/model/uncertainty/stats", test_stats);
  g_test_add_func ("/model/uncertainty/percentile-stderr", test_percentile_stderr);
  g_test_add_func ("/model/uncertainty/sum-variance", test_sum_variance);
  g_test_add_func ("/model/uncertainty/correlation", test_correlation);
  g_test_add_func ("/model/uncertainty/threads", test_threads);
  g_test_add_func ("/model/uncertainty/strata", test_strata);
  g_test_add_func ("/model/uncertainty/cancel", test_cancel);
  g_test_add_func ("/model/uncertainty/contributions", test_contributions);
  g_test_add_func ("/model/uncertainty/check", test_check);

  return g_test_run ();
}
