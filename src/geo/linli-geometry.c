/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-geometry"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "linli-geometry.h"

/* Mean Earth radius (IUGG), metres. */
#define EARTH_RADIUS_M 6371008.8

typedef struct
{
  gboolean  is_hole;
  GArray   *points;   /* LinliPoint */
} Ring;

struct _LinliGeometry
{
  GArray *rings;      /* Ring */
};

G_DEFINE_QUARK (linli-geometry-error-quark, linli_geometry_error)

static void
ring_clear (gpointer data)
{
  Ring *ring = data;
  g_clear_pointer (&ring->points, g_array_unref);
}

LinliGeometry *
linli_geometry_new (void)
{
  LinliGeometry *self = g_new0 (LinliGeometry, 1);

  self->rings = g_array_new (FALSE, TRUE, sizeof (Ring));
  g_array_set_clear_func (self->rings, ring_clear);
  return self;
}

void
linli_geometry_free (LinliGeometry *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rings);
  g_free (self);
}

void
linli_geometry_add_ring (LinliGeometry    *self,
                         gboolean          is_hole,
                         const LinliPoint *points,
                         guint             n_points)
{
  Ring ring = { is_hole, g_array_sized_new (FALSE, FALSE, sizeof (LinliPoint), n_points) };

  g_return_if_fail (self != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_append_vals (ring.points, points, n_points);
  g_array_append_val (self->rings, ring);
}

guint
linli_geometry_get_n_rings (const LinliGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rings->len;
}

const LinliPoint *
linli_geometry_get_ring (const LinliGeometry *self,
                         guint                ring,
                         guint               *n_points,
                         gboolean            *is_hole)
{
  const Ring *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring < self->rings->len, NULL);

  r = &g_array_index (self->rings, Ring, ring);
  if (n_points)
    *n_points = r->points->len;
  if (is_hole)
    *is_hole = r->is_hole;
  return (const LinliPoint *) (gpointer) r->points->data;
}

/* A JSON number: json-glib would read true as 1 and false as 0. */
static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
parse_ring (JsonNode      *node,
            LinliGeometry *self,
            gboolean       is_hole,
            const char    *where,
            GError       **error)
{
  JsonArray *positions;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LinliPoint));

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;
  positions = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (positions); i++)
    {
      JsonNode *pos = json_array_get_element (positions, i);
      JsonArray *xy;
      LinliPoint p;

      if (!JSON_NODE_HOLDS_ARRAY (pos) || json_array_get_length (xy = json_node_get_array (pos)) < 2 ||
          !is_number (json_array_get_element (xy, 0)) ||
          !is_number (json_array_get_element (xy, 1)))
        goto invalid;
      p.lon = json_array_get_double_element (xy, 0);
      p.lat = json_array_get_double_element (xy, 1);
      if (!isfinite (p.lon) || !isfinite (p.lat) || fabs (p.lon) > 180 || fabs (p.lat) > 90)
        {
          g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
                       _("%s: position %u is not a longitude and latitude in degrees"), where, i + 1);
          return FALSE;
        }
      g_array_append_val (points, p);
    }
  if (points->len < 4)
    {
      g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
                   _("%s: a ring needs at least four positions"), where);
      return FALSE;
    }
  linli_geometry_add_ring (self, is_hole, (LinliPoint *) (gpointer) points->data, points->len);
  return TRUE;

invalid:
  g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
               _("%s: a ring must be a list of [longitude, latitude] positions"), where);
  return FALSE;
}

static gboolean
parse_polygon (JsonNode      *node,
               LinliGeometry *self,
               const char    *where,
               GError       **error)
{
  JsonArray *rings;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (rings = json_node_get_array (node)) == 0)
    {
      g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
                   _("%s: a polygon must be a list of rings"), where);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (rings); i++)
    if (!parse_ring (json_array_get_element (rings, i), self, i > 0, where, error))
      return FALSE;
  return TRUE;
}

/**
 * linli_geometry_parse:
 * @geojson: a GeoJSON Polygon or MultiPolygon geometry object
 *
 * Returns: (transfer full): the geometry, or %NULL with @error set
 */
LinliGeometry *
linli_geometry_parse (const char  *geojson,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LinliGeometry) self = linli_geometry_new ();
  g_autoptr(GError) json_error = NULL;
  JsonObject *object;
  JsonNode *coordinates;
  const char *type;

  g_return_val_if_fail (geojson != NULL, NULL);

  if (!json_parser_load_from_data (parser, geojson, -1, &json_error))
    {
      /* One error domain for every way the text can be wrong. */
      g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
                   _("The outline is not valid GeoJSON: %s"), json_error->message);
      return NULL;
    }
  /* Empty text parses to no root at all. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto not_polygon;
  object = json_node_get_object (json_parser_get_root (parser));
  type = json_object_get_string_member_with_default (object, "type", "");
  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL)
    goto not_polygon;

  if (g_str_equal (type, "Polygon"))
    {
      if (!parse_polygon (coordinates, self, _("Polygon"), error))
        return NULL;
    }
  else if (g_str_equal (type, "MultiPolygon") && JSON_NODE_HOLDS_ARRAY (coordinates))
    {
      JsonArray *parts = json_node_get_array (coordinates);
      for (guint i = 0; i < json_array_get_length (parts); i++)
        {
          g_autofree char *where = g_strdup_printf (_("Part %u of the multipolygon"), i + 1);
          if (!parse_polygon (json_array_get_element (parts, i), self, where, error))
            return NULL;
        }
    }
  else
    goto not_polygon;

  return g_steal_pointer (&self);

not_polygon:
  g_set_error (error, LINLI_GEOMETRY_ERROR, LINLI_GEOMETRY_ERROR_INVALID,
               _("The outline is not a GeoJSON Polygon or MultiPolygon."));
  return NULL;
}

/**
 * linli_geometry_to_geojson:
 *
 * Returns: (transfer full): a Polygon, or a MultiPolygon when there are
 *   several outer rings, as compact GeoJSON text
 */
char *
linli_geometry_to_geojson (const LinliGeometry *self)
{
  GString *out;
  guint n_outer = 0;
  gboolean multi;
  char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rings->len; i++)
    n_outer += !g_array_index (self->rings, Ring, i).is_hole;
  multi = n_outer > 1;

  out = g_string_new (multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" :
                              "{\"type\":\"Polygon\",\"coordinates\":");
  for (guint i = 0; i < self->rings->len; i++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, i);

      if (!ring->is_hole)
        {
          if (i > 0)
            g_string_append (out, "],");
          g_string_append (out, "[");
        }
      else
        g_string_append (out, ",");
      g_string_append (out, "[");
      for (guint j = 0; j < ring->points->len; j++)
        {
          const LinliPoint *p = &g_array_index (ring->points, LinliPoint, j);
          /* Seven decimals: a centimetre, more than a survey gives. */
          g_string_append_printf (out, "%s[%s,%s]", j ? "," : "",
                                  g_ascii_formatd (lon, sizeof lon, "%.7f", p->lon),
                                  g_ascii_formatd (lat, sizeof lat, "%.7f", p->lat));
        }
      g_string_append (out, "]");
    }
  if (self->rings->len > 0)
    g_string_append (out, "]");
  else
    g_string_append (out, "[]");
  g_string_append (out, multi ? "]}" : "}");

  return g_string_free (out, FALSE);
}

/* Even-odd rule over every ring, so holes and separate parts need no special
 * case. An edge is half-open (it owns its lower end), so a point on a shared
 * edge or vertex belongs to exactly one of two neighbouring grids. */
gboolean
linli_geometry_contains (const LinliGeometry *self,
                         double               lon,
                         double               lat)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint r = 0; r < self->rings->len; r++)
    {
      GArray *points = g_array_index (self->rings, Ring, r).points;
      guint n = points->len;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          const LinliPoint *a = &g_array_index (points, LinliPoint, i);
          const LinliPoint *b = &g_array_index (points, LinliPoint, j);

          if ((a->lat > lat) != (b->lat > lat))
            {
              /* Worked out from the lower end, so that two polygons that
               * run along the edge in opposite directions round alike. */
              const LinliPoint *lo = a->lat < b->lat ? a : b;
              const LinliPoint *hi = a->lat < b->lat ? b : a;

              if (lon < (hi->lon - lo->lon) * (lat - lo->lat) / (hi->lat - lo->lat) + lo->lon)
                inside = !inside;
            }
        }
    }
  return inside;
}

LinliBounds
linli_geometry_get_bounds (const LinliGeometry *self)
{
  LinliBounds b = { INFINITY, INFINITY, -INFINITY, -INFINITY };

  g_return_val_if_fail (self != NULL, b);

  for (guint r = 0; r < self->rings->len; r++)
    {
      GArray *points = g_array_index (self->rings, Ring, r).points;
      for (guint i = 0; i < points->len; i++)
        {
          const LinliPoint *p = &g_array_index (points, LinliPoint, i);
          b.min_lon = MIN (b.min_lon, p->lon);
          b.max_lon = MAX (b.max_lon, p->lon);
          b.min_lat = MIN (b.min_lat, p->lat);
          b.max_lat = MAX (b.max_lat, p->lat);
        }
    }
  return b;
}

/* Shoelace area of a ring in square degrees scaled to metres at @lat0. */
static double
ring_signed_area_m2 (GArray *points,
                     double  lat0)
{
  double kx = EARTH_RADIUS_M * cos (lat0 * G_PI / 180) * G_PI / 180;
  double ky = EARTH_RADIUS_M * G_PI / 180;
  double sum = 0;
  const LinliPoint *o;

  if (points->len == 0)
    return 0;
  /* Relative to the first point: the products of whole coordinates would
   * cancel away the digits a small ring's area is made of. */
  o = &g_array_index (points, LinliPoint, 0);
  for (guint i = 0, j = points->len - 1; i < points->len; j = i++)
    {
      const LinliPoint *a = &g_array_index (points, LinliPoint, i);
      const LinliPoint *b = &g_array_index (points, LinliPoint, j);
      sum += ((b->lon - o->lon) * kx) * ((a->lat - o->lat) * ky) -
             ((a->lon - o->lon) * kx) * ((b->lat - o->lat) * ky);
    }
  return sum / 2;
}

/* Good to well under 1% for a community a few kilometres across. */
double
linli_geometry_area_m2 (const LinliGeometry *self)
{
  LinliBounds b;
  double lat0, area = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->rings->len == 0)
    return 0;
  b = linli_geometry_get_bounds (self);
  lat0 = (b.min_lat + b.max_lat) / 2;
  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      double a = fabs (ring_signed_area_m2 (ring->points, lat0));
      area += ring->is_hole ? -a : a;
    }
  return area;
}

/* The area-weighted centroid of the largest outer ring: where a label goes. */
LinliPoint
linli_geometry_get_label_point (const LinliGeometry *self)
{
  LinliPoint best = { NAN, NAN };
  double best_area = -1;

  g_return_val_if_fail (self != NULL, best);

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      double cx = 0, cy = 0, a = 0;
      const LinliPoint *o;

      if (ring->is_hole || ring->points->len < 3)
        continue;
      /* Relative to the first point, as in ring_signed_area_m2(). */
      o = &g_array_index (ring->points, LinliPoint, 0);
      for (guint i = 0, j = ring->points->len - 1; i < ring->points->len; j = i++)
        {
          const LinliPoint *p = &g_array_index (ring->points, LinliPoint, j);
          const LinliPoint *q = &g_array_index (ring->points, LinliPoint, i);
          double px = p->lon - o->lon, py = p->lat - o->lat;
          double qx = q->lon - o->lon, qy = q->lat - o->lat;
          double f = px * qy - qx * py;
          a += f;
          cx += (px + qx) * f;
          cy += (py + qy) * f;
        }
      if (fabs (a) > best_area && a != 0)
        {
          best_area = fabs (a);
          best.lon = o->lon + cx / (3 * a);
          best.lat = o->lat + cy / (3 * a);
        }
    }
  return best;
}
