/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-bench"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "linli-bench-coverage.h"
#include "linli-bench-map.h"
#include "linli-case-csv.h"
#include "linli-case-search.h"
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
 * add a line to figures[]. Times come from g_get_monotonic_time(). */

#define BENCH_CASES    100000
#define BENCH_SEED     20260101
#define OPEN_RUNS      5
#define FIRST_PAGE     50
#define PAGE_FETCH     100
#define REPORT_RUNS    3
#define REPORT_CASES   10000
#define REPORT_YEAR    2025

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

typedef struct
{
  char    *dir;
  char    *db_path;       /* the BENCH_CASES database, once written */
  char    *csv_path;      /* its cases exported, once written */
  double   gen_seconds;   /* how long writing it took */
  double   steps[N_STEPS];
  gboolean have_steps;
  gboolean keep;
} Bench;

typedef gboolean (*FigureFunc) (Bench   *bench,
                                double  *value,
                                GError **error);

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

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
          GError     **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  int fds[2];
  pid_t pid;
  int wait_status = -1;   /* "did not exit" if waitpid fails */
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
      gint64 start = g_get_monotonic_time ();
      gboolean ok;

      close (fds[0]);
      ok = linli_gen_write (path, n_cases, BENCH_SEED, &child_error);
      message = ok ? g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time () - start)
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
  while (waitpid (pid, &wait_status, 0) < 0 && errno == EINTR)
    ;

  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s: %s", path,
                   g_str_has_prefix (report->str, "error ") ? report->str + 6 : "the generator died");
      return FALSE;
    }
  *seconds = g_ascii_strtoll (report->str, NULL, 10) / 1e6;
  return TRUE;
}

/* The 100,000-case database: written once, by the first figure that needs it. */
static const char *
ensure_database (Bench   *bench,
                 GError **error)
{
  g_autofree char *path = NULL;

  if (bench->db_path != NULL)
    return bench->db_path;

  path = g_build_filename (bench->dir, "cases-100k.db", NULL);
  if (!generate (path, BENCH_CASES, &bench->gen_seconds, error))
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
gen_100k_s (Bench   *bench,
            double  *value,
            GError **error)
{
  if (!ensure_database (bench, error))
    return FALSE;
  *value = bench->gen_seconds;
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
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LinliStore) store = linli_store_open (path, error);
      g_autoptr(GListModel) list = NULL;

      if (store == NULL)
        return FALSE;
      list = linli_store_list (store, LINLI_TYPE_CASE);
      if (!fetch_items (list, 0, FIRST_PAGE, error))
        return FALSE;
      runs[run] = ms_since (start);
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
      gint64 start = g_get_monotonic_time ();

      if (!fetch_items (list, first, PAGE_FETCH, error))
        return FALSE;
      runs[i] = ms_since (start);
    }
  *value = median (runs, G_N_ELEMENTS (runs));
  return TRUE;
}

/* The search of the Cases page: the index is read on the first search
 * (case_search_index_ms); then each two-character word typed gives its
 * first 100 rows and the count of all matches (case_search_ms, the median
 * over several words). */
static gboolean
case_search (Bench    *bench,
             gboolean  index_only,
             double   *value,
             GError  **error)
{
  static const char *words[] = { "漏水", "物业", "充电", "楼道", "噪音", "路灯", "电梯" };
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(LinliCaseSearch) search = NULL;
  g_autoptr(LinliRecordList) list = NULL;
  double runs[G_N_ELEMENTS (words)];
  gint64 start;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  search = linli_case_search_new (store);
  list = linli_record_list_new (store, LINLI_TYPE_CASE, NULL, NULL, 0);
  linli_record_list_set_filter (list, linli_case_search_filter, g_object_ref (search), g_object_unref);

  start = g_get_monotonic_time ();
  linli_case_search_set_text (search, "社区");
  linli_record_list_refilter (list);
  if (index_only)
    {
      *value = ms_since (start);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint n_matches;

      start = g_get_monotonic_time ();
      linli_case_search_set_text (search, words[i]);
      linli_record_list_refilter (list);
      n_matches = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (!fetch_items (G_LIST_MODEL (list), 0, MIN (n_matches, 100), error))
        return FALSE;
      runs[i] = ms_since (start);
      if (n_matches == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No case contains %s", words[i]);
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
  return case_search (bench, FALSE, value, error);
}

static gboolean
case_search_index_ms (Bench   *bench,
                      double  *value,
                      GError **error)
{
  return case_search (bench, TRUE, value, error);
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
      gint64 start = g_get_monotonic_time ();

      linli_event_search_set_text (search, words[i]);
      linli_record_list_refilter (list);
      linli_event_totals_compute (&totals, store, LINLI_TYPE_ACTIVITY, list);
      if (!fetch_items (G_LIST_MODEL (list), 0, MIN (totals.n_events, 100), error))
        return FALSE;
      runs[i] = ms_since (start);
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
  gint64 start;

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  start = g_get_monotonic_time ();
  hours = linli_volunteer_hours_by_volunteer (store, NULL, NULL, error);
  if (hours == NULL)
    return FALSE;
  *value = ms_since (start);
  return TRUE;
}

static gboolean
measure_open_steps (Bench   *bench,
                    GError **error)
{
  const char *path = ensure_database (bench, error);
  double runs[N_STEPS][OPEN_RUNS];

  if (path == NULL)
    return FALSE;
  if (bench->have_steps)
    return TRUE;
  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      g_autoptr(LinliStore) store = NULL;
      g_autoptr(GListModel) list = NULL;
      sqlite3 *db = NULL;
      gint64 start = g_get_monotonic_time ();
      int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA application_id; PRAGMA user_version;"
                               " SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      runs[STEP_SQLITE_OPEN][run] = ms_since (start);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
      start = g_get_monotonic_time ();
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA quick_check(1)", NULL, NULL, NULL);
      runs[STEP_INTEGRITY_CHECK][run] = ms_since (start);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                       db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
          sqlite3_close (db);
          return FALSE;
        }
      sqlite3_close (db);

      start = g_get_monotonic_time ();
      if (!(store = linli_store_open (path, error)))
        return FALSE;
      runs[STEP_STORE_OPEN][run] = ms_since (start);
      start = g_get_monotonic_time ();
      list = linli_store_list (store, LINLI_TYPE_CASE);
      runs[STEP_LIST_IDS][run] = ms_since (start);
      start = g_get_monotonic_time ();
      if (!fetch_items (list, 0, FIRST_PAGE, error))
        return FALSE;
      runs[STEP_FIRST_PAGE][run] = ms_since (start);
    }
  for (guint s = 0; s < N_STEPS; s++)
    bench->steps[s] = median (runs[s], OPEN_RUNS);
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
  gint64 start;

  /* The check of the whole file that opening starts runs on another
   * thread: it is over before the clock starts. */
  if (path == NULL || !(store = linli_store_open (path, error)) || !linli_store_verify (store, error))
    return FALSE;
  csv_path = g_build_filename (bench->dir, "cases-100k.csv", NULL);
  file = g_file_new_for_path (csv_path);

  start = g_get_monotonic_time ();
  cases = linli_store_list (store, LINLI_TYPE_CASE);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL ||
      !linli_case_csv_export (store, cases, FALSE, G_OUTPUT_STREAM (out), NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / 1e6;

  g_free (bench->csv_path);
  bench->csv_path = g_steal_pointer (&csv_path);
  return TRUE;
}

static gboolean
csv_export_100k_s (Bench   *bench,
                   double  *value,
                   GError **error)
{
  return export_csv (bench, value, error);
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

/* Reading the exported file, checking every row and writing all of them
 * through the store in one transaction, as the import dialog does. */
static gboolean
csv_import_100k_s (Bench   *bench,
                   double  *value,
                   GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  double export_seconds;
  guint n_imported = 0;
  gint64 start;

  if (bench->csv_path == NULL && !export_csv (bench, &export_seconds, error))
    return FALSE;
  path = g_build_filename (bench->dir, "cases-import.db", NULL);
  if (!(store = open_import_target (bench, path, error)))
    return FALSE;
  file = g_file_new_for_path (bench->csv_path);

  start = g_get_monotonic_time ();
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)) ||
      !(table = linli_csv_read (bytes, error)))
    return FALSE;
  mapping = linli_case_csv_guess_mapping (table);
  if (!linli_case_csv_import (store, table, mapping, &row_errors, &n_imported, error))
    {
      if (row_errors != NULL && row_errors->len > 0)
        g_prefix_error (error, "%s … ", ((LinliCsvRowError *) g_ptr_array_index (row_errors, 0))->message);
      return FALSE;
    }
  *value = (g_get_monotonic_time () - start) / 1e6;

  if (n_imported != BENCH_CASES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Imported %u cases of %u", n_imported, BENCH_CASES);
      return FALSE;
    }
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
      gint64 start = g_get_monotonic_time ();

      if (!(doc = linli_report_build_summary (store, &period, 0, error)))
        return FALSE;
      runs[i] = (g_get_monotonic_time () - start) / 1e6;
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
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LinliReportDoc) doc = linli_report_build_case_list (store, (const gint64 *) ids->data,
                                                                     REPORT_CASES, NULL, error);

      if (!write_report_pdf (bench, doc, 100, error))
        return FALSE;
      runs[run] = (g_get_monotonic_time () - start) / 1e6;
    }
  *value = median (runs, REPORT_RUNS);
  return TRUE;
}

/* The work summary of a whole year of the community. */
static gboolean
report_year_pdf_s (Bench   *bench,
                   double  *value,
                   GError **error)
{
  const char *path = ensure_database (bench, error);
  g_autoptr(LinliStore) store = NULL;
  LinliReportPeriod period;
  double runs[REPORT_RUNS];

  if (path == NULL || !(store = linli_store_open (path, error)))
    return FALSE;
  linli_report_period_init_year (&period, REPORT_YEAR);

  for (guint run = 0; run < REPORT_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LinliReportDoc) doc = linli_report_build_summary (store, &period, 0, error);

      if (!write_report_pdf (bench, doc, 2, error))
        return FALSE;
      runs[run] = (g_get_monotonic_time () - start) / 1e6;
    }
  *value = median (runs, REPORT_RUNS);
  return TRUE;
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
  { "store_open_first_page_ms", store_open_first_page_ms, 1, FALSE },
  { "open_sqlite_ms",           open_sqlite_ms,           2, TRUE },
  { "integrity_check_ms",       integrity_check_ms,       2, TRUE },
  { "open_store_ms",            open_store_ms,            2, TRUE },
  { "open_list_ids_ms",         open_list_ids_ms,         2, TRUE },
  { "open_first_page_ms",       open_first_page_ms,       2, TRUE },
  { "case_page_fetch_ms",       case_page_fetch_ms,       1, FALSE },
  { "case_search_ms",           case_search_ms,           1, FALSE },
  { "case_search_index_ms",     case_search_index_ms,     1, FALSE },
  { "event_search_ms",          event_search_ms,          1, FALSE },
  { "volunteer_hours_ms",       volunteer_hours_ms,       1, FALSE },
  { "gen_100k_s",               gen_100k_s,               2, FALSE },
  /* The peak of everything before it: of opening and scrolling. */
  { "peak_rss_mb",              peak_rss_mb,              1, FALSE },
  /* After it: a whole file in memory is not what the case list costs. */
  { "csv_export_100k_s",        csv_export_100k_s,        2, FALSE },
  { "csv_import_100k_s",        csv_import_100k_s,        2, FALSE },
  { "case_list_10k_pdf_s",      case_list_10k_pdf_s,      2, FALSE },
  { "report_year_pdf_s",        report_year_pdf_s,        2, FALSE },
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

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
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
  gboolean keep = FALSE, breakdown = FALSE, list = FALSE;
  Bench bench = { 0, };
  int status = EXIT_SUCCESS;
  gboolean found = FALSE;
  const GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Print only this figure", "NAME" },
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
    found = found || g_str_equal (figures[i].name, only);
  if (only != NULL && !found)
    {
      g_printerr ("linli-bench: no figure “%s” (--list shows them)\n", only);
      return EXIT_FAILURE;
    }

  bench.keep = keep;
  bench.dir = g_dir_make_tmp ("linli-bench-XXXXXX", &error);
  if (bench.dir == NULL)
    {
      g_printerr ("linli-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      char format[8];
      double value = 0;

      if (only != NULL ? !g_str_equal (figures[i].name, only) : (figures[i].detail && !breakdown))
        continue;
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
    }

  if (bench.keep)
    g_printerr ("linli-bench: kept %s\n", bench.dir);
  else
    remove_dir (bench.dir);
  g_free (bench.dir);
  g_free (bench.db_path);
  g_free (bench.csv_path);
  return status;
}
