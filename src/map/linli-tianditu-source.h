/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* 天地图 (Tianditu), the national base map, as Web Mercator (`_w`) tiles:
 * the vector map and the annotation drawn over it, each one source. */

typedef enum {
  LINLI_TIANDITU_VECTOR,      /* vec_w: roads, water, buildings */
  LINLI_TIANDITU_ANNOTATION,  /* cva_w: the names over it */
} LinliTiandituLayer;

/* Requests are spread over the servers t0 … t7. */
#define LINLI_TIANDITU_N_SERVERS 8

#define LINLI_TYPE_TIANDITU_SOURCE (linli_tianditu_source_get_type ())

G_DECLARE_FINAL_TYPE (LinliTiandituSource, linli_tianditu_source, LINLI, TIANDITU_SOURCE, ShumateMapSource)

LinliTiandituSource *linli_tianditu_source_new     (LinliTiandituLayer   layer,
                                                    const char          *key);
LinliTiandituLayer   linli_tianditu_source_get_layer (LinliTiandituSource *self);

/* Whether @key can be a Tianditu key: 32 hexadecimal characters. */
gboolean             linli_tianditu_check_key      (const char          *key,
                                                    GError             **error);
/* The server (0 … 7) a tile is asked from; always the same for a tile, so
 * that it is cached once. */
guint                linli_tianditu_server         (int                  x,
                                                    int                  y);
/* The address a tile of @layer is fetched from with @key. */
char                *linli_tianditu_tile_url       (LinliTiandituLayer   layer,
                                                    const char          *key,
                                                    int                  x,
                                                    int                  y,
                                                    int                  zoom);
/* The user's key (the tianditu-key setting), or NULL without one or
 * without the settings schema. */
char                *linli_tianditu_dup_key        (void);

G_END_DECLS
