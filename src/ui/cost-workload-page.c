/* cost-workload-page.c
 *
 * The serving workload of a project: the traffic, with the average and peak
 * requests a second and the requests a month it gives (and how); the served
 * models, each with the accelerators it needs; the power those draw; and the
 * exchange rates that convert catalogue prices. From here the user adds GPU
 * items whose count follows a model, and a power line whose energy follows
 * the accelerators.
 *
 * Every edit is a command of the document, one undoable step; the page only
 * shows what the project holds, and follows its changes (undo included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-workload-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-catalogue-dialog.h"
#include "cost-catalogue.h"
#include "cost-exchange-rate-dialog.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"
#include "cost-workload-page.h"

struct _CostWorkloadPage
{
  AdwBin               parent_instance;

  CostDocument        *document;
  CostServedModel     *pending_model;   /* waits for an exchange rate */
  char                *rates_shown;     /* the rates the rows show, to rebuild them on change */
  GPtrArray           *rate_rows;

  GtkSwitch           *workload_switch;
  CostFieldRow        *users_row;
  CostFieldRow        *requests_row;
  CostFieldRow        *ratio_row;
  CostFieldRow        *hours_row;
  CostFieldRow        *orders_row;
  CostFieldRow        *gmv_row;
  GtkWidget           *derived_group;
  GtkLabel            *average_label;
  GtkLabel            *peak_label;
  GtkLabel            *monthly_label;
  GtkLabel            *explanation_label;
  GtkLabel            *peak_gpus_label;
  GtkWidget           *models_group;
  GtkWidget           *no_models_row;    /* in the models group while there are none */
  GtkBox              *models_box;
  CostFieldRow        *pue_row;
  AdwActionRow        *energy_row;
  GtkLabel            *energy_label;
  AdwEntryRow         *electricity_row;
  GtkLabel            *currency_label;
  AdwActionRow        *power_line_row;
  AdwPreferencesGroup *rates_group;
  GtkWidget           *no_rates_row;

  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (CostWorkloadPage, cost_workload_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  ITEM_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CostProject *
project_of (CostWorkloadPage *self)
{
  return cost_document_get_project (self->document);
}

static CostUndoStack *
undo_stack_of (CostWorkloadPage *self)
{
  return cost_document_get_undo_stack (self->document);
}

/* In the window, a toast whose button undoes the step just done. */
static void
show_undo_toast (CostWorkloadPage *self,
                 const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  guint64 step = cost_undo_stack_get_undo_id (undo_stack_of (self));
  AdwToast *toast;

  if (overlay == NULL || step == 0)
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (step));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static GtkWindow *
parent_window (CostWorkloadPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Traffic ----------------------------------------------------------------- */

static void
update_traffic (CostWorkloadPage *self)
{
  CostWorkload *workload = cost_project_get_workload (project_of (self));
  CostWorkloadValues values;
  g_autofree char *average = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *monthly = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *peak_text = NULL;
  g_autofree char *monthly_text = NULL;
  g_autofree char *explanation = NULL;

  gtk_widget_set_visible (self->derived_group, workload != NULL);
  if (workload == NULL)
    return;

  cost_workload_get_values (workload, &values);
  average = cost_format_number (cost_workload_values_average_qps (&values), 1);
  peak = cost_format_number (cost_workload_values_peak_qps (&values), 1);
  monthly = cost_format_number (cost_workload_values_monthly_requests (&values), 0);
  /* Translators: traffic: "1,851.9 requests/s" */
  average_text = g_strdup_printf (_("%s requests/s"), average);
  peak_text = g_strdup_printf (_("%s requests/s"), peak);
  /* Translators: "4,866,666,667 requests" */
  monthly_text = g_strdup_printf (_("%s requests"), monthly);
  explanation = cost_workload_explain (&values);

  gtk_label_set_label (self->average_label, average_text);
  gtk_label_set_label (self->peak_label, peak_text);
  gtk_label_set_label (self->monthly_label, monthly_text);
  gtk_label_set_label (self->explanation_label, explanation);
}

/* The accelerators of every model summed by type, as the sizing counts them. */
static void
update_peak_gpus (CostWorkloadPage *self)
{
  const CostResult *result = cost_document_get_baseline_result (self->document);
  g_autofree char *text = NULL;

  if (result != NULL)
    text = cost_peak_accelerators_explain (project_of (self), result);
  gtk_label_set_label (self->peak_gpus_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->peak_gpus_label), text != NULL);
}

/* Shows the workload's fields, bound to it, or only the switch without one. */
static void
bind_workload (CostWorkloadPage *self)
{
  CostWorkload *workload = self->document ? cost_project_get_workload (project_of (self)) : NULL;
  struct {
    CostFieldRow *row;
    const char   *property;
  } fields[] = {
    { self->users_row, "daily-active-users" },
    { self->requests_row, "requests-per-user" },
    { self->ratio_row, "peak-to-average" },
    { self->hours_row, "peak-hours" },
    { self->orders_row, "orders-per-month" },
    { self->gmv_row, "gmv-per-month" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cost_field_row_bind (fields[i].row, workload, fields[i].property);
      gtk_widget_set_visible (GTK_WIDGET (fields[i].row), workload != NULL);
    }

  self->syncing = TRUE;
  gtk_switch_set_active (self->workload_switch, workload != NULL);
  self->syncing = FALSE;
}

static void
on_workload_notify_cb (CostProject      *project,
                       GParamSpec       *pspec,
                       CostWorkloadPage *self)
{
  bind_workload (self);
}

static void
remove_workload (CostWorkloadPage *self)
{
  cost_document_remove_workload (self->document);
  show_undo_toast (self, _("Traffic description removed"));
}

static void
on_remove_workload_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                CostWorkloadPage *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_workload (self);
  else
    bind_workload (self);
}

static void
on_workload_switch_cb (CostWorkloadPage *self)
{
  CostProject *project;
  GtkWidget *dialog;

  if (self->syncing || self->document == NULL)
    return;

  project = project_of (self);
  if (gtk_switch_get_active (self->workload_switch))
    {
      if (cost_project_get_workload (project) != NULL)
        return;

      cost_document_describe_traffic (self->document);
      gtk_widget_grab_focus (GTK_WIDGET (self->users_row));
      return;
    }

  if (cost_project_get_workload (project) == NULL)
    return;

  dialog = adw_message_dialog_new (parent_window (self), _("Stop Describing the Traffic?"),
                                   _("The items sized from it keep their current quantities and "
                                     "are then edited by hand. The served models stay."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_workload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Served models ----------------------------------------------------------- */

/* A compute item whose GPU count follows @model, priced from the catalogue. */
static void
add_gpu_item_now (CostWorkloadPage *self,
                  CostServedModel  *model)
{
  CostItem *item = cost_document_add_driven_gpu_item (self->document, model);

  show_undo_toast (self, _("GPU item added to Compute"));
  g_signal_emit (self, signals[ITEM_ADDED], 0, item);
}

static void
on_rate_for_item_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CostWorkloadPage *self)
{
  g_autoptr(CostServedModel) model = g_steal_pointer (&self->pending_model);

  if (g_strcmp0 (response, "save") == 0 && model != NULL &&
      cost_project_find_model (project_of (self), cost_served_model_get_id (model), NULL) != NULL)
    add_gpu_item_now (self, model);
}

/* Adds the item at once, or first asks for the rate its catalogue price needs. */
static void
on_add_item_cb (CostModelGroup   *group,
                CostWorkloadPage *self)
{
  CostServedModel *model = cost_model_group_get_model (group);
  const CostPrice *price = cost_document_get_catalogue_price (self->document, model);
  GtkWidget *dialog;

  if (price == NULL || cost_project_get_exchange_rate (project_of (self), price->currency, NULL, NULL))
    {
      add_gpu_item_now (self, model);
      return;
    }

  g_set_object (&self->pending_model, model);
  dialog = cost_exchange_rate_dialog_new (parent_window (self), project_of (self), price->currency);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rate_for_item_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_model_cb (CostModelGroup   *group,
                    CostWorkloadPage *self)
{
  if (!cost_document_remove_model (self->document, cost_model_group_get_model (group)))
    return;

  show_undo_toast (self, _("Model removed"));
}

static GtkWidget *
nth_group (CostWorkloadPage *self,
           guint             position)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->models_box));

  for (guint i = 0; child != NULL && i < position; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

/* The row saying there are no models, which leaves the group when there are:
 * a hidden row would still show as an empty list. */
static void
show_no_models (CostWorkloadPage *self,
                gboolean          show)
{
  gboolean shown = gtk_widget_get_ancestor (self->no_models_row, ADW_TYPE_PREFERENCES_GROUP) != NULL;

  if (show && !shown)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->models_group), self->no_models_row);
  else if (!show && shown)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->models_group), self->no_models_row);

  gtk_widget_set_visible (GTK_WIDGET (self->models_box), !show);
}

static void
on_models_changed_cb (GListModel       *models,
                      guint             position,
                      guint             removed,
                      guint             added,
                      CostWorkloadPage *self)
{
  GtkWidget *before = position > 0 ? nth_group (self, position - 1) : NULL;

  for (guint i = 0; i < removed; i++)
    gtk_box_remove (self->models_box, nth_group (self, position));

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CostServedModel) model = g_list_model_get_item (models, position + i);
      GtkWidget *group = cost_model_group_new (self->document, model);

      g_signal_connect (group, "add-item", G_CALLBACK (on_add_item_cb), self);
      g_signal_connect (group, "remove", G_CALLBACK (on_remove_model_cb), self);
      gtk_box_insert_child_after (self->models_box, group, before);
      before = group;
    }

  show_no_models (self, g_list_model_get_n_items (models) == 0);
}

static void
add_model_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);
  guint n = cost_project_get_n_models (project_of (self));

  cost_document_add_model (self->document);
  gtk_widget_grab_focus (cost_model_group_get_field (COST_MODEL_GROUP (nth_group (self, n)), "name"));
}

static void
show_catalogue_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);

  gtk_window_present (GTK_WINDOW (cost_catalogue_dialog_new (parent_window (self), NULL)));
}

/* Power ------------------------------------------------------------------- */

static void
update_power (CostWorkloadPage *self)
{
  CostProject *project = project_of (self);
  CostItem *power = cost_document_find_power_line (self->document);
  const char *currency = cost_project_get_currency (project);
  const char *symbol = cost_currency_get_symbol (currency);
  g_autofree char *explanation = cost_sizing_power_explain (project);
  g_autofree char *kwh = NULL;
  g_autofree char *energy = NULL;

  kwh = cost_format_number (cost_sizing_driven_power_kwh (project), 1);
  /* Translators: energy a month: "66,065.4 kWh" */
  energy = g_strdup_printf (_("%s kWh"), kwh);
  gtk_label_set_label (self->energy_label, energy);
  adw_action_row_set_subtitle (self->energy_row, explanation);

  gtk_label_set_label (self->currency_label, symbol ? symbol : currency);
  gtk_widget_set_visible (GTK_WIDGET (self->electricity_row), power == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->power_line_row), power != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workload.add-power-line", power == NULL);

  if (power != NULL)
    {
      g_autofree char *price = cost_format_money_small (cost_item_get_unit_price (power), currency);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      CostCategory *category = cost_item_get_category (power);

      /* Translators: the power line: "Power, in Operations" */
      title = g_strdup_printf (_("%s, in %s"), cost_names_translate (cost_item_get_name (power)),
                               category ? cost_names_translate (cost_category_get_name (category)) : "");
      /* Translators: "66,065.4 kWh a month × ¥0.8 per kWh" */
      subtitle = g_strdup_printf (_("%s kWh a month × %s per kWh"), kwh, price);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->power_line_row), title);
      adw_action_row_set_subtitle (self->power_line_row, subtitle);
    }
}

static void
set_electricity_error (CostWorkloadPage *self,
                       const GError     *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->electricity_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->electricity_row), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->electricity_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->electricity_row), NULL);
    }
}

static void
on_electricity_changed_cb (CostWorkloadPage *self)
{
  set_electricity_error (self, NULL);
}

/* An operations item of the energy of the driven accelerators, at the price typed. */
static void
add_power_line_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  CostItem *item;
  double price;

  if (cost_document_find_power_line (self->document) != NULL)
    return;

  if (!cost_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->electricity_row)), &price, &error) ||
      !cost_check_amount (price, _("The electricity price"), &error))
    {
      set_electricity_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->electricity_row));
      return;
    }

  item = cost_document_add_power_line (self->document, price);

  gtk_editable_set_text (GTK_EDITABLE (self->electricity_row), "");
  show_undo_toast (self, _("Power line added to Operations"));
  g_signal_emit (self, signals[ITEM_ADDED], 0, item);
}

static void
on_electricity_activated_cb (CostWorkloadPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workload.add-power-line", NULL);
}

/* Exchange rates ---------------------------------------------------------- */

static GtkWidget *
rate_row_new (CostProject *project,
              const char  *currency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *value;
  const char *as_of = NULL;
  double rate = 0;
  g_autofree char *rate_text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;

  cost_project_get_exchange_rate (project, currency, &rate, &as_of);
  rate_text = cost_format_number (rate, 6);
  /* Translators: an exchange rate: "1 USD = 7.1 CNY" */
  shown = g_strdup_printf (_("1 %s = %s %s"), currency, rate_text, cost_project_get_currency (project));
  subtitle = as_of != NULL && as_of[0] != '\0' ?
    /* Translators: the date of an exchange rate */
    g_strdup_printf (_("As of %s"), as_of) : g_strdup (_("Date unknown"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), currency);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  value = gtk_label_new (shown);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Exchange Rate"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "workload.edit-rate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", currency);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Exchange Rate"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "workload.remove-rate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", currency);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Rebuilds the rate rows when the rates changed. */
static void
update_rates (CostWorkloadPage *self)
{
  CostProject *project = project_of (self);
  g_auto(GStrv) currencies = cost_project_list_exchange_rates (project);
  g_autoptr(GString) shown = g_string_new (cost_project_get_currency (project));
  g_autofree char *description = NULL;

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      const char *as_of = NULL;
      double rate = 0;

      cost_project_get_exchange_rate (project, currencies[i], &rate, &as_of);
      g_string_append_printf (shown, "|%s %.17g %s", currencies[i], rate, as_of ? as_of : "");
    }

  if (g_strcmp0 (shown->str, self->rates_shown) == 0)
    return;
  g_free (self->rates_shown);
  self->rates_shown = g_strdup (shown->str);

  for (guint i = 0; i < self->rate_rows->len; i++)
    adw_preferences_group_remove (self->rates_group, g_ptr_array_index (self->rate_rows, i));
  g_ptr_array_set_size (self->rate_rows, 0);

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      GtkWidget *row = rate_row_new (project, currencies[i]);

      adw_preferences_group_add (self->rates_group, row);
      g_ptr_array_add (self->rate_rows, row);
    }
  gtk_widget_set_visible (self->no_rates_row, currencies[0] == NULL);

  /* Translators: %s is the project's currency code */
  description = g_strdup_printf (_("How many %s one unit of another currency buys, with the date "
                                   "of the rate. Catalogue prices are converted at these rates."),
                                 cost_project_get_currency (project));
  adw_preferences_group_set_description (self->rates_group, description);
}

static void
add_rate_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);

  gtk_window_present (GTK_WINDOW (cost_exchange_rate_dialog_new (parent_window (self),
                                                                 project_of (self), NULL)));
}

static void
edit_rate_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);

  gtk_window_present (GTK_WINDOW (cost_exchange_rate_dialog_new (parent_window (self),
                                                                 project_of (self),
                                                                 g_variant_get_string (param, NULL))));
}

static void
on_remove_rate_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CostWorkloadPage *self)
{
  const char *currency = g_object_get_data (G_OBJECT (dialog), "currency");

  if (g_strcmp0 (response, "remove") == 0 && self->document != NULL)
    cost_project_set_exchange_rate (project_of (self), currency, 0, NULL, NULL);
}

/* Exchange rates are not part of the undo history: removing one asks first. */
static void
remove_rate_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (widget);
  const char *currency = g_variant_get_string (param, NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a currency code */
  heading = g_strdup_printf (_("Remove the %s Exchange Rate?"), currency);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Prices already converted at it keep their amounts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "currency", g_strdup (currency), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_rate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The page ---------------------------------------------------------------- */

static void
on_project_changed_cb (CostProject      *project,
                       CostWorkloadPage *self)
{
  update_traffic (self);
  update_peak_gpus (self);
  update_power (self);
  update_rates (self);
}

static void
disconnect_document (CostWorkloadPage *self)
{
  CostProject *project;
  GtkWidget *child;

  if (self->document == NULL)
    return;

  project = project_of (self);
  g_signal_handlers_disconnect_by_data (project, self);
  g_signal_handlers_disconnect_by_data (cost_project_get_models (project), self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->models_box))) != NULL)
    gtk_box_remove (self->models_box, child);
  cost_field_row_bind (self->pue_row, NULL, NULL);
  g_clear_object (&self->pending_model);
  g_clear_object (&self->document);
}

static void
cost_workload_page_dispose (GObject *object)
{
  CostWorkloadPage *self = (CostWorkloadPage *) object;

  disconnect_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_WORKLOAD_PAGE);
  g_clear_object (&self->no_models_row);

  G_OBJECT_CLASS (cost_workload_page_parent_class)->dispose (object);
}

static void
cost_workload_page_finalize (GObject *object)
{
  CostWorkloadPage *self = (CostWorkloadPage *) object;

  g_clear_pointer (&self->rates_shown, g_free);
  g_clear_pointer (&self->rate_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cost_workload_page_parent_class)->finalize (object);
}

static void
cost_workload_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (object);

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
cost_workload_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CostWorkloadPage *self = COST_WORKLOAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cost_workload_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_workload_page_class_init (CostWorkloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_workload_page_dispose;
  object_class->finalize = cost_workload_page_finalize;
  object_class->get_property = cost_workload_page_get_property;
  object_class->set_property = cost_workload_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostWorkloadPage::item-added:
   * @item: the GPU item or power line added
   *
   * Emitted after the page added a driven item, so that the window can show it.
   */
  signals[ITEM_ADDED] =
    g_signal_new ("item-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COST_TYPE_ITEM);

  gtk_widget_class_install_action (widget_class, "workload.add-model", NULL, add_model_action);
  gtk_widget_class_install_action (widget_class, "workload.show-catalogue", NULL, show_catalogue_action);
  gtk_widget_class_install_action (widget_class, "workload.add-power-line", NULL, add_power_line_action);
  gtk_widget_class_install_action (widget_class, "workload.add-rate", NULL, add_rate_action);
  gtk_widget_class_install_action (widget_class, "workload.edit-rate", "s", edit_rate_action);
  gtk_widget_class_install_action (widget_class, "workload.remove-rate", "s", remove_rate_action);

  g_type_ensure (COST_TYPE_FIELD_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-workload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, workload_switch);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, users_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, requests_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, ratio_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, hours_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, orders_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, gmv_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, derived_group);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, average_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, peak_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, monthly_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, peak_gpus_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, models_group);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, models_box);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, pue_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, energy_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, energy_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, electricity_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, currency_label);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, power_line_row);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, rates_group);
  gtk_widget_class_bind_template_child (widget_class, CostWorkloadPage, no_rates_row);
  gtk_widget_class_bind_template_callback (widget_class, on_workload_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_electricity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_electricity_activated_cb);
}

static void
cost_workload_page_init (CostWorkloadPage *self)
{
  self->rate_rows = g_ptr_array_new ();

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->no_models_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_models_row), _("No served models yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_models_row),
                               _("Add the models the deployment serves, such as a ranking model and an LLM"));
  show_no_models (self, TRUE);
}

/**
 * cost_workload_page_new:
 * @document: (nullable):
 *
 * Returns: (transfer floating): the workload page of @document
 */
GtkWidget *
cost_workload_page_new (CostDocument *document)
{
  g_return_val_if_fail (!document || COST_IS_DOCUMENT (document), NULL);

  return g_object_new (COST_TYPE_WORKLOAD_PAGE, "document", document, NULL);
}

CostDocument *
cost_workload_page_get_document (CostWorkloadPage *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD_PAGE (self), NULL);

  return self->document;
}

/**
 * cost_workload_page_set_document:
 * @document: (nullable):
 *
 * Shows and edits the workload of @document's project.
 */
void
cost_workload_page_set_document (CostWorkloadPage *self,
                                 CostDocument     *document)
{
  CostProject *project;
  GListModel *models;

  g_return_if_fail (COST_IS_WORKLOAD_PAGE (self));
  g_return_if_fail (!document || COST_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  disconnect_document (self);
  g_clear_pointer (&self->rates_shown, g_free);
  if (document == NULL)
    {
      bind_workload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      return;
    }

  self->document = g_object_ref (document);
  project = project_of (self);
  models = cost_project_get_models (project);

  g_signal_connect (project, "changed", G_CALLBACK (on_project_changed_cb), self);
  g_signal_connect (project, "notify::workload", G_CALLBACK (on_workload_notify_cb), self);
  g_signal_connect (models, "items-changed", G_CALLBACK (on_models_changed_cb), self);

  cost_field_row_bind (self->pue_row, project, "pue");
  bind_workload (self);
  on_models_changed_cb (models, 0, 0, g_list_model_get_n_items (models), self);
  on_project_changed_cb (project, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cost_workload_page_get_field:
 * @name: "daily-active-users", "requests-per-user", "peak-to-average",
 *   "peak-hours", "orders-per-month", "gmv-per-month", "pue" or
 *   "electricity-price"; "describe-traffic" for the
 *   switch that adds and removes the workload
 *
 * Returns: (transfer none) (nullable): the widget editing it
 */
GtkWidget *
cost_workload_page_get_field (CostWorkloadPage *self,
                              const char       *name)
{
  const struct {
    const char *name;
    gpointer    row;
  } fields[] = {
    { "describe-traffic", self->workload_switch },
    { "daily-active-users", self->users_row },
    { "requests-per-user", self->requests_row },
    { "peak-to-average", self->ratio_row },
    { "peak-hours", self->hours_row },
    { "orders-per-month", self->orders_row },
    { "gmv-per-month", self->gmv_row },
    { "pue", self->pue_row },
    { "electricity-price", self->electricity_row },
  };

  g_return_val_if_fail (COST_IS_WORKLOAD_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].name, name) == 0)
        return fields[i].row;
    }

  return NULL;
}

/**
 * cost_workload_page_get_explanation:
 *
 * Returns: how the average and peak traffic and the monthly requests follow
 *   from the workload, as shown
 */
const char *
cost_workload_page_get_explanation (CostWorkloadPage *self)
{
  g_return_val_if_fail (COST_IS_WORKLOAD_PAGE (self), NULL);

  return gtk_label_get_label (self->explanation_label);
}

/**
 * cost_workload_page_get_model_group:
 *
 * Returns: (transfer none) (nullable): the form of @model
 */
CostModelGroup *
cost_workload_page_get_model_group (CostWorkloadPage *self,
                                    CostServedModel  *model)
{
  g_return_val_if_fail (COST_IS_WORKLOAD_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->models_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (cost_model_group_get_model (COST_MODEL_GROUP (child)) == model)
        return COST_MODEL_GROUP (child);
    }

  return NULL;
}
