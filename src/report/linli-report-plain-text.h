/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Plain text of one font, broken into lines and drawn glyph by glyph
 * without laying it out through PangoLayout: the fast path for table
 * cells. */

typedef struct _LinliPlainText LinliPlainText;

LinliPlainText *linli_plain_text_new             (PangoContext               *context,
                                                  const PangoFontDescription *desc);
void            linli_plain_text_free            (LinliPlainText             *self);
double          linli_plain_text_get_line_height (LinliPlainText             *self);
/* The width of text on one line, or -1 when it is not plain. */
double          linli_plain_text_measure         (LinliPlainText             *self,
                                                  const char                 *text);
/* The lines text takes at width, or 0 when it is not plain: then measure
 * and draw it with a PangoLayout. */
guint           linli_plain_text_count_lines     (LinliPlainText             *self,
                                                  const char                 *text,
                                                  double                      width);
/* Sets out plain text in the box at x, y, centred vertically in height,
 * to be shown with all the rest by the next flush: one call to cairo for a
 * page of cells. FALSE, with nothing set out, when the text is not plain. */
gboolean        linli_plain_text_draw            (LinliPlainText             *self,
                                                  const char                 *text,
                                                  double                      x,
                                                  double                      y,
                                                  double                      width,
                                                  double                      height,
                                                  PangoAlignment              alignment);
void            linli_plain_text_flush           (LinliPlainText             *self,
                                                  cairo_t                    *cr);

G_END_DECLS
