/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-filters.h"
#include "linli-form-field.h"

static GDateTime *
start_of_month (GDateTime *t,
                int        months_back)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (t),
                                                      g_date_time_get_month (t), 1, 0, 0, 0);
  return g_date_time_add_months (first, -months_back);
}

void
linli_period_bounds (LinliPeriod  period,
                     GDateTime   *now,
                     GDateTime  **from,
                     GDateTime  **until)
{
  *from = *until = NULL;

  switch (period)
    {
    case LINLI_PERIOD_THIS_MONTH:
      *from = start_of_month (now, 0);
      break;
    case LINLI_PERIOD_LAST_MONTH:
      *from = start_of_month (now, 1);
      *until = start_of_month (now, 0);
      break;
    case LINLI_PERIOD_THIS_QUARTER:
      *from = start_of_month (now, (g_date_time_get_month (now) - 1) % 3);
      break;
    case LINLI_PERIOD_THIS_YEAR:
      *from = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
      break;
    case LINLI_PERIOD_LAST_12_MONTHS:
      *from = g_date_time_add_months (now, -12);
      break;
    case LINLI_PERIOD_ANY:
    default:
      break;
    }
}

void
linli_period_fill (GtkDropDown *drop_down)
{
  static const char *periods[] = {
    N_("Any Time"), N_("This Month"), N_("Last Month"), N_("This Quarter"), N_("This Year"),
    N_("Last 12 Months"),
  };
  const char *labels[G_N_ELEMENTS (periods) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    labels[i] = _(periods[i]);
  linli_drop_down_set_strings (drop_down, labels, 0);
}

void
linli_drop_down_set_strings (GtkDropDown        *drop_down,
                             const char * const *labels,
                             guint               keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, keep < g_strv_length ((char **) labels) ? keep : 0);
}

/* Returns: (nullable): the label chosen, %NULL for the first ("any") */
const char *
linli_drop_down_get_string (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  if (item == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return NULL;
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* Rows for @words after @any, keeping the word chosen if it is still there. */
void
linli_drop_down_set_words (GtkDropDown        *drop_down,
                           const char         *any,
                           const char * const *words)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *kept = g_strdup (linli_drop_down_get_string (drop_down));
  guint keep = 0;

  g_ptr_array_add (labels, (gpointer) any);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (g_strcmp0 (words[i], kept) == 0)
        keep = labels->len;
      g_ptr_array_add (labels, (gpointer) words[i]);
    }
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (drop_down, (const char * const *) labels->pdata, keep);
}

/* Rows for every record of @names after @any, keeping the one chosen; in
 * the order of @names, or with @by_name as people read names (in Chinese,
 * by pinyin: linli_form_sort_by_name()). */
void
linli_drop_down_set_records (GtkDropDown      *drop_down,
                             GArray           *ids,
                             LinliRecordNames *names,
                             const char       *any,
                             gboolean          by_name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) sorted = NULL;
  GListModel *records = names ? linli_record_names_get_model (names) : NULL;
  guint n = records ? g_list_model_get_n_items (records) : 0;

  if (by_name && records != NULL)
    {
      g_autoptr(GPtrArray) by_names = linli_form_sort_by_name (records, "name");

      sorted = g_list_store_new (g_list_model_get_item_type (records));
      g_list_store_splice (sorted, 0, 0, by_names->pdata, by_names->len);
      records = G_LIST_MODEL (sorted);
    }
  gint64 chosen = linli_drop_down_get_id (drop_down, ids);
  guint keep = 0;
  gint64 none = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  g_ptr_array_add (labels, g_strdup (any));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (records, i);
      gint64 id = linli_record_get_id (record);

      if (id == chosen)
        keep = ids->len;
      g_array_append_val (ids, id);
      g_ptr_array_add (labels, g_strdup (linli_record_get_text (record, "name")));
    }
  g_ptr_array_add (labels, NULL);
  linli_drop_down_set_strings (drop_down, (const char * const *) labels->pdata, keep);
}

gint64
linli_drop_down_get_id (GtkDropDown *drop_down,
                        GArray      *ids)
{
  guint row = gtk_drop_down_get_selected (drop_down);

  return row != GTK_INVALID_LIST_POSITION && row < ids->len ? g_array_index (ids, gint64, row) : 0;
}
