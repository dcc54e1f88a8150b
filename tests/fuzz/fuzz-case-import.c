/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes as a file of cases, checked against the demo community as an
 * import would check it before writing: the mapping guessed from its
 * header, and every row's values parsed. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "linli-case-csv.h"
#include "linli-demo.h"

static LinliStore *store;
static char *store_dir;

static void
close_demo (void)
{
  static const char * const files[] = { "demo.db", "demo.db-wal", "demo.db-shm" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (store_dir, files[i], NULL);
      g_remove (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static void
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 27, 10, 0, 0);
  g_autofree char *path = NULL;

  store_dir = g_dir_make_tmp ("linli-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (store_dir, "demo.db", NULL);
  store = linli_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (linli_demo_populate (store, today, &error));
  atexit (close_demo);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(LinliCsvTable) table = linli_csv_read (bytes, NULL);
  g_autofree LinliCaseField *mapping = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;

  if (store == NULL)
    open_demo ();
  if (table == NULL)
    return 0;
  mapping = linli_case_csv_guess_mapping (table);
  linli_case_csv_check (store, table, mapping, &row_errors, NULL);
  return 0;
}
