/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

void         linli_time_popover_attach   (GtkEntry   *entry,
                                          LinliStore *store);
GtkPopover  *linli_time_popover_get      (GtkEntry   *entry);

G_END_DECLS
