/* cost-range-button.c
 *
 * The "±" beside a figure that may carry a range: it opens a popover where
 * the user gives the range a shape, its low, most likely and high figures
 * (in the field's own notation and the user's locale) and a correlation
 * group, or picks one of the quick presets, or removes it. A ranged
 * figure's button is highlighted and says the range in its tooltip.
 *
 * A form that shows a scenario edits the scenario's range: the baseline's
 * until the scenario gives the figure one of its own (a scenario that only
 * changes the figure moves the baseline's range with it), which the
 * popover says, with a button that goes back to the baseline's. Edits go
 * through cost_document_set_range(), one undoable step each; a range the
 * model refuses is not applied and the popover says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-range-button"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-format.h"
#include "cost-range-button.h"

/* The shapes of the drop-down, in its order. */
static const CostRangeShape shapes[] = {
  COST_RANGE_PERT, COST_RANGE_TRIANGULAR, COST_RANGE_UNIFORM, COST_RANGE_LOGNORMAL,
};

struct _CostRangeButton
{
  GtkWidget      parent_instance;

  GObject       *subject;
  char          *key;
  CostFieldKind  kind;
  CostScenario  *scenario;   /* whose ranges the form edits, NULL for the baseline's */
  CostDocument  *document;   /* given, or found among the ancestors */

  GtkMenuButton *menu_button;
  GtkLabel      *mark_label;
  GtkPopover    *popover;
  GtkLabel      *title_label;
  GtkLabel      *note_label;
  GtkBox        *presets_box;
  GtkDropDown   *shape_dropdown;
  GtkLabel      *low_label;
  GtkEntry      *low_entry;
  GtkLabel      *mode_label;
  GtkEntry      *mode_entry;
  GtkLabel      *high_label;
  GtkEntry      *high_entry;
  GtkEntry      *group_entry;
  GtkMenuButton *groups_button;
  GtkLabel      *error_label;
  GtkWidget     *remove_button;
  GtkWidget     *baseline_button;
  GtkWidget     *apply_button;

  gboolean       filling;   /* the popover is being filled from the model */
};

G_DEFINE_FINAL_TYPE (CostRangeButton, cost_range_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CostRangeField *
get_field (CostRangeButton *self)
{
  CostRangeSubject subject;

  if (self->subject == NULL || !cost_document_range_subject (self->subject, &subject))
    return NULL;

  return cost_range_field_find (subject, self->key);
}

/* The range of the figure as the form's scenario has it. */
static gboolean
lookup_range (CostRangeButton  *self,
              CostRange        *range,
              char            **group,
              gboolean         *own)
{
  GVariant *ranges;
  const char *g = NULL;
  gboolean found;

  memset (range, 0, sizeof *range);
  if (group != NULL)
    *group = NULL;
  if (own != NULL)
    *own = FALSE;
  if (get_field (self) == NULL)
    return FALSE;

  ranges = cost_ranges_in_scenario (self->scenario, self->subject, own);
  found = cost_ranges_lookup (ranges, self->key, range, &g);
  if (group != NULL)
    *group = g_strdup (found ? g : "");

  return found;
}

/* The figure the deterministic plan uses. */
static double
get_point (CostRangeButton *self)
{
  const CostRangeField *field = get_field (self);
  double point = 0;

  if (field != NULL)
    g_object_get (self->subject, field->property, &point, NULL);

  return point;
}

static char *
format_value (CostRangeButton *self,
              double           value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  text = cost_field_format (self->kind, &v);

  return self->kind == COST_FIELD_PERCENT ? g_strconcat (text, "%", NULL) : g_steal_pointer (&text);
}

static const char *
shape_name (CostRangeShape shape)
{
  switch (shape)
    {
    case COST_RANGE_PERT:
      return _("PERT");
    case COST_RANGE_TRIANGULAR:
      return _("Triangular");
    case COST_RANGE_UNIFORM:
      return _("Uniform");
    case COST_RANGE_LOGNORMAL:
      return _("Lognormal");
    case COST_RANGE_NONE:
    default:
      return "";
    }
}

/* The range in a sentence, for the tooltip and the accessible description. */
static char *
describe (CostRangeButton *self,
          const CostRange *range,
          const char      *group)
{
  g_autofree char *low = format_value (self, range->low);
  g_autofree char *mode = format_value (self, range->mode);
  g_autofree char *high = format_value (self, range->high);
  g_autofree char *text = NULL;

  switch (range->shape)
    {
    case COST_RANGE_PERT:
    case COST_RANGE_TRIANGULAR:
      /* Translators: a range: "PERT from 80 to 140, most likely 100" */
      text = g_strdup_printf (_("%s from %s to %s, most likely %s"), shape_name (range->shape), low, high, mode);
      break;
    case COST_RANGE_UNIFORM:
      /* Translators: a range: "Uniform from 80 to 140" */
      text = g_strdup_printf (C_("range", "%s from %s to %s"), shape_name (range->shape), low, high);
      break;
    case COST_RANGE_LOGNORMAL:
      /* Translators: a lognormal range: "90% between 80 and 140 (lognormal)" */
      text = g_strdup_printf (_("90%% between %s and %s (lognormal)"), low, high);
      break;
    case COST_RANGE_NONE:
    default:
      return NULL;
    }

  if (group != NULL && group[0] != '\0')
    /* Translators: a range and its correlation group: "PERT from 80 to 140, most likely 100; group “GPU prices”" */
    return g_strdup_printf (_("%s; group “%s”"), text, group);

  return g_steal_pointer (&text);
}

/* Highlights the button of a ranged figure and says its range. */
static void
update_mark (CostRangeButton *self)
{
  const CostRangeField *field = get_field (self);
  g_autofree char *group = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;
  CostRange range;
  gboolean ranged;

  ranged = lookup_range (self, &range, &group, NULL);
  if (ranged)
    {
      text = describe (self, &range, group);
      /* Translators: the tooltip of a figure's range button */
      tooltip = g_strdup_printf (_("Range: %s"), text);
      gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "ranged");
      gtk_widget_add_css_class (GTK_WIDGET (self->mark_label), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mark_label), "dim-label");
    }
  else
    {
      tooltip = g_strdup (_("Give a Range"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->menu_button), "ranged");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mark_label), "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->mark_label), "dim-label");
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
  if (field != NULL)
    {
      /* Translators: read out for a figure's range button: "Range of Unit price" */
      label = g_strdup_printf (_("Range of %s"), cost_range_field_get_label (field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : _("No range"),
                                      -1);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGED]);
}

/* A quantity sized from the traffic follows it: it takes no range of its own. */
static void
update_visible (CostRangeButton *self)
{
  gboolean visible = get_field (self) != NULL;

  if (visible && COST_IS_ITEM (self->subject) && g_strcmp0 (self->key, "quantity") == 0)
    visible = cost_item_get_driver (COST_ITEM (self->subject)) == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), visible);
  if (!visible)
    gtk_popover_popdown (self->popover);
}

static void
on_subject_notify_cb (GObject         *subject,
                      GParamSpec      *pspec,
                      CostRangeButton *self)
{
  if (g_str_equal (pspec->name, "ranges"))
    update_mark (self);
  else if (g_str_equal (pspec->name, "driver"))
    update_visible (self);
}

static void
on_scenario_changed_cb (CostScenario    *scenario,
                        CostRangeButton *self)
{
  update_mark (self);
}

static CostRangeShape
get_shape (CostRangeButton *self)
{
  guint selected = gtk_drop_down_get_selected (self->shape_dropdown);

  return selected < G_N_ELEMENTS (shapes) ? shapes[selected] : COST_RANGE_PERT;
}

static void
set_shape (CostRangeButton *self,
           CostRangeShape   shape)
{
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      if (shapes[i] == shape)
        gtk_drop_down_set_selected (self->shape_dropdown, i);
    }
}

static void
set_error (CostRangeButton *self,
           const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The labels of the entries follow the shape: a lognormal's low and high
 * are its 5th and 95th percentiles, and it has no most likely figure. */
static void
update_shape (CostRangeButton *self)
{
  CostRangeShape shape = get_shape (self);
  gboolean has_mode = shape == COST_RANGE_PERT || shape == COST_RANGE_TRIANGULAR;

  if (shape == COST_RANGE_LOGNORMAL)
    {
      gtk_label_set_text_with_mnemonic (self->low_label, _("_5th percentile"));
      gtk_label_set_text_with_mnemonic (self->high_label, _("_95th percentile"));
    }
  else
    {
      gtk_label_set_text_with_mnemonic (self->low_label, _("_Low"));
      gtk_label_set_text_with_mnemonic (self->high_label, _("_High"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mode_label), has_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->mode_entry), has_mode);
}

static void
on_shape_notify_cb (CostRangeButton *self)
{
  update_shape (self);
  if (!self->filling)
    set_error (self, NULL);
}

static void
on_entry_changed_cb (CostRangeButton *self)
{
  if (!self->filling)
    set_error (self, NULL);
}

static void
set_entry (CostRangeButton *self,
           GtkEntry        *entry,
           double           value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  text = cost_field_format (self->kind, &v);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Shows @range (or the figure alone) in the popover's entries. */
static void
fill (CostRangeButton *self,
      const CostRange *range,
      const char      *group)
{
  double point = get_point (self);

  self->filling = TRUE;
  if (range != NULL && range->shape != COST_RANGE_NONE)
    {
      set_shape (self, range->shape);
      set_entry (self, self->low_entry, range->low);
      set_entry (self, self->mode_entry,
                 range->shape == COST_RANGE_PERT || range->shape == COST_RANGE_TRIANGULAR ? range->mode : point);
      set_entry (self, self->high_entry, range->high);
    }
  else
    {
      set_shape (self, COST_RANGE_PERT);
      gtk_editable_set_text (GTK_EDITABLE (self->low_entry), "");
      set_entry (self, self->mode_entry, point);
      gtk_editable_set_text (GTK_EDITABLE (self->high_entry), "");
    }
  if (group != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->group_entry), group);
  update_shape (self);
  set_error (self, NULL);
  self->filling = FALSE;
}

static void
fill_groups (CostRangeButton *self)
{
  CostDocument *document = cost_range_button_get_document (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_auto(GStrv) groups = NULL;

  if (document != NULL)
    groups = cost_document_list_range_groups (document);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (groups[i], NULL);

      g_menu_item_set_action_and_target (item, "range.group", "s", groups[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->groups_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_button), groups != NULL && groups[0] != NULL);
}

/* Under a scenario, whose range the popover edits. */
static void
update_note (CostRangeButton *self,
             gboolean         own)
{
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), self->scenario != NULL);
  gtk_widget_set_visible (self->baseline_button, self->scenario != NULL && own);
  if (self->scenario == NULL)
    return;

  gtk_label_set_label (self->note_label,
                       own ? _("This scenario gives these figures ranges of its own, in place of the baseline’s.")
                           : _("The baseline’s range, moved with this scenario’s figure. A change gives the scenario a range of its own."));
}

static void
on_popover_show_cb (CostRangeButton *self)
{
  const CostRangeField *field = get_field (self);
  g_autofree char *group = NULL;
  g_autofree char *title = NULL;
  CostRange range;
  gboolean ranged, own;

  if (field == NULL)
    return;

  /* Translators: the title of the popover giving a figure a range: "Range of Unit price" */
  title = g_strdup_printf (_("Range of %s"), cost_range_field_get_label (field));
  gtk_label_set_label (self->title_label, title);
  ranged = lookup_range (self, &range, &group, &own);
  update_note (self, own);
  fill (self, ranged ? &range : NULL, group);
  gtk_widget_set_visible (self->remove_button, ranged);
  fill_groups (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->low_entry));
}

/* Reads one entry; the error names the figure. */
static gboolean
read_entry (CostRangeButton  *self,
            GtkEntry         *entry,
            GtkLabel         *label,
            double           *value,
            GError          **error)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(GError) local = NULL;

  g_value_init (&v, G_TYPE_DOUBLE);
  if (!cost_field_parse (self->kind, gtk_editable_get_text (GTK_EDITABLE (entry)), &v, &local))
    {
      g_autofree char *name = g_strdup (gtk_label_get_text (label));

      /* Translators: a figure of a range that is not a number: "High: enter a number" */
      g_set_error (error, local->domain, local->code, _("%s: %s"), name, local->message);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return FALSE;
    }
  *value = g_value_get_double (&v);

  return TRUE;
}

static gboolean
apply (CostRangeButton *self,
       const CostRange *range,
       const char      *group)
{
  CostDocument *document = cost_range_button_get_document (self);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    {
      g_critical ("A range button edits no document");
      return FALSE;
    }

  if (!cost_document_set_range (document, self->scenario, self->subject, self->key, range, group, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }

  set_error (self, NULL);
  gtk_widget_set_visible (self->remove_button, range != NULL);
  update_note (self, self->scenario != NULL);

  return TRUE;
}

static void
on_apply_clicked_cb (CostRangeButton *self)
{
  CostRange range = { .shape = get_shape (self) };
  g_autoptr(GError) error = NULL;
  gboolean has_mode = range.shape == COST_RANGE_PERT || range.shape == COST_RANGE_TRIANGULAR;

  if (!read_entry (self, self->low_entry, self->low_label, &range.low, &error) ||
      (has_mode && !read_entry (self, self->mode_entry, self->mode_label, &range.mode, &error)) ||
      !read_entry (self, self->high_entry, self->high_label, &range.high, &error))
    {
      set_error (self, error->message);
      return;
    }
  if (!has_mode)
    range.mode = get_point (self);

  if (apply (self, &range, gtk_editable_get_text (GTK_EDITABLE (self->group_entry))))
    gtk_popover_popdown (self->popover);
}

/* The scenario takes the baseline's ranges again. */
static void
on_baseline_clicked_cb (CostRangeButton *self)
{
  CostDocument *document = cost_range_button_get_document (self);

  if (document == NULL || self->scenario == NULL)
    return;

  cost_document_reset_ranges (document, self->scenario, self->subject);
  gtk_popover_popdown (self->popover);
}

static void
on_remove_clicked_cb (CostRangeButton *self)
{
  if (apply (self, NULL, NULL))
    gtk_popover_popdown (self->popover);
}

/* A preset gives the range at once around the figure, and shows it. */
static void
on_preset_clicked_cb (GtkButton       *button,
                      CostRangeButton *self)
{
  const CostRangePreset *preset = g_object_get_data (G_OBJECT (button), "preset");
  const char *group = gtk_editable_get_text (GTK_EDITABLE (self->group_entry));
  CostRange range;

  cost_range_preset_apply (preset, get_point (self), &range);
  if (apply (self, &range, group))
    fill (self, &range, NULL);
}

static void
group_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  CostRangeButton *self = COST_RANGE_BUTTON (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->group_entry), g_variant_get_string (param, NULL));
}

static CostDocument *
find_document (GtkWidget *widget)
{
  /* The nearest form, row or page showing a document: the one edited. */
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (w), "document");
      g_autoptr(GObject) document = NULL;

      if (pspec == NULL || !(pspec->flags & G_PARAM_READABLE) ||
          !g_type_is_a (pspec->value_type, COST_TYPE_DOCUMENT))
        continue;

      g_object_get (w, "document", &document, NULL);
      if (document != NULL)
        return COST_DOCUMENT (document);
    }

  return NULL;
}

static void
cost_range_button_dispose (GObject *object)
{
  CostRangeButton *self = (CostRangeButton *) object;

  if (self->subject != NULL)
    g_signal_handlers_disconnect_by_data (self->subject, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_clear_object (&self->subject);
  g_clear_object (&self->scenario);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_RANGE_BUTTON);

  G_OBJECT_CLASS (cost_range_button_parent_class)->dispose (object);
}

static void
cost_range_button_finalize (GObject *object)
{
  CostRangeButton *self = (CostRangeButton *) object;

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (cost_range_button_parent_class)->finalize (object);
}

static void
cost_range_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CostRangeButton *self = COST_RANGE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_RANGED:
      g_value_set_boolean (value, cost_range_button_get_ranged (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_range_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CostRangeButton *self = COST_RANGE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cost_range_button_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_range_button_class_init (CostRangeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_range_button_dispose;
  object_class->finalize = cost_range_button_finalize;
  object_class->get_property = cost_range_button_get_property;
  object_class->set_property = cost_range_button_set_property;

  /**
   * CostRangeButton:document: (nullable)
   *
   * The document the range is edited in; %NULL for the one the nearest
   * ancestor with a document shows.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RANGED] =
    g_param_spec_boolean ("ranged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "range.group", "s", group_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-range-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, mark_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, title_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, note_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, presets_box);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, shape_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, low_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, low_entry);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, mode_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, mode_entry);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, high_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, high_entry);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, group_entry);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, groups_button);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, baseline_button);
  gtk_widget_class_bind_template_child (widget_class, CostRangeButton, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shape_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_baseline_clicked_cb);
}

static void
cost_range_button_init (CostRangeButton *self)
{
  const CostRangePreset *presets;
  guint n_presets;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_set_default_widget (self->popover, self->apply_button);

  presets = cost_range_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(presets[i].label));

      g_object_set_data (G_OBJECT (button), "preset", (gpointer) &presets[i]);
      /* Translators: the tooltip of the quick ranges, "±10%", "±25%" */
      gtk_widget_set_tooltip_text (button, _("A PERT range around the figure"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_preset_clicked_cb), self);
      gtk_box_append (self->presets_box, button);
    }

  update_shape (self);
  update_mark (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cost_range_button_new (void)
{
  return g_object_new (COST_TYPE_RANGE_BUTTON, NULL);
}

/**
 * cost_range_button_set_subject:
 * @subject: (nullable): an item, a category, the workload or a served
 *   model: the baseline's, whichever scenario the form shows
 * @key: the figure, as cost_range_fields() names it
 * @kind: how the figure's field shows it (a percent or a number)
 * @scenario: (nullable): the scenario the form shows, whose ranges it
 *   edits; %NULL for the baseline's
 *
 * Edits the range of @subject's figure @key; the button hides for a
 * figure that takes no range.
 */
void
cost_range_button_set_subject (CostRangeButton *self,
                               GObject         *subject,
                               const char      *key,
                               CostFieldKind    kind,
                               CostScenario    *scenario)
{
  g_return_if_fail (COST_IS_RANGE_BUTTON (self));
  g_return_if_fail (!subject || G_IS_OBJECT (subject));
  g_return_if_fail (!scenario || COST_IS_SCENARIO (scenario));

  if (self->subject != NULL)
    g_signal_handlers_disconnect_by_data (self->subject, self);
  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->subject, subject);
  g_set_object (&self->scenario, scenario);
  g_free (self->key);
  self->key = g_strdup (key);
  self->kind = kind;

  if (self->subject != NULL)
    g_signal_connect (self->subject, "notify", G_CALLBACK (on_subject_notify_cb), self);
  if (self->scenario != NULL)
    g_signal_connect (self->scenario, "changed", G_CALLBACK (on_scenario_changed_cb), self);

  gtk_popover_popdown (self->popover);
  update_mark (self);
  update_visible (self);
}

/**
 * cost_range_button_get_subject:
 *
 * Returns: (transfer none) (nullable): the object whose figure it edits
 */
GObject *
cost_range_button_get_subject (CostRangeButton *self)
{
  g_return_val_if_fail (COST_IS_RANGE_BUTTON (self), NULL);

  return self->subject;
}

const char *
cost_range_button_get_key (CostRangeButton *self)
{
  g_return_val_if_fail (COST_IS_RANGE_BUTTON (self), NULL);

  return self->key;
}

/**
 * cost_range_button_get_document:
 *
 * Returns: (transfer none) (nullable): the document the range is edited
 *   in: the one given, else the one the nearest ancestor shows
 */
CostDocument *
cost_range_button_get_document (CostRangeButton *self)
{
  g_return_val_if_fail (COST_IS_RANGE_BUTTON (self), NULL);

  return self->document != NULL ? self->document : find_document (GTK_WIDGET (self));
}

void
cost_range_button_set_document (CostRangeButton *self,
                                CostDocument    *document)
{
  g_return_if_fail (COST_IS_RANGE_BUTTON (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cost_range_button_get_ranged:
 *
 * Returns: whether the figure has a range
 */
gboolean
cost_range_button_get_ranged (CostRangeButton *self)
{
  CostRange range;

  g_return_val_if_fail (COST_IS_RANGE_BUTTON (self), FALSE);

  return lookup_range (self, &range, NULL, NULL);
}

/**
 * cost_range_button_get_popover:
 *
 * Returns: (transfer none): the popover editing the range
 */
GtkPopover *
cost_range_button_get_popover (CostRangeButton *self)
{
  g_return_val_if_fail (COST_IS_RANGE_BUTTON (self), NULL);

  return self->popover;
}
