/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "linli-alert.h"
#include "linli-application.h"
#include "linli-backup-actions.h"
#include "linli-demo.h"
#include "linli-file-pick.h"
#include "linli-new-community-dialog.h"
#include "linli-popover-tooltips.h"
#include "linli-preferences-window.h"
#include "linli-report-command.h"
#include "linli-window.h"

struct _LinliApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  gboolean              choosing;   /* the Open dialog is shown */
};

G_DEFINE_FINAL_TYPE (LinliApplication, linli_application, ADW_TYPE_APPLICATION)

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "linli", NULL);
}

/* LINLI_BENCH_FIRST_FRAME set: linli-bench measures the start, from exec
 * to the first frame the window draws. That frame prints its monotonic time
 * and ends the process at once, so the CPU time linli-bench reads is the
 * start's alone. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
bench_window_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (bench_after_paint_cb), NULL);
}

static LinliWindow *
get_window (LinliApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (linli_window_new (GTK_APPLICATION (self)));
      if (g_getenv ("LINLI_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (bench_window_map_cb), NULL);
    }
  return LINLI_WINDOW (window);
}

static void
show_error (LinliApplication *self,
            const char       *heading,
            const GError     *error)
{
  linli_alert_show_message (GTK_WIDGET (get_window (self)), heading, error->message);
}

static gboolean open_path (LinliApplication *self,
                           const char       *path);

/* ------------------------------------------------------------------------ */
/* A damaged database, and its newest good backup */

typedef struct
{
  LinliApplication *self;
  char             *path;
  char             *backup_path;
  GWeakRef          store;   /* the damaged store, which must be closed first */
} DamagedData;

static void
damaged_data_free (gpointer user_data)
{
  DamagedData *data = user_data;

  g_weak_ref_clear (&data->store);
  g_free (data->path);
  g_free (data->backup_path);
  g_free (data);
}

/* Keeps the damaged file aside, puts the backup in its place and opens it. */
static void
damaged_response_cb (LinliAlert *alert,
                     const char *response,
                     gpointer    user_data)
{
  DamagedData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(LinliStore) still_open = NULL;
  g_autofree char *aside = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  /* Anything still reading the damaged file would write its WAL under the
   * name the restored file takes. */
  still_open = g_weak_ref_get (&data->store);
  if (still_open != NULL)
    {
      error = g_error_new (LINLI_STORE_ERROR, LINLI_STORE_ERROR_IO,
                           _("“%s” is still open in another window. Close it there, then open the database again."),
                           data->path);
      show_error (data->self, _("Cannot Restore the Backup"), error);
      return;
    }
  /* No store, so no store's clock: the time names the damaged file only. */
  now = g_date_time_new_now_local ();
  if (!linli_backup_replace_damaged (data->path, data->backup_path, now, &aside, &error))
    {
      show_error (data->self, _("Cannot Restore the Backup"), error);
      return;
    }
  if (open_path (data->self, data->path))
    {
      g_autofree char *name = g_path_get_basename (aside);
      /* TRANSLATORS: %s is the name the damaged database file was given */
      g_autofree char *message = g_strdup_printf (_("Backup restored. The damaged file was kept as “%s”."), name);

      linli_window_add_toast (get_window (data->self), message);
    }
}

/* Says that @path is damaged, and offers its newest good backup. */
static void
show_damaged (LinliApplication *self,
              const char       *path,
              LinliStore       *store,
              const GError     *error)
{
  g_autoptr(LinliBackup) backup = linli_backup_find_newest_good (path);
  g_autoptr(LinliAlert) alert = NULL;
  DamagedData *data;

  if (backup == NULL)
    {
      show_error (self, _("The Database Is Damaged"), error);
      return;
    }

  alert = linli_alert_new (_("The Database Is Damaged"), error->message);
  linli_alert_add_response (alert, "close", _("_Close"));
  {
    g_autofree char *when = linli_backup_format_time (backup->time);
    /* TRANSLATORS: a button; %s is when the backup was made, "5 December 2026 09:30" */
    g_autofree char *label = g_strdup_printf (_("_Restore the Backup of %s"), when);

    linli_alert_add_response (alert, "restore", label);
  }
  linli_alert_set_response_appearance (alert, "restore", ADW_RESPONSE_SUGGESTED);
  linli_alert_set_default_response (alert, "restore");
  linli_alert_set_close_response (alert, "close");

  data = g_new0 (DamagedData, 1);
  data->self = self;
  data->path = g_strdup (path);
  data->backup_path = g_strdup (backup->path);
  g_weak_ref_init (&data->store, store);
  linli_alert_present (alert, GTK_WIDGET (get_window (self)), damaged_response_cb, data, damaged_data_free);
}

/* The check that runs after a file is opened found it damaged: close it
 * before anything is written, and say why. */
static void
store_damaged_cb (LinliApplication *self,
                  const char       *message,
                  LinliStore       *store)
{
  LinliWindow *window = get_window (self);
  g_autoptr(GError) error = g_error_new_literal (LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED, message);

  if (linli_window_get_store (window) == store)
    linli_window_set_store (window, NULL);
  show_damaged (self, linli_store_get_path (store), store, error);
}

/* At most one backup a day the office uses Linli: made in a thread. */
static void
daily_backup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LinliApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = linli_backup_make_daily_finish (LINLI_STORE (object), result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* A damaged file is told by its own dialog. */
  if (error != NULL && !g_error_matches (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED) &&
      LINLI_IS_WINDOW (window))
    {
      /* TRANSLATORS: %s says why */
      g_autofree char *message = g_strdup_printf (_("Today’s backup failed: %s"), error->message);
      linli_window_add_toast (LINLI_WINDOW (window), message);
    }
}

/* The check of the whole file and the day's backup wait until the window
 * that shows the store has drawn its first frame: started before, they
 * compete with it for the disk and the processor (half the start's CPU
 * time with a million cases). */
typedef struct
{
  LinliApplication *self;
  LinliStore       *store;
} LaterWork;

static LaterWork *
later_work_new (LinliApplication *self,
                LinliStore       *store)
{
  LaterWork *work = g_new0 (LaterWork, 1);

  work->self = g_object_ref (self);
  work->store = g_object_ref (store);
  return work;
}

static void
later_work_free (gpointer data)
{
  LaterWork *work = data;

  g_object_unref (work->self);
  g_object_unref (work->store);
  g_free (work);
}

static gboolean
later_work_cb (gpointer data)
{
  LaterWork *work = data;

  linli_store_start_check (work->store);
  linli_backup_make_daily_async (work->store, NULL, daily_backup_cb, g_object_ref (work->self));
  return G_SOURCE_REMOVE;
}

/* The first frame's tick, before it is drawn: the work is for once the
 * main loop has nothing more urgent, after the drawing. */
static gboolean
first_tick_cb (GtkWidget     *window,
               GdkFrameClock *clock,
               gpointer       data)
{
  LaterWork *work = data;

  g_idle_add_full (G_PRIORITY_LOW, later_work_cb, later_work_new (work->self, work->store), later_work_free);
  return G_SOURCE_REMOVE;
}

static void
start_later_work (LinliApplication *self,
                  LinliWindow      *window,
                  LinliStore       *store)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (window), first_tick_cb, later_work_new (self, store), later_work_free);
}

/* ------------------------------------------------------------------------ */

/* The window that shows the database at @path, if one does. */
static LinliWindow *
window_showing (LinliApplication *self,
                const char       *path)
{
  g_autofree char *wanted = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      LinliStore *store = LINLI_IS_WINDOW (l->data) ? linli_window_get_store (l->data) : NULL;
      g_autofree char *shown = store ? g_canonicalize_filename (linli_store_get_path (store), NULL) : NULL;

      if (g_strcmp0 (shown, wanted) == 0)
        return l->data;
    }
  return NULL;
}

/* Shows @store in @window and remembers it for the next start. */
static void
show_store_in (LinliApplication *self,
               LinliWindow      *window,
               LinliStore       *store)
{
  g_signal_connect_object (store, "damaged", G_CALLBACK (store_damaged_cb), self, G_CONNECT_SWAPPED);
  linli_window_set_store (window, store);
  g_settings_set_string (self->settings, "last-database", linli_store_get_path (store));
  gtk_window_present (GTK_WINDOW (window));
}

/* Shows @store in the active window, replacing what it showed. */
static void
show_store (LinliApplication *self,
            LinliStore       *store)
{
  show_store_in (self, get_window (self), store);
}

/* Opens @path in a window of its own when the window already shows another
 * database, whose unsaved work or half-drawn outline must not be thrown
 * away unasked; a database already shown is only brought to the front. */
static gboolean
open_path (LinliApplication *self,
           const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliStore) store = NULL;
  LinliWindow *window = window_showing (self, path);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return TRUE;
    }

  window = get_window (self);
  store = linli_store_open_full (path, LINLI_STORE_OPEN_LATER_CHECK, &error);
  if (store == NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      if (g_error_matches (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_DAMAGED))
        show_damaged (self, path, NULL, error);
      else
        show_error (self, _("Cannot Open the Database"), error);
      return FALSE;
    }
  if (linli_window_get_store (window) != NULL)
    window = linli_window_new (GTK_APPLICATION (self));
  show_store_in (self, window, store);
  start_later_work (self, window, store);
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

/* A fresh copy of the demo community, dated up to today. Only the demo's
 * own file is replaced. */
static gboolean
open_demo (LinliApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = data_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(LinliStore) store = NULL;
  LinliWindow *window = get_window (self);

  /* The window must let go of the old copy before its file goes. */
  if (linli_window_get_store (window) != NULL &&
      g_strcmp0 (linli_store_get_path (linli_window_get_store (window)), path) == 0)
    linli_window_set_store (window, NULL);

  remove_database_files (path);
  store = linli_store_open (path, &error);
  if (store == NULL || !linli_demo_populate (store, today, &error))
    {
      gtk_window_present (GTK_WINDOW (window));
      show_error (self, _("Cannot Create the Demo Community"), error);
      return FALSE;
    }
  show_store (self, store);
  return TRUE;
}

/* The open database, when it has no community yet. */
static LinliStore *
store_without_community (LinliApplication *self)
{
  LinliStore *store = linli_window_get_store (get_window (self));
  g_autoptr(LinliCommunity) community = store ? linli_store_dup_community (store) : NULL;

  return store != NULL && community == NULL ? store : NULL;
}

static gboolean
create_community_cb (LinliApplication *self,
                     LinliCommunity   *community,
                     const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliStore) store = NULL;
  LinliStore *open_store = store_without_community (self);

  if (open_store != NULL && g_strcmp0 (linli_store_get_path (open_store), path) == 0)
    {
      if (!linli_store_insert (open_store, LINLI_RECORD (community), &error))
        {
          show_error (self, _("Cannot Create the Community"), error);
          return FALSE;
        }
      return TRUE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  store = linli_store_open (path, &error);
  if (store == NULL || !linli_store_insert (store, LINLI_RECORD (community), &error))
    {
      /* Nothing of the user's was in the file: it was made just now. */
      g_clear_object (&store);
      remove_database_files (path);
      show_error (self, _("Cannot Create the Community"), error);
      return FALSE;
    }
  show_store (self, store);
  return TRUE;
}

static char *
free_database_path (void)
{
  g_autofree char *dir = data_dir ();

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup ("linli.db") : g_strdup_printf ("linli-%u.db", i);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static void
new_community_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LinliApplication *self = user_data;
  LinliStore *open_store = store_without_community (self);
  g_autofree char *path = NULL;
  LinliNewCommunityDialog *dialog;

  if (open_store != NULL)
    dialog = linli_new_community_dialog_new_for_file (GTK_WINDOW (get_window (self)),
                                                      linli_store_get_path (open_store));
  else
    {
      path = free_database_path ();
      dialog = linli_new_community_dialog_new (GTK_WINDOW (get_window (self)), path);
    }
  g_signal_connect_object (dialog, "create", G_CALLBACK (create_community_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  open_demo (LINLI_APPLICATION (user_data));
}

static void
open_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  LinliApplication *self = user_data;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  self->choosing = FALSE;
  if (path != NULL)
    open_path (self, path);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  LinliApplication *self = user_data;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(LinliFilePick) pick = NULL;

  if (self->choosing)
    return;

  pick = linli_file_pick_new (_("Open a Community Database"));
  linli_file_pick_set_accept_label (pick, _("_Open"));
  gtk_file_filter_set_name (databases, _("Linli databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  linli_file_pick_add_filter (pick, databases);
  linli_file_pick_add_filter (pick, all);
  self->choosing = TRUE;
  linli_file_pick_open (pick, GTK_WINDOW (get_window (self)), NULL, open_chosen_cb,
                        g_object_ref (self), g_object_unref);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LinliApplication *self = user_data;

  LinliWindow *window = get_window (self);

  linli_preferences_window_present (linli_preferences_window_new (window ? linli_window_get_store (window) : NULL),
                                    GTK_WIDGET (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LinliApplication *self = user_data;
  static const char *developers[] = { "Linli developers", NULL };

  LinliWindow *window = get_window (self);
  GObject *about;

  /* libadwaita 1.5 shows it as a dialog over the window; before, as a
   * window of its own. The properties are the same. */
#if ADW_CHECK_VERSION (1, 5, 0)
  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
#else
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
#endif
                        "application-name", _("Linli"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Linli developers"),
                        "developers", developers,
                        "comments", _("Grids, cases, volunteers and anti-fraud outreach for a community office"),
                        "website", "https://github.com/linli/linli",
                        "issue-url", "https://github.com/linli/linli/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open-database", open_database_action },
  { "new-community", new_community_action },
  { "open-demo", open_demo_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
linli_application_startup (GApplication *application)
{
  LinliApplication *self = LINLI_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (linli_application_parent_class)->startup (application);
  linli_popover_tooltips_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

/* No database asked for: the last one, or the welcome page on a first run. */
static void
linli_application_activate (GApplication *application)
{
  LinliApplication *self = LINLI_APPLICATION (application);
  g_autofree char *last = NULL;
  LinliWindow *window = get_window (self);

  if (linli_window_get_store (window) == NULL)
    {
      last = g_settings_get_string (self->settings, "last-database");
      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        {
          open_path (self, last);
          return;
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
linli_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  LinliApplication *self = LINLI_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "demo"))
    return open_demo (self) ? 0 : 1;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);
      g_autofree char *path = g_file_get_path (file);

      return open_path (self, path) ? 0 : 1;
    }

  g_application_activate (application);
  return 0;
}

static int
linli_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "linli", PACKAGE_VERSION);
      return 0;
    }
  /* A report to PDF: before GTK starts, so it needs no display. */
  if (linli_report_command_wanted (options))
    return linli_report_command_run (options);
  return -1;
}

static void
linli_application_dispose (GObject *object)
{
  LinliApplication *self = LINLI_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (linli_application_parent_class)->dispose (object);
}

static void
linli_application_class_init (LinliApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = linli_application_dispose;
  app_class->startup = linli_application_startup;
  app_class->activate = linli_application_activate;
  app_class->command_line = linli_application_command_line;
  app_class->handle_local_options = linli_application_handle_local_options;
}

static void
linli_application_init (LinliApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open or create the community database in FILE"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a fresh copy of the demo community"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_add_main_option_entries (G_APPLICATION (self), linli_report_command_get_options ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Grids, cases, volunteers and anti-fraud outreach for a community office."));
  self->settings = g_settings_new (APP_ID);
}

LinliApplication *
linli_application_new (void)
{
  return g_object_new (LINLI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
