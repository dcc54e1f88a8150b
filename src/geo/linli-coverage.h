/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "linli-geometry.h"

G_BEGIN_DECLS

/* "Check grids" (全覆盖): management grids should cover the community once,
 * without overlaps and without gaps where people live. Finds the pairs of
 * grids that overlap and the buildings that lie in no grid. Pure logic. */

/* Overlaps smaller than this are rounding along a shared edge. */
#define LINLI_COVERAGE_MIN_OVERLAP_M2 1.0

typedef struct
{
  gint64     grid_a;    /* the lower id of the two */
  gint64     grid_b;
  double     area_m2;
  LinliPoint point;     /* a point inside the overlap, to show it */
} LinliCoverageOverlap;

typedef struct
{
  gint64     building;
  LinliPoint point;
} LinliCoverageGap;

typedef struct _LinliCoverage LinliCoverage;

LinliCoverage *linli_coverage_new              (void);
void           linli_coverage_free             (LinliCoverage       *self);
void           linli_coverage_add_grid         (LinliCoverage       *self,
                                                gint64               id,
                                                const LinliGeometry *outline);
void           linli_coverage_add_building     (LinliCoverage       *self,
                                                gint64               id,
                                                LinliPoint           location);
void           linli_coverage_run              (LinliCoverage       *self);

guint          linli_coverage_get_n_overlaps   (LinliCoverage       *self);
const LinliCoverageOverlap *linli_coverage_get_overlap (LinliCoverage *self,
                                                guint                index);
guint          linli_coverage_get_n_gaps       (LinliCoverage       *self);
const LinliCoverageGap *linli_coverage_get_gap (LinliCoverage       *self,
                                                guint                index);
const LinliGeometry *linli_coverage_get_outline (LinliCoverage      *self,
                                                gint64               grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCoverage, linli_coverage_free)

G_END_DECLS
