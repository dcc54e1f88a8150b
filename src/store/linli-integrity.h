/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SQLite's quick_check of a whole database, on its own read-only connection
 * in a thread of its own: a large file takes a second or more, and the
 * store need not wait for it to show what it holds. */

typedef struct _LinliIntegrityCheck LinliIntegrityCheck;

/* Called in the thread-default main context of the caller of _start(). */
typedef void (*LinliIntegrityDone) (const char *problem,
                                    gpointer    user_data);

LinliIntegrityCheck *linli_integrity_check_start (const char          *path,
                                                  LinliIntegrityDone   done,
                                                  gpointer             user_data,
                                                  GDestroyNotify       user_data_free);
const char          *linli_integrity_check_wait  (LinliIntegrityCheck *self);
void                 linli_integrity_check_cancel_callback (LinliIntegrityCheck *self);
void                 linli_integrity_check_abort (LinliIntegrityCheck *self);
void                 linli_integrity_check_unref (LinliIntegrityCheck *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliIntegrityCheck, linli_integrity_check_unref)

G_END_DECLS
