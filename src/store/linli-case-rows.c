/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-rows"

#include "config.h"

#include <string.h>

#include "linli-case-rows.h"
#include "linli-store-private.h"

/* The ids to read go into a table of the connection's own temporary
 * database with their positions, and one join reads the cases in that
 * order. A list of 100,000 cases is read in one pass.
 *
 * A list in the order of the ids, or its reverse, the case list's own
 * order while cases are entered as they come, is read without that
 * table: one walk along the cases' B-tree between its first and last id,
 * the cases the list leaves out passed over, rather than a search of the
 * B-tree for each case. Done so only when the list holds at least half of
 * the ids in that range, so that little is passed over.
 *
 * The pass reads each page of the cases once, so it goes through a small
 * page cache: the store's 64 MiB, filled with pages never read again, cost
 * the export of 100,000 cases more than a third of its time in memory
 * the kernel had to hand over and clear. */

/* In KiB, as a negative PRAGMA cache_size has it: the pages of the
 * statement's four B-trees on their way down, with room to spare. */
#define SCAN_CACHE_KIB 4096

#define CREATE_ORDER "CREATE TEMP TABLE IF NOT EXISTS case_rows_order (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL)"
#define CLEAR_ORDER  "DELETE FROM temp.case_rows_order"
#define INSERT_ORDER "INSERT INTO temp.case_rows_order (pos, id) VALUES (?1, ?2)"

/* In the order of LinliCaseRowColumn, then the case's id. */
#define SELECT_COLUMNS \
  "SELECT c.number, c.title, c.description, c.category, c.subcategory, c.source," \
  " r.name, r.phone, c.building_id, c.address, c.grid_id, c.urgency, c.worker_id," \
  " c.responsible_unit, c.reported_at, c.due_at, c.status, c.resolution_level," \
  " c.resolution, c.resolved_at, c.satisfaction, c.revisited_at, c.revisit_notes, o.number, c.id"
#define JOIN_NAMES \
  " LEFT JOIN resident AS r ON r.id = c.reporter_id" \
  " LEFT JOIN case_record AS o ON o.id = c.duplicate_of"
#define COLUMN_ID LINLI_N_CASE_ROW_COLUMNS

#define SELECT_ROWS \
  SELECT_COLUMNS \
  " FROM temp.case_rows_order AS e" \
  " JOIN case_record AS c ON c.id = e.id" \
  JOIN_NAMES \
  " ORDER BY e.pos"
/* ?1 and ?2: the least and the greatest id. */
#define SELECT_RANGE \
  SELECT_COLUMNS " FROM case_record AS c" JOIN_NAMES " WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id"
#define SELECT_RANGE_DESCENDING SELECT_RANGE " DESC"

struct _LinliCaseRows
{
  LinliStore   *store;
  sqlite3_stmt *select;
  gint64        cache_size;   /* the connection's, put back when done */
  gint64       *ids;          /* walking a range: the ids asked for, in its order */
  guint         n_ids;
  guint         next_id;      /* the first of them not met yet */
  gboolean      descending;
  gboolean      done;
};

static gboolean
exec (LinliStore  *store,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (linli_store_get_db (store), sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || linli_store_fail (store, rc, error);
}

static gint64
get_cache_size (LinliStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 size = 0;

  if (sqlite3_prepare_v2 (linli_store_get_db (store), "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static void
set_cache_size (LinliStore *store,
                gint64      size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  exec (store, sql, NULL);
}

/* Whether @ids go up, or down, one by one, and are at least half of the
 * ids from the first to the last. */
static gboolean
is_dense_run (const gint64 *ids,
              guint         n_ids,
              gboolean     *descending)
{
  gint64 span;

  if (n_ids < 2)
    return FALSE;
  *descending = ids[0] > ids[n_ids - 1];
  for (guint i = 1; i < n_ids; i++)
    if (*descending ? ids[i] >= ids[i - 1] : ids[i] <= ids[i - 1])
      return FALSE;
  span = *descending ? ids[0] - ids[n_ids - 1] : ids[n_ids - 1] - ids[0];
  return span / 2 < n_ids;
}

static gboolean
fill_order (LinliStore    *store,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  sqlite3 *db = linli_store_get_db (store);
  /* One transaction of the temporary database for all the ids, unless a
   * transaction is open already. */
  gboolean own_transaction = sqlite3_get_autocommit (db);
  sqlite3_stmt *insert;

  if (!exec (store, CREATE_ORDER, error) ||
      !exec (store, CLEAR_ORDER, error) ||
      (own_transaction && !exec (store, "SAVEPOINT case_rows", error)))
    return FALSE;

  insert = linli_store_prepare (store, INSERT_ORDER, error);
  for (guint i = 0; insert != NULL && i < n_ids; i++)
    {
      sqlite3_bind_int64 (insert, 1, i);
      sqlite3_bind_int64 (insert, 2, ids[i]);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          linli_store_fail (store, sqlite3_errcode (db), error);
          insert = NULL;
          break;
        }
      sqlite3_reset (insert);
    }

  if (own_transaction)
    exec (store, insert != NULL ? "RELEASE case_rows" : "ROLLBACK TO case_rows; RELEASE case_rows", NULL);
  return insert != NULL;
}

/**
 * linli_case_rows_new:
 * @ids: (array length=n_ids): the cases to read, in the order to read them
 *
 * Starts reading the cases @ids as plain values: call
 * linli_case_rows_next() for each. Ids of cases that are not stored are
 * skipped. Nothing else may use the store's connection until the rows are
 * freed.
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 */
LinliCaseRows *
linli_case_rows_new (LinliStore    *store,
                     const gint64  *ids,
                     guint          n_ids,
                     GError       **error)
{
  LinliCaseRows *self;
  sqlite3_stmt *select;
  gboolean descending = FALSE;
  gboolean range;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  range = is_dense_run (ids, n_ids, &descending);
  if (range)
    {
      select = linli_store_prepare (store, descending ? SELECT_RANGE_DESCENDING : SELECT_RANGE, error);
      if (select == NULL)
        return NULL;
      sqlite3_bind_int64 (select, 1, descending ? ids[n_ids - 1] : ids[0]);
      sqlite3_bind_int64 (select, 2, descending ? ids[0] : ids[n_ids - 1]);
    }
  else if (!fill_order (store, ids, n_ids, error) ||
           !(select = linli_store_prepare (store, SELECT_ROWS, error)))
    return NULL;

  self = g_new0 (LinliCaseRows, 1);
  self->store = g_object_ref (store);
  self->select = select;
  if (range)
    {
      self->ids = g_memdup2 (ids, n_ids * sizeof *ids);
      self->n_ids = n_ids;
      self->descending = descending;
    }
  self->cache_size = get_cache_size (store);
  set_cache_size (store, -SCAN_CACHE_KIB);
  return self;
}

/**
 * linli_case_rows_next:
 *
 * Moves to the next case.
 *
 * Returns: %TRUE when there is one; %FALSE at the end, or with @error set
 */
gboolean
linli_case_rows_next (LinliCaseRows  *self,
                      GError        **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->done)
    return FALSE;
  while ((rc = sqlite3_step (self->select)) == SQLITE_ROW)
    {
      gint64 id;

      if (self->ids == NULL)
        return TRUE;
      /* Walking a range: the ids asked for that are not stored are passed
       * over, and so are the cases not asked for. */
      id = sqlite3_column_int64 (self->select, COLUMN_ID);
      while (self->next_id < self->n_ids &&
             (self->descending ? self->ids[self->next_id] > id : self->ids[self->next_id] < id))
        self->next_id++;
      if (self->next_id == self->n_ids)
        {
          rc = SQLITE_DONE;
          break;
        }
      if (self->ids[self->next_id] == id)
        {
          self->next_id++;
          return TRUE;
        }
    }
  self->done = TRUE;
  if (rc != SQLITE_DONE)
    linli_store_fail (self->store, rc, error);
  return FALSE;
}

/**
 * linli_case_rows_get_text:
 *
 * Returns: (nullable): the value of @column in the current row, valid until
 *   the next call of linli_case_rows_next()
 */
const char *
linli_case_rows_get_text (LinliCaseRows      *self,
                          LinliCaseRowColumn  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < LINLI_N_CASE_ROW_COLUMNS, NULL);

  return (const char *) sqlite3_column_text (self->select, column);
}

/**
 * linli_case_rows_get_int:
 *
 * Returns: the value of @column in the current row, 0 for none
 */
gint64
linli_case_rows_get_int (LinliCaseRows      *self,
                         LinliCaseRowColumn  column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < LINLI_N_CASE_ROW_COLUMNS, 0);

  return sqlite3_column_int64 (self->select, column);
}

void
linli_case_rows_free (LinliCaseRows *self)
{
  if (self == NULL)
    return;
  sqlite3_reset (self->select);
  /* The ids are not kept for longer than the reading. */
  if (self->ids == NULL)
    exec (self->store, CLEAR_ORDER, NULL);
  g_free (self->ids);
  set_cache_size (self->store, self->cache_size);
  g_object_unref (self->store);
  g_free (self);
}

static gboolean
digits (const char *text,
        int         n,
        int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's algorithm). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  int yoe = (int) (y - era * 400);
  int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * linli_parse_stored_time:
 * @text: (nullable): a time as the store writes it, or any ISO 8601 time
 * @unix_time: (out): set to the time in seconds since 1970 (UTC)
 *
 * Returns: whether @text is a time
 */
gboolean
linli_parse_stored_time (const char *text,
                         gint64     *unix_time)
{
  int year, month, day, hour, minute, second, oh, om;
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL)
    return FALSE;
  /* "2026-03-03T09:30:00+08:00", read directly. */
  if (strlen (text) == 25 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && (text[19] == '+' || text[19] == '-') && text[22] == ':' &&
      digits (text, 4, &year) && digits (text + 5, 2, &month) && digits (text + 8, 2, &day) &&
      digits (text + 11, 2, &hour) && digits (text + 14, 2, &minute) && digits (text + 17, 2, &second) &&
      digits (text + 20, 2, &oh) && digits (text + 23, 2, &om) &&
      month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60)
    {
      int offset = (oh * 3600 + om * 60) * (text[19] == '-' ? -1 : 1);

      *unix_time = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
      return TRUE;
    }
  if ((parsed = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (parsed);
  return TRUE;
}
