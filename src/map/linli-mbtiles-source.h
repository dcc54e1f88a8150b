/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-mbtiles.h"

G_BEGIN_DECLS

#define LINLI_TYPE_MBTILES_SOURCE (linli_mbtiles_source_get_type ())

G_DECLARE_FINAL_TYPE (LinliMbtilesSource, linli_mbtiles_source, LINLI, MBTILES_SOURCE, ShumateMapSource)

LinliMbtilesSource *linli_mbtiles_source_new (LinliMbtiles *tiles);

G_END_DECLS
