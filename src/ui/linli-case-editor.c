/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-editor.h"
#include "linli-case-rules.h"
#include "linli-case-section-handling.h"
#include "linli-case-section-outcome.h"
#include "linli-case-section-timeline.h"
#include "linli-case-section-what.h"
#include "linli-case-section-where.h"
#include "linli-case-section-who.h"
#include "linli-editor-close.h"

/* The editor of one case, in the shape of GNOME Calendar's event editor:
 * sections that edit a copy of the case, checked as a whole after every
 * change, and written once on Save together with its reporter and any
 * diary entries of a new case. Save stays off while anything is wrong, and
 * each message sits in the row of its field. Closing with changes asks
 * first. Deleting closes the editor and emits ::deleted, so that the list
 * can offer to undo it. */

struct _LinliCaseEditor
{
  AdwWindow          parent_instance;

  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  LinliCaseSection  *what;
  LinliCaseSection  *who;
  LinliCaseSection  *where;
  LinliCaseSection  *handling;
  LinliCaseSection  *outcome;
  LinliCaseSection  *timeline;
  GtkWidget         *delete_group;

  LinliStore        *store;
  LinliRecord       *original;  /* as stored; NULL for a new case */
  LinliRecord       *baseline;  /* what "no changes" is */
  LinliRecord       *copy;      /* what the sections edit */
  AdwMessageDialog  *confirm;
  gboolean           valid;
  gboolean           show_all;  /* every message, not only those of fields changed */
  gboolean           closing;   /* saved, deleted or discarded: close without asking */
};

G_DEFINE_FINAL_TYPE (LinliCaseEditor, linli_case_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_SECTIONS 6

static void
get_sections (LinliCaseEditor  *self,
              LinliCaseSection *all[N_SECTIONS])
{
  all[0] = self->what;
  all[1] = self->who;
  all[2] = self->where;
  all[3] = self->handling;
  all[4] = self->outcome;
  all[5] = self->timeline;
}

static void
show_error (LinliCaseEditor *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* What the rules say about the copy, and what the sections could not read. */
static gboolean
collect_errors (LinliCaseEditor *self,
                LinliCaseErrors *errors)
{
  g_autoptr(GDateTime) now = linli_store_now (self->store);
  LinliCaseSectionWho *who = LINLI_CASE_SECTION_WHO (self->who);
  LinliCaseSection *all[N_SECTIONS];

  linli_case_validate (self->copy, self->original,
                       linli_case_section_who_get_name (who),
                       linli_case_section_who_get_phone (who),
                       now, errors);
  get_sections (self, all);
  for (guint i = 0; i < N_SECTIONS; i++)
    linli_case_section_check_input (all[i], errors);
  return linli_case_errors_is_empty (errors);
}

static gboolean
validate (LinliCaseEditor *self)
{
  g_auto(LinliCaseErrors) errors = { 0 };
  LinliCaseSection *all[N_SECTIONS];

  self->valid = collect_errors (self, &errors);
  get_sections (self, all);
  for (guint i = 0; i < N_SECTIONS; i++)
    linli_case_section_show_errors (all[i], &errors, self->show_all);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save", self->valid);
  if (self->confirm != NULL)
    adw_message_dialog_set_response_enabled (self->confirm, "save", self->valid);
  return self->valid;
}

static void
section_changed_cb (LinliCaseEditor *self)
{
  validate (self);
}

static void
update_title (LinliCaseEditor *self)
{
  g_autofree char *title = NULL;

  if (self->original == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Case"));
      return;
    }
  /* TRANSLATORS: %s is the number of the case, such as 2026-0042 */
  title = g_strdup_printf (_("Case %s"), linli_record_get_text (self->original, "number"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
reset_ids (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    linli_record_set_id (g_ptr_array_index (records, i), 0);
}

/* Writes the reporter, the case and the entries of a new case in one
 * transaction. On failure nothing is written and the copy is as it was. */
static gboolean
write_case (LinliCaseEditor  *self,
            GError          **error)
{
  LinliCaseSectionWho *who = LINLI_CASE_SECTION_WHO (self->who);
  GListModel *pending = linli_case_section_timeline_get_pending (LINLI_CASE_SECTION_TIMELINE (self->timeline));
  g_autoptr(LinliRecord) reporter = NULL;
  g_autoptr(GPtrArray) inserted = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 old_reporter = linli_record_get_int (self->copy, "reporter_id");
  g_autofree char *old_number = g_strdup (linli_record_get_text (self->copy, "number"));
  gboolean is_new = self->original == NULL;
  gboolean needs_write = FALSE;
  gboolean ok;

  reporter = linli_case_section_who_dup_reporter (who, &needs_write);

  if (!linli_store_begin (self->store, error))
    return FALSE;

  ok = TRUE;
  if (reporter != NULL && needs_write)
    {
      if (linli_record_get_id (reporter) == 0)
        {
          ok = linli_store_insert (self->store, reporter, error);
          if (ok)
            g_ptr_array_add (inserted, g_object_ref (reporter));
        }
      else
        ok = linli_store_update (self->store, reporter, error);
    }
  if (ok)
    linli_record_set_int (self->copy, "reporter_id", reporter ? linli_record_get_id (reporter) : 0);

  if (ok && is_new)
    {
      /* Numbered now, in case another case was added since the editor opened. */
      GDateTime *reported = linli_record_get_datetime (self->copy, "reported_at");
      g_autoptr(GDateTime) local = g_date_time_to_local (reported);
      g_autofree char *number = linli_store_next_case_number (self->store, g_date_time_get_year (local));

      linli_record_set_text (self->copy, "number", number);
      ok = linli_store_insert (self->store, self->copy, error);
      if (ok)
        g_ptr_array_add (inserted, g_object_ref (self->copy));
    }
  else if (ok)
    /* Only what this editor changed: an assignment made on the Cases page
     * meanwhile stays. */
    ok = linli_store_update_from (self->store, self->original, self->copy, error);

  for (guint i = 0; ok && i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (pending, i);

      linli_record_set_int (event, "case_id", linli_record_get_id (self->copy));
      ok = linli_store_insert (self->store, event, error);
      if (ok)
        g_ptr_array_add (inserted, g_object_ref (event));
    }

  if (ok && linli_store_commit (self->store, error))
    return TRUE;

  /* A failed write or commit leaves the transaction open. */
  linli_store_rollback (self->store);
  reset_ids (inserted);
  linli_record_set_int (self->copy, "reporter_id", old_reporter);
  if (is_new)
    linli_record_set_text (self->copy, "number", old_number);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (pending, i);
      linli_record_set_int (event, "case_id", 0);
    }
  return FALSE;
}

static gboolean
save (LinliCaseEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) saved = NULL;

  self->show_all = TRUE;
  if (!validate (self))
    return FALSE;

  if (!write_case (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The case could not be saved: %s"), error->message);
      show_error (self, message);
      return FALSE;
    }

  saved = linli_store_get (self->store, LINLI_TYPE_CASE, linli_record_get_id (self->copy), NULL);
  if (saved == NULL)
    saved = linli_record_copy (self->copy);
  g_set_object (&self->original, saved);
  g_set_object (&self->baseline, saved);
  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (widget);

  if (save (self))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (widget);
  g_autoptr(LinliRecord) deleted = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListStore) kept = g_list_store_new (LINLI_TYPE_CASE_EVENT);
  g_autoptr(GError) error = NULL;

  if (self->original == NULL)
    return;

  /* What the list needs to put the case back: the case as stored and its
   * diary, which goes with it. */
  deleted = g_object_ref (self->original);
  events = linli_store_list_case_events (self->store, linli_record_get_id (deleted));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (events, i);
      g_autoptr(LinliRecord) copy = linli_record_copy (event);
      g_list_store_append (kept, copy);
    }

  if (!linli_store_delete (self->store, deleted, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The case could not be deleted: %s"), error->message);
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, deleted, kept);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
respond (GtkWindow  *window,
         const char *response)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (window);

  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_destroy (window);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "case.save", NULL);
}

static void
confirm_close (LinliCaseEditor *self)
{
  g_auto(LinliCaseErrors) errors = { 0 };
  g_autofree char *body = NULL;

  if (self->confirm != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->confirm));
      return;
    }

  self->show_all = TRUE;
  validate (self);
  if (collect_errors (self, &errors))
    body = g_strdup (_("Changes to this case that are not saved will be lost."));
  else
    {
      g_autofree char *first = linli_case_errors_first (&errors);
      /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
      body = g_strdup_printf (_("Changes to this case that are not saved will be lost. It cannot be saved yet: %s."),
                              first);
    }

  self->confirm = linli_editor_ask_to_save (GTK_WINDOW (self), body, self->valid, respond);
  g_object_add_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
}

static gboolean
linli_case_editor_close_request (GtkWindow *window)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (window);

  if (!self->closing && linli_case_editor_has_changes (self))
    {
      confirm_close (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (linli_case_editor_parent_class)->close_request (window);
}

static LinliRecord *
new_case (LinliStore *store)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_CASE);
  g_autoptr(GDateTime) now = linli_store_now (store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) minute = NULL;
  g_autofree char *number = NULL;

  /* The editor shows times to the minute. */
  minute = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                  g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                                  g_date_time_get_minute (local), 0);
  number = linli_store_next_case_number (store, g_date_time_get_year (local));
  linli_record_set_text (record, "number", number);
  linli_record_set_datetime (record, "reported_at", minute != NULL ? minute : now);
  linli_record_set_enum (record, "status", LINLI_CASE_STATUS_REGISTERED);
  linli_record_set_enum (record, "urgency", LINLI_URGENCY_NORMAL);
  return record;
}

static void
linli_case_editor_constructed (GObject *object)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (object);
  LinliCaseSection *all[N_SECTIONS];

  G_OBJECT_CLASS (linli_case_editor_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  if (self->original != NULL)
    self->baseline = g_object_ref (self->original);
  else
    self->baseline = new_case (self->store);
  self->copy = linli_record_copy (self->baseline);

  get_sections (self, all);
  for (guint i = 0; i < N_SECTIONS; i++)
    linli_case_section_load (all[i], self->store, self->copy, self->original);

  gtk_widget_set_visible (self->delete_group, self->original != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.delete", self->original != NULL);
  update_title (self);
  /* A stored case says at once what keeps it from being saved. */
  self->show_all = self->original != NULL;
  validate (self);
}

static void
linli_case_editor_dispose (GObject *object)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->baseline);
  g_clear_object (&self->copy);

  G_OBJECT_CLASS (linli_case_editor_parent_class)->dispose (object);
}

static void
linli_case_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_case_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE:
      self->original = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_case_editor_class_init (LinliCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = linli_case_editor_constructed;
  object_class->dispose = linli_case_editor_dispose;
  object_class->get_property = linli_case_editor_get_property;
  object_class->set_property = linli_case_editor_set_property;
  window_class->close_request = linli_case_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LINLI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LinliCaseEditor:case:
   *
   * The case as stored; %NULL while a new case is not saved.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, LINLI_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinliCaseEditor::saved:
   * @case_record: the case as stored now
   *
   * The case was written; the editor closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LINLI_TYPE_CASE);

  /**
   * LinliCaseEditor::deleted:
   * @case_record: the case as it was stored, with its id
   * @events: a #GListModel of the #LinliCaseEvent diary it had, with their ids
   *
   * The case was deleted from the store, and the editor closes. The list
   * shows a toast and may put the case back on Undo.
   */
  signals[DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LINLI_TYPE_CASE, G_TYPE_LIST_MODEL);

  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHAT);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHO);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHERE);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_HANDLING);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_OUTCOME);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, what);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, who);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, where);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, handling);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, outcome);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, timeline);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);

  gtk_widget_class_install_action (widget_class, "case.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "case.delete", NULL, delete_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "case.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_case_editor_init (LinliCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * linli_case_editor_new:
 * @case_or_null: (nullable): the case to edit, %NULL for a new one
 */
LinliCaseEditor *
linli_case_editor_new (GtkWindow   *parent,
                       LinliStore  *store,
                       LinliRecord *case_or_null)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (case_or_null == NULL || LINLI_IS_CASE (case_or_null), NULL);

  return g_object_new (LINLI_TYPE_CASE_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       "case", case_or_null,
                       NULL);
}

LinliStore *
linli_case_editor_get_store (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), NULL);

  return self->store;
}

/**
 * linli_case_editor_get_case:
 *
 * Returns: (transfer none) (nullable): the case as stored, %NULL for a new
 *   case that is not saved yet
 */
LinliRecord *
linli_case_editor_get_case (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), NULL);

  return self->original;
}

/**
 * linli_case_editor_get_copy:
 *
 * Returns: (transfer none): the case as edited so far
 */
LinliRecord *
linli_case_editor_get_copy (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), NULL);

  return self->copy;
}

gboolean
linli_case_editor_is_valid (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), FALSE);

  return self->valid;
}

/* Changes are what Save would write: the case, its reporter, and the
 * entries waiting for a new case. */
gboolean
linli_case_editor_has_changes (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), FALSE);

  return !linli_record_equal (self->copy, self->baseline) ||
         linli_case_section_who_has_changes (LINLI_CASE_SECTION_WHO (self->who)) ||
         g_list_model_get_n_items (linli_case_section_timeline_get_pending (LINLI_CASE_SECTION_TIMELINE (self->timeline))) > 0;
}
