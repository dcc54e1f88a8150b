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
 * linli_geojson_object_type:
 *
 * Returns: the "type" member of a GeoJSON object, or "" when it is missing,
 *   null or anything but a string (json-glib's own getter returns %NULL for
 *   null and complains of an object or array)
 */
const char *
linli_geojson_object_type (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
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
  type = linli_geojson_object_type (object);
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

gboolean
linli_bounds_intersect (const LinliBounds *a,
                        const LinliBounds *b)
{
  return a->min_lon <= b->max_lon && b->min_lon <= a->max_lon &&
         a->min_lat <= b->max_lat && b->min_lat <= a->max_lat;
}

/**
 * linli_geometry_new_from_ring:
 * @points: an open or closed ring
 *
 * Returns: (transfer full): a polygon of that one ring, closed as GeoJSON
 *   wants it
 */
LinliGeometry *
linli_geometry_new_from_ring (const LinliPoint *points,
                              guint             n_points)
{
  LinliGeometry *self = linli_geometry_new ();
  Ring ring = { FALSE, g_array_sized_new (FALSE, FALSE, sizeof (LinliPoint), n_points + 1) };

  g_return_val_if_fail (points != NULL || n_points == 0, self);

  g_array_append_vals (ring.points, points, n_points);
  if (n_points > 0 &&
      (points[0].lon != points[n_points - 1].lon || points[0].lat != points[n_points - 1].lat))
    g_array_append_val (ring.points, points[0]);
  g_array_append_val (self->rings, ring);
  return self;
}

/* ------------------------------------------------------------------------ */
/* Self-intersection */

typedef struct
{
  double x, y;
} Vec;

static inline double
cross (Vec o, Vec a, Vec b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static inline int
sign_of (double v)
{
  return (v > 0) - (v < 0);
}

/* @p is on the line through @a and @b: is it within their box? */
static inline gboolean
within (Vec a, Vec b, Vec p)
{
  return MIN (a.x, b.x) <= p.x && p.x <= MAX (a.x, b.x) &&
         MIN (a.y, b.y) <= p.y && p.y <= MAX (a.y, b.y);
}

/* Whether the closed segments ab and cd share any point. */
static gboolean
segments_touch (Vec a, Vec b, Vec c, Vec d)
{
  int d1 = sign_of (cross (c, d, a));
  int d2 = sign_of (cross (c, d, b));
  int d3 = sign_of (cross (a, b, c));
  int d4 = sign_of (cross (a, b, d));

  if (d1 * d2 < 0 && d3 * d4 < 0)
    return TRUE;
  return (d1 == 0 && within (c, d, a)) || (d2 == 0 && within (c, d, b)) ||
         (d3 == 0 && within (a, b, c)) || (d4 == 0 && within (a, b, d));
}

/* The points of a ring that start an edge: a point repeating the next one
 * (or the closing copy of the first) starts no edge of its own. Relative to
 * the first point, so that the products keep the digits that matter. */
static guint
ring_vertices (const LinliPoint *points,
               guint             n_points,
               Vec              *out,
               guint            *index)
{
  guint n = 0;

  for (guint i = 0; i < n_points; i++)
    {
      const LinliPoint *next = &points[(i + 1) % n_points];

      if (n_points > 1 && points[i].lon == next->lon && points[i].lat == next->lat)
        continue;
      out[n].x = points[i].lon - points[0].lon;
      out[n].y = points[i].lat - points[0].lat;
      index[n++] = i;
    }
  return n;
}

static gboolean
find_crossing (const Vec   *v,
               const guint *index,
               guint        n,
               guint       *edge_a,
               guint       *edge_b)
{
  for (guint i = 0; i < n; i++)
    {
      Vec a = v[i], b = v[(i + 1) % n];

      for (guint j = i + 1; j < n; j++)
        {
          Vec c = v[j], d = v[(j + 1) % n];
          gboolean hit;

          if (MAX (a.x, b.x) < MIN (c.x, d.x) || MAX (c.x, d.x) < MIN (a.x, b.x) ||
              MAX (a.y, b.y) < MIN (c.y, d.y) || MAX (c.y, d.y) < MIN (a.y, b.y))
            continue;
          if (j == i + 1)
            /* Neighbours share b: wrong only if the second turns back along
             * the first. */
            hit = cross (a, b, d) == 0 && (a.x - b.x) * (d.x - b.x) + (a.y - b.y) * (d.y - b.y) > 0;
          else if (i == 0 && j == n - 1)
            /* The last edge ends where the first starts. */
            hit = cross (c, d, b) == 0 && (c.x - d.x) * (b.x - d.x) + (c.y - d.y) * (b.y - d.y) > 0;
          else
            hit = segments_touch (a, b, c, d);
          if (hit)
            {
              if (edge_a)
                *edge_a = index[i];
              if (edge_b)
                *edge_b = index[j];
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * linli_ring_find_self_intersection:
 * @edge_a: (out) (optional): the first of two edges that meet
 * @edge_b: (out) (optional): the second
 *
 * Whether two edges of the ring that are not neighbours share a point, or
 * two neighbours run back over each other.
 */
gboolean
linli_ring_find_self_intersection (const LinliPoint *points,
                                   guint             n_points,
                                   guint            *edge_a,
                                   guint            *edge_b)
{
  g_autofree Vec *v = NULL;
  g_autofree guint *index = NULL;
  guint n;

  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  v = g_new (Vec, n_points + 1);
  index = g_new (guint, n_points + 1);
  n = ring_vertices (points, n_points, v, index);
  if (n < 3)
    return FALSE;
  return find_crossing (v, index, n, edge_a, edge_b);
}

/**
 * linli_ring_check:
 * @edge_a: (out) (optional): for %LINLI_RING_SELF_INTERSECTING, the edges
 * @edge_b: (out) (optional):
 *
 * Returns: what keeps the ring from being the outline of a grid
 */
LinliRingProblem
linli_ring_check (const LinliPoint *points,
                  guint             n_points,
                  guint            *edge_a,
                  guint            *edge_b)
{
  g_autofree Vec *v = NULL;
  g_autofree guint *index = NULL;
  double far = 0, off = 0;
  guint n, f = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, LINLI_RING_TOO_FEW_POINTS);

  v = g_new (Vec, n_points + 1);
  index = g_new (guint, n_points + 1);
  n = ring_vertices (points, n_points, v, index);
  if (n < 3)
    return LINLI_RING_TOO_FEW_POINTS;

  /* On one line: every point within rounding of the line from the first
   * point to the one farthest from it. */
  for (guint i = 1; i < n; i++)
    if (v[i].x * v[i].x + v[i].y * v[i].y > far)
      {
        far = v[i].x * v[i].x + v[i].y * v[i].y;
        f = i;
      }
  for (guint i = 1; i < n; i++)
    off = MAX (off, fabs (cross (v[0], v[f], v[i])));
  if (off <= 1e-9 * far)
    return LINLI_RING_NO_AREA;

  if (find_crossing (v, index, n, edge_a, edge_b))
    return LINLI_RING_SELF_INTERSECTING;
  return LINLI_RING_VALID;
}

/* ------------------------------------------------------------------------ */
/* Overlap */

typedef struct
{
  double x0, y0, x1, y1;  /* y0 < y1 */
  guint  owner;           /* 0: the first geometry, 1: the second */
} Edge;

/* The edges that cross the band from @y_lo to @y_hi: no other edge crosses
 * a scan line there. */
static void
collect_edges (const LinliGeometry *geometry,
               guint                owner,
               double               lon0,
               double               lat0,
               double               kx,
               double               ky,
               double               y_lo,
               double               y_hi,
               GArray              *edges)
{
  for (guint r = 0; r < geometry->rings->len; r++)
    {
      GArray *points = g_array_index (geometry->rings, Ring, r).points;
      guint n = points->len;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          const LinliPoint *a = &g_array_index (points, LinliPoint, j);
          const LinliPoint *b = &g_array_index (points, LinliPoint, i);
          Edge e;

          if (a->lat == b->lat)
            continue;   /* crosses no scan line between two vertices */
          /* From the lower end, as linli_geometry_contains() does, so two
           * outlines along one edge meet at the same x. */
          if (a->lat > b->lat)
            {
              const LinliPoint *t = a;
              a = b;
              b = t;
            }
          e.x0 = (a->lon - lon0) * kx;
          e.y0 = (a->lat - lat0) * ky;
          e.x1 = (b->lon - lon0) * kx;
          e.y1 = (b->lat - lat0) * ky;
          e.owner = owner;
          if (e.y1 > y_lo && e.y0 < y_hi)
            g_array_append_val (edges, e);
        }
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static int
compare_edge_y0 (gconstpointer a,
                 gconstpointer b)
{
  const Edge *e = a, *f = b;
  return (e->y0 > f->y0) - (e->y0 < f->y0);
}

/* The crossings of one geometry's edges with the line at @y, sorted: each
 * pair of them bounds a stretch inside (even-odd). @active holds the edges
 * that span @y. */
static void
crossings_at (GPtrArray *active,
              guint      owner,
              double     y,
              GArray    *xs)
{
  g_array_set_size (xs, 0);
  for (guint i = 0; i < active->len; i++)
    {
      const Edge *e = g_ptr_array_index (active, i);
      double x;

      if (e->owner != owner)
        continue;
      x = e->x0 + (e->x1 - e->x0) * (y - e->y0) / (e->y1 - e->y0);
      g_array_append_val (xs, x);
    }
  g_array_sort (xs, compare_double);
}

/**
 * linli_geometry_overlap_area_m2:
 * @inside: (out) (optional): a point inside the overlap, or NAN
 *
 * Between two scan lines through every vertex and every crossing of two
 * edges, each edge is a straight line in y and none changes order, so the
 * length inside both is linear in y and its value halfway is exact for the
 * whole slab.
 *
 * Returns: the area covered by both, in square metres
 */
double
linli_geometry_overlap_area_m2 (const LinliGeometry *a,
                                const LinliGeometry *b,
                                LinliPoint          *inside)
{
  LinliBounds ba, bb;
  double lon0, lat0, kx, ky, area = 0, best = 0, best_x = NAN, best_y = NAN;
  double y_lo, y_hi;
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xa = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xb = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  guint next = 0;

  if (inside)
    inside->lon = inside->lat = NAN;
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->rings->len == 0 || b->rings->len == 0)
    return 0;
  ba = linli_geometry_get_bounds (a);
  bb = linli_geometry_get_bounds (b);
  if (!linli_bounds_intersect (&ba, &bb))
    return 0;

  lon0 = (MAX (ba.min_lon, bb.min_lon) + MIN (ba.max_lon, bb.max_lon)) / 2;
  lat0 = (MAX (ba.min_lat, bb.min_lat) + MIN (ba.max_lat, bb.max_lat)) / 2;
  kx = EARTH_RADIUS_M * cos (lat0 * G_PI / 180) * G_PI / 180;
  ky = EARTH_RADIUS_M * G_PI / 180;
  y_lo = (MAX (ba.min_lat, bb.min_lat) - lat0) * ky;
  y_hi = (MIN (ba.max_lat, bb.max_lat) - lat0) * ky;

  collect_edges (a, 0, lon0, lat0, kx, ky, y_lo, y_hi, edges);
  collect_edges (b, 1, lon0, lat0, kx, ky, y_lo, y_hi, edges);
  /* Lowest first: an edge meets only those that start below its top. */
  g_array_sort (edges, compare_edge_y0);

  g_array_append_val (ys, y_lo);
  g_array_append_val (ys, y_hi);
  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *e = &g_array_index (edges, Edge, i);

      if (e->y0 > y_lo && e->y0 < y_hi)
        g_array_append_val (ys, e->y0);
      if (e->y1 > y_lo && e->y1 < y_hi)
        g_array_append_val (ys, e->y1);
      for (guint j = i + 1; j < edges->len && g_array_index (edges, Edge, j).y0 < e->y1; j++)
        {
          const Edge *f = &g_array_index (edges, Edge, j);
          double dx1, dy1, dx2, dy2, den, t, u, y;

          if (MAX (e->x0, e->x1) < MIN (f->x0, f->x1) || MAX (f->x0, f->x1) < MIN (e->x0, e->x1))
            continue;
          dx1 = e->x1 - e->x0;
          dy1 = e->y1 - e->y0;
          dx2 = f->x1 - f->x0;
          dy2 = f->y1 - f->y0;
          den = dx1 * dy2 - dy1 * dx2;
          if (den == 0)
            continue;   /* parallel: they keep their order */
          t = ((f->x0 - e->x0) * dy2 - (f->y0 - e->y0) * dx2) / den;
          u = ((f->x0 - e->x0) * dy1 - (f->y0 - e->y0) * dx1) / den;
          if (t <= 0 || t >= 1 || u <= 0 || u >= 1)
            continue;
          y = e->y0 + t * dy1;
          if (y > y_lo && y < y_hi)
            g_array_append_val (ys, y);
        }
    }
  g_array_sort (ys, compare_double);

  for (guint k = 0; k + 1 < ys->len; k++)
    {
      double y0 = g_array_index (ys, double, k), y1 = g_array_index (ys, double, k + 1);
      double ym = (y0 + y1) / 2, h = y1 - y0;
      guint i = 0, j = 0;

      guint kept = 0;

      if (!(h > 0))
        continue;
      /* The edges that span this slab: those that started below it and
       * have not ended. */
      while (next < edges->len && g_array_index (edges, Edge, next).y0 <= ym)
        g_ptr_array_add (active, &g_array_index (edges, Edge, next++));
      for (guint n = 0; n < active->len; n++)
        if (((const Edge *) g_ptr_array_index (active, n))->y1 > ym)
          active->pdata[kept++] = active->pdata[n];
      g_ptr_array_set_size (active, kept);
      crossings_at (active, 0, ym, xa);
      crossings_at (active, 1, ym, xb);
      /* Walk the two lists of stretches together. */
      while (i + 1 < xa->len && j + 1 < xb->len)
        {
          double a0 = g_array_index (xa, double, i), a1 = g_array_index (xa, double, i + 1);
          double b0 = g_array_index (xb, double, j), b1 = g_array_index (xb, double, j + 1);
          double lo = MAX (a0, b0), hi = MIN (a1, b1);

          if (hi > lo)
            {
              double piece = (hi - lo) * h;
              area += piece;
              /* Where the overlap is thickest, both ways. */
              if (MIN (hi - lo, h) * MIN (hi - lo, h) > best)
                {
                  best = MIN (hi - lo, h) * MIN (hi - lo, h);
                  best_x = (lo + hi) / 2;
                  best_y = ym;
                }
            }
          if (a1 < b1)
            i += 2;
          else
            j += 2;
        }
    }

  if (inside && !isnan (best_x))
    {
      inside->lon = lon0 + best_x / kx;
      inside->lat = lat0 + best_y / ky;
    }
  return area;
}
