/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-choices-row.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* What the activity and outreach editors share: the organisations of a
 * field with several, new ones among them until Save stores them, and
 * the text of a count field. */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliOrganisationChoices, linli_organisation_choices_free)

G_END_DECLS
