/* cost-scenario-text.c
 *
 * What the what-if pages say about a scenario: its name, its change from
 * the baseline, and how it stands against the project's budgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-scenario-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-change-text.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-scenario-text.h"

/**
 * cost_scenario_text_name:
 *
 * Returns: (transfer full): the name of the scenario @result was computed
 *   for, "Baseline" for the baseline
 */
char *
cost_scenario_text_name (const CostResult *result)
{
  const char *name;

  if (result->scenario == NULL)
    return g_strdup (_("Baseline"));

  name = cost_names_translate (cost_scenario_get_name (result->scenario));

  return g_strdup (name[0] != '\0' ? name : _("Unnamed Scenario"));
}

/**
 * cost_scenario_text_unique:
 *
 * Returns: (transfer full): @name, or "@name 2", "@name 3"… when a scenario
 *   of @project already has it
 */
char *
cost_scenario_text_unique (CostProject *project,
                           const char  *name)
{
  guint n = cost_project_get_n_scenarios (project);

  for (guint k = 1; ; k++)
    {
      /* Translators: a scenario name made unique: "What-if 2" */
      g_autofree char *candidate = k == 1 ? g_strdup (name) : g_strdup_printf (_("%s %u"), name, k);
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        taken = g_strcmp0 (cost_scenario_get_name (cost_project_get_scenario (project, i)), candidate) == 0;

      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/**
 * cost_scenario_text_delta:
 *
 * Returns: (transfer full): the change from @baseline in money and percent,
 *   "−¥50,000 (−13.3%)", or "No change"
 */
char *
cost_scenario_text_delta (double      value,
                          double      baseline,
                          const char *currency)
{
  return cost_change_text (value, baseline, currency, COST_FORMAT_WHOLE, COST_CHANGE_TEXT);
}

/**
 * cost_scenario_text_budget:
 *
 * Returns: (transfer full) (nullable): how @result stands against the
 *   project's monthly and annual budgets, one line each; %NULL when the
 *   project has none
 */
char *
cost_scenario_text_budget (CostProject      *project,
                           const CostResult *result)
{
  const char *currency = cost_project_get_currency (project);
  g_autoptr(GString) text = g_string_new (NULL);
  CostBudgetStatus status;

  cost_analysis_budget (project, result, &status);

  if (status.monthly_budget > 0)
    {
      g_autofree char *budget = cost_format_money (status.monthly_budget, currency, COST_FORMAT_WHOLE);

      if (status.first_month_over >= 0)
        {
          g_autofree char *over = cost_format_money (status.first_month_overspend, currency, COST_FORMAT_WHOLE);
          g_autofree char *worst = cost_format_money (status.largest_overspend, currency, COST_FORMAT_WHOLE);

          if (status.largest_overspend > status.first_month_overspend)
            /* Translators: "Over the monthly budget of ¥400,000 from month 3, by ¥12,000 (¥30,000 at most)." */
            g_string_append_printf (text, _("Over the monthly budget of %s from month %d, by %s (%s at most)."),
                                    budget, status.first_month_over + 1, over, worst);
          else
            /* Translators: "Over the monthly budget of ¥400,000 from month 3, by ¥12,000." */
            g_string_append_printf (text, _("Over the monthly budget of %s from month %d, by %s."),
                                    budget, status.first_month_over + 1, over);
        }
      else
        {
          g_autofree char *spare = cost_format_money (status.monthly_headroom, currency, COST_FORMAT_WHOLE);

          /* Translators: "Within the monthly budget of ¥400,000: ¥25,000 to spare." */
          g_string_append_printf (text, _("Within the monthly budget of %s: %s to spare."), budget, spare);
        }
    }

  if (status.annual_budget > 0)
    {
      g_autofree char *budget = cost_format_money (status.annual_budget, currency, COST_FORMAT_WHOLE);
      g_autofree char *headroom = cost_format_money (fabs (status.annual_headroom), currency, COST_FORMAT_WHOLE);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (status.annual_crossing_month >= 0)
        /* Translators: "The first year uses up the annual budget of ¥4,000,000 in month 11, and ends ¥300,000 over." */
        g_string_append_printf (text, _("The first year uses up the annual budget of %s in month %d, and ends %s over."),
                                budget, status.annual_crossing_month + 1, headroom);
      else
        /* Translators: "The first year stays within the annual budget of ¥5,000,000: ¥500,000 to spare." */
        g_string_append_printf (text, _("The first year stays within the annual budget of %s: %s to spare."),
                                budget, headroom);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * cost_scenario_text_budget_cell:
 *
 * Returns: (transfer full) (nullable): the same, short enough for a table
 *   cell: "¥25,000 to spare", "¥12,000 over from M3" (or "from Mar 2027")
 */
char *
cost_scenario_text_budget_cell (CostProject      *project,
                                const CostResult *result)
{
  const char *currency = cost_project_get_currency (project);
  CostBudgetStatus status;

  cost_analysis_budget (project, result, &status);

  if (status.monthly_budget > 0)
    {
      if (status.first_month_over >= 0)
        {
          g_autofree char *over = cost_format_money (status.first_month_overspend, currency, COST_FORMAT_WHOLE);
          g_autofree char *month = cost_project_get_month_label (project, status.first_month_over, TRUE);

          /* Translators: a table cell: "¥12,000 over from M3" (M3: month 3), or "from Mar 2027" */
          return g_strdup_printf (_("%s over from %s"), over, month);
        }
      else
        {
          g_autofree char *spare = cost_format_money (status.monthly_headroom, currency, COST_FORMAT_WHOLE);

          /* Translators: a table cell: "¥25,000 to spare" a month */
          return g_strdup_printf (_("%s a month to spare"), spare);
        }
    }

  if (status.annual_budget > 0)
    {
      g_autofree char *headroom = cost_format_money (fabs (status.annual_headroom), currency, COST_FORMAT_WHOLE);

      if (status.annual_crossing_month >= 0)
        {
          g_autofree char *month = cost_project_get_month_label (project, status.annual_crossing_month, TRUE);

          /* Translators: a table cell: "¥300,000 over, budget used up in M11", or "in Nov 2027" */
          return g_strdup_printf (_("%s over, used up in %s"), headroom, month);
        }

      /* Translators: a table cell: "¥500,000 to spare in the first year" */
      return g_strdup_printf (_("%s to spare in the year"), headroom);
    }

  return NULL;
}
