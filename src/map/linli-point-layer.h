/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-map-points.h"
#include "linli-point-set.h"

G_BEGIN_DECLS

#define LINLI_TYPE_POINT_LAYER (linli_point_layer_get_type ())

G_DECLARE_FINAL_TYPE (LinliPointLayer, linli_point_layer, LINLI, POINT_LAYER, ShumateLayer)

LinliPointLayer     *linli_point_layer_new        (ShumateViewport     *viewport,
                                                   LinliMapPointKind    kind);
void                 linli_point_layer_set_points (LinliPointLayer     *self,
                                                   GArray              *points);
void                 linli_point_layer_set_point_set (LinliPointLayer  *self,
                                                      LinliPointSet    *set);
guint                linli_point_layer_get_n_points (LinliPointLayer   *self);
const LinliMapPoint *linli_point_layer_hit        (LinliPointLayer     *self,
                                                   double               x,
                                                   double               y,
                                                   guint               *count,
                                                   double              *latitude,
                                                   double              *longitude);
GPtrArray           *linli_point_layer_hit_members (LinliPointLayer    *self,
                                                    double              x,
                                                    double              y,
                                                    int                *status,
                                                    gboolean           *overdue,
                                                    double             *spread);
guint                linli_point_layer_get_n_shown (LinliPointLayer    *self);
void                 linli_point_layer_set_top_inset (LinliPointLayer  *self,
                                                      double            inset);
const double        *linli_point_layer_get_symbols (LinliPointLayer    *self,
                                                    double             *zoom,
                                                    guint              *n_symbols,
                                                    guint              *stamp);

void                 linli_point_symbol_draw      (cairo_t             *cr,
                                                   GtkWidget           *widget,
                                                   LinliMapPointKind    kind,
                                                   int                  status,
                                                   guint                count,
                                                   gboolean             overdue);
double               linli_point_symbol_radius    (LinliMapPointKind    kind,
                                                   guint                count,
                                                   gboolean             overdue);

G_END_DECLS
