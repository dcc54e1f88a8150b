/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench"

#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>

#include "linli-bench-clock.h"
#include "linli-bench-map.h"
#include "linli-geometry.h"
#include "linli-grid-index.h"
#include "linli-grid-layer.h"
#include "linli-map-points.h"
#include "linli-point-layer.h"
#include "linli-records.h"

/* 10,000 case points and 100 grids of 200 vertices in a 1280 × 800 view,
 * drawn offscreen: a frame is the map's snapshot rendered to a texture by
 * GSK's cairo renderer, after the map is laid out again. */

#define WIDTH        1280
#define HEIGHT       800
#define N_POINTS     10000
#define GRID_SIDE    10          /* GRID_SIDE² grids */
#define GRID_VERTICES 200
#define LAT0         35.4150
#define LON0         116.5870
#define SPAN_LON     0.0140      /* about 1.3 km: the view at zoom 17 */
#define SPAN_LAT     0.0075
#define ZOOM         17
#define PAN_FRAMES   120
#define PAN_STEP     9           /* pixels a frame, across and down */
#define ZOOM_STEPS   8
#define SETTLE_US    (400 * 1000)  /* longer than LinliTileCache waits for a zoom to settle */
#define PIP_POINTS   2000000
#define SEED         20260101

typedef struct
{
  GtkWindow       *window;
  ShumateMap      *map;
  ShumateViewport *viewport;
  GskRenderer     *renderer;
} Scene;

static GListModel *
make_grids (void)
{
  GListStore *grids = g_list_store_new (LINLI_TYPE_GRID);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  double w = SPAN_LON / GRID_SIDE, h = SPAN_LAT / GRID_SIDE;

  for (guint gy = 0; gy < GRID_SIDE; gy++)
    for (guint gx = 0; gx < GRID_SIDE; gx++)
      {
        g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
        g_autoptr(GString) json = g_string_new ("{\"type\":\"Polygon\",\"coordinates\":[[");
        double x0 = LON0 - SPAN_LON / 2 + gx * w, y0 = LAT0 - SPAN_LAT / 2 + gy * h;
        g_autofree char *code = g_strdup_printf ("B-%02u%02u", gx, gy);
        char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];
        double first_x = 0, first_y = 0;

        /* Around the cell, a little inside it, every vertex moved in or
         * out at random: as ragged as outlines traced on a site plan, and
         * like them never crossing themselves. */
        for (guint k = 0; k < GRID_VERTICES; k++)
          {
            double t = (double) k / GRID_VERTICES * 4, x, y;
            double jitter = g_rand_double_range (rand, -0.03, 0.03);

            if (t < 1)      { x = t;          y = jitter; }
            else if (t < 2) { x = 1 + jitter; y = t - 1; }
            else if (t < 3) { x = 3 - t;      y = 1 + jitter; }
            else            { x = jitter;     y = 4 - t; }
            x = x0 + w * (0.04 + 0.92 * x);
            y = y0 + h * (0.04 + 0.92 * y);
            if (k == 0)
              first_x = x, first_y = y;
            g_string_append_printf (json, "%s[%s,%s]", k ? "," : "",
                                    g_ascii_formatd (lon, sizeof lon, "%.7f", x),
                                    g_ascii_formatd (lat, sizeof lat, "%.7f", y));
          }
        g_string_append_printf (json, ",[%s,%s]]]}",
                                g_ascii_formatd (lon, sizeof lon, "%.7f", first_x),
                                g_ascii_formatd (lat, sizeof lat, "%.7f", first_y));

        linli_record_set_id (grid, gy * GRID_SIDE + gx + 1);
        linli_record_set_text (grid, "code", code);
        linli_record_set_text (grid, "name", code);
        linli_record_set_text (grid, "color", (gx + gy) % 2 ? "#3584e4" : "#e66100");
        linli_record_set_text (grid, "boundary", json->str);
        g_list_store_append (grids, grid);
      }
  return G_LIST_MODEL (grids);
}

static void
point_clear (gpointer data)
{
  g_free (((LinliMapPoint *) data)->title);
}

static GArray *
make_points (void)
{
  GArray *points = g_array_sized_new (FALSE, TRUE, sizeof (LinliMapPoint), N_POINTS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);

  g_array_set_clear_func (points, point_clear);
  for (guint i = 0; i < N_POINTS; i++)
    {
      LinliMapPoint p = { 0, };

      p.id = i + 1;
      p.kind = LINLI_MAP_POINT_CASE;
      p.lat = LAT0 + g_rand_double_range (rand, -SPAN_LAT / 2, SPAN_LAT / 2);
      p.lon = LON0 + g_rand_double_range (rand, -SPAN_LON / 2, SPAN_LON / 2);
      p.status = g_rand_int_range (rand, 0, LINLI_CASE_STATUS_DUPLICATE + 1);
      p.overdue = g_rand_int_range (rand, 0, 10) == 0;
      p.title = g_strdup_printf ("Case %u", i + 1);
      g_array_append_val (points, p);
    }
  return points;
}

static gboolean
scene_init (Scene   *scene,
            GError **error)
{
  static gboolean tried, have_display;
  g_autoptr(ShumateMapSourceRegistry) registry = NULL;

  if (!tried)
    {
      tried = TRUE;
      have_display = gtk_init_check ();
      if (have_display)
        adw_init ();
    }
  if (!have_display)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "no display to draw on; run the benchmark under xvfb-run");
      return FALSE;
    }

  registry = shumate_map_source_registry_new_with_defaults ();
  scene->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (scene->window, WIDTH, HEIGHT);
  scene->map = shumate_map_new ();
  gtk_widget_set_size_request (GTK_WIDGET (scene->map), WIDTH, HEIGHT);
  scene->viewport = shumate_map_get_viewport (scene->map);
  shumate_viewport_set_reference_map_source (scene->viewport,
                                             shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  shumate_viewport_set_max_zoom_level (scene->viewport, 19);
  gtk_window_set_child (scene->window, GTK_WIDGET (scene->map));
  gtk_window_present (scene->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (scene->map)))
    g_main_context_iteration (NULL, TRUE);

  scene->renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (scene->renderer, gtk_native_get_surface (GTK_NATIVE (scene->window)), error))
    return FALSE;
  shumate_viewport_set_zoom_level (scene->viewport, ZOOM);
  shumate_map_center_on (scene->map, LAT0, LON0);
  return TRUE;
}

static void
scene_clear (Scene *scene)
{
  if (scene->renderer != NULL)
    gsk_renderer_unrealize (scene->renderer);
  g_clear_object (&scene->renderer);
  if (scene->window != NULL)
    gtk_window_destroy (scene->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* One frame as GTK makes it: layout, snapshot, render. */
static double
frame_ms (Scene *scene)
{
  LinliBenchStamp start = linli_bench_stamp ();
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_widget_allocate (GTK_WIDGET (scene->map), WIDTH, HEIGHT, -1, NULL);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (scene->map)->snapshot (GTK_WIDGET (scene->map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    texture = gsk_renderer_render_texture (scene->renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  return linli_bench_ms_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The median frame while the view moves PAN_STEP pixels a frame. */
static double
pan_median_ms (Scene *scene)
{
  double frames[PAN_FRAMES];

  frame_ms (scene);   /* the first frame draws everything */
  for (guint i = 0; i < PAN_FRAMES; i++)
    {
      double lat, lon;

      shumate_viewport_widget_coords_to_location (scene->viewport, GTK_WIDGET (scene->map),
                                                  WIDTH / 2.0 + PAN_STEP, HEIGHT / 2.0 + PAN_STEP / 2.0,
                                                  &lat, &lon);
      shumate_map_center_on (scene->map, lat, lon);
      frames[i] = frame_ms (scene);
    }
  return median (frames, PAN_FRAMES);
}

static void
add_linli_layers (Scene *scene)
{
  g_autoptr(GListModel) grids = make_grids ();
  g_autoptr(GArray) points = make_points ();
  LinliGridLayer *grid_layer = linli_grid_layer_new (scene->viewport);
  LinliPointLayer *case_layer = linli_point_layer_new (scene->viewport, LINLI_MAP_POINT_CASE);

  linli_grid_layer_set_grids (grid_layer, grids);
  linli_point_layer_set_points (case_layer, points);
  shumate_map_add_layer (scene->map, SHUMATE_LAYER (grid_layer));
  shumate_map_add_layer (scene->map, SHUMATE_LAYER (case_layer));
  linli_grid_layer_avoid (grid_layer, case_layer);
  shumate_map_add_layer (scene->map, linli_grid_layer_get_label_layer (grid_layer));
}

gboolean
linli_bench_map_pan_frame_ms (double  *value,
                              GError **error)
{
  Scene scene = { 0, };

  if (!scene_init (&scene, error))
    {
      scene_clear (&scene);
      return FALSE;
    }
  add_linli_layers (&scene);
  *value = pan_median_ms (&scene);
  scene_clear (&scene);
  return TRUE;
}

/* The first frame after each zoom step, in and out around ZOOM: the median
 * of all of them in @all, and in @new_level of those at a level the view
 * has not been at before (16, 15, 18 and 19), which the layers must draw in
 * full; going back to a level the view stood at a moment before, they may
 * show the tiles they kept of it. */
static gboolean
zoom_frames_ms (double  *all,
                double  *new_level,
                GError **error)
{
  static const double zooms[ZOOM_STEPS] = { 16, 15, 16, 17, 18, 19, 18, 17 };
  Scene scene = { 0, };
  double frames[ZOOM_STEPS], fresh[ZOOM_STEPS];
  guint n_fresh = 0;

  if (!scene_init (&scene, error))
    {
      scene_clear (&scene);
      return FALSE;
    }
  add_linli_layers (&scene);
  frame_ms (&scene);
  for (guint i = 0; i < ZOOM_STEPS; i++)
    {
      gboolean seen = zooms[i] == ZOOM;

      for (guint j = 0; j < i; j++)
        seen = seen || zooms[j] == zooms[i];
      /* A step taken after the view stood still, as a click on Zoom In:
       * the frame draws the new level in full. (While the zoom keeps
       * moving, frames show the last level's tiles scaled.) */
      g_usleep (SETTLE_US);
      shumate_viewport_set_zoom_level (scene.viewport, zooms[i]);
      frames[i] = frame_ms (&scene);
      if (!seen)
        fresh[n_fresh++] = frames[i];
    }
  *all = median (frames, ZOOM_STEPS);
  *new_level = median (fresh, n_fresh);
  scene_clear (&scene);
  return TRUE;
}

gboolean
linli_bench_map_zoom_frame_ms (double  *value,
                               GError **error)
{
  double new_level;

  return zoom_frames_ms (value, &new_level, error);
}

gboolean
linli_bench_map_zoom_new_level_frame_ms (double  *value,
                                         GError **error)
{
  double all;

  return zoom_frames_ms (&all, value, error);
}

/* The same points as one ShumateMarker widget each, panned the same way. */
gboolean
linli_bench_marker_widgets_pan_frame_ms (double  *value,
                                         GError **error)
{
  Scene scene = { 0, };
  g_autoptr(GArray) points = NULL;
  ShumateMarkerLayer *layer;

  if (!scene_init (&scene, error))
    {
      scene_clear (&scene);
      return FALSE;
    }
  points = make_points ();
  layer = shumate_marker_layer_new (scene.viewport);
  for (guint i = 0; i < points->len; i++)
    {
      const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, i);
      ShumateMarker *marker = shumate_marker_new ();
      GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (dot), 12);
      shumate_marker_set_child (marker, dot);
      shumate_location_set_location (SHUMATE_LOCATION (marker), p->lat, p->lon);
      shumate_marker_layer_add_marker (layer, marker);
    }
  shumate_map_add_layer (scene.map, SHUMATE_LAYER (layer));
  *value = pan_median_ms (&scene);
  scene_clear (&scene);
  return TRUE;
}

/* Places assigned to one of the 100 grids, a second. */
gboolean
linli_bench_pip_points_per_s (double  *value,
                              GError **error)
{
  g_autoptr(GListModel) grids = make_grids ();
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 2);
  g_autofree double *xy = g_new (double, 2 * PIP_POINTS);
  guint64 found = 0;
  gint64 start;
  double seconds;

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(LinliGeometry) outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), error);

      if (outline == NULL)
        return FALSE;
      linli_grid_index_add (index, linli_record_get_id (grid), LINLI_GRID_KIND_MANAGEMENT, outline);
    }
  for (guint i = 0; i < PIP_POINTS; i++)
    {
      xy[2 * i] = LON0 + g_rand_double_range (rand, -SPAN_LON / 2, SPAN_LON / 2);
      xy[2 * i + 1] = LAT0 + g_rand_double_range (rand, -SPAN_LAT / 2, SPAN_LAT / 2);
    }

  /* The buckets are built by the first lookup, which is timed too. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < PIP_POINTS; i++)
    found += linli_grid_index_lookup (index, LINLI_GRID_KIND_MANAGEMENT, xy[2 * i], xy[2 * i + 1]) != 0;
  seconds = (g_get_monotonic_time () - start) / 1e6;

  /* Most places lie in a grid; the rest between them. */
  if (found < PIP_POINTS / 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "only %" G_GUINT64_FORMAT " of %u places found in a grid", found, PIP_POINTS);
      return FALSE;
    }
  *value = PIP_POINTS / seconds;
  return TRUE;
}
