/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-china-coords.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The base map of a community (its base_map, tile_url, mbtiles_path and
 * site_plan_* columns) as layers of one ShumateMap. */

#define LINLI_TYPE_BASE_MAP (linli_base_map_get_type ())

G_DECLARE_FINAL_TYPE (LinliBaseMap, linli_base_map, LINLI, BASE_MAP, GObject)

LinliBaseMap     *linli_base_map_new         (LinliCommunity *community);
gboolean          linli_base_map_matches     (LinliBaseMap   *self,
                                              LinliCommunity *community);

/* Why the chosen base map cannot be shown (an MBTiles file that cannot be
 * read, a missing site plan …), or NULL. The map then shows none. */
const char       *linli_base_map_get_problem (LinliBaseMap   *self);
/* The source the viewport projects with; tiles are drawn only when the
 * base map has them. */
ShumateMapSource *linli_base_map_get_source  (LinliBaseMap   *self);
/* Whether tiles are drawn, and so attributed. */
gboolean          linli_base_map_has_tiles   (LinliBaseMap   *self);
GPtrArray        *linli_base_map_get_sources (LinliBaseMap   *self);
LinliCoordSystem  linli_base_map_get_coords  (LinliBaseMap   *self);

/* Adds the layers to @map behind @above, and the attribution to @license. */
void              linli_base_map_attach      (LinliBaseMap   *self,
                                              ShumateMap     *map,
                                              ShumateLayer   *above,
                                              ShumateLicense *license);
void              linli_base_map_detach      (LinliBaseMap   *self);

/* Checks a custom tile URL template: http(s), with {x}, {y} and {z}. */
gboolean          linli_base_map_check_url   (const char     *url,
                                              GError        **error);

G_END_DECLS
