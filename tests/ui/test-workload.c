/* test-workload.c
 *
 * The workload page, the unit economics panel, the driven badge and the
 * catalogue dialog on the LLM search example, driven through their widgets.
 * Needs a display (the suite runs under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cost-catalogue-dialog.h"
#include "cost-driven-badge.h"
#include "cost-exchange-rate-dialog.h"
#include "cost-field-row.h"
#include "cost-format.h"
#include "cost-llm-chart.h"
#include "cost-model-group.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"
#include "cost-unit-economics-panel.h"
#include "cost-workload-page.h"

typedef struct
{
  CostDocument     *document;
  CostProject      *project;
  GtkWindow        *window;
  CostWorkloadPage *page;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("MODELCOST_EXAMPLES"), "llm-search.modelcost", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->document = cost_document_load (file, &error);
  g_assert_no_error (error);
  f->project = cost_document_get_project (f->document);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 900, 1400);
  f->page = COST_WORKLOAD_PAGE (cost_workload_page_new (f->document));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Dialogs the test left open go too. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  iterate ();
  g_object_unref (f->document);
}

static CostItem *
item (Fixture    *f,
      const char *id)
{
  CostItem *found = cost_project_find_item (f->project, id, NULL);

  g_assert_nonnull (found);

  return found;
}

static CostModelGroup *
model_group (Fixture    *f,
             const char *model_id)
{
  CostServedModel *model = cost_project_find_model (f->project, model_id, NULL);
  CostModelGroup *group;

  g_assert_nonnull (model);
  group = cost_workload_page_get_model_group (f->page, model);
  g_assert_nonnull (group);

  return group;
}

/* Types @text into the field and presses Enter, as a user would. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

  g_assert_true (GTK_IS_TEXT (delegate));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
  g_signal_emit_by_name (delegate, "activate");
}

/* The visible toplevel of exactly @type, if the page opened one. */
static GtkWidget *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_OBJECT_TYPE (l->data) == type && gtk_widget_get_visible (l->data))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* Fewer daily users typed into the page: the driven GPU counts follow, and so
 * does every formula shown. */
static void
test_users_drive_items (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *users = cost_workload_page_get_field (f->page, "daily-active-users");
  CostModelGroup *rewriter = model_group (f, "rewriter");
  g_autofree char *before = g_strdup (cost_workload_page_get_explanation (f->page));
  g_autofree char *sizing_before = g_strdup (cost_model_group_get_explanation (rewriter));
  g_autofree char *typed = cost_format_number (10000000, 0);

  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 294);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 104);
  g_assert_true (contains (before, "20,000,000 users"));
  g_assert_cmpstr (cost_model_group_get_needed (rewriter), ==, "294");

  type_into (users, typed);

  g_assert_null (cost_field_row_get_error (COST_FIELD_ROW (users)));
  g_assert_cmpfloat (cost_workload_get_daily_active_users (cost_project_get_workload (f->project)), ==, 1e7);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 148);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 54);

  g_assert_cmpstr (cost_workload_page_get_explanation (f->page), !=, before);
  g_assert_true (contains (cost_workload_page_get_explanation (f->page), "10,000,000 users"));
  g_assert_true (contains (cost_workload_page_get_explanation (f->page), "= 925.9 requests/s"));
  g_assert_cmpstr (cost_model_group_get_explanation (rewriter), !=, sizing_before);
  g_assert_true (contains (cost_model_group_get_explanation (rewriter), "⌈2,777.8 requests/s × 1 call"));
  g_assert_true (contains (cost_model_group_get_explanation (rewriter), "+ 2 spare = 148"));
  g_assert_cmpstr (cost_model_group_get_needed (rewriter), ==, "148");

  /* One step undoes the users and the counts they drove. */
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 294);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 104);
  g_assert_cmpstr (cost_workload_page_get_explanation (f->page), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (users)), ==, "20,000,000");
}

/* 150% is no utilisation: refused, shown as an error, the model unchanged. */
static void
test_invalid_utilisation (Fixture       *f,
                          gconstpointer  data)
{
  CostServedModel *ranker = cost_project_find_model (f->project, "ranker", NULL);
  GtkWidget *utilisation = cost_model_group_get_field (model_group (f, "ranker"), "utilisation");
  const char *error;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (utilisation)), ==, "60");

  type_into (utilisation, "150");

  error = cost_field_row_get_error (COST_FIELD_ROW (utilisation));
  g_assert_true (contains (error, "at most 100%"));
  g_assert_true (gtk_widget_has_css_class (utilisation, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (utilisation), ==, error);
  g_assert_cmpfloat (cost_served_model_get_value (ranker, "utilisation"), ==, 0.6);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 104);
  g_assert_false (cost_undo_stack_can_undo (cost_document_get_undo_stack (f->document)));

  type_into (utilisation, "80");
  g_assert_false (gtk_widget_has_css_class (utilisation, "error"));
  g_assert_cmpfloat (cost_served_model_get_value (ranker, "utilisation"), ==, 0.8);
  /* ⌈5,555.6 × 100 ÷ (18,709.1 × 0.8)⌉ × 2 + 4 */
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 80);
}

/* A new model and a GPU item it drives, each one step to undo and redo. */
static void
test_add_model_and_item (Fixture       *f,
                         gconstpointer  data)
{
  CostUndoStack *stack = cost_document_get_undo_stack (f->document);
  CostCategory *compute = cost_project_find_category (f->project, "compute", NULL);
  guint n_items = cost_category_get_n_items (compute);
  CostServedModel *model;
  CostModelGroup *group;
  CostItem *added;
  CostWorkloadValues workload;
  CostModelValues values;
  double rate;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "workload.add-model", NULL);
  g_assert_cmpuint (cost_project_get_n_models (f->project), ==, 3);
  model = cost_project_get_model (f->project, 2);
  group = cost_workload_page_get_model_group (f->page, model);
  g_assert_nonnull (group);
  /* Ready to size on the catalogue's first accelerator. */
  g_assert_cmpstr (cost_served_model_get_accelerator (model), ==, "H100 SXM");
  g_assert_cmpfloat (cost_served_model_get_value (model, "throughput"), ==, 63769.39);

  type_into (cost_model_group_get_field (group, "name"), "Embedding model");
  g_assert_cmpstr (cost_served_model_get_name (model), ==, "Embedding model");

  gtk_widget_activate_action (GTK_WIDGET (group), "model.add-item", NULL);
  g_assert_null (find_toplevel (COST_TYPE_EXCHANGE_RATE_DIALOG));
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, n_items + 1);
  added = cost_category_get_item (compute, n_items);
  g_assert_cmpstr (cost_item_get_driver (added), ==, cost_served_model_get_id (model));
  g_assert_cmpstr (cost_item_get_unit (added), ==, "GPU");
  g_assert_cmpstr (cost_item_get_name (added), ==, "Embedding model GPUs (H100 SXM)");
  g_assert_cmpuint (cost_item_get_period (added), ==, COST_PERIOD_HOUR);
  g_assert_true (cost_project_get_exchange_rate (f->project, "USD", &rate, NULL));
  /* The catalogue's first H100 price, 12.29 USD per GPU-hour, at 7.1. */
  g_assert_cmpfloat_with_epsilon (cost_item_get_unit_price (added), 12.29 * rate, 1e-9);
  g_assert_true (contains (cost_item_get_price_source (added), "Example price, date uncertain"));
  g_assert_true (contains (cost_item_get_price_source (added), "converted at 7.1 CNY per USD"));
  cost_sizing_effective_workload (f->project, NULL, &workload);
  cost_served_model_get_values (model, &values);
  g_assert_cmpfloat (cost_item_get_quantity (added), ==, cost_sizing_accelerators (&workload, &values));
  g_assert_cmpfloat (cost_item_get_quantity (added), ==, 1);
  g_assert_true (contains (cost_model_group_get_explanation (group), "= 1 accelerators"));

  /* Undo the item, the name, then the model. */
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, n_items);
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpstr (cost_served_model_get_name (model), ==, "New model");
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_project_get_n_models (f->project), ==, 2);
  g_assert_null (cost_workload_page_get_model_group (f->page, model));

  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpuint (cost_project_get_n_models (f->project), ==, 3);
  g_assert_nonnull (cost_workload_page_get_model_group (f->page, model));
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, n_items + 1);
  g_assert_cmpstr (cost_item_get_driver (cost_category_get_item (compute, n_items)), ==,
                   cost_served_model_get_id (model));

  /* Removing the model is one step too; its item keeps its count. */
  gtk_widget_activate_action (GTK_WIDGET (cost_workload_page_get_model_group (f->page, model)),
                              "model.remove", NULL);
  g_assert_cmpuint (cost_project_get_n_models (f->project), ==, 2);
  g_assert_null (cost_item_get_driver (cost_category_get_item (compute, n_items)));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpuint (cost_project_get_n_models (f->project), ==, 3);
  g_assert_true (cost_project_get_model (f->project, 2) == model);
  g_assert_cmpstr (cost_item_get_driver (cost_category_get_item (compute, n_items)), ==,
                   cost_served_model_get_id (model));
}

static guint
catalogue_position (const char *name)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();

  for (guint i = 0; i < cost_catalogue_get_n_accelerators (catalogue); i++)
    {
      if (g_str_equal (cost_catalogue_get_accelerator (catalogue, i)->name, name))
        return i;
    }

  g_assert_not_reached ();
}

/* An accelerator chosen from the catalogue fills the LLM throughput from
 * its MLPerf Llama-2-70B Server result, and the power from its TDP. */
static void
test_catalogue_fills_throughput (Fixture       *f,
                                 gconstpointer  data)
{
  CostServedModel *rewriter = cost_project_find_model (f->project, "rewriter", NULL);
  CostModelGroup *group = model_group (f, "rewriter");
  AdwComboRow *choice = ADW_COMBO_ROW (cost_model_group_get_field (group, "accelerator-choice"));
  GtkWidget *throughput = cost_model_group_get_field (group, "throughput");
  g_autofree char *h100 = cost_format_number (2700.72, 2);
  g_autofree char *mi300x = cost_format_number (2628.53, 2);

  /* Sized by a throughput instead of its tokens: the throughput comes from
   * the reference */
  g_assert_cmpuint (adw_combo_row_get_selected (choice), ==, catalogue_position ("H100 SXM"));
  g_assert_null (cost_model_group_get_reference (group));
  g_assert_false (gtk_widget_get_visible (throughput));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cost_model_group_get_field (group, "kind")), COST_MODEL_LLM);
  g_assert_cmpint (cost_served_model_get_kind (rewriter), ==, COST_MODEL_LLM);
  g_assert_true (gtk_widget_get_visible (throughput));
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "throughput"), ==, 2700.72);
  g_assert_true (contains (cost_model_group_get_reference (group), "MLPerf llama2-70b-99, Server, v4.1"));
  g_assert_true (cost_served_model_set_value (rewriter, "work_per_request", 40, NULL));

  adw_combo_row_set_selected (choice, catalogue_position ("MI300X"));
  g_assert_cmpstr (cost_served_model_get_accelerator (rewriter), ==, "MI300X");
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "throughput"), ==, 2628.53);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "power_watts"), ==, 750);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (throughput)), ==, mi300x);

  adw_combo_row_set_selected (choice, catalogue_position ("H100 SXM"));
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "throughput"), ==, 2700.72);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "power_watts"), ==, 700);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (throughput)), ==, h100);
  g_assert_true (contains (cost_model_group_get_explanation (group), "2,700.72 tokens/s"));
  /* ⌈5,555.6 × 40 ÷ (2,700.72 × 0.6)⌉ × 2 + 2 */
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 278);

  /* Each choice is one step. */
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpstr (cost_served_model_get_accelerator (rewriter), ==, "MI300X");
  g_assert_cmpuint (adw_combo_row_get_selected (choice), ==, catalogue_position ("MI300X"));
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "throughput"), ==, 2628.53);

  /* Custom keeps the figures and asks for a name. */
  adw_combo_row_set_selected (choice, cost_catalogue_get_n_accelerators (cost_catalogue_get_default ()));
  g_assert_cmpstr (cost_served_model_get_accelerator (rewriter), ==, "");
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "throughput"), ==, 2628.53);
  g_assert_true (gtk_widget_get_visible (cost_model_group_get_field (group, "accelerator")));
  g_assert_null (cost_model_group_get_reference (group));
}

/* The answer grows from 40 to 400 tokens: more GPUs, and a million tokens
 * cost what their GPU time does; the chain, the memory bar and the curve
 * follow, and one step undoes it. */
static void
test_llm_answer_tokens (Fixture       *f,
                        gconstpointer  data)
{
  CostModelGroup *group = model_group (f, "rewriter");
  GtkWidget *answer = cost_model_group_get_field (group, "output-tokens");
  CostLlmChart *memory = COST_LLM_CHART (cost_model_group_get_chart (group, FALSE));
  CostLlmChart *curve = COST_LLM_CHART (cost_model_group_get_chart (group, TRUE));
  g_autofree char *memory_before = g_strdup (cost_llm_chart_get_description (memory));
  g_autofree char *curve_before = g_strdup (cost_llm_chart_get_description (curve));
  g_autofree char *typed = cost_format_number (400, 0);

  g_assert_true (gtk_widget_get_visible (answer));
  g_assert_false (gtk_widget_get_visible (cost_model_group_get_field (group, "throughput")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (answer)), ==, "40");
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "294");
  g_assert_cmpstr (cost_model_group_get_token_cost (group), ==, "¥1.38 in · ¥5.46 out");
  g_assert_null (cost_model_group_get_warning (group));
  g_assert_true (contains (cost_model_group_get_explanation (group), "Per request: 57.3 kB × (300 + 40 tokens)"));
  g_assert_true (contains (cost_llm_chart_get_description (curve), "51 at a time"));

  type_into (answer, typed);

  g_assert_null (cost_field_row_get_error (COST_FIELD_ROW (answer)));
  g_assert_cmpfloat (cost_served_model_get_value (cost_model_group_get_model (group), "output_tokens"), ==, 400);
  /* 296 requests at a time serve 41.72 a second (more would add latency,
   * not throughput): ⌈5,555.6 ÷ (41.72 × 60%)⌉ = 222 × 2 + 2 */
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "446");
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 446);
  /* Answer tokens share a step among 296 sequences: cheaper each */
  g_assert_cmpstr (cost_model_group_get_token_cost (group), ==, "¥1.38 in · ¥1.38 out");
  g_assert_true (contains (cost_model_group_get_explanation (group), "Per request: 57.3 kB × (300 + 400 tokens)"));
  g_assert_cmpstr (cost_llm_chart_get_description (memory), !=, memory_before);
  g_assert_cmpstr (cost_llm_chart_get_description (curve), !=, curve_before);
  g_assert_true (contains (cost_llm_chart_get_description (curve), "296 at a time"));

  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (answer)), ==, "40");
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "294");
  g_assert_cmpstr (cost_model_group_get_token_cost (group), ==, "¥1.38 in · ¥5.46 out");
  g_assert_cmpstr (cost_llm_chart_get_description (curve), ==, curve_before);

  /* Refused: no answer at all */
  type_into (answer, "0");
  g_assert_true (contains (cost_field_row_get_error (COST_FIELD_ROW (answer)), "Answer tokens must be"));
  g_assert_cmpfloat (cost_served_model_get_value (cost_model_group_get_model (group), "output_tokens"), ==, 40);
}

/* Another GPU of the catalogue brings its memory, bandwidth and FLOPS, and
 * its power, in one step. */
static void
test_llm_accelerator (Fixture       *f,
                      gconstpointer  data)
{
  CostModelGroup *group = model_group (f, "rewriter");
  CostServedModel *rewriter = cost_model_group_get_model (group);
  AdwComboRow *choice = ADW_COMBO_ROW (cost_model_group_get_field (group, "accelerator-choice"));

  adw_combo_row_set_selected (choice, catalogue_position ("MI300X"));
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "gpu_memory_gb"), ==, 192);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "gpu_bandwidth_tbs"), ==, 5.3);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "gpu_bf16_tflops"), ==, 1307);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "gpu_int8_tops"), ==, 2615);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "power_watts"), ==, 750);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost_model_group_get_field (group, "gpu-memory-gb"))), ==, "192");
  /* 99.49 requests/s a GPU at 79 sequences: 94 × 2 + 2 */
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "190");

  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpstr (cost_served_model_get_accelerator (rewriter), ==, "H100 SXM");
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "gpu_memory_gb"), ==, 80);
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "294");
}

/* Llama-3.1-70B in BF16 does not fit on one H100: the page says so, and
 * what would work; one click takes the suggestion. */
static void
test_llm_does_not_fit (Fixture       *f,
                       gconstpointer  data)
{
  CostModelGroup *group = model_group (f, "rewriter");
  CostServedModel *rewriter = cost_model_group_get_model (group);
  AdwComboRow *preset = ADW_COMBO_ROW (cost_model_group_get_field (group, "preset"));
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  guint position = G_MAXUINT;
  const char *warning;

  for (guint i = 0; i < cost_catalogue_get_n_llm_models (catalogue); i++)
    {
      if (g_str_equal (cost_catalogue_get_llm_model (catalogue, i)->name, "Llama-3.1-70B"))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  adw_combo_row_set_selected (preset, position);
  g_assert_cmpstr (cost_served_model_get_preset (rewriter), ==, "Llama-3.1-70B");
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "params_b"), ==, 70.6);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "layers"), ==, 80);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "kv_heads"), ==, 8);

  warning = cost_model_group_get_warning (group);
  g_assert_true (contains (warning, "The model does not fit"));
  g_assert_true (contains (warning, "141.2 GB"));
  g_assert_true (contains (warning, "GPUs per replica."));
  /* Only the spares, and no price for its tokens */
  g_assert_cmpstr (cost_model_group_get_needed (group), ==, "2");
  g_assert_cmpstr (cost_model_group_get_token_cost (group), ==, "—");
  g_assert_true (contains (cost_llm_chart_get_description (COST_LLM_CHART (cost_model_group_get_chart (group, FALSE))),
                           "short by"));

  gtk_widget_activate_action (GTK_WIDGET (group), "model.use-suggested-tp", NULL);
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "tensor_parallel"), >, 1);
  g_assert_null (cost_model_group_get_warning (group));
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), >, 294);

  /* Undone, the preset and its figures go back in their own step */
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_nonnull (cost_model_group_get_warning (group));
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpstr (cost_served_model_get_preset (rewriter), ==, "Qwen2.5-7B");
  g_assert_cmpfloat (cost_served_model_get_value (rewriter, "params_b"), ==, 7.62);
  g_assert_null (cost_model_group_get_warning (group));
}

/* Cost per 1,000 requests and the other unit figures; "—" and why when there
 * is no traffic. */
static void
test_unit_economics (Fixture       *f,
                     gconstpointer  data)
{
  CostUnitEconomicsPanel *panel = COST_UNIT_ECONOMICS_PANEL (cost_unit_economics_panel_new ());
  CostWorkload *workload = cost_project_get_workload (f->project);
  g_autofree char *per_1k = NULL;

  g_object_ref_sink (panel);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  cost_unit_economics_panel_set_project (panel, f->project);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));

  /* 22,054,370.42 a month ÷ 4,866,666,667 requests × 1,000 = 4.5317 */
  per_1k = cost_format_money_small (4.531720, "CNY");
  g_assert_cmpstr (per_1k, ==, "¥4.53");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_1K_REQUESTS), ==, "¥4.53");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_USER), ==, "¥1.10");
  /* 300 + 40 tokens a request */
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_1M_TOKENS), ==, "¥13.33");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PEAK_QPS), ==, "5,555.6 requests/s");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_ACCELERATORS), ==, "398");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_COMPUTE_SHARE), ==, "97.5%");
  g_assert_true (contains (cost_unit_economics_panel_get_detail (panel, COST_UNIT_FIGURE_PER_1K_REQUESTS),
                           "¥22,054,370 a month"));

  /* The scenario of three times the users. */
  cost_unit_economics_panel_set_scenario (panel, cost_project_find_scenario (f->project, "traffic-3x", NULL));
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PEAK_QPS), ==, "16,666.7 requests/s");
  cost_unit_economics_panel_set_scenario (panel, NULL);

  /* No users: nothing to divide by. */
  type_into (cost_workload_page_get_field (f->page, "daily-active-users"), "0");
  g_assert_cmpfloat (cost_workload_get_daily_active_users (workload), ==, 0);
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_1K_REQUESTS), ==, "—");
  g_assert_true (contains (cost_unit_economics_panel_get_detail (panel, COST_UNIT_FIGURE_PER_1K_REQUESTS),
                           "No daily active users"));
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_USER), ==, "—");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_1M_TOKENS), ==, "—");
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PEAK_QPS), ==, "—");
  /* Only the spare accelerators remain: 2 + 4. */
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_ACCELERATORS), ==, "6");

  /* Without a workload the panel has nothing to show. */
  cost_project_set_workload (f->project, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));

  g_object_unref (panel);
}

/* The first button of the badge's popover that reads "_Unlink". */
/* Orders and GMV typed in the workload form: the cost per order and as a
 * share of GMV show on the panel; undo takes them away again. */
static void
test_business_ratios (Fixture       *f,
                      gconstpointer  data)
{
  CostUnitEconomicsPanel *panel = COST_UNIT_ECONOMICS_PANEL (cost_unit_economics_panel_new ());
  CostUndoStack *stack = cost_document_get_undo_stack (f->document);
  CostWorkload *workload = cost_project_get_workload (f->project);
  GtkWidget *orders = cost_workload_page_get_field (f->page, "orders-per-month");
  GtkWidget *gmv = cost_workload_page_get_field (f->page, "gmv-per-month");

  g_object_ref_sink (panel);
  cost_unit_economics_panel_set_project (panel, f->project);

  /* Not entered: empty fields, no tiles */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (orders)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gmv)), ==, "");
  g_assert_false (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_ORDER));
  g_assert_false (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_GMV_SHARE));
  g_assert_true (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_1K_REQUESTS));

  /* A bad figure is refused, says why, and changes nothing */
  type_into (orders, "-5");
  g_assert_true (contains (cost_field_row_get_error (COST_FIELD_ROW (orders)), "Orders per month must be"));
  g_assert_cmpfloat (cost_workload_get_orders_per_month (workload), ==, 0);

  /* Typed in the locale's notation */
  type_into (orders, "3,000,000");
  iterate ();
  type_into (gmv, "1,500,000,000");
  iterate ();
  g_assert_null (cost_field_row_get_error (COST_FIELD_ROW (orders)));
  g_assert_cmpfloat (cost_workload_get_orders_per_month (workload), ==, 3e6);
  g_assert_cmpfloat (cost_workload_get_gmv_per_month (workload), ==, 1.5e9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gmv)), ==, "1,500,000,000");

  /* 22,054,370.42 a month ÷ 3,000,000 orders = 7.3515 */
  g_assert_true (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_ORDER));
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_ORDER), ==, "¥7.35");
  g_assert_true (contains (cost_unit_economics_panel_get_detail (panel, COST_UNIT_FIGURE_PER_ORDER),
                           "¥22,054,370 a month ÷ "));
  /* 22,054,370.42 ÷ 1,500,000,000 = 1.4703% */
  g_assert_true (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_GMV_SHARE));
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_GMV_SHARE), ==, "1.47%");
  g_assert_true (contains (cost_unit_economics_panel_get_detail (panel, COST_UNIT_FIGURE_GMV_SHARE), "GMV"));

  /* Each edit is a step: undone, the GMV goes, then the orders */
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (cost_workload_get_gmv_per_month (workload), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gmv)), ==, "");
  g_assert_false (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_GMV_SHARE));
  g_assert_true (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_ORDER));
  g_assert_true (cost_undo_stack_undo (stack));
  g_assert_cmpfloat (cost_workload_get_orders_per_month (workload), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (orders)), ==, "");
  g_assert_false (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_ORDER));

  /* Redone, and emptied by hand: not entered again */
  g_assert_true (cost_undo_stack_redo (stack));
  g_assert_cmpstr (cost_unit_economics_panel_get_value (panel, COST_UNIT_FIGURE_PER_ORDER), ==, "¥7.35");
  type_into (orders, "");
  g_assert_cmpfloat (cost_workload_get_orders_per_month (workload), ==, 0);
  g_assert_false (cost_unit_economics_panel_is_shown (panel, COST_UNIT_FIGURE_PER_ORDER));

  g_object_unref (panel);
}

static GtkWidget *
find_unlink_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Unlink") == 0)
    return widget;

  if (GTK_IS_MENU_BUTTON (widget))
    return find_unlink_button (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_unlink_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_cb (GtkWidget *widget,
          guint     *count)
{
  (*count)++;
}

/* "Driven by …" with its formula; unlinking keeps the count and is undoable. */
static void
test_driven_badge (Fixture       *f,
                   gconstpointer  data)
{
  CostItem *gpus = item (f, "rewriter-gpus");
  CostItem *storage = item (f, "index-storage");
  GtkWidget *badge = cost_driven_badge_new (gpus, f->project);
  GtkWidget *plain = cost_driven_badge_new (storage, f->project);
  GtkWidget *unlink;
  guint unlinked = 0;

  g_object_ref_sink (badge);
  g_object_ref_sink (plain);
  cost_driven_badge_set_undo_stack (COST_DRIVEN_BADGE (badge), cost_document_get_undo_stack (f->document));
  g_signal_connect (badge, "unlinked", G_CALLBACK (count_cb), &unlinked);

  g_assert_false (gtk_widget_get_visible (plain));
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (cost_driven_badge_get_label (COST_DRIVEN_BADGE (badge)), ==, "Driven by Query rewriting LLM");
  g_assert_true (contains (cost_driven_badge_get_formula (COST_DRIVEN_BADGE (badge)), "+ 2 spare = 294"));

  /* The formula follows the traffic. */
  type_into (cost_workload_page_get_field (f->page, "daily-active-users"), "10000000");
  g_assert_true (contains (cost_driven_badge_get_formula (COST_DRIVEN_BADGE (badge)), "+ 2 spare = 148"));

  unlink = find_unlink_button (badge);
  g_assert_nonnull (unlink);
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_cmpuint (unlinked, ==, 1);
  g_assert_null (cost_item_get_driver (gpus));
  g_assert_cmpfloat (cost_item_get_quantity (gpus), ==, 148);
  g_assert_false (gtk_widget_get_visible (badge));

  /* No longer driven: more users leave it alone. */
  type_into (cost_workload_page_get_field (f->page, "daily-active-users"), "20000000");
  g_assert_cmpfloat (cost_item_get_quantity (gpus), ==, 148);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 104);

  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpstr (cost_item_get_driver (gpus), ==, "rewriter");
  g_assert_true (gtk_widget_get_visible (badge));

  g_object_unref (badge);
  g_object_unref (plain);
}

/* A catalogue price in dollars without a dollar rate: the page asks for one,
 * with its date, and prices the item with it. */
static void
test_asks_for_rate (Fixture       *f,
                    gconstpointer  data)
{
  CostCategory *compute = cost_project_find_category (f->project, "compute", NULL);
  guint n_items = cost_category_get_n_items (compute);
  CostExchangeRateDialog *dialog;
  CostItem *added;
  const char *as_of = NULL;
  double rate = 0;

  g_assert_true (cost_project_set_exchange_rate (f->project, "USD", 0, NULL, NULL));
  g_assert_false (cost_project_get_exchange_rate (f->project, "USD", NULL, NULL));

  gtk_widget_activate_action (GTK_WIDGET (model_group (f, "ranker")), "model.add-item", NULL);
  dialog = COST_EXCHANGE_RATE_DIALOG (find_toplevel (COST_TYPE_EXCHANGE_RATE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, n_items);

  g_assert_false (cost_exchange_rate_dialog_set_values (dialog, NULL, "seven", "2026-12-01"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (cost_exchange_rate_dialog_set_values (dialog, NULL, "7.2", "December"));
  g_assert_true (cost_exchange_rate_dialog_set_values (dialog, NULL, "7.2", "2026-12-01"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");

  g_assert_true (cost_project_get_exchange_rate (f->project, "USD", &rate, &as_of));
  g_assert_cmpfloat (rate, ==, 7.2);
  g_assert_cmpstr (as_of, ==, "2026-12-01");
  g_assert_cmpuint (cost_category_get_n_items (compute), ==, n_items + 1);
  added = cost_category_get_item (compute, n_items);
  g_assert_cmpstr (cost_item_get_driver (added), ==, "ranker");
  /* The A100 80GB example price: 5.12 USD per GPU-hour. */
  g_assert_cmpfloat_with_epsilon (cost_item_get_unit_price (added), 5.12 * 7.2, 1e-9);
  g_assert_true (contains (cost_item_get_price_source (added), "rate as of 2026-12-01"));
  g_assert_cmpfloat (cost_item_get_quantity (added), ==, 104);
}

/* Switching the traffic off asks, unlinks the driven items with their
 * counts, and undoes as one step. */
static void
test_remove_workload (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *toggle = cost_workload_page_get_field (f->page, "describe-traffic");
  CostWorkload *workload = cost_project_get_workload (f->project);
  AdwMessageDialog *dialog;

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (cost_project_get_workload (f->project) == workload);

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (cost_project_get_workload (f->project) == workload);

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "remove");
  g_assert_null (cost_project_get_workload (f->project));
  g_assert_null (cost_item_get_driver (item (f, "rewriter-gpus")));
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 294);
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "ranker-gpus")), ==, 104);
  g_assert_false (gtk_widget_get_visible (cost_workload_page_get_field (f->page, "daily-active-users")));

  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_true (cost_project_get_workload (f->project) == workload);
  g_assert_cmpstr (cost_item_get_driver (item (f, "rewriter-gpus")), ==, "rewriter");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_get_visible (cost_workload_page_get_field (f->page, "daily-active-users")));

  /* Typing goes to the workload restored by undo. */
  type_into (cost_workload_page_get_field (f->page, "daily-active-users"), "10000000");
  g_assert_cmpfloat (cost_item_get_quantity (item (f, "rewriter-gpus")), ==, 148);
}

/* A power line at the price typed; its energy follows the PUE. */
static void
test_power_line (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *price = cost_workload_page_get_field (f->page, "electricity-price");
  CostCategory *operations = cost_project_find_category (f->project, "operations", NULL);
  guint n_items = cost_category_get_n_items (operations);
  CostItem *power;

  /* Nothing typed yet: refused, nothing added. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "workload.add-power-line", NULL);
  g_assert_true (gtk_widget_has_css_class (price, "error"));
  g_assert_cmpuint (cost_category_get_n_items (operations), ==, n_items);

  type_into (price, "0.8");
  g_assert_cmpuint (cost_category_get_n_items (operations), ==, n_items + 1);
  power = cost_category_get_item (operations, n_items);
  g_assert_cmpstr (cost_item_get_driver (power), ==, "power");
  g_assert_cmpstr (cost_item_get_unit (power), ==, "kWh");
  g_assert_cmpfloat (cost_item_get_unit_price (power), ==, 0.8);
  /* (294 × 700 W + 104 × 400 W) ÷ 1,000 × 1.3 × 730 h */
  g_assert_cmpfloat_with_epsilon (cost_item_get_quantity (power), 234782.6, 1e-6);
  g_assert_false (gtk_widget_get_visible (price));

  type_into (cost_workload_page_get_field (f->page, "pue"), "1.5");
  g_assert_cmpfloat (cost_project_get_pue (f->project), ==, 1.5);
  g_assert_cmpfloat_with_epsilon (cost_item_get_quantity (power), 270903, 1e-6);

  g_assert_true (cost_undo_stack_undo (cost_document_get_undo_stack (f->document)));
  g_assert_cmpfloat (cost_project_get_pue (f->project), ==, 1.3);
  g_assert_cmpfloat_with_epsilon (cost_item_get_quantity (power), 234782.6, 1e-6);
}

/* The project's exchange rates: added with their date, edited, and removed
 * after a question. */
static void
test_exchange_rates (Fixture       *f,
                     gconstpointer  data)
{
  CostExchangeRateDialog *dialog;
  AdwMessageDialog *question;
  const char *as_of = NULL;
  double rate = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "workload.add-rate", NULL);
  dialog = COST_EXCHANGE_RATE_DIALOG (find_toplevel (COST_TYPE_EXCHANGE_RATE_DIALOG));
  g_assert_nonnull (dialog);
  /* The project's own currency needs no rate. */
  g_assert_false (cost_exchange_rate_dialog_set_values (dialog, "cny", "1", "2026-12-01"));
  g_assert_true (cost_exchange_rate_dialog_set_values (dialog, "eur", "7.8", "2026-12-01"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_true (cost_project_get_exchange_rate (f->project, "EUR", &rate, &as_of));
  g_assert_cmpfloat (rate, ==, 7.8);
  g_assert_cmpstr (as_of, ==, "2026-12-01");
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (f->page), "workload.edit-rate", "s", "USD");
  dialog = COST_EXCHANGE_RATE_DIALOG (find_toplevel (COST_TYPE_EXCHANGE_RATE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (cost_exchange_rate_dialog_set_values (dialog, NULL, "7.15", "2026-11-20"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (cost_project_get_exchange_rate (f->project, "USD", &rate, NULL));
  g_assert_cmpfloat (rate, ==, 7.1);
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (f->page), "workload.remove-rate", "s", "USD");
  question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "remove");
  g_assert_false (cost_project_get_exchange_rate (f->project, "USD", NULL, NULL));
  g_assert_true (cost_project_get_exchange_rate (f->project, "EUR", NULL, NULL));
}

/* The catalogue dialog lists every accelerator; with a malformed user
 * catalogue (in the subprocess) its banner says what is wrong. */
static void
test_catalogue_dialog (void)
{
  CostCatalogueDialog *dialog;

  if (g_test_subprocess ())
    {
      g_test_expect_message ("cost-catalogue", G_LOG_LEVEL_WARNING, "*gpu-catalogue.json*");
      dialog = COST_CATALOGUE_DIALOG (cost_catalogue_dialog_new (NULL, NULL));
      g_test_assert_expected_messages ();

      g_assert_true (contains (cost_catalogue_dialog_get_error (dialog), "gpu-catalogue.json"));
      g_assert_true (contains (cost_catalogue_dialog_get_error (dialog), "accelerators[0]"));
      g_assert_cmpuint (cost_catalogue_dialog_get_n_rows (dialog), ==, 10);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  dialog = COST_CATALOGUE_DIALOG (cost_catalogue_dialog_new (NULL, NULL));
  g_assert_null (cost_catalogue_dialog_get_error (dialog));
  g_assert_cmpuint (cost_catalogue_dialog_get_n_rows (dialog), ==, 10);
  gtk_window_destroy (GTK_WINDOW (dialog));

  {
    g_autofree char *config = g_dir_make_tmp ("modelcost-config-XXXXXX", NULL);
    g_autofree char *dir = g_build_filename (config, "modelcost", NULL);
    g_autofree char *path = g_build_filename (dir, "gpu-catalogue.json", NULL);

    g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "{\"format\": \"modelcost-catalogue\", "
                                              "\"accelerators\": [{\"id\": \"x\"}]}", -1, NULL));
    g_setenv ("MODELCOST_TEST_CONFIG_HOME", config, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_unsetenv ("MODELCOST_TEST_CONFIG_HOME");
    g_remove (path);
    g_rmdir (dir);
    g_rmdir (config);
    g_test_trap_assert_passed ();
  }
}

/* Renders @widget, in its window, into a PNG of the build directory, and
 * returns how many pixels differ from the top-left one (the background). */
static guint
render (GtkWidget  *widget,
        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint differing = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 1; i < width * height; i++)
    differing += memcmp (pixels + i * 4, pixels, 4) != 0;

  return differing;
}

/* The page and the panel draw: text and cards, not an empty area. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *panel = cost_unit_economics_panel_new ();
  GtkWidget *content;

  cost_unit_economics_panel_set_project (COST_UNIT_ECONOMICS_PANEL (panel), f->project);
  gtk_widget_set_margin_top (panel, 12);
  gtk_widget_set_margin_bottom (panel, 12);
  gtk_widget_set_margin_start (panel, 12);
  gtk_widget_set_margin_end (panel, 12);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, -1);
  adw_window_set_content (ADW_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_height (panel) == 0 || gtk_widget_get_height (GTK_WIDGET (f->page)) == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  /* The whole content of the page, not only what its window shows. */
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (
    GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (f->page))))));
  g_assert_cmpuint (render (content, "workload-page.png"), >, 10000);
  g_assert_cmpuint (render (panel, "unit-economics.png"), >, 5000);
}

int
main (int   argc,
      char *argv[])
{
  const char *config = g_getenv ("MODELCOST_TEST_CONFIG_HOME");
  g_autofree char *home = NULL;
  int status;

  /* The catalogue is read from a throwaway configuration directory (one
   * with a malformed catalogue in the subprocess), not the user's. */
  if (config == NULL)
    config = home = g_dir_make_tmp ("modelcost-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");

  g_test_add ("/ui/workload/users-drive-items", Fixture, NULL, fixture_set_up, test_users_drive_items, fixture_tear_down);
  g_test_add ("/ui/workload/invalid-utilisation", Fixture, NULL, fixture_set_up, test_invalid_utilisation, fixture_tear_down);
  g_test_add ("/ui/workload/add-model-and-item", Fixture, NULL, fixture_set_up, test_add_model_and_item, fixture_tear_down);
  g_test_add ("/ui/workload/catalogue-fills-throughput", Fixture, NULL, fixture_set_up, test_catalogue_fills_throughput, fixture_tear_down);
  g_test_add ("/ui/workload/llm-answer-tokens", Fixture, NULL, fixture_set_up, test_llm_answer_tokens, fixture_tear_down);
  g_test_add ("/ui/workload/llm-accelerator", Fixture, NULL, fixture_set_up, test_llm_accelerator, fixture_tear_down);
  g_test_add ("/ui/workload/llm-does-not-fit", Fixture, NULL, fixture_set_up, test_llm_does_not_fit, fixture_tear_down);
  g_test_add ("/ui/workload/unit-economics", Fixture, NULL, fixture_set_up, test_unit_economics, fixture_tear_down);
  g_test_add ("/ui/workload/business-ratios", Fixture, NULL, fixture_set_up, test_business_ratios, fixture_tear_down);
  g_test_add ("/ui/workload/driven-badge", Fixture, NULL, fixture_set_up, test_driven_badge, fixture_tear_down);
  g_test_add ("/ui/workload/asks-for-rate", Fixture, NULL, fixture_set_up, test_asks_for_rate, fixture_tear_down);
  g_test_add ("/ui/workload/remove-workload", Fixture, NULL, fixture_set_up, test_remove_workload, fixture_tear_down);
  g_test_add ("/ui/workload/power-line", Fixture, NULL, fixture_set_up, test_power_line, fixture_tear_down);
  g_test_add ("/ui/workload/exchange-rates", Fixture, NULL, fixture_set_up, test_exchange_rates, fixture_tear_down);
  g_test_add_func ("/ui/workload/catalogue-dialog", test_catalogue_dialog);
  g_test_add ("/ui/workload/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  status = g_test_run ();

  if (home != NULL)
    g_rmdir (home);

  return status;
}
