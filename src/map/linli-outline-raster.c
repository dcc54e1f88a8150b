/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outline-raster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-outline-raster.h"

/* Buffers kept from one polygon to the next: a tile draws dozens. */
struct _LinliOutlineRaster
{
  guint8  *mask;
  gsize    mask_size;
  double  *pts;          /* the polygon in mask pixels */
  gsize    pts_size;
  guint   *row_start;    /* per row, its first crossing in xs; one more than rows */
  gsize    rows_size;
  double  *xs;           /* where the edges cross each row's centre */
  gsize    xs_size;
};

LinliOutlineRaster *
linli_outline_raster_new (void)
{
  return g_new0 (LinliOutlineRaster, 1);
}

void
linli_outline_raster_free (LinliOutlineRaster *self)
{
  if (self == NULL)
    return;
  g_free (self->mask);
  g_free (self->pts);
  g_free (self->row_start);
  g_free (self->xs);
  g_free (self);
}

static void
reserve (gpointer *buffer,
         gsize    *size,
         gsize     needed)
{
  if (*size >= needed)
    return;
  *size = MAX (needed, 2 * *size);
  g_free (*buffer);
  *buffer = g_malloc (*size);
}

/* The segment's coverage, a round-ended line of half width @r, into the
 * mask: each pixel keeps the most any segment gives it, so the outline is
 * never darker where segments meet. */
static void
stroke_segment (guint8       *mask,
                int           stride,
                int           width,
                int           height,
                const double *a,
                const double *b,
                double        r,
                double        alpha)
{
  float dx = b[0] - a[0], dy = b[1] - a[1];
  float l2 = dx * dx + dy * dy, l, inv_l2;
  float reach = r + 0.5f;     /* pixel centres further away get nothing */
  float reach2 = reach * reach;
  float full2 = r > 0.5 ? (r - 0.5f) * (r - 0.5f) : 0;  /* nearer get all */
  float scale = alpha * 255;
  guint8 full = (guint8) (scale + 0.5f);
  int i0, i1, j0, j1;

  if (l2 <= 0)
    return;
  l = sqrtf (l2);
  inv_l2 = 1 / l2;
  /* Pixels whose centre is within reach of the segment's box. */
  i0 = MAX (0, (int) ceil (MIN (a[0], b[0]) - reach - 0.5));
  i1 = MIN (width - 1, (int) floor (MAX (a[0], b[0]) + reach - 0.5));
  j0 = MAX (0, (int) ceil (MIN (a[1], b[1]) - reach - 0.5));
  j1 = MIN (height - 1, (int) floor (MAX (a[1], b[1]) + reach - 0.5));

  for (int j = j0; j <= j1; j++)
    {
      float qy = j + 0.5f - a[1];
      int s0 = i0, s1 = i1;
      guint8 *row = mask + (gsize) j * stride;

      /* Only the pixels near the line through the segment, so a long
       * slanted edge costs its length, not its bounding box. */
      if (fabsf (dy) > 1e-6f * l)
        {
          float c = qy * dx / dy, w = reach * l / fabsf (dy);
          float e0 = a[0] + c - w, e1 = a[0] + c + w;

          s0 = MAX (s0, (int) ceilf (e0 - 0.5f));
          s1 = MIN (s1, (int) floorf (e1 - 0.5f));
        }
      for (int i = s0; i <= s1; i++)
        {
          float qx = i + 0.5f - a[0];
          float t, ex, ey, d2;
          guint8 v;

          /* Where segments meet, most pixels are full already. */
          if (row[i] >= full)
            continue;
          t = CLAMP ((qx * dx + qy * dy) * inv_l2, 0.f, 1.f);
          ex = qx - t * dx;
          ey = qy - t * dy;
          d2 = ex * ex + ey * ey;
          if (d2 >= reach2)
            continue;
          v = d2 <= full2 ? full : (guint8) (MIN (reach - sqrtf (d2), 1.f) * scale + 0.5f);
          if (v > row[i])
            row[i] = v;
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Rows crossed by an edge: those whose centre is in [min y, max y). */
static gboolean
edge_rows (const double *a,
           const double *b,
           int           height,
           int          *j0,
           int          *j1)
{
  double y0 = MIN (a[1], b[1]), y1 = MAX (a[1], b[1]);

  if (a[1] == b[1])
    return FALSE;
  *j0 = MAX (0, (int) ceil (y0 - 0.5));
  *j1 = MIN (height, (int) ceil (y1 - 0.5));
  return *j0 < *j1;
}

/* The inside, even-odd, at pixel centres, under the outline already there:
 * the two in one colour come to fill + stroke × (1 − fill). */
static void
fill_polygon (LinliOutlineRaster *self,
              const double       *pts,
              const guint        *ring_sizes,
              guint               n_rings,
              int                 stride,
              int                 width,
              int                 height,
              double              alpha)
{
  guint *start;
  guint total = 0, k = 0;
  guint8 add = (guint8) (alpha * 255 + 0.5);
  guint8 under[256];    /* what a pixel of each coverage becomes */

  for (guint v = 0; v < 256; v++)
    under[v] = v + (add * (255 - v) + 127) / 255;

  reserve ((gpointer *) &self->row_start, &self->rows_size, (height + 1) * sizeof (guint));
  start = self->row_start;
  memset (start, 0, (height + 1) * sizeof (guint));

  /* Count the crossings of each row, then place them. */
  for (guint r = 0; r < n_rings; k += ring_sizes[r], r++)
    for (guint e = 0; e < ring_sizes[r]; e++)
      {
        const double *a = &pts[2 * (k + e)], *b = &pts[2 * (k + (e + 1) % ring_sizes[r])];
        int j0, j1;

        if (edge_rows (a, b, height, &j0, &j1))
          for (int j = j0; j < j1; j++)
            start[j + 1]++;
      }
  for (int j = 0; j < height; j++)
    start[j + 1] += start[j];
  total = start[height];
  if (total == 0)
    return;
  reserve ((gpointer *) &self->xs, &self->xs_size, total * sizeof (double));

  k = 0;
  for (guint r = 0; r < n_rings; k += ring_sizes[r], r++)
    for (guint e = 0; e < ring_sizes[r]; e++)
      {
        const double *a = &pts[2 * (k + e)], *b = &pts[2 * (k + (e + 1) % ring_sizes[r])];
        double slope;
        int j0, j1;

        if (!edge_rows (a, b, height, &j0, &j1))
          continue;
        slope = (b[0] - a[0]) / (b[1] - a[1]);
        /* start[j] is the next free place of row j while placing. */
        for (int j = j0; j < j1; j++)
          self->xs[start[j]++] = a[0] + (j + 0.5 - a[1]) * slope;
      }
  /* Each row's start moved on to the next row's: shift back. */
  for (int j = height; j > 0; j--)
    start[j] = start[j - 1];
  start[0] = 0;

  for (int j = 0; j < height; j++)
    {
      double *xs = &self->xs[start[j]];
      guint n = start[j + 1] - start[j];
      guint8 *row = self->mask + (gsize) j * stride;

      if (n > 2)
        qsort (xs, n, sizeof (double), compare_doubles);
      else if (n == 2 && xs[0] > xs[1])
        {
          double t = xs[0];
          xs[0] = xs[1];
          xs[1] = t;
        }
      for (guint c = 0; c + 1 < n; c += 2)
        {
          int i0 = MAX (0, (int) ceil (xs[c] - 0.5));
          int i1 = MIN (width, (int) ceil (xs[c + 1] - 0.5));

          for (int i = i0; i < i1; i++)
            row[i] = under[row[i]];
        }
    }
}

/**
 * linli_outline_raster_draw:
 * @xy: (array): every ring's points, x and y, in user units
 * @ring_sizes: (array length=n_rings): points in each ring, closed
 *   implicitly
 * @scale: device pixels of a user unit
 * @offset_x: where user 0 lands in device pixels
 * @x0: the device rectangle to draw, clipped to
 * @line_width: in user units
 * @stroke_alpha: the outline's opacity
 * @fill_alpha: the inside's opacity
 *
 * Returns: (transfer full): an A8 mask of @width × @height for the device
 *   rectangle at (@x0, @y0), using memory of @self, so valid until the next
 *   call: paint through it, then destroy it
 */
cairo_surface_t *
linli_outline_raster_draw (LinliOutlineRaster *self,
                           const double       *xy,
                           const guint        *ring_sizes,
                           guint               n_rings,
                           double              scale,
                           double              offset_x,
                           double              offset_y,
                           int                 x0,
                           int                 y0,
                           int                 width,
                           int                 height,
                           double              line_width,
                           double              stroke_alpha,
                           double              fill_alpha)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_A8, MAX (width, 1));
  guint n = 0, k = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  for (guint r = 0; r < n_rings; r++)
    n += ring_sizes[r];
  reserve ((gpointer *) &self->mask, &self->mask_size, (gsize) stride * height);
  memset (self->mask, 0, (gsize) stride * height);
  reserve ((gpointer *) &self->pts, &self->pts_size, MAX (n, 1) * 2 * sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      self->pts[2 * i] = xy[2 * i] * scale + offset_x - x0;
      self->pts[2 * i + 1] = xy[2 * i + 1] * scale + offset_y - y0;
    }

  for (guint r = 0; r < n_rings; k += ring_sizes[r], r++)
    for (guint e = 0; e < ring_sizes[r] && ring_sizes[r] > 1; e++)
      stroke_segment (self->mask, stride, width, height,
                      &self->pts[2 * (k + e)], &self->pts[2 * (k + (e + 1) % ring_sizes[r])],
                      line_width * scale / 2, stroke_alpha);
  if (fill_alpha > 0)
    fill_polygon (self, self->pts, ring_sizes, n_rings, stride, width, height, fill_alpha);

  return cairo_image_surface_create_for_data (self->mask, CAIRO_FORMAT_A8, width, height, stride);
}

/* The squared distance of @p from the segment @a @b. */
static double
segment_distance2 (const double *p,
                   const double *a,
                   const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
  double t = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  double ex, ey;

  t = CLAMP (t, 0, 1);
  ex = a[0] + t * dx - p[0];
  ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/**
 * linli_outline_simplify:
 * @xy: (array): a closed ring's points, x and y
 * @tolerance: how far a dropped point may lie from the outline kept
 * @out: (array): room for @n_points points
 *
 * Drops the points of a ring that lie within @tolerance of the outline
 * through the others (Douglas–Peucker), as a ring traced a point a metre
 * has dozens in one pixel when the map shows a whole community. The first
 * point and the one furthest from it are always kept; a ring that would
 * keep fewer than three points is kept whole.
 *
 * Returns: the number of points written to @out
 */
guint
linli_outline_simplify (const double *xy,
                        guint         n_points,
                        double        tolerance,
                        double       *out)
{
  g_autofree gboolean *keep = NULL;
  g_autoptr(GArray) stack = NULL;
  double t2 = tolerance * tolerance, best = -1;
  guint far = 0, n_out = 0;

  if (n_points < 4 || tolerance <= 0)
    {
      memcpy (out, xy, 2 * n_points * sizeof (double));
      return n_points;
    }

  keep = g_new0 (gboolean, n_points + 1);
  for (guint i = 1; i < n_points; i++)
    {
      double dx = xy[2 * i] - xy[0], dy = xy[2 * i + 1] - xy[1];
      if (dx * dx + dy * dy > best)
        {
          best = dx * dx + dy * dy;
          far = i;
        }
    }
  keep[0] = keep[far] = keep[n_points] = TRUE;

  /* Spans still to look at, as index pairs; index n_points is the first
   * point again, closing the ring. */
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (stack, (guint[]) { 0, far, far, n_points }, 4);
  while (stack->len > 0)
    {
      guint j = g_array_index (stack, guint, stack->len - 1);
      guint i = g_array_index (stack, guint, stack->len - 2);
      const double *a = &xy[2 * i], *b = &xy[2 * (j % n_points)];
      guint worst = 0;

      g_array_set_size (stack, stack->len - 2);
      best = t2;
      for (guint k = i + 1; k < j; k++)
        {
          double d2 = segment_distance2 (&xy[2 * k], a, b);
          if (d2 > best)
            {
              best = d2;
              worst = k;
            }
        }
      if (worst != 0)
        {
          keep[worst] = TRUE;
          g_array_append_vals (stack, (guint[]) { i, worst, worst, j }, 4);
        }
    }

  for (guint i = 0; i < n_points; i++)
    if (keep[i])
      {
        out[2 * n_out] = xy[2 * i];
        out[2 * n_out + 1] = xy[2 * i + 1];
        n_out++;
      }
  if (n_out < 3)
    {
      memcpy (out, xy, 2 * n_points * sizeof (double));
      return n_points;
    }
  return n_out;
}
