/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_HANDLING (linli_case_section_handling_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionHandling, linli_case_section_handling, LINLI, CASE_SECTION_HANDLING, AdwPreferencesGroup)

G_END_DECLS
