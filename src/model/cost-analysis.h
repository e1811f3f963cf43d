/* cost-analysis.h
 *
 * What-if analysis over computed figures: the largest items, sensitivity
 * (tornado), the steps between two scenarios (waterfall), cumulative spend
 * and budgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"

G_BEGIN_DECLS

typedef struct
{
  CostItem *item;        /* borrowed from the result */
  guint     category_index;
  double    low;         /* run-rate with the item's quantity or price X% lower */
  double    high;        /* … X% higher */
} CostSensitivity;

typedef struct
{
  CostItem *item;        /* NULL for the step that groups the smaller changes */
  guint     category_index;
  double    delta;       /* change of the run-rate, positive when it costs more */
  guint     n_grouped;   /* for the grouped step: how many changes it holds */
} CostWaterfallStep;

typedef struct
{
  double  monthly_budget;        /* 0: none */
  double  annual_budget;         /* 0: none */
  double  monthly_headroom;      /* budget − run-rate; negative is overspend */
  int     first_month_over;      /* first month above the monthly budget, −1 if none */
  double  first_month_overspend; /* by how much that month is over */
  double  largest_overspend;     /* the worst month's overspend, 0 if none */
  double  annual_headroom;       /* annual budget − first-year total */
  int     annual_crossing_month; /* month in which the cumulative first-year spend
                                  * passes the annual budget, −1 if it does not */
} CostBudgetStatus;

typedef enum
{
  COST_TOP_ITEMS_DEFAULT = 0,
  COST_TOP_ITEMS_PRICED  = 1 << 0,   /* only items with a quantity and a unit price */
} CostTopItemsFlags;

GPtrArray *cost_analysis_top_items (const CostResult  *result,
                                    guint              limit,
                                    CostTopItemsFlags  flags);
GArray *cost_analysis_sensitivity (const CostResult  *result,
                                   double             fraction);
GArray *cost_analysis_waterfall   (const CostResult  *from,
                                   const CostResult  *to,
                                   guint              max_steps);
double *cost_analysis_cumulative  (const CostResult  *result);
void    cost_analysis_budget      (CostProject       *project,
                                   const CostResult  *result,
                                   CostBudgetStatus  *status);

G_END_DECLS
