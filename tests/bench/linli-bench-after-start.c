/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "linli-bench-after-start.h"
#include "linli-bench-clock.h"
#include "linli-store.h"
#include "linli-window.h"

/* The seconds after the first frame, in this process: a window opened on
 * the database as `linli --database=FILE` opens it (the whole file checked
 * once the main loop is idle after the first frame), and a timer every
 * TICK_MS at the default priority, as a frame or a keystroke would be
 * handled. The longest gap between two of its ticks, less TICK_MS, is the
 * longest the window could not answer. On a loaded machine that gap
 * holds the time other processes ran as well: the main thread's own CPU
 * time between two ticks, at most, is beside it
 * (after_first_frame_max_stall_thread_cpu_ms). */

#define WIDTH    1280
#define HEIGHT   800
#define TICK_MS  5
#define AFTER_S  4
#define RUNS     3

typedef struct
{
  gboolean drawn;
  gint64   last;
  gint64   max_gap;
  gint64   last_cpu;     /* of the main thread, in µs */
  gint64   max_cpu_gap;
} Watch;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
process_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  Watch *watch = data;

  watch->drawn = TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  watch->max_gap = MAX (watch->max_gap, now - watch->last);
  watch->last = now;
  watch->max_cpu_gap = MAX (watch->max_cpu_gap, cpu - watch->last_cpu);
  watch->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
start_check_cb (gpointer data)
{
  linli_store_start_check (data);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  double stall_ms;
  double stall_cpu_ms;   /* of the main thread */
  double cpu_s;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Run *) a)->stall_ms, y = ((const Run *) b)->stall_ms;
  return (x > y) - (x < y);
}

static int
compare_stall_cpu (gconstpointer a,
                   gconstpointer b)
{
  double x = ((const Run *) a)->stall_cpu_ms, y = ((const Run *) b)->stall_cpu_ms;
  return (x > y) - (x < y);
}

static gboolean
run_once (const char  *path,
          Run         *run,
          GError     **error)
{
  g_autoptr(LinliStore) store = NULL;
  GtkWindow *window;
  gulong paint_id;
  GdkFrameClock *clock;
  Watch watch = { 0 };
  gboolean over = FALSE;
  double cpu_start;
  guint timer;

  store = linli_store_open_full (path, LINLI_STORE_OPEN_LATER_CHECK, error);
  if (store == NULL)
    return FALSE;
  window = GTK_WINDOW (linli_window_new (NULL));
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  linli_window_set_store (LINLI_WINDOW (window), store);
  gtk_window_present (window);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
  while (!watch.drawn)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, paint_id);

  /* As the program does after its first frame. */
  g_idle_add_full (G_PRIORITY_LOW, start_check_cb, g_object_ref (store), g_object_unref);
  cpu_start = process_cpu_s ();
  watch.last = g_get_monotonic_time ();
  watch.last_cpu = thread_cpu_us ();
  timer = g_timeout_add (TICK_MS, tick_cb, &watch);
  g_timeout_add_seconds (AFTER_S, quit_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  run->cpu_s = process_cpu_s () - cpu_start;

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  run->stall_ms = MAX (0, watch.max_gap / 1000.0 - TICK_MS);
  run->stall_cpu_ms = watch.max_cpu_gap / 1000.0;
  return TRUE;
}

/* The runs of the last database measured: both figures come of them. */
static char *measured_path;
static Run measured[RUNS];

static gboolean
measure (const char  *path,
         GError     **error)
{
  if (g_strcmp0 (path, measured_path) == 0)
    return TRUE;

  /* As linli-bench starts the program: its settings in memory. Before
   * GTK starts, which reads the schemas the first time. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", LINLI_BENCH_SCHEMAS_DIR, TRUE);
  if (!gtk_init_check ())
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "no display to draw on; run the benchmark under xvfb-run");
      return FALSE;
    }
  adw_init ();

  for (guint i = 0; i < RUNS; i++)
    if (!run_once (path, &measured[i], error))
      return FALSE;
  g_free (measured_path);
  measured_path = g_strdup (path);
  return TRUE;
}

/**
 * linli_bench_after_first_frame_max_stall_ms:
 * @path: a database of linli-gen
 *
 * after_first_frame_max_stall_ms: the longest the main loop stalls in the
 * AFTER_S seconds after the window's first frame, in milliseconds; the CPU
 * time of the whole process in those seconds, threads too, beside it. The
 * run of median stall of RUNS.
 */
gboolean
linli_bench_after_first_frame_max_stall_ms (const char  *path,
                                            double      *value,
                                            GError     **error)
{
  Run runs[RUNS];

  if (!measure (path, error))
    return FALSE;
  memcpy (runs, measured, sizeof runs);
  qsort (runs, RUNS, sizeof (Run), compare_runs);
  linli_bench_add_cpu (runs[RUNS / 2].cpu_s);
  *value = runs[RUNS / 2].stall_ms;
  return TRUE;
}

/**
 * linli_bench_after_first_frame_max_stall_thread_cpu_ms:
 * @path: a database of linli-gen
 *
 * after_first_frame_max_stall_thread_cpu_ms: the most CPU time the main
 * thread spent between two ticks in those seconds, in milliseconds: the
 * longest stall of its own, whatever else runs on the machine. The median
 * of the same RUNS.
 */
gboolean
linli_bench_after_first_frame_max_stall_thread_cpu_ms (const char  *path,
                                                       double      *value,
                                                       GError     **error)
{
  Run runs[RUNS];

  if (!measure (path, error))
    return FALSE;
  memcpy (runs, measured, sizeof runs);
  qsort (runs, RUNS, sizeof (Run), compare_stall_cpu);
  linli_bench_add_cpu (runs[RUNS / 2].stall_cpu_ms / 1000.0);
  *value = runs[RUNS / 2].stall_cpu_ms;
  return TRUE;
}
