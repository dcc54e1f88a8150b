/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-backup-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-backup-actions.h"

/**
 * linli_backup_format_time:
 *
 * Returns: (transfer full): when a backup was made, as a person says it
 */
char *
linli_backup_format_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* TRANSLATORS: when a backup was made, a g_date_time_format() format: "5 December 2026 09:30" */
  return g_date_time_format (time, _("%-d %B %Y %H:%M"));
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow *parent;
  char      *name;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->parent);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!linli_backup_save_copy_finish (LINLI_STORE (object), result, &error))
    {
      show_error (data->parent, _("Cannot Save a Copy"), error);
      return;
    }
  if (data->parent != NULL)
    {
      /* TRANSLATORS: %s is the name of the file the copy was saved as */
      g_autofree char *message = g_strdup_printf (_("Saved a copy as “%s”"), data->name);
      gtk_widget_activate_action (GTK_WIDGET (data->parent), "window.toast", "s", message);
    }
}

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     LinliStore           *store)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          SaveData *data = g_new0 (SaveData, 1);

          data->parent = parent ? g_object_ref (parent) : NULL;
          data->name = g_file_get_basename (file);
          linli_backup_save_copy_async (store, path, NULL, saved_cb, data);
        }
    }
  g_object_unref (chooser);
}

/**
 * linli_backup_actions_save_copy:
 *
 * Asks where to save a copy of @store's database (a USB stick, say) and
 * writes it there, with a toast on @parent when it is the main window
 * (it has the window.toast action).
 */
void
linli_backup_actions_save_copy (GtkWindow  *parent,
                                LinliStore *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *base = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (LINLI_IS_STORE (store));

  now = linli_store_now (store);
  base = g_path_get_basename (linli_store_get_path (store));
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  day = g_date_time_format (now, "%Y-%m-%d");
  name = g_strdup_printf ("%s %s.db", base, day);

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb),
                         g_object_ref (store), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
