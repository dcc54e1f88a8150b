/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-map-points.h"

G_BEGIN_DECLS

/* The points of one kind as a point layer draws them, worked out without
 * a widget, so in a thread: their places in world pixels at zoom level 0,
 * their flags, and optionally their clusters at one zoom level with the
 * tiles each cluster's symbol reaches into. */

/* A case's dot, in pixels: cases whose dots would touch merge. */
#define LINLI_POINT_RADIUS 6.0

/* Beyond the half side of any sprite (the tiles a symbol may reach are
 * found with it): a disc of the most cases with its overdue ring is
 * POINT_RADIUS + 5 + 8 + 3, and 2 more of margin. */
#define LINLI_POINT_SYMBOL_REACH 32.0

typedef struct
{
  double      zoom;
  GArray     *clusters;       /* LinliCluster */
  GHashTable *tile_clusters;  /* tile key → GArray of the guint indices of the
                               * clusters whose symbol may reach into it, in order */
} LinliPointClusters;

typedef struct
{
  LinliMapPointKind   kind;
  GArray             *points;     /* LinliMapPoint, every kind: shared, or NULL */
  GArray             *mine;       /* guint: indices into points of this kind */
  double              tile_size;  /* of the map source the places are in */
  double             *unit_xy;    /* world pixels of mine at zoom level 0 */
  guint              *flags;      /* per entry of mine: for a case, the bit of its rank */
  LinliPointClusters *clusters;   /* made with the set, or NULL */
} LinliPointSet;

void                linli_world_from_location_at (double          tile_size,
                                                  double          zoom,
                                                  double          lat,
                                                  double          lon,
                                                  double         *x,
                                                  double         *y);

double              linli_point_cluster_distance (LinliMapPointKind kind,
                                                  double            zoom);
gint64              linli_point_tile_key         (gint64          tx,
                                                  gint64          ty);

LinliPointSet      *linli_point_set_new          (GArray           *points,
                                                  LinliMapPointKind kind,
                                                  double            tile_size);
void                linli_point_set_free         (LinliPointSet    *self);
LinliPointClusters *linli_point_set_cluster      (LinliPointSet    *self,
                                                  const double     *xy,
                                                  double            zoom);
void                linli_point_clusters_free    (LinliPointClusters *clusters);

void                linli_point_sets_new_async   (GArray              *points,
                                                  double               tile_size,
                                                  double               zoom,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray          *linli_point_sets_new_finish  (GAsyncResult        *result,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliPointSet, linli_point_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliPointClusters, linli_point_clusters_free)

G_END_DECLS
