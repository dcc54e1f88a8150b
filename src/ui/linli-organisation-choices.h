/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-choices-row.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* What the activity and outreach editors share: the organisations of a
 * field with several, new ones among them until Save stores them, the
 * text of a count field, and the text loaded into a field, which tells
 * whether it was touched. */

typedef struct _LinliOrganisationChoices LinliOrganisationChoices;

LinliOrganisationChoices *linli_organisation_choices_new    (LinliStore               *store,
                                                             LinliChoicesRow          *row,
                                                             GArray                   *chosen);
void                      linli_organisation_choices_free   (LinliOrganisationChoices *self);
gboolean                  linli_organisation_choices_write  (LinliOrganisationChoices *self,
                                                             LinliRecord              *record,
                                                             const char               *column,
                                                             GError                  **error);
void                      linli_organisation_choices_undo   (LinliOrganisationChoices *self);
gboolean                  linli_organisation_choices_changed (LinliOrganisationChoices *self);

void                      linli_event_count_set             (GtkEditable              *editable,
                                                             gint64                    count);

void                      linli_event_field_mark_loaded     (GtkEditable              *editable);
void                      linli_event_field_set_loaded_text (GtkEditable              *editable,
                                                             const char               *text);
void                      linli_event_fields_add_touched    (GtkEditable * const      *entries,
                                                             guint                     n_entries,
                                                             GHashTable               *touched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliOrganisationChoices, linli_organisation_choices_free)

G_END_DECLS
