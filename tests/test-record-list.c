/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "linli-record-list.h"
#include "linli-store.h"

#define N_CASES 10000

/* A store with N_CASES cases. Case i (0-based) was reported at
 * BASE + i / 2 minutes, so pairs share a time and the id decides. */
typedef struct
{
  char       *dir;
  char       *path;
  LinliStore *store;
  gint64      ids[N_CASES];
  GDateTime  *base;
} Fixture;

static LinliRecord *
new_case (const char *number,
          GDateTime  *reported_at)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", number);
  linli_record_set_text (record, "category", "公共设施");
  linli_record_set_text (record, "source", "网格巡查");
  linli_record_set_datetime (record, "reported_at", reported_at);
  return record;
}

static gint64
insert_ok (LinliStore  *store,
           LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!linli_store_insert (store, record, &error))
    g_error ("Cannot insert: %s", error->message);
  return linli_record_get_id (record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("linli-test-list-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "linli.db", NULL);
  f->store = linli_store_open (f->path, &error);
  g_assert_no_error (error);
  f->base = g_date_time_new_local (2025, 1, 1, 8, 0, 0);

  g_assert_true (linli_store_begin (f->store, &error));
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autofree char *number = g_strdup_printf ("2025-%04u", i + 1);
      g_autoptr(GDateTime) reported_at = g_date_time_add_minutes (f->base, i / 2);
      g_autoptr(LinliRecord) record = new_case (number, reported_at);

      f->ids[i] = insert_ok (f->store, record);
    }
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, N_CASES);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_clear_pointer (&f->base, g_date_time_unref);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  guint position, removed, added;
  guint n_items;   /* the model's length when it was emitted */
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change c = { position, removed, added, g_list_model_get_n_items (model) };
  g_array_append_val (changes, c);
}

static GArray *
watch_items (GListModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
  return changes;
}

static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added,
                   guint   n_items)
{
  Change *c;

  if (changes->len != 1)
    g_error ("items-changed was emitted %u times, not once", changes->len);
  c = &g_array_index (changes, Change, 0);
  if (c->position != position || c->removed != removed || c->added != added)
    g_error ("items-changed (%u, %u, %u), expected (%u, %u, %u)",
             c->position, c->removed, c->added, position, removed, added);
  g_assert_cmpuint (c->n_items, ==, n_items);
  g_array_set_size (changes, 0);
}

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(LinliRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return linli_record_get_id (record);
}

/* ------------------------------------------------------------------------ */

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GDateTime) previous = NULL;
  gint64 previous_id = G_MAXINT64;
  const guint probes[] = { 0, 5000, 9999 };

  g_assert_true (g_list_model_get_item_type (list) == LINLI_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_CASES);
  g_assert_null (g_list_model_get_item (list, N_CASES));

  /* Newest first; of two at the same time, the later one entered. */
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      guint p = probes[i];
      guint k = N_CASES - 1 - p;
      g_autoptr(LinliRecord) record = g_list_model_get_item (list, p);
      g_autofree char *number = g_strdup_printf ("2025-%04u", k + 1);
      g_autoptr(GDateTime) expected = g_date_time_add_minutes (f->base, k / 2);

      g_assert_cmpint (linli_record_get_id (record), ==, f->ids[k]);
      g_assert_cmpstr (linli_record_get_text (record, "number"), ==, number);
      g_assert_cmpstr (linli_record_get_text (record, "title"), ==, number);
      g_assert_true (g_date_time_equal (linli_record_get_datetime (record, "reported_at"), expected));
    }

  /* The whole list, in pages out of order as a scrolling view asks. */
  for (guint p = 0; p < N_CASES; p++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (list, p);
      GDateTime *at = linli_record_get_datetime (record, "reported_at");
      gint64 id = linli_record_get_id (record);

      g_assert_cmpint (id, ==, f->ids[N_CASES - 1 - p]);
      if (previous != NULL)
        {
          int order = g_date_time_compare (at, previous);
          g_assert_cmpint (order, <=, 0);
          if (order == 0)
            g_assert_cmpint (id, <, previous_id);
        }
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (at);
      previous_id = id;
    }
  g_assert_cmpint (id_at (list, 7777), ==, f->ids[N_CASES - 1 - 7777]);
  g_assert_cmpint (id_at (list, 3), ==, f->ids[N_CASES - 1 - 3]);
}

static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GArray) changes = watch_items (list);
  g_autoptr(GDateTime) newest_at = g_date_time_add_days (f->base, 30);
  g_autoptr(GDateTime) oldest_at = g_date_time_add_days (f->base, -30);
  g_autoptr(GDateTime) middle_at = g_date_time_add_minutes (f->base, 2500);
  g_autoptr(LinliRecord) newest = new_case ("2026-0001", newest_at);
  g_autoptr(LinliRecord) oldest = new_case ("2024-0001", oldest_at);
  g_autoptr(LinliRecord) middle = new_case ("2025-20000", middle_at);
  g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
  g_autoptr(GError) error = NULL;

  /* The newest case goes first. */
  insert_ok (f->store, newest);
  assert_one_change (changes, 0, 0, 1, N_CASES + 1);
  g_assert_cmpint (id_at (list, 0), ==, linli_record_get_id (newest));
  g_assert_cmpint (id_at (list, 1), ==, f->ids[N_CASES - 1]);

  /* The oldest last. */
  insert_ok (f->store, oldest);
  assert_one_change (changes, N_CASES + 1, 0, 1, N_CASES + 2);
  g_assert_cmpint (id_at (list, N_CASES + 1), ==, linli_record_get_id (oldest));

  /* One at the time of cases 5000 and 5001: before both, being newer by
   * id; after the newest and the cases 5002 … 9999. */
  insert_ok (f->store, middle);
  assert_one_change (changes, 1 + (N_CASES - 5002), 0, 1, N_CASES + 3);
  g_assert_cmpint (id_at (list, 1 + (N_CASES - 5002)), ==, linli_record_get_id (middle));
  g_assert_cmpint (id_at (list, 2 + (N_CASES - 5002)), ==, f->ids[5001]);

  /* Records of another table leave the list alone. */
  linli_record_set_text (worker, "name", "王网格");
  insert_ok (f->store, worker);
  g_assert_cmpuint (changes->len, ==, 0);

  /* A batch of two is told once, when it is committed. */
  g_assert_true (linli_store_begin (f->store, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-%04u", i + 2);
      g_autoptr(GDateTime) at = g_date_time_add_days (f->base, 40 + i);
      g_autoptr(LinliRecord) record = new_case (number, at);
      insert_ok (f->store, record);
    }
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, N_CASES + 3);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, N_CASES + 5);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_CASES + 5);
  g_array_set_size (changes, 0);

  /* A batch rolled back leaves the list as long as it was. */
  g_assert_true (linli_store_begin (f->store, &error));
  {
    g_autoptr(GDateTime) at = g_date_time_add_days (f->base, 50);
    g_autoptr(LinliRecord) record = new_case ("2026-0100", at);
    insert_ok (f->store, record);
  }
  linli_store_rollback (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_CASES + 5);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_assert_cmpuint (c->removed, ==, c->added);
    }

  g_signal_handlers_disconnect_by_data (list, changes);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GArray) changes = watch_items (list);
  g_autoptr(LinliRecord) victim = g_list_model_get_item (list, 5000);
  g_autoptr(LinliRecord) first = g_list_model_get_item (list, 0);
  g_autoptr(LinliRecord) last = g_list_model_get_item (list, N_CASES - 1);
  gint64 after_victim = id_at (list, 5001);
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_store_delete (f->store, victim, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 5000, 1, 0, N_CASES - 1);
  g_assert_cmpint (id_at (list, 5000), ==, after_victim);

  g_assert_true (linli_store_delete (f->store, first, &error));
  assert_one_change (changes, 0, 1, 0, N_CASES - 2);
  g_assert_true (linli_store_delete (f->store, last, &error));
  assert_one_change (changes, N_CASES - 3, 1, 0, N_CASES - 3);
  g_assert_cmpint (id_at (list, N_CASES - 4), ==, f->ids[1]);

  g_signal_handlers_disconnect_by_data (list, changes);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_autoptr(GArray) changes = watch_items (list);
  g_autoptr(LinliRecord) shown = g_list_model_get_item (list, 1234);
  g_autoptr(LinliRecord) edited = linli_record_copy (shown);
  g_autoptr(LinliRecord) reread = NULL;
  g_autoptr(LinliRecord) moved = NULL;
  g_autoptr(GDateTime) newest_at = g_date_time_add_days (f->base, 60);
  g_autoptr(GError) error = NULL;
  gint64 last_id = id_at (list, N_CASES - 1);

  /* A change in place: that one item, read again. */
  linli_record_set_text (edited, "title", "楼道灯已修好");
  g_assert_true (linli_store_update (f->store, edited, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 1234, 1, 1, N_CASES);
  reread = g_list_model_get_item (list, 1234);
  g_assert_cmpstr (linli_record_get_text (reread, "title"), ==, "楼道灯已修好");
  g_assert_true (linli_record_equal (reread, edited));
  /* What a view held is a snapshot, not changed under it. */
  g_assert_cmpstr (linli_record_get_text (shown, "title"), !=, "楼道灯已修好");

  /* A change of time moves the item: from last to first. */
  {
    g_autoptr(LinliRecord) last = g_list_model_get_item (list, N_CASES - 1);
    moved = linli_record_copy (last);
  }
  linli_record_set_datetime (moved, "reported_at", newest_at);
  g_assert_true (linli_store_update (f->store, moved, &error));
  g_assert_cmpuint (changes->len, ==, 1);
  {
    Change *c = &g_array_index (changes, Change, 0);
    g_assert_cmpuint (c->position, ==, 0);
    g_assert_cmpuint (c->removed, ==, c->added);
    g_assert_cmpuint (c->position + c->removed, ==, N_CASES);
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_CASES);
  g_assert_cmpint (id_at (list, 0), ==, last_id);
  g_assert_cmpint (id_at (list, 1), ==, f->ids[N_CASES - 1]);

  g_signal_handlers_disconnect_by_data (list, changes);
}

static void
test_diary_entries (Fixture       *f,
                  gconstpointer  data)
{
  gint64 mine = f->ids[4321], other = f->ids[17];
  g_autoptr(GListModel) events = linli_store_list_diary_entries (f->store, mine);
  g_autoptr(GListModel) other_events = linli_store_list_diary_entries (f->store, other);
  g_autoptr(GArray) changes = watch_items (events);
  g_autoptr(GArray) other_changes = watch_items (other_events);

  /* Each case has the entry its registration wrote. */
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, N_CASES);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  {
    g_autoptr(LinliRecord) registered = g_list_model_get_item (events, 0);
    g_assert_cmpint (linli_record_get_int (registered, "case_id"), ==, mine);
    g_assert_cmpint (linli_record_get_enum (registered, "kind"), ==, LINLI_DIARY_ENTRY_KIND_STATUS);
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LinliRecord) note = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
      g_autoptr(GDateTime) at = g_date_time_add_days (f->base, 10 + i);

      linli_record_set_int (note, "case_id", i < 2 ? mine : other);
      linli_record_set_datetime (note, "at", at);
      linli_record_set_enum (note, "kind", LINLI_DIARY_ENTRY_KIND_NOTE);
      linli_record_set_text (note, "text", "走访");
      insert_ok (f->store, note);
      if (i < 2)
        {
          assert_one_change (changes, 1 + i, 0, 1, 2 + i);
          g_assert_cmpuint (other_changes->len, ==, 0);
        }
      else
        {
          assert_one_change (other_changes, 1, 0, 1, 2);
          g_assert_cmpuint (changes->len, ==, 0);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (events, i);
      g_assert_cmpint (linli_record_get_int (event, "case_id"), ==, mine);
    }
  g_assert_cmpuint (g_list_model_get_n_items (other_events), ==, 2);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, N_CASES + 3);

  g_signal_handlers_disconnect_by_data (events, changes);
  g_signal_handlers_disconnect_by_data (other_events, other_changes);
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  const gint64 params[] = { f->ids[99] };
  g_autoptr(LinliRecordList) list = linli_record_list_new (f->store, LINLI_TYPE_CASE, "t.id <= ?1", params, 1);
  g_autoptr(GArray) changes = watch_items (G_LIST_MODEL (list));

  /* The first hundred, newest first, then oldest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_cmpint (id_at (G_LIST_MODEL (list), 0), ==, f->ids[99]);
  g_assert_cmpuint (linli_record_list_find (list, f->ids[0]), ==, 99);
  g_assert_cmpuint (linli_record_list_find (list, f->ids[100]), ==, G_MAXUINT);

  linli_record_list_set_query (list, "t.id <= ?1", "t.id", params, 1);
  assert_one_change (changes, 0, 100, 100, 100);
  g_assert_cmpint (id_at (G_LIST_MODEL (list), 0), ==, f->ids[0]);
  g_assert_cmpuint (linli_record_list_find (list, f->ids[0]), ==, 0);

  g_signal_handlers_disconnect_by_data (list, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-list/order", test_order);
  ADD ("/record-list/insert", test_insert);
  ADD ("/record-list/delete", test_delete);
  ADD ("/record-list/update", test_update);
  ADD ("/record-list/case-events", test_diary_entries);
  ADD ("/record-list/query", test_query);

#undef ADD

  return g_test_run ();
}
