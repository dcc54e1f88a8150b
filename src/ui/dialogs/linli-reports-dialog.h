/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-job.h"
#include "linli-report-kind.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The Reports entry: which report, for which period and scope (or which
 * case), then Preview, Print… or Export PDF…. */

#define LINLI_TYPE_REPORTS_DIALOG (linli_reports_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LinliReportsDialog, linli_reports_dialog, LINLI, REPORTS_DIALOG, AdwWindow)

LinliReportsDialog *linli_reports_dialog_new      (GtkWindow          *parent,
                                                   LinliStore         *store);
void                linli_reports_dialog_set_kind (LinliReportsDialog *self,
                                                   LinliReportKind     kind);
void                linli_reports_dialog_set_cases (LinliReportsDialog *self,
                                                    const gint64       *ids,
                                                    guint               n_ids);
/* The report the dialog asks for, or NULL with the reason shown next to
 * the field that is wrong. */
LinliReportDoc     *linli_reports_dialog_build    (LinliReportsDialog *self);
/* Preview: the report built in a job, then previewed; see the function. */
LinliJob           *linli_reports_dialog_preview  (LinliReportsDialog *self);
/* Print: the same, then the print dialog. */
LinliJob           *linli_reports_dialog_print    (LinliReportsDialog *self);
gboolean            linli_reports_dialog_export_to (LinliReportsDialog *self,
                                                    GFile              *file);
gboolean            linli_reports_dialog_is_exporting (LinliReportsDialog *self);

G_END_DECLS
