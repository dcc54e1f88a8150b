/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_EVENT_SECTION_WHAT (linli_event_section_what_get_type ())

G_DECLARE_FINAL_TYPE (LinliEventSectionWhat, linli_event_section_what, LINLI, EVENT_SECTION_WHAT, AdwPreferencesGroup)

G_END_DECLS
