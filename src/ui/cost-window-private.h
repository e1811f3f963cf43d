/* cost-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-summary-page.h"
#include "cost-window.h"

G_BEGIN_DECLS

struct _CostWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  CostSummaryPage      *summary_page;
  CostCategoryPage     *category_page;
  GMenu                *recent_menu;

  CostDocument         *document;
  GListModel           *sidebar_model;
  CostCategory         *current;       /* the category shown, NULL for the summary */
  GBinding             *undo_binding;
  GBinding             *redo_binding;
  GSettings            *settings;
  GtkPrintSettings     *print_settings;
  gboolean              close_confirmed;
};

/* Called once the user saved or discarded their changes. */
typedef void (*CostWindowProceed) (CostWindow *self,
                                   gpointer    data);

void cost_window_set_document      (CostWindow        *self,
                                    CostDocument      *document);
void cost_window_commit_edits      (CostWindow        *self);
void cost_window_confirm_discard   (CostWindow        *self,
                                    CostWindowProceed  proceed,
                                    gpointer           data,
                                    GDestroyNotify     destroy);
void cost_window_show_error        (CostWindow        *self,
                                    const char        *heading,
                                    const char        *message);
void cost_window_init_file_actions (CostWindowClass   *klass);
void cost_window_init_files        (CostWindow        *self);

G_END_DECLS
