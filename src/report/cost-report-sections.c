/* cost-report-sections.c
 *
 * What the report says: the cover, the key figures, the unit economics,
 * the cost structure's charts, the line items by category, the scenario
 * comparison and the assumptions, each placed on the pages through the
 * layout engine (cost-report-layout.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost-analysis.h"
#include "cost-change-text.h"
#include "cost-chart-choice.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-sizing.h"
#include "cost-report-private.h"
#include "cost-uncertainty-charts.h"
#include "cost-unit-economics.h"

#define CHART_HEIGHT   200.0
#define LLM_MEMORY_HEIGHT 110.0
#define LLM_CURVE_HEIGHT  190.0

static const CostLayoutColumn item_columns[] = {
  { N_("Item"), 0.27, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Quantity"), 0.10, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { "", 0.09, PANGO_ALIGN_LEFT, TRUE, FALSE },
  { N_("Unit price"), 0.14, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { "", 0.11, PANGO_ALIGN_LEFT, TRUE, FALSE },
  /* The amount a month, not the price period of the same name. */
  { NC_("column", "Monthly"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE, "column" },
  { N_("Share"), 0.11, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static const CostLayoutColumn scenario_columns[] = {
  { N_("Scenario"), 0.32, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Monthly run-rate"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("First-year total"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Change"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Change (%)"), 0.14, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static const CostLayoutColumn driver_columns[] = {
  { N_("Input"), 0.38, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Range"), 0.30, PANGO_ALIGN_LEFT, FALSE, FALSE },
  /* The correlation group an input belongs to */
  { N_("Moves with"), 0.16, PANGO_ALIGN_LEFT, TRUE, FALSE },
  { N_("Share of variance"), 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

/* Inputs of the uncertainty page beyond this many are counted. */
#define MAX_DRIVERS 6

static gboolean
is_labor (const CostResult *result,
          guint             category_index)
{
  return g_strcmp0 (cost_category_get_id (result->categories[category_index].category),
                    "labor") == 0;
}

/* Whether an item's own amounts are hidden. Also covers items a scenario
 * adds, which belong to no category object. */
static gboolean
report_item_redacted (CostReport            *self,
                      const CostItemFigures *f)
{
  return self->redact_labor && is_labor (self->result, f->category_index);
}

/* Without minor units when every amount is whole. */
static CostFormatFlags
money_flags (CostReport *self,
             gboolean    symbol)
{
  CostFormatFlags flags = self->whole ? COST_FORMAT_WHOLE : COST_FORMAT_DEFAULT;

  if (!symbol)
    flags |= COST_FORMAT_NO_SYMBOL;

  return flags;
}

static char *
report_money (CostReport *self,
              double      amount,
              gboolean    symbol)
{
  return cost_format_money (amount, cost_project_get_currency (self->project),
                            money_flags (self, symbol));
}

/* A table cell: "+12,000" or "−12,000" (COST_CHANGE_AMOUNT), "+3.2%" or
 * "−13.3%" (COST_CHANGE_PERCENT). */
static char *
report_change (CostReport      *self,
               double           value,
               double           baseline,
               CostChangeStyle  style)
{
  return cost_change_text (value, baseline, cost_project_get_currency (self->project),
                           money_flags (self, FALSE), style);
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date in the report, as strftime(3) (g_date_time_format);
   * for Chinese use "%Y年%-m月%-d日" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

/* "2026-11-01" as the user reads dates, or NULL. */
static char *
format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  date = g_date_time_new_utc (y, m, d, 0, 0, 0);

  return date != NULL ? format_date (date) : NULL;
}

static const char *
category_name (const CostCategoryFigures *cf)
{
  return cost_names_translate (cost_category_get_name (cf->category));
}

static const char *
scenario_name (const CostResult *result)
{
  return result->scenario != NULL ? cost_names_translate (cost_scenario_get_name (result->scenario)) : _("Baseline");
}

/* The category's colour, or the charts' palette colour for its position. */
static CostLayoutColor
category_color (const CostResult *result,
                guint             index)
{
  const char *color = cost_category_get_color (result->categories[index].category);
  CostChartColor palette;
  CostLayoutColor rgb;
  guint value;

  if (color != NULL && color[0] == '#' && sscanf (color + 1, "%6x", &value) == 1)
    {
      rgb.r = ((value >> 16) & 0xff) / 255.0;
      rgb.g = ((value >> 8) & 0xff) / 255.0;
      rgb.b = (value & 0xff) / 255.0;
      return rgb;
    }

  cost_chart_palette_get_color (index, &palette);
  rgb.r = palette.red;
  rgb.g = palette.green;
  rgb.b = palette.blue;

  return rgb;
}

/* ---------------------------------------------------------------------- */
/* Sections                                                               */

/* The oldest price date of the items the report uses, or NULL. */
static const char *
oldest_price_date (CostReport *self)
{
  const char *oldest = NULL;

  for (guint i = 0; i < self->result->n_items; i++)
    {
      const CostItemFigures *f = &self->result->items[i];
      const char *as_of = cost_item_get_price_as_of (f->item);

      if (f->excluded || as_of == NULL || as_of[0] == '\0')
        continue;
      if (oldest == NULL || strcmp (as_of, oldest) < 0)
        oldest = as_of;
    }

  return oldest;
}

static void
report_place_cover (CostReport *self)
{
  const char *description = cost_names_translate (cost_project_get_description (self->project));
  const char *as_of = oldest_price_date (self);
  double width = cost_layout_content_width (self->layout);
  g_autofree char *date = format_date (self->date);
  g_autofree char *as_of_text = format_iso_date (as_of);
  g_autofree char *horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                                           self->result->horizon),
                                              self->result->horizon);
  const char *currency = cost_project_get_currency (self->project);
  const char *symbol = cost_currency_get_symbol (currency);
  g_autofree char *currency_text = symbol != NULL ? g_strdup_printf ("%s (%s)", currency, symbol) :
                                                    g_strdup (currency);
  g_autofree char *kicker = NULL;
  struct {
    const char *label;
    const char *value;
  } facts[] = {
    { _("Scenario"), self->all_scenarios ? _("All scenarios") : scenario_name (self->result) },
    { _("Currency"), currency_text },
    { _("Horizon"), horizon },
    { _("Report date"), date },
    { _("Prices as of"), as_of_text },
  };
  const guint n_columns = 3;
  double column_width = width / n_columns;
  g_auto(CostLayoutBlock) head = { NULL, };
  g_auto(CostLayoutBlock) grid = { NULL, };
  PangoLayout *title;
  double y, row_height = 0.0;
  guint n = 0;

  cost_layout_block_init (&head);
  cost_layout_block_add_fill (&head, 0, 0, width, 3.0, 0, accent);
  y = 12.0;
  /* Which scenario the figures are of, above the title, when there is a choice. */
  if (self->all_scenarios)
    /* Translators: above the title of a report of every scenario */
    kicker = g_strdup (_("Cost report · All scenarios"));
  else if (self->result->scenario != NULL || cost_project_get_n_scenarios (self->project) > 0)
    /* Translators: above a report's title: the scenario its figures are of */
    kicker = g_strdup_printf (_("Cost report · Scenario: %s"), scenario_name (self->result));
  else
    kicker = g_strdup (_("Cost report"));
  y += cost_layout_block_add_text (&head, cost_layout_text (self->layout, kicker, SIZE_BODY, TRUE,
                                                            width, PANGO_ALIGN_LEFT), 0, y, accent);
  y += 4.0;
  title = cost_layout_text (self->layout, cost_names_translate (cost_project_get_title (self->project)), SIZE_TITLE, TRUE,
                            width, PANGO_ALIGN_LEFT);
  pango_layout_set_height (title, -3);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  y += cost_layout_block_add_text (&head, title, 0, y, ink);
  head.height = y + 8.0;
  cost_layout_place (self->layout, &head);

  if (description != NULL && description[0] != '\0')
    {
      PangoLayout *layout = cost_layout_text (self->layout, description, SIZE_BODY, FALSE,
                                              width, PANGO_ALIGN_LEFT);

      cost_layout_place_paragraph (self->layout, layout, 0, ink_secondary);
      cost_layout_skip (self->layout, 12.0);
    }

  cost_layout_block_init (&grid);
  y = 0.0;
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double x = (n % n_columns) * column_width;
      PangoLayout *label, *value;
      double height;

      if (facts[i].value == NULL)
        continue;

      label = cost_layout_text (self->layout, facts[i].label, SIZE_SMALL, FALSE,
                                column_width - 12.0, PANGO_ALIGN_LEFT);
      value = cost_layout_text (self->layout, facts[i].value, SIZE_BODY, TRUE,
                                column_width - 12.0, PANGO_ALIGN_LEFT);
      height = cost_layout_block_add_text (&grid, label, x, y, ink_secondary);
      height += 1.5 + cost_layout_block_add_text (&grid, value, x, y + height + 1.5, ink);
      row_height = MAX (row_height, height);

      if (++n % n_columns == 0)
        {
          y += row_height + 8.0;
          row_height = 0.0;
        }
    }
  y += row_height;
  cost_layout_block_add_rule (&grid, 0, y + 12.0, width, 0.6, rule_light);
  grid.height = y + 12.6;
  cost_layout_place (self->layout, &grid);
}

static void
report_place_figures (CostReport *self)
{
  const CostResult *r = self->result;
  g_autofree char *horizon_label =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month", "Total over %d months",
                                  r->horizon), r->horizon);
  g_autofree char *run_rate = report_money (self, r->run_rate, TRUE);
  g_autofree char *first_year = report_money (self, r->first_year, TRUE);
  g_autofree char *horizon = report_money (self, r->horizon_total, TRUE);
  g_autofree char *one_time = report_money (self, r->one_time, TRUE);
  const char *labels[4] = { _("Monthly run-rate"), _("First-year total"), horizon_label, _("One-time total") };
  const char *values[4] = { run_rate, first_year, horizon, one_time };

  cost_layout_skip (self->layout, 14.0);
  cost_layout_place_tiles (self->layout, labels, values);
}

/* "Query rewriting LLM (H100 SXM)" */
static char *
model_title (CostServedModel *model)
{
  const char *name = cost_served_model_get_name (model);
  const char *accelerator = cost_served_model_get_accelerator (model);

  if (name[0] == '\0')
    name = _("Unnamed model");
  if (accelerator[0] == '\0')
    return g_strdup (name);

  /* Translators: a served model and its accelerator: "Ranking model (A100 SXM 80GB)" */
  return g_strdup_printf (_("%s (%s)"), name, accelerator);
}

/* When the project describes its traffic: what the plan costs per request,
 * per user and per token (and per order and as a share of the GMV when the
 * traffic gives them), and how the traffic sizes the accelerators, with
 * every formula filled in. */
static void
report_place_unit_economics (CostReport *self)
{
  const CostResult *r = self->result;
  const char *currency = cost_project_get_currency (self->project);
  CostWorkloadValues workload;
  CostUnitEconomics e;
  g_autoptr(GString) formulas = g_string_new (NULL);
  g_autofree char *traffic = NULL;
  g_autofree char *per_1k = NULL;
  g_autofree char *per_user = NULL;
  g_autofree char *per_token = NULL;
  g_autofree char *accelerators = NULL;
  g_autofree char *run_rate = NULL;
  g_autofree char *share = NULL;
  const char *labels[4] = {
    _("Cost per 1,000 requests"), _("Cost per daily active user a month"),
    _("Cost per million tokens"), _("Accelerators required"),
  };
  const char *values[4];

  if (!cost_sizing_effective_workload (self->project, r->scenario, &workload))
    return;

  cost_unit_economics (self->project, r, &e);
  per_1k = cost_format_money_small (e.cost_per_1k_requests, currency);
  per_user = cost_format_money_small (e.cost_per_dau_month, currency);
  per_token = cost_format_money_small (e.cost_per_1m_tokens, currency);
  accelerators = cost_format_number (e.gpus_required, 0);
  values[0] = per_1k;
  values[1] = per_user;
  values[2] = per_token;
  values[3] = accelerators;

  cost_layout_place_heading (self->layout, _("Unit economics"));
  cost_layout_skip (self->layout, 6.0);
  cost_layout_place_tiles (self->layout, labels, values);

  /* How each figure is obtained. */
  run_rate = report_money (self, r->run_rate, TRUE);
  if (isfinite (e.cost_per_1k_requests))
    {
      g_autofree char *requests = cost_format_number (e.monthly_requests, 0);

      /* Translators: "Cost per 1,000 requests: ¥5,874,807 a month ÷ 4,866,666,667 requests × 1,000 = ¥1.21" */
      g_string_append_printf (formulas, _("Cost per 1,000 requests: %s a month ÷ %s requests × 1,000 = %s"),
                              run_rate, requests, per_1k);
      g_string_append_c (formulas, '\n');
    }
  if (isfinite (e.cost_per_dau_month))
    {
      g_autofree char *users = cost_format_number (workload.daily_active_users, 0);

      /* Translators: "Cost per daily active user a month: ¥5,874,807 ÷ 20,000,000 users = ¥0.29" */
      g_string_append_printf (formulas, _("Cost per daily active user a month: %s ÷ %s users = %s"),
                              run_rate, users, per_user);
      g_string_append_c (formulas, '\n');
    }
  if (isfinite (e.cost_per_1m_tokens))
    {
      g_autofree char *tokens = cost_format_number (e.monthly_tokens, 0);

      /* Translators: "Cost per million tokens: ¥5,874,807 a month ÷ 194,666,666,667 LLM tokens × 1,000,000 = ¥30.18" */
      g_string_append_printf (formulas, _("Cost per million tokens: %s a month ÷ %s LLM tokens × 1,000,000 = %s"),
                              run_rate, tokens, per_token);
      g_string_append_c (formulas, '\n');
    }
  if (isfinite (e.cost_per_order))
    {
      g_autofree char *orders = cost_format_number (workload.orders_per_month, 0);
      g_autofree char *per_order = cost_format_money_small (e.cost_per_order, currency);

      /* Translators: "Cost per order: ¥22,054,370.42 a month ÷ 3,000,000 orders = ¥7.35" */
      g_string_append_printf (formulas, _("Cost per order: %s a month ÷ %s orders = %s"),
                              run_rate, orders, per_order);
      g_string_append_c (formulas, '\n');
    }
  if (isfinite (e.gmv_share))
    {
      g_autofree char *gmv = report_money (self, workload.gmv_per_month, TRUE);
      g_autofree char *gmv_share = cost_format_percent (e.gmv_share);

      /* Translators: "Cost as share of GMV: ¥22,054,370.42 a month ÷ ¥1,500,000,000.00 GMV = 1.47%" */
      g_string_append_printf (formulas, _("Cost as share of GMV: %s a month ÷ %s GMV = %s"),
                              run_rate, gmv, gmv_share);
      g_string_append_c (formulas, '\n');
    }
  share = cost_format_share (e.compute_share);
  /* Translators: "Compute is 90.7% of the monthly run-rate." */
  g_string_append_printf (formulas, _("Compute is %s of the monthly run-rate."), share);
  cost_layout_skip (self->layout, 8.0);
  cost_layout_place_formulas (self->layout, formulas->str);

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_caption (self->layout, _("Traffic"));
  traffic = cost_workload_explain (&workload);
  cost_layout_place_formulas (self->layout, traffic);

  if (cost_project_get_n_models (self->project) == 0)
    return;

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_caption (self->layout, _("Accelerators for the peak"));
  for (guint i = 0; i < cost_project_get_n_models (self->project); i++)
    {
      CostServedModel *model = cost_project_get_model (self->project, i);
      g_autofree char *title = model_title (model);
      g_autofree char *sizing = NULL;
      g_autofree char *point = NULL;
      CostModelEconomics m;

      cost_model_economics (self->project, r, model, &m);
      sizing = cost_sizing_explain (&workload, &m.values);
      point = cost_model_economics_describe (&m, currency);
      g_string_truncate (formulas, 0);
      /* An LLM sized by tokens: its chain under its name, one step a line */
      if (m.values.kind == COST_MODEL_LLM_TOKENS)
        g_string_append_printf (formulas, "%s\n%s", title, sizing);
      else
        /* Translators: a label and what it says, as in "Ranking model: ⌈…⌉ = 40" */
        g_string_append_printf (formulas, _("%s: %s"), title, sizing);
      if (point != NULL)
        g_string_append_printf (formulas, "\n%s", point);
      if (i > 0)
        cost_layout_skip (self->layout, 6.0);
      cost_layout_place_formulas (self->layout, formulas->str);

      /* Its memory bar beside its curve, drawn as on the page */
      if (m.values.kind == COST_MODEL_LLM_TOKENS)
        {
          g_auto(CostLayoutBlock) block = { NULL, };
          CostChartCurvePoint points[COST_CHART_LLM_POINTS];
          CostChartMemory memory;
          CostChartCurve curve;
          double width = cost_layout_content_width (self->layout);
          double gap = 18.0;
          double left = (width - gap) * 0.4;

          cost_chart_data_llm_memory (&m.llm.llm, &memory);
          cost_chart_data_llm_curve (&m.values.llm, &m.llm.llm, points, &curve);
          cost_layout_block_init (&block);
          cost_layout_block_add_llm_memory (&block, _("Memory of one GPU"), &memory, 0, 6.0, left, LLM_MEMORY_HEIGHT);
          cost_layout_block_add_llm_curve (&block, _("Throughput and latency"),
                                           &curve, left + gap, 6.0, width - left - gap, LLM_CURVE_HEIGHT);
          block.height = 6.0 + LLM_CURVE_HEIGHT;
          cost_layout_place (self->layout, &block);
        }
    }
}

/* The donut by category beside stacked bars by scenario (or by month when
 * there are no scenarios), each under its title. */
static void
report_place_charts (CostReport *self)
{
  const CostExportOptions options = { .redact_labor = self->redact_labor };
  double width = cost_layout_content_width (self->layout);
  double gap = 18.0;
  double donut_width = (width - gap) * 0.42;
  struct {
    const char       *id;
    double            x;
    double            width;
    CostChartKind     kind;
    CostChartDataset *dataset;
  } charts[] = {
    { "donut", 0, donut_width },
    { self->results->len > 1 ? "stacked" : "monthly", donut_width + gap, width - donut_width - gap },
  };
  g_auto(CostLayoutBlock) block = { NULL, };
  double title_height = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      const CostChartChoice *choice = cost_chart_choice_find (charts[i].id, NULL);

      charts[i].kind = choice->kind;
      charts[i].dataset = choice->build (self->project, self->results, self->result, &options, NULL);
    }

  if (self->result->run_rate <= 0 && self->result->one_time <= 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        cost_chart_dataset_unref (charts[i].dataset);
      return;
    }

  cost_layout_place_heading (self->layout, _("Cost structure"));
  cost_layout_skip (self->layout, 6.0);

  cost_layout_block_init (&block);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      PangoLayout *title = cost_layout_text (self->layout, cost_chart_dataset_get_title (charts[i].dataset),
                                             SIZE_BODY, TRUE, charts[i].width, PANGO_ALIGN_LEFT);
      double height = cost_layout_block_add_text (&block, title, charts[i].x, 0, ink);

      title_height = MAX (title_height, height);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    cost_layout_block_add_chart (&block, charts[i].kind, charts[i].dataset, charts[i].x, title_height + 4.0,
                                 charts[i].width, CHART_HEIGHT);
  block.height = title_height + 4.0 + CHART_HEIGHT;

  cost_layout_place (self->layout, &block);
}

/* The second line under an item's name: when it runs, how it grows, what a
 * scenario changed. Money only when the item is not redacted. */
static char *
item_detail (CostReport            *self,
             const CostItemFigures *f,
             gboolean               redacted)
{
  const CostItemParams *p = &f->params;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *as_of = cost_item_get_price_as_of (f->item);

  if (p->period == COST_PERIOD_ONCE)
    {
      g_autofree char *amount = redacted ? NULL : report_money (self, f->one_time, TRUE);

      if (p->amortize_months > 1)
        g_ptr_array_add (parts, redacted ?
                         g_strdup_printf (_("one-time, spread over %u months"), p->amortize_months) :
                         g_strdup_printf (_("%s one-time, spread over %u months"), amount,
                                          p->amortize_months));
      else
        g_ptr_array_add (parts, redacted ?
                         g_strdup_printf (_("one-time, in month %d"), p->start_month + 1) :
                         g_strdup_printf (_("%s one-time, in month %d"), amount, p->start_month + 1));
    }
  else
    {
      if (p->start_month > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("from month %d"), p->start_month + 1));
      if (p->end_month >= 0 && p->end_month < self->result->horizon - 1)
        g_ptr_array_add (parts, g_strdup_printf (_("until month %d"), p->end_month + 1));
    }

  if (p->monthly_growth != 0.0)
    {
      g_autofree char *percent = cost_change_text_percent (p->monthly_growth);

      /* Translators: %s is a signed percentage, "+2%" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s a month"), percent));
    }

  if (f->added)
    g_ptr_array_add (parts, g_strdup (_("added in this scenario")));
  else if (f->overridden != COST_OVERRIDE_NONE)
    g_ptr_array_add (parts, g_strdup (_("changed in this scenario")));

  if (as_of != NULL && as_of[0] != '\0')
    {
      g_autoptr(GDateTime) year_ago = g_date_time_add_years (self->date, -1);
      g_autofree char *limit = g_date_time_format (year_ago, "%Y-%m-%d");

      if (strcmp (as_of, limit) < 0)
        {
          g_autofree char *date = format_iso_date (as_of);

          g_ptr_array_add (parts, g_strdup_printf (_("price as of %s"), date));
        }
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
report_place_category (CostReport *self,
                       guint       index)
{
  const CostResult *r = self->result;
  const CostCategoryFigures *cf = &r->categories[index];
  gboolean redacted = self->redact_labor && is_labor (r, index);
  g_auto(CostLayoutTable) table;
  CostLayoutRow *row;

  cost_layout_table_init (&table, item_columns, G_N_ELEMENTS (item_columns));
  table.caption = g_strdup (category_name (cf));
  table.has_swatch = TRUE;
  table.swatch = category_color (r, index);
  if (cf->factor != 1.0)
    {
      g_autofree char *factor = cost_format_number (cf->factor, 4);

      /* Translators: the category's cost coefficient, e.g. "factor 0.9" */
      table.caption_note = g_strdup_printf (_("factor %s"), factor);
    }

  for (guint i = 0; i < r->n_items; i++)
    {
      const CostItemFigures *f = &r->items[i];
      gboolean hidden = report_item_redacted (self, f);

      if (f->category_index != index || f->excluded)
        continue;

      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      row->cells[0] = g_strdup (cost_names_translate (cost_item_get_name (f->item)));
      row->cells[1] = cost_format_number (f->params.quantity, 3);
      row->cells[2] = g_strdup (cost_names_translate (cost_item_get_unit (f->item)));
      row->cells[4] = g_strdup (cost_period_get_label (f->params.period));
      if (hidden)
        {
          row->cells[3] = g_strdup ("—");
          row->cells[5] = g_strdup ("—");
          row->cells[6] = g_strdup ("—");
        }
      else
        {
          /* A one-time amount that is not spread has no monthly amount. */
          gboolean monthly = f->run_rate != 0.0 || f->params.period != COST_PERIOD_ONCE;

          /* Every digit of the price that the amount uses. */
          row->cells[3] = cost_format_price (f->params.unit_price, cost_project_get_currency (self->project),
                                             money_flags (self, FALSE));
          row->cells[5] = monthly ? report_money (self, f->run_rate, FALSE) : g_strdup ("—");
          row->cells[6] = monthly ? cost_format_share (f->share) : g_strdup ("—");
        }
      row->detail = item_detail (self, f, hidden);
    }

  if (table.rows->len == 0)
    return;

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_SUBTOTAL);
  row->cells[0] = g_strdup (_("Subtotal"));
  row->cells[5] = report_money (self, cf->run_rate, FALSE);
  row->cells[6] = cost_format_share (cf->share);
  if (cf->one_time != 0.0)
    {
      g_autofree char *one_time = report_money (self, cf->one_time, TRUE);

      row->detail = g_strdup_printf (_("plus %s one-time"), one_time);
    }

  if (redacted)
    table.footnote = g_strdup (_("Individual labor amounts are not shown in this report; "
                                 "the subtotal includes every labor item."));

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

static void
report_place_items (CostReport *self)
{
  const CostResult *r = self->result;
  g_auto(CostLayoutTable) total;
  CostLayoutRow *row;

  cost_layout_place_heading (self->layout, _("Line items"));

  for (guint c = 0; c < r->n_categories; c++)
    report_place_category (self, c);

  cost_layout_table_init (&total, item_columns, G_N_ELEMENTS (item_columns));
  row = cost_layout_table_add_row (&total, COST_LAYOUT_ROW_TOTAL);
  row->cells[0] = g_strdup (_("Total per month"));
  row->cells[5] = report_money (self, r->run_rate, FALSE);
  row->cells[6] = cost_format_share (r->run_rate > 0 ? 1.0 : 0.0);

  {
    g_auto(CostLayoutBlock) block = { NULL, };

    cost_layout_table_row_block (self->layout, &total, row, &block);
    cost_layout_skip (self->layout, TABLE_GAP);
    cost_layout_place (self->layout, &block);
  }
}

static void
report_place_scenarios (CostReport *self)
{
  CostResult *baseline = g_ptr_array_index (self->results, 0);
  g_auto(CostLayoutTable) table = { 0 };

  if (self->results->len < 2)
    return;

  cost_layout_place_heading (self->layout, _("Scenario comparison"));

  cost_layout_table_init (&table, scenario_columns, G_N_ELEMENTS (scenario_columns));
  for (guint i = 0; i < self->results->len; i++)
    {
      CostResult *s = g_ptr_array_index (self->results, i);
      CostLayoutRow *row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      const char *description = s->scenario ? cost_names_translate (cost_scenario_get_description (s->scenario)) : NULL;

      row->bold = s == self->result && !self->all_scenarios;
      row->cells[0] = g_strdup (scenario_name (s));
      row->cells[1] = report_money (self, s->run_rate, FALSE);
      row->cells[2] = report_money (self, s->first_year, FALSE);
      if (i == 0)
        {
          row->cells[3] = g_strdup ("—");
          row->cells[4] = g_strdup ("—");
        }
      else
        {
          row->cells[3] = report_change (self, s->run_rate, baseline->run_rate, COST_CHANGE_AMOUNT);
          row->cells[4] = report_change (self, s->run_rate, baseline->run_rate, COST_CHANGE_PERCENT);
        }
      if (description != NULL && description[0] != '\0')
        row->detail = g_strdup (description);
    }

  table.footnote = self->all_scenarios ?
    g_strdup (_("Changes compare each scenario’s monthly run-rate with the baseline’s.")) :
    g_strdup (_("Changes compare each scenario’s monthly run-rate with the "
                "baseline’s. The scenario in bold is the one this report shows."));

  cost_layout_skip (self->layout, 6.0);
  cost_layout_place_table (self->layout, &table);
}

/* Whether an input's range is a labor amount that the report hides: a
 * labor item's figure or the labor category's factor. */
static gboolean
input_redacted (CostReport                 *self,
                const CostUncertaintyInput *input)
{
  const CostExportOptions options = { .redact_labor = self->redact_labor };

  return cost_uncertainty_input_redacted (input, self->project, &options);
}

typedef struct
{
  guint  index;
  double share;
} Driver;

static int
compare_drivers (gconstpointer a,
                 gconstpointer b)
{
  const Driver *da = a, *db = b;

  if (da->share != db->share)
    return da->share < db->share ? 1 : -1;

  return (int) da->index - (int) db->index;
}

static char *
uncertainty_money (CostReport *self,
                   double      amount)
{
  return cost_format_money (amount, cost_project_get_currency (self->project), COST_FORMAT_WHOLE);
}

/* The percentiles of the three measures, one row per statistic. */
static void
uncertainty_place_percentiles (CostReport *self)
{
  const CostUncertainty *u = self->uncertainty;
  enum { P10, P50, P90, MEAN, PLAN, CONTINGENCY, BUDGET, OVER, N_ROWS };
  const char *labels[N_ROWS] = {
    "P10", _("P50 (median)"), "P90", _("Mean"), C_("uncertainty", "Plan"), _("Contingency"), _("Budget"),
    _("Chance of going over budget"),
  };
  const char *details[N_ROWS] = {
    NULL, NULL, NULL, NULL, _("without ranges"), _("P80 − plan"), NULL, NULL,
  };
  g_autofree char *horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month",
                                                           "Total over %d months", u->horizon), u->horizon);
  /* The horizon's title is translated already: _() gives it back. */
  const CostLayoutColumn columns[] = {
    { "", 0.34, PANGO_ALIGN_LEFT, FALSE, FALSE },
    { N_("Monthly run-rate"), 0.22, PANGO_ALIGN_RIGHT, FALSE, TRUE },
    { N_("First-year total"), 0.22, PANGO_ALIGN_RIGHT, FALSE, TRUE },
    { horizon, 0.22, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  };
  g_auto(CostLayoutTable) table = { 0 };
  g_autofree char *samples = cost_format_number (u->n_samples, 0);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, u->seed);
  char *errors[COST_N_MEASURES] = { NULL, };

  cost_layout_table_init (&table, columns, G_N_ELEMENTS (columns));
  for (guint r = 0; r < N_ROWS; r++)
    {
      CostLayoutRow *row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);

      row->cells[0] = g_strdup (labels[r]);
      row->detail = g_strdup (details[r]);
      row->bold = r == OVER;
      for (guint m = 0; m < COST_N_MEASURES; m++)
        {
          const CostMeasureStats *stats = &u->measures[m];
          char *cell = NULL;

          switch (r)
            {
            case P10:
              cell = uncertainty_money (self, stats->p10);
              break;
            case P50:
              cell = uncertainty_money (self, stats->p50);
              break;
            case P90:
              cell = uncertainty_money (self, stats->p90);
              break;
            case MEAN:
              cell = uncertainty_money (self, stats->mean);
              break;
            case PLAN:
              cell = uncertainty_money (self, stats->point);
              break;
            case CONTINGENCY:
              cell = cost_change_text (stats->p80, stats->point, cost_project_get_currency (self->project),
                                       COST_FORMAT_WHOLE, COST_CHANGE_AMOUNT);
              break;
            case BUDGET:
              cell = stats->budget > 0 ? uncertainty_money (self, stats->budget) : g_strdup ("—");
              break;
            case OVER:
              cell = isnan (stats->prob_over_budget) ? g_strdup ("—") : cost_format_percent (stats->prob_over_budget);
              break;
            default:
              g_assert_not_reached ();
            }
          row->cells[1 + m] = cell;
        }
    }

  for (guint m = 0; m < COST_N_MEASURES; m++)
    errors[m] = uncertainty_money (self, u->measures[m].p90_stderr);
  table.footnote =
    /* Translators: the simulation behind the uncertainty page: samples, seed, the standard error of P90 of the run-rate, the first year and the horizon */
    g_strdup_printf (_("From %s samples with seed %s. Figures in a correlation group move together, the others "
                       "independently. The standard error of P90 is %s for the monthly run-rate, %s for the "
                       "first-year total and %s for the horizon total: more samples narrow it."),
                     samples, seed, errors[0], errors[1], errors[2]);
  for (guint m = 0; m < COST_N_MEASURES; m++)
    g_free (errors[m]);

  cost_layout_skip (self->layout, 6.0);
  cost_layout_place_table (self->layout, &table);
}

/* The S-curve of @measure beside the fan of the months, each under its title. */
static void
uncertainty_place_charts (CostReport  *self,
                          CostMeasure  measure)
{
  const char *currency = cost_project_get_currency (self->project);
  double width = cost_layout_content_width (self->layout);
  double gap = 18.0, half = (width - gap) / 2;
  struct {
    CostChartKind     kind;
    CostChartDataset *dataset;
  } charts[] = {
    { COST_CHART_S_CURVE, cost_uncertainty_chart_s_curve (self->uncertainty, measure, currency) },
    { COST_CHART_FAN, cost_uncertainty_chart_fan (self->uncertainty, currency) },
  };
  g_auto(CostLayoutBlock) block = { NULL, };
  double title_height = 0.0, height = CHART_HEIGHT * 0.8;

  cost_layout_block_init (&block);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      PangoLayout *title = cost_layout_text (self->layout, cost_chart_dataset_get_title (charts[i].dataset),
                                             SIZE_BODY, TRUE, half, PANGO_ALIGN_LEFT);
      double title_h = cost_layout_block_add_text (&block, title, i * (half + gap), 0, ink);

      title_height = MAX (title_height, title_h);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    cost_layout_block_add_chart (&block, charts[i].kind, charts[i].dataset, i * (half + gap), title_height + 4.0,
                                 half, height);
  block.height = title_height + 4.0 + height;

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place (self->layout, &block);
}

/* The inputs that move @measure most, with their ranges. */
static void
uncertainty_place_drivers (CostReport  *self,
                           CostMeasure  measure)
{
  const CostUncertainty *u = self->uncertainty;
  g_autoptr(GArray) drivers = g_array_new (FALSE, FALSE, sizeof (Driver));
  g_auto(CostLayoutTable) table = { 0 };
  guint shown;

  for (guint k = 0; k < u->n_inputs; k++)
    {
      Driver d = { k, u->inputs[k].share[measure] };

      g_array_append_val (drivers, d);
    }
  if (drivers->len == 0)
    return;
  g_array_sort (drivers, compare_drivers);
  shown = MIN (drivers->len, MAX_DRIVERS);

  cost_layout_table_init (&table, driver_columns, G_N_ELEMENTS (driver_columns));
  /* Translators: a table caption: a figure of the plan, "What moves the monthly run-rate" */
  table.caption = g_strdup (_("What drives the uncertainty"));
  table.caption_note = g_strdup (cost_measure_get_label (measure));
  for (guint i = 0; i < shown; i++)
    {
      const CostUncertaintyInput *input = &u->inputs[g_array_index (drivers, Driver, i).index];
      CostLayoutRow *row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);

      row->cells[0] = g_strdup (input->label);
      row->cells[1] = input_redacted (self, input) ? g_strdup ("—") : cost_uncertainty_format_range (&input->range);
      row->cells[2] = g_strdup (input->group != NULL && input->group[0] != '\0' ? input->group : "—");
      row->cells[3] = cost_format_percent (input->share[measure]);
    }

  if (drivers->len > shown)
    {
      guint more = drivers->len - shown;

      table.footnote = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more input has a smaller share.",
                                                     "%u more inputs have smaller shares.", more), more);
    }

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

/* When the project has ranges, a page of how sure the plan is: the
 * spread of its totals, the chance of going over budget, the S-curve and
 * the fan of the months, and the inputs that matter most. */
static void
report_place_uncertainty (CostReport *self)
{
  const CostUncertainty *u = self->uncertainty;
  CostMeasure focus = COST_MEASURE_RUN_RATE;
  g_autofree char *samples = NULL;
  g_autofree char *intro = NULL;

  if (u == NULL)
    return;

  /* The measure held against a budget, the run-rate if either or none is. */
  if (!(u->measures[COST_MEASURE_RUN_RATE].budget > 0) && u->measures[COST_MEASURE_FIRST_YEAR].budget > 0)
    focus = COST_MEASURE_FIRST_YEAR;

  cost_layout_break_page (self->layout);
  cost_layout_place_heading (self->layout, _("How sure is this plan?"));

  samples = cost_format_number (u->n_samples, 0);
  intro = g_strdup_printf (_("Some of the plan’s figures are ranges rather than single numbers. The plan was "
                             "computed %s times, each time with every ranged figure drawn within its range. "
                             "One outcome in ten is below P10, half are below P50 and one in ten is above P90; "
                             "the contingency is what to hold back beyond the plan to meet it four times in "
                             "five."), samples);
  cost_layout_skip (self->layout, 2.0);
  cost_layout_place_paragraph (self->layout,
                               cost_layout_text (self->layout, intro, SIZE_BODY, FALSE,
                                                 cost_layout_content_width (self->layout), PANGO_ALIGN_LEFT),
                               0, ink_secondary);

  uncertainty_place_percentiles (self);
  uncertainty_place_charts (self, focus);
  uncertainty_place_drivers (self, focus);
}

/* Item names, at most a few, then how many more. */
static char *
name_list (GPtrArray *names)
{
  const guint shown = 6;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < MIN (names->len, shown); i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }

  if (names->len > shown)
    {
      guint more = names->len - shown;

      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                              more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  char      *source;
  const char *oldest;
  GPtrArray *names;
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->source);
  g_ptr_array_unref (source->names);
  g_free (source);
}



static void
report_place_notes (CostReport *self)
{
  const CostResult *r = self->result;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  g_autoptr(GHashTable) by_text = g_hash_table_new (g_str_hash, g_str_equal);

  cost_layout_place_heading (self->layout, _("Assumptions and notes"));
  cost_layout_skip (self->layout, 4.0);

  cost_layout_place_note (self->layout, _("Monthly amounts count 730 hours or 365/12 days a month and a "
                                          "twelfth of yearly prices. The run-rate is what one month costs "
                                          "once everything is running; one-time amounts count in full in "
                                          "the one-time total, or spread over the months they are amortized "
                                          "over."));

  for (guint c = 0; c < r->n_categories; c++)
    {
      const CostCategoryFigures *cf = &r->categories[c];
      g_autofree char *factor = NULL;
      g_autofree char *text = NULL;

      if (cf->factor == 1.0)
        continue;

      factor = cost_format_number (cf->factor, 4);
      text = g_strdup_printf (_("%s: every amount is multiplied by a factor of %s "
                                "(a discount, an overhead or a currency adjustment)."),
                              category_name (cf), factor);
      cost_layout_place_note (self->layout, text);
    }

  for (guint i = 0; i < r->n_items; i++)
    {
      const CostItemFigures *f = &r->items[i];
      const char *text = cost_item_get_price_source (f->item);
      const char *as_of = cost_item_get_price_as_of (f->item);
      Source *source;

      if (f->excluded || text == NULL || text[0] == '\0')
        continue;

      source = g_hash_table_lookup (by_text, text);
      if (source == NULL)
        {
          source = g_new0 (Source, 1);
          source->source = g_strdup (text);
          source->names = g_ptr_array_new ();
          g_ptr_array_add (sources, source);
          g_hash_table_insert (by_text, source->source, source);
        }
      g_ptr_array_add (source->names, (gpointer) cost_names_translate (cost_item_get_name (f->item)));
      if (as_of != NULL && as_of[0] != '\0' && (source->oldest == NULL || strcmp (as_of, source->oldest) < 0))
        source->oldest = as_of;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = g_ptr_array_index (sources, i);
      g_autofree char *names = name_list (source->names);
      g_autofree char *date = format_iso_date (source->oldest);
      g_autofree char *text = date != NULL ?
        /* Translators: price source, the items it prices, its date */
        g_strdup_printf (_("Prices: %s (%s; as of %s)."), source->source, names, date) :
        g_strdup_printf (_("Prices: %s (%s)."), source->source, names);

      cost_layout_place_note (self->layout, text);
    }

  for (guint i = 0; i < r->n_items; i++)
    {
      const CostItemFigures *f = &r->items[i];
      const char *notes = cost_item_get_notes (f->item);
      g_autofree char *text = NULL;

      /* Notes about people's pay stay with the amounts they explain. */
      if (f->excluded || notes == NULL || notes[0] == '\0' || report_item_redacted (self, f))
        continue;

      /* Translators: a label and what it says, as in "GPUs: bought in May" */
      text = g_strdup_printf (_("%s: %s"), cost_names_translate (cost_item_get_name (f->item)), notes);
      cost_layout_place_note (self->layout, text);
    }

  if (self->redact_labor)
    cost_layout_place_note (self->layout, _("This copy of the report hides individual labor amounts and "
                                            "notes; only the labor total is shown."));
}

/* ---------------------------------------------------------------------- */
/* Projection                                                             */

/* Categories the projection table names; the others share a column. */
#define PROJECTION_CATEGORIES 4

/* Whether the months of a redacted report would tell a labor item's
 * amount: the labor total changes when one starts or ends. */
static gboolean
projection_reveals_labor (CostReport *self)
{
  const CostResult *r = self->result;

  if (!self->redact_labor)
    return FALSE;

  for (guint c = 0; c < r->n_categories; c++)
    {
      if (!is_labor (r, c))
        continue;
      for (int m = 1; m < r->horizon; m++)
        {
          if (r->categories[c].monthly[m] != r->categories[c].monthly[0])
            return TRUE;
        }
    }

  return FALSE;
}

/* The horizon month by month: the chart of the months, then a table of
 * each month's cost by category with the month's total and the running
 * total, ending with the horizon's totals. */
static void
report_place_projection (CostReport *self)
{
  const CostResult *r = self->result;
  g_autofree double *cumulative = NULL;
  g_autoptr(CostChartDataset) dataset = NULL;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *intro = NULL;
  g_autofree char *total = NULL;
  g_auto(CostLayoutBlock) block = { NULL, };
  g_auto(CostLayoutTable) table = { 0 };
  CostLayoutColumn columns[COST_LAYOUT_MAX_COLUMNS];
  gboolean other = FALSE;
  guint n_columns = 0, n_named;
  double width = cost_layout_content_width (self->layout);
  double category_width;
  CostLayoutRow *row;

  if (r->horizon <= 0 || (r->horizon_total == 0 && r->run_rate == 0) || projection_reveals_labor (self))
    return;

  /* The categories that cost something over the horizon, as many as fit. */
  for (guint c = 0; c < r->n_categories; c++)
    if (r->categories[c].horizon_total != 0)
      g_array_append_val (shown, c);
  n_named = shown->len <= PROJECTION_CATEGORIES + 1 ? shown->len : PROJECTION_CATEGORIES;
  other = shown->len > n_named;

  category_width = (1.0 - 0.14 - 2 * 0.16) / (n_named + (other ? 1 : 0));
  columns[n_columns++] = (CostLayoutColumn) { N_("Month"), 0.14, PANGO_ALIGN_LEFT, FALSE, FALSE };
  for (guint i = 0; i < n_named; i++)
    columns[n_columns++] = (CostLayoutColumn) {
      category_name (&r->categories[g_array_index (shown, guint, i)]), category_width,
      PANGO_ALIGN_RIGHT, FALSE, TRUE
    };
  if (other)
    /* Translators: a column of the projection table: the categories not named in the others */
    columns[n_columns++] = (CostLayoutColumn) { N_("Other categories"), category_width, PANGO_ALIGN_RIGHT, FALSE, TRUE };
  columns[n_columns++] = (CostLayoutColumn) { N_("Total"), 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE };
  columns[n_columns++] = (CostLayoutColumn) { N_("Cumulative"), 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE };

  cost_layout_place_heading (self->layout, _("Projection"));

  total = report_money (self, r->horizon_total, TRUE);
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "What the plan costs in each month of its horizon of %d month, %s in all, "
                                        "by category.",
                                        "What the plan costs in each month of its horizon of %d months, %s in all, "
                                        "by category.", r->horizon),
                           r->horizon, total);
  cost_layout_skip (self->layout, 2.0);
  cost_layout_place_paragraph (self->layout, cost_layout_text (self->layout, intro, SIZE_BODY, FALSE, width,
                                                               PANGO_ALIGN_LEFT), 0, ink_secondary);

  dataset = cost_chart_data_by_month (self->project, r);
  cost_chart_data_add_budget (dataset, self->project);
  cost_layout_block_init (&block);
  cost_layout_block_add_chart (&block, COST_CHART_STACKED, g_steal_pointer (&dataset), 0, 6.0, width, CHART_HEIGHT);
  block.height = 6.0 + CHART_HEIGHT;
  cost_layout_place (self->layout, &block);

  cumulative = cost_analysis_cumulative (r);
  cost_layout_table_init (&table, columns, n_columns);
  for (int m = 0; m < r->horizon; m++)
    {
      double rest = r->monthly[m];
      guint k = 0;

      row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);
      row->cells[k++] = cost_project_get_month_label (self->project, m, FALSE);
      for (guint i = 0; i < n_named; i++)
        {
          double amount = r->categories[g_array_index (shown, guint, i)].monthly[m];

          row->cells[k++] = report_money (self, amount, FALSE);
          rest -= amount;
        }
      if (other)
        row->cells[k++] = report_money (self, cost_round_money (rest), FALSE);
      row->cells[k++] = report_money (self, r->monthly[m], FALSE);
      row->cells[k++] = report_money (self, cumulative[m], FALSE);
    }

  row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_TOTAL);
  row->cells[0] = g_strdup (_("Total"));
  {
    double rest = r->horizon_total;
    guint k = 1;

    for (guint i = 0; i < n_named; i++)
      {
        double amount = r->categories[g_array_index (shown, guint, i)].horizon_total;

        row->cells[k++] = report_money (self, amount, FALSE);
        rest -= amount;
      }
    if (other)
      row->cells[k++] = report_money (self, cost_round_money (rest), FALSE);
    row->cells[k++] = report_money (self, r->horizon_total, FALSE);
  }

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

/* ---------------------------------------------------------------------- */
/* Sensitivity                                                            */

static const CostLayoutColumn sensitivity_columns[] = {
  { N_("Item"), 0.30, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Category"), 0.22, PANGO_ALIGN_LEFT, TRUE, FALSE },
  { "", 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { "", 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Swing"), 0.16, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

/* Which items move the run-rate most when their quantity or price is 20%
 * off, as the Sensitivity page shows: its tornado and its table. Labor
 * items stay out of a redacted report: their swing tells their amount. */
static void
report_place_sensitivity (CostReport *self)
{
  const CostResult *r = self->result;
  const double fraction = COST_CHART_DATA_DEFAULT_RANGE;
  g_autoptr(GArray) rows = cost_analysis_sensitivity (r, fraction);
  g_autoptr(CostChartDataset) dataset = NULL;
  g_auto(CostLayoutBlock) block = { NULL, };
  g_auto(CostLayoutTable) table = { 0 };
  g_autofree char *percent = cost_format_percent (fraction);
  g_autofree char *minus = NULL;
  g_autofree char *plus = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *run_rate = NULL;
  CostLayoutColumn columns[G_N_ELEMENTS (sensitivity_columns)];
  double width = cost_layout_content_width (self->layout);
  double height;
  guint shown;

  for (guint i = rows->len; i > 0; i--)
    {
      const CostSensitivity *row = &g_array_index (rows, CostSensitivity, i - 1);

      if (self->redact_labor && is_labor (r, row->category_index))
        g_array_remove_index (rows, i - 1);
    }
  if (rows->len == 0)
    return;
  shown = MIN (rows->len, COST_CHART_DATA_TORNADO_ROWS);

  /* Translators: the two ends of a sensitivity range: "−20%", "+20%" */
  minus = g_strdup_printf (_("−%s"), percent);
  plus = g_strdup_printf (_("+%s"), percent);
  memcpy (columns, sensitivity_columns, sizeof columns);
  columns[2].title = minus;
  columns[3].title = plus;

  cost_layout_place_heading (self->layout, _("Sensitivity"));

  run_rate = report_money (self, r->run_rate, TRUE);
  /* Translators: the introduction of the report's Sensitivity section: the range ("20%"), then the run-rate */
  intro = g_strdup_printf (_("How far the monthly run-rate of %2$s moves when one item’s quantity or unit price "
                             "is %1$s lower or higher, the others as planned; the items that move it most come "
                             "first."), percent, run_rate);
  cost_layout_skip (self->layout, 2.0);
  cost_layout_place_paragraph (self->layout, cost_layout_text (self->layout, intro, SIZE_BODY, FALSE, width,
                                                               PANGO_ALIGN_LEFT), 0, ink_secondary);

  dataset = cost_chart_data_sensitivity (self->project, r, rows, fraction, COST_CHART_DATA_TORNADO_ROWS);
  height = 50.0 + 18.0 * shown;
  cost_layout_block_init (&block);
  cost_layout_block_add_chart (&block, COST_CHART_TORNADO, g_steal_pointer (&dataset), 0, 6.0, width, height);
  block.height = 6.0 + height;
  cost_layout_place (self->layout, &block);

  cost_layout_table_init (&table, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < shown; i++)
    {
      const CostSensitivity *s = &g_array_index (rows, CostSensitivity, i);
      const char *name = cost_names_translate (cost_item_get_name (s->item));
      CostLayoutRow *row = cost_layout_table_add_row (&table, COST_LAYOUT_ROW_ITEM);

      row->cells[0] = g_strdup (name[0] != '\0' ? name : _("Unnamed Item"));
      row->cells[1] = g_strdup (category_name (&r->categories[s->category_index]));
      row->cells[2] = report_money (self, s->low, FALSE);
      row->cells[3] = report_money (self, s->high, FALSE);
      row->cells[4] = report_money (self, s->high - s->low, FALSE);
    }
  if (rows->len > shown)
    {
      guint more = rows->len - shown;

      table.footnote = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more item moves the run-rate less.",
                                                     "%u more items move the run-rate less.", more), more);
    }

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place_table (self->layout, &table);
}

/* ---------------------------------------------------------------------- */
/* Every scenario                                                         */

/* The run-rate of every scenario by category, under its title, for the
 * report of every scenario. */
static void
report_place_scenario_chart (CostReport *self)
{
  const CostExportOptions options = { .redact_labor = self->redact_labor };
  const CostChartChoice *choice = cost_chart_choice_find ("stacked", NULL);
  CostChartDataset *dataset = choice->build (self->project, self->results, self->result, &options, NULL);
  double width = cost_layout_content_width (self->layout);
  g_auto(CostLayoutBlock) block = { NULL, };
  PangoLayout *title = cost_layout_text (self->layout, cost_chart_dataset_get_title (dataset), SIZE_BODY, TRUE,
                                         width, PANGO_ALIGN_LEFT);
  double title_height;

  cost_layout_block_init (&block);
  title_height = cost_layout_block_add_text (&block, title, 0, 0, ink);
  cost_layout_block_add_chart (&block, choice->kind, dataset, 0, title_height + 4.0, width, CHART_HEIGHT);
  block.height = title_height + 4.0 + CHART_HEIGHT;

  cost_layout_skip (self->layout, TABLE_GAP);
  cost_layout_place (self->layout, &block);
}

/* The key figures of each scenario in turn, under its name and its
 * description, each with its change from the baseline, for the report of
 * every scenario. */
static void
report_place_each_scenario (CostReport *self)
{
  CostResult *baseline = g_ptr_array_index (self->results, 0);
  const char *currency = cost_project_get_currency (self->project);

  for (guint i = 0; i < self->results->len; i++)
    {
      const CostResult *s = g_ptr_array_index (self->results, i);
      const char *description = s->scenario ? cost_scenario_get_description (s->scenario) : NULL;
      g_autofree char *horizon_label =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total over %d month", "Total over %d months",
                                      s->horizon), s->horizon);
      const char *labels[4] = { _("Monthly run-rate"), _("First-year total"), horizon_label, _("One-time total") };
      const double figures[4][2] = {
        { s->run_rate, baseline->run_rate },
        { s->first_year, baseline->first_year },
        { s->horizon_total, baseline->horizon_total },
        { s->one_time, baseline->one_time },
      };
      char *values[4], *notes[4] = { NULL, };

      for (guint k = 0; k < 4; k++)
        {
          values[k] = report_money (self, figures[k][0], TRUE);
          if (i > 0)
            notes[k] = cost_change_text (figures[k][0], figures[k][1], currency, money_flags (self, TRUE),
                                         COST_CHANGE_VS_BASELINE);
        }

      cost_layout_place_heading (self->layout, scenario_name (s));
      if (description != NULL && description[0] != '\0')
        {
          cost_layout_place_paragraph (self->layout,
                                       cost_layout_text (self->layout, description, SIZE_BODY, FALSE,
                                                         cost_layout_content_width (self->layout),
                                                         PANGO_ALIGN_LEFT), 0, ink_secondary);
        }
      cost_layout_skip (self->layout, 6.0);
      cost_layout_place_tiles_full (self->layout, labels, (const char **) values,
                                    i > 0 ? (const char **) notes : NULL);

      for (guint k = 0; k < 4; k++)
        {
          g_free (values[k]);
          g_free (notes[k]);
        }
    }
}

/* Places every section of the report, in order, on the report's layout. */
void
_cost_report_place_sections (CostReport *self)
{
  report_place_cover (self);
  /* Every scenario: how they compare, then each one's key figures. */
  if (self->all_scenarios)
    {
      report_place_scenarios (self);
      report_place_scenario_chart (self);
      report_place_each_scenario (self);
      report_place_notes (self);
      return;
    }
  report_place_figures (self);
  report_place_unit_economics (self);
  report_place_charts (self);
  report_place_items (self);
  report_place_scenarios (self);
  report_place_projection (self);
  _cost_report_place_actuals (self);
  report_place_sensitivity (self);
  report_place_uncertainty (self);
  report_place_notes (self);
}
