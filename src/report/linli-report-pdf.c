/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "linli-report-pdf.h"

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

gboolean
linli_report_pdf_write_layout (LinliReportLayout  *layout,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (LINLI_IS_REPORT_LAYOUT (layout), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  sink.stream = G_OUTPUT_STREAM (out);

  linli_report_layout_get_paper_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, width, height);
  set_metadata (surface, linli_report_layout_get_doc (layout));

  n_pages = linli_report_layout_get_n_pages (layout);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      linli_report_layout_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_surface_show_page (surface);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error)
    {
      g_propagate_error (error, sink.error);
      abandon (G_OUTPUT_STREAM (out));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      abandon (G_OUTPUT_STREAM (out));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
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
