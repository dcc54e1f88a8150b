/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include "linli-case-csv-private.h"
#include "linli-mask.h"

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

static const char *
index_label (Index  *index,
             gint64  id)
{
  LinliRecord *record = linli_case_csv_index_get (index, id);
  const char *label;

  if (record == NULL)
    return NULL;
  label = g_hash_table_lookup (index->labels, &id);
  return label != NULL ? label : linli_record_get_text (record, "name");
}

/* ------------------------------------------------------------------------ */
/* Export */

/* The columns of a case the export reads, found once: 100,000 rows are
 * too many to look each one up by name. */
enum {
  COL_NUMBER, COL_TITLE, COL_DESCRIPTION, COL_CATEGORY, COL_SUBCATEGORY, COL_SOURCE,
  COL_REPORTER, COL_BUILDING, COL_ADDRESS, COL_GRID, COL_URGENCY, COL_WORKER, COL_UNIT,
  COL_REPORTED_AT, COL_DUE_AT, COL_STATUS, COL_LEVEL, COL_RESOLUTION, COL_RESOLVED_AT,
  COL_SATISFACTION, COL_REVISITED_AT, COL_REVISIT_NOTES, COL_DUPLICATE_OF,
  N_COLS
};

static const char * const export_columns[N_COLS] = {
  "number", "title", "description", "category", "subcategory", "source",
  "reporter_id", "building_id", "address", "grid_id", "urgency", "worker_id", "responsible_unit",
  "reported_at", "due_at", "status", "resolution_level", "resolution", "resolved_at",
  "satisfaction", "revisited_at", "revisit_notes", "duplicate_of",
};

typedef struct
{
  LinliCsvWriter *writer;
  GTimeZone      *local;
  guint           columns[N_COLS];
  Index           grids;
  Index           workers;
  Index           buildings;
  gboolean        mask_personal;
} Export;

#define TEXT(ex, record, col)  g_value_get_string (linli_record_peek_value (record, (ex)->columns[col]))
#define INT(ex, record, col)   g_value_get_int64 (linli_record_peek_value (record, (ex)->columns[col]))
#define ENUM(ex, record, col)  g_value_get_enum (linli_record_peek_value (record, (ex)->columns[col]))
#define TIME(ex, record, col)  ((GDateTime *) g_value_get_boxed (linli_record_peek_value (record, (ex)->columns[col])))

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
 * four times a row. */
static void
add_time (Export    *ex,
          GDateTime *time)
{
  gint64 utc, local, days, minutes;
  int year, month, day;
  char text[32];

  if (time == NULL)
    {
      linli_csv_writer_add (ex->writer, NULL);
      return;
    }
  utc = g_date_time_to_unix (time);
  local = utc + g_time_zone_get_offset (ex->local, g_time_zone_find_interval (ex->local, G_TIME_TYPE_UNIVERSAL, utc));
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  minutes = (local - days * 86400) / 60;
  civil_from_days (days, &year, &month, &day);
  g_snprintf (text, sizeof text, "%04d-%02d-%02d %02d:%02d", year, month, day,
              (int) (minutes / 60), (int) (minutes % 60));
  linli_csv_writer_add (ex->writer, text);
}

static void
write_case (Export      *ex,
            LinliRecord *record,
            LinliRecord *reporter,
            LinliRecord *original)
{
  LinliCsvWriter *writer = ex->writer;
  int level = ENUM (ex, record, COL_LEVEL);
  int satisfaction = ENUM (ex, record, COL_SATISFACTION);
  const char *name = reporter ? linli_record_get_text (reporter, "name") : NULL;
  const char *phone = reporter ? linli_record_get_text (reporter, "phone") : NULL;
  g_autofree char *masked_name = ex->mask_personal ? linli_mask_name (name) : NULL;
  g_autofree char *masked_phone = ex->mask_personal ? linli_mask_phone (phone) : NULL;

  linli_csv_writer_add (writer, TEXT (ex, record, COL_NUMBER));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_TITLE));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_DESCRIPTION));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_CATEGORY));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_SUBCATEGORY));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_SOURCE));
  linli_csv_writer_add (writer, ex->mask_personal ? masked_name : name);
  linli_csv_writer_add (writer, ex->mask_personal ? masked_phone : phone);
  linli_csv_writer_add (writer, index_label (&ex->buildings, INT (ex, record, COL_BUILDING)));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_ADDRESS));
  linli_csv_writer_add (writer, index_label (&ex->grids, INT (ex, record, COL_GRID)));
  linli_csv_writer_add (writer, linli_urgency_label (ENUM (ex, record, COL_URGENCY)));
  linli_csv_writer_add (writer, index_label (&ex->workers, INT (ex, record, COL_WORKER)));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_UNIT));
  add_time (ex, TIME (ex, record, COL_REPORTED_AT));
  add_time (ex, TIME (ex, record, COL_DUE_AT));
  linli_csv_writer_add (writer, linli_case_status_label (ENUM (ex, record, COL_STATUS)));
  /* "Not resolved" and "Not asked" are what an empty cell says already. */
  linli_csv_writer_add (writer, level != LINLI_RESOLUTION_LEVEL_NONE ? linli_resolution_level_label (level) : NULL);
  linli_csv_writer_add (writer, TEXT (ex, record, COL_RESOLUTION));
  add_time (ex, TIME (ex, record, COL_RESOLVED_AT));
  linli_csv_writer_add (writer, satisfaction != LINLI_SATISFACTION_NONE ? linli_satisfaction_label (satisfaction) : NULL);
  add_time (ex, TIME (ex, record, COL_REVISITED_AT));
  linli_csv_writer_add (writer, TEXT (ex, record, COL_REVISIT_NOTES));
  linli_csv_writer_add (writer, original ? linli_record_get_text (original, "number") : NULL);
}

static void
object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The records the cases point at one by one, each read once: a filtered
 * list of a few cases should not read every resident. */
static LinliRecord *
cached_get (LinliStore *store,
            GHashTable *cache,
            GType       type,
            gint64      id)
{
  LinliRecord *record;
  gint64 *key;

  if (id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (cache, &id, NULL, (gpointer *) &record))
    return record;
  record = linli_store_get (store, type, id, NULL);
  key = g_memdup2 (&id, sizeof id);
  g_hash_table_insert (cache, key, record);
  return record;
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
  g_autoptr(GHashTable) residents = NULL;
  g_autoptr(GHashTable) originals = NULL;
  g_autoptr(GTypeClass) case_class = NULL;
  Export ex = { .mask_personal = mask_personal };
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), FALSE);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cases), LINLI_TYPE_CASE), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  case_class = g_type_class_ref (LINLI_TYPE_CASE);
  for (guint c = 0; c < N_COLS; c++)
    {
      int column = linli_record_class_find_column (LINLI_RECORD_CLASS (case_class), export_columns[c]);
      g_assert (column >= 0);
      ex.columns[c] = (guint) column;
    }
  ex.local = g_time_zone_new_local ();
  linli_case_csv_index_init (&ex.grids, store, LINLI_TYPE_GRID);
  linli_case_csv_index_init (&ex.workers, store, LINLI_TYPE_WORKER);
  linli_case_csv_index_init (&ex.buildings, store, LINLI_TYPE_BUILDING);
  index_label_shared (&ex.grids, &ex.grids, &ex.workers);
  index_label_shared (&ex.workers, &ex.grids, &ex.workers);
  index_label_shared (&ex.buildings, &ex.grids, &ex.workers);
  residents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, object_unref0);
  originals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, object_unref0);

  ex.writer = linli_csv_writer_new (out);
  for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
    linli_csv_writer_add (ex.writer, linli_case_field_header (f));
  ok = linli_csv_writer_end_row (ex.writer, cancellable, error);

  n = g_list_model_get_n_items (cases);
  for (guint i = 0; i < n && ok; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      LinliRecord *reporter, *original;

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      reporter = cached_get (store, residents, LINLI_TYPE_RESIDENT, INT (&ex, record, COL_REPORTER));
      original = cached_get (store, originals, LINLI_TYPE_CASE, INT (&ex, record, COL_DUPLICATE_OF));
      write_case (&ex, record, reporter, original);
      ok = linli_csv_writer_end_row (ex.writer, cancellable, error);
    }
  ok = ok && linli_csv_writer_finish (ex.writer, cancellable, error);

  linli_csv_writer_free (ex.writer);
  g_time_zone_unref (ex.local);
  linli_case_csv_index_clear (&ex.grids);
  linli_case_csv_index_clear (&ex.workers);
  linli_case_csv_index_clear (&ex.buildings);
  return ok;
}

#undef TEXT
#undef INT
#undef ENUM
#undef TIME
