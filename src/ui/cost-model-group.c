/* cost-model-group.c
 *
 * One served model on the workload page: what it is, the accelerator it
 * runs on, what sizing needs of it, and the accelerators it takes, with the
 * formula filled in, updated on every change. Choosing an accelerator of
 * the catalogue fills the throughput from its MLPerf reference for the kind
 * of model, and the power from its TDP; each choice is one undoable step.
 *
 * Adding a cost item and removing the model are the page's to do: the
 * group emits ::add-item and ::remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-model-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cost-catalogue.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-model-group.h"
#include "cost-names.h"
#include "cost-project-sizing.h"

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
  CostFieldRow        *work_row;
  CostFieldRow        *utilisation_row;
  CostFieldRow        *spare_row;
  CostFieldRow        *replicas_row;
  CostFieldRow        *power_row;
  AdwActionRow        *result_row;
  GtkLabel            *result_label;
  AdwActionRow        *items_row;

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

/* The accelerators the model takes for the project's traffic, and the items it sizes. */
static void
update_result (CostModelGroup *self)
{
  CostProject *project = project_of (self);
  const char *id = cost_served_model_get_id (self->model);
  CostWorkloadValues workload;
  CostModelValues values;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *needed = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *items = NULL;

  cost_sizing_effective_workload (project, NULL, &workload);
  cost_served_model_get_values (self->model, &values);
  needed = cost_format_number (cost_sizing_accelerators (&workload, &values), 0);
  explanation = cost_sizing_explain (&workload, &values);
  gtk_label_set_label (self->result_label, needed);
  adw_action_row_set_subtitle (self->result_row, explanation);

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
}

/* Shows the model's kind and accelerator, and the titles that depend on them. */
static void
sync_from_model (CostModelGroup *self)
{
  gboolean llm = cost_served_model_get_kind (self->model) == COST_MODEL_LLM;
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
  adw_combo_row_set_selected (self->kind_row, llm ? 1 : 0);
  adw_combo_row_set_selected (self->accelerator_row, position);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), accelerator == NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->throughput_row),
                                 llm ? _("Throughput per Accelerator (tokens/s)") :
                                       _("Throughput per Accelerator (samples/s)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->work_row),
                                 llm ? _("Tokens per Request") : _("Candidates Scored per Request"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   name[0] != '\0' ? name : _("Unnamed Model"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         llm ? _("An LLM: sized by the tokens it generates a second") :
                                               _("A ranking model: sized by the candidates it scores a second"));
  update_reference (self);
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

  if (reference != NULL)
    cost_served_model_set_value (self->model, "throughput", reference->value, NULL);
  if (power && accelerator != NULL && accelerator->tdp_w > 0)
    cost_served_model_set_value (self->model, "power_watts", accelerator->tdp_w, NULL);
}

static void
on_kind_selected_cb (CostModelGroup *self)
{
  CostUndoStack *stack;

  if (self->syncing || self->model == NULL)
    return;

  stack = cost_document_get_undo_stack (self->document);
  cost_undo_stack_begin (stack);
  cost_served_model_set_kind (self->model, adw_combo_row_get_selected (self->kind_row) == 1 ?
                                           COST_MODEL_LLM : COST_MODEL_RANKING);
  fill_from_catalogue (self, FALSE);
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
  gtk_widget_class_install_action (widget_class, "model.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "model.remove", NULL, remove_action);

  g_type_ensure (COST_TYPE_FIELD_ROW);
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
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_accelerator_selected_cb);
}

static void
cost_model_group_init (CostModelGroup *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
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
 * Returns: the sizing formula with the values filled in
 */
const char *
cost_model_group_get_explanation (CostModelGroup *self)
{
  g_return_val_if_fail (COST_IS_MODEL_GROUP (self), NULL);

  return adw_action_row_get_subtitle (self->result_row);
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
