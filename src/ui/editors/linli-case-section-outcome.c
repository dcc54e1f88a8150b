/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-outcome"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-outcome.h"

/* How the case ended: the level it was resolved at (小事不出网格，大事不出
 * 社区), the resolution and its time, and the follow-up visit with the
 * resident's satisfaction. Always shown; the rules ask for them by status.
 * A change of status elsewhere may fill some in: the section follows the
 * copy for those. */

struct _LinliCaseSectionOutcome
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *level_row;
  AdwActionRow        *resolution_row;
  GtkTextView         *resolution_view;
  AdwActionRow        *resolved_row;
  GtkEntry            *resolved_entry;
  AdwActionRow        *revisited_row;
  GtkEntry            *revisited_entry;
  AdwComboRow         *satisfaction_row;
  GtkTextView         *notes_view;

  LinliRecord         *copy;
  gulong               notify_id;
  gboolean             loading;
  gboolean             writing;
  gboolean             resolved_unreadable;
  gboolean             revisited_unreadable;
};

static void linli_case_section_outcome_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionOutcome, linli_case_section_outcome, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_outcome_section_init))

static void
edited (LinliCaseSectionOutcome *self,
        GtkWidget               *widget)
{
  linli_form_field_touch (widget);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
level_changed_cb (LinliCaseSectionOutcome *self)
{
  gint64 level;

  if (self->loading || !linli_form_choice_get_key (self->level_row, &level))
    return;
  self->writing = TRUE;
  linli_record_set_enum (self->copy, "resolution_level", (int) level);
  self->writing = FALSE;
  edited (self, GTK_WIDGET (self->level_row));
}

static void
resolution_changed_cb (LinliCaseSectionOutcome *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = linli_form_text_view_dup_text (self->resolution_view);
  linli_record_set_text (self->copy, "resolution", text);
  edited (self, GTK_WIDGET (self->resolution_view));
}

static gboolean
read_time (LinliCaseSectionOutcome *self,
           GtkEntry                *entry,
           const char              *column)
{
  g_autoptr(GDateTime) time = NULL;

  if (!linli_form_field_read_time (GTK_EDITABLE (entry), linli_record_get_datetime (self->copy, column), &time))
    return FALSE;
  self->writing = TRUE;
  linli_record_set_datetime (self->copy, column, time);
  self->writing = FALSE;
  return TRUE;
}

static void
resolved_changed_cb (LinliCaseSectionOutcome *self)
{
  if (self->loading)
    return;
  self->resolved_unreadable = !read_time (self, self->resolved_entry, "resolved_at");
  edited (self, GTK_WIDGET (self->resolved_entry));
}

static void
revisited_changed_cb (LinliCaseSectionOutcome *self)
{
  if (self->loading)
    return;
  self->revisited_unreadable = !read_time (self, self->revisited_entry, "revisited_at");
  edited (self, GTK_WIDGET (self->revisited_entry));
}

static void
satisfaction_changed_cb (LinliCaseSectionOutcome *self)
{
  gint64 satisfaction;

  if (self->loading || !linli_form_choice_get_key (self->satisfaction_row, &satisfaction))
    return;
  linli_record_set_enum (self->copy, "satisfaction", (int) satisfaction);
  edited (self, GTK_WIDGET (self->satisfaction_row));
}

static void
notes_changed_cb (LinliCaseSectionOutcome *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = linli_form_text_view_dup_text (self->notes_view);
  linli_record_set_text (self->copy, "revisit_notes", text);
  edited (self, GTK_WIDGET (self->notes_view));
}

/* What another section filled in: the level on escalation, the times on
 * resolving and revisiting. */
static void
copy_notify_cb (LinliCaseSectionOutcome *self,
                GParamSpec              *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (self->writing)
    return;

  self->loading = TRUE;
  if (g_str_equal (name, "resolution-level"))
    linli_form_choice_set_key (self->level_row, linli_record_get_enum (self->copy, "resolution_level"));
  else if (g_str_equal (name, "resolved-at"))
    {
      linli_form_field_set_time (GTK_EDITABLE (self->resolved_entry), linli_record_get_datetime (self->copy, "resolved_at"));
      self->resolved_unreadable = FALSE;
    }
  else if (g_str_equal (name, "revisited-at"))
    {
      linli_form_field_set_time (GTK_EDITABLE (self->revisited_entry), linli_record_get_datetime (self->copy, "revisited_at"));
      self->revisited_unreadable = FALSE;
    }
  self->loading = FALSE;
}

static void
set_enum_choice (AdwComboRow *row,
                 GType        type,
                 const char *(*label) (int value),
                 int          current)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree gint64 *keys = g_new (gint64, klass->n_values);
  g_autofree const char **labels = g_new (const char *, klass->n_values);

  for (guint i = 0; i < klass->n_values; i++)
    {
      keys[i] = klass->values[i].value;
      labels[i] = label (klass->values[i].value);
    }
  linli_form_choice_set (row, keys, labels, klass->n_values);
  linli_form_choice_set_key (row, current);
}

static const char *
level_label (int value)
{
  return linli_resolution_level_label ((LinliResolutionLevel) value);
}

static const char *
satisfaction_label (int value)
{
  return linli_satisfaction_label ((LinliSatisfaction) value);
}

static void
outcome_load (LinliRecordSection *section,
              LinliStore       *store,
              LinliRecord      *copy,
              LinliRecord      *original)
{
  LinliCaseSectionOutcome *self = LINLI_CASE_SECTION_OUTCOME (section);

  self->loading = TRUE;
  g_clear_signal_handler (&self->notify_id, self->copy);
  g_set_object (&self->copy, copy);
  self->notify_id = g_signal_connect_object (copy, "notify", G_CALLBACK (copy_notify_cb), self, G_CONNECT_SWAPPED);

  set_enum_choice (self->level_row, LINLI_TYPE_RESOLUTION_LEVEL, level_label,
                   linli_record_get_enum (copy, "resolution_level"));
  linli_form_text_view_set_text (self->resolution_view, linli_record_get_text (copy, "resolution"));
  linli_form_field_set_time (GTK_EDITABLE (self->resolved_entry), linli_record_get_datetime (copy, "resolved_at"));
  linli_form_field_set_time (GTK_EDITABLE (self->revisited_entry), linli_record_get_datetime (copy, "revisited_at"));
  set_enum_choice (self->satisfaction_row, LINLI_TYPE_SATISFACTION, satisfaction_label,
                   linli_record_get_enum (copy, "satisfaction"));
  linli_form_text_view_set_text (self->notes_view, linli_record_get_text (copy, "revisit_notes"));
  self->resolved_unreadable = FALSE;
  self->revisited_unreadable = FALSE;

  self->loading = FALSE;
}

static void
outcome_check_input (LinliRecordSection *section,
                     gpointer            data)
{
  LinliCaseErrors *errors = data;
  LinliCaseSectionOutcome *self = LINLI_CASE_SECTION_OUTCOME (section);

  if (self->resolved_unreadable)
    linli_form_set_time_error (&errors->resolved_at);
  if (self->revisited_unreadable)
    linli_form_set_time_error (&errors->revisited_at);
}

static void
outcome_show_errors (LinliRecordSection *section,
                     gconstpointer       data,
                     gboolean            show_all)
{
  const LinliCaseErrors *errors = data;
  LinliCaseSectionOutcome *self = LINLI_CASE_SECTION_OUTCOME (section);

  linli_form_field_show (GTK_WIDGET (self->level_row), NULL, errors->resolution_level, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->resolution_row), GTK_WIDGET (self->resolution_view),
                         errors->resolution, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->resolved_row), GTK_WIDGET (self->resolved_entry),
                         errors->resolved_at, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->revisited_row), GTK_WIDGET (self->revisited_entry),
                         errors->revisited_at, NULL, show_all);
}

static void
linli_case_section_outcome_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = outcome_load;
  iface->check_input = outcome_check_input;
  iface->show_errors = outcome_show_errors;
}

static void
linli_case_section_outcome_dispose (GObject *object)
{
  LinliCaseSectionOutcome *self = LINLI_CASE_SECTION_OUTCOME (object);

  g_clear_signal_handler (&self->notify_id, self->copy);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_OUTCOME);

  G_OBJECT_CLASS (linli_case_section_outcome_parent_class)->dispose (object);
}

static void
linli_case_section_outcome_class_init (LinliCaseSectionOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_outcome_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-outcome.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, level_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, resolution_view);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, resolved_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, revisited_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, revisited_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionOutcome, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, level_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolution_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolved_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, revisited_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, satisfaction_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
}

static void
linli_case_section_outcome_init (LinliCaseSectionOutcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
