/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-record.h"
#include "linli-enums.h"
#include "linli-enum-types.h"

G_BEGIN_DECLS

/* One record type per table. Their properties are their columns (see
 * resources/sql/); read and write them with g_object_get()/set() or the
 * linli_record_get_*() accessors. */

#define LINLI_TYPE_COMMUNITY     (linli_community_get_type ())
#define LINLI_TYPE_GRID          (linli_grid_get_type ())
#define LINLI_TYPE_WORKER        (linli_worker_get_type ())
#define LINLI_TYPE_BUILDING      (linli_building_get_type ())
#define LINLI_TYPE_RESIDENT      (linli_resident_get_type ())
#define LINLI_TYPE_CASE          (linli_case_get_type ())
#define LINLI_TYPE_DIARY_ENTRY    (linli_diary_entry_get_type ())
#define LINLI_TYPE_VOLUNTEER     (linli_volunteer_get_type ())
#define LINLI_TYPE_ORGANISATION  (linli_organisation_get_type ())
#define LINLI_TYPE_ACTIVITY      (linli_activity_get_type ())
#define LINLI_TYPE_PARTICIPATION (linli_participation_get_type ())
#define LINLI_TYPE_OUTREACH      (linli_outreach_get_type ())

G_DECLARE_FINAL_TYPE (LinliCommunity,     linli_community,     LINLI, COMMUNITY,     LinliRecord)
G_DECLARE_FINAL_TYPE (LinliGrid,          linli_grid,          LINLI, GRID,          LinliRecord)
G_DECLARE_FINAL_TYPE (LinliWorker,        linli_worker,        LINLI, WORKER,        LinliRecord)
G_DECLARE_FINAL_TYPE (LinliBuilding,      linli_building,      LINLI, BUILDING,      LinliRecord)
G_DECLARE_FINAL_TYPE (LinliResident,      linli_resident,      LINLI, RESIDENT,      LinliRecord)
G_DECLARE_FINAL_TYPE (LinliCase,          linli_case,          LINLI, CASE,          LinliRecord)
G_DECLARE_FINAL_TYPE (LinliDiaryEntry,     linli_diary_entry,    LINLI, DIARY_ENTRY,    LinliRecord)
G_DECLARE_FINAL_TYPE (LinliVolunteer,     linli_volunteer,     LINLI, VOLUNTEER,     LinliRecord)
G_DECLARE_FINAL_TYPE (LinliOrganisation,  linli_organisation,  LINLI, ORGANISATION,  LinliRecord)
G_DECLARE_FINAL_TYPE (LinliActivity,      linli_activity,      LINLI, ACTIVITY,      LinliRecord)
G_DECLARE_FINAL_TYPE (LinliParticipation, linli_participation, LINLI, PARTICIPATION, LinliRecord)
G_DECLARE_FINAL_TYPE (LinliOutreach,      linli_outreach,      LINLI, OUTREACH,      LinliRecord)

/* Every record type, for code that walks them all (tests, the generator). */
const GType *linli_record_types (guint *n_types);

G_END_DECLS
