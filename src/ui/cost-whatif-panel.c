/* cost-whatif-panel.c
 *
 * Quick what-if: sliders for the biggest drivers of the plan (the
 * quantity and unit price of its largest items, and each category's
 * factor) that change the scenario shown as they move, with the change
 * from the baseline in money and percent. On the baseline, the first move
 * creates a "What-if" scenario. One drag is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-whatif-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-analysis.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-scenario-category.h"
#include "cost-scenario-item.h"
#include "cost-scenario-text.h"
#include "cost-table.h"
#include "cost-whatif-panel.h"

/* How many of the largest items get sliders. */
#define TOP_ITEMS 5
/* Quantities and prices move between none and this many times the baseline's. */
#define MAX_MULTIPLE 3.0
/* Factors move up to this, or to twice the baseline's when it is larger. */
#define MAX_FACTOR 2.0

typedef enum
{
  LEVER_QUANTITY,
  LEVER_UNIT_PRICE,
  LEVER_FACTOR,
} LeverKind;

typedef struct
{
  LeverKind  kind;
  char      *id;          /* of the item or the category */
  GtkRange  *scale;
  GtkLabel  *value_label;
} Lever;

struct _CostWhatifPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkLabel     *note_label;
  GtkLabel     *change_label;
  GtkGrid      *grid;

  CostDocument *document;
  GSignalGroup *signals;    /* on the document */
  GPtrArray    *levers;
  char         *shape;      /* the items and categories the sliders are for */
  Lever        *editing;    /* the lever whose change is being applied */
  gboolean      syncing;    /* the sliders are being set from the model */
  gboolean      live;       /* a slider is being dragged */
  guint         anchor_tick;   /* keeps the panel in place after a change */
  guint         anchor_frames; /* frames left to keep it there */
  double        anchor_top;    /* where it was in the page's scrolled view */
  gboolean      anchored;      /* kept there until the page is scrolled */
  gboolean      anchoring;     /* the panel scrolls the page itself */
  GSignalGroup *page_signals;  /* on the page's vertical adjustment */
};

G_DEFINE_FINAL_TYPE (CostWhatifPanel, cost_whatif_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lever_free (Lever *lever)
{
  g_free (lever->id);
  g_free (lever);
}

static CostProject *
project_of (CostWhatifPanel *self)
{
  return cost_document_get_project (self->document);
}

/* The baseline's value of what @lever moves. */
static double
baseline_value (CostWhatifPanel *self,
                Lever           *lever)
{
  CostProject *project = project_of (self);
  CostCategory *category;

  switch (lever->kind)
    {
    case LEVER_QUANTITY:
      return cost_item_get_quantity (cost_project_find_item (project, lever->id, NULL));
    case LEVER_UNIT_PRICE:
      return cost_item_get_unit_price (cost_project_find_item (project, lever->id, NULL));
    case LEVER_FACTOR:
      category = cost_project_find_category (project, lever->id, NULL);
      return cost_category_get_factor (category);
    default:
      g_return_val_if_reached (0);
    }
}

/* Its value in the scenario shown, and whether it is there at all. */
static double
shown_value (CostWhatifPanel *self,
             Lever           *lever,
             gboolean        *present)
{
  const CostResult *result = cost_document_get_result (self->document);
  const CostItemFigures *f;
  const CostCategoryFigures *cf;

  *present = TRUE;
  switch (lever->kind)
    {
    case LEVER_QUANTITY:
    case LEVER_UNIT_PRICE:
      f = cost_result_find_item (result, lever->id);
      *present = f != NULL && !f->excluded;
      if (f == NULL)
        return 0;
      return lever->kind == LEVER_QUANTITY ? f->params.quantity : f->params.unit_price;
    case LEVER_FACTOR:
      cf = cost_result_find_category (result, lever->id);
      return cf != NULL ? cf->factor : 1.0;
    default:
      g_return_val_if_reached (0);
    }
}

/* What the slider of @lever stands at for @value: a multiple of the
 * baseline's quantity or price, or the factor itself. */
static double
slider_position (Lever  *lever,
                 double  value,
                 double  baseline)
{
  if (lever->kind == LEVER_FACTOR)
    return value;

  return baseline > 0 ? value / baseline : 1.0;
}

static char *
format_value (CostWhatifPanel *self,
              Lever           *lever,
              double           value,
              double           baseline)
{
  const char *currency = cost_project_get_currency (project_of (self));
  g_autofree char *text = NULL;
  g_autofree char *change = NULL;
  double delta = value - baseline;
  CostItem *item;

  switch (lever->kind)
    {
    case LEVER_QUANTITY:
      {
        g_autofree char *number = cost_format_number (value, 2);

        item = cost_project_find_item (project_of (self), lever->id, NULL);
        text = cost_names_format_quantity (value, number, cost_item_get_unit (item));
      }
      break;
    case LEVER_UNIT_PRICE:
      text = cost_format_money (value, currency, fmod (value, 1.0) == 0.0 ? COST_FORMAT_WHOLE : 0);
      break;
    case LEVER_FACTOR:
      {
        g_autofree char *number = cost_format_number (value, 2);

        /* Translators: a cost factor: "×0.90" */
        text = g_strdup_printf (_("×%s"), number);
      }
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (fabs (delta) < 1e-9 || baseline == 0)
    return g_steal_pointer (&text);

  change = cost_format_percent (fabs (delta / baseline));
  /* Translators: a value and its change from the baseline: "50 GPU (−50%)" */
  return g_strdup_printf (_("%s (%s%s)"), text, delta > 0 ? "+" : "−", change);
}

/* The change of the scenario shown from the baseline, and how to use the
 * sliders. */
static void
update_texts (CostWhatifPanel *self)
{
  const CostResult *result = cost_document_get_result (self->document);
  const CostResult *baseline = cost_document_get_baseline_result (self->document);
  CostScenario *scenario = cost_document_get_scenario (self->document);
  const char *currency = cost_project_get_currency (project_of (self));
  g_autofree char *run_rate = cost_format_money (result->run_rate, currency, COST_FORMAT_WHOLE);
  g_autofree char *change = NULL;
  g_autofree char *note = NULL;
  g_autofree char *name = cost_scenario_text_name (result);

  if (scenario != NULL)
    {
      g_autofree char *delta = cost_scenario_text_delta (result->run_rate, baseline->run_rate, currency);

      /* Translators: "Run-rate ¥325,000 a month: −¥50,000 (−13.3%) from the baseline" */
      change = g_strdup_printf (_("Run-rate %s a month: %s from the baseline"), run_rate, delta);
      /* Translators: how the quick what-if sliders work, with a scenario shown */
      note = g_strdup_printf (_("The sliders change the scenario “%s”. Undo takes a whole drag back."), name);
    }
  else
    {
      /* Translators: "Run-rate ¥375,000 a month, the baseline" */
      change = g_strdup_printf (_("Run-rate %s a month, the baseline"), run_rate);
      note = g_strdup (_("Moving a slider creates a “What-if” scenario for the change; the baseline stays as it is."));
    }

  gtk_label_set_label (self->change_label, change);
  gtk_label_set_label (self->note_label, note);
  cost_table_style_delta (GTK_WIDGET (self->change_label), cost_round_money (result->run_rate - baseline->run_rate));
}

/* Sets the sliders and their values from the scenario shown. */
static void
sync_levers (CostWhatifPanel *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);
      double baseline = baseline_value (self, lever);
      gboolean present;
      double value = shown_value (self, lever, &present);
      g_autofree char *text = format_value (self, lever, value, baseline);
      GtkAdjustment *adjustment = gtk_range_get_adjustment (lever->scale);
      double position = slider_position (lever, value, baseline);

      gtk_label_set_label (lever->value_label, present ? text : _("Left out"));
      gtk_widget_set_sensitive (GTK_WIDGET (lever->scale), present);
      if (lever == self->editing)
        continue;

      if (position > gtk_adjustment_get_upper (adjustment))
        gtk_adjustment_set_upper (adjustment, position);
      gtk_adjustment_set_value (adjustment, position);
    }
  self->syncing = FALSE;
}

/* The scenario the sliders change: the one shown, or a new one. */
static CostScenario *
ensure_scenario (CostWhatifPanel *self)
{
  CostProject *project = project_of (self);
  g_autoptr(CostScenario) scenario = NULL;
  g_autofree char *name = NULL;

  if (cost_document_get_scenario (self->document) != NULL)
    return cost_document_get_scenario (self->document);

  name = cost_scenario_text_unique (project, _("What-if"));
  scenario = cost_scenario_new (NULL, name);
  cost_scenario_set_description (scenario, _("Tried with the quick what-if of the summary."), NULL);
  cost_project_add_scenario (project, scenario);
  cost_document_set_scenario (self->document, scenario);

  return scenario;
}

static void
apply_lever (CostWhatifPanel *self,
             Lever           *lever)
{
  CostProject *project = project_of (self);
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);
  double position = gtk_range_get_value (lever->scale);
  double baseline = baseline_value (self, lever);
  g_autoptr(GError) error = NULL;
  CostScenario *scenario;
  double value;

  self->editing = lever;
  cost_undo_stack_begin (stack);
  scenario = ensure_scenario (self);

  if (lever->kind == LEVER_FACTOR)
    {
      CostCategory *category = cost_project_find_category (project, lever->id, NULL);
      g_autoptr(CostScenarioCategory) values = cost_scenario_category_new (category, scenario);

      value = round (position * 100) / 100;
      cost_scenario_category_set_factor (values, value, &error);
    }
  else
    {
      CostItem *item = cost_project_find_item (project, lever->id, NULL);
      g_autoptr(CostScenarioItem) values = cost_scenario_item_new (item, scenario);

      value = position * baseline;
      if (lever->kind == LEVER_QUANTITY)
        {
          /* Whole GPUs or people when the baseline counts whole ones. */
          value = fmod (baseline, 1.0) == 0.0 ? round (value) : round (value * 100) / 100;
          cost_scenario_item_set_quantity (values, value, &error);
        }
      else
        {
          value = round (value * 100) / 100;
          cost_scenario_item_set_unit_price (values, value, &error);
        }
    }

  cost_undo_stack_end (stack);
  self->editing = NULL;

  if (error != NULL)
    g_warning ("The quick what-if could not apply %g: %s", value, error->message);
}

/* Frames over which a change settles: the scenario shown, the key figures
 * above the panel re-laid out. */
#define ANCHOR_FRAMES 12

/* Where the panel's top is in the view of the scrolled page around it. */
static gboolean
top_in_view (CostWhatifPanel *self,
             GtkWidget      **scroller,
             double          *top)
{
  double x = 0;

  *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return *scroller != NULL &&
         gtk_widget_translate_coordinates (GTK_WIDGET (self), *scroller, 0, 0, &x, top);
}

/* A change may grow what is above the panel (the key figures show their
 * change from the baseline): scroll by as much, so that the slider stays
 * under the pointer instead of the page jumping. */
static gboolean
on_anchor_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  CostWhatifPanel *self = COST_WHATIF_PANEL (widget);
  GtkWidget *scroller;
  double top;

  if (top_in_view (self, &scroller, &top) && fabs (top - self->anchor_top) >= 0.5)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      self->anchoring = TRUE;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top - self->anchor_top);
      self->anchoring = FALSE;
    }

  if (--self->anchor_frames > 0)
    return G_SOURCE_CONTINUE;
  self->anchor_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
settle_in_place (CostWhatifPanel *self)
{
  if (self->anchor_tick == 0)
    self->anchor_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_anchor_tick_cb, NULL, NULL);
  self->anchor_frames = ANCHOR_FRAMES;
}

/* The page grew or shrank: what is above the panel may have, later than
 * the frames after a change (the simulation's line arrives when its run
 * ends), so the panel keeps its place again. */
static void
on_page_changed_cb (GtkAdjustment   *adjustment,
                    CostWhatifPanel *self)
{
  if (self->anchored)
    settle_in_place (self);
}

/* The user scrolled: the panel's place is wherever that takes it. */
static void
on_page_scrolled_cb (GtkAdjustment   *adjustment,
                     CostWhatifPanel *self)
{
  if (!self->anchoring && self->anchor_tick == 0)
    self->anchored = FALSE;
}

/* After a change, the panel stays where it is in the page's view until
 * the user scrolls the page. */
static void
keep_in_place (CostWhatifPanel *self)
{
  GtkWidget *scroller;

  if (self->anchor_tick == 0 && !self->anchored)
    {
      if (!top_in_view (self, &scroller, &self->anchor_top))
        return;
      g_signal_group_set_target (self->page_signals,
                                 gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
    }
  self->anchored = TRUE;
  settle_in_place (self);
}

static void
on_value_changed_cb (GtkRange        *scale,
                     CostWhatifPanel *self)
{
  if (self->syncing || self->document == NULL)
    return;

  keep_in_place (self);

  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);

      if (lever->scale == scale)
        apply_lever (self, lever);
    }
}

static void
set_live (CostWhatifPanel *self,
          gboolean         live)
{
  CostUndoStack *stack;

  if (self->live == live || self->document == NULL)
    return;

  self->live = live;
  stack = cost_document_get_undo_stack (self->document);
  if (live)
    cost_undo_stack_begin_live (stack);
  else
    cost_undo_stack_end_live (stack);
}

/* A press on a slider starts a drag, its release ends it: everything in
 * between is one undo step. Seen before the slider handles the event. */
static gboolean
on_slider_event_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    CostWhatifPanel          *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    set_live (self, TRUE);
  else if (type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END || type == GDK_TOUCH_CANCEL ||
           type == GDK_GRAB_BROKEN)
    set_live (self, FALSE);

  return GDK_EVENT_PROPAGATE;
}

/* The wheel scrolls the page, not the slider under the pointer: moving a
 * value is a drag or a key press, never an accident of scrolling. */
static gboolean
on_slider_scroll_cb (GtkEventControllerScroll *controller,
                     double                    dx,
                     double                    dy,
                     CostWhatifPanel          *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (scroller != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0));
    }

  return GDK_EVENT_STOP;
}

static void
add_lever (CostWhatifPanel *self,
           LeverKind        kind,
           const char      *id,
           const char      *name,
           int              column,
           int              row)
{
  Lever *lever = g_new0 (Lever, 1);
  double baseline;
  double upper;
  GtkEventController *controller;
  g_autofree char *label = NULL;

  lever->kind = kind;
  lever->id = g_strdup (id);
  g_ptr_array_add (self->levers, lever);

  baseline = baseline_value (self, lever);
  upper = kind == LEVER_FACTOR ? MAX (MAX_FACTOR, 2 * baseline) : MAX_MULTIPLE;
  lever->scale = GTK_RANGE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, upper, 0.01));
  gtk_scale_set_draw_value (GTK_SCALE (lever->scale), FALSE);
  gtk_scale_add_mark (GTK_SCALE (lever->scale), kind == LEVER_FACTOR ? baseline : 1.0, GTK_POS_BOTTOM, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (lever->scale), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (lever->scale), 120, -1);

  switch (kind)
    {
    case LEVER_QUANTITY:
      /* Translators: the accessible name of a slider: "GPUs, quantity" */
      label = g_strdup_printf (_("%s, quantity"), name);
      break;
    case LEVER_UNIT_PRICE:
      /* Translators: the accessible name of a slider: "GPUs, unit price" */
      label = g_strdup_printf (_("%s, unit price"), name);
      break;
    case LEVER_FACTOR:
      /* Translators: the accessible name of a slider: "Compute, cost factor" */
      label = g_strdup_printf (_("%s, cost factor"), name);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (lever->scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_slider_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (lever->scale), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_slider_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (lever->scale), controller);

  g_signal_connect (lever->scale, "value-changed", G_CALLBACK (on_value_changed_cb), self);

  lever->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (lever->value_label, 0);
  gtk_label_set_width_chars (lever->value_label, 16);
  gtk_widget_add_css_class (GTK_WIDGET (lever->value_label), "numeric");

  gtk_grid_attach (self->grid, GTK_WIDGET (lever->scale), column, row, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (lever->value_label), column + 1, row, 1, 1);
}

static char *
display_name (const char *name,
              const char *fallback)
{
  const char *translated = cost_names_translate (name);

  return g_strdup (translated[0] != '\0' ? translated : fallback);
}

/* The sliders: the largest items of the baseline (which scenarios do not
 * reorder, so a drag never rebuilds them), then the categories. */
static void
rebuild (CostWhatifPanel *self)
{
  const CostResult *baseline = cost_document_get_baseline_result (self->document);
  g_autoptr(GPtrArray) top = cost_analysis_top_items (baseline, TOP_ITEMS, COST_TOP_ITEMS_PRICED);
  g_autoptr(GString) shape = g_string_new (NULL);
  int row = 0;

  for (guint i = 0; i < top->len; i++)
    g_string_append_printf (shape, "%s\n", cost_item_get_id (((const CostItemFigures *) top->pdata[i])->item));
  for (guint c = 0; c < baseline->n_categories; c++)
    g_string_append_printf (shape, "%s\t", cost_category_get_id (baseline->categories[c].category));

  if (g_strcmp0 (shape->str, self->shape) == 0)
    return;

  g_free (self->shape);
  self->shape = g_strdup (shape->str);
  g_ptr_array_set_size (self->levers, 0);
  cost_table_clear (self->grid);

  if (top->len > 0)
    {
      cost_table_add (self->grid, 0, row, _("Largest Items"), COST_TABLE_CELL_HEADING);
      cost_table_add (self->grid, 1, row, _("Quantity"), COST_TABLE_CELL_HEADING);
      cost_table_add (self->grid, 3, row, _("Unit Price"), COST_TABLE_CELL_HEADING);
      row++;
    }
  for (guint i = 0; i < top->len; i++, row++)
    {
      CostItem *item = ((const CostItemFigures *) top->pdata[i])->item;
      g_autofree char *name = display_name (cost_item_get_name (item), _("Unnamed Item"));

      cost_table_add (self->grid, 0, row, name, COST_TABLE_CELL_TEXT);
      add_lever (self, LEVER_QUANTITY, cost_item_get_id (item), name, 1, row);
      add_lever (self, LEVER_UNIT_PRICE, cost_item_get_id (item), name, 3, row);
    }

  if (baseline->n_categories > 0)
    {
      GtkWidget *heading;

      heading = cost_table_add (self->grid, 0, row, _("Categories"), COST_TABLE_CELL_HEADING);
      gtk_widget_set_margin_top (heading, 12);
      heading = cost_table_add (self->grid, 1, row, _("Cost Factor"), COST_TABLE_CELL_HEADING);
      gtk_widget_set_margin_top (heading, 12);
      row++;
    }
  for (guint c = 0; c < baseline->n_categories; c++, row++)
    {
      CostCategory *category = baseline->categories[c].category;
      g_autofree char *name = display_name (cost_category_get_name (category), _("Unnamed Category"));

      cost_table_add (self->grid, 0, row, name, COST_TABLE_CELL_TEXT);
      add_lever (self, LEVER_FACTOR, cost_category_get_id (category), name, 1, row);
    }
}

static void
refresh (CostWhatifPanel *self)
{
  if (self->document == NULL)
    return;

  rebuild (self);
  sync_levers (self);
  update_texts (self);
}

static void
on_result_notify_cb (CostDocument    *document,
                     GParamSpec      *pspec,
                     CostWhatifPanel *self)
{
  refresh (self);
}

static void
cost_whatif_panel_dispose (GObject *object)
{
  CostWhatifPanel *self = COST_WHATIF_PANEL (object);

  cost_whatif_panel_set_document (self, NULL);
  if (self->anchor_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->anchor_tick);
  self->anchor_tick = 0;
  self->anchored = FALSE;
  g_clear_object (&self->page_signals);
  g_clear_object (&self->signals);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cost_whatif_panel_parent_class)->dispose (object);
}

static void
cost_whatif_panel_finalize (GObject *object)
{
  CostWhatifPanel *self = COST_WHATIF_PANEL (object);

  g_clear_pointer (&self->levers, g_ptr_array_unref);
  g_clear_pointer (&self->shape, g_free);

  G_OBJECT_CLASS (cost_whatif_panel_parent_class)->finalize (object);
}

static void
cost_whatif_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostWhatifPanel *self = COST_WHATIF_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_whatif_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostWhatifPanel *self = COST_WHATIF_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cost_whatif_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_whatif_panel_class_init (CostWhatifPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_whatif_panel_dispose;
  object_class->finalize = cost_whatif_panel_finalize;
  object_class->get_property = cost_whatif_panel_get_property;
  object_class->set_property = cost_whatif_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "whatif-panel");
}

static void
cost_whatif_panel_init (CostWhatifPanel *self)
{
  GtkWidget *title = gtk_label_new (_("Quick What-If"));
  GtkWidget *scroller;

  self->signals = g_signal_group_new (COST_TYPE_DOCUMENT);
  g_signal_group_connect (self->signals, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  self->page_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect (self->page_signals, "changed", G_CALLBACK (on_page_changed_cb), self);
  g_signal_group_connect (self->page_signals, "value-changed", G_CALLBACK (on_page_scrolled_cb), self);

  self->levers = g_ptr_array_new_with_free_func ((GDestroyNotify) lever_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 18);
  gtk_widget_set_margin_end (title, 18);
  gtk_box_append (GTK_BOX (self->box), title);

  self->change_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->change_label, 0);
  gtk_label_set_wrap (self->change_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "title-4");
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->change_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->change_label), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->change_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Change from the baseline"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->change_label));

  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->note_label, 0);
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->note_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->note_label), 18);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->note_label));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 18);
  /* Narrower than its sliders, the table scrolls sideways and the page
   * around it still fits the window. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (self->box), scroller);
}

GtkWidget *
cost_whatif_panel_new (void)
{
  return g_object_new (COST_TYPE_WHATIF_PANEL, NULL);
}

/**
 * cost_whatif_panel_get_document:
 *
 * Returns: (transfer none) (nullable): the document the sliders change
 */
CostDocument *
cost_whatif_panel_get_document (CostWhatifPanel *self)
{
  g_return_val_if_fail (COST_IS_WHATIF_PANEL (self), NULL);

  return self->document;
}

void
cost_whatif_panel_set_document (CostWhatifPanel *self,
                                CostDocument    *document)
{
  g_return_if_fail (COST_IS_WHATIF_PANEL (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  set_live (self, FALSE);
  g_signal_group_set_target (self->signals, document);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->shape, g_free);
  g_ptr_array_set_size (self->levers, 0);
  cost_table_clear (self->grid);

  if (document != NULL)
    refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cost_whatif_panel_get_lever:
 * @id: an item id, or a category id for "factor"
 * @property: "quantity", "unit-price" or "factor"
 *
 * Returns: (transfer none) (nullable): the slider that moves @property of
 *   @id, %NULL when the panel has none
 */
GtkRange *
cost_whatif_panel_get_lever (CostWhatifPanel *self,
                             const char      *id,
                             const char      *property)
{
  LeverKind kind;

  g_return_val_if_fail (COST_IS_WHATIF_PANEL (self), NULL);

  if (g_strcmp0 (property, "quantity") == 0)
    kind = LEVER_QUANTITY;
  else if (g_strcmp0 (property, "unit-price") == 0)
    kind = LEVER_UNIT_PRICE;
  else if (g_strcmp0 (property, "factor") == 0)
    kind = LEVER_FACTOR;
  else
    g_return_val_if_reached (NULL);

  for (guint i = 0; i < self->levers->len; i++)
    {
      Lever *lever = g_ptr_array_index (self->levers, i);

      if (lever->kind == kind && g_strcmp0 (lever->id, id) == 0)
        return lever->scale;
    }

  return NULL;
}

/**
 * cost_whatif_panel_get_change:
 *
 * Returns: the run-rate of the scenario shown and its change from the
 *   baseline, as the panel says it
 */
const char *
cost_whatif_panel_get_change (CostWhatifPanel *self)
{
  g_return_val_if_fail (COST_IS_WHATIF_PANEL (self), NULL);

  return gtk_label_get_label (self->change_label);
}
