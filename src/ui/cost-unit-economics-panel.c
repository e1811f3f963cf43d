/* cost-unit-economics-panel.c
 *
 * What the plan costs per request, per user and per token, with the peak
 * traffic, the accelerators it takes and the share of compute, as tiles;
 * and per order and as a share of the GMV when the workload gives them.
 * A figure that cannot be computed shows "—" and says why. The panel
 * follows every change of the document's figures and hides itself while
 * the project describes no workload. It is no page of its own: it shows
 * on the summary, and must decide whether to show at all, so it does not
 * wait to be on screen to refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-unit-economics-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-calc.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"
#include "cost-unit-economics-panel.h"

typedef struct
{
  GtkWidget *child;   /* in the flow box */
  GtkLabel  *value;
  GtkLabel  *detail;
} Tile;

struct _CostUnitEconomicsPanel
{
  AdwBin        parent_instance;

  CostDocument *document;     /* where the figures come from */
  GSignalGroup *signals;      /* on the document */
  CostProject  *project;
  CostScenario *scenario;

  GtkLabel     *subtitle;
  Tile          tiles[COST_N_UNIT_FIGURES];
};

G_DEFINE_FINAL_TYPE (CostUnitEconomicsPanel, cost_unit_economics_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SCENARIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const captions[COST_N_UNIT_FIGURES] = {
  N_("Cost per 1,000 requests"),
  N_("Cost per daily active user a month"),
  N_("Cost per million tokens"),
  N_("Peak traffic"),
  N_("Accelerators required"),
  N_("Compute share of the cost"),
  N_("Cost per order"),
  N_("Cost as share of GMV"),
};

static void
set_tile (CostUnitEconomicsPanel *self,
          CostUnitFigure          figure,
          const char             *value,
          const char             *detail)
{
  Tile *tile = &self->tiles[figure];
  g_autofree char *description = NULL;

  gtk_label_set_label (tile->value, value);
  gtk_label_set_label (tile->detail, detail);

  /* Read out as one: "Cost per 1,000 requests: ¥1.21. ¥5,874,807 a month ÷ …" */
  /* Translators: an accessible description: a figure's caption, its value and how it follows */
  description = g_strdup_printf (_("%s: %s. %s"), _(captions[figure]), value, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (tile->value))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* "—" and why the figure cannot be computed. */
static void
set_missing (CostUnitEconomicsPanel *self,
             CostUnitFigure          figure,
             const char             *reason)
{
  set_tile (self, figure, "—", reason);
}

static void
refresh (CostUnitEconomicsPanel *self)
{
  const CostResult *result;
  CostScenario *shown;
  CostUnitEconomics e;
  CostWorkloadValues workload;
  const char *currency;
  const char *no_traffic;
  g_autofree char *run_rate = NULL;
  gboolean has_llm = FALSE;

  if (self->project == NULL || cost_project_get_workload (self->project) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  currency = cost_project_get_currency (self->project);
  /* A scenario deleted a moment ago is not shown for long: its owner
   * returns the panel to the baseline. */
  shown = self->scenario;
  if (shown != NULL &&
      cost_project_find_scenario (self->project, cost_scenario_get_id (shown), NULL) != shown)
    shown = NULL;
  result = cost_document_get_scenario_result (self->document, shown);
  cost_unit_economics (self->project, result, &e);
  cost_sizing_effective_workload (self->project, self->scenario, &workload);
  run_rate = cost_format_money (result->run_rate, currency, COST_FORMAT_WHOLE);

  for (guint i = 0; i < cost_project_get_n_models (self->project); i++)
    has_llm = has_llm || cost_served_model_get_kind (cost_project_get_model (self->project, i)) != COST_MODEL_RANKING;

  if (self->scenario != NULL)
    /* Translators: under "Unit Economics": which scenario the figures are of */
    gtk_label_set_label (self->subtitle, cost_names_translate (cost_scenario_get_name (self->scenario)));
  else
    gtk_label_set_label (self->subtitle, _("Baseline, at the monthly run-rate"));

  no_traffic = workload.daily_active_users <= 0 ? _("No daily active users: the traffic is zero") :
                                                  _("No requests: the traffic is zero");

  if (isfinite (e.cost_per_1k_requests))
    {
      g_autofree char *value = cost_format_money_small (e.cost_per_1k_requests, currency);
      g_autofree char *requests = cost_format_compact (e.monthly_requests);
      /* Translators: how the cost per 1,000 requests is obtained: "¥5,874,807 a month ÷ 48.67亿 requests × 1,000" */
      g_autofree char *detail = g_strdup_printf (_("%s a month ÷ %s requests × 1,000"), run_rate, requests);

      set_tile (self, COST_UNIT_FIGURE_PER_1K_REQUESTS, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_PER_1K_REQUESTS, no_traffic);

  if (isfinite (e.cost_per_dau_month))
    {
      g_autofree char *value = cost_format_money_small (e.cost_per_dau_month, currency);
      g_autofree char *users = cost_format_compact (workload.daily_active_users);
      /* Translators: "¥5,874,807 a month ÷ 2,000万 daily users" */
      g_autofree char *detail = g_strdup_printf (_("%s a month ÷ %s daily users"), run_rate, users);

      set_tile (self, COST_UNIT_FIGURE_PER_USER, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_PER_USER, _("No daily active users: the traffic is zero"));

  if (isfinite (e.cost_per_1m_tokens))
    {
      g_autofree char *value = cost_format_money_small (e.cost_per_1m_tokens, currency);
      g_autofree char *tokens = cost_format_compact (e.monthly_tokens);
      /* Translators: "¥5,874,807 a month ÷ 1,946.67亿 LLM tokens × 1,000,000" */
      g_autofree char *detail = g_strdup_printf (_("%s a month ÷ %s LLM tokens × 1,000,000"),
                                                 run_rate, tokens);

      set_tile (self, COST_UNIT_FIGURE_PER_1M_TOKENS, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_PER_1M_TOKENS,
                 has_llm ? no_traffic : _("No LLM among the served models"));

  if (e.peak_qps > 0)
    {
      g_autofree char *peak = cost_format_number (e.peak_qps, 1);
      g_autofree char *average = cost_format_number (e.average_qps, 1);
      g_autofree char *ratio = cost_format_number (workload.peak_to_average, 2);
      /* Translators: the peak traffic: "5,555.6 requests/s" */
      g_autofree char *value = g_strdup_printf (_("%s requests/s"), peak);
      /* Translators: "Average 1,851.9 requests/s × 3" */
      g_autofree char *detail = g_strdup_printf (_("Average %s requests/s × %s"), average, ratio);

      set_tile (self, COST_UNIT_FIGURE_PEAK_QPS, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_PEAK_QPS, no_traffic);

  if (e.gpus_required > 0)
    {
      g_autofree char *value = cost_format_number (e.gpus_required, 0);
      guint n = cost_project_get_n_models (self->project);
      g_autofree char *detail =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sized for the peak, for %u served model",
                                      "Sized for the peak, for %u served models", n), n);

      set_tile (self, COST_UNIT_FIGURE_ACCELERATORS, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_ACCELERATORS, _("No item is sized from a served model"));

  if (result->run_rate > 0)
    {
      g_autofree char *value = cost_format_share (e.compute_share);
      /* Translators: the compute share: "of ¥5,874,807 a month" */
      g_autofree char *detail = g_strdup_printf (_("of %s a month"), run_rate);

      set_tile (self, COST_UNIT_FIGURE_COMPUTE_SHARE, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_COMPUTE_SHARE, _("Nothing costs anything a month yet"));

  /* The business ratios show only when the orders and GMV are entered. */
  gtk_widget_set_visible (self->tiles[COST_UNIT_FIGURE_PER_ORDER].child, isfinite (e.cost_per_order));
  if (isfinite (e.cost_per_order))
    {
      g_autofree char *value = cost_format_money_small (e.cost_per_order, currency);
      g_autofree char *orders = cost_format_compact (workload.orders_per_month);
      /* Translators: how the cost per order is obtained: "¥22,054,370 a month ÷ 300万 orders" */
      g_autofree char *detail = g_strdup_printf (_("%s a month ÷ %s orders"), run_rate, orders);

      set_tile (self, COST_UNIT_FIGURE_PER_ORDER, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_PER_ORDER, _("No orders entered"));

  gtk_widget_set_visible (self->tiles[COST_UNIT_FIGURE_GMV_SHARE].child, isfinite (e.gmv_share));
  if (isfinite (e.gmv_share))
    {
      /* Not a part of a whole: two decimals under 10%, as a cost-to-GMV
       * ratio is usually read ("1.47%"). */
      g_autofree char *value = cost_format_percent (e.gmv_share);
      g_autofree char *gmv = cost_format_money_compact (workload.gmv_per_month, currency);
      /* Translators: how the cost as a share of GMV is obtained: "¥22,054,370 a month ÷ ¥15亿 GMV" */
      g_autofree char *detail = g_strdup_printf (_("%s a month ÷ %s GMV"), run_rate, gmv);

      set_tile (self, COST_UNIT_FIGURE_GMV_SHARE, value, detail);
    }
  else
    set_missing (self, COST_UNIT_FIGURE_GMV_SHARE, _("No GMV entered"));
}

static void
on_result_notify_cb (CostDocument           *document,
                     GParamSpec             *pspec,
                     CostUnitEconomicsPanel *self)
{
  refresh (self);
}

static void
cost_unit_economics_panel_dispose (GObject *object)
{
  CostUnitEconomicsPanel *self = (CostUnitEconomicsPanel *) object;

  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);
  g_clear_object (&self->signals);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cost_unit_economics_panel_parent_class)->dispose (object);
}

static void
cost_unit_economics_panel_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CostUnitEconomicsPanel *self = COST_UNIT_ECONOMICS_PANEL (object);

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
cost_unit_economics_panel_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CostUnitEconomicsPanel *self = COST_UNIT_ECONOMICS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      cost_unit_economics_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_SCENARIO:
      cost_unit_economics_panel_set_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_unit_economics_panel_class_init (CostUnitEconomicsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_unit_economics_panel_dispose;
  object_class->get_property = cost_unit_economics_panel_get_property;
  object_class->set_property = cost_unit_economics_panel_set_property;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, COST_TYPE_PROJECT, flags);
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, COST_TYPE_SCENARIO, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A card like the summary's key figures: caption, value, how it is obtained. */
static GtkWidget *
tile_new (const char *caption,
          Tile       *tile)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  tile->value = GTK_LABEL (gtk_label_new ("—"));
  gtk_label_set_xalign (tile->value, 0);
  gtk_label_set_ellipsize (tile->value, PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (GTK_WIDGET (tile->value), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (tile->value), 12);
  gtk_widget_add_css_class (GTK_WIDGET (tile->value), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (tile->value), "numeric");

  tile->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (tile->detail, 0);
  gtk_label_set_wrap (tile->detail, TRUE);
  gtk_label_set_wrap_mode (tile->detail, PANGO_WRAP_WORD_CHAR);
  /* Tiles narrower than this would stretch tall in the flow box. */
  gtk_label_set_width_chars (tile->detail, 24);
  gtk_label_set_max_width_chars (tile->detail, 40);
  gtk_widget_set_margin_start (GTK_WIDGET (tile->detail), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (tile->detail), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (tile->detail), 12);
  gtk_label_set_yalign (tile->detail, 0);
  gtk_widget_add_css_class (GTK_WIDGET (tile->detail), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (tile->detail), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (tile->detail), "numeric");

  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (tile->value));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (tile->detail));

  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  return child;
}

static void
cost_unit_economics_panel_init (CostUnitEconomicsPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Unit Economics"));
  GtkWidget *flow = gtk_flow_box_new ();

  self->signals = g_signal_group_new (COST_TYPE_DOCUMENT);
  g_signal_group_connect (self->signals, "notify::result", G_CALLBACK (on_result_notify_cb), self);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->subtitle), 6);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);

  for (guint i = 0; i < COST_N_UNIT_FIGURES; i++)
    {
      self->tiles[i].child = tile_new (_(captions[i]), &self->tiles[i]);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), self->tiles[i].child);
    }

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (box), flow);
  adw_bin_set_child (ADW_BIN (self), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit Economics"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cost_unit_economics_panel_new (void)
{
  return g_object_new (COST_TYPE_UNIT_ECONOMICS_PANEL, NULL);
}

CostProject *
cost_unit_economics_panel_get_project (CostUnitEconomicsPanel *self)
{
  g_return_val_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self), NULL);

  return self->project;
}

/**
 * cost_unit_economics_panel_set_project:
 * @project: (nullable):
 *
 * Shows @project's unit economics and follows its changes.
 */
void
cost_unit_economics_panel_set_project (CostUnitEconomicsPanel *self,
                                       CostProject            *project)
{
  g_autoptr(CostDocument) view = NULL;

  g_return_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self));
  g_return_if_fail (!project || COST_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (project != NULL)
    view = cost_document_new_view (project);
  cost_unit_economics_panel_set_document (self, view);
}

/**
 * cost_unit_economics_panel_set_document:
 * @document: (nullable): the document whose figures to show
 *
 * Shows the unit economics of @document's project, from the figures the
 * document keeps, and follows its changes.
 */
void
cost_unit_economics_panel_set_document (CostUnitEconomicsPanel *self,
                                        CostDocument           *document)
{
  CostProject *project;

  g_return_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->signals, document);
  project = document ? cost_document_get_project (document) : NULL;
  if (self->project == project)
    {
      refresh (self);
      return;
    }

  g_set_object (&self->project, project);
  g_clear_object (&self->scenario);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

CostScenario *
cost_unit_economics_panel_get_scenario (CostUnitEconomicsPanel *self)
{
  g_return_val_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self), NULL);

  return self->scenario;
}

/**
 * cost_unit_economics_panel_set_scenario:
 * @scenario: (nullable): a scenario of the project, %NULL for the baseline
 */
void
cost_unit_economics_panel_set_scenario (CostUnitEconomicsPanel *self,
                                        CostScenario           *scenario)
{
  g_return_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self));
  g_return_if_fail (!scenario || COST_IS_SCENARIO (scenario));

  if (g_set_object (&self->scenario, scenario))
    {
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
}

/**
 * cost_unit_economics_panel_get_value:
 *
 * Returns: the figure as shown: "¥1.21", or "—" when it cannot be computed
 */
const char *
cost_unit_economics_panel_get_value (CostUnitEconomicsPanel *self,
                                     CostUnitFigure          figure)
{
  g_return_val_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self), NULL);
  g_return_val_if_fail (figure < COST_N_UNIT_FIGURES, NULL);

  return gtk_label_get_label (self->tiles[figure].value);
}

/**
 * cost_unit_economics_panel_get_detail:
 *
 * Returns: the line under the figure: how it is obtained, or why it is missing
 */
const char *
cost_unit_economics_panel_get_detail (CostUnitEconomicsPanel *self,
                                      CostUnitFigure          figure)
{
  g_return_val_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self), NULL);
  g_return_val_if_fail (figure < COST_N_UNIT_FIGURES, NULL);

  return gtk_label_get_label (self->tiles[figure].detail);
}

/**
 * cost_unit_economics_panel_is_shown:
 *
 * Returns: whether the tile of @figure shows: the cost per order and the
 *   share of GMV show only when the workload gives the orders and the GMV
 */
gboolean
cost_unit_economics_panel_is_shown (CostUnitEconomicsPanel *self,
                                    CostUnitFigure          figure)
{
  g_return_val_if_fail (COST_IS_UNIT_ECONOMICS_PANEL (self), FALSE);
  g_return_val_if_fail (figure < COST_N_UNIT_FIGURES, FALSE);

  return gtk_widget_get_visible (self->tiles[figure].child);
}
