/* cost-bill-import.c
 *
 * Importing bills into a project: reading one in a thread for the
 * application, and applying its sums to the project in one change. The
 * sums are assigned by the project's mapping rules (those no rule matches
 * stay unassigned), and replace what an earlier import of the same bill
 * brought in its months; a bill the project cannot take leaves it as it
 * was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-bill-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cost-actuals.h"
#include "cost-bill-mappings.h"
#include "cost-bill-private.h"
#include "cost-bill-rules.h"
#include "cost-month.h"
#include "cost-types.h"

/* Reading in a thread */

typedef struct
{
  CostBillProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
  GMainContext         *context;
} Progress;

typedef struct
{
  Progress *progress;
  guint64   done;
  guint64   total;
} ProgressStep;

typedef struct
{
  GDestroyNotify destroy;
  gpointer       data;
} ProgressDestroy;

static gboolean
progress_destroy_cb (gpointer user_data)
{
  ProgressDestroy *d = user_data;

  d->destroy (d->data);
  g_free (d);

  return G_SOURCE_REMOVE;
}

/* The caller's data is let go in the caller's context, after the last
 * step. */
static void
progress_clear (Progress *p)
{
  if (p->destroy != NULL)
    {
      ProgressDestroy *d = g_new0 (ProgressDestroy, 1);

      d->destroy = p->destroy;
      d->data = p->data;
      g_main_context_invoke (p->context, progress_destroy_cb, d);
    }
  g_main_context_unref (p->context);
}

static void
progress_unref (Progress *p)
{
  g_atomic_rc_box_release_full (p, (GDestroyNotify) progress_clear);
}

static gboolean
progress_step_cb (gpointer data)
{
  ProgressStep *step = data;

  step->progress->func (step->done, step->total, step->progress->data);

  return G_SOURCE_REMOVE;
}

static void
progress_step_free (gpointer data)
{
  ProgressStep *step = data;

  progress_unref (step->progress);
  g_free (step);
}

/* In the thread: each step is passed to the caller's main context. */
static void
progress_in_thread (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  Progress *p = user_data;
  ProgressStep *step = g_new0 (ProgressStep, 1);

  step->progress = g_atomic_rc_box_acquire (p);
  step->done = done;
  step->total = total;
  g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_step_cb, step, progress_step_free);
}

typedef struct
{
  GFile           *file;
  CostBillFormat   format;
  CostBillMapping *mapping;
  Progress        *progress;
} ReadData;

static void
read_data_free (ReadData *d)
{
  g_object_unref (d->file);
  g_clear_pointer (&d->mapping, cost_bill_mapping_free);
  if (d->progress != NULL)
    progress_unref (d->progress);
  g_free (d);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *d = task_data;
  GError *error = NULL;
  CostBill *bill;

  bill = cost_bill_read (d->file, d->format, d->mapping, d->progress ? progress_in_thread : NULL,
                         d->progress, cancellable, &error);
  if (bill == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bill, (GDestroyNotify) cost_bill_free);
}

/**
 * cost_bill_read_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the bill is read
 * @progress_destroy: (nullable): frees @progress_data once no call is left
 *
 * Reads a bill in a thread, as cost_bill_read() does.
 */
void
cost_bill_read_async (GFile                 *file,
                      CostBillFormat         format,
                      const CostBillMapping *mapping,
                      CostBillProgressFunc   progress,
                      gpointer               progress_data,
                      GDestroyNotify         progress_destroy,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ReadData, 1);
  d->file = g_object_ref (file);
  d->format = format;
  d->mapping = mapping != NULL ? cost_bill_mapping_copy (mapping) : NULL;
  if (progress != NULL)
    {
      d->progress = g_atomic_rc_box_new0 (Progress);
      d->progress->func = progress;
      d->progress->data = progress_data;
      d->progress->destroy = progress_destroy;
      d->progress->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cost_bill_read_async);
  g_task_set_task_data (task, d, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * cost_bill_read_finish:
 *
 * Returns: (transfer full) (nullable): the bill, or %NULL with @error
 */
CostBill *
cost_bill_read_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Applying a bill to a project */

/* The tags of a group's key as a dictionary, or %NULL for none. */
static GVariant *
decode_tags (const char *text)
{
  GVariantBuilder builder;
  const char *p = text;
  gboolean any = FALSE;

  if (*p == '\0')
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  while (*p != '\0')
    {
      char *end;
      guint64 key_len = g_ascii_strtoull (p, &end, 10);
      const char *key = end + 1;
      g_autofree char *k = g_strndup (key, key_len);
      g_autofree char *v = NULL;
      guint64 value_len;

      p = key + key_len;
      value_len = g_ascii_strtoull (p, &end, 10);
      v = g_strndup (end + 1, value_len);
      p = end + 1 + value_len;
      g_variant_builder_add (&builder, "{ss}", k, v);
      any = TRUE;
    }

  if (!any)
    {
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static double
round_micro (double amount)
{
  double r = round (amount * 1e6) / 1e6;

  return r == 0 ? 0 : r;
}

void
cost_bill_report_clear (CostBillReport *report)
{
  g_clear_pointer (&report->source, g_free);
  g_clear_pointer (&report->currency_assumed, g_free);
  g_clear_pointer (&report->missing_rates, g_strfreev);
  g_clear_pointer (&report->mapping_name, g_free);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cost_bill_apply:
 * @bill: a bill read with cost_bill_read()
 * @source: (nullable): the source its records carry; %NULL for the
 *   bill's file name
 * @report: (out caller-allocates) (optional): what the import did; clear
 *   it with cost_bill_report_clear()
 *
 * Brings @bill into the project's actual spending, in one change: its sums
 * are assigned by the project's mapping rules (those no rule matches are
 * kept as unassigned), and replace the records of the same source in the
 * bill's months, so that importing a bill again counts it once. A project
 * without a start month starts with the bill's first month.
 *
 * Returns: whether the project took the bill; on %FALSE, with @error, the
 *   project is as it was
 */
gboolean
cost_bill_apply (CostProject     *project,
                 const CostBill  *bill,
                 const char      *source,
                 CostBillReport  *report,
                 GError         **error)
{
  const char *currency;
  GVariant *actuals;
  g_autoptr(CostBillMatcher) matcher = NULL;
  g_autoptr(GHashTable) months = NULL;
  g_autoptr(GHashTable) missing = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GVariant) sorted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(CostBillReport) r = { 0, };
  char start_text[COST_MONTH_TEXT_SIZE];
  int start, horizon;
  guint n;
  gboolean ok;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (bill != NULL, FALSE);

  if (source == NULL || source[0] == '\0')
    source = bill->name;
  if (!cost_check_text (source, error))
    return FALSE;

  currency = cost_project_get_currency (project);
  horizon = cost_project_get_horizon (project);
  actuals = cost_project_get_actuals (project);
  if (!cost_project_get_start_month (project, &start))
    {
      start = bill->first_month;
      r.start_set = TRUE;
    }
  cost_month_format (start, start_text);

  r.source = g_strdup (source);
  r.format = bill->format;
  r.rows = bill->rows;
  r.first_month = bill->first_month;
  r.last_month = bill->last_month;

  months = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < bill->groups->len; i++)
    g_hash_table_add (months, GINT_TO_POINTER (((Group *) g_ptr_array_index (bill->groups, i))->month));

  /* What an earlier import of this bill brought in its months goes. */
  n = cost_actuals_get_n (actuals);
  records = g_ptr_array_new_full (n + bill->groups->len, (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      int month = 0;

      cost_actuals_get (actuals, i, &actual);
      cost_month_parse (actual.month, &month, NULL);
      if (strcmp (actual.source, source) == 0 && g_hash_table_contains (months, GINT_TO_POINTER (month)))
        {
          r.replaced++;
          continue;
        }
      g_ptr_array_add (records, g_variant_get_child_value (actuals, i));
    }

  matcher = cost_bill_matcher_new (project, cost_project_get_bill_rules (project));
  missing = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < bill->groups->len; i++)
    {
      Group *g = g_ptr_array_index (bill->groups, i);
      g_autoptr(GVariant) tags = decode_tags (g->tags);
      char month[COST_MONTH_TEXT_SIZE];
      const char *category, *item;
      CostActual actual = {
        month, "", "", round_micro (g->sum + g->compensation), g->currency, source, "",
        g->service_category, g->service, g->resource_id, tags, "",
      };

      cost_month_format (g->month, month);
      if (g->currency[0] == '\0')
        {
          actual.currency = currency;
          g_free (r.currency_assumed);
          r.currency_assumed = g_strdup (currency);
        }

      if (cost_bill_matcher_assign (matcher, &actual, &category, &item, NULL))
        {
          actual.category = category;
          actual.item = item;
          actual.service_category = actual.service = actual.resource_id = "";
          actual.tags = NULL;
          r.rows_assigned += g->rows;
        }
      else
        r.rows_unassigned += g->rows;

      if (g->month < start || g->month >= start + horizon)
        r.rows_outside += g->rows;

      if (strcmp (actual.currency, currency) != 0 &&
          !cost_project_get_exchange_rate (project, actual.currency, NULL, NULL))
        g_hash_table_add (missing, (gpointer) actual.currency);

      g_ptr_array_add (records, g_variant_ref_sink (cost_actual_to_variant (&actual)));
    }

  sorted = cost_actuals_sort (records, TRUE, &local_error);
  if (sorted == NULL || !cost_actuals_check (g_variant_ref_sink (sorted), &local_error))
    {
      g_set_error (error, COST_ERROR, local_error ? local_error->code : COST_ERROR_INVALID_VALUE,
                   "%s: %s", bill->name, local_error ? local_error->message : "");
      return FALSE;
    }

  n = cost_actuals_get_n (sorted);
  for (guint i = 0; i < n; i++)
    {
      g_auto(CostActual) actual = { 0, };
      int month = 0;

      cost_actuals_get (sorted, i, &actual);
      cost_month_parse (actual.month, &month, NULL);
      if (strcmp (actual.source, source) == 0 && g_hash_table_contains (months, GINT_TO_POINTER (month)))
        r.records++;
    }

  if (g_hash_table_size (missing) > 0)
    {
      r.missing_rates = (GStrv) g_hash_table_get_keys_as_array (missing, NULL);
      for (guint i = 0; r.missing_rates[i] != NULL; i++)
        r.missing_rates[i] = g_strdup (r.missing_rates[i]);
      qsort (r.missing_rates, g_strv_length (r.missing_rates), sizeof (char *), compare_strings);
    }

  cost_project_begin_change (project);
  ok = (!r.start_set || cost_project_set_start (project, start_text, error)) &&
       cost_project_set_actuals (project, sorted, error);
  if (!ok && r.start_set)
    cost_project_set_start (project, "", NULL);
  cost_project_end_change (project);

  if (ok && report != NULL)
    {
      *report = r;
      memset (&r, 0, sizeof r);
    }

  return ok;
}

/* The saved mapping (cost-bill-mappings.h) of a bill whose columns are
 * not those of a known format, or of any bill for %COST_BILL_FORMAT_CUSTOM. */
static gboolean
find_saved_mapping (CostProject       *project,
                    GFile             *file,
                    CostBillFormat     format,
                    CostBillMapping  **mapping,
                    char             **name,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(CostBillPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  GVariant *mappings;
  int at = -1;

  preview = cost_bill_preview_read (file, 1, cancellable, &local_error);
  if (preview == NULL)
    {
      /* Reading the bill says what is wrong with it, in its place. */
      if (format == COST_BILL_FORMAT_AUTO)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mappings = cost_project_get_bill_mappings (project);
  if (format == COST_BILL_FORMAT_CUSTOM || preview->format == COST_BILL_FORMAT_CUSTOM)
    at = cost_bill_mappings_match (mappings, (const char * const *) preview->headers);

  if (at >= 0)
    {
      *mapping = cost_bill_mappings_get (mappings, at);
      *name = g_strdup (cost_bill_mappings_get_name (mappings, at));
      return TRUE;
    }

  if (format != COST_BILL_FORMAT_CUSTOM)
    return TRUE;

  display = g_file_get_parse_name (file);
  g_set_error (error, COST_ERROR, COST_ERROR_PARSE,
               /* Translators: %s is the bill's file name */
               _("%s: line 1: no column mapping the project keeps fits the columns of the bill: "
                 "map them once in the application"),
               display);
  return FALSE;
}

/**
 * cost_bill_import:
 * @format: the bill's format; %COST_BILL_FORMAT_AUTO tells it from the
 *   columns, and reads any other CSV through the column mapping the
 *   project keeps for its columns; %COST_BILL_FORMAT_CUSTOM reads it
 *   through that mapping
 * @mapping: (nullable): the mapping to read the bill through, rather than
 *   its format's or a saved one
 *
 * Reads a bill (cost_bill_read()) and applies it to the project
 * (cost_bill_apply()), its records carrying the file's name as their
 * source. A bad bill leaves the project as it was.
 */
gboolean
cost_bill_import (CostProject            *project,
                  GFile                  *file,
                  CostBillFormat          format,
                  const CostBillMapping  *mapping,
                  CostBillProgressFunc    progress,
                  gpointer                user_data,
                  GCancellable           *cancellable,
                  CostBillReport         *report,
                  GError                **error)
{
  g_autoptr(CostBill) bill = NULL;
  g_autoptr(CostBillMapping) saved = NULL;
  g_autofree char *saved_name = NULL;

  g_return_val_if_fail (COST_IS_PROJECT (project), FALSE);

  if (mapping == NULL && (format == COST_BILL_FORMAT_AUTO || format == COST_BILL_FORMAT_CUSTOM))
    {
      if (!find_saved_mapping (project, file, format, &saved, &saved_name, cancellable, error))
        return FALSE;
      mapping = saved;
    }

  bill = cost_bill_read (file, format, mapping, progress, user_data, cancellable, error);
  if (bill == NULL)
    return FALSE;

  if (!cost_bill_apply (project, bill, NULL, report, error))
    return FALSE;

  if (report != NULL)
    report->mapping_name = g_steal_pointer (&saved_name);

  return TRUE;
}
