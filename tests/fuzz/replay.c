/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Feeds every file of the folders and files given to a fuzz target, the
 * way libFuzzer replays a corpus: so the seed corpus runs in every build,
 * also without clang, and under AddressSanitizer where that build has it.
 * usage: fuzz-TARGET-replay FOLDER_OR_FILE… */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz.h"

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      guint n = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          n += replay (child);
        }
      return n;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  g_print ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
