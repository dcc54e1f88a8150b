/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-case-csv.h"
#include "linli-china-coords.h"
#include "linli-geometry.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_GEOJSON_ERROR (linli_geojson_error_quark ())

typedef enum {
  LINLI_GEOJSON_ERROR_NOT_GEOJSON,  /* empty, binary, XML, TopoJSON, not JSON */
  LINLI_GEOJSON_ERROR_INVALID,      /* GeoJSON with a bad feature: the message names it */
  LINLI_GEOJSON_ERROR_EMPTY,        /* no feature Linli can import */
  LINLI_GEOJSON_ERROR_MAPPING,      /* a name or code missing or used twice */
} LinliGeojsonError;

typedef enum {
  LINLI_GEOJSON_FEATURE_AREA,       /* Polygon or MultiPolygon: a grid */
  LINLI_GEOJSON_FEATURE_POINT,      /* Point: a building */
} LinliGeojsonFeatureKind;

/* A GeoJSON file read and checked, its coordinates as the file has them. */
typedef struct _LinliGeojsonFile LinliGeojsonFile;

GQuark            linli_geojson_error_quark       (void);

LinliGeojsonFile *linli_geojson_file_parse        (const char        *data,
                                                   gsize              length,
                                                   GError           **error);
LinliGeojsonFile *linli_geojson_file_ref          (LinliGeojsonFile  *self);
void              linli_geojson_file_free         (LinliGeojsonFile  *self);

guint             linli_geojson_file_get_n_features (LinliGeojsonFile *self);
guint             linli_geojson_file_count        (LinliGeojsonFile  *self,
                                                   LinliGeojsonFeatureKind kind);
LinliGeojsonFeatureKind
                  linli_geojson_file_get_kind     (LinliGeojsonFile  *self,
                                                   guint              feature);
/* Polygon features only. */
const LinliGeometry *linli_geojson_file_get_geometry (LinliGeojsonFile *self,
                                                   guint              feature);
/* Point features only. */
LinliPoint        linli_geojson_file_get_point    (LinliGeojsonFile  *self,
                                                   guint              feature);

/* The property keys of all features, in the order they first appear. */
const char * const *linli_geojson_file_get_keys   (LinliGeojsonFile  *self);
/* A string, number or boolean property as text; NULL when missing, null,
 * empty or an object or array. */
char             *linli_geojson_file_dup_property (LinliGeojsonFile  *self,
                                                   guint              feature,
                                                   const char        *key);
/* The key that most likely holds the name ("name", "名称" …) or the code
 * ("code", "adcode", "编码" …) of a feature, or NULL. */
const char       *linli_geojson_file_guess_name_key (LinliGeojsonFile *self);
const char       *linli_geojson_file_guess_code_key (LinliGeojsonFile *self);

typedef struct
{
  const char       *name_key;    /* required */
  const char       *code_key;    /* NULL: grids take their name as code */
  LinliGridKind     grid_kind;
  LinliCoordSystem  coords;      /* the system the file's coordinates are in */
  gboolean          update;      /* a grid with the code (or name) of a stored one, or a
                                  * building with a stored one's name, updates it */
} LinliGeojsonImport;

/* The features that match a stored grid (by code, else by name) or a
 * stored building (by name): what a second import of a file would
 * duplicate, and options->update changes instead. */
void              linli_geojson_file_count_matches (LinliGeojsonFile         *self,
                                                    LinliStore               *store,
                                                    const LinliGeojsonImport *options,
                                                    guint                    *n_grids,
                                                    guint                    *n_buildings);

/* How many features lie farther than @limit_m metres from (@lat, @lon),
 * and how far the farthest one is, in metres. */
guint             linli_geojson_file_count_far    (LinliGeojsonFile         *self,
                                                   LinliCoordSystem          coords,
                                                   double                    lat,
                                                   double                    lon,
                                                   double                    limit_m,
                                                   double                   *farthest_m);

/* Checks what linli_geojson_file_import() would write, without writing. */
gboolean          linli_geojson_file_check        (LinliGeojsonFile         *self,
                                                   LinliStore               *store,
                                                   const LinliGeojsonImport *options,
                                                   GError                  **error);
/* Writes every grid and building in one transaction: all or nothing.
 * Buildings go in the management grid that contains them. */
gboolean          linli_geojson_file_import       (LinliGeojsonFile         *self,
                                                   LinliStore               *store,
                                                   const LinliGeojsonImport *options,
                                                   guint                    *n_grids,
                                                   guint                    *n_buildings,
                                                   GError                  **error);
/* linli_geojson_file_import() with progress and Cancel, for a job's thread. */
gboolean          linli_geojson_file_import_full  (LinliGeojsonFile         *self,
                                                   LinliStore               *store,
                                                   const LinliGeojsonImport *options,
                                                   LinliCountFunc            count,
                                                   gpointer                  count_data,
                                                   GCancellable             *cancellable,
                                                   guint                    *n_grids,
                                                   guint                    *n_buildings,
                                                   GError                  **error);

/* Every grid with an outline and every building with a location, as a
 * WGS-84 FeatureCollection. */
gboolean          linli_geojson_export            (LinliStore        *store,
                                                   GOutputStream     *out,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliGeojsonFile, linli_geojson_file_free)

G_END_DECLS
