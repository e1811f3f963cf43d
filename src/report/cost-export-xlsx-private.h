/* cost-export-xlsx-private.h
 *
 * Sheets of the XLSX export written beside cost-export-xlsx.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "cost-plan-actual.h"

G_BEGIN_DECLS

void _cost_export_xlsx_plan_actual (lxw_workbook         *workbook,
                                    lxw_worksheet        *sheet,
                                    CostProject          *project,
                                    const CostPlanActual *plan_actual);

G_END_DECLS
