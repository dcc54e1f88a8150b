/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-coverage.h"
#include "linli-outline-edit.h"

G_BEGIN_DECLS

#define LINLI_TYPE_OUTLINE_EDIT_LAYER (linli_outline_edit_layer_get_type ())

G_DECLARE_FINAL_TYPE (LinliOutlineEditLayer, linli_outline_edit_layer, LINLI, OUTLINE_EDIT_LAYER, ShumateLayer)

/* How near a point or an edge the pointer must be to take it, in pixels. */
#define LINLI_OUTLINE_EDIT_LAYER_TOLERANCE_PX 8.0

LinliOutlineEditLayer *linli_outline_edit_layer_new          (ShumateViewport    *viewport,
                                                        LinliOutlineEdit      *edit);
void                linli_outline_edit_layer_listen       (LinliOutlineEditLayer *self,
                                                        GtkWidget          *widget);
void                linli_outline_edit_layer_unlisten     (LinliOutlineEditLayer *self);
void                linli_outline_edit_layer_add_child    (LinliOutlineEditLayer *self,
                                                        GtkWidget          *child);
void                linli_outline_edit_layer_set_coverage (LinliOutlineEditLayer *self,
                                                        LinliCoverage      *coverage);
void                linli_outline_edit_layer_set_highlight (LinliOutlineEditLayer *self,
                                                         int                 problem);
double              linli_outline_edit_layer_tolerance_m  (LinliOutlineEditLayer *self,
                                                        double              x,
                                                        double              y);
gboolean            linli_outline_edit_layer_is_busy      (LinliOutlineEditLayer *self);
void                linli_outline_edit_layer_click        (LinliOutlineEditLayer *self,
                                                        int                 n_press,
                                                        double              x,
                                                        double              y);

G_END_DECLS
