/* cost-report-actuals.c
 *
 * The report's "Plan vs actual" page, when the project has actual
 * spending: how far it ran over or under the plan month by month and by
 * category, where it is heading, against the budget, and what to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-actuals-charts.h"
#include "cost-change-text.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-plan-actual.h"
#include "cost-report-private.h"

#define BURN_UP_HEIGHT 190.0

/* Month, plan, actual, variance, variance (%), what 1,000 requests cost. */
static const CostLayoutColumn month_columns[] = {
  { N_("Month"), 0.20, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { NC_("actuals", "Plan"), 0.19, PANGO_ALIGN_RIGHT, FALSE, TRUE, "actuals" },
  { NC_("actuals", "Actual"), 0.19, PANGO_ALIGN_RIGHT, FALSE, TRUE, "actuals" },
  { N_("Variance"), 0.17, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Variance (%)"), 0.12, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Per 1,000 requests"), 0.13, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static const CostLayoutColumn category_columns[] = {
  { N_("Category"), 0.32, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { NC_("actuals", "Plan"), 0.19, PANGO_ALIGN_RIGHT, FALSE, TRUE, "actuals" },
  { NC_("actuals", "Actual"), 0.19, PANGO_ALIGN_RIGHT, FALSE, TRUE, "actuals" },
  { N_("Variance"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Variance (%)"), 0.12, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static const CostLayoutColumn forecast_columns[] = {
  { "", 0.72, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Amount"), 0.28, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static char *
money (CostReport *self,
       double      amount)
{
  return cost_format_money (amount, cost_project_get_currency (self->project), COST_FORMAT_WHOLE);
}

/* "+12,000" and "−12,000", with the table's money. */
static char *
variance_amount (CostReport         *self,
                 const CostVariance *v)
{
  return cost_change_text (v->actual, v->plan, cost_project_get_currency (self->project), COST_FORMAT_WHOLE,
                           COST_CHANGE_AMOUNT);
}

static char *
variance_percent (const CostVariance *v)
{
  return isfinite (v->ratio) ? cost_change_text_percent (v->ratio) : g_strdup ("—");
}

static void
fill_variance_row (CostReport         *self,
                   CostLayoutRow      *row,
                   const CostVariance *v)
{
  row->cells[1] = money (self, v->plan);
  row->cells[2] = money (self, v->actual);
  row->cells[3] = variance_amount (self, v);
  row->cells[4] = variance_percent (v);
}

/* What 1,000 requests cost: "¥1.50", the plan's under it. */
static void
fill_requests_cell (CostReport                *self,
                    CostLayoutRow             *row,
                    const CostPlanActualMonth *month)
{
  const char *currency = cost_project_get_currency (self->project);

  row->cells[5] = isfinite (month->cost_per_1000_requests) ?
    cost_format_money_small (month->cost_per_1000_requests, currency) : g_strdup ("—");
}

/* Each month to date, then the months to date together. */
static void
place_months (CostReport           *self,
              const CostPlanActual *pa)
{
  g_auto(CostLayoutTable) table = { 0 };
  guint n_columns = pa->has_traffic ? G_N_ELEMENTS (month_columns) : G_N_ELEMENTS (month_columns) - 1;
  CostLayoutRow *row;

  cost_layout_table_init (&table, month_columns, n_columns);
  table.caption = g_strdup (_("By month"));
  for (int m = 0; m < pa->n_reported; m++)
    {
      const CostPlanActualMonth *month = &pa->months[m];

      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      row->cells[0] = cost_project_get_month_label (self->project, m, FALSE);
      fill_variance_row (self, row, &month->total);
      if (pa->has_traffic)
        fill_requests_cell (self, row, month);
      if (month->unassigned != 0)
        {
          g_autofree char *unassigned = money (self, month->unassigned);

          /* Translators: under a month of the plan-vs-actual table: what of its actual no category holds */
          row->detail = g_strdup_printf (_("%s unassigned"), unassigned);
        }
    }

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_TOTAL);
  row->cells[0] = g_strdup (_("To date"));
  fill_variance_row (self, row, &pa->to_date);

  if (pa->has_traffic)
    {
      const char *currency = cost_project_get_currency (self->project);
      double plan = NAN;

      /* The plan's figure: the same workload each month. */
      for (int m = 0; m < pa->n_reported && isnan (plan); m++)
        plan = pa->months[m].plan_cost_per_1000_requests;
      if (isfinite (plan))
        {
          g_autofree char *text = cost_format_money_small (plan, currency);

          table.footnote =
            /* Translators: under the plan-vs-actual table: the plan's cost per 1,000 requests, for comparison */
            g_strdup_printf (_("Per 1,000 requests: the month’s actual cost over the requests it served. The "
                               "plan’s workload has 1,000 requests cost %s in its first month."), text);
        }
      else
        table.footnote = g_strdup (_("Per 1,000 requests: the month’s actual cost over the requests it served."));
    }

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

/* Each category to date, then what no category holds. */
static void
place_categories (CostReport           *self,
                  const CostPlanActual *pa)
{
  g_auto(CostLayoutTable) table = { 0 };
  CostLayoutRow *row;

  cost_layout_table_init (&table, category_columns, G_N_ELEMENTS (category_columns));
  table.caption = g_strdup (_("By category, to date"));
  for (guint c = 0; c < pa->n_categories; c++)
    {
      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      row->cells[0] = g_strdup (cost_names_translate (cost_category_get_name (pa->result->categories[c].category)));
      fill_variance_row (self, row, &pa->categories_to_date[c]);
    }

  if (pa->unassigned_to_date != 0)
    {
      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      /* Translators: actual spending that no category holds: no mapping rule matched it */
      row->cells[0] = g_strdup (_("Unassigned"));
      row->detail = g_strdup (_("in no category: no mapping rule matched it"));
      row->cells[1] = g_strdup ("—");
      row->cells[2] = money (self, pa->unassigned_to_date);
      row->cells[3] = g_strdup ("—");
      row->cells[4] = g_strdup ("—");
    }

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_TOTAL);
  row->cells[0] = g_strdup (_("Total to date"));
  fill_variance_row (self, row, &pa->to_date);

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

/* Where the whole plan ends, two ways, beside the plan and the budget. */
static void
place_forecasts (CostReport           *self,
                 const CostPlanActual *pa)
{
  g_auto(CostLayoutTable) table = { 0 };
  int left = pa->horizon - pa->n_reported;
  g_autofree char *run_rate = isfinite (pa->run_rate) ? money (self, pa->run_rate) : NULL;
  CostLayoutRow *row;

  cost_layout_table_init (&table, forecast_columns, G_N_ELEMENTS (forecast_columns));
  table.caption = g_strdup (_("At completion"));

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
  row->cells[0] = g_strdup (_("Plan at completion"));
  row->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "what the plan costs over its %d month",
                                              "what the plan costs over its %d months", pa->horizon),
                                 pa->horizon);
  row->cells[1] = money (self, pa->plan_at_completion);

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
  row->bold = TRUE;
  row->cells[0] = g_strdup (_("Forecast: spent so far, then the plan"));
  row->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "if the %d month left costs what the plan says",
                                              "if the %d months left cost what the plan says", left),
                                 left);
  row->cells[1] = money (self, pa->forecast_remaining_plan);

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
  row->bold = TRUE;
  row->cells[0] = g_strdup (_("Forecast: spent so far, then the recent pace"));
  if (run_rate != NULL)
    row->detail =
      /* Translators: how the run-rate forecast is made: the months left, the mean of the last months to date */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "if the %d month left costs what the last months did on average, %s a month",
                                    "if the %d months left cost what the last months did on average, %s a month",
                                    left),
                       left, run_rate);
  row->cells[1] = isfinite (pa->forecast_run_rate) ? money (self, pa->forecast_run_rate) : g_strdup ("—");

  if (pa->budget_at_completion > 0)
    {
      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      row->cells[0] = g_strdup (_("Budget at completion"));
      row->cells[1] = money (self, pa->budget_at_completion);
    }

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

static void
place_burn_up (CostReport           *self,
               const CostPlanActual *pa)
{
  CostChartDataset *dataset = cost_actuals_chart_burn_up (self->project, pa);  /* the block takes it */
  double width = cost_layout_content_width (self->layout);
  g_auto(CostLayoutBlock) block = { NULL, };
  PangoLayout *title = cost_layout_text (self->layout, cost_chart_dataset_get_title (dataset), SIZE_BODY, TRUE,
                                         width, PANGO_ALIGN_LEFT);
  double title_height;

  cost_layout_block_init (&block);
  title_height = cost_layout_block_add_text (&block, title, 0, 0, ink);
  cost_layout_block_add_chart (&block, COST_CHART_BURN_UP, dataset, 0, title_height + 4.0, width, BURN_UP_HEIGHT);
  block.height = title_height + 4.0 + BURN_UP_HEIGHT;

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place (self->layout, &block);
}

/**
 * _cost_report_place_actuals:
 *
 * When the project has actual spending, a page of the plan beside it:
 * the key figures, the burn-up chart, each month and each category to
 * date, the forecasts at completion and the warnings.
 */
void
_cost_report_place_actuals (CostReport *self)
{
  g_autoptr(CostPlanActual) pa =
    cost_plan_actual_compute (self->project, self->result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  g_autofree char *actual = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *intro = NULL;
  const char *labels[4];
  const char *values[4];

  if (pa == NULL)
    return;

  cost_layout_break_page (self->layout);
  cost_layout_place_heading (self->layout, _("Plan vs actual"));

  if (pa->n_reported > 0)
    {
      g_autofree char *last = cost_project_get_month_label (self->project, pa->n_reported - 1, FALSE);
      g_autofree char *first = cost_project_get_month_label (self->project, 0, FALSE);

      intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Actual spending from bills and entries, %s to %s (%d month), "
                                            "against the plan of the same months. Amounts in other "
                                            "currencies are converted at the project’s exchange rates.",
                                            "Actual spending from bills and entries, %s to %s (%d months), "
                                            "against the plan of the same months. Amounts in other "
                                            "currencies are converted at the project’s exchange rates.",
                                            pa->n_reported),
                               first, last, pa->n_reported);
    }
  else
    intro = g_strdup (_("No actual spending falls within the plan’s months yet."));
  cost_layout_skip (self->layout, 2.0);
  cost_layout_place_paragraph (self->layout,
                               cost_layout_text (self->layout, intro, SIZE_BODY, FALSE,
                                                 cost_layout_content_width (self->layout), PANGO_ALIGN_LEFT),
                               0, ink_secondary);

  actual = money (self, pa->to_date.actual);
  plan = money (self, pa->to_date.plan);
  /* Both forecasts, the lower first: "¥310,000 – ¥320,000". */
  if (isfinite (pa->forecast_run_rate) && pa->forecast_run_rate != pa->forecast_remaining_plan)
    {
      g_autofree char *low = money (self, MIN (pa->forecast_remaining_plan, pa->forecast_run_rate));
      g_autofree char *high = money (self, MAX (pa->forecast_remaining_plan, pa->forecast_run_rate));

      /* Translators: a range of amounts, "¥310,000 – ¥320,000" */
      forecast = g_strdup_printf (_("%s – %s"), low, high);
    }
  else
    forecast = money (self, pa->forecast_remaining_plan);
  budget = pa->budget_at_completion > 0 ? money (self, pa->budget_at_completion)
                                        : money (self, pa->plan_at_completion);
  labels[0] = _("Actual to date");
  labels[1] = _("Plan to date");
  labels[2] = _("Forecast at completion");
  labels[3] = pa->budget_at_completion > 0 ? _("Budget at completion") : _("Plan at completion");
  values[0] = actual;
  values[1] = plan;
  values[2] = forecast;
  values[3] = budget;
  cost_layout_skip (self->layout, 10.0);
  cost_layout_place_tiles (self->layout, labels, values);

  place_burn_up (self, pa);
  if (pa->n_reported > 0)
    {
      place_months (self, pa);
      place_categories (self, pa);
    }
  place_forecasts (self, pa);

  if (pa->warnings->len > 0)
    {
      cost_layout_skip (self->layout, TABLE_GAP);
      cost_layout_place_caption (self->layout, _("What to look at"));
      for (guint i = 0; i < pa->warnings->len; i++)
        cost_layout_place_note (self->layout, g_array_index (pa->warnings, CostPlanActualWarning, i).message);
    }
}
