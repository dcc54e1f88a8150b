/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "linli-alert.h"
#include "linli-event-export.h"
#include "linli-safe-file.h"
#include "linli-toast.h"

/* ------------------------------------------------------------------------ */
/* One export in a job */

typedef struct
{
  GtkWidget            *widget;
  char                 *path;           /* of the database */
  GFile                *file;
  LinliSafeFileFlags    flags;
  char                 *done_message;
  char                 *error_heading;
  LinliExportWriteFunc  write;
  gpointer              data;
  GDestroyNotify        data_free;
} Run;

static void
run_free (Run *run)
{
  g_object_unref (run->widget);
  g_free (run->path);
  g_object_unref (run->file);
  g_free (run->done_message);
  g_free (run->error_heading);
  if (run->data_free != NULL)
    run->data_free (run->data);
  g_free (run);
}

typedef struct
{
  Run        *run;
  LinliStore *store;
  LinliJob   *job;
} Writing;

static gboolean
run_write_cb (GOutputStream  *out,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  Writing *writing = user_data;

  return writing->run->write (writing->store, writing->run->data, out, writing->job, cancellable, error);
}

static gboolean
run_job (LinliJob      *job,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Run *run = data;
  g_autoptr(LinliStore) snapshot = linli_store_open_full (run->path, LINLI_STORE_OPEN_SNAPSHOT, error);
  Writing writing = { run, snapshot, job };
  gboolean ok;

  /* One moment of the file, whatever the window writes meanwhile. */
  if (snapshot == NULL || !linli_store_begin_read (snapshot, error))
    return FALSE;
  ok = linli_safe_file_write (run->file, run->flags, run_write_cb, &writing, cancellable, error);
  linli_store_rollback (snapshot);
  return ok;
}

/* A toast in the overlay around @widget, or the window's when it is the
 * window. */
static void
say (GtkWidget  *widget,
     const char *message)
{
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) != NULL)
    linli_toast (widget, message);
  else
    gtk_widget_activate_action (widget, "window.toast", "s", message);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = user_data;

  if (!linli_job_finish (LINLI_JOB (source), result, &error))
    {
      const char *heading = g_object_get_data (G_OBJECT (source), "linli-error-heading");

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (widget, _("Export cancelled: the file is as it was"));
      else if (gtk_widget_get_root (widget) != NULL)
        linli_alert_show_message (widget, heading, error->message);
    }
  else
    say (widget, g_object_get_data (G_OBJECT (source), "linli-done-message"));
  g_object_unref (widget);
}

/**
 * linli_export_run:
 * @widget: where it was asked for: its window's job bar shows the export,
 *   its toast overlay says how it ended
 * @store: the database to export from; the export reads it through a
 *   connection of its own
 * @job_title: what the job bar says: “Exporting cases…”
 * @done_message: the toast when it is written
 * @error_heading: the heading of the dialog that says why it failed
 * @write: writes @data, in the job's thread
 *
 * Exports in a job: see above.
 *
 * Returns: (transfer full): the job, running
 */
LinliJob *
linli_export_run (GtkWidget            *widget,
                  LinliStore           *store,
                  GFile                *file,
                  LinliSafeFileFlags    flags,
                  const char           *job_title,
                  const char           *done_message,
                  const char           *error_heading,
                  LinliExportWriteFunc  write,
                  gpointer              data,
                  GDestroyNotify        data_free)
{
  LinliJob *job;
  Run *run;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (write != NULL, NULL);

  job = linli_job_new (job_title);
  g_object_set_data_full (G_OBJECT (job), "linli-done-message", g_strdup (done_message), g_free);
  g_object_set_data_full (G_OBJECT (job), "linli-error-heading", g_strdup (error_heading), g_free);
  run = g_new0 (Run, 1);
  run->widget = g_object_ref (widget);
  run->path = g_strdup (linli_store_get_path (store));
  run->file = g_object_ref (file);
  run->flags = flags;
  run->write = write;
  run->data = data;
  run->data_free = data_free;
  linli_job_run (job, widget, run_job, run, (GDestroyNotify) run_free,
                 run_done_cb, g_object_ref (widget));
  return job;
}

/* ------------------------------------------------------------------------ */
/* A list a page shows, into a file the user chooses */

typedef struct
{
  GtkWidget       *page;
  LinliStore      *store;
  char            *done_message;
  LinliExportFunc  export_func;
  gpointer         data;
  GDestroyNotify   data_free;
  gboolean         xlsx;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->page);
  g_object_unref (export->store);
  g_free (export->done_message);
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export);
}

static gboolean
write_cb (LinliStore     *store,
          gpointer        data,
          GOutputStream  *out,
          LinliJob       *job,
          GCancellable   *cancellable,
          GError        **error)
{
  Export *export = data;

  return export->export_func (store, export->data, export->xlsx, out, cancellable, error);
}

static void
chosen_cb (GFile    *file,
           gpointer  user_data)
{
  Export *export = user_data;
  g_autoptr(LinliJob) job = NULL;

  if (file == NULL)
    {
      export_free (export);
      return;
    }
  export->xlsx = linli_export_file_is_xlsx (file);
  job = linli_export_run (export->page, export->store, file, LINLI_SAFE_FILE_NONE,
                          _("Exporting…"), export->done_message, _("Cannot Export"),
                          write_cb, export, (GDestroyNotify) export_free);
}

char *
linli_export_file_name (const char *file_name,
                        gboolean    xlsx)
{
  g_return_val_if_fail (file_name != NULL, NULL);

  if (xlsx && g_str_has_suffix (file_name, ".csv"))
    {
      g_autofree char *stem = g_strndup (file_name, strlen (file_name) - strlen (".csv"));
      return g_strconcat (stem, ".xlsx", NULL);
    }
  return g_strdup (file_name);
}

gboolean
linli_export_file_is_xlsx (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".xlsx");
}

void
linli_export_add_filters (LinliFilePick *pick,
                          const char    *file_name)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_set_name (xlsx, _("Excel workbooks"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_add_pattern (xlsx, "*.XLSX");
  if (g_str_has_suffix (file_name, ".xlsx"))
    {
      linli_file_pick_add_filter (pick, xlsx);
      linli_file_pick_add_filter (pick, csv);
    }
  else
    {
      linli_file_pick_add_filter (pick, csv);
      linli_file_pick_add_filter (pick, xlsx);
    }
}

/**
 * linli_event_export_to_file:
 * @store: what @export_func reads, through a connection of its own
 * @data: given to @export_func in the export's thread: nothing in it may
 *   change meanwhile
 *
 * Asks for a file and writes @data into it in a job.
 */
void
linli_event_export_to_file (GtkWidget       *page,
                            LinliStore      *store,
                            const char      *title,
                            const char      *file_name,
                            const char      *done_message,
                            LinliExportFunc  export_func,
                            gpointer         data,
                            GDestroyNotify   data_free)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autoptr(LinliFilePick) pick = linli_file_pick_new (title);
  Export *export = g_new0 (Export, 1);

  export->page = g_object_ref (page);
  export->store = g_object_ref (store);
  export->done_message = g_strdup (done_message);
  export->export_func = export_func;
  export->data = data;
  export->data_free = data_free;
  linli_file_pick_set_accept_label (pick, _("_Export"));
  linli_export_add_filters (pick, file_name);
  linli_file_pick_set_initial_name (pick, file_name);
  /* The export takes over @export once a file is chosen. */
  linli_file_pick_save (pick, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        chosen_cb, export, NULL);
}
