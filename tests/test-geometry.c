/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-geometry.h"

/* Mean Earth radius (IUGG), metres: the area test derives its degrees from it. */
#define EARTH_RADIUS_M 6371008.8

/* Coordinates near 济宁 (Jining), so the numbers look like real ones. */
#define LON0 116.587
#define LAT0 35.415
#define STEP 0.001   /* one unit of the small drawings below, in degrees */

static LinliGeometry *
geometry_from_units (const double *xy,
                     guint         n_points)
{
  LinliGeometry *geometry = linli_geometry_new ();
  g_autofree LinliPoint *points = g_new (LinliPoint, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      points[i].lon = LON0 + xy[2 * i] * STEP;
      points[i].lat = LAT0 + xy[2 * i + 1] * STEP;
    }
  linli_geometry_add_ring (geometry, FALSE, points, n_points);
  return geometry;
}

static void
add_hole_units (LinliGeometry *geometry,
                const double  *xy,
                guint          n_points)
{
  g_autofree LinliPoint *points = g_new (LinliPoint, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      points[i].lon = LON0 + xy[2 * i] * STEP;
      points[i].lat = LAT0 + xy[2 * i + 1] * STEP;
    }
  linli_geometry_add_ring (geometry, TRUE, points, n_points);
}

static gboolean
contains_units (const LinliGeometry *geometry,
                double               x,
                double               y)
{
  return linli_geometry_contains (geometry, LON0 + x * STEP, LAT0 + y * STEP);
}

/* A closed axis-aligned square ring from (x, y), @size units wide. */
static LinliGeometry *
square_units (double x,
              double y,
              double size)
{
  const double xy[] = { x, y, x + size, y, x + size, y + size, x, y + size, x, y };
  return geometry_from_units (xy, G_N_ELEMENTS (xy) / 2);
}

/* ------------------------------------------------------------------------ */

static void
test_convex (void)
{
  g_autoptr(LinliGeometry) square = square_units (0, 0, 10);

  g_assert_cmpuint (linli_geometry_get_n_rings (square), ==, 1);
  g_assert_true (contains_units (square, 5, 5));
  g_assert_true (contains_units (square, 0.5, 9.5));
  g_assert_true (contains_units (square, 9.99, 0.01));
  g_assert_false (contains_units (square, -1, 5));
  g_assert_false (contains_units (square, 11, 5));
  g_assert_false (contains_units (square, 5, -0.01));
  g_assert_false (contains_units (square, 5, 10.01));
  g_assert_false (contains_units (square, 20, 20));
}

static void
test_concave (void)
{
  /* A U: the notch is x 1..2, y 1..3. */
  const double u[] = { 0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3, 0, 0 };
  g_autoptr(LinliGeometry) shape = geometry_from_units (u, G_N_ELEMENTS (u) / 2);

  g_assert_true (contains_units (shape, 0.5, 2));   /* left arm */
  g_assert_true (contains_units (shape, 2.5, 2));   /* right arm */
  g_assert_true (contains_units (shape, 1.5, 0.5)); /* bottom */
  g_assert_false (contains_units (shape, 1.5, 2));  /* in the notch */
  g_assert_false (contains_units (shape, 1.5, 2.9));
  g_assert_false (contains_units (shape, 1.5, 3.5)); /* above the notch */
  g_assert_false (contains_units (shape, -0.5, 2));
  g_assert_false (contains_units (shape, 3.5, 2));
}

static void
test_hole (void)
{
  const double hole[] = { 1, 1, 3, 1, 3, 3, 1, 3, 1, 1 };
  g_autoptr(LinliGeometry) shape = square_units (0, 0, 4);
  gboolean is_hole = TRUE;

  add_hole_units (shape, hole, G_N_ELEMENTS (hole) / 2);
  g_assert_cmpuint (linli_geometry_get_n_rings (shape), ==, 2);
  linli_geometry_get_ring (shape, 0, NULL, &is_hole);
  g_assert_false (is_hole);
  linli_geometry_get_ring (shape, 1, NULL, &is_hole);
  g_assert_true (is_hole);

  g_assert_false (contains_units (shape, 2, 2));     /* in the hole */
  g_assert_false (contains_units (shape, 1.1, 2.9));
  g_assert_true (contains_units (shape, 0.5, 0.5));
  g_assert_true (contains_units (shape, 3.5, 2));    /* beside the hole */
  g_assert_true (contains_units (shape, 2, 3.5));    /* above it */
  g_assert_false (contains_units (shape, 5, 2));
}

static void
test_multipolygon (void)
{
  /* Two squares apart, the second with a hole. */
  const char *json =
    "{\"type\": \"MultiPolygon\", \"coordinates\": ["
    "  [[[116.0, 35.0], [116.1, 35.0], [116.1, 35.1], [116.0, 35.1], [116.0, 35.0]]],"
    "  [[[116.2, 35.0], [116.5, 35.0], [116.5, 35.3], [116.2, 35.3], [116.2, 35.0]],"
    "   [[116.3, 35.1], [116.4, 35.1], [116.4, 35.2], [116.3, 35.2], [116.3, 35.1]]]"
    "]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeometry) shape = linli_geometry_parse (json, &error);
  gboolean is_hole;

  g_assert_no_error (error);
  g_assert_nonnull (shape);
  g_assert_cmpuint (linli_geometry_get_n_rings (shape), ==, 3);
  linli_geometry_get_ring (shape, 1, NULL, &is_hole);
  g_assert_false (is_hole);
  linli_geometry_get_ring (shape, 2, NULL, &is_hole);
  g_assert_true (is_hole);

  g_assert_true (linli_geometry_contains (shape, 116.05, 35.05));   /* first part */
  g_assert_true (linli_geometry_contains (shape, 116.25, 35.25));   /* second part */
  g_assert_false (linli_geometry_contains (shape, 116.15, 35.05));  /* between them */
  g_assert_false (linli_geometry_contains (shape, 116.35, 35.15));  /* in the hole */
  g_assert_false (linli_geometry_contains (shape, 116.05, 35.2));
}

/* A point on an edge or a corner that several grids share is in exactly
 * one of them, the same one every time. */
static void
assert_in_exactly_one (LinliGeometry **shapes,
                       guint           n_shapes,
                       double          lon,
                       double          lat)
{
  guint n_in = 0;

  for (guint i = 0; i < n_shapes; i++)
    {
      gboolean first = linli_geometry_contains (shapes[i], lon, lat);
      g_assert_true (first == linli_geometry_contains (shapes[i], lon, lat));
      n_in += first;
    }
  if (n_in != 1)
    g_error ("(%.17g, %.17g) is in %u of %u neighbouring shapes", lon, lat, n_in, n_shapes);
}

static void
test_shared_edges (void)
{
  /* Four squares in a 2 × 2 block. */
  LinliGeometry *block[] = {
    square_units (0, 0, 1), square_units (1, 0, 1),
    square_units (0, 1, 1), square_units (1, 1, 1),
  };
  const double on_edges[][2] = {
    { 1, 0.5 }, { 1, 1.5 }, { 0.5, 1 }, { 1.5, 1 },  /* shared edges */
    { 1, 1 },                                        /* the corner all four share */
    { 1, 0.25 }, { 0.75, 1 }, { 1, 1.999 }, { 1.999, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (on_edges); i++)
    assert_in_exactly_one (block, G_N_ELEMENTS (block),
                           LON0 + on_edges[i][0] * STEP, LAT0 + on_edges[i][1] * STEP);
  for (guint i = 0; i < G_N_ELEMENTS (block); i++)
    linli_geometry_free (block[i]);

  /* Pairs of triangles that share a slanted edge, drawn in opposite
   * directions as neighbouring polygons are: every point along that edge,
   * and the doubles just beside it, is in exactly one of the two however
   * the arithmetic rounds. A fixed seed keeps the run repeatable. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (1);

    for (guint k = 0; k < 2000; k++)
      {
        LinliPoint a = { 116.5 + g_rand_double (rand) * 0.1, 35.3 + g_rand_double (rand) * 0.1 };
        LinliPoint b = { a.lon + g_rand_double_range (rand, 0.0001, 0.01),
                         a.lat + g_rand_double_range (rand, 0.0001, 0.01) };
        const LinliPoint left[] = { a, b, { a.lon, b.lat }, a };
        const LinliPoint right[] = { a, { b.lon, a.lat }, b, a };
        LinliGeometry *pair[] = { linli_geometry_new (), linli_geometry_new () };

        linli_geometry_add_ring (pair[0], FALSE, left, G_N_ELEMENTS (left));
        linli_geometry_add_ring (pair[1], FALSE, right, G_N_ELEMENTS (right));
        for (guint i = 0; i < 200; i++)
          {
            double t = g_rand_double (rand);
            double lon = a.lon + t * (b.lon - a.lon);
            double lat = a.lat + t * (b.lat - a.lat);
            double west = lon, east = lon;

            assert_in_exactly_one (pair, 2, lon, lat);
            for (guint step = 0; step < 2; step++)
              {
                west = nextafter (west, 0);
                east = nextafter (east, 360);
                assert_in_exactly_one (pair, 2, west, lat);
                assert_in_exactly_one (pair, 2, east, lat);
              }
          }
        linli_geometry_free (pair[0]);
        linli_geometry_free (pair[1]);
      }
  }
}

static void
test_vertices (void)
{
  /* A diamond: a ray from a point level with its side corners passes
   * through both of them. */
  const double diamond[] = { 0, -1, 1, 0, 0, 1, -1, 0, 0, -1 };
  const double triangle[] = { 0, 0, 2, 0, 1, 2, 0, 0 };
  g_autoptr(LinliGeometry) d = geometry_from_units (diamond, G_N_ELEMENTS (diamond) / 2);
  g_autoptr(LinliGeometry) t = geometry_from_units (triangle, G_N_ELEMENTS (triangle) / 2);

  g_assert_false (contains_units (d, -2, 0));
  g_assert_true (contains_units (d, -0.5, 0));
  g_assert_true (contains_units (d, 0, 0));
  g_assert_true (contains_units (d, 0.9, 0));
  g_assert_false (contains_units (d, 1.5, 0));
  g_assert_false (contains_units (d, 0, 1.5));
  g_assert_false (contains_units (d, 0, -1.5));

  /* Level with the apex, left and right of it. */
  g_assert_false (contains_units (t, -1, 2));
  g_assert_false (contains_units (t, 0.5, 2));
  g_assert_false (contains_units (t, 3, 2));
  g_assert_true (contains_units (t, 1, 1.9));
  /* Level with the base. */
  g_assert_false (contains_units (t, -1, 0));
  g_assert_false (contains_units (t, 3, 0));
  g_assert_true (contains_units (t, 1, 0.001));
}

static void
test_bounds (void)
{
  const double u[] = { 0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 4, 0, 3, 0, 0 };
  g_autoptr(LinliGeometry) shape = geometry_from_units (u, G_N_ELEMENTS (u) / 2);
  g_autoptr(LinliGeometry) empty = linli_geometry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeometry) multi = NULL;
  LinliBounds b;

  b = linli_geometry_get_bounds (shape);
  g_assert_cmpfloat (b.min_lon, ==, LON0);
  g_assert_cmpfloat (b.max_lon, ==, LON0 + 3 * STEP);
  g_assert_cmpfloat (b.min_lat, ==, LAT0);
  g_assert_cmpfloat (b.max_lat, ==, LAT0 + 4 * STEP);

  multi = linli_geometry_parse ("{\"type\":\"MultiPolygon\",\"coordinates\":["
                                "[[[116.5,35.4],[116.6,35.4],[116.6,35.5],[116.5,35.4]]],"
                                "[[[116.7,35.2],[116.8,35.2],[116.8,35.3],[116.7,35.2]]]]}",
                                &error);
  g_assert_no_error (error);
  b = linli_geometry_get_bounds (multi);
  g_assert_cmpfloat (b.min_lon, ==, 116.5);
  g_assert_cmpfloat (b.max_lon, ==, 116.8);
  g_assert_cmpfloat (b.min_lat, ==, 35.2);
  g_assert_cmpfloat (b.max_lat, ==, 35.5);

  /* Nothing: a box that contains no point. */
  b = linli_geometry_get_bounds (empty);
  g_assert_true (b.min_lon > b.max_lon && b.min_lat > b.max_lat);
  g_assert_false (linli_geometry_contains (empty, LON0, LAT0));
  g_assert_cmpfloat (linli_geometry_area_m2 (empty), ==, 0);
}

/* ------------------------------------------------------------------------ */

static void
assert_close (double value,
              double expected,
              double tolerance)
{
  if (fabs (value - expected) > fabs (expected) * tolerance)
    g_error ("%.3f is not within %.2f%% of %.3f", value, tolerance * 100, expected);
}

static void
test_area (void)
{
  const double lat = 35.45, lon = 116.59;
  const double m_per_deg_lat = EARTH_RADIUS_M * G_PI / 180;
  const double m_per_deg_lon = m_per_deg_lat * cos (lat * G_PI / 180);
  /* 1 km in degrees each way. */
  const double dlat = 1000 / m_per_deg_lat, dlon = 1000 / m_per_deg_lon;
  const LinliPoint square[] = {
    { lon, lat - dlat / 2 }, { lon + dlon, lat - dlat / 2 },
    { lon + dlon, lat + dlat / 2 }, { lon, lat + dlat / 2 }, { lon, lat - dlat / 2 },
  };
  /* The same square clockwise, and a 500 m hole in the middle of it. */
  const LinliPoint clockwise[] = { square[0], square[3], square[2], square[1], square[0] };
  const LinliPoint hole[] = {
    { lon + dlon / 4, lat - dlat / 4 }, { lon + 3 * dlon / 4, lat - dlat / 4 },
    { lon + 3 * dlon / 4, lat + dlat / 4 }, { lon + dlon / 4, lat + dlat / 4 },
    { lon + dlon / 4, lat - dlat / 4 },
  };
  g_autoptr(LinliGeometry) one = linli_geometry_new ();
  g_autoptr(LinliGeometry) cw = linli_geometry_new ();
  g_autoptr(LinliGeometry) holed = linli_geometry_new ();
  g_autoptr(LinliGeometry) two = linli_geometry_new ();
  LinliPoint shifted[G_N_ELEMENTS (square)];
  LinliPoint label;

  /* The shape is what it claims. */
  g_assert_cmpfloat (dlat, >, 0.0089);
  g_assert_cmpfloat (dlat, <, 0.0091);
  g_assert_cmpfloat (dlon, >, 0.0109);
  g_assert_cmpfloat (dlon, <, 0.0112);

  linli_geometry_add_ring (one, FALSE, square, G_N_ELEMENTS (square));
  assert_close (linli_geometry_area_m2 (one), 1e6, 0.005);

  linli_geometry_add_ring (cw, FALSE, clockwise, G_N_ELEMENTS (clockwise));
  assert_close (linli_geometry_area_m2 (cw), 1e6, 0.005);

  linli_geometry_add_ring (holed, FALSE, square, G_N_ELEMENTS (square));
  linli_geometry_add_ring (holed, TRUE, hole, G_N_ELEMENTS (hole));
  assert_close (linli_geometry_area_m2 (holed), 0.75e6, 0.005);

  /* Two separate squares, the second 5 km further east. */
  for (guint i = 0; i < G_N_ELEMENTS (square); i++)
    {
      shifted[i] = square[i];
      shifted[i].lon += 5 * dlon;
    }
  linli_geometry_add_ring (two, FALSE, square, G_N_ELEMENTS (square));
  linli_geometry_add_ring (two, FALSE, shifted, G_N_ELEMENTS (shifted));
  assert_close (linli_geometry_area_m2 (two), 2e6, 0.005);

  /* The label of a square sits in its middle (to a millimetre). */
  label = linli_geometry_get_label_point (one);
  g_assert_cmpfloat_with_epsilon (label.lon, lon + dlon / 2, 1e-8);
  g_assert_cmpfloat_with_epsilon (label.lat, lat, 1e-8);

  /* Also for a 20 m building, whose area in square degrees is tiny next to
   * the products of its coordinates. */
  {
    const double s = 0.02;
    const LinliPoint small[] = {
      { lon, lat }, { lon + s * dlon, lat }, { lon + s * dlon, lat + s * dlat },
      { lon, lat + s * dlat }, { lon, lat },
    };
    g_autoptr(LinliGeometry) building = linli_geometry_new ();

    linli_geometry_add_ring (building, FALSE, small, G_N_ELEMENTS (small));
    assert_close (linli_geometry_area_m2 (building), 400, 0.005);
    label = linli_geometry_get_label_point (building);
    g_assert_cmpfloat_with_epsilon (label.lon, lon + s * dlon / 2, 1e-8);
    g_assert_cmpfloat_with_epsilon (label.lat, lat + s * dlat / 2, 1e-8);
  }
}

/* ------------------------------------------------------------------------ */

static void
assert_same_rings (const LinliGeometry *a,
                   const LinliGeometry *b)
{
  g_assert_cmpuint (linli_geometry_get_n_rings (a), ==, linli_geometry_get_n_rings (b));
  for (guint r = 0; r < linli_geometry_get_n_rings (a); r++)
    {
      guint na, nb;
      gboolean ha, hb;
      const LinliPoint *pa = linli_geometry_get_ring (a, r, &na, &ha);
      const LinliPoint *pb = linli_geometry_get_ring (b, r, &nb, &hb);

      g_assert_cmpuint (na, ==, nb);
      g_assert_true (ha == hb);
      for (guint i = 0; i < na; i++)
        {
          g_assert_cmpfloat (pa[i].lon, ==, pb[i].lon);
          g_assert_cmpfloat (pa[i].lat, ==, pb[i].lat);
        }
    }
}

static void
round_trip (const char *json,
            guint       n_rings,
            const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeometry) first = NULL;
  g_autoptr(LinliGeometry) second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  first = linli_geometry_parse (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_geometry_get_n_rings (first), ==, n_rings);

  text = linli_geometry_to_geojson (first);
  g_assert_nonnull (strstr (text, type));
  second = linli_geometry_parse (text, &error);
  g_assert_no_error (error);
  assert_same_rings (first, second);

  again = linli_geometry_to_geojson (second);
  g_assert_cmpstr (text, ==, again);
}

static void
test_geojson_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeometry) parsed = NULL;
  guint n;
  const LinliPoint *ring;

  round_trip ("{\"type\":\"Polygon\",\"coordinates\":"
              "[[[116.5871234,35.4012345],[116.5993456,35.4012345],[116.5993456,35.4098765],"
              "[116.5871234,35.4098765],[116.5871234,35.4012345]]]}",
              1, "\"Polygon\"");
  round_trip ("{\"type\": \"Polygon\", \"coordinates\": ["
              "  [[116, 35], [116.01, 35], [116.01, 35.01], [116, 35.01], [116, 35]],"
              "  [[116.002, 35.002], [116.004, 35.002], [116.004, 35.004], [116.002, 35.002]]"
              "]}",
              2, "\"Polygon\"");
  round_trip ("{\"type\":\"MultiPolygon\",\"coordinates\":["
              "[[[-0.1278,51.5074],[-0.1270,51.5074],[-0.1270,51.5080],[-0.1278,51.5074]]],"
              "[[[116.2,35.0],[116.5,35.0],[116.5,35.3],[116.2,35.3],[116.2,35.0]],"
              " [[116.3,35.1],[116.4,35.1],[116.4,35.2],[116.3,35.1]]],"
              "[[[179.9999999,-89.9999999],[180,-89.9999999],[180,-90],[179.9999999,-89.9999999]]]]}",
              4, "\"MultiPolygon\"");

  /* A third value in a position (altitude) is allowed and dropped. */
  parsed = linli_geometry_parse ("{\"type\":\"Polygon\",\"coordinates\":"
                                 "[[[116,35,40],[116.1,35,40],[116.1,35.1,41],[116,35,40]]]}",
                                 &error);
  g_assert_no_error (error);
  ring = linli_geometry_get_ring (parsed, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (ring[2].lon, ==, 116.1);
  g_assert_cmpfloat (ring[2].lat, ==, 35.1);
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "",
    "not json at all",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, 35]",  /* cut short */
    "[[116, 35], [116.1, 35], [116.1, 35.1], [116, 35]]",                 /* no object */
    "{\"type\": \"Point\", \"coordinates\": [116, 35]}",
    "{\"type\": \"LineString\", \"coordinates\": [[116, 35], [116.1, 35]]}",
    "{\"type\": \"Polygon\"}",                                             /* no coordinates */
    "{\"coordinates\": [[[116, 35], [116.1, 35], [116.1, 35.1], [116, 35]]]}", /* no type */
    "{\"type\": \"Polygon\", \"coordinates\": []}",
    "{\"type\": \"Polygon\", \"coordinates\": 116}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, 35], [116, 35]]]}", /* 3 positions */
    "{\"type\": \"Polygon\", \"coordinates\": [[[\"116\", \"35\"], [\"116.1\", \"35\"], [\"116.1\", \"35.1\"], [\"116\", \"35\"]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, \"35\"], [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 95], [116.1, 95], [116.1, 95.1], [116, 95]]]}", /* lat 95 */
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, 35], [116.1, -95], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[181, 35], [116.1, 35], [116.1, 35.1], [181, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1], [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, null], [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [true, false], [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[116, 35], {\"lon\": 1}, [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[116, 35, 116.1, 35, 116.1, 35.1, 116, 35]]}",
    "{\"type\": \"MultiPolygon\", \"coordinates\": [[[116, 35], [116.1, 35], [116.1, 35.1], [116, 35]]]}",
    "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[116, 35], [116.1, 35], [116.1, 35.1], [116, 35]]], [[[116, 35]]]]}",
    "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[116, 35], [116.1, 35], [116.1, 35.1], [116, 35]]]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LinliGeometry) geometry = linli_geometry_parse (bad[i], &error);

      if (geometry != NULL || !g_error_matches (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID))
        g_error ("%s: expected LINLI_GEOMETRY_ERROR_INVALID, got %s", bad[i],
                 error ? error->message : "a geometry");
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* ------------------------------------------------------------------------ */
/* Self-intersection, the outline check, overlaps */

static LinliPoint *
points_from_units (const double *xy,
                   guint         n_points)
{
  LinliPoint *points = g_new (LinliPoint, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      points[i].lon = LON0 + xy[2 * i] * STEP;
      points[i].lat = LAT0 + xy[2 * i + 1] * STEP;
    }
  return points;
}

static LinliRingProblem
check_units (const double *xy,
             guint         n_points,
             guint        *edge_a,
             guint        *edge_b)
{
  g_autofree LinliPoint *points = points_from_units (xy, n_points);
  return linli_ring_check (points, n_points, edge_a, edge_b);
}

static void
test_ring_check (void)
{
  /* A concave L, open and closed. */
  const double ell[] = { 0, 0, 6, 0, 6, 2, 2, 2, 2, 6, 0, 6 };
  const double ell_closed[] = { 0, 0, 6, 0, 6, 2, 2, 2, 2, 6, 0, 6, 0, 0 };
  /* A bow tie: edges 0 (0,0)-(4,4) and 2 (4,0)-(0,4) cross. */
  const double bowtie[] = { 0, 0, 4, 4, 4, 0, 0, 4 };
  /* A figure that touches itself: point 4 lies on edge 0. */
  const double touching[] = { 0, 0, 6, 0, 6, 4, 4, 4, 3, 0, 2, 4, 0, 4 };
  /* Two neighbouring edges that run back over each other. */
  const double spike[] = { 0, 0, 4, 0, 4, 4, 4, 2, 0, 4 };
  const double line[] = { 0, 0, 1, 1, 2, 2, 3, 3 };
  const double flat[] = { 0, 0, 1, 0, 2, 0 };
  const double two[] = { 0, 0, 1, 0 };
  const double repeated[] = { 0, 0, 0, 0, 1, 0, 1, 0, 0, 0 };
  /* A triangle with a point repeated: still a triangle. */
  const double triangle_repeat[] = { 0, 0, 4, 0, 4, 0, 2, 3 };
  guint a = G_MAXUINT, b = G_MAXUINT;

  g_assert_cmpint (check_units (ell, G_N_ELEMENTS (ell) / 2, NULL, NULL), ==, LINLI_RING_VALID);
  g_assert_cmpint (check_units (ell_closed, G_N_ELEMENTS (ell_closed) / 2, NULL, NULL), ==, LINLI_RING_VALID);
  g_assert_cmpint (check_units (triangle_repeat, 4, NULL, NULL), ==, LINLI_RING_VALID);

  g_assert_cmpint (check_units (bowtie, 4, &a, &b), ==, LINLI_RING_SELF_INTERSECTING);
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 2);

  g_assert_cmpint (check_units (touching, G_N_ELEMENTS (touching) / 2, &a, &b), ==,
                   LINLI_RING_SELF_INTERSECTING);
  g_assert_cmpuint (a, ==, 0);
  g_assert_true (b == 3 || b == 4);

  g_assert_cmpint (check_units (spike, G_N_ELEMENTS (spike) / 2, &a, &b), ==,
                   LINLI_RING_SELF_INTERSECTING);
  g_assert_cmpuint (a, ==, 1);
  g_assert_cmpuint (b, ==, 2);

  g_assert_cmpint (check_units (line, 4, NULL, NULL), ==, LINLI_RING_NO_AREA);
  g_assert_cmpint (check_units (flat, 3, NULL, NULL), ==, LINLI_RING_NO_AREA);
  g_assert_cmpint (check_units (two, 2, NULL, NULL), ==, LINLI_RING_TOO_FEW_POINTS);
  g_assert_cmpint (check_units (repeated, 5, NULL, NULL), ==, LINLI_RING_TOO_FEW_POINTS);
  g_assert_cmpint (linli_ring_check (NULL, 0, NULL, NULL), ==, LINLI_RING_TOO_FEW_POINTS);
}

static void
test_self_intersection (void)
{
  /* A star drawn in one stroke crosses itself five times. */
  const double star[] = { 0, 10, 6, -8, -9.5, 3, 9.5, 3, -6, -8 };
  const double pentagon[] = { 0, 10, 9.5, 3, 6, -8, -6, -8, -9.5, 3 };
  /* The last edge crosses the first. */
  const double closing[] = { 0, 0, 4, 0, 4, 4, 2, -2 };
  g_autofree LinliPoint *star_points = points_from_units (star, 5);
  g_autofree LinliPoint *pentagon_points = points_from_units (pentagon, 5);
  g_autofree LinliPoint *closing_points = points_from_units (closing, 4);
  guint a, b;

  g_assert_true (linli_ring_find_self_intersection (star_points, 5, NULL, NULL));
  g_assert_false (linli_ring_find_self_intersection (pentagon_points, 5, NULL, NULL));
  g_assert_true (linli_ring_find_self_intersection (closing_points, 4, &a, &b));
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, 2);
  /* Too short to cross anything. */
  g_assert_false (linli_ring_find_self_intersection (star_points, 2, NULL, NULL));
}

static void
test_new_from_ring (void)
{
  const double open[] = { 0, 0, 4, 0, 4, 4 };
  g_autofree LinliPoint *points = points_from_units (open, 3);
  g_autoptr(LinliGeometry) triangle = linli_geometry_new_from_ring (points, 3);
  g_autoptr(LinliGeometry) again = NULL;
  g_autofree char *geojson = NULL;
  const LinliPoint *ring;
  guint n;

  ring = linli_geometry_get_ring (triangle, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (ring[3].lon, ==, ring[0].lon);
  g_assert_cmpfloat (ring[3].lat, ==, ring[0].lat);

  /* Closed already: not closed twice. */
  again = linli_geometry_new_from_ring (ring, n);
  linli_geometry_get_ring (again, 0, &n, NULL);
  g_assert_cmpuint (n, ==, 4);

  geojson = linli_geometry_to_geojson (triangle);
  g_clear_pointer (&again, linli_geometry_free);
  again = linli_geometry_parse (geojson, NULL);
  g_assert_nonnull (again);
  g_assert_true (linli_geometry_contains (again, LON0 + 3 * STEP, LAT0 + 1 * STEP));
}

static void
assert_overlap (const LinliGeometry *a,
                const LinliGeometry *b,
                double               expected_units2)
{
  double unit_m2 = (EARTH_RADIUS_M * G_PI / 180 * STEP) *
                   (EARTH_RADIUS_M * cos (LAT0 * G_PI / 180) * G_PI / 180 * STEP);
  LinliPoint inside;
  double area = linli_geometry_overlap_area_m2 (a, b, &inside);
  double area_ba = linli_geometry_overlap_area_m2 (b, a, NULL);

  g_assert_cmpfloat_with_epsilon (area, expected_units2 * unit_m2, unit_m2 * 0.01 + 1e-6);
  g_assert_cmpfloat_with_epsilon (area, area_ba, unit_m2 * 1e-6 + 1e-6);
  if (expected_units2 > 0)
    {
      g_assert_true (linli_geometry_contains (a, inside.lon, inside.lat));
      g_assert_true (linli_geometry_contains (b, inside.lon, inside.lat));
    }
  else
    g_assert_true (isnan (inside.lon) && isnan (inside.lat));
}

static void
test_overlap (void)
{
  g_autoptr(LinliGeometry) a = square_units (0, 0, 10);
  g_autoptr(LinliGeometry) b = square_units (5, 5, 10);
  g_autoptr(LinliGeometry) beside = square_units (10, 0, 10);
  g_autoptr(LinliGeometry) apart = square_units (20, 20, 5);
  g_autoptr(LinliGeometry) inner = square_units (2, 2, 3);
  /* A concave U whose arms reach round the square (4, 4)–(6, 8). */
  const double u[] = { 0, 0, 10, 0, 10, 10, 7, 10, 7, 3, 3, 3, 3, 10, 0, 10, 0, 0 };
  g_autoptr(LinliGeometry) cup = geometry_from_units (u, G_N_ELEMENTS (u) / 2);
  g_autoptr(LinliGeometry) in_the_cup = square_units (4, 4, 2);
  g_autoptr(LinliGeometry) across_the_cup = NULL;
  /* A diamond over the corner of the square, and a ring with a hole. */
  const double diamond[] = { 10, 5, 15, 10, 10, 15, 5, 10, 10, 5 };
  const double hole[] = { 3, 3, 7, 3, 7, 7, 3, 7, 3, 3 };
  g_autoptr(LinliGeometry) rhombus = geometry_from_units (diamond, 5);
  g_autoptr(LinliGeometry) holed = square_units (0, 0, 10);
  g_autoptr(LinliGeometry) empty = linli_geometry_new ();
  const double across[] = { 1, 5, 9, 5, 9, 7, 1, 7, 1, 5 };

  across_the_cup = geometry_from_units (across, 5);
  add_hole_units (holed, hole, 5);

  assert_overlap (a, b, 25);
  assert_overlap (a, beside, 0);         /* a shared edge is no overlap */
  assert_overlap (a, apart, 0);
  assert_overlap (a, inner, 9);
  assert_overlap (cup, in_the_cup, 0);   /* in the notch of a concave grid */
  assert_overlap (cup, across_the_cup, 2 * 4); /* across both arms */
  assert_overlap (a, rhombus, 12.5);     /* a corner of each */
  assert_overlap (b, rhombus, 50);       /* all of the diamond */
  assert_overlap (holed, inner, 9 - 4);  /* partly over the hole */
  assert_overlap (holed, in_the_cup, 0);  /* wholly in the hole */
  assert_overlap (a, empty, 0);
}

/* Random outlines, star-shaped around a centre so they never cross
 * themselves: the overlap of one with itself, or with a square around it,
 * is its area; with a copy moved right by its width, nothing. */
static void
test_overlap_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint round = 0; round < 20; round++)
    {
      guint n = g_rand_int_range (rand, 3, 60);
      g_autofree LinliPoint *ring = g_new (LinliPoint, n);
      g_autofree LinliPoint *moved = g_new (LinliPoint, n);
      g_autoptr(LinliGeometry) shape = NULL;
      g_autoptr(LinliGeometry) apart = NULL;
      g_autoptr(LinliGeometry) around = square_units (-20, -20, 40);
      double area, width_lon = 0;
      LinliPoint inside;

      for (guint i = 0; i < n; i++)
        {
          double angle = 2 * G_PI * (i + g_rand_double_range (rand, 0, 0.9)) / n;
          double radius = g_rand_double_range (rand, 2, 10);
          ring[i].lon = LON0 + radius * cos (angle) * STEP;
          ring[i].lat = LAT0 + radius * sin (angle) * STEP;
        }
      shape = linli_geometry_new_from_ring (ring, n);
      g_assert_cmpint (linli_ring_check (ring, n, NULL, NULL), ==, LINLI_RING_VALID);
      area = linli_geometry_area_m2 (shape);
      width_lon = linli_geometry_get_bounds (shape).max_lon - linli_geometry_get_bounds (shape).min_lon;
      for (guint i = 0; i < n; i++)
        {
          moved[i] = ring[i];
          moved[i].lon += width_lon * 1.001;
        }
      apart = linli_geometry_new_from_ring (moved, n);

      g_assert_cmpfloat_with_epsilon (linli_geometry_overlap_area_m2 (shape, shape, &inside), area, area * 1e-6);
      g_assert_true (linli_geometry_contains (shape, inside.lon, inside.lat));
      g_assert_cmpfloat_with_epsilon (linli_geometry_overlap_area_m2 (shape, around, NULL), area, area * 1e-6);
      g_assert_cmpfloat_with_epsilon (linli_geometry_overlap_area_m2 (around, shape, NULL), area, area * 1e-6);
      g_assert_cmpfloat (linli_geometry_overlap_area_m2 (shape, apart, NULL), <, area * 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/contains/convex", test_convex);
  g_test_add_func ("/geometry/contains/concave", test_concave);
  g_test_add_func ("/geometry/contains/hole", test_hole);
  g_test_add_func ("/geometry/contains/multipolygon", test_multipolygon);
  g_test_add_func ("/geometry/contains/shared-edges", test_shared_edges);
  g_test_add_func ("/geometry/contains/vertices", test_vertices);
  g_test_add_func ("/geometry/bounds", test_bounds);
  g_test_add_func ("/geometry/area", test_area);
  g_test_add_func ("/geometry/geojson/round-trip", test_geojson_round_trip);
  g_test_add_func ("/geometry/geojson/malformed", test_malformed);
  g_test_add_func ("/geometry/ring/check", test_ring_check);
  g_test_add_func ("/geometry/ring/self-intersection", test_self_intersection);
  g_test_add_func ("/geometry/ring/new-from-ring", test_new_from_ring);
  g_test_add_func ("/geometry/overlap", test_overlap);
  g_test_add_func ("/geometry/overlap-random", test_overlap_random);

  return g_test_run ();
}
