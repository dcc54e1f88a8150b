/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-case-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CASE_SECTION_OUTCOME (linli_case_section_outcome_get_type ())

G_DECLARE_FINAL_TYPE (LinliCaseSectionOutcome, linli_case_section_outcome, LINLI, CASE_SECTION_OUTCOME, AdwPreferencesGroup)

G_END_DECLS
