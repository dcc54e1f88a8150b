/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-china-coords.h"

/* Published pairs (the coordtransform reference implementation's examples,
 * which agree with the Amap and Baidu conversion services to the metre). */
static const struct {
  LinliPoint from;
  LinliCoordSystem from_system;
  LinliPoint to;
  LinliCoordSystem to_system;
} known_pairs[] = {
  { { 116.404, 39.915 }, LINLI_COORDS_WGS84, { 116.41024449916938, 39.91640428150164 }, LINLI_COORDS_GCJ02 },
  { { 116.404, 39.915 }, LINLI_COORDS_GCJ02, { 116.41036949371029, 39.92133699351022 }, LINLI_COORDS_BD09 },
  { { 116.404, 39.915 }, LINLI_COORDS_BD09,  { 116.39762729119315, 39.90865673957631 }, LINLI_COORDS_GCJ02 },
};

static void
assert_close (LinliPoint a,
              LinliPoint b,
              double     tolerance)
{
  if (fabs (a.lon - b.lon) > tolerance || fabs (a.lat - b.lat) > tolerance)
    g_error ("(%.10f, %.10f) is not within %g of (%.10f, %.10f)",
             a.lon, a.lat, tolerance, b.lon, b.lat);
}

static void
test_known_pairs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_pairs); i++)
    {
      LinliPoint p = linli_china_coords_convert (known_pairs[i].from,
                                                 known_pairs[i].from_system,
                                                 known_pairs[i].to_system);
      /* The closed-form BD-09 inverse the reference uses is good to ~1e-6°;
       * ours is iterated, so compare at that precision. */
      assert_close (p, known_pairs[i].to, 2e-6);
    }
}

/* Jining: GCJ-02 moves a point there by a few hundred metres, never more
 * than a kilometre. */
static void
test_offset_size (void)
{
  LinliPoint wgs = { 116.587, 35.415 };
  LinliPoint gcj = linli_china_coords_wgs84_to_gcj02 (wgs);
  LinliPoint bd = linli_china_coords_gcj02_to_bd09 (gcj);
  double d_gcj = hypot (gcj.lon - wgs.lon, gcj.lat - wgs.lat);
  double d_bd = hypot (bd.lon - gcj.lon, bd.lat - gcj.lat);

  g_assert_cmpfloat (d_gcj, >, 0.001);
  g_assert_cmpfloat (d_gcj, <, 0.01);
  g_assert_cmpfloat (d_bd, >, 0.005);
  g_assert_cmpfloat (d_bd, <, 0.02);
}

/* The inverses land back on the start to better than 1e-7° over the
 * whole country, not only at one point. */
static void
test_round_trips (void)
{
  for (double lon = 75.0; lon <= 135.0; lon += 2.5)
    for (double lat = 18.0; lat <= 53.0; lat += 2.5)
      {
        LinliPoint wgs = { lon, lat };
        LinliPoint gcj = linli_china_coords_convert (wgs, LINLI_COORDS_WGS84, LINLI_COORDS_GCJ02);
        LinliPoint bd = linli_china_coords_convert (wgs, LINLI_COORDS_WGS84, LINLI_COORDS_BD09);

        g_assert_true (gcj.lon != wgs.lon || gcj.lat != wgs.lat);
        assert_close (linli_china_coords_convert (gcj, LINLI_COORDS_GCJ02, LINLI_COORDS_WGS84), wgs, 1e-7);
        assert_close (linli_china_coords_convert (bd, LINLI_COORDS_BD09, LINLI_COORDS_WGS84), wgs, 1e-7);
        assert_close (linli_china_coords_convert (bd, LINLI_COORDS_BD09, LINLI_COORDS_GCJ02), gcj, 1e-7);
      }
}

static void
test_outside_china (void)
{
  const LinliPoint outside[] = {
    { 2.3522, 48.8566 },     /* Paris */
    { -74.006, 40.7128 },    /* New York */
    { 139.6917, 35.6895 },   /* Tokyo: east of the box */
    { 116.4, -33.0 },        /* south of the equator */
  };

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    for (LinliCoordSystem from = LINLI_COORDS_WGS84; from <= LINLI_COORDS_BD09; from++)
      for (LinliCoordSystem to = LINLI_COORDS_WGS84; to <= LINLI_COORDS_BD09; to++)
        {
          LinliPoint p = linli_china_coords_convert (outside[i], from, to);
          g_assert_cmpfloat (p.lon, ==, outside[i].lon);
          g_assert_cmpfloat (p.lat, ==, outside[i].lat);
        }
  g_assert_false (linli_china_coords_in_china (139.6917, 35.6895));
  g_assert_true (linli_china_coords_in_china (116.587, 35.415));
}

/* A geometry converted keeps its rings and holes, and comes back. */
static void
test_geometry (void)
{
  const LinliPoint outer[] = { { 116.58, 35.41 }, { 116.60, 35.41 }, { 116.60, 35.43 }, { 116.58, 35.41 } };
  const LinliPoint hole[] = { { 116.59, 35.415 }, { 116.595, 35.415 }, { 116.595, 35.42 }, { 116.59, 35.415 } };
  g_autoptr(LinliGeometry) wgs = linli_geometry_new ();
  g_autoptr(LinliGeometry) gcj = NULL;
  g_autoptr(LinliGeometry) back = NULL;

  linli_geometry_add_ring (wgs, FALSE, outer, G_N_ELEMENTS (outer));
  linli_geometry_add_ring (wgs, TRUE, hole, G_N_ELEMENTS (hole));
  gcj = linli_china_coords_convert_geometry (wgs, LINLI_COORDS_WGS84, LINLI_COORDS_GCJ02);
  back = linli_china_coords_convert_geometry (gcj, LINLI_COORDS_GCJ02, LINLI_COORDS_WGS84);

  g_assert_cmpuint (linli_geometry_get_n_rings (gcj), ==, 2);
  for (guint r = 0; r < 2; r++)
    {
      guint n, n_gcj;
      gboolean is_hole, gcj_is_hole;
      const LinliPoint *a = linli_geometry_get_ring (wgs, r, &n, &is_hole);
      const LinliPoint *g = linli_geometry_get_ring (gcj, r, &n_gcj, &gcj_is_hole);
      const LinliPoint *b = linli_geometry_get_ring (back, r, NULL, NULL);

      g_assert_cmpuint (n, ==, n_gcj);
      g_assert_cmpint (is_hole, ==, gcj_is_hole);
      for (guint i = 0; i < n; i++)
        {
          LinliPoint expected = linli_china_coords_wgs84_to_gcj02 (a[i]);
          g_assert_cmpfloat (g[i].lon, ==, expected.lon);
          g_assert_cmpfloat (g[i].lat, ==, expected.lat);
          assert_close (b[i], a[i], 1e-7);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/china-coords/known-pairs", test_known_pairs);
  g_test_add_func ("/china-coords/offset-size", test_offset_size);
  g_test_add_func ("/china-coords/round-trips", test_round_trips);
  g_test_add_func ("/china-coords/outside-china", test_outside_china);
  g_test_add_func ("/china-coords/geometry", test_geometry);

  return g_test_run ();
}
