/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-coverage"

#include "config.h"

#include <math.h>

#include "linli-coverage.h"

typedef struct
{
  gint64         id;
  LinliGeometry *outline;
  LinliBounds    bounds;
} Grid;

struct _LinliCoverage
{
  GArray *grids;      /* Grid, in the order added */
  GArray *buildings;  /* LinliCoverageGap: every building given */
  GArray *overlaps;   /* LinliCoverageOverlap */
  GArray *gaps;       /* LinliCoverageGap */
};

static void
grid_clear (gpointer data)
{
  Grid *grid = data;
  g_clear_pointer (&grid->outline, linli_geometry_free);
}

LinliCoverage *
linli_coverage_new (void)
{
  LinliCoverage *self = g_new0 (LinliCoverage, 1);

  self->grids = g_array_new (FALSE, TRUE, sizeof (Grid));
  g_array_set_clear_func (self->grids, grid_clear);
  self->buildings = g_array_new (FALSE, FALSE, sizeof (LinliCoverageGap));
  self->overlaps = g_array_new (FALSE, FALSE, sizeof (LinliCoverageOverlap));
  self->gaps = g_array_new (FALSE, FALSE, sizeof (LinliCoverageGap));
  return self;
}

void
linli_coverage_free (LinliCoverage *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->grids);
  g_array_unref (self->buildings);
  g_array_unref (self->overlaps);
  g_array_unref (self->gaps);
  g_free (self);
}

/* Adds a management grid; @outline is copied. */
void
linli_coverage_add_grid (LinliCoverage       *self,
                         gint64               id,
                         const LinliGeometry *outline)
{
  Grid grid = { id, linli_geometry_new (), { 0 } };

  g_return_if_fail (self != NULL);
  g_return_if_fail (outline != NULL);

  for (guint r = 0; r < linli_geometry_get_n_rings (outline); r++)
    {
      guint n;
      gboolean is_hole;
      const LinliPoint *points = linli_geometry_get_ring (outline, r, &n, &is_hole);
      linli_geometry_add_ring (grid.outline, is_hole, points, n);
    }
  grid.bounds = linli_geometry_get_bounds (grid.outline);
  g_array_append_val (self->grids, grid);
}

void
linli_coverage_add_building (LinliCoverage *self,
                             gint64         id,
                             LinliPoint     location)
{
  LinliCoverageGap building = { id, location };

  g_return_if_fail (self != NULL);

  if (isfinite (location.lon) && isfinite (location.lat))
    g_array_append_val (self->buildings, building);
}

/* Finds the overlaps and the buildings outside every grid. */
void
linli_coverage_run (LinliCoverage *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->overlaps, 0);
  g_array_set_size (self->gaps, 0);

  for (guint i = 0; i < self->grids->len; i++)
    {
      const Grid *a = &g_array_index (self->grids, Grid, i);

      for (guint j = i + 1; j < self->grids->len; j++)
        {
          const Grid *b = &g_array_index (self->grids, Grid, j);
          LinliCoverageOverlap overlap;

          if (!linli_bounds_intersect (&a->bounds, &b->bounds))
            continue;
          overlap.area_m2 = linli_geometry_overlap_area_m2 (a->outline, b->outline, &overlap.point);
          if (overlap.area_m2 < LINLI_COVERAGE_MIN_OVERLAP_M2)
            continue;
          overlap.grid_a = MIN (a->id, b->id);
          overlap.grid_b = MAX (a->id, b->id);
          g_array_append_val (self->overlaps, overlap);
        }
    }

  for (guint k = 0; k < self->buildings->len; k++)
    {
      const LinliCoverageGap *building = &g_array_index (self->buildings, LinliCoverageGap, k);
      gboolean covered = FALSE;

      for (guint i = 0; i < self->grids->len && !covered; i++)
        {
          const Grid *grid = &g_array_index (self->grids, Grid, i);
          covered = building->point.lon >= grid->bounds.min_lon &&
                    building->point.lon <= grid->bounds.max_lon &&
                    building->point.lat >= grid->bounds.min_lat &&
                    building->point.lat <= grid->bounds.max_lat &&
                    linli_geometry_contains (grid->outline, building->point.lon, building->point.lat);
        }
      if (!covered)
        g_array_append_val (self->gaps, *building);
    }
}

guint
linli_coverage_get_n_overlaps (LinliCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->overlaps->len;
}

const LinliCoverageOverlap *
linli_coverage_get_overlap (LinliCoverage *self,
                            guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->overlaps->len, NULL);
  return &g_array_index (self->overlaps, LinliCoverageOverlap, index);
}

guint
linli_coverage_get_n_gaps (LinliCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->gaps->len;
}

const LinliCoverageGap *
linli_coverage_get_gap (LinliCoverage *self,
                        guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->gaps->len, NULL);
  return &g_array_index (self->gaps, LinliCoverageGap, index);
}

/* Returns: (transfer none) (nullable): the outline of a grid that was checked */
const LinliGeometry *
linli_coverage_get_outline (LinliCoverage *self,
                            gint64         grid)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->grids->len; i++)
    if (g_array_index (self->grids, Grid, i).id == grid)
      return g_array_index (self->grids, Grid, i).outline;
  return NULL;
}
