/* cost-actuals.c
 *
 * Records of actual spending, as a project keeps them: one GVariant array
 * in the project's "actuals" property, so that the undo history, copies
 * and comparisons treat them like any other property. The array is kept
 * sorted by cost_actual_compare(), which makes equal sets equal arrays and
 * files that diff well; no two records share a key (every member but the
 * amount, the note and unknown members).
 *
 * An amount no rule assigned to a category keeps what a rule could match
 * on (service category, service, resource id, tags), so that a rule added
 * later assigns it without importing the bill again (cost-bill-rules.c).
 * cost-actuals-file.c reads and writes the records in project files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-actuals"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-month.h"
#include "cost-types.h"

/**
 * cost_actual_clear:
 *
 * Drops the reference @actual holds on its tags.
 */
void
cost_actual_clear (CostActual *actual)
{
  g_clear_pointer (&actual->tags, g_variant_unref);
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/**
 * cost_actual_to_variant:
 *
 * Returns: (transfer floating): @actual as one record of the array type
 *   %COST_ACTUALS_TYPE
 */
GVariant *
cost_actual_to_variant (const CostActual *actual)
{
  GVariant *tags = actual->tags;

  if (tags == NULL)
    tags = g_variant_new_array (G_VARIANT_TYPE ("{ss}"), NULL, 0);

  return g_variant_new ("(sssdssssss@a{ss}s)",
                        or_empty (actual->month), or_empty (actual->category), or_empty (actual->item),
                        actual->amount, or_empty (actual->currency), or_empty (actual->source),
                        or_empty (actual->note), or_empty (actual->service_category),
                        or_empty (actual->service), or_empty (actual->resource_id), tags,
                        or_empty (actual->extras));
}

/**
 * cost_actual_from_variant:
 * @record: a record of the type %COST_ACTUAL_TYPE
 * @actual: (out caller-allocates): its members, strings borrowed from @record
 */
void
cost_actual_from_variant (GVariant   *record,
                          CostActual *actual)
{
  g_variant_get (record, "(&s&s&sd&s&s&s&s&s&s@a{ss}&s)",
                 &actual->month, &actual->category, &actual->item, &actual->amount,
                 &actual->currency, &actual->source, &actual->note, &actual->service_category,
                 &actual->service, &actual->resource_id, &actual->tags, &actual->extras);
  if (g_variant_n_children (actual->tags) == 0)
    g_clear_pointer (&actual->tags, g_variant_unref);
}

/**
 * cost_actual_is_assigned:
 *
 * Returns: whether the amount counts in a category (a rule or a person
 *   assigned it), rather than being unassigned
 */
gboolean
cost_actual_is_assigned (const CostActual *actual)
{
  return actual->category != NULL && actual->category[0] != '\0';
}

static gboolean
check_string (const char  *value,
              GError     **error)
{
  return cost_check_text (value, error);
}

/**
 * cost_actual_check:
 *
 * Returns: whether every member of @actual is one a project can keep
 */
gboolean
cost_actual_check (const CostActual  *actual,
                   GError           **error)
{
  int month;

  if (!cost_month_parse (actual->month, &month, error) ||
      !cost_check_currency (actual->currency, error))
    return FALSE;

  if (!isfinite (actual->amount) || fabs (actual->amount) > COST_MAX_AMOUNT)
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("an amount must be a number between −10¹⁵ and 10¹⁵"));
      return FALSE;
    }

  if (!cost_actual_is_assigned (actual) && actual->item != NULL && actual->item[0] != '\0')
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                           _("an item needs the category it belongs to"));
      return FALSE;
    }

  if (!check_string (actual->category, error) || !check_string (actual->item, error) ||
      !check_string (actual->source, error) || !check_string (actual->note, error) ||
      !check_string (actual->service_category, error) || !check_string (actual->service, error) ||
      !check_string (actual->resource_id, error) || !check_string (actual->extras, error))
    return FALSE;

  if (actual->tags != NULL)
    {
      GVariantIter iter;
      const char *key, *value, *previous = NULL;

      if (!g_variant_is_of_type (actual->tags, G_VARIANT_TYPE ("a{ss}")))
        {
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("tags must map names to text"));
          return FALSE;
        }

      g_variant_iter_init (&iter, actual->tags);
      while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
        {
          if (!check_string (key, error) || !check_string (value, error))
            return FALSE;
          if (previous != NULL && strcmp (previous, key) >= 0)
            {
              g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                                   _("tags must be sorted by name, each name once"));
              return FALSE;
            }
          previous = key;
        }
    }

  return TRUE;
}

static int
compare_tags (GVariant *a,
              GVariant *b)
{
  gsize na = a ? g_variant_n_children (a) : 0;
  gsize nb = b ? g_variant_n_children (b) : 0;

  for (gsize i = 0; i < na && i < nb; i++)
    {
      const char *ka, *va, *kb, *vb;
      int cmp;

      g_variant_get_child (a, i, "{&s&s}", &ka, &va);
      g_variant_get_child (b, i, "{&s&s}", &kb, &vb);
      if ((cmp = strcmp (ka, kb)) != 0 || (cmp = strcmp (va, vb)) != 0)
        return cmp;
    }

  return (na > nb) - (na < nb);
}

/* Assigned amounts before unassigned ones. */
static int
compare_category (const char *a,
                  const char *b)
{
  gboolean ea = a[0] == '\0', eb = b[0] == '\0';

  if (ea != eb)
    return ea ? 1 : -1;

  return strcmp (a, b);
}

/**
 * cost_actual_compare:
 *
 * The order of records in a project: by month, category (unassigned
 * last), item, source, currency, then what an unassigned amount can be
 * matched on. Two records compare equal when they have the same key: they
 * are one record of a project.
 */
int
cost_actual_compare (const CostActual *a,
                     const CostActual *b)
{
  int cmp;

  if ((cmp = strcmp (or_empty (a->month), or_empty (b->month))) != 0 ||
      (cmp = compare_category (or_empty (a->category), or_empty (b->category))) != 0 ||
      (cmp = strcmp (or_empty (a->item), or_empty (b->item))) != 0 ||
      (cmp = strcmp (or_empty (a->source), or_empty (b->source))) != 0 ||
      (cmp = strcmp (or_empty (a->currency), or_empty (b->currency))) != 0 ||
      (cmp = strcmp (or_empty (a->service_category), or_empty (b->service_category))) != 0 ||
      (cmp = strcmp (or_empty (a->service), or_empty (b->service))) != 0 ||
      (cmp = strcmp (or_empty (a->resource_id), or_empty (b->resource_id))) != 0)
    return cmp;

  return compare_tags (a->tags, b->tags);
}

/**
 * cost_actual_get_tag:
 *
 * Returns: (nullable): the value of the tag @key, borrowed from @actual
 */
const char *
cost_actual_get_tag (const CostActual *actual,
                     const char       *key)
{
  const char *value;

  if (actual->tags == NULL || !g_variant_lookup (actual->tags, key, "&s", &value))
    return NULL;

  return value;
}

/**
 * cost_actual_format_tags:
 *
 * Returns: (transfer full): the tags for people: "env=prod, team=search"
 */
char *
cost_actual_format_tags (const CostActual *actual)
{
  GString *out = g_string_new (NULL);
  GVariantIter iter;
  const char *key, *value;

  if (actual->tags != NULL)
    {
      g_variant_iter_init (&iter, actual->tags);
      while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
        g_string_append_printf (out, "%s%s=%s", out->len ? ", " : "", key, value);
    }

  return g_string_free (out, FALSE);
}

/**
 * cost_actuals_get_n:
 * @actuals: (nullable): records of the type %COST_ACTUALS_TYPE
 */
guint
cost_actuals_get_n (GVariant *actuals)
{
  return actuals != NULL ? g_variant_n_children (actuals) : 0;
}

/**
 * cost_actuals_get:
 * @actual: (out caller-allocates): the record at @position; clear it with
 *   cost_actual_clear()
 */
void
cost_actuals_get (GVariant   *actuals,
                  guint       position,
                  CostActual *actual)
{
  g_autoptr(GVariant) record = NULL;

  g_return_if_fail (position < cost_actuals_get_n (actuals));

  /* A child of a serialised array points into its parent's memory, which
   * its strings stay valid with. */
  record = g_variant_get_child_value (actuals, position);
  cost_actual_from_variant (record, actual);
}

/**
 * cost_actuals_check:
 *
 * Returns: whether @actuals is an array a project can keep: every record
 *   valid, sorted, no key twice, at most %COST_MAX_ACTUALS
 */
gboolean
cost_actuals_check (GVariant  *actuals,
                    GError   **error)
{
  guint n;
  g_auto(CostActual) previous = { 0, };
  g_autoptr(GVariant) previous_record = NULL;

  if (actuals == NULL)
    return TRUE;

  if (!g_variant_is_of_type (actuals, COST_ACTUALS_TYPE))
    {
      g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE, _("not a list of actual amounts"));
      return FALSE;
    }

  n = g_variant_n_children (actuals);
  if (n > COST_MAX_ACTUALS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("a project keeps at most %d records of actual spending"), COST_MAX_ACTUALS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (actuals, i);
      CostActual actual;

      cost_actual_from_variant (record, &actual);
      if (!cost_actual_check (&actual, error))
        {
          cost_actual_clear (&actual);
          return FALSE;
        }

      if (previous_record != NULL && cost_actual_compare (&previous, &actual) >= 0)
        {
          cost_actual_clear (&actual);
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("records of actual spending must be in order, each key once"));
          return FALSE;
        }

      cost_actual_clear (&previous);
      previous = actual;
      g_clear_pointer (&previous_record, g_variant_unref);
      previous_record = g_steal_pointer (&record);
    }

  return TRUE;
}

typedef struct
{
  GVariant   *record;
  CostActual  actual;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  return cost_actual_compare (&ea->actual, &eb->actual);
}

/* Amounts added up are kept to a millionth: bills give amounts to many
 * decimals, which add up to cents only in the total. */
static double
round_micro (double amount)
{
  return round (amount * 1e6) / 1e6;
}

/**
 * cost_actuals_sort:
 * @records: (element-type GVariant): records of the type %COST_ACTUAL_TYPE;
 *   floating references are sunk
 * @merge: records of the same key become one, their amounts added up;
 *   without it, a key twice is an error
 *
 * Returns: (transfer floating) (nullable): the records as an array a
 *   project keeps, %NULL when there are none or with @error
 */
GVariant *
cost_actuals_sort (GPtrArray  *records,
                   gboolean    merge,
                   GError    **error)
{
  g_autofree Entry *entries = NULL;
  g_autoptr(GPtrArray) out = NULL;
  GVariant *result = NULL;
  guint n = records->len;

  if (n == 0)
    return NULL;

  entries = g_new0 (Entry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].record = g_variant_ref_sink (g_ptr_array_index (records, i));
      cost_actual_from_variant (entries[i].record, &entries[i].actual);
    }
  qsort (entries, n, sizeof (Entry), compare_entries);

  out = g_ptr_array_new_full (n, NULL);
  for (guint i = 0; i < n; i++)
    {
      guint j = i;
      double amount = entries[i].actual.amount;

      while (j + 1 < n && compare_entries (&entries[i], &entries[j + 1]) == 0)
        amount += entries[++j].actual.amount;

      if (j > i && !merge)
        {
          g_set_error_literal (error, COST_ERROR, COST_ERROR_INVALID_VALUE,
                               _("two records of actual spending have the same month, category, item, "
                                 "source and currency"));
          goto out;
        }

      if (j > i)
        {
          CostActual merged = entries[i].actual;

          /* The first note that says something. */
          for (guint k = i; k <= j && merged.note[0] == '\0'; k++)
            merged.note = entries[k].actual.note;
          merged.amount = round_micro (amount);
          g_ptr_array_add (out, g_variant_ref_sink (cost_actual_to_variant (&merged)));
        }
      else
        g_ptr_array_add (out, g_variant_ref (entries[i].record));
      i = j;
    }

  if (out->len > COST_MAX_ACTUALS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("%u records of actual spending are more than a project keeps (%d); "
                     "add rules that assign the amounts to categories, so that fewer stay apart"),
                   out->len, COST_MAX_ACTUALS);
      goto out;
    }

  result = g_variant_new_array (COST_ACTUAL_TYPE, (GVariant **) out->pdata, out->len);

out:
  for (guint i = 0; i < out->len; i++)
    g_variant_unref (g_ptr_array_index (out, i));
  for (guint i = 0; i < n; i++)
    {
      cost_actual_clear (&entries[i].actual);
      g_variant_unref (entries[i].record);
    }

  return result;
}

/**
 * cost_actuals_find:
 * @position: (out): where a record with the key of @key is, or would go
 *
 * Returns: whether @actuals holds a record with the key of @key
 */
gboolean
cost_actuals_find (GVariant         *actuals,
                   const CostActual *key,
                   guint            *position)
{
  guint low = 0, high = cost_actuals_get_n (actuals);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_auto(CostActual) actual = { 0, };
      int cmp;

      cost_actuals_get (actuals, middle, &actual);
      cmp = cost_actual_compare (&actual, key);
      if (cmp == 0)
        {
          *position = middle;
          return TRUE;
        }
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return FALSE;
}

static GVariant *
splice (GVariant *actuals,
        guint     position,
        guint     removed,
        GVariant *added)
{
  guint n = cost_actuals_get_n (actuals);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  for (guint i = 0; i < n; i++)
    {
      if (i == position && added != NULL)
        g_ptr_array_add (children, g_variant_ref_sink (added));
      if (i < position || i >= position + removed)
        g_ptr_array_add (children, g_variant_get_child_value (actuals, i));
    }
  if (position >= n && added != NULL)
    g_ptr_array_add (children, g_variant_ref_sink (added));

  if (children->len == 0)
    return NULL;

  return g_variant_ref_sink (g_variant_new_array (COST_ACTUAL_TYPE, (GVariant **) children->pdata,
                                                  children->len));
}

/**
 * cost_actuals_put:
 * @actuals: (nullable): records a project keeps
 * @actual: a record, checked by the caller
 *
 * Returns: (transfer full): @actuals with @actual in place of the record
 *   of the same key, or added in its place in the order
 */
GVariant *
cost_actuals_put (GVariant         *actuals,
                  const CostActual *actual)
{
  guint position;
  gboolean found = cost_actuals_find (actuals, actual, &position);

  return splice (actuals, position, found ? 1 : 0, cost_actual_to_variant (actual));
}

/**
 * cost_actuals_remove:
 *
 * Returns: (transfer full) (nullable): @actuals without the record of the
 *   key of @key, %NULL when none is left
 */
GVariant *
cost_actuals_remove (GVariant         *actuals,
                     const CostActual *key)
{
  guint position;

  if (!cost_actuals_find (actuals, key, &position))
    return actuals != NULL ? g_variant_ref (actuals) : NULL;

  return splice (actuals, position, 1, NULL);
}

/**
 * cost_actuals_set_record:
 * @actual: a record: an amount typed in has the source ""
 *
 * Puts @actual into the project's actual spending, in place of the record
 * of the same key: one change, one step of the undo history. A project
 * without a start month starts with the record's month.
 *
 * Returns: %FALSE with @error when @actual is not valid
 */
gboolean
cost_actuals_set_record (CostProject       *project,
                         const CostActual  *actual,
                         GError           **error)
{
  g_autoptr(GVariant) actuals = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (!cost_actual_check (actual, error))
    return FALSE;

  actuals = cost_actuals_put (cost_project_get_actuals (project), actual);
  if (cost_actuals_get_n (actuals) > COST_MAX_ACTUALS)
    {
      g_set_error (error, COST_ERROR, COST_ERROR_LIMIT,
                   _("a project keeps at most %d records of actual spending"), COST_MAX_ACTUALS);
      return FALSE;
    }

  cost_project_begin_change (project);
  if (!cost_project_get_start_month (project, NULL))
    ok = cost_project_set_start (project, actual->month, error);
  ok = ok && cost_project_set_actuals (project, actuals, error);
  cost_project_end_change (project);

  return ok;
}

/**
 * cost_actuals_remove_record:
 * @key: a record with the key of the one to remove
 *
 * Removes the record of the key of @key from the project's actual
 * spending, if it has one.
 */
void
cost_actuals_remove_record (CostProject      *project,
                            const CostActual *key)
{
  g_autoptr(GVariant) actuals = NULL;

  g_return_if_fail (COST_IS_PROJECT (project));

  actuals = cost_actuals_remove (cost_project_get_actuals (project), key);
  cost_project_set_actuals (project, actuals, NULL);
}
