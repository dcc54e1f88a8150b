/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench-floor"

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>
#include <stdio.h>
#include <unistd.h>

/* The floor of a start: the least a window like Linli's costs, an
 * AdwApplicationWindow with a header bar and a ShumateSimpleMap. linli-bench
 * starts it as it starts Linli, with LINLI_BENCH_FIRST_FRAME set: the first
 * frame drawn prints its monotonic time and ends the process at once. */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (map, TRUE);
  gtk_box_append (GTK_BOX (box), map);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  if (g_getenv ("LINLI_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.linli.BenchFloor", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
