/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-list-page.h"

G_BEGIN_DECLS

#define LINLI_TYPE_OUTREACH_PAGE (linli_outreach_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutreachPage, linli_outreach_page, LINLI, OUTREACH_PAGE, LinliRecordListPage)


G_END_DECLS
