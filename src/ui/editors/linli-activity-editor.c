/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-activity-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-activity-editor.h"
#include "linli-case-rules.h"
#include "linli-case-section.h"
#include "linli-event-place.h"
#include "linli-event-query.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-organisation-choices.h"
#include "linli-participants-editor.h"
#include "linli-record-editor.h"

/* The editor of a volunteer activity and of who served in it, shaped like
 * the case editor: it edits a copy, checks it after every change with the
 * rules of linli-event-rules, shows each message in the row of its field,
 * keeps Save off until all is right, and writes the activity, its new
 * partner organisations and volunteers and its participations with one
 * store call. */

struct _LinliActivityEditor
{
  LinliRecordEditor        parent_instance;

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

  LinliChoicesRow         *partners_row;
  LinliOrganisationChoices *partners;
};

G_DEFINE_FINAL_TYPE (LinliActivityEditor, linli_activity_editor, LINLI_TYPE_RECORD_EDITOR)

static const LinliRecordEditorTexts texts = {
  N_("The activity could not be saved: %s"),
  N_("The activity could not be deleted: %s"),
  N_("Changes to this activity that are not saved will be lost."),
  /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
  N_("Changes to this activity that are not saved will be lost. It cannot be saved yet: %s."),
};

#define COPY(self) linli_record_editor_get_copy (LINLI_RECORD_EDITOR (self))

/* The fields the copy cannot hold: text that is not a time or a count. */
static void
check_input (LinliActivityEditor *self,
             LinliActivityErrors *errors)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *count_text = linli_form_field_dup_text (GTK_EDITABLE (self->beneficiaries_entry));
  gint64 count;

  if (!linli_form_field_read_time (GTK_EDITABLE (self->start_entry), NULL, &time))
    linli_form_set_time_error (&errors->start_at);
  g_clear_pointer (&time, g_date_time_unref);
  if (!linli_form_field_read_time (GTK_EDITABLE (self->end_entry), NULL, &time))
    linli_form_set_time_error (&errors->end_at);
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
  linli_activity_validate (COPY (self), linli_participants_editor_get_participations (self->participants), errors);
  check_input (self, errors);
  return linli_activity_errors_is_empty (errors);
}

static gboolean
linli_activity_editor_validate (LinliRecordEditor  *editor,
                                gboolean            show_all,
                                char              **first)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  g_auto(LinliActivityErrors) errors = { 0 };
  gboolean valid = collect_errors (self, &errors);

  linli_form_field_show (self->title_row, GTK_WIDGET (self->title_entry), errors.title, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->type_row), NULL, errors.type, NULL, show_all);
  linli_form_field_show (self->start_row, GTK_WIDGET (self->start_entry), errors.start_at, NULL, show_all);
  linli_form_field_show (self->end_row, GTK_WIDGET (self->end_entry), errors.end_at, NULL, show_all);
  linli_form_field_show (self->beneficiaries_row, GTK_WIDGET (self->beneficiaries_entry), errors.beneficiaries,
                         NULL, show_all);
  linli_record_editor_show_sections (editor, &errors, show_all);
  if (first != NULL && !valid)
    *first = linli_activity_errors_first (&errors);
  return valid;
}

static void
read_fields (LinliRecordEditor *editor)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  LinliRecord *copy = COPY (self);
  g_autofree char *title = linli_form_field_dup_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *organiser = linli_form_field_dup_text (GTK_EDITABLE (self->organiser_entry));
  g_autofree char *description = linli_form_text_view_dup_text (self->description_view);
  g_autofree char *count_text = linli_form_field_dup_text (GTK_EDITABLE (self->beneficiaries_entry));
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 status, count = 0;

  linli_record_set_text (copy, "title", title);
  linli_record_set_text (copy, "type", linli_form_choice_get_string (self->type_row));
  if (linli_form_choice_get_key (self->status_row, &status))
    linli_record_set_enum (copy, "status", (int) status);
  if (linli_form_field_read_time (GTK_EDITABLE (self->start_entry),
                                  linli_record_get_datetime (copy, "start_at"), &start))
    linli_record_set_datetime (copy, "start_at", start);
  if (linli_form_field_read_time (GTK_EDITABLE (self->end_entry),
                                  linli_record_get_datetime (copy, "end_at"), &end))
    linli_record_set_datetime (copy, "end_at", end);
  linli_record_set_text (copy, "organiser", organiser);
  if (count_text == NULL || linli_event_parse_count (count_text, &count, NULL))
    linli_record_set_int (copy, "beneficiaries", count);
  linli_record_set_text (copy, "description", description);
}

static void
linli_activity_editor_load (LinliRecordEditor *editor)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  LinliStore *store = linli_record_editor_get_store (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  gint64 statuses[] = { LINLI_ACTIVITY_STATUS_PLANNED, LINLI_ACTIVITY_STATUS_DONE, LINLI_ACTIVITY_STATUS_CANCELLED };
  const char *status_labels[G_N_ELEMENTS (statuses)];
  g_auto(GStrv) used = linli_store_dup_activity_types (store);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  /* The common types, then any other the office has used. */
  for (const char * const *type = linli_activity_types (); *type != NULL; type++)
    g_ptr_array_add (types, (gpointer) *type);
  for (guint i = 0; used != NULL && used[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) linli_activity_types (), used[i]))
      g_ptr_array_add (types, used[i]);
  g_ptr_array_add (types, NULL);

  linli_form_field_set_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (copy, "title"));
  linli_form_choice_set_strings (self->type_row, (const char * const *) types->pdata,
                                 linli_record_get_text (copy, "type"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    status_labels[i] = linli_activity_status_label ((LinliActivityStatus) statuses[i]);
  linli_form_choice_set (self->status_row, statuses, status_labels, G_N_ELEMENTS (statuses));
  linli_form_choice_set_key (self->status_row, linli_record_get_enum (copy, "status"));
  linli_form_field_set_time (GTK_EDITABLE (self->start_entry), linli_record_get_datetime (copy, "start_at"));
  linli_form_field_set_time (GTK_EDITABLE (self->end_entry), linli_record_get_datetime (copy, "end_at"));
  linli_form_field_set_text (GTK_EDITABLE (self->organiser_entry), linli_record_get_text (copy, "organiser"));
  if (linli_record_get_int (copy, "beneficiaries") > 0)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (copy, "beneficiaries"));
      gtk_editable_set_text (GTK_EDITABLE (self->beneficiaries_entry), count);
    }
  linli_form_text_view_set_text (self->description_view, linli_record_get_text (copy, "description"));
  self->partners = linli_organisation_choices_new (store, self->partners_row,
                                                   linli_record_get_refs (copy, "partners"));
}

/* The activity, its new partners, volunteers and participations, in one
 * store call. */
static gboolean
linli_activity_editor_write (LinliRecordEditor  *editor,
                             GError            **error)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);

  linli_organisation_choices_set_refs (self->partners, copy, "partners");
  return linli_store_save_activity (linli_record_editor_get_store (editor),
                                    linli_record_editor_get_original (editor), copy,
                                    linli_organisation_choices_get_added (self->partners),
                                    linli_participants_editor_get_participations (self->participants),
                                    error);
}

/* Who served in it goes with it, for Undo. */
static gboolean
linli_activity_editor_delete (LinliRecordEditor  *editor,
                              gpointer           *children,
                              GDestroyNotify     *free_children,
                              GError            **error)
{
  GPtrArray *participations = NULL;

  if (!linli_store_delete_activity (linli_record_editor_get_store (editor),
                                    linli_record_editor_get_original (editor), &participations, error))
    return FALSE;
  *children = participations;
  *free_children = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gboolean
linli_activity_editor_has_changes_hook (LinliRecordEditor *editor)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);

  return (self->partners != NULL && linli_organisation_choices_changed (self->partners)) ||
         linli_participants_editor_has_changes (self->participants);
}

static LinliRecord *
linli_activity_editor_new_record (LinliRecordEditor *editor)
{
  LinliStore *store = linli_record_editor_get_store (editor);
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

static char *
linli_activity_editor_title_for (LinliRecordEditor *editor,
                                 LinliRecord       *original)
{
  return g_strdup (original != NULL ? linli_record_get_text (original, "title") : _("New Activity"));
}

static void
partners_changed_cb (LinliActivityEditor *self)
{
  linli_record_editor_changed (LINLI_RECORD_EDITOR (self));
}

static void
linli_activity_editor_dispose (GObject *object)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (object);

  g_clear_pointer (&self->partners, linli_organisation_choices_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_ACTIVITY_EDITOR);

  G_OBJECT_CLASS (linli_activity_editor_parent_class)->dispose (object);
}

static void
linli_activity_editor_class_init (LinliActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordEditorClass *editor_class = LINLI_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = linli_activity_editor_dispose;
  editor_class->new_record = linli_activity_editor_new_record;
  editor_class->load = linli_activity_editor_load;
  editor_class->validate = linli_activity_editor_validate;
  editor_class->write = linli_activity_editor_write;
  editor_class->delete = linli_activity_editor_delete;
  editor_class->title_for = linli_activity_editor_title_for;
  editor_class->has_changes = linli_activity_editor_has_changes_hook;
  editor_class->read_fields = read_fields;
  g_type_ensure (LINLI_TYPE_EVENT_PLACE);
  g_type_ensure (LINLI_TYPE_PARTICIPANTS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-activity-editor.ui");
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

  linli_record_editor_class_setup (editor_class, "activity", &texts);
}

static void
linli_activity_editor_init (LinliActivityEditor *self)
{
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
                       "record", activity_or_null,
                       NULL);
}

/* Returns: (transfer none): the activity as edited so far */
LinliRecord *
linli_activity_editor_get_copy (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), NULL);
  return COPY (self);
}

gboolean
linli_activity_editor_is_valid (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), FALSE);
  return linli_record_editor_is_valid (LINLI_RECORD_EDITOR (self));
}

gboolean
linli_activity_editor_has_changes (LinliActivityEditor *self)
{
  g_return_val_if_fail (LINLI_IS_ACTIVITY_EDITOR (self), FALSE);
  return linli_record_editor_has_changes (LINLI_RECORD_EDITOR (self));
}
