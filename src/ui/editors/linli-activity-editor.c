/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-activity-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-activity-editor.h"
#include "linli-event-place.h"
#include "linli-event-rules.h"
#include "linli-event-section-what.h"
#include "linli-event-section-who.h"
#include "linli-event-store.h"
#include "linli-participants-editor.h"

/* The editor of a volunteer activity and of who served in it, built from
 * sections as the case editor is: what and when (shared with outreach),
 * the place, the partner organisations and the participants. It checks
 * the copy with the rules of linli-event-rules after every change and
 * writes the activity, its new partner organisations and volunteers and
 * its participations with one store call. */

struct _LinliActivityEditor
{
  LinliRecordEditor        parent_instance;

  LinliEventSectionWho    *who;
  LinliParticipantsEditor *participants;
};

G_DEFINE_FINAL_TYPE (LinliActivityEditor, linli_activity_editor, LINLI_TYPE_RECORD_EDITOR)

static const LinliRecordEditorTexts texts = {
  N_("The activity could not be saved: %s"),
  N_("The activity could not be deleted: %s"),
  N_("Changes to this activity that are not saved will be lost."),
  /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
  N_("Changes to this activity that are not saved will be lost. It cannot be saved yet: %s."),
};

/* What the rules say about the activity and who served in it, and what
 * the sections could not read; each section shows its own messages. */
static gboolean
linli_activity_editor_validate (LinliRecordEditor  *editor,
                                gboolean            show_all,
                                char              **first)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  g_auto(LinliActivityErrors) errors = { 0 };
  gboolean valid;

  linli_activity_validate (linli_record_editor_get_copy (editor),
                           linli_participants_editor_get_participations (self->participants), &errors);
  linli_record_editor_check_sections (editor, &errors);
  valid = linli_activity_errors_is_empty (&errors);
  linli_record_editor_show_sections (editor, &errors, show_all);
  if (first != NULL && !valid)
    *first = linli_activity_errors_first (&errors);
  return valid;
}

/* The activity, its new partners, volunteers and participations, in one
 * store call. */
static gboolean
linli_activity_editor_write (LinliRecordEditor  *editor,
                             GError            **error)
{
  LinliActivityEditor *self = LINLI_ACTIVITY_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  LinliOrganisationChoices *partners = linli_event_section_who_get_organisations (self->who);

  linli_organisation_choices_set_refs (partners, copy, "partners");
  return linli_store_save_activity (linli_record_editor_get_store (editor),
                                    linli_record_editor_get_original (editor), copy,
                                    linli_organisation_choices_get_added (partners),
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

  return linli_event_section_who_has_changes (self->who) ||
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
linli_activity_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LINLI_TYPE_ACTIVITY_EDITOR);

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
  editor_class->validate = linli_activity_editor_validate;
  editor_class->write = linli_activity_editor_write;
  editor_class->delete = linli_activity_editor_delete;
  editor_class->title_for = linli_activity_editor_title_for;
  editor_class->has_changes = linli_activity_editor_has_changes_hook;
  g_type_ensure (LINLI_TYPE_EVENT_SECTION_WHAT);
  g_type_ensure (LINLI_TYPE_EVENT_PLACE);
  g_type_ensure (LINLI_TYPE_EVENT_SECTION_WHO);
  g_type_ensure (LINLI_TYPE_PARTICIPANTS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, who);
  gtk_widget_class_bind_template_child (widget_class, LinliActivityEditor, participants);

  linli_record_editor_class_setup (editor_class, "activity", &texts);
}

static void
linli_activity_editor_init (LinliActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  g_return_val_if_fail (activity_or_null == NULL || LINLI_IS_ACTIVITY (activity_or_null), NULL);

  return linli_record_editor_new_of (LINLI_TYPE_ACTIVITY_EDITOR, parent, store, activity_or_null);
}
