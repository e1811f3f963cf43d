/* cost-llm-chart.c
 *
 * A chart of an LLM sized by tokens on the Traffic & Models page: the
 * memory bar of one GPU, or the curve of throughput against the time per
 * output token. It keeps plain chart data and draws it with the renderers
 * of cost-chart-llm.c, as the report does; its accessible description says
 * what it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-llm-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "cost-chart-data.h"
#include "cost-llm-chart.h"

struct _CostLlmChart
{
  GtkWidget            parent_instance;

  CostLlmChartKind     kind;
  gboolean             has_data;
  CostChartMemory      memory;
  CostChartCurvePoint  points[COST_CHART_LLM_POINTS];
  CostChartCurve       curve;
  char                *description;
};

G_DEFINE_FINAL_TYPE (CostLlmChart, cost_llm_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (CostLlmChartKind, cost_llm_chart_kind,
  G_DEFINE_ENUM_VALUE (COST_LLM_CHART_MEMORY, "memory"),
  G_DEFINE_ENUM_VALUE (COST_LLM_CHART_CURVE, "curve"))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The desktop's font and light or dark, as the other charts take them. */
static void
get_style (CostLlmChart   *self,
           CostChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  cost_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  if (font != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      double dpi = pango_cairo_context_get_resolution (context);

      style->font_family = pango_font_description_get_family (font);
      if (size > 0)
        style->font_size = (pango_font_description_get_size_is_absolute (font) ?
                            size : size * (dpi > 0 ? dpi : 96.0) / 72.0) * 0.9;
    }
}

static void
cost_llm_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CostLlmChart *self = COST_LLM_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CostChartRect area = { 0, 0, width, height };
  CostChartStyle style;
  cairo_t *cr;

  if (!self->has_data || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  style.show_title = TRUE;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == COST_LLM_CHART_MEMORY)
    cost_chart_llm_draw_memory (cr, &area, _("Memory of one GPU"), &self->memory, &style, NULL);
  else
    cost_chart_llm_draw_curve (cr, &area, _("Throughput against latency as more requests run at a time"),
                               &self->curve, &style, NULL);
  cairo_destroy (cr);
}

static void
cost_llm_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CostLlmChart *self = COST_LLM_CHART (widget);
  gboolean memory = self->kind == COST_LLM_CHART_MEMORY;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = memory ? 150 : 260;
      *natural = memory ? 150 : 340;
    }
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    CostLlmChart    *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cost_llm_chart_finalize (GObject *object)
{
  CostLlmChart *self = (CostLlmChart *) object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (cost_llm_chart_parent_class)->finalize (object);
}

static void
cost_llm_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CostLlmChart *self = COST_LLM_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_llm_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CostLlmChart *self = COST_LLM_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_llm_chart_class_init (CostLlmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cost_llm_chart_finalize;
  object_class->get_property = cost_llm_chart_get_property;
  object_class->set_property = cost_llm_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COST_TYPE_LLM_CHART_KIND, COST_LLM_CHART_MEMORY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->snapshot = cost_llm_chart_snapshot;
  widget_class->measure = cost_llm_chart_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "llmchart");
}

static void
cost_llm_chart_init (CostLlmChart *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
}

GtkWidget *
cost_llm_chart_new (CostLlmChartKind kind)
{
  return g_object_new (COST_TYPE_LLM_CHART, "kind", kind, NULL);
}

/**
 * cost_llm_chart_set_sizing:
 *
 * Shows a replica as cost_llm_size() sized it from @inputs.
 */
void
cost_llm_chart_set_sizing (CostLlmChart        *self,
                           const CostLlmInputs *inputs,
                           const CostLlmResult *result)
{
  g_return_if_fail (COST_IS_LLM_CHART (self));

  g_clear_pointer (&self->description, g_free);
  if (self->kind == COST_LLM_CHART_MEMORY)
    {
      cost_chart_data_llm_memory (result, &self->memory);
      self->description = cost_chart_llm_describe_memory (&self->memory);
    }
  else
    {
      cost_chart_data_llm_curve (inputs, result, self->points, &self->curve);
      self->description = cost_chart_llm_describe_curve (&self->curve);
    }
  self->has_data = TRUE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cost_llm_chart_get_description:
 *
 * Returns: (nullable): what the chart shows, in words
 */
const char *
cost_llm_chart_get_description (CostLlmChart *self)
{
  g_return_val_if_fail (COST_IS_LLM_CHART (self), NULL);

  return self->description;
}
