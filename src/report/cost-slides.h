/* cost-slides.h
 *
 * The slides of a presentation: which charts, in which order, each under
 * the title of its data. Presentation mode shows them one at a time on the
 * screen; cost_export_slides() writes the same slides as the pages of a
 * 16:9 PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-calc.h"
#include "cost-chart.h"
#include "cost-export.h"

G_BEGIN_DECLS

typedef enum
{
  COST_SLIDE_CATEGORIES,
  COST_SLIDE_SCENARIOS,
  COST_SLIDE_MONTHS,
  COST_SLIDE_TOP_ITEMS,
  COST_SLIDE_COMPARISON,
  COST_N_SLIDES
} CostSlide;

/* The slide page, in points: 13⅓ × 7½ inches (338.7 × 190.5 mm), 16:9. */
#define COST_SLIDE_WIDTH  960.0
#define COST_SLIDE_HEIGHT 540.0

gboolean          cost_slide_is_available        (CostSlide                 slide,
                                                  CostProject              *project);
gboolean          cost_slide_shows_all_scenarios (CostSlide                 slide);
guint             cost_slide_get_n_available     (CostProject              *project);
guint             cost_slide_get_index           (CostSlide                 slide,
                                                  CostProject              *project);
CostChartDataset *cost_slide_build               (CostSlide                 slide,
                                                  CostProject              *project,
                                                  GPtrArray                *results,
                                                  guint                     scenario,
                                                  const CostExportOptions  *options,
                                                  CostChartKind            *kind);

gboolean          cost_export_slides             (CostProject              *project,
                                                  GFile                    *file,
                                                  const CostExportOptions  *options,
                                                  GError                  **error);

G_END_DECLS
