/* cost-sensitivity-page.c
 *
 * What moves the monthly run-rate of the scenario shown the most: each
 * item's quantity or unit price X% lower and higher, as a tornado of the
 * largest swings and a table of every item, ranked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-sensitivity-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-chart-data.h"
#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-scenario-text.h"
#include "cost-sensitivity-page.h"
#include "cost-table.h"

/* The tornado shows the widest swings; the table has them all. */
#define CHART_ROWS COST_CHART_DATA_TORNADO_ROWS

struct _CostSensitivityPage
{
  CostPage       parent_instance;

  GtkLabel      *subtitle_label;
  GtkLabel      *chart_title;
  GtkSpinButton *range_spin;
  CostChartView *chart_view;
  GtkGrid       *table;
};

G_DEFINE_FINAL_TYPE (CostSensitivityPage, cost_sensitivity_page, COST_TYPE_PAGE)

enum {
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COLUMN_ITEM,
  COLUMN_CATEGORY,
  COLUMN_LOW,
  COLUMN_HIGH,
  COLUMN_SWING,
};

static char *
category_name (const CostResult *result,
               guint             index)
{
  const char *name = cost_names_translate (cost_category_get_name (result->categories[index].category));

  return g_strdup (name[0] != '\0' ? name : _("Unnamed Category"));
}

static char *
item_name (CostItem *item)
{
  const char *name = cost_names_translate (cost_item_get_name (item));

  return g_strdup (name[0] != '\0' ? name : _("Unnamed Item"));
}

static void
cost_sensitivity_page_refresh (CostPage *page)
{
  CostSensitivityPage *self = COST_SENSITIVITY_PAGE (page);
  CostDocument *document = cost_page_get_document (page);
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *name = NULL;
  g_autofree char *run_rate = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *minus = NULL;
  g_autofree char *plus = NULL;
  g_autofree char *caption = NULL;
  const CostResult *result;
  CostProject *project;
  const char *currency;
  double fraction = cost_sensitivity_page_get_range (self);

  cost_table_clear (self->table);
  if (document == NULL)
    {
      cost_chart_view_set_dataset (self->chart_view, NULL);
      return;
    }

  project = cost_document_get_project (document);
  result = cost_document_get_result (document);
  currency = cost_project_get_currency (project);
  rows = cost_analysis_sensitivity (result, fraction);

  name = cost_scenario_text_name (result);
  run_rate = cost_format_money (result->run_rate, currency, COST_FORMAT_WHOLE);
  /* Translators: under the Sensitivity title: "Baseline · run-rate ¥375,000 a month" */
  subtitle = g_strdup_printf (_("%s · run-rate %s a month"), name, run_rate);
  gtk_label_set_label (self->subtitle_label, subtitle);

  dataset = cost_chart_data_sensitivity (project, result, rows, fraction, CHART_ROWS);
  caption = cost_page_dup_caption (page, FALSE);
  cost_chart_view_set_caption (self->chart_view, caption);
  gtk_label_set_label (self->chart_title, cost_chart_dataset_get_title (dataset));
  percent = cost_format_percent (fraction);
  minus = g_strdup_printf (_("−%s"), percent);
  plus = g_strdup_printf (_("+%s"), percent);

  cost_table_add (self->table, COLUMN_ITEM, 0, _("Item"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->table, COLUMN_CATEGORY, 0, _("Category"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->table, COLUMN_LOW, 0, minus, COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COLUMN_HIGH, 0, plus, COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COLUMN_SWING, 0, _("Swing"), COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);

  for (guint i = 0; i < rows->len; i++)
    {
      const CostSensitivity *row = &g_array_index (rows, CostSensitivity, i);
      g_autofree char *item = item_name (row->item);
      g_autofree char *category = category_name (result, row->category_index);
      g_autofree char *low = cost_format_money (row->low, currency, COST_FORMAT_WHOLE);
      g_autofree char *high = cost_format_money (row->high, currency, COST_FORMAT_WHOLE);
      g_autofree char *swing = cost_format_money (row->high - row->low, currency, COST_FORMAT_WHOLE);

      cost_table_add (self->table, COLUMN_ITEM, i + 1, item, COST_TABLE_CELL_TEXT);
      cost_table_add (self->table, COLUMN_CATEGORY, i + 1, category, COST_TABLE_CELL_TEXT);
      cost_table_add (self->table, COLUMN_LOW, i + 1, low, COST_TABLE_CELL_NUMBER);
      cost_table_add (self->table, COLUMN_HIGH, i + 1, high, COST_TABLE_CELL_NUMBER);
      cost_table_add (self->table, COLUMN_SWING, i + 1, swing, COST_TABLE_CELL_NUMBER);
    }

  gtk_widget_set_size_request (GTK_WIDGET (self->chart_view), -1,
                               120 + 40 * MIN (rows->len, CHART_ROWS));
  cost_chart_view_set_dataset (self->chart_view, dataset);
}

static void
on_range_changed_cb (GtkSpinButton       *spin,
                     CostSensitivityPage *self)
{
  cost_page_queue_refresh (COST_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

static void
cost_sensitivity_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COST_TYPE_SENSITIVITY_PAGE);

  G_OBJECT_CLASS (cost_sensitivity_page_parent_class)->dispose (object);
}

static void
cost_sensitivity_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CostSensitivityPage *self = COST_SENSITIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_double (value, cost_sensitivity_page_get_range (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_sensitivity_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CostSensitivityPage *self = COST_SENSITIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      cost_sensitivity_page_set_range (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_sensitivity_page_class_init (CostSensitivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);

  object_class->dispose = cost_sensitivity_page_dispose;
  object_class->get_property = cost_sensitivity_page_get_property;
  object_class->set_property = cost_sensitivity_page_set_property;

  page_class->refresh = cost_sensitivity_page_refresh;

  properties[PROP_RANGE] =
    g_param_spec_double ("range", NULL, NULL, 0.01, 1.0, 0.2,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-sensitivity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostSensitivityPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostSensitivityPage, chart_title);
  gtk_widget_class_bind_template_child (widget_class, CostSensitivityPage, range_spin);
  gtk_widget_class_bind_template_child (widget_class, CostSensitivityPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, CostSensitivityPage, table);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed_cb);
}

static void
cost_sensitivity_page_init (CostSensitivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cost_sensitivity_page_new (void)
{
  return g_object_new (COST_TYPE_SENSITIVITY_PAGE, NULL);
}

/**
 * cost_sensitivity_page_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CostDocument *
cost_sensitivity_page_get_document (CostSensitivityPage *self)
{
  g_return_val_if_fail (COST_IS_SENSITIVITY_PAGE (self), NULL);

  return cost_page_get_document (COST_PAGE (self));
}

/**
 * cost_sensitivity_page_set_document:
 * @document: (nullable): the document to show, with its active scenario
 */
void
cost_sensitivity_page_set_document (CostSensitivityPage *self,
                                    CostDocument        *document)
{
  g_return_if_fail (COST_IS_SENSITIVITY_PAGE (self));

  cost_page_set_document (COST_PAGE (self), document);
}

/**
 * cost_sensitivity_page_get_range:
 *
 * Returns: how far quantities and prices move, 0.2 for ±20%
 */
double
cost_sensitivity_page_get_range (CostSensitivityPage *self)
{
  g_return_val_if_fail (COST_IS_SENSITIVITY_PAGE (self), 0.2);

  return gtk_spin_button_get_value (self->range_spin) / 100.0;
}

void
cost_sensitivity_page_set_range (CostSensitivityPage *self,
                                 double               fraction)
{
  g_return_if_fail (COST_IS_SENSITIVITY_PAGE (self));

  gtk_spin_button_set_value (self->range_spin, fraction * 100.0);
}
