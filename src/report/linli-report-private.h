/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-report.h"
#include "linli-store-stats.h"

G_BEGIN_DECLS

/* What the builders share: the scope of a report in words and numbers
 * written the way a Chinese office writes them. */

typedef struct
{
  LinliStatsScope  scope;
  char            *community;     /* the community's name, never NULL */
  char            *scope_label;   /* the community, or "第一网格（DF-01）" */
  char            *period_label;  /* "2026年3月"; NULL for no period */
} LinliReportContext;

gboolean  linli_report_context_init     (LinliReportContext      *context,
                                         LinliStore              *store,
                                         const LinliReportPeriod *period,
                                         gint64                   grid_id,
                                         GError                 **error);
void      linli_report_context_clear    (LinliReportContext      *context);
char     *linli_report_context_subtitle (LinliReportContext      *context);
void      linli_report_context_set_metadata (LinliReportContext  *context,
                                             LinliReportDoc      *doc);
char     *linli_report_community_name   (LinliStore              *store);
char     *linli_report_grid_label       (const char              *name,
                                         const char              *code);

/* "66.7%"; "—" for NAN. */
char     *linli_report_format_percent   (double                   fraction);
/* part of whole as a percentage; "—" when whole is 0. */
char     *linli_report_format_share     (double                   part,
                                         double                   whole);
/* One decimal: "4.1"; "—" for NAN. */
char     *linli_report_format_decimal   (double                   value);
char     *linli_report_format_count     (guint64                  count);
/* "2026-03-05" in the local zone; "" for NULL. */
char     *linli_report_format_date      (GDateTime               *time);
/* "2026-03-05 09:30"; "" for NULL. */
char     *linli_report_format_time      (GDateTime               *time);
/* "" for NULL: a table cell. */
char     *linli_report_cell             (const char              *text);

/* Adds a row of the table's number of columns: each argument a char * the
 * table takes (NULL prints empty). */
void      linli_report_add_row          (LinliReportTable        *table,
                                         gboolean                 total,
                                         ...);
void      linli_report_add_signatures   (LinliReportDoc          *doc);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinliReportContext, linli_report_context_clear)

G_END_DECLS
