/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-report-doc.h"

G_BEGIN_DECLS

/* A report's pages as they will be printed, drawn by the same layout, a
 * page at a time, with Print… and Export PDF… in the header bar. */

#define LINLI_TYPE_REPORT_PREVIEW (linli_report_preview_get_type ())
G_DECLARE_FINAL_TYPE (LinliReportPreview, linli_report_preview, LINLI, REPORT_PREVIEW, AdwWindow)

LinliReportPreview *linli_report_preview_new        (GtkWindow          *parent,
                                                     LinliReportDoc     *doc);
guint               linli_report_preview_get_page   (LinliReportPreview *self);
guint               linli_report_preview_get_n_pages (LinliReportPreview *self);
void                linli_report_preview_set_page   (LinliReportPreview *self,
                                                     guint               page);

G_END_DECLS
