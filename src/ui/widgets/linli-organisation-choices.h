/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-choices-row.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The organisations of a field with several, such as an activity's
 * partners, in a LinliChoicesRow: new ones among them until the record is
 * saved. */

typedef struct _LinliOrganisationChoices LinliOrganisationChoices;

LinliOrganisationChoices *linli_organisation_choices_new    (LinliStore               *store,
                                                             LinliChoicesRow          *row,
                                                             GArray                   *chosen);
void                      linli_organisation_choices_free   (LinliOrganisationChoices *self);
void                      linli_organisation_choices_set_refs (LinliOrganisationChoices *self,
                                                               LinliRecord              *record,
                                                               const char               *column);
GPtrArray                *linli_organisation_choices_get_added (LinliOrganisationChoices *self);
gboolean                  linli_organisation_choices_changed (LinliOrganisationChoices *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliOrganisationChoices, linli_organisation_choices_free)

G_END_DECLS
