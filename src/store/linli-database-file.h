/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* The database file as the operating system sees it, beside SQLite.
 *
 * POSIX locks, which SQLite relies on, belong to a process and a file: the
 * close() of any descriptor of the file in this process drops every one of
 * them, the ones SQLite holds included. So this program opens each database
 * file once, outside SQLite, and keeps that descriptor while any store has
 * the file open; headers are read through it. On it the writer holds a
 * flock() lock, which no close() elsewhere drops, so a second Linli — in
 * another window, another login or another process — knows the file is in
 * use and opens it read-only. */

typedef struct _LinliDatabaseFile LinliDatabaseFile;

gboolean             linli_database_file_is_in_portal   (const char         *path);
LinliDatabaseFile   *linli_database_file_open           (const char         *path,
                                                         GError            **error);
void                 linli_database_file_close          (LinliDatabaseFile  *self);
gboolean             linli_database_file_read_header    (LinliDatabaseFile  *self,
                                                         guint8             *header,
                                                         gsize               size,
                                                         gsize              *n_read,
                                                         GError            **error);
guint64              linli_database_file_get_size       (LinliDatabaseFile  *self);
LinliReadOnlyReason  linli_database_file_claim_writer   (LinliDatabaseFile  *self);

gboolean             linli_database_file_create         (const char         *path,
                                                         GError            **error);
void                 linli_database_file_protect        (const char         *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliDatabaseFile, linli_database_file_close)

G_END_DECLS
