/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-coverage.h"
#include "linli-grid-edit.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRID_EDIT_LAYER (linli_grid_edit_layer_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridEditLayer, linli_grid_edit_layer, LINLI, GRID_EDIT_LAYER, ShumateLayer)

/* How near a point or an edge the pointer must be to take it, in pixels. */
#define LINLI_GRID_EDIT_LAYER_TOLERANCE_PX 8.0

LinliGridEditLayer *linli_grid_edit_layer_new          (ShumateViewport    *viewport,
                                                        LinliGridEdit      *edit);
void                linli_grid_edit_layer_listen       (LinliGridEditLayer *self,
                                                        GtkWidget          *widget);
void                linli_grid_edit_layer_unlisten     (LinliGridEditLayer *self);
void                linli_grid_edit_layer_add_child    (LinliGridEditLayer *self,
                                                        GtkWidget          *child);
void                linli_grid_edit_layer_set_coverage (LinliGridEditLayer *self,
                                                        LinliCoverage      *coverage);
void                linli_grid_edit_layer_set_highlight (LinliGridEditLayer *self,
                                                         int                 problem);
double              linli_grid_edit_layer_tolerance_m  (LinliGridEditLayer *self,
                                                        double              x,
                                                        double              y);
gboolean            linli_grid_edit_layer_is_busy      (LinliGridEditLayer *self);
void                linli_grid_edit_layer_click        (LinliGridEditLayer *self,
                                                        int                 n_press,
                                                        double              x,
                                                        double              y);

G_END_DECLS
