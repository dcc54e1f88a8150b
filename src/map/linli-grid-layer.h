/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-point-layer.h"
#include "linli-record-names.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_LAYER (linli_grid_layer_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridLayer, linli_grid_layer, LINLI, GRID_LAYER, ShumateLayer)

LinliGridLayer *linli_grid_layer_new           (ShumateViewport  *viewport);
void            linli_grid_layer_set_grids     (LinliGridLayer   *self,
                                                GListModel       *grids);
void            linli_grid_layer_set_workers   (LinliGridLayer   *self,
                                                LinliRecordNames *workers);
guint           linli_grid_layer_get_n_drawn   (LinliGridLayer   *self);
gint64          linli_grid_layer_grid_at       (LinliGridLayer   *self,
                                                double            latitude,
                                                double            longitude);
void            linli_grid_layer_locate        (LinliGridLayer   *self,
                                                double            latitude,
                                                double            longitude,
                                                gint64           *management,
                                                gint64           *sentiment);
void            linli_grid_layer_set_selected  (LinliGridLayer   *self,
                                                gint64            grid_id);
gint64          linli_grid_layer_get_selected  (LinliGridLayer   *self);
guint           linli_grid_layer_get_n_tiles_drawn (LinliGridLayer *self);
ShumateLayer   *linli_grid_layer_get_label_layer (LinliGridLayer *self);
void            linli_grid_layer_set_top_inset (LinliGridLayer   *self,
                                                double            inset);
double          linli_grid_layer_get_top_inset (LinliGridLayer   *self);
void            linli_grid_layer_avoid         (LinliGridLayer   *self,
                                                LinliPointLayer  *points);

G_END_DECLS
