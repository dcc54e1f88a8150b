/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-geojson.h"
#include "test-util.h"

typedef struct
{
  TestDatabase db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_database_open (&fixture->db, "linli-test-geojson");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (&fixture->db);
}

static LinliGeojsonFile *
parse_text (const char  *text,
            GError     **error)
{
  return linli_geojson_file_parse (text, strlen (text), error);
}

static LinliRecord *
find_grid (LinliStore *store,
           const char *name)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      if (g_strcmp0 (linli_record_get_text (grid, "name"), name) == 0)
        return g_steal_pointer (&grid);
    }
  return NULL;
}

/* The real DataV file of Jining's districts, in GCJ-02. */
static void
test_jining (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const districts[] = {
    "任城区", "兖州区", "微山县", "鱼台县", "金乡县", "嘉祥县",
    "汶上县", "泗水县", "梁山县", "曲阜市", "邹城市",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeojsonFile) file = NULL;
  g_autoptr(LinliRecord) rencheng = NULL;
  g_autoptr(LinliGeometry) outline = NULL;
  LinliGeojsonImport options = { 0 };
  const LinliGeometry *raw;
  const LinliPoint *raw_ring, *ring;
  guint n_grids = 0, n_buildings = 0, n;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  file = linli_geojson_file_parse (contents, strlen (contents), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (linli_geojson_file_get_n_features (file), ==, 11);
  g_assert_cmpuint (linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_AREA), ==, 11);
  g_assert_true (g_strv_contains (linli_geojson_file_get_keys (file), "adcode"));
  g_assert_true (g_strv_contains (linli_geojson_file_get_keys (file), "level"));
  g_assert_cmpstr (linli_geojson_file_guess_name_key (file), ==, "name");
  g_assert_cmpstr (linli_geojson_file_guess_code_key (file), ==, "adcode");
  /* Nested objects are no text for a name. */
  g_assert_null (linli_geojson_file_dup_property (file, 0, "parent"));
  {
    g_autofree char *adcode = linli_geojson_file_dup_property (file, 0, "adcode");
    g_assert_cmpstr (adcode, ==, "370811");
  }

  options.name_key = "name";
  options.code_key = "adcode";
  options.grid_kind = LINLI_GRID_KIND_MANAGEMENT;
  options.coords = LINLI_COORDS_GCJ02;
  g_assert_true (linli_geojson_file_import (file, fixture->db.store, &options,
                                            &n_grids, &n_buildings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_grids, ==, 11);
  g_assert_cmpuint (n_buildings, ==, 0);
  g_assert_cmpuint (linli_store_count (fixture->db.store, LINLI_TYPE_GRID), ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autoptr(LinliRecord) grid = find_grid (fixture->db.store, districts[i]);
      g_assert_nonnull (grid);
    }

  /* Stored in WGS-84: every vertex moved by a few hundred metres, and the
   * GCJ-02 offset of the stored vertex is the file's vertex again. */
  rencheng = find_grid (fixture->db.store, "任城区");
  g_assert_cmpstr (linli_record_get_text (rencheng, "code"), ==, "370811");
  outline = linli_geometry_parse (linli_record_get_text (rencheng, "boundary"), &error);
  g_assert_no_error (error);
  raw = linli_geojson_file_get_geometry (file, 0);
  g_assert_cmpuint (linli_geometry_get_n_rings (outline), ==, linli_geometry_get_n_rings (raw));
  raw_ring = linli_geometry_get_ring (raw, 0, &n, NULL);
  ring = linli_geometry_get_ring (outline, 0, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      LinliPoint back = linli_china_coords_wgs84_to_gcj02 (ring[i]);
      double moved = hypot (ring[i].lon - raw_ring[i].lon, ring[i].lat - raw_ring[i].lat);

      g_assert_cmpfloat (moved, >, 0.001);
      g_assert_cmpfloat (moved, <, 0.01);
      g_assert_cmpfloat (fabs (back.lon - raw_ring[i].lon), <, 1e-6);
      g_assert_cmpfloat (fabs (back.lat - raw_ring[i].lat), <, 1e-6);
    }
  /* The district's own centre (GCJ-02 in the file) lies in it. */
  {
    LinliPoint centre = linli_china_coords_gcj02_to_wgs84 ((LinliPoint) { 116.567965, 35.376156 });
    g_assert_true (linli_geometry_contains (outline, centre.lon, centre.lat));
  }

  /* A second import of the same file would repeat every code: refused. */
  g_assert_false (linli_geojson_file_import (file, fixture->db.store, &options, NULL, NULL, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Feature 1:"));
  g_assert_cmpuint (linli_store_count (fixture->db.store, LINLI_TYPE_GRID), ==, 11);
}

static void
add_square (LinliGeometry *geometry,
            gboolean       is_hole,
            double         lon,
            double         lat,
            double         size)
{
  LinliPoint ring[] = {
    { lon, lat }, { lon + size, lat }, { lon + size, lat + size }, { lon, lat + size }, { lon, lat },
  };
  linli_geometry_add_ring (geometry, is_hole, ring, G_N_ELEMENTS (ring));
}

static void
insert_grid (LinliStore    *store,
             const char    *code,
             const char    *name,
             LinliGeometry *geometry)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  g_autofree char *boundary = linli_geometry_to_geojson (geometry);
  g_autoptr(GError) error = NULL;

  linli_record_set_text (grid, "code", code);
  linli_record_set_text (grid, "name", name);
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_text (grid, "boundary", boundary);
  linli_store_insert (store, grid, &error);
  g_assert_no_error (error);
}

/* Export, then import into a new database: the same grids and buildings. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LinliGeometry) with_hole = linli_geometry_new ();
  g_autoptr(LinliGeometry) two_parts = linli_geometry_new ();
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeojsonFile) file = NULL;
  g_autoptr(GListModel) buildings = NULL;
  g_autoptr(LinliRecord) copy = NULL;
  LinliGeojsonImport options = { "name", "code", LINLI_GRID_KIND_MANAGEMENT, LINLI_COORDS_WGS84 };
  TestDatabase other;
  const char *text;
  guint n_grids, n_buildings;

  add_square (with_hole, FALSE, 116.587, 35.415, 0.004);
  add_square (with_hole, TRUE, 116.588, 35.416, 0.001);
  add_square (two_parts, FALSE, 116.600, 35.415, 0.002);
  add_square (two_parts, FALSE, 116.610, 35.415, 0.002);
  insert_grid (fixture->db.store, "01", "第一网格", with_hole);
  insert_grid (fixture->db.store, "02", "第二网格", two_parts);

  linli_record_set_text (building, "name", "3号楼");
  linli_record_set_double (building, "lat", 35.4155);
  linli_record_set_double (building, "lon", 116.5875);
  linli_store_insert (fixture->db.store, building, &error);
  g_assert_no_error (error);

  g_assert_true (linli_geojson_export (fixture->db.store, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));

  file = linli_geojson_file_parse (text, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_AREA), ==, 2);
  g_assert_cmpuint (linli_geojson_file_count (file, LINLI_GEOJSON_FEATURE_POINT), ==, 1);
  g_assert_cmpstr (linli_geojson_file_guess_name_key (file), ==, "name");
  g_assert_cmpstr (linli_geojson_file_guess_code_key (file), ==, "code");

  test_database_open (&other, "linli-test-geojson-copy");
  g_assert_true (linli_geojson_file_import (file, other.store, &options, &n_grids, &n_buildings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_grids, ==, 2);
  g_assert_cmpuint (n_buildings, ==, 1);

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "第一网格" : "第二网格";
      g_autoptr(LinliRecord) a = find_grid (fixture->db.store, name);
      g_autoptr(LinliRecord) b = find_grid (other.store, name);

      g_autoptr(LinliGeometry) outline_a = NULL;
      g_autoptr(LinliGeometry) outline_b = NULL;

      g_assert_nonnull (b);
      g_assert_cmpstr (linli_record_get_text (a, "code"), ==, linli_record_get_text (b, "code"));
      /* The same outline; the hole may now run the other way (RFC 7946). */
      outline_a = linli_geometry_parse (linli_record_get_text (a, "boundary"), NULL);
      outline_b = linli_geometry_parse (linli_record_get_text (b, "boundary"), NULL);
      g_assert_cmpuint (linli_geometry_get_n_rings (outline_a), ==, linli_geometry_get_n_rings (outline_b));
      g_assert_cmpfloat_with_epsilon (linli_geometry_area_m2 (outline_a), linli_geometry_area_m2 (outline_b), 1e-3);
      g_assert_true (i == 1 || linli_geometry_contains (outline_b, 116.5875, 35.4155));
      g_assert_false (linli_geometry_contains (outline_b, 116.5885, 35.4165));
    }

  /* The building was placed in the grid around it, outside the hole. */
  buildings = linli_store_list (other.store, LINLI_TYPE_BUILDING);
  copy = g_list_model_get_item (buildings, 0);
  g_assert_cmpstr (linli_record_get_text (copy, "name"), ==, "3号楼");
  g_assert_cmpfloat (linli_record_get_double (copy, "lat"), ==, 35.4155);
  g_assert_cmpfloat (linli_record_get_double (copy, "lon"), ==, 116.5875);
  {
    g_autoptr(LinliRecord) first = find_grid (other.store, "第一网格");
    g_assert_cmpint (linli_record_get_int (copy, "grid_id"), ==, linli_record_get_id (first));
  }
  test_database_close (&other);
}

/* Twice the ring's area in the lon/lat plane, positive counter-clockwise. */
static double
signed_area (JsonArray *ring)
{
  double sum = 0;

  for (guint i = 0; i + 1 < json_array_get_length (ring); i++)
    {
      JsonArray *p = json_array_get_array_element (ring, i);
      JsonArray *q = json_array_get_array_element (ring, i + 1);
      sum += json_array_get_double_element (p, 0) * json_array_get_double_element (q, 1) -
             json_array_get_double_element (q, 0) * json_array_get_double_element (p, 1);
    }
  return sum;
}

static void
check_polygon (JsonArray *rings,
               guint     *n_outer,
               guint     *n_holes)
{
  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      double area = signed_area (json_array_get_array_element (rings, r));
      if (r == 0)
        g_assert_cmpfloat (area, >, 0);
      else
        g_assert_cmpfloat (area, <, 0);
      (r == 0 ? (*n_outer)++ : (*n_holes)++);
    }
}

/* What QGIS expects: outer rings counter-clockwise, holes clockwise, and
 * no more than seven decimals, whichever way the outline was drawn. */
static void
test_rfc7946 (Fixture       *fixture,
              gconstpointer  data)
{
  /* Clockwise outer ring and counter-clockwise hole: both the wrong way. */
  static const LinliPoint outer[] = {
    { 116.587, 35.415 }, { 116.587, 35.458325 }, { 116.6, 35.458325 }, { 116.6, 35.415 }, { 116.587, 35.415 },
  };
  static const LinliPoint hole[] = {
    { 116.588, 35.416 }, { 116.589, 35.416 }, { 116.589, 35.417 }, { 116.588, 35.417 }, { 116.588, 35.416 },
  };
  g_autoptr(LinliGeometry) wrong = linli_geometry_new ();
  g_autoptr(LinliGeometry) two_parts = linli_geometry_new ();
  g_autoptr(LinliRecord) building = linli_record_new (LINLI_TYPE_BUILDING);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GRegex) long_decimals = g_regex_new ("[0-9]\\.[0-9]{8,}", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *features;
  guint n_outer = 0, n_holes = 0, n_points = 0;

  linli_geometry_add_ring (wrong, FALSE, outer, G_N_ELEMENTS (outer));
  linli_geometry_add_ring (wrong, TRUE, hole, G_N_ELEMENTS (hole));
  insert_grid (fixture->db.store, "01", "第一网格", wrong);
  add_square (two_parts, FALSE, 116.600, 35.415, 0.002);
  add_square (two_parts, FALSE, 116.610, 35.415, 0.002);
  add_square (two_parts, TRUE, 116.6105, 35.4155, 0.001);
  insert_grid (fixture->db.store, "02", "第二网格", two_parts);
  linli_record_set_text (building, "name", "3号楼");
  linli_record_set_double (building, "lat", 35.458325);
  linli_record_set_double (building, "lon", 116.5875);
  linli_store_insert (fixture->db.store, building, &error);
  g_assert_no_error (error);

  g_assert_true (linli_geojson_export (fixture->db.store, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_false (g_regex_match (long_decimals, text, 0, NULL));
  g_assert_nonnull (strstr (text, "35.4583250"));

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 3);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *geometry = json_object_get_object_member (json_array_get_object_element (features, i), "geometry");
      const char *type = json_object_get_string_member (geometry, "type");
      JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

      if (g_str_equal (type, "Polygon"))
        check_polygon (coordinates, &n_outer, &n_holes);
      else if (g_str_equal (type, "MultiPolygon"))
        for (guint k = 0; k < json_array_get_length (coordinates); k++)
          check_polygon (json_array_get_array_element (coordinates, k), &n_outer, &n_holes);
      else
        {
          g_assert_cmpstr (type, ==, "Point");
          g_assert_cmpfloat (json_array_get_double_element (coordinates, 1), ==, 35.458325);
          n_points++;
        }
    }
  g_assert_cmpuint (n_outer, ==, 3);
  g_assert_cmpuint (n_holes, ==, 2);
  g_assert_cmpuint (n_points, ==, 1);
}

#define FEATURE(geometry) \
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\"},\"geometry\":" geometry "}"
#define SQUARE "[[[116.5,35.4],[116.6,35.4],[116.6,35.5],[116.5,35.4]]]"
#define GOOD FEATURE ("{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}")

static const struct {
  const char *what;
  const char *text;
  gsize       length;   /* 0: strlen */
  int         code;
  const char *message;  /* a part of it */
} bad_files[] = {
  { "empty", "", 0, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "empty" },
  { "blank", " \n\t ", 0, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "empty" },
  { "shapefile", "\x00\x00\x27\x0a\x00\x00\x00\x00", 8, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "shapefile" },
  { "png", "\x89PNG\r\n\x1a\n\x00\x00", 10, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "binary" },
  { "kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"></kml>", 0,
    LINLI_GEOJSON_ERROR_NOT_GEOJSON, "KML" },
  { "topojson", "{\"type\":\"Topology\",\"objects\":{},\"arcs\":[]}", 0,
    LINLI_GEOJSON_ERROR_NOT_GEOJSON, "TopoJSON" },
  { "truncated", "{\"type\":\"FeatureCollection\",\"features\":[" GOOD, 0,
    LINLI_GEOJSON_ERROR_NOT_GEOJSON, "not valid JSON" },
  { "array", "[1, 2]", 0, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "not a GeoJSON" },
  { "no-features", "{\"type\":\"FeatureCollection\"}", 0, LINLI_GEOJSON_ERROR_NOT_GEOJSON, "no list" },
  { "zero-features", "{\"type\":\"FeatureCollection\",\"features\":[]}", 0, LINLI_GEOJSON_ERROR_EMPTY, "no features" },
  { "short-ring", "{\"type\":\"FeatureCollection\",\"features\":[" GOOD "," GOOD ","
    FEATURE ("{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,2],[1,1]]]}") "]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 3: polygon ring has fewer than four positions" },
  { "open-ring", "{\"type\":\"FeatureCollection\",\"features\":["
    FEATURE ("{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,1],[2,2],[1,2]]]}") "]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 1: a polygon ring does not end" },
  { "bad-hole", "{\"type\":\"FeatureCollection\",\"features\":[" GOOD ","
    FEATURE ("{\"type\":\"MultiPolygon\",\"coordinates\":[" SQUARE ",[[[1,1],[2,1],[2,2],[1,1]],[[1,1],[\"x\",1]]]]}")
    "]}", 0, LINLI_GEOJSON_ERROR_INVALID, "Feature 2: position 2" },
  { "out-of-range", "{\"type\":\"FeatureCollection\",\"features\":["
    FEATURE ("{\"type\":\"Point\",\"coordinates\":[35.4,116.5]}") "]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 1: the point" },
  { "line", "{\"type\":\"FeatureCollection\",\"features\":[" GOOD ","
    FEATURE ("{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}") "]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 2: a line (LineString) cannot" },
  { "no-geometry", "{\"type\":\"FeatureCollection\",\"features\":[" FEATURE ("null") "]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 1: it has no geometry" },
  { "not-feature", "{\"type\":\"FeatureCollection\",\"features\":[" GOOD ",42]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 2: it is not" },
  { "bad-properties", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":[1],"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[116.5,35.4]}}]}", 0,
    LINLI_GEOJSON_ERROR_INVALID, "Feature 1: its properties" },
};

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = bad_files[i].length ? bad_files[i].length : strlen (bad_files[i].text);
      g_autoptr(LinliGeojsonFile) file = linli_geojson_file_parse (bad_files[i].text, length, &error);

      g_test_message ("%s: %s", bad_files[i].what, error ? error->message : "(no error)");
      g_assert_null (file);
      g_assert_error (error, LINLI_GEOJSON_ERROR, bad_files[i].code);
      g_assert_nonnull (strstr (error->message, bad_files[i].message));
    }
}

/* A mapping that does not fit one feature writes nothing of the others. */
static void
test_bad_mapping (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *text =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"一网格\",\"编码\":\"G1\"},"
    " \"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}},"
    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"二网格\",\"编码\":\"G1\"},"
    " \"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE "}},"
    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"  \",\"编码\":7},"
    " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.55,35.45]}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliGeojsonFile) file = parse_text (text, &error);
  LinliGeojsonImport options = { "名称", "编码", LINLI_GRID_KIND_SENTIMENT, LINLI_COORDS_WGS84 };

  g_assert_no_error (error);
  g_assert_cmpstr (linli_geojson_file_guess_name_key (file), ==, "名称");
  g_assert_cmpstr (linli_geojson_file_guess_code_key (file), ==, "编码");

  g_assert_false (linli_geojson_file_check (file, fixture->db.store, &options, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Feature 2: the code “G1”"));
  g_clear_error (&error);

  /* Named by the code instead: the blank name of the point is refused. */
  options.code_key = NULL;
  g_assert_false (linli_geojson_file_import (file, fixture->db.store, &options, NULL, NULL, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "Feature 3: it has no “名称”"));
  g_clear_error (&error);

  options.name_key = NULL;
  g_assert_false (linli_geojson_file_check (file, fixture->db.store, &options, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);

  g_assert_cmpuint (linli_store_count (fixture->db.store, LINLI_TYPE_GRID), ==, 0);
  g_assert_cmpuint (linli_store_count (fixture->db.store, LINLI_TYPE_BUILDING), ==, 0);
}

/* @n squares in a row, 0.001° apart, each a grid with a building in it. */
static char *
many_features (guint n)
{
  GString *text = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");

  for (guint i = 0; i < n; i++)
    {
      double lon = 116.5 + i * 0.001, lat = 35.4;

      g_string_append_printf (text,
                              "%s{\"type\":\"Feature\",\"properties\":{\"name\":\"网格%u\",\"code\":\"G%u\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}},"
                              "{\"type\":\"Feature\",\"properties\":{\"name\":\"%u号楼\"},"
                              "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]}}",
                              i > 0 ? "," : "", i + 1, i + 1,
                              lon, lat, lon + 0.0008, lat, lon + 0.0008, lat + 0.0008, lon, lat + 0.0008, lon, lat,
                              i + 1, lon + 0.0004, lat + 0.0004);
    }
  g_string_append (text, "]}");
  return g_string_free (text, FALSE);
}

/* The grids and buildings of @store, with the grid each building is in. */
static char *
describe (LinliStore *store)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  g_autoptr(GListModel) buildings = linli_store_list (store, LINLI_TYPE_BUILDING);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);

      g_string_append_printf (text, "%s|%s|%s\n", linli_record_get_text (grid, "code"),
                              linli_record_get_text (grid, "name"), linli_record_get_text (grid, "boundary"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      g_autoptr(LinliRecord) grid = NULL;
      gint64 grid_id = linli_record_get_int (building, "grid_id");

      if (grid_id != 0)
        grid = linli_store_get (store, LINLI_TYPE_GRID, grid_id, NULL);
      g_string_append_printf (text, "%s|%.7f|%.7f|%s\n", linli_record_get_text (building, "name"),
                              linli_record_get_double (building, "lat"), linli_record_get_double (building, "lon"),
                              grid != NULL ? linli_record_get_text (grid, "code") : "-");
    }
  return g_string_free (text, FALSE);
}

/* Through a writer of the store's own, as the import's job does: the same
 * grids and buildings as the import on the store itself, told feature by
 * feature; cancelled while it writes, the file is as it was. */
static void
test_writer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = many_features (300);
  g_autoptr(LinliGeojsonFile) file = parse_text (text, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LinliStore) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const GType types[] = { LINLI_TYPE_GRID, LINLI_TYPE_BUILDING };
  LinliGeojsonImport options = { "name", "code", LINLI_GRID_KIND_MANAGEMENT, LINLI_COORDS_WGS84, FALSE };
  TestCancelAt cancelling = { cancellable, 250, 0 };
  TestDatabase plain;
  guint n_grids = 0, n_buildings = 0;

  g_assert_nonnull (file);
  test_database_open (&plain, "linli-test-geojson-plain");
  g_assert_true (linli_geojson_file_import (file, plain.store, &options, &n_grids, &n_buildings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_grids, ==, 300);
  g_assert_cmpuint (n_buildings, ==, 300);
  expected = describe (plain.store);
  test_database_close (&plain);

  /* Cancelled on the way, inside the transaction: nothing is written. */
  before = describe (fixture->db.store);
  writer = linli_store_open_writer (fixture->db.store, "Importing.", &error);
  g_assert_no_error (error);
  n_grids = n_buildings = 0;
  g_assert_false (linli_geojson_file_import_full (file, writer, &options, test_cancel_at_cb, &cancelling, cancellable,
                                                  &n_grids, &n_buildings, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (cancelling.last, ==, 250);
  g_assert_cmpuint (n_grids + n_buildings, ==, 0);
  after = describe (writer);
  g_assert_cmpstr (after, ==, before);
  linli_store_close_writer (fixture->db.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  g_clear_pointer (&after, g_free);
  after = describe (fixture->db.store);
  g_assert_cmpstr (after, ==, before);

  /* Written: what the plain import wrote, every feature told. */
  g_cancellable_reset (cancellable);
  cancelling.cancel_at = 0;
  writer = linli_store_open_writer (fixture->db.store, "Importing.", &error);
  g_assert_no_error (error);
  g_assert_true (linli_geojson_file_import_full (file, writer, &options, test_cancel_at_cb, &cancelling, cancellable,
                                                 &n_grids, &n_buildings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cancelling.last, ==, 600);
  g_assert_cmpuint (n_grids, ==, 300);
  g_assert_cmpuint (n_buildings, ==, 300);
  linli_store_close_writer (fixture->db.store, g_steal_pointer (&writer), types, G_N_ELEMENTS (types));
  g_clear_pointer (&after, g_free);
  after = describe (fixture->db.store);
  g_assert_cmpstr (after, ==, expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/geojson/jining", test_jining);
  ADD ("/geojson/round-trip", test_round_trip);
  ADD ("/geojson/rfc7946", test_rfc7946);
  ADD ("/geojson/bad-files", test_bad_files);
  ADD ("/geojson/bad-mapping", test_bad_mapping);
  ADD ("/geojson/writer", test_writer);
#undef ADD

  return g_test_run ();
}
