/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-tile-cache"

#include "config.h"

#include <math.h>
#include <time.h>

#include "linli-tile-cache.h"

/* Tiles kept beyond those in view before the ones out of view are dropped:
 * about 16 MB of 256 × 256 tiles. */
#define MAX_TILES 256

/* While the zoom level keeps changing — an animated zoom, a pinch — the
 * tiles of the level before are shown scaled, and the new level is drawn
 * once it has stood still this long. */
#define SETTLE_MS 250
/* Further than this from the level drawn, scaled tiles would be a blur or
 * too many: the new level is drawn straight away. */
#define MAX_SCALED_LEVELS 1.5
/* Levels left are kept, the most recent first, up to this many tiles at
 * scale 1 (256 KB each; a tile at scale 2 counts four): zooming back in or
 * out, as one does to look at a place and then around it, shows them
 * without drawing them again. */
#define MAX_KEPT_TILES 96
/* A level kept is shown again only if the view is this near where it was:
 * its tiles are placed relative to a tile of that place (see Level). */
#define MAX_KEPT_DISTANCE 256
/* Refreshed content (linli_tile_cache_refresh(): the points read again)
 * is drawn over several frames: past this much of the thread's CPU time
 * spent on tiles in a frame (CPU time, so that a busy machine does not
 * cut it short), the rest wait for the next one, the old content shown
 * meanwhile. A million cases cost 100 ms of tiles, a stall the window
 * would show. A new zoom level or a pan is drawn in full, as the eye is
 * on it. */
#define REFRESH_BUDGET_US (6 * 1000)
/* Nor more tiles with something on them than this, in a refresh's frame:
 * each new one costs the renderer an upload too, as much again as its
 * drawing with Mesa's software GL. */
#define REFRESH_MAX_TILES 4

typedef struct
{
  double       zoom;
  int          scale;
  /* World pixels run to tens of millions, beyond what cairo's fixed point
   * and graphene's floats hold exactly: nodes are placed relative to this
   * tile, chosen when the zoom level changes. */
  gint64       origin_tx, origin_ty;
  GHashTable  *tiles;     /* tile key → GskRenderNode, or the cache itself for an empty tile */
} Level;

struct _LinliTileCache
{
  LinliTileDrawFunc  draw;
  gpointer           user_data;

  Level              current;
  Level              previous;       /* shown scaled while the zoom moves */
  GQueue             kept;           /* Level *, the most recently left first */
  gint64             zoom_changed_at; /* monotonic µs; 0 once settled */
  guint              settle_id;
  GtkWidget         *widget;         /* drawn again when the zoom settles; not a reference */
  guint              n_drawn;        /* tiles drawn since created: for tests and the benchmark */
  double             shown_zoom;     /* of the tiles the last snapshot showed */
  cairo_surface_t   *scratch;        /* each tile is drawn here, then copied */
  /* Since the content changed, the current level's tiles of the content
   * before, shown until each is drawn again; NULL when none wait. */
  GHashTable        *stale;
  gboolean           refreshing;     /* new content not yet drawn in full */
  guint              more_id;        /* draws the tiles left for the next frame */
};

LinliTileCache *
linli_tile_cache_new (LinliTileDrawFunc draw,
                      gpointer          user_data)
{
  LinliTileCache *self = g_new0 (LinliTileCache, 1);

  self->draw = draw;
  self->user_data = user_data;
  self->current.zoom = self->previous.zoom = NAN;
  self->shown_zoom = NAN;
  self->current.tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->previous.tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

static void
level_clear (LinliTileCache *self,
             Level          *level)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, level->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != self)
      gsk_render_node_unref (value);
  g_hash_table_remove_all (level->tiles);
}

static void
kept_free (LinliTileCache *self,
           Level          *level)
{
  level_clear (self, level);
  g_hash_table_unref (level->tiles);
  g_free (level);
}

static void
drop_kept (LinliTileCache *self)
{
  Level *level;

  while ((level = g_queue_pop_head (&self->kept)) != NULL)
    kept_free (self, level);
}

/* Keeps the tiles of @level, which is left empty, for a return to its zoom
 * level; the oldest kept go beyond MAX_KEPT_TILES. */
static void
keep_level (LinliTileCache *self,
            Level          *level)
{
  Level *kept;
  guint n = 0;

  if (g_hash_table_size (level->tiles) == 0 || isnan (level->zoom))
    return;
  kept = g_memdup2 (level, sizeof *level);
  level->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_push_head (&self->kept, kept);

  for (GList *l = self->kept.head; l != NULL; )
    {
      Level *k = l->data;
      GList *next = l->next;

      n += g_hash_table_size (k->tiles) * k->scale * k->scale;
      if (n > MAX_KEPT_TILES)
        {
          g_queue_delete_link (&self->kept, l);
          kept_free (self, k);
        }
      l = next;
    }
}

/* The tiles of the kept level of @zoom and @scale near the view at (@tx,
 * @ty) become the current level's. */
static gboolean
take_kept (LinliTileCache *self,
           double          zoom,
           int             scale,
           gint64          tx,
           gint64          ty)
{
  for (GList *l = self->kept.head; l != NULL; l = l->next)
    {
      Level *k = l->data;
      GHashTable *empty = self->current.tiles;

      if (k->zoom != zoom || k->scale != scale ||
          ABS (k->origin_tx - tx) > MAX_KEPT_DISTANCE || ABS (k->origin_ty - ty) > MAX_KEPT_DISTANCE)
        continue;
      self->current = *k;
      k->tiles = empty;
      g_queue_delete_link (&self->kept, l);
      kept_free (self, k);
      return TRUE;
    }
  return FALSE;
}

static void
drop_level_tiles (LinliTileCache *self)
{
  level_clear (self, &self->current);
  level_clear (self, &self->previous);
}

static void
drop_tiles (LinliTileCache *self)
{
  drop_level_tiles (self);
  drop_kept (self);
}

static void
drop_stale (LinliTileCache *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->stale == NULL)
    return;
  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != self)
      gsk_render_node_unref (value);
  g_clear_pointer (&self->stale, g_hash_table_unref);
}

void
linli_tile_cache_free (LinliTileCache *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->more_id, g_source_remove);
  drop_stale (self);
  drop_tiles (self);
  g_clear_pointer (&self->scratch, cairo_surface_destroy);
  g_hash_table_unref (self->current.tiles);
  g_hash_table_unref (self->previous.tiles);
  g_free (self);
}

/* The content changed: everything is drawn again on the next frame. */
void
linli_tile_cache_invalidate (LinliTileCache *self)
{
  g_return_if_fail (self != NULL);

  drop_stale (self);
  drop_tiles (self);
  self->refreshing = FALSE;
}

/* The content changed, at a cost: everything is drawn again from the next
 * frame on, over several frames if it takes long (REFRESH_BUDGET_US), the
 * tiles in view of the old content shown until then. */
void
linli_tile_cache_refresh (LinliTileCache *self)
{
  GHashTable *old;

  g_return_if_fail (self != NULL);

  /* Tiles drawn since an earlier change replace those of before it. */
  if (self->stale == NULL)
    self->stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  old = self->current.tiles;
  self->current.tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gpointer before = g_hash_table_lookup (self->stale, key);

        if (before != NULL && before != self)
          gsk_render_node_unref (before);
        g_hash_table_insert (self->stale, g_memdup2 (key, sizeof (gint64)), value);
      }
    g_hash_table_unref (old);
  }
  level_clear (self, &self->previous);
  drop_kept (self);
  self->refreshing = TRUE;
}

/* The zoom level of the tiles last shown: while a zoom moves, that of the
 * level before, shown scaled; NAN before the first snapshot. */
double
linli_tile_cache_get_shown_zoom (LinliTileCache *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->shown_zoom;
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

/* The side of a tile of the viewport's map source at whole zoom levels,
 * in world pixels. */
double
linli_world_tile_size (ShumateViewport *viewport)
{
  ShumateMapSource *source = reference_source (viewport);

  return source != NULL ? shumate_map_source_get_tile_size (source) : 256;
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
linli_location_from_world (ShumateViewport *viewport,
                           double           zoom,
                           double           x,
                           double           y,
                           double          *lat,
                           double          *lon)
{
  ShumateMapSource *source = reference_source (viewport);

  if (source != NULL)
    {
      *lat = shumate_map_source_get_latitude (source, zoom, y);
      *lon = shumate_map_source_get_longitude (source, zoom, x);
    }
  else
    {
      double size = 256 * exp2 (zoom);
      *lon = x / size * 360 - 180;
      *lat = atan (sinh (G_PI * (1 - 2 * y / size))) * 180 / G_PI;
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
  /* Shifted as unsigned: a tile left of or above the origin is negative. */
  return (gint64) (((guint64) tx << 32) ^ ((guint64) ty & 0xffffffff));
}

/* A tile is drawn once into an image; each frame shows that image through
 * the same render node. Replaying it is one copy with GSK's cairo renderer,
 * and the GL renderer keeps the texture it made of it, found by the node. A
 * GdkTexture would be converted pixel by pixel on every frame by the cairo
 * renderer of GTK 4.8. */
/*
 * The image is drawn in one kept for the purpose and copied into the node
 * (which cairo does anyway, the node keeping a snapshot of what it was
 * given): a fresh image for each tile cost as much again in clearing and
 * in the kernel's mapping of new memory.
 */
static GskRenderNode *
draw_tile (LinliTileCache *self,
           gint64          tx,
           gint64          ty)
{
  int size = LINLI_TILE_SIZE * self->current.scale;
  double x = (double) tx * LINLI_TILE_SIZE, y = (double) ty * LINLI_TILE_SIZE;
  cairo_surface_t *surface;
  double lx = (double) (tx - self->current.origin_tx) * LINLI_TILE_SIZE;
  double ly = (double) (ty - self->current.origin_ty) * LINLI_TILE_SIZE;
  GskRenderNode *node = NULL;
  cairo_t *cr;
  gboolean drawn;

  if (self->scratch == NULL || cairo_image_surface_get_width (self->scratch) != size)
    {
      g_clear_pointer (&self->scratch, cairo_surface_destroy);
      self->scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
    }
  surface = self->scratch;
  /* Drawn in image pixels; the device scale is for the node. */
  cairo_surface_set_device_scale (surface, 1, 1);
  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_scale (cr, self->current.scale, self->current.scale);
  cairo_translate (cr, -x, -y);
  drawn = self->draw (cr, self->current.zoom, x, y, self->user_data);
  cairo_destroy (cr);
  self->n_drawn++;

  if (drawn)
    {
      cairo_surface_set_device_scale (surface, self->current.scale, self->current.scale);
      node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (lx, ly, LINLI_TILE_SIZE, LINLI_TILE_SIZE));
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_set_source_surface (cr, surface, lx, ly);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  return node;
}

static gboolean
settle_cb (gpointer user_data)
{
  LinliTileCache *self = user_data;

  if (g_get_monotonic_time () - self->zoom_changed_at < SETTLE_MS * 1000)
    return G_SOURCE_CONTINUE;
  self->settle_id = 0;
  self->zoom_changed_at = 0;
  level_clear (self, &self->previous);
  if (self->widget != NULL)
    gtk_widget_queue_draw (self->widget);
  return G_SOURCE_REMOVE;
}

/* The CPU time of the calling thread, in µs. */
static gint64
thread_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
more_cb (gpointer user_data)
{
  LinliTileCache *self = user_data;

  self->more_id = 0;
  if (self->widget != NULL)
    gtk_widget_queue_draw (self->widget);
  return G_SOURCE_REMOVE;
}

/* A new zoom level. Changed again soon after the last change, the tiles
 * of the last level drawn stay to be shown scaled. */
static void
change_level (LinliTileCache *self,
              double          zoom,
              int             scale,
              double          ox,
              double          oy)
{
  gint64 now = g_get_monotonic_time ();
  gboolean moving = self->zoom_changed_at != 0 && now - self->zoom_changed_at < SETTLE_MS * 1000;

  /* The old content's tiles are of the old level: a new level is drawn
   * in full, unless nothing was shown before, as when the first points
   * arrive. */
  drop_stale (self);
  if (!isnan (self->current.zoom))
    self->refreshing = FALSE;

  if (moving && g_hash_table_size (self->current.tiles) > 0 && self->current.scale == scale)
    {
      Level swap = self->previous;

      level_clear (self, &self->previous);
      self->previous = self->current;
      self->current = swap;
    }
  else if (!moving || self->previous.scale != scale)
    {
      /* The level the view stood at is kept; one passed through while
       * the zoom moved is not, as it is seldom seen again. */
      if (!moving)
        keep_level (self, &self->current);
      drop_level_tiles (self);
    }
  level_clear (self, &self->current);

  self->zoom_changed_at = now;
  if (take_kept (self, zoom, scale, (gint64) floor (ox / LINLI_TILE_SIZE), (gint64) floor (oy / LINLI_TILE_SIZE)))
    return;
  self->current.zoom = zoom;
  self->current.scale = scale;
  self->current.origin_tx = (gint64) floor (ox / LINLI_TILE_SIZE);
  self->current.origin_ty = (gint64) floor (oy / LINLI_TILE_SIZE);
}

/* The last level's tiles, scaled to the zoom of the view. */
static void
snapshot_scaled (LinliTileCache *self,
                 GtkSnapshot    *snapshot,
                 double          ox,
                 double          oy,
                 double          width,
                 double          height,
                 double          margin)
{
  const Level *level = &self->previous;
  double f = exp2 (self->current.zoom - level->zoom);
  gint64 tx0 = (gint64) floor ((ox - margin) / f / LINLI_TILE_SIZE);
  gint64 ty0 = (gint64) floor ((oy - margin) / f / LINLI_TILE_SIZE);
  gint64 tx1 = (gint64) floor ((ox + width + margin) / f / LINLI_TILE_SIZE);
  gint64 ty1 = (gint64) floor ((oy + height + margin) / f / LINLI_TILE_SIZE);

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (f * level->origin_tx * LINLI_TILE_SIZE - ox,
                                                        f * level->origin_ty * LINLI_TILE_SIZE - oy));
  gtk_snapshot_scale (snapshot, f, f);
  for (gint64 ty = ty0; ty <= ty1; ty++)
    for (gint64 tx = tx0; tx <= tx1; tx++)
      {
        gint64 key = tile_key (tx, ty);
        gpointer node = g_hash_table_lookup (level->tiles, &key);

        if (node != NULL && node != self)
          gtk_snapshot_append_node (snapshot, node);
      }
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
  Level *level = &self->current;
  gint64 deadline = G_MAXINT64;
  guint n_new = 0, n_shown_new = 0;
  gboolean left = FALSE;

  g_return_if_fail (self != NULL);

  if (width <= 0 || height <= 0)
    return;
  self->widget = widget;
  linli_world_origin (viewport, widget, &ox, &oy);
  if (zoom != level->zoom || scale != level->scale)
    change_level (self, zoom, scale, ox, oy);

  /* Whole device pixels, so the tiles are copied, never resampled. */
  ox = round (ox * scale) / scale;
  oy = round (oy * scale) / scale;
  /* Turned, the view reaches out to the circle around it. */
  margin = rotation != 0 ? (hypot (width, height) - MIN (width, height)) / 2 : 0;

  gtk_snapshot_save (snapshot);
  if (rotation != 0)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0, height / 2.0));
      gtk_snapshot_rotate (snapshot, rotation * 180 / G_PI);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2.0, -height / 2.0));
    }

  if (self->zoom_changed_at != 0 && g_hash_table_size (self->previous.tiles) > 0 &&
      fabs (self->current.zoom - self->previous.zoom) <= MAX_SCALED_LEVELS &&
      g_get_monotonic_time () - self->zoom_changed_at < SETTLE_MS * 1000)
    {
      snapshot_scaled (self, snapshot, ox, oy, width, height, margin);
      self->shown_zoom = self->previous.zoom;
      gtk_snapshot_restore (snapshot);
      if (self->settle_id == 0)
        self->settle_id = g_timeout_add (SETTLE_MS / 2, settle_cb, self);
      return;
    }

  self->shown_zoom = level->zoom;
  tx0 = (gint64) floor ((ox - margin) / LINLI_TILE_SIZE);
  ty0 = (gint64) floor ((oy - margin) / LINLI_TILE_SIZE);
  tx1 = (gint64) floor ((ox + width + margin) / LINLI_TILE_SIZE);
  ty1 = (gint64) floor ((oy + height + margin) / LINLI_TILE_SIZE);
  if (g_hash_table_size (level->tiles) > MAX_TILES)
    level_clear (self, level);

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-(ox - (double) level->origin_tx * LINLI_TILE_SIZE),
                                                        -(oy - (double) level->origin_ty * LINLI_TILE_SIZE)));
  if (self->refreshing)
    deadline = thread_time_us () + REFRESH_BUDGET_US;
  for (gint64 ty = ty0; ty <= ty1; ty++)
    for (gint64 tx = tx0; tx <= tx1; tx++)
      {
        gint64 key = tile_key (tx, ty);
        gpointer node = g_hash_table_lookup (level->tiles, &key);

        if (node == NULL && n_new > 0 && deadline != G_MAXINT64 &&
            (n_shown_new >= REFRESH_MAX_TILES || thread_time_us () > deadline))
          {
            /* Left for the next frame; the old content meanwhile. */
            node = self->stale != NULL ? g_hash_table_lookup (self->stale, &key) : NULL;
            left = TRUE;
          }
        else if (node == NULL)
          {
            node = draw_tile (self, tx, ty);
            n_new++;
            n_shown_new += node != NULL;
            g_hash_table_insert (level->tiles, g_memdup2 (&key, sizeof key), node ? node : self);
          }
        if (node != NULL && node != self)
          gtk_snapshot_append_node (snapshot, node);
      }
  gtk_snapshot_restore (snapshot);

  if (left && self->more_id == 0)
    self->more_id = g_idle_add (more_cb, self);
  else if (!left)
    {
      self->refreshing = FALSE;
      drop_stale (self);
    }
}
