/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_PREFERENCES_WINDOW (linli_preferences_window_get_type ())

/* An AdwPreferencesDialog where libadwaita has it (1.5), shown inside the
 * window; an AdwPreferencesWindow before. Only its base differs: present
 * and close it with the calls below. */
#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, LINLI, PREFERENCES_WINDOW, AdwPreferencesDialog)
#else
G_DECLARE_FINAL_TYPE (LinliPreferencesWindow, linli_preferences_window, LINLI, PREFERENCES_WINDOW, AdwPreferencesWindow)
#endif

LinliPreferencesWindow *linli_preferences_window_new        (LinliStore             *store);
void                    linli_preferences_window_present    (LinliPreferencesWindow *self,
                                                             GtkWidget              *parent);
void                    linli_preferences_window_close      (LinliPreferencesWindow *self);
/* What choosing an MBTiles file does: checks it, and uses it if it can be
 * drawn. */
gboolean                linli_preferences_window_use_mbtiles (LinliPreferencesWindow *self,
                                                             const char             *path);

G_END_DECLS
