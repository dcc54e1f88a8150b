/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "linli-event-export.h"
#include "linli-safe-file.h"

typedef struct
{
  GtkWidget       *page;
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
  g_free (export->done_message);
  if (export->data_free != NULL)
    export->data_free (export->data);
  g_free (export);
}

static gboolean
write_cb (GOutputStream  *out,
          gpointer        user_data,
          GCancellable   *cancellable,
          GError        **error)
{
  Export *export = user_data;

  return export->export_func (export->data, export->xlsx, out, error);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      GtkRoot *root = gtk_widget_get_root (export->page);

      export->xlsx = linli_export_file_is_xlsx (file);
      if (!linli_safe_file_write (file, LINLI_SAFE_FILE_NONE, write_cb, export, NULL, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      _("Cannot Export"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (export->page, ADW_TYPE_TOAST_OVERLAY);
          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (export->done_message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_free (export);
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
linli_export_add_filters (GtkFileChooser *chooser,
                          const char     *file_name)
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
      gtk_file_chooser_add_filter (chooser, xlsx);
      gtk_file_chooser_add_filter (chooser, csv);
    }
  else
    {
      gtk_file_chooser_add_filter (chooser, csv);
      gtk_file_chooser_add_filter (chooser, xlsx);
    }
}

void
linli_event_export_to_file (GtkWidget       *page,
                            const char      *title,
                            const char      *file_name,
                            const char      *done_message,
                            LinliExportFunc  export_func,
                            gpointer         data,
                            GDestroyNotify   data_free)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkFileChooserNative *chooser;
  Export *export = g_new0 (Export, 1);

  export->page = g_object_ref (page);
  export->done_message = g_strdup (done_message);
  export->export_func = export_func;
  export->data = data;
  export->data_free = data_free;
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  linli_export_add_filters (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
