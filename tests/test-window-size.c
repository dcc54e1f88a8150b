/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The window on a small screen: asked for 800×600 it stays 800×600 on
 * every page, and every button a page shows lies wholly inside it, or
 * inside a scrolled area that does (the filters scroll sideways). */

typedef TestDatabase Fixture;

#define SMALL_WIDTH  800
#define SMALL_HEIGHT 600

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
    }

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
