/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-new-community-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-community-form.h"
#include "linli-new-community-dialog.h"

/* Asks for what a new community needs: its name, subdistrict and city, the
 * centre of its map, and where to keep its database. Each problem is shown
 * under its field, and Create stays off until there is none. The dialog
 * emits ::create with the community; it writes nothing itself. */

struct _LinliNewCommunityDialog
{
  AdwWindow     parent_instance;

  AdwActionRow *name_row;
  GtkEntry     *name_entry;
  GtkEntry     *subdistrict_entry;
  GtkEntry     *city_entry;
  AdwActionRow *latitude_row;
  GtkEntry     *latitude_entry;
  AdwActionRow *longitude_row;
  GtkEntry     *longitude_entry;
  AdwActionRow *file_row;
  GtkWidget    *file_group;

  char         *path;
  gboolean      path_is_open;  /* an open database that has no community yet */
  gboolean      touched[3];   /* name, latitude, longitude: typed into yet */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LinliNewCommunityDialog, linli_new_community_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
read_form (LinliNewCommunityDialog *self,
           LinliCommunityForm      *form)
{
  form->name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  form->subdistrict = gtk_editable_get_text (GTK_EDITABLE (self->subdistrict_entry));
  form->city = gtk_editable_get_text (GTK_EDITABLE (self->city_entry));
  form->latitude = gtk_editable_get_text (GTK_EDITABLE (self->latitude_entry));
  form->longitude = gtk_editable_get_text (GTK_EDITABLE (self->longitude_entry));
}

/* Shows @error under the field, or @hint when it is fine. A field nobody has
 * typed in yet shows its hint only: an empty form is not an error. */
static void
show_field (AdwActionRow *row,
            GtkEntry     *entry,
            gboolean      touched,
            const char   *error,
            const char   *hint)
{
  gboolean show_error = touched && error != NULL;

  adw_action_row_set_subtitle (row, show_error ? error : hint);
  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "linli-field-error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               show_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static gboolean
path_is_free (LinliNewCommunityDialog *self)
{
  if (self->path_is_open)
    return TRUE;
  return self->path != NULL && !g_file_test (self->path, G_FILE_TEST_EXISTS);
}

static gboolean
validate (LinliNewCommunityDialog *self)
{
  LinliCommunityForm form;
  LinliCommunityFormErrors errors = { 0 };
  gboolean valid;
  g_autofree char *display = NULL;

  read_form (self, &form);
  valid = linli_community_form_validate (&form, &errors);

  show_field (self->name_row, self->name_entry, self->touched[0], errors.name, NULL);
  show_field (self->latitude_row, self->latitude_entry, self->touched[1], errors.latitude,
              _("Degrees north, such as 35.4575"));
  show_field (self->longitude_row, self->longitude_entry, self->touched[2], errors.longitude,
              _("Degrees east, such as 116.6035"));

  display = self->path ? g_filename_display_name (self->path) : NULL;
  if (!path_is_free (self))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” exists already. Choose another file."), display);
      adw_action_row_set_subtitle (self->file_row, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->file_row), "linli-field-error");
      valid = FALSE;
    }
  else
    {
      adw_action_row_set_subtitle (self->file_row, display);
      gtk_widget_remove_css_class (GTK_WIDGET (self->file_row), "linli-field-error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "community.create", valid);
  linli_community_form_errors_clear (&errors);
  return valid;
}

static void
name_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[0] = TRUE;
  validate (self);
}

static void
latitude_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[1] = TRUE;
  validate (self);
}

static void
longitude_changed_cb (LinliNewCommunityDialog *self)
{
  self->touched[2] = TRUE;
  validate (self);
}

static void
create_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (widget);
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LinliCommunityForm form;
  gboolean handled = FALSE;

  memset (self->touched, TRUE, sizeof self->touched);
  if (!validate (self))
    return;

  read_form (self, &form);
  community = linli_community_form_to_record (&form, now);
  g_signal_emit (self, signals[CREATE], 0, community, self->path, &handled);
  if (handled)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (LinliNewCommunityDialog *self,
                     int                      response,
                     GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_free (self->path);
      self->path = g_file_get_path (file);
      validate (self);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *suggestion = g_strdup_printf ("%s.db", *name ? name : _("community"));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the Community Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Linli databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggestion);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
linli_new_community_dialog_dispose (GObject *object)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_NEW_COMMUNITY_DIALOG);

  G_OBJECT_CLASS (linli_new_community_dialog_parent_class)->dispose (object);
}

static void
linli_new_community_dialog_finalize (GObject *object)
{
  LinliNewCommunityDialog *self = LINLI_NEW_COMMUNITY_DIALOG (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (linli_new_community_dialog_parent_class)->finalize (object);
}

static void
linli_new_community_dialog_class_init (LinliNewCommunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_new_community_dialog_dispose;
  object_class->finalize = linli_new_community_dialog_finalize;

  /**
   * LinliNewCommunityDialog::create:
   * @community: the new community, not yet stored
   * @path: the file to create
   *
   * Returns: %TRUE when the community was created and the dialog may close
   */
  signals[CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, LINLI_TYPE_COMMUNITY, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-new-community-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, subdistrict_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, city_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, latitude_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, longitude_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, LinliNewCommunityDialog, file_group);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, latitude_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, longitude_changed_cb);

  gtk_widget_class_install_action (widget_class, "community.create", NULL, create_cb);
  gtk_widget_class_install_action (widget_class, "community.choose-file", NULL, choose_file_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_new_community_dialog_init (LinliNewCommunityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_new_community_dialog_new:
 * @default_path: the file proposed for the new database
 */
LinliNewCommunityDialog *
linli_new_community_dialog_new (GtkWindow  *parent,
                                const char *default_path)
{
  LinliNewCommunityDialog *self;

  self = g_object_new (LINLI_TYPE_NEW_COMMUNITY_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->path = g_strdup (default_path);
  validate (self);
  return self;
}

/**
 * linli_new_community_dialog_new_for_file:
 * @path: an open database that has no community yet
 *
 * Asks for the community of a database that exists already, such as one
 * made by `linli --database=FILE`; there is no file to choose.
 */
LinliNewCommunityDialog *
linli_new_community_dialog_new_for_file (GtkWindow  *parent,
                                         const char *path)
{
  LinliNewCommunityDialog *self = linli_new_community_dialog_new (parent, path);

  self->path_is_open = TRUE;
  gtk_widget_set_visible (self->file_group, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "community.choose-file", FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Set Up the Community"));
  validate (self);
  return self;
}

const char *
linli_new_community_dialog_get_path (LinliNewCommunityDialog *self)
{
  g_return_val_if_fail (LINLI_IS_NEW_COMMUNITY_DIALOG (self), NULL);
  return self->path;
}
