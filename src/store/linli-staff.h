/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* The office's staff register (人员): who may be given work, and the rules
 * of a person's record apart from any widget. A person who left keeps
 * their record, so that old cases and the 民情日记 still name them; they are
 * no longer offered for new work. */

typedef struct
{
  char *name;        /* empty */
  char *phone;       /* not a phone number */
  char *role_title;  /* role "other" without its name */
} LinliWorkerErrors;

gboolean    linli_worker_is_active         (LinliRecord        *worker);
char       *linli_worker_dup_role_label    (LinliRecord        *worker);
void        linli_worker_normalize         (LinliRecord        *worker);
gboolean    linli_worker_validate          (LinliRecord        *worker,
                                            LinliWorkerErrors  *errors);
void        linli_worker_errors_clear      (LinliWorkerErrors  *errors);
char       *linli_worker_errors_first      (const LinliWorkerErrors *errors);

GListModel *linli_staff_list_active        (LinliStore         *store,
                                            gint64              keep_id);
gboolean    linli_staff_save               (LinliStore         *store,
                                            LinliRecord        *original,
                                            LinliRecord        *worker,
                                            GError            **error);
/* Told of the people written now and then, in the thread that writes. */
typedef void (*LinliStaffCountFunc) (guint    n_done,
                                     guint    n_total,
                                     gpointer user_data);

gboolean    linli_staff_insert_all         (LinliStore         *store,
                                            GPtrArray          *workers,
                                            LinliStaffCountFunc count,
                                            gpointer            count_data,
                                            GCancellable       *cancellable,
                                            GError            **error);
gboolean    linli_staff_mark_left          (LinliStore         *store,
                                            LinliRecord        *worker,
                                            GDateTime          *at,
                                            GError            **error);

G_END_DECLS
