/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "linli-case-csv.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* The lists as Excel workbooks (.xlsx), which Excel and WPS open with
 * every cell typed: phone, ID and case numbers as text (never 1.38E+10),
 * counts and hours as numbers, times as dates. One sheet, the columns and
 * rows of the CSV export of the same list, the header row frozen and the
 * columns as wide as what they hold. The arguments are those of the CSV
 * exports (linli-case-csv.h, linli-event-csv.h); @out is not closed. */

gboolean linli_xlsx_export_cases      (LinliStore     *store,
                                       GListModel     *cases,
                                       gboolean        mask_personal,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean linli_xlsx_export_case_ids   (LinliStore     *store,
                                       GArray         *ids,
                                       gboolean        mask_personal,
                                       GOutputStream  *out,
                                       LinliCountFunc  count,
                                       gpointer        count_data,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean linli_xlsx_export_activities (LinliStore     *store,
                                       GListModel     *activities,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean linli_xlsx_export_outreach   (LinliStore     *store,
                                       GListModel     *outreach,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean linli_xlsx_export_volunteers (LinliStore     *store,
                                       GListModel     *volunteers,
                                       GDateTime      *from,
                                       GDateTime      *until,
                                       gboolean        mask_phone,
                                       GOutputStream  *out,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
