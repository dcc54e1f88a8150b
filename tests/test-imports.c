/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "linli-case-csv.h"
#include "linli-csv.h"
#include "linli-csv-private.h"
#include "linli-event-csv.h"
#include "linli-geojson.h"
#include "linli-store.h"
#include "test-util.h"

/* Imports that help instead of surprise: a GeoJSON file imported twice
 * updates what the first import wrote; features far from the community
 * are counted with their distance; the usual code columns are found;
 * full-width digits are read as ASCII in every importer. A case import
 * written through a writer of the store's own (as the import job does)
 * writes what the plain import writes, writes nothing when cancelled in
 * the middle, and meanwhile the store refuses its own writes and a second
 * writer, with a message. */

static const char grids_file[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"一网格\",\"QUHUADAIMA\":\"370811001001\"},"
  " \"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[116.58,35.40],[116.59,35.40],[116.59,35.41],[116.58,35.41],[116.58,35.40]]]}},"
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"２６号楼\"},"
  " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.585,35.405]}},"
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"远处的楼\"},"
  " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.95,35.40]}}"
  "]}";

static LinliGeojsonFile *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  LinliGeojsonFile *file = linli_geojson_file_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return file;
}

static void
test_code_columns (void)
{
  static const struct {
    const char *key;
    gboolean    is_code;
  } keys[] = {
    { "QUHUADAIMA", TRUE }, { "代码", TRUE }, { "编号", TRUE }, { "adcode", TRUE },
    { "code", TRUE }, { "id", TRUE }, { "区划代码", TRUE }, { "备注", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":["
                                               "{\"type\":\"Feature\",\"properties\":{\"名称\":\"一网格\",\"%s\":\"A1\"},"
                                               " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.58,35.40]}}]}",
                                               keys[i].key);
      g_autoptr(LinliGeojsonFile) file = parse (text);

      g_assert_cmpstr (linli_geojson_file_guess_code_key (file), ==, keys[i].is_code ? keys[i].key : NULL);
    }
}

static void
test_reimport (void)
{
  TestDatabase db;
  g_autoptr(LinliGeojsonFile) file = parse (grids_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) buildings = NULL;
  g_autoptr(LinliRecord) building = NULL;
  LinliGeojsonImport options = { "MC", NULL, LINLI_GRID_KIND_MANAGEMENT, LINLI_COORDS_WGS84, FALSE };
  guint n_grids, n_buildings;

  test_database_open (&db, "imports");
  options.code_key = linli_geojson_file_guess_code_key (file);
  g_assert_cmpstr (options.code_key, ==, "QUHUADAIMA");

  linli_geojson_file_count_matches (file, db.store, &options, &n_grids, &n_buildings);
  g_assert_cmpuint (n_grids + n_buildings, ==, 0);
  g_assert_true (linli_geojson_file_import (file, db.store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 1);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 2);

  /* Full-width digits in a name are read as ASCII. */
  buildings = linli_store_list (db.store, LINLI_TYPE_BUILDING);
  /* In the register's order: buildings in no grid (the far one) first. */
  building = g_list_model_get_item (buildings, 1);
  g_assert_cmpstr (linli_record_get_text (building, "name"), ==, "26号楼");

  /* The same file again: every feature matches; as it was, the grid's
   * code is refused, and with update it all updates, duplicating nothing. */
  linli_geojson_file_count_matches (file, db.store, &options, &n_grids, &n_buildings);
  g_assert_cmpuint (n_grids, ==, 1);
  g_assert_cmpuint (n_buildings, ==, 2);
  g_assert_false (linli_geojson_file_check (file, db.store, &options, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);
  g_clear_error (&error);
  options.update = TRUE;
  g_assert_true (linli_geojson_file_import (file, db.store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 1);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 2);

  test_database_close (&db);
}

static void
test_far_features (void)
{
  g_autoptr(LinliGeojsonFile) file = parse (grids_file);
  double farthest = 0;
  guint n;

  /* The community's centre in the grid: the far building is ~33 km east. */
  n = linli_geojson_file_count_far (file, LINLI_COORDS_WGS84, 35.405, 116.585, 5000, &farthest);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (farthest, >, 32000);
  g_assert_cmpfloat (farthest, <, 34000);
  n = linli_geojson_file_count_far (file, LINLI_COORDS_WGS84, 35.405, 116.585, 50000, NULL);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_csv_full_width (void)
{
  TestDatabase db;
  const char text[] = "姓名,联系电话\n王芳,１７５９８２５２９８３\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, &error);
  g_autoptr(LinliCsvMapping) mapping = NULL;
  g_autoptr(GListModel) volunteers = NULL;
  g_autoptr(LinliRecord) volunteer = NULL;
  guint n = 0;

  test_database_open (&db, "imports");
  g_assert_no_error (error);
  mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, table);
  g_assert_true (linli_event_csv_import (db.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  volunteers = linli_store_list (db.store, LINLI_TYPE_VOLUNTEER);
  volunteer = g_list_model_get_item (volunteers, 0);
  g_assert_cmpstr (linli_record_get_text (volunteer, "phone"), ==, "17598252983");
  test_database_close (&db);
}

#define N_GENERATED 3000

/* The text of a file of @n cases as an office might keep it, a reporter
 * on every third row, a few reporters more than once. With @numbers, each
 * has a number, and every 50th row is a duplicate of a case 7 rows
 * further down, as an export lists them, newest first; every 100th, that
 * one is itself a duplicate of the row between them. */
static char *
generated_text (guint    n,
                gboolean numbers)
{
  GString *text = g_string_new (numbers ? "编号,重复于," : "");

  g_string_append (text, "标题,类别,登记时间,反映人,联系电话,状态,紧急程度\n");
  for (guint i = 0; i < n; i++)
    {
      int original = -1;

      if (numbers && i % 50 == 10 && i + 20 < n)
        original = (int) i + 7;
      else if (numbers && i % 100 == 17 && i + 20 < n)
        original = (int) i - 3;
      if (numbers)
        g_string_append_printf (text, "2025-%04u,", 9000 - i);
      if (original >= 0)
        g_string_append_printf (text, "2025-%04d,", 9000 - original);
      else if (numbers)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "第%u号楼道灯不亮,%s,2025-%02u-%02u %02u:%02u,",
                              i, i % 2 ? "环境卫生" : "设施维修",
                              i % 12 + 1, i % 28 + 1, i % 24, i % 60);
      if (i % 3 == 0)
        g_string_append_printf (text, "居民%u,138%08u", i % 100, i % 100);
      else
        g_string_append_c (text, ',');
      g_string_append_printf (text, ",%s,%s\n", original >= 0 ? "重复" : i % 5 ? "已登记" : "处置中",
                              i % 7 ? "一般" : "紧急");
    }
  return g_string_free (text, FALSE);
}

static LinliCsvTable *
generated_cases (guint n)
{
  g_autofree char *text = generated_text (n, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table;

  bytes = g_bytes_new (text, strlen (text));
  table = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, n);
  return table;
}

/* The cases of @store, one line each, in the order of their ids. */
static char *
describe_cases (LinliStore *store)
{
  g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      g_autoptr(LinliRecord) reporter = NULL;
      gint64 reporter_id = linli_record_get_int (record, "reporter_id");

      if (reporter_id != 0)
        reporter = linli_store_get (store, LINLI_TYPE_RESIDENT, reporter_id, NULL);
      g_string_append_printf (text, "%s|%s|%s|%" G_GINT64_FORMAT "|%d|%d|%" G_GINT64_FORMAT "|%s|%s\n",
                              linli_record_get_text (record, "number"),
                              linli_record_get_text (record, "title"),
                              linli_record_get_text (record, "category"),
                              g_date_time_to_unix (linli_record_get_datetime (record, "reported_at")),
                              linli_record_get_enum (record, "status"),
                              linli_record_get_enum (record, "urgency"),
                              linli_record_get_int (record, "duplicate_of"),
                              reporter ? linli_record_get_text (reporter, "name") : "",
                              reporter ? linli_record_get_text (reporter, "phone") : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char busy_message[] = "Cases are being imported.";

static void
count_changes_cb (LinliStore  *store,
                  GType        type,
                  LinliChange  change,
                  gint64       id,
                  guint       *n_resets)
{
  if (change == LINLI_CHANGE_RESET)
    (*n_resets)++;
}

/* Through a writer in a thread, as the import job does, the same cases
 * and residents as linli_case_csv_import() on the store itself; the views
 * hear of them when the writer closes. */
static void
test_case_import_writer_same (void)
{
  TestDatabase plain, threaded;
  g_autoptr(LinliCsvTable) table = generated_cases (N_GENERATED);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  g_autoptr(LinliStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  GType types[] = { LINLI_TYPE_RESIDENT, LINLI_TYPE_CASE };
  guint n = 0, n_resets = 0;

  test_demo_open (&plain, "imports-plain");
  test_demo_open (&threaded, "imports-threaded");

  g_assert_true (linli_case_csv_import (plain.store, table, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_GENERATED);
  expected = describe_cases (plain.store);

  g_signal_connect (threaded.store, "changed::case_record", G_CALLBACK (count_changes_cb), &n_resets);
  writer = linli_store_open_writer (threaded.store, busy_message, &error);
  g_assert_no_error (error);
  n = 0;
  g_assert_true (linli_case_csv_import_full (writer, table, mapping, NULL, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_GENERATED);
  g_assert_cmpuint (n_resets, ==, 0);
  linli_store_close_writer (threaded.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  g_assert_cmpuint (n_resets, ==, 1);

  got = describe_cases (threaded.store);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (linli_store_count (threaded.store, LINLI_TYPE_RESIDENT), ==,
                    linli_store_count (plain.store, LINLI_TYPE_RESIDENT));
  test_database_close (&plain);
  test_database_close (&threaded);
}

typedef struct
{
  LinliStore    *writer;
  LinliCsvTable *table;
  LinliCaseField *mapping;
  TestCancelAt  *cancelling;
  GError        *error;
  gboolean       ok;
} ThreadImport;

static gpointer
import_thread (gpointer data)
{
  ThreadImport *ti = data;

  ti->ok = linli_case_csv_import_full (ti->writer, ti->table, ti->mapping,
                                       test_cancel_at_cb, ti->cancelling, ti->cancelling->cancellable,
                                       NULL, NULL, &ti->error);
  return NULL;
}

/* Cancelled while it writes, in its own thread, the import leaves the file
 * exactly as it was; meanwhile the store refuses its own writes and a
 * second import with the message given, and writes again afterwards. */
static void
test_case_import_writer_cancel (void)
{
  TestDatabase db;
  g_autoptr(LinliCsvTable) table = generated_cases (N_GENERATED);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (table);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TestCancelAt cancelling = { cancellable, 1024, 0 };
  ThreadImport ti = { NULL, table, mapping, &cancelling, NULL, FALSE };
  GThread *thread;
  guint n_residents;

  test_demo_open (&db, "imports-cancel");
  before = describe_cases (db.store);
  n_residents = linli_store_count (db.store, LINLI_TYPE_RESIDENT);

  ti.writer = linli_store_open_writer (db.store, busy_message, &error);
  g_assert_no_error (error);
  g_assert_true (linli_store_is_busy (db.store));

  /* A second import is refused, and so is an edit in the window. */
  second = linli_store_open_writer (db.store, "another", &error);
  g_assert_null (second);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, busy_message);
  g_clear_error (&error);
  linli_record_set_text (resident, "name", "王芳");
  g_assert_false (linli_store_insert (db.store, resident, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, busy_message);
  g_clear_error (&error);

  thread = g_thread_new ("import", import_thread, &ti);
  g_thread_join (thread);
  g_assert_false (ti.ok);
  g_assert_error (ti.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&ti.error);
  /* It was stopped inside the transaction, with rows written. */
  g_assert_cmpuint (cancelling.last, >=, cancelling.cancel_at);
  g_assert_cmpuint (cancelling.last, <, N_GENERATED);
  /* The writer's own connection sees nothing of them. */
  g_assert_cmpuint (linli_store_count (ti.writer, LINLI_TYPE_RESIDENT), ==, n_residents);
  after = describe_cases (ti.writer);
  g_assert_cmpstr (after, ==, before);
  linli_store_close_writer (db.store, g_steal_pointer (&ti.writer), NULL, 0);

  g_assert_false (linli_store_is_busy (db.store));
  g_clear_pointer (&after, g_free);
  after = describe_cases (db.store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_RESIDENT), ==, n_residents);
  g_assert_true (linli_store_insert (db.store, resident, &error));
  g_assert_no_error (error);
  test_database_close (&db);
}

static char *
describe_volunteers (LinliStore *store)
{
  g_autoptr(GListModel) volunteers = linli_store_list (store, LINLI_TYPE_VOLUNTEER);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (volunteers); i++)
    {
      g_autoptr(LinliRecord) volunteer = g_list_model_get_item (volunteers, i);

      g_string_append_printf (text, "%s|%s|%s\n", linli_record_get_text (volunteer, "name"),
                              linli_record_get_text (volunteer, "phone"),
                              linli_record_get_text (volunteer, "skills"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The volunteers import, through a writer as its job does, writes what the
 * import on the store writes; cancelled while it writes, nothing. */
static void
test_event_import_writer (void)
{
  TestDatabase plain, threaded;
  g_autoptr(LinliCsvTable) table = test_volunteers_csv (1000);
  g_autoptr(LinliCsvMapping) mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, table);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LinliStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GType types[] = { LINLI_TYPE_VOLUNTEER };
  TestCancelAt cancelling = { cancellable, 128, 0 };
  guint n = 0;

  test_demo_open (&plain, "imports-events-plain");
  test_demo_open (&threaded, "imports-events-threaded");

  g_assert_true (linli_event_csv_import (plain.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1000);
  expected = describe_volunteers (plain.store);

  /* Cancelled on the way: the file is as it was. */
  before = describe_volunteers (threaded.store);
  writer = linli_store_open_writer (threaded.store, busy_message, &error);
  g_assert_no_error (error);
  n = 0;
  g_assert_false (linli_event_csv_import_full (writer, LINLI_EVENT_CSV_VOLUNTEERS, mapping,
                                               test_cancel_at_cb, &cancelling, cancellable, NULL, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (cancelling.last, >=, 128);
  g_assert_cmpuint (cancelling.last, <, 1000);
  g_assert_cmpuint (n, ==, 0);
  linli_store_close_writer (threaded.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  after = describe_volunteers (threaded.store);
  g_assert_cmpstr (after, ==, before);

  /* Written: the same volunteers as without the writer. */
  writer = linli_store_open_writer (threaded.store, busy_message, &error);
  g_assert_no_error (error);
  g_assert_true (linli_event_csv_import_full (writer, LINLI_EVENT_CSV_VOLUNTEERS, mapping,
                                              NULL, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1000);
  linli_store_close_writer (threaded.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  got = describe_volunteers (threaded.store);
  g_assert_cmpstr (got, ==, expected);

  test_database_close (&plain);
  test_database_close (&threaded);
}

/* A preview of @text written to a file in @dir, read @chunk bytes at a
 * time (now and when it is imported), so that a file of a few thousand
 * rows is many batches. */
static LinliCsvTable *
preview_of (const char *dir,
            const char *text,
            gsize       chunk)
{
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  table = linli_csv_read_preview_full (file, 3, chunk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), <=, 3);
  return table;
}

static void
remove_preview (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);

  g_unlink (path);
  g_rmdir (dir);
}

/* Imported from a preview, read again a batch at a time, a file writes
 * the same cases, numbers, duplicates and reporters, in the same order,
 * as read whole: duplicates before the cases they repeat (and those
 * before the ones they repeat) included. */
static void
test_case_import_preview_same (void)
{
  g_autofree char *dir = g_dir_make_tmp ("linli-imports-XXXXXX", NULL);
  g_autofree char *text = generated_text (N_GENERATED, TRUE);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(LinliCsvTable) whole = linli_csv_read (bytes, NULL);
  g_autoptr(LinliCsvTable) preview = preview_of (dir, text, 4096);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (whole);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  TestDatabase plain, streamed;
  guint n = 0;

  g_assert_cmpuint (linli_csv_table_get_n_file_rows (preview), ==, N_GENERATED);
  test_demo_open (&plain, "imports-whole");
  test_demo_open (&streamed, "imports-streamed");

  g_assert_true (linli_case_csv_import (plain.store, whole, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_GENERATED);
  g_clear_pointer (&row_errors, g_ptr_array_unref);
  expected = describe_cases (plain.store);
  /* The duplicates do repeat cases of the file. */
  g_assert_nonnull (strstr (expected, "|8|"));

  n = 0;
  g_assert_true (linli_case_csv_import (streamed.store, preview, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_GENERATED);
  got = describe_cases (streamed.store);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (linli_store_count (streamed.store, LINLI_TYPE_RESIDENT), ==,
                    linli_store_count (plain.store, LINLI_TYPE_RESIDENT));

  test_database_close (&plain);
  test_database_close (&streamed);
  g_clear_pointer (&preview, linli_csv_table_unref);
  remove_preview (dir);
}

/* A wrong row at the very end of a file read a batch at a time is found,
 * named by its line, and nothing is written; of many wrong rows the first
 * thousand are listed, all of them counted. */
static void
test_case_import_late_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("linli-imports-XXXXXX", NULL);
  g_autofree char *good = generated_text (N_GENERATED, FALSE);
  g_autofree char *text = g_strconcat (good, ",环境卫生,2025-01-05 09:30,,,,\n", NULL);
  g_autoptr(LinliCsvTable) preview = preview_of (dir, text, 4096);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (preview);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) many = g_string_new ("标题,类别,登记时间\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LinliCsvRowError *last;
  TestDatabase db;
  guint n = 1, n_residents;

  test_demo_open (&db, "imports-late");
  before = describe_cases (db.store);
  n_residents = linli_store_count (db.store, LINLI_TYPE_RESIDENT);

  g_assert_false (linli_case_csv_import (db.store, preview, mapping, &row_errors, &n, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (row_errors->len, ==, 1);
  last = row_errors->pdata[0];
  g_assert_cmpuint (last->line, ==, N_GENERATED + 2);
  g_assert_cmpstr (last->message, ==, "Line 3002: the title is empty.");
  after = describe_cases (db.store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_RESIDENT), ==, n_residents);
  g_clear_error (&error);
  g_clear_pointer (&row_errors, g_ptr_array_unref);
  g_clear_pointer (&preview, linli_csv_table_unref);

  /* 1,500 rows without a category: a thousand errors listed. */
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (many, "楼道灯不亮%u,,2025-01-05 09:30\n", i);
  preview = preview_of (dir, many->str, 4096);
  g_assert_false (linli_case_csv_import (db.store, preview, mapping, &row_errors, &n, &error));
  g_assert_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS);
  g_assert_cmpstr (error->message, ==, "1500 rows of the file are not right. Nothing was imported.");
  g_assert_cmpuint (row_errors->len, ==, 1000);
  g_assert_cmpuint (((LinliCsvRowError *) row_errors->pdata[999])->line, ==, 1001);
  g_clear_pointer (&after, g_free);
  after = describe_cases (db.store);
  g_assert_cmpstr (after, ==, before);

  test_database_close (&db);
  remove_preview (dir);
}

typedef struct
{
  const char *path;
  long        offset;     /* of the byte to change, or -1 once it is */
  guint       change_at;
} Changing;

/* Changes a byte of the file in place, as an editor saving over it does,
 * once @change_at rows are written. */
static void
change_file_cb (guint    n_done,
                guint    n_total,
                gpointer user_data)
{
  Changing *changing = user_data;
  FILE *file;

  if (n_done < changing->change_at || changing->offset < 0)
    return;
  file = fopen (changing->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, changing->offset, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('X', file), ==, 'X');
  g_assert_cmpint (fclose (file), ==, 0);
  changing->offset = -1;
}

/* A file changed after its preview was read, or while it is written, is
 * refused with a message that says so, and nothing is written. */
static void
test_case_import_changed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("linli-imports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cases.csv", NULL);
  g_autofree char *text = generated_text (N_GENERATED, TRUE);
  g_autofree char *changed = g_strdup (text);
  g_autoptr(LinliCsvTable) preview = preview_of (dir, text, 4096);
  g_autofree LinliCaseField *mapping = linli_case_csv_guess_mapping (preview);
  g_autoptr(LinliStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Changing changing = { path, (long) (strstr (text, "第2999号") - text), 2048 };
  TestDatabase db;
  guint n = 1, n_residents;

  test_demo_open (&db, "imports-changed");
  before = describe_cases (db.store);
  n_residents = linli_store_count (db.store, LINLI_TYPE_RESIDENT);

  /* One title changed, far down the file, after the preview. */
  *strstr (changed, "第2999号") = 'X';
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_false (linli_case_csv_import (db.store, preview, mapping, NULL, &n, &error));
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_CHANGED);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  /* Longer: more rows than the preview counted. */
  g_clear_pointer (&changed, g_free);
  changed = g_strconcat (text, text + strcspn (text, "\n") + 1, NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_false (linli_case_csv_import (db.store, preview, mapping, NULL, &n, &error));
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_CHANGED);
  g_clear_error (&error);

  /* Put back, it imports; changed while it is written, it does not. */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  writer = linli_store_open_writer (db.store, busy_message, &error);
  g_assert_no_error (error);
  g_assert_false (linli_case_csv_import_full (writer, preview, mapping, change_file_cb, &changing,
                                              NULL, NULL, &n, &error));
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, "The file was changed since it was read. Open it again to import it.");
  g_assert_cmpint (changing.offset, ==, -1);
  linli_store_close_writer (db.store, g_steal_pointer (&writer), NULL, 0);
  after = describe_cases (db.store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_RESIDENT), ==, n_residents);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (linli_case_csv_import (db.store, preview, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_GENERATED);

  test_database_close (&db);
  g_unlink (path);
  g_rmdir (dir);
}

/* Volunteers imported from a preview, read again a batch at a time, are
 * those of the whole file; a wrong last row is named and nothing is
 * written. */
static void
test_event_import_preview (void)
{
  g_autofree char *dir = g_dir_make_tmp ("linli-imports-XXXXXX", NULL);
  g_autoptr(GString) text = g_string_new ("姓名,联系电话,技能\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinliCsvTable) whole = NULL;
  g_autoptr(LinliCsvTable) preview = NULL;
  g_autoptr(LinliCsvMapping) whole_mapping = NULL;
  g_autoptr(LinliCsvMapping) mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  TestDatabase plain, streamed;
  LinliCsvRowError *last;
  guint n = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "志愿者%u,138%08u,%s\n", i, i, i % 3 ? "理发" : "");
  bytes = g_bytes_new (text->str, text->len);
  whole = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  preview = preview_of (dir, text->str, 1024);
  whole_mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, whole);
  mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, preview);

  test_demo_open (&plain, "imports-volunteers-whole");
  test_demo_open (&streamed, "imports-volunteers-streamed");
  g_assert_true (linli_event_csv_import (plain.store, LINLI_EVENT_CSV_VOLUNTEERS, whole_mapping, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2000);
  expected = describe_volunteers (plain.store);
  n = 0;
  g_assert_true (linli_event_csv_import (streamed.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2000);
  got = describe_volunteers (streamed.store);
  g_assert_cmpstr (got, ==, expected);

  /* One more row, without a name, at the end. */
  g_string_append (text, ",13900000000,理发\n");
  g_clear_pointer (&preview, linli_csv_table_unref);
  g_clear_object (&mapping);
  preview = preview_of (dir, text->str, 1024);
  mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, preview);
  g_assert_false (linli_event_csv_import (plain.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, &row_errors, &n, &error));
  g_assert_error (error, LINLI_EVENT_CSV_ERROR, LINLI_EVENT_CSV_ERROR_ROWS);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (row_errors->len, ==, 1);
  last = row_errors->pdata[0];
  g_assert_cmpstr (last->message, ==, "Line 2002: the name is empty.");
  g_clear_pointer (&got, g_free);
  got = describe_volunteers (plain.store);
  g_assert_cmpstr (got, ==, expected);

  test_database_close (&plain);
  test_database_close (&streamed);
  g_clear_pointer (&preview, linli_csv_table_unref);
  g_clear_object (&mapping);
  remove_preview (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/imports/geojson/code-columns", test_code_columns);
  g_test_add_func ("/imports/geojson/reimport", test_reimport);
  g_test_add_func ("/imports/geojson/far-features", test_far_features);
  g_test_add_func ("/imports/csv/full-width", test_csv_full_width);
  g_test_add_func ("/imports/cases/writer-same", test_case_import_writer_same);
  g_test_add_func ("/imports/cases/writer-cancel", test_case_import_writer_cancel);
  g_test_add_func ("/imports/events/writer", test_event_import_writer);
  g_test_add_func ("/imports/cases/preview-same", test_case_import_preview_same);
  g_test_add_func ("/imports/cases/late-error", test_case_import_late_error);
  g_test_add_func ("/imports/cases/changed", test_case_import_changed);
  g_test_add_func ("/imports/events/preview", test_event_import_preview);
  return g_test_run ();
}
