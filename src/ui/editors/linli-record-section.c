/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-record-section"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-location-dialog.h"
#include "linli-record-section.h"

G_DEFINE_INTERFACE (LinliRecordSection, linli_record_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
linli_record_section_default_init (LinliRecordSectionInterface *iface)
{
  /**
   * LinliRecordSection::changed:
   *
   * The user changed something the section edits.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
linli_record_section_load (LinliRecordSection *self,
                           LinliStore         *store,
                           LinliRecord        *copy,
                           LinliRecord        *original)
{
  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));
  g_return_if_fail (LINLI_IS_STORE (store));
  g_return_if_fail (LINLI_IS_RECORD (copy));
  g_return_if_fail (original == NULL || G_TYPE_CHECK_INSTANCE_TYPE (original, G_OBJECT_TYPE (copy)));

  LINLI_RECORD_SECTION_GET_IFACE (self)->load (self, store, copy, original);
}

void
linli_record_section_check_input (LinliRecordSection *self,
                                  gpointer            errors)
{
  LinliRecordSectionInterface *iface;

  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));
  g_return_if_fail (errors != NULL);

  iface = LINLI_RECORD_SECTION_GET_IFACE (self);
  if (iface->check_input != NULL)
    iface->check_input (self, errors);
}

void
linli_record_section_show_errors (LinliRecordSection *self,
                                  gconstpointer       errors,
                                  gboolean            show_all)
{
  LinliRecordSectionInterface *iface;

  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));
  g_return_if_fail (errors != NULL);

  iface = LINLI_RECORD_SECTION_GET_IFACE (self);
  if (iface->show_errors != NULL)
    iface->show_errors (self, errors, show_all);
}

void
linli_record_section_changed (LinliRecordSection *self)
{
  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * linli_record_section_set_text:
 * @copy: the record the section edits
 * @column: a text column of @copy
 * @field: a #GtkEditable or a #GtkTextView
 *
 * For a section's text field the user edited: its text, %NULL when blank,
 * into @column; the field shows its messages from now on, and the section
 * emits ::changed.
 */
void
linli_record_section_set_text (LinliRecordSection *self,
                               LinliRecord        *copy,
                               const char         *column,
                               GtkWidget          *field)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));
  g_return_if_fail (LINLI_IS_RECORD (copy));
  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  if (GTK_IS_EDITABLE (field))
    text = linli_form_field_dup_text (GTK_EDITABLE (field));
  else
    text = linli_form_text_view_dup_text (GTK_TEXT_VIEW (field));
  linli_record_set_text (copy, column, text);
  linli_form_field_touch (field);
  linli_record_section_changed (self);
}

/**
 * linli_record_section_pick_location:
 * @store: (nullable): the store, %NULL before the section is loaded
 * @copy: (nullable): the record whose "lat" and "lon" the map starts at
 * @chosen: called on @self, swapped, with the point chosen, as
 *   LinliLocationDialog::chosen
 *
 * Asks for a point on a map over the section's window.
 */
void
linli_record_section_pick_location (LinliRecordSection *self,
                                    LinliStore         *store,
                                    LinliRecord        *copy,
                                    GCallback           chosen)
{
  GtkRoot *root;
  LinliLocationDialog *dialog;

  g_return_if_fail (LINLI_IS_RECORD_SECTION (self));
  g_return_if_fail (chosen != NULL);

  if (store == NULL || copy == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = linli_location_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                                      linli_record_get_double (copy, "lat"),
                                      linli_record_get_double (copy, "lon"));
  g_signal_connect_object (dialog, "chosen", chosen, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
