/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "linli-demo.h"

/* What the parts of the demo writer share: the state of one run (Demo) and
 * what it remembers of the facts written so far, the readers of the JSON
 * data, the dates, and the writers of each kind of record. Only
 * linli-demo*.c include this. */

G_BEGIN_DECLS

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

/* linli-demo-data.c: reading the data, and dates. */

void         linli_demo_damaged      (Demo        *d,
                                      const char  *what);
void         linli_demo_unknown      (Demo        *d,
                                      const char  *name);
JsonNode    *linli_demo_member       (JsonObject  *o,
                                      const char  *name);
const char  *linli_demo_opt_str      (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
const char  *linli_demo_req_str      (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
double       linli_demo_opt_double   (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name,
                                      double       fallback);
double       linli_demo_req_double   (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
gint64       linli_demo_opt_int      (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name,
                                      gint64       fallback);
JsonArray   *linli_demo_opt_array    (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
JsonArray   *linli_demo_req_array    (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
JsonObject  *linli_demo_opt_object   (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
JsonObject  *linli_demo_req_object   (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
guint        linli_demo_length       (JsonArray   *array);
JsonObject  *linli_demo_object_at    (Demo        *d,
                                      JsonArray   *array,
                                      guint        i,
                                      const char  *what);
const char  *linli_demo_string_at    (Demo        *d,
                                      JsonArray   *array,
                                      guint        i,
                                      const char  *what);
const char **linli_demo_string_list  (Demo        *d,
                                      JsonObject  *o,
                                      const char  *name);
int          linli_demo_enum_value   (Demo        *d,
                                      GType        type,
                                      const char  *nick);
const char  *linli_demo_enum_nick    (GType        type,
                                      int          value);
gint64       linli_demo_lookup_id    (Demo        *d,
                                      GHashTable  *table,
                                      const char  *name);
void         linli_demo_insert_id    (GHashTable  *table,
                                      const char  *name,
                                      gint64       id);
GTimeZone   *linli_demo_time_zone    (void);
GDateTime   *linli_demo_date_at      (Demo        *d,
                                      const GDate *date,
                                      int          days,
                                      int          minutes);
GDateTime   *linli_demo_date_at_hhmm (Demo        *d,
                                      const GDate *date,
                                      int          days,
                                      const char  *hhmm);
void         linli_demo_date_of      (GDateTime   *dt,
                                      GDate       *date);
void         linli_demo_anchor_date  (Demo        *d,
                                      JsonObject  *anchor,
                                      int          span_days,
                                      GDate       *out);
GDateTime   *linli_demo_later        (Demo        *d,
                                      GDateTime   *t,
                                      GRand       *rand,
                                      int          min_minutes,
                                      int          max_minutes);
GDateTime   *linli_demo_clock        (gpointer     user_data);
void         linli_demo_set_clock    (Demo        *d,
                                      GDateTime   *at);

/* linli-demo-facts.c: the fixed facts. */

gboolean        linli_demo_insert              (Demo         *d,
                                                LinliRecord  *record,
                                                GError      **error);
gboolean        linli_demo_write_community     (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
void            linli_demo_staff_free          (gpointer      data);
gboolean        linli_demo_write_workers       (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
gboolean        linli_demo_write_grids         (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
gboolean        linli_demo_write_buildings     (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
void            linli_demo_read_places         (Demo         *d,
                                                JsonObject   *root);
const Building *linli_demo_find_building       (Demo         *d,
                                                const char   *name);
gboolean        linli_demo_write_resident      (Demo         *d,
                                                JsonObject   *o,
                                                gint64       *id,
                                                GError      **error);
gboolean        linli_demo_write_residents     (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
gboolean        linli_demo_write_organisations (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);
gboolean        linli_demo_write_volunteers    (Demo         *d,
                                                JsonObject   *root,
                                                GError      **error);

/* linli-demo-cases.c: cases. */

gboolean linli_demo_write_cases (Demo        *d,
                                 JsonObject  *root,
                                 GError     **error);

/* linli-demo-events.c: volunteer activities and anti-fraud outreach. */

gboolean linli_demo_write_activities (Demo        *d,
                                      JsonObject  *root,
                                      GError     **error);
gboolean linli_demo_write_outreach   (Demo        *d,
                                      JsonObject  *root,
                                      GError     **error);

G_END_DECLS
