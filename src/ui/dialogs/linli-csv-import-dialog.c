/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-csv.h"
#include "linli-csv-import-dialog.h"
#include "linli-import-dialog.h"
#include "linli-import-errors.h"
#include "linli-job.h"

/* The preview of a case import: what the file is, which field of a case
 * each of its columns fills (guessed from the headers, changed here), and,
 * when some rows are wrong, each of them by line (the first thousand). The
 * file is not held: the preview keeps its first rows, and the import reads
 * it again (linli_csv_table_foreach()). Nothing is written
 * until every row is right; then all of them are, at once.
 *
 * The rows are checked and written in a job (linli-job.h), through a
 * writer of the store's own (linli_store_open_writer()): the window keeps
 * drawing and answering meanwhile, and its own changes are refused with a
 * message until the job ends. The preview hides while the job runs, and
 * shows again with the wrong rows when there are some; Cancel in the
 * window's job bar writes nothing. */

#define N_SAMPLES 3

struct _LinliCsvImportDialog
{
  AdwWindow              parent_instance;

  AdwPreferencesGroup   *file_group;
  AdwPreferencesGroup   *columns_group;
  AdwPreferencesGroup   *errors_group;
  GtkListBox            *errors_list;

  LinliStore            *store;
  LinliCsvTable         *table;
  GPtrArray             *rows;      /* AdwComboRow per column */
};

G_DEFINE_FINAL_TYPE (LinliCsvImportDialog, linli_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LinliCaseField *
current_mapping (LinliCsvImportDialog *self)
{
  LinliCaseField *mapping = g_new (LinliCaseField, self->rows->len);

  /* Row 0 of every choice is "Do not import"; row n + 1 is field n. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (self->rows->pdata[i]);
      mapping[i] = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                   ? LINLI_CASE_FIELD_IGNORE : (LinliCaseField) (selected - 1);
    }
  return mapping;
}

/* What the job's thread reads. */
typedef struct
{
  LinliCsvTable  *table;
  LinliCaseField *mapping;
} Importing;

static void
importing_free (Importing *importing)
{
  g_clear_pointer (&importing->table, linli_csv_table_unref);
  g_free (importing->mapping);
  g_free (importing);
}

static void
count_cb (guint    n_done,
          guint    n_total,
          gpointer user_data)
{
  LinliJob *job = user_data;
  g_autofree char *text = NULL;

  /* TRANSLATORS: the progress of an import: "12000 of 100000 cases written" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u case written", "%u of %u cases written", n_total),
                          n_done, n_total);
  linli_job_progress (job, n_total > 0 ? (double) n_done / n_total : 1.0, text);
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

  return linli_case_csv_import_full (writer, importing->table, importing->mapping,
                                     count_cb, job, cancellable, row_errors, n_imported, error);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliCsvImportDialog *self = LINLI_CSV_IMPORT_DIALOG (widget);
  const GType types[] = { LINLI_TYPE_RESIDENT, LINLI_TYPE_CASE };
  Importing *importing;

  if (linli_import_dialog_get_job (GTK_WINDOW (self)) != NULL)
    return;
  importing = g_new0 (Importing, 1);
  importing->table = linli_csv_table_ref (self->table);
  importing->mapping = current_mapping (self);
  linli_import_dialog_run (GTK_WINDOW (self), self->store,
                           _("Cases are being imported. Changes can be made again once the import is done or cancelled."),
                           _("Importing cases…"), types, G_N_ELEMENTS (types),
                           self->errors_group, self->errors_list,
                           import_job, importing, (GDestroyNotify) importing_free);
}

/**
 * linli_csv_import_dialog_get_job:
 *
 * Returns: (transfer none) (nullable): the import under way
 */
LinliJob *
linli_csv_import_dialog_get_job (LinliCsvImportDialog *self)
{
  g_return_val_if_fail (LINLI_IS_CSV_IMPORT_DIALOG (self), NULL);
  return linli_import_dialog_get_job (GTK_WINDOW (self));
}

static GListModel *
field_choices (void)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Do Not Import"));
  for (LinliCaseField field = 0; field < LINLI_N_CASE_FIELDS; field++)
    gtk_string_list_append (choices, linli_case_field_label (field));
  return G_LIST_MODEL (choices);
}

static char *
samples_of (LinliCsvTable *table,
            guint          column)
{
  g_autoptr(GString) samples = g_string_new (NULL);
  guint n = MIN (linli_csv_table_get_n_rows (table), N_SAMPLES);

  for (guint row = 0; row < n; row++)
    {
      const char *cell = linli_csv_table_get_cell (table, row, column);
      /* An empty cell still shows, so the samples line up with the rows. */
      g_autofree char *line = g_strdup (cell && *cell ? cell : "—");

      /* One line each, and short, whatever the cell holds. */
      g_strdelimit (line, "\r\n\t", ' ');
      if (g_utf8_strlen (line, -1) > 24)
        {
          char *cut = g_utf8_offset_to_pointer (line, 24);
          *cut = '\0';
          g_string_append_printf (samples, "%s%s…", samples->len ? " · " : "", line);
        }
      else
        g_string_append_printf (samples, "%s%s", samples->len ? " · " : "", line);
    }
  return g_string_free (g_steal_pointer (&samples), FALSE);
}

static void
mapping_changed_cb (LinliCsvImportDialog *self)
{
  linli_import_errors_clear (self->errors_group, self->errors_list);
}

static void
linli_csv_import_dialog_dispose (GObject *object)
{
  LinliCsvImportDialog *self = LINLI_CSV_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->table, linli_csv_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_csv_import_dialog_parent_class)->dispose (object);
}

static void
linli_csv_import_dialog_class_init (LinliCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_csv_import_dialog_dispose;

  /**
   * LinliCsvImportDialog::imported:
   * @n_cases: how many cases were written
   */
  signals[IMPORTED] = linli_import_dialog_class_add_imported (object_class);

  linli_import_dialog_class_setup (widget_class, "/ui/linli-csv-import-dialog.ui", import_cb);
  gtk_widget_class_bind_template_child (widget_class, LinliCsvImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LinliCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LinliCsvImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, LinliCsvImportDialog, errors_list);
}

static void
linli_csv_import_dialog_init (LinliCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * linli_csv_import_dialog_new:
 * @table: the file, read, or a preview of it (linli_csv_read_preview()):
 *   the import reads it again, a batch of rows at a time
 * @file_name: its name, for the user
 */
LinliCsvImportDialog *
linli_csv_import_dialog_new (GtkWindow     *parent,
                             LinliStore    *store,
                             LinliCsvTable *table,
                             const char    *file_name)
{
  LinliCsvImportDialog *self;
  g_autofree LinliCaseField *guess = NULL;
  g_autoptr(GListModel) choices = field_choices ();
  g_autofree char *description = NULL;
  guint n_rows, n_columns;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (LINLI_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->table = linli_csv_table_ref (table);

  n_rows = linli_csv_table_get_n_file_rows (table);
  n_columns = linli_csv_table_get_n_columns (table);
  /* TRANSLATORS: "cases.csv: 120 rows, GB18030" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u row, %s", "%s: %u rows, %s", n_rows),
                                 file_name, n_rows,
                                 linli_csv_encoding_to_string (linli_csv_table_get_encoding (table)));
  adw_preferences_group_set_description (self->file_group, description);

  guess = linli_case_csv_guess_mapping (table);
  for (guint column = 0; column < n_columns; column++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *samples = samples_of (table, column);
      const char *header = linli_csv_table_get_header (table, column);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header && *header ? header : "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  guess[column] == LINLI_CASE_FIELD_IGNORE ? 0 : guess[column] + 1);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->rows, row);
    }

  return self;
}

/* Returns: (transfer full): the pick of a CSV file to import, to open
 *   over the page that imports it */
LinliFilePick *
linli_csv_pick_new (const char *title)
{
  LinliFilePick *pick = linli_file_pick_new (title);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  linli_file_pick_set_accept_label (pick, _("_Open"));
  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  linli_file_pick_add_filter (pick, filter);
  return pick;
}
