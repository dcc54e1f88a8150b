/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-organisation-choices.h"
#include "linli-record-section.h"

G_BEGIN_DECLS

#define LINLI_TYPE_EVENT_SECTION_WHO (linli_event_section_who_get_type ())

G_DECLARE_FINAL_TYPE (LinliEventSectionWho, linli_event_section_who, LINLI, EVENT_SECTION_WHO, AdwPreferencesGroup)

const char               *linli_event_section_who_get_column        (LinliEventSectionWho *self);
LinliOrganisationChoices *linli_event_section_who_get_organisations (LinliEventSectionWho *self);
gboolean                  linli_event_section_who_has_changes       (LinliEventSectionWho *self);

G_END_DECLS
