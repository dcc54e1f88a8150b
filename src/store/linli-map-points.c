/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-points"

#include "config.h"

#include "linli-map-points.h"
#include "linli-store-private.h"

/* Running: the statuses whose due time counts, as linli_case_deadline(). */
#define RUNNING "'registered', 'assigned', 'in-progress', 'escalated'"

/* ?1 now, ?2 the start of the period or NULL; WHERE narrows the cases. */
#define POINTS_SQL(WHERE) \
  "SELECT 0, c.id, coalesce (c.lat, b.lat), coalesce (c.lon, b.lon), c.status," \
  "       c.status IN (" RUNNING ") AND julianday (c.due_at) < julianday (?1)," \
  "       c.title, c.reported_at" \
  "  FROM case_record AS c LEFT JOIN building AS b ON b.id = c.building_id" \
  " WHERE coalesce (c.lat, b.lat) IS NOT NULL AND coalesce (c.lon, b.lon) IS NOT NULL" \
  "   AND (?2 IS NULL OR julianday (c.reported_at) >= julianday (?2)) AND " WHERE \
  " UNION ALL" \
  " SELECT 1, id, lat, lon, NULL, 0, name, NULL FROM building" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL" \
  " UNION ALL" \
  " SELECT 2, id, lat, lon, status, 0, title, start_at FROM activity" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL" \
  " UNION ALL" \
  " SELECT 3, id, lat, lon, NULL, 0, title, start_at FROM outreach" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL"

/* Indexed by LinliMapCases; the last is every case, void ones too. */
static const char * const points_sql[] = {
  POINTS_SQL ("c.status IN (" RUNNING ", 'suspended')"),
  POINTS_SQL ("c.status IN (" RUNNING ") AND julianday (c.due_at) < julianday (?1)"),
  POINTS_SQL ("c.status NOT IN ('void', 'duplicate')"),
  POINTS_SQL ("1"),
};

static const char * const cases_nicks[] = { "open", "overdue", "all" };
static const char * const period_nicks[] = { "any", "this-month", "this-quarter", "this-year" };

static void
point_clear (gpointer data)
{
  LinliMapPoint *point = data;

  g_clear_pointer (&point->title, g_free);
  g_clear_pointer (&point->at, g_free);
}

static int
status_of (GType       enum_type,
           const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL)
    return 0;
  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, nick);
  return value != NULL ? value->value : 0;
}

/* The start of @period in @now's local time, or NULL for any time. */
static GDateTime *
period_start (LinliMapPeriod  period,
              GDateTime      *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);

  switch (period)
    {
    case LINLI_MAP_PERIOD_THIS_MONTH:
      return g_date_time_new_local (year, month, 1, 0, 0, 0);
    case LINLI_MAP_PERIOD_THIS_QUARTER:
      return g_date_time_new_local (year, month - (month - 1) % 3, 1, 0, 0, 0);
    case LINLI_MAP_PERIOD_THIS_YEAR:
      return g_date_time_new_local (year, 1, 1, 0, 0, 0);
    case LINLI_MAP_PERIOD_ANY:
    default:
      return NULL;
    }
}

/* How many rows are read between two looks at the cancellable. */
#define CANCEL_CHECK_ROWS 4096

static GArray *
load (LinliStore      *store,
      GDateTime       *now,
      guint            sql,
      LinliMapPeriod   period,
      GCancellable    *cancellable,
      GError         **error)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GDateTime) since = period_start (period, now);
  g_autofree char *now_text = NULL;
  sqlite3_stmt *stmt;
  guint n_rows = 0;
  int rc;

  stmt = linli_store_prepare (store, points_sql[sql], error);
  if (stmt == NULL)
    return NULL;
  /* The store's own format, as linli_case_query_apply() binds it. */
  now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  if (since != NULL)
    {
      g_autofree char *since_text = g_date_time_format (since, "%Y-%m-%dT%H:%M:%S%:z");
      sqlite3_bind_text (stmt, 2, since_text, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 2);

  points = g_array_new (FALSE, TRUE, sizeof (LinliMapPoint));
  g_array_set_clear_func (points, point_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliMapPoint point = { 0, };
      const char *status = (const char *) sqlite3_column_text (stmt, 4);

      point.kind = sqlite3_column_int (stmt, 0);
      point.id = sqlite3_column_int64 (stmt, 1);
      point.lat = sqlite3_column_double (stmt, 2);
      point.lon = sqlite3_column_double (stmt, 3);
      if (point.kind == LINLI_MAP_POINT_CASE)
        point.status = status_of (LINLI_TYPE_CASE_STATUS, status);
      else if (point.kind == LINLI_MAP_POINT_ACTIVITY)
        point.status = status_of (LINLI_TYPE_ACTIVITY_STATUS, status);
      point.overdue = sqlite3_column_int (stmt, 5) != 0;
      point.title = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      point.at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_array_append_val (points, point);
      if (++n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      linli_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/**
 * linli_map_points_load:
 * @now: the time "overdue" is measured against
 *
 * Every point, every case among them whatever its status.
 *
 * Returns: (transfer full) (element-type LinliMapPoint): every point, or
 *   %NULL with @error set
 */
GArray *
linli_map_points_load (LinliStore  *store,
                       GDateTime   *now,
                       GError     **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return load (store, now, G_N_ELEMENTS (points_sql) - 1, LINLI_MAP_PERIOD_ANY, NULL, error);
}

/**
 * linli_map_points_load_cases:
 * @now: the time "overdue" and the period are measured against
 * @cases: which cases
 * @period: reported when
 *
 * What the map draws: the cases @cases and @period choose (the rows not
 * chosen are never read), and every other point.
 *
 * Returns: (transfer full) (element-type LinliMapPoint): the points, or
 *   %NULL with @error set
 */
GArray *
linli_map_points_load_cases (LinliStore      *store,
                             GDateTime       *now,
                             LinliMapCases    cases,
                             LinliMapPeriod   period,
                             GError         **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (cases < LINLI_MAP_CASES_N, NULL);
  g_return_val_if_fail (period < LINLI_MAP_PERIOD_N, NULL);

  return load (store, now, cases, period, NULL, error);
}

typedef struct
{
  char           *path;
  GDateTime      *now;
  LinliMapCases   cases;
  LinliMapPeriod  period;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_date_time_unref (job->now);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  g_autoptr(LinliStore) snapshot = NULL;
  GArray *points = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* One moment of the file, whatever the window writes meanwhile. */
  snapshot = linli_store_open_full (job->path, LINLI_STORE_OPEN_SNAPSHOT, &error);
  if (snapshot != NULL && linli_store_begin_read (snapshot, &error))
    {
      points = load (snapshot, job->now, job->cases, job->period, cancellable, &error);
      linli_store_rollback (snapshot);
    }
  if (points != NULL)
    g_task_return_pointer (task, points, (GDestroyNotify) g_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * linli_map_points_load_cases_async:
 * @store: the store in use; the points are read from a snapshot of its file
 *   on a connection of the thread's own
 * @now: the time "overdue" and the period are measured against
 * @cases: which cases
 * @period: reported when
 *
 * linli_map_points_load_cases() in a thread, so that a large file never
 * holds up the window. Cancelled, it finishes with %G_IO_ERROR_CANCELLED
 * even when the points were read.
 */
void
linli_map_points_load_cases_async (LinliStore          *store,
                                   GDateTime           *now,
                                   LinliMapCases        cases,
                                   LinliMapPeriod       period,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (linli_store_get_path (store) != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (cases < LINLI_MAP_CASES_N);
  g_return_if_fail (period < LINLI_MAP_PERIOD_N);

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (linli_store_get_path (store));
  job->now = g_date_time_ref (now);
  job->cases = cases;
  job->period = period;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, linli_map_points_load_cases_async);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * linli_map_points_load_cases_finish:
 *
 * Returns: (transfer full) (element-type LinliMapPoint): the points, or
 *   %NULL with @error set
 */
GArray *
linli_map_points_load_cases_finish (LinliStore    *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * linli_map_points_case_shown:
 * @status: a #LinliCaseStatus
 * @overdue: whether it runs past its due time at @now
 *
 * Whether linli_map_points_load_cases() reads a case: the same rule, for
 * what counts cases as the map draws them (and for tests).
 */
gboolean
linli_map_points_case_shown (LinliMapCases   cases,
                             LinliMapPeriod  period,
                             GDateTime      *now,
                             int             status,
                             gboolean        overdue,
                             GDateTime      *reported_at)
{
  g_autoptr(GDateTime) since = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  since = period_start (period, now);
  if (since != NULL && (reported_at == NULL || g_date_time_compare (reported_at, since) < 0))
    return FALSE;
  switch (cases)
    {
    case LINLI_MAP_CASES_OPEN:
      return linli_case_status_is_open (status);
    case LINLI_MAP_CASES_OVERDUE:
      return overdue;
    case LINLI_MAP_CASES_ALL:
    default:
      return status != LINLI_CASE_STATUS_VOID && status != LINLI_CASE_STATUS_DUPLICATE;
    }
}

static int
index_of (const char * const *nicks,
          guint               n,
          const char         *nick)
{
  for (guint i = 0; nick != NULL && i < n; i++)
    if (g_str_equal (nicks[i], nick))
      return i;
  return -1;
}

const char *
linli_map_cases_to_nick (LinliMapCases cases)
{
  g_return_val_if_fail (cases < LINLI_MAP_CASES_N, NULL);
  return cases_nicks[cases];
}

int
linli_map_cases_from_nick (const char *nick)
{
  return index_of (cases_nicks, G_N_ELEMENTS (cases_nicks), nick);
}

const char *
linli_map_period_to_nick (LinliMapPeriod period)
{
  g_return_val_if_fail (period < LINLI_MAP_PERIOD_N, NULL);
  return period_nicks[period];
}

int
linli_map_period_from_nick (const char *nick)
{
  return index_of (period_nicks, G_N_ELEMENTS (period_nicks), nick);
}

guint
linli_map_case_rank (int      status,
                     gboolean overdue)
{
  if (overdue)
    return LINLI_MAP_CASE_RANK_OVERDUE;
  switch (status)
    {
    case LINLI_CASE_STATUS_ESCALATED:   return 1;
    case LINLI_CASE_STATUS_REGISTERED:  return 2;
    case LINLI_CASE_STATUS_ASSIGNED:    return 3;
    case LINLI_CASE_STATUS_IN_PROGRESS: return 4;
    case LINLI_CASE_STATUS_SUSPENDED:   return 5;
    case LINLI_CASE_STATUS_RESOLVED:    return 6;
    case LINLI_CASE_STATUS_REVISITED:   return 7;
    case LINLI_CASE_STATUS_VOID:
    case LINLI_CASE_STATUS_DUPLICATE:
    default:                            return 8;
    }
}

/* Whether a change to records of @type can move, add or remove a point. */
gboolean
linli_map_points_is_source (GType type)
{
  return type == LINLI_TYPE_CASE || type == LINLI_TYPE_BUILDING ||
         type == LINLI_TYPE_ACTIVITY || type == LINLI_TYPE_OUTREACH;
}
