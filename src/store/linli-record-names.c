/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-names"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-record-names.h"

struct _LinliRecordNames
{
  GObject     parent_instance;

  GListModel *records;
  char       *column;
  GHashTable *names;   /* gint64 id → name */
};

G_DEFINE_FINAL_TYPE (LinliRecordNames, linli_record_names, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh (LinliRecordNames *self)
{
  guint n = g_list_model_get_n_items (self->records);

  g_hash_table_remove_all (self->names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (self->records, i);
      gint64 id = linli_record_get_id (record);

      g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id),
                           g_strdup (linli_record_get_text (record, self->column)));
    }
}

static void
records_changed_cb (LinliRecordNames *self)
{
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
linli_record_names_dispose (GObject *object)
{
  LinliRecordNames *self = LINLI_RECORD_NAMES (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_func (self->records, records_changed_cb, self);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (linli_record_names_parent_class)->dispose (object);
}

static void
linli_record_names_finalize (GObject *object)
{
  LinliRecordNames *self = LINLI_RECORD_NAMES (object);

  g_hash_table_unref (self->names);
  g_free (self->column);

  G_OBJECT_CLASS (linli_record_names_parent_class)->finalize (object);
}

static void
linli_record_names_class_init (LinliRecordNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_record_names_dispose;
  object_class->finalize = linli_record_names_finalize;

  /**
   * LinliRecordNames::changed:
   *
   * A name was added, changed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
linli_record_names_init (LinliRecordNames *self)
{
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * linli_record_names_new:
 * @column: the text column that names a record, such as "name"
 */
LinliRecordNames *
linli_record_names_new (LinliStore *store,
                        GType       type,
                        const char *column)
{
  LinliRecordNames *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  self = g_object_new (LINLI_TYPE_RECORD_NAMES, NULL);
  self->records = linli_store_list (store, type);
  self->column = g_strdup (column);
  g_signal_connect_swapped (self->records, "items-changed", G_CALLBACK (records_changed_cb), self);
  refresh (self);
  return self;
}

/**
 * linli_record_names_lookup:
 *
 * Returns: (nullable): the name, or %NULL for 0 or an unknown id
 */
const char *
linli_record_names_lookup (LinliRecordNames *self,
                           gint64            id)
{
  g_return_val_if_fail (LINLI_IS_RECORD_NAMES (self), NULL);

  return id != 0 ? g_hash_table_lookup (self->names, &id) : NULL;
}

/**
 * linli_record_names_join:
 * @ids: (nullable): a #GArray of gint64
 *
 * Returns: (transfer full): the names of @ids in order, joined by the
 *   locale's list separator
 */
char *
linli_record_names_join (LinliRecordNames *self,
                         GArray           *ids)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (LINLI_IS_RECORD_NAMES (self), NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *name = linli_record_names_lookup (self, g_array_index (ids, gint64, i));
      if (name != NULL)
        g_strv_builder_add (names, name);
    }
  strv = g_strv_builder_end (names);
  /* TRANSLATORS: separates the names in a list, such as a grid's workers */
  return g_strjoinv (_(", "), strv);
}

/**
 * linli_record_names_get_model:
 *
 * Returns: (transfer none): the records themselves, in their natural order
 */
GListModel *
linli_record_names_get_model (LinliRecordNames *self)
{
  g_return_val_if_fail (LINLI_IS_RECORD_NAMES (self), NULL);
  return self->records;
}
