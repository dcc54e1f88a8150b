/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-outline-edit.h"
#include "linli-map-view.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_DRAWING (linli_grid_drawing_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridDrawing, linli_grid_drawing, LINLI, GRID_DRAWING, GObject)

LinliGridDrawing *linli_grid_drawing_new       (LinliMapView    *view,
                                              LinliStore      *store);
LinliOutlineEdit   *linli_grid_drawing_get_edit  (LinliGridDrawing *self);
GtkWidget       *linli_grid_drawing_get_layer (LinliGridDrawing *self);
const char      *linli_grid_drawing_get_message (LinliGridDrawing *self);

G_END_DECLS
