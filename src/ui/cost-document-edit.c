/* cost-document-edit.c
 *
 * The edits the window makes to a document, as commands: each is one
 * undoable step (one CostProject::changed), and decides what the edit
 * means where a widget would otherwise: with a scenario shown, deleting a
 * baseline item leaves it out of the scenario; a GPU item gets its price
 * from the catalogue, converted to the project's currency. The widgets
 * call these and keep to focus, selection and toasts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cost-catalogue.h"
#include "cost-color-swatch.h"
#include "cost-document.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-sizing.h"
#include "cost-ranges.h"

/* A view has no undo stack: its edits (made by tests) are not recorded. */
void
_cost_document_begin_step (CostDocument *self)
{
  CostUndoStack *stack = cost_document_get_undo_stack (self);

  if (stack != NULL)
    cost_undo_stack_begin (stack);
}

void
_cost_document_end_step (CostDocument *self)
{
  CostUndoStack *stack = cost_document_get_undo_stack (self);

  if (stack != NULL)
    cost_undo_stack_end (stack);
}

/* An item only @scenario has, and the category it is in. */
static CostItem *
find_added_item (CostDocument  *self,
                 CostScenario  *scenario,
                 const char    *id,
                 CostCategory **category)
{
  for (guint i = 0; scenario != NULL && i < cost_scenario_get_n_added_items (scenario); i++)
    {
      const char *category_id;
      CostItem *item = cost_scenario_get_added_item (scenario, i, &category_id);

      if (g_strcmp0 (cost_item_get_id (item), id) == 0)
        {
          if (category != NULL)
            *category = cost_project_find_category (cost_document_get_project (self), category_id, NULL);
          return item;
        }
    }

  return NULL;
}

/**
 * cost_document_find_item:
 * @scenario: (nullable): the scenario whose own items to look at too
 * @category: (out) (optional) (transfer none): the item's category
 *
 * Returns: (transfer none) (nullable): the item of @id, in the project or
 *   only in @scenario
 */
CostItem *
cost_document_find_item (CostDocument  *self,
                         const char    *item_id,
                         CostScenario  *scenario,
                         CostCategory **category)
{
  CostCategory *found = NULL;
  CostItem *item;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  item = cost_project_find_item (cost_document_get_project (self), item_id, &found);
  if (item == NULL)
    item = find_added_item (self, scenario, item_id, &found);
  if (category != NULL)
    *category = found;

  return item;
}

/* The first palette colour no category has yet. */
static char *
unused_color (CostProject *project)
{
  guint n = cost_project_get_n_categories (project);

  for (guint i = 0; i < cost_palette_get_n_colors (); i++)
    {
      g_autofree char *candidate = cost_palette_dup_color (i);
      gboolean used = FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autofree char *own = cost_palette_resolve (cost_category_get_color (cost_project_get_category (project, j)), j);

          used = used || g_ascii_strcasecmp (own, candidate) == 0;
        }
      if (!used)
        return g_steal_pointer (&candidate);
    }

  return cost_palette_dup_color (n);
}

static CostCategory *
add_category (CostDocument *self)
{
  CostProject *project = cost_document_get_project (self);
  g_autoptr(CostCategory) category = cost_category_new (NULL, _("New Category"));
  g_autofree char *color = unused_color (project);

  cost_category_set_color (category, color, NULL);
  cost_project_add_category (project, category);

  return category;
}

/**
 * cost_document_add_category:
 *
 * Adds "New Category" at the end, in the first palette colour no category
 * has yet.
 *
 * Returns: (transfer none): the category
 */
CostCategory *
cost_document_add_category (CostDocument *self)
{
  CostCategory *category;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  _cost_document_begin_step (self);
  category = add_category (self);
  _cost_document_end_step (self);

  return category;
}

/**
 * cost_document_delete_category:
 * @position: (out) (optional): where it was
 *
 * Returns: whether @category was the project's, and is deleted
 */
gboolean
cost_document_delete_category (CostDocument *self,
                               CostCategory *category,
                               guint        *position)
{
  CostProject *project;
  guint found;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (COST_IS_CATEGORY (category), FALSE);

  project = cost_document_get_project (self);
  if (!cost_project_find_category (project, cost_category_get_id (category), &found))
    return FALSE;

  _cost_document_begin_step (self);
  cost_project_remove_category (project, found);
  _cost_document_end_step (self);

  if (position != NULL)
    *position = found;

  return TRUE;
}

/**
 * cost_document_move_category:
 * @delta: −1 for up, +1 for down
 *
 * Returns: whether @category moved (not past either end)
 */
gboolean
cost_document_move_category (CostDocument *self,
                             CostCategory *category,
                             int           delta)
{
  CostProject *project;
  guint position;
  int to;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (COST_IS_CATEGORY (category), FALSE);

  project = cost_document_get_project (self);
  if (!cost_project_find_category (project, cost_category_get_id (category), &position))
    return FALSE;

  to = (int) position + delta;
  if (to < 0 || to >= (int) cost_project_get_n_categories (project))
    return FALSE;

  _cost_document_begin_step (self);
  cost_project_move_category (project, position, to);
  _cost_document_end_step (self);

  return TRUE;
}

/**
 * cost_document_add_item:
 * @category: (nullable): where, %NULL for the first category (one is
 *   added when the project has none)
 * @after: (nullable): the item of @category the new one follows, %NULL to
 *   add it at the end
 * @scenario: (nullable): the scenario shown, whose own the item then is
 *
 * Adds "New Item", a quantity of one.
 *
 * Returns: (transfer none): the item
 */
CostItem *
cost_document_add_item (CostDocument *self,
                        CostCategory *category,
                        CostItem     *after,
                        CostScenario *scenario)
{
  CostProject *project;
  g_autoptr(CostItem) item = cost_item_new (NULL, _("New Item"));
  guint position = G_MAXUINT;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!category || COST_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (!after || COST_IS_ITEM (after), NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  project = cost_document_get_project (self);
  cost_item_set_quantity (item, 1, NULL);

  /* The category the item needs is part of the same step. */
  _cost_document_begin_step (self);
  if (category == NULL && cost_project_get_n_categories (project) > 0)
    category = cost_project_get_category (project, 0);
  else if (category == NULL)
    category = add_category (self);

  if (after != NULL && cost_item_get_category (after) == category &&
      cost_category_find_item (category, cost_item_get_id (after), &position))
    position++;

  if (scenario != NULL)
    cost_scenario_add_item (scenario, cost_category_get_id (category), item);
  else
    cost_category_insert_item (category, position, item);
  _cost_document_end_step (self);

  return item;
}

/**
 * cost_document_duplicate_item:
 * @scenario: (nullable): the scenario shown, whose own the copy then is
 *
 * Returns: (transfer none) (nullable): the copy, after the item in its
 *   category, or %NULL when there is no item of @item_id
 */
CostItem *
cost_document_duplicate_item (CostDocument *self,
                              const char   *item_id,
                              CostScenario *scenario)
{
  g_autoptr(CostItem) copy = NULL;
  CostCategory *category = NULL;
  CostItem *item;
  guint position = 0;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), NULL);

  item = cost_document_find_item (self, item_id, scenario, &category);
  if (item == NULL || category == NULL)
    return NULL;

  copy = cost_item_copy (item, NULL);
  _cost_document_begin_step (self);
  if (scenario != NULL)
    cost_scenario_add_item (scenario, cost_category_get_id (category), copy);
  else if (cost_category_find_item (category, item_id, &position))
    cost_category_insert_item (category, position + 1, copy);
  _cost_document_end_step (self);

  return copy;
}

/**
 * cost_document_delete_item:
 * @scenario: (nullable): the scenario shown
 *
 * Deletes the item of @item_id. With a scenario shown, the scenario's own
 * items go, and the baseline's are left out of it: the baseline keeps them.
 *
 * Returns: what became of the item
 */
CostDeletion
cost_document_delete_item (CostDocument *self,
                           const char   *item_id,
                           CostScenario *scenario)
{
  CostCategory *category = NULL;
  guint position;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), COST_DELETION_NONE);
  g_return_val_if_fail (item_id != NULL, COST_DELETION_NONE);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), COST_DELETION_NONE);

  if (find_added_item (self, scenario, item_id, NULL) != NULL)
    {
      _cost_document_begin_step (self);
      cost_scenario_remove_added_item (scenario, item_id);
      _cost_document_end_step (self);
      return COST_DELETION_DELETED;
    }

  if (cost_project_find_item (cost_document_get_project (self), item_id, &category) == NULL)
    return COST_DELETION_NONE;

  if (scenario != NULL)
    {
      _cost_document_begin_step (self);
      cost_scenario_set_excluded (scenario, item_id, TRUE);
      _cost_document_end_step (self);
      return COST_DELETION_EXCLUDED;
    }

  cost_category_find_item (category, item_id, &position);
  _cost_document_begin_step (self);
  cost_category_remove_item (category, position);
  _cost_document_end_step (self);

  return COST_DELETION_DELETED;
}

/**
 * cost_document_move_item:
 * @delta: −1 for up, +1 for down
 *
 * Returns: whether the item moved within its category (not past either end)
 */
gboolean
cost_document_move_item (CostDocument *self,
                         const char   *item_id,
                         int           delta)
{
  CostCategory *category = NULL;
  guint position;
  int to;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (cost_project_find_item (cost_document_get_project (self), item_id, &category) == NULL)
    return FALSE;

  cost_category_find_item (category, item_id, &position);
  to = (int) position + delta;
  if (to < 0 || to >= (int) cost_category_get_n_items (category))
    return FALSE;

  _cost_document_begin_step (self);
  cost_category_move_item (category, position, to);
  _cost_document_end_step (self);

  return TRUE;
}

/**
 * cost_document_move_item_to:
 * @position: where in the category, past the end for the end
 *
 * Moves an item to a category, its own or another (a drop).
 *
 * Returns: whether the item moved
 */
gboolean
cost_document_move_item_to (CostDocument *self,
                            const char   *item_id,
                            const char   *category_id,
                            guint         position)
{
  CostProject *project;
  g_autoptr(CostItem) item = NULL;
  CostCategory *from = NULL;
  CostCategory *to;
  guint from_position, n;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (category_id != NULL, FALSE);

  project = cost_document_get_project (self);
  to = cost_project_find_category (project, category_id, NULL);
  if (to == NULL || cost_project_find_item (project, item_id, &from) == NULL)
    return FALSE;

  item = g_object_ref (cost_category_find_item (from, item_id, &from_position));
  n = cost_category_get_n_items (to);
  if (from == to)
    {
      position = MIN (position, n - 1);
      if (position == from_position)
        return FALSE;
      _cost_document_begin_step (self);
      cost_category_move_item (to, from_position, position);
      _cost_document_end_step (self);
    }
  else
    {
      _cost_document_begin_step (self);
      cost_category_remove_item (from, from_position);
      cost_category_insert_item (to, MIN (position, n), item);
      _cost_document_end_step (self);
    }

  return TRUE;
}

/* Workload ---------------------------------------------------------------- */

/**
 * cost_document_describe_traffic:
 *
 * Gives the project a workload, with the usual figures, when it has none.
 *
 * Returns: (transfer none): the workload
 */
CostWorkload *
cost_document_describe_traffic (CostDocument *self)
{
  CostProject *project;
  g_autoptr(CostWorkload) workload = NULL;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  project = cost_document_get_project (self);
  if (cost_project_get_workload (project) != NULL)
    return cost_project_get_workload (project);

  workload = cost_workload_new ();
  _cost_document_begin_step (self);
  cost_project_set_workload (project, workload);
  _cost_document_end_step (self);

  return workload;
}

/**
 * cost_document_remove_workload:
 *
 * Stops describing the traffic: the items sized from it keep their
 * quantities, edited by hand from then on; the served models stay.
 */
void
cost_document_remove_workload (CostDocument *self)
{
  CostProject *project;

  g_return_if_fail (COST_IS_DOCUMENT (self));

  project = cost_document_get_project (self);
  _cost_document_begin_step (self);
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        cost_item_set_driver (cost_category_get_item (category, i), NULL);
    }
  cost_project_set_workload (project, NULL);
  _cost_document_end_step (self);
}

/**
 * cost_document_add_model:
 *
 * Adds "New model", ready to size: on the first accelerator of the
 * catalogue, with its throughput and power.
 *
 * Returns: (transfer none): the model
 */
CostServedModel *
cost_document_add_model (CostDocument *self)
{
  CostCatalogue *catalogue = cost_catalogue_get_default ();
  g_autoptr(CostServedModel) model = NULL;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  model = cost_served_model_new (NULL, _("New model"));
  if (cost_catalogue_get_n_accelerators (catalogue) > 0)
    {
      const CostAccelerator *accelerator = cost_catalogue_get_accelerator (catalogue, 0);
      const CostThroughput *reference = cost_accelerator_get_throughput (accelerator, COST_MODEL_RANKING);

      cost_served_model_set_accelerator (model, accelerator->name, NULL);
      if (reference != NULL)
        cost_served_model_set_value (model, "throughput", reference->value, NULL);
      if (accelerator->tdp_w > 0)
        cost_served_model_set_value (model, "power_watts", accelerator->tdp_w, NULL);
    }

  _cost_document_begin_step (self);
  cost_project_add_model (cost_document_get_project (self), model);
  _cost_document_end_step (self);

  return model;
}

/**
 * cost_document_remove_model:
 *
 * Returns: whether @model was the project's, and is removed
 */
gboolean
cost_document_remove_model (CostDocument    *self,
                            CostServedModel *model)
{
  CostProject *project;
  guint position;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (COST_IS_SERVED_MODEL (model), FALSE);

  project = cost_document_get_project (self);
  if (!cost_project_find_model (project, cost_served_model_get_id (model), &position))
    return FALSE;

  _cost_document_begin_step (self);
  cost_project_remove_model (project, position);
  _cost_document_end_step (self);

  return TRUE;
}

/* The category of @id, added with its standard name when the project has none. */
static CostCategory *
ensure_category (CostProject *project,
                 const char  *id)
{
  CostCategory *category = cost_project_find_category (project, id, NULL);

  for (guint i = 0; category == NULL && i < cost_names_get_n_default_categories (); i++)
    {
      const char *default_id, *name, *color;
      g_autoptr(CostCategory) added = NULL;

      cost_names_get_default_category (i, &default_id, &name, &color);
      if (!g_str_equal (default_id, id))
        continue;

      added = cost_category_new (id, name);
      cost_category_set_color (added, color, NULL);
      cost_project_add_category (project, added);
      category = added;
    }

  g_assert (category != NULL);

  return category;
}

/* "Example price, date uncertain: AWS p5.48xlarge, 12.29 USD per GPU-hour
 * (list price before the 2025 reduction); converted at 7.1 CNY per USD, rate
 * as of 2026-11-01" */
static char *
describe_price (CostProject     *project,
                const CostPrice *price)
{
  const char *currency = cost_project_get_currency (project);
  g_autofree char *amount = cost_format_number (price->per_gpu_hour, 4);
  g_autofree char *head = NULL;
  g_autofree char *what = NULL;
  g_autofree char *conversion = NULL;
  gboolean dated = price->as_of != NULL && price->as_of[0] != '\0';
  double rate = 1.0;
  const char *as_of = NULL;

  if (price->example)
    head = dated ? g_strdup_printf (_("Example price as of %s"), price->as_of) :
                   g_strdup (_("Example price, date uncertain"));
  else
    head = dated ? g_strdup_printf (_("Price as of %s"), price->as_of) : g_strdup (_("Price"));

  /* Translators: a catalogue price: provider, instance, amount, currency: "AWS p5.48xlarge, 12.29 USD per GPU-hour" */
  what = g_strdup_printf (_("%s %s, %s %s per GPU-hour"), price->provider, price->instance, amount,
                          price->currency);
  if (price->note != NULL && price->note[0] != '\0')
    {
      g_autofree char *bare = g_steal_pointer (&what);

      what = g_strdup_printf ("%s (%s)", bare, price->note);
    }

  if (g_strcmp0 (price->currency, currency) != 0 &&
      cost_project_get_exchange_rate (project, price->currency, &rate, &as_of))
    {
      g_autofree char *rate_text = cost_format_number (rate, 6);

      conversion = as_of != NULL && as_of[0] != '\0' ?
        /* Translators: "converted at 7.1 CNY per USD, rate as of 2026-11-01" */
        g_strdup_printf (_("converted at %s %s per %s, rate as of %s"), rate_text, currency,
                         price->currency, as_of) :
        g_strdup_printf (_("converted at %s %s per %s"), rate_text, currency, price->currency);

      /* Translators: a price source, what it is and the conversion of its currency */
      return g_strdup_printf (_("%s: %s; %s"), head, what, conversion);
    }

  /* Translators: a label and what it says */
  return g_strdup_printf (_("%s: %s"), head, what);
}

/**
 * cost_document_get_catalogue_price:
 *
 * Returns: (nullable): the catalogue price of @model's accelerator, if the
 *   catalogue has one
 */
const CostPrice *
cost_document_get_catalogue_price (CostDocument    *self,
                                   CostServedModel *model)
{
  const CostAccelerator *entry;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (COST_IS_SERVED_MODEL (model), NULL);

  entry = cost_catalogue_find (cost_catalogue_get_default (), cost_served_model_get_accelerator (model));

  return entry != NULL ? cost_accelerator_get_price (entry) : NULL;
}

/**
 * cost_document_add_driven_gpu_item:
 *
 * Adds to Compute (added when the project has none) an item whose GPU
 * count follows @model, at the catalogue price of its accelerator
 * converted to the project's currency, with where the price comes from.
 * Without the exchange rate the price needs, the item has no price yet.
 *
 * Returns: (transfer none): the item
 */
CostItem *
cost_document_add_driven_gpu_item (CostDocument    *self,
                                   CostServedModel *model)
{
  CostProject *project;
  const CostPrice *price;
  const char *accelerator;
  const char *model_name;
  g_autoptr(CostItem) item = NULL;
  g_autofree char *name = NULL;
  double converted;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (COST_IS_SERVED_MODEL (model), NULL);

  project = cost_document_get_project (self);
  price = cost_document_get_catalogue_price (self, model);
  accelerator = cost_served_model_get_accelerator (model);
  model_name = cost_served_model_get_name (model);
  if (model_name[0] == '\0')
    model_name = _("Unnamed Model");
  name = accelerator[0] != '\0' ?
    /* Translators: a GPU item's name: model, accelerator: "Ranking model GPUs (A100 SXM 80GB)" */
    g_strdup_printf (_("%s GPUs (%s)"), model_name, accelerator) :
    /* Translators: a GPU item's name: "Ranking model GPUs" */
    g_strdup_printf (_("%s GPUs"), model_name);

  item = cost_item_new (NULL, name);
  cost_item_set_unit (item, "GPU", NULL);
  cost_item_set_period (item, COST_PERIOD_HOUR, NULL);
  if (price != NULL && cost_price_convert (project, price->per_gpu_hour, price->currency, &converted, NULL))
    {
      g_autofree char *source = describe_price (project, price);

      cost_item_set_unit_price (item, converted, NULL);
      cost_item_set_price_source (item, source, NULL);
      cost_item_set_price_as_of (item, price->as_of, NULL);
    }
  cost_item_set_driver (item, cost_served_model_get_id (model));

  _cost_document_begin_step (self);
  cost_category_add_item (ensure_category (project, "compute"), item);
  _cost_document_end_step (self);

  return item;
}

/**
 * cost_document_find_power_line:
 *
 * Returns: (transfer none) (nullable): the item whose energy follows the
 *   accelerators, if there is one
 */
CostItem *
cost_document_find_power_line (CostDocument *self)
{
  CostProject *project;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  project = cost_document_get_project (self);
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        {
          CostItem *item = cost_category_get_item (category, i);

          if (cost_driver_is_power (cost_item_get_driver (item)))
            return item;
        }
    }

  return NULL;
}

/**
 * cost_document_add_power_line:
 * @price: of a kWh, in the project's currency
 *
 * Adds to Operations (added when the project has none) the energy of the
 * driven accelerators a month, at @price.
 *
 * Returns: (transfer none) (nullable): the item, %NULL when the project
 *   has a power line already
 */
CostItem *
cost_document_add_power_line (CostDocument *self,
                              double        price)
{
  g_autoptr(CostItem) item = NULL;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  if (cost_document_find_power_line (self) != NULL)
    return NULL;

  item = cost_item_new (NULL, "Power");
  cost_item_set_unit (item, "kWh", NULL);
  cost_item_set_unit_price (item, price, NULL);
  cost_item_set_period (item, COST_PERIOD_MONTH, NULL);
  cost_item_set_price_source (item, _("Electricity price per kWh"), NULL);
  cost_item_set_driver (item, COST_DRIVER_POWER);

  _cost_document_begin_step (self);
  cost_category_add_item (ensure_category (cost_document_get_project (self), "operations"), item);
  _cost_document_end_step (self);

  return item;
}

/**
 * cost_document_range_subject:
 * @object: an item, a category, the workload or a served model
 * @subject: (out) (optional): which of them it is
 *
 * Returns: whether @object's figures may carry ranges
 */
gboolean
cost_document_range_subject (GObject          *object,
                             CostRangeSubject *subject)
{
  CostRangeSubject kind;

  if (COST_IS_ITEM (object))
    kind = COST_RANGE_SUBJECT_ITEM;
  else if (COST_IS_CATEGORY (object))
    kind = COST_RANGE_SUBJECT_CATEGORY;
  else if (COST_IS_WORKLOAD (object))
    kind = COST_RANGE_SUBJECT_WORKLOAD;
  else if (COST_IS_SERVED_MODEL (object))
    kind = COST_RANGE_SUBJECT_MODEL;
  else
    return FALSE;

  if (subject != NULL)
    *subject = kind;

  return TRUE;
}

/**
 * cost_document_set_range:
 * @scenario: (nullable): the scenario whose own range to set, %NULL for
 *   the baseline's
 * @object: an item, a category, the workload or a served model of the
 *   document's project (or an item only a scenario has)
 * @key: the figure, as the table of cost_range_fields() names it
 * @range: (nullable): its range; %NULL or a range of no shape removes it
 * @group: (nullable): the correlation group, "" or %NULL for none
 *
 * Gives a figure a range, in one undoable step: the baseline's, or under
 * @scenario a range of the scenario's own, in place of the baseline's.
 *
 * Returns: %FALSE with @error, in a user's words, when the range cannot be
 *   the figure's; nothing changed then
 */
gboolean
cost_document_set_range (CostDocument     *self,
                         CostScenario     *scenario,
                         GObject          *object,
                         const char       *key,
                         const CostRange  *range,
                         const char       *group,
                         GError          **error)
{
  CostRangeSubject subject;
  g_autofree char *name = g_strstrip (g_strdup (group ? group : ""));

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!scenario || COST_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (cost_document_range_subject (object, &subject), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!cost_ranges_check (subject, key, range ? range : &(CostRange) { 0, }, name, error))
    return FALSE;

  _cost_document_begin_step (self);
  cost_ranges_set_in_scenario (scenario, object, key, range, name);
  _cost_document_end_step (self);

  return TRUE;
}

/**
 * cost_document_reset_ranges:
 *
 * Gives @object's figures the baseline's ranges again in @scenario, in
 * one undoable step.
 */
void
cost_document_reset_ranges (CostDocument *self,
                            CostScenario *scenario,
                            GObject      *object)
{
  g_autofree char *path = NULL;

  g_return_if_fail (COST_IS_DOCUMENT (self));
  g_return_if_fail (COST_IS_SCENARIO (scenario));
  g_return_if_fail (cost_document_range_subject (object, NULL));

  path = cost_ranges_subject_path (object);
  _cost_document_begin_step (self);
  cost_scenario_reset_ranges (scenario, path);
  _cost_document_end_step (self);
}

/**
 * cost_document_set_samples:
 *
 * Returns: %FALSE with @error when @samples is out of bounds
 */
gboolean
cost_document_set_samples (CostDocument  *self,
                           guint          samples,
                           GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);

  _cost_document_begin_step (self);
  ok = cost_project_set_samples (cost_document_get_project (self), samples, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_set_seed:
 *
 * Returns: %FALSE with @error when @seed is out of bounds
 */
gboolean
cost_document_set_seed (CostDocument  *self,
                        guint64        seed,
                        GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);

  _cost_document_begin_step (self);
  ok = cost_project_set_seed (cost_document_get_project (self), seed, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_new_seed:
 *
 * Draws another seed for the simulation, other than the one it has.
 *
 * Returns: the new seed
 */
guint64
cost_document_new_seed (CostDocument *self)
{
  CostProject *project;
  guint64 seed;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), 0);

  project = cost_document_get_project (self);
  do
    seed = (((guint64) g_random_int () << 32) | g_random_int ()) % (COST_PROJECT_MAX_SEED + 1);
  while (seed == cost_project_get_seed (project));

  cost_document_set_seed (self, seed, NULL);

  return seed;
}

/**
 * cost_document_set_correlation:
 * @group: a correlation group
 * @correlation: the rank correlation of its figures, 0 to 1
 *
 * Returns: %FALSE with @error when @correlation is out of bounds
 */
gboolean
cost_document_set_correlation (CostDocument  *self,
                               const char    *group,
                               double         correlation,
                               GError       **error)
{
  CostProject *project;
  GVariant *old;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  double rho;
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);

  project = cost_document_get_project (self);
  old = cost_project_get_correlations (project);

  /* Kept in name order, so that equal settings are equal variants. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  if (old != NULL)
    {
      gboolean added = FALSE;

      g_variant_iter_init (&iter, old);
      while (g_variant_iter_next (&iter, "{&sd}", &name, &rho))
        {
          int cmp = strcmp (name, group);

          if (!added && cmp >= 0)
            {
              g_variant_builder_add (&builder, "{sd}", group, correlation);
              added = TRUE;
            }
          if (cmp != 0)
            g_variant_builder_add (&builder, "{sd}", name, rho);
        }
      if (!added)
        g_variant_builder_add (&builder, "{sd}", group, correlation);
    }
  else
    g_variant_builder_add (&builder, "{sd}", group, correlation);

  _cost_document_begin_step (self);
  ok = cost_project_set_correlations (project, g_variant_builder_end (&builder), error);
  _cost_document_end_step (self);

  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
add_groups (GHashTable *groups,
            GVariant   *ranges)
{
  GVariantIter iter;
  const char *key, *shape, *group;
  double low, mode, high;

  if (ranges == NULL)
    return;

  g_variant_iter_init (&iter, ranges);
  while (g_variant_iter_next (&iter, "{&s(&sddd&s)}", &key, &shape, &low, &mode, &high, &group))
    {
      if (group[0] != '\0')
        g_hash_table_add (groups, g_strdup (group));
    }
}

/**
 * cost_document_list_range_groups:
 *
 * Returns: (transfer full): the correlation groups the ranges of the
 *   project and of its scenarios name, and those it gives a correlation,
 *   sorted
 */
GStrv
cost_document_list_range_groups (CostDocument *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **names = NULL;
  CostProject *project;
  GVariant *correlations;
  guint n;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), NULL);

  project = cost_document_get_project (self);
  if (cost_project_get_workload (project) != NULL)
    add_groups (groups, cost_workload_get_ranges (cost_project_get_workload (project)));
  for (guint m = 0; m < cost_project_get_n_models (project); m++)
    add_groups (groups, cost_served_model_get_ranges (cost_project_get_model (project, m)));
  for (guint c = 0; c < cost_project_get_n_categories (project); c++)
    {
      CostCategory *category = cost_project_get_category (project, c);

      add_groups (groups, cost_category_get_ranges (category));
      for (guint i = 0; i < cost_category_get_n_items (category); i++)
        add_groups (groups, cost_item_get_ranges (cost_category_get_item (category, i)));
    }
  for (guint s = 0; s < cost_project_get_n_scenarios (project); s++)
    {
      CostScenario *scenario = cost_project_get_scenario (project, s);
      g_auto(GStrv) own = cost_scenario_list_ranges (scenario);

      for (guint i = 0; i < cost_scenario_get_n_added_items (scenario); i++)
        add_groups (groups, cost_item_get_ranges (cost_scenario_get_added_item (scenario, i, NULL)));
      for (guint i = 0; own[i] != NULL; i++)
        {
          GVariant *ranges = NULL;

          if (cost_scenario_get_ranges (scenario, own[i], &ranges))
            add_groups (groups, ranges);
        }
    }

  correlations = cost_project_get_correlations (project);
  if (correlations != NULL)
    {
      GVariantIter iter;
      const char *name;
      double rho;

      g_variant_iter_init (&iter, correlations);
      while (g_variant_iter_next (&iter, "{&sd}", &name, &rho))
        g_hash_table_add (groups, g_strdup (name));
    }

  names = (const char **) g_hash_table_get_keys_as_array (groups, &n);
  g_qsort_with_data (names, n, sizeof (char *), compare_names, NULL);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, names[i]);

  return g_strv_builder_end (builder);
}
