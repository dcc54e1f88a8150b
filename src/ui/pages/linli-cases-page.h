/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list-page.h"
#include "linli-safe-file.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASES_PAGE (linli_cases_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliCasesPage, linli_cases_page, LINLI, CASES_PAGE, LinliRecordListPage)

char       *linli_cases_page_describe_filter (LinliCasesPage *self);
void        linli_cases_page_show_grid    (LinliCasesPage *self,
                                           gint64          grid_id);
gboolean    linli_cases_page_is_searching (LinliCasesPage *self);
void        linli_cases_page_export_to    (LinliCasesPage     *self,
                                           GFile              *file,
                                           LinliSafeFileFlags  flags);
GCancellable *linli_cases_page_get_export_cancellable (LinliCasesPage *self);

G_END_DECLS
