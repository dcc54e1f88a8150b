/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-backup.h"

G_BEGIN_DECLS

char *linli_backup_format_time        (GDateTime  *time);
void  linli_backup_actions_save_copy  (GtkWindow  *parent,
                                       LinliStore *store);

G_END_DECLS
