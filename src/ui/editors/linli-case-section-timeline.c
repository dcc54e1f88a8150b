/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-timeline.h"

/* The 民情日记 of the case: every entry with its time, kind, person and
 * text; a change of status or of worker reads "before → after". An entry
 * added to a stored case is written at once, as a diary is; one added to a
 * new case waits for the case to be saved (get_pending). */

struct _LinliCaseSectionTimeline
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *events_list;
  AdwActionRow        *add_row;
  GtkDropDown         *kind_dropdown;
  GtkEntry            *add_entry;

  LinliStore          *store;
  LinliRecord         *copy;
  LinliRecord         *original;
  GListModel          *events;
  GListStore          *pending;   /* for a new case */
  GHashTable          *workers;   /* id → name */
};

static void linli_case_section_timeline_section_init (LinliCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionTimeline, linli_case_section_timeline, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_CASE_SECTION, linli_case_section_timeline_section_init))

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
    return g_strdup (C_("worker", "Nobody"));
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
  return row;
}

static void
add_text_changed_cb (LinliCaseSectionTimeline *self)
{
  g_autofree char *text = linli_form_field_dup_text (GTK_EDITABLE (self->add_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", text != NULL);
  adw_action_row_set_subtitle (self->add_row, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_row), "linli-field-error");
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
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (text == NULL || self->store == NULL)
    return;

  now = linli_store_now (self->store);
  event = linli_record_new (LINLI_TYPE_DIARY_ENTRY);
  linli_record_set_int (event, "case_id", self->original ? linli_record_get_id (self->original) : 0);
  linli_record_set_datetime (event, "at", now);
  linli_record_set_int (event, "worker_id", linli_record_get_int (self->copy, "worker_id"));
  linli_record_set_enum (event, "kind", user_kinds[MIN (kind, G_N_ELEMENTS (user_kinds) - 1)]);
  linli_record_set_text (event, "text", text);

  if (self->original != NULL)
    {
      if (!linli_store_insert (self->store, event, &error))
        {
          adw_action_row_set_subtitle (self->add_row, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->add_row), "linli-field-error");
          return;
        }
    }
  else
    {
      g_list_store_append (self->pending, event);
      linli_case_section_changed (LINLI_CASE_SECTION (self));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
}

static void
add_activated_cb (LinliCaseSectionTimeline *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.add", NULL);
}

static void
timeline_load (LinliCaseSection *section,
               LinliStore       *store,
               LinliRecord      *copy,
               LinliRecord      *original)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (section);
  g_autoptr(GListModel) workers = linli_store_list (store, LINLI_TYPE_WORKER);
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

  g_clear_object (&self->events);
  if (original != NULL)
    self->events = linli_store_list_diary_entries (store, linli_record_get_id (original));
  else
    self->events = g_object_ref (G_LIST_MODEL (self->pending));
  gtk_list_box_bind_model (self->events_list, self->events, create_event_row, self, NULL);
  add_text_changed_cb (self);
}

static void
timeline_show_errors (LinliCaseSection      *section,
                      const LinliCaseErrors *errors,
                      gboolean               show_all)
{
}

static void
linli_case_section_timeline_section_init (LinliCaseSectionInterface *iface)
{
  iface->load = timeline_load;
  iface->show_errors = timeline_show_errors;
}

static void
linli_case_section_timeline_dispose (GObject *object)
{
  LinliCaseSectionTimeline *self = LINLI_CASE_SECTION_TIMELINE (object);

  if (self->events_list != NULL)
    gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_TIMELINE);
  g_clear_object (&self->events);
  g_clear_object (&self->pending);
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
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, add_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionTimeline, add_entry);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_cb);
}

static void
linli_case_section_timeline_init (LinliCaseSectionTimeline *self)
{
  GtkWidget *placeholder;

  self->pending = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);
  self->workers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No entries yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->events_list, placeholder);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", FALSE);
}

/**
 * linli_case_section_timeline_get_pending:
 *
 * Returns: (transfer none): the entries added to a new case, to write when
 *   it is saved; empty for a stored case, whose entries are written at once
 */
GListModel *
linli_case_section_timeline_get_pending (LinliCaseSectionTimeline *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SECTION_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->pending);
}
