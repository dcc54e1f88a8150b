/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A toast in the overlay around a widget (the window's, or a dialog's):
 * what a page or a register did, with Undo where it can be undone. */

void linli_toast      (GtkWidget      *widget,
                       const char     *message);
void linli_toast_undo (GtkWidget      *widget,
                       const char     *title,
                       GCallback       undo,
                       gpointer        data,
                       GClosureNotify  free_data);

G_END_DECLS
