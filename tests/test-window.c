/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "linli-cases-page.h"
#include "linli-demo.h"
#include "linli-form-field.h"
#include "linli-grids-page.h"
#include "linli-staff.h"
#include "linli-map-view.h"
#include "linli-new-community-dialog.h"
#include "linli-popover-tooltips.h"
#include "linli-preferences-window.h"
#include "linli-reports-dialog.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The window under Xvfb: the welcome page without a database, and the demo
 * community with its grids on the Map page and in the Grids page. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-window");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}



static void
test_welcome_without_store (void)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  g_assert_null (linli_window_get_store (window));
  status = test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_drawable (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Welcome to Linli");

  /* Without a community, the menu offers no Reports, Print or GeoJSON: a
   * button of each action is insensitive. */
  {
    static const char * const actions[] = { "window.reports", "window.print", "window.export-geojson",
                                            "window.import-geojson" };
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *probes[G_N_ELEMENTS (actions)];

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        probes[i] = gtk_button_new_with_label (actions[i]);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (probes[i]), actions[i]);
        gtk_box_append (GTK_BOX (box), probes[i]);
      }
    adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
    test_wait_until_drawn (box);
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      g_assert_false (gtk_widget_is_sensitive (probes[i]));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_demo_map_has_grids (Fixture       *fixture,
                         gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  LinliMapView *map_view;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  map_view = LINLI_MAP_VIEW (linli_window_get_map_view (window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (map_view)));
  /* 7 management and 3 public sentiment grids. */
  g_assert_cmpuint (linli_map_view_get_n_grids_drawn (map_view), ==, 10);
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "(Demo)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_demo_grids_page (Fixture       *fixture,
                      gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *page;
  GtkColumnView *view;
  GListModel *model;
  g_autoptr(LinliRecord) first = NULL;
  g_autofree char *workers = NULL;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "grids");
  test_wait_until_drawn (GTK_WIDGET (window));

  page = test_find (GTK_WIDGET (window), LINLI_TYPE_GRIDS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_is_drawable (page));
  view = GTK_COLUMN_VIEW (test_find (page, GTK_TYPE_COLUMN_VIEW));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);

  /* Management grids come first, each with named workers. */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (linli_record_get_enum (first, "kind"), ==, LINLI_GRID_KIND_MANAGEMENT);
  workers = linli_grids_page_dup_workers (LINLI_GRIDS_PAGE (page), first);
  g_assert_cmpstr (workers, !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Counts the labels under @widget, those with a tooltip set and those that
 * ask for theirs when the pointer rests on them. */
static void
count_tooltips (GtkWidget *widget,
                guint     *n_set,
                guint     *n_asked)
{
  if (GTK_IS_LABEL (widget) || GTK_IS_BOX (widget))
    {
      if (gtk_widget_get_tooltip_text (widget) != NULL)
        (*n_set)++;
      else if (gtk_widget_get_has_tooltip (widget))
        (*n_asked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_tooltips (child, n_set, n_asked);
}

/* The window shows the map first; the Cases and Grids pages read the store
 * when first shown, and then show every case and grid. Binding the rows
 * sets no tooltip: the titles ask for theirs. */
static void
test_pages_load_when_shown (Fixture       *fixture,
                            gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *page;
  GtkColumnView *view;
  guint n_set = 0, n_asked = 0;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  page = test_find (GTK_WIDGET (window), LINLI_TYPE_CASES_PAGE);
  view = GTK_COLUMN_VIEW (test_find (page, GTK_TYPE_COLUMN_VIEW));
  g_assert_null (gtk_column_view_get_model (view));

  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_nonnull (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==,
                    linli_store_count (fixture->store, LINLI_TYPE_CASE));
  count_tooltips (GTK_WIDGET (view), &n_set, &n_asked);
  g_assert_cmpuint (n_set, ==, 0);
  g_assert_cmpuint (n_asked, >, 0);

  linli_window_show_page (window, "grids");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = test_find (GTK_WIDGET (window), LINLI_TYPE_GRIDS_PAGE);
  view = GTK_COLUMN_VIEW (test_find (page, GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==,
                    linli_store_count (fixture->store, LINLI_TYPE_GRID));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_switch_to_welcome (Fixture       *fixture,
                        gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (linli_window_get_store (window) == fixture->store);

  linli_window_set_store (window, NULL);
  g_assert_null (linli_window_get_store (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Linli");

  gtk_window_destroy (GTK_WINDOW (window));
}



static gboolean
create_cb (LinliNewCommunityDialog *dialog,
           LinliCommunity          *community,
           const char              *path,
           LinliCommunity         **out)
{
  g_set_object (out, community);
  return FALSE;
}

/* The fields in the order of the form: name, subdistrict, city, latitude,
 * longitude. */
static void
fill (GPtrArray  *entries,
      const char *name,
      const char *latitude,
      const char *longitude)
{
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), name);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "许庄街道");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "济宁市");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[3]), latitude);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[4]), longitude);
}

static void
test_new_community_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  LinliNewCommunityDialog *dialog = linli_new_community_dialog_new (NULL, path);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(LinliCommunity) created = NULL;
  GtkWidget *create;

  g_assert_no_error (error);
  g_signal_connect (dialog, "create", G_CALLBACK (create_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));

  test_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  test_collect (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (entries->len, ==, 5);
  /* Typing starts in the name, the first entry. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), entries->pdata[0]) ||
                 gtk_window_get_focus (GTK_WINDOW (dialog)) == entries->pdata[0]);
  create = test_find_button (GTK_WIDGET (dialog), "community.create");
  g_assert_nonnull (create);

  /* An empty form cannot be created, and shows no errors yet. */
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_has_css_class (entries->pdata[0], "error"));

  fill (entries, "东方御园社区", "35.4575", "116.6035");
  g_assert_true (gtk_widget_get_sensitive (create));

  /* Bad input: the message sits in the field's own row. */
  fill (entries, "东方御园社区", "95.5", "116.6035");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_has_css_class (entries->pdata[3], "error"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[3]), "A latitude is"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "community.create", NULL);
  g_assert_null (created);

  fill (entries, "  ", "35.4575", "116.6035");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Enter the name of the community");

  /* Full-width digits from a Chinese input method are numbers too. */
  fill (entries, " 东方御园社区 ", "３５．４５７５", "116.6035");
  g_assert_true (gtk_widget_get_sensitive (create));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "community.create", NULL);
  g_assert_nonnull (created);
  g_assert_cmpstr (linli_record_get_text (LINLI_RECORD (created), "name"), ==, "东方御园社区");
  g_assert_cmpfloat_with_epsilon (linli_record_get_double (LINLI_RECORD (created), "center_lat"), 35.4575, 1e-9);
  g_assert_cmpstr (linli_new_community_dialog_get_path (dialog), ==, path);
  /* The dialog writes nothing itself. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_rmdir (dir);
}

static void
test_new_community_existing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("linli-dialog-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "taken.db", NULL);
  LinliNewCommunityDialog *dialog;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  g_file_set_contents (path, "someone's file", -1, &error);
  g_assert_no_error (error);
  dialog = linli_new_community_dialog_new (NULL, path);
  gtk_window_present (GTK_WINDOW (dialog));
  test_collect (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, entries);
  fill (entries, "东方御园社区", "35.4575", "116.6035");
  g_assert_false (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (dialog), "community.create")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_remove (path);
  g_rmdir (dir);
}

static const char *
community_text (LinliStore *store,
                const char *column)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (store);
  /* Interned: the record goes away before the caller compares. */
  return g_intern_string (linli_record_get_text (LINLI_RECORD (community), column));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];
  return NULL;
}

/* The base map is stored with the community, and only once it can be
 * drawn: a tile address needs {x}, {y} and {z}; an MBTiles file must be
 * raster tiles. */
static void
test_preferences_base_map (Fixture       *fixture,
                           gconstpointer  data)
{
  LinliPreferencesWindow *window = linli_preferences_window_new (fixture->store);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *mbtiles = g_test_build_filename (G_TEST_DIST, "data", "world-z0-4.mbtiles", NULL);
  g_autofree char *not_mbtiles = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  const char *tianditu = "https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=key";
  AdwEntryRow *url_row;
  GtkWidget *url_error;

  linli_preferences_window_present (window, NULL);
  test_wait_until_drawn (GTK_WIDGET (window));
  test_collect (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (combos->pdata[0]), ==, 0);
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "none");

  adw_combo_row_set_selected (combos->pdata[0], 1);
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "osm");

  /* Custom tiles without an address: not stored yet. */
  adw_combo_row_set_selected (combos->pdata[0], 3);
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "osm");
  test_collect (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, entries);
  /* The Tianditu key's row, then the address's. */
  g_assert_cmpuint (entries->len, ==, 2);
  url_row = entries->pdata[1];
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (url_row)), ==, "Tile _Address");
  /* Before anything is typed the note under it says what it needs, not
   * in red; applying an empty address makes it an error. */
  url_error = find_label (GTK_WIDGET (window), "Enter the address of the tiles.");
  g_assert_nonnull (url_error);
  g_assert_true (gtk_widget_get_visible (url_error));
  g_assert_false (gtk_widget_has_css_class (url_error, "error"));
  g_assert_true (gtk_widget_has_css_class (url_error, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  g_signal_emit_by_name (url_row, "apply");
  g_assert_true (gtk_widget_has_css_class (url_error, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://example.com/tiles/{z}/{x}.png");
  g_signal_emit_by_name (url_row, "apply");
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "osm");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (url_row), tianditu);
  g_signal_emit_by_name (url_row, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "xyz");
  g_assert_cmpstr (community_text (fixture->store, "tile_url"), ==, tianditu);

  /* A file that is not MBTiles is refused; a real one is used. */
  g_assert_false (linli_preferences_window_use_mbtiles (window, not_mbtiles));
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "xyz");
  g_assert_true (linli_preferences_window_use_mbtiles (window, mbtiles));
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "mbtiles");
  g_assert_cmpstr (community_text (fixture->store, "mbtiles_path"), ==, mbtiles);
  g_assert_cmpuint (adw_combo_row_get_selected (combos->pdata[0]), ==, 4);

  /* A site plan that was never placed cannot be chosen. */
  adw_combo_row_set_selected (combos->pdata[0], 5);
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "mbtiles");

  adw_combo_row_set_selected (combos->pdata[0], 0);
  g_assert_cmpstr (community_text (fixture->store, "base_map"), ==, "none");
  linli_preferences_window_close (window);
}

/* A database made by `linli --database=FILE` has no community: the window
 * asks for one, and shows the pages as soon as it is there. */
static void
test_setup_community (void)
{
  g_autoptr(GError) error = NULL;
  TestDatabase db;
  LinliStore *store;
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  LinliWindow *window = linli_window_new (NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *setup = NULL;

  test_database_open (&db, "linli-setup");
  store = db.store;
  linli_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  test_collect (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (pages->pdata[i]), "Set Up the Community") == 0)
      setup = pages->pdata[i];
  g_assert_nonnull (setup);
  g_assert_true (gtk_widget_is_drawable (setup));

  linli_record_set_text (community, "name", "东方御园社区");
  linli_record_set_double (community, "center_lat", 35.4575);
  linli_record_set_double (community, "center_lon", 116.6035);
  {
    g_autoptr(GDateTime) now = test_now ();
    linli_record_set_datetime (community, "created_at", now);
  }
  g_assert_true (linli_store_insert (store, community, &error));
  g_assert_no_error (error);
  test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_false (gtk_widget_is_drawable (setup));
  g_assert_true (gtk_widget_is_drawable (linli_window_get_map_view (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "东方御园社区");

  gtk_window_destroy (GTK_WINDOW (window));
  test_database_close (&db);
}

/* Chooses the rows of the cases @a and @b, by id. */
static void
select_cases (GtkWidget *page,
              gint64     a,
              gint64     b)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GListModel *cases = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page));
  GtkSelectionModel *selection;
  gboolean first = TRUE;

  test_collect (page, GTK_TYPE_COLUMN_VIEW, views);
  selection = gtk_column_view_get_model (views->pdata[0]);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      if (linli_record_get_id (record) == a || linli_record_get_id (record) == b)
        {
          gtk_selection_model_select_item (selection, i, first);
          first = FALSE;
        }
    }
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static gint64
worker_of (LinliStore *store,
           gint64      case_id)
{
  g_autoptr(LinliRecord) record = linli_store_get (store, LINLI_TYPE_CASE, case_id, NULL);
  return linli_record_get_int (record, "worker_id");
}

/* Several cases changed at once: the toast says what was done and offers
 * Undo, which puts every case back as it was; a closed case is left alone
 * unless the user says to change it too. */
static void
test_cases_batch (Fixture       *fixture,
                  gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autoptr(GListModel) all = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  g_autoptr(GListModel) workers = linli_store_list (fixture->store, LINLI_TYPE_WORKER);
  g_autoptr(LinliRecord) worker = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinliRecord) closed = NULL;
  g_autofree char *said = NULL;
  LinliAlert *ask;
  GtkWidget *page, *undo;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = linli_window_get_cases_page (window);

  /* An active worker, two open cases not theirs, and a closed one. */
  for (guint i = 0; worker == NULL && i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(LinliRecord) w = g_list_model_get_item (workers, i);
      if (linli_worker_is_active (w))
        worker = g_object_ref (w);
    }
  g_assert_nonnull (worker);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LinliRecord) c = g_list_model_get_item (all, i);
      LinliCaseStatus status = linli_record_get_enum (c, "status");

      if (linli_case_status_is_open (status) && open->len < 2 &&
          linli_record_get_int (c, "worker_id") != linli_record_get_id (worker))
        g_ptr_array_add (open, g_object_ref (c));
      else if (closed == NULL && status == LINLI_CASE_STATUS_REVISITED &&
               linli_record_get_int (c, "worker_id") != linli_record_get_id (worker))
        closed = g_object_ref (c);
    }
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_nonnull (closed);

  /* Two open cases: no question, a toast in words, and Undo. */
  select_cases (page, linli_record_get_id (open->pdata[0]), linli_record_get_id (open->pdata[1]));
  gtk_widget_activate_action (page, "cases.assign", "x", linli_record_get_id (worker));
  g_assert_null (test_find_alert ());
  for (guint i = 0; i < open->len; i++)
    g_assert_cmpint (worker_of (fixture->store, linli_record_get_id (open->pdata[i])), ==, linli_record_get_id (worker));
  said = g_strdup_printf ("2 cases assigned to %s", linli_record_get_text (worker, "name"));
  g_assert_true (label_shown (GTK_WIDGET (window), said));
  undo = test_find_button_labelled (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < open->len; i++)
    {
      g_autoptr(LinliRecord) now = linli_store_get (fixture->store, LINLI_TYPE_CASE,
                                                   linli_record_get_id (open->pdata[i]), NULL);
      g_assert_cmpint (linli_record_get_int (now, "worker_id"), ==, linli_record_get_int (open->pdata[i], "worker_id"));
      g_assert_cmpint (linli_record_get_enum (now, "status"), ==, linli_record_get_enum (open->pdata[i], "status"));
    }

  /* An open case and a closed one: asked first; the open one only. */
  select_cases (page, linli_record_get_id (open->pdata[0]), linli_record_get_id (closed));
  gtk_widget_activate_action (page, "cases.assign", "x", linli_record_get_id (worker));
  ask = test_find_alert ();
  g_assert_nonnull (ask);
  g_assert_cmpstr (linli_alert_get_heading (ask), ==, "Change Closed Cases Too?");
  g_assert_cmpstr (linli_alert_get_default_response (ask), ==, "skip");
  g_assert_cmpint (worker_of (fixture->store, linli_record_get_id (open->pdata[0])), !=, linli_record_get_id (worker));
  linli_alert_respond (ask, "skip");
  g_assert_cmpint (worker_of (fixture->store, linli_record_get_id (open->pdata[0])), ==, linli_record_get_id (worker));
  g_assert_cmpint (worker_of (fixture->store, linli_record_get_id (closed)), ==, linli_record_get_int (closed, "worker_id"));

  /* Asked again, and told to: the closed one too. */
  select_cases (page, linli_record_get_id (open->pdata[0]), linli_record_get_id (closed));
  gtk_widget_activate_action (page, "cases.assign", "x", linli_record_get_id (worker));
  ask = test_find_alert ();
  g_assert_nonnull (ask);
  linli_alert_respond (ask, "include");
  g_assert_cmpint (worker_of (fixture->store, linli_record_get_id (closed)), ==, linli_record_get_id (worker));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Cases page on the demo: every case, the search, a filter, and two
 * cases assigned at once. */
/* A file with residents' names and phone numbers whole is asked for on
 * purpose: a warning first, Cancel its default, Export marked dangerous. */
static void
test_cases_export_personal (Fixture       *fixture,
                            gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *page;
  LinliAlert *alert;
  g_autofree char *n = NULL;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));

  page = linli_window_get_cases_page (window);
  g_assert_true (gtk_widget_activate_action (page, "cases.export-personal", NULL));
  alert = test_find_alert ();
  g_assert_nonnull (alert);
  g_assert_true (gtk_widget_get_root (linli_alert_get_parent (alert)) == GTK_ROOT (window));
  test_wait_until_drawn (linli_alert_get_dialog (alert));

  g_assert_cmpstr (linli_alert_get_heading (alert), ==, "Export Personal Information?");
  n = g_strdup_printf ("in the %u cases shown", linli_store_count (fixture->store, LINLI_TYPE_CASE));
  g_assert_nonnull (strstr (linli_alert_get_body (alert), n));
  g_assert_true (linli_alert_has_response (alert, "cancel"));
  g_assert_cmpint (linli_alert_get_response_appearance (alert, "export"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (linli_alert_get_default_response (alert), ==, "cancel");
  g_assert_cmpstr (linli_alert_get_close_response (alert), ==, "cancel");

  linli_alert_respond (alert, "cancel");
  g_assert_null (test_find_alert ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Cases export's file choice: its title, today's name, CSV first and
 * the workbook second, and, cancelled, the page free to pick again; a
 * workbook export suggests *.xlsx with its filter first. */
static void
test_cases_export_pick (Fixture       *fixture,
                        gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *page;
  GtkWidget *chooser;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = linli_window_get_cases_page (window);

  g_assert_true (gtk_widget_activate_action (page, "cases.export", NULL));
  chooser = test_find_file_chooser ();
#if GTK_CHECK_VERSION (4, 10, 0)
  if (chooser == NULL)
    {
      g_test_skip ("A file chooser portal answered, not GTK's own dialog");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
#endif
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Cases");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);
    g_autoptr(GtkFileFilter) second = g_list_model_get_item (filters, 1);

    g_assert_true (g_str_has_prefix (name, "cases-") && g_str_has_suffix (name, ".csv"));
    g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
    g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "CSV files");
    g_assert_cmpstr (gtk_file_filter_get_name (second), ==, "Excel workbooks");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
  test_answer_file_chooser (chooser, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (gtk_widget_activate_action (page, "cases.export-xlsx", NULL));
  chooser = test_find_file_chooser ();
  g_assert_nonnull (chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
    g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

    g_assert_true (g_str_has_suffix (name, ".xlsx"));
    g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "Excel workbooks");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The window goes with the choice open: the pick is cancelled, and
   * nothing calls back into the page gone. */
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The Cases page exports in the background: a bar with Cancel while it
 * runs, the file whole when it is done, and the window drawn throughout. */
static void
test_cases_export_in_background (Fixture       *fixture,
                                 gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "cases.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  LinliCasesPage *page;
  g_auto(GStrv) lines = NULL;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = LINLI_CASES_PAGE (linli_window_get_cases_page (window));

  linli_cases_page_export_to (page, file, LINLI_SAFE_FILE_NONE);
  g_assert_nonnull (linli_cases_page_get_export_cancellable (page));
  while (linli_cases_page_get_export_cancellable (page) != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, a line a case, and nothing after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==,
                    g_list_model_get_n_items (linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page))) + 2);
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cases_page (Fixture       *fixture,
                 gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  LinliCasesPage *page;
  GListModel *cases;
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(LinliRecord) worker = NULL;
  g_autoptr(GListModel) workers = NULL;
  GtkSelectionModel *selection;
  guint n_all, n_found;
  gint64 first_id, second_id;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));

  page = LINLI_CASES_PAGE (linli_window_get_cases_page (window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  cases = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page));
  n_all = g_list_model_get_n_items (cases);
  g_assert_cmpuint (n_all, ==, linli_store_count (fixture->store, LINLI_TYPE_CASE));

  /* The article's leaking pipe, found by a part of its address. */
  linli_record_list_page_search (LINLI_RECORD_LIST_PAGE (page), "3号楼1单元三楼西户");
  while (linli_cases_page_is_searching (page))
    g_main_context_iteration (NULL, TRUE);
  n_found = g_list_model_get_n_items (cases);
  g_assert_cmpuint (n_found, >=, 1);
  g_assert_cmpuint (n_found, <, n_all);
  {
    gboolean pipe = FALSE;
    for (guint i = 0; i < n_found; i++)
      {
        g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
        const char *resolution = linli_record_get_text (record, "resolution");
        pipe |= resolution != NULL && strstr (resolution, "PPR") != NULL;
      }
    g_assert_true (pipe);
  }
  linli_record_list_page_search (LINLI_RECORD_LIST_PAGE (page), "");
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_all);

  /* The status filter's third row is the first status, registered. */
  test_collect (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, drop_downs);
  gtk_drop_down_set_selected (drop_downs->pdata[0], 2);
  g_assert_cmpuint (g_list_model_get_n_items (cases), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      g_assert_cmpint (linli_record_get_enum (record, "status"), ==, LINLI_CASE_STATUS_REGISTERED);
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "cases.reset-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_all);

  /* A custom range of days; a day that is not a date is marked, not used. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    GtkEntry *from = NULL, *until = NULL;

    gtk_drop_down_set_selected (drop_downs->pdata[4], 6);
    test_collect (GTK_WIDGET (page), GTK_TYPE_ENTRY, entries);
    for (guint i = 0; i < entries->len; i++)
      {
        const char *placeholder = gtk_entry_get_placeholder_text (entries->pdata[i]);
        if (g_strcmp0 (placeholder, "From") == 0)
          from = entries->pdata[i];
        else if (g_strcmp0 (placeholder, "To") == 0)
          until = entries->pdata[i];
      }
    g_assert_nonnull (from);
    g_assert_nonnull (until);
    gtk_editable_set_text (GTK_EDITABLE (from), "2000-01-01");
    gtk_editable_set_text (GTK_EDITABLE (until), "2000-12-31");
    g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (from), "");
    gtk_editable_set_text (GTK_EDITABLE (until), "not a day");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (until), "error"));
    g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_all);
    gtk_editable_set_text (GTK_EDITABLE (until), "2026-10-31");
    g_assert_cmpuint (g_list_model_get_n_items (cases), <, n_all);
    g_assert_cmpuint (g_list_model_get_n_items (cases), >, 0);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "cases.reset-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_all);

  /* Two cases selected, assigned to one worker in one go. */
  test_collect (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, views);
  selection = gtk_column_view_get_model (views->pdata[0]);
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  {
    g_autoptr(LinliRecord) a = g_list_model_get_item (cases, 0);
    g_autoptr(LinliRecord) b = g_list_model_get_item (cases, 1);
    first_id = linli_record_get_id (a);
    second_id = linli_record_get_id (b);
  }
  workers = linli_store_list (fixture->store, LINLI_TYPE_WORKER);
  worker = g_list_model_get_item (workers, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "cases.assign", "x", linli_record_get_id (worker));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LinliRecord) a = linli_store_get (fixture->store, LINLI_TYPE_CASE, first_id, &error);
    g_autoptr(LinliRecord) b = linli_store_get (fixture->store, LINLI_TYPE_CASE, second_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (linli_record_get_int (a, "worker_id"), ==, linli_record_get_id (worker));
    g_assert_cmpint (linli_record_get_int (b, "worker_id"), ==, linli_record_get_id (worker));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A database another Linli is writing, or that may only be read, is shown
 * with a banner that says why, and nothing offered writes to it. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliStore) second = linli_store_open (fixture->path, &error);
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *cases_page, *new_case, *new_grid, *banner_label = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_cmpint (linli_store_get_read_only_reason (second), ==, LINLI_READ_ONLY_IN_USE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  linli_window_set_store (window, second);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  test_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), "another Linli window") != NULL)
      banner_label = labels->pdata[i];
  g_assert_nonnull (banner_label);
  g_assert_true (gtk_widget_is_drawable (banner_label));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner_label, GTK_TYPE_REVEALER))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (banner_label)), fixture->path));

  cases_page = linli_window_get_cases_page (window);
  new_case = test_find_button (cases_page, "cases.new");
  g_assert_nonnull (new_case);
  g_assert_false (gtk_widget_is_sensitive (new_case));
  new_grid = test_find_button (linli_window_get_map_view (window), "grid-edit.new");
  g_assert_nonnull (new_grid);
  g_assert_false (gtk_widget_is_sensitive (new_grid));

  /* The writer's own window offers all of it. */
  linli_window_set_store (window, fixture->store);
  test_wait_until_drawn (GTK_WIDGET (window));
  /* Its banner goes (as a transition, so asked of the revealer). */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (banner_label, GTK_TYPE_REVEALER))));
  g_assert_true (gtk_widget_is_sensitive (new_grid));
  g_assert_true (gtk_widget_is_sensitive (new_case));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Returns: (transfer none) (nullable): the Reports dialog open */
static LinliReportsDialog *
find_reports_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_REPORTS_DIALOG (toplevel))
        return LINLI_REPORTS_DIALOG (toplevel);
    }
  return NULL;
}

/* One case chosen on the Cases page: the selection bar offers its case
 * sheet, and the Reports dialog's case sheet is of it; two chosen, the
 * dialog asks for one. */
static void
test_cases_selected_sheet (Fixture       *fixture,
                           gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *page;
  GListModel *cases;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(LinliRecord) first = NULL;
  g_autoptr(LinliReportDoc) sheet = NULL;
  GtkSelectionModel *selection;
  LinliReportsDialog *dialog;
  GtkWidget *print_button;
  GVariant *target;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));

  page = linli_window_get_cases_page (window);
  cases = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page));
  first = g_list_model_get_item (cases, 0);
  test_collect (page, GTK_TYPE_COLUMN_VIEW, views);
  selection = gtk_column_view_get_model (views->pdata[0]);
  gtk_selection_model_select_item (selection, 0, TRUE);

  print_button = test_find_button (page, "win.print-case-sheet");
  g_assert_nonnull (print_button);
  g_assert_true (gtk_widget_get_visible (print_button));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (print_button));
  g_assert_cmpint (g_variant_get_int64 (target), ==, linli_record_get_id (first));

  gtk_widget_activate_action (GTK_WIDGET (window), "window.reports", NULL);
  dialog = find_reports_dialog ();
  g_assert_nonnull (dialog);
  linli_reports_dialog_set_kind (dialog, LINLI_REPORT_KIND_CASE_SHEET);
  sheet = linli_reports_dialog_build (dialog);
  g_assert_nonnull (sheet);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Two cases: no sheet button, and the dialog makes no sheet. */
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_false (gtk_widget_get_visible (print_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.reports", NULL);
  dialog = find_reports_dialog ();
  g_assert_nonnull (dialog);
  linli_reports_dialog_set_kind (dialog, LINLI_REPORT_KIND_CASE_SHEET);
  g_assert_null (linli_reports_dialog_build (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A menu button's tooltip ("More") and a drop-down's are put aside while
 * their popover is open, and come back when it closes. */
static void
test_popover_tooltips (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *more = gtk_menu_button_new ();
  const char * const words[] = { "Any", "Open", NULL };
  GtkWidget *drop_down = GTK_WIDGET (gtk_drop_down_new_from_strings (words));
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *list;

  linli_popover_tooltips_install ();
  g_menu_append (menu, "Export", "page.export");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (more, "More");
  gtk_widget_set_tooltip_text (drop_down, "Status");
  gtk_box_append (GTK_BOX (box), more);
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (window);

  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  test_wait_until_drawn (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))));
  g_assert_false (gtk_widget_get_has_tooltip (more));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (more));
  g_assert_true (gtk_widget_get_has_tooltip (more));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (more), ==, "More");

  list = test_find (drop_down, GTK_TYPE_POPOVER);
  g_assert_nonnull (list);
  gtk_popover_popup (GTK_POPOVER (list));
  test_wait_until_drawn (list);
  g_assert_false (gtk_widget_get_has_tooltip (drop_down));
  gtk_popover_popdown (GTK_POPOVER (list));
  g_assert_true (gtk_widget_get_has_tooltip (drop_down));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (drop_down), ==, "Status");

  /* A widget without a tooltip does not get one. */
  gtk_widget_set_has_tooltip (more, FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  test_wait_until_drawn (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (more));
  g_assert_false (gtk_widget_get_has_tooltip (more));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Asserts that @names, read as people read them, are in order, and says
 * whether they were also in code-point order. */
static gboolean
assert_collated (GPtrArray *names)
{
  gboolean by_code_point = TRUE;

  for (guint i = 1; i < names->len; i++)
    {
      g_assert_cmpint (g_utf8_collate (names->pdata[i - 1], names->pdata[i]), <=, 0);
      by_code_point &= strcmp (names->pdata[i - 1], names->pdata[i]) <= 0;
    }
  return by_code_point;
}

/* In Chinese, names in pickers and lists sort by pinyin, not by code
 * point: the staff picker's order, the worker filter's and the Assign To
 * menu's. */
static void
test_names_by_pinyin (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *collate = g_strdup (setlocale (LC_COLLATE, NULL));
  LinliWindow *window;
  GtkWidget *page;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkStringList *rows;
  GMenuModel *menu;
  gboolean by_code_point;

  if (setlocale (LC_COLLATE, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is missing: build-aux/install-deps makes it");
      return;
    }
  /* 安 ān, 白 bái, 陈 chén, 李 lǐ, 张 zhāng; 陈 is U+9648, after 李 U+674E. */
  g_assert_cmpint (g_utf8_collate ("安", "白"), <, 0);
  g_assert_cmpint (g_utf8_collate ("白", "陈"), <, 0);
  g_assert_cmpint (g_utf8_collate ("陈", "李"), <, 0);
  g_assert_cmpint (g_utf8_collate ("李", "张"), <, 0);

  /* The staff picker's order. */
  workers = linli_store_list (fixture->store, LINLI_TYPE_WORKER);
  sorted = linli_form_sort_by_name (workers, "name");
  g_assert_cmpuint (sorted->len, >=, 5);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (names, (gpointer) linli_record_get_text (sorted->pdata[i], "name"));
  by_code_point = assert_collated (names);
  /* The demo's workers are not in code-point order by pinyin. */
  g_assert_false (by_code_point);

  window = linli_window_new (NULL);
  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = linli_window_get_cases_page (window);

  /* The worker filter, after "All Workers". */
  test_collect (page, GTK_TYPE_DROP_DOWN, drop_downs);
  rows = NULL;
  for (guint i = 0; i < drop_downs->len && rows == NULL; i++)
    {
      GListModel *model = gtk_drop_down_get_model (drop_downs->pdata[i]);

      if (GTK_IS_STRING_LIST (model) &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "All Workers") == 0)
        rows = GTK_STRING_LIST (model);
    }
  g_assert_nonnull (rows);
  g_ptr_array_set_size (names, 0);
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    g_ptr_array_add (names, (gpointer) gtk_string_list_get_string (rows, i));
  g_assert_cmpuint (names->len, ==, g_list_model_get_n_items (workers));
  g_assert_false (assert_collated (names));

  /* Assign To: each grid's workers. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    menu = NULL;
    test_collect (page, GTK_TYPE_MENU_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_menu_button_get_label (buttons->pdata[i]), "_Assign To") == 0)
        menu = gtk_menu_button_get_menu_model (buttons->pdata[i]);
  }
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      g_ptr_array_set_size (names, 0);
      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_LABEL,
                                                                             G_VARIANT_TYPE_STRING);
          g_ptr_array_add (names, g_variant_dup_string (label, NULL));
        }
      g_ptr_array_set_free_func (names, g_free);
      assert_collated (names);
      g_ptr_array_set_size (names, 0);
      g_ptr_array_set_free_func (names, NULL);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  setlocale (LC_COLLATE, collate);
}

/* The Activities page shows its statuses as chips, as the Cases page does,
 * and its Volunteers view only the period filter. */
static void
test_activity_status_chips (Fixture       *fixture,
                            gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_chips = 0;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "activities");
  test_wait_until_drawn (GTK_WIDGET (window));

  test_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_has_css_class (label, "linli-status") || !gtk_widget_get_mapped (label))
        continue;
      g_assert_true (gtk_widget_has_css_class (label, "planned") || gtk_widget_has_css_class (label, "done") ||
                     gtk_widget_has_css_class (label, "cancelled"));
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
      n_chips++;
    }
  g_assert_cmpuint (n_chips, >=, 5);

  /* The Volunteers view shows only the filter that applies: the period. */
  {
    g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
    GtkWidget *page;
    GtkWidget *toggle = NULL;
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    guint n_shown = 0;

    test_collect (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, toggles);
    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), "_Volunteers") == 0)
        toggle = toggles->pdata[i];
    g_assert_nonnull (toggle);
    page = gtk_widget_get_ancestor (toggle, LINLI_TYPE_RECORD_LIST_PAGE);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    test_collect (page, GTK_TYPE_DROP_DOWN, drop_downs);
    for (guint i = 0; i < drop_downs->len; i++)
      n_shown += gtk_widget_get_visible (drop_downs->pdata[i]);
    g_assert_cmpuint (n_shown, ==, 1);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
    n_shown = 0;
    for (guint i = 0; i < drop_downs->len; i++)
      n_shown += gtk_widget_get_visible (drop_downs->pdata[i]);
    g_assert_cmpuint (n_shown, ==, 4);
  }

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/window/welcome", test_welcome_without_store);
  g_test_add_func ("/widgets/popover-tooltips", test_popover_tooltips);
  g_test_add ("/window/demo-map", Fixture, NULL, fixture_set_up, test_demo_map_has_grids, fixture_tear_down);
  g_test_add ("/window/demo-grids", Fixture, NULL, fixture_set_up, test_demo_grids_page, fixture_tear_down);
  g_test_add_func ("/dialog/new-community", test_new_community_dialog);
  g_test_add_func ("/dialog/new-community-existing-file", test_new_community_existing_file);
  g_test_add ("/preferences/base-map", Fixture, NULL, fixture_set_up, test_preferences_base_map, fixture_tear_down);
  g_test_add_func ("/window/setup-community", test_setup_community);
  g_test_add ("/window/cases-page", Fixture, NULL, fixture_set_up, test_cases_page, fixture_tear_down);
  g_test_add ("/window/pages-load-when-shown", Fixture, NULL, fixture_set_up, test_pages_load_when_shown,
              fixture_tear_down);
  g_test_add ("/window/cases-export-personal", Fixture, NULL, fixture_set_up, test_cases_export_personal,
              fixture_tear_down);
  g_test_add ("/window/cases-export-pick", Fixture, NULL, fixture_set_up, test_cases_export_pick,
              fixture_tear_down);
  g_test_add ("/window/cases-export-in-background", Fixture, NULL, fixture_set_up,
              test_cases_export_in_background, fixture_tear_down);
  g_test_add ("/window/cases-batch", Fixture, NULL, fixture_set_up, test_cases_batch, fixture_tear_down);
  g_test_add ("/window/activity-status-chips", Fixture, NULL, fixture_set_up, test_activity_status_chips,
              fixture_tear_down);
  g_test_add ("/window/names-by-pinyin", Fixture, NULL, fixture_set_up, test_names_by_pinyin, fixture_tear_down);
  g_test_add ("/window/cases-selected-sheet", Fixture, NULL, fixture_set_up, test_cases_selected_sheet,
              fixture_tear_down);
  g_test_add ("/window/close-store", Fixture, NULL, fixture_set_up, test_switch_to_welcome, fixture_tear_down);
  g_test_add ("/window/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);

  return g_test_run ();
}
