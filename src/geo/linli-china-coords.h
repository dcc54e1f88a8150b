/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "linli-geometry.h"

G_BEGIN_DECLS

/* The coordinate systems Chinese map data comes in. WGS-84 is what GPS,
 * OpenStreetMap and Tianditu (CGCS2000, within centimetres) use and what
 * Linli stores; GCJ-02 is the obfuscated system of Amap, Tencent and DataV;
 * BD-09 is Baidu's, a further offset from GCJ-02. Points outside China are
 * the same in all three. */
typedef enum {
  LINLI_COORDS_WGS84,
  LINLI_COORDS_GCJ02,
  LINLI_COORDS_BD09,
} LinliCoordSystem;

gboolean   linli_china_coords_in_china   (double            lon,
                                          double            lat);

LinliPoint linli_china_coords_wgs84_to_gcj02 (LinliPoint     p);
LinliPoint linli_china_coords_gcj02_to_wgs84 (LinliPoint     p);
LinliPoint linli_china_coords_gcj02_to_bd09  (LinliPoint     p);
LinliPoint linli_china_coords_bd09_to_gcj02  (LinliPoint     p);

/* From @from to @to, through WGS-84 where needed. */
LinliPoint linli_china_coords_convert        (LinliPoint       p,
                                              LinliCoordSystem from,
                                              LinliCoordSystem to);

/* Every vertex of @geometry converted. */
LinliGeometry *linli_china_coords_convert_geometry (const LinliGeometry *geometry,
                                                   LinliCoordSystem     from,
                                                   LinliCoordSystem     to);

G_END_DECLS
