/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "linli-store.h"
#include "linli-case-search.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* For the store's own list models and the benchmark: nothing outside
 * src/store/ and tests/ includes this. */

sqlite3      *linli_store_get_db       (LinliStore    *self);
sqlite3_stmt *linli_store_prepare      (LinliStore    *self,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *linli_store_prepare_static (LinliStore  *self,
                                         const char  *sql,
                                         GError     **error);
void          linli_store_note_change  (LinliStore    *self,
                                        GType          type,
                                        LinliChange    change,
                                        gint64         id);
gboolean      linli_store_fail         (LinliStore    *self,
                                        int            rc,
                                        GError       **error);
const char   *linli_store_select_sql   (GType          type);
LinliRecord  *linli_store_read_record  (GType          type,
                                        sqlite3_stmt  *stmt);
gboolean      linli_store_add_diary_entry_at (LinliStore        *self,
                                             gint64             case_id,
                                             LinliDiaryEntryKind kind,
                                             const char        *at,
                                             gint64             worker_id,
                                             const char        *from_value,
                                             const char        *to_value,
                                             GError           **error);
gboolean      linli_store_add_diary_entry (LinliStore        *self,
                                          gint64             case_id,
                                          LinliDiaryEntryKind kind,
                                          GDateTime         *at,
                                          gint64             worker_id,
                                          const char        *from_value,
                                          const char        *to_value,
                                          GError           **error);

/* linli-case-search.c, for tests */
void          linli_case_search_set_split_min_id (gint64 min_id);
void          linli_case_search_set_cache_dir    (const char *dir);
gboolean      linli_case_search_was_loaded       (LinliCaseSearch *self);

G_END_DECLS
