/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes as a GeoJSON file: parsed, and every feature and property read. */
#include "config.h"

#include "fuzz.h"
#include "linli-geojson.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LinliGeojsonFile) file = linli_geojson_file_parse ((const char *) data, size, NULL);
  const char * const *keys;

  if (file == NULL)
    return 0;
  (void) linli_geojson_file_guess_name_key (file);
  (void) linli_geojson_file_guess_code_key (file);
  keys = linli_geojson_file_get_keys (file);
  for (guint f = 0; f < linli_geojson_file_get_n_features (file); f++)
    {
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        g_free (linli_geojson_file_dup_property (file, f, keys[k]));
      if (linli_geojson_file_get_kind (file, f) == LINLI_GEOJSON_FEATURE_AREA &&
               linli_geojson_file_get_geometry (file, f) != NULL)
        (void) linli_geometry_get_bounds (linli_geojson_file_get_geometry (file, f));
      else if (linli_geojson_file_get_kind (file, f) == LINLI_GEOJSON_FEATURE_POINT)
        (void) linli_geojson_file_get_point (file, f);
    }
  return 0;
}
