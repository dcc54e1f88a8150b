/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "linli-demo.h"
#include "test-util.h"

void
test_database_open (TestDatabase *db,
                    const char   *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);

  db->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "test.db", NULL);
  db->store = linli_store_open (db->path, &error);
  g_assert_no_error (error);
  test_store_fix_clock (db->store, NULL);
}

void
test_demo_open (TestDatabase *db,
                const char   *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = test_now ();

  test_database_open (db, prefix);
  linli_demo_populate (db->store, today, &error);
  g_assert_no_error (error);
}

/* Closes the store and removes the file, what SQLite keeps beside it, and
 * the folder. */
void
test_database_close (TestDatabase *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&db->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (db->dir);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

/**
 * test_now:
 *
 * Returns: (transfer full): 2026-11-27 10:00 local time, the day the tests'
 *   demo community is made on
 */
GDateTime *
test_now (void)
{
  return g_date_time_new_local (2026, 11, 27, 10, 0, 0);
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

void
test_store_fix_clock (LinliStore *store,
                      GDateTime  *now)
{
  GDateTime *fixed = now != NULL ? g_date_time_ref (now) : test_now ();

  /* The store keeps the time for as long as it lives. */
  g_object_set_data_full (G_OBJECT (store), "test-clock", fixed, (GDestroyNotify) g_date_time_unref);
  linli_store_set_clock (store, fixed_clock, fixed);
}

/* Volunteers, @n of them, as a file of the office: 志愿者0, 志愿者1, … */
LinliCsvTable *
test_volunteers_csv (guint n)
{
  g_autoptr(GString) text = g_string_new ("姓名,联系电话,技能特长\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "志愿者%u,139%08u,剪纸\n", i, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  table = linli_csv_read (bytes, &error);
  g_assert_no_error (error);
  return table;
}

void
test_cancel_at_cb (guint    n_done,
                   guint    n_total,
                   gpointer user_data)
{
  TestCancelAt *cancel_at = user_data;

  cancel_at->last = n_done;
  if (cancel_at->cancel_at > 0 && n_done >= cancel_at->cancel_at)
    g_cancellable_cancel (cancel_at->cancellable);
}
