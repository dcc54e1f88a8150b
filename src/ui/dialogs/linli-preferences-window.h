/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_PREFERENCES_WINDOW (linli_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, LINLI, PREFERENCES_WINDOW, AdwPreferencesWindow)

LinliPreferencesWindow *linli_preferences_window_new        (GtkWindow              *parent,
                                                             LinliStore             *store);
/* What choosing an MBTiles file does: checks it, and uses it if it can be
 * drawn. */
gboolean                linli_preferences_window_use_mbtiles (LinliPreferencesWindow *self,
                                                             const char             *path);

G_END_DECLS
