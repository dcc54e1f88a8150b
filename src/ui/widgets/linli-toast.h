/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* Toasts in the overlay around a widget (the window's, or a dialog's):
 * what a page or a register did, and Undo where it can be undone. */

/* Puts back what a change took, in one store call. */
typedef gboolean (*LinliUndoFunc) (LinliStore  *store,
                                   gpointer     data,
                                   GError     **error);

typedef struct _LinliUndo LinliUndo;

LinliUndo *linli_undo_new       (LinliStore     *store,
                                 LinliUndoFunc   func,
                                 gpointer        data,
                                 GDestroyNotify  free_data);
gboolean   linli_undo_run       (LinliUndo      *undo,
                                 GError        **error);
void       linli_undo_free      (LinliUndo      *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliUndo, linli_undo_free)

void       linli_toast          (GtkWidget      *widget,
                                 const char     *message);
void       linli_toast_add      (GtkWidget      *widget,
                                 AdwToast       *toast);
AdwToast  *linli_toast_new_undo (const char     *title,
                                 LinliUndo      *undo);

G_END_DECLS
