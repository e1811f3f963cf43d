/* cost-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * CostTableCell:
 * @COST_TABLE_CELL_TEXT: text, aligned to the start
 * @COST_TABLE_CELL_NUMBER: a figure, aligned to the end in tabular digits
 * @COST_TABLE_CELL_HEADING: a column heading
 * @COST_TABLE_CELL_STRONG: a total
 * @COST_TABLE_CELL_DETAIL: a second, smaller line of a cell
 */
typedef enum
{
  COST_TABLE_CELL_TEXT    = 0,
  COST_TABLE_CELL_NUMBER  = 1 << 0,
  COST_TABLE_CELL_HEADING = 1 << 1,
  COST_TABLE_CELL_STRONG  = 1 << 2,
  COST_TABLE_CELL_DETAIL  = 1 << 3,
} CostTableCell;

void       cost_table_clear       (GtkGrid       *grid);
GtkWidget *cost_table_add         (GtkGrid       *grid,
                                   int            column,
                                   int            row,
                                   const char    *text,
                                   CostTableCell  flags);
void       cost_table_style_delta (GtkWidget     *label,
                                   double         delta);
const char *cost_table_get_text   (GtkGrid       *grid,
                                   int            column,
                                   int            row);

G_END_DECLS
