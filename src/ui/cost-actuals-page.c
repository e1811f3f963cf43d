/* cost-actuals-page.c
 *
 * Is the plan holding? The plan of the scenario shown beside the actual
 * spending of the project: the plan's start month, the key figures to date
 * and at completion, the warnings, a table of plan and actual per month
 * and category, the spending no mapping rule assigned (and a way to assign
 * it), an amount typed in, and the import of a cloud bill, read in a
 * worker with progress and cancel. Every edit is one undoable step of the
 * document (cost-document-actuals.c); the figures are those of
 * cost_plan_actual_compute().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-actuals-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals-charts.h"
#include "cost-actuals-page.h"
#include "cost-bill-mapping-dialog.h"
#include "cost-bill-mappings.h"
#include "cost-chart-view.h"
#include "cost-format.h"
#include "cost-month.h"
#include "cost-names.h"
#include "cost-scenario-text.h"
#include "cost-table.h"

/* Rows of a bill read ahead to tell its format. */
#define PREVIEW_ROWS 20

/* The largest unassigned amounts listed; a bill of thousands of resources
 * would otherwise make a page of thousands of rows. */
#define MAX_UNASSIGNED_ROWS 50

/* A category, or an item of it, that spending can go to. */
typedef struct
{
  char *category;
  char *item;        /* "" for the whole category */
  char *label;
} Target;

/* Unassigned spending that one mapping rule can assign: the records of a
 * service (or service category, or resource) in one currency. */
typedef struct
{
  CostBillMatch  match;
  char          *value;
  char          *currency;
  double         amount;
  char          *label;
} Service;

struct _CostActualsPage
{
  CostPage        parent_instance;

  GtkLabel       *subtitle_label;
  GtkWidget      *import_button;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkWidget      *message_box;
  GtkImage       *message_icon;
  GtkLabel       *message_label;
  GtkLabel       *start_label;
  GtkDropDown    *start_month;
  GtkSpinButton  *start_year;
  GtkButton      *start_button;
  GtkWidget      *empty_label;
  GtkWidget      *figures_box;
  GtkGrid        *figures;
  GtkBox         *warnings_box;
  GtkLabel       *burn_up_title;
  CostChartView  *burn_up_view;
  GtkGrid        *table;
  GtkWidget      *unassigned_box;
  GtkGrid        *unassigned_table;
  GtkWidget      *entry_box;
  GtkDropDown    *entry_month;
  GtkDropDown    *entry_target;
  GtkEntry       *entry_amount;
  GtkEntry       *requests_entry;
  GtkLabel       *entry_error;

  CostPlanActual *pa;
  int             figure_rows[COST_ACTUALS_N_FIGURES];
  int            *rows;          /* [n_reported × (n_categories + 2)] → table row, or -1 */
  GArray         *targets;       /* Target */
  char           *targets_key;   /* the labels of the targets, to keep the selection */
  int             entry_start;   /* the calendar month of the entry's first month */
  int             entry_horizon;
  GArray         *services;      /* Service */
  guint           n_warnings;
  gboolean        filling;       /* the page sets its own widgets */

  GCancellable   *importing;
  GFile          *import_file;   /* the bill last chosen */
  char           *import_name;
  CostBillMapping *mapping;      /* the columns chosen for it, to remember */
  char           *mapping_name;
};

G_DEFINE_FINAL_TYPE (CostActualsPage, cost_actuals_page, COST_TYPE_PAGE)

static void
target_clear (Target *target)
{
  g_free (target->category);
  g_free (target->item);
  g_free (target->label);
}

static void
service_clear (Service *service)
{
  g_free (service->value);
  g_free (service->currency);
  g_free (service->label);
}

static CostProject *
project_of (CostActualsPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));

  return document != NULL ? cost_document_get_project (document) : NULL;
}

static const char *
currency_of (CostActualsPage *self)
{
  return cost_project_get_currency (project_of (self));
}

/* Messages ---------------------------------------------------------------- */

typedef enum
{
  MESSAGE_INFO,
  MESSAGE_WARNING,
  MESSAGE_ERROR,
} MessageKind;

static void
show_message (CostActualsPage *self,
              MessageKind      kind,
              const char      *text)
{
  static const char *icons[] = {
    "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic",
  };

  gtk_image_set_from_icon_name (self->message_icon, icons[kind]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "error");
  if (kind == MESSAGE_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), "warning");
  else if (kind == MESSAGE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), "error");
  gtk_label_set_label (self->message_label, text);
  gtk_widget_set_visible (self->message_box, TRUE);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

static void
hide_message (CostActualsPage *self)
{
  gtk_widget_set_visible (self->message_box, FALSE);
  gtk_label_set_label (self->message_label, "");
}

static void
on_message_close_clicked_cb (GtkButton       *button,
                             CostActualsPage *self)
{
  hide_message (self);
}

/* In the window, a toast whose button undoes the step just done. */
static void
show_undo_toast (CostActualsPage *self,
                 const char      *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  CostUndoStack *stack = cost_document_get_undo_stack (cost_page_get_document (COST_PAGE (self)));
  guint64 step = stack != NULL ? cost_undo_stack_get_undo_id (stack) : 0;
  AdwToast *toast;

  if (overlay == NULL || step == 0)
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (step));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Formatting -------------------------------------------------------------- */

static char *
format_money (CostActualsPage *self,
              double           amount)
{
  if (!isfinite (amount))
    return g_strdup ("—");

  return cost_format_money (amount, currency_of (self), COST_FORMAT_WHOLE);
}

/* A variance, "+" when over plan. */
static char *
format_variance (CostActualsPage *self,
                 double           variance)
{
  g_autofree char *money = format_money (self, variance);

  return isfinite (variance) && variance > 0 ? g_strconcat ("+", money, NULL) : g_steal_pointer (&money);
}

static char *
format_ratio (double ratio)
{
  g_autofree char *percent = NULL;

  if (!isfinite (ratio))
    return g_strdup ("—");

  percent = cost_format_percent (ratio);

  return ratio > 0 ? g_strconcat ("+", percent, NULL) : g_steal_pointer (&percent);
}

static char *
category_name (CostCategory *category)
{
  const char *name = cost_names_translate (cost_category_get_name (category));

  return g_strdup (name[0] != '\0' ? name : _("Unnamed Category"));
}

static char *
item_name (CostItem *item)
{
  const char *name = cost_names_translate (cost_item_get_name (item));

  return g_strdup (name[0] != '\0' ? name : _("Unnamed Item"));
}

/* The start month ---------------------------------------------------------- */

static void
fill_start_months (CostActualsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->start_month, G_LIST_MODEL (names));
}

static int
chosen_start (CostActualsPage *self)
{
  return gtk_spin_button_get_value_as_int (self->start_year) * 12 +
         (int) gtk_drop_down_get_selected (self->start_month);
}

static void
update_start (CostActualsPage *self)
{
  CostProject *project = project_of (self);
  int start;

  self->filling = TRUE;
  if (project != NULL && cost_project_get_start_month (project, &start))
    {
      g_autofree char *label = cost_month_get_label (start);
      g_autofree char *text = NULL;

      /* Translators: "The plan’s first month is Jan 2027." */
      text = g_strdup_printf (_("The plan’s first month is %s."), label);
      gtk_label_set_label (self->start_label, text);
      gtk_button_set_label (self->start_button, _("_Change Start"));
      gtk_drop_down_set_selected (self->start_month, cost_month_get_number (start) - 1);
      gtk_spin_button_set_value (self->start_year, cost_month_get_year (start));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_label_set_label (self->start_label,
                           _("The plan has no start month yet: choose the calendar month of its first "
                             "month to compare it with actual spending."));
      gtk_button_set_label (self->start_button, _("_Set Start Month"));
      gtk_drop_down_set_selected (self->start_month, g_date_time_get_month (now) - 1);
      gtk_spin_button_set_value (self->start_year, g_date_time_get_year (now));
    }
  self->filling = FALSE;
}

static void
on_start_clicked_cb (GtkButton       *button,
                     CostActualsPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return;

  text = cost_month_to_string (chosen_start (self));
  if (g_strcmp0 (text, cost_project_get_start (cost_document_get_project (document))) == 0)
    return;
  if (!cost_document_set_start (document, text, &error))
    show_message (self, MESSAGE_ERROR, error->message);
  else
    show_undo_toast (self, _("Start month set"));
}

/* Where spending can go ---------------------------------------------------- */

static void
add_target (GArray     *targets,
            GString    *key,
            const char *category,
            const char *item,
            char       *label)
{
  Target target = { g_strdup (category), g_strdup (item), label };

  g_array_append_val (targets, target);
  g_string_append (key, label);
  g_string_append_c (key, '\n');
}

/* The categories and their items, for the entry and the unassigned rows;
 * the lists are rebuilt only when they change, so a selection stays. */
static gboolean
update_targets (CostActualsPage *self)
{
  CostProject *project = project_of (self);
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_array_set_clear_func (targets, (GDestroyNotify) target_clear);
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);
      GListModel *items = cost_category_get_items (category);
      g_autofree char *name = category_name (category);

      add_target (targets, key, cost_category_get_id (category), "", g_strdup (name));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CostItem) item = g_list_model_get_item (items, i);
          g_autofree char *item_label = item_name (item);

          /* Translators: an item of a category, "Compute › GPUs" */
          add_target (targets, key, cost_category_get_id (category), cost_item_get_id (item),
                      g_strdup_printf (_("%s › %s"), name, item_label));
        }
    }

  if (self->targets_key != NULL && strcmp (self->targets_key, key->str) == 0)
    return FALSE;

  g_free (self->targets_key);
  self->targets_key = g_strdup (key->str);
  g_clear_pointer (&self->targets, g_array_unref);
  self->targets = g_steal_pointer (&targets);
  for (guint i = 0; i < self->targets->len; i++)
    gtk_string_list_append (labels, g_array_index (self->targets, Target, i).label);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->entry_target, G_LIST_MODEL (labels));
  self->filling = FALSE;

  return TRUE;
}

/* An amount typed in ------------------------------------------------------- */

/* The key of the record the entry edits. */
static gboolean
entry_key (CostActualsPage *self,
           CostActual      *key,
           char             month[COST_MONTH_TEXT_SIZE])
{
  guint selected_month = gtk_drop_down_get_selected (self->entry_month);
  guint selected_target = gtk_drop_down_get_selected (self->entry_target);
  const Target *target;

  if (self->targets == NULL || selected_target >= self->targets->len ||
      selected_month == GTK_INVALID_LIST_POSITION || (int) selected_month >= self->entry_horizon)
    return FALSE;

  target = &g_array_index (self->targets, Target, selected_target);
  cost_month_format (self->entry_start + (int) selected_month, month);
  *key = (CostActual) {
    .month = month,
    .category = target->category,
    .item = target->item,
    .currency = currency_of (self),
    .source = "",
    .note = "",
    .service_category = "",
    .service = "",
    .resource_id = "",
    .extras = "",
  };

  return TRUE;
}

static void
show_entry_error (CostActualsPage *self,
                  const char      *text)
{
  gtk_label_set_label (self->entry_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->entry_error), text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_amount), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_amount), "error");
}

/* The entry shows the amount typed in before for its month and target. */
/* The requests served in the month chosen, as entered. */
static void
update_entry_requests (CostActualsPage *self)
{
  CostProject *project = project_of (self);
  guint selected = gtk_drop_down_get_selected (self->entry_month);
  g_autofree char *text = NULL;
  double requests;

  if (project == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (cost_project_get_actual_requests (project, self->entry_start + (int) selected, &requests))
    text = cost_format_number (requests, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->requests_entry), text != NULL ? text : "");
}

static void
update_entry_amount (CostActualsPage *self)
{
  CostProject *project = project_of (self);
  char month[COST_MONTH_TEXT_SIZE];
  CostActual key;
  GVariant *actuals;
  guint position;
  g_autofree char *text = NULL;

  if (project == NULL || !entry_key (self, &key, month))
    return;

  actuals = cost_project_get_actuals (project);
  if (cost_actuals_find (actuals, &key, &position))
    {
      g_auto(CostActual) found = { 0, };

      cost_actuals_get (actuals, position, &found);
      text = cost_format_number (found.amount, 2);
    }
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry_amount), text != NULL ? text : "");
  self->filling = FALSE;
  show_entry_error (self, NULL);
  update_entry_requests (self);
}

static void
on_entry_key_changed_cb (GtkDropDown     *drop_down,
                         GParamSpec      *pspec,
                         CostActualsPage *self)
{
  if (!self->filling)
    update_entry_amount (self);
}

static void
on_entry_changed_cb (GtkEditable     *editable,
                     CostActualsPage *self)
{
  if (!self->filling)
    show_entry_error (self, NULL);
}

static void
on_entry_set_cb (GtkWidget       *widget,
                 CostActualsPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_amount));
  char month[COST_MONTH_TEXT_SIZE];
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  CostActual actual;
  double amount;

  if (document == NULL || !entry_key (self, &actual, month))
    return;

  if (stripped[0] == '\0')
    {
      GVariant *actuals = cost_project_get_actuals (cost_document_get_project (document));

      if (cost_actuals_find (actuals, &actual, NULL))
        {
          cost_document_remove_actual (document, &actual);
          show_undo_toast (self, _("Typed amount removed"));
        }
      return;
    }

  if (!cost_parse_number (stripped, &amount, &error))
    {
      /* Translators: under the amount typed in: "“12x” is not a number: …" */
      g_autofree char *message = g_strdup_printf (_("“%s” is not an amount: %s"), stripped, error->message);

      show_entry_error (self, message);
      return;
    }

  actual.amount = amount;
  if (!cost_document_set_actual (document, &actual, &error))
    {
      show_entry_error (self, error->message);
      return;
    }
  show_entry_error (self, NULL);
  show_undo_toast (self, _("Actual amount set"));
}

/* The requests actually served in the month chosen: what makes the cost
 * of 1,000 requests from actual spending known. Empty forgets them. */
static void
on_requests_set_cb (GtkWidget       *widget,
                    CostActualsPage *self)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  guint selected = gtk_drop_down_get_selected (self->entry_month);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->requests_entry))));
  char month[COST_MONTH_TEXT_SIZE];
  g_autoptr(GError) error = NULL;
  double requests = NAN;

  if (document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  cost_month_format (self->entry_start + (int) selected, month);
  if (stripped[0] != '\0' && !cost_parse_number (stripped, &requests, &error))
    {
      /* Translators: under the requests typed in: "“1.2x” is not a number: …" */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of requests: %s"), stripped,
                                                  error->message);

      show_entry_error (self, message);
      return;
    }
  if (!cost_document_set_actual_requests (document, month, requests, &error))
    {
      show_entry_error (self, error->message);
      return;
    }
  show_entry_error (self, NULL);
  show_undo_toast (self, isnan (requests) ? _("Requests served removed") : _("Requests served set"));
}

static void
update_entry_months (CostActualsPage *self,
                     int              start,
                     int              horizon)
{
  g_autoptr(GtkStringList) labels = NULL;
  guint selected;

  if (start == self->entry_start && horizon == self->entry_horizon)
    return;

  selected = gtk_drop_down_get_selected (self->entry_month);
  labels = gtk_string_list_new (NULL);
  for (int m = 0; m < horizon; m++)
    {
      g_autofree char *label = cost_month_get_label (start + m);

      gtk_string_list_append (labels, label);
    }
  self->entry_start = start;
  self->entry_horizon = horizon;
  self->filling = TRUE;
  gtk_drop_down_set_model (self->entry_month, G_LIST_MODEL (labels));
  if (selected != GTK_INVALID_LIST_POSITION && (int) selected < horizon)
    gtk_drop_down_set_selected (self->entry_month, selected);
  self->filling = FALSE;
}

/* Unassigned spending ------------------------------------------------------ */

/* The largest amounts first. */
static int
compare_services (gconstpointer a,
                  gconstpointer b)
{
  double x = fabs (((const Service *) a)->amount);
  double y = fabs (((const Service *) b)->amount);

  return (x < y) - (x > y);
}

static void
collect_services (CostActualsPage *self)
{
  CostProject *project = project_of (self);
  GVariant *actuals = cost_project_get_actuals (project);
  guint n = cost_actuals_get_n (actuals);

  g_array_set_size (self->services, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      CostBillMatch match;
      const char *value;
      guint s;

      cost_actuals_get (actuals, i, &actual);
      if (cost_actual_is_assigned (&actual))
        continue;

      if (actual.service[0] != '\0')
        match = COST_BILL_MATCH_SERVICE, value = actual.service;
      else if (actual.service_category[0] != '\0')
        match = COST_BILL_MATCH_SERVICE_CATEGORY, value = actual.service_category;
      else if (actual.resource_id[0] != '\0')
        match = COST_BILL_MATCH_RESOURCE_ID, value = actual.resource_id;
      else
        continue;

      for (s = 0; s < self->services->len; s++)
        {
          Service *service = &g_array_index (self->services, Service, s);

          if (service->match == match && strcmp (service->value, value) == 0 &&
              strcmp (service->currency, actual.currency) == 0)
            {
              service->amount += actual.amount;
              break;
            }
        }
      if (s == self->services->len)
        {
          Service service = { match, g_strdup (value), g_strdup (actual.currency), actual.amount, NULL };

          /* Translators: what unassigned spending is, "Service: Data Transfer" */
          service.label = g_strdup_printf (_("%s: %s"), cost_bill_match_get_label (match), value);
          g_array_append_val (self->services, service);
        }
    }
  g_array_sort (self->services, compare_services);
}

static void
on_assign_clicked_cb (GtkButton       *button,
                      CostActualsPage *self)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (button), "targets");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "service"));
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  const Target *target;

  if (self->targets == NULL || selected >= self->targets->len)
    return;

  target = &g_array_index (self->targets, Target, selected);
  if (!cost_actuals_page_assign (self, position, target->category, target->item, &error))
    show_message (self, MESSAGE_ERROR, error->message);
}

static void
fill_unassigned (CostActualsPage *self)
{
  GListModel *labels = gtk_drop_down_get_model (self->entry_target);

  cost_table_clear (self->unassigned_table);
  collect_services (self);
  gtk_widget_set_visible (self->unassigned_box, self->services->len > 0);
  if (self->services->len == 0)
    return;

  cost_table_add (self->unassigned_table, 0, 0, _("Unassigned"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->unassigned_table, 1, 0, _("Amount"), COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->unassigned_table, 2, 0, _("Belongs to"), COST_TABLE_CELL_HEADING);

  for (guint s = 0; s < MIN (self->services->len, MAX_UNASSIGNED_ROWS); s++)
    {
      const Service *service = &g_array_index (self->services, Service, s);
      g_autofree char *amount = cost_format_money (service->amount, service->currency, COST_FORMAT_DEFAULT);
      g_autofree char *accessible = NULL;
      GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (labels), NULL);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Assign"));
      GtkWidget *name;

      name = cost_table_add (self->unassigned_table, 0, s + 1, service->label, COST_TABLE_CELL_TEXT);
      gtk_label_set_selectable (GTK_LABEL (name), TRUE);
      cost_table_add (self->unassigned_table, 1, s + 1, amount, COST_TABLE_CELL_NUMBER);
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of the list of where "Service: Data Transfer" goes */
      accessible = g_strdup_printf (_("Where %s belongs"), service->label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_grid_attach (self->unassigned_table, drop_down, 2, s + 1, 1, 1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "targets", drop_down);
      g_object_set_data (G_OBJECT (button), "service", GUINT_TO_POINTER (s));
      g_signal_connect (button, "clicked", G_CALLBACK (on_assign_clicked_cb), self);
      gtk_grid_attach (self->unassigned_table, button, 3, s + 1, 1, 1);
    }

  if (self->services->len > MAX_UNASSIGNED_ROWS)
    {
      guint more = self->services->len - MAX_UNASSIGNED_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u smaller one, not listed",
                                                            "and %u smaller ones, not listed", more),
                                               more);
      GtkWidget *label = cost_table_add (self->unassigned_table, 0, MAX_UNASSIGNED_ROWS + 1, text,
                                         COST_TABLE_CELL_DETAIL);

      gtk_widget_add_css_class (label, "dim-label");
    }
}

/* Figures ------------------------------------------------------------------ */

static void
add_figure (CostActualsPage   *self,
            CostActualsFigure  figure,
            int               *row,
            const char        *title,
            const char        *value,
            const char        *detail)
{
  cost_table_add (self->figures, 0, *row, title, COST_TABLE_CELL_TEXT);
  cost_table_add (self->figures, 1, *row, value, COST_TABLE_CELL_NUMBER | COST_TABLE_CELL_STRONG);
  if (detail != NULL)
    cost_table_add (self->figures, 2, *row, detail, COST_TABLE_CELL_NUMBER);
  self->figure_rows[figure] = *row;
  (*row)++;
}

static void
fill_figures (CostActualsPage *self)
{
  const CostPlanActual *pa = self->pa;
  g_autofree char *plan = format_money (self, pa->to_date.plan);
  g_autofree char *actual = format_money (self, pa->to_date.actual);
  g_autofree char *variance = format_variance (self, pa->to_date.variance);
  g_autofree char *ratio = format_ratio (pa->to_date.ratio);
  g_autofree char *at_completion = format_money (self, pa->plan_at_completion);
  g_autofree char *remaining = format_money (self, pa->forecast_remaining_plan);
  g_autofree char *run_rate = format_money (self, pa->forecast_run_rate);
  g_autofree char *run_rate_title = NULL;
  int row = 0;

  add_figure (self, COST_ACTUALS_FIGURE_PLAN_TO_DATE, &row, _("Plan to date"), plan, NULL);
  add_figure (self, COST_ACTUALS_FIGURE_ACTUAL_TO_DATE, &row, _("Actual to date"), actual, NULL);
  add_figure (self, COST_ACTUALS_FIGURE_VARIANCE_TO_DATE, &row, _("Variance to date"), variance, ratio);
  if (cost_variance_is_over (&pa->to_date, pa->threshold))
    {
      gtk_widget_add_css_class (gtk_grid_get_child_at (self->figures, 1, row - 1), "over-plan");
      gtk_widget_add_css_class (gtk_grid_get_child_at (self->figures, 2, row - 1), "over-plan");
    }
  if (pa->unassigned_to_date != 0)
    {
      g_autofree char *unassigned = format_money (self, pa->unassigned_to_date);

      add_figure (self, COST_ACTUALS_FIGURE_UNASSIGNED_TO_DATE, &row, _("Of which unassigned"), unassigned, NULL);
    }
  add_figure (self, COST_ACTUALS_FIGURE_PLAN_AT_COMPLETION, &row, _("Plan at completion"), at_completion, NULL);
  add_figure (self, COST_ACTUALS_FIGURE_FORECAST_REMAINING_PLAN, &row,
              _("Forecast at completion: actual to date + remaining plan"), remaining, NULL);
  run_rate_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Forecast at completion: last month’s run-rate",
                                                 "Forecast at completion: last %d months’ run-rate",
                                                 COST_PLAN_ACTUAL_RUN_RATE_MONTHS),
                                    COST_PLAN_ACTUAL_RUN_RATE_MONTHS);
  add_figure (self, COST_ACTUALS_FIGURE_FORECAST_RUN_RATE, &row, run_rate_title, run_rate, NULL);
  if (pa->has_traffic)
    {
      /* The last month to date whose requests are known. */
      for (int m = pa->n_reported - 1; m >= 0; m--)
        {
          const CostPlanActualMonth *month = &pa->months[m];
          g_autofree char *label = NULL;
          g_autofree char *title = NULL;
          g_autofree char *value = NULL;
          g_autofree char *plan_value = NULL;
          g_autofree char *detail = NULL;

          if (!isfinite (month->cost_per_1000_requests))
            continue;

          label = cost_month_get_label (month->month);
          /* Translators: "Cost per 1,000 requests in Feb 2027", from actual spending and traffic */
          title = g_strdup_printf (_("Cost per 1,000 requests in %s"), label);
          value = cost_format_money_small (month->cost_per_1000_requests, currency_of (self));
          if (isfinite (month->plan_cost_per_1000_requests))
            {
              plan_value = cost_format_money_small (month->plan_cost_per_1000_requests, currency_of (self));
              /* Translators: beside the actual cost per 1,000 requests: "plan ¥1.21" */
              detail = g_strdup_printf (_("plan %s"), plan_value);
            }
          add_figure (self, COST_ACTUALS_FIGURE_COST_PER_1000_REQUESTS, &row, title, value, detail);
          break;
        }
    }
  if (pa->budget_at_completion > 0)
    {
      g_autofree char *budget = format_money (self, pa->budget_at_completion);

      add_figure (self, COST_ACTUALS_FIGURE_BUDGET_AT_COMPLETION, &row, _("Budget at completion"), budget, NULL);
      if (pa->forecast_remaining_plan > pa->budget_at_completion)
        gtk_widget_add_css_class (gtk_grid_get_child_at (self->figures, 1, self->figure_rows[COST_ACTUALS_FIGURE_FORECAST_REMAINING_PLAN]), "over-plan");
      if (isfinite (pa->forecast_run_rate) && pa->forecast_run_rate > pa->budget_at_completion)
        gtk_widget_add_css_class (gtk_grid_get_child_at (self->figures, 1, self->figure_rows[COST_ACTUALS_FIGURE_FORECAST_RUN_RATE]), "over-plan");
    }

  for (guint i = 0; i < pa->rates->len; i++)
    {
      const CostPlanActualRate *rate = &g_array_index (pa->rates, CostPlanActualRate, i);
      /* Translators: an exchange rate the figures use, "Rate USD → CNY" */
      g_autofree char *title = g_strdup_printf (_("Rate %s → %s"), rate->currency, currency_of (self));
      g_autofree char *number = cost_format_number (rate->rate, 6);
      g_autofree char *value = NULL;

      if (rate->rate <= 0)
        value = g_strdup (_("none"));
      else if (rate->as_of[0] != '\0')
        value = g_strdup_printf (_("%s as of %s"), number, rate->as_of);
      else
        value = g_strdup (number);
      cost_table_add (self->figures, 0, row, title, COST_TABLE_CELL_TEXT);
      cost_table_add (self->figures, 1, row, value, COST_TABLE_CELL_NUMBER);
      row++;
    }
}

static void
fill_warnings (CostActualsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box))) != NULL)
    gtk_box_remove (self->warnings_box, child);

  self->n_warnings = self->pa != NULL ? self->pa->warnings->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box), self->n_warnings > 0);
  for (guint i = 0; i < self->n_warnings; i++)
    {
      const CostPlanActualWarning *warning = &g_array_index (self->pa->warnings, CostPlanActualWarning, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (warning->message);

      gtk_widget_add_css_class (box, "budget-note");
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->warnings_box, box);
    }
}

/* The table ---------------------------------------------------------------- */

static int *
row_slot (CostActualsPage *self,
          int              month,
          int              category)
{
  return &self->rows[month * ((int) self->pa->n_categories + 2) + category + 2];
}

static void
add_variance_row (CostActualsPage    *self,
                  int                 row,
                  const char         *name,
                  const CostVariance *v,
                  gboolean            total)
{
  CostTableCell strong = total ? COST_TABLE_CELL_STRONG : 0;
  g_autofree char *plan = format_money (self, v->plan);
  g_autofree char *actual = format_money (self, v->actual);
  g_autofree char *variance = format_variance (self, v->variance);
  g_autofree char *ratio = format_ratio (v->ratio);
  GtkWidget *label;

  label = cost_table_add (self->table, COST_ACTUALS_COLUMN_NAME, row, name, COST_TABLE_CELL_TEXT | strong);
  if (!total)
    gtk_widget_set_margin_start (label, 18);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_PLAN, row, plan, COST_TABLE_CELL_NUMBER | strong);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_ACTUAL, row, actual, COST_TABLE_CELL_NUMBER | strong);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_VARIANCE, row, variance, COST_TABLE_CELL_NUMBER | strong);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_RATIO, row, ratio, COST_TABLE_CELL_NUMBER | strong);
  if (cost_variance_is_over (v, self->pa->threshold))
    {
      g_autofree char *percent = cost_format_percent (self->pa->threshold);
      g_autofree char *tooltip = g_strdup_printf (_("Over plan by more than %s"), percent);

      for (int column = COST_ACTUALS_COLUMN_VARIANCE; column <= COST_ACTUALS_COLUMN_RATIO; column++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (self->table, column, row);

          gtk_widget_add_css_class (cell, "over-plan");
          gtk_widget_set_tooltip_text (cell, tooltip);
          /* Said, not only coloured. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
        }
    }
}

static void
fill_table (CostActualsPage *self)
{
  const CostPlanActual *pa = self->pa;
  const CostResult *result = pa->result;
  int width = (int) pa->n_categories + 2;
  int row = 1;

  self->rows = g_new (int, MAX (pa->n_reported, 1) * width);
  for (int i = 0; i < MAX (pa->n_reported, 1) * width; i++)
    self->rows[i] = -1;

  cost_table_add (self->table, COST_ACTUALS_COLUMN_NAME, 0, C_("column", "Month"), COST_TABLE_CELL_HEADING);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_PLAN, 0, C_("column", "Plan"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_ACTUAL, 0, C_("column", "Actual"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_VARIANCE, 0, C_("column", "Variance"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);
  cost_table_add (self->table, COST_ACTUALS_COLUMN_RATIO, 0, C_("column", "Over/under"),
                  COST_TABLE_CELL_HEADING | COST_TABLE_CELL_NUMBER);

  /* Only the months to date: at most the plan's horizon, however many
   * records the project keeps. */
  for (int m = 0; m < pa->n_reported; m++)
    {
      const CostPlanActualMonth *month = &pa->months[m];
      g_autofree char *label = cost_month_get_label (month->month);

      *row_slot (self, m, COST_ACTUALS_ROW_TOTAL) = row;
      add_variance_row (self, row++, label, &month->total, TRUE);

      for (guint c = 0; c < pa->n_categories; c++)
        {
          const CostVariance *v = &month->categories[c];
          g_autofree char *name = NULL;

          if (v->plan == 0 && (!isfinite (v->actual) || v->actual == 0))
            continue;

          name = category_name (result->categories[c].category);
          *row_slot (self, m, (int) c) = row;
          add_variance_row (self, row++, name, v, FALSE);
        }

      if (month->unassigned != 0)
        {
          g_autofree char *amount = format_money (self, month->unassigned);
          GtkWidget *label_widget;

          *row_slot (self, m, COST_ACTUALS_ROW_UNASSIGNED) = row;
          label_widget = cost_table_add (self->table, COST_ACTUALS_COLUMN_NAME, row, _("Unassigned"),
                                         COST_TABLE_CELL_TEXT);
          gtk_widget_set_margin_start (label_widget, 18);
          gtk_widget_add_css_class (label_widget, "dim-label");
          cost_table_add (self->table, COST_ACTUALS_COLUMN_PLAN, row, "—", COST_TABLE_CELL_NUMBER);
          cost_table_add (self->table, COST_ACTUALS_COLUMN_ACTUAL, row, amount, COST_TABLE_CELL_NUMBER);
          cost_table_add (self->table, COST_ACTUALS_COLUMN_VARIANCE, row, "—", COST_TABLE_CELL_NUMBER);
          cost_table_add (self->table, COST_ACTUALS_COLUMN_RATIO, row, "—", COST_TABLE_CELL_NUMBER);
          row++;
        }
    }
}

/* Refresh ------------------------------------------------------------------ */

static void
clear_figures (CostActualsPage *self)
{
  cost_table_clear (self->figures);
  cost_table_clear (self->table);
  g_clear_pointer (&self->pa, cost_plan_actual_unref);
  g_clear_pointer (&self->rows, g_free);
  for (guint i = 0; i < COST_ACTUALS_N_FIGURES; i++)
    self->figure_rows[i] = -1;
}

static void
cost_actuals_page_refresh (CostPage *page)
{
  CostActualsPage *self = COST_ACTUALS_PAGE (page);
  CostDocument *document = cost_page_get_document (page);
  CostProject *project;
  const CostResult *result;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  int start;
  gboolean has_start;

  clear_figures (self);
  if (document == NULL)
    {
      fill_warnings (self);
      return;
    }

  project = cost_document_get_project (document);
  result = cost_document_get_result (document);
  has_start = cost_project_get_start_month (project, &start);

  name = cost_scenario_text_name (result);
  /* Translators: under the Actuals title: "Baseline · actual spending against the plan" */
  subtitle = g_strdup_printf (_("%s · actual spending against the plan"), name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  update_start (self);

  self->pa = cost_plan_actual_compute (project, (CostResult *) result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  gtk_widget_set_visible (self->figures_box, self->pa != NULL);
  gtk_widget_set_visible (self->empty_label, has_start && self->pa == NULL);
  gtk_widget_set_visible (self->entry_box, has_start);
  if (self->pa != NULL)
    {
      g_autoptr(CostChartDataset) burn_up = cost_actuals_chart_burn_up (project, self->pa);

      fill_figures (self);
      /* The report's chart, from the same builder. */
      gtk_label_set_label (self->burn_up_title, burn_up ? cost_chart_dataset_get_title (burn_up) : "");
      cost_chart_view_set_dataset (self->burn_up_view, burn_up);
      fill_table (self);
    }
  fill_warnings (self);

  {
    /* Translators: the placeholder of the amount typed in, "Amount in CNY" */
    g_autofree char *placeholder = g_strdup_printf (_("Amount in %s"), cost_project_get_currency (project));

    gtk_entry_set_placeholder_text (self->entry_amount, placeholder);
  }

  if (update_targets (self) || has_start)
    {
      if (has_start)
        update_entry_months (self, start, result->horizon);
      update_entry_amount (self);
    }
  fill_unassigned (self);
}

static void
cost_actuals_page_document_changed (CostPage *page)
{
  CostActualsPage *self = COST_ACTUALS_PAGE (page);

  g_cancellable_cancel (self->importing);
  g_clear_pointer (&self->targets_key, g_free);
  self->entry_start = self->entry_horizon = -1;
  hide_message (self);
  show_entry_error (self, NULL);
}

/* Importing a bill --------------------------------------------------------- */

static void
set_importing (CostActualsPage *self,
               GCancellable    *cancellable)
{
  g_set_object (&self->importing, cancellable);
  gtk_widget_set_visible (self->progress_box, cancellable != NULL);
  gtk_widget_set_sensitive (self->import_button, cancellable == NULL);
  if (cancellable != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Reading %s…"), self->import_name);

      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
}

static void
on_import_progress_cb (guint64  done,
                       guint64  total,
                       gpointer data)
{
  CostActualsPage *self = data;

  if (self->importing == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN ((double) done / (double) total, 1.0));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
on_cancel_clicked_cb (GtkButton       *button,
                      CostActualsPage *self)
{
  g_cancellable_cancel (self->importing);
}

static void
show_import_error (CostActualsPage *self,
                   const char      *reason)
{
  /* Translators: "The bill could not be imported: bill.csv:4: … The project is unchanged." */
  g_autofree char *text = g_strdup_printf (_("The bill could not be imported: %s. The project is unchanged."),
                                           reason);

  show_message (self, MESSAGE_ERROR, text);
}

/* What an import did, in a few lines. */
static char *
describe_report (const CostBillReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *rows = cost_format_number (report->rows, 0);
  g_autofree char *first = cost_month_get_label (report->first_month);
  g_autofree char *last = cost_month_get_label (report->last_month);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "Imported %s (%s): %s line, %s to %s, into %u record.",
                                             "Imported %s (%s): %s lines, %s to %s, into %u records.",
                                             report->rows),
                          report->source, cost_bill_format_get_label (report->format), rows, first, last,
                          report->records);
  if (report->replaced > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "It replaces %u record of an earlier import of %s.",
                                                 "It replaces %u records of an earlier import of %s.",
                                                 report->replaced),
                              report->replaced, report->source);
    }
  if (report->rows_unassigned > 0)
    {
      g_autofree char *unassigned = cost_format_number (report->rows_unassigned, 0);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s line matched no mapping rule: it is shown as unassigned below.",
                                                 "%s lines matched no mapping rule: they are shown as unassigned below.",
                                                 report->rows_unassigned), unassigned);
    }
  if (report->rows_outside > 0)
    {
      g_autofree char *outside = cost_format_number (report->rows_outside, 0);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s line falls outside the plan’s months: kept, not compared.",
                                                 "%s lines fall outside the plan’s months: kept, not compared.",
                                                 report->rows_outside), outside);
    }
  if (report->start_set)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("The project had no start month: it now starts with the bill’s first month."));
    }
  if (report->currency_assumed != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("The bill names no currency: its amounts are taken to be in %s."),
                              report->currency_assumed);
    }
  for (guint i = 0; report->missing_rates != NULL && report->missing_rates[i] != NULL; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("The project has no exchange rate for %s: those amounts are kept but "
                                      "left out of the figures."), report->missing_rates[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The mapping chosen for the bill being imported, which the import
 * remembers in the project in the same step; %NULL for none. */
static void
remember_mapping (CostActualsPage       *self,
                  const char            *name,
                  const CostBillMapping *mapping)
{
  g_clear_pointer (&self->mapping, cost_bill_mapping_free);
  g_clear_pointer (&self->mapping_name, g_free);
  if (mapping != NULL)
    {
      self->mapping = cost_bill_mapping_copy (mapping);
      self->mapping_name = g_strdup (name);
    }
}

static void
on_bill_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(CostActualsPage) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CostBill) bill = cost_bill_read_finish (result, &error);
  g_auto(CostBillReport) report = { 0, };
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  gboolean cancelled = g_cancellable_is_cancelled (self->importing);
  g_autoptr(CostBillMapping) mapping = g_steal_pointer (&self->mapping);
  g_autofree char *mapping_name = g_steal_pointer (&self->mapping_name);
  g_autofree char *summary = NULL;

  set_importing (self, NULL);
  if (bill == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (document != NULL)
        show_message (self, MESSAGE_INFO, _("The import was cancelled. The project is unchanged."));
      return;
    }
  if (document == NULL || cancelled)
    return;
  if (bill == NULL)
    {
      show_import_error (self, error->message);
      return;
    }

  if (!cost_document_apply_bill (document, bill, NULL, mapping_name, mapping, &report, &error))
    {
      show_import_error (self, error->message);
      return;
    }

  summary = describe_report (&report);
  show_message (self, report.rows_unassigned > 0 || report.missing_rates != NULL ? MESSAGE_WARNING : MESSAGE_INFO,
                summary);
  show_undo_toast (self, _("Bill imported"));
}

/* Reads the bill chosen in a worker, then applies it (on_bill_read_cb()):
 * in @format, or by @mapping for a bill of a format of its own. */
static void
start_import (CostActualsPage       *self,
              CostBillFormat         format,
              const CostBillMapping *mapping)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  set_importing (self, cancellable);
  cost_bill_read_async (self->import_file, format, mapping,
                        on_import_progress_cb, g_object_ref (self), g_object_unref,
                        cancellable, on_bill_read_cb, g_object_ref (self));
}

static void
on_mapping_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(CostActualsPage) self = data;
  CostBillMappingDialog *dialog = COST_BILL_MAPPING_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean remember = FALSE;
  g_autoptr(CostBillMapping) mapping = NULL;

  mapping = cost_bill_mapping_dialog_choose_finish (dialog, result, &remember, &name, &error);
  if (mapping == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, error->message);
      else
        show_message (self, MESSAGE_INFO, _("The import was cancelled. The project is unchanged."));
      return;
    }
  if (self->importing != NULL || cost_page_get_document (COST_PAGE (self)) == NULL)
    return;

  start_import (self, COST_BILL_FORMAT_CUSTOM, mapping);
  remember_mapping (self, name, remember ? mapping : NULL);
}

/* A bill whose columns are none of the formats known and match no mapping
 * the project saved: the user says which column gives what in the
 * column-mapping dialog, then start_import() reads it with that mapping
 * (COST_BILL_FORMAT_CUSTOM). */
static void
actuals_page_ask_mapping (CostActualsPage *self,
                          CostBillPreview *preview)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CostBillMappingDialog *dialog;

  dialog = cost_bill_mapping_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         cost_document_get_project (document), preview);
  cost_bill_mapping_dialog_choose (dialog, NULL, on_mapping_chosen_cb, g_object_ref (self));
}

/**
 * cost_actuals_page_import_file:
 * @file: a bill, as CSV
 *
 * Imports @file into the document's actual spending: its format is told
 * from its columns, it is read in a worker with progress and cancel, and
 * applied as one undoable step. A bill that cannot be read leaves the
 * project as it was and says why.
 */
void
cost_actuals_page_import_file (CostActualsPage *self,
                               GFile           *file)
{
  g_autoptr(CostBillPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COST_IS_ACTUALS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing != NULL || cost_page_get_document (COST_PAGE (self)) == NULL)
    return;

  hide_message (self);
  remember_mapping (self, NULL, NULL);
  g_set_object (&self->import_file, file);
  g_free (self->import_name);
  self->import_name = g_file_get_basename (file);

  preview = cost_bill_preview_read (file, PREVIEW_ROWS, NULL, &error);
  if (preview == NULL)
    {
      show_import_error (self, error->message);
      return;
    }
  if (preview->format == COST_BILL_FORMAT_CUSTOM || preview->format == COST_BILL_FORMAT_AUTO)
    {
      CostDocument *document = cost_page_get_document (COST_PAGE (self));
      g_autoptr(CostBillMapping) saved = NULL;

      /* The columns of a bill imported before need no question. */
      saved = cost_bill_find_saved_mapping (cost_document_get_project (document),
                                            (const char * const *) preview->headers);
      if (saved == NULL)
        {
          actuals_page_ask_mapping (self, preview);
          return;
        }
      start_import (self, COST_BILL_FORMAT_CUSTOM, saved);
      return;
    }

  start_import (self, preview->format, NULL);
}

static void
on_choose_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         data)
{
  g_autoptr(CostActualsPage) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        cost_actuals_page_import_file (self, file);
    }
  g_object_unref (dialog);
}

/**
 * cost_actuals_page_choose_bill:
 *
 * Asks for a bill, then imports it.
 */
void
cost_actuals_page_choose_bill (CostActualsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  g_return_if_fail (COST_IS_ACTUALS_PAGE (self));

  if (self->importing != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Bills (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  dialog = gtk_file_chooser_native_new (_("Import Bill"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The page ----------------------------------------------------------------- */

static void
cost_actuals_page_dispose (GObject *object)
{
  CostActualsPage *self = COST_ACTUALS_PAGE (object);

  g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  clear_figures (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), COST_TYPE_ACTUALS_PAGE);

  G_OBJECT_CLASS (cost_actuals_page_parent_class)->dispose (object);
}

static void
cost_actuals_page_finalize (GObject *object)
{
  CostActualsPage *self = COST_ACTUALS_PAGE (object);

  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->services, g_array_unref);
  g_clear_object (&self->import_file);
  remember_mapping (self, NULL, NULL);
  g_free (self->targets_key);
  g_free (self->import_name);

  G_OBJECT_CLASS (cost_actuals_page_parent_class)->finalize (object);
}

static void
cost_actuals_page_class_init (CostActualsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CostPageClass *page_class = COST_PAGE_CLASS (klass);

  object_class->dispose = cost_actuals_page_dispose;
  object_class->finalize = cost_actuals_page_finalize;

  page_class->refresh = cost_actuals_page_refresh;
  page_class->document_changed = cost_actuals_page_document_changed;

  g_type_ensure (COST_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-actuals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, start_label);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, start_month);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, start_year);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, burn_up_title);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, requests_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_requests_set_cb);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, burn_up_view);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, table);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, unassigned_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, unassigned_table);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, entry_box);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, entry_month);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, entry_target);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, entry_amount);
  gtk_widget_class_bind_template_child (widget_class, CostActualsPage, entry_error);
  /* Reached by name only (the tests). */
  gtk_widget_class_bind_template_child_full (widget_class, "entry_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_set_cb);
}

static void
cost_actuals_page_init (CostActualsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->services = g_array_new (FALSE, TRUE, sizeof (Service));
  g_array_set_clear_func (self->services, (GDestroyNotify) service_clear);
  self->entry_start = self->entry_horizon = -1;
  for (guint i = 0; i < COST_ACTUALS_N_FIGURES; i++)
    self->figure_rows[i] = -1;
  fill_start_months (self);
  update_start (self);
}

GtkWidget *
cost_actuals_page_new (void)
{
  return g_object_new (COST_TYPE_ACTUALS_PAGE, NULL);
}

/**
 * cost_actuals_page_set_document:
 * @document: (nullable): the document to show, with its active scenario
 */
void
cost_actuals_page_set_document (CostActualsPage *self,
                                CostDocument    *document)
{
  g_return_if_fail (COST_IS_ACTUALS_PAGE (self));

  cost_page_set_document (COST_PAGE (self), document);
}

/**
 * cost_actuals_page_get_plan_actual:
 *
 * Returns: (transfer none) (nullable): the figures shown, %NULL without
 *   actual spending
 */
const CostPlanActual *
cost_actuals_page_get_plan_actual (CostActualsPage *self)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), NULL);

  return self->pa;
}

/**
 * cost_actuals_page_get_figure:
 *
 * Returns: (nullable): the text of a key figure, %NULL when not shown
 */
const char *
cost_actuals_page_get_figure (CostActualsPage   *self,
                              CostActualsFigure  figure)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), NULL);
  g_return_val_if_fail (figure < COST_ACTUALS_N_FIGURES, NULL);

  if (self->figure_rows[figure] < 0)
    return NULL;

  return cost_table_get_text (self->figures, 1, self->figure_rows[figure]);
}

static int
table_row (CostActualsPage *self,
           int              month,
           int              category)
{
  if (self->pa == NULL || self->rows == NULL || month < 0 || month >= self->pa->n_reported ||
      category < COST_ACTUALS_ROW_UNASSIGNED || category >= (int) self->pa->n_categories)
    return -1;

  return *row_slot (self, month, category);
}

/**
 * cost_actuals_page_get_cell:
 * @month: the plan month
 * @category: the category's position in the plan's result,
 *   %COST_ACTUALS_ROW_TOTAL or %COST_ACTUALS_ROW_UNASSIGNED
 *
 * Returns: (nullable): the text of a cell of the table, %NULL when the
 *   table has no such row
 */
const char *
cost_actuals_page_get_cell (CostActualsPage   *self,
                            int                month,
                            int                category,
                            CostActualsColumn  column)
{
  int row;

  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), NULL);

  row = table_row (self, month, category);

  return row >= 0 ? cost_table_get_text (self->table, column, row) : NULL;
}

/**
 * cost_actuals_page_cell_is_over:
 *
 * Returns: whether the table marks the variance of @month and @category as
 *   over plan
 */
gboolean
cost_actuals_page_cell_is_over (CostActualsPage *self,
                                int              month,
                                int              category)
{
  int row;

  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), FALSE);

  row = table_row (self, month, category);

  return row >= 0 &&
         gtk_widget_has_css_class (gtk_grid_get_child_at (self->table, COST_ACTUALS_COLUMN_RATIO, row), "over-plan");
}

guint
cost_actuals_page_get_n_warnings (CostActualsPage *self)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), 0);

  return self->n_warnings;
}

/**
 * cost_actuals_page_get_message:
 *
 * Returns: (nullable): the message above the figures, %NULL when none is
 *   shown
 */
const char *
cost_actuals_page_get_message (CostActualsPage *self)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), NULL);

  return gtk_widget_get_visible (self->message_box) ? gtk_label_get_label (self->message_label) : NULL;
}

gboolean
cost_actuals_page_is_importing (CostActualsPage *self)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), FALSE);

  return self->importing != NULL;
}

guint
cost_actuals_page_get_n_unassigned (CostActualsPage *self)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), 0);

  return self->services->len;
}

/**
 * cost_actuals_page_get_unassigned_name:
 *
 * Returns: what the row @position of unassigned spending is, "Service:
 *   Data Transfer"
 */
const char *
cost_actuals_page_get_unassigned_name (CostActualsPage *self,
                                       guint            position)
{
  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), NULL);
  g_return_val_if_fail (position < self->services->len, NULL);

  return g_array_index (self->services, Service, position).label;
}

/**
 * cost_actuals_page_assign:
 * @position: a row of unassigned spending
 * @item_id: (nullable): an item of @category_id, or %NULL or "" for the
 *   category
 *
 * Adds a mapping rule that puts the spending of row @position into
 * @category_id (and @item_id), and assigns every record it matches: one
 * undoable step.
 *
 * Returns: %FALSE with @error when the rule cannot be added
 */
gboolean
cost_actuals_page_assign (CostActualsPage  *self,
                          guint             position,
                          const char       *category_id,
                          const char       *item_id,
                          GError          **error)
{
  CostDocument *document = cost_page_get_document (COST_PAGE (self));
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  const Service *service;
  CostBillRule rule;
  guint assigned = 0;

  g_return_val_if_fail (COST_IS_ACTUALS_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->services->len, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  service = &g_array_index (self->services, Service, position);
  value = g_strdup (service->value);
  rule = (CostBillRule) {
    .match = service->match,
    .tag = "",
    .value = value,
    .category = category_id,
    .item = item_id != NULL ? item_id : "",
    .extras = "",
  };
  if (!cost_document_add_bill_rule (document, &rule, &assigned, error))
    return FALSE;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record assigned", "%u records assigned", assigned),
                           assigned);
  show_undo_toast (self, title);

  return TRUE;
}
