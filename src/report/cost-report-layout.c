/* cost-report-layout.c
 *
 * The report's layout engine: blocks of text, rules, fills and charts that
 * flow down the pages, tables that continue on the next page under their
 * headers, and the drawing of the placed elements with cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-report-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cost-format.h"
#include "cost-report-layout.h"

/* Rows that end a table on a page of their own, at the least. */
#define TABLE_LAST_ROWS  3

/* Lines a table cell shows at most; longer text is ellipsized. */
#define CELL_MAX_LINES   3

typedef enum
{
  ELEMENT_TEXT,
  ELEMENT_RULE,
  ELEMENT_FILL,
  ELEMENT_CHART,
  ELEMENT_LLM_MEMORY,
  ELEMENT_LLM_CURVE,
} ElementKind;

/* The data of an LLM's memory bar or curve, owned by its element. */
typedef struct
{
  char                *title;
  CostChartMemory      memory;
  CostChartCurvePoint  points[COST_CHART_LLM_POINTS];
  CostChartCurve       curve;
} LlmChart;

typedef struct
{
  ElementKind       kind;
  guint             page;
  double            x;
  double            y;
  double            width;
  double            height;
  CostLayoutColor   color;
  PangoLayout      *layout;   /* TEXT */
  double            offset;   /* TEXT: the layout's y at the element's top, when split across pages */
  double            radius;   /* FILL */
  CostChartDataset *dataset;  /* CHART */
  CostChartKind     chart;    /* CHART */
  LlmChart         *llm;      /* LLM_MEMORY, LLM_CURVE */
} Element;

struct _CostLayout
{
  PangoContext    *context;
  GArray          *elements;      /* Element */
  double           page_width;
  double           page_height;
  guint            n_pages;
  guint            page;          /* the cursor's page */
  double           y;             /* the cursor */
  CostLayoutBlock  heading;       /* a heading waiting to be placed with what follows it */
  double           small_drop;    /* lowers small text onto the baseline of body text */
  double           chart_size;    /* the charts' body text */
};

static void
element_clear (gpointer data)
{
  Element *element = data;

  g_clear_object (&element->layout);
  g_clear_pointer (&element->dataset, cost_chart_dataset_unref);
  if (element->llm != NULL)
    {
      g_free (element->llm->title);
      g_clear_pointer (&element->llm, g_free);
    }
}

static void
row_free (gpointer data)
{
  CostLayoutRow *row = data;

  for (guint i = 0; i < COST_LAYOUT_MAX_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row->detail);
  g_free (row);
}

void
cost_layout_table_clear (CostLayoutTable *table)
{
  g_clear_pointer (&table->caption, g_free);
  g_clear_pointer (&table->caption_note, g_free);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->footnote, g_free);
}

/* ---------------------------------------------------------------------- */
/* Pages                                                                  */

/**
 * cost_layout_new:
 * @page_width: the page width in points (the whole sheet: the layout keeps its own margins)
 * @page_height: the page height in points
 *
 * Returns: (transfer full): empty pages of this size, the cursor at the
 *   top of the first
 */
CostLayout *
cost_layout_new (double page_width,
                 double page_height)
{
  CostLayout *self = g_new0 (CostLayout, 1);
  cairo_font_options_t *options;

  self->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (self->elements, element_clear);

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
    g_autoptr(PangoLayout) body = cost_layout_text (self, "0", SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) small = cost_layout_text (self, "0", SIZE_SMALL, FALSE, -1, PANGO_ALIGN_LEFT);

    self->small_drop = (double) (pango_layout_get_baseline (body) -
                                 pango_layout_get_baseline (small)) / PANGO_SCALE;
  }
  self->chart_size = SIZE_CHART;

  self->page_width = page_width;
  self->page_height = page_height;
  self->page = 0;
  self->n_pages = 1;
  self->y = MARGIN_TOP;

  return self;
}

void
cost_layout_free (CostLayout *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->context);
  g_clear_pointer (&self->elements, g_array_unref);
  g_clear_pointer (&self->heading.elements, g_array_unref);
  g_free (self);
}

guint
cost_layout_get_n_pages (CostLayout *self)
{
  return self->n_pages;
}

double
cost_layout_get_page_height (CostLayout *self)
{
  return self->page_height;
}

static void flush_heading (CostLayout *self);

/* Everything placed: a heading still waiting for what follows it goes now. */
void
cost_layout_finish (CostLayout *self)
{
  flush_heading (self);
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

PangoLayout *
cost_layout_text (CostLayout     *self,
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

void
cost_layout_block_init (CostLayoutBlock *block)
{
  block->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (block->elements, element_clear);
  block->height = 0.0;
}

void
cost_layout_block_clear (CostLayoutBlock *block)
{
  g_clear_pointer (&block->elements, g_array_unref);
}

/* Adds @layout (taking it) at (@x, @y); returns its height. */
double
cost_layout_block_add_text (CostLayoutBlock *block,
                            PangoLayout     *layout,
                            double           x,
                            double           y,
                            CostLayoutColor  color)
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

void
cost_layout_block_add_rule (CostLayoutBlock *block,
                            double           x,
                            double           y,
                            double           width,
                            double           thickness,
                            CostLayoutColor  color)
{
  Element element = { ELEMENT_RULE, };

  element.x = x;
  element.y = y;
  element.width = width;
  element.height = thickness;
  element.color = color;
  g_array_append_val (block->elements, element);
}

void
cost_layout_block_add_fill (CostLayoutBlock *block,
                            double           x,
                            double           y,
                            double           width,
                            double           height,
                            double           radius,
                            CostLayoutColor  color)
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
void
cost_layout_block_add_chart (CostLayoutBlock  *block,
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

static void
add_llm (CostLayoutBlock *block,
         ElementKind      kind,
         LlmChart        *llm,
         double           x,
         double           y,
         double           width,
         double           height)
{
  Element element = { kind, };

  element.x = x;
  element.y = y;
  element.width = width;
  element.height = height;
  element.llm = llm;
  g_array_append_val (block->elements, element);
}

/* Adds the memory bar of one GPU of an LLM, under @title. */
void
cost_layout_block_add_llm_memory (CostLayoutBlock       *block,
                                  const char            *title,
                                  const CostChartMemory *memory,
                                  double                 x,
                                  double                 y,
                                  double                 width,
                                  double                 height)
{
  LlmChart *llm = g_new0 (LlmChart, 1);

  llm->title = g_strdup (title);
  llm->memory = *memory;
  add_llm (block, ELEMENT_LLM_MEMORY, llm, x, y, width, height);
}

/* Adds the throughput curve of an LLM (copying its points), under @title. */
void
cost_layout_block_add_llm_curve (CostLayoutBlock      *block,
                                 const char           *title,
                                 const CostChartCurve *curve,
                                 double                x,
                                 double                y,
                                 double                width,
                                 double                height)
{
  LlmChart *llm = g_new0 (LlmChart, 1);
  guint n = MIN (curve->n_points, COST_CHART_LLM_POINTS);

  llm->title = g_strdup (title);
  memcpy (llm->points, curve->points, n * sizeof (CostChartCurvePoint));
  llm->curve = *curve;
  llm->curve.points = llm->points;
  llm->curve.n_points = n;
  add_llm (block, ELEMENT_LLM_CURVE, llm, x, y, width, height);
}

double
cost_layout_content_width (CostLayout *self)
{
  return self->page_width - 2 * MARGIN_X;
}

static double
content_bottom (CostLayout *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

/* The height left on the page below the cursor (and the heading waiting there). */
double
cost_layout_get_room (CostLayout *self)
{
  double room = content_bottom (self) - self->y;

  if (self->heading.elements != NULL)
    room -= self->heading.height;

  return MAX (room, 0.0);
}

/* The size of the charts' body text, SIZE_CHART unless set. */
void
cost_layout_set_chart_size (CostLayout *self,
                            double      size)
{
  self->chart_size = size;
}

static void
new_page (CostLayout *self)
{
  self->page++;
  self->n_pages = self->page + 1;
  self->y = MARGIN_TOP;
}

static gboolean
at_top (CostLayout *self)
{
  return self->y <= MARGIN_TOP;
}

/* Starts a new page unless @height, and the heading waiting above it, fit
 * below the cursor. */
static void
need (CostLayout *self,
      double      height)
{
  if (self->heading.elements != NULL)
    height += self->heading.height;

  if (self->y + height > content_bottom (self) && !at_top (self))
    new_page (self);
}

/* Places the waiting heading, if any, at the cursor. */
static void
flush_heading (CostLayout *self)
{
  CostLayoutBlock heading = self->heading;

  if (heading.elements == NULL)
    return;

  self->heading.elements = NULL;
  cost_layout_place (self, &heading);
  g_array_unref (heading.elements);
}

/* Moves @block's elements onto the page at the cursor. */
void
cost_layout_place (CostLayout      *self,
                   CostLayoutBlock *block)
{
  need (self, block->height);
  flush_heading (self);

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
      element->llm = NULL;
    }

  self->y += block->height;
}

void
cost_layout_skip (CostLayout *self,
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
    new_page (self);
}

/* Starts a new page, unless the cursor is at the top of one. */
void
cost_layout_break_page (CostLayout *self)
{
  flush_heading (self);

  if (!at_top (self))
    new_page (self);
}

/* How many lines of @layout end after @from and at most at @to. */
static guint
count_lines (GArray *bottoms,
             double  from,
             double  to)
{
  guint n = 0;

  for (guint i = 0; i < bottoms->len; i++)
    {
      double bottom = g_array_index (bottoms, double, i);

      n += bottom > from && bottom <= to ? 1 : 0;
    }

  return n;
}

/* Where a paragraph whose lines from @offset on do not all fit in @room
 * ends on this page: between lines, with never a single line of it
 * alone at the foot of the page (an orphan) or at the head of the next
 * (a widow), when the paragraph has lines enough to avoid both. A page
 * at its top takes at least one line. Returns @offset when nothing of it
 * goes on this page. */
static double
paragraph_cut (PangoLayout *layout,
               double       offset,
               double       room,
               gboolean     top)
{
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double total = layout_height (layout);
  double cut = offset;
  guint before, after;

  do
    {
      PangoRectangle line;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      bottom = (double) (line.y + line.height) / PANGO_SCALE;
      if (bottom > offset)
        g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  for (guint i = 0; i < bottoms->len; i++)
    {
      double bottom = g_array_index (bottoms, double, i);

      if (bottom - offset > room)
        break;
      cut = bottom;
    }

  before = count_lines (bottoms, offset, cut);
  after = count_lines (bottoms, cut, total);

  /* A widow: one more line goes over, when two stay here. */
  if (after == 1 && before > 2)
    cut = g_array_index (bottoms, double, before - 2);
  /* An orphan: the line goes over with the rest. */
  else if (before == 1 && after > 0 && !top)
    cut = offset;

  if (cut == offset && top && bottoms->len > 0)
    cut = g_array_index (bottoms, double, 0);

  return cut;
}

/* Places a paragraph (taking @layout), splitting it between lines where it
 * crosses the bottom of a page, without orphans and widows. */
void
cost_layout_place_paragraph (CostLayout      *self,
                             PangoLayout     *layout,
                             double           x,
                             CostLayoutColor  color)
{
  double total = layout_height (layout);
  double offset = 0.0;

  /* A short paragraph right under a heading, such as a section's
   * introduction, joins it: both wait for what follows them. */
  if (self->heading.elements != NULL && self->heading.elements->len == 1 &&
      total <= (content_bottom (self) - MARGIN_TOP) / 6)
    {
      self->heading.height += cost_layout_block_add_text (&self->heading, layout, x, self->heading.height, color);
      return;
    }

  if (self->heading.elements != NULL)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      PangoRectangle line;

      /* A heading keeps the paragraph's first two lines below it. */
      pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &line);
      pango_layout_iter_free (iter);
      need (self, MIN (total, (double) (line.y + line.height) / PANGO_SCALE));
      flush_heading (self);
    }

  while (offset < total)
    {
      double room = content_bottom (self) - self->y;
      double cut = offset;
      Element element = { ELEMENT_TEXT, };

      if (total - offset <= room)
        cut = total;
      else
        cut = paragraph_cut (layout, offset, room, at_top (self));

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
        new_page (self);
    }

  g_object_unref (layout);
}

void
cost_layout_place_heading (CostLayout *self,
                           const char *text)
{
  PangoLayout *layout = cost_layout_text (self, text, SIZE_HEADING, TRUE,
                                          cost_layout_content_width (self), PANGO_ALIGN_LEFT);
  g_auto(CostLayoutBlock) block;

  cost_layout_block_init (&block);
  block.height = cost_layout_block_add_text (&block, layout, 0, 0, accent);
  block.height += 4.0;

  if (!at_top (self))
    cost_layout_skip (self, SECTION_GAP);

  g_assert (self->heading.elements == NULL);
  self->heading = block;
  block.elements = NULL;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */

CostLayoutRow *
cost_layout_table_add_row (CostLayoutTable   *table,
                           CostLayoutRowKind  kind)
{
  CostLayoutRow *row = g_new0 (CostLayoutRow, 1);

  row->kind = kind;
  g_ptr_array_add (table->rows, row);

  return row;
}

void
cost_layout_table_init (CostLayoutTable        *table,
                        const CostLayoutColumn *columns,
                        guint                   n_columns)
{
  g_assert (n_columns <= COST_LAYOUT_MAX_COLUMNS);

  memset (table, 0, sizeof *table);
  table->columns = columns;
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func (row_free);
}

/* The caption (with "continued" on later pages) and the column headers. */
static void
table_header_block (CostLayout            *self,
                    const CostLayoutTable *table,
                    gboolean               continued,
                    CostLayoutBlock       *block)
{
  double width = cost_layout_content_width (self);
  double x = 0.0, y = 0.0, header_height = 0.0;

  cost_layout_block_init (block);

  if (table->caption != NULL)
    {
      g_autofree char *caption = continued ?
        /* Translators: a table caption on the pages after the first */
        g_strdup_printf (_("%s (continued)"), table->caption) : g_strdup (table->caption);
      double text_x = table->has_swatch ? 16.0 : 0.0;
      PangoLayout *layout = cost_layout_text (self, caption, SIZE_CAPTION, TRUE, -1, PANGO_ALIGN_LEFT);
      double caption_height = layout_height (layout);
      double caption_width = layout_width (layout);

      if (table->has_swatch)
        cost_layout_block_add_fill (block, 0, (caption_height - 10.0) / 2, 10.0, 10.0, 2.0, table->swatch);
      cost_layout_block_add_text (block, layout, text_x, 0, ink);

      if (table->caption_note != NULL && !continued)
        {
          PangoLayout *note = cost_layout_text (self, table->caption_note, SIZE_SMALL, FALSE,
                                                -1, PANGO_ALIGN_LEFT);

          cost_layout_block_add_text (block, note, text_x + caption_width + 8.0,
                                      caption_height - layout_height (note) - 1.5, ink_secondary);
        }
      y = caption_height + 6.0;
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      const CostLayoutColumn *column = &table->columns[c];
      double column_width = column->width * width;

      if (column->title[0] != '\0')
        {
          const char *title = column->context != NULL ?
                              g_dpgettext2 (GETTEXT_PACKAGE, column->context, column->title) :
                              _(column->title);
          PangoLayout *layout = cost_layout_text (self, title, SIZE_SMALL, TRUE,
                                                  column_width - 2 * CELL_PAD_X,
                                                  table->columns[c].alignment);
          double height = cost_layout_block_add_text (block, layout, x + CELL_PAD_X, y, ink_secondary);

          header_height = MAX (header_height, height);
        }
      x += column_width;
    }

  y += header_height + 4.0;
  cost_layout_block_add_rule (block, 0, y, width, 0.8, rule_strong);
  block->height = y + 0.8;
}

void
cost_layout_table_row_block (CostLayout            *self,
                             const CostLayoutTable *table,
                             const CostLayoutRow   *row,
                             CostLayoutBlock       *block)
{
  double width = cost_layout_content_width (self);
  gboolean bold = row->bold || row->kind != COST_LAYOUT_ROW_ITEM;
  double x = 0.0, height = 0.0;
  double top = row->kind == COST_LAYOUT_ROW_ITEM ? CELL_PAD_Y : CELL_PAD_Y + 1.5;

  cost_layout_block_init (block);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const CostLayoutColumn *column = &table->columns[c];
      double column_width = column->width * width;
      double cell_height = 0.0;

      if (row->cells[c] != NULL && row->cells[c][0] != '\0' && column->numeric)
        {
          PangoLayout *layout = cost_layout_text (self, row->cells[c], SIZE_BODY, bold, -1,
                                                  column->alignment);

          layout_set_tabular (layout);
          layout_fit_width (layout, column_width - 2 * CELL_PAD_X);
          pango_layout_set_width (layout, (int) ((column_width - 2 * CELL_PAD_X) * PANGO_SCALE));
          cell_height = cost_layout_block_add_text (block, layout, x + CELL_PAD_X, top, ink);
        }
      else if (row->cells[c] != NULL && row->cells[c][0] != '\0')
        {
          /* Units and periods are small, on the baseline of the rest. */
          double drop = column->secondary ? self->small_drop : 0.0;
          PangoLayout *layout = cost_layout_text (self, row->cells[c],
                                                  column->secondary ? SIZE_SMALL : SIZE_BODY, bold,
                                                  column_width - 2 * CELL_PAD_X, column->alignment);

          pango_layout_set_height (layout, -CELL_MAX_LINES);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          cell_height = drop + cost_layout_block_add_text (block, layout, x + CELL_PAD_X, top + drop,
                                                           column->secondary ? ink_secondary : ink);
        }

      if (c == 0 && row->detail != NULL)
        {
          /* Read whole, as long as it is: the row grows to hold it. */
          PangoLayout *layout = cost_layout_text (self, row->detail, SIZE_SMALL, FALSE,
                                                  column_width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);
          cell_height += 1.0 + cost_layout_block_add_text (block, layout, x + CELL_PAD_X,
                                                           top + cell_height + 1.0, ink_secondary);
        }

      height = MAX (height, cell_height);
      x += column_width;
    }

  height += top + CELL_PAD_Y;

  switch (row->kind)
    {
    case COST_LAYOUT_ROW_ITEM:
      cost_layout_block_add_rule (block, 0, height - 0.4, width, 0.4, rule_light);
      break;
    case COST_LAYOUT_ROW_SUBTOTAL:
      cost_layout_block_add_rule (block, 0, 0, width, 0.6, rule_strong);
      break;
    case COST_LAYOUT_ROW_TOTAL:
      cost_layout_block_add_rule (block, 0, 0, width, 0.8, rule_strong);
      cost_layout_block_add_rule (block, 0, 2.0, width, 0.8, rule_strong);
      break;
    default:
      g_assert_not_reached ();
    }

  block->height = height;
}

/* Places a table; rows that do not fit go on the next page, below the
 * caption and the column headers again. The first two rows stay with the
 * headers and the last TABLE_LAST_ROWS rows together. */
void
cost_layout_place_table (CostLayout            *self,
                         const CostLayoutTable *table)
{
  g_auto(CostLayoutBlock) header = { NULL, };
  guint n_rows = table->rows->len;
  CostLayoutBlock *rows = g_new0 (CostLayoutBlock, n_rows);
  double total;

  g_assert (n_rows > 0);

  table_header_block (self, table, FALSE, &header);
  total = header.height;
  for (guint i = 0; i < n_rows; i++)
    cost_layout_table_row_block (self, table, g_ptr_array_index (table->rows, i), &rows[i]);

  for (guint i = 0; i < n_rows; i++)
    total += rows[i].height;

  /* A short table stays whole; a long one starts with at least two rows. */
  if (total <= (content_bottom (self) - MARGIN_TOP) / 3)
    need (self, total);
  else
    need (self, header.height + rows[0].height + (n_rows > 1 ? rows[1].height : 0));
  cost_layout_place (self, &header);

  for (guint i = 0; i < n_rows; i++)
    {
      double need = rows[i].height;

      /* The last rows go together: a page never ends a table with one
       * or two rows alone. */
      if (n_rows - i <= TABLE_LAST_ROWS)
        for (guint k = i + 1; k < n_rows; k++)
          need += rows[k].height;

      if (self->y + need > content_bottom (self))
        {
          g_auto(CostLayoutBlock) repeated = { NULL, };

          new_page (self);
          table_header_block (self, table, TRUE, &repeated);
          cost_layout_place (self, &repeated);
        }
      cost_layout_place (self, &rows[i]);
    }

  if (table->footnote != NULL)
    {
      PangoLayout *footnote = cost_layout_text (self, table->footnote, SIZE_SMALL, FALSE,
                                                cost_layout_content_width (self), PANGO_ALIGN_LEFT);

      cost_layout_skip (self, 4.0);
      cost_layout_place_paragraph (self, footnote, 0, ink_secondary);
    }

  for (guint i = 0; i < n_rows; i++)
    cost_layout_block_clear (&rows[i]);
  g_free (rows);
}

/* ---------------------------------------------------------------------- */
/* Parts of sections                                                      */

/* A row of four tiles, each a label over a figure. */
void
cost_layout_place_tiles (CostLayout *self,
                         const char *labels[4],
                         const char *values[4])
{
  cost_layout_place_tiles_full (self, labels, values, NULL);
}

/* A row of four tiles, each a label over a figure over @notes' line (a
 * change from the baseline), when there are notes. */
void
cost_layout_place_tiles_full (CostLayout *self,
                              const char *labels[4],
                              const char *values[4],
                              const char *notes[4])
{
  double width = cost_layout_content_width (self);
  const double gap = 10.0, pad = 10.0;
  double tile_width = (width - 3 * gap) / 4;
  g_auto(CostLayoutBlock) block = { NULL, };
  double label_height = 0.0, value_height = 0.0, note_height = 0.0, height;
  PangoLayout *label_layouts[4], *value_layouts[4], *note_layouts[4] = { NULL, };

  cost_layout_block_init (&block);

  for (guint i = 0; i < 4; i++)
    {
      double available = tile_width - 2 * pad;

      label_layouts[i] = cost_layout_text (self, labels[i], SIZE_SMALL, FALSE, available, PANGO_ALIGN_LEFT);
      value_layouts[i] = cost_layout_text (self, values[i], SIZE_FIGURE, TRUE, -1, PANGO_ALIGN_LEFT);
      layout_set_tabular (value_layouts[i]);
      layout_fit_width (value_layouts[i], available);
      if (notes != NULL && notes[i] != NULL)
        {
          note_layouts[i] = cost_layout_text (self, notes[i], SIZE_SMALL, FALSE, available, PANGO_ALIGN_LEFT);
          note_height = MAX (note_height, layout_height (note_layouts[i]));
        }

      label_height = MAX (label_height, layout_height (label_layouts[i]));
      value_height = MAX (value_height, layout_height (value_layouts[i]));
    }

  height = label_height + value_height + 2 * pad + 4.0 + (note_height > 0 ? note_height + 2.0 : 0.0);
  for (guint i = 0; i < 4; i++)
    {
      double x = i * (tile_width + gap);

      cost_layout_block_add_fill (&block, x, 0, tile_width, height, 4.0, tile_fill);
      cost_layout_block_add_text (&block, label_layouts[i], x + pad, pad, ink_secondary);
      cost_layout_block_add_text (&block, value_layouts[i], x + pad, pad + label_height + 4.0, ink);
      if (note_layouts[i] != NULL)
        cost_layout_block_add_text (&block, note_layouts[i], x + pad, pad + label_height + 4.0 + value_height + 2.0,
                                    ink_secondary);
    }

  block.height = height;
  cost_layout_place (self, &block);
}

/* A small bold caption over what follows it. */
void
cost_layout_place_caption (CostLayout *self,
                           const char *text)
{
  PangoLayout *layout = cost_layout_text (self, text, SIZE_CAPTION, TRUE,
                                          cost_layout_content_width (self), PANGO_ALIGN_LEFT);
  g_auto(CostLayoutBlock) block = { NULL, };

  cost_layout_block_init (&block);
  block.height = cost_layout_block_add_text (&block, layout, 0, 0, ink) + 4.0;
  cost_layout_place (self, &block);
}

/* Formulas, one a line, in small type. */
void
cost_layout_place_formulas (CostLayout *self,
                            const char *text)
{
  PangoLayout *layout = cost_layout_text (self, text, SIZE_SMALL, FALSE, cost_layout_content_width (self),
                                          PANGO_ALIGN_LEFT);

  pango_layout_set_spacing (layout, (int) (2.0 * PANGO_SCALE));
  cost_layout_place_paragraph (self, layout, 0, ink);
}

void
cost_layout_place_note (CostLayout *self,
                        const char *text)
{
  g_autofree char *bullet = g_strconcat ("•  ", text, NULL);
  PangoLayout *layout = cost_layout_text (self, bullet, SIZE_BODY, FALSE, cost_layout_content_width (self),
                                          PANGO_ALIGN_LEFT);
  PangoLayout *mark = cost_layout_text (self, "•  ", SIZE_BODY, FALSE, -1, PANGO_ALIGN_LEFT);

  pango_layout_set_indent (layout, (int) (-layout_width (mark) * PANGO_SCALE));
  g_object_unref (mark);

  cost_layout_place_paragraph (self, layout, 0, ink);
  cost_layout_skip (self, 5.0);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */

void
cost_layout_set_color (cairo_t         *cr,
                       CostLayoutColor  color)
{
  cairo_set_source_rgb (cr, color.r, color.g, color.b);
}

static void
draw_element (CostLayout    *self,
              cairo_t       *cr,
              const Element *element)
{
  switch (element->kind)
    {
    case ELEMENT_TEXT:
      cost_layout_set_color (cr, element->color);
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
      cost_layout_set_color (cr, element->color);
      cairo_rectangle (cr, element->x, element->y, element->width, element->height);
      cairo_fill (cr);
      break;

    case ELEMENT_FILL:
      cost_layout_set_color (cr, element->color);
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
        style.font_size = self->chart_size;
        style.fill_background = FALSE;
        style.show_title = FALSE;
        cost_chart_draw (cr, &area, element->chart, element->dataset, &style, NULL);
      }
      break;

    case ELEMENT_LLM_MEMORY:
    case ELEMENT_LLM_CURVE:
      {
        CostChartRect area = { element->x, element->y, element->width, element->height };
        CostChartStyle style;

        cost_chart_style_init (&style, FALSE);
        style.font_family = font_family ();
        style.font_size = self->chart_size;
        style.show_title = TRUE;
        if (element->kind == ELEMENT_LLM_MEMORY)
          cost_chart_llm_draw_memory (cr, &area, element->llm->title, &element->llm->memory, &style, NULL);
        else
          cost_chart_llm_draw_curve (cr, &area, element->llm->title, &element->llm->curve, &style, NULL);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Draws the elements placed on @page. */
void
cost_layout_draw_page (CostLayout *self,
                       cairo_t    *cr,
                       guint       page)
{
  for (guint i = 0; i < self->elements->len; i++)
    {
      const Element *element = &g_array_index (self->elements, Element, i);

      if (element->page == page)
        draw_element (self, cr, element);
    }
}
