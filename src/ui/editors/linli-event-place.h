/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-record-section.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* Where an activity or outreach event took place: the venue as people say
 * it, the point on the map, and the grid, which follows the point until
 * the user chooses another. Edits the venue, lat, lon and grid_id columns
 * of a record in place and emits ::changed: a LinliRecordSection of the
 * activity and outreach editors. */

#define LINLI_TYPE_EVENT_PLACE (linli_event_place_get_type ())

G_DECLARE_FINAL_TYPE (LinliEventPlace, linli_event_place, LINLI, EVENT_PLACE, AdwPreferencesGroup)

void     linli_event_place_load       (LinliEventPlace *self,
                                       LinliStore      *store,
                                       LinliRecord     *copy);
void     linli_event_place_set_point  (LinliEventPlace *self,
                                       double           latitude,
                                       double           longitude);
gint64   linli_event_place_grid_at    (LinliEventPlace *self,
                                       double           latitude,
                                       double           longitude);

G_END_DECLS
