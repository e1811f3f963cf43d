/* cost-chart-view.c
 *
 * A chart as a widget: draws through the shared renderer, highlights what
 * is under the pointer or the keyboard focus with its exact figure in a
 * tooltip, and says what it shows to screen readers. Its context menu
 * copies it as an image, drawn as the exports draw it, with its caption,
 * and exports it through the window's win.export-chart action, which finds
 * the chart by its widget name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-chart-view.h"
#include "cost-export.h"

struct _CostChartView
{
  GtkWidget         parent_instance;

  CostChartKind     kind;
  CostChartDataset *dataset;
  CostChartLayout  *layout;
  gboolean          show_title;
  double            text_scale;
  char             *caption;
  GtkWidget        *menu;

  /* What is highlighted, as series and group so that it survives redraws. */
  int               hover_series;
  int               hover_group;
  int               focus_series;
  int               focus_group;
};

G_DEFINE_FINAL_TYPE (CostChartView, cost_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATASET,
  PROP_SHOW_TITLE,
  PROP_TEXT_SCALE,
  PROP_CAPTION,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_description (CostChartView *self)
{
  g_autofree char *text = NULL;

  if (self->dataset == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = cost_chart_describe (self->kind, self->dataset);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
clear_highlight (CostChartView *self)
{
  self->hover_series = self->hover_group = COST_CHART_NONE;
  self->focus_series = self->focus_group = COST_CHART_NONE;
}

/* The desktop's font, at the chosen scale. */
static void
get_style (CostChartView  *self,
           CostChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);

  cost_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  style->show_title = self->show_title;
  style->scale = self->text_scale;

  if (font != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      double dpi = pango_cairo_context_get_resolution (context);

      style->font_family = pango_font_description_get_family (font);
      if (size > 0)
        style->font_size = pango_font_description_get_size_is_absolute (font) ?
                           size : size * (dpi > 0 ? dpi : 96.0) / 72.0;
    }

  if (self->hover_series != COST_CHART_NONE)
    {
      style->highlight_series = self->hover_series;
      style->highlight_group = self->hover_group;
    }
  else if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_series != COST_CHART_NONE)
    {
      style->highlight_series = self->focus_series;
      style->highlight_group = self->focus_group;
    }
}

static void
cost_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CostChartView *self = COST_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CostChartStyle style;
  cairo_t *cr;

  cost_chart_layout_clear (self->layout);
  if (self->dataset == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cost_chart_draw (cr, &(CostChartRect) { 0, 0, width, height }, self->kind, self->dataset,
                   &style, self->layout);
  cairo_destroy (cr);

  /* Where the keyboard is, when it is not where the pointer is. */
  if (gtk_widget_has_visible_focus (widget) && self->focus_series != COST_CHART_NONE)
    {
      int index = cost_chart_layout_find_target (self->layout, self->focus_series, self->focus_group);
      CostChartRect r;
      GskRoundedRect outline;
      GdkRGBA color;
      float widths[4] = { 2, 2, 2, 2 };

      if (index < 0)
        return;

      cost_chart_layout_get_target (self->layout, index, NULL, &r);
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (r.x - 3, r.y - 3, r.width + 6, r.height + 6), 4);
      gdk_rgba_parse (&color, style.dark ? "#78aeed" : "#1c71d8");
      gtk_snapshot_append_border (snapshot, &outline, widths,
                                  (GdkRGBA[4]) { color, color, color, color });
    }
}

static void
cost_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 320;
}

static gboolean
hit_at (CostChartView *self,
        double         x,
        double         y,
        CostChartHit  *hit)
{
  guint index;

  if (self->dataset == NULL || !cost_chart_layout_lookup (self->layout, x, y, &index))
    return FALSE;

  cost_chart_layout_get_target (self->layout, index, hit, NULL);

  return TRUE;
}

static void
set_hover (CostChartView *self,
           int            series,
           int            group)
{
  if (self->hover_series == series && self->hover_group == group)
    return;

  self->hover_series = series;
  self->hover_group = group;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CostChartView            *self)
{
  CostChartHit hit;

  if (hit_at (self, x, y, &hit))
    set_hover (self, hit.series, hit.group);
  else
    set_hover (self, COST_CHART_NONE, COST_CHART_NONE);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             CostChartView            *self)
{
  set_hover (self, COST_CHART_NONE, COST_CHART_NONE);
}

static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                CostChartView   *self)
{
  CostChartHit hit;

  if (!hit_at (self, x, y, &hit))
    return;

  /* The keyboard carries on from what was clicked. */
  self->focus_series = hit.series;
  self->focus_group = hit.group;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATED], 0, hit.series, hit.group);
}

static gboolean
on_query_tooltip_cb (GtkWidget     *widget,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip,
                     CostChartView *self)
{
  g_autofree char *text = NULL;
  CostChartHit hit;
  CostChartRect r;
  int index;

  if (self->dataset == NULL)
    return FALSE;

  if (keyboard)
    index = cost_chart_layout_find_target (self->layout, self->focus_series, self->focus_group);
  else
    index = hit_at (self, x, y, &hit) ? cost_chart_layout_find_target (self->layout, hit.series, hit.group) : -1;

  if (index < 0)
    return FALSE;

  cost_chart_layout_get_target (self->layout, index, &hit, &r);
  text = cost_chart_describe_hit (self->kind, self->dataset, self->layout, &hit);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (r.x), (int) floor (r.y),
                                                       (int) ceil (r.width), (int) ceil (r.height) });

  return TRUE;
}

/* Moves the keyboard highlight by @delta targets, in drawing order. */
static gboolean
move_focus (CostChartView *self,
            int            delta)
{
  int n = (int) cost_chart_layout_get_n_targets (self->layout);
  int index;
  CostChartHit hit;

  if (n == 0)
    return FALSE;

  index = cost_chart_layout_find_target (self->layout, self->focus_series, self->focus_group);
  if (index < 0)
    index = delta > 0 ? 0 : n - 1;
  else
    index = CLAMP (index + delta, 0, n - 1);

  cost_chart_layout_get_target (self->layout, index, &hit, NULL);
  self->focus_series = hit.series;
  self->focus_group = hit.group;
  self->hover_series = self->hover_group = COST_CHART_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CostChartView         *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      return move_focus (self, 1);

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      return move_focus (self, -1);

    case GDK_KEY_Home:
      return move_focus (self, -G_MAXINT / 2);

    case GDK_KEY_End:
      return move_focus (self, G_MAXINT / 2);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (cost_chart_layout_find_target (self->layout, self->focus_series, self->focus_group) < 0)
        return FALSE;
      g_signal_emit (self, signals[ACTIVATED], 0, self->focus_series, self->focus_group);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Keyboard focus arrives on the first slice, and its ring goes with it. */
static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   CostChartView           *self)
{
  if (cost_chart_layout_find_target (self->layout, self->focus_series, self->focus_group) < 0)
    move_focus (self, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CostChartView           *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    CostChartView   *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cost_chart_view_finalize (GObject *object)
{
  CostChartView *self = COST_CHART_VIEW (object);

  g_clear_pointer (&self->dataset, cost_chart_dataset_unref);
  g_clear_pointer (&self->layout, cost_chart_layout_unref);
  g_clear_pointer (&self->caption, g_free);

  G_OBJECT_CLASS (cost_chart_view_parent_class)->finalize (object);
}

static void
cost_chart_view_dispose (GObject *object)
{
  CostChartView *self = COST_CHART_VIEW (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);

  G_OBJECT_CLASS (cost_chart_view_parent_class)->dispose (object);
}

static void
cost_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CostChartView *self = COST_CHART_VIEW (widget);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* The context menu: copy, and export through the window when it can. */
static void
popup_menu (CostChartView *self,
            double         x,
            double         y)
{
  if (self->dataset == NULL)
    return;

  if (self->menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) copy = g_menu_new ();
      g_autoptr(GMenu) export = g_menu_new ();
      const char *formats[][2] = { { "png", N_("Export as _PNG…") }, { "svg", N_("Export as _SVG…") } };

      g_menu_append (copy, _("_Copy Chart"), "chart.copy");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i][1]), NULL);

          g_menu_item_set_action_and_target_value (item, "win.export-chart",
                                                   g_variant_new ("(ss)", formats[i][0],
                                                                  gtk_widget_get_name (GTK_WIDGET (self))));
          g_menu_item_set_attribute (item, "hidden-when", "s", "action-missing");
          g_menu_append_item (export, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (export));

      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         CostChartView   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    CostChartView       *self)
{
  popup_menu (self, x, y);
}

static void
menu_popup_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *param)
{
  popup_menu (COST_CHART_VIEW (widget), gtk_widget_get_width (widget) / 2.0,
              gtk_widget_get_height (widget) / 2.0);
}

static void
copy_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!cost_chart_view_copy (COST_CHART_VIEW (widget), &error))
    g_warning ("Could not copy the chart: %s", error->message);
}

static void
cost_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CostChartView *self = COST_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CostChartView *self = COST_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      cost_chart_view_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DATASET:
      cost_chart_view_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TITLE:
      cost_chart_view_set_show_title (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT_SCALE:
      cost_chart_view_set_text_scale (self, g_value_get_double (value));
      break;
    case PROP_CAPTION:
      cost_chart_view_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_chart_view_class_init (CostChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cost_chart_view_dispose;
  object_class->finalize = cost_chart_view_finalize;
  object_class->get_property = cost_chart_view_get_property;
  object_class->set_property = cost_chart_view_set_property;

  widget_class->snapshot = cost_chart_view_snapshot;
  widget_class->measure = cost_chart_view_measure;
  widget_class->size_allocate = cost_chart_view_size_allocate;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COST_TYPE_CHART_KIND, COST_CHART_DONUT, flags);
  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, COST_TYPE_CHART_DATASET, flags);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, FALSE, flags);
  /**
   * CostChartView:text-scale:
   *
   * How much larger than the desktop's font the chart's type (and lines and
   * margins with it) is drawn: large for a projector.
   */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.5, 4.0, 1.0, flags);
  /**
   * CostChartView:caption:
   *
   * The line under the chart when it is copied or exported: the scenario
   * and the project it is of. The window does not show it.
   */
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostChartView::activated:
   * @series: the series index, or %COST_CHART_OTHER
   * @group: the group index
   *
   * A slice, segment or bar was clicked, or chosen with the keyboard.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, menu_popup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);

  gtk_widget_class_set_css_name (widget_class, "costchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cost_chart_view_init (CostChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->layout = cost_chart_layout_new ();
  self->text_scale = 1.0;
  clear_highlight (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (click), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, 0);
}

GtkWidget *
cost_chart_view_new (void)
{
  return g_object_new (COST_TYPE_CHART_VIEW, NULL);
}

CostChartKind
cost_chart_view_get_kind (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), COST_CHART_DONUT);

  return self->kind;
}

void
cost_chart_view_set_kind (CostChartView *self,
                          CostChartKind  kind)
{
  g_return_if_fail (COST_IS_CHART_VIEW (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  clear_highlight (self);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cost_chart_view_get_dataset:
 *
 * Returns: (transfer none) (nullable): what the chart shows
 */
CostChartDataset *
cost_chart_view_get_dataset (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), NULL);

  return self->dataset;
}

/**
 * cost_chart_view_set_dataset:
 * @dataset: (nullable): the new data
 *
 * Shows @dataset; nothing is redrawn when it draws the same chart as before.
 */
void
cost_chart_view_set_dataset (CostChartView    *self,
                             CostChartDataset *dataset)
{
  g_return_if_fail (COST_IS_CHART_VIEW (self));

  if (cost_chart_dataset_equal (self->dataset, dataset))
    return;

  g_clear_pointer (&self->dataset, cost_chart_dataset_unref);
  if (dataset != NULL)
    self->dataset = cost_chart_dataset_ref (dataset);

  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cost_chart_view_get_show_title (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), FALSE);

  return self->show_title;
}

void
cost_chart_view_set_show_title (CostChartView *self,
                                gboolean       show_title)
{
  g_return_if_fail (COST_IS_CHART_VIEW (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;

  self->show_title = show_title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
cost_chart_view_get_text_scale (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), 1.0);

  return self->text_scale;
}

void
cost_chart_view_set_text_scale (CostChartView *self,
                                double         text_scale)
{
  g_return_if_fail (COST_IS_CHART_VIEW (self));

  text_scale = CLAMP (text_scale, 0.5, 4.0);
  if (self->text_scale == text_scale)
    return;

  self->text_scale = text_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cost_chart_view_get_layout:
 *
 * Returns: (transfer none): what the last drawing put where
 */
CostChartLayout *
cost_chart_view_get_layout (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), NULL);

  return self->layout;
}

/**
 * cost_chart_view_get_caption:
 *
 * Returns: (nullable): the line under the chart when it is copied or exported
 */
const char *
cost_chart_view_get_caption (CostChartView *self)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), NULL);

  return self->caption;
}

void
cost_chart_view_set_caption (CostChartView *self,
                             const char    *caption)
{
  g_return_if_fail (COST_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/**
 * cost_chart_view_export:
 * @file: a .png or .svg file
 * @options: (nullable): the size and scale
 *
 * Writes the chart shown, with its title and caption, in the light style
 * of the exports.
 *
 * Returns: %FALSE with @error set when there is no chart or no file
 */
gboolean
cost_chart_view_export (CostChartView            *self,
                        GFile                    *file,
                        const CostExportOptions  *options,
                        GError                  **error)
{
  g_return_val_if_fail (COST_IS_CHART_VIEW (self), FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
      return FALSE;
    }

  return cost_export_chart_file (file, self->kind, self->dataset, self->caption, options, error);
}

/**
 * cost_chart_view_copy:
 *
 * Puts the chart on the clipboard as an image, drawn as a PNG export
 * draws it, for pasting into slides and messages.
 *
 * Returns: %FALSE with @error set when there is no chart or it could not
 *   be drawn
 */
gboolean
cost_chart_view_copy (CostChartView  *self,
                      GError        **error)
{
  CostExportOptions options = { .scale = 2 };
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (COST_IS_CHART_VIEW (self), FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to copy"));
      return FALSE;
    }

  png = cost_export_chart_png (self->kind, self->dataset, self->caption, &options, error);
  if (png == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);

  return TRUE;
}
