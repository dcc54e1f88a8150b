/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "linli-activities-page.h"
#include "linli-cases-page.h"
#include "linli-outreach-page.h"
#include "linli-case-csv.h"
#include "linli-csv-import-dialog.h"
#include "linli-event-export.h"
#include "linli-event-import-dialog.h"
#include "linli-job-bar.h"
#include "linli-job.h"
#include "linli-record-list-page.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-jobs");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

/* A window with a job bar under a toast overlay, as Linli's. */
static GtkWidget *
new_window (GtkWidget **content)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = adw_toast_overlay_new ();

  *content = gtk_label_new ("content");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), *content);
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_box_append (GTK_BOX (box), linli_job_bar_new ());
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (window);
  return window;
}

static gboolean
bar_revealed (LinliJobBar *bar)
{
  GtkWidget *action_bar = test_find (GTK_WIDGET (bar), GTK_TYPE_ACTION_BAR);

  return gtk_action_bar_get_revealed (GTK_ACTION_BAR (action_bar));
}

/* Says half, then waits to be cancelled (ten seconds at most). */
static gboolean
wait_for_cancel (LinliJob      *job,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  linli_job_progress (job, 0.5, "half");
  while (!g_cancellable_is_cancelled (cancellable) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  if (linli_job_finish (LINLI_JOB (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "finished");
}

static GError *
wait_for_end (GError **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The bar shows the job, its progress and its text; Cancel stops it. */
static void
test_bar_and_cancel (void)
{
  GtkWidget *content;
  GtkWidget *window = new_window (&content);
  LinliJobBar *bar = linli_job_bar_find (content);
  g_autoptr(LinliJob) job = linli_job_new ("Working…");
  g_autoptr(GError) error = NULL;
  GtkProgressBar *progress;

  g_assert_nonnull (bar);
  g_assert_false (bar_revealed (bar));
  linli_job_run (job, content, wait_for_cancel, NULL, NULL, done_cb, &error);
  g_assert_true (linli_job_bar_get_job (bar) == job);
  g_assert_true (bar_revealed (bar));
  g_assert_true (linli_job_is_running (job));

  /* The thread's progress reaches the bar; the window keeps turning. */
  while (linli_job_get_fraction (job) < 0.5)
    g_main_context_iteration (NULL, TRUE);
  progress = GTK_PROGRESS_BAR (test_find (GTK_WIDGET (bar), GTK_TYPE_PROGRESS_BAR));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0.5);
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "half");
  g_assert_nonnull (test_find_button_labelled (GTK_WIDGET (bar), "_Cancel"));

  gtk_widget_activate_action (GTK_WIDGET (bar), "job-bar.cancel", NULL);
  g_assert_error (wait_for_end (&error), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (linli_job_is_running (job));
  g_assert_null (linli_job_bar_get_job (bar));
  g_assert_false (bar_revealed (bar));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One job a window: a second one ends at once, and the first runs on. A
 * dialog's job goes to the bar of the window it stands on. */
static void
test_one_at_a_time (void)
{
  GtkWidget *content;
  GtkWidget *window = new_window (&content);
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *dialog_label = gtk_label_new ("dialog");
  LinliJobBar *bar = linli_job_bar_find (content);
  g_autoptr(LinliJob) first = linli_job_new ("First");
  g_autoptr(LinliJob) second = linli_job_new ("Second");
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_child (GTK_WINDOW (dialog), dialog_label);
  g_assert_true (linli_job_bar_find (dialog_label) == bar);

  linli_job_run (first, content, wait_for_cancel, NULL, NULL, done_cb, &first_error);
  linli_job_run (second, dialog_label, wait_for_cancel, NULL, NULL, done_cb, &second_error);
  g_assert_error (wait_for_end (&second_error), G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_false (linli_job_is_running (second));
  g_assert_true (linli_job_bar_get_job (bar) == first);
  g_assert_true (linli_job_is_running (first));

  linli_job_cancel (first);
  g_assert_error (wait_for_end (&first_error), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Writes half a file, then waits to be cancelled. */
static gboolean
write_until_cancelled (LinliStore     *store,
                       gpointer        data,
                       GOutputStream  *out,
                       LinliJob       *job,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_assert_true (LINLI_IS_STORE (store));
  g_assert_true (store != data);   /* a connection of the export's own */
  if (!g_output_stream_write_all (out, "new, half written", 17, NULL, cancellable, error))
    return FALSE;
  return wait_for_cancel (job, NULL, cancellable, error);
}

/* A cancelled export leaves the file that was there, byte for byte. */
static void
test_export_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *content;
  GtkWidget *window = new_window (&content);
  g_autofree char *path = g_build_filename (fixture->dir, "old.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LinliJob) job = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *database = g_path_get_basename (fixture->path);
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  job = linli_export_run (content, fixture->store, file, LINLI_SAFE_FILE_NONE, "Exporting…",
                          "done", "Cannot Export", write_until_cancelled, fixture->store, NULL);
  while (linli_job_get_fraction (job) < 0.5)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (linli_job_bar_find (content)), "job-bar.cancel", NULL);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  /* No temporary stays beside it. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (!g_str_has_prefix (name, database))   /* its journal and locks beside it */
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);   /* old.csv */
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Cases page exports through the window's job bar: a workbook when the
 * file is named so, and cancelled, the old file stays. */
static void
test_cases_export_job (Fixture       *fixture,
                       gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "cases.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  LinliCasesPage *page;
  LinliJobBar *bar;
  GCancellable *cancellable;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = LINLI_CASES_PAGE (linli_window_get_cases_page (window));
  bar = linli_job_bar_find (GTK_WIDGET (page));
  g_assert_nonnull (bar);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  linli_cases_page_export_to (page, file, LINLI_SAFE_FILE_NONE);
  cancellable = linli_cases_page_get_export_cancellable (page);
  g_assert_nonnull (cancellable);
  g_assert_nonnull (linli_job_bar_get_job (bar));
  /* Before the thread has opened its connection. */
  g_cancellable_cancel (cancellable);
  while (linli_cases_page_get_export_cancellable (page) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (linli_job_bar_get_job (bar));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  linli_cases_page_export_to (page, file, LINLI_SAFE_FILE_NONE);
  while (linli_cases_page_get_export_cancellable (page) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));   /* a zip: the workbook */
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_CSV_IMPORT_DIALOG (window))
        return window;   /* GTK keeps it */
    }
  return NULL;
}

/* The Cases page reads the file it imports in a job: the window's bar
 * shows it, then the preview opens with the file's rows. */
static void
test_cases_import_read (Fixture       *fixture,
                        gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "cases.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LinliCasesPage *page;
  LinliJobBar *bar;
  GtkWidget *chooser;
  GtkWindow *dialog;
  gboolean shown = FALSE;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  page = LINLI_CASES_PAGE (linli_window_get_cases_page (window));
  bar = linli_job_bar_find (GTK_WIDGET (page));
  g_assert_nonnull (bar);

  linli_cases_page_export_to (page, file, LINLI_SAFE_FILE_NONE);
  while (linli_cases_page_get_export_cancellable (page) != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.import", NULL));
  chooser = test_find_file_chooser ();
#if GTK_CHECK_VERSION (4, 10, 0)
  if (chooser == NULL)
    {
      g_test_skip ("A file chooser portal answered, not GTK's own dialog");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
#endif
  g_assert_nonnull (chooser);
  test_answer_file_chooser (chooser, file);
  while ((dialog = find_import_dialog ()) == NULL)
    {
      shown |= linli_job_bar_get_job (bar) != NULL;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (shown);
  g_assert_null (linli_job_bar_get_job (bar));
  g_assert_nonnull (test_find_button_labelled (GTK_WIDGET (dialog), "_Import"));
  gtk_window_destroy (dialog);
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exports @page_name's list with @action into @file_name and returns
 * what was written, having seen the job in the window's bar; %NULL when
 * a portal rather than GTK's own chooser answers. */
static char *
export_page (Fixture    *fixture,
             const char *page_name,
             GType       page_type,
             const char *action,
             const char *file_name,
             guint      *n_shown)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *page, *chooser;
  LinliJobBar *bar;
  gboolean shown = FALSE;
  char *contents = NULL;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, page_name);
  test_wait_until_drawn (GTK_WIDGET (window));
  page = test_find (GTK_WIDGET (window), page_type);
  bar = linli_job_bar_find (page);
  *n_shown = g_list_model_get_n_items (linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (page)));

  g_assert_true (gtk_widget_activate_action (page, action, NULL));
  chooser = test_find_file_chooser ();
#if GTK_CHECK_VERSION (4, 10, 0)
  if (chooser == NULL)
    {
      g_test_skip ("A file chooser portal answered, not GTK's own dialog");
      gtk_window_destroy (GTK_WINDOW (window));
      return NULL;
    }
#endif
  g_assert_nonnull (chooser);
  test_answer_file_chooser (chooser, file);
  while (!shown || linli_job_bar_get_job (bar) != NULL)
    {
      shown |= linli_job_bar_get_job (bar) != NULL;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_remove (path);
  gtk_window_destroy (GTK_WINDOW (window));
  return contents;
}

/* The activities and outreach exports run in a job, from the list as it
 * was shown, as CSV or as a workbook. */
static void
test_event_exports (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_activities, n_outreach;

  csv = export_page (fixture, "activities", LINLI_TYPE_ACTIVITIES_PAGE, "activities.export",
                     "activities.csv", &n_activities);
  if (csv == NULL)
    return;
  g_assert_cmpuint (n_activities, >, 0);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  lines = g_strsplit (csv, "\r\n", -1);
  /* The header and at least a line an activity, one a volunteer in it. */
  g_assert_cmpuint (g_strv_length (lines), >=, n_activities + 2);

  xlsx = export_page (fixture, "outreach", LINLI_TYPE_OUTREACH_PAGE, "outreach.export-xlsx",
                      "outreach.xlsx", &n_outreach);
  g_assert_cmpuint (n_outreach, >, 0);
  g_assert_true (g_str_has_prefix (xlsx, "PK"));   /* a zip: the workbook */
}

/* A file of @n cases to import, each row right. */
static LinliCsvTable *
generated_cases (guint n)
{
  g_autoptr(GString) text = g_string_new ("标题,类别,登记时间,反映人,联系电话\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "第%u号楼道灯不亮,设施维修,2025-%02u-%02u 09:%02u,居民%u,138%08u\n",
                            i, i % 12 + 1, i % 28 + 1, i % 60, i % 50, i % 50);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  table = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  return table;
}

static void
imported_cb (LinliCsvImportDialog *dialog,
             guint                 n,
             guint                *n_imported)
{
  *n_imported = n;
}

static void
count_reset_cb (LinliStore  *store,
                GType        type,
                LinliChange  change,
                gint64       id,
                guint       *n_resets)
{
  if (change == LINLI_CHANGE_RESET)
    (*n_resets)++;
}

/* Whether a group of @dialog says @text. */
static gboolean
dialog_says (GtkWidget  *dialog,
             const char *text)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  test_collect (dialog, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const char *description = adw_preferences_group_get_description (groups->pdata[i]);

      if (description != NULL && strstr (description, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static LinliCsvImportDialog *
open_import (LinliWindow   *window,
             LinliStore    *store,
             LinliCsvTable *table,
             guint         *n_imported)
{
  LinliCsvImportDialog *dialog = linli_csv_import_dialog_new (GTK_WINDOW (window), store, table, "cases.csv");

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  return dialog;
}

/* Import in a job: the window's bar shows it and the preview steps aside;
 * meanwhile the store refuses the window's own changes and a second
 * import with a message; the views hear of the cases once written.
 * Cancelled, it writes nothing. */
static void
test_cases_import_write (Fixture       *fixture,
                         gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autoptr(LinliCsvTable) table = generated_cases (3000);
  g_autoptr(LinliRecord) resident = linli_record_new (LINLI_TYPE_RESIDENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvImportDialog) dialog = NULL;
  g_autoptr(LinliCsvImportDialog) second = NULL;
  g_autoptr(LinliCsvImportDialog) third = NULL;
  g_autofree char *message = NULL;
  LinliJobBar *bar;
  LinliJob *job;
  guint n_before, n_imported = 0, n_second = 0, n_third = 0, n_resets = 0;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "cases");
  test_wait_until_drawn (GTK_WIDGET (window));
  bar = linli_job_bar_find (linli_window_get_cases_page (window));
  n_before = linli_store_count (fixture->store, LINLI_TYPE_CASE);
  g_signal_connect (fixture->store, "changed::case_record", G_CALLBACK (count_reset_cb), &n_resets);

  dialog = g_object_ref (open_import (window, fixture->store, table, &n_imported));
  second = g_object_ref (open_import (window, fixture->store, table, &n_second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  job = linli_csv_import_dialog_get_job (dialog);
  g_assert_nonnull (job);
  g_assert_true (linli_job_bar_get_job (bar) == job);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (linli_store_is_busy (fixture->store));

  /* The window's own change is refused, saying why. */
  linli_record_set_text (resident, "name", "王芳");
  g_assert_false (linli_store_insert (fixture->store, resident, &error));
  g_assert_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_BUSY);
  message = g_strdup (error->message);
  g_clear_error (&error);

  /* So is a second import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "import.run", NULL));
  g_assert_null (linli_csv_import_dialog_get_job (second));
  g_assert_true (dialog_says (GTK_WIDGET (second), message));

  while (linli_csv_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 3000);
  g_assert_cmpuint (n_second, ==, 0);
  g_assert_cmpuint (n_resets, >=, 1);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_before + 3000);
  g_assert_true (linli_store_insert (fixture->store, resident, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (second));

  /* Cancelled: nothing written, and the preview is gone. */
  third = g_object_ref (open_import (window, fixture->store, table, &n_third));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (third), "import.run", NULL));
  job = linli_csv_import_dialog_get_job (third);
  g_assert_nonnull (job);
  linli_job_cancel (job);
  while (linli_csv_import_dialog_get_job (third) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_third, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_before + 3000);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with a wrong row: the job writes nothing, and the preview comes
 * back saying which row, for the columns or the file to be corrected. */
static void
test_cases_import_wrong_row (Fixture       *fixture,
                             gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  const char text[] = "标题,类别,登记时间\n楼道灯不亮,设施维修,2025-03-01 09:00\n,设施维修,不是时间\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, NULL);
  g_autoptr(LinliCsvImportDialog) dialog = NULL;
  guint n_before, n_imported = 0;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));
  n_before = linli_store_count (fixture->store, LINLI_TYPE_CASE);

  dialog = g_object_ref (open_import (window, fixture->store, table, &n_imported));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  g_assert_nonnull (linli_csv_import_dialog_get_job (dialog));
  while (linli_csv_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog)));
  g_assert_true (dialog_says (GTK_WIDGET (dialog), "not right. Nothing was imported"));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_CASE), ==, n_before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static LinliEventImportDialog *
open_event_import (LinliWindow   *window,
                   LinliStore    *store,
                   LinliCsvTable *table,
                   guint         *n_imported)
{
  LinliEventImportDialog *dialog = linli_event_import_dialog_new (GTK_WINDOW (window), store,
                                                                  LINLI_EVENT_CSV_VOLUNTEERS, table, "志愿者.csv");

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  return dialog;
}

/* The volunteers import runs in a job as the case import does: the bar
 * shows it, a second import is refused meanwhile, the volunteers are
 * written; cancelled, nothing is. */
static void
test_events_import_write (Fixture       *fixture,
                          gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  g_autoptr(LinliCsvTable) table = test_volunteers_csv (2000);
  g_autoptr(LinliEventImportDialog) dialog = NULL;
  g_autoptr(LinliEventImportDialog) second = NULL;
  g_autoptr(LinliEventImportDialog) third = NULL;
  LinliJobBar *bar;
  LinliJob *job;
  guint n_before, n_imported = 0, n_second = 0, n_third = 0;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  linli_window_show_page (window, "activities");
  test_wait_until_drawn (GTK_WIDGET (window));
  bar = linli_job_bar_find (GTK_WIDGET (window));
  n_before = linli_store_count (fixture->store, LINLI_TYPE_VOLUNTEER);

  dialog = g_object_ref (open_event_import (window, fixture->store, table, &n_imported));
  second = g_object_ref (open_event_import (window, fixture->store, table, &n_second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  job = linli_event_import_dialog_get_job (dialog);
  g_assert_nonnull (job);
  g_assert_true (bar == NULL || linli_job_bar_get_job (bar) == job);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (linli_store_is_busy (fixture->store));

  /* A second import is refused, saying why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "import.run", NULL));
  g_assert_null (linli_event_import_dialog_get_job (second));
  g_assert_true (dialog_says (GTK_WIDGET (second), "being imported"));

  while (linli_event_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 2000);
  g_assert_cmpuint (n_second, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_VOLUNTEER), ==, n_before + 2000);
  gtk_window_destroy (GTK_WINDOW (second));

  /* Cancelled: nothing written, and the preview is gone. */
  third = g_object_ref (open_event_import (window, fixture->store, table, &n_third));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (third), "import.run", NULL));
  job = linli_event_import_dialog_get_job (third);
  g_assert_nonnull (job);
  linli_job_cancel (job);
  while (linli_event_import_dialog_get_job (third) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_third, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_VOLUNTEER), ==, n_before + 2000);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/job/bar-and-cancel", test_bar_and_cancel);
  g_test_add_func ("/job/one-at-a-time", test_one_at_a_time);
  g_test_add ("/job/export-cancelled", Fixture, NULL, fixture_set_up, test_export_cancelled, fixture_tear_down);
  g_test_add ("/job/cases-export", Fixture, NULL, fixture_set_up, test_cases_export_job, fixture_tear_down);
  g_test_add ("/job/event-exports", Fixture, NULL, fixture_set_up, test_event_exports, fixture_tear_down);
  g_test_add ("/job/cases-import-read", Fixture, NULL, fixture_set_up, test_cases_import_read, fixture_tear_down);
  g_test_add ("/job/cases-import-write", Fixture, NULL, fixture_set_up, test_cases_import_write, fixture_tear_down);
  g_test_add ("/job/cases-import-wrong-row", Fixture, NULL, fixture_set_up, test_cases_import_wrong_row, fixture_tear_down);
  g_test_add ("/job/events-import-write", Fixture, NULL, fixture_set_up, test_events_import_write, fixture_tear_down);
  return g_test_run ();
}
