/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-enums.h"
#include "linli-grid-index.h"

/* Coordinates near 济宁 (Jining), so the numbers look like real ones. */
#define LON0 116.587
#define LAT0 35.415
#define STEP 0.001   /* one unit of the small drawings below, in degrees */

static LinliPoint
at (double x,
    double y)
{
  return (LinliPoint) { LON0 + x * STEP, LAT0 + y * STEP };
}

static LinliGeometry *
geometry_from_units (const double *xy,
                     guint         n_points)
{
  LinliGeometry *geometry = linli_geometry_new ();
  g_autofree LinliPoint *points = g_new (LinliPoint, n_points);

  for (guint i = 0; i < n_points; i++)
    points[i] = at (xy[2 * i], xy[2 * i + 1]);
  linli_geometry_add_ring (geometry, FALSE, points, n_points);
  return geometry;
}

static LinliGeometry *
square_units (double x,
              double y,
              double size)
{
  const double xy[] = { x, y, x + size, y, x + size, y + size, x, y + size, x, y };
  return geometry_from_units (xy, G_N_ELEMENTS (xy) / 2);
}

static gint64
management_at (LinliGridIndex *index,
               double          x,
               double          y)
{
  LinliPoint p = at (x, y);
  return linli_grid_index_lookup (index, LINLI_GRID_KIND_MANAGEMENT, p.lon, p.lat);
}

static gint64
sentiment_at (LinliGridIndex *index,
              double          x,
              double          y)
{
  LinliPoint p = at (x, y);
  return linli_grid_index_lookup (index, LINLI_GRID_KIND_SENTIMENT, p.lon, p.lat);
}

/* ------------------------------------------------------------------------ */

static void
test_empty (void)
{
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();
  gint64 management = -1, sentiment = -1;

  g_assert_cmpuint (linli_grid_index_get_n_grids (index), ==, 0);
  linli_grid_index_locate (index, LON0, LAT0, &management, &sentiment);
  g_assert_cmpint (management, ==, 0);
  g_assert_cmpint (sentiment, ==, 0);
  g_assert_cmpint (linli_grid_index_lookup (index, LINLI_GRID_KIND_MANAGEMENT, NAN, NAN), ==, 0);
}

static void
test_concave (void)
{
  /* A U: the notch is x 1..2, y 1..3; a second grid fills the notch. */
  const double u[] = { 0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3, 0, 0 };
  const double notch[] = { 1, 1, 2, 1, 2, 3, 1, 3, 1, 1 };
  g_autoptr(LinliGeometry) shape = geometry_from_units (u, G_N_ELEMENTS (u) / 2);
  g_autoptr(LinliGeometry) filler = geometry_from_units (notch, G_N_ELEMENTS (notch) / 2);
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();

  linli_grid_index_add (index, 7, LINLI_GRID_KIND_MANAGEMENT, shape);
  g_assert_cmpint (management_at (index, 0.5, 2), ==, 7);    /* left arm */
  g_assert_cmpint (management_at (index, 2.5, 2), ==, 7);    /* right arm */
  g_assert_cmpint (management_at (index, 1.5, 0.5), ==, 7);  /* bottom */
  g_assert_cmpint (management_at (index, 1.5, 2), ==, 0);    /* in the notch */
  g_assert_cmpint (management_at (index, 1.5, 2.9), ==, 0);
  g_assert_cmpint (management_at (index, 1.5, 3.5), ==, 0);  /* above it */
  g_assert_cmpint (management_at (index, -0.5, 2), ==, 0);
  g_assert_cmpint (management_at (index, 3.5, 2), ==, 0);

  /* Added after the index answered once: it is rebuilt. */
  linli_grid_index_add (index, 8, LINLI_GRID_KIND_MANAGEMENT, filler);
  g_assert_cmpuint (linli_grid_index_get_n_grids (index), ==, 2);
  g_assert_cmpint (management_at (index, 1.5, 2), ==, 8);
  g_assert_cmpint (management_at (index, 0.5, 2), ==, 7);
}

static void
test_hole (void)
{
  const double hole_xy[] = { 1, 1, 3, 1, 3, 3, 1, 3, 1, 1 };
  g_autoptr(LinliGeometry) ring = square_units (0, 0, 4);
  g_autoptr(LinliGeometry) island = square_units (1.5, 1.5, 1);
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();
  g_autofree LinliPoint *hole = g_new (LinliPoint, G_N_ELEMENTS (hole_xy) / 2);

  for (guint i = 0; i < G_N_ELEMENTS (hole_xy) / 2; i++)
    hole[i] = at (hole_xy[2 * i], hole_xy[2 * i + 1]);
  linli_geometry_add_ring (ring, TRUE, hole, G_N_ELEMENTS (hole_xy) / 2);

  /* A grid in the middle of the hole, as an estate inside a ring road. */
  linli_grid_index_add (index, 1, LINLI_GRID_KIND_MANAGEMENT, ring);
  linli_grid_index_add (index, 2, LINLI_GRID_KIND_MANAGEMENT, island);

  g_assert_cmpint (management_at (index, 0.5, 0.5), ==, 1);
  g_assert_cmpint (management_at (index, 3.5, 2), ==, 1);    /* beside the hole */
  g_assert_cmpint (management_at (index, 1.2, 1.2), ==, 0);  /* in the hole */
  g_assert_cmpint (management_at (index, 2.9, 2.9), ==, 0);
  g_assert_cmpint (management_at (index, 2, 2), ==, 2);      /* on the island */
  g_assert_cmpint (management_at (index, 5, 2), ==, 0);
}

/* Four squares in a 2 × 2 block: a point on a shared edge or the shared
 * corner is in exactly one, the one linli_geometry_contains() says. */
static void
test_edges (void)
{
  LinliGeometry *block[] = {
    square_units (0, 0, 1), square_units (1, 0, 1),
    square_units (0, 1, 1), square_units (1, 1, 1),
  };
  const double on_edges[][2] = {
    { 1, 0.5 }, { 1, 1.5 }, { 0.5, 1 }, { 1.5, 1 },
    { 1, 1 }, { 0, 0 }, { 2, 2 }, { 1, 0 }, { 0, 1 },
    { 1, 0.25 }, { 0.75, 1 }, { 1, 1.999 }, { 1.999, 1 },
  };
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();

  for (guint i = 0; i < G_N_ELEMENTS (block); i++)
    linli_grid_index_add (index, i + 1, LINLI_GRID_KIND_MANAGEMENT, block[i]);

  for (guint i = 0; i < G_N_ELEMENTS (on_edges); i++)
    {
      LinliPoint p = at (on_edges[i][0], on_edges[i][1]);
      gint64 expected = 0;
      guint n_in = 0;

      for (guint g = 0; g < G_N_ELEMENTS (block); g++)
        if (linli_geometry_contains (block[g], p.lon, p.lat))
          {
            n_in++;
            if (expected == 0)
              expected = g + 1;
          }
      /* Inside the block a boundary point belongs to one square; on its
       * outline to one or none. */
      if (on_edges[i][0] > 0 && on_edges[i][0] < 2 && on_edges[i][1] > 0 && on_edges[i][1] < 2)
        g_assert_cmpuint (n_in, ==, 1);
      else
        g_assert_cmpuint (n_in, <=, 1);
      g_assert_cmpint (linli_grid_index_lookup (index, LINLI_GRID_KIND_MANAGEMENT, p.lon, p.lat), ==, expected);
      /* The same every time. */
      g_assert_cmpint (linli_grid_index_lookup (index, LINLI_GRID_KIND_MANAGEMENT, p.lon, p.lat), ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (block); i++)
    linli_geometry_free (block[i]);
}

static void
test_kinds (void)
{
  /* Two management grids side by side under one sentiment grid that spans
   * both, and a second sentiment grid east of them. */
  g_autoptr(LinliGeometry) west = square_units (0, 0, 2);
  g_autoptr(LinliGeometry) east = square_units (2, 0, 2);
  g_autoptr(LinliGeometry) sentiment = square_units (0, 0, 4);
  g_autoptr(LinliGeometry) beyond = square_units (4, 0, 2);
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();
  gint64 management_id, sentiment_id;
  LinliPoint p;

  linli_grid_index_add (index, 10, LINLI_GRID_KIND_SENTIMENT, sentiment);
  linli_grid_index_add (index, 1, LINLI_GRID_KIND_MANAGEMENT, west);
  linli_grid_index_add (index, 2, LINLI_GRID_KIND_MANAGEMENT, east);
  linli_grid_index_add (index, 11, LINLI_GRID_KIND_SENTIMENT, beyond);

  g_assert_cmpint (management_at (index, 1, 1), ==, 1);
  g_assert_cmpint (sentiment_at (index, 1, 1), ==, 10);
  g_assert_cmpint (management_at (index, 3, 1), ==, 2);
  g_assert_cmpint (sentiment_at (index, 3, 1), ==, 10);
  g_assert_cmpint (management_at (index, 5, 1), ==, 0);
  g_assert_cmpint (sentiment_at (index, 5, 1), ==, 11);

  p = at (3, 0.5);
  linli_grid_index_locate (index, p.lon, p.lat, &management_id, &sentiment_id);
  g_assert_cmpint (management_id, ==, 2);
  g_assert_cmpint (sentiment_id, ==, 10);
  p = at (-1, 0.5);
  linli_grid_index_locate (index, p.lon, p.lat, &management_id, &sentiment_id);
  g_assert_cmpint (management_id, ==, 0);
  g_assert_cmpint (sentiment_id, ==, 0);
}

/* A star of @n vertices around (cx, cy), its radius jumping between r and
 * r/3 at random: as concave as outlines come. */
static LinliGeometry *
random_star (GRand  *rand,
             double  cx,
             double  cy,
             double  r,
             guint   n)
{
  LinliGeometry *geometry = linli_geometry_new ();
  g_autofree LinliPoint *points = g_new (LinliPoint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double radius = g_rand_boolean (rand) ? r : r * g_rand_double_range (rand, 0.3, 1.0);
      points[i] = at (cx + radius * cos (a), cy + radius * sin (a));
    }
  points[n] = points[0];
  linli_geometry_add_ring (geometry, FALSE, points, n + 1);
  return geometry;
}

/* Against linli_geometry_contains() on every grid in turn, at random points
 * and at the vertices and edge midpoints of the outlines, where rounding
 * would show. */
static void
test_same_as_contains (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GPtrArray) shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_geometry_free);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (LinliGridKind));
  g_autoptr(LinliGridIndex) index = linli_grid_index_new ();
  g_autoptr(GArray) probes = g_array_new (FALSE, FALSE, sizeof (LinliPoint));

  for (guint i = 0; i < 60; i++)
    {
      LinliGridKind kind = i % 5 == 4 ? LINLI_GRID_KIND_SENTIMENT : LINLI_GRID_KIND_MANAGEMENT;
      LinliGeometry *shape = random_star (rand,
                                          g_rand_double_range (rand, 0, 40),
                                          g_rand_double_range (rand, 0, 40),
                                          g_rand_double_range (rand, 1, kind ? 12 : 6),
                                          g_rand_int_range (rand, 3, 200));
      g_ptr_array_add (shapes, shape);
      g_array_append_val (kinds, kind);
      linli_grid_index_add (index, i + 1, kind, shape);
    }

  for (guint i = 0; i < 20000; i++)
    {
      LinliPoint p = at (g_rand_double_range (rand, -5, 45), g_rand_double_range (rand, -5, 45));
      g_array_append_val (probes, p);
    }
  for (guint s = 0; s < shapes->len; s++)
    {
      guint n;
      const LinliPoint *ring = linli_geometry_get_ring (g_ptr_array_index (shapes, s), 0, &n, NULL);
      for (guint i = 0; i + 1 < n; i++)
        {
          LinliPoint mid = { (ring[i].lon + ring[i + 1].lon) / 2, (ring[i].lat + ring[i + 1].lat) / 2 };
          g_array_append_val (probes, ring[i]);
          g_array_append_val (probes, mid);
        }
    }

  for (guint i = 0; i < probes->len; i++)
    {
      LinliPoint p = g_array_index (probes, LinliPoint, i);
      gint64 expected[2] = { 0, 0 }, got[2];

      for (guint s = 0; s < shapes->len; s++)
        {
          LinliGridKind kind = g_array_index (kinds, LinliGridKind, s);
          if (expected[kind] == 0 && linli_geometry_contains (g_ptr_array_index (shapes, s), p.lon, p.lat))
            expected[kind] = s + 1;
        }
      linli_grid_index_locate (index, p.lon, p.lat, &got[0], &got[1]);
      if (got[0] != expected[0] || got[1] != expected[1])
        g_error ("(%.17g, %.17g): the index says %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                 ", the outlines %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                 p.lon, p.lat, got[0], got[1], expected[0], expected[1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grid-index/empty", test_empty);
  g_test_add_func ("/grid-index/concave", test_concave);
  g_test_add_func ("/grid-index/hole", test_hole);
  g_test_add_func ("/grid-index/edges", test_edges);
  g_test_add_func ("/grid-index/kinds", test_kinds);
  g_test_add_func ("/grid-index/same-as-contains", test_same_as_contains);

  return g_test_run ();
}
