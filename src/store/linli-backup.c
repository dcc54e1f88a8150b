/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linli-backup.h"
#include "linli-store-private.h"

/* 'LNLI', as linli-store.c writes it into every database of ours. */
#define LINLI_APPLICATION_ID 0x4C4E4C49

/* A copy is written under this prefix and renamed when whole and checked:
 * no listing ever shows one, and the next backup removes any a crash left. */
#define TEMP_PREFIX ".linli-copy-"

/* How many of the newest days, ISO weeks and months that have backups keep
 * their newest one. */
#define KEEP_DAYS   7
#define KEEP_WEEKS  4
#define KEEP_MONTHS 12

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_backup, sqlite3_backup_finish)

void
linli_backup_free (LinliBackup *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self);
}

/* ------------------------------------------------------------------------ */
/* Names and folders */

static char *
absolute_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

/**
 * linli_backup_folder_for:
 * @database_path: a database file
 *
 * The backups of two files of the same name in different folders must not
 * mix, so the folder is named by the file and a hash of its absolute path:
 * `~/.local/share/linli/backups/linli-1a2b3c4d/`.
 *
 * Returns: (transfer full): the folder of @database_path's backups
 */
char *
linli_backup_folder_for (const char *database_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (database_path != NULL, NULL);

  absolute = absolute_path (database_path);
  base = g_path_get_basename (absolute);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  name = g_strdup_printf ("%s-%.8s", base, hash);
  return g_build_filename (g_get_user_data_dir (), "linli", "backups", name, NULL);
}

/* `2026-12-05T093000.db`, and `2026-12-05T093000-2.db` for a second backup
 * in the same second. */
static char *
backup_name (GDateTime *time,
             guint      sequence)
{
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H%M%S");

  if (sequence <= 1)
    return g_strconcat (stamp, ".db", NULL);
  return g_strdup_printf ("%s-%u.db", stamp, sequence);
}

static gboolean
parse_backup_name (const char  *name,
                   GDateTime  **time,
                   guint       *sequence)
{
  int year, month, day, hour, minute, second, n = 0;
  guint seq = 1;
  size_t len = strlen (name);

  if (len < 20 || !g_str_has_suffix (name, ".db"))
    return FALSE;
  if (sscanf (name, "%4d-%2d-%2dT%2d%2d%2d%n", &year, &month, &day, &hour, &minute, &second, &n) != 6 ||
      n != 17)
    return FALSE;
  if (name[17] == '-')
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (name + 18, &end, 10);

      if (end == name + 18 || g_strcmp0 (end, ".db") != 0 || value < 2 || value > G_MAXUINT)
        return FALSE;
      seq = value;
    }
  else if (g_strcmp0 (name + 17, ".db") != 0)
    return FALSE;

  *time = g_date_time_new_local (year, month, day, hour, minute, second);
  *sequence = seq;
  return *time != NULL;
}

typedef struct
{
  char      *name;
  GDateTime *time;
  guint      sequence;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_date_time_unref (entry->time);
}

/* Newest first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  int order = g_date_time_compare (eb->time, ea->time);

  if (order != 0)
    return order;
  return (eb->sequence > ea->sequence) - (eb->sequence < ea->sequence);
}

/* The backups in @folder by their names, newest first; none when the
 * folder does not exist. */
static GArray *
read_entries (const char  *folder,
              GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_array_set_clear_func (entries, entry_clear);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot read the backup folder “%s”: %s"), folder, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Entry entry = { 0 };

      if (!parse_backup_name (name, &entry.time, &entry.sequence))
        continue;
      entry.name = g_strdup (name);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* The folders are 0700 and the files 0600 whatever the umask: they hold
 * residents' names and phone numbers. */
static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (folder);

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      g_chmod (parent, 0700) != 0 ||
      g_chmod (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
remove_with_sidecars (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/* What a crash in the middle of a copy left behind. */
static void
remove_stale_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_remove (path);
      }
}

/* ------------------------------------------------------------------------ */
/* Copying */

static const char *
sqlite_detail (sqlite3 *db,
               int      rc)
{
  return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
}

static sqlite3 *
open_database (const char  *path,
               int          flags,
               GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), path, sqlite_detail (db, rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  return g_steal_pointer (&db);
}

/* The first column of the first row of @sql, as text. */
static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* Copies all of @source into @dest: one step, so the copy is one snapshot
 * of the source. The busy timeout does not apply to the backup API. */
static int
copy_all (sqlite3 *dest,
          sqlite3 *source)
{
  g_autoptr(sqlite3_backup) backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);
  for (guint tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 100)
        break;
      sqlite3_sleep (50);
    }
  rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  {
    int finish_rc = sqlite3_backup_finish (g_steal_pointer (&backup));
    return rc != SQLITE_OK ? rc : finish_rc;
  }
}

/* Whether @db is a sound Linli database that this Linli can open. */
static gboolean
check_database (sqlite3     *db,
                const char  *path,
                gboolean     full,
                GError     **error)
{
  g_autofree char *result = query_text (db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)");

  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s"), path, result ? result : sqlite3_errmsg (db));
      return FALSE;
    }
  if (query_int (db, "PRAGMA application_id") != LINLI_APPLICATION_ID)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_LINLI,
                   _("“%s” is not a Linli database."), path);
      return FALSE;
    }
  if (query_int (db, "PRAGMA user_version") > (gint64) linli_store_schema_version ())
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Linli. Update Linli to open it."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;
  int saved_errno = errno;

  if (fd >= 0)
    close (fd);
  /* Some file systems (a FAT stick) cannot sync a folder: the rename is
   * still as safe as they allow. */
  if (!ok && directory)
    return TRUE;
  if (!ok)
    g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                 _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return ok;
}

/* Copies the database @source to @target: into a temporary file beside it,
 * checked whole and synced to the disk before it is renamed into place, so
 * that @target is either the old file or the whole new copy. The copy is a
 * single file (rollback journal, not WAL), to be carried or read alone. */
static gboolean
copy_database (const char  *source,
               const char  *target,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *temp = g_build_filename (folder, TEMP_PREFIX "XXXXXX", NULL);
  g_autoptr(sqlite3) from = NULL;
  g_autoptr(sqlite3) to = NULL;
  g_autofree char *mode = NULL;
  int fd, rc;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot create a file in “%s”: %s"), folder, g_strerror (saved_errno));
      if (fd >= 0)
        {
          close (fd);
          g_remove (temp);
        }
      return FALSE;
    }
  close (fd);

  /* Read-only: the copy never writes to the file it copies. */
  from = open_database (source, SQLITE_OPEN_READONLY, error);
  if (from == NULL)
    goto fail;
  to = open_database (temp, SQLITE_OPEN_READWRITE, error);
  if (to == NULL)
    goto fail;
  rc = copy_all (to, from);
  g_clear_pointer (&from, sqlite3_close);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot copy “%s”: %s"), source, sqlite_detail (to, rc));
      goto fail;
    }
  if (!check_database (to, target, TRUE, error))
    goto fail;
  /* The copied header says WAL when the source is in WAL mode. */
  mode = query_text (to, "PRAGMA journal_mode = DELETE");
  if (g_strcmp0 (mode, "delete") != 0)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot copy “%s”: %s"), source, sqlite_detail (to, SQLITE_ERROR));
      goto fail;
    }
  rc = sqlite3_close (g_steal_pointer (&to));
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot copy “%s”: %s"), source, sqlite_detail (NULL, rc));
      goto fail;
    }
  if (!sync_path (temp, FALSE, error))
    goto fail;

  /* Sidecars of an older file at @target would be read as this one's. */
  {
    g_autofree char *wal = g_strconcat (target, "-wal", NULL);
    g_autofree char *shm = g_strconcat (target, "-shm", NULL);
    g_autofree char *journal = g_strconcat (target, "-journal", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (journal);
  }
  if (g_rename (temp, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s"), target, g_strerror (saved_errno));
      goto fail;
    }
  return sync_path (folder, TRUE, error);

fail:
  g_clear_pointer (&from, sqlite3_close);
  g_clear_pointer (&to, sqlite3_close);
  remove_with_sidecars (temp);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Rotation */

static gint64
day_key (GDateTime *time)
{
  return g_date_time_get_year (time) * 10000 + g_date_time_get_month (time) * 100 +
         g_date_time_get_day_of_month (time);
}

static gint64
week_key (GDateTime *time)
{
  return g_date_time_get_week_numbering_year (time) * 100 + g_date_time_get_week_of_year (time);
}

static gint64
month_key (GDateTime *time)
{
  return g_date_time_get_year (time) * 100 + g_date_time_get_month (time);
}

typedef struct
{
  GDateTime *time;
  guint      index;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *oa = a, *ob = b;
  int order = g_date_time_compare (ob->time, oa->time);

  return order != 0 ? order : (ob->index > oa->index) - (ob->index < oa->index);
}

/**
 * linli_backup_choose_kept:
 * @times: (array length=n_times): when each backup was made, in any order
 * @now: the time now
 * @keep: (array length=n_times) (out caller-allocates): %TRUE for each
 *   backup to keep
 *
 * What a person would keep: the newest backup of each of the 7 newest days
 * that have backups, of the 4 newest ISO weeks and of the 12 newest months,
 * and every backup of today (or later, when the clock was put back): one of
 * them may be the backup made just before a restore, there to undo it.
 * Days count only when the office used Linli, so a holiday does not use up
 * the daily backups. Of two backups at the same time, the one listed later
 * counts as newer.
 */
void
linli_backup_choose_kept (GDateTime * const *times,
                          guint              n_times,
                          GDateTime         *now,
                          gboolean          *keep)
{
  static const struct {
    gint64 (*key) (GDateTime *time);
    guint  limit;
  } periods[] = {
    { day_key, KEEP_DAYS },
    { week_key, KEEP_WEEKS },
    { month_key, KEEP_MONTHS },
  };
  g_autoptr(GArray) ordered = g_array_sized_new (FALSE, FALSE, sizeof (Ordered), n_times);
  g_autoptr(GDateTime) today = NULL;

  g_return_if_fail (n_times == 0 || (times != NULL && keep != NULL));
  g_return_if_fail (now != NULL);

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  for (guint i = 0; i < n_times; i++)
    {
      Ordered o = { times[i], i };
      g_array_append_val (ordered, o);
      keep[i] = g_date_time_compare (times[i], today) >= 0;
    }
  /* Equal times: the later index first, as the newer. */
  g_array_sort (ordered, compare_ordered);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      gint64 last = -1;
      guint n_periods = 0;

      for (guint i = 0; i < ordered->len && n_periods <= periods[p].limit; i++)
        {
          const Ordered *o = &g_array_index (ordered, Ordered, i);
          gint64 key = periods[p].key (o->time);

          if (key == last)
            continue;
          last = key;
          if (++n_periods <= periods[p].limit)
            keep[o->index] = TRUE;
        }
    }
}

/**
 * linli_backup_rotate:
 *
 * Deletes the backups of @database_path that linli_backup_choose_kept()
 * does not keep.
 */
gboolean
linli_backup_rotate (const char  *database_path,
                     GDateTime   *now,
                     GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree GDateTime **times = NULL;
  g_autofree gboolean *keep = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  folder = linli_backup_folder_for (database_path);
  entries = read_entries (folder, error);
  if (entries == NULL)
    return FALSE;

  /* Newest first: reversed, so that of two at the same time the one
   * listed later, which is newer, counts as the newer. */
  times = g_new0 (GDateTime *, entries->len + 1);
  keep = g_new0 (gboolean, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    times[entries->len - 1 - i] = g_array_index (entries, Entry, i).time;
  linli_backup_choose_kept ((GDateTime * const *) times, entries->len, now, keep);

  for (guint i = 0; i < entries->len; i++)
    if (!keep[entries->len - 1 - i])
      {
        g_autofree char *path = g_build_filename (folder, g_array_index (entries, Entry, i).name, NULL);

        if (g_remove (path) != 0 && errno != ENOENT)
          g_message ("Cannot remove the old backup “%s”: %s", path, g_strerror (errno));
      }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Making, listing, checking */

/**
 * linli_backup_is_due:
 *
 * Returns: %TRUE when @database_path has no backup of today yet (by @now)
 */
gboolean
linli_backup_is_due (const char *database_path,
                     GDateTime  *now)
{
  g_autofree char *folder = NULL;
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  folder = linli_backup_folder_for (database_path);
  entries = read_entries (folder, NULL);
  if (entries == NULL)
    return TRUE;
  return entries->len == 0 ||
         day_key (g_array_index (entries, Entry, 0).time) < day_key (now);
}

static char *
make_backup (const char  *database_path,
             GDateTime   *now,
             gboolean     rotate,
             GError     **error)
{
  g_autofree char *folder = linli_backup_folder_for (database_path);
  g_autofree char *path = NULL;
  g_autoptr(GError) rotate_error = NULL;

  if (!make_folder (folder, error))
    return NULL;
  remove_stale_temporaries (folder);

  for (guint sequence = 1; path == NULL; sequence++)
    {
      g_autofree char *name = backup_name (now, sequence);
      g_autofree char *candidate = g_build_filename (folder, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        path = g_steal_pointer (&candidate);
    }
  if (!copy_database (database_path, path, error))
    return NULL;
  /* The backup is made; an old one left over is no reason to fail. */
  if (rotate && !linli_backup_rotate (database_path, now, &rotate_error))
    g_message ("%s", rotate_error->message);
  return g_steal_pointer (&path);
}

/**
 * linli_backup_make:
 * @database_path: the database to back up; it may be open in a store
 * @now: the time to name the backup by
 *
 * Makes a backup of @database_path in its backup folder, checked whole
 * before it is listed, then deletes the backups no longer kept.
 *
 * Returns: (transfer full): the path of the new backup, or %NULL
 */
char *
linli_backup_make (const char  *database_path,
                   GDateTime   *now,
                   GError     **error)
{
  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return make_backup (database_path, now, TRUE, error);
}

static int
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  return (int) query_int (db, sql);
}

/**
 * linli_backup_list:
 *
 * Reads each backup of @database_path (read-only) for what it holds.
 *
 * Returns: (transfer container) (element-type LinliBackup): the backups,
 *   newest first
 */
GPtrArray *
linli_backup_list (const char  *database_path,
                   GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_backup_free);

  g_return_val_if_fail (database_path != NULL, NULL);

  folder = linli_backup_folder_for (database_path);
  entries = read_entries (folder, error);
  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      LinliBackup *backup = g_new0 (LinliBackup, 1);
      g_autoptr(sqlite3) db = NULL;
      GStatBuf st;

      backup->path = g_build_filename (folder, entry->name, NULL);
      backup->time = g_date_time_ref (entry->time);
      backup->size = g_stat (backup->path, &st) == 0 ? (goffset) st.st_size : 0;
      backup->n_cases = backup->n_activities = backup->n_outreach = -1;
      db = open_database (backup->path, SQLITE_OPEN_READONLY, NULL);
      if (db != NULL)
        {
          backup->n_cases = count_rows (db, "case_record");
          backup->n_activities = count_rows (db, "activity");
          backup->n_outreach = count_rows (db, "outreach");
        }
      g_ptr_array_add (backups, backup);
    }
  return g_steal_pointer (&backups);
}

/**
 * linli_backup_check:
 *
 * Returns: %TRUE when @backup_path is a sound Linli database this Linli
 *   can open
 */
gboolean
linli_backup_check (const char  *backup_path,
                    GError     **error)
{
  g_autoptr(sqlite3) db = NULL;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  db = open_database (backup_path, SQLITE_OPEN_READONLY, error);
  return db != NULL && check_database (db, backup_path, FALSE, error);
}

/**
 * linli_backup_find_newest_good:
 *
 * For a database found damaged: its newest backup that is sound.
 *
 * Returns: (transfer full) (nullable): the backup, or %NULL when there is none
 */
LinliBackup *
linli_backup_find_newest_good (const char *database_path)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  backups = linli_backup_list (database_path, NULL);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      LinliBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) error = NULL;

      if (linli_backup_check (backup->path, &error))
        return g_ptr_array_steal_index (backups, i);
      g_debug ("Backup not usable: %s", error->message);
    }
  return NULL;
}

/**
 * linli_backup_save_copy:
 * @target: where the copy goes (a USB stick, say); replaced if it exists
 *
 * Writes a consistent copy of @database_path to @target.
 */
gboolean
linli_backup_save_copy (const char  *database_path,
                        const char  *target,
                        GError     **error)
{
  g_autofree char *source = NULL;
  g_autofree char *destination = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  source = absolute_path (database_path);
  destination = absolute_path (target);
  if (g_str_equal (source, destination))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("“%s” is the open database. Choose another file for the copy."), target);
      return FALSE;
    }
  return copy_database (source, destination, error);
}

/**
 * linli_backup_replace_damaged:
 * @database_path: a damaged database, not open in any store
 * @backup_path: the backup to put in its place
 * @damaged_path: (out) (optional): where the damaged file was moved
 *
 * Keeps the damaged file aside, beside it as `NAME.damaged-DATE`, for
 * whoever may recover more from it, and puts a copy of the backup in its
 * place.
 */
gboolean
linli_backup_replace_damaged (const char  *database_path,
                              const char  *backup_path,
                              GDateTime   *now,
                              char       **damaged_path,
                              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!linli_backup_check (backup_path, error))
    return FALSE;

  stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  for (guint n = 1; aside == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.damaged-%s", database_path, stamp)
                                          : g_strdup_printf ("%s.damaged-%s-%u", database_path, stamp, n);
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        aside = g_steal_pointer (&candidate);
    }
  /* The file with its WAL, which holds part of its data. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                       _("Cannot move “%s” aside: %s"), from, g_strerror (saved_errno));
          return FALSE;
        }
    }
  if (!copy_database (backup_path, database_path, error))
    return FALSE;
  if (damaged_path != NULL)
    *damaged_path = g_steal_pointer (&aside);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Restoring */

/**
 * linli_backup_restore_into:
 * @store: an open store, with no transaction under way
 * @backup_path: a sound backup of the same schema version
 *
 * Replaces everything in @store with what @backup_path holds, through the
 * store's own connection, and tells every view to read it again.
 */
gboolean
linli_backup_restore_into (LinliStore  *store,
                           const char  *backup_path,
                           GError     **error)
{
  g_autoptr(sqlite3) from = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  db = linli_store_get_db (store);
  if (!sqlite3_get_autocommit (db))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The database is being changed. Try again when the change is done."));
      return FALSE;
    }
  from = open_database (backup_path, SQLITE_OPEN_READONLY, error);
  if (from == NULL)
    return FALSE;
  if (query_int (from, "PRAGMA user_version") != (gint64) linli_store_schema_version ())
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("“%s” was made by another version of Linli and cannot be restored into this database."),
                   backup_path);
      return FALSE;
    }
  rc = copy_all (db, from);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot restore “%s”: %s"), backup_path, sqlite_detail (db, rc));
      return FALSE;
    }
  linli_store_note_reset (store);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* In a thread */

typedef struct
{
  char      *database_path;
  char      *other_path;     /* the target of a copy, or the backup to restore */
  char      *restore_from;   /* the backup, brought up to the current schema */
  GDateTime *now;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  /* A copy brought up to date is the job's own. */
  if (job->restore_from != NULL && g_strcmp0 (job->restore_from, job->other_path) != 0)
    remove_with_sidecars (job->restore_from);
  g_free (job->restore_from);
  g_free (job->database_path);
  g_free (job->other_path);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

static GTask *
job_task_new (LinliStore          *store,
              const char          *other_path,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              gpointer             source_tag)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_task_set_source_tag (task, source_tag);
  job->database_path = g_strdup (linli_store_get_path (store));
  job->other_path = g_strdup (other_path);
  job->now = linli_store_now (store);
  g_task_set_task_data (task, job, job_free);
  return task;
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path = linli_backup_make (job->database_path, job->now, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

void
linli_backup_make_async (LinliStore          *store,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));

  task = job_task_new (store, NULL, cancellable, callback, user_data, linli_backup_make_async);
  g_task_run_in_thread (task, make_thread);
}

char *
linli_backup_make_finish (LinliStore    *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
make_daily_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path;

  if (!linli_backup_is_due (job->database_path, job->now))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  path = linli_backup_make (job->database_path, job->now, &error);
  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

/**
 * linli_backup_make_daily_async:
 *
 * Makes a backup when the newest one is from an earlier day than the
 * store's today: at most one a day the office uses Linli.
 */
void
linli_backup_make_daily_async (LinliStore          *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));

  task = job_task_new (store, NULL, cancellable, callback, user_data, linli_backup_make_daily_async);
  g_task_run_in_thread (task, make_daily_thread);
}

/**
 * linli_backup_make_daily_finish:
 *
 * Returns: (transfer full) (nullable): the path of the backup made, or
 *   %NULL (without @error set) when none was due
 */
char *
linli_backup_make_daily_finish (LinliStore    *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *backups = linli_backup_list (job->database_path, &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

void
linli_backup_list_async (LinliStore          *store,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));

  task = job_task_new (store, NULL, cancellable, callback, user_data, linli_backup_list_async);
  g_task_run_in_thread (task, list_thread);
}

/**
 * linli_backup_list_finish:
 *
 * Returns: (transfer container) (element-type LinliBackup): as
 *   linli_backup_list()
 */
GPtrArray *
linli_backup_list_finish (LinliStore    *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (linli_backup_save_copy (job->database_path, job->other_path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
linli_backup_save_copy_async (LinliStore          *store,
                              const char          *target,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (target != NULL);

  task = job_task_new (store, target, cancellable, callback, user_data, linli_backup_save_copy_async);
  g_task_run_in_thread (task, save_copy_thread);
}

gboolean
linli_backup_save_copy_finish (LinliStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A backup made by an earlier Linli: a temporary copy of it, opened as a
 * store, which brings its schema up to date. */
static char *
bring_up_to_date (const char  *backup_path,
                  const char  *folder,
                  GError     **error)
{
  g_autofree char *base = g_path_get_basename (backup_path);
  g_autofree char *name = g_strconcat (TEMP_PREFIX, "restore-", base, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(LinliStore) store = NULL;

  remove_with_sidecars (path);
  if (!copy_database (backup_path, path, error))
    return NULL;
  store = linli_store_open (path, error);
  if (store == NULL)
    {
      remove_with_sidecars (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* First checks the backup and makes one of the database as it is now,
 * the one Undo restores; the copy itself is in the store's thread. */
static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(sqlite3) db = NULL;
  char *safety;

  if (!linli_backup_check (job->other_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Before the copy below, which the backup would take for left over;
   * and without rotation, which might delete the backup to restore. */
  safety = make_backup (job->database_path, job->now, FALSE, &error);
  if (safety == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  db = open_database (job->other_path, SQLITE_OPEN_READONLY, &error);
  if (db != NULL &&
      query_int (db, "PRAGMA user_version") < (gint64) linli_store_schema_version ())
    {
      g_autofree char *folder = linli_backup_folder_for (job->database_path);

      job->restore_from = bring_up_to_date (job->other_path, folder, &error);
    }
  else if (db != NULL)
    job->restore_from = g_strdup (job->other_path);

  if (job->restore_from == NULL)
    {
      g_free (safety);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, safety, g_free);
}

static void
restore_prepared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LinliStore *store = LINLI_STORE (object);
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *safety = NULL;
  GError *error = NULL;

  safety = g_task_propagate_pointer (G_TASK (result), &error);
  if (safety == NULL || !linli_backup_restore_into (store, job->restore_from, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&safety), g_free);
}

/**
 * linli_backup_restore_async:
 * @backup_path: one of the backups of @store, or any Linli database
 *
 * Makes a backup of @store as it is now, then replaces everything in it
 * with what @backup_path holds.
 */
void
linli_backup_restore_async (LinliStore          *store,
                            const char          *backup_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, linli_backup_restore_async);
  prepare = job_task_new (store, backup_path, cancellable, restore_prepared_cb,
                          g_steal_pointer (&task), linli_backup_restore_async);
  g_task_run_in_thread (prepare, restore_thread);
}

/**
 * linli_backup_restore_finish:
 *
 * Returns: (transfer full): the path of the backup made just before the
 *   restore, which undoes it when restored in turn; %NULL with @error set
 */
char *
linli_backup_restore_finish (LinliStore    *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
