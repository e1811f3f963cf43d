/* cost-change-text.h
 *
 * How a figure compares with the baseline's, in words or in a table cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-format.h"

G_BEGIN_DECLS

/**
 * CostChangeStyle:
 * @COST_CHANGE_TEXT: "−¥50,000 (−13.3%)", "No change"
 * @COST_CHANGE_VS_BASELINE: "−¥50,000 (−13.3%) vs the baseline", "Same as
 *   the baseline"
 * @COST_CHANGE_AMOUNT: a table cell, the amount alone: "−50,000", "+12,000"
 * @COST_CHANGE_PERCENT: a table cell, the share of the baseline alone:
 *   "−13.3%", "+3.2%", "—" when the baseline is not positive
 */
typedef enum
{
  COST_CHANGE_TEXT,
  COST_CHANGE_VS_BASELINE,
  COST_CHANGE_AMOUNT,
  COST_CHANGE_PERCENT,
} CostChangeStyle;

char *cost_change_text         (double           value,
                                double           baseline,
                                const char      *currency,
                                CostFormatFlags  flags,
                                CostChangeStyle  style);
char *cost_change_text_percent (double           fraction);

G_END_DECLS
