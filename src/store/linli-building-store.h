/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Buildings (楼栋) kept by hand: placed on the map, they take the
 * management grid they stand in; deleting one can be undone, with the
 * cases that named it. */

typedef struct _LinliBuildingDeletion LinliBuildingDeletion;

gboolean               linli_building_save            (LinliStore             *store,
                                                       LinliRecord            *building,
                                                       GError                **error);
LinliBuildingDeletion *linli_building_delete          (LinliStore             *store,
                                                       gint64                  building_id,
                                                       GError                **error);
gboolean               linli_building_deletion_undo   (LinliStore             *store,
                                                       LinliBuildingDeletion  *deletion,
                                                       GError                **error);
const char            *linli_building_deletion_get_name (LinliBuildingDeletion *deletion);
void                   linli_building_deletion_free   (LinliBuildingDeletion  *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliBuildingDeletion, linli_building_deletion_free)

G_END_DECLS
