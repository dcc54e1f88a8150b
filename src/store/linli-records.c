/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-records"

#include "config.h"

#include "linli-records.h"

#define COL(name, type)               { name, LINLI_COLUMN_##type, NULL, NULL, NULL, NULL, NULL }
#define DEF(name, type, value)        { name, LINLI_COLUMN_##type, NULL, NULL, NULL, NULL, value }
#define ENUM(name, get_type)          { name, LINLI_COLUMN_ENUM, get_type, NULL, NULL, NULL, NULL }
#define ENUM_DEF(name, get_type, nick) { name, LINLI_COLUMN_ENUM, get_type, NULL, NULL, NULL, nick }
#define LIST(name, type, table, key, value) \
                                      { name, LINLI_COLUMN_##type, NULL, table, key, value, NULL }

/* Defines a final record type over @table; its columns are @prefix_columns. */
#define DEFINE_RECORD(TypeName, type_name, table, order)                          \
  struct _##TypeName { LinliRecord parent_instance; };                            \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, LINLI_TYPE_RECORD)                    \
  static void                                                                     \
  type_name##_class_init (TypeName##Class *klass)                                 \
  {                                                                               \
    linli_record_class_set_table (LINLI_RECORD_CLASS (klass), table, order,       \
                                  type_name##_columns,                            \
                                  G_N_ELEMENTS (type_name##_columns));            \
  }

static const LinliColumn linli_community_columns[] = {
  COL ("name", TEXT),
  COL ("subdistrict", TEXT),
  COL ("city", TEXT),
  COL ("center_lat", DOUBLE),
  COL ("center_lon", DOUBLE),
  DEF ("zoom", DOUBLE, "16"),
  COL ("secretary", TEXT),
  COL ("is_demo", BOOL),
  COL ("created_at", DATETIME),
  DEF ("base_map", TEXT, "none"),
  COL ("tile_url", TEXT),
  COL ("mbtiles_path", TEXT),
  COL ("site_plan_path", TEXT),
  COL ("site_plan_points", TEXT),
  DEF ("site_plan_opacity", DOUBLE, "0.7"),
};
DEFINE_RECORD (LinliCommunity, linli_community, "community", "id")

static void
linli_community_init (LinliCommunity *self)
{
}

static const LinliColumn linli_grid_columns[] = {
  COL ("code", TEXT),
  COL ("name", TEXT),
  ENUM ("kind", linli_grid_kind_get_type),
  DEF ("color", TEXT, "#3584e4"),
  COL ("boundary", TEXT),
  COL ("households", INT),
  COL ("population", INT),
  COL ("notes", TEXT),
  COL ("valid_from", DATETIME),
  COL ("valid_to", DATETIME),
  LIST ("workers", REF_LIST, "grid_worker", "grid_id", "worker_id"),
};
DEFINE_RECORD (LinliGrid, linli_grid, "grid", "kind, code COLLATE NOCASE, id")

static void
linli_grid_init (LinliGrid *self)
{
}

static const LinliColumn linli_worker_columns[] = {
  COL ("name", TEXT),
  ENUM ("role", linli_worker_role_get_type),
  COL ("phone", TEXT),
  COL ("notes", TEXT),
  COL ("role_title", TEXT),
  COL ("left_at", DATETIME),
  LIST ("grids", REF_LIST, "grid_worker", "worker_id", "grid_id"),
};
DEFINE_RECORD (LinliWorker, linli_worker, "worker", "left_at IS NOT NULL, role, name, id")

static void
linli_worker_init (LinliWorker *self)
{
}

static const LinliColumn linli_building_columns[] = {
  COL ("name", TEXT),
  COL ("grid_id", REF),
  COL ("lat", DOUBLE),
  COL ("lon", DOUBLE),
  DEF ("units", INT, "1"),
  DEF ("floors", INT, "1"),
  COL ("households", INT),
  COL ("notes", TEXT),
};
DEFINE_RECORD (LinliBuilding, linli_building, "building", "grid_id, length(name), name, id")

static void
linli_building_init (LinliBuilding *self)
{
}

static const LinliColumn linli_resident_columns[] = {
  COL ("name", TEXT),
  COL ("phone", TEXT),
  COL ("address", TEXT),
};
DEFINE_RECORD (LinliResident, linli_resident, "resident", "name, id")

static void
linli_resident_init (LinliResident *self)
{
}

static const LinliColumn linli_case_columns[] = {
  COL ("number", TEXT),
  COL ("title", TEXT),
  COL ("description", TEXT),
  COL ("category", TEXT),
  COL ("subcategory", TEXT),
  COL ("source", TEXT),
  COL ("reporter_id", REF),
  COL ("building_id", REF),
  COL ("address", TEXT),
  COL ("lat", DOUBLE),
  COL ("lon", DOUBLE),
  COL ("grid_id", REF),
  COL ("grid_overridden", BOOL),
  ENUM_DEF ("urgency", linli_urgency_get_type, "normal"),
  COL ("worker_id", REF),
  COL ("responsible_unit", TEXT),
  COL ("reported_at", DATETIME),
  COL ("due_at", DATETIME),
  ENUM ("status", linli_case_status_get_type),
  ENUM ("resolution_level", linli_resolution_level_get_type),
  COL ("resolution", TEXT),
  COL ("resolved_at", DATETIME),
  ENUM ("satisfaction", linli_satisfaction_get_type),
  COL ("revisited_at", DATETIME),
  COL ("revisit_notes", TEXT),
  COL ("duplicate_of", REF),
};
DEFINE_RECORD (LinliCase, linli_case, "case_record", "reported_at DESC, id DESC")

static void
linli_case_init (LinliCase *self)
{
}

static const LinliColumn linli_diary_entry_columns[] = {
  COL ("case_id", REF),
  COL ("at", DATETIME),
  COL ("worker_id", REF),
  ENUM ("kind", linli_diary_entry_kind_get_type),
  COL ("text", TEXT),
  COL ("from_value", TEXT),
  COL ("to_value", TEXT),
  COL ("corrects_id", REF),
};
/* A diary entry (民情日记) of a case; its table keeps its first name. */
DEFINE_RECORD (LinliDiaryEntry, linli_diary_entry, "case_event", "case_id, at, id")

static void
linli_diary_entry_init (LinliDiaryEntry *self)
{
}

static const LinliColumn linli_volunteer_columns[] = {
  COL ("name", TEXT),
  COL ("phone", TEXT),
  COL ("skills", TEXT),
  COL ("number", TEXT),
  COL ("notes", TEXT),
};
DEFINE_RECORD (LinliVolunteer, linli_volunteer, "volunteer", "name, id")

static void
linli_volunteer_init (LinliVolunteer *self)
{
}

static const LinliColumn linli_organisation_columns[] = {
  COL ("name", TEXT),
  ENUM_DEF ("kind", linli_organisation_kind_get_type, "other"),
  COL ("contact", TEXT),
  COL ("phone", TEXT),
  COL ("notes", TEXT),
};
DEFINE_RECORD (LinliOrganisation, linli_organisation, "organisation", "name, id")

static void
linli_organisation_init (LinliOrganisation *self)
{
}

static const LinliColumn linli_activity_columns[] = {
  COL ("title", TEXT),
  COL ("type", TEXT),
  COL ("start_at", DATETIME),
  COL ("end_at", DATETIME),
  COL ("venue", TEXT),
  COL ("lat", DOUBLE),
  COL ("lon", DOUBLE),
  COL ("grid_id", REF),
  COL ("organiser", TEXT),
  COL ("beneficiaries", INT),
  ENUM ("status", linli_activity_status_get_type),
  COL ("description", TEXT),
  LIST ("partners", REF_LIST, "activity_partner", "activity_id", "organisation_id"),
};
DEFINE_RECORD (LinliActivity, linli_activity, "activity", "start_at DESC, id DESC")

static void
linli_activity_init (LinliActivity *self)
{
}

static const LinliColumn linli_participation_columns[] = {
  COL ("activity_id", REF),
  COL ("volunteer_id", REF),
  COL ("role", TEXT),
  DEF ("hours", DOUBLE, "0"),
};
DEFINE_RECORD (LinliParticipation, linli_participation, "participation", "activity_id, id")

static void
linli_participation_init (LinliParticipation *self)
{
}

static const LinliColumn linli_outreach_columns[] = {
  COL ("title", TEXT),
  COL ("start_at", DATETIME),
  COL ("end_at", DATETIME),
  COL ("venue", TEXT),
  COL ("lat", DOUBLE),
  COL ("lon", DOUBLE),
  COL ("grid_id", REF),
  COL ("speaker", TEXT),
  ENUM ("format", linli_outreach_format_get_type),
  COL ("attendees", INT),
  COL ("leaflets", INT),
  COL ("app_installs", INT),
  COL ("consultations", INT),
  COL ("notes", TEXT),
  COL ("installs_off_site", BOOL),
  LIST ("organisers", REF_LIST, "outreach_organiser", "outreach_id", "organisation_id"),
  LIST ("target_groups", TEXT_LIST, "outreach_target_group", "outreach_id", "name"),
  LIST ("topics", TEXT_LIST, "outreach_topic", "outreach_id", "name"),
};
DEFINE_RECORD (LinliOutreach, linli_outreach, "outreach", "start_at DESC, id DESC")

static void
linli_outreach_init (LinliOutreach *self)
{
}

const GType *
linli_record_types (guint *n_types)
{
  static GType types[12];

  if (g_once_init_enter (&types[0]))
    {
      GType all[] = {
        LINLI_TYPE_COMMUNITY, LINLI_TYPE_GRID, LINLI_TYPE_WORKER, LINLI_TYPE_BUILDING,
        LINLI_TYPE_RESIDENT, LINLI_TYPE_CASE, LINLI_TYPE_DIARY_ENTRY, LINLI_TYPE_VOLUNTEER,
        LINLI_TYPE_ORGANISATION, LINLI_TYPE_ACTIVITY, LINLI_TYPE_PARTICIPATION,
        LINLI_TYPE_OUTREACH,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));
      for (guint i = 1; i < G_N_ELEMENTS (all); i++)
        types[i] = all[i];
      g_once_init_leave (&types[0], all[0]);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}
