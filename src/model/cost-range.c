/* cost-range.c
 *
 * The range of an uncertain cost input: its shape, its check, and its
 * inverse distribution function F⁻¹(u), which the sampler turns stratified
 * uniforms into figures with. Everything here is a pure function of its
 * arguments and safe to call from several threads at once; that is why
 * the log-gamma function is our own (libm's lgamma() writes the global
 * signgam).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-range"

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-range.h"
#include "cost-types.h"

/* Normal distribution */

double
cost_normal_cdf (double x)
{
  return 0.5 * erfc (-x * G_SQRT2 / 2);
}

/*
 * Φ⁻¹ by Peter J. Acklam's rational approximation (relative error below
 * 1.15e-9), then one step of Halley's method against Φ computed with
 * erfc(), which brings it to full double precision.
 */
double
cost_normal_quantile (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  const double p_low = 0.02425;
  double q, r, x, e, u;

  if (isnan (p))
    return NAN;
  if (p <= 0)
    return -INFINITY;
  if (p >= 1)
    return INFINITY;

  if (p < p_low)
    {
      q = sqrt (-2 * log (p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  else if (p <= 1 - p_low)
    {
      q = p - 0.5;
      r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
          (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
  else
    {
      q = sqrt (-2 * log1p (-p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }

  /* Halley's step on e = Φ(x) − p; above the median written as
   * (1 − p) − (1 − Φ(x)), so that the small tail probability is not
   * lost to the rounding of Φ(x) near 1. */
  if (p <= 0.5)
    e = cost_normal_cdf (x) - p;
  else
    e = (1 - p) - 0.5 * erfc (x * G_SQRT2 / 2);
  u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  x = x - u / (1 + x * u / 2);

  return x;
}

/* Beta distribution */

/* log Γ(x) for x > 0 by Lanczos' approximation (g = 7, 9 terms), good to
 * about 1e-15: libm's lgamma() is not thread-safe. */
static double
log_gamma (double x)
{
  static const double coef[] = { 0.99999999999980993, 676.5203681218851,
                                 -1259.1392167224028, 771.32342877765313,
                                 -176.61502916214059, 12.507343278686905,
                                 -0.13857109526572012, 9.9843695780195716e-6,
                                 1.5056327351493116e-7 };
  double sum, t;

  if (x < 0.5)
    return log_gamma (x + 1) - log (x);

  x -= 1;
  sum = coef[0];
  for (int i = 1; i < 9; i++)
    sum += coef[i] / (x + i);
  t = x + 7.5;

  return 0.5 * log (2 * G_PI) + (x + 0.5) * log (t) - t + log (sum);
}

static double
log_beta (double a,
          double b)
{
  return log_gamma (a) + log_gamma (b) - log_gamma (a + b);
}

/* The continued fraction of I_x(a, b), evaluated by the modified Lentz
 * method; it converges fast for x < (a + 1) / (a + b + 2). */
static double
beta_continued_fraction (double a,
                         double b,
                         double x)
{
  /* Stops once a step changes the fraction by a few ulps. */
  const double tiny = 1e-300, eps = 4 * DBL_EPSILON;
  double c = 1, d = 1 - (a + b) * x / (a + 1), h;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1 / d;
  h = d;

  for (int m = 1; m <= 500; m++)
    {
      double aa, delta;

      aa = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
      d = 1 + aa * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1 / d;
      h *= d * c;

      aa = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 + aa * d;
      if (fabs (d) < tiny)
        d = tiny;
      c = 1 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      d = 1 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1) < eps)
        break;
    }

  return h;
}

static double
beta_cdf_with (double x,
               double a,
               double b,
               double lbeta)
{
  double front;

  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;

  front = exp (a * log (x) + b * log1p (-x) - lbeta);
  if (x < (a + 1) / (a + b + 2))
    return front * beta_continued_fraction (a, b, x) / a;
  else
    return 1 - front * beta_continued_fraction (b, a, 1 - x) / b;
}

/**
 * cost_beta_cdf:
 *
 * Returns: the regularized incomplete beta function I_x(a, b), for a, b > 0
 */
double
cost_beta_cdf (double x,
               double a,
               double b)
{
  g_return_val_if_fail (a > 0 && b > 0, NAN);

  return beta_cdf_with (x, a, b, log_beta (a, b));
}

/**
 * cost_beta_quantile:
 *
 * The inverse of I_x(a, b): Newton's method (with Halley's correction)
 * on the CDF from the starting point of Numerical Recipes (a normal
 * approximation), kept inside a bracket that shrinks at every step and
 * bisected whenever a step would leave it, so it always converges; to a
 * relative 1e-14 in x.
 */
double
cost_beta_quantile (double p,
                    double a,
                    double b)
{
  double lbeta, x, lo = 0, hi = 1;

  g_return_val_if_fail (a > 0 && b > 0, NAN);

  if (isnan (p))
    return NAN;
  if (p <= 0)
    return 0;
  if (p >= 1)
    return 1;

  /* Closed forms: Beta(1, b) and Beta(a, 1), the PERT of a mode at an end. */
  if (a == 1)
    return -expm1 (log1p (-p) / b);
  if (b == 1)
    return pow (p, 1 / a);

  lbeta = log_beta (a, b);

  if (a >= 1 && b >= 1)
    {
      double pp = p < 0.5 ? p : 1 - p;
      double t = sqrt (-2 * log (pp));
      double z, al, h, w;

      z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
      if (p < 0.5)
        z = -z;
      al = (z * z - 3) / 6;
      h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
      w = z * sqrt (al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h));
      x = a / (a + b * exp (2 * w));
    }
  else
    x = a / (a + b);

  if (!(x > 0 && x < 1))
    x = 0.5;

  for (int i = 0; i < 200; i++)
    {
      double f = beta_cdf_with (x, a, b, lbeta) - p;
      double pdf, t, next;

      if (f == 0)
        break;
      if (f < 0)
        lo = x;
      else
        hi = x;

      /* Halley's step (Newton's corrected by the curvature of the CDF,
       * bounded as in Numerical Recipes): two or three of them reach full
       * precision from the starting point. */
      pdf = exp ((a - 1) * log (x) + (b - 1) * log1p (-x) - lbeta);
      t = f / pdf;
      next = x - t / (1 - 0.5 * MIN (1, t * ((a - 1) / x - (b - 1) / (1 - x))));
      if (!(next > lo && next < hi))
        next = (lo + hi) / 2;

      /* Relative: the quantile of a small p can be far below 1e-15. */
      if (fabs (next - x) <= 1e-14 * x || hi - lo <= 1e-14 * hi)
        {
          x = next;
          break;
        }
      x = next;
    }

  return x;
}

/* Ranges */

/* The parameters of a PERT range: Beta(α, β) scaled to [low, high]. */
static void
pert_shape (const CostRange *range,
            double          *alpha,
            double          *beta)
{
  double width = range->high - range->low;

  *alpha = 1 + 4 * (range->mode - range->low) / width;
  *beta = 1 + 4 * (range->high - range->mode) / width;
}

/* μ and σ of the log of a lognormal range. */
static void
lognormal_shape (const CostRange *range,
                 double          *mu,
                 double          *sigma)
{
  *mu = (log (range->low) + log (range->high)) / 2;
  *sigma = (log (range->high) - log (range->low)) / (2 * COST_RANGE_LOGNORMAL_Z);
}

/**
 * cost_range_check:
 *
 * Returns: %FALSE with @error, in words a user understands, when @range
 *   is not one a figure can be drawn from
 */
gboolean
cost_range_check (const CostRange  *range,
                  GError          **error)
{
  gboolean has_mode;

  g_return_val_if_fail (range != NULL, FALSE);

  switch (range->shape)
    {
    case COST_RANGE_NONE:
      if (!isfinite (range->mode))
        {
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("The figures of a range must be numbers"));
          return FALSE;
        }
      return TRUE;
    case COST_RANGE_TRIANGULAR:
    case COST_RANGE_PERT:
      has_mode = TRUE;
      break;
    case COST_RANGE_UNIFORM:
    case COST_RANGE_LOGNORMAL:
      has_mode = FALSE;
      break;
    default:
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The kind of range is not known"));
      return FALSE;
    }

  if (!isfinite (range->low) || !isfinite (range->high) ||
      (has_mode && !isfinite (range->mode)))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The figures of a range must be numbers"));
      return FALSE;
    }

  if (range->low > range->high)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The low figure of a range must not be above its high figure"));
      return FALSE;
    }

  if (has_mode && (range->mode < range->low || range->mode > range->high))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("The most likely figure must be between the low and the high figures"));
      return FALSE;
    }

  if (range->shape == COST_RANGE_LOGNORMAL && range->low <= 0)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("A lognormal range needs a low figure above zero"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cost_range_quantile:
 * @u: a probability in (0, 1)
 *
 * Returns: F⁻¹(@u), the figure that a fraction @u of the range lies below
 */
double
cost_range_quantile (const CostRange *range,
                     double           u)
{
  double width;

  g_return_val_if_fail (range != NULL, NAN);

  width = range->high - range->low;

  switch (range->shape)
    {
    case COST_RANGE_NONE:
      return range->mode;
    case COST_RANGE_UNIFORM:
      return range->low + u * width;
    case COST_RANGE_TRIANGULAR:
      if (width <= 0)
        return range->low;
      if (u * width < range->mode - range->low)
        return range->low + sqrt (u * width * (range->mode - range->low));
      return range->high - sqrt ((1 - u) * width * (range->high - range->mode));
    case COST_RANGE_PERT:
      {
        double alpha, beta;

        if (width <= 0)
          return range->low;
        pert_shape (range, &alpha, &beta);
        return range->low + width * cost_beta_quantile (u, alpha, beta);
      }
    case COST_RANGE_LOGNORMAL:
      {
        double mu, sigma;

        lognormal_shape (range, &mu, &sigma);
        if (sigma <= 0)
          return range->low;
        return exp (mu + sigma * cost_normal_quantile (u));
      }
    default:
      g_return_val_if_reached (NAN);
    }
}

/**
 * cost_range_cdf:
 *
 * Returns: F(@x), the probability of a figure at most @x
 */
double
cost_range_cdf (const CostRange *range,
                double           x)
{
  double width;

  g_return_val_if_fail (range != NULL, NAN);

  width = range->high - range->low;

  switch (range->shape)
    {
    case COST_RANGE_NONE:
      return x >= range->mode ? 1 : 0;
    case COST_RANGE_UNIFORM:
    case COST_RANGE_TRIANGULAR:
    case COST_RANGE_PERT:
      if (x < range->low)
        return 0;
      if (x >= range->high)
        return 1;
      if (range->shape == COST_RANGE_UNIFORM)
        return (x - range->low) / width;
      if (range->shape == COST_RANGE_TRIANGULAR)
        {
          if (x <= range->mode)
            return (x - range->low) * (x - range->low) / (width * (range->mode - range->low));
          return 1 - (range->high - x) * (range->high - x) / (width * (range->high - range->mode));
        }
      else
        {
          double alpha, beta;

          pert_shape (range, &alpha, &beta);
          return cost_beta_cdf ((x - range->low) / width, alpha, beta);
        }
    case COST_RANGE_LOGNORMAL:
      {
        double mu, sigma;

        if (x <= 0)
          return 0;
        lognormal_shape (range, &mu, &sigma);
        if (sigma <= 0)
          return x >= range->low ? 1 : 0;
        return cost_normal_cdf ((log (x) - mu) / sigma);
      }
    default:
      g_return_val_if_reached (NAN);
    }
}

double
cost_range_mean (const CostRange *range)
{
  g_return_val_if_fail (range != NULL, NAN);

  switch (range->shape)
    {
    case COST_RANGE_NONE:
      return range->mode;
    case COST_RANGE_UNIFORM:
      return (range->low + range->high) / 2;
    case COST_RANGE_TRIANGULAR:
      return (range->low + range->mode + range->high) / 3;
    case COST_RANGE_PERT:
      return (range->low + 4 * range->mode + range->high) / 6;
    case COST_RANGE_LOGNORMAL:
      {
        double mu, sigma;

        lognormal_shape (range, &mu, &sigma);
        return exp (mu + sigma * sigma / 2);
      }
    default:
      g_return_val_if_reached (NAN);
    }
}

double
cost_range_variance (const CostRange *range)
{
  double a, b, m, width;

  g_return_val_if_fail (range != NULL, NAN);

  a = range->low;
  b = range->high;
  m = range->mode;
  width = b - a;

  switch (range->shape)
    {
    case COST_RANGE_NONE:
      return 0;
    case COST_RANGE_UNIFORM:
      return width * width / 12;
    case COST_RANGE_TRIANGULAR:
      return (a * a + b * b + m * m - a * b - a * m - b * m) / 18;
    case COST_RANGE_PERT:
      {
        double alpha, beta, s;

        if (width <= 0)
          return 0;
        pert_shape (range, &alpha, &beta);
        s = alpha + beta;
        return width * width * alpha * beta / (s * s * (s + 1));
      }
    case COST_RANGE_LOGNORMAL:
      {
        double mu, sigma;

        lognormal_shape (range, &mu, &sigma);
        return expm1 (sigma * sigma) * exp (2 * mu + sigma * sigma);
      }
    default:
      g_return_val_if_reached (NAN);
    }
}

static const char * const shape_names[] = {
  [COST_RANGE_NONE]       = "none",
  [COST_RANGE_TRIANGULAR] = "triangular",
  [COST_RANGE_PERT]       = "pert",
  [COST_RANGE_UNIFORM]    = "uniform",
  [COST_RANGE_LOGNORMAL]  = "lognormal",
};

const char *
cost_range_shape_to_string (CostRangeShape shape)
{
  g_return_val_if_fail ((guint) shape < G_N_ELEMENTS (shape_names), NULL);

  return shape_names[shape];
}

gboolean
cost_range_shape_from_string (const char     *str,
                              CostRangeShape *shape)
{
  g_return_val_if_fail (shape != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (shape_names); i++)
    if (strcmp (str, shape_names[i]) == 0)
      {
        *shape = (CostRangeShape) i;
        return TRUE;
      }

  return FALSE;
}
