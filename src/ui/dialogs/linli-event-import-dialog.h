/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-event-csv.h"
#include "linli-job.h"

G_BEGIN_DECLS

#define LINLI_TYPE_EVENT_IMPORT_DIALOG (linli_event_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliEventImportDialog, linli_event_import_dialog, LINLI, EVENT_IMPORT_DIALOG, AdwWindow)

LinliEventImportDialog *linli_event_import_dialog_new (GtkWindow         *parent,
                                                       LinliStore        *store,
                                                       LinliEventCsvKind  kind,
                                                       LinliCsvTable     *table,
                                                       const char        *file_name);
LinliJob               *linli_event_import_dialog_get_job (LinliEventImportDialog *self);

void                    linli_event_import_open_file  (GtkWidget         *page,
                                                       LinliStore        *store,
                                                       LinliEventCsvKind  kind);

G_END_DECLS
