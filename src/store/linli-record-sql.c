/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-sql"

#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-record-sql.h"
#include "linli-store-private.h"

/* How a record's columns become SQL and back: the statements of each record
 * type, built once from its column list, and the conversion of every column
 * type to and from SQLite values. */

const LinliRecordSql *
linli_record_sql (GType type)
{
  static GHashTable *cache;
  static GMutex lock;
  LinliRecordSql *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  if (sql == NULL)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
      LinliRecordClass *klass = LINLI_RECORD_CLASS (type_class);
      GString *select = g_string_new ("SELECT t.id");
      GString *insert_cols = g_string_new (NULL);
      GString *insert_vals = g_string_new (NULL);
      GString *update = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; i < klass->n_columns; i++)
        {
          const LinliColumn *c = &klass->columns[i];

          if (c->type == LINLI_COLUMN_TEXT_LIST || c->type == LINLI_COLUMN_REF_LIST)
            {
              /* char(31), the unit separator, cannot be typed into a field. */
              g_string_append_printf (select,
                                      ", (SELECT group_concat(v, char(31)) FROM"
                                      " (SELECT %s AS v FROM %s WHERE %s = t.id ORDER BY %s))",
                                      c->list_value, c->list_table, c->list_key, c->list_value);
              continue;
            }
          n++;
          g_string_append_printf (select, ", t.%s", c->name);
          g_string_append_printf (insert_cols, "%s%s", n > 1 ? ", " : "", c->name);
          g_string_append_printf (insert_vals, "%s?%u", n > 1 ? ", " : "", n);
          g_string_append_printf (update, "%s%s = ?%u", n > 1 ? ", " : "", c->name, n);
        }

      sql = g_new0 (LinliRecordSql, 1);
      g_string_append_printf (select, " FROM %s AS t", klass->table);
      sql->select = g_string_free (select, FALSE);
      sql->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                     klass->table, insert_cols->str, insert_vals->str);
      sql->restore = g_strdup_printf ("INSERT INTO %s (%s, id) VALUES (%s, ?%u)",
                                      klass->table, insert_cols->str, insert_vals->str, n + 1);
      sql->update = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?%u",
                                     klass->table, update->str, n + 1);
      sql->remove = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", klass->table);
      g_string_free (insert_cols, TRUE);
      g_string_free (insert_vals, TRUE);
      g_string_free (update, TRUE);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (type), sql);
    }
  g_mutex_unlock (&lock);

  return sql;
}

/* In the local zone, so that every time in the file sorts as text, with an
 * explicit offset; microseconds only when there are any, so that a time
 * reads back equal. "…:05+08:00" sorts before "…:05.5+08:00". Written out
 * by hand: g_date_time_format() is slow for a bulk import. */
static const char *
format_fields (char buffer[LINLI_RECORD_SQL_TIME_SIZE],
               int  year,
               int  month,
               int  day,
               int  hour,
               int  minute,
               int  second,
               int  micro,
               int  offset)
{
  int fields[] = { month, day, hour, minute, second };
  static const char separators[] = "--T::";
  char *p = buffer;

  /* A GDateTime's year has four digits. */
  g_assert (year >= 1 && year <= 9999);
  for (int i = 3; i >= 0; i--, year /= 10)
    p[i] = '0' + year % 10;
  p += 4;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      *p++ = separators[i];
      *p++ = '0' + fields[i] / 10;
      *p++ = '0' + fields[i] % 10;
    }
  if (micro != 0)
    p += g_snprintf (p, 8, ".%06d", micro);
  *p++ = offset < 0 ? '-' : '+';
  offset = ABS (offset);
  *p++ = '0' + offset / 600;
  *p++ = '0' + offset / 60 % 10;
  *p++ = ':';
  *p++ = '0' + offset % 60 / 10;
  *p++ = '0' + offset % 10;
  *p = '\0';
  return buffer;
}

char *
linli_record_sql_format_time (GDateTime *dt)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);
  char *text = g_malloc (LINLI_RECORD_SQL_TIME_SIZE);

  format_fields (text,
                 g_date_time_get_year (local), g_date_time_get_month (local),
                 g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                 g_date_time_get_minute (local), g_date_time_get_second (local),
                 g_date_time_get_microsecond (local),
                 (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE));
  return text;
}

/**
 * linli_record_sql_format_unix_time:
 * @time: seconds since 1970 UTC
 * @zone: the local zone (g_time_zone_new_local())
 * @buffer: where to write it
 *
 * Formats @time as linli_record_sql_format_time() formats
 * g_date_time_new_from_unix_local (@time), without making a #GDateTime:
 * for the writes of an import. The offset is the one GDateTime finds for
 * that instant; the date follows from the local seconds by arithmetic.
 *
 * Returns: @buffer, or %NULL when @time is outside what a #GDateTime holds
 */
const char *
linli_record_sql_format_unix_time (gint64      time,
                                   GTimeZone  *zone,
                                   char        buffer[LINLI_RECORD_SQL_TIME_SIZE])
{
  /* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z */
  const gint64 min_time = G_GINT64_CONSTANT (-62135596800);
  const gint64 max_time = G_GINT64_CONSTANT (253402300799);
  int interval, offset, year, month, day;
  gint64 local, days, seconds, era, yoe, doy, mp;

  if (time < min_time || time > max_time)
    return NULL;
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, time);
  offset = g_time_zone_get_offset (zone, interval);
  local = time + offset;
  if (local < min_time || local > max_time)
    return NULL;

  /* Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible
   * low-level date algorithms"). */
  days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  seconds = local - days * 86400;
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doy = days - era * 146097;                                   /* day of the era */
  yoe = (doy - doy / 1460 + doy / 36524 - doy / 146096) / 365; /* year of the era */
  doy = doy - (365 * yoe + yoe / 4 - yoe / 100);               /* day of the year, from March */
  mp = (5 * doy + 2) / 153;
  day = (int) (doy - (153 * mp + 2) / 5 + 1);
  month = (int) (mp < 10 ? mp + 3 : mp - 9);
  year = (int) (yoe + era * 400 + (month <= 2));

  return format_fields (buffer, year, month, day,
                        (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60),
                        0, offset / 60);
}

/**
 * linli_record_sql_unix_from_local:
 * @zone: the zone the time is in
 * @year: from 1900 to 2999
 * @month: from 1 to 12
 * @day: a day of @month
 * @hour: from 0 to 23
 * @minute: from 0 to 59
 * @second: from 0 to 59
 * @time: (out): the Unix time
 *
 * What g_date_time_new() and g_date_time_to_unix() make of a local time,
 * without a #GDateTime for each of the times an import reads. A time the
 * clocks skip (in the hour they are put forward) moves as GLib moves it.
 *
 * Returns: whether @time was set: not for a year or date outside the
 *   range above, which the caller reads through a #GDateTime
 */
gboolean
linli_record_sql_unix_from_local (GTimeZone *zone,
                                  int        year,
                                  int        month,
                                  int        day,
                                  int        hour,
                                  int        minute,
                                  int        second,
                                  gint64    *time)
{
  gint64 y, era, yoe, doy, doe, local;
  int interval;

  if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;

  /* Days since 1970-01-01 of a civil date (H. Hinnant, as above). */
  y = year - (month <= 2);
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  local = (era * 146097 + doe - 719468) * 86400 + hour * 3600 + minute * 60 + second;

  interval = g_time_zone_adjust_time (zone, G_TIME_TYPE_STANDARD, &local);
  *time = local - g_time_zone_get_offset (zone, interval);
  return TRUE;
}

/**
 * linli_record_sql_enum_nick:
 *
 * Returns: (nullable): what the store writes for @value of @enum_type: its
 *   nick, or %NULL (SQL NULL) for a "none" value or one @enum_type lacks
 */
const char *
linli_record_sql_enum_nick (GType enum_type,
                            int   value)
{
  /* Peeked, not referenced: an import asks four times a case, and the
   * class of a static type, once made, lives as long as the program. */
  GEnumClass *enum_class = g_type_class_peek (enum_type);
  GEnumValue *ev;

  if (enum_class == NULL)
    enum_class = g_type_class_ref (enum_type);
  ev = g_enum_get_value (enum_class, value);

  if (ev == NULL || (ev->value == 0 && g_str_equal (ev->value_nick, "none")))
    return NULL;
  return ev->value_nick;
}

/* A fixed-offset zone per offset, shared: creating one costs more than
 * reading the rest of a time. */
static GTimeZone *
zone_for_offset (int seconds)
{
  static GHashTable *zones;
  static GMutex lock;
  GTimeZone *zone;

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new (NULL, NULL);
  zone = g_hash_table_lookup (zones, GINT_TO_POINTER (seconds));
  if (zone == NULL)
    {
      zone = g_time_zone_new_offset (seconds);
      g_hash_table_insert (zones, GINT_TO_POINTER (seconds), zone);
    }
  g_mutex_unlock (&lock);
  return zone;
}

static gboolean
digits (const char *text,
        int         n,
        int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

static GDateTime *
parse_datetime (const char *text)
{
  int year, month, day, hour, minute, second, oh, om;

  if (text == NULL)
    return NULL;

  /* The store's own "2026-03-03T09:30:00+08:00", read directly; anything
   * else in ISO 8601 through GLib. */
  if (strlen (text) == 25 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && (text[19] == '+' || text[19] == '-') && text[22] == ':' &&
      digits (text, 4, &year) && digits (text + 5, 2, &month) && digits (text + 8, 2, &day) &&
      digits (text + 11, 2, &hour) && digits (text + 14, 2, &minute) && digits (text + 17, 2, &second) &&
      digits (text + 20, 2, &oh) && digits (text + 23, 2, &om))
    {
      int offset = (oh * 3600 + om * 60) * (text[19] == '-' ? -1 : 1);
      GDateTime *dt = g_date_time_new (zone_for_offset (offset), year, month, day, hour, minute, second);
      if (dt != NULL)
        return dt;
    }
  return g_date_time_new_from_iso8601 (text, NULL);
}

int
linli_record_sql_bind (sqlite3_stmt      *stmt,
                       int                index,
                       const LinliColumn *column,
                       const GValue      *value)
{
  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      return sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
    case LINLI_COLUMN_INT:
      return sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
    case LINLI_COLUMN_REF:
      if (g_value_get_int64 (value) == 0)
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
    case LINLI_COLUMN_DOUBLE:
      if (isnan (g_value_get_double (value)))
        return sqlite3_bind_null (stmt, index);
      return sqlite3_bind_double (stmt, index, g_value_get_double (value));
    case LINLI_COLUMN_BOOL:
      return sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
    case LINLI_COLUMN_DATETIME:
      {
        GDateTime *dt = g_value_get_boxed (value);
        if (dt == NULL)
          return sqlite3_bind_null (stmt, index);
        return sqlite3_bind_text (stmt, index, linli_record_sql_format_time (dt), -1, g_free);
      }
    case LINLI_COLUMN_ENUM:
      {
        const char *nick = linli_record_sql_enum_nick (G_VALUE_TYPE (value), g_value_get_enum (value));
        if (nick == NULL)
          return sqlite3_bind_null (stmt, index);
        return sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
      }
    case LINLI_COLUMN_TEXT_LIST:
    case LINLI_COLUMN_REF_LIST:
    default:
      g_assert_not_reached ();
    }
}

void
linli_record_sql_read (sqlite3_stmt      *stmt,
                       int                index,
                       const LinliColumn *column,
                       GValue            *value)
{
  gboolean is_null = sqlite3_column_type (stmt, index) == SQLITE_NULL;
  /* Text only for the columns kept as text: asking for the text of a
   * number makes SQLite format it. */
  const char *text = column->type == LINLI_COLUMN_INT || column->type == LINLI_COLUMN_REF ||
                     column->type == LINLI_COLUMN_DOUBLE || column->type == LINLI_COLUMN_BOOL
                     ? NULL : (const char *) sqlite3_column_text (stmt, index);

  switch (column->type)
    {
    case LINLI_COLUMN_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      break;
    case LINLI_COLUMN_INT:
    case LINLI_COLUMN_REF:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
      break;
    case LINLI_COLUMN_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, is_null ? NAN : sqlite3_column_double (stmt, index));
      break;
    case LINLI_COLUMN_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
      break;
    case LINLI_COLUMN_DATETIME:
      g_value_init (value, G_TYPE_DATE_TIME);
      g_value_take_boxed (value, parse_datetime (text));
      break;
    case LINLI_COLUMN_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (column->enum_type ());
        GEnumValue *ev = text ? g_enum_get_value_by_nick (enum_class, text) : NULL;
        g_value_init (value, column->enum_type ());
        g_value_set_enum (value, ev ? ev->value : enum_class->values[0].value);
        break;
      }
    case LINLI_COLUMN_TEXT_LIST:
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, text ? g_strsplit (text, "\x1f", -1) : NULL);
      break;
    case LINLI_COLUMN_REF_LIST:
      {
        g_auto(GStrv) parts = text ? g_strsplit (text, "\x1f", -1) : NULL;
        GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
          {
            gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
            g_array_append_val (ids, id);
          }
        g_value_init (value, G_TYPE_ARRAY);
        g_value_take_boxed (value, ids);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

LinliRecord *
linli_store_read_record (GType         type,
                         sqlite3_stmt *stmt)
{
  LinliRecord *record = linli_record_new (type);
  guint n_columns;
  const LinliColumn *columns = linli_record_class_get_columns (LINLI_RECORD_GET_CLASS (record), &n_columns);

  linli_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < n_columns; i++)
    {
      GValue value = G_VALUE_INIT;
      linli_record_sql_read (stmt, (int) i + 1, &columns[i], &value);
      linli_record_load_value (record, i, &value);
    }
  return record;
}

const char *
linli_store_select_sql (GType type)
{
  return linli_record_sql (type)->select;
}
