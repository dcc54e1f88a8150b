/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-store"

#include "config.h"

#include "linli-case-store.h"
#include "linli-records.h"

/* What the case looked like before a save, to put back when it fails:
 * after the rollback the rows it was given do not exist. */
typedef struct
{
  GPtrArray *inserted;      /* records this save gave an id */
  gint64     reporter_id;
  char      *number;
} SaveUndo;

static gboolean
insert_new (LinliStore   *self,
            LinliRecord  *record,
            SaveUndo     *undo,
            GError      **error)
{
  if (!linli_store_insert (self, record, error))
    return FALSE;
  g_ptr_array_add (undo->inserted, g_object_ref (record));
  return TRUE;
}

static void
put_back (LinliRecord *case_record,
          GListModel  *entries,
          SaveUndo    *undo)
{
  for (guint i = 0; i < undo->inserted->len; i++)
    linli_record_set_id (g_ptr_array_index (undo->inserted, i), 0);
  linli_record_set_int (case_record, "reporter_id", undo->reporter_id);
  linli_record_set_text (case_record, "number", undo->number);
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LinliRecord) entry = g_list_model_get_item (entries, i);
      linli_record_set_int (entry, "case_id", 0);
    }
}

/* A correction puts right an entry of the same case, written before it. */
static gboolean
check_correction (LinliStore   *self,
                  LinliRecord  *entry,
                  GError      **error)
{
  gint64 corrects = linli_record_get_int (entry, "corrects_id");
  g_autoptr(LinliRecord) corrected = NULL;

  if (linli_record_get_enum (entry, "kind") != LINLI_DIARY_ENTRY_KIND_CORRECTION)
    return TRUE;
  if (corrects != 0)
    corrected = linli_store_get (self, LINLI_TYPE_DIARY_ENTRY, corrects, NULL);
  if (corrected == NULL ||
      linli_record_get_int (corrected, "case_id") != linli_record_get_int (entry, "case_id"))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   "A correction of diary entry %" G_GINT64_FORMAT " that this case does not have", corrects);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_case (LinliStore   *self,
            LinliRecord  *original,
            LinliRecord  *case_record,
            SaveUndo     *undo,
            GError      **error)
{
  GDateTime *reported;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *number = NULL;

  if (original != NULL)
    /* Only what this edit changed: an assignment made on the Cases page
     * meanwhile stays. */
    return linli_store_update_from (self, original, case_record, error);

  /* Numbered now, in case another case was added since it was begun. */
  reported = linli_record_get_datetime (case_record, "reported_at");
  local = g_date_time_to_local (reported);
  number = linli_store_next_case_number (self, g_date_time_get_year (local));
  linli_record_set_text (case_record, "number", number);
  return insert_new (self, case_record, undo, error);
}

/**
 * linli_store_save_case:
 * @original: (nullable): the case as it was read before it was edited;
 *   %NULL for a new case
 * @case_record: the case as edited; a new one has id 0
 * @reporter: (nullable): a resident to write first, new (id 0) or changed,
 *   who becomes the case's reporter; %NULL when the reporter is unchanged
 *   or the case is anonymous (reporter_id says which)
 * @entries: (element-type LinliDiaryEntry) (nullable): diary entries
 *   added in the edit, new (id 0); a correction names an entry of this
 *   case in its corrects_id
 *
 * Writes the reporter, the case and the diary entries added to it in one
 * transaction: all of it or, with @error set, none. A new case takes the
 * next number of the year it was reported in; a stored one gets only what
 * the edit changed from @original (linli_store_update_from()), so that
 * fields changed elsewhere meanwhile are kept. On success every record
 * has its id and each entry the case's id; on failure they are as they
 * were.
 */
gboolean
linli_store_save_case (LinliStore   *self,
                       LinliRecord  *original,
                       LinliRecord  *case_record,
                       LinliRecord  *reporter,
                       GListModel   *entries,
                       GError      **error)
{
  SaveUndo undo;
  gboolean ok = TRUE;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (original == NULL || LINLI_IS_CASE (original), FALSE);
  g_return_val_if_fail (LINLI_IS_CASE (case_record), FALSE);
  g_return_val_if_fail (reporter == NULL || LINLI_IS_RESIDENT (reporter), FALSE);
  g_return_val_if_fail (entries == NULL || G_IS_LIST_MODEL (entries), FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  undo.inserted = g_ptr_array_new_with_free_func (g_object_unref);
  undo.reporter_id = linli_record_get_int (case_record, "reporter_id");
  undo.number = g_strdup (linli_record_get_text (case_record, "number"));

  if (reporter != NULL)
    {
      if (linli_record_get_id (reporter) == 0)
        ok = insert_new (self, reporter, &undo, error);
      else
        ok = linli_store_update (self, reporter, error);
      if (ok)
        linli_record_set_int (case_record, "reporter_id", linli_record_get_id (reporter));
    }

  ok = ok && write_case (self, original, case_record, &undo, error);

  for (guint i = 0; ok && entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LinliRecord) entry = g_list_model_get_item (entries, i);

      linli_record_set_int (entry, "case_id", linli_record_get_id (case_record));
      ok = check_correction (self, entry, error) && insert_new (self, entry, &undo, error);
    }

  if (ok)
    ok = linli_store_commit (self, error);
  if (!ok)
    {
      /* A failed write or commit leaves the transaction open. */
      linli_store_rollback (self);
      put_back (case_record, entries, &undo);
    }
  g_ptr_array_unref (undo.inserted);
  g_free (undo.number);
  return ok;
}
