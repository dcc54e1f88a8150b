/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_WHO (linli_case_section_who_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionWho, linli_case_section_who, LINLI, CASE_SECTION_WHO, AdwPreferencesGroup)

const char  *linli_case_section_who_get_name     (LinliCaseSectionWho *self);
const char  *linli_case_section_who_get_phone    (LinliCaseSectionWho *self);
gboolean     linli_case_section_who_has_changes  (LinliCaseSectionWho *self);
LinliRecord *linli_case_section_who_dup_reporter (LinliCaseSectionWho *self,
                                                  gboolean            *needs_write);

G_END_DECLS
