/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <time.h>

#include "linli-grid-layer.h"
#include "linli-map-points.h"
#include "linli-point-cluster.h"
#include "linli-point-layer.h"
#include "linli-point-set.h"
#include "linli-tile-cache.h"
#include "linli-records.h"
#include "test-widget-util.h"

/* Merging points that overlap and finding what was clicked: first the pure
 * functions, then a layer on a map under Xvfb. */

static void
test_cluster_apart (void)
{
  const double xy[] = { 0, 0, 100, 0, 0, 100, 100, 100 };
  g_autoptr(GArray) clusters = linli_point_cluster (xy, NULL, 4, 12);

  g_assert_cmpuint (clusters->len, ==, 4);
  for (guint i = 0; i < clusters->len; i++)
    {
      const LinliCluster *c = &g_array_index (clusters, LinliCluster, i);
      g_assert_cmpuint (c->count, ==, 1);
      g_assert_cmpuint (c->first, ==, i);
      g_assert_cmpfloat (c->x, ==, xy[2 * i]);
      g_assert_cmpfloat (c->y, ==, xy[2 * i + 1]);
    }
}

static void
test_cluster_overlap (void)
{
  /* Three close to the first, one on the far side of a cell border, one far. */
  const double xy[] = { 10, 10, 14, 10, 10, 16, 200, 200, 23.9, 10 };
  const guint flags[] = { 0, 1, 0, 2, 4 };
  g_autoptr(GArray) clusters = linli_point_cluster (xy, flags, 5, 14);
  const LinliCluster *first, *far;

  g_assert_cmpuint (clusters->len, ==, 2);
  first = &g_array_index (clusters, LinliCluster, 0);
  far = &g_array_index (clusters, LinliCluster, 1);
  g_assert_cmpuint (first->count, ==, 4);
  g_assert_cmpuint (first->first, ==, 0);
  g_assert_cmpfloat_with_epsilon (first->x, (10 + 14 + 10 + 23.9) / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->y, (10 + 10 + 16 + 10) / 4.0, 1e-9);
  g_assert_cmpuint (first->flags, ==, 1 | 4);
  g_assert_cmpuint (far->count, ==, 1);
  g_assert_cmpuint (far->first, ==, 3);
  g_assert_cmpuint (far->flags, ==, 2);
}

static void
test_cluster_zero_distance (void)
{
  const double xy[] = { 5, 5, 5, 5, 5, 5 };
  g_autoptr(GArray) alone = linli_point_cluster (xy, NULL, 3, 0);
  g_autoptr(GArray) merged = linli_point_cluster (xy, NULL, 3, 1);
  g_autoptr(GArray) none = linli_point_cluster (NULL, NULL, 0, 10);

  g_assert_cmpuint (alone->len, ==, 3);
  g_assert_cmpuint (merged->len, ==, 1);
  g_assert_cmpuint (g_array_index (merged, LinliCluster, 0).count, ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The same points in the same order cluster the same way, and every point
 * is in exactly one cluster. */
static void
test_cluster_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n = 5000, total = 0;
  g_autofree double *xy = g_new (double, 2 * n);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  for (guint i = 0; i < 2 * n; i++)
    xy[i] = g_rand_double_range (rand, -500, 500);
  a = linli_point_cluster (xy, NULL, n, 12);
  b = linli_point_cluster (xy, NULL, n, 12);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, <, n);
  for (guint i = 0; i < a->len; i++)
    {
      const LinliCluster *ca = &g_array_index (a, LinliCluster, i);
      const LinliCluster *cb = &g_array_index (b, LinliCluster, i);
      g_assert_cmpuint (ca->count, ==, cb->count);
      g_assert_cmpfloat (ca->x, ==, cb->x);
      total += ca->count;
    }
  g_assert_cmpuint (total, ==, n);
}

static void
test_cluster_hit (void)
{
  const LinliCluster clusters[] = {
    { 10, 10, 1, 0, 0 },
    { 20, 10, 1, 1, 0 },
    { 100, 100, 50, 2, 0 },
  };

  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 11, 10), ==, 0);
  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 19, 12), ==, 1);
  /* Halfway: the later one, drawn on top. */
  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 15, 10), ==, 1);
  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 10, 30), ==, -1);
  /* A disc of fifty reaches further than a dot. */
  g_assert_cmpfloat (linli_cluster_radius (50, 6), >, linli_cluster_radius (2, 6));
  g_assert_cmpfloat (linli_cluster_radius (1, 6), ==, 6);
  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 100 + linli_cluster_radius (50, 6) - 1, 100), ==, 2);
  g_assert_cmpint (linli_cluster_hit (clusters, 3, 6, 100 + linli_cluster_radius (50, 6) + 1, 100), ==, -1);
}

/* ------------------------------------------------------------------------ */

#define LAT0 35.4150
#define LON0 116.5870

static GArray *
make_points (void)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (LinliMapPoint));
  const LinliMapPoint list[] = {
    { 1, LINLI_MAP_POINT_CASE, LAT0, LON0, LINLI_CASE_STATUS_REGISTERED, FALSE, (char *) "漏水", NULL },
    /* About 3 m east of the first: apart only when zoomed right in. */
    { 2, LINLI_MAP_POINT_CASE, LAT0, LON0 + 0.00003, LINLI_CASE_STATUS_ESCALATED, TRUE, (char *) "路灯", NULL },
    /* About 200 m north. */
    { 3, LINLI_MAP_POINT_CASE, LAT0 + 0.0018, LON0, LINLI_CASE_STATUS_RESOLVED, FALSE, (char *) "噪音", NULL },
    { 9, LINLI_MAP_POINT_BUILDING, LAT0 - 0.0018, LON0, 0, FALSE, (char *) "3号楼", NULL },
  };

  g_array_append_vals (points, list, G_N_ELEMENTS (list));
  return points;
}

typedef struct
{
  GtkWindow       *window;
  ShumateMap      *map;
  ShumateViewport *viewport;
  LinliPointLayer *cases;
  LinliPointLayer *buildings;
} MapFixture;

static void
map_set_up (MapFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  g_autoptr(GArray) points = make_points ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->map = shumate_map_new ();
  fixture->viewport = shumate_map_get_viewport (fixture->map);
  shumate_viewport_set_reference_map_source (fixture->viewport,
                                             shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  fixture->cases = linli_point_layer_new (fixture->viewport, LINLI_MAP_POINT_CASE);
  fixture->buildings = linli_point_layer_new (fixture->viewport, LINLI_MAP_POINT_BUILDING);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->buildings));
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->cases));
  linli_point_layer_set_points (fixture->cases, points);
  linli_point_layer_set_points (fixture->buildings, points);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  gtk_window_present (fixture->window);
  test_wait_until_drawn (GTK_WIDGET (fixture->map));
}

static void
map_tear_down (MapFixture    *fixture,
               gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static void
view (MapFixture *fixture,
      double      zoom)
{
  shumate_viewport_set_zoom_level (fixture->viewport, zoom);
  shumate_map_center_on (fixture->map, LAT0, LON0);
}

static void
to_widget (MapFixture *fixture,
           double      lat,
           double      lon,
           double     *x,
           double     *y)
{
  shumate_viewport_location_to_widget_coords (fixture->viewport, GTK_WIDGET (fixture->cases), lat, lon, x, y);
}

/* The pixels of @widget as it draws itself now, @width wide, in GDK's
 * default memory format: B, G, R, A. The map is drawn as its layers, in
 * their order, one over the other. */
static guchar *
render (MapFixture *fixture,
        GtkWidget  *widget,
        int        *width)
{
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (GTK_NATIVE (fixture->window)), &error));
  g_assert_no_error (error);
  if (widget == GTK_WIDGET (fixture->map))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          GTK_WIDGET_GET_CLASS (child)->snapshot (child, snapshot);
    }
  else
    GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      /* Nothing drawn at all. */
      gsk_renderer_unrealize (renderer);
      return g_malloc0 (4 * *width * height);
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, height));
  pixels = g_malloc (4 * *width * height);
  gdk_texture_download (texture, pixels, 4 * *width);
  gsk_renderer_unrealize (renderer);
  return pixels;
}

/* How opaque the layer is drawn at (@x, @y). */
static guint
alpha_at (MapFixture      *fixture,
          LinliPointLayer *layer,
          double           x,
          double           y)
{
  int width;
  g_autofree guchar *pixels = render (fixture, GTK_WIDGET (layer), &width);

  return pixels[4 * ((int) y * width + (int) x) + 3];
}

static void
test_layer_points (MapFixture    *fixture,
                   gconstpointer  data)
{
  const LinliMapPoint *hit;
  double x, y, lat, lon;
  guint count;

  g_assert_cmpuint (linli_point_layer_get_n_points (fixture->cases), ==, 3);
  g_assert_cmpuint (linli_point_layer_get_n_points (fixture->buildings), ==, 1);

  /* Close in, every case is its own dot. */
  view (fixture, 19);
  g_assert_cmpuint (linli_point_layer_get_n_shown (fixture->cases), ==, 3);
  to_widget (fixture, LAT0, LON0 + 0.00003, &x, &y);
  hit = linli_point_layer_hit (fixture->cases, x + 2, y - 1, &count, &lat, &lon);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->id, ==, 2);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpfloat_with_epsilon (lat, LAT0, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, LON0 + 0.00003, 1e-6);
  to_widget (fixture, LAT0 + 0.0018, LON0, &x, &y);
  hit = linli_point_layer_hit (fixture->cases, x, y, &count, NULL, NULL);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->id, ==, 3);
  /* Between the dots: nothing. */
  to_widget (fixture, LAT0 + 0.0009, LON0, &x, &y);
  g_assert_null (linli_point_layer_hit (fixture->cases, x, y, &count, NULL, NULL));
  /* A building is found in its own layer only. */
  to_widget (fixture, LAT0 - 0.0018, LON0, &x, &y);
  g_assert_null (linli_point_layer_hit (fixture->cases, x, y, NULL, NULL, NULL));
  hit = linli_point_layer_hit (fixture->buildings, x, y, NULL, NULL, NULL);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->title, ==, "3号楼");

  /* Turned, the dots are drawn and found where the viewport says they are. */
  view (fixture, 17);
  shumate_viewport_set_rotation (fixture->viewport, 0.5);
  to_widget (fixture, LAT0 + 0.0018, LON0, &x, &y);
  hit = linli_point_layer_hit (fixture->cases, x, y, &count, &lat, &lon);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->id, ==, 3);
  g_assert_cmpfloat_with_epsilon (lat, LAT0 + 0.0018, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, LON0, 1e-6);
  g_assert_cmpuint (alpha_at (fixture, fixture->cases, x, y), >, 0);
  g_assert_cmpuint (alpha_at (fixture, fixture->cases, x + 20, y), ==, 0);
  shumate_viewport_set_rotation (fixture->viewport, 0);
  g_assert_cmpuint (alpha_at (fixture, fixture->cases, x, y), ==, 0);

  /* Further out the first two merge into a disc of two; the third stays. */
  view (fixture, 15);
  g_assert_cmpuint (linli_point_layer_get_n_shown (fixture->cases), ==, 2);
  to_widget (fixture, LAT0, LON0 + 0.000015, &x, &y);
  hit = linli_point_layer_hit (fixture->cases, x, y, &count, NULL, NULL);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->id, ==, 1);
  g_assert_cmpuint (count, ==, 2);

  /* Hidden, a layer is never hit. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->cases), FALSE);
  g_assert_null (linli_point_layer_hit (fixture->cases, x, y, &count, NULL, NULL));

  /* New points replace the old ones. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->cases), TRUE);
  linli_point_layer_set_points (fixture->cases, NULL);
  g_assert_cmpuint (linli_point_layer_get_n_points (fixture->cases), ==, 0);
  g_assert_null (linli_point_layer_hit (fixture->cases, x, y, &count, NULL, NULL));
}

/* Panning draws only the tiles that come into view; a zoom step draws anew. */
static void
test_layer_tiles (MapFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  LinliGridLayer *grids = linli_grid_layer_new (fixture->viewport);
  g_autoptr(GListStore) model = g_list_store_new (LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  guint before;

  linli_record_set_id (grid, 42);
  linli_record_set_text (grid, "code", "T-1");
  linli_record_set_text (grid, "name", "Test");
  linli_record_set_text (grid, "color", "#33d17a");
  linli_record_set_text (grid, "boundary",
                         "{\"type\":\"Polygon\",\"coordinates\":[[[116.586,35.414],[116.588,35.414],"
                         "[116.588,35.416],[116.586,35.416],[116.586,35.414]]]}");
  g_list_store_append (model, grid);
  shumate_map_insert_layer_behind (fixture->map, SHUMATE_LAYER (grids), SHUMATE_LAYER (fixture->buildings));
  linli_grid_layer_set_grids (grids, G_LIST_MODEL (model));
  g_assert_cmpuint (linli_grid_layer_get_n_drawn (grids), ==, 1);

  view (fixture, 17);
  test_wait_until_drawn (GTK_WIDGET (grids));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  before = linli_grid_layer_get_n_tiles_drawn (grids);
  g_assert_cmpuint (before, >, 0);

  /* The same view again: nothing drawn. */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids), ==, before);

  /* A small pan: at most a row and a column of new tiles. */
  {
    double lat, lon;
    shumate_viewport_widget_coords_to_location (fixture->viewport, GTK_WIDGET (grids),
                                                gtk_widget_get_width (GTK_WIDGET (grids)) / 2.0 + 30,
                                                gtk_widget_get_height (GTK_WIDGET (grids)) / 2.0 + 30, &lat, &lon);
    shumate_map_center_on (fixture->map, lat, lon);
  }
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids) - before, <=,
                    (gtk_widget_get_width (GTK_WIDGET (grids)) / 256 + 3) +
                    (gtk_widget_get_height (GTK_WIDGET (grids)) / 256 + 3));

  /* A zoom that keeps moving shows the last level scaled, drawing nothing
   * new, until it stands still. */
  shumate_viewport_set_zoom_level (fixture->viewport, 17.5);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  before = linli_grid_layer_get_n_tiles_drawn (grids);
  g_assert_cmpuint (before, >, 0);
  shumate_viewport_set_zoom_level (fixture->viewport, 17.7);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids), ==, before);
  g_usleep (400 * 1000);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids), >, before);

  /* Back at the level the view stood at a moment ago: its tiles are shown
   * again, none drawn; after a change of the grids, everything is drawn
   * anew. */
  g_usleep (400 * 1000);
  shumate_viewport_set_zoom_level (fixture->viewport, 17);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  before = linli_grid_layer_get_n_tiles_drawn (grids);
  g_usleep (400 * 1000);
  shumate_viewport_set_zoom_level (fixture->viewport, 17.7);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids), ==, before);
  g_usleep (400 * 1000);
  shumate_viewport_set_zoom_level (fixture->viewport, 17);
  linli_grid_layer_set_grids (grids, G_LIST_MODEL (model));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (grids)->snapshot (GTK_WIDGET (grids), snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_cmpuint (linli_grid_layer_get_n_tiles_drawn (grids), >, before);

  /* Hit-testing goes through the grid index. */
  g_assert_cmpint (linli_grid_layer_grid_at (grids, 35.415, 116.587), ==, linli_record_get_id (grid));
  g_assert_cmpint (linli_grid_layer_grid_at (grids, 35.417, 116.587), ==, 0);
}

/* A grid's label is drawn above the discs of cases, not under them; and
 * the grid under its label is still found by a click. */
static void
test_layer_labels (MapFixture    *fixture,
                   gconstpointer  data)
{
  LinliGridLayer *grids = linli_grid_layer_new (fixture->viewport);
  g_autoptr(GListStore) model = g_list_store_new (LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  ShumateLayer *labels;
  g_autofree guchar *map = NULL;
  g_autofree guchar *label = NULL;
  g_autofree guchar *cases = NULL;
  int width, height;
  guint n_over = 0;
  double x, y;

  /* Centred on the first two cases, which make one disc at zoom 17. */
  linli_record_set_id (grid, 7);
  linli_record_set_text (grid, "code", "T-7");
  linli_record_set_text (grid, "name", "第一网格 Grid One");
  linli_record_set_text (grid, "color", "#3584e4");
  linli_record_set_text (grid, "boundary",
                         "{\"type\":\"Polygon\",\"coordinates\":[[[116.585,35.4135],[116.589015,35.4135],"
                         "[116.589015,35.4165],[116.585,35.4165],[116.585,35.4135]]]}");
  g_list_store_append (model, grid);
  shumate_map_insert_layer_behind (fixture->map, SHUMATE_LAYER (grids), SHUMATE_LAYER (fixture->buildings));
  linli_grid_layer_set_grids (grids, G_LIST_MODEL (model));
  labels = linli_grid_layer_get_label_layer (grids);
  g_assert_true (labels == linli_grid_layer_get_label_layer (grids));
  shumate_map_add_layer (fixture->map, labels);
  view (fixture, 17);
  test_wait_until_drawn (GTK_WIDGET (labels));

  g_assert_cmpuint (linli_point_layer_get_n_shown (fixture->cases), ==, 2);
  map = render (fixture, GTK_WIDGET (fixture->map), &width);
  label = render (fixture, GTK_WIDGET (labels), &width);
  cases = render (fixture, GTK_WIDGET (fixture->cases), &width);
  height = gtk_widget_get_height (GTK_WIDGET (fixture->map));

  /* Wherever the label's text and the disc are both opaque, the map shows
   * the text. */
  for (int i = 0; i < width * height; i++)
    {
      if (label[4 * i + 3] != 255 || cases[4 * i + 3] < 200)
        continue;
      n_over++;
      for (int c = 0; c < 3; c++)
        g_assert_cmpint (ABS ((int) map[4 * i + c] - (int) label[4 * i + c]), <=, 2);
    }
  /* The test saw the label on the disc. */
  g_assert_cmpuint (n_over, >=, 5);

  /* The label is not also in the grid layer's tiles. */
  {
    g_autofree guchar *tiles = render (fixture, GTK_WIDGET (grids), &width);
    guint n_text = 0;

    for (int i = 0; i < width * height; i++)
      n_text += label[4 * i + 3] == 255 && tiles[4 * i + 3] == 255 &&
                tiles[4 * i] < 0x60 && tiles[4 * i + 1] < 0x60 && tiles[4 * i + 2] < 0x60;
    g_assert_cmpuint (n_text, ==, 0);
  }

  /* Told to keep clear of the cases, the label moves off the disc, within
   * its grid, and stays above the cases. */
  linli_grid_layer_avoid (grids, fixture->cases);
  g_clear_pointer (&label, g_free);
  label = render (fixture, GTK_WIDGET (labels), &width);
  {
    guint n_label = 0;

    for (int i = 0; i < width * height; i++)
      {
        n_label += label[4 * i + 3] > 0;
        g_assert_false (label[4 * i + 3] > 0 && cases[4 * i + 3] > 0);
      }
    g_assert_cmpuint (n_label, >, 100);
  }

  /* A click on the label finds the disc of cases first, then the grid. */
  to_widget (fixture, LAT0, LON0 + 0.000015, &x, &y);
  g_assert_nonnull (linli_point_layer_hit (fixture->cases, x, y, NULL, NULL, NULL));
  g_assert_cmpint (linli_grid_layer_grid_at (grids, LAT0, LON0), ==, 7);
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (labels)));

  /* The symbols the labels avoid are those of the level the cases are
   * shown at, also back at a level whose tiles were kept. */
  {
    double zoom;
    guint n, stamp, stamp_before;

    linli_point_layer_get_symbols (fixture->cases, &zoom, &n, &stamp_before);
    g_assert_cmpfloat (zoom, ==, 17);
    g_assert_cmpuint (n, ==, 2);
    g_usleep (400 * 1000);
    view (fixture, 18);
    g_clear_pointer (&cases, g_free);
    cases = render (fixture, GTK_WIDGET (fixture->cases), &width);
    linli_point_layer_get_symbols (fixture->cases, &zoom, &n, &stamp);
    g_assert_cmpfloat (zoom, ==, 18);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpuint (stamp, !=, stamp_before);
    g_usleep (400 * 1000);
    view (fixture, 17);
    g_clear_pointer (&cases, g_free);
    cases = render (fixture, GTK_WIDGET (fixture->cases), &width);
    linli_point_layer_get_symbols (fixture->cases, &zoom, &n, &stamp);
    g_assert_cmpfloat (zoom, ==, 17);
    g_assert_cmpuint (n, ==, 2);
  }

  /* Hidden grids hide their labels. */
  gtk_widget_set_visible (GTK_WIDGET (grids), FALSE);
  g_clear_pointer (&label, g_free);
  label = render (fixture, GTK_WIDGET (labels), &width);
  for (int i = 0; i < width * height; i++)
    g_assert_cmpint (label[4 * i + 3], ==, 0);
}


static void
sets_made_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **sets = user_data;
  g_autoptr(GError) error = NULL;

  *sets = linli_point_sets_new_finish (result, &error);
  g_assert_no_error (error);
}

/* The points placed and clustered in a thread, without the map source,
 * are where the map source puts them, and cluster as the layer always
 * clustered them: places projected by the source at level 0, scaled. */
static void
test_point_set_as_source (void)
{
  static const double zooms[] = { 12, 14.5, 15, 16, 17, 17.25, 18, 19 };
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  ShumateMapSource *source = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (LinliMapPoint));
  g_autoptr(GPtrArray) sets = NULL;
  double tile_size = shumate_map_source_get_tile_size (source);
  guint n_cases = 0;

  for (guint i = 0; i < 3000; i++)
    {
      LinliMapPoint p = { i + 1, i % 10 == 0 ? LINLI_MAP_POINT_BUILDING : LINLI_MAP_POINT_CASE, 0, 0, 0, FALSE, NULL, NULL };

      /* A tenth piled on the places of the ones before them. */
      if (i > 0 && i % 7 == 0)
        {
          p.lat = g_array_index (points, LinliMapPoint, i - 1).lat;
          p.lon = g_array_index (points, LinliMapPoint, i - 1).lon;
        }
      else
        {
          p.lat = LAT0 + g_rand_double_range (rand, -0.02, 0.02);
          p.lon = LON0 + g_rand_double_range (rand, -0.03, 0.03);
        }
      p.status = g_rand_int_range (rand, 0, LINLI_CASE_STATUS_DUPLICATE + 1);
      p.overdue = g_rand_int_range (rand, 0, 8) == 0;
      n_cases += p.kind == LINLI_MAP_POINT_CASE;
      g_array_append_val (points, p);
    }

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autofree double *xy = g_new (double, 2 * n_cases);
      g_autofree guint *flags = g_new (guint, n_cases);
      g_autoptr(GArray) expected = NULL;
      const LinliPointSet *set;
      guint k = 0;

      linli_point_sets_new_async (points, tile_size, zooms[z], NULL, sets_made_cb, &sets);
      while (sets == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (sets->len, ==, LINLI_MAP_POINT_N_KINDS);
      set = g_ptr_array_index (sets, LINLI_MAP_POINT_CASE);
      g_assert_cmpuint (set->mine->len, ==, n_cases);
      g_assert_cmpuint (((LinliPointSet *) g_ptr_array_index (sets, LINLI_MAP_POINT_BUILDING))->mine->len,
                        ==, points->len - n_cases);
      g_assert_cmpuint (((LinliPointSet *) g_ptr_array_index (sets, LINLI_MAP_POINT_ACTIVITY))->mine->len, ==, 0);

      for (guint i = 0; i < points->len; i++)
        {
          const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, i);

          if (p->kind != LINLI_MAP_POINT_CASE)
            continue;
          xy[2 * k] = shumate_map_source_get_x (source, 0, p->lon) * exp2 (zooms[z]);
          xy[2 * k + 1] = shumate_map_source_get_y (source, 0, p->lat) * exp2 (zooms[z]);
          g_assert_cmpfloat_with_epsilon (set->unit_xy[2 * k], shumate_map_source_get_x (source, 0, p->lon), 1e-9);
          g_assert_cmpfloat_with_epsilon (set->unit_xy[2 * k + 1], shumate_map_source_get_y (source, 0, p->lat), 1e-9);
          flags[k] = 1u << linli_map_case_rank (p->status, p->overdue);
          k++;
        }
      expected = linli_point_cluster (xy, flags, n_cases, linli_point_cluster_distance (LINLI_MAP_POINT_CASE, zooms[z]));

      g_assert_nonnull (set->clusters);
      g_assert_cmpfloat (set->clusters->zoom, ==, zooms[z]);
      g_assert_cmpuint (set->clusters->clusters->len, ==, expected->len);
      /* Piled cases stay merged even close in. */
      g_assert_cmpuint (expected->len, <, n_cases);
      for (guint c = 0; c < expected->len; c++)
        {
          const LinliCluster *a = &g_array_index (set->clusters->clusters, LinliCluster, c);
          const LinliCluster *b = &g_array_index (expected, LinliCluster, c);

          g_assert_cmpuint (a->count, ==, b->count);
          g_assert_cmpuint (a->first, ==, b->first);
          g_assert_cmpuint (a->flags, ==, b->flags);
          g_assert_cmpfloat_with_epsilon (a->x, b->x, 1e-6);
          g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-6);
          /* Its own tile lists it. */
          {
            gint64 key = linli_point_tile_key ((gint64) floor (a->x / LINLI_TILE_SIZE), (gint64) floor (a->y / LINLI_TILE_SIZE));
            GArray *list = g_hash_table_lookup (set->clusters->tile_clusters, &key);
            gboolean found = FALSE;

            g_assert_nonnull (list);
            for (guint l = 0; l < list->len && !found; l++)
              found = g_array_index (list, guint, l) == c;
            g_assert_true (found);
          }
        }
      /* At any level, in any thread, the place is the source's. */
      {
        const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, 1);
        double x, y;

        linli_world_from_location_at (tile_size, zooms[z], p->lat, p->lon, &x, &y);
        g_assert_cmpfloat_with_epsilon (x, shumate_map_source_get_x (source, zooms[z], p->lon), 1e-6);
        g_assert_cmpfloat_with_epsilon (y, shumate_map_source_get_y (source, zooms[z], p->lat), 1e-6);
      }
      g_clear_pointer (&sets, g_ptr_array_unref);
    }
}

/* Discs drawn from the sprites a layer keeps have the very pixels of
 * linli_point_symbol_draw(), the legend's: a pile of twenty (a disc of the
 * size of every count from sixteen on, whose rings are kept apart from the
 * count) and one of three. */
static void
test_layer_disc_pixels (MapFixture    *fixture,
                        gconstpointer  data)
{
  static const struct { guint count; double dlon; gboolean overdue; int status; } piles[] = {
    { 20, 0, FALSE, LINLI_CASE_STATUS_REGISTERED },
    { 3, 0.004, TRUE, LINLI_CASE_STATUS_ASSIGNED },
    { 17, -0.004, TRUE, LINLI_CASE_STATUS_ASSIGNED },
  };
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (LinliMapPoint));
  g_autofree guchar *pixels = NULL;
  int width, height;
  gint64 id = 1;

  for (guint p = 0; p < G_N_ELEMENTS (piles); p++)
    for (guint i = 0; i < piles[p].count; i++)
      {
        LinliMapPoint point = { id++, LINLI_MAP_POINT_CASE, LAT0, LON0 + piles[p].dlon,
                                piles[p].status, piles[p].overdue && i == 0, NULL, NULL };
        g_array_append_val (points, point);
      }
  linli_point_layer_set_points (fixture->cases, points);
  linli_point_layer_set_points (fixture->buildings, NULL);
  view (fixture, 16);
  test_wait_until_drawn (GTK_WIDGET (fixture->map));
  g_assert_cmpuint (linli_point_layer_get_n_shown (fixture->cases), ==, G_N_ELEMENTS (piles));
  pixels = render (fixture, GTK_WIDGET (fixture->cases), &width);
  height = gtk_widget_get_height (GTK_WIDGET (fixture->cases));

  for (guint p = 0; p < G_N_ELEMENTS (piles); p++)
    {
      int half = 30, side = 2 * half;
      cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
      cairo_t *cr = cairo_create (expected);
      const guchar *want;
      int stride, cx, cy;
      double x, y;

      to_widget (fixture, LAT0, LON0 + piles[p].dlon, &x, &y);
      cx = (int) round (x);
      cy = (int) round (y);
      g_assert_cmpint (cx - half, >=, 0);
      g_assert_cmpint (cx + half, <=, width);
      g_assert_cmpint (cy + half, <=, height);
      cairo_translate (cr, half, half);
      linli_point_symbol_draw (cr, GTK_WIDGET (fixture->cases), LINLI_MAP_POINT_CASE,
                               piles[p].overdue ? LINLI_CASE_STATUS_IN_PROGRESS : piles[p].status,
                               piles[p].count, piles[p].overdue);
      cairo_destroy (cr);
      cairo_surface_flush (expected);
      want = cairo_image_surface_get_data (expected);
      stride = cairo_image_surface_get_stride (expected);
      for (int j = 0; j < side; j++)
        g_assert_cmpmem (&pixels[4 * ((cy - half + j) * width + cx - half)], 4 * side, &want[j * stride], 4 * side);
      cairo_surface_destroy (expected);
    }
}

typedef struct
{
  guint   version;   /* of the content: 1 red, 2 blue */
  guint   n_drawn;
} SlowTiles;

/* Fills its tile with the colour of the content's version, slowly: 3 ms
 * of the thread's time, which the cache counts. */
static gboolean
draw_slow_tile_cb (cairo_t  *cr,
                   double    zoom,
                   double    x,
                   double    y,
                   gpointer  user_data)
{
  SlowTiles *tiles = user_data;
  struct timespec start, now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);
  do
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  while ((now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < 3000000L);
  tiles->n_drawn++;
  cairo_rectangle (cr, x, y, LINLI_TILE_SIZE, LINLI_TILE_SIZE);
  cairo_set_source_rgb (cr, tiles->version == 1, 0, tiles->version == 2);
  cairo_fill (cr);
  return TRUE;
}

/* What the cache shows of the layer's area now: how many pixels are red,
 * blue, or neither. */
static void
count_colours (MapFixture     *fixture,
               LinliTileCache *cache,
               guint          *red,
               guint          *blue,
               guint          *other)
{
  GtkWidget *widget = GTK_WIDGET (fixture->cases);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = g_malloc (4 * width * height);

  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (GTK_NATIVE (fixture->window)), NULL));
  linli_tile_cache_snapshot (cache, snapshot, widget, fixture->viewport);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, 4 * width);
  gsk_renderer_unrealize (renderer);
  *red = *blue = *other = 0;
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = &pixels[4 * i];   /* B, G, R, A */

      if (p[3] == 255 && p[2] == 255 && p[0] == 0)
        (*red)++;
      else if (p[3] == 255 && p[0] == 255 && p[2] == 0)
        (*blue)++;
      else
        (*other)++;
    }
}

/* A new level is drawn in full however long it takes; new content that
 * is refreshed, over several frames when it takes long, the old shown
 * where the new is not drawn yet, never a hole. */
static void
test_tiles_refresh (MapFixture    *fixture,
                    gconstpointer  data)
{
  SlowTiles tiles = { 1, 0 };
  g_autoptr(LinliTileCache) cache = linli_tile_cache_new (draw_slow_tile_cb, &tiles);
  guint red, blue, other, in_view, frames = 0;

  view (fixture, 17);
  count_colours (fixture, cache, &red, &blue, &other);
  in_view = tiles.n_drawn;
  /* 800 × 600: four tiles across at least, three down. */
  g_assert_cmpuint (in_view, >=, 12);
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (blue + other, ==, 0);

  tiles.version = 2;
  linli_tile_cache_refresh (cache);
  count_colours (fixture, cache, &red, &blue, &other);
  g_assert_cmpuint (tiles.n_drawn - in_view, >=, 1);
  g_assert_cmpuint (tiles.n_drawn - in_view, <, in_view);
  g_assert_cmpuint (blue, >, 0);
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (other, ==, 0);

  /* The frames after draw the rest, each tile once. */
  while (red > 0)
    {
      g_assert_cmpuint (++frames, <, in_view);
      count_colours (fixture, cache, &red, &blue, &other);
      g_assert_cmpuint (other, ==, 0);
    }
  g_assert_cmpuint (tiles.n_drawn, ==, 2 * in_view);

  /* A new level: in full again, at once. */
  tiles.version = 1;
  linli_tile_cache_refresh (cache);
  view (fixture, 16);
  count_colours (fixture, cache, &red, &blue, &other);
  g_assert_cmpuint (blue + other, ==, 0);

  /* Invalidated, not refreshed: in full on the next frame. */
  tiles.version = 2;
  linli_tile_cache_invalidate (cache);
  count_colours (fixture, cache, &red, &blue, &other);
  g_assert_cmpuint (red + other, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/point-cluster/apart", test_cluster_apart);
  g_test_add_func ("/point-cluster/overlap", test_cluster_overlap);
  g_test_add_func ("/point-cluster/zero-distance", test_cluster_zero_distance);
  g_test_add_func ("/point-cluster/many", test_cluster_many);
  g_test_add_func ("/point-cluster/hit", test_cluster_hit);
  g_test_add_func ("/point-set/as-source", test_point_set_as_source);
  g_test_add ("/map-layers/points", MapFixture, NULL, map_set_up, test_layer_points, map_tear_down);
  g_test_add ("/map-layers/tiles", MapFixture, NULL, map_set_up, test_layer_tiles, map_tear_down);
  g_test_add ("/map-layers/labels", MapFixture, NULL, map_set_up, test_layer_labels, map_tear_down);
  g_test_add ("/map-layers/disc-pixels", MapFixture, NULL, map_set_up, test_layer_disc_pixels, map_tear_down);
  g_test_add ("/map-layers/tiles-refresh", MapFixture, NULL, map_set_up, test_tiles_refresh, map_tear_down);

  return g_test_run ();
}
