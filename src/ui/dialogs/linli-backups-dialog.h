/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_BACKUPS_DIALOG (linli_backups_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliBackupsDialog, linli_backups_dialog, LINLI, BACKUPS_DIALOG, AdwWindow)

LinliBackupsDialog *linli_backups_dialog_new     (GtkWindow          *parent,
                                                  LinliStore         *store);
gboolean            linli_backups_dialog_is_busy (LinliBackupsDialog *self);

G_END_DECLS
