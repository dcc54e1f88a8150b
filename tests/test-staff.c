/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "linli-csv.h"
#include "linli-event-csv.h"
#include "linli-staff-csv.h"
#include "linli-staff.h"
#include "linli-store.h"
#include "linli-text.h"
#include "test-util.h"

/* The staff register: people added, edited and marked as left; who left
 * keeps their name on old cases and is no longer offered for new work;
 * people imported from CSV; full-width digits folded. */

static LinliRecord *
add_grid (LinliStore *store,
          const char *code,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  LinliRecord *grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  g_assert_true (linli_store_insert (store, grid, &error));
  g_assert_no_error (error);
  return grid;
}

static LinliRecord *
add_worker (LinliStore      *store,
            const char      *name,
            LinliWorkerRole  role,
            LinliRecord     *grid)
{
  g_autoptr(GError) error = NULL;
  LinliRecord *worker = linli_record_new (LINLI_TYPE_WORKER);
  gint64 grid_id = grid ? linli_record_get_id (grid) : 0;

  linli_record_set_text (worker, "name", name);
  linli_record_set_enum (worker, "role", role);
  linli_record_set_text (worker, "phone", "１３８１２３４５６７８");
  linli_record_set_refs (worker, "grids", &grid_id, grid ? 1 : 0);
  linli_worker_normalize (worker);
  g_assert_true (linli_staff_save (store, NULL, worker, &error));
  g_assert_no_error (error);
  return worker;
}

static void
test_staff_add_edit (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) grid = NULL;
  g_autoptr(LinliRecord) worker = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(LinliRecord) stored_grid = NULL;
  g_autoptr(LinliRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  LinliWorkerErrors errors = { 0 };
  GArray *refs;

  test_database_open (&db, "staff");
  grid = add_grid (db.store, "W-01", "一网格");
  worker = add_worker (db.store, "张蕾", LINLI_WORKER_ROLE_GRID_WORKER, grid);

  stored = linli_store_get (db.store, LINLI_TYPE_WORKER, linli_record_get_id (worker), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (linli_record_get_text (stored, "phone"), ==, "13812345678");
  g_assert_true (linli_worker_is_active (stored));
  /* The grid names its worker: the link is one, seen from both sides. */
  stored_grid = linli_store_get (db.store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
  refs = linli_record_get_refs (stored_grid, "workers");
  g_assert_cmpuint (refs->len, ==, 1);
  g_assert_cmpint (g_array_index (refs, gint64, 0), ==, linli_record_get_id (worker));

  /* A role of the office's own needs its name. */
  edited = linli_record_copy (stored);
  linli_record_set_enum (edited, "role", LINLI_WORKER_ROLE_OTHER);
  g_assert_false (linli_worker_validate (edited, &errors));
  g_assert_nonnull (errors.role_title);
  linli_worker_errors_clear (&errors);
  linli_record_set_text (edited, "role_title", "楼长");
  g_assert_true (linli_worker_validate (edited, &errors));
  g_assert_true (linli_staff_save (db.store, stored, edited, &error));
  g_assert_no_error (error);
  label = linli_worker_dup_role_label (edited);
  g_assert_cmpstr (label, ==, "楼长");

  /* An empty name and a wrong phone are refused. */
  linli_record_set_text (edited, "name", "  ");
  linli_record_set_text (edited, "phone", "12345");
  g_assert_false (linli_worker_validate (edited, &errors));
  g_assert_nonnull (errors.name);
  g_assert_nonnull (errors.phone);
  linli_worker_errors_clear (&errors);

  test_database_close (&db);
}

static void
test_staff_mark_left (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) grid = NULL;
  g_autoptr(LinliRecord) left = NULL;
  g_autoptr(LinliRecord) staying = NULL;
  g_autoptr(LinliRecord) kase = NULL;
  g_autoptr(LinliRecord) after = NULL;
  g_autoptr(LinliRecord) stored_case = NULL;
  g_autoptr(LinliRecord) stored_grid = NULL;
  g_autoptr(LinliRecord) undone = NULL;
  g_autoptr(GListModel) offered = NULL;
  g_autoptr(GListModel) offered_for_case = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;

  test_database_open (&db, "staff");
  grid = add_grid (db.store, "W-01", "一网格");
  left = add_worker (db.store, "张蕾", LINLI_WORKER_ROLE_GRID_WORKER, grid);
  staying = add_worker (db.store, "杨帆", LINLI_WORKER_ROLE_FULL_TIME, grid);

  kase = linli_record_new (LINLI_TYPE_CASE);
  linli_record_set_text (kase, "number", "2026-0001");
  linli_record_set_text (kase, "title", "3号楼漏水");
  linli_record_set_text (kase, "category", "水电维修");
  linli_record_set_text (kase, "source", "网格巡查");
  linli_record_set_datetime (kase, "reported_at", now);
  linli_record_set_enum (kase, "status", LINLI_CASE_STATUS_ASSIGNED);
  linli_record_set_int (kase, "worker_id", linli_record_get_id (left));
  g_assert_true (linli_store_insert (db.store, kase, &error));
  g_assert_no_error (error);

  g_assert_true (linli_staff_mark_left (db.store, left, now, &error));
  g_assert_no_error (error);

  after = linli_store_get (db.store, LINLI_TYPE_WORKER, linli_record_get_id (left), NULL);
  g_assert_false (linli_worker_is_active (after));
  g_assert_true (g_date_time_equal (linli_record_get_datetime (after, "left_at"), now));
  g_assert_cmpstr (linli_record_get_text (after, "name"), ==, "张蕾");
  /* The old case still names them. */
  stored_case = linli_store_get (db.store, LINLI_TYPE_CASE, linli_record_get_id (kase), NULL);
  g_assert_cmpint (linli_record_get_int (stored_case, "worker_id"), ==, linli_record_get_id (left));
  /* They serve no grid any more. */
  stored_grid = linli_store_get (db.store, LINLI_TYPE_GRID, linli_record_get_id (grid), NULL);
  g_assert_cmpuint (linli_record_get_refs (stored_grid, "workers")->len, ==, 1);
  /* New work is offered to the one who stayed alone, but a case that
   * names the one who left still shows them. */
  offered = linli_staff_list_active (db.store, 0);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 1);
  offered_for_case = linli_staff_list_active (db.store, linli_record_get_id (left));
  g_assert_cmpuint (g_list_model_get_n_items (offered_for_case), ==, 2);

  /* Undo writes them back as they were, with their grid. */
  g_assert_true (linli_staff_save (db.store, after, left, &error));
  g_assert_no_error (error);
  undone = linli_store_get (db.store, LINLI_TYPE_WORKER, linli_record_get_id (left), NULL);
  g_assert_true (linli_worker_is_active (undone));
  g_assert_cmpuint (linli_record_get_refs (undone, "grids")->len, ==, 1);

  test_database_close (&db);
}

static LinliCsvTable *
table_of (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table = linli_csv_read (bytes, &error);

  g_assert_no_error (error);
  return table;
}

static void
test_staff_csv (void)
{
  TestDatabase db;
  g_autoptr(LinliRecord) grid = NULL;
  g_autoptr(LinliCsvTable) table = NULL;
  g_autoptr(LinliCsvTable) wrong = NULL;
  g_autoptr(LinliCsvMapping) mapping = NULL;
  g_autoptr(LinliCsvMapping) wrong_mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(LinliRecord) first = NULL;
  g_autoptr(LinliRecord) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  test_database_open (&db, "staff");
  grid = add_grid (db.store, "DF-01", "一网格");

  table = table_of ("姓名,职务,手机号码,所属网格\n"
                    "张蕾,网格员,１３８１２３４５６７８,DF-01\n"
                    "韩立群,社区两委,,\n"
                    "王刚,楼长,0537-1234567,一网格\n");
  mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_STAFF, table);
  g_assert_true (linli_event_csv_import (db.store, LINLI_EVENT_CSV_STAFF, mapping, &row_errors, &n, &error));
  g_assert_no_error (error);
  g_assert_null (row_errors);
  g_assert_cmpuint (n, ==, 3);

  workers = linli_store_list (db.store, LINLI_TYPE_WORKER);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 3);
  /* In the register's order: by role, as the file stores it. */
  first = g_list_model_get_item (workers, 1);
  g_assert_cmpstr (linli_record_get_text (first, "name"), ==, "张蕾");
  g_assert_cmpstr (linli_record_get_text (first, "phone"), ==, "13812345678");
  g_assert_cmpuint (linli_record_get_refs (first, "grids")->len, ==, 1);
  last = g_list_model_get_item (workers, 2);
  g_assert_cmpint (linli_record_get_enum (last, "role"), ==, LINLI_WORKER_ROLE_OTHER);
  g_assert_cmpstr (linli_record_get_text (last, "role_title"), ==, "楼长");

  /* All rows or none: a person already registered, an unknown grid and a
   * wrong phone name their lines and nothing is written. */
  wrong = table_of ("姓名,角色,电话,负责网格\n"
                    "李秀梅,民情书记,13900000000,\n"
                    "张蕾,网格员,13812345678,\n"
                    "周志强,网格员,139,二网格\n");
  wrong_mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_STAFF, wrong);
  g_assert_false (linli_event_csv_import (db.store, LINLI_EVENT_CSV_STAFF, wrong_mapping, &row_errors, &n, &error));
  g_assert_error (error, LINLI_EVENT_CSV_ERROR, LINLI_EVENT_CSV_ERROR_ROWS);
  g_assert_cmpuint (row_errors->len, ==, 3);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_WORKER), ==, 3);

  test_database_close (&db);
}

/* @n people, one a row, with a name and a phone of their own. */
static LinliCsvTable *
many_staff (guint n)
{
  g_autoptr(GString) text = g_string_new ("姓名,职务,手机号码\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "人员%u,网格员,138%08u\n", i, i);
  return table_of (text->str);
}

/* Through a writer of the store's own, as the import's job does: cancelled
 * in the middle of the write, no one is added; otherwise everyone is, each
 * told as they are written. */
static void
test_staff_csv_cancel (void)
{
  TestDatabase db;
  g_autoptr(LinliCsvTable) table = many_staff (500);
  g_autoptr(LinliCsvMapping) mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_STAFF, table);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LinliStore) writer = NULL;
  g_autoptr(LinliRecord) there = NULL;
  g_autoptr(GError) error = NULL;
  const GType types[] = { LINLI_TYPE_WORKER, LINLI_TYPE_GRID };
  TestCancelAt cancelling = { cancellable, 100, 0 };
  guint n = 0;

  test_database_open (&db, "staff-cancel");
  there = add_worker (db.store, "韩立群", LINLI_WORKER_ROLE_COMMITTEE_MEMBER, NULL);

  writer = linli_store_open_writer (db.store, "Importing.", &error);
  g_assert_no_error (error);
  g_assert_false (linli_event_csv_import_full (writer, LINLI_EVENT_CSV_STAFF, mapping, test_cancel_at_cb, &cancelling,
                                               cancellable, NULL, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* Stopped inside the transaction, with people written. */
  g_assert_cmpuint (cancelling.last, ==, 100);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (linli_store_count (writer, LINLI_TYPE_WORKER), ==, 1);
  linli_store_close_writer (db.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_WORKER), ==, 1);

  g_cancellable_reset (cancellable);
  cancelling.cancel_at = 0;
  writer = linli_store_open_writer (db.store, "Importing.", &error);
  g_assert_no_error (error);
  g_assert_true (linli_staff_csv_run_full (writer, mapping, TRUE, test_cancel_at_cb, &cancelling, cancellable,
                                           NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cancelling.last, ==, 500);
  g_assert_cmpuint (n, ==, 500);
  linli_store_close_writer (db.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_WORKER), ==, 501);

  test_database_close (&db);
}

static void
test_fold_width (void)
{
  static const struct {
    const char *in;
    LinliWidthFold fold;
    const char *out;
  } cases[] = {
    { "１７５９８２５２９８３", LINLI_WIDTH_NUMBER, "17598252983" },
    { "２０２５-０６-０３ ０８:２５", LINLI_WIDTH_NUMBER, "2025-06-03 08:25" },
    { "２０２５－０６－０３　０８：２５", LINLI_WIDTH_NUMBER, "2025-06-03 08:25" },
    { "２６号楼", LINLI_WIDTH_TEXT, "26号楼" },
    { "３－２－５０１室", LINLI_WIDTH_TEXT, "3-2-501室" },
    { "Ａ座（东）", LINLI_WIDTH_TEXT, "A座（东）" },
    /* Prose keeps its full-width punctuation. */
    { "漏水，已报物业：尽快处理", LINLI_WIDTH_TEXT, "漏水，已报物业：尽快处理" },
    { "", LINLI_WIDTH_TEXT, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = linli_text_fold_width (cases[i].in, cases[i].fold);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (linli_text_fold_width (NULL, LINLI_WIDTH_TEXT));
  g_assert_true (linli_text_has_wide ("２６号楼"));
  g_assert_false (linli_text_has_wide ("26号楼，东"));
}

/* Whether folding changes @text, asked both ways. */
static void
assert_folds_as_fold (const char     *text,
                      gsize           length,
                      LinliWidthFold  fold)
{
  g_autofree char *span = g_strndup (text, length);
  g_autofree char *folded = linli_text_fold_width (span, fold);
  gboolean changes = strcmp (folded, span) != 0;

  if (linli_text_width_folds (text, length, fold) != changes)
    g_error ("linli_text_width_folds (\"%s\", %d) should be %d", span, fold, changes);
}

/* The quick look says "changes" exactly when folding changes the text:
 * on the cases above, on every piece of them cut at a character's
 * edge, and on random strings of the characters that matter. */
static void
test_width_folds (void)
{
  static const char *const pieces[] = {
    "1", "９", "０", "Ａ", "ｚ", "－", "．", "／", "：", "，", "（", "）", "　", "！", "～",
    "号", "楼", "a", "-", " ", "\xEF\xBC", "\xE3\x80",
  };
  static const char *const texts[] = {
    "１７５９８２５２９８３", "２０２５－０６－０３　０８：２５", "３－２－５０１室", "Ａ座（东）",
    "漏水，已报物业：尽快处理", "时间：上午9：30", "3．5米", "９：", "：9", "",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (const char *start = texts[i]; ; start = g_utf8_next_char (start))
      {
        for (const char *end = start; ; end = g_utf8_next_char (end))
          {
            assert_folds_as_fold (start, end - start, LINLI_WIDTH_TEXT);
            assert_folds_as_fold (start, end - start, LINLI_WIDTH_NUMBER);
            if (*end == '\0')
              break;
          }
        if (*start == '\0')
          break;
      }

  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, 7);

      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces) - 2)]);
      assert_folds_as_fold (text->str, text->len, LINLI_WIDTH_TEXT);
      assert_folds_as_fold (text->str, text->len, LINLI_WIDTH_NUMBER);
    }

  /* Cut sequences are not folded, and not read past the end. */
  for (guint i = G_N_ELEMENTS (pieces) - 2; i < G_N_ELEMENTS (pieces); i++)
    {
      g_assert_false (linli_text_width_folds (pieces[i], -1, LINLI_WIDTH_TEXT));
      g_assert_false (linli_text_width_folds (pieces[i], -1, LINLI_WIDTH_NUMBER));
    }
  g_assert_true (linli_text_width_folds ("２６号楼", -1, LINLI_WIDTH_TEXT));
  g_assert_false (linli_text_width_folds ("漏水，已报：", -1, LINLI_WIDTH_TEXT));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staff/add-edit", test_staff_add_edit);
  g_test_add_func ("/staff/mark-left", test_staff_mark_left);
  g_test_add_func ("/staff/csv", test_staff_csv);
  g_test_add_func ("/staff/csv-cancel", test_staff_csv_cancel);
  g_test_add_func ("/text/fold-width", test_fold_width);
  g_test_add_func ("/text/width-folds", test_width_folds);
  return g_test_run ();
}
