/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "linli-building-editor.h"
#include "linli-case-editor.h"
#include "linli-case-query.h"
#include "linli-demo.h"
#include "linli-geometry.h"
#include "linli-grid-layer.h"
#include "linli-grid-panel.h"
#include "linli-map-points.h"
#include "linli-geojson-import-dialog.h"
#include "linli-map-view.h"
#include "linli-new-community-dialog.h"
#include "linli-point-layer.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The Map page of the demo community under Xvfb: a click on a grid shows
 * it in the side panel with its counts, a click on a case shows it in a
 * popover, a click on a disc of cases zooms in on them. */

typedef struct
{
  TestDatabase  db;
  GDateTime    *now;
  LinliWindow  *window;
  LinliMapView *map_view;
} Fixture;

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static void wait_for_points (Fixture *fixture);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->now = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  test_database_open (&fixture->db, "linli-map-view");
  linli_store_set_clock (fixture->db.store, fixed_clock, fixture->now);
  linli_demo_populate (fixture->db.store, fixture->now, &error);
  g_assert_no_error (error);

  fixture->window = linli_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  linli_window_set_store (fixture->window, fixture->db.store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_until_drawn (GTK_WIDGET (fixture->window));
  fixture->map_view = LINLI_MAP_VIEW (linli_window_get_map_view (fixture->window));
  wait_for_points (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_database_close (&fixture->db);
  g_date_time_unref (fixture->now);
}

/* The points as the map draws them, with the cases it shows by default. */
static GArray *
drawn_points (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *points = linli_map_points_load_cases (fixture->db.store, fixture->now, LINLI_MAP_CASES_OPEN,
                                                LINLI_MAP_PERIOD_ANY, &error);

  g_assert_no_error (error);
  return points;
}

/* Whether every case within 0.0003° of @p is within 0.0001° of it: too
 * close for the closest zoom to part them. */
static gboolean
all_at_one_place (GArray              *points,
                  const LinliMapPoint *p)
{
  for (guint j = 0; j < points->len; j++)
    {
      const LinliMapPoint *q = &g_array_index (points, LinliMapPoint, j);

      if (q->kind == LINLI_MAP_POINT_CASE && fabs (q->lat - p->lat) < 0.0003 && fabs (q->lon - p->lon) < 0.0003 &&
          (fabs (q->lat - p->lat) > 0.0001 || fabs (q->lon - p->lon) > 0.0001))
        return FALSE;
    }
  return TRUE;
}

/* A case at (@lat, @lon), reported a day before the fixture's now. */
static gint64
add_case (Fixture         *fixture,
          double           lat,
          double           lon,
          LinliCaseStatus  status,
          gboolean         overdue)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = linli_store_next_case_number (fixture->db.store, 2026);
  g_autoptr(GDateTime) reported = g_date_time_add_days (fixture->now, -1);
  g_autoptr(GDateTime) due = g_date_time_add_hours (fixture->now, overdue ? -2 : 48);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", linli_case_status_label (status));
  linli_record_set_text (record, "category", "其他");
  linli_record_set_text (record, "source", "来访");
  linli_record_set_enum (record, "status", status);
  linli_record_set_datetime (record, "reported_at", reported);
  linli_record_set_datetime (record, "due_at", due);
  if (status == LINLI_CASE_STATUS_RESOLVED)
    {
      linli_record_set_text (record, "resolution", "已解决");
      linli_record_set_datetime (record, "resolved_at", fixture->now);
    }
  linli_record_set_double (record, "lat", lat);
  linli_record_set_double (record, "lon", lon);
  g_assert_true (linli_store_insert (fixture->db.store, record, &error));
  g_assert_no_error (error);
  return linli_record_get_id (record);
}

/* A place inside the community's grids with no point within 0.002°. */
static void
empty_place (Fixture *fixture,
             double  *lat,
             double  *lon)
{
  g_autoptr(GArray) points = linli_map_points_load (fixture->db.store, fixture->now, NULL);
  g_autoptr(LinliCommunity) community = linli_store_dup_community (fixture->db.store);
  double clat = linli_record_get_double (LINLI_RECORD (community), "center_lat");
  double clon = linli_record_get_double (LINLI_RECORD (community), "center_lon");

  for (int ring = 0; ring < 40; ring++)
    for (int k = 0; k < 8; k++)
      {
        double a = k * G_PI / 4, r = ring * 0.0005;
        double plat = clat + r * sin (a), plon = clon + r * cos (a);
        gboolean free = TRUE;

        for (guint i = 0; i < points->len && free; i++)
          {
            const LinliMapPoint *q = &g_array_index (points, LinliMapPoint, i);
            free = fabs (q->lat - plat) > 0.002 || fabs (q->lon - plon) > 0.002;
          }
        if (free)
          {
            *lat = plat;
            *lon = plon;
            return;
          }
      }
  g_assert_not_reached ();
}

/* Until the map has read the store's changes, in its thread. */
static void
wait_for_points (Fixture *fixture)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (linli_map_view_is_loading_points (fixture->map_view))
    g_main_context_iteration (NULL, TRUE);
}

static void
count_cb (gpointer  object,
          guint    *n)
{
  (*n)++;
}

static void
to_widget (Fixture *fixture,
           double   lat,
           double   lon,
           double  *x,
           double  *y)
{
  shumate_viewport_location_to_widget_coords (linli_map_view_get_viewport (fixture->map_view),
                                              GTK_WIDGET (linli_map_view_get_map (fixture->map_view)),
                                              lat, lon, x, y);
}

static gboolean
get_show (Fixture    *fixture,
          const char *property)
{
  gboolean show;
  g_object_get (fixture->map_view, property, &show, NULL);
  return show;
}

/* The panel's counts, worked out here from the case records. Returns how
 * many cases the grid has open. */
static guint
assert_panel_counts (Fixture     *fixture,
                     LinliRecord *grid)
{
  GtkWidget *panel = linli_map_view_get_grid_panel (fixture->map_view);
  g_autoptr(GListModel) cases = linli_store_list (fixture->db.store, LINLI_TYPE_CASE);
  guint open = 0, overdue = 0, month = 0, resolved = 0, in_grid = 0;
  g_autofree char *open_text = NULL, *overdue_text = NULL, *month_text = NULL, *share = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      LinliCaseStatus status = linli_record_get_enum (record, "status");
      g_autoptr(GDateTime) reported = g_date_time_to_local (linli_record_get_datetime (record, "reported_at"));

      if (linli_record_get_int (record, "grid_id") != linli_record_get_id (grid) ||
          status == LINLI_CASE_STATUS_VOID || status == LINLI_CASE_STATUS_DUPLICATE)
        continue;
      open += linli_case_status_is_open (status);
      overdue += linli_case_is_overdue (record, fixture->now);
      month += g_date_time_get_year (reported) == g_date_time_get_year (fixture->now) &&
               g_date_time_get_month (reported) == g_date_time_get_month (fixture->now);
      if (status == LINLI_CASE_STATUS_RESOLVED || status == LINLI_CASE_STATUS_REVISITED)
        {
          resolved++;
          in_grid += linli_record_get_enum (record, "resolution_level") == LINLI_RESOLUTION_LEVEL_GRID;
        }
    }

  open_text = g_strdup_printf ("%u", open);
  overdue_text = g_strdup_printf ("%u", overdue);
  month_text = g_strdup_printf ("%u", month);
  share = resolved > 0 ? g_strdup_printf ("%.0f%% (%u of %u)", 100.0 * in_grid / resolved, in_grid, resolved)
                       : g_strdup ("None resolved yet");
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "name"), ==,
                   linli_record_get_text (grid, "name"));
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "code"), ==,
                   linli_record_get_text (grid, "code"));
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "kind"), ==, "Management grid");
  /* Every worker of the grid by name. */
  {
    GArray *workers = linli_record_get_refs (grid, "workers");

    g_assert_nonnull (workers);
    g_assert_cmpuint (workers->len, >, 0);
    for (guint i = 0; i < workers->len; i++)
      {
        g_autoptr(LinliRecord) worker = linli_store_get (fixture->db.store, LINLI_TYPE_WORKER,
                                                         g_array_index (workers, gint64, i), NULL);
        g_assert_nonnull (strstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "workers"),
                                  linli_record_get_text (worker, "name")));
      }
  }
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "open"), ==, open_text);
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "overdue"), ==, overdue_text);
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "this-month"), ==, month_text);
  g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "resolved-in-grid"), ==, share);
  return open;
}

static void
test_select_grid (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) grids = linli_store_list (fixture->db.store, LINLI_TYPE_GRID);
  GtkWidget *panel = linli_map_view_get_grid_panel (fixture->map_view);
  GtkWidget *map = GTK_WIDGET (linli_map_view_get_map (fixture->map_view));
  guint n_selected = 0, n_open = 0;
  gboolean clicked_outside = FALSE;
  LinliPoint grid_at = { 0, 0 };

  /* The points hide, so that a click finds the grid under them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-cases", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-buildings", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-activities", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-outreach", NULL);
  g_assert_false (get_show (fixture, "show-cases"));
  g_assert_false (get_show (fixture, "show-outreach"));
  g_assert_true (get_show (fixture, "show-grids"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (linli_map_view_get_point_layer (fixture->map_view,
                                                                                      LINLI_MAP_POINT_CASE))));

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(LinliGeometry) outline = NULL;
      LinliPoint at;
      double x, y;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT)
        continue;
      outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
      at = linli_geometry_get_label_point (outline);
      g_assert_true (linli_geometry_contains (outline, at.lon, at.lat));
      to_widget (fixture, at.lat, at.lon, &x, &y);
      g_assert_true (x > 0 && y > 0 && x < gtk_widget_get_width (map) && y < gtk_widget_get_height (map));

      linli_map_view_click (fixture->map_view, x, y);
      g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, linli_record_get_id (grid));
      n_open += assert_panel_counts (fixture, grid);
      n_selected++;
      grid_at = at;
    }
  g_assert_cmpuint (n_selected, ==, 7);
  g_assert_cmpuint (n_open, >, 0);
  test_wait_until_drawn (panel);
  g_assert_true (gtk_widget_is_drawable (panel));

  /* Clicked again, the public sentiment grid around the management grid. */
  {
    double x, y;
    gint64 management, sentiment;
    g_autoptr(LinliRecord) grid = NULL;

    to_widget (fixture, grid_at.lat, grid_at.lon, &x, &y);
    linli_grid_layer_locate (LINLI_GRID_LAYER (linli_map_view_get_grid_layer (fixture->map_view)),
                             grid_at.lat, grid_at.lon, &management, &sentiment);
    g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, management);
    g_assert_cmpint (sentiment, !=, 0);
    linli_map_view_click (fixture->map_view, x, y);
    g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, sentiment);
    grid = linli_store_get (fixture->db.store, LINLI_TYPE_GRID, sentiment, NULL);
    g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "name"), ==,
                     linli_record_get_text (grid, "name"));
    g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "kind"), ==,
                     linli_grid_kind_label (LINLI_GRID_KIND_SENTIMENT));
    g_assert_false (gtk_widget_get_visible (test_find_button (panel, "window.show-grid-cases")));
    /* And again, the management grid. */
    linli_map_view_click (fixture->map_view, x, y);
    g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, management);
  }

  /* Show Cases: the Cases page. */
  {
    GtkWidget *button = test_find_button (panel, "window.show-grid-cases");
    GtkWidget *stack = test_find (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "cases");
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "map");
  }

  /* Closing the panel, or a click outside every grid, selects none. */
  gtk_widget_activate_action (panel, "grid-panel.close", NULL);
  g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, 0);
  for (int y = 5; y < gtk_widget_get_height (map) && !clicked_outside; y += 40)
    {
      ShumateViewport *viewport = linli_map_view_get_viewport (fixture->map_view);
      ShumateLayer *layer = linli_map_view_get_grid_layer (fixture->map_view);
      double lat, lon;

      shumate_viewport_widget_coords_to_location (viewport, map, 5, y, &lat, &lon);
      if (linli_grid_layer_grid_at (LINLI_GRID_LAYER (layer), lat, lon) != 0)
        continue;
      double gx, gy;

      to_widget (fixture, grid_at.lat, grid_at.lon, &gx, &gy);
      linli_map_view_click (fixture->map_view, gx, gy);
      g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), !=, 0);
      linli_map_view_click (fixture->map_view, 5, y);
      g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, 0);
      clicked_outside = TRUE;
    }
  g_assert_true (clicked_outside);
}

static void
test_points (Fixture       *fixture,
             gconstpointer  data)
{
  ShumateViewport *viewport = linli_map_view_get_viewport (fixture->map_view);
  GtkWidget *popover = linli_map_view_get_point_popover (fixture->map_view);
  g_autoptr(GArray) points = drawn_points (fixture);
  const LinliMapPoint *alone = NULL, *crowded = NULL;
  GtkWidget *title;
  double x, y;

  /* A case with no activity or outreach event drawn over it, and one
   * among several cases at one place. */
  for (guint i = 0; i < points->len && (alone == NULL || crowded == NULL); i++)
    {
      const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, i);
      guint n_cases = 0, n_over = 0;

      if (p->kind != LINLI_MAP_POINT_CASE)
        continue;
      for (guint j = 0; j < points->len; j++)
        {
          const LinliMapPoint *q = &g_array_index (points, LinliMapPoint, j);
          gboolean near = fabs (q->lat - p->lat) < 0.0003 && fabs (q->lon - p->lon) < 0.0003;

          n_cases += near && q->kind == LINLI_MAP_POINT_CASE;
          n_over += near && (q->kind == LINLI_MAP_POINT_ACTIVITY || q->kind == LINLI_MAP_POINT_OUTREACH);
        }
      if (n_over == 0 && n_cases == 1 && alone == NULL)
        alone = p;
    }
  g_assert_nonnull (alone);

  /* The grids' names are drawn over every kind of point. */
  {
    ShumateLayer *grids = linli_map_view_get_grid_layer (fixture->map_view);
    GtkWidget *labels = GTK_WIDGET (linli_grid_layer_get_label_layer (LINLI_GRID_LAYER (grids)));

    g_assert_true (gtk_widget_get_parent (labels) == GTK_WIDGET (linli_map_view_get_map (fixture->map_view)));
    for (guint kind = 0; kind < LINLI_MAP_POINT_N_KINDS; kind++)
      {
        GtkWidget *layer = GTK_WIDGET (linli_map_view_get_point_layer (fixture->map_view, kind));
        gboolean above = FALSE;

        for (GtkWidget *w = gtk_widget_get_next_sibling (layer); w != NULL; w = gtk_widget_get_next_sibling (w))
          above |= w == labels;
        g_assert_true (above);
      }
  }

  linli_map_view_center_on (fixture->map_view, alone->lat, alone->lon, 19);
  to_widget (fixture, alone->lat, alone->lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  g_assert_true (gtk_widget_get_visible (popover));
  title = test_find (popover, GTK_TYPE_LABEL);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, alone->title);
  g_assert_nonnull (test_find_button_labelled (popover, "_Open"));
  /* No grid was selected under the point. */
  g_assert_cmpint (linli_map_view_get_selected_grid (fixture->map_view), ==, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Every case but void ones: a place where several lie near one another
   * but not at one place. Further out, it is a disc; a click zooms in on
   * it. */
  g_object_set (fixture->map_view, "cases", "all", NULL);
  {
    g_autoptr(GArray) all = NULL;
    double lat, lon;

    /* The demo's cases lie at their buildings: three a few metres apart. */
    empty_place (fixture, &lat, &lon);
    add_case (fixture, lat, lon, LINLI_CASE_STATUS_RESOLVED, FALSE);
    add_case (fixture, lat + 0.00015, lon, LINLI_CASE_STATUS_RESOLVED, FALSE);
    add_case (fixture, lat, lon + 0.00015, LINLI_CASE_STATUS_RESOLVED, FALSE);
    wait_for_points (fixture);
    all = linli_map_points_load_cases (fixture->db.store, fixture->now, LINLI_MAP_CASES_ALL,
                                       LINLI_MAP_PERIOD_ANY, NULL);
    for (guint i = 0; i < all->len && crowded == NULL; i++)
      {
        const LinliMapPoint *p = &g_array_index (all, LinliMapPoint, i);

        if (p->kind == LINLI_MAP_POINT_CASE && p->lat == lat && p->lon == lon)
          crowded = p;
      }
    g_assert_nonnull (crowded);
    g_assert_false (all_at_one_place (all, crowded));
    linli_map_view_center_on (fixture->map_view, crowded->lat, crowded->lon, 15);
  to_widget (fixture, crowded->lat, crowded->lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 17);
  }
  g_object_set (fixture->map_view, "cases", "open", NULL);
  g_assert_false (gtk_widget_get_visible (popover));
}

/* A new case on the map shows without reopening the database. */
static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  LinliPointLayer *cases = LINLI_POINT_LAYER (linli_map_view_get_point_layer (fixture->map_view,
                                                                             LINLI_MAP_POINT_CASE));
  guint before = linli_point_layer_get_n_points (cases);
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = linli_store_next_case_number (fixture->db.store, 2026);
  g_autoptr(LinliCommunity) community = linli_store_dup_community (fixture->db.store);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", "测试");
  linli_record_set_text (record, "category", "其他");
  linli_record_set_text (record, "source", "来访");
  linli_record_set_datetime (record, "reported_at", fixture->now);
  linli_record_set_double (record, "lat", linli_record_get_double (LINLI_RECORD (community), "center_lat"));
  linli_record_set_double (record, "lon", linli_record_get_double (LINLI_RECORD (community), "center_lon"));
  g_assert_true (linli_store_insert (fixture->db.store, record, &error));
  g_assert_no_error (error);

  while (linli_point_layer_get_n_points (cases) == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (linli_point_layer_get_n_points (cases), ==, before + 1);
}

static void
capture_deleted_cb (LinliCaseEditor  *editor,
                    LinliRecord      *record,
                    GListModel       *events,
                    LinliRecord     **deleted)
{
  g_set_object (deleted, record);
}

/* A case opened from the map is edited by the window, as from the Cases
 * page: deleting it there offers Undo, which brings it back. */
static void
test_open_case_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *popover = linli_map_view_get_point_popover (fixture->map_view);
  g_autoptr(GArray) points = drawn_points (fixture);
  g_autoptr(LinliRecord) deleted = NULL;
  g_autoptr(LinliRecord) restored = NULL;
  const LinliMapPoint *alone = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *open, *undo;
  LinliCaseEditor *editor = NULL;
  double x, y;

  /* A case with no activity or outreach event drawn over it. */
  for (guint i = 0; i < points->len && alone == NULL; i++)
    {
      const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, i);
      guint n_over = 0;

      if (p->kind != LINLI_MAP_POINT_CASE)
        continue;
      for (guint j = 0; j < points->len; j++)
        {
          const LinliMapPoint *q = &g_array_index (points, LinliMapPoint, j);

          n_over += (q->kind == LINLI_MAP_POINT_ACTIVITY || q->kind == LINLI_MAP_POINT_OUTREACH ||
                     (q->kind == LINLI_MAP_POINT_CASE && q != p)) &&
                    fabs (q->lat - p->lat) < 0.0003 && fabs (q->lon - p->lon) < 0.0003;
        }
      if (n_over == 0)
        alone = p;
    }
  g_assert_nonnull (alone);

  linli_map_view_center_on (fixture->map_view, alone->lat, alone->lon, 19);
  to_widget (fixture, alone->lat, alone->lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  g_assert_true (gtk_widget_get_visible (popover));
  open = test_find_button_labelled (popover, "_Open");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && editor == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_CASE_EDITOR (window))
        editor = LINLI_CASE_EDITOR (window);
    }
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));

  g_signal_connect (editor, "deleted", G_CALLBACK (capture_deleted_cb), &deleted);
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.delete", NULL);
  g_assert_nonnull (deleted);
  g_assert_cmpfloat (linli_record_get_double (deleted, "lat"), ==, alone->lat);
  g_assert_cmpfloat (linli_record_get_double (deleted, "lon"), ==, alone->lon);
  g_assert_null (linli_store_get (fixture->db.store, LINLI_TYPE_CASE, linli_record_get_id (deleted), NULL));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  undo = test_find_button_labelled (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  restored = linli_store_get (fixture->db.store, LINLI_TYPE_CASE, linli_record_get_id (deleted), NULL);
  g_assert_nonnull (restored);
  g_assert_true (linli_record_equal (restored, deleted));
}


/* Whether a case record has a place on the map: its own, or its building's. */
static gboolean
case_place (Fixture     *fixture,
            LinliRecord *record,
            double      *lat,
            double      *lon)
{
  *lat = linli_record_get_double (record, "lat");
  *lon = linli_record_get_double (record, "lon");
  if (isnan (*lat) && linli_record_get_int (record, "building_id") != 0)
    {
      g_autoptr(LinliRecord) building = linli_store_get (fixture->db.store, LINLI_TYPE_BUILDING,
                                                         linli_record_get_int (record, "building_id"), NULL);
      *lat = linli_record_get_double (building, "lat");
      *lon = linli_record_get_double (building, "lon");
    }
  return !isnan (*lat) && !isnan (*lon);
}

static guint
n_drawn_cases (Fixture *fixture)
{
  return linli_point_layer_get_n_points (LINLI_POINT_LAYER (linli_map_view_get_point_layer (fixture->map_view,
                                                                                           LINLI_MAP_POINT_CASE)));
}

static char *
get_string (Fixture    *fixture,
            const char *property)
{
  char *value;
  g_object_get (fixture->map_view, property, &value, NULL);
  return value;
}

/* Open cases only, by default: counted from the records here, and the
 * grid panel's count of open cases is what is drawn in the grid. The
 * choice is remembered for the database, not for another. */
static void
test_default_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) cases = linli_store_list (fixture->db.store, LINLI_TYPE_CASE);
  g_autoptr(GListModel) grids = linli_store_list (fixture->db.store, LINLI_TYPE_GRID);
  g_autoptr(GArray) drawn = drawn_points (fixture);
  GtkWidget *panel = linli_map_view_get_grid_panel (fixture->map_view);
  guint n_open = 0, n_closed = 0, n_all = 0, n_checked = 0;
  g_autofree char *cases_choice = get_string (fixture, "cases");
  g_autofree char *period_choice = get_string (fixture, "period");

  g_assert_cmpstr (cases_choice, ==, "open");
  g_assert_cmpstr (period_choice, ==, "any");
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      LinliCaseStatus status = linli_record_get_enum (record, "status");
      double lat, lon;

      if (!case_place (fixture, record, &lat, &lon))
        continue;
      n_open += linli_case_status_is_open (status);
      n_closed += !linli_case_status_is_open (status);
      n_all += status != LINLI_CASE_STATUS_VOID && status != LINLI_CASE_STATUS_DUPLICATE;
    }
  /* The demo has closed cases with a place, which are not drawn. */
  g_assert_cmpuint (n_closed, >, 0);
  g_assert_cmpuint (n_open, >, 0);
  g_assert_cmpuint (n_drawn_cases (fixture), ==, n_open);
  for (guint i = 0; i < drawn->len; i++)
    {
      const LinliMapPoint *p = &g_array_index (drawn, LinliMapPoint, i);
      if (p->kind == LINLI_MAP_POINT_CASE)
        g_assert_true (linli_case_status_is_open (p->status));
    }

  /* Each management grid's panel: as many open cases as are drawn in it. */
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_autoptr(LinliGeometry) outline = NULL;
      g_autofree char *expected = NULL;
      guint in_grid = 0;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT)
        continue;
      outline = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
      for (guint j = 0; j < drawn->len; j++)
        {
          const LinliMapPoint *p = &g_array_index (drawn, LinliMapPoint, j);
          in_grid += p->kind == LINLI_MAP_POINT_CASE && linli_geometry_contains (outline, p->lon, p->lat);
        }
      gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.select-grid", "x", linli_record_get_id (grid));
      expected = g_strdup_printf ("%u", in_grid);
      g_assert_cmpstr (linli_grid_panel_get_value (LINLI_GRID_PANEL (panel), "open"), ==, expected);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 7);

  /* Every case but void and duplicate ones, from the Layers popover: read
   * in a thread, the open ones drawn until they arrive. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.cases", "s", "all");
  g_assert_true (linli_map_view_is_loading_points (fixture->map_view));
  g_assert_cmpuint (n_drawn_cases (fixture), ==, n_open);
  wait_for_points (fixture);
  g_assert_cmpuint (n_drawn_cases (fixture), ==, n_all);
  g_assert_cmpuint (n_all, >, n_open);
  /* Overdue only, this month: the second choice cancels the read of the
   * first, whose points are never drawn. */
  {
    guint n_overdue = 0, n_loaded = 0;
    gulong loaded_id = g_signal_connect (fixture->map_view, "points-loaded", G_CALLBACK (count_cb), &n_loaded);

    gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.cases", "s", "overdue");
    gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.period", "s", "this-month");
    wait_for_points (fixture);
    g_signal_handler_disconnect (fixture->map_view, loaded_id);
    g_assert_cmpuint (n_loaded, ==, 1);

    for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
      {
        g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
        double lat, lon;

        n_overdue += case_place (fixture, record, &lat, &lon) && linli_case_is_overdue (record, fixture->now) &&
                     linli_map_points_case_shown (LINLI_MAP_CASES_OVERDUE, LINLI_MAP_PERIOD_THIS_MONTH, fixture->now,
                                                  linli_record_get_enum (record, "status"), TRUE,
                                                  linli_record_get_datetime (record, "reported_at"));
      }
    g_assert_cmpuint (n_drawn_cases (fixture), ==, n_overdue);
    g_assert_cmpuint (n_overdue, <, n_open);
  }

  /* Remembered for this database … */
  linli_map_view_set_store (fixture->map_view, NULL);
  g_assert_cmpuint (n_drawn_cases (fixture), ==, 0);
  linli_map_view_set_store (fixture->map_view, fixture->db.store);
  {
    g_autofree char *again = get_string (fixture, "cases");
    g_autofree char *period = get_string (fixture, "period");

    g_assert_cmpstr (again, ==, "overdue");
    g_assert_cmpstr (period, ==, "this-month");
  }
  /* … not for another. */
  {
    TestDatabase other;
    g_autofree char *choice = NULL;

    test_database_open (&other, "linli-map-view-other");
    linli_map_view_set_store (fixture->map_view, other.store);
    choice = get_string (fixture, "cases");
    g_assert_cmpstr (choice, ==, "open");
    linli_map_view_set_store (fixture->map_view, fixture->db.store);
    test_database_close (&other);
  }
}

/* A disc takes the colour of its most urgent case: overdue first. */
static void
test_disc_colour (Fixture       *fixture,
                  gconstpointer  data)
{
  LinliPointLayer *layer = LINLI_POINT_LAYER (linli_map_view_get_point_layer (fixture->map_view,
                                                                             LINLI_MAP_POINT_CASE));
  g_autoptr(GPtrArray) members = NULL;
  gboolean overdue = TRUE;
  int status = -1;
  double lat, lon, x, y;
  gint64 late;

  /* The order, most urgent first. */
  g_assert_cmpuint (linli_map_case_rank (LINLI_CASE_STATUS_ASSIGNED, TRUE), <,
                    linli_map_case_rank (LINLI_CASE_STATUS_ESCALATED, FALSE));
  g_assert_cmpuint (linli_map_case_rank (LINLI_CASE_STATUS_ESCALATED, FALSE), <,
                    linli_map_case_rank (LINLI_CASE_STATUS_REGISTERED, FALSE));
  g_assert_cmpuint (linli_map_case_rank (LINLI_CASE_STATUS_REGISTERED, FALSE), <,
                    linli_map_case_rank (LINLI_CASE_STATUS_IN_PROGRESS, FALSE));
  g_assert_cmpuint (linli_map_case_rank (LINLI_CASE_STATUS_SUSPENDED, FALSE), <,
                    linli_map_case_rank (LINLI_CASE_STATUS_RESOLVED, FALSE));

  empty_place (fixture, &lat, &lon);
  add_case (fixture, lat, lon, LINLI_CASE_STATUS_IN_PROGRESS, FALSE);
  add_case (fixture, lat, lon + 0.00002, LINLI_CASE_STATUS_ASSIGNED, FALSE);
  add_case (fixture, lat + 0.00002, lon, LINLI_CASE_STATUS_REGISTERED, FALSE);
  add_case (fixture, lat, lon, LINLI_CASE_STATUS_RESOLVED, FALSE);
  wait_for_points (fixture);

  linli_map_view_center_on (fixture->map_view, lat, lon, 15);
  to_widget (fixture, lat, lon, &x, &y);
  members = linli_point_layer_hit_members (layer, x, y, &status, &overdue, NULL);
  g_assert_nonnull (members);
  /* The resolved case is not drawn. */
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpint (status, ==, LINLI_CASE_STATUS_REGISTERED);
  g_assert_false (overdue);
  g_clear_pointer (&members, g_ptr_array_unref);

  add_case (fixture, lat, lon, LINLI_CASE_STATUS_ESCALATED, FALSE);
  wait_for_points (fixture);
  members = linli_point_layer_hit_members (layer, x, y, &status, &overdue, NULL);
  g_assert_cmpuint (members->len, ==, 4);
  g_assert_cmpint (status, ==, LINLI_CASE_STATUS_ESCALATED);
  g_assert_false (overdue);
  g_clear_pointer (&members, g_ptr_array_unref);

  late = add_case (fixture, lat, lon, LINLI_CASE_STATUS_ASSIGNED, TRUE);
  wait_for_points (fixture);
  members = linli_point_layer_hit_members (layer, x, y, &status, &overdue, NULL);
  g_assert_cmpuint (members->len, ==, 5);
  g_assert_true (overdue);
  /* Listed first. */
  g_assert_cmpint (((const LinliMapPoint *) g_ptr_array_index (members, 0))->id, ==, late);
}

static LinliCaseEditor *
find_case_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_CASE_EDITOR (window))
        return LINLI_CASE_EDITOR (window);
    }
  return NULL;
}

static gint64
row_case (gpointer row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "linli-case-id");

  g_assert_nonnull (id);
  return *id;
}

/* Several cases at one place, which no zoom parts: a click lists them,
 * the most urgent first, and a row opens its case through the window. */
static void
test_pile_list (Fixture       *fixture,
                gconstpointer  data)
{
  ShumateViewport *viewport = linli_map_view_get_viewport (fixture->map_view);
  GtkWidget *popover = linli_map_view_get_point_popover (fixture->map_view);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *list;
  LinliCaseEditor *editor;
  gint64 ids[4];
  double lat, lon, x, y, closest;

  empty_place (fixture, &lat, &lon);
  ids[0] = add_case (fixture, lat, lon, LINLI_CASE_STATUS_IN_PROGRESS, FALSE);
  ids[1] = add_case (fixture, lat, lon, LINLI_CASE_STATUS_REGISTERED, FALSE);
  ids[2] = add_case (fixture, lat, lon, LINLI_CASE_STATUS_IN_PROGRESS, TRUE);
  ids[3] = add_case (fixture, lat, lon, LINLI_CASE_STATUS_SUSPENDED, FALSE);
  wait_for_points (fixture);

  /* Closest: one disc of four; listed, not zoomed. */
  linli_map_view_center_on (fixture->map_view, lat, lon, 19);
  closest = shumate_viewport_get_zoom_level (viewport);
  g_assert_cmpfloat (closest, >=, 18);
  to_widget (fixture, lat, lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, closest);
  g_assert_true (gtk_widget_get_visible (popover));
  list = test_find (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  test_collect (list, GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = row_case (rows->pdata[i]);
      gboolean known = FALSE;

      g_assert_true (gtk_list_box_row_get_activatable (rows->pdata[i]));
      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        known |= ids[k] == id;
      g_assert_true (known);
    }
  /* The overdue one first, then the one nobody has yet. */
  g_assert_cmpint (row_case (rows->pdata[0]), ==, ids[2]);
  g_assert_cmpint (row_case (rows->pdata[1]), ==, ids[1]);

  /* Activated, it opens through win.open-case. */
  g_assert_null (find_case_editor ());
  gtk_widget_activate (rows->pdata[1]);
  editor = find_case_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (linli_record_get_id (linli_case_editor_get_case (editor)), ==, ids[1]);
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Further out too, a pile no zoom would part is listed. */
  linli_map_view_center_on (fixture->map_view, lat, lon, 15);
  to_widget (fixture, lat, lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 15);
  g_assert_true (gtk_widget_get_visible (popover));
}

/* A building clicked opens in its editor through the window; moved, it
 * is saved, and Undo puts it back. */
static void
test_building (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) buildings = linli_store_list (fixture->db.store, LINLI_TYPE_BUILDING);
  g_autoptr(LinliRecord) building = NULL;
  g_autoptr(LinliRecord) moved = NULL;
  g_autoptr(LinliRecord) back = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *undo, *editor = NULL;
  double lat, lon, x, y;

  /* Cases hide, so that the click finds the building under them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-cases", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-activities", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map_view), "map.show-outreach", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (buildings), >, 0);
  building = g_list_model_get_item (buildings, 0);
  lat = linli_record_get_double (building, "lat");
  lon = linli_record_get_double (building, "lon");

  linli_map_view_center_on (fixture->map_view, lat, lon, 18);
  to_widget (fixture, lat, lon, &x, &y);
  linli_map_view_click (fixture->map_view, x, y);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && editor == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_BUILDING_EDITOR (window))
        editor = window;
    }
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Building");
  gtk_window_destroy (GTK_WINDOW (editor));

  linli_map_view_move_building (fixture->map_view, linli_record_get_id (building), lat + 0.0004, lon);
  moved = linli_store_get (fixture->db.store, LINLI_TYPE_BUILDING, linli_record_get_id (building), NULL);
  g_assert_cmpfloat_with_epsilon (linli_record_get_double (moved, "lat"), lat + 0.0004, 1e-9);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  undo = test_find_button_labelled (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  back = linli_store_get (fixture->db.store, LINLI_TYPE_BUILDING, linli_record_get_id (building), NULL);
  g_assert_true (linli_record_equal (back, building));
}

static void
set_entry (GPtrArray  *entries,
           guint       i,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[i]), text);
}

/* The new community's centre: typed offline with no file, which the
 * dialog says; clicked on the outlines of a GeoJSON file opened. */
static void
test_new_community_centre (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-centre-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *geojson = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  g_autofree char *contents = NULL;
  LinliNewCommunityDialog *dialog = linli_new_community_dialog_new (NULL, path);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *create, *map_row = NULL, *frame;
  LinliMapView *map;
  ShumateViewport *viewport;
  double lat, lon, x, y;
  gsize length;

  g_assert_no_error (error);
  /* The network as the test says, not as the machine's monitor reports it
   * when it settles (GLib 2.90's does after the dialog is shown). */
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), dialog);
  linli_new_community_dialog_set_online (dialog, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  test_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  test_collect (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  create = test_find_button (GTK_WIDGET (dialog), "community.create");
  map = LINLI_MAP_VIEW (test_find (GTK_WIDGET (dialog), LINLI_TYPE_MAP_VIEW));
  g_assert_nonnull (map);
  frame = gtk_widget_get_ancestor (GTK_WIDGET (map), GTK_TYPE_FRAME);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "On a Map") == 0)
      map_row = rows->pdata[i];
  g_assert_nonnull (map_row);

  /* Offline, no map to click: it says to type, and typing works. */
  g_assert_false (gtk_widget_get_visible (frame));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (map_row)), "Offline"));
  set_entry (entries, 0, "东方御园社区");
  set_entry (entries, 3, "35.4575");
  set_entry (entries, 4, "116.6035");
  g_assert_true (gtk_widget_get_sensitive (create));

  /* A file that is not GeoJSON is refused, and nothing changes. */
  g_assert_false (linli_new_community_dialog_show_geojson (dialog, "not json", 8, "x.txt", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gtk_widget_get_visible (frame));

  /* The districts of Jining: drawn, in view, and clicked on. */
  g_file_get_contents (geojson, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (linli_new_community_dialog_show_geojson (dialog, contents, length, "jining.geojson", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (frame));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (map_row)), "jining.geojson"));
  test_wait_until_drawn (GTK_WIDGET (map));
  viewport = linli_map_view_get_viewport (map);
  /* Jining lies about 35.4°N, 116.6°E: in the middle of the view. */
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (linli_map_view_get_map (map)),
                                              gtk_widget_get_width (GTK_WIDGET (map)) / 2.0,
                                              gtk_widget_get_height (GTK_WIDGET (map)) / 2.0, &lat, &lon);
  g_assert_cmpfloat (fabs (lat - 35.4), <, 1.0);
  g_assert_cmpfloat (fabs (lon - 116.6), <, 1.0);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, 5);

  x = gtk_widget_get_width (GTK_WIDGET (map)) / 3.0;
  y = gtk_widget_get_height (GTK_WIDGET (map)) / 3.0;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (linli_map_view_get_map (map)), x, y, &lat, &lon);
  linli_map_view_click (map, x, y);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (gtk_editable_get_text (entries->pdata[3]), NULL), lat, 1e-5);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (gtk_editable_get_text (entries->pdata[4]), NULL), lon, 1e-5);
  g_assert_true (gtk_widget_get_sensitive (create));

  /* Online, OpenStreetMap, whatever the file. */
  linli_new_community_dialog_set_online (dialog, TRUE);
  g_assert_true (gtk_widget_get_visible (frame));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_rmdir (dir);
}

/* After a GeoJSON import, the map shows what came in: the districts of
 * Jining, tens of kilometres across, not the demo's few streets. */
static void
test_import_shows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport = linli_map_view_get_viewport (fixture->map_view);
  GtkWidget *stack = test_find (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  LinliGeojsonImportDialog *dialog;
  LinliGeojsonFile *file;
  gsize length;
  double before = shumate_viewport_get_zoom_level (viewport);
  double lat, lon;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  file = linli_geojson_file_parse (contents, length, &error);
  g_assert_no_error (error);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "cases");
  dialog = linli_geojson_import_dialog_new (GTK_WINDOW (fixture->window), fixture->db.store, file, "jining.geojson");
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  /* Written in a job: the dialog closes once it is. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "map");
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), <, before - 3);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  /* Jining's districts: about 34.4–36.0° N, 115.5–117.7° E. */
  g_assert_cmpfloat (lat, >, 34.4);
  g_assert_cmpfloat (lat, <, 36.0);
  g_assert_cmpfloat (lon, >, 115.5);
  g_assert_cmpfloat (lon, <, 117.7);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Waits until @flap has slid all the way in or out. */
static void
wait_for_flap (AdwFlap *flap)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (flap), count_frame_cb, &frames, NULL);
  double goal = adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((adw_flap_get_reveal_progress (flap) != goal || frames < 3) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (GTK_WIDGET (flap), id);
  g_assert_cmpfloat (adw_flap_get_reveal_progress (flap), ==, goal);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

/* The grid panel at 1366 px is a column beside the map; at 800 px a sheet
 * over the bottom of the map that leaves the map's toolbar and zoom
 * buttons uncovered and usable, is closed by its button and opened again
 * by choosing a grid. */
static void
test_panel_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { int width, height; gboolean sheet; } sizes[] = {
    { 1366, 768, FALSE },
    { 800, 600, TRUE },
  };
  g_autoptr(GListModel) grids = linli_store_list (fixture->db.store, LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, 0);
  gint64 grid_id = linli_record_get_id (grid);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      LinliWindow *window = linli_window_new (NULL);
      GtkWidget *view, *panel, *map, *flap;
      GtkWidget *buttons[2];
      graphene_rect_t view_bounds, panel_bounds, map_bounds;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      linli_window_set_store (window, fixture->db.store);
      gtk_window_present (GTK_WINDOW (window));
      test_wait_until_drawn (GTK_WIDGET (window));
      view = linli_window_get_map_view (window);
      panel = linli_map_view_get_grid_panel (LINLI_MAP_VIEW (view));
      map = GTK_WIDGET (linli_map_view_get_map (LINLI_MAP_VIEW (view)));
      flap = test_find (view, ADW_TYPE_FLAP);
      buttons[0] = test_find_button (view, "grid-edit.new");
      buttons[1] = test_find_button (view, "map.zoom-in");
      g_assert_nonnull (flap);
      g_assert_nonnull (buttons[0]);
      g_assert_nonnull (buttons[1]);

      gtk_widget_activate_action (view, "map.select-grid", "x", grid_id);
      wait_for_flap (ADW_FLAP (flap));
      g_assert_cmpint (linli_map_view_get_selected_grid (LINLI_MAP_VIEW (view)), ==, grid_id);
      g_assert_true (gtk_widget_is_drawable (panel));
      g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)) == sizes[i].sheet);

      /* The map is as high as the view, under the sheet or beside the
       * column, once the fold has been laid out. */
      {
        gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

        while (gtk_widget_get_height (map) != gtk_widget_get_height (view) && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
      }
      view_bounds = bounds_in (view, view);
      panel_bounds = bounds_in (panel, view);
      map_bounds = bounds_in (map, view);
      g_test_message ("%d×%d: view %g×%g, panel at %g,%g %g×%g", sizes[i].width, sizes[i].height,
                      view_bounds.size.width, view_bounds.size.height, panel_bounds.origin.x,
                      panel_bounds.origin.y, panel_bounds.size.width, panel_bounds.size.height);
      if (sizes[i].sheet)
        {
          /* Across the bottom, over the map, at most a little over half of it. */
          g_assert_cmpfloat (panel_bounds.origin.x, ==, 0);
          g_assert_cmpfloat (panel_bounds.size.width, ==, view_bounds.size.width);
          g_assert_cmpfloat (panel_bounds.origin.y + panel_bounds.size.height, ==, view_bounds.size.height);
          g_assert_cmpfloat (panel_bounds.size.height, <=, view_bounds.size.height * 0.55 + 1);
          g_assert_cmpfloat (panel_bounds.size.height, >=, 150);
          g_assert_cmpfloat (map_bounds.size.height, ==, view_bounds.size.height);
        }
      else
        {
          /* A column at the right, beside the map. */
          g_assert_cmpfloat (panel_bounds.origin.x + panel_bounds.size.width, ==, view_bounds.size.width);
          g_assert_cmpfloat (panel_bounds.origin.y, ==, 0);
          g_assert_cmpfloat (panel_bounds.size.height, ==, view_bounds.size.height);
          g_assert_cmpfloat (map_bounds.origin.x + map_bounds.size.width, <=, panel_bounds.origin.x);
        }
      /* The toolbar and the zoom buttons: uncovered, and what a click there reaches. */
      for (guint b = 0; b < G_N_ELEMENTS (buttons); b++)
        {
          graphene_rect_t button = bounds_in (buttons[b], view);
          GtkWidget *picked = gtk_widget_pick (view, button.origin.x + button.size.width / 2,
                                               button.origin.y + button.size.height / 2, GTK_PICK_DEFAULT);

          g_assert_false (graphene_rect_intersection (&button, &panel_bounds, NULL));
          g_assert_nonnull (picked);
          g_assert_true (picked == buttons[b] || gtk_widget_is_ancestor (picked, buttons[b]));
        }

      /* Closed, and opened again by choosing the grid. */
      gtk_widget_activate_action (panel, "grid-panel.close", NULL);
      wait_for_flap (ADW_FLAP (flap));
      g_assert_cmpint (linli_map_view_get_selected_grid (LINLI_MAP_VIEW (view)), ==, 0);
      g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
      gtk_widget_activate_action (view, "map.select-grid", "x", grid_id);
      wait_for_flap (ADW_FLAP (flap));
      g_assert_cmpint (linli_map_view_get_selected_grid (LINLI_MAP_VIEW (view)), ==, grid_id);
      g_assert_cmpfloat (bounds_in (panel, view).size.height, ==, panel_bounds.size.height);

      gtk_window_destroy (GTK_WINDOW (window));
    }
  /* For the fixture's tear-down. */
  fixture->window = linli_window_new (NULL);
}

/* Waits until the map is laid out under the whole view again. */
static void
wait_for_full_map (GtkWidget *view,
                   GtkWidget *map)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_height (map) != gtk_widget_get_height (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_height (map), ==, gtk_widget_get_height (view));
}

/* At 800 px a grid chosen where the sheet will cover it is brought into
 * the band between the map's toolbar and the sheet, outline and all; one
 * in view already is left where it is. */
static void
test_grid_above_sheet (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) grids = linli_store_list (fixture->db.store, LINLI_TYPE_GRID);
  g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, 0);
  g_autoptr(LinliGeometry) geometry = linli_geometry_parse (linli_record_get_text (grid, "boundary"), NULL);
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *view, *panel, *map, *flap, *toolbar_button;
  ShumateViewport *viewport;
  LinliBounds box;
  double lat, lon, x0, y0, x1, y1, zoom;
  graphene_rect_t panel_bounds, button_bounds;

  g_assert_nonnull (geometry);
  box = linli_geometry_get_bounds (geometry);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  linli_window_set_store (window, fixture->db.store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));
  view = linli_window_get_map_view (window);
  panel = linli_map_view_get_grid_panel (LINLI_MAP_VIEW (view));
  map = GTK_WIDGET (linli_map_view_get_map (LINLI_MAP_VIEW (view)));
  viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
  flap = test_find (view, ADW_TYPE_FLAP);
  toolbar_button = test_find_button (view, "grid-edit.new");
  g_assert_nonnull (toolbar_button);

  /* Close up, with the grid's middle near the bottom of the map, where
   * the sheet will be. */
  linli_map_view_center_on (LINLI_MAP_VIEW (view), (box.min_lat + box.max_lat) / 2, (box.min_lon + box.max_lon) / 2, 17);
  shumate_viewport_widget_coords_to_location (viewport, map, gtk_widget_get_width (map) / 2.0,
                                              gtk_widget_get_height (map) * 0.1, &lat, &lon);
  linli_map_view_center_on (LINLI_MAP_VIEW (view), lat, lon, 17);
  shumate_viewport_location_to_widget_coords (viewport, map, (box.min_lat + box.max_lat) / 2,
                                              (box.min_lon + box.max_lon) / 2, &x0, &y0);
  g_assert_cmpfloat (y0, >, gtk_widget_get_height (map) * 0.7);

  gtk_widget_activate_action (view, "map.select-grid", "x", linli_record_get_id (grid));
  wait_for_flap (ADW_FLAP (flap));
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)));
  wait_for_full_map (view, map);
  panel_bounds = bounds_in (panel, map);
  button_bounds = bounds_in (toolbar_button, map);
  shumate_viewport_location_to_widget_coords (viewport, map, box.max_lat, box.min_lon, &x0, &y0);
  shumate_viewport_location_to_widget_coords (viewport, map, box.min_lat, box.max_lon, &x1, &y1);
  g_test_message ("outline %g,%g to %g,%g; toolbar to %g, sheet from %g", x0, y0, x1, y1,
                  button_bounds.origin.y + button_bounds.size.height, panel_bounds.origin.y);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x1, <=, gtk_widget_get_width (map));
  g_assert_cmpfloat (y0, >=, button_bounds.origin.y + button_bounds.size.height);
  g_assert_cmpfloat (y1, <=, panel_bounds.origin.y);
  /* Zoomed out to fit, not in. */
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_assert_cmpfloat (zoom, <=, 17);

  /* Chosen again while in view: the map stays put. */
  gtk_widget_activate_action (panel, "grid-panel.close", NULL);
  wait_for_flap (ADW_FLAP (flap));
  wait_for_full_map (view, map);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  gtk_widget_activate_action (view, "map.select-grid", "x", linli_record_get_id (grid));
  wait_for_flap (ADW_FLAP (flap));
  wait_for_full_map (view, map);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), ==, lat);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), ==, lon);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, zoom);

  gtk_window_destroy (GTK_WINDOW (window));
  /* For the fixture's tear-down. */
  fixture->window = linli_window_new (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/map-view/select-grid", Fixture, NULL, fixture_set_up, test_select_grid, fixture_tear_down);
  g_test_add ("/map-view/points", Fixture, NULL, fixture_set_up, test_points, fixture_tear_down);
  g_test_add ("/map-view/follows-store", Fixture, NULL, fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add ("/map-view/open-case-undo", Fixture, NULL, fixture_set_up, test_open_case_undo, fixture_tear_down);
  g_test_add ("/map-view/default-filter", Fixture, NULL, fixture_set_up, test_default_filter, fixture_tear_down);
  g_test_add ("/map-view/disc-colour", Fixture, NULL, fixture_set_up, test_disc_colour, fixture_tear_down);
  g_test_add ("/map-view/pile-list", Fixture, NULL, fixture_set_up, test_pile_list, fixture_tear_down);
  g_test_add ("/map-view/building", Fixture, NULL, fixture_set_up, test_building, fixture_tear_down);
  g_test_add_func ("/map-view/new-community-centre", test_new_community_centre);
  g_test_add ("/map-view/import-shows", Fixture, NULL, fixture_set_up, test_import_shows, fixture_tear_down);
  g_test_add ("/map-view/panel-sheet", Fixture, NULL, fixture_set_up, test_panel_sheet, fixture_tear_down);
  g_test_add ("/map-view/grid-above-sheet", Fixture, NULL, fixture_set_up, test_grid_above_sheet, fixture_tear_down);

  return g_test_run ();
}
