/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-backups-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"
#include "linli-backup-actions.h"
#include "linli-backups-dialog.h"

/* The backups of the open database, newest first, each with what it holds
 * and a Restore button; Back Up Now makes one at once. A restore is told
 * in a toast whose Undo restores the backup made just before it. The list
 * and every copy are read and written in a thread. */

struct _LinliBackupsDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list_box;

  LinliStore      *store;
  GCancellable    *cancellable;   /* of the listing */
  guint            busy;          /* copies under way */
};

G_DEFINE_FINAL_TYPE (LinliBackupsDialog, linli_backups_dialog, ADW_TYPE_WINDOW)

static void reload (LinliBackupsDialog *self);

static void
update_actions (LinliBackupsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.undo", self->busy == 0);
}

static void
set_busy (LinliBackupsDialog *self,
          gboolean            busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  update_actions (self);
}

static void
show_error (LinliBackupsDialog *self,
            const char         *heading,
            const GError       *error)
{
  linli_alert_show_message (GTK_WIDGET (self), heading, error->message);
}

static char *
describe_contents (const LinliBackup *backup)
{
  g_autofree char *size = g_format_size (backup->size);
  g_autofree char *cases = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *outreach = NULL;

  if (backup->n_cases < 0)
    /* TRANSLATORS: a backup whose records cannot be counted; %s is its size */
    return g_strdup_printf (_("Cannot be read · %s"), size);

  cases = g_strdup_printf (g_dngettext (NULL, "%d case", "%d cases", backup->n_cases), backup->n_cases);
  activities = g_strdup_printf (g_dngettext (NULL, "%d activity", "%d activities", MAX (backup->n_activities, 0)),
                                MAX (backup->n_activities, 0));
  outreach = g_strdup_printf (g_dngettext (NULL, "%d outreach event", "%d outreach events", MAX (backup->n_outreach, 0)),
                              MAX (backup->n_outreach, 0));
  /* TRANSLATORS: a backup's counts of cases, activities and outreach events, and its size */
  return g_strdup_printf (_("%s · %s · %s · %s"), cases, activities, outreach, size);
}

static GtkWidget *
create_row (const LinliBackup *backup)
{
  g_autofree char *title = linli_backup_format_time (backup->time);
  g_autofree char *subtitle = describe_contents (backup);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", backup->path);
  gtk_widget_set_sensitive (button, backup->n_cases >= 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinliBackupsDialog) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  backups = linli_backup_list_finish (LINLI_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  if (backups == NULL)
    {
      show_error (self, _("Cannot List the Backups"), error);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (backups, i)));
  gtk_stack_set_visible_child_name (self->stack, backups->len > 0 ? "list" : "empty");
}

static void
reload (LinliBackupsDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  linli_backup_list_async (self->store, self->cancellable, listed_cb, g_object_ref (self));
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LinliBackupsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = linli_backup_make_finish (LINLI_STORE (object), result, &error);

  set_busy (self, FALSE);
  if (path == NULL)
    {
      show_error (self, _("Cannot Back Up the Database"), error);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Backed up")));
  reload (self);
}

static void
back_up_now_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LinliBackupsDialog *self = LINLI_BACKUPS_DIALOG (widget);

  set_busy (self, TRUE);
  linli_backup_make_async (self->store, NULL, backed_up_cb, g_object_ref (self));
}

typedef struct
{
  LinliBackupsDialog *self;
  gboolean            undo;
} RestoreData;

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree RestoreData *data = user_data;
  g_autoptr(LinliBackupsDialog) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_path = linli_backup_restore_finish (LINLI_STORE (object), result, &error);
  AdwToast *toast;

  set_busy (self, FALSE);
  if (undo_path == NULL)
    {
      show_error (self, _("Cannot Restore the Backup"), error);
      reload (self);
      return;
    }
  if (data->undo)
    toast = adw_toast_new (_("Restore undone"));
  else
    {
      toast = adw_toast_new (_("Backup restored"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "backups.undo");
      adw_toast_set_action_target (toast, "s", undo_path);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  reload (self);
}

static void
restore (LinliBackupsDialog *self,
         const char         *path,
         gboolean            undo)
{
  RestoreData *data = g_new0 (RestoreData, 1);

  data->self = g_object_ref (self);
  data->undo = undo;
  set_busy (self, TRUE);
  linli_backup_restore_async (self->store, path, NULL, restored_cb, data);
}

static void
restore_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  restore (LINLI_BACKUPS_DIALOG (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  restore (LINLI_BACKUPS_DIALOG (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
linli_backups_dialog_dispose (GObject *object)
{
  LinliBackupsDialog *self = LINLI_BACKUPS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_BACKUPS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (linli_backups_dialog_parent_class)->dispose (object);
}

static void
linli_backups_dialog_class_init (LinliBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_backups_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-backups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliBackupsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliBackupsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliBackupsDialog, list_box);

  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL, back_up_now_cb);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s", restore_cb);
  gtk_widget_class_install_action (widget_class, "backups.undo", "s", undo_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_backups_dialog_init (LinliBackupsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinliBackupsDialog *
linli_backups_dialog_new (GtkWindow  *parent,
                          LinliStore *store)
{
  LinliBackupsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_BACKUPS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

/* A restore or a backup is under way. */
gboolean
linli_backups_dialog_is_busy (LinliBackupsDialog *self)
{
  g_return_val_if_fail (LINLI_IS_BACKUPS_DIALOG (self), FALSE);
  return self->busy > 0;
}
