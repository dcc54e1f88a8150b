/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-case-csv-private.h"

/* Writing the rows of a file that linli-case-csv-import.c found right:
 * new reporters as residents, then the cases, originals before their
 * duplicates, all in one transaction. */

#define COUNT_EVERY      512   /* rows between two looks at Cancel and the progress */
#define DEFAULT_SOURCE   "其他"  /* a case needs a source; a file may have none */

/* The next free number of the year the case was reported in: after the
 * store's last, and not one the file gives another case. */
static void
assign_number (Import     *im,
               Row        *row,
               GHashTable *next_numbers)
{
  g_autoptr(GDateTime) reported = g_date_time_new_from_unix_local (row->reported_at);
  int year = g_date_time_get_year (reported);
  gpointer next = g_hash_table_lookup (next_numbers, GINT_TO_POINTER (year));
  guint sequence;

  if (next == NULL)
    {
      g_autofree char *first = linli_store_next_case_number (im->store, year);
      sequence = (guint) g_ascii_strtoull (first + 5, NULL, 10);
    }
  else
    sequence = GPOINTER_TO_UINT (next);

  g_free (row->number);
  row->number = g_strdup_printf ("%d-%04u", year, sequence);
  while (g_hash_table_contains (im->numbers, row->number))
    {
      g_free (row->number);
      row->number = g_strdup_printf ("%d-%04u", year, ++sequence);
    }
  g_hash_table_insert (next_numbers, GINT_TO_POINTER (year), GUINT_TO_POINTER (sequence + 1));
}

static gboolean
write_row (Import      *im,
           Row         *row,
           GArray      *resident_ids,
           GError     **error)
{
  LinliCaseValues values;
  const char *source = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_SOURCE);

  /* The texts are the file's own, borrowed while the case is written. */
  linli_case_values_init (&values);
  values.number = row->number;
  values.title = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_TITLE);
  values.description = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_DESCRIPTION);
  values.category = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_CATEGORY);
  values.subcategory = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_SUBCATEGORY);
  values.source = source ? source : DEFAULT_SOURCE;
  if (row->reporter_id != 0)
    values.reporter_id = row->reporter_id;
  else if (row->new_reporter >= 0)
    values.reporter_id = g_array_index (resident_ids, gint64, row->new_reporter);
  values.address = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_ADDRESS);
  values.grid_id = row->grid ? linli_record_get_id (row->grid) : 0;
  if (row->building != NULL)
    {
      double lat = linli_record_get_double (row->building, "lat");
      double lon = linli_record_get_double (row->building, "lon");

      values.building_id = linli_record_get_id (row->building);
      /* The building is where the case is, as the editor has it. */
      if (!isnan (lat) && !isnan (lon))
        {
          values.lat = lat;
          values.lon = lon;
        }
      /* A grid the file gives that is not the building's was chosen by hand. */
      values.grid_overridden = values.grid_id != linli_record_get_int (row->building, "grid_id");
    }
  values.urgency = row->urgency;
  values.worker_id = row->worker ? linli_record_get_id (row->worker) : 0;
  values.responsible_unit = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_UNIT);
  values.reported_at = row->reported_at;
  values.due_at = row->due_at;
  values.status = row->status;
  values.resolution_level = row->level;
  values.resolution = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_RESOLUTION);
  values.resolved_at = row->resolved_at;
  values.satisfaction = row->satisfaction;
  values.revisited_at = row->revisited_at;
  values.revisit_notes = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_REVISIT_NOTES);
  values.duplicate_of = row->duplicate_id;
  if (row->duplicate_row >= 0)
    values.duplicate_of = g_array_index (im->rows, Row, row->duplicate_row).id;
  g_assert (row->duplicate_row < 0 || values.duplicate_of != 0);

  if (!linli_case_bulk_insert (im->store, &values, &row->id, error))
    {
      g_prefix_error (error, _("Line %u: "), row->line);
      return FALSE;
    }
  return TRUE;
}

/* Writes the rows of @im, which linli_case_csv_run() found right, in one
 * transaction: all of them, or none. */
gboolean
linli_case_csv_write (Import  *im,
                      guint   *n_imported,
                      GError **error)
{
  g_autoptr(GArray) resident_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), im->new_residents->len);
  g_autoptr(GHashTable) next_numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Numbers first: one the file gives is kept only when it is free. */
  for (guint r = 0; r < im->rows->len; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);
      if (row->number == NULL || row->renumber)
        assign_number (im, row, next_numbers);
    }

  /* All rows or none: one batch, without a savepoint per row. */
  if (!linli_store_begin_batch (im->store, error))
    return FALSE;

  for (guint i = 0; i < im->new_residents->len; i++)
    {
      g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (im->new_residents, i), "\x1f", 2);
      gint64 id;

      linli_record_set_text (resident, "name", parts[0]);
      linli_record_set_text (resident, "phone", *parts[1] != '\0' ? parts[1] : NULL);
      if (!linli_store_insert (im->store, resident, error))
        {
          linli_store_rollback (im->store);
          return FALSE;
        }
      id = linli_record_get_id (resident);
      g_array_append_val (resident_ids, id);
    }

  for (guint r = 0; r < im->rows->len; r++)
    {
      /* Cancel stops it here, and the rollback writes nothing. */
      if (r % COUNT_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
            {
              linli_store_rollback (im->store);
              return FALSE;
            }
          if (im->count != NULL)
            im->count (r, im->rows->len, im->count_data);
        }

      /* The case a duplicate repeats must be there before it. */
      g_array_set_size (chain, 0);
      for (guint at = r; g_array_index (im->rows, Row, at).id == 0; )
        {
          int next = g_array_index (im->rows, Row, at).duplicate_row;

          g_array_append_val (chain, at);
          if (next < 0)
            break;
          at = (guint) next;
        }
      for (guint i = chain->len; i > 0; i--)
        if (!write_row (im, &g_array_index (im->rows, Row, g_array_index (chain, guint, i - 1)),
                        resident_ids, error))
          {
            linli_store_rollback (im->store);
            return FALSE;
          }
    }

  /* The last moment Cancel can still stop it. */
  if (g_cancellable_set_error_if_cancelled (im->cancellable, error) ||
      !linli_store_commit (im->store, error))
    {
      linli_store_rollback (im->store);
      return FALSE;
    }
  if (im->count != NULL)
    im->count (im->rows->len, im->rows->len, im->count_data);
  *n_imported = im->rows->len;
  return TRUE;
}

/**
 * linli_case_csv_import:
 * @mapping: (array): what each column of @table holds, one
 *   #LinliCaseField per column (linli_case_csv_guess_mapping())
 * @row_errors: (out) (optional) (element-type LinliCsvRowError): set to
 *   what is wrong with the rows, as linli_case_csv_check() does
 * @n_imported: (out) (optional): how many cases were written
 *
 * Adds the cases of @table to @store, all or none. Every row is checked
 * first: a title, a category and a reported time that is not in the future;
 * times and labels that can be read; grids (by name or code), buildings and
 * grid workers that exist; phone numbers that are phone numbers; what a
 * resolved or revisited case needs. Only when every row is right are they
 * written, in one transaction.
 *
 * A reporter becomes a new resident unless one with the same name and
 * phone number is stored already. A case keeps the number the file gives it
 * when the store does not have that number yet, and gets the next free
 * number of its year otherwise. Without a source column, the source is
 * "其他".
 *
 * Returns: %TRUE when every case was written; %FALSE with nothing written
 *   and %LINLI_CASE_CSV_ERROR_MAPPING, %LINLI_CASE_CSV_ERROR_ROWS (see
 *   @row_errors), or a #LinliStoreError naming the line that failed
 */
gboolean
linli_case_csv_import (LinliStore            *store,
                       LinliCsvTable         *table,
                       const LinliCaseField  *mapping,
                       GPtrArray            **row_errors,
                       guint                 *n_imported,
                       GError               **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || linli_csv_table_get_n_columns (table) == 0, FALSE);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return linli_case_csv_run (store, table, mapping, TRUE, NULL, NULL, NULL, row_errors, n_imported, error);
}

/**
 * linli_case_csv_import_full:
 * @count: (nullable): told of the rows written, in the calling thread
 * @cancellable: (nullable): stops the import, which then writes nothing
 *
 * As linli_case_csv_import(), for a job in a thread of its own, with
 * @store a writer of linli_store_open_writer().
 *
 * Returns: as linli_case_csv_import(), or %FALSE with
 *   %G_IO_ERROR_CANCELLED and nothing written
 */
gboolean
linli_case_csv_import_full (LinliStore            *store,
                            LinliCsvTable         *table,
                            const LinliCaseField  *mapping,
                            LinliCountFunc         count,
                            gpointer               count_data,
                            GCancellable          *cancellable,
                            GPtrArray            **row_errors,
                            guint                 *n_imported,
                            GError               **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || linli_csv_table_get_n_columns (table) == 0, FALSE);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return linli_case_csv_run (store, table, mapping, TRUE, count, count_data, cancellable,
                             row_errors, n_imported, error);
}
