/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A filled and outlined polygon as one coverage mask, for a tile of the
 * grid layer: its outline as a line of @line_width with round joins and
 * antialiased edges, its inside (even-odd) sampled at pixel centres. The
 * fill's edge lies under the outline, so nothing of it shows unsmoothed.
 * Cairo's general stroker spends about a microsecond on each vertex of an
 * outline; this walks each segment's few pixels once. */

typedef struct _LinliOutlineRaster LinliOutlineRaster;

LinliOutlineRaster *linli_outline_raster_new  (void);
void                linli_outline_raster_free (LinliOutlineRaster *self);

cairo_surface_t    *linli_outline_raster_draw (LinliOutlineRaster *self,
                                               const double       *xy,
                                               const guint        *ring_sizes,
                                               guint               n_rings,
                                               double              scale,
                                               double              offset_x,
                                               double              offset_y,
                                               int                 x0,
                                               int                 y0,
                                               int                 width,
                                               int                 height,
                                               double              line_width,
                                               double              stroke_alpha,
                                               double              fill_alpha);

guint               linli_outline_simplify    (const double       *xy,
                                               guint               n_points,
                                               double              tolerance,
                                               double             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliOutlineRaster, linli_outline_raster_free)

G_END_DECLS
