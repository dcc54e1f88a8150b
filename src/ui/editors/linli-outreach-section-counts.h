/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_OUTREACH_SECTION_COUNTS (linli_outreach_section_counts_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutreachSectionCounts, linli_outreach_section_counts, LINLI, OUTREACH_SECTION_COUNTS,
                      AdwPreferencesGroup)

G_END_DECLS
