/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "linli-geometry.h"

G_BEGIN_DECLS

/* Placing a picture (a site plan) on the map from points matched on both:
 * two pairs give a similarity (move, turn, scale), three an affine
 * transform (also shear and unequal scale, for a plan drawn a little
 * askew). The fit is made in Web Mercator, where the map is flat. */

typedef struct
{
  double image_x, image_y;   /* pixels of the picture, y downwards */
  double lon, lat;           /* WGS-84 degrees */
} LinliControlPoint;

/* Picture pixel (u, v) → Web Mercator (X, Y), the world being [0, 1]²
 * with Y downwards: X = xx·u + xy·v + x0, Y = yx·u + yy·v + y0. */
typedef struct
{
  double xx, xy, x0;
  double yx, yy, y0;
} LinliPlanTransform;

#define LINLI_PLAN_TRANSFORM_ERROR (linli_plan_transform_error_quark ())

typedef enum {
  LINLI_PLAN_TRANSFORM_ERROR_POINTS,      /* not two or three pairs */
  LINLI_PLAN_TRANSFORM_ERROR_DEGENERATE,  /* points on one spot or one line */
  LINLI_PLAN_TRANSFORM_ERROR_PARSE,
} LinliPlanTransformError;

GQuark     linli_plan_transform_error_quark (void);

gboolean   linli_plan_transform_fit       (const LinliControlPoint *points,
                                           guint                    n_points,
                                           LinliPlanTransform      *transform,
                                           GError                 **error);
LinliPoint linli_plan_transform_apply     (const LinliPlanTransform *transform,
                                           double                    image_x,
                                           double                    image_y);

void       linli_mercator_from_lonlat     (double  lon,
                                           double  lat,
                                           double *x,
                                           double *y);
void       linli_mercator_to_lonlat       (double  x,
                                           double  y,
                                           double *lon,
                                           double *lat);

/* The control points as stored: [[image x, image y, lon, lat], ...]. */
char      *linli_control_points_to_json   (const LinliControlPoint *points,
                                           guint                    n_points);
LinliControlPoint *linli_control_points_parse (const char          *json,
                                           guint                   *n_points,
                                           GError                 **error);

G_END_DECLS
