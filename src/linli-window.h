/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_WINDOW (linli_window_get_type ())

G_DECLARE_FINAL_TYPE (LinliWindow, linli_window, LINLI, WINDOW, AdwApplicationWindow)

LinliWindow *linli_window_new           (GtkApplication *application);
LinliStore  *linli_window_get_store     (LinliWindow    *self);
void         linli_window_set_store     (LinliWindow    *self,
                                         LinliStore     *store);
void         linli_window_show_page     (LinliWindow    *self,
                                         const char     *name);
void         linli_window_add_toast     (LinliWindow    *self,
                                         const char     *message);
GtkWidget   *linli_window_get_map_view  (LinliWindow    *self);
GtkWidget   *linli_window_get_cases_page (LinliWindow   *self);

G_END_DECLS
