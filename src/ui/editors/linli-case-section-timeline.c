/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-timeline.h"
#include "linli-staff.h"

/* The 民情日记 of the case: every entry with its time, kind, person and
 * text; a change of status or of worker reads "before → after". Entries
 * added here are part of the edit: they wait (get_pending) for Save, which
 * writes them with the case, and Cancel drops them. A written entry is
 * never changed: a wrong one is corrected by a new entry that points at
 * it. Each entry is credited to who writes it, chosen from the staff at
 * work and remembered in GSettings ("diary-writers", by database path). */

struct _LinliCaseSectionTimeline
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *events_list;
  AdwComboRow         *writer_row;
  AdwActionRow        *add_row;
  GtkDropDown         *kind_dropdown;
  GtkEntry            *add_entry;

  LinliStore          *store;
  LinliRecord         *copy;
  LinliRecord         *original;
  GListModel          *stored;    /* the entries written so far */
  GListStore          *shown;     /* stored, then pending */
  GListStore          *pending;   /* added in this edit, written on Save */
  GHashTable          *workers;   /* id → name */
  GHashTable          *corrected; /* ids of stored entries corrected */
  LinliRecord         *correcting; /* the stored entry the next one corrects */
  GSettings           *settings;
  gboolean             loading;
};

static void linli_case_section_timeline_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionTimeline, linli_case_section_timeline, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_timeline_section_init))

/* What the user may write; the other kinds the editor writes itself. */
static const LinliDiaryEntryKind user_kinds[] = {
  LINLI_DIARY_ENTRY_KIND_NOTE,
  LINLI_DIARY_ENTRY_KIND_VISIT,
  LINLI_DIARY_ENTRY_KIND_FEEDBACK,
};

static const char *
status_label (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? linli_case_status_label ((LinliCaseStatus) value->value) : nick;
}

static const char *
worker_name (LinliCaseSectionTimeline *self,
             gint64                    id)
{
  return id != 0 ? g_hash_table_lookup (self->workers, &id) : NULL;
}

/* A worker as an assignment event keeps it: the id as text. */
static char *
worker_label (LinliCaseSectionTimeline *self,
              const char               *id_text)
{
  gint64 id = id_text != NULL ? g_ascii_strtoll (id_text, NULL, 10) : 0;
  const char *name = worker_name (self, id);

  if (id == 0)
    return g_strdup (C_("diary", "Unassigned"));
  if (name == NULL)
    /* TRANSLATORS: a worker no longer on the list, by number */
    return g_strdup_printf (_("Worker %s"), id_text);
  return g_strdup (name);
}

/* "Registered → Assigned", "刘晓雯 → 张蕾"; NULL for other kinds. */
static char *
describe_change (LinliCaseSectionTimeline *self,
                 LinliRecord              *event)
{
  const char *from = linli_record_get_text (event, "from_value");
  const char *to = linli_record_get_text (event, "to_value");

  switch (linli_record_get_enum (event, "kind"))
    {
    case LINLI_DIARY_ENTRY_KIND_STATUS:
      if (from == NULL)
        return g_strdup (status_label (to));
      return g_strdup_printf ("%s → %s", status_label (from), status_label (to));

    case LINLI_DIARY_ENTRY_KIND_ASSIGNMENT:
      {
        g_autofree char *before = worker_label (self, from);
        g_autofree char *after = worker_label (self, to);
        return g_strdup_printf ("%s → %s", before, after);
      }

    default:
      return NULL;
    }
}

/**
 * linli_case_section_timeline_describe:
 *
 * Returns: (transfer full): what the entry says: its text, its change of
 *   status or of worker, or both on two lines
 */
char *
linli_case_section_timeline_describe (LinliCaseSectionTimeline *self,
                                      LinliRecord              *event)
{
  g_autofree char *change = NULL;
  const char *text;

  g_return_val_if_fail (LINLI_IS_CASE_SECTION_TIMELINE (self), NULL);
  g_return_val_if_fail (LINLI_IS_DIARY_ENTRY (event), NULL);

  change = describe_change (self, event);
  text = linli_record_get_text (event, "text");
  if (change != NULL && text != NULL && *text)
    return g_strdup_printf ("%s\n%s", change, text);
  if (change != NULL)
    return g_steal_pointer (&change);
  return g_strdup (text != NULL ? text : "");
}

static gboolean
is_user_kind (LinliDiaryEntryKind kind)
{
  return kind == LINLI_DIARY_ENTRY_KIND_CORRECTION ||
         kind == LINLI_DIARY_ENTRY_KIND_NOTE ||
         kind == LINLI_DIARY_ENTRY_KIND_VISIT ||
         kind == LINLI_DIARY_ENTRY_KIND_FEEDBACK;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* A pending entry may still be taken back; a written one of the user's
 * kinds may be corrected, once; a corrected one says so. */
static void
add_entry_suffix (LinliCaseSectionTimeline *self,
                  GtkWidget                *row,
                  LinliRecord              *entry)
{
  gint64 id = linli_record_get_id (entry);
  guint position;

  if (id == 0 && g_list_store_find (self->pending, entry, &position))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("edit-delete-symbolic", _("Remove Entry"),
                                            "timeline.remove", g_variant_new_uint32 (position)));
  else if (g_hash_table_contains (self->corrected, &id))
    {
      GtkWidget *label = gtk_label_new (_("Corrected"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (id != 0 && is_user_kind ((LinliDiaryEntryKind) linli_record_get_enum (entry, "kind")))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("document-edit-symbolic", _("Correct Entry"),
                                            "timeline.correct", g_variant_new_int64 (id)));
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  LinliCaseSectionTimeline *self = user_data;
  LinliRecord *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = linli_case_section_timeline_describe (self, event);
  g_autofree char *time = linli_format_local_time (linli_record_get_datetime (event, "at"));
  const char *name = worker_name (self, linli_record_get_int (event, "worker_id"));
  const char *kind = linli_diary_entry_kind_label ((LinliDiaryEntryKind) linli_record_get_enum (event, "kind"));
  g_autofree char *subtitle = NULL;

  if (name != NULL)
    /* TRANSLATORS: a diary entry: its time, its kind and who wrote it */
    subtitle = g_strdup_printf (_("%s · %s · %s"), time, kind, name);
  else
    /* TRANSLATORS: a diary entry: its time and its kind */
    subtitle = g_strdup_printf (_("%s · %s"), time, kind);

  /* The text is the user's, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  add_entry_suffix (self, row, event);
  return row;
}

static void
add_text_changed_cb (LinliCaseSectionTimeline *self)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", text != NULL);
}

/* The stored entries, then those waiting for Save; which are corrected. */
static void
refresh (LinliCaseSectionTimeline *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_remove_all (self->corrected);
  for (guint i = 0; self->stored != NULL && i < g_list_model_get_n_items (self->stored); i++)
    g_ptr_array_add (all, g_list_model_get_item (self->stored, i));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->pending)); i++)
    g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (self->pending), i));
  for (guint i = 0; i < all->len; i++)
    {
      gint64 corrects = linli_record_get_int (g_ptr_array_index (all, i), "corrects_id");
      if (corrects != 0)
        g_hash_table_add (self->corrected, g_memdup2 (&corrects, sizeof corrects));
    }
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       all->pdata, all->len);
}

static void
stored_changed_cb (LinliCaseSectionTimeline *self)
{
  refresh (self);
}

static void
show_correcting (LinliCaseSectionTimeline *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), self->correcting == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.cancel-correction", self->correcting != NULL);
  if (self->correcting == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("New _Entry"));
      adw_action_row_set_subtitle (self->add_row, NULL);
      return;
    }
  text = linli_case_section_timeline_describe (self, self->correcting);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Correct the _Entry"));
  adw_action_row_set_subtitle (self->add_row, text);
}

static gint64
writer_id (LinliCaseSectionTimeline *self)
{
  gint64 id = 0;

  if (!linli_form_choice_get_key (self->writer_row, &id))
    return 0;
  return id;
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (widget);
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));
  g_autoptr(LinliRecord) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (text == NULL || self->store == NULL)
    return;

  now = linli_store_now (self->store);
  event = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  linli_record_set_int (event, "case_id", self->original ? linli_record_get_id (self->original) : 0);
  linli_record_set_datetime (event, "at", now);
  linli_record_set_int (event, "worker_id", writer_id (self));
  if (self->correcting != NULL)
    {
      linli_record_set_enum (event, "kind", LINLI_DIARY_ENTRY_KIND_CORRECTION);
      linli_record_set_int (event, "corrects_id", linli_record_get_id (self->correcting));
    }
  else
    linli_record_set_enum (event, "kind", user_kinds[MIN (kind, G_N_ELEMENTS (user_kinds) - 1)]);
  linli_record_set_text (event, "text", text);

  g_list_store_append (self->pending, event);
  g_clear_object (&self->correcting);
  show_correcting (self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  refresh (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

/* Takes back an entry added in this edit, not written yet. */
static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->pending)))
    return;
  g_list_store_remove (self->pending, position);
  refresh (self);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

/* The next entry corrects the written one: its text to start from. */
static void
correct_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  g_clear_object (&self->correcting);
  for (guint i = 0; self->stored != NULL && i < g_list_model_get_n_items (self->stored); i++)
    {
      g_autoptr(LinliRecord) entry = g_list_model_get_item (self->stored, i);
      if (linli_record_get_id (entry) == id)
        self->correcting = g_steal_pointer (&entry);
    }
  if (self->correcting == NULL)
    return;
  show_correcting (self);
  linli_form_field_set_text (GTK_EDITABLE (self->add_entry), linli_record_get_text (self->correcting, "text"));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
cancel_correction_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (widget);

  g_clear_object (&self->correcting);
  show_correcting (self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
}

/* Who writes, in this community's file: 0 for nobody chosen yet. */
static gint64
remembered_writer (LinliCaseSectionTimeline *self)
{
  g_autoptr(GVariant) writers = g_settings_get_value (self->settings, "diary-writers");
  const char *path = linli_store_get_path (self->store);
  gint64 id = 0;

  if (path != NULL)
    g_variant_lookup (writers, path, "x", &id);
  return id;
}

static void
remember_writer (LinliCaseSectionTimeline *self,
                 gint64                    id)
{
  g_autoptr(GVariant) writers = g_settings_get_value (self->settings, "diary-writers");
  const char *path = linli_store_get_path (self->store);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  GVariantIter iter;
  const char *key;
  gint64 value;

  if (path == NULL)
    return;
  g_variant_iter_init (&iter, writers);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &value))
    if (!g_str_equal (key, path))
      g_variant_builder_add (&builder, "{sx}", key, value);
  if (id != 0)
    g_variant_builder_add (&builder, "{sx}", path, id);
  g_settings_set_value (self->settings, "diary-writers", g_variant_builder_end (&builder));
}

static void
writer_changed_cb (LinliCaseSectionTimeline *self)
{
  if (self->loading)
    return;
  remember_writer (self, writer_id (self));
}

static void
add_activated_cb (LinliCaseSectionTimeline *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.add", NULL);
}

static void
timeline_load (LinliRecordSection *section,
               LinliStore       *store,
               LinliRecord      *copy,
               LinliRecord      *original)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (section);
  g_autoptr(GListModel) workers = linli_store_list (store, LINLI_TYPE_WORKER);
  g_autoptr(GListModel) writers = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->copy, copy);
  g_set_object (&self->original, original);

  g_hash_table_remove_all (self->workers);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (workers, i);
      gint64 *id = g_new (gint64, 1);
      *id = linli_record_get_id (worker);
      g_hash_table_insert (self->workers, id, g_strdup (linli_record_get_text (worker, "name")));
    }

  for (guint i = 0; i < G_N_ELEMENTS (user_kinds); i++)
    gtk_string_list_append (kinds, linli_diary_entry_kind_label (user_kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  /* Who left writes no more. */
  self->loading = TRUE;
  writers = linli_staff_list_active (store, 0);
  linli_form_choice_set_records (self->writer_row, writers, "name", C_("diary writer", "Not chosen"), TRUE);
  linli_form_choice_set_key (self->writer_row, remembered_writer (self));
  self->loading = FALSE;

  if (self->stored != NULL)
    g_signal_handlers_disconnect_by_func (self->stored, stored_changed_cb, self);
  g_clear_object (&self->stored);
  if (original != NULL)
    {
      self->stored = linli_store_list_diary_entries (store, linli_record_get_id (original));
      g_signal_connect_swapped (self->stored, "items-changed", G_CALLBACK (stored_changed_cb), self);
    }
  g_list_store_remove_all (self->pending);
  g_clear_object (&self->correcting);
  refresh (self);
  show_correcting (self);
  add_text_changed_cb (self);
}

static void
linli_case_section_timeline_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = timeline_load;
}

static void
linli_case_section_timeline_dispose (GObject *object)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (object);

  if (self->events_list != NULL)
    gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_TIMELINE);
  if (self->stored != NULL)
    g_signal_handlers_disconnect_by_func (self->stored, stored_changed_cb, self);
  g_clear_object (&self->stored);
  g_clear_object (&self->shown);
  g_clear_object (&self->pending);
  g_clear_object (&self->correcting);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->copy);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (linli_case_section_timeline_parent_class)->dispose (object);
}

static void
linli_case_section_timeline_finalize (GObject *object)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (object);

  g_clear_pointer (&self->workers, g_hash_table_unref);
  g_clear_pointer (&self->corrected, g_hash_table_unref);

  G_OBJECT_CLASS (linli_case_section_timeline_parent_class)->finalize (object);
}

static void
linli_case_section_timeline_class_init (LinliCaseSectionTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_timeline_dispose;
  object_class->finalize = linli_case_section_timeline_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, events_list);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, writer_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, add_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, add_entry);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, writer_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "timeline.remove", "u", remove_cb);
  gtk_widget_class_install_action (widget_class, "timeline.correct", "x", correct_cb);
  gtk_widget_class_install_action (widget_class, "timeline.cancel-correction", NULL, cancel_correction_cb);
}

static void
linli_case_section_timeline_init (LinliCaseSectionTimeline *self)
{
  GtkWidget *placeholder;

  self->pending = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);
  self->shown = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);
  self->workers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->corrected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (self->shown), create_event_row, self, NULL);

  placeholder = gtk_label_new (_("No entries yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->events_list, placeholder);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.cancel-correction", FALSE);
}

/**
 * linli_case_section_timeline_get_pending:
 *
 * Returns: (transfer none): the entries added in this edit, to write
 *   when the case is saved (linli_store_save_case())
 */
GListModel *
linli_case_section_timeline_get_pending (LinliCaseSectionTimeline *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SECTION_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->pending);
}
