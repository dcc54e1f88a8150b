/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-enums.h"

G_BEGIN_DECLS

/* The colours of the map's points, shared by its layers and its legend.
 * A case's colour is the text colour of its status label on the Cases page
 * (.linli-status in style.css), so the two read alike. */

void linli_map_style_case_color     (LinliCaseStatus status,
                                     GdkRGBA        *color);
void linli_map_style_overdue_color  (GdkRGBA        *color);
void linli_map_style_cluster_color  (GdkRGBA        *color);
void linli_map_style_building_color (GdkRGBA        *color);
void linli_map_style_activity_color (GdkRGBA        *color);
void linli_map_style_outreach_color (GdkRGBA        *color);

G_END_DECLS
