/* cost-report-layout.h
 *
 * The report's layout engine: text, rules, fills and charts placed in
 * blocks that flow down pages of a given size, headings kept with what
 * follows them, paragraphs split between lines and tables continued on the
 * next page under their headers again. It knows nothing of projects; the
 * report's sections (cost-report-sections.c) say what goes on the pages.
 *
 * Private to src/report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cost-chart-data.h"
#include "cost-chart.h"

G_BEGIN_DECLS

/* Geometry, in points (1/72 inch). */
#define MARGIN_X        56.0
#define MARGIN_TOP      56.0
#define MARGIN_BOTTOM   68.0
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       4.5
#define SECTION_GAP     22.0
#define TABLE_GAP       14.0

/* Few sizes: each size and weight costs a font lookup. The charts' body
 * text is the report's small text. */
#define SIZE_TITLE      22.0
#define SIZE_HEADING    13.0
#define SIZE_CAPTION    10.5
#define SIZE_BODY        9.0
#define SIZE_SMALL       8.0
#define SIZE_FIGURE     16.0
#define SIZE_CHART      SIZE_SMALL

typedef struct
{
  double r, g, b;
} CostLayoutColor;

static const CostLayoutColor ink = { 0.114, 0.129, 0.157 };
static const CostLayoutColor ink_secondary = { 0.38, 0.41, 0.45 };
static const CostLayoutColor accent = { 0.106, 0.255, 0.431 };
static const CostLayoutColor rule_strong = { 0.25, 0.27, 0.30 };
static const CostLayoutColor rule_light = { 0.85, 0.87, 0.89 };
static const CostLayoutColor tile_fill = { 0.953, 0.961, 0.969 };

/* Pages being laid out, then drawn. */
typedef struct _CostLayout CostLayout;

/* A run of elements placed together, positioned relative to its top. */
typedef struct
{
  GArray *elements;
  double  height;
} CostLayoutBlock;

typedef struct
{
  const char     *title;
  double          width;       /* fraction of the text width */
  PangoAlignment  alignment;
  gboolean        secondary;
  gboolean        numeric;
  const char     *context;     /* of the title's translation, if it has one */
} CostLayoutColumn;

typedef enum
{
  COST_LAYOUT_ROW_ITEM,
  COST_LAYOUT_ROW_SUBTOTAL,
  COST_LAYOUT_ROW_TOTAL,
} CostLayoutRowKind;

#define COST_LAYOUT_MAX_COLUMNS 7

typedef struct
{
  CostLayoutRowKind kind;
  gboolean          bold;
  char             *cells[COST_LAYOUT_MAX_COLUMNS];
  char             *detail;    /* a second line under the first cell */
} CostLayoutRow;

typedef struct
{
  char                   *caption;       /* NULL: the table has no caption */
  char                   *caption_note;
  gboolean                has_swatch;
  CostLayoutColor         swatch;
  const CostLayoutColumn *columns;
  guint                   n_columns;
  GPtrArray              *rows;          /* CostLayoutRow */
  char                   *footnote;
} CostLayoutTable;

CostLayout  *cost_layout_new               (double                  page_width,
                                            double                  page_height);
void         cost_layout_free              (CostLayout             *self);
guint        cost_layout_get_n_pages       (CostLayout             *self);
double       cost_layout_get_page_height   (CostLayout             *self);
double       cost_layout_content_width     (CostLayout             *self);
double       cost_layout_get_room          (CostLayout             *self);
void         cost_layout_set_chart_size    (CostLayout             *self,
                                            double                  size);

PangoLayout *cost_layout_text              (CostLayout             *self,
                                            const char             *text,
                                            double                  size,
                                            gboolean                bold,
                                            double                  width,
                                            PangoAlignment          alignment);

void         cost_layout_block_init        (CostLayoutBlock        *block);
void         cost_layout_block_clear       (CostLayoutBlock        *block);
double       cost_layout_block_add_text    (CostLayoutBlock        *block,
                                            PangoLayout            *layout,
                                            double                  x,
                                            double                  y,
                                            CostLayoutColor         color);
void         cost_layout_block_add_rule    (CostLayoutBlock        *block,
                                            double                  x,
                                            double                  y,
                                            double                  width,
                                            double                  thickness,
                                            CostLayoutColor         color);
void         cost_layout_block_add_fill    (CostLayoutBlock        *block,
                                            double                  x,
                                            double                  y,
                                            double                  width,
                                            double                  height,
                                            double                  radius,
                                            CostLayoutColor         color);
void         cost_layout_block_add_chart   (CostLayoutBlock        *block,
                                            CostChartKind           kind,
                                            CostChartDataset       *dataset,
                                            double                  x,
                                            double                  y,
                                            double                  width,
                                            double                  height);

void         cost_layout_block_add_llm_memory (CostLayoutBlock     *block,
                                            const char             *title,
                                            const CostChartMemory  *memory,
                                            double                  x,
                                            double                  y,
                                            double                  width,
                                            double                  height);
void         cost_layout_block_add_llm_curve (CostLayoutBlock      *block,
                                            const char             *title,
                                            const CostChartCurve   *curve,
                                            double                  x,
                                            double                  y,
                                            double                  width,
                                            double                  height);

void         cost_layout_place             (CostLayout             *self,
                                            CostLayoutBlock        *block);
void         cost_layout_skip              (CostLayout             *self,
                                            double                  space);
void         cost_layout_break_page        (CostLayout             *self);
void         cost_layout_place_paragraph   (CostLayout             *self,
                                            PangoLayout            *layout,
                                            double                  x,
                                            CostLayoutColor         color);
void         cost_layout_place_heading     (CostLayout             *self,
                                            const char             *text);
void         cost_layout_place_caption     (CostLayout             *self,
                                            const char             *text);
void         cost_layout_place_formulas    (CostLayout             *self,
                                            const char             *text);
void         cost_layout_place_note        (CostLayout             *self,
                                            const char             *text);
void         cost_layout_place_tiles       (CostLayout             *self,
                                            const char             *labels[4],
                                            const char             *values[4]);
void         cost_layout_place_tiles_full  (CostLayout             *self,
                                            const char             *labels[4],
                                            const char             *values[4],
                                            const char             *notes[4]);

void         cost_layout_table_init        (CostLayoutTable        *table,
                                            const CostLayoutColumn *columns,
                                            guint                   n_columns);
void         cost_layout_table_clear       (CostLayoutTable        *table);
CostLayoutRow *cost_layout_table_add_row   (CostLayoutTable        *table,
                                            CostLayoutRowKind       kind);
void         cost_layout_table_row_block   (CostLayout             *self,
                                            const CostLayoutTable  *table,
                                            const CostLayoutRow    *row,
                                            CostLayoutBlock        *block);
void         cost_layout_place_table       (CostLayout             *self,
                                            const CostLayoutTable  *table);

void         cost_layout_finish            (CostLayout             *self);
void         cost_layout_draw_page         (CostLayout             *self,
                                            cairo_t                *cr,
                                            guint                   page);
void         cost_layout_set_color         (cairo_t                *cr,
                                            CostLayoutColor         color);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CostLayoutBlock, cost_layout_block_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CostLayoutTable, cost_layout_table_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CostLayout, cost_layout_free)

G_END_DECLS
