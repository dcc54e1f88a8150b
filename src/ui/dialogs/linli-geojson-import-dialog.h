/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-geojson.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GEOJSON_IMPORT_DIALOG (linli_geojson_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliGeojsonImportDialog, linli_geojson_import_dialog, LINLI, GEOJSON_IMPORT_DIALOG, AdwWindow)

LinliGeojsonImportDialog *linli_geojson_import_dialog_new (GtkWindow        *parent,
                                                           LinliStore       *store,
                                                           LinliGeojsonFile *file,
                                                           const char       *file_name);

/* "Import GeoJSON…" and "Export GeoJSON…": a file chooser, then the
 * preview or the file written; a toast on @parent when it is a LinliWindow. */
void linli_geojson_import_choose (GtkWindow  *parent,
                                  LinliStore *store);
/* Import GeoJSON once its file is chosen: read in a job, then the preview. */
void linli_geojson_import_open   (GtkWindow  *parent,
                                  LinliStore *store,
                                  GFile      *file);
void linli_geojson_export_choose (GtkWindow  *parent,
                                  LinliStore *store);

G_END_DECLS
