/* cost-projection-page.c
 *
 * The plan month by month for the scenario shown: the cost of each month by
 * category (growth, active months and amortisation make them differ), the
 * monthly budget as a line, and a table with the cumulative spend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-projection-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-chart-data.h"
#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-projection-page.h"
#include "cost-scenario-text.h"
#include "cost-table.h"

struct _CostProjectionPage
{
  CostPage       parent_instance;

  GtkLabel      *subtitle_label;
  GtkLabel      *budget_label;
  CostChartView *chart_view;
  GtkGrid       *table;
};

G_DEFINE_FINAL_TYPE (CostProjectionPage, cost_projection_page, COST_TYPE_PAGE)

enum {
  COLUMN_MONTH,
  COLUMN_COST,
  COLUMN_CUMULATIVE,
  COLUMN_BUDGET,
};

static void
fill_table (CostProjectionPage *self,
            CostProject        *project,
            const CostResult   *result)
{
  const char *currency = cost_project_get_currency (project);
  double budget = cost_project_get_monthly_budget (project);
  g_autofree double *cumulative = cost_analysis_cumulative (result);
  g_autofree char *total = cost_format_money_styled (result->horizon_total, currency, COST_MONEY_EXACT);
  int last = result->horizon + 1;

  cost_table_clear (self->table);
  cost_table_add (self->table, COLUMN_MONTH, 0, _("Month"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->table, COLUMN_COST, 0, _("Cost"), COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COLUMN_CUMULATIVE, 0, _("Cumulative"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  if (budget > 0)
    cost_table_add (self->table, COLUMN_BUDGET, 0, _("Against the Monthly Budget"),
                    COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);

  for (int m = 0; m < result->horizon; m++)
    {
      g_autofree char *month = cost_project_get_month_label (project, m, FALSE);
      g_autofree char *cost = cost_format_money_styled (result->monthly[m], currency, COST_MONEY_EXACT);
      g_autofree char *sum = cost_format_money_styled (cumulative[m], currency, COST_MONEY_EXACT);

      cost_table_add (self->table, COLUMN_MONTH, m + 1, month, COST_TABLE_CELL_TEXT);
      cost_table_add (self->table, COLUMN_COST, m + 1, cost, COST_TABLE_CELL_NUMBER);
      cost_table_add (self->table, COLUMN_CUMULATIVE, m + 1, sum, COST_TABLE_CELL_NUMBER);

      if (budget > 0)
        {
          double headroom = cost_round_money (budget - result->monthly[m]);
          g_autofree char *money = cost_format_money (headroom < 0 ? -headroom : headroom,
                                                      currency, COST_FORMAT_WHOLE);
          /* Translators: against a budget: "¥25,000 to spare", "¥12,000 over" */
          g_autofree char *text = g_strdup_printf (headroom < 0 ? _("%s over") : _("%s to spare"), money);
          GtkWidget *label = cost_table_add (self->table, COLUMN_BUDGET, m + 1, text, COST_TABLE_CELL_NUMBER);

          cost_table_style_delta (label, -headroom);
        }
    }

  cost_table_add (self->table, COLUMN_MONTH, last, _("Total"), COST_TABLE_CELL_STRONG);
  cost_table_add (self->table, COLUMN_CUMULATIVE, last, total,
                  COST_TABLE_CELL_STRONG | COST_TABLE_CELL_NUMBER);
}

static void
cost_projection_page_refresh (CostPage *page)
{
  CostProjectionPage *self = COST_PROJECTION_PAGE (page);
  CostDocument *document = cost_page_get_document (page);
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *caption = NULL;
  const CostResult *result;
  CostProject *project;

  if (document == NULL)
    {
      cost_chart_view_set_dataset (self->chart_view, NULL);
      cost_table_clear (self->table);
      return;
    }

  project = cost_document_get_project (document);
  result = cost_document_get_result (document);
  name = cost_scenario_text_name (result);
  total = cost_format_money (result->horizon_total, cost_project_get_currency (project), COST_FORMAT_WHOLE);

  /* Translators: under the Projection title: scenario, months, total */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d month · %s in all",
                                           "%s · %d months · %s in all", result->horizon),
                              name, result->horizon, total);
  gtk_label_set_label (self->subtitle_label, subtitle);

  budget_text = cost_scenario_text_budget (project, result);
  gtk_label_set_label (self->budget_label, budget_text ? budget_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->budget_label), budget_text != NULL);

  dataset = cost_chart_data_by_month (project, result);
  caption = cost_page_dup_caption (page, FALSE);
  cost_chart_view_set_caption (self->chart_view, caption);
  cost_chart_data_add_budget (dataset, project);
  cost_chart_view_set_dataset (self->chart_view, dataset);

  fill_table (self, project, result);
}

static void
cost_projection_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COST_TYPE_PROJECTION_PAGE);

  G_OBJECT_CLASS (cost_projection_page_parent_class)->dispose (object);
}

static void
cost_projection_page_class_init (CostProjectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);

  object_class->dispose = cost_projection_page_dispose;

  page_class->refresh = cost_projection_page_refresh;

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-projection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostProjectionPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostProjectionPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, CostProjectionPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, CostProjectionPage, table);
}

static void
cost_projection_page_init (CostProjectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cost_projection_page_new (void)
{
  return g_object_new (COST_TYPE_PROJECTION_PAGE, NULL);
}

/**
 * cost_projection_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CostDocument *
cost_projection_page_get_document (CostProjectionPage *self)
{
  g_return_val_if_fail (COST_IS_PROJECTION_PAGE (self), NULL);

  return cost_page_get_document (COST_PAGE (self));
}

/**
 * cost_projection_page_set_document:
 * @document: (nullable): the document to show, with its active scenario
 */
void
cost_projection_page_set_document (CostProjectionPage *self,
                                   CostDocument       *document)
{
  g_return_if_fail (COST_IS_PROJECTION_PAGE (self));

  cost_page_set_document (COST_PAGE (self), document);
}
