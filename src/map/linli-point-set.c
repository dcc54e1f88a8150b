/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-point-set"

#include "config.h"

#include <math.h>

#include "linli-point-cluster.h"
#include "linli-point-set.h"
#include "linli-tile-cache.h"

/* Clustering cases and projecting every point takes tens of milliseconds
 * at a million cases: done here, in a thread, as the points arrive, the
 * window draws them without stopping. Nothing here touches a widget or a
 * map source. */

#define CLUSTER_MAX_ZOOM 18
/* From CLUSTER_MAX_ZOOM on, only cases this close (in pixels) merge: a
 * pile at one place, which no zoom would part. */
#define PILE_DISTANCE 1.0

/**
 * linli_world_from_location_at:
 * @tile_size: of the map source's tiles at whole zoom levels
 *
 * The world pixels of a place at @zoom, as shumate_map_source_get_x() and
 * shumate_map_source_get_y() of a Web Mercator source with tiles of
 * @tile_size work them out, without the source, so in any thread.
 */
void
linli_world_from_location_at (double  tile_size,
                              double  zoom,
                              double  lat,
                              double  lon,
                              double *x,
                              double *y)
{
  /* A tile of a fractional level is that of the level below, scaled. */
  double size = tile_size * exp2 (zoom - floor (zoom)) * exp2 (floor (zoom));
  double s;

  lat = CLAMP (lat, SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE);
  lon = CLAMP (lon, SHUMATE_MIN_LONGITUDE, SHUMATE_MAX_LONGITUDE);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0 * size;
  *y = (0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI)) * size;
}

/* Cases whose dots would touch merge, and from CLUSTER_MAX_ZOOM on those
 * piled at one place; the other kinds are few, and never merge. */
double
linli_point_cluster_distance (LinliMapPointKind kind,
                              double            zoom)
{
  if (kind != LINLI_MAP_POINT_CASE)
    return 0;
  return zoom < CLUSTER_MAX_ZOOM ? 2 * LINLI_POINT_RADIUS : PILE_DISTANCE;
}

gint64
linli_point_tile_key (gint64 tx,
                      gint64 ty)
{
  /* Shifted as unsigned: a tile left of or above the origin is negative. */
  return (gint64) (((guint64) tx << 32) ^ ((guint64) ty & 0xffffffff));
}

/**
 * linli_point_set_new:
 * @points: (nullable) (element-type LinliMapPoint): of every kind; the set
 *   keeps a reference
 * @tile_size: of the viewport's reference map source
 *
 * Returns: (transfer full): the points of @kind, projected, not clustered
 */
LinliPointSet *
linli_point_set_new (GArray            *points,
                     LinliMapPointKind  kind,
                     double             tile_size)
{
  LinliPointSet *self = g_new0 (LinliPointSet, 1);
  guint n;

  self->kind = kind;
  self->tile_size = tile_size;
  self->points = points != NULL ? g_array_ref (points) : NULL;
  self->mine = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; points != NULL && i < points->len; i++)
    if (g_array_index (points, LinliMapPoint, i).kind == kind)
      g_array_append_val (self->mine, i);

  n = self->mine->len;
  self->unit_xy = g_new (double, 2 * MAX (n, 1));
  self->flags = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const LinliMapPoint *p = &g_array_index (points, LinliMapPoint, g_array_index (self->mine, guint, i));

      /* World pixels only double from a level to the next: the places are
       * projected once, at level 0, and scaled. */
      linli_world_from_location_at (tile_size, 0, p->lat, p->lon, &self->unit_xy[2 * i], &self->unit_xy[2 * i + 1]);
      if (kind == LINLI_MAP_POINT_CASE)
        self->flags[i] = 1u << linli_map_case_rank (p->status, p->overdue);
    }
  return self;
}

void
linli_point_clusters_free (LinliPointClusters *clusters)
{
  if (clusters == NULL)
    return;
  g_clear_pointer (&clusters->clusters, g_array_unref);
  g_clear_pointer (&clusters->tile_clusters, g_hash_table_unref);
  g_free (clusters);
}

void
linli_point_set_free (LinliPointSet *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->mine, g_array_unref);
  g_clear_pointer (&self->unit_xy, g_free);
  g_clear_pointer (&self->flags, g_free);
  g_clear_pointer (&self->clusters, linli_point_clusters_free);
  g_free (self);
}

/**
 * linli_point_set_cluster:
 * @xy: (nullable): the set's places at @zoom, if already worked out
 *
 * Returns: (transfer full): the clusters of the set at @zoom, and the
 *   tiles their symbols reach into
 */
LinliPointClusters *
linli_point_set_cluster (LinliPointSet *self,
                         const double  *xy,
                         double         zoom)
{
  LinliPointClusters *result = g_new0 (LinliPointClusters, 1);
  g_autofree double *own = NULL;
  guint n = self->mine->len;

  if (xy == NULL)
    {
      double size = exp2 (zoom);

      own = g_new (double, 2 * MAX (n, 1));
      for (guint i = 0; i < 2 * n; i++)
        own[i] = self->unit_xy[i] * size;
      xy = own;
    }

  result->zoom = zoom;
  result->clusters = linli_point_cluster (xy, self->flags, n, linli_point_cluster_distance (self->kind, zoom));

  /* Each tile then looks only at its own, not at thousands. */
  result->tile_clusters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_array_unref);
  for (guint c = 0; c < result->clusters->len; c++)
    {
      const LinliCluster *cluster = &g_array_index (result->clusters, LinliCluster, c);
      gint64 tx0 = (gint64) floor ((cluster->x - LINLI_POINT_SYMBOL_REACH) / LINLI_TILE_SIZE);
      gint64 tx1 = (gint64) floor ((cluster->x + LINLI_POINT_SYMBOL_REACH) / LINLI_TILE_SIZE);
      gint64 ty0 = (gint64) floor ((cluster->y - LINLI_POINT_SYMBOL_REACH) / LINLI_TILE_SIZE);
      gint64 ty1 = (gint64) floor ((cluster->y + LINLI_POINT_SYMBOL_REACH) / LINLI_TILE_SIZE);

      for (gint64 ty = ty0; ty <= ty1; ty++)
        for (gint64 tx = tx0; tx <= tx1; tx++)
          {
            gint64 key = linli_point_tile_key (tx, ty);
            GArray *list = g_hash_table_lookup (result->tile_clusters, &key);

            if (list == NULL)
              {
                list = g_array_new (FALSE, FALSE, sizeof (guint));
                g_hash_table_insert (result->tile_clusters, g_memdup2 (&key, sizeof key), list);
              }
            g_array_append_val (list, c);
          }
    }
  return result;
}

typedef struct
{
  GArray *points;
  double  tile_size;
  double  zoom;
} SetsJob;

static void
sets_job_free (gpointer data)
{
  SetsJob *job = data;

  g_clear_pointer (&job->points, g_array_unref);
  g_free (job);
}

static void
sets_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SetsJob *job = task_data;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_point_set_free);

  for (guint kind = 0; kind < LINLI_MAP_POINT_N_KINDS; kind++)
    {
      LinliPointSet *set = linli_point_set_new (job->points, kind, job->tile_size);

      if (!isnan (job->zoom) && set->mine->len > 0)
        set->clusters = linli_point_set_cluster (set, NULL, job->zoom);
      g_ptr_array_add (sets, set);
      if (g_task_return_error_if_cancelled (task))
        return;
    }
  g_task_return_pointer (task, g_steal_pointer (&sets), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * linli_point_sets_new_async:
 * @points: (element-type LinliMapPoint): of every kind
 * @tile_size: of the viewport's reference map source
 * @zoom: the level to cluster them at, or NAN for none
 *
 * A set of each kind of point (#LinliMapPointKind, in order) made in a
 * thread, clustered at @zoom.
 */
void
linli_point_sets_new_async (GArray              *points,
                            double               tile_size,
                            double               zoom,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SetsJob *job;

  g_return_if_fail (points != NULL);
  g_return_if_fail (tile_size > 0);

  job = g_new0 (SetsJob, 1);
  job->points = g_array_ref (points);
  job->tile_size = tile_size;
  job->zoom = zoom;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, linli_point_sets_new_async);
  g_task_set_task_data (task, job, sets_job_free);
  g_task_run_in_thread (task, sets_thread);
}

/**
 * linli_point_sets_new_finish:
 *
 * Returns: (transfer full) (element-type LinliPointSet): a set per kind of
 *   point, or %NULL with @error set
 */
GPtrArray *
linli_point_sets_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
