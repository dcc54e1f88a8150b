/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-what"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-what.h"

/* What happened: the number, title and description, the category, how the
 * case came in, how urgent it is and when it was reported. A new case
 * shows the number it will get; the editor takes it again on saving. */

struct _LinliCaseSectionWhat
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *number_row;
  GtkLabel            *number_label;
  AdwActionRow        *title_row;
  GtkEntry            *title_entry;
  AdwActionRow        *description_row;
  GtkTextView         *description_view;
  AdwComboRow         *category_row;
  GtkEntry            *subcategory_entry;
  AdwComboRow         *source_row;
  AdwComboRow         *urgency_row;
  AdwActionRow        *reported_row;
  GtkEntry            *reported_entry;

  LinliStore          *store;
  LinliRecord         *copy;
  gboolean             is_new;
  gboolean             loading;
  gboolean             reported_unreadable;
};

static void linli_case_section_what_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionWhat, linli_case_section_what, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_what_section_init))

/* A new case is numbered in the year it was reported. */
static void
update_number (LinliCaseSectionWhat *self)
{
  GDateTime *reported = linli_record_get_datetime (self->copy, "reported_at");

  if (self->is_new && reported != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (reported);
      int year = g_date_time_get_year (local);
      g_autofree char *prefix = g_strdup_printf ("%d-", year);
      const char *number = linli_record_get_text (self->copy, "number");

      if (number == NULL || !g_str_has_prefix (number, prefix))
        {
          g_autofree char *next = linli_store_next_case_number (self->store, year);
          linli_record_set_text (self->copy, "number", next);
        }
    }
  gtk_label_set_text (self->number_label, linli_record_get_text (self->copy, "number"));
}

static void
edited (LinliCaseSectionWhat *self,
        GtkWidget            *widget)
{
  linli_form_field_touch (widget);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
title_changed_cb (LinliCaseSectionWhat *self)
{
  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, "title",
                                   GTK_WIDGET (self->title_entry));
}

static void
description_changed_cb (LinliCaseSectionWhat *self)
{
  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, "description",
                                   GTK_WIDGET (self->description_view));
}

static void
category_changed_cb (LinliCaseSectionWhat *self)
{
  if (self->loading)
    return;
  linli_record_set_text (self->copy, "category", linli_form_choice_get_string (self->category_row));
  edited (self, GTK_WIDGET (self->category_row));
}

static void
subcategory_changed_cb (LinliCaseSectionWhat *self)
{
  if (!self->loading)
    linli_record_section_set_text (LINLI_RECORD_SECTION (self), self->copy, "subcategory",
                                   GTK_WIDGET (self->subcategory_entry));
}

static void
source_changed_cb (LinliCaseSectionWhat *self)
{
  if (self->loading)
    return;
  linli_record_set_text (self->copy, "source", linli_form_choice_get_string (self->source_row));
  edited (self, GTK_WIDGET (self->source_row));
}

static void
urgency_changed_cb (LinliCaseSectionWhat *self)
{
  gint64 urgency;

  if (self->loading)
    return;
  if (linli_form_choice_get_key (self->urgency_row, &urgency))
    linli_record_set_enum (self->copy, "urgency", (int) urgency);
  edited (self, GTK_WIDGET (self->urgency_row));
}

static void
reported_changed_cb (LinliCaseSectionWhat *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (self->loading)
    return;
  self->reported_unreadable = !linli_form_field_read_time (GTK_EDITABLE (self->reported_entry),
                                                           linli_record_get_datetime (self->copy, "reported_at"),
                                                           &time);
  if (!self->reported_unreadable)
    {
      linli_record_set_datetime (self->copy, "reported_at", time);
      update_number (self);
    }
  edited (self, GTK_WIDGET (self->reported_entry));
}

static void
what_load (LinliRecordSection *section,
           LinliStore       *store,
           LinliRecord      *copy,
           LinliRecord      *original)
{
  LinliCaseSectionWhat *self = LINLI_CASE_SECTION_WHAT (section);
  gint64 urgencies[] = {
    LINLI_URGENCY_LOW, LINLI_URGENCY_NORMAL, LINLI_URGENCY_HIGH, LINLI_URGENCY_URGENT,
  };
  const char *urgency_labels[G_N_ELEMENTS (urgencies)];

  self->loading = TRUE;
  g_set_object (&self->store, store);
  g_set_object (&self->copy, copy);
  self->is_new = original == NULL;

  update_number (self);
  adw_action_row_set_subtitle (self->number_row, self->is_new ? _("Given when the case is saved") : NULL);
  linli_form_field_set_text (GTK_EDITABLE (self->title_entry), linli_record_get_text (copy, "title"));
  linli_form_text_view_set_text (self->description_view, linli_record_get_text (copy, "description"));
  linli_form_choice_set_strings (self->category_row, linli_case_categories (),
                                 linli_record_get_text (copy, "category"));
  linli_form_field_set_text (GTK_EDITABLE (self->subcategory_entry), linli_record_get_text (copy, "subcategory"));
  linli_form_choice_set_strings (self->source_row, linli_case_sources (),
                                 linli_record_get_text (copy, "source"));
  for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
    urgency_labels[i] = linli_urgency_label ((LinliUrgency) urgencies[i]);
  linli_form_choice_set (self->urgency_row, urgencies, urgency_labels, G_N_ELEMENTS (urgencies));
  linli_form_choice_set_key (self->urgency_row, linli_record_get_enum (copy, "urgency"));
  linli_form_field_set_time (GTK_EDITABLE (self->reported_entry), linli_record_get_datetime (copy, "reported_at"));
  self->reported_unreadable = FALSE;

  self->loading = FALSE;
}

static void
what_check_input (LinliRecordSection *section,
                  gpointer            data)
{
  LinliCaseErrors *errors = data;
  LinliCaseSectionWhat *self = LINLI_CASE_SECTION_WHAT (section);

  if (self->reported_unreadable)
    linli_form_set_time_error (&errors->reported_at);
}

static void
what_show_errors (LinliRecordSection *section,
                  gconstpointer       data,
                  gboolean            show_all)
{
  const LinliCaseErrors *errors = data;
  LinliCaseSectionWhat *self = LINLI_CASE_SECTION_WHAT (section);

  linli_form_field_show (GTK_WIDGET (self->title_row), GTK_WIDGET (self->title_entry),
                         errors->title, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->category_row), NULL, errors->category, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->source_row), NULL, errors->source, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->reported_row), GTK_WIDGET (self->reported_entry),
                         errors->reported_at, NULL, show_all);
}

static void
linli_case_section_what_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = what_load;
  iface->check_input = what_check_input;
  iface->show_errors = what_show_errors;
}

static void
linli_case_section_what_dispose (GObject *object)
{
  LinliCaseSectionWhat *self = LINLI_CASE_SECTION_WHAT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_WHAT);

  G_OBJECT_CLASS (linli_case_section_what_parent_class)->dispose (object);
}

static void
linli_case_section_what_class_init (LinliCaseSectionWhatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_what_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-what.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, number_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, number_label);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, title_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, description_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, description_view);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, category_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, subcategory_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, source_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, urgency_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, reported_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWhat, reported_entry);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, subcategory_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, urgency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reported_changed_cb);
}

static void
linli_case_section_what_init (LinliCaseSectionWhat *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
