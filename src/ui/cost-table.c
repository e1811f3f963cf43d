/* cost-table.c
 *
 * The figure tables of the what-if pages: a GtkGrid of labels, headings on
 * top, figures aligned on their digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cost-table"

#include "config.h"

#include "cost-table.h"

void
cost_table_clear (GtkGrid *grid)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/**
 * cost_table_add:
 *
 * Returns: (transfer none): the label of the new cell
 */
GtkWidget *
cost_table_add (GtkGrid       *grid,
                int            column,
                int            row,
                const char    *text,
                CostTableCell  flags)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), (flags & COST_TABLE_CELL_NUMBER) ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), !(flags & COST_TABLE_CELL_NUMBER));
  /* Whole words: a table narrower than its words scrolls sideways (every
   * table sits in a sideways scroller) rather than breaking names into
   * letters. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_set_valign (label, (flags & COST_TABLE_CELL_DETAIL) ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  if (flags & COST_TABLE_CELL_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  if (flags & COST_TABLE_CELL_HEADING)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  if (flags & COST_TABLE_CELL_STRONG)
    gtk_widget_add_css_class (label, "heading");
  if (flags & COST_TABLE_CELL_DETAIL)
    gtk_widget_add_css_class (label, "caption");
  if (column == 0 && !(flags & COST_TABLE_CELL_HEADING))
    gtk_widget_set_hexpand (label, TRUE);

  gtk_grid_attach (grid, label, column, row, 1, 1);

  return label;
}

/**
 * cost_table_style_delta:
 * @delta: the change of a cost: negative saves money
 *
 * Colours a change: a saving as success, an extra cost as an error.
 */
void
cost_table_style_delta (GtkWidget *label,
                        double     delta)
{
  g_return_if_fail (GTK_IS_WIDGET (label));

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (delta < 0)
    gtk_widget_add_css_class (label, "success");
  else if (delta > 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

/**
 * cost_table_get_text:
 *
 * Returns: (nullable): the text of the cell, %NULL where there is none
 */
const char *
cost_table_get_text (GtkGrid *grid,
                     int      column,
                     int      row)
{
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  child = gtk_grid_get_child_at (grid, column, row);

  return GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
}
