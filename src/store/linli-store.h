/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-records.h"

G_BEGIN_DECLS

#define LINLI_STORE_ERROR (linli_store_error_quark ())

typedef enum {
  LINLI_STORE_ERROR_NOT_LINLI,   /* the file is not a Linli database */
  LINLI_STORE_ERROR_DAMAGED,     /* a Linli database that cannot be read safely */
  LINLI_STORE_ERROR_TOO_NEW,     /* written by a newer Linli */
  LINLI_STORE_ERROR_IO,          /* the file cannot be opened, read or written */
  LINLI_STORE_ERROR_CONSTRAINT,  /* the record breaks a rule of the schema */
  LINLI_STORE_ERROR_NOT_FOUND,
  LINLI_STORE_ERROR_FAILED,
  LINLI_STORE_ERROR_READ_ONLY,   /* the store was opened read-only */
  LINLI_STORE_ERROR_TOO_OLD,     /* needs an upgrade, which a read-only store cannot make */
  LINLI_STORE_ERROR_CONFLICT,    /* changed elsewhere in a field an edit changed too */
  LINLI_STORE_ERROR_BUSY,        /* a job is writing through linli_store_open_writer() */
} LinliStoreError;

typedef enum {
  LINLI_STORE_OPEN_DEFAULT   = 0,
  LINLI_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, even where it could */
  LINLI_STORE_OPEN_EXISTING  = 1 << 1,  /* refuse a missing or empty file rather than make a database of it */
  LINLI_STORE_OPEN_SNAPSHOT  = 1 << 2,  /* a reader for one thread beside the store in use: read-only,
                                         * and no integrity check of its own */
  LINLI_STORE_OPEN_LATER_CHECK = 1 << 3, /* the check of the whole file waits for
                                          * linli_store_start_check() or the first write */
} LinliStoreOpenFlags;

/* Why a store can only read its file. */
typedef enum {
  LINLI_READ_ONLY_NO,       /* it can write */
  LINLI_READ_ONLY_ASKED,    /* LINLI_STORE_OPEN_READ_ONLY */
  LINLI_READ_ONLY_FILE,     /* the file may not be written */
  LINLI_READ_ONLY_FOLDER,   /* its folder may not be written, so SQLite cannot keep its journal there */
  LINLI_READ_ONLY_IN_USE,   /* another Linli is writing it */
} LinliReadOnlyReason;

/* The clock the store stamps automatic timeline entries with. */
typedef GDateTime *(*LinliClockFunc) (gpointer user_data);

#define LINLI_TYPE_STORE (linli_store_get_type ())

G_DECLARE_FINAL_TYPE (LinliStore, linli_store, LINLI, STORE, GObject)

GQuark          linli_store_error_quark        (void);
guint           linli_store_schema_version     (void);

LinliStore     *linli_store_open               (const char      *path,
                                                GError         **error);
LinliStore     *linli_store_open_full          (const char      *path,
                                                LinliStoreOpenFlags flags,
                                                GError         **error);
LinliReadOnlyReason linli_store_get_read_only_reason (LinliStore *self);
gboolean        linli_store_is_read_only       (LinliStore      *self);
LinliStore     *linli_store_open_writer        (LinliStore      *self,
                                                const char      *busy_message,
                                                GError         **error);
void            linli_store_close_writer       (LinliStore      *self,
                                                LinliStore      *writer,
                                                const GType     *changed_types,
                                                guint            n_changed_types);
gboolean        linli_store_is_busy            (LinliStore      *self);
char           *linli_store_dup_read_only_message (LinliStore   *self);
gboolean        linli_store_begin_read         (LinliStore      *self,
                                                GError         **error);
gboolean        linli_store_verify             (LinliStore      *self,
                                                GError         **error);
void            linli_store_start_check        (LinliStore      *self);
const char     *linli_store_get_path           (LinliStore      *self);
LinliCommunity *linli_store_dup_community      (LinliStore      *self);
void            linli_store_set_clock          (LinliStore      *self,
                                                LinliClockFunc   clock,
                                                gpointer         user_data);
void            linli_store_get_clock          (LinliStore      *self,
                                                LinliClockFunc  *clock,
                                                gpointer        *user_data);
GDateTime      *linli_store_now                (LinliStore      *self);
void            linli_store_note_reset         (LinliStore      *self);

gboolean        linli_store_begin              (LinliStore      *self,
                                                GError         **error);
gboolean        linli_store_begin_batch        (LinliStore      *self,
                                                GError         **error);
gboolean        linli_store_commit             (LinliStore      *self,
                                                GError         **error);
void            linli_store_rollback           (LinliStore      *self);

gboolean        linli_store_insert             (LinliStore      *self,
                                                LinliRecord     *record,
                                                GError         **error);
gboolean        linli_store_update             (LinliStore      *self,
                                                LinliRecord     *record,
                                                GError         **error);
gboolean        linli_store_update_from        (LinliStore      *self,
                                                LinliRecord     *original,
                                                LinliRecord     *record,
                                                GError         **error);
gboolean        linli_store_update_all         (LinliStore      *self,
                                                GPtrArray       *records,
                                                GError         **error);
gboolean        linli_store_restore            (LinliStore      *self,
                                                LinliRecord     *record,
                                                GError         **error);
gboolean        linli_store_restore_all        (LinliStore      *self,
                                                LinliRecord     *record,
                                                GPtrArray       *children,
                                                GError         **error);
gboolean        linli_store_delete             (LinliStore      *self,
                                                LinliRecord     *record,
                                                GError         **error);
gpointer        linli_store_get                (LinliStore      *self,
                                                GType            type,
                                                gint64           id,
                                                GError         **error);
guint           linli_store_count              (LinliStore      *self,
                                                GType            type);

GListModel     *linli_store_list               (LinliStore      *self,
                                                GType            type);
GListModel     *linli_store_list_diary_entries   (LinliStore      *self,
                                                gint64           case_id);
GStrv           linli_store_dup_case_categories (LinliStore     *self);
char           *linli_store_next_case_number   (LinliStore      *self,
                                                int              year);

G_END_DECLS
