/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list-page.h"

G_BEGIN_DECLS

#define LINLI_TYPE_OUTREACH_PAGE (linli_outreach_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutreachPage, linli_outreach_page, LINLI, OUTREACH_PAGE, LinliRecordListPage)

void        linli_outreach_page_set_store  (LinliOutreachPage *self,
                                            LinliStore        *store);
GListModel *linli_outreach_page_get_events (LinliOutreachPage *self);
char       *linli_outreach_page_dup_totals (LinliOutreachPage *self);
void        linli_outreach_page_new_event  (LinliOutreachPage *self);
void        linli_outreach_page_open       (LinliOutreachPage *self,
                                            gint64             id);
void        linli_outreach_page_search     (LinliOutreachPage *self,
                                            const char        *text);

G_END_DECLS
