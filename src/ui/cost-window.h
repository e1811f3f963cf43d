/* cost-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cost-application.h"
#include "cost-category-page.h"
#include "cost-chart-view.h"
#include "cost-document.h"

G_BEGIN_DECLS

#define COST_TYPE_WINDOW (cost_window_get_type ())

G_DECLARE_FINAL_TYPE (CostWindow, cost_window, COST, WINDOW, AdwApplicationWindow)

CostWindow       *cost_window_new                (CostApplication *application);
void              cost_window_open_file_async    (CostWindow      *self,
                                                  GFile           *file,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean          cost_window_open_file_finish   (CostWindow      *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
void              cost_window_save_to_async      (CostWindow      *self,
                                                  GFile           *file,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean          cost_window_save_to_finish     (CostWindow      *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
gboolean          cost_window_is_busy            (CostWindow      *self);
gboolean          cost_window_export             (CostWindow      *self,
                                                  GFile           *file,
                                                  const char      *chart,
                                                  GError         **error);
CostChartView    *cost_window_get_chart          (CostWindow      *self,
                                                  const char      *name);
gboolean          cost_window_export_slides      (CostWindow      *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean          cost_window_print              (CostWindow      *self,
                                                  GFile           *export_to,
                                                  GError         **error);
CostDocument     *cost_window_get_document       (CostWindow      *self);
CostProject      *cost_window_get_project        (CostWindow      *self);
void              cost_window_select_category    (CostWindow      *self,
                                                  CostCategory    *category);
void              cost_window_show_page          (CostWindow      *self,
                                                  const char      *page);
const char       *cost_window_get_page           (CostWindow      *self);
CostCategoryPage *cost_window_get_category_page  (CostWindow      *self);
GtkWidget        *cost_window_get_sidebar_row    (CostWindow      *self,
                                                  CostCategory    *category);
const char       *cost_window_get_display_title  (CostWindow      *self);

guint             cost_window_offer_recovery     (CostWindow      *self);

G_END_DECLS
