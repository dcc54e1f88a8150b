/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_WORKER_EDITOR (linli_worker_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinliWorkerEditor, linli_worker_editor, LINLI, WORKER_EDITOR, AdwWindow)

LinliWorkerEditor *linli_worker_editor_new (GtkWindow   *parent,
                                            LinliStore  *store,
                                            LinliRecord *worker_or_null);

G_END_DECLS
