/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-text-column"

#include "config.h"

#include "linli-column-sort.h"
#include "linli-text-column.h"

static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * linli_label_tooltip_shows_text:
 *
 * Gives @label a tooltip of its own text, asked for only when the pointer
 * rests on it. A cell of a list sets this up once: a tooltip set on every
 * bind asks the display server where the pointer is, a round trip per cell.
 */
void
linli_label_tooltip_shows_text (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
}

typedef struct
{
  LinliCellText text;
  LinliCellText chip_class;   /* a chip's colour: its CSS class; or NULL */
  gpointer      page;
  int           column;
  gboolean      numeric;
} Cell;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Cell                     *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    linli_label_tooltip_shows_text (label);
  if (cell->chip_class != NULL)
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "linli-status");
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         Cell                     *cell)
{
  g_autofree char *text = cell->text (cell->page, gtk_list_item_get_item (item), cell->column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (cell->chip_class != NULL)
    {
      char *css_class = cell->chip_class (cell->page, gtk_list_item_get_item (item), cell->column);
      const char *shown = g_object_get_data (G_OBJECT (label), "linli-chip-class");

      if (shown != NULL)
        gtk_widget_remove_css_class (label, shown);
      if (css_class != NULL)
        gtk_widget_add_css_class (label, css_class);
      g_object_set_data_full (G_OBJECT (label), "linli-chip-class", css_class, g_free);
    }
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            int            width,
            int            sort_key,
            gboolean       numeric,
            LinliCellText  text,
            LinliCellText  chip_class,
            gpointer       page,
            int            column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  Cell *cell = g_new (Cell, 1);

  cell->text = text;
  cell->chip_class = chip_class;
  cell->page = page;
  cell->column = column;
  cell->numeric = numeric;
  g_object_set_data_full (G_OBJECT (factory), "linli-cell", cell, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), cell);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cell);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  if (sort_key >= 0)
    {
      g_autoptr(GtkSorter) sorter = linli_column_sorter_new (sort_key);
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_column_set_resizable (view_column, TRUE);
  linli_column_set_width (view_column, width);
  gtk_column_view_append_column (view, view_column);
}

/* A column of labels, each the text @text gives for its record. @width
 * <= 0 expands it; @sort_key < 0 makes it unsortable. */
void
linli_column_view_add_text (GtkColumnView *view,
                            const char    *title,
                            int            width,
                            int            sort_key,
                            gboolean       numeric,
                            LinliCellText  text,
                            gpointer       page,
                            int            column)
{
  add_column (view, title, width, sort_key, numeric, text, NULL, page, column);
}

/* A column of status chips, as the Cases page's: each the text @text
 * gives, coloured by the CSS class @chip_class gives (".linli-status.NAME"
 * in style.css). */
void
linli_column_view_add_chip (GtkColumnView *view,
                            const char    *title,
                            int            width,
                            int            sort_key,
                            LinliCellText  text,
                            LinliCellText  chip_class,
                            gpointer       page,
                            int            column)
{
  g_return_if_fail (chip_class != NULL);

  add_column (view, title, width, sort_key, FALSE, text, chip_class, page, column);
}

/**
 * linli_column_set_width:
 * @width: pixels: fixed when positive; when negative, at least -@width
 *   and the share of what the other columns leave
 */
void
linli_column_set_width (GtkColumnViewColumn *column,
                        int                  width)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  gtk_column_view_column_set_fixed_width (column, ABS (width));
  gtk_column_view_column_set_expand (column, width < 0);
}
