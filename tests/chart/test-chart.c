/* test-chart.c: the renderers, judged by their pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "cost-chart-private.h"

static const char *category_ids[] = { "compute", "data", "labor", "operations" };
static const char *category_names[] = { "Compute", "Data", "Labor", "Operations" };
static const char *category_colors[] = { "#0072b2", "#e69f00", "#009e73", "#cc79a7" };
static const double reference[] = { 107000, 3000, 175000, 90000 };

/* The reference case's monthly cost by category. */
static CostChartDataset *
categories_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly cost by category", "CNY");

  cost_chart_dataset_set_total_label (dataset, "per month");
  for (guint c = 0; c < G_N_ELEMENTS (reference); c++)
    cost_chart_dataset_append (dataset, category_ids[c], category_names[c], category_colors[c], reference[c]);

  return dataset;
}

/* Baseline and two scenarios of the reference case. */
static CostChartDataset *
scenarios_dataset (void)
{
  static const double values[3][4] = {
    { 107000, 3000, 175000, 90000 },
    { 57000, 3000, 175000, 90000 },
    { 67000, 3000, 175000, 90000 },
  };
  static const char *names[] = { "Baseline", "INT8 quantization", "Reserved GPUs" };
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly run-rate by scenario", "CNY");

  for (guint c = 0; c < 4; c++)
    cost_chart_dataset_add_series (dataset, category_ids[c], category_names[c], category_colors[c]);
  for (guint g = 0; g < 3; g++)
    {
      cost_chart_dataset_add_group (dataset, NULL, names[g]);
      for (guint c = 0; c < 4; c++)
        cost_chart_dataset_set_value (dataset, g, c, values[g][c]);
    }

  return dataset;
}

static CostChartDataset *
waterfall_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("From the baseline to INT8", "CNY");
  guint s;

  s = cost_chart_dataset_append (dataset, NULL, "Baseline", NULL, 375000);
  cost_chart_dataset_set_series_flags (dataset, s, COST_CHART_SERIES_TOTAL);
  cost_chart_dataset_append (dataset, "gpu", "GPUs", NULL, -50000);
  cost_chart_dataset_append (dataset, "storage", "Storage", NULL, 20000);
  s = cost_chart_dataset_append (dataset, NULL, "INT8 quantization", NULL, 345000);
  cost_chart_dataset_set_series_flags (dataset, s, COST_CHART_SERIES_TOTAL);

  return dataset;
}

static CostChartDataset *
tornado_dataset (void)
{
  static const char *names[] = { "Storage price", "GPU price", "Salaries" };
  static const double low[] = { 374000, 355000, 340000 };
  static const double high[] = { 376000, 395000, 410000 };
  CostChartDataset *dataset = cost_chart_dataset_new ("Sensitivity", "CNY");

  cost_chart_dataset_set_base (dataset, 375000, "Baseline");
  cost_chart_dataset_add_group (dataset, "low", "−20%");
  cost_chart_dataset_add_group (dataset, "high", "+20%");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint s = cost_chart_dataset_add_series (dataset, NULL, names[i], NULL);

      cost_chart_dataset_set_value (dataset, 0, s, low[i]);
      cost_chart_dataset_set_value (dataset, 1, s, high[i]);
    }

  return dataset;
}

static void
test_dataset_basics (void)
{
  g_autoptr(CostChartDataset) a = scenarios_dataset ();
  g_autoptr(CostChartDataset) b = scenarios_dataset ();
  g_autoptr(CostChartDataset) c = cost_chart_dataset_new (NULL, NULL);
  double rgb[3];

  g_assert_cmpuint (cost_chart_dataset_get_n_series (a), ==, 4);
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (a), ==, 3);
  g_assert_cmpfloat (cost_chart_dataset_get_group_total (a, 1), ==, 325000);
  g_assert_cmpfloat (cost_chart_dataset_get_whole (a, 0), ==, 375000);
  g_assert_true (cost_chart_dataset_get_series_color (a, 1, rgb));
  g_assert_cmpfloat_with_epsilon (rgb[0], 0xe6 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rgb[2], 0x00 / 255.0, 1e-9);

  g_assert_true (cost_chart_dataset_equal (a, b));
  cost_chart_dataset_set_value (b, 2, 0, 66999);
  g_assert_false (cost_chart_dataset_equal (a, b));

  /* A series added late has 0 in the groups that exist; bad colours fall back. */
  cost_chart_dataset_add_group (c, NULL, "only");
  cost_chart_dataset_add_series (c, "x", "X", "blue");
  g_assert_false (cost_chart_dataset_get_series_color (c, 0, rgb));
  g_assert_cmpfloat (cost_chart_dataset_get_value (c, 0, 0), ==, 0);
  g_assert_true (cost_chart_dataset_is_empty (c));
  cost_chart_dataset_set_value (c, 0, 0, NAN);
  g_assert_cmpfloat (cost_chart_dataset_get_value (c, 0, 0), ==, 0);
  cost_chart_dataset_set_whole (c, 50);
  g_assert_cmpfloat (cost_chart_dataset_get_whole (c, 0), ==, 50);

  /* Markers, the note and the unit are part of what is drawn. */
  cost_chart_dataset_set_value (b, 2, 0, 67000);
  g_assert_true (cost_chart_dataset_equal (a, b));
  cost_chart_dataset_add_marker (a, "budget", "Budget", 400000);
  g_assert_cmpuint (cost_chart_dataset_get_n_markers (a), ==, 1);
  g_assert_cmpstr (cost_chart_dataset_get_marker_id (a, 0), ==, "budget");
  g_assert_cmpstr (cost_chart_dataset_get_marker_label (a, 0), ==, "Budget");
  g_assert_cmpfloat (cost_chart_dataset_get_marker_value (a, 0), ==, 400000);
  g_assert_false (cost_chart_dataset_equal (a, b));
  cost_chart_dataset_add_marker (b, "budget", "Budget", 400000);
  g_assert_true (cost_chart_dataset_equal (a, b));
  cost_chart_dataset_set_note (a, "P(over budget) = 23%");
  g_assert_false (cost_chart_dataset_equal (a, b));
  cost_chart_dataset_set_note (b, "P(over budget) = 23%");
  g_assert_cmpint (cost_chart_dataset_get_unit (b), ==, COST_CHART_UNIT_AMOUNT);
  cost_chart_dataset_set_unit (b, COST_CHART_UNIT_FRACTION);
  g_assert_false (cost_chart_dataset_equal (a, b));
}

static void
test_palette (void)
{
  CostChartStyle light, dark;
  CostChartColor bg_light, bg_dark, fg_light, fg_dark;

  cost_chart_style_init (&light, FALSE);
  cost_chart_style_init (&dark, TRUE);
  cost_chart_style_get_background (&light, &bg_light);
  cost_chart_style_get_background (&dark, &bg_dark);
  cost_chart_style_get_foreground (&light, &fg_light);
  cost_chart_style_get_foreground (&dark, &fg_dark);

  /* Text reads well on both backgrounds. */
  g_assert_cmpfloat (cost_chart_color_get_contrast (&fg_light, &bg_light), >=, 7.0);
  g_assert_cmpfloat (cost_chart_color_get_contrast (&fg_dark, &bg_dark), >=, 7.0);

  /* No series colour vanishes into either background, and the first
   * fourteen are told apart. */
  for (guint i = 0; i < 14; i++)
    {
      CostChartColor c;

      cost_chart_palette_get_color (i, &c);
      g_assert_cmpfloat (cost_chart_color_get_contrast (&c, &bg_light), >=, 1.5);
      g_assert_cmpfloat (cost_chart_color_get_contrast (&c, &bg_dark), >=, 1.5);

      for (guint k = 0; k < i; k++)
        {
          CostChartColor d;

          cost_chart_palette_get_color (k, &d);
          g_assert_cmpfloat (fabs (c.red - d.red) + fabs (c.green - d.green) + fabs (c.blue - d.blue), >, 0.15);
        }
    }

  for (int dark_mode = 0; dark_mode < 2; dark_mode++)
    {
      CostChartColor other;

      cost_chart_palette_get_other (dark_mode, &other);
      g_assert_cmpfloat (cost_chart_color_get_contrast (&other, dark_mode ? &bg_dark : &bg_light), >=, 1.5);
    }
}

static void
test_nice_ticks (void)
{
  static const struct {
    double min, max;
    guint  target;
    double step, lo, hi;
  } cases[] = {
    { 0, 375000, 8, 50000, 0, 400000 },
    { 0, 375000, 4, 100000, 0, 400000 },
    { 0, 1, 5, 0.2, 0, 1 },
    { 0, 12.3, 5, 2.5, 0, 12.5 },
    { -20000, 80000, 10, 10000, -20000, 80000 },
    { 340000, 410000, 7, 10000, 340000, 410000 },
    { 0, 0, 5, 0.2, 0, 1 },
    { 0, 4.5e9, 6, 1e9, 0, 5e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double lo, hi, step;
      guint n = _cost_chart_nice_ticks (cases[i].min, cases[i].max, cases[i].target, &lo, &hi, &step);

      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
      g_assert_cmpfloat_with_epsilon (lo, cases[i].lo, cases[i].step * 1e-9);
      g_assert_cmpfloat_with_epsilon (hi, cases[i].hi, cases[i].step * 1e-9);
      g_assert_cmpuint (n, ==, (guint) llround ((hi - lo) / step));
      g_assert_cmpuint (n, <=, cases[i].target + 1);
    }
}

/* Each slice's share of the coloured pixels is its share of the total. */
static void
check_donut_shares (CostChartKind kind,
                    int           width,
                    int           height,
                    gboolean      dark)
{
  g_autoptr(CostChartDataset) dataset = categories_dataset ();
  cairo_surface_t *surface = chart_test_render (kind, dataset, width, height, dark, NULL);
  guint counts[4], sum = 0;

  for (guint c = 0; c < 4; c++)
    {
      counts[c] = chart_test_count (surface, chart_test_rgb (category_colors[c]), 2);
      sum += counts[c];
    }
  g_assert_cmpuint (sum, >, (guint) (width * height / 20));

  for (guint c = 0; c < 4; c++)
    {
      double drawn = (double) counts[c] / sum, expected = reference[c] / 375000;

      g_test_message ("%s: %.2f%% drawn, %.2f%% expected", category_names[c], drawn * 100, expected * 100);
      g_assert_cmpfloat (fabs (drawn - expected), <, 0.01);
    }

  cairo_surface_destroy (surface);
}

static void
test_donut_shares (void)
{
  check_donut_shares (COST_CHART_DONUT, 900, 600, FALSE);
  check_donut_shares (COST_CHART_DONUT, 1920, 1080, TRUE);
  check_donut_shares (COST_CHART_DONUT, 420, 640, FALSE);   /* legend underneath */
  check_donut_shares (COST_CHART_PIE, 1200, 750, FALSE);
}

/* The small slices are gathered in one grey "Other" slice as large as them. */
static void
test_donut_other (void)
{
  g_autoptr(CostChartDataset) dataset = cost_chart_dataset_new (NULL, "USD");
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;
  CostChartColor grey;
  guint32 other_rgb, blue_rgb = chart_test_rgb ("#0072b2");
  guint n_other, other_pixels, blue_pixels;
  const guint *other;
  int index;
  CostChartHit hit;

  cost_chart_dataset_append (dataset, "big", "Big", "#0072b2", 900);
  for (guint i = 0; i < 10; i++)
    cost_chart_dataset_append (dataset, NULL, "Tiny", "#e69f00", 10);

  surface = chart_test_render (COST_CHART_DONUT, dataset, 800, 600, FALSE, layout);

  other = cost_chart_layout_get_other (layout, &n_other);
  g_assert_cmpuint (n_other, ==, 10);
  g_assert_cmpuint (other[0], ==, 1);
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 2);
  index = cost_chart_layout_find_target (layout, COST_CHART_OTHER, 0);
  g_assert_cmpint (index, >=, 0);
  cost_chart_layout_get_target (layout, index, &hit, NULL);
  g_assert_cmpfloat (hit.value, ==, 100);

  cost_chart_palette_get_other (FALSE, &grey);
  other_rgb = ((guint32) llround (grey.red * 255) << 16) | ((guint32) llround (grey.green * 255) << 8) |
              (guint32) llround (grey.blue * 255);
  other_pixels = chart_test_count (surface, other_rgb, 2);
  blue_pixels = chart_test_count (surface, blue_rgb, 2);
  g_assert_cmpfloat (fabs ((double) other_pixels / (other_pixels + blue_pixels) - 0.1), <, 0.01);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#e69f00"), 2), ==, 0);

  cairo_surface_destroy (surface);
}

typedef struct
{
  int series;
  int start;     /* first pixel, along the bar from its base */
  int end;       /* one past the last */
} Run;

/* The runs of series colours along a line of pixels through a bar. */
static GArray *
runs_along (cairo_surface_t  *surface,
            CostChartDataset *dataset,
            int               fixed,
            int               from,
            int               to,
            gboolean          horizontal)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int step = from < to ? 1 : -1;

  for (int p = from; p != to; p += step)
    {
      guint32 px = horizontal ? chart_test_pixel (surface, p, fixed) : chart_test_pixel (surface, fixed, p);
      int series = -1;

      for (guint s = 0; s < cost_chart_dataset_get_n_series (dataset); s++)
        {
          double rgb[3];
          guint32 color;

          if (!cost_chart_dataset_get_series_color (dataset, s, rgb))
            continue;
          color = ((guint32) llround (rgb[0] * 255) << 16) | ((guint32) llround (rgb[1] * 255) << 8) |
                  (guint32) llround (rgb[2] * 255);
          if (chart_test_near (px, color, 1))
            series = (int) s;
        }

      if (series < 0)
        continue;
      if (runs->len > 0 && g_array_index (runs, Run, runs->len - 1).series == series &&
          g_array_index (runs, Run, runs->len - 1).end == abs (p - from))
        g_array_index (runs, Run, runs->len - 1).end++;
      else
        g_array_append_val (runs, ((Run) { series, abs (p - from), abs (p - from) + 1 }));
    }

  return runs;
}

/* Segments are as long as their values to the pixel: a segment reaches from
 * where the one below it ends to where its own colour ends (the thin
 * separator in between belongs to the upper one). */
static void
check_stacked (gboolean horizontal,
               int      width,
               int      height)
{
  g_autoptr(CostChartDataset) dataset = scenarios_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (horizontal ? COST_CHART_STACKED_HORIZONTAL : COST_CHART_STACKED,
                                                dataset, width, height, FALSE, layout);
  double per_unit = 0.0;

  for (guint g = 0; g < 3; g++)
    {
      int index = cost_chart_layout_find_target (layout, 0, (int) g);
      g_autoptr(GArray) runs = NULL;
      CostChartRect rect;
      int base, fixed, far;
      double level = 0.0;

      g_assert_cmpint (index, >=, 0);
      cost_chart_layout_get_target (layout, index, NULL, &rect);

      /* From the bar's base outwards, beside the labels inside it. */
      if (horizontal)
        {
          base = (int) round (rect.x);
          fixed = (int) (rect.y + rect.height * 0.25);
          far = width;
        }
      else
        {
          base = (int) round (rect.y + rect.height) - 1;
          fixed = (int) (rect.x + rect.width * 0.25);
          far = -1;
        }
      runs = runs_along (surface, dataset, fixed, base, far, horizontal);
      g_assert_cmpuint (runs->len, ==, 4);

      if (per_unit == 0.0)
        per_unit = g_array_index (runs, Run, 3).end / cost_chart_dataset_get_group_total (dataset, g);

      for (guint i = 0; i < runs->len; i++)
        {
          const Run *run = &g_array_index (runs, Run, i);
          int below = i > 0 ? g_array_index (runs, Run, i - 1).end : 0;
          double value = cost_chart_dataset_get_value (dataset, g, run->series);

          g_assert_cmpint (run->series, ==, (int) i);
          /* Nothing but a thin separator between segments. */
          g_assert_cmpint (run->start - below, >=, 0);
          g_assert_cmpint (run->start - below, <=, 2);
          level += value;
          g_assert_cmpfloat (fabs (run->end - level * per_unit), <=, 1.0);
          g_assert_cmpfloat (fabs ((run->end - below) - value * per_unit), <=, 1.0);
        }
    }

  cairo_surface_destroy (surface);
}

static void
test_stacked_heights (void)
{
  check_stacked (FALSE, 1000, 700);
  check_stacked (FALSE, 1920, 1080);
  check_stacked (TRUE, 1000, 700);
}

/* Bars are as long as their values, largest first. */
static void
test_ranked_lengths (void)
{
  g_autoptr(CostChartDataset) dataset = cost_chart_dataset_new ("Largest costs", "CNY");
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  static const double values[] = { 50000, 100000, 5000, 80000 };
  cairo_surface_t *surface;
  double per_unit = 0.0, last_y = -1;
  guint32 blue = chart_test_rgb ("#0072b2");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    cost_chart_dataset_append (dataset, NULL, "Item", "#0072b2", values[i]);
  cost_chart_dataset_set_whole (dataset, 375000);

  surface = chart_test_render (COST_CHART_RANKED, dataset, 900, 500, FALSE, layout);
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 4);

  for (guint i = 0; i < 4; i++)
    {
      CostChartHit hit;
      CostChartRect rect;
      int y, x0, x = 0, length;

      cost_chart_layout_get_target (layout, i, &hit, &rect);
      /* Drawn from the largest down. */
      g_assert_cmpfloat (rect.y, >, last_y);
      last_y = rect.y;
      g_assert_cmpfloat (hit.value, ==, i == 0 ? 100000 : i == 1 ? 80000 : i == 2 ? 50000 : 5000);

      y = (int) (rect.y + rect.height / 2);
      x0 = (int) round (rect.x);
      for (x = x0; x < 900 && chart_test_near (chart_test_pixel (surface, x, y), blue, 1); x++)
        ;
      length = x - x0;
      if (per_unit == 0.0)
        per_unit = length / hit.value;
      g_assert_cmpfloat (fabs (length - hit.value * per_unit), <=, 1.0);
    }

  cairo_surface_destroy (surface);
}

static int
first_row_of (cairo_surface_t *surface,
              int              x,
              guint32          color)
{
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      if (chart_test_near (chart_test_pixel (surface, x, y), color, 1))
        return y;
    }

  return -1;
}

static int
last_row_of (cairo_surface_t *surface,
             int              x,
             guint32          color)
{
  for (int y = cairo_image_surface_get_height (surface) - 1; y >= 0; y--)
    {
      if (chart_test_near (chart_test_pixel (surface, x, y), color, 1))
        return y;
    }

  return -1;
}

/* Each step hangs from the level the previous bar reached. */
static void
test_waterfall_steps (void)
{
  g_autoptr(CostChartDataset) dataset = waterfall_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (COST_CHART_WATERFALL, dataset, 1000, 700, FALSE, layout);
  CostChartRect start, gpu, storage, end;
  guint32 green = chart_test_rgb ("#009e73"), red = chart_test_rgb ("#d55e00");
  double per_unit;

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 4);
  cost_chart_layout_get_target (layout, 0, NULL, &start);
  cost_chart_layout_get_target (layout, 1, NULL, &gpu);
  cost_chart_layout_get_target (layout, 2, NULL, &storage);
  cost_chart_layout_get_target (layout, 3, NULL, &end);

  /* Totals stand on the same base, as tall as their values. */
  g_assert_cmpfloat (fabs ((start.y + start.height) - (end.y + end.height)), <, 0.5);
  per_unit = start.height / 375000;
  g_assert_cmpfloat (fabs (end.height - 345000 * per_unit), <=, 1.0);

  /* The saving (green) spans from the start's top down by 50,000. */
  g_assert_cmpint (abs (first_row_of (surface, (int) (gpu.x + 3), green) - (int) round (start.y)), <=, 1);
  g_assert_cmpfloat (fabs (last_row_of (surface, (int) (gpu.x + 3), green) + 1 - start.y - 50000 * per_unit), <=, 1.0);
  /* The increase (vermillion) climbs from there by 20,000 to the end's top. */
  g_assert_cmpfloat (fabs (last_row_of (surface, (int) (storage.x + 3), red) + 1 - (start.y + 50000 * per_unit)), <=, 1.0);
  g_assert_cmpint (abs (first_row_of (surface, (int) (storage.x + 3), red) - (int) round (end.y)), <=, 1);

  cairo_surface_destroy (surface);
}

/* The widest swing comes first; bars start from the base value. */
static void
test_tornado_rows (void)
{
  g_autoptr(CostChartDataset) dataset = tornado_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (COST_CHART_TORNADO, dataset, 1000, 600, FALSE, layout);
  CostChartRect salaries_low, salaries_high, gpu_low, storage_low;
  int index;

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 6);
  index = cost_chart_layout_find_target (layout, 2, 0);
  cost_chart_layout_get_target (layout, index, NULL, &salaries_low);
  index = cost_chart_layout_find_target (layout, 2, 1);
  cost_chart_layout_get_target (layout, index, NULL, &salaries_high);
  index = cost_chart_layout_find_target (layout, 1, 0);
  cost_chart_layout_get_target (layout, index, NULL, &gpu_low);
  index = cost_chart_layout_find_target (layout, 0, 0);
  cost_chart_layout_get_target (layout, index, NULL, &storage_low);

  /* Salaries (spread 70,000) above GPU price (40,000) above storage (2,000). */
  g_assert_cmpfloat (salaries_low.y, <, gpu_low.y);
  g_assert_cmpfloat (gpu_low.y, <, storage_low.y);

  /* Low and high meet at the base; lengths follow the values. */
  g_assert_cmpfloat (fabs (salaries_low.x + salaries_low.width - salaries_high.x), <, 0.5);
  g_assert_cmpfloat (fabs (gpu_low.x + gpu_low.width - salaries_high.x), <, 0.5);
  g_assert_cmpfloat (fabs (salaries_low.width / gpu_low.width - 35000.0 / 20000.0), <, 0.02);
  g_assert_cmpfloat (fabs (salaries_high.width / salaries_low.width - 1.0), <, 0.02);

  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#0072b2"), 1), >, 0);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#e69f00"), 1), >, 0);

  cairo_surface_destroy (surface);
}

/* Twenty bins of ¥2,000 from ¥360,000, a tent of counts peaking at the
 * tenth; the plan at ¥375,000, the budget at ¥391,000. */
static const double bin_counts[] = { 10, 30, 60, 100, 150, 210, 280, 360, 450, 560,
                                     470, 380, 300, 230, 170, 120, 80, 50, 25, 10 };

static CostChartDataset *
histogram_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly run-rate: spread of outcomes", "CNY");
  double whole = 0;

  cost_chart_dataset_add_series (dataset, "from", "From", NULL);
  cost_chart_dataset_add_series (dataset, "to", "To", NULL);
  cost_chart_dataset_add_series (dataset, "count", "Samples", NULL);
  for (guint b = 0; b < G_N_ELEMENTS (bin_counts); b++)
    {
      guint g = cost_chart_dataset_add_group (dataset, NULL, NULL);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_FROM, 360000 + 2000.0 * b);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_TO, 362000 + 2000.0 * b);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_COUNT, bin_counts[b]);
      whole += bin_counts[b];
    }
  cost_chart_dataset_set_whole (dataset, whole);
  cost_chart_dataset_add_marker (dataset, "point", "Plan", 375000);
  cost_chart_dataset_add_marker (dataset, "budget", "Budget", 391000);

  return dataset;
}

/* A straight S-curve: every percentile of outcomes spread evenly from
 * ¥350,000 to ¥450,000, the budget at ¥427,000. */
static CostChartDataset *
s_curve_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly run-rate: cumulative probability", "CNY");

  cost_chart_dataset_add_series (dataset, "amount", "Amount", NULL);
  cost_chart_dataset_add_series (dataset, "fraction", "Probability", NULL);
  for (guint p = 0; p <= 100; p++)
    {
      g_autofree char *label = g_strdup_printf ("P%u", p);
      guint g = cost_chart_dataset_add_group (dataset, label, label);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_AMOUNT, 350000 + 1000.0 * p);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_FRACTION, p / 100.0);
    }
  cost_chart_dataset_add_marker (dataset, "point", "Plan", 375000);
  cost_chart_dataset_add_marker (dataset, "budget", "Budget", 427000);
  cost_chart_dataset_set_note (dataset, "P(over budget) = 23%");

  return dataset;
}

/* Twelve months whose band widens: P50 ¥400,000 + ¥5,000 a month. */
static CostChartDataset *
fan_dataset_months (guint months)
{
  static const char *labels[] = { "P10", "P25", "Median (P50)", "P75", "P90", "Plan" };
  static const double offsets[] = { -3, -1, 0, 1, 3 };
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly cost: range of outcomes by month", "CNY");

  for (guint s = 0; s < G_N_ELEMENTS (labels); s++)
    cost_chart_dataset_add_series (dataset, NULL, labels[s], NULL);
  for (guint m = 0; m < months; m++)
    {
      g_autofree char *label = g_strdup_printf ("M%u", m + 1);
      guint g = cost_chart_dataset_add_group (dataset, NULL, label);
      double median = 400000 + 5000.0 * m, spread = 4000 + 1000.0 * m;

      for (guint s = 0; s < G_N_ELEMENTS (offsets); s++)
        cost_chart_dataset_set_value (dataset, g, s, median + offsets[s] * spread);
      cost_chart_dataset_set_value (dataset, g, COST_CHART_FAN_PLAN, median - 0.5 * spread);
    }
  cost_chart_dataset_add_marker (dataset, "budget", "Budget", 430000);

  return dataset;
}

static CostChartDataset *
fan_dataset (void)
{
  return fan_dataset_months (12);
}

/* A year from January 2027 planned at ¥60,000 a month against a budget of
 * ¥66,000, five months reported: ¥55,000, ¥62,000, ¥70,000, ¥68,000 and
 * ¥75,000, so ¥330,000 to May against a plan of ¥300,000; the forecast
 * goes on with the plan, ¥330,000 + 7 × ¥60,000 = ¥750,000 at
 * completion. */
static const double burn_up_actual[] = { 55000, 62000, 70000, 68000, 75000 };

static CostChartDataset *
burn_up_dataset_budget (gboolean budget)
{
  static const char *months[] = {
    "Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027", "May 2027", "Jun 2027",
    "Jul 2027", "Aug 2027", "Sep 2027", "Oct 2027", "Nov 2027", "Dec 2027",
  };
  CostChartDataset *dataset = cost_chart_dataset_new ("Cumulative cost: plan against actual", "CNY");
  double actual = 0;
  guint last = G_N_ELEMENTS (burn_up_actual) - 1;

  cost_chart_dataset_add_series (dataset, "plan", "Plan", NULL);
  cost_chart_dataset_add_series (dataset, "actual", "Actual", NULL);
  cost_chart_dataset_add_series (dataset, "budget", "Budget", NULL);
  cost_chart_dataset_add_series (dataset, "forecast", "Forecast", NULL);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      guint g = cost_chart_dataset_add_group (dataset, NULL, months[m]);

      cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_PLAN, 60000.0 * (m + 1));
      if (m <= last)
        {
          actual += burn_up_actual[m];
          cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_ACTUAL, actual);
        }
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_ACTUAL);
      if (budget)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_BUDGET, 66000.0 * (m + 1));
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_BUDGET);
      if (m >= last)
        cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_FORECAST, 330000 + 60000.0 * (m - last));
      else
        cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_FORECAST);
    }

  return dataset;
}

static CostChartDataset *
burn_up_dataset (void)
{
  return burn_up_dataset_budget (TRUE);
}

static CostChartDataset *
burn_up_no_budget_dataset (void)
{
  return burn_up_dataset_budget (FALSE);
}

static CostChartDataset *
contributions_dataset (void)
{
  static const char *names[] = { "GPUs — Unit price", "Servers — Quantity", "Engineers — Unit price" };
  static const double shares[] = { 0.316, 0.55, 0.134 };
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly run-rate: what drives the uncertainty", NULL);

  cost_chart_dataset_set_unit (dataset, COST_CHART_UNIT_FRACTION);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    cost_chart_dataset_append (dataset, NULL, names[i], NULL, shares[i]);
  cost_chart_dataset_set_whole (dataset, 1.0);

  return dataset;
}

typedef CostChartDataset *(*DatasetFunc) (void);

static CostChartDataset *
empty_dataset (void)
{
  return cost_chart_dataset_new ("Nothing yet", "CNY");
}

static CostChartDataset *
zeros_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("All zeros", "CNY");

  for (guint c = 0; c < 4; c++)
    cost_chart_dataset_append (dataset, category_ids[c], category_names[c], category_colors[c], 0);

  return dataset;
}

static CostChartDataset *
one_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("One category", "CNY");

  cost_chart_dataset_append (dataset, "labor", "Labor", "#009e73", 175000);

  return dataset;
}

static CostChartDataset *
fifty_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("Fifty categories", "USD");

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Category %u", i + 1);
      guint s = cost_chart_dataset_append (dataset, NULL, name, NULL, 1000 + 37.0 * i * i);

      cost_chart_dataset_set_series_detail (dataset, s, i % 2 ? "Odd" : "Even");
    }

  return dataset;
}

static CostChartDataset *
skewed_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("One huge, many tiny", "USD");

  cost_chart_dataset_append (dataset, NULL, "GPU fleet", NULL, 5e8);
  for (guint i = 0; i < 30; i++)
    cost_chart_dataset_append (dataset, NULL, "Tiny", NULL, 1 + i);

  return dataset;
}

static CostChartDataset *
long_names_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("A title far too long to fit on one line of any chart, "
                                                      "however wide the window or the page may be", "EUR");

  cost_chart_dataset_append (dataset, NULL, "An extraordinarily long category name describing everything in "
                                            "detail, with no end in sight", NULL, 50000);
  cost_chart_dataset_append (dataset, NULL, "Supercalifragilisticexpialidociouslyexpensive", NULL, 30000);
  cost_chart_dataset_append (dataset, NULL, "Short", NULL, 20000);

  return dataset;
}

static CostChartDataset *
chinese_dataset (void)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("按类别的月度成本", "CNY");

  cost_chart_dataset_append (dataset, "compute", "计算资源", "#0072b2", 107000);
  cost_chart_dataset_append (dataset, "data", "数据", "#e69f00", 3000);
  cost_chart_dataset_append (dataset, "labor", "人力", "#009e73", 175000);
  cost_chart_dataset_append (dataset, "operations", "运维", "#cc79a7", 90000);
  cost_chart_dataset_append (dataset, "training", "数据采集与清洗以及标注和存储的全部费用合计", NULL, 60000);

  return dataset;
}

static const DatasetFunc datasets[] = {
  categories_dataset, scenarios_dataset, waterfall_dataset, tornado_dataset, empty_dataset,
  zeros_dataset, one_dataset, fifty_dataset, skewed_dataset, long_names_dataset, chinese_dataset,
};

static const struct {
  int width, height;
} sizes[] = {
  { 1920, 1080 }, { 1200, 750 }, { 800, 500 }, { 480, 640 }, { 320, 200 },
};

static gboolean
rects_overlap (const CostChartRect *a,
               const CostChartRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  /* Lines of text may touch; they may not cover one another. */
  return w > 1.0 && h > 1.0;
}

/* Every kind, every awkward dataset, several sizes, light and dark: text
 * stays inside the rectangle without overlapping other text, and nothing is
 * drawn outside the rectangle. */
static void
check_inside (const char       *locale,
              CostChartKind     kind,
              CostChartDataset *dataset,
              int               w,
              int               h,
              gboolean          dark)
{
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  int margin = 30;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w + 2 * margin, h + 2 * margin);
  cairo_t *cr = cairo_create (surface);
  CostChartRect area = { margin, margin, w, h };
  CostChartStyle style;
  guint n_texts;

  cost_chart_style_init (&style, dark);
  style.show_title = TRUE;
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cost_chart_draw (cr, &area, kind, dataset, &style, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < h + 2 * margin; y += 3)
    for (int x = 0; x < w + 2 * margin; x += 3)
      {
        if (x >= margin && x < margin + w && y >= margin && y < margin + h)
          continue;
        if (chart_test_pixel (surface, x, y) != 0xff00ff)
          g_error ("%s, %s, kind %d, %d×%d: drew outside its rectangle at %d,%d",
                   locale, cost_chart_dataset_get_title (dataset), kind, w, h, x, y);
      }

  n_texts = cost_chart_layout_get_n_texts (layout);
  for (guint i = 0; i < n_texts; i++)
    {
      CostChartRect r;
      const char *text = cost_chart_layout_get_text (layout, i, &r);

      if (r.x < area.x - 0.5 || r.y < area.y - 0.5 ||
          r.x + r.width > area.x + area.width + 0.5 || r.y + r.height > area.y + area.height + 0.5)
        g_error ("%s, %s, kind %d, %d×%d: “%s” at %.1f,%.1f %.1f×%.1f leaves the chart",
                 locale, cost_chart_dataset_get_title (dataset), kind, w, h, text, r.x, r.y, r.width, r.height);

      for (guint k = 0; k < i; k++)
        {
          CostChartRect o;
          const char *other = cost_chart_layout_get_text (layout, k, &o);

          if (rects_overlap (&r, &o))
            g_error ("%s, %s, kind %d, %d×%d: “%s” covers “%s”", locale,
                     cost_chart_dataset_get_title (dataset), kind, w, h, text, other);
        }
    }

  cairo_surface_destroy (surface);
}

static CostChartDataset *
one_month_fan_dataset (void)
{
  return fan_dataset_months (1);
}

static CostChartDataset *
long_fan_dataset (void)
{
  return fan_dataset_months (60);
}

/* The uncertainty charts, each with the data it draws. */
static const struct {
  CostChartKind kind;
  DatasetFunc   dataset;
} spread_charts[] = {
  { COST_CHART_HISTOGRAM, histogram_dataset },
  { COST_CHART_S_CURVE, s_curve_dataset },
  { COST_CHART_FAN, fan_dataset },
  { COST_CHART_FAN, one_month_fan_dataset },
  { COST_CHART_FAN, long_fan_dataset },
  { COST_CHART_RANKED, contributions_dataset },
  { COST_CHART_BURN_UP, burn_up_dataset },
  { COST_CHART_BURN_UP, burn_up_no_budget_dataset },
};

static void
check_text_inside (const char *locale)
{
  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (CostChartKind kind = COST_CHART_DONUT; kind <= COST_CHART_TORNADO; kind++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr(CostChartDataset) dataset = datasets[d] ();

          check_inside (locale, kind, dataset, sizes[z].width, sizes[z].height, z % 2);
        }

  for (guint c = 0; c < G_N_ELEMENTS (spread_charts); c++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(CostChartDataset) dataset = spread_charts[c].dataset ();

        check_inside (locale, spread_charts[c].kind, dataset, sizes[z].width, sizes[z].height, z % 2);
      }
}

static void
test_text_inside (void)
{
  gboolean any = FALSE;

  if (chart_test_set_locale ("en_US.UTF-8"))
    {
      check_text_inside ("en_US");
      any = TRUE;
    }
  if (chart_test_set_locale ("zh_CN.UTF-8"))
    {
      check_text_inside ("zh_CN");
      any = TRUE;
    }
  chart_test_set_locale ("C.UTF-8");
  check_text_inside ("C");

  if (!any)
    g_test_message ("en_US.UTF-8 and zh_CN.UTF-8 are not installed: checked in C only");
}

static gboolean
layout_has_text (CostChartLayout *layout,
                 const char      *text)
{
  for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
    {
      if (g_strcmp0 (cost_chart_layout_get_text (layout, i, NULL), text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Nothing to show says so, and offers nothing to point at. */
static void
test_edge_cases (void)
{
  static const DatasetFunc nothing[] = { empty_dataset, zeros_dataset };

  chart_test_set_locale ("C.UTF-8");

  for (guint d = 0; d < G_N_ELEMENTS (nothing); d++)
    for (CostChartKind kind = COST_CHART_DONUT; kind <= COST_CHART_TORNADO; kind++)
      {
        g_autoptr(CostChartDataset) dataset = nothing[d] ();
        g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
        cairo_surface_t *surface = chart_test_render (kind, dataset, 600, 400, FALSE, layout);
        g_autofree char *description = cost_chart_describe (kind, dataset);

        g_assert_true (layout_has_text (layout, "No costs yet"));
        g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 0);
        g_assert_nonnull (strstr (description, "No costs yet"));
        cairo_surface_destroy (surface);
      }

  /* One category: a whole ring in its colour, labelled. */
  {
    g_autoptr(CostChartDataset) dataset = one_dataset ();
    g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
    cairo_surface_t *surface = chart_test_render (COST_CHART_DONUT, dataset, 600, 400, FALSE, layout);

    g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 1);
    g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#009e73"), 1), >, 600 * 400 / 10);
    g_assert_true (layout_has_text (layout, "Labor"));
    cairo_surface_destroy (surface);
  }

  /* Fifty categories: a readable handful and "Other", in every chart. */
  for (CostChartKind kind = COST_CHART_DONUT; kind <= COST_CHART_STACKED_HORIZONTAL; kind++)
    {
      g_autoptr(CostChartDataset) dataset = fifty_dataset ();
      g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
      cairo_surface_t *surface = chart_test_render (kind, dataset, 1200, 750, FALSE, layout);
      guint n_other;

      g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), <=, 9);
      cost_chart_layout_get_other (layout, &n_other);
      g_assert_cmpuint (n_other, >=, 40);
      g_assert_cmpint (cost_chart_layout_find_target (layout, COST_CHART_OTHER, 0), >=, 0);
      g_assert_true (layout_has_text (layout, "Other"));
      cairo_surface_destroy (surface);
    }

  /* A ranking of fifty shows what fits and says how many more there are. */
  {
    g_autoptr(CostChartDataset) dataset = fifty_dataset ();
    g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
    cairo_surface_t *surface = chart_test_render (COST_CHART_RANKED, dataset, 800, 500, FALSE, layout);
    guint shown = cost_chart_layout_get_n_targets (layout);
    g_autofree char *more = g_strdup_printf ("and %u more items", 50 - shown);

    g_assert_cmpuint (shown, >=, 10);
    g_assert_cmpuint (shown, <, 50);
    g_assert_true (layout_has_text (layout, more));
    /* The legend tells the two details apart. */
    g_assert_true (layout_has_text (layout, "Even"));
    g_assert_true (layout_has_text (layout, "Odd"));
    cairo_surface_destroy (surface);
  }

  /* Chinese names are drawn: ink where the label is. */
  {
    g_autoptr(CostChartDataset) dataset = chinese_dataset ();
    g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
    cairo_surface_t *surface = chart_test_render (COST_CHART_DONUT, dataset, 1200, 750, FALSE, layout);
    gboolean found = FALSE;

    for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
      {
        CostChartRect r;
        guint ink = 0;

        if (g_strcmp0 (cost_chart_layout_get_text (layout, i, &r), "人力") != 0)
          continue;
        found = TRUE;
        for (int y = (int) r.y; y < (int) (r.y + r.height); y++)
          for (int x = (int) r.x; x < (int) (r.x + r.width); x++)
            ink += chart_test_pixel (surface, x, y) != 0xffffff;
        g_assert_cmpuint (ink, >, (guint) (r.width * r.height / 10));
      }
    g_assert_true (found);
    cairo_surface_destroy (surface);
  }
}

/* Where the axis puts @value: a line fitted through the centres of the
 * tick labels that read as a number (with @prefix before it and @suffix
 * after: "¥" "K" for amounts in English, "" "%" for percentages). */
static void
axis_fit (CostChartLayout *layout,
          const char      *prefix,
          const char      *suffix,
          double           unit,
          gboolean         vertical,
          double          *offset,
          double          *slope)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  guint n = 0;

  for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
    {
      CostChartRect r;
      const char *text = cost_chart_layout_get_text (layout, i, &r);
      g_autofree char *number = NULL;
      double value, pos;
      char *end;

      if (!g_str_has_prefix (text, prefix) || !g_str_has_suffix (text, suffix))
        continue;
      number = g_strndup (text + strlen (prefix), strlen (text) - strlen (prefix) - strlen (suffix));
      value = g_ascii_strtod (number, &end);
      if (number[0] == '\0' || *end != '\0')
        continue;
      value *= unit;
      pos = vertical ? r.y + r.height / 2 : r.x + r.width / 2;
      sx += value;
      sy += pos;
      sxx += value * value;
      sxy += value * pos;
      n++;
    }

  g_assert_cmpuint (n, >=, 2);
  *slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  *offset = (sy - *slope * sx) / n;
}

static guint
column_count (cairo_surface_t *surface,
              int              x,
              guint32          color)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    n += chart_test_near (chart_test_pixel (surface, x, y), color, 2);

  return n;
}

/* Bars as tall as their counts; the budget's line where the budget is,
 * and what lies beyond it in the colour of an increase. */
static void
check_histogram (gboolean dark)
{
  g_autoptr(CostChartDataset) dataset = histogram_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (COST_CHART_HISTOGRAM, dataset, 1000, 600, dark, layout);
  guint32 blue = chart_test_rgb ("#0072b2"), vermillion = chart_test_rgb ("#d55e00");
  double per_count = 0, offset, slope, budget_x;
  guint n = G_N_ELEMENTS (bin_counts);
  int line_x = -1;
  CostChartRect caption = { 0 };

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, n);
  for (guint b = 0; b < n; b++)
    {
      CostChartHit hit;
      CostChartRect rect;
      int x;
      guint height;

      cost_chart_layout_get_target (layout, b, &hit, &rect);
      g_assert_cmpint (hit.group, ==, (int) b);
      g_assert_cmpfloat (hit.value, ==, bin_counts[b]);
      /* Inside the bar, clear of the budget's line. */
      x = (int) (rect.x + rect.width * (b == 15 ? 0.8 : 0.3));
      height = column_count (surface, x, blue) + column_count (surface, x, vermillion);
      if (b == 9)
        per_count = height / bin_counts[b];
      if (b >= 9)
        g_assert_cmpfloat (fabs (height - bin_counts[b] * per_count), <=, 1.5);
      /* Bins below the budget are blue, those above vermillion. */
      if (b < 15)
        g_assert_cmpuint (column_count (surface, x, vermillion), ==, 0);
      if (b > 15)
        g_assert_cmpuint (column_count (surface, x, blue), ==, 0);
    }
  g_assert_cmpfloat (per_count, >, 0.5);
  for (guint b = 0; b < 9; b++)
    {
      CostChartRect rect;
      int x;

      cost_chart_layout_get_target (layout, b, NULL, &rect);
      x = (int) (rect.x + rect.width * 0.3);
      g_assert_cmpfloat (fabs (column_count (surface, x, blue) - bin_counts[b] * per_count), <=, 1.5);
    }

  /* The budget's line, under its caption, is at ¥391,000 on the axis. */
  for (guint i = 0; i < cost_chart_layout_get_n_texts (layout); i++)
    if (g_strcmp0 (cost_chart_layout_get_text (layout, i, NULL), "Budget ¥391K") == 0)
      cost_chart_layout_get_text (layout, i, &caption);
  g_assert_cmpfloat (caption.width, >, 0);
  axis_fit (layout, "¥", "K", 1000, FALSE, &offset, &slope);
  budget_x = offset + slope * 391000;
  for (int x = 0; x < 1000 && line_x < 0; x++)
    if (chart_test_near (chart_test_pixel (surface, x, (int) (caption.y + caption.height + 3)), vermillion, 2))
      line_x = x;
  g_assert_cmpint (line_x, >=, 0);
  g_assert_cmpfloat (fabs (line_x + 1 - budget_x), <=, 1.5);

  cairo_surface_destroy (surface);
}

static void
test_histogram_bars (void)
{
  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  check_histogram (FALSE);
  check_histogram (TRUE);
  chart_test_set_locale ("C.UTF-8");
}

/* The curve passes through each percentile at its amount; the chance of
 * going over the budget is written beside it. */
static void
test_s_curve (void)
{
  g_autoptr(CostChartDataset) dataset = s_curve_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;
  guint32 blue = chart_test_rgb ("#0072b2");
  double ax, bx, ay, by;

  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  surface = chart_test_render (COST_CHART_S_CURVE, dataset, 1000, 600, FALSE, layout);
  g_assert_true (layout_has_text (layout, "P(over budget) = 23%"));
  g_assert_true (layout_has_text (layout, "Budget ¥427K"));
  g_assert_true (layout_has_text (layout, "Plan ¥375K"));
  g_assert_true (layout_has_text (layout, "50%"));
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 101);

  axis_fit (layout, "¥", "K", 1000, FALSE, &ax, &bx);
  axis_fit (layout, "", "%", 0.01, TRUE, &ay, &by);

  /* Away from the markers, the curve's pixels in a column are where the
   * fraction of outcomes at or below that amount is. */
  for (double amount = 360000; amount <= 440000; amount += 20000)
    {
      int x = (int) floor (ax + bx * amount);
      double expected = ay + by * ((amount - 350000) / 100000);
      double sum = 0;
      guint n = 0;

      for (int y = 0; y < 600; y++)
        if (chart_test_near (chart_test_pixel (surface, x, y), blue, 40))
          {
            sum += y + 0.5;
            n++;
          }
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpfloat (fabs (sum / n - expected), <=, 3.0);
    }

  cairo_surface_destroy (surface);
  chart_test_set_locale ("C.UTF-8");
}

/* Within each month, P10 to P90 is the pale band, P25 to P75 the deeper
 * one inside it, in order, and as wide as the percentiles say. */
static void
check_fan (gboolean dark)
{
  g_autoptr(CostChartDataset) dataset = fan_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (COST_CHART_FAN, dataset, 1000, 600, dark, layout);
  double offset, slope;

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 12);
  axis_fit (layout, "¥", "K", 1000, TRUE, &offset, &slope);

  for (guint g = 2; g < 12; g += 3)
    {
      CostChartRect rect;
      double v[5], y[5];
      guint32 outer, inner, above, below;
      int x;

      cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, COST_CHART_FAN_P50, (int) g),
                                    NULL, &rect);
      x = (int) (rect.x + rect.width / 2);
      for (guint s = 0; s < 5; s++)
        {
          v[s] = cost_chart_dataset_get_value (dataset, g, s);
          y[s] = offset + slope * v[s];
        }
      /* Up the page as the amounts grow. */
      g_assert_cmpfloat (y[4], <, y[3]);
      g_assert_cmpfloat (y[3], <, y[1]);
      g_assert_cmpfloat (y[1], <, y[0]);

      outer = chart_test_pixel (surface, x, (int) ((y[4] + y[3]) / 2));
      inner = chart_test_pixel (surface, x, (int) ((y[3] * 3 + y[2]) / 4));
      above = chart_test_pixel (surface, x, (int) (y[4] - 4));
      below = chart_test_pixel (surface, x, (int) (y[0] + 4));
      g_assert_false (chart_test_near (outer, inner, 8));
      g_assert_false (chart_test_near (outer, above, 8));
      g_assert_true (chart_test_near (chart_test_pixel (surface, x, (int) ((y[0] + y[1]) / 2)), outer, 2));
      g_assert_true (chart_test_near (chart_test_pixel (surface, x, (int) ((y[1] * 3 + y[2]) / 4)), inner, 2));
      g_assert_true (chart_test_near (above, below, 8));

      /* The bands' edges at the percentiles, to a pixel or two. */
      {
        int top_outer = -1, top_inner = -1, bottom_inner = -1, bottom_outer = -1;

        for (int py = 0; py < 600; py++)
          {
            guint32 c = chart_test_pixel (surface, x, py);

            if (chart_test_near (c, outer, 2))
              {
                if (top_outer < 0)
                  top_outer = py;
                bottom_outer = py;
              }
            if (chart_test_near (c, inner, 2))
              {
                if (top_inner < 0)
                  top_inner = py;
                bottom_inner = py;
              }
          }
        g_assert_cmpfloat (fabs (top_outer - y[4]), <=, 2.0);
        g_assert_cmpfloat (fabs (bottom_outer + 1 - y[0]), <=, 2.0);
        g_assert_cmpfloat (fabs (top_inner - y[3]), <=, 2.0);
        g_assert_cmpfloat (fabs (bottom_inner + 1 - y[1]), <=, 2.0);
      }
    }

  cairo_surface_destroy (surface);
}

static void
test_fan_bands (void)
{
  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  check_fan (FALSE);
  check_fan (TRUE);
  chart_test_set_locale ("C.UTF-8");
}

/* @a moved a fraction @k of the way to @b, as a chart mixes colours. */
static guint32
mix_rgb (guint32 a,
         guint32 b,
         double  k)
{
  guint32 out = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double ca = (a >> shift) & 0xff, cb = (b >> shift) & 0xff;

      out |= (guint32) lround (ca + (cb - ca) * k) << shift;
    }

  return out;
}

static guint32
style_rgb (gboolean dark,
           gboolean foreground)
{
  CostChartStyle style;
  CostChartColor c;

  cost_chart_style_init (&style, dark);
  if (foreground)
    cost_chart_style_get_foreground (&style, &c);
  else
    cost_chart_style_get_background (&style, &c);

  return (guint32) lround (c.red * 255) << 16 | (guint32) lround (c.green * 255) << 8 | (guint32) lround (c.blue * 255);
}

/* Whether a pixel of @color lies within @reach of (@x, @y). */
static gboolean
color_near (cairo_surface_t *surface,
            int              x,
            int              y,
            int              reach,
            guint32          color,
            int              tolerance)
{
  for (int dy = -reach; dy <= reach; dy++)
    for (int dx = -reach; dx <= reach; dx++)
      {
        if (chart_test_near (chart_test_pixel (surface, x + dx, y + dy), color, tolerance))
          return TRUE;
      }

  return FALSE;
}

/* The actual solid to the last month reported, each month on the height of
 * its cumulative amount; the plan through every month; the budget and the
 * forecast dashed, the forecast only from the last month reported. The
 * colours: Okabe–Ito blue #0072b2 for the actual (a dark background lifts
 * it 35% of the way to the foreground), the forecast that blue 40% of the
 * way to the background (20% on a dark one), the plan the foreground 15% of the way to the
 * background, the budget vermillion #d55e00. */
static void
check_burn_up (gboolean dark)
{
  g_autoptr(CostChartDataset) dataset = burn_up_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface = chart_test_render (COST_CHART_BURN_UP, dataset, 1000, 600, dark, layout);
  guint32 fg = style_rgb (dark, TRUE), bg = style_rgb (dark, FALSE);
  guint32 actual = dark ? mix_rgb (0x0072b2, fg, 0.35) : 0x0072b2;
  guint32 forecast = mix_rgb (actual, bg, dark ? 0.2 : 0.4);
  guint32 plan = mix_rgb (fg, bg, 0.15);
  guint32 budget = 0xd55e00;
  double offset, slope;
  int xs[12];

  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 12);
  axis_fit (layout, "¥", "K", 1000, TRUE, &offset, &slope);
  g_assert_cmpfloat (slope, <, 0);
  g_assert_true (layout_has_text (layout, "Jan 2027"));
  g_assert_true (layout_has_text (layout, "Actual"));
  g_assert_true (layout_has_text (layout, "Forecast"));
  g_assert_true (layout_has_text (layout, "Budget"));

  for (guint g = 0; g < 12; g++)
    {
      CostChartRect rect;

      cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, g <= 4 ? COST_CHART_BURN_UP_ACTUAL
                                                                                        : COST_CHART_BURN_UP_PLAN,
                                                                           (int) g),
                                    NULL, &rect);
      xs[g] = (int) (rect.x + rect.width / 2);
    }

  /* Each month reported: the actual's dot at its cumulative amount. */
  for (guint g = 0; g <= 4; g++)
    {
      double y = offset + slope * cost_chart_dataset_get_value (dataset, g, COST_CHART_BURN_UP_ACTUAL);

      g_assert_true (chart_test_near (chart_test_pixel (surface, xs[g], (int) round (y)), actual, 6));
    }

  /* Later months: the plan solid at 60,000 a month; the forecast from May
   * on at 330,000 + 60,000 a month, never the actual's colour. */
  for (guint g = 6; g < 12; g++)
    {
      double y_plan = offset + slope * 60000.0 * (g + 1);
      double y_forecast = offset + slope * (330000 + 60000.0 * (g - 4));
      gboolean dash = FALSE;

      g_assert_true (color_near (surface, xs[g], (int) round (y_plan), 1, plan, 12));
      for (int dx = -20; dx <= 20 && !dash; dx += 2)
        dash = color_near (surface, xs[g] + dx, (int) round (y_forecast), 1, forecast, 12);
      g_assert_true (dash);
      g_assert_false (color_near (surface, xs[g], (int) round (y_forecast), 2, actual, 6));
    }

  /* The budget dashed: along a month its colour, then gaps. */
  {
    double y = offset + slope * 66000.0 * 10;
    guint on = 0, off = 0;

    for (int x = xs[9] - 25; x <= xs[9] + 25; x++)
      {
        if (color_near (surface, x, (int) round (y + slope * 66000.0 * (x - xs[9]) / (xs[10] - xs[9])), 0, budget, 12))
          on++;
        else
          off++;
      }
    g_assert_cmpuint (on, >, 5);
    g_assert_cmpuint (off, >, 5);
  }

  /* No forecast before the last month reported. */
  for (int py = 0; py < 600; py++)
    g_assert_false (chart_test_near (chart_test_pixel (surface, xs[2], py), forecast, 4));

  cairo_surface_destroy (surface);
}

static void
test_burn_up (void)
{
  g_autoptr(CostChartDataset) dataset = burn_up_no_budget_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;
  g_autofree char *text = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *later = NULL;

  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  check_burn_up (FALSE);
  check_burn_up (TRUE);

  /* Without a budget: no budget in the legend nor in vermillion. */
  surface = chart_test_render (COST_CHART_BURN_UP, dataset, 1000, 600, FALSE, layout);
  g_assert_false (layout_has_text (layout, "Budget"));
  g_assert_cmpuint (chart_test_count (surface, 0xd55e00, 12), ==, 0);
  cairo_surface_destroy (surface);
  g_clear_pointer (&dataset, cost_chart_dataset_unref);

  dataset = burn_up_dataset ();
  text = cost_chart_describe (COST_CHART_BURN_UP, dataset);
  g_assert_cmpstr (text, ==, "Burn-up chart. Cumulative cost: plan against actual: to May 2027, ¥330,000 spent "
                             "against a plan of ¥300,000; plan at completion ¥720,000; forecast at completion "
                             "¥750,000; budget at completion ¥792,000.");
  surface = chart_test_render (COST_CHART_BURN_UP, dataset, 1000, 600, FALSE, layout);
  reported = cost_chart_describe_hit (COST_CHART_BURN_UP, dataset, layout,
                                      &(CostChartHit) { COST_CHART_BURN_UP_ACTUAL, 4, 330000 });
  g_assert_cmpstr (reported, ==, "May 2027\nActual ¥330,000.00\nPlan ¥300,000.00\nBudget ¥330,000.00");
  later = cost_chart_describe_hit (COST_CHART_BURN_UP, dataset, layout,
                                   &(CostChartHit) { COST_CHART_BURN_UP_PLAN, 8, 540000 });
  g_assert_cmpstr (later, ==, "Sep 2027\nPlan ¥540,000.00\nForecast ¥570,000.00\nBudget ¥594,000.00");
  cairo_surface_destroy (surface);

  chart_test_set_locale ("C.UTF-8");
}

/* Shares of the variance read as percentages, largest first. */
static void
test_contributions (void)
{
  g_autoptr(CostChartDataset) dataset = contributions_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;
  CostChartRect servers, gpus;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  surface = chart_test_render (COST_CHART_RANKED, dataset, 900, 400, FALSE, layout);
  g_assert_true (layout_has_text (layout, "55%"));
  g_assert_true (layout_has_text (layout, "31.6%"));
  g_assert_true (layout_has_text (layout, "13.4%"));
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 1, 0), NULL, &servers);
  cost_chart_layout_get_target (layout, cost_chart_layout_find_target (layout, 0, 0), NULL, &gpus);
  g_assert_cmpfloat (servers.y, <, gpus.y);
  g_assert_cmpfloat (fabs (gpus.width / servers.width - 0.316 / 0.55), <, 0.02);

  text = cost_chart_describe (COST_CHART_RANKED, dataset);
  g_assert_cmpstr (text, ==, "Bar chart. Monthly run-rate: what drives the uncertainty: Servers — Quantity 55%, "
                             "GPUs — Unit price 31.6%, Engineers — Unit price 13.4%.");
  tooltip = cost_chart_describe_hit (COST_CHART_RANKED, dataset, layout, &(CostChartHit) { 0, 0, 0.316 });
  g_assert_cmpstr (tooltip, ==, "GPUs — Unit price\n31.6%");

  cairo_surface_destroy (surface);
  chart_test_set_locale ("C.UTF-8");
}

/* What a screen reader says, and the tooltips. */
static void
test_spread_describe (void)
{
  g_autoptr(CostChartDataset) histogram = histogram_dataset ();
  g_autoptr(CostChartDataset) curve = s_curve_dataset ();
  g_autoptr(CostChartDataset) fan = fan_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  text = cost_chart_describe (COST_CHART_HISTOGRAM, histogram);
  g_assert_cmpstr (text, ==, "Histogram. Monthly run-rate: spread of outcomes: outcomes from ¥360,000 to ¥400,000, "
                             "most often between ¥378,000 and ¥380,000; Plan ¥375,000; Budget ¥391,000.");
  g_clear_pointer (&text, g_free);
  tooltip = cost_chart_describe_hit (COST_CHART_HISTOGRAM, histogram, layout,
                                     &(CostChartHit) { COST_CHART_BIN_COUNT, 9, 560 });
  g_assert_cmpstr (tooltip, ==, "¥378,000.00 – ¥380,000.00\n560 samples · 13.8% of the outcomes");
  g_clear_pointer (&tooltip, g_free);

  text = cost_chart_describe (COST_CHART_S_CURVE, curve);
  g_assert_cmpstr (text, ==, "S-curve. Monthly run-rate: cumulative probability: P10 ¥360,000; P50 ¥400,000; "
                             "P90 ¥440,000; Plan ¥375,000; Budget ¥427,000; P(over budget) = 23%.");
  g_clear_pointer (&text, g_free);
  tooltip = cost_chart_describe_hit (COST_CHART_S_CURVE, curve, layout,
                                     &(CostChartHit) { COST_CHART_CURVE_FRACTION, 80, 430000 });
  g_assert_cmpstr (tooltip, ==, "P80\n¥430,000.00 or less in 80% of the outcomes");
  g_clear_pointer (&tooltip, g_free);

  text = cost_chart_describe (COST_CHART_FAN, fan);
  g_assert_cmpstr (text, ==, "Fan chart. Monthly cost: range of outcomes by month: M1 from ¥388,000 to ¥412,000, "
                             "median ¥400,000, plan ¥398,000; M12 from ¥410,000 to ¥500,000, median ¥455,000, "
                             "plan ¥447,500; Budget ¥430,000.");
  tooltip = cost_chart_describe_hit (COST_CHART_FAN, fan, layout,
                                     &(CostChartHit) { COST_CHART_FAN_P50, 0, 400000 });
  g_assert_cmpstr (tooltip, ==, "M1\nP10 ¥388,000.00\nP25 ¥396,000.00\nMedian (P50) ¥400,000.00\n"
                                "P75 ¥404,000.00\nP90 ¥412,000.00\nPlan ¥398,000.00");

  chart_test_set_locale ("C.UTF-8");
}

/* In Chinese, amounts in 万元 on the axes and captions. */
static void
test_spread_chinese (void)
{
  g_autoptr(CostChartDataset) histogram = histogram_dataset ();
  g_autoptr(CostChartDataset) fan = fan_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;

  if (!chart_test_set_locale ("zh_CN.UTF-8"))
    {
      g_test_skip ("zh_CN.UTF-8 is not installed");
      return;
    }

  surface = chart_test_render (COST_CHART_HISTOGRAM, histogram, 1000, 600, FALSE, layout);
  g_assert_true (layout_has_text (layout, "Budget 39.1万元"));
  g_assert_true (layout_has_text (layout, "38万元"));
  cairo_surface_destroy (surface);

  surface = chart_test_render (COST_CHART_FAN, fan, 1000, 600, FALSE, layout);
  g_assert_true (layout_has_text (layout, "Budget 43万元"));
  g_assert_true (layout_has_text (layout, "44万元"));
  cairo_surface_destroy (surface);

  chart_test_set_locale ("C.UTF-8");
}

static void
test_hit_testing (void)
{
  g_autoptr(CostChartDataset) donut = categories_dataset ();
  g_autoptr(CostChartDataset) stacked = scenarios_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  cairo_surface_t *surface;
  CostChartRect rect;
  CostChartHit hit;
  guint index;
  double cx, cy, r;
  int labor;

  chart_test_set_locale ("C.UTF-8");

  surface = chart_test_render (COST_CHART_DONUT, donut, 900, 600, FALSE, layout);
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 4);
  labor = cost_chart_layout_find_target (layout, 2, 0);
  g_assert_cmpint (labor, >=, 0);

  /* The slices' boxes together are the ring's: its centre and radius. */
  {
    double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;

    for (guint i = 0; i < 4; i++)
      {
        cost_chart_layout_get_target (layout, i, NULL, &rect);
        x0 = MIN (x0, rect.x);
        y0 = MIN (y0, rect.y);
        x1 = MAX (x1, rect.x + rect.width);
      }
    r = (x1 - x0) / 2;
    cx = x0 + r;
    cy = y0 + r;
  }

  /* Labor takes 46.7% from 29.3% of the turn: straight down is Labor. */
  g_assert_true (cost_chart_layout_lookup (layout, cx, cy + r * 0.8, &index));
  cost_chart_layout_get_target (layout, index, &hit, NULL);
  g_assert_cmpint (hit.series, ==, 2);
  g_assert_cmpfloat (hit.value, ==, 175000);
  g_assert_true (chart_test_near (chart_test_pixel (surface, (int) cx, (int) (cy + r * 0.8)),
                                  chart_test_rgb ("#009e73"), 1));
  /* Just right of twelve o'clock is Compute; left of it Operations. */
  g_assert_true (cost_chart_layout_lookup (layout, cx + 5, cy - r * 0.8, &index));
  cost_chart_layout_get_target (layout, index, &hit, NULL);
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_true (cost_chart_layout_lookup (layout, cx - 5, cy - r * 0.8, &index));
  cost_chart_layout_get_target (layout, index, &hit, NULL);
  g_assert_cmpint (hit.series, ==, 3);
  /* Not the hole, not outside. */
  g_assert_false (cost_chart_layout_lookup (layout, cx, cy, NULL));
  g_assert_false (cost_chart_layout_lookup (layout, cx + r * 1.05, cy, NULL));
  g_assert_false (cost_chart_layout_lookup (layout, 2, 2, NULL));
  cairo_surface_destroy (surface);

  surface = chart_test_render (COST_CHART_STACKED, stacked, 900, 600, FALSE, layout);
  g_assert_cmpuint (cost_chart_layout_get_n_targets (layout), ==, 12);
  cost_chart_layout_get_target (layout, (guint) cost_chart_layout_find_target (layout, 2, 1), NULL, &rect);
  g_assert_true (cost_chart_layout_lookup (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &index));
  cost_chart_layout_get_target (layout, index, &hit, NULL);
  g_assert_cmpint (hit.series, ==, 2);
  g_assert_cmpint (hit.group, ==, 1);
  g_assert_cmpfloat (hit.value, ==, 175000);
  g_assert_false (cost_chart_layout_lookup (layout, rect.x - 5, rect.y + rect.height / 2, NULL));
  cairo_surface_destroy (surface);
}

/* A highlighted slice stands out; the others recede. */
static void
test_highlight (void)
{
  g_autoptr(CostChartDataset) dataset = categories_dataset ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 600);
  cairo_t *cr = cairo_create (surface);
  CostChartStyle style;

  cost_chart_style_init (&style, FALSE);
  style.highlight_series = 2;
  cost_chart_draw (cr, &(CostChartRect) { 0, 0, 900, 600 }, COST_CHART_DONUT, dataset, &style, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#009e73"), 1), >, 10000);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#0072b2"), 1), ==, 0);
  g_assert_cmpuint (chart_test_count (surface, chart_test_rgb ("#cc79a7"), 1), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(CostChartDataset) donut = categories_dataset ();
  g_autoptr(CostChartDataset) stacked = scenarios_dataset ();
  g_autoptr(CostChartDataset) waterfall = waterfall_dataset ();
  g_autoptr(CostChartDataset) tornado = tornado_dataset ();
  g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  cairo_surface_t *surface;

  if (!chart_test_set_locale ("en_US.UTF-8"))
    {
      g_test_skip ("en_US.UTF-8 is not installed");
      return;
    }

  text = cost_chart_describe (COST_CHART_DONUT, donut);
  g_assert_cmpstr (text, ==, "Donut chart. Monthly cost by category: Labor ¥175,000 (46.7%), "
                             "Compute ¥107,000 (28.5%), Operations ¥90,000 (24.0%), Data ¥3,000 (0.8%); "
                             "Total ¥375,000.");
  g_clear_pointer (&text, g_free);

  text = cost_chart_describe (COST_CHART_STACKED, stacked);
  g_assert_true (g_str_has_prefix (text, "Stacked bar chart. Monthly run-rate by scenario: Baseline ¥375,000 "
                                         "(Labor ¥175,000, Compute ¥107,000, Operations ¥90,000, Data ¥3,000); "
                                         "INT8 quantization ¥325,000 ("));
  g_clear_pointer (&text, g_free);

  text = cost_chart_describe (COST_CHART_WATERFALL, waterfall);
  g_assert_cmpstr (text, ==, "Waterfall chart. From the baseline to INT8: Baseline ¥375,000, GPUs −¥50,000, "
                             "Storage +¥20,000, INT8 quantization ¥345,000.");
  g_clear_pointer (&text, g_free);

  text = cost_chart_describe (COST_CHART_TORNADO, tornado);
  g_assert_cmpstr (text, ==, "Tornado chart. Sensitivity: Baseline ¥375,000; Salaries from ¥340,000 to ¥410,000; "
                             "GPU price from ¥355,000 to ¥395,000; Storage price from ¥374,000 to ¥376,000.");

  surface = chart_test_render (COST_CHART_DONUT, donut, 900, 600, FALSE, layout);
  tooltip = cost_chart_describe_hit (COST_CHART_DONUT, donut, layout,
                                     &(CostChartHit) { 2, 0, 175000 });
  g_assert_cmpstr (tooltip, ==, "Labor\n¥175,000.00 · 46.7% of the total");
  cairo_surface_destroy (surface);
  g_clear_pointer (&tooltip, g_free);

  surface = chart_test_render (COST_CHART_STACKED, stacked, 900, 600, FALSE, layout);
  tooltip = cost_chart_describe_hit (COST_CHART_STACKED, stacked, layout,
                                     &(CostChartHit) { 0, 1, 57000 });
  g_assert_cmpstr (tooltip, ==, "INT8 quantization — Compute\n¥57,000.00 · 17.5% of the bar");
  cairo_surface_destroy (surface);
}

/* Compact amounts follow the language: 375K in English, 37.5万 in Chinese. */
static void
test_locale_formats (void)
{
  static const struct {
    const char *locale;
    const char *center;
    const char *axis_top;
    const char *segment;
  } cases[] = {
    { "en_US.UTF-8", "¥375K", "¥400K", "¥175K" },
    { "zh_CN.UTF-8", "37.5万元", "40万元", "17.5万元" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CostChartDataset) donut = categories_dataset ();
      g_autoptr(CostChartDataset) stacked = scenarios_dataset ();
      g_autoptr(CostChartLayout) layout = cost_chart_layout_new ();
      cairo_surface_t *surface;

      if (!chart_test_set_locale (cases[i].locale))
        {
          g_test_message ("%s is not installed", cases[i].locale);
          continue;
        }

      surface = chart_test_render (COST_CHART_DONUT, donut, 900, 600, FALSE, layout);
      g_assert_true (layout_has_text (layout, cases[i].center));
      cairo_surface_destroy (surface);

      surface = chart_test_render (COST_CHART_STACKED, stacked, 1200, 750, FALSE, layout);
      g_assert_true (layout_has_text (layout, cases[i].axis_top));
      g_assert_true (layout_has_text (layout, cases[i].segment));
      cairo_surface_destroy (surface);
    }

  chart_test_set_locale ("C.UTF-8");
}

/* HiDPI: at twice the scale, twice the pixels, the same shares. */
static void
test_device_scale (void)
{
  g_autoptr(CostChartDataset) dataset = categories_dataset ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1800, 1200);
  cairo_t *cr;
  guint labor, compute;

  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  cost_chart_draw (cr, &(CostChartRect) { 0, 0, 900, 600 }, COST_CHART_DONUT, dataset, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  labor = chart_test_count (surface, chart_test_rgb ("#009e73"), 2);
  compute = chart_test_count (surface, chart_test_rgb ("#0072b2"), 2);
  g_assert_cmpuint (labor, >, 100000);
  g_assert_cmpfloat (fabs ((double) labor / compute - 175.0 / 107.0), <, 0.03);

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/dataset/basics", test_dataset_basics);
  g_test_add_func ("/chart/palette/contrast", test_palette);
  g_test_add_func ("/chart/axis/nice-ticks", test_nice_ticks);
  g_test_add_func ("/chart/donut/shares", test_donut_shares);
  g_test_add_func ("/chart/donut/other", test_donut_other);
  g_test_add_func ("/chart/donut/highlight", test_highlight);
  g_test_add_func ("/chart/donut/device-scale", test_device_scale);
  g_test_add_func ("/chart/stacked/heights", test_stacked_heights);
  g_test_add_func ("/chart/ranked/lengths", test_ranked_lengths);
  g_test_add_func ("/chart/waterfall/steps", test_waterfall_steps);
  g_test_add_func ("/chart/tornado/rows", test_tornado_rows);
  g_test_add_func ("/chart/histogram/bars", test_histogram_bars);
  g_test_add_func ("/chart/s-curve/points", test_s_curve);
  g_test_add_func ("/chart/fan/bands", test_fan_bands);
  g_test_add_func ("/chart/contributions", test_contributions);
  g_test_add_func ("/chart/burn-up", test_burn_up);
  g_test_add_func ("/chart/spread/describe", test_spread_describe);
  g_test_add_func ("/chart/spread/chinese", test_spread_chinese);
  g_test_add_func ("/chart/text/inside", test_text_inside);
  g_test_add_func ("/chart/edge-cases", test_edge_cases);
  g_test_add_func ("/chart/hit-testing", test_hit_testing);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/format/locale", test_locale_formats);

  return g_test_run ();
}
