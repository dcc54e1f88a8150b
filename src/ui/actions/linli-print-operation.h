/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-job.h"
#include "linli-report-doc.h"

G_BEGIN_DECLS

/* A report through the system print dialog, or exported to PDF, drawn by
 * the same layout as the preview and the command line. The printer, its
 * settings and the paper are remembered between runs in
 * $XDG_CONFIG_HOME/linli/print.ini. */

#define LINLI_TYPE_PRINT_OPERATION (linli_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (LinliPrintOperation, linli_print_operation, LINLI, PRINT_OPERATION, GtkPrintOperation)

/* With the printer, its settings and the paper of the last print. */
LinliPrintOperation *linli_print_operation_new        (LinliReportDoc *doc);
LinliReportDoc      *linli_print_operation_get_doc    (LinliPrintOperation *self);

/* The print dialog, then printing in the background. Errors are shown
 * in a dialog on @parent. */
void                 linli_print_operation_print      (LinliReportDoc *doc,
                                                       GtkWindow      *parent);
/* The report on A4 into @file, with no dialog. */
gboolean             linli_print_operation_export_pdf (LinliReportDoc *doc,
                                                       GtkWindow      *parent,
                                                       GFile          *file,
                                                       GError        **error);

/* The report on A4 into @file in a job of @parent's job bar, with Cancel. */
LinliJob            *linli_print_operation_export_in_job (LinliReportDoc  *doc,
                                                          GtkWindow       *parent,
                                                          AdwToastOverlay *toasts,
                                                          GFile           *file);

/* Asks where to save, then exports in a job: a toast on @toasts says it
 * is done, or a dialog says why not. */
void                 linli_print_operation_choose_export (LinliReportDoc  *doc,
                                                          GtkWindow       *parent,
                                                          AdwToastOverlay *toasts);

G_END_DECLS
