/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "linli-bench-after-start.h"
#include "linli-bench-clock.h"
#include "linli-bench-coverage.h"
#include "linli-bench-map.h"
#include "linli-case-csv.h"
#include "linli-case-search.h"
#include "linli-case-search-cache.h"
#include "linli-demo.h"
#include "linli-event-query.h"
#include "linli-volunteer-hours.h"
#include "linli-record-list.h"
#include "linli-report-pdf.h"
#include "linli-report.h"
#include "linli-gen-lib.h"
#include "linli-store-private.h"
#include "linli-store.h"

/* linli-bench: the figures of Linli's speed, one "name: value" line each.
 *
 * It makes the databases it needs in a temporary folder (removed afterwards
 * unless --keep) and measures on them. To add a figure, write a FigureFunc and
 * add a line to figures[]. Times come from g_get_monotonic_time(), and each
 * time is printed with the CPU time of the same runs beside it
 * (getrusage: of this thread, or of the process measured), named with _cpu
 * before its unit: case_search_ms and case_search_cpu_ms. */

#define BENCH_CASES    100000   /* unless --cases says otherwise */
#define BENCH_SEED     20260101
#define OPEN_RUNS      5
#define FIRST_PAGE     50
#define PAGE_FETCH     100
#define REPORT_RUNS    3
#define REPORT_CASES   10000
#define REPORT_YEAR    2025
#define EMPTY_YEAR     2026     /* after the generator's last case */
#define WINDOW_RUNS    3
#define PREVIEW_ROWS   3        /* what an import preview keeps of a file */

/* The steps of store_open_first_page_ms, each the median of OPEN_RUNS:
 * printed with --breakdown or --only. */
typedef enum {
  STEP_SQLITE_OPEN,     /* sqlite3_open_v2 and the header pragmas alone */
  STEP_INTEGRITY_CHECK, /* PRAGMA quick_check(1) without the CHECK constraints, as the
                         * background check after linli_store_open runs it (read-only);
                         * not part of store_open_first_page_ms */
  STEP_STORE_OPEN,      /* linli_store_open */
  STEP_LIST_IDS,        /* linli_store_list: the ids of every case */
  STEP_FIRST_PAGE,      /* the first FIRST_PAGE items */
  N_STEPS
} OpenStep;

/* A start measured from exec to the first frame drawn. */
typedef struct
{
  double wall_ms;
  double cpu_ms;   /* of the whole process, every thread */
  double rss_mb;   /* its peak */
} Start;

enum {
  START_FLOOR,     /* linli-bench-floor: a bare window with a header bar and a map */
  START_DEMO,      /* Linli on the demo community */
  START_CASES,     /* Linli on the n_cases database */
  N_STARTS
};

typedef struct
{
  char    *dir;
  guint    n_cases;       /* in db_path */
  char    *db_path;       /* the n_cases database, once written or as given */
  char    *demo_path;     /* the demo community, once written */
  char    *csv_path;      /* its cases exported, once written */
  double   gen_seconds;   /* how long writing it took */
  double   gen_cpu_seconds;
  double   steps[N_STEPS];
  double   step_cpu[N_STEPS];
  gboolean have_steps;
  Start    starts[N_STARTS];
  gboolean have_starts;
  gboolean keep;
} Bench;

typedef gboolean (*FigureFunc) (Bench   *bench,
                                double  *value,
                                GError **error);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Runs linli_gen_write() in a child process, so that what the generator
 * allocates does not count in this one's peak_rss_mb. The child reports how
 * long it took, or why it failed, through a pipe. */
static gboolean
generate (const char  *path,
          guint        n_cases,
          double      *seconds,
          double      *cpu_seconds,
          GError     **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  int fds[2];
  pid_t pid;
  int wait_status = -1;   /* "did not exit" if wait4 fails */
  struct rusage usage = { 0, };
  char buf[512];
  gssize n;

  if (pipe (fds) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "pipe: %s", g_strerror (saved_errno));
      return FALSE;
    }
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;
      close (fds[0]);
      close (fds[1]);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "fork: %s", g_strerror (saved_errno));
      return FALSE;
    }
  if (pid == 0)
    {
      g_autoptr(GError) child_error = NULL;
      g_autofree char *message = NULL;
      gint64 child_start = g_get_monotonic_time ();
      gboolean ok;

      close (fds[0]);
      ok = linli_gen_write (path, n_cases, BENCH_SEED, &child_error);
      message = ok ? g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time () - child_start)
                   : g_strdup_printf ("error %s", child_error->message);
      if (write (fds[1], message, strlen (message)) < 0)
        _exit (2);
      _exit (ok ? 0 : 1);
    }

  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (report, buf, n);
  close (fds[0]);
  while (wait4 (pid, &wait_status, 0, &usage) < 0 && errno == EINTR)
    ;

  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s: %s", path,
                   g_str_has_prefix (report->str, "error ") ? report->str + 6 : "the generator died");
      return FALSE;
    }
  *seconds = g_ascii_strtoll (report->str, NULL, 10) / 1e6;
  *cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                 usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return TRUE;
}

/* The database of n_cases: written once, by the first figure that needs it,
 * unless --database gave one. */
static const char *
ensure_database (Bench   *bench,
                 GError **error)
{
  g_autofree char *path = NULL;

  if (bench->db_path != NULL)
    return bench->db_path;

  path = g_strdup_printf ("%s/cases-%u.db", bench->dir, bench->n_cases);
  if (!generate (path, bench->n_cases, &bench->gen_seconds, &bench->gen_cpu_seconds, error))
    return NULL;
  bench->db_path = g_steal_pointer (&path);
  return bench->db_path;
}

static gboolean
fetch_items (GListModel  *list,
             guint        first,
             guint        n,
             GError     **error)
{
  for (guint i = first; i < first + n; i++)
    {
      LinliRecord *record = g_list_model_get_item (list, i);

      if (record == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No case at position %u", i);
          return FALSE;
        }
      g_object_unref (record);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Figures */

static gboolean
gen_s (Bench   *bench,
       double  *value,
       GError **error)
{
  if (bench->db_path != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the database was given");
      return FALSE;
    }
  if (!ensure_database (bench, error))
    return FALSE;
  *value = bench->gen_seconds;
  linli_bench_add_cpu (bench->gen_cpu_seconds);
  return TRUE;
}

/* What the case list costs from a closed file to its first screen. */
static gboolean
store_open_first_page_ms (Bench   *bench,
                          double  *value,
                          GError **error)
{
  const char *path = ensure_database (bench, error);
  double runs[OPEN_RUNS];

  if (path == NULL)
    return FALSE;
  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      LinliBenchStamp start = linli_bench_stamp ();
      g_autoptr(LinliStore) store = linli_store_open (path, error);
      g_autoptr(GListModel) list = NULL;

      if (store == NULL)
        return FALSE;
      list = linli_store_list (store, LINLI_TYPE_CASE);
      if (!fetch_items (list, 0, FIRST_PAGE, error))
        return FALSE;
      runs[run] = linli_bench_ms_since (start);
    }
  *value = median (runs, OPEN_RUNS);
  return TRUE;
}

/* Scrolling far down the open case list: 100 rows nobody has read yet. */
static gboolean
case_page_fetch_ms (Bench   *bench,
                    double  *value,
                    GError **error)
{
  /* Far apart, so no two share a page of the list's cache. */
  static const double where[] = { 0.73, 0.12, 0.41, 0.88, 0.26, 0.57, 0.95 };
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  double runs[G_N_ELEMENTS (where)];
  guint n_items;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  list = linli_store_list (store, LINLI_TYPE_CASE);
  n_items = g_list_model_get_n_items (list);
  if (n_items < 1000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Only %u cases in %s", n_items, path);
      return FALSE;
    }
  if (!fetch_items (list, 0, FIRST_PAGE, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      guint first = (guint) (where[i] * (n_items - PAGE_FETCH));
      LinliBenchStamp start = linli_bench_stamp ();

      if (!fetch_items (list, first, PAGE_FETCH, error))
        return FALSE;
      runs[i] = linli_bench_ms_since (start);
    }
  *value = median (runs, G_N_ELEMENTS (runs));
  return TRUE;
}

/* Seconds of CPU of every thread of this process. */
static double
process_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

typedef enum {
  SEARCH_TYPE,          /* case_search_ms: two-character words */
  SEARCH_TYPE_LONGER,   /* case_search_3_chars_ms: three characters, verified */
  SEARCH_READY,         /* case_search_ready_ms: its index saved by an open before */
  SEARCH_BUILD,         /* case_search_build_ms: no index saved */
  SEARCH_BYTES,         /* case_search_bytes_per_case */
  SEARCH_RSS,           /* case_search_rss_bytes_per_case */
} SearchFigure;

/* The resident set of this process, in bytes. */
static double
rss_bytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmRSS:")))
    return 0;
  return g_ascii_strtod (line + 6, NULL) * 1024;
}

/* Opens @path and waits for its search's index, read or built, so that
 * the next open finds it saved. */
static gboolean
save_search_index (const char  *path,
                   GError     **error)
{
  g_autoptr(LinliStore) store = linli_store_open (path, error);
  g_autoptr(LinliCaseSearch) search = NULL;

  if (store == NULL)
    return FALSE;
  search = linli_case_search_new (store);
  while (!linli_case_search_is_ready (search))
    g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

/* Removes the search's saved index of @path, so that it is built. */
static void
remove_search_index (Bench      *bench,
                     const char *path)
{
  static const char * const suffixes[] = { "index", "overlay" };
  g_autofree char *dir = g_build_filename (bench->dir, "search", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = linli_search_cache_file (dir, path, suffixes[i]);
      g_remove (file);
    }
}

/* The search of the Cases page: its index is read in a thread as soon as
 * it is made, from the file an open before saved (case_search_ready_ms,
 * from the store's open to the index there; its CPU is that of every
 * thread), or built from the cases when there is none
 * (case_search_build_ms, the same, its saving included); then each word
 * typed gives its first 100 rows and the count of all matches
 * (case_search_ms, the median over several words, CPU of the main
 * thread). */
static gboolean
case_search (Bench         *bench,
             SearchFigure   figure,
             double        *value,
             GError       **error)
{
  static const char *words[] = { "漏水", "物业", "充电", "楼道", "噪音", "路灯", "电梯" };
  static const char *longer[] = { "号楼漏", "卫生间", "充电难", "楼道堆", "3号楼", "噪音扰", "路灯不" };
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliCaseSearch) search = NULL;
  g_autoptr(LinliRecordList) list = NULL;
  const char **typed = figure == SEARCH_TYPE_LONGER ? longer : words;
  double runs[G_N_ELEMENTS (words)];
  LinliBenchStamp start;
  double cpu_start;
  double rss_start;

  if (path == NULL)
    return FALSE;
  if (figure == SEARCH_BUILD)
    remove_search_index (bench, path);
  else if (figure == SEARCH_READY && !save_search_index (path, error))
    return FALSE;
  start = linli_bench_stamp ();
  cpu_start = process_cpu_s ();
  if (!(store = linli_store_open (path, error)))
    return FALSE;
  rss_start = rss_bytes ();
  search = linli_case_search_new (store);
  while (!linli_case_search_is_ready (search))
    g_main_context_iteration (NULL, TRUE);
  if (figure == SEARCH_READY || figure == SEARCH_BUILD)
    {
      *value = (g_get_monotonic_time () - start.wall) / 1000.0;
      linli_bench_add_cpu (process_cpu_s () - cpu_start);
      if (linli_case_search_was_loaded (search) != (figure == SEARCH_READY))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The index was %s",
                       figure == SEARCH_READY ? "built, not read from its file" : "read, not built");
          return FALSE;
        }
      return TRUE;
    }
  if (figure == SEARCH_RSS)
    {
      /* What the process holds more once the index is there: the index
       * with malloc's overhead, and what the build left unreturned. */
      *value = (rss_bytes () - rss_start) / linli_store_count (store, LINLI_TYPE_CASE);
      return TRUE;
    }
  if (figure == SEARCH_BYTES)
    {
      *value = (double) linli_case_search_get_index_size (search) / linli_store_count (store, LINLI_TYPE_CASE);
      return TRUE;
    }
  list = linli_record_list_new (store, LINLI_TYPE_CASE, NULL, NULL, 0);
  linli_record_list_set_filter (list, linli_case_search_filter, g_object_ref (search), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint n_matches;

      start = linli_bench_stamp ();
      linli_case_search_set_text (search, typed[i]);
      linli_record_list_refilter (list);
      n_matches = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (!fetch_items (G_LIST_MODEL (list), 0, MIN (n_matches, 100), error))
        return FALSE;
      runs[i] = linli_bench_ms_since (start);
      if (n_matches == 0 && figure == SEARCH_TYPE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No case contains %s", typed[i]);
          return FALSE;
        }
    }
  *value = median (runs, G_N_ELEMENTS (runs));
  return TRUE;
}

static gboolean
case_search_ms (Bench   *bench,
                double  *value,
                GError **error)
{
  return case_search (bench, SEARCH_TYPE, value, error);
}

static gboolean
case_search_3_chars_ms (Bench   *bench,
                        double  *value,
                        GError **error)
{
  return case_search (bench, SEARCH_TYPE_LONGER, value, error);
}

static gboolean
case_search_ready_ms (Bench   *bench,
                      double  *value,
                      GError **error)
{
  return case_search (bench, SEARCH_READY, value, error);
}

static gboolean
case_search_build_ms (Bench   *bench,
                      double  *value,
                      GError **error)
{
  return case_search (bench, SEARCH_BUILD, value, error);
}

static gboolean
case_search_rss_bytes_per_case (Bench   *bench,
                                double  *value,
                                GError **error)
{
  return case_search (bench, SEARCH_RSS, value, error);
}

static gboolean
case_search_bytes_per_case (Bench   *bench,
                            double  *value,
                            GError **error)
{
  return case_search (bench, SEARCH_BYTES, value, error);
}

#define SAVE_CHANGED 1000

/* What the search costs the main thread when it goes, the store closed or
 * the window quit, after SAVE_CHANGED cases were changed in the app since
 * its index was read: it saves them beside the index
 * (case_search_save_ms, CPU of this thread; its dispose, not the index
 * freed after). Their titles are changed and put back, so the file reads
 * as before. */
static gboolean
case_search_save_ms (Bench   *bench,
                     double  *value,
                     GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliCaseSearch) search = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  guint n_changed = 0;
  LinliBenchStamp start;

  if (path == NULL || !save_search_index (path, error) || !(store = linli_store_open (path, error)))
    return FALSE;
  search = linli_case_search_new (store);
  while (!linli_case_search_is_ready (search))
    g_main_context_iteration (NULL, TRUE);
  stmt = linli_store_prepare (store, "SELECT coalesce (max (id), 0) FROM case_record", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  for (guint i = 0; i < SAVE_CHANGED && n_changed < SAVE_CHANGED && max_id > 0; i++)
    {
      gint64 id = 1 + (gint64) i * MAX (max_id / SAVE_CHANGED, 1);
      g_autoptr(LinliRecord) record = linli_store_get (store, LINLI_TYPE_CASE, id, NULL);
      g_autofree char *title = NULL;
      g_autofree char *changed = NULL;

      if (record == NULL)
        continue;  /* deleted */
      title = g_strdup (linli_record_get_text (record, "title"));
      changed = g_strconcat (title ? title : "", "（改）", NULL);
      linli_record_set_text (record, "title", changed);
      if (!linli_store_update (store, record, error))
        return FALSE;
      linli_record_set_text (record, "title", title);
      if (!linli_store_update (store, record, error))
        return FALSE;
      n_changed++;
    }
  if (!linli_case_search_was_loaded (search))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The index was built, not read from its file");
      return FALSE;
    }

  /* The save alone: freeing the index, as much as before, comes after. */
  start = linli_bench_stamp ();
  g_object_run_dispose (G_OBJECT (search));
  *value = linli_bench_ms_since (start);
  return TRUE;
}

/* A keystroke before the index is there, as the Cases page answers it:
 * the main thread's share (case_search_before_index_ms, CPU of this
 * thread), the matches then read in a thread; and how long until they are
 * there (case_search_before_index_answer_ms, wall). */
static gboolean
case_search_before_index (Bench    *bench,
                          gboolean  answer,
                          double   *value,
                          GError  **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliCaseSearch) search = NULL;
  g_autoptr(LinliRecordList) list = NULL;
  LinliBenchStamp start;
  gint64 typed;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  list = linli_record_list_new (store, LINLI_TYPE_CASE, NULL, NULL, 0);
  /* As on the first open: no index saved to read. */
  remove_search_index (bench, path);
  search = linli_case_search_new (store);
  linli_record_list_set_filter (list, linli_case_search_filter, g_object_ref (search), g_object_unref);
  g_list_model_get_n_items (G_LIST_MODEL (list));

  start = linli_bench_stamp ();
  typed = start.wall;
  linli_case_search_set_text (search, "漏水");
  if (!linli_case_search_is_searching (search))
    linli_record_list_refilter (list);
  fetch_items (G_LIST_MODEL (list), 0, MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), FIRST_PAGE), NULL);
  *value = linli_bench_ms_since (start);
  if (linli_case_search_is_ready (search))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The index was there before the keystroke");
      return FALSE;
    }
  if (answer)
    {
      while (linli_case_search_is_searching (search))
        g_main_context_iteration (NULL, TRUE);
      *value = (g_get_monotonic_time () - typed) / 1000.0;
    }
  return TRUE;
}

static gboolean
case_search_before_index_ms (Bench   *bench,
                             double  *value,
                             GError **error)
{
  return case_search_before_index (bench, FALSE, value, error);
}

static gboolean
case_search_before_index_answer_ms (Bench   *bench,
                                    double  *value,
                                    GError **error)
{
  return case_search_before_index (bench, TRUE, value, error);
}

/* The search of the Activities page with its totals: each word typed
 * filters the activities and adds up what is shown (event_search_ms, the
 * median over several words; the first search reads the text). */
static gboolean
event_search_ms (Bench   *bench,
                 double  *value,
                 GError **error)
{
  static const char *words[] = { "社区", "助老", "楼道", "志愿", "清理", "讲座", "义诊" };
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliEventSearch) search = NULL;
  g_autoptr(LinliRecordList) list = NULL;
  double runs[G_N_ELEMENTS (words)];
  guint n_found = 0;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  search = linli_event_search_new (store, LINLI_TYPE_ACTIVITY);
  list = linli_record_list_new (store, LINLI_TYPE_ACTIVITY, NULL, NULL, 0);
  linli_record_list_set_filter (list, linli_event_search_filter, g_object_ref (search), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      LinliEventTotals totals;
      LinliBenchStamp start = linli_bench_stamp ();

      linli_event_search_set_text (search, words[i]);
      linli_record_list_refilter (list);
      linli_event_totals_compute (&totals, store, LINLI_TYPE_ACTIVITY, list);
      if (!fetch_items (G_LIST_MODEL (list), 0, MIN (totals.n_events, 100), error))
        return FALSE;
      runs[i] = linli_bench_ms_since (start);
      n_found += totals.n_events;
    }
  if (n_found == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No activity matches any word");
      return FALSE;
    }
  *value = median (runs, G_N_ELEMENTS (runs));
  return TRUE;
}

/* The hours of every volunteer for all time, as the Volunteers view reads
 * them. */
static gboolean
volunteer_hours_ms (Bench   *bench,
                    double  *value,
                    GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GHashTable) hours = NULL;
  LinliBenchStamp start;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  start = linli_bench_stamp ();
  hours = linli_volunteer_hours_by_volunteer (store, NULL, NULL, error);
  if (hours == NULL)
    return FALSE;
  *value = linli_bench_ms_since (start);
  return TRUE;
}

/* The last CPU sample, taken out of @samples: the steps of opening keep
 * their own. */
static double
take_cpu (GArray *samples)
{
  double seconds = g_array_index (samples, double, samples->len - 1);

  g_array_set_size (samples, samples->len - 1);
  return seconds;
}

static gboolean
measure_open_steps (Bench   *bench,
                    GError **error)
{
  const char *path = ensure_database (bench, error);
  double runs[N_STEPS][OPEN_RUNS];
  double cpu[N_STEPS][OPEN_RUNS];
  GArray *samples = linli_bench_cpu_samples ();

  if (path == NULL)
    return FALSE;
  if (bench->have_steps)
    return TRUE;
  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      g_autoptr(LinliStore) store = NULL;
      g_autoptr(GListModel) list = NULL;
      sqlite3 *db = NULL;
      LinliBenchStamp start = linli_bench_stamp ();
      int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA application_id; PRAGMA user_version;"
                               " SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      runs[STEP_SQLITE_OPEN][run] = linli_bench_ms_since (start);
      cpu[STEP_SQLITE_OPEN][run] = take_cpu (samples);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
      start = linli_bench_stamp ();
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA quick_check(1)", NULL, NULL, NULL);
      runs[STEP_INTEGRITY_CHECK][run] = linli_bench_ms_since (start);
      cpu[STEP_INTEGRITY_CHECK][run] = take_cpu (samples);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                       db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
          sqlite3_close (db);
          return FALSE;
        }
      sqlite3_close (db);

      start = linli_bench_stamp ();
      if (!(store = linli_store_open (path, error)))
        return FALSE;
      runs[STEP_STORE_OPEN][run] = linli_bench_ms_since (start);
      cpu[STEP_STORE_OPEN][run] = take_cpu (samples);
      start = linli_bench_stamp ();
      list = linli_store_list (store, LINLI_TYPE_CASE);
      runs[STEP_LIST_IDS][run] = linli_bench_ms_since (start);
      cpu[STEP_LIST_IDS][run] = take_cpu (samples);
      start = linli_bench_stamp ();
      if (!fetch_items (list, 0, FIRST_PAGE, error))
        return FALSE;
      runs[STEP_FIRST_PAGE][run] = linli_bench_ms_since (start);
      cpu[STEP_FIRST_PAGE][run] = take_cpu (samples);
    }
  for (guint s = 0; s < N_STEPS; s++)
    {
      bench->steps[s] = median (runs[s], OPEN_RUNS);
      bench->step_cpu[s] = median (cpu[s], OPEN_RUNS);
    }
  bench->have_steps = TRUE;
  return TRUE;
}

static gboolean
open_step (Bench    *bench,
           OpenStep  which,
           double   *value,
           GError  **error)
{
  if (!measure_open_steps (bench, error))
    return FALSE;
  *value = bench->steps[which];
  linli_bench_add_cpu (bench->step_cpu[which]);
  return TRUE;
}

#define DEFINE_OPEN_STEP(name, which)                             \
  static gboolean                                                 \
  name (Bench *bench, double *value, GError **error)              \
  {                                                               \
    return open_step (bench, which, value, error);                \
  }

DEFINE_OPEN_STEP (open_sqlite_ms, STEP_SQLITE_OPEN)
DEFINE_OPEN_STEP (integrity_check_ms, STEP_INTEGRITY_CHECK)
DEFINE_OPEN_STEP (open_store_ms, STEP_STORE_OPEN)
DEFINE_OPEN_STEP (open_list_ids_ms, STEP_LIST_IDS)
DEFINE_OPEN_STEP (open_first_page_ms, STEP_FIRST_PAGE)

static gboolean
peak_rss_mb (Bench   *bench,
             double  *value,
             GError **error)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "getrusage failed");
      return FALSE;
    }
  *value = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
  return TRUE;
}

/* The case list of the generated database written as CSV, as the office
 * exports it but unmasked, so that csv_import_100k_s can read it back. */
static gboolean
export_csv (Bench   *bench,
            double  *seconds,
            GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *csv_path = NULL;
  LinliBenchStamp start;

  /* The check of the whole file that opening starts runs on another
   * thread: it is over before the clock starts. */
  if (path == NULL || !(store = linli_store_open (path, error)) || !linli_store_verify (store, error))
    return FALSE;
  csv_path = g_build_filename (bench->dir, "cases.csv", NULL);
  file = g_file_new_for_path (csv_path);

  start = linli_bench_stamp ();
  cases = linli_store_list (store, LINLI_TYPE_CASE);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL ||
      !linli_case_csv_export (store, cases, FALSE, G_OUTPUT_STREAM (out), NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;
  *seconds = linli_bench_seconds_since (start);

  g_free (bench->csv_path);
  bench->csv_path = g_steal_pointer (&csv_path);
  return TRUE;
}

/* The CSV file the import figures read, exported first if no figure has
 * yet: that export's CPU time is not theirs, so its sample is dropped. */
static gboolean
ensure_csv (Bench   *bench,
            GError **error)
{
  GArray *samples = linli_bench_cpu_samples ();
  guint n_samples = samples->len;
  double seconds;

  if (bench->csv_path != NULL)
    return TRUE;
  if (!export_csv (bench, &seconds, error))
    return FALSE;
  g_array_set_size (samples, n_samples);
  return TRUE;
}

static gboolean
csv_export_s (Bench   *bench,
                   double  *value,
                   GError **error)
{
  return export_csv (bench, value, error);
}

typedef struct
{
  gint64   last;       /* when the timer last ran, µs */
  gint64   max_gap;
  gboolean done;
  GError  *error;
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->max_gap = MAX (stall->max_gap, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static void
stall_export_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  Stall *stall = data;

  linli_case_csv_export_file_finish (LINLI_STORE (source), result, &stall->error);
  stall->done = TRUE;
}

/* The longest the main loop goes without running a 5 ms timer while every
 * case is exported to CSV in the background, as the Cases page does it
 * (main_loop_max_stall_ms, less the timer's own 5 ms). */
static gboolean
main_loop_max_stall_ms (Bench   *bench,
                        double  *value,
                        GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autofree char *csv_path = g_build_filename (bench->dir, "stall.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GListModel) cases = NULL;
  LinliBenchStamp start;
  Stall stall = { 0 };
  guint timer;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  cases = linli_store_list (store, LINLI_TYPE_CASE);
  start = linli_bench_stamp ();
  stall.last = g_get_monotonic_time ();
  timer = g_timeout_add (5, stall_tick_cb, &stall);
  linli_case_csv_export_file_async (store, cases, TRUE, file, LINLI_SAFE_FILE_NONE,
                                    NULL, NULL, NULL, stall_export_done_cb, &stall);
  while (!stall.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  linli_bench_ms_since (start);
  g_remove (csv_path);
  if (stall.error != NULL)
    {
      g_propagate_error (error, stall.error);
      return FALSE;
    }
  *value = MAX (0, stall.max_gap / 1000.0 - 5);
  return TRUE;
}

static void
stall_report_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  Stall *stall = data;

  linli_report_pdf_write_finish (LINLI_STORE (source), result, &stall->error);
  stall->done = TRUE;
}

/* The same while the work summary of a year is built and written to PDF
 * in the background, as the Reports dialog exports it. */
static gboolean
report_main_loop_max_stall_ms (Bench   *bench,
                               double  *value,
                               GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autofree char *pdf_path = g_build_filename (bench->dir, "stall.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf_path);
  g_autoptr(LinliStore) store = NULL;
  LinliReportRequest request = { LINLI_REPORT_KIND_SUMMARY, };
  LinliBenchStamp start;
  Stall stall = { 0 };
  guint timer;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  linli_report_period_init_year (&request.period, REPORT_YEAR);
  start = linli_bench_stamp ();
  stall.last = g_get_monotonic_time ();
  timer = g_timeout_add (5, stall_tick_cb, &stall);
  linli_report_pdf_write_async (store, &request, file, NULL, stall_report_done_cb, &stall);
  while (!stall.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  linli_bench_ms_since (start);
  g_remove (pdf_path);
  if (stall.error != NULL)
    {
      g_propagate_error (error, stall.error);
      return FALSE;
    }
  *value = MAX (0, stall.max_gap / 1000.0 - 5);
  return TRUE;
}

static GDateTime *
base_date_clock (gpointer user_data)
{
  return g_date_time_new_from_iso8601 (LINLI_GEN_BASE_DATE, NULL);
}

/* A new database with the community, grids, workers and buildings of the
 * generated one, and no cases or residents: what the exported file's names
 * refer to. */
static LinliStore *
open_import_target (Bench       *bench,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(LinliStore) store = linli_store_open (path, error);
  char *sql;
  int rc;

  if (store == NULL)
    return NULL;
  sql = sqlite3_mprintf ("ATTACH %Q AS generated;"
                         " BEGIN;"
                         " INSERT INTO community SELECT * FROM generated.community;"
                         " INSERT INTO grid SELECT * FROM generated.grid;"
                         " INSERT INTO worker SELECT * FROM generated.worker;"
                         " INSERT INTO grid_worker SELECT * FROM generated.grid_worker;"
                         " INSERT INTO building SELECT * FROM generated.building;"
                         " COMMIT;"
                         " DETACH generated", bench->db_path);
  rc = sqlite3_exec (linli_store_get_db (store), sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    {
      linli_store_fail (store, rc, error);
      return NULL;
    }
  /* The generated cases are all before its base date: "now" for them. */
  linli_store_set_clock (store, base_date_clock, NULL);
  return g_steal_pointer (&store);
}

/* As the import dialog's job does, but in the calling thread, whose CPU
 * time the bench counts: checked and written through a writer of the
 * store's own (linli_store_open_writer()), closed afterwards. */
static gboolean
import_through_writer (LinliStore            *store,
                       LinliCsvTable         *table,
                       const LinliCaseField  *mapping,
                       GPtrArray            **row_errors,
                       guint                 *n_imported,
                       GError               **error)
{
  LinliStore *writer = linli_store_open_writer (store, "An import is being written", error);
  gboolean ok;

  if (writer == NULL)
    return FALSE;
  ok = linli_case_csv_import_full (writer, table, mapping, NULL, NULL, NULL, row_errors, n_imported, error);
  linli_store_close_writer (store, writer, NULL, 0);
  return ok;
}

/* Reading the exported file, checking every row and writing all of them
 * through the store in one transaction, as the import dialog does. */
static gboolean
csv_import_s (Bench   *bench,
              double  *value,
              GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  guint n_imported = 0;
  LinliBenchStamp start;

  if (!ensure_csv (bench, error))
    return FALSE;
  path = g_build_filename (bench->dir, "cases-import.db", NULL);
  if (!(store = open_import_target (bench, path, error)))
    return FALSE;
  file = g_file_new_for_path (bench->csv_path);

  start = linli_bench_stamp ();
  if (!(table = linli_csv_read_preview (file, PREVIEW_ROWS, NULL, error)))
    return FALSE;
  mapping = linli_case_csv_guess_mapping (table);
  if (!import_through_writer (store, table, mapping, &row_errors, &n_imported, error))
    {
      if (row_errors != NULL && row_errors->len > 0)
        g_prefix_error (error, "%s … ", ((LinliCsvRowError *) g_ptr_array_index (row_errors, 0))->message);
      return FALSE;
    }
  *value = linli_bench_seconds_since (start);

  if (n_imported != bench->n_cases)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Imported %u cases of %u", n_imported, bench->n_cases);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Long jobs: memory and the main loop (issue 13); the CPU time of each
 * figure comes with it, csv_import_s's as csv_import_cpu_s */

/* A line of /proc/self/status (VmRSS, VmHWM) in MB. */
static double
status_mb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (key) + 1, NULL) / 1024.0;   /* kB */
}

/* How much the import of the exported cases (csv_import_s) adds to the
 * memory of the process at its peak, above the open store: the peak is
 * reset first (/proc/self/clear_refs). */
static gboolean
import_peak_rss_mb (Bench    *bench,
                    gboolean  write,
                    double   *value,
                    GError  **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  double before;
  guint n_imported = 0;
  FILE *clear_refs;

  if (!ensure_csv (bench, error))
    return FALSE;
  path = g_build_filename (bench->dir, "cases-import-rss.db", NULL);
  g_remove (path);
  if (!(store = open_import_target (bench, path, error)))
    return FALSE;
  file = g_file_new_for_path (bench->csv_path);

  if (!(clear_refs = fopen ("/proc/self/clear_refs", "w")) ||
      fputs ("5", clear_refs) < 0 || fclose (g_steal_pointer (&clear_refs)) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot reset the peak memory: %s", g_strerror (errno));
      g_clear_pointer (&clear_refs, fclose);
      return FALSE;
    }
  before = status_mb ("VmRSS:");
  if (!(table = linli_csv_read_preview (file, PREVIEW_ROWS, NULL, error)))
    return FALSE;
  mapping = linli_case_csv_guess_mapping (table);
  if (write && !import_through_writer (store, table, mapping, &row_errors, &n_imported, error))
    return FALSE;
  *value = status_mb ("VmHWM:") - before;
  g_clear_object (&store);
  g_remove (path);
  return TRUE;
}

static gboolean
csv_import_peak_rss_mb (Bench   *bench,
                        double  *value,
                        GError **error)
{
  return import_peak_rss_mb (bench, TRUE, value, error);
}

/* Its share for reading the file into the table the preview shows. */
static gboolean
csv_read_peak_rss_mb (Bench   *bench,
                      double  *value,
                      GError **error)
{
  return import_peak_rss_mb (bench, FALSE, value, error);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LinliCsvTable *table = linli_csv_read_preview (task_data, PREVIEW_ROWS, cancellable, &error);

  if (table != NULL)
    g_task_return_pointer (task, table, (GDestroyNotify) linli_csv_table_unref);
  else
    g_task_return_error (task, error);
}

static void
stall_read_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  Stall *stall = data;
  g_autoptr(LinliCsvTable) table = g_task_propagate_pointer (G_TASK (result), &stall->error);

  stall->done = TRUE;
}

/* The longest the main loop waits while the exported cases are read in
 * a thread, as an import reads them (less the timer's own 5 ms). */
static gboolean
import_read_main_loop_max_stall_ms (Bench   *bench,
                                    double  *value,
                                    GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  LinliBenchStamp start;
  Stall stall = { 0 };
  guint timer;

  if (!ensure_csv (bench, error))
    return FALSE;
  file = g_file_new_for_path (bench->csv_path);
  start = linli_bench_stamp ();
  stall.last = g_get_monotonic_time ();
  timer = g_timeout_add (5, stall_tick_cb, &stall);
  task = g_task_new (NULL, NULL, stall_read_done_cb, &stall);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
  while (!stall.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  linli_bench_ms_since (start);
  if (stall.error != NULL)
    {
      g_propagate_error (error, stall.error);
      return FALSE;
    }
  *value = MAX (0, stall.max_gap / 1000.0 - 5);
  return TRUE;
}

typedef struct
{
  LinliStore     *writer;
  LinliCsvTable  *table;
  LinliCaseField *mapping;
  Stall          *stall;
  guint           n_imported;
} StallImport;

static gboolean
stall_import_done_cb (gpointer data)
{
  ((StallImport *) data)->stall->done = TRUE;
  return G_SOURCE_REMOVE;
}

static gpointer
stall_import_thread (gpointer data)
{
  StallImport *si = data;

  linli_case_csv_import_full (si->writer, si->table, si->mapping, NULL, NULL, NULL,
                              NULL, &si->n_imported, &si->stall->error);
  g_idle_add (stall_import_done_cb, si);
  return NULL;
}

/* The longest the main loop waits while the exported cases are checked
 * and written in a thread through a writer, as the import dialog's job
 * does (less the timer's own 5 ms). */
static gboolean
import_write_main_loop_max_stall_ms (Bench   *bench,
                                     double  *value,
                                     GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autofree LinliCaseField *mapping = NULL;
  LinliBenchStamp start;
  Stall stall = { 0 };
  StallImport si = { 0 };
  GThread *thread;
  guint timer;

  if (!ensure_csv (bench, error))
    return FALSE;
  path = g_build_filename (bench->dir, "cases-import-stall.db", NULL);
  g_remove (path);
  if (!(store = open_import_target (bench, path, error)))
    return FALSE;
  file = g_file_new_for_path (bench->csv_path);
  if (!(table = linli_csv_read_preview (file, PREVIEW_ROWS, NULL, error)))
    return FALSE;
  mapping = linli_case_csv_guess_mapping (table);
  if (!(si.writer = linli_store_open_writer (store, "An import is being written", error)))
    return FALSE;
  si.table = table;
  si.mapping = mapping;
  si.stall = &stall;

  start = linli_bench_stamp ();
  stall.last = g_get_monotonic_time ();
  timer = g_timeout_add (5, stall_tick_cb, &stall);
  thread = g_thread_new ("import", stall_import_thread, &si);
  while (!stall.done)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_source_remove (timer);
  linli_bench_ms_since (start);
  linli_store_close_writer (store, si.writer, NULL, 0);
  g_clear_object (&store);
  g_remove (path);
  if (stall.error != NULL)
    {
      g_propagate_error (error, stall.error);
      return FALSE;
    }
  if (si.n_imported != bench->n_cases)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Imported %u cases of %u", si.n_imported, bench->n_cases);
      return FALSE;
    }
  *value = MAX (0, stall.max_gap / 1000.0 - 5);
  return TRUE;
}

/* The work summary of the generator's last whole year as a report
 * document, before any layout: the model's share of report_year_pdf_s.
 * The median of OPEN_RUNS on one open store. */
static gboolean
report_year_model_s (Bench   *bench,
                     double  *value,
                     GError **error)
{
  g_autoptr(LinliStore) store = NULL;
  LinliReportPeriod period;
  double runs[OPEN_RUNS];
  const char *path;

  if (!(path = ensure_database (bench, error)) ||
      !(store = linli_store_open (path, error)))
    return FALSE;
  linli_report_period_init_year (&period, REPORT_YEAR);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      g_autoptr(LinliReportDoc) doc = NULL;
      LinliBenchStamp start = linli_bench_stamp ();

      if (!(doc = linli_report_build_summary (store, &period, 0, error)))
        return FALSE;
      runs[i] = linli_bench_seconds_since (start);
    }
  *value = median (runs, OPEN_RUNS);
  return TRUE;
}

/* A report from the store to a PDF in the bench's folder: building the
 * document, setting it on pages and writing them. */
static gboolean
write_report_pdf (Bench           *bench,
                  LinliReportDoc  *doc,
                  guint            min_pages,
                  GError         **error)
{
  g_autofree char *path = g_build_filename (bench->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LinliReportLayout) layout = NULL;

  if (doc == NULL)
    return FALSE;
  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  if (linli_report_layout_get_n_pages (layout) < min_pages)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Only %u pages",
                   linli_report_layout_get_n_pages (layout));
      return FALSE;
    }
  return linli_report_pdf_write_layout (layout, file, error);
}

/* The first 10,000 cases of the Cases page printed as a list. */
static gboolean
case_list_10k_pdf_s (Bench   *bench,
                     double  *value,
                     GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliRecordList) list = NULL;
  double runs[REPORT_RUNS];
  GArray *ids;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  list = linli_record_list_new (store, LINLI_TYPE_CASE, NULL, NULL, 0);
  ids = linli_record_list_get_ids (list);
  if (ids->len < REPORT_CASES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Only %u cases", ids->len);
      return FALSE;
    }

  for (guint run = 0; run < REPORT_RUNS; run++)
    {
      LinliBenchStamp start = linli_bench_stamp ();
      g_autoptr(LinliReportDoc) doc = linli_report_build_case_list (store, (const gint64 *) ids->data,
                                                                     REPORT_CASES, NULL, error);

      if (!write_report_pdf (bench, doc, 100, error))
        return FALSE;
      runs[run] = linli_bench_seconds_since (start);
    }
  *value = median (runs, REPORT_RUNS);
  return TRUE;
}

/* The work summary of a whole year of the community, or of a year with
 * no case reported in it. */
static gboolean
report_pdf (Bench   *bench,
            guint    year,
            double  *value,
            GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  LinliReportPeriod period;
  double runs[REPORT_RUNS];

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  linli_report_period_init_year (&period, year);

  for (guint run = 0; run < REPORT_RUNS; run++)
    {
      LinliBenchStamp start = linli_bench_stamp ();
      g_autoptr(LinliReportDoc) doc = linli_report_build_summary (store, &period, 0, error);

      if (!write_report_pdf (bench, doc, 2, error))
        return FALSE;
      runs[run] = linli_bench_seconds_since (start);
    }
  *value = median (runs, REPORT_RUNS);
  return TRUE;
}

static gboolean
report_year_pdf_s (Bench   *bench,
                   double  *value,
                   GError **error)
{
  return report_pdf (bench, REPORT_YEAR, value, error);
}

static gboolean
report_empty_year_pdf_s (Bench   *bench,
                         double  *value,
                         GError **error)
{
  return report_pdf (bench, EMPTY_YEAR, value, error);
}

/* ------------------------------------------------------------------------ */
/* The first window */

static int
compare_starts_by_cpu (gconstpointer a,
                       gconstpointer b)
{
  double x = ((const Start *) a)->cpu_ms, y = ((const Start *) b)->cpu_ms;
  return (x > y) - (x < y);
}

/* Starts @argv as every window here is started, with LINLI_BENCH_FIRST_FRAME
 * set, settings in memory and user data in the bench's folder: the program
 * prints "first-frame TIME" (the monotonic clock, shared by every process)
 * when its window has drawn its first frame, and exits at once, so its
 * rusage is the start's alone. */
static gboolean
start_window (Bench       *bench,
              const char **argv,
              Start       *start,
              GError     **error)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_dir = g_build_filename (bench->dir, "data", NULL);
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage = { 0, };
  int wait_status = -1;
  int out_fd = -1;
  const char *frame;
  gint64 started;
  GPid pid;
  char buf[256];
  gssize n;

  env = g_environ_setenv (env, "LINLI_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", LINLI_BENCH_SCHEMAS_DIR, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_dir, TRUE);

  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, error))
    return FALSE;
  while ((n = read (out_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, buf, n);
  close (out_fd);
  while (wait4 (pid, &wait_status, 0, &usage) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);

  frame = strstr (output->str, "first-frame ");
  if (frame == NULL || !WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s drew no window", argv[0]);
      return FALSE;
    }
  start->wall_ms = (g_ascii_strtoll (frame + strlen ("first-frame "), NULL, 10) - started) / 1000.0;
  start->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                  (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  start->rss_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
  return TRUE;
}

/* The demo community as `linli --demo` writes it, once. */
static const char *
ensure_demo (Bench   *bench,
             GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LinliStore) store = NULL;

  if (bench->demo_path != NULL)
    return bench->demo_path;
  path = g_build_filename (bench->dir, "demo.db", NULL);
  if (!(store = linli_store_open (path, error)) || !linli_demo_populate (store, now, error))
    return NULL;
  bench->demo_path = g_steal_pointer (&path);
  return bench->demo_path;
}

/* The floor, Linli on the demo and Linli on n_cases, one after the other
 * WINDOW_RUNS times after a first round that warms the disk cache and makes
 * the day's backups; each the run of median CPU time. */
static gboolean
measure_starts (Bench   *bench,
                GError **error)
{
  Start runs[N_STARTS][WINDOW_RUNS];
  const char *db_path, *demo_path;

  if (bench->have_starts)
    return TRUE;
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "no display");
      return FALSE;
    }
  if (!(db_path = ensure_database (bench, error)) || !(demo_path = ensure_demo (bench, error)))
    return FALSE;

  for (guint run = 0; run <= WINDOW_RUNS; run++)
    for (guint which = 0; which < N_STARTS; which++)
      {
        g_autofree char *database = g_strdup_printf ("--database=%s", which == START_DEMO ? demo_path : db_path);
        const char *argv[] = { which == START_FLOOR ? LINLI_BENCH_FLOOR : LINLI_BENCH_LINLI,
                               which == START_FLOOR ? NULL : database, NULL };
        Start start;

        if (!start_window (bench, argv, &start, error))
          return FALSE;
        if (run > 0)
          runs[which][run - 1] = start;
      }
  for (guint which = 0; which < N_STARTS; which++)
    {
      qsort (runs[which], WINDOW_RUNS, sizeof (Start), compare_starts_by_cpu);
      bench->starts[which] = runs[which][WINDOW_RUNS / 2];
    }
  bench->have_starts = TRUE;
  return TRUE;
}

static gboolean
first_window (Bench   *bench,
              guint    which,
              double  *value,
              GError **error)
{
  if (!measure_starts (bench, error))
    return FALSE;
  *value = bench->starts[which].wall_ms;
  linli_bench_add_cpu (bench->starts[which].cpu_ms / 1000.0);
  return TRUE;
}

static gboolean
first_window_floor_ms (Bench   *bench,
                       double  *value,
                       GError **error)
{
  return first_window (bench, START_FLOOR, value, error);
}

static gboolean
first_window_demo_ms (Bench   *bench,
                      double  *value,
                      GError **error)
{
  return first_window (bench, START_DEMO, value, error);
}

static gboolean
first_window_ms (Bench   *bench,
                 double  *value,
                 GError **error)
{
  return first_window (bench, START_CASES, value, error);
}

static gboolean
start_ratio (Bench    *bench,
             guint     which,
             gboolean  rss,
             double   *value,
             GError  **error)
{
  const Start *floor, *start;

  if (!measure_starts (bench, error))
    return FALSE;
  floor = &bench->starts[START_FLOOR];
  start = &bench->starts[which];
  *value = rss ? start->rss_mb / floor->rss_mb : start->cpu_ms / floor->cpu_ms;
  return TRUE;
}

static gboolean
first_window_floor_peak_rss_mb (Bench   *bench,
                                double  *value,
                                GError **error)
{
  if (!measure_starts (bench, error))
    return FALSE;
  *value = bench->starts[START_FLOOR].rss_mb;
  return TRUE;
}

static gboolean
first_window_peak_rss_mb (Bench   *bench,
                          double  *value,
                          GError **error)
{
  if (!measure_starts (bench, error))
    return FALSE;
  *value = bench->starts[START_CASES].rss_mb;
  return TRUE;
}

static gboolean
first_window_demo_cpu_ratio (Bench   *bench,
                             double  *value,
                             GError **error)
{
  return start_ratio (bench, START_DEMO, FALSE, value, error);
}

static gboolean
first_window_demo_peak_rss_ratio (Bench   *bench,
                                  double  *value,
                                  GError **error)
{
  return start_ratio (bench, START_DEMO, TRUE, value, error);
}

static gboolean
first_window_cpu_ratio (Bench   *bench,
                        double  *value,
                        GError **error)
{
  return start_ratio (bench, START_CASES, FALSE, value, error);
}

static gboolean
first_window_peak_rss_ratio (Bench   *bench,
                             double  *value,
                             GError **error)
{
  return start_ratio (bench, START_CASES, TRUE, value, error);
}

/* After the first frame: in linli-bench-after-start.c. */
static gboolean
after_first_frame_max_stall_ms (Bench   *bench,
                                double  *value,
                                GError **error)
{
  const char *path = ensure_database (bench, error);

  return path != NULL && linli_bench_after_first_frame_max_stall_ms (path, value, error);
}

static gboolean
after_first_frame_max_stall_thread_cpu_ms (Bench   *bench,
                                           double  *value,
                                           GError **error)
{
  const char *path = ensure_database (bench, error);

  return path != NULL && linli_bench_after_first_frame_max_stall_thread_cpu_ms (path, value, error);
}

/* The map: in linli-bench-map.c, which draws with GTK. */
static gboolean
map_pan_frame_ms (Bench   *bench,
                  double  *value,
                  GError **error)
{
  return linli_bench_map_pan_frame_ms (value, error);
}

static gboolean
map_zoom_frame_ms (Bench   *bench,
                   double  *value,
                   GError **error)
{
  return linli_bench_map_zoom_frame_ms (value, error);
}

static gboolean
map_zoom_new_level_frame_ms (Bench   *bench,
                             double  *value,
                             GError **error)
{
  return linli_bench_map_zoom_new_level_frame_ms (value, error);
}

static gboolean
marker_widgets_pan_frame_ms (Bench   *bench,
                             double  *value,
                             GError **error)
{
  return linli_bench_marker_widgets_pan_frame_ms (value, error);
}

static gboolean
pip_points_per_s (Bench   *bench,
                  double  *value,
                  GError **error)
{
  return linli_bench_pip_points_per_s (value, error);
}

/* Check grids: in linli-bench-coverage.c. */
static gboolean
grid_check_ms (Bench   *bench,
               double  *value,
               GError **error)
{
  return linli_bench_grid_check_ms (value, error);
}

static const struct
{
  const char *name;
  FigureFunc  func;
  int         decimals;
  gboolean    detail;      /* printed with --breakdown, or by --only */
} figures[] = {
  /* Each from exec to the first frame, beside a bare window's (the floor)
   * started the same way in the same run. */
  { "first_window_floor_ms",            first_window_floor_ms,            1, FALSE },
  { "first_window_floor_peak_rss_mb",   first_window_floor_peak_rss_mb,   1, FALSE },
  { "first_window_demo_ms",             first_window_demo_ms,             1, FALSE },
  { "first_window_demo_cpu_ratio",      first_window_demo_cpu_ratio,      2, FALSE },
  { "first_window_demo_peak_rss_ratio", first_window_demo_peak_rss_ratio, 2, FALSE },
  { "first_window_ms",                  first_window_ms,                  1, FALSE },
  { "first_window_peak_rss_mb",         first_window_peak_rss_mb,         1, FALSE },
  { "first_window_cpu_ratio",           first_window_cpu_ratio,           2, FALSE },
  { "first_window_peak_rss_ratio",      first_window_peak_rss_ratio,      2, FALSE },
  /* The longest the window cannot answer in the seconds after it. */
  { "after_first_frame_max_stall_ms",   after_first_frame_max_stall_ms,   1, FALSE },
  { "after_first_frame_max_stall_thread_cpu_ms", after_first_frame_max_stall_thread_cpu_ms, 1, FALSE },
  { "store_open_first_page_ms", store_open_first_page_ms, 1, FALSE },
  { "open_sqlite_ms",           open_sqlite_ms,           2, TRUE },
  { "integrity_check_ms",       integrity_check_ms,       2, TRUE },
  { "open_store_ms",            open_store_ms,            2, TRUE },
  { "open_list_ids_ms",         open_list_ids_ms,         2, TRUE },
  { "open_first_page_ms",       open_first_page_ms,       2, TRUE },
  { "case_page_fetch_ms",       case_page_fetch_ms,       1, FALSE },
  { "case_search_ms",           case_search_ms,           1, FALSE },
  { "case_search_3_chars_ms",   case_search_3_chars_ms,   1, FALSE },
  { "case_search_ready_ms",     case_search_ready_ms,     1, FALSE },
  { "case_search_build_ms",     case_search_build_ms,     1, FALSE },
  { "case_search_save_ms",      case_search_save_ms,      1, FALSE },
  { "case_search_before_index_ms", case_search_before_index_ms, 1, FALSE },
  { "case_search_before_index_answer_ms", case_search_before_index_answer_ms, 1, FALSE },
  { "case_search_bytes_per_case", case_search_bytes_per_case, 1, FALSE },
  { "case_search_rss_bytes_per_case", case_search_rss_bytes_per_case, 1, FALSE },
  { "event_search_ms",          event_search_ms,          1, FALSE },
  { "volunteer_hours_ms",       volunteer_hours_ms,       1, FALSE },
  { "gen_s",                    gen_s,                    2, FALSE },
  /* The peak of everything before it: of opening and scrolling. */
  { "peak_rss_mb",              peak_rss_mb,              1, FALSE },
  /* After it: a whole file in memory is not what the case list costs. */
  { "csv_export_s",             csv_export_s,             2, FALSE },
  { "csv_import_s",             csv_import_s,             2, FALSE },
  { "csv_import_peak_rss_mb",   csv_import_peak_rss_mb,   1, FALSE },
  { "csv_read_peak_rss_mb",     csv_read_peak_rss_mb,     1, FALSE },
  { "import_read_main_loop_max_stall_ms", import_read_main_loop_max_stall_ms, 1, FALSE },
  { "import_write_main_loop_max_stall_ms", import_write_main_loop_max_stall_ms, 1, FALSE },
  { "main_loop_max_stall_ms",   main_loop_max_stall_ms,   1, FALSE },
  { "report_main_loop_max_stall_ms", report_main_loop_max_stall_ms, 1, FALSE },
  { "case_list_10k_pdf_s",      case_list_10k_pdf_s,      2, FALSE },
  { "report_year_pdf_s",        report_year_pdf_s,        2, FALSE },
  { "report_empty_year_pdf_s",  report_empty_year_pdf_s,  2, FALSE },
  { "report_year_model_s",      report_year_model_s,      3, TRUE },
  /* 10,000 cases and 100 grids of 200 vertices in a 1280 × 800 view. */
  { "map_pan_frame_ms",            map_pan_frame_ms,            2, FALSE },
  { "map_zoom_frame_ms",           map_zoom_frame_ms,           1, FALSE },
  { "map_zoom_new_level_frame_ms", map_zoom_new_level_frame_ms, 1, FALSE },
  { "marker_widgets_pan_frame_ms", marker_widgets_pan_frame_ms, 1, FALSE },
  { "pip_points_per_s",            pip_points_per_s,            0, FALSE },
  /* Overlaps of 100 grids of 200 vertices, and 2,000 buildings in them. */
  { "grid_check_ms",               grid_check_ms,               1, FALSE },
};

/* ------------------------------------------------------------------------ */

/* --only NAME, or NAME* for every figure whose name begins so. */
static gboolean
figure_chosen (const char *name,
               const char *only)
{
  gsize n = strlen (only);

  if (n > 0 && only[n - 1] == '*')
    return strncmp (name, only, n - 1) == 0;
  return g_str_equal (name, only);
}

/* The CPU time of a figure's runs, their median, named and in the unit of
 * the figure: case_search_cpu_ms beside case_search_ms. */
static void
print_cpu (const char *name,
           const char *format,
           GArray     *samples)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean in_ms = g_str_has_suffix (name, "_ms");
  g_autofree char *base = NULL;

  if (samples->len == 0 || !(in_ms || g_str_has_suffix (name, "_s")))
    return;
  base = g_strndup (name, strlen (name) - (in_ms ? 3 : 2));
  g_print ("%s_cpu_%s: %s\n", base, in_ms ? "ms" : "s",
           g_ascii_formatd (text, sizeof text, format,
                            median ((double *) (gpointer) samples->data, samples->len) * (in_ms ? 1000 : 1)));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      if (g_file_test (file, G_FILE_TEST_IS_DIR) && !g_file_test (file, G_FILE_TEST_IS_SYMLINK))
        remove_dir (file);
      else
        g_remove (file);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  g_autofree char *database = NULL;
  int n_cases = BENCH_CASES;
  gboolean keep = FALSE, breakdown = FALSE, list = FALSE;
  Bench bench = { 0, };
  int status = EXIT_SUCCESS;
  gboolean found = FALSE;
  const GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Print only this figure, or those beginning so with NAME*", "NAME" },
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, "How many cases to generate (100000)", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Measure on this database of linli-gen instead of writing one", "FILE" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated databases", NULL },
    { "breakdown", 0, 0, G_OPTION_ARG_NONE, &breakdown, "Also print the steps of opening the case list", NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "List the figures and exit", NULL },
    { NULL }
  };

  /* As in the office, and as linli-gen writes. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure Linli");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("linli-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (list)
    {
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        g_print ("%s\n", figures[i].name);
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures) && only != NULL; i++)
    found = found || figure_chosen (figures[i].name, only);
  if (only != NULL && !found)
    {
      g_printerr ("linli-bench: no figure “%s” (--list shows them)\n", only);
      return EXIT_FAILURE;
    }

  if (n_cases < 1000)
    {
      g_printerr ("linli-bench: --cases must be at least 1000\n");
      return EXIT_FAILURE;
    }
  bench.keep = keep;
  bench.n_cases = (guint) n_cases;
  if (database != NULL)
    {
      g_autoptr(LinliStore) store = linli_store_open (database, &error);

      if (store == NULL)
        {
          g_printerr ("linli-bench: %s\n", error->message);
          return EXIT_FAILURE;
        }
      bench.n_cases = linli_store_count (store, LINLI_TYPE_CASE);
      bench.db_path = g_canonicalize_filename (database, NULL);
    }
  bench.dir = g_dir_make_tmp ("linli-bench-XXXXXX", &error);
  if (bench.dir == NULL)
    {
      g_printerr ("linli-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The case search keeps its index here, not in the user's cache. */
  {
    g_autofree char *search_dir = g_build_filename (bench.dir, "search", NULL);
    linli_case_search_set_cache_dir (search_dir);
  }

  g_print ("cases: %u\n", bench.n_cases);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];
      double value = 0;
      GArray *cpu = linli_bench_cpu_samples ();

      if (only != NULL ? !figure_chosen (figures[i].name, only) : (figures[i].detail && !breakdown))
        continue;
      g_array_set_size (cpu, 0);
      if (!figures[i].func (&bench, &value, &error) &&
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          /* A figure that cannot be measured here, such as drawing
           * without a display: said, and not a failure. */
          g_printerr ("linli-bench: %s: skipped: %s\n", figures[i].name, error->message);
          g_clear_error (&error);
          continue;
        }
      if (error != NULL)
        {
          g_printerr ("linli-bench: %s: %s\n", figures[i].name, error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
          continue;
        }
      g_snprintf (format, sizeof format, "%%.%df", figures[i].decimals);
      g_print ("%s: %s\n", figures[i].name, g_ascii_formatd (text, sizeof text, format, value));
      print_cpu (figures[i].name, format, cpu);
    }

  if (bench.keep)
    g_printerr ("linli-bench: kept %s\n", bench.dir);
  else
    remove_dir (bench.dir);
  g_free (bench.dir);
  g_free (bench.db_path);
  g_free (bench.demo_path);
  g_free (bench.csv_path);
  return status;
}
