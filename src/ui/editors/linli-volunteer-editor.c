/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-volunteer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-rules.h"
#include "linli-case-section.h"
#include "linli-volunteer-editor.h"
#include "linli-volunteer-hours.h"

/* A volunteer of the register: the details, with the phone number in full
 * only here, and every activity the volunteer served in with the role and
 * the hours its organiser recorded. */

struct _LinliVolunteerEditor
{
  AdwWindow            parent_instance;

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkWidget           *name_row;
  GtkEntry            *name_entry;
  GtkWidget           *phone_row;
  GtkEntry            *phone_entry;
  GtkEntry            *number_entry;
  GtkEntry            *skills_entry;
  GtkEntry            *notes_entry;
  AdwPreferencesGroup *service_group;

  LinliStore          *store;
  LinliRecord         *copy;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (LinliVolunteerEditor, linli_volunteer_editor, ADW_TYPE_WINDOW)

static gboolean
validate (LinliVolunteerEditor *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *phone = linli_form_field_dup_text (GTK_EDITABLE (self->phone_entry));
  const char *name_error = name == NULL ? _("Enter the volunteer’s name") : NULL;
  const char *phone_error = phone != NULL && !linli_phone_is_valid (phone)
    ? _("Enter a mobile number of 11 digits or a landline with its area code, such as 0537-1234567") : NULL;

  linli_form_field_show (self->name_row, GTK_WIDGET (self->name_entry), name_error, NULL, TRUE);
  linli_form_field_show (self->phone_row, GTK_WIDGET (self->phone_entry), phone_error, NULL, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "volunteer.save", name_error == NULL && phone_error == NULL);
  return name_error == NULL && phone_error == NULL;
}

static void
field_changed_cb (LinliVolunteerEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliVolunteerEditor *self = LINLI_VOLUNTEER_EDITOR (widget);
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *phone = linli_form_field_dup_text (GTK_EDITABLE (self->phone_entry));
  g_autofree char *normal = phone ? linli_phone_normalize (phone) : NULL;
  g_autofree char *number = linli_form_field_dup_text (GTK_EDITABLE (self->number_entry));
  g_autofree char *skills = linli_form_field_dup_text (GTK_EDITABLE (self->skills_entry));
  g_autofree char *notes = linli_form_field_dup_text (GTK_EDITABLE (self->notes_entry));
  g_autoptr(GError) error = NULL;

  if (!validate (self))
    return;
  linli_record_set_text (self->copy, "name", name);
  linli_record_set_text (self->copy, "phone", normal);
  linli_record_set_text (self->copy, "number", number);
  linli_record_set_text (self->copy, "skills", skills);
  linli_record_set_text (self->copy, "notes", notes);
  if (!linli_store_update (self->store, self->copy, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The volunteer could not be saved: %s"), error->message);
      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_activity_cb (GtkWidget *button,
                  gpointer   user_data)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "activity-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (button)));

  /* The activity opens over the main window, where its page is. */
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (button)));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-activity", "x", id);
}

static void
load_service (LinliVolunteerEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = linli_volunteer_list_service (self->store, linli_record_get_id (self->copy),
                                                                NULL, NULL, &error);
  double hours = 0;
  g_autofree char *total = NULL;
  g_autofree char *number = NULL;

  if (services == NULL)
    {
      adw_preferences_group_set_description (self->service_group, error->message);
      return;
    }
  for (guint i = 0; i < services->len; i++)
    {
      LinliService *service = g_ptr_array_index (services, i);
      GtkWidget *row = adw_action_row_new ();
      GDateTime *start = linli_record_get_datetime (service->activity, "start_at");
      g_autoptr(GDateTime) local = start ? g_date_time_to_local (start) : NULL;
      g_autofree char *day = local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
      g_autofree char *service_hours = linli_format_hours (service->hours);
      /* TRANSLATORS: under an activity a volunteer served in: the day, the
       * role and the hours, such as “2026-03-05 · 志愿者 · 2.5 hours” */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s hours"), day, service->role ? service->role : "",
                                                   service_hours);
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
      gint64 id = linli_record_get_id (service->activity);

      hours += service->hours;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (service->activity, "title"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open the Activity"));
      g_object_set_data_full (G_OBJECT (open), "activity-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (open_activity_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      adw_preferences_group_add (self->service_group, row);
    }
  number = linli_format_hours (hours);
  /* TRANSLATORS: a volunteer's service in all: “12 activities, 30.5 hours” */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity, %s hours", "%u activities, %s hours",
                                        services->len), services->len, number);
  adw_preferences_group_set_description (self->service_group, total);
}

static void
linli_volunteer_editor_dispose (GObject *object)
{
  LinliVolunteerEditor *self = LINLI_VOLUNTEER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_VOLUNTEER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->copy);

  G_OBJECT_CLASS (linli_volunteer_editor_parent_class)->dispose (object);
}

static void
linli_volunteer_editor_class_init (LinliVolunteerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_volunteer_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-volunteer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, number_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, skills_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliVolunteerEditor, service_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "volunteer.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "volunteer.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_volunteer_editor_init (LinliVolunteerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinliVolunteerEditor *
linli_volunteer_editor_new (GtkWindow   *parent,
                            LinliStore  *store,
                            LinliRecord *volunteer)
{
  LinliVolunteerEditor *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (LINLI_IS_VOLUNTEER (volunteer), NULL);

  self = g_object_new (LINLI_TYPE_VOLUNTEER_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", linli_record_get_text (volunteer, "name"),
                       NULL);
  self->store = g_object_ref (store);
  self->copy = linli_record_copy (volunteer);
  self->loading = TRUE;
  linli_form_field_set_text (GTK_EDITABLE (self->name_entry), linli_record_get_text (volunteer, "name"));
  linli_form_field_set_text (GTK_EDITABLE (self->phone_entry), linli_record_get_text (volunteer, "phone"));
  linli_form_field_set_text (GTK_EDITABLE (self->number_entry), linli_record_get_text (volunteer, "number"));
  linli_form_field_set_text (GTK_EDITABLE (self->skills_entry), linli_record_get_text (volunteer, "skills"));
  linli_form_field_set_text (GTK_EDITABLE (self->notes_entry), linli_record_get_text (volunteer, "notes"));
  self->loading = FALSE;
  validate (self);
  load_service (self);
  return self;
}
