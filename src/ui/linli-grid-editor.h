/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-grid-edit.h"
#include "linli-map-view.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_EDITOR (linli_grid_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridEditor, linli_grid_editor, LINLI, GRID_EDITOR, GObject)

LinliGridEditor *linli_grid_editor_new       (LinliMapView    *view,
                                              LinliStore      *store);
LinliGridEdit   *linli_grid_editor_get_edit  (LinliGridEditor *self);
GtkWidget       *linli_grid_editor_get_layer (LinliGridEditor *self);
const char      *linli_grid_editor_get_message (LinliGridEditor *self);

G_END_DECLS
