/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes what a page shows into a file the user chooses, then says how many
 * rows went into it in a toast, or what went wrong in a dialog. */

typedef gboolean (*LinliExportFunc) (gpointer        data,
                                     GOutputStream  *out,
                                     GError        **error);

void linli_event_export_to_file (GtkWidget       *page,
                                 const char      *title,
                                 const char      *file_name,
                                 const char      *done_message,
                                 LinliExportFunc  export_func,
                                 gpointer         data,
                                 GDestroyNotify   data_free);

G_END_DECLS
