/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "linli-map-points.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_MAP_VIEW (linli_map_view_get_type ())

G_DECLARE_FINAL_TYPE (LinliMapView, linli_map_view, LINLI, MAP_VIEW, GtkWidget)

void        linli_map_view_set_store    (LinliMapView *self,
                                         LinliStore   *store);
void        linli_map_view_set_base_map (LinliMapView   *self,
                                         LinliCommunity *community);
void        linli_map_view_set_pin      (LinliMapView *self,
                                         double        latitude,
                                         double        longitude);
void        linli_map_view_center_on    (LinliMapView *self,
                                         double        latitude,
                                         double        longitude,
                                         double        zoom);
void        linli_map_view_show_bounds  (LinliMapView *self,
                                         double        min_lat,
                                         double        min_lon,
                                         double        max_lat,
                                         double        max_lon);
void        linli_map_view_move_building (LinliMapView *self,
                                          gint64        building_id,
                                          double        latitude,
                                          double        longitude);
guint       linli_map_view_get_n_grids_drawn (LinliMapView *self);

ShumateMap      *linli_map_view_get_map      (LinliMapView *self);
ShumateViewport *linli_map_view_get_viewport (LinliMapView *self);
void             linli_map_view_add_overlay  (LinliMapView *self,
                                              ShumateLayer *layer);

void             linli_map_view_click        (LinliMapView *self,
                                              double        x,
                                              double        y);
gint64           linli_map_view_get_selected_grid (LinliMapView *self);
gboolean         linli_map_view_is_loading_points (LinliMapView *self);
GtkWidget       *linli_map_view_get_grid_panel    (LinliMapView *self);
GtkWidget       *linli_map_view_get_point_popover (LinliMapView *self);
ShumateLayer    *linli_map_view_get_point_layer   (LinliMapView      *self,
                                                   LinliMapPointKind  kind);
ShumateLayer    *linli_map_view_get_grid_layer    (LinliMapView *self);

G_END_DECLS
