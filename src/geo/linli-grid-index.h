/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "linli-geometry.h"

G_BEGIN_DECLS

/* Which management grid and which public sentiment grid hold a location.
 * Gives the same answer as linli_geometry_contains() on each grid in the
 * order they were added, the first that holds it winning, only faster. */

/* The two kinds of grid the index keeps apart. A @kind below is the store's
 * LinliGridKind, which numbers them the same way (linli-enums.c checks). */
enum {
  LINLI_GRID_INDEX_MANAGEMENT = 0,
  LINLI_GRID_INDEX_SENTIMENT = 1,
};

typedef struct _LinliGridIndex LinliGridIndex;

LinliGridIndex *linli_grid_index_new    (void);
void            linli_grid_index_free   (LinliGridIndex      *self);

/* Copies what it needs of @geometry. */
void            linli_grid_index_add    (LinliGridIndex      *self,
                                         gint64               grid_id,
                                         guint                kind,
                                         const LinliGeometry *geometry);
guint           linli_grid_index_get_n_grids (const LinliGridIndex *self);

/* The id of the grid of @kind that holds the place, or 0. Not thread-safe
 * on the first call after an add, which builds the buckets. */
gint64          linli_grid_index_lookup (LinliGridIndex      *self,
                                         guint                kind,
                                         double               lon,
                                         double               lat);
void            linli_grid_index_locate (LinliGridIndex      *self,
                                         double               lon,
                                         double               lat,
                                         gint64              *management,
                                         gint64              *sentiment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliGridIndex, linli_grid_index_free)

G_END_DECLS
