/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-backup-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-alert.h"
#include "linli-backup-actions.h"
#include "linli-file-pick.h"

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
  linli_alert_show_message (GTK_WIDGET (parent), heading, error->message);
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

typedef struct
{
  GtkWindow  *parent;
  LinliStore *store;
} ChooseData;

static void
choose_data_free (gpointer user_data)
{
  ChooseData *choose = user_data;

  g_clear_object (&choose->parent);
  g_clear_object (&choose->store);
  g_free (choose);
}

static void
chosen_cb (GFile    *file,
           gpointer  user_data)
{
  ChooseData *choose = user_data;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    {
      SaveData *data = g_new0 (SaveData, 1);

      data->parent = choose->parent ? g_object_ref (choose->parent) : NULL;
      data->name = g_file_get_basename (file);
      linli_backup_save_copy_async (choose->store, path, NULL, saved_cb, data);
    }
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
  g_autoptr(LinliFilePick) pick = NULL;
  g_autoptr(GDateTime) now = NULL;
  ChooseData *choose;
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

  pick = linli_file_pick_new (_("Save a Copy of the Database"));
  linli_file_pick_set_accept_label (pick, _("_Save"));
  linli_file_pick_set_initial_name (pick, name);
  choose = g_new0 (ChooseData, 1);
  choose->parent = parent ? g_object_ref (parent) : NULL;
  choose->store = g_object_ref (store);
  linli_file_pick_save (pick, parent, NULL, chosen_cb, choose, choose_data_free);
}
