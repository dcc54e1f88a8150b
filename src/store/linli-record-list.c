/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-list"

#include "config.h"

#include "linli-record-list.h"
#include "linli-store-private.h"

/* A list of records that reads only the rows asked for.
 *
 * It keeps the ids of every matching row, in order (8 bytes a row, one
 * indexed query), and reads whole rows a page at a time when a view asks for
 * an item, so 100,000 cases open at once and scroll without a stall. */

#define PAGE_SIZE 64
#define MAX_PAGES 32

struct _LinliRecordList
{
  GObject     parent_instance;

  LinliStore *store;
  GType       type;
  char       *where;
  char       *order;
  GArray     *params;     /* GValue bound to ?1, ?2 … of @where */
  GArray     *base_ids;   /* gint64, the rows that match @where, in order */
  GArray     *ids;        /* gint64, those of them that pass the filter */
  LinliRecordFilterFunc filter;
  gpointer    filter_data;
  GDestroyNotify filter_data_free;
  GHashTable *pages;      /* page number → GPtrArray of records */
  char       *page_sql;
  gulong      changed_id;
};

static void linli_record_list_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliRecordList, linli_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, linli_record_list_iface_init))

static GArray *
query_ids (LinliRecordList *self)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (self->type);
  LinliRecordClass *klass = LINLI_RECORD_CLASS (type_class);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT t.id FROM %s AS t%s%s ORDER BY %s",
                         klass->table,
                         self->where ? " WHERE " : "", self->where ? self->where : "",
                         self->order ? self->order : klass->default_order);
  stmt = linli_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot list %s: %s", klass->table, error->message);
      return ids;
    }
  for (guint i = 0; i < self->params->len; i++)
    {
      const GValue *value = &g_array_index (self->params, GValue, i);

      switch (G_VALUE_TYPE (value))
        {
        case G_TYPE_INT64:
          sqlite3_bind_int64 (stmt, (int) i + 1, g_value_get_int64 (value));
          break;
        case G_TYPE_DOUBLE:
          sqlite3_bind_double (stmt, (int) i + 1, g_value_get_double (value));
          break;
        case G_TYPE_STRING:
          sqlite3_bind_text (stmt, (int) i + 1, g_value_get_string (value), -1, SQLITE_TRANSIENT);
          break;
        default:
          g_critical ("Cannot bind a %s", G_VALUE_TYPE_NAME (value));
        }
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Cannot list %s: %s", klass->table, sqlite3_errmsg (linli_store_get_db (self->store)));
  sqlite3_reset (stmt);

  return ids;
}

static GPtrArray *
load_page (LinliRecordList *self,
           guint            page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  sqlite3_stmt *stmt;
  int rc;

  if (self->page_sql == NULL)
    {
      GString *sql = g_string_new (linli_store_select_sql (self->type));
      g_string_append (sql, " WHERE t.id IN (?1");
      for (guint i = 2; i <= PAGE_SIZE; i++)
        g_string_append_printf (sql, ", ?%u", i);
      g_string_append (sql, ")");
      self->page_sql = g_string_free (sql, FALSE);
    }

  stmt = linli_store_prepare (self->store, self->page_sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read records: %s", error->message);
      return records;
    }
  /* Unbound parameters are NULL and match nothing. */
  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, g_array_index (self->ids, gint64, first + i));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliRecord *record = linli_store_read_record (self->type, stmt);
      gint64 *key = g_new (gint64, 1);

      *key = linli_record_get_id (record);
      g_hash_table_insert (by_id, key, record);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Cannot read records: %s", sqlite3_errmsg (linli_store_get_db (self->store)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, first + i);
      gpointer record = g_hash_table_lookup (by_id, &id);

      /* A row deleted since the ids were read gives an empty record of its
       * id; the change signal that follows removes it from the list. */
      if (record == NULL)
        {
          record = linli_record_new (self->type);
          linli_record_set_id (record, id);
        }
      else
        g_object_ref (record);
      g_ptr_array_add (records, record);
    }

  return records;
}

static GType
linli_record_list_get_item_type (GListModel *model)
{
  return LINLI_RECORD_LIST (model)->type;
}

static guint
linli_record_list_get_n_items (GListModel *model)
{
  return LINLI_RECORD_LIST (model)->ids->len;
}

static gpointer
linli_record_list_get_item (GListModel *model,
                            guint       position)
{
  LinliRecordList *self = LINLI_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->ids->len)
    return NULL;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    {
      /* Views hold the items they show; the cache only spares re-reading. */
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      records = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
    }

  return g_object_ref (g_ptr_array_index (records, position % PAGE_SIZE));
}

static void
linli_record_list_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = linli_record_list_get_item_type;
  iface->get_n_items = linli_record_list_get_n_items;
  iface->get_item = linli_record_list_get_item;
}

static GArray *
filter_ids (LinliRecordList *self)
{
  GArray *ids;

  if (self->filter == NULL)
    return g_array_ref (self->base_ids);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->base_ids->len; i++)
    {
      gint64 id = g_array_index (self->base_ids, gint64, i);
      if (self->filter (id, self->filter_data))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Re-reads the ids (unless only the filter changed) and tells the views
 * what changed: the rows between the common beginning and the common end of
 * the old and the new list. */
static void
reload_full (LinliRecordList *self,
             gboolean         requery,
             LinliChange      change,
             gint64           id)
{
  g_autoptr(GArray) old_ids = self->ids;
  guint prefix = 0, suffix = 0;
  guint n_old, n_new;

  if (requery)
    {
      g_array_unref (self->base_ids);
      self->base_ids = query_ids (self);
    }
  self->ids = filter_ids (self);
  g_hash_table_remove_all (self->pages);

  n_old = old_ids->len;
  n_new = self->ids->len;

  /* Many rows changed at once: any of them may have new values. */
  if (change == LINLI_CHANGE_RESET)
    {
      if (n_old > 0 || n_new > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
      return;
    }

  while (prefix < n_old && prefix < n_new &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_array_index (old_ids, gint64, n_old - 1 - suffix) ==
         g_array_index (self->ids, gint64, n_new - 1 - suffix))
    suffix++;

  if (prefix == n_old && n_old == n_new)
    {
      /* Same rows in the same order: only an updated one has new values.
       * A row inserted or deleted elsewhere in the table (outside @where)
       * changes nothing here. */
      guint position = change == LINLI_CHANGE_UPDATED ? linli_record_list_find (self, id) : G_MAXUINT;
      if (position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
reload (LinliRecordList *self,
        LinliChange      change,
        gint64           id)
{
  reload_full (self, TRUE, change, id);
}

static void
store_changed_cb (LinliRecordList *self,
                  GType            type,
                  LinliChange      change,
                  gint64           id,
                  LinliStore      *store)
{
  reload (self, change, id);
}

static void
linli_record_list_dispose (GObject *object)
{
  LinliRecordList *self = LINLI_RECORD_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (linli_record_list_parent_class)->dispose (object);
}

static void
linli_record_list_finalize (GObject *object)
{
  LinliRecordList *self = LINLI_RECORD_LIST (object);

  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->page_sql, g_free);
  g_clear_pointer (&self->params, g_array_unref);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  if (self->filter_data_free != NULL)
    g_clear_pointer (&self->filter_data, self->filter_data_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (linli_record_list_parent_class)->finalize (object);
}

static void
linli_record_list_class_init (LinliRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_record_list_dispose;
  object_class->finalize = linli_record_list_finalize;
}

static void
linli_record_list_init (LinliRecordList *self)
{
  self->params = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (self->params, (GDestroyNotify) g_value_unset);
  self->base_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ids = g_array_ref (self->base_ids);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * linli_record_list_new:
 * @where: (nullable): an SQL condition on the table, which is named t
 * @params: (array length=n_params): values for ?1, ?2 … in @where
 *
 * Returns: (transfer full): a list of the records of @type that match @where
 */
LinliRecordList *
linli_record_list_new (LinliStore   *store,
                       GType         type,
                       const char   *where,
                       const gint64 *params,
                       guint         n_params)
{
  LinliRecordList *self;
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, LINLI_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  self = g_object_new (LINLI_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  signal = g_strconcat ("changed::", LINLI_RECORD_CLASS (klass)->table, NULL);
  self->changed_id = g_signal_connect_object (store, signal, G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  linli_record_list_set_query (self, where, NULL, params, n_params);

  return self;
}

/**
 * linli_record_list_set_query:
 * @order: (nullable): an SQL ORDER BY list; %NULL for the type's natural order
 *
 * Shows the records that match @where instead, in @order.
 */
void
linli_record_list_set_query (LinliRecordList *self,
                             const char      *where,
                             const char      *order,
                             const gint64    *params,
                             guint            n_params)
{
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_return_if_fail (LINLI_IS_RECORD_LIST (self));
  g_return_if_fail (params != NULL || n_params == 0);

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  g_array_set_size (values, n_params);
  for (guint i = 0; i < n_params; i++)
    {
      g_value_init (&g_array_index (values, GValue, i), G_TYPE_INT64);
      g_value_set_int64 (&g_array_index (values, GValue, i), params[i]);
    }
  linli_record_list_set_query_values (self, where, order, (const GValue *) (gpointer) values->data, n_params);
}

/**
 * linli_record_list_set_query_values:
 * @values: (array length=n_values): values for ?1, ?2 … in @where: gint64,
 *   double or string
 *
 * Like linli_record_list_set_query(), with values of any of these types.
 */
void
linli_record_list_set_query_values (LinliRecordList *self,
                                    const char      *where,
                                    const char      *order,
                                    const GValue    *values,
                                    guint            n_values)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_free (self->where);
  self->where = g_strdup (where);
  g_free (self->order);
  self->order = g_strdup (order);
  g_array_set_size (self->params, 0);
  g_array_set_size (self->params, n_values);
  for (guint i = 0; i < n_values; i++)
    {
      g_value_init (&g_array_index (self->params, GValue, i), G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &g_array_index (self->params, GValue, i));
    }
  reload (self, LINLI_CHANGE_RESET, 0);
}

/**
 * linli_record_list_set_filter:
 * @filter: (nullable): keeps the rows for which it returns %TRUE
 *
 * Filters the rows that match the query further, in memory, without asking
 * the database again: for a search that changes with every key typed.
 * linli_record_list_refilter() applies it again after its answers changed.
 */
void
linli_record_list_set_filter (LinliRecordList       *self,
                              LinliRecordFilterFunc  filter,
                              gpointer               user_data,
                              GDestroyNotify         user_data_free)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST (self));

  if (self->filter_data_free != NULL)
    g_clear_pointer (&self->filter_data, self->filter_data_free);
  self->filter = filter;
  self->filter_data = user_data;
  self->filter_data_free = user_data_free;
  linli_record_list_refilter (self);
}

void
linli_record_list_refilter (LinliRecordList *self)
{
  g_return_if_fail (LINLI_IS_RECORD_LIST (self));

  reload_full (self, FALSE, LINLI_CHANGE_RESET, 0);
}

/**
 * linli_record_list_get_ids:
 *
 * Returns: (transfer none): the ids of the rows shown, in order; for
 *   exports and batch changes that need them all without reading every row
 */
GArray *
linli_record_list_get_ids (LinliRecordList *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST (self), NULL);
  return self->ids;
}

/**
 * linli_record_list_find:
 *
 * Returns: the position of the record with @id, or %G_MAXUINT
 */
guint
linli_record_list_find (LinliRecordList *self,
                        gint64           id)
{
  g_return_val_if_fail (LINLI_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/**
 * linli_query_values_add:
 * @values: a #GArray of #GValue, cleared with its element free function
 * @type: %G_TYPE_INT64 for @number, %G_TYPE_STRING for @text
 *
 * Returns: the number of the parameter that takes it, as in "?N"
 */
guint
linli_query_values_add (GArray     *values,
                        GType       type,
                        gint64      number,
                        const char *text)
{
  GValue *value;

  g_return_val_if_fail (values != NULL, 0);
  g_return_val_if_fail (type == G_TYPE_INT64 || type == G_TYPE_STRING, 0);

  g_array_set_size (values, values->len + 1);
  value = &g_array_index (values, GValue, values->len - 1);
  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else
    g_value_set_int64 (value, number);
  return values->len;
}

guint
linli_query_values_add_time (GArray    *values,
                             GDateTime *time)
{
  /* The store's own format, so text order is time order within a zone. */
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  return linli_query_values_add (values, G_TYPE_STRING, 0, text);
}
