/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-plan-transform"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "linli-plan-transform.h"

/* Below this, in squared Web Mercator units or picture pixels, points are
 * taken to be on one spot or one line. A metre at the equator is 2.5e-8. */
#define MIN_MAP_DET    1e-24
#define MIN_IMAGE_DET  1e-6

G_DEFINE_QUARK (linli-plan-transform-error-quark, linli_plan_transform_error)

void
linli_mercator_from_lonlat (double  lon,
                            double  lat,
                            double *x,
                            double *y)
{
  double phi = lat * G_PI / 180;

  *x = (lon + 180) / 360;
  *y = (1 - log (tan (phi) + 1 / cos (phi)) / G_PI) / 2;
}

void
linli_mercator_to_lonlat (double  x,
                          double  y,
                          double *lon,
                          double *lat)
{
  *lon = x * 360 - 180;
  *lat = atan (sinh (G_PI * (1 - 2 * y))) * 180 / G_PI;
}

static void
set_degenerate (GError **error)
{
  g_set_error_literal (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_DEGENERATE,
                       _("The points are too close together or on one line: choose points far apart, "
                         "such as three corners of the plan."));
}

/* Two pairs: the similarity z = s·w + t of complex numbers, w = u + iv the
 * picture point and z = X + iY the map point. */
static gboolean
fit_similarity (const LinliControlPoint *p,
                LinliPlanTransform      *t,
                GError                 **error)
{
  double X1, Y1, X2, Y2;
  double du = p[1].image_x - p[0].image_x, dv = p[1].image_y - p[0].image_y;
  double dX, dY, n, sr, si;

  linli_mercator_from_lonlat (p[0].lon, p[0].lat, &X1, &Y1);
  linli_mercator_from_lonlat (p[1].lon, p[1].lat, &X2, &Y2);
  dX = X2 - X1;
  dY = Y2 - Y1;
  n = du * du + dv * dv;
  if (n < MIN_IMAGE_DET || dX * dX + dY * dY < MIN_MAP_DET)
    {
      set_degenerate (error);
      return FALSE;
    }
  /* s = dZ / dW */
  sr = (dX * du + dY * dv) / n;
  si = (dY * du - dX * dv) / n;
  t->xx = sr;
  t->xy = -si;
  t->yx = si;
  t->yy = sr;
  t->x0 = X1 - (sr * p[0].image_x - si * p[0].image_y);
  t->y0 = Y1 - (si * p[0].image_x + sr * p[0].image_y);
  return TRUE;
}

/* Three pairs: the affine transform through all three, by Cramer's rule. */
static gboolean
fit_affine (const LinliControlPoint *p,
            LinliPlanTransform      *t,
            GError                 **error)
{
  double X[3], Y[3];
  double u0 = p[0].image_x, v0 = p[0].image_y;
  double u1 = p[1].image_x - u0, v1 = p[1].image_y - v0;
  double u2 = p[2].image_x - u0, v2 = p[2].image_y - v0;
  double det = u1 * v2 - u2 * v1;

  for (guint i = 0; i < 3; i++)
    linli_mercator_from_lonlat (p[i].lon, p[i].lat, &X[i], &Y[i]);

  if (fabs (det) < MIN_IMAGE_DET * MAX (1, u1 * u1 + v1 * v1 + u2 * u2 + v2 * v2))
    {
      set_degenerate (error);
      return FALSE;
    }
  /* Relative to the first point: [X1-X0, X2-X0] = M · [[u1, u2], [v1, v2]]. */
  t->xx = ((X[1] - X[0]) * v2 - (X[2] - X[0]) * v1) / det;
  t->xy = ((X[2] - X[0]) * u1 - (X[1] - X[0]) * u2) / det;
  t->yx = ((Y[1] - Y[0]) * v2 - (Y[2] - Y[0]) * v1) / det;
  t->yy = ((Y[2] - Y[0]) * u1 - (Y[1] - Y[0]) * u2) / det;
  if (fabs (t->xx * t->yy - t->xy * t->yx) * det * det < MIN_MAP_DET)
    {
      set_degenerate (error);
      return FALSE;
    }
  t->x0 = X[0] - t->xx * u0 - t->xy * v0;
  t->y0 = Y[0] - t->yx * u0 - t->yy * v0;
  return TRUE;
}

gboolean
linli_plan_transform_fit (const LinliControlPoint *points,
                          guint                    n_points,
                          LinliPlanTransform      *transform,
                          GError                 **error)
{
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);
  g_return_val_if_fail (transform != NULL, FALSE);

  switch (n_points)
    {
    case 2:
      return fit_similarity (points, transform, error);
    case 3:
      return fit_affine (points, transform, error);
    default:
      g_set_error_literal (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_POINTS,
                           _("Match two or three points of the plan to the map."));
      return FALSE;
    }
}

LinliPoint
linli_plan_transform_apply (const LinliPlanTransform *t,
                            double                    image_x,
                            double                    image_y)
{
  LinliPoint p;

  linli_mercator_to_lonlat (t->xx * image_x + t->xy * image_y + t->x0,
                            t->yx * image_x + t->yy * image_y + t->y0,
                            &p.lon, &p.lat);
  return p;
}

char *
linli_control_points_to_json (const LinliControlPoint *points,
                              guint                    n_points)
{
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *item = json_array_new ();

      json_array_add_double_element (item, points[i].image_x);
      json_array_add_double_element (item, points[i].image_y);
      json_array_add_double_element (item, points[i].lon);
      json_array_add_double_element (item, points[i].lat);
      json_array_add_array_element (list, item);
    }
  json_node_set_array (root, list);
  return json_to_string (root, FALSE);
}

LinliControlPoint *
linli_control_points_parse (const char  *json,
                            guint       *n_points,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree LinliControlPoint *points = NULL;
  JsonArray *list;
  guint n;

  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = 0;
  root = json ? json_from_string (json, NULL) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    goto invalid;
  list = json_node_get_array (root);
  n = json_array_get_length (list);
  points = g_new0 (LinliControlPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonArray *item;
      double v[4];

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (item = json_node_get_array (node)) != 4)
        goto invalid;
      for (guint k = 0; k < 4; k++)
        {
          JsonNode *number = json_array_get_element (item, k);
          if (!JSON_NODE_HOLDS_VALUE (number) ||
              (json_node_get_value_type (number) != G_TYPE_DOUBLE &&
               json_node_get_value_type (number) != G_TYPE_INT64))
            goto invalid;
          v[k] = json_node_get_double (number);
        }
      points[i] = (LinliControlPoint) { v[0], v[1], v[2], v[3] };
    }
  *n_points = n;
  return g_steal_pointer (&points);

invalid:
  g_set_error_literal (error, LINLI_PLAN_TRANSFORM_ERROR, LINLI_PLAN_TRANSFORM_ERROR_PARSE,
                       _("The points of the site plan are not readable."));
  return NULL;
}
