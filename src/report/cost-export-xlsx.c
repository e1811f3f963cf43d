/* cost-export-xlsx.c
 *
 * XLSX export for finance: a summary sheet and one sheet per scenario, with
 * the amounts as formulas over the quantities and prices (and their computed
 * values cached), so that the workbook still adds up when someone edits it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-export-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "cost-calc.h"
#include "cost-export-private.h"
#include "cost-export-xlsx-private.h"
#include "cost-names.h"
#include "cost-uncertainty-charts.h"

/* Excel's limits. */
#define MAX_SHEET_NAME_CHARS 31
#define MAX_CELL_CHARS       32767

/* Columns of a scenario sheet. */
enum {
  COL_CATEGORY,
  COL_ITEM,
  COL_QUANTITY,
  COL_UNIT,
  COL_UNIT_PRICE,
  COL_PERIOD,
  COL_PER_MONTH,
  COL_FACTOR,
  COL_GROWTH,
  COL_MONTHLY,
  COL_SHARE,
  COL_FIRST_YEAR,
  COL_HORIZON,
  COL_ONE_TIME,
  COL_SOURCE,
  COL_AS_OF,
  COL_NOTES,
  N_COLUMNS
};

#define HEADER_ROW 3

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *header_number;
  lxw_format *text;
  lxw_format *quantity;
  lxw_format *decimal;
  lxw_format *factor;
  lxw_format *money;
  lxw_format *percent;
  lxw_format *date;
  lxw_format *subtotal;
  lxw_format *subtotal_money;
  lxw_format *subtotal_percent;
  lxw_format *total;
  lxw_format *total_money;
  lxw_format *total_percent;
} Formats;

/* Where a scenario sheet put its totals, for the summary's formulas. */
typedef struct
{
  char    *name;
  guint    total_row;
  guint   *subtotal_rows;  /* one per category */
} SheetInfo;

static void
sheet_info_clear (SheetInfo *info)
{
  g_free (info->name);
  g_free (info->subtotal_rows);
}

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
formats_init (Formats      *formats,
              lxw_workbook *workbook)
{
  const char *money = "#,##0.00";
  const char *percent = "0.0%";

  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 14);
  formats->label = workbook_add_format (workbook);
  format_set_font_color (formats->label, 0x5f6670);

  formats->header = add_format (workbook, NULL, TRUE, LXW_BORDER_NONE);
  format_set_bottom (formats->header, LXW_BORDER_THIN);
  format_set_text_wrap (formats->header);
  formats->header_number = add_format (workbook, NULL, TRUE, LXW_BORDER_NONE);
  format_set_bottom (formats->header_number, LXW_BORDER_THIN);
  format_set_text_wrap (formats->header_number);
  format_set_align (formats->header_number, LXW_ALIGN_RIGHT);

  formats->text = add_format (workbook, NULL, FALSE, LXW_BORDER_NONE);
  formats->quantity = add_format (workbook, "#,##0", FALSE, LXW_BORDER_NONE);
  formats->decimal = add_format (workbook, "#,##0.00##", FALSE, LXW_BORDER_NONE);
  formats->factor = add_format (workbook, "General", FALSE, LXW_BORDER_NONE);
  formats->money = add_format (workbook, money, FALSE, LXW_BORDER_NONE);
  formats->percent = add_format (workbook, percent, FALSE, LXW_BORDER_NONE);
  formats->date = add_format (workbook, "yyyy-mm-dd", FALSE, LXW_BORDER_NONE);

  formats->subtotal = add_format (workbook, NULL, TRUE, LXW_BORDER_THIN);
  formats->subtotal_money = add_format (workbook, money, TRUE, LXW_BORDER_THIN);
  formats->subtotal_percent = add_format (workbook, percent, TRUE, LXW_BORDER_THIN);
  formats->total = add_format (workbook, NULL, TRUE, LXW_BORDER_DOUBLE);
  formats->total_money = add_format (workbook, money, TRUE, LXW_BORDER_DOUBLE);
  formats->total_percent = add_format (workbook, percent, TRUE, LXW_BORDER_DOUBLE);
}

/* Text as a cell holds it: at most Excel's 32,767 characters. */
static void
write_text (lxw_worksheet *sheet,
            guint          row,
            guint          col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);

  worksheet_write_string (sheet, row, col, text, format);
}

/* "B12", with a 0-based row and column. */
static char *
cell (guint row,
      guint col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, (lxw_col_t) col);

  return g_strdup (name);
}

/* "$B$12" */
static char *
cell_abs (guint row,
          guint col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (name, row, (lxw_col_t) col, TRUE, TRUE);

  return g_strdup (name);
}

/* "='Sheet name'!B12": a formula that shows a cell of another sheet */
static char *
sheet_cell (const char *sheet,
            guint       row,
            guint       col)
{
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
  g_autofree char *quoted = g_strjoinv ("''", parts);
  g_autofree char *ref = cell (row, col);

  return g_strdup_printf ("='%s'!%s", quoted, ref);
}

/* A valid, unique sheet name (Excel forbids []:*?/\ and more than 31 characters). */
static char *
sheet_name (GHashTable *used,
            const char *wanted)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        c = ' ';
      if (g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  while (clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  clean->len = strlen (clean->str);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, _("Sheet"));

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong room = MAX_SHEET_NAME_CHARS - g_utf8_strlen (suffix, -1);
      g_autofree char *base = g_utf8_substring (clean->str, 0, MIN (room, g_utf8_strlen (clean->str, -1)));
      g_autofree char *name = g_strconcat (base, suffix, NULL);
      g_autofree char *key = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&name);
        }
    }
}

static void
write_headers (lxw_worksheet *sheet,
               const Formats *formats,
               int            horizon,
               const char    *currency)
{
  g_autofree char *monthly = g_strdup_printf (_("Monthly amount (%s)"), currency);
  g_autofree char *horizon_label =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month (%s)",
                                  "Total over %d months (%s)", horizon), horizon, currency);
  g_autofree char *first_year = g_strdup_printf (_("First-year amount (%s)"), currency);
  g_autofree char *one_time = g_strdup_printf (_("One-time amount (%s)"), currency);
  g_autofree char *unit_price = g_strdup_printf (_("Unit price (%s)"), currency);
  const struct {
    guint       col;
    const char *text;
    double      width;
    gboolean    number;
  } columns[] = {
    { COL_CATEGORY, _("Category"), 16, FALSE },
    { COL_ITEM, _("Item"), 26, FALSE },
    { COL_QUANTITY, _("Quantity"), 11, TRUE },
    { COL_UNIT, _("Unit"), 9, FALSE },
    { COL_UNIT_PRICE, unit_price, 13, TRUE },
    { COL_PERIOD, _("Price period"), 12, FALSE },
    { COL_PER_MONTH, _("Periods a month"), 11, TRUE },
    { COL_FACTOR, _("Factor"), 8, TRUE },
    { COL_GROWTH, _("Monthly growth"), 10, TRUE },
    { COL_MONTHLY, monthly, 16, TRUE },
    { COL_SHARE, _("Share of run-rate"), 10, TRUE },
    { COL_FIRST_YEAR, first_year, 16, TRUE },
    { COL_HORIZON, horizon_label, 16, TRUE },
    { COL_ONE_TIME, one_time, 14, TRUE },
    { COL_SOURCE, _("Price source"), 30, FALSE },
    { COL_AS_OF, _("Price as of"), 11, FALSE },
    { COL_NOTES, _("Notes"), 40, FALSE },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      worksheet_set_column (sheet, columns[i].col, columns[i].col, columns[i].width, NULL);
      write_text (sheet, HEADER_ROW, columns[i].col, columns[i].text,
                  columns[i].number ? formats->header_number : formats->header);
    }
  worksheet_set_row (sheet, HEADER_ROW, 30, NULL);
}

/* How many of the item's months fall in months 0 .. @limit - 1. */
static int
months_in (const CostItemParams *p,
           int                   limit,
           int                   horizon)
{
  int last;

  if (p->period == COST_PERIOD_ONCE)
    last = p->start_month + (int) MAX (p->amortize_months, 1) - 1;
  else
    last = p->end_month < 0 ? horizon - 1 : p->end_month;

  last = MIN (last, MIN (limit, horizon) - 1);

  return MAX (0, last - p->start_month + 1);
}

/* The amount of the item over @months months, as a formula over its row. */
static char *
window_formula (const CostItemParams *p,
                guint                 row,
                int                   months)
{
  g_autofree char *q = cell (row, COL_QUANTITY);
  g_autofree char *price = cell (row, COL_UNIT_PRICE);
  g_autofree char *factor = cell (row, COL_FACTOR);
  g_autofree char *monthly = cell (row, COL_MONTHLY);
  g_autofree char *growth = cell (row, COL_GROWTH);

  if (p->period == COST_PERIOD_ONCE)
    {
      guint spread = MAX (p->amortize_months, 1);

      if (spread == 1)
        return g_strdup_printf ("=%s*%s*%s*%d", q, price, factor, months);

      return g_strdup_printf ("=%s*%s*%s*%d/%u", q, price, factor, months, spread);
    }

  if (p->monthly_growth == 0.0)
    return g_strdup_printf ("=%s*%d", monthly, months);

  return g_strdup_printf ("=%s*((1+%s)^%d-1)/%s", monthly, growth, months, growth);
}

static void
write_item_row (lxw_worksheet         *sheet,
                const Formats         *formats,
                const CostResult      *result,
                const CostItemFigures *f,
                guint                  row,
                guint                  total_row)
{
  const CostItemParams *p = &f->params;
  const CostCategoryFigures *cf = &result->categories[f->category_index];
  double per_month = p->period == COST_PERIOD_ONCE ?
    (p->amortize_months > 1 ? 1.0 / p->amortize_months : 0.0) :
    cost_period_months_factor (p->period);
  g_autofree char *q = cell (row, COL_QUANTITY);
  g_autofree char *price = cell (row, COL_UNIT_PRICE);
  g_autofree char *per = cell (row, COL_PER_MONTH);
  g_autofree char *factor = cell (row, COL_FACTOR);
  g_autofree char *monthly_cell = cell (row, COL_MONTHLY);
  g_autofree char *total_cell = cell_abs (total_row, COL_MONTHLY);
  g_autofree char *monthly = g_strdup_printf ("=%s*%s*%s*%s", q, price, per, factor);
  g_autofree char *share = g_strdup_printf ("=IF(%s=0,0,%s/%s)", total_cell, monthly_cell,
                                            total_cell);
  g_autofree char *first_year = window_formula (p, row, months_in (p, 12, result->horizon));
  g_autofree char *horizon = window_formula (p, row, months_in (p, result->horizon, result->horizon));
  const char *as_of = cost_item_get_price_as_of (f->item);
  int y, m, d;

  write_text (sheet, row, COL_CATEGORY, cost_names_translate (cost_category_get_name (cf->category)),
              formats->text);
  write_text (sheet, row, COL_ITEM, cost_names_translate (cost_item_get_name (f->item)), formats->text);
  worksheet_write_number (sheet, row, COL_QUANTITY, p->quantity,
                          p->quantity == floor (p->quantity) ? formats->quantity : formats->decimal);
  write_text (sheet, row, COL_UNIT, cost_names_translate (cost_item_get_unit (f->item)), formats->text);
  worksheet_write_number (sheet, row, COL_UNIT_PRICE, p->unit_price, formats->money);
  write_text (sheet, row, COL_PERIOD, cost_period_get_label (p->period), formats->text);
  worksheet_write_number (sheet, row, COL_PER_MONTH, per_month, formats->factor);
  worksheet_write_number (sheet, row, COL_FACTOR, p->factor, formats->factor);
  if (p->period != COST_PERIOD_ONCE)
    worksheet_write_number (sheet, row, COL_GROWTH, p->monthly_growth, formats->percent);

  worksheet_write_formula_num (sheet, row, COL_MONTHLY, monthly, formats->money, f->run_rate);
  worksheet_write_formula_num (sheet, row, COL_SHARE, share, formats->percent, f->share);
  worksheet_write_formula_num (sheet, row, COL_FIRST_YEAR, first_year, formats->money, f->first_year);
  worksheet_write_formula_num (sheet, row, COL_HORIZON, horizon, formats->money, f->horizon_total);
  if (p->period == COST_PERIOD_ONCE)
    {
      g_autofree char *one_time = g_strdup_printf ("=%s*%s*%s", q, price, factor);

      worksheet_write_formula_num (sheet, row, COL_ONE_TIME, one_time, formats->money, f->one_time);
    }

  write_text (sheet, row, COL_SOURCE, cost_item_get_price_source (f->item), formats->text);
  if (as_of != NULL && sscanf (as_of, "%d-%d-%d", &y, &m, &d) == 3)
    {
      lxw_datetime date = { y, m, d, 0, 0, 0 };

      worksheet_write_datetime (sheet, row, COL_AS_OF, &date, formats->date);
    }
  write_text (sheet, row, COL_NOTES, cost_item_get_notes (f->item), formats->text);
}

/* The one row that stands for every labor item when labor is redacted:
 * values only, nothing to work a salary back from. */
static void
write_redacted_row (lxw_worksheet             *sheet,
                    const Formats             *formats,
                    const CostCategoryFigures *cf,
                    guint                      row,
                    guint                      total_row)
{
  g_autofree char *monthly_cell = cell (row, COL_MONTHLY);
  g_autofree char *total_cell = cell_abs (total_row, COL_MONTHLY);
  g_autofree char *share = g_strdup_printf ("=IF(%s=0,0,%s/%s)", total_cell, monthly_cell,
                                            total_cell);

  write_text (sheet, row, COL_CATEGORY, cost_names_translate (cost_category_get_name (cf->category)),
              formats->text);
  write_text (sheet, row, COL_ITEM, _("(all items, redacted)"), formats->text);
  worksheet_write_number (sheet, row, COL_MONTHLY, cf->run_rate, formats->money);
  worksheet_write_formula_num (sheet, row, COL_SHARE, share, formats->percent, cf->share);
  worksheet_write_number (sheet, row, COL_FIRST_YEAR, cf->first_year, formats->money);
  worksheet_write_number (sheet, row, COL_HORIZON, cf->horizon_total, formats->money);
  worksheet_write_number (sheet, row, COL_ONE_TIME, cf->one_time, formats->money);
}

static gboolean
category_redacted (const CostResult        *result,
                   guint                    index,
                   const CostExportOptions *options)
{
  return cost_export_redacts_category (options, result->categories[index].category);
}

/* Sums (SUBTOTAL ignores the subtotals inside its range) with cached values. */
static void
write_sums (lxw_worksheet *sheet,
            guint          row,
            guint          first,
            guint          last,
            lxw_format    *money,
            const double   values[4])
{
  const guint cols[] = { COL_MONTHLY, COL_FIRST_YEAR, COL_HORIZON, COL_ONE_TIME };

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autofree char *from = cell (first, cols[i]);
      g_autofree char *to = cell (last, cols[i]);
      g_autofree char *formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", from, to);

      worksheet_write_formula_num (sheet, row, cols[i], formula, money, values[i]);
    }
}

static void
write_scenario_sheet (lxw_workbook            *workbook,
                      const Formats           *formats,
                      CostProject             *project,
                      const CostResult        *result,
                      const CostExportOptions *options,
                      SheetInfo               *info)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, info->name);
  const char *currency = cost_project_get_currency (project);
  g_autofree guint *n_rows = g_new0 (guint, result->n_categories);
  g_autofree char *total_cell = NULL;
  g_autofree char *heading = NULL;
  guint row = HEADER_ROW + 1;
  guint total_row = row;

  /* Lay the rows out first: the shares refer to the total below them. Each
   * category has its items (or one row when redacted) and a subtotal. */
  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (!f->excluded)
        n_rows[f->category_index]++;
    }
  for (guint c = 0; c < result->n_categories; c++)
    {
      if (n_rows[c] > 0 && category_redacted (result, c, options))
        n_rows[c] = 1;
      total_row += n_rows[c] + 1;
    }

  heading = g_strdup_printf ("%s — %s", cost_project_get_title (project),
                             result->scenario ? cost_scenario_get_name (result->scenario) : _("Baseline"));
  write_text (sheet, 0, 0, heading, formats->title);
  write_text (sheet, 1, 0, _("Currency"), formats->label);
  write_text (sheet, 1, 1, currency, formats->text);
  write_headers (sheet, formats, result->horizon, currency);

  info->total_row = total_row;
  total_cell = cell_abs (total_row, COL_MONTHLY);
  info->subtotal_rows = g_new0 (guint, result->n_categories);

  for (guint c = 0; c < result->n_categories; c++)
    {
      const CostCategoryFigures *cf = &result->categories[c];
      guint first = row;
      double sums[4] = { cf->run_rate, cf->first_year, cf->horizon_total, cf->one_time };
      g_autofree char *subtotal_label =
        g_strdup_printf (_("Subtotal: %s"), cost_names_translate (cost_category_get_name (cf->category)));
      g_autofree char *share = NULL;
      g_autofree char *here = NULL;

      if (category_redacted (result, c, options) && n_rows[c] > 0)
        {
          write_redacted_row (sheet, formats, cf, row++, total_row);
        }
      else
        {
          for (guint i = 0; i < result->n_items; i++)
            {
              const CostItemFigures *f = &result->items[i];

              if (f->category_index == c && !f->excluded)
                write_item_row (sheet, formats, result, f, row++, total_row);
            }
        }

      write_text (sheet, row, COL_CATEGORY, subtotal_label, formats->subtotal);
      for (guint col = COL_ITEM; col < N_COLUMNS; col++)
        worksheet_write_blank (sheet, row, col, formats->subtotal);
      if (row > first)
        {
          write_sums (sheet, row, first, row - 1, formats->subtotal_money, sums);
        }
      else
        {
          worksheet_write_number (sheet, row, COL_MONTHLY, 0, formats->subtotal_money);
          worksheet_write_number (sheet, row, COL_FIRST_YEAR, 0, formats->subtotal_money);
          worksheet_write_number (sheet, row, COL_HORIZON, 0, formats->subtotal_money);
          worksheet_write_number (sheet, row, COL_ONE_TIME, 0, formats->subtotal_money);
        }
      here = cell (row, COL_MONTHLY);
      share = g_strdup_printf ("=IF(%s=0,0,%s/%s)", total_cell, here, total_cell);
      worksheet_write_formula_num (sheet, row, COL_SHARE, share, formats->subtotal_percent, cf->share);
      info->subtotal_rows[c] = row;
      row++;
    }

  g_assert (row == total_row);

  {
    double sums[4] = { result->run_rate, result->first_year, result->horizon_total, result->one_time };

    write_text (sheet, row, COL_CATEGORY, _("Total"), formats->total);
    for (guint col = COL_ITEM; col < N_COLUMNS; col++)
      worksheet_write_blank (sheet, row, col, formats->total);
    write_sums (sheet, row, HEADER_ROW + 1, MAX (row, HEADER_ROW + 2) - 1, formats->total_money, sums);
    worksheet_write_number (sheet, row, COL_SHARE, result->run_rate > 0 ? 1.0 : 0.0,
                            formats->total_percent);
  }

  worksheet_freeze_panes (sheet, HEADER_ROW + 1, COL_QUANTITY);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
}

static void
write_summary_sheet (lxw_worksheet   *sheet,
                     const Formats   *formats,
                     CostProject     *project,
                     GPtrArray       *results,
                     const SheetInfo *infos)
{
  CostResult *baseline = g_ptr_array_index (results, 0);
  const char *currency = cost_project_get_currency (project);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  lxw_datetime today = { g_date_time_get_year (now), g_date_time_get_month (now),
                         g_date_time_get_day_of_month (now), 0, 0, 0 };
  const char *headers[] = {
    _("Scenario"), _("Monthly run-rate"), _("First-year total"), _("One-time total"),
    _("Change in run-rate"), _("Change (%)"),
  };
  guint row, first;

  write_text (sheet, 0, 0, cost_project_get_title (project), formats->title);
  write_text (sheet, 1, 0, cost_project_get_description (project), formats->label);
  write_text (sheet, 2, 0, _("Currency"), formats->label);
  write_text (sheet, 2, 1, currency, formats->text);
  write_text (sheet, 3, 0, _("Date"), formats->label);
  worksheet_write_datetime (sheet, 3, 1, &today, formats->date);

  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, results->len, 17, NULL);

  row = 5;
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    write_text (sheet, row, i, headers[i], i == 0 ? formats->header : formats->header_number);
  row++;
  first = row;

  for (guint s = 0; s < results->len; s++, row++)
    {
      CostResult *r = g_ptr_array_index (results, s);
      const SheetInfo *info = &infos[s];
      g_autofree char *run_rate = sheet_cell (info->name, info->total_row, COL_MONTHLY);
      g_autofree char *first_year = sheet_cell (info->name, info->total_row, COL_FIRST_YEAR);
      g_autofree char *one_time = sheet_cell (info->name, info->total_row, COL_ONE_TIME);
      g_autofree char *this_rate = cell (row, 1);
      g_autofree char *base_rate = cell_abs (first, 1);
      g_autofree char *change_cell = cell (row, 4);
      g_autofree char *change = g_strdup_printf ("=%s-%s", this_rate, base_rate);
      g_autofree char *percent = g_strdup_printf ("=IF(%s=0,0,%s/%s)", base_rate, change_cell, base_rate);
      double delta = r->run_rate - baseline->run_rate;

      write_text (sheet, row, 0, r->scenario ? cost_scenario_get_name (r->scenario) : _("Baseline"),
                  formats->text);
      worksheet_write_formula_num (sheet, row, 1, run_rate, formats->money, r->run_rate);
      worksheet_write_formula_num (sheet, row, 2, first_year, formats->money, r->first_year);
      worksheet_write_formula_num (sheet, row, 3, one_time, formats->money, r->one_time);
      worksheet_write_formula_num (sheet, row, 4, change, formats->money, delta);
      worksheet_write_formula_num (sheet, row, 5, percent, formats->percent,
                                   baseline->run_rate > 0 ? delta / baseline->run_rate : 0.0);
    }

  /* Monthly run-rate by category, one column per scenario. */
  row++;
  write_text (sheet, row, 0, _("Monthly run-rate by category"), formats->header);
  for (guint s = 0; s < results->len; s++)
    {
      CostResult *r = g_ptr_array_index (results, s);

      write_text (sheet, row, s + 1, r->scenario ? cost_scenario_get_name (r->scenario) : _("Baseline"),
                  formats->header_number);
    }
  row++;
  first = row;

  for (guint c = 0; c < baseline->n_categories; c++, row++)
    {
      write_text (sheet, row, 0, cost_names_translate (cost_category_get_name (baseline->categories[c].category)),
                  formats->text);
      for (guint s = 0; s < results->len; s++)
        {
          CostResult *r = g_ptr_array_index (results, s);
          g_autofree char *formula = sheet_cell (infos[s].name, infos[s].subtotal_rows[c], COL_MONTHLY);

          worksheet_write_formula_num (sheet, row, s + 1, formula, formats->money,
                                       r->categories[c].run_rate);
        }
    }

  write_text (sheet, row, 0, _("Total"), formats->total);
  for (guint s = 0; s < results->len; s++)
    {
      CostResult *r = g_ptr_array_index (results, s);
      g_autofree char *from = cell (first, s + 1);
      g_autofree char *to = cell (MAX (row, first + 1) - 1, s + 1);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s:%s)", from, to);

      worksheet_write_formula_num (sheet, row, s + 1, formula, formats->total_money, r->run_rate);
    }
}

/* How sure the plan is: the percentiles of the run-rate, the first year
 * and the horizon, the inputs' shares of the variance, and the histogram
 * bins of each, as the report and the window show them. */
static void
write_uncertainty_sheet (lxw_workbook    *workbook,
                         const Formats   *formats,
                         CostProject     *project,
                         const CostResult *result,
                         CostUncertainty *u,
                         const CostExportOptions *options,
                         const char      *name)
{
  enum { P10, P50, P80, P90, MEAN, PLAN, CONTINGENCY, BUDGET, OVER, STDERR, N_ROWS };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  const char *currency = cost_project_get_currency (project);
  g_autofree char *horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                                           "Total over %d months", u->horizon), u->horizon);
  const char *measures[COST_N_MEASURES] = { _("Monthly run-rate"), _("First-year total"), horizon };
  const char *labels[N_ROWS] = {
    "P10", _("P50 (median)"), "P80", "P90", _("Mean"), C_("uncertainty", "Plan"),
    _("Contingency (P80 − plan)"), _("Budget"), _("Chance of going over budget"), _("Standard error of P90"),
  };
  g_autoptr(GArray) inputs = cost_uncertainty_contributions (u, COST_MEASURE_RUN_RATE, project, options);
  g_autofree char *heading = g_strdup_printf (_("How sure is this plan? (%s)"), currency);
  guint row, top;

  write_text (sheet, 0, 0, heading, formats->title);
  write_text (sheet, 1, 0, _("Scenario"), formats->label);
  write_text (sheet, 1, 1, result->scenario ? cost_scenario_get_name (result->scenario) : _("Baseline"),
              formats->text);
  write_text (sheet, 2, 0, _("Samples"), formats->label);
  worksheet_write_number (sheet, 2, 1, u->n_samples, formats->quantity);
  write_text (sheet, 3, 0, _("Seed"), formats->label);
  worksheet_write_number (sheet, 3, 1, (double) u->seed, formats->factor);

  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 3, 17, NULL);
  worksheet_set_column (sheet, 4, 4, 3, NULL);
  worksheet_set_column (sheet, 5, 8, 14, NULL);
  worksheet_set_column (sheet, 9, 9, 3, NULL);
  worksheet_set_column (sheet, 10, 13, 14, NULL);

  /* The percentiles, one column per measure. */
  row = 5;
  for (guint m = 0; m < COST_N_MEASURES; m++)
    write_text (sheet, row, 1 + m, measures[m], formats->header_number);
  worksheet_set_row (sheet, row, 30, NULL);
  top = ++row;
  for (guint r = 0; r < N_ROWS; r++, row++)
    {
      write_text (sheet, row, 0, labels[r], r == OVER ? formats->subtotal : formats->text);
      for (guint m = 0; m < COST_N_MEASURES; m++)
        {
          const CostMeasureStats *stats = &u->measures[m];
          guint col = 1 + m;

          switch (r)
            {
            case P10:
              worksheet_write_number (sheet, row, col, stats->p10, formats->money);
              break;
            case P50:
              worksheet_write_number (sheet, row, col, stats->p50, formats->money);
              break;
            case P80:
              worksheet_write_number (sheet, row, col, stats->p80, formats->money);
              break;
            case P90:
              worksheet_write_number (sheet, row, col, stats->p90, formats->money);
              break;
            case MEAN:
              worksheet_write_number (sheet, row, col, stats->mean, formats->money);
              break;
            case PLAN:
              worksheet_write_number (sheet, row, col, stats->point, formats->money);
              break;
            case CONTINGENCY:
              {
                g_autofree char *p80 = cell (top + P80, col);
                g_autofree char *plan = cell (top + PLAN, col);
                g_autofree char *formula = g_strdup_printf ("=%s-%s", p80, plan);

                worksheet_write_formula_num (sheet, row, col, formula, formats->money, stats->p80 - stats->point);
              }
              break;
            case BUDGET:
              if (stats->budget > 0)
                worksheet_write_number (sheet, row, col, stats->budget, formats->money);
              break;
            case OVER:
              if (!isnan (stats->prob_over_budget))
                worksheet_write_number (sheet, row, col, stats->prob_over_budget, formats->subtotal_percent);
              break;
            case STDERR:
              worksheet_write_number (sheet, row, col, stats->p90_stderr, formats->money);
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  /* The inputs by their share of the run-rate's variance; those of a
   * redacted category gathered under its name. */
  if (inputs->len > 0)
    {
      row++;
      write_text (sheet, row, 0, _("Share of variance"), formats->header);
      for (guint m = 0; m < COST_N_MEASURES; m++)
        write_text (sheet, row, 1 + m, measures[m], formats->header_number);
      /* The correlation group an input belongs to */
      write_text (sheet, row, 5, _("Moves with"), formats->header);
      row++;
      for (guint i = 0; i < inputs->len; i++, row++)
        {
          const CostContribution *c = &g_array_index (inputs, CostContribution, i);

          write_text (sheet, row, 0, c->label, formats->text);
          for (guint m = 0; m < COST_N_MEASURES; m++)
            worksheet_write_number (sheet, row, 1 + m, c->share[m], formats->percent);
          write_text (sheet, row, 5, c->group, formats->text);
        }
    }

  /* The histogram of each measure, side by side: bins and their counts. */
  row++;
  top = row;
  for (guint m = 0; m < COST_N_MEASURES; m++)
    {
      g_autoptr(CostChartDataset) bins = cost_uncertainty_chart_histogram (u, m, currency);
      guint col = m * 5, n_bins = cost_chart_dataset_get_n_groups (bins), first = top + 2, total;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *sum = NULL;
      g_autofree char *total_cell = NULL;

      /* Translators: the caption of a histogram's bins in a spreadsheet: a figure of the plan */
      g_autofree char *caption = g_strdup_printf (_("Histogram: %s"), measures[m]);

      write_text (sheet, top, col, caption, formats->header);
      write_text (sheet, top + 1, col, _("From"), formats->header_number);
      write_text (sheet, top + 1, col + 1, _("To"), formats->header_number);
      write_text (sheet, top + 1, col + 2, _("Samples"), formats->header_number);
      write_text (sheet, top + 1, col + 3, _("Share"), formats->header_number);

      total = first + n_bins;
      total_cell = cell_abs (total, col + 2);
      for (guint b = 0; b < n_bins; b++)
        {
          double count = cost_chart_dataset_get_value (bins, b, COST_CHART_BIN_COUNT);
          g_autofree char *count_cell = cell (first + b, col + 2);
          g_autofree char *share = g_strdup_printf ("=IF(%s=0,0,%s/%s)", total_cell, count_cell, total_cell);

          worksheet_write_number (sheet, first + b, col, cost_chart_dataset_get_value (bins, b, COST_CHART_BIN_FROM),
                                  formats->money);
          worksheet_write_number (sheet, first + b, col + 1, cost_chart_dataset_get_value (bins, b, COST_CHART_BIN_TO),
                                  formats->money);
          worksheet_write_number (sheet, first + b, col + 2, count, formats->quantity);
          worksheet_write_formula_num (sheet, first + b, col + 3, share, formats->percent,
                                       u->n_samples > 0 ? count / u->n_samples : 0.0);
        }

      from = cell (first, col + 2);
      to = cell (total - 1, col + 2);
      sum = g_strdup_printf ("=SUM(%s:%s)", from, to);
      write_text (sheet, total, col, _("Total"), formats->total);
      write_text (sheet, total, col + 1, "", formats->total);
      worksheet_write_formula_num (sheet, total, col + 2, sum, formats->total, u->n_samples);
      {
        g_autofree char *share_from = cell (first, col + 3);
        g_autofree char *share_to = cell (total - 1, col + 3);
        g_autofree char *share_sum = g_strdup_printf ("=SUM(%s:%s)", share_from, share_to);

        worksheet_write_formula_num (sheet, total, col + 3, share_sum, formats->total_percent, 1.0);
      }
    }
}

static gboolean
write_workbook (CostProject              *project,
                const CostExportOptions  *options,
                const char               *path,
                GError                  **error)
{
  g_autoptr(GPtrArray) results = _cost_export_dup_results (project, options);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *title = g_strdup (cost_project_get_title (project));
  g_autofree char *author = g_strdup (g_get_real_name ());
  g_autofree char *summary_name = NULL;
  lxw_doc_properties properties = { .title = title, .author = author };
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *summary;
  g_autoptr(CostUncertainty) uncertainty = NULL;
  const CostResult *exported = g_ptr_array_index (results, 0);
  SheetInfo *infos;
  Formats formats;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not create the workbook"));
      return FALSE;
    }

  formats_init (&formats, workbook);
  if (strcmp (author, "Unknown") == 0)
    properties.author = NULL;
  workbook_set_properties (workbook, &properties);

  summary_name = sheet_name (used, _("Summary"));
  infos = g_new0 (SheetInfo, results->len);
  for (guint s = 0; s < results->len; s++)
    {
      CostResult *r = g_ptr_array_index (results, s);

      infos[s].name = sheet_name (used, r->scenario ? cost_scenario_get_name (r->scenario) : _("Baseline"));
    }

  /* The summary comes first but refers to rows of the others: it is filled in last. */
  summary = workbook_add_worksheet (workbook, summary_name);
  for (guint s = 0; s < results->len; s++)
    write_scenario_sheet (workbook, &formats, project, g_ptr_array_index (results, s), options, &infos[s]);
  write_summary_sheet (summary, &formats, project, results, infos);

  /* With ranges, how sure the scenario exported is. */
  if (options != NULL && options->scenario != NULL)
    {
      guint position;

      if (cost_project_find_scenario (project, cost_scenario_get_id (options->scenario), &position) ==
          options->scenario)
        exported = g_ptr_array_index (results, position + 1);
    }
  if ((options != NULL && options->uncertainty != NULL) || cost_uncertainty_count_ranges (project) > 0)
    uncertainty = cost_uncertainty_for_export (project, exported->scenario, options, NULL);
  if (uncertainty != NULL)
    {
      g_autofree char *name = sheet_name (used, _("Uncertainty"));

      write_uncertainty_sheet (workbook, &formats, project, exported, uncertainty, options, name);
    }

  /* With actual spending, the plan of the scenario exported beside it. */
  {
    g_autoptr(CostPlanActual) plan_actual =
      cost_plan_actual_compute (project, (CostResult *) exported, COST_PLAN_ACTUAL_DEFAULT_THRESHOLD);

    if (plan_actual != NULL)
      {
        g_autofree char *name = sheet_name (used, _("Plan vs actual"));

        _cost_export_xlsx_plan_actual (workbook, workbook_add_worksheet (workbook, name), project, plan_actual);
      }
  }

  status = workbook_close (workbook);

  for (guint s = 0; s < results->len; s++)
    sheet_info_clear (&infos[s]);
  g_free (infos);

  if (status != LXW_NO_ERROR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

/* Writes the workbook beside @file, then renames it into place, so that a
 * failure never leaves a half-written file. */
gboolean
_cost_export_xlsx (CostProject              *project,
                   GFile                    *file,
                   const CostExportOptions  *options,
                   GError                  **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Could not export “%s”: %s"),
                   name, _("spreadsheets can only be written to local files"));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not export “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  if (!write_workbook (project, options, tmp, &local_error))
    {
      g_unlink (tmp);
      g_set_error (error, local_error->domain, local_error->code, _("Could not export “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not export “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
