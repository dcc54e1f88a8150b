/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-file-pick.h"

G_BEGIN_DECLS

/* Writes what a page shows into a file the user chooses, then says how many
 * rows went into it in a toast, or what went wrong in a dialog. */

/* @xlsx: write an Excel workbook (linli-xlsx.h) rather than CSV: the user
 * named the file *.xlsx. */
typedef gboolean (*LinliExportFunc) (gpointer        data,
                                     gboolean        xlsx,
                                     GOutputStream  *out,
                                     GError        **error);

void linli_event_export_to_file (GtkWidget       *page,
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
