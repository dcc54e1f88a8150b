/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "linli-backup.h"
#include "linli-demo.h"
#include "test-util.h"

/* Backups of the demo community: made, checked, thinned out, listed,
 * restored and copied, in a user data dir of the test's own. */

typedef struct
{
  TestDatabase db;
  char        *folder;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = test_now ();

  test_database_open (&f->db, "linli-backup");
  g_assert_true (linli_demo_populate (f->db.store, today, &error));
  g_assert_no_error (error);
  f->folder = linli_backup_folder_for (f->db.path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->folder);
  g_clear_pointer (&f->folder, g_free);
  {
    /* Whatever a test left beside the database. */
    g_autoptr(GDir) dir = g_dir_open (f->db.dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (!g_str_equal (name, "test.db") && !g_str_equal (name, "test.db-wal") &&
          !g_str_equal (name, "test.db-shm"))
        {
          g_autofree char *path = g_build_filename (f->db.dir, name, NULL);
          g_remove (path);
        }
  }
  test_database_close (&f->db);
}

static GDateTime *
at (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (prefix == NULL || g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Writes junk over the page of @path that starts at @offset. */
static void
damage_file (const char *path,
             long        offset)
{
  FILE *file = fopen (path, "r+b");
  char junk[64];

  memset (junk, 0xA5, sizeof junk);
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, file), ==, sizeof junk);
  fclose (file);
}

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

/* ------------------------------------------------------------------------ */

static void
test_make (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *path = linli_backup_make (f->db.path, now, &error);
  g_autofree char *name = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  name = g_path_get_basename (path);
  g_assert_cmpstr (name, ==, "2026-11-27T100000.db");
  g_assert_true (g_str_has_prefix (path, f->folder));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));

  /* One file, in rollback-journal mode, that opens on its own. */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
  g_assert_true (linli_backup_check (path, &error));
  g_assert_no_error (error);

  /* A second in the same second gets a name of its own. */
  {
    g_autofree char *second = linli_backup_make (f->db.path, now, &error);
    g_autofree char *second_name = NULL;

    g_assert_no_error (error);
    second_name = g_path_get_basename (second);
    g_assert_cmpstr (second_name, ==, "2026-11-27T100000-2.db");
  }
  g_assert_cmpuint (count_files (f->folder, NULL), ==, 2);
}

static void
test_folder_per_database (void)
{
  g_autofree char *a = linli_backup_folder_for ("/srv/office/linli.db");
  g_autofree char *b = linli_backup_folder_for ("/home/li/linli.db");
  g_autofree char *a_again = linli_backup_folder_for ("/srv/office/./linli.db");
  g_autofree char *base = g_path_get_basename (a);

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, ==, a_again);
  g_assert_true (g_str_has_prefix (base, "linli-"));
  g_assert_cmpuint (strlen (base), ==, strlen ("linli-") + 8);
}

/* A copy that fails its check is never kept, and nothing half made is left. */
static void
test_damaged_copy_not_kept (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  /* Closing the store moves its WAL into the file. */
  g_clear_object (&f->db.store);
  damage_file (f->db.path, 4096 * 3);

  path = linli_backup_make (f->db.path, now, &error);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED);
  g_assert_null (path);
  backups = linli_backup_list (f->db.path, NULL);
  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_cmpuint (count_files (f->folder, NULL), ==, 0);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *path = NULL;
  g_autofree char *parent = g_path_get_dirname (f->folder);
  g_autofree char *copy = g_build_filename (f->db.dir, "copy.db", NULL);
  mode_t old_umask = umask (0);
  GStatBuf st;

  path = linli_backup_make (f->db.path, now, &error);
  g_assert_no_error (error);
  g_assert_true (linli_backup_save_copy (f->db.path, copy, &error));
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* ------------------------------------------------------------------------ */

/* Runs the rotation over @times and returns the kept ones as
 * "MM-DD HH:MM" strings, oldest first. */
static char *
kept (GPtrArray *times,
      GDateTime *now)
{
  g_autofree gboolean *keep = g_new0 (gboolean, times->len + 1);
  g_autoptr(GString) out = g_string_new (NULL);

  linli_backup_choose_kept ((GDateTime * const *) times->pdata, times->len, now, keep);
  for (guint i = 0; i < times->len; i++)
    if (keep[i])
      {
        g_autofree char *text = g_date_time_format (g_ptr_array_index (times, i), "%m-%d %H:%M");
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", text);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A backup each day of 2026: 7 days, 4 ISO weeks (2026 has 53; the
 * 31st is the Thursday of week 53) and 12 months. */
static void
test_rotation_year (void)
{
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) now = at (2026, 12, 31, 18, 0);
  g_autoptr(GDateTime) first = at (2026, 1, 1, 9, 0);
  g_autofree char *result = NULL;

  for (int day = 0; day < 365; day++)
    g_ptr_array_add (times, g_date_time_add_days (first, day));
  result = kept (times, now);
  g_assert_cmpstr (result, ==,
                   "01-31 09:00, 02-28 09:00, 03-31 09:00, 04-30 09:00, 05-31 09:00, "
                   "06-30 09:00, 07-31 09:00, 08-31 09:00, 09-30 09:00, 10-31 09:00, "
                   "11-30 09:00, 12-13 09:00, 12-20 09:00, "
                   "12-25 09:00, 12-26 09:00, 12-27 09:00, 12-28 09:00, 12-29 09:00, "
                   "12-30 09:00, 12-31 09:00");

  /* In any order, the same are kept. */
  {
    g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
    g_autofree char *again = NULL;
    g_auto(GStrv) a = NULL;
    g_auto(GStrv) b = NULL;

    for (guint i = times->len; i > 0; i--)
      g_ptr_array_add (reversed, g_date_time_ref (g_ptr_array_index (times, i - 1)));
    again = kept (reversed, now);
    a = g_strsplit (result, ", ", -1);
    b = g_strsplit (again, ", ", -1);
    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    for (guint i = 0; a[i] != NULL; i++)
      g_assert_true (g_strv_contains ((const char * const *) b, a[i]));
  }

  /* Every day of a year at the turn of it: January's days count in the
   * ISO week that began in December. */
  {
    g_autoptr(GDateTime) new_year = at (2027, 1, 2, 9, 0);
    g_autofree char *turn = NULL;

    g_ptr_array_add (times, at (2027, 1, 1, 9, 0));
    g_ptr_array_add (times, at (2027, 1, 2, 8, 0));
    turn = kept (times, new_year);
    g_assert_cmpstr (turn, ==,
                     "02-28 09:00, 03-31 09:00, 04-30 09:00, 05-31 09:00, "
                     "06-30 09:00, 07-31 09:00, 08-31 09:00, 09-30 09:00, 10-31 09:00, "
                     "11-30 09:00, 12-13 09:00, 12-20 09:00, 12-27 09:00, "
                     "12-28 09:00, 12-29 09:00, 12-30 09:00, 12-31 09:00, "
                     "01-01 09:00, 01-02 08:00");
  }
}

/* Several a day, the office closed for a week: only the days Linli was used
 * count, the newest of a day is kept, and every backup of today. */
static void
test_rotation_gaps (void)
{
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) now = at (2026, 10, 9, 17, 0);
  g_autofree char *result = NULL;

  /* Two a day from 21 to 30 September … */
  for (int day = 21; day <= 30; day++)
    {
      g_ptr_array_add (times, at (2026, 9, day, 9, 0));
      g_ptr_array_add (times, at (2026, 9, day, 15, 0));
    }
  /* … the National Day holiday, then three on the 9th of October. */
  g_ptr_array_add (times, at (2026, 10, 9, 8, 30));
  g_ptr_array_add (times, at (2026, 10, 9, 11, 0));
  g_ptr_array_add (times, at (2026, 10, 9, 16, 0));
  result = kept (times, now);
  g_assert_cmpstr (result, ==,
                   "09-25 15:00, 09-26 15:00, 09-27 15:00, 09-28 15:00, 09-29 15:00, "
                   "09-30 15:00, 10-09 08:30, 10-09 11:00, 10-09 16:00");

  /* The next day, the 9th is thinned to its newest. */
  {
    g_autoptr(GDateTime) tomorrow = at (2026, 10, 10, 9, 0);
    g_autofree char *next = kept (times, tomorrow);

    g_assert_cmpstr (next, ==,
                     "09-25 15:00, 09-26 15:00, 09-27 15:00, 09-28 15:00, 09-29 15:00, "
                     "09-30 15:00, 10-09 16:00");
  }

  /* None, and one alone. */
  {
    gboolean keep = FALSE;
    GDateTime *only = g_ptr_array_index (times, 0);

    linli_backup_choose_kept (NULL, 0, now, NULL);
    linli_backup_choose_kept (&only, 1, now, &keep);
    g_assert_true (keep);
  }
}

/* The files themselves: a month of daily backups thinned on disk. */
static void
test_rotate_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  for (int day = 1; day <= 30; day++)
    {
      g_autoptr(GDateTime) now = at (2026, 11, day, 9, 0);
      g_autofree char *path = linli_backup_make (f->db.path, now, &error);

      g_assert_no_error (error);
    }
  backups = linli_backup_list (f->db.path, &error);
  g_assert_no_error (error);
  /* 24–30 November (7), the Sundays of weeks 47 and 46 (22nd and 15th),
   * and the month is November's newest: 9 in all. */
  g_assert_cmpuint (backups->len, ==, 9);
  {
    g_autofree char *newest = g_date_time_format (((LinliBackup *) backups->pdata[0])->time, "%F");
    g_autofree char *oldest = g_date_time_format (((LinliBackup *) backups->pdata[8])->time, "%F");

    g_assert_cmpstr (newest, ==, "2026-11-30");
    g_assert_cmpstr (oldest, ==, "2026-11-15");
  }
}

/* At most one a day: the store's clock says what today is. */
static void
on_daily_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  char **path = user_data;
  g_autoptr(GError) error = NULL;

  *path = linli_backup_make_daily_finish (LINLI_STORE (object), result, &error);
  g_assert_no_error (error);
  if (*path == NULL)
    *path = g_strdup ("");
}

static void
test_daily (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 5);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_true (linli_backup_is_due (f->db.path, now));
  linli_backup_make_daily_async (f->db.store, NULL, on_daily_done, &first);
  while (first == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_suffix (first, "2026-11-27T100000.db"));
  g_assert_false (linli_backup_is_due (f->db.path, now));

  test_store_fix_clock (f->db.store, later);
  linli_backup_make_daily_async (f->db.store, NULL, on_daily_done, &second);
  while (second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (second, ==, "");

  test_store_fix_clock (f->db.store, tomorrow);
  g_assert_true (linli_backup_is_due (f->db.path, tomorrow));
  linli_backup_make_daily_async (f->db.store, NULL, on_daily_done, &third);
  while (third == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_suffix (third, "2026-11-28T100000.db"));
}

/* ------------------------------------------------------------------------ */

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray **backups = user_data;
  g_autoptr(GError) error = NULL;

  *backups = linli_backup_list_finish (LINLI_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) earlier = at (2026, 11, 20, 9, 30);
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *older = linli_backup_make (f->db.path, earlier, &error);
  g_autofree char *newer = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(LinliCase) one = NULL;
  guint n_cases = linli_store_count (f->db.store, LINLI_TYPE_CASE);
  guint n_activities = linli_store_count (f->db.store, LINLI_TYPE_ACTIVITY);
  guint n_outreach = linli_store_count (f->db.store, LINLI_TYPE_OUTREACH);
  LinliBackup *backup;

  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, >, 0);
  g_assert_cmpuint (n_activities, >, 0);
  g_assert_cmpuint (n_outreach, >, 0);

  /* One case fewer in the newer backup. */
  {
    g_autoptr(GListModel) cases = linli_store_list (f->db.store, LINLI_TYPE_CASE);
    one = g_list_model_get_item (cases, 0);
  }
  g_assert_true (linli_store_delete (f->db.store, LINLI_RECORD (one), &error));
  g_assert_no_error (error);
  newer = linli_backup_make (f->db.path, now, &error);
  g_assert_no_error (error);

  linli_backup_list_async (f->db.store, NULL, on_listed, &backups);
  while (backups == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (backups->len, ==, 2);

  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->path, ==, newer);
  g_assert_cmpint (backup->n_cases, ==, n_cases - 1);
  g_assert_cmpint (backup->n_activities, ==, n_activities);
  g_assert_cmpint (backup->n_outreach, ==, n_outreach);
  g_assert_cmpint (g_date_time_compare (backup->time, now), ==, 0);
  g_assert_cmpint (backup->size, >, 4096);

  backup = g_ptr_array_index (backups, 1);
  g_assert_cmpstr (backup->path, ==, older);
  g_assert_cmpint (backup->n_cases, ==, n_cases);
  g_assert_cmpint (g_date_time_compare (backup->time, earlier), ==, 0);

  /* Listing wrote nothing beside the backups. */
  g_assert_cmpuint (count_files (f->folder, NULL), ==, 2);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  gboolean  done;
  char     *undo_path;
  GError   *error;
} Restored;

static void
on_restored (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restored *restored = user_data;

  g_clear_pointer (&restored->undo_path, g_free);
  restored->undo_path = linli_backup_restore_finish (LINLI_STORE (object), result, &restored->error);
  restored->done = TRUE;
}

static void
count_resets (LinliStore  *store,
              GType        type,
              LinliChange  change,
              gint64       id,
              guint       *n_resets)
{
  if (type == LINLI_TYPE_CASE && change == LINLI_CHANGE_RESET)
    (*n_resets)++;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *backup = linli_backup_make (f->db.path, now, &error);
  g_autoptr(LinliCase) one = NULL;
  guint n_cases = linli_store_count (f->db.store, LINLI_TYPE_CASE);
  gint64 id;
  guint n_resets = 0;
  Restored restored = { 0 };

  g_assert_no_error (error);
  {
    g_autoptr(GListModel) cases = linli_store_list (f->db.store, LINLI_TYPE_CASE);
    one = g_list_model_get_item (cases, 3);
  }
  id = linli_record_get_id (LINLI_RECORD (one));
  g_assert_true (linli_store_delete (f->db.store, LINLI_RECORD (one), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_CASE), ==, n_cases - 1);

  g_signal_connect (f->db.store, "changed", G_CALLBACK (count_resets), &n_resets);
  linli_backup_restore_async (f->db.store, backup, NULL, on_restored, &restored);
  wait_for (&restored.done);
  g_assert_no_error (restored.error);
  g_assert_nonnull (restored.undo_path);
  g_assert_cmpstr (restored.undo_path, !=, backup);

  /* The deleted case is back, and the views were told. */
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_CASE), ==, n_cases);
  {
    g_autoptr(LinliCase) again = linli_store_get (f->db.store, LINLI_TYPE_CASE, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (again);
  }
  g_assert_cmpuint (n_resets, ==, 1);

  /* The store writes as before. */
  {
    g_autoptr(LinliCase) first = NULL;
    g_autoptr(GListModel) cases = linli_store_list (f->db.store, LINLI_TYPE_CASE);

    first = g_list_model_get_item (cases, 0);
    linli_record_set_text (LINLI_RECORD (first), "title", "修好了楼道灯");
    g_assert_true (linli_store_update (f->db.store, LINLI_RECORD (first), &error));
    g_assert_no_error (error);
  }

  /* Undo: the backup made just before the restore, without the case. */
  {
    g_autofree char *undo = g_steal_pointer (&restored.undo_path);

    restored.done = FALSE;
    linli_backup_restore_async (f->db.store, undo, NULL, on_restored, &restored);
    wait_for (&restored.done);
    g_assert_no_error (restored.error);
    g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_CASE), ==, n_cases - 1);
    g_assert_cmpuint (n_resets, ==, 2);
    /* Both backups made before a restore are still there. */
    g_assert_true (g_file_test (undo, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (restored.undo_path, G_FILE_TEST_EXISTS));
  }
  g_free (restored.undo_path);

  /* The store's file itself is sound, and holds what it shows. */
  g_assert_true (linli_store_verify (f->db.store, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->db.store, count_resets, &n_resets);
  g_clear_object (&f->db.store);
  f->db.store = linli_store_open (f->db.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_CASE), ==, n_cases - 1);
}

static void
test_restore_refuses_damaged (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *backup = linli_backup_make (f->db.path, now, &error);
  guint n_cases = linli_store_count (f->db.store, LINLI_TYPE_CASE);
  Restored restored = { 0 };

  g_assert_no_error (error);
  damage_file (backup, 4096 * 3);
  linli_backup_restore_async (f->db.store, backup, NULL, on_restored, &restored);
  wait_for (&restored.done);
  g_assert_error (restored.error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED);
  g_clear_error (&restored.error);
  g_assert_null (restored.undo_path);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_CASE), ==, n_cases);
}

/* ------------------------------------------------------------------------ */

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Restored *saved = user_data;

  linli_backup_save_copy_finish (LINLI_STORE (object), result, &saved->error);
  saved->done = TRUE;
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->db.dir, "U盘副本.db", NULL);
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autoptr(LinliStore) copy = NULL;
  Restored saved = { 0 };
  GType types[] = { LINLI_TYPE_CASE, LINLI_TYPE_ACTIVITY, LINLI_TYPE_OUTREACH, LINLI_TYPE_GRID };

  /* An older file there is replaced. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  linli_backup_save_copy_async (f->db.store, target, NULL, on_saved, &saved);
  wait_for (&saved.done);
  g_assert_no_error (saved.error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->db.dir, ".linli-copy-"), ==, 0);

  copy = linli_store_open (target, &error);
  g_assert_no_error (error);
  g_assert_true (linli_store_verify (copy, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpuint (linli_store_count (copy, types[i]), ==, linli_store_count (f->db.store, types[i]));
  g_clear_object (&copy);

  /* Not over the open database itself. */
  g_assert_false (linli_backup_save_copy (f->db.path, f->db.path, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO);
}

/* ------------------------------------------------------------------------ */

/* A damaged database is offered its newest good backup, and replaced by it
 * with the damaged file kept aside. */
static void
test_damaged_offers_newest_good (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = at (2026, 11, 23, 9, 0);
  g_autoptr(GDateTime) tuesday = at (2026, 11, 24, 9, 0);
  g_autoptr(GDateTime) wednesday = at (2026, 11, 25, 9, 0);
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *a = linli_backup_make (f->db.path, monday, &error);
  g_autofree char *b = linli_backup_make (f->db.path, tuesday, &error);
  g_autofree char *c = linli_backup_make (f->db.path, wednesday, &error);
  g_autoptr(LinliBackup) good = NULL;
  g_autofree char *aside = NULL;
  guint n_cases = linli_store_count (f->db.store, LINLI_TYPE_CASE);
  g_autoptr(LinliStore) reopened = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (a);

  /* No backups: nothing to offer. */
  {
    g_autoptr(LinliBackup) none = linli_backup_find_newest_good ("/nowhere/other.db");
    g_assert_null (none);
  }

  /* The newest is damaged too: Tuesday's is offered. */
  damage_file (c, 4096 * 3);
  good = linli_backup_find_newest_good (f->db.path);
  g_assert_nonnull (good);
  g_assert_cmpstr (good->path, ==, b);
  g_assert_cmpint (g_date_time_compare (good->time, tuesday), ==, 0);

  g_clear_object (&f->db.store);
  damage_file (f->db.path, 4096 * 3);
  g_assert_true (linli_backup_replace_damaged (f->db.path, good->path, now, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (aside, "test.db.damaged-2026-11-27T100000"));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  reopened = linli_store_open (f->db.path, &error);
  g_assert_no_error (error);
  g_assert_true (linli_store_verify (reopened, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (reopened, LINLI_TYPE_CASE), ==, n_cases);
  f->db.store = g_steal_pointer (&reopened);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("linli-backup-data-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the backups go to a folder of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/make", test_make);
  g_test_add_func ("/backup/folder-per-database", test_folder_per_database);
  ADD ("/backup/damaged-copy-not-kept", test_damaged_copy_not_kept);
  ADD ("/backup/permissions", test_permissions);
  g_test_add_func ("/backup/rotation/year", test_rotation_year);
  g_test_add_func ("/backup/rotation/gaps", test_rotation_gaps);
  ADD ("/backup/rotation/files", test_rotate_files);
  ADD ("/backup/daily", test_daily);
  ADD ("/backup/list", test_list);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-refuses-damaged", test_restore_refuses_damaged);
  ADD ("/backup/save-copy", test_save_copy);
  ADD ("/backup/damaged-offers-newest-good", test_damaged_offers_newest_good);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
