/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_GRIDS_PAGE (linli_grids_page_get_type ())

G_DECLARE_FINAL_TYPE (LinliGridsPage, linli_grids_page, LINLI, GRIDS_PAGE, GtkWidget)

void        linli_grids_page_set_store   (LinliGridsPage *self,
                                          LinliStore     *store);
char       *linli_grids_page_dup_workers (LinliGridsPage *self,
                                          LinliRecord    *grid);

G_END_DECLS
