/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-store"

#include "config.h"

#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-store-private.h"

/* What a failed save gave ids to, so that they can be taken back: after
 * the rollback those rows do not exist. */
typedef struct
{
  GPtrArray *given_id;        /* records inserted by this save */
  GPtrArray *given_volunteer; /* participations whose volunteer_id it set */
} SaveUndo;

static void
save_undo_forget (SaveUndo *undo,
                  gboolean  ok)
{
  for (guint i = 0; !ok && i < undo->given_id->len; i++)
    linli_record_set_id (g_ptr_array_index (undo->given_id, i), 0);
  for (guint i = 0; !ok && i < undo->given_volunteer->len; i++)
    linli_record_set_int (g_ptr_array_index (undo->given_volunteer, i), "volunteer_id", 0);
  g_ptr_array_unref (undo->given_id);
  g_ptr_array_unref (undo->given_volunteer);
}

static gboolean
insert_new (LinliStore   *self,
            LinliRecord  *record,
            SaveUndo     *undo,
            GError      **error)
{
  if (!linli_store_insert (self, record, error))
    return FALSE;
  g_ptr_array_add (undo->given_id, record);
  return TRUE;
}

static gboolean
delete_participations (LinliStore  *self,
                       gint64       activity_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) old = linli_store_load_participations (self, activity_id, error);

  if (old == NULL)
    return FALSE;
  for (guint i = 0; i < old->len; i++)
    if (!linli_store_delete (self, g_ptr_array_index (old, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_participation (LinliStore   *self,
                     LinliRecord  *activity,
                     LinliRecord  *participation,
                     SaveUndo     *undo,
                     GError      **error)
{
  LinliRecord *fresh = linli_participation_get_new_volunteer (participation);

  if (linli_record_get_int (participation, "volunteer_id") == 0 && fresh != NULL)
    {
      if (linli_record_get_id (fresh) == 0 && !insert_new (self, fresh, undo, error))
        return FALSE;
      linli_record_set_int (participation, "volunteer_id", linli_record_get_id (fresh));
      g_ptr_array_add (undo->given_volunteer, participation);
    }
  linli_record_set_int (participation, "activity_id", linli_record_get_id (activity));

  /* A participation that was stored keeps its id. */
  if (linli_record_get_id (participation) != 0)
    return linli_store_restore (self, participation, error);
  return insert_new (self, participation, undo, error);
}

/* A record's organisations as they were before the save, to put back
 * when it fails. */
typedef struct
{
  LinliRecord *record;
  const char  *column;
  GArray      *keys;
} RefsUndo;

static void
refs_undo_forget (RefsUndo *undo,
                  gboolean  ok)
{
  if (undo->keys == NULL)
    return;
  if (!ok)
    linli_record_set_refs (undo->record, undo->column,
                           (const gint64 *) (gpointer) undo->keys->data, undo->keys->len);
  g_clear_pointer (&undo->keys, g_array_unref);
}

/* Stores the new organisations @column of @record still names, by their
 * negative keys (-1 for the first of @new_organisations), and sets the
 * column to stored ids only. */
static gboolean
write_new_organisations (LinliStore   *self,
                         LinliRecord  *record,
                         const char   *column,
                         GPtrArray    *new_organisations,
                         SaveUndo     *undo,
                         RefsUndo     *refs_undo,
                         GError      **error)
{
  GArray *chosen = linli_record_get_refs (record, column);
  g_autoptr(GArray) keys = NULL;

  refs_undo->record = record;
  refs_undo->column = column;
  if (chosen == NULL)
    return TRUE;
  refs_undo->keys = g_array_copy (chosen);
  keys = g_array_copy (chosen);
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 *key = &g_array_index (keys, gint64, i);
      LinliRecord *organisation;

      if (*key > 0)
        continue;
      if (new_organisations == NULL || -*key > (gint64) new_organisations->len)
        {
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND,
                       "No new organisation %" G_GINT64_FORMAT, -*key);
          return FALSE;
        }
      organisation = g_ptr_array_index (new_organisations, (guint) (-*key - 1));
      if (linli_record_get_id (organisation) == 0 && !insert_new (self, organisation, undo, error))
        return FALSE;
      *key = linli_record_get_id (organisation);
    }
  linli_record_set_refs (record, column, (const gint64 *) (gpointer) keys->data, keys->len);
  return TRUE;
}

/* Inserts a new @record (id 0), or writes what it changed from @original:
 * fields changed meanwhile elsewhere are kept. */
static gboolean
write_record (LinliStore   *self,
              LinliRecord  *original,
              LinliRecord  *record,
              SaveUndo     *undo,
              GError      **error)
{
  if (linli_record_get_id (record) == 0)
    return insert_new (self, record, undo, error);
  if (original != NULL)
    return linli_store_update_from (self, original, record, error);
  return linli_store_update (self, record, error);
}

static gboolean
check_organisations (GPtrArray *new_organisations)
{
  for (guint i = 0; new_organisations != NULL && i < new_organisations->len; i++)
    if (!LINLI_IS_ORGANISATION (g_ptr_array_index (new_organisations, i)))
      return FALSE;
  return TRUE;
}

/**
 * linli_store_save_activity:
 * @original: (nullable): the activity as it was read before it was edited,
 *   %NULL for a new one or to write every field
 * @activity: a new activity (id 0) or a stored one, as edited
 * @new_organisations: (element-type LinliOrganisation) (nullable):
 *   partner organisations not stored yet, which the "partners" column of
 *   @activity names by negative keys, -1 for the first; those it names
 *   are stored with it
 * @participations: (element-type LinliParticipation) (nullable): everyone
 *   who served in it, in place of those stored before
 *
 * Writes @activity and replaces its participations, in one transaction:
 * all of it or, with @error set, none. A stored activity with @original
 * gets only what the edit changed (linli_store_update_from()). A
 * participation with volunteer_id 0 and a new volunteer attached
 * (linli_participation_set_new_volunteer()) stores that volunteer first.
 * On success every record passed has its id, and each participation its
 * activity_id; on failure they are as they were. The rules of
 * linli_activity_validate() are the caller's to check: the schema refuses
 * only what breaks its own.
 */
gboolean
linli_store_save_activity (LinliStore   *self,
                           LinliRecord  *original,
                           LinliRecord  *activity,
                           GPtrArray    *new_organisations,
                           GPtrArray    *participations,
                           GError      **error)
{
  SaveUndo undo;
  RefsUndo refs_undo = { 0 };
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (original == NULL || LINLI_IS_ACTIVITY (original), FALSE);
  g_return_val_if_fail (LINLI_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (check_organisations (new_organisations), FALSE);
  for (guint i = 0; participations != NULL && i < participations->len; i++)
    g_return_val_if_fail (LINLI_IS_PARTICIPATION (g_ptr_array_index (participations, i)), FALSE);

  undo.given_id = g_ptr_array_new ();
  undo.given_volunteer = g_ptr_array_new ();
  if (!linli_store_begin (self, error))
    {
      save_undo_forget (&undo, FALSE);
      return FALSE;
    }

  ok = write_new_organisations (self, activity, "partners", new_organisations, &undo, &refs_undo, error);
  if (ok && linli_record_get_id (activity) == 0)
    ok = insert_new (self, activity, &undo, error);
  else if (ok)
    ok = write_record (self, original, activity, &undo, error) &&
         delete_participations (self, linli_record_get_id (activity), error);

  for (guint i = 0; ok && participations != NULL && i < participations->len; i++)
    ok = write_participation (self, activity, g_ptr_array_index (participations, i), &undo, error);

  if (ok)
    ok = linli_store_commit (self, error);
  else
    linli_store_rollback (self);
  save_undo_forget (&undo, ok);
  refs_undo_forget (&refs_undo, ok);
  return ok;
}

/**
 * linli_store_save_outreach:
 * @original: (nullable): the event as it was read before it was edited,
 *   %NULL for a new one
 * @outreach: a new event (id 0) or a stored one, as edited
 * @new_organisations: (element-type LinliOrganisation) (nullable):
 *   organisers not stored yet, which the "organisers" column of @outreach
 *   names by negative keys, -1 for the first
 *
 * Writes @outreach and the new organisations it names in one transaction:
 * all of it or, with @error set, none. A stored event gets only what the
 * edit changed from @original, so fields changed elsewhere meanwhile are
 * kept. On failure every record passed is as it was.
 */
gboolean
linli_store_save_outreach (LinliStore   *self,
                           LinliRecord  *original,
                           LinliRecord  *outreach,
                           GPtrArray    *new_organisations,
                           GError      **error)
{
  SaveUndo undo;
  RefsUndo refs_undo = { 0 };
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (original == NULL || LINLI_IS_OUTREACH (original), FALSE);
  g_return_val_if_fail (LINLI_IS_OUTREACH (outreach), FALSE);
  g_return_val_if_fail (check_organisations (new_organisations), FALSE);

  undo.given_id = g_ptr_array_new ();
  undo.given_volunteer = g_ptr_array_new ();
  if (!linli_store_begin (self, error))
    {
      save_undo_forget (&undo, FALSE);
      return FALSE;
    }
  ok = write_new_organisations (self, outreach, "organisers", new_organisations, &undo, &refs_undo, error) &&
       write_record (self, original, outreach, &undo, error);
  if (ok)
    ok = linli_store_commit (self, error);
  else
    linli_store_rollback (self);
  save_undo_forget (&undo, ok);
  refs_undo_forget (&refs_undo, ok);
  return ok;
}

/**
 * linli_store_load_participations:
 *
 * Returns: (transfer container) (element-type LinliParticipation): who
 *   served in the activity, in the order they were added; %NULL with
 *   @error set when the database could not be read
 */
GPtrArray *
linli_store_load_participations (LinliStore  *self,
                                 gint64       activity_id,
                                 GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  sql = g_strconcat (linli_store_select_sql (LINLI_TYPE_PARTICIPATION),
                     " WHERE t.activity_id = ?1 ORDER BY t.id", NULL);
  if (!(stmt = linli_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, linli_store_read_record (LINLI_TYPE_PARTICIPATION, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      linli_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * linli_store_delete_activity:
 * @participations_out: (out) (optional) (transfer container): who served
 *   in it, for linli_store_restore_activity() to put back
 *
 * Deletes an activity with its participations (the volunteers stay).
 */
gboolean
linli_store_delete_activity (LinliStore   *self,
                             LinliRecord  *activity,
                             GPtrArray   **participations_out,
                             GError      **error)
{
  g_autoptr(GPtrArray) participations = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_ACTIVITY (activity), FALSE);

  participations = linli_store_load_participations (self, linli_record_get_id (activity), error);
  if (participations == NULL || !linli_store_delete (self, activity, error))
    return FALSE;
  if (participations_out != NULL)
    *participations_out = g_steal_pointer (&participations);
  return TRUE;
}

/**
 * linli_store_restore_activity:
 * @activity: a deleted activity, with the id it had
 * @participations: (element-type LinliParticipation) (nullable): its
 *   participations as linli_store_delete_activity() gave them
 *
 * Puts a deleted activity back with who served in it, for Undo.
 */
gboolean
linli_store_restore_activity (LinliStore   *self,
                              LinliRecord  *activity,
                              GPtrArray    *participations,
                              GError      **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_ACTIVITY (activity), FALSE);

  return linli_store_restore_all (self, activity, participations, error);
}

/**
 * linli_store_save_organisations:
 * @records: (element-type LinliOrganisation): the register as edited:
 *   new organisations with id 0, which get theirs
 * @removed: (element-type LinliOrganisation) (nullable): stored ones to
 *   delete; activities and outreach events that named them keep their
 *   other partners
 *
 * Writes the register of partner organisations in one transaction: what
 * was removed, what is new, what changed. When it fails nothing is
 * written and the new ones have id 0 again.
 */
gboolean
linli_store_save_organisations (LinliStore   *self,
                                GPtrArray    *records,
                                GPtrArray    *removed,
                                GError      **error)
{
  g_autoptr(GPtrArray) inserted = g_ptr_array_new ();
  gboolean began, ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  ok = began = linli_store_begin (self, error);
  for (guint i = 0; ok && removed != NULL && i < removed->len; i++)
    ok = linli_store_delete (self, g_ptr_array_index (removed, i), error);
  for (guint i = 0; ok && i < records->len; i++)
    {
      LinliRecord *record = g_ptr_array_index (records, i);
      g_autoptr(LinliRecord) stored = NULL;

      if (linli_record_get_id (record) == 0)
        {
          ok = linli_store_insert (self, record, error);
          if (ok)
            g_ptr_array_add (inserted, record);
          continue;
        }
      stored = linli_store_get (self, LINLI_TYPE_ORGANISATION, linli_record_get_id (record), NULL);
      if (stored == NULL || !linli_record_equal (stored, record))
        ok = linli_store_update (self, record, error);
    }
  if (ok && linli_store_commit (self, error))
    return TRUE;

  /* A failed write or commit leaves the transaction open. */
  if (began)
    linli_store_rollback (self);
  for (guint i = 0; i < inserted->len; i++)
    linli_record_set_id (g_ptr_array_index (inserted, i), 0);
  return FALSE;
}
