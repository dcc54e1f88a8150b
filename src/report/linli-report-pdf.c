/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "linli-report-pdf.h"
#include "linli-safe-file.h"

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Closing a replace stream cancelled leaves the old file where it was. */
static void
abandon (GOutputStream *out)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_output_stream_close (out, cancellable, NULL);
}

/* What a PDF reader's Properties and an archive's index show. */
static void
set_metadata (cairo_surface_t *surface,
              LinliReportDoc  *doc)
{
  const char *author = linli_report_doc_get_author (doc);
  const char *subject = linli_report_doc_get_subject (doc);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, linli_report_doc_get_title (doc));
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Linli " PACKAGE_VERSION);
}

/* The pages of @layout to @out. With @close, @out is closed whole, or
 * abandoned so that the file it replaces stays as it was; without, that is
 * its owner's to do. Cancelled between pages. */
static gboolean
write_layout_to (LinliReportLayout  *layout,
                 GOutputStream      *out,
                 gboolean            close,
                 LinliCountFunc      count,
                 gpointer            count_data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  Sink sink = { out, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  linli_report_layout_get_paper_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  set_metadata (surface, linli_report_layout_get_doc (layout));

  n_pages = linli_report_layout_get_n_pages (layout);
  for (guint page = 0; page < n_pages && !sink.error; page++)
    {
      cairo_t *cr;

      if (g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      cr = cairo_create (surface);

      linli_report_layout_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_surface_show_page (surface);
      if (count != NULL)
        count (page + 1, n_pages, count_data);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error)
    {
      g_propagate_error (error, sink.error);
      if (close)
        abandon (out);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      if (close)
        abandon (out);
      return FALSE;
    }

  return !close || g_output_stream_close (out, NULL, error);
}

gboolean
linli_report_pdf_write_layout (LinliReportLayout  *layout,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(GFileOutputStream) out = NULL;

  g_return_val_if_fail (LINLI_IS_REPORT_LAYOUT (layout), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  return write_layout_to (layout, G_OUTPUT_STREAM (out), TRUE, NULL, NULL, NULL, error);
}

gboolean
linli_report_pdf_write (LinliReportDoc  *doc,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(LinliReportLayout) layout = NULL;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), FALSE);

  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  return linli_report_pdf_write_layout (layout, file, error);
}

typedef struct
{
  LinliReportLayout *layout;
  LinliCountFunc     count;
  gpointer           count_data;
} Pages;

/* A LinliSafeFileWriteFunc: the safe file closes the stream. */
static gboolean
write_counted_cb (GOutputStream  *out,
                  gpointer        user_data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  Pages *pages = user_data;

  return write_layout_to (pages->layout, out, FALSE, pages->count, pages->count_data, cancellable, error);
}

/**
 * linli_report_pdf_write_full:
 * @count: (nullable) (scope call): told of the pages written
 * @cancellable: (nullable): stops it between two pages, and then the file
 *   is as it was
 *
 * linli_report_pdf_write(), for a thread: a report already built, set on
 * pages and written there while the window goes on drawing it.
 */
gboolean
linli_report_pdf_write_full (LinliReportDoc  *doc,
                             GFile           *file,
                             LinliCountFunc   count,
                             gpointer         count_data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(LinliReportLayout) layout = NULL;
  Pages pages;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  pages = (Pages) { layout, count, count_data };
  return linli_safe_file_write (file, LINLI_SAFE_FILE_NONE, write_counted_cb, &pages, cancellable, error);
}

/* ------------------------------------------------------------------------ */
/* In a thread */

typedef struct
{
  char               *path;     /* of the database */
  LinliReportRequest  request;
  GFile              *file;
  LinliReportLayout  *layout;   /* while it is written */
  LinliClockFunc      clock;    /* of the store in use */
  gpointer            clock_data;
} PdfJob;

static void
pdf_job_free (gpointer data)
{
  PdfJob *job = data;

  g_free (job->path);
  g_object_unref (job->file);
  g_clear_object (&job->layout);
  g_free (job);
}

/* A LinliSafeFileWriteFunc: the safe file closes the stream. */
static gboolean
write_pages_cb (GOutputStream  *out,
                gpointer        user_data,
                GCancellable   *cancellable,
                GError        **error)
{
  PdfJob *job = user_data;

  return write_layout_to (job->layout, out, FALSE, NULL, NULL, cancellable, error);
}

static void
pdf_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PdfJob *job = task_data;
  GError *error = NULL;
  g_autoptr(LinliStore) snapshot = linli_store_open_full (job->path, LINLI_STORE_OPEN_SNAPSHOT, &error);
  g_autoptr(LinliReportDoc) doc = NULL;
  gboolean ok = FALSE;

  /* One moment of the file, whatever the window writes meanwhile. */
  if (snapshot != NULL && linli_store_begin_read (snapshot, &error))
    {
      /* The clock of the store in use: "now" in the report is its own. */
      linli_store_set_clock (snapshot, job->clock, job->clock_data);
      doc = linli_report_build (snapshot, &job->request, &error);
      linli_store_rollback (snapshot);
    }
  if (doc != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      job->layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
      ok = linli_safe_file_write (job->file, LINLI_SAFE_FILE_NONE, write_pages_cb, job, cancellable, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * linli_report_pdf_write_async:
 * @store: the store in use; the report is read from a snapshot of its file
 *   on a connection of the thread's own, by its clock
 * @request: the report
 * @file: where to write it; failed or cancelled, what was there stays
 *
 * Builds the report and writes it to @file in a thread.
 */
void
linli_report_pdf_write_async (LinliStore               *store,
                              const LinliReportRequest *request,
                              GFile                    *file,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (request != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (linli_store_get_path (store) != NULL);

  job = g_new0 (PdfJob, 1);
  job->path = g_strdup (linli_store_get_path (store));
  job->request = *request;
  job->file = g_object_ref (file);
  linli_store_get_clock (store, &job->clock, &job->clock_data);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, linli_report_pdf_write_async);
  /* Cancelled after the file was replaced, it says so: it was written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

gboolean
linli_report_pdf_write_finish (LinliStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
