/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-organisation-choices"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-organisation-choices.h"

/* New organisations have negative keys, -1 for the first, in the row as
 * in the record: the store call that saves the record stores those still
 * chosen (linli_store_save_activity(), linli_store_save_outreach()). */
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

/* Sets @column of @record to the keys chosen, new ones negative. */
void
linli_organisation_choices_set_refs (LinliOrganisationChoices *self,
                                     LinliRecord              *record,
                                     const char               *column)
{
  g_autoptr(GArray) keys = linli_choices_row_dup_keys (self->row);

  linli_record_set_refs (record, column, (const gint64 *) (gpointer) keys->data, keys->len);
}

/**
 * linli_organisation_choices_get_added:
 *
 * Returns: (transfer none) (element-type LinliOrganisation): the
 *   organisations added, not stored yet: -1 is the first
 */
GPtrArray *
linli_organisation_choices_get_added (LinliOrganisationChoices *self)
{
  return self->added;
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
