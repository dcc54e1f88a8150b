/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-print-operation"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-file-pick.h"
#include "linli-job.h"
#include "linli-print-operation.h"
#include "linli-report-layout.h"
#include "linli-report-pdf.h"

#define SETTINGS_GROUP "Print Settings"
#define PAGE_SETUP_GROUP "Page Setup"

struct _LinliPrintOperation
{
  GtkPrintOperation  parent_instance;

  LinliReportDoc    *doc;
  LinliReportLayout *layout;
};

G_DEFINE_FINAL_TYPE (LinliPrintOperation, linli_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "linli", "print.ini", NULL);
}

static GtkPageSetup *
a4_page_setup (void)
{
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/* What the last run chose, or A4 on the default printer. */
static void
load_settings (LinliPrintOperation *self)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      settings = gtk_print_settings_new_from_key_file (file, SETTINGS_GROUP, NULL);
      setup = gtk_page_setup_new_from_key_file (file, PAGE_SETUP_GROUP, NULL);
    }
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  if (setup == NULL)
    setup = a4_page_setup ();
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
save_settings (LinliPrintOperation *self,
               GtkPageSetup        *setup)
{
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));

  if (settings == NULL)
    return;
  gtk_print_settings_to_key_file (settings, file, SETTINGS_GROUP);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, PAGE_SETUP_GROUP);

  data = g_key_file_to_data (file, &length, NULL);
  /* The account's own, like the database (the printer's name and where it
   * is say something of the office). */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not remember the print settings in %s: %s", path,
               error ? error->message : g_strerror (errno));
}

static void
linli_print_operation_begin_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  LinliPrintOperation *self = LINLI_PRINT_OPERATION (operation);

  /* Points from the paper's corner: the layout's own units. */
  g_clear_object (&self->layout);
  self->layout = linli_report_layout_new (self->doc,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, linli_report_layout_get_n_pages (self->layout));
}

static void
linli_print_operation_draw_page (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr)
{
  LinliPrintOperation *self = LINLI_PRINT_OPERATION (operation);

  linli_report_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
linli_print_operation_done (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result)
{
  LinliPrintOperation *self = LINLI_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);

  /* The print dialog leaves the paper chosen on its Page Setup tab as the
   * operation's default. */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self, gtk_print_operation_get_default_page_setup (operation));
}

static void
linli_print_operation_dispose (GObject *object)
{
  LinliPrintOperation *self = LINLI_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (linli_print_operation_parent_class)->dispose (object);
}

static void
linli_print_operation_class_init (LinliPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = linli_print_operation_dispose;
  print_class->begin_print = linli_print_operation_begin_print;
  print_class->draw_page = linli_print_operation_draw_page;
  print_class->done = linli_print_operation_done;
}

static void
linli_print_operation_init (LinliPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

LinliPrintOperation *
linli_print_operation_new (LinliReportDoc *doc)
{
  LinliPrintOperation *self;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), NULL);

  self = g_object_new (LINLI_TYPE_PRINT_OPERATION, NULL);
  self->doc = g_object_ref (doc);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), linli_report_doc_get_title (doc));
  load_settings (self);
  return self;
}

LinliReportDoc *
linli_print_operation_get_doc (LinliPrintOperation *self)
{
  g_return_val_if_fail (LINLI_IS_PRINT_OPERATION (self), NULL);
  return self->doc;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  linli_alert_show_message (GTK_WIDGET (parent), _("Cannot Print the Report"), error->message);
}

static void
print_done_cb (LinliPrintOperation     *self,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
  if (error != NULL)
    show_error (parent, error);
}

void
linli_print_operation_print (LinliReportDoc *doc,
                             GtkWindow      *parent)
{
  g_autoptr(LinliPrintOperation) self = linli_print_operation_new (doc);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (parent != NULL)
    g_signal_connect_object (self, "done", G_CALLBACK (print_done_cb), parent, 0);
  else
    g_signal_connect (self, "done", G_CALLBACK (print_done_cb), NULL);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (parent, error);
}

/* GTK's print export cannot set a PDF's Title, Author or Subject, so the
 * export goes through the headless writer: the same layout on A4, the same
 * file the command line writes, replaced whole or left as it was. */
gboolean
linli_print_operation_export_pdf (LinliReportDoc  *doc,
                                  GtkWindow       *parent,
                                  GFile           *file,
                                  GError         **error)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return linli_report_pdf_write (doc, file, error);
}

/* It holds its windows weakly: a preview closed during its export goes,
 * and its job bar cancels the export as it goes. */
typedef struct
{
  LinliReportDoc       *doc;
  GWeakRef              parent;       /* GtkWindow */
  GWeakRef              toasts;       /* AdwToastOverlay */
  GFile                *file;         /* once chosen */
} ExportRequest;

static ExportRequest *
export_request_new (LinliReportDoc  *doc,
                    GtkWindow       *parent,
                    AdwToastOverlay *toasts,
                    GFile           *file)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->doc = g_object_ref (doc);
  g_weak_ref_init (&request->parent, parent);
  g_weak_ref_init (&request->toasts, toasts);
  request->file = file ? g_object_ref (file) : NULL;
  return request;
}

static void
export_request_free (gpointer user_data)
{
  ExportRequest *request = user_data;

  g_object_unref (request->doc);
  g_weak_ref_clear (&request->parent);
  g_weak_ref_clear (&request->toasts);
  g_clear_object (&request->file);
  g_free (request);
}

static void
show_exported (ExportRequest *request)
{
  g_autofree char *name = g_file_get_basename (request->file);
  /* TRANSLATORS: a toast after a report was exported; %s is the file's name */
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
  g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (&request->toasts);

  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
}

static void
pages_written_cb (guint    n_done,
                  guint    n_total,
                  gpointer user_data)
{
  LinliJob *job = user_data;
  /* TRANSLATORS: the progress of a report's PDF export, as under its title in its preview */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), n_done, n_total);

  linli_job_progress (job, n_total > 0 ? (double) n_done / n_total : 1.0, text);
}

/* In the job's thread: the report set on pages of its own, and written. */
static gboolean
export_job (LinliJob      *job,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportRequest *request = data;

  return linli_report_pdf_write_full (request->doc, request->file, pages_written_cb, job, cancellable, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autoptr(GError) error = NULL;

  if (linli_job_finish (LINLI_JOB (source), result, &error))
    show_exported (request);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    linli_alert_show_message (GTK_WIDGET (parent), _("Cannot Export the Report"), error->message);
  export_request_free (request);
}

/**
 * linli_print_operation_export_in_job:
 * @parent: the window whose job bar shows it (linli_job_bar_find())
 * @toasts: (nullable): where to say it is written
 * @file: where the PDF goes; failed or cancelled, what was there stays
 *
 * Writes @doc to @file on A4 in a job, with the pages written and Cancel
 * in @parent's job bar: a long report sets its pages while the window
 * keeps drawing.
 *
 * Returns: (transfer full): the job, running
 */
LinliJob *
linli_print_operation_export_in_job (LinliReportDoc  *doc,
                                     GtkWindow       *parent,
                                     AdwToastOverlay *toasts,
                                     GFile           *file)
{
  ExportRequest *request;
  LinliJob *job;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  request = export_request_new (doc, parent, toasts, file);
  job = linli_job_new (_("Exporting the report…"));
  /* The request outlives the job's data: the callback says how it ended. */
  linli_job_run (job, GTK_WIDGET (parent), export_job, request, NULL, export_done_cb, request);
  return job;
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (&request->toasts);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (parent != NULL)
    {
      g_autoptr(LinliJob) job = linli_print_operation_export_in_job (request->doc, parent, toasts, file);
      return;  /* it runs on; its callback says how it ended */
    }
  g_set_object (&request->file, file);
  if (linli_print_operation_export_pdf (request->doc, NULL, file, &error))
    show_exported (request);
  else
    linli_alert_show_message (NULL, _("Cannot Export the Report"), error->message);
}

void
linli_print_operation_choose_export (LinliReportDoc  *doc,
                                     GtkWindow       *parent,
                                     AdwToastOverlay *toasts)
{
  ExportRequest *request;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (LINLI_IS_REPORT_DOC (doc));

  request = export_request_new (doc, parent, toasts, NULL);
  pick = linli_file_pick_new (_("Export the Report as PDF"));
  linli_file_pick_set_accept_label (pick, _("_Export"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  linli_file_pick_add_filter (pick, filter);
  name = g_strdup_printf ("%s.pdf", linli_report_doc_get_title (doc));
  g_strdelimit (name, "/\\:", '-');
  linli_file_pick_set_initial_name (pick, name);
  linli_file_pick_save (pick, parent, NULL, export_chosen_cb, request, export_request_free);
}
