/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

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
