/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-grid-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-grid-index.h"
#include "linli-grid-store.h"
#include "linli-store-private.h"

/* The tables whose rows have a point and a grid, and whether a person set
 * the grid by hand: a case says so (grid_overridden); an activity or an
 * outreach event whose grid is not the one its point lay in did too. */
static const struct {
  GType      (*get_type) (void);
  const char  *table;
  const char  *overridden;
} placed[] = {
  { linli_case_get_type, "case_record", "grid_overridden" },
  { linli_activity_get_type, "activity", "0" },
  { linli_outreach_get_type, "outreach", "0" },
};

/* Every management grid with an outline, as they are now. */
static LinliGridIndex *
index_grids (LinliStore *store)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  LinliGridIndex *index = linli_grid_index_new ();

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *geojson = linli_record_get_text (grid, "boundary");
      LinliGeometry *geometry;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT || geojson == NULL)
        continue;
      geometry = linli_geometry_parse (geojson, NULL);
      if (geometry == NULL)
        continue;
      linli_grid_index_add (index, linli_record_get_id (grid), LINLI_GRID_KIND_MANAGEMENT, geometry);
      linli_geometry_free (geometry);
    }
  return index;
}

/* Moves the records whose point lay in one grid under @before and lies in
 * another now, unless a person chose their grid. */
static gboolean
regrid (LinliStore      *store,
        LinliGridIndex  *before,
        guint           *n_moved,
        GError         **error)
{
  g_autoptr(LinliGridIndex) after = index_grids (store);

  for (guint t = 0; t < G_N_ELEMENTS (placed); t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT id, lon, lat, coalesce(grid_id, 0), %s FROM %s"
                                                 " WHERE lat IS NOT NULL AND lon IS NOT NULL",
                                                 placed[t].overridden, placed[t].table);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET grid_id = nullif(?1, 0) WHERE id = ?2", placed[t].table);
      g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt = linli_store_prepare (store, select, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          double lon = sqlite3_column_double (stmt, 1);
          double lat = sqlite3_column_double (stmt, 2);
          gint64 grid = sqlite3_column_int64 (stmt, 3);
          gboolean by_hand = sqlite3_column_int (stmt, 4) != 0;
          gint64 was = linli_grid_index_lookup (before, LINLI_GRID_KIND_MANAGEMENT, lon, lat);
          gint64 now = linli_grid_index_lookup (after, LINLI_GRID_KIND_MANAGEMENT, lon, lat);

          if (by_hand || was == now || grid == now || (grid != was && grid != 0))
            continue;
          g_array_append_val (moves, id);
          g_array_append_val (moves, now);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return linli_store_fail (store, rc, error);

      for (guint i = 0; i < moves->len; i += 2)
        {
          if (!(stmt = linli_store_prepare (store, update, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (moves, gint64, i + 1));
          sqlite3_bind_int64 (stmt, 2, g_array_index (moves, gint64, i));
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return linli_store_fail (store, rc, error);
        }
      if (moves->len > 0)
        linli_store_note_change (store, placed[t].get_type (), LINLI_CHANGE_RESET, 0);
      *n_moved += moves->len / 2;
    }
  return TRUE;
}

/**
 * linli_grid_save:
 * @grid: a new grid (id 0) or a stored one, as it is to be written
 * @n_moved: (out) (optional): how many cases, activities and outreach
 *   events changed grid
 *
 * Writes @grid; where its outline is new or changed, the cases, activities
 * and outreach events whose point lies in it, or left it, take the grid
 * their point lies in now, except where a person chose their grid. All in
 * one transaction.
 */
gboolean
linli_grid_save (LinliStore   *store,
                 LinliRecord  *grid,
                 guint        *n_moved,
                 GError      **error)
{
  g_autoptr(LinliGridIndex) before = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  gboolean is_new, ok, outline_changed;
  guint moved = 0;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_GRID (grid), FALSE);

  if (n_moved != NULL)
    *n_moved = 0;
  if (!linli_store_begin (store, error))
    return FALSE;
  is_new = linli_record_get_id (grid) == 0;
  if (!is_new)
    stored = linli_store_get (store, LINLI_TYPE_GRID, linli_record_get_id (grid), NULL);
  outline_changed = stored == NULL ||
                    g_strcmp0 (linli_record_get_text (stored, "boundary"), linli_record_get_text (grid, "boundary")) != 0 ||
                    linli_record_get_enum (stored, "kind") != linli_record_get_enum (grid, "kind");
  if (outline_changed)
    before = index_grids (store);
  if (is_new)
    ok = linli_store_insert (store, grid, error);
  else if (stored == NULL)
    ok = linli_store_restore (store, grid, error);
  else
    ok = linli_store_update (store, grid, error);
  ok = ok && (!outline_changed || regrid (store, before, &moved, error));
  if (!ok)
    {
      linli_store_rollback (store);
      if (is_new)
        linli_record_set_id (grid, 0);
      return FALSE;
    }
  if (!linli_store_commit (store, error))
    return FALSE;
  if (n_moved != NULL)
    *n_moved = moved;
  return TRUE;
}

static guint
count (LinliStore *store,
       const char *table,
       gint64      grid_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE grid_id = ?1", table);
  sqlite3_stmt *stmt = linli_store_prepare (store, sql, NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, grid_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * linli_grid_count_contents:
 *
 * Counts the records that name the grid @grid_id: what deleting it would
 * leave without a grid.
 */
void
linli_grid_count_contents (LinliStore        *store,
                           gint64             grid_id,
                           LinliGridContents *contents)
{
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (contents != NULL);

  contents->cases = count (store, "case_record", grid_id);
  contents->activities = count (store, "activity", grid_id);
  contents->outreach = count (store, "outreach", grid_id);
  contents->buildings = count (store, "building", grid_id);
}

/**
 * linli_grid_describe_deletion:
 *
 * Returns: (transfer full): what deleting @grid does, to say before it
 *   is done
 */
char *
linli_grid_describe_deletion (LinliRecord             *grid,
                              const LinliGridContents *contents)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LINLI_IS_GRID (grid), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  if (contents->cases + contents->activities + contents->outreach + contents->buildings == 0)
    g_string_append (text, _("No case, activity, outreach event or building is in this grid."));
  else
    g_string_append_printf (text, _("Cases: %u · Activities: %u · Outreach events: %u · Buildings: %u. "
                                    "They are kept, in no grid, and can be given another grid."),
                            contents->cases, contents->activities, contents->outreach, contents->buildings);
  {
    g_autofree char *first = g_string_free (text, FALSE);
    /* TRANSLATORS: two sentences one after the other */
    return g_strdup_printf (C_("sentences", "%s %s"), first,
                            _("Its workers no longer serve it. Undo puts it all back."));
  }
}

struct _LinliGridDeletion
{
  LinliRecord *grid;
  GArray      *ids[G_N_ELEMENTS (placed) + 1];  /* per table of placed, then buildings */
};

static const char *
table_of (guint t)
{
  return t < G_N_ELEMENTS (placed) ? placed[t].table : "building";
}

/**
 * linli_grid_delete:
 *
 * Deletes the grid @grid_id. The cases, activities, outreach events and
 * buildings in it lose their grid; its workers no longer serve it.
 *
 * Returns: (transfer full) (nullable): what linli_grid_deletion_undo()
 *   needs to put it all back, or %NULL on error
 */
LinliGridDeletion *
linli_grid_delete (LinliStore  *store,
                   gint64       grid_id,
                   GError     **error)
{
  g_autoptr(LinliGridDeletion) deletion = g_new0 (LinliGridDeletion, 1);

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  if (!linli_store_begin (store, error))
    return NULL;
  deletion->grid = linli_store_get (store, LINLI_TYPE_GRID, grid_id, error);
  if (deletion->grid == NULL)
    {
      linli_store_rollback (store);
      return NULL;
    }
  for (guint t = 0; t < G_N_ELEMENTS (deletion->ids); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE grid_id = ?1", table_of (t));
      sqlite3_stmt *stmt = linli_store_prepare (store, sql, error);

      deletion->ids[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (stmt == NULL)
        {
          linli_store_rollback (store);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, grid_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (deletion->ids[t], id);
        }
      sqlite3_reset (stmt);
    }
  /* The schema's ON DELETE SET NULL takes the grid off the records. */
  if (!linli_store_delete (store, deletion->grid, error))
    {
      linli_store_rollback (store);
      return NULL;
    }
  linli_store_note_change (store, LINLI_TYPE_WORKER, LINLI_CHANGE_RESET, 0);
  linli_store_note_change (store, LINLI_TYPE_BUILDING, LINLI_CHANGE_RESET, 0);
  for (guint t = 0; t < G_N_ELEMENTS (placed); t++)
    linli_store_note_change (store, placed[t].get_type (), LINLI_CHANGE_RESET, 0);
  if (!linli_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&deletion);
}

/**
 * linli_grid_deletion_undo:
 *
 * Puts back the grid @deletion deleted, with its workers, and gives its
 * records their grid again — those a person gave another grid meanwhile
 * keep it.
 */
gboolean
linli_grid_deletion_undo (LinliStore         *store,
                          LinliGridDeletion  *deletion,
                          GError            **error)
{
  gint64 grid_id;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  grid_id = linli_record_get_id (deletion->grid);
  if (!linli_store_begin (store, error))
    return FALSE;
  if (!linli_store_restore (store, deletion->grid, error))
    {
      linli_store_rollback (store);
      return FALSE;
    }
  for (guint t = 0; t < G_N_ELEMENTS (deletion->ids); t++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET grid_id = ?1 WHERE id = ?2 AND grid_id IS NULL",
                                              table_of (t));
      for (guint i = 0; i < deletion->ids[t]->len; i++)
        {
          sqlite3_stmt *stmt = linli_store_prepare (store, sql, error);
          int rc;

          if (stmt == NULL)
            {
              linli_store_rollback (store);
              return FALSE;
            }
          sqlite3_bind_int64 (stmt, 1, grid_id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (deletion->ids[t], gint64, i));
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              linli_store_fail (store, rc, error);
              linli_store_rollback (store);
              return FALSE;
            }
        }
    }
  linli_store_note_change (store, LINLI_TYPE_WORKER, LINLI_CHANGE_RESET, 0);
  linli_store_note_change (store, LINLI_TYPE_BUILDING, LINLI_CHANGE_RESET, 0);
  for (guint t = 0; t < G_N_ELEMENTS (placed); t++)
    linli_store_note_change (store, placed[t].get_type (), LINLI_CHANGE_RESET, 0);
  return linli_store_commit (store, error);
}

const char *
linli_grid_deletion_get_name (LinliGridDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);
  return linli_record_get_text (deletion->grid, "name");
}

void
linli_grid_deletion_free (LinliGridDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_clear_object (&deletion->grid);
  for (guint t = 0; t < G_N_ELEMENTS (deletion->ids); t++)
    g_clear_pointer (&deletion->ids[t], g_array_unref);
  g_free (deletion);
}
