/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-participants-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section.h"
#include "linli-event-store.h"
#include "linli-participants-editor.h"

/* The participations are copies, edited in place: a new one has id 0, and
 * one for a volunteer not yet in the register carries that volunteer (see
 * linli_participation_set_new_volunteer()); the activity's Save writes
 * them all in one transaction. */

struct _LinliParticipantsEditor
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *total_label;
  GtkWidget           *volunteer_row;
  GtkDropDown         *volunteer_drop_down;
  GtkWidget           *new_row;
  GtkEntry            *new_name_entry;
  GtkEntry            *new_phone_entry;
  GtkWidget           *list_message;  /* the message about the list as a whole */

  LinliStore          *store;
  GHashTable          *volunteer_names;  /* id → name */
  GArray              *choice_ids;       /* per item of the drop-down */
  GPtrArray           *participations;   /* LinliParticipation being edited */
  GPtrArray           *baseline;         /* as loaded */
  GPtrArray           *rows;             /* AdwActionRow per participation */
};

static void linli_participants_editor_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliParticipantsEditor, linli_participants_editor, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION,
                                                      linli_participants_editor_section_init))

static void rebuild_rows (LinliParticipantsEditor *self);

static const char *
volunteer_name (LinliParticipantsEditor *self,
                LinliRecord             *participation)
{
  LinliRecord *fresh = linli_participation_get_new_volunteer (participation);
  gint64 id = linli_record_get_int (participation, "volunteer_id");
  const char *name;

  if (fresh != NULL)
    return linli_record_get_text (fresh, "name");
  name = g_hash_table_lookup (self->volunteer_names, &id);
  return name != NULL ? name : "";
}

void
linli_participants_editor_get_totals (LinliParticipantsEditor *self,
                                      guint                   *n_volunteers,
                                      double                  *hours)
{
  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));

  *n_volunteers = self->participations->len;
  *hours = 0;
  for (guint i = 0; i < self->participations->len; i++)
    *hours += linli_record_get_double (g_ptr_array_index (self->participations, i), "hours");
}

static void
update_total (LinliParticipantsEditor *self)
{
  guint n;
  double hours;
  g_autofree char *text = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  linli_participants_editor_get_totals (self, &n, &hours);
  g_ascii_formatd (number, sizeof number, "%.1f", hours);
  /* TRANSLATORS: the total of an activity, such as “2 volunteers, 5.5 hours” */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u volunteer, %s hours",
                                       "%u volunteers, %s hours", n), n, number);
  gtk_label_set_text (GTK_LABEL (self->total_label), text);
}

static void
changed (LinliParticipantsEditor *self)
{
  update_total (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

static void
role_changed_cb (GtkEditable             *entry,
                 LinliParticipantsEditor *self)
{
  LinliRecord *participation = g_object_get_data (G_OBJECT (entry), "participation");
  g_autofree char *text = linli_form_field_dup_text (entry);

  linli_record_set_text (participation, "role", text);
  changed (self);
}

static void
hours_changed_cb (GtkSpinButton           *spin,
                  LinliParticipantsEditor *self)
{
  LinliRecord *participation = g_object_get_data (G_OBJECT (spin), "participation");

  linli_record_set_double (participation, "hours", gtk_spin_button_get_value (spin));
  linli_form_field_touch (GTK_WIDGET (spin));
  changed (self);
}

static void
remove_cb (GtkButton               *button,
           LinliParticipantsEditor *self)
{
  LinliRecord *participation = g_object_get_data (G_OBJECT (button), "participation");

  g_ptr_array_remove (self->participations, participation);
  rebuild_rows (self);
  changed (self);
}

static GtkWidget *
participant_row (LinliParticipantsEditor *self,
                 LinliRecord             *participation)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *role = gtk_entry_new ();
  GtkWidget *hours = gtk_spin_button_new_with_range (0, LINLI_PARTICIPATION_HOURS_MAX, 0.5);
  GtkWidget *unit = gtk_label_new (_("hours"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *role_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), volunteer_name (self, participation));
  if (linli_participation_get_new_volunteer (participation) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("New volunteer, registered on saving"));

  gtk_editable_set_text (GTK_EDITABLE (role), linli_record_get_text (participation, "role") ?: "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role"));
  gtk_editable_set_width_chars (GTK_EDITABLE (role), 8);
  gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (role, _("Role"));
  g_object_set_data (G_OBJECT (role), "participation", participation);
  g_signal_connect (role, "changed", G_CALLBACK (role_changed_cb), self);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (hours), 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (hours), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), linli_record_get_double (participation, "hours"));
  gtk_widget_set_valign (hours, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (hours, _("Hours of actual service"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (hours), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hours of actual service"), -1);
  g_object_set_data (G_OBJECT (hours), "participation", participation);
  g_signal_connect (hours, "value-changed", G_CALLBACK (hours_changed_cb), self);
  gtk_widget_add_css_class (unit, "dim-label");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  role_label = g_strdup_printf (_("Remove %s"), volunteer_name (self, participation));
  gtk_widget_set_tooltip_text (remove, role_label);
  g_object_set_data (G_OBJECT (remove), "participation", participation);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), hours);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "hours", hours);
  return row;
}

/* The volunteers not in the list yet, to choose from. */
static void
fill_choices (LinliParticipantsEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GListModel) stored = self->store ? linli_store_list (self->store, LINLI_TYPE_VOLUNTEER) : NULL;
  g_autoptr(GPtrArray) volunteers = stored != NULL ? linli_form_sort_by_name (stored, "name") : NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < self->participations->len; i++)
    {
      gint64 id = linli_record_get_int (g_ptr_array_index (self->participations, i), "volunteer_id");
      g_hash_table_add (taken, g_memdup2 (&id, sizeof id));
    }
  g_array_set_size (self->choice_ids, 0);
  g_hash_table_remove_all (self->volunteer_names);
  for (guint i = 0; volunteers != NULL && i < volunteers->len; i++)
    {
      LinliRecord *volunteer = g_ptr_array_index (volunteers, i);
      gint64 id = linli_record_get_id (volunteer);
      const char *name = linli_record_get_text (volunteer, "name");
      const char *number = linli_record_get_text (volunteer, "number");

      g_hash_table_insert (self->volunteer_names, g_memdup2 (&id, sizeof id), g_strdup (name));
      if (g_hash_table_contains (taken, &id))
        continue;
      if (number != NULL && *number != '\0')
        {
          /* TRANSLATORS: a volunteer to choose: the name, then the volunteer number */
          g_autofree char *label = g_strdup_printf (_("%1$s (%2$s)"), name, number);
          gtk_string_list_append (model, label);
        }
      else
        gtk_string_list_append (model, name);
      g_array_append_val (self->choice_ids, id);
    }
  gtk_drop_down_set_model (self->volunteer_drop_down, G_LIST_MODEL (model));
  gtk_widget_set_sensitive (self->volunteer_row, self->choice_ids->len > 0);
}

static void
rebuild_rows (LinliParticipantsEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  /* The rows of the participants come before the rows that add one. */
  g_object_ref (self->volunteer_row);
  g_object_ref (self->new_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->volunteer_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->new_row);
  for (guint i = 0; i < self->participations->len; i++)
    {
      GtkWidget *row = participant_row (self, g_ptr_array_index (self->participations, i));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->volunteer_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->new_row);
  g_object_unref (self->volunteer_row);
  g_object_unref (self->new_row);
  fill_choices (self);
}

static LinliRecord *
new_participation (void)
{
  LinliRecord *participation = linli_record_new (LINLI_TYPE_PARTICIPATION);

  linli_record_set_text (participation, "role", _("Volunteer"));
  return participation;
}

void
linli_participants_editor_add_volunteer (LinliParticipantsEditor *self,
                                         gint64                   volunteer_id)
{
  LinliRecord *participation;

  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));

  participation = new_participation ();
  linli_record_set_int (participation, "volunteer_id", volunteer_id);
  g_ptr_array_add (self->participations, participation);
  rebuild_rows (self);
  changed (self);
}

void
linli_participants_editor_add_new_volunteer (LinliParticipantsEditor *self,
                                             const char              *name,
                                             const char              *phone)
{
  g_autoptr(LinliRecord) volunteer = linli_record_new (LINLI_TYPE_VOLUNTEER);
  LinliRecord *participation;

  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));
  g_return_if_fail (name != NULL);

  linli_record_set_text (volunteer, "name", name);
  linli_record_set_text (volunteer, "phone", phone);
  participation = new_participation ();
  linli_participation_set_new_volunteer (participation, volunteer);
  g_ptr_array_add (self->participations, participation);
  rebuild_rows (self);
  changed (self);
}

static void
add_chosen_cb (LinliParticipantsEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->volunteer_drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->choice_ids->len)
    return;
  linli_participants_editor_add_volunteer (self, g_array_index (self->choice_ids, gint64, selected));
}

static void
add_new_cb (LinliParticipantsEditor *self)
{
  g_autofree char *name = linli_form_field_dup_text (GTK_EDITABLE (self->new_name_entry));
  g_autofree char *phone = linli_form_field_dup_text (GTK_EDITABLE (self->new_phone_entry));

  if (name == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_name_entry), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->new_row), _("Enter the volunteer’s name"));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_name_entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_name_entry), "error");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->new_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_phone_entry), "");
  linli_participants_editor_add_new_volunteer (self, name, phone);
}

/**
 * linli_participants_editor_load:
 * @participations: (nullable) (element-type LinliParticipation): the
 *   participations as stored
 */
void
linli_participants_editor_load (LinliParticipantsEditor *self,
                                LinliStore              *store,
                                GPtrArray               *participations)
{
  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));
  g_return_if_fail (LINLI_IS_STORE (store));

  g_set_object (&self->store, store);
  g_ptr_array_set_size (self->participations, 0);
  g_ptr_array_set_size (self->baseline, 0);
  for (guint i = 0; participations != NULL && i < participations->len; i++)
    {
      LinliRecord *participation = g_ptr_array_index (participations, i);
      g_ptr_array_add (self->participations, linli_record_copy (participation));
      g_ptr_array_add (self->baseline, linli_record_copy (participation));
    }
  /* Names first: the rows show them. */
  fill_choices (self);
  rebuild_rows (self);
  update_total (self);
}

/* Returns: (transfer none) (element-type LinliParticipation): the
 *   participations as edited */
GPtrArray *
linli_participants_editor_get_participations (LinliParticipantsEditor *self)
{
  g_return_val_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self), NULL);
  return self->participations;
}

gboolean
linli_participants_editor_has_changes (LinliParticipantsEditor *self)
{
  g_return_val_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self), FALSE);

  if (self->participations->len != self->baseline->len)
    return TRUE;
  for (guint i = 0; i < self->participations->len; i++)
    if (!linli_record_equal (g_ptr_array_index (self->participations, i),
                             g_ptr_array_index (self->baseline, i)))
      return TRUE;
  return FALSE;
}

void
linli_participants_editor_set_hours (LinliParticipantsEditor *self,
                                     guint                    index,
                                     double                   hours)
{
  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));
  g_return_if_fail (index < self->rows->len);

  gtk_spin_button_set_value (g_object_get_data (g_ptr_array_index (self->rows, index), "hours"), hours);
}

void
linli_participants_editor_show_errors (LinliParticipantsEditor   *self,
                                       const LinliActivityErrors *errors,
                                       gboolean                   show_all)
{
  g_return_if_fail (LINLI_IS_PARTICIPANTS_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      LinliRecord *participation = g_ptr_array_index (self->participations, i);
      const char *error = NULL;

      if (i < errors->n_participants)
        error = errors->participant[i].volunteer ? errors->participant[i].volunteer
                                                 : errors->participant[i].hours;
      /* Every participant row is the user's own doing: always shown. */
      linli_form_field_show (row, g_object_get_data (G_OBJECT (row), "hours"), error,
                             linli_participation_get_new_volunteer (participation) != NULL
                               ? _("New volunteer, registered on saving") : NULL,
                             TRUE);
    }
  /* Only a done activity has this message, and the user said it was done. */
  gtk_label_set_text (GTK_LABEL (self->list_message), errors->participants ?: "");
  gtk_widget_set_visible (self->list_message, errors->participants != NULL);
}

static void
linli_participants_editor_dispose (GObject *object)
{
  LinliParticipantsEditor *self = LINLI_PARTICIPANTS_EDITOR (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (linli_participants_editor_parent_class)->dispose (object);
}

static void
linli_participants_editor_finalize (GObject *object)
{
  LinliParticipantsEditor *self = LINLI_PARTICIPANTS_EDITOR (object);

  g_hash_table_unref (self->volunteer_names);
  g_array_unref (self->choice_ids);
  g_ptr_array_unref (self->participations);
  g_ptr_array_unref (self->baseline);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (linli_participants_editor_parent_class)->finalize (object);
}

/* Who served in the activity as stored; a store that cannot say shows
 * why in the section, and the activity is edited without them. */
static void
participants_load (LinliRecordSection *section,
                   LinliStore         *store,
                   LinliRecord        *copy,
                   LinliRecord        *original)
{
  LinliParticipantsEditor *self = LINLI_PARTICIPANTS_EDITOR (section);
  g_autoptr(GPtrArray) participations = NULL;
  g_autoptr(GError) error = NULL;

  if (original != NULL &&
      (participations = linli_store_load_participations (store, linli_record_get_id (original), &error)) == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
    }
  linli_participants_editor_load (self, store, participations);
}

static void
participants_show_errors (LinliRecordSection *section,
                          gconstpointer       errors,
                          gboolean            show_all)
{
  linli_participants_editor_show_errors (LINLI_PARTICIPANTS_EDITOR (section), errors, show_all);
}

static void
linli_participants_editor_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = participants_load;
  iface->show_errors = participants_show_errors;
}

static void
linli_participants_editor_class_init (LinliParticipantsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_participants_editor_dispose;
  object_class->finalize = linli_participants_editor_finalize;
}

static void
linli_participants_editor_init (LinliParticipantsEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *add, *add_new;
  g_autoptr(GtkExpression) expression = NULL;

  self->volunteer_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->participations = g_ptr_array_new_with_free_func (g_object_unref);
  self->baseline = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Participants"));
  self->total_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->total_label, "numeric");
  gtk_widget_add_css_class (self->total_label, "dim-label");
  self->list_message = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->list_message, "error");
  gtk_widget_set_visible (self->list_message, FALSE);
  gtk_box_append (GTK_BOX (box), self->total_label);
  gtk_box_append (GTK_BOX (box), self->list_message);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), box);

  self->volunteer_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->volunteer_row), _("Add a _Registered Volunteer"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->volunteer_row), TRUE);
  self->volunteer_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->volunteer_drop_down, expression);
  gtk_drop_down_set_enable_search (self->volunteer_drop_down, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->volunteer_drop_down), GTK_ALIGN_CENTER);
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_chosen_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->volunteer_row), GTK_WIDGET (self->volunteer_drop_down));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->volunteer_row), add);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->volunteer_row), GTK_WIDGET (self->volunteer_drop_down));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->volunteer_row);

  self->new_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("Add a _New Volunteer"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->new_row), TRUE);
  self->new_name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->new_name_entry, _("Name"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->new_name_entry), 8);
  gtk_widget_set_valign (GTK_WIDGET (self->new_name_entry), GTK_ALIGN_CENTER);
  self->new_phone_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->new_phone_entry, _("Phone (optional)"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->new_phone_entry), 11);
  gtk_entry_set_input_purpose (self->new_phone_entry, GTK_INPUT_PURPOSE_PHONE);
  gtk_widget_set_valign (GTK_WIDGET (self->new_phone_entry), GTK_ALIGN_CENTER);
  add_new = gtk_button_new_with_mnemonic (_("A_dd"));
  gtk_widget_set_valign (add_new, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add_new, "clicked", G_CALLBACK (add_new_cb), self);
  g_signal_connect_swapped (self->new_name_entry, "activate", G_CALLBACK (add_new_cb), self);
  g_signal_connect_swapped (self->new_phone_entry, "activate", G_CALLBACK (add_new_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->new_row), GTK_WIDGET (self->new_name_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->new_row), GTK_WIDGET (self->new_phone_entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->new_row), add_new);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->new_row), GTK_WIDGET (self->new_name_entry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->new_row);

  update_total (self);
}
