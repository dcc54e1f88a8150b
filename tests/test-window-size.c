/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "linli-cases-page.h"
#include "linli-filter-fold.h"
#include "linli-record-list-page.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The window on a small screen: asked for 800×600 it stays 800×600 on
 * every page, and every button a page shows lies wholly inside it, or
 * inside a scrolled area that does. The filters of a list page fold into
 * a Filters button at 800 px and are a strip at 1366 px. */

typedef TestDatabase Fixture;

#define SMALL_WIDTH  800
#define SMALL_HEIGHT 600
#define WIDE_WIDTH   1366
#define WIDE_HEIGHT  768

static const char * const pages[] = { "map", "cases", "activities", "outreach", "grids" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-window-size");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
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

/* A page just shown is laid out in the frames that follow. */
static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (frames < n_frames && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Names the widest widgets under @widget, to say what holds the window
 * wide when the test fails. */
static void
print_wide (GtkWidget *widget,
            int        depth)
{
  int minimum = 0;

  if (depth > 12 || !gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= SMALL_WIDTH)
    return;
  g_test_message ("%*s%s: at least %d px wide", depth * 2, "", G_OBJECT_TYPE_NAME (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    print_wide (child, depth + 1);
}

static void
check_buttons_inside (GtkWidget *window,
                      GtkWidget *root,
                      guint     *n_checked)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      GtkWidget *scrolled = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
      GtkWidget *shown = scrolled != NULL ? scrolled : button;
      graphene_rect_t bounds;

      /* Buttons in closed popovers and hidden stack pages are not shown. */
      if (!gtk_widget_get_mapped (button) || gtk_widget_get_native (button) != GTK_NATIVE (window))
        continue;
      g_assert_true (gtk_widget_compute_bounds (shown, window, &bounds));
      if (bounds.size.width < 1 || bounds.size.height < 1)
        continue;
      if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (window) + 0.5)
        g_error ("%s (%s) lies at %.0f,%.0f %.0f×%.0f, outside the %d×%d window",
                 G_OBJECT_TYPE_NAME (shown),
                 gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) ?: "no action",
                 bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                 gtk_widget_get_width (window), gtk_widget_get_height (window));
      (*n_checked)++;
    }
}

/* Returns: (transfer none): the filter fold of the page shown */
static LinliFilterFold *
shown_fold (LinliWindow *window)
{
  g_autoptr(GPtrArray) folds = g_ptr_array_new ();

  test_collect (GTK_WIDGET (window), LINLI_TYPE_FILTER_FOLD, folds);
  for (guint i = 0; i < folds->len; i++)
    if (gtk_widget_get_mapped (folds->pdata[i]))
      return folds->pdata[i];
  g_assert_not_reached ();
}

/* At 800 px the filters are behind one Filters button, and a filter
 * chosen in its popover filters the list and is counted on the button. */
static void
check_folded_filters (LinliWindow *window)
{
  LinliFilterFold *fold = shown_fold (window);
  GtkWidget *button = linli_filter_fold_get_button (fold);
  GtkWidget *content = linli_filter_fold_get_content (fold);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (fold), LINLI_TYPE_RECORD_LIST_PAGE);
  GListModel *list = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page));
  GtkDropDown *status;
  guint n_all;

  g_assert_true (linli_filter_fold_get_folded (fold));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (gtk_widget_get_mapped (content));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "_Filters");

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  test_wait_until_drawn (content);
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (content)), ==, GTK_ORIENTATION_VERTICAL);

  /* The Cases page's first filter is the status: "Open" is its second row. */
  status = GTK_DROP_DOWN (test_find (content, GTK_TYPE_DROP_DOWN));
  n_all = g_list_model_get_n_items (list);
  gtk_drop_down_set_selected (status, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  g_assert_cmpuint (linli_filter_fold_get_n_active (fold), ==, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "_Filters (1)");

  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* At 1366 px the filters are a strip in the window again. */
static void
check_filter_strip (LinliWindow *window)
{
  LinliFilterFold *fold;
  GtkWidget *content;

  /* A default size is kept to the screen (1280 px under xvfb-run); a
   * size request is not. */
  gtk_widget_set_size_request (GTK_WIDGET (window), WIDE_WIDTH, WIDE_HEIGHT);
  wait_frames (GTK_WIDGET (window), 20);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), >=, WIDE_WIDTH);

  fold = shown_fold (window);
  content = linli_filter_fold_get_content (fold);
  g_assert_false (linli_filter_fold_get_folded (fold));
  g_assert_false (gtk_widget_get_child_visible (linli_filter_fold_get_button (fold)));
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_true (gtk_widget_get_native (content) == GTK_NATIVE (window));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (content)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (gtk_widget_get_width (content), <=, gtk_widget_get_width (GTK_WIDGET (fold)));
}

static void
test_small_screen (Fixture       *fixture,
                   gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);

  linli_window_set_store (window, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (window), SMALL_WIDTH, SMALL_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int minimum_width = 0, minimum_height = 0;
      guint n_checked = 0;
      GdkSurface *surface;

      linli_window_show_page (window, pages[i]);
      test_wait_until_drawn (GTK_WIDGET (window));
      /* ... and the view switcher bar slides in, in about 250 ms. */
      wait_frames (GTK_WIDGET (window), 40);

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, SMALL_WIDTH, &minimum_height, NULL, NULL,
                          NULL);
      g_test_message ("%s: at least %d×%d; the window widget %d×%d", pages[i], minimum_width, minimum_height,
                      gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
      if (minimum_width > SMALL_WIDTH)
        print_wide (GTK_WIDGET (window), 0);
      g_assert_cmpint (minimum_width, <=, SMALL_WIDTH);
      g_assert_cmpint (minimum_height, <=, SMALL_HEIGHT);
      /* The window's surface, decorations and all, is what was asked. */
      surface = gtk_native_get_surface (GTK_NATIVE (window));
      g_assert_cmpint (gdk_surface_get_width (surface), ==, SMALL_WIDTH);
      g_assert_cmpint (gdk_surface_get_height (surface), ==, SMALL_HEIGHT);

      check_buttons_inside (GTK_WIDGET (window), GTK_WIDGET (window), &n_checked);
      /* The header bar's and the page's own buttons at the least. */
      g_assert_cmpuint (n_checked, >=, 3);
      if (g_str_equal (pages[i], "cases"))
        check_folded_filters (window);
    }

  linli_window_show_page (window, "cases");
  check_filter_strip (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/window/small-screen", Fixture, NULL, fixture_set_up, test_small_screen, fixture_tear_down);

  return g_test_run ();
}
