/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GETTING_STARTED (linli_getting_started_get_type ())

G_DECLARE_FINAL_TYPE (LinliGettingStarted, linli_getting_started, LINLI, GETTING_STARTED, GtkWidget)

void linli_getting_started_set_store (LinliGettingStarted *self,
                                      LinliStore          *store);

G_END_DECLS
