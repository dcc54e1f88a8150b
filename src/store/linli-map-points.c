/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-points"

#include "config.h"

#include "linli-map-points.h"
#include "linli-store-private.h"

/* Running: the statuses whose due time counts, as linli_case_deadline(). */
#define POINTS_SQL \
  "SELECT 0, c.id, coalesce (c.lat, b.lat), coalesce (c.lon, b.lon), c.status," \
  "       c.status IN ('registered', 'assigned', 'in-progress', 'escalated')" \
  "         AND julianday (c.due_at) < julianday (?1)," \
  "       c.title, c.reported_at" \
  "  FROM case_record AS c LEFT JOIN building AS b ON b.id = c.building_id" \
  " WHERE coalesce (c.lat, b.lat) IS NOT NULL AND coalesce (c.lon, b.lon) IS NOT NULL" \
  " UNION ALL" \
  " SELECT 1, id, lat, lon, NULL, 0, name, NULL FROM building" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL" \
  " UNION ALL" \
  " SELECT 2, id, lat, lon, status, 0, title, start_at FROM activity" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL" \
  " UNION ALL" \
  " SELECT 3, id, lat, lon, NULL, 0, title, start_at FROM outreach" \
  "  WHERE lat IS NOT NULL AND lon IS NOT NULL"

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

/**
 * linli_map_points_load:
 * @now: the time "overdue" is measured against
 *
 * Returns: (transfer full) (element-type LinliMapPoint): every point, or
 *   %NULL with @error set
 */
GArray *
linli_map_points_load (LinliStore  *store,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr(GArray) points = NULL;
  g_autofree char *now_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = linli_store_prepare (store, POINTS_SQL, error);
  if (stmt == NULL)
    return NULL;
  /* The store's own format, as linli_case_query_apply() binds it. */
  now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);

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
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      linli_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/* Whether a change to records of @type can move, add or remove a point. */
gboolean
linli_map_points_is_source (GType type)
{
  return type == LINLI_TYPE_CASE || type == LINLI_TYPE_BUILDING ||
         type == LINLI_TYPE_ACTIVITY || type == LINLI_TYPE_OUTREACH;
}
