/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "linli-case-query.h"
#include "linli-case-search.h"
#include "linli-case-search-cache.h"
#include "linli-store.h"
#include "linli-store-private.h"

/* The Cases page's logic without the page: search with Chinese substrings,
 * each filter, the sort orders and the deadline traffic light. */

typedef struct
{
  char            *dir;
  char            *path;
  char            *cache;    /* where searches keep their index */
  LinliStore      *store;
  LinliCaseSearch *search;   /* made before the list: it hears changes first */
  LinliRecordList *list;
  gint64           grid_a, grid_b, worker, resident;
} Fixture;

static GDateTime *
at (int month,
    int day,
    int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  return g_date_time_new (zone, 2026, month, day, hour, 0, 0);
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
add_grid (Fixture    *f,
          const char *code,
          const char *name)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  return insert (f->store, grid);
}

static gint64
add_case (Fixture    *f,
          const char *number,
          const char *title,
          const char *address,
          const char *category,
          int         status,
          gint64      grid,
          int         month,
          int         day,
          int         due_day)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(GDateTime) reported = at (month, day, 9);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", title);
  linli_record_set_text (record, "description", "居民反映的问题，网格员已登记。");
  linli_record_set_text (record, "address", address);
  linli_record_set_text (record, "category", category);
  linli_record_set_text (record, "source", "网格巡查");
  linli_record_set_int (record, "grid_id", grid);
  linli_record_set_datetime (record, "reported_at", reported);
  if (due_day > 0)
    {
      g_autoptr(GDateTime) due = at (month, due_day, 18);
      linli_record_set_datetime (record, "due_at", due);
    }
  linli_record_set_enum (record, "status", status);
  if (status == LINLI_CASE_STATUS_RESOLVED)
    {
      g_autoptr(GDateTime) resolved = at (month, day, 17);
      linli_record_set_text (record, "resolution", "已修复");
      linli_record_set_datetime (record, "resolved_at", resolved);
    }
  if (status == LINLI_CASE_STATUS_ASSIGNED)
    linli_record_set_int (record, "worker_id", f->worker);
  return insert (f->store, record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) reported = NULL;

  f->dir = g_dir_make_tmp ("linli-case-query-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = linli_store_open (f->path, &error);
  g_assert_no_error (error);

  f->grid_a = add_grid (f, "DF-01", "第一网格");
  f->grid_b = add_grid (f, "DF-02", "第二网格");
  linli_record_set_text (worker, "name", "刘晓雯");
  f->worker = insert (f->store, worker);
  linli_record_set_text (resident, "name", "王大爷");
  linli_record_set_text (resident, "phone", "13800001234");
  f->resident = insert (f->store, resident);

  add_case (f, "2026-0001", "卫生间漏水渗到楼下", "3号楼1单元三楼西户", "水电维修", LINLI_CASE_STATUS_RESOLVED, f->grid_a, 3, 3, 5);
  add_case (f, "2026-0002", "楼道堆放杂物", "5号楼2单元", "环境卫生", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 3, 10, 12);
  add_case (f, "2026-0003", "物业收费有异议", "13号楼", "物业管理", LINLI_CASE_STATUS_ASSIGNED, f->grid_b, 4, 1, 30);
  add_case (f, "2026-0004", "Water LEAK in basement", "23号楼", "水电维修", LINLI_CASE_STATUS_REGISTERED, f->grid_b, 4, 20, 0);

  /* 2026-0005 has a reporter to be found by name. */
  add_case (f, "2026-0005", "电动车停车充电难", "充电车棚", "停车管理", LINLI_CASE_STATUS_REGISTERED, 0, 4, 21, 25);
  reported = linli_store_get (f->store, LINLI_TYPE_CASE, 5, &error);
  g_assert_no_error (error);
  linli_record_set_int (reported, "reporter_id", f->resident);
  g_assert_true (linli_store_update (f->store, reported, &error));

  f->cache = g_build_filename (f->dir, "cache", NULL);
  linli_case_search_set_cache_dir (f->cache);
  f->search = linli_case_search_new (f->store);
  f->list = linli_record_list_new (f->store, LINLI_TYPE_CASE, NULL, NULL, 0);
  linli_record_list_set_filter (f->list, linli_case_search_filter, g_object_ref (f->search), g_object_unref);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->list);
  g_clear_object (&f->search);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  {
    g_autoptr(GDir) cache = g_dir_open (f->cache, 0, NULL);
    const char *name;

    while (cache != NULL && (name = g_dir_read_name (cache)) != NULL)
      {
        g_autofree char *file = g_build_filename (f->cache, name, NULL);
        g_remove (file);
      }
    g_rmdir (f->cache);
  }
  g_rmdir (f->dir);
  g_free (f->cache);
  g_free (f->path);
  g_free (f->dir);
}

/* The numbers of the cases shown, in order, joined by spaces. */
static char *
shown (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? " " : "",
                              linli_record_get_text (record, "number") + 7);
    }
  return g_strdup (out->str);
}

#define assert_shown(f, expected) \
  G_STMT_START { g_autofree char *_s = shown (f); g_assert_cmpstr (_s, ==, expected); } G_STMT_END

/* As the Cases page searches: before the index is there, the keystroke
 * returns at once, the matches are read in a thread and the list shows
 * what it showed until they are there. */
static void
search (Fixture    *f,
        const char *text)
{
  g_autofree char *before = shown (f);

  linli_case_search_set_text (f->search, text);
  if (linli_case_search_is_searching (f->search))
    {
      g_assert_false (linli_case_search_is_ready (f->search));
      linli_record_list_refilter (f->list);
      assert_shown (f, before);
      while (linli_case_search_is_searching (f->search))
        g_main_context_iteration (NULL, TRUE);
    }
  linli_record_list_refilter (f->list);
}

/* With data, the search waits for its index to be read in its thread;
 * without, every keystroke comes before it and is answered from the store.
 * Both find the same cases. */
static void
wait_for_index (Fixture       *f,
                gconstpointer  data)
{
  if (data == NULL)
    {
      g_assert_false (linli_case_search_is_ready (f->search));
      return;
    }
  while (!linli_case_search_is_ready (f->search))
    g_main_context_iteration (NULL, TRUE);
  linli_record_list_refilter (f->list);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  wait_for_index (f, data);
  assert_shown (f, "05 04 03 02 01");

  search (f, "漏水");             /* two characters: FTS5's trigrams would find nothing */
  assert_shown (f, "01");
  search (f, "3号楼");            /* 13号楼 and 23号楼 contain it as well */
  assert_shown (f, "04 03 01");
  search (f, "３号楼");           /* full-width digit from an input method */
  assert_shown (f, "04 03 01");
  search (f, "leak");             /* any letter case */
  assert_shown (f, "04");
  search (f, "ＬＥａｋ");         /* full-width letters */
  assert_shown (f, "04");
  search (f, "问题,网格员");      /* an ASCII comma finds the full-width one */
  assert_shown (f, "05 04 03 02 01");
  search (f, "2026-0002");        /* the number */
  assert_shown (f, "02");
  search (f, "王大爷");           /* the reporter */
  assert_shown (f, "05");
  search (f, "网格员已登记");     /* the description */
  assert_shown (f, "05 04 03 02 01");
  search (f, "漏水 楼道");        /* not a word in any case */
  assert_shown (f, "");
  search (f, "   ");
  assert_shown (f, "05 04 03 02 01");

  search (f, "漏");               /* one character */
  assert_shown (f, "01");
  search (f, "Ｗ");
  assert_shown (f, "04");
  search (f, "水渗到");           /* three, in order */
  assert_shown (f, "01");
  search (f, "三楼下");           /* each pair is in 01, but not the three together */
  assert_shown (f, "");
  search (f, "户");               /* the last character of a field */
  assert_shown (f, "01");
}

static void
test_search_follows_changes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) second = NULL;
  g_autoptr(LinliRecord) reporter = NULL;

  wait_for_index (f, data);
  search (f, "漏水");
  assert_shown (f, "01");

  /* A new case that matches appears; an edited one that no longer matches goes. */
  add_case (f, "2026-0006", "暖气管道漏水", "7号楼", "水电维修", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1, 3);
  assert_shown (f, "06 01");
  second = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);
  linli_record_set_text (second, "title", "卫生间渗水");
  g_assert_true (linli_store_update (f->store, second, &error));
  assert_shown (f, "06");
  g_assert_true (linli_store_delete (f->store, second, &error));
  assert_shown (f, "06");

  /* The reporter's new name finds the case they reported. */
  reporter = linli_store_get (f->store, LINLI_TYPE_RESIDENT, f->resident, &error);
  linli_record_set_text (reporter, "name", "王二爷");
  g_assert_true (linli_store_update (f->store, reporter, &error));
  g_assert_no_error (error);
  search (f, "王二");
  assert_shown (f, "05");
  search (f, "王大爷");
  assert_shown (f, "");
}

/* Four characters and more: each trigram in the index, but the text, read
 * back, says whether they follow each other. */
static void
test_search_verifies_longer (Fixture       *f,
                             gconstpointer  data)
{
  add_case (f, "2026-0006", "甲乙丙和乙丙丁", "7号楼", "其他", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1, 3);
  /* A RESET: the index is read again, the new case in it. */
  linli_store_note_reset (f->store);
  g_assert_false (linli_case_search_is_ready (f->search));
  wait_for_index (f, GINT_TO_POINTER (TRUE));

  search (f, "乙丙丁");
  assert_shown (f, "06");
  search (f, "甲乙丙丁");
  assert_shown (f, "");
  search (f, "丙和乙丙");
  assert_shown (f, "06");
}

/* A keystroke before the index is there never reads the cases on the
 * main thread: it returns at once, :searching, the list as it was; the
 * matches, read in a thread, arrive with the changes made meanwhile. */
static void
test_search_before_index (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) first = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);

  g_assert_false (linli_case_search_is_ready (f->search));
  linli_case_search_set_text (f->search, "漏水");
  g_assert_true (linli_case_search_is_searching (f->search));
  linli_record_list_refilter (f->list);
  assert_shown (f, "05 04 03 02 01");

  linli_record_set_text (first, "title", "卫生间渗水");
  g_assert_true (linli_store_update (f->store, first, &error));
  add_case (f, "2026-0006", "暖气管道漏水", "7号楼", "水电维修", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1, 3);
  g_assert_no_error (error);
  assert_shown (f, "06 05 04 03 02 01");

  while (linli_case_search_is_searching (f->search))
    g_main_context_iteration (NULL, TRUE);
  linli_record_list_refilter (f->list);
  assert_shown (f, "06");

  /* A blank search shows every case at once. */
  linli_case_search_set_text (f->search, " ");
  g_assert_false (linli_case_search_is_searching (f->search));
  linli_record_list_refilter (f->list);
  assert_shown (f, "06 05 04 03 02 01");
}

/* Changes made while the index is read in its thread are not lost when it
 * arrives, whether its snapshot saw them or not. */
static void
test_search_changes_while_indexing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) first = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);

  linli_record_set_text (first, "title", "卫生间渗水");
  g_assert_true (linli_store_update (f->store, first, &error));
  add_case (f, "2026-0006", "暖气管道漏水", "7号楼", "水电维修", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1, 3);
  g_assert_no_error (error);

  wait_for_index (f, GINT_TO_POINTER (TRUE));
  search (f, "漏水");
  assert_shown (f, "06");
  search (f, "渗水");
  assert_shown (f, "01");
}

/* Undo of a delete: the case returns with its id and its diary, and no
 * timeline entry is added for coming back. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) record = linli_store_get (f->store, LINLI_TYPE_CASE, 5, &error);
  g_autoptr(GListModel) events = linli_store_list_diary_entries (f->store, 5);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinliRecord) back = NULL;
  g_autoptr(GListModel) events_back = NULL;
  guint n_events = g_list_model_get_n_items (events);

  g_assert_no_error (error);
  g_assert_cmpuint (n_events, >=, 1);
  for (guint i = 0; i < n_events; i++)
    g_ptr_array_add (kept, g_list_model_get_item (events, i));

  search (f, "王大爷");
  assert_shown (f, "05");
  g_assert_true (linli_store_delete (f->store, record, &error));
  assert_shown (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);

  g_assert_true (linli_store_begin (f->store, &error));
  g_assert_true (linli_store_restore (f->store, record, &error));
  for (guint i = 0; i < kept->len; i++)
    g_assert_true (linli_store_restore (f->store, kept->pdata[i], &error));
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);

  assert_shown (f, "05");
  back = linli_store_get (f->store, LINLI_TYPE_CASE, 5, &error);
  g_assert_true (linli_record_equal (record, back));
  events_back = linli_store_list_diary_entries (f->store, 5);
  g_assert_cmpuint (g_list_model_get_n_items (events_back), ==, n_events);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (events_back, i);
      g_assert_true (linli_record_equal (event, kept->pdata[i]));
    }
}

/* A batch stands or falls whole: one failed write inside it, and commit
 * refuses and nothing of it is kept. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = linli_store_count (f->store, LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) bad = linli_record_new (LINLI_TYPE_CASE);

  g_assert_true (linli_store_begin_batch (f->store, &error));
  add_case (f, "2026-0100", "新的事件", "1号楼", "其他", LINLI_CASE_STATUS_REGISTERED, 0, 5, 2, 0);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, before + 1);
  /* No title, no time: the schema refuses it. */
  linli_record_set_text (bad, "number", "2026-0101");
  g_assert_false (linli_store_insert (f->store, bad, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (linli_store_commit (f->store, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, before);

  /* A batch without failures is kept whole. */
  g_assert_true (linli_store_begin_batch (f->store, &error));
  add_case (f, "2026-0100", "新的事件", "1号楼", "其他", LINLI_CASE_STATUS_REGISTERED, 0, 5, 2, 0);
  add_case (f, "2026-0101", "又一件", "2号楼", "其他", LINLI_CASE_STATUS_REGISTERED, 0, 5, 3, 0);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, before + 2);
}

static void
apply (Fixture        *f,
       LinliCaseQuery *query)
{
  g_autoptr(GDateTime) now = at (4, 28, 12);

  linli_case_query_apply (query, f->list, now);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  LinliCaseQuery query;

  linli_case_query_init (&query);
  query.statuses = LINLI_CASE_STATUS_BIT (LINLI_CASE_STATUS_REGISTERED);
  apply (f, &query);
  assert_shown (f, "05 04 02");

  query.grid_id = f->grid_a;
  apply (f, &query);
  assert_shown (f, "02");

  linli_case_query_init (&query);
  query.statuses = LINLI_CASE_STATUS_BIT (LINLI_CASE_STATUS_REGISTERED) |
                   LINLI_CASE_STATUS_BIT (LINLI_CASE_STATUS_RESOLVED);
  query.category = g_strdup ("水电维修");
  apply (f, &query);
  assert_shown (f, "04 01");
  linli_case_query_clear (&query);

  linli_case_query_init (&query);
  query.worker_id = f->worker;
  apply (f, &query);
  assert_shown (f, "03");

  /* On 28 April, 0002 (due 12 March) and 0005 (due 25 April) are overdue;
   * 0001 is resolved, 0003 is due on 30 April and 0004 has no due time. */
  linli_case_query_init (&query);
  query.overdue_only = TRUE;
  apply (f, &query);
  assert_shown (f, "05 02");

  linli_case_query_init (&query);
  query.from = at (4, 1, 0);
  query.until = at (4, 21, 0);
  apply (f, &query);
  assert_shown (f, "04 03");
  linli_case_query_clear (&query);

  /* Filters and search together. */
  linli_case_query_init (&query);
  query.grid_id = f->grid_b;
  apply (f, &query);
  search (f, "3号楼");
  assert_shown (f, "04 03");
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  LinliCaseQuery query;

  linli_case_query_init (&query);
  query.sort = LINLI_CASE_SORT_NUMBER;
  query.descending = FALSE;
  apply (f, &query);
  assert_shown (f, "01 02 03 04 05");

  query.sort = LINLI_CASE_SORT_STATUS;
  apply (f, &query);
  assert_shown (f, "02 04 05 03 01");

  /* Cases without a grid or a due time come last in both directions. */
  query.sort = LINLI_CASE_SORT_GRID;
  apply (f, &query);
  assert_shown (f, "01 02 03 04 05");
  query.descending = TRUE;
  apply (f, &query);
  assert_shown (f, "04 03 02 01 05");

  query.sort = LINLI_CASE_SORT_DUE;
  query.descending = FALSE;
  apply (f, &query);
  assert_shown (f, "01 02 05 03 04");
}

static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) record = linli_store_get (f->store, LINLI_TYPE_CASE, 3, &error);
  /* Reported 1 April 09:00, due 30 April 18:00: 29 days 9 hours allowed. */
  g_autoptr(GDateTime) early = at (4, 20, 12);
  g_autoptr(GDateTime) late = at (4, 25, 12);
  g_autoptr(GDateTime) past = at (5, 1, 9);
  g_autoptr(LinliRecord) closed = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);
  g_autoptr(LinliRecord) open_ended = linli_store_get (f->store, LINLI_TYPE_CASE, 4, &error);

  g_assert_no_error (error);
  g_assert_cmpint (linli_case_deadline (record, early), ==, LINLI_DEADLINE_GREEN);
  g_assert_cmpint (linli_case_deadline (record, late), ==, LINLI_DEADLINE_AMBER);
  g_assert_cmpint (linli_case_deadline (record, past), ==, LINLI_DEADLINE_RED);
  g_assert_true (linli_case_is_overdue (record, past));
  g_assert_cmpint (linli_case_deadline (closed, past), ==, LINLI_DEADLINE_NONE);
  g_assert_cmpint (linli_case_deadline (open_ended, past), ==, LINLI_DEADLINE_NONE);
}

/* An index read by two threads, each half its cases, merged: the same
 * matches as an index read by one, for short lists and bitmaps alike. */
static void
test_search_split_index (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const titles[] = { "楼道堆物影响通行", "路灯不亮", "3号楼漏水", "Water LEAK again" };
  static const char * const needles[] = {
    "楼", "道", "漏水", "楼道", "3号楼", "路灯不", "堆物影响", "leak", "water leak", "2026-00",
    "2026-01", "号楼漏水", "不亮", "居民反映", "通行", "x", "楼道堆物影响通行", "13号楼",
  };
  g_autoptr(LinliCaseSearch) whole = NULL;
  g_autoptr(LinliCaseSearch) split = NULL;
  g_autoptr(LinliCaseSearch) saved = NULL;
  gint64 max_id = 0;

  /* Enough cases that the common grams' lists outgrow a bitmap. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-%04u", 100 + i);
      g_autofree char *address = g_strdup_printf ("%u号楼", i % 30);

      max_id = add_case (f, number, titles[i % G_N_ELEMENTS (titles)], address, "物业管理",
                         LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1 + i % 28, 0);
    }

  /* Both built, neither read from what the other saved. */
  linli_case_search_set_cache_dir (NULL);
  linli_case_search_set_split_min_id (G_MAXINT64);
  whole = linli_case_search_new (f->store);
  linli_case_search_set_split_min_id (1);
  split = linli_case_search_new (f->store);
  linli_case_search_set_split_min_id (50000);
  /* And one read back from its file, bitmaps and all. */
  linli_case_search_set_cache_dir (f->cache);
  saved = linli_case_search_new (f->store);
  while (!linli_case_search_is_ready (saved))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (linli_case_search_was_loaded (saved));
  g_clear_object (&saved);
  saved = linli_case_search_new (f->store);
  while (!linli_case_search_is_ready (whole) || !linli_case_search_is_ready (split) ||
         !linli_case_search_is_ready (saved))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (linli_case_search_was_loaded (saved));

  for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
    {
      guint found = 0;

      linli_case_search_set_text (whole, needles[n]);
      linli_case_search_set_text (split, needles[n]);
      linli_case_search_set_text (saved, needles[n]);
      for (gint64 id = 1; id <= max_id + 1; id++)
        {
          gboolean matches = linli_case_search_matches (whole, id);

          g_assert_cmpint (matches, ==, linli_case_search_matches (split, id));
          g_assert_cmpint (matches, ==, linli_case_search_matches (saved, id));
          found += matches;
        }
      if (!g_str_equal (needles[n], "x"))
        g_assert_cmpuint (found, >, 0);
    }
}

/* ---- The index kept between opens -------------------------------------- */

/* Closes the store, as the app does when it quits: the search saves what
 * changed since its index was read. */
static void
close_store (Fixture *f)
{
  g_clear_object (&f->list);
  g_clear_object (&f->search);
  g_clear_object (&f->store);
}

/* Opens the store again, as the app does at its next start, and waits for
 * the search's index. */
static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = linli_store_open (f->path, &error);
  g_assert_no_error (error);
  f->search = linli_case_search_new (f->store);
  f->list = linli_record_list_new (f->store, LINLI_TYPE_CASE, NULL, NULL, 0);
  linli_record_list_set_filter (f->list, linli_case_search_filter, g_object_ref (f->search), g_object_unref);
  g_assert_false (linli_case_search_is_ready (f->search));
  wait_for_index (f, GINT_TO_POINTER (TRUE));
}

static void
reopen (Fixture *f)
{
  close_store (f);
  open_store (f);
}

/* As the sqlite3 shell would: another connection, plain SQL. */
static void
exec_elsewhere (Fixture    *f,
                const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* What every search of the fixture's cases finds: two-character words,
 * full-width forms and letter case as without a saved index. */
static void
assert_searches (Fixture *f)
{
  search (f, "漏水");
  assert_shown (f, "01");
  search (f, "物业");
  assert_shown (f, "03");
  search (f, "ＬＥＡＫ");
  assert_shown (f, "04");
  search (f, "water leak");
  assert_shown (f, "04");
  search (f, "３号楼１单元");
  assert_shown (f, "01");
  search (f, "王大爷");
  assert_shown (f, "05");
  search (f, "登记");
  assert_shown (f, "05 04 03 02 01");
  search (f, "停车充电难");
  assert_shown (f, "05");
  search (f, "");
}

static char *
cache_file (Fixture    *f,
            const char *suffix)
{
  return linli_search_cache_file (f->cache, f->path, suffix);
}

/* The second open reads the index the first one built, and it finds what
 * the first one found. */
static void
test_cache_reopen (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *index = cache_file (f, "index");

  wait_for_index (f, GINT_TO_POINTER (TRUE));
  g_assert_false (linli_case_search_was_loaded (f->search));
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  assert_searches (f);

  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  assert_searches (f);
  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  assert_searches (f);
}

/* A change by another program makes the next open build the index again,
 * whether Linli was open meanwhile or not. */
static void
test_cache_foreign_change (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) first = NULL;

  wait_for_index (f, GINT_TO_POINTER (TRUE));
  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));

  /* Closed: the shell changes a title. */
  close_store (f);
  exec_elsewhere (f, "UPDATE case_record SET title = '电梯停运' WHERE id = 2");
  reopen (f);
  g_assert_false (linli_case_search_was_loaded (f->search));
  search (f, "电梯");
  assert_shown (f, "02");
  search (f, "杂物");
  assert_shown (f, "");

  /* Open: Linli changes one case, the shell a resident's name; the
   * changes Linli saw are not all there were. */
  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  first = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);
  linli_record_set_text (first, "title", "卫生间渗水");
  g_assert_true (linli_store_update (f->store, first, &error));
  g_assert_no_error (error);
  exec_elsewhere (f, "UPDATE resident SET name = '李阿姨'");
  reopen (f);
  g_assert_false (linli_case_search_was_loaded (f->search));
  search (f, "李阿姨");
  assert_shown (f, "05");
  search (f, "渗水");
  assert_shown (f, "01");
  search (f, "电梯");
  assert_shown (f, "02");

  /* And a case deleted or inserted by the shell. */
  reopen (f);
  close_store (f);
  exec_elsewhere (f, "DELETE FROM case_record WHERE id = 2");
  reopen (f);
  g_assert_false (linli_case_search_was_loaded (f->search));
  search (f, "电梯");
  assert_shown (f, "");
  reopen (f);
  close_store (f);
  exec_elsewhere (f, "CREATE TEMP TABLE copied AS SELECT * FROM case_record WHERE id = 1;"
                     "UPDATE copied SET id = NULL, number = '2026-0009', title = '电梯又停了';"
                     "INSERT INTO case_record SELECT * FROM copied");
  reopen (f);
  g_assert_false (linli_case_search_was_loaded (f->search));
  search (f, "电梯");
  assert_shown (f, "09");
}

/* Changes made in Linli are kept with the index when it closes: the next
 * open reads both and builds nothing, and finds the new text. */
static void
test_cache_own_changes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) first = NULL;
  g_autoptr(LinliRecord) third = NULL;
  g_autoptr(LinliRecord) reporter = NULL;

  wait_for_index (f, GINT_TO_POINTER (TRUE));
  first = linli_store_get (f->store, LINLI_TYPE_CASE, 1, &error);
  linli_record_set_text (first, "title", "卫生间渗水");
  g_assert_true (linli_store_update (f->store, first, &error));
  add_case (f, "2026-0006", "暖气管道漏水", "7号楼", "水电维修", LINLI_CASE_STATUS_REGISTERED, f->grid_a, 5, 1, 3);
  third = linli_store_get (f->store, LINLI_TYPE_CASE, 3, &error);
  g_assert_true (linli_store_delete (f->store, third, &error));
  g_assert_no_error (error);

  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  search (f, "漏水");
  assert_shown (f, "06");
  search (f, "渗水");
  assert_shown (f, "01");
  search (f, "物业");
  assert_shown (f, "");

  /* Again from there: the overlay grows on the same index. */
  reporter = linli_store_get (f->store, LINLI_TYPE_RESIDENT, f->resident, &error);
  linli_record_set_text (reporter, "name", "王二爷");
  g_assert_true (linli_store_update (f->store, reporter, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  search (f, "王二");
  assert_shown (f, "05");
  search (f, "王大爷");
  assert_shown (f, "");
  search (f, "漏水");
  assert_shown (f, "06");

  /* An overlay of another state of the file is not used. */
  close_store (f);
  exec_elsewhere (f, "UPDATE case_record SET title = '电梯停运' WHERE id = 2");
  reopen (f);
  g_assert_false (linli_case_search_was_loaded (f->search));
  search (f, "电梯");
  assert_shown (f, "02");
  search (f, "漏水");
  assert_shown (f, "06");
}

/* Writes @size bytes of @contents to @file. */
static void
write_bytes (const char *file,
             const char *contents,
             gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, contents, (gssize) size, &error));
  g_assert_no_error (error);
}

/* A cache file cut short, with bytes changed or of random bytes is not
 * used: the index is built and finds what it should. */
static void
test_cache_damaged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *index = cache_file (f, "index");
  g_autofree char *overlay = cache_file (f, "overlay");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) first = NULL;
  gsize size = 0;
  gsize cuts[] = { 0, 1, 8, 40, 63, 64, 65, 80, 0, 0, 0 };

  wait_for_index (f, GINT_TO_POINTER (TRUE));
  g_assert_true (g_file_get_contents (index, &contents, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 200);
  cuts[G_N_ELEMENTS (cuts) - 3] = size / 2;
  cuts[G_N_ELEMENTS (cuts) - 2] = size - 8;
  cuts[G_N_ELEMENTS (cuts) - 1] = size - 1;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      close_store (f);
      write_bytes (index, contents, cuts[i]);
      open_store (f);
      g_assert_false (linli_case_search_was_loaded (f->search));
      assert_searches (f);
    }

  /* A byte changed anywhere: in the header, the grams, the postings. */
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *garbled = g_memdup2 (contents, size);
      gsize at = i < 8 ? 8 + i * 7 : (gsize) g_test_rand_int_range (64, (gint32) size);

      garbled[at] ^= (char) g_test_rand_int_range (1, 256);
      close_store (f);
      write_bytes (index, garbled, size);
      open_store (f);
      g_assert_false (linli_case_search_was_loaded (f->search));
      assert_searches (f);
    }

  /* Random bytes, with and without a right header. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *random = g_malloc (size);

      for (gsize b = 0; b < size; b++)
        random[b] = (char) g_test_rand_int_range (0, 256);
      if (i % 2 == 1)
        memcpy (random, contents, 64);
      close_store (f);
      write_bytes (index, random, size);
      open_store (f);
      g_assert_false (linli_case_search_was_loaded (f->search));
      assert_searches (f);
    }

  /* The sound file again is read. */
  close_store (f);
  write_bytes (index, contents, size);
  open_store (f);
  g_assert_true (linli_case_search_was_loaded (f->search));

  /* An overlay damaged: the index of the earlier stamp is not used with
   * it, but built again. */
  first = linli_store_get (f->store, LINLI_TYPE_CASE, 2, &error);
  linli_record_set_text (first, "title", "电梯停运");
  g_assert_true (linli_store_update (f->store, first, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_true (linli_case_search_was_loaded (f->search));
  {
    g_autofree char *sound = NULL;
    gsize sound_size = 0;

    g_assert_true (g_file_get_contents (overlay, &sound, &sound_size, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < 8; i++)
      {
        g_autofree char *garbled = g_memdup2 (sound, sound_size);

        close_store (f);
        write_bytes (index, contents, size);
        if (i < 4)
          write_bytes (overlay, sound, (gsize[]) { 0, 20, 47, sound_size - 1 }[i]);
        else
          {
            garbled[g_test_rand_int_range (0, (gint32) sound_size)] ^= 0x55;
            write_bytes (overlay, garbled, sound_size);
          }
        open_store (f);
        g_assert_false (linli_case_search_was_loaded (f->search));
        search (f, "电梯");
        assert_shown (f, "02");
        search (f, "杂物");
        assert_shown (f, "");
      }
    /* Both sound: read. */
    close_store (f);
    write_bytes (index, contents, size);
    write_bytes (overlay, sound, sound_size);
    open_store (f);
    g_assert_true (linli_case_search_was_loaded (f->search));
    search (f, "电梯");
    assert_shown (f, "02");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-query/search", test_search);
  ADD ("/case-query/search-follows-changes", test_search_follows_changes);
  g_test_add ("/case-query/search-indexed", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/case-query/search-indexed-follows-changes", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_search_follows_changes, fixture_tear_down);
  ADD ("/case-query/search-changes-while-indexing", test_search_changes_while_indexing);
  ADD ("/case-query/search-before-index", test_search_before_index);
  ADD ("/case-query/search-verifies-longer", test_search_verifies_longer);
  ADD ("/case-query/search-split-index", test_search_split_index);
  ADD ("/case-query/search-cache-reopen", test_cache_reopen);
  ADD ("/case-query/search-cache-foreign-change", test_cache_foreign_change);
  ADD ("/case-query/search-cache-own-changes", test_cache_own_changes);
  ADD ("/case-query/search-cache-damaged", test_cache_damaged);
  ADD ("/case-query/filters", test_filters);
  ADD ("/case-query/sort", test_sort);
  ADD ("/case-query/deadline", test_deadline);
  ADD ("/case-query/restore", test_restore);
  ADD ("/case-query/batch", test_batch);

  return g_test_run ();
}
