/* chart-test-util.h: pixels and locales for the chart tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <locale.h>
#include <stdlib.h>

#include "cost-chart.h"

/* Draws @kind into a fresh white (or dark) image of @width × @height. */
static inline cairo_surface_t *
chart_test_render (CostChartKind      kind,
                   CostChartDataset  *dataset,
                   int                width,
                   int                height,
                   gboolean           dark,
                   CostChartLayout   *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  CostChartStyle style;

  cost_chart_style_init (&style, dark);
  style.show_title = TRUE;
  cost_chart_draw (cr, &(CostChartRect) { 0, 0, width, height }, kind, dataset, &style, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static inline guint32
chart_test_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static inline guint32
chart_test_rgb (const char *hex)
{
  g_assert_true (hex[0] == '#');

  return (guint32) strtoul (hex + 1, NULL, 16);
}

static inline gboolean
chart_test_near (guint32 a,
                 guint32 b,
                 int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      if (abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
        return FALSE;
    }

  return TRUE;
}

/* How many pixels of @surface are @color, give or take @tolerance per channel. */
static inline guint
chart_test_count (cairo_surface_t *surface,
                  guint32          color,
                  int              tolerance)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      count += chart_test_near (chart_test_pixel (surface, x, y), color, tolerance);

  return count;
}

/* Switches the whole process to @locale; FALSE when it is not installed.
 * (LANGUAGE, which would override it, is unset at the start of main.) */
static inline gboolean
chart_test_set_locale (const char *locale)
{
  return setlocale (LC_ALL, locale) != NULL;
}
