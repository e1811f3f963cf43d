/* cost-uncertainty-page.c
 *
 * How sure the plan is, for the scenario the window shows: the percentiles
 * of the monthly run-rate, the first-year and the horizon totals from a
 * Monte Carlo simulation over the ranges of the figures, the chance of
 * going over the budget, the contingency, which ranges matter, and the
 * settings of the simulation (samples, seed, correlation groups).
 *
 * The figures come from the document's CostSimulation, which runs in a
 * worker while the page shows: the page never waits for it, shows its
 * progress on long runs and the last figures (dimmed) until the new ones
 * arrive. Without a range, the page says how to give one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-uncertainty-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-scenario-text.h"
#include "cost-table.h"
#include "cost-uncertainty-charts.h"
#include "cost-uncertainty-page.h"

/* A run shorter than this shows no progress bar. */
#define PROGRESS_DELAY_MS 300

/* The z of a two-sided 95% interval. */
#define Z95 1.959963984540054

struct _CostUncertaintyPage
{
  CostPage         parent_instance;

  GtkStack        *stack;
  GtkLabel        *subtitle_label;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkLabel        *headline_label;
  GtkWidget       *table_card;
  GtkGrid         *table;
  GtkDropDown     *measure_dropdown;
  GtkLabel        *histogram_title;
  CostChartView   *histogram_view;
  GtkLabel        *s_curve_title;
  CostChartView   *s_curve_view;
  GtkLabel        *fan_title;
  CostChartView   *fan_view;
  GtkLabel        *contributions_title;
  CostChartView   *contributions_view;
  GtkGrid         *inputs_table;
  GtkSpinButton   *samples_spin;
  GtkSpinButton   *seed_spin;
  GtkWidget       *new_seed_button;
  AdwPreferencesGroup *groups_group;

  CostSimulationUse use;           /* held while the page is mapped */
  CostUncertainty *shown;          /* the figures laid out */
  GPtrArray       *group_rows;     /* the rows of groups_group */
  char            *groups;         /* the groups they show, joined */
  guint            progress_id;
  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (CostUncertaintyPage, cost_uncertainty_page, COST_TYPE_PAGE)

static char *
money (double      amount,
       const char *currency)
{
  return cost_format_money (amount, currency, COST_FORMAT_WHOLE);
}

/**
 * cost_uncertainty_describe_run_rate:
 *
 * Returns: (transfer full): the run-rate's spread in a sentence: "The
 *   monthly run-rate is 80% likely to lie between ¥350,000 and ¥420,000;
 *   23% chance of going over the budget."
 */
char *
cost_uncertainty_describe_run_rate (const CostUncertainty *uncertainty,
                                    const char            *currency)
{
  const CostMeasureStats *s;
  g_autofree char *p10 = NULL;
  g_autofree char *p90 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *chance = NULL;

  g_return_val_if_fail (uncertainty != NULL, NULL);

  s = &uncertainty->measures[COST_MEASURE_RUN_RATE];
  p10 = money (s->p10, currency);
  p90 = money (s->p90, currency);
  /* Translators: P10 and P90 of the monthly run-rate */
  text = g_strdup_printf (_("The monthly run-rate is 80%% likely to lie between %s and %s."), p10, p90);
  if (isnan (s->prob_over_budget))
    return g_steal_pointer (&text);

  chance = cost_format_percent (s->prob_over_budget);
  /* Translators: the first %s is a sentence, the second a percentage: "… 23% chance of going over the monthly budget." */
  return g_strdup_printf (_("%s %s chance of going over the monthly budget."), text, chance);
}

static void
set_progress_visible (CostUncertaintyPage *self,
                      gboolean             visible)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, visible);
}

static gboolean
on_progress_delay_cb (gpointer data)
{
  CostUncertaintyPage *self = data;

  self->progress_id = 0;
  set_progress_visible (self, self->use.simulation != NULL && cost_simulation_get_running (self->use.simulation));

  return G_SOURCE_REMOVE;
}

static void
update_progress (CostUncertaintyPage *self)
{
  gboolean running = self->use.simulation != NULL && cost_simulation_get_running (self->use.simulation);

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->use.simulation ? cost_simulation_get_fraction (self->use.simulation) : 0);

  if (!running)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      set_progress_visible (self, FALSE);
    }
  else if (!gtk_revealer_get_reveal_child (self->progress_revealer) && self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, on_progress_delay_cb, self);
}

/* The settings show the project's; changing them is an undoable edit. */
static void
sync_settings (CostUncertaintyPage *self,
               CostProject         *project)
{
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->samples_spin, cost_project_get_samples (project));
  gtk_spin_button_set_value (self->seed_spin, (double) cost_project_get_seed (project));
  self->syncing = FALSE;
}

static void
on_correlation_changed_cb (GtkSpinButton       *spin,
                           CostUncertaintyPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  const char *group = g_object_get_data (G_OBJECT (spin), "group");

  if (self->syncing || document == NULL)
    return;

  cost_document_set_correlation (document, group, gtk_spin_button_get_value (spin), NULL);
}

/* One row per correlation group, rebuilt only when the groups change, so
 * that the one being typed in keeps its focus. */
static void
sync_groups (CostUncertaintyPage *self,
             CostDocument        *document)
{
  g_auto(GStrv) groups = document ? cost_document_list_range_groups (document) : NULL;
  g_autofree char *joined = groups ? g_strjoinv ("\n", groups) : g_strdup ("");
  CostProject *project = document ? cost_document_get_project (document) : NULL;

  if (g_strcmp0 (joined, self->groups) != 0)
    {
      for (guint i = 0; i < self->group_rows->len; i++)
        adw_preferences_group_remove (self->groups_group, g_ptr_array_index (self->group_rows, i));
      g_ptr_array_set_size (self->group_rows, 0);
      g_free (self->groups);
      self->groups = g_steal_pointer (&joined);

      for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *spin = gtk_spin_button_new_with_range (0, 1, 0.05);
          g_autofree char *label = NULL;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), groups[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Rank correlation of its figures"));
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
          gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (spin), "group", g_strdup (groups[i]), g_free);
          /* Translators: read out for a group's correlation: "Correlation of GPU prices" */
          label = g_strdup_printf (_("Correlation of %s"), groups[i]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
          g_signal_connect (spin, "value-changed", G_CALLBACK (on_correlation_changed_cb), self);
          adw_preferences_group_add (self->groups_group, row);
          g_ptr_array_add (self->group_rows, row);
        }
    }

  self->syncing = TRUE;
  for (guint i = 0; project != NULL && i < self->group_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *spin = adw_action_row_get_activatable_widget (row);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 cost_project_get_correlation (project, g_object_get_data (G_OBJECT (spin), "group")));
    }
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), self->group_rows->len > 0);
}

static void
fill_table (CostUncertaintyPage   *self,
            const CostUncertainty *u,
            const char            *currency)
{
  static const struct {
    CostUncertaintyRow row;
    const char        *label;
  } rows[] = {
    { COST_UNCERTAINTY_ROW_POINT, N_("Point estimate") },
    { COST_UNCERTAINTY_ROW_MEAN, N_("Mean") },
    { COST_UNCERTAINTY_ROW_P10, N_("P10") },
    { COST_UNCERTAINTY_ROW_P50, N_("P50 (median)") },
    { COST_UNCERTAINTY_ROW_P90, N_("P90") },
    { COST_UNCERTAINTY_ROW_P90_ERROR, N_("Sampling error of P90") },
    { COST_UNCERTAINTY_ROW_CONTINGENCY, N_("Contingency (P80 − point)") },
    { COST_UNCERTAINTY_ROW_OVER_BUDGET, N_("Chance over budget") },
  };

  cost_table_clear (self->table);
  cost_table_add (self->table, 0, 0, "", COST_TABLE_CELL_HEADING);
  for (guint m = 0; m < COST_N_MEASURES; m++)
    {
      g_autofree char *heading = NULL;

      if (m == COST_MEASURE_HORIZON_TOTAL)
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                                "Total over %d months", u->horizon),
                                   u->horizon);
      else
        heading = g_strdup (cost_measure_get_label (m));
      cost_table_add (self->table, m + 1, 0, heading, COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
    }

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      cost_table_add (self->table, 0, rows[r].row, _(rows[r].label),
                      rows[r].row == COST_UNCERTAINTY_ROW_P90_ERROR ? COST_TABLE_CELL_DETAIL : COST_TABLE_CELL_TEXT);

      for (guint m = 0; m < COST_N_MEASURES; m++)
        {
          const CostMeasureStats *s = &u->measures[m];
          CostTableCell flags = COST_TABLE_CELL_NUMBER;
          g_autofree char *text = NULL;
          g_autofree char *figure = NULL;

          switch (rows[r].row)
            {
            case COST_UNCERTAINTY_ROW_POINT:
              text = money (s->point, currency);
              break;
            case COST_UNCERTAINTY_ROW_MEAN:
              text = money (s->mean, currency);
              break;
            case COST_UNCERTAINTY_ROW_P10:
              text = money (s->p10, currency);
              break;
            case COST_UNCERTAINTY_ROW_P50:
              text = money (s->p50, currency);
              flags |= COST_TABLE_CELL_STRONG;
              break;
            case COST_UNCERTAINTY_ROW_P90:
              text = money (s->p90, currency);
              break;
            case COST_UNCERTAINTY_ROW_P90_ERROR:
              figure = money (Z95 * s->p90_stderr, currency);
              /* Translators: the sampling error of P90: "± ¥1,234 at 95%" */
              text = g_strdup_printf (_("± %s at 95%%"), figure);
              flags |= COST_TABLE_CELL_DETAIL;
              break;
            case COST_UNCERTAINTY_ROW_CONTINGENCY:
              text = money (cost_uncertainty_contingency (u, m), currency);
              break;
            case COST_UNCERTAINTY_ROW_OVER_BUDGET:
              if (isnan (s->prob_over_budget))
                {
                  text = g_strdup (_("No budget"));
                  flags |= COST_TABLE_CELL_DETAIL;
                }
              else
                text = cost_format_percent (s->prob_over_budget);
              break;
            default:
              g_assert_not_reached ();
            }
          cost_table_add (self->table, m + 1, rows[r].row, text, flags);
        }
    }
}

static void
show_chart (GtkLabel         *title,
            CostChartView    *view,
            CostChartDataset *dataset)
{
  gtk_label_set_label (title, dataset ? cost_chart_dataset_get_title (dataset) : "");
  cost_chart_view_set_dataset (view, dataset);
}

/* The histogram, the S-curve with the budget, the fan over the months and
 * the contributions to the variance: the report's charts, from the same
 * builders. */
static void
fill_charts (CostUncertaintyPage *self,
             CostUncertainty     *u,
             const char          *currency)
{
  CostMeasure measure = MIN (gtk_drop_down_get_selected (self->measure_dropdown), COST_N_MEASURES - 1);
  g_autoptr(CostChartDataset) histogram = NULL;
  g_autoptr(CostChartDataset) s_curve = NULL;
  g_autoptr(CostChartDataset) fan = NULL;
  g_autoptr(CostChartDataset) contributions = NULL;

  if (u != NULL)
    {
      histogram = cost_uncertainty_chart_histogram (u, measure, currency);
      s_curve = cost_uncertainty_chart_s_curve (u, measure, currency);
      fan = cost_uncertainty_chart_fan (u, currency);
      contributions = cost_uncertainty_chart_contributions (u, measure);
    }

  show_chart (self->histogram_title, self->histogram_view, histogram);
  show_chart (self->s_curve_title, self->s_curve_view, s_curve);
  show_chart (self->fan_title, self->fan_view, fan);
  show_chart (self->contributions_title, self->contributions_view, contributions);
  /* A bar per range. */
  gtk_widget_set_size_request (GTK_WIDGET (self->contributions_view), -1,
                               u ? 120 + 36 * MIN (u->n_inputs, 10) : 320);
}

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const CostUncertaintyInput *x = *(const CostUncertaintyInput * const *) a;
  const CostUncertaintyInput *y = *(const CostUncertaintyInput * const *) b;
  double d = y->share[COST_MEASURE_RUN_RATE] - x->share[COST_MEASURE_RUN_RATE];

  return d > 0 ? 1 : d < 0 ? -1 : g_strcmp0 (x->path, y->path);
}

static void
fill_inputs (CostUncertaintyPage   *self,
             const CostUncertainty *u)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();

  for (guint k = 0; k < u->n_inputs; k++)
    g_ptr_array_add (inputs, &u->inputs[k]);
  g_ptr_array_sort (inputs, compare_shares);

  cost_table_clear (self->inputs_table);
  cost_table_add (self->inputs_table, 0, 0, _("Figure"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->inputs_table, 1, 0, _("Group"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->inputs_table, 2, 0, cost_measure_get_label (COST_MEASURE_RUN_RATE),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->inputs_table, 3, 0, cost_measure_get_label (COST_MEASURE_HORIZON_TOTAL),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);

  for (guint i = 0; i < inputs->len; i++)
    {
      const CostUncertaintyInput *input = g_ptr_array_index (inputs, i);
      g_autofree char *run_rate = cost_format_percent (input->share[COST_MEASURE_RUN_RATE]);
      g_autofree char *horizon = cost_format_percent (input->share[COST_MEASURE_HORIZON_TOTAL]);

      cost_table_add (self->inputs_table, 0, i + 1, input->label, COST_TABLE_CELL_TEXT);
      cost_table_add (self->inputs_table, 1, i + 1, input->group[0] ? input->group : "—", COST_TABLE_CELL_TEXT);
      cost_table_add (self->inputs_table, 2, i + 1, run_rate, COST_TABLE_CELL_NUMBER);
      cost_table_add (self->inputs_table, 3, i + 1, horizon, COST_TABLE_CELL_NUMBER);
    }
}

static void
cost_uncertainty_page_refresh (CostPage *page)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (page);
  CostDocument *document = cost_page_get_document (page);
  CostProject *project;
  CostUncertainty *u;
  const char *currency;
  g_autofree char *name = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *seed = NULL;
  gboolean current;
  guint n_ranges;

  sync_groups (self, document);
  update_progress (self);
  if (document == NULL)
    {
      g_clear_pointer (&self->shown, cost_uncertainty_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  project = cost_document_get_project (document);
  currency = cost_project_get_currency (project);
  sync_settings (self, project);

  u = cost_simulation_get_result (self->use.simulation);
  if (cost_simulation_get_n_ranges (self->use.simulation) == 0)
    {
      g_clear_pointer (&self->shown, cost_uncertainty_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "figures");

  name = cost_scenario_text_name (cost_document_get_result (document));
  samples = cost_format_number (cost_project_get_samples (project), 0);
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, cost_project_get_seed (project));
  n_ranges = cost_simulation_get_n_ranges (self->use.simulation);
  /* Translators: under the page's title: "Baseline · 10,000 samples · seed 1 · 3 ranges" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s samples · seed %s · %u range",
                                           "%s · %s samples · seed %s · %u ranges", n_ranges),
                              name, samples, seed, n_ranges);
  gtk_label_set_label (self->subtitle_label, subtitle);

  current = cost_simulation_get_current (self->use.simulation);
  gtk_widget_set_opacity (self->table_card, current ? 1.0 : 0.55);
  /* An edit leaves the last figures up, dimmed, until the run of the edit
   * brings new ones: no need to lay them out again. */
  if (u != NULL && u == self->shown)
    return;
  g_clear_pointer (&self->shown, cost_uncertainty_unref);
  if (u == NULL)
    {
      cost_table_clear (self->table);
      cost_table_clear (self->inputs_table);
      fill_charts (self, NULL, currency);
      gtk_label_set_label (self->headline_label,
                           cost_simulation_get_error (self->use.simulation) ? cost_simulation_get_error (self->use.simulation)
                                                                         : _("Simulating…"));
      return;
    }

  headline = cost_uncertainty_describe_run_rate (u, currency);
  gtk_label_set_label (self->headline_label, headline);
  fill_table (self, u, currency);
  fill_inputs (self, u);
  fill_charts (self, u, currency);
  self->shown = cost_uncertainty_ref (u);
}

static void
on_measure_notify_cb (CostUncertaintyPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));

  if (document != NULL && self->use.simulation != NULL)
    fill_charts (self, cost_simulation_get_result (self->use.simulation),
                 cost_project_get_currency (cost_document_get_project (document)));
}

static void
on_simulation_notify_cb (CostSimulation      *simulation,
                         GParamSpec          *pspec,
                         CostUncertaintyPage *self)
{
  if (g_str_equal (pspec->name, "fraction") || g_str_equal (pspec->name, "running"))
    update_progress (self);
  else
    cost_page_queue_refresh (COST_PAGE (self));
}

static void
hold (CostUncertaintyPage *self,
      gboolean             held)
{
  cost_simulation_use_hold (&self->use, held);
}

static void
set_simulation (CostUncertaintyPage *self,
                CostSimulation      *simulation)
{
  cost_simulation_use_set (&self->use, simulation, gtk_widget_get_mapped (GTK_WIDGET (self)),
                           G_CALLBACK (on_simulation_notify_cb), self);
}

static void
cost_uncertainty_page_document_changed (CostPage *page)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (page);
  CostDocument *document = cost_page_get_document (page);

  set_simulation (self, document ? cost_document_get_simulation (document) : NULL);
}

/* The simulation runs while its figures show, and stops when they do not. */
static void
cost_uncertainty_page_map (GtkWidget *widget)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (widget);

  GTK_WIDGET_CLASS (cost_uncertainty_page_parent_class)->map (widget);
  hold (self, TRUE);
}

static void
cost_uncertainty_page_unmap (GtkWidget *widget)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (widget);

  hold (self, FALSE);
  GTK_WIDGET_CLASS (cost_uncertainty_page_parent_class)->unmap (widget);
}

static void
on_samples_changed_cb (CostUncertaintyPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));

  if (self->syncing || document == NULL)
    return;

  cost_document_set_samples (document, gtk_spin_button_get_value_as_int (self->samples_spin), NULL);
}

static void
on_seed_changed_cb (CostUncertaintyPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));

  if (self->syncing || document == NULL)
    return;

  cost_document_set_seed (document, (guint64) gtk_spin_button_get_value (self->seed_spin), NULL);
}

static void
on_new_seed_clicked_cb (CostUncertaintyPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));

  if (document != NULL)
    cost_document_new_seed (document);
}

static void
cost_uncertainty_page_dispose (GObject *object)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (object);

  set_simulation (self, NULL);
  g_clear_pointer (&self->shown, cost_uncertainty_unref);
  g_clear_handle_id (&self->progress_id, g_source_remove);

  /* The stack is the bin's child: the bin lets it go before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_UNCERTAINTY_PAGE);

  G_OBJECT_CLASS (cost_uncertainty_page_parent_class)->dispose (object);
}

static void
cost_uncertainty_page_finalize (GObject *object)
{
  CostUncertaintyPage *self = COST_UNCERTAINTY_PAGE (object);

  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_free);

  G_OBJECT_CLASS (cost_uncertainty_page_parent_class)->finalize (object);
}

static void
cost_uncertainty_page_class_init (CostUncertaintyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);

  object_class->dispose = cost_uncertainty_page_dispose;
  object_class->finalize = cost_uncertainty_page_finalize;

  widget_class->map = cost_uncertainty_page_map;
  widget_class->unmap = cost_uncertainty_page_unmap;

  page_class->document_changed = cost_uncertainty_page_document_changed;
  page_class->refresh = cost_uncertainty_page_refresh;

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-uncertainty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, table_card);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, table);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, histogram_title);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, histogram_view);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, s_curve_title);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, s_curve_view);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, fan_title);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, fan_view);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, contributions_title);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, contributions_view);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, inputs_table);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, samples_spin);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, new_seed_button);
  gtk_widget_class_bind_template_child (widget_class, CostUncertaintyPage, groups_group);
  gtk_widget_class_bind_template_callback (widget_class, on_samples_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_seed_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_notify_cb);
}

static void
cost_uncertainty_page_init (CostUncertaintyPage *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);

  self->group_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (CostMeasure m = 0; m < COST_N_MEASURES; m++)
    gtk_string_list_append (measures, cost_measure_get_label (m));
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measures));
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), FALSE);
}

GtkWidget *
cost_uncertainty_page_new (void)
{
  return g_object_new (COST_TYPE_UNCERTAINTY_PAGE, NULL);
}

/**
 * cost_uncertainty_page_set_document:
 * @document: (nullable): the document to show, with its active scenario
 */
void
cost_uncertainty_page_set_document (CostUncertaintyPage *self,
                                    CostDocument        *document)
{
  g_return_if_fail (COST_IS_UNCERTAINTY_PAGE (self));

  cost_page_set_document (COST_PAGE (self), document);
}

/**
 * cost_uncertainty_page_get_result:
 *
 * Returns: (transfer none) (nullable): the figures the page shows
 */
CostUncertainty *
cost_uncertainty_page_get_result (CostUncertaintyPage *self)
{
  g_return_val_if_fail (COST_IS_UNCERTAINTY_PAGE (self), NULL);

  return self->use.simulation ? cost_simulation_get_result (self->use.simulation) : NULL;
}

/**
 * cost_uncertainty_page_get_text:
 *
 * Returns: (nullable): the text of the table's cell of @row and @measure
 */
const char *
cost_uncertainty_page_get_text (CostUncertaintyPage *self,
                                CostUncertaintyRow   row,
                                CostMeasure          measure)
{
  g_return_val_if_fail (COST_IS_UNCERTAINTY_PAGE (self), NULL);
  g_return_val_if_fail (measure < COST_N_MEASURES, NULL);

  return cost_table_get_text (self->table, measure + 1, row);
}
