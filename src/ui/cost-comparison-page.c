/* cost-comparison-page.c
 *
 * The baseline and every scenario side by side: their figures and their
 * change from the baseline in money and percent, against the budgets, as
 * stacked bars by category, and a waterfall that explains the gap between
 * two of them item by item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-comparison-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-chart-data.h"
#include "cost-chart-view.h"
#include "cost-comparison-page.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-scenario-text.h"
#include "cost-table.h"

struct _CostComparisonPage
{
  CostPage       parent_instance;

  GtkLabel      *subtitle_label;
  GtkGrid       *table;
  CostChartView *bars_view;
  GtkDropDown   *from_dropdown;
  GtkDropDown   *to_dropdown;
  CostChartView *waterfall_view;

  GPtrArray     *results;     /* the baseline's, then each scenario's */
  char          *from_id;     /* the waterfall's ends: "" for the baseline */
  char          *to_id;
  gboolean       filling;     /* the drop-downs are being filled, not chosen from */
};

G_DEFINE_FINAL_TYPE (CostComparisonPage, cost_comparison_page, COST_TYPE_PAGE)

typedef enum
{
  FIGURE_RUN_RATE,
  FIGURE_FIRST_YEAR,
  FIGURE_HORIZON,
  FIGURE_ONE_TIME,
  N_FIGURES
} Figure;

static double
figure_of (const CostResult *result,
           Figure            figure)
{
  switch (figure)
    {
    case FIGURE_RUN_RATE:
      return result->run_rate;
    case FIGURE_FIRST_YEAR:
      return result->first_year;
    case FIGURE_HORIZON:
      return result->horizon_total;
    case FIGURE_ONE_TIME:
      return result->one_time;
    case N_FIGURES:
    default:
      g_return_val_if_reached (0);
    }
}

static const char *
result_id (const CostResult *result)
{
  return result->scenario ? cost_scenario_get_id (result->scenario) : "";
}

/* Each result takes two rows: its figures, and under them its description
 * and its change from the baseline. */
static void
fill_table (CostComparisonPage *self,
            CostProject        *project)
{
  const char *currency = cost_project_get_currency (project);
  const CostResult *baseline = g_ptr_array_index (self->results, 0);
  CostScenario *shown = cost_document_get_scenario (cost_page_get_document (COST_PAGE (self)));
  g_autofree char *horizon = NULL;
  gboolean budget = cost_project_get_monthly_budget (project) > 0 ||
                    cost_project_get_annual_budget (project) > 0;

  cost_table_clear (self->table);

  horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month", "Total over %d months",
                                          baseline->horizon),
                             baseline->horizon);
  cost_table_add (self->table, 0, 0, _("Scenario"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->table, 1 + FIGURE_RUN_RATE, 0, _("Monthly run-rate"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, 1 + FIGURE_FIRST_YEAR, 0, _("First year"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, 1 + FIGURE_HORIZON, 0, horizon,
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, 1 + FIGURE_ONE_TIME, 0, _("One-time"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  if (budget)
    cost_table_add (self->table, 1 + N_FIGURES, 0, _("Budget"), COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);

  for (guint i = 0; i < self->results->len; i++)
    {
      const CostResult *result = g_ptr_array_index (self->results, i);
      int row = 1 + 2 * (int) i;
      g_autofree char *name = cost_scenario_text_name (result);
      const char *description = result->scenario ? cost_scenario_get_description (result->scenario) : NULL;
      GtkWidget *label;

      label = cost_table_add (self->table, 0, row, name, COST_TABLE_CELL_STRONG);
      gtk_widget_set_margin_top (label, i > 0 ? 12 : 6);
      if (result->scenario == shown)
        gtk_widget_add_css_class (label, "accent");
      if (description != NULL && description[0] != '\0')
        {
          label = cost_table_add (self->table, 0, row + 1, cost_names_translate (description),
                                  COST_TABLE_CELL_DETAIL);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        }

      for (Figure f = 0; f < N_FIGURES; f++)
        {
          double value = figure_of (result, f);
          g_autofree char *money = cost_format_money_styled (value, currency, COST_MONEY_EXACT);

          label = cost_table_add (self->table, 1 + f, row, money, COST_TABLE_CELL_NUMBER);
          gtk_widget_set_margin_top (label, i > 0 ? 12 : 6);
          if (result->scenario != NULL)
            {
              double from = figure_of (baseline, f);
              g_autofree char *delta = cost_scenario_text_delta (value, from, currency);

              label = cost_table_add (self->table, 1 + f, row + 1, delta,
                                      COST_TABLE_CELL_NUMBER | COST_TABLE_CELL_DETAIL);
              cost_table_style_delta (label, cost_round_money (value - from));
            }
        }

      if (budget)
        {
          g_autofree char *text = cost_scenario_text_budget_cell (project, result);
          CostBudgetStatus status;

          cost_analysis_budget (project, result, &status);
          label = cost_table_add (self->table, 1 + N_FIGURES, row, text, COST_TABLE_CELL_NUMBER);
          gtk_widget_set_margin_top (label, i > 0 ? 12 : 6);
          cost_table_style_delta (label, status.first_month_over >= 0 || status.annual_crossing_month >= 0 ? 1 : -1);
        }
    }
}

static guint
position_of (CostComparisonPage *self,
             const char         *id)
{
  for (guint i = 0; i < self->results->len; i++)
    {
      if (g_strcmp0 (result_id (g_ptr_array_index (self->results, i)), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The drop-downs list the results; the ends keep their scenarios, or fall
 * back to the baseline and the scenario shown (else the first one). */
static void
fill_choices (CostComparisonPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  CostScenario *shown = cost_document_get_scenario (cost_page_get_document (COST_PAGE (self)));
  guint from, to;

  for (guint i = 0; i < self->results->len; i++)
    {
      g_autofree char *name = cost_scenario_text_name (g_ptr_array_index (self->results, i));

      gtk_string_list_append (names, name);
    }

  from = position_of (self, self->from_id);
  if (from == GTK_INVALID_LIST_POSITION)
    from = 0;
  to = position_of (self, self->to_id);
  if (to == GTK_INVALID_LIST_POSITION)
    to = shown != NULL ? position_of (self, cost_scenario_get_id (shown)) : MIN (1, self->results->len - 1);

  g_free (self->from_id);
  self->from_id = g_strdup (result_id (g_ptr_array_index (self->results, from)));
  g_free (self->to_id);
  self->to_id = g_strdup (result_id (g_ptr_array_index (self->results, to)));

  self->filling = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->from_dropdown, from);
  gtk_drop_down_set_selected (self->to_dropdown, to);
  self->filling = FALSE;
}

static void
update_waterfall (CostComparisonPage *self)
{
  CostProject *project = cost_document_get_project (cost_page_get_document (COST_PAGE (self)));
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autofree char *caption = NULL;
  guint from = position_of (self, self->from_id);
  guint to = position_of (self, self->to_id);

  dataset = cost_chart_data_comparison (project, g_ptr_array_index (self->results, from),
                                        g_ptr_array_index (self->results, to));
  /* The chart's title says which two scenarios it compares. */
  caption = cost_page_dup_caption (COST_PAGE (self), TRUE);
  cost_chart_view_set_caption (self->waterfall_view, caption);
  cost_chart_view_set_dataset (self->waterfall_view, dataset);
}

static void
cost_comparison_page_refresh (CostPage *page)
{
  CostComparisonPage *self = COST_COMPARISON_PAGE (page);
  CostDocument *document = cost_page_get_document (page);
  g_autoptr(CostChartDataset) bars = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *caption = NULL;
  CostProject *project;
  guint n;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (document == NULL)
    {
      cost_chart_view_set_dataset (self->bars_view, NULL);
      cost_chart_view_set_dataset (self->waterfall_view, NULL);
      cost_table_clear (self->table);
      return;
    }

  project = cost_document_get_project (document);
  n = cost_project_get_n_scenarios (project);
  /* The page's child is a stack of the comparison and its empty state. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    n > 0 ? "comparison" : "empty");

  self->results = g_ptr_array_ref (cost_document_get_results (document));
  /* Translators: under the Comparison title */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The baseline and %u scenario, and their change from the baseline",
                                           "The baseline and %u scenarios, and their change from the baseline", n),
                              n);
  gtk_label_set_label (self->subtitle_label, subtitle);

  fill_table (self, project);

  bars = cost_chart_data_by_scenario (project, self->results);
  cost_chart_data_add_budget (bars, project);
  caption = cost_page_dup_caption (page, TRUE);
  cost_chart_view_set_caption (self->bars_view, caption);
  cost_chart_view_set_dataset (self->bars_view, bars);

  fill_choices (self);
  update_waterfall (self);
}

/* When the scenario shown changes, the waterfall ends at it. */
static void
on_scenario_notify_cb (CostDocument       *document,
                       GParamSpec         *pspec,
                       CostComparisonPage *self)
{
  g_clear_pointer (&self->to_id, g_free);
  cost_page_queue_refresh (COST_PAGE (self));
}

/* Another document: the waterfall ends at its scenario shown. */
static void
cost_comparison_page_document_changed (CostPage *page)
{
  CostComparisonPage *self = COST_COMPARISON_PAGE (page);

  g_clear_pointer (&self->to_id, g_free);
}

static void
on_waterfall_choice_cb (GtkDropDown        *dropdown,
                        GParamSpec         *pspec,
                        CostComparisonPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  char **end = dropdown == self->from_dropdown ? &self->from_id : &self->to_id;

  if (self->filling || self->results == NULL || position >= self->results->len)
    return;

  g_free (*end);
  *end = g_strdup (result_id (g_ptr_array_index (self->results, position)));
  update_waterfall (self);
}

static void
cost_comparison_page_dispose (GObject *object)
{
  CostComparisonPage *self = COST_COMPARISON_PAGE (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_COMPARISON_PAGE);

  G_OBJECT_CLASS (cost_comparison_page_parent_class)->dispose (object);
}

static void
cost_comparison_page_finalize (GObject *object)
{
  CostComparisonPage *self = COST_COMPARISON_PAGE (object);

  g_clear_pointer (&self->from_id, g_free);
  g_clear_pointer (&self->to_id, g_free);

  G_OBJECT_CLASS (cost_comparison_page_parent_class)->finalize (object);
}

static void
cost_comparison_page_class_init (CostComparisonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);

  object_class->dispose = cost_comparison_page_dispose;
  object_class->finalize = cost_comparison_page_finalize;

  page_class->document_changed = cost_comparison_page_document_changed;
  page_class->refresh = cost_comparison_page_refresh;

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-comparison-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, table);
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, bars_view);
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CostComparisonPage, waterfall_view);
  gtk_widget_class_bind_template_callback (widget_class, on_waterfall_choice_cb);
}

static void
cost_comparison_page_init (CostComparisonPage *self)
{
  self->from_id = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_group_connect (cost_page_get_signal_group (COST_PAGE (self)), "notify::scenario",
                          G_CALLBACK (on_scenario_notify_cb), self);
}

GtkWidget *
cost_comparison_page_new (void)
{
  return g_object_new (COST_TYPE_COMPARISON_PAGE, NULL);
}

/**
 * cost_comparison_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CostDocument *
cost_comparison_page_get_document (CostComparisonPage *self)
{
  g_return_val_if_fail (COST_IS_COMPARISON_PAGE (self), NULL);

  return cost_page_get_document (COST_PAGE (self));
}

void
cost_comparison_page_set_document (CostComparisonPage *self,
                                   CostDocument       *document)
{
  g_return_if_fail (COST_IS_COMPARISON_PAGE (self));

  cost_page_set_document (COST_PAGE (self), document);
}
