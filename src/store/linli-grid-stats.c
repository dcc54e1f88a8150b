/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-geometry.h"
#include "linli-grid-stats.h"
#include "linli-store-private.h"

#define RUNNING_STATUSES "'registered', 'assigned', 'in-progress', 'escalated'"

#define CASE_COLUMNS \
  "SELECT c.status," \
  "       c.status IN (" RUNNING_STATUSES ") AND julianday (c.due_at) < julianday (?2)," \
  "       julianday (c.reported_at) >= julianday (?3)," \
  "       c.resolution_level = 'grid'," \
  "       coalesce (c.lat, b.lat), coalesce (c.lon, b.lon)" \
  "  FROM case_record AS c LEFT JOIN building AS b ON b.id = c.building_id" \
  " WHERE c.status NOT IN ('void', 'duplicate') AND "

#define MANAGEMENT_SQL CASE_COLUMNS "c.grid_id = ?1"
/* The outline's box narrows the rows read; ?1 is bound but unused. */
#define SENTIMENT_SQL CASE_COLUMNS \
  "coalesce (c.lat, b.lat) BETWEEN ?4 AND ?5 AND coalesce (c.lon, b.lon) BETWEEN ?6 AND ?7"

#define WORKERS_SQL \
  "SELECT w.name FROM grid_worker AS gw JOIN worker AS w ON w.id = gw.worker_id" \
  " WHERE gw.grid_id = ?1 ORDER BY w.name, w.id"

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  /* The store's own format. */
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
load_workers (LinliStore     *store,
              gint64          grid_id,
              LinliGridStats *stats,
              GError        **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = linli_store_prepare (store, WORKERS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, grid_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return linli_store_fail (store, rc, error);
  stats->workers = g_strv_builder_end (names);
  return TRUE;
}

/**
 * linli_grid_stats_load:
 * @now: the time "overdue" and "this month" are measured against
 * @stats: (out caller-allocates): cleared with linli_grid_stats_clear()
 */
gboolean
linli_grid_stats_load (LinliStore      *store,
                       LinliGrid       *grid,
                       GDateTime       *now,
                       LinliGridStats  *stats,
                       GError         **error)
{
  LinliRecord *record = (LinliRecord *) grid;
  g_autoptr(LinliGeometry) outline = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) month = NULL;
  gboolean by_outline;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_GRID (grid), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  if (!load_workers (store, linli_record_get_id (record), stats, error))
    return FALSE;

  by_outline = linli_record_get_enum (record, "kind") == LINLI_GRID_KIND_SENTIMENT;
  if (by_outline && linli_record_get_text (record, "boundary") != NULL)
    outline = linli_geometry_parse (linli_record_get_text (record, "boundary"), NULL);
  if (by_outline && outline == NULL)
    return TRUE;   /* nowhere on the map, so no case is in it */

  stmt = linli_store_prepare (store, by_outline ? SENTIMENT_SQL : MANAGEMENT_SQL, error);
  if (stmt == NULL)
    {
      linli_grid_stats_clear (stats);
      return FALSE;
    }
  local = g_date_time_to_local (now);
  month = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local), 1, 0, 0, 0);
  sqlite3_bind_int64 (stmt, 1, linli_record_get_id (record));
  bind_time (stmt, 2, now);
  bind_time (stmt, 3, month);
  if (by_outline)
    {
      LinliBounds box = linli_geometry_get_bounds (outline);
      sqlite3_bind_double (stmt, 4, box.min_lat);
      sqlite3_bind_double (stmt, 5, box.max_lat);
      sqlite3_bind_double (stmt, 6, box.min_lon);
      sqlite3_bind_double (stmt, 7, box.max_lon);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      gboolean resolved = g_strcmp0 (status, "resolved") == 0 || g_strcmp0 (status, "revisited") == 0;

      if (by_outline && !linli_geometry_contains (outline, sqlite3_column_double (stmt, 5),
                                                  sqlite3_column_double (stmt, 4)))
        continue;
      stats->n_cases++;
      if (!resolved)
        stats->open++;
      stats->overdue += sqlite3_column_int (stmt, 1) != 0;
      stats->this_month += sqlite3_column_int (stmt, 2) != 0;
      if (resolved)
        {
          stats->resolved++;
          stats->resolved_in_grid += sqlite3_column_int (stmt, 3) != 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      linli_grid_stats_clear (stats);
      return linli_store_fail (store, rc, error);
    }
  return TRUE;
}

void
linli_grid_stats_clear (LinliGridStats *stats)
{
  g_return_if_fail (stats != NULL);
  g_clear_pointer (&stats->workers, g_strfreev);
}

double
linli_grid_stats_resolved_in_grid_share (const LinliGridStats *stats)
{
  g_return_val_if_fail (stats != NULL, NAN);
  return stats->resolved > 0 ? (double) stats->resolved_in_grid / stats->resolved : NAN;
}
