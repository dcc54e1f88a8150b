/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-section-what"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-rules.h"
#include "linli-event-section-what.h"
#include "linli-event-query.h"
#include "linli-event-store.h"

/* What an event is and when: the section both event editors open with.
 * An activity has a type, a status, a start and an end, an organiser, a
 * number of beneficiaries and a description; an outreach event a format,
 * a start and a speaker. The rows an event does not have stay hidden, and
 * its messages are a LinliActivityErrors or a LinliOutreachErrors. */

struct _LinliEventSectionWhat
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *title_row;
  GtkEntry            *title_entry;
  AdwComboRow         *kind_row;
  AdwComboRow         *status_row;
  AdwActionRow        *start_row;
  GtkEntry            *start_entry;
  AdwActionRow        *end_row;
  GtkEntry            *end_entry;
  AdwActionRow        *person_row;
  GtkEntry            *person_entry;
  AdwActionRow        *beneficiaries_row;
  GtkEntry            *beneficiaries_entry;
  AdwActionRow        *description_row;
  GtkTextView         *description_view;

  LinliRecord         *copy;
  gboolean             activity;   /* else an outreach event */
  gboolean             loading;
  gboolean             start_unreadable;
  gboolean             end_unreadable;
  char                *beneficiaries_error;
};

static void linli_event_section_what_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliEventSectionWhat, linli_event_section_what, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION,
                                                      linli_event_section_what_section_init))

/* The messages of the fields here, in either kind's errors; NULL for a
 * field the kind has not. */
typedef struct
{
  char **title;
  char **type;
  char **start_at;
  char **end_at;
  char **beneficiaries;
} Messages;

static Messages
messages_in (LinliEventSectionWhat *self,
             gpointer               errors)
{
  if (self->activity)
    {
      LinliActivityErrors *activity = errors;
      return (Messages) { &activity->title, &activity->type, &activity->start_at, &activity->end_at,
                          &activity->beneficiaries };
    }
  else
    {
      LinliOutreachErrors *outreach = errors;
      return (Messages) { &outreach->title, NULL, &outreach->start_at, &outreach->end_at, NULL };
    }
}

static const char *
person_column (LinliEventSectionWhat *self)
{
  return self->activity ? "organiser" : "speaker";
}

static void
edited (LinliEventSectionWhat *self,
        GtkWidget             *widget)
{
  if (GTK_IS_EDITABLE (widget))
    linli_form_field_touch (widget);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
title_changed_cb (LinliEventSectionWhat *self)
{
  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, "title",
                                   GTK_WIDGET (self->title_entry));
}

/* The activity's type is a word; the outreach's format one of a list. */
static void
kind_changed_cb (LinliEventSectionWhat *self)
{
  gint64 format;

  if (self->loading)
    return;
  if (self->activity)
    linli_record_set_text (self->copy, "type", linli_form_choice_get_string (self->kind_row));
  else if (linli_form_choice_get_key (self->kind_row, &format))
    linli_record_set_enum (self->copy, "format", (int) format);
  edited (self, GTK_WIDGET (self->kind_row));
}

static void
status_changed_cb (LinliEventSectionWhat *self)
{
  gint64 status;

  if (self->loading)
    return;
  if (linli_form_choice_get_key (self->status_row, &status))
    linli_record_set_enum (self->copy, "status", (int) status);
  edited (self, GTK_WIDGET (self->status_row));
}

/* Returns: whether the text is a time, which is then in the copy */
static gboolean
read_time (LinliEventSectionWhat *self,
           GtkEntry              *entry,
           const char            *column)
{
  g_autoptr(GDateTime) time = NULL;

  if (!linli_form_field_read_time (GTK_EDITABLE (entry), linli_record_get_datetime (self->copy, column), &time))
    return FALSE;
  linli_record_set_datetime (self->copy, column, time);
  return TRUE;
}

static void
start_changed_cb (LinliEventSectionWhat *self)
{
  if (self->loading)
    return;
  self->start_unreadable = !read_time (self, self->start_entry, "start_at");
  edited (self, GTK_WIDGET (self->start_entry));
}

static void
end_changed_cb (LinliEventSectionWhat *self)
{
  if (self->loading)
    return;
  self->end_unreadable = !read_time (self, self->end_entry, "end_at");
  edited (self, GTK_WIDGET (self->end_entry));
}

static void
person_changed_cb (LinliEventSectionWhat *self)
{
  /* Indexed by whether it is an activity. */
  static const char * const columns[] = { "speaker", "organiser" };

  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, columns[self->activity],
                                   GTK_WIDGET (self->person_entry));
}

static void
beneficiaries_changed_cb (LinliEventSectionWhat *self)
{
  gint64 count;

  if (self->loading)
    return;
  g_clear_pointer (&self->beneficiaries_error, g_free);
  if (linli_event_parse_count (gtk_editable_get_text (GTK_EDITABLE (self->beneficiaries_entry)),
                               &count, &self->beneficiaries_error))
    linli_record_set_int (self->copy, "beneficiaries", count);
  edited (self, GTK_WIDGET (self->beneficiaries_entry));
}

static void
description_changed_cb (LinliEventSectionWhat *self)
{
  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, "description",
                                   GTK_WIDGET (self->description_view));
}

/* The common types, then any other the office has used. */
static void
load_types (LinliEventSectionWhat *self,
            LinliStore            *store)
{
  g_auto(GStrv) used = linli_store_dup_activity_types (store);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  for (const char * const *type = linli_activity_types (); *type != NULL; type++)
    g_ptr_array_add (types, (gpointer) *type);
  for (guint i = 0; used != NULL && used[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) linli_activity_types (), used[i]))
      g_ptr_array_add (types, used[i]);
  g_ptr_array_add (types, NULL);
  linli_form_choice_set_strings (self->kind_row, (const char * const *) types->pdata,
                                 linli_record_get_text (self->copy, "type"));
}

static void
load_statuses (LinliEventSectionWhat *self)
{
  gint64 statuses[] = { LINLI_ACTIVITY_STATUS_PLANNED, LINLI_ACTIVITY_STATUS_DONE, LINLI_ACTIVITY_STATUS_CANCELLED };
  const char *labels[G_N_ELEMENTS (statuses)];

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    labels[i] = linli_activity_status_label ((LinliActivityStatus) statuses[i]);
  linli_form_choice_set (self->status_row, statuses, labels, G_N_ELEMENTS (statuses));
  linli_form_choice_set_key (self->status_row, linli_record_get_enum (self->copy, "status"));
}

static void
load_formats (LinliEventSectionWhat *self)
{
  g_autoptr(GEnumClass) formats = g_type_class_ref (LINLI_TYPE_OUTREACH_FORMAT);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < formats->n_values; i++)
    {
      gint64 key = formats->values[i].value;
      g_array_append_val (keys, key);
      g_ptr_array_add (labels, (gpointer) linli_outreach_format_label (formats->values[i].value));
    }
  linli_form_choice_set (self->kind_row, (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
  linli_form_choice_set_key (self->kind_row, linli_record_get_enum (self->copy, "format"));
}

/* The title, the rows and the examples of the event's kind. */
static void
show_kind (LinliEventSectionWhat *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   self->activity ? _("Activity") : _("Outreach Event"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), self->activity ? _("T_ype") : _("_Format"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row),
                                 self->activity ? _("_Organiser") : _("S_peaker"));
  gtk_entry_set_placeholder_text (self->title_entry, self->activity ? "学雷锋志愿服务进社区" : "医学院反诈宣讲");
  gtk_entry_set_placeholder_text (self->person_entry, self->activity ? "社区党支部" : "派出所民警");
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), self->activity);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), self->activity);
  gtk_widget_set_visible (GTK_WIDGET (self->beneficiaries_row), self->activity);
  gtk_widget_set_visible (GTK_WIDGET (self->description_row), self->activity);
}

static void
what_load (LinliRecordSection *section,
           LinliStore         *store,
           LinliRecord        *copy,
           LinliRecord        *original)
{
  LinliEventSectionWhat *self = LINLI_EVENT_SECTION_WHAT (section);

  g_return_if_fail (LINLI_IS_ACTIVITY (copy) || LINLI_IS_OUTREACH (copy));

  self->loading = TRUE;
  g_set_object (&self->copy, copy);
  self->activity = LINLI_IS_ACTIVITY (copy);
  show_kind (self);

  linli_form_field_set_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (copy, "title"));
  linli_form_field_set_time (GTK_EDITABLE (self->start_entry), linli_record_get_datetime (copy, "start_at"));
  linli_form_field_set_text (GTK_EDITABLE (self->person_entry), linli_record_get_text (copy, person_column (self)));
  if (self->activity)
    {
      load_types (self, store);
      load_statuses (self);
      linli_form_field_set_time (GTK_EDITABLE (self->end_entry), linli_record_get_datetime (copy, "end_at"));
      if (linli_record_get_int (copy, "beneficiaries") > 0)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, linli_record_get_int (copy, "beneficiaries"));
          gtk_editable_set_text (GTK_EDITABLE (self->beneficiaries_entry), count);
        }
      linli_form_text_view_set_text (self->description_view, linli_record_get_text (copy, "description"));
    }
  else
    load_formats (self);
  self->start_unreadable = self->end_unreadable = FALSE;
  g_clear_pointer (&self->beneficiaries_error, g_free);

  self->loading = FALSE;
}

static void
what_check_input (LinliRecordSection *section,
                  gpointer            errors)
{
  LinliEventSectionWhat *self = LINLI_EVENT_SECTION_WHAT (section);
  Messages messages = messages_in (self, errors);

  if (self->start_unreadable)
    linli_form_set_time_error (messages.start_at);
  if (self->activity && self->end_unreadable)
    linli_form_set_time_error (messages.end_at);
  if (self->activity && self->beneficiaries_error != NULL)
    {
      g_free (*messages.beneficiaries);
      *messages.beneficiaries = g_strdup (self->beneficiaries_error);
    }
}

static void
what_show_errors (LinliRecordSection *section,
                  gconstpointer       errors,
                  gboolean            show_all)
{
  LinliEventSectionWhat *self = LINLI_EVENT_SECTION_WHAT (section);
  Messages messages = messages_in (self, (gpointer) errors);

  linli_form_field_show (GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_entry), *messages.title,
                         NULL, show_all);
  if (!self->activity)
    {
      /* The end is not edited here: a start moved past it says so. */
      linli_form_field_show (GTK_WIDGET (self->start_row), GTK_WIDGET (self->start_entry),
                             *messages.start_at ?: *messages.end_at, NULL, show_all);
      return;
    }
  linli_form_field_show (GTK_WIDGET (self->kind_row), NULL, *messages.type, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->start_row), GTK_WIDGET (self->start_entry), *messages.start_at,
                         NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->end_row), GTK_WIDGET (self->end_entry), *messages.end_at,
                         NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->beneficiaries_row), GTK_WIDGET (self->beneficiaries_entry),
                         *messages.beneficiaries, NULL, show_all);
}

static void
linli_event_section_what_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = what_load;
  iface->check_input = what_check_input;
  iface->show_errors = what_show_errors;
}

static void
linli_event_section_what_dispose (GObject *object)
{
  LinliEventSectionWhat *self = LINLI_EVENT_SECTION_WHAT (object);

  g_clear_object (&self->copy);
  g_clear_pointer (&self->beneficiaries_error, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_EVENT_SECTION_WHAT);

  G_OBJECT_CLASS (linli_event_section_what_parent_class)->dispose (object);
}

static void
linli_event_section_what_class_init (LinliEventSectionWhatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_event_section_what_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-event-section-what.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, title_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, status_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, start_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, start_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, end_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, end_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, person_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, person_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, beneficiaries_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, beneficiaries_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, description_row);
  gtk_widget_class_bind_template_child (widget_class, LinliEventSectionWhat, description_view);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, beneficiaries_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
}

static void
linli_event_section_what_init (LinliEventSectionWhat *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
