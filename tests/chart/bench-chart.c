/* bench-chart.c: how long each chart takes to draw at 1920×1080
 *
 * Budget (README.md, Benchmarks): under 10 ms for a pie or stacked bar chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "cost-chart.h"

#define WIDTH   1920
#define HEIGHT  1080
#define ROUNDS  41
#define BUDGET_MS 10.0

static const char *names[] = { "Compute", "Data", "Labor", "Operations", "Training", "Licences" };
static const char *colors[] = { "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00" };

static CostChartDataset *
dataset_for (CostChartKind kind)
{
  CostChartDataset *dataset = cost_chart_dataset_new ("Monthly cost", "CNY");

  switch (kind)
    {
    case COST_CHART_DONUT:
    case COST_CHART_PIE:
      for (guint c = 0; c < G_N_ELEMENTS (names); c++)
        cost_chart_dataset_append (dataset, NULL, names[c], colors[c], 10000.0 * (c + 1) * (c + 3));
      break;

    case COST_CHART_STACKED:
    case COST_CHART_STACKED_HORIZONTAL:
      /* Three years by month. */
      for (guint c = 0; c < G_N_ELEMENTS (names); c++)
        cost_chart_dataset_add_series (dataset, NULL, names[c], colors[c]);
      for (guint m = 0; m < 36; m++)
        {
          g_autofree char *label = g_strdup_printf ("M%u", m + 1);

          cost_chart_dataset_add_group (dataset, NULL, label);
          for (guint c = 0; c < G_N_ELEMENTS (names); c++)
            cost_chart_dataset_set_value (dataset, m, c, 20000.0 * (c + 1) * (1 + 0.02 * m));
        }
      break;

    case COST_CHART_RANKED:
      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *label = g_strdup_printf ("Item %u", i + 1);
          guint s = cost_chart_dataset_append (dataset, NULL, label, colors[i % 6], 1000.0 * ((i * 7919) % 211));

          cost_chart_dataset_set_series_detail (dataset, s, names[i % 6]);
        }
      break;

    case COST_CHART_WATERFALL:
      cost_chart_dataset_set_series_flags (dataset, cost_chart_dataset_append (dataset, NULL, "Baseline", NULL, 375000),
                                           COST_CHART_SERIES_TOTAL);
      for (guint i = 0; i < 8; i++)
        cost_chart_dataset_append (dataset, NULL, names[i % 6], NULL, (i % 2 ? 1 : -1) * 5000.0 * (i + 1));
      cost_chart_dataset_set_series_flags (dataset, cost_chart_dataset_append (dataset, NULL, "Scenario", NULL, 395000),
                                           COST_CHART_SERIES_TOTAL);
      break;

    case COST_CHART_TORNADO:
      cost_chart_dataset_set_base (dataset, 375000, "Baseline");
      cost_chart_dataset_add_group (dataset, NULL, "−20%");
      cost_chart_dataset_add_group (dataset, NULL, "+20%");
      for (guint i = 0; i < 10; i++)
        {
          guint s = cost_chart_dataset_add_series (dataset, NULL, names[i % 6], NULL);

          cost_chart_dataset_set_value (dataset, 0, s, 375000 - 3000.0 * (i + 1));
          cost_chart_dataset_set_value (dataset, 1, s, 375000 + 3500.0 * (i + 1));
        }
      break;

    case COST_CHART_HISTOGRAM:
      /* Forty bins of a bell from ¥300K to ¥460K. */
      cost_chart_dataset_add_series (dataset, "from", "From", NULL);
      cost_chart_dataset_add_series (dataset, "to", "To", NULL);
      cost_chart_dataset_add_series (dataset, "count", "Samples", NULL);
      for (guint b = 0; b < 40; b++)
        {
          guint g = cost_chart_dataset_add_group (dataset, NULL, NULL);
          double z = (b - 19.5) / 8.0;

          cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_FROM, 300000 + 4000.0 * b);
          cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_TO, 304000 + 4000.0 * b);
          cost_chart_dataset_set_value (dataset, g, COST_CHART_BIN_COUNT, round (1000 * exp (-z * z / 2)));
        }
      cost_chart_dataset_set_whole (dataset, 10000);
      cost_chart_dataset_add_marker (dataset, "point", "Plan", 375000);
      cost_chart_dataset_add_marker (dataset, "budget", "Budget", 400000);
      break;

    case COST_CHART_S_CURVE:
      cost_chart_dataset_add_series (dataset, "amount", "Amount", NULL);
      cost_chart_dataset_add_series (dataset, "fraction", "Probability", NULL);
      for (guint p = 0; p <= 100; p++)
        {
          guint g = cost_chart_dataset_add_group (dataset, NULL, NULL);

          cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_AMOUNT, 300000 + 1600.0 * p);
          cost_chart_dataset_set_value (dataset, g, COST_CHART_CURVE_FRACTION, p / 100.0);
        }
      cost_chart_dataset_add_marker (dataset, "budget", "Budget", 400000);
      cost_chart_dataset_set_note (dataset, "P(over budget) = 37.5%");
      break;

    case COST_CHART_FAN:
      for (guint s = 0; s < COST_CHART_FAN_N_SERIES; s++)
        cost_chart_dataset_add_series (dataset, NULL, names[s], NULL);
      for (guint m = 0; m < 36; m++)
        {
          g_autofree char *label = g_strdup_printf ("M%u", m + 1);
          guint g = cost_chart_dataset_add_group (dataset, NULL, label);

          for (guint s = 0; s < COST_CHART_FAN_PLAN; s++)
            cost_chart_dataset_set_value (dataset, g, s, 375000 * (1 + 0.01 * m) * (0.9 + 0.05 * s));
          cost_chart_dataset_set_value (dataset, g, COST_CHART_FAN_PLAN, 375000 * (1 + 0.01 * m));
        }
      cost_chart_dataset_add_marker (dataset, "budget", "Budget", 420000);
      break;

    case COST_CHART_BURN_UP:
      /* Three years, a year and a half of them reported. */
      for (guint s = 0; s < COST_CHART_BURN_UP_N_SERIES; s++)
        cost_chart_dataset_add_series (dataset, NULL, names[s], NULL);
      for (guint m = 0; m < 36; m++)
        {
          g_autofree char *label = g_strdup_printf ("M%u", m + 1);
          guint g = cost_chart_dataset_add_group (dataset, NULL, label);

          cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_PLAN, 375000.0 * (m + 1));
          cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_BUDGET, 400000.0 * (m + 1));
          if (m < 18)
            cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_ACTUAL, 380000.0 * (m + 1));
          else
            cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_ACTUAL);
          if (m >= 17)
            cost_chart_dataset_set_value (dataset, g, COST_CHART_BURN_UP_FORECAST,
                                          380000.0 * 18 + 375000.0 * (m - 17));
          else
            cost_chart_dataset_clear_value (dataset, g, COST_CHART_BURN_UP_FORECAST);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return dataset;
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  CostChartLayout *layout = cost_chart_layout_new ();
  GEnumClass *kinds = g_type_class_ref (COST_TYPE_CHART_KIND);
  gboolean over = FALSE;

  setlocale (LC_ALL, "");

  for (CostChartKind kind = COST_CHART_DONUT; kind <= COST_CHART_BURN_UP; kind++)
    {
      CostChartDataset *dataset = dataset_for (kind);
      double times[ROUNDS], median;

      for (guint round = 0; round <= ROUNDS; round++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 start = g_get_monotonic_time ();

          cost_chart_draw (cr, &(CostChartRect) { 0, 0, WIDTH, HEIGHT }, kind, dataset, NULL, layout);
          cairo_surface_flush (surface);
          cairo_destroy (cr);

          /* The first round warms the font caches. */
          if (round > 0)
            times[round - 1] = (g_get_monotonic_time () - start) / 1000.0;
        }

      qsort (times, ROUNDS, sizeof (double), bench_compare_doubles);
      median = times[ROUNDS / 2];
      printf ("%-20s median %6.2f ms  (min %.2f, max %.2f)%s\n",
              g_enum_get_value (kinds, kind)->value_nick, median, times[0], times[ROUNDS - 1],
              median < BUDGET_MS ? "" : "  OVER BUDGET");
      over |= median >= BUDGET_MS;
      cost_chart_dataset_unref (dataset);
    }

  g_type_class_unref (kinds);
  cost_chart_layout_unref (layout);
  cairo_surface_destroy (surface);

  return over ? 1 : 0;
}
