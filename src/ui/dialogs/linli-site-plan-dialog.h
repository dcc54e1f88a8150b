/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

#define LINLI_TYPE_SITE_PLAN_DIALOG (linli_site_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinliSitePlanDialog, linli_site_plan_dialog, LINLI, SITE_PLAN_DIALOG, AdwWindow)

LinliSitePlanDialog *linli_site_plan_dialog_new        (GtkWindow           *parent,
                                                        LinliStore          *store);
/* What choosing a picture and clicking do, for tests. */
gboolean             linli_site_plan_dialog_load_image (LinliSitePlanDialog *self,
                                                        const char          *path,
                                                        GError             **error);
void                 linli_site_plan_dialog_open_image (LinliSitePlanDialog *self,
                                                        const char          *path);
gboolean             linli_site_plan_dialog_is_opening (LinliSitePlanDialog *self);
void                 linli_site_plan_dialog_add_image_point (LinliSitePlanDialog *self,
                                                        double               image_x,
                                                        double               image_y);
void                 linli_site_plan_dialog_add_map_point (LinliSitePlanDialog *self,
                                                        double               lon,
                                                        double               lat);

G_END_DECLS
