/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-map-style"

#include "config.h"

#include "linli-map-style.h"

/* The GNOME palette, as libadwaita names it in its CSS. */
#define BLUE_5   0x1a5fb4
#define PURPLE_5 0x613583
#define ORANGE_5 0xc64600
#define RED_3    0xe01b24
#define RED_4    0xc01c28
#define DARK_1   0x77767b
#define DARK_2   0x5e5c64
#define DARK_3   0x3d3846
#define GREEN_5  0x26a269
#define BROWN_3  0x986a44
#define TEAL     0x2190a4
#define YELLOW_5 0xe5a50a

static void
set_rgb (GdkRGBA *color,
         guint32  rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1;
}

void
linli_map_style_case_color (LinliCaseStatus  status,
                            GdkRGBA         *color)
{
  switch (status)
    {
    case LINLI_CASE_STATUS_REGISTERED:  set_rgb (color, BLUE_5); break;
    case LINLI_CASE_STATUS_ASSIGNED:    set_rgb (color, PURPLE_5); break;
    case LINLI_CASE_STATUS_IN_PROGRESS: set_rgb (color, ORANGE_5); break;
    case LINLI_CASE_STATUS_ESCALATED:   set_rgb (color, RED_4); break;
    case LINLI_CASE_STATUS_SUSPENDED:   set_rgb (color, DARK_2); break;
    case LINLI_CASE_STATUS_RESOLVED:
    case LINLI_CASE_STATUS_REVISITED:   set_rgb (color, GREEN_5); break;
    case LINLI_CASE_STATUS_VOID:
    case LINLI_CASE_STATUS_DUPLICATE:
    default:                            set_rgb (color, DARK_1); break;
    }
}

void
linli_map_style_overdue_color (GdkRGBA *color)
{
  set_rgb (color, RED_3);
}

void
linli_map_style_cluster_color (GdkRGBA *color)
{
  set_rgb (color, DARK_3);
}

void
linli_map_style_building_color (GdkRGBA *color)
{
  set_rgb (color, BROWN_3);
}

void
linli_map_style_activity_color (GdkRGBA *color)
{
  set_rgb (color, YELLOW_5);
}

void
linli_map_style_outreach_color (GdkRGBA *color)
{
  set_rgb (color, TEAL);
}
