/* cost-catalogue-dialog.c
 *
 * The accelerator catalogue to browse: each accelerator's specifications,
 * its MLPerf reference throughputs with their sources, and example prices,
 * marked as examples of uncertain date. When the user's own catalogue could
 * not be read, a banner at the top says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-catalogue-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-catalogue-dialog.h"
#include "cost-format.h"

struct _CostCatalogueDialog
{
  AdwWindow            parent_instance;

  CostCatalogue       *catalogue;
  guint                n_rows;

  GtkWidget           *error_banner;
  GtkLabel            *error_label;
  GtkLabel            *note_label;
  AdwPreferencesGroup *accelerators_group;
  GtkLabel            *path_label;
};

G_DEFINE_FINAL_TYPE (CostCatalogueDialog, cost_catalogue_dialog, ADW_TYPE_WINDOW)

/* "NVIDIA · 80 GB memory · 3.35 TB/s · 989 BF16 TFLOPS · 1,979 8-bit TOPS · 700 W TDP";
 * figures the catalogue does not know are left out. */
static char *
describe_specs (const CostAccelerator *a)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *memory = cost_format_number (a->memory_gb, 0);
  g_autofree char *bandwidth = cost_format_number (a->memory_bw_tbs, 2);
  g_autofree char *bf16 = cost_format_number (a->bf16_tflops, 0);
  g_autofree char *int8 = cost_format_number (a->int8_tops, 0);
  g_autofree char *tdp = cost_format_number (a->tdp_w, 0);

  if (a->vendor != NULL && a->vendor[0] != '\0')
    g_ptr_array_add (parts, g_strdup (a->vendor));
  if (a->memory_gb > 0)
    /* Translators: accelerator memory */
    g_ptr_array_add (parts, g_strdup_printf (_("%s GB memory"), memory));
  if (a->memory_bw_tbs > 0)
    /* Translators: memory bandwidth */
    g_ptr_array_add (parts, g_strdup_printf (_("%s TB/s"), bandwidth));
  if (a->bf16_tflops > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%s BF16 TFLOPS"), bf16));
  if (a->int8_tops > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%s 8-bit TOPS"), int8));
  if (a->tdp_w > 0)
    /* Translators: thermal design power */
    g_ptr_array_add (parts, g_strdup_printf (_("%s W TDP"), tdp));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
value_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);

  return label;
}

static GtkWidget *
throughput_row_new (const CostAccelerator *a,
                    const CostThroughput  *t)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = cost_format_number (t->value, 2);
  /* The catalogue's units, "samples/s" and "tokens/s", are translated. */
  g_autofree char *shown = g_strdup_printf ("%s %s", value, _(t->unit));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *used = NULL;

  if (cost_accelerator_get_throughput (a, COST_MODEL_RANKING) == t)
    used = _("Used to size ranking models");
  else if (cost_accelerator_get_throughput (a, COST_MODEL_LLM) == t)
    used = _("Used to size LLMs");

  /* Translators: an MLPerf result: benchmark, scenario, round: "MLPerf dlrm-v2-99, Server, v4.1" */
  title = g_strdup_printf (_("MLPerf %s, %s, %s"), t->benchmark, t->scenario, t->round);
  subtitle = used != NULL ? g_strdup_printf ("%s · %s", used, t->source) : g_strdup (t->source);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label_new (shown));

  return row;
}

static GtkWidget *
price_row_new (const CostPrice *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = cost_format_number (p->per_gpu_hour, 4);
  /* Translators: a price: "12.29 USD per GPU-hour" */
  g_autofree char *shown = g_strdup_printf (_("%s %s per GPU-hour"), amount, p->currency);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (p->example && (p->as_of == NULL || p->as_of[0] == '\0'))
    g_ptr_array_add (parts, g_strdup (_("Example, date uncertain")));
  else if (p->example)
    /* Translators: an example price with the date it is from */
    g_ptr_array_add (parts, g_strdup_printf (_("Example, as of %s"), p->as_of));
  else if (p->as_of != NULL && p->as_of[0] != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("As of %s"), p->as_of));
  if (p->region != NULL && p->region[0] != '\0')
    g_ptr_array_add (parts, g_strdup (p->region));
  if (p->note != NULL && p->note[0] != '\0')
    g_ptr_array_add (parts, g_strdup (p->note));
  g_ptr_array_add (parts, NULL);

  if (p->gpus > 0)
    /* Translators: a cloud instance: provider, instance, GPUs in it: "AWS p5.48xlarge, 8 GPUs" */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s, %d GPU", "%s %s, %d GPUs", p->gpus),
                             p->provider, p->instance, p->gpus);
  else
    title = g_strdup_printf ("%s %s", p->provider, p->instance);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label_new (shown));

  return row;
}

static GtkWidget *
accelerator_row_new (const CostAccelerator *a)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *specs = describe_specs (a);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), specs);

  if (a->from_user)
    {
      GtkWidget *tag = gtk_label_new (_("Yours"));

      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "accent");
      gtk_widget_set_tooltip_text (tag, _("From your own catalogue file"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), tag);
    }

  if (a->source != NULL && a->source[0] != '\0')
    {
      GtkWidget *source = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source), _("Specifications"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (source), a->source);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (source), 0);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (source), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), source);
    }

  for (guint i = 0; i < a->throughputs->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              throughput_row_new (a, g_ptr_array_index (a->throughputs, i)));

  for (guint i = 0; i < a->prices->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), price_row_new (g_ptr_array_index (a->prices, i)));

  if (a->throughputs->len == 0 && a->prices->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty),
                                     _("No reference throughput or price: enter the throughput you measured"));
      gtk_widget_add_css_class (empty, "dim-label");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), empty);
    }

  return row;
}

static void
populate (CostCatalogueDialog *self)
{
  const char *error = cost_catalogue_get_user_error (self->catalogue);
  guint n = cost_catalogue_get_n_accelerators (self->catalogue);
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "modelcost",
                                            "gpu-catalogue.json", NULL);
  g_autofree char *path_text = NULL;

  gtk_widget_set_visible (self->error_banner, error != NULL);
  gtk_label_set_label (self->error_label, error ? error : "");

  for (guint i = 0; i < n; i++)
    adw_preferences_group_add (self->accelerators_group,
                               accelerator_row_new (cost_catalogue_get_accelerator (self->catalogue, i)));
  self->n_rows = n;

  /* Translators: %s is the path of the user's catalogue file */
  path_text = g_strdup_printf (_("Add accelerators of your own, or replace these by their id, in %s "
                                 "(the same format as the built-in catalogue)."), path);
  gtk_label_set_label (self->path_label, path_text);
}

static void
cost_catalogue_dialog_dispose (GObject *object)
{
  CostCatalogueDialog *self = (CostCatalogueDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_CATALOGUE_DIALOG);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (cost_catalogue_dialog_parent_class)->dispose (object);
}

static void
cost_catalogue_dialog_class_init (CostCatalogueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cost_catalogue_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cost-catalogue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CostCatalogueDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, CostCatalogueDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CostCatalogueDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, CostCatalogueDialog, accelerators_group);
  gtk_widget_class_bind_template_child (widget_class, CostCatalogueDialog, path_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cost_catalogue_dialog_init (CostCatalogueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_label (self->note_label,
                       _("Reference figures for sizing. Throughputs are MLPerf Inference results "
                         "per accelerator; sizing uses the Server scenario, which keeps to a latency "
                         "bound, when there is one. Prices are examples from public price lists "
                         "whose dates are uncertain: check them before relying on them."));
}

/**
 * cost_catalogue_dialog_new:
 * @parent: (nullable):
 * @catalogue: (nullable): the catalogue to show, %NULL for cost_catalogue_get_default()
 *
 * Returns: (transfer none): the dialog, to be presented
 */
GtkWidget *
cost_catalogue_dialog_new (GtkWindow     *parent,
                           CostCatalogue *catalogue)
{
  CostCatalogueDialog *self;

  g_return_val_if_fail (!catalogue || COST_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (COST_TYPE_CATALOGUE_DIALOG, "transient-for", parent, NULL);
  self->catalogue = g_object_ref (catalogue ? catalogue : cost_catalogue_get_default ());
  populate (self);

  return GTK_WIDGET (self);
}

/**
 * cost_catalogue_dialog_get_error:
 *
 * Returns: (nullable): the message the banner shows, %NULL when it is hidden
 */
const char *
cost_catalogue_dialog_get_error (CostCatalogueDialog *self)
{
  g_return_val_if_fail (COST_IS_CATALOGUE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_banner))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

/**
 * cost_catalogue_dialog_get_n_rows:
 *
 * Returns: how many accelerators the dialog lists
 */
guint
cost_catalogue_dialog_get_n_rows (CostCatalogueDialog *self)
{
  g_return_val_if_fail (COST_IS_CATALOGUE_DIALOG (self), 0);

  return self->n_rows;
}
