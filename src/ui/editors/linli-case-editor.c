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
#include "linli-case-store.h"
#include "linli-record-editor.h"
#include "linli-report-actions.h"

/* The editor of one case, in the shape of GNOME Calendar's event editor:
 * sections that edit a copy of the case, checked as a whole after every
 * change, and written once on Save together with its reporter and the
 * diary entries added. Save stays off while anything is wrong, and
 * each message sits in the row of its field. Closing with changes asks
 * first. Deleting closes the editor and emits ::deleted, so that the list
 * can offer to undo it. */

struct _LinliCaseEditor
{
  LinliRecordEditor  parent_instance;

  LinliRecordSection  *what;
  LinliRecordSection  *who;
  LinliRecordSection  *where;
  LinliRecordSection  *handling;
  LinliRecordSection  *outcome;
  LinliRecordSection  *timeline;
};

G_DEFINE_FINAL_TYPE (LinliCaseEditor, linli_case_editor, LINLI_TYPE_RECORD_EDITOR)

static const LinliRecordEditorTexts texts = {
  N_("The case could not be saved: %s"),
  N_("The case could not be deleted: %s"),
  N_("Changes to this case that are not saved will be lost."),
  /* TRANSLATORS: %s is what is wrong, such as “Enter a title” */
  N_("Changes to this case that are not saved will be lost. It cannot be saved yet: %s."),
};

/* What the rules say about the copy, and what the sections could not
 * read; each section shows its own messages. */
static gboolean
linli_case_editor_validate (LinliRecordEditor  *editor,
                            gboolean            show_all,
                            char              **first)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (editor);
  LinliStore *store = linli_record_editor_get_store (editor);
  g_autoptr(GDateTime) now = linli_store_now (store);
  LinliCaseSectionWho *who = LINLI_CASE_SECTION_WHO (self->who);
  g_auto(LinliCaseErrors) errors = { 0 };
  gboolean valid;

  linli_case_validate (linli_record_editor_get_copy (editor), linli_record_editor_get_original (editor),
                       linli_case_section_who_get_name (who),
                       linli_case_section_who_get_phone (who),
                       now, &errors);
  linli_record_editor_check_sections (editor, &errors);
  valid = linli_case_errors_is_empty (&errors);
  linli_record_editor_show_sections (editor, &errors, show_all);
  if (first != NULL && !valid)
    *first = linli_case_errors_first (&errors);
  return valid;
}

static char *
linli_case_editor_title_for (LinliRecordEditor *editor,
                             LinliRecord       *original)
{
  if (original == NULL)
    return g_strdup (_("New Case"));
  /* TRANSLATORS: %s is the number of the case, such as 2026-0042 */
  return g_strdup_printf (_("Case %s"), linli_record_get_text (original, "number"));
}

/* The reporter, the case and the entries of a new case, in one store
 * call. On failure nothing is written and the copy is as it was. */
static gboolean
linli_case_editor_write (LinliRecordEditor  *editor,
                         GError            **error)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (editor);
  LinliRecord *copy = linli_record_editor_get_copy (editor);
  GListModel *pending = linli_case_section_timeline_get_pending (LINLI_CASE_SECTION_TIMELINE (self->timeline));
  g_autoptr(LinliRecord) reporter = NULL;
  gint64 old_reporter = linli_record_get_int (copy, "reporter_id");
  gboolean needs_write = FALSE;

  reporter = linli_case_section_who_dup_reporter (LINLI_CASE_SECTION_WHO (self->who), &needs_write);
  if (!needs_write)
    linli_record_set_int (copy, "reporter_id", reporter != NULL ? linli_record_get_id (reporter) : 0);
  if (linli_store_save_case (linli_record_editor_get_store (editor), linli_record_editor_get_original (editor),
                             copy, needs_write ? reporter : NULL, pending, error))
    return TRUE;
  linli_record_set_int (copy, "reporter_id", old_reporter);
  return FALSE;
}

/* What the list needs to put the case back: its diary, which goes with it. */
static gboolean
linli_case_editor_delete (LinliRecordEditor  *editor,
                          gpointer           *children,
                          GDestroyNotify     *free_children,
                          GError            **error)
{
  LinliStore *store = linli_record_editor_get_store (editor);
  LinliRecord *original = linli_record_editor_get_original (editor);
  g_autoptr(GListModel) entries = linli_store_list_diary_entries (store, linli_record_get_id (original));
  g_autoptr(GListStore) kept = g_list_store_new (LINLI_TYPE_DIARY_ENTRY);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LinliRecord) entry = g_list_model_get_item (entries, i);
      g_autoptr(LinliRecord) copy = linli_record_copy (entry);
      g_list_store_append (kept, copy);
    }
  if (!linli_store_delete (store, original, error))
    return FALSE;
  *children = g_steal_pointer (&kept);
  *free_children = g_object_unref;
  return TRUE;
}

/* Besides the case: its reporter, and the diary entries added. */
static gboolean
linli_case_editor_has_changes_hook (LinliRecordEditor *editor)
{
  LinliCaseEditor *self = LINLI_CASE_EDITOR (editor);

  return linli_case_section_who_has_changes (LINLI_CASE_SECTION_WHO (self->who)) ||
         g_list_model_get_n_items (linli_case_section_timeline_get_pending (LINLI_CASE_SECTION_TIMELINE (self->timeline))) > 0;
}

static LinliRecord *
linli_case_editor_new_record (LinliRecordEditor *editor)
{
  LinliStore *store = linli_record_editor_get_store (editor);
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

/* The case sheet of the case as stored: what was saved is what is filed. */
static void
print_sheet_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LinliRecordEditor *editor = LINLI_RECORD_EDITOR (widget);
  LinliRecord *original = linli_record_editor_get_original (editor);

  if (original != NULL)
    linli_report_actions_print_case_sheet (GTK_WINDOW (widget), linli_record_editor_get_store (editor),
                                           linli_record_get_id (original));
}

static void
linli_case_editor_constructed (GObject *object)
{
  G_OBJECT_CLASS (linli_case_editor_parent_class)->constructed (object);

  gtk_widget_action_set_enabled (GTK_WIDGET (object), "case.print-sheet",
                                 linli_record_editor_get_original (LINLI_RECORD_EDITOR (object)) != NULL);
}

static void
linli_case_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LINLI_TYPE_CASE_EDITOR);

  G_OBJECT_CLASS (linli_case_editor_parent_class)->dispose (object);
}

static void
linli_case_editor_class_init (LinliCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LinliRecordEditorClass *editor_class = LINLI_RECORD_EDITOR_CLASS (klass);

  object_class->constructed = linli_case_editor_constructed;
  object_class->dispose = linli_case_editor_dispose;
  editor_class->new_record = linli_case_editor_new_record;
  editor_class->validate = linli_case_editor_validate;
  editor_class->write = linli_case_editor_write;
  editor_class->delete = linli_case_editor_delete;
  editor_class->title_for = linli_case_editor_title_for;
  editor_class->has_changes = linli_case_editor_has_changes_hook;
  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHAT);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHO);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_WHERE);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_HANDLING);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_OUTCOME);
  g_type_ensure (LINLI_TYPE_CASE_SECTION_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, what);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, who);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, where);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, handling);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, outcome);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseEditor, timeline);

  linli_record_editor_class_setup (editor_class, "case", &texts);
  gtk_widget_class_install_action (widget_class, "case.print-sheet", NULL, print_sheet_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "case.print-sheet", NULL);
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
  g_return_val_if_fail (case_or_null == NULL || LINLI_IS_CASE (case_or_null), NULL);

  return linli_record_editor_new_of (LINLI_TYPE_CASE_EDITOR, parent, store, case_or_null);
}

LinliStore *
linli_case_editor_get_store (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), NULL);
  return linli_record_editor_get_store (LINLI_RECORD_EDITOR (self));
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
  return linli_record_editor_get_original (LINLI_RECORD_EDITOR (self));
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
  return linli_record_editor_get_copy (LINLI_RECORD_EDITOR (self));
}

gboolean
linli_case_editor_is_valid (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), FALSE);
  return linli_record_editor_is_valid (LINLI_RECORD_EDITOR (self));
}

gboolean
linli_case_editor_has_changes (LinliCaseEditor *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_EDITOR (self), FALSE);
  return linli_record_editor_has_changes (LINLI_RECORD_EDITOR (self));
}
