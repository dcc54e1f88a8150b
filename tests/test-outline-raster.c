/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linli-outline-raster.h"

#define STROKE 0.9
#define FILL 0.22

/* A square ring from (x, y), @size on a side: four points, closed implicitly. */
static void
square (double *xy,
        double  x,
        double  y,
        double  size)
{
  const double ring[] = { x, y, x + size, y, x + size, y + size, x, y + size };
  memcpy (xy, ring, sizeof ring);
}

static guint8
at (cairo_surface_t *mask,
    int              x,
    int              y)
{
  cairo_surface_flush (mask);
  return cairo_image_surface_get_data (mask)[y * cairo_image_surface_get_stride (mask) + x];
}

static void
test_square (void)
{
  g_autoptr(LinliOutlineRaster) raster = linli_outline_raster_new ();
  double xy[8];
  guint sizes[] = { 4 };
  cairo_surface_t *mask;
  guint8 fill = (guint8) (FILL * 255 + 0.5), stroke = (guint8) (STROKE * 255 + 0.5);

  square (xy, 10, 10, 20);
  mask = linli_outline_raster_draw (raster, xy, sizes, 1, 1, 0, 0, 0, 0, 40, 40, 2, STROKE, FILL);
  g_assert_cmpint (cairo_image_surface_get_format (mask), ==, CAIRO_FORMAT_A8);
  g_assert_cmpint (cairo_image_surface_get_width (mask), ==, 40);

  /* Inside, the fill; outside, nothing. */
  g_assert_cmpuint (at (mask, 20, 20), ==, fill);
  g_assert_cmpuint (at (mask, 5, 5), ==, 0);
  g_assert_cmpuint (at (mask, 35, 20), ==, 0);
  /* The outline is two pixels wide, one each side of the edge at x = 10:
   * outside it the outline alone, inside it over the fill. */
  g_assert_cmpuint (at (mask, 9, 20), ==, stroke);
  g_assert_cmpuint (at (mask, 10, 20), >, stroke);
  g_assert_cmpuint (at (mask, 8, 20), ==, 0);
  g_assert_cmpuint (at (mask, 11, 20), ==, fill);
  /* The same on the far edges, at x = 30 and y = 30. */
  g_assert_cmpuint (at (mask, 30, 20), ==, stroke);
  g_assert_cmpuint (at (mask, 29, 20), >, stroke);
  g_assert_cmpuint (at (mask, 20, 30), ==, stroke);
  g_assert_cmpuint (at (mask, 20, 31), ==, 0);
  cairo_surface_destroy (mask);

  /* A line off the pixel grid, at x = 10.5: half covers its neighbours. */
  square (xy, 10.5, 10, 20);
  mask = linli_outline_raster_draw (raster, xy, sizes, 1, 1, 0, 0, 0, 0, 40, 40, 2, STROKE, 0);
  g_assert_cmpuint (at (mask, 10, 20), ==, stroke);
  g_assert_cmpint (abs ((int) at (mask, 9, 20) - stroke / 2), <=, 1);
  g_assert_cmpint (abs ((int) at (mask, 11, 20) - stroke / 2), <=, 1);
  cairo_surface_destroy (mask);
}

static void
test_hole_and_clip (void)
{
  g_autoptr(LinliOutlineRaster) raster = linli_outline_raster_new ();
  double xy[16];
  guint sizes[] = { 4, 4 };
  cairo_surface_t *mask;
  guint8 fill = (guint8) (FILL * 255 + 0.5);

  square (xy, 10, 10, 20);
  square (xy + 8, 15, 15, 10);
  mask = linli_outline_raster_draw (raster, xy, sizes, 2, 1, 0, 0, 0, 0, 40, 40, 2, STROKE, FILL);
  g_assert_cmpuint (at (mask, 20, 20), ==, 0);      /* in the hole */
  g_assert_cmpuint (at (mask, 12, 20), ==, fill);   /* between the rings */
  g_assert_cmpuint (at (mask, 15, 20), >, 0);       /* the hole's outline */
  cairo_surface_destroy (mask);

  /* Only the right half, where no edge crosses the rows at y = 12: the
   * inside is still known from the edges left of it. */
  mask = linli_outline_raster_draw (raster, xy, sizes, 2, 1, 0, 0, 20, 0, 20, 40, 2, STROKE, FILL);
  g_assert_cmpint (cairo_image_surface_get_width (mask), ==, 20);
  g_assert_cmpuint (at (mask, 0, 12), ==, fill);    /* (20, 12) */
  g_assert_cmpuint (at (mask, 0, 20), ==, 0);       /* (20, 20), in the hole */
  g_assert_cmpuint (at (mask, 15, 12), ==, 0);      /* (35, 12), outside */
  cairo_surface_destroy (mask);
}

static void
test_scale (void)
{
  g_autoptr(LinliOutlineRaster) raster = linli_outline_raster_new ();
  double xy[8];
  guint sizes[] = { 4 };
  cairo_surface_t *mask;
  guint8 stroke = (guint8) (STROKE * 255 + 0.5);

  /* Units of two device pixels, shifted by 4: the edge at 5 is at 14, and
   * the outline four pixels wide. */
  square (xy, 5, 5, 10);
  mask = linli_outline_raster_draw (raster, xy, sizes, 1, 2, 4, 4, 0, 0, 40, 40, 2, STROKE, 0);
  g_assert_cmpuint (at (mask, 12, 20), ==, stroke);
  g_assert_cmpuint (at (mask, 15, 20), ==, stroke);
  g_assert_cmpuint (at (mask, 11, 20), ==, 0);
  g_assert_cmpuint (at (mask, 16, 20), ==, 0);
  cairo_surface_destroy (mask);
}

static void
test_simplify (void)
{
  double xy[2 * 400], out[2 * 400];
  guint n = 0, kept;

  /* A square of 40 with a point every 0.4 along its edges, each a little
   * off the line: only the corners are needed. */
  for (int side = 0; side < 4; side++)
    for (int k = 0; k < 100; k++)
      {
        double t = k * 0.4, wobble = (k % 2 ? 0.1 : -0.1) * (k != 0);
        double x = side == 0 ? t : side == 1 ? 40 + wobble : side == 2 ? 40 - t : wobble;
        double y = side == 0 ? wobble : side == 1 ? t : side == 2 ? 40 + wobble : 40 - t;

        xy[2 * n] = x;
        xy[2 * n + 1] = y;
        n++;
      }
  kept = linli_outline_simplify (xy, n, 0.25, out);
  g_assert_cmpuint (kept, ==, 4);
  for (guint i = 0; i < kept; i++)
    {
      g_assert_true (out[2 * i] == 0 || out[2 * i] == 40);
      g_assert_true (out[2 * i + 1] == 0 || out[2 * i + 1] == 40);
    }

  /* A notch of one unit is kept, the points beside it too. */
  xy[2 * 50 + 1] = 1;
  kept = linli_outline_simplify (xy, n, 0.25, out);
  g_assert_cmpuint (kept, >, 4);
  g_assert_cmpuint (kept, <=, 8);

  /* Nothing lost when nothing is within tolerance, nor from a triangle. */
  kept = linli_outline_simplify (xy, n, 0, out);
  g_assert_cmpuint (kept, ==, n);
  g_assert_cmpmem (out, 2 * n * sizeof (double), xy, 2 * n * sizeof (double));
  kept = linli_outline_simplify (xy, 3, 100, out);
  g_assert_cmpuint (kept, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outline-raster/square", test_square);
  g_test_add_func ("/outline-raster/hole-and-clip", test_hole_and_clip);
  g_test_add_func ("/outline-raster/scale", test_scale);
  g_test_add_func ("/outline-raster/simplify", test_simplify);
  return g_test_run ();
}
