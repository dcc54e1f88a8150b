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

char *
linli_record_sql_format_time (GDateTime *dt)
{
  /* In the local zone, so that every time in the file sorts as text, with
   * an explicit offset; microseconds only when there are any, so that a
   * time reads back equal. "…:05+08:00" sorts before "…:05.5+08:00".
   * Written out by hand: g_date_time_format() is slow for a bulk import. */
  g_autoptr(GDateTime) local = g_date_time_to_local (dt);
  int offset = (int) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE);
  int micro = g_date_time_get_microsecond (local);
  int fields[] = {
    g_date_time_get_year (local), g_date_time_get_month (local), g_date_time_get_day_of_month (local),
    g_date_time_get_hour (local), g_date_time_get_minute (local), g_date_time_get_second (local),
  };
  static const char separators[] = "--T::";
  char *text = g_malloc (40), *p = text;

  p += g_snprintf (p, 5, "%04d", fields[0]);
  for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
    {
      *p++ = separators[i - 1];
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
  return text;
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
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
        GEnumValue *ev = g_enum_get_value (enum_class, g_value_get_enum (value));
        if (ev == NULL || (ev->value == 0 && g_str_equal (ev->value_nick, "none")))
          return sqlite3_bind_null (stmt, index);
        return sqlite3_bind_text (stmt, index, ev->value_nick, -1, SQLITE_STATIC);
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
