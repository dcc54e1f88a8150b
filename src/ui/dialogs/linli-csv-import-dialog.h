/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-csv.h"
#include "linli-file-pick.h"
#include "linli-job.h"
#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_CSV_IMPORT_DIALOG (linli_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliCsvImportDialog, linli_csv_import_dialog, LINLI, CSV_IMPORT_DIALOG, AdwWindow)

LinliCsvImportDialog *linli_csv_import_dialog_new (GtkWindow     *parent,
                                                   LinliStore    *store,
                                                   LinliCsvTable *table,
                                                   const char    *file_name);

LinliJob             *linli_csv_import_dialog_get_job (LinliCsvImportDialog *self);

LinliFilePick        *linli_csv_pick_new          (const char    *title);

G_END_DECLS
