/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_TIMELINE (linli_case_section_timeline_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionTimeline, linli_case_section_timeline, LINLI, CASE_SECTION_TIMELINE, AdwPreferencesGroup)

GListModel *linli_case_section_timeline_get_pending (LinliCaseSectionTimeline *self);
char       *linli_case_section_timeline_describe    (LinliCaseSectionTimeline *self,
                                                     LinliRecord              *event);

G_END_DECLS
