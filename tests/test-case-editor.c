/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "linli-case-editor.h"
#include "linli-case-rules.h"
#include "linli-demo.h"
#include "linli-location-dialog.h"
#include "linli-report-preview.h"
#include "linli-time-popover.h"
#include "linli-alert.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The case editor under Xvfb, on the demo community: a new case filled in
 * field by field, each rule showing its message in its own row, saved and
 * found in the store with its diary; a stored case moved on in the
 * workflow; unsaved changes, deleting, duplicates and a failed write. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-case-editor");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}




static GtkEditable *
entry_of (GtkWidget  *root,
          const char *title)
{
  GtkWidget *entry = test_find (test_find_row (root, title), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static const char *
subtitle_of (GtkWidget  *root,
             const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (root, title)));
}

static const char *
chosen (GtkWidget  *root,
        const char *title)
{
  gpointer item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (test_find_row (root, title)));
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}


static gboolean
can_save (LinliCaseEditor *editor)
{
  GtkWidget *save = test_find_button (GTK_WIDGET (editor), "case.save");

  g_assert_nonnull (save);
  return gtk_widget_get_sensitive (save);
}

static gboolean
row_shows_error (GtkWidget  *root,
                 const char *title)
{
  return gtk_widget_has_css_class (test_find_row (root, title), "linli-field-error");
}

static LinliRecord *
find_case (LinliStore *store,
           const char *column,
           const char *value)
{
  g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      LinliRecord *record = g_list_model_get_item (cases, i);
      if (g_strcmp0 (linli_record_get_text (record, column), value) == 0)
        return record;
      g_object_unref (record);
    }
  return NULL;
}

static LinliRecord *
find_case_with_status (LinliStore      *store,
                       LinliCaseStatus  status)
{
  g_autoptr(GListModel) cases = linli_store_list (store, LINLI_TYPE_CASE);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      LinliRecord *record = g_list_model_get_item (cases, i);
      if (linli_record_get_enum (record, "status") == (int) status)
        return record;
      g_object_unref (record);
    }
  g_error ("The demo has no case of status %s", linli_case_status_label (status));
}

static LinliCaseEditor *
open_editor (Fixture     *fixture,
             LinliRecord *record)
{
  LinliCaseEditor *editor = linli_case_editor_new (NULL, fixture->store, record);

  gtk_window_present (GTK_WINDOW (editor));
  test_wait_until_drawn (GTK_WIDGET (editor));
  return editor;
}

static void
saved_cb (LinliCaseEditor  *editor,
          LinliRecord      *record,
          LinliRecord     **out)
{
  g_set_object (out, record);
}

static void
test_new_case (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *expected_number = linli_store_next_case_number (fixture->store, 2026);
  g_autoptr(LinliRecord) saved = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(LinliRecord) reporter = NULL;
  g_autoptr(LinliRecord) building = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(LinliRecord) first = NULL;
  g_autoptr(LinliRecord) second = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  guint n_cases = linli_store_count (fixture->store, LINLI_TYPE_CASE);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);

  /* A new case shows the number it will get, the time now, registered
   * and of normal urgency; it cannot be saved empty, and shows no errors. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Case");
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Reported")), ==, "2026-11-27 10:00");
  g_assert_cmpstr (chosen (root, "Status"), ==, "Registered");
  g_assert_cmpstr (chosen (root, "Urgency"), ==, "Normal");
  g_assert_false (can_save (editor));
  g_assert_false (row_shows_error (root, "Title"));
  g_assert_false (linli_case_editor_has_changes (editor));
  g_assert_cmpstr (linli_record_get_text (linli_case_editor_get_copy (editor), "number"), ==, expected_number);

  test_set_text (root, "Title", "5号楼2单元楼道灯不亮");
  test_choose (root, "Category", "公共设施");
  test_set_text (root, "Subcategory", "路灯");
  test_choose (root, "Source", "居民来电");
  test_choose (root, "Urgency", "High");
  test_set_text_view (root, "Description", "孔阿姨来电：5号楼2单元三楼到五楼的楼道灯都不亮，晚上上下楼看不见。");
  test_set_text (root, "Name", "孔繁英");
  test_set_text (root, "Phone", "138 0002 0001");
  g_assert_true (can_save (editor));
  g_assert_true (linli_case_editor_has_changes (editor));

  /* A bad phone: the message in the phone's row, Save off. */
  test_set_text (root, "Phone", "1380002000");
  g_assert_false (can_save (editor));
  g_assert_true (row_shows_error (root, "Phone"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_of (root, "Phone")), "error"));
  g_assert_cmpstr (subtitle_of (root, "Phone"), ==,
                   "Enter a mobile number of 11 digits or a landline with its area code, such as 0537-1234567");
  test_set_text (root, "Phone", "0537-1234567");
  g_assert_true (can_save (editor));
  g_assert_false (row_shows_error (root, "Phone"));
  test_set_text (root, "Phone", "13800020001");

  /* An empty title, and one too long. */
  test_set_text (root, "Title", "   ");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Title"), ==, "Enter a title");
  for (int i = 0; i < 101; i++)
    g_string_append (long_title, "灯");
  test_set_text (root, "Title", long_title->str);
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Title"), ==, "The title can be at most 100 characters (now 101)");
  test_set_text (root, "Title", "5号楼2单元楼道灯不亮");
  g_assert_true (can_save (editor));
  g_assert_false (row_shows_error (root, "Title"));

  /* Due before reported; a time that is no time; reported in the future. */
  test_set_text (root, "Due", "2026-11-26 18:00");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Due"), ==, "The due time must be after the reported time");
  test_set_text (root, "Due", "tomorrow");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Due"), ==, "Enter a day and a time, such as 2026-03-03 09:30");
  test_set_text (root, "Reported", "2026-11-28 09:00");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Reported"), ==, "The reported time cannot be in the future");
  test_set_text (root, "Reported", "2026-11-27 9:30");
  test_set_text (root, "Due", "2026/11/30 18:00");
  g_assert_true (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Due"), ==, "");

  /* The grid follows the building. */
  test_choose (root, "Building", "5号楼");
  building = linli_store_get (fixture->store, LINLI_TYPE_BUILDING,
                              linli_record_get_int (linli_case_editor_get_copy (editor), "building_id"), NULL);
  g_assert_nonnull (building);
  g_assert_cmpint (linli_record_get_int (linli_case_editor_get_copy (editor), "grid_id"), ==,
                   linli_record_get_int (building, "grid_id"));
  g_assert_cmpstr (subtitle_of (root, "Grid"), ==, "Follows the location");
  test_set_text (root, "Unit, Floor and Room", "2单元三至五楼");

  /* Choosing a worker assigns the case. */
  test_choose (root, "Worker", "张蕾");
  g_assert_cmpstr (chosen (root, "Status"), ==, "Assigned");

  /* A diary entry waits for the case to be saved. */
  gtk_editable_set_text (GTK_EDITABLE (test_find (test_find_row (root, "New Entry"), GTK_TYPE_ENTRY)),
                         "电话回复孔阿姨，今天下午上门查看");
  gtk_widget_activate_action (test_find_row (root, "New Entry"), "timeline.add", NULL);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_cases);

  g_assert_true (can_save (editor));
  gtk_widget_activate_action (root, "case.save", NULL);
  g_assert_null (editor);  /* closed */
  g_assert_nonnull (saved);

  /* The case is in the store's list, as entered. */
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_cases + 1);
  stored = find_case (fixture->store, "number", expected_number);
  g_assert_nonnull (stored);
  g_assert_cmpint (linli_record_get_id (stored), ==, linli_record_get_id (saved));
  g_assert_cmpstr (linli_record_get_text (stored, "title"), ==, "5号楼2单元楼道灯不亮");
  g_assert_cmpstr (linli_record_get_text (stored, "category"), ==, "公共设施");
  g_assert_cmpstr (linli_record_get_text (stored, "subcategory"), ==, "路灯");
  g_assert_cmpstr (linli_record_get_text (stored, "source"), ==, "居民来电");
  g_assert_cmpstr (linli_record_get_text (stored, "address"), ==, "2单元三至五楼");
  g_assert_cmpint (linli_record_get_enum (stored, "urgency"), ==, LINLI_URGENCY_HIGH);
  g_assert_cmpint (linli_record_get_enum (stored, "status"), ==, LINLI_CASE_STATUS_ASSIGNED);
  g_assert_cmpint (linli_record_get_int (stored, "building_id"), ==, linli_record_get_id (building));
  g_assert_false (linli_record_get_bool (stored, "grid_overridden"));
  g_assert_cmpint (linli_record_get_int (stored, "worker_id"), !=, 0);
  due = g_date_time_new_local (2026, 11, 30, 18, 0, 0);
  g_assert_true (g_date_time_equal (linli_record_get_datetime (stored, "due_at"), due));

  reporter = linli_store_get (fixture->store, LINLI_TYPE_RESIDENT, linli_record_get_int (stored, "reporter_id"), NULL);
  g_assert_nonnull (reporter);
  g_assert_cmpstr (linli_record_get_text (reporter, "name"), ==, "孔繁英");
  g_assert_cmpstr (linli_record_get_text (reporter, "phone"), ==, "13800020001");

  /* Its diary starts with the status it was saved in, then the entry. */
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (stored));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  first = g_list_model_get_item (events, 0);
  g_assert_cmpint (linli_record_get_enum (first, "kind"), ==, LINLI_DIARY_ENTRY_KIND_STATUS);
  g_assert_cmpstr (linli_record_get_text (first, "to_value"), ==, "assigned");
  second = g_list_model_get_item (events, 1);
  g_assert_cmpint (linli_record_get_enum (second, "kind"), ==, LINLI_DIARY_ENTRY_KIND_NOTE);
  g_assert_cmpstr (linli_record_get_text (second, "text"), ==, "电话回复孔阿姨，今天下午上门查看");
}

static void
test_existing_case_status (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case_with_status (fixture->store, LINLI_CASE_STATUS_IN_PROGRESS);
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(GListModel) events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  g_autoptr(LinliRecord) last = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *title = g_strdup_printf ("Case %s", linli_record_get_text (record, "number"));
  guint n_events = g_list_model_get_n_items (events);
  LinliCaseEditor *editor = open_editor (fixture, record);
  GtkWidget *root = GTK_WIDGET (editor);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, title);
  g_assert_true (can_save (editor));
  g_assert_false (linli_case_editor_has_changes (editor));
  g_assert_nonnull (test_find_button (root, "case.delete"));

  /* Only the workflow's next steps are offered: no going back to
   * registered, no follow-up visit before it is resolved. */
  statuses = test_choices_of (root, "Status");
  g_assert_cmpstr (statuses, ==, "In Progress|Resolved|Escalated|Suspended");

  /* Resolved needs a resolution, its level and its time. */
  test_choose (root, "Status", "Resolved");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Resolution"), ==, "Describe how the case was resolved");
  g_assert_true (row_shows_error (root, "Resolution"));
  g_assert_cmpstr (subtitle_of (root, "Resolution Level"), ==, "Choose where the case was resolved");
  /* Its time is proposed: now. */
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Resolved")), ==, "2026-11-27 10:00");

  /* Escalating instead raises the level; back to resolved, it is undone. */
  test_choose (root, "Status", "Escalated");
  g_assert_cmpstr (chosen (root, "Resolution Level"), ==, "Within the community");
  g_assert_true (can_save (editor));
  test_choose (root, "Status", "Resolved");
  g_assert_cmpstr (chosen (root, "Resolution Level"), ==, "Not resolved");

  test_set_text_view (root, "Resolution", "物业更换了楼道声控灯，已恢复照明。");
  test_choose (root, "Resolution Level", "Within the grid");
  g_assert_true (can_save (editor));
  g_assert_true (linli_case_editor_has_changes (editor));

  gtk_widget_activate_action (root, "case.save", NULL);
  g_assert_null (editor);

  stored = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), NULL);
  g_assert_cmpint (linli_record_get_enum (stored, "status"), ==, LINLI_CASE_STATUS_RESOLVED);
  g_assert_cmpint (linli_record_get_enum (stored, "resolution_level"), ==, LINLI_RESOLUTION_LEVEL_GRID);
  g_assert_cmpstr (linli_record_get_text (stored, "resolution"), ==, "物业更换了楼道声控灯，已恢复照明。");

  /* The store wrote the change of status into the diary. */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);
  last = g_list_model_get_item (events, n_events);
  g_assert_cmpint (linli_record_get_enum (last, "kind"), ==, LINLI_DIARY_ENTRY_KIND_STATUS);
  g_assert_cmpstr (linli_record_get_text (last, "from_value"), ==, "in-progress");
  g_assert_cmpstr (linli_record_get_text (last, "to_value"), ==, "resolved");

  /* Once resolved, the next step is the follow-up visit. */
  editor = open_editor (fixture, stored);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_clear_pointer (&statuses, g_free);
  statuses = test_choices_of (GTK_WIDGET (editor), "Status");
  g_assert_cmpstr (statuses, ==, "Resolved|Revisited|In Progress");
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_null (editor);
}

static void
test_revisited_is_final (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case_with_status (fixture->store, LINLI_CASE_STATUS_REVISITED);
  g_autofree char *statuses = NULL;
  LinliCaseEditor *editor = open_editor (fixture, record);

  statuses = test_choices_of (GTK_WIDGET (editor), "Status");
  g_assert_cmpstr (statuses, ==, "Revisited");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_unsaved_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case_with_status (fixture->store, LINLI_CASE_STATUS_ASSIGNED);
  g_autoptr(LinliRecord) stored = NULL;
  LinliCaseEditor *editor = open_editor (fixture, record);
  LinliAlert *dialog;

  /* Nothing changed: it closes without asking. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_null (editor);

  editor = open_editor (fixture, record);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  test_set_text (GTK_WIDGET (editor), "Title", "改过的标题");
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_nonnull (editor);
  dialog = test_find_alert ();
  g_assert_nonnull (dialog);
  g_assert_true (linli_alert_has_response (dialog, "discard"));
  g_assert_true (linli_alert_get_response_enabled (dialog, "save"));

  /* Cancel: the editor stays, with what was typed. */
  linli_alert_respond (dialog, "cancel");
  test_wait_until_drawn (GTK_WIDGET (editor));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (GTK_WIDGET (editor), "Title")), ==, "改过的标题");

  /* An invalid case cannot be saved from the question either. */
  test_set_text (GTK_WIDGET (editor), "Title", "");
  gtk_window_close (GTK_WINDOW (editor));
  dialog = test_find_alert ();
  g_assert_nonnull (dialog);
  g_assert_false (linli_alert_get_response_enabled (dialog, "save"));

  /* Discard: closed, nothing written. */
  linli_alert_respond (dialog, "discard");
  while (editor != NULL)
    g_main_context_iteration (NULL, TRUE);
  stored = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), NULL);
  g_assert_true (linli_record_equal (stored, record));
}

static void
deleted_cb (LinliCaseEditor  *editor,
            LinliRecord      *record,
            GListModel       *events,
            guint            *n_events)
{
  g_assert_true (LINLI_IS_CASE (record));
  *n_events = g_list_model_get_n_items (events);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case_with_status (fixture->store, LINLI_CASE_STATUS_RESOLVED);
  g_autoptr(GListModel) events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) gone = NULL;
  guint n_events = g_list_model_get_n_items (events);
  guint n_deleted_events = 0;
  LinliCaseEditor *editor = open_editor (fixture, record);

  g_assert_cmpuint (n_events, >, 0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "deleted", G_CALLBACK (deleted_cb), &n_deleted_events);
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.delete", NULL);
  g_assert_null (editor);
  g_assert_cmpuint (n_deleted_events, ==, n_events);

  gone = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), &error);
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);

  /* A new case has nothing to delete. */
  editor = open_editor (fixture, NULL);
  g_assert_false (gtk_widget_is_drawable (test_find_button (GTK_WIDGET (editor), "case.delete")));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case_with_status (fixture->store, LINLI_CASE_STATUS_REGISTERED);
  g_autoptr(LinliRecord) other = find_case_with_status (fixture->store, LINLI_CASE_STATUS_REVISITED);
  g_autoptr(LinliRecord) stored = NULL;
  LinliCaseEditor *editor = open_editor (fixture, record);
  GtkWidget *root = GTK_WIDGET (editor);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (gtk_widget_get_visible (test_find_row (root, "Repeats Case")));
  test_choose (root, "Status", "Duplicate");
  g_assert_true (gtk_widget_get_visible (test_find_row (root, "Repeats Case")));
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Repeats Case"), ==, "Enter the number of the case this one repeats");

  test_set_text (root, "Repeats Case", "2026-9999");
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Repeats Case"), ==, "No case has the number 2026-9999");

  test_set_text (root, "Repeats Case", linli_record_get_text (record, "number"));
  g_assert_false (can_save (editor));
  g_assert_cmpstr (subtitle_of (root, "Repeats Case"), ==, "A case cannot repeat itself");

  test_set_text (root, "Repeats Case", linli_record_get_text (other, "number"));
  g_assert_true (can_save (editor));

  /* Trying another status and coming back changes nothing and loses nothing. */
  test_choose (root, "Status", "Registered");
  g_assert_false (linli_case_editor_has_changes (editor));
  test_choose (root, "Status", "Duplicate");
  g_assert_true (can_save (editor));
  gtk_widget_activate_action (root, "case.save", NULL);
  g_assert_null (editor);

  stored = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), NULL);
  g_assert_cmpint (linli_record_get_enum (stored, "status"), ==, LINLI_CASE_STATUS_DUPLICATE);
  g_assert_cmpint (linli_record_get_int (stored, "duplicate_of"), ==, linli_record_get_id (other));
}

/* The store refuses the write: the editor says so, stays open with all
 * that was entered, and saves once the cause is gone. */
static void
test_store_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliRecord) building = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  guint n_cases = linli_store_count (fixture->store, LINLI_TYPE_CASE);
  guint n_residents = linli_store_count (fixture->store, LINLI_TYPE_RESIDENT);
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *banner;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  test_set_text (root, "Title", "9号楼门口井盖松动");
  test_choose (root, "Category", "公共设施");
  test_choose (root, "Source", "来访");
  test_set_text (root, "Name", "颜世民");
  test_choose (root, "Building", "9号楼");

  /* Someone removes the building while the editor is open. */
  building = linli_store_get (fixture->store, LINLI_TYPE_BUILDING,
                              linli_record_get_int (linli_case_editor_get_copy (editor), "building_id"), NULL);
  g_assert_true (linli_store_delete (fixture->store, building, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (root, "case.save", NULL);
  g_assert_nonnull (editor);
  banner = test_find (root, GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_revealer_get_child (GTK_REVEALER (banner)))),
                                   "The case could not be saved: "));
  /* Nothing written, nothing lost. */
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_cases);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_RESIDENT), ==, n_residents);
  g_assert_cmpint (linli_record_get_id (linli_case_editor_get_copy (editor)), ==, 0);
  g_assert_cmpint (linli_record_get_int (linli_case_editor_get_copy (editor), "reporter_id"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (entry_of (root, "Title")), ==, "9号楼门口井盖松动");

  test_choose (root, "Building", "None");
  gtk_widget_activate_action (root, "case.save", NULL);
  g_assert_null (editor);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_cases + 1);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_RESIDENT), ==, n_residents + 1);
  stored = find_case (fixture->store, "title", "9号楼门口井盖松动");
  g_assert_nonnull (stored);
}

/* An anonymous case keeps no reporter, and a stored reporter's phone is
 * corrected in place. */
static void
test_reporter (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LinliRecord) record = NULL;
  g_autoptr(LinliRecord) stored = NULL;
  g_autoptr(LinliRecord) resident = NULL;
  g_autoptr(GListModel) cases = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  guint n_residents = linli_store_count (fixture->store, LINLI_TYPE_RESIDENT);
  LinliCaseEditor *editor;
  GtkWidget *anonymous;

  for (guint i = 0; record == NULL && i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) item = g_list_model_get_item (cases, i);
      if (linli_record_get_int (item, "reporter_id") != 0 &&
          linli_record_get_enum (item, "status") == LINLI_CASE_STATUS_REVISITED)
        record = g_steal_pointer (&item);
    }
  g_assert_nonnull (record);

  editor = open_editor (fixture, record);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  anonymous = test_find (test_find_row (GTK_WIDGET (editor), "Anonymous"), GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (anonymous)));
  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (editor), "Phone")));
  /* Inside the editor the phone is shown in full. */
  g_assert_null (strchr (gtk_editable_get_text (entry_of (GTK_WIDGET (editor), "Phone")), '*'));
  test_set_text (GTK_WIDGET (editor), "Phone", "(0537)2345678");
  g_assert_true (linli_case_editor_has_changes (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.save", NULL);
  g_assert_null (editor);

  stored = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), NULL);
  g_assert_cmpint (linli_record_get_int (stored, "reporter_id"), ==, linli_record_get_int (record, "reporter_id"));
  resident = linli_store_get (fixture->store, LINLI_TYPE_RESIDENT, linli_record_get_int (stored, "reporter_id"), NULL);
  g_assert_cmpstr (linli_record_get_text (resident, "phone"), ==, "0537-2345678");
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_RESIDENT), ==, n_residents);

  /* Anonymous: the name and phone go, the case keeps no reporter. */
  editor = open_editor (fixture, stored);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  anonymous = test_find (test_find_row (GTK_WIDGET (editor), "Anonymous"), GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (anonymous), TRUE);
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (editor), "Phone")));
  g_assert_true (linli_case_editor_has_changes (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.save", NULL);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = linli_store_get (fixture->store, LINLI_TYPE_CASE, linli_record_get_id (record), NULL);
  g_assert_cmpint (linli_record_get_int (stored, "reporter_id"), ==, 0);
}

/* The list of the diary's entries: not the one with the row to add one. */
static GtkWidget *
events_list (GtkWidget *diary,
             GtkWidget *add_row)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  test_collect (diary, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (test_find (lists->pdata[i], ADW_TYPE_ACTION_ROW) != NULL &&
        !gtk_widget_is_ancestor (add_row, lists->pdata[i]))
      return lists->pdata[i];
  g_error ("The diary lists no entries");
}

static GtkWidget *
diary_of (LinliCaseEditor *editor)
{
  return gtk_widget_get_ancestor (test_find_row (GTK_WIDGET (editor), "New Entry"), ADW_TYPE_PREFERENCES_GROUP);
}

static void
add_entry (LinliCaseEditor *editor,
           const char      *text)
{
  GtkWidget *add_row = test_find_row (GTK_WIDGET (editor), "New Entry");

  gtk_editable_set_text (GTK_EDITABLE (test_find (add_row, GTK_TYPE_ENTRY)), text);
  gtk_widget_activate_action (add_row, "timeline.add", NULL);
}

/* The titles of the diary's rows, joined with "|". */
static char *
diary_titles (LinliCaseEditor *editor)
{
  GtkWidget *list = events_list (diary_of (editor), test_find_row (GTK_WIDGET (editor), "New Entry"));
  g_autoptr(GString) joined = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (joined, "%s%s", joined->len ? "|" : "", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gint64
worker_id_named (LinliStore *store,
                 const char *name)
{
  g_autoptr(GListModel) workers = linli_store_list (store, LINLI_TYPE_WORKER);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (workers, i);
      if (g_strcmp0 (linli_record_get_text (worker, "name"), name) == 0)
        return linli_record_get_id (worker);
    }
  g_error ("No worker named %s", name);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case (fixture->store, "title", "3号楼1单元三楼西户水管漏水");
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(LinliRecord) last = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LinliCaseEditor *editor;
  GtkWidget *list;
  guint n_events;
  gboolean seen_status = FALSE, seen_assignment = FALSE;

  g_settings_reset (settings, "diary-writers");
  g_assert_nonnull (record);
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  n_events = g_list_model_get_n_items (events);
  editor = open_editor (fixture, record);

  /* Every entry is a row; changes read "before → after". */
  list = events_list (diary_of (editor), test_find_row (GTK_WIDGET (editor), "New Entry"));
  test_collect (list, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, n_events);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (rows->pdata[i]);
      seen_status |= g_str_equal (title, "Registered → Assigned");
      seen_assignment |= g_str_equal (title, "Unassigned → 刘晓雯");
    }
  g_assert_true (seen_status);
  g_assert_true (seen_assignment);

  /* Who writes is asked, from the staff at work, by name. */
  g_assert_cmpstr (chosen (GTK_WIDGET (editor), "Written By"), ==, "Not chosen");
  test_choose (GTK_WIDGET (editor), "Written By", "杨帆");

  /* An entry is part of the edit: shown, not written, until Save. */
  add_entry (editor, "再次回访：<没有>漏水 & 一切正常");
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
  test_wait_until_drawn (GTK_WIDGET (editor));
  g_ptr_array_set_size (rows, 0);
  test_collect (list, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, n_events + 1);
  g_assert_true (linli_case_editor_has_changes (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "case.save", NULL);
  g_clear_object (&events);
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);
  last = g_list_model_get_item (events, n_events);
  g_assert_cmpstr (linli_record_get_text (last, "text"), ==, "再次回访：<没有>漏水 & 一切正常");
  /* Credited to who wrote it, not to the case's worker. */
  g_assert_cmpint (linli_record_get_int (last, "worker_id"), ==, worker_id_named (fixture->store, "杨帆"));
  g_assert_cmpint (linli_record_get_int (last, "worker_id"), !=, linli_record_get_int (record, "worker_id"));
  {
    g_autoptr(LinliRecord) at = linli_store_get (fixture->store, LINLI_TYPE_DIARY_ENTRY, linli_record_get_id (last), NULL);
    g_autoptr(GDateTime) now = test_now ();
    g_assert_true (g_date_time_equal (linli_record_get_datetime (at, "at"), now));
  }

  /* The writer is remembered for the next editor. */
  editor = open_editor (fixture, record);
  g_assert_cmpstr (chosen (GTK_WIDGET (editor), "Written By"), ==, "杨帆");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* An entry added and then cancelled is not written; one added and taken
 * back is not either. */
static void
test_diary_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case (fixture->store, "title", "3号楼1单元三楼西户水管漏水");
  g_autoptr(GListModel) events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  guint n_events = g_list_model_get_n_items (events);
  LinliCaseEditor *editor = open_editor (fixture, record);
  g_autofree char *titles = NULL;
  LinliAlert *dialog;

  add_entry (editor, "写错了的记录");
  titles = diary_titles (editor);
  g_assert_true (g_str_has_suffix (titles, "|写错了的记录"));
  gtk_widget_activate_action (diary_of (editor), "timeline.remove", "u", 0);
  g_clear_pointer (&titles, g_free);
  titles = diary_titles (editor);
  g_assert_null (strstr (titles, "写错了的记录"));
  g_assert_false (linli_case_editor_has_changes (editor));

  /* Closed with an entry: asked, and Discard drops it. */
  add_entry (editor, "不该写入的记录");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  dialog = test_find_alert ();
  g_assert_nonnull (dialog);
  linli_alert_respond (dialog, "discard");
  while (editor != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&events);
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
}

/* A written entry is not changed: a correction is added that points at
 * it, and the diary shows both. */
static void
test_diary_correction (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case (fixture->store, "title", "3号楼1单元三楼西户水管漏水");
  g_autoptr(GListModel) events = NULL;
  g_autoptr(LinliRecord) wrong = NULL;
  g_autoptr(LinliRecord) correction = NULL;
  g_autoptr(LinliRecord) kept = NULL;
  LinliCaseEditor *editor = open_editor (fixture, record);
  GtkWidget *add_row;
  guint n_events;

  add_entry (editor, "三楼东户漏水");
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.save", NULL);
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  n_events = g_list_model_get_n_items (events);
  wrong = g_list_model_get_item (events, n_events - 1);
  g_assert_cmpstr (linli_record_get_text (wrong, "text"), ==, "三楼东户漏水");

  editor = open_editor (fixture, record);
  gtk_widget_activate_action (diary_of (editor), "timeline.correct", "x", linli_record_get_id (wrong));
  add_row = test_find_row (GTK_WIDGET (editor), "Correct the Entry");
  /* It starts from the words to put right. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find (add_row, GTK_TYPE_ENTRY))), ==, "三楼东户漏水");
  gtk_editable_set_text (GTK_EDITABLE (test_find (add_row, GTK_TYPE_ENTRY)), "三楼西户漏水");
  gtk_widget_activate_action (add_row, "timeline.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.save", NULL);

  g_clear_object (&events);
  events = linli_store_list_diary_entries (fixture->store, linli_record_get_id (record));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);
  kept = linli_store_get (fixture->store, LINLI_TYPE_DIARY_ENTRY, linli_record_get_id (wrong), NULL);
  g_assert_cmpstr (linli_record_get_text (kept, "text"), ==, "三楼东户漏水");
  correction = g_list_model_get_item (events, n_events);
  g_assert_cmpint (linli_record_get_enum (correction, "kind"), ==, LINLI_DIARY_ENTRY_KIND_CORRECTION);
  g_assert_cmpint (linli_record_get_int (correction, "corrects_id"), ==, linli_record_get_id (wrong));
  g_assert_cmpstr (linli_record_get_text (correction, "text"), ==, "三楼西户漏水");

  /* The corrected entry says so, and cannot be corrected twice. */
  editor = open_editor (fixture, record);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean seen = FALSE;
    test_collect (diary_of (editor), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      seen |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Corrected") == 0;
    g_assert_true (seen);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A new case starts at its title, not at Cancel. */
static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry_of (GTK_WIDGET (editor), "Title"))));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* While a field shows its error, its example is not shown in red. */
static void
test_error_hides_example (Fixture       *fixture,
                          gconstpointer  data)
{
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkEditable *due = entry_of (GTK_WIDGET (editor), "Due");
  const char *example;

  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (due)), ==, "YYYY-MM-DD HH:MM");
  gtk_editable_set_text (due, "x");
  gtk_editable_set_text (due, "");
  gtk_editable_set_text (due, "明天");
  g_assert_true (row_shows_error (GTK_WIDGET (editor), "Due"));
  example = gtk_entry_get_placeholder_text (GTK_ENTRY (due));
  g_assert_true (example == NULL || *example == '\0');
  gtk_editable_set_text (due, "2026/11/30 18:00");
  g_assert_false (row_shows_error (GTK_WIDGET (editor), "Due"));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (due)), ==, "YYYY-MM-DD HH:MM");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The calendar of a time field: "Now" is the store's clock, a day chosen
 * keeps the time shown, and typing still works. */
static void
test_time_popover (Fixture       *fixture,
                   gconstpointer  data)
{
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkEntry *due = GTK_ENTRY (entry_of (GTK_WIDGET (editor), "Due"));
  GtkEntry *reported = GTK_ENTRY (entry_of (GTK_WIDGET (editor), "Reported"));
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *now_text = linli_format_local_time (now);
  GDateTime *due_at;
  GtkPopover *popover = linli_time_popover_get (due);
  GtkCalendar *calendar;

  g_assert_nonnull (popover);
  g_assert_nonnull (linli_time_popover_get (reported));
  /* Not the title: it is no time. */
  g_assert_null (linli_time_popover_get (GTK_ENTRY (entry_of (GTK_WIDGET (editor), "Title"))));

  /* Not popped up: Xvfb has no monitor to place a popover on. */
  g_assert_cmpstr (gtk_entry_get_icon_name (due, GTK_ENTRY_ICON_SECONDARY), ==, "x-office-calendar-symbolic");
  g_signal_emit_by_name (test_find_button_labelled (GTK_WIDGET (popover), "_Now"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, now_text);
  due_at = linli_record_get_datetime (linli_case_editor_get_copy (editor), "due_at");
  g_assert_nonnull (due_at);
  {
    g_autofree char *due_text = linli_format_local_time (due_at);
    g_assert_cmpstr (due_text, ==, now_text);
  }

  /* Another day, at the time the field holds. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-11-30 18:00");
  calendar = GTK_CALENDAR (test_find (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 3, 0, 0, 0);
    gtk_calendar_select_day (calendar, day);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-12-03 18:00");
  /* Typing still works, and shows in the calendar. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-01-05 08:15");
  {
    g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
    g_assert_cmpint (g_date_time_get_month (day), ==, 1);
    g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 5);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The case sheet from the editor, of a stored case only. */
static void
test_print_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case (fixture->store, "title", "3号楼1单元三楼西户水管漏水");
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  GtkWindow *preview;

  g_assert_false (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (editor), "case.print-sheet")));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = open_editor (fixture, record);
  g_assert_true (gtk_widget_get_sensitive (test_find_button (GTK_WIDGET (editor), "case.print-sheet")));
  g_assert_null (test_find_toplevel (LINLI_TYPE_REPORT_PREVIEW));
  gtk_widget_activate_action (GTK_WIDGET (editor), "case.print-sheet", NULL);
  /* The sheet is built in a job; its preview opens when the job ends. */
  preview = test_wait_for_toplevel (LINLI_TYPE_REPORT_PREVIEW);
  g_assert_nonnull (preview);
  g_assert_cmpuint (linli_report_preview_get_n_pages (LINLI_REPORT_PREVIEW (preview)), >=, 1);
  gtk_window_destroy (preview);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The sections are links over the form: Alt+6 or its link reaches the
 * diary. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LinliRecord) record = find_case (fixture->store, "title", "3号楼1单元三楼西户水管漏水");
  LinliCaseEditor *editor = open_editor (fixture, record);
  GtkWidget *link = test_find_button_labelled (GTK_WIDGET (editor), "Diary");
  GtkWidget *diary = diary_of (editor);
  GtkWidget *focus;

  g_assert_nonnull (link);
  g_assert_nonnull (test_find_button_labelled (GTK_WIDGET (editor), "Reporter"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (link)), ==, "editor.show-section");
  g_signal_emit_by_name (link, "clicked");
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, diary));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-section", "u", 0);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_false (gtk_widget_is_ancestor (focus, diary));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A location picked on the map: the case gets its point, and the grid
 * follows it, from the grid outlines. */
static void
test_pick_location (Fixture       *fixture,
                    gconstpointer  data)
{
  LinliCaseEditor *editor = open_editor (fixture, NULL);
  g_autoptr(GListModel) buildings = linli_store_list (fixture->store, LINLI_TYPE_BUILDING);
  g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, 0);
  LinliRecord *copy = linli_case_editor_get_copy (editor);
  LinliLocationDialog *dialog;
  double lat = linli_record_get_double (building, "lat");
  double lon = linli_record_get_double (building, "lon");

  g_assert_false (isnan (lat));
  g_assert_cmpint (linli_record_get_int (copy, "grid_id"), ==, 0);

  g_signal_emit_by_name (test_find_button_labelled (GTK_WIDGET (editor), "_Pick on Map…"), "clicked");
  dialog = test_find_toplevel (LINLI_TYPE_LOCATION_DIALOG);
  g_assert_nonnull (dialog);
  test_wait_until_drawn (GTK_WIDGET (dialog));
  linli_location_dialog_pick (dialog, lat + 0.00001, lon + 0.00001);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "location.set", NULL);

  g_assert_cmpfloat_with_epsilon (linli_record_get_double (copy, "lat"), lat + 0.00001, 1e-9);
  g_assert_cmpint (linli_record_get_int (copy, "grid_id"), ==, linli_record_get_int (building, "grid_id"));
  g_assert_false (linli_record_get_bool (copy, "grid_overridden"));

  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A critical from a template or a property is a failure. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/case-editor/new-case", test_new_case);
  ADD ("/case-editor/existing-status", test_existing_case_status);
  ADD ("/case-editor/revisited-is-final", test_revisited_is_final);
  ADD ("/case-editor/unsaved-changes", test_unsaved_changes);
  ADD ("/case-editor/delete", test_delete);
  ADD ("/case-editor/duplicate", test_duplicate);
  ADD ("/case-editor/store-error", test_store_error);
  ADD ("/case-editor/reporter", test_reporter);
  ADD ("/case-editor/timeline", test_timeline);
  ADD ("/case-editor/diary-cancel", test_diary_cancel);
  ADD ("/case-editor/diary-correction", test_diary_correction);
  ADD ("/case-editor/focus", test_focus);
  ADD ("/case-editor/error-hides-example", test_error_hides_example);
  ADD ("/case-editor/time-popover", test_time_popover);
  ADD ("/case-editor/print-sheet", test_print_sheet);
  ADD ("/case-editor/sections", test_sections);
#undef ADD

  g_test_add ("/case-editor/pick-location", Fixture, NULL, fixture_set_up, test_pick_location, fixture_tear_down);

  return g_test_run ();
}
