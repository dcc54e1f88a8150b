/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-query"

#include "config.h"

#include <string.h>

#include "linli-event-query.h"
#include "linli-store-private.h"

void
linli_event_query_init (LinliEventQuery *self)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->sort = LINLI_EVENT_SORT_START;
  self->descending = TRUE;
}

void
linli_event_query_clear (LinliEventQuery *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->activity_type, g_free);
  g_clear_pointer (&self->target_group, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
}

/* "t.column IN (?a, ?b …)" for the values of @enum_type whose bits are set. */
static void
add_enum_set (GString    *where,
              GArray     *values,
              const char *column,
              GType       enum_type,
              guint       bits)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  gboolean first = TRUE;

  g_string_append_printf (where, "%s IN (", column);
  for (guint i = 0; i < enum_class->n_values; i++)
    if (bits & LINLI_EVENT_BIT (enum_class->values[i].value))
      {
        guint n = linli_query_values_add (values, G_TYPE_STRING, 0, enum_class->values[i].value_nick);
        g_string_append_printf (where, "%s?%u", first ? "" : ", ", n);
        first = FALSE;
      }
  if (first)
    g_string_append (where, "NULL");
  g_string_append (where, ")");
}

static const char *
sort_key (LinliEventSort sort,
          gboolean       activity)
{
  switch (sort)
    {
    case LINLI_EVENT_SORT_START: return "t.start_at";
    case LINLI_EVENT_SORT_TITLE: return "t.title";
    case LINLI_EVENT_SORT_TYPE:
      return activity ? "t.type"
                      : "CASE t.format WHEN 'lecture' THEN 0 WHEN 'stall' THEN 1 WHEN 'door-to-door' THEN 2"
                        " WHEN 'online' THEN 3 WHEN 'performance' THEN 4 ELSE 5 END";
    case LINLI_EVENT_SORT_STATUS:
      return activity ? "CASE t.status WHEN 'planned' THEN 0 WHEN 'done' THEN 1 ELSE 2 END" : "t.start_at";
    case LINLI_EVENT_SORT_VENUE: return "t.venue";
    case LINLI_EVENT_SORT_GRID:  return "(SELECT code FROM grid WHERE id = t.grid_id)";
    case LINLI_EVENT_SORT_VOLUNTEERS:
      return activity ? "(SELECT count (*) FROM participation WHERE activity_id = t.id)" : "t.start_at";
    case LINLI_EVENT_SORT_HOURS:
      return activity ? "(SELECT total (hours) FROM participation WHERE activity_id = t.id)" : "t.start_at";
    case LINLI_EVENT_SORT_ATTENDEES: return activity ? "t.start_at" : "t.attendees";
    case LINLI_EVENT_SORT_LEAFLETS:  return activity ? "t.start_at" : "t.leaflets";
    case LINLI_EVENT_SORT_INSTALLS:  return activity ? "t.start_at" : "t.app_installs";
    default: g_return_val_if_reached ("t.start_at");
    }
}

/**
 * linli_event_query_apply:
 * @type: %LINLI_TYPE_ACTIVITY or %LINLI_TYPE_OUTREACH, the type of @list
 *
 * Makes @list show the events the query asks for, in its order. Filters
 * that do not apply to @type are left out. The search text is not part of
 * it: set it on the #LinliEventSearch that filters the list.
 */
void
linli_event_query_apply (const LinliEventQuery *self,
                         GType                  type,
                         LinliRecordList       *list)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autofree char *order = NULL;
  const char *direction = self->descending ? "DESC" : "ASC";
  gboolean activity = type == LINLI_TYPE_ACTIVITY;
  const char *key;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type == LINLI_TYPE_ACTIVITY || type == LINLI_TYPE_OUTREACH);
  g_return_if_fail (LINLI_IS_RECORD_LIST (list));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

#define AND() (where->len > 0 ? g_string_append (where, " AND ") : where)

  if (activity && self->activity_type != NULL)
    g_string_append_printf (AND (), "t.type = ?%u",
                            linli_query_values_add (values, G_TYPE_STRING, 0, self->activity_type));
  if (activity && self->statuses != 0)
    add_enum_set (AND (), values, "t.status", LINLI_TYPE_ACTIVITY_STATUS, self->statuses);
  if (!activity && self->formats != 0)
    add_enum_set (AND (), values, "t.format", LINLI_TYPE_OUTREACH_FORMAT, self->formats);
  if (!activity && self->target_group != NULL)
    g_string_append_printf (AND (), "EXISTS (SELECT 1 FROM outreach_target_group"
                                    " WHERE outreach_id = t.id AND name = ?%u)",
                            linli_query_values_add (values, G_TYPE_STRING, 0, self->target_group));
  if (!activity && self->topic != NULL)
    g_string_append_printf (AND (), "EXISTS (SELECT 1 FROM outreach_topic"
                                    " WHERE outreach_id = t.id AND name = ?%u)",
                            linli_query_values_add (values, G_TYPE_STRING, 0, self->topic));
  if (self->organisation_id != 0)
    g_string_append_printf (AND (), activity
                              ? "EXISTS (SELECT 1 FROM activity_partner WHERE activity_id = t.id AND organisation_id = ?%u)"
                              : "EXISTS (SELECT 1 FROM outreach_organiser WHERE outreach_id = t.id AND organisation_id = ?%u)",
                            linli_query_values_add (values, G_TYPE_INT64, self->organisation_id, NULL));
  if (self->grid_id != 0)
    g_string_append_printf (AND (), "t.grid_id = ?%u",
                            linli_query_values_add (values, G_TYPE_INT64, self->grid_id, NULL));
  if (self->from != NULL)
    g_string_append_printf (AND (), "julianday (t.start_at) >= julianday (?%u)",
                            linli_query_values_add_time (values, self->from));
  if (self->until != NULL)
    g_string_append_printf (AND (), "julianday (t.start_at) < julianday (?%u)",
                            linli_query_values_add_time (values, self->until));

#undef AND

  /* Events without a value sort last either way; the id keeps ties stable. */
  key = sort_key (self->sort, activity);
  order = g_strdup_printf ("%s IS NULL, %s %s, t.start_at %s, t.id %s",
                           key, key, direction, direction, direction);
  linli_record_list_set_query_values (list, where->len > 0 ? where->str : NULL, order,
                                      (const GValue *) (gpointer) values->data, values->len);
}

static GHashTable *
id_set (LinliRecordList *list)
{
  GArray *ids = linli_record_list_get_ids (list);
  GHashTable *set = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, &g_array_index (ids, gint64, i));
  return set;
}

static void
activity_totals (LinliEventTotals *totals,
                 LinliStore       *store,
                 GHashTable       *shown)
{
  g_autoptr(GHashTable) volunteers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = linli_store_prepare (store, "SELECT activity_id, volunteer_id, hours FROM participation", &error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 activity = sqlite3_column_int64 (stmt, 0);
      gint64 volunteer = sqlite3_column_int64 (stmt, 1);

      if (!g_hash_table_contains (shown, &activity))
        continue;
      totals->n_participations++;
      totals->hours += sqlite3_column_double (stmt, 2);
      if (!g_hash_table_contains (volunteers, &volunteer))
        g_hash_table_add (volunteers, g_memdup2 (&volunteer, sizeof volunteer));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  totals->n_volunteers = g_hash_table_size (volunteers);

  stmt = linli_store_prepare (store, "SELECT id, beneficiaries FROM activity", &error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (g_hash_table_contains (shown, &id))
        totals->beneficiaries += sqlite3_column_int64 (stmt, 1);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (error != NULL)
    g_warning ("Cannot add up the activities: %s", error->message);
}

static void
outreach_totals (LinliEventTotals *totals,
                 LinliStore       *store,
                 GHashTable       *shown)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = linli_store_prepare (store, "SELECT id, attendees, leaflets, app_installs, consultations FROM outreach", &error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (shown, &id))
        continue;
      totals->attendees += sqlite3_column_int64 (stmt, 1);
      totals->leaflets += sqlite3_column_int64 (stmt, 2);
      totals->app_installs += sqlite3_column_int64 (stmt, 3);
      totals->consultations += sqlite3_column_int64 (stmt, 4);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  else
    g_warning ("Cannot add up the outreach events: %s", error->message);
}

/**
 * linli_event_totals_compute:
 * @totals: (out caller-allocates): the totals of the events @list shows
 * @type: %LINLI_TYPE_ACTIVITY or %LINLI_TYPE_OUTREACH, the type of @list
 *
 * Adds up what @list shows, after its query and its filter: the events
 * and, for activities, the volunteers who served in them (each once), their
 * participations, hours and beneficiaries; for outreach, the attendees,
 * leaflets, app installs and consultations.
 */
void
linli_event_totals_compute (LinliEventTotals *totals,
                            LinliStore       *store,
                            GType             type,
                            LinliRecordList  *list)
{
  g_autoptr(GHashTable) shown = NULL;

  g_return_if_fail (totals != NULL);
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (type == LINLI_TYPE_ACTIVITY || type == LINLI_TYPE_OUTREACH);
  g_return_if_fail (LINLI_IS_RECORD_LIST (list));

  memset (totals, 0, sizeof *totals);
  shown = id_set (list);
  totals->n_events = g_hash_table_size (shown);
  if (totals->n_events == 0)
    return;
  if (type == LINLI_TYPE_ACTIVITY)
    activity_totals (totals, store, shown);
  else
    outreach_totals (totals, store, shown);
}

/**
 * linli_activity_count_service:
 * @n_volunteers: (out) (optional): how many served in the activity
 * @hours: (out) (optional): their hours in all
 *
 * For a row of the activities list.
 *
 * Returns: %FALSE when the database could not be read
 */
gboolean
linli_activity_count_service (LinliStore *store,
                              gint64      activity_id,
                              guint      *n_volunteers,
                              double     *hours)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);

  if (n_volunteers != NULL)
    *n_volunteers = 0;
  if (hours != NULL)
    *hours = 0;
  stmt = linli_store_prepare (store, "SELECT count (*), total (hours) FROM participation WHERE activity_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok && n_volunteers != NULL)
    *n_volunteers = (guint) sqlite3_column_int64 (stmt, 0);
  if (ok && hours != NULL)
    *hours = sqlite3_column_double (stmt, 1);
  sqlite3_reset (stmt);
  return ok;
}

static GStrv
dup_names (LinliStore *store,
           const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = linli_store_prepare (store, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/**
 * linli_store_dup_activity_types:
 *
 * Returns: (transfer full): the types the activities use, the most used
 *   first, for the type filter
 */
GStrv
linli_store_dup_activity_types (LinliStore *store)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  return dup_names (store, "SELECT type FROM activity GROUP BY type ORDER BY count (*) DESC, type");
}

/**
 * linli_store_dup_outreach_names:
 * @list_table: "outreach_target_group" or "outreach_topic"
 *
 * Returns: (transfer full): the target groups or the topics the outreach
 *   events name, the most used first
 */
GStrv
linli_store_dup_outreach_names (LinliStore *store,
                                const char *list_table)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  if (g_strcmp0 (list_table, "outreach_target_group") == 0)
    return dup_names (store, "SELECT name FROM outreach_target_group GROUP BY name ORDER BY count (*) DESC, name");
  if (g_strcmp0 (list_table, "outreach_topic") == 0)
    return dup_names (store, "SELECT name FROM outreach_topic GROUP BY name ORDER BY count (*) DESC, name");
  g_return_val_if_reached (NULL);
}
