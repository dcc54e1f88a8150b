/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-place.h"
#include "linli-event-rules.h"
#include "linli-event-section-what.h"
#include "linli-event-section-who.h"
#include "linli-event-store.h"
#include "linli-outreach-editor.h"
#include "linli-outreach-section-counts.h"

/* The editor of an anti-fraud outreach event, built from sections as the
 * activity editor is: what and when (shared with activities), the place,
 * who organised it and whom it reached on which scams, and what it
 * reached in numbers. */

struct _LinliOutreachEditor
{
  LinliRecordEditor     parent_instance;

  LinliEventSectionWho *who;
};

G_DEFINE_FINAL_TYPE (LinliOutreachEditor, linli_outreach_editor, LINLI_TYPE_RECORD_EDITOR)

static const LinliRecordEditorTexts texts = {
  N_("The outreach event could not be saved: %s"),
  N_("The outreach event could not be deleted: %s"),
  N_("Changes to this outreach event that are not saved will be lost."),
  /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
  N_("Changes to this outreach event that are not saved will be lost. It cannot be saved yet: %s."),
};

/* What the rules say about the event, and what the sections could not
 * read; each section shows its own messages. */
static gboolean
linli_outreach_editor_validate (LinliRecordEditor  *editor,
                                gboolean            show_all,
                                char              **first)
{
  g_auto(LinliOutreachErrors) errors = { 0 };
  gboolean valid;

  linli_outreach_validate (linli_record_editor_get_copy (editor), &errors);
  linli_record_editor_check_sections (editor, &errors);
  valid = linli_outreach_errors_is_empty (&errors);
  linli_record_editor_show_sections (editor, &errors, show_all);
  if (first != NULL && !valid)
    *first = linli_outreach_errors_first (&errors);
  return valid;
}

/* The event and its new organisers, in one store call. */
static gboolean
linli_outreach_editor_write (LinliRecordEditor  *editor,
                             GError            **error)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  LinliOrganisationChoices *organisers = linli_event_section_who_get_organisations (self->who);

  linli_organisation_choices_set_refs (organisers, copy, "organisers");
  return linli_store_save_outreach (linli_record_editor_get_store (editor),
                                    linli_record_editor_get_original (editor), copy,
                                    linli_organisation_choices_get_added (organisers), error);
}

static gboolean
linli_outreach_editor_has_changes_hook (LinliRecordEditor *editor)
{
  return linli_event_section_who_has_changes (LINLI_OUTREACH_EDITOR (editor)->who);
}

static char *
linli_outreach_editor_title_for (LinliRecordEditor *editor,
                                 LinliRecord       *original)
{
  return g_strdup (original != NULL ? linli_record_get_text (original, "title") : _("New Outreach Event"));
}

static LinliRecord *
linli_outreach_editor_new_record (LinliRecordEditor *editor)
{
  LinliStore *store = linli_record_editor_get_store (editor);
  LinliRecord *record = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(GDateTime) now = linli_store_now (store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  /* Outreach is usually recorded once it has happened: this hour today. */
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local),
                                                      g_date_time_get_hour (local), 0, 0);

  linli_record_set_datetime (record, "start_at", start);
  linli_record_set_enum (record, "format", LINLI_OUTREACH_FORMAT_LECTURE);
  return record;
}

static void
linli_outreach_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LINLI_TYPE_OUTREACH_EDITOR);

  G_OBJECT_CLASS (linli_outreach_editor_parent_class)->dispose (object);
}

static void
linli_outreach_editor_class_init (LinliOutreachEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordEditorClass *editor_class = LINLI_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = linli_outreach_editor_dispose;
  editor_class->new_record = linli_outreach_editor_new_record;
  editor_class->validate = linli_outreach_editor_validate;
  editor_class->write = linli_outreach_editor_write;
  editor_class->title_for = linli_outreach_editor_title_for;
  editor_class->has_changes = linli_outreach_editor_has_changes_hook;
  g_type_ensure (LINLI_TYPE_EVENT_SECTION_WHAT);
  g_type_ensure (LINLI_TYPE_EVENT_PLACE);
  g_type_ensure (LINLI_TYPE_EVENT_SECTION_WHO);
  g_type_ensure (LINLI_TYPE_OUTREACH_SECTION_COUNTS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-outreach-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, who);

  linli_record_editor_class_setup (editor_class, "outreach", &texts);
}

static void
linli_outreach_editor_init (LinliOutreachEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_outreach_editor_new:
 * @outreach_or_null: (nullable): the event to edit, %NULL for a new one
 */
LinliOutreachEditor *
linli_outreach_editor_new (GtkWindow   *parent,
                           LinliStore  *store,
                           LinliRecord *outreach_or_null)
{
  g_return_val_if_fail (outreach_or_null == NULL || LINLI_IS_OUTREACH (outreach_or_null), NULL);

  return linli_record_editor_new_of (LINLI_TYPE_OUTREACH_EDITOR, parent, store, outreach_or_null);
}
