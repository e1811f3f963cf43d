/* cost-report-private.h
 *
 * What the report's files share: the report object, whose sections
 * (cost-report-sections.c) are placed on the pages of its layout
 * (cost-report-layout.c) by cost_report_paginate() (cost-report.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-report-layout.h"
#include "cost-report.h"
#include "cost-uncertainty.h"

G_BEGIN_DECLS

struct _CostReport
{
  GObject       parent_instance;

  CostProject  *project;
  GPtrArray    *results;       /* CostResult: the baseline, then each scenario */
  CostResult   *result;        /* the one reported, owned by results */
  gboolean      redact_labor;
  gboolean      whole;         /* every amount is whole: no minor units shown */
  GDateTime    *date;
  CostUncertainty *uncertainty; /* NULL when the project has no ranges */

  CostLayout   *layout;        /* NULL until paginated */
};

void _cost_report_place_sections (CostReport *self);
void _cost_report_place_actuals  (CostReport *self);

G_END_DECLS
