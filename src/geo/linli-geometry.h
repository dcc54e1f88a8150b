/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A polygon or multipolygon in WGS-84 degrees, as GeoJSON has it: each part
 * an outer ring followed by its holes. */

typedef struct
{
  double lon;
  double lat;
} LinliPoint;

typedef struct
{
  double min_lon, min_lat;
  double max_lon, max_lat;
} LinliBounds;

typedef struct _LinliGeometry LinliGeometry;

#define LINLI_GEOMETRY_ERROR (linli_geometry_error_quark ())

typedef enum {
  LINLI_GEOMETRY_ERROR_INVALID,
} LinliGeometryError;

GQuark         linli_geometry_error_quark  (void);

LinliGeometry *linli_geometry_new          (void);
LinliGeometry *linli_geometry_parse        (const char          *geojson,
                                            GError             **error);
char          *linli_geometry_to_geojson   (const LinliGeometry *self);
void           linli_geometry_free         (LinliGeometry       *self);

/* Starts a new part with its outer ring, or a hole in the current part. */
void           linli_geometry_add_ring     (LinliGeometry       *self,
                                            gboolean             is_hole,
                                            const LinliPoint    *points,
                                            guint                n_points);

guint          linli_geometry_get_n_rings  (const LinliGeometry *self);
const LinliPoint *linli_geometry_get_ring  (const LinliGeometry *self,
                                            guint                ring,
                                            guint               *n_points,
                                            gboolean            *is_hole);
gboolean       linli_geometry_contains     (const LinliGeometry *self,
                                            double               lon,
                                            double               lat);
LinliBounds    linli_geometry_get_bounds   (const LinliGeometry *self);
LinliPoint     linli_geometry_get_label_point (const LinliGeometry *self);
double         linli_geometry_area_m2      (const LinliGeometry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliGeometry, linli_geometry_free)

G_END_DECLS
