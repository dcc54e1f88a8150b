/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_PROPERTIES_DIALOG (linli_grid_properties_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridPropertiesDialog, linli_grid_properties_dialog,
                      LINLI, GRID_PROPERTIES_DIALOG, AdwWindow)

LinliGridPropertiesDialog *linli_grid_properties_dialog_new (LinliStore *store,
                                                             LinliGrid  *grid,
                                                             const char *boundary);
guint                      linli_grid_properties_dialog_get_n_moved (LinliGridPropertiesDialog *self);
gboolean                   linli_grid_properties_dialog_save (LinliGridPropertiesDialog *self,
                                                              GError                   **error);

G_END_DECLS
