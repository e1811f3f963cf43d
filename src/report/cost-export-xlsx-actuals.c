/* cost-export-xlsx-actuals.c
 *
 * The XLSX export's "Plan vs actual" sheet: each month's plan, actual,
 * variance and its share, for the project and each category, what 1,000
 * requests cost, then the forecasts at completion and the warnings. Every
 * figure is a number with a number format, for people to work on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cost-export-xlsx-private.h"
#include "cost-names.h"

#define HEADER_ROW 3

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *text;
  lxw_format *money;
  lxw_format *small_money;
  lxw_format *percent;
  lxw_format *count;
  lxw_format *total;
  lxw_format *total_money;
  lxw_format *total_percent;
} Formats;

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *num_format,
            gboolean      bold,
            uint8_t       top_border)
{
  lxw_format *format = workbook_add_format (workbook);

  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (bold)
    format_set_bold (format);
  if (top_border != LXW_BORDER_NONE)
    format_set_top (format, top_border);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);

  return format;
}

static void
formats_init (Formats      *f,
              lxw_workbook *workbook)
{
  const char *money = "#,##0.00";
  const char *percent = "0.0%";

  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->label = workbook_add_format (workbook);
  format_set_font_color (f->label, 0x5f6670);
  f->header = add_format (workbook, NULL, TRUE, LXW_BORDER_NONE);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_text_wrap (f->header);
  f->text = add_format (workbook, NULL, FALSE, LXW_BORDER_NONE);
  f->money = add_format (workbook, money, FALSE, LXW_BORDER_NONE);
  f->small_money = add_format (workbook, "#,##0.0000", FALSE, LXW_BORDER_NONE);
  f->percent = add_format (workbook, percent, FALSE, LXW_BORDER_NONE);
  f->count = add_format (workbook, "#,##0", FALSE, LXW_BORDER_NONE);
  f->total = add_format (workbook, NULL, TRUE, LXW_BORDER_DOUBLE);
  f->total_money = add_format (workbook, money, TRUE, LXW_BORDER_DOUBLE);
  f->total_percent = add_format (workbook, percent, TRUE, LXW_BORDER_DOUBLE);
}

/* A figure, or an empty cell when there is none (a month after the last
 * one reported, a ratio of a plan of 0). */
static void
write_number (lxw_worksheet *sheet,
              guint          row,
              guint          col,
              double         value,
              lxw_format    *format)
{
  if (isfinite (value))
    worksheet_write_number (sheet, row, col, value, format);
  else
    worksheet_write_blank (sheet, row, col, format);
}

static void
write_variance (lxw_worksheet      *sheet,
                guint               row,
                guint               col,
                const CostVariance *v,
                lxw_format         *money,
                lxw_format         *percent)
{
  write_number (sheet, row, col, v->plan, money);
  write_number (sheet, row, col + 1, v->actual, money);
  write_number (sheet, row, col + 2, v->variance, money);
  write_number (sheet, row, col + 3, v->ratio, percent);
}

/* "Compute: actual" */
static void
write_header_pair (lxw_worksheet *sheet,
                   guint          col,
                   const char    *name,
                   const char    *figure,
                   lxw_format    *format)
{
  /* Translators: a column of the Plan vs actual sheet: the category, then the figure, "Compute: variance" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), name, figure);

  worksheet_write_string (sheet, HEADER_ROW, col, text, format);
}

/**
 * _cost_export_xlsx_plan_actual:
 * @sheet: the sheet to fill, added to @workbook
 *
 * Columns: the month; the project's plan, actual, variance and variance
 * (%); the same four for each category; the unassigned amount; the
 * requests served, what 1,000 of them cost and what the plan has them
 * cost. A row per month of the plan, then the months to date together;
 * under them the forecasts at completion and the warnings.
 */
void
_cost_export_xlsx_plan_actual (lxw_workbook         *workbook,
                               lxw_worksheet        *sheet,
                               CostProject          *project,
                               const CostPlanActual *pa)
{
  const char *currency = cost_project_get_currency (project);
  const char *figures[4] = { C_("actuals", "Plan"), C_("actuals", "Actual"), _("Variance"), _("Variance (%)") };
  g_autofree char *heading = g_strdup_printf (_("Plan vs actual (%s)"), currency);
  const CostResult *result = pa->result;
  guint col_unassigned = 1 + 4 * (1 + pa->n_categories);
  guint col_requests = col_unassigned + 1;
  guint row;
  Formats f;

  formats_init (&f, workbook);

  worksheet_write_string (sheet, 0, 0, heading, f.title);
  worksheet_write_string (sheet, 1, 0, _("Scenario"), f.label);
  worksheet_write_string (sheet, 1, 1, result->scenario ? cost_scenario_get_name (result->scenario) : _("Baseline"),
                          f.text);

  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, col_requests + 2, 14, NULL);
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 1);

  worksheet_write_string (sheet, HEADER_ROW, 0, _("Month"), f.header);
  for (guint k = 0; k < 4; k++)
    write_header_pair (sheet, 1 + k, _("Total"), figures[k], f.header);
  for (guint c = 0; c < pa->n_categories; c++)
    for (guint k = 0; k < 4; k++)
      write_header_pair (sheet, 1 + 4 * (1 + c) + k,
                         cost_names_translate (cost_category_get_name (result->categories[c].category)),
                         figures[k], f.header);
  worksheet_write_string (sheet, HEADER_ROW, col_unassigned, _("Unassigned"), f.header);
  worksheet_write_string (sheet, HEADER_ROW, col_requests, _("Requests served"), f.header);
  worksheet_write_string (sheet, HEADER_ROW, col_requests + 1, _("Actual cost per 1,000 requests"), f.header);
  worksheet_write_string (sheet, HEADER_ROW, col_requests + 2, _("Planned cost per 1,000 requests"), f.header);

  row = HEADER_ROW + 1;
  for (int m = 0; m < pa->horizon; m++, row++)
    {
      const CostPlanActualMonth *month = &pa->months[m];
      g_autofree char *label = cost_project_get_month_label (project, m, FALSE);

      worksheet_write_string (sheet, row, 0, label, f.text);
      write_variance (sheet, row, 1, &month->total, f.money, f.percent);
      for (guint c = 0; c < pa->n_categories; c++)
        write_variance (sheet, row, 1 + 4 * (1 + c), &month->categories[c], f.money, f.percent);
      write_number (sheet, row, col_unassigned, month->unassigned, f.money);
      write_number (sheet, row, col_requests, month->requests, f.count);
      write_number (sheet, row, col_requests + 1, month->cost_per_1000_requests, f.small_money);
      write_number (sheet, row, col_requests + 2, month->plan_cost_per_1000_requests, f.small_money);
    }

  /* The months to date together. */
  worksheet_write_string (sheet, row, 0, _("To date"), f.total);
  write_variance (sheet, row, 1, &pa->to_date, f.total_money, f.total_percent);
  for (guint c = 0; c < pa->n_categories; c++)
    write_variance (sheet, row, 1 + 4 * (1 + c), &pa->categories_to_date[c], f.total_money, f.total_percent);
  write_number (sheet, row, col_unassigned, pa->unassigned_to_date, f.total_money);
  row += 2;

  /* The forecasts at completion, in plain words. */
  {
    const struct {
      const char *label;
      double      value;
    } lines[] = {
      { _("Plan at completion"), pa->plan_at_completion },
      { _("Forecast at completion: actual to date + the plan of the months left"), pa->forecast_remaining_plan },
      { _("Forecast at completion: actual to date + the recent monthly average × the months left"),
        pa->forecast_run_rate },
      { _("Recent monthly average (the last three months to date)"), pa->run_rate },
      { _("Budget at completion"), pa->budget_at_completion > 0 ? pa->budget_at_completion : NAN },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++, row++)
      {
        worksheet_write_string (sheet, row, 0, lines[i].label, f.label);
        write_number (sheet, row, 5, lines[i].value, f.money);
      }
  }

  if (pa->warnings->len > 0)
    {
      row++;
      worksheet_write_string (sheet, row++, 0, _("What to look at"), f.header);
      for (guint i = 0; i < pa->warnings->len; i++, row++)
        worksheet_write_string (sheet, row, 0, g_array_index (pa->warnings, CostPlanActualWarning, i).message,
                                f.text);
    }
}
