/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* What a layer draws, kept as images of square tiles of the world at the
 * current zoom level. Panning only moves images already drawn and draws
 * the tiles that come into view; a new zoom level, or new content, draws
 * again. Coordinates are "world pixels": the projection of the viewport's
 * map source at the zoom level, the same at every position of the view. */

#define LINLI_TILE_SIZE 256

/* Draws the world rectangle at (x, y), LINLI_TILE_SIZE wide, into @cr,
 * which is set up in world pixels. Returns FALSE if nothing is there. */
typedef gboolean (*LinliTileDrawFunc) (cairo_t  *cr,
                                       double    zoom,
                                       double    x,
                                       double    y,
                                       gpointer  user_data);

typedef struct _LinliTileCache LinliTileCache;

LinliTileCache *linli_tile_cache_new        (LinliTileDrawFunc draw,
                                             gpointer          user_data);
void            linli_tile_cache_free       (LinliTileCache   *self);
void            linli_tile_cache_invalidate (LinliTileCache   *self);
void            linli_tile_cache_refresh    (LinliTileCache   *self);
void            linli_tile_cache_snapshot   (LinliTileCache   *self,
                                             GtkSnapshot      *snapshot,
                                             GtkWidget        *widget,
                                             ShumateViewport  *viewport);
guint           linli_tile_cache_get_n_drawn (LinliTileCache  *self);
double          linli_tile_cache_get_shown_zoom (LinliTileCache *self);

double          linli_world_tile_size       (ShumateViewport  *viewport);
/* The world pixels of a place, and the reverse, at @zoom. */
void            linli_world_from_location   (ShumateViewport  *viewport,
                                             double            zoom,
                                             double            lat,
                                             double            lon,
                                             double           *x,
                                             double           *y);
void            linli_location_from_world   (ShumateViewport  *viewport,
                                             double            zoom,
                                             double            x,
                                             double            y,
                                             double           *lat,
                                             double           *lon);
/* The world pixel at the widget's origin, before any rotation. */
void            linli_world_origin          (ShumateViewport  *viewport,
                                             GtkWidget        *widget,
                                             double           *x,
                                             double           *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliTileCache, linli_tile_cache_free)

G_END_DECLS
