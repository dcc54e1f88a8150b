/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

void linli_grid_delete_ask (GtkWindow  *parent,
                            LinliStore *store,
                            gint64      grid_id);

G_END_DECLS
