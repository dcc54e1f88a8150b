/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LINLI_TYPE_FILE_PICK (linli_file_pick_get_type ())

G_DECLARE_FINAL_TYPE (LinliFilePick, linli_file_pick, LINLI, FILE_PICK, GObject)

/**
 * LinliFilePickFunc:
 * @file: (nullable): the file chosen; %NULL when the user cancelled, the
 *   dialog failed, or the pick was cancelled through its #GCancellable
 *
 * Called once, when the pick is over.
 */
typedef void (*LinliFilePickFunc) (GFile    *file,
                                   gpointer  user_data);

LinliFilePick *linli_file_pick_new              (const char        *title);
void           linli_file_pick_set_accept_label (LinliFilePick     *self,
                                                 const char        *label);
void           linli_file_pick_set_initial_name (LinliFilePick     *self,
                                                 const char        *name);
void           linli_file_pick_add_filter       (LinliFilePick     *self,
                                                 GtkFileFilter     *filter);
void           linli_file_pick_open             (LinliFilePick     *self,
                                                 GtkWindow         *parent,
                                                 GCancellable      *cancellable,
                                                 LinliFilePickFunc  func,
                                                 gpointer           user_data,
                                                 GDestroyNotify     destroy);
void           linli_file_pick_save             (LinliFilePick     *self,
                                                 GtkWindow         *parent,
                                                 GCancellable      *cancellable,
                                                 LinliFilePickFunc  func,
                                                 gpointer           user_data,
                                                 GDestroyNotify     destroy);

G_END_DECLS
