/* cost-item-row.c
 *
 * One line item: what it is and what it costs a month on the row, its whole
 * form when expanded.
 *
 * With a scenario active, the row shows the values the scenario computes
 * the item with, and editing one writes an override: the field is marked
 * with the baseline's value and a button that resets it. An item only the
 * scenario has is edited directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-item-row"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-driven-badge.h"
#include "cost-item-row.h"
#include "cost-names.h"
#include "cost-override-mark.h"
#include "cost-scenario-item.h"
#include "cost-values.h"

/* A price quoted longer ago than this is flagged. */
#define STALE_DAYS 365

/* The overridable values, in the order of CostOverrideFields' bits. */
#define N_MARKS 6

struct _CostItemRow
{
  AdwExpanderRow  parent_instance;

  CostDocument   *document;
  CostItem       *item;
  CostScenarioItem *values;    /* the values shown and edited */

  GtkLabel       *amount_label;
  GtkLabel       *share_label;
  GtkLabel       *tag_label;
  GtkBox         *suffix_box;   /* the driven badge, then the amounts */

  AdwActionRow   *included_row;
  GtkSwitch      *included_switch;
  CostFieldRow   *name_row;
  CostFieldRow   *quantity_row;
  CostFieldRow   *unit_row;
  CostFieldRow   *price_row;
  GtkLabel       *currency_label;
  AdwComboRow    *period_row;
  AdwActionRow   *amortize_row;
  GtkSpinButton  *amortize_spin;
  GtkSpinButton  *start_spin;
  GtkAdjustment  *start_adjustment;
  GtkSwitch      *open_end_switch;
  GtkWidget      *open_end_row;
  AdwActionRow   *end_row;
  GtkSpinButton  *end_spin;
  GtkAdjustment  *end_adjustment;
  CostFieldRow   *growth_row;
  CostFieldRow   *source_row;
  CostFieldRow   *as_of_row;
  GtkWidget      *stale_icon;
  CostFieldRow   *notes_row;
  GtkWidget      *move_up_button;
  GtkWidget      *move_down_button;
  GtkWidget      *duplicate_button;
  GtkWidget      *delete_button;

  GtkWidget      *marks[N_MARKS];      /* CostOverrideMark of each overridable value */

  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (CostItemRow, cost_item_row, ADW_TYPE_EXPANDER_ROW)

static const char *
currency_of (CostItemRow *self)
{
  return cost_project_get_currency (cost_document_get_project (self->document));
}

/* Money without minor units when it has none: "¥1,000", "¥2.50". */
static char *
format_money (double      amount,
              const char *currency)
{
  gboolean whole = fmod (cost_round_money (amount), 1.0) == 0.0;

  return cost_format_money (amount, currency, whole ? COST_FORMAT_WHOLE : 0);
}

static char *
describe_cb (GObject    *values,
             double      quantity,
             const char *unit,
             double      unit_price,
             guint       period,
             guint       amortize,
             const char *currency,
             gpointer    data)
{
  g_autofree char *q = cost_format_number (quantity, 6);
  g_autofree char *p = cost_format_price (unit_price, currency, COST_FORMAT_WHOLE);
  g_autofree char *amount = cost_names_format_quantity (quantity, q, unit);

  if (period == COST_PERIOD_ONCE && amortize > 1)
    /* Translators: "2 servers × ¥50,000 one-time, over 36 months" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s × %s one-time, over %u month",
                                         "%s × %s one-time, over %u months", amortize),
                            amount, p, amortize);

  /* Translators: "100 GPU × ¥1,000 per month" */
  return g_strdup_printf (_("%s × %s %s"), amount, p, cost_period_get_label (period));
}

static gboolean
is_stale (const char *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || date[0] == '\0')
    return FALSE;

  iso = g_strconcat (date, "T00:00:00Z", NULL);
  then = g_date_time_new_from_iso8601 (iso, NULL);
  if (then == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();

  return g_date_time_difference (now, then) > (GTimeSpan) STALE_DAYS * G_TIME_SPAN_DAY;
}

/* What the scenario does to the item, under its amount. */
static void
update_tag (CostItemRow           *self,
            const CostItemFigures *f)
{
  const char *tag = NULL;

  if (f->added)
    tag = _("Scenario only");
  else if (f->excluded)
    tag = _("Left out");
  else if (f->overridden != COST_OVERRIDE_NONE)
    tag = _("Changed");

  gtk_label_set_label (self->tag_label, tag ? tag : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tag_label), tag != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->share_label), tag == NULL);

  if (f->excluded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "excluded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "excluded");
}

static void
update_figures (CostItemRow *self)
{
  const CostResult *result = cost_document_get_result (self->document);
  const CostItemFigures *f = cost_result_find_item (result, cost_item_get_id (self->item));
  const char *currency = currency_of (self);
  g_autofree char *amount = NULL;
  g_autofree char *share = NULL;
  g_autofree char *description = NULL;

  if (f == NULL)
    return;

  update_tag (self, f);

  if (f->excluded)
    {
      amount = g_strdup (_("Excluded"));
      share = g_strdup ("");
    }
  else if (f->run_rate == 0 && f->one_time > 0)
    {
      g_autofree char *money = format_money (f->one_time, currency);

      /* Translators: an item that costs a one-time amount and nothing a month */
      amount = g_strdup_printf (_("%s one-time"), money);
      share = g_strdup ("");
    }
  else
    {
      amount = format_money (f->run_rate, currency);
      share = cost_format_share (f->share);
    }

  gtk_label_set_label (self->amount_label, amount);
  gtk_label_set_label (self->share_label, share);

  if (share[0] != '\0')
    /* Translators: read out for an item row: "¥100,000 a month, 26.7% of the total" */
    description = g_strdup_printf (_("%s a month, %s of the total"), amount, share);
  else
    description = g_strdup (amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
on_result_notify_cb (CostDocument *document,
                     GParamSpec   *pspec,
                     CostItemRow  *self)
{
  update_figures (self);
}

static void
set_spin_error (GtkSpinButton *spin,
                const GError  *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), NULL);
    }
}

/* What applies to the price period: a one-time amount falls in its first
 * month or is spread over its amortisation, so it has no end month and
 * does not grow. */
static void
update_period_rows (CostItemRow *self)
{
  gboolean once = cost_scenario_item_get_period (self->values) == COST_PERIOD_ONCE;
  int end = cost_scenario_item_get_end_month (self->values);

  gtk_widget_set_visible (GTK_WIDGET (self->amortize_row), once);
  gtk_widget_set_visible (self->open_end_row, !once);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), !once && end >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->growth_row), !once);
}

static void
on_period_notify_cb (GObject     *object,
                     GParamSpec  *pspec,
                     CostItemRow *self)
{
  update_period_rows (self);
}

/* Months show 1-based; the model counts from 0. */
static void
sync_months (CostItemRow *self)
{
  int horizon = cost_project_get_horizon (cost_document_get_project (self->document));
  int start = cost_scenario_item_get_start_month (self->values);
  int end = cost_scenario_item_get_end_month (self->values);

  self->syncing = TRUE;
  gtk_adjustment_set_upper (self->start_adjustment, horizon);
  gtk_adjustment_set_upper (self->end_adjustment, horizon);
  gtk_spin_button_set_value (self->start_spin, start + 1);
  gtk_spin_button_set_value (self->end_spin, end < 0 ? horizon : end + 1);
  gtk_switch_set_active (self->open_end_switch, end < 0);
  update_period_rows (self);
  set_spin_error (self->start_spin, NULL);
  set_spin_error (self->end_spin, NULL);
  self->syncing = FALSE;
}

static void
on_months_notify_cb (GObject     *object,
                     GParamSpec  *pspec,
                     CostItemRow *self)
{
  sync_months (self);
}

static void
apply_months (CostItemRow   *self,
              GtkSpinButton *spin,
              int            start,
              int            end)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;

  cost_scenario_item_set_active_months (self->values, start, end, &error);
  set_spin_error (spin, error);
}

static void
on_start_changed_cb (GtkSpinButton *spin,
                     CostItemRow   *self)
{
  apply_months (self, spin, gtk_spin_button_get_value_as_int (spin) - 1,
                cost_scenario_item_get_end_month (self->values));
}

static void
on_end_changed_cb (GtkSpinButton *spin,
                   CostItemRow   *self)
{
  apply_months (self, spin, cost_scenario_item_get_start_month (self->values),
                gtk_spin_button_get_value_as_int (spin) - 1);
}

static void
on_open_end_cb (GtkSwitch   *toggle,
                GParamSpec  *pspec,
                CostItemRow *self)
{
  int horizon = cost_project_get_horizon (cost_document_get_project (self->document));

  apply_months (self, self->end_spin, cost_scenario_item_get_start_month (self->values),
                gtk_switch_get_active (toggle) ? -1 : horizon - 1);
}

static gboolean
date_to_stale (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  g_value_set_boolean (to, is_stale (g_value_get_string (from)));
  return TRUE;
}

static gboolean
currency_to_symbol (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  const char *currency = g_value_get_string (from);
  const char *symbol = cost_currency_get_symbol (currency);

  g_value_set_string (to, symbol ? symbol : currency);
  return TRUE;
}

static gboolean
name_to_title (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  const char *name = cost_names_translate (g_value_get_string (from));

  g_value_set_string (to, name[0] != '\0' ? name : _("Unnamed Item"));
  return TRUE;
}

static gboolean
invert_boolean (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      data)
{
  g_value_set_boolean (to, !g_value_get_boolean (from));
  return TRUE;
}

/* The baseline's value of one overridable field, as the form shows it. */
static char *
format_baseline (CostItemRow        *self,
                 CostOverrideFields  field)
{
  CostItem *item = self->item;
  int start, end;

  switch (field)
    {
    case COST_OVERRIDE_QUANTITY:
      return cost_format_number (cost_item_get_quantity (item), 6);
    case COST_OVERRIDE_UNIT_PRICE:
      return cost_format_price (cost_item_get_unit_price (item), currency_of (self), COST_FORMAT_WHOLE);
    case COST_OVERRIDE_PERIOD:
      return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (self->period_row)),
                                                   cost_item_get_period (item)));
    case COST_OVERRIDE_ACTIVE_MONTHS:
      start = cost_item_get_start_month (item) + 1;
      end = cost_item_get_end_month (item) + 1;
      if (end <= 0)
        /* Translators: an item's active months, open-ended: "from month 3" */
        return g_strdup_printf (_("from month %d"), start);
      /* Translators: an item's active months: "months 3–12" */
      return g_strdup_printf (_("months %d–%d"), start, end);
    case COST_OVERRIDE_GROWTH:
      return cost_format_percent (cost_item_get_monthly_growth (item));
    case COST_OVERRIDE_AMORTIZE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                           cost_item_get_amortize_months (item)),
                              cost_item_get_amortize_months (item));
    case COST_OVERRIDE_NONE:
    case COST_OVERRIDE_ALL:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Marks the fields the scenario overrides with the baseline's value. */
static void
update_marks (CostItemRow *self)
{
  CostOverrideFields overridden = cost_scenario_item_get_overridden (self->values);

  for (guint i = 0; i < N_MARKS; i++)
    {
      CostOverrideFields field = 1 << i;
      g_autofree char *baseline = NULL;

      if (self->marks[i] == NULL)
        continue;

      if (overridden & field)
        baseline = format_baseline (self, field);
      cost_override_mark_set_baseline (COST_OVERRIDE_MARK (self->marks[i]), baseline);
    }
}

static void
on_overridden_notify_cb (GObject     *object,
                         GParamSpec  *pspec,
                         CostItemRow *self)
{
  update_marks (self);
}

static void
on_mark_reset_cb (CostOverrideMark *mark,
                  CostItemRow      *self)
{
  for (guint i = 0; i < N_MARKS; i++)
    {
      if (self->marks[i] == GTK_WIDGET (mark))
        cost_scenario_item_reset (self->values, 1 << i);
    }
}

/* Adds the mark of @field to @row, hidden until the scenario overrides it. */
static void
add_mark (CostItemRow        *self,
          GtkWidget          *row,
          CostOverrideFields  field)
{
  GtkWidget *mark = cost_override_mark_new ();

  g_signal_connect (mark, "reset", G_CALLBACK (on_mark_reset_cb), self);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), mark);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);

  self->marks[g_bit_nth_lsf (field, -1)] = mark;
}

static gboolean
activate_item_action (GtkWidget  *widget,
                      const char *action)
{
  CostItemRow *self = COST_ITEM_ROW (widget);

  return gtk_widget_activate_action (widget, action, "s", cost_item_get_id (self->item));
}

static gboolean
move_up_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  return activate_item_action (widget, "win.move-item-up");
}

static gboolean
move_down_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  return activate_item_action (widget, "win.move-item-down");
}

static gboolean
duplicate_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  return activate_item_action (widget, "win.duplicate-item");
}

static gboolean
delete_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  return activate_item_action (widget, "win.delete-item");
}

/* Dragging a row moves its item; dropping one on a row puts it there. */
static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    CostItemRow   *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);

  return gdk_content_provider_new_typed (COST_TYPE_ITEM, self->item);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CostItemRow   *self)
{
  CostItem *dropped = g_value_get_object (value);
  CostCategory *category = cost_item_get_category (self->item);
  guint position = 0;

  if (dropped == self->item || category == NULL)
    return FALSE;

  cost_category_find_item (category, cost_item_get_id (self->item), &position);

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.move-item", "(ssu)",
                                     cost_item_get_id (dropped),
                                     cost_category_get_id (category), position);
}

/* The form is built when the row is first expanded: a category of hundreds
 * of items then opens at once. */
static gboolean
driver_to_editable (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_boolean (to, g_value_get_string (from) == NULL);

  return TRUE;
}

static void
ensure_form (CostItemRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  CostProject *project = cost_document_get_project (self->document);
  const char *id = cost_item_get_id (self->item);
  const char *rows[] = {
    "included_row", "name_row", "quantity_row", "unit_row", "price_row", "period_row",
    "amortize_row", "start_row", "open_end_row", "end_row", "growth_row", "source_row",
    "as_of_row", "notes_row", "actions_row",
  };
  CostScenario *scenario = cost_scenario_item_get_scenario (self->values);

  if (self->name_row != NULL)
    return;

  g_type_ensure (COST_TYPE_FIELD_ROW);
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_start_changed_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_end_changed_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_open_end_cb);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/cost-item-form.ui", &error))
    g_error ("The item form does not load: %s", error->message);

#define FORM_OBJECT(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  FORM_OBJECT (name_row);
  FORM_OBJECT (quantity_row);
  FORM_OBJECT (unit_row);
  FORM_OBJECT (price_row);
  FORM_OBJECT (currency_label);
  FORM_OBJECT (period_row);
  FORM_OBJECT (amortize_row);
  FORM_OBJECT (amortize_spin);
  FORM_OBJECT (start_spin);
  FORM_OBJECT (start_adjustment);
  FORM_OBJECT (open_end_switch);
  FORM_OBJECT (open_end_row);
  FORM_OBJECT (end_row);
  FORM_OBJECT (end_spin);
  FORM_OBJECT (end_adjustment);
  FORM_OBJECT (growth_row);
  FORM_OBJECT (source_row);
  FORM_OBJECT (as_of_row);
  FORM_OBJECT (stale_icon);
  FORM_OBJECT (notes_row);
  FORM_OBJECT (move_up_button);
  FORM_OBJECT (move_down_button);
  FORM_OBJECT (duplicate_button);
  FORM_OBJECT (delete_button);

  /* The same range as the model's setter and the file reader. */
  gtk_spin_button_set_range (self->amortize_spin, cost_value_range (COST_VALUE_AMORTIZE_MONTHS)->min,
                             cost_value_range (COST_VALUE_AMORTIZE_MONTHS)->max);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->move_up_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->move_down_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->duplicate_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", id);

  /* Only the baseline's items can be left out of a scenario. */
  for (guint i = scenario != NULL ? 0 : 1; i < G_N_ELEMENTS (rows); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                              GTK_WIDGET (gtk_builder_get_object (builder, rows[i])));

  cost_field_row_bind (self->name_row, self->item, "name");
  cost_field_row_bind (self->quantity_row, self->values, "quantity");
  /* A driven quantity follows the traffic: unlink it first to type one. */
  g_object_bind_property_full (self->item, "driver", self->quantity_row, "editable",
                               G_BINDING_SYNC_CREATE, driver_to_editable, NULL, NULL, NULL);
  cost_field_row_bind (self->unit_row, self->item, "unit");
  cost_field_row_bind (self->price_row, self->values, "unit-price");
  cost_field_row_bind (self->growth_row, self->values, "monthly-growth");
  cost_field_row_bind (self->source_row, self->item, "price-source");
  cost_field_row_bind (self->as_of_row, self->item, "price-as-of");
  cost_field_row_bind (self->notes_row, self->item, "notes");

  g_object_bind_property_full (project, "currency", self->currency_label, "label",
                               G_BINDING_SYNC_CREATE, currency_to_symbol, NULL, NULL, NULL);

  g_object_bind_property (self->values, "period", self->period_row, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->values, "notify::period", G_CALLBACK (on_period_notify_cb), self, 0);
  g_object_bind_property (self->values, "amortize-months", self->amortize_spin, "value",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property_full (self->item, "price-as-of", self->stale_icon, "visible",
                               G_BINDING_SYNC_CREATE, date_to_stale, NULL, NULL, NULL);

  sync_months (self);
  g_signal_connect_object (self->values, "notify::start-month", G_CALLBACK (on_months_notify_cb),
                           self, 0);
  g_signal_connect_object (self->values, "notify::end-month", G_CALLBACK (on_months_notify_cb),
                           self, 0);
  g_signal_connect_object (project, "notify::horizon", G_CALLBACK (on_months_notify_cb),
                           self, 0);

  if (scenario == NULL)
    return;

  FORM_OBJECT (included_row);
  FORM_OBJECT (included_switch);
#undef FORM_OBJECT

  /* The scenario leaves a baseline item out rather than delete it: the
   * switch on top of the form does that. */
  gtk_widget_set_visible (self->delete_button, FALSE);
  g_object_bind_property_full (self->values, "excluded", self->included_switch, "active",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               invert_boolean, invert_boolean, NULL, NULL);
  add_mark (self, GTK_WIDGET (self->quantity_row), COST_OVERRIDE_QUANTITY);
  add_mark (self, GTK_WIDGET (self->price_row), COST_OVERRIDE_UNIT_PRICE);
  add_mark (self, GTK_WIDGET (self->period_row), COST_OVERRIDE_PERIOD);
  add_mark (self, GTK_WIDGET (gtk_builder_get_object (builder, "start_row")), COST_OVERRIDE_ACTIVE_MONTHS);
  add_mark (self, GTK_WIDGET (self->growth_row), COST_OVERRIDE_GROWTH);
  add_mark (self, GTK_WIDGET (self->amortize_row), COST_OVERRIDE_AMORTIZE);
  update_marks (self);
  g_signal_connect_object (self->values, "notify::overridden", G_CALLBACK (on_overridden_notify_cb),
                           self, 0);
  g_signal_connect_object (self->item, "notify", G_CALLBACK (on_overridden_notify_cb), self, 0);
}

static void
on_expanded_cb (CostItemRow *self,
                GParamSpec  *pspec,
                gpointer     data)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    ensure_form (self);
}

static void
cost_item_row_constructed (GObject *object)
{
  CostItemRow *self = (CostItemRow *) object;
  CostProject *project = cost_document_get_project (self->document);
  CostScenario *scenario = cost_document_get_scenario (self->document);
  gboolean added = FALSE;
  GtkExpression *params[6];
  GtkExpression *expression;

  G_OBJECT_CLASS (cost_item_row_parent_class)->constructed (object);

  /* An item the scenario added is the scenario's own: it is edited as is. */
  for (guint i = 0; scenario != NULL && i < cost_scenario_get_n_added_items (scenario); i++)
    added = added || cost_scenario_get_added_item (scenario, i, NULL) == self->item;
  self->values = cost_scenario_item_new (self->item, added ? NULL : scenario);

  g_object_bind_property_full (self->item, "name", self, "title", G_BINDING_SYNC_CREATE,
                               name_to_title, NULL, NULL, NULL);

  params[0] = gtk_property_expression_new (COST_TYPE_SCENARIO_ITEM, NULL, "quantity");
  params[1] = gtk_property_expression_new (COST_TYPE_ITEM,
                                           gtk_object_expression_new (G_OBJECT (self->item)),
                                           "unit");
  params[2] = gtk_property_expression_new (COST_TYPE_SCENARIO_ITEM, NULL, "unit-price");
  params[3] = gtk_property_expression_new (COST_TYPE_SCENARIO_ITEM, NULL, "period");
  params[4] = gtk_property_expression_new (COST_TYPE_SCENARIO_ITEM, NULL, "amortize-months");
  params[5] = gtk_property_expression_new (COST_TYPE_PROJECT,
                                           gtk_object_expression_new (G_OBJECT (project)),
                                           "currency");
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, G_N_ELEMENTS (params), params,
                                            G_CALLBACK (describe_cb), NULL, NULL);
  gtk_expression_bind (expression, self, "subtitle", self->values);

  /* A quantity sized from the traffic says so, and how. */
  {
    GtkWidget *badge = cost_driven_badge_new (self->item, project);

    cost_driven_badge_set_undo_stack (COST_DRIVEN_BADGE (badge),
                                      cost_document_get_undo_stack (self->document));
    gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
    gtk_box_prepend (self->suffix_box, badge);
  }

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);
  g_signal_connect (self->document, "notify::result", G_CALLBACK (on_result_notify_cb), self);
  update_figures (self);
}

static void
cost_item_row_dispose (GObject *object)
{
  CostItemRow *self = (CostItemRow *) object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->values);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cost_item_row_parent_class)->dispose (object);
}

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cost_item_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CostItemRow *self = COST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_item_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CostItemRow *self = COST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_item_row_class_init (CostItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cost_item_row_constructed;
  object_class->dispose = cost_item_row_dispose;
  object_class->get_property = cost_item_row_get_property;
  object_class->set_property = cost_item_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, COST_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, duplicate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_cb, NULL);
}

static void
cost_item_row_init (CostItemRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (COST_TYPE_ITEM, GDK_ACTION_MOVE);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *box;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->amount_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->amount_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "heading");

  self->share_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->share_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->share_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->share_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->share_label), "caption");

  self->tag_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->tag_label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->tag_label), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->amount_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->share_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tag_label));
  self->suffix_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_append (self->suffix_box, box);
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->suffix_box));
#else
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->suffix_box));
#endif

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to Move"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), handle);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * cost_item_row_new:
 *
 * Returns: (transfer floating): a row showing and editing @item
 */
GtkWidget *
cost_item_row_new (CostDocument *document,
                   CostItem     *item)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (COST_IS_ITEM (item), NULL);

  return g_object_new (COST_TYPE_ITEM_ROW, "document", document, "item", item, NULL);
}

CostItem *
cost_item_row_get_item (CostItemRow *self)
{
  g_return_val_if_fail (COST_IS_ITEM_ROW (self), NULL);

  return self->item;
}

/**
 * cost_item_row_get_amount:
 *
 * Returns: the monthly amount the row shows
 */
const char *
cost_item_row_get_amount (CostItemRow *self)
{
  g_return_val_if_fail (COST_IS_ITEM_ROW (self), NULL);

  return gtk_label_get_label (self->amount_label);
}

/**
 * cost_item_row_get_field:
 * @property: an item property: "name", "quantity", "unit-price", "period",
 *   ...; "included", the row that keeps the item in the scenario shown;
 *   "open-end", the switch row of an item that runs to the end of the plan
 *
 * Returns: (transfer none) (nullable): the row editing @property
 */
GtkWidget *
cost_item_row_get_field (CostItemRow *self,
                         const char  *property)
{
  const struct {
    const char    *property;
    CostFieldRow **row;
  } fields[] = {
    { "name", &self->name_row },
    { "quantity", &self->quantity_row },
    { "unit", &self->unit_row },
    { "unit-price", &self->price_row },
    { "monthly-growth", &self->growth_row },
    { "price-source", &self->source_row },
    { "price-as-of", &self->as_of_row },
    { "notes", &self->notes_row },
  };

  g_return_val_if_fail (COST_IS_ITEM_ROW (self), NULL);

  ensure_form (self);
  if (g_strcmp0 (property, "included") == 0)
    return cost_scenario_item_get_scenario (self->values) ? GTK_WIDGET (self->included_row) : NULL;
  if (g_strcmp0 (property, "period") == 0)
    return GTK_WIDGET (self->period_row);
  if (g_strcmp0 (property, "amortize-months") == 0)
    return GTK_WIDGET (self->amortize_row);
  if (g_strcmp0 (property, "open-end") == 0)
    return self->open_end_row;
  if (g_strcmp0 (property, "end-month") == 0)
    return GTK_WIDGET (self->end_row);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].property, property) == 0)
        return GTK_WIDGET (*fields[i].row);
    }

  return NULL;
}

/**
 * cost_item_row_focus_field:
 *
 * Expands the row and puts the keyboard focus in the field of @property.
 */
void
cost_item_row_focus_field (CostItemRow *self,
                           const char  *property)
{
  GtkWidget *field;

  g_return_if_fail (COST_IS_ITEM_ROW (self));

  field = cost_item_row_get_field (self, property);
  g_return_if_fail (field != NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (field);
}
