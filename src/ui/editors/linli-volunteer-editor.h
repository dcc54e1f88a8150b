/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_VOLUNTEER_EDITOR (linli_volunteer_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliVolunteerEditor, linli_volunteer_editor, LINLI, VOLUNTEER_EDITOR, AdwWindow)

LinliVolunteerEditor *linli_volunteer_editor_new (GtkWindow   *parent,
                                                  LinliStore  *store,
                                                  LinliRecord *volunteer);

G_END_DECLS
