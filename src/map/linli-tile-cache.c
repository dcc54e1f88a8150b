/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-tile-cache"

#include "config.h"

#include <math.h>

#include "linli-tile-cache.h"

/* Tiles kept beyond those in view before the ones out of view are dropped:
 * about 16 MB of 256 × 256 tiles. */
#define MAX_TILES 256

struct _LinliTileCache
{
  LinliTileDrawFunc  draw;
  gpointer           user_data;

  double             zoom;
  int                scale;
  GHashTable        *tiles;     /* tile key → GdkTexture, or the cache itself for an empty tile */
  guint              n_drawn;   /* tiles drawn since created: for tests and the benchmark */
};

LinliTileCache *
linli_tile_cache_new (LinliTileDrawFunc draw,
                      gpointer          user_data)
{
  LinliTileCache *self = g_new0 (LinliTileCache, 1);

  self->draw = draw;
  self->user_data = user_data;
  self->zoom = NAN;
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

static void
drop_tiles (LinliTileCache *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != self)
      g_object_unref (value);
  g_hash_table_remove_all (self->tiles);
}

void
linli_tile_cache_free (LinliTileCache *self)
{
  if (self == NULL)
    return;
  drop_tiles (self);
  g_hash_table_unref (self->tiles);
  g_free (self);
}

/* The content changed: everything is drawn again on the next frame. */
void
linli_tile_cache_invalidate (LinliTileCache *self)
{
  g_return_if_fail (self != NULL);
  drop_tiles (self);
}

guint
linli_tile_cache_get_n_drawn (LinliTileCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_drawn;
}

static ShumateMapSource *
reference_source (ShumateViewport *viewport)
{
  return shumate_viewport_get_reference_map_source (viewport);
}

void
linli_world_from_location (ShumateViewport *viewport,
                           double           zoom,
                           double           lat,
                           double           lon,
                           double          *x,
                           double          *y)
{
  ShumateMapSource *source = reference_source (viewport);

  if (source != NULL)
    {
      *x = shumate_map_source_get_x (source, zoom, lon);
      *y = shumate_map_source_get_y (source, zoom, lat);
    }
  else
    {
      /* Web Mercator with 256-pixel tiles, as every source Linli uses. */
      double size = 256 * exp2 (zoom);
      double s = sin (CLAMP (lat, -85.0511, 85.0511) * G_PI / 180);
      *x = (lon + 180) / 360 * size;
      *y = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * size;
    }
}

void
linli_world_origin (ShumateViewport *viewport,
                    GtkWidget       *widget,
                    double          *x,
                    double          *y)
{
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  double cx, cy;

  /* The centre of the view is the viewport's place whatever the rotation. */
  linli_world_from_location (viewport, zoom, lat, lon, &cx, &cy);
  *x = cx - gtk_widget_get_width (widget) / 2.0;
  *y = cy - gtk_widget_get_height (widget) / 2.0;
}

static gint64
tile_key (gint64 tx,
          gint64 ty)
{
  return (tx << 32) ^ (ty & 0xffffffff);
}

static GdkTexture *
draw_tile (LinliTileCache *self,
           gint64          tx,
           gint64          ty)
{
  int size = LINLI_TILE_SIZE * self->scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture = NULL;
  cairo_t *cr = cairo_create (surface);
  gboolean drawn;

  cairo_scale (cr, self->scale, self->scale);
  cairo_translate (cr, -(double) tx * LINLI_TILE_SIZE, -(double) ty * LINLI_TILE_SIZE);
  drawn = self->draw (cr, self->zoom, (double) tx * LINLI_TILE_SIZE, (double) ty * LINLI_TILE_SIZE,
                      self->user_data);
  cairo_destroy (cr);
  self->n_drawn++;

  if (drawn)
    {
      cairo_surface_flush (surface);
      /* Cairo's ARGB32 is GDK's default memory format on this machine's
       * byte order: premultiplied B, G, R, A in memory on little endian. */
      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                          (gsize) cairo_image_surface_get_stride (surface) * size,
                                          (GDestroyNotify) cairo_surface_destroy,
                                          cairo_surface_reference (surface));
      texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                        cairo_image_surface_get_stride (surface));
    }
  cairo_surface_destroy (surface);
  return texture;
}

void
linli_tile_cache_snapshot (LinliTileCache  *self,
                           GtkSnapshot     *snapshot,
                           GtkWidget       *widget,
                           ShumateViewport *viewport)
{
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double rotation = shumate_viewport_get_rotation (viewport);
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double ox, oy, margin;
  gint64 tx0, ty0, tx1, ty1;

  g_return_if_fail (self != NULL);

  if (width <= 0 || height <= 0)
    return;
  if (zoom != self->zoom || scale != self->scale)
    {
      drop_tiles (self);
      self->zoom = zoom;
      self->scale = scale;
    }

  linli_world_origin (viewport, widget, &ox, &oy);
  /* Whole device pixels, so the textures are copied, never resampled. */
  ox = round (ox * scale) / scale;
  oy = round (oy * scale) / scale;
  /* Turned, the view reaches out to the circle around it. */
  margin = rotation != 0 ? (hypot (width, height) - MIN (width, height)) / 2 : 0;
  tx0 = (gint64) floor ((ox - margin) / LINLI_TILE_SIZE);
  ty0 = (gint64) floor ((oy - margin) / LINLI_TILE_SIZE);
  tx1 = (gint64) floor ((ox + width + margin) / LINLI_TILE_SIZE);
  ty1 = (gint64) floor ((oy + height + margin) / LINLI_TILE_SIZE);

  if (g_hash_table_size (self->tiles) > MAX_TILES)
    drop_tiles (self);

  gtk_snapshot_save (snapshot);
  if (rotation != 0)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0, height / 2.0));
      gtk_snapshot_rotate (snapshot, rotation * 180 / G_PI);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2.0, -height / 2.0));
    }
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-ox, -oy));
  for (gint64 ty = ty0; ty <= ty1; ty++)
    for (gint64 tx = tx0; tx <= tx1; tx++)
      {
        gint64 key = tile_key (tx, ty);
        gpointer texture = g_hash_table_lookup (self->tiles, &key);

        if (texture == NULL)
          {
            texture = draw_tile (self, tx, ty);
            g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), texture ? texture : self);
          }
        if (texture != NULL && texture != self)
          gtk_snapshot_append_texture (snapshot, texture,
                                       &GRAPHENE_RECT_INIT (tx * LINLI_TILE_SIZE, ty * LINLI_TILE_SIZE,
                                                            LINLI_TILE_SIZE, LINLI_TILE_SIZE));
      }
  gtk_snapshot_restore (snapshot);
}
