/* cost-color-swatch.c
 *
 * A small rounded square of a category's colour, the same colour its slice
 * and bars have in the charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-color-swatch"

#include "config.h"

#include "cost-chart-style.h"
#include "cost-color-swatch.h"

struct _CostColorSwatch
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
  int        size;
};

G_DEFINE_FINAL_TYPE (CostColorSwatch, cost_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cost_color_swatch_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CostColorSwatch *self = COST_COLOR_SWATCH (widget);

  *minimum = *natural = self->size;
}

static void
cost_color_swatch_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CostColorSwatch *self = COST_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int side = MIN (width, height);
  GskRoundedRect rect;
  graphene_rect_t bounds;

  graphene_rect_init (&bounds, (width - side) / 2.0, (height - side) / 2.0, side, side);
  gsk_rounded_rect_init_from_rect (&rect, &bounds, side / 4.0);

  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->rgba, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
cost_color_swatch_finalize (GObject *object)
{
  CostColorSwatch *self = (CostColorSwatch *) object;

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (cost_color_swatch_parent_class)->finalize (object);
}

static void
cost_color_swatch_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostColorSwatch *self = COST_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_color_swatch_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostColorSwatch *self = COST_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      cost_color_swatch_set_color (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      cost_color_swatch_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_color_swatch_class_init (CostColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cost_color_swatch_finalize;
  object_class->get_property = cost_color_swatch_get_property;
  object_class->set_property = cost_color_swatch_set_property;

  widget_class->measure = cost_color_swatch_measure;
  widget_class->snapshot = cost_color_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 4, 256, 16,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  /* Decoration: the name next to it, or the button holding it, says what it is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
cost_color_swatch_init (CostColorSwatch *self)
{
  self->size = 16;
  gdk_rgba_parse (&self->rgba, "#9a9996");
}

GtkWidget *
cost_color_swatch_new (void)
{
  return g_object_new (COST_TYPE_COLOR_SWATCH, NULL);
}

const char *
cost_color_swatch_get_color (CostColorSwatch *self)
{
  g_return_val_if_fail (COST_IS_COLOR_SWATCH (self), NULL);

  return self->color;
}

/**
 * cost_color_swatch_set_color:
 * @color: (nullable): "#rrggbb"
 */
void
cost_color_swatch_set_color (CostColorSwatch *self,
                             const char      *color)
{
  g_return_if_fail (COST_IS_COLOR_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);

  if (color == NULL || !gdk_rgba_parse (&self->rgba, color))
    gdk_rgba_parse (&self->rgba, "#9a9996");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
cost_color_swatch_get_size (CostColorSwatch *self)
{
  g_return_val_if_fail (COST_IS_COLOR_SWATCH (self), 0);

  return self->size;
}

void
cost_color_swatch_set_size (CostColorSwatch *self,
                            int              size)
{
  g_return_if_fail (COST_IS_COLOR_SWATCH (self));

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
cost_palette_get_n_colors (void)
{
  /* The chart palette's distinct colours before it repeats. */
  CostChartColor first, color;
  guint n = 1;

  cost_chart_palette_get_color (0, &first);
  for (;; n++)
    {
      cost_chart_palette_get_color (n, &color);
      if (color.red == first.red && color.green == first.green && color.blue == first.blue)
        return n;
    }
}

/**
 * cost_palette_dup_color:
 *
 * Returns: (transfer full): the chart palette's @index-th colour, "#rrggbb"
 */
char *
cost_palette_dup_color (guint index)
{
  CostChartColor c;

  cost_chart_palette_get_color (index, &c);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (c.red * 255 + 0.5),
                          (guint) (c.green * 255 + 0.5),
                          (guint) (c.blue * 255 + 0.5));
}

/**
 * cost_palette_resolve:
 * @color: (nullable): a category's own colour, or "" when it has none
 * @index: the category's position, which picks its colour from the palette
 *
 * Returns: (transfer full): the colour the category is drawn in
 */
char *
cost_palette_resolve (const char *color,
                      guint       index)
{
  if (color != NULL && color[0] != '\0')
    return g_strdup (color);

  return cost_palette_dup_color (index);
}
