/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"
#include "linli-event-editor-util.h"

/* New organisations have negative keys, -1 for the first; they are stored
 * by linli_organisation_choices_write() inside the editor's transaction,
 * and only if they are still chosen. */
struct _LinliOrganisationChoices
{
  LinliStore      *store;
  LinliChoicesRow *row;
  GArray          *initial;   /* the keys chosen at first */
  GPtrArray       *added;     /* LinliOrganisation not stored yet */
  gulong           add_id;
};

static void
add_cb (LinliChoicesRow          *row,
        const char               *name,
        LinliOrganisationChoices *self)
{
  LinliRecord *organisation = linli_record_new (LINLI_TYPE_ORGANISATION);

  linli_record_set_text (organisation, "name", name);
  g_ptr_array_add (self->added, organisation);
  linli_choices_row_add (row, -(gint64) self->added->len, name, TRUE);
}

/**
 * linli_organisation_choices_new:
 * @chosen: (nullable): the ids chosen now
 */
LinliOrganisationChoices *
linli_organisation_choices_new (LinliStore      *store,
                                LinliChoicesRow *row,
                                GArray          *chosen)
{
  LinliOrganisationChoices *self = g_new0 (LinliOrganisationChoices, 1);
  g_autoptr(GListModel) all = linli_store_list (store, LINLI_TYPE_ORGANISATION);

  self->store = g_object_ref (store);
  self->row = g_object_ref (row);
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->initial = chosen ? g_array_copy (chosen) : g_array_new (FALSE, FALSE, sizeof (gint64));

  linli_choices_row_clear (row);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LinliRecord) organisation = g_list_model_get_item (all, i);
      gint64 id = linli_record_get_id (organisation);
      gboolean active = FALSE;

      for (guint j = 0; j < self->initial->len; j++)
        active |= g_array_index (self->initial, gint64, j) == id;
      linli_choices_row_add (row, id, linli_record_get_text (organisation, "name"), active);
    }
  self->add_id = g_signal_connect (row, "add", G_CALLBACK (add_cb), self);
  return self;
}

void
linli_organisation_choices_free (LinliOrganisationChoices *self)
{
  g_clear_signal_handler (&self->add_id, self->row);
  g_object_unref (self->store);
  g_object_unref (self->row);
  g_array_unref (self->initial);
  g_ptr_array_unref (self->added);
  g_free (self);
}

/* Stores the new organisations still chosen and sets @column of @record to
 * the ids chosen. Call inside a transaction; on failure, roll it back and
 * call linli_organisation_choices_undo(). */
gboolean
linli_organisation_choices_write (LinliOrganisationChoices *self,
                                  LinliRecord              *record,
                                  const char               *column,
                                  GError                  **error)
{
  g_autoptr(GArray) keys = linli_choices_row_dup_keys (self->row);

  for (guint i = 0; i < keys->len; i++)
    {
      gint64 *key = &g_array_index (keys, gint64, i);
      LinliRecord *organisation;

      if (*key > 0)
        continue;
      organisation = g_ptr_array_index (self->added, (guint) (-*key - 1));
      if (linli_record_get_id (organisation) == 0 &&
          !linli_store_insert (self->store, organisation, error))
        return FALSE;
      *key = linli_record_get_id (organisation);
    }
  linli_record_set_refs (record, column, (const gint64 *) (gpointer) keys->data, keys->len);
  return TRUE;
}

/* After a failed write: the new organisations are new again. */
void
linli_organisation_choices_undo (LinliOrganisationChoices *self)
{
  for (guint i = 0; i < self->added->len; i++)
    linli_record_set_id (g_ptr_array_index (self->added, i), 0);
}

gboolean
linli_organisation_choices_changed (LinliOrganisationChoices *self)
{
  g_autoptr(GArray) keys = linli_choices_row_dup_keys (self->row);

  if (keys->len != self->initial->len)
    return TRUE;
  for (guint i = 0; i < keys->len; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < self->initial->len; j++)
        found |= g_array_index (keys, gint64, i) == g_array_index (self->initial, gint64, j);
      if (!found)
        return TRUE;
    }
  return FALSE;
}

void
linli_event_count_set (GtkEditable *editable,
                       gint64       count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_editable_set_text (editable, text);
}

/* Remembers the text @editable shows now as the text loaded into it. */
void
linli_event_field_mark_loaded (GtkEditable *editable)
{
  g_object_set_data_full (G_OBJECT (editable), "loaded", g_strdup (gtk_editable_get_text (editable)), g_free);
}

void
linli_event_field_set_loaded_text (GtkEditable *editable,
                                   const char  *text)
{
  linli_case_field_set_text (editable, text);
  linli_event_field_mark_loaded (editable);
}

/* Adds to @touched each of @entries whose text differs from what was loaded. */
void
linli_event_fields_add_touched (GtkEditable * const *entries,
                                guint               n_entries,
                                GHashTable         *touched)
{
  for (guint i = 0; i < n_entries; i++)
    if (g_strcmp0 (gtk_editable_get_text (entries[i]),
                   g_object_get_data (G_OBJECT (entries[i]), "loaded")) != 0)
      g_hash_table_add (touched, entries[i]);
}
