/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-column-sort"

#include "config.h"

#include "linli-column-sort.h"

/* A GtkColumnView sorts by the sorters of its columns. Ours never sort
 * anything: the list is ordered by the database. They only mark a column
 * as sortable and say, when asked, which one the user clicked.
 *
 * GTK 4.8 has no API for the view's primary sort column (4.10 added
 * gtk_column_view_sorter_get_primary_sort_column ()), so the view's sorter
 * is asked to compare two placeholders: it asks the primary column's sorter
 * first, which notes its key and answers "larger"; the view turns that
 * into "smaller" when the column is sorted descending. Public API only, the
 * same on every version. */

#define LINLI_TYPE_COLUMN_SORTER (linli_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (LinliColumnSorter, linli_column_sorter, LINLI, COLUMN_SORTER, GtkSorter)

struct _LinliColumnSorter
{
  GtkSorter parent_instance;

  int       key;
};

G_DEFINE_FINAL_TYPE (LinliColumnSorter, linli_column_sorter, GTK_TYPE_SORTER)

/* The sorter that answered the last probe; only touched on the main thread. */
static LinliColumnSorter *asked;

static GtkOrdering
linli_column_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  asked = LINLI_COLUMN_SORTER (sorter);
  return GTK_ORDERING_LARGER;
}

static GtkSorterOrder
linli_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
linli_column_sorter_class_init (LinliColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = linli_column_sorter_compare;
  sorter_class->get_order = linli_column_sorter_get_order;
}

static void
linli_column_sorter_init (LinliColumnSorter *self)
{
}

/**
 * linli_column_sorter_new:
 * @key: what the column sorts by, as the caller numbers it
 *
 * Returns: (transfer full): a sorter for gtk_column_view_column_set_sorter()
 */
GtkSorter *
linli_column_sorter_new (int key)
{
  LinliColumnSorter *self = g_object_new (LINLI_TYPE_COLUMN_SORTER, NULL);

  self->key = key;
  return GTK_SORTER (self);
}

/**
 * linli_column_view_get_sort:
 * @key: (out): the key of the column sorted by
 * @descending: (out): whether it is sorted descending
 *
 * Returns: %FALSE when no column is sorted by
 */
gboolean
linli_column_view_get_sort (GtkColumnView *view,
                            int           *key,
                            gboolean      *descending)
{
  GtkSorter *sorter;
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  sorter = gtk_column_view_get_sorter (view);
  if (sorter == NULL)
    return FALSE;

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  asked = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  if (asked == NULL || order == GTK_ORDERING_EQUAL)
    return FALSE;

  *key = asked->key;
  *descending = order == GTK_ORDERING_SMALLER;
  asked = NULL;
  return TRUE;
}

/* Sorts @view by its column at @position, with the arrow on it. */
void
linli_column_view_sort_by (GtkColumnView *view,
                           guint          position,
                           GtkSortType    order)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), position);

  gtk_column_view_sort_by_column (view, column, order);
}
