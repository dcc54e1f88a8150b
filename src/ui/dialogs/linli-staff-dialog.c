/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-import-dialog.h"
#include "linli-job-bar.h"
#include "linli-record-names.h"
#include "linli-staff-dialog.h"
#include "linli-staff.h"
#include "linli-worker-editor.h"

/* The staff register (人员): the people at work, with their role, phone
 * and grids, and those who left. Each change is written at once: Add and
 * Edit through the person's editor, Mark as Left with an Undo toast. The
 * lists follow the store, so an import or a grid's properties show here.
 * An import started here reads and writes in a job shown in the dialog's
 * own job bar, with Cancel; closing the dialog cancels it. */

struct _LinliStaffDialog
{
  LinliRegisterDialog  parent_instance;

  AdwPreferencesGroup *left_group;
  GtkListBox          *active_list;
  GtkListBox          *left_list;

  LinliRecordNames    *grid_names;
};

G_DEFINE_FINAL_TYPE (LinliStaffDialog, linli_staff_dialog, LINLI_TYPE_REGISTER_DIALOG)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
describe (LinliStaffDialog *self,
          LinliRecord      *worker)
{
  g_autofree char *role = linli_worker_dup_role_label (worker);
  g_autofree char *grids = linli_record_names_join (self->grid_names, linli_record_get_refs (worker, "grids"));
  const char *phone = linli_record_get_text (worker, "phone");
  GDateTime *left_at = linli_record_get_datetime (worker, "left_at");
  GString *text = g_string_new (role);

  /* TRANSLATORS: between the parts of a person's description: 网格员 · 13812345678 · 一网格 */
  if (phone != NULL)
    g_string_append_printf (text, _(" · %s"), phone);
  if (grids != NULL && *grids != '\0')
    g_string_append_printf (text, _(" · %s"), grids);
  if (left_at != NULL)
    {
      g_autofree char *day = g_date_time_format (left_at, "%Y-%m-%d");
      g_autofree char *left = g_strdup_printf (_("left on %s"), day);
      g_string_append_printf (text, _(" · %s"), left);
    }
  return g_string_free (text, FALSE);
}

static guint
refill (LinliRegisterDialog *dialog)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (dialog);
  g_autoptr(GListModel) workers = linli_store_list (linli_register_dialog_get_store (dialog), LINLI_TYPE_WORKER);
  guint n = g_list_model_get_n_items (workers), n_left = 0;

  clear_list (self->active_list);
  clear_list (self->left_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (workers, i);
      gint64 id = linli_record_get_id (worker);
      gboolean active = linli_worker_is_active (worker);
      g_autofree char *subtitle = describe (self, worker);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (worker, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, linli_record_get_text (worker, "name"));
      if (active)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     linli_register_dialog_row_button ("document-edit-symbolic", _("Edit"), "staff.edit", id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     linli_register_dialog_row_button ("system-log-out-symbolic", _("Mark as Left"), "staff.mark-left", id));
          gtk_list_box_append (self->active_list, row);
        }
      else
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     linli_register_dialog_row_button ("edit-undo-symbolic", _("Back at Work"), "staff.return", id));
          gtk_list_box_append (self->left_list, row);
          n_left++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->left_group), n_left > 0);
  return n;
}

static GtkWindow *
new_editor (LinliRegisterDialog *self,
            LinliStore          *store,
            LinliRecord         *worker)
{
  return GTK_WINDOW (linli_worker_editor_new (GTK_WINDOW (self), store, worker));
}

/* Writes the person back as they were before the change. */
static gboolean
put_back (LinliStore  *store,
          gpointer     before,
          GError     **error)
{
  g_autoptr(LinliRecord) now = linli_store_get (store, LINLI_TYPE_WORKER, linli_record_get_id (before), error);

  return now != NULL && linli_staff_save (store, now, before, error);
}

static void
mark_left_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);
  LinliStore *store = linli_register_dialog_get_store (self);
  g_autoptr(LinliRecord) worker = linli_register_dialog_dup_record (self, parameter);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (worker == NULL)
    return;
  now = linli_store_now (store);
  if (!linli_staff_mark_left (store, worker, now, &error))
    {
      linli_register_dialog_show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("%s is marked as left and no longer offered for new work"),
                           linli_record_get_text (worker, "name"));
  linli_register_dialog_offer_undo (self, title, linli_undo_new (store, put_back, g_object_ref (worker), g_object_unref));
}

static void
return_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliRegisterDialog *self = LINLI_REGISTER_DIALOG (widget);
  g_autoptr(LinliRecord) worker = linli_register_dialog_dup_record (self, parameter);
  g_autoptr(LinliRecord) back = NULL;
  g_autoptr(GError) error = NULL;

  if (worker == NULL)
    return;
  back = linli_record_copy (worker);
  linli_record_set_datetime (back, "left_at", NULL);
  if (!linli_staff_save (linli_register_dialog_get_store (self), worker, back, &error))
    linli_register_dialog_show_error (self, error);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);

  linli_event_import_open_file (GTK_WIDGET (self->active_list),
                                linli_register_dialog_get_store (LINLI_REGISTER_DIALOG (self)),
                                LINLI_EVENT_CSV_STAFF);
}

static void
linli_staff_dialog_dispose (GObject *object)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (object);

  G_OBJECT_CLASS (linli_staff_dialog_parent_class)->dispose (object);
  g_clear_object (&self->grid_names);
}

static void
linli_staff_dialog_class_init (LinliStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRegisterDialogClass *register_class = LINLI_REGISTER_DIALOG_CLASS (klass);

  object_class->dispose = linli_staff_dialog_dispose;

  register_class->refill = refill;
  register_class->new_editor = new_editor;

  g_type_ensure (LINLI_TYPE_JOB_BAR);
  linli_register_dialog_class_setup (register_class, LINLI_TYPE_WORKER,
                                     RESOURCE_BASE "/ui/linli-staff-dialog.ui", "staff");
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, left_group);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, active_list);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, left_list);

  gtk_widget_class_install_action (widget_class, "staff.mark-left", "x", mark_left_cb);
  gtk_widget_class_install_action (widget_class, "staff.return", "x", return_cb);
  gtk_widget_class_install_action (widget_class, "staff.import", NULL, import_cb);
}

static void
linli_staff_dialog_init (LinliStaffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinliStaffDialog *
linli_staff_dialog_new (GtkWindow  *parent,
                        LinliStore *store)
{
  LinliStaffDialog *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_STAFF_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->grid_names = linli_record_names_new (store, LINLI_TYPE_GRID, "name");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.import", !linli_store_is_read_only (store));
  linli_register_dialog_set_store (LINLI_REGISTER_DIALOG (self), store);
  return self;
}
