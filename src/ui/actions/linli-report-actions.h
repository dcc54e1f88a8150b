/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-job.h"
#include "linli-report-kind.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* What the window's Print (Ctrl+P) and Reports (Ctrl+R) do. */

/* The Reports dialog, set to @kind; its case sheet is of the case chosen
 * in @selected_cases (the Cases page's selection, nullable). */
void linli_report_actions_open_reports (GtkWindow       *window,
                                        LinliStore      *store,
                                        LinliReportKind  kind,
                                        GArray          *selected_cases);
/* A preview of what the page named @page shows: the Cases page's list
 * (@cases, the cases it shows, in order; @description, which they are,
 * nullable) or the grid map; for the other pages the Reports dialog with
 * their report (@selected_cases as for
 * linli_report_actions_open_reports()). */
void linli_report_actions_print_page   (GtkWindow       *window,
                                        LinliStore      *store,
                                        const char      *page,
                                        GListModel      *cases,
                                        const char      *description,
                                        GArray          *selected_cases);

/* The list of the cases @ids (gint64, in order), built in a job of
 * @window's job bar with Cancel, then previewed; cancelled, nothing is
 * opened. Print and the case sheet build theirs in a job too. */
LinliJob *linli_report_actions_preview_case_list (GtkWindow  *window,
                                                  LinliStore *store,
                                                  GArray     *ids,
                                                  const char *description);

/* The report @request asks for, built and previewed as
 * linli_report_actions_preview_case_list() does: the Reports dialog's
 * Preview. */
LinliJob *linli_report_actions_preview_request (GtkWindow                *window,
                                                LinliStore               *store,
                                                const LinliReportRequest *request);
/* The same, built in a job, then the print dialog: the Reports dialog's
 * Print. */
LinliJob *linli_report_actions_print_request   (GtkWindow                *window,
                                                LinliStore               *store,
                                                const LinliReportRequest *request);

/* The case sheet (民情事件处理单) of the case @case_id as stored, in the
 * preview, personal details masked as the Reports dialog has them. */
void linli_report_actions_print_case_sheet (GtkWindow  *window,
                                            LinliStore *store,
                                            gint64      case_id);

G_END_DECLS
