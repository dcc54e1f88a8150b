/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "linli-building-store.h"
#include "linli-grid-store.h"
#include "linli-store.h"
#include "test-util.h"

/* Deleting a grid and undoing it, with what happens to the records in it;
 * and records that follow a grid's outline when it changes, except where
 * a person chose their grid. */

static char *
square (double west,
        double south,
        double size)
{
  return g_strdup_printf ("{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                          west, south, west + size, south, west + size, south + size, west, south + size, west, south);
}

static LinliRecord *
add_grid (LinliStore *store,
          const char *code,
          double      west)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = square (west, 35.40, 0.01);
  LinliRecord *grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", code);
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_text (grid, "boundary", outline);
  g_assert_true (linli_grid_save (store, grid, NULL, &error));
  g_assert_no_error (error);
  return grid;
}

static LinliRecord *
add_case (LinliStore  *store,
          const char  *number,
          double       lon,
          LinliRecord *grid,
          gboolean     by_hand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  LinliRecord *kase = linli_record_new (LINLI_TYPE_CASE);

  linli_record_set_text (kase, "number", number);
  linli_record_set_text (kase, "title", "楼道灯不亮");
  linli_record_set_text (kase, "category", "水电维修");
  linli_record_set_text (kase, "source", "网格巡查");
  linli_record_set_datetime (kase, "reported_at", now);
  linli_record_set_enum (kase, "status", LINLI_CASE_STATUS_REGISTERED);
  linli_record_set_double (kase, "lon", lon);
  linli_record_set_double (kase, "lat", 35.405);
  linli_record_set_int (kase, "grid_id", grid ? linli_record_get_id (grid) : 0);
  linli_record_set_bool (kase, "grid_overridden", by_hand);
  g_assert_true (linli_store_insert (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static gint64
grid_of (LinliStore  *store,
         GType        type,
         LinliRecord *record)
{
  g_autoptr(LinliRecord) stored = linli_store_get (store, type, linli_record_get_id (record), NULL);
  return linli_record_get_int (stored, "grid_id");
}

static void
test_delete_and_undo (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) one = NULL;
  g_autoptr(LinliRecord) two = NULL;
  g_autoptr(LinliRecord) kase = NULL;
  g_autoptr(LinliRecord) other = NULL;
  g_autoptr(LinliRecord) building = NULL;
  g_autoptr(LinliRecord) activity = NULL;
  g_autoptr(LinliRecord) worker = NULL;
  g_autoptr(LinliGridDeletion) deletion = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  LinliGridContents contents;
  gint64 one_id;

  test_database_open (&db, "grid-store");
  one = add_grid (db.store, "W-01", 116.58);
  two = add_grid (db.store, "W-02", 116.59);
  one_id = linli_record_get_id (one);
  kase = add_case (db.store, "2026-0001", 116.585, one, FALSE);
  other = add_case (db.store, "2026-0002", 116.595, two, FALSE);

  building = linli_record_new (LINLI_TYPE_BUILDING);
  linli_record_set_text (building, "name", "3号楼");
  linli_record_set_int (building, "grid_id", one_id);
  g_assert_true (linli_store_insert (db.store, building, &error));
  activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  linli_record_set_text (activity, "title", "学雷锋");
  linli_record_set_text (activity, "type", "学雷锋");
  linli_record_set_datetime (activity, "start_at", now);
  linli_record_set_enum (activity, "status", LINLI_ACTIVITY_STATUS_PLANNED);
  linli_record_set_int (activity, "grid_id", one_id);
  g_assert_true (linli_store_insert (db.store, activity, &error));
  worker = linli_record_new (LINLI_TYPE_WORKER);
  linli_record_set_text (worker, "name", "张蕾");
  linli_record_set_enum (worker, "role", LINLI_WORKER_ROLE_GRID_WORKER);
  linli_record_set_refs (worker, "grids", &one_id, 1);
  g_assert_true (linli_store_insert (db.store, worker, &error));
  g_assert_no_error (error);

  /* What it would do is said first. */
  linli_grid_count_contents (db.store, one_id, &contents);
  g_assert_cmpuint (contents.cases, ==, 1);
  g_assert_cmpuint (contents.activities, ==, 1);
  g_assert_cmpuint (contents.outreach, ==, 0);
  g_assert_cmpuint (contents.buildings, ==, 1);
  said = linli_grid_describe_deletion (one, &contents);
  g_assert_nonnull (strstr (said, "Cases: 1 · Activities: 1 · Outreach events: 0 · Buildings: 1."));

  deletion = linli_grid_delete (db.store, one_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 1);
  /* Its records are kept, in no grid; the other grid's are untouched. */
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, kase), ==, 0);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_BUILDING, building), ==, 0);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_ACTIVITY, activity), ==, 0);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, other), ==, linli_record_get_id (two));
  {
    g_autoptr(LinliRecord) w = linli_store_get (db.store, LINLI_TYPE_WORKER, linli_record_get_id (worker), NULL);
    g_assert_cmpuint (linli_record_get_refs (w, "grids")->len, ==, 0);
  }

  /* Undo puts it all back. */
  g_assert_true (linli_grid_deletion_undo (db.store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 2);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, kase), ==, one_id);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_BUILDING, building), ==, one_id);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_ACTIVITY, activity), ==, one_id);
  {
    g_autoptr(LinliRecord) w = linli_store_get (db.store, LINLI_TYPE_WORKER, linli_record_get_id (worker), NULL);
    g_assert_cmpuint (linli_record_get_refs (w, "grids")->len, ==, 1);
  }

  test_database_close (&db);
}

static void
test_outline_moves_points (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) one = NULL;
  g_autoptr(LinliRecord) two = NULL;
  g_autoptr(LinliRecord) follows = NULL;
  g_autoptr(LinliRecord) by_hand = NULL;
  g_autoptr(LinliRecord) chosen = NULL;
  g_autoptr(LinliRecord) outside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wider = NULL;
  guint moved = 99;

  test_database_open (&db, "grid-store");
  one = add_grid (db.store, "W-01", 116.58);
  two = add_grid (db.store, "W-02", 116.59);
  /* Three cases in grid two's west half, one out of every grid. */
  follows = add_case (db.store, "2026-0001", 116.592, two, FALSE);
  by_hand = add_case (db.store, "2026-0002", 116.592, two, TRUE);
  chosen = add_case (db.store, "2026-0003", 116.592, NULL, FALSE);
  outside = add_case (db.store, "2026-0004", 116.575, NULL, FALSE);

  /* Grid one grows east over them, and west over the fourth; grid one
   * now comes first for the points both hold, as it was added first. */
  wider = g_strdup_printf ("{\"type\":\"Polygon\",\"coordinates\":[[[116.57,35.40],[116.595,35.40],[116.595,35.41],[116.57,35.41],[116.57,35.40]]]}");
  linli_record_set_text (one, "boundary", wider);
  g_assert_true (linli_grid_save (db.store, one, &moved, &error));
  g_assert_no_error (error);

  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, follows), ==, linli_record_get_id (one));
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, by_hand), ==, linli_record_get_id (two));
  /* A case in no grid (written before the grids were drawn) gets one. */
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, chosen), ==, linli_record_get_id (one));
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_CASE, outside), ==, linli_record_get_id (one));
  g_assert_cmpuint (moved, ==, 3);

  /* Saving it unchanged moves nothing. */
  g_assert_true (linli_grid_save (db.store, one, &moved, &error));
  g_assert_cmpuint (moved, ==, 0);

  test_database_close (&db);
}

/* A building placed on the map takes the grid it stands in; deleting it
 * is undone with the cases that named it. */
static void
test_buildings (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) one = NULL;
  g_autoptr(LinliRecord) two = NULL;
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);
  g_autoptr(LinliRecord) kase = NULL;
  g_autoptr(LinliBuildingDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  test_database_open (&db, "grid-store");
  one = add_grid (db.store, "W-01", 116.58);
  two = add_grid (db.store, "W-02", 116.59);

  linli_record_set_text (building, "name", "3号楼");
  linli_record_set_int (building, "units", 3);
  linli_record_set_int (building, "floors", 6);
  linli_record_set_int (building, "households", 36);
  linli_record_set_double (building, "lat", 35.405);
  linli_record_set_double (building, "lon", 116.595);
  g_assert_true (linli_building_save (db.store, building, &error));
  g_assert_no_error (error);
  id = linli_record_get_id (building);
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_BUILDING, building), ==, linli_record_get_id (two));

  /* Moved into grid one: it follows. */
  linli_record_set_double (building, "lon", 116.585);
  g_assert_true (linli_building_save (db.store, building, &error));
  g_assert_cmpint (grid_of (db.store, LINLI_TYPE_BUILDING, building), ==, linli_record_get_id (one));

  kase = add_case (db.store, "2026-0001", 116.585, one, FALSE);
  linli_record_set_int (kase, "building_id", id);
  g_assert_true (linli_store_update (db.store, kase, &error));

  deletion = linli_building_delete (db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_building_deletion_get_name (deletion), ==, "3号楼");
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 0);
  {
    g_autoptr(LinliRecord) stored = linli_store_get (db.store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
    g_assert_cmpint (linli_record_get_int (stored, "building_id"), ==, 0);
  }
  g_assert_true (linli_building_deletion_undo (db.store, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 1);
  {
    g_autoptr(LinliRecord) stored = linli_store_get (db.store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
    g_autoptr(LinliRecord) back = linli_store_get (db.store, LINLI_TYPE_BUILDING, id, NULL);
    g_assert_cmpint (linli_record_get_int (stored, "building_id"), ==, id);
    g_assert_cmpint (linli_record_get_int (back, "households"), ==, 36);
  }

  test_database_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grid-store/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/grid-store/outline-moves-points", test_outline_moves_points);
  g_test_add_func ("/grid-store/buildings", test_buildings);
  return g_test_run ();
}
