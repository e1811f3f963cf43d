/* cost-calc.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-project.h"

G_BEGIN_DECLS

typedef struct
{
  CostItem           *item;            /* borrowed from the project or the scenario */
  guint               category_index;
  CostOverrideFields  overridden;      /* which values the scenario changed */
  gboolean            excluded;        /* left out by the scenario: every figure is 0 */
  gboolean            added;           /* exists only in the scenario */
  CostItemParams      params;

  double              run_rate;
  double              first_year;
  double              horizon_total;
  double              one_time;
  double              share;           /* of the run-rate, 0..1 */
} CostItemFigures;

typedef struct
{
  CostCategory *category;              /* borrowed */
  double        factor;
  gboolean      factor_overridden;
  double        run_rate;
  double        first_year;
  double        horizon_total;
  double        one_time;
  double        share;                 /* of the run-rate, 0..1 */
  double       *monthly;               /* horizon entries */
} CostCategoryFigures;

typedef struct
{
  CostScenario        *scenario;       /* NULL for the baseline */
  int                  horizon;
  guint                n_categories;
  CostCategoryFigures *categories;
  guint                n_items;
  CostItemFigures     *items;
  double              *monthly;        /* horizon entries */
  double               run_rate;
  double               first_year;
  double               horizon_total;
  double               one_time;
} CostResult;

/* An item's totals in whole cents (cost_calc_item_cents()). */
typedef struct
{
  double run_rate;
  double one_time;
  double first_year;
  double total;
} CostItemCents;

#define COST_TYPE_RESULT (cost_result_get_type ())

GType       cost_result_get_type        (void) G_GNUC_CONST;
CostResult *cost_result_ref             (CostResult            *result);
void        cost_result_unref           (CostResult            *result);

CostResult *cost_calc_compute           (CostProject           *project,
                                         CostScenario          *scenario);
GPtrArray  *cost_calc_compute_all       (CostProject           *project);

double      cost_calc_item_run_rate     (const CostItemParams  *params,
                                         int                    horizon);
void        cost_calc_item_cents        (const CostItemParams  *params,
                                         int                    horizon,
                                         double                *diff,
                                         double                *grow,
                                         CostItemCents         *totals);
void        cost_calc_item_months       (const CostItemParams  *params,
                                         int                    horizon,
                                         double                *monthly);
void        cost_calc_item_params       (CostItem              *item,
                                         double                 factor,
                                         CostItemParams        *params);
double      cost_round_money            (double                 amount);
const CostItemFigures *
            cost_result_find_item       (const CostResult      *result,
                                         const char            *item_id);
const CostCategoryFigures *
            cost_result_find_category   (const CostResult      *result,
                                         const char            *category_id);
double      cost_result_get_paid_once   (const CostResult      *result,
                                         const CostCategoryFigures *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostResult, cost_result_unref)

G_END_DECLS
