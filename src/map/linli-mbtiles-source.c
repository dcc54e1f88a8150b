/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-mbtiles-source"

#include "config.h"

#include <gtk/gtk.h>

#include "linli-mbtiles-source.h"

/* Offline raster tiles from an MBTiles file. The file is read in a worker
 * thread (src/io does the reading); here the bytes only become textures.
 * Subclassing ShumateMapSource works on every libshumate version, where a
 * ShumateDataSource would have to emit its own signals on 1.0. */

struct _LinliMbtilesSource
{
  ShumateMapSource  parent_instance;

  LinliMbtiles     *tiles;
};

G_DEFINE_FINAL_TYPE (LinliMbtilesSource, linli_mbtiles_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct
{
  LinliMbtiles *tiles;
  guint         x, y, zoom;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  linli_mbtiles_unref (request->tiles);
  g_free (request);
}

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = linli_mbtiles_read_tile (request->tiles, request->x, request->y, request->zoom, &error);
  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
tile_read_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShumateTile *tile = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  /* A tile the file does not have, or cannot decode, stays empty: the map
   * shows its background there, and the grids above it. */
  if (texture != NULL)
    shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
linli_mbtiles_source_fill_tile_async (ShumateMapSource    *source,
                                      ShumateTile         *tile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LinliMbtilesSource *self = LINLI_MBTILES_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) read = NULL;
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, linli_mbtiles_source_fill_tile_async);
  g_task_set_task_data (task, g_object_ref (tile), g_object_unref);

  request->tiles = linli_mbtiles_ref (self->tiles);
  request->x = shumate_tile_get_x (tile);
  request->y = shumate_tile_get_y (tile);
  request->zoom = shumate_tile_get_zoom_level (tile);

  read = g_task_new (self, cancellable, tile_read_cb, task);
  g_task_set_task_data (read, request, request_free);
  g_task_run_in_thread (read, read_tile_thread);
}

static gboolean
linli_mbtiles_source_fill_tile_finish (ShumateMapSource  *source,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
linli_mbtiles_source_finalize (GObject *object)
{
  LinliMbtilesSource *self = LINLI_MBTILES_SOURCE (object);

  g_clear_pointer (&self->tiles, linli_mbtiles_unref);

  G_OBJECT_CLASS (linli_mbtiles_source_parent_class)->finalize (object);
}

static void
linli_mbtiles_source_class_init (LinliMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = linli_mbtiles_source_finalize;
  source_class->fill_tile_async = linli_mbtiles_source_fill_tile_async;
  source_class->fill_tile_finish = linli_mbtiles_source_fill_tile_finish;
}

static void
linli_mbtiles_source_init (LinliMbtilesSource *self)
{
}

LinliMbtilesSource *
linli_mbtiles_source_new (LinliMbtiles *tiles)
{
  LinliMbtilesSource *self;
  g_autofree char *id = NULL;
  const char *name;

  g_return_val_if_fail (tiles != NULL, NULL);

  id = g_strconcat ("linli-mbtiles:", linli_mbtiles_get_path (tiles), NULL);
  name = linli_mbtiles_get_metadata (tiles, "name");
  self = g_object_new (LINLI_TYPE_MBTILES_SOURCE, NULL);
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
  shumate_map_source_set_name (SHUMATE_MAP_SOURCE (self), name ? name : "MBTiles");
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self), linli_mbtiles_get_metadata (tiles, "attribution"));
  shumate_map_source_set_min_zoom_level (SHUMATE_MAP_SOURCE (self), linli_mbtiles_get_min_zoom (tiles));
  shumate_map_source_set_max_zoom_level (SHUMATE_MAP_SOURCE (self), linli_mbtiles_get_max_zoom (tiles));
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), 256);
  shumate_map_source_set_projection (SHUMATE_MAP_SOURCE (self), SHUMATE_MAP_PROJECTION_MERCATOR);
  self->tiles = linli_mbtiles_ref (tiles);
  return self;
}
