/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-keys"

#include "config.h"

#include "linli-record-keys.h"
#include "linli-store-private.h"

/* Each key as a query of two columns: the id, then the key. */
static const char *
key_sql (LinliRecordKey key)
{
  switch (key)
    {
    case LINLI_RECORD_KEY_GRID_NAME:
      return "SELECT id, name FROM grid";
    case LINLI_RECORD_KEY_GRID_CODE:
      return "SELECT id, code FROM grid";
    case LINLI_RECORD_KEY_GRID_LABEL:
      return "SELECT g.id, CASE WHEN (SELECT count (*) FROM grid AS o WHERE o.name = g.name) > 1"
             " THEN g.code ELSE g.name END FROM grid AS g";
    case LINLI_RECORD_KEY_ORGANISATION_NAME:
      return "SELECT id, name FROM organisation";
    case LINLI_RECORD_KEY_VOLUNTEER_NAME:
      return "SELECT id, name FROM volunteer";
    case LINLI_RECORD_KEY_VOLUNTEER_NUMBER:
      return "SELECT id, number FROM volunteer";
    case LINLI_RECORD_KEY_ACTIVITY_TITLE_START:
      return "SELECT id, title || char (31) || strftime ('%Y-%m-%d %H:%M', start_at, 'localtime') FROM activity";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * linli_store_ids_by_key:
 * @self: a #LinliStore
 * @key: which key
 *
 * Records with no value for the key are left out.
 *
 * Returns: (transfer full): key → #GArray of the gint64 ids that have it
 */
GHashTable *
linli_store_ids_by_key (LinliStore     *self,
                        LinliRecordKey  key)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  const char *sql = key_sql (key);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), ids);
  g_return_val_if_fail (sql != NULL, ids);

  stmt = linli_store_prepare (self, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GArray *list;

      if (text == NULL)
        continue;
      list = g_hash_table_lookup (ids, text);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (ids, g_strdup (text), list);
        }
      g_array_append_val (list, id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return ids;
}

/**
 * linli_store_keys_by_id:
 * @self: a #LinliStore
 * @key: which key
 *
 * Returns: (transfer full): gint64 id → key, %NULL for a record without one
 */
GHashTable *
linli_store_keys_by_id (LinliStore     *self,
                        LinliRecordKey  key)
{
  GHashTable *keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const char *sql = key_sql (key);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), keys);
  g_return_val_if_fail (sql != NULL, keys);

  stmt = linli_store_prepare (self, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (keys, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return keys;
}

/**
 * linli_store_volunteer_names_by_number:
 * @self: a #LinliStore
 *
 * Returns: (transfer full): volunteer number → name, of volunteers with a number
 */
GHashTable *
linli_store_volunteer_names_by_number (LinliStore *self)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), names);

  stmt = linli_store_prepare (self, "SELECT number, name FROM volunteer WHERE number IS NOT NULL", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return names;
}
