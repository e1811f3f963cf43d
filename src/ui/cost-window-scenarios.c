/* cost-window-scenarios.c
 *
 * The window's scenario menu: which scenario every page shows and every
 * edit of a value goes to, and creating scenarios (empty, from a preset or
 * as a copy), renaming, describing and deleting them, each an undoable
 * step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-format.h"
#include "cost-names.h"
#include "cost-presets.h"
#include "cost-scenario-text.h"
#include "cost-window-private.h"

static CostProject *
project_of (CostWindow *self)
{
  return cost_document_get_project (self->document);
}

static void
update_scenario_button (CostWindow *self)
{
  CostScenario *scenario = cost_document_get_scenario (self->document);

  if (scenario != NULL)
    {
      const char *name = cost_names_translate (cost_scenario_get_name (scenario));

      gtk_label_set_label (self->scenario_label, name[0] != '\0' ? name : _("Unnamed Scenario"));
      gtk_widget_add_css_class (GTK_WIDGET (self->scenario_label), "accent");
    }
  else
    {
      gtk_label_set_label (self->scenario_label, _("Baseline"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->scenario_label), "accent");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-scenario", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-scenario", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario", scenario != NULL);
}

/* The menu lists the baseline and every scenario; rebuilt only when they
 * or their names change. */
static void
update_scenario_menu (CostWindow *self)
{
  CostProject *project = project_of (self);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = cost_project_get_n_scenarios (project);

  for (guint i = 0; i < n; i++)
    {
      CostScenario *scenario = cost_project_get_scenario (project, i);

      g_string_append_printf (list, "%s\x1f%s\x1e", cost_scenario_get_id (scenario),
                              cost_scenario_get_name (scenario));
    }
  if (g_strcmp0 (list->str, self->scenario_list) == 0)
    return;

  g_free (self->scenario_list);
  self->scenario_list = g_strdup (list->str);

  g_menu_remove_all (self->scenario_section);
  g_menu_append (self->scenario_section, _("Baseline"), "win.scenario::");
  for (guint i = 0; i < n; i++)
    {
      CostScenario *scenario = cost_project_get_scenario (project, i);
      const char *name = cost_names_translate (cost_scenario_get_name (scenario));
      g_autoptr(GMenuItem) item = g_menu_item_new (name[0] != '\0' ? name : _("Unnamed Scenario"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.scenario",
                                               g_variant_new_string (cost_scenario_get_id (scenario)));
      g_menu_append_item (self->scenario_section, item);
    }
}

/**
 * cost_window_update_scenarios:
 *
 * Follows the document's scenarios and the one it shows.
 */
void
cost_window_update_scenarios (CostWindow *self)
{
  update_scenario_menu (self);
  update_scenario_button (self);
}

/**
 * cost_window_get_scenario_id:
 *
 * Returns: the id of the scenario shown, "" for the baseline
 */
const char *
cost_window_get_scenario_id (CostWindow *self)
{
  CostScenario *scenario;

  g_return_val_if_fail (COST_IS_WINDOW (self), "");

  scenario = self->document ? cost_document_get_scenario (self->document) : NULL;

  return scenario ? cost_scenario_get_id (scenario) : "";
}

/**
 * cost_window_set_scenario_id:
 * @id: a scenario's id, "" for the baseline
 *
 * Shows the scenario @id on every page; edits of values go to it.
 */
void
cost_window_set_scenario_id (CostWindow *self,
                             const char *id)
{
  CostScenario *scenario = NULL;

  g_return_if_fail (COST_IS_WINDOW (self));

  if (id != NULL && id[0] != '\0')
    scenario = cost_project_find_scenario (project_of (self), id, NULL);

  cost_window_commit_edits (self);
  cost_document_set_scenario (self->document, scenario);
}

/* Adds @scenario after @position (at the end for G_MAXUINT), as one
 * undoable step, and shows it. */
static void
add_scenario (CostWindow   *self,
              CostScenario *scenario,
              guint         position)
{
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);
  /* Translators: a toast after creating a scenario, with an Undo button */
  g_autofree char *title = g_strdup_printf (_("“%s” created"),
                                            cost_names_translate (cost_scenario_get_name (scenario)));

  cost_window_commit_edits (self);
  cost_undo_stack_begin (stack);
  cost_project_insert_scenario (project_of (self), position, scenario);
  cost_undo_stack_end (stack);
  cost_document_set_scenario (self->document, scenario);
  cost_window_show_undo_toast (self, title);
}

static void
on_name_changed_cb (GtkEditable      *name,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static void
on_edit_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CostWindow       *self)
{
  CostScenario *scenario = g_object_get_data (G_OBJECT (dialog), "scenario");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *description = g_object_get_data (G_OBJECT (dialog), "description");
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);
  g_autofree char *new_name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  new_name = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  cost_undo_stack_begin (stack);
  if (cost_scenario_set_name (scenario, new_name, &error))
    cost_scenario_set_description (scenario, gtk_editable_get_text (description), &error);
  cost_undo_stack_end (stack);

  if (error != NULL)
    cost_window_show_error (self, _("Could Not Rename the Scenario"), error->message);
}

static GtkWidget *
add_entry_row (GtkWidget  *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

/* Asks for the name and description of @scenario, and applies them as one step. */
static void
edit_scenario (CostWindow   *self,
               CostScenario *scenario)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name, *description;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename and Describe the Scenario"),
                                                       _("The name shows in the scenario menu, the comparison and "
                                                         "the report; the description says what the scenario assumes.")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = add_entry_row (list, _("Name"), cost_names_translate (cost_scenario_get_name (scenario)));
  description = add_entry_row (list, _("Description"), cost_names_translate (cost_scenario_get_description (scenario)));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (description), TRUE);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "scenario", g_object_ref (scenario), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "description", description);
  g_signal_connect (name, "changed", G_CALLBACK (on_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  g_autofree char *name = cost_scenario_text_unique (project_of (self), _("New Scenario"));
  g_autoptr(CostScenario) scenario = cost_scenario_new (NULL, name);

  add_scenario (self, scenario, G_MAXUINT);
  edit_scenario (self, scenario);
}

static void
create_from_preset (CostWindow *self,
                    CostPreset  preset,
                    double      purchase_price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CostScenario) scenario = cost_preset_create (preset, project_of (self), purchase_price, &error);
  g_autofree char *name = NULL;

  if (scenario == NULL)
    {
      cost_window_show_error (self, _("Could Not Create the Scenario"), error->message);
      return;
    }

  name = cost_scenario_text_unique (project_of (self), cost_scenario_get_name (scenario));
  cost_scenario_set_name (scenario, name, NULL);
  add_scenario (self, scenario, G_MAXUINT);
}

static gboolean
read_price (GtkEditable *entry,
            double      *price)
{
  g_autoptr(GError) error = NULL;

  return cost_parse_number (gtk_editable_get_text (entry), price, &error) && *price > 0 &&
         cost_check_amount (*price, _("The purchase price"), &error);
}

static void
on_price_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  double price;
  gboolean valid = read_price (entry, &price);

  adw_message_dialog_set_response_enabled (dialog, "create", valid);
  if (valid || gtk_editable_get_text (entry)[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_price_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CostWindow       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "price");
  double price;

  if (g_strcmp0 (response, "create") == 0 && read_price (entry, &price))
    create_from_preset (self, COST_PRESET_BUY, price);
}

/* Buying needs the price of one GPU, which only the user knows. */
static void
ask_purchase_price (CostWindow *self)
{
  const char *currency = cost_project_get_currency (project_of (self));
  const char *symbol = cost_currency_get_symbol (currency);
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *unit = gtk_label_new (symbol ? symbol : currency);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Buy the GPUs"),
                                                       _("What does one GPU cost to buy? The scenario replaces the "
                                                         "rent of every GPU item with that purchase, depreciated over "
                                                         "36 months.")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Purchase Price per GPU"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), unit);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate Scenario"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data (G_OBJECT (dialog), "price", row);
  g_signal_connect (row, "changed", G_CALLBACK (on_price_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_price_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

static void
new_scenario_preset_action (GtkWidget  *widget,
                            const char *action,
                            GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  guint preset = g_variant_get_uint32 (param);

  g_return_if_fail (preset < COST_N_PRESETS);

  if (preset == COST_PRESET_BUY)
    ask_purchase_price (self);
  else
    create_from_preset (self, preset, 0);
}

static void
duplicate_scenario_action (GtkWidget  *widget,
                           const char *action,
                           GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostScenario *scenario = cost_document_get_scenario (self->document);
  g_autoptr(CostScenario) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  guint position;

  if (scenario == NULL ||
      cost_project_find_scenario (project_of (self), cost_scenario_get_id (scenario), &position) == NULL)
    return;

  /* Translators: the name of a copy of a scenario: "Reserved GPUs (copy)" */
  base = g_strdup_printf (_("%s (copy)"), cost_names_translate (cost_scenario_get_name (scenario)));
  name = cost_scenario_text_unique (project_of (self), base);
  copy = cost_scenario_copy (scenario, NULL, name);
  add_scenario (self, copy, position + 1);
}

static void
edit_scenario_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostScenario *scenario = cost_document_get_scenario (self->document);

  if (scenario != NULL)
    edit_scenario (self, scenario);
}

static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action,
                        GVariant   *param)
{
  CostWindow *self = COST_WINDOW (widget);
  CostScenario *scenario = cost_document_get_scenario (self->document);
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);
  g_autofree char *title = NULL;
  guint position;

  if (scenario == NULL ||
      cost_project_find_scenario (project_of (self), cost_scenario_get_id (scenario), &position) == NULL)
    return;

  /* Translators: a toast after deleting a scenario, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), cost_names_translate (cost_scenario_get_name (scenario)));
  cost_window_commit_edits (self);
  cost_undo_stack_begin (stack);
  cost_project_remove_scenario (project_of (self), position);
  cost_undo_stack_end (stack);
  cost_window_show_undo_toast (self, title);
}

void
cost_window_init_scenario_actions (CostWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.scenario", "scenario-id");
  gtk_widget_class_install_action (widget_class, "win.new-scenario", NULL, new_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.new-scenario-preset", "u", new_scenario_preset_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-scenario", NULL, duplicate_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.edit-scenario", NULL, edit_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL, delete_scenario_action);
}

/**
 * cost_window_init_scenarios:
 *
 * Lists the presets in the New Scenario menu.
 */
void
cost_window_init_scenarios (CostWindow *self)
{
  for (CostPreset preset = 0; preset < COST_N_PRESETS; preset++)
    {
      /* Buying asks for the purchase price first. */
      g_autofree char *label = preset == COST_PRESET_BUY ? g_strdup_printf (_("%s…"), cost_preset_get_name (preset))
                                                         : g_strdup (cost_preset_get_name (preset));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.new-scenario-preset", g_variant_new_uint32 (preset));
      g_menu_append_item (self->preset_section, item);
    }
}
