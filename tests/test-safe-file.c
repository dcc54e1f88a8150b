/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "linli-safe-file.h"

/* The old file an export would replace: bytes that no export writes. */
static const char old_contents[] = "编号,标题\r\n2025-0001,旧的台账\r\n";

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("linli-safe-file-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_build_filename (fixture->dir, "cases.csv", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_object_unref (fixture->file);
  g_free (fixture->dir);
}

static void
write_old_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (g_file_peek_path (fixture->file), old_contents, -1, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in the folder, sorted, joined by spaces. */
static char *
list_folder (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_contents (Fixture    *fixture,
                 const char *expected,
                 gsize       expected_len)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (g_file_peek_path (fixture->file), &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, expected, expected_len);
}

/* Writes @n_rows rows, a good 100 kB for 2000, then fails when
 * @fail_after_rows of them are written, as a full disk or a pulled USB
 * stick would; -1 to succeed. */
typedef struct
{
  guint n_rows;
  int   fail_after_rows;
} Writer;

static gboolean
write_rows (GOutputStream  *out,
            gpointer        user_data,
            GCancellable   *cancellable,
            GError        **error)
{
  Writer *writer = user_data;

  for (guint i = 0; i < writer->n_rows; i++)
    {
      g_autofree char *row = NULL;

      if ((int) i == writer->fail_after_rows)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
          return FALSE;
        }
      row = g_strdup_printf ("2026-%04u,新的一行，写到一半的文件不能替换旧文件\r\n", i + 1);
      if (!g_output_stream_write_all (out, row, strlen (row), NULL, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static char *
expected_rows (guint n_rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2026-%04u,新的一行，写到一半的文件不能替换旧文件\r\n", i + 1);
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------ */

static void
test_failure_keeps_old_file (Fixture       *fixture,
                             gconstpointer  data)
{
  Writer writer = { 2000, 1500 };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  write_old_file (fixture);
  g_assert_false (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  assert_contents (fixture, old_contents, strlen (old_contents));
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "cases.csv");
}

static void
test_failure_at_once_keeps_old_file (Fixture       *fixture,
                                     gconstpointer  data)
{
  Writer writer = { 10, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  write_old_file (fixture);
  g_assert_false (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer, NULL, &error));
  g_assert_nonnull (error);

  assert_contents (fixture, old_contents, strlen (old_contents));
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "cases.csv");
}

static void
test_cancelled_keeps_old_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Writer writer = { 2000, -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  write_old_file (fixture);
  g_cancellable_cancel (cancellable);
  g_assert_false (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_contents (fixture, old_contents, strlen (old_contents));
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "cases.csv");
}

static void
test_success_replaces (Fixture       *fixture,
                       gconstpointer  data)
{
  Writer writer = { 2000, -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = expected_rows (2000);
  g_autofree char *names = NULL;

  write_old_file (fixture);
  g_assert_true (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer, NULL, &error));
  g_assert_no_error (error);

  assert_contents (fixture, expected, strlen (expected));
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "cases.csv");
}

/* A file that was not there is not left half-written either. */
static void
test_failure_leaves_no_new_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  Writer writer = { 2000, 1500 };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_false (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (fixture->file, NULL));
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "");
}

static void
test_success_creates (Fixture       *fixture,
                      gconstpointer  data)
{
  Writer writer = { 3, -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = expected_rows (3);

  g_assert_true (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_NONE, write_rows, &writer, NULL, &error));
  g_assert_no_error (error);
  assert_contents (fixture, expected, strlen (expected));
}

/* A file of residents' personal data is its owner's alone, whether it is
 * new or replaces one that others could read. */
static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  Writer writer = { 3, -1 };
  GStatBuf buf;

  write_old_file (fixture);
  g_assert_cmpint (g_chmod (g_file_peek_path (fixture->file), 0644), ==, 0);
  g_assert_true (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_PRIVATE, write_rows, &writer, NULL, NULL));
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->file), &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_unlink (g_file_peek_path (fixture->file)), ==, 0);
  g_assert_true (linli_safe_file_write (fixture->file, LINLI_SAFE_FILE_PRIVATE, write_rows, &writer, NULL, NULL));
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->file), &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safe-file/failure-keeps-old-file", test_failure_keeps_old_file);
  ADD ("/safe-file/failure-at-once-keeps-old-file", test_failure_at_once_keeps_old_file);
  ADD ("/safe-file/cancelled-keeps-old-file", test_cancelled_keeps_old_file);
  ADD ("/safe-file/success-replaces", test_success_replaces);
  ADD ("/safe-file/failure-leaves-no-new-file", test_failure_leaves_no_new_file);
  ADD ("/safe-file/success-creates", test_success_creates);
  ADD ("/safe-file/private", test_private);
#undef ADD

  return g_test_run ();
}
