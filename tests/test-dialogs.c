/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "linli-alert.h"
#include "linli-file-pick.h"
#include "test-util.h"
#include "test-widget-util.h"

/* The alert and the file pick: the two places that know which GTK and
 * libadwaita the app was built with. These tests drive them through what
 * callers and the other widget tests use, so they run the same against
 * AdwMessageDialog and GtkFileChooserNative (Debian 12) as against
 * AdwAlertDialog and GtkFileDialog. */

typedef struct
{
  guint  n_calls;
  guint  n_freed;
  char  *response;
  GFile *file;
} Answers;

static void
answers_clear (Answers *answers)
{
  g_clear_pointer (&answers->response, g_free);
  g_clear_object (&answers->file);
}

static void
answered_cb (LinliAlert *alert,
             const char *response,
             gpointer    user_data)
{
  Answers *answers = user_data;

  g_assert_true (LINLI_IS_ALERT (alert));
  answers->n_calls++;
  g_free (answers->response);
  answers->response = g_strdup (response);
}

static void
freed_cb (gpointer user_data)
{
  Answers *answers = user_data;

  answers->n_freed++;
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
new_window (void)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, 800, 600);
  gtk_window_present (window);
  test_wait_until_drawn (GTK_WIDGET (window));
  return window;
}

static LinliAlert *
ask_delete (GtkWindow *window,
            Answers   *answers)
{
  g_autoptr(LinliAlert) alert = linli_alert_new ("Delete Grid “第一网格”?", "Cases: 1 · Buildings: 2");
  LinliAlert *shown;

  linli_alert_add_response (alert, "cancel", "_Cancel");
  linli_alert_add_response (alert, "delete", "_Delete Grid");
  linli_alert_set_response_appearance (alert, "delete", ADW_RESPONSE_DESTRUCTIVE);
  linli_alert_set_default_response (alert, "cancel");
  linli_alert_set_close_response (alert, "cancel");
  g_assert_false (linli_alert_is_shown (alert));
  linli_alert_present (alert, GTK_WIDGET (window), answered_cb, answers, freed_cb);
  /* The caller's reference is gone: the alert keeps itself while shown. */
  shown = alert;
  return shown;
}

/* What the caller set is what the dialog shows; an answer calls back
 * once, frees the caller's data once, and the alert goes away. */
static void
test_alert_answer (void)
{
  GtkWindow *window = new_window ();
  Answers answers = { 0 };
  LinliAlert *alert = ask_delete (window, &answers);
  LinliAlert *found;

  found = test_find_alert ();
  g_assert_true (found == alert);
  g_assert_true (linli_alert_is_shown (found));
  g_assert_true (linli_alert_get_parent (found) == GTK_WIDGET (window));
  test_wait_until_drawn (linli_alert_get_dialog (found));
  g_assert_true (gtk_widget_get_mapped (linli_alert_get_dialog (found)));
  g_assert_cmpstr (linli_alert_get_heading (found), ==, "Delete Grid “第一网格”?");
  g_assert_cmpstr (linli_alert_get_body (found), ==, "Cases: 1 · Buildings: 2");
  g_assert_true (linli_alert_has_response (found, "cancel"));
  g_assert_true (linli_alert_has_response (found, "delete"));
  g_assert_false (linli_alert_has_response (found, "save"));
  g_assert_cmpint (linli_alert_get_response_appearance (found, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (linli_alert_get_response_appearance (found, "cancel"), ==, ADW_RESPONSE_DEFAULT);
  g_assert_cmpstr (linli_alert_get_default_response (found), ==, "cancel");
  g_assert_cmpstr (linli_alert_get_close_response (found), ==, "cancel");
  g_assert_cmpuint (answers.n_calls, ==, 0);

  g_object_add_weak_pointer (G_OBJECT (found), (gpointer *) &found);
  linli_alert_respond (found, "delete");
  g_assert_cmpuint (answers.n_calls, ==, 1);
  g_assert_cmpstr (answers.response, ==, "delete");
  g_assert_cmpuint (answers.n_freed, ==, 1);
  iterate ();
  g_assert_null (found);
  g_assert_null (test_find_alert ());
  g_assert_cmpuint (answers.n_calls, ==, 1);

  answers_clear (&answers);
  gtk_window_destroy (window);
}

/* Closed without an answer (Escape, the close button): the close
 * response, once. */
static void
test_alert_close (void)
{
  GtkWindow *window = new_window ();
  Answers answers = { 0 };
  LinliAlert *alert;

  ask_delete (window, &answers);
  alert = test_find_alert ();
  g_assert_nonnull (alert);
  test_wait_until_drawn (linli_alert_get_dialog (alert));
  linli_alert_close (alert);
  iterate ();
  g_assert_cmpuint (answers.n_calls, ==, 1);
  g_assert_cmpstr (answers.response, ==, "cancel");
  g_assert_cmpuint (answers.n_freed, ==, 1);
  g_assert_null (test_find_alert ());

  answers_clear (&answers);
  gtk_window_destroy (window);
}

/* A response can be greyed out and back while the alert is shown, as the
 * editors' Save when the form becomes invalid. */
static void
test_alert_enabled (void)
{
  GtkWindow *window = new_window ();
  Answers answers = { 0 };
  LinliAlert *alert = ask_delete (window, &answers);

  g_assert_true (linli_alert_get_response_enabled (alert, "delete"));
  linli_alert_set_response_enabled (alert, "delete", FALSE);
  g_assert_false (linli_alert_get_response_enabled (alert, "delete"));
  linli_alert_set_response_enabled (alert, "delete", TRUE);
  g_assert_true (linli_alert_get_response_enabled (alert, "delete"));
  linli_alert_respond (alert, "cancel");
  g_assert_cmpstr (answers.response, ==, "cancel");

  answers_clear (&answers);
  gtk_window_destroy (window);
}

/* A message: one answer, Close, and nothing to call back. An alert never
 * shown frees the caller's data when it goes. */
static void
test_alert_message (void)
{
  GtkWindow *window = new_window ();
  Answers answers = { 0 };
  LinliAlert *alert;

  linli_alert_show_message (GTK_WIDGET (window), "Cannot Read the File", "No such file");
  alert = test_find_alert ();
  g_assert_nonnull (alert);
  g_assert_cmpstr (linli_alert_get_heading (alert), ==, "Cannot Read the File");
  g_assert_cmpstr (linli_alert_get_body (alert), ==, "No such file");
  g_assert_true (linli_alert_has_response (alert, "close"));
  g_assert_cmpstr (linli_alert_get_close_response (alert), ==, "close");
  linli_alert_respond (alert, "close");
  g_assert_null (test_find_alert ());

  {
    g_autoptr(LinliAlert) unshown = linli_alert_new ("Never Shown", NULL);
    g_assert_null (test_find_alert ());
  }
  g_assert_cmpuint (answers.n_freed, ==, 0);

  gtk_window_destroy (window);
}

/* ------------------------------------------------------------------------ */
/* File picks                                                               */

static void
picked_cb (GFile    *file,
           gpointer  user_data)
{
  Answers *answers = user_data;

  answers->n_calls++;
  g_set_object (&answers->file, file);
}

static void
wait_for_calls (Answers *answers,
                guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (answers->n_calls < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (answers->n_calls, ==, n);
}

/* The chooser GTK shows; where a portal answers instead (GTK 4.10 and
 * later with xdg-desktop-portal on the bus) there is nothing to drive. */
static GtkWidget *
find_chooser_or_skip (void)
{
  GtkWidget *chooser = test_find_file_chooser ();

#if GTK_CHECK_VERSION (4, 10, 0)
  if (chooser == NULL)
    g_test_skip ("A file chooser portal answered, not GTK's own dialog");
#else
  g_assert_nonnull (chooser);
#endif
  return chooser;
}

static LinliFilePick *
new_pick (const char *title)
{
  LinliFilePick *pick = linli_file_pick_new (title);
  g_autoptr(GtkFileFilter) geojson = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (geojson, "GeoJSON files");
  gtk_file_filter_add_pattern (geojson, "*.geojson");
  gtk_file_filter_set_name (all, "All files");
  gtk_file_filter_add_pattern (all, "*");
  linli_file_pick_add_filter (pick, geojson);
  linli_file_pick_add_filter (pick, all);
  linli_file_pick_set_accept_label (pick, "_Open");
  return pick;
}

/* Open: the title and the first filter shown, the file chosen given back;
 * Cancel gives NULL. Each calls back once and frees once. */
static void
test_file_pick_open (void)
{
  GtkWindow *window = new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jining-districts.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LinliFilePick) pick = new_pick ("Import GeoJSON");
  Answers answers = { 0 };
  GtkWidget *chooser;

  linli_file_pick_open (pick, window, NULL, picked_cb, &answers, freed_cb);
  if ((chooser = find_chooser_or_skip ()) == NULL)
    goto out;
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import GeoJSON");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser))), ==,
                   "GeoJSON files");
  G_GNUC_END_IGNORE_DEPRECATIONS
  test_answer_file_chooser (chooser, file);
  wait_for_calls (&answers, 1);
  g_assert_nonnull (answers.file);
  g_assert_true (g_file_equal (answers.file, file));
  g_assert_cmpuint (answers.n_freed, ==, 1);

  linli_file_pick_open (pick, window, NULL, picked_cb, &answers, freed_cb);
  chooser = test_find_file_chooser ();
  g_assert_nonnull (chooser);
  test_answer_file_chooser (chooser, NULL);
  wait_for_calls (&answers, 2);
  g_assert_null (answers.file);
  g_assert_cmpuint (answers.n_freed, ==, 2);

out:
  answers_clear (&answers);
  gtk_window_destroy (window);
}

/* Save: the suggested name is in the name field; the file chosen, under
 * the name typed, is given back. */
static void
test_file_pick_save (void)
{
  GtkWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("linli-test-pick-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "网格.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LinliFilePick) pick = new_pick ("Export GeoJSON");
  Answers answers = { 0 };
  GtkWidget *chooser;

  linli_file_pick_set_accept_label (pick, "_Export");
  linli_file_pick_set_initial_name (pick, "grids.geojson");
  linli_file_pick_save (pick, window, NULL, picked_cb, &answers, freed_cb);
  if ((chooser = find_chooser_or_skip ()) == NULL)
    goto out;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpstr (name, ==, "grids.geojson");
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
  test_answer_file_chooser (chooser, file);
  wait_for_calls (&answers, 1);
  g_assert_nonnull (answers.file);
  g_assert_cmpstr (g_file_peek_path (answers.file), ==, path);
  g_assert_cmpuint (answers.n_freed, ==, 1);

out:
  answers_clear (&answers);
  g_rmdir (dir);
  gtk_window_destroy (window);
}

/* Cancelled through its GCancellable, as a dialog does when it goes away:
 * the chooser goes, the callback gets NULL once, from the main loop. */
static void
test_file_pick_cancel (void)
{
  GtkWindow *window = new_window ();
  g_autoptr(LinliFilePick) pick = new_pick ("Choose an MBTiles File");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answers answers = { 0 };
  GtkWidget *chooser;

  linli_file_pick_open (pick, window, cancellable, picked_cb, &answers, freed_cb);
  if ((chooser = find_chooser_or_skip ()) == NULL)
    goto out;
  g_cancellable_cancel (cancellable);
  g_assert_cmpuint (answers.n_calls, ==, 0);
  wait_for_calls (&answers, 1);
  g_assert_null (answers.file);
  g_assert_cmpuint (answers.n_freed, ==, 1);
  iterate ();
  g_assert_null (test_find_file_chooser ());

out:
  answers_clear (&answers);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/alert/answer", test_alert_answer);
  g_test_add_func ("/alert/close", test_alert_close);
  g_test_add_func ("/alert/enabled", test_alert_enabled);
  g_test_add_func ("/alert/message", test_alert_message);
  g_test_add_func ("/file-pick/open", test_file_pick_open);
  g_test_add_func ("/file-pick/save", test_file_pick_save);
  g_test_add_func ("/file-pick/cancel", test_file_pick_cancel);

  return g_test_run ();
}
