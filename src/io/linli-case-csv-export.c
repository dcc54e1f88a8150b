/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include <string.h>

#include "linli-case-csv-private.h"
#include "linli-case-rows.h"
#include "linli-mask.h"
#include "linli-record-list.h"
#include "linli-safe-file.h"

/* The export: one row per case with Chinese headers, names instead of ids
 * and labels instead of nicks, so that the file reads as a ledger (台账)
 * in Excel and WPS; reporters masked unless asked otherwise. */

/* ------------------------------------------------------------------------ */
/* What the file calls the grids, workers and buildings */

static gboolean
index_name_is_shared (Index       *index,
                      LinliRecord *record)
{
  GPtrArray *same_name = g_hash_table_lookup (index->by_name, linli_record_get_text (record, "name"));

  return same_name != NULL && same_name->len > 1;
}

/* What tells a building apart from others of its name: its grid, by name
 * unless that is shared too. */
static char *
building_qualifier (LinliRecord *building,
                    Index       *grids)
{
  LinliRecord *grid = linli_case_csv_index_get (grids, linli_record_get_int (building, "grid_id"));

  if (grid == NULL)
    return NULL;
  return g_strdup (linli_record_get_text (grid, index_name_is_shared (grids, grid) ? "code" : "name"));
}

/* What tells a worker apart from others of the same name: the phone, unless
 * it is missing or shared, else the row id. Workers are the office's own
 * staff, not residents: their phones are not masked. */
static char *
worker_qualifier (LinliRecord *worker,
                  Index       *workers)
{
  GPtrArray *same_name = g_hash_table_lookup (workers->by_name, linli_record_get_text (worker, "name"));
  const char *phone = linli_record_get_text (worker, "phone");
  gboolean unique = phone != NULL && *phone != '\0';

  for (guint i = 0; unique && i < same_name->len; i++)
    if (g_ptr_array_index (same_name, i) != worker &&
        g_strcmp0 (linli_record_get_text (g_ptr_array_index (same_name, i), "phone"), phone) == 0)
      unique = FALSE;
  if (unique)
    return g_strdup (phone);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, linli_record_get_id (worker));
}

/* Names in an exported file say which record they mean: a grid whose name
 * is shared by its code, a building or a worker by its name and what tells
 * it apart, "3号楼（第一网格）", "王芳（13812341234）". */
static void
index_label_shared (Index  *index,
                    Index  *grids,
                    Index  *workers)
{
  index->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < index->records->len; i++)
    {
      LinliRecord *record = g_ptr_array_index (index->records, i);
      g_autofree char *qualifier = NULL;

      if (!index_name_is_shared (index, record))
        continue;
      if (index == grids)
        {
          g_hash_table_insert (index->labels, &index->ids[i], g_strdup (linli_record_get_text (record, "code")));
          continue;
        }
      qualifier = index == workers ? worker_qualifier (record, workers) : building_qualifier (record, grids);
      if (qualifier != NULL)
        g_hash_table_insert (index->labels, &index->ids[i],
                             g_strdup_printf ("%s（%s）", linli_record_get_text (record, "name"), qualifier));
    }
}

/* What the file calls each record of @index, by id: its label when its name
 * is shared, else its name. One lookup a cell. */
static GHashTable *
index_names (Index *index)
{
  GHashTable *names = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < index->records->len; i++)
    {
      const char *label = g_hash_table_lookup (index->labels, &index->ids[i]);

      g_hash_table_insert (names, &index->ids[i],
                           (gpointer) (label != NULL ? label : linli_record_get_text (g_ptr_array_index (index->records, i), "name")));
    }
  return names;
}

static const char *
index_label (GHashTable *names,
             gint64      id)
{
  return id != 0 ? g_hash_table_lookup (names, &id) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Export */

/* The labels of an enumeration's nicks, looked up once an export rather
 * than translated again for every cell. */
typedef struct
{
  guint       n;
  const char *nicks[16];
  const char *labels[16];
} EnumLabels;

typedef struct
{
  LinliCsvWriter *writer;
  GTimeZone      *local;
  EnumLabels      urgency;
  EnumLabels      status;
  EnumLabels      level;
  EnumLabels      satisfaction;
  Index           grids;
  Index           workers;
  Index           buildings;
  GHashTable     *grid_names;       /* id → what the file calls it */
  GHashTable     *worker_names;
  GHashTable     *building_names;
  gint64          day;              /* of day_text, in days since 1970 */
  char            day_text[16];     /* "2026-01-05", or "" */
  gboolean        mask_personal;
} Export;

/* Days since 1970-01-01 to a date of the proleptic Gregorian calendar
 * (H. Hinnant's algorithm). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = (int) (z - era * 146097);
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

/* "2026-01-05 09:30" in the local time zone, without a GDateTime for it:
 * four times a row. Cases come in runs of one day, whose date is written
 * once. */
static void
add_time (Export     *ex,
          const char *stored)
{
  gint64 utc, local, days, minutes;
  char text[32];
  char *p;
  int hour, minute;

  if (!linli_parse_stored_time (stored, &utc))
    {
      linli_csv_writer_add (ex->writer, NULL);
      return;
    }
  local = utc + g_time_zone_get_offset (ex->local, g_time_zone_find_interval (ex->local, G_TIME_TYPE_UNIVERSAL, utc));
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  minutes = (local - days * 86400) / 60;
  hour = (int) (minutes / 60);
  minute = (int) (minutes % 60);
  if (days != ex->day || ex->day_text[0] == '\0')
    {
      int year, month, day;

      civil_from_days (days, &year, &month, &day);
      ex->day = days;
      if (year < 0 || year > 9999)
        g_snprintf (ex->day_text, sizeof ex->day_text, "%d-%02d-%02d", year, month, day);
      else
        {
          /* By hand: printf is a tenth of the export. */
          p = ex->day_text;
          *p++ = '0' + year / 1000;
          *p++ = '0' + year / 100 % 10;
          *p++ = '0' + year / 10 % 10;
          *p++ = '0' + year % 10;
          *p++ = '-';
          *p++ = '0' + month / 10;
          *p++ = '0' + month % 10;
          *p++ = '-';
          *p++ = '0' + day / 10;
          *p++ = '0' + day % 10;
          *p = '\0';
        }
    }
  p = g_stpcpy (text, ex->day_text);
  *p++ = ' ';
  *p++ = '0' + hour / 10;
  *p++ = '0' + hour % 10;
  *p++ = ':';
  *p++ = '0' + minute / 10;
  *p++ = '0' + minute % 10;
  *p = '\0';
  linli_csv_writer_add_number (ex->writer, text);
}

static const char *
urgency_label (int value)
{
  return linli_urgency_label (value);
}

static const char *
status_label (int value)
{
  return linli_case_status_label (value);
}

static const char *
level_label (int value)
{
  return value != LINLI_RESOLUTION_LEVEL_NONE ? linli_resolution_level_label (value) : NULL;
}

static const char *
satisfaction_label (int value)
{
  return value != LINLI_SATISFACTION_NONE ? linli_satisfaction_label (value) : NULL;
}

static void
enum_labels_init (EnumLabels   *labels,
                  GType         type,
                  const char *(*label) (int value))
{
  GEnumClass *klass = g_type_class_ref (type);

  g_assert (klass->n_values <= G_N_ELEMENTS (labels->nicks));
  labels->n = klass->n_values;
  for (guint i = 0; i < klass->n_values; i++)
    {
      labels->nicks[i] = klass->values[i].value_nick;
      labels->labels[i] = label (klass->values[i].value);
    }
  /* The nicks are the type's, which is never unloaded. */
  g_type_class_unref (klass);
}

/* The label of a stored nick; nothing for none ("Not resolved" and "Not
 * asked" are what an empty cell says already). */
static void
add_enum (Export           *ex,
          const EnumLabels *labels,
          const char       *nick)
{
  const char *label = NULL;

  for (guint i = 0; nick != NULL && i < labels->n; i++)
    if (strcmp (nick, labels->nicks[i]) == 0)
      {
        label = labels->labels[i];
        break;
      }
  linli_csv_writer_add (ex->writer, label);
}

static void
write_case (Export        *ex,
            LinliCaseRows *rows)
{
  LinliCsvWriter *writer = ex->writer;
  const char *name = linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_NAME);
  const char *phone = linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_PHONE);
  g_autofree char *masked_name = ex->mask_personal ? linli_mask_name (name) : NULL;
  g_autofree char *masked_phone = ex->mask_personal ? linli_mask_phone (phone) : NULL;

#define TEXT(column) linli_case_rows_get_text (rows, LINLI_CASE_ROW_##column)
#define ID(column)   linli_case_rows_get_int (rows, LINLI_CASE_ROW_##column)
  linli_csv_writer_add (writer, TEXT (NUMBER));
  linli_csv_writer_add (writer, TEXT (TITLE));
  linli_csv_writer_add (writer, TEXT (DESCRIPTION));
  linli_csv_writer_add (writer, TEXT (CATEGORY));
  linli_csv_writer_add (writer, TEXT (SUBCATEGORY));
  linli_csv_writer_add (writer, TEXT (SOURCE));
  linli_csv_writer_add (writer, ex->mask_personal ? masked_name : name);
  linli_csv_writer_add (writer, ex->mask_personal ? masked_phone : phone);
  linli_csv_writer_add (writer, index_label (ex->building_names, ID (BUILDING_ID)));
  linli_csv_writer_add (writer, TEXT (ADDRESS));
  linli_csv_writer_add (writer, index_label (ex->grid_names, ID (GRID_ID)));
  add_enum (ex, &ex->urgency, TEXT (URGENCY));
  linli_csv_writer_add (writer, index_label (ex->worker_names, ID (WORKER_ID)));
  linli_csv_writer_add (writer, TEXT (RESPONSIBLE_UNIT));
  add_time (ex, TEXT (REPORTED_AT));
  add_time (ex, TEXT (DUE_AT));
  add_enum (ex, &ex->status, TEXT (STATUS));
  add_enum (ex, &ex->level, TEXT (RESOLUTION_LEVEL));
  linli_csv_writer_add (writer, TEXT (RESOLUTION));
  add_time (ex, TEXT (RESOLVED_AT));
  add_enum (ex, &ex->satisfaction, TEXT (SATISFACTION));
  add_time (ex, TEXT (REVISITED_AT));
  linli_csv_writer_add (writer, TEXT (REVISIT_NOTES));
  linli_csv_writer_add (writer, TEXT (ORIGINAL_NUMBER));
#undef TEXT
#undef ID
}

/* The ids of @cases in order: the list's own when it is the store's,
 * without reading a row. */
/**
 * linli_case_csv_dup_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of @cases, in
 *   order: what an export in another thread is given
 */
GArray *
linli_case_csv_dup_ids (GListModel *cases)
{
  GArray *ids;
  guint n;

  if (LINLI_IS_RECORD_LIST (cases))
    {
      GArray *list_ids = linli_record_list_get_ids (LINLI_RECORD_LIST (cases));

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), list_ids->len);
      g_array_append_vals (ids, list_ids->data, list_ids->len);
      return ids;
    }
  n = g_list_model_get_n_items (cases);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      gint64 id = linli_record_get_id (record);

      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * linli_case_csv_export:
 * @cases: the #LinliCase records to write, in the order to write them: the
 *   case list as it is filtered
 * @mask_personal: whether to write reporters' names and phone numbers
 *   masked (王**, 138****1234), as everywhere outside the case editor. A
 *   file meant to be imported again needs them whole.
 * @out: where the file goes; it is flushed, not closed
 *
 * Writes cases as CSV for Excel and WPS: UTF-8 with a byte order mark, one
 * row per case under Chinese headers (linli_case_field_header()), names of
 * grids, workers and buildings, labels of statuses, times as
 * "2026-01-05 09:30" in the local time zone.
 */
/**
 * linli_case_csv_export_ids:
 * @ids: (element-type gint64): the cases, in order (linli_case_csv_dup_ids())
 * @count: (nullable): told how many are written every thousand or so, on
 *   the thread that writes
 *
 * Writes the cases of @ids to @writer, as linli_case_csv_export() does: in
 * a thread of its own, from a store of its own (%LINLI_STORE_OPEN_SNAPSHOT).
 */
gboolean
linli_case_csv_export_ids (LinliStore      *store,
                           GArray          *ids,
                           gboolean         mask_personal,
                           LinliCsvWriter  *writer,
                           LinliCountFunc   count,
                           gpointer         count_data,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(LinliCaseRows) rows = NULL;
  Export ex = { .mask_personal = mask_personal };
  gboolean ok;
  guint i = 0;

  ex.local = g_time_zone_new_local ();
  enum_labels_init (&ex.urgency, LINLI_TYPE_URGENCY, urgency_label);
  enum_labels_init (&ex.status, LINLI_TYPE_CASE_STATUS, status_label);
  enum_labels_init (&ex.level, LINLI_TYPE_RESOLUTION_LEVEL, level_label);
  enum_labels_init (&ex.satisfaction, LINLI_TYPE_SATISFACTION, satisfaction_label);
  linli_case_csv_index_init (&ex.grids, store, LINLI_TYPE_GRID);
  linli_case_csv_index_init (&ex.workers, store, LINLI_TYPE_WORKER);
  linli_case_csv_index_init (&ex.buildings, store, LINLI_TYPE_BUILDING);
  index_label_shared (&ex.grids, &ex.grids, &ex.workers);
  index_label_shared (&ex.workers, &ex.grids, &ex.workers);
  index_label_shared (&ex.buildings, &ex.grids, &ex.workers);
  ex.grid_names = index_names (&ex.grids);
  ex.worker_names = index_names (&ex.workers);
  ex.building_names = index_names (&ex.buildings);

  ex.writer = writer;
  for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
    linli_csv_writer_add (ex.writer, linli_case_field_header (f));
  ok = linli_csv_writer_end_row (ex.writer, cancellable, error);

  ok = ok && (rows = linli_case_rows_new (store, (const gint64 *) (gpointer) ids->data, ids->len, error)) != NULL;
  while (ok && linli_case_rows_next (rows, error))
    {
      if (i++ % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (count != NULL)
            count (i - 1, ids->len, count_data);
        }
      write_case (&ex, rows);
      ok = linli_csv_writer_end_row (ex.writer, cancellable, error);
    }
  /* The end of the rows, or an error reading them. */
  ok = ok && (error == NULL || *error == NULL);
  ok = ok && linli_csv_writer_finish (ex.writer, cancellable, error);

  g_time_zone_unref (ex.local);
  g_hash_table_unref (ex.grid_names);
  g_hash_table_unref (ex.worker_names);
  g_hash_table_unref (ex.building_names);
  linli_case_csv_index_clear (&ex.grids);
  linli_case_csv_index_clear (&ex.workers);
  linli_case_csv_index_clear (&ex.buildings);
  return ok;
}

/**
 * linli_case_csv_export:
 * @cases: the #LinliCase records to write, in the order to write them: the
 *   case list as it is filtered
 * @mask_personal: whether to write reporters' names and phone numbers
 *   masked (王**, 138****1234), as everywhere outside the case editor. A
 *   file meant to be imported again needs them whole.
 * @out: where the file goes; it is flushed, not closed
 *
 * Writes cases as CSV for Excel and WPS: UTF-8 with a byte order mark, one
 * row per case under Chinese headers (linli_case_field_header()), names of
 * grids, workers and buildings, labels of statuses, times as
 * "2026-01-05 09:30" in the local time zone.
 */
gboolean
linli_case_csv_export (LinliStore     *store,
                       GListModel     *cases,
                       gboolean        mask_personal,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(LinliCsvWriter) writer = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  writer = linli_csv_writer_new (out);
  return linli_case_csv_export_to_writer (store, cases, mask_personal, writer, cancellable, error);
}

/* The export's rows to @writer: to a stream, or kept for a workbook. */
gboolean
linli_case_csv_export_to_writer (LinliStore      *store,
                                 GListModel      *cases,
                                 gboolean         mask_personal,
                                 LinliCsvWriter  *writer,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), FALSE);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cases), LINLI_TYPE_CASE), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = linli_case_csv_dup_ids (cases);
  return linli_case_csv_export_ids (store, ids, mask_personal, writer, NULL, NULL, cancellable, error);
}

/* ------------------------------------------------------------------------ */
/* The export to a file, in a thread */

typedef struct
{
  char              *path;        /* of the database */
  GArray            *ids;
  gboolean           mask_personal;
  GFile             *file;
  LinliSafeFileFlags flags;
  gint               n_done;      /* atomic */
  GWeakRef           target;
  LinliProgressFunc  progress;
} FileJob;

static FileJob *
file_job_ref (FileJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
file_job_clear (FileJob *job)
{
  g_free (job->path);
  g_array_unref (job->ids);
  g_object_unref (job->file);
  g_weak_ref_clear (&job->target);
}

static void
file_job_unref (FileJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) file_job_clear);
}

typedef struct
{
  LinliStore *store;
  FileJob    *job;
} WriteData;

static void
count_cb (guint    n_done,
          guint    n_total,
          gpointer data)
{
  FileJob *job = data;

  /* Atomically: the main thread reads it. */
  g_atomic_int_set (&job->n_done, (gint) n_done);
}

static gboolean
write_file_cb (GOutputStream  *out,
               gpointer        user_data,
               GCancellable   *cancellable,
               GError        **error)
{
  WriteData *data = user_data;
  FileJob *job = data->job;

  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new (out);

  return linli_case_csv_export_ids (data->store, job->ids, job->mask_personal, writer,
                                    count_cb, job, cancellable, error);
}

static void
export_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  FileJob *job = task_data;
  GError *error = NULL;
  g_autoptr(LinliStore) snapshot = linli_store_open_full (job->path, LINLI_STORE_OPEN_SNAPSHOT, &error);
  WriteData data = { snapshot, job };
  gboolean ok;

  /* One moment of the file, whatever the window writes meanwhile. */
  ok = snapshot != NULL && linli_store_begin_read (snapshot, &error);
  if (ok)
    {
      ok = linli_safe_file_write (job->file, job->flags, write_file_cb, &data, cancellable, &error);
      linli_store_rollback (snapshot);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The progress, read from the thread that writes ten times a second. */
static gboolean
poll_progress_cb (gpointer data)
{
  FileJob *job = data;
  g_autoptr(GObject) target = g_weak_ref_get (&job->target);

  if (target != NULL && job->ids->len > 0)
    job->progress (target, (double) g_atomic_int_get (&job->n_done) / job->ids->len);
  return G_SOURCE_CONTINUE;
}

static void
export_file_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *outer = user_data;
  guint poll = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (outer), "linli-poll"));
  GError *error = NULL;

  if (poll != 0)
    g_source_remove (poll);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
  g_object_unref (outer);
}

/**
 * linli_case_csv_export_file_async:
 * @cases: as linli_case_csv_export() has them; their ids are taken now
 * @file: where to write, as linli_safe_file_write() does: cancelled or
 *   failed, it leaves what was there
 * @progress_target: (nullable): an object @progress is called with while it
 *   lives, on this thread, with the fraction done
 *
 * Writes the cases to @file in a thread of its own, read through a
 * read-only connection of its own from one moment of the database.
 */
void
linli_case_csv_export_file_async (LinliStore          *store,
                                  GListModel          *cases,
                                  gboolean             mask_personal,
                                  GFile               *file,
                                  LinliSafeFileFlags   flags,
                                  GObject             *progress_target,
                                  LinliProgressFunc    progress,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  FileJob *job;
  guint poll = 0;

  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (cases));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, linli_case_csv_export_file_async);
  /* Cancelled after the file was replaced, it says so: it was written. */
  g_task_set_check_cancellable (outer, FALSE);
  job = g_atomic_rc_box_new0 (FileJob);
  job->path = g_strdup (linli_store_get_path (store));
  job->ids = linli_case_csv_dup_ids (cases);
  job->mask_personal = mask_personal;
  job->file = g_object_ref (file);
  job->flags = flags;
  job->progress = progress;
  g_weak_ref_init (&job->target, progress_target);
  if (progress != NULL)
    poll = g_timeout_add_full (G_PRIORITY_DEFAULT, 100, poll_progress_cb,
                               file_job_ref (job), (GDestroyNotify) file_job_unref);
  g_object_set_data (G_OBJECT (outer), "linli-poll", GUINT_TO_POINTER (poll));

  inner = g_task_new (NULL, cancellable, export_file_done_cb, outer);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, (GDestroyNotify) file_job_unref);
  g_task_run_in_thread (inner, export_file_thread);
}

gboolean
linli_case_csv_export_file_finish (LinliStore    *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
