/* cost-export-dialog.c
 *
 * What an export writes, stated before the file is chosen: the format, the
 * scenario (the one shown unless another is picked, or every scenario in
 * one report), the chart and its size for an image, the paper for a
 * report, and the file name it proposes. Then the file chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-export-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-chart-choice.h"
#include "cost-chart-view.h"
#include "cost-document.h"
#include "cost-export-dialog.h"
#include "cost-names.h"
#include "cost-slides.h"
#include "cost-window-private.h"

static const struct {
  const char *id;         /* what win.export names */
  const char *label;
  const char *suffix;
  const char *title;      /* of the file chooser */
  const char *mime_type;
  const char *what;       /* in the name proposed, when the suffix does not say */
} formats[] = {
  { "pdf", N_("PDF Report"), ".pdf", N_("Export PDF Report"), "application/pdf" },
  { "slides", N_("Slides (16:9 PDF)"), ".pdf", N_("Export Slides"), "application/pdf",
    /* Translators: at the end of the name proposed for exported slides */
    N_("Slides") },
  { "png", N_("Chart as PNG"), ".png", N_("Export Chart as PNG"), "image/png" },
  { "svg", N_("Chart as SVG"), ".svg", N_("Export Chart as SVG"), "image/svg+xml" },
  { "csv", N_("CSV"), ".csv", N_("Export CSV"), "text/csv" },
  { "xlsx", N_("XLSX Workbook"), ".xlsx", N_("Export XLSX"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

/* Chart sizes in pixels, the first the default. */
static const struct {
  int width;
  int height;
} sizes[] = {
  { 1600, 1000 },
  { 1920, 1080 },
  { 1280, 720 },
  { 1280, 800 },
};

static const double scales[] = { 1, 2, 3 };
#define DEFAULT_SCALE 1   /* 2×, as the window's other exports */

static const char *papers[] = { "a4", "letter" };

struct _CostExportDialog
{
  AdwWindow      parent_instance;

  AdwComboRow   *format_row;
  AdwComboRow   *scenario_row;
  AdwComboRow   *chart_row;
  AdwComboRow   *size_row;
  AdwComboRow   *scale_row;
  AdwComboRow   *paper_row;
  AdwActionRow  *name_row;

  CostWindow    *window;       /* weak: the dialog is the window's */
  CostProject   *project;
  char          *page_chart;   /* the name of the chart of the page shown, or NULL */
};

G_DEFINE_FINAL_TYPE (CostExportDialog, cost_export_dialog, ADW_TYPE_WINDOW)

static guint
format_index (CostExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static gboolean
format_is (CostExportDialog *self,
           const char       *id)
{
  return g_str_equal (formats[format_index (self)].id, id);
}

/* Rows of the scenario list: the baseline, each scenario, then for a
 * report every scenario at once. */
static guint
n_scenarios (CostExportDialog *self)
{
  return cost_project_get_n_scenarios (self->project);
}

static gboolean
all_selected (CostExportDialog *self)
{
  return adw_combo_row_get_selected (self->scenario_row) == n_scenarios (self) + 1;
}

static CostScenario *
scenario_selected (CostExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scenario_row);

  if (selected == 0 || selected > n_scenarios (self))
    return NULL;

  return cost_project_get_scenario (self->project, selected - 1);
}

static CostScenario *
scenario_shown (CostExportDialog *self)
{
  return cost_document_get_scenario (cost_window_get_document (self->window));
}

static void
fill_scenarios (CostExportDialog *self,
                gboolean          with_all)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->scenario_row);
  GListModel *model = adw_combo_row_get_model (self->scenario_row);

  if (model != NULL && g_list_model_get_n_items (model) == n_scenarios (self) + (with_all ? 2 : 1))
    return;

  gtk_string_list_append (list, _("Baseline"));
  for (guint i = 0; i < n_scenarios (self); i++)
    {
      const char *name = cost_names_translate (cost_scenario_get_name (cost_project_get_scenario (self->project, i)));

      gtk_string_list_append (list, name[0] != '\0' ? name : _("Unnamed Scenario"));
    }
  if (with_all && n_scenarios (self) > 0)
    gtk_string_list_append (list, _("All Scenarios in One Report"));

  adw_combo_row_set_model (self->scenario_row, G_LIST_MODEL (list));
  if (model == NULL || selected >= g_list_model_get_n_items (G_LIST_MODEL (list)))
    {
      guint position = 0;
      CostScenario *shown = scenario_shown (self);

      selected = 0;
      if (shown != NULL && cost_project_find_scenario (self->project, cost_scenario_get_id (shown), &position) == shown)
        selected = position + 1;
    }
  adw_combo_row_set_selected (self->scenario_row, selected);
}

/* The chart chosen: NULL for the page's own, else a choice of
 * cost-chart-choice.c. */
static const CostChartChoice *
chart_selected (CostExportDialog *self)
{
  guint n_choices;
  const CostChartChoice *choices = cost_chart_choice_get_all (&n_choices);
  guint selected = adw_combo_row_get_selected (self->chart_row);

  if (self->page_chart != NULL)
    {
      if (selected == 0)
        return NULL;
      selected--;
    }

  return &choices[MIN (selected, n_choices - 1)];
}

static void
update_name (CostExportDialog *self)
{
  g_autofree char *name = cost_export_dialog_dup_file_name (self);

  adw_action_row_set_subtitle (self->name_row, name);
}

static void
update_rows (CostExportDialog *self)
{
  gboolean image = format_is (self, "png") || format_is (self, "svg");

  /* Not before the dialog knows its project. */
  if (self->project == NULL)
    return;

  fill_scenarios (self, format_is (self, "pdf"));
  gtk_widget_set_visible (GTK_WIDGET (self->chart_row), image);
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), image);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), format_is (self, "png"));
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format_is (self, "pdf"));
  gtk_window_set_title (GTK_WINDOW (self), _(formats[format_index (self)].title));
  update_name (self);
}

static void
on_format_selected_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       CostExportDialog *self)
{
  update_rows (self);
}

static void
on_choice_selected_cb (AdwComboRow      *row,
                       GParamSpec       *pspec,
                       CostExportDialog *self)
{
  update_name (self);
}

/**
 * cost_export_dialog_dup_file_name:
 *
 * Returns: (transfer full): the name proposed for the file: the project,
 *   the scenario (or "All scenarios") and, for slides, that they are
 */
char *
cost_export_dialog_dup_file_name (CostExportDialog *self)
{
  guint f;

  g_return_val_if_fail (COST_IS_EXPORT_DIALOG (self), NULL);

  f = format_index (self);

  return cost_export_suggest_name_full (self->project, scenario_selected (self),
                                        format_is (self, "pdf") && all_selected (self),
                                        formats[f].what != NULL ? _(formats[f].what) : NULL, formats[f].suffix);
}

/**
 * cost_export_dialog_export:
 * @file: where to write, with the format's suffix
 *
 * Writes what the dialog says, as its Export button does once the file is
 * chosen.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
cost_export_dialog_export (CostExportDialog  *self,
                           GFile             *file,
                           GError           **error)
{
  const CostChartChoice *choice;
  CostExportOptions options;
  CostChartView *view;
  guint size;

  g_return_val_if_fail (COST_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cost_window_commit_edits (self->window);

  size = MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (sizes) - 1);
  options = (CostExportOptions) {
    .scenario = scenario_selected (self),
    .all_scenarios = format_is (self, "pdf") && all_selected (self),
    .width = sizes[size].width,
    .height = sizes[size].height,
    .scale = format_is (self, "png") ?
             scales[MIN (adw_combo_row_get_selected (self->scale_row), G_N_ELEMENTS (scales) - 1)] : 1,
    .paper = papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)],
  };
  cost_window_fill_export_options (self->window, &options);

  if (format_is (self, "slides"))
    return cost_export_slides (self->project, file, &options, error);

  if (!format_is (self, "png") && !format_is (self, "svg"))
    return cost_export_file (self->project, file, &options, error);

  /* The page's chart as it is drawn there, when it is of the scenario
   * chosen; for another, the same chart of that scenario. */
  choice = chart_selected (self);
  if (choice == NULL)
    {
      view = cost_window_get_chart (self->window, self->page_chart);
      if (options.scenario != scenario_shown (self))
        choice = cost_chart_choice_find (self->page_chart, NULL);
      if (choice == NULL && view != NULL)
        return cost_chart_view_export (view, file, &options, error);
    }
  if (choice == NULL)
    choice = cost_chart_choice_find (COST_CHART_CHOICE_DEFAULT, NULL);

  options.chart = choice->id;

  return cost_export_file (self->project, file, &options, error);
}

static void
on_file_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     CostExportDialog *self)
{
  const char *suffix = formats[format_index (self)].suffix;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      if (g_str_has_suffix (name, suffix))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *full = g_strconcat (name, suffix, NULL);

          file = g_file_get_child (parent, full);
        }

      if (cost_export_dialog_export (self, file, &error))
        {
          cost_window_show_exported (self->window, file);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        {
          cost_window_show_error (self->window, _("Could Not Export"), error->message);
        }
    }

  g_object_unref (chooser);
}

static void
on_export_clicked_cb (GtkButton        *button,
                      CostExportDialog *self)
{
  guint f = format_index (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cost_export_dialog_dup_file_name (self);
  GtkFileChooserNative *chooser;

  gtk_file_filter_add_suffix (filter, formats[f].suffix + 1);
  gtk_file_filter_add_mime_type (filter, formats[f].mime_type);
  gtk_file_filter_set_name (filter, formats[f].suffix);

  chooser = gtk_file_chooser_native_new (_(formats[f].title), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cost_export_dialog_dispose (GObject *object)
{
  CostExportDialog *self = COST_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_pointer (&self->page_chart, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (cost_export_dialog_parent_class)->dispose (object);
}

static void
cost_export_dialog_class_init (CostExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, scenario_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CostExportDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cost_export_dialog_init (CostExportDialog *self)
{
  g_autoptr(GtkStringList) format_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) size_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scale_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) paper_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (format_list, _(formats[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      /* Translators: a chart's size in pixels, width × height: "1600 × 1000" */
      g_autofree char *label = g_strdup_printf (_("%d × %d"), sizes[i].width, sizes[i].height);

      gtk_string_list_append (size_list, label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      /* Translators: how many pixels an image has for each of the chart's: "2×" */
      g_autofree char *label = g_strdup_printf (_("%g×"), scales[i]);

      gtk_string_list_append (scale_list, label);
    }
  gtk_string_list_append (paper_list, "A4");
  /* Translators: the paper size */
  gtk_string_list_append (paper_list, C_("paper", "Letter"));

  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (size_list));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scale_list));
  adw_combo_row_set_selected (self->scale_row, DEFAULT_SCALE);
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper_list));
  /* Last: its handler fills the other rows, once they have their models. */
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_list));
}

static void
fill_charts (CostExportDialog *self,
             const char       *chart)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  CostChartView *view = cost_window_get_chart (self->window, chart);
  guint n_choices, selected = 0;
  const CostChartChoice *choices = cost_chart_choice_get_all (&n_choices);

  if (view != NULL)
    {
      const char *title = cost_chart_dataset_get_title (cost_chart_view_get_dataset (view));
      /* Translators: the chart to export: the one of the page shown, by its title */
      g_autofree char *label = g_strdup_printf (_("%s (This Page)"), title);

      self->page_chart = g_strdup (gtk_widget_get_name (GTK_WIDGET (view)));
      gtk_string_list_append (list, label);
    }
  for (guint i = 0; i < n_choices; i++)
    {
      gtk_string_list_append (list, _(choices[i].label));
      if (view == NULL && g_strcmp0 (choices[i].id, COST_CHART_CHOICE_DEFAULT) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->chart_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->chart_row, selected);
}

/**
 * cost_export_dialog_new:
 * @format: "pdf", "slides", "png", "svg", "csv" or "xlsx"
 * @chart: (nullable): for an image, the name of the chart of the page
 *   shown; %NULL for its first chart
 *
 * Returns: (transfer floating): a dialog for exporting what @window shows,
 *   of the scenario it shows, to be presented
 */
CostExportDialog *
cost_export_dialog_new (CostWindow *window,
                        const char *format,
                        const char *chart)
{
  CostExportDialog *self;

  g_return_val_if_fail (COST_IS_WINDOW (window), NULL);

  self = g_object_new (COST_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->project = g_object_ref (cost_window_get_project (window));

  fill_charts (self, chart);
  cost_export_dialog_set_format (self, format);
  update_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));

  return self;
}

const char *
cost_export_dialog_get_format (CostExportDialog *self)
{
  g_return_val_if_fail (COST_IS_EXPORT_DIALOG (self), NULL);

  return formats[format_index (self)].id;
}

void
cost_export_dialog_set_format (CostExportDialog *self,
                               const char       *format)
{
  g_return_if_fail (COST_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (formats[i].id, format) == 0)
        adw_combo_row_set_selected (self->format_row, i);
    }
}

/**
 * cost_export_dialog_set_scenario:
 * @scenario: (nullable): the scenario to export, %NULL for the baseline
 * @all_scenarios: every scenario in one report (a PDF report only)
 */
void
cost_export_dialog_set_scenario (CostExportDialog *self,
                                 CostScenario     *scenario,
                                 gboolean          all_scenarios)
{
  guint position = 0;

  g_return_if_fail (COST_IS_EXPORT_DIALOG (self));

  if (all_scenarios && format_is (self, "pdf") && n_scenarios (self) > 0)
    adw_combo_row_set_selected (self->scenario_row, n_scenarios (self) + 1);
  else if (scenario != NULL &&
           cost_project_find_scenario (self->project, cost_scenario_get_id (scenario), &position) == scenario)
    adw_combo_row_set_selected (self->scenario_row, position + 1);
  else
    adw_combo_row_set_selected (self->scenario_row, 0);
}

/**
 * cost_export_dialog_set_chart:
 * @chart: (nullable): a chart of cost-chart-choice.c ("donut", …), or %NULL
 *   for the page's own
 */
void
cost_export_dialog_set_chart (CostExportDialog *self,
                              const char       *chart)
{
  guint n_choices;
  const CostChartChoice *choices = cost_chart_choice_get_all (&n_choices);

  g_return_if_fail (COST_IS_EXPORT_DIALOG (self));

  if (chart == NULL)
    {
      adw_combo_row_set_selected (self->chart_row, 0);
      return;
    }

  for (guint i = 0; i < n_choices; i++)
    {
      if (g_str_equal (choices[i].id, chart))
        adw_combo_row_set_selected (self->chart_row, i + (self->page_chart != NULL ? 1 : 0));
    }
}

/* One of the sizes offered. */
void
cost_export_dialog_set_size (CostExportDialog *self,
                             int               width,
                             int               height)
{
  g_return_if_fail (COST_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (sizes[i].width == width && sizes[i].height == height)
        adw_combo_row_set_selected (self->size_row, i);
    }
}

/* "a4" or "letter". */
void
cost_export_dialog_set_paper (CostExportDialog *self,
                              const char       *paper)
{
  g_return_if_fail (COST_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      if (g_strcmp0 (papers[i], paper) == 0)
        adw_combo_row_set_selected (self->paper_row, i);
    }
}
