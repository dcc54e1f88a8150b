/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_PANEL (linli_grid_panel_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridPanel, linli_grid_panel, LINLI, GRID_PANEL, GtkWidget)

void        linli_grid_panel_show      (LinliGridPanel *self,
                                        LinliStore     *store,
                                        LinliGrid      *grid);
gint64      linli_grid_panel_get_grid_id (LinliGridPanel *self);
const char *linli_grid_panel_get_value (LinliGridPanel *self,
                                        const char     *row);
void        linli_grid_panel_set_sheet (LinliGridPanel *self,
                                        int             width,
                                        int             max_height);

G_END_DECLS
