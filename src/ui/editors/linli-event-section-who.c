/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-section-who"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-event-rules.h"
#include "linli-event-section-who.h"

/* The organisations an event was run with, and for an outreach event whom
 * it reached and on which scams. The organisations are partners of an
 * activity and organisers of an outreach event; new ones are stored with
 * the event, so the editor asks this section for them when it saves. */

struct _LinliEventSectionWho
{
  AdwPreferencesGroup       parent_instance;

  LinliChoicesRow          *organisations_row;
  LinliChoicesRow          *groups_row;
  LinliChoicesRow          *topics_row;

  LinliRecord              *copy;
  LinliOrganisationChoices *organisations;
  gboolean                  activity;   /* else an outreach event */
  gboolean                  loading;
};

static void linli_event_section_who_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliEventSectionWho, linli_event_section_who, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION,
                                                      linli_event_section_who_section_init))

static void
organisations_changed_cb (LinliEventSectionWho *self)
{
  if (!self->loading)
    linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
words_changed_cb (LinliEventSectionWho *self)
{
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) topics = NULL;

  if (self->loading)
    return;
  groups = linli_choices_row_dup_labels (self->groups_row);
  topics = linli_choices_row_dup_labels (self->topics_row);
  linli_record_set_strv (self->copy, "target_groups", (const char * const *) groups);
  linli_record_set_strv (self->copy, "topics", (const char * const *) topics);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
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

/* The title and the rows of the event's kind. */
static void
show_kind (LinliEventSectionWho *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, self->activity ? _("Partner Organisations") : _("Who and What"));
  adw_preferences_group_set_description (group, self->activity ?
                                         _("Units that ran the activity with the community (共建单位)") : NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisations_row),
                                 self->activity ? _("_Partners") : _("_Organisers"));
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row), !self->activity);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_row), !self->activity);
}

static void
who_load (LinliRecordSection *section,
          LinliStore         *store,
          LinliRecord        *copy,
          LinliRecord        *original)
{
  LinliEventSectionWho *self = LINLI_EVENT_SECTION_WHO (section);

  g_return_if_fail (LINLI_IS_ACTIVITY (copy) || LINLI_IS_OUTREACH (copy));

  self->loading = TRUE;
  g_set_object (&self->copy, copy);
  self->activity = LINLI_IS_ACTIVITY (copy);
  show_kind (self);
  g_clear_pointer (&self->organisations, linli_organisation_choices_free);
  self->organisations = linli_organisation_choices_new (store, self->organisations_row,
                                                        linli_record_get_refs (copy,
                                                                               linli_event_section_who_get_column (self)));
  if (!self->activity)
    {
      load_words (self->groups_row, linli_outreach_target_groups (), linli_record_get_strv (copy, "target_groups"));
      load_words (self->topics_row, linli_outreach_topics (), linli_record_get_strv (copy, "topics"));
    }
  self->loading = FALSE;
}

static void
linli_event_section_who_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = who_load;
}

static void
linli_event_section_who_dispose (GObject *object)
{
  LinliEventSectionWho *self = LINLI_EVENT_SECTION_WHO (object);

  g_clear_pointer (&self->organisations, linli_organisation_choices_free);
  g_clear_object (&self->copy);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_EVENT_SECTION_WHO);

  G_OBJECT_CLASS (linli_event_section_who_parent_class)->dispose (object);
}

static void
linli_event_section_who_class_init (LinliEventSectionWhoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_event_section_who_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-event-section-who.ui");
}

static void
linli_event_section_who_init (LinliEventSectionWho *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->organisations_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Organisers"), _("Another organisation")));
  self->groups_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("_Target Groups"), _("Another group")));
  self->topics_row = LINLI_CHOICES_ROW (linli_choices_row_new (_("Sca_m Topics"), _("Another scam")));
  adw_preferences_group_add (group, GTK_WIDGET (self->organisations_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->groups_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->topics_row));
  g_signal_connect_swapped (self->organisations_row, "changed", G_CALLBACK (organisations_changed_cb), self);
  g_signal_connect_swapped (self->groups_row, "changed", G_CALLBACK (words_changed_cb), self);
  g_signal_connect_swapped (self->topics_row, "changed", G_CALLBACK (words_changed_cb), self);
  g_signal_connect (self->groups_row, "add", G_CALLBACK (add_word_cb), NULL);
  g_signal_connect (self->topics_row, "add", G_CALLBACK (add_word_cb), NULL);
}

/* The column of the organisations: an activity's partners, an outreach
 * event's organisers. */
const char *
linli_event_section_who_get_column (LinliEventSectionWho *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_SECTION_WHO (self), NULL);
  return self->activity ? "partners" : "organisers";
}

/* Returns: (transfer none) (nullable): the organisations, once loaded */
LinliOrganisationChoices *
linli_event_section_who_get_organisations (LinliEventSectionWho *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_SECTION_WHO (self), NULL);
  return self->organisations;
}

/* Whether organisations were chosen or left, which the copy does not hold
 * until the editor saves. */
gboolean
linli_event_section_who_has_changes (LinliEventSectionWho *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_SECTION_WHO (self), FALSE);
  return self->organisations != NULL && linli_organisation_choices_changed (self->organisations);
}
