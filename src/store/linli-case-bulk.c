/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-bulk"

#include "config.h"

#include <math.h>

#include "linli-case-bulk.h"
#include "linli-record-sql.h"
#include "linli-store-private.h"

/* An import writes a hundred thousand cases in one batch. Through
 * linli_store_insert() each is a record object filled column by column,
 * a GDateTime per time and a copy of every text; here the values are bound
 * as they are, the times formatted into buffers on the stack. What ends up
 * in the file is the same: the columns of LinliCase, the first timeline
 * entry, the same changes told (test-case-csv.c compares the two).
 *
 * Many cases written in one batch also skip three costs that each case
 * would pay alone (linli_case_bulk_begin()):
 * - the trigger that renews the search stamp (migration 021): with it,
 *   SQLite keeps a statement journal for every INSERT, a copy of each page
 *   the case touches, about a tenth of an import's time. The stamp is
 *   renewed once at the end instead;
 * - keeping the indexes of the cases in order one case at a time, when
 *   the batch at least doubles the cases: SQLite builds an index from a
 *   sort of the whole table faster than it inserts into it;
 * - a statement per first timeline entry: they are all written at the end
 *   by one, in the order of their index, which is made just before.
 * The trigger and indexes are dropped and made again inside the batch's
 * transaction: nobody else ever sees the tables without them, and a
 * rollback puts them back as they were. */

struct _LinliCaseBulk
{
  LinliStore   *store;
  GCancellable *cancellable;
  GTimeZone    *zone;         /* the local one, which times are written in */
  gint64        last_before;  /* the highest id of a case before: those after are the bulk's */
  GPtrArray    *made_first;   /* (element-type utf8): the SQL that makes again what was dropped, */
  GPtrArray    *made_last;    /* before the timelines are written and after */
  gboolean      stamp_trigger_dropped;
  gboolean      ended;
};

/* SQLite virtual machine steps between two looks at Cancel while the
 * indexes are built: a look costs next to nothing. */
#define STEPS_BETWEEN_LOOKS 1000

/* What the trigger search_stamp_case_inserted of migration 021 does. */
static const char renew_stamp_sql[] = "UPDATE search_stamp SET stamp = random ()";

/* The first entry of each case's timeline: its status, at the time it
 * was reported, by nobody in particular (linli_case_timeline_record_new()). */
static const char timelines_sql[] =
  "INSERT INTO case_event (case_id, at, kind, to_value)"
  " SELECT id, reported_at, ?2, status FROM case_record WHERE id > ?1 ORDER BY id";

static const char insert_sql[] =
  "INSERT INTO case_record (number, title, description, category, subcategory, source,"
  " reporter_id, building_id, address, lat, lon, grid_id, grid_overridden, urgency,"
  " worker_id, responsible_unit, reported_at, due_at, status, resolution_level,"
  " resolution, resolved_at, satisfaction, revisited_at, revisit_notes, duplicate_of)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";

/**
 * linli_case_values_init:
 *
 * Sets @values to those of a new #LinliCase: no texts, times or
 * references, no place, normal urgency, registered.
 */
void
linli_case_values_init (LinliCaseValues *values)
{
  g_return_if_fail (values != NULL);

  *values = (LinliCaseValues) {
    .lat = NAN,
    .lon = NAN,
    .urgency = LINLI_URGENCY_NORMAL,
    .reported_at = LINLI_CASE_NO_TIME,
    .due_at = LINLI_CASE_NO_TIME,
    .status = LINLI_CASE_STATUS_REGISTERED,
    .resolution_level = LINLI_RESOLUTION_LEVEL_NONE,
    .resolved_at = LINLI_CASE_NO_TIME,
    .satisfaction = LINLI_SATISFACTION_NONE,
    .revisited_at = LINLI_CASE_NO_TIME,
  };
}

/* The texts are bound without a copy: they outlive the step. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_ref (sqlite3_stmt *stmt,
          int           index,
          gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GType         type,
           int           value)
{
  bind_text (stmt, index, linli_record_sql_enum_nick (type, value));
}

/* Formats @time into @buffer, which must then outlive the step. */
static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GTimeZone    *zone,
           gint64        time,
           char          buffer[LINLI_RECORD_SQL_TIME_SIZE])
{
  const char *text = NULL;

  if (time != LINLI_CASE_NO_TIME)
    text = linli_record_sql_format_unix_time (time, zone, buffer);
  bind_text (stmt, index, text);
}

/**
 * linli_case_bulk_insert:
 * @values: the new case
 * @id: (out): set to the id of the new case
 *
 * Stores a new case, as linli_store_insert() stores a #LinliCase with
 * @values; its first timeline entry is written by linli_case_bulk_end().
 * Times are in the local zone, as g_date_time_new_from_unix_local() has
 * them. On failure, the batch fails with it.
 */
gboolean
linli_case_bulk_insert (LinliCaseBulk          *bulk,
                        const LinliCaseValues  *values,
                        gint64                 *id,
                        GError                **error)
{
  char reported_at[LINLI_RECORD_SQL_TIME_SIZE];
  char due_at[LINLI_RECORD_SQL_TIME_SIZE];
  char resolved_at[LINLI_RECORD_SQL_TIME_SIZE];
  char revisited_at[LINLI_RECORD_SQL_TIME_SIZE];
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (bulk != NULL && !bulk->ended, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (!linli_store_begin (bulk->store, error))
    return FALSE;

  ok = (stmt = linli_store_prepare_static (bulk->store, insert_sql, error)) != NULL;
  if (ok)
    {
      bind_text (stmt, 1, values->number);
      bind_text (stmt, 2, values->title);
      bind_text (stmt, 3, values->description);
      bind_text (stmt, 4, values->category);
      bind_text (stmt, 5, values->subcategory);
      bind_text (stmt, 6, values->source);
      bind_ref (stmt, 7, values->reporter_id);
      bind_ref (stmt, 8, values->building_id);
      bind_text (stmt, 9, values->address);
      bind_double (stmt, 10, values->lat);
      bind_double (stmt, 11, values->lon);
      bind_ref (stmt, 12, values->grid_id);
      sqlite3_bind_int (stmt, 13, values->grid_overridden ? 1 : 0);
      bind_enum (stmt, 14, LINLI_TYPE_URGENCY, values->urgency);
      bind_ref (stmt, 15, values->worker_id);
      bind_text (stmt, 16, values->responsible_unit);
      bind_time (stmt, 17, bulk->zone, values->reported_at, reported_at);
      bind_time (stmt, 18, bulk->zone, values->due_at, due_at);
      bind_enum (stmt, 19, LINLI_TYPE_CASE_STATUS, values->status);
      bind_enum (stmt, 20, LINLI_TYPE_RESOLUTION_LEVEL, values->resolution_level);
      bind_text (stmt, 21, values->resolution);
      bind_time (stmt, 22, bulk->zone, values->resolved_at, resolved_at);
      bind_enum (stmt, 23, LINLI_TYPE_SATISFACTION, values->satisfaction);
      bind_time (stmt, 24, bulk->zone, values->revisited_at, revisited_at);
      bind_text (stmt, 25, values->revisit_notes);
      bind_ref (stmt, 26, values->duplicate_of);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = linli_store_fail (bulk->store, sqlite3_errcode (linli_store_get_db (bulk->store)), error);
    }
  if (!ok)
    {
      linli_store_rollback (bulk->store);
      return FALSE;
    }
  *id = sqlite3_last_insert_rowid (linli_store_get_db (bulk->store));
  linli_store_note_change (bulk->store, LINLI_TYPE_CASE, LINLI_CHANGE_INSERTED, *id);
  return linli_store_commit (bulk->store, error);
}

static gboolean
exec_sql (LinliStore  *store,
          const char  *sql,
          GError     **error)
{
  sqlite3 *db = linli_store_get_db (store);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return linli_store_fail (store, sqlite3_extended_errcode (db), error);
  return TRUE;
}

/* Drops the indexes or triggers that @where picks in sqlite_schema, and
 * keeps in @made the SQL that makes each of them again. */
static gboolean
drop_schema_objects (LinliCaseBulk  *bulk,
                     const char     *where,
                     GPtrArray      *made,
                     guint          *n_dropped,
                     GError        **error)
{
  sqlite3 *db = linli_store_get_db (bulk->store);
  g_autofree char *select = g_strconcat ("SELECT type, name, sql FROM sqlite_schema WHERE ", where,
                                         " ORDER BY name", NULL);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    return linli_store_fail (bulk->store, sqlite3_extended_errcode (db), error);
  /* Read whole first: the schema cannot change under a reading of it. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (made, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    return linli_store_fail (bulk->store, sqlite3_extended_errcode (db), error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < drops->len; i++)
    if (!exec_sql (bulk->store, drops->pdata[i], error))
      return FALSE;
  *n_dropped = drops->len;
  return TRUE;
}

/* The highest id of a stored case, 0 for none: at least how many there
 * are. */
static gboolean
max_case_id (LinliStore  *store,
             gint64      *id,
             GError     **error)
{
  sqlite3 *db = linli_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce(max(id), 0) FROM case_record", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return linli_store_fail (store, sqlite3_extended_errcode (db), error);
  *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The first timeline entry of every case the bulk wrote, told as
 * linli_store_add_diary_entry_at() tells one. */
static gboolean
write_timelines (LinliCaseBulk  *bulk,
                 GError        **error)
{
  sqlite3 *db = linli_store_get_db (bulk->store);
  sqlite3_stmt *stmt = linli_store_prepare_static (bulk->store, timelines_sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->last_before);
  sqlite3_bind_text (stmt, 2, linli_record_sql_enum_nick (LINLI_TYPE_DIARY_ENTRY_KIND, LINLI_DIARY_ENTRY_KIND_STATUS),
                     -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return linli_store_fail (bulk->store, sqlite3_extended_errcode (db), error);
  n = sqlite3_changes (db);
  if (n == 1)
    linli_store_note_change (bulk->store, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_INSERTED, sqlite3_last_insert_rowid (db));
  else if (n > 1)
    linli_store_note_change (bulk->store, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_RESET, 0);
  return TRUE;
}

/**
 * linli_case_bulk_begin:
 * @store: a store inside linli_store_begin_batch()
 * @n_cases: how many cases the batch writes, about
 * @cancellable: (nullable): stops linli_case_bulk_end() while it builds
 *
 * Readies @store to write many cases with linli_case_bulk_insert(): the
 * search stamp is renewed once for all of them, their first timeline
 * entries are written together at the end, and when they at least double
 * the cases stored, the indexes of the cases and their timelines are built
 * after them rather than kept in order case by case. Until the end, every
 * case the batch writes must be written through the bulk. End it with
 * linli_case_bulk_end() before the batch is committed; after a rollback,
 * only free it.
 *
 * Returns: (transfer full): the bulk, or %NULL with @error set
 */
LinliCaseBulk *
linli_case_bulk_begin (LinliStore    *store,
                       guint          n_cases,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(LinliCaseBulk) bulk = NULL;
  guint n_triggers = 0, n_event_indexes = 0, n_indexes = 0;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  /* Outside a transaction, the tables would be left without them. */
  g_return_val_if_fail (!sqlite3_get_autocommit (linli_store_get_db (store)), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bulk = g_new0 (LinliCaseBulk, 1);
  bulk->store = g_object_ref (store);
  bulk->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  bulk->zone = g_time_zone_new_local ();
  bulk->made_first = g_ptr_array_new_with_free_func (g_free);
  bulk->made_last = g_ptr_array_new_with_free_func (g_free);
  if (!max_case_id (store, &bulk->last_before, error))
    return NULL;

  if (!drop_schema_objects (bulk, "type = 'trigger' AND name = 'search_stamp_case_inserted'",
                            bulk->made_last, &n_triggers, error))
    return NULL;
  bulk->stamp_trigger_dropped = n_triggers > 0;

  if ((gint64) n_cases >= bulk->last_before &&
      (!drop_schema_objects (bulk, "type = 'index' AND sql IS NOT NULL AND tbl_name = 'case_event'",
                             bulk->made_first, &n_event_indexes, error) ||
       !drop_schema_objects (bulk, "type = 'index' AND sql IS NOT NULL AND tbl_name = 'case_record'",
                             bulk->made_last, &n_indexes, error)))
    return NULL;

  g_debug ("Writing %u cases: %u indexes built after", n_cases, n_event_indexes + n_indexes);
  return g_steal_pointer (&bulk);
}

static gboolean
make_again (LinliCaseBulk  *bulk,
            GPtrArray      *made,
            GError        **error)
{
  for (guint i = 0; i < made->len; i++)
    if (!exec_sql (bulk->store, made->pdata[i], error))
      return FALSE;
  return TRUE;
}

static int
cancelled_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

/**
 * linli_case_bulk_end:
 *
 * Writes the first timeline entry of each case the bulk wrote, renews the
 * search stamp and makes again what linli_case_bulk_begin() dropped,
 * building the indexes from the cases now stored. On failure, the batch
 * must be rolled back: a cancelled bulk fails with %G_IO_ERROR_CANCELLED.
 *
 * Returns: whether all was made again
 */
gboolean
linli_case_bulk_end (LinliCaseBulk  *bulk,
                     GError        **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (bulk != NULL && !bulk->ended, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bulk->ended = TRUE;
  db = linli_store_get_db (bulk->store);
  /* Building the indexes of a million cases takes seconds: Cancel
   * interrupts it, and the caller rolls the batch back. */
  if (bulk->cancellable != NULL)
    sqlite3_progress_handler (db, STEPS_BETWEEN_LOOKS, cancelled_cb, bulk->cancellable);
  ok = make_again (bulk, bulk->made_first, error) &&
       write_timelines (bulk, error) &&
       (!bulk->stamp_trigger_dropped || exec_sql (bulk->store, renew_stamp_sql, error)) &&
       make_again (bulk, bulk->made_last, error);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (!ok && g_cancellable_is_cancelled (bulk->cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (bulk->cancellable, error);
    }
  return ok;
}

void
linli_case_bulk_free (LinliCaseBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_object_unref (bulk->store);
  g_clear_object (&bulk->cancellable);
  g_time_zone_unref (bulk->zone);
  g_ptr_array_unref (bulk->made_first);
  g_ptr_array_unref (bulk->made_last);
  g_free (bulk);
}
