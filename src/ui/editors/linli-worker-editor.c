/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-worker-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"
#include "linli-staff.h"
#include "linli-text.h"
#include "linli-worker-editor.h"

/* One person of the staff register (人员): name, role, phone, notes and the
 * grids they serve. Edits a copy; Save writes what changed, and stays off
 * while a field is wrong, with the reason next to it. */

struct _LinliWorkerEditor
{
  AdwWindow       parent_instance;

  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwActionRow   *name_row;
  GtkEntry       *name_entry;
  AdwComboRow    *role_row;
  AdwActionRow   *role_title_row;
  GtkEntry       *role_title_entry;
  AdwActionRow   *phone_row;
  GtkEntry       *phone_entry;
  GtkEntry       *notes_entry;
  AdwPreferencesGroup *grids_group;

  LinliStore     *store;
  LinliRecord    *original;  /* NULL for a new person */
  LinliRecord    *copy;
  GPtrArray      *grid_checks;  /* GtkCheckButton with "grid-id" data */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LinliWorkerEditor, linli_worker_editor, ADW_TYPE_WINDOW)

static void
read_form (LinliWorkerEditor *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *role_title = linli_form_field_dup_text (GTK_EDITABLE (self->role_title_entry));
  g_autofree char *phone = linli_form_field_dup_text (GTK_EDITABLE (self->phone_entry));
  g_autofree char *notes = linli_form_field_dup_text (GTK_EDITABLE (self->notes_entry));
  g_autofree char *folded_phone = linli_text_fold_width (phone, LINLI_WIDTH_NUMBER);
  g_autoptr(GArray) grids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 role;

  linli_record_set_text (self->copy, "name", name);
  if (linli_form_choice_get_key (self->role_row, &role))
    linli_record_set_enum (self->copy, "role", (int) role);
  linli_record_set_text (self->copy, "role_title", role_title);
  linli_record_set_text (self->copy, "phone", folded_phone);
  linli_record_set_text (self->copy, "notes", notes);
  for (guint i = 0; i < self->grid_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->grid_checks, i);
      if (gtk_check_button_get_active (check))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "grid-id");
          g_array_append_val (grids, id);
        }
    }
  linli_record_set_refs (self->copy, "grids", (const gint64 *) (gpointer) grids->data, grids->len);
}

static void
changed_cb (LinliWorkerEditor *self)
{
  LinliWorkerErrors errors = { 0 };
  gboolean valid;

  if (self->loading)
    return;
  read_form (self);
  valid = linli_worker_validate (self->copy, &errors);
  gtk_widget_set_visible (GTK_WIDGET (self->role_title_row),
                          linli_record_get_enum (self->copy, "role") == LINLI_WORKER_ROLE_OTHER);
  linli_form_field_show (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_entry), errors.name, NULL, FALSE);
  linli_form_field_show (GTK_WIDGET (self->role_title_row), GTK_WIDGET (self->role_title_entry), errors.role_title, NULL, FALSE);
  linli_form_field_show (GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_entry), errors.phone, NULL, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "worker.save", valid);
  linli_worker_errors_clear (&errors);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliWorkerEditor *self = LINLI_WORKER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  LinliWorkerErrors errors = { 0 };

  read_form (self);
  if (!linli_worker_validate (self->copy, &errors))
    {
      linli_worker_errors_clear (&errors);
      return;
    }
  linli_worker_normalize (self->copy);
  if (linli_staff_save (self->store, self->original, self->copy, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->original == NULL)
    linli_record_set_id (self->copy, 0);
  {
    g_autofree char *message = g_strdup_printf (_("The person could not be saved: %s"), error->message);
    gtk_label_set_text (self->error_label, message);
    gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  }
}

static void
fill_roles (LinliWorkerEditor *self)
{
  g_autoptr(GEnumClass) roles = g_type_class_ref (LINLI_TYPE_WORKER_ROLE);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < roles->n_values; i++)
    {
      gint64 key = roles->values[i].value;
      g_array_append_val (keys, key);
      g_ptr_array_add (labels, (gpointer) linli_worker_role_label (roles->values[i].value));
    }
  linli_form_choice_set (self->role_row, (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
}

static void
fill_grids (LinliWorkerEditor *self)
{
  g_autoptr(GListModel) grids = linli_store_list (self->store, LINLI_TYPE_GRID);
  GArray *served = linli_record_get_refs (self->copy, "grids");
  guint n = g_list_model_get_n_items (grids);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      gint64 id = linli_record_get_id (grid);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean active = FALSE;

      for (guint j = 0; served != NULL && j < served->len; j++)
        active |= g_array_index (served, gint64, j) == id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (grid, "name") ?: "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), linli_record_get_text (grid, "code") ?: "");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "grid-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->grids_group, row);
      g_ptr_array_add (self->grid_checks, check);
    }
  if (n == 0)
    adw_preferences_group_set_description (self->grids_group,
                                           _("The community has no grids yet: draw them on the Map page, then choose them here."));
}

static void
linli_worker_editor_dispose (GObject *object)
{
  LinliWorkerEditor *self = LINLI_WORKER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_WORKER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->copy);
  g_clear_pointer (&self->grid_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_worker_editor_parent_class)->dispose (object);
}

static void
linli_worker_editor_class_init (LinliWorkerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_worker_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-worker-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, role_title_row);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, role_title_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliWorkerEditor, grids_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "worker.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "worker.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_worker_editor_init (LinliWorkerEditor *self)
{
  self->grid_checks = g_ptr_array_new ();
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_roles (self);
}

/**
 * linli_worker_editor_new:
 * @worker_or_null: (nullable): the person to edit, or %NULL to add one
 */
LinliWorkerEditor *
linli_worker_editor_new (GtkWindow   *parent,
                         LinliStore  *store,
                         LinliRecord *worker_or_null)
{
  LinliWorkerEditor *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (worker_or_null == NULL || LINLI_IS_WORKER (worker_or_null), NULL);

  self = g_object_new (LINLI_TYPE_WORKER_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", worker_or_null != NULL ? _("Edit Person") : _("New Person"),
                       NULL);
  self->store = g_object_ref (store);
  if (worker_or_null != NULL)
    {
      self->original = g_object_ref (worker_or_null);
      self->copy = linli_record_copy (worker_or_null);
    }
  else
    {
      self->copy = linli_record_new (LINLI_TYPE_WORKER);
      linli_record_set_enum (self->copy, "role", LINLI_WORKER_ROLE_GRID_WORKER);
    }

  linli_form_field_set_text (GTK_EDITABLE (self->name_entry), linli_record_get_text (self->copy, "name"));
  linli_form_choice_set_key (self->role_row, linli_record_get_enum (self->copy, "role"));
  linli_form_field_set_text (GTK_EDITABLE (self->role_title_entry), linli_record_get_text (self->copy, "role_title"));
  linli_form_field_set_text (GTK_EDITABLE (self->phone_entry), linli_record_get_text (self->copy, "phone"));
  linli_form_field_set_text (GTK_EDITABLE (self->notes_entry), linli_record_get_text (self->copy, "notes"));
  fill_grids (self);
  self->loading = FALSE;
  changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return self;
}
