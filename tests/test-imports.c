/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "linli-csv.h"
#include "linli-event-csv.h"
#include "linli-geojson.h"
#include "linli-store.h"
#include "test-util.h"

/* Imports that help instead of surprise: a GeoJSON file imported twice
 * updates what the first import wrote; features far from the community
 * are counted with their distance; the usual code columns are found;
 * full-width digits are read as ASCII in every importer. */

static const char grids_file[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"一网格\",\"QUHUADAIMA\":\"370811001001\"},"
  " \"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[116.58,35.40],[116.59,35.40],[116.59,35.41],[116.58,35.41],[116.58,35.40]]]}},"
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"２６号楼\"},"
  " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.585,35.405]}},"
  "{\"type\":\"Feature\",\"properties\":{\"MC\":\"远处的楼\"},"
  " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.95,35.40]}}"
  "]}";

static LinliGeojsonFile *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  LinliGeojsonFile *file = linli_geojson_file_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  return file;
}

static void
test_code_columns (void)
{
  static const struct {
    const char *key;
    gboolean    is_code;
  } keys[] = {
    { "QUHUADAIMA", TRUE }, { "代码", TRUE }, { "编号", TRUE }, { "adcode", TRUE },
    { "code", TRUE }, { "id", TRUE }, { "区划代码", TRUE }, { "备注", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":["
                                               "{\"type\":\"Feature\",\"properties\":{\"名称\":\"一网格\",\"%s\":\"A1\"},"
                                               " \"geometry\":{\"type\":\"Point\",\"coordinates\":[116.58,35.40]}}]}",
                                               keys[i].key);
      g_autoptr(LinliGeojsonFile) file = parse (text);

      g_assert_cmpstr (linli_geojson_file_guess_code_key (file), ==, keys[i].is_code ? keys[i].key : NULL);
    }
}

static void
test_reimport (void)
{
  TestDatabase db;
  g_autoptr(LinliGeojsonFile) file = parse (grids_file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) buildings = NULL;
  g_autoptr(LinliRecord) building = NULL;
  LinliGeojsonImport options = { "MC", NULL, LINLI_GRID_KIND_MANAGEMENT, LINLI_COORDS_WGS84, FALSE };
  guint n_grids, n_buildings;

  test_database_open (&db, "imports");
  options.code_key = linli_geojson_file_guess_code_key (file);
  g_assert_cmpstr (options.code_key, ==, "QUHUADAIMA");

  linli_geojson_file_count_matches (file, db.store, &options, &n_grids, &n_buildings);
  g_assert_cmpuint (n_grids + n_buildings, ==, 0);
  g_assert_true (linli_geojson_file_import (file, db.store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 1);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 2);

  /* Full-width digits in a name are read as ASCII. */
  buildings = linli_store_list (db.store, LINLI_TYPE_BUILDING);
  /* In the register's order: buildings in no grid (the far one) first. */
  building = g_list_model_get_item (buildings, 1);
  g_assert_cmpstr (linli_record_get_text (building, "name"), ==, "26号楼");

  /* The same file again: every feature matches; as it was, the grid's
   * code is refused, and with update it all updates, duplicating nothing. */
  linli_geojson_file_count_matches (file, db.store, &options, &n_grids, &n_buildings);
  g_assert_cmpuint (n_grids, ==, 1);
  g_assert_cmpuint (n_buildings, ==, 2);
  g_assert_false (linli_geojson_file_check (file, db.store, &options, &error));
  g_assert_error (error, LINLI_GEOJSON_ERROR, LINLI_GEOJSON_ERROR_MAPPING);
  g_clear_error (&error);
  options.update = TRUE;
  g_assert_true (linli_geojson_file_import (file, db.store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_GRID), ==, 1);
  g_assert_cmpuint (linli_store_count (db.store, LINLI_TYPE_BUILDING), ==, 2);

  test_database_close (&db);
}

static void
test_far_features (void)
{
  g_autoptr(LinliGeojsonFile) file = parse (grids_file);
  double farthest = 0;
  guint n;

  /* The community's centre in the grid: the far building is ~33 km east. */
  n = linli_geojson_file_count_far (file, LINLI_COORDS_WGS84, 35.405, 116.585, 5000, &farthest);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (farthest, >, 32000);
  g_assert_cmpfloat (farthest, <, 34000);
  n = linli_geojson_file_count_far (file, LINLI_COORDS_WGS84, 35.405, 116.585, 50000, NULL);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_csv_full_width (void)
{
  TestDatabase db;
  const char text[] = "姓名,联系电话\n王芳,１７５９８２５２９８３\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, &error);
  g_autoptr(LinliCsvMapping) mapping = NULL;
  g_autoptr(GListModel) volunteers = NULL;
  g_autoptr(LinliRecord) volunteer = NULL;
  guint n = 0;

  test_database_open (&db, "imports");
  g_assert_no_error (error);
  mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, table);
  g_assert_true (linli_event_csv_import (db.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, NULL, &n, &error));
  g_assert_no_error (error);
  volunteers = linli_store_list (db.store, LINLI_TYPE_VOLUNTEER);
  volunteer = g_list_model_get_item (volunteers, 0);
  g_assert_cmpstr (linli_record_get_text (volunteer, "phone"), ==, "17598252983");
  test_database_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/imports/geojson/code-columns", test_code_columns);
  g_test_add_func ("/imports/geojson/reimport", test_reimport);
  g_test_add_func ("/imports/geojson/far-features", test_far_features);
  g_test_add_func ("/imports/csv/full-width", test_csv_full_width);
  return g_test_run ();
}
