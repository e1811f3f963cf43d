/* cost-report.c
 *
 * The report for management, laid out once for a page size and drawn page by
 * page with cairo and Pango: the same code writes the PDF and prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "cost-calc.h"
#include "cost-chart-data.h"
#include "cost-chart.h"
#include "cost-export-private.h"
#include "cost-format.h"
#include "cost-names.h"
#include "cost-project-io.h"
#include "cost-report.h"
#include "cost-project-sizing.h"
#include "cost-unit-economics.h"

/* Geometry, in points (1/72 inch). */
#define MARGIN_X        56.0
#define MARGIN_TOP      56.0
#define MARGIN_BOTTOM   68.0
#define FOOTER_OFFSET   30.0   /* from the bottom edge to the footer text */
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       4.5
#define SECTION_GAP     22.0
#define TABLE_GAP       14.0

#define A4_WIDTH        (210.0 / 25.4 * 72.0)
#define A4_HEIGHT       (297.0 / 25.4 * 72.0)
#define LETTER_WIDTH    612.0
#define LETTER_HEIGHT   792.0

/* Few sizes: each size and weight costs a font lookup. The charts' body
 * text is the report's small text. */
#define SIZE_TITLE      22.0
#define SIZE_HEADING    13.0
#define SIZE_CAPTION    10.5
#define SIZE_BODY        9.0
#define SIZE_SMALL       8.0
#define SIZE_FIGURE     16.0
#define SIZE_CHART      SIZE_SMALL
#define CHART_HEIGHT   200.0

/* Lines a table cell shows at most; longer text is ellipsized. */
#define CELL_MAX_LINES   3

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.114, 0.129, 0.157 };
static const Rgb ink_secondary = { 0.38, 0.41, 0.45 };
static const Rgb accent = { 0.106, 0.255, 0.431 };
static const Rgb rule_strong = { 0.25, 0.27, 0.30 };
static const Rgb rule_light = { 0.85, 0.87, 0.89 };
static const Rgb tile_fill = { 0.953, 0.961, 0.969 };

typedef enum
{
  ELEMENT_TEXT,
  ELEMENT_RULE,
  ELEMENT_FILL,
  ELEMENT_CHART,
} ElementKind;

typedef struct
{
  ElementKind  kind;
  guint        page;
  double       x;
  double       y;
  double       width;
  double       height;
  Rgb          color;
  PangoLayout *layout;   /* TEXT */
  double       offset;   /* TEXT: the layout's y at the element's top, when split across pages */
  double       radius;   /* FILL */
  CostChartDataset *dataset;  /* CHART */
  CostChartKind chart;        /* CHART */
} Element;

/* A run of elements placed together, positioned relative to its top. */
typedef struct
{
  GArray *elements;
  double  height;
} Block;

typedef struct
{
  const char     *title;
  double          width;       /* fraction of the text width */
  PangoAlignment  alignment;
  gboolean        secondary;
  gboolean        numeric;
  const char     *context;     /* of the title's translation, if it has one */
} Column;

typedef enum
{
  ROW_ITEM,
  ROW_SUBTOTAL,
  ROW_TOTAL,
} RowKind;

#define MAX_COLUMNS 7

typedef struct
{
  RowKind  kind;
  gboolean bold;
  char    *cells[MAX_COLUMNS];
  char    *detail;             /* a second line under the first cell */
} Row;

typedef struct
{
  char         *caption;       /* NULL: the table has no caption */
  char         *caption_note;
  gboolean      has_swatch;
  Rgb           swatch;
  const Column *columns;
  guint         n_columns;
  GPtrArray    *rows;          /* Row */
  char         *footnote;
} Table;

struct _CostReport
{
  GObject       parent_instance;

  CostProject  *project;
  GPtrArray    *results;       /* CostResult: the baseline, then each scenario */
  CostResult   *result;        /* the one reported, owned by results */
  gboolean      redact_labor;
  gboolean      whole;         /* every amount is whole: no minor units shown */
  GDateTime    *date;

  PangoContext *context;
  GArray       *elements;      /* Element */
  double        page_width;
  double        page_height;
  guint         n_pages;
  guint         page;          /* pagination cursor */
  double        y;
  Block         heading;       /* a heading waiting to be placed with what follows it */
  double        small_drop;    /* lowers small text onto the baseline of body text */
};

G_DEFINE_FINAL_TYPE (CostReport, cost_report, G_TYPE_OBJECT)

static const Column item_columns[] = {
  { N_("Item"), 0.27, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Quantity"), 0.10, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { "", 0.09, PANGO_ALIGN_LEFT, TRUE, FALSE },
  { N_("Unit price"), 0.14, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { "", 0.11, PANGO_ALIGN_LEFT, TRUE, FALSE },
  /* The amount a month, not the price period of the same name. */
  { NC_("column", "Monthly"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE, "column" },
  { N_("Share"), 0.11, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static const Column scenario_columns[] = {
  { N_("Scenario"), 0.32, PANGO_ALIGN_LEFT, FALSE, FALSE },
  { N_("Monthly run-rate"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("First-year total"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Change"), 0.18, PANGO_ALIGN_RIGHT, FALSE, TRUE },
  { N_("Change (%)"), 0.14, PANGO_ALIGN_RIGHT, FALSE, TRUE },
};

static void
element_clear (gpointer data)
{
  Element *element = data;

  g_clear_object (&element->layout);
  g_clear_pointer (&element->dataset, cost_chart_dataset_unref);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row->detail);
  g_free (row);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->caption, g_free);
  g_clear_pointer (&table->caption_note, g_free);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->footnote, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static void
cost_report_finalize (GObject *object)
{
  CostReport *self = (CostReport *) object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->elements, g_array_unref);
  g_clear_pointer (&self->heading.elements, g_array_unref);

  G_OBJECT_CLASS (cost_report_parent_class)->finalize (object);
}

static void
cost_report_class_init (CostReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cost_report_finalize;
}

static void
cost_report_init (CostReport *self)
{
  self->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (self->elements, element_clear);
}

/* The report's date: now, or SOURCE_DATE_EPOCH for reproducible output. */
static GDateTime *
report_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_local ();
}

static gboolean
is_whole (double amount)
{
  return fabs (amount - round (amount)) < 0.005;
}

static gboolean
result_is_whole (const CostResult *result)
{
  if (!is_whole (result->run_rate) || !is_whole (result->first_year) ||
      !is_whole (result->horizon_total) || !is_whole (result->one_time))
    return FALSE;

  for (guint i = 0; i < result->n_items; i++)
    {
      const CostItemFigures *f = &result->items[i];

      if (!is_whole (f->params.unit_price) || !is_whole (f->run_rate) || !is_whole (f->one_time))
        return FALSE;
    }

  return TRUE;
}

/**
 * cost_report_new:
 * @options: (nullable): the scenario to report and whether labor is redacted
 *
 * Takes a snapshot of @project's figures; later edits do not change the report.
 *
 * Returns: (transfer full): a report, to be paginated before it is drawn
 */
CostReport *
cost_report_new (CostProject             *project,
                 const CostExportOptions *options)
{
  CostReport *self;
  guint position = 0;

  g_return_val_if_fail (COST_IS_PROJECT (project), NULL);

  self = g_object_new (COST_TYPE_REPORT, NULL);
  self->project = g_object_ref (project);
  self->results = cost_calc_compute_all (project);
  self->redact_labor = options != NULL && options->redact_labor;
  self->date = report_date ();

  if (options != NULL && options->scenario != NULL &&
      cost_project_find_scenario (project, cost_scenario_get_id (options->scenario), &position))
    position++;
  self->result = g_ptr_array_index (self->results, position);

  self->whole = TRUE;
  for (guint i = 0; i < self->results->len; i++)
    self->whole = self->whole && result_is_whole (g_ptr_array_index (self->results, i));

  return self;
}

/**
 * cost_report_get_paper_size:
 * @paper: (nullable): "a4" (the default) or "letter"
 *
 * The portrait page size in points.
 */
void
cost_report_get_paper_size (const char *paper,
                            double     *width,
                            double     *height)
{
  gboolean letter = paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0;

  if (width != NULL)
    *width = letter ? LETTER_WIDTH : A4_WIDTH;
  if (height != NULL)
    *height = letter ? LETTER_HEIGHT : A4_HEIGHT;
}

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

static char *
report_money (CostReport *self,
              double      amount,
              gboolean    symbol)
{
  CostFormatFlags flags = self->whole ? COST_FORMAT_WHOLE : COST_FORMAT_DEFAULT;

  if (!symbol)
    flags |= COST_FORMAT_NO_SYMBOL;

  return cost_format_money (amount, cost_project_get_currency (self->project), flags);
}

/* "+12,000" and "−12,000": a change with its sign. */
static char *
signed_money (CostReport *self,
              double      delta)
{
  g_autofree char *money = report_money (self, delta, FALSE);

  return delta > 0 ? g_strconcat ("+", money, NULL) : g_steal_pointer (&money);
}

/* "+3.2%" and "−13.3%", with the same minus sign as amounts. */
static char *
signed_percent (double fraction)
{
  g_autofree char *percent = cost_format_percent (fabs (fraction));

  if (fraction > 0)
    return g_strconcat ("+", percent, NULL);
  if (fraction < 0 && strcmp (percent, "0%") != 0)
    return g_strconcat ("−", percent, NULL);

  return g_steal_pointer (&percent);
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
  return result->scenario != NULL ? cost_scenario_get_name (result->scenario) : _("Baseline");
}

/* The category's colour, or the charts' palette colour for its position. */
static Rgb
category_color (const CostResult *result,
                guint             index)
{
  const char *color = cost_category_get_color (result->categories[index].category);
  CostChartColor palette;
  Rgb rgb;
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
/* Text and blocks                                                        */

/* Chinese text wants Chinese punctuation widths, so its font comes first there. */
static const char *
font_family (void)
{
  return cost_format_is_chinese () ?
    "Noto Sans CJK SC, Cantarell, Noto Sans, DejaVu Sans, sans-serif" :
    "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif";
}

static PangoLayout *
report_text (CostReport     *self,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, font_family ());
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Digits of equal width, so that numbers line up in columns. */
static void
layout_set_tabular (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static double layout_width (PangoLayout *layout);

/* Shrinks @layout's type until its one line is at most @width wide: a
 * number never wraps. */
static void
layout_fit_width (PangoLayout *layout,
                  double       width)
{
  double natural = layout_width (layout);
  g_autoptr(PangoFontDescription) font = NULL;
  double size;

  if (natural <= width)
    return;

  font = pango_font_description_copy (pango_layout_get_font_description (layout));
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  pango_font_description_set_absolute_size (font, floor (size * width / natural * 0.98 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double) width / PANGO_SCALE;
}

static void
block_init (Block *block)
{
  block->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (block->elements, element_clear);
  block->height = 0.0;
}

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->elements, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Block, block_clear)

/* Adds @layout (taking it) at (@x, @y); returns its height. */
static double
block_add_text (Block       *block,
                PangoLayout *layout,
                double       x,
                double       y,
                Rgb          color)
{
  Element element = { ELEMENT_TEXT, };

  element.x = x;
  element.y = y;
  element.width = pango_layout_get_width (layout) > 0 ?
    (double) pango_layout_get_width (layout) / PANGO_SCALE : layout_width (layout);
  element.height = layout_height (layout);
  element.color = color;
  element.layout = layout;
  g_array_append_val (block->elements, element);

  return element.height;
}

static void
block_add_rule (Block  *block,
                double  x,
                double  y,
                double  width,
                double  thickness,
                Rgb     color)
{
  Element element = { ELEMENT_RULE, };

  element.x = x;
  element.y = y;
  element.width = width;
  element.height = thickness;
  element.color = color;
  g_array_append_val (block->elements, element);
}

static void
block_add_fill (Block  *block,
                double  x,
                double  y,
                double  width,
                double  height,
                double  radius,
                Rgb     color)
{
  Element element = { ELEMENT_FILL, };

  element.x = x;
  element.y = y;
  element.width = width;
  element.height = height;
  element.radius = radius;
  element.color = color;
  g_array_append_val (block->elements, element);
}

/* Adds a chart of @dataset (taking it). */
static void
block_add_chart (Block            *block,
                 CostChartKind     kind,
                 CostChartDataset *dataset,
                 double            x,
                 double            y,
                 double            width,
                 double            height)
{
  Element element = { ELEMENT_CHART, };

  element.x = x;
  element.y = y;
  element.width = width;
  element.height = height;
  element.chart = kind;
  element.dataset = dataset;
  g_array_append_val (block->elements, element);
}

static double
content_width (CostReport *self)
{
  return self->page_width - 2 * MARGIN_X;
}

static double
content_bottom (CostReport *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

static void
report_new_page (CostReport *self)
{
  self->page++;
  self->n_pages = self->page + 1;
  self->y = MARGIN_TOP;
}

static gboolean
report_at_top (CostReport *self)
{
  return self->y <= MARGIN_TOP;
}

/* Starts a new page unless @height, and the heading waiting above it, fit
 * below the cursor. */
static void
report_need (CostReport *self,
             double      height)
{
  if (self->heading.elements != NULL)
    height += self->heading.height;

  if (self->y + height > content_bottom (self) && !report_at_top (self))
    report_new_page (self);
}

static void report_place (CostReport *self,
                          Block      *block);

/* Places the waiting heading, if any, at the cursor. */
static void
report_flush_heading (CostReport *self)
{
  Block heading = self->heading;

  if (heading.elements == NULL)
    return;

  self->heading.elements = NULL;
  report_place (self, &heading);
  g_array_unref (heading.elements);
}

/* Moves @block's elements onto the page at the cursor. */
static void
report_place (CostReport *self,
              Block      *block)
{
  report_need (self, block->height);
  report_flush_heading (self);

  for (guint i = 0; i < block->elements->len; i++)
    {
      Element *element = &g_array_index (block->elements, Element, i);
      Element placed = *element;

      placed.page = self->page;
      placed.x += MARGIN_X;
      placed.y += self->y;
      g_array_append_val (self->elements, placed);
      element->layout = NULL; /* now owned by the report */
      element->dataset = NULL;
    }

  self->y += block->height;
}

static void
report_skip (CostReport *self,
             double      space)
{
  /* Space after a heading goes below it, with it. */
  if (self->heading.elements != NULL)
    {
      self->heading.height += space;
      return;
    }

  self->y += space;
  if (self->y > content_bottom (self))
    report_new_page (self);
}

/* Places a paragraph (taking @layout), splitting it between lines where it
 * crosses the bottom of a page. */
static void
report_place_paragraph (CostReport  *self,
                        PangoLayout *layout,
                        double       x,
                        Rgb          color)
{
  double total = layout_height (layout);
  double offset = 0.0;

  if (self->heading.elements != NULL)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      PangoRectangle line;

      /* A heading keeps the paragraph's first two lines below it. */
      pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &line);
      pango_layout_iter_free (iter);
      report_need (self, MIN (total, (double) (line.y + line.height) / PANGO_SCALE));
      report_flush_heading (self);
    }

  while (offset < total)
    {
      double room = content_bottom (self) - self->y;
      double cut = offset;
      Element element = { ELEMENT_TEXT, };
      PangoLayoutIter *iter;

      if (total - offset <= room)
        {
          cut = total;
        }
      else
        {
          iter = pango_layout_get_iter (layout);
          do
            {
              PangoRectangle line;
              double line_bottom;

              pango_layout_iter_get_line_extents (iter, NULL, &line);
              line_bottom = (double) (line.y + line.height) / PANGO_SCALE;
              if (line_bottom <= offset)
                continue;
              if (line_bottom - offset > room)
                {
                  /* A page always takes at least one line. */
                  if (cut == offset && report_at_top (self))
                    cut = line_bottom;
                  break;
                }
              cut = line_bottom;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }

      if (cut > offset)
        {
          element.page = self->page;
          element.x = MARGIN_X + x;
          element.y = self->y;
          element.width = (double) pango_layout_get_width (layout) / PANGO_SCALE;
          element.height = cut - offset;
          element.color = color;
          element.layout = g_object_ref (layout);
          element.offset = offset;
          g_array_append_val (self->elements, element);
          self->y += cut - offset;
          offset = cut;
        }

      if (offset < total)
        report_new_page (self);
    }

  g_object_unref (layout);
}

static void
report_place_heading (CostReport *self,
                      const char *text)
{
  g_auto(Block) block;

  block_init (&block);
  block.height = block_add_text (&block, report_text (self, text, SIZE_HEADING, TRUE,
                                                      content_width (self), PANGO_ALIGN_LEFT),
                                 0, 0, accent);
  block.height += 4.0;

  if (!report_at_top (self))
    report_skip (self, SECTION_GAP);

  g_assert (self->heading.elements == NULL);
  self->heading = block;
  block.elements = NULL;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */

static Row *
table_add_row (Table   *table,
               RowKind  kind)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  g_ptr_array_add (table->rows, row);

  return row;
}

static void
table_init (Table        *table,
            const Column *columns,
            guint         n_columns)
{
  g_assert (n_columns <= MAX_COLUMNS);

  memset (table, 0, sizeof *table);
  table->columns = columns;
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func (row_free);
}

/* The caption (with "continued" on later pages) and the column headers. */
static void
table_header_block (CostReport  *self,
                    const Table *table,
                    gboolean     continued,
                    Block       *block)
{
  double width = content_width (self);
  double x = 0.0, y = 0.0, header_height = 0.0;

  block_init (block);

  if (table->caption != NULL)
    {
      g_autofree char *caption = continued ?
        /* Translators: a table caption on the pages after the first */
        g_strdup_printf (_("%s (continued)"), table->caption) : g_strdup (table->caption);
      double text_x = table->has_swatch ? 16.0 : 0.0;
      PangoLayout *layout = report_text (self, caption, SIZE_CAPTION, TRUE, -1, PANGO_ALIGN_LEFT);
      double caption_height = layout_height (layout);
      double caption_width = layout_width (layout);

      if (table->has_swatch)
        block_add_fill (block, 0, (caption_height - 10.0) / 2, 10.0, 10.0, 2.0, table->swatch);
      block_add_text (block, layout, text_x, 0, ink);

      if (table->caption_note != NULL && !continued)
        {
          PangoLayout *note = report_text (self, table->caption_note, SIZE_SMALL, FALSE,
                                           -1, PANGO_ALIGN_LEFT);

          block_add_text (block, note, text_x + caption_width + 8.0,
                          caption_height - layout_height (note) - 1.5, ink_secondary);
        }
      y = caption_height + 6.0;
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *column = &table->columns[c];
      double column_width = column->width * width;

      if (column->title[0] != '\0')
        {
          const char *title = column->context != NULL ?
                              g_dpgettext2 (GETTEXT_PACKAGE, column->context, column->title) :
                              _(column->title);
          PangoLayout *layout = report_text (self, title, SIZE_SMALL, TRUE,
                                             column_width - 2 * CELL_PAD_X,
                                             table->columns[c].alignment);
          double height = block_add_text (block, layout, x + CELL_PAD_X, y, ink_secondary);

          header_height = MAX (header_height, height);
        }
      x += column_width;
    }

  y += header_height + 4.0;
  block_add_rule (block, 0, y, width, 0.8, rule_strong);
  block->height = y + 0.8;
}

static void
table_row_block (CostReport  *self,
                 const Table *table,
                 const Row   *row,
                 Block       *block)
{
  double width = content_width (self);
  gboolean bold = row->bold || row->kind != ROW_ITEM;
  double x = 0.0, height = 0.0;
  double top = row->kind == ROW_ITEM ? CELL_PAD_Y : CELL_PAD_Y + 1.5;

  block_init (block);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *column = &table->columns[c];
      double column_width = column->width * width;
      double cell_height = 0.0;

      if (row->cells[c] != NULL && row->cells[c][0] != '\0' && column->numeric)
        {
          PangoLayout *layout = report_text (self, row->cells[c], SIZE_BODY, bold, -1,
                                             column->alignment);

          layout_set_tabular (layout);
          layout_fit_width (layout, column_width - 2 * CELL_PAD_X);
          pango_layout_set_width (layout, (int) ((column_width - 2 * CELL_PAD_X) * PANGO_SCALE));
          cell_height = block_add_text (block, layout, x + CELL_PAD_X, top, ink);
        }
      else if (row->cells[c] != NULL && row->cells[c][0] != '\0')
        {
          /* Units and periods are small, on the baseline of the rest. */
          double drop = column->secondary ? self->small_drop : 0.0;
          PangoLayout *layout = report_text (self, row->cells[c],
                                             column->secondary ? SIZE_SMALL : SIZE_BODY, bold,
                                             column_width - 2 * CELL_PAD_X, column->alignment);

          pango_layout_set_height (layout, -CELL_MAX_LINES);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          cell_height = drop + block_add_text (block, layout, x + CELL_PAD_X, top + drop,
                                               column->secondary ? ink_secondary : ink);
        }

      if (c == 0 && row->detail != NULL)
        {
          PangoLayout *layout = report_text (self, row->detail, SIZE_SMALL, FALSE,
                                             column_width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);

          pango_layout_set_height (layout, -2);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          cell_height += 1.0 + block_add_text (block, layout, x + CELL_PAD_X, top + cell_height + 1.0,
                                               ink_secondary);
        }

      height = MAX (height, cell_height);
      x += column_width;
    }

  height += top + CELL_PAD_Y;

  switch (row->kind)
    {
    case ROW_ITEM:
      block_add_rule (block, 0, height - 0.4, width, 0.4, rule_light);
      break;
    case ROW_SUBTOTAL:
      block_add_rule (block, 0, 0, width, 0.6, rule_strong);
      break;
    case ROW_TOTAL:
      block_add_rule (block, 0, 0, width, 0.8, rule_strong);
      block_add_rule (block, 0, 2.0, width, 0.8, rule_strong);
      break;
    default:
      g_assert_not_reached ();
    }

  block->height = height;
}

/* Places a table; rows that do not fit go on the next page, below the
 * caption and the column headers again. The first row stays with the
 * headers and the last row with the one before it. */
static void
report_place_table (CostReport  *self,
                    const Table *table)
{
  g_auto(Block) header = { NULL, };
  guint n_rows = table->rows->len;
  Block *rows = g_new0 (Block, n_rows);
  double total;

  g_assert (n_rows > 0);

  table_header_block (self, table, FALSE, &header);
  total = header.height;
  for (guint i = 0; i < n_rows; i++)
    table_row_block (self, table, g_ptr_array_index (table->rows, i), &rows[i]);

  for (guint i = 0; i < n_rows; i++)
    total += rows[i].height;

  /* A short table stays whole; a long one starts with at least two rows. */
  if (total <= (content_bottom (self) - MARGIN_TOP) / 3)
    report_need (self, total);
  else
    report_need (self, header.height + rows[0].height + (n_rows > 1 ? rows[1].height : 0));
  report_place (self, &header);

  for (guint i = 0; i < n_rows; i++)
    {
      double need = rows[i].height;

      if (i + 2 == n_rows)
        need += rows[i + 1].height;

      if (self->y + need > content_bottom (self))
        {
          g_auto(Block) repeated = { NULL, };

          report_new_page (self);
          table_header_block (self, table, TRUE, &repeated);
          report_place (self, &repeated);
        }
      report_place (self, &rows[i]);
    }

  if (table->footnote != NULL)
    {
      report_skip (self, 4.0);
      report_place_paragraph (self, report_text (self, table->footnote, SIZE_SMALL, FALSE,
                                                 content_width (self), PANGO_ALIGN_LEFT),
                              0, ink_secondary);
    }

  for (guint i = 0; i < n_rows; i++)
    block_clear (&rows[i]);
  g_free (rows);
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
  const char *description = cost_project_get_description (self->project);
  const char *as_of = oldest_price_date (self);
  double width = content_width (self);
  g_autofree char *date = format_date (self->date);
  g_autofree char *as_of_text = format_iso_date (as_of);
  g_autofree char *horizon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                                           self->result->horizon),
                                              self->result->horizon);
  const char *currency = cost_project_get_currency (self->project);
  const char *symbol = cost_currency_get_symbol (currency);
  g_autofree char *currency_text = symbol != NULL ? g_strdup_printf ("%s (%s)", currency, symbol) :
                                                    g_strdup (currency);
  struct {
    const char *label;
    const char *value;
  } facts[] = {
    { _("Scenario"), scenario_name (self->result) },
    { _("Currency"), currency_text },
    { _("Horizon"), horizon },
    { _("Report date"), date },
    { _("Prices as of"), as_of_text },
  };
  const guint n_columns = 3;
  double column_width = width / n_columns;
  g_auto(Block) head = { NULL, };
  g_auto(Block) grid = { NULL, };
  PangoLayout *title;
  double y, row_height = 0.0;
  guint n = 0;

  block_init (&head);
  block_add_fill (&head, 0, 0, width, 3.0, 0, accent);
  y = 12.0;
  y += block_add_text (&head, report_text (self, _("Cost report"), SIZE_BODY, TRUE,
                                           width, PANGO_ALIGN_LEFT), 0, y, accent);
  y += 4.0;
  title = report_text (self, cost_project_get_title (self->project), SIZE_TITLE, TRUE,
                       width, PANGO_ALIGN_LEFT);
  pango_layout_set_height (title, -3);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  y += block_add_text (&head, title, 0, y, ink);
  head.height = y + 8.0;
  report_place (self, &head);

  if (description != NULL && description[0] != '\0')
    {
      report_place_paragraph (self, report_text (self, description, SIZE_BODY, FALSE,
                                                 width, PANGO_ALIGN_LEFT),
                              0, ink_secondary);
      report_skip (self, 12.0);
    }

  block_init (&grid);
  y = 0.0;
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double x = (n % n_columns) * column_width;
      double height;

      if (facts[i].value == NULL)
        continue;

      height = block_add_text (&grid, report_text (self, facts[i].label, SIZE_SMALL, FALSE,
                                                   column_width - 12.0, PANGO_ALIGN_LEFT),
                               x, y, ink_secondary);
      height += 1.5 + block_add_text (&grid, report_text (self, facts[i].value, SIZE_BODY, TRUE,
                                                          column_width - 12.0, PANGO_ALIGN_LEFT),
                                      x, y + height + 1.5, ink);
      row_height = MAX (row_height, height);

      if (++n % n_columns == 0)
        {
          y += row_height + 8.0;
          row_height = 0.0;
        }
    }
  y += row_height;
  block_add_rule (&grid, 0, y + 12.0, width, 0.6, rule_light);
  grid.height = y + 12.6;
  report_place (self, &grid);
}

/* A row of four tiles, each a label over a figure. */
static void
report_place_tiles (CostReport *self,
                    const char *labels[4],
                    const char *values[4])
{
  double width = content_width (self);
  const double gap = 10.0, pad = 10.0;
  double tile_width = (width - 3 * gap) / 4;
  g_auto(Block) block = { NULL, };
  double label_height = 0.0, value_height = 0.0;
  PangoLayout *label_layouts[4], *value_layouts[4];

  block_init (&block);

  for (guint i = 0; i < 4; i++)
    {
      double available = tile_width - 2 * pad;

      label_layouts[i] = report_text (self, labels[i], SIZE_SMALL, FALSE, available, PANGO_ALIGN_LEFT);
      value_layouts[i] = report_text (self, values[i], SIZE_FIGURE, TRUE, -1, PANGO_ALIGN_LEFT);
      layout_set_tabular (value_layouts[i]);
      layout_fit_width (value_layouts[i], available);

      label_height = MAX (label_height, layout_height (label_layouts[i]));
      value_height = MAX (value_height, layout_height (value_layouts[i]));
    }

  for (guint i = 0; i < 4; i++)
    {
      double x = i * (tile_width + gap);

      block_add_fill (&block, x, 0, tile_width, label_height + value_height + 2 * pad + 4.0,
                      4.0, tile_fill);
      block_add_text (&block, label_layouts[i], x + pad, pad, ink_secondary);
      block_add_text (&block, value_layouts[i], x + pad, pad + label_height + 4.0, ink);
    }

  block.height = label_height + value_height + 2 * pad + 4.0;
  report_place (self, &block);
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

  report_skip (self, 14.0);
  report_place_tiles (self, labels, values);
}

/* A small bold caption over what follows it. */
static void
report_place_caption (CostReport *self,
                      const char *text)
{
  g_auto(Block) block = { NULL, };

  block_init (&block);
  block.height = block_add_text (&block, report_text (self, text, SIZE_CAPTION, TRUE,
                                                      content_width (self), PANGO_ALIGN_LEFT),
                                 0, 0, ink) + 4.0;
  report_place (self, &block);
}

/* Formulas, one a line, in small type. */
static void
report_place_formulas (CostReport *self,
                       const char *text)
{
  PangoLayout *layout = report_text (self, text, SIZE_SMALL, FALSE, content_width (self),
                                     PANGO_ALIGN_LEFT);

  pango_layout_set_spacing (layout, (int) (2.0 * PANGO_SCALE));
  report_place_paragraph (self, layout, 0, ink);
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
 * per user and per token, and how the traffic sizes the accelerators, with
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

  report_place_heading (self, _("Unit economics"));
  report_skip (self, 6.0);
  report_place_tiles (self, labels, values);

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
  share = cost_format_percent (e.compute_share);
  /* Translators: "Compute is 90.7% of the monthly run-rate." */
  g_string_append_printf (formulas, _("Compute is %s of the monthly run-rate."), share);
  report_skip (self, 8.0);
  report_place_formulas (self, formulas->str);

  report_skip (self, TABLE_GAP);
  report_place_caption (self, _("Traffic"));
  traffic = cost_workload_explain (&workload);
  report_place_formulas (self, traffic);

  if (cost_project_get_n_models (self->project) == 0)
    return;

  report_skip (self, TABLE_GAP);
  report_place_caption (self, _("Accelerators for the peak"));
  g_string_truncate (formulas, 0);
  for (guint i = 0; i < cost_project_get_n_models (self->project); i++)
    {
      CostServedModel *model = cost_project_get_model (self->project, i);
      g_autofree char *title = model_title (model);
      g_autofree char *sizing = NULL;
      CostModelValues model_values;

      cost_sizing_effective_model (model, r->scenario, &model_values);
      sizing = cost_sizing_explain (&workload, &model_values);
      if (formulas->len > 0)
        g_string_append_c (formulas, '\n');
      /* Translators: a label and what it says, as in "Ranking model: ⌈…⌉ = 40" */
      g_string_append_printf (formulas, _("%s: %s"), title, sizing);
    }
  report_place_formulas (self, formulas->str);
}

/* The donut by category beside stacked bars by scenario (or by month when
 * there are no scenarios), each under its title. */
static void
report_place_charts (CostReport *self)
{
  double width = content_width (self);
  double gap = 18.0;
  double donut_width = (width - gap) * 0.42;
  struct {
    CostChartKind     kind;
    CostChartDataset *dataset;
    double            x;
    double            width;
  } charts[] = {
    { COST_CHART_DONUT, cost_chart_data_by_category (self->project, self->result), 0, donut_width },
    { COST_CHART_STACKED,
      self->results->len > 1 ? cost_chart_data_by_scenario (self->project, self->results) :
                               cost_chart_data_by_month (self->project, self->result),
      donut_width + gap, width - donut_width - gap },
  };
  g_auto(Block) block = { NULL, };
  double title_height = 0.0;

  if (self->result->run_rate <= 0 && self->result->one_time <= 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        cost_chart_dataset_unref (charts[i].dataset);
      return;
    }

  report_place_heading (self, _("Cost structure"));
  report_skip (self, 6.0);

  block_init (&block);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      PangoLayout *title = report_text (self, cost_chart_dataset_get_title (charts[i].dataset),
                                        SIZE_BODY, TRUE, charts[i].width, PANGO_ALIGN_LEFT);
      double height = block_add_text (&block, title, charts[i].x, 0, ink);

      title_height = MAX (title_height, height);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    block_add_chart (&block, charts[i].kind, charts[i].dataset, charts[i].x, title_height + 4.0,
                     charts[i].width, CHART_HEIGHT);
  block.height = title_height + 4.0 + CHART_HEIGHT;

  report_place (self, &block);
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
      g_autofree char *percent = signed_percent (p->monthly_growth);

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
  g_auto(Table) table;
  Row *row;

  table_init (&table, item_columns, G_N_ELEMENTS (item_columns));
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

      row = table_add_row (&table, ROW_ITEM);
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

          row->cells[3] = report_money (self, f->params.unit_price, FALSE);
          row->cells[5] = monthly ? report_money (self, f->run_rate, FALSE) : g_strdup ("—");
          row->cells[6] = monthly ? cost_format_percent (f->share) : g_strdup ("—");
        }
      row->detail = item_detail (self, f, hidden);
    }

  if (table.rows->len == 0)
    return;

  row = table_add_row (&table, ROW_SUBTOTAL);
  row->cells[0] = g_strdup (_("Subtotal"));
  row->cells[5] = report_money (self, cf->run_rate, FALSE);
  row->cells[6] = cost_format_percent (cf->share);
  if (cf->one_time != 0.0)
    {
      g_autofree char *one_time = report_money (self, cf->one_time, TRUE);

      row->detail = g_strdup_printf (_("plus %s one-time"), one_time);
    }

  if (redacted)
    table.footnote = g_strdup (_("Individual labor amounts are not shown in this report; "
                                 "the subtotal includes every labor item."));

  report_skip (self, TABLE_GAP);
  report_place_table (self, &table);
}

static void
report_place_items (CostReport *self)
{
  const CostResult *r = self->result;
  g_auto(Table) total;
  Row *row;

  report_place_heading (self, _("Line items"));

  for (guint c = 0; c < r->n_categories; c++)
    report_place_category (self, c);

  table_init (&total, item_columns, G_N_ELEMENTS (item_columns));
  row = table_add_row (&total, ROW_TOTAL);
  row->cells[0] = g_strdup (_("Total per month"));
  row->cells[5] = report_money (self, r->run_rate, FALSE);
  row->cells[6] = cost_format_percent (r->run_rate > 0 ? 1.0 : 0.0);

  {
    g_auto(Block) block = { NULL, };

    table_row_block (self, &total, row, &block);
    report_skip (self, TABLE_GAP);
    report_place (self, &block);
  }
}

static void
report_place_scenarios (CostReport *self)
{
  CostResult *baseline = g_ptr_array_index (self->results, 0);
  g_auto(Table) table = { 0 };

  if (self->results->len < 2)
    return;

  report_place_heading (self, _("Scenario comparison"));

  table_init (&table, scenario_columns, G_N_ELEMENTS (scenario_columns));
  for (guint i = 0; i < self->results->len; i++)
    {
      CostResult *s = g_ptr_array_index (self->results, i);
      Row *row = table_add_row (&table, ROW_ITEM);
      double delta = s->run_rate - baseline->run_rate;
      const char *description = s->scenario ? cost_scenario_get_description (s->scenario) : NULL;

      row->bold = s == self->result;
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
          row->cells[3] = signed_money (self, delta);
          row->cells[4] = baseline->run_rate > 0 ? signed_percent (delta / baseline->run_rate) :
                                                   g_strdup ("—");
        }
      if (description != NULL && description[0] != '\0')
        row->detail = g_strdup (description);
    }

  table.footnote = g_strdup (_("Changes compare each scenario’s monthly run-rate with the "
                               "baseline’s. The scenario in bold is the one this report shows."));

  report_skip (self, 6.0);
  report_place_table (self, &table);
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
report_place_note (CostReport *self,
                   const char *text)
{
  g_autofree char *bullet = g_strconcat ("•  ", text, NULL);
  PangoLayout *layout = report_text (self, bullet, SIZE_BODY, FALSE, content_width (self),
                                     PANGO_ALIGN_LEFT);
  PangoLayout *mark = report_text (self, "•  ", SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);

  pango_layout_set_indent (layout, (int) (-layout_width (mark) * PANGO_SCALE));
  g_object_unref (mark);

  report_place_paragraph (self, layout, 0, ink);
  report_skip (self, 5.0);
}

static void
report_place_notes (CostReport *self)
{
  const CostResult *r = self->result;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  g_autoptr(GHashTable) by_text = g_hash_table_new (g_str_hash, g_str_equal);

  report_place_heading (self, _("Assumptions and notes"));
  report_skip (self, 4.0);

  report_place_note (self, _("Monthly amounts count 730 hours or 365/12 days a month and a "
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
      report_place_note (self, text);
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

      report_place_note (self, text);
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
      report_place_note (self, text);
    }

  if (self->redact_labor)
    report_place_note (self, _("This copy of the report hides individual labor amounts and "
                               "notes; only the labor total is shown."));
}

/**
 * cost_report_paginate:
 * @page_width: the page width in points (the whole sheet: the report keeps its own margins)
 * @page_height: the page height in points
 *
 * Lays the report out on pages of the given size. Print with
 * `gtk_print_operation_set_unit (op, GTK_UNIT_POINTS)` and
 * `gtk_print_operation_set_use_full_page (op, TRUE)` so that a point on the
 * page is a unit of the print context's cairo_t.
 */
void
cost_report_paginate (CostReport *self,
                      double      page_width,
                      double      page_height)
{
  cairo_font_options_t *options;

  g_return_if_fail (COST_IS_REPORT (self));
  g_return_if_fail (page_width > 2 * MARGIN_X && page_height > MARGIN_TOP + MARGIN_BOTTOM);

  g_array_set_size (self->elements, 0);
  g_clear_object (&self->context);

  /* Unhinted metrics: the same layout on paper, in a PDF and on screen. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context, pango_language_get_default ());

  {
    g_autoptr(PangoLayout) body = report_text (self, "0", SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) small = report_text (self, "0", SIZE_SMALL, FALSE, -1, PANGO_ALIGN_LEFT);

    self->small_drop = (double) (pango_layout_get_baseline (body) -
                                 pango_layout_get_baseline (small)) / PANGO_SCALE;
  }

  self->page_width = page_width;
  self->page_height = page_height;
  self->page = 0;
  self->n_pages = 1;
  self->y = MARGIN_TOP;

  report_place_cover (self);
  report_place_figures (self);
  report_place_unit_economics (self);
  report_place_charts (self);
  report_place_items (self);
  report_place_scenarios (self);
  report_place_notes (self);

  g_assert (self->heading.elements == NULL);
}

guint
cost_report_get_n_pages (CostReport *self)
{
  g_return_val_if_fail (COST_IS_REPORT (self), 0);

  return self->n_pages;
}

static void
set_color (cairo_t *cr,
           Rgb      color)
{
  cairo_set_source_rgb (cr, color.r, color.g, color.b);
}

static void
draw_footer (CostReport *self,
             cairo_t    *cr,
             guint       page)
{
  double width = content_width (self);
  double y = self->page_height - FOOTER_OFFSET;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) title = report_text (self, cost_project_get_title (self->project),
                                              SIZE_SMALL, FALSE, width * 0.7, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) numbers = report_text (self, number, SIZE_SMALL, FALSE, width * 0.3,
                                                PANGO_ALIGN_RIGHT);

  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title, -1);

  set_color (cr, rule_light);
  cairo_rectangle (cr, MARGIN_X, y - 6.0, width, 0.5);
  cairo_fill (cr);

  set_color (cr, ink_secondary);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, MARGIN_X + width * 0.7, y);
  pango_cairo_show_layout (cr, numbers);
}

static void
draw_element (cairo_t       *cr,
              const Element *element)
{
  switch (element->kind)
    {
    case ELEMENT_TEXT:
      set_color (cr, element->color);
      if (element->offset > 0.0 || element->height < layout_height (element->layout))
        {
          /* A slice of a paragraph: clip to its lines (glyphs may overhang the
           * logical width, hence the generous sides). */
          cairo_save (cr);
          cairo_rectangle (cr, element->x - 20.0, element->y, element->width + 40.0,
                           element->height);
          cairo_clip (cr);
          cairo_move_to (cr, element->x, element->y - element->offset);
          pango_cairo_show_layout (cr, element->layout);
          cairo_restore (cr);
        }
      else
        {
          cairo_move_to (cr, element->x, element->y);
          pango_cairo_show_layout (cr, element->layout);
        }
      break;

    case ELEMENT_RULE:
      set_color (cr, element->color);
      cairo_rectangle (cr, element->x, element->y, element->width, element->height);
      cairo_fill (cr);
      break;

    case ELEMENT_FILL:
      set_color (cr, element->color);
      if (element->radius > 0)
        {
          double x = element->x, y = element->y, w = element->width, h = element->height;
          double r = element->radius;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
          cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
        }
      else
        {
          cairo_rectangle (cr, element->x, element->y, element->width, element->height);
        }
      cairo_fill (cr);
      break;

    case ELEMENT_CHART:
      {
        CostChartRect area = { element->x, element->y, element->width, element->height };
        CostChartStyle style;

        cost_chart_style_init (&style, FALSE);
        style.font_family = font_family ();
        style.font_size = SIZE_CHART;
        style.fill_background = FALSE;
        style.show_title = FALSE;
        cost_chart_draw (cr, &area, element->chart, element->dataset, &style, NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * cost_report_draw_page:
 * @cr: a cairo context whose unit is the point, origin at the sheet's top left
 * @page: 0-based, less than cost_report_get_n_pages()
 *
 * Draws one page on a white sheet (the caller's surface provides the white).
 */
void
cost_report_draw_page (CostReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  g_return_if_fail (COST_IS_REPORT (self));
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const Element *element = &g_array_index (self->elements, Element, i);

      if (element->page == page)
        draw_element (cr, element);
    }

  draw_footer (self, cr, page);

  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* PDF                                                                    */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

gboolean
_cost_export_pdf (CostProject              *project,
                  GFile                    *file,
                  const CostExportOptions  *options,
                  GError                  **error)
{
  g_autoptr(CostReport) report = cost_report_new (project, options);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *created = g_date_time_format (report->date, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *creator = g_strdup_printf ("ModelCost %s", PACKAGE_VERSION);
  const char *author = g_get_real_name ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  cost_report_get_paper_size (options ? options->paper : NULL, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cost_project_get_title (project));
  if (author != NULL && strcmp (author, "Unknown") != 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  cost_report_paginate (report, width, height);
  for (guint page = 0; page < cost_report_get_n_pages (report); page++)
    {
      cost_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, COST_ERROR, COST_ERROR_IO, _("Could not export “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }

  return cost_file_replace_contents (file, (const char *) bytes->data, bytes->len, FALSE, NULL, error);
}
