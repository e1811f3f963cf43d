/* cost-document-actuals.c
 *
 * The edits of actual spending, as commands on the document: the plan's
 * start month, an amount typed in, a mapping rule that assigns unassigned
 * spending, a bill read in. Each is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-document"

#include "config.h"

#include "cost-document.h"

#include "cost-bill-mappings.h"

/**
 * cost_document_set_start:
 * @start: the calendar month of the plan's first month, "YYYY-MM"
 *
 * Returns: %FALSE with @error when @start is not a month
 */
gboolean
cost_document_set_start (CostDocument  *self,
                         const char    *start,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);

  _cost_document_begin_step (self);
  ok = cost_project_set_start (cost_document_get_project (self), start, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_set_actual:
 * @actual: a record, in place of the one of the same key
 *
 * Returns: %FALSE with @error when @actual is not valid
 */
gboolean
cost_document_set_actual (CostDocument      *self,
                          const CostActual  *actual,
                          GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (actual != NULL, FALSE);

  _cost_document_begin_step (self);
  ok = cost_actuals_set_record (cost_document_get_project (self), actual, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_set_actual_requests:
 * @month: a calendar month, "YYYY-MM"
 * @requests: the requests served in @month; NAN to forget them
 *
 * Returns: %FALSE with @error when @requests is not a count of requests
 */
gboolean
cost_document_set_actual_requests (CostDocument  *self,
                                   const char    *month,
                                   double         requests,
                                   GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  _cost_document_begin_step (self);
  ok = cost_project_set_actual_requests (cost_document_get_project (self), month, requests, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_remove_actual:
 * @key: a record with the key of the one to remove
 */
void
cost_document_remove_actual (CostDocument     *self,
                             const CostActual *key)
{
  g_return_if_fail (COST_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  _cost_document_begin_step (self);
  cost_actuals_remove_record (cost_document_get_project (self), key);
  _cost_document_end_step (self);
}

/**
 * cost_document_add_bill_rule:
 * @n_assigned: (out) (optional): how many unassigned records it assigned
 *
 * Adds @rule and assigns the unassigned spending it matches.
 *
 * Returns: %FALSE with @error when @rule is not valid or one too many
 */
gboolean
cost_document_add_bill_rule (CostDocument        *self,
                             const CostBillRule  *rule,
                             guint               *n_assigned,
                             GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  _cost_document_begin_step (self);
  ok = cost_bill_rules_add (cost_document_get_project (self), rule, n_assigned, error);
  _cost_document_end_step (self);

  return ok;
}

/**
 * cost_document_apply_bill:
 * @source: the name of the bill, which its records keep
 * @mapping_name: (nullable): the name to remember @mapping by
 * @mapping: (nullable): the columns the bill was read by, to remember in
 *   the project so that the next bill with these columns needs no question
 * @report: (out caller-allocates): what the import did
 *
 * Puts the records of @bill into the project, in place of those of an
 * earlier import of @source, and remembers @mapping, as one step; all or
 * nothing: a mapping the project cannot take leaves it as it was.
 *
 * Returns: %FALSE with @error when the project cannot take them
 */
gboolean
cost_document_apply_bill (CostDocument          *self,
                          const CostBill        *bill,
                          const char            *source,
                          const char            *mapping_name,
                          const CostBillMapping *mapping,
                          CostBillReport        *report,
                          GError               **error)
{
  CostProject *project;
  g_autoptr(GVariant) mappings = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (COST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (bill != NULL, FALSE);

  project = cost_document_get_project (self);
  mappings = cost_project_get_bill_mappings (project);
  if (mappings != NULL)
    g_variant_ref (mappings);

  _cost_document_begin_step (self);
  if (mapping != NULL)
    ok = cost_bill_mappings_remember (project, mapping_name, mapping, error);
  if (ok)
    ok = cost_bill_apply (project, bill, source, report, error);
  if (!ok)
    cost_project_set_bill_mappings (project, mappings, NULL);
  _cost_document_end_step (self);

  return ok;
}
