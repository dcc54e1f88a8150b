/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-coverage-records.h"
#include "linli-records.h"

/* "Check grids": overlaps between management grids and buildings in none. */

#define LON0 116.587
#define LAT0 35.415
#define STEP 0.001

static char *
square_geojson (double x,
                double y,
                double size)
{
  const LinliPoint ring[] = {
    { LON0 + x * STEP, LAT0 + y * STEP },
    { LON0 + (x + size) * STEP, LAT0 + y * STEP },
    { LON0 + (x + size) * STEP, LAT0 + (y + size) * STEP },
    { LON0 + x * STEP, LAT0 + (y + size) * STEP },
  };
  g_autoptr(LinliGeometry) geometry = linli_geometry_new_from_ring (ring, G_N_ELEMENTS (ring));
  return linli_geometry_to_geojson (geometry);
}

static void
add_grid (GListStore    *grids,
          gint64         id,
          LinliGridKind  kind,
          const char    *boundary)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_id (grid, id);
  linli_record_set_enum (grid, "kind", kind);
  linli_record_set_text (grid, "boundary", boundary);
  g_list_store_append (grids, grid);
}

static void
add_building (GListStore *buildings,
              gint64      id,
              double      x,
              double      y)
{
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);

  linli_record_set_id (building, id);
  linli_record_set_double (building, "lon", isnan (x) ? NAN : LON0 + x * STEP);
  linli_record_set_double (building, "lat", isnan (y) ? NAN : LAT0 + y * STEP);
  g_list_store_append (buildings, building);
}

static void
test_records (void)
{
  g_autoptr(GListStore) grids = g_list_store_new (LINLI_TYPE_GRID);
  g_autoptr(GListStore) buildings = g_list_store_new (LINLI_TYPE_BUILDING);
  g_autoptr(LinliCoverage) coverage = NULL;
  g_autofree char *a = square_geojson (0, 0, 10);
  g_autofree char *b = square_geojson (10, 0, 10);    /* beside a: no overlap */
  g_autofree char *c = square_geojson (15, 5, 10);    /* overlaps b by 5 × 5 */
  g_autofree char *d = square_geojson (-5, -5, 40);   /* a sentiment grid over all */
  g_autofree char *e = square_geojson (100, 100, 1);  /* far away */
  const LinliCoverageOverlap *overlap;
  const LinliCoverageGap *gap;
  double unit_m2 = (6371008.8 * G_PI / 180 * STEP) *
                   (6371008.8 * cos (LAT0 * G_PI / 180) * G_PI / 180 * STEP);

  add_grid (grids, 1, LINLI_GRID_KIND_MANAGEMENT, a);
  add_grid (grids, 7, LINLI_GRID_KIND_MANAGEMENT, c);
  add_grid (grids, 3, LINLI_GRID_KIND_MANAGEMENT, b);
  add_grid (grids, 4, LINLI_GRID_KIND_SENTIMENT, d);
  add_grid (grids, 5, LINLI_GRID_KIND_MANAGEMENT, NULL);
  add_grid (grids, 6, LINLI_GRID_KIND_MANAGEMENT, "{\"type\":\"Point\"}");
  add_grid (grids, 8, LINLI_GRID_KIND_MANAGEMENT, e);

  add_building (buildings, 10, 5, 5);       /* in a */
  add_building (buildings, 11, 12, 2);      /* in b */
  add_building (buildings, 12, 30, 30);     /* only in the sentiment grid */
  add_building (buildings, 13, NAN, NAN);   /* no location: not checked */
  add_building (buildings, 14, 5, 12);      /* above a, in nothing */
  add_building (buildings, 15, 20, 12);     /* in c */

  coverage = linli_coverage_check_records (G_LIST_MODEL (grids), G_LIST_MODEL (buildings));

  g_assert_cmpuint (linli_coverage_get_n_overlaps (coverage), ==, 1);
  overlap = linli_coverage_get_overlap (coverage, 0);
  g_assert_cmpint (overlap->grid_a, ==, 3);
  g_assert_cmpint (overlap->grid_b, ==, 7);
  g_assert_cmpfloat_with_epsilon (overlap->area_m2, 25 * unit_m2, unit_m2 * 0.01);
  g_assert_true (overlap->point.lon > LON0 + 15 * STEP && overlap->point.lon < LON0 + 20 * STEP);
  g_assert_true (overlap->point.lat > LAT0 + 5 * STEP && overlap->point.lat < LAT0 + 10 * STEP);

  g_assert_cmpuint (linli_coverage_get_n_gaps (coverage), ==, 2);
  gap = linli_coverage_get_gap (coverage, 0);
  g_assert_cmpint (gap->building, ==, 12);
  gap = linli_coverage_get_gap (coverage, 1);
  g_assert_cmpint (gap->building, ==, 14);
  g_assert_cmpfloat (gap->point.lat, ==, LAT0 + 12 * STEP);

  /* The outlines checked, for drawing the problems. */
  g_assert_nonnull (linli_coverage_get_outline (coverage, 7));
  g_assert_null (linli_coverage_get_outline (coverage, 4));
  g_assert_null (linli_coverage_get_outline (coverage, 5));
}

static void
test_empty (void)
{
  g_autoptr(LinliCoverage) coverage = linli_coverage_new ();
  LinliPoint nowhere = { LON0, LAT0 };

  linli_coverage_run (coverage);
  g_assert_cmpuint (linli_coverage_get_n_overlaps (coverage), ==, 0);
  g_assert_cmpuint (linli_coverage_get_n_gaps (coverage), ==, 0);

  /* With no grid at all, every building is in none. */
  linli_coverage_add_building (coverage, 1, nowhere);
  linli_coverage_run (coverage);
  g_assert_cmpuint (linli_coverage_get_n_gaps (coverage), ==, 1);
  /* Running again gives the same, not twice as much. */
  linli_coverage_run (coverage);
  g_assert_cmpuint (linli_coverage_get_n_gaps (coverage), ==, 1);
}

static void
test_nested_and_tiny (void)
{
  g_autoptr(LinliCoverage) coverage = linli_coverage_new ();
  g_autofree char *outer = square_geojson (0, 0, 10);
  g_autofree char *inner = square_geojson (2, 2, 2);
  /* Overlapping by a strip 1 cm wide and 50 m long: rounding, not a problem. */
  g_autofree char *sliver = square_geojson (10 - 1e-4, 0, 0.5);
  g_autoptr(LinliGeometry) g_outer = linli_geometry_parse (outer, NULL);
  g_autoptr(LinliGeometry) g_inner = linli_geometry_parse (inner, NULL);
  g_autoptr(LinliGeometry) g_sliver = linli_geometry_parse (sliver, NULL);

  linli_coverage_add_grid (coverage, 1, g_outer);
  linli_coverage_add_grid (coverage, 2, g_inner);
  linli_coverage_add_grid (coverage, 3, g_sliver);
  linli_coverage_run (coverage);
  g_assert_cmpuint (linli_coverage_get_n_overlaps (coverage), ==, 1);
  g_assert_cmpint (linli_coverage_get_overlap (coverage, 0)->grid_a, ==, 1);
  g_assert_cmpint (linli_coverage_get_overlap (coverage, 0)->grid_b, ==, 2);
  g_assert_true (linli_geometry_contains (g_inner,
                                          linli_coverage_get_overlap (coverage, 0)->point.lon,
                                          linli_coverage_get_overlap (coverage, 0)->point.lat));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coverage/records", test_records);
  g_test_add_func ("/coverage/empty", test_empty);
  g_test_add_func ("/coverage/nested-and-tiny", test_nested_and_tiny);

  return g_test_run ();
}
