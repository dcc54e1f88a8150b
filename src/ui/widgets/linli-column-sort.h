/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sortable column headers over a model that sorts itself (in SQL). */

GtkSorter *linli_column_sorter_new      (int            key);
gboolean   linli_column_view_get_sort   (GtkColumnView *view,
                                         int           *key,
                                         gboolean      *descending);
void       linli_column_view_sort_by    (GtkColumnView *view,
                                         guint          position,
                                         GtkSortType    order);

G_END_DECLS
