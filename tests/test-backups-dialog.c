/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "linli-backup.h"
#include "linli-backups-dialog.h"
#include "linli-cases-page.h"
#include "linli-demo.h"
#include "linli-window.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The Backups dialog over the window of the demo community: its rows, a
 * restore that brings back a deleted case in the window's Cases page, and
 * Undo. */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-backups-dialog");
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = linli_backup_folder_for (fixture->path);

  remove_folder (folder);
  test_database_close (fixture);
}

static GPtrArray *
rows_of (GtkWidget *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();

  test_collect (dialog, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static void
wait_for_rows (GtkWidget *dialog,
               guint      n_rows)
{
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GPtrArray) rows = rows_of (dialog);

      if (rows->len == n_rows && !linli_backups_dialog_is_busy (LINLI_BACKUPS_DIALOG (dialog)))
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
wait_until_idle (GtkWidget *dialog)
{
  while (linli_backups_dialog_is_busy (LINLI_BACKUPS_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LINLI_IS_BACKUPS_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = test_now ();
  g_autofree char *backup = linli_backup_make (f->path, now, &error);
  LinliWindow *window = linli_window_new (NULL);
  GListModel *shown;
  g_autoptr(LinliCase) one = NULL;
  guint n_cases = linli_store_count (f->store, LINLI_TYPE_CASE);
  GtkWidget *dialog, *button;
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  linli_window_set_store (window, f->store);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until_drawn (GTK_WIDGET (window));
  shown = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (linli_window_get_cases_page (window)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_cases);

  /* A case deleted after the backup. */
  one = g_list_model_get_item (shown, 0);
  g_assert_true (linli_store_delete (f->store, LINLI_RECORD (one), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_cases - 1);

  /* The main menu's Backups… opens the dialog, with the backup as a row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.backups", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  test_wait_until_drawn (dialog);
  wait_for_rows (dialog, 1);
  {
    g_autoptr(GPtrArray) rows = rows_of (dialog);
    AdwActionRow *row = g_ptr_array_index (rows, 0);
    g_autofree char *cases = g_strdup_printf ("%u cases", n_cases);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "27 November 2026 10:00");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), cases));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "activities"));
  }

  /* Restore: the case is back in the window, and the backup made just
   * before is listed too. */
  button = test_find_button (dialog, "backups.restore");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (linli_backups_dialog_is_busy (LINLI_BACKUPS_DIALOG (dialog)));
  wait_until_idle (dialog);
  wait_for_rows (dialog, 2);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, n_cases);
  shown = linli_record_list_page_get_list (LINLI_RECORD_LIST_PAGE (linli_window_get_cases_page (window)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_cases);

  /* Undo, as the toast's button does: the newest backup, made just before. */
  backups = linli_backup_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LinliBackup *) g_ptr_array_index (backups, 1))->path, ==, backup);
  gtk_widget_activate_action (dialog, "backups.undo", "s",
                              ((LinliBackup *) g_ptr_array_index (backups, 0))->path);
  wait_until_idle (dialog);
  wait_for_rows (dialog, 3);
  g_assert_cmpuint (linli_store_count (f->store, LINLI_TYPE_CASE), ==, n_cases - 1);

  /* Back Up Now. */
  gtk_widget_activate_action (dialog, "backups.back-up-now", NULL);
  wait_until_idle (dialog);
  wait_for_rows (dialog, 4);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *dialog = GTK_WIDGET (linli_backups_dialog_new (NULL, f->store));
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_until_drawn (dialog);
  for (guint i = 0; i < 3000; i++)
    {
      status = test_find (dialog, ADW_TYPE_STATUS_PAGE);
      if (gtk_widget_get_mapped (status))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Backups Yet");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("linli-backups-dialog-data-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the backups go to a folder of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_init ();
  adw_init ();

  g_test_add ("/backups-dialog/restore", Fixture, NULL, fixture_set_up, test_dialog, fixture_tear_down);
  g_test_add ("/backups-dialog/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *linli = g_build_filename (data_home, "linli", NULL);
    g_autofree char *backups = g_build_filename (linli, "backups", NULL);

    g_rmdir (backups);
    g_rmdir (linli);
    g_rmdir (data_home);
  }
  return status;
}
