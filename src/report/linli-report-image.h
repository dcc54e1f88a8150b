/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Pictures for the paper — base map tiles and site plans, as PNG or JPEG
 * (or any format gdk-pixbuf reads) — as cairo surfaces; NULL when the data
 * is no picture. */
cairo_surface_t *linli_report_image_from_bytes (GBytes     *bytes);
cairo_surface_t *linli_report_image_from_file  (const char *path);

G_END_DECLS
