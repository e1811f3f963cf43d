/* cost-presentation.c
 *
 * The summary for a projector: full screen, large type, one chart at a
 * time. Left and right step through the charts, up and down through the
 * scenarios, Escape leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-presentation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-calc.h"
#include "cost-chart-data.h"
#include "cost-chart-view.h"
#include "cost-document.h"
#include "cost-export.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-presentation.h"
#include "cost-slides.h"
#include "cost-summary-page.h"

enum {
  FIGURE_RUN_RATE,
  FIGURE_FIRST_YEAR,
  FIGURE_ONE_TIME,
  FIGURE_HORIZON,
  N_FIGURES
};

struct _CostPresentation
{
  AdwWindow      parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *scenario_label;
  GtkLabel      *position_label;
  GtkBox        *figures_box;
  CostChartView *chart_view;
  GtkLabel      *captions[N_FIGURES];
  GtkLabel      *values[N_FIGURES];
  GtkLabel      *changes[N_FIGURES];

  CostProject   *project;
  CostDocument  *document;   /* a view of the project, which keeps its figures */
  CostSlide      slide;
  guint          scenario;    /* 0 for the baseline, then each scenario */
};

G_DEFINE_FINAL_TYPE (CostPresentation, cost_presentation, ADW_TYPE_WINDOW)

static void
set_figure (CostPresentation *self,
            guint             figure,
            double            value,
            double            baseline,
            const char       *currency)
{
  g_autofree char *text = cost_format_money (value, currency, COST_FORMAT_WHOLE);
  g_autofree char *change = NULL;

  gtk_label_set_label (self->values[figure], text);
  if (self->scenario > 0)
    change = cost_summary_format_change (value, baseline, currency);
  gtk_label_set_label (self->changes[figure], change ? change : "");
}

static void
refresh (CostPresentation *self)
{
  g_autoptr(GPtrArray) results = g_ptr_array_ref (cost_document_get_results (self->document));
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autofree char *horizon = NULL;
  g_autofree char *position = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *caption = NULL;
  const char *currency = cost_project_get_currency (self->project);
  const CostResult *baseline, *result;
  CostChartKind kind = COST_CHART_DONUT;

  self->scenario = MIN (self->scenario, results->len - 1);
  if (!cost_slide_is_available (self->slide, self->project))
    self->slide = COST_SLIDE_CATEGORIES;

  baseline = g_ptr_array_index (results, 0);
  result = g_ptr_array_index (results, self->scenario);

  gtk_label_set_label (self->title_label, cost_project_get_title (self->project));

  set_figure (self, FIGURE_RUN_RATE, result->run_rate, baseline->run_rate, currency);
  set_figure (self, FIGURE_FIRST_YEAR, result->first_year, baseline->first_year, currency);
  set_figure (self, FIGURE_ONE_TIME, result->one_time, baseline->one_time, currency);
  set_figure (self, FIGURE_HORIZON, result->horizon_total, baseline->horizon_total, currency);
  horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                          "Total over %d months", result->horizon),
                             result->horizon);
  gtk_label_set_label (self->captions[FIGURE_HORIZON], horizon);

  if (result->scenario != NULL)
    {
      const char *name = cost_names_translate (cost_scenario_get_name (result->scenario));

      scenario = g_strdup_printf (_("Scenario: %s"), name[0] != '\0' ? name : _("Unnamed Scenario"));
    }
  else
    scenario = g_strdup_printf (_("Scenario: %s"), _("Baseline"));
  gtk_label_set_label (self->scenario_label, scenario);

  dataset = cost_slide_build (self->slide, self->project, results, self->scenario, NULL, &kind);

  caption = cost_export_dup_caption (self->project, result->scenario,
                                     cost_slide_shows_all_scenarios (self->slide));
  cost_chart_view_set_caption (self->chart_view, caption);
  cost_chart_view_set_kind (self->chart_view, kind);
  cost_chart_view_set_dataset (self->chart_view, dataset);
  gtk_label_set_label (self->subtitle_label, cost_chart_dataset_get_title (dataset));

  /* Translators: which chart of how many: "2 / 5" */
  position = g_strdup_printf (_("%u / %u"), cost_slide_get_index (self->slide, self->project) + 1,
                              cost_slide_get_n_available (self->project));
  gtk_label_set_label (self->position_label, position);
}

/**
 * cost_presentation_step:
 * @charts: how many charts to move forward (negative: back)
 * @scenarios: how many scenarios to move forward (negative: back)
 *
 * Moves through the charts and the scenarios, stopping at either end.
 */
void
cost_presentation_step (CostPresentation *self,
                        int               charts,
                        int               scenarios)
{
  guint n_scenarios;

  g_return_if_fail (COST_IS_PRESENTATION (self));

  n_scenarios = cost_project_get_n_scenarios (self->project) + 1;
  self->scenario = (guint) CLAMP ((int) self->scenario + scenarios, 0, (int) n_scenarios - 1);

  for (; charts != 0; charts += charts > 0 ? -1 : 1)
    {
      CostSlide s = self->slide;

      do
        s = (CostSlide) ((int) s + (charts > 0 ? 1 : -1));
      while ((int) s >= 0 && s < COST_N_SLIDES && !cost_slide_is_available (s, self->project));

      if ((int) s < 0 || s >= COST_N_SLIDES)
        break;
      self->slide = s;
    }

  refresh (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  int charts = 0, scenarios = 0;

  g_variant_get (parameter, "(ii)", &charts, &scenarios);
  cost_presentation_step (COST_PRESENTATION (widget), charts, scenarios);
}

static void
on_result_notify_cb (CostDocument     *document,
                     GParamSpec       *pspec,
                     CostPresentation *self)
{
  refresh (self);
}

static void
cost_presentation_dispose (GObject *object)
{
  CostPresentation *self = COST_PRESENTATION (object);

  g_clear_object (&self->project);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_PRESENTATION);

  G_OBJECT_CLASS (cost_presentation_parent_class)->dispose (object);
}

static void
cost_presentation_class_init (CostPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_presentation_dispose;

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, scenario_label);
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, position_label);
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CostPresentation, chart_view);

  gtk_widget_class_install_action (widget_class, "presentation.step", "(ii)", step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Arrows move focus in a window; here they step, before anything else sees them. */
static void
add_step_shortcuts (CostPresentation *self)
{
  static const struct {
    guint keyval;
    int   charts;
    int   scenarios;
  } keys[] = {
    { GDK_KEY_Right, 1, 0 },
    { GDK_KEY_Page_Down, 1, 0 },
    { GDK_KEY_space, 1, 0 },
    { GDK_KEY_Left, -1, 0 },
    { GDK_KEY_Page_Up, -1, 0 },
    { GDK_KEY_BackSpace, -1, 0 },
    { GDK_KEY_Down, 0, 1 },
    { GDK_KEY_Up, 0, -1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                gtk_named_action_new ("presentation.step"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", keys[i].charts, keys[i].scenarios));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
cost_presentation_init (CostPresentation *self)
{
  const char *captions[N_FIGURES] = {
    _("Monthly run-rate"), _("First-year total"), _("One-time total"), "",
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  add_step_shortcuts (self);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      g_autoptr(PangoAttrList) big = pango_attr_list_new ();
      g_autoptr(PangoAttrList) medium = pango_attr_list_new ();
      GtkLabel *labels[3];

      pango_attr_list_insert (big, pango_attr_scale_new (2.6));
      pango_attr_list_insert (big, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (medium, pango_attr_scale_new (1.3));

      labels[0] = self->captions[i] = GTK_LABEL (gtk_label_new (captions[i]));
      labels[1] = self->values[i] = GTK_LABEL (gtk_label_new (NULL));
      labels[2] = self->changes[i] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_attributes (self->captions[i], medium);
      gtk_label_set_attributes (self->values[i], big);
      gtk_label_set_attributes (self->changes[i], medium);
      gtk_widget_add_css_class (GTK_WIDGET (self->captions[i]), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->values[i]), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->changes[i]), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->changes[i]), "numeric");

      for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
        {
          gtk_label_set_xalign (labels[k], 0);
          gtk_label_set_ellipsize (labels[k], PANGO_ELLIPSIZE_END);
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (labels[k]));
        }
      /* The change from the baseline is read whole: on two lines when it
       * needs them, never cut. */
      gtk_label_set_ellipsize (self->changes[i], PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (self->changes[i], TRUE);
      gtk_label_set_wrap_mode (self->changes[i], PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (self->changes[i], 2);
      gtk_box_append (self->figures_box, box);
    }
}

/**
 * cost_presentation_new:
 *
 * Returns: (transfer floating): a presentation of @project, from the
 *   baseline's cost by category
 */
GtkWidget *
cost_presentation_new (CostProject *project)
{
  CostPresentation *self;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self = g_object_new (COST_TYPE_PRESENTATION, NULL);
  self->project = g_object_ref (project);
  self->document = cost_document_new_view (project);
  /* The view is the presentation's own: the handler goes with it. */
  g_signal_connect_object (self->document, "notify::result", G_CALLBACK (on_result_notify_cb), self, 0);
  refresh (self);

  return GTK_WIDGET (self);
}

/**
 * cost_presentation_show:
 * @parent: (nullable): the window the presentation belongs to
 *
 * Presents @project full screen.
 *
 * Returns: (transfer none): the presentation window
 */
GtkWidget *
cost_presentation_show (GtkWindow   *parent,
                        CostProject *project)
{
  GtkWidget *window;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  window = cost_presentation_new (project);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * cost_presentation_set_scenario:
 * @scenario: (nullable): the scenario to show, %NULL for the baseline
 *
 * Shows @scenario, as the window did when the presentation started.
 */
void
cost_presentation_set_scenario (CostPresentation *self,
                                CostScenario     *scenario)
{
  guint position = 0;

  g_return_if_fail (COST_IS_PRESENTATION (self));

  if (scenario != NULL &&
      cost_project_find_scenario (self->project, cost_scenario_get_id (scenario), &position) == scenario)
    self->scenario = position + 1;
  else
    self->scenario = 0;

  refresh (self);
}

/**
 * cost_presentation_get_position:
 *
 * Returns: what the slide counter says: "2 / 5"
 */
const char *
cost_presentation_get_position (CostPresentation *self)
{
  g_return_val_if_fail (COST_IS_PRESENTATION (self), NULL);

  return gtk_label_get_label (self->position_label);
}
