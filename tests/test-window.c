/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "linli-demo.h"
#include "linli-grids-page.h"
#include "linli-map-view.h"
#include "linli-window.h"

/* The window under Xvfb: the welcome page without a database, and the demo
 * community with its grids on the Map page and in the Grids page. */

typedef struct
{
  char       *dir;
  char       *path;
  LinliStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 27, 10, 0, 0);

  fixture->dir = g_dir_make_tmp ("linli-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->store = linli_store_open (fixture->path, &error);
  g_assert_no_error (error);
  linli_demo_populate (fixture->store, today, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* A few more turns for layout and the first frame. */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_welcome_without_store (void)
{
  LinliWindow *window = linli_window_new (NULL);
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (GTK_WIDGET (window));

  g_assert_null (linli_window_get_store (window));
  status = find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_drawable (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Welcome to Linli");

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
  wait_until_drawn (GTK_WIDGET (window));

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
  wait_until_drawn (GTK_WIDGET (window));

  page = find_descendant (GTK_WIDGET (window), LINLI_TYPE_GRIDS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_is_drawable (page));
  view = GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);

  /* Management grids come first, each with named workers. */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (linli_record_get_enum (first, "kind"), ==, LINLI_GRID_KIND_MANAGEMENT);
  workers = linli_grids_page_dup_workers (LINLI_GRIDS_PAGE (page), first);
  g_assert_cmpstr (workers, !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_switch_to_welcome (Fixture       *fixture,
                        gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (linli_window_get_store (window) == fixture->store);

  linli_window_set_store (window, NULL);
  g_assert_null (linli_window_get_store (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Linli");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/welcome", test_welcome_without_store);
  g_test_add ("/window/demo-map", Fixture, NULL, fixture_set_up, test_demo_map_has_grids, fixture_tear_down);
  g_test_add ("/window/demo-grids", Fixture, NULL, fixture_set_up, test_demo_grids_page, fixture_tear_down);
  g_test_add ("/window/close-store", Fixture, NULL, fixture_set_up, test_switch_to_welcome, fixture_tear_down);

  return g_test_run ();
}
