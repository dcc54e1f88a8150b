/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-job.h"
#include "linli-print-operation.h"
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

/* ------------------------------------------------------------------------ */
/* A report built in a job, then previewed or printed */

typedef enum
{
  BUILD_CASE_LIST,
  BUILD_GRID_MAP,
  BUILD_CASE_SHEET,
  BUILD_REQUEST,
} BuildKind;

typedef struct
{
  GtkWindow      *window;
  char           *path;         /* of the database */
  BuildKind       kind;
  GArray         *case_ids;     /* BUILD_CASE_LIST */
  char           *description;  /* BUILD_CASE_LIST, nullable */
  gint64          case_id;      /* BUILD_CASE_SHEET */
  LinliReportRequest request;   /* BUILD_REQUEST */
  LinliClockFunc  clock;        /* of the store in use */
  gpointer        clock_data;
  gboolean        print;        /* the print dialog rather than the preview */
  LinliReportDoc *doc;          /* built, in the job's thread */
} Build;

static void
build_free (Build *build)
{
  g_object_unref (build->window);
  g_free (build->path);
  g_clear_pointer (&build->case_ids, g_array_unref);
  g_free (build->description);
  g_clear_object (&build->doc);
  g_free (build);
}

/* In the job's thread, from a connection of its own and one moment of the
 * file, as the PDF writer reads it. */
static gboolean
build_job (LinliJob      *job,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Build *build = data;
  g_autoptr(LinliStore) snapshot = linli_store_open_full (build->path, LINLI_STORE_OPEN_SNAPSHOT, error);
  LinliReportDoc *doc = NULL;

  if (snapshot == NULL || !linli_store_begin_read (snapshot, error))
    return FALSE;
  /* "Now" in the report is the store's own. */
  linli_store_set_clock (snapshot, build->clock, build->clock_data);
  switch (build->kind)
    {
    case BUILD_CASE_LIST:
      doc = linli_report_build_case_list (snapshot, (const gint64 *) (gpointer) build->case_ids->data,
                                          build->case_ids->len, build->description, error);
      break;
    case BUILD_GRID_MAP:
      doc = linli_report_build_grid_map (snapshot, NULL, 0, error);
      break;
    case BUILD_CASE_SHEET:
      doc = linli_report_build_case_sheet (snapshot, build->case_id, FALSE, error);
      break;
    case BUILD_REQUEST:
      doc = linli_report_build (snapshot, &build->request, error);
      break;
    default:
      g_assert_not_reached ();
    }
  linli_store_rollback (snapshot);
  /* Cancelled while it was built: nothing to show. */
  if (doc != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_object (&doc);
  build->doc = doc;
  return doc != NULL;
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Build *build = user_data;
  g_autoptr(GError) error = NULL;

  /* Cancelled after it was built, but before it was shown: nothing
   * opens either. */
  if (linli_job_finish (LINLI_JOB (source), result, &error) &&
      !g_cancellable_set_error_if_cancelled (linli_job_get_cancellable (LINLI_JOB (source)), &error))
    {
      if (build->print)
        linli_print_operation_print (build->doc, build->window);
      else
        gtk_window_present (GTK_WINDOW (linli_report_preview_new (build->window, build->doc)));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           gtk_widget_get_root (GTK_WIDGET (build->window)) != NULL)
    linli_alert_show_message (GTK_WIDGET (build->window), _("Cannot Make the Report"), error->message);
  build_free (build);
}

static LinliJob *
preview_in_job (GtkWindow  *window,
                LinliStore *store,
                Build      *build)
{
  LinliJob *job = linli_job_new (_("Making the report…"));

  build->window = g_object_ref (window);
  build->path = g_strdup (linli_store_get_path (store));
  linli_store_get_clock (store, &build->clock, &build->clock_data);
  /* The Build outlives the job's data: the callback shows what it built. */
  linli_job_run (job, GTK_WIDGET (window), build_job, build, NULL, build_done_cb, build);
  return job;
}

/**
 * linli_report_actions_preview_case_list:
 * @ids: (element-type gint64): the cases, in order; copied
 *
 * Builds the list of cases in a job of @window's job bar, with Cancel,
 * and previews it; cancelled, it builds and opens nothing.
 *
 * Returns: (transfer full): the job, running
 */
LinliJob *
linli_report_actions_preview_case_list (GtkWindow  *window,
                                        LinliStore *store,
                                        GArray     *ids,
                                        const char *description)
{
  Build *build;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  build = g_new0 (Build, 1);
  build->kind = BUILD_CASE_LIST;
  build->case_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (build->case_ids, ids->data, ids->len);
  build->description = g_strdup (description);
  return preview_in_job (window, store, build);
}

static LinliJob *
request_in_job (GtkWindow                *window,
                LinliStore               *store,
                const LinliReportRequest *request,
                gboolean                  print)
{
  Build *build = g_new0 (Build, 1);

  build->kind = BUILD_REQUEST;
  build->request = *request;
  build->print = print;
  return preview_in_job (window, store, build);
}

/**
 * linli_report_actions_preview_request:
 * @request: the report, as the Reports dialog asks for it; copied
 *
 * Builds the report in a job of @window's job bar, with Cancel, and
 * previews it; cancelled, it opens nothing.
 *
 * Returns: (transfer full): the job, running
 */
LinliJob *
linli_report_actions_preview_request (GtkWindow                *window,
                                      LinliStore               *store,
                                      const LinliReportRequest *request)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  return request_in_job (window, store, request, FALSE);
}

/**
 * linli_report_actions_print_request:
 * @request: the report, as the Reports dialog asks for it; copied
 *
 * Builds the report in a job of @window's job bar, with Cancel, then
 * opens the print dialog on @window; cancelled, it prints nothing.
 *
 * Returns: (transfer full): the job, running
 */
LinliJob *
linli_report_actions_print_request (GtkWindow                *window,
                                    LinliStore               *store,
                                    const LinliReportRequest *request)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  return request_in_job (window, store, request, TRUE);
}

void
linli_report_actions_print_page (GtkWindow  *window,
                                 LinliStore *store,
                                 const char *page,
                                 GListModel *cases,
                                 const char *description,
                                 GArray     *selected_cases)
{
  g_return_if_fail (LINLI_IS_STORE (store));

  if (g_strcmp0 (page, "cases") == 0 && cases != NULL && LINLI_IS_RECORD_LIST (cases))
    g_object_unref (linli_report_actions_preview_case_list (window, store,
                                                            linli_record_list_get_ids (LINLI_RECORD_LIST (cases)),
                                                            description));
  else if (g_strcmp0 (page, "map") == 0)
    {
      Build *build = g_new0 (Build, 1);

      build->kind = BUILD_GRID_MAP;
      g_object_unref (preview_in_job (window, store, build));
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
  Build *build;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (LINLI_IS_STORE (store));

  build = g_new0 (Build, 1);
  build->kind = BUILD_CASE_SHEET;
  build->case_id = case_id;
  g_object_unref (preview_in_job (window, store, build));
}
