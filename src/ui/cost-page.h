/* cost-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_PAGE (cost_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (CostPage, cost_page, COST, PAGE, AdwBin)

/**
 * CostPageClass:
 * @document_changed: the page shows another document, or none: forget
 *   what belonged to the previous one; called before the page refreshes
 * @refresh: show the figures of the document, or nothing without one;
 *   called only while the page is on screen, unless @refresh_hidden
 * @refresh_hidden: whether the page refreshes at once even while hidden,
 *   rather than when it is shown again
 */
struct _CostPageClass
{
  AdwBinClass parent_class;

  void     (*document_changed) (CostPage *self);
  void     (*refresh)          (CostPage *self);
  gboolean   refresh_hidden;

  gpointer padding[8];
};

CostDocument *cost_page_get_document     (CostPage     *self);
void          cost_page_set_document     (CostPage     *self,
                                          CostDocument *document);
GSignalGroup *cost_page_get_signal_group (CostPage     *self);
void          cost_page_queue_refresh    (CostPage     *self);
gboolean      cost_page_get_stale        (CostPage     *self);
char         *cost_page_dup_caption      (CostPage     *self,
                                          gboolean      all_scenarios);

G_END_DECLS
