/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-rules.h"
#include "linli-case-section.h"
#include "linli-event-place.h"
#include "linli-event-rules.h"
#include "linli-event-store.h"
#include "linli-organisation-choices.h"
#include "linli-outreach-editor.h"

/* The editor of an anti-fraud outreach event, shaped like the activity
 * editor: who organised it and spoke, whom it reached and on which scams,
 * and what it reached in numbers. More app installs than attendees asks
 * for a check that they were made off-site. */

struct _LinliOutreachEditor
{
  LinliRecordEditor         parent_instance;

  GtkWidget                *title_row;
  GtkEntry                 *title_entry;
  AdwComboRow              *format_row;
  GtkWidget                *start_row;
  GtkEntry                 *start_entry;
  GtkEntry                 *speaker_entry;
  LinliEventPlace          *place;
  AdwPreferencesGroup      *reach_group;
  GtkWidget                *attendees_row;
  GtkEntry                 *attendees_entry;
  GtkWidget                *leaflets_row;
  GtkEntry                 *leaflets_entry;
  GtkWidget                *installs_row;
  GtkEntry                 *installs_entry;
  GtkWidget                *off_site_row;
  GtkCheckButton           *off_site_check;
  GtkWidget                *consultations_row;
  GtkEntry                 *consultations_entry;
  GtkTextView              *notes_view;

  LinliChoicesRow          *organisers_row;
  LinliChoicesRow          *groups_row;
  LinliChoicesRow          *topics_row;
  LinliOrganisationChoices *organisers;
};

G_DEFINE_FINAL_TYPE (LinliOutreachEditor, linli_outreach_editor, LINLI_TYPE_RECORD_EDITOR)

static const LinliRecordEditorTexts texts = {
  N_("The outreach event could not be saved: %s"),
  N_("The outreach event could not be deleted: %s"),
  N_("Changes to this outreach event that are not saved will be lost."),
  /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
  N_("Changes to this outreach event that are not saved will be lost. It cannot be saved yet: %s."),
};

#define COPY(self) linli_record_editor_get_copy (LINLI_RECORD_EDITOR (self))

typedef struct
{
  const char *column;
  gsize       entry_offset;
  gsize       row_offset;
  gsize       error_offset;
} Count;

static const Count counts[] = {
  { "attendees", G_STRUCT_OFFSET (LinliOutreachEditor, attendees_entry),
    G_STRUCT_OFFSET (LinliOutreachEditor, attendees_row), G_STRUCT_OFFSET (LinliOutreachErrors, attendees) },
  { "leaflets", G_STRUCT_OFFSET (LinliOutreachEditor, leaflets_entry),
    G_STRUCT_OFFSET (LinliOutreachEditor, leaflets_row), G_STRUCT_OFFSET (LinliOutreachErrors, leaflets) },
  { "app_installs", G_STRUCT_OFFSET (LinliOutreachEditor, installs_entry),
    G_STRUCT_OFFSET (LinliOutreachEditor, installs_row), G_STRUCT_OFFSET (LinliOutreachErrors, app_installs) },
  { "consultations", G_STRUCT_OFFSET (LinliOutreachEditor, consultations_entry),
    G_STRUCT_OFFSET (LinliOutreachEditor, consultations_row), G_STRUCT_OFFSET (LinliOutreachErrors, consultations) },
};

#define COUNT_ENTRY(self, c) G_STRUCT_MEMBER (GtkEditable *, self, (c)->entry_offset)
#define COUNT_ROW(self, c)   G_STRUCT_MEMBER (GtkWidget *, self, (c)->row_offset)
#define COUNT_ERROR(e, c)    G_STRUCT_MEMBER (char *, e, (c)->error_offset)

static gboolean
collect_errors (LinliOutreachEditor *self,
                LinliOutreachErrors *errors)
{
  g_autoptr(GDateTime) time = NULL;

  linli_outreach_validate (COPY (self), errors);
  if (!linli_form_field_read_time (GTK_EDITABLE (self->start_entry), NULL, &time))
    linli_form_set_time_error (&errors->start_at);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *message = NULL;
      gint64 count;

      if (!linli_event_parse_count (gtk_editable_get_text (COUNT_ENTRY (self, &counts[i])), &count, &message))
        {
          g_free (COUNT_ERROR (errors, &counts[i]));
          COUNT_ERROR (errors, &counts[i]) = g_steal_pointer (&message);
        }
    }
  return linli_outreach_errors_is_empty (errors);
}

static gboolean
linli_outreach_editor_validate (LinliRecordEditor  *editor,
                                gboolean            show_all,
                                char              **first)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  g_auto(LinliOutreachErrors) errors = { 0 };
  gboolean valid = collect_errors (self, &errors);
  gboolean more_installs;

  linli_form_field_show (self->title_row, GTK_WIDGET (self->title_entry), errors.title, NULL, show_all);
  /* The end is not edited here: a start moved past it says so. */
  linli_form_field_show (self->start_row, GTK_WIDGET (self->start_entry), errors.start_at ?: errors.end_at,
                         NULL, show_all);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    linli_form_field_show (COUNT_ROW (self, &counts[i]), GTK_WIDGET (COUNT_ENTRY (self, &counts[i])),
                           COUNT_ERROR (&errors, &counts[i]), NULL, show_all);

  /* The check that confirms them is offered only when it is needed, and
   * stays while it is checked. */
  more_installs = linli_record_get_int (copy, "app_installs") > linli_record_get_int (copy, "attendees");
  gtk_widget_set_visible (self->off_site_row, more_installs || gtk_check_button_get_active (self->off_site_check));
  if (first != NULL && !valid)
    *first = linli_outreach_errors_first (&errors);
  return valid;
}

static void
read_fields (LinliRecordEditor *editor)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);
  LinliRecord *copy = COPY (self);
  g_autofree char *title = linli_form_field_dup_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *speaker = linli_form_field_dup_text (GTK_EDITABLE (self->speaker_entry));
  g_autofree char *notes = linli_form_text_view_dup_text (self->notes_view);
  g_autoptr(GDateTime) start = NULL;
  gint64 format;

  linli_record_set_text (copy, "title", title);
  if (linli_form_choice_get_key (self->format_row, &format))
    linli_record_set_enum (copy, "format", (int) format);
  if (linli_form_field_read_time (GTK_EDITABLE (self->start_entry),
                                  linli_record_get_datetime (copy, "start_at"), &start))
    linli_record_set_datetime (copy, "start_at", start);
  linli_record_set_text (copy, "speaker", speaker);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 count;
      if (linli_event_parse_count (gtk_editable_get_text (COUNT_ENTRY (self, &counts[i])), &count, NULL))
        linli_record_set_int (copy, counts[i].column, count);
    }
  linli_record_set_bool (copy, "installs_off_site", gtk_check_button_get_active (self->off_site_check));
  linli_record_set_text (copy, "notes", notes);
}

static void
organisers_changed_cb (LinliOutreachEditor *self)
{
  if (!linli_record_editor_is_loading (LINLI_RECORD_EDITOR (self)))
    linli_record_editor_changed (LINLI_RECORD_EDITOR (self));
}

static void
words_changed_cb (LinliOutreachEditor *self)
{
  g_auto(GStrv) groups = linli_choices_row_dup_labels (self->groups_row);
  g_auto(GStrv) topics = linli_choices_row_dup_labels (self->topics_row);

  if (linli_record_editor_is_loading (LINLI_RECORD_EDITOR (self)))
    return;
  linli_record_set_strv (COPY (self), "target_groups", (const char * const *) groups);
  linli_record_set_strv (COPY (self), "topics", (const char * const *) topics);
  linli_record_editor_changed (LINLI_RECORD_EDITOR (self));
}

static void
add_word_cb (LinliChoicesRow *row,
             const char      *word)
{
  /* The keys of words are their places in the row. */
  linli_choices_row_add (row, linli_choices_row_get_n_items (row), word, TRUE);
}

/* The common words first, then any others the event has. */
static void
load_words (LinliChoicesRow    *row,
            const char * const *common,
            const char * const *chosen)
{
  gint64 key = 0;

  linli_choices_row_clear (row);
  for (guint i = 0; common[i] != NULL; i++)
    linli_choices_row_add (row, key++, common[i],
                           chosen != NULL && g_strv_contains (chosen, common[i]));
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!linli_choices_row_has_label (row, chosen[i]))
      linli_choices_row_add (row, key++, chosen[i], TRUE);
}

static void
linli_outreach_editor_load (LinliRecordEditor *editor)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);
  LinliStore *store = linli_record_editor_get_store (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  g_autoptr(GEnumClass) formats = g_type_class_ref (LINLI_TYPE_OUTREACH_FORMAT);
  g_autoptr(GArray) format_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) format_labels = g_ptr_array_new ();

  linli_form_field_set_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (copy, "title"));
  for (guint i = 0; i < formats->n_values; i++)
    {
      gint64 key = formats->values[i].value;
      g_array_append_val (format_keys, key);
      g_ptr_array_add (format_labels, (gpointer) linli_outreach_format_label (formats->values[i].value));
    }
  linli_form_choice_set (self->format_row, (const gint64 *) (gpointer) format_keys->data,
                         (const char * const *) format_labels->pdata, format_labels->len);
  linli_form_choice_set_key (self->format_row, linli_record_get_enum (copy, "format"));
  linli_form_field_set_time (GTK_EDITABLE (self->start_entry), linli_record_get_datetime (copy, "start_at"));
  linli_form_field_set_text (GTK_EDITABLE (self->speaker_entry), linli_record_get_text (copy, "speaker"));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 count = linli_record_get_int (copy, counts[i].column);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      if (count > 0)
        gtk_editable_set_text (COUNT_ENTRY (self, &counts[i]), text);
    }
  gtk_check_button_set_active (self->off_site_check, linli_record_get_bool (copy, "installs_off_site"));
  linli_form_text_view_set_text (self->notes_view, linli_record_get_text (copy, "notes"));
  self->organisers = linli_organisation_choices_new (store, self->organisers_row,
                                                     linli_record_get_refs (copy, "organisers"));
  load_words (self->groups_row, linli_outreach_target_groups (), linli_record_get_strv (copy, "target_groups"));
  load_words (self->topics_row, linli_outreach_topics (), linli_record_get_strv (copy, "topics"));
}

/* The event and its new organisers, in one store call. */
static gboolean
linli_outreach_editor_write (LinliRecordEditor  *editor,
                             GError            **error)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);

  linli_organisation_choices_set_refs (self->organisers, copy, "organisers");
  return linli_store_save_outreach (linli_record_editor_get_store (editor),
                                    linli_record_editor_get_original (editor), copy,
                                    linli_organisation_choices_get_added (self->organisers), error);
}

static gboolean
linli_outreach_editor_has_changes_hook (LinliRecordEditor *editor)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (editor);

  return self->organisers != NULL && linli_organisation_choices_changed (self->organisers);
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
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (object);

  g_clear_pointer (&self->organisers, linli_organisation_choices_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_OUTREACH_EDITOR);

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
  editor_class->load = linli_outreach_editor_load;
  editor_class->validate = linli_outreach_editor_validate;
  editor_class->write = linli_outreach_editor_write;
  editor_class->title_for = linli_outreach_editor_title_for;
  editor_class->has_changes = linli_outreach_editor_has_changes_hook;
  editor_class->read_fields = read_fields;
  g_type_ensure (LINLI_TYPE_EVENT_PLACE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-outreach-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, speaker_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, place);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, reach_group);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, attendees_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, leaflets_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, leaflets_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, installs_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, installs_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, off_site_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, off_site_check);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, consultations_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, consultations_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, notes_view);

  linli_record_editor_class_setup (editor_class, "outreach", &texts);
}

static void
linli_outreach_editor_init (LinliOutreachEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->organisers_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Organisers"), _("Another organisation")));
  self->groups_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Target Groups"), _("Another group")));
  self->topics_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("Sca_m Topics"), _("Another scam")));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->organisers_row));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->groups_row));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->topics_row));
  g_signal_connect_swapped (self->organisers_row, "changed", G_CALLBACK (organisers_changed_cb), self);
  g_signal_connect_swapped (self->groups_row, "changed", G_CALLBACK (words_changed_cb), self);
  g_signal_connect_swapped (self->topics_row, "changed", G_CALLBACK (words_changed_cb), self);
  g_signal_connect (self->groups_row, "add", G_CALLBACK (add_word_cb), NULL);
  g_signal_connect (self->topics_row, "add", G_CALLBACK (add_word_cb), NULL);
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
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (outreach_or_null == NULL || LINLI_IS_OUTREACH (outreach_or_null), NULL);

  return g_object_new (LINLI_TYPE_OUTREACH_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       "record", outreach_or_null,
                       NULL);
}

/* Returns: (transfer none): the event as edited so far */
LinliRecord *
linli_outreach_editor_get_copy (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), NULL);
  return COPY (self);
}

gboolean
linli_outreach_editor_is_valid (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), FALSE);
  return linli_record_editor_is_valid (LINLI_RECORD_EDITOR (self));
}

gboolean
linli_outreach_editor_has_changes (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), FALSE);
  return linli_record_editor_has_changes (LINLI_RECORD_EDITOR (self));
}
