/* cost-summary-page.c
 *
 * The project at a glance: key figures, how they stand against the budgets,
 * the cost by category as a donut and the scenarios (or the months) as
 * stacked bars, updated on every edit. Shown for a document, it follows
 * the document's scenario and offers the quick what-if; shown for a
 * project alone, it takes the figures from a view of the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-summary-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-calc.h"
#include "cost-change-text.h"
#include "cost-chart-data.h"
#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-scenario-text.h"
#include "cost-summary-page.h"
#include "cost-uncertainty-page.h"
#include "cost-unit-economics-panel.h"
#include "cost-whatif-panel.h"

struct _CostSummaryPage
{
  CostPage       parent_instance;

  GtkLabel      *run_rate_label;
  GtkLabel      *run_rate_detail;
  GtkLabel      *first_year_label;
  GtkLabel      *first_year_detail;
  GtkLabel      *one_time_label;
  GtkLabel      *one_time_detail;
  GtkLabel      *horizon_caption;
  GtkLabel      *horizon_label;
  GtkLabel      *horizon_detail;
  GtkLabel      *stacked_title;
  GtkLabel      *budget_label;
  GtkLabel      *uncertainty_label;
  CostChartView *donut_view;
  CostChartView *stacked_view;
  CostWhatifPanel *whatif_panel;
  CostUnitEconomicsPanel *economics_panel;

  CostDocument  *view;          /* of the project shown without its document */
  GBinding      *scenario_binding;
  CostProject   *project;
  CostScenario  *scenario;
  CostSimulationUse use;        /* of the document shown, held while mapped */
};

G_DEFINE_FINAL_TYPE (CostSummaryPage, cost_summary_page, COST_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SCENARIO,
  N_PROPS
};

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * cost_summary_format_change:
 *
 * Returns: (transfer full): how @value compares with @baseline:
 *   "−¥50,000 (−13.3%) vs the baseline"
 */
char *
cost_summary_format_change (double      value,
                            double      baseline,
                            const char *currency)
{
  return cost_change_text (value, baseline, currency, COST_FORMAT_WHOLE, COST_CHANGE_VS_BASELINE);
}

/* The share of a budget, or by how much it is exceeded. */
static char *
format_budget (double      value,
               double      budget,
               const char *currency)
{
  g_autofree char *text = NULL;

  if (budget <= 0)
    return NULL;

  if (value > budget)
    {
      text = cost_format_money (value - budget, currency, COST_FORMAT_WHOLE);
      /* Translators: "¥25,000 over the budget" */
      return g_strdup_printf (_("%s over the budget"), text);
    }

  text = cost_format_percent (value / budget);
  /* Translators: "62.5% of the budget" */
  return g_strdup_printf (_("%s of the budget"), text);
}

static void
set_figure (GtkLabel   *label,
            GtkLabel   *detail,
            double      value,
            const char *currency,
            char       *detail_text)
{
  g_autofree char *text = cost_format_money_styled (value, currency, COST_MONEY_COMPACT);
  g_autofree char *exact = cost_format_money_styled (value, currency, COST_MONEY_EXACT);
  g_autofree char *owned_detail = detail_text;

  gtk_label_set_label (label, text);
  /* A card rounds to 万 in Chinese: the exact amount is a hover away. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), g_strcmp0 (text, exact) != 0 ? exact : NULL);
  gtk_label_set_label (detail, owned_detail ? owned_detail : "");
  gtk_widget_set_visible (GTK_WIDGET (detail), owned_detail != NULL);
}

/* How sure the run-rate is, when the plan has ranges. */
static void
update_uncertainty (CostSummaryPage *self)
{
  CostUncertainty *u = self->use.simulation ? cost_simulation_get_result (self->use.simulation) : NULL;
  g_autofree char *text = NULL;

  if (self->use.simulation == NULL || self->project == NULL || cost_simulation_get_n_ranges (self->use.simulation) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->uncertainty_label), FALSE);
      return;
    }

  if (u != NULL)
    text = cost_uncertainty_describe_run_rate (u, cost_project_get_currency (self->project));
  gtk_label_set_label (self->uncertainty_label, text ? text : _("Simulating how sure the plan is…"));
  gtk_widget_set_opacity (GTK_WIDGET (self->uncertainty_label),
                          cost_simulation_get_current (self->use.simulation) ? 1.0 : 0.55);
  gtk_widget_set_visible (GTK_WIDGET (self->uncertainty_label), TRUE);
}

static void
on_simulation_notify_cb (CostSimulation  *simulation,
                         GParamSpec      *pspec,
                         CostSummaryPage *self)
{
  if (!g_str_equal (pspec->name, "fraction"))
    update_uncertainty (self);
}

static void
hold (CostSummaryPage *self,
      gboolean         held)
{
  cost_simulation_use_hold (&self->use, held);
}

static void
set_simulation (CostSummaryPage *self,
                CostSimulation  *simulation)
{
  cost_simulation_use_set (&self->use, simulation, gtk_widget_get_mapped (GTK_WIDGET (self)),
                           G_CALLBACK (on_simulation_notify_cb), self);
}

static void
cost_summary_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cost_summary_page_parent_class)->map (widget);
  hold (COST_SUMMARY_PAGE (widget), TRUE);
}

static void
cost_summary_page_unmap (GtkWidget *widget)
{
  hold (COST_SUMMARY_PAGE (widget), FALSE);
  GTK_WIDGET_CLASS (cost_summary_page_parent_class)->unmap (widget);
}

static void
cost_summary_page_refresh (CostPage *page)
{
  CostSummaryPage *self = COST_SUMMARY_PAGE (page);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CostChartDataset) donut = NULL;
  g_autoptr(CostChartDataset) stacked = NULL;
  g_autofree char *horizon_text = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *caption = NULL;
  const CostResult *result, *baseline;
  const char *currency;
  guint position = 0;

  if (self->project == NULL)
    {
      cost_chart_view_set_dataset (self->donut_view, NULL);
      cost_chart_view_set_dataset (self->stacked_view, NULL);
      return;
    }

  /* A scenario that left the project leaves the page on the baseline. */
  if (self->scenario != NULL &&
      cost_project_find_scenario (self->project, cost_scenario_get_id (self->scenario), &position) != self->scenario)
    {
      g_clear_object (&self->scenario);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }

  results = g_ptr_array_ref (cost_document_get_results (cost_page_get_document (page)));
  baseline = g_ptr_array_index (results, 0);
  result = self->scenario ? g_ptr_array_index (results, position + 1) : baseline;
  currency = cost_project_get_currency (self->project);

  set_figure (self->run_rate_label, self->run_rate_detail, result->run_rate, currency,
              self->scenario ? cost_summary_format_change (result->run_rate, baseline->run_rate, currency) :
                               format_budget (result->run_rate, cost_project_get_monthly_budget (self->project), currency));
  set_figure (self->first_year_label, self->first_year_detail, result->first_year, currency,
              self->scenario ? cost_summary_format_change (result->first_year, baseline->first_year, currency) :
                               format_budget (result->first_year, cost_project_get_annual_budget (self->project), currency));
  set_figure (self->one_time_label, self->one_time_detail, result->one_time, currency,
              self->scenario ? cost_summary_format_change (result->one_time, baseline->one_time, currency) : NULL);
  set_figure (self->horizon_label, self->horizon_detail, result->horizon_total, currency,
              self->scenario ? cost_summary_format_change (result->horizon_total, baseline->horizon_total, currency) : NULL);

  horizon_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                               "Total over %d months", result->horizon),
                                  result->horizon);
  gtk_label_set_label (self->horizon_caption, horizon_text);

  budget_text = cost_scenario_text_budget (self->project, result);
  gtk_label_set_label (self->budget_label, budget_text ? budget_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->budget_label), budget_text != NULL);
  update_uncertainty (self);

  donut = cost_chart_data_by_category (self->project, result);
  caption = cost_page_dup_caption (COST_PAGE (self), FALSE);
  cost_chart_view_set_caption (self->donut_view, caption);
  cost_chart_view_set_dataset (self->donut_view, donut);
  g_free (caption);
  caption = cost_page_dup_caption (COST_PAGE (self), results->len > 1);
  cost_chart_view_set_caption (self->stacked_view, caption);

  if (results->len > 1)
    {
      stacked = cost_chart_data_by_scenario (self->project, results);
      gtk_label_set_label (self->stacked_title, _("Monthly Run-Rate by Scenario"));
    }
  else
    {
      stacked = cost_chart_data_by_month (self->project, result);
      gtk_label_set_label (self->stacked_title, _("Cost by Month"));
    }
  cost_chart_data_add_budget (stacked, self->project);
  cost_chart_view_set_dataset (self->stacked_view, stacked);
}

/* The page shows a document, a view of a project, or nothing: the
 * scenario shown follows the document's, the what-if edits the document,
 * and the unit economics take the same figures. */
static void
cost_summary_page_document_changed (CostPage *page)
{
  CostSummaryPage *self = COST_SUMMARY_PAGE (page);
  CostDocument *source = cost_page_get_document (page);
  CostDocument *document = cost_summary_page_get_document (self);
  CostProject *project = source ? cost_document_get_project (source) : NULL;
  gboolean project_changed;

  g_clear_pointer (&self->scenario_binding, g_binding_unbind);
  if (self->view != source)
    g_clear_object (&self->view);

  project_changed = g_set_object (&self->project, project);
  set_simulation (self, source ? cost_document_get_simulation (source) : NULL);
  cost_unit_economics_panel_set_document (self->economics_panel, source);

  if (self->scenario != NULL)
    {
      g_clear_object (&self->scenario);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
  if (document != NULL)
    self->scenario_binding = g_object_bind_property (document, "scenario", self, "scenario",
                                                     G_BINDING_SYNC_CREATE);

  cost_whatif_panel_set_document (self->whatif_panel, document);
  gtk_widget_set_visible (GTK_WIDGET (self->whatif_panel), document != NULL);

  if (project_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
on_chart_activated_cb (CostChartView   *view,
                       int              series,
                       int              group,
                       CostSummaryPage *self)
{
  CostChartDataset *dataset = cost_chart_view_get_dataset (view);
  const char *id;

  /* Both charts have one series per category; "Other" is no category. */
  if (dataset == NULL || series < 0)
    return;

  id = cost_chart_dataset_get_series_id (dataset, series);
  if (id != NULL)
    g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, id);
}

static void
cost_summary_page_dispose (GObject *object)
{
  CostSummaryPage *self = COST_SUMMARY_PAGE (object);

  g_clear_pointer (&self->scenario_binding, g_binding_unbind);
  set_simulation (self, NULL);
  g_clear_object (&self->view);
  g_clear_object (&self->project);
  g_clear_object (&self->scenario);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (cost_summary_page_parent_class)->dispose (object);
}

static void
cost_summary_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostSummaryPage *self = COST_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_summary_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostSummaryPage *self = COST_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      cost_summary_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      cost_summary_page_set_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_summary_page_class_init (CostSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_summary_page_dispose;
  object_class->get_property = cost_summary_page_get_property;
  object_class->set_property = cost_summary_page_set_property;

  widget_class->map = cost_summary_page_map;
  widget_class->unmap = cost_summary_page_unmap;

  page_class->document_changed = cost_summary_page_document_changed;
  page_class->refresh = cost_summary_page_refresh;
  /* The key figures stand for the document's, shown or not: they are
   * there as soon as a file is read, before the window first shows. */
  page_class->refresh_hidden = TRUE;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, COST_TYPE_PROJECT, flags);
  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, COST_TYPE_SCENARIO, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostSummaryPage::category-activated:
   * @category_id: the id of the category whose slice or segment was chosen
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (COST_TYPE_CHART_VIEW);
  g_type_ensure (COST_TYPE_WHATIF_PANEL);
  g_type_ensure (COST_TYPE_UNIT_ECONOMICS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, run_rate_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, run_rate_detail);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, first_year_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, first_year_detail);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, one_time_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, one_time_detail);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, horizon_caption);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, horizon_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, horizon_detail);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, stacked_title);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, uncertainty_label);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, whatif_panel);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, economics_panel);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, donut_view);
  gtk_widget_class_bind_template_child (widget_class, CostSummaryPage, stacked_view);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_activated_cb);
}

static void
cost_summary_page_init (CostSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->whatif_panel), FALSE);

  /* What one request costs, under the scenario shown. */
  g_object_bind_property (self, "scenario", self->economics_panel, "scenario", G_BINDING_SYNC_CREATE);
}

GtkWidget *
cost_summary_page_new (void)
{
  return g_object_new (COST_TYPE_SUMMARY_PAGE, NULL);
}

/**
 * cost_summary_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown, if the page shows one
 */
CostDocument *
cost_summary_page_get_document (CostSummaryPage *self)
{
  CostDocument *document;

  g_return_val_if_fail (COST_IS_SUMMARY_PAGE (self), NULL);

  /* The view of a project shown alone is the page's own business. */
  document = cost_page_get_document (COST_PAGE (self));
  return document != self->view ? document : NULL;
}

/**
 * cost_summary_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows the project of @document with the scenario it shows, and offers
 * the quick what-if on it.
 */
void
cost_summary_page_set_document (CostSummaryPage *self,
                                CostDocument    *document)
{
  g_return_if_fail (COST_IS_SUMMARY_PAGE (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (cost_summary_page_get_document (self) == document)
    return;

  cost_page_set_document (COST_PAGE (self), document);
}

/**
 * cost_summary_page_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
CostProject *
cost_summary_page_get_project (CostSummaryPage *self)
{
  g_return_val_if_fail (COST_IS_SUMMARY_PAGE (self), NULL);

  return self->project;
}

/**
 * cost_summary_page_set_project:
 * @project: (nullable): the project to show, without a document
 *
 * Shows @project from a view of its own, without the quick what-if.
 */
void
cost_summary_page_set_project (CostSummaryPage *self,
                               CostProject     *project)
{
  g_autoptr(CostDocument) view = NULL;

  g_return_if_fail (COST_IS_SUMMARY_PAGE (self));
  g_return_if_fail (!project || COST_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* Kept before the page moves to it, so that it is known as the view. */
  if (project != NULL)
    view = cost_document_new_view (project);
  g_set_object (&self->view, view);
  cost_page_set_document (COST_PAGE (self), view);
}

/**
 * cost_summary_page_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario shown, %NULL for the baseline
 */
CostScenario *
cost_summary_page_get_scenario (CostSummaryPage *self)
{
  g_return_val_if_fail (COST_IS_SUMMARY_PAGE (self), NULL);

  return self->scenario;
}

void
cost_summary_page_set_scenario (CostSummaryPage *self,
                                CostScenario    *scenario)
{
  g_return_if_fail (COST_IS_SUMMARY_PAGE (self));
  g_return_if_fail (!scenario || COST_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  g_set_object (&self->scenario, scenario);
  cost_page_queue_refresh (COST_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}
