/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "linli-bench-clock.h"
#include "linli-bench-coverage.h"
#include "linli-coverage.h"

/* A 10 × 10 block of grids of 200 vertices each, every one drawn a little
 * larger than its cell, as hand-traced outlines are: each overlaps its
 * eight neighbours, so every pair the bounding boxes let through is
 * measured in full. Buildings are scattered over the block and a margin
 * around it, where some lie in no grid. */

#define GRID_SIDE     10
#define GRID_VERTICES 200
#define N_BUILDINGS   2000
#define LAT0          35.4150
#define LON0          116.5870
#define SPAN_LON      0.0140
#define SPAN_LAT      0.0075
#define SEED          20260102
#define RUNS          5

static void
add_grids (LinliCoverage *coverage,
           GRand         *rand)
{
  double w = SPAN_LON / GRID_SIDE, h = SPAN_LAT / GRID_SIDE;
  LinliPoint ring[GRID_VERTICES];

  for (guint gy = 0; gy < GRID_SIDE; gy++)
    for (guint gx = 0; gx < GRID_SIDE; gx++)
      {
        double x0 = LON0 - SPAN_LON / 2 + gx * w, y0 = LAT0 - SPAN_LAT / 2 + gy * h;
        g_autoptr(LinliGeometry) outline = NULL;

        for (guint k = 0; k < GRID_VERTICES; k++)
          {
            double t = (double) k / GRID_VERTICES * 4, x, y;
            double jitter = g_rand_double_range (rand, -0.02, 0.02);

            if (t < 1)      { x = t;          y = jitter; }
            else if (t < 2) { x = 1 + jitter; y = t - 1; }
            else if (t < 3) { x = 3 - t;      y = 1 + jitter; }
            else            { x = jitter;     y = 4 - t; }
            /* 6% larger than the cell on every side. */
            ring[k].lon = x0 + w * (-0.06 + 1.12 * x);
            ring[k].lat = y0 + h * (-0.06 + 1.12 * y);
          }
        outline = linli_geometry_new_from_ring (ring, GRID_VERTICES);
        linli_coverage_add_grid (coverage, gy * GRID_SIDE + gx + 1, outline);
      }
}

gboolean
linli_bench_grid_check_ms (double  *value,
                           GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(LinliCoverage) coverage = linli_coverage_new ();
  double best = G_MAXDOUBLE;

  add_grids (coverage, rand);
  for (guint i = 0; i < N_BUILDINGS; i++)
    {
      LinliPoint p = { LON0 + g_rand_double_range (rand, -0.6, 0.6) * SPAN_LON,
                       LAT0 + g_rand_double_range (rand, -0.6, 0.6) * SPAN_LAT };
      linli_coverage_add_building (coverage, i + 1, p);
    }

  /* The best of a few runs: the check is run by hand, on a quiet machine. */
  for (guint run = 0; run < RUNS; run++)
    {
      LinliBenchStamp start = linli_bench_stamp ();
      linli_coverage_run (coverage);
      best = MIN (best, linli_bench_ms_since (start));
    }

  /* Neighbours across and down overlap, and diagonal ones at the corners. */
  if (linli_coverage_get_n_overlaps (coverage) < 2 * GRID_SIDE * (GRID_SIDE - 1) ||
      linli_coverage_get_n_gaps (coverage) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%u overlaps and %u buildings in no grid",
                   linli_coverage_get_n_overlaps (coverage), linli_coverage_get_n_gaps (coverage));
      return FALSE;
    }
  *value = best;
  return TRUE;
}
