/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* Copies of a database, made with SQLite's online backup API on a
 * connection of their own, so that each is a consistent snapshot however
 * the store is being written meanwhile. The backups of a database live in a
 * folder of their own under the user data dir, one file per backup named by
 * its time, and are thinned out as a person would: see
 * linli_backup_choose_kept(). Errors are #LinliStoreError. */

typedef struct
{
  char      *path;
  GDateTime *time;          /* local time the backup was made, from its name */
  goffset    size;          /* bytes */
  int        n_cases;       /* -1 when the file cannot say */
  int        n_activities;
  int        n_outreach;
} LinliBackup;

void         linli_backup_free               (LinliBackup        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliBackup, linli_backup_free)

char        *linli_backup_folder_for         (const char         *database_path);
void         linli_backup_choose_kept        (GDateTime * const  *times,
                                              guint               n_times,
                                              GDateTime          *now,
                                              gboolean           *keep);
gboolean     linli_backup_is_due             (const char         *database_path,
                                              GDateTime          *now);

/* Blocking; safe in any thread, as they never touch a LinliStore. */
char        *linli_backup_make               (const char         *database_path,
                                              GDateTime          *now,
                                              GError            **error);
gboolean     linli_backup_rotate             (const char         *database_path,
                                              GDateTime          *now,
                                              GError            **error);
GPtrArray   *linli_backup_list               (const char         *database_path,
                                              GError            **error);
gboolean     linli_backup_save_copy          (const char         *database_path,
                                              const char         *target,
                                              GError            **error);
gboolean     linli_backup_check              (const char         *backup_path,
                                              GError            **error);
LinliBackup *linli_backup_find_newest_good   (const char         *database_path);
gboolean     linli_backup_replace_damaged    (const char         *database_path,
                                              const char         *backup_path,
                                              GDateTime          *now,
                                              char              **damaged_path,
                                              GError            **error);

/* In the store's own thread: copies @backup_path into the open database. */
gboolean     linli_backup_restore_into       (LinliStore         *store,
                                              const char         *backup_path,
                                              GError            **error);

/* The work in a thread; the store's clock gives the time. */
void         linli_backup_make_async         (LinliStore         *store,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
char        *linli_backup_make_finish        (LinliStore         *store,
                                              GAsyncResult       *result,
                                              GError            **error);
void         linli_backup_make_daily_async   (LinliStore         *store,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
char        *linli_backup_make_daily_finish  (LinliStore         *store,
                                              GAsyncResult       *result,
                                              GError            **error);
void         linli_backup_list_async         (LinliStore         *store,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GPtrArray   *linli_backup_list_finish        (LinliStore         *store,
                                              GAsyncResult       *result,
                                              GError            **error);
void         linli_backup_save_copy_async    (LinliStore         *store,
                                              const char         *target,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean     linli_backup_save_copy_finish   (LinliStore         *store,
                                              GAsyncResult       *result,
                                              GError            **error);
void         linli_backup_restore_async      (LinliStore         *store,
                                              const char         *backup_path,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
char        *linli_backup_restore_finish     (LinliStore         *store,
                                              GAsyncResult       *result,
                                              GError            **error);

G_END_DECLS
