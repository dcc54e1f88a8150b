/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "linli-geojson.h"
#include "linli-text.h"

typedef struct
{
  LinliGeojsonFeatureKind  kind;
  LinliGeometry           *geometry;    /* areas */
  LinliPoint               point;       /* points */
  JsonObject              *properties;  /* nullable */
} Feature;

struct _LinliGeojsonFile
{
  GArray     *features;   /* Feature */
  GPtrArray  *keys;       /* char *, NULL-terminated */
};

G_DEFINE_QUARK (linli-geojson-error-quark, linli_geojson_error)

static void
feature_clear (gpointer data)
{
  Feature *feature = data;

  g_clear_pointer (&feature->geometry, linli_geometry_free);
  g_clear_pointer (&feature->properties, json_object_unref);
}

static void
file_clear (gpointer data)
{
  LinliGeojsonFile *self = data;

  g_array_unref (self->features);
  g_ptr_array_unref (self->keys);
}

/* Drops a reference: the last one frees the file. */
void
linli_geojson_file_free (LinliGeojsonFile *self)
{
  if (self == NULL)
    return;
  g_atomic_rc_box_release_full (self, file_clear);
}

/**
 * linli_geojson_file_ref:
 *
 * A file read is not changed again, so a reference may go to another
 * thread, such as the job that imports it while the preview keeps it.
 *
 * Returns: (transfer full): @self, with one more reference
 */
LinliGeojsonFile *
linli_geojson_file_ref (LinliGeojsonFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/* What the file is, when it is not GeoJSON at all. */
static gboolean
sniff (const char  *data,
       gsize        length,
       GError     **error)
{
  static const guchar shapefile_magic[] = { 0x00, 0x00, 0x27, 0x0a };
  const char *text = data, *end = data + length;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    text += 3;
  while (text < end && g_ascii_isspace (*text))
    text++;

  if (text == end)
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                           _("The file is empty."));
      return FALSE;
    }
  if (length >= sizeof shapefile_magic && memcmp (data, shapefile_magic, sizeof shapefile_magic) == 0)
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                           _("This is a shapefile, not GeoJSON. Convert it to GeoJSON first, "
                             "for example with QGIS or ogr2ogr."));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                           _("This is a binary file, not GeoJSON text."));
      return FALSE;
    }
  if (*text == '<')
    {
      if (g_strstr_len (text, MIN (end - text, 4096), "<kml") != NULL)
        g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                             _("This is a KML file, not GeoJSON. Convert it to GeoJSON first, "
                               "for example with QGIS or ogr2ogr."));
      else
        g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                             _("This is an XML file, not GeoJSON."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* A [longitude, latitude] position in degrees. */
static gboolean
read_position (JsonNode   *node,
               LinliPoint *p)
{
  JsonArray *xy;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  xy = json_node_get_array (node);
  if (json_array_get_length (xy) < 2 ||
      !is_number (json_array_get_element (xy, 0)) ||
      !is_number (json_array_get_element (xy, 1)))
    return FALSE;
  p->lon = json_array_get_double_element (xy, 0);
  p->lat = json_array_get_double_element (xy, 1);
  return isfinite (p->lon) && isfinite (p->lat) && fabs (p->lon) <= 180 && fabs (p->lat) <= 90;
}

static gboolean
read_ring (JsonNode      *node,
           LinliGeometry *geometry,
           gboolean       is_hole,
           guint          index,
           GError       **error)
{
  g_autoptr(GArray) points = NULL;
  JsonArray *positions;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: a polygon ring is not a list of positions"), index);
      return FALSE;
    }
  positions = json_node_get_array (node);
  n = json_array_get_length (positions);
  points = g_array_sized_new (FALSE, FALSE, sizeof (LinliPoint), n);
  for (guint i = 0; i < n; i++)
    {
      LinliPoint p;

      if (!read_position (json_array_get_element (positions, i), &p))
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                       _("Feature %u: position %u of a polygon ring is not a longitude and latitude in degrees"),
                       index, i + 1);
          return FALSE;
        }
      g_array_append_val (points, p);
    }
  if (n < 4)
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: polygon ring has fewer than four positions"), index);
      return FALSE;
    }
  if (g_array_index (points, LinliPoint, 0).lon != g_array_index (points, LinliPoint, n - 1).lon ||
      g_array_index (points, LinliPoint, 0).lat != g_array_index (points, LinliPoint, n - 1).lat)
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: a polygon ring does not end where it starts"), index);
      return FALSE;
    }
  linli_geometry_add_ring (geometry, is_hole, (const LinliPoint *) (gconstpointer) points->data, n);
  return TRUE;
}

static gboolean
read_polygon (JsonNode      *node,
              LinliGeometry *geometry,
              guint          index,
              GError       **error)
{
  JsonArray *rings;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (rings = json_node_get_array (node)) == 0)
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: a polygon is not a list of rings"), index);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (rings); i++)
    if (!read_ring (json_array_get_element (rings, i), geometry, i > 0, index, error))
      return FALSE;
  return TRUE;
}

/* What a geometry Linli does not import is, in words; NULL for the
 * kinds it imports and for anything that is no GeoJSON geometry. */
static const char *
geometry_type_label (const char *type)
{
  if (g_str_equal (type, "LineString"))
    return _("line");
  if (g_str_equal (type, "MultiLineString"))
    return _("set of lines");
  if (g_str_equal (type, "MultiPoint"))
    return _("set of points");
  if (g_str_equal (type, "GeometryCollection"))
    return _("collection of geometries");
  return NULL;
}

static gboolean
read_geometry (JsonNode  *node,
               Feature   *feature,
               guint      index,
               GError   **error)
{
  JsonObject *object;
  JsonNode *coordinates;
  const char *type, *label;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: it has no geometry"), index);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  object = json_node_get_object (node);
  type = linli_geojson_object_type (object);
  coordinates = json_object_get_member (object, "coordinates");

  if (g_str_equal (type, "Point"))
    {
      feature->kind = LINLI_GEOJSON_FEATURE_POINT;
      if (!read_position (coordinates, &feature->point))
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                       _("Feature %u: the point is not a longitude and latitude in degrees"), index);
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (type, "Polygon"))
    {
      feature->kind = LINLI_GEOJSON_FEATURE_AREA;
      feature->geometry = linli_geometry_new ();
      return read_polygon (coordinates, feature->geometry, index, error);
    }
  if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *parts;

      feature->kind = LINLI_GEOJSON_FEATURE_AREA;
      feature->geometry = linli_geometry_new ();
      if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates) ||
          json_array_get_length (parts = json_node_get_array (coordinates)) == 0)
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                       _("Feature %u: a multipolygon is not a list of polygons"), index);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (parts); i++)
        if (!read_polygon (json_array_get_element (parts, i), feature->geometry, index, error))
          return FALSE;
      return TRUE;
    }
  if ((label = geometry_type_label (type)) != NULL)
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   /* TRANSLATORS: the first %s is a kind of geometry, such as "line", the second its GeoJSON name */
                   _("Feature %u: a %s (%s) cannot be imported; only polygons (grids) and points (buildings) can"),
                   index, label, type);
      return FALSE;
    }

invalid:
  g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
               _("Feature %u: its geometry is not a GeoJSON geometry"), index);
  return FALSE;
}

static gboolean
read_feature (LinliGeojsonFile *self,
              GHashTable       *seen_keys,
              JsonNode         *node,
              guint             index,
              GError          **error)
{
  Feature feature = { 0 };
  JsonObject *object;
  JsonNode *properties;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (linli_geojson_object_type (json_node_get_object (node)), "Feature") != 0)
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: it is not a GeoJSON Feature object"), index);
      return FALSE;
    }
  object = json_node_get_object (node);

  properties = json_object_get_member (object, "properties");
  if (properties != NULL && !JSON_NODE_HOLDS_NULL (properties) && !JSON_NODE_HOLDS_OBJECT (properties))
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_INVALID,
                   _("Feature %u: its properties are not an object"), index);
      return FALSE;
    }

  if (!read_geometry (json_object_get_member (object, "geometry"), &feature, index, error))
    {
      feature_clear (&feature);
      return FALSE;
    }

  if (properties != NULL && JSON_NODE_HOLDS_OBJECT (properties))
    {
      g_autoptr(GList) members = NULL;

      feature.properties = json_object_ref (json_node_get_object (properties));
      members = json_object_get_members (feature.properties);
      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen_keys, g_strdup (l->data)))
          g_ptr_array_insert (self->keys, self->keys->len - 1, g_strdup (l->data));
    }
  g_array_append_val (self->features, feature);
  return TRUE;
}

/**
 * linli_geojson_file_parse:
 * @data: the bytes of a file
 *
 * Reads a GeoJSON FeatureCollection (or a single Feature) and checks every
 * feature. Anything wrong anywhere fails the whole file, and the message
 * says which feature.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
LinliGeojsonFile *
linli_geojson_file_parse (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LinliGeojsonFile) self = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonObject *root;
  JsonNode *features;
  const char *type;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!sniff (data, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                   _("The file is not valid JSON: %s"), json_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto not_geojson;
  root = json_node_get_object (json_parser_get_root (parser));
  type = linli_geojson_object_type (root);

  if (g_str_equal (type, "Topology"))
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                           _("This is TopoJSON, not GeoJSON. Convert it to GeoJSON first, "
                             "for example with mapshaper or topo2geo."));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (LinliGeojsonFile);
  self->features = g_array_new (FALSE, TRUE, sizeof (Feature));
  g_array_set_clear_func (self->features, feature_clear);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->keys, NULL);

  if (g_str_equal (type, "FeatureCollection"))
    {
      JsonArray *list;

      features = json_object_get_member (root, "features");
      if (features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
        {
          g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                               _("The FeatureCollection has no list of features."));
          return NULL;
        }
      list = json_node_get_array (features);
      for (guint i = 0; i < json_array_get_length (list); i++)
        if (!read_feature (self, seen_keys, json_array_get_element (list, i), i + 1, error))
          return NULL;
    }
  else if (g_str_equal (type, "Feature"))
    {
      if (!read_feature (self, seen_keys, json_parser_get_root (parser), 1, error))
        return NULL;
    }
  else
    goto not_geojson;

  if (self->features->len == 0)
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_EMPTY,
                           _("The file has no features."));
      return NULL;
    }
  return g_steal_pointer (&self);

not_geojson:
  g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_NOT_GEOJSON,
                       _("The file is JSON but not a GeoJSON FeatureCollection."));
  return NULL;
}

guint
linli_geojson_file_get_n_features (LinliGeojsonFile *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->features->len;
}

guint
linli_geojson_file_count (LinliGeojsonFile        *self,
                          LinliGeojsonFeatureKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->features->len; i++)
    if (g_array_index (self->features, Feature, i).kind == kind)
      n++;
  return n;
}

LinliGeojsonFeatureKind
linli_geojson_file_get_kind (LinliGeojsonFile *self,
                             guint             feature)
{
  g_return_val_if_fail (self != NULL, LINLI_GEOJSON_FEATURE_AREA);
  g_return_val_if_fail (feature < self->features->len, LINLI_GEOJSON_FEATURE_AREA);
  return g_array_index (self->features, Feature, feature).kind;
}

const LinliGeometry *
linli_geojson_file_get_geometry (LinliGeojsonFile *self,
                                 guint             feature)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (feature < self->features->len, NULL);
  return g_array_index (self->features, Feature, feature).geometry;
}

LinliPoint
linli_geojson_file_get_point (LinliGeojsonFile *self,
                              guint             feature)
{
  LinliPoint none = { NAN, NAN };

  g_return_val_if_fail (self != NULL, none);
  g_return_val_if_fail (feature < self->features->len, none);
  return g_array_index (self->features, Feature, feature).point;
}

const char * const *
linli_geojson_file_get_keys (LinliGeojsonFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->keys->pdata;
}

char *
linli_geojson_file_dup_property (LinliGeojsonFile *self,
                                 guint             feature,
                                 const char       *key)
{
  JsonObject *properties;
  JsonNode *node;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (feature < self->features->len, NULL);

  properties = g_array_index (self->features, Feature, feature).properties;
  if (key == NULL || properties == NULL ||
      (node = json_object_get_member (properties, key)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      text = g_strstrip (g_strdup (json_node_get_string (node)));
      break;
    case G_TYPE_INT64:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
      }
      break;
    case G_TYPE_BOOLEAN:
      text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      return NULL;
    }
  if (*text == '\0')
    return NULL;
  /* ２６号楼 is 26号楼. */
  if (linli_text_has_wide (text))
    {
      char *folded = linli_text_fold_width (text, LINLI_WIDTH_TEXT);
      g_free (text);
      text = folded;
    }
  return g_steal_pointer (&text);
}

static const char *
guess_key (LinliGeojsonFile   *self,
           const char * const *exact,
           const char * const *parts)
{
  const char * const *keys = linli_geojson_file_get_keys (self);

  for (guint i = 0; exact[i] != NULL; i++)
    for (guint k = 0; keys[k] != NULL; k++)
      if (g_ascii_strcasecmp (keys[k], exact[i]) == 0)
        return keys[k];
  for (guint i = 0; parts[i] != NULL; i++)
    for (guint k = 0; keys[k] != NULL; k++)
      {
        g_autofree char *lower = g_utf8_strdown (keys[k], -1);
        if (strstr (lower, parts[i]) != NULL)
          return keys[k];
      }
  return NULL;
}

const char *
linli_geojson_file_guess_name_key (LinliGeojsonFile *self)
{
  static const char * const exact[] = { "name", "名称", "网格名称", "name_zh", "title", NULL };
  static const char * const parts[] = { "name", "名称", "名", NULL };

  g_return_val_if_fail (self != NULL, NULL);
  return guess_key (self, exact, parts);
}

const char *
linli_geojson_file_guess_code_key (LinliGeojsonFile *self)
{
  /* QUHUADAIMA is 区划代码 in pinyin, as exported from ArcGIS and the
   * civil affairs offices' files. */
  static const char * const exact[] = { "code", "编码", "网格编码", "编号", "代码", "区划代码", "网格代码",
                                        "adcode", "quhuadaima", "qhdm", "id", NULL };
  static const char * const parts[] = { "code", "编码", "编号", "代码", "daima", "bianma", "bianhao", NULL };

  g_return_val_if_fail (self != NULL, NULL);
  return guess_key (self, exact, parts);
}

/* The names and codes the import would write, checked. */
static gboolean
check_mapping (LinliGeojsonFile         *self,
               LinliStore               *store,
               const LinliGeojsonImport *options,
               GPtrArray                *names,
               GPtrArray                *codes,
               GError                  **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) grids = NULL;

  if (options->name_key == NULL)
    {
      g_set_error_literal (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING,
                           _("Choose the property that holds the name."));
      return FALSE;
    }

  grids = linli_store_list (store, LINLI_TYPE_GRID);
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      g_hash_table_insert (existing, g_strdup (linli_record_get_text (grid, "code")),
                           g_strdup (linli_record_get_text (grid, "name")));
    }

  for (guint i = 0; i < self->features->len; i++)
    {
      Feature *feature = &g_array_index (self->features, Feature, i);
      char *name = linli_geojson_file_dup_property (self, i, options->name_key);
      char *code = NULL;
      const char *other;

      g_ptr_array_add (names, name);
      if (name == NULL)
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING,
                       _("Feature %u: it has no “%s”, so it has no name"), i + 1, options->name_key);
          return FALSE;
        }
      if (feature->kind != LINLI_GEOJSON_FEATURE_AREA)
        {
          g_ptr_array_add (codes, NULL);
          continue;
        }

      code = options->code_key != NULL
             ? linli_geojson_file_dup_property (self, i, options->code_key)
             : g_strdup (name);
      g_ptr_array_add (codes, code);
      if (code == NULL)
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING,
                       _("Feature %u: it has no “%s”, so it has no code"), i + 1, options->code_key);
          return FALSE;
        }
      if (!options->update && (other = g_hash_table_lookup (existing, code)) != NULL)
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING,
                       _("Feature %u: the code “%s” is already the code of the grid “%s”"),
                       i + 1, code, other);
          return FALSE;
        }
      if (!g_hash_table_add (used, g_strdup (code)))
        {
          g_set_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING,
                       _("Feature %u: the code “%s” is used by an earlier feature too"),
                       i + 1, code);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
linli_geojson_file_check (LinliGeojsonFile         *self,
                          LinliStore               *store,
                          const LinliGeojsonImport *options,
                          GError                  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  return check_mapping (self, store, options, names, codes, error);
}

typedef struct
{
  gint64         id;
  LinliGeometry *geometry;
} GridOutline;

static void
grid_outline_clear (gpointer data)
{
  GridOutline *outline = data;
  g_clear_pointer (&outline->geometry, linli_geometry_free);
}

static gint64
find_grid (GArray     *outlines,
           LinliPoint  p)
{
  for (guint i = 0; i < outlines->len; i++)
    {
      GridOutline *outline = &g_array_index (outlines, GridOutline, i);
      if (linli_geometry_contains (outline->geometry, p.lon, p.lat))
        return outline->id;
    }
  return 0;
}

/* The management grids already there, to place buildings in. */
static void
load_outlines (LinliStore *store,
               GArray     *outlines)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *boundary = linli_record_get_text (grid, "boundary");
      GridOutline outline;

      if (boundary == NULL ||
          linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT ||
          (outline.geometry = linli_geometry_parse (boundary, NULL)) == NULL)
        continue;
      outline.id = linli_record_get_id (grid);
      g_array_append_val (outlines, outline);
    }
}

/* What is stored already, to match features to: grids by code and by
 * name, buildings by name; each maps to the gint64 id. */
typedef struct
{
  GHashTable *grid_codes;
  GHashTable *grid_names;
  GHashTable *building_names;
} Existing;

static void
existing_load (Existing   *existing,
               LinliStore *store)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (store, LINLI_TYPE_BUILDING);

  existing->grid_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  existing->grid_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  existing->building_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      gint64 id = linli_record_get_id (grid);
      if (linli_record_get_text (grid, "code") != NULL)
        g_hash_table_insert (existing->grid_codes, g_strdup (linli_record_get_text (grid, "code")), g_memdup2 (&id, sizeof id));
      if (linli_record_get_text (grid, "name") != NULL)
        g_hash_table_insert (existing->grid_names, g_strdup (linli_record_get_text (grid, "name")), g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      gint64 id = linli_record_get_id (building);
      if (linli_record_get_text (building, "name") != NULL)
        g_hash_table_insert (existing->building_names, g_strdup (linli_record_get_text (building, "name")), g_memdup2 (&id, sizeof id));
    }
}

static void
existing_clear (Existing *existing)
{
  g_clear_pointer (&existing->grid_codes, g_hash_table_unref);
  g_clear_pointer (&existing->grid_names, g_hash_table_unref);
  g_clear_pointer (&existing->building_names, g_hash_table_unref);
}

/* The stored record feature @i matches, or 0. */
static gint64
existing_match (Existing                *existing,
                LinliGeojsonFeatureKind  kind,
                const char              *name,
                const char              *code)
{
  gint64 *id = NULL;

  if (kind == LINLI_GEOJSON_FEATURE_AREA)
    {
      if (code != NULL)
        id = g_hash_table_lookup (existing->grid_codes, code);
      if (id == NULL && name != NULL)
        id = g_hash_table_lookup (existing->grid_names, name);
    }
  else if (name != NULL)
    id = g_hash_table_lookup (existing->building_names, name);
  return id != NULL ? *id : 0;
}

/**
 * linli_geojson_file_count_matches:
 * @n_grids: (out): the area features with the code, or else the name, of
 *   a stored grid
 * @n_buildings: (out): the point features with the name of a stored building
 */
void
linli_geojson_file_count_matches (LinliGeojsonFile         *self,
                                  LinliStore               *store,
                                  const LinliGeojsonImport *options,
                                  guint                    *n_grids,
                                  guint                    *n_buildings)
{
  Existing existing;

  g_return_if_fail (self != NULL);
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (options != NULL && n_grids != NULL && n_buildings != NULL);

  *n_grids = *n_buildings = 0;
  if (options->name_key == NULL)
    return;
  existing_load (&existing, store);
  for (guint i = 0; i < self->features->len; i++)
    {
      Feature *feature = &g_array_index (self->features, Feature, i);
      g_autofree char *name = linli_geojson_file_dup_property (self, i, options->name_key);
      g_autofree char *code = options->code_key ? linli_geojson_file_dup_property (self, i, options->code_key) : NULL;

      if (existing_match (&existing, feature->kind, name, code) != 0)
        (*(feature->kind == LINLI_GEOJSON_FEATURE_AREA ? n_grids : n_buildings))++;
    }
  existing_clear (&existing);
}

/* Metres between two WGS-84 points, on a sphere: enough to tell a
 * neighbourhood from the next city. */
static double
distance_m (double lat1,
            double lon1,
            double lat2,
            double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 6371008.8 * 2 * atan2 (sqrt (a), sqrt (1 - a));
}

/**
 * linli_geojson_file_count_far:
 * @coords: the system the file's coordinates are in
 * @lat: the community's centre, WGS-84
 * @farthest_m: (out) (optional): how far the farthest feature is
 *
 * An area counts by its nearest corner, so a grid around the centre is
 * near however large it is.
 *
 * Returns: how many features lie farther than @limit_m from the centre
 */
guint
linli_geojson_file_count_far (LinliGeojsonFile *self,
                              LinliCoordSystem  coords,
                              double            lat,
                              double            lon,
                              double            limit_m,
                              double           *farthest_m)
{
  guint n = 0;
  double farthest = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->features->len; i++)
    {
      Feature *feature = &g_array_index (self->features, Feature, i);
      double d = G_MAXDOUBLE;

      if (feature->kind == LINLI_GEOJSON_FEATURE_POINT)
        {
          LinliPoint p = linli_china_coords_convert (feature->point, coords, LINLI_COORDS_WGS84);
          d = distance_m (lat, lon, p.lat, p.lon);
        }
      else
        for (guint r = 0; r < linli_geometry_get_n_rings (feature->geometry); r++)
          {
            guint n_points;
            const LinliPoint *ring = linli_geometry_get_ring (feature->geometry, r, &n_points, NULL);
            for (guint k = 0; k < n_points; k++)
              {
                LinliPoint p = linli_china_coords_convert (ring[k], coords, LINLI_COORDS_WGS84);
                d = MIN (d, distance_m (lat, lon, p.lat, p.lon));
              }
          }
      if (d == G_MAXDOUBLE)
        continue;
      farthest = MAX (farthest, d);
      if (d > limit_m)
        n++;
    }
  if (farthest_m != NULL)
    *farthest_m = farthest;
  return n;
}

static gboolean
import_feature (LinliGeojsonFile         *self,
                LinliStore               *store,
                const LinliGeojsonImport *options,
                guint                     i,
                const char               *name,
                const char               *code,
                GArray                   *outlines,
                Existing                 *existing,
                GError                  **error)
{
  Feature *feature = &g_array_index (self->features, Feature, i);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LinliRecord) record = NULL;
  gint64 match = options->update ? existing_match (existing, feature->kind, name, code) : 0;
  GType type = feature->kind == LINLI_GEOJSON_FEATURE_AREA ? LINLI_TYPE_GRID : LINLI_TYPE_BUILDING;
  gboolean written;

  /* A feature that matches a stored record changes its place and name,
   * and keeps the rest: workers, households, notes. */
  if (match != 0)
    record = linli_store_get (store, type, match, NULL);
  if (record == NULL)
    record = linli_record_new (type);

  if (feature->kind == LINLI_GEOJSON_FEATURE_AREA)
    {
      g_autoptr(LinliGeometry) geometry =
        linli_china_coords_convert_geometry (feature->geometry, options->coords, LINLI_COORDS_WGS84);
      g_autofree char *boundary = linli_geometry_to_geojson (geometry);

      if (linli_record_get_id (record) == 0)
        {
          linli_record_set_text (record, "code", code);
          linli_record_set_enum (record, "kind", options->grid_kind);
        }
      linli_record_set_text (record, "name", name);
      linli_record_set_text (record, "boundary", boundary);
      written = linli_record_get_id (record) != 0 ? linli_store_update (store, record, &local_error)
                                                  : linli_store_insert (store, record, &local_error);
      if (written &&
          options->grid_kind == LINLI_GRID_KIND_MANAGEMENT)
        {
          GridOutline outline = { linli_record_get_id (record), g_steal_pointer (&geometry) };
          g_array_append_val (outlines, outline);
        }
    }
  else
    {
      LinliPoint p = linli_china_coords_convert (feature->point, options->coords, LINLI_COORDS_WGS84);

      linli_record_set_text (record, "name", name);
      linli_record_set_double (record, "lat", p.lat);
      linli_record_set_double (record, "lon", p.lon);
      linli_record_set_int (record, "grid_id", find_grid (outlines, p));
      if (linli_record_get_id (record) != 0)
        linli_store_update (store, record, &local_error);
      else
        linli_store_insert (store, record, &local_error);
    }

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Feature %u: %s"), i + 1, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
linli_geojson_file_import (LinliGeojsonFile         *self,
                           LinliStore               *store,
                           const LinliGeojsonImport *options,
                           guint                    *n_grids,
                           guint                    *n_buildings,
                           GError                  **error)
{
  return linli_geojson_file_import_full (self, store, options, NULL, NULL, NULL,
                                         n_grids, n_buildings, error);
}

/**
 * linli_geojson_file_import_full:
 * @store: the store, or a writer of it (linli_store_open_writer()), in a
 *   thread of its own
 * @count: (nullable) (scope call): told of the features written, now and then
 * @cancellable: (nullable): stops the import, which then writes nothing
 *
 * linli_geojson_file_import(), with its progress told and Cancel.
 */
gboolean
linli_geojson_file_import_full (LinliGeojsonFile         *self,
                                LinliStore               *store,
                                const LinliGeojsonImport *options,
                                LinliCountFunc            count,
                                gpointer                  count_data,
                                GCancellable             *cancellable,
                                guint                    *n_grids,
                                guint                    *n_buildings,
                                GError                  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) outlines = g_array_new (FALSE, FALSE, sizeof (GridOutline));
  guint n = 0;
  Existing existing;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  g_array_set_clear_func (outlines, grid_outline_clear);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !check_mapping (self, store, options, names, codes, error))
    return FALSE;
  load_outlines (store, outlines);

  if (!linli_store_begin_batch (store, error))
    return FALSE;
  existing_load (&existing, store);

  /* Grids first, so the buildings of the file find them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->features->len; i++)
      {
        Feature *feature = &g_array_index (self->features, Feature, i);

        if ((feature->kind == LINLI_GEOJSON_FEATURE_AREA) != (pass == 0))
          continue;
        if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
            !import_feature (self, store, options, i, g_ptr_array_index (names, i),
                             g_ptr_array_index (codes, i), outlines, &existing, error))
          {
            existing_clear (&existing);
            linli_store_rollback (store);
            return FALSE;
          }
        if (count != NULL)
          count (++n, self->features->len, count_data);
      }
  existing_clear (&existing);

  /* Cancelled at the last moment: still nothing is written. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !linli_store_commit (store, error))
    {
      linli_store_rollback (store);
      return FALSE;
    }
  if (n_grids != NULL)
    *n_grids = linli_geojson_file_count (self, LINLI_GEOJSON_FEATURE_AREA);
  if (n_buildings != NULL)
    *n_buildings = linli_geojson_file_count (self, LINLI_GEOJSON_FEATURE_POINT);
  return TRUE;
}

/* Twice the area the ring encloses in the plane of longitude and latitude:
 * positive when it runs counter-clockwise. */
static double
ring_signed_area (const LinliPoint *ring,
                  guint             n_points)
{
  double sum = 0;

  for (guint i = 0; i + 1 < n_points; i++)
    sum += (ring[i].lon - ring[0].lon) * (ring[i + 1].lat - ring[0].lat) -
           (ring[i + 1].lon - ring[0].lon) * (ring[i].lat - ring[0].lat);
  return sum;
}

/* RFC 7946 §3.1.6 (and QGIS, which follows it): outer rings run
 * counter-clockwise, holes clockwise. The editor and imports keep rings as
 * they were drawn, so the export turns those that run the other way. The
 * text has seven decimals, a centimetre: what linli_geometry_to_geojson()
 * writes. */
static char *
geometry_to_rfc7946 (const char *boundary)
{
  g_autoptr(LinliGeometry) geometry = linli_geometry_parse (boundary, NULL);
  g_autoptr(LinliGeometry) oriented = NULL;

  if (geometry == NULL || linli_geometry_get_n_rings (geometry) == 0)
    return NULL;

  oriented = linli_geometry_new ();
  for (guint r = 0; r < linli_geometry_get_n_rings (geometry); r++)
    {
      guint n_points;
      gboolean is_hole;
      const LinliPoint *ring = linli_geometry_get_ring (geometry, r, &n_points, &is_hole);
      double area = ring_signed_area (ring, n_points);

      if ((is_hole && area > 0) || (!is_hole && area < 0))
        {
          g_autofree LinliPoint *reversed = g_new (LinliPoint, n_points);

          for (guint k = 0; k < n_points; k++)
            reversed[k] = ring[n_points - 1 - k];
          linli_geometry_add_ring (oriented, is_hole, reversed, n_points);
        }
      else
        linli_geometry_add_ring (oriented, is_hole, ring, n_points);
    }
  return linli_geometry_to_geojson (oriented);
}

static char *
point_to_geojson (double lon,
                  double lat)
{
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE], lat_text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("{\"type\":\"Point\",\"coordinates\":[%s,%s]}",
                          g_ascii_formatd (lon_text, sizeof lon_text, "%.7f", lon),
                          g_ascii_formatd (lat_text, sizeof lat_text, "%.7f", lat));
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static JsonBuilder *
begin_properties (const char *what)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_text (builder, "linli", what);
  return builder;
}

/* json-glib writes every double with 17 digits (35.458325000000002), so the
 * geometry is written as text beside the properties it generates. */
static void
append_feature (GString     *out,
                JsonBuilder *properties,
                const char  *geometry)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (properties);
  node = json_builder_get_root (properties);
  text = json_to_string (node, FALSE);
  if (out->str[out->len - 1] != '[')
    g_string_append_c (out, ',');
  g_string_append_printf (out, "{\"type\":\"Feature\",\"properties\":%s,\"geometry\":%s}",
                          text, geometry);
}

/**
 * linli_geojson_export:
 * @out: where the FeatureCollection is written
 *
 * Writes every grid with an outline and every building with a location.
 * Their coordinates are stored in WGS-84, so they are written as they are,
 * at seven decimals, with rings wound as RFC 7946 asks.
 */
gboolean
linli_geojson_export (LinliStore     *store,
                      GOutputStream  *out,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GString) text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  g_autoptr(GListModel) grids = NULL;
  g_autoptr(GListModel) buildings = NULL;
  g_autoptr(GHashTable) grid_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LINLI_TYPE_GRID_KIND);

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  grids = linli_store_list (store, LINLI_TYPE_GRID);
  buildings = linli_store_list (store, LINLI_TYPE_BUILDING);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *boundary = linli_record_get_text (grid, "boundary");
      g_autoptr(JsonBuilder) builder = NULL;
      g_autofree char *geometry = NULL;

      g_hash_table_insert (grid_codes, g_memdup2 (&(gint64) { linli_record_get_id (grid) }, sizeof (gint64)),
                           g_strdup (linli_record_get_text (grid, "code")));
      if (boundary == NULL || (geometry = geometry_to_rfc7946 (boundary)) == NULL)
        continue;
      builder = begin_properties ("grid");
      add_text (builder, "code", linli_record_get_text (grid, "code"));
      add_text (builder, "name", linli_record_get_text (grid, "name"));
      add_text (builder, "kind", g_enum_get_value (kinds, linli_record_get_enum (grid, "kind"))->value_nick);
      add_text (builder, "color", linli_record_get_text (grid, "color"));
      add_int (builder, "households", linli_record_get_int (grid, "households"));
      add_int (builder, "population", linli_record_get_int (grid, "population"));
      add_text (builder, "notes", linli_record_get_text (grid, "notes"));
      append_feature (text, builder, geometry);
    }

  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      double lat = linli_record_get_double (building, "lat");
      double lon = linli_record_get_double (building, "lon");
      g_autoptr(JsonBuilder) builder = NULL;
      g_autofree char *geometry = NULL;
      gint64 grid_id = linli_record_get_int (building, "grid_id");

      if (isnan (lat) || isnan (lon))
        continue;
      builder = begin_properties ("building");
      add_text (builder, "name", linli_record_get_text (building, "name"));
      add_text (builder, "grid", g_hash_table_lookup (grid_codes, &grid_id));
      add_int (builder, "units", linli_record_get_int (building, "units"));
      add_int (builder, "floors", linli_record_get_int (building, "floors"));
      add_int (builder, "households", linli_record_get_int (building, "households"));
      add_text (builder, "notes", linli_record_get_text (building, "notes"));
      geometry = point_to_geojson (lon, lat);
      append_feature (text, builder, geometry);
    }

  g_string_append (text, "]}\n");
  return g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
}
