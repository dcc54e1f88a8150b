/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LINLI_MBTILES_ERROR (linli_mbtiles_error_quark ())

typedef enum {
  LINLI_MBTILES_ERROR_UNREADABLE,   /* missing, no permission */
  LINLI_MBTILES_ERROR_NOT_MBTILES,  /* not SQLite, or no tiles table */
  LINLI_MBTILES_ERROR_DAMAGED,      /* SQLite says the file is corrupt */
  LINLI_MBTILES_ERROR_VECTOR,       /* vector (pbf) tiles: Linli draws raster only */
  LINLI_MBTILES_ERROR_FORMAT,       /* a raster format other than PNG or JPEG */
} LinliMbtilesError;

/* An MBTiles file opened read-only: it is never written, locked for
 * writing or given side files. Reading tiles is safe from any thread. */
typedef struct _LinliMbtiles LinliMbtiles;

GQuark        linli_mbtiles_error_quark     (void);

LinliMbtiles *linli_mbtiles_open            (const char    *path,
                                             GError       **error);
LinliMbtiles *linli_mbtiles_ref             (LinliMbtiles  *self);
void          linli_mbtiles_unref           (LinliMbtiles  *self);

const char   *linli_mbtiles_get_path        (LinliMbtiles  *self);
/* "png" or "jpg". */
const char   *linli_mbtiles_get_format      (LinliMbtiles  *self);
/* The metadata table's value for @key, or NULL. */
const char   *linli_mbtiles_get_metadata    (LinliMbtiles  *self,
                                             const char    *key);
guint         linli_mbtiles_get_min_zoom    (LinliMbtiles  *self);
guint         linli_mbtiles_get_max_zoom    (LinliMbtiles  *self);

/* The image of the tile at @x, @y (rows from the top, as web maps count
 * them; the file counts from the bottom) and @zoom. Returns %NULL without
 * an error where the file has no tile. */
GBytes       *linli_mbtiles_read_tile       (LinliMbtiles  *self,
                                             guint          x,
                                             guint          y,
                                             guint          zoom,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliMbtiles, linli_mbtiles_unref)

G_END_DECLS
