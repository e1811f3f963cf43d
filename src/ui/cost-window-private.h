/* cost-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cost-actuals-page.h"
#include "cost-comparison-page.h"
#include "cost-export.h"
#include "cost-workload-page.h"
#include "cost-projection-page.h"
#include "cost-sensitivity-page.h"
#include "cost-summary-page.h"
#include "cost-uncertainty-page.h"
#include "cost-window.h"

G_BEGIN_DECLS

struct _CostWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  GtkWidget            *back_button;
  GtkWidget            *content_menu_button;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  CostSummaryPage      *summary_page;
  CostCategoryPage     *category_page;
  CostWorkloadPage     *workload_page;
  CostComparisonPage   *comparison_page;
  CostSensitivityPage  *sensitivity_page;
  CostUncertaintyPage  *uncertainty_page;
  CostProjectionPage   *projection_page;
  CostActualsPage      *actuals_page;
  GMenu                *recent_menu;
  GtkMenuButton        *scenario_button;
  GtkLabel             *scenario_label;
  GMenu                *scenario_section;
  GMenu                *preset_section;

  CostDocument         *document;
  GListModel           *sidebar_model;
  CostCategory         *current;       /* the category shown, NULL for the summary */
  const char           *page;          /* the page shown: "summary", "comparison", … */
  char                 *scenario_list; /* the scenarios the menu lists, as ids and names */
  GBinding             *undo_binding;
  GBinding             *redo_binding;
  GSettings            *settings;
  GtkPrintSettings     *print_settings;
  gboolean              close_confirmed;

  const char           *stack_page;    /* the page to show once no file is being opened */
  GCancellable         *loading;       /* the file being opened, NULL when none */
  gboolean              saving;        /* a file is being written */
  GApplication         *held;          /* kept running until the file is written */
  gboolean              close_pending; /* closing waits for the save */
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
void cost_window_dispose_files     (CostWindow        *self);
void cost_window_show_stack_page   (CostWindow        *self,
                                    const char        *name);
void cost_window_show_undo_toast   (CostWindow        *self,
                                    const char        *title);
void cost_window_show_exported     (CostWindow        *self,
                                    GFile             *file);
void cost_window_fill_export_options (CostWindow      *self,
                                      CostExportOptions *options);

gboolean cost_window_close_files   (CostWindow        *self);

void        cost_window_init_scenario_actions (CostWindowClass *klass);
void        cost_window_init_scenarios        (CostWindow      *self);
void        cost_window_update_scenarios      (CostWindow      *self);
const char *cost_window_get_scenario_id       (CostWindow      *self);
void        cost_window_set_scenario_id       (CostWindow      *self,
                                               const char      *id);

G_END_DECLS
