/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-rules.h"
#include "linli-case-section.h"
#include "linli-editor-close.h"
#include "linli-event-editor-util.h"
#include "linli-event-place.h"
#include "linli-event-rules.h"
#include "linli-outreach-editor.h"

/* The editor of an anti-fraud outreach event, shaped like the activity
 * editor: who organised it and spoke, whom it reached and on which scams,
 * and what it reached in numbers. More app installs than attendees asks
 * for a check that they were made off-site. */

struct _LinliOutreachEditor
{
  AdwWindow                 parent_instance;

  GtkRevealer              *error_revealer;
  GtkLabel                 *error_label;
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
  GtkWidget                *delete_group;

  LinliChoicesRow          *organisers_row;
  LinliChoicesRow          *groups_row;
  LinliChoicesRow          *topics_row;
  LinliOrganisationChoices *organisers;
  LinliStore               *store;
  LinliRecord              *original;
  LinliRecord              *baseline;
  LinliRecord              *copy;
  AdwMessageDialog         *confirm;
  GHashTable               *touched;
  gboolean                  loading;
  gboolean                  valid;
  gboolean                  show_all;
  gboolean                  closing;
};

G_DEFINE_FINAL_TYPE (LinliOutreachEditor, linli_outreach_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OUTREACH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
show_banner (LinliOutreachEditor *self,
             const char          *message)
{
  gtk_label_set_text (self->error_label, message ?: "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
collect_errors (LinliOutreachEditor *self,
                LinliOutreachErrors *errors)
{
  g_autoptr(GDateTime) time = NULL;

  linli_outreach_validate (self->copy, errors);
  if (!linli_case_field_read_time (GTK_EDITABLE (self->start_entry), NULL, &time))
    linli_case_errors_set_time_error (&errors->start_at);
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

static void
show_field (LinliOutreachEditor *self,
            GtkWidget           *row,
            GtkWidget           *widget,
            const char          *error)
{
  gboolean touched = g_hash_table_contains (self->touched, widget ? widget : row);

  linli_case_field_show (row, widget, error, NULL, self->show_all || touched);
}

static gboolean
validate (LinliOutreachEditor *self)
{
  g_auto(LinliOutreachErrors) errors = { 0 };
  gboolean more_installs;

  self->valid = collect_errors (self, &errors);
  show_field (self, self->title_row, GTK_WIDGET (self->title_entry), errors.title);
  /* The end is not edited here: a start moved past it says so. */
  show_field (self, self->start_row, GTK_WIDGET (self->start_entry), errors.start_at ?: errors.end_at);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    show_field (self, COUNT_ROW (self, &counts[i]), GTK_WIDGET (COUNT_ENTRY (self, &counts[i])),
                COUNT_ERROR (&errors, &counts[i]));

  /* The check that confirms them is offered only when it is needed, and
   * stays while it is checked. */
  more_installs = linli_record_get_int (self->copy, "app_installs") > linli_record_get_int (self->copy, "attendees");
  gtk_widget_set_visible (self->off_site_row, more_installs || gtk_check_button_get_active (self->off_site_check));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outreach.save", self->valid);
  if (self->confirm != NULL)
    adw_message_dialog_set_response_enabled (self->confirm, "save", self->valid);
  return self->valid;
}

static void
read_fields (LinliOutreachEditor *self)
{
  GtkEditable *entries[] = {
    GTK_EDITABLE (self->title_entry), GTK_EDITABLE (self->start_entry), GTK_EDITABLE (self->speaker_entry),
    GTK_EDITABLE (self->attendees_entry), GTK_EDITABLE (self->leaflets_entry),
    GTK_EDITABLE (self->installs_entry), GTK_EDITABLE (self->consultations_entry),
  };
  g_autofree char *title = linli_case_field_dup_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *speaker = linli_case_field_dup_text (GTK_EDITABLE (self->speaker_entry));
  g_autofree char *notes = linli_case_text_view_dup_text (self->notes_view);
  g_autoptr(GDateTime) start = NULL;
  gint64 format;

  linli_event_fields_add_touched (entries, G_N_ELEMENTS (entries), self->touched);

  linli_record_set_text (self->copy, "title", title);
  if (linli_case_choice_get_key (self->format_row, &format))
    linli_record_set_enum (self->copy, "format", (int) format);
  if (linli_case_field_read_time (GTK_EDITABLE (self->start_entry),
                                  linli_record_get_datetime (self->copy, "start_at"), &start))
    linli_record_set_datetime (self->copy, "start_at", start);
  linli_record_set_text (self->copy, "speaker", speaker);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 count;
      if (linli_event_parse_count (gtk_editable_get_text (COUNT_ENTRY (self, &counts[i])), &count, NULL))
        linli_record_set_int (self->copy, counts[i].column, count);
    }
  linli_record_set_bool (self->copy, "installs_off_site", gtk_check_button_get_active (self->off_site_check));
  linli_record_set_text (self->copy, "notes", notes);
}

static void
field_changed_cb (LinliOutreachEditor *self)
{
  if (self->loading)
    return;
  read_fields (self);
  validate (self);
}

static void
place_changed_cb (LinliOutreachEditor *self)
{
  if (!self->loading)
    validate (self);
}

static void
words_changed_cb (LinliOutreachEditor *self)
{
  g_auto(GStrv) groups = linli_choices_row_dup_labels (self->groups_row);
  g_auto(GStrv) topics = linli_choices_row_dup_labels (self->topics_row);

  if (self->loading)
    return;
  linli_record_set_strv (self->copy, "target_groups", (const char * const *) groups);
  linli_record_set_strv (self->copy, "topics", (const char * const *) topics);
  validate (self);
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
load (LinliOutreachEditor *self)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (LINLI_TYPE_OUTREACH_FORMAT);
  g_autoptr(GArray) format_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) format_labels = g_ptr_array_new ();
  g_autofree char *start = linli_format_local_time (linli_record_get_datetime (self->copy, "start_at"));

  self->loading = TRUE;
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (self->copy, "title"));
  for (guint i = 0; i < formats->n_values; i++)
    {
      gint64 key = formats->values[i].value;
      g_array_append_val (format_keys, key);
      g_ptr_array_add (format_labels, (gpointer) linli_outreach_format_label (formats->values[i].value));
    }
  linli_case_choice_set (self->format_row, (const gint64 *) (gpointer) format_keys->data,
                         (const char * const *) format_labels->pdata, format_labels->len);
  linli_case_choice_set_key (self->format_row, linli_record_get_enum (self->copy, "format"));
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->start_entry), start);
  linli_event_field_set_loaded_text (GTK_EDITABLE (self->speaker_entry), linli_record_get_text (self->copy, "speaker"));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 count = linli_record_get_int (self->copy, counts[i].column);
      if (count > 0)
        linli_event_count_set (COUNT_ENTRY (self, &counts[i]), count);
      linli_event_field_mark_loaded (COUNT_ENTRY (self, &counts[i]));
    }
  gtk_check_button_set_active (self->off_site_check, linli_record_get_bool (self->copy, "installs_off_site"));
  linli_case_text_view_set_text (self->notes_view, linli_record_get_text (self->copy, "notes"));
  linli_event_place_load (self->place, self->store, self->copy);
  self->organisers = linli_organisation_choices_new (self->store, self->organisers_row,
                                                     linli_record_get_refs (self->copy, "organisers"));
  load_words (self->groups_row, linli_outreach_target_groups (), linli_record_get_strv (self->copy, "target_groups"));
  load_words (self->topics_row, linli_outreach_topics (), linli_record_get_strv (self->copy, "topics"));
  self->loading = FALSE;
}

static gboolean
write_outreach (LinliOutreachEditor  *self,
                GError              **error)
{
  gboolean is_new = linli_record_get_id (self->copy) == 0;

  if (!linli_store_begin (self->store, error))
    return FALSE;
  if (linli_organisation_choices_write (self->organisers, self->copy, "organisers", error) &&
      (is_new ? linli_store_insert (self->store, self->copy, error)
              : linli_store_update_from (self->store, self->original, self->copy, error)) &&
      linli_store_commit (self->store, error))
    return TRUE;

  linli_store_rollback (self->store);
  linli_organisation_choices_undo (self->organisers);
  if (is_new)
    linli_record_set_id (self->copy, 0);
  return FALSE;
}

static gboolean
save (LinliOutreachEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) saved = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    return FALSE;
  if (!write_outreach (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The outreach event could not be saved: %s"), error->message);
      show_banner (self, message);
      return FALSE;
    }
  saved = linli_store_get (self->store, LINLI_TYPE_OUTREACH, linli_record_get_id (self->copy), NULL);
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
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (widget);

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
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (widget);
  g_autoptr(LinliRecord) deleted = NULL;
  g_autoptr(GError) error = NULL;

  if (self->original == NULL)
    return;
  deleted = g_object_ref (self->original);
  if (!linli_store_delete (self->store, deleted, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The outreach event could not be deleted: %s"), error->message);
      show_banner (self, message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, deleted);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
respond (GtkWindow  *window,
         const char *response)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (window);

  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (window);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "outreach.save", NULL);
}

static gboolean
linli_outreach_editor_close_request (GtkWindow *window)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (window);

  if (!self->closing && linli_outreach_editor_has_changes (self))
    {
      g_auto(LinliOutreachErrors) errors = { 0 };
      g_autofree char *body = NULL;

      if (self->confirm != NULL)
        {
          gtk_window_present (GTK_WINDOW (self->confirm));
          return TRUE;
        }
      self->show_all = TRUE;
      validate (self);
      if (collect_errors (self, &errors))
        body = g_strdup (_("Changes to this outreach event that are not saved will be lost."));
      else
        {
          g_autofree char *first = linli_outreach_errors_first (&errors);
          /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
          body = g_strdup_printf (_("Changes to this outreach event that are not saved will be lost. It cannot be saved yet: %s."),
                                  first);
        }
      self->confirm = linli_editor_ask_to_save (window, body, self->valid, respond);
      g_object_add_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (linli_outreach_editor_parent_class)->close_request (window);
}

static LinliRecord *
new_outreach (LinliStore *store)
{
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
linli_outreach_editor_constructed (GObject *object)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (object);

  G_OBJECT_CLASS (linli_outreach_editor_parent_class)->constructed (object);

  self->baseline = self->original ? g_object_ref (self->original) : new_outreach (self->store);
  self->copy = linli_record_copy (self->baseline);
  load (self);
  gtk_widget_set_visible (self->delete_group, self->original != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outreach.delete", self->original != NULL);
  gtk_window_set_title (GTK_WINDOW (self), self->original ? linli_record_get_text (self->original, "title")
                                                          : _("New Outreach Event"));
  self->show_all = self->original != NULL;
  validate (self);
}

static void
linli_outreach_editor_dispose (GObject *object)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  g_clear_pointer (&self->organisers, linli_organisation_choices_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_OUTREACH_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->baseline);
  g_clear_object (&self->copy);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (linli_outreach_editor_parent_class)->dispose (object);
}

static void
linli_outreach_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_OUTREACH:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_outreach_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LinliOutreachEditor *self = LINLI_OUTREACH_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_OUTREACH:
      self->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_outreach_editor_class_init (LinliOutreachEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = linli_outreach_editor_constructed;
  object_class->dispose = linli_outreach_editor_dispose;
  object_class->get_property = linli_outreach_editor_get_property;
  object_class->set_property = linli_outreach_editor_set_property;
  window_class->close_request = linli_outreach_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LINLI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTREACH] =
    g_param_spec_object ("outreach", NULL, NULL, LINLI_TYPE_OUTREACH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinliOutreachEditor::saved:
   * @outreach: the event as stored now
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LINLI_TYPE_OUTREACH);
  /**
   * LinliOutreachEditor::deleted:
   * @outreach: the event as it was stored, with its id
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, LINLI_TYPE_OUTREACH);

  g_type_ensure (LINLI_TYPE_EVENT_PLACE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-outreach-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, error_label);
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
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);

  gtk_widget_class_install_action (widget_class, "outreach.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "outreach.delete", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "outreach.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_outreach_editor_init (LinliOutreachEditor *self)
{
  self->touched = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->organisers_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Organisers"), _("Another organisation")));
  self->groups_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Target Groups"), _("Another group")));
  self->topics_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("Sca_m Topics"), _("Another scam")));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->organisers_row));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->groups_row));
  adw_preferences_group_add (self->reach_group, GTK_WIDGET (self->topics_row));
  g_signal_connect_swapped (self->organisers_row, "changed", G_CALLBACK (place_changed_cb), self);
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
                       "outreach", outreach_or_null,
                       NULL);
}

/* Returns: (transfer none): the event as edited so far */
LinliRecord *
linli_outreach_editor_get_copy (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), NULL);
  return self->copy;
}

gboolean
linli_outreach_editor_is_valid (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), FALSE);
  return self->valid;
}

gboolean
linli_outreach_editor_has_changes (LinliOutreachEditor *self)
{
  g_return_val_if_fail (LINLI_IS_OUTREACH_EDITOR (self), FALSE);

  return !linli_record_equal (self->copy, self->baseline) ||
         (self->organisers != NULL && linli_organisation_choices_changed (self->organisers));
}
