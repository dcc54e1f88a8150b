/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-activity-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-activity-editor.h"
#include "linli-case-rules.h"
#include "linli-case-section.h"
#include "linli-editor-close.h"
#include "linli-event-editor-util.h"
#include "linli-event-place.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-participants-editor.h"

/* The editor of a volunteer activity and of who served in it, shaped like
 * the case editor: it edits a copy, checks it after every change with the
 * rules of linli-event-rules, shows each message in the row of its field,
 * keeps Save off until all is right, and writes the activity, its new
 * partner organisations and volunteers and its participations in one
 * transaction. */

struct _LinliActivityEditor
{
  AdwWindow                parent_instance;

  GtkRevealer             *error_revealer;
  GtkLabel                *error_label;
  GtkWidget               *title_row;
  GtkEntry                *title_entry;
  AdwComboRow             *type_row;
  AdwComboRow             *status_row;
  GtkWidget               *start_row;
  GtkEntry                *start_entry;
  GtkWidget               *end_row;
  GtkEntry                *end_entry;
  GtkEntry                *organiser_entry;
  GtkWidget               *beneficiaries_row;
  GtkEntry                *beneficiaries_entry;
  GtkTextView             *description_view;
  LinliEventPlace         *place;
  AdwPreferencesGroup     *partners_group;
  LinliParticipantsEditor *participants;
  GtkWidget               *delete_group;

  LinliChoicesRow         *partners_row;
  LinliOrganisationChoices *partners;
  LinliStore              *store;
  LinliRecord             *original;
  LinliRecord             *baseline;
  LinliRecord             *copy;
  AdwMessageDialog        *confirm;
  GHashTable              *touched;     /* the fields the user changed */
  gboolean                 loading;
  gboolean                 valid;
  gboolean                 show_all;
  gboolean                 closing;
};

G_DEFINE_FINAL_TYPE (LinliActivityEditor, linli_activity_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_banner (LinliActivityEditor *self,
             const char          *message)
{
  gtk_label_set_text (self->error_label, message ?: "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The fields the copy cannot hold: text that is not a time or a count. */
static void
check_input (LinliActivityEditor *self,
             LinliActivityErrors *errors)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *count_text = linli_case_field_dup_text (GTK_EDITABLE (self->beneficiaries_entry));
  gint64 count;

  if (!linli_case_field_read_time (GTK_EDITABLE (self->start_entry), NULL, &time))
    linli_case_errors_set_time_error (&errors->start_at);
  g_clear_pointer (&time, g_date_time_unref);
  if (!linli_case_field_read_time (GTK_EDITABLE (self->end_entry), NULL, &time))
    linli_case_errors_set_time_error (&errors->end_at);
  if (count_text != NULL)
    {
      g_autofree char *message = NULL;
      if (!linli_event_parse_count (count_text, &count, &message))
        {
          g_free (errors->beneficiaries);
          errors->beneficiaries = g_steal_pointer (&message);
        }
    }
}

static gboolean
collect_errors (LinliActivityEditor *self,
                LinliActivityErrors *errors)
{
  linli_activity_validate (self->copy, linli_participants_editor_get_participations (self->participants), errors);
  check_input (self, errors);
  return linli_activity_errors_is_empty (errors);
}

static void
show_field (LinliActivityEditor *self,
            GtkWidget           *row,
            GtkWidget           *widget,
            const char          *error)
{
  gboolean touched = g_hash_table_contains (self->touched, widget ? widget : row);

  linli_case_field_show (row, widget, error, NULL, self->show_all || touched);
}

static gboolean
validate (LinliActivityEditor *self)
{
  g_auto(LinliActivityErrors) errors = { 0 };

  self->valid = collect_errors (self, &errors);
  show_field (self, self->title_row, GTK_WIDGET (self->title_entry), errors.title);
  show_field (self, GTK_WIDGET (self->type_row), NULL, errors.type);
  show_field (self, self->start_row, GTK_WIDGET (self->start_entry), errors.start_at);
  show_field (self, self->end_row, GTK_WIDGET (self->end_entry), errors.end_at);
  show_field (self, self->beneficiaries_row, GTK_WIDGET (self->beneficiaries_entry), errors.beneficiaries);
  linli_participants_editor_show_errors (self->participants, &errors, self->show_all);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.save", self->valid);
  if (self->confirm != NULL)
    adw_message_dialog_set_response_enabled (self->confirm, "save", self->valid);
  return self->valid;
}

/* Reads every field into the copy; a field whose text differs from what was
 * loaded counts as touched. */
static void
read_fields (LinliActivityEditor *self)
{
  GtkEditable *entries[] = {
    GTK_EDITABLE (self->title_entry), GTK_EDITABLE (self->start_entry), GTK_EDITABLE (self->end_entry),
    GTK_EDITABLE (self->organiser_entry), GTK_EDITABLE (self->beneficiaries_entry),
  };
  g_autofree char *title = linli_case_field_dup_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *organiser = linli_case_field_dup_text (GTK_EDITABLE (self->organiser_entry));
  g_autofree char *description = linli_case_text_view_dup_text (self->description_view);
  g_autofree char *count_text = linli_case_field_dup_text (GTK_EDITABLE (self->beneficiaries_entry));
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 status, count = 0;

  linli_event_fields_add_touched (entries, G_N_ELEMENTS (entries), self->touched);

  linli_record_set_text (self->copy, "title", title);
  linli_record_set_text (self->copy, "type", linli_case_choice_get_string (self->type_row));
  if (linli_case_choice_get_key (self->status_row, &status))
    linli_record_set_enum (self->copy, "status", (int) status);
  if (linli_case_field_read_time (GTK_EDITABLE (self->start_entry),
                                  linli_record_get_datetime (self->copy, "start_at"), &start))
    linli_record_set_datetime (self->copy, "start_at", start);
  if (linli_case_field_read_time (GTK_EDITABLE (self->end_entry),
                                  linli_record_get_datetime (self->copy, "end_at"), &end))
    linli_record_set_datetime (self->copy, "end_at", end);
  linli_record_set_text (self->copy, "organiser", organiser);
  if (count_text == NULL || linli_event_parse_count (count_text, &count, NULL))
    linli_record_set_int (self->copy, "beneficiaries", count);
  linli_record_set_text (self->copy, "description", description);
}

static void
field_changed_cb (LinliActivityEditor *self)
{
  if (self->loading)
    return;
  read_fields (self);
  validate (self);
}

static void
place_changed_cb (LinliActivityEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
load (LinliActivityEditor *self)
{
  gint64 statuses[] = { LINLI_ACTIVITY_STATUS_PLANNED, LINLI_ACTIVITY_STATUS_DONE, LINLI_ACTIVITY_STATUS_CANCELLED };
  const char *status_labels[G_N_ELEMENTS (statuses)];
  g_autofree char *start = linli_format_local_time (linli_record_get_datetime (self->copy, "start_at"));
  g_autofree char *end = linli_format_local_time (linli_record_get_datetime (self->copy, "end_at"));
  g_autoptr(GPtrArray) participations = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) used = linli_store_dup_activity_types (self->store);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  /* The common types, then any other the office has used. */
  for (const char * const *type = linli_activity_types (); *type != NULL; type++)
    g_ptr_array_add (types, (gpointer) *type);
  for (guint i = 0; used != NULL && used[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) linli_activity_types (), used[i]))
      g_ptr_array_add (types, used[i]);
  g_ptr_array_add (types, NULL);

  self->loading = TRUE;
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (self->copy, "title"));
  linli_case_choice_set_strings (self->type_row, (const char * const *) types->pdata,
                                 linli_record_get_text (self->copy, "type"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    status_labels[i] = linli_activity_status_label ((LinliActivityStatus) statuses[i]);
  linli_case_choice_set (self->status_row, statuses, status_labels, G_N_ELEMENTS (statuses));
  linli_case_choice_set_key (self->status_row, linli_record_get_enum (self->copy, "status"));
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->start_entry), start);
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->end_entry), end);
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->organiser_entry), linli_record_get_text (self->copy, "organiser"));
  if (linli_record_get_int (self->copy, "beneficiaries") > 0)
    linli_event_count_set (GTK_EDITABLE (self->beneficiaries_entry), linli_record_get_int (self->copy, "beneficiaries"));
  linli_event_field_mark_loaded (GTK_EDITABLE (self->beneficiaries_entry));
  linli_case_text_view_set_text (self->description_view, linli_record_get_text (self->copy, "description"));
  linli_event_place_load (self->place, self->store, self->copy);
  self->partners = linli_organisation_choices_new (self->store, self->partners_row,
                                                   linli_record_get_refs (self->copy, "partners"));
  if (self->original != NULL)
    {
      participations = linli_store_load_participations (self->store, linli_record_get_id (self->original), &error);
      if (participations == NULL)
        show_banner (self, error->message);
    }
  linli_participants_editor_load (self->participants, self->store, participations);
  self->loading = FALSE;
}

static gboolean
write_activity (LinliActivityEditor  *self,
                GError              **error)
{
  GPtrArray *participations = linli_participants_editor_get_participations (self->participants);
  gboolean is_new = linli_record_get_id (self->copy) == 0;

  if (!linli_store_begin (self->store, error))
    return FALSE;
  if (linli_organisation_choices_write (self->partners, self->copy, "partners", error) &&
      linli_store_save_activity (self->store, self->copy, participations, error) &&
      linli_store_commit (self->store, error))
    return TRUE;

  linli_store_rollback (self->store);
  linli_organisation_choices_undo (self->partners);
  if (is_new)
    linli_record_set_id (self->copy, 0);
  return FALSE;
}

static gboolean
save (LinliActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) saved = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    return FALSE;
  if (!write_activity (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The activity could not be saved: %s"), error->message);
      show_banner (self, message);
      return FALSE;
    }
  saved = linli_store_get (self->store, LINLI_TYPE_ACTIVITY, linli_record_get_id (self->copy), NULL);
  if (saved == NULL)
    saved = linli_record_copy (self->copy);
  g_set_object (&self->original, saved);
  g_set_object (&self->baseline, saved);
  show_banner (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (widget);

  if (save (self))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (widget);
  g_autoptr(LinliRecord) deleted = NULL;
  g_autoptr(GPtrArray) participations = NULL;
  g_autoptr(GError) error = NULL;

  if (self->original == NULL)
    return;
  deleted = g_object_ref (self->original);
  if (!linli_store_delete_activity (self->store, deleted, &participations, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The activity could not be deleted: %s"), error->message);
      show_banner (self, message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, deleted, participations);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
respond (GtkWindow  *window,
         const char *response)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (window);

  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (window);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "activity.save", NULL);
}

static gboolean
linli_activity_editor_close_request (GtkWindow *window)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (window);

  if (!self->closing && linli_activity_editor_has_changes (self))
    {
      g_auto(LinliActivityErrors) errors = { 0 };
      g_autofree char *body = NULL;

      if (self->confirm != NULL)
        {
          gtk_window_present (GTK_WINDOW (self->confirm));
          return TRUE;
        }
      self->show_all = TRUE;
      validate (self);
      if (collect_errors (self, &errors))
        body = g_strdup (_("Changes to this activity that are not saved will be lost."));
      else
        {
          g_autofree char *first = linli_activity_errors_first (&errors);
          /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
          body = g_strdup_printf (_("Changes to this activity that are not saved will be lost. It cannot be saved yet: %s."),
                                  first);
        }
      self->confirm = linli_editor_ask_to_save (window, body, self->valid, respond);
      g_object_add_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (linli_activity_editor_parent_class)->close_request (window);
}

static LinliRecord *
new_activity (LinliStore *store)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(GDateTime) now = linli_store_now (store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  /* The next hour, for two hours: what an activity usually is. */
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local),
                                                      g_date_time_get_hour (local), 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_hours (start, 1);
  g_autoptr(GDateTime) end = g_date_time_add_hours (next, 2);

  linli_record_set_datetime (record, "start_at", next);
  linli_record_set_datetime (record, "end_at", end);
  linli_record_set_text (record, "type", linli_activity_types ()[0]);
  linli_record_set_enum (record, "status", LINLI_ACTIVITY_STATUS_PLANNED);
  return record;
}

static void
update_title (LinliActivityEditor *self)
{
  gtk_window_set_title (GTK_WINDOW (self), self->original ? linli_record_get_text (self->original, "title")
                                                          : _("New Activity"));
}

static void
linli_activity_editor_constructed (GObject *object)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (object);

  G_OBJECT_CLASS (linli_activity_editor_parent_class)->constructed (object);

  self->baseline = self->original ? g_object_ref (self->original) : new_activity (self->store);
  self->copy = linli_record_copy (self->baseline);
  load (self);
  gtk_widget_set_visible (self->delete_group, self->original != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.delete", self->original != NULL);
  update_title (self);
  self->show_all = self->original != NULL;
  validate (self);
}

static void
partners_changed_cb (LinliActivityEditor *self)
{
  validate (self);
}

static void
linli_activity_editor_dispose (GObject *object)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  g_clear_pointer (&self->partners, linli_organisation_choices_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_ACTIVITY_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->baseline);
  g_clear_object (&self->copy);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (linli_activity_editor_parent_class)->dispose (object);
}

static void
linli_activity_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTIVITY:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_activity_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTIVITY:
      self->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_activity_editor_class_init (LinliActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = linli_activity_editor_constructed;
  object_class->dispose = linli_activity_editor_dispose;
  object_class->get_property = linli_activity_editor_get_property;
  object_class->set_property = linli_activity_editor_set_property;
  window_class->close_request = linli_activity_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LINLI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, LINLI_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinliActivityEditor::saved:
   * @activity: the activity as stored now
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LINLI_TYPE_ACTIVITY);
  /**
   * LinliActivityEditor::deleted:
   * @activity: the activity as it was stored, with its id
   * @participations: (element-type LinliParticipation): who served in it
   *
   * The list shows a toast and may put them back on Undo.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, LINLI_TYPE_ACTIVITY, G_TYPE_PTR_ARRAY);

  g_type_ensure (LINLI_TYPE_EVENT_PLACE);
  g_type_ensure (LINLI_TYPE_PARTICIPANTS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, organiser_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, beneficiaries_row);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, beneficiaries_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, place);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, partners_group);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, participants);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);

  gtk_widget_class_install_action (widget_class, "activity.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "activity.delete", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "activity.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_activity_editor_init (LinliActivityEditor *self)
{
  self->touched = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->partners_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Partners"), _("Another organisation")));
  adw_preferences_group_add (self->partners_group, GTK_WIDGET (self->partners_row));
  g_signal_connect_swapped (self->partners_row, "changed", G_CALLBACK (partners_changed_cb), self);
}

/**
 * linli_activity_editor_new:
 * @activity_or_null: (nullable): the activity to edit, %NULL for a new one
 */
LinliActivityEditor *
linli_activity_editor_new (GtkWindow   *parent,
                           LinliStore  *store,
                           LinliRecord *activity_or_null)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (activity_or_null == NULL || LINLI_IS_ACTIVITY (activity_or_null), NULL);

  return g_object_new (LINLI_TYPE_ACTIVITY_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       "activity", activity_or_null,
                       NULL);
}

/* Returns: (transfer none): the activity as edited so far */
LinliRecord *
linli_activity_editor_get_copy (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), NULL);
  return self->copy;
}

gboolean
linli_activity_editor_is_valid (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), FALSE);
  return self->valid;
}

gboolean
linli_activity_editor_has_changes (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), FALSE);

  return !linli_record_equal (self->copy, self->baseline) ||
         (self->partners != NULL && linli_organisation_choices_changed (self->partners)) ||
         linli_participants_editor_has_changes (self->participants);
}
