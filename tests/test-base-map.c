/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "linli-alert.h"
#include "linli-base-map.h"
#include "linli-demo.h"
#include "linli-geojson-import-dialog.h"
#include "linli-grid-layer.h"
#include "linli-import-dialog.h"
#include "linli-job-bar.h"
#include "linli-mbtiles-source.h"
#include "linli-plan-transform.h"
#include "linli-preferences-window.h"
#include "linli-site-plan-dialog.h"
#include "linli-site-plan-layer.h"
#include "linli-tianditu-source.h"
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
  /* Written in a job: the dialog closes once it is. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
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
    g_assert_null (linli_import_dialog_get_job (GTK_WINDOW (dialog)));
    g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);
    gtk_switch_set_active (update, TRUE);
  }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);
}

/* @n squares in a row, each a grid: enough for Cancel to come first. */
static LinliGeojsonFile *
many_grids (guint n)
{
  g_autoptr(GString) text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autoptr(GError) error = NULL;
  LinliGeojsonFile *file;

  for (guint i = 0; i < n; i++)
    {
      double lon = 116.5 + i * 0.0001, lat = 35.4;

      g_string_append_printf (text,
                              "%s{\"type\":\"Feature\",\"properties\":{\"name\":\"网格%u\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}}",
                              i > 0 ? "," : "", i + 1,
                              lon, lat, lon + 0.00008, lat, lon + 0.00008, lat + 0.00008, lon, lat);
    }
  g_string_append (text, "]}");
  file = linli_geojson_file_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  return file;
}

/* The dialog's description, under its title, says @text. */
static gboolean
says (GtkWidget  *dialog,
      const char *text)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  test_collect (dialog, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (gtk_widget_get_visible (groups->pdata[i]) &&
        g_strrstr (adw_preferences_group_get_description (groups->pdata[i]) ?: "", text) != NULL)
      return TRUE;
  return FALSE;
}

static void
imported_cb (GtkWindow *dialog,
             guint      n,
             guint     *n_imported)
{
  *n_imported = n;
}

/* Import writes in a job of the window, through a writer: the preview
 * steps aside, the window's job bar shows it, a second import meanwhile
 * is refused saying why, and Cancel writes nothing. Written, the window
 * shows the grids and says how many came in. */
static void
test_import_dialog_job (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  GtkWidget *bar = linli_job_bar_new ();
  LinliGeojsonImportDialog *dialog, *second;
  guint n_grids = linli_store_count (fixture->store, LINLI_TYPE_GRID);
  guint n_imported = 0;
  LinliJob *job;

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), bar);
  gtk_window_present (window);

  dialog = linli_geojson_import_dialog_new (window, fixture->store, many_grids (3000), "many.geojson");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  job = linli_import_dialog_get_job (GTK_WINDOW (dialog));
  g_assert_nonnull (job);
  g_assert_true (linli_job_bar_get_job (LINLI_JOB_BAR (bar)) == job);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (linli_store_is_busy (fixture->store));
  /* Cancelled at once; the writer stays open until the job has ended. */
  linli_job_cancel (job);

  /* A second import meanwhile is refused, saying why. */
  second = linli_geojson_import_dialog_new (window, fixture->store, load_jining (), "jining.geojson");
  gtk_window_present (GTK_WINDOW (second));
  gtk_widget_activate_action (GTK_WIDGET (second), "import.run", NULL);
  g_assert_null (linli_import_dialog_get_job (GTK_WINDOW (second)));
  g_assert_true (says (GTK_WIDGET (second), "Records are being imported"));
  gtk_window_destroy (GTK_WINDOW (second));

  /* Cancelled: nothing written, and the preview is gone. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids);

  /* To the end: what the file holds, and the dialog closes. */
  dialog = linli_geojson_import_dialog_new (window, fixture->store, load_jining (), "jining.geojson");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_nonnull (linli_import_dialog_get_job (GTK_WINDOW (dialog)));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 11);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 11);

  gtk_window_destroy (window);
}

/* A file that is not GeoJSON: read in a job, it is named in an alert and
 * no preview opens; nothing is written. */
static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  g_autofree char *path = g_build_filename (fixture->dir, "grids.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_grids = linli_store_count (fixture->store, LINLI_TYPE_GRID);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  LinliAlert *alert = NULL;

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), linli_job_bar_new ());
  gtk_window_present (window);
  g_assert_true (g_file_set_contents (path, "<kml><Placemark/></kml>", -1, NULL));
  linli_geojson_import_open (window, fixture->store, file);
  while ((alert = test_find_alert ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (alert);
  g_assert_cmpstr (linli_alert_get_heading (alert), ==, "Cannot Import the File");
  g_test_message ("%s", linli_alert_get_body (alert));
  g_assert_cmpuint (strlen (linli_alert_get_body (alert)), >, 0);
  g_assert_null (test_find_toplevel (LINLI_TYPE_GEOJSON_IMPORT_DIALOG));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_BUILDING), >, 0);
  linli_alert_close (alert);
  g_unlink (path);
  gtk_window_destroy (window);
}

/* A label of @root starts with @text. */
static gboolean
dialog_shows (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), text))
      return TRUE;
  return FALSE;
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

  /* A chosen picture is read in a thread; one that is not a picture says so. */
  linli_site_plan_dialog_open_image (dialog, "/nonexistent/plan.png");
  g_assert_true (linli_site_plan_dialog_is_opening (dialog));
  while (linli_site_plan_dialog_is_opening (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dialog_shows (GTK_WIDGET (dialog), "The picture cannot be opened: "));
  linli_site_plan_dialog_open_image (dialog, path);
  g_assert_true (dialog_shows (GTK_WIDGET (dialog), "Opening the picture…"));
  while (linli_site_plan_dialog_is_opening (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dialog_shows (GTK_WIDGET (dialog), "Click a point on the plan"));
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

#define TEST_KEY "0123456789abcdef0123456789ABCDEF"

/* The address of a tile: Tianditu's WMTS in Web Mercator (`_w`), the
 * tile's column, row and zoom, the key; the annotation from the same
 * server as the map under it. */
static void
test_tianditu_url (void)
{
  g_autofree char *vector = linli_tianditu_tile_url (LINLI_TIANDITU_VECTOR, TEST_KEY, 13345, 6430, 14);
  g_autofree char *annotation = linli_tianditu_tile_url (LINLI_TIANDITU_ANNOTATION, TEST_KEY, 13345, 6430, 14);

  g_assert_cmpuint (linli_tianditu_server (13345, 6430), ==, (13345 + 6430) % 8);
  g_assert_cmpstr (vector, ==,
                   "https://t7.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                   "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
                   "&TILEMATRIX=14&TILEROW=6430&TILECOL=13345&tk=" TEST_KEY);
  g_assert_cmpstr (annotation, ==,
                   "https://t7.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                   "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
                   "&TILEMATRIX=14&TILEROW=6430&TILECOL=13345&tk=" TEST_KEY);
}

/* The tiles on screen are asked from all eight servers, and each tile
 * always from the same one, so that it is cached once. */
static void
test_tianditu_servers (void)
{
  guint asked[LINLI_TIANDITU_N_SERVERS] = { 0 };

  /* A screenful of tiles at zoom 16 over Jining. */
  for (int x = 53700; x < 53708; x++)
    for (int y = 26100; y < 26104; y++)
      {
        guint server = linli_tianditu_server (x, y);
        g_autofree char *url = linli_tianditu_tile_url (LINLI_TIANDITU_VECTOR, TEST_KEY, x, y, 16);
        g_autofree char *host = g_strdup_printf ("https://t%u.tianditu.gov.cn/", server);

        g_assert_cmpuint (server, <, LINLI_TIANDITU_N_SERVERS);
        g_assert_cmpuint (server, ==, linli_tianditu_server (x, y));
        g_assert_true (g_str_has_prefix (url, host));
        asked[server]++;
      }
  for (guint i = 0; i < LINLI_TIANDITU_N_SERVERS; i++)
    g_assert_cmpuint (asked[i], ==, 4);
}

/* A key is 32 hexadecimal characters; each wrong one is told why. */
static void
test_tianditu_key (void)
{
  static const struct {
    const char *key;
    const char *message;   /* NULL: accepted */
  } keys[] = {
    { NULL, "Enter your Tianditu key: apply for one (free) at console.tianditu.gov.cn." },
    { "  ", "Enter your Tianditu key: apply for one (free) at console.tianditu.gov.cn." },
    { "0123456789abcdef", "A Tianditu key has 32 characters, not 16." },
    { TEST_KEY "0", "A Tianditu key has 32 characters, not 33." },
    { "0123456789abcdef0123456789abcdeg", "A Tianditu key has only the digits 0–9 and the letters a–f." },
    { "0123456789abcdef 0123456789abcdef", "A Tianditu key has only the digits 0–9 and the letters a–f." },
    { TEST_KEY, NULL },
    { " " TEST_KEY "\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = linli_tianditu_check_key (keys[i].key, &error);

      g_assert_true (valid == (keys[i].message == NULL));
      if (!valid)
        g_assert_cmpstr (error->message, ==, keys[i].message);
    }
}

static guint
n_map_layers (ShumateMap *map)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child; child = gtk_widget_get_next_sibling (child))
    n += SHUMATE_IS_MAP_LAYER (child);
  return n;
}

static gpointer
layer_source (GtkWidget *layer)
{
  g_autoptr(ShumateMapSource) source = NULL;

  g_object_get (layer, "map-source", &source, NULL);
  return source;
}

static void
set_tianditu_key (const char *key)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "tianditu-key", key);
}

/* With Tianditu chosen and a key, the map is its vector layer with the
 * annotation over it, both under Linli's grids, attributed once, in
 * Web Mercator and WGS-84 like OpenStreetMap: the points are not shifted.
 * Without a key nothing is drawn and the problem says so. The map is never
 * shown, so nothing is fetched. */
static void
test_tianditu_layers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (fixture->store);
  g_autoptr(LinliBaseMap) base_map = NULL;
  g_autoptr(LinliBaseMap) osm = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  ShumateMap *map = g_object_ref_sink (shumate_map_new ());
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  LinliGridLayer *grid_layer = linli_grid_layer_new (viewport);
  ShumateLicense *license = g_object_ref_sink (shumate_license_new ());
  GtkWidget *child;
  gboolean attributed = FALSE;

  linli_record_set_text (LINLI_RECORD (community), "base_map", "tianditu");
  set_tianditu_key ("");
  base_map = linli_base_map_new (community);
  g_assert_false (linli_base_map_has_tiles (base_map));
  g_assert_cmpstr (linli_base_map_get_problem (base_map), ==,
                   "Enter your Tianditu key: apply for one (free) at console.tianditu.gov.cn.");
  /* A new key makes it another base map. */
  set_tianditu_key (TEST_KEY);
  g_assert_false (linli_base_map_matches (base_map, community));
  g_clear_object (&base_map);

  base_map = linli_base_map_new (community);
  g_assert_true (linli_base_map_matches (base_map, community));
  g_assert_null (linli_base_map_get_problem (base_map));
  g_assert_true (linli_base_map_has_tiles (base_map));
  g_assert_cmpint (linli_base_map_get_coords (base_map), ==, LINLI_COORDS_WGS84);
  sources = linli_base_map_get_sources (base_map);
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_true (linli_base_map_get_source (base_map) == sources->pdata[0]);
  g_assert_cmpint (linli_tianditu_source_get_layer (sources->pdata[0]), ==, LINLI_TIANDITU_VECTOR);
  g_assert_cmpint (linli_tianditu_source_get_layer (sources->pdata[1]), ==, LINLI_TIANDITU_ANNOTATION);
  for (guint i = 0; i < sources->len; i++)
    {
      g_assert_cmpint (shumate_map_source_get_projection (sources->pdata[i]), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
      g_assert_cmpuint (shumate_map_source_get_tile_size (sources->pdata[i]), ==, 256);
    }

  /* Drawn as OpenStreetMap is: the same place on the same pixel. */
  linli_record_set_text (LINLI_RECORD (community), "base_map", "osm");
  osm = linli_base_map_new (community);
  g_assert_cmpint (linli_base_map_get_coords (osm), ==, LINLI_COORDS_WGS84);
  g_assert_cmpfloat (shumate_map_source_get_x (sources->pdata[0], 15, 116.587),
                     ==, shumate_map_source_get_x (linli_base_map_get_source (osm), 15, 116.587));
  g_assert_cmpfloat (shumate_map_source_get_y (sources->pdata[0], 15, 35.415),
                     ==, shumate_map_source_get_y (linli_base_map_get_source (osm), 15, 35.415));

  shumate_map_add_layer (map, SHUMATE_LAYER (grid_layer));
  linli_base_map_attach (base_map, map, SHUMATE_LAYER (grid_layer), license);
  g_assert_cmpuint (n_map_layers (map), ==, 2);
  /* Vector, annotation, then the grids. */
  child = gtk_widget_get_first_child (GTK_WIDGET (map));
  while (child != NULL && !SHUMATE_IS_MAP_LAYER (child))
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  g_assert_true (layer_source (child) == sources->pdata[0]);
  child = gtk_widget_get_next_sibling (child);
  g_assert_true (SHUMATE_IS_MAP_LAYER (child));
  g_assert_true (layer_source (child) == sources->pdata[1]);
  g_assert_true (gtk_widget_get_next_sibling (child) == GTK_WIDGET (grid_layer));

  test_collect (GTK_WIDGET (license), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);
      const char *first = strstr (text, "© Tianditu");

      if (first == NULL)
        continue;
      g_assert_null (strstr (first + 1, "© Tianditu"));
      attributed = TRUE;
    }
  g_assert_true (attributed);

  linli_base_map_detach (base_map);
  g_assert_cmpuint (n_map_layers (map), ==, 0);
  set_tianditu_key ("");
  g_object_unref (license);
  g_object_unref (map);
}

static AdwEntryRow *
entry_row (GtkWidget  *root,
           const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_assert_not_reached ();
}

static GtkLabel *
key_message (AdwEntryRow *row)
{
  /* The caption under the row, in the same group. */
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect (group, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "caption"))
      return labels->pdata[i];
  g_assert_not_reached ();
}

static const char *
community_base_map (LinliStore *store)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (store);
  return g_intern_string (linli_record_get_text (LINLI_RECORD (community), "base_map"));
}

/* Preferences: Tianditu without a key says, plainly and not in red, that
 * it needs one, and is not stored; a wrong key is an error under the field;
 * a right one is kept in the settings and the community uses Tianditu. */
static void
test_tianditu_preferences (Fixture       *fixture,
                           gconstpointer  data)
{
  LinliPreferencesWindow *window = linli_preferences_window_new (fixture->store);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwEntryRow *key_row;
  GtkLabel *message;

  set_tianditu_key ("");
  linli_preferences_window_present (window, NULL);
  test_wait_until_drawn (GTK_WIDGET (window));
  test_collect (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, combos);
  key_row = entry_row (GTK_WIDGET (window), "_Key");
  message = key_message (key_row);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (key_row)));

  adw_combo_row_set_selected (combos->pdata[0], 2);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (key_row)));
  g_assert_cmpstr (community_base_map (fixture->store), ==, "none");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "Enter your Tianditu key: apply for one (free) at console.tianditu.gov.cn.");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (key_row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (key_row), "0123456789abcdef");
  g_signal_emit_by_name (key_row, "apply");
  g_assert_cmpstr (gtk_label_get_text (message), ==, "A Tianditu key has 32 characters, not 16.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (key_row), "error"));
  g_assert_cmpstr (community_base_map (fixture->store), ==, "none");
  {
    g_autofree char *stored = g_settings_get_string (settings, "tianditu-key");
    g_assert_cmpstr (stored, ==, "");
  }

  gtk_editable_set_text (GTK_EDITABLE (key_row), TEST_KEY);
  /* Right now: the error goes as soon as it is no longer true. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_signal_emit_by_name (key_row, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (key_row), "error"));
  g_assert_cmpstr (community_base_map (fixture->store), ==, "tianditu");
  {
    g_autofree char *stored = g_settings_get_string (settings, "tianditu-key");
    g_assert_cmpstr (stored, ==, TEST_KEY);
  }

  linli_preferences_window_close (window);
  set_tianditu_key ("");
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A file from before Tianditu (version 16) keeps its community and base
 * map through the migration that lets it choose Tianditu. */
static void
test_tianditu_migration (void)
{
  static const char * const before[] = {
    "001-initial.sql", "002-base-map.sql", "003-events.sql", "012-staff.sql", "016-diary-corrections.sql",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-tianditu-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v16.db", NULL);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliCommunity) community = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      g_autofree char *name = g_strconcat (RESOURCE_BASE "/sql/", before[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (name, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      exec_sql (db, sql);
    }
  exec_sql (db, "PRAGMA user_version = 16;"
                "INSERT INTO community (id, name, city, center_lat, center_lon, created_at, base_map, tile_url)"
                " VALUES (1, '许庄社区', '济宁市', 35.415, 116.587, '2026-01-05T09:00:00+08:00', 'xyz',"
                " 'https://tiles.example.cn/{z}/{x}/{y}.png');");
  g_assert_cmpint (sqlite3_exec (db, "UPDATE community SET base_map = 'tianditu'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  store = linli_store_open (path, &error);
  g_assert_no_error (error);
  community = linli_store_dup_community (store);
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "name"), ==, "许庄社区");
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "city"), ==, "济宁市");
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "base_map"), ==, "xyz");
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (community), "tile_url"), ==, "https://tiles.example.cn/{z}/{x}/{y}.png");
  g_assert_cmpfloat (linli_record_get_double (LINLI_RECORD (community), "site_plan_opacity"), ==, 0.7);

  linli_record_set_text (LINLI_RECORD (community), "base_map", "tianditu");
  g_assert_true (linli_store_update (store, LINLI_RECORD (community), &error));
  g_assert_no_error (error);
  /* The other rules still hold. */
  linli_record_set_text (LINLI_RECORD (community), "base_map", "baidu");
  g_assert_false (linli_store_update (store, LINLI_RECORD (community), &error));
  g_clear_error (&error);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
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
  g_test_add ("/base-map/import-dialog-job", Fixture, NULL, fixture_set_up, test_import_dialog_job, fixture_tear_down);
  g_test_add ("/base-map/import-bad-file", Fixture, NULL, fixture_set_up, test_import_bad_file, fixture_tear_down);
  g_test_add ("/base-map/site-plan-dialog", Fixture, NULL, fixture_set_up, test_site_plan_dialog, fixture_tear_down);
  g_test_add_func ("/base-map/mbtiles-source", test_mbtiles_source);
  g_test_add_func ("/base-map/site-plan-layer", test_site_plan_layer);
  g_test_add ("/base-map/no-network", Fixture, NULL, fixture_set_up, test_no_network, fixture_tear_down);
  g_test_add_func ("/base-map/tianditu-url", test_tianditu_url);
  g_test_add_func ("/base-map/tianditu-servers", test_tianditu_servers);
  g_test_add_func ("/base-map/tianditu-key", test_tianditu_key);
  g_test_add ("/base-map/tianditu-layers", Fixture, NULL, fixture_set_up, test_tianditu_layers, fixture_tear_down);
  g_test_add_func ("/base-map/tianditu-migration", test_tianditu_migration);
  g_test_add ("/base-map/tianditu-preferences", Fixture, NULL, fixture_set_up, test_tianditu_preferences, fixture_tear_down);

  status = g_test_run ();
  remove_tree (cache);
  return status;
}
