/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-case-csv.h"
#include "linli-report-doc.h"
#include "linli-report-kind.h"
#include "linli-report-layout.h"

G_BEGIN_DECLS

/* A report to a PDF file on A4 paper, with no display. The file is
 * replaced whole or left as it was. */

gboolean linli_report_pdf_write        (LinliReportDoc     *doc,
                                        GFile              *file,
                                        GError            **error);
gboolean linli_report_pdf_write_layout (LinliReportLayout  *layout,
                                        GFile              *file,
                                        GError            **error);
/* With the pages written told and Cancel, for a thread. */
gboolean linli_report_pdf_write_full   (LinliReportDoc     *doc,
                                        GFile              *file,
                                        LinliCountFunc      count,
                                        gpointer            count_data,
                                        GCancellable       *cancellable,
                                        GError            **error);

/* The report @request asks for, built and written in a thread of its own
 * from a read-only connection of its own, so that the window keeps
 * drawing; cancelled, it leaves what was there. */
void     linli_report_pdf_write_async  (LinliStore               *store,
                                        const LinliReportRequest *request,
                                        GFile                    *file,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data);
gboolean linli_report_pdf_write_finish (LinliStore               *store,
                                        GAsyncResult             *result,
                                        GError                  **error);

G_END_DECLS
