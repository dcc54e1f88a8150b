/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-import-dialog.h"
#include "linli-record-names.h"
#include "linli-staff-dialog.h"
#include "linli-staff.h"
#include "linli-worker-editor.h"

/* The staff register (人员): the people at work, with their role, phone
 * and grids, and those who left. Each change is written at once: Add and
 * Edit through the person's editor, Mark as Left with an Undo toast. The
 * lists follow the store, so an import or a grid's properties show here. */

struct _LinliStaffDialog
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *left_group;
  GtkListBox          *active_list;
  GtkListBox          *left_list;

  LinliStore          *store;
  LinliRecordNames    *grid_names;
};

G_DEFINE_FINAL_TYPE (LinliStaffDialog, linli_staff_dialog, ADW_TYPE_WINDOW)

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

static GtkWidget *
button (const char *icon,
        const char *tooltip,
        const char *action,
        gint64      id)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (b), "x", id);
  return b;
}

static void
refill (LinliStaffDialog *self)
{
  g_autoptr(GListModel) workers = linli_store_list (self->store, LINLI_TYPE_WORKER);
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
                                     button ("document-edit-symbolic", _("Edit"), "staff.edit", id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     button ("system-log-out-symbolic", _("Mark as Left"), "staff.mark-left", id));
          gtk_list_box_append (self->active_list, row);
        }
      else
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     button ("edit-undo-symbolic", _("Back at Work"), "staff.return", id));
          gtk_list_box_append (self->left_list, row);
          n_left++;
        }
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->left_group), n_left > 0);
}

static void
store_changed_cb (LinliStaffDialog *self)
{
  refill (self);
}

static void
toast (LinliStaffDialog *self,
       const char       *title,
       LinliRecord      *before)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "staff.undo");
  g_object_set_data_full (G_OBJECT (self), "undo", g_object_ref (before), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error (LinliStaffDialog *self,
            const GError     *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (linli_worker_editor_new (GTK_WINDOW (self), self->store, NULL)));
}

static void
edit_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);
  g_autoptr(LinliRecord) worker = linli_store_get (self->store, LINLI_TYPE_WORKER, g_variant_get_int64 (parameter), NULL);

  if (worker != NULL)
    gtk_window_present (GTK_WINDOW (linli_worker_editor_new (GTK_WINDOW (self), self->store, worker)));
}

static void
mark_left_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);
  g_autoptr(LinliRecord) worker = linli_store_get (self->store, LINLI_TYPE_WORKER, g_variant_get_int64 (parameter), NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (worker == NULL)
    return;
  now = linli_store_now (self->store);
  if (!linli_staff_mark_left (self->store, worker, now, &error))
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (_("%s is marked as left and no longer offered for new work"),
                           linli_record_get_text (worker, "name"));
  toast (self, title, worker);
}

static void
return_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);
  g_autoptr(LinliRecord) worker = linli_store_get (self->store, LINLI_TYPE_WORKER, g_variant_get_int64 (parameter), NULL);
  g_autoptr(LinliRecord) back = NULL;
  g_autoptr(GError) error = NULL;

  if (worker == NULL)
    return;
  back = linli_record_copy (worker);
  linli_record_set_datetime (back, "left_at", NULL);
  if (!linli_staff_save (self->store, worker, back, &error))
    show_error (self, error);
}

/* Writes the person back as they were before the last change. */
static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);
  LinliRecord *before = g_object_get_data (G_OBJECT (self), "undo");
  g_autoptr(LinliRecord) now = NULL;
  g_autoptr(GError) error = NULL;

  if (before == NULL)
    return;
  now = linli_store_get (self->store, LINLI_TYPE_WORKER, linli_record_get_id (before), &error);
  if (now == NULL || !linli_staff_save (self->store, now, before, &error))
    show_error (self, error);
  g_object_set_data (G_OBJECT (self), "undo", NULL);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (widget);

  linli_event_import_open_file (GTK_WIDGET (self->stack), self->store, LINLI_EVENT_CSV_STAFF);
}

static void
linli_staff_dialog_dispose (GObject *object)
{
  LinliStaffDialog *self = LINLI_STAFF_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_STAFF_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->grid_names);

  G_OBJECT_CLASS (linli_staff_dialog_parent_class)->dispose (object);
}

static void
linli_staff_dialog_class_init (LinliStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_staff_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, left_group);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, active_list);
  gtk_widget_class_bind_template_child (widget_class, LinliStaffDialog, left_list);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "staff.edit", "x", edit_cb);
  gtk_widget_class_install_action (widget_class, "staff.mark-left", "x", mark_left_cb);
  gtk_widget_class_install_action (widget_class, "staff.return", "x", return_cb);
  gtk_widget_class_install_action (widget_class, "staff.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "staff.import", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "staff.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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
  self->store = g_object_ref (store);
  self->grid_names = linli_record_names_new (store, LINLI_TYPE_GRID, "name");
  g_signal_connect_swapped (store, "changed::worker", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (store, "changed::grid", G_CALLBACK (store_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add", !linli_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.import", !linli_store_is_read_only (store));
  refill (self);
  return self;
}
