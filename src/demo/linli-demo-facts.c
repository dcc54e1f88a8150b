/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <json-glib/json-glib.h>

#include "linli-demo-private.h"

/* Writes the fixed facts of the demo community from its JSON data: the
 * community itself, its workers, grids, buildings, residents, partner
 * organisations and volunteers, in that order, since each may name what came
 * before it. It remembers in the Demo what the cases, activities and outreach
 * events will refer to (ids by name, the buildings, places and residents). */

/* ------------------------------------------------------------------------ */
/* The fixed facts. */

gboolean
linli_demo_insert (Demo        *d,
                   LinliRecord *record,
                   GError     **error)
{
  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }
  return linli_store_insert (d->store, record, error);
}

gboolean
linli_demo_write_community (Demo       *d,
                            JsonObject *root,
                            GError    **error)
{
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(GDateTime) created = g_date_time_add_months (d->today, -12);
  JsonObject *o = linli_demo_req_object (d, root, "community");

  linli_record_set_text (community, "name", linli_demo_req_str (d, o, "name"));
  linli_record_set_text (community, "subdistrict", linli_demo_opt_str (d, o, "subdistrict"));
  linli_record_set_text (community, "city", linli_demo_opt_str (d, o, "city"));
  linli_record_set_double (community, "center_lat", linli_demo_req_double (d, o, "center_lat"));
  linli_record_set_double (community, "center_lon", linli_demo_req_double (d, o, "center_lon"));
  linli_record_set_double (community, "zoom", linli_demo_opt_double (d, o, "zoom", 16));
  linli_record_set_text (community, "secretary", linli_demo_opt_str (d, o, "secretary"));
  linli_record_set_bool (community, "is_demo", TRUE);
  linli_record_set_datetime (community, "created_at", created);
  return linli_demo_insert (d, community, error);
}


void
linli_demo_staff_free (gpointer data)
{
  Staff *staff = data;

  g_array_unref (staff->all);
  g_array_unref (staff->grid_workers);
  g_free (staff);
}

gboolean
linli_demo_write_workers (Demo       *d,
                          JsonObject *root,
                          GError    **error)
{
  JsonArray *workers = linli_demo_req_array (d, root, "workers");

  for (guint i = 0; i < linli_demo_length (workers); i++)
    {
      g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
      JsonObject *o = linli_demo_object_at (d, workers, i, "workers");
      JsonArray *grids = linli_demo_opt_array (d, o, "grids");
      const char *name = linli_demo_req_str (d, o, "name");
      int role = linli_demo_enum_value (d, LINLI_TYPE_WORKER_ROLE, linli_demo_req_str (d, o, "role"));
      gint64 id;

      linli_record_set_text (worker, "name", name);
      linli_record_set_enum (worker, "role", role);
      linli_record_set_text (worker, "phone", linli_demo_opt_str (d, o, "phone"));
      linli_record_set_text (worker, "notes", linli_demo_opt_str (d, o, "notes"));
      if (!linli_demo_insert (d, worker, error))
        return FALSE;
      id = linli_record_get_id (worker);
      linli_demo_insert_id (d->workers, name, id);

      for (guint j = 0; j < linli_demo_length (grids); j++)
        {
          const char *code = linli_demo_string_at (d, grids, j, "grids");
          Staff *staff = g_hash_table_lookup (d->staff, code);

          if (staff == NULL)
            {
              staff = g_new0 (Staff, 1);
              staff->all = g_array_new (FALSE, FALSE, sizeof (gint64));
              staff->grid_workers = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (d->staff, (gpointer) code, staff);
            }
          g_array_append_val (staff->all, id);
          if (role == LINLI_WORKER_ROLE_GRID_WORKER)
            g_array_append_val (staff->grid_workers, id);
        }
    }
  return TRUE;
}

gboolean
linli_demo_write_grids (Demo       *d,
                        JsonObject *root,
                        GError    **error)
{
  JsonArray *grids = linli_demo_req_array (d, root, "grids");

  for (guint i = 0; i < linli_demo_length (grids); i++)
    {
      g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
      g_autofree char *boundary = NULL;
      JsonObject *o = linli_demo_object_at (d, grids, i, "grids");
      JsonNode *geometry = linli_demo_member (o, "boundary");
      const char *code = linli_demo_req_str (d, o, "code");
      Staff *staff = g_hash_table_lookup (d->staff, code);

      if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
        linli_demo_damaged (d, "boundary");
      else
        boundary = json_to_string (geometry, FALSE);

      linli_record_set_text (grid, "code", code);
      linli_record_set_text (grid, "name", linli_demo_req_str (d, o, "name"));
      linli_record_set_enum (grid, "kind", linli_demo_enum_value (d, LINLI_TYPE_GRID_KIND, linli_demo_req_str (d, o, "kind")));
      linli_record_set_text (grid, "color", linli_demo_opt_str (d, o, "color"));
      linli_record_set_text (grid, "boundary", boundary);
      linli_record_set_int (grid, "households", linli_demo_opt_int (d, o, "households", 0));
      linli_record_set_int (grid, "population", linli_demo_opt_int (d, o, "population", 0));
      linli_record_set_text (grid, "notes", linli_demo_opt_str (d, o, "notes"));
      if (staff != NULL)
        linli_record_set_refs (grid, "workers", (const gint64 *) (gpointer) staff->all->data, staff->all->len);
      if (!linli_demo_insert (d, grid, error))
        return FALSE;

      linli_demo_insert_id (d->grids, code, linli_record_get_id (grid));
      if (staff != NULL && staff->grid_workers->len > 0)
        g_hash_table_insert (d->grid_workers, GSIZE_TO_POINTER ((gsize) linli_record_get_id (grid)),
                             staff->grid_workers);
    }
  return TRUE;
}

gboolean
linli_demo_write_buildings (Demo       *d,
                            JsonObject *root,
                            GError    **error)
{
  JsonArray *buildings = linli_demo_req_array (d, root, "buildings");

  for (guint i = 0; i < linli_demo_length (buildings); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_BUILDING);
      JsonObject *o = linli_demo_object_at (d, buildings, i, "buildings");
      Building *building = g_new0 (Building, 1);

      building->name = linli_demo_req_str (d, o, "name");
      building->grid_id = linli_demo_lookup_id (d, d->grids, linli_demo_req_str (d, o, "grid"));
      building->lat = linli_demo_req_double (d, o, "lat");
      building->lon = linli_demo_req_double (d, o, "lon");
      building->units = MAX (linli_demo_opt_int (d, o, "units", 1), 1);
      building->floors = MAX (linli_demo_opt_int (d, o, "floors", 1), 1);
      g_hash_table_insert (d->buildings, (gpointer) building->name, building);
      g_ptr_array_add (d->building_list, building);

      linli_record_set_text (record, "name", building->name);
      linli_record_set_int (record, "grid_id", building->grid_id);
      linli_record_set_double (record, "lat", building->lat);
      linli_record_set_double (record, "lon", building->lon);
      linli_record_set_int (record, "units", building->units);
      linli_record_set_int (record, "floors", building->floors);
      linli_record_set_int (record, "households", linli_demo_opt_int (d, o, "households", 0));
      linli_record_set_text (record, "notes", linli_demo_opt_str (d, o, "notes"));
      if (!linli_demo_insert (d, record, error))
        return FALSE;
      building->id = linli_record_get_id (record);
    }
  return TRUE;
}

void
linli_demo_read_places (Demo       *d,
                        JsonObject *root)
{
  JsonArray *places = linli_demo_opt_array (d, root, "places");

  for (guint i = 0; i < linli_demo_length (places); i++)
    {
      JsonObject *o = linli_demo_object_at (d, places, i, "places");
      Place *place = g_new0 (Place, 1);

      place->grid_id = linli_demo_lookup_id (d, d->grids, linli_demo_req_str (d, o, "grid"));
      place->lat = linli_demo_req_double (d, o, "lat");
      place->lon = linli_demo_req_double (d, o, "lon");
      g_hash_table_insert (d->places, (gpointer) linli_demo_req_str (d, o, "name"), place);
    }
}

const Building *
linli_demo_find_building (Demo       *d,
                          const char *name)
{
  const Building *building = g_hash_table_lookup (d->buildings, name);

  if (building == NULL)
    linli_demo_unknown (d, name);
  return building;
}

gboolean
linli_demo_write_resident (Demo       *d,
                           JsonObject *o,
                           gint64     *id,
                           GError    **error)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autofree char *address = NULL;
  const char *building = linli_demo_opt_str (d, o, "building");

  if (building != NULL)
    address = g_strdup_printf ("%s%" G_GINT64_FORMAT "单元%s", building,
                               linli_demo_opt_int (d, o, "unit", 1), linli_demo_req_str (d, o, "room"));
  else
    address = g_strdup (linli_demo_opt_str (d, o, "address"));

  linli_record_set_text (record, "name", linli_demo_req_str (d, o, "name"));
  linli_record_set_text (record, "phone", linli_demo_opt_str (d, o, "phone"));
  linli_record_set_text (record, "address", address);
  if (!linli_demo_insert (d, record, error))
    return FALSE;
  *id = linli_record_get_id (record);
  return TRUE;
}

gboolean
linli_demo_write_residents (Demo       *d,
                            JsonObject *root,
                            GError    **error)
{
  JsonArray *residents = linli_demo_req_array (d, root, "residents");

  for (guint i = 0; i < linli_demo_length (residents); i++)
    {
      JsonObject *o = linli_demo_object_at (d, residents, i, "residents");
      Resident *resident = g_new0 (Resident, 1);

      g_ptr_array_add (d->residents, resident);
      resident->building = linli_demo_find_building (d, linli_demo_req_str (d, o, "building"));
      resident->unit = linli_demo_opt_int (d, o, "unit", 1);
      resident->room = linli_demo_req_str (d, o, "room");
      if (resident->building == NULL)
        linli_demo_damaged (d, "building");
      if (!linli_demo_write_resident (d, o, &resident->id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
linli_demo_write_organisations (Demo       *d,
                                JsonObject *root,
                                GError    **error)
{
  JsonArray *organisations = linli_demo_req_array (d, root, "organisations");

  for (guint i = 0; i < linli_demo_length (organisations); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_ORGANISATION);
      JsonObject *o = linli_demo_object_at (d, organisations, i, "organisations");
      const char *name = linli_demo_req_str (d, o, "name");

      linli_record_set_text (record, "name", name);
      if (linli_demo_opt_str (d, o, "kind") != NULL)
        linli_record_set_enum (record, "kind", linli_demo_enum_value (d, LINLI_TYPE_ORGANISATION_KIND,
                                                                      linli_demo_opt_str (d, o, "kind")));
      linli_record_set_text (record, "contact", linli_demo_opt_str (d, o, "contact"));
      linli_record_set_text (record, "phone", linli_demo_opt_str (d, o, "phone"));
      linli_record_set_text (record, "notes", linli_demo_opt_str (d, o, "notes"));
      if (!linli_demo_insert (d, record, error))
        return FALSE;
      linli_demo_insert_id (d->organisations, name, linli_record_get_id (record));
    }
  return TRUE;
}

gboolean
linli_demo_write_volunteers (Demo       *d,
                             JsonObject *root,
                             GError    **error)
{
  JsonArray *volunteers = linli_demo_req_array (d, root, "volunteers");

  for (guint i = 0; i < linli_demo_length (volunteers); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_VOLUNTEER);
      JsonObject *o = linli_demo_object_at (d, volunteers, i, "volunteers");
      gint64 id;

      linli_record_set_text (record, "name", linli_demo_req_str (d, o, "name"));
      linli_record_set_text (record, "phone", linli_demo_opt_str (d, o, "phone"));
      linli_record_set_text (record, "skills", linli_demo_opt_str (d, o, "skills"));
      linli_record_set_text (record, "number", linli_demo_opt_str (d, o, "number"));
      linli_record_set_text (record, "notes", linli_demo_opt_str (d, o, "notes"));
      if (!linli_demo_insert (d, record, error))
        return FALSE;
      id = linli_record_get_id (record);
      g_array_append_val (d->volunteers, id);
    }
  return TRUE;
}
