/* cost-exchange-rate-dialog.c
 *
 * Asks for an exchange rate of the project, with the date it is from: to
 * add or edit one, and when a catalogue price in another currency needs it.
 * The Save button is enabled only while every field holds a valid value;
 * a field that does not shows the error style and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-exchange-rate-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-exchange-rate-dialog.h"
#include "cost-format.h"

struct _CostExchangeRateDialog
{
  AdwMessageDialog  parent_instance;

  CostProject      *project;
  GtkWidget        *currency_row;
  GtkWidget        *rate_row;
  GtkWidget        *as_of_row;
};

G_DEFINE_FINAL_TYPE (CostExchangeRateDialog, cost_exchange_rate_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
set_row_error (GtkWidget    *row,
               const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static char *
dup_currency (CostExchangeRateDialog *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)));

  return g_ascii_strup (g_strstrip (text), -1);
}

/* Reads the fields; marks those that are not valid. */
static gboolean
read_fields (CostExchangeRateDialog  *self,
             char                   **currency,
             double                  *rate,
             char                   **as_of)
{
  g_autoptr(GError) currency_error = NULL;
  g_autoptr(GError) rate_error = NULL;
  g_autoptr(GError) as_of_error = NULL;
  g_autofree char *code = dup_currency (self);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->as_of_row))));
  const char *project_currency = cost_project_get_currency (self->project);
  double value = 0;

  if (cost_check_currency (code, &currency_error) && g_str_equal (code, project_currency))
    g_set_error (&currency_error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                 _("The project’s own currency needs no exchange rate"));

  if (cost_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)), &value, &rate_error) &&
      value <= 0)
    g_set_error_literal (&rate_error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                         _("The exchange rate must be a positive number"));

  if (date[0] == '\0')
    g_set_error_literal (&as_of_error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                         _("Say when the rate is from, as YYYY-MM-DD"));
  else
    cost_check_date (date, &as_of_error);

  /* An empty field is not marked before it is typed in. */
  set_row_error (self->currency_row, code[0] != '\0' ? currency_error : NULL);
  set_row_error (self->rate_row,
                 gtk_editable_get_text (GTK_EDITABLE (self->rate_row))[0] != '\0' ? rate_error : NULL);
  set_row_error (self->as_of_row, date[0] != '\0' ? as_of_error : NULL);

  if (currency != NULL)
    *currency = g_steal_pointer (&code);
  if (rate != NULL)
    *rate = value;
  if (as_of != NULL)
    *as_of = g_steal_pointer (&date);

  return currency_error == NULL && rate_error == NULL && as_of_error == NULL;
}

static void
validate (CostExchangeRateDialog *self)
{
  g_autofree char *code = dup_currency (self);
  g_autofree char *title = NULL;
  gboolean valid = read_fields (self, NULL, NULL, NULL);

  /* Translators: the exchange rate field: "CNY per USD" */
  title = g_strdup_printf (_("%s per %s"), cost_project_get_currency (self->project),
                           code[0] != '\0' ? code : _("unit"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), title);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

static void
on_changed_cb (GtkEditable            *editable,
               CostExchangeRateDialog *self)
{
  validate (self);
}

/**
 * cost_exchange_rate_dialog_apply:
 *
 * Sets the rate the fields hold on the project.
 *
 * Returns: %FALSE if a field is not valid; nothing changed then
 */
gboolean
cost_exchange_rate_dialog_apply (CostExchangeRateDialog *self)
{
  g_autofree char *currency = NULL;
  g_autofree char *as_of = NULL;
  double rate;

  g_return_val_if_fail (COST_IS_EXCHANGE_RATE_DIALOG (self), FALSE);

  if (!read_fields (self, &currency, &rate, &as_of))
    return FALSE;

  return cost_project_set_exchange_rate (self->project, currency, rate, as_of, NULL);
}

static void
on_response_cb (AdwMessageDialog       *dialog,
                const char             *response,
                CostExchangeRateDialog *self)
{
  if (g_strcmp0 (response, "save") == 0)
    cost_exchange_rate_dialog_apply (self);
}

/**
 * cost_exchange_rate_dialog_set_values:
 * @currency: (nullable): %NULL keeps the currency shown
 *
 * Fills the fields as a user would type them.
 *
 * Returns: whether they hold a valid rate
 */
gboolean
cost_exchange_rate_dialog_set_values (CostExchangeRateDialog *self,
                                      const char             *currency,
                                      const char             *rate,
                                      const char             *as_of)
{
  g_return_val_if_fail (COST_IS_EXCHANGE_RATE_DIALOG (self), FALSE);

  if (currency != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate ? rate : "");
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of ? as_of : "");

  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "save");
}

static void
cost_exchange_rate_dialog_dispose (GObject *object)
{
  CostExchangeRateDialog *self = (CostExchangeRateDialog *) object;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (cost_exchange_rate_dialog_parent_class)->dispose (object);
}

static void
cost_exchange_rate_dialog_class_init (CostExchangeRateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cost_exchange_rate_dialog_dispose;
}

static void
cost_exchange_rate_dialog_init (CostExchangeRateDialog *self)
{
  GtkWidget *list = gtk_list_box_new ();

  self->currency_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row), _("Currency"));
  self->rate_row = adw_entry_row_new ();
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rate_row), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (self->rate_row, "numeric");
  self->as_of_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->as_of_row), _("As Of (YYYY-MM-DD)"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), self->currency_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->rate_row);
  gtk_list_box_append (GTK_LIST_BOX (list), self->as_of_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), list);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Exchange Rate"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), self);
}

/**
 * cost_exchange_rate_dialog_new:
 * @parent: (nullable):
 * @currency: (nullable): the currency of the rate, %NULL to let the user say
 *
 * Returns: (transfer none): a dialog that sets the rate on @project when
 *   the user saves it. Its "response" is "save" or "cancel".
 */
GtkWidget *
cost_exchange_rate_dialog_new (GtkWindow   *parent,
                               CostProject *project,
                               const char  *currency)
{
  CostExchangeRateDialog *self;
  const char *project_currency;
  const char *as_of = NULL;
  double rate;
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self = g_object_new (COST_TYPE_EXCHANGE_RATE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  project_currency = cost_project_get_currency (project);

  if (currency != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
      gtk_editable_set_editable (GTK_EDITABLE (self->currency_row), FALSE);
      /* Translators: %s are currency codes: "How many CNY one USD buys, and the date of the rate." */
      body = g_strdup_printf (_("How many %s one %s buys, and the date of the rate. "
                                "Prices in %s are converted at this rate."),
                              project_currency, currency, currency);
    }
  else
    {
      body = g_strdup_printf (_("How many %s one unit of another currency buys, and the date of the rate."),
                              project_currency);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  if (currency != NULL && cost_project_get_exchange_rate (project, currency, &rate, &as_of))
    {
      g_autofree char *text = cost_format_number (rate, 6);

      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), text);
      gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), today);
    }

  g_signal_connect (self->currency_row, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect (self->rate_row, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect (self->as_of_row, "changed", G_CALLBACK (on_changed_cb), self);
  validate (self);

  return GTK_WIDGET (self);
}
