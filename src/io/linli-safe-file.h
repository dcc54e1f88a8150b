/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writing a file so that a failure cannot hurt what was there: the new
 * contents go to a temporary beside it, which replaces the old file only
 * once everything is written. */

typedef enum {
  LINLI_SAFE_FILE_NONE    = 0,
  LINLI_SAFE_FILE_PRIVATE = 1 << 0,   /* readable by its owner only: residents' personal data */
} LinliSafeFileFlags;

/* Writes the contents to @out, which it must not close. */
typedef gboolean (*LinliSafeFileWriteFunc) (GOutputStream  *out,
                                            gpointer        user_data,
                                            GCancellable   *cancellable,
                                            GError        **error);

gboolean linli_safe_file_write (GFile                   *file,
                                LinliSafeFileFlags       flags,
                                LinliSafeFileWriteFunc   write_func,
                                gpointer                 user_data,
                                GCancellable            *cancellable,
                                GError                 **error);

G_END_DECLS
