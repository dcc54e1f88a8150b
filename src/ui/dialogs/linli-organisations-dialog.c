/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-organisations-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"
#include "linli-event-store.h"
#include "linli-organisations-dialog.h"

/* The register of partner organisations (共建单位): each one's name, kind,
 * contact and phone in an expander row, new ones added at the foot, ones
 * removed taken out of the list, all written on Save in one store call. A
 * name left empty keeps Save off. */

struct _LinliOrganisationsDialog
{
  AdwWindow            parent_instance;

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *list_group;
  GtkEntry            *add_entry;
  GtkWidget           *add_button;

  LinliStore          *store;
  GPtrArray           *records;   /* LinliOrganisation copies, new ones with id 0 */
  GPtrArray           *rows;      /* AdwExpanderRow per record */
  GPtrArray           *removed;   /* stored LinliOrganisations to delete on Save */
};

G_DEFINE_FINAL_TYPE (LinliOrganisationsDialog, linli_organisations_dialog, ADW_TYPE_WINDOW)

static void
validate (LinliOrganisationsDialog *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->records->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *name_row = g_object_get_data (G_OBJECT (row), "name-row");
      GtkWidget *name_entry = g_object_get_data (G_OBJECT (row), "name-entry");
      const char *name = linli_record_get_text (g_ptr_array_index (self->records, i), "name");
      const char *error = name == NULL ? _("Enter the organisation’s name") : NULL;

      linli_form_field_show (name_row, name_entry, error, NULL, TRUE);
      valid &= error == NULL;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.save", valid);
}

static void
text_changed_cb (GtkEditable              *entry,
                 LinliOrganisationsDialog *self)
{
  LinliRecord *record = g_object_get_data (G_OBJECT (entry), "record");
  const char *column = g_object_get_data (G_OBJECT (entry), "column");
  g_autofree char *text = linli_form_field_dup_text (entry);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);

  linli_record_set_text (record, column, text);
  if (g_str_equal (column, "name"))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text ? text : "");
  validate (self);
}

static void
kind_changed_cb (AdwComboRow              *combo,
                 GParamSpec               *pspec,
                 LinliOrganisationsDialog *self)
{
  LinliRecord *record = g_object_get_data (G_OBJECT (combo), "record");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (combo), ADW_TYPE_EXPANDER_ROW);
  gint64 kind;

  if (linli_form_choice_get_key (combo, &kind))
    {
      linli_record_set_enum (record, "kind", (int) kind);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), linli_organisation_kind_label ((int) kind));
    }
}

static GtkWidget *
entry_row (LinliRecord *record,
           const char  *column,
           const char  *title,
           GtkWidget  **entry_out,
           gpointer     self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (entry, 220, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), linli_record_get_text (record, column) ?: "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  g_object_set_data (G_OBJECT (entry), "record", record);
  g_object_set_data (G_OBJECT (entry), "column", (gpointer) column);
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), self);
  if (entry_out != NULL)
    *entry_out = entry;
  return row;
}

/* Out of the register on Save; until then Cancel keeps it. Activities and
 * outreach events that named it as a partner keep their other partners. */
static void
remove_cb (GtkButton                *button,
           LinliOrganisationsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return;
  if (linli_record_get_id (g_ptr_array_index (self->records, index)) != 0)
    g_ptr_array_add (self->removed, g_object_ref (g_ptr_array_index (self->records, index)));
  g_ptr_array_remove_index (self->records, index);
  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (self->list_group, row);
  validate (self);
}

static GtkWidget *
organisation_row (LinliOrganisationsDialog *self,
                  LinliRecord              *record)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LINLI_TYPE_ORGANISATION_KIND);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *name_entry = NULL;
  GtkWidget *name_row = entry_row (record, "name", _("_Name"), &name_entry, self);
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove from the Register"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), linli_record_get_text (record, "name") ?: "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 linli_organisation_kind_label (linli_record_get_enum (record, "kind")));
  for (guint i = 0; i < kinds->n_values; i++)
    {
      gint64 key = kinds->values[i].value;
      g_array_append_val (keys, key);
      g_ptr_array_add (labels, (gpointer) linli_organisation_kind_label (kinds->values[i].value));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (kind), TRUE);
  linli_form_choice_set (ADW_COMBO_ROW (kind), (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
  linli_form_choice_set_key (ADW_COMBO_ROW (kind), linli_record_get_enum (record, "kind"));
  g_object_set_data (G_OBJECT (kind), "record", record);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (kind_changed_cb), self);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (record, "contact", _("_Contact"), NULL, self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (record, "phone", _("_Phone"), NULL, self));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
  g_object_set_data (G_OBJECT (row), "name-row", name_row);
  g_object_set_data (G_OBJECT (row), "name-entry", name_entry);
  return row;
}

static void
append (LinliOrganisationsDialog *self,
        LinliRecord              *record)
{
  GtkWidget *row = organisation_row (self, record);

  g_ptr_array_add (self->records, g_object_ref (record));
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->list_group, row);
}

/* Add is offered once there is a name to add. */
static void
add_text_changed_cb (LinliOrganisationsDialog *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));

  gtk_widget_set_sensitive (self->add_button, name != NULL);
}

static void
add_cb (LinliOrganisationsDialog *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));
  g_autoptr(LinliRecord) record = NULL;

  if (name == NULL)
    return;
  record = linli_record_new (LINLI_TYPE_ORGANISATION);
  linli_record_set_text (record, "name", name);
  linli_record_set_enum (record, "kind", LINLI_ORGANISATION_KIND_OTHER);
  append (self, record);
  adw_expander_row_set_expanded (g_ptr_array_index (self->rows, self->rows->len - 1), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  validate (self);
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliOrganisationsDialog *self = LINLI_ORGANISATIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (linli_store_save_organisations (self->store, self->records, self->removed, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  message = g_strdup_printf (_("The organisations could not be saved: %s"), error->message);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
linli_organisations_dialog_dispose (GObject *object)
{
  LinliOrganisationsDialog *self = LINLI_ORGANISATIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_ORGANISATIONS_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (linli_organisations_dialog_parent_class)->dispose (object);
}

static void
linli_organisations_dialog_class_init (LinliOrganisationsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_organisations_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-organisations-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliOrganisationsDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliOrganisationsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliOrganisationsDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, LinliOrganisationsDialog, add_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliOrganisationsDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "organisations.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "organisations.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_organisations_dialog_init (LinliOrganisationsDialog *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinliOrganisationsDialog *
linli_organisations_dialog_new (GtkWindow  *parent,
                                LinliStore *store)
{
  LinliOrganisationsDialog *self;
  g_autoptr(GListModel) all = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_ORGANISATIONS_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  all = linli_store_list (store, LINLI_TYPE_ORGANISATION);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LinliRecord) organisation = g_list_model_get_item (all, i);
      g_autoptr(LinliRecord) copy = linli_record_copy (organisation);
      append (self, copy);
    }
  validate (self);
  return self;
}

/* The register over the window of @from, a page's action; nothing
 * without a store. */
void
linli_organisations_dialog_show (GtkWidget  *from,
                                 LinliStore *store)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (from));

  if (store == NULL)
    return;
  root = gtk_widget_get_root (from);
  gtk_window_present (GTK_WINDOW (linli_organisations_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  store)));
}
