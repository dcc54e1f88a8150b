/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Finds the cases whose number, title, description, address or reporter
 * contains a piece of text, Chinese included: "漏水" and "3号楼" alike. */

#define LINLI_TYPE_CASE_SEARCH (linli_case_search_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSearch, linli_case_search, LINLI, CASE_SEARCH, GObject)

LinliCaseSearch *linli_case_search_new        (LinliStore      *store);
void             linli_case_search_set_text   (LinliCaseSearch *self,
                                               const char      *text);
const char      *linli_case_search_get_text   (LinliCaseSearch *self);
gboolean         linli_case_search_matches    (LinliCaseSearch *self,
                                               gint64           case_id);
gboolean         linli_case_search_is_ready   (LinliCaseSearch *self);
gboolean         linli_case_search_is_searching (LinliCaseSearch *self);
gsize            linli_case_search_get_index_size (LinliCaseSearch *self);
gboolean         linli_case_search_filter     (gint64           case_id,
                                               gpointer         search);

G_END_DECLS
