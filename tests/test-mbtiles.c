/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "linli-mbtiles.h"

/* Two 1 × 1 PNG images, red and blue. */
static const char red_png[] =
  "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
  "\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00"
  "\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
static const char blue_png[] =
  "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
  "\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x60\x60\xf8\x0f"
  "\x00\x01\x03\x01\x00\x08\x89\xc2\xec\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
static const char jpeg_start[] = "\xff\xd8\xff\xe0\x00\x10JFIF";
static const char gzip_start[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00";

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("linli-test-mbtiles-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "tiles.mbtiles", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
add_tile (sqlite3    *db,
          int         zoom,
          int         column,
          int         row,
          const char *data,
          int         size)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, zoom);
  sqlite3_bind_int (stmt, 2, column);
  sqlite3_bind_int (stmt, 3, row);
  sqlite3_bind_blob (stmt, 4, data, size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* An MBTiles file as the specification has it, with its tiles at zoom 1:
 * red at the top left, blue at the bottom right, in TMS rows. */
static void
write_mbtiles (const char *path,
               const char *format,
               const char *data_a,
               int         size_a,
               const char *data_b,
               int         size_b)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
  if (format != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE metadata (name TEXT, value TEXT);"
                                              "INSERT INTO metadata VALUES ('name', 'test'), ('format', '%s'),"
                                              " ('attribution', '© test')", format);
      exec (db, sql);
    }
  /* TMS: row 1 of zoom 1 is the northern one. */
  add_tile (db, 1, 0, 1, data_a, size_a);
  add_tile (db, 1, 1, 0, data_b, size_b);
  sqlite3_close (db);
}

static void
assert_bytes (GBytes     *bytes,
              const char *data,
              gsize       size)
{
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, size);
}

static void
test_raster (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LinliMbtiles) tiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) top_left = NULL;
  g_autoptr(GBytes) bottom_right = NULL;
  g_autoptr(GBytes) missing = NULL;

  write_mbtiles (fixture->path, "png", red_png, sizeof red_png - 1, blue_png, sizeof blue_png - 1);
  tiles = linli_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_mbtiles_get_format (tiles), ==, "png");
  g_assert_cmpstr (linli_mbtiles_get_metadata (tiles, "attribution"), ==, "© test");
  g_assert_cmpuint (linli_mbtiles_get_min_zoom (tiles), ==, 1);
  g_assert_cmpuint (linli_mbtiles_get_max_zoom (tiles), ==, 1);

  /* Rows as web maps count them: 0 is the north. */
  top_left = linli_mbtiles_read_tile (tiles, 0, 0, 1, &error);
  g_assert_no_error (error);
  assert_bytes (top_left, red_png, sizeof red_png - 1);
  bottom_right = linli_mbtiles_read_tile (tiles, 1, 1, 1, &error);
  g_assert_no_error (error);
  assert_bytes (bottom_right, blue_png, sizeof blue_png - 1);

  missing = linli_mbtiles_read_tile (tiles, 0, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_null (linli_mbtiles_read_tile (tiles, 2, 0, 1, &error));
  g_assert_null (linli_mbtiles_read_tile (tiles, 0, 0, 40, &error));
  g_assert_no_error (error);
}

/* Zoom levels the metadata gives are taken as they are: the tiles are not
 * scanned for them. */
static void
test_metadata_zoom (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LinliMbtiles) tiles = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  write_mbtiles (fixture->path, "png", red_png, sizeof red_png - 1, blue_png, sizeof blue_png - 1);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  exec (db, "INSERT INTO metadata VALUES ('minzoom', '0'), ('maxzoom', '14')");
  sqlite3_close (db);

  tiles = linli_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_mbtiles_get_min_zoom (tiles), ==, 0);
  g_assert_cmpuint (linli_mbtiles_get_max_zoom (tiles), ==, 14);
}

/* Without metadata, the format is the tiles' own. */
static void
test_format_from_tiles (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LinliMbtiles) tiles = NULL;
  g_autoptr(GError) error = NULL;

  write_mbtiles (fixture->path, NULL, jpeg_start, sizeof jpeg_start - 1, jpeg_start, sizeof jpeg_start - 1);
  tiles = linli_mbtiles_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_mbtiles_get_format (tiles), ==, "jpg");
}

static void
assert_refused (const char *path,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_size = 0, after_size = 0;
  g_autoptr(LinliMbtiles) tiles = NULL;

  g_file_get_contents (path, &before, &before_size, NULL);
  tiles = linli_mbtiles_open (path, &error);
  g_test_message ("%s", error ? error->message : "(opened)");
  g_assert_null (tiles);
  g_assert_error (error, LINLI_MBTILES_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));

  /* The file is as it was, and nothing was put beside it. */
  if (before != NULL)
    {
      g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
      g_assert_cmpmem (before, before_size, after, after_size);
    }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_vector (Fixture       *fixture,
             gconstpointer  data)
{
  write_mbtiles (fixture->path, "pbf", gzip_start, sizeof gzip_start - 1, gzip_start, sizeof gzip_start - 1);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_VECTOR, "vector tiles");
}

static void
test_vector_from_tiles (Fixture       *fixture,
                        gconstpointer  data)
{
  write_mbtiles (fixture->path, NULL, gzip_start, sizeof gzip_start - 1, gzip_start, sizeof gzip_start - 1);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_VECTOR, "vector tiles");
}

static void
test_webp (Fixture       *fixture,
           gconstpointer  data)
{
  write_mbtiles (fixture->path, "webp", "RIFF", 4, "RIFF", 4);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_FORMAT, "webp");
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.mbtiles", NULL);
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7919 % 251);
  g_file_set_contents (fixture->path, garbage, sizeof garbage, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_NOT_MBTILES, "not an MBTiles file");

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_NOT_MBTILES, "not an MBTiles file");

  assert_refused (missing, LINLI_MBTILES_ERROR_UNREADABLE, "cannot be read");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_not_mbtiles (Fixture       *fixture,
                  gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  exec (db, "CREATE TABLE grid (id INTEGER PRIMARY KEY)");
  sqlite3_close (db);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_NOT_MBTILES, "not an MBTiles file");
}

/* A file whose first page is overwritten past the header. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  write_mbtiles (fixture->path, "png", red_png, sizeof red_png - 1, blue_png, sizeof blue_png - 1);
  g_file_get_contents (fixture->path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 200);
  memset (contents + 100, 0xa5, 100);
  g_file_set_contents (fixture->path, contents, size, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, LINLI_MBTILES_ERROR_DAMAGED, "damaged");
}

/* A real file from node-mbtiles: PNG tiles of the world, zoom 0 to 4,
 * without a format in its metadata. */
static void
test_real_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "world-z0-4.mbtiles", NULL);
  g_autoptr(LinliMbtiles) tiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) world = NULL;
  g_autoptr(GBytes) europe = NULL;

  tiles = linli_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_mbtiles_get_format (tiles), ==, "png");
  g_assert_cmpstr (linli_mbtiles_get_metadata (tiles, "name"), ==, "plain_1");
  g_assert_cmpuint (linli_mbtiles_get_min_zoom (tiles), ==, 0);
  g_assert_cmpuint (linli_mbtiles_get_max_zoom (tiles), ==, 4);

  world = linli_mbtiles_read_tile (tiles, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (world);
  g_assert_cmpuint (g_bytes_get_size (world), >, 100);
  g_assert_cmpmem (g_bytes_get_data (world, NULL), 4, "\x89PNG", 4);
  /* Zoom 2, column 2, row 1 from the top: Europe and Africa. */
  europe = linli_mbtiles_read_tile (tiles, 2, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (europe);
  g_assert_false (g_bytes_equal (world, europe));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mbtiles/raster", test_raster);
  ADD ("/mbtiles/metadata-zoom", test_metadata_zoom);
  ADD ("/mbtiles/format-from-tiles", test_format_from_tiles);
  ADD ("/mbtiles/vector", test_vector);
  ADD ("/mbtiles/vector-from-tiles", test_vector_from_tiles);
  ADD ("/mbtiles/webp", test_webp);
  ADD ("/mbtiles/garbage", test_garbage);
  ADD ("/mbtiles/not-mbtiles", test_not_mbtiles);
  ADD ("/mbtiles/damaged", test_damaged);
#undef ADD
  g_test_add_func ("/mbtiles/real-file", test_real_file);

  return g_test_run ();
}
