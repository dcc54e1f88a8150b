/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "linli-case-rows.h"
#include "linli-case-store.h"
#include "linli-store-private.h"

/* ------------------------------------------------------------------------ */
/* Fixture: a fresh directory, and a new database in it                    */

typedef struct
{
  char       *dir;
  char       *path;
  LinliStore *store;
} Fixture;

/* Test data for fixtures that only want the directory. */
static const char no_store[] = "no store";
#define NO_STORE ((gconstpointer) no_store)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("linli-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "linli.db", NULL);
  if (data != NO_STORE)
    {
      f->store = linli_store_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (f->store);
    }
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      /* A -wal or -shm file SQLite removed itself since the listing is fine. */
      else if (g_remove (child) != 0 && errno != ENOENT)
        g_error ("Cannot remove %s: %s", child, g_strerror (errno));
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = linli_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static gint64
query_int (LinliStore *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (LinliStore *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (linli_store_get_db (store), sql, -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* The number of rows in every table, as text: equal before and after a
 * refused write when nothing at all was written. */
static char *
fingerprint (LinliStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);
  int rc = sqlite3_prepare_v2 (linli_store_get_db (store),
                               "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                               -1, &stmt, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT ";", table, query_int (store, sql));
    }
  return g_string_free (out, FALSE);
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
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  linli_record_set_datetime (record, column, time);
}

static gint64
insert_ok (LinliStore  *store,
           LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (linli_record_get_id (record), ==, 0);
  if (!linli_store_insert (store, record, &error))
    g_error ("Cannot insert a %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
  g_assert_cmpint (linli_record_get_id (record), >, 0);
  return linli_record_get_id (record);
}

static void
update_ok (LinliStore  *store,
           LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!linli_store_update (store, record, &error))
    g_error ("Cannot update a %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
}

static const char *
table_of (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  return linli_record_class_get_table (LINLI_RECORD_CLASS (klass));
}

/* A case with only the fields the schema requires. */
static LinliRecord *
minimal_case (const char *number,
              int         day)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);

  linli_record_set_text (record, "number", number);
  linli_record_set_text (record, "title", "楼道灯不亮");
  linli_record_set_text (record, "category", "公共设施");
  linli_record_set_text (record, "source", "网格巡查");
  set_time (record, "reported_at", 2026, 3, day, 9, 0);
  return record;
}

static LinliRecord *
minimal_worker (const char *name)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_WORKER);

  linli_record_set_text (record, "name", name);
  return record;
}

static LinliRecord *
minimal_grid (const char *code)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (record, "code", code);
  linli_record_set_text (record, "name", "第一网格");
  return record;
}

static LinliRecord *
minimal_community (void)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_COMMUNITY);

  linli_record_set_text (record, "name", "东方御园社区");
  linli_record_set_double (record, "center_lat", 35.40);
  linli_record_set_double (record, "center_lon", 116.58);
  set_time (record, "created_at", 2026, 1, 1, 8, 0);
  return record;
}

/* ------------------------------------------------------------------------ */
/* Watching the "changed" signal, table by table                            */

typedef struct
{
  GType       type;
  LinliChange change;
  gint64      id;
} Emission;

typedef struct
{
  GType   type;
  char   *table;
  GArray *emissions;   /* Emission */
  gulong  handler;
} TableWatch;

typedef struct
{
  LinliStore *store;
  TableWatch  tables[12];
  guint       n_tables;
  guint       total;   /* every emission, whatever its detail */
  gulong      any_handler;
} Watch;

static void
table_changed_cb (LinliStore  *store,
                  GType        type,
                  LinliChange  change,
                  gint64       id,
                  TableWatch  *watch)
{
  Emission e = { type, change, id };

  /* The detail this handler was connected with is the table of the type. */
  g_assert_true (type == watch->type);
  g_array_append_val (watch->emissions, e);
}

static void
any_changed_cb (LinliStore  *store,
                GType        type,
                LinliChange  change,
                gint64       id,
                Watch       *watch)
{
  watch->total++;
}

static Watch *
watch_new (LinliStore *store)
{
  Watch *watch = g_new0 (Watch, 1);
  guint n_types;
  const GType *types = linli_record_types (&n_types);

  g_assert_cmpuint (n_types, <=, G_N_ELEMENTS (watch->tables));
  watch->store = g_object_ref (store);
  watch->n_tables = n_types;
  for (guint i = 0; i < n_types; i++)
    {
      TableWatch *t = &watch->tables[i];
      g_autofree char *signal = g_strconcat ("changed::", table_of (types[i]), NULL);

      t->type = types[i];
      t->table = g_strdup (table_of (types[i]));
      t->emissions = g_array_new (FALSE, FALSE, sizeof (Emission));
      t->handler = g_signal_connect (store, signal, G_CALLBACK (table_changed_cb), t);
    }
  watch->any_handler = g_signal_connect (store, "changed", G_CALLBACK (any_changed_cb), watch);
  return watch;
}

static void
watch_free (Watch *watch)
{
  for (guint i = 0; i < watch->n_tables; i++)
    {
      g_signal_handler_disconnect (watch->store, watch->tables[i].handler);
      g_array_unref (watch->tables[i].emissions);
      g_free (watch->tables[i].table);
    }
  g_signal_handler_disconnect (watch->store, watch->any_handler);
  g_object_unref (watch->store);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

static void
watch_clear (Watch *watch)
{
  for (guint i = 0; i < watch->n_tables; i++)
    g_array_set_size (watch->tables[i].emissions, 0);
  watch->total = 0;
}

static GArray *
watch_get (Watch *watch,
           GType  type)
{
  for (guint i = 0; i < watch->n_tables; i++)
    if (watch->tables[i].type == type)
      return watch->tables[i].emissions;
  g_assert_not_reached ();
}

/* Exactly one emission for @type (and @n_total in all), and it says this. */
static void
assert_emitted (Watch       *watch,
                GType        type,
                LinliChange  change,
                gint64       id)
{
  GArray *emissions = watch_get (watch, type);
  Emission *e;

  if (emissions->len != 1)
    g_error ("changed::%s was emitted %u times, not once", table_of (type), emissions->len);
  e = &g_array_index (emissions, Emission, 0);
  g_assert_true (e->type == type);
  g_assert_cmpint (e->change, ==, change);
  g_assert_cmpint (e->id, ==, id);
}

/* ------------------------------------------------------------------------ */
/* Opening and creating                                                     */

static void
assert_pragmas (LinliStore *store)
{
  g_autofree char *journal = query_text (store, "PRAGMA journal_mode");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, linli_store_schema_version ());
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, 0x4C4E4C49);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LinliRecord) community = minimal_community ();
  g_autoptr(LinliCommunity) read_back = NULL;
  gint64 n_objects;

  g_assert_cmpuint (linli_store_schema_version (), >=, 1);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (linli_store_get_path (f->store), ==, f->path);
  assert_pragmas (f->store);
  g_assert_null (linli_store_dup_community (f->store));
  {
    guint n_types;
    const GType *types = linli_record_types (&n_types);
    for (guint i = 0; i < n_types; i++)
      g_assert_cmpuint (linli_store_count (f->store, types[i]), ==, 0);
  }

  n_objects = query_int (f->store, "SELECT count(*) FROM sqlite_schema");
  g_assert_cmpint (n_objects, >, 12);
  insert_ok (f->store, community);

  /* Closed and opened again: the same file, not migrated twice. */
  reopen (f);
  assert_pragmas (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM sqlite_schema"), ==, n_objects);
  read_back = linli_store_dup_community (f->store);
  g_assert_nonnull (read_back);
  g_assert_true (linli_record_equal (community, LINLI_RECORD (read_back)));

  reopen (f);
  assert_pragmas (f->store);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_COMMUNITY), ==, 1);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  g_assert_no_error (error);
  f->store = linli_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  assert_pragmas (f->store);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
}

static void
test_cannot_create (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "sub", "linli.db", NULL);
  g_autoptr(LinliStore) store = NULL;

  /* A folder cannot be made inside a regular file, even by root. */
  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  store = linli_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A folder where the file should be. */
  g_clear_error (&error);
  store = linli_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->dir));
}

/* ------------------------------------------------------------------------ */
/* Refusals: files that are not ours, too new or damaged stay untouched    */

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s exists", side);
    }
}

/* Opens @path as the application does. Damage inside a file that looks
 * sound is found by the check that runs after opening; until it is over no
 * write can start, and once it has failed none ever does. */
static LinliStore *
open_checked (const char  *path,
              GError     **error)
{
  g_autoptr(LinliStore) store = linli_store_open (path, error);
  g_autoptr(GError) write_error = NULL;

  if (store == NULL || linli_store_verify (store, error))
    return g_steal_pointer (&store);

  g_assert_false (linli_store_begin (store, &write_error));
  g_assert_error (write_error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED);
  return NULL;
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before, n_after;

  assert_no_side_files (path);
  g_assert_true (g_file_get_contents (path, &before, &n_before, NULL));

  store = open_checked (path, &error);
  g_assert_null (store);
  if (!g_error_matches (error, LINLI_STORE_ERROR, code))
    g_error ("%s: expected LinliStoreError %d, got %s (%d)", path, code,
             error ? error->message : "no error", error ? error->code : -1);
  if (strstr (error->message, path) == NULL)
    g_error ("The message does not name the file: %s", error->message);

  g_assert_true (g_file_get_contents (path, &after, &n_after, NULL));
  g_assert_cmpmem (before, n_before, after, n_after);
  assert_no_side_files (path);

  /* A second try gives the same answer: the first left nothing behind. */
  g_clear_error (&error);
  store = open_checked (path, &error);
  g_assert_null (store);
  g_assert_error (error, LINLI_STORE_ERROR, code);
  assert_no_side_files (path);
}

static char *
sibling (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
test_refuse_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = sibling (f, "notes.txt");

  g_assert_true (g_file_set_contents (path, "hello", -1, NULL));
  assert_refused (path, LINLI_STORE_ERROR_NOT_LINLI);
}

static void
test_refuse_binary (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = sibling (f, "picture.png");
  guint8 bytes[4096];

  memcpy (bytes, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (guint i = 16; i < sizeof bytes; i++)
    bytes[i] = (guint8) (i * 7 + 3);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
  assert_refused (path, LINLI_STORE_ERROR_NOT_LINLI);
}

static void
test_refuse_other_database (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = sibling (f, "other.sqlite");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE foo(x); INSERT INTO foo VALUES (1), (2);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_refused (path, LINLI_STORE_ERROR_NOT_LINLI);
}

/* A Linli database with @n_cases cases, closed, with nothing beside it. */
static void
make_database (const char *path,
               guint       n_cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliStore) store = linli_store_open (path, &error);
  g_autoptr(LinliRecord) community = minimal_community ();

  g_assert_no_error (error);
  insert_ok (store, community);
  g_assert_true (linli_store_begin (store, &error));
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-%04u", i + 1);
      g_autoptr(LinliRecord) record = minimal_case (number, 1 + i % 28);
      g_autofree char *description = g_strnfill (200 + i % 50, 'a' + i % 26);

      linli_record_set_text (record, "description", description);
      insert_ok (store, record);
    }
  g_assert_true (linli_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_no_side_files (path);
}

static void
test_refuse_too_new (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", linli_store_schema_version () + 1);
  sqlite3 *db = NULL;

  make_database (f->path, 20);

  /* Bumped by a "newer Linli", then left settled: checkpointed and closed. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_refused (f->path, LINLI_STORE_ERROR_TOO_NEW);
}

static guint
page_size_of (const char *contents)
{
  guint size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  return size == 1 ? 65536 : size;
}

static void
test_refuse_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *garbage = g_malloc (4096);
  gsize length;
  guint page_size, n_pages;
  const struct {
    const char *name;
    guint       page;   /* where the garbage goes; 0 for the middle */
  } damages[] = { { "page-4.db", 3 }, { "middle.db", 0 } };

  make_database (f->path, 400);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  page_size = page_size_of (contents);
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >, 20);
  memset (garbage, 0xFF, 4096);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *path = sibling (f, damages[i].name);
      g_autofree char *copy = g_memdup2 (contents, length);
      gsize offset = (gsize) (damages[i].page ? damages[i].page : n_pages / 2) * page_size;

      memcpy (copy + offset, garbage, 4096);
      g_assert_true (g_file_set_contents (path, copy, length, NULL));
      assert_refused (path, LINLI_STORE_ERROR_DAMAGED);
    }

  /* Cut short, as by a full disk or a copy that stopped. */
  {
    g_autofree char *path = sibling (f, "truncated.db");
    g_assert_true (g_file_set_contents (path, contents, (n_pages / 2) * page_size + 1000, NULL));
    assert_refused (path, LINLI_STORE_ERROR_DAMAGED);
  }

  /* The original itself is fine. */
  reopen (f);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 400);
}

/* ------------------------------------------------------------------------ */
/* Create, read, update, delete: every kind of record                       */

typedef struct
{
  gint64 worker1, worker2, grid, building, resident, case_id, volunteer, org1, org2, activity;
  gint64 entry;  /* the case's first diary entry, which the store wrote */
} Deps;

/* Records the one under test refers to, each of them distinct from it. */
static void
make_deps (LinliStore *store,
           Deps       *d)
{
  g_autoptr(LinliRecord) w1 = minimal_worker ("王网格");
  g_autoptr(LinliRecord) w2 = minimal_worker ("张委员");
  g_autoptr(LinliRecord) grid = minimal_grid ("D1");
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) record = minimal_case ("2025-0001", 1);
  g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
  g_autoptr(LinliRecord) org1 = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(LinliRecord) org2 = linli_record_new (LINLI_TYPE_ORGANISATION);
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);

  d->worker1 = insert_ok (store, w1);
  d->worker2 = insert_ok (store, w2);
  d->grid = insert_ok (store, grid);
  linli_record_set_text (building, "name", "1号楼");
  d->building = insert_ok (store, building);
  linli_record_set_text (resident, "name", "赵大爷");
  d->resident = insert_ok (store, resident);
  d->case_id = insert_ok (store, record);
  {
    g_autoptr(GListModel) entries = linli_store_list_diary_entries (store, d->case_id);
    g_autoptr(LinliRecord) first = g_list_model_get_item (entries, 0);
    d->entry = linli_record_get_id (first);
  }
  linli_record_set_text (volunteer, "name", "志愿者甲");
  d->volunteer = insert_ok (store, volunteer);
  linli_record_set_text (org1, "name", "任城公安分局");
  d->org1 = insert_ok (store, org1);
  linli_record_set_text (org2, "name", "反诈中心");
  d->org2 = insert_ok (store, org2);
  linli_record_set_text (activity, "title", "环境整治");
  linli_record_set_text (activity, "type", "环境整治");
  set_time (activity, "start_at", 2026, 3, 5, 9, 0);
  d->activity = insert_ok (store, activity);
  g_assert_cmpint (d->org1, <, d->org2);
  g_assert_cmpint (d->worker1, <, d->worker2);
}

/* A record of @type with every column set, none left as new. */
static LinliRecord *
full_record (GType       type,
             const Deps *d)
{
  LinliRecord *r = linli_record_new (type);

  if (type == LINLI_TYPE_COMMUNITY)
    {
      linli_record_set_text (r, "name", "东方御园社区");
      linli_record_set_text (r, "subdistrict", "许庄街道");
      linli_record_set_text (r, "city", "济宁市");
      linli_record_set_double (r, "center_lat", 35.4012345678901);
      linli_record_set_double (r, "center_lon", 116.587123456789);
      linli_record_set_double (r, "zoom", 16.5);
      linli_record_set_text (r, "secretary", "李书记");
      linli_record_set_bool (r, "is_demo", TRUE);
      set_time (r, "created_at", 2026, 1, 2, 8, 30);
      linli_record_set_text (r, "base_map", "xyz");
      linli_record_set_text (r, "tile_url", "https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=k");
      linli_record_set_text (r, "mbtiles_path", "/srv/maps/jining.mbtiles");
      linli_record_set_text (r, "site_plan_path", "/srv/maps/平面图.png");
      linli_record_set_text (r, "site_plan_points", "[[0,0,116.58,35.40],[100,80,116.59,35.41]]");
      linli_record_set_double (r, "site_plan_opacity", 0.5);
    }
  else if (type == LINLI_TYPE_GRID)
    {
      const gint64 workers[] = { d->worker1, d->worker2 };
      linli_record_set_text (r, "code", "G07");
      linli_record_set_text (r, "name", "第七网格");
      linli_record_set_enum (r, "kind", LINLI_GRID_KIND_SENTIMENT);
      linli_record_set_text (r, "color", "#AbCd09");
      linli_record_set_text (r, "boundary", "{\"type\":\"Polygon\",\"coordinates\":[[[116.58,35.40],[116.59,35.40],[116.59,35.41],[116.58,35.40]]]}");
      linli_record_set_int (r, "households", 420);
      linli_record_set_int (r, "population", 1234);
      linli_record_set_text (r, "notes", "含3号楼至7号楼");
      set_time (r, "valid_from", 2025, 1, 1, 0, 0);
      set_time (r, "valid_to", 2027, 12, 31, 0, 0);
      linli_record_set_refs (r, "workers", workers, G_N_ELEMENTS (workers));
    }
  else if (type == LINLI_TYPE_WORKER)
    {
      linli_record_set_text (r, "name", "孙民情");
      linli_record_set_enum (r, "role", LINLI_WORKER_ROLE_OTHER);
      linli_record_set_text (r, "phone", "13800001234");
      linli_record_set_text (r, "notes", "蓝马甲");
      linli_record_set_text (r, "role_title", "楼长");
      set_time (r, "left_at", 2026, 6, 30, 17, 0);
      linli_record_set_refs (r, "grids", &d->grid, 1);
    }
  else if (type == LINLI_TYPE_BUILDING)
    {
      linli_record_set_text (r, "name", "3号楼");
      linli_record_set_int (r, "grid_id", d->grid);
      linli_record_set_double (r, "lat", 35.4023);
      linli_record_set_double (r, "lon", 116.5887);
      linli_record_set_int (r, "units", 3);
      linli_record_set_int (r, "floors", 6);
      linli_record_set_int (r, "households", 36);
      linli_record_set_text (r, "notes", "老旧小区");
    }
  else if (type == LINLI_TYPE_RESIDENT)
    {
      linli_record_set_text (r, "name", "王阿姨");
      linli_record_set_text (r, "phone", "13912345678");
      linli_record_set_text (r, "address", "3号楼1单元三楼西户");
    }
  else if (type == LINLI_TYPE_CASE)
    {
      linli_record_set_text (r, "number", "2026-0042");
      linli_record_set_text (r, "title", "楼上漏水");
      linli_record_set_text (r, "description", "卫生间顶棚渗水，已三天");
      linli_record_set_text (r, "category", "水电维修");
      linli_record_set_text (r, "subcategory", "漏水");
      linli_record_set_text (r, "source", "居民来电");
      linli_record_set_int (r, "reporter_id", d->resident);
      linli_record_set_int (r, "building_id", d->building);
      linli_record_set_text (r, "address", "1单元三楼西户");
      linli_record_set_double (r, "lat", 35.40231);
      linli_record_set_double (r, "lon", 116.58872);
      linli_record_set_int (r, "grid_id", d->grid);
      linli_record_set_bool (r, "grid_overridden", TRUE);
      linli_record_set_enum (r, "urgency", LINLI_URGENCY_HIGH);
      linli_record_set_int (r, "worker_id", d->worker1);
      linli_record_set_text (r, "responsible_unit", "物业");
      set_time (r, "reported_at", 2026, 3, 10, 9, 15);
      set_time (r, "due_at", 2026, 3, 11, 18, 0);
      linli_record_set_enum (r, "status", LINLI_CASE_STATUS_REVISITED);
      linli_record_set_enum (r, "resolution_level", LINLI_RESOLUTION_LEVEL_GRID);
      linli_record_set_text (r, "resolution", "更换楼上水管接头");
      set_time (r, "resolved_at", 2026, 3, 10, 16, 40);
      linli_record_set_enum (r, "satisfaction", LINLI_SATISFACTION_BASICALLY_SATISFIED);
      set_time (r, "revisited_at", 2026, 3, 12, 10, 0);
      linli_record_set_text (r, "revisit_notes", "无再渗水");
      linli_record_set_int (r, "duplicate_of", d->case_id);
    }
  else if (type == LINLI_TYPE_DIARY_ENTRY)
    {
      linli_record_set_int (r, "case_id", d->case_id);
      set_time (r, "at", 2026, 3, 10, 11, 0);
      linli_record_set_int (r, "worker_id", d->worker2);
      linli_record_set_enum (r, "kind", LINLI_DIARY_ENTRY_KIND_CORRECTION);
      linli_record_set_text (r, "text", "上门查看");
      linli_record_set_text (r, "from_value", "a");
      linli_record_set_text (r, "to_value", "b");
      linli_record_set_int (r, "corrects_id", d->entry);
    }
  else if (type == LINLI_TYPE_VOLUNTEER)
    {
      linli_record_set_text (r, "name", "刘志愿");
      linli_record_set_text (r, "phone", "13700000000");
      linli_record_set_text (r, "skills", "理发、维修");
      linli_record_set_text (r, "number", "JN-0001");
      linli_record_set_text (r, "notes", "周末有空");
    }
  else if (type == LINLI_TYPE_ORGANISATION)
    {
      linli_record_set_text (r, "name", "济宁医学院");
      linli_record_set_enum (r, "kind", LINLI_ORGANISATION_KIND_SCHOOL);
      linli_record_set_text (r, "contact", "陈老师");
      linli_record_set_text (r, "phone", "0537-1234567");
      linli_record_set_text (r, "notes", "共建单位");
    }
  else if (type == LINLI_TYPE_ACTIVITY)
    {
      const gint64 partners[] = { d->org1, d->org2 };
      linli_record_set_text (r, "title", "雷锋纪念馆开馆");
      linli_record_set_text (r, "type", "学雷锋");
      set_time (r, "start_at", 2026, 3, 5, 9, 0);
      set_time (r, "end_at", 2026, 3, 5, 11, 30);
      linli_record_set_text (r, "venue", "社区党群服务中心");
      linli_record_set_double (r, "lat", 35.401);
      linli_record_set_double (r, "lon", 116.587);
      linli_record_set_int (r, "grid_id", d->grid);
      linli_record_set_text (r, "organiser", "社区党支部");
      linli_record_set_int (r, "beneficiaries", 200);
      linli_record_set_enum (r, "status", LINLI_ACTIVITY_STATUS_DONE);
      linli_record_set_text (r, "description", "志愿者讲解");
      linli_record_set_refs (r, "partners", partners, G_N_ELEMENTS (partners));
    }
  else if (type == LINLI_TYPE_PARTICIPATION)
    {
      linli_record_set_int (r, "activity_id", d->activity);
      linli_record_set_int (r, "volunteer_id", d->volunteer);
      linli_record_set_text (r, "role", "讲解员");
      linli_record_set_double (r, "hours", 2.5);
    }
  else if (type == LINLI_TYPE_OUTREACH)
    {
      /* Lists in the store's order (by value; see test_lists). */
      const gint64 organisers[] = { d->org1, d->org2 };
      const char *groups[] = { "学生", "老年人", NULL };
      const char *topics[] = { "冒充公检法", "刷单返利", NULL };
      g_assert_cmpint (strcmp (groups[0], groups[1]), <, 0);
      g_assert_cmpint (strcmp (topics[0], topics[1]), <, 0);
      linli_record_set_text (r, "title", "反诈宣传进校园");
      set_time (r, "start_at", 2026, 4, 15, 15, 0);
      set_time (r, "end_at", 2026, 4, 15, 17, 0);
      linli_record_set_text (r, "venue", "济宁医学院礼堂");
      linli_record_set_double (r, "lat", 35.41);
      linli_record_set_double (r, "lon", 116.59);
      linli_record_set_int (r, "grid_id", d->grid);
      linli_record_set_text (r, "speaker", "民警刘警官");
      linli_record_set_enum (r, "format", LINLI_OUTREACH_FORMAT_STALL);
      linli_record_set_int (r, "attendees", 600);
      linli_record_set_int (r, "leaflets", 1000);
      linli_record_set_int (r, "app_installs", 320);
      linli_record_set_int (r, "consultations", 45);
      linli_record_set_text (r, "notes", "国家反诈中心APP");
      linli_record_set_bool (r, "installs_off_site", TRUE);
      linli_record_set_refs (r, "organisers", organisers, G_N_ELEMENTS (organisers));
      linli_record_set_strv (r, "target_groups", groups);
      linli_record_set_strv (r, "topics", topics);
    }
  else
    g_assert_not_reached ();

  return r;
}

/* An edit to each kind: some columns of different types, some emptied. */
static void
change_record (LinliRecord *r,
               const Deps  *d)
{
  GType type = G_OBJECT_TYPE (r);

  if (type == LINLI_TYPE_COMMUNITY)
    {
      linli_record_set_text (r, "secretary", "周书记");
      linli_record_set_double (r, "zoom", 17);
      linli_record_set_bool (r, "is_demo", FALSE);
    }
  else if (type == LINLI_TYPE_GRID)
    {
      const gint64 workers[] = { d->worker2 };
      linli_record_set_enum (r, "kind", LINLI_GRID_KIND_MANAGEMENT);
      linli_record_set_text (r, "boundary", NULL);
      linli_record_set_refs (r, "workers", workers, 1);
    }
  else if (type == LINLI_TYPE_WORKER)
    {
      linli_record_set_enum (r, "role", LINLI_WORKER_ROLE_GRID_WORKER);
      linli_record_set_text (r, "phone", NULL);
    }
  else if (type == LINLI_TYPE_BUILDING)
    {
      linli_record_set_int (r, "floors", 18);
      linli_record_set_double (r, "lat", NAN);
      linli_record_set_int (r, "grid_id", 0);
    }
  else if (type == LINLI_TYPE_RESIDENT)
    linli_record_set_text (r, "address", "5号楼2单元101");
  else if (type == LINLI_TYPE_CASE)
    {
      linli_record_set_text (r, "title", "楼上漏水（复发）");
      linli_record_set_enum (r, "urgency", LINLI_URGENCY_LOW);
      linli_record_set_enum (r, "satisfaction", LINLI_SATISFACTION_NONE);
      linli_record_set_double (r, "lon", NAN);
      linli_record_set_datetime (r, "due_at", NULL);
    }
  else if (type == LINLI_TYPE_DIARY_ENTRY)
    {
      linli_record_set_enum (r, "kind", LINLI_DIARY_ENTRY_KIND_FEEDBACK);
      linli_record_set_int (r, "corrects_id", 0);
      linli_record_set_text (r, "text", "居民满意");
    }
  else if (type == LINLI_TYPE_VOLUNTEER)
    linli_record_set_text (r, "number", NULL);
  else if (type == LINLI_TYPE_ORGANISATION)
    linli_record_set_text (r, "contact", "刘老师");
  else if (type == LINLI_TYPE_ACTIVITY)
    {
      const gint64 partners[] = { d->org2 };
      linli_record_set_enum (r, "status", LINLI_ACTIVITY_STATUS_CANCELLED);
      linli_record_set_datetime (r, "end_at", NULL);
      linli_record_set_refs (r, "partners", partners, 1);
    }
  else if (type == LINLI_TYPE_PARTICIPATION)
    {
      linli_record_set_double (r, "hours", 24);
      linli_record_set_text (r, "role", NULL);
    }
  else if (type == LINLI_TYPE_OUTREACH)
    {
      const char *topics[] = { "养老诈骗", NULL };
      const gint64 organisers[] = { d->org1 };
      linli_record_set_int (r, "attendees", 650);
      linli_record_set_strv (r, "topics", topics);
      linli_record_set_strv (r, "target_groups", NULL);
      linli_record_set_refs (r, "organisers", organisers, 1);
    }
  else
    g_assert_not_reached ();
}

/* No column of @record is left as a new record has it, so reading it back
 * equal shows every column is stored. */
static void
assert_all_columns_set (LinliRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  g_autoptr(LinliRecord) fresh = linli_record_new (type);
  guint n_columns;
  const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (record), &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(LinliRecord) probe = linli_record_new (type);
      GValue value = G_VALUE_INIT;

      g_value_init (&value, G_VALUE_TYPE (linli_record_peek_value (record, i)));
      g_value_copy (linli_record_peek_value (record, i), &value);
      linli_record_take_value (probe, i, &value);
      if (linli_record_equal (probe, fresh))
        g_error ("%s.%s is not set by the test", G_OBJECT_TYPE_NAME (record), columns[i].name);
    }
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  GType type = linli_record_types (NULL)[GPOINTER_TO_UINT (data)];
  g_autoptr(GError) error = NULL;
  g_autoptr(Watch) watch = NULL;
  g_autoptr(LinliRecord) record = NULL;
  g_autoptr(LinliRecord) read_back = NULL;
  g_autoptr(LinliRecord) edited = NULL;
  g_autoptr(LinliRecord) gone = NULL;
  Deps deps;
  guint count;
  gint64 id;

  make_deps (f->store, &deps);
  record = full_record (type, &deps);
  assert_all_columns_set (record);
  count = linli_store_count (f->store, type);
  watch = watch_new (f->store);

  /* Insert: the id is set, the row reads back equal. */
  id = insert_ok (f->store, record);
  g_assert_cmpuint (linli_store_count (f->store, type), ==, count + 1);
  assert_emitted (watch, type, LINLI_CHANGE_INSERTED, id);
  read_back = linli_store_get (f->store, type, id, &error);
  g_assert_no_error (error);
  g_assert_true (G_OBJECT_TYPE (read_back) == type);
  g_assert_true (read_back != record);
  g_assert_true (linli_record_equal (read_back, record));

  /* Update: the change is stored, and reads back as changed. */
  edited = linli_record_copy (read_back);
  change_record (edited, &deps);
  g_assert_false (linli_record_equal (edited, record));
  watch_clear (watch);
  update_ok (f->store, edited);
  assert_emitted (watch, type, LINLI_CHANGE_UPDATED, id);
  g_clear_object (&read_back);
  g_clear_pointer (&watch, watch_free);
  reopen (f);
  watch = watch_new (f->store);
  read_back = linli_store_get (f->store, type, id, &error);
  g_assert_no_error (error);
  g_assert_true (linli_record_equal (read_back, edited));
  g_assert_false (linli_record_equal (read_back, record));

  /* Delete: gone, and a second delete or an update finds nothing. */
  g_assert_true (linli_store_delete (f->store, edited, &error));
  g_assert_no_error (error);
  assert_emitted (watch, type, LINLI_CHANGE_DELETED, id);
  g_assert_cmpuint (linli_store_count (f->store, type), ==, count);
  gone = linli_store_get (f->store, type, id, &error);
  g_assert_null (gone);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  watch_clear (watch);
  g_assert_false (linli_store_delete (f->store, edited, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (linli_store_update (f->store, edited, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (watch->total, ==, 0);
  g_assert_cmpuint (linli_store_count (f->store, type), ==, count);
}

/* Lists come back in the order of their values, each value once. */
static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(LinliRecord) read_back = NULL;
  g_autoptr(LinliRecord) grid = minimal_grid ("L1");
  g_autoptr(LinliRecord) grid_back = NULL;
  g_autoptr(LinliRecord) w1 = minimal_worker ("甲");
  g_autoptr(LinliRecord) w2 = minimal_worker ("乙");
  const char *topics[] = { "刷单返利", "冒充公检法", "刷单返利", NULL };
  const char *sorted[] = { "冒充公检法", "刷单返利", NULL };
  gint64 workers[3];
  GArray *refs;

  linli_record_set_text (outreach, "title", "反诈");
  set_time (outreach, "start_at", 2026, 4, 1, 9, 0);
  linli_record_set_strv (outreach, "topics", topics);
  insert_ok (f->store, outreach);
  read_back = linli_store_get (f->store, LINLI_TYPE_OUTREACH, linli_record_get_id (outreach), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (linli_record_get_strv (read_back, "topics"), sorted));
  g_assert_null (linli_record_get_strv (read_back, "target_groups"));

  workers[0] = workers[2] = insert_ok (f->store, w2);
  workers[1] = insert_ok (f->store, w1);
  linli_record_set_refs (grid, "workers", workers, 3);
  insert_ok (f->store, grid);
  grid_back = linli_store_get (f->store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
  g_assert_no_error (error);
  refs = linli_record_get_refs (grid_back, "workers");
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpint (g_array_index (refs, gint64, 0), ==, MIN (workers[0], workers[1]));
  g_assert_cmpint (g_array_index (refs, gint64, 1), ==, MAX (workers[0], workers[1]));
}

/* Times are stored in the local zone, to the microsecond, so they read back
 * equal and sort as text whatever zone they were made in. */
static void
test_times (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) early_utc = g_date_time_new (utc, 2026, 3, 1, 3, 0, 0.25);  /* 11:00:00.25 local */
  g_autoptr(GDateTime) late_local = g_date_time_new_local (2026, 3, 1, 10, 30, 0); /* 02:30 UTC */
  g_autoptr(LinliRecord) a = minimal_case ("2026-0001", 1);
  g_autoptr(LinliRecord) b = minimal_case ("2026-0002", 1);
  g_autoptr(LinliRecord) a_back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(LinliRecord) first = NULL;
  g_autofree char *text = NULL;

  linli_record_set_datetime (a, "reported_at", early_utc);
  linli_record_set_datetime (b, "reported_at", late_local);
  insert_ok (f->store, a);
  insert_ok (f->store, b);

  a_back = linli_store_get (f->store, LINLI_TYPE_CASE, linli_record_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_true (linli_record_equal (a_back, a));
  text = query_text (f->store, "SELECT reported_at FROM case_record WHERE number = '2026-0001'");
  g_assert_cmpstr (text, ==, "2026-03-01T11:00:00.250000+08:00");

  /* Newest first: the case made in UTC is the later one. */
  list = linli_store_list (f->store, LINLI_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (linli_record_get_id (first), ==, linli_record_get_id (a));
}

/* ------------------------------------------------------------------------ */
/* The "changed" signal, transactions                                       */

static void
test_changed_detail (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Watch) watch = watch_new (f->store);
  g_autoptr(LinliRecord) record = minimal_case ("2026-0001", 3);
  g_autoptr(LinliRecord) worker = minimal_worker ("王");
  g_autoptr(LinliRecord) grid = minimal_grid ("C1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  gint64 case_id, worker_id;

  /* A new case writes its first timeline entry too. */
  case_id = insert_ok (f->store, record);
  assert_emitted (watch, LINLI_TYPE_CASE, LINLI_CHANGE_INSERTED, case_id);
  g_assert_cmpuint (watch_get (watch, LINLI_TYPE_DIARY_ENTRY)->len, ==, 1);
  g_assert_cmpuint (watch_get (watch, LINLI_TYPE_WORKER)->len, ==, 0);
  g_assert_cmpuint (watch->total, ==, 2);

  watch_clear (watch);
  worker_id = insert_ok (f->store, worker);
  assert_emitted (watch, LINLI_TYPE_WORKER, LINLI_CHANGE_INSERTED, worker_id);
  g_assert_cmpuint (watch->total, ==, 1);

  /* Deleting a row tells the tables that pointed at it: the worker leaves
   * the grid's list and the case's assignment. */
  linli_record_set_refs (grid, "workers", &worker_id, 1);
  insert_ok (f->store, grid);
  linli_record_set_int (record, "worker_id", worker_id);
  update_ok (f->store, record);
  watch_clear (watch);
  g_assert_true (linli_store_delete (f->store, worker, &error));
  g_assert_no_error (error);
  assert_emitted (watch, LINLI_TYPE_WORKER, LINLI_CHANGE_DELETED, worker_id);
  assert_emitted (watch, LINLI_TYPE_GRID, LINLI_CHANGE_RESET, 0);
  assert_emitted (watch, LINLI_TYPE_CASE, LINLI_CHANGE_RESET, 0);
  {
    g_autoptr(LinliRecord) g = linli_store_get (f->store, LINLI_TYPE_GRID, linli_record_get_id (grid), &error);
    g_autoptr(LinliRecord) c = linli_store_get (f->store, LINLI_TYPE_CASE, case_id, &error);
    g_assert_no_error (error);
    GArray *refs = linli_record_get_refs (g, "workers");
    g_assert_true (refs == NULL || refs->len == 0);
    g_assert_cmpint (linli_record_get_int (c, "worker_id"), ==, 0);
  }

  /* And deleting a case takes its timeline with it. */
  events = linli_store_list_diary_entries (f->store, case_id);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  watch_clear (watch);
  g_assert_true (linli_store_delete (f->store, record, &error));
  g_assert_no_error (error);
  assert_emitted (watch, LINLI_TYPE_CASE, LINLI_CHANGE_DELETED, case_id);
  assert_emitted (watch, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_RESET, 0);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 0);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Watch) watch = watch_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) org = linli_record_new (LINLI_TYPE_ORGANISATION);

  g_assert_true (linli_store_begin (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("网格员%u", i);
      g_autoptr(LinliRecord) worker = minimal_worker (name);
      insert_ok (f->store, worker);
    }
  /* A nested transaction tells nothing until the outer one ends. */
  g_assert_true (linli_store_begin (f->store, &error));
  linli_record_set_text (org, "name", "物业公司");
  insert_ok (f->store, org);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_cmpuint (watch->total, ==, 0);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* Once per table: several workers are a reset, one organisation itself. */
  assert_emitted (watch, LINLI_TYPE_WORKER, LINLI_CHANGE_RESET, 0);
  assert_emitted (watch, LINLI_TYPE_ORGANISATION, LINLI_CHANGE_INSERTED, linli_record_get_id (org));
  g_assert_cmpuint (watch->total, ==, 2);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_WORKER), ==, 3);
  g_assert_true (sqlite3_get_autocommit (linli_store_get_db (f->store)));

  /* A batch of cases: one signal for the cases, one for their timelines. */
  watch_clear (watch);
  g_assert_true (linli_store_begin (f->store, &error));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-%04u", i + 1);
      g_autoptr(LinliRecord) record = minimal_case (number, i + 1);
      insert_ok (f->store, record);
    }
  g_assert_cmpuint (watch->total, ==, 0);
  g_assert_true (linli_store_commit (f->store, &error));
  assert_emitted (watch, LINLI_TYPE_CASE, LINLI_CHANGE_RESET, 0);
  assert_emitted (watch, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_RESET, 0);
  g_assert_cmpuint (watch->total, ==, 2);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (f->store);
  g_autofree char *after = NULL;
  g_autoptr(LinliRecord) kept = minimal_worker ("留下");
  g_autoptr(LinliRecord) bad = minimal_worker ("");
  g_autoptr(LinliRecord) also_kept = minimal_worker ("也留下");
  g_autoptr(LinliRecord) undone = minimal_worker ("撤销");
  g_autoptr(LinliRecord) gone = NULL;

  /* All of a batch undone. */
  g_assert_true (linli_store_begin (f->store, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-%04u", i + 1);
      g_autoptr(LinliRecord) record = minimal_case (number, 2);
      insert_ok (f->store, record);
    }
  linli_store_rollback (f->store);
  after = fingerprint (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 0);
  g_assert_true (sqlite3_get_autocommit (linli_store_get_db (f->store)));

  /* Inside a batch, a refused write and a rolled back inner transaction
   * undo only themselves. */
  g_assert_true (linli_store_begin (f->store, &error));
  insert_ok (f->store, kept);
  g_assert_false (linli_store_insert (f->store, bad, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (linli_record_get_id (bad), ==, 0);
  g_assert_true (linli_store_begin (f->store, &error));
  insert_ok (f->store, undone);
  linli_store_rollback (f->store);
  insert_ok (f->store, also_kept);
  g_assert_true (linli_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_WORKER), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM worker WHERE name = '撤销'"), ==, 0);
  gone = linli_store_get (f->store, LINLI_TYPE_WORKER, linli_record_get_id (also_kept), &error);
  g_assert_no_error (error);
  g_assert_true (linli_record_equal (gone, also_kept));
}

/* ------------------------------------------------------------------------ */
/* Rules of the schema                                                      */

/* @record is refused with LINLI_STORE_ERROR_CONSTRAINT, and nothing at all
 * is written or announced. */
static void
assert_insert_refused (Fixture     *f,
                       LinliRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Watch) watch = watch_new (f->store);
  g_autofree char *before = fingerprint (f->store);
  g_autofree char *after = NULL;

  g_assert_cmpint (linli_record_get_id (record), ==, 0);
  if (linli_store_insert (f->store, record, &error))
    g_error ("A %s that breaks a rule was stored", G_OBJECT_TYPE_NAME (record));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (linli_record_get_id (record), ==, 0);
  after = fingerprint (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (watch->total, ==, 0);
  g_assert_true (sqlite3_get_autocommit (linli_store_get_db (f->store)));
}

static void
assert_update_refused (Fixture     *f,
                       LinliRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Watch) watch = watch_new (f->store);
  g_autofree char *before = fingerprint (f->store);
  g_autofree char *after = NULL;
  g_autoptr(LinliRecord) stored_before = linli_store_get (f->store, G_OBJECT_TYPE (record),
                                                          linli_record_get_id (record), NULL);
  g_autoptr(LinliRecord) stored_after = NULL;

  g_assert_false (linli_store_update (f->store, record, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  after = fingerprint (f->store);
  g_assert_cmpstr (after, ==, before);
  stored_after = linli_store_get (f->store, G_OBJECT_TYPE (record), linli_record_get_id (record), NULL);
  g_assert_true (linli_record_equal (stored_before, stored_after));
  g_assert_cmpuint (watch->total, ==, 0);
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LinliRecord) community = minimal_community ();
  g_autoptr(LinliRecord) grid = minimal_grid ("G01");
  g_autoptr(LinliRecord) valid = minimal_case ("2026-0001", 5);
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
  GString *title = g_string_new (NULL);

  insert_ok (f->store, community);
  insert_ok (f->store, grid);
  insert_ok (f->store, valid);

  /* Titles: present, and at most 100 characters (not bytes). */
  {
    g_autoptr(LinliRecord) r = minimal_case ("2026-0002", 5);
    linli_record_set_text (r, "title", "");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "title", "   ");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "title", NULL);
    assert_insert_refused (f, r);
    for (guint i = 0; i < 101; i++)
      g_string_append (title, "漏");
    linli_record_set_text (r, "title", title->str);
    assert_insert_refused (f, r);
    g_string_truncate (title, 100 * strlen ("漏"));
    linli_record_set_text (r, "title", title->str);
    insert_ok (f->store, r);
  }

  /* Grids: kind, colour, counts, unique code. */
  {
    g_autoptr(LinliRecord) r = minimal_grid ("G02");
    linli_record_set_enum (r, "kind", 42);
    assert_insert_refused (f, r);
    linli_record_set_enum (r, "kind", LINLI_GRID_KIND_MANAGEMENT);
    linli_record_set_text (r, "color", "red");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "color", "#12345g");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "color", "#1234567");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "color", NULL);
    assert_insert_refused (f, r);
    linli_record_set_text (r, "color", "#a1B2c3");
    linli_record_set_int (r, "households", -1);
    assert_insert_refused (f, r);
    linli_record_set_int (r, "households", 0);
    linli_record_set_int (r, "population", -5);
    assert_insert_refused (f, r);
    linli_record_set_int (r, "population", 0);
    linli_record_set_text (r, "code", "G01");
    assert_insert_refused (f, r);
    linli_record_set_text (r, "code", "G02");
    insert_ok (f->store, r);
  }

  /* A list that points at a missing row is refused with its record. */
  {
    g_autoptr(LinliRecord) r = minimal_grid ("G03");
    const gint64 missing = 9999;
    linli_record_set_refs (r, "workers", &missing, 1);
    assert_insert_refused (f, r);
  }

  /* The case workflow's rules. */
  {
    g_autoptr(LinliRecord) r = minimal_case ("2026-0003", 5);
    g_autoptr(GDateTime) reported = g_date_time_new_local (2026, 3, 5, 9, 0, 0);
    g_autoptr(GDateTime) earlier = g_date_time_add_hours (reported, -1);
    g_autoptr(GDateTime) later = g_date_time_add_hours (reported, 5);

    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_RESOLVED);
    linli_record_set_datetime (r, "resolved_at", later);
    assert_insert_refused (f, r);            /* no resolution */
    linli_record_set_text (r, "resolution", " ");
    assert_insert_refused (f, r);            /* a blank one */
    linli_record_set_text (r, "resolution", "已修复");
    linli_record_set_datetime (r, "resolved_at", NULL);
    assert_insert_refused (f, r);            /* no time */
    linli_record_set_datetime (r, "resolved_at", later);
    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_REVISITED);
    assert_insert_refused (f, r);            /* revisited, but when? */
    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_DUPLICATE);
    assert_insert_refused (f, r);            /* a duplicate of what? */
    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_REGISTERED);
    linli_record_set_datetime (r, "due_at", earlier);
    assert_insert_refused (f, r);            /* due before it was reported */
    linli_record_set_datetime (r, "due_at", later);
    linli_record_set_int (r, "worker_id", 9999);
    assert_insert_refused (f, r);            /* no such worker */
    linli_record_set_int (r, "worker_id", 0);
    linli_record_set_text (r, "number", "2026-0001");
    assert_insert_refused (f, r);            /* the number is taken */
    linli_record_set_text (r, "number", "26-1");
    assert_insert_refused (f, r);            /* not a case number */
    linli_record_set_text (r, "number", "2026-0003");
    linli_record_set_double (r, "lat", 95);
    assert_insert_refused (f, r);            /* not a latitude */
    linli_record_set_double (r, "lat", NAN);
    insert_ok (f->store, r);
  }

  /* The same rules hold for an update, which writes no timeline entry. */
  {
    g_autoptr(LinliRecord) r = linli_record_copy (valid);
    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_RESOLVED);
    assert_update_refused (f, r);
    linli_record_set_enum (r, "status", LINLI_CASE_STATUS_DUPLICATE);
    linli_record_set_int (r, "duplicate_of", linli_record_get_id (valid));
    assert_update_refused (f, r);            /* a duplicate of itself */
    linli_record_set_int (r, "duplicate_of", 9999);
    assert_update_refused (f, r);
  }

  /* Participation: up to 24 hours a day. */
  linli_record_set_text (activity, "title", "助老");
  linli_record_set_text (activity, "type", "助老");
  set_time (activity, "start_at", 2026, 3, 8, 9, 0);
  insert_ok (f->store, activity);
  linli_record_set_text (volunteer, "name", "志愿者");
  insert_ok (f->store, volunteer);
  {
    g_autoptr(LinliRecord) r = linli_record_new (LINLI_TYPE_PARTICIPATION);
    linli_record_set_int (r, "activity_id", linli_record_get_id (activity));
    linli_record_set_int (r, "volunteer_id", linli_record_get_id (volunteer));
    linli_record_set_double (r, "hours", 25);
    assert_insert_refused (f, r);
    linli_record_set_double (r, "hours", -1);
    assert_insert_refused (f, r);
    linli_record_set_double (r, "hours", NAN);
    assert_insert_refused (f, r);
    linli_record_set_double (r, "hours", 24);
    insert_ok (f->store, r);
  }

  /* One community per file. */
  {
    g_autoptr(LinliRecord) second = minimal_community ();
    g_assert_cmpint (linli_record_get_id (community), ==, 1);
    assert_insert_refused (f, second);
  }

  g_string_free (title, TRUE);
}

/* ------------------------------------------------------------------------ */
/* The case timeline (民情日记)                                              */

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

/* The timeline entries of a case, oldest first. */
static GPtrArray *
events_of (LinliStore *store,
           gint64      case_id)
{
  g_autoptr(GListModel) list = linli_store_list_diary_entries (store, case_id);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (events, g_list_model_get_item (list, i));
  return events;
}

static void
assert_event (LinliRecord        *event,
              LinliDiaryEntryKind  kind,
              GDateTime          *at,
              gint64              worker_id,
              const char         *from,
              const char         *to)
{
  g_assert_cmpint (linli_record_get_enum (event, "kind"), ==, kind);
  g_assert_nonnull (linli_record_get_datetime (event, "at"));
  if (!g_date_time_equal (linli_record_get_datetime (event, "at"), at))
    {
      g_autofree char *want = g_date_time_format_iso8601 (at);
      g_autofree char *got = g_date_time_format_iso8601 (linli_record_get_datetime (event, "at"));
      g_error ("The entry is at %s, not %s", got, want);
    }
  g_assert_cmpint (linli_record_get_int (event, "worker_id"), ==, worker_id);
  g_assert_cmpstr (linli_record_get_text (event, "from_value"), ==, from);
  g_assert_cmpstr (linli_record_get_text (event, "to_value"), ==, to);
}

static void
test_diary_entries (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 20, 14, 30, 5);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 45);
  g_autoptr(LinliRecord) record = minimal_case ("2026-0007", 20);
  g_autoptr(LinliRecord) other = minimal_case ("2026-0008", 20);
  g_autoptr(LinliRecord) w1 = minimal_worker ("王网格");
  g_autoptr(LinliRecord) w2 = minimal_worker ("李网格");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(Watch) watch = NULL;
  g_autoptr(GDateTime) clock_now = NULL;
  g_autofree char *w1_text = NULL;
  g_autofree char *w2_text = NULL;
  gint64 id;

  insert_ok (f->store, w1);
  insert_ok (f->store, w2);
  w1_text = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_id (w1));
  w2_text = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_id (w2));
  insert_ok (f->store, other);

  linli_store_set_clock (f->store, fixed_clock, now);
  clock_now = linli_store_now (f->store);
  g_assert_true (g_date_time_equal (clock_now, now));

  /* Registered: one entry, at the time it was reported. */
  id = insert_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 1);
  assert_event (events->pdata[0], LINLI_DIARY_ENTRY_KIND_STATUS,
                linli_record_get_datetime (record, "reported_at"), 0, NULL, "registered");
  g_assert_cmpint (linli_record_get_int (events->pdata[0], "case_id"), ==, id);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* An edit that touches neither status nor worker writes nothing. */
  linli_record_set_text (record, "description", "东侧楼道");
  update_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* A status change, stamped by the store's clock. */
  watch = watch_new (f->store);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_SUSPENDED);
  update_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 2);
  assert_event (events->pdata[1], LINLI_DIARY_ENTRY_KIND_STATUS, now, 0, "registered", "suspended");
  assert_emitted (watch, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_INSERTED,
                  linli_record_get_id (events->pdata[1]));
  g_clear_pointer (&events, g_ptr_array_unref);

  /* An assignment. */
  linli_record_set_int (record, "worker_id", linli_record_get_id (w1));
  update_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 3);
  assert_event (events->pdata[2], LINLI_DIARY_ENTRY_KIND_ASSIGNMENT, now,
                linli_record_get_id (w1), NULL, w1_text);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Both at once, later: two entries. */
  linli_store_set_clock (f->store, fixed_clock, later);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_IN_PROGRESS);
  linli_record_set_int (record, "worker_id", linli_record_get_id (w2));
  update_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 5);
  assert_event (events->pdata[3], LINLI_DIARY_ENTRY_KIND_STATUS, later,
                linli_record_get_id (w2), "suspended", "in-progress");
  assert_event (events->pdata[4], LINLI_DIARY_ENTRY_KIND_ASSIGNMENT, later,
                linli_record_get_id (w2), w1_text, w2_text);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Unassigned again. */
  linli_record_set_int (record, "worker_id", 0);
  update_ok (f->store, record);
  events = events_of (f->store, id);
  g_assert_cmpuint (events->len, ==, 6);
  assert_event (events->pdata[5], LINLI_DIARY_ENTRY_KIND_ASSIGNMENT, later, 0, w2_text, NULL);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* The other case kept its own single entry. */
  events = events_of (f->store, linli_record_get_id (other));
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 7);

  linli_store_set_clock (f->store, NULL, NULL);
}

/* Undo of a delete: the record and what went with it come back with their
 * ids in one transaction, or nothing does. */
static void
test_restore_all (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LinliRecord) record = minimal_case ("2026-0031", 20);
  g_autoptr(LinliRecord) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = insert_ok (f->store, record);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_SUSPENDED);
  update_ok (f->store, record);
  entries = events_of (f->store, id);
  g_assert_cmpuint (entries->len, ==, 2);

  g_assert_true (linli_store_delete (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 0);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 0);

  g_assert_true (linli_store_restore_all (f->store, record, entries, &error));
  g_assert_no_error (error);
  back = linli_store_get (f->store, LINLI_TYPE_CASE, id, &error);
  g_assert_nonnull (back);
  g_assert_cmpint (linli_record_get_enum (back, "status"), ==, LINLI_CASE_STATUS_SUSPENDED);
  again = events_of (f->store, id);
  g_assert_cmpuint (again->len, ==, 2);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (linli_record_get_id (again->pdata[i]), ==, linli_record_get_id (entries->pdata[i]));

  /* Put back twice: the case is there already, so nothing is written. */
  g_assert_false (linli_store_restore_all (f->store, record, entries, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, 1);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, 2);
}

/* Undo of a change to several records: each written back as it was, in
 * one transaction, or none when one cannot be. */
static void
test_update_all (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LinliRecord) a = minimal_case ("2026-0041", 20);
  g_autoptr(LinliRecord) b = minimal_case ("2026-0042", 20);
  g_autoptr(LinliRecord) gone = minimal_case ("2026-0043", 20);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  insert_ok (f->store, a);
  insert_ok (f->store, b);
  insert_ok (f->store, gone);
  g_ptr_array_add (before, linli_record_copy (a));
  g_ptr_array_add (before, linli_record_copy (b));
  linli_record_set_enum (a, "status", LINLI_CASE_STATUS_SUSPENDED);
  linli_record_set_enum (b, "status", LINLI_CASE_STATUS_SUSPENDED);
  update_ok (f->store, a);
  update_ok (f->store, b);

  /* A record no longer stored fails the whole: a stays as changed. */
  g_ptr_array_add (before, linli_record_copy (gone));
  g_assert_true (linli_store_delete (f->store, gone, &error));
  g_assert_false (linli_store_update_all (f->store, before, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  stored = linli_store_get (f->store, LINLI_TYPE_CASE, linli_record_get_id (a), NULL);
  g_assert_cmpint (linli_record_get_enum (stored, "status"), ==, LINLI_CASE_STATUS_SUSPENDED);
  g_clear_object (&stored);

  g_ptr_array_remove_index (before, 2);
  g_assert_true (linli_store_update_all (f->store, before, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    {
      stored = linli_store_get (f->store, LINLI_TYPE_CASE, linli_record_get_id (before->pdata[i]), NULL);
      g_assert_cmpint (linli_record_get_enum (stored, "status"), ==, LINLI_CASE_STATUS_REGISTERED);
      g_clear_object (&stored);
    }
}

static void
test_case_numbers (Fixture       *f,
                   gconstpointer  data)
{
  const char *numbers[] = { "2026-0041", "2026-0007", "2025-0003", "2024-9999" };
  char *next;

  next = linli_store_next_case_number (f->store, 2026);
  g_assert_cmpstr (next, ==, "2026-0001");
  g_free (next);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(LinliRecord) record = minimal_case (numbers[i], 1 + i);
      insert_ok (f->store, record);
    }

  next = linli_store_next_case_number (f->store, 2026);
  g_assert_cmpstr (next, ==, "2026-0042");
  g_free (next);
  next = linli_store_next_case_number (f->store, 2025);
  g_assert_cmpstr (next, ==, "2025-0004");
  g_free (next);
  next = linli_store_next_case_number (f->store, 2027);
  g_assert_cmpstr (next, ==, "2027-0001");
  g_free (next);
  /* Past four digits the numbers go on. */
  next = linli_store_next_case_number (f->store, 2024);
  g_assert_cmpstr (next, ==, "2024-10000");
  {
    g_autoptr(LinliRecord) record = minimal_case (next, 9);
    insert_ok (f->store, record);
  }
  g_free (next);
  next = linli_store_next_case_number (f->store, 2024);
  g_assert_cmpstr (next, ==, "2024-10001");
  g_free (next);
}

/* Cases read as plain rows: in the order asked for, ids no longer stored
 * skipped, the reporter and the original of a duplicate joined in. */
static void
test_case_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) first = minimal_case ("2026-0001", 1);
  g_autoptr(LinliRecord) second = minimal_case ("2026-0002", 2);
  g_autoptr(LinliRecord) third = minimal_case ("2026-0003", 3);
  LinliCaseRows *rows;
  gint64 ids[4], unix_time = 0;

  linli_record_set_text (resident, "name", "王芳");
  linli_record_set_text (resident, "phone", "13812341234");
  insert_ok (f->store, resident);
  linli_record_set_int (first, "reporter_id", linli_record_get_id (resident));
  insert_ok (f->store, first);
  insert_ok (f->store, second);
  linli_record_set_enum (third, "status", LINLI_CASE_STATUS_DUPLICATE);
  linli_record_set_int (third, "duplicate_of", linli_record_get_id (first));
  insert_ok (f->store, third);

  ids[0] = linli_record_get_id (third);
  ids[1] = 9999;   /* not a case */
  ids[2] = linli_record_get_id (first);
  ids[3] = linli_record_get_id (second);

  /* Twice: the ids of one reading are not those of the next. */
  for (guint round = 0; round < 2; round++)
    {
      rows = linli_case_rows_new (f->store, ids, round == 0 ? G_N_ELEMENTS (ids) : 1, &error);
      g_assert_no_error (error);

      g_assert_true (linli_case_rows_next (rows, &error));
      g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_NUMBER), ==, "2026-0003");
      g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_STATUS), ==, "duplicate");
      g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_ORIGINAL_NUMBER), ==, "2026-0001");
      g_assert_null (linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_NAME));
      if (round == 0)
        {
          g_assert_true (linli_case_rows_next (rows, &error));
          g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_NUMBER), ==, "2026-0001");
          g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_NAME), ==, "王芳");
          g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_PHONE), ==, "13812341234");
          g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTED_AT), ==, "2026-03-01T09:00:00+08:00");
          g_assert_true (linli_case_rows_next (rows, &error));
          g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_NUMBER), ==, "2026-0002");
          g_assert_cmpint (linli_case_rows_get_int (rows, LINLI_CASE_ROW_GRID_ID), ==, 0);
        }
      g_assert_false (linli_case_rows_next (rows, &error));
      g_assert_no_error (error);
      g_assert_false (linli_case_rows_next (rows, &error));
      linli_case_rows_free (rows);
    }

  /* Ids that go up or down, read by walking the cases between the first
   * and the last: those left out passed over, those not stored too. */
  {
    gint64 up[] = { linli_record_get_id (first), linli_record_get_id (third), linli_record_get_id (third) + 1 };
    gint64 down[] = { linli_record_get_id (third), linli_record_get_id (first) };
    struct { const gint64 *ids; guint n; const char *numbers[3]; } lists[] = {
      { up, G_N_ELEMENTS (up), { "2026-0001", "2026-0003", NULL } },
      { down, G_N_ELEMENTS (down), { "2026-0003", "2026-0001", NULL } },
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      {
        rows = linli_case_rows_new (f->store, lists[l].ids, lists[l].n, &error);
        g_assert_no_error (error);
        for (guint i = 0; lists[l].numbers[i] != NULL; i++)
          {
            g_assert_true (linli_case_rows_next (rows, &error));
            g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_NUMBER), ==, lists[l].numbers[i]);
          }
        g_assert_cmpstr (linli_case_rows_get_text (rows, LINLI_CASE_ROW_REPORTER_NAME), ==,
                         l == 0 ? NULL : "王芳");
        g_assert_false (linli_case_rows_next (rows, &error));
        g_assert_no_error (error);
        linli_case_rows_free (rows);
      }
  }

  /* The store's times, read directly, agree with GLib; others through it. */
  g_assert_true (linli_parse_stored_time ("2026-03-01T09:00:00+08:00", &unix_time));
  g_assert_cmpint (unix_time, ==, 1772326800);
  g_assert_true (linli_parse_stored_time ("1969-12-31T23:59:59-00:30", &unix_time));
  g_assert_cmpint (unix_time, ==, 1799);
  g_assert_true (linli_parse_stored_time ("2026-03-01T01:00:00.5Z", &unix_time));
  g_assert_cmpint (unix_time, ==, 1772326800);
  g_assert_false (linli_parse_stored_time ("2026-13-01T09:00:00+08:00", &unix_time));
  g_assert_false (linli_parse_stored_time ("yesterday", &unix_time));
  g_assert_false (linli_parse_stored_time (NULL, &unix_time));
}

static void
damaged_cb (LinliStore  *store,
            const char  *message,
            char       **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* The background check tells the application by itself; a file cut short
 * is refused before SQLite is asked anything. */
static void
test_damaged_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = sibling (f, "bad.db");
  g_autofree char *short_path = sibling (f, "short.db");
  g_autoptr(LinliStore) store = NULL;
  gint64 deadline;
  gsize length;
  guint page_size;

  make_database (f->path, 400);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  page_size = page_size_of (contents);

  g_assert_true (g_file_set_contents (short_path, contents, length - 2 * page_size, NULL));
  store = linli_store_open (short_path, &error);
  g_assert_null (store);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  memset (contents + (length / page_size / 2) * page_size, 0xFF, page_size);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  store = linli_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (damaged_cb), &message);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (message == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, path));
  g_clear_object (&store);
  g_clear_pointer (&message, g_free);

  /* Put off until the window is drawn, the check starts when asked, and
   * tells the same. */
  store = linli_store_open_full (path, LINLI_STORE_OPEN_LATER_CHECK, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "damaged", G_CALLBACK (damaged_cb), &message);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (message);
  linli_store_start_check (store);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (message == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (message);
  g_clear_object (&store);

  /* A write starts it, and waits for it. */
  store = linli_store_open_full (path, LINLI_STORE_OPEN_LATER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (linli_store_verify (store, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED);
}

/* A case, its new reporter and its diary entries are saved whole or not
 * at all, and a failed save leaves them as they were, to be saved again. */
static void
test_save_case (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) record = minimal_case ("2026-0001", 5);
  g_autoptr(LinliRecord) earlier = minimal_case ("2026-0001", 4);
  g_autoptr(LinliRecord) reporter = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(LinliRecord) entry = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  g_autoptr(GListStore) entries = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 3, 5, 10, 0, 0);
  guint n_cases, n_residents, n_entries;

  /* Another case took the number meanwhile: the new one takes the next. */
  insert_ok (f->store, earlier);
  n_cases = linli_store_count (f->store, LINLI_TYPE_CASE);
  n_residents = linli_store_count (f->store, LINLI_TYPE_RESIDENT);
  n_entries = linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY);

  linli_record_set_text (reporter, "name", "张阿姨");
  linli_record_set_enum (entry, "kind", LINLI_DIARY_ENTRY_KIND_NOTE);
  linli_record_set_text (entry, "text", "电话回访");
  /* No time: the schema refuses the entry, and with it everything. */
  g_list_store_append (entries, entry);

  g_assert_false (linli_store_save_case (f->store, NULL, record, reporter, G_LIST_MODEL (entries), &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, n_cases);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_RESIDENT), ==, n_residents);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, n_entries);
  g_assert_cmpint (linli_record_get_id (record), ==, 0);
  g_assert_cmpint (linli_record_get_id (reporter), ==, 0);
  g_assert_cmpint (linli_record_get_id (entry), ==, 0);
  g_assert_cmpint (linli_record_get_int (record, "reporter_id"), ==, 0);
  g_assert_cmpstr (linli_record_get_text (record, "number"), ==, "2026-0001");
  g_assert_cmpint (linli_record_get_int (entry, "case_id"), ==, 0);

  linli_record_set_datetime (entry, "at", at);
  g_assert_true (linli_store_save_case (f->store, NULL, record, reporter, G_LIST_MODEL (entries), &error));
  g_assert_no_error (error);
  g_assert_cmpint (linli_record_get_id (record), >, 0);
  g_assert_cmpstr (linli_record_get_text (record, "number"), ==, "2026-0002");
  g_assert_cmpint (linli_record_get_int (record, "reporter_id"), ==, linli_record_get_id (reporter));
  g_assert_cmpint (linli_record_get_int (entry, "case_id"), ==, linli_record_get_id (record));
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, n_cases + 1);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_RESIDENT), ==, n_residents + 1);
  /* The entry, and the one that says it was registered. */
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_DIARY_ENTRY), ==, n_entries + 2);
}

/* An edit writes what it changed: a field changed elsewhere meanwhile is
 * kept. */
static void
test_save_case_keeps_other_changes (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) record = minimal_case ("2026-0003", 6);
  g_autoptr(LinliRecord) original = NULL;
  g_autoptr(LinliRecord) edited = NULL;
  g_autoptr(LinliRecord) elsewhere = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  gint64 id = insert_ok (f->store, record);

  original = linli_store_get (f->store, LINLI_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  edited = linli_record_copy (original);
  elsewhere = linli_record_copy (original);
  linli_record_set_text (elsewhere, "responsible_unit", "物业");
  update_ok (f->store, elsewhere);

  linli_record_set_text (edited, "description", "三楼");
  g_assert_true (linli_store_save_case (f->store, original, edited, NULL, NULL, &error));
  g_assert_no_error (error);
  stored = linli_store_get (f->store, LINLI_TYPE_CASE, id, &error);
  g_assert_cmpstr (linli_record_get_text (stored, "description"), ==, "三楼");
  g_assert_cmpstr (linli_record_get_text (stored, "responsible_unit"), ==, "物业");
  /* A stored case keeps its number. */
  g_assert_cmpstr (linli_record_get_text (stored, "number"), ==, "2026-0003");
}

int
main (int   argc,
      char *argv[])
{
  guint n_types;
  const GType *types;

  g_test_init (&argc, &argv, NULL);
  types = linli_record_types (&n_types);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/create", test_create, NULL);
  ADD ("/store/open/empty-file", test_empty_file, NO_STORE);
  ADD ("/store/open/cannot-create", test_cannot_create, NO_STORE);
  ADD ("/store/refuse/text", test_refuse_text, NO_STORE);
  ADD ("/store/refuse/binary", test_refuse_binary, NO_STORE);
  ADD ("/store/refuse/other-database", test_refuse_other_database, NO_STORE);
  ADD ("/store/refuse/too-new", test_refuse_too_new, NO_STORE);
  ADD ("/store/refuse/damaged", test_refuse_damaged, NO_STORE);
  ADD ("/store/refuse/damaged-signal", test_damaged_signal, NO_STORE);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/crud/%s", table_of (types[i]));
      ADD (path, test_crud, GUINT_TO_POINTER (i));
    }
  ADD ("/store/lists", test_lists, NULL);
  ADD ("/store/times", test_times, NULL);
  ADD ("/store/changed", test_changed_detail, NULL);
  ADD ("/store/batch", test_batch, NULL);
  ADD ("/store/rollback", test_rollback, NULL);
  ADD ("/store/constraints", test_constraints, NULL);
  ADD ("/store/case-events", test_diary_entries, NULL);
  ADD ("/store/restore-all", test_restore_all, NULL);
  ADD ("/store/update-all", test_update_all, NULL);
  ADD ("/store/case-numbers", test_case_numbers, NULL);
  ADD ("/store/case-rows", test_case_rows, NULL);
  ADD ("/store/save-case", test_save_case, NULL);
  ADD ("/store/save-case/keeps-other-changes", test_save_case_keeps_other_changes, NULL);

#undef ADD

  return g_test_run ();
}
