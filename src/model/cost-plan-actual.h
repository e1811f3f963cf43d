/* cost-plan-actual.h
 *
 * The plan beside actual spending, for every view of it (the Actuals page,
 * the report's "Plan vs actual", the XLSX sheet, `--summary`):
 *
 *   g_autoptr(CostPlanActual) pa =
 *     cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
 *
 * with the figures a caller computed (cost_calc_compute(): the baseline or
 * a scenario). %NULL means the project has no actual spending. Then
 * pa->months[m] holds month m of the plan (its calendar month for
 * cost_month_get_label()): plan and actual of the project and of each
 * category (in the order of result->categories), the unassigned amount,
 * and the cumulative plan, actual and budget of a burn-up chart; pa->items
 * the items records name; pa->to_date, the forecasts at completion, the
 * exchange rates used and the warnings, each with its translated message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-project.h"

G_BEGIN_DECLS

/* A month or a category runs over plan when its actual exceeds the plan
 * by more than this share, unless the caller gives another. */
#define COST_PLAN_ACTUAL_DEFAULT_THRESHOLD 0.10

/* The forecast by run-rate averages this many of the last months. */
#define COST_PLAN_ACTUAL_RUN_RATE_MONTHS 3

/**
 * CostVariance:
 * @plan: the planned amount
 * @actual: the actual amount, in the project's currency
 * @variance: @actual − @plan: positive is over plan
 * @ratio: @variance ÷ @plan; NAN when the plan is 0
 */
typedef struct
{
  double plan;
  double actual;
  double variance;
  double ratio;
} CostVariance;

/**
 * CostPlanActualMonth:
 * @month: the calendar month (cost-month.h)
 * @reported: whether the month is one to date (at or before the last month
 *   with actual spending); a later month's actual amounts, variances and
 *   ratios are NAN
 * @has_actuals: whether any record falls in the month
 * @total: the plan and actual of the whole project; the actual includes
 *   unassigned amounts
 * @unassigned: what no category holds (no rule matched it)
 * @categories: (array length=n_categories): per category, in the order
 *   of the plan's result
 * @cumulative_plan: the plan of months 0 … this one
 * @cumulative_actual: the actual of months 0 … this one; NAN after the
 *   months to date
 * @cumulative_budget: the budget of months 0 … this one; 0 without one
 * @requests: the requests actually served in the month
 *   (cost_project_set_actual_requests()); NAN when not entered
 * @cost_per_1000_requests: what 1,000 requests actually cost: the actual
 *   ÷ @requests × 1,000; NAN without requests or after the months to date
 * @plan_cost_per_1000_requests: what the plan has 1,000 requests cost in
 *   the month: its plan ÷ the monthly requests of the workload
 *   (cost_unit_economics()) × 1,000; NAN without a workload
 */
typedef struct
{
  int           month;
  gboolean      reported;
  gboolean      has_actuals;
  CostVariance  total;
  double        unassigned;
  CostVariance *categories;
  double        cumulative_plan;
  double        cumulative_actual;
  double        cumulative_budget;
  double        requests;
  double        cost_per_1000_requests;
  double        plan_cost_per_1000_requests;
} CostPlanActualMonth;

/**
 * CostPlanActualItem:
 * @item: (transfer none): the item, from the plan's result
 * @category_index: its category's position in the plan's result
 * @months: (array length=horizon): plan and actual per month
 *
 * An item that records of actual spending name.
 */
typedef struct
{
  CostItem     *item;
  guint         category_index;
  CostVariance *months;
} CostPlanActualItem;

/**
 * CostPlanActualRate:
 * @currency: a currency records of actual spending are in, other than the
 *   project's
 * @rate: the project's currency per unit of @currency, as the project's
 *   exchange rates give it; 0 when it has none
 * @as_of: the date of @rate, "" when it has none
 * @amount: the records' total in @currency
 * @converted: that total in the project's currency (0 without a rate: it
 *   is left out of the figures)
 */
typedef struct
{
  char   *currency;
  double  rate;
  char   *as_of;
  double  amount;
  double  converted;
} CostPlanActualRate;

typedef enum
{
  COST_PLAN_ACTUAL_WARNING_MONTH_OVER,
  COST_PLAN_ACTUAL_WARNING_CATEGORY_OVER,
  COST_PLAN_ACTUAL_WARNING_FORECAST_OVER_BUDGET,
  COST_PLAN_ACTUAL_WARNING_NO_RATE,
  COST_PLAN_ACTUAL_WARNING_UNASSIGNED,
  COST_PLAN_ACTUAL_WARNING_OUTSIDE,
  COST_PLAN_ACTUAL_WARNING_MISSING_MONTH,
} CostPlanActualWarningKind;

/**
 * CostPlanActualWarning:
 * @kind: what is wrong
 * @month: the plan month it is about, or -1
 * @category: the category's position in the plan's result, or -1
 * @message: what to tell people, translated
 */
typedef struct
{
  CostPlanActualWarningKind  kind;
  int                        month;
  int                        category;
  char                      *message;
} CostPlanActualWarning;

/**
 * CostPlanActual:
 * @result: (transfer none): the plan compared: the figures of the
 *   baseline or a scenario, kept alive by this
 * @start: the calendar month of plan month 0
 * @horizon: months in the plan
 * @n_categories: categories, as in @result
 * @months: (array length=horizon): each month of the plan
 * @n_reported: months to date: 0 … @n_reported − 1 (the last one holds
 *   actual spending)
 * @to_date: the plan and actual of the months to date, their difference
 *   and its ratio
 * @categories_to_date: (array length=n_categories): the same for each
 *   category, in the order of @result
 * @unassigned_to_date: what no category holds, to date
 * @plan_at_completion: the plan of every month
 * @forecast_remaining_plan: forecast at completion: actual to date + the
 *   plan of the months left
 * @forecast_run_rate: forecast at completion: actual to date + @run_rate
 *   × the months left
 * @run_rate: the mean actual of the last three months to date (or fewer)
 * @budget_at_completion: the budget of the whole plan (annual budget ×
 *   horizon ÷ 12, else monthly budget × horizon); 0 without one
 * @outside: actual amounts of months outside the plan, in the project's
 *   currency: kept, not compared
 * @n_outside: records of such months
 * @items: (element-type CostPlanActualItem): the items records name
 * @rates: (element-type CostPlanActualRate): the rates used, one per
 *   currency other than the project's, sorted
 * @warnings: (element-type CostPlanActualWarning): in order of months
 * @threshold: the share a month may run over its plan without a warning
 * @has_traffic: whether a month to date has the requests it served, so
 *   that what 1,000 requests actually cost is known
 *
 * A plan beside what was spent.
 */
typedef struct
{
  CostResult          *result;
  int                  start;
  int                  horizon;
  guint                n_categories;
  CostPlanActualMonth *months;
  int                  n_reported;
  CostVariance         to_date;
  CostVariance        *categories_to_date;
  double               unassigned_to_date;
  double               plan_at_completion;
  double               forecast_remaining_plan;
  double               forecast_run_rate;
  double               run_rate;
  double               budget_at_completion;
  double               outside;
  guint                n_outside;
  GArray              *items;
  GArray              *rates;
  GArray              *warnings;
  double               threshold;
  gboolean             has_traffic;
} CostPlanActual;

#define COST_TYPE_PLAN_ACTUAL (cost_plan_actual_get_type ())

GType           cost_plan_actual_get_type  (void) G_GNUC_CONST;
CostPlanActual *cost_plan_actual_compute   (CostProject          *project,
                                            CostResult           *result,
                                            double                threshold);
CostPlanActual *cost_plan_actual_ref       (CostPlanActual       *self);
void            cost_plan_actual_unref     (CostPlanActual       *self);
const CostPlanActualItem *
                cost_plan_actual_find_item (const CostPlanActual *self,
                                            const char           *item_id);
const char     *cost_plan_actual_warning_kind_to_string (CostPlanActualWarningKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostPlanActual, cost_plan_actual_unref)

G_END_DECLS
