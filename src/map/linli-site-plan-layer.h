/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "linli-plan-transform.h"

G_BEGIN_DECLS

#define LINLI_TYPE_SITE_PLAN_LAYER (linli_site_plan_layer_get_type ())

G_DECLARE_FINAL_TYPE (LinliSitePlanLayer, linli_site_plan_layer, LINLI, SITE_PLAN_LAYER, ShumateLayer)

LinliSitePlanLayer *linli_site_plan_layer_new           (ShumateViewport          *viewport,
                                                         GdkTexture               *image);
void                linli_site_plan_layer_set_transform (LinliSitePlanLayer       *self,
                                                         const LinliPlanTransform *transform);
void                linli_site_plan_layer_set_opacity   (LinliSitePlanLayer       *self,
                                                         double                    opacity);

G_END_DECLS
