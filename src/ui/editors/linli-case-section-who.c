/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-who"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-who.h"

/* Who reported the case: a resident, by name and phone, or nobody named.
 * The resident is a record of its own; this section only says what to
 * write, and the editor writes it with the case. This is the one place the
 * phone number is shown in full. */

struct _LinliCaseSectionWho
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *anonymous_row;
  GtkSwitch           *anonymous_switch;
  AdwActionRow        *name_row;
  GtkEntry            *name_entry;
  AdwActionRow        *phone_row;
  GtkEntry            *phone_entry;

  LinliRecord         *resident;  /* the reporter as stored, or NULL */
  gboolean             loading;
};

static void linli_case_section_who_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionWho, linli_case_section_who, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_who_section_init))

static gboolean
is_anonymous (LinliCaseSectionWho *self)
{
  return gtk_switch_get_active (self->anonymous_switch);
}

static void
update_visibility (LinliCaseSectionWho *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), !is_anonymous (self));
  gtk_widget_set_visible (GTK_WIDGET (self->phone_row), !is_anonymous (self));
}

static void
anonymous_changed_cb (LinliCaseSectionWho *self)
{
  update_visibility (self);
  if (self->loading)
    return;
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
name_changed_cb (LinliCaseSectionWho *self)
{
  if (self->loading)
    return;
  linli_form_field_touch (GTK_WIDGET (self->name_entry));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
phone_changed_cb (LinliCaseSectionWho *self)
{
  if (self->loading)
    return;
  linli_form_field_touch (GTK_WIDGET (self->phone_entry));
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
who_load (LinliRecordSection *section,
          LinliStore       *store,
          LinliRecord      *copy,
          LinliRecord      *original)
{
  LinliCaseSectionWho *self = LINLI_CASE_SECTION_WHO (section);
  gint64 reporter_id = linli_record_get_int (copy, "reporter_id");

  self->loading = TRUE;
  g_clear_object (&self->resident);
  if (reporter_id != 0)
    self->resident = linli_store_get (store, LINLI_TYPE_RESIDENT, reporter_id, NULL);

  /* A new case starts with a reporter to name; a stored one without a
   * reporter was anonymous. */
  gtk_switch_set_active (self->anonymous_switch, original != NULL && self->resident == NULL);
  linli_form_field_set_text (GTK_EDITABLE (self->name_entry),
                             self->resident ? linli_record_get_text (self->resident, "name") : NULL);
  linli_form_field_set_text (GTK_EDITABLE (self->phone_entry),
                             self->resident ? linli_record_get_text (self->resident, "phone") : NULL);
  update_visibility (self);
  self->loading = FALSE;
}

static void
who_show_errors (LinliRecordSection *section,
                 gconstpointer       data,
                 gboolean            show_all)
{
  const LinliCaseErrors *errors = data;
  LinliCaseSectionWho *self = LINLI_CASE_SECTION_WHO (section);

  linli_form_field_show (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_entry),
                         errors->reporter_name, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_entry),
                         errors->phone, _("Shown elsewhere as 138****1234"), show_all);
}

static void
linli_case_section_who_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = who_load;
  iface->show_errors = who_show_errors;
}

static void
linli_case_section_who_dispose (GObject *object)
{
  LinliCaseSectionWho *self = LINLI_CASE_SECTION_WHO (object);

  g_clear_object (&self->resident);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_WHO);

  G_OBJECT_CLASS (linli_case_section_who_parent_class)->dispose (object);
}

static void
linli_case_section_who_class_init (LinliCaseSectionWhoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_who_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-who.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, anonymous_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionWho, phone_entry);
  gtk_widget_class_bind_template_callback (widget_class, anonymous_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_changed_cb);
}

static void
linli_case_section_who_init (LinliCaseSectionWho *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_case_section_who_get_name:
 *
 * Returns: (nullable): the name as typed, %NULL when the case is anonymous
 */
const char *
linli_case_section_who_get_name (LinliCaseSectionWho *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SECTION_WHO (self), NULL);

  return is_anonymous (self) ? NULL : gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

/**
 * linli_case_section_who_get_phone:
 *
 * Returns: (nullable): the phone as typed, %NULL when the case is anonymous
 */
const char *
linli_case_section_who_get_phone (LinliCaseSectionWho *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SECTION_WHO (self), NULL);

  return is_anonymous (self) ? NULL : gtk_editable_get_text (GTK_EDITABLE (self->phone_entry));
}

/* The phone to keep: the stored one while the text still says it, else
 * the text in the one form numbers are kept in. */
static char *
phone_to_keep (LinliCaseSectionWho *self)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (self->phone_entry));
  const char *stored = self->resident ? linli_record_get_text (self->resident, "phone") : NULL;
  char *normal;

  if (text == NULL || g_strcmp0 (text, stored) == 0)
    return g_steal_pointer (&text);
  normal = linli_phone_normalize (text);
  return normal != NULL ? normal : g_steal_pointer (&text);
}

gboolean
linli_case_section_who_has_changes (LinliCaseSectionWho *self)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (LINLI_IS_CASE_SECTION_WHO (self), FALSE);

  if (is_anonymous (self))
    return self->resident != NULL;

  name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  phone = phone_to_keep (self);
  if (self->resident == NULL)
    return name != NULL || phone != NULL;
  return g_strcmp0 (name, linli_record_get_text (self->resident, "name")) != 0 ||
         g_strcmp0 (phone, linli_record_get_text (self->resident, "phone")) != 0;
}

/**
 * linli_case_section_who_dup_reporter:
 * @needs_write: (out): whether the resident is new or changed
 *
 * The same name is the same resident, whose phone may have changed;
 * another name is another resident, written as a new one.
 *
 * Returns: (transfer full) (nullable): the resident who reported the case,
 *   with id 0 when new; %NULL when the case is anonymous
 */
LinliRecord *
linli_case_section_who_dup_reporter (LinliCaseSectionWho *self,
                                     gboolean            *needs_write)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  LinliRecord *reporter;

  g_return_val_if_fail (LINLI_IS_CASE_SECTION_WHO (self), NULL);
  g_return_val_if_fail (needs_write != NULL, NULL);

  *needs_write = FALSE;
  if (is_anonymous (self))
    return NULL;

  name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  phone = phone_to_keep (self);
  if (self->resident != NULL && g_strcmp0 (name, linli_record_get_text (self->resident, "name")) == 0)
    {
      reporter = linli_record_copy (self->resident);
      linli_record_set_text (reporter, "phone", phone);
      *needs_write = !linli_record_equal (reporter, self->resident);
      return reporter;
    }

  reporter = linli_record_new (LINLI_TYPE_RESIDENT);
  linli_record_set_text (reporter, "name", name);
  linli_record_set_text (reporter, "phone", phone);
  *needs_write = TRUE;
  return reporter;
}
