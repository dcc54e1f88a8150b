/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-mbtiles"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "linli-mbtiles.h"

struct _LinliMbtiles
{
  gatomicrefcount  ref_count;
  char            *path;
  sqlite3         *db;
  sqlite3_stmt    *read_tile;   /* guarded by lock */
  GMutex           lock;
  GHashTable      *metadata;    /* name → value */
  char            *format;
  guint            min_zoom;
  guint            max_zoom;
};

G_DEFINE_QUARK (linli-mbtiles-error-quark, linli_mbtiles_error)

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */
static const guchar png_magic[] = { 0x89, 'P', 'N', 'G' };
static const guchar jpeg_magic[] = { 0xff, 0xd8, 0xff };

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_DAMAGED,
                 _("“%s” is damaged and cannot be read."), name);
  else
    g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_UNREADABLE,
                 _("“%s” cannot be read: %s"), name, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

/* Reads the header without SQLite, which would be free to create side
 * files next to something that is not a database at all. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  char header[sizeof sqlite_magic];
  gsize n_read = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read, NULL, &local_error))
    {
      g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s"), name, local_error->message);
      return FALSE;
    }
  if (n_read < sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_NOT_MBTILES,
                   _("“%s” is not an MBTiles file."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_metadata (LinliMbtiles  *self,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* The metadata table is required, but many tools write none. */
      if (sqlite3_errcode (self->db) == SQLITE_ERROR)
        return TRUE;
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL && sqlite3_column_text (stmt, 1) != NULL)
      g_hash_table_insert (self->metadata,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

/* The zoom levels and, when the metadata does not say, the format, from
 * the tiles themselves. Tiles is often a view over deduplicated images, so
 * only the first row and the zoom levels the metadata lacks are read. */
static gboolean
metadata_zoom (LinliMbtiles *self,
               const char   *key,
               guint        *zoom)
{
  const char *value = g_hash_table_lookup (self->metadata, key);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, 30, &number, NULL))
    return FALSE;
  *zoom = (guint) number;
  return TRUE;
}

static gboolean
probe_tiles (LinliMbtiles  *self,
             GError       **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (metadata_zoom (self, "minzoom", &self->min_zoom) && metadata_zoom (self, "maxzoom", &self->max_zoom) &&
      self->min_zoom <= self->max_zoom)
    rc = sqlite3_prepare_v2 (self->db, "SELECT ?1, ?2 FROM tiles LIMIT 1", -1, &stmt, NULL);
  else
    rc = sqlite3_prepare_v2 (self->db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      if (sqlite3_errcode (self->db) == SQLITE_ERROR)
        g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_NOT_MBTILES,
                     _("“%s” is an SQLite database, but not an MBTiles file: it has no tiles."), name);
      else
        set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  if (sqlite3_bind_parameter_count (stmt) == 2)
    {
      sqlite3_bind_int (stmt, 1, (int) self->min_zoom);
      sqlite3_bind_int (stmt, 2, (int) self->max_zoom);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_NOT_MBTILES,
                     _("“%s” holds no tiles."), name);
      else
        set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, 30);
  self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), (int) self->min_zoom, 30);
  sqlite3_finalize (stmt);

  if (self->format == NULL)
    {
      rc = sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles LIMIT 1", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const guchar *data = sqlite3_column_blob (stmt, 0);
          int size = sqlite3_column_bytes (stmt, 0);

          if (size >= (int) sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
            self->format = g_strdup ("png");
          else if (size >= (int) sizeof jpeg_magic && memcmp (data, jpeg_magic, sizeof jpeg_magic) == 0)
            self->format = g_strdup ("jpg");
          else if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
            self->format = g_strdup ("pbf");   /* gzipped vector tiles */
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, self->path);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_format (LinliMbtiles  *self,
              GError       **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  if (g_strcmp0 (self->format, "pbf") == 0 || g_strcmp0 (self->format, "mvt") == 0)
    {
      g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_VECTOR,
                   _("“%s” holds vector tiles, which Linli cannot draw. Choose an MBTiles file of PNG or JPEG images."),
                   name);
      return FALSE;
    }
  if (g_strcmp0 (self->format, "jpeg") == 0)
    {
      g_free (self->format);
      self->format = g_strdup ("jpg");
    }
  if (g_strcmp0 (self->format, "png") != 0 && g_strcmp0 (self->format, "jpg") != 0)
    {
      g_set_error (error, LINLI_MBTILES_ERROR, LINLI_MBTILES_ERROR_FORMAT,
                   _("“%s” holds tiles in a format Linli cannot draw (%s). Choose an MBTiles file of PNG or JPEG images."),
                   name, self->format ? self->format : _("unknown"));
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_mbtiles_open:
 * @path: the file
 *
 * Opens an MBTiles file read-only and checks it holds raster tiles Linli
 * can draw.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
LinliMbtiles *
linli_mbtiles_open (const char  *path,
                    GError     **error)
{
  g_autoptr(LinliMbtiles) self = NULL;
  g_autofree char *uri = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  self = g_new0 (LinliMbtiles, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->path = g_strdup (path);
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Read-only, and a URI so that no journal or lock file is attempted. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *file_uri = g_file_get_uri (file);
    uri = g_strconcat (file_uri, "?mode=ro", NULL);
  }
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  if (!load_metadata (self, error))
    return NULL;
  self->format = g_strdup (g_hash_table_lookup (self->metadata, "format"));
  if (self->format != NULL)
    {
      char *lower = g_ascii_strdown (self->format, -1);
      g_free (self->format);
      self->format = lower;
    }
  if (!probe_tiles (self, error) || !check_format (self, error))
    return NULL;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                           -1, &self->read_tile, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

LinliMbtiles *
linli_mbtiles_ref (LinliMbtiles *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
linli_mbtiles_unref (LinliMbtiles *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->read_tile, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_hash_table_unref (self->metadata);
  g_free (self->format);
  g_free (self->path);
  g_free (self);
}

const char *
linli_mbtiles_get_path (LinliMbtiles *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

const char *
linli_mbtiles_get_format (LinliMbtiles *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->format;
}

const char *
linli_mbtiles_get_metadata (LinliMbtiles *self,
                            const char   *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->metadata, key);
}

guint
linli_mbtiles_get_min_zoom (LinliMbtiles *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->min_zoom;
}

guint
linli_mbtiles_get_max_zoom (LinliMbtiles *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_zoom;
}

GBytes *
linli_mbtiles_read_tile (LinliMbtiles  *self,
                         guint          x,
                         guint          y,
                         guint          zoom,
                         GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (zoom > 30 || y >= (1u << zoom) || x >= (1u << zoom))
    return NULL;

  locker = g_mutex_locker_new (&self->lock);
  sqlite3_bind_int (self->read_tile, 1, (int) zoom);
  sqlite3_bind_int64 (self->read_tile, 2, x);
  /* TMS rows count from the south. */
  sqlite3_bind_int64 (self->read_tile, 3, ((gint64) 1 << zoom) - 1 - y);
  rc = sqlite3_step (self->read_tile);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->read_tile, 0),
                         sqlite3_column_bytes (self->read_tile, 0));
  else if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_reset (self->read_tile);
  sqlite3_clear_bindings (self->read_tile);
  return bytes;
}
