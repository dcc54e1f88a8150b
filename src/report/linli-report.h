/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-report-doc.h"
#include "linli-report-period.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The report kinds, each built from the store into a LinliReportDoc that
 * the layout puts onto pages. @grid_id 0 means the whole community; a
 * grid that does not exist is an error. Residents' names and phone numbers
 * are masked (王*, 138****1234) unless a builder says otherwise. Every
 * builder returns %NULL with @error set when the database fails. */

/* The work summary (工作情况汇总) of @period: cases received, resolved,
 * open and overdue; by grid (with a bar chart), category, source and
 * status; resolution levels (小事不出网格，大事不出社区), on-time rate, days
 * to resolve, satisfaction and the 50 cases longest overdue (the case list
 * prints all of them); volunteer activities with
 * the volunteers with most hours; anti-fraud outreach by event and target
 * group; signature lines. */
LinliReportDoc *linli_report_build_summary         (LinliStore              *store,
                                                    const LinliReportPeriod *period,
                                                    gint64                   grid_id,
                                                    GError                 **error);

/* The grid ledger (网格工作台账): per grid its workers, buildings,
 * households and the cases reported in @period with their status. */
LinliReportDoc *linli_report_build_ledger          (LinliStore              *store,
                                                    const LinliReportPeriod *period,
                                                    gint64                   grid_id,
                                                    GError                 **error);

/* The case sheet (民情事件处理单) of one case: every field, its whole
 * timeline and signature lines. The reporter's name and phone are masked
 * unless @show_personal. */
LinliReportDoc *linli_report_build_case_sheet      (LinliStore              *store,
                                                    gint64                   case_id,
                                                    gboolean                 show_personal,
                                                    GError                 **error);

/* The case list: the cases of @ids in that order, as the Cases page shows
 * them, as one table. @description (nullable) says which cases they are,
 * e.g. the page's filter in words. */
LinliReportDoc *linli_report_build_case_list       (LinliStore              *store,
                                                    const gint64            *ids,
                                                    guint                    n_ids,
                                                    const char              *description,
                                                    GError                 **error);

/* The grid map (网格分布图): every grid drawn to scale with its label and a
 * legend, and a table of the grids. With a @period (nullable), each label
 * carries the cases received in it. */
LinliReportDoc *linli_report_build_grid_map        (LinliStore              *store,
                                                    const LinliReportPeriod *period,
                                                    gint64                   grid_id,
                                                    GError                 **error);

/* Volunteer hours (志愿服务时长): per volunteer, the activities of @period
 * and their hours, with totals. */
LinliReportDoc *linli_report_build_volunteer_hours (LinliStore              *store,
                                                    const LinliReportPeriod *period,
                                                    gint64                   grid_id,
                                                    GError                 **error);

G_END_DECLS
