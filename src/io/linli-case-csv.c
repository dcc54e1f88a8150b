/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include "linli-case-csv-private.h"

/* What every part of the case CSV export and import shares: the error
 * domain, and the indexes of the grids, workers and buildings a file names.
 * The fields and their headers are in linli-case-csv-fields.c, the export
 * in linli-case-csv-export.c, checking the rows of an import in
 * linli-case-csv-import.c and writing them in linli-case-csv-write.c. */

G_DEFINE_QUARK (linli-case-csv-error-quark, linli_case_csv_error)

/* ------------------------------------------------------------------------ */
/* The grids, workers and buildings a file names */

void
linli_case_csv_index_init (Index      *index,
                           LinliStore *store,
                           GType       type)
{
  g_autoptr(GListModel) list = linli_store_list (store, type);
  guint n = g_list_model_get_n_items (list);

  index->records = g_ptr_array_new_full (n, g_object_unref);
  index->ids = g_new (gint64, MAX (n, 1));
  index->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  index->by_code = type == LINLI_TYPE_GRID ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;

  for (guint i = 0; i < n; i++)
    {
      LinliRecord *record = g_list_model_get_item (list, i);
      const char *name = linli_record_get_text (record, "name");
      GPtrArray *same_name;

      g_ptr_array_add (index->records, record);
      index->ids[i] = linli_record_get_id (record);
      g_hash_table_insert (index->by_id, &index->ids[i], record);

      same_name = g_hash_table_lookup (index->by_name, name);
      if (same_name == NULL)
        {
          same_name = g_ptr_array_new ();
          g_hash_table_insert (index->by_name, (gpointer) name, same_name);
        }
      g_ptr_array_add (same_name, record);

      if (index->by_code != NULL)
        g_hash_table_insert (index->by_code, (gpointer) linli_record_get_text (record, "code"), record);
    }
}

void
linli_case_csv_index_clear (Index *index)
{
  g_clear_pointer (&index->by_id, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->by_code, g_hash_table_unref);
  g_clear_pointer (&index->labels, g_hash_table_unref);
  g_clear_pointer (&index->records, g_ptr_array_unref);
  g_clear_pointer (&index->ids, g_free);
}

LinliRecord *
linli_case_csv_index_get (Index  *index,
                          gint64  id)
{
  return id != 0 ? g_hash_table_lookup (index->by_id, &id) : NULL;
}
