/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-integrity"
#define _GNU_SOURCE  /* gettid() */

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include "linli-integrity.h"

struct _LinliIntegrityCheck
{
  gatomicrefcount     ref_count;
  char               *path;
  GMainContext       *context;

  GMutex              lock;
  GCond               cond;
  gboolean            done;
  gboolean            aborted;
  sqlite3            *db;           /* while the check runs */
  char               *problem;      /* NULL when the file is sound */

  LinliIntegrityDone  callback;     /* owned by the starting thread */
  gpointer            user_data;
  GDestroyNotify      user_data_free;
};

static LinliIntegrityCheck *
check_ref (LinliIntegrityCheck *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
linli_integrity_check_unref (LinliIntegrityCheck *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  linli_integrity_check_cancel_callback (self);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_main_context_unref (self->context);
  g_free (self->problem);
  g_free (self->path);
  g_free (self);
}

/* Returns a description of the first problem, or NULL. */
static char *
quick_check (LinliIntegrityCheck *self)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc;

  /* Read-only: nothing is written, and SQLite skips the CHECK constraints,
   * which the store enforces on every write anyway. */
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  /* A reader never folds the WAL into the file (see linli-database-file.h). */
  if (db != NULL)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_mutex_lock (&self->lock);
  self->db = db;
  if (self->aborted)
    rc = SQLITE_INTERRUPT;
  g_mutex_unlock (&self->lock);

  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (result, "ok") != 0)
        problem = g_strdup (result ? result : "?");
    }
  else
    problem = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  g_mutex_lock (&self->lock);
  self->db = NULL;
  g_mutex_unlock (&self->lock);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return problem;
}

static gboolean
report_cb (gpointer data)
{
  LinliIntegrityCheck *self = data;

  if (self->callback != NULL)
    self->callback (self->problem, self->user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
check_thread (gpointer data)
{
  LinliIntegrityCheck *self = data;
  char *problem;

  /* At the lowest priority: the check must not take the CPU the window
   * needs to draw its first frames. Linux gives each thread its own nice
   * value; where it cannot be changed, the check runs as it is. */
  if (setpriority (PRIO_PROCESS, (id_t) gettid (), 19) != 0)
    g_debug ("Cannot lower the check's priority: %s", g_strerror (errno));
  problem = quick_check (self);

  g_mutex_lock (&self->lock);
  self->problem = problem;
  self->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  /* Always through an idle source: g_main_context_invoke() would call back
   * right here, in this thread, whenever no thread holds the context. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
    g_source_set_callback (source, report_cb, self, (GDestroyNotify) linli_integrity_check_unref);
    g_source_set_static_name (source, "[linli] integrity report");
    g_source_attach (source, self->context);
    g_source_unref (source);
  }
  return NULL;
}

/**
 * linli_integrity_check_start:
 * @path: the database's file name, or an SQLite URI (`file:…`) to open it by
 * @done: (nullable): called with the problem found, or %NULL, once the check
 *   is over, unless cancelled first
 *
 * Returns: (transfer full): the running check
 */
LinliIntegrityCheck *
linli_integrity_check_start (const char         *path,
                             LinliIntegrityDone  done,
                             gpointer            user_data,
                             GDestroyNotify      user_data_free)
{
  LinliIntegrityCheck *self = g_new0 (LinliIntegrityCheck, 1);
  GThread *thread;

  g_return_val_if_fail (path != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->callback = done;
  self->user_data = user_data;
  self->user_data_free = user_data_free;

  /* The thread's reference is dropped by the report it sends back. */
  thread = g_thread_new ("linli-integrity", check_thread, check_ref (self));
  g_thread_unref (thread);

  return self;
}

/**
 * linli_integrity_check_wait:
 *
 * Waits for the check to finish.
 *
 * Returns: (nullable): the first problem found, or %NULL when the file is sound
 */
const char *
linli_integrity_check_wait (LinliIntegrityCheck *self)
{
  const char *problem;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  while (!self->done)
    g_cond_wait (&self->cond, &self->lock);
  problem = self->problem;
  g_mutex_unlock (&self->lock);

  return problem;
}

/* The callback will not be called; its data is freed now. */
void
linli_integrity_check_cancel_callback (LinliIntegrityCheck *self)
{
  g_return_if_fail (self != NULL);

  self->callback = NULL;
  if (self->user_data_free != NULL)
    g_clear_pointer (&self->user_data, self->user_data_free);
  self->user_data_free = NULL;
}

/**
 * linli_integrity_check_abort:
 *
 * Stops a check that is still running, and waits until its connection to
 * the file is closed. The callback is not called.
 */
void
linli_integrity_check_abort (LinliIntegrityCheck *self)
{
  g_return_if_fail (self != NULL);

  linli_integrity_check_cancel_callback (self);
  g_mutex_lock (&self->lock);
  self->aborted = TRUE;
  if (self->db != NULL)
    sqlite3_interrupt (self->db);
  g_mutex_unlock (&self->lock);
  linli_integrity_check_wait (self);
}
