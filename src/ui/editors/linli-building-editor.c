/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-building-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "linli-building-editor.h"
#include "linli-building-store.h"
#include "linli-case-section.h"
#include "linli-location-dialog.h"
#include "linli-text.h"

/* One building (楼栋): its name (3号楼), units, floors and households, and
 * its place, picked on the community's map; it takes the grid it stands
 * in. Save stays off while a field is wrong. */

struct _LinliBuildingEditor
{
  AdwWindow     parent_instance;

  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwActionRow *name_row;
  GtkEntry     *name_entry;
  AdwActionRow *units_row;
  GtkEntry     *units_entry;
  AdwActionRow *floors_row;
  GtkEntry     *floors_entry;
  AdwActionRow *households_row;
  GtkEntry     *households_entry;
  GtkEntry     *notes_entry;
  AdwActionRow *place_row;

  LinliStore   *store;
  LinliRecord  *copy;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (LinliBuildingEditor, linli_building_editor, ADW_TYPE_WINDOW)

/* A count as typed, full-width digits too; -1 when it is none. */
static gint64
read_count (GtkEntry *entry)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (entry));
  g_autofree char *folded = linli_text_fold_width (text, LINLI_WIDTH_NUMBER);
  guint64 value;

  if (folded == NULL)
    return 0;
  if (!g_ascii_string_to_unsigned (folded, 10, 0, 100000, &value, NULL))
    return -1;
  return (gint64) value;
}

static void
show_place (LinliBuildingEditor *self)
{
  double lat = linli_record_get_double (self->copy, "lat");
  double lon = linli_record_get_double (self->copy, "lon");
  g_autofree char *text = NULL;

  if (isfinite (lat) && isfinite (lon))
    text = g_strdup_printf ("%.6f, %.6f", lat, lon);
  adw_action_row_set_subtitle (self->place_row, text ? text : _("Not placed yet"));
}

static gboolean
validate (LinliBuildingEditor *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *folded = linli_text_fold_width (name, LINLI_WIDTH_TEXT);
  const char *name_error = folded == NULL ? _("Enter the building’s name, such as 3号楼") : NULL;
  const char *count_error = _("Enter a whole number, or leave it empty");
  gint64 units = read_count (self->units_entry);
  gint64 floors = read_count (self->floors_entry);
  gint64 households = read_count (self->households_entry);
  g_autofree char *notes = linli_form_field_dup_text (GTK_EDITABLE (self->notes_entry));

  linli_record_set_text (self->copy, "name", folded);
  if (units >= 0)
    linli_record_set_int (self->copy, "units", units);
  if (floors >= 0)
    linli_record_set_int (self->copy, "floors", floors);
  if (households >= 0)
    linli_record_set_int (self->copy, "households", households);
  linli_record_set_text (self->copy, "notes", notes);

  linli_form_field_show (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_entry), name_error, NULL, FALSE);
  linli_form_field_show (GTK_WIDGET (self->units_row), GTK_WIDGET (self->units_entry), units < 0 ? count_error : NULL, NULL, TRUE);
  linli_form_field_show (GTK_WIDGET (self->floors_row), GTK_WIDGET (self->floors_entry), floors < 0 ? count_error : NULL, NULL, TRUE);
  linli_form_field_show (GTK_WIDGET (self->households_row), GTK_WIDGET (self->households_entry), households < 0 ? count_error : NULL, NULL, TRUE);
  return name_error == NULL && units >= 0 && floors >= 0 && households >= 0;
}

static void
changed_cb (LinliBuildingEditor *self)
{
  if (self->loading)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "building.save", validate (self));
}

static void
chosen_cb (LinliBuildingEditor *self,
           double               latitude,
           double               longitude)
{
  linli_record_set_double (self->copy, "lat", latitude);
  linli_record_set_double (self->copy, "lon", longitude);
  show_place (self);
}

static void
place_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LinliBuildingEditor *self = LINLI_BUILDING_EDITOR (widget);
  LinliLocationDialog *dialog = linli_location_dialog_new (GTK_WINDOW (self), self->store,
                                                           linli_record_get_double (self->copy, "lat"),
                                                           linli_record_get_double (self->copy, "lon"));

  g_signal_connect_object (dialog, "chosen", G_CALLBACK (chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliBuildingEditor *self = LINLI_BUILDING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean is_new = linli_record_get_id (self->copy) == 0;

  if (!validate (self))
    return;
  if (linli_building_save (self->store, self->copy, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (is_new)
    linli_record_set_id (self->copy, 0);
  {
    g_autofree char *message = g_strdup_printf (_("The building could not be saved: %s"), error->message);
    gtk_label_set_text (self->error_label, message);
    gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  }
}

static void
set_count (GtkEntry *entry,
           gint64    value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
linli_building_editor_dispose (GObject *object)
{
  LinliBuildingEditor *self = LINLI_BUILDING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_BUILDING_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->copy);

  G_OBJECT_CLASS (linli_building_editor_parent_class)->dispose (object);
}

static void
linli_building_editor_class_init (LinliBuildingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_building_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-building-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, units_row);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, units_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, floors_row);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, floors_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, households_row);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, households_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliBuildingEditor, place_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "building.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "building.place", NULL, place_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "building.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_building_editor_init (LinliBuildingEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_building_editor_new:
 * @building_or_null: (nullable): the building to edit, or %NULL to add one
 */
LinliBuildingEditor *
linli_building_editor_new (GtkWindow   *parent,
                           LinliStore  *store,
                           LinliRecord *building_or_null)
{
  LinliBuildingEditor *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (building_or_null == NULL || LINLI_IS_BUILDING (building_or_null), NULL);

  self = g_object_new (LINLI_TYPE_BUILDING_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "title", building_or_null ? _("Edit Building") : _("New Building"),
                       NULL);
  self->store = g_object_ref (store);
  self->copy = building_or_null ? linli_record_copy (building_or_null) : linli_record_new (LINLI_TYPE_BUILDING);
  linli_form_field_set_text (GTK_EDITABLE (self->name_entry), linli_record_get_text (self->copy, "name"));
  set_count (self->units_entry, linli_record_get_int (self->copy, "units"));
  set_count (self->floors_entry, linli_record_get_int (self->copy, "floors"));
  set_count (self->households_entry, linli_record_get_int (self->copy, "households"));
  linli_form_field_set_text (GTK_EDITABLE (self->notes_entry), linli_record_get_text (self->copy, "notes"));
  show_place (self);
  self->loading = FALSE;
  changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return self;
}
