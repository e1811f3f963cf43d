/* cost-bill-mapping-dialog.c
 *
 * Maps the columns of a bill of no known format: the first rows of the
 * bill, a drop-down of its headers for each column an import needs (first
 * filled by the project's saved mapping for these columns or a guess from
 * their names), the currency of a bill without a currency column, and how
 * the first rows read through the mapping, checked as it changes. It gives
 * the mapping, and whether to remember it in the project and under which
 * name; importing and remembering are the caller's edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill-mapping-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-bill-mapping-dialog.h"
#include "cost-bill-mappings.h"
#include "cost-format.h"
#include "cost-month.h"

/* Rows shown of a preview, at most. */
#define MAX_ROWS 8

/* Characters of a cell before it is cut short. */
#define CELL_CHARS 18

struct _CostBillMappingDialog
{
  AdwWindow         parent_instance;

  CostProject      *project;
  CostBillPreview  *preview;      /* a copy: headers, rows shared */
  CostBillMapping  *mapping;      /* as the drop-downs say */
  char             *error;        /* why it cannot import, or NULL */

  GTask            *task;
  GCancellable     *cancellable;
  gulong            cancelled_id;
  gboolean          remember;
  char             *name;

  GtkWidget        *column_rows[COST_BILL_N_COLUMNS];
  GtkWidget        *currency_row;
  GPtrArray        *header_marks; /* GtkLabel under each header */
  gboolean          syncing;

  GtkWidget        *import_button;
  GtkGrid          *rows_grid;
  AdwPreferencesGroup *columns_group;
  GtkGrid          *result_grid;
  GtkLabel         *error_label;
  GtkSwitch        *remember_switch;
  AdwEntryRow      *name_row;
};

G_DEFINE_FINAL_TYPE (CostBillMappingDialog, cost_bill_mapping_dialog, ADW_TYPE_WINDOW)

static guint
n_headers (CostBillMappingDialog *self)
{
  return g_strv_length (self->preview->headers);
}

static guint
n_rows (CostBillMappingDialog *self)
{
  return MIN (self->preview->rows->len, MAX_ROWS);
}

/* A cell of a table: cut short with the whole text as its tooltip. */
static GtkWidget *
cell_new (const char *text,
          const char *css_class,
          gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (g_utf8_strlen (text, -1) > CELL_CHARS)
    gtk_widget_set_tooltip_text (label, text);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The header as the drop-downs show it: a header with no name by its
 * position. */
static char *
header_label (CostBillMappingDialog *self,
              guint                  position)
{
  const char *header = self->preview->headers[position];

  if (header[0] == '\0')
    /* Translators: a column of a bill whose header row gives it no name */
    return g_strdup_printf (_("Column %u"), position + 1);

  return g_strdup (header);
}

/* The bill's first rows, its headers above, and under each header what
 * the mapping takes from it. */
static void
build_rows (CostBillMappingDialog *self)
{
  guint n = n_headers (self);

  self->header_marks = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = header_label (self, i);
      GtkWidget *mark = cell_new ("", "caption", FALSE);

      gtk_widget_add_css_class (mark, "accent");
      gtk_grid_attach (self->rows_grid, cell_new (label, "heading", FALSE), i, 0, 1, 1);
      gtk_grid_attach (self->rows_grid, mark, i, 1, 1, 1);
      g_ptr_array_add (self->header_marks, mark);
    }

  for (guint r = 0; r < n_rows (self); r++)
    {
      char **fields = g_ptr_array_index (self->preview->rows, r);
      guint n_fields = g_strv_length (fields);

      for (guint i = 0; i < n; i++)
        gtk_grid_attach (self->rows_grid, cell_new (i < n_fields ? fields[i] : "", NULL, FALSE), i, r + 2, 1, 1);
    }
}

static const char *
project_currency (CostBillMappingDialog *self)
{
  return cost_project_get_currency (self->project);
}

/* How the first rows read: month, amount, service; or why one does not. */
static void
build_result (CostBillMappingDialog  *self,
              GError                **first_error)
{
  const char *titles[] = { _("Month"), _("Amount"), _("Service") };

  grid_clear (self->result_grid);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    gtk_grid_attach (self->result_grid, cell_new (titles[c], "heading", c == 1), c, 0, 1, 1);

  for (guint r = 0; r < n_rows (self); r++)
    {
      g_autoptr(GError) error = NULL;
      CostBillPreviewLine line;

      if (cost_bill_preview_read_line (self->preview, self->mapping, r, &line, &error))
        {
          g_autofree char *month = cost_month_get_label (line.month);
          g_autofree char *amount =
            cost_format_money (line.amount, line.currency[0] != '\0' ? line.currency : project_currency (self),
                               COST_FORMAT_DEFAULT);

          gtk_grid_attach (self->result_grid, cell_new (month, NULL, FALSE), 0, r + 1, 1, 1);
          gtk_grid_attach (self->result_grid, cell_new (amount, NULL, TRUE), 1, r + 1, 1, 1);
          gtk_grid_attach (self->result_grid, cell_new (line.service, NULL, FALSE), 2, r + 1, 1, 1);
        }
      else
        {
          for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
            gtk_grid_attach (self->result_grid, cell_new ("—", "dim-label", c == 1), c, r + 1, 1, 1);
          if (*first_error == NULL)
            *first_error = g_steal_pointer (&error);
        }
    }
}

/* Under each header, what the mapping takes from it. */
static void
update_marks (CostBillMappingDialog *self)
{
  const char * const *headers = (const char * const *) self->preview->headers;

  for (guint i = 0; i < n_headers (self); i++)
    {
      g_autoptr(GPtrArray) uses = g_ptr_array_new ();
      g_autofree char *text = NULL;

      for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
        {
          if (g_strcmp0 (cost_bill_mapping_get_column (self->mapping, c), headers[i]) == 0)
            g_ptr_array_add (uses, (gpointer) cost_bill_column_get_label (c));
        }
      g_ptr_array_add (uses, NULL);
      /* Translators: the separator of the fields a column gives: "Amount, Tags" */
      text = g_strjoinv (_(", "), (char **) uses->pdata);
      gtk_label_set_label (g_ptr_array_index (self->header_marks, i), text);
    }
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Reads the entries into the mapping, checks it, and shows what it gives. */
static void
update (CostBillMappingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = entry_text (ADW_ENTRY_ROW (self->currency_row));
  g_autofree char *currency = g_ascii_strup (typed, -1);
  gboolean has_currency_column = cost_bill_mapping_get_column (self->mapping, COST_BILL_COLUMN_CURRENCY) != NULL;

  gtk_widget_set_visible (self->currency_row, !has_currency_column);
  cost_bill_mapping_set_currency (self->mapping, has_currency_column ? NULL : currency);

  update_marks (self);

  if (cost_bill_mapping_check (self->mapping, (const char * const *) self->preview->headers, &error))
    build_result (self, &error);
  else
    {
      g_autoptr(GError) ignored = NULL;

      build_result (self, &ignored);
    }

  if (error == NULL && gtk_switch_get_active (self->remember_switch))
    {
      g_autofree char *name = entry_text (self->name_row);

      cost_bill_mappings_check_name (name, &error);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), gtk_switch_get_active (self->remember_switch));

  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    self->error = g_strdup (error->message);
  gtk_label_set_label (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", self->error == NULL);
  /* Said again by the button, for when the message is scrolled away. */
  gtk_widget_set_tooltip_text (self->import_button, self->error);
}

static void
on_entry_changed_cb (CostBillMappingDialog *self)
{
  if (!self->syncing)
    update (self);
}

static void
on_column_selected_cb (AdwComboRow           *row,
                       GParamSpec            *pspec,
                       CostBillMappingDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  CostBillColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->syncing)
    return;

  cost_bill_mapping_set_column (self->mapping, column,
                                selected > 0 && selected != GTK_INVALID_LIST_POSITION ?
                                  self->preview->headers[selected - 1] : NULL);
  update (self);
}

/* The position of @header in the drop-downs: 0 for none. */
static guint
header_position (CostBillMappingDialog *self,
                 const char            *header)
{
  for (guint i = 0; header != NULL && i < n_headers (self); i++)
    {
      if (g_strcmp0 (self->preview->headers[i], header) == 0)
        return i + 1;
    }

  return 0;
}

static void
build_columns (CostBillMappingDialog *self)
{
  g_autoptr(GtkStringList) headers = gtk_string_list_new (NULL);

  /* Translators: a column of a bill is not mapped */
  gtk_string_list_append (headers, _("None"));
  for (guint i = 0; i < n_headers (self); i++)
    {
      g_autofree char *label = header_label (self, i);

      gtk_string_list_append (headers, label);
    }

  for (guint c = 0; c < COST_BILL_N_COLUMNS; c++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cost_bill_column_get_label (c));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (c == COST_BILL_COLUMN_MONTH || c == COST_BILL_COLUMN_AMOUNT)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Needed"));
      else if (c == COST_BILL_COLUMN_TAGS)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("{\"team\": \"search\"} or team:search;env:prod"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (headers));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  header_position (self, cost_bill_mapping_get_column (self->mapping, c)));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      self->column_rows[c] = row;
    }

  self->currency_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row),
                                 _("Currency of Every Line (ISO Code, Empty for the Project’s)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->currency_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), cost_bill_mapping_get_currency (self->mapping) ?: "");
  g_signal_connect_swapped (self->currency_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  adw_preferences_group_add (self->columns_group, self->currency_row);
}

/* The name a mapping of these columns has, or a new one. */
static char *
default_name (CostBillMappingDialog *self)
{
  GVariant *mappings = cost_project_get_bill_mappings (self->project);
  int at = cost_bill_mappings_match (mappings, (const char * const *) self->preview->headers);

  if (at >= 0)
    return g_strdup (cost_bill_mappings_get_name (mappings, at));

  for (guint i = cost_bill_mappings_get_n (mappings) + 1;; i++)
    {
      /* Translators: the name first given to a saved column mapping */
      g_autofree char *name = g_strdup_printf (_("Bill mapping %u"), i);

      if (cost_bill_mappings_find (mappings, name) < 0)
        return g_steal_pointer (&name);
    }
}

static void
finish (CostBillMappingDialog *self,
        gboolean               imported)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;

  if (imported)
    {
      self->remember = gtk_switch_get_active (self->remember_switch);
      g_clear_pointer (&self->name, g_free);
      self->name = entry_text (self->name_row);
      g_task_return_pointer (task, cost_bill_mapping_copy (self->mapping), (GDestroyNotify) cost_bill_mapping_free);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The bill was not imported"));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CostBillMappingDialog *self = COST_BILL_MAPPING_DIALOG (widget);

  update (self);
  if (self->error != NULL)
    return;

  finish (self, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
cost_bill_mapping_dialog_close_request (GtkWindow *window)
{
  finish (COST_BILL_MAPPING_DIALOG (window), FALSE);

  return GTK_WINDOW_CLASS (cost_bill_mapping_dialog_parent_class)->close_request (window);
}

static void
cost_bill_mapping_dialog_dispose (GObject *object)
{
  CostBillMappingDialog *self = (CostBillMappingDialog *) object;

  finish (self, FALSE);
  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_BILL_MAPPING_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (cost_bill_mapping_dialog_parent_class)->dispose (object);
}

static void
cost_bill_mapping_dialog_finalize (GObject *object)
{
  CostBillMappingDialog *self = (CostBillMappingDialog *) object;

  g_clear_pointer (&self->preview, cost_bill_preview_free);
  g_clear_pointer (&self->mapping, cost_bill_mapping_free);
  g_clear_pointer (&self->header_marks, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->name);

  G_OBJECT_CLASS (cost_bill_mapping_dialog_parent_class)->finalize (object);
}

static void
cost_bill_mapping_dialog_class_init (CostBillMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_bill_mapping_dialog_dispose;
  object_class->finalize = cost_bill_mapping_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = cost_bill_mapping_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-bill-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, result_grid);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, CostBillMappingDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "mapping.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cost_bill_mapping_dialog_init (CostBillMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

/**
 * cost_bill_mapping_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 * @project: the project the bill goes into: its currency, and its saved
 *   mappings to start from and name
 * @preview: the start of the bill (cost_bill_preview_read())
 *
 * Returns: (transfer none): the dialog; present it with
 *   cost_bill_mapping_dialog_choose()
 */
CostBillMappingDialog *
cost_bill_mapping_dialog_new (GtkWindow             *parent,
                              CostProject           *project,
                              const CostBillPreview *preview)
{
  CostBillMappingDialog *self;
  g_autoptr(CostBillMapping) saved = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);
  g_return_val_if_fail (preview != NULL && preview->headers != NULL, NULL);

  self = g_object_new (COST_TYPE_BILL_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->preview = g_new0 (CostBillPreview, 1);
  self->preview->headers = g_strdupv (preview->headers);
  self->preview->rows = g_ptr_array_ref (preview->rows);
  self->preview->format = preview->format;

  /* The mapping the project keeps for these columns, else the guess. */
  saved = cost_bill_find_saved_mapping (project, (const char * const *) preview->headers);
  if (saved != NULL)
    self->mapping = g_steal_pointer (&saved);
  else if (preview->mapping != NULL)
    self->mapping = cost_bill_mapping_copy (preview->mapping);
  else
    self->mapping = cost_bill_mapping_guess ((const char * const *) preview->headers);
  self->preview->mapping = cost_bill_mapping_copy (self->mapping);

  self->syncing = TRUE;
  build_rows (self);
  build_columns (self);
  name = default_name (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->syncing = FALSE;

  update (self);

  return self;
}

static void
on_cancelled_cb (GCancellable          *cancellable,
                 CostBillMappingDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * cost_bill_mapping_dialog_choose:
 * @cancellable: (nullable): closes the dialog when cancelled
 * @callback: called when the user imports, or closes the dialog
 *
 * Presents the dialog. It closes itself when the user imports (the
 * Import button, or Enter, while the mapping reads the first rows) or
 * cancels (the Cancel button, or Escape).
 */
void
cost_bill_mapping_dialog_choose (CostBillMappingDialog *self,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_return_if_fail (COST_IS_BILL_MAPPING_DIALOG (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, cost_bill_mapping_dialog_choose);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), self, NULL);
    }

  gtk_window_present (GTK_WINDOW (self));

  /* Enter imports a mapping that reads the bill; else the first column
   * to choose. */
  if (self->error == NULL)
    gtk_widget_grab_focus (self->import_button);
  else if (cost_bill_mapping_get_column (self->mapping, COST_BILL_COLUMN_MONTH) != NULL)
    gtk_widget_grab_focus (self->column_rows[COST_BILL_COLUMN_AMOUNT]);
  else
    gtk_widget_grab_focus (self->column_rows[COST_BILL_COLUMN_MONTH]);
}

/**
 * cost_bill_mapping_dialog_choose_finish:
 * @remember: (out) (optional): whether the user wants the mapping kept in
 *   the project (cost_bill_mappings_remember())
 * @name: (out) (optional) (transfer full): the name to keep it under
 *
 * Returns: (transfer full) (nullable): the mapping to read the bill
 *   through, or %NULL with %G_IO_ERROR_CANCELLED when the user cancelled
 */
CostBillMapping *
cost_bill_mapping_dialog_choose_finish (CostBillMappingDialog  *self,
                                        GAsyncResult           *result,
                                        gboolean               *remember,
                                        char                  **name,
                                        GError                **error)
{
  CostBillMapping *mapping;

  g_return_val_if_fail (COST_IS_BILL_MAPPING_DIALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  mapping = g_task_propagate_pointer (G_TASK (result), error);
  if (remember != NULL)
    *remember = mapping != NULL && self->remember;
  if (name != NULL)
    *name = mapping != NULL ? g_strdup (self->name) : NULL;

  return mapping;
}

/**
 * cost_bill_mapping_dialog_get_mapping:
 *
 * Returns: (transfer none): the mapping as the dialog shows it
 */
const CostBillMapping *
cost_bill_mapping_dialog_get_mapping (CostBillMappingDialog *self)
{
  g_return_val_if_fail (COST_IS_BILL_MAPPING_DIALOG (self), NULL);

  return self->mapping;
}

/**
 * cost_bill_mapping_dialog_set_column:
 * @header: (nullable): a header of the bill, or %NULL for none
 *
 * Chooses the header of @column in its drop-down, as a person would.
 */
void
cost_bill_mapping_dialog_set_column (CostBillMappingDialog *self,
                                     CostBillColumn         column,
                                     const char            *header)
{
  g_return_if_fail (COST_IS_BILL_MAPPING_DIALOG (self));
  g_return_if_fail (column < COST_BILL_N_COLUMNS);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->column_rows[column]), header_position (self, header));
}

/**
 * cost_bill_mapping_dialog_get_error:
 *
 * Returns: (nullable): why the bill cannot be imported as the dialog
 *   stands, as it shows it, or %NULL
 */
const char *
cost_bill_mapping_dialog_get_error (CostBillMappingDialog *self)
{
  g_return_val_if_fail (COST_IS_BILL_MAPPING_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

/**
 * cost_bill_mapping_dialog_can_import:
 *
 * Returns: whether the Import button can be pressed
 */
gboolean
cost_bill_mapping_dialog_can_import (CostBillMappingDialog *self)
{
  g_return_val_if_fail (COST_IS_BILL_MAPPING_DIALOG (self), FALSE);

  return gtk_widget_is_sensitive (self->import_button);
}

/**
 * cost_bill_mapping_dialog_describe_rows:
 *
 * Returns: (transfer full): how the first rows read, as the dialog shows
 *   them: a line per row, cells separated by " | "
 */
char *
cost_bill_mapping_dialog_describe_rows (CostBillMappingDialog *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (COST_IS_BILL_MAPPING_DIALOG (self), NULL);

  for (guint r = 1; r <= n_rows (self); r++)
    {
      for (guint c = 0; c < 3; c++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (self->result_grid, c, r);

          if (c > 0)
            g_string_append (out, " | ");
          g_string_append (out, gtk_label_get_label (GTK_LABEL (cell)));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
