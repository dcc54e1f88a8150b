/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-job.h"

G_BEGIN_DECLS

/* The bar at the foot of a window that shows the job under way: what it
 * does, how far it is and Cancel (the job-bar.cancel action). Not a toast:
 * a job can outlast any toast, and libadwaita 1.2 frees a toast twice when
 * it is dismissed while it comes in. */

#define LINLI_TYPE_JOB_BAR (linli_job_bar_get_type ())

G_DECLARE_FINAL_TYPE (LinliJobBar, linli_job_bar, LINLI, JOB_BAR, GtkWidget)

GtkWidget   *linli_job_bar_new     (void);
LinliJobBar *linli_job_bar_find    (GtkWidget   *widget);
gboolean     linli_job_bar_show    (LinliJobBar *self,
                                    LinliJob    *job);
LinliJob    *linli_job_bar_get_job (LinliJobBar *self);

G_END_DECLS
