/* test-uncertainty.c
 *
 * Ranges given in the forms, through the "±" popover beside a figure, and
 * the Uncertainty page that simulates the plan from them in a worker.
 * Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cost-chart-view.h"
#include "cost-field-row.h"
#include "cost-item-row.h"
#include "cost-range-button.h"
#include "cost-uncertainty-page.h"
#include "cost-window-private.h"
#include "cost-workload-page.h"
#include "window-fixture.h"

static CostRangeButton *
item_range_button (Fixture    *f,
                   const char *item_id,
                   const char *property)
{
  GtkWidget *field = cost_item_row_get_field (window_item_row (f, item_id), property);
  GtkWidget *button;

  g_assert_true (COST_IS_FIELD_ROW (field));
  button = cost_field_row_get_range_button (COST_FIELD_ROW (field));
  g_assert_true (COST_IS_RANGE_BUTTON (button));

  return COST_RANGE_BUTTON (button);
}

static gpointer
button_child (CostRangeButton *button,
              const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (button), COST_TYPE_RANGE_BUTTON, name);

  g_assert_nonnull (child);
  return child;
}

static void
open_popover (CostRangeButton *button)
{
  gtk_menu_button_popup (button_child (button, "menu_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cost_range_button_get_popover (button))));
}

static gboolean
popover_open (CostRangeButton *button)
{
  return gtk_widget_get_visible (GTK_WIDGET (cost_range_button_get_popover (button)));
}

static void
set_text (CostRangeButton *button,
          const char      *entry,
          const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (button_child (button, entry)), text);
}

static void
click (CostRangeButton *button,
       const char      *name)
{
  g_signal_emit_by_name (button_child (button, name), "clicked");
}

/* Types a range into the popover, as a user would, and applies it. */
static void
give_range (CostRangeButton *button,
            guint            shape,
            const char      *low,
            const char      *mode,
            const char      *high,
            const char      *group)
{
  open_popover (button);
  gtk_drop_down_set_selected (button_child (button, "shape_dropdown"), shape);
  set_text (button, "low_entry", low);
  if (mode != NULL)
    set_text (button, "mode_entry", mode);
  set_text (button, "high_entry", high);
  set_text (button, "group_entry", group);
  click (button, "apply_button");
}

static const char *
error_text (CostRangeButton *button)
{
  GtkWidget *label = button_child (button, "error_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
assert_range (GObject        *subject,
              const char     *key,
              CostRangeShape  shape,
              double          low,
              double          mode,
              double          high,
              const char     *group)
{
  g_autofree char *actual_group = NULL;
  CostRange range;

  g_assert_true (cost_ranges_get (subject, key, &range, &actual_group));
  g_assert_cmpint (range.shape, ==, shape);
  g_assert_cmpfloat_with_epsilon (range.low, low, 1e-9 * MAX (1, fabs (low)));
  if (shape == COST_RANGE_PERT || shape == COST_RANGE_TRIANGULAR)
    g_assert_cmpfloat_with_epsilon (range.mode, mode, 1e-9 * MAX (1, fabs (mode)));
  g_assert_cmpfloat_with_epsilon (range.high, high, 1e-9 * MAX (1, fabs (high)));
  g_assert_cmpstr (actual_group, ==, group);
}

static gboolean
has_range (gpointer    subject,
           const char *key)
{
  CostRange range;

  return cost_ranges_get (G_OBJECT (subject), key, &range, NULL);
}

static CostItem *
find_item (Fixture    *f,
           const char *id)
{
  return cost_project_find_item (cost_window_get_project (f->window), id, NULL);
}

/* A range typed in the locale's notation is the item's, marks the field,
 * and goes with one undo. */
static void
test_give_range (Fixture       *f,
                 gconstpointer  data)
{
  CostRangeButton *button = item_range_button (f, "servers", "unit-price");
  CostItem *servers = find_item (f, "servers");
  CostUndoStack *stack = cost_document_get_undo_stack (cost_window_get_document (f->window));
  GtkWidget *menu_button = button_child (button, "menu_button");
  g_autofree char *high = cost_format_number (6400.5, 1);
  g_autofree char *low = cost_format_number (4000, 6);
  guint n_undo = cost_undo_stack_get_n_undo (stack);
  const char *tooltip;

  g_assert_false (cost_range_button_get_ranged (button));
  g_assert_false (gtk_widget_has_css_class (menu_button, "ranged"));

  /* "6,400.5" in en_US. */
  give_range (button, 0, "4000", "5000", high, "Hardware");
  g_assert_null (error_text (button));
  g_assert_false (popover_open (button));
  assert_range (G_OBJECT (servers), "unit_price", COST_RANGE_PERT, 4000, 5000, 6400.5, "Hardware");

  g_assert_true (cost_range_button_get_ranged (button));
  g_assert_true (gtk_widget_has_css_class (menu_button, "ranged"));
  tooltip = gtk_widget_get_tooltip_text (menu_button);
  g_assert_nonnull (strstr (tooltip, "PERT"));
  g_assert_nonnull (strstr (tooltip, high));
  g_assert_nonnull (strstr (tooltip, "Hardware"));

  /* The point value is untouched: the plan's figures stay as they were. */
  g_assert_cmpfloat (cost_item_get_unit_price (servers), ==, 5000);

  /* One step, undone and redone as one. */
  g_assert_cmpuint (cost_undo_stack_get_n_undo (stack), ==, n_undo + 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (has_range (servers, "unit_price"));
  g_assert_false (gtk_widget_has_css_class (menu_button, "ranged"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  assert_range (G_OBJECT (servers), "unit_price", COST_RANGE_PERT, 4000, 5000, 6400.5, "Hardware");

  /* The popover shows the range it has, offers the project's groups, and
   * removes the range. */
  open_popover (button);
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "low_entry")), ==, low);
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "group_entry")), ==, "Hardware");
  set_text (button, "group_entry", "");
  gtk_widget_activate_action (GTK_WIDGET (button), "range.group", "s", "Salaries");
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "group_entry")), ==, "Salaries");
  g_assert_true (gtk_widget_get_visible (button_child (button, "remove_button")));
  click (button, "remove_button");
  g_assert_false (has_range (servers, "unit_price"));
  g_assert_false (popover_open (button));
  g_assert_false (cost_range_button_get_ranged (button));
}

/* A range the model refuses is not applied; the popover says why, in the
 * model's words. */
static void
test_invalid_range (Fixture       *f,
                    gconstpointer  data)
{
  CostRangeButton *button = item_range_button (f, "servers", "unit-price");
  CostItem *servers = find_item (f, "servers");
  CostRange range = { COST_RANGE_TRIANGULAR, 6000, 5000, 5500, 0 };
  g_autoptr(GError) expected = NULL;

  g_assert_false (cost_ranges_check (COST_RANGE_SUBJECT_ITEM, "unit_price", &range, "", &expected));

  give_range (button, 1, "6000", "5000", "5500", "");
  g_assert_cmpstr (error_text (button), ==, expected->message);
  g_assert_true (popover_open (button));
  g_assert_false (has_range (servers, "unit_price"));

  /* Typing again clears the message. */
  set_text (button, "low_entry", "4500");
  g_assert_null (error_text (button));

  /* Not a number: the message names the figure. */
  set_text (button, "high_entry", "lots");
  click (button, "apply_button");
  g_assert_nonnull (error_text (button));
  g_assert_nonnull (strstr (error_text (button), "High"));
  g_assert_false (has_range (servers, "unit_price"));

  /* A price cannot be negative, even at the low end. */
  g_clear_error (&expected);
  range = (CostRange) { COST_RANGE_UNIFORM, -5, 0, 6000, 0 };
  g_assert_false (cost_ranges_check (COST_RANGE_SUBJECT_ITEM, "unit_price", &range, "", &expected));
  gtk_drop_down_set_selected (button_child (button, "shape_dropdown"), 2);
  set_text (button, "low_entry", "-5");
  set_text (button, "high_entry", "6000");
  click (button, "apply_button");
  g_assert_cmpstr (error_text (button), ==, expected->message);
  g_assert_false (has_range (servers, "unit_price"));

  /* A lognormal has a 5th and a 95th percentile, and no most likely figure. */
  gtk_drop_down_set_selected (button_child (button, "shape_dropdown"), 3);
  g_assert_false (gtk_widget_get_visible (button_child (button, "mode_entry")));
  g_assert_cmpstr (gtk_label_get_text (button_child (button, "low_label")), ==, "5th percentile");
  set_text (button, "low_entry", "4000");
  click (button, "apply_button");
  g_assert_null (error_text (button));
  assert_range (G_OBJECT (servers), "unit_price", COST_RANGE_LOGNORMAL, 4000, 0, 6000, "");
}

/* The presets give a PERT around the figure at once; a percent field
 * reads and shows its range in percent. */
static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  CostRangeButton *button = item_range_button (f, "compute-storage", "quantity");
  CostRangeButton *growth = item_range_button (f, "compute-storage", "monthly-growth");
  CostItem *storage = find_item (f, "compute-storage");
  GtkWidget *presets = button_child (button, "presets_box");
  GtkWidget *first = gtk_widget_get_first_child (presets);
  GtkWidget *last = gtk_widget_get_last_child (presets);

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (first)), ==, "±10%");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (last)), ==, "−10% / +50%");

  open_popover (button);
  g_signal_emit_by_name (first, "clicked");
  assert_range (G_OBJECT (storage), "quantity", COST_RANGE_PERT, 90, 100, 110, "");
  /* The popover stays, showing the range the preset gave. */
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "high_entry")), ==, "110");

  g_signal_emit_by_name (last, "clicked");
  assert_range (G_OBJECT (storage), "quantity", COST_RANGE_PERT, 90, 100, 150, "");

  /* Monthly growth in percent: "1" is 1%. */
  give_range (growth, 1, "1", "2", "5", "traffic");
  g_assert_null (error_text (growth));
  assert_range (G_OBJECT (storage), "monthly_growth", COST_RANGE_TRIANGULAR, 0.01, 0.02, 0.05, "traffic");
  open_popover (growth);
  g_assert_cmpstr (gtk_editable_get_text (button_child (growth, "high_entry")), ==, "5");
}

static void
collect_buttons (GtkWidget  *widget,
                 GHashTable *keys)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (COST_IS_RANGE_BUTTON (child) && gtk_widget_get_visible (child))
        g_hash_table_add (keys, g_strdup (cost_range_button_get_key (COST_RANGE_BUTTON (child))));
      collect_buttons (child, keys);
    }
}

/* Every figure of the table of ranges has its button, in every form: the
 * category's factor, the traffic and the models. A quantity sized from the
 * traffic has none. */
static void
test_every_form (Fixture       *f,
                 gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostCategory *compute = cost_project_find_category (project, "compute", NULL);
  CostWorkloadPage *workload_page = window_child (f, "workload_page");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const expected[] = {
    "daily_active_users", "requests_per_user_per_day", "peak_to_average",
    "throughput", "work_per_request", "utilisation",
  };
  CostRangeButton *quantity;
  CostRangeButton *factor;
  CostItem *gpu = find_item (f, "gpu");

  item_range_button (f, "gpu", "quantity");

  /* The category's factor, through the category page's document. */
  collect_buttons (GTK_WIDGET (cost_window_get_category_page (f->window)), keys);
  g_assert_true (g_hash_table_contains (keys, "factor"));
  g_assert_true (g_hash_table_contains (keys, "unit_price"));
  g_assert_true (g_hash_table_contains (keys, "monthly_growth"));
  factor = COST_RANGE_BUTTON (cost_field_row_get_range_button (page_child (cost_window_get_category_page (f->window),
                                                                          "factor_row")));
  give_range (factor, 2, "0.9", NULL, "1.2", "");
  g_assert_null (error_text (factor));
  assert_range (G_OBJECT (compute), "factor", COST_RANGE_UNIFORM, 0.9, 0, 1.2, "");

  /* Traffic and a served model. */
  cost_document_describe_traffic (document);
  cost_document_add_model (document);
  cost_window_show_page (f->window, "workload");
  g_hash_table_remove_all (keys);
  collect_buttons (GTK_WIDGET (workload_page), keys);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (keys, expected[i]))
      g_error ("The traffic and models page has no range button for %s", expected[i]);
  g_assert_cmpuint (g_hash_table_size (keys), ==, G_N_ELEMENTS (expected));

  /* A quantity the traffic sizes takes no range. */
  quantity = item_range_button (f, "gpu", "quantity");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (quantity)));
  cost_item_set_driver (gpu, cost_served_model_get_id (cost_project_get_model (project, 0)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (quantity)));
  cost_item_set_driver (gpu, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (quantity)));
}

/* With a scenario shown, the form shows the baseline's range until the
 * scenario gives the figure one of its own; the baseline keeps its own. */
static void
test_scenario (Fixture       *f,
               gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostScenario *scenario = cost_project_get_scenario (project, 0);
  CostItem *gpu = find_item (f, "gpu");
  CostRangeButton *button;
  CostRange range;
  gboolean own = TRUE;

  cost_document_set_scenario (document, scenario);
  button = item_range_button (f, "gpu", "unit-price");
  g_assert_true (cost_range_button_get_subject (button) == G_OBJECT (gpu));

  /* The baseline's range, which the scenario follows. */
  g_assert_true (cost_range_button_get_ranged (button));
  open_popover (button);
  g_assert_true (gtk_widget_get_visible (button_child (button, "note_label")));
  g_assert_false (gtk_widget_get_visible (button_child (button, "baseline_button")));
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "low_entry")), ==, "800");
  cost_ranges_lookup (cost_ranges_in_scenario (scenario, G_OBJECT (gpu), &own), "unit_price", &range, NULL);
  g_assert_false (own);

  /* A range given under the scenario is the scenario's own. */
  give_range (button, 0, "900", "1000", "1500", "Reserved GPUs");
  g_assert_null (error_text (button));
  assert_range (G_OBJECT (gpu), "unit_price", COST_RANGE_PERT, 800, 1000, 1200, "GPU prices");
  {
    g_auto(GStrv) groups = cost_document_list_range_groups (document);

    /* The scenario's group is one of the project's, to correlate. */
    g_assert_true (g_strv_contains ((const char * const *) groups, "Reserved GPUs"));
    g_assert_true (g_strv_contains ((const char * const *) groups, "GPU prices"));
  }
  g_assert_true (cost_ranges_lookup (cost_ranges_in_scenario (scenario, G_OBJECT (gpu), &own), "unit_price",
                                     &range, NULL));
  g_assert_true (own);
  g_assert_cmpfloat (range.high, ==, 1500);
  open_popover (button);
  g_assert_cmpstr (gtk_editable_get_text (button_child (button, "high_entry")), ==, "1,500");
  g_assert_true (gtk_widget_get_visible (button_child (button, "baseline_button")));

  /* Back to the baseline's, and the undo of it. */
  click (button, "baseline_button");
  cost_ranges_in_scenario (scenario, G_OBJECT (gpu), &own);
  g_assert_false (own);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cost_ranges_in_scenario (scenario, G_OBJECT (gpu), &own);
  g_assert_true (own);
}

/* Takes every range out of the project. */
static void
clear_ranges (CostProject *project)
{
  if (cost_project_get_workload (project) != NULL)
    cost_workload_set_ranges (cost_project_get_workload (project), NULL);
  for (guint m = 0; m < cost_project_get_n_models (project); m++)
    cost_served_model_set_ranges (cost_project_get_model (project, m), NULL);
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      cost_category_set_ranges (category, NULL);
      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        cost_item_set_ranges (cost_category_get_item (category, i), NULL);
    }
  g_assert_cmpuint (cost_uncertainty_count_ranges (project), ==, 0);
}

static CostUncertaintyPage *
show_uncertainty (Fixture *f)
{
  cost_window_show_page (f->window, "uncertainty");

  return window_child (f, "uncertainty_page");
}

/* Iterates the main loop until the simulation has the figures of the
 * document as it is now: a bounded number of rounds, each waiting for the
 * worker or the pause after an edit, not a time. */
static void
wait_simulation (CostSimulation *simulation)
{
  for (guint i = 0; i < 100000 && (cost_simulation_get_running (simulation) ||
                                   !cost_simulation_get_current (simulation)); i++)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (cost_simulation_get_current (simulation));
  g_assert_false (cost_simulation_get_running (simulation));
  g_assert_null (cost_simulation_get_error (simulation));
}

/* What the engine gives for the project as it is, on one thread. */
static CostUncertainty *
expected_figures (Fixture *f)
{
  CostProject *project = cost_window_get_project (f->window);
  CostDocument *document = cost_window_get_document (f->window);
  g_autoptr(GError) error = NULL;
  CostUncertainty *u;

  u = cost_uncertainty_compute (project, cost_document_get_scenario (document), cost_project_get_samples (project),
                                cost_project_get_seed (project), 1, &error);
  g_assert_no_error (error);

  return u;
}

static void
assert_cell (CostUncertaintyPage *page,
             CostUncertaintyRow   row,
             CostMeasure          measure,
             double               amount)
{
  g_autofree char *text = money (amount);

  g_assert_cmpstr (cost_uncertainty_page_get_text (page, row, measure), ==, text);
}

/* The action row titled @title among @root's descendants. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
assert_figures (Fixture             *f,
                CostUncertaintyPage *page)
{
  g_autoptr(CostUncertainty) expected = expected_figures (f);

  for (CostMeasure m = 0; m < COST_N_MEASURES; m++)
    {
      const CostMeasureStats *s = &expected->measures[m];
      g_autofree char *chance = isnan (s->prob_over_budget) ? g_strdup ("No budget")
                                                            : cost_format_percent (s->prob_over_budget);

      assert_cell (page, COST_UNCERTAINTY_ROW_POINT, m, s->point);
      assert_cell (page, COST_UNCERTAINTY_ROW_MEAN, m, s->mean);
      assert_cell (page, COST_UNCERTAINTY_ROW_P10, m, s->p10);
      assert_cell (page, COST_UNCERTAINTY_ROW_P50, m, s->p50);
      assert_cell (page, COST_UNCERTAINTY_ROW_P90, m, s->p90);
      assert_cell (page, COST_UNCERTAINTY_ROW_CONTINGENCY, m, s->p80 - s->point);
      g_assert_nonnull (strstr (cost_uncertainty_page_get_text (page, COST_UNCERTAINTY_ROW_P90_ERROR, m), "±"));
      g_assert_cmpstr (cost_uncertainty_page_get_text (page, COST_UNCERTAINTY_ROW_OVER_BUDGET, m), ==, chance);
    }
}

/* The charts show the simulation of the page, of @measure: a histogram
 * of every sample, an S-curve, the fan of the months, a bar per range. */
static void
assert_charts (CostUncertaintyPage *page,
               CostMeasure          measure)
{
  CostUncertainty *u = cost_uncertainty_page_get_result (page);
  CostChartDataset *histogram = cost_chart_view_get_dataset (page_child (page, "histogram_view"));
  CostChartDataset *s_curve = cost_chart_view_get_dataset (page_child (page, "s_curve_view"));
  CostChartDataset *fan = cost_chart_view_get_dataset (page_child (page, "fan_view"));
  CostChartDataset *contributions = cost_chart_view_get_dataset (page_child (page, "contributions_view"));
  double samples = 0;

  g_assert_nonnull (histogram);
  g_assert_nonnull (s_curve);
  g_assert_nonnull (fan);
  g_assert_nonnull (contributions);

  g_assert_nonnull (strstr (cost_chart_dataset_get_title (histogram), cost_measure_get_label (measure)));
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "histogram_title")), ==,
                   cost_chart_dataset_get_title (histogram));
  for (guint g = 0; g < cost_chart_dataset_get_n_groups (histogram); g++)
    samples += cost_chart_dataset_get_value (histogram, g, 2);
  g_assert_cmpfloat (samples, ==, u->n_samples);
  g_assert_cmpuint (cost_chart_dataset_get_n_groups (fan), ==, (guint) u->horizon);
  g_assert_cmpuint (cost_chart_dataset_get_n_series (contributions), ==, u->n_inputs);
  g_assert_nonnull (strstr (cost_chart_dataset_get_title (s_curve), cost_measure_get_label (measure)));
}

/* Without a range, the page says how to give one; a range set in a form
 * through the popover shows on the page: the percentiles move away from
 * the point estimate, as the engine computes them. */
static void
test_first_range (Fixture       *f,
                  gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostSimulation *simulation = cost_document_get_simulation (document);
  CostUncertaintyPage *page;
  GtkStack *stack;
  g_autofree char *point = money (375000);
  CostRangeButton *button;

  clear_ranges (project);
  page = show_uncertainty (f);
  stack = page_child (page, "stack");
  wait_simulation (simulation);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (cost_simulation_get_result (simulation));

  button = item_range_button (f, "gpu", "unit-price");
  give_range (button, 0, "800", "1000", "1400", "GPU prices");
  g_assert_null (error_text (button));

  page = show_uncertainty (f);
  wait_simulation (simulation);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");
  assert_figures (f, page);

  /* The range of the GPUs' price spreads the run-rate around ¥375,000. */
  g_assert_cmpstr (cost_uncertainty_page_get_text (page, COST_UNCERTAINTY_ROW_POINT, COST_MEASURE_RUN_RATE), ==, point);
  g_assert_cmpstr (cost_uncertainty_page_get_text (page, COST_UNCERTAINTY_ROW_P10, COST_MEASURE_RUN_RATE), !=, point);
  g_assert_cmpstr (cost_uncertainty_page_get_text (page, COST_UNCERTAINTY_ROW_P90, COST_MEASURE_RUN_RATE), !=, point);
  g_assert_cmpfloat (cost_simulation_get_result (simulation)->measures[COST_MEASURE_RUN_RATE].p10, <, 375000);
  g_assert_cmpfloat (cost_simulation_get_result (simulation)->measures[COST_MEASURE_RUN_RATE].p90, >, 375000);
}

/* The reference project's ranges on the page and in the Summary, with the
 * chance of going over the budget. */
static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostSimulation *simulation = cost_document_get_simulation (document);
  CostUncertaintyPage *page = show_uncertainty (f);
  CostUncertainty *u;
  g_autofree char *p10 = NULL;
  g_autofree char *p90 = NULL;
  g_autofree char *chance = NULL;
  GtkLabel *summary_label;

  wait_simulation (simulation);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "figures");
  assert_figures (f, page);
  u = cost_simulation_get_result (simulation);
  g_assert_cmpuint (u->n_samples, ==, cost_project_get_samples (project));
  g_assert_cmpuint (u->seed, ==, cost_project_get_seed (project));
  g_assert_nonnull (strstr (gtk_label_get_label (page_child (page, "subtitle_label")), "10,000 samples"));
  assert_charts (page, COST_MEASURE_RUN_RATE);

  /* The charts of another measure. */
  gtk_drop_down_set_selected (page_child (page, "measure_dropdown"), COST_MEASURE_FIRST_YEAR);
  assert_charts (page, COST_MEASURE_FIRST_YEAR);
  gtk_drop_down_set_selected (page_child (page, "measure_dropdown"), COST_MEASURE_RUN_RATE);

  /* A tighter budget: a larger chance of going over it. */
  cost_project_set_monthly_budget (project, 380000, NULL);
  wait_simulation (simulation);
  assert_figures (f, page);
  u = cost_simulation_get_result (simulation);
  g_assert_cmpfloat (u->measures[COST_MEASURE_RUN_RATE].prob_over_budget, >, 0);

  /* The Summary says it in a sentence. */
  cost_window_show_page (f->window, "summary");
  summary_label = page_child (window_child (f, "summary_page"), "uncertainty_label");
  p10 = money (u->measures[COST_MEASURE_RUN_RATE].p10);
  p90 = money (u->measures[COST_MEASURE_RUN_RATE].p90);
  chance = cost_format_percent (u->measures[COST_MEASURE_RUN_RATE].prob_over_budget);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (summary_label), p10));
  g_assert_nonnull (strstr (gtk_label_get_label (summary_label), p90));
  g_assert_nonnull (strstr (gtk_label_get_label (summary_label), chance));
}

/* Samples, seed and correlations are the project's, edited on the page,
 * undoably; the figures follow them. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostSimulation *simulation = cost_document_get_simulation (document);
  CostItem *gpu = find_item (f, "gpu");
  CostItem *storage = find_item (f, "compute-storage");
  CostRange range = { COST_RANGE_PERT, 800, 1000, 1400, 0 };
  CostUncertaintyPage *page;
  GtkSpinButton *samples, *seed;
  AdwPreferencesGroup *groups;
  g_autoptr(CostUncertainty) expected = NULL;
  GtkWidget *row, *spin;

  guint64 seed0 = cost_project_get_seed (project);

  g_assert_true (cost_document_set_range (document, NULL, G_OBJECT (gpu), "unit_price", &range, "GPU prices", NULL));
  range = (CostRange) { COST_RANGE_TRIANGULAR, 40, 50, 80, 0 };
  g_assert_true (cost_document_set_range (document, NULL, G_OBJECT (storage), "unit_price", &range, "GPU prices",
                                          NULL));
  page = show_uncertainty (f);
  wait_simulation (simulation);

  samples = page_child (page, "samples_spin");
  seed = page_child (page, "seed_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (samples), ==, 10000);
  g_assert_cmpfloat (gtk_spin_button_get_value (seed), ==, (double) seed0);

  gtk_spin_button_set_value (samples, 2000);
  g_assert_cmpuint (cost_project_get_samples (project), ==, 2000);
  wait_simulation (simulation);
  g_assert_cmpuint (cost_simulation_get_result (simulation)->n_samples, ==, 2000);
  expected = expected_figures (f);
  assert_cell (page, COST_UNCERTAINTY_ROW_P90, COST_MEASURE_RUN_RATE, expected->measures[COST_MEASURE_RUN_RATE].p90);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_samples (project), ==, 10000);
  g_assert_cmpfloat (gtk_spin_button_get_value (samples), ==, 10000);

  g_signal_emit_by_name (page_child (page, "new_seed_button"), "clicked");
  g_assert_cmpuint (cost_project_get_seed (project), !=, seed0);
  g_assert_cmpfloat (gtk_spin_button_get_value (seed), ==, (double) cost_project_get_seed (project));
  wait_simulation (simulation);
  g_assert_cmpuint (cost_simulation_get_result (simulation)->seed, ==, cost_project_get_seed (project));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (cost_project_get_seed (project), ==, seed0);

  /* One row per group, with the group's correlation. */
  groups = page_child (page, "groups_group");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (groups)));
  row = find_row (GTK_WIDGET (groups), "GPU prices");
  g_assert_nonnull (row);
  spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0.5);
  g_assert_cmpfloat (cost_project_get_correlation (project, "GPU prices"), ==, 0.5);
  wait_simulation (simulation);
  g_clear_pointer (&expected, cost_uncertainty_unref);
  expected = expected_figures (f);
  assert_cell (page, COST_UNCERTAINTY_ROW_P90, COST_MEASURE_RUN_RATE, expected->measures[COST_MEASURE_RUN_RATE].p90);
}

/* An edit while a run draws its samples cancels it: the figures shown are
 * those of the last edit, and no others were published on the way. */
static void
test_edit_during_run (Fixture       *f,
                      gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostSimulation *simulation = cost_document_get_simulation (document);
  CostItem *gpu = find_item (f, "gpu");
  CostItem *storage = find_item (f, "compute-storage");
  CostRange range = { COST_RANGE_PERT, 800, 1000, 1400, 0 };
  g_autoptr(CostUncertainty) between = NULL;
  g_autoptr(CostUncertainty) expected = NULL;
  CostUncertaintyPage *page;
  CostUncertainty *shown;
  guint published = 0;
  guint i;

  g_assert_true (cost_document_set_range (document, NULL, G_OBJECT (gpu), "unit_price", &range, "", NULL));
  page = show_uncertainty (f);
  wait_simulation (simulation);
  g_signal_connect (simulation, "notify::result", G_CALLBACK (count_cb), &published);

  /* An edit, and its run under way in the worker. */
  range = (CostRange) { COST_RANGE_UNIFORM, 30, 0, 90, 0 };
  g_assert_true (cost_document_set_range (document, NULL, G_OBJECT (storage), "unit_price", &range, "", NULL));
  between = expected_figures (f);
  g_assert_false (cost_simulation_get_current (simulation));
  for (i = 0; i < 100000 && !cost_simulation_get_in_flight (simulation); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cost_simulation_get_in_flight (simulation));

  /* Another edit before the main loop hears of the first run's end. */
  range = (CostRange) { COST_RANGE_PERT, 900, 1000, 1800, 0 };
  g_assert_true (cost_document_set_range (document, NULL, G_OBJECT (gpu), "unit_price", &range, "", NULL));
  g_assert_false (cost_simulation_get_in_flight (simulation));
  wait_simulation (simulation);

  expected = expected_figures (f);
  shown = cost_simulation_get_result (simulation);
  g_assert_cmpuint (published, ==, 1);
  g_assert_cmpfloat (between->measures[COST_MEASURE_RUN_RATE].p90, !=, expected->measures[COST_MEASURE_RUN_RATE].p90);
  /* The same figures as one thread gives, to the last bit. */
  for (CostMeasure m = 0; m < COST_N_MEASURES; m++)
    {
      g_assert_cmpfloat (shown->measures[m].p10, ==, expected->measures[m].p10);
      g_assert_cmpfloat (shown->measures[m].p50, ==, expected->measures[m].p50);
      g_assert_cmpfloat (shown->measures[m].p90, ==, expected->measures[m].p90);
      g_assert_cmpfloat (shown->measures[m].mean, ==, expected->measures[m].mean);
    }
  assert_cell (page, COST_UNCERTAINTY_ROW_P90, COST_MEASURE_RUN_RATE, expected->measures[COST_MEASURE_RUN_RATE].p90);
  g_assert_cmpfloat (cost_simulation_get_fraction (simulation), ==, 1.0);

  g_signal_handlers_disconnect_by_data (simulation, &published);
}

/* An export takes the page's simulation, when it is of the document as it
 * is and of the scenario exported; else it runs its own. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  CostDocument *document = cost_window_get_document (f->window);
  CostProject *project = cost_window_get_project (f->window);
  CostSimulation *simulation = cost_document_get_simulation (document);
  CostScenario *scenario = cost_project_get_scenario (project, 0);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CostExportOptions options = { 0 };

  show_uncertainty (f);
  wait_simulation (simulation);
  cost_window_fill_export_options (f->window, &options);
  g_assert_nonnull (options.uncertainty);
  g_assert_true (options.uncertainty == cost_simulation_get_result (simulation));
  g_assert_true (cost_window_print (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));

  /* Stale after an edit, until the next run. */
  cost_project_set_monthly_budget (project, 390000, NULL);
  options = (CostExportOptions) { 0 };
  cost_window_fill_export_options (f->window, &options);
  g_assert_null (options.uncertainty);
  wait_simulation (simulation);

  /* The page simulates the scenario shown: not the baseline's figures. */
  cost_document_set_scenario (document, scenario);
  wait_simulation (simulation);
  options = (CostExportOptions) { 0 };
  cost_window_fill_export_options (f->window, &options);
  g_assert_null (options.uncertainty);
  options = (CostExportOptions) { .scenario = scenario };
  cost_window_fill_export_options (f->window, &options);
  g_assert_true (options.uncertainty == cost_simulation_get_result (simulation));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = window_test_init (&argc, &argv);
  int status;

  g_test_add ("/ui/range/give", Fixture, NULL, window_fixture_set_up, test_give_range, window_fixture_tear_down);
  g_test_add ("/ui/range/invalid", Fixture, NULL, window_fixture_set_up, test_invalid_range,
              window_fixture_tear_down);
  g_test_add ("/ui/range/presets", Fixture, NULL, window_fixture_set_up, test_presets, window_fixture_tear_down);
  g_test_add ("/ui/range/every-form", Fixture, NULL, window_fixture_set_up, test_every_form,
              window_fixture_tear_down);
  g_test_add ("/ui/range/scenario", Fixture, NULL, window_fixture_set_up, test_scenario, window_fixture_tear_down);
  g_test_add ("/ui/uncertainty/first-range", Fixture, NULL, window_fixture_set_up, test_first_range,
              window_fixture_tear_down);
  g_test_add ("/ui/uncertainty/page", Fixture, NULL, window_fixture_set_up, test_page, window_fixture_tear_down);
  g_test_add ("/ui/uncertainty/settings", Fixture, NULL, window_fixture_set_up, test_settings,
              window_fixture_tear_down);
  g_test_add ("/ui/uncertainty/export", Fixture, NULL, window_fixture_set_up, test_export, window_fixture_tear_down);
  g_test_add ("/ui/uncertainty/edit-during-run", Fixture, NULL, window_fixture_set_up, test_edit_during_run,
              window_fixture_tear_down);

  status = g_test_run ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_dir (home);

  return status;
}
