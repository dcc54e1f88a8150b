/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

gboolean linli_case_timeline_record_new (LinliStore       *store,
                                         gint64            id,
                                         const char       *reported_at,
                                         LinliCaseStatus   status,
                                         GError          **error);
gboolean linli_case_timeline_record (LinliStore   *store,
                                     LinliRecord  *before,
                                     LinliRecord  *after,
                                     GError      **error);

G_END_DECLS
