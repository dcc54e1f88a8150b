/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-record-list.h"
#include "linli-report-actions.h"
#include "linli-report-preview.h"
#include "linli-reports-dialog.h"

void
linli_report_actions_open_reports (GtkWindow       *window,
                                   LinliStore      *store,
                                   LinliReportKind  kind,
                                   GArray          *selected_cases)
{
  LinliReportsDialog *dialog;

  g_return_if_fail (LINLI_IS_STORE (store));

  dialog = linli_reports_dialog_new (window, store);
  linli_reports_dialog_set_kind (dialog, kind);
  if (selected_cases != NULL)
    linli_reports_dialog_set_cases (dialog, (const gint64 *) selected_cases->data, selected_cases->len);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preview (GtkWindow      *window,
         LinliReportDoc *doc,
         GError         *error)
{
  if (doc == NULL)
    {
      linli_alert_show_message (GTK_WIDGET (window), _("Cannot Make the Report"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (linli_report_preview_new (window, doc)));
}

void
linli_report_actions_print_page (GtkWindow  *window,
                                 LinliStore *store,
                                 const char *page,
                                 GListModel *cases,
                                 const char *description,
                                 GArray     *selected_cases)
{
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));

  if (g_strcmp0 (page, "cases") == 0 && cases != NULL && LINLI_IS_RECORD_LIST (cases))
    {
      GArray *ids = linli_record_list_get_ids (LINLI_RECORD_LIST (cases));

      doc = linli_report_build_case_list (store, (const gint64 *) ids->data, ids->len,
                                          description, &error);
      preview (window, doc, error);
    }
  else if (g_strcmp0 (page, "map") == 0)
    {
      doc = linli_report_build_grid_map (store, NULL, 0, &error);
      preview (window, doc, error);
    }
  else if (g_strcmp0 (page, "grids") == 0)
    linli_report_actions_open_reports (window, store, LINLI_REPORT_KIND_LEDGER, selected_cases);
  else if (g_strcmp0 (page, "activities") == 0)
    linli_report_actions_open_reports (window, store, LINLI_REPORT_KIND_VOLUNTEER_HOURS, selected_cases);
  else
    linli_report_actions_open_reports (window, store, LINLI_REPORT_KIND_SUMMARY, selected_cases);
}

void
linli_report_actions_print_case_sheet (GtkWindow  *window,
                                       LinliStore *store,
                                       gint64      case_id)
{
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LINLI_IS_STORE (store));

  doc = linli_report_build_case_sheet (store, case_id, FALSE, &error);
  preview (window, doc, error);
}
