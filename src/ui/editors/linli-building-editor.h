/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_BUILDING_EDITOR (linli_building_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliBuildingEditor, linli_building_editor, LINLI, BUILDING_EDITOR, AdwWindow)

LinliBuildingEditor *linli_building_editor_new (GtkWindow   *parent,
                                                LinliStore  *store,
                                                LinliRecord *building_or_null);

G_END_DECLS
