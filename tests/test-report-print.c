/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "linli-cases-page.h"
#include "linli-demo.h"
#include "linli-job-bar.h"
#include "linli-print-operation.h"
#include "linli-records.h"
#include "linli-report-actions.h"
#include "linli-report-layout.h"
#include "linli-report-preview.h"
#include "linli-reports-dialog.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* Printing under Xvfb: Export PDF through GtkPrintOperation, the preview's
 * pages, the Reports dialog's fields, and Ctrl+P on the Cases page. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-report-print");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

static LinliReportDoc *
summary (LinliStore *store)
{
  LinliReportRequest request = { LINLI_REPORT_KIND_SUMMARY };
  g_autoptr(GError) error = NULL;
  LinliReportDoc *doc;

  g_assert_true (linli_report_period_parse (&request.period, "2026", &error));
  doc = linli_report_build (store, &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A field of pdfinfo's output ("Title:   …"), or NULL. */
static char *
info_field (const char *info,
            const char *name)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *start = g_strconcat (name, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start))
      return g_strstrip (g_strdup (lines[i] + strlen (start)));
  return NULL;
}

/* Export PDF writes the same pages as the headless writer, and the
 * document's Title, Author, Subject and Creator, which GTK's print export
 * could not. */
static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LinliReportDoc) doc = summary (fixture->store);
  g_autoptr(LinliReportLayout) layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH,
                                                                 LINLI_REPORT_A4_HEIGHT);
  g_autofree char *path = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL, *text = NULL, *pages = NULL;

  g_assert_true (linli_print_operation_export_pdf (doc, NULL, file, &error));
  g_assert_no_error (error);

  info = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "595.") && strstr (info, "841.") ? info : NULL);
  pages = g_strdup_printf ("Pages:           %u\n", linli_report_layout_get_n_pages (layout));
  if (strstr (info, pages) == NULL)
    g_error ("Export PDF set the report on other pages than the layout (%s):\n%s", pages, info);

  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  g_assert_nonnull (strstr (text, "东方御园社区"));
  g_assert_nonnull (strstr (text, "Work Summary"));

  g_free (info);
  info = run_tool ((const char *[]) { "pdfinfo", "-enc", "UTF-8", path, NULL });
  {
    g_autofree char *title = info_field (info, "Title");
    g_autofree char *author = info_field (info, "Author");
    g_autofree char *subject = info_field (info, "Subject");
    g_autofree char *creator = info_field (info, "Creator");

    g_assert_cmpstr (title, ==, linli_report_doc_get_title (doc));
    g_assert_cmpstr (author, ==, "东方御园社区");
    g_assert_cmpstr (subject, ==, "Year 2026");
    g_assert_cmpstr (creator, ==, "Linli " PACKAGE_VERSION);
  }
  g_unlink (path);
}

/* What was printed on is what the next print starts with. The print
 * itself is the system's: its end ("done") is where Linli remembers. */
static void
test_settings_remembered (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LinliReportDoc) doc = summary (fixture->store);
  g_autoptr(LinliPrintOperation) first = linli_print_operation_new (doc);
  g_autoptr(LinliPrintOperation) second = NULL;
  g_autoptr(LinliPrintOperation) third = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a5 = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  g_autofree char *path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *remembered;
  GtkPageSetup *paper;

  /* Nothing printed yet: A4, upright. */
  paper = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (first));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (paper)), ==, GTK_PAPER_NAME_A4);

  gtk_print_settings_set_printer (settings, "Office Printer");
  gtk_print_settings_set_n_copies (settings, 2);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (first), settings);
  gtk_page_setup_set_paper_size (setup, a5);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), setup);
  g_signal_emit_by_name (first, "done", GTK_PRINT_OPERATION_RESULT_APPLY);
  /* The office account's alone, whatever the umask. */
  {
    g_autofree char *ini = g_build_filename (g_get_user_config_dir (), "linli", "print.ini", NULL);
    GStatBuf st;

    g_assert_cmpint (g_stat (ini, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  second = linli_print_operation_new (doc);
  remembered = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (second));
  g_assert_nonnull (remembered);
  g_assert_cmpstr (gtk_print_settings_get_printer (remembered), ==, "Office Printer");
  g_assert_cmpint (gtk_print_settings_get_n_copies (remembered), ==, 2);
  paper = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (paper)), ==, GTK_PAPER_NAME_A5);
  g_assert_cmpint (gtk_page_setup_get_orientation (paper), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  /* An export is on A4 and changes nothing remembered. */
  g_assert_true (linli_print_operation_export_pdf (doc, NULL, file, &error));
  g_assert_no_error (error);
  third = linli_print_operation_new (doc);
  paper = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (third));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (paper)), ==, GTK_PAPER_NAME_A5);
  g_unlink (path);
}

static void
test_preview_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LinliReportDoc) doc = summary (fixture->store);
  LinliReportPreview *preview = linli_report_preview_new (NULL, doc);
  guint n_pages = linli_report_preview_get_n_pages (preview);

  gtk_window_present (GTK_WINDOW (preview));
  test_wait_until_drawn (GTK_WIDGET (preview));
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (linli_report_preview_get_page (preview), ==, 0);
  g_assert_nonnull (test_find_button (GTK_WIDGET (preview), "preview.print"));
  g_assert_nonnull (test_find_button (GTK_WIDGET (preview), "preview.export"));

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  g_assert_cmpuint (linli_report_preview_get_page (preview), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.last-page", NULL);
  g_assert_cmpuint (linli_report_preview_get_page (preview), ==, n_pages - 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  g_assert_cmpuint (linli_report_preview_get_page (preview), ==, n_pages - 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  test_wait_until_drawn (GTK_WIDGET (preview));

  gtk_window_destroy (GTK_WINDOW (preview));
}

static AdwActionRow *
row_titled (GtkWidget  *root,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("no row “%s”", title);
}

static void
test_reports_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  LinliReportsDialog *dialog = linli_reports_dialog_new (NULL, fixture->store);
  GtkWidget *root = GTK_WIDGET (dialog);
  AdwComboRow *covers = ADW_COMBO_ROW (row_titled (root, "Co_vers"));
  AdwActionRow *from = row_titled (root, "_From");
  AdwActionRow *until = row_titled (root, "_To");
  GtkWidget *from_entry, *until_entry;
  gint64 first_id;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliReportDoc) sheet = NULL;
  g_autoptr(GListModel) cases = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) first_case = g_list_model_get_item (cases, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (root);

  /* The default, last month's work summary. */
  doc = linli_reports_dialog_build (dialog);
  g_assert_nonnull (doc);
  g_assert_nonnull (strstr (linli_report_doc_get_title (doc), "东方御园社区"));
  g_clear_object (&doc);

  /* Days from … to …: a bad day is named under its field, and nothing is built. */
  adw_combo_row_set_selected (covers, 3);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (from)));
  from_entry = test_find (GTK_WIDGET (from), GTK_TYPE_ENTRY);
  until_entry = test_find (GTK_WIDGET (until), GTK_TYPE_ENTRY);
  /* They start as the days of the month chosen before — the one before the
   * store's clock, 2026-11-27 — not empty and wrong. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), ==, "2026-10-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (until_entry)), ==, "2026-10-31");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "linli-field-error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (until), "linli-field-error"));
  doc = linli_reports_dialog_build (dialog);
  g_assert_nonnull (doc);
  g_clear_object (&doc);
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-13-01");
  gtk_editable_set_text (GTK_EDITABLE (until_entry), "2026-03-31");
  g_assert_null (linli_reports_dialog_build (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "linli-field-error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (until), "linli-field-error"));

  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-04-01");
  g_assert_null (linli_reports_dialog_build (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (until), "linli-field-error"));

  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-01-01");
  doc = linli_reports_dialog_build (dialog);
  g_assert_nonnull (doc);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "linli-field-error"));

  /* A case sheet is of the case chosen on the Cases page, instead of a
   * period: with none chosen, the dialog asks for one. */
  linli_reports_dialog_set_kind (dialog, LINLI_REPORT_KIND_CASE_SHEET);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (from)));
  g_assert_null (linli_reports_dialog_build (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_titled (root, "Select one case on the Cases page")),
                                           "linli-field-error"));
  first_id = linli_record_get_id (first_case);
  linli_reports_dialog_set_cases (dialog, &first_id, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (row_titled (root, linli_record_get_text (first_case, "number"))),
                   ==, linli_record_get_text (first_case, "title"));
  sheet = linli_reports_dialog_build (dialog);
  g_assert_nonnull (sheet);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Export from the dialog: the report is written in a thread while the
 * window keeps running; cancelled (reports.cancel-export, or the dialog
 * closed), the file it would replace stays as it was. */
static void
test_reports_dialog_export (Fixture       *fixture,
                            gconstpointer  data)
{
  LinliReportsDialog *dialog = linli_reports_dialog_new (NULL, fixture->store);
  g_autofree char *dir = g_dir_make_tmp ("linli-report-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (linli_reports_dialog_export_to (dialog, file));
  g_assert_true (linli_reports_dialog_is_exporting (dialog));
  g_assert_false (linli_reports_dialog_export_to (dialog, file));   /* one at a time */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reports.cancel-export", NULL);
  while (linli_reports_dialog_is_exporting (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  g_assert_true (linli_reports_dialog_export_to (dialog, file));
  while (linli_reports_dialog_is_exporting (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
}

static LinliReportPreview *
find_preview (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (LINLI_IS_REPORT_PREVIEW (l->data))
      return l->data;
  return NULL;
}

/* The preview once the job that builds its report has ended, or NULL. */
static LinliReportPreview *
wait_for_preview (void)
{
  return test_wait_for_toplevel (LINLI_TYPE_REPORT_PREVIEW);
}

static LinliReportPreview *
other_preview (LinliReportPreview *except)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (LINLI_IS_REPORT_PREVIEW (l->data) && l->data != (gpointer) except)
      return l->data;
  return NULL;
}

/* A case list built in a job shows the pages the list built here shows;
 * cancelled, nothing opens. */
static void
test_preview_in_job (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  g_autoptr(LinliRecordList) list = linli_record_list_new (fixture->store, LINLI_TYPE_CASE, NULL, NULL, 0);
  GArray *ids = linli_record_list_get_ids (list);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliReportDoc) doc = linli_report_build_case_list (fixture->store, (const gint64 *) ids->data,
                                                                 ids->len, "全部", &error);
  LinliReportPreview *here, *preview;
  g_autoptr(LinliJob) job = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 100);
  gtk_window_present (window);
  here = linli_report_preview_new (NULL, doc);

  job = linli_report_actions_preview_case_list (window, fixture->store, ids, "全部");
  /* Built in the job: nothing opens before the loop runs. */
  g_assert_true (linli_job_is_running (job));
  g_assert_null (other_preview (here));
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  preview = other_preview (here);
  g_assert_nonnull (preview);
  g_assert_cmpuint (linli_report_preview_get_n_pages (preview), ==, linli_report_preview_get_n_pages (here));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preview)), ==, gtk_window_get_title (GTK_WINDOW (here)));
  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (here));

  /* Cancel, at once: the job ends cancelled and no preview opens. */
  g_clear_object (&job);
  job = linli_report_actions_preview_case_list (window, fixture->store, ids, "全部");
  linli_job_cancel (job);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_preview ());

  gtk_window_destroy (window);
}

/* The Reports dialog's Preview builds its report in a job of the window
 * and closes; the preview shows what the dialog builds here. Cancelled,
 * nothing opens. */
static void
test_reports_dialog_preview (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  LinliReportsDialog *dialog;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliJob) job = NULL;
  LinliReportPreview *here, *preview;
  GtkWidget *from_entry;
  gint64 first_id;
  g_autoptr(GListModel) cases = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  g_autoptr(LinliRecord) first_case = g_list_model_get_item (cases, 0);

  gtk_window_present (window);

  /* The default, last month's work summary, by the store's clock. */
  dialog = linli_reports_dialog_new (window, fixture->store);
  gtk_window_present (GTK_WINDOW (dialog));
  doc = linli_reports_dialog_build (dialog);
  g_assert_nonnull (doc);
  here = linli_report_preview_new (NULL, doc);
  job = linli_reports_dialog_preview (dialog);
  g_assert_nonnull (job);
  /* Built in the job: nothing opens before the loop runs. */
  g_assert_true (linli_job_is_running (job));
  g_assert_null (other_preview (here));
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  preview = other_preview (here);
  g_assert_nonnull (preview);
  g_assert_cmpuint (linli_report_preview_get_n_pages (preview), ==, linli_report_preview_get_n_pages (here));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preview)), ==, gtk_window_get_title (GTK_WINDOW (here)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == window);
  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (here));
  g_clear_object (&doc);
  g_clear_object (&job);

  /* A case sheet, with the names as the dialog has them. */
  dialog = linli_reports_dialog_new (window, fixture->store);
  linli_reports_dialog_set_kind (dialog, LINLI_REPORT_KIND_CASE_SHEET);
  first_id = linli_record_get_id (first_case);
  linli_reports_dialog_set_cases (dialog, &first_id, 1);
  gtk_window_present (GTK_WINDOW (dialog));
  doc = linli_reports_dialog_build (dialog);
  g_assert_nonnull (doc);
  job = linli_reports_dialog_preview (dialog);
  g_assert_nonnull (job);
  preview = wait_for_preview ();
  g_assert_nonnull (preview);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preview)), ==, linli_report_doc_get_title (doc));
  gtk_window_destroy (GTK_WINDOW (preview));
  g_clear_object (&doc);
  g_clear_object (&job);

  /* A wrong field: no job, and the dialog stays open. */
  dialog = linli_reports_dialog_new (window, fixture->store);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_titled (GTK_WIDGET (dialog), "Co_vers")), 3);
  from_entry = test_find (GTK_WIDGET (row_titled (GTK_WIDGET (dialog), "_From")), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-13-01");
  g_assert_null (linli_reports_dialog_preview (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Cancel, at once: the job ends cancelled and no preview opens. */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-01-01");
  job = linli_reports_dialog_preview (dialog);
  g_assert_nonnull (job);
  linli_job_cancel (job);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_preview ());

  gtk_window_destroy (window);
}

/* The system's print dialog (GtkPrintUnixDialog) open on @parent, or NULL. */
static GtkWindow *
find_print_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "GtkPrintUnixDialog") &&
        gtk_window_get_transient_for (l->data) == parent)
      return l->data;
  return NULL;
}

/* The Reports dialog's Print builds its report in a job of the window, as
 * Preview does, and closes onto the job bar; the print dialog opens once
 * it is built. Cancelled, nothing is printed. */
static void
test_reports_dialog_print (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  LinliReportsDialog *dialog;
  g_autoptr(LinliJob) job = NULL;
  GtkWidget *from_entry;
  GtkWindow *print_dialog;
  gint64 deadline;

  gtk_window_present (window);

  dialog = linli_reports_dialog_new (window, fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reports.print", NULL);
  /* Built in the job: the dialog is gone, nothing opens before the loop runs. */
  g_assert_null (dialog);
  g_assert_null (find_print_dialog (window));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((print_dialog = find_print_dialog (window)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (print_dialog);
  g_assert_null (find_preview ());
  gtk_window_close (print_dialog);
  while (find_print_dialog (window) != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* A wrong field: no job, and the dialog stays open. */
  dialog = linli_reports_dialog_new (window, fixture->store);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_titled (GTK_WIDGET (dialog), "Co_vers")), 3);
  from_entry = test_find (GTK_WIDGET (row_titled (GTK_WIDGET (dialog), "_From")), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-13-01");
  g_assert_null (linli_reports_dialog_print (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Cancel, at once: the job ends cancelled and no print dialog opens. */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-01-01");
  job = linli_reports_dialog_print (dialog);
  g_assert_nonnull (job);
  g_assert_null (dialog);
  linli_job_cancel (job);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_print_dialog (window));
  g_assert_null (find_preview ());

  gtk_window_destroy (window);
}

/* Export PDF from the preview writes in a job shown in the preview's own
 * job bar, the pages it sets counted; cancelled, or the preview closed
 * meanwhile, the file it would replace stays as it was. */
static void
test_preview_export_job (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  g_autoptr(LinliRecordList) list = linli_record_list_new (fixture->store, LINLI_TYPE_CASE, NULL, NULL, 0);
  GArray *ids = linli_record_list_get_ids (list);
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_build_filename (fixture->dir, "list.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliReportLayout) layout = NULL;
  g_autoptr(LinliJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  LinliReportPreview *preview;
  LinliJobBar *bar;
  gboolean counted = FALSE;

  /* Long enough for Cancel to come before the last page. */
  for (guint i = 0; i < 20; i++)
    g_array_append_vals (many, ids->data, ids->len);
  doc = linli_report_build_case_list (fixture->store, (const gint64 *) (gpointer) many->data, many->len, "全部", &error);
  g_assert_no_error (error);
  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  gtk_window_present (window);
  preview = linli_report_preview_new (window, doc);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_window_present (GTK_WINDOW (preview));
  test_wait_until_drawn (GTK_WIDGET (preview));
  bar = linli_job_bar_find (GTK_WIDGET (preview));
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (bar)) == GTK_ROOT (preview));

  /* Written, in the preview's bar, the pages counted. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  job = linli_print_operation_export_in_job (doc, GTK_WINDOW (preview), NULL, file);
  g_assert_true (linli_job_bar_get_job (bar) == job);
  while (linli_job_is_running (job))
    {
      counted |= linli_job_get_text (job) != NULL && g_str_has_prefix (linli_job_get_text (job), "Page ");
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (counted);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  info = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  pages = g_strdup_printf ("Pages:           %u\n", linli_report_layout_get_n_pages (layout));
  g_assert_nonnull (strstr (info, pages));
  g_clear_object (&job);
  g_clear_pointer (&contents, g_free);

  /* Cancelled: the file is as it was. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  job = linli_print_operation_export_in_job (doc, GTK_WINDOW (preview), NULL, file);
  gtk_widget_activate_action (GTK_WIDGET (bar), "job-bar.cancel", NULL);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_object (&job);
  g_clear_pointer (&contents, g_free);

  /* The preview closed meanwhile: the same. */
  job = linli_print_operation_export_in_job (doc, GTK_WINDOW (preview), NULL, file);
  gtk_window_destroy (GTK_WINDOW (preview));
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_null (test_find_alert ());
  g_clear_object (&job);
  g_assert_null (preview);

  g_unlink (path);
  gtk_window_destroy (window);
}

/* Ctrl+P previews what the page shows: the Cases page's list, the grid
 * map; on the Grids page it offers the grid ledger. */
static void
test_window_print_cases (Fixture       *fixture,
                         gconstpointer  data)
{
  LinliWindow *window = linli_window_new (NULL);
  LinliReportPreview *preview;
  LinliCasesPage *cases_page;
  g_autofree char *filter = NULL;

  linli_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));
  linli_window_show_page (window, "cases");

  /* The printed list says which cases it holds. */
  cases_page = LINLI_CASES_PAGE (test_find (GTK_WIDGET (window), LINLI_TYPE_CASES_PAGE));
  g_assert_null (linli_cases_page_describe_filter (cases_page));
  linli_record_list_page_search (LINLI_RECORD_LIST_PAGE (cases_page), "漏水");
  while (linli_cases_page_is_searching (cases_page))
    g_main_context_iteration (NULL, TRUE);
  filter = linli_cases_page_describe_filter (cases_page);
  g_assert_cmpstr (filter, ==, "“漏水”");

  g_assert_null (find_preview ());
  gtk_widget_activate_action (GTK_WIDGET (window), "window.print", NULL);
  preview = wait_for_preview ();
  g_assert_nonnull (preview);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), "List of Cases"));
  test_wait_until_drawn (GTK_WIDGET (preview));

  gtk_window_destroy (GTK_WINDOW (preview));

  /* On the Map page, the grid map. */
  linli_window_show_page (window, "map");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.print", NULL);
  preview = wait_for_preview ();
  g_assert_nonnull (preview);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (preview)), "Map of the Grids"));
  gtk_window_destroy (GTK_WINDOW (preview));

  /* On the Grids page, the Reports dialog, set to the grid ledger. */
  linli_window_show_page (window, "grids");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.print", NULL);
  g_assert_null (find_preview ());
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    LinliReportsDialog *dialog = NULL;
    g_autoptr(LinliReportDoc) doc = NULL;

    for (GList *l = toplevels; l; l = l->next)
      if (LINLI_IS_REPORTS_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    doc = linli_reports_dialog_build (dialog);
    g_assert_nonnull (doc);
    g_assert_nonnull (strstr (linli_report_doc_get_title (doc), "Ledger"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The remembered print settings go to a folder of this run's own. */
  g_autofree char *config = g_dir_make_tmp ("linli-report-print-XXXXXX", NULL);
  g_autofree char *settings = g_build_filename (config, "linli", "print.ini", NULL);
  g_autofree char *settings_dir = g_path_get_dirname (settings);
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/print/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/print/settings-remembered", Fixture, NULL, fixture_set_up, test_settings_remembered, fixture_tear_down);
  g_test_add ("/print/preview", Fixture, NULL, fixture_set_up, test_preview_pages, fixture_tear_down);
  g_test_add ("/print/reports-dialog", Fixture, NULL, fixture_set_up, test_reports_dialog, fixture_tear_down);
  g_test_add ("/print/reports-dialog-preview", Fixture, NULL, fixture_set_up, test_reports_dialog_preview, fixture_tear_down);
  g_test_add ("/print/reports-dialog-print", Fixture, NULL, fixture_set_up, test_reports_dialog_print, fixture_tear_down);
  g_test_add ("/print/reports-dialog-export", Fixture, NULL, fixture_set_up, test_reports_dialog_export, fixture_tear_down);
  g_test_add ("/print/preview-export-job", Fixture, NULL, fixture_set_up, test_preview_export_job, fixture_tear_down);
  g_test_add ("/print/preview-in-job", Fixture, NULL, fixture_set_up, test_preview_in_job, fixture_tear_down);
  g_test_add ("/print/window-cases", Fixture, NULL, fixture_set_up, test_window_print_cases, fixture_tear_down);

  status = g_test_run ();
  g_unlink (settings);
  g_rmdir (settings_dir);
  g_rmdir (config);
  return status;
}
