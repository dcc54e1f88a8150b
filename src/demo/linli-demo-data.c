/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "linli-demo-private.h"

/* Reading the demo community's JSON data and working out its dates. The
 * readers take a member or element of the expected type; when it is missing
 * or malformed they record the first such error in the Demo and give back an
 * empty value, so that the writers can check once after each section. The
 * dates are all in Asia/Shanghai, counted from the demo's today, kept within
 * office hours, and stamped on the store through the demo's clock. */

/* ------------------------------------------------------------------------ */
/* Reading the data. A missing or malformed member records an error and gives
 * back an empty value, so one check after each section is enough. */

void
linli_demo_damaged (Demo       *d,
                    const char *what)
{
  if (d->error == NULL)
    g_set_error (&d->error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                 _("The demo community data is damaged: “%s” is missing or invalid."), what);
}

void
linli_demo_unknown (Demo       *d,
                    const char *name)
{
  if (d->error == NULL)
    g_set_error (&d->error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                 _("The demo community data is damaged: nothing is called “%s”."), name);
}

JsonNode *
linli_demo_member (JsonObject *o,
                   const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

const char *
linli_demo_opt_str (Demo       *d,
                    JsonObject *o,
                    const char *name)
{
  JsonNode *node = linli_demo_member (o, name);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      linli_demo_damaged (d, name);
      return NULL;
    }
  return json_node_get_string (node);
}

const char *
linli_demo_req_str (Demo       *d,
                    JsonObject *o,
                    const char *name)
{
  const char *value = linli_demo_opt_str (d, o, name);

  if (value == NULL || *value == '\0')
    {
      linli_demo_damaged (d, name);
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

double
linli_demo_opt_double (Demo       *d,
                       JsonObject *o,
                       const char *name,
                       double      fallback)
{
  JsonNode *node = linli_demo_member (o, name);

  if (node == NULL)
    return fallback;
  if (!is_number (node))
    {
      linli_demo_damaged (d, name);
      return fallback;
    }
  return json_node_get_double (node);
}

double
linli_demo_req_double (Demo       *d,
                       JsonObject *o,
                       const char *name)
{
  if (linli_demo_member (o, name) == NULL)
    linli_demo_damaged (d, name);
  return linli_demo_opt_double (d, o, name, 0);
}

gint64
linli_demo_opt_int (Demo       *d,
                    JsonObject *o,
                    const char *name,
                    gint64      fallback)
{
  JsonNode *node = linli_demo_member (o, name);

  if (node == NULL)
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      linli_demo_damaged (d, name);
      return fallback;
    }
  return json_node_get_int (node);
}

JsonArray *
linli_demo_opt_array (Demo       *d,
                      JsonObject *o,
                      const char *name)
{
  JsonNode *node = linli_demo_member (o, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      linli_demo_damaged (d, name);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonArray *
linli_demo_req_array (Demo       *d,
                      JsonObject *o,
                      const char *name)
{
  JsonArray *array = linli_demo_opt_array (d, o, name);

  if (array == NULL || json_array_get_length (array) == 0)
    linli_demo_damaged (d, name);
  return array;
}

JsonObject *
linli_demo_opt_object (Demo       *d,
                       JsonObject *o,
                       const char *name)
{
  JsonNode *node = linli_demo_member (o, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      linli_demo_damaged (d, name);
      return NULL;
    }
  return json_node_get_object (node);
}

JsonObject *
linli_demo_req_object (Demo       *d,
                       JsonObject *o,
                       const char *name)
{
  JsonObject *object = linli_demo_opt_object (d, o, name);

  if (object == NULL)
    linli_demo_damaged (d, name);
  return object;
}

guint
linli_demo_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

JsonObject *
linli_demo_object_at (Demo       *d,
                      JsonArray  *array,
                      guint       i,
                      const char *what)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      linli_demo_damaged (d, what);
      return NULL;
    }
  return json_node_get_object (node);
}

const char *
linli_demo_string_at (Demo       *d,
                      JsonArray  *array,
                      guint       i,
                      const char *what)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      linli_demo_damaged (d, what);
      return "";
    }
  return json_node_get_string (node);
}

/* A list of strings as a NULL-terminated vector that borrows the strings. */
const char **
linli_demo_string_list (Demo       *d,
                        JsonObject *o,
                        const char *name)
{
  JsonArray *array = linli_demo_opt_array (d, o, name);
  const char **strv = g_new0 (const char *, linli_demo_length (array) + 1);

  for (guint i = 0; i < linli_demo_length (array); i++)
    strv[i] = linli_demo_string_at (d, array, i, name);
  return strv;
}

int
linli_demo_enum_value (Demo       *d,
                       GType       type,
                       const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    {
      linli_demo_unknown (d, nick);
      return klass->values[0].value;
    }
  return value->value;
}

const char *
linli_demo_enum_nick (GType type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_assert (v != NULL);
  /* The nicks are static strings of the registered type. */
  return v->value_nick;
}

gint64
linli_demo_lookup_id (Demo       *d,
                      GHashTable *table,
                      const char *name)
{
  gpointer id;

  if (!g_hash_table_lookup_extended (table, name, NULL, &id))
    {
      linli_demo_unknown (d, name);
      return 0;
    }
  return GPOINTER_TO_SIZE (id);
}

void
linli_demo_insert_id (GHashTable *table,
                      const char *name,
                      gint64      id)
{
  g_hash_table_insert (table, (gpointer) name, GSIZE_TO_POINTER ((gsize) id));
}

/* ------------------------------------------------------------------------ */
/* Dates. Everything happens in Asia/Shanghai. */

GTimeZone *
linli_demo_time_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return tz != NULL ? tz : g_time_zone_new_offset (8 * 3600);
}

/* @date plus @days at @minutes after midnight. */
GDateTime *
linli_demo_date_at (Demo        *d,
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
      linli_demo_damaged (d, "time");
      return 9 * 60;
    }
  return (int) (h * 60 + m);
}

GDateTime *
linli_demo_date_at_hhmm (Demo        *d,
                         const GDate *date,
                         int          days,
                         const char  *hhmm)
{
  return linli_demo_date_at (d, date, days, parse_hhmm (d, hhmm));
}

void
linli_demo_date_of (GDateTime *dt,
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
void
linli_demo_anchor_date (Demo       *d,
                        JsonObject *anchor,
                        int         span_days,
                        GDate      *out)
{
  GDate latest = d->today_date;

  *out = d->today_date;
  if (anchor == NULL)
    return;

  if (linli_demo_member (anchor, "days_ago") != NULL)
    {
      g_date_subtract_days (out, (guint) CLAMP (linli_demo_opt_int (d, anchor, "days_ago", 1), 0, 3650));
      return;
    }
  if (linli_demo_member (anchor, "days_ahead") != NULL)
    {
      g_date_add_days (out, (guint) CLAMP (linli_demo_opt_int (d, anchor, "days_ahead", 1), 0, 3650));
      return;
    }

  {
    gint64 month = linli_demo_opt_int (d, anchor, "month", 0);
    gint64 day = linli_demo_opt_int (d, anchor, "day", 0);
    GDateYear year;

    /* A day that every year has: not the 29th of February. */
    if (month < 1 || month > 12 || day < 1 || day > 31 ||
        !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2001))
      {
        linli_demo_damaged (d, "anchor");
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
  linli_demo_date_of (t, &date);
  if (minutes < OFFICE_OPENS)
    moved = linli_demo_date_at (d, &date, 0, OFFICE_OPENS + minutes % 30);
  else
    moved = linli_demo_date_at (d, &date, 1, OFFICE_OPENS + (minutes - OFFICE_CLOSES) % 60);
  g_date_time_unref (t);
  return moved;
}

GDateTime *
linli_demo_later (Demo      *d,
                  GDateTime *t,
                  GRand     *rand,
                  int        min_minutes,
                  int        max_minutes)
{
  return office_hours (d, g_date_time_add_minutes (t, g_rand_int_range (rand, min_minutes, max_minutes + 1)));
}

GDateTime *
linli_demo_clock (gpointer user_data)
{
  Demo *d = user_data;

  return g_date_time_ref (d->clock);
}

void
linli_demo_set_clock (Demo      *d,
                      GDateTime *at)
{
  g_date_time_ref (at);
  g_clear_pointer (&d->clock, g_date_time_unref);
  d->clock = at;
}
