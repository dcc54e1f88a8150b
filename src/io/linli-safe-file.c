/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-safe-file"

#include "config.h"

#include "linli-safe-file.h"

/* g_file_replace() writes to a temporary in the folder of a file that
 * exists (".goutputstream-XXXXXX" for a local file) and renames it over the
 * file when the stream is closed. But closing is also what dropping the
 * last reference does (GOutputStream's dispose), so a stream given up after
 * a failed write would still put a truncated file in the old one's place.
 *
 * Closing with a cancellable that is already cancelled is how to give one
 * up: GLocalFileOutputStream checks the cancellable before the rename, and
 * on that error closes the descriptor and unlinks the temporary
 * (_g_local_file_output_stream_really_close() in GLib 2.74,
 * gio/glocalfileoutputstream.c), leaving the old file as it was.
 *
 * G_FILE_CREATE_REPLACE_DESTINATION makes GIO use a temporary for a file
 * that is a hard link or a symbolic link too, where it would otherwise
 * truncate the file and write into it. What it cannot help: when no
 * temporary can be made in the folder at all, GIO removes the old file and
 * writes a new one in its place (its "fallback strategy"); in a folder we
 * may not write to, removing fails too and the old file stays.
 *
 * A file that did not exist is written directly, with no temporary; when
 * that fails, what was written of it is deleted. */

static void
abandon (GOutputStream *out)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (out, cancelled, NULL);
}

/**
 * linli_safe_file_write:
 * @file: the file to write or replace
 * @flags: %LINLI_SAFE_FILE_PRIVATE for a file only its owner may read
 * @write_func: writes the contents to the stream it is given
 * @cancellable: (nullable): cancels the writing, as a failure
 *
 * Writes @file with what @write_func writes. @file is replaced only when
 * @write_func returns %TRUE and everything is on the disk: after any error
 * (a full disk, a removed USB stick, a failing @write_func) a file that was
 * there is left byte for byte as it was, and no temporary file stays
 * beside it.
 *
 * Returns: %TRUE when @file holds the new contents
 */
gboolean
linli_safe_file_write (GFile                   *file,
                       LinliSafeFileFlags       flags,
                       LinliSafeFileWriteFunc   write_func,
                       gpointer                 user_data,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  GFileCreateFlags create_flags = G_FILE_CREATE_REPLACE_DESTINATION;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (flags & LINLI_SAFE_FILE_PRIVATE)
    create_flags |= G_FILE_CREATE_PRIVATE;

  existed = g_file_query_exists (file, cancellable);
  stream = g_file_replace (file, NULL, FALSE, create_flags, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (write_func (G_OUTPUT_STREAM (stream), user_data, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* A close that failed has given the temporary up already. */
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    abandon (G_OUTPUT_STREAM (stream));
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}
