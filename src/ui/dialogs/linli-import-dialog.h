/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-job.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* What the import dialogs' classes share (the case, event and GeoJSON
 * imports): a template, Import as the import.run action, Escape to close,
 * and for the table imports an ::imported signal. */

void  linli_import_dialog_class_setup        (GtkWidgetClass              *widget_class,
                                              const char                  *resource,
                                              GtkWidgetActionActivateFunc  run);
guint linli_import_dialog_class_add_imported (GObjectClass                *object_class);

/* An import, in a job's thread, on @writer: @row_errors and @n_imported
 * as the io layer's imports give them. */
typedef gboolean (*LinliImportFunc) (LinliJob      *job,
                                     LinliStore    *writer,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GPtrArray    **row_errors,
                                     guint         *n_imported,
                                     GError       **error);

gboolean  linli_import_dialog_run     (GtkWindow           *dialog,
                                       LinliStore          *store,
                                       const char          *busy_message,
                                       const char          *title,
                                       const GType         *types,
                                       guint                n_types,
                                       AdwPreferencesGroup *errors_group,
                                       GtkListBox          *errors_list,
                                       LinliImportFunc      func,
                                       gpointer             data,
                                       GDestroyNotify       data_free);
LinliJob *linli_import_dialog_get_job (GtkWindow           *dialog);

/* A #LinliCountFunc for a #LinliImportFunc whose @user_data is its job:
 * "120 of 300 records written" as the job's progress. */
void      linli_import_dialog_count_records (guint    n_done,
                                             guint    n_total,
                                             gpointer user_data);

G_END_DECLS
