/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-point-cluster"

#include "config.h"

#include <math.h>

#include "linli-point-cluster.h"

/* Cells of @distance pixels: a point's neighbours within that distance are
 * in its cell or the eight around it. */
static gint64
cell_key (double x,
          double y,
          double distance)
{
  gint64 cx = (gint64) floor (x / distance);
  gint64 cy = (gint64) floor (y / distance);
  /* Shifted as unsigned: a cell left of or above the origin is negative. */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

/* g_int64_hash() is x ^ y for these keys, the same all along a diagonal:
 * Fibonacci hashing spreads the cells. */
static guint
cell_hash (gconstpointer key)
{
  guint64 v = (guint64) *(const gint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (v >> 32);
}

/**
 * linli_point_cluster:
 * @xy: (array): x and y of each point, in pixels
 * @flags: (nullable) (array): a flag word per point, OR-ed into its cluster
 * @distance: points closer than this to a cluster's first point join it
 *
 * Greedy and in order: each point not yet taken starts a cluster and takes
 * every point not yet taken within @distance of it. The same points in the
 * same order always cluster the same way.
 *
 * Returns: (transfer full) (element-type LinliCluster): the clusters, a
 *   single point being a cluster of one; all points alone if @distance ≤ 0
 */
GArray *
linli_point_cluster (const double *xy,
                     const guint  *flags,
                     guint         n_points,
                     double        distance)
{
  return linli_point_cluster_full (xy, flags, n_points, distance, NULL);
}

/**
 * linli_point_cluster_full:
 * @cluster_of: (out caller-allocates) (array) (nullable): @n_points
 *   numbers, set to the index of the cluster each point joined
 *
 * linli_point_cluster(), telling which points each cluster holds.
 */
GArray *
linli_point_cluster_full (const double *xy,
                          const guint  *flags,
                          guint         n_points,
                          double        distance,
                          guint        *cluster_of)
{
  GArray *clusters = g_array_sized_new (FALSE, FALSE, sizeof (LinliCluster), n_points);
  g_autoptr(GHashTable) cells = NULL;
  g_autofree guint *next = NULL;   /* the next point in the same cell, or G_MAXUINT */
  g_autofree gboolean *taken = NULL;

  g_return_val_if_fail (xy != NULL || n_points == 0, clusters);

  if (distance <= 0)
    {
      for (guint i = 0; i < n_points; i++)
        {
          LinliCluster c = { xy[2 * i], xy[2 * i + 1], 1, i, flags ? flags[i] : 0 };
          if (cluster_of != NULL)
            cluster_of[i] = clusters->len;
          g_array_append_val (clusters, c);
        }
      return clusters;
    }

  /* Each cell holds a chain of its points, lowest index first. */
  cells = g_hash_table_new (cell_hash, g_int64_equal);
  next = g_new (guint, n_points);
  taken = g_new0 (gboolean, n_points);
  {
    g_autofree gint64 *keys = g_new (gint64, n_points);
    g_autoptr(GHashTable) last = g_hash_table_new (cell_hash, g_int64_equal);

    for (guint i = 0; i < n_points; i++)
      {
        gpointer tail;

        keys[i] = cell_key (xy[2 * i], xy[2 * i + 1], distance);
        next[i] = G_MAXUINT;
        if (g_hash_table_lookup_extended (last, &keys[i], NULL, &tail))
          next[GPOINTER_TO_UINT (tail)] = i;
        else
          g_hash_table_insert (cells, &keys[i], GUINT_TO_POINTER (i));
        g_hash_table_insert (last, &keys[i], GUINT_TO_POINTER (i));
      }

    for (guint i = 0; i < n_points; i++)
      {
        LinliCluster c = { 0, 0, 0, i, 0 };
        double x = xy[2 * i], y = xy[2 * i + 1];

        if (taken[i])
          continue;
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              gint64 key = cell_key (x + dx * distance, y + dy * distance, distance);
              gpointer head;

              if (!g_hash_table_lookup_extended (cells, &key, NULL, &head))
                continue;
              for (guint j = GPOINTER_TO_UINT (head); j != G_MAXUINT; j = next[j])
                {
                  double ddx = xy[2 * j] - x, ddy = xy[2 * j + 1] - y;

                  if (taken[j] || ddx * ddx + ddy * ddy >= distance * distance)
                    continue;
                  taken[j] = TRUE;
                  if (cluster_of != NULL)
                    cluster_of[j] = clusters->len;
                  c.x += xy[2 * j];
                  c.y += xy[2 * j + 1];
                  c.count++;
                  c.flags |= flags ? flags[j] : 0;
                }
            }
        c.x /= c.count;
        c.y /= c.count;
        g_array_append_val (clusters, c);
      }
  }
  return clusters;
}

/* A disc grows slowly with its count so that a big cluster stands out
 * without covering its neighbours. */
double
linli_cluster_radius (guint  count,
                      double point_radius)
{
  if (count <= 1)
    return point_radius;
  return point_radius + 5 + MIN (8, 2 * log2 (count));
}

/**
 * linli_cluster_hit:
 *
 * Returns: the index of the cluster drawn under (@x, @y) — the nearest of
 *   those whose disc it is in, the last drawn on a tie — or -1
 */
int
linli_cluster_hit (const LinliCluster *clusters,
                   guint               n_clusters,
                   double              point_radius,
                   double              x,
                   double              y)
{
  double best = INFINITY;
  int hit = -1;

  for (guint i = 0; i < n_clusters; i++)
    {
      double r = linli_cluster_radius (clusters[i].count, point_radius);
      double dx = clusters[i].x - x, dy = clusters[i].y - y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= r * r && d2 <= best)
        {
          best = d2;
          hit = i;
        }
    }
  return hit;
}
