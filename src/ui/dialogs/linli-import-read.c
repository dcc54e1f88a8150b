/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-import-read"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-csv.h"
#include "linli-import-read.h"
#include "linli-job.h"

typedef struct
{
  GtkWidget            *widget;
  GFile                *file;
  char                 *error_heading;
  LinliImportReadFunc   read;
  gpointer              result;
  GDestroyNotify        result_free;
  LinliImportReadyFunc  ready;
  gpointer              data;
  GDestroyNotify        data_free;
} Reading;

static void
reading_free (Reading *reading)
{
  g_object_unref (reading->widget);
  g_object_unref (reading->file);
  g_free (reading->error_heading);
  if (reading->result != NULL)
    reading->result_free (reading->result);
  if (reading->data_free != NULL)
    reading->data_free (reading->data);
  g_free (reading);
}

static gboolean
read_job (LinliJob      *job,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Reading *reading = data;

  reading->result = reading->read (reading->file, cancellable, error);
  return reading->result != NULL;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reading *reading = user_data;
  g_autoptr(GError) error = NULL;

  if (linli_job_finish (LINLI_JOB (source), result, &error))
    {
      g_autofree char *name = g_file_get_basename (reading->file);

      reading->ready (g_steal_pointer (&reading->result), name, reading->data);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           gtk_widget_get_root (reading->widget) != NULL)
    linli_alert_show_message (reading->widget, reading->error_heading, error->message);
  reading_free (reading);
}

/**
 * linli_import_read:
 * @widget: where it was asked for: its window's job bar shows the reading
 * @error_heading: of the dialog that says why the file cannot be read
 * @read: reads @file, in the job's thread
 * @ready: shows what was read, which it takes; not called when the
 *   reading failed or was cancelled
 *
 * Reads @file in a job, then hands what it read to @ready.
 */
void
linli_import_read (GtkWidget            *widget,
                   GFile                *file,
                   const char           *error_heading,
                   LinliImportReadFunc   read,
                   GDestroyNotify        result_free,
                   LinliImportReadyFunc  ready,
                   gpointer              data,
                   GDestroyNotify        data_free)
{
  g_autoptr(LinliJob) job = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  Reading *reading;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  reading = g_new0 (Reading, 1);
  reading->widget = g_object_ref (widget);
  reading->file = g_object_ref (file);
  reading->error_heading = g_strdup (error_heading);
  reading->read = read;
  reading->result_free = result_free;
  reading->ready = ready;
  reading->data = data;
  reading->data_free = data_free;
  name = g_file_get_basename (file);
  /* TRANSLATORS: what the job bar says while a file is read; %s is its name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  job = linli_job_new (title);
  /* The callback frees @reading: it is called once, after the thread. */
  linli_job_run (job, widget, read_job, reading, NULL, read_done_cb, reading);
}

/* A #LinliImportReadFunc: a CSV file read a piece at a time, of which
 * only its header and first rows are kept, for the preview; the import
 * reads it again (linli_csv_read_preview()). */
gpointer
linli_import_read_csv (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return linli_csv_read_preview (file, LINLI_IMPORT_PREVIEW_ROWS, cancellable, error);
}

/* A #LinliImportReadFunc: a short CSV file read whole, a piece at a
 * time, for an import that needs every row at once (the staff). */
gpointer
linli_import_read_csv_whole (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return linli_csv_read_file (file, cancellable, error);
}
