/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

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
const char    *linli_geojson_object_type   (JsonObject          *object);
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

/* What is wrong with a ring drawn as the outline of a grid. */
typedef enum {
  LINLI_RING_VALID,
  LINLI_RING_TOO_FEW_POINTS,     /* fewer than three distinct points */
  LINLI_RING_SELF_INTERSECTING,  /* two edges cross or touch */
  LINLI_RING_NO_AREA,            /* every point on one line */
} LinliRingProblem;

/* A ring may be open or closed (last point repeating the first). Edge i runs
 * from point i to point i + 1 of the open ring, the last one back to 0. */
LinliRingProblem linli_ring_check          (const LinliPoint    *points,
                                            guint                n_points,
                                            guint               *edge_a,
                                            guint               *edge_b);
gboolean       linli_ring_find_self_intersection (const LinliPoint *points,
                                                  guint             n_points,
                                                  guint            *edge_a,
                                                  guint            *edge_b);
LinliGeometry *linli_geometry_new_from_ring (const LinliPoint   *points,
                                             guint               n_points);

/* The area both outlines cover (even-odd rule, holes and concave outlines
 * included), and a point inside it when there is one (NAN otherwise). */
double         linli_geometry_overlap_area_m2 (const LinliGeometry *a,
                                               const LinliGeometry *b,
                                               LinliPoint          *inside);
gboolean       linli_bounds_intersect      (const LinliBounds   *a,
                                            const LinliBounds   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliGeometry, linli_geometry_free)

G_END_DECLS
