/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_WHAT (linli_case_section_what_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionWhat, linli_case_section_what, LINLI, CASE_SECTION_WHAT, AdwPreferencesGroup)

G_END_DECLS
