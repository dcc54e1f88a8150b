/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "linli-base-map.h"
#include "linli-demo.h"
#include "linli-geojson-import-dialog.h"
#include "linli-grid-layer.h"
#include "linli-mbtiles-source.h"
#include "linli-plan-transform.h"
#include "linli-site-plan-dialog.h"
#include "linli-site-plan-layer.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The base map and GeoJSON parts of the map under Xvfb: the import
 * preview, placing a site plan, and MBTiles tiles becoming textures. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-base-map-test");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

static LinliGeojsonFile *
load_jining (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  LinliGeojsonFile *file;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  file = linli_geojson_file_parse (contents, length, &error);
  g_assert_no_error (error);
  return file;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The preview guesses name and code, lists every district, and writes
 * them all on Import; a second import of the same file is refused before
 * anything is written. */
static void
test_import_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  LinliGeojsonImportDialog *dialog;
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *import;
  guint n_grids = linli_store_count (fixture->store, LINLI_TYPE_GRID);

  dialog = linli_geojson_import_dialog_new (NULL, fixture->store, load_jining (), "jining.geojson");
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));

  test_collect (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 4);
  /* Coordinates, name, code, kind. */
  g_assert_cmpuint (adw_combo_row_get_selected (combos->pdata[0]), ==, LINLI_COORDS_GCJ02);
  /* The chosen system is shown whole, not cut short after two of its maps. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean shown = FALSE;

    test_collect (combos->pdata[0], GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), "GCJ-02 (Amap, Tencent, DataV)") == 0)
        {
          shown = TRUE;
          g_assert_cmpint (gtk_label_get_ellipsize (labels->pdata[i]), ==, PANGO_ELLIPSIZE_NONE);
          g_assert_cmpint (gtk_label_get_max_width_chars (labels->pdata[i]), <, 0);
        }
    g_assert_true (shown);
  }
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combos->pdata[1])), ==, "name");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (combos->pdata[2])), ==, "adcode");
  test_collect (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, lists);
  g_assert_cmpuint (n_rows (lists->pdata[lists->len - 1]), ==, 11);

  import = test_find_button (GTK_WIDGET (dialog), "import.run");
  g_assert_true (gtk_widget_get_sensitive (import));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_null (dialog);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);

  /* The same file again: the preview offers to update the 11 grids, and
   * refuses to add them twice when that is switched off. */
  dialog = linli_geojson_import_dialog_new (NULL, fixture->store, load_jining (), "jining.geojson");
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  {
    GtkSwitch *update = GTK_SWITCH (test_find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (update), ADW_TYPE_ACTION_ROW)));
    g_assert_true (gtk_switch_get_active (update));
    g_assert_true (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (dialog), "import.run")));
    gtk_switch_set_active (update, FALSE);
    g_assert_false (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (dialog), "import.run")));
    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
    g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);
    gtk_switch_set_active (update, TRUE);
  }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_null (dialog);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);
}

/* A 400 × 300 picture placed by two matched points is stored with the
 * community, and the base map made from it draws. */
static void
test_site_plan_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 400, 300);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "linli-test-plan.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(LinliBaseMap) base_map = NULL;
  g_autofree LinliControlPoint *points = NULL;
  LinliSitePlanDialog *dialog;
  GtkWidget *save;
  guint n_points = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  dialog = linli_site_plan_dialog_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  save = test_find_button (GTK_WIDGET (dialog), "plan.save");
  g_assert_false (gtk_widget_get_sensitive (save));

  g_assert_true (linli_site_plan_dialog_load_image (dialog, path, &error));
  g_assert_no_error (error);
  linli_site_plan_dialog_add_image_point (dialog, 20, 20);
  g_assert_false (gtk_widget_get_sensitive (save));
  linli_site_plan_dialog_add_map_point (dialog, 116.600, 35.460);
  /* The same spot twice places nothing. */
  linli_site_plan_dialog_add_image_point (dialog, 20, 20);
  linli_site_plan_dialog_add_map_point (dialog, 116.600, 35.460);
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.clear", NULL);

  linli_site_plan_dialog_add_image_point (dialog, 20, 20);
  linli_site_plan_dialog_add_map_point (dialog, 116.600, 35.460);
  linli_site_plan_dialog_add_image_point (dialog, 380, 280);
  linli_site_plan_dialog_add_map_point (dialog, 116.606, 35.455);
  g_assert_true (gtk_widget_get_sensitive (save));
  test_wait_until_drawn (GTK_WIDGET (dialog));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.save", NULL);
  g_assert_null (dialog);

  community = linli_store_dup_community (fixture->store);
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "base_map"), ==, "site-plan");
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "site_plan_path"), ==, path);
  points = linli_control_points_parse (linli_record_get_text (LINLI_RECORD (community), "site_plan_points"),
                                       &n_points, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_points, ==, 2);
  g_assert_cmpfloat (points[1].image_x, ==, 380);
  g_assert_cmpfloat (points[1].lon, ==, 116.606);
  base_map = linli_base_map_new (community);
  g_assert_null (linli_base_map_get_problem (base_map));
  g_assert_false (linli_base_map_has_tiles (base_map));

  g_remove (path);
}

static void
tile_filled_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
fill (ShumateMapSource *source,
      ShumateTile      *tile)
{
  gboolean done = FALSE;

  shumate_map_source_fill_tile_async (source, tile, NULL, tile_filled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
}

/* Tiles of the real MBTiles file become 256-pixel textures in a thread;
 * a tile the file lacks stays empty without an error. */
static void
test_mbtiles_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "world-z0-4.mbtiles", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliMbtiles) tiles = linli_mbtiles_open (path, &error);
  g_autoptr(LinliMbtilesSource) source = NULL;
  g_autoptr(ShumateTile) world = shumate_tile_new_full (0, 0, 256, 0);
  g_autoptr(ShumateTile) missing = shumate_tile_new_full (3, 0, 256, 3);
  GdkPaintable *paintable;

  g_assert_no_error (error);
  source = linli_mbtiles_source_new (tiles);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (SHUMATE_MAP_SOURCE (source)), ==, 4);

  fill (SHUMATE_MAP_SOURCE (source), world);
  paintable = shumate_tile_get_paintable (world);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 256);

  /* Zoom 3 has 56 of its 64 tiles; find one that is not there. */
  for (guint y = 0; y < 8; y++)
    {
      g_autoptr(GBytes) bytes = linli_mbtiles_read_tile (tiles, 0, y, 3, NULL);
      if (bytes == NULL)
        {
          g_object_unref (missing);
          missing = shumate_tile_new_full (0, y, 256, 3);
          break;
        }
    }
  fill (SHUMATE_MAP_SOURCE (source), missing);
  g_assert_null (shumate_tile_get_paintable (missing));
}

/* The plan is drawn turned and scaled where its points say, with its own
 * pixels: a transform the cairo renderer cannot draw would paint it pink. */
static void
test_site_plan_layer (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 400, 300);
  g_autoptr(GdkTexture) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GtkSnapshot *snapshot;
  GtkWidget *window = gtk_window_new ();
  ShumateMap *map = shumate_map_new ();
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  LinliSitePlanLayer *layer;
  LinliPlanTransform transform;
  /* The picture's corners to two places 30° apart from its own axes. */
  const LinliControlPoint points[] = {
    { 0, 0, 116.5990, 35.4600 },
    { 400, 300, 116.6050, 35.4560 },
  };
  const guchar *pixel;
  int width, height;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  image = gdk_texture_new_for_pixbuf (pixbuf);
  g_assert_true (linli_plan_transform_fit (points, 2, &transform, &error));
  g_assert_no_error (error);

  shumate_viewport_set_reference_map_source (viewport,
                                             shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK));
  layer = linli_site_plan_layer_new (viewport, image);
  linli_site_plan_layer_set_transform (layer, &transform);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  shumate_viewport_set_zoom_level (viewport, 16);
  shumate_map_center_on (map, 35.4580, 116.6020);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (layer));

  width = gtk_widget_get_width (GTK_WIDGET (layer));
  height = gtk_widget_get_height (GTK_WIDGET (layer));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (layer));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The middle of the widget is the middle of the picture: its blue. */
  pixel = cairo_image_surface_get_data (surface) + (height / 2) * cairo_image_surface_get_stride (surface) + (width / 2) * 4;
  g_test_message ("pixel B %u G %u R %u A %u", pixel[0], pixel[1], pixel[2], pixel[3]);
  g_assert_cmpuint (pixel[0], >, 200);
  g_assert_cmpuint (pixel[2], <, 80);
  /* A corner of the widget is outside the turned picture. */
  pixel = cairo_image_surface_get_data (surface) + 2 * 4;
  g_assert_cmpuint (pixel[3], ==, 0);
  cairo_surface_destroy (surface);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Online tiles with no server to answer: the tiles stay empty, nothing is
 * logged (warnings are fatal here) and the grids draw. */
static void
test_no_network (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const kinds[] = { "xyz", "osm" };
  g_autoptr(LinliCommunity) community = linli_store_dup_community (fixture->store);
  g_autoptr(GListModel) grids = linli_store_list (fixture->store, LINLI_TYPE_GRID);

  /* Nothing listens on the discard port. */
  linli_record_set_text (LINLI_RECORD (community), "tile_url", "http://127.0.0.1:9/{z}/{x}/{y}.png");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *window = gtk_window_new ();
      ShumateMap *map = shumate_map_new ();
      ShumateViewport *viewport = shumate_map_get_viewport (map);
      LinliGridLayer *grid_layer = linli_grid_layer_new (viewport);
      g_autoptr(LinliBaseMap) base_map = NULL;

      linli_record_set_text (LINLI_RECORD (community), "base_map", kinds[i]);
      base_map = linli_base_map_new (community);
      g_assert_null (linli_base_map_get_problem (base_map));
      g_assert_true (linli_base_map_has_tiles (base_map));

      shumate_map_add_layer (map, SHUMATE_LAYER (grid_layer));
      linli_grid_layer_set_grids (grid_layer, grids);
      linli_base_map_attach (base_map, map, SHUMATE_LAYER (grid_layer), NULL);
      shumate_viewport_set_zoom_level (viewport, linli_record_get_double (LINLI_RECORD (community), "zoom"));
      shumate_map_center_on (map, linli_record_get_double (LINLI_RECORD (community), "center_lat"),
                             linli_record_get_double (LINLI_RECORD (community), "center_lon"));
      gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
      gtk_window_present (GTK_WINDOW (window));
      test_wait_until_drawn (GTK_WIDGET (map));
      run_for (1500);

      g_assert_cmpuint (linli_grid_layer_get_n_drawn (grid_layer), >, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("linli-test-cache-XXXXXX", NULL);
  int status;

  /* Tile caches go to a folder of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/base-map/import-dialog", Fixture, NULL, fixture_set_up, test_import_dialog, fixture_tear_down);
  g_test_add ("/base-map/site-plan-dialog", Fixture, NULL, fixture_set_up, test_site_plan_dialog, fixture_tear_down);
  g_test_add_func ("/base-map/mbtiles-source", test_mbtiles_source);
  g_test_add_func ("/base-map/site-plan-layer", test_site_plan_layer);
  g_test_add ("/base-map/no-network", Fixture, NULL, fixture_set_up, test_no_network, fixture_tear_down);

  status = g_test_run ();
  remove_tree (cache);
  return status;
}
