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
 * store's last before the import, and not one the file gives another
 * case. */
static void
assign_number (Import *im,
               Row    *row)
{
  int year = linli_case_csv_year_of (im, row->reported_at);
  gpointer next = g_hash_table_lookup (im->next_numbers, GINT_TO_POINTER (year));
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
  while (linli_case_csv_file_has_number (im, row->number))
    {
      g_free (row->number);
      row->number = g_strdup_printf ("%d-%04u", year, ++sequence);
    }
  g_hash_table_insert (im->next_numbers, GINT_TO_POINTER (year), GUINT_TO_POINTER (sequence + 1));
}

static gboolean
write_row (Import      *im,
           Row         *row,
           GError     **error)
{
  LinliCaseValues values;
  const char *source = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_SOURCE);
  Duplicate *dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (row->file_row));
  gint64 id = 0;

  /* The texts are the file's own, borrowed while the case is written. */
  linli_case_values_init (&values);
  values.number = row->number;
  values.title = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_TITLE);
  values.description = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_DESCRIPTION);
  values.category = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_CATEGORY);
  values.subcategory = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_SUBCATEGORY);
  values.source = source ? source : DEFAULT_SOURCE;
  values.reporter_id = row->reporter_id;
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
  if (dup != NULL && dup->target_row >= 0)
    {
      gint64 *original = g_hash_table_lookup (im->written, GINT_TO_POINTER (dup->target_row));

      g_assert (original != NULL);
      values.duplicate_of = *original;
    }
  else if (dup != NULL)
    values.duplicate_of = dup->target_id;

  if (!linli_case_bulk_insert (im->bulk, &values, &id, error))
    {
      g_prefix_error (error, _("Line %u: "), row->line);
      return FALSE;
    }
  im->n_written++;
  /* A case another repeats: its id, for that one. */
  if (g_hash_table_contains (im->written, GUINT_TO_POINTER (row->file_row)))
    g_hash_table_insert (im->written, GUINT_TO_POINTER (row->file_row), g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* Whether the store has @row's number, which it then does not keep. */
static gboolean
number_is_stored (Import *im,
                  Row    *row)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr(GHashTable) stored = NULL;

  if (row->number == NULL || !im->store_has_cases)
    return FALSE;
  g_ptr_array_add (numbers, row->number);
  stored = linli_case_csv_find_stored (im, numbers);
  return g_hash_table_size (stored) > 0;
}

/* Writes the cases that @row repeats and that come later in the file
 * (kept aside from the first reading), originals first, as the row's
 * turn comes. */
static gboolean
write_ahead (Import   *im,
             Row      *row,
             GError  **error)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  guint at = row->file_row;

  for (;;)
    {
      Duplicate *dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (at));

      if (dup == NULL || dup->target_row < 0 ||
          g_hash_table_lookup (im->written, GINT_TO_POINTER (dup->target_row)) != NULL)
        break;
      at = (guint) dup->target_row;
      g_array_append_val (chain, at);
    }

  for (guint i = chain->len; i > 0; i--)
    {
      guint file_row = g_array_index (chain, guint, i - 1);
      guint kept = GPOINTER_TO_UINT (g_hash_table_lookup (im->stashed, GUINT_TO_POINTER (file_row)));
      Row ahead = {
        .row = kept - 1,
        .file_row = file_row,
        .line = linli_csv_table_get_line (im->stash, kept - 1),
      };
      LinliCsvTable *batch = im->batch;
      gboolean ok;

      g_assert (kept > 0);
      /* Wrong, it says so at its turn; nothing more is written. */
      if (!linli_case_csv_check_row_of (im, im->stash, &ahead))
        {
          im->stop = TRUE;
          g_clear_pointer (&ahead.number, g_free);
          return TRUE;
        }
      /* Its number is kept: it is the one a duplicate gives. Taken in the
       * store already, it is given the next free one now, not at its
       * turn. */
      if (number_is_stored (im, &ahead))
        assign_number (im, &ahead);
      im->batch = im->stash;
      ok = write_row (im, &ahead, error);
      im->batch = batch;
      g_clear_pointer (&ahead.number, g_free);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The rows of a batch, read again: checked as before, numbered and
 * written. */
static gboolean
write_batch_cb (LinliCsvTable  *batch,
                guint           first_row,
                gpointer        user_data,
                GError        **error)
{
  Import *im = user_data;
  guint n_total = linli_csv_table_get_n_file_rows (im->table);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr(GHashTable) stored = NULL;

  if (!linli_case_csv_check_batch (im, batch, first_row, error))
    return FALSE;
  /* Once a row is wrong, the others are only checked, to say what is
   * wrong with them, and nothing is kept. */
  if (im->n_bad_rows > 0 || im->stop)
    return TRUE;

  /* A number the file gives is kept only when it is free. As the file's
   * numbers are unique and none is assigned, the cases written so far
   * have none of these. */
  for (guint r = 0; r < im->rows->len; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);
      if (row->number != NULL)
        g_ptr_array_add (numbers, row->number);
    }
  stored = linli_case_csv_find_stored (im, numbers);
  g_clear_pointer (&numbers, g_ptr_array_unref);

  for (guint r = 0; r < im->rows->len && !im->stop; r++)
    {
      Row *row = &g_array_index (im->rows, Row, r);

      /* Cancel stops it here, and the rollback writes nothing. */
      if (row->file_row % COUNT_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
            return FALSE;
          if (im->count != NULL)
            im->count (row->file_row, n_total, im->count_data);
        }
      /* Written before its turn, for a duplicate of it. */
      if (g_hash_table_contains (im->ahead, GUINT_TO_POINTER (row->file_row)))
        continue;
      if (row->number == NULL || g_hash_table_contains (stored, row->number))
        assign_number (im, row);
      if (!write_ahead (im, row, error))
        return FALSE;
      if (!im->stop && !write_row (im, row, error))
        return FALSE;
    }
  return TRUE;
}

/* Checks and writes the rows of @im, reading the file again, in one
 * transaction: all of them, or none when one is wrong. */
gboolean
linli_case_csv_write (Import  *im,
                      guint   *n_imported,
                      GError **error)
{
  guint n_total = linli_csv_table_get_n_file_rows (im->table);
  GHashTableIter iter;
  gpointer year;

  /* The next free number of each year, as the store has it before any
   * case of the file is written. */
  im->next_numbers = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, im->years);
  while (g_hash_table_iter_next (&iter, &year, NULL))
    {
      g_autofree char *first = linli_store_next_case_number (im->store, GPOINTER_TO_INT (year));
      g_hash_table_insert (im->next_numbers, year,
                           GUINT_TO_POINTER ((guint) g_ascii_strtoull (first + 5, NULL, 10)));
    }

  /* All rows or none: one batch, without a savepoint per row. */
  if (!linli_store_begin_batch (im->store, error))
    return FALSE;

  /* New reporters first, as residents, in the order the file names them. */
  for (guint i = 0; i < im->new_order->len; i++)
    {
      g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
      const char *key = im->new_order->pdata[i];
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      gint64 id;

      linli_record_set_text (resident, "name", parts[0]);
      linli_record_set_text (resident, "phone", *parts[1] != '\0' ? parts[1] : NULL);
      if (!linli_store_insert (im->store, resident, error))
        {
          linli_store_rollback (im->store);
          return FALSE;
        }
      id = linli_record_get_id (resident);
      g_hash_table_insert (im->new_residents, g_strdup (key), g_memdup2 (&id, sizeof id));
    }
  im->bulk = linli_case_bulk_begin (im->store, n_total, im->cancellable, error);
  if (im->bulk == NULL ||
      !linli_csv_table_foreach (im->table, TRUE, write_batch_cb, im, im->cancellable, error) ||
      !linli_case_csv_end_check (im, error) ||
      !linli_case_bulk_end (im->bulk, error))
    {
      g_clear_pointer (&im->bulk, linli_case_bulk_free);
      linli_store_rollback (im->store);
      return FALSE;
    }
  g_clear_pointer (&im->bulk, linli_case_bulk_free);

  /* The last moment Cancel can still stop it. */
  if (g_cancellable_set_error_if_cancelled (im->cancellable, error) ||
      !linli_store_commit (im->store, error))
    {
      linli_store_rollback (im->store);
      return FALSE;
    }
  if (im->count != NULL)
    im->count (n_total, n_total, im->count_data);
  *n_imported = im->n_written;
  return TRUE;
}

/**
 * linli_case_csv_import:
 * @table: the file, read whole, or a preview of it
 *   (linli_csv_read_preview()), which is read again twice a batch of rows
 *   at a time: first for what rows say of each other, then to check and
 *   write them; a file changed since its preview fails with
 *   %LINLI_CSV_ERROR_CHANGED and writes nothing
 * @mapping: (array): what each column of @table holds, one
 *   #LinliCaseField per column (linli_case_csv_guess_mapping())
 * @row_errors: (out) (optional) (element-type LinliCsvRowError): set to
 *   what is wrong with the rows, as linli_case_csv_check() does: the first
 *   thousand problems; the error says how many rows are wrong
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
