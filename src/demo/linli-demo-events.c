/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <json-glib/json-glib.h>

#include "linli-demo-private.h"

/* Writes the demo's volunteer activities, with who took part in them, and its
 * anti-fraud outreach events, each at its venue and dated from its anchor.
 * What lies ahead of today is still planned; outreach is only written once it
 * has happened. */

#define ACTIVITY_SEED      20260305

/* ------------------------------------------------------------------------ */
/* Volunteer activities and anti-fraud outreach. */

/* Where a record happened: a named place of the community (with its point
 * and grid), or a venue outside it. */
static void
set_venue (Demo        *d,
           LinliRecord *record,
           JsonObject  *o)
{
  const char *place_name = linli_demo_opt_str (d, o, "place");

  if (place_name != NULL)
    {
      const Place *place = g_hash_table_lookup (d->places, place_name);

      if (place == NULL)
        {
          linli_demo_unknown (d, place_name);
          return;
        }
      linli_record_set_text (record, "venue", place_name);
      linli_record_set_double (record, "lat", place->lat);
      linli_record_set_double (record, "lon", place->lon);
      linli_record_set_int (record, "grid_id", place->grid_id);
    }
  else
    linli_record_set_text (record, "venue", linli_demo_req_str (d, o, "venue"));
}

static void
set_organisations (Demo        *d,
                   LinliRecord *record,
                   const char  *column,
                   JsonObject  *o,
                   const char  *name)
{
  JsonArray *names = linli_demo_opt_array (d, o, name);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < linli_demo_length (names); i++)
    {
      gint64 id = linli_demo_lookup_id (d, d->organisations, linli_demo_string_at (d, names, i, name));
      g_array_append_val (ids, id);
    }
  linli_record_set_refs (record, column, (const gint64 *) (gpointer) ids->data, ids->len);
}

/* Start and end of an anchored record, in @start and @end. */
static void
record_times (Demo        *d,
              JsonObject  *o,
              GDateTime  **start,
              GDateTime  **end)
{
  GDate date;
  double hours = linli_demo_opt_double (d, o, "hours", 2);

  linli_demo_anchor_date (d, linli_demo_req_object (d, o, "anchor"), 0, &date);
  *start = linli_demo_date_at_hhmm (d, &date, 0, linli_demo_req_str (d, o, "time"));
  *end = g_date_time_add_minutes (*start, (int) CLAMP (hours * 60, 0, 24 * 60));
}

static gboolean
write_participations (Demo        *d,
                      GRand       *rand,
                      LinliRecord *activity,
                      JsonObject  *o,
                      double       max_hours,
                      GError     **error)
{
  JsonArray *roles = linli_demo_opt_array (d, o, "roles");
  gint64 wanted = linli_demo_opt_int (d, o, "volunteers", 0);
  gboolean planned = linli_record_get_enum (activity, "status") == LINLI_ACTIVITY_STATUS_PLANNED;
  g_autoptr(GArray) pool = g_array_copy (d->volunteers);
  guint n = (guint) CLAMP (wanted, 0, (gint64) pool->len);

  if (linli_record_get_enum (activity, "status") == LINLI_ACTIVITY_STATUS_CANCELLED)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) participation = linli_record_new (LINLI_TYPE_PARTICIPATION);
      /* A partial shuffle: who came is a fair draw from the volunteers. */
      guint j = (guint) g_rand_int_range (rand, (gint32) i, (gint32) pool->len);
      gint64 volunteer = g_array_index (pool, gint64, j);
      /* Service hours in half hours, 1–4, no longer than the activity. */
      double hours = g_rand_int_range (rand, 2, 9) / 2.0;

      g_array_index (pool, gint64, j) = g_array_index (pool, gint64, i);
      g_array_index (pool, gint64, i) = volunteer;

      linli_record_set_int (participation, "activity_id", linli_record_get_id (activity));
      linli_record_set_int (participation, "volunteer_id", volunteer);
      linli_record_set_text (participation, "role",
                             i < linli_demo_length (roles) ? linli_demo_string_at (d, roles, i, "roles") : "志愿者");
      linli_record_set_double (participation, "hours", planned ? 0 : MAX (1, MIN (hours, max_hours)));
      if (!linli_demo_insert (d, participation, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
linli_demo_write_activities (Demo       *d,
                             JsonObject *root,
                             GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (ACTIVITY_SEED);
  JsonArray *activities = linli_demo_req_array (d, root, "activities");

  for (guint i = 0; i < linli_demo_length (activities); i++)
    {
      g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      JsonObject *o = linli_demo_object_at (d, activities, i, "activities");
      int status = linli_demo_enum_value (d, LINLI_TYPE_ACTIVITY_STATUS, linli_demo_req_str (d, o, "status"));

      record_times (d, o, &start, &end);
      /* Whatever lies ahead of today is still planned, and what is behind it
       * cannot be. */
      if (g_date_time_compare (end, d->today) > 0)
        status = LINLI_ACTIVITY_STATUS_PLANNED;
      else if (status == LINLI_ACTIVITY_STATUS_PLANNED)
        status = LINLI_ACTIVITY_STATUS_DONE;

      linli_record_set_text (activity, "title", linli_demo_req_str (d, o, "title"));
      linli_record_set_text (activity, "type", linli_demo_req_str (d, o, "type"));
      linli_record_set_datetime (activity, "start_at", start);
      linli_record_set_datetime (activity, "end_at", end);
      set_venue (d, activity, o);
      linli_record_set_text (activity, "organiser", linli_demo_opt_str (d, o, "organiser"));
      linli_record_set_int (activity, "beneficiaries",
                            status == LINLI_ACTIVITY_STATUS_DONE ? MAX (linli_demo_opt_int (d, o, "beneficiaries", 0), 0) : 0);
      linli_record_set_enum (activity, "status", status);
      linli_record_set_text (activity, "description", linli_demo_opt_str (d, o, "description"));
      set_organisations (d, activity, "partners", o, "partners");
      if (!linli_demo_insert (d, activity, error) ||
          !write_participations (d, rand, activity, o, linli_demo_opt_double (d, o, "hours", 2), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
linli_demo_write_outreach (Demo       *d,
                           JsonObject *root,
                           GError    **error)
{
  JsonArray *events = linli_demo_req_array (d, root, "outreach");

  for (guint i = 0; i < linli_demo_length (events); i++)
    {
      g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree const char **groups = NULL;
      g_autofree const char **topics = NULL;
      JsonObject *o = linli_demo_object_at (d, events, i, "outreach");

      record_times (d, o, &start, &end);
      /* Only what has happened is counted. */
      if (g_date_time_compare (end, d->today) > 0)
        continue;

      groups = linli_demo_string_list (d, o, "target_groups");
      topics = linli_demo_string_list (d, o, "topics");
      linli_record_set_text (outreach, "title", linli_demo_req_str (d, o, "title"));
      linli_record_set_datetime (outreach, "start_at", start);
      linli_record_set_datetime (outreach, "end_at", end);
      set_venue (d, outreach, o);
      linli_record_set_text (outreach, "speaker", linli_demo_opt_str (d, o, "speaker"));
      linli_record_set_enum (outreach, "format", linli_demo_enum_value (d, LINLI_TYPE_OUTREACH_FORMAT, linli_demo_req_str (d, o, "format")));
      linli_record_set_int (outreach, "attendees", MAX (linli_demo_opt_int (d, o, "attendees", 0), 0));
      linli_record_set_int (outreach, "leaflets", MAX (linli_demo_opt_int (d, o, "leaflets", 0), 0));
      linli_record_set_int (outreach, "app_installs", MAX (linli_demo_opt_int (d, o, "app_installs", 0), 0));
      linli_record_set_int (outreach, "consultations", MAX (linli_demo_opt_int (d, o, "consultations", 0), 0));
      linli_record_set_text (outreach, "notes", linli_demo_opt_str (d, o, "notes"));
      linli_record_set_strv (outreach, "target_groups", groups);
      linli_record_set_strv (outreach, "topics", topics);
      set_organisations (d, outreach, "organisers", o, "organisers");
      if (!linli_demo_insert (d, outreach, error))
        return FALSE;
    }
  return TRUE;
}
