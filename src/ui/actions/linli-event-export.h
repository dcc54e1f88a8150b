/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-file-pick.h"
#include "linli-job.h"
#include "linli-safe-file.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* Exports write in a job (linli-job.h): in a thread of their own, from a
 * read-only connection of their own that sees one moment of the database,
 * into a file written safely (linli-safe-file.h), so that a cancelled or
 * failed export leaves what was there. */

/* Runs in the job's thread: writes @data from @store, the job's own
 * connection, into @out. */
typedef gboolean (*LinliExportWriteFunc) (LinliStore     *store,
                                          gpointer        data,
                                          GOutputStream  *out,
                                          LinliJob       *job,
                                          GCancellable   *cancellable,
                                          GError        **error);

LinliJob *linli_export_run (GtkWidget            *widget,
                            LinliStore           *store,
                            GFile                *file,
                            LinliSafeFileFlags    flags,
                            const char           *job_title,
                            const char           *done_message,
                            const char           *error_heading,
                            LinliExportWriteFunc  write,
                            gpointer              data,
                            GDestroyNotify        data_free);

/* Writes what a page shows into a file the user chooses, then says how many
 * rows went into it in a toast, or what went wrong in a dialog.
 *
 * @xlsx: write an Excel workbook (linli-xlsx.h) rather than CSV: the user
 * named the file *.xlsx. Runs in the export's thread, with its store. */
typedef gboolean (*LinliExportFunc) (LinliStore     *store,
                                     gpointer        data,
                                     gboolean        xlsx,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error);

void linli_event_export_to_file (GtkWidget       *page,
                                 LinliStore      *store,
                                 const char      *title,
                                 const char      *file_name,
                                 const char      *done_message,
                                 LinliExportFunc  export_func,
                                 gpointer         data,
                                 GDestroyNotify   data_free);

/* @file_name ("activities-2026-03-05.csv") with the workbook's extension
 * when @xlsx. */
char *linli_export_file_name        (const char      *file_name,
                                     gboolean         xlsx);
/* The chooser's filters: CSV and Excel workbooks, the one of @file_name's
 * extension first. */
void  linli_export_add_filters      (LinliFilePick   *pick,
                                     const char      *file_name);
gboolean linli_export_file_is_xlsx  (GFile           *file);

G_END_DECLS
