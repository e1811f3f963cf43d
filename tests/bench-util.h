/* bench-util.h: shared by the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>

static G_GNUC_UNUSED int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n timings; sorts them. */
static G_GNUC_UNUSED double
bench_median (double *values,
              int     n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);

  return values[n / 2];
}
