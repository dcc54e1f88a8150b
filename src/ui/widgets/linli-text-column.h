/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-record.h"

G_BEGIN_DECLS

/* Plain text columns over a model the store sorts: a label a cell, its
 * text asked of the page that owns the view. */

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
void linli_label_tooltip_shows_text (GtkWidget     *label);

G_END_DECLS
