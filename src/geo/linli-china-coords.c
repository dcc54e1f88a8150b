/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-china-coords"

#include "config.h"

#include <math.h>

#include "linli-china-coords.h"

/* The published GCJ-02 formulas: the Krasovsky 1940 ellipsoid and the
 * offset polynomials every open implementation shares. */
#define KRASOVSKY_A   6378245.0
#define KRASOVSKY_EE  0.00669342162296594323
#define BD_X_PI       (G_PI * 3000.0 / 180.0)

/* The inverse stops once a step moves the point by less than this. */
#define INVERSE_TOLERANCE_DEG 1e-9
#define INVERSE_MAX_STEPS     30

gboolean
linli_china_coords_in_china (double lon,
                             double lat)
{
  /* The rough box the formulas are defined for. */
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

static double
offset_lat (double x,
            double y)
{
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));

  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return r;
}

static double
offset_lon (double x,
            double y)
{
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));

  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return r;
}

LinliPoint
linli_china_coords_wgs84_to_gcj02 (LinliPoint p)
{
  double dlat, dlon, rad_lat, magic, sqrt_magic;

  if (!linli_china_coords_in_china (p.lon, p.lat))
    return p;

  dlat = offset_lat (p.lon - 105.0, p.lat - 35.0);
  dlon = offset_lon (p.lon - 105.0, p.lat - 35.0);
  rad_lat = p.lat / 180.0 * G_PI;
  magic = sin (rad_lat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  sqrt_magic = sqrt (magic);
  dlat = (dlat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrt_magic) * G_PI);
  dlon = (dlon * 180.0) / (KRASOVSKY_A / sqrt_magic * cos (rad_lat) * G_PI);
  return (LinliPoint) { p.lon + dlon, p.lat + dlat };
}

/* There is no closed form: start from the point itself and correct by the
 * forward offset until the forward transform lands on @p. The offset
 * changes slowly, so each step gains several digits. */
LinliPoint
linli_china_coords_gcj02_to_wgs84 (LinliPoint p)
{
  LinliPoint w = p;

  if (!linli_china_coords_in_china (p.lon, p.lat))
    return p;

  for (guint i = 0; i < INVERSE_MAX_STEPS; i++)
    {
      LinliPoint g = linli_china_coords_wgs84_to_gcj02 (w);
      double dlon = p.lon - g.lon;
      double dlat = p.lat - g.lat;

      w.lon += dlon;
      w.lat += dlat;
      if (fabs (dlon) < INVERSE_TOLERANCE_DEG && fabs (dlat) < INVERSE_TOLERANCE_DEG)
        break;
    }
  return w;
}

LinliPoint
linli_china_coords_gcj02_to_bd09 (LinliPoint p)
{
  double z, theta;

  if (!linli_china_coords_in_china (p.lon, p.lat))
    return p;

  z = sqrt (p.lon * p.lon + p.lat * p.lat) + 0.00002 * sin (p.lat * BD_X_PI);
  theta = atan2 (p.lat, p.lon) + 0.000003 * cos (p.lon * BD_X_PI);
  return (LinliPoint) { z * cos (theta) + 0.0065, z * sin (theta) + 0.006 };
}

LinliPoint
linli_china_coords_bd09_to_gcj02 (LinliPoint p)
{
  double x, y, z, theta;
  LinliPoint g;

  if (!linli_china_coords_in_china (p.lon, p.lat))
    return p;

  /* The published closed-form inverse is good to about 1e-6°; a few
   * corrections by the forward transform bring it to the tolerance. */
  x = p.lon - 0.0065;
  y = p.lat - 0.006;
  z = sqrt (x * x + y * y) - 0.00002 * sin (y * BD_X_PI);
  theta = atan2 (y, x) - 0.000003 * cos (x * BD_X_PI);
  g = (LinliPoint) { z * cos (theta), z * sin (theta) };

  for (guint i = 0; i < INVERSE_MAX_STEPS; i++)
    {
      LinliPoint b = linli_china_coords_gcj02_to_bd09 (g);
      double dlon = p.lon - b.lon;
      double dlat = p.lat - b.lat;

      g.lon += dlon;
      g.lat += dlat;
      if (fabs (dlon) < INVERSE_TOLERANCE_DEG && fabs (dlat) < INVERSE_TOLERANCE_DEG)
        break;
    }
  return g;
}

LinliPoint
linli_china_coords_convert (LinliPoint       p,
                            LinliCoordSystem from,
                            LinliCoordSystem to)
{
  if (from == to)
    return p;

  /* To GCJ-02 first, the system the other two are defined against. */
  switch (from)
    {
    case LINLI_COORDS_WGS84:
      p = linli_china_coords_wgs84_to_gcj02 (p);
      break;
    case LINLI_COORDS_BD09:
      p = linli_china_coords_bd09_to_gcj02 (p);
      break;
    case LINLI_COORDS_GCJ02:
    default:
      break;
    }

  switch (to)
    {
    case LINLI_COORDS_WGS84:
      return linli_china_coords_gcj02_to_wgs84 (p);
    case LINLI_COORDS_BD09:
      return linli_china_coords_gcj02_to_bd09 (p);
    case LINLI_COORDS_GCJ02:
    default:
      return p;
    }
}

/**
 * linli_china_coords_convert_geometry:
 *
 * Returns: (transfer full): a copy of @geometry with every vertex
 *   converted from @from to @to
 */
LinliGeometry *
linli_china_coords_convert_geometry (const LinliGeometry *geometry,
                                     LinliCoordSystem     from,
                                     LinliCoordSystem     to)
{
  LinliGeometry *converted = linli_geometry_new ();

  g_return_val_if_fail (geometry != NULL, converted);

  for (guint r = 0; r < linli_geometry_get_n_rings (geometry); r++)
    {
      guint n;
      gboolean is_hole;
      const LinliPoint *ring = linli_geometry_get_ring (geometry, r, &n, &is_hole);
      g_autofree LinliPoint *points = g_new (LinliPoint, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        points[i] = linli_china_coords_convert (ring[i], from, to);
      linli_geometry_add_ring (converted, is_hole, points, n);
    }
  return converted;
}
