/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An import's file read in a job (linli-job.h): in a thread, with the
 * window's job bar and Cancel, before its preview shows. */

/* Runs in the job's thread. Returns: (transfer full): what was read */
typedef gpointer (*LinliImportReadFunc)  (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* Runs on the main thread with what was read, which it takes. */
typedef void     (*LinliImportReadyFunc) (gpointer       result,
                                          const char    *file_name,
                                          gpointer       data);

void     linli_import_read     (GtkWidget            *widget,
                                GFile                *file,
                                const char           *error_heading,
                                LinliImportReadFunc   read,
                                GDestroyNotify        result_free,
                                LinliImportReadyFunc  ready,
                                gpointer              data,
                                GDestroyNotify        data_free);
/* The rows of a CSV file an import preview shows. */
#define LINLI_IMPORT_PREVIEW_ROWS 3

gpointer linli_import_read_csv (GFile                *file,
                                GCancellable         *cancellable,
                                GError              **error);
gpointer linli_import_read_csv_whole (GFile           *file,
                                GCancellable         *cancellable,
                                GError              **error);

G_END_DECLS
