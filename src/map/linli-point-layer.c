/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-point-layer"

#include "config.h"

#include <math.h>

#include "linli-map-style.h"
#include "linli-point-cluster.h"
#include "linli-point-layer.h"
#include "linli-point-set.h"
#include "linli-tile-cache.h"

/* One kind of point the map shows — cases, buildings, activities or
 * outreach events — all drawn in one snapshot, never as a widget each.
 *
 * Each style of symbol is drawn once into a small image (a sprite) and
 * copied to every point that has it. Cases that would overlap below
 * CLUSTER_MAX_ZOOM merge into a disc with their count. All of it is drawn
 * into tiles of the world at the current zoom level (LinliTileCache), so
 * panning copies tiles already drawn. */

#define POINT_RADIUS LINLI_POINT_RADIUS
#define OVERDUE_RADIUS 9.5
#define BUILDING_LABEL_ZOOM 17
/* A case's flag is the bit of its linli_map_case_rank(): a disc's lowest
 * bit set is its most urgent case. */
#define FLAG_OVERDUE (1u << LINLI_MAP_CASE_RANK_OVERDUE)

struct _LinliPointLayer
{
  ShumateLayer       parent_instance;

  LinliMapPointKind  kind;
  LinliPointSet     *set;         /* the points of this kind, projected at level 0 */
  GPtrArray         *labels;      /* of a building: PangoLayout or NULL, per entry of mine */
  GArray            *crowded;     /* gboolean per entry of mine: cases drawn on it */

  double             world_zoom;
  double            *xy;          /* world pixels of mine at world_zoom */
  GArray            *clusters;    /* LinliCluster over mine at world_zoom */
  GPtrArray         *cluster_sprites; /* each cluster's sprite, looked up once; not references */
  GHashTable        *tile_clusters;   /* tile key → GArray of the guint indices of the clusters
                                       * whose symbol may reach into it, in order */

  GArray            *symbols;     /* x, y and reach of each cluster, made when asked for */
  GQueue             kept;        /* LinliPointClusters of the levels left, the most recent first */
  guint              stamp;       /* changes with the clusters */

  GHashTable        *sprites;     /* style key → cairo_surface_t */
  PangoLayout       *count_layout; /* of the discs' counts, at the scale of the sprites */
  int                sprite_scale;
  LinliTileCache    *tiles;
  double             top_inset;   /* no building names above this */
};

G_DEFINE_FINAL_TYPE (LinliPointLayer, linli_point_layer, SHUMATE_TYPE_LAYER)

/* The clusters of a zoom level the layer left, kept for a return to it, as
 * its tiles are (LinliTileCache): the tiles are shown again at once, and
 * what is drawn over them keeps clear of these without working them out
 * again. */
#define MAX_KEPT_CLUSTERS 4

static void
kept_clusters_free (gpointer data)
{
  linli_point_clusters_free (data);
}

enum {
  SYMBOLS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const LinliMapPoint *
point_of (LinliPointLayer *self,
          guint            i)
{
  return &g_array_index (self->set->points, LinliMapPoint, g_array_index (self->set->mine, guint, i));
}

static double
symbol_radius (LinliPointLayer *self,
               guint            count,
               gboolean         overdue)
{
  return linli_point_symbol_radius (self->kind, count, overdue);
}

/* How far from its place a symbol reaches, in pixels. */
double
linli_point_symbol_radius (LinliMapPointKind kind,
                           guint             count,
                           gboolean          overdue)
{
  switch (kind)
    {
    case LINLI_MAP_POINT_CASE:
      return count > 1 ? linli_cluster_radius (count, POINT_RADIUS) + (overdue ? 3 : 0)
                       : overdue ? OVERDUE_RADIUS : POINT_RADIUS;
    case LINLI_MAP_POINT_BUILDING:
      return 5;
    case LINLI_MAP_POINT_ACTIVITY:
    case LINLI_MAP_POINT_OUTREACH:
    default:
      return 9;
    }
}

static void
star_path (cairo_t *cr,
           double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = i % 2 ? r * 0.45 : r;
      if (i == 0)
        cairo_move_to (cr, rr * cos (a), rr * sin (a));
      else
        cairo_line_to (cr, rr * cos (a), rr * sin (a));
    }
  cairo_close_path (cr);
}

/* A disc of @count cases without its count: the same for every count
 * from 16 on (linli_cluster_radius()), so drawn once for them all. */
static void
disc_draw (cairo_t  *cr,
           int       status,
           guint     count,
           gboolean  overdue)
{
  double r = linli_cluster_radius (count, POINT_RADIUS);
  GdkRGBA color;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (overdue)
    {
      linli_map_style_overdue_color (&color);
      cairo_arc (cr, 0, 0, r + 2, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  /* The colour of its most urgent case. */
  if (overdue)
    linli_map_style_overdue_color (&color);
  else
    linli_map_style_case_color (status, &color);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* The count of a disc, in white, centred on the origin, in @layout. */
static void
count_draw (cairo_t     *cr,
            PangoLayout *layout,
            guint        count)
{
  g_autofree char *markup = g_strdup_printf ("<small><b>%u</b></small>", count);
  int w, h;

  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, -w / 2.0, -h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/**
 * linli_point_symbol_draw:
 * @widget: for the font of a disc's count
 * @status: of a case, or of the most urgent case of a disc
 * @count: 1 for a point, more for a disc of cases
 * @overdue: a case past its due time, or a disc that has one
 *
 * Draws the symbol of a point centred on the origin, as the layers and the
 * legend show it.
 */
void
linli_point_symbol_draw (cairo_t           *cr,
                         GtkWidget         *widget,
                         LinliMapPointKind  kind,
                         int                status,
                         guint              count,
                         gboolean           overdue)
{
  GdkRGBA color;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (kind)
    {
    case LINLI_MAP_POINT_CASE:
      if (count > 1)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

          disc_draw (cr, status, count, overdue);
          count_draw (cr, layout, count);
          return;
        }
      if (overdue)
        {
          linli_map_style_overdue_color (&color);
          cairo_arc (cr, 0, 0, OVERDUE_RADIUS - 1, 0, 2 * G_PI);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
      linli_map_style_case_color (status, &color);
      cairo_arc (cr, 0, 0, POINT_RADIUS - 1, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      return;

    case LINLI_MAP_POINT_BUILDING:
      linli_map_style_building_color (&color);
      cairo_rectangle (cr, -4, -4, 8, 8);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      return;

    case LINLI_MAP_POINT_ACTIVITY:
      linli_map_style_activity_color (&color);
      star_path (cr, 8.5);
      /* A cancelled activity is shown pale. */
      cairo_set_source_rgba (cr, color.red, color.green, color.blue,
                             status == LINLI_ACTIVITY_STATUS_CANCELLED ? 0.4 : 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.24, 0.22, 0.27);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      return;

    case LINLI_MAP_POINT_OUTREACH:
    default:
      linli_map_style_outreach_color (&color);
      cairo_move_to (cr, 0, -8.5);
      cairo_line_to (cr, 8.5, 7);
      cairo_line_to (cr, -8.5, 7);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_rectangle (cr, -1, -3.5, 2, 5);
      cairo_rectangle (cr, -1, 3, 2, 2);
      cairo_fill (cr);
      return;
    }
}

/* Half the side of a symbol's sprite: whole pixels, so that the sprite is
 * copied, never resampled. */
static double
sprite_half (LinliPointLayer *self,
             guint            count,
             gboolean         overdue)
{
  return ceil (symbol_radius (self, count, overdue) + 2);
}

/* Counts from this on have discs of one size (linli_cluster_radius()). */
#define SAME_DISC_COUNT 16

static cairo_surface_t *
new_sprite (LinliPointLayer *self,
            double           r,
            cairo_t        **cr)
{
  int size = (int) (2 * r * self->sprite_scale);
  cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);

  cairo_surface_set_device_scale (sprite, self->sprite_scale, self->sprite_scale);
  *cr = cairo_create (sprite);
  cairo_translate (*cr, r, r);
  return sprite;
}

/* The disc of a count without the count, kept apart: at many cases nearly
 * every disc has a count of its own, and drawing its rings again for each
 * took most of a first frame. */
static cairo_surface_t *
get_disc (LinliPointLayer *self,
          int              status,
          guint            count,
          gboolean         overdue)
{
  guint same = MIN (count, SAME_DISC_COUNT);
  guint64 key = ((guint64) 1 << 63) | ((guint64) same << 16) | ((guint64) (status & 0xff) << 1) | (overdue ? 1 : 0);
  cairo_surface_t *disc = g_hash_table_lookup (self->sprites, &key);

  if (disc == NULL)
    {
      cairo_t *cr;

      disc = new_sprite (self, sprite_half (self, same, overdue), &cr);
      disc_draw (cr, status, same, overdue);
      cairo_destroy (cr);
      g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), disc);
    }
  return disc;
}

/* The sprite of a style, drawn on first use at the widget's scale. */
static cairo_surface_t *
get_sprite (LinliPointLayer *self,
            int              status,
            guint            count,
            gboolean         overdue)
{
  guint64 key = ((guint64) count << 16) | ((guint64) (status & 0xff) << 1) | (overdue ? 1 : 0);
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, &key);

  if (sprite == NULL)
    {
      double r = sprite_half (self, count, overdue);
      cairo_t *cr;

      sprite = new_sprite (self, r, &cr);
      if (self->kind == LINLI_MAP_POINT_CASE && count > 1)
        {
          /* The same pixels as linli_point_symbol_draw(): the disc copied
           * whole onto the clear sprite, then its count over it. */
          if (self->count_layout == NULL)
            self->count_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
          cairo_set_source_surface (cr, get_disc (self, status, count, overdue), -r, -r);
          cairo_paint (cr);
          count_draw (cr, self->count_layout, count);
        }
      else
        linli_point_symbol_draw (cr, GTK_WIDGET (self), self->kind, status, count, overdue);
      cairo_destroy (cr);
      g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
    }
  return sprite;
}

/* The status a disc is drawn in: that of its most urgent case. */
static int
cluster_status (const LinliCluster *cluster)
{
  static const LinliCaseStatus by_rank[] = {
    LINLI_CASE_STATUS_IN_PROGRESS, /* overdue: drawn in the overdue colour */
    LINLI_CASE_STATUS_ESCALATED, LINLI_CASE_STATUS_REGISTERED, LINLI_CASE_STATUS_ASSIGNED,
    LINLI_CASE_STATUS_IN_PROGRESS, LINLI_CASE_STATUS_SUSPENDED, LINLI_CASE_STATUS_RESOLVED,
    LINLI_CASE_STATUS_REVISITED, LINLI_CASE_STATUS_VOID,
  };
  int rank = g_bit_nth_lsf (cluster->flags, -1);

  return rank >= 0 && rank < (int) G_N_ELEMENTS (by_rank) ? (int) by_rank[rank] : LINLI_CASE_STATUS_VOID;
}

/* Places the points at @zoom and clusters them there, unless they are. */
static void
project (LinliPointLayer *self,
         double           zoom)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double tile_size = linli_world_tile_size (viewport);
  guint n = self->set->mine->len;
  double size = exp2 (zoom);

  /* Another map source: the places are worked out again. */
  if (tile_size != self->set->tile_size)
    {
      g_autoptr(GArray) points = self->set->points ? g_array_ref (self->set->points) : NULL;

      g_clear_pointer (&self->set, linli_point_set_free);
      self->set = linli_point_set_new (points, self->kind, tile_size);
      g_queue_clear_full (&self->kept, kept_clusters_free);
      g_clear_pointer (&self->clusters, g_array_unref);
      g_clear_pointer (&self->tile_clusters, g_hash_table_unref);
      self->world_zoom = NAN;
    }
  if (self->world_zoom == zoom)
    return;
  if (self->clusters != NULL && !isnan (self->world_zoom))
    {
      LinliPointClusters *kept = g_new (LinliPointClusters, 1);

      kept->zoom = self->world_zoom;
      kept->clusters = g_steal_pointer (&self->clusters);
      kept->tile_clusters = g_steal_pointer (&self->tile_clusters);
      g_queue_push_head (&self->kept, kept);
      if (g_queue_get_length (&self->kept) > MAX_KEPT_CLUSTERS)
        kept_clusters_free (g_queue_pop_tail (&self->kept));
    }
  self->world_zoom = zoom;

  /* World pixels only double from a level to the next: the places are
   * projected once, at level 0 (LinliPointSet), and scaled. */
  if (self->xy == NULL)
    self->xy = g_new (double, 2 * MAX (n, 1));
  for (guint i = 0; i < 2 * n; i++)
    self->xy[i] = self->set->unit_xy[i] * size;

  /* Which buildings have a case drawn on or beside them, for their labels
   * to start past it. Buildings are few; a look at every case will do. */
  if (self->kind == LINLI_MAP_POINT_BUILDING && zoom >= BUILDING_LABEL_ZOOM)
    for (guint i = 0; i < n; i++)
      {
        gboolean crowded = FALSE;

        for (guint j = 0; j < self->set->points->len && !crowded; j++)
          {
            const LinliMapPoint *p = &g_array_index (self->set->points, LinliMapPoint, j);
            double x, y;

            if (p->kind != LINLI_MAP_POINT_CASE ||
                fabs (p->lat - point_of (self, i)->lat) > 0.001 || fabs (p->lon - point_of (self, i)->lon) > 0.001)
              continue;
            linli_world_from_location (viewport, zoom, p->lat, p->lon, &x, &y);
            crowded = fabs (x - self->xy[2 * i]) < 2 * POINT_RADIUS && fabs (y - self->xy[2 * i + 1]) < 2 * POINT_RADIUS;
          }
        g_array_index (self->crowded, gboolean, i) = crowded;
      }

  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->tile_clusters, g_hash_table_unref);
  g_clear_pointer (&self->symbols, g_array_unref);
  self->stamp++;
  g_signal_emit (self, signals[SYMBOLS_CHANGED], 0);
  g_ptr_array_set_size (self->cluster_sprites, 0);

  /* A level left a moment ago, or the one the points were clustered at
   * in their thread. */
  for (GList *l = self->kept.head; l != NULL; l = l->next)
    {
      LinliPointClusters *kept = l->data;

      if (kept->zoom != zoom)
        continue;
      self->clusters = g_steal_pointer (&kept->clusters);
      self->tile_clusters = g_steal_pointer (&kept->tile_clusters);
      g_queue_delete_link (&self->kept, l);
      kept_clusters_free (kept);
      return;
    }
  {
    LinliPointClusters *made = linli_point_set_cluster (self->set, self->xy, zoom);

    self->clusters = g_steal_pointer (&made->clusters);
    self->tile_clusters = g_steal_pointer (&made->tile_clusters);
    linli_point_clusters_free (made);
  }
}

static PangoLayout *
get_label (LinliPointLayer *self,
           guint            i)
{
  PangoLayout *layout = g_ptr_array_index (self->labels, i);

  if (layout == NULL)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), point_of (self, i)->title);
      g_ptr_array_index (self->labels, i) = layout;
    }
  return layout;
}

static gboolean
draw_tile_cb (cairo_t  *cr,
              double    zoom,
              double    tx,
              double    ty,
              gpointer  user_data)
{
  LinliPointLayer *self = user_data;
  gboolean drawn = FALSE;
  gint64 key;
  GArray *list;

  project (self, zoom);
  key = linli_point_tile_key ((gint64) floor (tx / LINLI_TILE_SIZE), (gint64) floor (ty / LINLI_TILE_SIZE));
  list = g_hash_table_lookup (self->tile_clusters, &key);

  for (guint l = 0; list != NULL && l < list->len; l++)
    {
      guint c = g_array_index (list, guint, l);
      const LinliCluster *cluster = &g_array_index (self->clusters, LinliCluster, c);
      const LinliMapPoint *point;
      gboolean overdue;
      double r, x, y;
      cairo_surface_t *sprite;

      point = point_of (self, cluster->first);
      overdue = (cluster->flags & FLAG_OVERDUE) != 0;
      r = sprite_half (self, cluster->count, overdue);
      x = round (cluster->x) - r;
      y = round (cluster->y) - r;
      if (x + 2 * r < tx || x > tx + LINLI_TILE_SIZE || y + 2 * r < ty || y > ty + LINLI_TILE_SIZE)
        continue;
      if (self->cluster_sprites->len == 0)
        g_ptr_array_set_size (self->cluster_sprites, self->clusters->len);
      sprite = g_ptr_array_index (self->cluster_sprites, c);
      if (sprite == NULL)
        {
          sprite = get_sprite (self, cluster->count > 1 ? cluster_status (cluster) : point->status,
                               cluster->count, overdue);
          g_ptr_array_index (self->cluster_sprites, c) = sprite;
        }
      cairo_set_source_surface (cr, sprite, x, y);
      cairo_rectangle (cr, x, y, 2 * r, 2 * r);
      cairo_fill (cr);
      drawn = TRUE;
    }

  return drawn;
}

/* Building names beside their squares, with a halo to read over grids;
 * drawn with each frame, not in the tiles, so that a name the map's
 * toolbar would cover is left out, as the grids' names keep below it. */
static void
snapshot_labels (LinliPointLayer *self,
                 GtkSnapshot     *snapshot)
{
  static const GdkRGBA text = { 0.36, 0.25, 0.16, 1.0 };
  static const GskShadow halo[] = {
    { { 1, 1, 1, 0.9 }, 0, 0, 2 },
    { { 1, 1, 1, 0.9 }, 0, 0, 1 },
  };
  GtkWidget *widget = GTK_WIDGET (self);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->kind != LINLI_MAP_POINT_BUILDING ||
      shumate_viewport_get_zoom_level (viewport) < BUILDING_LABEL_ZOOM)
    return;

  for (guint i = 0; i < self->set->mine->len; i++)
    {
      const LinliMapPoint *point = point_of (self, i);
      PangoLayout *layout;
      double x, y;
      int w, h;

      shumate_viewport_location_to_widget_coords (viewport, widget, point->lat, point->lon, &x, &y);
      if (x > width || x + 220 < 0 || y - 20 > height || y + 20 < 0)
        continue;
      layout = get_label (self, i);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* Past the disc of the cases on a building, so that it covers none. */
      x = round (x + (i < self->crowded->len && g_array_index (self->crowded, gboolean, i) ? 22 : 7));
      y = round (y - h / 2.0);
      if (y < self->top_inset || x + w < 0)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_push_shadow (snapshot, halo, G_N_ELEMENTS (halo));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * linli_point_layer_set_top_inset:
 * @inset: pixels from the top of the layer
 *
 * Keeps the buildings' names out of the band at the top of the map that
 * the map's toolbar covers.
 */
void
linli_point_layer_set_top_inset (LinliPointLayer *self,
                                 double           inset)
{
  g_return_if_fail (LINLI_IS_POINT_LAYER (self));

  if (self->top_inset == inset)
    return;
  self->top_inset = inset;
  if (self->kind == LINLI_MAP_POINT_BUILDING)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
linli_point_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LinliPointLayer *self = LINLI_POINT_LAYER (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->set->mine->len == 0)
    return;
  if (scale != self->sprite_scale)
    {
      g_ptr_array_set_size (self->cluster_sprites, 0);
      g_hash_table_remove_all (self->sprites);
      g_clear_object (&self->count_layout);
      self->sprite_scale = scale;
    }
  linli_tile_cache_snapshot (self->tiles, snapshot, widget, shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  snapshot_labels (self, snapshot);
}

static void
viewport_changed_cb (LinliPointLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
linli_point_layer_constructed (GObject *object)
{
  LinliPointLayer *self = LINLI_POINT_LAYER (object);

  G_OBJECT_CLASS (linli_point_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Labels not yet made are NULL. */
static void
unref_label (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static void
linli_point_layer_finalize (GObject *object)
{
  LinliPointLayer *self = LINLI_POINT_LAYER (object);

  g_clear_pointer (&self->set, linli_point_set_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->crowded, g_array_unref);
  g_clear_pointer (&self->xy, g_free);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->symbols, g_array_unref);
  g_queue_clear_full (&self->kept, kept_clusters_free);
  g_clear_pointer (&self->cluster_sprites, g_ptr_array_unref);
  g_clear_pointer (&self->tile_clusters, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_object (&self->count_layout);
  g_clear_pointer (&self->tiles, linli_tile_cache_free);

  G_OBJECT_CLASS (linli_point_layer_parent_class)->finalize (object);
}

static void
linli_point_layer_class_init (LinliPointLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = linli_point_layer_constructed;
  object_class->finalize = linli_point_layer_finalize;
  widget_class->snapshot = linli_point_layer_snapshot;

  /**
   * LinliPointLayer::symbols-changed:
   *
   * What linli_point_layer_get_symbols() returns changed: the points, or
   * the zoom level they are drawn at. Emitted while the layer is drawn.
   */
  signals[SYMBOLS_CHANGED] =
    g_signal_new ("symbols-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
linli_point_layer_init (LinliPointLayer *self)
{
  self->labels = g_ptr_array_new_with_free_func (unref_label);
  self->cluster_sprites = g_ptr_array_new ();
  self->crowded = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->sprite_scale = 1;
  self->world_zoom = NAN;
  self->tiles = linli_tile_cache_new (draw_tile_cb, self);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

LinliPointLayer *
linli_point_layer_new (ShumateViewport   *viewport,
                       LinliMapPointKind  kind)
{
  LinliPointLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (LINLI_TYPE_POINT_LAYER, "viewport", viewport, NULL);
  self->kind = kind;
  self->set = linli_point_set_new (NULL, kind, linli_world_tile_size (viewport));
  return self;
}

/**
 * linli_point_layer_set_points:
 * @points: (nullable) (element-type LinliMapPoint): from
 *   linli_map_points_load(), of every kind; the layer keeps a reference
 *
 * Draws the points of the layer's kind. At a million cases, placing and
 * clustering them takes a while: linli_point_sets_new_async() does it in
 * a thread, for linli_point_layer_set_point_set().
 */
void
linli_point_layer_set_points (LinliPointLayer *self,
                              GArray          *points)
{
  ShumateViewport *viewport;

  g_return_if_fail (LINLI_IS_POINT_LAYER (self));

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  linli_point_layer_set_point_set (self, linli_point_set_new (points, self->kind, linli_world_tile_size (viewport)));
}

/**
 * linli_point_layer_set_point_set:
 * @set: (transfer full): of the layer's kind
 *
 * Draws the points of @set, with the clusters it was made with, if any.
 */
void
linli_point_layer_set_point_set (LinliPointLayer *self,
                                 LinliPointSet   *set)
{
  g_return_if_fail (LINLI_IS_POINT_LAYER (self));
  g_return_if_fail (set != NULL && set->kind == self->kind);

  g_clear_pointer (&self->set, linli_point_set_free);
  self->set = set;

  /* Labels are made when first drawn. */
  g_ptr_array_set_size (self->labels, 0);
  if (self->kind == LINLI_MAP_POINT_BUILDING)
    g_ptr_array_set_size (self->labels, set->mine->len);
  g_array_set_size (self->crowded, set->mine->len);
  g_clear_pointer (&self->xy, g_free);

  self->world_zoom = NAN;
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->tile_clusters, g_hash_table_unref);
  g_clear_pointer (&self->symbols, g_array_unref);
  g_ptr_array_set_size (self->cluster_sprites, 0);
  g_queue_clear_full (&self->kept, kept_clusters_free);
  /* Found by the first project() at that level. */
  if (set->clusters != NULL)
    g_queue_push_head (&self->kept, g_steal_pointer (&set->clusters));
  self->stamp++;
  g_signal_emit (self, signals[SYMBOLS_CHANGED], 0);
  /* A million cases take 100 ms of tiles: over several frames. */
  linli_tile_cache_refresh (self->tiles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * linli_point_layer_get_symbols:
 * @zoom: (out): the zoom level of their places
 * @n_symbols: (out): how many there are
 * @stamp: (out): a number that changes whenever the symbols do
 *
 * The discs and symbols as the layer last drew them, for what else is
 * drawn on the map to keep clear of them (at the level its tiles show,
 * which a zoom in progress shows scaled): three numbers each, the centre
 * in world pixels at @zoom and how far the symbol reaches in pixels.
 * Nothing while the layer is hidden or has not been drawn.
 *
 * Returns: (transfer none) (nullable): @n_symbols × 3 numbers
 */
const double *
linli_point_layer_get_symbols (LinliPointLayer *self,
                               double          *zoom,
                               guint           *n_symbols,
                               guint           *stamp)
{
  double shown;

  g_return_val_if_fail (LINLI_IS_POINT_LAYER (self), NULL);

  /* Back at a level it kept, the layer shows its tiles without working
   * out its clusters again: they are those of another level. */
  shown = linli_tile_cache_get_shown_zoom (self->tiles);
  if (!isnan (shown) && shown != self->world_zoom && self->set->mine->len > 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self)))
    project (self, shown);
  *stamp = self->stamp;
  *zoom = self->world_zoom;
  *n_symbols = 0;
  if (self->clusters == NULL || isnan (self->world_zoom) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  if (self->symbols == NULL)
    {
      self->symbols = g_array_sized_new (FALSE, FALSE, sizeof (double), 3 * self->clusters->len);
      for (guint c = 0; c < self->clusters->len; c++)
        {
          const LinliCluster *cluster = &g_array_index (self->clusters, LinliCluster, c);
          double symbol[3] = {
            cluster->x, cluster->y,
            symbol_radius (self, cluster->count, (cluster->flags & FLAG_OVERDUE) != 0),
          };
          g_array_append_vals (self->symbols, symbol, 3);
        }
    }
  *n_symbols = self->clusters->len;
  return (const double *) (gpointer) self->symbols->data;
}

guint
linli_point_layer_get_n_points (LinliPointLayer *self)
{
  g_return_val_if_fail (LINLI_IS_POINT_LAYER (self), 0);
  return self->set->mine->len;
}

/* How many discs and symbols are drawn at the current zoom level: fewer
 * than points where cases merge. */
guint
linli_point_layer_get_n_shown (LinliPointLayer *self)
{
  g_return_val_if_fail (LINLI_IS_POINT_LAYER (self), 0);

  project (self, shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self))));
  return self->clusters->len;
}

/**
 * linli_point_layer_hit:
 * @x: widget x of the layer
 * @y: widget y of the layer
 * @count: (out) (optional): how many points the disc there stands for
 * @latitude: (out) (optional): where the disc is
 * @longitude: (out) (optional):
 *
 * Returns: (transfer none) (nullable): the point drawn at (@x, @y), for a
 *   disc of several the first of them
 */
const LinliMapPoint *
linli_point_layer_hit (LinliPointLayer *self,
                       double           x,
                       double           y,
                       guint           *count,
                       double          *latitude,
                       double          *longitude)
{
  ShumateViewport *viewport;
  const LinliCluster *cluster;
  double zoom, lat, lon, wx, wy;
  int hit;

  g_return_val_if_fail (LINLI_IS_POINT_LAYER (self), NULL);

  if (self->set->mine->len == 0 || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  zoom = shumate_viewport_get_zoom_level (viewport);
  project (self, zoom);
  /* Through the place, which the viewport works out however the map is
   * turned. */
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);
  linli_world_from_location (viewport, zoom, lat, lon, &wx, &wy);
  /* A little wider than the dot: a finger or a shaky hand. */
  hit = linli_cluster_hit ((const LinliCluster *) (gpointer) self->clusters->data, self->clusters->len,
                           symbol_radius (self, 1, TRUE) + 2, wx, wy);
  if (hit < 0)
    return NULL;

  cluster = &g_array_index (self->clusters, LinliCluster, hit);
  if (count != NULL)
    *count = cluster->count;
  linli_location_from_world (viewport, zoom, cluster->x, cluster->y, &lat, &lon);
  if (latitude != NULL)
    *latitude = lat;
  if (longitude != NULL)
    *longitude = lon;
  return point_of (self, cluster->first);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const LinliMapPoint *p = *(const LinliMapPoint * const *) a;
  const LinliMapPoint *q = *(const LinliMapPoint * const *) b;
  guint rp = linli_map_case_rank (p->status, p->overdue);
  guint rq = linli_map_case_rank (q->status, q->overdue);

  if (rp != rq)
    return rp < rq ? -1 : 1;
  /* The newest first: stored times compare as text in one zone only. */
  if (g_strcmp0 (p->at, q->at) != 0)
    return -g_strcmp0 (p->at, q->at);
  return p->id < q->id ? -1 : p->id > q->id;
}

/**
 * linli_point_layer_hit_members:
 * @x: widget x of the layer
 * @y: widget y of the layer
 * @status: (out) (optional): the status the disc is drawn in: of a case,
 *   or of the most urgent case of a disc
 * @overdue: (out) (optional): whether it is drawn as overdue
 * @spread: (out) (optional): how far its farthest point lies from its
 *   centre, in pixels at the current zoom level
 *
 * Every point of the disc or symbol drawn at (@x, @y), the most urgent
 * first (linli_map_case_rank()), then the most recent.
 *
 * Returns: (transfer container) (nullable) (element-type LinliMapPoint):
 *   the points, valid until the layer's points are set again; %NULL when
 *   nothing is drawn there
 */
GPtrArray *
linli_point_layer_hit_members (LinliPointLayer *self,
                               double           x,
                               double           y,
                               int             *status,
                               gboolean        *overdue,
                               double          *spread)
{
  ShumateViewport *viewport;
  const LinliCluster *cluster;
  g_autofree guint *cluster_of = NULL;
  g_autoptr(GArray) again = NULL;
  GPtrArray *members;
  double zoom, lat, lon, wx, wy, far = 0;
  int hit;

  g_return_val_if_fail (LINLI_IS_POINT_LAYER (self), NULL);

  if (self->set->mine->len == 0 || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  zoom = shumate_viewport_get_zoom_level (viewport);
  project (self, zoom);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);
  linli_world_from_location (viewport, zoom, lat, lon, &wx, &wy);
  hit = linli_cluster_hit ((const LinliCluster *) (gpointer) self->clusters->data, self->clusters->len,
                           symbol_radius (self, 1, TRUE) + 2, wx, wy);
  if (hit < 0)
    return NULL;
  cluster = &g_array_index (self->clusters, LinliCluster, hit);

  /* The same points at the same level cluster the same way: done again,
   * only when asked, it tells which points the disc holds. */
  cluster_of = g_new (guint, self->set->mine->len);
  again = linli_point_cluster_full (self->xy, NULL, self->set->mine->len, linli_point_cluster_distance (self->kind, zoom), cluster_of);
  g_assert (again->len == self->clusters->len);
  members = g_ptr_array_sized_new (cluster->count);
  for (guint i = 0; i < self->set->mine->len; i++)
    if (cluster_of[i] == (guint) hit)
      {
        double dx = self->xy[2 * i] - cluster->x, dy = self->xy[2 * i + 1] - cluster->y;

        far = MAX (far, sqrt (dx * dx + dy * dy));
        g_ptr_array_add (members, (gpointer) point_of (self, i));
      }
  g_ptr_array_sort (members, compare_members);

  if (status != NULL)
    *status = cluster->count > 1 ? cluster_status (cluster) : point_of (self, cluster->first)->status;
  if (overdue != NULL)
    *overdue = (cluster->flags & FLAG_OVERDUE) != 0;
  if (spread != NULL)
    *spread = far;
  return members;
}
