/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-event-import-dialog.h"
#include "linli-import-dialog.h"
#include "linli-csv-import-dialog.h"
#include "linli-file-pick.h"
#include "linli-import-errors.h"
#include "linli-import-read.h"
#include "linli-job.h"
#include "linli-toast.h"

/* The preview of an import of volunteers, or of activities with who served
 * in them, in the shape of the case import: the file, which field each of
 * its columns fills (guessed from the headers, changed here), and every
 * wrong row by line. Nothing is written until every row is right. As the
 * case import, it is checked and written in a job, through a writer of the
 * store's own (linli_import_dialog_run()); Cancel writes nothing. */

struct _LinliEventImportDialog
{
  AdwWindow              parent_instance;

  AdwPreferencesGroup   *file_group;
  AdwPreferencesGroup   *columns_group;
  AdwPreferencesGroup   *errors_group;
  GtkListBox            *errors_list;

  LinliStore            *store;
  LinliEventCsvKind      kind;
  LinliCsvMapping       *mapping;
};

G_DEFINE_FINAL_TYPE (LinliEventImportDialog, linli_event_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the job's thread reads. */
typedef struct
{
  LinliEventCsvKind  kind;
  LinliCsvMapping   *mapping;
} Importing;

static void
importing_free (Importing *importing)
{
  g_clear_object (&importing->mapping);
  g_free (importing);
}

static gboolean
import_job (LinliJob      *job,
            LinliStore    *writer,
            gpointer       data,
            GCancellable  *cancellable,
            GPtrArray    **row_errors,
            guint         *n_imported,
            GError       **error)
{
  Importing *importing = data;

  return linli_event_csv_import_full (writer, importing->kind, importing->mapping,
                                      linli_import_dialog_count_records, job, cancellable, row_errors, n_imported, error);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliEventImportDialog *self = LINLI_EVENT_IMPORT_DIALOG (widget);
  const GType types[] = { LINLI_TYPE_VOLUNTEER, LINLI_TYPE_ORGANISATION, LINLI_TYPE_ACTIVITY,
                          LINLI_TYPE_PARTICIPATION, LINLI_TYPE_WORKER };
  g_autoptr(GError) error = NULL;
  Importing *importing;

  if (linli_import_dialog_get_job (GTK_WINDOW (self)) != NULL)
    return;
  if (!linli_csv_mapping_check (self->mapping, &error))
    {
      linli_import_errors_show (self->errors_group, self->errors_list, NULL, error);
      return;
    }
  /* The dialog cannot be changed while the job reads the mapping. */
  importing = g_new0 (Importing, 1);
  importing->kind = self->kind;
  importing->mapping = g_object_ref (self->mapping);
  linli_import_dialog_run (GTK_WINDOW (self), self->store,
                           _("Records are being imported. Changes can be made again once the import is done or cancelled."),
                           self->kind == LINLI_EVENT_CSV_VOLUNTEERS ? _("Importing volunteers…")
                           : self->kind == LINLI_EVENT_CSV_STAFF ? _("Importing staff…")
                                                                 : _("Importing activities…"),
                           types, G_N_ELEMENTS (types), self->errors_group, self->errors_list,
                           import_job, importing, (GDestroyNotify) importing_free);
}

/**
 * linli_event_import_dialog_get_job:
 *
 * Returns: (transfer none) (nullable): the import under way
 */
LinliJob *
linli_event_import_dialog_get_job (LinliEventImportDialog *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_IMPORT_DIALOG (self), NULL);
  return linli_import_dialog_get_job (GTK_WINDOW (self));
}

static void
field_chosen_cb (AdwComboRow            *row,
                 GParamSpec             *pspec,
                 LinliEventImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  /* Row 0 of every choice is "Do not import"; row n + 1 is field n. */
  linli_csv_mapping_set_field (self->mapping, column,
                               selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                 ? LINLI_CSV_FIELD_NONE : (int) selected - 1);
  linli_import_errors_clear (self->errors_group, self->errors_list);
}

static void
linli_event_import_dialog_dispose (GObject *object)
{
  LinliEventImportDialog *self = LINLI_EVENT_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_EVENT_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->mapping);

  G_OBJECT_CLASS (linli_event_import_dialog_parent_class)->dispose (object);
}

static void
linli_event_import_dialog_class_init (LinliEventImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_event_import_dialog_dispose;

  /**
   * LinliEventImportDialog::imported:
   * @n_records: how many volunteers or activities were written
   */
  signals[IMPORTED] = linli_import_dialog_class_add_imported (object_class);

  linli_import_dialog_class_setup (widget_class, "/ui/linli-event-import-dialog.ui", import_cb);
  gtk_widget_class_bind_template_child (widget_class, LinliEventImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LinliEventImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LinliEventImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, LinliEventImportDialog, errors_list);
}

static void
linli_event_import_dialog_init (LinliEventImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_event_import_dialog_new:
 * @table: the file, read, or a preview of it (linli_csv_read_preview()),
 *   except for the staff
 * @file_name: its name, for the user
 */
LinliEventImportDialog *
linli_event_import_dialog_new (GtkWindow         *parent,
                               LinliStore        *store,
                               LinliEventCsvKind  kind,
                               LinliCsvTable     *table,
                               const char        *file_name)
{
  LinliEventImportDialog *self;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *description = NULL;
  guint n_rows, n_columns;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (LINLI_TYPE_EVENT_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", kind == LINLI_EVENT_CSV_VOLUNTEERS ? _("Import Volunteers")
                                : kind == LINLI_EVENT_CSV_STAFF ? _("Import Staff") : _("Import Activities"),
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->mapping = linli_event_csv_mapping_new (kind, table);

  n_rows = linli_csv_table_get_n_file_rows (table);
  n_columns = linli_csv_table_get_n_columns (table);
  /* TRANSLATORS: "activities.csv: 120 rows, GB18030" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u row, %s", "%s: %u rows, %s", n_rows),
                                 file_name, n_rows,
                                 linli_csv_encoding_to_string (linli_csv_table_get_encoding (table)));
  adw_preferences_group_set_description (self->file_group, description);

  gtk_string_list_append (choices, _("Do Not Import"));
  for (guint field = 0; field < linli_csv_mapping_get_n_fields (self->mapping); field++)
    gtk_string_list_append (choices, g_dpgettext2 (GETTEXT_PACKAGE, "csv field",
                                                   linli_csv_mapping_get_field_label (self->mapping, field)));

  for (guint column = 0; column < n_columns; column++)
    {
      g_autoptr(LinliCsvColumn) item = g_list_model_get_item (G_LIST_MODEL (self->mapping), column);
      GtkWidget *row = adw_combo_row_new ();
      const char *header = linli_csv_column_get_header (item);
      int field = linli_csv_column_get_field (item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header && *header ? header : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), linli_csv_column_get_samples (item));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), field == LINLI_CSV_FIELD_NONE ? 0 : (guint) field + 1);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect (row, "notify::selected", G_CALLBACK (field_chosen_cb), self);
      adw_preferences_group_add (self->columns_group, row);
    }

  return self;
}

/* ------------------------------------------------------------------------ */
/* From a page: choose the file, read it, show the preview.                 */

typedef struct
{
  GtkWidget         *page;
  LinliStore        *store;
  LinliEventCsvKind  kind;
} Opening;

static void
opening_free (gpointer user_data)
{
  Opening *opening = user_data;

  g_object_unref (opening->page);
  g_object_unref (opening->store);
  g_free (opening);
}

static void
imported_cb (LinliEventImportDialog *dialog,
             guint                   n,
             GtkWidget              *page)
{
  g_autofree char *message = NULL;

  if (dialog->kind == LINLI_EVENT_CSV_VOLUNTEERS)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer imported", "%u volunteers imported", n), n);
  else if (dialog->kind == LINLI_EVENT_CSV_STAFF)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person imported", "%u people imported", n), n);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity imported", "%u activities imported", n), n);
  linli_toast (page, message);
}

static void
read_cb (gpointer    result,
         const char *file_name,
         gpointer    data)
{
  Opening *opening = data;
  g_autoptr(LinliCsvTable) table = result;
  LinliEventImportDialog *dialog;

  dialog = linli_event_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (opening->page)), opening->store,
                                          opening->kind, table, file_name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), opening->page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chosen_cb (GFile    *file,
           gpointer  user_data)
{
  Opening *opening = user_data;

  /* Read in a thread, a piece at a time; the reading takes @opening. */
  if (file != NULL)
    linli_import_read (opening->page, file, _("Cannot Read the File"),
                       opening->kind == LINLI_EVENT_CSV_STAFF ? linli_import_read_csv_whole
                                                              : linli_import_read_csv,
                       (GDestroyNotify) linli_csv_table_unref,
                       read_cb, opening, opening_free);
  else
    opening_free (opening);
}

/* Asks for a CSV file and shows its import preview over @page. */
void
linli_event_import_open_file (GtkWidget         *page,
                              LinliStore        *store,
                              LinliEventCsvKind  kind)
{
  g_autoptr(LinliFilePick) pick = NULL;
  Opening *opening;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (LINLI_IS_STORE (store));

  pick = linli_csv_pick_new (kind == LINLI_EVENT_CSV_VOLUNTEERS ? _("Import Volunteers")
                             : kind == LINLI_EVENT_CSV_STAFF ? _("Import Staff")
                                                             : _("Import Activities"));
  opening = g_new (Opening, 1);
  opening->page = g_object_ref (page);
  opening->store = g_object_ref (store);
  opening->kind = kind;
  linli_file_pick_open (pick, GTK_WINDOW (gtk_widget_get_root (page)), NULL, chosen_cb, opening, NULL);
}
