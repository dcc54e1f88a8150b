/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Points on the screen that would overlap merge into one disc: pure logic
 * over pixel positions, testable without a display. */

typedef struct
{
  double x, y;      /* the mean of its members, in the same pixels */
  guint  count;
  guint  first;     /* the lowest index among its members */
  guint  flags;     /* the members' flags OR-ed together */
} LinliCluster;

GArray *linli_point_cluster   (const double *xy,
                               const guint  *flags,
                               guint         n_points,
                               double        distance);
GArray *linli_point_cluster_full (const double *xy,
                                  const guint  *flags,
                                  guint         n_points,
                                  double        distance,
                                  guint        *cluster_of);
double  linli_cluster_radius  (guint         count,
                               double        point_radius);
int     linli_cluster_hit     (const LinliCluster *clusters,
                               guint               n_clusters,
                               double              point_radius,
                               double              x,
                               double              y);

G_END_DECLS
