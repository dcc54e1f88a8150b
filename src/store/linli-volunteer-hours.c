/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-volunteer-hours"

#include "config.h"

#include "linli-store-private.h"
#include "linli-volunteer-hours.h"

/* The participations that count, of activities in a period: ?1 and ?2 are
 * its start and end (NULL for no limit), times as the store writes them. */
#define COUNTED \
  " FROM participation AS p JOIN activity AS a ON a.id = p.activity_id" \
  " WHERE a.status <> 'cancelled'" \
  " AND (?1 IS NULL OR julianday (a.start_at) >= julianday (?1))" \
  " AND (?2 IS NULL OR julianday (a.start_at) < julianday (?2))"

static char *
format_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static sqlite3_stmt *
prepare_period (LinliStore  *store,
                const char  *sql,
                GDateTime   *from,
                GDateTime   *until,
                GError     **error)
{
  sqlite3_stmt *stmt = linli_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    sqlite3_bind_text (stmt, 1, format_time (from), -1, g_free);
  if (until != NULL)
    sqlite3_bind_text (stmt, 2, format_time (until), -1, g_free);
  return stmt;
}

static gboolean
finish (LinliStore  *store,
        sqlite3_stmt *stmt,
        int           rc,
        GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return linli_store_fail (store, rc, error);
  return TRUE;
}

/**
 * linli_volunteer_hours_by_volunteer:
 * @from: (nullable): the first moment of the period
 * @until: (nullable): the moment after it
 *
 * Returns: (transfer full) (element-type gint64 LinliServiceTotal): the
 *   activities and hours of every volunteer who served in the period, by
 *   volunteer id (a pointer to a gint64); %NULL with @error set when the
 *   database could not be read
 */
GHashTable *
linli_volunteer_hours_by_volunteer (LinliStore  *store,
                                    GDateTime   *from,
                                    GDateTime   *until,
                                    GError     **error)
{
  g_autoptr(GHashTable) totals = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  stmt = prepare_period (store, "SELECT p.volunteer_id, count (DISTINCT p.activity_id), total (p.hours)"
                                COUNTED " GROUP BY p.volunteer_id", from, until, error);
  if (stmt == NULL)
    return NULL;
  totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LinliServiceTotal *total = g_new (LinliServiceTotal, 1);

      total->n_activities = (guint) sqlite3_column_int64 (stmt, 1);
      total->hours = sqlite3_column_double (stmt, 2);
      g_hash_table_insert (totals, g_memdup2 (&id, sizeof id), total);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&totals);
}

/**
 * linli_volunteer_hours_total:
 * @from: (nullable): the first moment of the period
 * @until: (nullable): the moment after it
 * @total: (out caller-allocates): the volunteer's activities and hours in it
 */
gboolean
linli_volunteer_hours_total (LinliStore        *store,
                             gint64             volunteer_id,
                             GDateTime         *from,
                             GDateTime         *until,
                             LinliServiceTotal *total,
                             GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  total->n_activities = 0;
  total->hours = 0;
  stmt = prepare_period (store, "SELECT count (DISTINCT p.activity_id), total (p.hours)"
                                COUNTED " AND p.volunteer_id = ?3", from, until, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, volunteer_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      total->n_activities = (guint) sqlite3_column_int64 (stmt, 0);
      total->hours = sqlite3_column_double (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  return finish (store, stmt, rc, error);
}

void
linli_service_free (LinliService *service)
{
  if (service == NULL)
    return;
  g_clear_object (&service->activity);
  g_free (service->role);
  g_free (service);
}

/**
 * linli_volunteer_list_service:
 * @from: (nullable): the first moment of the period
 * @until: (nullable): the moment after it
 *
 * Returns: (transfer container) (element-type LinliService): the activities
 *   the volunteer served in during the period, the latest first, with the
 *   role and hours of each; %NULL with @error set when the database could
 *   not be read
 */
GPtrArray *
linli_volunteer_list_service (LinliStore  *store,
                              gint64       volunteer_id,
                              GDateTime   *from,
                              GDateTime   *until,
                              GError     **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  stmt = prepare_period (store, "SELECT p.activity_id, p.role, p.hours" COUNTED " AND p.volunteer_id = ?3"
                                " ORDER BY a.start_at DESC, a.id DESC", from, until, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 3, volunteer_id);
  services = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_service_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliService *service = g_new0 (LinliService, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      service->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      service->hours = sqlite3_column_double (stmt, 2);
      g_array_append_val (ids, id);
      g_ptr_array_add (services, service);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;

  /* The activities after the statement is done: reading one uses another. */
  for (guint i = 0; i < services->len; i++)
    {
      LinliService *service = g_ptr_array_index (services, i);

      service->activity = linli_store_get (store, LINLI_TYPE_ACTIVITY, g_array_index (ids, gint64, i), error);
      if (service->activity == NULL)
        return NULL;
    }
  return g_steal_pointer (&services);
}

/**
 * linli_volunteer_query_apply:
 * @list: a list of volunteers
 * @from: (nullable): the first moment of the period
 * @until: (nullable): the moment after it
 * @served_only: show only who served in the period
 *
 * Orders the volunteers of @list by name, number, or their hours or
 * activities in the period.
 */
void
linli_volunteer_query_apply (LinliRecordList    *list,
                             GDateTime          *from,
                             GDateTime          *until,
                             gboolean            served_only,
                             LinliVolunteerSort  sort,
                             gboolean            descending)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *order = NULL;
  g_autofree char *from_text = format_time (from);
  g_autofree char *until_text = format_time (until);
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  const char *key;

  g_return_if_fail (LINLI_IS_RECORD_LIST (list));

  /* NULL text is SQL NULL: no limit. */
  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], from_text);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], until_text);

  switch (sort)
    {
    case LINLI_VOLUNTEER_SORT_NUMBER:
      key = "t.number";
      break;
    case LINLI_VOLUNTEER_SORT_HOURS:
      key = "(SELECT total (p.hours)" COUNTED " AND p.volunteer_id = t.id)";
      break;
    case LINLI_VOLUNTEER_SORT_ACTIVITIES:
      key = "(SELECT count (DISTINCT p.activity_id)" COUNTED " AND p.volunteer_id = t.id)";
      break;
    case LINLI_VOLUNTEER_SORT_NAME:
    default:
      key = "t.name";
      break;
    }
  order = g_strdup_printf ("%s IS NULL, %s %s, t.name %s, t.id %s",
                           key, key, direction, direction, direction);
  linli_record_list_set_query_values (list,
                                      served_only ? "EXISTS (SELECT 1" COUNTED " AND p.volunteer_id = t.id)" : NULL,
                                      order, values, 2);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
}

/* Hours as the office writes them: 2, 5.5. */
char *
linli_format_hours (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", hours));
}
