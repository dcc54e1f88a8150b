/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-building-store"

#include "config.h"

#include <math.h>

#include "linli-building-store.h"
#include "linli-geometry.h"
#include "linli-store-private.h"

/* The management grid whose outline holds the point, or 0. */
static gint64
locate (LinliStore *store,
        double      lat,
        double      lon)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *geojson = linli_record_get_text (grid, "boundary");
      g_autoptr(LinliGeometry) outline = NULL;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT || geojson == NULL)
        continue;
      outline = linli_geometry_parse (geojson, NULL);
      if (outline != NULL && linli_geometry_contains (outline, lon, lat))
        return linli_record_get_id (grid);
    }
  return 0;
}

/**
 * linli_building_save:
 * @building: a new building (id 0) or a stored one
 *
 * Writes @building. One with a place takes the management grid it stands
 * in, when there is one; one without keeps the grid it was given.
 */
gboolean
linli_building_save (LinliStore   *store,
                     LinliRecord  *building,
                     GError      **error)
{
  double lat, lon;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_BUILDING (building), FALSE);

  lat = linli_record_get_double (building, "lat");
  lon = linli_record_get_double (building, "lon");
  if (isfinite (lat) && isfinite (lon))
    {
      gint64 grid = locate (store, lat, lon);
      if (grid != 0)
        linli_record_set_int (building, "grid_id", grid);
    }
  if (linli_record_get_id (building) == 0)
    return linli_store_insert (store, building, error);
  return linli_store_update (store, building, error);
}

struct _LinliBuildingDeletion
{
  LinliRecord *building;
  GArray      *cases;  /* gint64: the cases that named it */
};

/**
 * linli_building_delete:
 *
 * Deletes a building; the cases that named it keep their address and
 * point, without the building.
 *
 * Returns: (transfer full) (nullable): what undoes it, or %NULL on error
 */
LinliBuildingDeletion *
linli_building_delete (LinliStore  *store,
                       gint64       building_id,
                       GError     **error)
{
  g_autoptr(LinliBuildingDeletion) deletion = g_new0 (LinliBuildingDeletion, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  deletion->cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!linli_store_begin (store, error))
    return NULL;
  deletion->building = linli_store_get (store, LINLI_TYPE_BUILDING, building_id, error);
  stmt = deletion->building ? linli_store_prepare (store, "SELECT id FROM case_record WHERE building_id = ?1", error) : NULL;
  if (stmt == NULL)
    {
      linli_store_rollback (store);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, building_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (deletion->cases, id);
    }
  sqlite3_reset (stmt);
  if (!linli_store_delete (store, deletion->building, error))
    {
      linli_store_rollback (store);
      return NULL;
    }
  if (deletion->cases->len > 0)
    linli_store_note_change (store, LINLI_TYPE_CASE, LINLI_CHANGE_RESET, 0);
  if (!linli_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&deletion);
}

/**
 * linli_building_deletion_undo:
 *
 * Puts the building back, and names it again on the cases that did and
 * have been given no other building meanwhile.
 */
gboolean
linli_building_deletion_undo (LinliStore             *store,
                              LinliBuildingDeletion  *deletion,
                              GError                **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  if (!linli_store_begin (store, error))
    return FALSE;
  if (!linli_store_restore (store, deletion->building, error))
    {
      linli_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < deletion->cases->len; i++)
    {
      sqlite3_stmt *stmt = linli_store_prepare (store, "UPDATE case_record SET building_id = ?1"
                                                       " WHERE id = ?2 AND building_id IS NULL", error);
      int rc;

      if (stmt == NULL)
        {
          linli_store_rollback (store);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, linli_record_get_id (deletion->building));
      sqlite3_bind_int64 (stmt, 2, g_array_index (deletion->cases, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          linli_store_fail (store, rc, error);
          linli_store_rollback (store);
          return FALSE;
        }
    }
  if (deletion->cases->len > 0)
    linli_store_note_change (store, LINLI_TYPE_CASE, LINLI_CHANGE_RESET, 0);
  return linli_store_commit (store, error);
}

const char *
linli_building_deletion_get_name (LinliBuildingDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);
  return linli_record_get_text (deletion->building, "name");
}

void
linli_building_deletion_free (LinliBuildingDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_clear_object (&deletion->building);
  g_clear_pointer (&deletion->cases, g_array_unref);
  g_free (deletion);
}
