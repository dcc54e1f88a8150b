/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any text as a stored outline: parsed, written back, and asked about. */
#include "config.h"

#include "fuzz.h"
#include "linli-geometry.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(LinliGeometry) geometry = linli_geometry_parse (text, NULL);
  g_autofree char *written = NULL;
  LinliBounds bounds;

  if (geometry == NULL)
    return 0;
  written = linli_geometry_to_geojson (geometry);
  bounds = linli_geometry_get_bounds (geometry);
  (void) linli_geometry_contains (geometry, (bounds.min_lat + bounds.max_lat) / 2,
                                  (bounds.min_lon + bounds.max_lon) / 2);
  return 0;
}
