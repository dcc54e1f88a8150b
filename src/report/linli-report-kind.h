/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-report.h"

G_BEGIN_DECLS

/* Which report to build, as the Reports dialog and the command line ask
 * for it: the kind, the period, the scope, and for a case sheet the case. */

typedef enum {
  LINLI_REPORT_KIND_SUMMARY,
  LINLI_REPORT_KIND_LEDGER,
  LINLI_REPORT_KIND_CASE_SHEET,
  LINLI_REPORT_KIND_CASE_LIST,
  LINLI_REPORT_KIND_GRID_MAP,
  LINLI_REPORT_KIND_VOLUNTEER_HOURS,
  LINLI_N_REPORT_KINDS
} LinliReportKind;

typedef struct
{
  LinliReportKind   kind;
  LinliReportPeriod period;
  gint64            grid_id;        /* 0 for the whole community */
  gint64            case_id;        /* the case sheet's case */
  gboolean          show_personal;  /* the case sheet's names and phones */
} LinliReportRequest;

/* "summary", "ledger", "case-sheet", "case-list", "grid-map",
 * "volunteer-hours": the command line's names. */
const char     *linli_report_kind_get_name   (LinliReportKind           kind);
gboolean        linli_report_kind_from_name  (const char               *name,
                                              LinliReportKind          *kind);
/* The kind in words, translated. */
const char     *linli_report_kind_get_label  (LinliReportKind           kind);

LinliReportDoc *linli_report_build           (LinliStore               *store,
                                              const LinliReportRequest *request,
                                              GError                  **error);

/* The grid with @code, or 0 with @error set. */
gint64          linli_report_find_grid       (LinliStore               *store,
                                              const char               *code,
                                              GError                  **error);
/* The case numbered @number, or 0 with @error set. */
gint64          linli_report_find_case       (LinliStore               *store,
                                              const char               *number,
                                              GError                  **error);

G_END_DECLS
