/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_WHERE (linli_case_section_where_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionWhere, linli_case_section_where, LINLI, CASE_SECTION_WHERE, AdwPreferencesGroup)

G_END_DECLS
