/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "linli-building-editor.h"
#include "linli-buildings-dialog.h"
#include "linli-case-editor.h"
#include "linli-location-dialog.h"
#include "linli-cases-page.h"
#include "linli-community-form.h"
#include "linli-staff-dialog.h"
#include "linli-getting-started.h"
#include "linli-staff.h"
#include "linli-volunteers-view.h"
#include "linli-window.h"
#include "linli-worker-editor.h"
#include "test-util.h"
#include "test-widget-util.h"

/* An office's own community from an empty file, as an office would set it
 * up: the community, two grids, a 网格员 added in the Staff dialog, a case
 * assigned to them; then the 网格员 leaves: the old case still names them,
 * new work no longer offers them, and Undo brings them back. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_database_open (fixture, "linli-community");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

static const char *
selected_of (GtkWidget  *root,
             const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (test_find_row (root, title));
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return gtk_string_object_get_string (item);
}

/* The names the Cases page's Assign To menu offers, joined with "|". */
static char *
assign_menu_of (GtkWidget *page)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);
  GMenuModel *menu = NULL;

  test_collect (page, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (buttons->pdata[i]), "_Assign To") == 0)
      menu = gtk_menu_button_get_menu_model (buttons->pdata[i]);
  g_assert_nonnull (menu);
  /* A section per grid: the names in each. */
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (joined, "%s%s", joined->len ? "|" : "", label);
        }
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
find_toplevel (GType type)
{
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        found = toplevel;
    }
  return found;
}

/* A building added in its editor and placed by clicking the map. */
static void
add_building (GtkWindow  *parent,
              LinliStore *store,
              const char *name,
              const char *households,
              double      lon)
{
  GtkWidget *editor = GTK_WIDGET (linli_building_editor_new (parent, store, NULL));
  LinliLocationDialog *location;

  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (editor, "Name"), GTK_TYPE_ENTRY)), name);
  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (editor, "Floors"), GTK_TYPE_ENTRY)), "６");
  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (editor, "Households"), GTK_TYPE_ENTRY)), households);
  gtk_widget_activate_action (editor, "building.place", NULL);
  location = find_toplevel (LINLI_TYPE_LOCATION_DIALOG);
  g_assert_nonnull (location);
  linli_location_dialog_pick (location, 35.405, lon);
  gtk_widget_activate_action (GTK_WIDGET (location), "location.set", NULL);
  gtk_widget_activate_action (editor, "building.save", NULL);
  iterate ();
}

static LinliRecord *
draw_grid (LinliStore *store,
           const char *code,
           const char *name,
           double      west)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = g_strdup_printf ("{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,35.40],[%.4f,35.40],[%.4f,35.41],[%.4f,35.41],[%.4f,35.40]]]}",
                                              west, west + 0.005, west + 0.005, west, west);
  LinliRecord *grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_text (grid, "boundary", outline);
  g_assert_true (linli_store_insert (store, grid, &error));
  g_assert_no_error (error);
  return grid;
}

static void
test_from_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  LinliCommunityForm form = { "幸福里社区", "许庄街道", "济宁市", "35.405", "116.585" };
  LinliCommunityFormErrors form_errors = { 0 };
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(LinliRecord) grid1 = NULL;
  g_autoptr(LinliRecord) grid2 = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(LinliRecord) worker = NULL;
  g_autoptr(LinliRecord) kase = NULL;
  g_autoptr(LinliRecord) stored_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offered = NULL;
  g_autofree char *menu = NULL;
  LinliWindow *window;
  LinliStaffDialog *staff;
  GtkWidget *editor;
  GtkWidget *cases_page;
  GtkWidget *row;
  gint64 worker_id;

  /* The community, as the new-community dialog makes it. */
  g_assert_true (linli_community_form_validate (&form, &form_errors));
  community = linli_community_form_to_record (&form, now);
  g_assert_true (linli_store_insert (fixture->store, LINLI_RECORD (community), &error));
  g_assert_no_error (error);
  grid1 = draw_grid (fixture->store, "W-01", "一网格", 116.580);
  grid2 = draw_grid (fixture->store, "W-02", "二网格", 116.585);

  window = linli_window_new (NULL);
  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  cases_page = linli_window_get_cases_page (window);

  /* The map says what is left to do first: the grids are there, the
   * staff are not. */
  {
    GtkWidget *hint = test_find (GTK_WIDGET (window), LINLI_TYPE_GETTING_STARTED);
    g_assert_true (gtk_widget_get_visible (hint));
    g_assert_nonnull (test_find_button (GTK_WIDGET (window), "window.staff"));
  }

  /* No one to assign a case to yet. */
  menu = assign_menu_of (cases_page);
  g_assert_cmpstr (menu, ==, "");
  g_clear_pointer (&menu, g_free);

  /* The Staff dialog, from the main menu: empty, then a 网格员 added. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.staff", NULL);
  staff = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);
      if (LINLI_IS_STAFF_DIALOG (toplevel))
        staff = LINLI_STAFF_DIALOG (toplevel);
    }
  g_assert_true (LINLI_IS_STAFF_DIALOG (staff));

  editor = GTK_WIDGET (linli_worker_editor_new (GTK_WINDOW (staff), fixture->store, NULL));
  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (editor, "Name"), GTK_TYPE_ENTRY)), "张蕾");
  /* Full-width digits, as an office computer types them. */
  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (editor, "Phone"), GTK_TYPE_ENTRY)), "１３８１２３４５６７８");
  g_assert_cmpstr (selected_of (editor, "Role"), ==, "Grid worker");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find (test_find_row (editor, "一网格"), GTK_TYPE_CHECK_BUTTON)), TRUE);
  gtk_widget_activate_action (editor, "worker.save", NULL);
  iterate ();

  workers = linli_store_list (fixture->store, LINLI_TYPE_WORKER);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 1);
  worker = g_list_model_get_item (workers, 0);
  worker_id = linli_record_get_id (worker);
  g_assert_cmpstr (linli_record_get_text (worker, "phone"), ==, "13812345678");
  g_assert_cmpuint (linli_record_get_refs (worker, "grids")->len, ==, 1);
  row = test_find_row (GTK_WIDGET (staff), "张蕾");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Grid worker · 13812345678 · 一网格");

  /* With grids and staff, the map's hint is gone. */
  g_assert_false (gtk_widget_get_visible (test_find (GTK_WIDGET (window), LINLI_TYPE_GETTING_STARTED)));

  /* Three buildings, placed on the map: each takes the grid it stands in,
   * and the Buildings dialog lists them by grid. */
  {
    LinliBuildingsDialog *buildings = NULL;
    g_autoptr(GListModel) stored = NULL;
    g_autoptr(LinliRecord) first = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "window.buildings", NULL);
    buildings = find_toplevel (LINLI_TYPE_BUILDINGS_DIALOG);
    g_assert_nonnull (buildings);
    add_building (GTK_WINDOW (buildings), fixture->store, "1号楼", "24", 116.582);
    add_building (GTK_WINDOW (buildings), fixture->store, "２号楼", "36", 116.583);
    add_building (GTK_WINDOW (buildings), fixture->store, "3号楼", "48", 116.587);
    g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_BUILDING), ==, 3);
    stored = linli_store_list (fixture->store, LINLI_TYPE_BUILDING);
    first = g_list_model_get_item (stored, 0);
    g_assert_cmpstr (linli_record_get_text (first, "name"), ==, "1号楼");
    g_assert_cmpint (linli_record_get_int (first, "floors"), ==, 6);
    g_assert_cmpint (linli_record_get_int (first, "grid_id"), ==, linli_record_get_id (grid1));
    g_assert_nonnull (test_find_row (GTK_WIDGET (buildings), "2号楼"));
    g_assert_nonnull (test_find_row (GTK_WIDGET (buildings), "3号楼"));
    gtk_window_destroy (GTK_WINDOW (buildings));
  }

  /* The Cases page offers them, and a new case can be assigned to them. */
  menu = assign_menu_of (cases_page);
  g_assert_cmpstr (menu, ==, "张蕾");
  g_clear_pointer (&menu, g_free);
  kase = linli_record_new (LINLI_TYPE_CASE);
  linli_record_set_text (kase, "number", "2026-0001");
  linli_record_set_text (kase, "title", "3号楼漏水");
  linli_record_set_text (kase, "category", "水电维修");
  linli_record_set_text (kase, "source", "网格巡查");
  linli_record_set_datetime (kase, "reported_at", now);
  linli_record_set_enum (kase, "status", LINLI_CASE_STATUS_REGISTERED);
  linli_record_set_int (kase, "grid_id", linli_record_get_id (grid1));
  g_assert_true (linli_store_insert (fixture->store, kase, &error));
  linli_record_set_int (kase, "worker_id", worker_id);
  linli_record_set_enum (kase, "status", LINLI_CASE_STATUS_ASSIGNED);
  g_assert_true (linli_store_update (fixture->store, kase, &error));
  g_assert_no_error (error);

  /* Grid one is deleted, after the window says what happens to its case,
   * and Undo puts it back with its case and its 网格员. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.delete-grid", "x", linli_record_get_id (grid1));
  {
    LinliAlert *ask = test_find_alert ();
    GtkWidget *undo;

    g_assert_nonnull (ask);
    g_assert_nonnull (strstr (linli_alert_get_body (ask), "Cases: 1 ·"));
    g_assert_cmpint (linli_alert_get_response_appearance (ask, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
    g_assert_cmpstr (linli_alert_get_close_response (ask), ==, "cancel");
    linli_alert_respond (ask, "delete");
    g_assert_null (test_find_alert ());
    iterate ();
    g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, 1);
    g_clear_object (&stored_case);
    stored_case = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
    g_assert_cmpint (linli_record_get_int (stored_case, "grid_id"), ==, 0);

    undo = test_find_button_labelled (GTK_WIDGET (window), "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    iterate ();
    g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_GRID), ==, 2);
    g_clear_object (&stored_case);
    stored_case = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
    g_assert_cmpint (linli_record_get_int (stored_case, "grid_id"), ==, linli_record_get_id (grid1));
    g_clear_object (&worker);
    worker = linli_store_get (fixture->store, LINLI_TYPE_WORKER, worker_id, NULL);
    g_assert_cmpuint (linli_record_get_refs (worker, "grids")->len, ==, 1);
    g_clear_object (&stored_case);
  }

  /* The 网格员 leaves. */
  gtk_widget_activate_action (GTK_WIDGET (staff), "staff.mark-left", "x", worker_id);
  iterate ();
  g_clear_object (&worker);
  worker = linli_store_get (fixture->store, LINLI_TYPE_WORKER, worker_id, NULL);
  g_assert_false (linli_worker_is_active (worker));
  row = test_find_row (GTK_WIDGET (staff), "张蕾");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "left on 2026-11-27"));

  /* The old case still names them… */
  stored_case = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
  g_assert_cmpint (linli_record_get_int (stored_case, "worker_id"), ==, worker_id);
  editor = GTK_WIDGET (linli_case_editor_new (GTK_WINDOW (window), fixture->store, stored_case));
  g_assert_cmpstr (selected_of (editor, "Worker"), ==, "张蕾");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* …but new work does not offer them: a new case, Assign To, a grid. */
  editor = GTK_WIDGET (linli_case_editor_new (GTK_WINDOW (window), fixture->store, NULL));
  offered = test_choices_of (editor, "Worker");
  g_assert_null (strstr (offered, "张蕾"));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  menu = assign_menu_of (cases_page);
  g_assert_cmpstr (menu, ==, "");
  g_clear_pointer (&menu, g_free);

  /* Undo: at work again, in their grid. */
  gtk_widget_activate_action (GTK_WIDGET (staff), "staff.undo", NULL);
  iterate ();
  g_clear_object (&worker);
  worker = linli_store_get (fixture->store, LINLI_TYPE_WORKER, worker_id, NULL);
  g_assert_true (linli_worker_is_active (worker));
  g_assert_cmpuint (linli_record_get_refs (worker, "grids")->len, ==, 1);
  menu = assign_menu_of (cases_page);
  g_assert_cmpstr (menu, ==, "张蕾");

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A volunteer just registered, who has served nowhere yet, is listed
 * with 0 hours. */
static void
test_volunteers_view (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  LinliVolunteersView *view;
  GListModel *shown;

  linli_record_set_text (volunteer, "name", "王芳");
  g_assert_true (linli_store_insert (fixture->store, volunteer, &error));
  g_assert_no_error (error);

  view = g_object_ref_sink (g_object_new (LINLI_TYPE_VOLUNTEERS_VIEW, NULL));
  linli_volunteers_view_set_store (view, fixture->store);
  iterate ();
  shown = linli_volunteers_view_get_volunteers (view);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  hours = linli_volunteers_view_dup_hours (view, volunteer);
  g_assert_cmpstr (hours, ==, "0.0");
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/community/from-empty-file", Fixture, NULL,
              fixture_set_up, test_from_empty_file, fixture_tear_down);
  g_test_add ("/community/volunteers-view", Fixture, NULL,
              fixture_set_up, test_volunteers_view, fixture_tear_down);
  return g_test_run ();
}
