/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "linli-alert.h"
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
chosen_cb (GFile    *file,
           gpointer  user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (file == NULL)
    return;
  export->xlsx = linli_export_file_is_xlsx (file);
  if (!linli_safe_file_write (file, LINLI_SAFE_FILE_NONE, write_cb, export, NULL, &error))
    {
      linli_alert_show_message (export->page, _("Cannot Export"), error->message);
      return;
    }
  overlay = gtk_widget_get_ancestor (export->page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (export->done_message));
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
  g_autoptr(LinliFilePick) pick = linli_file_pick_new (title);
  Export *export = g_new0 (Export, 1);

  export->page = g_object_ref (page);
  export->done_message = g_strdup (done_message);
  export->export_func = export_func;
  export->data = data;
  export->data_free = data_free;
  linli_file_pick_set_accept_label (pick, _("_Export"));
  linli_export_add_filters (pick, file_name);
  linli_file_pick_set_initial_name (pick, file_name);
  linli_file_pick_save (pick, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        chosen_cb, export, (GDestroyNotify) export_free);
}
