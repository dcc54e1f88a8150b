/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "linli-case-timeline.h"
#include "linli-database-file.h"
#include "linli-integrity.h"
#include "linli-record-list.h"
#include "linli-record-sql.h"
#include "linli-store-private.h"

/* 'LNLI', written by 001-initial.sql: tells our files from other SQLite files. */
#define LINLI_APPLICATION_ID 0x4C4E4C49

#define MIGRATIONS_PATH RESOURCE_BASE "/sql"

struct _LinliStore
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  LinliDatabaseFile *file;      /* held until after SQLite has closed it */
  char           *sqlite_name;  /* what SQLite opens: the path, or a URI for it */
  gboolean        wal_known;    /* the WAL at the path is this connection's: */
  dev_t           wal_dev;
  ino_t           wal_ino;
  LinliReadOnlyReason read_only;
  gboolean            snapshot;     /* LINLI_STORE_OPEN_SNAPSHOT */
  GHashTable     *statements;   /* SQL text → sqlite3_stmt */
  GHashTable     *statements_of_record_sql;  /* a LinliRecordSql string, by address → sqlite3_stmt */
  guint           depth;        /* open transactions (savepoints) */
  gboolean        batch;        /* the outermost is all or nothing: no savepoints */
  gboolean        batch_failed; /* a write inside the batch failed */
  GHashTable     *pending;      /* GType → PendingChange, inside the outermost transaction */
  LinliClockFunc  clock;
  gpointer        clock_data;
  LinliIntegrityCheck *integrity;  /* of an existing file; NULL for a new one */
  gboolean             check_later;  /* LINLI_STORE_OPEN_LATER_CHECK, and not started yet */
  LinliStore          *parent;       /* of a writer for a job: the store whose file it writes */
  char                *busy;         /* while a writer of this store is open: why no write here */
};

G_DEFINE_FINAL_TYPE (LinliStore, linli_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What happened to one table inside the outermost transaction: one change
 * of one row, or LINLI_CHANGE_RESET when there was more than that. */
typedef struct
{
  LinliChange change;
  gint64      id;
} PendingChange;

G_DEFINE_QUARK (linli-store-error-quark, linli_store_error)

static void set_read_only_error (LinliStore  *self,
                                 GError     **error);
static void emit_changed        (LinliStore  *self,
                                 GType        type,
                                 LinliChange  change,
                                 gint64       id);

/* ------------------------------------------------------------------------ */

sqlite3 *
linli_store_get_db (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  return self->db;
}

gboolean
linli_store_fail (LinliStore  *self,
                  int          rc,
                  GError     **error)
{
  int primary = rc & 0xff;
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONSTRAINT,
                   _("The record breaks a rule of the database: %s"), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED,
                   _("The database is damaged: %s"), detail);
      break;
    case SQLITE_READONLY:
      if (self->read_only)
        {
          set_read_only_error (self, error);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("The database file cannot be used: %s"), detail);
      break;
    default:
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
    }
  return FALSE;
}

sqlite3_stmt *
linli_store_prepare (LinliStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  {
    int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
    if (rc != SQLITE_OK)
      {
        linli_store_fail (self, rc, error);
        return NULL;
      }
  }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* The statements of LinliRecordSql, whose strings live as long as the
 * program: found by their address, not by hashing a few hundred bytes of
 * SQL on every write. */
static sqlite3_stmt *
prepare_record_sql (LinliStore  *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements_of_record_sql, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = linli_store_prepare (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements_of_record_sql, (gpointer) sql, stmt);
  return stmt;
}

/* The same for any SQL text that lives as long as the program. */
sqlite3_stmt *
linli_store_prepare_static (LinliStore  *self,
                            const char  *sql,
                            GError     **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  return prepare_record_sql (self, sql, error);
}

static gboolean
exec (LinliStore  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return linli_store_fail (self, rc, error);
  return TRUE;
}

/* Runs a statement that returns nothing, prepared once: transactions and
 * savepoints, which every write runs several of. */
static gboolean
run (LinliStore  *self,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = linli_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return linli_store_fail (self, rc, error);
  return TRUE;
}

/* Runs a statement that returns one integer. */
static gboolean
query_int (LinliStore  *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return linli_store_fail (self, rc, error);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
query_text (LinliStore *self,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

static void
set_damaged_error (LinliStore  *self,
                   const char  *problem,
                   GError     **error)
{
  g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED,
               _("“%s” is damaged and cannot be used. It has not been changed; open a backup copy instead.\n\nDetails: %s"), self->path, problem);
}

static void
integrity_done_cb (const char *problem,
                   gpointer    user_data)
{
  LinliStore *self = user_data;
  g_autoptr(GError) error = NULL;

  if (problem == NULL)
    return;
  set_damaged_error (self, problem, &error);
  g_signal_emit (self, signals[DAMAGED], 0, error->message);
}

/**
 * linli_store_verify:
 *
 * Waits for the check of the whole file that started when it was opened,
 * if it has not finished yet. Every write does this first, so nothing is
 * ever written to a damaged file.
 *
 * Returns: %TRUE when the file is sound; %FALSE with
 *   %LINLI_STORE_ERROR_DAMAGED when it is not
 */
gboolean
linli_store_verify (LinliStore  *self,
                    GError     **error)
{
  const char *problem;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);

  linli_store_start_check (self);
  if (self->integrity == NULL)
    return TRUE;
  problem = linli_integrity_check_wait (self->integrity);
  if (problem != NULL)
    {
      set_damaged_error (self, problem, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_store_start_check:
 *
 * Starts the check of the whole file that a store opened with
 * %LINLI_STORE_OPEN_LATER_CHECK put off, if it has not started yet: the
 * application does so once its window is drawn, so that the check does not
 * compete with the first frames. linli_store_verify() starts it too.
 */
void
linli_store_start_check (LinliStore *self)
{
  g_return_if_fail (LINLI_IS_STORE (self));

  if (!self->check_later)
    return;
  self->check_later = FALSE;
  self->integrity = linli_integrity_check_start (self->sqlite_name, integrity_done_cb, self, NULL);
}

/* ------------------------------------------------------------------------ */

static void
linli_store_finalize (GObject *object)
{
  LinliStore *self = LINLI_STORE (object);

  /* The check's own connection must be gone before the file is closed. */
  if (self->integrity != NULL)
    linli_integrity_check_abort (self->integrity);
  g_clear_pointer (&self->integrity, linli_integrity_check_unref);
  g_clear_pointer (&self->statements_of_record_sql, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->file, linli_database_file_close);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->busy, g_free);
  g_clear_pointer (&self->sqlite_name, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (linli_store_parent_class)->finalize (object);
}

static void
linli_store_class_init (LinliStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = linli_store_finalize;

  /**
   * LinliStore::changed:
   * @type: the #GType of the records that changed
   * @change: a #LinliChange
   * @id: the row id, or 0 when many rows changed (%LINLI_CHANGE_RESET)
   *
   * Emitted after a change is committed, once per table and outermost
   * transaction: the one row written, or %LINLI_CHANGE_RESET when several
   * rows changed (a batch, a delete that cascaded into this table, a
   * rollback). The detail is the table name, so a view connects to
   * "changed::case_record" for the cases alone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_GTYPE, LINLI_TYPE_CHANGE, G_TYPE_INT64);

  /**
   * LinliStore::damaged:
   * @message: what is wrong, naming the file
   *
   * Emitted when the check of an existing file, which runs in the
   * background after it is opened, finds it damaged. Nothing can be written
   * to it from then on.
   */
  signals[DAMAGED] =
    g_signal_new ("damaged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
linli_store_init (LinliStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  /* Borrows the statements of the table above. */
  self->statements_of_record_sql = g_hash_table_new (NULL, NULL);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Migration N is the file whose name starts with N: 001-initial.sql. The
 * version of a file is the number of the last migration it has had. */
static guint
migration_number (const char *name)
{
  return (guint) g_ascii_strtoull (name, NULL, 10);
}

guint
linli_store_schema_version (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  guint version = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    version = MAX (version, migration_number (names[i]));
  return version;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/* Fails when a migration broke a reference between tables: they run with
 * the checks off, so that one may rebuild a table. */
static gboolean
check_foreign_keys (LinliStore  *self,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   "A migration left a row of %s pointing at a missing row of %s",
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return linli_store_fail (self, rc, error);
  return TRUE;
}

/* Applies, in one transaction, every migration numbered above
 * @from_version. Numbers rise but need not follow on from each other:
 * branches of the code take their numbers before they meet. Foreign keys
 * are off meanwhile, as SQLite asks of a migration that rebuilds a table
 * (a drop would cascade), and checked as a whole before the commit. */
static gboolean
migrate (LinliStore  *self,
         gint64       from_version,
         GError     **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  guint n_names, last = 0;
  gboolean ok = TRUE;

  if (names == NULL)
    return FALSE;
  n_names = g_strv_length (names);
  qsort (names, n_names, sizeof (char *), compare_names);

  if (from_version >= linli_store_schema_version ())
    return TRUE;

  if (!exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    {
      exec (self, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }

  for (guint i = 0; ok && i < n_names; i++)
    {
      guint number = migration_number (names[i]);
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *version = NULL;

      if (number == 0 || number <= last)
        {
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                       "Migration %s is out of sequence", names[i]);
          ok = FALSE;
          break;
        }
      last = number;
      if (number <= from_version)
        continue;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        {
          ok = FALSE;
          break;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      version = g_strdup_printf ("PRAGMA user_version = %u", number);
      ok = exec (self, sql, error) && exec (self, version, error);
    }

  ok = ok && check_foreign_keys (self, error) && exec (self, "COMMIT", error);
  if (!ok)
    exec (self, "ROLLBACK", NULL);
  return exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL) && ok;
}

/* Reads the first bytes of the file without SQLite, which would otherwise
 * be free to write to a file it can open. */
static gboolean
check_header (LinliDatabaseFile  *file,
              const char         *path,
              gboolean           *empty,
              GError            **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  gsize n_read = 0;

  if (!linli_database_file_read_header (file, header, sizeof header, &n_read, error))
    return FALSE;

  *empty = n_read == 0;
  if (*empty)
    return TRUE;
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_LINLI,
                   _("“%s” is not a Linli database."), path);
      return FALSE;
    }

  /* A file cut short (a full disk, a copy that stopped) is seen at once:
   * the header says how many pages there are. SQLite trusts that count only
   * while the change counter matches, and pages may still sit in a WAL. */
  {
    guint page_size = (guint) header[16] << 8 | header[17];
    guint32 change_counter = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 24));
    guint32 n_pages = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 28));
    guint32 valid_for = GUINT32_FROM_BE (*(guint32 *) (gpointer) (header + 92));
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    if (page_size == 1)
      page_size = 65536;
    if (n_pages > 0 && valid_for == change_counter &&
        !g_file_test (wal, G_FILE_TEST_EXISTS) &&
        linli_database_file_get_size (file) < (guint64) n_pages * page_size)
      {
        g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be used. It has not been changed; open a backup copy instead.\n\nDetails: %s"), path,
                     _("the file is shorter than the data it should hold"));
        return FALSE;
      }
  }
  return TRUE;
}

/* Everything that can be asked of an existing file without writing to it. */
static gboolean
check_existing (LinliStore  *self,
                gint64      *version,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 application_id = 0, n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, &local_error))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be used. It has not been changed; open a backup copy instead.\n\nDetails: %s"), self->path, local_error->message);
      return FALSE;
    }

  /* An empty SQLite file becomes a new Linli database; any other is not ours. */
  if (application_id != LINLI_APPLICATION_ID && !(application_id == 0 && n_tables == 0))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_LINLI,
                   _("“%s” is a database of another program, not of Linli."), self->path);
      return FALSE;
    }

  if (*version > linli_store_schema_version ())
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Linli. Update Linli to open it."),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

/* SQLite keeps statistics of its memory under a lock taken around every
 * allocation, unless told otherwise before it is first used. Nothing here
 * reads them, and an import of a hundred thousand cases makes millions of
 * allocations. Once SQLite is in use (another library's, say), the setting
 * is refused and left as it was. */
static void
configure_sqlite (void)
{
  static gsize configured;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/* Opens SQLite on the file, read-only or not, and sets what every
 * connection of the store needs. */
static gboolean
connect_sqlite (LinliStore  *self,
                GError     **error)
{
  g_autofree char *uri = NULL;
  int rc;

  /* SQLite reads a WAL database through its -shm file, which it cannot
   * make in a folder that may not be written (a write-protected USB stick).
   * With no WAL there, nothing but this file holds the data, and nobody
   * can be writing it: read it as it stands. */
  if (self->read_only)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

      if (g_access (dir, W_OK) != 0 && !g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
          uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
        }
    }
  g_free (self->sqlite_name);
  self->sqlite_name = g_strdup (uri ? uri : self->path);
  rc = sqlite3_open_v2 (self->sqlite_name, &self->db,
                        (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        (uri ? SQLITE_OPEN_URI : 0) | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  /* Only the writer folds the WAL into the file and removes it. A reader
   * that did so on closing, at a moment the writer's locks were lost (see
   * linli-database-file.h), would take the writer's next changes with it. */
  if (self->read_only)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  return TRUE;
}

static gboolean
configure_connection (LinliStore  *self,
                      GError     **error)
{
  if (!self->read_only &&
      (!exec (self, "PRAGMA journal_mode = WAL", error) ||
       !exec (self, "PRAGMA synchronous = FULL", error)))
    return FALSE;
  /* A snapshot's file is opened read-only already; it keeps temporary
   * tables, such as linli_case_rows_new()'s, which query_only forbids. */
  return (!self->read_only || self->snapshot || exec (self, "PRAGMA query_only = ON", error)) &&
         exec (self, "PRAGMA foreign_keys = ON", error) &&
         /* Statement journals of savepoints in memory, not in temporary files. */
         exec (self, "PRAGMA temp_store = MEMORY", error) &&
         /* Room for the indexes a large import writes to (64 MiB at most;
          * the cache only grows as pages are read). */
         exec (self, "PRAGMA cache_size = -65536", error);
}

/* Remembers which file the WAL at the database's name is, while it is
 * known to be this connection's: after opening and after each commit. */
static void
note_wal (LinliStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  self->wal_known = !self->read_only && g_stat (wal, &st) == 0;
  if (self->wal_known)
    {
      self->wal_dev = st.st_dev;
      self->wal_ino = st.st_ino;
    }
}

/* The WAL this connection writes to is no longer the file at its name:
 * another program, finding no lock on the database (see
 * linli-database-file.h), folded it into the file and removed it. Anything
 * written to the old one now would be lost when this program ends. SQLite
 * keeps no identity of its WAL to ask (only of the database file), so the
 * file at the name is compared with the one noted. */
static gboolean
wal_has_moved (LinliStore *self)
{
  g_autofree char *wal = NULL;
  GStatBuf st;

  if (!self->wal_known)
    return FALSE;
  wal = g_strconcat (self->path, "-wal", NULL);
  return g_stat (wal, &st) != 0 || st.st_dev != self->wal_dev || st.st_ino != self->wal_ino;
}

/* A new connection, after the WAL moved: what the other program folded
 * into the file is all there, and the next change goes to a WAL that is. */
static gboolean
reconnect (LinliStore  *self,
           GError     **error)
{
  g_message ("“%s”: its WAL was removed by another program; opening it again", self->path);
  g_hash_table_remove_all (self->statements_of_record_sql);
  g_hash_table_remove_all (self->statements);
  /* Closing must neither fold the old WAL back into the file nor remove
   * the one now at its name. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  if (!connect_sqlite (self, error) || !configure_connection (self, error))
    return FALSE;
  note_wal (self);
  return TRUE;
}

static void
set_read_only_error (LinliStore  *self,
                     GError     **error)
{
  g_autofree char *message = linli_store_dup_read_only_message (self);

  g_set_error_literal (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_READ_ONLY, message);
}

/**
 * linli_store_open:
 * @path: the database file; created when it does not exist
 *
 * Opens a Linli database, or creates one, and brings its schema up to date,
 * as linli_store_open_full() with %LINLI_STORE_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LinliStore *
linli_store_open (const char  *path,
                  GError     **error)
{
  return linli_store_open_full (path, LINLI_STORE_OPEN_DEFAULT, error);
}

/**
 * linli_store_open_full:
 * @path: the database file
 * @flags: whether it may be written, and whether it must exist
 *
 * Opens a Linli database. A missing or empty file becomes a new database,
 * unless @flags asks for an existing one or for reading only. A file this
 * program may not write, in a folder it may not write, or that another
 * Linli is writing opens read-only: see linli_store_get_read_only_reason().
 * A file that is not a Linli database, is damaged, or was written by a
 * newer Linli is refused with a #LinliStoreError and left untouched.
 * A writable file is made readable by its owner alone (0600).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LinliStore *
linli_store_open_full (const char           *path,
                       LinliStoreOpenFlags   flags,
                       GError              **error)
{
  g_autoptr(LinliStore) self = NULL;
  gboolean must_exist = (flags & (LINLI_STORE_OPEN_EXISTING | LINLI_STORE_OPEN_READ_ONLY)) != 0;
  gboolean empty = TRUE;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & LINLI_STORE_OPEN_SNAPSHOT)
    {
      flags |= LINLI_STORE_OPEN_READ_ONLY;
      must_exist = TRUE;
    }
  if (linli_database_file_is_in_portal (path))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("“%s” was given to Linli through the document portal, where it cannot be kept safe from lost changes. Move it into your Documents folder and open it from there."),
                   path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (must_exist)
        {
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                       _("There is no database “%s”."), path);
          return NULL;
        }
      if (!linli_database_file_create (path, error))
        return NULL;
    }

  self = g_object_new (LINLI_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->snapshot = (flags & LINLI_STORE_OPEN_SNAPSHOT) != 0;
  if (!(self->file = linli_database_file_open (path, error)) ||
      !check_header (self->file, path, &empty, error))
    return NULL;
  if (empty && must_exist)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_LINLI,
                   _("“%s” is empty: it holds no Linli database."), path);
      return NULL;
    }

  self->read_only = (flags & LINLI_STORE_OPEN_READ_ONLY) ? LINLI_READ_ONLY_ASKED
                                                         : linli_database_file_claim_writer (self->file);
  if (empty && self->read_only)
    {
      /* A new database cannot be made where nothing may be written. */
      set_read_only_error (self, error);
      return NULL;
    }
  if (!self->read_only)
    linli_database_file_protect (path);

  configure_sqlite ();
  if (!connect_sqlite (self, error))
    return NULL;

  if (!empty)
    {
      g_autofree char *journal_mode = NULL;

      if (!check_existing (self, &version, error))
        return NULL;
      /* A snapshot lives in another thread, and the store it stands beside
       * checks the file already. */
      if (!(flags & LINLI_STORE_OPEN_SNAPSHOT))
        {
          self->check_later = TRUE;
          if (!(flags & LINLI_STORE_OPEN_LATER_CHECK))
            linli_store_start_check (self);
        }

      if (self->read_only && version < linli_store_schema_version ())
        {
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_TOO_OLD,
                       _("“%s” was written by an earlier version of Linli and must be brought up to date before it can be read here, which cannot be done while it is read-only. Open it once in Linli where it can be changed."),
                       path);
          return NULL;
        }

      /* A file that is to be changed on opening is checked whole first. */
      journal_mode = query_text (self, "PRAGMA journal_mode");
      if (!self->read_only &&
          (version < linli_store_schema_version () || g_strcmp0 (journal_mode, "wal") != 0) &&
          !linli_store_verify (self, error))
        return NULL;
    }

  /* Only now, with the file known to be ours, may anything be written. */
  if (!configure_connection (self, error) ||
      (!self->read_only && !migrate (self, version, error)))
    return NULL;
  note_wal (self);

  return g_steal_pointer (&self);
}

/* A long write off the main thread (an import of a hundred thousand
 * cases) goes through a second connection of its own, not through the
 * store's: SQLite connections here are opened without mutexes
 * (SQLITE_OPEN_NOMUTEX), and their cached statements, transaction depth and
 * pending changes are the main thread's. The writer shares the store's
 * file, and with it the lock that makes this program the file's one writer
 * (linli-database-file.h): no other Linli can write meanwhile, and this one
 * writes nothing else, since the store refuses every write with
 * %LINLI_STORE_ERROR_BUSY and @busy_message until the writer is closed.
 * So the job's transaction never waits for a lock, and a window's edit is
 * refused with a message, never frozen behind it nor lost in it. The
 * store's own connection goes on reading the file as it was before the
 * job's transaction, which SQLite's WAL keeps whole until the commit. */

/**
 * linli_store_open_writer:
 * @busy_message: what a write to @self says meanwhile
 *
 * Opens a second connection to @self's file for one job in another thread,
 * and refuses every write to @self until linli_store_close_writer(). Only
 * one writer at a time: another one asked for is refused with
 * %LINLI_STORE_ERROR_BUSY.
 *
 * Returns: (transfer full): the writer, to use in one thread at a time
 */
LinliStore *
linli_store_open_writer (LinliStore  *self,
                         const char  *busy_message,
                         GError     **error)
{
  g_autoptr(LinliStore) writer = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (busy_message != NULL, NULL);
  g_return_val_if_fail (self->parent == NULL, NULL);

  if (self->read_only)
    {
      set_read_only_error (self, error);
      return NULL;
    }
  if (self->busy != NULL)
    {
      g_set_error_literal (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY, self->busy);
      return NULL;
    }
  if (self->depth > 0)
    {
      g_set_error_literal (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY,
                           _("Another change is being written. Try again when it is done."));
      return NULL;
    }
  /* Nothing is written to a damaged file, by either connection. */
  if (!linli_store_verify (self, error))
    return NULL;

  writer = g_object_new (LINLI_TYPE_STORE, NULL);
  writer->parent = g_object_ref (self);
  writer->path = g_strdup (self->path);
  writer->clock = self->clock;
  writer->clock_data = self->clock_data;
  if (!connect_sqlite (writer, error) || !configure_connection (writer, error))
    return NULL;
  note_wal (writer);

  self->busy = g_strdup (busy_message);
  return g_steal_pointer (&writer);
}

/**
 * linli_store_close_writer:
 * @writer: (transfer full): from linli_store_open_writer(), its job done
 * @changed_types: (array length=n_changed_types): the records it may have
 *   written
 *
 * Closes @writer, lets @self write again, and tells every view of
 * @changed_types to read them again (%LINLI_CHANGE_RESET). On the main
 * thread, once the job's thread is done with @writer.
 */
void
linli_store_close_writer (LinliStore  *self,
                          LinliStore  *writer,
                          const GType *changed_types,
                          guint        n_changed_types)
{
  g_return_if_fail (LINLI_IS_STORE (self));
  g_return_if_fail (LINLI_IS_STORE (writer) && writer->parent == self);
  g_return_if_fail (writer->depth == 0);

  g_object_unref (writer);
  g_clear_pointer (&self->busy, g_free);
  for (guint i = 0; i < n_changed_types; i++)
    emit_changed (self, changed_types[i], LINLI_CHANGE_RESET, 0);
}

/**
 * linli_store_is_busy:
 *
 * Returns: whether a writer of linli_store_open_writer() is open, so that
 *   every write to @self is refused with %LINLI_STORE_ERROR_BUSY
 */
gboolean
linli_store_is_busy (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  return self->busy != NULL;
}

LinliReadOnlyReason
linli_store_get_read_only_reason (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), LINLI_READ_ONLY_NO);
  return self->read_only;
}

gboolean
linli_store_is_read_only (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  return self->read_only != LINLI_READ_ONLY_NO;
}

/**
 * linli_store_dup_read_only_message:
 *
 * Returns: (transfer full) (nullable): why nothing can be changed, naming
 *   the file, or %NULL when the store can write
 */
char *
linli_store_dup_read_only_message (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  switch (self->read_only)
    {
    case LINLI_READ_ONLY_NO:
      return NULL;
    case LINLI_READ_ONLY_ASKED:
      return g_strdup_printf (_("“%s” is open read-only."), self->path);
    case LINLI_READ_ONLY_FILE:
      return g_strdup_printf (_("“%s” is open read-only: the file may be read but not changed."), self->path);
    case LINLI_READ_ONLY_FOLDER:
      return g_strdup_printf (_("“%s” is open read-only: its folder may not be changed (a write-protected USB stick, say)."), self->path);
    case LINLI_READ_ONLY_IN_USE:
      return g_strdup_printf (_("“%s” is open read-only: another Linli window, login or computer has it open for changes. Close it there to make changes here."), self->path);
    default:
      g_assert_not_reached ();
    }
}

const char *
linli_store_get_path (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  return self->path;
}

/**
 * linli_store_dup_community:
 *
 * Returns: (transfer full) (nullable): the community of this file, or %NULL
 *   for a database that has none yet
 */
LinliCommunity *
linli_store_dup_community (LinliStore *self)
{
  g_autoptr(GError) error = NULL;
  LinliCommunity *community;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  community = linli_store_get (self, LINLI_TYPE_COMMUNITY, 1, &error);
  if (community == NULL && !g_error_matches (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot read the community: %s", error->message);
  return community;
}

void
linli_store_set_clock (LinliStore     *self,
                       LinliClockFunc  clock,
                       gpointer        user_data)
{
  g_return_if_fail (LINLI_IS_STORE (self));
  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * linli_store_get_clock:
 * @clock: (out): the clock set, or %NULL for the local time
 * @user_data: (out): its data
 *
 * So that one who sets a clock for a while can put the earlier one back.
 */
void
linli_store_get_clock (LinliStore     *self,
                       LinliClockFunc *clock,
                       gpointer       *user_data)
{
  g_return_if_fail (LINLI_IS_STORE (self));
  *clock = self->clock;
  *user_data = self->clock_data;
}

/**
 * linli_store_now:
 *
 * Returns: (transfer full): the time by the store's clock (the local time
 *   unless a clock was set)
 */
GDateTime *
linli_store_now (LinliStore *self)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_local ();
}

/* ------------------------------------------------------------------------ */

gboolean
linli_store_begin (LinliStore  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (self->read_only)
        {
          set_read_only_error (self, error);
          return FALSE;
        }
      if (self->busy != NULL)
        {
          g_set_error_literal (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY, self->busy);
          return FALSE;
        }
      if (!linli_store_verify (self, error) ||
          (wal_has_moved (self) && !reconnect (self, error)))
        return FALSE;
    }

  if (self->batch)
    {
      self->depth++;
      return TRUE;
    }

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT linli_%u", self->depth);
  if (!run (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/**
 * linli_store_begin_batch:
 *
 * Starts a transaction for many writes that stand or fall together, such
 * as an import: the writes inside it take no savepoints of their own, which
 * makes them several times faster, and if any of them fails, nothing of the
 * batch can be committed. End it with linli_store_commit() or
 * linli_store_rollback().
 */
gboolean
linli_store_begin_batch (LinliStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;
  self->batch = TRUE;
  self->batch_failed = FALSE;
  return TRUE;
}

static void
emit_changed (LinliStore  *self,
              GType        type,
              LinliChange  change,
              gint64       id)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  g_signal_emit (self, signals[CHANGED],
                 g_quark_from_string (LINLI_RECORD_CLASS (klass)->table),
                 type, change, id);
}

static void
flush_pending (LinliStore *self)
{
  /* Taken first: a handler may write again. */
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending);
  GHashTableIter iter;
  gpointer type, value;

  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &type, &value))
    {
      PendingChange *change = value;
      emit_changed (self, GPOINTER_TO_SIZE (type), change->change, change->id);
    }
}

gboolean
linli_store_commit (LinliStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->batch && self->depth > 1)
    {
      self->depth--;
      return TRUE;
    }
  if (self->batch && self->batch_failed)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("A change in the batch failed, so none of it was written."));
      linli_store_rollback (self);
      return FALSE;
    }
  self->batch = FALSE;

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE linli_%u", self->depth - 1);
  if (!run (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth == 0 && wal_has_moved (self))
    {
      /* Another program took the WAL away while this was written: say so
       * rather than let the change vanish, and let every view read again
       * what the file holds. */
      g_autoptr(GError) local_error = NULL;
      GHashTableIter iter;
      gpointer value;

      reconnect (self, &local_error);
      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ((PendingChange *) value)->change = LINLI_CHANGE_RESET;
      flush_pending (self);
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                   _("Another program changed “%s” while this change was being saved, so it may not have been kept. Check it and save it again."),
                   self->path);
      return FALSE;
    }
  if (self->depth == 0)
    {
      note_wal (self);
      flush_pending (self);
    }
  return TRUE;
}

/**
 * linli_store_begin_read:
 *
 * Starts a transaction that only reads: everything read until
 * linli_store_commit() comes from one moment of the file, whatever other
 * programs write meanwhile. For a report read from a file in use.
 */
gboolean
linli_store_begin_read (LinliStore  *self,
                        GError     **error)
{
  gint64 ignored;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!linli_store_verify (self, error) ||
      !run (self, "BEGIN DEFERRED", error))
    return FALSE;
  /* SQLite takes the snapshot at the first read, so read now. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &ignored, error))
    {
      run (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->depth++;
  return TRUE;
}

void
linli_store_rollback (LinliStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (LINLI_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->batch && self->depth > 1)
    {
      /* Without a savepoint to go back to, the whole batch is lost. */
      self->batch_failed = TRUE;
      self->depth--;
      return;
    }
  self->batch = self->batch_failed = FALSE;

  /* After some errors (an interrupt, a full disk, no memory) SQLite has
   * rolled the whole transaction back itself: nothing is left to undo. */
  if (sqlite3_get_autocommit (self->db))
    g_debug ("The transaction was already rolled back");
  else if (self->depth == 1)
    {
      if (!run (self, "ROLLBACK", NULL))
        g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
    }
  else
    {
      g_autofree char *rollback = g_strdup_printf ("ROLLBACK TO linli_%u", self->depth - 1);
      sql = g_strdup_printf ("RELEASE linli_%u", self->depth - 1);
      if (!run (self, rollback, NULL) || !run (self, sql, NULL))
        g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
    }
  self->depth--;

  /* Some of what is pending may have been undone: views re-read it all. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->pending);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        PendingChange *change = value;
        change->change = LINLI_CHANGE_RESET;
        change->id = 0;
      }
  }
  if (self->depth == 0)
    flush_pending (self);
}

/* Every write runs in a transaction of its own, or in the caller's: the
 * change is told when the outermost one commits. */
static void
changed (LinliStore  *self,
         GType        type,
         LinliChange  change,
         gint64       id)
{
  PendingChange *pending;

  g_assert (self->depth > 0);

  pending = g_hash_table_lookup (self->pending, GSIZE_TO_POINTER (type));
  if (pending == NULL)
    {
      pending = g_new (PendingChange, 1);
      pending->change = change;
      pending->id = id;
      g_hash_table_insert (self->pending, GSIZE_TO_POINTER (type), pending);
    }
  else
    {
      pending->change = LINLI_CHANGE_RESET;
      pending->id = 0;
    }
}

/* A write of the store's own, outside this file: told like the rest. */
void
linli_store_note_change (LinliStore  *self,
                         GType        type,
                         LinliChange  change,
                         gint64       id)
{
  g_return_if_fail (LINLI_IS_STORE (self));
  changed (self, type, change, id);
}

/**
 * linli_store_note_reset:
 *
 * Tells every view that every table changed (%LINLI_CHANGE_RESET), as
 * after the whole file was replaced by a backup under this connection.
 */
void
linli_store_note_reset (LinliStore *self)
{
  guint n_types;
  const GType *types = linli_record_types (&n_types);

  g_return_if_fail (LINLI_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  for (guint t = 0; t < n_types; t++)
    emit_changed (self, types[t], LINLI_CHANGE_RESET, 0);
}

/* Deleting a row cascades to, or clears references in, the tables that
 * point at it (the timeline of a case, the workers of a grid …): those
 * types changed too. */
static void
changed_referencing (LinliStore *self,
                     GType       deleted)
{
  g_autoptr(GTypeClass) deleted_class = g_type_class_ref (deleted);
  const char *table = LINLI_RECORD_CLASS (deleted_class)->table;
  guint n_types;
  const GType *types = linli_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) type_class = NULL;
      LinliRecordClass *klass;
      gboolean refers = FALSE;

      /* A row's own table gets the change itself. */
      if (types[t] == deleted)
        continue;
      type_class = g_type_class_ref (types[t]);
      klass = LINLI_RECORD_CLASS (type_class);
      for (int i = -1; i < (int) klass->n_columns && !refers; i++)
        {
          const char *child = i < 0 ? klass->table : klass->columns[i].list_table;
          sqlite3_stmt *stmt;

          if (child == NULL)
            continue;
          stmt = linli_store_prepare (self, "SELECT 1 FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?2", NULL);
          if (stmt == NULL)
            return;
          sqlite3_bind_text (stmt, 1, child, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
          refers = sqlite3_step (stmt) == SQLITE_ROW;
          sqlite3_reset (stmt);
        }
      if (refers)
        changed (self, types[t], LINLI_CHANGE_RESET, 0);
    }
}

static gboolean
write_lists (LinliStore   *self,
             LinliRecord  *record,
             gboolean      replace,
             GError      **error)
{
  guint n_columns;
  const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (record), &n_columns);
  gint64 id = linli_record_get_id (record);

  for (guint i = 0; i < n_columns; i++)
    {
      const LinliColumn *c = &columns[i];
      const GValue *value = linli_record_peek_value (record, i);
      g_autofree char *delete_sql = NULL;
      g_autofree char *insert_sql = NULL;
      sqlite3_stmt *stmt;

      if (c->type != LINLI_COLUMN_TEXT_LIST && c->type != LINLI_COLUMN_REF_LIST)
        continue;

      if (replace)
        {
          delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", c->list_table, c->list_key);
          if (!(stmt = linli_store_prepare (self, delete_sql, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return linli_store_fail (self, sqlite3_errcode (self->db), error);
        }

      /* OR IGNORE: a value listed twice is kept once. */
      insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, %s) VALUES (?1, ?2)",
                                    c->list_table, c->list_key, c->list_value);
      if (c->type == LINLI_COLUMN_TEXT_LIST)
        {
          const char * const *items = g_value_get_boxed (value);
          for (guint j = 0; items != NULL && items[j] != NULL; j++)
            {
              if (!(stmt = linli_store_prepare (self, insert_sql, error)))
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, id);
              sqlite3_bind_text (stmt, 2, items[j], -1, SQLITE_STATIC);
              if (sqlite3_step (stmt) != SQLITE_DONE)
                return linli_store_fail (self, sqlite3_errcode (self->db), error);
            }
        }
      else
        {
          GArray *ids = g_value_get_boxed (value);
          for (guint j = 0; ids != NULL && j < ids->len; j++)
            {
              if (!(stmt = linli_store_prepare (self, insert_sql, error)))
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, id);
              sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, j));
              if (sqlite3_step (stmt) != SQLITE_DONE)
                return linli_store_fail (self, sqlite3_errcode (self->db), error);
            }
        }
    }
  return TRUE;
}

static gboolean
bind_columns (LinliStore    *self,
              sqlite3_stmt  *stmt,
              LinliRecord   *record,
              GError       **error)
{
  guint n_columns, n = 0;
  const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (record), &n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      int rc;

      if (columns[i].type == LINLI_COLUMN_TEXT_LIST || columns[i].type == LINLI_COLUMN_REF_LIST)
        continue;
      rc = linli_record_sql_bind (stmt, (int) ++n, &columns[i], linli_record_peek_value (record, i));
      if (rc != SQLITE_OK)
        return linli_store_fail (self, rc, error);
    }
  return TRUE;
}

static gboolean
finish_write (LinliStore *self,
              gboolean    ok,
              GError    **error)
{
  if (!ok)
    {
      linli_store_rollback (self);
      return FALSE;
    }
  return linli_store_commit (self, error);
}

/* A timeline entry written by the store itself, inside the transaction of
 * the change it records: one prepared statement, no record object, as an
 * import writes one for every case. @at is the time as the store writes
 * it (linli_record_sql_format_time()). */
gboolean
linli_store_add_diary_entry_at (LinliStore         *self,
                               gint64              case_id,
                               LinliDiaryEntryKind  kind,
                               const char         *at,
                               gint64              worker_id,
                               const char         *from_value,
                               const char         *to_value,
                               GError            **error)
{
  static const char sql[] = "INSERT INTO case_event (case_id, at, worker_id, kind, from_value, to_value)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  sqlite3_stmt *stmt;

  g_assert (self->depth > 0);

  stmt = prepare_record_sql (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  if (worker_id != 0)
    sqlite3_bind_int64 (stmt, 3, worker_id);
  sqlite3_bind_text (stmt, 4, linli_record_sql_enum_nick (LINLI_TYPE_DIARY_ENTRY_KIND, kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, from_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, to_value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return linli_store_fail (self, sqlite3_errcode (self->db), error);
  changed (self, LINLI_TYPE_DIARY_ENTRY, LINLI_CHANGE_INSERTED, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
linli_store_add_diary_entry (LinliStore         *self,
                            gint64              case_id,
                            LinliDiaryEntryKind  kind,
                            GDateTime          *at,
                            gint64              worker_id,
                            const char         *from_value,
                            const char         *to_value,
                            GError            **error)
{
  g_autofree char *text = linli_record_sql_format_time (at);

  return linli_store_add_diary_entry_at (self, case_id, kind, text, worker_id, from_value, to_value, error);
}

/**
 * linli_store_insert:
 * @record: a record with id 0
 *
 * Stores a new record and sets its id.
 */
gboolean
linli_store_insert (LinliStore   *self,
                    LinliRecord  *record,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);
  g_return_val_if_fail (linli_record_get_id (record) == 0, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  ok = (stmt = prepare_record_sql (self, linli_record_sql (G_OBJECT_TYPE (record))->insert, error)) != NULL &&
       bind_columns (self, stmt, record, error);
  if (ok && sqlite3_step (stmt) != SQLITE_DONE)
    ok = linli_store_fail (self, sqlite3_errcode (self->db), error);
  if (ok)
    {
      linli_record_set_id (record, sqlite3_last_insert_rowid (self->db));
      ok = write_lists (self, record, FALSE, error) &&
           (!LINLI_IS_CASE (record) || linli_case_timeline_record (self, NULL, record, error));
    }
  if (!ok)
    linli_record_set_id (record, 0);
  else
    changed (self, G_OBJECT_TYPE (record), LINLI_CHANGE_INSERTED, linli_record_get_id (record));

  return finish_write (self, ok, error);
}

/**
 * linli_store_restore:
 * @record: a record that was deleted, with the id it had
 *
 * Puts a deleted record back as it was, id and all, for Undo. Nothing is
 * added to a case's timeline: restore its events as well.
 */
gboolean
linli_store_restore (LinliStore   *self,
                     LinliRecord  *record,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);
  g_return_val_if_fail (linli_record_get_id (record) > 0, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  ok = (stmt = prepare_record_sql (self, linli_record_sql (G_OBJECT_TYPE (record))->restore, error)) != NULL &&
       bind_columns (self, stmt, record, error);
  if (ok)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), linli_record_get_id (record));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = linli_store_fail (self, sqlite3_errcode (self->db), error);
    }
  ok = ok && write_lists (self, record, FALSE, error);
  if (ok)
    changed (self, G_OBJECT_TYPE (record), LINLI_CHANGE_INSERTED, linli_record_get_id (record));

  return finish_write (self, ok, error);
}

/**
 * linli_store_restore_all:
 * @record: a record that was deleted, with the id it had
 * @children: (nullable) (element-type LinliRecord): what was deleted with
 *   it (a case's diary entries, an activity's participations), their ids
 *   kept too
 *
 * Puts @record and @children back as they were, in one transaction: Undo
 * of a delete. Nothing comes back when one of them cannot.
 */
gboolean
linli_store_restore_all (LinliStore   *self,
                         LinliRecord  *record,
                         GPtrArray    *children,
                         GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;
  ok = linli_store_restore (self, record, error);
  for (guint i = 0; ok && children != NULL && i < children->len; i++)
    ok = linli_store_restore (self, g_ptr_array_index (children, i), error);
  if (!ok)
    {
      linli_store_rollback (self);
      return FALSE;
    }
  return linli_store_commit (self, error);
}

/**
 * linli_store_update_all:
 * @records: (element-type LinliRecord): stored records, as they should be
 *
 * Writes each of @records over the stored one, in one transaction: Undo
 * of a change to several records at once. Nothing is written when one of
 * them cannot be.
 */
gboolean
linli_store_update_all (LinliStore   *self,
                        GPtrArray    *records,
                        GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < records->len; i++)
    ok = linli_store_update (self, g_ptr_array_index (records, i), error);
  if (!ok)
    {
      linli_store_rollback (self);
      return FALSE;
    }
  return linli_store_commit (self, error);
}

gboolean
linli_store_update (LinliStore   *self,
                    LinliRecord  *record,
                    GError      **error)
{
  g_autoptr(LinliRecord) before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);
  g_return_val_if_fail (linli_record_get_id (record) > 0, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  before = linli_store_get (self, G_OBJECT_TYPE (record), linli_record_get_id (record), error);
  ok = before != NULL &&
       (stmt = prepare_record_sql (self, linli_record_sql (G_OBJECT_TYPE (record))->update, error)) != NULL &&
       bind_columns (self, stmt, record, error);
  if (ok)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_count (stmt), linli_record_get_id (record));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = linli_store_fail (self, sqlite3_errcode (self->db), error);
    }
  ok = ok && write_lists (self, record, TRUE, error) &&
       (!LINLI_IS_CASE (record) || linli_case_timeline_record (self, before, record, error));
  if (ok)
    changed (self, G_OBJECT_TYPE (record), LINLI_CHANGE_UPDATED, linli_record_get_id (record));

  return finish_write (self, ok, error);
}

/**
 * linli_store_update_from:
 * @original: the record as it was read before it was edited
 * @record: the edited record; on success it holds what was written
 *
 * Writes only what the edit changed from @original, so that what was
 * changed meanwhile elsewhere — the Cases page assigning the case, another
 * editor — in other fields is kept, not undone by a whole-row write. When a
 * field this edit changed was also changed elsewhere, to something else,
 * nothing is written and %LINLI_STORE_ERROR_CONFLICT says so.
 */
gboolean
linli_store_update_from (LinliStore   *self,
                         LinliRecord  *original,
                         LinliRecord  *record,
                         GError      **error)
{
  g_autoptr(LinliRecord) merged = NULL;
  LinliRecordClass *klass;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (original), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (original) == G_OBJECT_TYPE (record), FALSE);
  g_return_val_if_fail (linli_record_get_id (record) == linli_record_get_id (original), FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  merged = linli_store_get (self, G_OBJECT_TYPE (record), linli_record_get_id (record), error);
  ok = merged != NULL;
  klass = LINLI_RECORD_GET_CLASS (record);
  for (guint i = 0; ok && i < klass->n_columns; i++)
    {
      if (linli_record_column_equal (original, record, i) ||
          linli_record_column_equal (merged, record, i))
        continue;
      if (!linli_record_column_equal (merged, original, i))
        {
          g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_CONFLICT,
                       _("This record was changed elsewhere while it was being edited, in a field changed here too. Nothing was saved: close it, open it again to see the other change, and make yours once more."));
          ok = FALSE;
          break;
        }
      linli_record_copy_column (merged, record, i);
    }
  ok = ok && linli_store_update (self, merged, error);
  if (ok)
    for (guint i = 0; i < klass->n_columns; i++)
      if (!linli_record_column_equal (merged, record, i))
        linli_record_copy_column (record, merged, i);
  return finish_write (self, ok, error);
}

gboolean
linli_store_delete (LinliStore   *self,
                    LinliRecord  *record,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (self), FALSE);
  g_return_val_if_fail (LINLI_IS_RECORD (record), FALSE);
  g_return_val_if_fail (linli_record_get_id (record) > 0, FALSE);

  if (!linli_store_begin (self, error))
    return FALSE;

  ok = (stmt = prepare_record_sql (self, linli_record_sql (G_OBJECT_TYPE (record))->remove, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, linli_record_get_id (record));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = linli_store_fail (self, sqlite3_errcode (self->db), error);
      else if (sqlite3_changes (self->db) == 0)
        ok = (g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND,
                           _("The record no longer exists.")), FALSE);
    }
  if (ok)
    {
      changed (self, G_OBJECT_TYPE (record), LINLI_CHANGE_DELETED, linli_record_get_id (record));
      changed_referencing (self, G_OBJECT_TYPE (record));
    }

  return finish_write (self, ok, error);
}

/**
 * linli_store_get:
 *
 * Returns: (transfer full) (type LinliRecord): the record, or %NULL with
 *   %LINLI_STORE_ERROR_NOT_FOUND
 */
gpointer
linli_store_get (LinliStore  *self,
                 GType        type,
                 gint64       id,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  LinliRecord *record;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, LINLI_TYPE_RECORD), NULL);

  sql = g_strconcat (linli_record_sql (type)->select, " WHERE t.id = ?1", NULL);
  if (!(stmt = linli_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND,
                   _("The record no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      linli_store_fail (self, rc, error);
      return NULL;
    }
  record = linli_store_read_record (type, stmt);
  sqlite3_reset (stmt);
  return record;
}

guint
linli_store_count (LinliStore *self,
                   GType       type)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  gint64 n = 0;

  g_return_val_if_fail (LINLI_IS_STORE (self), 0);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", LINLI_RECORD_CLASS (klass)->table);
  if (!query_int (self, sql, &n, NULL))
    return 0;
  return (guint) n;
}

/**
 * linli_store_list:
 *
 * Returns: (transfer full): a #GListModel of every record of @type, in the
 *   type's natural order, that follows the store's changes
 */
GListModel *
linli_store_list (LinliStore *self,
                  GType       type)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  return G_LIST_MODEL (linli_record_list_new (self, type, NULL, NULL, 0));
}

GListModel *
linli_store_list_diary_entries (LinliStore *self,
                              gint64      case_id)
{
  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  return G_LIST_MODEL (linli_record_list_new (self, LINLI_TYPE_DIARY_ENTRY,
                                              "t.case_id = ?1", &case_id, 1));
}

/**
 * linli_store_dup_case_categories:
 *
 * Returns: (transfer full): the first-level categories the cases use, the
 *   most used first
 */
GStrv
linli_store_dup_case_categories (LinliStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);

  stmt = linli_store_prepare (self, "SELECT category FROM case_record GROUP BY category"
                                    " ORDER BY count(*) DESC, category", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/**
 * linli_store_next_case_number:
 *
 * Returns: (transfer full): the next free case number of @year, "2026-0042"
 */
char *
linli_store_next_case_number (LinliStore *self,
                              int         year)
{
  sqlite3_stmt *stmt;
  g_autofree char *prefix = NULL;
  gint64 last = 0;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (year >= 1000 && year <= 9999, NULL);

  prefix = g_strdup_printf ("%d-", year);
  stmt = linli_store_prepare (self,
                              "SELECT max(CAST(substr(number, 6) AS INTEGER)) FROM case_record"
                              " WHERE number >= ?1 AND number < ?2", NULL);
  if (stmt != NULL)
    {
      g_autofree char *next_prefix = g_strdup_printf ("%d-", year + 1);
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, next_prefix, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        last = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return g_strdup_printf ("%d-%04" G_GINT64_FORMAT, year, last + 1);
}
