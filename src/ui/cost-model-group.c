/* cost-model-group.c
 *
 * One served model on the workload page: what it is, the accelerator it
 * runs on, what sizing needs of it, and the accelerators it takes, with the
 * formula filled in, updated on every change. Choosing an accelerator of
 * the catalogue fills the throughput from its MLPerf reference for the kind
 * of model, and the power from its TDP; each choice is one undoable step.
 *
 * An LLM sized by tokens shows instead of a throughput what it is sized
 * from (a model of the catalogue or its own figures, the precisions, the
 * prompt and answer, the latency targets, the GPUs of a replica, the
 * GPU's figures and the efficiencies) and what follows: the memory of one
 * GPU, the chain of the sizing with its values, the curve of throughput
 * against latency, a plain warning with what would work when the model
 * cannot be served as asked, and what a million tokens cost.
 *
 * Adding a cost item and removing the model are the page's to do: the
 * group emits ::add-item and ::remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-model-group"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-llm-chart.h"
#include "cost-model-group.h"
#include "cost-names.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"

struct _CostModelGroup
{
  AdwPreferencesGroup  parent_instance;

  CostDocument        *document;
  CostServedModel     *model;
  GtkStringList       *accelerators;   /* the catalogue's names, then "Custom" */

  CostFieldRow        *name_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *accelerator_row;
  CostFieldRow        *custom_row;
  CostFieldRow        *throughput_row;
  AdwActionRow        *reference_row;
  GtkWidget           *throughput_badge; /* far from the catalogue's throughput */
  GtkWidget           *price_badge;      /* far from the catalogue's GPU price */
  CostFieldRow        *work_row;
  CostFieldRow        *utilisation_row;
  CostFieldRow        *spare_row;
  CostFieldRow        *replicas_row;
  CostFieldRow        *power_row;
  AdwActionRow        *result_row;
  GtkLabel            *result_label;
  AdwActionRow        *items_row;

  /* An LLM sized by tokens */
  GtkStringList       *presets;        /* the catalogue's LLMs, then "Custom" */
  AdwComboRow         *preset_row;
  AdwExpanderRow      *figures_row;
  CostFieldRow        *params_row;
  CostFieldRow        *active_row;
  CostFieldRow        *layers_row;
  CostFieldRow        *kv_heads_row;
  CostFieldRow        *head_dim_row;
  CostFieldRow        *kv_elements_row;
  AdwComboRow         *weight_precision_row;
  AdwComboRow         *kv_precision_row;
  CostFieldRow        *input_row;
  CostFieldRow        *output_row;
  CostFieldRow        *calls_row;
  CostFieldRow        *ttft_row;
  CostFieldRow        *tpot_row;
  CostFieldRow        *tp_row;
  AdwExpanderRow      *gpu_row;
  CostFieldRow        *gpu_memory_row;
  CostFieldRow        *gpu_bandwidth_row;
  CostFieldRow        *gpu_bf16_row;
  CostFieldRow        *gpu_int8_row;
  AdwExpanderRow      *efficiency_row;
  CostFieldRow        *memory_efficiency_row;
  CostFieldRow        *compute_efficiency_row;
  CostFieldRow        *overhead_row;
  GtkWidget           *memory_row;
  CostLlmChart        *memory_chart;
  AdwActionRow        *warning_row;
  GtkButton           *suggested_tp_button;
  GtkButton           *suggested_precision_button;
  AdwExpanderRow      *chain_row;
  GtkLabel            *chain_label;
  GtkWidget           *curve_row;
  CostLlmChart        *curve_chart;
  AdwActionRow        *token_cost_row;
  GtkLabel            *token_cost_label;
  CostLlmResult        llm;            /* as last sized, for the suggestions */
  char                *explanation;

  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (CostModelGroup, cost_model_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODEL,
  N_PROPS
};

enum {
  ADD_ITEM,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CostProject *
project_of (CostModelGroup *self)
{
  return cost_document_get_project (self->document);
}

static const CostAccelerator *
find_accelerator (CostModelGroup *self)
{
  const char *name = cost_served_model_get_accelerator (self->model);

  if (name[0] == '\0')
    return NULL;

  return cost_catalogue_find (cost_catalogue_get_default (), name);
}

/* The catalogue's reference throughput for the model's accelerator and kind. */
static const CostThroughput *
find_reference (CostModelGroup *self)
{
  const CostAccelerator *accelerator = find_accelerator (self);

  if (accelerator == NULL)
    return NULL;

  return cost_accelerator_get_throughput (accelerator, cost_served_model_get_kind (self->model));
}

static void
update_reference (CostModelGroup *self)
{
  const CostThroughput *reference = find_reference (self);
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean differs;

  gtk_widget_set_visible (GTK_WIDGET (self->reference_row), reference != NULL);
  if (reference == NULL)
    return;

  value = cost_format_number (reference->value, 2);
  /* Translators: the catalogue's throughput: "Reference: 2,700.72 tokens/s" */
  title = g_strdup_printf (_("Reference: %s %s"), value, _(reference->unit));
  /* Translators: an MLPerf result and its source: "MLPerf llama2-70b-99, Server, v4.1 · MLPerf Inference v4.1 datacenter, …" */
  subtitle = g_strdup_printf (_("MLPerf %s, %s, %s · %s"), reference->benchmark, reference->scenario,
                              reference->round, reference->source);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), title);
  adw_action_row_set_subtitle (self->reference_row, subtitle);

  differs = cost_served_model_get_value (self->model, "throughput") != reference->value;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "model.use-reference", differs);
}

/* A warning sign beside a field, its popover saying what the catalogue has. */
static GtkWidget *
badge_new (void)
{
  GtkWidget *badge = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (badge), "dialog-warning-symbolic");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "flat");
  gtk_widget_add_css_class (badge, "warning");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (badge), popover);
  gtk_widget_set_visible (badge, FALSE);

  return badge;
}

static void
badge_set (GtkWidget  *badge,
           const char *text)
{
  GtkWidget *label = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge)));

  gtk_widget_set_visible (badge, text != NULL);
  gtk_widget_set_tooltip_text (badge, text);
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/* Flags a throughput or a GPU price more than twice away from the
 * catalogue's (cost_catalogue_is_far()), on the baseline as the rest of the
 * form shows it. */
static void
update_catalogue_badges (CostModelGroup *self)
{
  CostProject *project = project_of (self);
  g_autoptr(CostResult) result = cost_calc_compute (project, NULL);
  g_autofree char *throughput_text = NULL;
  g_autofree char *price_text = NULL;
  CostCatalogueCheck check;

  cost_catalogue_check_model (project, result, self->model, &check);
  if (check.throughput_far)
    {
      g_autofree char *entered = cost_format_number (cost_served_model_get_value (self->model, "throughput"), 2);
      g_autofree char *reference = cost_format_number (check.throughput->value, 2);

      /* Translators: a throughput far from the catalogue's; the last %s is the MLPerf source */
      throughput_text = g_strdup_printf (_("%s is more than twice away from the catalogue's %s %s for this accelerator (MLPerf %s, %s, %s · %s). Check the figure."),
                                         entered, reference, _(check.throughput->unit),
                                         check.throughput->benchmark, check.throughput->scenario,
                                         check.throughput->round, check.throughput->source);
    }
  if (check.price_far)
    {
      const char *currency = cost_project_get_currency (project);
      g_autofree char *entered = cost_format_price (check.price_entered, currency, 0);
      g_autofree char *reference = cost_format_price (check.price_reference, currency, 0);
      g_autofree char *quoted = cost_format_number (check.price->per_gpu_hour, 3);

      /* Translators: a GPU price far from the catalogue's: "¥300 a GPU-hour is more than twice away from the catalogue's ¥87.259 (AWS p5.48xlarge, 12.29 USD)" */
      price_text = g_strdup_printf (_("%s a GPU-hour is more than twice away from the catalogue's %s (%s %s, %s %s). Check the price of the GPU item."),
                                    entered, reference, check.price->provider, check.price->instance,
                                    quoted, check.price->currency);
    }
  badge_set (self->throughput_badge, throughput_text);
  badge_set (self->price_badge, price_text);
}

/* What an LLM sized by tokens takes, with its memory, its curve, what a
 * million tokens cost, and why it cannot be served as asked. */
static void
update_llm (CostModelGroup *self)
{
  CostProject *project = project_of (self);
  const CostResult *result = cost_document_get_scenario_result (self->document, NULL);
  const char *currency = cost_project_get_currency (project);
  CostWorkloadValues workload;
  CostModelEconomics m;
  g_autofree char *chain = NULL;
  g_autofree char *status = NULL;
  const char *replicas;
  gboolean served;

  cost_model_economics (project, result, self->model, &m);
  cost_sizing_effective_workload (project, NULL, &workload);
  self->llm = m.llm.llm;
  served = m.llm.llm.status == COST_LLM_OK || m.llm.llm.status == COST_LLM_TARGET_UNMET;

  g_free (self->explanation);
  self->explanation = cost_sizing_explain (&workload, &m.values);
  chain = cost_llm_explain (&m.values.llm, &m.llm.llm);
  gtk_label_set_label (self->chain_label, chain);

  /* Under the count, the step from a replica to the accelerators */
  replicas = g_str_has_prefix (self->explanation, chain) ? self->explanation + strlen (chain) : self->explanation;
  while (*replicas == '\n')
    replicas++;
  {
    g_autofree char *needed = cost_format_number (m.accelerators, 0);
    g_autofree char *first_line = g_strndup (replicas, strcspn (replicas, "\n"));

    gtk_label_set_label (self->result_label, needed);
    adw_action_row_set_subtitle (self->result_row, first_line);
  }

  cost_llm_chart_set_sizing (self->memory_chart, &m.values.llm, &m.llm.llm);
  cost_llm_chart_set_sizing (self->curve_chart, &m.values.llm, &m.llm.llm);

  status = cost_llm_describe_status (&m.values.llm, &m.llm.llm);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), status != NULL);
  if (status != NULL)
    adw_action_row_set_subtitle (self->warning_row, status);

  gtk_widget_set_visible (GTK_WIDGET (self->suggested_tp_button), m.llm.llm.suggested_tp > 0);
  if (m.llm.llm.suggested_tp > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Use %u GPU per Replica",
                                                             "Use %u GPUs per Replica", m.llm.llm.suggested_tp),
                                                m.llm.llm.suggested_tp);

      gtk_button_set_label (self->suggested_tp_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_precision_button), m.llm.llm.has_suggested_precision);
  if (m.llm.llm.has_suggested_precision)
    {
      g_autofree char *label = NULL;

      if (m.llm.llm.suggested_kv_precision != m.values.llm.kv_precision)
        /* Translators: a button: "Use FP8 Weights and KV Cache" */
        label = g_strdup_printf (_("Use %s Weights and %s KV Cache"),
                                 cost_precision_get_label (m.llm.llm.suggested_weight_precision),
                                 cost_precision_get_label (m.llm.llm.suggested_kv_precision));
      else
        /* Translators: a button: "Use FP8 Weights" */
        label = g_strdup_printf (_("Use %s Weights"), cost_precision_get_label (m.llm.llm.suggested_weight_precision));
      gtk_button_set_label (self->suggested_precision_button, label);
    }

  if (served && isfinite (m.cost_per_million_output_tokens))
    {
      g_autofree char *input = cost_format_money_small (m.cost_per_million_input_tokens, currency);
      g_autofree char *output = cost_format_money_small (m.cost_per_million_output_tokens, currency);
      g_autofree char *price = cost_format_money_small (m.gpu_hour_price, currency);
      g_autofree char *utilisation = cost_format_percent (m.values.utilisation);
      g_autofree char *value = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: the cost of a million prompt and answer tokens: "¥1.38 in · ¥5.46 out" */
      value = g_strdup_printf (_("%s in · %s out"), input, output);
      /* Translators: "Prompt ¥1.38, answer ¥5.46: each pays for its GPU time at ¥87.26 per GPU-hour and 60% utilisation" */
      subtitle = g_strdup_printf (_("Prompt %s, answer %s: each pays for its GPU time at %s per GPU-hour and %s utilisation"),
                                  input, output, price, utilisation);
      gtk_label_set_label (self->token_cost_label, value);
      adw_action_row_set_subtitle (self->token_cost_row, subtitle);
    }
  else
    {
      gtk_label_set_label (self->token_cost_label, "—");
      adw_action_row_set_subtitle (self->token_cost_row,
                                   served ? _("Add a GPU item to price the tokens") :
                                            _("The model cannot be served as asked"));
    }
}

/* The accelerators the model takes for the project's traffic, and the items it sizes. */
static void
update_result (CostModelGroup *self)
{
  CostProject *project = project_of (self);
  const char *id = cost_served_model_get_id (self->model);
  CostWorkloadValues workload;
  CostModelValues values;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *items = NULL;

  cost_served_model_get_values (self->model, &values);
  if (values.kind == COST_MODEL_LLM_TOKENS)
    update_llm (self);
  else
    {
      g_autofree char *needed = NULL;

      cost_sizing_effective_workload (project, NULL, &workload);
      needed = cost_format_number (cost_sizing_accelerators (&workload, &values), 0);
      g_free (self->explanation);
      self->explanation = cost_sizing_explain (&workload, &values);
      gtk_label_set_label (self->result_label, needed);
      adw_action_row_set_subtitle (self->result_row, self->explanation);
    }

  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        {
          CostItem *item = cost_category_get_item (category, i);

          if (g_strcmp0 (cost_item_get_driver (item), id) == 0)
            g_ptr_array_add (names, (gpointer) cost_names_translate (cost_item_get_name (item)));
        }
    }
  g_ptr_array_add (names, NULL);
  items = g_strjoinv (_(", "), (char **) names->pdata);
  adw_action_row_set_subtitle (self->items_row,
                               items[0] != '\0' ? items :
                               _("None yet: add a GPU item to price the accelerators"));
  update_catalogue_badges (self);
}

static guint
preset_position (CostModelGroup *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  const char *preset = cost_served_model_get_preset (self->model);
  guint n = cost_catalogue_get_n_llm_models (catalogue);

  for (guint i = 0; i < n && preset[0] != '\0'; i++)
    {
      if (g_strcmp0 (cost_catalogue_get_llm_model (catalogue, i)->name, preset) == 0)
        return i;
    }

  return n;
}

/* The rows of an LLM sized by tokens: its preset, precisions and the
 * summaries of its figures. */
static void
sync_llm (CostModelGroup *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  guint position = preset_position (self);
  CostModelValues v;
  g_autofree char *params = NULL;
  g_autofree char *layers = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *bandwidth = NULL;
  g_autofree char *bf16 = NULL;
  g_autofree char *int8 = NULL;
  g_autofree char *gpu = NULL;

  cost_served_model_get_values (self->model, &v);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->preset_row, position);
  adw_combo_row_set_selected (self->weight_precision_row, v.llm.weight_precision);
  adw_combo_row_set_selected (self->kv_precision_row, v.llm.kv_precision);
  self->syncing = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preset_row),
                               position < cost_catalogue_get_n_llm_models (catalogue) ?
                               cost_catalogue_get_llm_model (catalogue, position)->source :
                               _("Enter the model’s figures below"));

  params = cost_format_number (v.llm.params_b, 2);
  layers = cost_format_number (v.llm.layers, 0);
  if (v.llm.active_params_b < v.llm.params_b)
    {
      g_autofree char *active = cost_format_number (v.llm.active_params_b, 2);

      /* Translators: "671 B parameters, 37 B active, 61 layers" */
      figures = g_strdup_printf (_("%s B parameters, %s B active, %s layers"), params, active, layers);
    }
  else
    /* Translators: "7.62 B parameters, 28 layers" */
    figures = g_strdup_printf (_("%s B parameters, %s layers"), params, layers);
  adw_expander_row_set_subtitle (self->figures_row, figures);

  memory = cost_format_number (v.llm.gpu.memory_gb, 0);
  bandwidth = cost_format_number (v.llm.gpu.bandwidth_tbs, 3);
  bf16 = cost_format_number (v.llm.gpu.bf16_tflops, 0);
  int8 = cost_format_number (v.llm.gpu.int8_tops, 0);
  /* Translators: a GPU's figures: "80 GB, 3.35 TB/s, 989 TFLOPS BF16, 1,979 8-bit" */
  gpu = g_strdup_printf (_("%s GB, %s TB/s, %s TFLOPS BF16, %s 8-bit"), memory, bandwidth, bf16, int8);
  adw_expander_row_set_subtitle (self->gpu_row, gpu);
}

/* Shows the model's kind and accelerator, and the titles that depend on them. */
static void
sync_from_model (CostModelGroup *self)
{
  CostModelKind kind = cost_served_model_get_kind (self->model);
  gboolean llm = kind == COST_MODEL_LLM;
  gboolean tokens = kind == COST_MODEL_LLM_TOKENS;
  GtkWidget *token_rows[] = {
    GTK_WIDGET (self->preset_row), GTK_WIDGET (self->figures_row), GTK_WIDGET (self->weight_precision_row),
    GTK_WIDGET (self->kv_precision_row), GTK_WIDGET (self->input_row), GTK_WIDGET (self->output_row),
    GTK_WIDGET (self->calls_row), GTK_WIDGET (self->ttft_row), GTK_WIDGET (self->tpot_row),
    GTK_WIDGET (self->tp_row), GTK_WIDGET (self->gpu_row), GTK_WIDGET (self->efficiency_row),
    self->memory_row, GTK_WIDGET (self->chain_row), self->curve_row, GTK_WIDGET (self->token_cost_row),
  };
  const CostAccelerator *accelerator = find_accelerator (self);
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  guint position = cost_catalogue_get_n_accelerators (catalogue);
  const char *name = cost_served_model_get_name (self->model);

  if (accelerator != NULL)
    {
      for (guint i = 0; i < cost_catalogue_get_n_accelerators (catalogue); i++)
        {
          if (cost_catalogue_get_accelerator (catalogue, i) == accelerator)
            position = i;
        }
    }

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->accelerator_row, position);
  self->syncing = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (token_rows); i++)
    gtk_widget_set_visible (token_rows[i], tokens);
  gtk_widget_set_visible (GTK_WIDGET (self->throughput_row), !tokens);
  gtk_widget_set_visible (GTK_WIDGET (self->work_row), !tokens);
  if (tokens)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->warning_row), self->llm.status != COST_LLM_OK);
      sync_llm (self);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->warning_row), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), accelerator == NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->throughput_row),
                                 llm ? _("Throughput per Accelerator (tokens/s)") :
                                       _("Throughput per Accelerator (samples/s)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->work_row),
                                 llm ? _("Tokens per Request") : _("Candidates Scored per Request"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   name[0] != '\0' ? name : _("Unnamed Model"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         tokens ? _("An LLM sized by its tokens: the model, the precision, the prompt "
                                                    "and answer lengths and the latency targets set the GPUs") :
                                         llm ? _("An LLM: sized by the tokens it generates a second") :
                                               _("A ranking model: sized by the candidates it scores a second"));
  update_reference (self);
  if (tokens)
    gtk_widget_set_visible (GTK_WIDGET (self->reference_row), FALSE);
}

static void
on_model_notify_cb (CostServedModel *model,
                    GParamSpec      *pspec,
                    CostModelGroup  *self)
{
  sync_from_model (self);
}

static void
on_project_changed_cb (CostProject    *project,
                       CostModelGroup *self)
{
  update_result (self);
}

/* Fills what the catalogue knows of the model's accelerator for its kind. */
static void
fill_from_catalogue (CostModelGroup *self,
                     gboolean        power)
{
  const CostAccelerator *accelerator = find_accelerator (self);
  const CostThroughput *reference = find_reference (self);

  if (cost_served_model_get_kind (self->model) == COST_MODEL_LLM_TOKENS)
    {
      if (accelerator != NULL)
        {
          CostModelValues values;

          cost_served_model_get_values (self->model, &values);
          cost_accelerator_get_llm_gpu (accelerator, &values.llm.gpu);
          for (const char * const *k = cost_served_model_list_kind_keys (COST_MODEL_LLM_TOKENS); *k != NULL; k++)
            {
              if (cost_served_model_key_is_gpu (*k))
                cost_served_model_set_value (self->model, *k, cost_model_values_get (&values, *k), NULL);
            }
        }
    }
  else if (reference != NULL)
    cost_served_model_set_value (self->model, "throughput", reference->value, NULL);
  if (power && accelerator != NULL && accelerator->tdp_w > 0)
    cost_served_model_set_value (self->model, "power_watts", accelerator->tdp_w, NULL);
}

/* Sets the model's figures to those of an LLM of the catalogue. */
static void
apply_preset (CostModelGroup      *self,
              const CostLlmPreset *preset)
{
  CostModelValues values;
  const char *keys[] = { "params_b", "active_params_b", "layers", "kv_heads", "head_dim",
                         "kv_elements_per_token_per_layer" };

  cost_served_model_get_values (self->model, &values);
  cost_llm_preset_apply (preset, &values.llm);
  cost_served_model_set_preset (self->model, preset->name, NULL);
  /* The parameters first: the active ones never exceed them */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    cost_served_model_set_value (self->model, keys[i], cost_model_values_get (&values, keys[i]), NULL);
}

/* The catalogue's LLM whose figures the model has, if any */
static const CostLlmPreset *
matching_preset (CostModelGroup *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  CostModelValues values;

  cost_served_model_get_values (self->model, &values);
  for (guint i = 0; i < cost_catalogue_get_n_llm_models (catalogue); i++)
    {
      const CostLlmPreset *preset = cost_catalogue_get_llm_model (catalogue, i);
      CostLlmInputs in = values.llm;

      cost_llm_preset_apply (preset, &in);
      if (in.params_b == values.llm.params_b && in.active_params_b == values.llm.active_params_b &&
          in.layers == values.llm.layers && in.kv_heads == values.llm.kv_heads &&
          in.head_dim == values.llm.head_dim && in.kv_elements == values.llm.kv_elements)
        return preset;
    }

  return NULL;
}

static void
on_kind_selected_cb (CostModelGroup *self)
{
  CostUndoStack *stack;

  if (self->syncing || self->model == NULL)
    return;

  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  cost_served_model_set_kind (self->model, MIN (adw_combo_row_get_selected (self->kind_row),
                                                COST_N_MODEL_KINDS - 1));
  fill_from_catalogue (self, FALSE);
  /* Figures that are those of an LLM of the catalogue say so */
  if (cost_served_model_get_kind (self->model) == COST_MODEL_LLM_TOKENS &&
      cost_served_model_get_preset (self->model)[0] == '\0' && matching_preset (self) != NULL)
    cost_served_model_set_preset (self->model, matching_preset (self)->name, NULL);
  cost_undo_stack_end (stack);
}

static void
on_preset_selected_cb (CostModelGroup *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  guint position;
  CostUndoStack *stack;

  if (self->syncing || self->model == NULL)
    return;

  position = adw_combo_row_get_selected (self->preset_row);
  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  if (position < cost_catalogue_get_n_llm_models (catalogue))
    apply_preset (self, cost_catalogue_get_llm_model (catalogue, position));
  else
    /* "Custom": the figures stay, to be edited */
    cost_served_model_set_preset (self->model, "", NULL);
  cost_undo_stack_end (stack);

  sync_from_model (self);
}

static void
on_precision_selected_cb (CostModelGroup *self)
{
  CostUndoStack *stack;

  if (self->syncing || self->model == NULL)
    return;

  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  cost_served_model_set_value (self->model, "weight_precision",
                               MIN (adw_combo_row_get_selected (self->weight_precision_row), COST_N_PRECISIONS - 1),
                               NULL);
  cost_served_model_set_value (self->model, "kv_precision",
                               MIN (adw_combo_row_get_selected (self->kv_precision_row), COST_N_PRECISIONS - 1),
                               NULL);
  cost_undo_stack_end (stack);
}

static void
use_suggested_tp_action (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  CostModelGroup *self = COST_MODEL_GROUP (widget);

  if (self->llm.suggested_tp > 0)
    cost_served_model_set_value (self->model, "tensor_parallel", self->llm.suggested_tp, NULL);
}

static void
use_suggested_precision_action (GtkWidget  *widget,
                                const char *action,
                                GVariant   *param)
{
  CostModelGroup *self = COST_MODEL_GROUP (widget);
  CostUndoStack *stack;

  if (!self->llm.has_suggested_precision)
    return;

  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  cost_served_model_set_value (self->model, "weight_precision", self->llm.suggested_weight_precision, NULL);
  cost_served_model_set_value (self->model, "kv_precision", self->llm.suggested_kv_precision, NULL);
  cost_undo_stack_end (stack);
}

static void
on_accelerator_selected_cb (CostModelGroup *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  guint position;
  CostUndoStack *stack;

  if (self->syncing || self->model == NULL)
    return;

  position = adw_combo_row_get_selected (self->accelerator_row);
  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  if (position < cost_catalogue_get_n_accelerators (catalogue))
    {
      const CostAccelerator *accelerator = cost_catalogue_get_accelerator (catalogue, position);

      cost_served_model_set_accelerator (self->model, accelerator->name, NULL);
      fill_from_catalogue (self, TRUE);
    }
  else if (find_accelerator (self) != NULL)
    {
      /* "Custom": the user names the accelerator and enters its figures. */
      cost_served_model_set_accelerator (self->model, "", NULL);
    }
  cost_undo_stack_end (stack);

  sync_from_model (self);
}

static void
use_reference_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  CostModelGroup *self = COST_MODEL_GROUP (widget);
  CostUndoStack *stack = cost_document_get_undo_stack (self->document);

  cost_undo_stack_begin (stack);
  fill_from_catalogue (self, FALSE);
  cost_undo_stack_end (stack);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  g_signal_emit (widget, signals[ADD_ITEM], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
cost_model_group_constructed (GObject *object)
{
  CostModelGroup *self = (CostModelGroup *) object;
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  struct {
    CostFieldRow *row;
    const char   *property;
  } fields[] = {
    { self->name_row, "name" },
    { self->custom_row, "accelerator" },
    { self->throughput_row, "throughput" },
    { self->work_row, "work-per-request" },
    { self->utilisation_row, "utilisation" },
    { self->spare_row, "spare" },
    { self->replicas_row, "replicas" },
    { self->power_row, "power-watts" },
    { self->params_row, "params-b" },
    { self->active_row, "active-params-b" },
    { self->layers_row, "layers" },
    { self->kv_heads_row, "kv-heads" },
    { self->head_dim_row, "head-dim" },
    { self->kv_elements_row, "kv-elements-per-token-per-layer" },
    { self->input_row, "input-tokens" },
    { self->output_row, "output-tokens" },
    { self->calls_row, "calls-per-request" },
    { self->ttft_row, "ttft-ms" },
    { self->tpot_row, "tpot-ms" },
    { self->tp_row, "tensor-parallel" },
    { self->gpu_memory_row, "gpu-memory-gb" },
    { self->gpu_bandwidth_row, "gpu-bandwidth-tbs" },
    { self->gpu_bf16_row, "gpu-bf16-tflops" },
    { self->gpu_int8_row, "gpu-int8-tops" },
    { self->memory_efficiency_row, "memory-efficiency" },
    { self->compute_efficiency_row, "compute-efficiency" },
    { self->overhead_row, "memory-overhead" },
  };

  G_OBJECT_CLASS (cost_model_group_parent_class)->constructed (object);

  g_assert (COST_IS_DOCUMENT (self->document) && COST_IS_SERVED_MODEL (self->model));

  self->accelerators = gtk_string_list_new (NULL);
  for (guint i = 0; i < cost_catalogue_get_n_accelerators (catalogue); i++)
    gtk_string_list_append (self->accelerators, cost_catalogue_get_accelerator (catalogue, i)->name);
  /* Translators: an accelerator that is not in the catalogue */
  gtk_string_list_append (self->accelerators, _("Custom"));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->accelerator_row, G_LIST_MODEL (self->accelerators));
  self->syncing = FALSE;

  self->presets = gtk_string_list_new (NULL);
  for (guint i = 0; i < cost_catalogue_get_n_llm_models (catalogue); i++)
    gtk_string_list_append (self->presets, cost_catalogue_get_llm_model (catalogue, i)->name);
  /* Translators: an LLM whose figures the user enters */
  gtk_string_list_append (self->presets, C_("llm", "Custom"));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (self->presets));
  self->syncing = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    cost_field_row_bind (fields[i].row, self->model, fields[i].property);

  g_signal_connect (self->model, "notify", G_CALLBACK (on_model_notify_cb), self);
  g_signal_connect (project_of (self), "changed", G_CALLBACK (on_project_changed_cb), self);
  sync_from_model (self);
  update_result (self);
}

static void
cost_model_group_dispose (GObject *object)
{
  CostModelGroup *self = (CostModelGroup *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (project_of (self), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), COST_TYPE_MODEL_GROUP);
  g_clear_object (&self->model);
  g_clear_object (&self->document);
  g_clear_object (&self->accelerators);
  g_clear_object (&self->presets);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (cost_model_group_parent_class)->dispose (object);
}

static void
cost_model_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CostModelGroup *self = COST_MODEL_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_model_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CostModelGroup *self = COST_MODEL_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cost_model_group_class_init (CostModelGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cost_model_group_constructed;
  object_class->dispose = cost_model_group_dispose;
  object_class->get_property = cost_model_group_get_property;
  object_class->set_property = cost_model_group_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, COST_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, COST_TYPE_SERVED_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CostModelGroup::add-item:
   *
   * The user asked for a GPU item driven by the model.
   */
  signals[ADD_ITEM] =
    g_signal_new ("add-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CostModelGroup::remove:
   *
   * The user asked to remove the model.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "model.use-reference", NULL, use_reference_action);
  gtk_widget_class_install_action (widget_class, "model.use-suggested-tp", NULL, use_suggested_tp_action);
  gtk_widget_class_install_action (widget_class, "model.use-suggested-precision", NULL,
                                   use_suggested_precision_action);
  gtk_widget_class_install_action (widget_class, "model.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "model.remove", NULL, remove_action);

  g_type_ensure (COST_TYPE_FIELD_ROW);
  g_type_ensure (COST_TYPE_LLM_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cost-model-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, name_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, accelerator_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, custom_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, throughput_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, reference_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, work_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, utilisation_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, spare_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, replicas_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, power_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, result_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, result_label);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, items_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, preset_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, figures_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, params_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, active_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, layers_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, kv_heads_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, head_dim_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, kv_elements_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, weight_precision_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, kv_precision_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, input_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, output_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, calls_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, ttft_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, tpot_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, tp_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, gpu_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, gpu_memory_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, gpu_bandwidth_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, gpu_bf16_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, gpu_int8_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, efficiency_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, memory_efficiency_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, compute_efficiency_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, overhead_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, memory_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, memory_chart);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, warning_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, suggested_tp_button);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, suggested_precision_button);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, chain_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, chain_label);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, curve_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, curve_chart);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, token_cost_row);
  gtk_widget_class_bind_template_child (widget_class, CostModelGroup, token_cost_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_precision_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_accelerator_selected_cb);
}

static void
cost_model_group_init (CostModelGroup *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->throughput_badge = badge_new ();
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->throughput_row), self->throughput_badge);
  self->price_badge = badge_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->accelerator_row), self->price_badge);
}

/**
 * cost_model_group_new:
 *
 * Returns: (transfer floating): the form of @model, a served model of
 *   @document's project
 */
GtkWidget *
cost_model_group_new (CostDocument    *document,
                      CostServedModel *model)
{
  g_return_val_if_fail (COST_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (COST_IS_SERVED_MODEL (model), NULL);

  return g_object_new (COST_TYPE_MODEL_GROUP, "document", document, "model", model, NULL);
}

CostServedModel *
cost_model_group_get_model (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  return self->model;
}

/**
 * cost_model_group_get_field:
 * @name: a served model property ("throughput", "utilisation", ...), or
 *   "kind" and "accelerator-choice" for the two drop-downs
 *
 * Returns: (transfer none) (nullable): the row editing it
 */
GtkWidget *
cost_model_group_get_field (CostModelGroup *self,
                            const char     *name)
{
  const struct {
    const char *name;
    gpointer    row;
  } fields[] = {
    { "name", self->name_row },
    { "kind", self->kind_row },
    { "accelerator-choice", self->accelerator_row },
    { "accelerator", self->custom_row },
    { "throughput", self->throughput_row },
    { "work-per-request", self->work_row },
    { "utilisation", self->utilisation_row },
    { "spare", self->spare_row },
    { "replicas", self->replicas_row },
    { "power-watts", self->power_row },
    { "preset", self->preset_row },
    { "params-b", self->params_row },
    { "active-params-b", self->active_row },
    { "layers", self->layers_row },
    { "kv-heads", self->kv_heads_row },
    { "head-dim", self->head_dim_row },
    { "kv-elements-per-token-per-layer", self->kv_elements_row },
    { "weight-precision", self->weight_precision_row },
    { "kv-precision", self->kv_precision_row },
    { "input-tokens", self->input_row },
    { "output-tokens", self->output_row },
    { "calls-per-request", self->calls_row },
    { "ttft-ms", self->ttft_row },
    { "tpot-ms", self->tpot_row },
    { "tensor-parallel", self->tp_row },
    { "gpu-memory-gb", self->gpu_memory_row },
    { "gpu-bandwidth-tbs", self->gpu_bandwidth_row },
    { "gpu-bf16-tflops", self->gpu_bf16_row },
    { "gpu-int8-tops", self->gpu_int8_row },
    { "memory-efficiency", self->memory_efficiency_row },
    { "compute-efficiency", self->compute_efficiency_row },
    { "memory-overhead", self->overhead_row },
  };

  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].name, name) == 0)
        return fields[i].row;
    }

  return NULL;
}

/**
 * cost_model_group_get_needed:
 *
 * Returns: the accelerators the model needs, as shown: "40"
 */
const char *
cost_model_group_get_needed (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  return gtk_label_get_label (self->result_label);
}

/**
 * cost_model_group_get_explanation:
 *
 * Returns: the sizing formula with the values filled in; for an LLM sized
 *   by tokens its whole chain, one step a line
 */
const char *
cost_model_group_get_explanation (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  return self->explanation;
}

/**
 * cost_model_group_get_token_cost:
 *
 * Returns: (nullable): what a million prompt and answer tokens cost, as
 *   shown: "¥1.38 in · ¥5.46 out"; %NULL unless the model is an LLM sized
 *   by tokens
 */
const char *
cost_model_group_get_token_cost (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->token_cost_row)))
    return NULL;

  return gtk_label_get_label (self->token_cost_label);
}

/**
 * cost_model_group_get_warning:
 *
 * Returns: (nullable): why the model cannot be served as asked, and what
 *   would work; %NULL when it can
 */
const char *
cost_model_group_get_warning (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->warning_row)))
    return NULL;

  return adw_action_row_get_subtitle (self->warning_row);
}

/**
 * cost_model_group_get_chart:
 * @curve: the curve of throughput against latency rather than the memory bar
 *
 * Returns: (transfer none): the chart
 */
GtkWidget *
cost_model_group_get_chart (CostModelGroup *self,
                            gboolean        curve)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  return GTK_WIDGET (curve ? self->curve_chart : self->memory_chart);
}

/**
 * cost_model_group_get_reference:
 *
 * Returns: (nullable): the catalogue's reference throughput and its source,
 *   %NULL when the catalogue has none for the model
 */
const char *
cost_model_group_get_reference (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->reference_row)))
    return NULL;

  return adw_action_row_get_subtitle (self->reference_row);
}
