/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "linli-gen-lib.h"
#include "linli-geometry.h"
#include "linli-store-private.h"
#include "linli-store.h"

#define N_CASES 2000
#define SEED    4242

typedef struct
{
  char       *dir;
  char       *path_a;
  char       *path_b;
  LinliStore *store;     /* on path_a */
} Fixture;

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_remove (file);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("linli-test-gen-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path_a = g_build_filename (fixture->dir, "a.db", NULL);
  fixture->path_b = g_build_filename (fixture->dir, "b.db", NULL);

  g_assert_true (linli_gen_write (fixture->path_a, N_CASES, SEED, &error));
  g_assert_no_error (error);
  fixture->store = linli_store_open (fixture->path_a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path_a);
  g_free (fixture->path_b);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  return value;
}

/* A digest of every row of every table, in id (or key) order. */
static char *
digest_database (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) tables = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'search_stamp' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
      g_autoptr(sqlite3_stmt) rows = NULL;

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          {
            const guchar *text = sqlite3_column_text (rows, i);   /* REALs as their exact text */
            int type = sqlite3_column_type (rows, i);

            g_checksum_update (checksum, (const guchar *) &type, sizeof type);
            if (text != NULL)
              g_checksum_update (checksum, text, sqlite3_column_bytes (rows, i));
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
    }
  g_clear_pointer (&tables, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_b = NULL;
  g_autofree char *path_c = g_build_filename (fixture->dir, "c.db", NULL);
  g_autofree char *digest_c = NULL;
  sqlite3 *db = linli_store_get_db (fixture->store);
  gint64 cases_a;

  g_assert_true (linli_gen_write (fixture->path_b, N_CASES, SEED, &error));
  g_assert_no_error (error);
  g_assert_true (linli_gen_write (path_c, N_CASES, SEED + 1, &error));
  g_assert_no_error (error);

  /* The store's connection is idle: read the files as they are. */
  digest_a = digest_database (fixture->path_a);
  digest_b = digest_database (fixture->path_b);
  digest_c = digest_database (path_c);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_cmpstr (digest_a, !=, digest_c);

  /* The same through SQL, as a person would check it. */
  cases_a = query_int (db, "SELECT count(*) FROM case_record");
  g_assert_cmpint (cases_a, ==, N_CASES);
  {
    g_autoptr(LinliStore) store_b = linli_store_open (fixture->path_b, &error);
    g_autoptr(sqlite3_stmt) a = NULL, b = NULL;
    const char *sql = "SELECT group_concat(number || title || status, '|')"
                      " FROM (SELECT * FROM case_record ORDER BY id)";

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &a, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store_b), sql, -1, &b, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (a), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_step (b), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (a, 0), ==, (const char *) sqlite3_column_text (b, 0));
  }
}

static void
test_refuses_existing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = digest_database (fixture->path_a);
  g_autofree char *after = NULL;

  g_assert_false (linli_gen_write (fixture->path_a, 10, SEED, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = digest_database (fixture->path_a);
  g_assert_cmpstr (digest, ==, after);
}

static void
test_contents (Fixture       *fixture,
               gconstpointer  data)
{
  sqlite3 *db = linli_store_get_db (fixture->store);
  g_autoptr(LinliCommunity) community = linli_store_dup_community (fixture->store);

  g_assert_nonnull (community);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, N_CASES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM grid WHERE kind = 'management'"), ==, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM grid WHERE kind = 'sentiment'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM building"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM worker"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM grid_worker"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM resident"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM activity"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participation"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outreach"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outreach_topic"), >, 0);

  /* Every case has a timeline of two to five entries, in order after its report. */
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM case_record c WHERE"
                              " (SELECT count(*) FROM case_event e WHERE e.case_id = c.id) NOT BETWEEN 2 AND 5"),
                   ==, 0);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM case_event e JOIN case_record c ON c.id = e.case_id"
                              " WHERE julianday(e.at) < julianday(c.reported_at)"),
                   ==, 0);
  /* A mix of states, not one. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM case_record"), >=, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_record WHERE number NOT GLOB '20[0-9][0-9]-*'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), ==, 0);
}

static void
test_geometry (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) grids = linli_store_list (fixture->store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (fixture->store, LINLI_TYPE_BUILDING);
  g_autoptr(GHashTable) shapes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) linli_geometry_free);
  guint n_grids = g_list_model_get_n_items (grids);
  guint n_buildings = g_list_model_get_n_items (buildings);

  g_assert_cmpuint (n_grids, ==, 13);
  for (guint i = 0; i < n_grids; i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(GError) error = NULL;
      LinliGeometry *shape = linli_geometry_parse (linli_record_get_text (grid, "boundary"), &error);
      gint64 *key = g_new (gint64, 1);
      guint n_points;

      g_assert_no_error (error);
      g_assert_nonnull (shape);
      g_assert_cmpuint (linli_geometry_get_n_rings (shape), ==, 1);
      linli_geometry_get_ring (shape, 0, &n_points, NULL);
      g_assert_cmpuint (n_points, >=, 5);
      g_assert_cmpuint (n_points, <=, 40);
      g_assert_cmpfloat (linli_geometry_area_m2 (shape), >, 5000);
      *key = linli_record_get_id (grid);
      g_hash_table_insert (shapes, key, shape);
    }

  g_assert_cmpuint (n_buildings, >=, 30);
  for (guint i = 0; i < n_buildings; i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      gint64 grid_id = linli_record_get_int (building, "grid_id");
      LinliGeometry *shape = g_hash_table_lookup (shapes, &grid_id);

      g_assert_nonnull (shape);
      g_assert_true (linli_geometry_contains (shape, linli_record_get_double (building, "lon"),
                                              linli_record_get_double (building, "lat")));
    }

  /* A case with a building lies where its building does. */
  g_assert_cmpint (query_int (linli_store_get_db (fixture->store),
                              "SELECT count(*) FROM case_record c JOIN building b ON b.id = c.building_id"
                              " WHERE c.lat <> b.lat OR c.lon <> b.lon"
                              " OR (c.grid_overridden = 0 AND c.grid_id <> b.grid_id)"),
                   ==, 0);
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) cases = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  g_autoptr(GDateTime) previous = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, N_CASES);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      g_autofree char *number = NULL;
      GDateTime *reported;

      g_assert_nonnull (record);
      g_object_get (record, "number", &number, NULL);
      g_assert_nonnull (number);
      reported = linli_record_get_datetime (record, "reported_at");
      g_assert_nonnull (reported);
      /* Newest first. */
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (reported, previous), <=, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (reported);
    }
}

/* The rows written in bulk read back through the store, and the store
 * writes them back in the same text. */
#define ROW_TEXT "quote(reported_at) || quote(due_at) || quote(resolved_at) || quote(revisited_at)" \
                 " || quote(status) || quote(urgency) || quote(resolution_level) || quote(satisfaction)" \
                 " || quote(reporter_id) || quote(worker_id) || quote(lat) || quote(duplicate_of)" \
                 " || quote(grid_overridden) || quote(responsible_unit)"

static char *
row_text (sqlite3 *db,
          gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT " ROW_TEXT " FROM case_record WHERE id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_store_formats (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const time_columns[] = { "reported_at", "due_at", "resolved_at", "revisited_at" };
  sqlite3 *db = linli_store_get_db (fixture->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 n_events = query_int (db, "SELECT count(*) FROM case_event");

  /* Some of every status. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id FROM case_record WHERE id % 37 = 1"
                                       " UNION SELECT min(id) FROM case_record GROUP BY status"
                                       " UNION SELECT max(id) FROM case_record GROUP BY status ORDER BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpuint (ids->len, >, 50);

  for (guint n = 0; n < ids->len; n++)
    {
      gint64 id = g_array_index (ids, gint64, n);
      g_autoptr(GError) error = NULL;
      g_autoptr(LinliRecord) record = linli_store_get (fixture->store, LINLI_TYPE_CASE, id, &error);
      g_autoptr(LinliRecord) copy = NULL;
      g_autofree char *before = row_text (db, id);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (time_columns); i++)
        {
          GDateTime *dt = linli_record_get_datetime (record, time_columns[i]);
          g_autofree char *sql = g_strdup_printf ("SELECT %s FROM case_record WHERE id = %" G_GINT64_FORMAT,
                                                  time_columns[i], id);
          g_autoptr(sqlite3_stmt) column = NULL;
          g_autofree char *formatted = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &column, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (column), ==, SQLITE_ROW);
          g_assert_cmpstr (formatted, ==, (const char *) sqlite3_column_text (column, 0));
        }

      copy = linli_record_copy (record);
      g_assert_true (linli_store_update (fixture->store, copy, &error));
      g_assert_no_error (error);
      g_clear_object (&copy);
      copy = linli_store_get (fixture->store, LINLI_TYPE_CASE, id, &error);
      g_assert_no_error (error);
      g_assert_true (linli_record_equal (record, copy));
      after = row_text (db, id);
      g_assert_cmpstr (before, ==, after);
    }
  /* Rewriting a case unchanged adds nothing to its timeline. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_event"), ==, n_events);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gen/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add ("/gen/refuses-existing", Fixture, NULL, fixture_set_up, test_refuses_existing, fixture_tear_down);
  g_test_add ("/gen/contents", Fixture, NULL, fixture_set_up, test_contents, fixture_tear_down);
  g_test_add ("/gen/geometry", Fixture, NULL, fixture_set_up, test_geometry, fixture_tear_down);
  g_test_add ("/gen/list-model", Fixture, NULL, fixture_set_up, test_list_model, fixture_tear_down);
  g_test_add ("/gen/store-formats", Fixture, NULL, fixture_set_up, test_store_formats, fixture_tear_down);

  return g_test_run ();
}
