/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-import-dialog.h"
#include "linli-import-errors.h"

/**
 * linli_import_dialog_class_setup:
 * @resource: the dialog's template, under RESOURCE_BASE
 * @run: what Import (import.run) does
 *
 * Gives an import dialog's class its template, its import.run action and
 * Escape, which closes it; its children are its own to bind.
 */
void
linli_import_dialog_class_setup (GtkWidgetClass              *widget_class,
                                 const char                  *resource,
                                 GtkWidgetActionActivateFunc  run)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (resource != NULL);
  g_return_if_fail (run != NULL);

  path = g_strconcat (RESOURCE_BASE, resource, NULL);
  gtk_widget_class_set_template_from_resource (widget_class, path);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/**
 * linli_import_dialog_class_add_imported:
 *
 * Adds the ::imported signal of a table import, which says how many
 * records were written (a guint) once they are.
 *
 * Returns: its id
 */
guint
linli_import_dialog_class_add_imported (GObjectClass *object_class)
{
  g_return_val_if_fail (G_IS_OBJECT_CLASS (object_class), 0);

  return g_signal_new ("imported", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

/* ------------------------------------------------------------------------ */
/* An import checked and written in a job, through a writer of the store   */

#define JOB_KEY "linli-import-dialog-job"

typedef struct
{
  GtkWindow           *dialog;
  LinliStore          *store;
  LinliStore          *writer;
  GArray              *types;         /* GType, the records it may change */
  AdwPreferencesGroup *errors_group;
  GtkListBox          *errors_list;
  LinliImportFunc      func;
  gpointer             data;
  GDestroyNotify       data_free;
  GPtrArray           *row_errors;    /* the job thread's until it ends */
  guint                n_imported;
} Importing;

static void
importing_free (Importing *importing)
{
  g_clear_object (&importing->writer);
  g_clear_object (&importing->store);
  g_clear_object (&importing->dialog);
  g_clear_pointer (&importing->types, g_array_unref);
  if (importing->data_free != NULL)
    importing->data_free (importing->data);
  g_clear_pointer (&importing->row_errors, g_ptr_array_unref);
  g_free (importing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Importing, importing_free)

static gboolean
import_job (LinliJob      *job,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Importing *importing = data;

  linli_job_progress (job, -1, _("Checking the rows…"));
  return importing->func (job, importing->writer, importing->data, cancellable,
                          &importing->row_errors, &importing->n_imported, error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Importing) importing = user_data;
  GtkWindow *dialog = importing->dialog;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = linli_job_finish (LINLI_JOB (source), result, &error);
  g_object_set_data (G_OBJECT (dialog), JOB_KEY, NULL);

  /* The store writes again, and its views read what was written. */
  linli_store_close_writer (importing->store, g_steal_pointer (&importing->writer),
                            (const GType *) (gpointer) importing->types->data, importing->types->len);

  if (ok)
    {
      g_signal_emit_by_name (dialog, "imported", importing->n_imported);
      gtk_window_destroy (dialog);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (dialog);
  else
    {
      linli_import_errors_show (importing->errors_group, importing->errors_list, importing->row_errors, error);
      gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
      gtk_window_present (dialog);
    }
}

/**
 * linli_import_dialog_run:
 * @dialog: an import dialog, with an ::imported signal
 * @busy_message: what the window's own writes are refused with meanwhile
 * @title: the job's, in the window's job bar
 * @types: (array length=n_types): the records the import may change
 * @func: the import, in the job's thread, on the writer
 * @data: (transfer full): its data, freed with @data_free when it ends
 *
 * Checks and writes an import in a job of @dialog's parent, through a
 * writer of @store (linli_store_open_writer()): the preview steps aside
 * until the job ends, and shows again with the wrong rows when there are
 * some; written, @dialog emits ::imported and closes; cancelled, it writes
 * nothing and closes. Without a writer (another import under way), the
 * reason shows in @errors_group and nothing runs.
 *
 * Returns: %TRUE when the job runs
 */
gboolean
linli_import_dialog_run (GtkWindow           *dialog,
                         LinliStore          *store,
                         const char          *busy_message,
                         const char          *title,
                         const GType         *types,
                         guint                n_types,
                         AdwPreferencesGroup *errors_group,
                         GtkListBox          *errors_list,
                         LinliImportFunc      func,
                         gpointer             data,
                         GDestroyNotify       data_free)
{
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  g_autoptr(GError) error = NULL;
  Importing *importing;
  LinliJob *job;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  importing = g_new0 (Importing, 1);
  importing->data = data;
  importing->data_free = data_free;
  if (linli_import_dialog_get_job (dialog) != NULL)
    {
      importing_free (importing);
      return FALSE;
    }
  importing->writer = linli_store_open_writer (store, busy_message, &error);
  if (importing->writer == NULL)
    {
      importing_free (importing);
      linli_import_errors_show (errors_group, errors_list, NULL, error);
      return FALSE;
    }
  importing->dialog = g_object_ref (dialog);
  importing->store = g_object_ref (store);
  importing->types = g_array_sized_new (FALSE, FALSE, sizeof (GType), n_types);
  g_array_append_vals (importing->types, types, n_types);
  importing->errors_group = errors_group;
  importing->errors_list = errors_list;
  importing->func = func;
  linli_import_errors_clear (errors_group, errors_list);

  /* The window under the preview shows the job, and may be used
   * meanwhile: the preview steps aside until the job ends. */
  job = linli_job_new (title);
  g_object_set_data_full (G_OBJECT (dialog), JOB_KEY, job, g_object_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  if (parent != NULL)
    gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  linli_job_run (job, parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (dialog),
                 import_job, importing, NULL, import_done_cb, importing);
  return TRUE;
}

/**
 * linli_import_dialog_get_job:
 *
 * Returns: (transfer none) (nullable): the import under way from @dialog
 */
LinliJob *
linli_import_dialog_get_job (GtkWindow *dialog)
{
  g_return_val_if_fail (GTK_IS_WINDOW (dialog), NULL);
  return g_object_get_data (G_OBJECT (dialog), JOB_KEY);
}

/**
 * linli_import_dialog_count_records:
 * @user_data: the #LinliJob the import runs in
 *
 * Shows how many of the import's records are written as the job's progress.
 */
void
linli_import_dialog_count_records (guint    n_done,
                                   guint    n_total,
                                   gpointer user_data)
{
  LinliJob *job = user_data;
  g_autofree char *text = NULL;

  /* TRANSLATORS: the progress of an import: "120 of 300 records written" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u record written", "%u of %u records written", n_total),
                          n_done, n_total);
  linli_job_progress (job, n_total > 0 ? (double) n_done / n_total : 1.0, text);
}
