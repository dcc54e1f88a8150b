/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-report-doc.h"
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

G_END_DECLS
