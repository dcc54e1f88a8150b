/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "linli-demo.h"

/* The demo community: the fixed facts (grids, buildings, people, partner
 * units, the article's own cases, activities and outreach events, and the
 * templates of everyday cases) come from a JSON resource; the everyday cases
 * are generated from a fixed seed, so one @today always gives the same demo. */

#define DEMO_RESOURCE RESOURCE_BASE "/demo/dongfang-yuyuan.json"

#define N_GENERATED_CASES  200
#define CASE_SEED          20260303
#define ACTIVITY_SEED      20260305
#define WINDOW_DAYS        360   /* generated cases fall within this many days before today */
#define OFFICE_OPENS       (8 * 60 + 30)
#define OFFICE_CLOSES      (17 * 60 + 30)

typedef struct
{
  gint64      id;
  gint64      grid_id;
  const char *name;
  double      lat, lon;
  gint64      units, floors;
} Building;

typedef struct
{
  gint64      grid_id;
  double      lat, lon;
} Place;

typedef struct
{
  gint64          id;
  const Building *building;
  gint64          unit;
  const char     *room;
} Resident;

/* Who works in a grid. */
typedef struct
{
  GArray *all;           /* worker ids */
  GArray *grid_workers;  /* the ids of those who are grid workers */
} Staff;

typedef enum {
  STEP_STATUS,
  STEP_EVENT,
} StepKind;

typedef struct
{
  GDateTime            *at;
  StepKind              kind;
  LinliCaseStatus       status;
  LinliCaseEventKind    event_kind;
  char                 *text;          /* event text, resolution or revisit notes */
  LinliResolutionLevel  level;
  LinliSatisfaction     satisfaction;
  gint64                worker_id;     /* who wrote an event; 0: the case's worker */
} Step;

typedef enum {
  PLAN_NORMAL,
  PLAN_STALLED,
  PLAN_SUSPENDED,
  PLAN_VOID,
  PLAN_DUPLICATE,
  PLAN_OPEN,
} PlanKind;

typedef struct
{
  GDateTime    *reported_at;
  GDateTime    *due_at;
  char         *title;
  char         *description;
  char         *category;
  char         *subcategory;
  char         *source;
  char         *address;
  char         *responsible_unit;
  gint64        reporter_id;
  gint64        building_id;
  gint64        grid_id;
  gint64        worker_id;
  double        lat, lon;
  LinliUrgency  urgency;
  PlanKind      kind;
  int           duplicate_of;  /* index of the plan this one repeats, or -1 */
  GArray       *steps;         /* Step, in order of time */
  guint         index;         /* in the order planned */
  gint64        case_id;       /* once written */
  char         *number;
} CasePlan;

typedef struct
{
  LinliStore *store;
  GTimeZone  *tz;
  GDateTime  *today;
  GDate       today_date;
  GDateTime  *clock;
  GError     *error;           /* the first thing found wrong with the data */

  GHashTable *grids;           /* code → grid id */
  GHashTable *staff;           /* grid code → Staff, from the workers */
  GHashTable *grid_workers;    /* grid id → GArray of its grid workers' ids */
  GHashTable *workers;         /* name → worker id */
  GHashTable *buildings;       /* name → Building */
  GPtrArray  *building_list;
  GHashTable *places;          /* name → Place */
  GPtrArray  *residents;       /* Resident */
  GHashTable *organisations;   /* name → id */
  GArray     *volunteers;      /* ids */
  JsonObject *texts;           /* case_texts */
} Demo;

/* ------------------------------------------------------------------------ */
/* Reading the data. A missing or malformed member records an error and gives
 * back an empty value, so one check after each section is enough. */

static void
damaged (Demo       *d,
         const char *what)
{
  if (d->error == NULL)
    g_set_error (&d->error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                 _("The demo community data is damaged: “%s” is missing or invalid."), what);
}

static void
unknown (Demo       *d,
         const char *name)
{
  if (d->error == NULL)
    g_set_error (&d->error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                 _("The demo community data is damaged: nothing is called “%s”."), name);
}

static JsonNode *
member (JsonObject *o,
        const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static const char *
opt_str (Demo       *d,
         JsonObject *o,
         const char *name)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      damaged (d, name);
      return NULL;
    }
  return json_node_get_string (node);
}

static const char *
req_str (Demo       *d,
         JsonObject *o,
         const char *name)
{
  const char *value = opt_str (d, o, name);

  if (value == NULL || *value == '\0')
    {
      damaged (d, name);
      return "";
    }
  return value;
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static double
opt_double (Demo       *d,
            JsonObject *o,
            const char *name,
            double      fallback)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return fallback;
  if (!is_number (node))
    {
      damaged (d, name);
      return fallback;
    }
  return json_node_get_double (node);
}

static double
req_double (Demo       *d,
            JsonObject *o,
            const char *name)
{
  if (member (o, name) == NULL)
    damaged (d, name);
  return opt_double (d, o, name, 0);
}

static gint64
opt_int (Demo       *d,
         JsonObject *o,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      damaged (d, name);
      return fallback;
    }
  return json_node_get_int (node);
}

static JsonArray *
opt_array (Demo       *d,
           JsonObject *o,
           const char *name)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      damaged (d, name);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonArray *
req_array (Demo       *d,
           JsonObject *o,
           const char *name)
{
  JsonArray *array = opt_array (d, o, name);

  if (array == NULL || json_array_get_length (array) == 0)
    damaged (d, name);
  return array;
}

static JsonObject *
opt_object (Demo       *d,
            JsonObject *o,
            const char *name)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      damaged (d, name);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonObject *
req_object (Demo       *d,
            JsonObject *o,
            const char *name)
{
  JsonObject *object = opt_object (d, o, name);

  if (object == NULL)
    damaged (d, name);
  return object;
}

static guint
length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
object_at (Demo       *d,
           JsonArray  *array,
           guint       i,
           const char *what)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      damaged (d, what);
      return NULL;
    }
  return json_node_get_object (node);
}

static const char *
string_at (Demo       *d,
           JsonArray  *array,
           guint       i,
           const char *what)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      damaged (d, what);
      return "";
    }
  return json_node_get_string (node);
}

/* A list of strings as a NULL-terminated vector that borrows the strings. */
static const char **
string_list (Demo       *d,
             JsonObject *o,
             const char *name)
{
  JsonArray *array = opt_array (d, o, name);
  const char **strv = g_new0 (const char *, length (array) + 1);

  for (guint i = 0; i < length (array); i++)
    strv[i] = string_at (d, array, i, name);
  return strv;
}

static int
enum_value (Demo       *d,
            GType       type,
            const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    {
      unknown (d, nick);
      return klass->values[0].value;
    }
  return value->value;
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_assert (v != NULL);
  /* The nicks are static strings of the registered type. */
  return v->value_nick;
}

static gint64
lookup_id (Demo       *d,
           GHashTable *table,
           const char *name)
{
  gpointer id;

  if (!g_hash_table_lookup_extended (table, name, NULL, &id))
    {
      unknown (d, name);
      return 0;
    }
  return GPOINTER_TO_SIZE (id);
}

static void
insert_id (GHashTable *table,
           const char *name,
           gint64      id)
{
  g_hash_table_insert (table, (gpointer) name, GSIZE_TO_POINTER ((gsize) id));
}

/* ------------------------------------------------------------------------ */
/* Dates. Everything happens in Asia/Shanghai. */

static GTimeZone *
demo_time_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return tz != NULL ? tz : g_time_zone_new_offset (8 * 3600);
}

/* @date plus @days at @minutes after midnight. */
static GDateTime *
date_at (Demo        *d,
         const GDate *date,
         int          days,
         int          minutes)
{
  GDate day = *date;

  if (days > 0)
    g_date_add_days (&day, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&day, (guint) -days);
  return g_date_time_new (d->tz, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                          minutes / 60, minutes % 60, 0);
}

static int
parse_hhmm (Demo       *d,
            const char *text)
{
  guint h, m;

  if (sscanf (text, "%u:%u", &h, &m) != 2 || h > 23 || m > 59)
    {
      damaged (d, "time");
      return 9 * 60;
    }
  return (int) (h * 60 + m);
}

static GDateTime *
date_at_hhmm (Demo        *d,
              const GDate *date,
              int          days,
              const char  *hhmm)
{
  return date_at (d, date, days, parse_hhmm (d, hhmm));
}

static void
date_of (GDateTime *dt,
         GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
}

/* The day an anchored record starts on. {"days_ago": n} and {"days_ahead": n}
 * count from today; {"month": m, "day": n} is the latest such date whose
 * @span_days of follow-up still end before today, or, when that would leave
 * the twelve months, the latest day that fits. */
static void
anchor_date (Demo       *d,
             JsonObject *anchor,
             int         span_days,
             GDate      *out)
{
  GDate latest = d->today_date;

  *out = d->today_date;
  if (anchor == NULL)
    return;

  if (member (anchor, "days_ago") != NULL)
    {
      g_date_subtract_days (out, (guint) CLAMP (opt_int (d, anchor, "days_ago", 1), 0, 3650));
      return;
    }
  if (member (anchor, "days_ahead") != NULL)
    {
      g_date_add_days (out, (guint) CLAMP (opt_int (d, anchor, "days_ahead", 1), 0, 3650));
      return;
    }

  {
    gint64 month = opt_int (d, anchor, "month", 0);
    gint64 day = opt_int (d, anchor, "day", 0);
    GDateYear year;

    /* A day that every year has: not the 29th of February. */
    if (month < 1 || month > 12 || day < 1 || day > 31 ||
        !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2001))
      {
        damaged (d, "anchor");
        return;
      }
    g_date_subtract_days (&latest, (guint) span_days + 1);
    year = g_date_get_year (&latest);
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, year);
    if (g_date_compare (out, &latest) > 0)
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, year - 1);
    if (g_date_days_between (out, &d->today_date) > WINDOW_DAYS)
      *out = latest;
  }
}

/* Moves a time out of the night into office hours: before opening to the
 * opening, after closing to the next morning. Takes @t. */
static GDateTime *
office_hours (Demo      *d,
              GDateTime *t)
{
  int minutes = g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);
  GDate date;
  GDateTime *moved;

  if (minutes >= OFFICE_OPENS && minutes <= OFFICE_CLOSES)
    return t;
  date_of (t, &date);
  if (minutes < OFFICE_OPENS)
    moved = date_at (d, &date, 0, OFFICE_OPENS + minutes % 30);
  else
    moved = date_at (d, &date, 1, OFFICE_OPENS + (minutes - OFFICE_CLOSES) % 60);
  g_date_time_unref (t);
  return moved;
}

static GDateTime *
later (Demo      *d,
       GDateTime *t,
       GRand     *rand,
       int        min_minutes,
       int        max_minutes)
{
  return office_hours (d, g_date_time_add_minutes (t, g_rand_int_range (rand, min_minutes, max_minutes + 1)));
}

static GDateTime *
demo_clock (gpointer user_data)
{
  Demo *d = user_data;

  return g_date_time_ref (d->clock);
}

static void
set_clock (Demo      *d,
           GDateTime *at)
{
  g_date_time_ref (at);
  g_clear_pointer (&d->clock, g_date_time_unref);
  d->clock = at;
}

/* ------------------------------------------------------------------------ */
/* The fixed facts. */

static gboolean
insert (Demo        *d,
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

static gboolean
write_community (Demo       *d,
                 JsonObject *root,
                 GError    **error)
{
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(GDateTime) created = g_date_time_add_months (d->today, -12);
  JsonObject *o = req_object (d, root, "community");

  linli_record_set_text (community, "name", req_str (d, o, "name"));
  linli_record_set_text (community, "subdistrict", opt_str (d, o, "subdistrict"));
  linli_record_set_text (community, "city", opt_str (d, o, "city"));
  linli_record_set_double (community, "center_lat", req_double (d, o, "center_lat"));
  linli_record_set_double (community, "center_lon", req_double (d, o, "center_lon"));
  linli_record_set_double (community, "zoom", opt_double (d, o, "zoom", 16));
  linli_record_set_text (community, "secretary", opt_str (d, o, "secretary"));
  linli_record_set_bool (community, "is_demo", TRUE);
  linli_record_set_datetime (community, "created_at", created);
  return insert (d, community, error);
}


static void
staff_free (gpointer data)
{
  Staff *staff = data;

  g_array_unref (staff->all);
  g_array_unref (staff->grid_workers);
  g_free (staff);
}

static gboolean
write_workers (Demo       *d,
               JsonObject *root,
               GError    **error)
{
  JsonArray *workers = req_array (d, root, "workers");

  for (guint i = 0; i < length (workers); i++)
    {
      g_autoptr(LinliRecord) worker = linli_record_new (LINLI_TYPE_WORKER);
      JsonObject *o = object_at (d, workers, i, "workers");
      JsonArray *grids = opt_array (d, o, "grids");
      const char *name = req_str (d, o, "name");
      int role = enum_value (d, LINLI_TYPE_WORKER_ROLE, req_str (d, o, "role"));
      gint64 id;

      linli_record_set_text (worker, "name", name);
      linli_record_set_enum (worker, "role", role);
      linli_record_set_text (worker, "phone", opt_str (d, o, "phone"));
      linli_record_set_text (worker, "notes", opt_str (d, o, "notes"));
      if (!insert (d, worker, error))
        return FALSE;
      id = linli_record_get_id (worker);
      insert_id (d->workers, name, id);

      for (guint j = 0; j < length (grids); j++)
        {
          const char *code = string_at (d, grids, j, "grids");
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

static gboolean
write_grids (Demo       *d,
             JsonObject *root,
             GError    **error)
{
  JsonArray *grids = req_array (d, root, "grids");

  for (guint i = 0; i < length (grids); i++)
    {
      g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
      g_autofree char *boundary = NULL;
      JsonObject *o = object_at (d, grids, i, "grids");
      JsonNode *geometry = member (o, "boundary");
      const char *code = req_str (d, o, "code");
      Staff *staff = g_hash_table_lookup (d->staff, code);

      if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
        damaged (d, "boundary");
      else
        boundary = json_to_string (geometry, FALSE);

      linli_record_set_text (grid, "code", code);
      linli_record_set_text (grid, "name", req_str (d, o, "name"));
      linli_record_set_enum (grid, "kind", enum_value (d, LINLI_TYPE_GRID_KIND, req_str (d, o, "kind")));
      linli_record_set_text (grid, "color", opt_str (d, o, "color"));
      linli_record_set_text (grid, "boundary", boundary);
      linli_record_set_int (grid, "households", opt_int (d, o, "households", 0));
      linli_record_set_int (grid, "population", opt_int (d, o, "population", 0));
      linli_record_set_text (grid, "notes", opt_str (d, o, "notes"));
      if (staff != NULL)
        linli_record_set_refs (grid, "workers", (const gint64 *) (gpointer) staff->all->data, staff->all->len);
      if (!insert (d, grid, error))
        return FALSE;

      insert_id (d->grids, code, linli_record_get_id (grid));
      if (staff != NULL && staff->grid_workers->len > 0)
        g_hash_table_insert (d->grid_workers, GSIZE_TO_POINTER ((gsize) linli_record_get_id (grid)),
                             staff->grid_workers);
    }
  return TRUE;
}

static gboolean
write_buildings (Demo       *d,
                 JsonObject *root,
                 GError    **error)
{
  JsonArray *buildings = req_array (d, root, "buildings");

  for (guint i = 0; i < length (buildings); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_BUILDING);
      JsonObject *o = object_at (d, buildings, i, "buildings");
      Building *building = g_new0 (Building, 1);

      building->name = req_str (d, o, "name");
      building->grid_id = lookup_id (d, d->grids, req_str (d, o, "grid"));
      building->lat = req_double (d, o, "lat");
      building->lon = req_double (d, o, "lon");
      building->units = MAX (opt_int (d, o, "units", 1), 1);
      building->floors = MAX (opt_int (d, o, "floors", 1), 1);
      g_hash_table_insert (d->buildings, (gpointer) building->name, building);
      g_ptr_array_add (d->building_list, building);

      linli_record_set_text (record, "name", building->name);
      linli_record_set_int (record, "grid_id", building->grid_id);
      linli_record_set_double (record, "lat", building->lat);
      linli_record_set_double (record, "lon", building->lon);
      linli_record_set_int (record, "units", building->units);
      linli_record_set_int (record, "floors", building->floors);
      linli_record_set_int (record, "households", opt_int (d, o, "households", 0));
      linli_record_set_text (record, "notes", opt_str (d, o, "notes"));
      if (!insert (d, record, error))
        return FALSE;
      building->id = linli_record_get_id (record);
    }
  return TRUE;
}

static void
read_places (Demo       *d,
             JsonObject *root)
{
  JsonArray *places = opt_array (d, root, "places");

  for (guint i = 0; i < length (places); i++)
    {
      JsonObject *o = object_at (d, places, i, "places");
      Place *place = g_new0 (Place, 1);

      place->grid_id = lookup_id (d, d->grids, req_str (d, o, "grid"));
      place->lat = req_double (d, o, "lat");
      place->lon = req_double (d, o, "lon");
      g_hash_table_insert (d->places, (gpointer) req_str (d, o, "name"), place);
    }
}

static const Building *
find_building (Demo       *d,
               const char *name)
{
  const Building *building = g_hash_table_lookup (d->buildings, name);

  if (building == NULL)
    unknown (d, name);
  return building;
}

static gboolean
write_resident (Demo       *d,
                JsonObject *o,
                gint64     *id,
                GError    **error)
{
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autofree char *address = NULL;
  const char *building = opt_str (d, o, "building");

  if (building != NULL)
    address = g_strdup_printf ("%s%" G_GINT64_FORMAT "单元%s", building,
                               opt_int (d, o, "unit", 1), req_str (d, o, "room"));
  else
    address = g_strdup (opt_str (d, o, "address"));

  linli_record_set_text (record, "name", req_str (d, o, "name"));
  linli_record_set_text (record, "phone", opt_str (d, o, "phone"));
  linli_record_set_text (record, "address", address);
  if (!insert (d, record, error))
    return FALSE;
  *id = linli_record_get_id (record);
  return TRUE;
}

static gboolean
write_residents (Demo       *d,
                 JsonObject *root,
                 GError    **error)
{
  JsonArray *residents = req_array (d, root, "residents");

  for (guint i = 0; i < length (residents); i++)
    {
      JsonObject *o = object_at (d, residents, i, "residents");
      Resident *resident = g_new0 (Resident, 1);

      g_ptr_array_add (d->residents, resident);
      resident->building = find_building (d, req_str (d, o, "building"));
      resident->unit = opt_int (d, o, "unit", 1);
      resident->room = req_str (d, o, "room");
      if (resident->building == NULL)
        damaged (d, "building");
      if (!write_resident (d, o, &resident->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_organisations (Demo       *d,
                     JsonObject *root,
                     GError    **error)
{
  JsonArray *organisations = req_array (d, root, "organisations");

  for (guint i = 0; i < length (organisations); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_ORGANISATION);
      JsonObject *o = object_at (d, organisations, i, "organisations");
      const char *name = req_str (d, o, "name");

      linli_record_set_text (record, "name", name);
      linli_record_set_text (record, "contact", opt_str (d, o, "contact"));
      linli_record_set_text (record, "phone", opt_str (d, o, "phone"));
      linli_record_set_text (record, "notes", opt_str (d, o, "notes"));
      if (!insert (d, record, error))
        return FALSE;
      insert_id (d->organisations, name, linli_record_get_id (record));
    }
  return TRUE;
}

static gboolean
write_volunteers (Demo       *d,
                  JsonObject *root,
                  GError    **error)
{
  JsonArray *volunteers = req_array (d, root, "volunteers");

  for (guint i = 0; i < length (volunteers); i++)
    {
      g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_VOLUNTEER);
      JsonObject *o = object_at (d, volunteers, i, "volunteers");
      gint64 id;

      linli_record_set_text (record, "name", req_str (d, o, "name"));
      linli_record_set_text (record, "phone", opt_str (d, o, "phone"));
      linli_record_set_text (record, "skills", opt_str (d, o, "skills"));
      linli_record_set_text (record, "number", opt_str (d, o, "number"));
      linli_record_set_text (record, "notes", opt_str (d, o, "notes"));
      if (!insert (d, record, error))
        return FALSE;
      id = linli_record_get_id (record);
      g_array_append_val (d->volunteers, id);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Cases. Each is planned first — its fields and the steps of its timeline —
 * and then written through the store as an office would have: inserted when
 * reported, updated at each step with the store's clock at that step. */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->at, g_date_time_unref);
  g_clear_pointer (&step->text, g_free);
}

static void
plan_free (gpointer data)
{
  CasePlan *plan = data;

  g_clear_pointer (&plan->reported_at, g_date_time_unref);
  g_clear_pointer (&plan->due_at, g_date_time_unref);
  g_free (plan->title);
  g_free (plan->description);
  g_free (plan->category);
  g_free (plan->subcategory);
  g_free (plan->source);
  g_free (plan->address);
  g_free (plan->responsible_unit);
  g_free (plan->number);
  g_clear_pointer (&plan->steps, g_array_unref);
  g_free (plan);
}

static CasePlan *
plan_new (void)
{
  CasePlan *plan = g_new0 (CasePlan, 1);

  plan->lat = NAN;
  plan->lon = NAN;
  plan->duplicate_of = -1;
  plan->urgency = LINLI_URGENCY_NORMAL;
  plan->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (plan->steps, step_clear);
  return plan;
}

/* Adds a step at @at (taking it); returns it to fill in. */
static Step *
add_step (CasePlan  *plan,
          GDateTime *at,
          StepKind   kind)
{
  Step step = { 0 };

  step.at = at;
  step.kind = kind;
  g_array_append_val (plan->steps, step);
  return &g_array_index (plan->steps, Step, plan->steps->len - 1);
}

static void
add_status (CasePlan        *plan,
            GDateTime       *at,
            LinliCaseStatus  status)
{
  add_step (plan, at, STEP_STATUS)->status = status;
}

static void
add_event (CasePlan           *plan,
           GDateTime          *at,
           LinliCaseEventKind  kind,
           const char         *text)
{
  Step *step = add_step (plan, at, STEP_EVENT);

  step->event_kind = kind;
  step->text = g_strdup (text);
}

/* Events sort in among the status changes by their time; a stable sort, so
 * a note written just before a change at the same minute stays before it. */
static void
sort_steps (CasePlan *plan)
{
  Step *steps = (Step *) (gpointer) plan->steps->data;

  for (guint i = 1; i < plan->steps->len; i++)
    {
      Step step = steps[i];
      guint j = i;

      for (; j > 0 && g_date_time_compare (steps[j - 1].at, step.at) > 0; j--)
        steps[j] = steps[j - 1];
      steps[j] = step;
    }
}

static gboolean
write_event (Demo       *d,
             CasePlan   *plan,
             const Step *step,
             const char *original_number,
             GError    **error)
{
  g_autoptr(LinliRecord) event = linli_record_new (LINLI_TYPE_CASE_EVENT);
  g_autofree char *text = NULL;

  /* A duplicate's note names the case it repeats. */
  if (original_number != NULL && strstr (step->text, "{number}") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (step->text, "{number}", -1);
      text = g_strjoinv (original_number, parts);
    }
  linli_record_set_int (event, "case_id", plan->case_id);
  linli_record_set_datetime (event, "at", step->at);
  linli_record_set_int (event, "worker_id", step->worker_id != 0 ? step->worker_id : plan->worker_id);
  linli_record_set_enum (event, "kind", step->event_kind);
  linli_record_set_text (event, "text", text != NULL ? text : step->text);
  return linli_store_insert (d->store, event, error);
}

static gboolean
write_case (Demo      *d,
            GPtrArray *plans,
            guint      index,
            GError   **error)
{
  CasePlan *plan = g_ptr_array_index (plans, index);
  g_autoptr(LinliRecord) record = linli_record_new (LINLI_TYPE_CASE);

  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }

  plan->number = linli_store_next_case_number (d->store, g_date_time_get_year (plan->reported_at));
  linli_record_set_text (record, "number", plan->number);
  linli_record_set_text (record, "title", plan->title);
  linli_record_set_text (record, "description", plan->description);
  linli_record_set_text (record, "category", plan->category);
  linli_record_set_text (record, "subcategory", plan->subcategory);
  linli_record_set_text (record, "source", plan->source);
  linli_record_set_int (record, "reporter_id", plan->reporter_id);
  linli_record_set_int (record, "building_id", plan->building_id);
  linli_record_set_text (record, "address", plan->address);
  linli_record_set_double (record, "lat", plan->lat);
  linli_record_set_double (record, "lon", plan->lon);
  linli_record_set_int (record, "grid_id", plan->grid_id);
  linli_record_set_enum (record, "urgency", plan->urgency);
  linli_record_set_text (record, "responsible_unit", plan->responsible_unit);
  linli_record_set_datetime (record, "reported_at", plan->reported_at);
  linli_record_set_datetime (record, "due_at", plan->due_at);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_REGISTERED);

  set_clock (d, plan->reported_at);
  if (!linli_store_insert (d->store, record, error))
    return FALSE;
  plan->case_id = linli_record_get_id (record);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const Step *step = &g_array_index (plan->steps, Step, i);

      /* What has not happened yet by today is still to come. */
      if (g_date_time_compare (step->at, d->today) > 0)
        break;

      if (step->kind == STEP_EVENT)
        {
          CasePlan *original = plan->duplicate_of >= 0 ? g_ptr_array_index (plans, plan->duplicate_of) : NULL;
          if (!write_event (d, plan, step, original != NULL ? original->number : NULL, error))
            return FALSE;
          continue;
        }

      set_clock (d, step->at);
      switch (step->status)
        {
        case LINLI_CASE_STATUS_ASSIGNED:
          linli_record_set_int (record, "worker_id", plan->worker_id);
          break;
        case LINLI_CASE_STATUS_RESOLVED:
          linli_record_set_text (record, "resolution", step->text);
          linli_record_set_enum (record, "resolution_level", step->level);
          linli_record_set_datetime (record, "resolved_at", step->at);
          break;
        case LINLI_CASE_STATUS_REVISITED:
          linli_record_set_enum (record, "satisfaction", step->satisfaction);
          linli_record_set_datetime (record, "revisited_at", step->at);
          linli_record_set_text (record, "revisit_notes", step->text);
          break;
        case LINLI_CASE_STATUS_DUPLICATE:
          {
            CasePlan *original = g_ptr_array_index (plans, plan->duplicate_of);
            linli_record_set_int (record, "duplicate_of", original->case_id);
          }
          break;
        case LINLI_CASE_STATUS_REGISTERED:
        case LINLI_CASE_STATUS_IN_PROGRESS:
        case LINLI_CASE_STATUS_ESCALATED:
        case LINLI_CASE_STATUS_SUSPENDED:
        case LINLI_CASE_STATUS_VOID:
        default:
          break;
        }
      linli_record_set_enum (record, "status", step->status);
      if (!linli_store_update (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

/* The article's own cases, with their timelines as the data tells them. */
static gboolean
plan_article_cases (Demo       *d,
                    JsonObject *root,
                    GPtrArray  *plans,
                    GError    **error)
{
  JsonArray *cases = req_array (d, root, "article_cases");

  for (guint i = 0; i < length (cases); i++)
    {
      JsonObject *o = object_at (d, cases, i, "article_cases");
      JsonArray *timeline = req_array (d, o, "timeline");
      JsonObject *reporter = opt_object (d, o, "reporter");
      const char *building_name = opt_str (d, o, "building");
      const char *place_name = opt_str (d, o, "place");
      CasePlan *plan = plan_new ();
      int span = 0;
      GDate date;

      g_ptr_array_add (plans, plan);
      for (guint j = 0; j < length (timeline); j++)
        span = MAX (span, (int) opt_int (d, object_at (d, timeline, j, "timeline"), "day", 0));
      anchor_date (d, req_object (d, o, "anchor"), span, &date);

      plan->title = g_strdup (req_str (d, o, "title"));
      plan->description = g_strdup (opt_str (d, o, "description"));
      plan->category = g_strdup (req_str (d, o, "category"));
      plan->subcategory = g_strdup (opt_str (d, o, "subcategory"));
      plan->source = g_strdup (req_str (d, o, "source"));
      plan->address = g_strdup (opt_str (d, o, "address"));
      plan->responsible_unit = g_strdup (opt_str (d, o, "responsible_unit"));
      plan->urgency = enum_value (d, LINLI_TYPE_URGENCY, req_str (d, o, "urgency"));
      plan->worker_id = lookup_id (d, d->workers, req_str (d, o, "worker"));
      if (reporter != NULL && !write_resident (d, reporter, &plan->reporter_id, error))
        return FALSE;
      if (building_name != NULL)
        {
          const Building *building = find_building (d, building_name);
          if (building != NULL)
            {
              plan->building_id = building->id;
              plan->grid_id = building->grid_id;
              plan->lat = building->lat;
              plan->lon = building->lon;
            }
        }
      else if (place_name != NULL)
        {
          const Place *place = g_hash_table_lookup (d->places, place_name);
          if (place == NULL)
            unknown (d, place_name);
          else
            {
              plan->grid_id = place->grid_id;
              plan->lat = place->lat;
              plan->lon = place->lon;
            }
        }

      for (guint j = 0; j < length (timeline); j++)
        {
          JsonObject *s = object_at (d, timeline, j, "timeline");
          GDateTime *at = date_at_hhmm (d, &date, (int) opt_int (d, s, "day", 0), req_str (d, s, "time"));
          const char *status = opt_str (d, s, "status");
          const char *worker = opt_str (d, s, "worker");
          Step *step;

          if (j == 0)
            {
              /* The first step is the report itself. */
              if (g_strcmp0 (status, "registered") != 0)
                damaged (d, "timeline");
              plan->reported_at = at;
              continue;
            }
          if (status != NULL)
            {
              step = add_step (plan, at, STEP_STATUS);
              step->status = enum_value (d, LINLI_TYPE_CASE_STATUS, status);
              if (step->status == LINLI_CASE_STATUS_RESOLVED)
                {
                  step->text = g_strdup (req_str (d, s, "resolution"));
                  step->level = enum_value (d, LINLI_TYPE_RESOLUTION_LEVEL, req_str (d, s, "level"));
                }
              else if (step->status == LINLI_CASE_STATUS_REVISITED)
                {
                  step->text = g_strdup (opt_str (d, s, "notes"));
                  step->satisfaction = enum_value (d, LINLI_TYPE_SATISFACTION, req_str (d, s, "satisfaction"));
                }
            }
          else
            {
              step = add_step (plan, at, STEP_EVENT);
              step->event_kind = enum_value (d, LINLI_TYPE_CASE_EVENT_KIND, req_str (d, s, "event"));
              step->text = g_strdup (req_str (d, s, "text"));
            }
          if (worker != NULL)
            step->worker_id = lookup_id (d, d->workers, worker);
        }

      if (plan->reported_at == NULL)
        plan->reported_at = date_at (d, &date, 0, 9 * 60);
      plan->due_at = g_date_time_add_days (plan->reported_at, (int) MAX (opt_int (d, o, "due_days", 7), 1));
    }
  return TRUE;
}

static const char *
pick_string (Demo       *d,
             GRand      *rand,
             JsonObject *o,
             const char *name)
{
  JsonArray *array = req_array (d, o, name);

  if (length (array) == 0)
    return "";
  return string_at (d, array, (guint) g_rand_int_range (rand, 0, (gint32) length (array)), name);
}

static gint64
weight_of (Demo       *d,
           JsonObject *weights,
           JsonObject *allowed,
           const char *nick)
{
  if (allowed != NULL && member (allowed, nick) == NULL)
    return 0;
  return MAX (opt_int (d, weights, nick, 0), 0);
}

/* An object of weights by nick, {"grid": 85, "community": 15}, picked from in
 * the order of the enum so that the choice does not depend on the JSON order;
 * only nicks that are also members of @allowed, when it is given. */
static int
pick_enum (Demo       *d,
           GRand      *rand,
           JsonObject *weights,
           JsonObject *allowed,
           GType       type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  gint64 total = 0, roll;

  for (guint i = 0; i < klass->n_values; i++)
    total += weight_of (d, weights, allowed, klass->values[i].value_nick);
  if (total <= 0)
    {
      damaged (d, "weights");
      return klass->values[klass->n_values - 1].value;
    }
  roll = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < klass->n_values; i++)
    {
      roll -= weight_of (d, weights, allowed, klass->values[i].value_nick);
      if (roll < 0)
        return klass->values[i].value;
    }
  g_assert_not_reached ();
}

/* An element of an array of objects, each with a "weight". */
static JsonObject *
pick_weighted (Demo      *d,
               GRand     *rand,
               JsonArray *array)
{
  gint64 total = 0, roll;

  for (guint i = 0; i < length (array); i++)
    total += MAX (opt_int (d, object_at (d, array, i, "weight"), "weight", 1), 0);
  if (total <= 0)
    return NULL;
  roll = g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < length (array); i++)
    {
      JsonObject *o = object_at (d, array, i, "weight");
      roll -= MAX (opt_int (d, o, "weight", 1), 0);
      if (roll < 0)
        return o;
    }
  return NULL;
}

/* Fills {building}, {unit}, {room} and {address} into a template text. */
static char *
expand (const char *text,
        const char *building,
        const char *unit,
        const char *room,
        const char *address)
{
  GString *out = g_string_new (text);

  g_string_replace (out, "{building}", building, 0);
  g_string_replace (out, "{unit}", unit, 0);
  g_string_replace (out, "{room}", room, 0);
  g_string_replace (out, "{address}", address, 0);
  return g_string_free (out, FALSE);
}

static char *
room_name (const Building *building,
           gint64          floor,
           int             side)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六" };

  /* Old six-storey blocks say "三楼西户"; towers have room numbers. */
  if (building->floors <= 6)
    return g_strdup_printf ("%s楼%s户", numerals[CLAMP (floor, 1, 6) - 1], side == 0 ? "东" : "西");
  return g_strdup_printf ("%" G_GINT64_FORMAT "%02d室", floor, side + 1);
}

static int
compare_datetimes (gconstpointer a,
                   gconstpointer b)
{
  return g_date_time_compare (*(GDateTime **) a, *(GDateTime **) b);
}

static int
due_days (LinliUrgency urgency)
{
  switch (urgency)
    {
    case LINLI_URGENCY_URGENT: return 1;
    case LINLI_URGENCY_HIGH:   return 3;
    case LINLI_URGENCY_LOW:    return 15;
    case LINLI_URGENCY_NORMAL:
    default:                   return 7;
    }
}

/* The steps a case goes through after it is reported: assigned, dealt with,
 * perhaps passed up, resolved at @level, revisited; or stopped short of that
 * at @stage (0 registered, 1 assigned, 2 in progress, 3 to the end) or by
 * the kind of its plan. */
static void
plan_timeline (Demo                 *d,
               GRand                *rand,
               CasePlan             *plan,
               LinliResolutionLevel  level,
               JsonObject           *resolution,
               int                   stage)
{
  GDateTime *t;

  if (stage == 0)
    return;
  t = later (d, plan->reported_at, rand, g_str_equal (plan->source, "12345转办") ? 30 : 3,
             g_str_equal (plan->source, "12345转办") ? 180 : 40);
  add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_ASSIGNED);
  if (stage == 1)
    {
      g_date_time_unref (t);
      return;
    }

  if (plan->kind == PLAN_VOID)
    {
      GDateTime *v = later (d, t, rand, 30, 240);
      add_event (plan, g_date_time_ref (v), LINLI_CASE_EVENT_KIND_NOTE, pick_string (d, rand, d->texts, "void"));
      add_status (plan, v, LINLI_CASE_STATUS_VOID);
      g_date_time_unref (t);
      return;
    }

  {
    GDateTime *p = plan->urgency == LINLI_URGENCY_URGENT ? later (d, t, rand, 5, 30) : later (d, t, rand, 10, 180);
    g_date_time_unref (t);
    t = p;
  }
  add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_IN_PROGRESS);
  if (g_rand_int_range (rand, 0, 100) < 50)
    add_event (plan, later (d, t, rand, 5, 60), LINLI_CASE_EVENT_KIND_VISIT, pick_string (d, rand, d->texts, "visit"));
  if (stage == 2)
    {
      g_date_time_unref (t);
      return;
    }

  if (plan->kind == PLAN_SUSPENDED)
    {
      GDateTime *s = later (d, t, rand, 1440, 4320);
      add_event (plan, g_date_time_ref (s), LINLI_CASE_EVENT_KIND_NOTE, pick_string (d, rand, d->texts, "suspend"));
      add_status (plan, s, LINLI_CASE_STATUS_SUSPENDED);
      g_date_time_unref (t);
      return;
    }

  if (level == LINLI_RESOLUTION_LEVEL_COMMUNITY)
    {
      GDateTime *e = later (d, t, rand, 60, 1440);
      add_event (plan, g_date_time_ref (e), LINLI_CASE_EVENT_KIND_ESCALATION,
                 pick_string (d, rand, d->texts, "escalate_community"));
      g_date_time_unref (t);
      t = e;
    }
  else if (level == LINLI_RESOLUTION_LEVEL_SUBDISTRICT)
    {
      GDateTime *e = later (d, t, rand, 120, 2880);
      add_status (plan, g_date_time_ref (e), LINLI_CASE_STATUS_ESCALATED);
      add_event (plan, g_date_time_add_minutes (e, 1), LINLI_CASE_EVENT_KIND_ESCALATION,
                 pick_string (d, rand, d->texts, "escalate_subdistrict"));
      g_date_time_unref (t);
      t = e;
      if (plan->kind != PLAN_STALLED)
        {
          t = later (d, e, rand, 1440, 7200);
          g_date_time_unref (e);
          add_status (plan, g_date_time_ref (t), LINLI_CASE_STATUS_IN_PROGRESS);
          add_event (plan, g_date_time_add_minutes (t, 2), LINLI_CASE_EVENT_KIND_NOTE,
                     pick_string (d, rand, d->texts, "subdistrict_back"));
        }
    }

  if (plan->kind == PLAN_STALLED)
    {
      /* Still waiting on someone, long past its due time. */
      add_event (plan, later (d, t, rand, 1440, 4320), LINLI_CASE_EVENT_KIND_NOTE,
                 pick_string (d, rand, d->texts, "stalled"));
      g_date_time_unref (t);
      return;
    }

  /* Resolved at its level, then revisited a few days later. */
  {
    const char *nick = enum_nick (LINLI_TYPE_RESOLUTION_LEVEL, level);
    JsonArray *texts = req_array (d, resolution, "texts");
    Step *step;
    GDateTime *r;

    if (level == LINLI_RESOLUTION_LEVEL_GRID)
      r = plan->urgency >= LINLI_URGENCY_HIGH ? later (d, t, rand, 30, 300) : later (d, t, rand, 60, 2880);
    else if (level == LINLI_RESOLUTION_LEVEL_COMMUNITY)
      r = later (d, t, rand, 1440, 8640);
    else
      r = later (d, t, rand, 4320, 28800);
    g_date_time_unref (t);

    step = add_step (plan, g_date_time_ref (r), STEP_STATUS);
    step->status = LINLI_CASE_STATUS_RESOLVED;
    step->level = level;
    step->text = g_strdup (length (texts) > 0 ? string_at (d, texts, (guint) g_rand_int_range (rand, 0, (gint32) length (texts)), nick) : "");
    if (g_rand_int_range (rand, 0, 100) < 30)
      add_event (plan, later (d, r, rand, 10, 120), LINLI_CASE_EVENT_KIND_FEEDBACK,
                 pick_string (d, rand, d->texts, "feedback"));

    if (g_rand_int_range (rand, 0, 100) < 92)
      {
        JsonObject *revisit = req_object (d, d->texts, "revisit");
        int roll2 = g_rand_int_range (rand, 0, 100);
        LinliSatisfaction satisfaction = roll2 < 85 ? LINLI_SATISFACTION_SATISFIED
                                       : roll2 < 97 ? LINLI_SATISFACTION_BASICALLY_SATISFIED
                                       : LINLI_SATISFACTION_DISSATISFIED;
        step = add_step (plan, later (d, r, rand, 1440, 5760), STEP_STATUS);
        step->status = LINLI_CASE_STATUS_REVISITED;
        step->satisfaction = satisfaction;
        step->text = g_strdup (pick_string (d, rand, revisit, enum_nick (LINLI_TYPE_SATISFACTION, satisfaction)));
      }
    g_date_time_unref (r);
  }
}

/* One everyday case from the templates, reported at @reported (taken).
 * @newest counts the cases still to come after it: the last two wait in the
 * office's tray, one just registered and one just assigned. */
static void
plan_generated_case (Demo      *d,
                     GRand     *rand,
                     JsonArray *templates,
                     JsonArray *sources,
                     GPtrArray *plans,
                     guint      first_generated,
                     int        newest,
                     GDateTime *reported)
{
  CasePlan *plan = plan_new ();
  JsonObject *tmpl = pick_weighted (d, rand, templates);
  JsonObject *source = pick_weighted (d, rand, sources);
  /* A variant is one story: its titles, descriptions and resolutions belong
   * together; what it does not say itself, its template does. */
  JsonArray *variants = req_array (d, tmpl, "variants");
  JsonObject *variant = length (variants) > 0
                        ? object_at (d, variants, (guint) g_rand_int_range (rand, 0, (gint32) length (variants)), "variants")
                        : NULL;
  JsonObject *levels = opt_object (d, variant, "levels") ?: req_object (d, tmpl, "levels");
  JsonObject *urgencies = opt_object (d, variant, "urgency") ?: req_object (d, tmpl, "urgency");
  JsonObject *resolutions = req_object (d, variant, "resolutions");
  JsonObject *resolution;
  const char *scope = opt_str (d, variant, "scope") ?: req_str (d, tmpl, "scope");
  const char *found_by = opt_str (d, variant, "source");
  JsonArray *titles = req_array (d, variant, "titles");
  JsonArray *descriptions = req_array (d, variant, "descriptions");
  guint story = (guint) g_rand_int_range (rand, 0, (gint32) MAX (length (titles), 1));
  gint64 min_floors = opt_int (d, tmpl, "min_floors", 0);
  gboolean anonymous;
  const Building *building = NULL;
  const Resident *reporter = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *room = NULL;
  g_autofree char *address = NULL;
  LinliResolutionLevel level;
  GArray *workers;
  GDate day;
  int age, roll, stage = 3;
  GDateTime *t;

  date_of (reported, &day);
  age = g_date_days_between (&day, &d->today_date);

  /* What a grid worker found on patrol came from the patrol. */
  for (guint i = 0; found_by != NULL && i < length (sources); i++)
    {
      JsonObject *o = object_at (d, sources, i, "sources");
      if (g_strcmp0 (opt_str (d, o, "name"), found_by) == 0)
        source = o;
    }
  if (found_by != NULL && g_strcmp0 (opt_str (d, source, "name"), found_by) != 0)
    unknown (d, found_by);
  /* A household's own trouble always has the household behind it. */
  anonymous = !g_str_equal (scope, "household") &&
              g_rand_int_range (rand, 0, 100) < opt_int (d, source, "anonymous", 0);

  g_ptr_array_add (plans, plan);
  plan->reported_at = reported;

  /* Who and where: a resident at home, or a place a grid worker passed by. */
  for (int tries = 0; !anonymous && reporter == NULL && tries < 20 && d->residents->len > 0; tries++)
    {
      const Resident *r = g_ptr_array_index (d->residents, g_rand_int_range (rand, 0, (gint32) d->residents->len));
      if (r->building->floors >= min_floors)
        reporter = r;
    }
  if (reporter != NULL)
    {
      building = reporter->building;
      unit = g_strdup_printf ("%" G_GINT64_FORMAT "单元", reporter->unit);
      room = g_strdup (reporter->room);
      plan->reporter_id = reporter->id;
    }
  else
    {
      for (int tries = 0; building == NULL || (building->floors < min_floors && tries < 50); tries++)
        building = g_ptr_array_index (d->building_list, g_rand_int_range (rand, 0, (gint32) d->building_list->len));
      unit = g_strdup_printf ("%d单元", g_rand_int_range (rand, 1, (gint32) building->units + 1));
      room = room_name (building, g_rand_int_range (rand, 1, (gint32) building->floors + 1), g_rand_int_range (rand, 0, 2));
    }

  if (g_str_equal (scope, "household"))
    address = g_strconcat (building->name, unit, room, NULL);
  else if (g_str_equal (scope, "unit"))
    address = g_strconcat (building->name, unit, NULL);
  else
    address = g_strdup (building->name);

  /* Titles and descriptions are told in pairs. */
  plan->title = expand (length (titles) > 0 ? string_at (d, titles, story, "titles") : "",
                        building->name, unit, room, address);
  plan->description = expand (length (descriptions) > 0
                              ? string_at (d, descriptions, story % length (descriptions), "descriptions") : "",
                              building->name, unit, room, address);
  plan->category = g_strdup (req_str (d, tmpl, "category"));
  plan->subcategory = g_strdup (opt_str (d, tmpl, "subcategory"));
  plan->source = g_strdup (req_str (d, source, "name"));
  plan->address = g_steal_pointer (&address);
  plan->building_id = building->id;
  plan->grid_id = building->grid_id;
  /* A few metres from the building's point: still inside its grid. */
  plan->lat = building->lat + g_rand_double_range (rand, -0.00003, 0.00003);
  plan->lon = building->lon + g_rand_double_range (rand, -0.00004, 0.00004);
  plan->urgency = pick_enum (d, rand, urgencies, NULL, LINLI_TYPE_URGENCY);
  plan->due_at = g_date_time_add_days (reported, due_days (plan->urgency));
  workers = g_hash_table_lookup (d->grid_workers, GSIZE_TO_POINTER ((gsize) building->grid_id));
  if (workers != NULL)
    plan->worker_id = g_array_index (workers, gint64, g_rand_int_range (rand, 0, (gint32) workers->len));
  level = pick_enum (d, rand, levels, resolutions, LINLI_TYPE_RESOLUTION_LEVEL);

  /* Most cases run their course; a few stall, wait, turn out void, or repeat
   * one reported a little earlier. */
  roll = g_rand_int_range (rand, 0, 1000);
  if (newest < 2)
    plan->kind = PLAN_OPEN;
  else if (age >= 7 && roll < 22 && plans->len - 1 > first_generated)
    plan->kind = PLAN_DUPLICATE;
  else if (age >= 3 && roll < 38)
    plan->kind = PLAN_VOID;
  else if (age >= 10 && roll < 55)
    plan->kind = PLAN_SUSPENDED;
  else if (age >= 20 && age <= 150 && roll < 110)
    plan->kind = PLAN_STALLED;
  else if (age <= 2 || (age <= 4 && roll < 500))
    plan->kind = PLAN_OPEN;
  else
    plan->kind = PLAN_NORMAL;

  /* What stalls is mostly what waits on the subdistrict. */
  if (plan->kind == PLAN_STALLED && g_rand_int_range (rand, 0, 100) < 60 &&
      member (resolutions, "subdistrict") != NULL)
    level = LINLI_RESOLUTION_LEVEL_SUBDISTRICT;
  /* Who deals with it follows from who resolves it. */
  resolution = req_object (d, resolutions, enum_nick (LINLI_TYPE_RESOLUTION_LEVEL, level));
  plan->responsible_unit = g_strdup (req_str (d, resolution, "unit"));
  /* A recent case still in hand: just registered, assigned, or being dealt with. */
  if (plan->kind == PLAN_OPEN)
    stage = newest < 2 ? newest : g_rand_int_range (rand, 0, 3);

  if (plan->kind == PLAN_DUPLICATE)
    {
      for (guint i = plans->len - 1; i-- > first_generated && plan->duplicate_of < 0;)
        {
          CasePlan *earlier = g_ptr_array_index (plans, i);
          if (earlier->kind == PLAN_NORMAL && earlier->building_id != 0)
            plan->duplicate_of = (int) i;
        }
      if (plan->duplicate_of < 0)
        plan->kind = PLAN_NORMAL;
      else
        {
          /* The commonest repeat: the same problem, passed on again by the
           * 12345 hotline after the resident called it too. */
          CasePlan *original = g_ptr_array_index (plans, plan->duplicate_of);
          g_free (plan->title);
          g_free (plan->description);
          g_free (plan->category);
          g_free (plan->subcategory);
          g_free (plan->address);
          g_free (plan->responsible_unit);
          g_free (plan->source);
          plan->title = g_strdup (original->title);
          plan->description = g_strdup (original->description);
          plan->category = g_strdup (original->category);
          plan->subcategory = g_strdup (original->subcategory);
          plan->address = g_strdup (original->address);
          plan->responsible_unit = g_strdup (original->responsible_unit);
          plan->source = g_strdup ("12345转办");
          plan->reporter_id = original->reporter_id;
          plan->building_id = original->building_id;
          plan->grid_id = original->grid_id;
          plan->lat = original->lat;
          plan->lon = original->lon;
          plan->worker_id = original->worker_id;
          t = later (d, reported, rand, 10, 90);
          add_event (plan, g_date_time_ref (t), LINLI_CASE_EVENT_KIND_NOTE,
                     req_str (d, d->texts, "duplicate"));
          add_status (plan, t, LINLI_CASE_STATUS_DUPLICATE);
          return;
        }
    }

  plan_timeline (d, rand, plan, level, resolution, stage);
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const CasePlan *pa = *(CasePlan **) a;
  const CasePlan *pb = *(CasePlan **) b;
  int order = g_date_time_compare (pa->reported_at, pb->reported_at);

  /* Planned in order of time: a repeat never comes before what it repeats. */
  if (order == 0)
    order = pa->index < pb->index ? -1 : pa->index > pb->index;
  return order;
}

static gboolean
write_cases (Demo       *d,
             JsonObject *root,
             GError    **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (plan_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (CASE_SEED);
  g_autoptr(GDateTime) latest = g_date_time_add_minutes (d->today, -20);
  JsonArray *templates = req_array (d, root, "case_templates");
  JsonArray *sources = req_array (d, root, "sources");
  GDateTime *times[N_GENERATED_CASES];
  guint first_generated;

  if (d->error != NULL || d->building_list->len == 0)
    {
      damaged (d, "buildings");
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }

  /* When the everyday cases were reported: spread over the twelve months,
   * with a few in the last fortnight so that the office has work in hand. */
  for (guint i = 0; i < N_GENERATED_CASES; i++)
    {
      int age = i < 14 ? g_rand_int_range (rand, 0, 10) : g_rand_int_range (rand, 0, WINDOW_DAYS);
      int minutes = g_rand_int_range (rand, OFFICE_OPENS, OFFICE_CLOSES);

      times[i] = date_at (d, &d->today_date, -age, minutes);
      if (g_date_time_compare (times[i], latest) > 0)
        {
          GDateTime *earlier = g_date_time_add_days (times[i], -1);
          g_date_time_unref (times[i]);
          times[i] = earlier;
        }
    }
  qsort (times, N_GENERATED_CASES, sizeof (GDateTime *), compare_datetimes);

  /* What each one was about, in the order they came in. */
  if (!plan_article_cases (d, root, plans, error))
    {
      for (guint i = 0; i < N_GENERATED_CASES; i++)
        g_date_time_unref (times[i]);
      return FALSE;
    }
  first_generated = plans->len;
  for (guint i = 0; i < N_GENERATED_CASES; i++)
    plan_generated_case (d, rand, templates, sources, plans, first_generated,
                         N_GENERATED_CASES - 1 - (int) i, times[i]);

  /* Numbers follow the order of reporting. */
  for (guint i = 0; i < plans->len; i++)
    {
      CasePlan *plan = g_ptr_array_index (plans, i);

      plan->index = i;
      sort_steps (plan);
      g_ptr_array_add (order, plan);
    }
  g_ptr_array_sort (order, compare_plans);
  for (guint i = 0; i < order->len; i++)
    {
      CasePlan *plan = g_ptr_array_index (order, i);

      if (!write_case (d, plans, plan->index, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Volunteer activities and anti-fraud outreach. */

/* Where a record happened: a named place of the community (with its point
 * and grid), or a venue outside it. */
static void
set_venue (Demo        *d,
           LinliRecord *record,
           JsonObject  *o)
{
  const char *place_name = opt_str (d, o, "place");

  if (place_name != NULL)
    {
      const Place *place = g_hash_table_lookup (d->places, place_name);

      if (place == NULL)
        {
          unknown (d, place_name);
          return;
        }
      linli_record_set_text (record, "venue", place_name);
      linli_record_set_double (record, "lat", place->lat);
      linli_record_set_double (record, "lon", place->lon);
      linli_record_set_int (record, "grid_id", place->grid_id);
    }
  else
    linli_record_set_text (record, "venue", req_str (d, o, "venue"));
}

static void
set_organisations (Demo        *d,
                   LinliRecord *record,
                   const char  *column,
                   JsonObject  *o,
                   const char  *name)
{
  JsonArray *names = opt_array (d, o, name);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < length (names); i++)
    {
      gint64 id = lookup_id (d, d->organisations, string_at (d, names, i, name));
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
  double hours = opt_double (d, o, "hours", 2);

  anchor_date (d, req_object (d, o, "anchor"), 0, &date);
  *start = date_at_hhmm (d, &date, 0, req_str (d, o, "time"));
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
  JsonArray *roles = opt_array (d, o, "roles");
  gint64 wanted = opt_int (d, o, "volunteers", 0);
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
                             i < length (roles) ? string_at (d, roles, i, "roles") : "志愿者");
      linli_record_set_double (participation, "hours", planned ? 0 : MAX (1, MIN (hours, max_hours)));
      if (!insert (d, participation, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_activities (Demo       *d,
                  JsonObject *root,
                  GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (ACTIVITY_SEED);
  JsonArray *activities = req_array (d, root, "activities");

  for (guint i = 0; i < length (activities); i++)
    {
      g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      JsonObject *o = object_at (d, activities, i, "activities");
      int status = enum_value (d, LINLI_TYPE_ACTIVITY_STATUS, req_str (d, o, "status"));

      record_times (d, o, &start, &end);
      /* Whatever lies ahead of today is still planned, and what is behind it
       * cannot be. */
      if (g_date_time_compare (end, d->today) > 0)
        status = LINLI_ACTIVITY_STATUS_PLANNED;
      else if (status == LINLI_ACTIVITY_STATUS_PLANNED)
        status = LINLI_ACTIVITY_STATUS_DONE;

      linli_record_set_text (activity, "title", req_str (d, o, "title"));
      linli_record_set_text (activity, "type", req_str (d, o, "type"));
      linli_record_set_datetime (activity, "start_at", start);
      linli_record_set_datetime (activity, "end_at", end);
      set_venue (d, activity, o);
      linli_record_set_text (activity, "organiser", opt_str (d, o, "organiser"));
      linli_record_set_int (activity, "beneficiaries",
                            status == LINLI_ACTIVITY_STATUS_DONE ? MAX (opt_int (d, o, "beneficiaries", 0), 0) : 0);
      linli_record_set_enum (activity, "status", status);
      linli_record_set_text (activity, "description", opt_str (d, o, "description"));
      set_organisations (d, activity, "partners", o, "partners");
      if (!insert (d, activity, error) ||
          !write_participations (d, rand, activity, o, opt_double (d, o, "hours", 2), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_outreach (Demo       *d,
                JsonObject *root,
                GError    **error)
{
  JsonArray *events = req_array (d, root, "outreach");

  for (guint i = 0; i < length (events); i++)
    {
      g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree const char **groups = NULL;
      g_autofree const char **topics = NULL;
      JsonObject *o = object_at (d, events, i, "outreach");

      record_times (d, o, &start, &end);
      /* Only what has happened is counted. */
      if (g_date_time_compare (end, d->today) > 0)
        continue;

      groups = string_list (d, o, "target_groups");
      topics = string_list (d, o, "topics");
      linli_record_set_text (outreach, "title", req_str (d, o, "title"));
      linli_record_set_datetime (outreach, "start_at", start);
      linli_record_set_datetime (outreach, "end_at", end);
      set_venue (d, outreach, o);
      linli_record_set_text (outreach, "speaker", opt_str (d, o, "speaker"));
      linli_record_set_enum (outreach, "format", enum_value (d, LINLI_TYPE_OUTREACH_FORMAT, req_str (d, o, "format")));
      linli_record_set_int (outreach, "attendees", MAX (opt_int (d, o, "attendees", 0), 0));
      linli_record_set_int (outreach, "leaflets", MAX (opt_int (d, o, "leaflets", 0), 0));
      linli_record_set_int (outreach, "app_installs", MAX (opt_int (d, o, "app_installs", 0), 0));
      linli_record_set_int (outreach, "consultations", MAX (opt_int (d, o, "consultations", 0), 0));
      linli_record_set_text (outreach, "notes", opt_str (d, o, "notes"));
      linli_record_set_strv (outreach, "target_groups", groups);
      linli_record_set_strv (outreach, "topics", topics);
      set_organisations (d, outreach, "organisers", o, "organisers");
      if (!insert (d, outreach, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->tz, g_time_zone_unref);
  g_clear_pointer (&d->today, g_date_time_unref);
  g_clear_pointer (&d->clock, g_date_time_unref);
  g_clear_error (&d->error);
  g_clear_pointer (&d->grids, g_hash_table_unref);
  g_clear_pointer (&d->staff, g_hash_table_unref);
  g_clear_pointer (&d->grid_workers, g_hash_table_unref);
  g_clear_pointer (&d->workers, g_hash_table_unref);
  g_clear_pointer (&d->buildings, g_hash_table_unref);
  g_clear_pointer (&d->building_list, g_ptr_array_unref);
  g_clear_pointer (&d->places, g_hash_table_unref);
  g_clear_pointer (&d->residents, g_ptr_array_unref);
  g_clear_pointer (&d->organisations, g_hash_table_unref);
  g_clear_pointer (&d->volunteers, g_array_unref);
}

static gboolean
write_all (Demo       *d,
           JsonObject *root,
           GError    **error)
{
  d->texts = req_object (d, root, "case_texts");

  if (!write_community (d, root, error) ||
      !write_workers (d, root, error) ||
      !write_grids (d, root, error) ||
      !write_buildings (d, root, error))
    return FALSE;
  read_places (d, root);
  if (!write_residents (d, root, error) ||
      !write_organisations (d, root, error) ||
      !write_volunteers (d, root, error) ||
      !write_cases (d, root, error) ||
      !write_activities (d, root, error) ||
      !write_outreach (d, root, error))
    return FALSE;

  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_demo_populate:
 * @store: a store without a community
 * @today: the end of the demo's twelve months
 *
 * Writes the demo community — 东方御园社区 of 许庄街道, 济宁 — into @store in
 * one transaction: its grids, buildings and people, the cases, activities and
 * outreach events of the newspaper article that Linli grew from, and some two
 * hundred everyday cases over the twelve months up to @today. The same @today
 * always gives the same demo.
 *
 * Returns: %TRUE on success; on failure nothing is written
 */
gboolean
linli_demo_populate (LinliStore  *store,
                     GDateTime   *today,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Demo d = { 0 };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (linli_store_count (store, LINLI_TYPE_COMMUNITY) > 0)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community can only be written into an empty database."));
      return FALSE;
    }

  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  parser = json_parser_new_immutable ();
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community data cannot be read: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community data is damaged: “%s” is missing or invalid."), "/");
      return FALSE;
    }

  d.store = store;
  d.tz = demo_time_zone ();
  d.today = g_date_time_to_timezone (today, d.tz);
  date_of (d.today, &d.today_date);
  d.grids = g_hash_table_new (g_str_hash, g_str_equal);
  d.staff = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, staff_free);
  d.grid_workers = g_hash_table_new (NULL, NULL);
  d.workers = g_hash_table_new (g_str_hash, g_str_equal);
  d.buildings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  d.building_list = g_ptr_array_new ();
  d.places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  d.residents = g_ptr_array_new_with_free_func (g_free);
  d.organisations = g_hash_table_new (g_str_hash, g_str_equal);
  d.volunteers = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!linli_store_begin (store, error))
    {
      demo_clear (&d);
      return FALSE;
    }
  /* Timeline entries the store writes itself are stamped with the time of
   * each step, not with the time the demo was made. */
  linli_store_set_clock (store, demo_clock, &d);
  ok = write_all (&d, json_node_get_object (root), error);
  linli_store_set_clock (store, NULL, NULL);

  if (ok)
    ok = linli_store_commit (store, error);
  else
    linli_store_rollback (store);

  demo_clear (&d);
  return ok;
}
