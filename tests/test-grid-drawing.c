/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "linli-coverage-records.h"
#include "linli-coverage-panel.h"
#include "linli-demo.h"
#include "linli-outline-edit-layer.h"
#include "linli-grid-drawing.h"
#include "linli-grid-properties-dialog.h"
#include "linli-grids-page.h"
#include "linli-map-view.h"
#include "test-util.h"
#include "test-widget-util.h"

/* Grids drawn, edited and checked on the map of the demo community, and the
 * grid properties dialog with a message under each field that is wrong. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-grid-drawing");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

static GtkEditable *
entry_of (GtkWidget  *root,
          const char *title)
{
  return GTK_EDITABLE (test_find (test_find_row (root, title), GTK_TYPE_ENTRY));
}

static gboolean
row_shows_error (GtkWidget  *root,
                 const char *title)
{
  return gtk_widget_has_css_class (test_find_row (root, title), "linli-field-error");
}

static LinliRecord *
first_grid (LinliStore *store)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  g_assert_cmpuint (g_list_model_get_n_items (grids), >, 0);
  return g_list_model_get_item (grids, 0);
}

static char *
triangle_geojson (void)
{
  const LinliPoint ring[] = { { 116.60, 35.45 }, { 116.601, 35.45 }, { 116.601, 35.451 } };
  g_autoptr(LinliGeometry) outline = linli_geometry_new_from_ring (ring, 3);
  return linli_geometry_to_geojson (outline);
}

static void
saved_cb (LinliGridPropertiesDialog *dialog,
          LinliGrid                 *grid,
          gint64                    *id)
{
  *id = linli_record_get_id (LINLI_RECORD (grid));
}

static void
test_properties_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *boundary = triangle_geojson ();
  LinliGridPropertiesDialog *dialog = linli_grid_properties_dialog_new (fixture->store, NULL, boundary);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(LinliRecord) existing = first_grid (fixture->store);
  g_autoptr(LinliRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = g_utf8_strdown (linli_record_get_text (existing, "code"), -1);
  guint n_grids = linli_store_count (fixture->store, LINLI_TYPE_GRID);
  AdwExpanderRow *workers;
  GtkCheckButton *check;
  gint64 id = 0;

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (root);

  /* The next code of the kind chosen, until one is typed. */
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Code")), ==, "DF-08");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (root, "Kind")), 1);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Code")), ==, "MQ-04");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (root, "Kind")), 0);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Code")), ==, "DF-08");

  /* A code cleared is wrong at once; the name nobody typed in yet only
   * once saving is tried. */
  gtk_editable_set_text (entry_of (root, "Code"), "");
  g_assert_true (row_shows_error (root, "Code"));
  g_assert_false (row_shows_error (root, "Name"));
  g_assert_false (linli_grid_properties_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (row_shows_error (root, "Name"));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids);
  /* A code typed stays when the kind changes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (root, "Kind")), 1);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Code")), ==, "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (root, "Kind")), 0);

  /* Another grid's code, in other letter case, is taken. */
  gtk_editable_set_text (entry_of (root, "Code"), lower);
  gtk_editable_set_text (entry_of (root, "Name"), "第八网格");
  g_assert_true (row_shows_error (root, "Code"));
  g_assert_false (row_shows_error (root, "Name"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (root, "Code"))), lower));
  gtk_editable_set_text (entry_of (root, "Code"), "WG-08");
  g_assert_false (row_shows_error (root, "Code"));

  /* Counts are whole numbers, 0 or more. */
  gtk_editable_set_text (entry_of (root, "Households"), "-3");
  g_assert_true (row_shows_error (root, "Households"));
  gtk_editable_set_text (entry_of (root, "Households"), "12.5");
  g_assert_true (row_shows_error (root, "Households"));
  gtk_editable_set_text (entry_of (root, "Households"), "120");
  g_assert_false (row_shows_error (root, "Households"));
  gtk_editable_set_text (entry_of (root, "Population"), "三百");
  g_assert_true (row_shows_error (root, "Population"));
  g_assert_false (linli_grid_properties_dialog_save (dialog, &error));
  g_clear_error (&error);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids);
  gtk_editable_set_text (entry_of (root, "Population"), "");

  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (root, "Kind")), 1);
  workers = ADW_EXPANDER_ROW (test_find_row (root, "Workers"));
  check = GTK_CHECK_BUTTON (test_find (GTK_WIDGET (workers), GTK_TYPE_CHECK_BUTTON));
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (workers), !=, "None");

  g_object_ref (dialog);
  g_assert_true (linli_grid_properties_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 1);

  saved = linli_store_get (fixture->store, LINLI_TYPE_GRID, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_record_get_text (saved, "code"), ==, "WG-08");
  g_assert_cmpstr (linli_record_get_text (saved, "name"), ==, "第八网格");
  g_assert_cmpstr (linli_record_get_text (saved, "boundary"), ==, boundary);
  g_assert_cmpint (linli_record_get_enum (saved, "kind"), ==, LINLI_GRID_KIND_SENTIMENT);
  g_assert_cmpint (linli_record_get_int (saved, "households"), ==, 120);
  g_assert_cmpint (linli_record_get_int (saved, "population"), ==, 0);
  g_assert_cmpuint (linli_record_get_refs (saved, "workers")->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_properties_existing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LinliRecord) grid = first_grid (fixture->store);
  LinliGridPropertiesDialog *dialog = linli_grid_properties_dialog_new (fixture->store, LINLI_GRID (grid), NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(LinliRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *households = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (grid, "households"));

  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (root);

  /* Its own code is not taken by itself. */
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Code")), ==, linli_record_get_text (grid, "code"));
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Households")), ==, households);
  g_assert_false (row_shows_error (root, "Code"));
  gtk_editable_set_text (entry_of (root, "Name"), "  ");
  g_assert_true (row_shows_error (root, "Name"));
  gtk_editable_set_text (entry_of (root, "Name"), "第一网格（新）");

  g_assert_true (linli_grid_properties_dialog_save (dialog, &error));
  g_assert_no_error (error);
  saved = linli_store_get (fixture->store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
  g_assert_cmpstr (linli_record_get_text (saved, "name"), ==, "第一网格（新）");
  g_assert_cmpstr (linli_record_get_text (saved, "boundary"), ==, linli_record_get_text (grid, "boundary"));
  g_assert_cmpint (linli_record_get_enum (saved, "kind"), ==, linli_record_get_enum (grid, "kind"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A double click or Enter on a row of the Grids page opens its properties. */
static void
test_grids_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LinliGridsPage *page = g_object_new (LINLI_TYPE_GRIDS_PAGE, NULL);
  g_autoptr(LinliRecord) grid = first_grid (fixture->store);
  GtkColumnView *view;
  LinliGridPropertiesDialog *dialog;

  gtk_window_set_child (window, GTK_WIDGET (page));
  linli_grids_page_set_store (page, fixture->store);
  gtk_window_present (window);
  test_wait_until_drawn (GTK_WIDGET (page));

  g_assert_null (test_find_toplevel (LINLI_TYPE_GRID_PROPERTIES_DIALOG));
  view = GTK_COLUMN_VIEW (test_find (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_signal_emit_by_name (view, "activate", 0);
  dialog = test_find_toplevel (LINLI_TYPE_GRID_PROPERTIES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (GTK_WIDGET (dialog), "Name")), ==,
                   linli_record_get_text (grid, "name"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
}

/* With no grid yet, the Grids page says how to make them and offers the
 * GeoJSON import, not a dead end. */
static void
test_grids_page_empty (void)
{
  TestDatabase empty = { NULL, };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LinliGridsPage *page = g_object_new (LINLI_TYPE_GRIDS_PAGE, NULL);
  GtkWidget *status, *button;

  test_database_open (&empty, "linli-grids-empty");
  gtk_window_set_child (window, GTK_WIDGET (page));
  linli_grids_page_set_store (page, empty.store);
  gtk_window_present (window);
  test_wait_until_drawn (GTK_WIDGET (page));

  status = test_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_is_visible (status));
  button = test_find (status, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "window.import-geojson");
  g_assert_true (gtk_widget_is_visible (button));

  gtk_window_destroy (window);
  test_database_close (&empty);
}

/* ------------------------------------------------------------------------ */
/* On the map */

typedef struct
{
  GtkWindow       *window;
  LinliMapView    *view;
  LinliGridDrawing *editor;
  LinliOutlineEdit   *edit;
  GtkWidget       *layer;
  AdwToastOverlay *toasts;
} Map;

static void
map_open (Map        *map,
          LinliStore *store)
{
  map->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (map->window, 1000, 700);
  map->view = g_object_new (LINLI_TYPE_MAP_VIEW, NULL);
  /* As in the window: toasts go to the overlay around the map. */
  map->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (map->toasts, GTK_WIDGET (map->view));
  gtk_window_set_child (map->window, GTK_WIDGET (map->toasts));
  linli_map_view_set_store (map->view, store);
  map->editor = linli_grid_drawing_new (map->view, store);
  map->edit = linli_grid_drawing_get_edit (map->editor);
  map->layer = linli_grid_drawing_get_layer (map->editor);
  gtk_window_present (map->window);
  test_wait_until_drawn (map->layer);
}

static void
map_close (Map *map)
{
  g_clear_object (&map->editor);
  gtk_window_destroy (map->window);
}

static void
activate (Map        *map,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (map->view), action, parameter));
}

static guint
n_points (Map *map)
{
  guint n;
  linli_outline_edit_get_points (map->edit, &n);
  return n;
}

static void
test_draw_new (Fixture       *fixture,
               gconstpointer  data)
{
  Map map;
  guint n_grids = linli_store_count (fixture->store, LINLI_TYPE_GRID);
  LinliGridPropertiesDialog *dialog;
  g_autoptr(GError) error = NULL;
  int w, h;

  map_open (&map, fixture->store);
  w = gtk_widget_get_width (map.layer);
  h = gtk_widget_get_height (map.layer);

  activate (&map, "grid-edit.new", NULL);
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, w / 2.0, h / 2.0);
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, w / 2.0 + 100, h / 2.0);
  g_assert_cmpuint (n_points (&map), ==, 2);

  /* Two points: refused with a message, and still drawing. */
  activate (&map, "grid-edit.finish", NULL);
  g_assert_nonnull (linli_grid_drawing_get_message (map.editor));
  g_assert_null (test_find_toplevel (LINLI_TYPE_GRID_PROPERTIES_DIALOG));
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_DRAWING);

  /* A third point clears the message; a double click finishes. */
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, w / 2.0 + 100, h / 2.0 + 80);
  g_assert_null (linli_grid_drawing_get_message (map.editor));
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 2, w / 2.0 + 100, h / 2.0 + 80);
  g_assert_cmpuint (n_points (&map), ==, 3);
  dialog = test_find_toplevel (LINLI_TYPE_GRID_PROPERTIES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_EDITING);

  test_wait_until_drawn (GTK_WIDGET (dialog));
  gtk_editable_set_text (entry_of (GTK_WIDGET (dialog), "Code"), "WG-09");
  gtk_editable_set_text (entry_of (GTK_WIDGET (dialog), "Name"), "第九网格");
  g_assert_true (linli_grid_properties_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 1);
  /* Saved: back to the map as it was. */
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A click a few pixels from the corner of a grid puts the point on the
   * corner itself. */
  {
    g_autoptr(LinliRecord) grid = first_grid (fixture->store);
    g_autoptr(LinliGeometry) outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
    const LinliPoint *corner = linli_geometry_get_ring (outline, 0, NULL, NULL);
    double x, y;

    activate (&map, "grid-edit.new", NULL);
    shumate_viewport_location_to_widget_coords (linli_map_view_get_viewport (map.view), map.layer,
                                                corner->lat, corner->lon, &x, &y);
    linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, x + 3, y - 2);
    g_assert_cmpuint (n_points (&map), ==, 1);
    g_assert_cmpfloat (linli_outline_edit_get_points (map.edit, NULL)[0].lon, ==, corner->lon);
    g_assert_cmpfloat (linli_outline_edit_get_points (map.edit, NULL)[0].lat, ==, corner->lat);
    activate (&map, "grid-edit.cancel", NULL);
  }

  /* Delete while drawing takes the last point back; Esc drops the
   * outline. */
  activate (&map, "grid-edit.new", NULL);
  activate (&map, "grid-edit.delete", NULL);
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_DRAWING);
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, 100, 100);
  linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, 200, 100);
  activate (&map, "grid-edit.delete", NULL);
  g_assert_cmpuint (n_points (&map), ==, 1);
  activate (&map, "grid-edit.cancel", NULL);
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, n_grids + 1);

  map_close (&map);
}

static void
test_edit_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  Map map;
  g_autoptr(LinliRecord) grid = first_grid (fixture->store);
  g_autoptr(LinliGeometry) outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
  guint n_ring;

  linli_geometry_get_ring (outline, 0, &n_ring, NULL);
  map_open (&map, fixture->store);
  activate (&map, "grid-edit.edit", g_variant_new_int64 (linli_record_get_id (grid)));
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_EDITING);
  g_assert_cmpuint (n_points (&map), ==, n_ring - 1);
  g_assert_false (linli_outline_edit_can_undo (map.edit));

  /* Delete without a selection does nothing; with one it removes it and
   * undo brings it back. */
  linli_outline_edit_select (map.edit, 0);
  activate (&map, "grid-edit.delete", NULL);
  g_assert_cmpuint (n_points (&map), ==, n_ring - 2);
  activate (&map, "grid-edit.undo", NULL);
  g_assert_cmpuint (n_points (&map), ==, n_ring - 1);

  /* A click on the middle of an edge adds a point there. */
  {
    guint n;
    const LinliPoint *points = linli_outline_edit_get_points (map.edit, &n);
    ShumateViewport *viewport = linli_map_view_get_viewport (map.view);
    double x0, y0, x1, y1;

    shumate_viewport_location_to_widget_coords (viewport, map.layer, points[0].lat, points[0].lon, &x0, &y0);
    shumate_viewport_location_to_widget_coords (viewport, map.layer, points[1].lat, points[1].lon, &x1, &y1);
    linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, (x0 + x1) / 2, (y0 + y1) / 2);
    g_assert_cmpuint (n_points (&map), ==, n_ring);
    g_assert_cmpint (linli_outline_edit_get_selected (map.edit), ==, 1);
    /* A click on a point selects it. */
    linli_outline_edit_layer_click (LINLI_OUTLINE_EDIT_LAYER (map.layer), 1, x0, y0);
    g_assert_cmpint (linli_outline_edit_get_selected (map.edit), ==, 0);
    activate (&map, "grid-edit.undo", NULL);
    g_assert_cmpuint (n_points (&map), ==, n_ring - 1);
  }

  activate (&map, "grid-edit.cancel", NULL);
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_IDLE);
  map_close (&map);
}

static void
test_save_outline (Fixture       *fixture,
                   gconstpointer  data)
{
  Map map;
  g_autoptr(LinliRecord) grid = first_grid (fixture->store);
  g_autoptr(LinliRecord) saved = NULL;
  g_autoptr(LinliGeometry) outline = NULL;
  g_autofree char *expected = NULL;
  LinliGridPropertiesDialog *dialog;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;
  LinliPoint moved;

  map_open (&map, fixture->store);
  activate (&map, "grid-edit.edit", g_variant_new_int64 (linli_record_get_id (grid)));
  moved = linli_outline_edit_get_points (map.edit, NULL)[0];
  moved.lat += 0.0002;
  g_assert_true (linli_outline_edit_begin_drag (map.edit, 0));
  linli_outline_edit_drag_to (map.edit, moved);
  linli_outline_edit_end_drag (map.edit);
  outline = linli_outline_edit_to_geometry (map.edit);
  expected = linli_geometry_to_geojson (outline);

  activate (&map, "grid-edit.finish", NULL);
  dialog = test_find_toplevel (LINLI_TYPE_GRID_PROPERTIES_DIALOG);
  g_assert_nonnull (dialog);
  /* The dialog shows the grid as it is. */
  g_assert_cmpstr (gtk_editable_get_text (entry_of (GTK_WIDGET (dialog), "Code")), ==,
                   linli_record_get_text (grid, "code"));
  g_assert_true (linli_grid_properties_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  saved = linli_store_get (fixture->store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_record_get_text (saved, "boundary"), ==, expected);
  g_assert_cmpstr (linli_record_get_text (saved, "name"), ==, linli_record_get_text (grid, "name"));
  g_assert_cmpint (linli_outline_edit_get_state (map.edit), ==, LINLI_OUTLINE_EDIT_IDLE);

  /* The toast's Undo puts the old outline back. */
  test_wait_until_drawn (GTK_WIDGET (map.toasts));
  undo = test_find_button_labelled (GTK_WIDGET (map.toasts), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_clear_object (&saved);
  saved = linli_store_get (fixture->store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
  g_assert_cmpstr (linli_record_get_text (saved, "boundary"), ==, linli_record_get_text (grid, "boundary"));
  map_close (&map);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  Map map;
  g_autoptr(GListModel) grids = linli_store_list (fixture->store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (fixture->store, LINLI_TYPE_BUILDING);
  g_autoptr(LinliCoverage) coverage = linli_coverage_check_records (grids, buildings);
  LinliCoveragePanel *panel;

  map_open (&map, fixture->store);
  activate (&map, "grid-edit.check", NULL);
  panel = LINLI_COVERAGE_PANEL (test_find (map.layer, LINLI_TYPE_COVERAGE_PANEL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpuint (linli_coverage_panel_get_n_problems (panel), ==,
                    linli_coverage_get_n_overlaps (coverage) + linli_coverage_get_n_gaps (coverage));
  /* A grid drawn over another is an overlap the check shows at once. */
  {
    g_autoptr(LinliRecord) grid = first_grid (fixture->store);
    g_autoptr(LinliRecord) copy = linli_record_new (LINLI_TYPE_GRID);
    g_autoptr(GError) error = NULL;
    guint before = linli_coverage_panel_get_n_problems (panel);

    linli_record_set_text (copy, "code", "COPY");
    linli_record_set_text (copy, "name", "Copy");
    linli_record_set_enum (copy, "kind", LINLI_GRID_KIND_MANAGEMENT);
    linli_record_set_text (copy, "boundary", linli_record_get_text (grid, "boundary"));
    g_assert_true (linli_store_insert (fixture->store, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (linli_coverage_panel_get_n_problems (panel), ==, before + 1);
  }
  activate (&map, "grid-edit.close-check", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  map_close (&map);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A critical from a template or a property is a failure. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/grid-drawing/properties/new", test_properties_new);
  ADD ("/grid-drawing/properties/existing", test_properties_existing);
  ADD ("/grid-drawing/grids-page", test_grids_page);
  g_test_add_func ("/grid-drawing/grids-page-empty", test_grids_page_empty);
  ADD ("/grid-drawing/map/draw-new", test_draw_new);
  ADD ("/grid-drawing/map/edit-existing", test_edit_existing);
  ADD ("/grid-drawing/map/save-outline", test_save_outline);
  ADD ("/grid-drawing/map/check", test_check);
#undef ADD

  return g_test_run ();
}
