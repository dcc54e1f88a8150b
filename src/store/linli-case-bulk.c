/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-bulk"

#include "config.h"

#include <math.h>

#include "linli-case-bulk.h"
#include "linli-case-timeline.h"
#include "linli-record-sql.h"
#include "linli-store-private.h"

/* An import writes a hundred thousand cases in one batch. Through
 * linli_store_insert() each is a record object filled column by column,
 * a GDateTime per time and a copy of every text; here the values are bound
 * as they are, the times formatted into buffers on the stack. What ends up
 * in the file is the same: the columns of LinliCase, the first timeline
 * entry, the same changes told (test-case-csv.c compares the two). */

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
 * @values, its first timeline entry included. Times are in the local zone,
 * as g_date_time_new_from_unix_local() has them. For many cases, call it
 * inside linli_store_begin_batch(): each call is otherwise a transaction
 * of its own.
 */
gboolean
linli_case_bulk_insert (LinliStore             *store,
                        const LinliCaseValues  *values,
                        gint64                 *id,
                        GError                **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  char reported_at[LINLI_RECORD_SQL_TIME_SIZE];
  char due_at[LINLI_RECORD_SQL_TIME_SIZE];
  char resolved_at[LINLI_RECORD_SQL_TIME_SIZE];
  char revisited_at[LINLI_RECORD_SQL_TIME_SIZE];
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (!linli_store_begin (store, error))
    return FALSE;

  ok = (stmt = linli_store_prepare_static (store, insert_sql, error)) != NULL;
  if (ok)
    {
      zone = g_time_zone_new_local ();
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
      bind_time (stmt, 17, zone, values->reported_at, reported_at);
      bind_time (stmt, 18, zone, values->due_at, due_at);
      bind_enum (stmt, 19, LINLI_TYPE_CASE_STATUS, values->status);
      bind_enum (stmt, 20, LINLI_TYPE_RESOLUTION_LEVEL, values->resolution_level);
      bind_text (stmt, 21, values->resolution);
      bind_time (stmt, 22, zone, values->resolved_at, resolved_at);
      bind_enum (stmt, 23, LINLI_TYPE_SATISFACTION, values->satisfaction);
      bind_time (stmt, 24, zone, values->revisited_at, revisited_at);
      bind_text (stmt, 25, values->revisit_notes);
      bind_ref (stmt, 26, values->duplicate_of);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = linli_store_fail (store, sqlite3_errcode (linli_store_get_db (store)), error);
    }
  if (ok)
    {
      gint64 new_id = sqlite3_last_insert_rowid (linli_store_get_db (store));

      /* A case without a reported time was refused above. */
      ok = linli_case_timeline_record_new (store, new_id, reported_at, values->status, error);
      if (ok)
        {
          linli_store_note_change (store, LINLI_TYPE_CASE, LINLI_CHANGE_INSERTED, new_id);
          *id = new_id;
        }
    }

  if (!ok)
    {
      linli_store_rollback (store);
      return FALSE;
    }
  if (!linli_store_commit (store, error))
    {
      *id = 0;
      return FALSE;
    }
  return TRUE;
}
