/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-record.h"

G_BEGIN_DECLS

/* Plain text columns over a model the store sorts: a label a cell, its
 * text asked of the page that owns the view. A column's width in pixels
 * is fixed when positive; a negative one is a least width, and the column
 * takes what the others leave (a title, which says most). */

typedef char *(*LinliCellText) (gpointer     page,
                                LinliRecord *record,
                                int          column);

void linli_column_view_add_text     (GtkColumnView *view,
                                     const char    *title,
                                     int            width,
                                     int            sort_key,
                                     gboolean       numeric,
                                     LinliCellText  text,
                                     gpointer       page,
                                     int            column);
void linli_column_view_add_chip     (GtkColumnView *view,
                                     const char    *title,
                                     int            width,
                                     int            sort_key,
                                     LinliCellText  text,
                                     LinliCellText  chip_class,
                                     gpointer       page,
                                     int            column);
void linli_label_tooltip_shows_text (GtkWidget     *label);
void linli_column_set_width         (GtkColumnViewColumn *column,
                                     int                  width);

G_END_DECLS
