/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-outreach-section-counts"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-rules.h"
#include "linli-outreach-section-counts.h"

/* What an outreach event reached, in numbers: attendees, leaflets, app
 * installs and consultations, and notes. More installs than attendees
 * asks for a check that they were made off-site; the check is offered
 * only then, and stays while it is checked. Its messages are a
 * LinliOutreachErrors. */

enum {
  ATTENDEES,
  LEAFLETS,
  INSTALLS,
  CONSULTATIONS,
  N_COUNTS
};

struct _LinliOutreachSectionCounts
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *attendees_row;
  GtkEntry            *attendees_entry;
  GtkWidget           *leaflets_row;
  GtkEntry            *leaflets_entry;
  GtkWidget           *installs_row;
  GtkEntry            *installs_entry;
  GtkWidget           *off_site_row;
  GtkCheckButton      *off_site_check;
  GtkWidget           *consultations_row;
  GtkEntry            *consultations_entry;
  GtkTextView         *notes_view;

  LinliRecord         *copy;
  gboolean             loading;
  GtkWidget           *rows[N_COUNTS];
  GtkEditable         *entries[N_COUNTS];
  char                *errors[N_COUNTS];   /* what is wrong with the text of each */
};

static void linli_outreach_section_counts_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliOutreachSectionCounts, linli_outreach_section_counts, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION,
                                                      linli_outreach_section_counts_section_init))

static const char * const columns[N_COUNTS] = { "attendees", "leaflets", "app_installs", "consultations" };

/* The message of each count in @errors. */
static char **
message_of (LinliOutreachErrors *errors,
            guint                count)
{
  char **messages[N_COUNTS] = { &errors->attendees, &errors->leaflets, &errors->app_installs,
                                &errors->consultations };

  return messages[count];
}

static void
count_changed_cb (LinliOutreachSectionCounts *self,
                  GtkEditable                *entry)
{
  if (self->loading)
    return;
  for (guint i = 0; i < N_COUNTS; i++)
    {
      gint64 count;

      if (self->entries[i] != entry)
        continue;
      g_clear_pointer (&self->errors[i], g_free);
      if (linli_event_parse_count (gtk_editable_get_text (entry), &count, &self->errors[i]))
        linli_record_set_int (self->copy, columns[i], count);
    }
  linli_form_field_touch (GTK_WIDGET (entry));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
off_site_toggled_cb (LinliOutreachSectionCounts *self)
{
  if (self->loading)
    return;
  linli_record_set_bool (self->copy, "installs_off_site", gtk_check_button_get_active (self->off_site_check));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
notes_changed_cb (LinliOutreachSectionCounts *self)
{
  g_autofree char *notes = NULL;

  if (self->loading)
    return;
  notes = linli_form_text_view_dup_text (self->notes_view);
  linli_record_set_text (self->copy, "notes", notes);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
counts_load (LinliRecordSection *section,
             LinliStore         *store,
             LinliRecord        *copy,
             LinliRecord        *original)
{
  LinliOutreachSectionCounts *self = LINLI_OUTREACH_SECTION_COUNTS (section);

  g_return_if_fail (LINLI_IS_OUTREACH (copy));

  self->loading = TRUE;
  g_set_object (&self->copy, copy);
  for (guint i = 0; i < N_COUNTS; i++)
    {
      gint64 count = linli_record_get_int (copy, columns[i]);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      gtk_editable_set_text (self->entries[i], count > 0 ? text : "");
      g_clear_pointer (&self->errors[i], g_free);
    }
  gtk_check_button_set_active (self->off_site_check, linli_record_get_bool (copy, "installs_off_site"));
  linli_form_text_view_set_text (self->notes_view, linli_record_get_text (copy, "notes"));
  self->loading = FALSE;
}

static void
counts_check_input (LinliRecordSection *section,
                    gpointer            errors)
{
  LinliOutreachSectionCounts *self = LINLI_OUTREACH_SECTION_COUNTS (section);

  for (guint i = 0; i < N_COUNTS; i++)
    if (self->errors[i] != NULL)
      {
        char **message = message_of (errors, i);

        g_free (*message);
        *message = g_strdup (self->errors[i]);
      }
}

static void
counts_show_errors (LinliRecordSection *section,
                    gconstpointer       errors,
                    gboolean            show_all)
{
  LinliOutreachSectionCounts *self = LINLI_OUTREACH_SECTION_COUNTS (section);
  gboolean more_installs;

  for (guint i = 0; i < N_COUNTS; i++)
    linli_form_field_show (self->rows[i], GTK_WIDGET (self->entries[i]),
                           *message_of ((LinliOutreachErrors *) errors, i), NULL, show_all);

  more_installs = linli_record_get_int (self->copy, "app_installs") > linli_record_get_int (self->copy, "attendees");
  gtk_widget_set_visible (self->off_site_row, more_installs || gtk_check_button_get_active (self->off_site_check));
}

static void
linli_outreach_section_counts_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = counts_load;
  iface->check_input = counts_check_input;
  iface->show_errors = counts_show_errors;
}

static void
linli_outreach_section_counts_dispose (GObject *object)
{
  LinliOutreachSectionCounts *self = LINLI_OUTREACH_SECTION_COUNTS (object);

  g_clear_object (&self->copy);
  for (guint i = 0; i < N_COUNTS; i++)
    g_clear_pointer (&self->errors[i], g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_OUTREACH_SECTION_COUNTS);

  G_OBJECT_CLASS (linli_outreach_section_counts_parent_class)->dispose (object);
}

static void
linli_outreach_section_counts_class_init (LinliOutreachSectionCountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_outreach_section_counts_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/linli-outreach-section-counts.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, attendees_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, leaflets_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, leaflets_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, installs_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, installs_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, off_site_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, off_site_check);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, consultations_row);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, consultations_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOutreachSectionCounts, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, count_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, off_site_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
}

static void
linli_outreach_section_counts_init (LinliOutreachSectionCounts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows[ATTENDEES] = self->attendees_row;
  self->rows[LEAFLETS] = self->leaflets_row;
  self->rows[INSTALLS] = self->installs_row;
  self->rows[CONSULTATIONS] = self->consultations_row;
  self->entries[ATTENDEES] = GTK_EDITABLE (self->attendees_entry);
  self->entries[LEAFLETS] = GTK_EDITABLE (self->leaflets_entry);
  self->entries[INSTALLS] = GTK_EDITABLE (self->installs_entry);
  self->entries[CONSULTATIONS] = GTK_EDITABLE (self->consultations_entry);
}
