/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-store.h"

G_BEGIN_DECLS

/* Writes the demo community into an empty store, dated so its last twelve months end at @today. */
gboolean linli_demo_populate (LinliStore  *store,
                              GDateTime   *today,
                              GError     **error);

G_END_DECLS
