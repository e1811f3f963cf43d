/* cost-cli.c
 *
 * The headless side of the executable: summaries and exports for scripts.
 * Exit status 0 on success, 1 for bad input, 2 for bad usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost-bill.h"
#include "cost-calc.h"
#include "cost-cli.h"
#include "cost-export.h"
#include "cost-format.h"
#include "cost-json-writer.h"
#include "cost-month.h"
#include "cost-names.h"
#include "cost-plan-actual.h"
#include "cost-project-io.h"
#include "cost-project-sizing.h"
#include "cost-sampler.h"
#include "cost-slides.h"
#include "cost-uncertainty.h"
#include "cost-unit-economics.h"

/* Embedding a font reads its tables whole, and a CJK font's outlines are
 * one table of about 15 MB, read several times over. Freed memory is kept
 * for the next read instead of being returned and faulted in again page by
 * page, and the heap it comes from is backed by huge pages where the
 * system offers them: a Chinese report's export then takes a fraction of
 * the page faults. The process ends after the export, so nothing is held
 * for long. */
static void
prepare_font_memory (void)
{
#ifdef __GLIBC__
  const size_t table = 32 * 1024 * 1024;
  void *heap;

  if (mallopt (M_MMAP_THRESHOLD, table) != 1 || mallopt (M_TRIM_THRESHOLD, 8 * table) != 1)
    return;

#ifdef MADV_HUGEPAGE
  /* Just under the threshold, so that it is taken from the heap, which
   * keeps it (and its huge pages) once freed. */
  heap = malloc (table - 4096);
  if (heap != NULL)
    {
      const uintptr_t huge = 2 * 1024 * 1024;
      uintptr_t start = ((uintptr_t) heap + huge - 1) & ~(huge - 1);
      uintptr_t end = ((uintptr_t) heap + table - 4096) & ~(huge - 1);

      if (end > start)
        madvise ((void *) start, end - start, MADV_HUGEPAGE);
      free (heap);
    }
#endif
#endif
}

gboolean
cost_cli_is_headless (int    argc,
                      char **argv)
{
  /* Help and the version are the command line's too: its help lists
   * every option. */
  static const char *own[] = { "--help", "-h", "-?", "--help-all", "--version" };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--summary") || g_str_has_prefix (argv[i], "--export") ||
          g_str_has_prefix (argv[i], "--slides") ||
          g_str_has_prefix (argv[i], "--import-actuals") || g_str_has_prefix (argv[i], "--bill-format"))
        return TRUE;
      for (guint k = 0; k < G_N_ELEMENTS (own); k++)
        {
          if (g_str_equal (argv[i], own[k]))
            return TRUE;
        }
    }

  return FALSE;
}

/* Display width of UTF-8 text in a terminal: CJK characters take two cells. */
static int
text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
print_padded (GString    *out,
              const char *text,
              int         width,
              gboolean    right)
{
  int pad = MAX (0, width - text_width (text));

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

static void
print_row (GString    *out,
           const char *label,
           const char *value,
           const char *extra)
{
  g_string_append (out, "  ");
  print_padded (out, label, 28, FALSE);
  print_padded (out, value, 18, TRUE);
  if (extra != NULL)
    {
      g_string_append (out, "  ");
      print_padded (out, extra, 8, TRUE);
    }
  g_string_append_c (out, '\n');
}

/* A key figure, with its short form where people read large amounts in
 * 万 and 亿: "¥375,000.00 (37.5万元)". */
static char *
key_figure (double      amount,
            const char *currency)
{
  g_autofree char *money = cost_format_money (amount, currency, 0);
  g_autofree char *compact = NULL;

  if (!cost_format_is_chinese () || amount < 1e4)
    return g_steal_pointer (&money);

  compact = cost_format_money_compact (amount, currency);

  return g_strdup_printf ("%s (%s)", money, compact);
}

/* Actual spending: the plan beside the bills, and their import. */

static char *
signed_percent (double ratio)
{
  g_autofree char *percent = cost_format_percent (ratio);

  return isfinite (ratio) && ratio > 0 ? g_strconcat ("+", percent, NULL) : g_steal_pointer (&percent);
}

static void
actuals_text (GString     *out,
              CostProject *project,
              CostResult  *result)
{
  g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);
  const char *currency = cost_project_get_currency (project);

  if (pa == NULL)
    return;

  g_string_append_printf (out, "\n%s\n", _("Plan vs actual"));
  if (pa->n_reported > 0)
    {
      g_string_append (out, "  ");
      print_padded (out, C_("column", "Month"), 12, FALSE);
      print_padded (out, C_("column", "Plan"), 18, TRUE);
      print_padded (out, C_("column", "Actual"), 18, TRUE);
      g_string_append (out, "  ");
      print_padded (out, C_("column", "Variance"), 8, TRUE);
      g_string_append_c (out, '\n');

      for (int m = 0; m < pa->n_reported; m++)
        {
          const CostPlanActualMonth *month = &pa->months[m];
          g_autofree char *label = cost_month_get_label (month->month);
          g_autofree char *plan = cost_format_money (month->total.plan, currency, 0);
          g_autofree char *actual = cost_format_money (month->total.actual, currency, 0);
          g_autofree char *variance = signed_percent (month->total.ratio);

          g_string_append (out, "  ");
          print_padded (out, label, 12, FALSE);
          print_padded (out, plan, 18, TRUE);
          print_padded (out, actual, 18, TRUE);
          g_string_append (out, "  ");
          print_padded (out, variance, 8, TRUE);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  {
    g_autofree char *plan = cost_format_money (pa->to_date.plan, currency, 0);
    g_autofree char *actual = cost_format_money (pa->to_date.actual, currency, 0);
    g_autofree char *variance = cost_format_money (pa->to_date.variance, currency, 0);
    g_autofree char *ratio = signed_percent (pa->to_date.ratio);
    g_autofree char *remaining = cost_format_money (pa->forecast_remaining_plan, currency, 0);
    g_autofree char *run_rate = isfinite (pa->forecast_run_rate) ?
      cost_format_money (pa->forecast_run_rate, currency, 0) : g_strdup ("—");
    g_autofree char *at_completion = cost_format_money (pa->plan_at_completion, currency, 0);

    print_row (out, _("Plan to date"), plan, NULL);
    print_row (out, _("Actual to date"), actual, NULL);
    print_row (out, _("Variance to date"), variance, ratio);
    if (pa->unassigned_to_date != 0)
      {
        g_autofree char *unassigned = cost_format_money (pa->unassigned_to_date, currency, 0);

        print_row (out, _("Unassigned to date"), unassigned, NULL);
      }
    print_row (out, _("Plan at completion"), at_completion, NULL);
    print_row (out, _("Forecast (remaining plan)"), remaining, NULL);
    print_row (out, _("Forecast (run-rate)"), run_rate, NULL);
    if (pa->budget_at_completion > 0)
      {
        g_autofree char *budget = cost_format_money (pa->budget_at_completion, currency, 0);

        print_row (out, _("Budget at completion"), budget, NULL);
      }
  }

  for (guint i = 0; i < pa->rates->len; i++)
    {
      const CostPlanActualRate *rate = &g_array_index (pa->rates, CostPlanActualRate, i);
      g_autofree char *label = g_strdup_printf (_("Rate %s → %s"), rate->currency, currency);
      g_autofree char *number = cost_format_number (rate->rate, 6);
      g_autofree char *value = NULL;

      if (rate->rate <= 0)
        value = g_strdup (_("none"));
      else if (rate->as_of[0] != '\0')
        /* Translators: an exchange rate and its date, "7.1 as of 2027-01-31" */
        value = g_strdup_printf (_("%s as of %s"), number, rate->as_of);
      else
        value = g_strdup (number);
      print_row (out, label, value, NULL);
    }

  for (guint i = 0; i < pa->warnings->len; i++)
    g_string_append_printf (out, "  ! %s\n", g_array_index (pa->warnings, CostPlanActualWarning, i).message);
}

/* `"actuals"`: null without actual spending. Amounts to the cent, a month
 * after the last one with spending has null actual figures. */
static void
actuals_json (CostJsonWriter *w,
              CostProject    *project,
              CostResult     *result)
{
  g_autoptr(CostPlanActual) pa = cost_plan_actual_compute (project, result, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);

  if (pa == NULL)
    {
      cost_json_writer_null (w, "actuals");
      return;
    }

  cost_json_writer_begin_object (w, "actuals");
  cost_json_writer_string (w, "start", cost_project_get_start (project));
  cost_json_writer_begin_array (w, "months");
  for (int m = 0; m < pa->horizon; m++)
    {
      const CostPlanActualMonth *month = &pa->months[m];
      char text[COST_MONTH_TEXT_SIZE];

      cost_month_format (month->month, text);
      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "month", text);
      cost_json_writer_money (w, "plan", month->total.plan);
      cost_json_writer_money (w, "actual", month->total.actual);
      cost_json_writer_money (w, "variance", month->total.variance);
      cost_json_writer_money (w, "unassigned", month->unassigned);
      /* null without the month's requests (actual) or a workload (plan) */
      cost_json_writer_number (w, "requests", month->requests);
      cost_json_writer_number (w, "cost_per_1000_requests", month->cost_per_1000_requests);
      cost_json_writer_number (w, "plan_cost_per_1000_requests", month->plan_cost_per_1000_requests);
      cost_json_writer_begin_array (w, "categories");
      for (guint c = 0; c < pa->n_categories; c++)
        {
          const CostVariance *v = &month->categories[c];

          cost_json_writer_begin_object (w, NULL);
          cost_json_writer_string (w, "id", cost_category_get_id (result->categories[c].category));
          cost_json_writer_money (w, "plan", v->plan);
          cost_json_writer_money (w, "actual", v->actual);
          cost_json_writer_money (w, "variance", v->variance);
          cost_json_writer_end_object (w);
        }
      cost_json_writer_end_array (w);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);

  cost_json_writer_money (w, "plan_to_date", pa->to_date.plan);
  cost_json_writer_money (w, "actual_to_date", pa->to_date.actual);
  cost_json_writer_money (w, "variance_to_date", pa->to_date.variance);
  cost_json_writer_money (w, "unassigned_to_date", pa->unassigned_to_date);
  cost_json_writer_money (w, "plan_at_completion", pa->plan_at_completion);
  if (pa->budget_at_completion > 0)
    cost_json_writer_money (w, "budget_at_completion", pa->budget_at_completion);
  else
    cost_json_writer_null (w, "budget_at_completion");
  cost_json_writer_begin_object (w, "forecast_at_completion");
  cost_json_writer_money (w, "remaining_plan", pa->forecast_remaining_plan);
  cost_json_writer_money (w, "run_rate", pa->forecast_run_rate);
  cost_json_writer_end_object (w);
  cost_json_writer_money (w, "outside_plan", pa->outside);

  cost_json_writer_begin_array (w, "rates");
  for (guint i = 0; i < pa->rates->len; i++)
    {
      const CostPlanActualRate *rate = &g_array_index (pa->rates, CostPlanActualRate, i);

      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "currency", rate->currency);
      if (rate->rate > 0)
        cost_json_writer_number (w, "rate", rate->rate);
      else
        cost_json_writer_null (w, "rate");
      cost_json_writer_string (w, "as_of", rate->as_of);
      cost_json_writer_number (w, "amount", rate->amount);
      cost_json_writer_money (w, "converted", rate->converted);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);

  cost_json_writer_begin_array (w, "warnings");
  for (guint i = 0; i < pa->warnings->len; i++)
    {
      const CostPlanActualWarning *warning = &g_array_index (pa->warnings, CostPlanActualWarning, i);
      char text[COST_MONTH_TEXT_SIZE];

      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "kind", cost_plan_actual_warning_kind_to_string (warning->kind));
      if (warning->month >= 0)
        {
          cost_month_format (pa->months[warning->month].month, text);
          cost_json_writer_string (w, "month", text);
        }
      else
        cost_json_writer_null (w, "month");
      cost_json_writer_string (w, "category", warning->category >= 0 ?
                               cost_category_get_id (result->categories[warning->category].category) : NULL);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);
  cost_json_writer_end_object (w);
}

/* `--import-actuals BILL [--bill-format F] PROJECT`: the bill goes into the
 * project file, saved as the application saves (a temporary file renamed
 * into place, the previous version kept as FILE~); a bad bill leaves the
 * file as it was. */
static int
import_actuals (const char *bill_path,
                const char *format_name,
                const char *project_path)
{
  g_autoptr(GFile) bill_file = g_file_new_for_commandline_arg (bill_path);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CostBillReport) report = { 0, };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *format_label = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  CostBillFormat format = COST_BILL_FORMAT_AUTO;

  if (format_name != NULL &&
      (!cost_bill_format_from_string (format_name, &format) || format == COST_BILL_FORMAT_AUTO))
    {
      g_printerr ("modelcost: %s\n", _("--bill-format must be focus, aws-cur, aliyun or custom"));
      return 2;
    }

  project = cost_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!cost_bill_import (project, bill_file, format, NULL, NULL, NULL, NULL, &report, &error) ||
      !cost_project_save (project, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  first = cost_month_get_label (report.first_month);
  last = cost_month_get_label (report.last_month);
  rows = cost_format_number (report.rows, 0);
  if (report.mapping_name != NULL)
    format_label = g_strdup_printf (_("column mapping “%s”"), report.mapping_name);
  else
    format_label = g_strdup (cost_bill_format_get_label (report.format));
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s (%s): %s line, %s to %s, into %u record.\n",
                        "Imported %s (%s): %s lines, %s to %s, into %u records.\n", report.rows),
           report.source, format_label, rows, first, last, report.records);
  if (report.rows_unassigned > 0)
    {
      g_autofree char *unassigned = cost_format_number (report.rows_unassigned, 0);

      g_print ("  %s\n", _("Lines no mapping rule matched are kept as unassigned; add rules to assign them."));
      g_print ("  ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s line is unassigned.\n", "%s lines are unassigned.\n",
                            report.rows_unassigned), unassigned);
    }
  if (report.replaced > 0)
    {
      g_print ("  ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "It replaces %u record of an earlier import of %s.\n",
                            "It replaces %u records of an earlier import of %s.\n", report.replaced),
               report.replaced, report.source);
    }
  if (report.rows_outside > 0)
    {
      g_autofree char *outside = cost_format_number (report.rows_outside, 0);

      g_print ("  ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s line falls outside the plan’s months: kept, not compared.\n",
                            "%s lines fall outside the plan’s months: kept, not compared.\n",
                            report.rows_outside), outside);
    }
  if (report.start_set)
    g_print ("  %s\n", _("The project had no start month: it now starts with the bill’s first month."));
  if (report.currency_assumed != NULL)
    {
      g_print ("  ");
      g_print (_("The bill names no currency: its amounts are taken to be in %s.\n"), report.currency_assumed);
    }
  for (guint i = 0; report.missing_rates != NULL && report.missing_rates[i] != NULL; i++)
    {
      g_print ("  ");
      g_print (_("The project has no exchange rate for %s: those amounts are kept but left out of the figures.\n"),
               report.missing_rates[i]);
    }
  g_print (_("Saved %s\n"), name);

  return 0;
}

static char *
summary_text (CostProject     *project,
              GPtrArray       *results,
              CostResult      *result,
              CostUncertainty *uncertainty)
{
  GString *out = g_string_new (NULL);
  const char *currency = cost_project_get_currency (project);
  g_autofree char *run_rate = key_figure (result->run_rate, currency);
  g_autofree char *first_year = key_figure (result->first_year, currency);
  g_autofree char *horizon = key_figure (result->horizon_total, currency);
  g_autofree char *one_time = key_figure (result->one_time, currency);
  g_autofree char *horizon_label = NULL;

  g_string_append_printf (out, "%s\n", cost_project_get_title (project));
  g_string_append_printf (out, _("Scenario: %s"),
                          result->scenario ? cost_scenario_get_name (result->scenario) : _("Baseline"));
  g_string_append (out, "    ");
  g_string_append_printf (out, _("Currency: %s"), currency);
  g_string_append (out, "\n\n");

  g_string_append (out, "  ");
  print_padded (out, _("Category"), 28, FALSE);
  print_padded (out, C_("column", "Monthly"), 18, TRUE);
  g_string_append (out, "  ");
  print_padded (out, _("Share"), 8, TRUE);
  g_string_append_c (out, '\n');

  for (guint c = 0; c < result->n_categories; c++)
    {
      const CostCategoryFigures *cf = &result->categories[c];
      g_autofree char *monthly = cost_format_money (cf->run_rate, currency, 0);
      g_autofree char *share = cost_format_share (cf->share);

      print_row (out, cost_names_translate (cost_category_get_name (cf->category)), monthly, share);
    }

  g_string_append_c (out, '\n');
  print_row (out, _("Monthly run-rate"), run_rate, NULL);
  print_row (out, _("First-year total"), first_year, NULL);
  horizon_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                                "Total over %d months", result->horizon),
                                   result->horizon);
  print_row (out, horizon_label, horizon, NULL);
  print_row (out, _("One-time total"), one_time, NULL);

  {
    CostUnitEconomics economics;

    cost_unit_economics (project, result, &economics);
    if (economics.has_workload)
      {
        g_autofree char *requests = cost_format_number (economics.monthly_requests, 0);
        g_autofree char *peak = cost_format_number (economics.peak_qps, 1);
        g_autofree char *gpus = cost_format_number (economics.gpus_required, 0);
        g_autofree char *per_1k = isfinite (economics.cost_per_1k_requests) ?
          cost_format_money (economics.cost_per_1k_requests, currency, 0) : g_strdup ("—");
        g_autofree char *per_dau = isfinite (economics.cost_per_dau_month) ?
          cost_format_money (economics.cost_per_dau_month, currency, 0) : g_strdup ("—");

        g_string_append_printf (out, "\n%s\n", _("Unit economics"));
        print_row (out, _("Requests a month"), requests, NULL);
        print_row (out, _("Peak requests a second"), peak, NULL);
        print_row (out, _("Accelerators required"), gpus, NULL);
        print_row (out, _("Cost per 1,000 requests"), per_1k, NULL);
        print_row (out, _("Cost per daily user a month"), per_dau, NULL);
        if (economics.monthly_tokens > 0)
          {
            g_autofree char *per_1m = cost_format_money (economics.cost_per_1m_tokens, currency, 0);

            print_row (out, _("Cost per million tokens"), per_1m, NULL);
          }
        if (isfinite (economics.cost_per_order))
          {
            g_autofree char *per_order = cost_format_money (economics.cost_per_order, currency, 0);

            print_row (out, _("Cost per order"), per_order, NULL);
          }
        if (isfinite (economics.gmv_share))
          {
            g_autofree char *gmv_share = cost_format_percent (economics.gmv_share);

            print_row (out, _("Cost as share of GMV"), gmv_share, NULL);
          }
      }
  }

  if (uncertainty != NULL)
    {
      g_autofree char *note = NULL;

      g_string_append_printf (out, "\n%s\n", _("How sure is this plan?"));
      for (guint i = 0; i < COST_N_MEASURES; i++)
        {
          const CostMeasureStats *s = &uncertainty->measures[i];
          g_autofree char *p10 = cost_format_money (s->p10, currency, 0);
          g_autofree char *p50 = cost_format_money (s->p50, currency, 0);
          g_autofree char *p90 = cost_format_money (s->p90, currency, 0);
          g_autofree char *range = g_strdup_printf (_("P10 %s · P50 %s · P90 %s"), p10, p50, p90);

          print_row (out, cost_measure_get_label (i), range, NULL);
        }
      {
        const CostMeasureStats *s = &uncertainty->measures[COST_MEASURE_RUN_RATE];
        g_autofree char *contingency = cost_format_money (cost_uncertainty_contingency (uncertainty,
                                                                                         COST_MEASURE_RUN_RATE),
                                                          currency, 0);

        print_row (out, _("Contingency for P80 a month"), contingency, NULL);
        if (!isnan (s->prob_over_budget))
          {
            g_autofree char *p = cost_format_percent (s->prob_over_budget);

            print_row (out, _("Chance of going over the monthly budget"), p, NULL);
          }
      }
      {
        g_autofree char *samples = cost_format_number (uncertainty->n_samples, 0);
        g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, uncertainty->seed);

        note = g_strdup_printf (_("%s samples, seed %s"), samples, seed_text);
      }
      g_string_append_printf (out, "  %s\n", note);
    }

  actuals_text (out, project, result);

  if (results->len > 1)
    {
      CostResult *baseline = g_ptr_array_index (results, 0);

      g_string_append_printf (out, "\n%s\n", _("Scenarios"));
      for (guint i = 1; i < results->len; i++)
        {
          CostResult *s = g_ptr_array_index (results, i);
          g_autofree char *money = cost_format_money (s->run_rate, currency, 0);
          g_autofree char *delta = NULL;
          g_autofree char *label = NULL;

          delta = baseline->run_rate > 0 ?
            cost_format_percent ((s->run_rate - baseline->run_rate) / baseline->run_rate) :
            g_strdup ("—");
          label = g_strdup_printf ("%s (%s)", cost_scenario_get_name (s->scenario),
                                   cost_scenario_get_id (s->scenario));
          print_row (out, label, money, delta);
        }
    }

  return g_string_free (out, FALSE);
}

/* Amounts are written as their whole cents (31865536573.42), other figures
 * in the shortest form that reads back (see cost-json-writer.c). */
/* The simulation's figures of a measure; amounts to the cent, the rest to
 * six decimals. */
static void
uncertainty_measure_json (CostJsonWriter        *w,
                          const CostUncertainty *u,
                          CostMeasure            measure)
{
  const CostMeasureStats *s = &u->measures[measure];
  g_autofree guint *order = g_new (guint, MAX (1, u->n_inputs));

  cost_json_writer_begin_object (w, cost_measure_to_string (measure));
  cost_json_writer_money (w, "point", s->point);
  cost_json_writer_money (w, "mean", s->mean);
  cost_json_writer_money (w, "p10", s->p10);
  cost_json_writer_money (w, "p50", s->p50);
  cost_json_writer_money (w, "p80", s->p80);
  cost_json_writer_money (w, "p90", s->p90);
  cost_json_writer_money (w, "p90_stderr", s->p90_stderr);
  cost_json_writer_money (w, "contingency", cost_uncertainty_contingency (u, measure));
  if (isnan (s->prob_over_budget))
    cost_json_writer_null (w, "prob_over_budget");
  else
    cost_json_writer_number (w, "prob_over_budget", round (s->prob_over_budget * 1e6) / 1e6);

  /* Largest share first; ties in the order of the inputs. */
  for (guint k = 0; k < u->n_inputs; k++)
    order[k] = k;
  for (guint k = 1; k < u->n_inputs; k++)
    for (guint j = k; j > 0 && u->inputs[order[j]].share[measure] > u->inputs[order[j - 1]].share[measure]; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  cost_json_writer_begin_array (w, "contributions");
  for (guint k = 0; k < u->n_inputs; k++)
    {
      const CostUncertaintyInput *input = &u->inputs[order[k]];

      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "input", input->path);
      cost_json_writer_string (w, "label", input->label);
      cost_json_writer_number (w, "share", round (input->share[measure] * 1e6) / 1e6);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);
  cost_json_writer_end_object (w);
}

static char *
summary_json (CostProject     *project,
              GPtrArray       *results,
              CostResult      *result,
              CostUncertainty *uncertainty)
{
  CostJsonWriter *w = cost_json_writer_new ();
  CostUnitEconomics economics;

  cost_json_writer_begin_object (w, NULL);
  cost_json_writer_string (w, "title", cost_project_get_title (project));
  cost_json_writer_string (w, "currency", cost_project_get_currency (project));
  cost_json_writer_string (w, "scenario", result->scenario ? cost_scenario_get_id (result->scenario) : NULL);
  cost_json_writer_money (w, "monthly_run_rate", result->run_rate);
  cost_json_writer_money (w, "first_year_total", result->first_year);
  cost_json_writer_int (w, "horizon_months", result->horizon);
  cost_json_writer_money (w, "horizon_total", result->horizon_total);
  cost_json_writer_money (w, "one_time_total", result->one_time);

  cost_json_writer_begin_array (w, "categories");
  for (guint c = 0; c < result->n_categories; c++)
    {
      const CostCategoryFigures *cf = &result->categories[c];

      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "id", cost_category_get_id (cf->category));
      cost_json_writer_string (w, "name", cost_category_get_name (cf->category));
      cost_json_writer_money (w, "monthly", cf->run_rate);
      cost_json_writer_money (w, "first_year", cf->first_year);
      cost_json_writer_number (w, "share", cf->share);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);

  cost_json_writer_begin_array (w, "monthly");
  for (int m = 0; m < result->horizon; m++)
    cost_json_writer_money (w, NULL, result->monthly[m]);
  cost_json_writer_end_array (w);

  cost_unit_economics (project, result, &economics);
  if (economics.has_workload)
    {
      /* Ratios to six decimals; one that cannot be computed (no requests to
       * divide by) is null. */
#define FIGURE(key, value) cost_json_writer_number (w, key, round ((value) * 1e6) / 1e6)
      cost_json_writer_begin_object (w, "unit_economics");
      FIGURE ("monthly_requests", economics.monthly_requests);
      FIGURE ("cost_per_1k_requests", economics.cost_per_1k_requests);
      FIGURE ("cost_per_dau_month", economics.cost_per_dau_month);
      /* null when the orders or the GMV are not entered */
      FIGURE ("cost_per_order", economics.cost_per_order);
      FIGURE ("gmv_share", economics.gmv_share);
      FIGURE ("peak_qps", economics.peak_qps);
      FIGURE ("gpus_required", economics.gpus_required);
      if (economics.monthly_tokens > 0)
        FIGURE ("cost_per_1m_tokens", economics.cost_per_1m_tokens);
      FIGURE ("compute_share", economics.compute_share);
      cost_json_writer_end_object (w);
#undef FIGURE
    }

  /* Each served model, as the scenario sizes it; what only an LLM sized
   * by tokens has is null for the others. */
  if (cost_project_get_n_models (project) > 0)
    {
#define FIGURE(key, value) cost_json_writer_number (w, key, round ((value) * 1e6) / 1e6)
      cost_json_writer_begin_array (w, "models");
      for (guint i = 0; i < cost_project_get_n_models (project); i++)
        {
          CostServedModel *model = cost_project_get_model (project, i);
          CostModelEconomics m;

          cost_model_economics (project, result, model, &m);
          cost_json_writer_begin_object (w, NULL);
          cost_json_writer_string (w, "id", cost_served_model_get_id (model));
          cost_json_writer_string (w, "kind", cost_model_kind_to_string (m.values.kind));
          FIGURE ("instances", m.instances);
          FIGURE ("gpus", m.accelerators);
          FIGURE ("concurrency", m.concurrency);
          FIGURE ("ttft_ms", m.ttft_ms);
          FIGURE ("tpot_ms", m.tpot_ms);
          FIGURE ("tokens_per_s_per_gpu", m.tokens_per_s_per_gpu);
          FIGURE ("cost_per_million_input_tokens", m.cost_per_million_input_tokens);
          FIGURE ("cost_per_million_output_tokens", m.cost_per_million_output_tokens);
          cost_json_writer_end_object (w);
        }
      cost_json_writer_end_array (w);
#undef FIGURE
    }

  if (uncertainty == NULL)
    cost_json_writer_null (w, "uncertainty");
  else
    {
      cost_json_writer_begin_object (w, "uncertainty");
      cost_json_writer_int (w, "samples", uncertainty->n_samples);
      cost_json_writer_number (w, "seed", (double) uncertainty->seed);
      for (guint i = 0; i < COST_N_MEASURES; i++)
        uncertainty_measure_json (w, uncertainty, i);
      cost_json_writer_end_object (w);
    }

  actuals_json (w, project, result);

  cost_json_writer_begin_array (w, "scenarios");
  for (guint i = 1; i < results->len; i++)
    {
      CostResult *s = g_ptr_array_index (results, i);

      cost_json_writer_begin_object (w, NULL);
      cost_json_writer_string (w, "id", cost_scenario_get_id (s->scenario));
      cost_json_writer_string (w, "name", cost_scenario_get_name (s->scenario));
      cost_json_writer_money (w, "monthly_run_rate", s->run_rate);
      cost_json_writer_money (w, "first_year_total", s->first_year);
      cost_json_writer_money (w, "horizon_total", s->horizon_total);
      cost_json_writer_money (w, "one_time_total", s->one_time);
      cost_json_writer_end_object (w);
    }
  cost_json_writer_end_array (w);
  cost_json_writer_end_object (w);

  return cost_json_writer_free_to_data (w);
}

/* "1600x1000" (or with "×") as a width and a height. */
static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (strstr (text, "×") != NULL)
    parts = g_strsplit (text, "×", 2);
  else
    parts = g_strsplit_set (text, "xX", 2);

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 10000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 10000, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

int
cost_cli_run (int    argc,
              char **argv)
{
  gboolean summary = FALSE, json = FALSE, redact = FALSE, version = FALSE;
  g_autofree char *export_path = NULL;
  g_autofree char *slides_path = NULL;
  g_autofree char *size = NULL;
  gboolean all_scenarios = FALSE;
  g_autofree char *scenario_id = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *paper = NULL;
  int width = 0, height = 0, samples = -1;
  gint64 seed = -1;
  g_autofree char *import_path = NULL;
  g_autofree char *bill_format = NULL;
  double scale = 1.0;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CostProject) project = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CostUncertaintyPlan) plan = NULL;
  g_autoptr(CostUncertainty) uncertainty = NULL;
  CostResult *result;
  GOptionEntry entries[] = {
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("Print the project’s figures"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --summary: print JSON for machines"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Export to a .pdf, .png, .svg, .csv or .xlsx file"), N_("OUT") },
    { "slides", 0, 0, G_OPTION_ARG_FILENAME, &slides_path,
      N_("Export the slides of presentation mode to a 16:9 .pdf file"), N_("OUT.pdf") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_id, N_("Use the scenario with this id"), N_("ID") },
    { "all-scenarios", 0, 0, G_OPTION_ARG_NONE, &all_scenarios,
      N_("With a .pdf report: report every scenario, one after the other"), NULL },
    /* The names of cost-chart-choice.c's table, which parses them; spelled
     * out so that the translation can write the list its own way. */
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart,
      N_("Export one chart: donut, stacked, ranked, monthly, comparison, tornado, histogram, s-curve, fan, contributions, burn-up"), N_("KIND") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Chart width in pixels"), N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Chart height in pixels"), N_("PIXELS") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Chart width and height in pixels: 1600x1000"),
      N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Chart scale for HiDPI (1 to 4)"), N_("FACTOR") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Report paper size: a4 or letter"), N_("SIZE") },
    { "redact-labor", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Hide individual labor amounts in exports"), NULL },
    { "samples", 0, 0, G_OPTION_ARG_INT, &samples,
      N_("Samples of the simulation (1,000 to 100,000; the project’s by default)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the simulation (the project’s by default)"), N_("SEED") },
    { "import-actuals", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Import a bill’s actual spending into the project file and save it"), N_("BILL.csv") },
    /* The names of cost-bill-formats.c's table, which parses them. */
    { "bill-format", 0, 0, G_OPTION_ARG_STRING, &bill_format,
      N_("The bill’s format: focus, aws-cur, aliyun, or custom for the column mapping the project keeps "
         "(told from its columns by default)"), N_("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version of ModelCost"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  /* The usage line names FILE already, from the remaining arguments' entry. */
  context = g_option_context_new (_("— plan the cost of running AI models"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_set_description (context,
                                    _("Without --summary or --export, ModelCost opens its window, with each FILE "
                                      "as a project.\n\n"
                                      "Exit status: 0 when all went well, 1 when a file cannot be read or "
                                      "written (the message names the file, where in it and why), 2 for "
                                      "options that do not go together."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("modelcost: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("modelcost %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("modelcost: %s\n", _("give exactly one project file"));
      return 2;
    }

  if (import_path != NULL || bill_format != NULL)
    {
      if (import_path == NULL || summary || json || export_path != NULL || scenario_id != NULL)
        {
          g_printerr ("modelcost: %s\n", _("--bill-format goes with --import-actuals, which goes with no "
                                            "--summary, --export or --scenario"));
          return 2;
        }
      return import_actuals (import_path, bill_format, files[0]);
    }

  if ((summary ? 1 : 0) + (export_path != NULL ? 1 : 0) + (slides_path != NULL ? 1 : 0) != 1)
    {
      g_printerr ("modelcost: %s\n", _("use one of --summary, --export or --slides"));
      return 2;
    }

  if (all_scenarios && (export_path == NULL || !g_str_has_suffix (export_path, ".pdf") || scenario_id != NULL))
    {
      g_printerr ("modelcost: %s\n", _("--all-scenarios goes with --export to a .pdf file, without --scenario"));
      return 2;
    }

  if (size != NULL && !parse_size (size, &width, &height))
    {
      g_printerr ("modelcost: %s\n", _("--size must be a width and a height in pixels, as in 1600x1000"));
      return 2;
    }

  if (json && !summary)
    {
      g_printerr ("modelcost: %s\n", _("--json only goes with --summary"));
      return 2;
    }

  if (width < 0 || height < 0 || width > 10000 || height > 10000 || scale < 1.0 || scale > 4.0)
    {
      g_printerr ("modelcost: %s\n", _("--width and --height must be 1 to 10000 pixels, --scale 1 to 4"));
      return 2;
    }

  if ((samples != -1 && (samples < COST_SAMPLER_MIN_SAMPLES || samples > COST_SAMPLER_MAX_SAMPLES)) ||
      (seed != -1 && (seed < 0 || (guint64) seed > COST_PROJECT_MAX_SEED)))
    {
      g_printerr ("modelcost: %s\n", _("--samples must be 1000 to 100000, --seed 0 to 2⁵³ − 1"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  project = cost_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  results = cost_calc_compute_all (project);
  result = g_ptr_array_index (results, 0);
  if (scenario_id != NULL)
    {
      guint position;

      if (cost_project_find_scenario (project, scenario_id, &position) == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_printerr (_("%s: scenarios: no scenario has the id “%s”\n"), name, scenario_id);
          return 1;
        }
      result = g_ptr_array_index (results, position + 1);
    }

  /* A project with ranges is simulated, with its own samples and seed
   * unless the command line gives others. */
  plan = cost_uncertainty_plan_new (project, result->scenario,
                                    samples != -1 ? (guint) samples : cost_project_get_samples (project),
                                    seed != -1 ? (guint64) seed : cost_project_get_seed (project));
  if (cost_uncertainty_plan_get_n_inputs (plan) > 0)
    {
      uncertainty = cost_uncertainty_plan_run (plan, 0, NULL, NULL, NULL, &error);
      if (uncertainty == NULL)
        {
          g_printerr ("modelcost: %s\n", error->message);
          return 1;
        }
    }

  if (summary)
    {
      g_autofree char *text = json ? summary_json (project, results, result, uncertainty) :
                                     summary_text (project, results, result, uncertainty);

      fputs (text, stdout);
      if (json)
        fputc ('\n', stdout);
      return 0;
    }
  else
    {
      CostExportOptions options = {
        .scenario = result->scenario,
        .all_scenarios = all_scenarios,
        .chart = chart,
        .width = width,
        .height = height,
        .scale = scale,
        .paper = paper,
        .redact_labor = redact,
        .results = results,
        .uncertainty = uncertainty,
      };
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (slides_path ? slides_path : export_path);
      gboolean done;

      prepare_font_memory ();

      done = slides_path != NULL ? cost_export_slides (project, out, &options, &error) :
                                   cost_export_file (project, out, &options, &error);
      if (!done)
        {
          g_printerr ("%s\n", error->message);
          return g_error_matches (error, COST_ERROR, COST_ERROR_USAGE) ? 2 : 1;
        }
      return 0;
    }
}
