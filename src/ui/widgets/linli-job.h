/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A long job (an export, an import) run in a thread of its own while the
 * window keeps drawing, with its progress and Cancel in the window's job
 * bar (linli-job-bar.h). A window runs one job at a time: another one
 * started meanwhile ends at once with G_IO_ERROR_BUSY. */

#define LINLI_TYPE_JOB (linli_job_get_type ())

G_DECLARE_FINAL_TYPE (LinliJob, linli_job, LINLI, JOB, GObject)

/* Runs in the job's thread; reports with linli_job_progress() and stops
 * early, with G_IO_ERROR_CANCELLED, once @cancellable is cancelled. */
typedef gboolean (*LinliJobFunc) (LinliJob      *job,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error);

LinliJob     *linli_job_new             (const char          *title);
void          linli_job_run             (LinliJob            *self,
                                         GtkWidget           *widget,
                                         LinliJobFunc         func,
                                         gpointer             data,
                                         GDestroyNotify       data_free,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean      linli_job_finish          (LinliJob            *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void          linli_job_progress        (LinliJob            *self,
                                         double               fraction,
                                         const char          *text);
void          linli_job_cancel          (LinliJob            *self);

const char   *linli_job_get_title       (LinliJob            *self);
double        linli_job_get_fraction    (LinliJob            *self);
const char   *linli_job_get_text        (LinliJob            *self);
gboolean      linli_job_is_running      (LinliJob            *self);
GCancellable *linli_job_get_cancellable (LinliJob            *self);

G_END_DECLS
