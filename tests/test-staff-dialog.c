/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "linli-csv.h"
#include "linli-event-import-dialog.h"
#include "linli-job-bar.h"
#include "linli-staff-dialog.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The Staff dialog under Xvfb: an import started from it shows its
 * progress and Cancel in the dialog's own job bar, not in the window's
 * under it; Cancel in the middle of the write adds no one, and neither
 * does closing the dialog. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-staff-dialog");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

/* @n people, one a row, with a name and a phone of their own. */
static LinliCsvTable *
many_staff (guint n)
{
  g_autoptr(GString) text = g_string_new ("姓名,职务,手机号码\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "人员%u,网格员,138%08u\n", i, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  table = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  return table;
}

static void
imported_cb (GtkWindow *dialog,
             guint      n,
             guint     *n_imported)
{
  *n_imported = n;
}

/* The import preview of @table over @staff, as Import CSV… opens it, and
 * its Import pressed. */
static LinliEventImportDialog *
start_import (GtkWindow     *staff,
              LinliStore    *store,
              LinliCsvTable *table,
              guint         *n_imported)
{
  LinliEventImportDialog *dialog = linli_event_import_dialog_new (staff, store, LINLI_EVENT_CSV_STAFF,
                                                                  table, "人员.csv");

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), n_imported);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  return dialog;
}

/* Runs the loop until @job has written some people. */
static void
wait_for_writing (LinliJob *job)
{
  while (linli_job_is_running (job) && linli_job_get_fraction (job) <= 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (linli_job_is_running (job));
}

static void
test_import_in_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  GtkWidget *window_bar = linli_job_bar_new ();
  g_autoptr(LinliCsvTable) table = many_staff (20000);
  g_autoptr(LinliEventImportDialog) dialog = NULL;
  LinliStaffDialog *staff;
  LinliJobBar *bar;
  LinliJob *job;
  guint n_before = linli_store_count (fixture->store, LINLI_TYPE_WORKER);
  guint n_imported = 0;

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), window_bar);
  gtk_window_present (window);
  staff = linli_staff_dialog_new (window, fixture->store);
  g_object_add_weak_pointer (G_OBJECT (staff), (gpointer *) &staff);
  gtk_window_present (GTK_WINDOW (staff));
  test_wait_until_drawn (GTK_WIDGET (staff));
  bar = linli_job_bar_find (GTK_WIDGET (staff));
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (bar)) == GTK_ROOT (staff));

  /* The job shows in the Staff dialog, not in the window under it. */
  dialog = g_object_ref (start_import (GTK_WINDOW (staff), fixture->store, table, &n_imported));
  job = linli_event_import_dialog_get_job (dialog);
  g_assert_nonnull (job);
  g_assert_true (linli_job_bar_get_job (bar) == job);
  g_assert_null (linli_job_bar_get_job (LINLI_JOB_BAR (window_bar)));
  g_assert_true (gtk_widget_is_visible (test_find_button (GTK_WIDGET (staff), "job-bar.cancel")));

  /* Cancel, from the bar, once people are being written: no one is added. */
  wait_for_writing (job);
  gtk_widget_activate_action (GTK_WIDGET (bar), "job-bar.cancel", NULL);
  while (linli_event_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_WORKER), ==, n_before);
  g_assert_null (linli_job_bar_get_job (bar));
  g_clear_object (&dialog);

  /* The Staff dialog closed while people are written: no one is added. */
  dialog = g_object_ref (start_import (GTK_WINDOW (staff), fixture->store, table, &n_imported));
  job = g_object_ref (linli_event_import_dialog_get_job (dialog));
  wait_for_writing (job);
  gtk_window_destroy (GTK_WINDOW (staff));
  g_assert_null (staff);
  while (linli_job_is_running (job))
    g_main_context_iteration (NULL, TRUE);
  while (linli_event_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_false (linli_store_is_busy (fixture->store));
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_WORKER), ==, n_before);
  g_object_unref (job);
  g_clear_object (&dialog);

  /* To the end: everyone is added, and the dialog lists them. */
  g_clear_pointer (&table, linli_csv_table_unref);
  table = many_staff (300);
  staff = linli_staff_dialog_new (window, fixture->store);
  gtk_window_present (GTK_WINDOW (staff));
  dialog = g_object_ref (start_import (GTK_WINDOW (staff), fixture->store, table, &n_imported));
  while (linli_event_import_dialog_get_job (dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_imported, ==, 300);
  g_assert_cmpuint (linli_store_count (fixture->store, LINLI_TYPE_WORKER), ==, n_before + 300);
  g_assert_null (linli_job_bar_get_job (linli_job_bar_find (GTK_WIDGET (staff))));

  gtk_window_destroy (GTK_WINDOW (staff));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/staff-dialog/import", Fixture, NULL, fixture_set_up, test_import_in_dialog, fixture_tear_down);
  return g_test_run ();
}
